#!/usr/bin/env bash
# Neovim client test: opens tests/cases/kent-24-003-873.case in headless Neovim
# (0.7 or newer) with `caseline lsp` attached through editors/nvim, and passes
# when the server's deadline-missed diagnostic for line 20 arrives, "Copy as
# decision wording" on line 16 puts the stage 1 paragraph in a register, and go
# to definition opens the built-in procedure.
# Installs nothing. Needs: CASELINE_BIN (path to the caseline binary), nvim on PATH.
# Optional: CASE_FILE, AS_OF (sent as initializationOptions.asOf), EXPECT_CODE,
# EXPECT_LINE, WAIT_MS, TIMEOUT (whole run, seconds).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [ -z "${CASELINE_BIN:-}" ] || [ ! -x "$CASELINE_BIN" ]; then
  echo "nvim: FAIL: set CASELINE_BIN to the caseline binary (got '${CASELINE_BIN:-}')" >&2
  exit 2
fi
if ! command -v nvim >/dev/null 2>&1; then
  echo "nvim: FAIL: nvim is not installed (apt-get install -y neovim)" >&2
  exit 2
fi

export CASELINE_BIN
# A private state folder: the LSP log and shada must not touch the user's.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The case is checked in a folder of its own, so the server's workspace is that
# folder and not the whole repository with every test fixture in it.
if [ -z "${CASE_FILE:-}" ]; then
  mkdir -p "$tmp/case"
  cp "$repo/tests/cases/kent-24-003-873.case" "$tmp/case/"
  CASE_FILE="$tmp/case/kent-24-003-873.case"
fi
export CASE_FILE
export XDG_STATE_HOME="$tmp" XDG_CACHE_HOME="$tmp" XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp"

# NVIM_CONFIG=builtin: the README's vim.lsp.config block (0.11+) instead of the
# plugin's setup, with `caseline` found on PATH as that block expects.
script="$here/nvim-headless.lua"
if [ "${NVIM_CONFIG:-}" = builtin ]; then
  script="$here/nvim-builtin-config.lua"
  PATH="$(dirname "$CASELINE_BIN"):$PATH"
fi

status=0
timeout -k 5 "${TIMEOUT:-60}" nvim --headless -u NONE -i NONE -n \
  --cmd "set runtimepath^=$repo/editors/nvim" --cmd "filetype plugin on" \
  -c "luafile $script" </dev/null || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "nvim: FAIL: Neovim did not finish within ${TIMEOUT:-60} s" >&2
fi
if [ "$status" -ne 0 ] && [ -f "$tmp/nvim/lsp.log" ]; then
  echo "--- last lines of the Neovim LSP log ---" >&2
  tail -n 20 "$tmp/nvim/lsp.log" >&2
fi
exit "$status"
