//! Tests of `src/settings.ts` under plain Node: reading settings (with bad
//! values), the server command line and initialisation options, and that the
//! defaults agree with package.json's `contributes.configuration`.

import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  DEFAULT_SETTINGS,
  initializationOptions,
  isCalendarDate,
  needsRestart,
  readSettings,
  serverExecutable,
  SETTING_KEYS,
  SettingKey,
} from "../src/settings";

// Compiled to out/test/, so the extension folder is two levels up.
const extensionDir = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, "package.json"), "utf8"));

function getter(values: Partial<Record<SettingKey, unknown>>): (key: SettingKey) => unknown {
  return (key) => values[key];
}

describe("readSettings", () => {
  it("gives the defaults when nothing is set", () => {
    const { settings, problems } = readSettings(getter({}));
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it("reads valid values and trims them", () => {
    const { settings, problems } = readSettings(
      getter({ "server.path": " /opt/caseline ", asOf: "2025-02-18", "trace.server": "verbose" }),
    );
    assert.deepEqual(settings, { serverPath: "/opt/caseline", asOf: "2025-02-18", trace: "verbose" });
    assert.deepEqual(problems, []);
  });

  it("ignores an as-of that is not a real day, and says so", () => {
    for (const bad of ["2023-02-29", "2024-13-01", "18/02/2025", "2025-2-18"]) {
      const { settings, problems } = readSettings(getter({ asOf: bad }));
      assert.equal(settings.asOf, null, bad);
      assert.equal(problems.length, 1, bad);
      assert.equal(problems[0].key, "asOf");
      assert.match(problems[0].message, /YYYY-MM-DD/);
    }
  });

  it("falls back to trace off for an unknown level", () => {
    const { settings, problems } = readSettings(getter({ "trace.server": "loud" }));
    assert.equal(settings.trace, "off");
    assert.equal(problems[0].key, "trace.server");
  });

  it("treats an empty path as unset", () => {
    assert.equal(readSettings(getter({ "server.path": "" })).settings.serverPath, null);
  });
});

describe("isCalendarDate", () => {
  it("knows leap years", () => {
    assert.equal(isCalendarDate("2024-02-29"), true);
    assert.equal(isCalendarDate("2023-02-29"), false);
    assert.equal(isCalendarDate("1900-02-29"), false);
    assert.equal(isCalendarDate("2000-02-29"), true);
    assert.equal(isCalendarDate("2024-04-31"), false);
    assert.equal(isCalendarDate("2024-00-10"), false);
  });
});

describe("server options", () => {
  it("starts `caseline lsp` with the environment passed through", () => {
    const exe = serverExecutable("/opt/caseline", DEFAULT_SETTINGS, { PATH: "/usr/bin" });
    assert.equal(exe.command, "/opt/caseline");
    assert.deepEqual(exe.args, ["lsp"]);
    assert.deepEqual(exe.options.env, { PATH: "/usr/bin" });
  });

  it("turns on debug logging for verbose tracing unless CASELINE_LOG is set", () => {
    const verbose = { ...DEFAULT_SETTINGS, trace: "verbose" as const };
    assert.equal(serverExecutable("c", verbose, {}).options.env.CASELINE_LOG, "debug");
    assert.equal(serverExecutable("c", verbose, { CASELINE_LOG: "trace" }).options.env.CASELINE_LOG, "trace");
    assert.equal(serverExecutable("c", DEFAULT_SETTINGS, {}).options.env.CASELINE_LOG, undefined);
  });

  it("does not change the caller's environment object", () => {
    const env = { PATH: "/bin" };
    serverExecutable("c", { ...DEFAULT_SETTINGS, trace: "verbose" }, env);
    assert.deepEqual(env, { PATH: "/bin" });
  });

  it("sends asOf in the initialization options only when set", () => {
    assert.deepEqual(initializationOptions(DEFAULT_SETTINGS), {});
    assert.deepEqual(initializationOptions({ ...DEFAULT_SETTINGS, asOf: "2025-02-18" }), { asOf: "2025-02-18" });
  });

  it("restarts for a new binary or as-of date, not for tracing", () => {
    assert.equal(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, serverPath: "/x" }), true);
    assert.equal(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, asOf: "2025-01-01" }), true);
    assert.equal(needsRestart(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, trace: "messages" }), false);
  });
});

describe("package.json agrees with the code", () => {
  const props: Record<string, { default?: unknown; enum?: unknown[] }> = manifest.contributes.configuration.properties;

  it("declares exactly the settings the client reads", () => {
    assert.deepEqual(Object.keys(props).sort(), SETTING_KEYS.map((k) => `caseline.${k}`).sort());
  });

  it("has the same defaults as the code", () => {
    // Text settings default to "" (a text box in the Settings editor), which the code reads as unset.
    const fromManifest = readSettings((key) => props[`caseline.${key}`].default).settings;
    assert.deepEqual(fromManifest, DEFAULT_SETTINGS);
    assert.equal(props["caseline.server.path"].default, "");
    assert.equal(props["caseline.asOf"].default, "");
    assert.equal(props["caseline.trace.server"].default, DEFAULT_SETTINGS.trace);
    assert.deepEqual(props["caseline.trace.server"].enum, ["off", "messages", "verbose"]);
  });

  it("registers every command it declares", () => {
    const source = fs.readFileSync(path.join(extensionDir, "src", "commands.ts"), "utf8");
    const declared: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(declared.length >= 2);
    for (const id of declared) {
      assert.ok(source.includes(`registerCommand("${id}"`), `${id} is declared in package.json but not registered`);
    }
  });

  it("offers Show timeline only for caseline editors", () => {
    const timeline = manifest.contributes.commands.find(
      (c: { command: string }) => c.command === "caseline.showTimeline",
    );
    assert.equal(timeline?.title, "Show timeline");
    assert.equal(timeline?.category, "caseline");
    const menus: Record<string, { command: string; when?: string }[]> = manifest.contributes.menus;
    const title = menus["editor/title"].find((m) => m.command === "caseline.showTimeline");
    assert.match(title?.when ?? "", /resourceLangId == caseline/);
    const palette = menus.commandPalette.find((m) => m.command === "caseline.showTimeline");
    assert.equal(palette?.when, "editorLangId == caseline");
  });

  it("keeps Copy as decision wording out of the palette: it needs the code action's paragraph", () => {
    const copy = manifest.contributes.commands.find(
      (c: { command: string }) => c.command === "caseline.copyDecisionWording",
    );
    assert.equal(copy?.title, "Copy as decision wording");
    const menus: Record<string, { command: string; when?: string }[]> = manifest.contributes.menus;
    const palette = menus.commandPalette.find((m) => m.command === "caseline.copyDecisionWording");
    assert.equal(palette?.when, "false");
  });

  it("points at files that exist", () => {
    const files = [
      manifest.main.replace(/^\.\//, "").replace(/^dist\/.*/, "src/extension.ts"),
      ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
      ...manifest.contributes.snippets.map((s: { path: string }) => s.path),
      manifest.icon,
      ...manifest.contributes.languages.flatMap((l: { icon: { light: string; dark: string } }) => [
        l.icon.light,
        l.icon.dark,
      ]),
    ];
    for (const f of files) {
      assert.ok(fs.existsSync(path.join(extensionDir, f)), `${f} is missing`);
    }
  });

  it("has an extension icon the Marketplace accepts: a 128x128 PNG, small", () => {
    const png = fs.readFileSync(path.join(extensionDir, manifest.icon));
    assert.equal(png.subarray(1, 4).toString("latin1"), "PNG");
    // The IHDR chunk, first after the 8-byte signature: width and height, big-endian.
    assert.equal(png.subarray(12, 16).toString("latin1"), "IHDR");
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(png.length < 16_000, `${manifest.icon} is ${png.length} bytes`);
  });

  it("has Marketplace metadata with no made-up addresses, and packages without a repository", () => {
    const text = JSON.stringify(manifest);
    assert.doesNotMatch(text, /example\.(invalid|com|org)|localhost|TODO|FIXME|lorem/i);
    for (const key of ["publisher", "displayName", "description", "license", "icon"]) {
      assert.ok(typeof manifest[key] === "string" && manifest[key] !== "", `package.json has no ${key}`);
    }
    assert.ok(manifest.categories.length > 0 && manifest.keywords.length > 0);
    // vsce asks (and in CI fails) when there is no repository unless told it is missing on purpose.
    const packaging = fs.readFileSync(path.join(extensionDir, "scripts", "package.sh"), "utf8");
    if (manifest.repository === undefined) {
      assert.match(packaging, /vsce package [^\n]*--allow-missing-repository/);
    }
  });
});
