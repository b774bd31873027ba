#!/usr/bin/env bash
# Builds and tests the VS Code extension: npm ci, typecheck, esbuild bundle,
# TextMate grammar tests, unit tests and a .vsix package. Run it from the
# repository root: `bash editors/test.sh`. Every step always runs; the script
# exits non-zero if any failed and ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/vscode" || exit 2

passed=0
failed=0
step() {
  local name=$1
  shift
  echo "== $name: $*"
  if "$@"; then
    passed=$((passed + 1))
    echo "-- ok: $name"
  else
    failed=$((failed + 1))
    echo "-- FAILED: $name"
  fi
}

step "npm ci" npm ci --no-audit --no-fund
step "typecheck" npm run --silent typecheck
step "bundle" npm run --silent bundle
step "grammar tests" npm run --silent test:grammar
step "unit tests" npm run --silent test:unit
rm -f offerkit.vsix
step "vsce package" npm run --silent package
# A zip stores member names uncompressed, so grep can check them without unzip.
step "vsix contents" bash -c 'for f in extension/package.json extension/dist/extension.js \
  extension/syntaxes/offer.tmLanguage.json extension/language-configuration.json; do
  grep -qa "$f" offerkit.vsix || { echo "missing $f"; exit 1; }; done'

echo "vsix: $(pwd)/offerkit.vsix"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
