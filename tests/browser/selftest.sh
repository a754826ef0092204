#!/usr/bin/env bash
# Self-test of check-site.mjs: it must pass the good fixture and fail the bad
# one, naming each planted fault in the right check:
#   bad-site/index.html     color-contrast in the dark scheme only, a broken
#                           link and a link to a missing #fragment
#   bad-site/nl/index.html  image-alt (axe, both schemes) + vnu: img without alt, stray </p>
#   bad-site/nl/extern.html external stylesheet, 404 script, console.error, uncaught error
# The checker's own output is indented here so that its closing
# "N passed, M failed" line is not mistaken for this script's result.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
ok() { echo "selftest ok:   $*"; passed=$((passed + 1)); }
bad() { echo "selftest FAIL: $*"; failed=$((failed + 1)); }
show() { sed 's/^/    | /' "$1"; }

# ---- good site: must pass, exit 0
rc=0
node "$here/check-site.mjs" "$here/fixtures/good-site" --json "$work/good.json" >"$work/good.out" 2>&1 || rc=$?
if [[ $rc -eq 0 ]] && tail -n 1 "$work/good.out" | grep -Eq '^[1-9][0-9]* passed, 0 failed$'; then
  ok "good-site passes ($(tail -n 1 "$work/good.out"))"
else
  bad "good-site should pass, exit $rc:"
  show "$work/good.out"
fi

# ---- bad site: must fail with exit 1 (2 would mean the harness broke)
rc=0
node "$here/check-site.mjs" "$here/fixtures/bad-site" --json "$work/bad.json" >"$work/bad.out" 2>&1 || rc=$?
if [[ $rc -eq 1 ]]; then
  ok "bad-site fails with exit 1"
else
  bad "bad-site should exit 1, got $rc:"
  show "$work/bad.out"
fi

if [[ -s "$work/bad.json" ]]; then
  # Each expectation: page, check, substring that must appear in that check's lines.
  if node - "$work/bad.json" <<'EOF'; then
const fs = require('fs');
const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const page = (p) => report.pages.find((x) => x.page === p) || { checks: {}, failing: [] };
const has = (p, check, needle) => (page(p).checks[check] || []).some((l) => l.includes(needle));
const expect = [
  ['index.html', 'axe-dark', 'color-contrast', true],
  ['index.html', 'axe-dark', '.muted', true],
  ['index.html', 'axe-light', 'color-contrast', false],
  ['index.html', 'links', 'BROKEN-LINK-FIXTURE', true],
  ['index.html', 'links', 'no id "geen-anker" in nl/index.html', true],
  ['index.html', 'links', '#top', false],
  ['index.html', 'links', 'SVG-LINK-FIXTURE', true],
  ['nl/index.html', 'links', '', false],
  ['nl/index.html', 'axe-light', 'image-alt', true],
  ['nl/index.html', 'axe-dark', 'image-alt', true],
  ['nl/index.html', 'axe-light', '#img-no-alt', true],
  ['nl/index.html', 'html', '“img” element must have an “alt” attribute', true],
  ['nl/index.html', 'html', 'No “p” element in scope', true],
  ['nl/extern.html', 'offline', 'https://cdn.example.invalid/fixture.css', true],
  ['nl/extern.html', 'console', 'HTTP 404 for script /static/missing.js', true],
  ['nl/extern.html', 'console', 'CONSOLE-ERROR-FIXTURE', true],
  ['nl/extern.html', 'console', 'undefinedFixtureFunction', true],
  ['nl/extern.html', 'html', '', false],
  ['nl/extern.html', 'axe-light', '', false],
];
let bad = 0;
for (const [p, check, needle, want] of expect) {
  const got = needle === '' ? (page(p).checks[check] || []).length > 0 : has(p, check, needle);
  const what = `${p} [${check}] ${needle === '' ? '(any finding)' : JSON.stringify(needle)}`;
  if (got === want) console.log(`selftest ok:   ${what} ${want ? 'reported' : 'not reported'}`);
  else { console.log(`selftest FAIL: ${what} should ${want ? '' : 'not '}be reported`); bad++; }
}
process.exit(bad ? 1 : 0);
EOF
    ok "bad-site findings are the planted ones"
  else
    bad "bad-site findings differ from the planted ones; checker output:"
    show "$work/bad.out"
  fi
else
  bad "bad-site produced no JSON report"
  show "$work/bad.out"
fi

if tail -n 1 "$work/bad.out" | grep -Eq '^[0-9]+ passed, [1-9][0-9]* failed$'; then
  ok "bad-site closing line: $(tail -n 1 "$work/bad.out")"
else
  bad "bad-site closing line missing or wrong: $(tail -n 1 "$work/bad.out")"
fi

echo "browser selftest: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
