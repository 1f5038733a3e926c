//! "caseline: Show timeline" outside VS Code: the command line for
//! `caseline report <case> -o -`, the folder it runs in, running it, and turning
//! its result into either the HTML page or a plain-English message for the user.
//! Pure Node: must not import `vscode`, so all of this runs and is tested under plain Node.
//! Finding the caseline program is `server.ts`'s job, not this module's.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The arguments for `caseline report`: the case's absolute path, `-o -` so the
 * page comes back on standard output, and `--as-of` when the setting is set.
 * Each value is one argument (no shell), so spaces in paths need no quoting.
 */
export function reportArgs(casePath: string, asOf: string | null): string[] {
  const args = ["report", casePath, "-o", "-"];
  if (asOf !== null) {
    args.push("--as-of", asOf);
  }
  return args;
}

/**
 * Where `caseline report` runs: the case's workspace folder when it has one (so the
 * workspace's caseline.toml and definitions files are found as `caseline check` finds
 * them there), else the folder the case file is in.
 */
export function reportCwd(casePath: string, workspaceFolder: string | undefined): string {
  return workspaceFolder ?? path.dirname(casePath);
}

/** The panel's title for a case file. */
export function timelineTitle(casePath: string): string {
  return `Timeline: ${path.basename(casePath)}`;
}

/** How a finished (or failed-to-start) program run went, with everything it printed. */
export interface ProcessResult {
  /** The exit code, or null when the program was stopped by a signal or never started. */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started at all (e.g. `ENOENT`, `EACCES`). */
  spawnError?: { code?: string; message: string };
  /** True when we stopped it because it ran past the time limit. */
  timedOut: boolean;
  /** True when we stopped it because its output passed the size limit. */
  tooLarge: boolean;
}

/** What a report run means for the user: a page to show, or a message saying why not. */
export type ReportOutcome = { ok: true; html: string } | { ok: false; message: string };

/** How long a report may take: generous, since a 20,000-entry case is still well under a second. */
export const REPORT_TIMEOUT_MS = 60_000;
/** The most output we hold in memory for one page (a webview will not show more usefully). */
export const REPORT_MAX_BYTES = 64 * 1024 * 1024;

/** The longest piece of caseline's own error output quoted in a message. */
const MAX_QUOTED = 600;

/**
 * Turns a run of `caseline report` into the page or a message. `programPath` and
 * `caseName` are only used in the words of the message.
 */
export function interpretReport(result: ProcessResult, programPath: string, caseName: string): ReportOutcome {
  const cannot = `The timeline of ${caseName} could not be drawn`;
  if (result.spawnError !== undefined) {
    const why = result.spawnError.code ?? result.spawnError.message;
    return {
      ok: false,
      message:
        `${cannot}: the caseline program at ${programPath} could not be run (${why}). ` +
        `Check the "caseline.server.path" setting, then run "caseline: Restart server".`,
    };
  }
  if (result.timedOut) {
    return {
      ok: false,
      message: `${cannot}: caseline took longer than ${REPORT_TIMEOUT_MS / 1000} seconds, so it was stopped.`,
    };
  }
  if (result.tooLarge) {
    return {
      ok: false,
      message: `${cannot}: the page is larger than ${REPORT_MAX_BYTES / (1024 * 1024)} MB, too large to show here. Run \`caseline report\` in a terminal to write it to a file instead.`,
    };
  }
  if (result.code === null) {
    return {
      ok: false,
      message: `${cannot}: caseline stopped unexpectedly${result.signal ? ` (${result.signal})` : ""}.`,
    };
  }
  if (result.code !== 0) {
    const said = plainStderr(result.stderr);
    if (/unrecognized subcommand|unexpected argument/i.test(said) && /report/.test(said)) {
      return {
        ok: false,
        message: `${cannot}: the caseline program at ${programPath} is too old to draw timelines (it has no "report" command). Install a newer caseline.`,
      };
    }
    return {
      ok: false,
      message:
        said.length > 0
          ? `${cannot}: ${said}`
          : `${cannot}: caseline stopped with exit code ${result.code} and gave no reason.`,
    };
  }
  if (!/^\s*<!DOCTYPE html>/i.test(result.stdout)) {
    return {
      ok: false,
      message: `${cannot}: caseline finished but did not send back a page. Install a newer caseline, or run \`caseline report\` in a terminal to see what it prints.`,
    };
  }
  return { ok: true, html: result.stdout };
}

/**
 * caseline's error output as one sentence for a message box: the `error:` prefix
 * dropped (the box already says something went wrong), lines joined, and cut short
 * if long, with a full stop at the end.
 */
export function plainStderr(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*error:\s*/i, "").trim())
    .filter((l) => l.length > 0);
  let text = lines.join(" ");
  if (text.length > MAX_QUOTED) {
    text = text.slice(0, MAX_QUOTED).trimEnd() + "…";
  }
  if (text.length > 0 && !/[.!?…]$/.test(text)) {
    text += ".";
  }
  return text;
}

/** Runs a program without a shell and collects what it prints, within the limits above. */
export function runProcess(
  command: string,
  args: string[],
  cwd: string,
  limits: { timeoutMs: number; maxBytes: number } = { timeoutMs: REPORT_TIMEOUT_MS, maxBytes: REPORT_MAX_BYTES },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let timedOut = false;
    let tooLarge = false;
    let spawnError: ProcessResult["spawnError"];
    let settled = false;

    const child = spawn(command, args, { cwd, windowsHide: true, stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, limits.timeoutMs);

    child.stdout.on("data", (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > limits.maxBytes) {
        if (!tooLarge) {
          tooLarge = true;
          child.kill();
        }
        return;
      }
      out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      // Only the start of the error output is ever shown; keep memory bounded.
      if (errBytes < 64 * 1024) {
        err.push(chunk);
      }
      errBytes += chunk.length;
    });

    const finish = (code: number | null, signal: string | null) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        spawnError,
        timedOut,
        tooLarge,
      });
    };
    child.on("error", (e: NodeJS.ErrnoException) => {
      // A failed spawn emits only "error" (no "close"), so finish here.
      spawnError = { code: typeof e.code === "string" ? e.code : undefined, message: e.message };
      finish(null, null);
    });
    // "close" (not "exit") so all output has been read.
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/** Runs `caseline report` for one case and says what to show. */
export async function drawTimeline(
  programPath: string,
  casePath: string,
  asOf: string | null,
  workspaceFolder: string | undefined,
  run: typeof runProcess = runProcess,
): Promise<ReportOutcome> {
  const cwd = reportCwd(casePath, workspaceFolder);
  if (!isDirectory(cwd)) {
    // Otherwise the failed start would read as "caseline could not be run".
    return {
      ok: false,
      message: `The timeline of ${path.basename(casePath)} could not be drawn: the folder ${cwd} no longer exists.`,
    };
  }
  const result = await run(programPath, reportArgs(casePath, asOf), cwd);
  return interpretReport(result, programPath, path.basename(casePath));
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
