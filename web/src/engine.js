// The engine: caseline's Rust libraries compiled to WebAssembly
// (crates/caseline-wasm), behind a few plain functions. A request goes in as
// JSON and the answer comes back as JSON through three exported functions
// (caseline_alloc, caseline_call, caseline_answer_len); the module imports
// nothing, so it can reach nothing outside this page.
// Gzipped at build time (web/esbuild.mjs) and inlined, since a page opened
// from file:// cannot fetch a file beside it.
import packed from "../build/caseline.wasm.gz";

let module = null;
let instance = null;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Compiles the engine (once) and starts it. */
export async function load() {
  if (!module) {
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
    module = await WebAssembly.compile(await new Response(stream).arrayBuffer());
  }
  instance = await WebAssembly.instantiate(module, {});
}

function raw(request) {
  const e = instance.exports;
  const bytes = encoder.encode(JSON.stringify(request));
  const ptr = e.caseline_alloc(bytes.length);
  new Uint8Array(e.memory.buffer, ptr, bytes.length).set(bytes);
  const at = e.caseline_call(ptr, bytes.length);
  const len = e.caseline_answer_len();
  return JSON.parse(decoder.decode(new Uint8Array(e.memory.buffer, at, len)));
}

/** Runs one request; throws an Error with the engine's sentence on failure. */
export function call(request) {
  if (!instance) throw new Error("caseline is still starting");
  let answer;
  try {
    answer = raw(request);
  } catch (err) {
    // A bug in the engine stops the module (Rust aborts on panic): start a
    // fresh one so the page keeps working, and say what happened.
    instance = new WebAssembly.Instance(module, {});
    throw new Error(
      "caseline hit an internal error (a bug: please report it with the file). " + err,
    );
  }
  if ("error" in answer) throw new Error(answer.error);
  return answer.ok;
}

/** Today as YYYY-MM-DD, from the browser's clock (the engine reads none). */
export function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
