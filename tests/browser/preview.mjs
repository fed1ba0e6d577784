// Loads pages of the live preview (disclose serve) and of the published site
// side by side in Debian's headless Chromium and checks that the preview is
// styled like the published site: its stylesheets load and apply, and key
// elements compute the same styles. Usage:
//
//   node preview.mjs PREVIEW_BASE PUBLISHED_BASE ARTIFACT_DIR PAGE...
//
// Prints one JSON report on stdout; exits 1 when any check fails.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [previewBase, publishedBase, artifactDir, ...pages] = process.argv.slice(2);
if (!previewBase || !publishedBase || !artifactDir || pages.length === 0) {
  console.error("usage: node preview.mjs PREVIEW_BASE PUBLISHED_BASE ARTIFACT_DIR PAGE...");
  process.exit(2);
}

// The computed styles compared, by selector.
const probes = {
  body: ["font-family", "font-size", "color", "background-color", "margin-top"],
  h1: ["font-size", "font-weight", "line-height"],
  h2: ["font-size", "font-weight"],
  main: ["max-width", "padding-left"],
  "main p": ["font-size", "line-height", "max-width"],
  "main li a": ["color", "text-decoration-line"],
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
});
await mkdir(artifactDir, { recursive: true });
const report = { pages: [], failures: [] };
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const look = async (base, path, shot) => {
    const page = await context.newPage();
    const failed = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    const resp = await page.goto(base + path, { waitUntil: "load" });
    const styles = await page.evaluate((probes) => {
      const out = { sheets: 0, rules: 0 };
      for (const s of document.styleSheets) {
        out.sheets++;
        try { out.rules += s.cssRules.length; } catch { /* cross-origin */ }
      }
      for (const [sel, props] of Object.entries(probes)) {
        const el = document.querySelector(sel);
        if (!el) { out[sel] = null; continue; }
        const cs = getComputedStyle(el);
        out[sel] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    }, probes);
    await page.screenshot({ path: join(artifactDir, shot) });
    await page.close();
    return { status: resp && resp.status(), styles, failed };
  };
  for (const path of pages) {
    const name = path.replace(/\//g, "_").replace(/^_|_$/g, "") || "home";
    const pre = await look(previewBase, path, `preview-${name}.png`);
    const pub = await look(publishedBase, path, `published-${name}.png`);
    report.pages.push({ path, preview: `preview-${name}.png`, published: `published-${name}.png` });
    if (pre.status !== 200) report.failures.push(`${path}: the preview answered ${pre.status}`);
    if (pre.failed.length) report.failures.push(`${path}: the preview failed to load ${pre.failed.join(", ")}`);
    if (pre.styles.rules === 0) report.failures.push(`${path}: no stylesheet rule applies in the preview (${pre.styles.sheets} sheets)`);
    if (pre.styles.rules !== pub.styles.rules) report.failures.push(`${path}: the preview has ${pre.styles.rules} style rules, the published page ${pub.styles.rules}`);
    for (const sel of Object.keys(probes)) {
      const a = JSON.stringify(pre.styles[sel]), b = JSON.stringify(pub.styles[sel]);
      if (a !== b) report.failures.push(`${path}: ${sel} is styled ${a} in the preview, ${b} when published`);
    }
  }
  await context.close();
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 2));
process.exit(report.failures.length ? 1 : 0);
