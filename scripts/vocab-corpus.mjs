#!/usr/bin/env node
// vocab-corpus.mjs — a copy of a handbook with a vocabulary of real size.
// The synthetic corpus of gen_corpus.py repeats a few hundred words, so its
// search dictionary stays tiny at any size; a real handbook of thousands of
// pages has tens of thousands of words. This copies SRC to DST and appends
// to every page a paragraph of N words drawn (seeded) from
// tests/search/stem-words.txt, about 35,000 real Dutch and German words.
//
//   node scripts/vocab-corpus.mjs SRC DST [--words 40] [--seed 1]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Copies src to dst, every content page with `perPage` real words more. */
export function enrich(src, dst, perPage, seed = 1) {
  const words = fs.readFileSync(path.join(root, 'tests/search/stem-words.txt'), 'utf8')
    .split('\n').map((w) => w.trim()).filter((w) => w && !w.startsWith('#'));
  let state = seed >>> 0 || 1;
  // xorshift32: the same words for the same seed on every machine.
  const next = () => { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state; };
  fs.rmSync(dst, { recursive: true, force: true });
  fs.cpSync(src, dst, { recursive: true });
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const extra = Array.from({ length: perPage }, () => words[next() % words.length]);
        fs.appendFileSync(p, `\n\n${extra.join(' ')}.\n`);
      }
    }
  };
  walk(path.join(dst, 'content'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [src, dst] = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  if (!src || !dst) {
    console.error('usage: vocab-corpus.mjs SRC DST [--words 40] [--seed 1]');
    process.exit(2);
  }
  enrich(path.resolve(src), path.resolve(dst), opt('words', 40), opt('seed', 1));
}
