//! The Getting Started walkthrough (`contributes.walkthroughs` in package.json) and
//! what it stands on: every step's page exists, every `command:` link and completion
//! event names a command the extension contributes (or one of the few of VS Code's
//! own listed below), the sample case it opens is the one in tests/cases, and the
//! procedures "New case…" offers come from snippets/new-case.json. With
//! CASELINE_BIN, also that the sample's findings are the ones its page describes.

import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import { newCaseProcedures, SAMPLE_CASE } from "../src/getting_started";

const extensionDir = path.resolve(__dirname, "..", "..");
const repo = path.resolve(extensionDir, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, "package.json"), "utf8"));

/**
 * VS Code's own commands and views the walkthrough uses. They cannot be checked
 * without a real VS Code; keep this list short (the e2e test runs a real one).
 */
const VSCODE_COMMANDS = new Set(["workbench.panel.markers.view.focus"]);
const VSCODE_VIEWS = new Set(["workbench.panel.markers.view"]);

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; svg?: string };
  completionEvents?: string[];
}

const walkthroughs: { id: string; steps: Step[] }[] = manifest.contributes.walkthroughs;
const contributed = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));

function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\(command:([\w.-]+)(?:\?[^)]*)?\)/g)].map((m) => m[1]);
}

function assertKnownCommand(id: string, where: string): void {
  assert.ok(
    contributed.has(id) || VSCODE_COMMANDS.has(id),
    `${where}: ${id} is not a command package.json contributes`,
  );
}

describe("the Getting Started walkthrough", () => {
  it("exists, with steps from opening a sample case to a new case of one's own", () => {
    assert.equal(walkthroughs.length, 1);
    const ids = walkthroughs[0].steps.map((s) => s.id);
    assert.deepEqual(ids, ["openSample", "findings", "hover", "timeline", "newCase"]);
  });

  for (const step of walkthroughs.flatMap((w) => w.steps)) {
    it(`step ${step.id}: its page exists, and its links and completion events name real commands`, () => {
      const media = [step.media.markdown, step.media.image, step.media.svg].filter((m) => m !== undefined);
      assert.equal(media.length, 1, `${step.id} has one page or picture`);
      for (const m of media) {
        assert.ok(fs.existsSync(path.join(extensionDir, m)), `${step.id}: ${m} is missing`);
        assert.match(m, /^walkthrough\//, "the packaging (.vscodeignore) ships walkthrough/ only");
      }
      const page = step.media.markdown ? fs.readFileSync(path.join(extensionDir, step.media.markdown), "utf8") : "";
      for (const id of [...commandLinks(step.description), ...commandLinks(page)]) {
        assertKnownCommand(id, step.id);
      }
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `${step.id} says when it is done`);
      for (const event of events) {
        const [kind, arg] = event.split(/:(.*)/s);
        if (kind === "onCommand") {
          assertKnownCommand(arg, step.id);
        } else if (kind === "onView") {
          assert.ok(VSCODE_VIEWS.has(arg), `${step.id}: unknown view ${arg}`);
        } else {
          assert.equal(event, "onStepSelected", `${step.id}: unexpected completion event ${event}`);
        }
      }
      // A step with a button is done when the button's command runs.
      for (const id of commandLinks(step.description)) {
        assert.ok(events.includes(`onCommand:${id}`), `${step.id}: running ${id} does not complete the step`);
      }
    });
  }

  it("ships the sample case from tests/cases unchanged", () => {
    const shipped = fs.readFileSync(path.join(extensionDir, "samples", SAMPLE_CASE));
    assert.deepEqual(shipped, fs.readFileSync(path.join(repo, "tests", "cases", SAMPLE_CASE)));
  });

  it("offers every built-in procedure of the new-case snippets, with its title", () => {
    const procedures = newCaseProcedures(fs.readFileSync(path.join(extensionDir, "snippets", "new-case.json"), "utf8"));
    const names = procedures.map((p) => p.name);
    // The ones the page names as examples.
    for (const name of ["lgsco", "children-statutory", "spso", "sar"]) {
      assert.ok(names.includes(name), `no ${name} in snippets/new-case.json`);
    }
    for (const p of procedures) {
      assert.notEqual(p.title, "", `${p.name} has no title`);
      assert.ok(p.body.startsWith(`# A new case under ${p.name}: `), p.name);
      assert.match(p.body, new RegExp(`^  procedure ${p.name}$`, "m"));
    }
  });

  it(
    "describes the findings caseline reports on the sample",
    { skip: !process.env.CASELINE_BIN && "set CASELINE_BIN" },
    () => {
      const bin = process.env.CASELINE_BIN as string;
      let out = "";
      try {
        out = execFileSync(bin, ["check", SAMPLE_CASE], { cwd: path.join(extensionDir, "samples"), encoding: "utf8" });
      } catch (e) {
        // Errors found: exit status 1, the report on stdout.
        out = String((e as { stdout?: string }).stdout ?? "");
      }
      const found = [...out.matchAll(/^(error|warning)\[([\w-]+)\][^\n]*\n\s*--> [^:]+:(\d+):/gm)].map(
        (m) => `${m[1]} ${m[2]} line ${m[3]}`,
      );
      assert.deepEqual(found.sort(), [
        "error deadline-missed line 16",
        "error deadline-missed line 20",
        "warning date-order line 13",
        "warning rec-unaddressed line 21",
      ]);
    },
  );
});
