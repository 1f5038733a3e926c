//! "caseline: Show timeline": asks the language server for the timeline of the
//! case in the editor (`caseline/timeline`: drawn from the text as it is in the
//! editor, saved or not, with the server's workspace, so it shows what the
//! diagnostics say) and shows the page in one webview panel, reused on every run.
//! Only the VS Code side lives here: the page is the server's, dressed in the
//! theme's colours by `timeline_page.ts`.

import * as vscode from "vscode";

import { Ctx } from "./ctx";
import { timeline } from "./lsp_ext";
import { forWebview } from "./timeline_page";

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
    const client = this.ctx.languageClient;
    if (client === undefined) {
      this.ctx.reportNotRunning(`The timeline of ${fileName(document)} could not be drawn`);
      return;
    }

    const run = ++this.runs;
    let html: string;
    try {
      const page = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Drawing the timeline of ${fileName(document)}` },
        () => client.sendRequest(timeline, { textDocument: { uri: document.uri.toString() } }),
      );
      html = page.html;
    } catch (err) {
      const message = `The timeline of ${fileName(document)} could not be drawn: ${err instanceof Error ? err.message : String(err)}`;
      this.ctx.output.appendLine(message);
      void vscode.window.showErrorMessage(message);
      return;
    }
    if (run !== this.runs) {
      return;
    }
    this.display(`Timeline: ${fileName(document)}`, html);
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
    // The server's page is made for paper (black on white); the theme's colours are added here.
    this.panel.webview.html = forWebview(html);
  }

  /** The `.case` document to draw (saved or not), or undefined after telling the user why there is none. */
  private async caseDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    let document: vscode.TextDocument | undefined;
    if (uri instanceof vscode.Uri) {
      document = await vscode.workspace.openTextDocument(uri);
    } else if (vscode.window.activeTextEditor !== undefined) {
      document = vscode.window.activeTextEditor.document;
    } else {
      // No text editor has the focus (the Getting Started walkthrough or another page has):
      // the one case in view, if there is exactly one.
      const cases = vscode.window.visibleTextEditors.filter((e) => isCase(e.document)).map((e) => e.document);
      document = new Set(cases).size === 1 ? cases[0] : undefined;
    }
    if (document === undefined || !isCase(document)) {
      void vscode.window.showInformationMessage(
        "Open a .case file first: the timeline is drawn for the case in the editor.",
      );
      return undefined;
    }
    return document;
  }
}

function isCase(document: vscode.TextDocument): boolean {
  return document.languageId === "caseline" || document.fileName.endsWith(".case");
}

function fileName(document: vscode.TextDocument): string {
  const parts = document.uri.path.split("/");
  return parts[parts.length - 1] || document.fileName;
}
