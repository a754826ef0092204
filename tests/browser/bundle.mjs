#!/usr/bin/env node
// bundle.mjs — an offline copy as a reader gets it: unzipped into a folder
// whose path has a space and an umlaut, opened from file:// in headless
// Chromium. Chooses a language, switches language, searches and follows
// the result by keyboard, then follows twenty links; any request that is
// not file:, any console error or failed load fails.
//
//   node tests/browser/bundle.mjs BUNDLE.zip
//
// Prints one line per check and finally `N passed, M failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const zip = path.resolve(process.argv[2] || '');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-bundle-'));
const dir = path.join(base, 'Handboek Münster kopie');
fs.mkdirSync(dir);
execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir]);
let passed = 0, failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
};
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const problems = [];
try {
  const page = await browser.newPage();
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request ${r.url()}`); });
  page.on('requestfailed', (r) => problems.push(`failed ${decodeURIComponent(r.url())}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`error ${e.message}`));
  await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
  check('the chooser opens from file://', (await page.title()).length > 0);
  await Promise.all([page.waitForNavigation(), page.locator('main a[hreflang="nl"]').first().click()]);
  check('choosing Dutch opens the Dutch home', page.url().endsWith('/nl/index.html'), page.url());
  await Promise.all([page.waitForNavigation(), page.locator('.language-switch a[hreflang="de"]').click()]);
  check('the language switch lands on the German page', page.url().endsWith('/de/index.html'), page.url());
  const input = page.locator('#search-input');
  await input.focus();
  await input.pressSequentially('Kerngruppe', { delay: 20 });
  const shown = await page.waitForSelector('#search-listbox [role=option]', { timeout: 10000 }).then(() => true, () => false);
  check('search works from file://', shown);
  await input.press('ArrowDown');
  await Promise.all([page.waitForNavigation(), input.press('Enter')]);
  check('Enter follows the first result', /index\.html/.test(page.url()) && !page.url().endsWith('/de/index.html'), page.url());
  // Twenty links, breadth first from the German home.
  const seen = new Set();
  const queue = [pathToFileURL(path.join(dir, 'de/index.html')).href];
  let followed = 0;
  while (queue.length && followed < 20) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    const ok = response === null || response.ok();
    if (!ok) problems.push(`cannot open ${decodeURIComponent(url)}`);
    followed++;
    const links = await page.$$eval('a[href]', (as) => as.map((a) => new URL(a.getAttribute('href'), document.baseURI).href));
    for (const l of links) {
      const clean = l.split('#')[0];
      if (clean.startsWith('file:') && clean.endsWith('.html') && !seen.has(clean)) queue.push(clean);
    }
    check(`link ${followed} opens (${decodeURIComponent(url).split('kopie/')[1]})`, ok && !url.endsWith('/'));
  }
  check('twenty links followed', followed === 20, `${followed}`);
  check('no request but file:, no console error, nothing failed to load', problems.length === 0, problems.slice(0, 5).join('; '));
} finally {
  await browser.close();
  fs.rmSync(base, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
