#!/usr/bin/env node
// bench-search.mjs — what the search costs a reader, measured in headless
// Chromium on a built site opened from file://:
//
//   node scripts/bench-search.mjs SITE [--lang nl] [--runs 7] [--query "kerngroep overleg"]
//
// Reports, per language:
//   page       what a page loads before any search is used (its HTML,
//              stylesheets and the theme's loader script), raw and gzip
//   bytes      what the browser loads before the first result of the
//              query's first word (the engine, the analysis and the
//              language's stemmer, search/index-LANG.js, the postings
//              shards and page files it needs), raw and gzip, and as a
//              share of the language's indexed page text (text_bytes)
//   first      focus → engine and index loaded → first query answered and
//              shown (ms)
//   keystroke  each further keystroke of the query until its results are
//              drawn, loading any postings shard it needs (ms)
// Every run opens a fresh page; medians (and min–max) over --runs.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../tests/browser/package.json'));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const site = path.resolve(args[0] || '');
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const langs = opt('lang', 'nl,de').split(',');
const runs = Number(opt('runs', '7'));
const queries = { nl: opt('query', 'kerngroep overleg gemeente'), de: opt('query', 'Kerngruppe Gespräch Kommune') };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(1)} ms (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
const kb = (n) => `${(n / 1024).toFixed(n < 100 * 1024 ? 1 : 0)} KB`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--allow-file-access-from-files'] });
try {
  for (const lang of langs) {
    // A page before any search: every file it requests.
    const plain = await browser.newPage();
    const base = pathToFileURL(site).href + '/';
    const requested = [];
    plain.on('request', (r) => { if (r.url().startsWith(base)) requested.push(decodeURIComponent(r.url().slice(base.length))); });
    await plain.goto(pathToFileURL(path.join(site, lang, 'index.html')).href);
    await plain.waitForTimeout(300);
    await plain.close();
    const pageRaw = requested.map((f) => fs.readFileSync(path.join(site, f)));
    console.log(`${lang}: a page before any search ${kb(pageRaw.reduce((n, b) => n + b.length, 0))} ` +
      `(gzip ${kb(pageRaw.reduce((n, b) => n + zlib.gzipSync(b, { level: 6 }).length, 0))}): ${requested.join(', ')}`);
    // What the first word loads before its first result is drawn: every
    // request from the focus on (engine, analysis, the language's stemmer,
    // index, postings shards, page files), found from the browser.
    const probe = await browser.newPage();
    await probe.goto(pathToFileURL(path.join(site, lang, 'index.html')).href);
    await probe.waitForTimeout(300);
    const files = [];
    let drawn = false;
    // Snippets' text chunks are asked for after the results are drawn.
    probe.on('request', (r) => {
      const f = r.url().startsWith(base) ? decodeURIComponent(r.url().slice(base.length)) : '';
      if (!drawn && f && !f.startsWith('search/text-')) files.push(f);
    });
    await probe.focus('#search-input');
    await probe.fill('#search-input', (queries[lang] || queries.nl).split(' ')[0]);
    await probe.waitForSelector('#search-listbox [role=option]', { timeout: 20000 });
    drawn = true;
    await probe.close();
    const raw = files.map((f) => fs.readFileSync(path.join(site, f)));
    const bytes = raw.reduce((n, b) => n + b.length, 0);
    const gz = raw.reduce((n, b) => n + zlib.gzipSync(b, { level: 6 }).length, 0);
    const index = fs.readFileSync(path.join(site, `search/index-${lang}.js`), 'utf8');
    const textBytes = Number((index.match(/"text_bytes":(\d+)/) || [0, 0])[1]);
    console.log(`${lang}: before the first result ${kb(bytes)} (gzip ${kb(gz)}) in ${files.length} files = ${(100 * bytes / textBytes).toFixed(1)}% ` +
      `(gzip ${(100 * gz / textBytes).toFixed(1)}%) of ${kb(textBytes)} page text`);
    const first = [], load = [], keys = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(site, lang, 'index.html')).href);
      await page.waitForFunction(() => !!window.BrugLoader);
      const q = queries[lang] || queries.nl;
      const t = await page.evaluate((q) => new Promise((resolve) => {
        const input = document.getElementById('search-input');
        // The listbox comes with the engine: watch the box it goes into.
        const box = document.getElementById('search-results');
        const t0 = performance.now();
        input.focus();
        input.value = q.split(' ')[0];
        input.dispatchEvent(new Event('input'));
        const done = () => {
          if (!box.querySelector('[role=option]')) return false;
          resolve({ first: performance.now() - t0, loaded: window.BrugSearch.loadedAt - t0 });
          return true;
        };
        if (!done()) new MutationObserver((_, obs) => { if (done()) obs.disconnect(); }).observe(box, { childList: true, subtree: true });
      }), q);
      first.push(t.first);
      load.push(t.loaded);
      // A keystroke ends when its results are drawn (render() stamps
      // BrugSearch.lastRender), postings shards it had to load included.
      const k = await page.evaluate(async (q) => {
        const input = document.getElementById('search-input');
        const times = [];
        let typed = q.split(' ')[0];
        for (const c of q.slice(typed.length)) {
          typed += c;
          const t0 = performance.now();
          input.value = typed;
          input.dispatchEvent(new Event('input'));
          while (!(window.BrugSearch.lastRender >= t0) && performance.now() - t0 < 3000) {
            await new Promise((r) => setTimeout(r, 0));
          }
          times.push(window.BrugSearch.lastRender - t0);
        }
        return times;
      }, q);
      keys.push(...k);
      await page.close();
    }
    console.log(`${lang}: focus → index loaded ${fmt(load)}; → first results shown ${fmt(first)}`);
    if (keys.length) {
      console.log(`${lang}: each further keystroke ${fmt(keys)} over ${keys.length} keystrokes; 95th percentile ${[...keys].sort((a, b) => a - b)[Math.floor(keys.length * 0.95)].toFixed(1)} ms`);
    }
  }
} finally {
  await browser.close();
}
