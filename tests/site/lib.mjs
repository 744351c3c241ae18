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

// A tiny static server for DIR under `basePath`, as a static host serves it
// (a/b -> a/b/ -> a/b/index.html); resolves to its origin and a close().
export async function startServer(dir, basePath) {
  const { createServer } = await import('node:http');
  const { createReadStream, statSync } = await import('node:fs');
  const { extname, resolve, sep } = await import('node:path');
  const root = resolve(dir);
  const types = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml; charset=utf-8',
    '.json': 'application/json; charset=utf-8', '.ico': 'image/x-icon', '.png': 'image/png',
  };
  const server = createServer((req, res) => {
    const notFound = () => { res.writeHead(404); res.end(); };
    let path;
    try { path = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { return notFound(); }
    if (!path.startsWith(basePath)) return notFound();
    let file = resolve(root, '.' + path.slice(basePath.length - 1));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    let st;
    try { st = statSync(file); } catch { return notFound(); }
    if (st.isDirectory()) {
      if (!path.endsWith('/')) { res.writeHead(301, { Location: path + '/' }); return res.end(); }
      file = join(file, 'index.html');
      try { st = statSync(file); } catch { return notFound(); }
    }
    res.writeHead(200, { 'Content-Type': types[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
