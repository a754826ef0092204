#!/usr/bin/env node
// suggest.mjs — "did you mean" for one query with the browser's search code:
//   node tests/search/suggest.mjs SITE LANGS READER QUERY
// Prints JSON {hits: [href], typos: [word], suggestion}.
import { loadEngine } from './engine.mjs';

const [site, langs, reader, query] = process.argv.slice(2);
const list = langs.split(',');
const engine = loadEngine(site, list);
const hits = list.length > 1 ? engine.searchBoth(list, reader, query, false) : engine.search(list[0], query, false);
engine.suggest(hits, query, (suggestion) => {
  console.log(JSON.stringify({
    hits: hits.slice(0, 20).map((h) => engine.target(h).href),
    typos: hits.typos.map((t) => t.word),
    suggestion,
  }));
});
