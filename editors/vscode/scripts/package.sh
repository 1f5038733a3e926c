#!/usr/bin/env bash
# Packages the VS Code extension with the caseline server inside, for one platform.
# Usage: scripts/package.sh [PATH/TO/caseline]   (default: target/release/caseline,
# else target/debug/caseline). VSCE_TARGET overrides the platform name (default:
# this machine's, e.g. linux-x64, or alpine-x64 for a musl build); the binary must
# run here, because the script checks it with --version. The copy in the package
# is stripped of debug symbols (VSCE_STRIP=0 keeps them). Writes
# caseline-<version>.vsix in editors/vscode/ and checks its contents.
# Needs Node/npm and `npm ci` already run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

bin="${1:-}"
if [ -z "$bin" ]; then
  for candidate in "$repo/target/release/caseline" "$repo/target/debug/caseline"; do
    if [ -x "$candidate" ]; then bin="$candidate"; break; fi
  done
fi
if [ -z "$bin" ] || [ ! -f "$bin" ]; then
  echo "error: no caseline binary to bundle (give its path, or build it: cargo build -p caseline)" >&2
  exit 1
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) default_target=linux-x64 ;;
  Linux-aarch64) default_target=linux-arm64 ;;
  Darwin-x86_64) default_target=darwin-x64 ;;
  Darwin-arm64) default_target=darwin-arm64 ;;
  *) default_target="" ;;
esac
target="${VSCE_TARGET:-$default_target}"
if [ -z "$target" ]; then
  echo "error: unknown platform $(uname -s)-$(uname -m); set VSCE_TARGET (e.g. linux-x64)" >&2
  exit 1
fi

version="$(node -p 'require("./package.json").version')"
# The extension refuses a binary that does not answer `--version` as caseline does,
# so a package holding such a binary would never start its server.
reported="$(timeout 10 "$bin" --version 2>/dev/null || true)"
if ! printf '%s\n' "$reported" | grep -Eq '^caseline [^ ]+$'; then
  echo "error: $bin --version printed \"$reported\", not \"caseline <version>\"" >&2
  exit 1
fi
if [ "$reported" != "caseline $version" ]; then
  echo "warning: bundling $reported into extension version $version" >&2
fi

rm -rf server
mkdir -p server
exe=caseline
case "$target" in win32-*) exe=caseline.exe ;; esac
cp "$bin" "server/$exe"
chmod 755 "server/$exe"
# Debug symbols make a debug build ten times larger and help nobody who installs
# the extension; a failed strip only costs size.
if command -v strip >/dev/null 2>&1 && [ "${VSCE_STRIP:-1}" = 1 ]; then
  strip "server/$exe" 2>/dev/null || echo "warning: could not strip server/$exe" >&2
fi
if ! "server/$exe" --version >/dev/null 2>&1; then
  echo "error: the copied server/$exe no longer runs" >&2
  exit 1
fi

out="caseline-$version.vsix"
rm -f "$out"
# --no-dependencies: esbuild already bundled the client into dist/extension.js.
# --allow-missing-repository: caseline has no public repository, so package.json
# names none rather than a made-up address the Marketplace page would link to.
# stdin from /dev/null: vsce must never wait for an answer in CI.
npx --no-install vsce package --no-dependencies --allow-missing-repository --target "$target" -o "$out" </dev/null
npx --no-install vsce ls --no-dependencies </dev/null
node scripts/vsix-contents.mjs "$out" "$target"
echo "packaged $here/$out"
