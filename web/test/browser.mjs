// The page in a real browser: Debian's headless Chromium, driven by
// playwright-core, loads web/dist/index.html from file:// and
//  1. for the sample folder tests/cases, gives from window.caseline.check
//     exactly the object `caseline check --format json` prints (the built
//     binary, run in that folder: on the whole folder, then on each case);
//  2. shows a finding when an edit introduces one, and drops it when the edit
//     is undone; shows a hover and completions;
//  3. draws the timeline;
//  4. makes no request to anything but the page itself.
// Screenshots go to target/ci-artifacts/web/.
//
// Without /usr/bin/chromium or the binary it skips, except under CI (CI=true),
// where that is a failure (as crates/caseline-report/tests/chromium.rs does).
//
// Usage: node web/test/browser.mjs [path/to/caseline]   (after bash web/build.sh
// and cargo build -p caseline)
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const page_ = join(root, "web", "dist", "index.html");
const cases = join(root, "tests", "cases");
const artifacts = join(root, "target", "ci-artifacts", "web");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const bin = resolve(process.argv[2] || process.env.CASELINE_BIN || join(root, "target", "debug", "caseline"));
const underCi = !["", "0", "false", "FALSE", "False", undefined].includes(process.env.CI);

function cannotRun(why) {
  if (underCi) {
    console.error(`error: ${why} (under CI a missing tool is a failure)`);
    process.exit(1);
  }
  console.log(`skipped: ${why}`);
  process.exit(0);
}
if (!existsSync(CHROMIUM)) cannotRun(`${CHROMIUM} is not installed (Debian: apt-get install chromium)`);
if (!existsSync(bin)) cannotRun(`${bin} is not built (cargo build -p caseline)`);
if (!existsSync(page_)) cannotRun("web/dist/index.html is not built (bash web/build.sh)");

/** The sample folder as the page takes it: {name: text}. */
function folder(dir) {
  const files = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".case") || name === "caseline.toml")
        files[relative(dir, path).split("\\").join("/")] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}

/** `caseline check --format json ARGS` run in `cwd` (exit 0 or 1 expected). */
function cli(args, cwd) {
  let stdout;
  try {
    stdout = execFileSync(bin, ["check", "--format", "json", ...args], { cwd, encoding: "utf8" });
  } catch (err) {
    if (err.status !== 1) throw err;
    stdout = err.stdout;
  }
  return JSON.parse(stdout);
}

let failures = 0;
async function step(name, f) {
  const started = Date.now();
  try {
    await f();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failures++;
    console.log(`FAIL ${name}\n${err.stack || err}`);
  }
}

mkdirSync(artifacts, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "caseline-web-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1400, height: 900 },
});
const outside = [];
context.on("request", (r) => {
  if (!/^(file|data|blob|about):/.test(r.url())) outside.push(r.url());
});
const page = context.pages()[0] || (await context.newPage());
const consoleErrors = [];
page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
page.on("pageerror", (e) => consoleErrors.push(String(e)));

try {
  await step("the page loads from file:// and the engine starts", async () => {
    await page.goto(pathToFileURL(page_).href);
    await page.waitForSelector("body[data-ready=true]", { timeout: 10000 });
    await page.evaluate(() => window.caseline.ready);
  });

  const files = folder(cases);
  const names = Object.keys(files).filter((n) => n.endsWith(".case"));

  await step("check(the sample folder) equals `caseline check --format json .`", async () => {
    const page_json = await page.evaluate((f) => window.caseline.check(f), files);
    assert.deepEqual(page_json, cli(["."], cases));
  });

  for (const name of names) {
    await step(`check(${name}) equals \`caseline check --format json ${name}\``, async () => {
      const page_json = await page.evaluate(([f, n]) => window.caseline.check(f, { paths: [n] }), [files, name]);
      assert.deepEqual(page_json, cli([name], cases));
    });
  }

  await step("asOf is the CLI's --as-of", async () => {
    const page_json = await page.evaluate((f) => window.caseline.check(f, { asOf: "2024-06-30" }), files);
    assert.deepEqual(page_json, cli(["--as-of", "2024-06-30", "."], cases));
  });

  await step("an edit that makes a finding shows it, and undoing it clears it", async () => {
    await page.selectOption("#samples", "kent-24-003-873.case");
    await page.waitForFunction(() => document.querySelector("#checked").textContent.startsWith("kent"));
    const errors = () => page.locator(".cm-lintRange-error").count();
    const before = await errors();
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\n2025-02-30 note \"a day that does not exist\"");
    await page.waitForFunction((n) => document.querySelectorAll(".cm-lintRange-error").length > n, before, { timeout: 5000 });
    const findings = await page.textContent("#findings");
    assert.match(findings, /2025-02-30/);
    await page.screenshot({ path: join(artifacts, "finding.png") });
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => !document.querySelector("#findings").textContent.includes("2025-02-30"), null, { timeout: 5000 });
    assert.equal(await errors(), before);
  });

  await step("a finding's quick fix is offered and applies", async () => {
    const before = await page.evaluate(() => document.querySelector(".cm-content").textContent);
    const line = page.locator(".cm-line", { hasText: "promise m1" });
    const box = await line.boundingBox();
    await page.mouse.move(box.x + 40, box.y + 8);
    const action = page.locator(".cm-tooltip-hover .cm-diagnosticAction").first();
    await action.waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(artifacts, "quick-fix.png") });
    await action.click();
    await page.waitForFunction((b) => document.querySelector(".cm-content").textContent !== b, before);
    await page.mouse.move(0, 0);
    await page.click(".cm-content");
    await page.keyboard.press("Control+z");
    await page.waitForFunction((b) => document.querySelector(".cm-content").textContent === b, before);
  });

  await step("inline hints show the deadline arithmetic", async () => {
    await page.waitForSelector(".cm-hint", { timeout: 5000 });
    assert.ok((await page.locator(".cm-hint").count()) > 0);
  });

  await step("hovering a stage event says about its deadline", async () => {
    const line = page.locator(".cm-line", { hasText: "2024-02-21 stage2.adjudication" });
    const box = await line.boundingBox();
    await page.mouse.move(box.x + 30, box.y + 8);
    await page.waitForSelector(".cm-tooltip-hover .hover", { timeout: 5000 });
    assert.ok((await page.textContent(".cm-tooltip-hover")).length > 20);
    await page.screenshot({ path: join(artifacts, "hover.png") });
    await page.mouse.move(0, 0);
  });

  await step("completion offers the procedure's event kinds", async () => {
    await page.click(".cm-content");
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\n2025-03-01 stage2.");
    await page.waitForSelector(".cm-tooltip-autocomplete", { timeout: 5000 });
    assert.match(await page.textContent(".cm-tooltip-autocomplete"), /stage2\./);
    await page.screenshot({ path: join(artifacts, "completion.png") });
    await page.keyboard.press("Escape");
    for (let i = 0; i < 2; i++) await page.keyboard.press("Control+z");
  });

  await step("the timeline is drawn beside the text", async () => {
    await page.click("button[data-tab=timeline]");
    const frame = page.frameLocator("#timeline");
    await frame.locator("svg").first().waitFor({ timeout: 5000 });
    await page.screenshot({ path: join(artifacts, "timeline.png") });
  });

  await step("a new case is laid out with its procedure's stages", async () => {
    await page.selectOption("#new", "lgsco");
    await page.waitForFunction(() => document.querySelector("#checked").textContent.startsWith("new-case-1.case"));
    assert.match(await page.textContent(".cm-content"), /procedure lgsco/);
    // Close asks first, then the tab goes.
    page.once("dialog", (d) => d.accept());
    await page.click("#close");
    await page.waitForFunction(() => ![...document.querySelectorAll("#files button")].some((b) => b.textContent === "new-case-1.case"));
    await page.selectOption("#samples", "kent-24-003-873.case");
  });

  await step("a file opened from disk joins the files and is checked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "caseline-open-"));
    const path = join(dir, "my-case.case");
    writeFileSync(path, files["kent-24-003-873.case"].replace(/\n/g, "\r\n"));
    await page.setInputFiles("#open", path);
    await page.waitForFunction(() => document.querySelector("#checked").textContent.startsWith("my-case.case:"));
    assert.match(await page.textContent("#checked"), /2 errors, 2 warnings/);
    rmSync(dir, { recursive: true, force: true });
  });

  await step("the working-day calculator prints what `caseline calendar` prints", async () => {
    await page.click("button[data-tab=days]");
    await page.fill("#days-add input[name=date]", "2024-12-20");
    await page.fill("#days-add input[name=duration]", "5wd");
    await page.click("#days-add button");
    await page.waitForFunction(() => document.querySelector("#days-out").textContent.length > 0);
    const shown = await page.textContent("#days-out");
    const printed = execFileSync(bin, ["calendar", "add", "2024-12-20", "5wd"], { encoding: "utf8" });
    assert.equal(shown, printed);
    await page.screenshot({ path: join(artifacts, "working-days.png") });
  });

  await step("nothing was fetched from anywhere and nothing went wrong in the page", async () => {
    assert.deepEqual(outside, []);
    assert.deepEqual(consoleErrors, []);
  });

  await step("the page's policy refuses a request even if a script asks for one", async () => {
    const fetched = await page.evaluate(() =>
      fetch("http://127.0.0.1:9/").then(() => "fetched", () => "refused"),
    );
    assert.equal(fetched, "refused");
    assert.ok(consoleErrors.some((e) => e.includes("Content Security Policy")), consoleErrors.join("\n"));
    assert.deepEqual(outside, []);
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`screenshots: ${relative(root, artifacts)}/`);
if (failures) {
  console.log(`${failures} failed`);
  process.exit(1);
}
console.log("all passed");
