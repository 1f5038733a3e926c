//! Entry point of the VS Code extension: activation wires the client, commands
//! and settings together; deactivation stops the server.
//! Must not contain language logic or server lookup (see `server.ts`, `ctx.ts`).

import * as vscode from "vscode";

import { registerCommands } from "./commands";
import { Ctx } from "./ctx";

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(context.extensionPath);
  const current = ctx;
  registerCommands(context, current);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => current.onConfigurationChanged(e)));
  await current.start();
}

export async function deactivate(): Promise<void> {
  const current = ctx;
  ctx = undefined;
  await current?.dispose();
}
