// preview.mjs — what the browser checks of `brug serve` share: start the
// preview on a free port and wait for its address, count passed and failed
// checks, and run axe-core's WCAG 2.1 A/AA rules on a page.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Starts `brug serve` on `dir`; resolves to { server, port, log() }. */
export async function startServe(binary, dir) {
  const server = spawn(binary, ['serve', '--port', '0', '--root', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    server.stderr.on('data', (d) => {
      log += d;
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve(m[1]);
    });
    setTimeout(() => reject(new Error(`no server: ${log}`)), 30000);
  });
  return { server, port, log: () => log };
}

/** A check counter that prints `ok`/`FAIL` lines and the closing tally. */
export function checker() {
  const tally = { passed: 0, failed: 0 };
  tally.check = (name, ok, detail = '') => {
    if (ok) tally.passed++; else tally.failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
  };
  tally.finish = () => {
    console.log(`${tally.passed} passed, ${tally.failed} failed`);
    process.exitCode = tally.failed ? 1 : 0;
  };
  return tally;
}

/** axe's WCAG 2.1 A/AA violations on `page`, one line each. Evaluated,
    not added as a <script>: the site's policy forbids inline scripts. */
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}
