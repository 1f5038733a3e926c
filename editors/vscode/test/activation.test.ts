//! Loads the bundled extension (dist/extension.js) under plain Node with a stand-in
//! for the `vscode` module, and checks activation: both commands are registered,
//! and when no server can be found the user gets the error message with setup
//! instructions instead of a silent failure. Catches bundling mistakes too.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

const extensionDir = path.resolve(__dirname, "..", "..");
const bundle = path.join(extensionDir, "dist", "extension.js");

interface Recorded {
  commands: string[];
  errors: string[];
  warnings: string[];
  output: string[];
  providers: string[];
}

/**
 * A `vscode` stand-in: the members activation uses behave and record; any other
 * member (vscode-languageclient touches many at load time) is a harmless
 * callable, constructible object.
 */
function fakeVscode(settings: Record<string, unknown>, rec: Recorded): unknown {
  const disposable = { dispose: () => undefined };
  const anything: unknown = new Proxy(function () {}, {
    get: (_t, prop) => (prop === Symbol.toPrimitive ? () => 0 : prop === "then" ? undefined : anything),
    apply: () => anything,
    construct: () => anything as object,
  });
  const known: Record<string, unknown> = {
    window: {
      createOutputChannel: () => ({
        appendLine: (s: string) => rec.output.push(s),
        append: (s: string) => rec.output.push(s),
        show: () => undefined,
        dispose: () => undefined,
      }),
      showErrorMessage: async (m: string) => {
        rec.errors.push(m);
        return undefined;
      },
      showWarningMessage: async (m: string) => {
        rec.warnings.push(m);
        return undefined;
      },
    },
    commands: {
      registerCommand: (id: string) => {
        rec.commands.push(id);
        return disposable;
      },
      executeCommand: async () => undefined,
    },
    workspace: {
      getConfiguration: () => ({ get: (key: string) => settings[key] }),
      onDidChangeConfiguration: () => disposable,
      registerTextDocumentContentProvider: (scheme: string) => {
        rec.providers.push(scheme);
        return disposable;
      },
    },
  };
  return new Proxy(known, { get: (t, prop: string) => (prop in t ? t[prop] : anything) });
}

type ModuleWithResolve = typeof Module & {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};

/** Loads a fresh copy of the bundle with `vscode` resolved to the stand-in. */
function loadExtension(vscode: unknown): {
  activate: (ctx: unknown) => Promise<void>;
  deactivate: () => Promise<void>;
} {
  const m = Module as ModuleWithResolve;
  const original = m._resolveFilename;
  m._resolveFilename = function (request: string, ...rest: unknown[]) {
    return request === "vscode" ? "vscode" : original.call(this, request, ...rest);
  };
  try {
    require.cache["vscode"] = { id: "vscode", filename: "vscode", loaded: true, exports: vscode } as NodeJS.Module;
    delete require.cache[bundle];
    // A runtime require on purpose: the bundle must load fresh, with the stand-in in place.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(bundle);
  } finally {
    m._resolveFilename = original;
  }
}

describe("activation of the bundled extension", { skip: !fs.existsSync(bundle) && "run `npm run build` first" }, () => {
  it("registers its commands and explains how to install caseline when none is found", async () => {
    const rec: Recorded = { commands: [], errors: [], warnings: [], output: [], providers: [] };
    const emptyExt = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-ext-"));
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-empty-path-"));
    try {
      const ext = loadExtension(fakeVscode({ asOf: "2025-02-30" }, rec));
      await ext.activate({ extensionPath: emptyExt, subscriptions: [] });
      await ext.deactivate();
    } finally {
      process.env.PATH = savedPath;
    }
    assert.deepEqual(rec.commands.sort(), ["caseline.restartServer", "caseline.showOutput"]);
    assert.deepEqual(rec.providers, ["caseline-builtin"]);
    assert.equal(rec.errors.length, 1, rec.errors.join("\n"));
    assert.match(rec.errors[0], /none was found on your PATH/);
    assert.match(rec.errors[0], /caseline\.server\.path/);
    assert.ok(rec.output.some((l) => l.includes("none was found on your PATH")));
    // The impossible as-of date is reported, not sent to the server.
    assert.equal(rec.warnings.length, 1);
    assert.match(rec.warnings[0], /2025-02-30/);
  });

  it("reports a server path setting that points nowhere", async () => {
    const rec: Recorded = { commands: [], errors: [], warnings: [], output: [], providers: [] };
    const ext = loadExtension(fakeVscode({ "server.path": "/nonexistent/caseline" }, rec));
    await ext.activate({ extensionPath: os.tmpdir(), subscriptions: [] });
    await ext.deactivate();
    assert.equal(rec.errors.length, 1);
    assert.match(rec.errors[0], /\/nonexistent\/caseline/);
    assert.match(rec.errors[0], /no file there/);
  });
});
