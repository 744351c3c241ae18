// Accessibility check of a built site: every .html page, in headless Debian
// Chromium, with axe-core (WCAG 2.0/2.1 A and AA), at a desktop and a phone
// viewport. Also fails on horizontal scroll (or no meta viewport) at any width and on any request to
// another origin (the site must work offline, with no third parties). The search
// page is checked once more with a query, with the results its script shows.
// Then the version for the visually impaired: a sample of pages in each colour
// scheme, and with 200 % text, serif font and the widest spacing, checked by axe and
// for horizontal scroll.
//
// usage: node tests/site/axe.mjs [DIR] [--base-path /prefix/] [--base-url URL]
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { listFiles, parseArgs, urlPathOf } from './lib.mjs';

const USAGE = 'usage: node axe.mjs [DIR] [--base-path /prefix/] [--base-url URL]';
const opts = parseArgs(process.argv.slice(2), USAGE);
const root = resolve(opts.dir);
const PAGE_TIMEOUT = 30_000;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 320, height: 640 }, // a small phone
];
// Settings of the version for the visually impaired (themes/default a11y.js keeps
// them in localStorage under this key), each checked on the sample of pages.
const SPECIAL_KEY = 'msoko-a11y';
const SPECIAL = [
  { viewport: { width: 1280, height: 800 }, settings: { scheme: 'bw' } },
  { viewport: { width: 1280, height: 800 }, settings: { scheme: 'wb', size: '3', font: 'serif', letters: '3', lines: '3' } },
  { viewport: { width: 1280, height: 800 }, settings: { scheme: 'blue', images: 'off' } },
  { viewport: { width: 1280, height: 800 }, settings: { scheme: 'beige', images: 'grey' } },
  { viewport: { width: 320, height: 640 }, settings: { scheme: 'green', size: '2' } },
  // The largest text on the smallest phone: nothing may push the page sideways.
  { viewport: { width: 320, height: 640 }, settings: { scheme: 'bw', size: '3', letters: '3', lines: '3' } },
];
const SPECIAL_SAMPLE = 12;
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'], // skip collecting passes: much faster
};

// --- a tiny static server, so pages load over http like on the real host ---
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8', '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
};

function serve(req, res) {
  const notFound = () => { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); };
  let path;
  try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return notFound(); }
  if (!path.startsWith(opts.basePath)) return notFound();
  let file = resolve(root, '.' + path.slice(opts.basePath.length - 1));
  if (file !== root && !file.startsWith(root + sep)) return notFound(); // no ../ escapes
  let st;
  try { st = statSync(file); } catch { return notFound(); }
  if (st.isDirectory()) {
    // /a/b -> /a/b/ (as static hosts do), /a/b/ -> a/b/index.html
    if (!path.endsWith('/')) { res.writeHead(301, { Location: path + '/' }); return res.end(); }
    file = join(file, 'index.html');
    try { st = statSync(file); } catch { return notFound(); }
  }
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': st.size,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

const server = createServer(serve);
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// --- the checks ---
const pages = listFiles(root).filter((f) => f.endsWith('.html'));
// Every page as it loads, and the search page once more with a query, so that the
// results its script shows are checked too (the query: a word from the index).
const targets = [...pages];
const searchQuery = firstSearchWord(join(root, 'search/index.json'));
if (pages.includes('search/index.html') && searchQuery) {
  targets.push({
    path: urlPathOf(opts.basePath, 'search/index.html') + '?q=' + encodeURIComponent(searchQuery),
    search: true,
  });
}

function firstSearchWord(indexPath) {
  let index;
  try { index = JSON.parse(readFileSync(indexPath, 'utf8')); } catch { return null; }
  for (const [, title] of index.docs ?? []) {
    const word = (title.match(/[а-яёА-ЯЁa-zA-Z]{5,}/) ?? [])[0];
    if (word) return word;
  }
  return null;
}
const counts = { rules: 0, scroll: 0, external: 0, errors: 0 };
const report = (kind, msg) => { counts[kind]++; console.log(msg); };

// Anything not from our server (data:/blob: never hit the network).
const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OTHER_ORIGIN = new RegExp(`^(?!${escaped}/|data:|blob:)`);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  // Same flags as the machine's probe: as root Chromium needs --no-sandbox, and
  // without the networking flags it keeps dialling Google on a closed network.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function checkViewport(viewport, settings = null, list = targets) {
  const tag = `[${viewport.width}x${viewport.height}${settings ? ' ' + JSON.stringify(settings) : ''}]`;
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  if (settings) {
    await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value),
      [SPECIAL_KEY, JSON.stringify(settings)]);
  }
  // An init script (not addScriptTag) so a strict Content-Security-Policy of
  // the site cannot block axe; it is injected into every document we load.
  await context.addInitScript({ path: axePath });
  let current = '';
  await context.route(OTHER_ORIGIN, (route) => {
    // Blame the page that asked (a late request may come after we moved on).
    let from = current;
    try { from = new URL(route.request().frame().url()).pathname; } catch { /* no frame */ }
    report('external', `${tag} ${from}: request to another origin blocked: ${route.request().url()}` +
      ' (the site must make zero requests to other origins)');
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  for (const item of list) {
    // A page of the site, or the search page with a query.
    const target = typeof item === 'string' ? { path: urlPathOf(opts.basePath, item), search: false } : item;
    current = target.path;
    try {
      const resp = await page.goto(origin + current, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
      if (!resp || resp.status() !== 200) {
        report('errors', `${tag} ${current}: HTTP ${resp?.status()}`);
        continue;
      }
      if (target.search) {
        // The script has answered when the results list is shown.
        await page.waitForSelector('#search-results:not([hidden]) li', { timeout: PAGE_TIMEOUT });
      }
      const violations = await withTimeout(page.evaluate(async (o) => {
        const r = await window.axe.run(document, o);
        return r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help, n: v.nodes.length,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
        }));
      }, AXE_OPTIONS));
      for (const v of violations) {
        report('rules', `${tag} ${current}: ${v.id} (${v.impact}): ${v.help}\n` +
          v.targets.map((t) => `      at ${t}`).join('\n') +
          (v.n > 5 ? `\n      ... and ${v.n - 5} more` : ''));
      }
      if (settings) {
        const applied = await page.evaluate((s) => document.documentElement.classList.contains('a11y-scheme-' + s.scheme), settings);
        if (!applied) report('errors', `${tag} ${current}: the settings of the version for the visually impaired were not applied`);
      }
      // No page scrolls sideways at any width (WCAG 1.4.10; a wide table scrolls in its own box).
      {
        const wide = await withTimeout(page.evaluate(() => {
          // Emulation here ignores <meta name=viewport>; a real phone without
          // one lays the page out 980 px wide, so require it explicitly.
          const meta = document.querySelector('meta[name="viewport"]');
          if (!/width\s*=\s*device-width/.test(meta?.content ?? '')) return { noMeta: true };
          const de = document.documentElement;
          if (de.scrollWidth <= de.clientWidth + 1) return null;
          // Name a few elements sticking out on the right, to help fixing.
          const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
            (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const culprits = [...document.body.querySelectorAll('*')]
            .filter((e) => e.getBoundingClientRect().right > de.clientWidth + 1)
            .slice(0, 3).map(name);
          return { sw: de.scrollWidth, cw: de.clientWidth, culprits };
        }));
        if (wide?.noMeta) {
          report('scroll', `${tag} ${current}: no <meta name="viewport" content="width=device-width, ...">: ` +
            'a phone would show it 980px wide, zoomed out');
        } else if (wide) {
          report('scroll', `${tag} ${current}: horizontal scroll: page is ${wide.sw}px wide in a ` +
            `${wide.cw}px viewport (e.g. ${wide.culprits.join(', ') || '?'})`);
        }
      }
    } catch (e) {
      report('errors', `${tag} ${current}: page failed: ${e.message.split('\n')[0]}`);
    }
  }
  await context.close();
}

function withTimeout(promise) {
  let t;
  const timeout = new Promise((_, fail) => { t = setTimeout(() => fail(new Error(`timed out after ${PAGE_TIMEOUT} ms`)), PAGE_TIMEOUT); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(t));
}

const started = Date.now();
try {
  // One page per viewport, both viewports at once: uses both cores.
  await Promise.all(VIEWPORTS.map((v) => checkViewport(v)));
  // Every n-th page, so that the sample spans the sections of the site.
  const step = Math.max(1, Math.floor(pages.length / SPECIAL_SAMPLE));
  const sample = pages.filter((_, i) => i % step === 0).slice(0, SPECIAL_SAMPLE);
  for (let i = 0; i < SPECIAL.length; i += 2) {
    await Promise.all(SPECIAL.slice(i, i + 2).map((c) => checkViewport(c.viewport, c.settings, sample)));
  }
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
}
const total = counts.rules + counts.scroll + counts.external + counts.errors;
console.log(`axe: ${targets.length} pages, ${total} violations ` +
  `(${counts.rules} axe rule, ${counts.scroll} horizontal scroll, ${counts.external} other-origin requests, ` +
  `${counts.errors} page errors; ${VIEWPORTS.length} viewports, ${SPECIAL.length} settings of the version for the visually impaired, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (pages.length === 0) console.log('axe: no .html files found in ' + root);
process.exitCode = total > 0 || pages.length === 0 ? 1 : 0;
