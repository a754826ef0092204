#!/usr/bin/env node
// serve.mjs — `brug serve` in headless Chromium: an edit reloads the open
// tab, so does another page's new title that the tab lists, a stylesheet
// change is swapped in without a reload, a bad edit shows the diagnostics
// over the page (which axe finds no WCAG violation in) and fixing it
// removes them. The overlay's texts are the handbook's strings
// (i18n/*.ftl): an edited one shows in a tab opened after the edit. The
// overlay links to the translation status board (board.mjs tests that).
//
//   node tests/browser/serve.mjs BRUG_BINARY FIXTURE_DIR
//
// Works on a temporary copy of FIXTURE_DIR. Prints `N passed, M failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServe, checker, axeViolations } from './preview.mjs';


const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [binary, fixture] = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-serve-'));
fs.cpSync(fixture, dir, { recursive: true });
const { check, finish } = checker();
const { server, port, log } = await startServe(binary, dir);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const errors = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  // Every subresource loads (a stylesheet that never came stalled the
  // page's load with the earlier server), then the live-reload connection.
  await page.goto(`http://127.0.0.1:${port}/nl/modules/start/`);
  await page.waitForFunction(() => window.BrugReload && window.BrugReload.events.readyState === 1);
  const file = path.join(dir, 'content/modules/start.nl.md');
  const original = fs.readFileSync(file, 'utf8');

  await page.evaluate(() => { window.brugMarker = 1; });
  const reloaded = page.waitForEvent('load', { timeout: 10000 }).then(() => true, () => false);
  fs.writeFileSync(file, original + '\nLevende alinea.\n');
  check('an edit reloads the open page', await reloaded);
  await page.waitForFunction(() => window.BrugReload && window.BrugReload.events.readyState === 1);
  check('and shows the new text', (await page.textContent('main')).includes('Levende alinea'));

  // Another page's title, shown in this page's list of its neighbours.
  const wees = path.join(dir, 'content/modules/wees.nl.md');
  const weesText = fs.readFileSync(wees, 'utf8');
  const relisted = page.waitForEvent('load', { timeout: 10000 }).then(() => true, () => false);
  fs.writeFileSync(wees, weesText.replace('title = "Wees"', 'title = "Wees welkom"'));
  check('another page\'s new title reloads a page that lists it', await relisted);
  await page.waitForFunction(() => window.BrugReload && window.BrugReload.events.readyState === 1);
  check('which shows the new title', (await page.textContent('body')).includes('Wees welkom'));
  check('taking the path for edits in place', /rendered again/.test(log()), log().slice(-400));

  await page.evaluate(() => { window.brugMarker = 2; });
  // A handbook's own site.css overrides the theme's: start from the served one.
  const css = await (await fetch(`http://127.0.0.1:${port}/static/site.css`)).text();
  fs.mkdirSync(path.join(dir, 'themes/default/static'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'themes/default/static/site.css'), css + '\nbody { outline: 1px solid red; }\n');
  const swapped = await page.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href.includes('brug=')), null, { timeout: 10000 }).then(() => true, () => false);
  check('a stylesheet change is swapped in', swapped);
  check('without reloading the page', (await page.evaluate(() => window.brugMarker)) === 2);

  fs.writeFileSync(file, '+++\ntitle = "Kapot\n+++\n');
  const overlay = await page.waitForSelector('#brug-overlay', { timeout: 10000 }).then(() => true, () => false);
  check('a bad edit shows the diagnostics over the page', overlay);
  const text = overlay ? await page.textContent('#brug-overlay') : '';
  check('with file, line and message', text.includes('content/modules/start.nl.md:2') && text.includes('TOML'), text);
  check('in the page\'s language', text.includes('De laatste wijziging bevat fouten') && text.includes('Sluiten'), text);
  check('and a link to the translation status', text.includes('Vertaalstatus') && !!(await page.$('#brug-overlay a[href="/__brug/status"]')), text);
  if (overlay) {
    const axe = await axeViolations(page);
    check('axe finds no violation with the diagnostics shown', axe.length === 0, axe.join('; '));
  }
  // A string edited in i18n/nl.ftl titles the overlay of a tab opened after it.
  fs.mkdirSync(path.join(dir, 'i18n'), { recursive: true });
  const strings = fs.readFileSync(path.join(repo, 'i18n/nl.ftl'), 'utf8');
  fs.writeFileSync(path.join(dir, 'i18n/nl.ftl'), strings.replace(/^serve-failed-title = .*$/m, 'serve-failed-title = Er ging iets mis'));
  const script = async () => (await fetch(`http://127.0.0.1:${port}/__brug/reload.js`)).text();
  for (let i = 0; i < 100 && !(await script()).includes('Er ging iets mis'); i++) await new Promise((r) => setTimeout(r, 100));
  await page.reload();
  const retitled = await page.waitForSelector('#brug-overlay', { timeout: 10000 }).then(() => true, () => false);
  const newText = retitled ? await page.textContent('#brug-overlay') : '';
  check('the overlay\'s texts come from i18n/*.ftl', newText.includes('Er ging iets mis'), newText);
  fs.writeFileSync(file, original);
  const gone = await page.waitForSelector('#brug-overlay', { state: 'detached', timeout: 10000 }).then(() => true, () => false);
  check('fixing it removes them', gone);
  check('no page errors', errors.length === 0, errors.join('; '));
} finally {
  await browser.close();
  server.kill('SIGINT');
  fs.rmSync(dir, { recursive: true, force: true });
}
finish();
