// Lists the files inside a .vsix and fails unless the client, grammar, snippets,
// icons, the walkthrough's pages and sample case, language configuration and the
// server binary (runnable) are all there, and the manifest names the expected
// target platform. Node only: no unzip needed.
// Usage: node scripts/vsix-contents.mjs caseline-0.1.0.vsix linux-x64
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yauzl from "yauzl";

const [file, target] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/vsix-contents.mjs FILE.vsix [TARGET]");
  process.exit(2);
}

const exe = target && target.startsWith("win32") ? "caseline.exe" : "caseline";
const required = [
  "extension/package.json",
  "extension/dist/extension.js",
  "extension/syntaxes/caseline.tmLanguage.json",
  "extension/snippets/caseline.json",
  "extension/snippets/new-case.json",
  "extension/language-configuration.json",
  "extension/LICENSE.txt",
  "extension/icons/caseline.png",
  "extension/icons/case-light.svg",
  "extension/icons/case-dark.svg",
  `extension/server/${exe}`,
  "extension.vsixmanifest",
  "extension/samples/kent-24-003-873.case",
];
// Every page of the Getting Started walkthrough that package.json names.
const manifestFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "package.json");
for (const w of JSON.parse(fs.readFileSync(manifestFile, "utf8")).contributes.walkthroughs ?? []) {
  for (const step of w.steps) {
    for (const media of Object.values(step.media)) required.push(`extension/${media}`);
  }
}

function readEntries(path) {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = [];
      let manifest = "";
      zip.on("entry", (entry) => {
        entries.push(entry);
        if (entry.fileName === "extension.vsixmanifest") {
          zip.openReadStream(entry, (e, stream) => {
            if (e) return reject(e);
            stream.on("data", (chunk) => (manifest += chunk.toString("utf8")));
            stream.on("end", () => zip.readEntry());
          });
        } else {
          zip.readEntry();
        }
      });
      zip.on("end", () => resolve({ entries, manifest }));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

const { entries, manifest } = await readEntries(file);
const problems = [];
for (const e of entries) {
  // The upper 16 bits of the external attributes hold the Unix mode when the zip was made on Unix.
  const mode = (e.externalFileAttributes >>> 16) & 0o777;
  console.log(`${String(e.uncompressedSize).padStart(10)}  ${mode ? mode.toString(8) : "   "}  ${e.fileName}`);
}
const names = new Set(entries.map((e) => e.fileName));
for (const r of required) {
  if (!names.has(r)) problems.push(`missing from the package: ${r}`);
}
const server = entries.find((e) => e.fileName === `extension/server/${exe}`);
if (server && !target?.startsWith("win32") && ((server.externalFileAttributes >>> 16) & 0o111) === 0) {
  problems.push(`the server ${server.fileName} is not executable in the package`);
}
if (target && !manifest.includes(`TargetPlatform="${target}"`)) {
  problems.push(`the manifest does not name the target platform ${target}`);
}
const stray = [...names].filter((n) => /(^|\/)(node_modules|src|test|out)\//.test(n) || n.endsWith(".map"));
if (stray.length > 0) problems.push(`files that should not be packaged: ${stray.join(", ")}`);

if (problems.length > 0) {
  for (const p of problems) console.error(`error: ${p}`);
  process.exit(1);
}
console.log(`${file}: ${entries.length} files; client, grammar, snippets and server are inside.`);
