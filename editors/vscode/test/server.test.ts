//! Tests of the server lookup (`src/server.ts`) under plain Node: the order
//! setting → bundled → PATH, the `--version` check, and the messages when nothing works.
//! Uses fake lookups for the order and real scripts on disk for running `--version`.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  bundledServerPath,
  expandConfiguredPath,
  findServer,
  LookupDeps,
  LookupInput,
  nodeDeps,
  parseVersion,
  pathCandidates,
  ServerNotFoundError,
} from "../src/server";

/** A fake machine: `files` maps a path to what its `--version` prints (or an Error). */
function fakeDeps(files: Record<string, string | Error>): LookupDeps & { chmodded: string[]; ran: string[] } {
  const chmodded: string[] = [];
  const ran: string[] = [];
  return {
    chmodded,
    ran,
    isFile: (p) => Object.prototype.hasOwnProperty.call(files, p),
    runVersion: async (p) => {
      ran.push(p);
      const out = files[p];
      if (out instanceof Error) {
        throw out;
      }
      return out ?? "";
    },
    ensureExecutable: (p) => {
      chmodded.push(p);
    },
  };
}

const base: LookupInput = {
  configuredPath: null,
  extensionPath: "/ext",
  platform: "linux",
  envPath: "/usr/local/bin:/usr/bin",
  homeDir: "/home/inv",
};

describe("parseVersion", () => {
  it("reads the version from `caseline <version>`", () => {
    assert.equal(parseVersion("caseline 0.1.0\n"), "0.1.0");
    assert.equal(parseVersion("caseline 1.2.3-dev+abc\r\n"), "1.2.3-dev+abc");
  });
  it("rejects other programs", () => {
    assert.equal(parseVersion("Python 3.11.2\n"), undefined);
    assert.equal(parseVersion(""), undefined);
    assert.equal(parseVersion("caseline-lsp 0.1.0"), undefined);
  });
});

describe("paths", () => {
  it("puts the bundled binary in server/, with .exe on Windows", () => {
    assert.equal(bundledServerPath("/ext", "linux"), "/ext/server/caseline");
    assert.equal(bundledServerPath("C:\\ext", "win32"), "C:\\ext\\server\\caseline.exe");
  });
  it("lists PATH candidates in PATH order and skips empty entries", () => {
    assert.deepEqual(pathCandidates({ ...base, envPath: "/a::/b" }), ["/a/caseline", "/b/caseline"]);
    assert.deepEqual(pathCandidates({ ...base, envPath: undefined }), []);
  });
  it("tries each PATHEXT extension on Windows", () => {
    assert.deepEqual(pathCandidates({ ...base, platform: "win32", envPath: "C:\\bin", envPathExt: ".EXE;.CMD" }), [
      "C:\\bin\\caseline.exe",
      "C:\\bin\\caseline.cmd",
    ]);
  });
  it("expands ~ in the setting", () => {
    assert.equal(expandConfiguredPath("~/bin/caseline", "/home/inv"), "/home/inv/bin/caseline");
    assert.equal(expandConfiguredPath("/opt/caseline", "/home/inv"), "/opt/caseline");
    assert.equal(expandConfiguredPath("~other/caseline", "/home/inv"), "~other/caseline");
  });
});

describe("findServer order", () => {
  it("uses the setting first, even when a bundled binary exists", async () => {
    const deps = fakeDeps({ "/opt/caseline": "caseline 0.2.0", "/ext/server/caseline": "caseline 0.1.0" });
    const found = await findServer({ ...base, configuredPath: "/opt/caseline" }, deps);
    assert.deepEqual(found, { path: "/opt/caseline", source: "setting", version: "0.2.0" });
  });

  it("does not fall back when the setting names a missing file", async () => {
    const deps = fakeDeps({ "/ext/server/caseline": "caseline 0.1.0" });
    await assert.rejects(findServer({ ...base, configuredPath: "/nope/caseline" }, deps), (err: unknown) => {
      assert.ok(err instanceof ServerNotFoundError);
      assert.match(err.message, /caseline\.server\.path/);
      assert.match(err.message, /\/nope\/caseline/);
      assert.match(err.message, /no file there/);
      return true;
    });
    assert.deepEqual(deps.ran, []);
  });

  it("treats a blank setting as unset", async () => {
    const deps = fakeDeps({ "/ext/server/caseline": "caseline 0.1.0" });
    const found = await findServer({ ...base, configuredPath: "   " }, deps);
    assert.equal(found.source, "bundled");
  });

  it("prefers the bundled binary to PATH and makes it executable", async () => {
    const deps = fakeDeps({ "/ext/server/caseline": "caseline 0.1.0", "/usr/bin/caseline": "caseline 0.0.9" });
    const found = await findServer(base, deps);
    assert.deepEqual(found, { path: "/ext/server/caseline", source: "bundled", version: "0.1.0" });
    assert.deepEqual(deps.chmodded, ["/ext/server/caseline"]);
  });

  it("falls back to PATH when the bundled binary cannot run", async () => {
    const deps = fakeDeps({
      "/ext/server/caseline": new Error("spawn EACCES"),
      "/usr/bin/caseline": "caseline 0.0.9\n",
    });
    const found = await findServer(base, deps);
    assert.deepEqual(found, { path: "/usr/bin/caseline", source: "path", version: "0.0.9" });
  });

  it("takes the first PATH entry that really is caseline", async () => {
    const deps = fakeDeps({ "/usr/local/bin/caseline": "some other tool 1.0", "/usr/bin/caseline": "caseline 0.1.0" });
    const found = await findServer(base, deps);
    assert.equal(found.path, "/usr/bin/caseline");
  });

  it("says in plain words that caseline was not found, where it was looked for, and what to do", async () => {
    const deps = fakeDeps({});
    await assert.rejects(findServer(base, deps), (err: unknown) => {
      assert.ok(err instanceof ServerNotFoundError);
      assert.deepEqual(err.attempts, []);
      assert.match(err.message, /^The caseline program could not be found/);
      assert.match(err.message, /this extension's own folder \(\/ext\/server\/caseline\)/);
      assert.match(err.message, /the folders on your PATH \(\/usr\/local\/bin, \/usr\/bin\)/);
      assert.match(err.message, /caseline\.server\.path/);
      assert.match(err.message, /Restart server/);
      // Written for investigators: no build tools, no programmer's commands.
      assert.doesNotMatch(err.message, /cargo|npm|rustup|install --path/);
      return true;
    });
  });

  it("names a long PATH's first folders and counts the rest", async () => {
    const envPath = Array.from({ length: 9 }, (_, i) => `/d${i}`).join(":");
    await assert.rejects(findServer({ ...base, envPath }, fakeDeps({})), (err: unknown) => {
      assert.ok(err instanceof Error);
      assert.match(err.message, /\(\/d0, \/d1, \/d2, \/d3, \/d4, \/d5 and 3 more\)/);
      return true;
    });
    await assert.rejects(findServer({ ...base, envPath: "" }, fakeDeps({})), /your PATH, which names no folders/);
  });

  it("lists every candidate that failed", async () => {
    const deps = fakeDeps({ "/ext/server/caseline": new Error("bad CPU type"), "/usr/bin/caseline": "nope" });
    await assert.rejects(findServer(base, deps), (err: unknown) => {
      assert.ok(err instanceof ServerNotFoundError);
      assert.deepEqual(
        err.attempts.map((a) => [a.source, a.path]),
        [
          ["bundled", "/ext/server/caseline"],
          ["path", "/usr/bin/caseline"],
        ],
      );
      assert.match(err.message, /Found but not usable: \/ext\/server\/caseline \(bundled with the extension\)/);
      assert.match(err.message, /bad CPU type/);
      assert.match(err.message, /does not look like caseline/);
      return true;
    });
  });
});

describe("findServer with real programs", { skip: process.platform === "win32" }, () => {
  function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "caseline-vscode-test-"));
  }
  function script(file: string, body: string, mode: number): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`);
    fs.chmodSync(file, mode);
  }

  it("runs --version and restores a lost exec bit on the bundled binary", async () => {
    const ext = tempDir();
    const bundled = path.join(ext, "server", "caseline");
    script(bundled, 'echo "caseline 0.1.0"', 0o644);
    const found = await findServer({ ...base, extensionPath: ext, envPath: "" }, nodeDeps);
    assert.deepEqual(found, { path: bundled, source: "bundled", version: "0.1.0" });
    assert.notEqual(fs.statSync(bundled).mode & 0o111, 0);
  });

  it("finds caseline on PATH", async () => {
    const bin = tempDir();
    script(path.join(bin, "caseline"), 'echo "caseline 3.4.5"', 0o755);
    const found = await findServer({ ...base, extensionPath: tempDir(), envPath: bin }, nodeDeps);
    assert.equal(found.source, "path");
    assert.equal(found.version, "3.4.5");
  });

  it("rejects a program that fails --version", async () => {
    const bin = tempDir();
    script(path.join(bin, "caseline"), "echo broken >&2; exit 3", 0o755);
    await assert.rejects(findServer({ ...base, extensionPath: tempDir(), envPath: bin }, nodeDeps), /could not be run/);
  });
});
