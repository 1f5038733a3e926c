#!/usr/bin/env bash
# Neovim + tree-sitter test: builds the caseline parser into a temporary folder,
# puts it and the grammar's queries on Neovim's runtime path as
# editors/README.md describes, and checks captures and folds on a fixture.
# Two ways to build, as the README gives them:
#   PARSER_BUILD=abi14 (default): regenerate from the committed src/grammar.json
#     at ABI 14 with the tree-sitter CLI, for Neovim 0.7 to 0.10;
#   PARSER_BUILD=cc: the committed src/parser.c (ABI 15) and src/scanner.c
#     compiled with cc alone, no tree-sitter CLI, for Neovim 0.11+.
# Installs nothing. Needs: nvim, a C compiler, and for abi14 the tree-sitter CLI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
grammar="$repo/grammars/tree-sitter-caseline"
build="${PARSER_BUILD:-abi14}"

tools="nvim cc"
[ "$build" = cc ] || tools="$tools tree-sitter"
for tool in $tools; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "nvim-treesitter: FAIL: $tool is not installed" >&2
    exit 2
  fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/grammar" "$tmp/rt/parser" "$tmp/rt/queries/caseline"
if [ "$build" = cc ]; then
  # The README's command for 0.11+, word for word.
  cc -O2 -shared -fPIC -I "$grammar/src" "$grammar/src/parser.c" "$grammar/src/scanner.c" \
    -o "$tmp/rt/parser/caseline.so"
else
  # Generate in a copy: the committed parser (ABI 15) must stay as it is.
  cp -r "$grammar/src" "$grammar/queries" "$tmp/grammar/"
  cp "$grammar/tree-sitter.json" "$tmp/grammar/" 2>/dev/null || true
  (
    cd "$tmp/grammar"
    tree-sitter generate --abi 14 src/grammar.json >/dev/null
    tree-sitter build -o "$tmp/rt/parser/caseline.so" . >/dev/null
  )
fi
cp "$grammar"/queries/*.scm "$tmp/rt/queries/caseline/"

export XDG_STATE_HOME="$tmp" XDG_CACHE_HOME="$tmp" XDG_DATA_HOME="$tmp" XDG_CONFIG_HOME="$tmp"
timeout -k 5 "${TIMEOUT:-60}" nvim --headless -u NONE -i NONE -n \
  --cmd "set runtimepath^=$tmp/rt" --cmd "set runtimepath^=$repo/editors/nvim" --cmd "filetype on" \
  -c "luafile $here/nvim-treesitter.lua" </dev/null
