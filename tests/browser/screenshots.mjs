#!/usr/bin/env node
// screenshots.mjs — the README's screenshots, taken from a build of the
// shipped handbook so that they show what brug makes today:
//
//   cargo run --release -- build --out /tmp/site
//   node tests/browser/screenshots.mjs /tmp/site docs/screenshots
//
//   page.png          a method page at 1280 × 800 (map beside the text)
//   side-by-side.png  the same page's Dutch and German versions side by side
//   phone.png         the German page at 390 × 844 (compact header)
//   dark.png          the page in the dark scheme
//
// Chromium is Debian's (CHROMIUM_PATH overrides); nothing is downloaded.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [siteArg, outArg] = process.argv.slice(2);
if (!siteArg || !outArg) {
  console.error('usage: screenshots.mjs SITE_DIR OUT_DIR');
  process.exit(2);
}
const site = path.resolve(siteArg);
const out = path.resolve(outArg);
fs.mkdirSync(out, { recursive: true });
const url = (rel) => pathToFileURL(path.join(site, rel)).href;

const shots = [
  ['page.png', 'nl/methoden/consensus/index.html', { width: 1280, height: 800 }, 'light'],
  ['side-by-side.png', 'nl/naast-elkaar/methoden/consensus/index.html', { width: 1280, height: 800 }, 'light'],
  ['phone.png', 'de/methoden/konsensprinzip/index.html', { width: 390, height: 844 }, 'light'],
  ['dark.png', 'de/methoden/konsensprinzip/index.html', { width: 1280, height: 800 }, 'dark'],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
try {
  for (const [name, rel, viewport, colorScheme] of shots) {
    if (!fs.existsSync(path.join(site, rel))) throw new Error(`${rel} is not in ${site}`);
    const page = await browser.newPage({ viewport, colorScheme });
    await page.goto(url(rel));
    await page.screenshot({ path: path.join(out, name) });
    await page.close();
    console.log(`${path.join(outArg, name)}  ${rel} at ${viewport.width}×${viewport.height}, ${colorScheme}`);
  }
} finally {
  await browser.close();
}
