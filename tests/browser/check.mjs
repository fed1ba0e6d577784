// Loads every page type of a built disclose site in Debian's headless
// Chromium, at desktop and phone widths, and checks it with axe-core against
// WCAG 2.2 AA. Usage:
//
//   node check.mjs PUBLIC_DIR ARTIFACT_DIR PAGE...
//
// PAGEs are site paths such as / or /eu/. Screenshots go to ARTIFACT_DIR.
// Prints one JSON report on stdout; exits 1 when any check fails.
import { createServer } from "node:http";
import { readFile, mkdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [publicDir, artifactDir, ...pages] = process.argv.slice(2);
if (!publicDir || !artifactDir || pages.length === 0) {
  console.error("usage: node check.mjs PUBLIC_DIR ARTIFACT_DIR PAGE...");
  process.exit(2);
}

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain" };

// A static file server for the site, on a free loopback port.
const server = createServer(async (req, res) => {
  try {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.includes("..")) throw new Error("bad path");
    let file = join(publicDir, path);
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
});
await mkdir(artifactDir, { recursive: true });

const report = { pages: [], failures: [] };
try {
  // The two widths load in parallel, each in its own browser context.
  await Promise.all(Object.entries(viewports).map(async ([vpName, viewport]) => {
    const context = await browser.newContext({ viewport, javaScriptEnabled: true });
    for (const path of pages) {
      const page = await context.newPage();
      const resp = await page.goto(base + path, { waitUntil: "load" });
      const where = `${path} (${vpName})`;
      if (!resp || resp.status() !== 200) {
        report.failures.push(`${where}: HTTP ${resp && resp.status()}`);
        continue;
      }
      await page.addScriptTag({ path: axePath });
      const axe = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
          resultTypes: ["violations"],
        });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
      });
      for (const v of axe) {
        report.failures.push(`${where}: axe ${v.id} (${v.impact}): ${v.help}: ${v.nodes.join(", ")}`);
      }
      // Readable on a phone: nothing wider than the screen except inside
      // the scrollable table regions.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) report.failures.push(`${where}: the page is ${overflow}px wider than the screen`);
      // The skip link leads to the main landmark, which can take focus.
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => document.activeElement && document.activeElement.className);
      if (skip !== "skip") report.failures.push(`${where}: the first Tab does not reach the skip link (got ${skip})`);
      const name = (path.replace(/\//g, "_").replace(/^_|_$/g, "") || "home") + `-${vpName}.png`;
      await page.screenshot({ path: join(artifactDir, name), fullPage: true });
      report.pages.push({ path, viewport: vpName, violations: axe.length, screenshot: name });
      await page.close();
    }
    await context.close();
  }));
  // Printable: the print stylesheet hides navigation.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + (pages.find((p) => p !== "/") || pages[0]), { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const navShown = await page.evaluate(() => getComputedStyle(document.querySelector(".site-header nav")).display !== "none");
  if (navShown) report.failures.push("print: the navigation is printed");
  await page.pdf({ path: join(artifactDir, "print.pdf") });
  await context.close();
} finally {
  await browser.close();
  server.close();
}
// In a fixed order, whichever width finished first.
report.pages.sort((a, b) => (a.viewport + a.path).localeCompare(b.viewport + b.path));
report.failures.sort();
console.log(JSON.stringify(report, null, 2));
process.exit(report.failures.length ? 1 : 0);
