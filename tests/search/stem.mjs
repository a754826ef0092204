// Stems words with the browser's stemmer of one language, for
// tests/stemmer_parity.rs.
//
//   node tests/search/stem.mjs dutch|german < WORDS
//
// WORDS is one word per line; prints one stem per line, in the same order.
// The stemmer file is evaluated as a classic script, the way the site's
// <script> element loads it, and used through the global it defines.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const STEMMERS = { dutch: 'DutchStemmer', german: 'GermanStemmer' };
const name = process.argv[2];
if (!Object.prototype.hasOwnProperty.call(STEMMERS, name)) {
  console.error('usage: node tests/search/stem.mjs dutch|german < WORDS');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.join(here, '..', '..', 'themes', 'default', 'static', 'search', 'snowball', `${name}.js`);
vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file });
const Stemmer = globalThis[STEMMERS[name]];
if (typeof Stemmer !== 'function') {
  console.error(`stem.mjs: ${path.basename(file)} did not define ${STEMMERS[name]}`);
  process.exit(2);
}
const stemmer = new Stemmer();
const words = fs.readFileSync(0, 'utf8').split('\n');
if (words[words.length - 1] === '') words.pop();
process.stdout.write(words.map((w) => stemmer.stemWord(w) + '\n').join(''));
