//! The extension's settings (`caseline.*` in package.json) read into one typed
//! value, and turned into how the server is started and initialised.
//! Pure Node: must not import `vscode`; `extension.ts` passes a getter in.

/** The values of `caseline.trace.server`. */
export type TraceLevel = "off" | "messages" | "verbose";

/** The settings the client acts on. Defaults match package.json's `contributes.configuration`. */
export interface Settings {
  serverPath: string | null;
  /** A `YYYY-MM-DD` date that overrides every case's as-of date, or null. */
  asOf: string | null;
  trace: TraceLevel;
}

/** The setting keys below `caseline.`, as declared in package.json. */
export const SETTING_KEYS = ["server.path", "asOf", "trace.server"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const DEFAULT_SETTINGS: Settings = { serverPath: null, asOf: null, trace: "off" };

/** A setting that was present but unusable, in words for the user. */
export interface SettingProblem {
  key: SettingKey;
  message: string;
}

/**
 * Reads the settings through `get` (VS Code's `WorkspaceConfiguration.get` for the
 * `caseline` section). Wrong values fall back to the default and are reported,
 * so a typo in settings.json never stops the server.
 */
export function readSettings(get: (key: SettingKey) => unknown): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];

  const rawPath = get("server.path");
  let serverPath: string | null = null;
  if (typeof rawPath === "string" && rawPath.trim().length > 0) {
    serverPath = rawPath.trim();
  } else if (rawPath !== null && rawPath !== undefined && typeof rawPath !== "string") {
    problems.push({ key: "server.path", message: "caseline.server.path must be a path to the caseline program" });
  }

  const rawAsOf = get("asOf");
  let asOf: string | null = null;
  if (typeof rawAsOf === "string" && rawAsOf.trim().length > 0) {
    const value = rawAsOf.trim();
    if (isCalendarDate(value)) {
      asOf = value;
    } else {
      problems.push({
        key: "asOf",
        message: `caseline.asOf is "${value}", which is not a date written as YYYY-MM-DD (for example 2025-02-18); it is ignored`,
      });
    }
  } else if (rawAsOf !== null && rawAsOf !== undefined && typeof rawAsOf !== "string") {
    problems.push({ key: "asOf", message: "caseline.asOf must be a date written as YYYY-MM-DD; it is ignored" });
  }

  const rawTrace = get("trace.server");
  let trace: TraceLevel = "off";
  if (rawTrace === "off" || rawTrace === "messages" || rawTrace === "verbose") {
    trace = rawTrace;
  } else if (rawTrace !== null && rawTrace !== undefined) {
    problems.push({ key: "trace.server", message: 'caseline.trace.server must be "off", "messages" or "verbose"' });
  }

  return { settings: { serverPath, asOf, trace }, problems };
}

/** True for a real day written `YYYY-MM-DD` (2023-02-29 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) {
    return false;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysIn = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= daysIn[month - 1];
}

/** How to start the server: the shape of vscode-languageclient's `Executable`. */
export interface ServerExecutable {
  command: string;
  args: string[];
  options: { env: Record<string, string | undefined> };
}

/**
 * The command line for the language server. `env` is the extension host's
 * environment; `CASELINE_LOG` is kept if the user set it, and otherwise raised
 * to `debug` when tracing is verbose so the server's stderr log says more.
 */
export function serverExecutable(
  serverPath: string,
  settings: Settings,
  env: Record<string, string | undefined>,
): ServerExecutable {
  const childEnv: Record<string, string | undefined> = { ...env };
  if (childEnv.CASELINE_LOG === undefined && settings.trace === "verbose") {
    childEnv.CASELINE_LOG = "debug";
  }
  return { command: serverPath, args: ["lsp"], options: { env: childEnv } };
}

/** What the client sends in `initialize.initializationOptions`. */
export interface InitializationOptions {
  /** Overrides every case's as-of date, like `caseline check --as-of`. */
  asOf?: string;
}

export function initializationOptions(settings: Settings): InitializationOptions {
  return settings.asOf === null ? {} : { asOf: settings.asOf };
}

/**
 * Whether a settings change needs the server restarted: the binary and the
 * initialisation options are fixed for a server's lifetime.
 */
export function needsRestart(before: Settings, after: Settings): boolean {
  return before.serverPath !== after.serverPath || before.asOf !== after.asOf;
}
