// Shared helpers for axe.mjs and links.mjs (no dependencies).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// All files under `dir`, as '/'-separated paths relative to it, sorted so
// that every run visits pages in the same order.
export function listFiles(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, p));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

// `DIR [--base-path /prefix/] [--base-url https://host/prefix/]`.
// --base-url implies its path as the base path; its origin then also counts
// as "this site" (absolute links to the site's own base_url are internal).
export function parseArgs(argv, usage) {
  const opts = { dir: 'public', basePath: '/', baseUrl: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${usage}`);
      return argv[++i];
    };
    if (a === '--base-path') opts.basePath = val();
    else if (a === '--base-url') opts.baseUrl = new URL(val());
    else if (a === '-h' || a === '--help') { console.log(usage); process.exit(0); }
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n${usage}`);
    else opts.dir = a;
  }
  if (opts.baseUrl && opts.basePath === '/') opts.basePath = opts.baseUrl.pathname;
  // Normalise to '/prefix/' (leading and trailing slash).
  opts.basePath = ('/' + opts.basePath + '/').replace(/\/+/g, '/');
  return opts;
}

// The URL path under which a file is served: 'a/b/index.html' -> '/a/b/'
// (pretty URLs), anything else as is; each segment percent-encoded.
export function urlPathOf(basePath, rel) {
  const pretty = rel.replace(/(^|\/)index\.html$/, '$1');
  return basePath + pretty.split('/').map(encodeURIComponent).join('/');
}
