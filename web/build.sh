#!/usr/bin/env bash
# Builds caseline's offline page: web/dist/index.html, one self-contained file
# (the engine compiled to WebAssembly, the editor and the sample cases inside
# it). Open it from a shared drive or put it on any static host.
#
# Needs: the Rust toolchain with the wasm32-unknown-unknown target
# (`rustup target add wasm32-unknown-unknown`), clang and lld for the grammar's
# C (Debian: `apt-get install clang lld`), Node 20+ and npm. No other tool:
# the module is a plain `cdylib` with a C ABI (see crates/caseline-wasm), so
# there is no binding generator to install or keep in step.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "error: $1 is needed to build the page ($2)" >&2; exit 1; }; }
need clang "Debian: apt-get install clang lld"
need wasm-ld "Debian: apt-get install lld"
need npm "Node 20 or newer"
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "error: the wasm32-unknown-unknown target is missing: rustup target add wasm32-unknown-unknown" >&2
  exit 1
fi
ar=llvm-ar
command -v llvm-ar >/dev/null 2>&1 || ar=$(compgen -c llvm-ar- | sort -V | tail -1)

# The engine. Size matters more than the last few per cent of speed for a page
# opened from a network drive: optimise for size, one codegen unit, full LTO,
# no symbols, abort on panic (the page restarts the module, see src/engine.js).
CC_wasm32_unknown_unknown="${CC_wasm32_unknown_unknown:-clang}" \
AR_wasm32_unknown_unknown="${AR_wasm32_unknown_unknown:-$ar}" \
CARGO_PROFILE_RELEASE_OPT_LEVEL=s \
CARGO_PROFILE_RELEASE_LTO=true \
CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
CARGO_PROFILE_RELEASE_STRIP=true \
CARGO_PROFILE_RELEASE_PANIC=abort \
  cargo build -p caseline-wasm --target wasm32-unknown-unknown --release --locked

mkdir -p web/build
cp target/wasm32-unknown-unknown/release/caseline_wasm.wasm web/build/caseline.wasm

cd web
# Exactly the versions in package-lock.json.
npm ci --no-audit --no-fund --loglevel=error
node esbuild.mjs
