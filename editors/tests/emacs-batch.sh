#!/usr/bin/env bash
# Emacs client test: opens tests/cases/kent-24-003-873.case in `emacs --batch`
# with editors/emacs/caseline-mode.el and eglot (Debian: elpa-eglot on Emacs 28),
# and passes when the server's deadline-missed diagnostic for line 20 arrives.
# Installs nothing. Needs: CASELINE_BIN (path to the caseline binary), emacs on PATH.
# Optional: CASE_FILE, AS_OF (sent as initializationOptions.asOf), EXPECT_CODE,
# EXPECT_LINE, WAIT_MS, TIMEOUT (whole run, seconds).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

if [ -z "${CASELINE_BIN:-}" ] || [ ! -x "$CASELINE_BIN" ]; then
  echo "emacs: FAIL: set CASELINE_BIN to the caseline binary (got '${CASELINE_BIN:-}')" >&2
  exit 2
fi
if ! command -v emacs >/dev/null 2>&1; then
  echo "emacs: FAIL: emacs is not installed (apt-get install -y emacs-nox elpa-eglot)" >&2
  exit 2
fi

export CASELINE_BIN
export EDITORS_DIR="$repo/editors"
# A private home: nothing is read from or written to the user's ~/.emacs.d.
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

status=0
HOME="$tmp" timeout -k 5 "${TIMEOUT:-60}" emacs --batch -Q -l "$here/emacs-batch.el" </dev/null || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "emacs: FAIL: Emacs did not finish within ${TIMEOUT:-60} s" >&2
fi
exit "$status"
