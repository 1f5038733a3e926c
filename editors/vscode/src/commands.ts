//! The commands in the palette ("caseline: Restart server", "caseline: Show output",
//! "caseline: Show timeline"), the one the "Copy as decision wording" code action
//! runs, and the provider for read-only `caseline-builtin:` documents.
//! Thin wrappers over `Ctx` and the server: no language logic here.

import * as vscode from "vscode";

import { Ctx } from "./ctx";
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
