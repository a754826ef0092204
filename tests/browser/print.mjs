#!/usr/bin/env node
// print.mjs — the print view rendered to PDF by headless Chromium (what
// "Save as PDF" does): one page or more per chapter, as each chapter starts
// on a new page; every link of the table of contents has its target; and a
// single page prints without the site's navigation.
//
//   node tests/browser/print.mjs SITE
//
// Prints one line per check and finally `N passed, M failed`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const site = path.resolve(process.argv[2] || '');
let passed = 0, failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
};
const pdfPages = (buf) => (buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [lang, folder] of [['nl', 'afdrukken'], ['de', 'drucken']]) {
    const file = path.join(site, lang, folder, 'index.html');
    check(`${lang}: the print view exists`, fs.existsSync(file));
    if (!fs.existsSync(file)) continue;
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    const chapters = await page.locator('section.chapter').count();
    const missing = await page.evaluate(() => [...document.querySelectorAll('.print-toc a[href^="#"]')]
      .map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)));
    const tocLinks = await page.locator('.print-toc a').count();
    check(`${lang}: the table of contents lists every chapter`, tocLinks === chapters && chapters > 10, `${tocLinks} / ${chapters}`);
    check(`${lang}: every table-of-contents link resolves`, missing.length === 0, missing.join(', '));
    const broken = await page.evaluate(() => [...document.querySelectorAll('.chapter a[href^="#"]')]
      .map((a) => a.getAttribute('href').slice(1)).filter((id) => !document.getElementById(id)));
    check(`${lang}: every link between chapters resolves`, broken.length === 0, broken.slice(0, 5).join(', '));
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPages(pdf);
    check(`${lang}: the PDF has a page or more per chapter (${pages} pages, ${chapters} chapters)`, pages >= chapters + 1, `${pages}`);
    await page.close();
  }
  const single = await browser.newPage();
  const one = path.join(site, 'nl/methoden/consensus/index.html');
  await single.goto(pathToFileURL(one).href);
  await single.emulateMedia({ media: 'print' });
  const hidden = await single.evaluate(() => ['.site-header', '.site-footer', '.breadcrumbs', '.print-link']
    .every((s) => !document.querySelector(s) || getComputedStyle(document.querySelector(s)).display === 'none'));
  check('a single page prints without navigation', hidden);
  const pdf = await single.pdf({ format: 'A4' });
  check('and as a PDF of its own', pdfPages(pdf) >= 1);
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
