// Checks that the theme's search.js turns text into the same terms as the Rust
// index build (src/output/search/terms.rs). Run by `cargo test` (the Rust test
// `output::search::tests` writes the cases and calls this script).
//
// usage: node tests/search/parity.mjs CASES.json
// CASES.json: [{"text": "...", "terms": ["...", ...]}, ...]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSearch } from './lib.mjs';

const [casesPath] = process.argv.slice(2);
if (!casesPath) {
  console.error('usage: node parity.mjs CASES.json');
  process.exit(2);
}
const search = loadSearch(fileURLToPath(new URL('../../themes/default/static/js/search.js', import.meta.url)));
const cases = JSON.parse(readFileSync(casesPath, 'utf8'));
let failed = 0;
for (const { text, terms } of cases) {
  const got = search.terms(text);
  if (JSON.stringify(got) !== JSON.stringify(terms)) {
    failed++;
    if (failed <= 20) {
      console.log(`mismatch for ${JSON.stringify(text)}:\n  rust: ${terms.join(' ')}\n  js:   ${got.join(' ')}`);
    }
  }
}
const words = cases.reduce((n, c) => n + c.terms.length, 0);
console.log(`search.js parity: ${cases.length} texts, ${words} terms: ${cases.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
