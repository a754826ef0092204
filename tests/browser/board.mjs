#!/usr/bin/env node
// board.mjs — the translation status board of `brug serve` in headless
// Chromium. A copy of FIXTURE_DIR is made a git repository with one
// translation stamped and committed, then its original is changed. Checks:
// the outdated page's notice links to its diff on the board, the board
// shows that diff, axe finds no WCAG violation in the light and the dark
// scheme, nothing scrolls sideways at phone width, the Nu Html Checker
// finds no error, and a save updates the open board.
//
//   node tests/browser/board.mjs BRUG_BINARY FIXTURE_DIR [SCREENSHOT_DIR]
//
// Prints `N passed, M failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { startServe, checker, axeViolations } from './preview.mjs';

const require = createRequire(import.meta.url);
const [bin, fixture, shots] = process.argv.slice(2);
const binary = path.resolve(bin);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brug-board-'));
fs.cpSync(fixture, dir, { recursive: true });
const { check, finish } = checker();
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, {
    cwd: dir, encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Redactie', GIT_AUTHOR_EMAIL: 'r@example.org',
      GIT_COMMITTER_NAME: 'Redactie', GIT_COMMITTER_EMAIL: 'r@example.org' },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const original = path.join(dir, 'content/modules/start.nl.md');
run('git', ['init', '-q', '-b', 'main']);
run(binary, ['status', '--root', dir, '--stamp', 'content/modules/start.de.md']);
run('git', ['add', '-A']);
run('git', ['commit', '-q', '-m', 'Vertaling gestempeld']);
fs.writeFileSync(original, fs.readFileSync(original, 'utf8') + '\nEen nieuwe alinea in het origineel.\n');

const { server, port } = await startServe(binary, dir);
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const errors = [];

try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/de/modules/start/`);
  const link = await page.waitForSelector('.notice-outdated a.brug-diff-link', { timeout: 10000 }).then((l) => l, () => null);
  check('the outdated notice links to what changed', !!link);
  if (link) {
    check('in the page\'s language', (await link.textContent()) === 'Was hat sich geändert?', await link.textContent());
    await Promise.all([page.waitForURL(/__brug\/status/), link.click()]);
  } else {
    await page.goto(`${base}/__brug/status/de#diff-de/modules/start/`);
  }
  await page.waitForLoadState('load');
  const target = await page.evaluate(() => { const t = document.querySelector(':target'); return t ? t.id : ''; });
  check('which opens the board at that diff', target === 'diff-de/modules/start/', target);
  const diff = await page.textContent('section.diff');
  check('the board shows the added paragraph', diff.includes('Een nieuwe alinea in het origineel.'), diff);
  check('and leaves unchanged paragraphs out', !diff.includes('zie lotsen'), diff);

  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const v = await axeViolations(page);
    check(`axe finds no violation on the board (${scheme})`, v.length === 0, v.join('; '));
    if (shots) await page.screenshot({ path: path.join(shots, `board-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 360, height: 780 });
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  check('nothing scrolls sideways at 360 px', !sideways);
  if (shots) await page.screenshot({ path: path.join(shots, 'board-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The Nu Html Checker on the board as served.
  const html = await (await fetch(`${base}/__brug/status/nl`)).text();
  const file = path.join(dir, 'board.html');
  fs.writeFileSync(file, html);
  const jar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
  const vnu = spawnSync('java', ['-jar', jar, '--errors-only', file], { encoding: 'utf8' });
  check('the Nu Html Checker finds no error', vnu.status === 0, (vnu.stderr || vnu.stdout).slice(0, 2000));

  // A save updates the open board.
  await page.goto(`${base}/__brug/status/de`);
  await page.waitForFunction(() => window.BrugReload && window.BrugReload.events.readyState === 1);
  const reloaded = page.waitForEvent('load', { timeout: 15000 }).then(() => true, () => false);
  fs.writeFileSync(original, fs.readFileSync(original, 'utf8') + '\nNog een alinea erbij.\n');
  check('a save reloads the board', await reloaded);
  check('which shows the new change', (await page.textContent('main')).includes('Nog een alinea erbij.'));
  check('no page errors', errors.length === 0, errors.join('; '));
} finally {
  await browser.close();
  server.kill('SIGINT');
  fs.rmSync(dir, { recursive: true, force: true });
}
finish();
