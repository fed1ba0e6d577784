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
      const nav = await checkNavigation(page, vpName);
      for (const f of nav.failures) report.failures.push(`${where}: ${f}`);
      const acts = await checkWaysToAct(page);
      for (const f of acts.failures) report.failures.push(`${where}: ${f}`);
      const name = (path.replace(/\//g, "_").replace(/^_|_$/g, "") || "home") + `-${vpName}.png`;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(artifactDir, name), fullPage: true });
      report.pages.push({ path, viewport: vpName, violations: axe.length, screenshot: name, ...nav.counts, ...acts.counts });
      await page.close();
    }
    await context.close();
  }));
  // Printable: the print stylesheet hides the navigation, the sidebar and
  // the heading and back-to-top links, keeps the notice's own contents and
  // shows where external links lead.
  const context = await browser.newContext({ viewport: viewports.desktop });
  const page = await context.newPage();
  const printed = pages.find((p) => p !== "/") || pages[0];
  await page.goto(base + printed, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const print = await page.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
    const external = document.querySelector('main a[href^="http"]');
    return {
      nav: shown(".site-header nav"), sidebar: shown(".toc"), toTop: shown('a[href="#top"]'), selfLinks: shown(".self-link"),
      contents: document.getElementById("contents") ? shown("#contents") : -1,
      externalURL: external ? getComputedStyle(external, "::after").content : null,
    };
  });
  if (print.nav) report.failures.push(`print (${printed}): the navigation is printed`);
  if (print.sidebar) report.failures.push(`print (${printed}): the contents sidebar is printed`);
  if (print.toTop) report.failures.push(`print (${printed}): ${print.toTop} back-to-top links are printed`);
  if (print.selfLinks) report.failures.push(`print (${printed}): ${print.selfLinks} heading self-links are printed`);
  if (print.contents === 0) report.failures.push(`print (${printed}): the notice's own contents is not printed`);
  if (print.externalURL !== null && !/attr\(href\)|http/.test(print.externalURL)) report.failures.push(`print (${printed}): external links do not show their address (::after is ${print.externalURL})`);
  report.print = "print.png";
  await page.screenshot({ path: join(artifactDir, report.print), fullPage: true });
  await page.pdf({ path: join(artifactDir, "print.pdf") });
  await context.close();
} finally {
  await browser.close();
  server.close();
}
// The reading aids of a page, checked in the page: returns the failures and
// how many of each thing was checked (so the test can tell a check that ran
// from one that found nothing to check).
// From the top of a notice with key points, the deletion right and the
// request form are one link each: the "Your rights" point's link to its
// section is clicked and must bring a section that speaks of deletion into
// view; the primary action must be a link to the same request address the
// notice's own text gives, and clicking it must go there (the request is
// answered here, so no page outside the site is loaded).
async function checkWaysToAct(page) {
  const out = { failures: [], counts: { keyPoints: 0, rightsLink: false, requestLink: false } };
  const summary = await page.evaluate(() => {
    const kp = document.querySelector("ul.key-points");
    if (!kp) return null;
    // The point's label in the page's language.
    const label = { de: /^\s*Ihre Rechte/, fr: /^\s*Vos droits/ }[document.documentElement.lang] || /^\s*Your rights/;
    const rights = [...kp.querySelectorAll("li")].find((li) => label.test(li.textContent));
    const to = rights && [...rights.querySelectorAll('a[href^="#"]')].pop();
    const primary = document.querySelector("ul.actions a");
    const elsewhere = primary && [...document.querySelectorAll("main a")].some((a) => a !== primary && !a.closest("ul.actions") && a.href === primary.href);
    return { points: kp.querySelectorAll(":scope > li").length, rightsHref: to ? to.getAttribute("href") : null,
      primary: primary ? { href: primary.href, text: primary.textContent.trim() } : null, elsewhere };
  });
  if (!summary) return out;
  out.counts.keyPoints = summary.points;
  if (!summary.rightsHref) {
    out.failures.push("the key points have no link to the rights");
  } else {
    await page.click(`ul.key-points a[href="${summary.rightsHref}"]`);
    const landed = await page.evaluate((href) => {
      const target = document.getElementById(href.slice(1));
      if (location.hash !== href || !target) return { ok: false, why: `hash ${location.hash}` };
      const box = target.getBoundingClientRect();
      // The section: from its heading to the next heading of its level or
      // above.
      const level = Number(target.tagName.slice(1)) || 6;
      const heads = [...document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")];
      const next = heads.slice(heads.indexOf(target) + 1).find((h) => Number(h.tagName.slice(1)) <= level);
      const range = document.createRange();
      range.setStartBefore(target);
      if (next) range.setEndBefore(next);
      else range.setEndAfter(document.querySelector("main").lastChild);
      const text = range.toString();
      return { ok: box.top >= -1 && box.top < window.innerHeight, why: `top ${Math.round(box.top)}`, deletion: /delet|erasure|lösch|effac/i.test(text) };
    }, summary.rightsHref);
    if (!landed.ok) out.failures.push(`the rights link (${summary.rightsHref}) does not bring its section into view (${landed.why})`);
    else if (!landed.deletion) out.failures.push(`the section the rights link leads to (${summary.rightsHref}) does not speak of deletion`);
    else out.counts.rightsLink = true;
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  if (!summary.primary) {
    out.failures.push("key points without a primary action");
  } else if (!/^https?:/.test(summary.primary.href) || !summary.elsewhere) {
    out.failures.push(`the primary action ${summary.primary.text} (${summary.primary.href}) is not a request address the notice gives`);
  } else {
    const target = summary.primary.href;
    await page.route(target, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>form</title>" }));
    await Promise.all([page.waitForURL(target), page.click("ul.actions a >> nth=0")]);
    out.counts.requestLink = page.url() === target;
    if (!out.counts.requestLink) out.failures.push(`clicking ${summary.primary.text} led to ${page.url()}`);
    await page.goBack();
  }
  return out;
}

async function checkNavigation(page, vpName) {
  const desktop = vpName === "desktop";
  const failures = [];
  const r = await page.evaluate((desktop) => {
    const out = { failures: [], counts: { sections: 0, selfLinks: 0, cells: 0, sidebar: false, toTop: false, navLinks: 0 } };
    // Shown: laid out, not hidden (nor inside a closed details element,
    // whose content Chromium hides with content-visibility), at least 2px.
    const visible = (e) => {
      if (!e || !e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const cs = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      return cs.visibility !== "hidden" && cs.opacity !== "0" && box.width > 1 && box.height > 1;
    };
    // The header's notices: on one line at desktop width (every link's box
    // has the same top); on a phone the header stays compact.
    // On a phone they are behind a closed menu (a details element), which
    // is opened to count them.
    const header = document.querySelector(".site-header");
    const links = () => [...document.querySelectorAll(".site-header nav:not(.languages) a")].filter(visible);
    if (desktop) {
      const shown = links();
      const tops = new Set(shown.map((a) => Math.round(a.getBoundingClientRect().top)));
      out.counts.navLinks = shown.length;
      if (shown.length === 0) out.failures.push("the header shows no notice links");
      else if (tops.size > 1) out.failures.push(`the header's ${shown.length} notice links take ${tops.size} lines`);
    } else {
      const height = header ? header.getBoundingClientRect().height : 0;
      if (height > 80) out.failures.push(`the header is ${Math.round(height)}px tall on a phone`);
      const menu = document.querySelector(".site-header nav details");
      if (links().length > 0) out.failures.push("the header's notice links are not behind a menu on a phone");
      if (menu) {
        menu.open = true;
        out.counts.navLinks = links().length;
        menu.open = false;
      }
    }
    // Every shown section heading (h2, h3 with an id) has a visible link to
    // itself, named after it.
    const headings = [...document.querySelectorAll("main h2[id], main h3[id]")].filter(visible);
    out.counts.sections = headings.length;
    for (const h of headings) {
      const self = [...document.querySelectorAll(`a[href="#${CSS.escape(h.id)}"]`)].find((a) => h.parentElement.contains(a) && visible(a));
      const name = self && (self.getAttribute("aria-label") || self.textContent);
      if (!self) out.failures.push(`heading #${h.id} has no visible self-link`);
      else if (!name.includes(h.textContent.trim())) out.failures.push(`the self-link of #${h.id} is named "${name}", not after the heading`);
      else out.counts.selfLinks++;
    }
    // Long pages: a contents sidebar, in view while scrolling (desktop), and
    // a back-to-top link.
    if (headings.filter((h) => h.tagName === "H2").length >= 2 || !desktop) {
      const top = [...document.querySelectorAll('a[href="#top"]')];
      out.counts.toTop = top.length > 0 && document.getElementById("top") !== null;
      if (headings.length >= 2 && !out.counts.toTop) out.failures.push("no back-to-top link (or no #top)");
    }
    if (desktop && headings.filter((h) => h.tagName === "H2").length >= 2) {
      const toc = document.querySelector("nav.toc");
      if (!visible(toc)) out.failures.push("no visible contents sidebar");
      else {
        if (getComputedStyle(toc).position !== "sticky") out.failures.push("the contents sidebar is not sticky");
        // Half way down, its top is in view; at the last section (where
        // the page ends and the sidebar may leave with it), some of it is.
        headings[Math.floor(headings.length / 2)].scrollIntoView();
        const box = toc.getBoundingClientRect();
        const middle = window.scrollY;
        headings[headings.length - 1].scrollIntoView();
        const end = toc.getBoundingClientRect();
        if (middle < 500) out.failures.push(`the page scrolled only ${middle}px to its middle section`);
        else if (box.top < -1 || box.top > window.innerHeight / 2) out.failures.push(`the contents sidebar's top is out of view half way down (${Math.round(box.top)}px)`);
        else if (end.bottom < 40) out.failures.push(`the contents sidebar is out of view at the last section (bottom ${Math.round(end.bottom)}px)`);
        else out.counts.sidebar = true;
        const missing = headings.filter((h) => h.id !== "contents" && h.closest(".notice-body") && !toc.querySelector(`a[href="#${CSS.escape(h.id)}"]`));
        if (missing.length) out.failures.push(`the sidebar lacks ${missing.map((h) => "#" + h.id).join(", ")}`);
        window.scrollTo(0, 0);
      }
    }
    // Phones: no table cell cut off, no table scrolled sideways.
    if (!desktop) {
      for (const wrap of document.querySelectorAll(".table-wrap")) {
        if (wrap.scrollWidth > wrap.clientWidth + 1) out.failures.push(`table "${wrap.getAttribute("aria-label")}" is ${wrap.scrollWidth - wrap.clientWidth}px wider than the screen`);
        for (const cell of wrap.querySelectorAll("th, td")) {
          // Column headers are hidden (for screen readers only) where each
          // cell shows its label.
          const head = cell.closest("thead");
          if (!visible(cell) || (head && !visible(head))) continue;
          out.counts.cells++;
          if (cell.scrollWidth > cell.clientWidth + 1) out.failures.push(`a cell of table "${wrap.getAttribute("aria-label")}" is cut off: "${cell.textContent.trim().slice(0, 40)}"`);
        }
      }
    }
    return out;
  }, desktop);
  failures.push(...r.failures);
  // The back-to-top link at the end is reachable by keyboard and not hidden
  // under anything when it has focus (WCAG 2.4.11).
  if (r.counts.toTop) {
    const handle = await page.$$('a[href="#top"]');
    const last = handle[handle.length - 1];
    await last.focus();
    const seen = await last.evaluate((a) => {
      if (document.activeElement !== a) return "it cannot take focus";
      const b = a.getBoundingClientRect();
      if (b.width < 1) return "it is not shown";
      const at = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      if (!at || !a.contains(at)) return `it is covered by ${at && at.tagName.toLowerCase()}.${at && at.className}`;
      const style = getComputedStyle(a);
      if (style.outlineStyle === "none" && style.boxShadow === "none") return "it shows no focus indicator";
      return "";
    });
    if (seen) failures.push(`the back-to-top link: ${seen}`);
  }
  return { failures, counts: r.counts };
}

// In a fixed order, whichever width finished first.
report.pages.sort((a, b) => (a.viewport + a.path).localeCompare(b.viewport + b.path));
report.failures.sort();
console.log(JSON.stringify(report, null, 2));
process.exit(report.failures.length ? 1 : 0);
