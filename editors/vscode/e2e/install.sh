#!/usr/bin/env bash
# Installs a real VS Code for the end-to-end test, offline from the npm
# registry alone, into a cache OUTSIDE the repository:
#   code-server 4.100.3 (VS Code 1.100.3, the newest whose engines.node is 20)
#   playwright-core 1.65.1 (drives Debian's Chromium; it downloads no browser)
# code-server's own postinstall cannot be used here: it refuses to run as root
# without --unsafe-perm, and a nested postinstall downloads ripgrep from
# GitHub. So this script installs with --ignore-scripts and does the rest by
# hand: installs VS Code's runtime dependencies (pinned by its
# npm-shrinkwrap.json), builds the native modules it loads against the system
# Node headers, and makes the links the postinstall would make.
# Prints the directory of the installation on its last line. Any failure exits
# non-zero; a half-built cache is never marked ready.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_CORE_VERSION=1.65.1
cache=${OFFERKIT_VSCODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/offerkit-vscode}
dir=$cache/code-server-$CODE_SERVER_VERSION-playwright-$PLAYWRIGHT_CORE_VERSION
if [ -f "$dir/.ready" ]; then
  echo "$dir"
  exit 0
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || { echo "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)" >&2; exit 1; }
nodedir=${npm_config_nodedir:-/usr}
[ -f "$nodedir/include/node/node_api.h" ] || { echo "no Node headers in $nodedir/include/node (Debian: apt-get install libnode-dev)" >&2; exit 1; }
export npm_config_nodedir=$nodedir
export JOBS=${JOBS:-max} # node-gyp runs make with one job per core
gyp=$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js
[ -f "$gyp" ] || { echo "npm's node-gyp not found at $gyp" >&2; exit 1; }

rm -rf "$dir.tmp"
mkdir -p "$dir.tmp"
cd "$dir.tmp"
cat >package.json <<JSON
{"private": true, "dependencies": {"code-server": "$CODE_SERVER_VERSION", "playwright-core": "$PLAYWRIGHT_CORE_VERSION"}}
JSON
npm install --ignore-scripts --no-audit --no-fund --save-exact
cs=$dir.tmp/node_modules/code-server

# code-server's one native module (loaded at start even with auth: none).
# Built from source with node-pre-gyp rebuild: its install script would first try
# to download a prebuilt binary from GitHub.
(cd node_modules/argon2 && ../.bin/node-pre-gyp rebuild >/dev/null)

cd "$cs/lib/vscode"
npm install --omit=dev --ignore-scripts --no-audit --no-fund
for m in @vscode/spdlog native-watchdog node-pty; do
  (cd "node_modules/$m" && node "$gyp" rebuild >/dev/null)
done
node -e 'for (const m of ["@vscode/spdlog", "native-watchdog", "node-pty"]) require(m)'
(cd "$dir.tmp" && node -e 'require("argon2")')

# The links code-server's postinstall makes.
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh

cd "$cache"
rm -rf "$dir"
mv "$dir.tmp" "$dir"
touch "$dir/.ready"
echo "$dir"
