//! Runs the TextMate grammar over the shipped sample cases (tests/cases/*.case)
//! with the same engine VS Code uses (vscode-textmate + oniguruma), and checks
//! that every kind of line gets the scope it should, so real files colour
//! correctly, not only the annotated lines in test/grammar/.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";

// Compiled to out/test/, so the extension folder is two levels up and the repository four.
const extensionDir = path.resolve(__dirname, "..", "..");
const casesDir = path.resolve(extensionDir, "..", "..", "tests", "cases");

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      if (scope !== "source.caseline") {
        return null;
      }
      const file = path.join(extensionDir, "syntaxes", "caseline.tmLanguage.json");
      return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
    },
  });
  const grammar = await registry.loadGrammar("source.caseline");
  assert.ok(grammar, "the grammar did not load");
  return grammar;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenizeFile(grammar: vsctm.IGrammar, text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

const has = (t: Token | undefined, scope: string) => t !== undefined && t.scopes.some((s) => s.startsWith(scope));

describe("TextMate grammar on the sample cases", async () => {
  const grammar = await loadGrammar();
  // The samples and the definitions files beside them (tests/cases/definitions/).
  const files = (fs.readdirSync(casesDir, { recursive: true }) as string[]).filter((f) => f.endsWith(".case")).sort();

  it("finds the samples", () => {
    assert.ok(files.length >= 3, `only ${files.length} sample cases in ${casesDir}`);
  });

  for (const file of files) {
    it(`colours every line of ${file}`, () => {
      const text = fs.readFileSync(path.join(casesDir, file), "utf8");
      const lines = text.split(/\r?\n/);
      const tokens = tokenizeFile(grammar, text);
      lines.forEach((line, i) => {
        const where = `${file}:${i + 1}: ${line}`;
        const toks = tokens[i].filter((t) => t.text.trim().length > 0);
        const first = toks[0];
        if (line.trim() === "") {
          return;
        }
        if (/^\s*#/.test(line)) {
          assert.ok(has(first, "comment.line"), where);
        } else if (/^(\d{4}-|\?)/.test(line)) {
          // An entry: a date (or `?`) and then its event kind.
          assert.ok(has(first, "constant.numeric.date") || has(first, "constant.language.date"), where);
          assert.ok(
            toks.some((t) => has(t, "entity.name.function.event") || has(t, "support.function.event")),
            where,
          );
        } else if (/^\S/.test(line)) {
          assert.ok(has(first, "keyword.other"), where);
        } else if (/^\s+>/.test(line)) {
          assert.ok(
            toks.every((t) => has(t, "markup.quote")),
            where,
          );
        } else {
          // A child line: a keyword or a key first.
          assert.ok(has(first, "keyword.other") || has(first, "support.type.property-name"), where);
        }
        // Quoted text outside prose is a string, from the quote to the closing quote.
        const quote = line.indexOf('"');
        if (quote >= 0 && !/^\s+>/.test(line) && !/^\s*#/.test(line)) {
          const tok = toks.find((t) => t.text.includes('"'));
          assert.ok(has(tok, "string.quoted.double"), where);
        }
        // Nothing is marked invalid in the shipped samples.
        assert.ok(!toks.some((t) => t.scopes.some((s) => s.startsWith("invalid"))), where);
      });
    });
  }
});
