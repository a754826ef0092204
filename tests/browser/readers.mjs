#!/usr/bin/env node
// readers.mjs — how a reader finds the way, tried in headless Chromium on a
// built site opened from file://:
//
//   node tests/browser/readers.mjs SITE_DIR
//
//   map (1280 px)   the handbook map beside the text shows the top level,
//                   opens the current page's section and marks the page
//                   (aria-current); other sections stay closed; keyboard
//                   focus goes header → map → text, and every focused
//                   element is visible
//   phone (390 px)  on every page of both languages the <h1> starts within
//                   the first 300 px and nothing scrolls sideways; the map
//                   is one disclosure away and marks the page when opened
//   axe             no violation at phone width with the map open, in the
//                   light and the dark scheme
//   side by side    a page links to its view; the view has a column per
//                   language (each marked with its lang), sections with the
//                   same heading id in one row, side by side at 1280 px and
//                   stacked (languages alternating) at 390 px; its language
//                   switch leads to the other language's view; axe finds
//                   nothing at phone width
//
// Prints one line per check and finally `N passed, M failed`.

import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { checker, axeViolations } from './preview.mjs';

const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(path.join(site, 'nl/index.html'))) {
  console.error('usage: readers.mjs SITE_DIR (a built site with nl/index.html)');
  console.log('0 passed, 1 failed');
  process.exit(2);
}
const url = (rel) => pathToFileURL(path.join(site, rel)).href;
const t = checker();

/** Every page of a language tree, as paths below the site. */
function pages(lang) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(site, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else if (e.name === 'index.html') out.push(rel);
    }
  };
  walk(lang);
  return out.sort();
}

/** A page inside a section: the first page with a section crumb. */
async function sectionPage(page, lang) {
  for (const rel of pages(lang)) {
    if (rel.split('/').length !== 4) continue;
    await page.goto(url(rel));
    if (await page.locator('.map-tree details[open]').count()) return rel;
  }
  return null;
}

async function wide(browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const rel = await sectionPage(page, 'nl');
  t.check('a page inside a section exists', rel !== null);
  if (!rel) return page.close();
  const map = page.locator('.map-tree');
  t.check('map is shown beside the text without a click', await map.isVisible());
  const box = await map.boundingBox();
  const main = await page.locator('main').boundingBox();
  t.check('map is left of the text', box && main && box.x + box.width <= main.x, JSON.stringify({ box, main }));
  const h1 = (await page.locator('h1').innerText()).trim();
  const current = page.locator('.map-tree a[aria-current="page"]');
  t.check('map marks the current page', (await current.count()) === 1 && (await current.innerText()).trim() === h1,
    `${await current.count()} marked`);
  t.check('the marked page sits inside an opened section', await current.evaluate((a) => !!a.closest('details[open]')));
  const opened = await page.locator('.map-tree details').count();
  t.check('only the current section is opened', opened === 1, `${opened} opened`);
  const top = await page.locator('.map-tree > ul > li').count();
  const nav = await page.locator('.main-nav a').count();
  t.check('the map has the top level (at least the main navigation)', top >= nav, `${top} < ${nav}`);

  // Keyboard: Tab from the top of the page; the map comes before the text.
  await page.goto(url(rel));
  const order = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => {
      const e = document.activeElement;
      const r = e.getBoundingClientRect();
      const where = e.closest('.map') ? 'map' : e.closest('main') ? 'main' : e.closest('header') ? 'header' : 'other';
      return { where, visible: r.width > 0 && r.height > 0, text: (e.textContent || '').trim().slice(0, 30) };
    }));
  }
  const firstMap = order.findIndex((o) => o.where === 'map');
  const firstMain = order.findIndex((o) => o.where === 'main');
  const lastHeader = order.map((o) => o.where).lastIndexOf('header', firstMain);
  t.check('Tab reaches header, then map, then text', lastHeader < firstMap && firstMap < firstMain && firstMap > 0,
    order.map((o) => o.where).join(' '));
  const hidden = order.filter((o) => !o.visible);
  t.check('every element Tab reaches is visible', hidden.length === 0, JSON.stringify(hidden.slice(0, 3)));

  // A map taller than the window scrolls on its own, and the keyboard can
  // reach and scroll it (axe's scrollable-region-focusable).
  await page.setViewportSize({ width: 1280, height: 500 });
  const scrolls = await page.evaluate(() => { const m = document.querySelector('.map-tree'); return m.scrollHeight > m.clientHeight; });
  t.check('a map taller than the window scrolls', scrolls);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const v = await axeViolations(page);
    t.check(`1280 px ${scheme}: axe finds no violation with a scrolling map`, v.length === 0, v.join('; '));
  }
  await page.close();
}

async function phone(browser) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const lang of ['nl', 'de']) {
    const high = [];
    const wider = [];
    const all = pages(lang);
    for (const rel of all) {
      await page.goto(url(rel));
      const { top, width } = await page.evaluate(() => ({
        top: document.querySelector('h1')?.getBoundingClientRect().top ?? 0,
        width: document.documentElement.scrollWidth,
      }));
      if (top > 300) high.push(`${rel}: ${Math.round(top)} px`);
      if (width > 390) wider.push(`${rel}: ${width} px`);
    }
    t.check(`${lang}: on all ${all.length} pages the h1 starts within 300 px`, high.length === 0, high.slice(0, 5).join(', '));
    t.check(`${lang}: no page scrolls sideways at 390 px`, wider.length === 0, wider.slice(0, 5).join(', '));
  }
  const rel = await sectionPage(page, 'de');
  const map = page.locator('.map-tree');
  t.check('phone: the map starts closed', !(await map.isVisible()));
  await page.locator('.map > summary').click();
  t.check('phone: one tap opens the map', await map.isVisible());
  t.check('phone: the opened map marks the page', await page.locator('.map-tree a[aria-current="page"]').isVisible());
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const v = await axeViolations(page);
    t.check(`phone ${scheme}: axe finds no violation with the map open (${rel})`, v.length === 0, v.join('; '));
  }
  await page.close();
}

/** The file a relative link leads to (a folder's index.html). */
function target(from, href) {
  const u = new URL(href, url(from));
  if (u.pathname.endsWith('/')) u.pathname += 'index.html';
  return u.href;
}

async function sideBySide(browser) {
  const rel = 'nl/methoden/consensus/index.html';
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url(rel));
  const link = page.locator('.print-link a', { hasText: 'Naast elkaar' });
  t.check('a page links to its side-by-side view', (await link.count()) === 1);
  if (!(await link.count())) return page.close();
  const view = target(rel, await link.getAttribute('href'));
  await page.goto(view);
  const rows = await page.evaluate(() => [...document.querySelectorAll('.side-row:not(.side-heads)')].map((row) => {
    const cells = [...row.querySelectorAll(':scope > .side-cell')];
    return cells.map((c) => {
      const r = c.getBoundingClientRect();
      const h2 = c.querySelector('h2');
      return { lang: c.getAttribute('lang'), id: h2 ? h2.id.replace(/^[a-z]+-/, '') : null, x: r.x, top: r.top, bottom: r.bottom };
    });
  }));
  const h2s = await page.evaluate(() => document.querySelectorAll('.side-cell h2').length);
  t.check('the view has rows of two cells, Dutch then German', rows.length > 3 && rows.every((r) => r.length === 2 && r[0].lang === 'nl' && r[1].lang === 'de'),
    JSON.stringify(rows.slice(0, 2)));
  const misaligned = rows.filter((r) => r[0].id !== r[1].id);
  t.check('sections with the same heading id share a row', misaligned.length === 0 && h2s >= 2 * (rows.length - 1), JSON.stringify(misaligned));
  t.check('at 1280 px the columns stand side by side', rows.every((r) => r[1].x > r[0].x && Math.abs(r[1].top - r[0].top) < 2));
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  t.check('no id repeats on the view', new Set(ids).size === ids.length);
  const switchTo = await page.locator('.language-switch a[hreflang="de"]').getAttribute('href');
  await page.goto(target(view.slice(url('').length), switchTo));
  t.check('its language switch leads to the German view', (await page.locator('html').getAttribute('lang')) === 'de'
    && (await page.locator('.side-row:not(.side-heads) > .side-cell').first().getAttribute('lang')) === 'de');
  await page.close();

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(view);
  const stacked = await phone.evaluate(() => [...document.querySelectorAll('.side-row:not(.side-heads)')].every((row) => {
    const [a, b] = [...row.querySelectorAll(':scope > .side-cell')].map((c) => c.getBoundingClientRect());
    return b.top >= a.bottom - 1 && Math.abs(a.x - b.x) < 2;
  }));
  t.check('at 390 px the rows stack, languages alternating', stacked);
  const label = await phone.locator('.side-cell .side-lang').first().isVisible();
  t.check('at 390 px each cell names its language', label);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  t.check('the view does not scroll sideways at 390 px', width <= 390, `${width} px`);
  for (const scheme of ['light', 'dark']) {
    await phone.emulateMedia({ colorScheme: scheme });
    const v = await axeViolations(phone);
    t.check(`side by side, phone ${scheme}: axe finds no violation`, v.length === 0, v.join('; '));
  }
  await phone.emulateMedia({ media: 'print' });
  const printed = await phone.evaluate(() => {
    const row = document.querySelectorAll('.side-row:not(.side-heads)')[1];
    const [a, b] = [...row.querySelectorAll(':scope > .side-cell')].map((c) => c.getBoundingClientRect());
    return { map: getComputedStyle(document.querySelector('.map')).display, a, b };
  });
  t.check('printed, the chrome and the map are left out', printed.map === 'none');
  t.check('printed, the columns stand side by side', printed.b.x > printed.a.x && Math.abs(printed.b.top - printed.a.top) < 2,
    JSON.stringify(printed));
  await phone.close();
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
try {
  await wide(browser);
  await phone(browser);
  await sideBySide(browser);
} finally {
  await browser.close();
}
t.finish();
