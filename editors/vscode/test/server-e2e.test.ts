//! The extension's own plumbing against the real server, without VS Code: finds
//! the binary with `findServer`, starts it with `serverExecutable` and sends
//! `initializationOptions(settings)` exactly as the extension does, then checks
//! that diagnostics arrive, that the as-of setting changes them, and that the
//! `caseline/builtinSource` and `caseline/timeline` requests declared in lsp_ext.ts
//! are answered (the timeline from the text the editor sent, not the file), and that
//! "Copy as decision wording" carries the paragraph `caseline report --format text` prints.
//! Runs only when CASELINE_BIN points at a caseline binary (editors/ci.sh sets it).

import { strict as assert } from "node:assert";
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";

import * as rpc from "vscode-languageserver-protocol/node";

import { builtinSource, COPY_DECISION_WORDING, timeline } from "../src/lsp_ext";
import { forWebview, THEME_STYLE_ID } from "../src/timeline_page";
import { findServer } from "../src/server";
import { DEFAULT_SETTINGS, initializationOptions, serverExecutable, Settings } from "../src/settings";

const bin = process.env.CASELINE_BIN;
const repo = path.resolve(__dirname, "..", "..", "..", "..");
const caseFile = path.join(repo, "tests", "cases", "kent-24-003-873.case");
const WAIT_MS = 20_000;

function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms`)), WAIT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Starts the server the way the extension does and opens the Kent sample. */
async function session(settings: Settings) {
  const found = await findServer({
    configuredPath: bin,
    extensionPath: "/nonexistent",
    platform: process.platform,
    envPath: "",
  });
  const exe = serverExecutable(found.path, settings, process.env);
  const child = spawn(exe.command, exe.args, { env: exe.options.env, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  const uri = pathToFileURL(caseFile).toString();
  const published: rpc.Diagnostic[][] = [];
  let notify: () => void = () => undefined;
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri) {
      published.push(p.diagnostics);
      notify();
    }
  });
  conn.listen();

  const init = await within(
    conn.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {},
      initializationOptions: initializationOptions(settings),
    }),
    "answer to initialize",
  );
  conn.sendNotification(rpc.InitializedNotification.type, {});
  conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "caseline", version: 1, text: fs.readFileSync(caseFile, "utf8") },
  });

  /** Resolves with the first published list that satisfies `pred`. */
  const diagnosticsWhere = (pred: (d: rpc.Diagnostic[]) => boolean) =>
    within(
      new Promise<rpc.Diagnostic[]>((resolve) => {
        const check = () => {
          const hit = published.find(pred);
          if (hit) resolve(hit);
        };
        notify = check;
        check();
      }),
      "matching diagnostics",
    );

  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  /** The LSP shutdown handshake; the server must then exit by itself with code 0. */
  const close = async () => {
    try {
      await within(conn.sendRequest(rpc.ShutdownRequest.type), "answer to shutdown");
      await conn.sendNotification(rpc.ExitNotification.type);
      assert.equal(await within(exited, "exit after the exit notification"), 0);
    } finally {
      conn.dispose();
      child.kill();
    }
  };
  return { init, conn, uri, diagnosticsWhere, close, stderr: () => stderr };
}

const at = (ds: rpc.Diagnostic[], code: string, line: number) =>
  ds.some((d) => d.code === code && d.range.start.line === line);

describe("the extension's server plumbing against the real server", { skip: !bin && "CASELINE_BIN not set" }, () => {
  it("starts `caseline lsp`, gets diagnostics and a built-in procedure's source", async () => {
    const s = await session(DEFAULT_SETTINGS);
    try {
      assert.equal(s.init.serverInfo?.name, "caseline");
      // Line 20 of the sample (0-based 19): stage 2 adjudication 40 working days late.
      const ds = await s.diagnosticsWhere((d) => at(d, "deadline-missed", 19));
      // The case's own as-of (2025-02-18) is before o1's due date (2025-03-18).
      assert.ok(!at(ds, "rec-overdue", 26), "o1 is not overdue as of the case's own date");
      const src = await within(
        s.conn.sendRequest(builtinSource, { uri: "caseline-builtin:/children-statutory.case" }),
        "answer to caseline/builtinSource",
      );
      assert.match(src.text, /^procedure children-statutory$/m);
    } finally {
      await s.close();
    }
  });

  it("draws the timeline of the text in the editor, saved or not", async () => {
    const s = await session(DEFAULT_SETTINGS);
    try {
      await s.diagnosticsWhere((d) => at(d, "deadline-missed", 19));
      const page = await within(
        s.conn.sendRequest(timeline, { textDocument: { uri: s.uri } }),
        "answer to caseline/timeline",
      );
      assert.equal(page.version, 1);
      assert.ok(page.html.startsWith("<!DOCTYPE html>"));
      // The webview's dressing finds what it needs in the server's real page: the
      // head for the theme's style sheet, and the one chart to put in a scrolling box.
      const dressed = forWebview(page.html);
      assert.ok(dressed.indexOf(`<style id="${THEME_STYLE_ID}">`) < dressed.indexOf("</head>"));
      assert.match(dressed, /<div class="caseline-chart-scroll"><svg class="chart"[\s\S]*?<\/svg><\/div>/);
      // An unsaved edit: a new title, and the page follows it.
      const text = fs.readFileSync(caseFile, "utf8").replace(/^ {2}title "[^"]*"/m, '  title "Edited, not saved"');
      s.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
        textDocument: { uri: s.uri, version: 2 },
        contentChanges: [{ text }],
      });
      const edited = await within(
        s.conn.sendRequest(timeline, { textDocument: { uri: s.uri } }),
        "answer to caseline/timeline after an edit",
      );
      assert.equal(edited.version, 2);
      assert.match(edited.title, /Edited, not saved/);
      assert.ok(edited.html.includes("Edited, not saved"));
    } finally {
      await s.close();
    }
  });

  it("offers Copy as decision wording with the paragraph the report prints", async () => {
    const s = await session(DEFAULT_SETTINGS);
    try {
      await s.diagnosticsWhere((d) => at(d, "deadline-missed", 19));
      // Line 16 of the sample (0-based 15): the stage 1 response.
      const actions = await within(
        s.conn.sendRequest(rpc.CodeActionRequest.type, {
          textDocument: { uri: s.uri },
          range: { start: { line: 15, character: 0 }, end: { line: 15, character: 0 } },
          context: { diagnostics: [] },
        }),
        "answer to textDocument/codeAction",
      );
      const copy = (actions ?? []).find(
        (a): a is rpc.CodeAction => "kind" in a && a.command?.command === COPY_DECISION_WORDING,
      );
      assert.ok(copy, JSON.stringify(actions));
      assert.equal(copy.edit, undefined, "it never edits the document");
      const text = copy.command?.arguments?.[0];
      assert.equal(typeof text, "string");
      for (const figure of ["24 August 2023", "42 working days", "reg. 14", "22 working days late"]) {
        assert.ok(String(text).includes(figure), `${figure} in ${text}`);
      }
      const report = spawnSync(bin as string, ["report", caseFile, "--format", "text"], { encoding: "utf8" });
      assert.equal(report.status, 0, report.stderr);
      const lines = report.stdout.split("\n");
      const heading = lines.findIndex((l) => l.startsWith("Stage 1 response (line 16)"));
      assert.equal(text, lines[heading + 1]);
    } finally {
      await s.close();
    }
  });

  it("passes the as-of setting through initializationOptions", async () => {
    const s = await session({ ...DEFAULT_SETTINGS, asOf: "2025-04-01" });
    try {
      // As of 2025-04-01, o1 (due 2025-03-18, line 27, 0-based 26) is overdue.
      await s.diagnosticsWhere((d) => at(d, "rec-overdue", 26));
    } finally {
      await s.close();
    }
  });
});
