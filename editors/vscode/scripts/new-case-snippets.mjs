// Writes snippets/new-case.json: for each built-in procedure, a snippet that
// inserts what `caseline new --procedure NAME` writes (the header to fill in, the
// stages to date), in the snippet form `caseline new --format snippet` prints.
// The text is never edited here: the Rust test `new::the_vs_code_snippets_are_what_caseline_new_writes`
// (tests/cli/new.rs) fails when this file and the binary disagree; run this to
// bring it up to date. Needs `npm ci` (for prettier).
// Usage: node scripts/new-case-snippets.mjs PATH/TO/caseline
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const given = process.argv[2];
if (!given) {
  console.error("usage: node scripts/new-case-snippets.mjs PATH/TO/caseline");
  process.exit(2);
}
// Relative to where this was run (the program runs in a folder of its own).
const bin = given.includes("/") ? path.resolve(given) : given;
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "..", "snippets", "new-case.json");

// The built-ins only: list them from an empty folder, so no definitions file of
// whoever runs this gets in.
const empty = fs.mkdtempSync(path.join(os.tmpdir(), "caseline-snippets-"));
const run = (args) => execFileSync(bin, args, { cwd: empty, encoding: "utf8" });
const builtins = run(["procedures"])
  .split("\n")
  .map((line) => /^(\S+)\s+built-in\s+(.*)$/.exec(line))
  .filter((m) => m !== null)
  .map(([, name, title]) => ({ name, title: title.trim() }));
if (builtins.length === 0) {
  console.error(`${bin} listed no built-in procedures`);
  process.exit(1);
}

const snippets = {};
for (const { name, title } of builtins) {
  const body = run(["new", "--procedure", name, "--format", "snippet"]);
  snippets[`New case: ${name}`] = {
    prefix: [`new-${name}`, `case-${name}`],
    description: `A new case under ${name} (${title}): the header to fill in and the stages to date, as \`caseline new --procedure ${name}\` writes it`,
    body: body.split("\n"),
  };
}
fs.rmSync(empty, { recursive: true, force: true });

const options = (await prettier.resolveConfig(out)) ?? {};
const text = await prettier.format(JSON.stringify(snippets, null, 2), { ...options, filepath: out });
fs.writeFileSync(out, text);
console.log(`${out}: ${builtins.length} snippets (${builtins.map((b) => b.name).join(", ")})`);
