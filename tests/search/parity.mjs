// Runs the browser's search analysis under node for tests/search_parity.rs.
//
//   node tests/search/parity.mjs INPUT.json
//
// INPUT.json is {"LANG": {"vocab": [...], "inputs": ["text", ...]}, ...}.
// Prints {"LANG": [[term, ...] per input], ...} as JSON on stdout.
//
// The scripts are evaluated in page order as classic scripts, the way the
// site's <script> elements load them, so their globals behave as in a browser.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, '..', '..', 'themes', 'default', 'static', 'search');
const scripts = [
  'analysis-data.js',
  'snowball/dutch.js',
  'snowball/german.js',
  'analyze.js',
];
for (const name of scripts) {
  const file = path.join(dir, name);
  vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
}

// The file must also load as a CommonJS module, exporting the same API.
const required = createRequire(import.meta.url)(path.join(dir, 'analyze.js'));
if (typeof required.analyze !== 'function' || typeof globalThis.BrugAnalyze.analyze !== 'function') {
  console.error('parity.mjs: analyze.js did not expose BrugAnalyze.analyze');
  process.exit(2);
}

const inputPath = process.argv[2];
if (!inputPath) {
  console.error('usage: node tests/search/parity.mjs INPUT.json');
  process.exit(2);
}
const input = JSON.parse(fs.readFileSync(inputPath, 'utf8'));
const output = {};
for (const [lang, { vocab, inputs }] of Object.entries(input)) {
  const known = globalThis.BrugAnalyze.vocab(vocab);
  output[lang] = inputs.map((text) => globalThis.BrugAnalyze.analyze(text, lang, known));
}
process.stdout.write(JSON.stringify(output));
