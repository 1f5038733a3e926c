//! Finds the caseline program for the extension: the `caseline.server.path`
//! setting, then the binary bundled in the extension (`server/caseline[.exe]`),
//! then `caseline` on PATH; each candidate is checked with `--version`.
//! Pure Node: must not import `vscode`, so the lookup runs and is tested under plain Node.

import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** Where a server binary came from, for the output channel and error messages. */
export type ServerSource = "setting" | "bundled" | "path";

/** A server binary that answered `--version` like caseline does. */
export interface FoundServer {
  path: string;
  source: ServerSource;
  /** The version the binary reported, e.g. `0.1.0`. */
  version: string;
}

/** What the lookup needs to know about the machine; tests pass their own. */
export interface LookupInput {
  /** The `caseline.server.path` setting; empty or null means "not set". */
  configuredPath: string | null | undefined;
  /** The folder the extension is installed in (holds `server/`). */
  extensionPath: string;
  platform: NodeJS.Platform;
  /** The PATH environment variable. */
  envPath: string | undefined;
  /** Windows only: PATHEXT, the extensions that make a file runnable. */
  envPathExt?: string | undefined;
  /** The user's home folder, so `~/` in the setting works as people expect. */
  homeDir?: string;
}

/** The side effects of the lookup, replaceable in tests. */
export interface LookupDeps {
  isFile(p: string): boolean;
  /** Runs `<p> --version` and resolves with its standard output. */
  runVersion(p: string): Promise<string>;
  /** Makes a bundled binary runnable again if packaging lost the exec bit. */
  ensureExecutable(p: string): void;
}

/** One candidate that was tried and why it was not used. */
export interface Attempt {
  source: ServerSource;
  path: string;
  problem: string;
}

/** No usable server: the message says what was tried and how to fix it. */
export class ServerNotFoundError extends Error {
  readonly attempts: Attempt[];
  constructor(attempts: Attempt[], message: string) {
    super(message);
    this.name = "ServerNotFoundError";
    this.attempts = attempts;
  }
}

/** The file name of the server program on this platform. */
export function executableName(platform: NodeJS.Platform): string {
  return platform === "win32" ? "caseline.exe" : "caseline";
}

/** Where the packaging script puts the server inside the extension. */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform): string {
  return pathFor(platform).join(extensionPath, "server", executableName(platform));
}

/**
 * Reads `caseline --version` output. The binary prints `caseline <version>`;
 * anything else means the path points at some other program.
 */
export function parseVersion(stdout: string): string | undefined {
  const match = /^caseline (\S+)\s*$/m.exec(stdout.trim());
  return match?.[1];
}

/** The folders on PATH, in order, without empty entries. */
export function pathDirs(input: LookupInput): string[] {
  const sep = input.platform === "win32" ? ";" : ":";
  return (input.envPath ?? "").split(sep).filter((d) => d.length > 0);
}

/** Every place on PATH where `caseline` would be found, in PATH order. */
export function pathCandidates(input: LookupInput): string[] {
  const p = pathFor(input.platform);
  const dirs = pathDirs(input);
  const names =
    input.platform === "win32"
      ? (input.envPathExt ?? ".COM;.EXE;.BAT;.CMD")
          .split(";")
          .filter((e) => e.length > 0)
          .map((e) => "caseline" + e.toLowerCase())
      : ["caseline"];
  const out: string[] = [];
  for (const dir of dirs) {
    for (const name of names) {
      out.push(p.join(dir, name));
    }
  }
  return out;
}

/** Expands a leading `~` and makes a relative setting explicit (it is taken as given). */
export function expandConfiguredPath(configured: string, homeDir: string | undefined): string {
  if (homeDir && (configured === "~" || configured.startsWith("~/") || configured.startsWith("~\\"))) {
    return homeDir + configured.slice(1);
  }
  return configured;
}

/**
 * Finds a working server. A path in the setting is used or rejected on its own:
 * if the user named a binary, silently running a different one would hide their mistake.
 */
export async function findServer(input: LookupInput, deps: LookupDeps = nodeDeps): Promise<FoundServer> {
  const attempts: Attempt[] = [];
  const configured = (input.configuredPath ?? "").trim();
  if (configured.length > 0) {
    const candidate = expandConfiguredPath(configured, input.homeDir);
    const result = await validate(candidate, "setting", deps);
    if ("version" in result) {
      return result;
    }
    attempts.push(result);
    throw new ServerNotFoundError(attempts, settingMessage(result));
  }

  const bundled = bundledServerPath(input.extensionPath, input.platform);
  if (deps.isFile(bundled)) {
    if (input.platform !== "win32") {
      deps.ensureExecutable(bundled);
    }
    const result = await validate(bundled, "bundled", deps);
    if ("version" in result) {
      return result;
    }
    attempts.push(result);
  }

  for (const candidate of pathCandidates(input)) {
    if (!deps.isFile(candidate)) {
      continue;
    }
    const result = await validate(candidate, "path", deps);
    if ("version" in result) {
      return result;
    }
    attempts.push(result);
  }

  throw new ServerNotFoundError(attempts, notFoundMessage(attempts, { bundled, pathDirs: pathDirs(input) }));
}

async function validate(candidate: string, source: ServerSource, deps: LookupDeps): Promise<FoundServer | Attempt> {
  if (!deps.isFile(candidate)) {
    return { source, path: candidate, problem: "there is no file there" };
  }
  let stdout: string;
  try {
    stdout = await deps.runVersion(candidate);
  } catch (err) {
    return { source, path: candidate, problem: `it could not be run (${describe(err)})` };
  }
  const version = parseVersion(stdout);
  if (version === undefined) {
    const first = stdout.trim().split(/\r?\n/)[0] ?? "";
    return {
      source,
      path: candidate,
      problem: `it does not look like caseline: \`--version\` printed "${first.slice(0, 80)}"`,
    };
  }
  return { path: candidate, source, version };
}

function settingMessage(attempt: Attempt): string {
  return (
    `The caseline program set in "caseline.server.path" (${attempt.path}) cannot be used: ${attempt.problem}. ` +
    `Correct the path in Settings, or clear it to use the caseline that comes with the extension.`
  );
}

/** Where the lookup looked when nothing was set: named in the message. */
export interface LookedIn {
  /** Where the extension's own copy would be. */
  bundled: string;
  /** The folders on PATH. */
  pathDirs: string[];
}

/** How many PATH folders the message names; the rest are counted. */
const PATH_DIRS_SHOWN = 6;

/**
 * The message shown when nothing worked, for an investigator rather than a
 * programmer: the program could not be found, where it was looked for, what was
 * wrong with anything found, and what to do.
 */
export function notFoundMessage(attempts: Attempt[], looked: LookedIn): string {
  const dirs =
    looked.pathDirs.length === 0
      ? "your PATH, which names no folders"
      : "the folders on your PATH (" +
        looked.pathDirs.slice(0, PATH_DIRS_SHOWN).join(", ") +
        (looked.pathDirs.length > PATH_DIRS_SHOWN ? ` and ${looked.pathDirs.length - PATH_DIRS_SHOWN} more` : "") +
        ")";
  const where = `It was looked for in this extension's own folder (${looked.bundled}) and in ${dirs}.`;
  const found =
    attempts.length === 0
      ? ""
      : " Found but not usable: " +
        attempts.map((a) => `${a.path} (${labels[a.source]}): ${a.problem}`).join("; ") +
        ".";
  return (
    `The caseline program could not be found, so .case files cannot be checked. ${where}${found} ` +
    `To fix this, install the caseline extension made for your kind of computer (it includes the caseline ` +
    `program), or set "caseline.server.path" to where the caseline program is (ask whoever set caseline up ` +
    `for you), then run "caseline: Restart server".`
  );
}

const labels: Record<ServerSource, string> = {
  setting: "from the caseline.server.path setting",
  bundled: "bundled with the extension",
  path: "found on PATH",
};

function describe(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return typeof code === "string" ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/** How long `--version` may take: a slow disk or antivirus scan, not a hung program. */
export const VERSION_TIMEOUT_MS = 10_000;

/** The real side effects. */
export const nodeDeps: LookupDeps = {
  isFile(p: string): boolean {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  },
  runVersion(p: string): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(p, ["--version"], { timeout: VERSION_TIMEOUT_MS, windowsHide: true }, (err, stdout) => {
        if (err) {
          reject(err);
        } else {
          resolve(stdout);
        }
      });
    });
  },
  ensureExecutable(p: string): void {
    // A .vsix packed on Windows loses the exec bit (vscode-languageserver-node#484).
    try {
      const mode = fs.statSync(p).mode;
      if ((mode & 0o111) === 0) {
        fs.chmodSync(p, mode | 0o755);
      }
    } catch {
      // If this fails, `--version` reports the real problem (permission denied).
    }
  },
};
