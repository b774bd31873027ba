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
#
# OFFERKIT_RELEASE=DIR (as .ci/run sets it, after .ci/release): test the
# release in DIR instead of building again what it already built and checked:
# its npm ci of this directory, its universal .vsix, its linux-x64 .vsix and
# its linux/amd64 binary (from the archive). Every check still runs.
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

release=${OFFERKIT_RELEASE:-}
if [ -n "$release" ]; then
  step "node_modules installed by the release's npm ci" test -x node_modules/.bin/vsce
else
  step "npm ci" npm ci --no-audit --no-fund
fi
step "typecheck" npm run --silent typecheck
step "bundle" npm run --silent bundle
step "grammar tests" npm run --silent test:grammar
step "unit tests" npm run --silent test:unit
tmp=$(mktemp -d) vsix= linux_vsix=
trap 'rm -rf "$tmp"' EXIT
if [ -n "$release" ]; then
  release_files() { # finds the release's .vsix files and unpacks its linux/amd64 binary
    local archive version
    archive=$(compgen -G "$release/offer_*_linux_amd64.tar.gz") && [ "$(echo "$archive" | wc -l)" -eq 1 ] ||
      { echo "no single offer_*_linux_amd64.tar.gz in $release"; return 1; }
    version=${archive##*/offer_}
    version=${version%_linux_amd64.tar.gz}
    vsix=$release/offerkit-$version.vsix
    linux_vsix=$release/offerkit-$version-linux-x64.vsix
    ls -l "$vsix" "$linux_vsix" && tar -xzf "$archive" -C "$tmp" --strip-components=1 --wildcards '*/offer' && "$tmp/offer" version
  }
  step "the release's .vsix files and offer binary" release_files
else
  rm -rf offerkit.vsix bin
  step "vsce package" npm run --silent package
  vsix=$(pwd)/offerkit.vsix
  linux_vsix=$tmp/offerkit-linux-x64.vsix
  step "build offer" bash -c "cd ../.. && CGO_ENABLED=0 go build -o '$tmp/offer' ./cmd/offer"
  step "package linux-x64 .vsix" bash package-target.sh linux-x64 "$tmp/offer" "$linux_vsix"
fi
# A zip stores member names uncompressed, so grep can check them without unzip.
step "vsix contents" bash -c 'for f in extension/package.json extension/dist/extension.js \
  extension/syntaxes/offer.tmLanguage.json extension/language-configuration.json extension/LICENSE.txt; do
  grep -qa "$f" "$1" || { echo "missing $f"; exit 1; }; done' - "$vsix"

step "install code-server" bash -c "bash e2e/install.sh | tail -1 > '$tmp/code-server-dir'"
e2e() {
  OFFERKIT_CODE_SERVER=$(cat "$tmp/code-server-dir") OFFERKIT_EXAMPLES=$(cd ../../examples && pwd) \
    OFFERKIT_SCREENSHOT=${OFFERKIT_SCREENSHOT:-$tmp/vscode.png} OFFERKIT_RESULTS=$tmp/results-$1.json \
    OFFERKIT_VSIX=$2 OFFERKIT_OFFER=$3 node e2e/run.mjs
}
step "real VS Code, offer.path set" e2e path "$vsix" "$tmp/offer"
step "real VS Code, linux-x64 .vsix, no offer.path, no offer on PATH" e2e bundled "$linux_vsix" ""
[ -f "$tmp/results-path.json" ] && echo "keystroke to squiggle (ms): $(tr -d ' \n' <"$tmp/results-path.json")"

echo "vsix: $vsix"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
