//! "caseline: Show timeline": saves the case, has the caseline program draw it
//! (`report.ts`) and shows the page in one webview panel, reused on every run.
//! Only the VS Code side lives here: no command-line building or output parsing
//! (that is `report.ts`), no server lookup (that is `Ctx` and `server.ts`).

import * as vscode from "vscode";

import { Ctx } from "./ctx";
import { drawTimeline, timelineTitle } from "./report";
import { readSettings } from "./settings";
import { ServerNotFoundError } from "./server";

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Counts runs, so a slow earlier run cannot overwrite the page of a later one. */
  private runs = 0;

  constructor(private readonly ctx: Ctx) {}

  /** The command: `uri` is given when run from the editor's title bar, else the active editor is used. */
  async show(uri?: vscode.Uri): Promise<void> {
    const document = await this.caseDocument(uri);
    if (document === undefined) {
      return;
    }
    if (document.isDirty && !(await document.save())) {
      void vscode.window.showErrorMessage(
        `${fileName(document)} could not be saved, so its timeline was not drawn (caseline reads the saved file).`,
      );
      return;
    }

    let program: string;
    try {
      program = (await this.ctx.caselineProgram()).path;
    } catch (err) {
      const message = err instanceof ServerNotFoundError ? err.message : `caseline could not be found: ${String(err)}`;
      this.ctx.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
      return;
    }

    const casePath = document.uri.fsPath;
    const config = vscode.workspace.getConfiguration("caseline");
    // Problems with the setting were already reported when the server started.
    const { asOf } = readSettings((key) => config.get(key)).settings;
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;

    const run = ++this.runs;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Drawing the timeline of ${fileName(document)}` },
      () => drawTimeline(program, casePath, asOf, folder),
    );
    if (run !== this.runs) {
      return;
    }
    if (!outcome.ok) {
      this.ctx.output.appendLine(outcome.message);
      void vscode.window.showErrorMessage(outcome.message);
      return;
    }
    this.display(timelineTitle(casePath), outcome.html);
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private display(title: string, html: string): void {
    if (this.panel === undefined) {
      // The page is self-contained (inline CSS and SVG, its own Content-Security-Policy):
      // no scripts and no access to local files are needed, so none are allowed.
      const panel = vscode.window.createWebviewPanel(
        "caseline.timeline",
        title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [] },
      );
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
        }
      });
      this.panel = panel;
    } else {
      this.panel.title = title;
      this.panel.reveal(undefined, true);
    }
    this.panel.webview.html = html;
  }

  /** The saved-on-disk `.case` document to draw, or undefined after telling the user why there is none. */
  private async caseDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    let document: vscode.TextDocument | undefined;
    if (uri instanceof vscode.Uri) {
      document = await vscode.workspace.openTextDocument(uri);
    } else {
      document = vscode.window.activeTextEditor?.document;
    }
    if (document === undefined || (document.languageId !== "caseline" && !document.fileName.endsWith(".case"))) {
      void vscode.window.showInformationMessage(
        "Open a .case file first: the timeline is drawn for the case in the editor.",
      );
      return undefined;
    }
    if (document.uri.scheme !== "file") {
      void vscode.window.showInformationMessage(
        `Save ${fileName(document)} as a .case file first: caseline draws the timeline from the file on disk.`,
      );
      return undefined;
    }
    return document;
  }
}

function fileName(document: vscode.TextDocument): string {
  const parts = document.uri.path.split("/");
  return parts[parts.length - 1] || document.fileName;
}
