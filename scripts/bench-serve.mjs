#!/usr/bin/env node
// bench-serve.mjs — edit-to-reload latency of `brug serve`: the time from
// writing a source file to the reload event reaching a connected client.
//
//   node scripts/bench-serve.mjs CORPUS [--brug target/release/brug] [--runs 5] [--settle-ms 1500]
//
// Works on CORPUS in place and restores every file it edits. Measures a
// body edit, a title change (navigation changes), a weight change (the
// section's order), a section's title, a template change (every page) and
// a stylesheet change. Prints medians and min–max.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const corpus = path.resolve(args[0]);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const brug = path.resolve(opt('brug', 'target/release/brug'));
const runs = Number(opt('runs', '5'));
// Pause between edits, as a person saves: the search index and print view
// that follow a body edit are rebuilt by then.
const settle = Number(opt('settle-ms', '1500'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

const server = spawn(brug, ['serve', '--port', '0', '--root', corpus], { stdio: ['ignore', 'ignore', 'pipe'] });
let log = '';
const port = await new Promise((resolve, reject) => {
  server.stderr.on('data', (d) => { log += d; const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\//); if (m) resolve(m[1]); });
  setTimeout(() => reject(new Error('no server')), 600000);
});
const first = log.match(/first build: \d+ files in (\d+) ms/);
console.log(`first build in memory: ${first ? first[1] : '?'} ms`);

let waiters = [];
http.get(`http://127.0.0.1:${port}/__brug/events`, (res) => {
  let buf = '';
  res.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i); buf = buf.slice(i + 2);
      if (/^event: (reload|ok|failed)/m.test(block)) {
        // A waiter takes only the event it waits for: a late event of the
        // previous edit (the search index after the page) must not count.
        waiters = waiters.filter(([want, f]) => (want(block) ? (f(block), false) : true));
      }
    }
  });
});
await new Promise((r) => setTimeout(r, 300));
const any = () => true;
// An edit that changes no output sends no event: wait a minute at most.
const next = (want = any) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no reload event within 60 s')), 60000);
  waiters.push([want, (block) => { clearTimeout(timer); resolve(block); }]);
});

async function measure(name, file, change, want = any) {
  const original = fs.readFileSync(file, 'utf8');
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const got = next(want);
    fs.writeFileSync(file, change(original, r));
    const block = await got;
    times.push(performance.now() - t0);
    if (!/^event: reload/m.test(block)) console.log(`  (${name}: ${block.split('\n')[0]})`);
    await new Promise((res) => setTimeout(res, settle));
  }
  const restored = next();
  fs.writeFileSync(file, original);
  await restored;
  // The restore's search index must not hold up the next series' first run.
  await new Promise((res) => setTimeout(res, settle));
  console.log(`${name}: median ${median(times).toFixed(0)} ms (${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}) over ${runs}`);
}

const page = fs.readdirSync(path.join(corpus, 'content/modules')).find((f) => f.endsWith('.nl.md') && !f.startsWith('_'));
const file = path.join(corpus, 'content/modules', page);
// The event that carries the edited page (or reloads everything).
const html = `nl/modules/${page.replace(/\.nl\.md$/, '')}/index.html`;
const carries = (block) => block.includes(`"${html}"`) || block.includes('"all":true');
await measure('body edit', file, (t, r) => `${t}\nEen nieuwe alinea ${r} met woord${r}x.\n`, carries);
await measure('title change', file, (t, r) => t.replace(/^title = "(.*)"$/m, `title = "$1 ${r}"`), carries);
// A page moved to the front of its section: every neighbour window shifts.
// (Alternately first and last, so that every run changes the order.)
await measure('weight change', file, (t, r) => t.replace(/^weight = .*$/m, `weight = ${r % 2 ? 100000 : -100000}`), carries);
// A section's title: its pages' breadcrumbs, section links and neighbours.
const section = fs.readdirSync(path.join(corpus, 'content/modules'), { withFileTypes: true }).find((d) => d.isDirectory()).name;
const sectionFile = path.join(corpus, 'content/modules', section, '_index.nl.md');
const sectionHtml = `nl/modules/${section}/index.html`;
await measure('section title change', sectionFile, (t, r) => t.replace(/^title = "(.*)"$/m, `title = "$1 ${r}"`),
  (block) => block.includes(`"${sectionHtml}"`) || block.includes('"all":true'));
// A template change: the handbook's own copy of base.html, which
// overrides the built-in one (run from the repository root).
const tpl = path.join(corpus, 'themes/default/templates/base.html');
const hadTheme = fs.existsSync(tpl);
if (!hadTheme) {
  fs.mkdirSync(path.dirname(tpl), { recursive: true });
  // The same text as the built-in one: the rebuild changes no file, so
  // there is no event to wait for.
  fs.writeFileSync(tpl, fs.readFileSync('themes/default/templates/base.html', 'utf8'));
  await new Promise((res) => setTimeout(res, 5000));
}
await measure('template change', tpl, (t, r) => t.replace('</footer>', `<!-- ${r} --></footer>`), carries);
// A stylesheet: the assets alone, swapped in by open tabs.
const css = path.join(corpus, 'themes/default/static/site.css');
const hadCss = fs.existsSync(css);
if (!hadCss) {
  fs.mkdirSync(path.dirname(css), { recursive: true });
  fs.writeFileSync(css, fs.readFileSync('themes/default/static/site.css', 'utf8'));
  await new Promise((res) => setTimeout(res, 5000));
}
await measure('stylesheet change', css, (t, r) => `${t}\nmain { outline: ${r}px solid; }\n`,
  (block) => block.includes('"static/site.css"') || block.includes('"all":true'));
if (!hadCss) fs.rmSync(css);
if (!hadTheme) fs.rmSync(path.join(corpus, 'themes'), { recursive: true, force: true });
server.kill('SIGINT');
process.exit(0);
