// Bundles the page into one file, dist/index.html: the script (CodeMirror, the
// page's code, the engine's .wasm as bytes, the sample cases) is inlined, and
// the Content-Security-Policy allows exactly that script (by its hash) and
// WebAssembly, and nothing from anywhere else. One file, because a page opened
// from file:// cannot fetch() its own .wasm, and one file is easy to share.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const cases = join(here, "..", "tests", "cases");

// The sample cases: every .case file and caseline.toml under tests/cases, as
// {name: text}, the folder the CLI sees when run there.
function samples() {
  const files = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".case") || name === "caseline.toml") {
        files[relative(cases, path).split("\\").join("/")] = readFileSync(path, "utf8");
      }
    }
  };
  walk(cases);
  return files;
}

const samplesPlugin = {
  name: "samples",
  setup(build) {
    build.onResolve({ filter: /^caseline:samples$/ }, () => ({ path: "samples", namespace: "samples" }));
    build.onLoad({ filter: /.*/, namespace: "samples" }, () => ({
      contents: JSON.stringify(samples()),
      loader: "json",
    }));
  },
};

// The engine, gzipped (2.4 MB of WebAssembly is about a third of that
// compressed); the page unpacks it with the browser's DecompressionStream.
const wasm = readFileSync(join(here, "build", "caseline.wasm"));
writeFileSync(join(here, "build", "caseline.wasm.gz"), gzipSync(wasm, { level: 9 }));

const result = await esbuild.build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "iife",
  minify: true,
  write: false,
  target: ["chrome110", "firefox115", "safari16"],
  loader: { ".gz": "binary" },
  plugins: [samplesPlugin],
  legalComments: "none",
});
// Inside <script>, "</script" would end the element: escape it (valid JS in
// strings and regular expressions alike).
const js = result.outputFiles[0].text.replaceAll("</script", "<\\/script");
const hash = createHash("sha256").update(js, "utf8").digest("base64");
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' 'wasm-unsafe-eval'`,
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "frame-src 'self' blob: data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const template = readFileSync(join(here, "src", "index.html"), "utf8");
const html = template
  .replace("%CSP%", () => csp)
  .replace("%STYLE%", () => readFileSync(join(here, "src", "style.css"), "utf8"))
  .replace("%SCRIPT%", () => js);
mkdirSync(join(here, "dist"), { recursive: true });
writeFileSync(join(here, "dist", "index.html"), html);
console.log(`web/dist/index.html: ${(html.length / 1024).toFixed(0)} KB`);
