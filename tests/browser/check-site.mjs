#!/usr/bin/env node
// check-site.mjs — browser-level checks for a built brug site.
//
//   node tests/browser/check-site.mjs SITE_DIR [--max-pages K] [--jobs J]
//        [--page-timeout-ms MS] [--deadline-s S] [--json REPORT.json]
//   node tests/browser/check-site.mjs --serve SITE_DIR    (just serve it)
//
// Serves SITE_DIR on 127.0.0.1 (free port) with a tiny static server, then for
// every *.html file (or an even sample of K of them) runs six checks:
//
//   axe-light  axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa), prefers-color-scheme: light
//   axe-dark   the same with prefers-color-scheme: dark
//   html       the Nu Html Checker (vnu.jar, --errors-only)
//   offline    no request leaves the local server (data:/blob:/about: are fine),
//              and no element references an external resource
//   console    no console errors, no uncaught page errors, no failed local
//              subresource (4xx/5xx or aborted), main document answers 200
//   links      every local hyperlink (a, area, link rel=alternate) leads to a
//              file of the site, and its #fragment exists (when the target
//              page is among the checked ones)
//
// Prints a summary and finally exactly one line `N passed, M failed`, where
// N + M = pages x checks. Exit status: 0 all passed, 1 something failed,
// 2 the harness itself could not run (browser/java missing, no pages, ...).
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), JAVA (default java).

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const CHECKS = ['axe-light', 'axe-dark', 'html', 'offline', 'console', 'links'];
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-proxy-server',
  // Belt and braces: nothing but the loopback server can even be resolved.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

// ---------------------------------------------------------------- arguments

function usage(msg) {
  if (msg) console.error(`check-site: ${msg}`);
  console.error(
    'usage: node check-site.mjs SITE_DIR [--max-pages K] [--jobs J] ' +
      '[--page-timeout-ms MS] [--deadline-s S] [--json REPORT.json]\n' +
      '       node check-site.mjs --serve SITE_DIR   (only serve it, for a look by hand)',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = {
    siteDir: null,
    maxPages: 0,
    jobs: 2,
    pageTimeoutMs: 30_000,
    deadlineS: 1800,
    json: null,
    serve: false,
  };
  const intOpt = (name, v) => {
    if (v === undefined || !/^\d+$/.test(v)) usage(`${name} needs a non-negative integer`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const val = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--max-pages': opts.maxPages = intOpt(flag, val()); break;
      case '--jobs': opts.jobs = Math.max(1, intOpt(flag, val())); break;
      case '--page-timeout-ms': opts.pageTimeoutMs = Math.max(1000, intOpt(flag, val())); break;
      case '--deadline-s': opts.deadlineS = Math.max(10, intOpt(flag, val())); break;
      case '--json': opts.json = val(); if (!opts.json) usage('--json needs a path'); break;
      case '--serve': opts.serve = true; break;
      case '-h': case '--help': usage(); break;
      default:
        if (a.startsWith('-')) usage(`unknown option ${a}`);
        if (opts.siteDir) usage('only one SITE_DIR');
        opts.siteDir = a;
    }
  }
  if (!opts.siteDir) usage('SITE_DIR missing');
  return opts;
}

// ------------------------------------------------------------ static server

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

// Maps a URL path to what the server answers: { kind: 'file', file, rel }
// (rel = site-relative, '/'-separated), { kind: 'redirect', location },
// { kind: 'missing' } or { kind: 'bad', status }.
function resolvePath(rootReal, pathname) {
  let rel;
  try { rel = decodeURIComponent(pathname); } catch { return { kind: 'bad', status: 400 }; }
  if (rel.includes('\0')) return { kind: 'bad', status: 400 };
  let file = path.join(rootReal, path.normalize(rel));
  if (file !== rootReal && !file.startsWith(rootReal + path.sep)) return { kind: 'bad', status: 403 };
  let st;
  try { st = fs.statSync(file); } catch { st = null; }
  if (st && st.isDirectory()) {
    // Like every real static host: /nl -> /nl/ so that relative URLs resolve.
    if (!rel.endsWith('/')) return { kind: 'redirect', location: pathname + '/' };
    file = path.join(file, 'index.html');
    try { st = fs.statSync(file); } catch { st = null; }
  }
  if (!st || !st.isFile()) return { kind: 'missing' };
  return { kind: 'file', file, size: st.size, rel: path.relative(rootReal, file).split(path.sep).join('/') };
}

function startServer(root) {
  const rootReal = fs.realpathSync(root);
  const server = http.createServer((req, res) => {
    const send = (status, headers, body) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
    }
    let u;
    try { u = new URL(req.url, 'http://x'); } catch { return send(400, { 'Content-Type': 'text/plain' }, 'bad request\n'); }
    const r = resolvePath(rootReal, u.pathname);
    if (r.kind === 'bad') return send(r.status, { 'Content-Type': 'text/plain' }, 'bad request\n');
    if (r.kind === 'redirect') return send(301, { Location: r.location + u.search, 'Content-Type': 'text/plain' }, 'moved\n');
    if (r.kind === 'missing') {
      const notFound = path.join(rootReal, '404.html');
      if (fs.existsSync(notFound)) {
        return send(404, { 'Content-Type': MIME['.html'] }, fs.readFileSync(notFound));
      }
      return send(404, { 'Content-Type': 'text/plain' }, 'not found\n');
    }
    const file = r.file;
    const st = { size: r.size };
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    send(200, { 'Content-Type': type, 'Content-Length': st.size }, fs.readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// ------------------------------------------------------------------- pages

async function findHtml(root) {
  const out = [];
  async function walk(dir) {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.html')) out.push(path.relative(root, p));
    }
  }
  await walk(root);
  const key = (r) => r.split(path.sep).join('/');
  return out.map(key).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Deterministic, evenly spread sample of k items (always includes the first).
function sampleEvenly(items, k) {
  if (!k || k >= items.length) return items;
  const picked = [];
  for (let i = 0; i < k; i++) picked.push(items[Math.floor((i * items.length) / k)]);
  return picked;
}

// "nl/foo/index.html" is visited as its folder URL "nl/foo/".
function urlPathFor(rel) {
  const p = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return '/' + p.split('/').map(encodeURIComponent).join('/');
}

// --------------------------------------------------------------------- vnu

function vnuJarPath() {
  try {
    const p = require('vnu-jar'); // the package exports the jar path as a String
    if (fs.existsSync(String(p))) return String(p);
  } catch { /* fall through */ }
  return path.join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
}

const children = new Set();
function killChildren() {
  for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } }
}

function runProcess(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', (err) => { clearTimeout(timer); resolve({ code: -1, stdout, stderr: stderr + String(err), timedOut }); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr, timedOut }); });
  });
}

// Returns Map(rel -> [message strings]); a harness problem is thrown.
async function runVnu(siteDir, rels) {
  const jar = vnuJarPath();
  if (!fs.existsSync(jar)) throw new Error(`vnu.jar not found at ${jar} (run npm ci in tests/browser)`);
  const java = process.env.JAVA || 'java';
  const byFile = new Map(rels.map((r) => [r, []]));
  const absToRel = new Map(rels.map((r) => [path.resolve(siteDir, r), r]));
  const CHUNK = 400;
  for (let i = 0; i < rels.length; i += CHUNK) {
    const files = rels.slice(i, i + CHUNK).map((r) => path.resolve(siteDir, r));
    const args = ['-jar', jar, '--errors-only', '--no-langdetect', '--format', 'json', '--stdout', ...files];
    const r = await runProcess(java, args, 10 * 60_000);
    if (r.timedOut) throw new Error('vnu timed out after 10 minutes');
    let parsed;
    try {
      parsed = JSON.parse(r.stdout);
    } catch {
      throw new Error(`vnu did not produce JSON (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 2000)}`);
    }
    for (const m of parsed.messages || []) {
      if (m.type !== 'error' && m.type !== 'non-document-error') continue;
      let rel = null;
      try { rel = absToRel.get(path.resolve(fileURLToPath(new URL(m.url)))); } catch { /* no url */ }
      const where = m.lastLine ? `line ${m.lastLine}${m.firstColumn ? `:${m.firstColumn}` : m.lastColumn ? `:${m.lastColumn}` : ''}: ` : '';
      const extract = m.extract ? `  [${m.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}]` : '';
      const text = `${where}${m.message}${extract}`;
      if (rel && byFile.has(rel)) byFile.get(rel).push(text);
      else for (const f of byFile.keys()) if (files.includes(path.resolve(siteDir, f))) byFile.get(f).push(`(vnu) ${text}`);
    }
  }
  return byFile;
}

// ----------------------------------------------------------------- browser

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`${what} timed out after ${ms} ms`)), ms); }),
  ]);
}

function isLocalUrl(u, origin) {
  if (/^(data|blob|about|file):/i.test(u)) return true;
  try { return new URL(u).origin === origin; } catch { return false; }
}

// Runs in the page: every URL that an element would load (not <a href>).
function collectResourceUrls() {
  const urls = [];
  const add = (v) => { if (v && typeof v === 'string') urls.push(v); };
  const abs = (v) => { try { return new URL(v, document.baseURI).href; } catch { return v; } };
  for (const el of document.querySelectorAll('[src]')) add(abs(el.getAttribute('src')));
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const part of el.getAttribute('srcset').split(',')) add(abs(part.trim().split(/\s+/)[0]));
  }
  for (const el of document.querySelectorAll('link[href]')) {
    const rel = (el.getAttribute('rel') || '').toLowerCase();
    if (/\b(stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|icon|apple-touch-icon|manifest|mask-icon)\b/.test(rel)) {
      add(abs(el.getAttribute('href')));
    }
  }
  for (const el of document.querySelectorAll('object[data]')) add(abs(el.getAttribute('data')));
  for (const el of document.querySelectorAll('[poster]')) add(abs(el.getAttribute('poster')));
  for (const el of document.querySelectorAll('image, use')) {
    add(abs(el.getAttribute('href') || el.getAttribute('xlink:href') || ''));
  }
  return urls.filter((u) => u && !u.startsWith(location.href + '#') && !u.startsWith('#'));
}

// Runs in the page: every hyperlink (a, area, link rel=alternate; in SVG too) and every
// fragment target (id, a[name]) of the document.
function collectLinks() {
  const links = [];
  for (const el of document.querySelectorAll('a[href], area[href], link[rel~="alternate"][href]')) {
    const raw = el.getAttribute('href');
    let text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    if (el.tagName === 'LINK') text = `link rel=${el.getAttribute('rel')}${el.hreflang ? ' hreflang=' + el.hreflang : ''}`;
    // An SVG <a> has no string `href` property; resolve its attribute.
    const href = typeof el.href === 'string' ? el.href : new URL(raw, document.baseURI).href;
    links.push({ href, raw, text });
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  for (const a of document.querySelectorAll('a[name]')) ids.push(a.getAttribute('name'));
  return { links, ids };
}

// Runs in the page: wait for web fonts, then jump every CSS transition or
// animation to its end so that axe sees final colours, not a fade.
async function settle() {
  if (document.fonts) await document.fonts.ready;
  for (const a of document.getAnimations ? document.getAnimations() : []) {
    try { a.finish(); } catch { /* infinite animation: leave it */ }
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return true;
}

// Runs in the page (after axe is injected).
async function runAxe(tags) {
  // eslint-disable-next-line no-undef
  const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  return {
    violations: r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | '),
        html: (n.html || '').replace(/\s+/g, ' ').slice(0, 160),
        summary: (n.failureSummary || '').replace(/^Fix (any|all) of the following:\s*/i, '').replace(/\s+/g, ' ').trim(),
      })),
    })),
    incomplete: r.incomplete.map((v) => v.id),
  };
}

// One fresh browser context per page (no state leaks between pages): load in
// the light scheme, run axe; switch to the dark scheme, reload, run axe again.
async function checkPage(browser, origin, rel, axeSource, timeoutMs) {
  const url = origin + urlPathFor(rel);
  const out = { external: [], consoleErrors: [], axe: { light: null, dark: null }, axeIncomplete: [], fatal: null, links: null };
  // Raw events, condensed into out.* at the end so that one broken resource
  // gives one line, not four (HTTP 404 + "Failed to load resource" + ...).
  const external = new Map(); // url -> how it was seen
  const httpErrors = new Map(); // local path -> line
  const failedRequests = new Map(); // local path -> line
  const consoleEvents = []; // { text, url }
  const short = (u) => (u.startsWith(origin) ? u.slice(origin.length) : u);
  const noteExternal = (u, how) => { if (!external.has(u)) external.set(u, how); };
  const context = await browser.newContext({
    colorScheme: 'light',
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  try {
    // Nothing may leave the machine: record and abort any non-local request.
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (isLocalUrl(u, origin)) return route.continue();
      noteExternal(u, route.request().resourceType());
      return route.abort('blockedbyclient');
    });
    context.on('request', (req) => {
      if (!isLocalUrl(req.url(), origin)) noteExternal(req.url(), req.resourceType());
    });
    context.on('requestfailed', (req) => {
      const u = req.url();
      if (!isLocalUrl(u, origin) || !/^https?:/.test(u)) return;
      failedRequests.set(short(u), `request failed: ${req.resourceType()} ${short(u)} (${req.failure()?.errorText})`);
    });
    context.on('response', (resp) => {
      const u = resp.url();
      if (!u.startsWith(origin) || resp.status() < 400) return;
      const req = resp.request();
      let isMainDoc = false;
      try { isMainDoc = req.isNavigationRequest() && req.frame().parentFrame() === null; } catch { /* worker request */ }
      if (isMainDoc) return; // main document: checked after goto()
      httpErrors.set(short(u), `HTTP ${resp.status()} for ${req.resourceType()} ${short(u)}`);
    });
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const loc = msg.location() || {};
      consoleEvents.push({ text: msg.text(), url: loc.url || '', line: loc.lineNumber || 0 });
    });
    page.on('pageerror', (err) => consoleEvents.push({ text: `page error: ${String(err.message || err).split('\n')[0]}`, url: '', line: 0, raw: true }));
    page.on('websocket', (ws) => { if (!isLocalUrl(ws.url().replace(/^ws/, 'http'), origin)) noteExternal(ws.url(), 'websocket'); });

    for (const scheme of ['light', 'dark']) {
      let resp;
      if (scheme === 'light') {
        resp = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      } else {
        await page.emulateMedia({ colorScheme: scheme });
        resp = await page.reload({ waitUntil: 'load', timeout: timeoutMs });
      }
      if (!resp) out.consoleErrors.push(`navigation to ${urlPathFor(rel)} gave no response (${scheme})`);
      else if (resp.status() !== 200) out.consoleErrors.push(`main document ${urlPathFor(rel)} answered HTTP ${resp.status()}`);
      await withTimeout(page.evaluate(settle), timeoutMs, 'waiting for fonts/animations');
      const isDark = await page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches);
      if (isDark !== (scheme === 'dark')) {
        throw new Error(`could not emulate prefers-color-scheme: ${scheme}`);
      }
      if (scheme === 'light') {
        for (const u of await page.evaluate(collectResourceUrls)) {
          if (!isLocalUrl(u, origin)) noteExternal(u, 'referenced by an element');
        }
        out.links = await page.evaluate(collectLinks);
      }
      await withTimeout(page.evaluate(axeSource), timeoutMs, 'injecting axe-core');
      const res = await withTimeout(page.evaluate(runAxe, AXE_TAGS), timeoutMs * 2, `axe.run (${scheme})`);
      out.axe[scheme] = res.violations;
      out.axeIncomplete.push(...res.incomplete);
    }
    // Late errors thrown by scripts after load still count.
    await page.waitForTimeout(50);
  } catch (err) {
    out.fatal = String(err && err.message ? err.message : err).split('\n')[0];
  } finally {
    await context.close().catch(() => {});
  }
  out.external = [...external].map(([u, how]) => `${u} (${how})`);
  out.consoleErrors.push(...httpErrors.values());
  for (const [p, line] of failedRequests) if (!httpErrors.has(p)) out.consoleErrors.push(line);
  if (out.fatal) out.consoleErrors.push(`could not check the page: ${out.fatal}`);
  for (const ev of consoleEvents) {
    if (ev.raw) { out.consoleErrors.push(ev.text); continue; }
    // Already reported above, as a broken local resource or an external request.
    if (/^Failed to load resource/.test(ev.text) && (httpErrors.has(short(ev.url)) || failedRequests.has(short(ev.url)) || external.has(ev.url))) continue;
    if (/^Refused to execute script from .* MIME type/.test(ev.text) && [...httpErrors.keys()].some((p) => ev.text.includes(origin + p))) continue;
    const at = ev.url ? ` (${short(ev.url)}${ev.line ? ':' + ev.line : ''})` : '';
    out.consoleErrors.push(`console.error: ${ev.text}${at}`);
  }
  return out;
}

// Every local hyperlink must lead to a file of the site (after at most one
// folder redirect); a #fragment must exist in its target when that target is
// one of the checked pages. Links to other origins are not followed.
function checkLinks(siteDir, origin, pages, results) {
  const rootReal = fs.realpathSync(siteDir);
  const idsByRel = new Map();
  pages.forEach((rel, i) => { if (results[i].links) idsByRel.set(rel, new Set(results[i].links.ids)); });
  return pages.map((rel, i) => {
    const found = results[i].links;
    if (!found) return [`could not collect links: ${results[i].fatal || 'page did not load'}`];
    const problems = [];
    const seen = new Set();
    for (const l of found.links) {
      let u;
      try { u = new URL(l.href); } catch { problems.push(`unparsable link ${JSON.stringify(l.raw)} ("${l.text}")`); continue; }
      if (u.origin !== origin) continue;
      const key = u.pathname + u.hash;
      if (seen.has(key)) continue;
      seen.add(key);
      let r = resolvePath(rootReal, u.pathname);
      if (r.kind === 'redirect') r = resolvePath(rootReal, r.location);
      if (r.kind !== 'file') {
        problems.push(`broken link ${JSON.stringify(l.raw)} -> ${u.pathname} does not exist ("${l.text}")`);
        continue;
      }
      if (u.hash && u.hash !== '#') {
        let id;
        try { id = decodeURIComponent(u.hash.slice(1)); } catch { id = u.hash.slice(1); }
        const ids = idsByRel.get(r.rel);
        if (ids && !ids.has(id) && id.toLowerCase() !== 'top') {
          problems.push(`link ${JSON.stringify(l.raw)}: no id "${id}" in ${r.rel} ("${l.text}")`);
        }
      }
    }
    return problems;
  });
}

async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// -------------------------------------------------------------------- main

function fmtAxe(violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`${v.id} [${v.impact}] ${v.help} (${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'})`);
    for (const n of v.nodes.slice(0, 10)) {
      lines.push(`    ${n.target}${n.summary ? ' — ' + n.summary : ''}`);
      if (n.html) lines.push(`      ${n.html}`);
    }
    if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more`);
  }
  return lines;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const siteDir = path.resolve(opts.siteDir);
  if (!fs.existsSync(siteDir) || !fs.statSync(siteDir).isDirectory()) usage(`${siteDir} is not a directory`);

  if (opts.serve) {
    const srv = await startServer(siteDir);
    console.log(`serving ${siteDir} at http://127.0.0.1:${srv.address().port}/ (Ctrl-C to stop)`);
    return;
  }

  const all = await findHtml(siteDir);
  if (all.length === 0) {
    console.error(`check-site: no *.html files under ${siteDir}`);
    console.log('0 passed, 1 failed');
    process.exit(2);
  }
  const pages = sampleEvenly(all, opts.maxPages);
  console.log(`check-site: ${siteDir}: ${all.length} HTML file(s), checking ${pages.length}` +
    `${pages.length < all.length ? ` (even sample, --max-pages ${opts.maxPages})` : ''}; checks: ${CHECKS.join(', ')}`);

  let browser = null;
  let server = null;
  const deadline = setTimeout(() => {
    console.error(`check-site: global deadline of ${opts.deadlineS}s exceeded, giving up (see --max-pages, --deadline-s)`);
    killChildren();
    console.log(`0 passed, ${pages.length * CHECKS.length} failed`);
    process.exit(2);
  }, opts.deadlineS * 1000);
  deadline.unref();

  const { chromium } = await import('playwright-core');
  // axe.min.js is the same code as axe.source, but parses about twice as fast.
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    console.error(`check-site: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    console.log(`0 passed, ${pages.length * CHECKS.length} failed`);
    process.exit(2);
  }

  // vnu runs in its own JVM while the browser works.
  const vnuStart = Date.now();
  const vnuPromise = runVnu(siteDir, pages).then(
    (m) => ({ ok: true, map: m, ms: Date.now() - vnuStart }),
    (e) => ({ ok: false, error: String(e.message || e), ms: Date.now() - vnuStart }),
  );

  let pageResults;
  let linkProblems;
  let browserMs = 0;
  try {
    server = await startServer(siteDir);
    const origin = `http://127.0.0.1:${server.address().port}`;
    // playwright's launch() makes (and afterwards removes) a fresh temporary user-data-dir.
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      env: { ...process.env, TMPDIR: process.env.TMPDIR || os.tmpdir() },
    });
    const bStart = Date.now();
    pageResults = await mapLimit(pages, opts.jobs, (rel) => checkPage(browser, origin, rel, axeSource, opts.pageTimeoutMs));
    linkProblems = checkLinks(siteDir, origin, pages, pageResults);
    browserMs = Date.now() - bStart;
  } catch (err) {
    console.error(`check-site: browser harness failed: ${err && err.stack ? err.stack : err}`);
    await browser?.close().catch(() => {});
    server?.close();
    console.log(`0 passed, ${pages.length * CHECKS.length} failed`);
    process.exit(2);
  } finally {
    await browser?.close().catch(() => {});
    server?.close();
  }
  const vnu = await vnuPromise;

  // ---- tally
  let passed = 0;
  let failed = 0;
  const report = { siteDir, pagesTotal: all.length, pagesChecked: pages.length, pages: [] };
  const ruleCounts = new Map();
  const lines = [];
  pages.forEach((rel, i) => {
    const r = pageResults[i];
    const checks = {};
    const uniq = (xs) => [...new Set(xs)];
    for (const scheme of ['light', 'dark']) {
      checks[`axe-${scheme}`] = r.axe[scheme] ? fmtAxe(r.axe[scheme]) : [`could not check: ${r.fatal || 'axe did not run'}`];
      for (const v of r.axe[scheme] || []) {
        const k = `${v.id} (${scheme})`;
        ruleCounts.set(k, (ruleCounts.get(k) || 0) + 1);
      }
    }
    checks.html = vnu.ok ? vnu.map.get(rel) || [] : [`vnu could not run: ${vnu.error}`];
    checks.offline = r.external;
    checks.console = uniq(r.consoleErrors);
    checks.links = linkProblems[i];
    const failing = CHECKS.filter((c) => checks[c].length > 0);
    passed += CHECKS.length - failing.length;
    failed += failing.length;
    const review = uniq(r.axeIncomplete).sort();
    report.pages.push({ page: rel, url: urlPathFor(rel), failing, checks, needsReview: review });
    if (failing.length) {
      lines.push(`FAIL ${rel}`);
      for (const c of failing) {
        lines.push(`  [${c}]`);
        for (const l of checks[c]) lines.push(`    ${l}`);
      }
    }
  });

  const okPages = report.pages.filter((p) => p.failing.length === 0).length;
  for (const l of lines) console.log(l);
  console.log('');
  console.log('summary');
  console.log(`  pages checked: ${pages.length} of ${all.length}; clean: ${okPages}; with failures: ${pages.length - okPages}`);
  for (const c of CHECKS) {
    const n = report.pages.filter((p) => p.failing.includes(c)).length;
    // (worded so that only the very last line reads "N passed, M failed")
    console.log(`  ${c.padEnd(10)} ${String(pages.length - n).padStart(5)} page(s) ok, ${n} failing`);
  }
  if (ruleCounts.size) {
    console.log('  axe rules violated (pages):');
    for (const [k, n] of [...ruleCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`    ${k}: ${n}`);
  }
  const reviewIds = [...new Set(report.pages.flatMap((p) => p.needsReview))].sort();
  if (reviewIds.length) console.log(`  axe "needs review" (not failing): ${reviewIds.join(', ')}`);
  console.log(`  time: browser ${(browserMs / 1000).toFixed(1)}s, vnu ${(vnu.ms / 1000).toFixed(1)}s, total ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (opts.json) {
    await fsp.writeFile(opts.json, JSON.stringify(report, null, 2) + '\n');
    console.log(`  report: ${opts.json}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  clearTimeout(deadline);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(`check-site: ${err && err.stack ? err.stack : err}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
});
