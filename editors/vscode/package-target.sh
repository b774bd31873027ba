#!/usr/bin/env bash
# Packages a platform-specific .vsix that carries the offer binary:
#   bash editors/vscode/package-target.sh TARGET BINARY OUT.vsix
# TARGET is a VS Code target (linux-x64, linux-arm64, darwin-x64, darwin-arm64,
# win32-x64, win32-arm64); BINARY is offer (offer.exe for win32) built for it.
# The binary goes to bin/ inside the package, where the extension looks after
# the offer.path setting and before PATH. Run `npm ci` in editors/vscode first.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: package-target.sh TARGET BINARY OUT.vsix" >&2; exit 2; }
target=$1 binary=$(readlink -f "$2") out=$(readlink -f "$(dirname "$3")")/$(basename "$3")
cd "$(dirname "$0")"
name=offer
case $target in win32-*) name=offer.exe ;; esac
rm -rf bin
mkdir bin
trap 'rm -rf bin' EXIT
cp "$binary" "bin/$name"
chmod 755 "bin/$name"
npx --no-install vsce package --no-dependencies --allow-missing-repository --target "$target" --out "$out" >/dev/null
echo "$out"
