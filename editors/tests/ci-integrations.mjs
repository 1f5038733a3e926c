// Tests of the repository's CI integrations: `.pre-commit-hooks.yaml` and the
// composite `action.yml`. Always checks their structure; with CASELINE_BIN set,
// also runs them for real: the hooks' commands as pre-commit would, and the
// action's steps with a local stand-in for the Actions runner (inputs, env,
// GITHUB_OUTPUT, `bash -eo pipefail`). Node only; js-yaml comes from editors/vscode.
// Usage: [CASELINE_BIN=target/debug/caseline] node editors/tests/ci-integrations.mjs
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const require = createRequire(path.join(repo, "editors", "vscode", "package.json"));
const yaml = require("js-yaml");
const bin = process.env.CASELINE_BIN ? path.resolve(process.env.CASELINE_BIN) : undefined;

const hooks = yaml.load(fs.readFileSync(path.join(repo, ".pre-commit-hooks.yaml"), "utf8"));
const action = yaml.load(fs.readFileSync(path.join(repo, "action.yml"), "utf8"));

// pre-commit matches `files` with Python's re.search; these patterns mean the same in JS.
const matches = (hook, file) => new RegExp(hook.files).test(file);
const hook = (id) => hooks.find((h) => h.id === id);

describe(".pre-commit-hooks.yaml", () => {
  it("declares the check and format hooks", () => {
    assert.deepEqual(hooks.map((h) => h.id).sort(), ["caseline-check", "caseline-fmt", "caseline-fmt-write"]);
    for (const h of hooks) {
      assert.equal(h.language, "system", h.id);
      assert.ok(h.name && h.description, `${h.id} needs a name and a description`);
    }
    assert.equal(hook("caseline-check").entry, "caseline check");
    assert.equal(hook("caseline-fmt").entry, "caseline fmt --check");
    assert.equal(hook("caseline-fmt-write").entry, "caseline fmt");
  });

  it("runs the check on .case files and caseline.toml, and formats only .case files", () => {
    const check = hook("caseline-check");
    for (const f of ["a.case", "cases/kent.case", "caseline.toml", "sub/caseline.toml"]) {
      assert.ok(matches(check, f), f);
    }
    for (const f of ["a.case.orig", "notes.md", "mycaseline.toml", "case", "a.cases"]) {
      assert.ok(!matches(check, f), f);
    }
    const fmt = hook("caseline-fmt");
    assert.ok(matches(fmt, "x/y.case"));
    assert.ok(!matches(fmt, "caseline.toml"));
  });

  it("checks the whole tree so definitions files are always seen", () => {
    assert.equal(hook("caseline-check").pass_filenames, false);
    assert.notEqual(hook("caseline-fmt").pass_filenames, false);
  });
});

/** Every `${{ inputs.NAME }}` in a text. */
function inputRefs(text) {
  return [...text.matchAll(/\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}/g)].map((m) => m[1]);
}

describe("action.yml", () => {
  const text = fs.readFileSync(path.join(repo, "action.yml"), "utf8");

  it("is a composite action whose steps name their shell", () => {
    assert.equal(action.runs.using, "composite");
    assert.ok(action.name && action.description);
    for (const step of action.runs.steps) {
      assert.equal(step.shell, "bash", step.name);
      // Inputs go through env: an input pasted into a script could inject commands.
      assert.deepEqual(inputRefs(step.run), [], `${step.name} uses an input directly in its script`);
    }
  });

  it("declares every input it uses and uses every input it declares", () => {
    const declared = Object.keys(action.inputs).sort();
    const used = [...new Set(inputRefs(text))].sort();
    assert.deepEqual(used, declared);
  });

  it("takes its outputs from steps that exist", () => {
    const ids = new Set(action.runs.steps.map((s) => s.id));
    for (const [name, out] of Object.entries(action.outputs)) {
      const m = /steps\.([A-Za-z0-9_-]+)\.outputs/.exec(out.value);
      assert.ok(m && ids.has(m[1]), `output ${name} points at a missing step`);
    }
  });
});

/**
 * Runs the action's steps the way the runner does for `shell: bash`
 * (`bash --noprofile --norc -eo pipefail FILE`), resolving the expressions
 * this action uses: inputs, github.action_path and earlier steps' outputs.
 */
function runAction(inputs) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-action-"));
  const values = {};
  for (const [k, spec] of Object.entries(action.inputs)) {
    values[k] = inputs[k] ?? spec.default ?? "";
  }
  const stepOutputs = {};
  const resolve = (s) =>
    String(s).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr) => {
      let m;
      if ((m = /^inputs\.(.+)$/.exec(expr))) return values[m[1]];
      if (expr === "github.action_path") return repo;
      if ((m = /^steps\.([^.]+)\.outputs\.(.+)$/.exec(expr))) return stepOutputs[m[1]]?.[m[2]] ?? "";
      throw new Error(`the local runner does not know the expression ${expr}`);
    });
  let log = "";
  for (const [i, step] of action.runs.steps.entries()) {
    const script = path.join(tmp, `step${i}.sh`);
    const outFile = path.join(tmp, `output${i}`);
    fs.writeFileSync(script, step.run);
    fs.writeFileSync(outFile, "");
    const env = { ...process.env, GITHUB_OUTPUT: outFile, RUNNER_TEMP: tmp };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = resolve(v);
    const cwd = path.resolve(repo, resolve(step["working-directory"] ?? "."));
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd,
      env,
      encoding: "utf8",
      timeout: 120_000,
    });
    log += r.stdout + r.stderr;
    const outs = {};
    for (const line of fs.readFileSync(outFile, "utf8").split("\n")) {
      const eq = line.indexOf("=");
      if (eq > 0) outs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    if (step.id) stepOutputs[step.id] = outs;
    if (r.status !== 0) {
      return { failedStep: step.name, status: r.status, log, stepOutputs, tmp };
    }
  }
  return { failedStep: undefined, status: 0, log, stepOutputs, tmp };
}

describe("the hooks and the action with a real caseline", { skip: bin ? false : "CASELINE_BIN not set" }, () => {
  // The samples hold real findings (tests/cases/EXPECTED.md), so caseline check exits 1 on them.
  it("caseline-check fails the commit on the sample cases", () => {
    const [cmd, ...args] = hook("caseline-check").entry.split(" ");
    assert.equal(cmd, "caseline");
    const r = spawnSync(bin, args, { cwd: path.join(repo, "tests", "cases"), encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /deadline-missed/);
  });

  it("caseline-fmt --check runs on a file pre-commit passes", () => {
    const [, ...args] = hook("caseline-fmt").entry.split(" ");
    const r = spawnSync(bin, [...args, path.join(repo, "tests", "cases", "kent-24-003-873.case")], {
      encoding: "utf8",
      timeout: 60_000,
    });
    // 0: already formatted; 1: would be reformatted. 2 would mean the hook's arguments are wrong.
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  });

  it("annotates findings, writes SARIF and reports the exit code without failing when asked", () => {
    const sarif = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "caseline-sarif-")), "caseline.sarif");
    const run = runAction({
      "caseline-path": bin,
      paths: "tests/cases",
      "sarif-file": sarif,
      "fail-on-findings": "false",
    });
    assert.equal(run.failedStep, undefined, run.log);
    assert.equal(run.stepOutputs.check["exit-code"], "1");
    assert.equal(run.stepOutputs.check["sarif-file"], sarif);
    assert.match(run.log, /^::error (?=.*file=[^,:]*kent-24-003-873\.case[,:])(?=.*[ ,]line=20[,:]).*$/m);
    const log = JSON.parse(fs.readFileSync(sarif, "utf8"));
    assert.equal(log.version, "2.1.0");
    assert.ok(log.runs[0].results.some((r) => r.ruleId === "deadline-missed"));
  });

  it("fails the step on findings by default", () => {
    const run = runAction({ "caseline-path": bin, paths: "tests/cases" });
    assert.equal(run.failedStep, "Run caseline check");
    assert.equal(run.status, 1);
  });

  it("passes extra arguments through", () => {
    const run = runAction({ "caseline-path": bin, paths: "tests/cases/kent-24-003-873.case", args: "--no-such-flag" });
    assert.equal(run.failedStep, "Run caseline check");
    assert.equal(run.status, 2, run.log);
  });
});
