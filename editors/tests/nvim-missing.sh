#!/usr/bin/env bash
# Neovim with no caseline server to run: editors/nvim must say so in one message
# (what to do, no Lua stack trace) and leave the buffer a caseline buffer.
# Installs nothing. Needs: nvim (0.7+) on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$repo/tests/cases/kent-24-003-873.case" "$tmp/"
out="$(XDG_STATE_HOME="$tmp" XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp" timeout -k 5 30 nvim --headless -u NONE -i NONE -n \
  --cmd "set runtimepath^=$repo/editors/nvim" \
  -c "lua require('caseline').setup({ cmd = { '$tmp/no-such-caseline', 'lsp' } })" \
  -c "edit $tmp/kent-24-003-873.case" -c "sleep 200m" \
  -c "lua io.stdout:write('\nfiletype=' .. vim.bo.filetype .. '\n')" -c "qall!" </dev/null 2>&1)" || true
printf '%s\n' "$out" | sed 's/^/  | /'
if printf '%s' "$out" | grep -q "traceback"; then
  echo "nvim-missing: FAIL: a Lua stack trace was printed" >&2; exit 1
fi
if ! printf '%s' "$out" | grep -q "caseline: cannot run '$tmp/no-such-caseline'. Install caseline"; then
  echo "nvim-missing: FAIL: no message saying the server cannot be run" >&2; exit 1
fi
if ! printf '%s' "$out" | grep -q "^filetype=caseline"; then
  echo "nvim-missing: FAIL: the buffer did not keep the caseline filetype" >&2; exit 1
fi
echo "nvim-missing: OK: one message, no stack trace, filetype caseline"
