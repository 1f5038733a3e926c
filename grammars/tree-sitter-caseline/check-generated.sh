#!/usr/bin/env bash
# Regenerates the parser from grammar.js into a temporary copy of this grammar
# and fails if the result differs from the committed src/ (so src/ can never
# drift from grammar.js). Needs the tree-sitter CLI 0.27 on PATH or in
# ~/.cargo/bin; no network and no Node (uses the native JS runtime).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ts="$(command -v tree-sitter || echo "$HOME/.cargo/bin/tree-sitter")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/grammar.js" "$here/tree-sitter.json" "$here/src" "$tmp/"
# Generation must not rely on the committed output.
rm -f "$tmp/src/parser.c" "$tmp/src/grammar.json" "$tmp/src/node-types.json"
rm -rf "$tmp/src/tree_sitter"
(cd "$tmp" && "$ts" generate --js-runtime native)
for f in parser.c grammar.json node-types.json tree_sitter/parser.h tree_sitter/alloc.h tree_sitter/array.h; do
  if ! diff -q "$here/src/$f" "$tmp/src/$f" >/dev/null; then
    echo "src/$f is out of date: run 'tree-sitter generate --js-runtime native' in grammars/tree-sitter-caseline and commit src/" >&2
    diff -u "$here/src/$f" "$tmp/src/$f" | head -40 >&2
    exit 1
  fi
done
echo "generated parser is up to date"
