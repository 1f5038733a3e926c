// The caseline extension in a real VS Code (code-server, started by run.sh), seen
// through Debian's Chromium as an investigator sees it: the Kent sample case's
// missed deadline in the Problems panel, an inlay hint with its whole due date, a
// hover, a quick fix applied (and what it wrote into the file), the timeline
// beside the case in the theme's colours, an edit that clears an error, and a
// missing caseline program reported in one message, not two.
// Each step saves a screenshot in ARTIFACTS; a failing step saves one too and
// prints what the page shows. Waits are for things on the page, with time limits,
// never fixed sleeps.
// Environment (set by run.sh): CODE_SERVER_URL, WORKSPACE, ARTIFACTS, CHROMIUM,
// CHROMIUM_PROFILE; STEP_TIMEOUT_MS (default 30000).

import * as fs from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";

const url = need("CODE_SERVER_URL");
const workspace = need("WORKSPACE");
const artifacts = need("ARTIFACTS");
const timeout = Number(process.env.STEP_TIMEOUT_MS ?? 30_000);
const kent = "kent-24-003-873.case";
const kentFile = path.join(workspace, kent);

function need(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`error: ${name} is not set (run this through run.sh)`);
    process.exit(2);
  }
  return value;
}

const context = await chromium.launchPersistentContext(need("CHROMIUM_PROFILE"), {
  executablePath: need("CHROMIUM"),
  headless: true,
  // What this machine's closed network needs: no sandbox as root, and none of
  // Chromium's own connections to the internet.
  args: [
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
context.setDefaultTimeout(timeout);
const page = context.pages()[0] ?? (await context.newPage());
const pageErrors = [];
page.on("pageerror", (err) => pageErrors.push(String(err)));

let shot = 0;
async function screenshot(name) {
  shot += 1;
  const file = path.join(artifacts, `${String(shot).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, timeout: 30_000 });
  return file;
}

const started = Date.now();
let failed = false;
async function step(name, body) {
  const t0 = Date.now();
  try {
    await body();
    const file = await screenshot(name);
    console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s) ${path.basename(file)}`);
  } catch (err) {
    failed = true;
    console.log(`FAIL ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
    console.log(String(err?.stack ?? err));
    try {
      const file = await screenshot(`FAILED-${name}`);
      console.log(`screenshot: ${file}`);
      const shown = await page.evaluate(() => document.body.innerText);
      console.log("--- what the page shows:\n" + shown.slice(0, 6000));
    } catch (inner) {
      console.log(`(could not capture the page: ${inner})`);
    }
    if (pageErrors.length > 0) {
      console.log("--- errors in the page:\n" + pageErrors.join("\n"));
    }
    throw err;
  }
}

/**
 * Moves the focus in an open list (the palette, the quick fix menu) down to the
 * first row whose accessible label matches, and chooses it with Enter: the row
 * on top is not always the one wanted (the palette puts recently used commands first).
 */
async function chooseRow(rows, label) {
  await rows.filter({ hasText: label }).first().waitFor({ state: "visible" });
  const seen = [];
  for (let i = 0; i < 30; i += 1) {
    const focused = (await rows.and(page.locator(".focused")).first().getAttribute("aria-label")) ?? "";
    seen.push(focused);
    // A command's row is labelled "TITLE" or "TITLE, KEYS"; "File: Save" must not choose "File: Save As...".
    if (typeof label === "string" ? focused === label || focused.startsWith(`${label},`) : label.test(focused)) {
      if (process.env.E2E_DEBUG) console.log(`     chose ${JSON.stringify(focused)}`);
      await page.keyboard.press("Enter");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no row labelled ${label} could be chosen; the rows were: ${JSON.stringify(seen)}`);
}

/** Runs a command from the palette (F1), by its title as the palette shows it. */
async function runCommand(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  await chooseRow(page.locator(".quick-input-list .monaco-list-row"), title);
  await input.waitFor({ state: "hidden" });
}

/** Saves the editor in front, then waits until the file on disk passes `check`; returns its text. */
async function saveAndRead(file, check) {
  await runCommand("File: Save");
  const deadline = Date.now() + timeout;
  let text = "";
  while (Date.now() < deadline) {
    text = fs.readFileSync(file, "utf8");
    if (check(text)) {
      return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`after saving, ${path.basename(file)} is not as expected; it is:\n${text}`);
}

/**
 * Puts the keyboard focus in the text editor: a click near the top left of what
 * it shows (its text layer is as wide as the longest line with its hints, and a
 * click in the layer's middle would scroll a narrow editor sideways).
 */
async function focusEditor() {
  await page
    .locator(".editor-instance .overflow-guard")
    .first()
    .click({ position: { x: 100, y: 10 } });
}

/** Moves the cursor of the editor in front to the start of a line (1-based). */
async function goToLine(line) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`:${line}`);
  await page.keyboard.press("Enter");
  await input.waitFor({ state: "hidden" });
  await page.keyboard.press("Home");
  await page.keyboard.press("Home");
}

/** The rows of the Problems panel, as text. */
async function problemRows() {
  return page.locator(".markers-panel .monaco-list-row").allInnerTexts();
}

/** The editor's view line holding `text` (with its inlay hints, which VS Code draws in the line). */
function viewLine(text) {
  return page.locator(".editor-instance .view-lines .view-line", { hasText: text }).first();
}

try {
  await step("workbench-with-the-sample-cases", async () => {
    await page.goto(url);
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60_000 });
    await page
      .locator(".explorer-folders-view .monaco-list-row", { hasText: kent })
      .waitFor({ state: "visible", timeout: 60_000 });
  });

  await step("kent-case-open-with-its-errors", async () => {
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: kent }).dblclick();
    await page.locator(".tabs-container .tab.active", { hasText: kent }).waitFor({ state: "visible" });
    // The server's diagnostics arrive as squiggles once it has started and checked the case.
    await page.locator(".editor-instance .squiggly-error").first().waitFor({ state: "visible" });
  });

  await step("problems-panel-shows-deadline-missed", async () => {
    await runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    const row = page.locator(".markers-panel .monaco-list-row", { hasText: "deadline-missed" });
    await row.first().waitFor({ state: "visible" });
    const rows = await problemRows();
    const missed = rows.filter((r) => r.includes("deadline-missed"));
    console.log(`     Problems: ${rows.length} rows, ${missed.length} with deadline-missed`);
    if (!missed.some((r) => /stage 2 adjudication on 2024-02-21/.test(r) && /\[Ln 20, Col 1\]/.test(r))) {
      throw new Error(`no deadline-missed row for line 20 (stage 2 adjudication) in:\n${rows.join("\n")}`);
    }
  });

  await step("inlay-hint-with-its-whole-due-date", async () => {
    // The hint on the stage 1 response line is longer than VS Code's default
    // clipping length (43 characters), so its due date is whole only because of
    // the extension's `editor.inlayHints.maximumLength: 0` for .case files.
    const source = "2023-08-24 stage1.response";
    await page.waitForFunction(
      (source) =>
        [...document.querySelectorAll(".editor-instance .view-line")].some((l) => {
          const text = l.textContent.replace(/\u00a0/g, " ");
          return text.startsWith(source) && /due \d{4}-\d{2}-\d{2}/.test(text);
        }),
      source,
      { timeout },
    );
    const text = (await viewLine("stage1.response").textContent()).replace(/\u00a0/g, " ");
    const hint = text.replace(source, "").trim();
    console.log(`     line 16's hint: ${JSON.stringify(hint)}`);
    if (!/due \d{4}-\d{2}-\d{2}$/.test(hint)) {
      throw new Error(`no whole due date at the end of the hint: ${JSON.stringify(hint)}`);
    }
    if (hint.includes("…") || hint.length <= 43) {
      throw new Error(`the hint is clipped, or too short to show that it would be: ${JSON.stringify(hint)}`);
    }
  });

  await step("hover-on-the-late-stage", async () => {
    const token = viewLine("stage2.adjudication")
      .locator("span", { hasText: /^stage2\.adjudication$/ })
      .first();
    await token.hover();
    const hover = page.locator(".monaco-hover:not(.hidden) .monaco-hover-content").first();
    await hover.waitFor({ state: "visible" });
    await page.waitForFunction(
      () => (document.querySelector(".monaco-hover:not(.hidden) .monaco-hover-content")?.textContent ?? "").length > 40,
      null,
      { timeout },
    );
    // For the screenshot: the hover's fade-in finished (it is see-through until then).
    await hover.evaluate((el) =>
      Promise.all((el.closest(".monaco-hover") ?? el).getAnimations({ subtree: true }).map((a) => a.finished)),
    );
    const text = await hover.innerText();
    console.log(`     hover: ${JSON.stringify(text)}`);
    // The finding, then what the server says about the event: its procedure and deadline.
    if (
      !/deadline-missed/.test(text) ||
      !/Procedure: Children's social care complaints procedure/.test(text) ||
      !/within 25wd of stage2\.requested/.test(text)
    ) {
      throw new Error(`the hover does not show the finding and the event's deadline: ${JSON.stringify(text)}`);
    }
  });

  await step("quick-fix-records-the-promise-as-done", async () => {
    // The warning that promise m1 was never done; its quick fix writes a `done m1`
    // entry with a date to fill in, and writing the date clears the warning.
    await page.keyboard.press("Escape");
    await focusEditor();
    await goToLine(21);
    await page.keyboard.press("Control+.");
    const fix = /^Record .?m1.? as done/;
    await page.locator(".action-widget .monaco-list-row", { hasText: fix }).first().waitFor({ state: "visible" });
    await screenshot("quick-fix-menu");
    // Chosen with the keyboard: a pointer block lies over the menu until the mouse moves.
    await chooseRow(page.locator(".action-widget .monaco-list-row"), fix);
    await page.locator(".action-widget").waitFor({ state: "hidden" });
    const text = await saveAndRead(kentFile, (t) => /\bdone m1\b/.test(t));
    const lines = text.split("\n");
    const at = lines.findIndex((l) => /^\S+ done m1$/.test(l));
    console.log(`     the fix wrote line ${at + 1}: ${JSON.stringify(lines[at])}`);
    if (at < 0 || lines.filter((l) => /\bdone m1\b/.test(l)).length !== 1) {
      throw new Error(`the quick fix did not write one "done m1" entry; the file is:\n${text}`);
    }
    await screenshot("quick-fix-applied");
    // The date the fix leaves to fill in: the day of the Ombudsman's decision
    // keeps the entries in date order.
    await goToLine(at + 1);
    await page.keyboard.press("Shift+End");
    await page.keyboard.type("2025-02-18 done m1");
    await saveAndRead(kentFile, (t) => t.includes("\n2025-02-18 done m1\n"));
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll(".markers-panel .monaco-list-row")].some(
          (r) => r.textContent.includes("rec-unaddressed") && r.textContent.includes("promise m1"),
        ),
      null,
      { timeout },
    );
  });

  await step("timeline-beside-the-case-in-the-dark-theme", async () => {
    await runCommand("caseline: Show timeline");
    const frame = page.frameLocator("iframe.webview.ready").frameLocator("#active-frame");
    const chart = frame.locator("svg.chart");
    await chart.waitFor({ state: "visible" });
    await page.locator(".tabs-container .tab", { hasText: `Timeline: ${kent}` }).waitFor({ state: "visible" });
    const look = await chart.evaluate((svg) => {
      const body = getComputedStyle(document.body);
      const label = svg.querySelector("text.label");
      return {
        background: body.backgroundColor,
        color: body.color,
        bodyClass: document.body.className,
        labelHeight: label ? label.getBoundingClientRect().height : 0,
        chartWidth: svg.getBoundingClientRect().width,
        viewWidth: document.documentElement.clientWidth,
      };
    });
    console.log(`     timeline: ${JSON.stringify(look)}`);
    const lum = luminance(look.background);
    if (!look.bodyClass.includes("vscode-dark") || lum > 0.3) {
      throw new Error(`the page is not in the dark theme's colours: ${JSON.stringify(look)}`);
    }
    if (look.labelHeight < 9) {
      throw new Error(`the chart's labels are ${look.labelHeight.toFixed(1)} px high in a ${look.viewWidth} px column`);
    }
    // For the screenshot: the chart, scrolled into the side column.
    await chart.scrollIntoViewIfNeeded();
  });

  await step("an-edit-clears-the-stage-1-error", async () => {
    // The stage 1 response was 42 working days after the complaint; dated
    // 2023-07-10 it is within the 10-day limit and its deadline-missed goes,
    // while the stage 2 one (line 20) stays.
    await page.locator(".tabs-container .tab", { hasText: kent }).first().click();
    await focusEditor();
    await goToLine(16);
    // The date only: selecting to the end of the line would scroll the narrow
    // editor sideways to the line's inlay hint, and the screenshot would miss the date.
    for (let i = 0; i < "2023-08-24".length; i += 1) {
      await page.keyboard.press("Shift+ArrowRight");
    }
    await page.keyboard.type("2023-07-10");
    await runCommand("View: Focus Problems (Errors, Warnings, Infos)");
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll(".markers-panel .monaco-list-row")].map((r) => r.textContent);
        return (
          !rows.some((r) => r.includes("deadline-missed") && r.includes("stage 1 response")) &&
          rows.some((r) => r.includes("deadline-missed") && r.includes("stage 2 adjudication"))
        );
      },
      null,
      { timeout },
    );
  });

  await step("a-missing-caseline-program-is-reported-once", async () => {
    // The setting now names a program that is not there: the extension restarts
    // and says so, with a button for the setting. Show timeline then adds no
    // second message while that one is on screen.
    // Written as the workspace's setting, which overrides the user's (the
    // workspace is trusted: run.sh turns workspace trust off).
    fs.mkdirSync(path.join(workspace, ".vscode"), { recursive: true });
    fs.writeFileSync(
      path.join(workspace, ".vscode", "settings.json"),
      JSON.stringify({ "caseline.server.path": "/nonexistent/caseline" }),
    );
    const toasts = page.locator(".notifications-toasts .notification-toast", { hasText: "caseline" });
    await toasts.first().waitFor({ state: "visible" });
    const first = await toasts.first().innerText();
    console.log(`     message: ${JSON.stringify(first)}`);
    if (!first.includes("/nonexistent/caseline") || !first.includes("Open caseline.server.path")) {
      throw new Error(`the message does not name the setting's path and offer the setting: ${JSON.stringify(first)}`);
    }
    await page.locator(".tabs-container .tab", { hasText: kent }).first().click();
    await runCommand("caseline: Show timeline");
    // The command has run once its line is in the caseline output; a second
    // message would have been raised right after that line was written.
    await runCommand("caseline: Show output");
    await page
      .locator(".part.panel .view-lines", { hasText: `The timeline of ${kent} could not be drawn` })
      .waitFor({ state: "visible" });
    const count = await toasts.count();
    if (count !== 1) {
      throw new Error(`${count} caseline messages are on screen: ${JSON.stringify(await toasts.allInnerTexts())}`);
    }
  });
} finally {
  await context.close();
}
console.log(`the drive took ${((Date.now() - started) / 1000).toFixed(1)}s; ${shot} screenshots in ${artifacts}`);
process.exit(failed ? 1 : 0);

/** Relative luminance (0 black to 1 white) of a CSS `rgb(…)` colour. */
function luminance(css) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  if (!m) {
    return 1;
  }
  const [r, g, b] = m.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
