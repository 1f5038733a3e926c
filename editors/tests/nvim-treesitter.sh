#!/usr/bin/env bash
# Neovim + tree-sitter test: builds the caseline parser from the committed
# grammars/tree-sitter-caseline/src/grammar.json into a temporary folder (ABI 14,
# so Neovim 0.7 to 0.10 load it too), puts it and the grammar's queries on
# Neovim's runtime path as editors/README.md describes, and checks captures and
# folds on a fixture. Installs nothing. Needs: nvim, the tree-sitter CLI, a C compiler.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
grammar="$repo/grammars/tree-sitter-caseline"

for tool in nvim tree-sitter cc; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "nvim-treesitter: FAIL: $tool is not installed" >&2
    exit 2
  fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Generate in a copy: the committed parser (ABI 15) must stay as it is.
mkdir -p "$tmp/grammar" "$tmp/rt/parser" "$tmp/rt/queries/caseline"
cp -r "$grammar/src" "$grammar/queries" "$tmp/grammar/"
cp "$grammar/tree-sitter.json" "$tmp/grammar/" 2>/dev/null || true
(
  cd "$tmp/grammar"
  tree-sitter generate --abi 14 src/grammar.json >/dev/null
  tree-sitter build -o "$tmp/rt/parser/caseline.so" . >/dev/null
)
cp "$grammar"/queries/*.scm "$tmp/rt/queries/caseline/"

export XDG_STATE_HOME="$tmp" XDG_CACHE_HOME="$tmp" XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp"
timeout -k 5 "${TIMEOUT:-60}" nvim --headless -u NONE -i NONE -n \
  --cmd "set runtimepath^=$tmp/rt" --cmd "set runtimepath^=$repo/editors/nvim" --cmd "filetype on" \
  -c "luafile $here/nvim-treesitter.lua" </dev/null
