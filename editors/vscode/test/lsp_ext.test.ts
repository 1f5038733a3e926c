//! Checks that `src/lsp_ext.ts` mirrors the server's custom protocol in
//! `crates/caseline-lsp/src/lsp_ext.rs`: every custom method the server declares
//! exists here with the same name, and every struct's fields (camelCase on the
//! wire) appear in the TypeScript interface of the same name.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import * as ext from "../src/lsp_ext";

const extensionDir = path.resolve(__dirname, "..", "..");
const rustFile = path.resolve(extensionDir, "..", "..", "crates", "caseline-lsp", "src", "lsp_ext.rs");
const tsFile = path.join(extensionDir, "src", "lsp_ext.ts");

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe("lsp_ext.ts mirrors lsp_ext.rs", { skip: !fs.existsSync(rustFile) && "no caseline-lsp sources" }, () => {
  const rust = fs.readFileSync(rustFile, "utf8");
  const ts = fs.readFileSync(tsFile, "utf8");

  it("declares every custom method the server handles", () => {
    const methods = [...rust.matchAll(/pub const \w+: &str = "(caseline\/[^"]+)"/g)].map((m) => m[1]);
    assert.ok(methods.length > 0, "no custom methods found in lsp_ext.rs");
    const declared = (Object.values(ext) as unknown[])
      .filter((v): v is { method: string } => typeof v === "object" && v !== null && "method" in v)
      .map((v) => v.method);
    assert.deepEqual(declared.sort(), methods.sort());
  });

  it("has the same fields in each message type", () => {
    const structs = [...rust.matchAll(/pub struct (\w+) \{([^}]*)\}/g)];
    assert.ok(structs.length > 0, "no structs found in lsp_ext.rs");
    for (const [, name, body] of structs) {
      const fields = [...body.matchAll(/pub (\w+):/g)].map((m) => camel(m[1])).sort();
      const iface = new RegExp(`export interface ${name} \\{([^}]*)\\}`).exec(ts);
      assert.ok(iface, `interface ${name} is missing from lsp_ext.ts`);
      const tsFields = [...iface[1].matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]).sort();
      assert.deepEqual(tsFields, fields, `fields of ${name}`);
    }
  });

  it("names the decision-wording command as the server does", () => {
    const m = /pub const COPY_DECISION_WORDING: &str = "([^"]+)"/.exec(rust);
    assert.ok(m, "COPY_DECISION_WORDING not found in lsp_ext.rs");
    assert.equal(ext.COPY_DECISION_WORDING, m[1]);
    const commands = fs.readFileSync(path.join(extensionDir, "src", "commands.ts"), "utf8");
    assert.ok(commands.includes(`registerCommand("${m[1]}"`), "the extension registers it");
  });

  it("uses the server's URI scheme for built-in procedures", () => {
    const workspace = fs.readFileSync(path.join(path.dirname(rustFile), "workspace.rs"), "utf8");
    const m =
      /pub const BUILTIN_SCHEME: &str = "([^"]+)"/.exec(workspace) ?? /BUILTIN_SCHEME: &str = "([^"]+)"/.exec(rust);
    assert.ok(m, "BUILTIN_SCHEME not found in the server's sources");
    assert.equal(ext.BUILTIN_SCHEME, m[1]);
  });
});
