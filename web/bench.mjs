// The page's budgets, measured in headless Chromium from file:// (figures,
// not a pass/fail test; the targets are issue 18's):
//   page size            the whole of web/dist            target <= 3 MB
//   time to interactive  page load until a case is open   target <= 1 s
//   check a sample case  window.caseline.check, one case  target <= 5 ms
//   keystroke            one edit of a 5,000-entry case,  target <= 50 ms
//                        to its findings and hints
// Usage: node web/bench.mjs (after bash web/build.sh). Medians of several runs.
import { chromium } from "playwright-core";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const dist = join(here, "dist");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};
const size = (dir) =>
  readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    return n + (statSync(p).isDirectory() ? size(p) : statSync(p).size);
  }, 0);

/** The LSP benchmark's 5,000-entry case (crates/caseline-lsp/benches/did_change.rs). */
function longCase() {
  let s = 'case "bench"\n  title "A long case"\n  procedure children-statutory\n  as-of 2099-01-01\n\n';
  const kinds = ["stage1.received", "stage1.response", "note", "stage2.requested", "stage2.report",
    "stage2.adjudication", "note", "done", "assessment.completed", "note"];
  const start = Date.UTC(2000, 0, 3);
  for (let i = 0; i < 5000; i++) {
    const date = new Date(start + i * 2 * 86400000).toISOString().slice(0, 10);
    const kind = kinds[i % kinds.length];
    const cycle = Math.floor(i / kinds.length);
    if (kind === "stage2.adjudication")
      s += `${date} ${kind} "Adjudication ${cycle}"\n  promise p${cycle} within 10wd "Write again"\n`;
    else if (kind === "done") s += `${date} done p${cycle}\n`;
    else s += `${date} ${kind} "Entry ${i}"\n`;
  }
  return s;
}

const pageBytes = size(dist);
const profile = mkdtempSync(join(tmpdir(), "caseline-bench-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1400, height: 900 },
});
try {
  const page = context.pages()[0] || (await context.newPage());
  const url = pathToFileURL(join(dist, "index.html")).href;
  const loads = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    loads.push(Number(await page.getAttribute("body", "data-ready-ms")));
  }
  const kent = readFileSync(join(root, "tests", "cases", "kent-24-003-873.case"), "utf8");
  const check = await page.evaluate((text) => {
    const files = { "kent.case": text };
    const times = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      window.caseline.check(files);
      times.push(performance.now() - t);
    }
    return times;
  }, kent);
  const big = longCase();
  const keystroke = await page.evaluate((text) => {
    // One character typed at a time near the middle, each time the whole
    // answer the editor needs: findings with fixes, hints, what was checked.
    const at = text.indexOf("\n", text.length / 2);
    const times = [];
    for (let i = 0; i < 30; i++) {
      const edited = text.slice(0, at) + " ".repeat(i % 2) + text.slice(at);
      const t = performance.now();
      const answer = window.caseline.open({ "long.case": edited }, "long.case");
      times.push(performance.now() - t);
      if (!answer.hints.length) throw new Error("no hints");
    }
    return times.slice(1); // the first also loads the workspace
  }, big);
  const lines = big.split("\n").length;
  console.log("caseline page budgets (headless Chromium, file://; medians):");
  console.log(`  page size (web/dist):             ${(pageBytes / 1e6).toFixed(2)} MB   (target <= 3 MB)`);
  console.log(`  time to interactive:              ${median(loads)} ms   (target <= 1000 ms; runs: ${loads.join(", ")})`);
  console.log(`  check a sample case (kent):       ${median(check).toFixed(2)} ms   (target <= 5 ms)`);
  console.log(`  keystroke to findings and hints,`);
  console.log(`    5,000 entries (${lines} lines):    ${median(keystroke).toFixed(1)} ms   (target <= 50 ms; the editor waits 200 ms after the last key before asking)`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
