// Layout check of a built site for phones and desktops: one page of every page
// type (the page with the most charts and tables among those of its type), at
// 360 px and at 1280 px, in headless Chromium. Fails on
//   - a chart (svg.chart) wider than its container,
//   - chart text rendered below 12 CSS px,
//   - a table wider than its container or the viewport that is not laid out as
//     cards (display other than `table`): at 1280 px this is a hidden column,
//   - horizontal scroll of the page;
// and names the page and the element for each.
//
// usage: node tests/site/layout.mjs [DIR] [--base-path /prefix/] [--base-url URL]
// (optional: --shots DIR writes a full-page screenshot of every checked page)
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { listFiles, parseArgs, startServer, urlPathOf } from './lib.mjs';

const USAGE = 'usage: node layout.mjs [DIR] [--base-path /prefix/] [--base-url URL] [--shots DIR]';
const argv = process.argv.slice(2);
const shotsAt = argv.indexOf('--shots');
const shots = shotsAt >= 0 ? argv.splice(shotsAt, 2)[1] : null;
const opts = parseArgs(argv, USAGE);
const root = resolve(opts.dir);
const WIDTHS = [360, 1280];
const MIN_CHART_TEXT = 12;

// The type of a page: its first folder and its depth («orgs/*», «indicators/*/*»).
function pageType(rel) {
  const parts = rel.split('/').slice(0, -1);
  if (parts.length === 0) return rel;
  return [parts[0], ...parts.slice(1).map(() => '*')].join('/');
}
const weight = (html) => (html.match(/<svg /g) ?? []).length + (html.match(/<table/g) ?? []).length;
const chosen = new Map();
for (const rel of listFiles(root).filter((f) => f.endsWith('.html'))) {
  const type = pageType(rel);
  const w = weight(readFileSync(join(root, rel), 'utf8'));
  if (!chosen.has(type) || w > chosen.get(type).w) chosen.set(type, { rel, w });
}
const pages = [...chosen.values()].map((c) => c.rel).sort();

const server = await startServer(root, opts.basePath);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
if (shots) mkdirSync(shots, { recursive: true });

let problems = 0;
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 800 }, serviceWorkers: 'block' });
    // Only our own server: the site must work offline anyway.
    await context.route(new RegExp(`^(?!${server.origin.replace(/[.:/]/g, '\\$&')}/)`), (r) => r.abort());
    const page = await context.newPage();
    for (const rel of pages) {
      const path = urlPathOf(opts.basePath, rel);
      const resp = await page.goto(server.origin + path, { waitUntil: 'load', timeout: 30_000 });
      if (!resp || resp.status() !== 200) {
        problems++;
        console.log(`[${width}] ${path}: HTTP ${resp?.status()}`);
        continue;
      }
      const found = await page.evaluate(({ minText }) => {
        const out = [];
        const name = (e) => {
          const label = e.querySelector?.('caption, title')?.textContent?.trim().slice(0, 60);
          return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
            (e.getAttribute('class') ? '.' + e.getAttribute('class').trim().split(/\s+/).join('.') : '') +
            (label ? ` «${label}»` : '');
        };
        const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
        const de = document.documentElement;
        if (de.scrollWidth > de.clientWidth + 1) {
          out.push(`horizontal scroll: the page is ${de.scrollWidth}px wide in a ${de.clientWidth}px viewport`);
        }
        for (const svg of document.querySelectorAll('svg.chart')) {
          if (!shown(svg)) continue;
          const box = svg.parentElement.getBoundingClientRect();
          const own = svg.getBoundingClientRect();
          if (own.width > box.width + 1) {
            out.push(`${name(svg)}: chart is ${Math.round(own.width)}px wide in a ${Math.round(box.width)}px container`);
          }
          let smallest = Infinity;
          let sample = '';
          for (const t of svg.querySelectorAll('text')) {
            if (!t.textContent.trim()) continue;
            const size = parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM()?.a ?? 1);
            if (size < smallest) { smallest = size; sample = t.textContent.trim().slice(0, 30); }
          }
          if (smallest < minText - 0.01) {
            out.push(`${name(svg)}: chart text is ${smallest.toFixed(1)}px («${sample}»), below ${minText}px`);
          }
        }
        for (const table of document.querySelectorAll('table')) {
          if (!shown(table) || getComputedStyle(table).display !== 'table') continue;
          const own = table.getBoundingClientRect();
          const box = table.parentElement.getBoundingClientRect();
          if (own.width > de.clientWidth + 1 || own.width > box.width + 1) {
            out.push(`${name(table)}: table is ${Math.round(own.width)}px wide in a ` +
              `${Math.round(Math.min(box.width, de.clientWidth))}px column and not laid out as cards`);
          }
        }
        return out;
      }, { minText: MIN_CHART_TEXT });
      for (const f of found) console.log(`[${width}] ${path}: ${f}`);
      problems += found.length;
      if (shots) {
        await page.screenshot({ path: join(shots, `${rel.replace(/\//g, '_').replace(/\.html$/, '')}-${width}.png`), fullPage: true });
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`layout: ${pages.length} page types at ${WIDTHS.join(' and ')} px, ${problems} problems`);
process.exit(problems ? 1 : 0);
