#!/usr/bin/env bash
# The caseline extension in a real VS Code: installs code-server 4.100.3 and
# playwright-core (npm ci here, from package-lock.json), packages the .vsix with
# the given caseline binary, installs it into code-server, opens a copy of
# tests/cases in Debian's Chromium and checks what an investigator sees
# (test.mjs). Screenshots of every step go to target/ci-artifacts/vscode/
# (E2E_ARTIFACTS overrides), also when a step fails.
# Usage: bash editors/vscode/e2e/run.sh PATH/TO/caseline
# Needs: Node 20 and npm; chromium (CHROMIUM overrides /usr/bin/chromium); for
# code-server's native modules g++, make, pkg-config and libkrb5-dev; ripgrep
# (rg), which stands in for the ripgrep code-server would download.
# E2E_SKIP_INSTALL=1 reuses an earlier npm ci (for trying changes to test.mjs).
set -euo pipefail
e2e="$(cd "$(dirname "$0")" && pwd)"
ext="$(cd "$e2e/.." && pwd)"
repo="$(cd "$ext/../.." && pwd)"
start=$(date +%s)
say() { printf -- '--- vscode e2e: %s (at %ss)\n' "$1" "$(($(date +%s) - start))"; }

bin="${1:-}"
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "usage: $0 PATH/TO/caseline (build it: cargo build -p caseline)" >&2
  exit 2
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
chromium="${CHROMIUM:-/usr/bin/chromium}"
artifacts="${E2E_ARTIFACTS:-$repo/target/ci-artifacts/vscode}"

missing=()
command -v node >/dev/null 2>&1 || missing+=("node (Node 20)")
command -v npm >/dev/null 2>&1 || missing+=("npm")
[ -x "$chromium" ] || missing+=("$chromium (apt-get install chromium)")
command -v rg >/dev/null 2>&1 || missing+=("rg (apt-get install ripgrep)")
command -v pkg-config >/dev/null 2>&1 || missing+=("pkg-config (apt-get install pkg-config)")
command -v krb5-config >/dev/null 2>&1 || missing+=("krb5-config (apt-get install libkrb5-dev)")
command -v g++ >/dev/null 2>&1 || missing+=("g++")
command -v make >/dev/null 2>&1 || missing+=("make")
command -v setsid >/dev/null 2>&1 || missing+=("setsid (util-linux)")
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'error: the real-VS-Code test needs: %s\n' "${missing[@]}" >&2
  exit 1
fi
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  # code-server 4.100.3's own install refuses any other Node (its engines say "20").
  echo "error: code-server 4.100.3 needs Node 20; this is Node $(node --version)" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/caseline-vscode-e2e.XXXXXX")"
server_pid=""
cleanup() {
  status=$?
  if [ -n "$server_pid" ]; then
    # code-server runs its own children (the extension host, the caseline server):
    # stop the whole process group it leads.
    kill -TERM -- "-$server_pid" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 -- "-$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/code-server.log" ]; then
    echo "--- the last lines of code-server's log ($work/code-server.log):" >&2
    tail -n 40 "$work/code-server.log" >&2 || true
  fi
  if [ "$status" -eq 0 ]; then rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT

# Packaged first: vsce looks through every file under editors/vscode, and
# e2e/node_modules, once installed, holds thousands (about 10 s more).
cd "$ext"
if [ ! -x node_modules/.bin/vsce ]; then
  say "npm ci for the extension (to package it)"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "package the .vsix with $bin"
bash scripts/package.sh "$bin" >"$work/package.log" 2>&1 || { cat "$work/package.log" >&2; exit 1; }
version="$(node -p 'require("./package.json").version')"
vsix="$ext/caseline-$version.vsix"

cd "$e2e"
if [ "${E2E_SKIP_INSTALL:-0}" = 1 ] && [ -x node_modules/.bin/code-server ]; then
  say "reusing node_modules (E2E_SKIP_INSTALL=1)"
else
  say "npm ci: code-server 4.100.3 and playwright-core (package-lock.json)"
  # code-server's postinstall installs VS Code's own dependencies, and with them
  # @vscode/ripgrep, whose postinstall downloads rg from GitHub. It first looks in
  # its download cache, $TMPDIR/vscode-ripgrep-cache-<package version>/ (see
  # lib/postinstall.js and lib/download.js of @vscode/ripgrep 1.15.11), so the
  # machine's rg goes there, packed as the archive it would have downloaded.
  # Both versions are those of code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json).
  rg_pkg=1.15.11 rg_asset=v13.0.0-10
  case "$(uname -m)" in
    x86_64) rg_target=x86_64-unknown-linux-musl ;;
    aarch64) rg_target=aarch64-unknown-linux-musl ;;
    *) echo "error: no ripgrep target for $(uname -m)" >&2; exit 1 ;;
  esac
  mkdir -p "$work/tmp/vscode-ripgrep-cache-$rg_pkg" "$work/rg"
  cp "$(command -v rg)" "$work/rg/rg"
  tar czf "$work/tmp/vscode-ripgrep-cache-$rg_pkg/ripgrep-$rg_asset-$rg_target.tar.gz" -C "$work/rg" rg
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
  # npm_config_yes: its native builds run `npx node-gyp`, which would otherwise ask.
  TMPDIR="$work/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm ci --no-audit --no-fund --loglevel=error
  if [ ! -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg ]; then
    echo "error: code-server's install left no ripgrep (node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg)" >&2
    exit 1
  fi
fi

mkdir -p "$work/user-data/User" "$work/extensions" "$work/home"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' >"$work/config.yaml"
# code-server with a home, a configuration and folders of its own: nothing of the
# user's (~/.config/code-server, ~/.local/share/code-server) is read or written.
code_server() {
  HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
    "$e2e/node_modules/.bin/code-server" --config "$work/config.yaml" \
    --user-data-dir "$work/user-data" --extensions-dir "$work/extensions" "$@"
}
say "install the .vsix into code-server $(code_server --version </dev/null | head -1)"
code_server --install-extension "$vsix" </dev/null

# The workspace: a copy of the sample cases, so the test's edits touch no file of
# the repository. The user settings point caseline.server.path at the binary
# under test (not the copy in the .vsix) and quieten what a first start shows.
cp -r "$repo/tests/cases" "$work/workspace"
cat >"$work/user-data/User/settings.json" <<EOF
{
  "caseline.server.path": "$bin",
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "chat.commandCenter.enabled": false,
  "editor.minimap.enabled": false,
  "window.commandCenter": false
}
EOF

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
say "start code-server on 127.0.0.1:$port"
# setsid: code-server leads its own process group, which cleanup stops as a whole.
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  setsid "$e2e/node_modules/.bin/code-server" --config "$work/config.yaml" \
  --user-data-dir "$work/user-data" --extensions-dir "$work/extensions" \
  --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  "$work/workspace" </dev/null >"$work/code-server.log" 2>&1 &
server_pid=$!
# Node's fetch, so the test needs no curl.
healthy() {
  node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
    "http://127.0.0.1:$port/healthz"
}
for _ in $(seq 1 120); do
  if healthy; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "error: code-server exited while starting" >&2
    exit 1
  fi
  sleep 0.5
done
healthy || { echo "error: code-server did not answer on 127.0.0.1:$port within 60 s" >&2; exit 1; }

say "drive it with Chromium ($("$chromium" --version 2>/dev/null | head -1))"
rm -rf "$artifacts"
mkdir -p "$artifacts"
test_start=$(date +%s)
CODE_SERVER_URL="http://127.0.0.1:$port/?folder=$work/workspace" WORKSPACE="$work/workspace" \
  ARTIFACTS="$artifacts" CHROMIUM="$chromium" CHROMIUM_PROFILE="$work/chromium-profile" \
  node "$e2e/test.mjs"
say "the test took $(($(date +%s) - test_start))s; screenshots in $artifacts"
say "done in $(($(date +%s) - start))s"
