//! The commands in the palette ("caseline: Restart server", "caseline: Show output",
//! "caseline: Show timeline", and "caseline: Open a sample case" and "caseline: New
//! case…" of the Getting Started walkthrough), the one the "Copy as decision
//! wording" code action runs, and the provider for read-only `caseline-builtin:`
//! documents. Thin wrappers over `Ctx` and the server: no language logic here.

import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";

import { Ctx } from "./ctx";
import { newCaseProcedures, SAMPLE_CASE } from "./getting_started";
import { BUILTIN_SCHEME, builtinSource } from "./lsp_ext";
import { TimelinePanel } from "./timeline";

export function registerCommands(context: vscode.ExtensionContext, ctx: Ctx): void {
  const timeline = new TimelinePanel(ctx);
  context.subscriptions.push(
    timeline,
    vscode.commands.registerCommand("caseline.restartServer", async () => {
      ctx.output.appendLine("Restarting the caseline server.");
      await ctx.restart();
    }),
    vscode.commands.registerCommand("caseline.showOutput", () => {
      ctx.output.show(true);
    }),
    vscode.commands.registerCommand("caseline.showTimeline", (uri?: vscode.Uri) => timeline.show(uri)),
    vscode.commands.registerCommand("caseline.copyDecisionWording", (text?: unknown) => copyDecisionWording(text)),
    vscode.commands.registerCommand("caseline.openSample", () => openSample(context)),
    vscode.commands.registerCommand("caseline.newCase", () => newCase(context.extensionPath)),
    vscode.workspace.registerTextDocumentContentProvider(BUILTIN_SCHEME, new BuiltinSourceProvider(ctx)),
  );
}

/** Shows a built-in procedure's source when go-to-definition lands in one. */
class BuiltinSourceProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly ctx: Ctx) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const client = this.ctx.languageClient;
    if (client === undefined) {
      return "# The caseline server is not running, so this built-in procedure cannot be shown.\n";
    }
    const result = await client.sendRequest(builtinSource, { uri: uri.toString() }, token);
    return result.text;
  }
}

/**
 * Run by the server's "Copy as decision wording" code action (`COPY_DECISION_WORDING` in
 * `lsp_ext.ts`) with the paragraph the server worded: puts it on the clipboard and says so.
 * The document is never touched.
 */
export async function copyDecisionWording(text: unknown): Promise<void> {
  if (typeof text !== "string" || text === "") {
    void vscode.window.showInformationMessage(
      'Nothing to copy: put the cursor on a stage or a recommendation line of a .case file and choose "Copy as decision wording" from the light bulb.',
    );
    return;
  }
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage("Decision wording copied: paste it into the decision.");
}

/**
 * Opens a copy of the shipped sample case (the Kent case, with a missed deadline), kept in
 * the extension's own storage folder so the investigator can change it freely: a fresh copy
 * each time, unless the copy is already open (then that one is shown, edits and all).
 */
async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const folder = context.globalStorageUri.fsPath;
  const file = path.join(folder, SAMPLE_CASE);
  let document = vscode.workspace.textDocuments.find((d) => d.uri.scheme === "file" && d.uri.fsPath === file);
  if (document === undefined) {
    await fs.promises.mkdir(folder, { recursive: true });
    await fs.promises.writeFile(
      file,
      await fs.promises.readFile(path.join(context.extensionPath, "samples", SAMPLE_CASE)),
    );
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  }
  // From the walkthrough (no text editor active) the case opens beside it, so both stay in view.
  const column = vscode.window.activeTextEditor === undefined ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
  await vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

/**
 * Asks which complaints procedure the case went through and opens a new, unsaved `.case`
 * document holding what `caseline new --procedure NAME` writes, with the header's blanks to
 * fill in (the same text as the `new-NAME` snippets).
 */
async function newCase(extensionPath: string): Promise<void> {
  const snippets = await fs.promises.readFile(path.join(extensionPath, "snippets", "new-case.json"), "utf8");
  const procedures = newCaseProcedures(snippets);
  const picked = await vscode.window.showQuickPick(
    procedures.map((p) => ({ label: p.name, description: p.title, procedure: p })),
    {
      title: "New case",
      placeHolder: "Which complaints procedure did the complaint go through? (It can be changed later.)",
      matchOnDescription: true,
    },
  );
  if (picked === undefined) {
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: "caseline" });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await editor.insertSnippet(new vscode.SnippetString(picked.procedure.body));
}
