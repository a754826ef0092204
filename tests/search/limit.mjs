#!/usr/bin/env node
// limit.mjs — the engine returns at most LIMIT hits, chosen without sorting
// them all; they must be the first LIMIT of a full sort:
//   node tests/search/limit.mjs SITE LANG QUERY…
// Runs each query on the theme's engine and on a copy whose LIMIT is
// unbounded, and fails unless both give the same first hits and total.
import { loadEngine } from './engine.mjs';

const [site, lang, ...queries] = process.argv.slice(2);
const limited = loadEngine(site, [lang]);
let limit = 0;
const full = loadEngine(site, [lang], (file, source) => {
  if (!file.endsWith('score.js')) return source;
  return source.replace(/var LIMIT = (\d+);/, (_, n) => { limit = +n; return 'var LIMIT = 1e9;'; });
});
if (!limit) throw new Error('score.js has no `var LIMIT = N;` to lift');
for (const query of queries) {
  const a = limited.search(lang, query, false);
  const b = full.search(lang, query, false);
  const pages = (hits) => hits.map((h) => `${h.page}:${h.doc}`).join(' ');
  if (a.total !== b.total || b.length !== b.total) throw new Error(`${query}: total ${a.total} against ${b.total} (${b.length} listed)`);
  if (b.length <= limit) throw new Error(`${query}: ${b.length} hits, not more than the limit of ${limit}`);
  if (a.length !== limit) throw new Error(`${query}: ${a.length} hits of ${b.length}, not the limit of ${limit}`);
  if (pages(a) !== pages(b.slice(0, a.length))) throw new Error(`${query}: the first ${a.length} hits differ from a full sort`);
  console.log(`${query}: ${a.length} of ${a.total} hits as in a full sort`);
}
