//! Tests of `src/report.ts` under plain Node: the `caseline report` command line and
//! working folder, the messages for every way a run can fail, running a program
//! (with Node itself standing in for caseline), and the real binary drawing a sample
//! case. The real-binary tests use CASELINE_BIN, else `target/debug/caseline` when it
//! exists, and are skipped otherwise.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  drawTimeline,
  interpretReport,
  plainStderr,
  ProcessResult,
  reportArgs,
  reportCwd,
  runProcess,
  timelineTitle,
} from "../src/report";

// Compiled to out/test/, so the repository is four levels up.
const repo = path.resolve(__dirname, "..", "..", "..", "..");
const debugBin = path.join(repo, "target", "debug", "caseline");
const bin = process.env.CASELINE_BIN || (fs.existsSync(debugBin) ? debugBin : "");
const sample = path.join(repo, "tests", "cases", "worcestershire-24-017-518.case");

function result(over: Partial<ProcessResult>): ProcessResult {
  return { code: 0, signal: null, stdout: "", stderr: "", timedOut: false, tooLarge: false, ...over };
}

describe("reportArgs", () => {
  it("asks for the page on standard output", () => {
    assert.deepEqual(reportArgs("/cases/a.case", null), ["report", "/cases/a.case", "-o", "-"]);
  });

  it("adds --as-of only when the setting is set", () => {
    assert.deepEqual(reportArgs("/cases/a.case", "2025-04-01"), [
      "report",
      "/cases/a.case",
      "-o",
      "-",
      "--as-of",
      "2025-04-01",
    ]);
  });

  it("keeps a path with spaces as one argument, unquoted", () => {
    const p = "/home/me/My Cases/Kent 24 003.case";
    const args = reportArgs(p, null);
    assert.equal(args[1], p);
    assert.equal(args.length, 4);
  });
});

describe("reportCwd and timelineTitle", () => {
  it("runs in the workspace folder when there is one, else the case's folder", () => {
    assert.equal(reportCwd("/w/cases/a.case", "/w"), "/w");
    assert.equal(reportCwd("/tmp/My Cases/a.case", undefined), "/tmp/My Cases");
  });

  it("titles the panel with the file name only", () => {
    assert.equal(timelineTitle("/w/cases/kent 24.case"), "Timeline: kent 24.case");
  });
});

describe("interpretReport", () => {
  const page = "<!DOCTYPE html>\n<html><body>timeline</body></html>\n";

  it("gives back the page on success", () => {
    assert.deepEqual(interpretReport(result({ stdout: page }), "/bin/caseline", "a.case"), { ok: true, html: page });
  });

  it("quotes caseline's reason for exit code 2 without the `error:` prefix", () => {
    const out = interpretReport(
      result({ code: 2, stderr: "error: could not read /w/a.case: no such file\n" }),
      "/bin/caseline",
      "a.case",
    );
    assert.deepEqual(out, {
      ok: false,
      message: "The timeline of a.case could not be drawn: could not read /w/a.case: no such file.",
    });
  });

  it("says so when caseline fails without a reason", () => {
    const out = interpretReport(result({ code: 1 }), "/bin/caseline", "a.case");
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.message : "", /exit code 1 and gave no reason/);
  });

  it("tells the user to update a caseline that has no report command", () => {
    const stderr = "error: unrecognized subcommand 'report'\n\nUsage: caseline <COMMAND>\n";
    const out = interpretReport(result({ code: 2, stderr }), "/opt/old/caseline", "a.case");
    assert.equal(out.ok, false);
    const message = !out.ok ? out.message : "";
    assert.match(message, /\/opt\/old\/caseline is too old/);
    assert.doesNotMatch(message, /Usage/);
  });

  it("explains a program that cannot be run", () => {
    const out = interpretReport(
      result({ code: null, spawnError: { code: "ENOENT", message: "spawn /x ENOENT" } }),
      "/x",
      "a.case",
    );
    assert.equal(out.ok, false);
    const message = !out.ok ? out.message : "";
    assert.match(message, /could not be run \(ENOENT\)/);
    assert.match(message, /caseline\.server\.path/);
  });

  it("explains a time-out, an oversized page and a crash", () => {
    const timedOut = interpretReport(result({ code: null, signal: "SIGTERM", timedOut: true }), "c", "a.case");
    assert.match(!timedOut.ok ? timedOut.message : "", /took longer than 60 seconds/);
    const large = interpretReport(result({ code: null, signal: "SIGTERM", tooLarge: true }), "c", "a.case");
    assert.match(!large.ok ? large.message : "", /larger than 64 MB/);
    const crash = interpretReport(result({ code: null, signal: "SIGSEGV" }), "c", "a.case");
    assert.match(!crash.ok ? crash.message : "", /stopped unexpectedly \(SIGSEGV\)/);
  });

  it("refuses output that is not a page even when caseline says it succeeded", () => {
    const out = interpretReport(result({ stdout: "" }), "c", "a.case");
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.message : "", /did not send back a page/);
  });
});

describe("plainStderr", () => {
  it("joins lines, drops `error:` and ends with a full stop", () => {
    assert.equal(plainStderr("error: first\n  second  \n\n"), "first second.");
    assert.equal(plainStderr("already done!"), "already done!");
    assert.equal(plainStderr("\n \n"), "");
  });

  it("cuts long output short", () => {
    const text = plainStderr("x".repeat(5000));
    assert.equal(text.length, 601);
    assert.ok(text.endsWith("…"));
  });
});

describe("runProcess (Node standing in for caseline)", () => {
  const node = process.execPath;
  const limits = { timeoutMs: 10_000, maxBytes: 1024 * 1024 };

  it("collects standard output, standard error and the exit code, in the given folder", async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "caseline report ")));
    const script =
      "process.stdout.write(process.cwd() + '|' + process.argv[1]); console.error('oops'); process.exit(2)";
    const r = await runProcess(node, ["-e", script, "a b.case"], dir, limits);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, `${dir}|a b.case`);
    assert.equal(r.stderr.trim(), "oops");
    assert.equal(r.timedOut, false);
    assert.equal(r.spawnError, undefined);
  });

  it("stops a program that runs too long", async () => {
    const r = await runProcess(node, ["-e", "setTimeout(() => {}, 60000)"], os.tmpdir(), {
      timeoutMs: 200,
      maxBytes: 1024,
    });
    assert.equal(r.timedOut, true);
    assert.equal(r.code, null);
  });

  it("stops a program whose output is too large", async () => {
    const r = await runProcess(
      node,
      ["-e", "setInterval(() => process.stdout.write('x'.repeat(4096)), 1)"],
      os.tmpdir(),
      {
        timeoutMs: 10_000,
        maxBytes: 64 * 1024,
      },
    );
    assert.equal(r.tooLarge, true);
    assert.equal(r.timedOut, false);
    assert.ok(r.stdout.length <= 64 * 1024);
  });

  it("reports a program that does not exist", async () => {
    const r = await runProcess(path.join(os.tmpdir(), "no-such-caseline-program"), ["report"], os.tmpdir(), limits);
    assert.equal(r.spawnError?.code, "ENOENT");
    assert.equal(r.code, null);
  });
});

describe("drawTimeline without running anything", () => {
  it("says when the case's folder is gone instead of blaming the program", async () => {
    const gone = path.join(os.tmpdir(), "caseline-no-such-folder", "a.case");
    const out = await drawTimeline("/never/run", gone, null, undefined, () => {
      throw new Error("must not run");
    });
    assert.deepEqual(out, {
      ok: false,
      message: `The timeline of a.case could not be drawn: the folder ${path.dirname(gone)} no longer exists.`,
    });
  });

  it("runs the program with the report arguments in the workspace folder", async () => {
    const calls: [string, string[], string][] = [];
    const out = await drawTimeline("/opt/caseline", "/w/x/a.case", "2025-04-01", os.tmpdir(), async (c, a, d) => {
      calls.push([c, a, d]);
      return result({ stdout: "<!DOCTYPE html><p>ok</p>" });
    });
    assert.deepEqual(calls, [
      ["/opt/caseline", ["report", "/w/x/a.case", "-o", "-", "--as-of", "2025-04-01"], os.tmpdir()],
    ]);
    assert.deepEqual(out, { ok: true, html: "<!DOCTYPE html><p>ok</p>" });
  });
});

describe(
  "drawTimeline with the real caseline",
  { skip: !bin && "no CASELINE_BIN and no target/debug/caseline" },
  () => {
    it("draws the Worcestershire sample as one HTML page, run from the repository as workspace folder", async () => {
      const out = await drawTimeline(bin, sample, null, repo);
      assert.ok(out.ok, !out.ok ? out.message : "");
      const html = out.ok ? out.html : "";
      assert.ok(html.startsWith("<!DOCTYPE html>"), html.slice(0, 80));
      assert.ok(html.includes("stage 2 adjudication"));
      // Without the setting, the case's own `as-of 2025-08-10` line is used.
      assert.ok(html.includes("as of 2025-08-10"));
    });

    it("passes the as-of setting, and handles spaces in the path with no workspace folder", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseline timeline "));
      const copy = path.join(dir, "Worcestershire 24 017.case");
      fs.copyFileSync(sample, copy);
      const out = await drawTimeline(bin, copy, "2026-01-01", undefined);
      assert.ok(out.ok, !out.ok ? out.message : "");
      const html = out.ok ? out.html : "";
      assert.ok(html.startsWith("<!DOCTYPE html>"));
      assert.ok(html.includes("stage 2 adjudication"));
      assert.ok(html.includes("as of 2026-01-01"));
      assert.ok(!html.includes("as of 2025-08-10"));
    });

    it("turns a missing case into a plain message naming the file", async () => {
      const missing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caseline-")), "gone.case");
      const out = await drawTimeline(bin, missing, null, undefined);
      assert.equal(out.ok, false);
      const message = !out.ok ? out.message : "";
      // caseline's own reason (which names the file) follows the sentence about the timeline.
      assert.match(message, /^The timeline of gone\.case could not be drawn: .*gone\.case/);
      assert.doesNotMatch(message, /error:/);
    });
  },
);
