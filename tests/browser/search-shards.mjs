#!/usr/bin/env node
// search-shards.mjs — the header search of a site whose postings come in
// shards, from file:// in headless Chromium: typing several words loads
// the shards they need on demand (and no other: a handbook of more than
// four shards fetches none ahead) and shows results for each, with titles
// from the few page files those results need. A site whose dictionary
// comes in blocks (search/words-nl-K.js) loads the blocks its words need,
// not all.
//
//   node tests/browser/search-shards.mjs SITE WORD...
//
// Prints one line per word and finally `N passed, M failed`.
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [siteArg, ...words] = process.argv.slice(2);
const site = path.resolve(siteArg || '');
if (!siteArg || !words.length || !fs.existsSync(path.join(site, 'search/post-nl-1.js'))) {
  console.error('usage: search-shards.mjs SITE WORD... (a site with postings shards)');
  console.log('0 passed, 1 failed');
  process.exit(2);
}
let passed = 0, failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const shards = new Set();
  const pageFiles = new Set();
  const blocks = new Set();
  const problems = [];
  page.on('request', (r) => {
    const m = r.url().match(/search\/post-nl-(\d+)\.js$/);
    if (m) shards.add(m[1]);
    const p = r.url().match(/search\/pages-nl-(\d+)\.js$/);
    if (p) pageFiles.add(p[1]);
    const b = r.url().match(/search\/words-nl-(\d+)\.js$/);
    if (b) blocks.add(b[1]);
    if (!r.url().startsWith('file:')) problems.push(r.url());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(path.join(site, 'nl/index.html')).href);
  await page.focus('#search-input');
  for (const word of words) {
    // Each state of the list and the status after a task: the results
    // show as their page files arrive, leading ones first. The field is
    // emptied first, so that the last word's list is gone.
    await page.fill('#search-input', '');
    await page.evaluate(() => {
      window.__states = [];
      const list = document.getElementById('search-listbox'), status = document.getElementById('search-status');
      const seen = () => window.__states.push({
        titles: [...list.querySelectorAll('.search-hit-title')].map((t) => t.textContent),
        status: status ? status.textContent : '',
      });
      if (window.__watch) window.__watch.disconnect();
      window.__watch = new MutationObserver(seen);
      window.__watch.observe(list, { childList: true, subtree: true });
      if (status) window.__watch.observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.fill('#search-input', word);
    const ok = await page.waitForFunction((w) => {
      const titles = [...document.querySelectorAll('#search-listbox .search-hit-title')];
      return titles.length > 0 && titles.every((t) => t.textContent.trim()) && document.getElementById('search-input').value === w &&
        /\d/.test(document.getElementById('search-status').textContent);
    }, word, { timeout: 10000 }).then(() => true, () => false);
    check(`"${word}" shows results with their titles`, ok);
    const states = await page.evaluate(() => window.__states.filter((s) => s.titles.length));
    const last = states[states.length - 1] || { titles: [] };
    const prefix = (a, b) => a.every((t, i) => t === b[i]);
    check(`"${word}": each list shown is the start of the last, and the count is read out only with the whole list`,
      last.titles.length === 8 && states.every((s) => prefix(s.titles, last.titles) && (!/\d/.test(s.status) || s.titles.length === last.titles.length)),
      JSON.stringify(states.map((s) => [s.titles.length, s.status])));
  }
  const allPageFiles = fs.readdirSync(path.join(site, 'search')).filter((f) => /^pages-nl-\d+\.js$/.test(f)).length;
  check('the titles came from a few page files, not all', pageFiles.size > 0 && pageFiles.size <= 8 * words.length && pageFiles.size < allPageFiles,
    `${pageFiles.size} of ${allPageFiles}`);
  check('the words needed more than one postings shard', shards.size > 1, `${[...shards]}`);
  // More than four shards: none is fetched ahead, only those the words need.
  const allShards = fs.readdirSync(path.join(site, 'search')).filter((f) => /^post-nl-\d+\.js$/.test(f)).length;
  check('and loaded only those, not all', allShards > 4 && shards.size < allShards, `${shards.size} of ${allShards}`);
  const allBlocks = fs.readdirSync(path.join(site, 'search')).filter((f) => /^words-nl-\d+\.js$/.test(f)).length;
  if (allBlocks) {
    check('the dictionary blocks the words fall in loaded, not all', blocks.size > 0 && blocks.size < allBlocks / 2,
      `${blocks.size} of ${allBlocks}`);
  }
  check('no request left file: and no page error', problems.length === 0, problems.join('; '));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
