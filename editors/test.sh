#!/usr/bin/env bash
# Builds and tests the VS Code extension: npm ci, typecheck, esbuild bundle,
# TextMate grammar tests, unit tests and a .vsix package; then the real-VS-Code
# test (e2e/): code-server 4.100.3 (VS Code 1.100.3), installed and cached
# outside the repository by e2e/install.sh, driven in Debian's Chromium, once
# with offer.path set and once with the linux-x64 .vsix and no offer anywhere.
# Run it from the repository root: `bash editors/test.sh`. Every step always
# runs; the script exits non-zero if any failed and ends with "N passed, N
# failed". A missing browser, Node or npm package is a failure, never a skip.
# OFFERKIT_SCREENSHOT=/abs/path.png keeps the test's screenshot there
# (OFFERKIT_SCREENSHOT=$PWD/docs/vscode.png refreshes the one in docs/).
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
rm -rf offerkit.vsix bin
step "vsce package" npm run --silent package
# A zip stores member names uncompressed, so grep can check them without unzip.
step "vsix contents" bash -c 'for f in extension/package.json extension/dist/extension.js \
  extension/syntaxes/offer.tmLanguage.json extension/language-configuration.json extension/LICENSE.txt; do
  grep -qa "$f" offerkit.vsix || { echo "missing $f"; exit 1; }; done'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
step "build offer" bash -c "cd ../.. && CGO_ENABLED=0 go build -o '$tmp/offer' ./cmd/offer"
step "package linux-x64 .vsix" bash package-target.sh linux-x64 "$tmp/offer" "$tmp/offerkit-linux-x64.vsix"
step "install code-server" bash -c "bash e2e/install.sh | tail -1 > '$tmp/code-server-dir'"
e2e() {
  OFFERKIT_CODE_SERVER=$(cat "$tmp/code-server-dir") OFFERKIT_EXAMPLES=$(cd ../../examples && pwd) \
    OFFERKIT_SCREENSHOT=${OFFERKIT_SCREENSHOT:-$tmp/vscode.png} OFFERKIT_RESULTS=$tmp/results-$1.json \
    OFFERKIT_VSIX=$2 OFFERKIT_OFFER=$3 node e2e/run.mjs
}
step "real VS Code, offer.path set" e2e path "$(pwd)/offerkit.vsix" "$tmp/offer"
step "real VS Code, linux-x64 .vsix, no offer.path, no offer on PATH" e2e bundled "$tmp/offerkit-linux-x64.vsix" ""
[ -f "$tmp/results-path.json" ] && echo "keystroke to squiggle (ms): $(tr -d ' \n' <"$tmp/results-path.json")"

echo "vsix: $(pwd)/offerkit.vsix"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
