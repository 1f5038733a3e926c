//! Loads the bundled extension (dist/extension.js) under plain Node with a stand-in
//! for the `vscode` module, and checks activation: every command is registered,
//! and when no server can be found the user gets the error message with setup
//! instructions instead of a silent failure. Also runs "caseline: Show timeline"
//! through the bundle with no server running: it says so instead of failing
//! silently, without a second message beside the one about the missing server
//! (the page itself comes from the server: `server-e2e.test.ts`), and
//! "Copy as decision wording": the code action's paragraph goes to the clipboard.
//! Catches bundling mistakes too.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

const extensionDir = path.resolve(__dirname, "..", "..");
const bundle = path.join(extensionDir, "dist", "extension.js");
const repo = path.resolve(extensionDir, "..", "..");
const sample = path.join(repo, "tests", "cases", "worcestershire-24-017-518.case");

/** What the stand-in's webview panel was given and asked to do. */
interface FakePanel {
  viewType: string;
  title: string;
  showOptions: unknown;
  options: unknown;
  webview: { html: string };
  reveals: number;
  reveal: () => void;
  onDidDispose: () => { dispose: () => void };
  dispose: () => void;
}

/** A `.case` document as the command sees it; `saves` counts calls to `save`. */
interface FakeDocument {
  uri: { scheme: string; fsPath: string; path: string };
  fileName: string;
  languageId: string;
  isDirty: boolean;
  saves: number;
  save: () => Promise<boolean>;
}

interface Recorded {
  commands: string[];
  handlers: Map<string, (...args: unknown[]) => unknown>;
  errors: string[];
  /** The buttons offered with each error message. */
  errorButtons: string[][];
  /** When set, error messages stay on screen (their promise never settles), as until the user closes one. */
  toastsStayOpen?: boolean;
  warnings: string[];
  infos: string[];
  output: string[];
  providers: string[];
  panels: FakePanel[];
  /** What was written to the clipboard. */
  clipboard: string[];
  /** The active editor's document, set by a test. */
  active?: FakeDocument;
  /** Documents in editors in view (besides the active one), set by a test. */
  visible: FakeDocument[];
  /** Documents shown with showTextDocument, and the snippets inserted into them. */
  shown: { document: unknown; options: unknown }[];
  snippets: string[];
  /** What the quick pick was offered; `pick` chooses the item with that label. */
  quickPicks: { label: string; description?: string }[][];
  pick?: string;
  /** The workspace folder every document belongs to, set by a test. */
  workspaceFolder?: string;
}

function recorder(): Recorded {
  return {
    commands: [],
    handlers: new Map(),
    errors: [],
    errorButtons: [],
    warnings: [],
    infos: [],
    output: [],
    providers: [],
    panels: [],
    clipboard: [],
    visible: [],
    shown: [],
    snippets: [],
    quickPicks: [],
  };
}

/**
 * An extension folder holding only what the walkthrough's commands read (the sample and
 * the new-case snippets), and no server: a `server/` left by packaging must not start one.
 */
function walkthroughExtensionDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-ext-"));
  for (const file of [path.join("samples", "kent-24-003-873.case"), path.join("snippets", "new-case.json")]) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join(extensionDir, file), path.join(dir, file));
  }
  return dir;
}

function caseDocument(file: string, isDirty: boolean): FakeDocument {
  const doc: FakeDocument = {
    uri: { scheme: "file", fsPath: file, path: file },
    fileName: file,
    languageId: "caseline",
    isDirty,
    saves: 0,
    save: async () => {
      doc.saves += 1;
      doc.isDirty = false;
      return true;
    },
  };
  return doc;
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
      showErrorMessage: (m: string, ...buttons: string[]) => {
        rec.errors.push(m);
        rec.errorButtons.push(buttons);
        return rec.toastsStayOpen ? new Promise(() => undefined) : Promise.resolve(undefined);
      },
      showWarningMessage: async (m: string) => {
        rec.warnings.push(m);
        return undefined;
      },
      showInformationMessage: async (m: string) => {
        rec.infos.push(m);
        return undefined;
      },
      get activeTextEditor() {
        return rec.active === undefined ? undefined : { document: rec.active };
      },
      get visibleTextEditors() {
        return rec.visible.map((document) => ({ document }));
      },
      showQuickPick: async (items: { label: string; description?: string }[]) => {
        rec.quickPicks.push(items);
        return items.find((i) => i.label === rec.pick);
      },
      showTextDocument: async (document: unknown, options: unknown) => {
        rec.shown.push({ document, options });
        return {
          document,
          insertSnippet: async (snippet: { value: string }) => {
            rec.snippets.push(snippet.value);
            return true;
          },
        };
      },
      withProgress: (_options: unknown, task: () => Promise<unknown>) => task(),
      createWebviewPanel: (viewType: string, title: string, showOptions: unknown, options: unknown) => {
        const panel: FakePanel = {
          viewType,
          title,
          showOptions,
          options,
          webview: { html: "" },
          reveals: 0,
          reveal: () => {
            panel.reveals += 1;
          },
          onDidDispose: () => disposable,
          dispose: () => undefined,
        };
        rec.panels.push(panel);
        return panel;
      },
    },
    env: {
      clipboard: {
        writeText: async (text: string) => {
          rec.clipboard.push(text);
        },
      },
    },
    Uri: class Uri {
      static file(fsPath: string) {
        return { scheme: "file", fsPath, path: fsPath };
      }
    },
    SnippetString: class SnippetString {
      constructor(readonly value: string) {}
    },
    // The bundle copies the module's own members, so enums it reads must be real ones (VS Code's values).
    ViewColumn: { Active: -1, Beside: -2 },
    ProgressLocation: { Window: 10 },
    commands: {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        rec.commands.push(id);
        rec.handlers.set(id, handler);
        return disposable;
      },
      executeCommand: async () => undefined,
    },
    workspace: {
      getConfiguration: () => ({ get: (key: string) => settings[key] }),
      getWorkspaceFolder: () =>
        rec.workspaceFolder === undefined ? undefined : { uri: { fsPath: rec.workspaceFolder } },
      onDidChangeConfiguration: () => disposable,
      textDocuments: [],
      openTextDocument: async (what: { fsPath?: string; language?: string }) =>
        what.fsPath !== undefined
          ? { uri: what, fileName: what.fsPath, languageId: "caseline", text: fs.readFileSync(what.fsPath, "utf8") }
          : { uri: { scheme: "untitled" }, fileName: "Untitled-1", languageId: what.language, text: "" },
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
    const rec = recorder();
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
    assert.deepEqual(rec.commands.sort(), [
      "caseline.copyDecisionWording",
      "caseline.newCase",
      "caseline.openSample",
      "caseline.restartServer",
      "caseline.showOutput",
      "caseline.showTimeline",
    ]);
    assert.deepEqual(rec.providers, ["caseline-builtin"]);
    assert.equal(rec.errors.length, 1, rec.errors.join("\n"));
    assert.match(rec.errors[0], /^The caseline program could not be found/);
    assert.match(rec.errors[0], new RegExp(`own folder \\(${emptyExt}/server/caseline\\)`));
    assert.match(rec.errors[0], /caseline\.server\.path/);
    assert.doesNotMatch(rec.errors[0], /cargo/);
    // One button opens the setting the message names.
    assert.deepEqual(rec.errorButtons[0], ["Open caseline.server.path", "Show Output"]);
    assert.ok(rec.output.some((l) => l.includes("could not be found")));
    // The impossible as-of date is reported, not sent to the server.
    assert.equal(rec.warnings.length, 1);
    assert.match(rec.warnings[0], /2025-02-30/);
  });

  it("Copy as decision wording puts the code action's paragraph on the clipboard and says so", async () => {
    const rec = recorder();
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-empty-path-"));
    try {
      const ext = loadExtension(fakeVscode({}, rec));
      await ext.activate({ extensionPath: fs.mkdtempSync(path.join(os.tmpdir(), "caseline-ext-")), subscriptions: [] });
      const copy = rec.handlers.get("caseline.copyDecisionWording");
      assert.ok(copy);
      const paragraph = "The Council's stage 1 response on 24 August 2023 came 42 working days after …";
      await copy(paragraph);
      assert.deepEqual(rec.clipboard, [paragraph]);
      assert.equal(rec.infos.length, 1);
      assert.match(rec.infos[0], /copied/);
      // Run without the code action's text (a keybinding): nothing is copied, and it says how to use it.
      await copy();
      assert.deepEqual(rec.clipboard, [paragraph]);
      assert.match(rec.infos[1], /Nothing to copy/);
      await ext.deactivate();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("reports a server path setting that points nowhere", async () => {
    const rec = recorder();
    const ext = loadExtension(fakeVscode({ "server.path": "/nonexistent/caseline" }, rec));
    await ext.activate({ extensionPath: os.tmpdir(), subscriptions: [] });
    await ext.deactivate();
    assert.equal(rec.errors.length, 1);
    assert.match(rec.errors[0], /\/nonexistent\/caseline/);
    assert.match(rec.errors[0], /no file there/);
  });

  it("Show timeline asks for a .case file, and never adds a second message to the one about the missing server", async () => {
    const rec = recorder();
    rec.toastsStayOpen = true;
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-empty-path-"));
    try {
      const ext = loadExtension(fakeVscode({}, rec));
      await ext.activate({ extensionPath: fs.mkdtempSync(path.join(os.tmpdir(), "caseline-ext-")), subscriptions: [] });
      const show = rec.handlers.get("caseline.showTimeline");
      assert.ok(show);
      assert.equal(rec.errors.length, 1, "the failed start is reported once");

      await show();
      assert.equal(rec.infos.length, 1);
      assert.match(rec.infos[0], /Open a \.case file first/);

      rec.active = caseDocument(sample, true);
      await show();
      assert.equal(rec.active.saves, 0, "the timeline is drawn from the editor's text: nothing is saved");
      // The message about the missing program is still on screen: no second one.
      assert.equal(rec.errors.length, 1, rec.errors.join("\n"));
      assert.ok(
        rec.output.some((l) =>
          l.startsWith(
            "The timeline of worcestershire-24-017-518.case could not be drawn: the caseline server is not running",
          ),
        ),
      );
      assert.equal(rec.panels.length, 0);
      // Restarts that fail for the same reason (a settings change can restart twice) add none either.
      const restart = rec.handlers.get("caseline.restartServer");
      assert.ok(restart);
      await restart();
      await restart();
      assert.equal(rec.errors.length, 1, rec.errors.join("\n"));
      await ext.deactivate();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("Show timeline brings back the message about the missing server once it has been closed, not another", async () => {
    const rec = recorder();
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-empty-path-"));
    try {
      const ext = loadExtension(fakeVscode({}, rec));
      await ext.activate({ extensionPath: fs.mkdtempSync(path.join(os.tmpdir(), "caseline-ext-")), subscriptions: [] });
      const show = rec.handlers.get("caseline.showTimeline");
      assert.ok(show);
      assert.equal(rec.errors.length, 1);
      // The stand-in's messages close at once, as when the user dismisses them.
      rec.active = caseDocument(sample, false);
      await show();
      assert.equal(rec.errors.length, 2);
      assert.equal(rec.errors[1], rec.errors[0], "the same message, which says why and what to do");
      assert.deepEqual(rec.errorButtons[1], rec.errorButtons[0]);
      assert.equal(rec.panels.length, 0);
      await ext.deactivate();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("Show timeline run from the walkthrough (no text editor active) draws the one case in view", async () => {
    const rec = recorder();
    rec.toastsStayOpen = true;
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-empty-path-"));
    try {
      const ext = loadExtension(fakeVscode({}, rec));
      await ext.activate({ extensionPath: fs.mkdtempSync(path.join(os.tmpdir(), "caseline-ext-")), subscriptions: [] });
      const show = rec.handlers.get("caseline.showTimeline");
      assert.ok(show);
      rec.visible = [caseDocument(sample, false)];
      await show();
      // It got as far as asking the (missing) server for that case's timeline.
      assert.equal(rec.infos.length, 0, rec.infos.join("\n"));
      assert.ok(
        rec.output.some((l) => l.startsWith("The timeline of worcestershire-24-017-518.case could not be drawn")),
      );
      // Two cases in view: which one is meant is not known, so it asks for one.
      rec.visible = [
        caseDocument(sample, false),
        caseDocument(path.join(repo, "tests", "cases", "kent-24-003-873.case"), false),
      ];
      await show();
      assert.match(rec.infos[0] ?? "", /Open a \.case file first/);
      await ext.deactivate();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("Open a sample case opens a fresh copy of the shipped sample in the extension's storage, beside the walkthrough", async () => {
    const rec = recorder();
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-empty-path-"));
    try {
      const ext = loadExtension(fakeVscode({}, rec));
      const storage = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-storage-"));
      const folder = path.join(storage, "caseline.caseline");
      await ext.activate({
        extensionPath: walkthroughExtensionDir(),
        globalStorageUri: { fsPath: folder },
        subscriptions: [],
      });
      const open = rec.handlers.get("caseline.openSample");
      assert.ok(open);
      const copy = path.join(folder, "kent-24-003-873.case");
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(copy, "changed by the investigator\n");
      await open();
      assert.equal(
        fs.readFileSync(copy, "utf8"),
        fs.readFileSync(path.join(repo, "tests", "cases", "kent-24-003-873.case"), "utf8"),
      );
      assert.equal(rec.shown.length, 1);
      assert.equal((rec.shown[0].document as { fileName: string }).fileName, copy);
      assert.deepEqual(rec.shown[0].options, { viewColumn: -2, preview: false });
      await ext.deactivate();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it("New case asks for the procedure and opens an unsaved case holding what caseline new writes", async () => {
    const rec = recorder();
    const savedPath = process.env.PATH;
    process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-empty-path-"));
    try {
      const ext = loadExtension(fakeVscode({}, rec));
      await ext.activate({ extensionPath: walkthroughExtensionDir(), subscriptions: [] });
      const newCase = rec.handlers.get("caseline.newCase");
      assert.ok(newCase);
      // Cancelled: nothing is opened.
      await newCase();
      assert.equal(rec.shown.length, 0);
      const offered = rec.quickPicks[0];
      assert.ok(offered.some((i) => i.label === "lgsco" && /Ombudsman/.test(i.description ?? "")));
      rec.pick = "children-statutory";
      await newCase();
      assert.equal(rec.shown.length, 1);
      assert.equal((rec.shown[0].document as { languageId: string }).languageId, "caseline");
      const snippets = JSON.parse(fs.readFileSync(path.join(extensionDir, "snippets", "new-case.json"), "utf8"));
      assert.deepEqual(rec.snippets, [snippets["New case: children-statutory"].body.join("\n")]);
      await ext.deactivate();
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
