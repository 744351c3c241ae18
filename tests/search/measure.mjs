// Measures the search of a built site: the size of search/index.json (raw and
// gzip, as a web server sends it), the time to parse it, and the time of 50
// queries run by the theme's search.js as a browser would (median and slowest).
// With --query, prints the results of one query instead (used by the e2e tests).
//
// usage: node tests/search/measure.mjs DIR            (DIR: the built site, e.g. public)
//        node tests/search/measure.mjs DIR --query 'медалисты'
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadSearch } from './lib.mjs';

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) {
  console.error('usage: node measure.mjs DIR [--query Q]');
  process.exit(2);
}
const search = loadSearch(fileURLToPath(new URL('../../themes/default/static/js/search.js', import.meta.url)));
const raw = readFileSync(join(dir, 'search/index.json'));
const parseStart = performance.now();
const index = JSON.parse(raw.toString('utf8'));
const parseMs = performance.now() - parseStart;

const queryAt = args.indexOf('--query');
if (queryAt >= 0) {
  const results = search.search(index, args[queryAt + 1] ?? '').slice(0, 20).map((r) => {
    const [url, title, kind] = index.docs[r.doc];
    return { url, title, kind: index.kinds[kind] };
  });
  console.log(JSON.stringify(results, null, 1));
  process.exit(0);
}

// 25 queries a reader of a МСОКО site types, whole words and half-typed ones,
// and 25 from titles spread over the site (two words, the last one half-typed).
const queries = [
  'медалисты', 'дорожная карта', 'впр', 'огэ математика', 'егэ русский язык',
  'объективность', 'индекс необъективности', 'школа', 'сош 1', 'детский сад',
  'план мероприятий', 'приказ', 'положение о мсоко', 'доклад 2025', 'результаты впр',
  'учитель года', 'олимпиада', 'шнор', 'родители анкетирование', 'кадры',
  'медал', 'дорожн', 'образовательных организаций', 'мониторинг качества', 'новост',
];
const step = Math.max(1, Math.floor(index.docs.length / 25));
for (let i = 0; queries.length < 50 && i < index.docs.length; i += step) {
  const titleWords = search.words(index.docs[i][1]).filter((w) => w.length > 3);
  if (titleWords.length === 0) continue;
  const last = titleWords[Math.min(1, titleWords.length - 1)];
  queries.push((titleWords.length > 1 ? titleWords[0] + ' ' : '') + last.slice(0, Math.max(3, last.length - 2)));
}

const REPEAT = 5;
const times = [];
let found = 0;
for (const q of queries) search.search(index, q); // warm up
for (const q of queries) {
  const start = performance.now();
  let results;
  for (let r = 0; r < REPEAT; r++) results = search.search(index, q);
  times.push((performance.now() - start) / REPEAT);
  if (results.length) found++;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`documents: ${index.docs.length}, terms: ${index.terms.length}`);
console.log(`index: ${raw.length} bytes (${kb(raw.length)}), gzip: ${gzipSync(raw).length} bytes (${kb(gzipSync(raw).length)})`);
console.log(`JSON.parse: ${parseMs.toFixed(1)} ms`);
console.log(`${queries.length} queries (${found} with results): median ${median.toFixed(3)} ms, slowest ${times[times.length - 1].toFixed(3)} ms`);
