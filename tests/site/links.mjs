// Internal link check of a built site, without a browser: every href, src,
// srcset, poster, data and meta refresh URL in every .html page (and url() in
// .css files) must resolve to a file of the site, and a #fragment into an HTML
// page must name an element id (or <a name>) that exists in that page.
//
// usage: node tests/site/links.mjs [DIR] [--base-path /prefix/] [--base-url URL]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { listFiles, parseArgs } from './lib.mjs';

const USAGE = 'usage: node links.mjs [DIR] [--base-path /prefix/] [--base-url URL]';
const opts = parseArgs(process.argv.slice(2), USAGE);
const root = resolve(opts.dir);
const SITE = 'http://site.invalid'; // a stand-in origin to resolve relative URLs
const MAX_PRINTED = 500;            // a broken footer link on 10,000 pages...

const files = listFiles(root);
const fileSet = new Set(files);
const htmlFiles = files.filter((f) => f.endsWith('.html'));
const cssFiles = files.filter((f) => f.endsWith('.css'));

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (s) => s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) =>
  e[0] === '#' ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    : ENTITIES[e.toLowerCase()] ?? m);

// A tiny tag/attribute scanner: enough for generated HTML. Comments and the
// text of <script>/<style> are dropped first so that code inside them is not
// mistaken for markup (the opening tag itself, with its src, is kept).
const TAG = /<([a-zA-Z][a-zA-Z0-9:-]*)(\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>/g;
const ATTR = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRS = new Set(['href', 'src', 'poster', 'data', 'xlink:href', 'action', 'cite', 'longdesc']);

function scanHtml(html) {
  html = html.replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<(script|style|textarea|title)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  const ids = new Set();
  const links = [];
  let base = null;
  for (const [, rawName, attrText = ''] of html.matchAll(TAG)) {
    const name = rawName.toLowerCase();
    const attrs = {};
    for (const [, k, v1, v2, v3] of attrText.matchAll(ATTR)) {
      attrs[k.toLowerCase()] = decodeEntities(v1 ?? v2 ?? v3 ?? '');
    }
    if (attrs.id) ids.add(attrs.id);
    if (name === 'a' && attrs.name) ids.add(attrs.name);
    if (name === 'base' && attrs.href) { base = attrs.href; continue; }
    // <link rel=preconnect/dns-prefetch> name hosts, not documents.
    if (name === 'link' && /\b(preconnect|dns-prefetch)\b/i.test(attrs.rel ?? '')) continue;
    for (const [k, v] of Object.entries(attrs)) {
      if (URL_ATTRS.has(k)) links.push(v.trim());
      else if (k === 'srcset' || k === 'imagesrcset') {
        for (const c of v.split(',')) { const u = c.trim().split(/\s+/)[0]; if (u) links.push(u); }
      }
    }
    if (name === 'meta' && /^refresh$/i.test(attrs['http-equiv'] ?? '')) {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.content ?? '');
      if (m) links.push(m[1].trim());
    }
  }
  return { ids, links, base };
}

function scanCss(css) {
  css = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const links = [];
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
    links.push((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]).trim());
  }
  return { ids: new Set(), links, base: null };
}

// The URL of a file: a/b/index.html is served at /a/b/ — resolving against
// /a/b/index.html gives the same results, so the file path is used as is.
const fileUrl = (rel) => SITE + opts.basePath + rel.split('/').map(encodeURIComponent).join('/');

const scanned = new Map(); // rel -> { ids, links, base }
for (const rel of htmlFiles) scanned.set(rel, scanHtml(readFileSync(join(root, rel), 'utf8')));
for (const rel of cssFiles) scanned.set(rel, scanCss(readFileSync(join(root, rel), 'utf8')));

// Resolve one link of `page`; returns null if fine (or external), else why not.
function check(page, link, baseHref) {
  if (link === '' || link === '#') return null; // "this page" / "top of this page"
  let url;
  try { url = new URL(link, new URL(baseHref ?? '', fileUrl(page))); } catch { return 'unparsable URL'; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined; // mailto:, tel:, data:, javascript:...
  const own = url.origin === SITE || (opts.baseUrl && url.origin === opts.baseUrl.origin);
  if (!own) return undefined; // another host: not ours to check
  let path;
  try { path = decodeURIComponent(url.pathname); } catch { return 'bad percent-encoding'; }
  if (!path.startsWith(opts.basePath)) return `outside the base path ${opts.basePath}`;
  let target = path.slice(opts.basePath.length);
  if (target === '' || target.endsWith('/')) target += 'index.html';
  if (!fileSet.has(target)) {
    // /a/b without the slash: a static host redirects it to /a/b/.
    if (fileSet.has(target + '/index.html')) target += '/index.html';
    else return 'no such file';
  }
  if (url.hash && target.endsWith('.html')) {
    let frag;
    try { frag = decodeURIComponent(url.hash.slice(1)); } catch { return 'bad percent-encoding in fragment'; }
    // '#top' scrolls to the top per the HTML spec; ':~:' is a text fragment.
    if (frag.toLowerCase() === 'top' || frag.startsWith(':~:')) return null;
    if (!scanned.get(target).ids.has(frag)) return `no id "${frag}" in ${target}`;
  }
  return null;
}

let checked = 0, broken = 0;
for (const [page, { links, base }] of scanned) {
  for (const link of links) {
    const why = check(page, link, base);
    if (why === undefined) continue; // not an internal link
    checked++;
    if (why) {
      if (++broken <= MAX_PRINTED) console.log(`${page} -> ${link} (${why})`);
    }
  }
}
if (broken > MAX_PRINTED) console.log(`... and ${broken - MAX_PRINTED} more broken links`);

console.log(`links: ${htmlFiles.length} pages, ${checked} links checked, ${broken} broken`);
if (htmlFiles.length === 0) console.log('links: no .html files found in ' + root);
process.exitCode = broken > 0 || htmlFiles.length === 0 ? 1 : 0;
