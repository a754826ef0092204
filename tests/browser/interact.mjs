#!/usr/bin/env node
// interact.mjs — what the theme's script does, tried in headless Chromium on
// a built site opened from file:// (as an offline copy is):
//
//   node tests/browser/interact.mjs SITE_DIR
//
//   transfer table   the filters hide rows and announce the count; the sort
//                    buttons reorder rows and set aria-sort
//   glossary tips    keyboard focus shows a term's explanation, Escape hides
//                    it, a first tap on a touch screen shows it and a second
//                    tap follows the link
//   search           a page loads no search script until the search field
//                    gets focus; a query typed before the engine arrived
//                    still shows its results; typing in the header search
//                    shows results in an ARIA listbox (axe finds no
//                    violation with it open); arrow keys and Enter follow a
//                    result; Escape closes; a typing error gets results
//                    for the word meant and "did you mean" (header and
//                    search page); the search page shows full
//                    results with marked words
//   offline          no request other than file:, no console error
//
// Prints one line per case and finally `N passed, M failed`.

import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const site = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(path.join(site, 'nl/index.html'))) {
  console.error('usage: interact.mjs SITE_DIR (a built site with nl/index.html)');
  console.log('0 passed, 1 failed');
  process.exit(2);
}
const url = (rel) => pathToFileURL(path.join(site, rel)).href;

let passed = 0;
let failed = 0;
function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
}

/// Watches a page for requests that leave file: and for console errors.
function guard(page, problems) {
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request ${r.url()}`);
  });
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

/// The first page (nl, then de) whose HTML contains `needle`.
function findPage(needle) {
  const stack = [site];
  while (stack.length) {
    const dir = stack.pop();
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.name === 'index.html' && fs.readFileSync(p, 'utf8').includes(needle)) return path.relative(site, p);
    }
  }
  return null;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--allow-file-access-from-files'],
});
const problems = [];
try {
  // ---- transfer table
  const transfer = fs.readdirSync(path.join(site, 'nl')).find((d) =>
    fs.existsSync(path.join(site, 'nl', d, 'index.html')) &&
    fs.readFileSync(path.join(site, 'nl', d, 'index.html'), 'utf8').includes('data-sortable'));
  check('the transfer overview exists', !!transfer);
  if (transfer) {
    const page = await browser.newPage();
    guard(page, problems);
    await page.goto(url(`nl/${transfer}/index.html`));
    const state = () => page.evaluate(() => {
      const rows = [...document.querySelectorAll('.transfer-table tbody tr')];
      return {
        visible: rows.filter((r) => !r.hidden).map((r) => r.querySelector('th').textContent.trim()),
        all: rows.map((r) => ({ title: r.querySelector('th').textContent.trim(), statuses: r.dataset.statuses.split(' '), fields: r.dataset.fields.split(' ') })),
        count: document.getElementById('transfer-count').textContent,
        controlsShown: !document.getElementById('transfer-controls').hidden,
      };
    });
    const before = await state();
    check('controls show once the script runs', before.controlsShown);
    check('every row is visible before filtering', before.visible.length === before.all.length && before.all.length > 0);
    check('the count names all rows', before.count.includes(String(before.all.length)), before.count);
    const status = ['adapting', 'implemented', 'planned', 'not_transferable']
      .find((s) => { const n = before.all.filter((r) => r.statuses.includes(s)).length; return n > 0 && n < before.all.length; });
    if (status) {
      await page.selectOption('#filter-status', status);
      const after = await state();
      const expected = before.all.filter((r) => r.statuses.includes(status)).map((r) => r.title);
      check(`the status filter (${status}) keeps exactly the matching rows`, JSON.stringify(after.visible) === JSON.stringify(expected), `${after.visible} vs ${expected}`);
      check('the count follows the filter', after.count.startsWith(String(expected.length)), after.count);
      await page.selectOption('#filter-status', '');
    } else {
      check('the handbook has a status that splits the practices', false);
    }
    const field = before.all[0].fields[0];
    if (field) {
      await page.selectOption('#filter-field', field);
      const after = await state();
      const expected = before.all.filter((r) => r.fields.includes(field)).map((r) => r.title);
      check(`the policy-field filter (${field}) keeps exactly the matching rows`, JSON.stringify(after.visible) === JSON.stringify(expected));
      await page.selectOption('#filter-field', '');
    }
    const sortButton = page.locator('.transfer-table thead th').first().locator('button');
    await sortButton.press('Enter');
    const asc = await state();
    const ariaAsc = await page.locator('.transfer-table thead th').first().getAttribute('aria-sort');
    await sortButton.click();
    const desc = await state();
    const sorted = [...asc.visible].sort((a, b) => a.localeCompare(b, 'nl'));
    check('the sort button sorts ascending by keyboard and sets aria-sort', ariaAsc === 'ascending' && JSON.stringify(asc.visible) === JSON.stringify(sorted), `${ariaAsc}: ${asc.visible}`);
    check('a second press sorts descending', JSON.stringify(desc.visible) === JSON.stringify([...sorted].reverse()));
    await page.close();
  }

  // ---- glossary tooltips
  const withTerm = findPage('term-tip');
  check('some page links a glossary term', !!withTerm);
  if (withTerm) {
    const page = await browser.newPage();
    guard(page, problems);
    await page.goto(url(withTerm));
    const link = page.locator('.term > a').first();
    const tip = page.locator('.term > .term-tip').first();
    check('the tip is hidden at first', !(await tip.isVisible()));
    await link.focus();
    check('keyboard focus shows the tip', await tip.isVisible());
    const described = await link.getAttribute('aria-describedby');
    check('the link is described by the tip', described && described === (await tip.getAttribute('id')));
    await page.keyboard.press('Escape');
    check('Escape hides the tip and keeps focus', !(await tip.isVisible()) && await link.evaluate((a) => a === document.activeElement));
    await page.close();

    const touch = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const tpage = await touch.newPage();
    guard(tpage, problems);
    await tpage.goto(url(withTerm));
    const tlink = tpage.locator('.term > a').first();
    await tlink.scrollIntoViewIfNeeded();
    const start = tpage.url();
    await tlink.tap();
    await tpage.waitForTimeout(200);
    check('a first tap shows the tip and stays on the page', tpage.url() === start && await tpage.locator('.term > .term-tip').first().isVisible());
    await Promise.all([tpage.waitForEvent('framenavigated').catch(() => {}), tlink.tap()]);
    await tpage.waitForTimeout(300);
    check('a second tap follows the link', tpage.url() !== start, tpage.url());
    await touch.close();
  }
  // ---- search
  {
    // A content table wider than the text column scrolls sideways; the
    // keyboard reaches it only when it takes focus (axe scrollable-region-focusable).
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    guard(page, problems);
    await page.goto(url('nl/sjablonen/index.html'));
    const tables = await page.evaluate(() => Array.from(document.querySelectorAll('.content table'))
      .map((t) => ({ wide: t.scrollWidth > t.clientWidth + 1, tab: t.getAttribute('tabindex') })));
    check('the templates page has a table wider than the text column', tables.some((t) => t.wide), JSON.stringify(tables));
    check('a table that scrolls sideways takes keyboard focus, and only such a table',
      tables.length > 0 && tables.every((t) => (t.tab === '0') === t.wide), JSON.stringify(tables));
    await page.close();
  }
  {
    const page = await browser.newPage();
    guard(page, problems);
    const engine = [];
    const base = pathToFileURL(site).href + '/';
    page.on('request', (r) => {
      const rel = r.url().startsWith(base) ? r.url().slice(base.length) : r.url();
      if (/^(static\/)?search\//.test(rel)) engine.push(rel);
    });
    await page.goto(url('nl/index.html'));
    await page.waitForTimeout(300);
    check('a page loads no search script before search is used', engine.length === 0, engine.join(', '));
    check('it has the loader, not the engine', await page.evaluate(() => !!window.BrugLoader && !window.BrugSearch));
    const input = page.locator('#search-input');
    await input.focus();
    await page.waitForFunction(() => !!window.BrugSearch && window.BrugSearch.ready('nl'), null, { timeout: 5000 }).catch(() => {});
    check('focusing the search field loads the engine, the analysis and the index',
      ['static/search/dictionary.js', 'static/search/score.js', 'static/search/search.js', 'static/search/search-ui.js', 'static/search/analyze.js', 'search/index-nl.js'].every((f) => engine.includes(f)), engine.join(', '));
    check('and the stemmer of the page\'s language only',
      engine.includes('static/search/snowball/dutch.js') && !engine.some((f) => f.includes('snowball/german')), engine.join(', '));
    await input.pressSequentially('kerngroep', { delay: 30 });
    await page.waitForSelector('#search-listbox [role=option]', { timeout: 5000 }).catch(() => {});
    const options = await page.locator('#search-listbox [role=option]').count();
    check('typing shows results as options', options > 0, `${options} options`);
    check('the combobox says it is expanded', (await input.getAttribute('aria-expanded')) === 'true');
    const status = await page.textContent('#search-status');
    check('the number of results is announced', /\d/.test(status || ''), status);
    const firstHref = await page.locator('#search-listbox [role=option]').first().getAttribute('href');
    check('the first result is the page about it', /structuren\/kerngroep\//.test(firstHref || ''), firstHref);
    const marked = await page.locator('#search-listbox mark').count();
    check('snippets mark the matched words', marked > 0);
    await page.evaluate(axeSource); // evaluated, not a <script>: the page's policy forbids inline scripts
    const axe = await page.evaluate(async () => {
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    check('axe finds no violation with the results open', axe.length === 0, axe.join('; '));
    await input.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    const selected = await page.locator('#search-listbox [aria-selected=true]').getAttribute('id');
    check('ArrowDown makes the first result active', !!active && active === selected, `${active} / ${selected}`);
    await Promise.all([page.waitForNavigation(), input.press('Enter')]);
    check('Enter follows the active result', page.url().includes('structuren/kerngroep/'), page.url());
    await page.goto(url('nl/index.html'));
    await page.locator('#search-input').focus();
    await page.locator('#search-input').pressSequentially('visie', { delay: 30 });
    await page.waitForSelector('#search-listbox [role=option]', { timeout: 5000 }).catch(() => {});
    await page.locator('#search-input').press('Escape');
    check('Escape closes the results', (await page.locator('#search-input').getAttribute('aria-expanded')) === 'false');
    // A query typed before the engine is there (in the same task as the
    // focus that asks for it) is not lost.
    await page.goto(url('nl/index.html'));
    const early = await page.evaluate(() => {
      const field = document.getElementById('search-input');
      field.focus();
      field.value = 'kerngroep';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return !window.BrugSearch;
    });
    const earlyShown = await page.waitForSelector('#search-listbox [role=option]', { timeout: 5000 }).then(() => true, () => false);
    check('a query typed before the engine arrived shows its results', early && earlyShown,
      `typed before the engine: ${early}, results: ${earlyShown}`);
    // Searching both languages loads the German stemmer, then finds a
    // German word.
    await page.goto(url('nl/index.html'));
    await page.locator('input[name=both]').check();
    await page.locator('#search-input').focus();
    await page.locator('#search-input').pressSequentially('Kerngruppe', { delay: 20 });
    const german = await page.waitForSelector('#search-listbox a.search-hit[lang=de]', { timeout: 5000 }).then(() => true, () => false);
    check('searching both languages loads the other stemmer and finds its words',
      german && engine.includes('static/search/snowball/german.js'), engine.join(', '));
    await page.goto(url('nl/search/index.html') + '?q=kerngroep');
    await page.waitForSelector('#search-page-results li', { timeout: 5000 }).catch(() => {});
    const full = await page.locator('#search-page-results li').count();
    check('the search page lists full results for ?q=', full > 0, `${full}`);
    check('the search page hides the A-Z index then', await page.locator('#page-index').isHidden());
    // A typing error: results for the word meant, and "did you mean".
    await page.goto(url('nl/search/index.html') + '?q=kerngreop');
    const fixed = await page.waitForSelector('p.search-suggest a', { timeout: 5000 }).then((a) => a.textContent(), () => '');
    check('the search page asks "did you mean" after a typing error', fixed === 'kerngroep', fixed);
    check('and lists the results for the word meant', (await page.locator('#search-page-results li').count()) > 0);
    const axeSuggest = await page.evaluate(axeSource).then(() => page.evaluate(async () => {
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => v.id);
    }));
    check('axe finds no violation with the suggestion shown', axeSuggest.length === 0, axeSuggest.join('; '));
    await page.locator('#search-input').fill('');
    await page.locator('#search-input').focus();
    await page.locator('#search-input').pressSequentially('kerngreop ', { delay: 20 });
    const offered = await page.waitForSelector('#search-option-suggest', { timeout: 5000 }).then((o) => o, () => null);
    check('the header search offers the word meant as its first option',
      !!offered && (await offered.textContent()) === 'Bedoelde u kerngroep?' &&
      (await page.locator('#search-listbox [role=option]').first().getAttribute('id')) === 'search-option-suggest',
      offered ? await offered.textContent() : 'none');
    check('which opens the search for it', !!offered && /\?q=kerngroep$/.test(await offered.getAttribute('href')));
    await page.close();
  }
  {
    // The content security policy: the site's own scripts ran above, from
    // file://; a script or image that content might smuggle in does not.
    const page = await browser.newPage();
    await page.goto(url('nl/index.html'));
    const csp = await page.evaluate(() => new Promise((resolve) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.head.append(s);
      const img = document.createElement('img');
      img.src = 'https://tracker.example/pixel.png';
      document.body.append(img);
      setTimeout(() => resolve({ ran: window.__injected === 1, seen, meta: !!document.querySelector('meta[http-equiv=Content-Security-Policy]') }), 300);
    }));
    check('every page carries a content security policy', csp.meta);
    check('an injected inline script does not run', !csp.ran, JSON.stringify(csp));
    check('an image from another site is blocked by the policy', csp.seen.some((d) => d.startsWith('img-src')), JSON.stringify(csp.seen));
    await page.close();
  }
  check('no request left file: and no console error', problems.length === 0, problems.join('; '));
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
