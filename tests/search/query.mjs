#!/usr/bin/env node
// query.mjs — one query against a built site with the browser's search code:
//   node tests/search/query.mjs SITE LANGS READER QUERY [typing]
// LANGS is "nl" or "nl,de"; prints the hits as JSON [{title, href, lang}].
import { loadEngine, top } from './engine.mjs';

const [site, langs, reader, query, typing] = process.argv.slice(2);
const list = langs.split(',');
const engine = loadEngine(site, list);
console.log(JSON.stringify(top(engine, list, reader, query, typing === 'typing', 50)));
