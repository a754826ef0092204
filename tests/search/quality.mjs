#!/usr/bin/env node
// quality.mjs — query → expected page cases on a built site, run with the
// browser's own search code: node tests/search/quality.mjs SITE [CASES.json]
// Each case passes when its expected page is among the first five hits.
// Prints one line per failure and finally `N passed, M failed`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine, top } from './engine.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = process.argv[2];
const cases = JSON.parse(fs.readFileSync(process.argv[3] || path.join(here, 'cases.json'), 'utf8'));
const engine = loadEngine(site, ['nl', 'de']);
let passed = 0;
let failed = 0;
for (const c of cases) {
  const langs = c.both ? ['nl', 'de'] : [c.lang];
  const hits = top(engine, langs, c.lang, c.q, !!c.typing, 5);
  const ok = hits.some((h) => h.href.split('#')[0] === c.expect);
  if (ok) passed++;
  else {
    failed++;
    console.log(`FAIL [${c.lang}${c.both ? '+both' : ''}] ${JSON.stringify(c.q)} (${c.why || 'word'}): want ${c.expect}, got ${hits.map((h) => h.href).join(', ') || 'nothing'}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
