//! The running language client: starts it from the current settings, restarts
//! it, and tells the user plainly when no server can be started.
//! Holds no language logic: everything about `.case` files comes from the server.

import * as os from "node:os";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

import { BUILTIN_SCHEME } from "./lsp_ext";
import { findServer, FoundServer, ServerNotFoundError } from "./server";
import { initializationOptions, needsRestart, readSettings, serverExecutable, Settings } from "./settings";

export class Ctx implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  private client: LanguageClient | undefined;
  private settings: Settings | undefined;
  /**
   * Why the last start failed, and whether its message is still on screen: a
   * command that needs the server then says nothing new (one message, not two).
   */
  private startFailure: { message: string; showing: boolean } | undefined;
  /** Serialises start/stop so a quick double restart cannot start two servers. */
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly extensionPath: string) {
    this.output = vscode.window.createOutputChannel("caseline");
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.doStop();
      await this.doStart();
    });
  }

  /** Called on every settings change; restarts only when the change needs it. */
  async onConfigurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!e.affectsConfiguration("caseline")) {
      return;
    }
    const next = this.readSettings();
    if (this.settings === undefined || needsRestart(this.settings, next)) {
      this.output.appendLine("Settings changed; restarting the caseline server.");
      await this.restart();
    }
  }

  /**
   * For a command that needs the server when none is running. If the start failed,
   * its message is the one that says why and what to do: it is shown again only if
   * the user has closed it, never a second copy beside it.
   */
  reportNotRunning(what: string): void {
    const failure = this.startFailure;
    if (failure?.showing) {
      this.output.appendLine(`${what}: the caseline server is not running (see the message about it).`);
      return;
    }
    if (failure !== undefined) {
      this.output.appendLine(`${what}: the caseline server is not running.`);
      void this.showStartError(failure.message);
      return;
    }
    const message = `${what}: the caseline server is not running (see "caseline: Show output" for why).`;
    this.output.appendLine(message);
    void vscode.window.showErrorMessage(message);
  }

  async dispose(): Promise<void> {
    await this.enqueue(() => this.doStop());
    this.output.dispose();
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.pending.then(step, step);
    this.pending = run.catch(() => undefined);
    return run;
  }

  private readSettings(): Settings {
    const config = vscode.workspace.getConfiguration("caseline");
    const { settings, problems } = readSettings((key) => config.get(key));
    for (const p of problems) {
      this.output.appendLine(`Setting problem: ${p.message}`);
      void vscode.window.showWarningMessage(p.message);
    }
    return settings;
  }

  private async doStart(): Promise<void> {
    const settings = this.readSettings();
    this.settings = settings;

    let server: FoundServer;
    try {
      server = await this.lookup(settings);
    } catch (err) {
      const message =
        err instanceof ServerNotFoundError ? err.message : `caseline could not be started: ${String(err)}`;
      this.output.appendLine(message);
      void this.showStartError(message);
      return;
    }
    this.output.appendLine(`Using caseline ${server.version} at ${server.path} (${server.source}).`);

    const exe = serverExecutable(server.path, settings, process.env);
    const serverOptions: ServerOptions = { run: exe, debug: exe };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "caseline" },
        { scheme: "untitled", language: "caseline" },
        { scheme: BUILTIN_SCHEME, language: "caseline" },
      ],
      initializationOptions: initializationOptions(settings),
      outputChannel: this.output,
    };
    // The id "caseline" makes the client read `caseline.trace.server` itself.
    const client = new LanguageClient("caseline", "caseline", serverOptions, clientOptions);
    this.client = client;
    try {
      await client.start();
      this.startFailure = undefined;
    } catch (err) {
      this.client = undefined;
      const message = `The caseline server at ${server.path} stopped while starting: ${String(err)}`;
      this.output.appendLine(message);
      void this.showStartError(message);
    }
  }

  private lookup(settings: Settings): Promise<FoundServer> {
    return findServer({
      configuredPath: settings.serverPath,
      extensionPath: this.extensionPath,
      platform: process.platform,
      envPath: process.env.PATH,
      envPathExt: process.env.PATHEXT,
      homeDir: os.homedir(),
    });
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client !== undefined) {
      try {
        await client.stop();
      } catch (err) {
        this.output.appendLine(`The caseline server did not stop cleanly: ${String(err)}`);
      }
    }
  }

  private async showStartError(message: string): Promise<void> {
    if (this.startFailure?.showing && this.startFailure.message === message) {
      // A restart failed for the same reason (a settings change can restart twice
      // in a row): the message on screen already says it.
      return;
    }
    const failure = { message, showing: true };
    this.startFailure = failure;
    let choice: string | undefined;
    try {
      choice = await vscode.window.showErrorMessage(message, OPEN_SETTING, "Show Output");
    } finally {
      failure.showing = false;
    }
    if (choice === OPEN_SETTING) {
      await vscode.commands.executeCommand("workbench.action.openSettings", "caseline.server.path");
    } else if (choice === "Show Output") {
      this.output.show(true);
    }
  }
}

/** The button that opens the Settings editor at `caseline.server.path`. */
export const OPEN_SETTING = "Open caseline.server.path";
