// The page: an editor for .case files with caseline's findings, quick fixes,
// inline deadline hints, hovers and completions, the timeline beside it, and
// window.caseline.check for scripts and tests. Every finding, hint and word
// comes from the engine (./engine.js); this file only shows them.
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  WidgetType,
  drawSelection,
  highlightActiveLine,
  highlightSpecialChars,
  hoverTooltip,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { forceLinting, linter, lintGutter, lintKeymap } from "@codemirror/lint";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { searchKeymap } from "@codemirror/search";
import samples from "caseline:samples";
import * as engine from "./engine.js";
import { caseline } from "./language.js";


// ---- window.caseline: the engine for scripts (and the browser tests) ----

const ready = engine.load();

window.caseline = {
  /** Resolves when the engine has started. */
  ready,
  /**
   * Checks `files` ({name: text}, as a folder holds them: "a.case",
   * "definitions/b.case", "caseline.toml") and returns exactly the object
   * `caseline check --format json` prints when run in that folder: on every
   * .case file (as `caseline check .`), or on `options.paths` only.
   * `options.asOf` ("YYYY-MM-DD") is the CLI's --as-of; without it a case is
   * judged at its own as-of line, else today (the browser's date).
   */
  check(files, options = {}) {
    return engine.call({
      op: "check",
      files,
      paths: options.paths,
      asOf: options.asOf || undefined,
      today: options.today || engine.today(),
    });
  },
  /** Checks `path` of `files` as the editor does: findings with fixes, hints. */
  open(files, path, options = {}) {
    return engine.call({
      op: "open",
      files,
      path,
      asOf: options.asOf || undefined,
      today: options.today || engine.today(),
    });
  },
  /** The standard layout of a .case text. */
  format(text) {
    return engine.call({ op: "format", text });
  },
};

// ---- the files being edited ----

const files = {}; // name -> text (the open file's text is its editor's)
const states = {}; // name -> EditorState (keeps each file's undo history)
const crlf = new Set(); // files opened with Windows line endings, saved with them again
let active = null;
let view = null;
let analysed = null; // { doc, answer }

const $ = (id) => document.getElementById(id);

function asOf() {
  return $("asof").value || undefined;
}

/** Checks the open file if its text changed since the last check. */
function analyse() {
  const doc = view.state.doc;
  if (analysed && analysed.doc === doc && analysed.asOf === asOf()) return analysed.answer;
  files[active] = doc.toString();
  let answer;
  try {
    answer = window.caseline.open(files, active, { asOf: asOf() });
  } catch (err) {
    answer = { error: String(err.message || err), diagnostics: [], hints: [] };
  }
  analysed = { doc, asOf: asOf(), answer };
  showChecked(answer);
  showFindings(answer, doc);
  refreshTimeline();
  return answer;
}

/** [line, column] (zero-based, UTF-16) -> an offset in `doc`. */
function toOffset(doc, [line, col]) {
  if (line >= doc.lines) return doc.length;
  const l = doc.line(line + 1);
  return Math.min(l.from + col, l.to);
}

function toLineCol(doc, pos) {
  const l = doc.lineAt(pos);
  return [l.number - 1, pos - l.from];
}

// Inline hints (the deadline arithmetic at the end of a line).
const setHints = StateEffect.define();

class HintWidget extends WidgetType {
  constructor(label, tooltip) {
    super();
    this.label = label;
    this.tooltip = tooltip;
  }
  eq(other) {
    return other.label === this.label && other.tooltip === this.tooltip;
  }
  toDOM() {
    const span = document.createElement("span");
    span.className = "cm-hint" + (/late|overdue/i.test(this.label) ? " late" : "");
    span.textContent = this.label;
    if (this.tooltip) span.title = this.tooltip;
    return span;
  }
}

const hintField = StateField.define({
  create: () => Decoration.none,
  update(hints, tr) {
    for (const e of tr.effects) if (e.is(setHints)) return e.value;
    return hints.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

function hintDecorations(doc, hints) {
  const ranges = hints.map((h) =>
    Decoration.widget({ widget: new HintWidget(h.label, h.tooltip), side: 1 }).range(
      toOffset(doc, h.at),
    ),
  );
  return Decoration.set(ranges, true);
}

const SEVERITY = { error: "error", warning: "warning", info: "info", hint: "hint" };

const caselineLinter = linter(
  (v) => {
    const answer = analyse();
    const doc = v.state.doc;
    queueMicrotask(() => {
      if (v.state.doc === doc)
        v.dispatch({ effects: setHints.of(hintDecorations(doc, answer.hints || [])) });
    });
    return (answer.diagnostics || []).map((d) => ({
      from: toOffset(doc, d.range.from),
      to: toOffset(doc, d.range.to),
      severity: SEVERITY[d.severity] || "info",
      source: d.code,
      message: d.message,
      actions: d.fixes.map((f) => ({
        name: f.title,
        apply(view) {
          if (view.state.doc !== doc) return; // the text changed: the fix is redone
          view.dispatch({
            changes: f.edits.map((e) => ({
              from: toOffset(doc, e.range.from),
              to: toOffset(doc, e.range.to),
              insert: e.insert,
            })),
          });
        },
      })),
    }));
  },
  { delay: 200 },
);

// A very small Markdown for hovers: lines, headings, **bold**, *italic*,
// `code`, lists, fenced blocks. Everything is escaped first.
function markdown(md) {
  const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const inline = (s) =>
    esc(s)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/\*([^*]+)\*/g, "<em>$1</em>");
  const out = [];
  let list = false;
  let code = null; // lines of a fenced block being read
  for (const line of md.split("\n")) {
    if (/^```/.test(line.trim())) {
      if (code) {
        out.push("<pre>" + esc(code.join("\n")) + "</pre>");
        code = null;
      } else code = [];
      continue;
    }
    if (code) {
      code.push(line);
      continue;
    }
    const item = /^\s*[-*] (.*)$/.exec(line);
    if (item && !list) out.push("<ul>");
    if (!item && list) out.push("</ul>");
    list = Boolean(item);
    if (item) out.push("<li>" + inline(item[1]) + "</li>");
    else if (/^---+$/.test(line.trim())) out.push("<hr>");
    else if (/^#+\s/.test(line)) out.push("<p><strong>" + inline(line.replace(/^#+\s*/, "")) + "</strong></p>");
    else if (line.trim()) out.push("<p>" + inline(line) + "</p>");
  }
  if (list) out.push("</ul>");
  if (code) out.push("<pre>" + esc(code.join("\n")) + "</pre>");
  return out.join("");
}

const caselineHover = hoverTooltip((v, pos) => {
  analyse();
  let h;
  try {
    h = engine.call({ op: "hover", at: toLineCol(v.state.doc, pos) });
  } catch {
    return null;
  }
  if (!h) return null;
  return {
    pos: toOffset(v.state.doc, h.from),
    end: toOffset(v.state.doc, h.to),
    above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "hover";
      dom.innerHTML = markdown(h.markdown);
      return { dom };
    },
  };
});

const KIND = {
  date: "constant",
  keyword: "keyword",
  headerkey: "property",
  definition: "type",
  event: "function",
  id: "variable",
};

function caselineCompletion(context) {
  // While typing, only inside a word; Ctrl+Space asks anywhere.
  const word = context.matchBefore(/[\w.?-]*/);
  if (!context.explicit && (!word || word.from === word.to)) return null;
  analyse();
  let items;
  try {
    items = engine.call({ op: "complete", at: toLineCol(context.state.doc, context.pos) });
  } catch {
    return null;
  }
  if (!items.length) return null;
  const doc = context.state.doc;
  const from = toOffset(doc, items[0].from);
  return {
    from,
    to: toOffset(doc, items[0].to),
    validFor: /^[\w.-]*$/,
    options: items.map((i, n) => ({
      label: i.label,
      apply: i.insert,
      type: KIND[i.kind] || "text",
      detail: i.detail || undefined,
      info: i.documentation || undefined,
      boost: i.sortText ? -n / items.length : 0,
    })),
  };
}

function editorState(text) {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      caseline,
      syntaxHighlighting(defaultHighlightStyle),
      hintField,
      lintGutter(),
      caselineLinter,
      caselineHover,
      autocompletion({ override: [caselineCompletion] }),
      keymap.of([
        ...defaultKeymap,
        ...historyKeymap,
        ...searchKeymap,
        ...lintKeymap,
        ...completionKeymap,
        indentWithTab,
      ]),
    ],
  });
}

// ---- what the page shows beside the text ----

function showChecked(answer) {
  const p = $("checked");
  if (answer.error) {
    p.textContent = answer.error;
    p.className = "checked problem";
    return;
  }
  const count = (sev) => answer.diagnostics.filter((d) => d.severity === sev).length;
  const e = count("error");
  const w = count("warning");
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  let text = `${answer.path}: ${answer.checked} · ${plural(e, "error", "errors")}, ${plural(w, "warning", "warnings")}`;
  if (answer.problem) text += ` · ${answer.problem}`;
  if (answer.configProblem) text += ` · ${answer.configProblem}`;
  p.textContent = text;
  p.className = "checked" + (answer.problem || answer.configProblem ? " problem" : "");
}

function showFindings(answer, doc) {
  const list = $("findings");
  list.replaceChildren();
  const diags = (answer.diagnostics || []).filter((d) => d.severity === "error" || d.severity === "warning" || d.severity === "info");
  if (!diags.length) {
    const li = document.createElement("li");
    li.className = "none";
    li.textContent = answer.error ? "" : "No problems found in what was checked (see the line under the text).";
    list.append(li);
    return;
  }
  for (const d of diags) {
    const li = document.createElement("li");
    const sev = document.createElement("span");
    sev.className = "sev " + d.severity;
    sev.textContent = d.severity;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = ` line ${d.range.from[0] + 1}: `;
    li.append(sev, where, d.message);
    li.title = `${d.code} — click to go to the line`;
    li.addEventListener("click", () => {
      const pos = toOffset(view.state.doc, d.range.from);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    });
    list.append(li);
  }
}

let timelineShown = false;

function refreshTimeline() {
  if (!timelineShown) return;
  try {
    $("timeline").srcdoc = engine.call({ op: "report" }).html;
  } catch (err) {
    $("timeline").srcdoc = `<p>${String(err.message || err).replace(/</g, "&lt;")}</p>`;
  }
}

for (const tab of document.querySelectorAll(".tabs button")) {
  tab.addEventListener("click", () => {
    for (const t of document.querySelectorAll(".tabs button")) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      $("tab-" + t.dataset.tab).hidden = !on;
    }
    timelineShown = tab.dataset.tab === "timeline";
    if (timelineShown && view) {
      analyse();
      refreshTimeline();
    }
  });
}

// ---- the working-day calculator (what `caseline calendar` prints) ----

function calculator(action, form) {
  const data = Object.fromEntries(new FormData(form));
  try {
    const answer = engine.call({
      op: "calendar",
      action,
      calendar: $("days-calendar").value || undefined,
      date: data.date,
      to: data.to,
      duration: data.duration,
      year: data.year ? Number(data.year) : undefined,
    });
    $("days-out").textContent = answer.text;
    $("days-warning").textContent = answer.warning ? "Note: " + answer.warning : "";
    return answer;
  } catch (err) {
    $("days-out").textContent = String(err.message || err);
    $("days-warning").textContent = "";
    return null;
  }
}

for (const action of ["add", "between", "holidays"]) {
  $("days-" + action).addEventListener("submit", (event) => {
    event.preventDefault();
    calculator(action, event.target);
  });
}

ready.then(() => {
  const answer = engine.call({ op: "calendar", action: "holidays", year: new Date().getFullYear() });
  for (const name of answer.calendars) {
    const o = document.createElement("option");
    o.value = o.textContent = name;
    $("days-calendar").append(o);
  }
  $("days-holidays").elements.year.value = new Date().getFullYear();
  $("days-add").elements.date.value = engine.today();
});

// ---- files: open, switch, save, samples ----

function showFiles() {
  const bar = $("files");
  bar.replaceChildren();
  for (const name of Object.keys(files).sort()) {
    const b = document.createElement("button");
    b.type = "button";
    b.role = "tab";
    b.textContent = name;
    b.setAttribute("aria-selected", String(name === active));
    b.addEventListener("click", () => activate(name));
    bar.append(b);
  }
}

function activate(name) {
  if (view && active) {
    files[active] = view.state.doc.toString();
    states[active] = view.state;
  }
  active = name;
  const state = states[name] || editorState(files[name]);
  if (!view) view = new EditorView({ state, parent: $("editor") });
  else view.setState(state);
  analysed = null;
  showFiles();
  forceLinting(view);
  analyse();
}

/** Replaces every file with `set` and shows `first`. */
function load(set, first) {
  for (const name of Object.keys(files)) delete files[name];
  for (const name of Object.keys(states)) delete states[name];
  crlf.clear();
  active = null;
  Object.assign(files, set);
  activate(first);
}

// A new case laid out for a procedure: `caseline new`'s template.
function listProcedures() {
  const select = $("new");
  const chosen = select.value;
  let list = [];
  try {
    list = engine.call({ op: "procedures", files });
  } catch {
    return;
  }
  select.length = 1;
  for (const p of list) {
    const o = document.createElement("option");
    o.value = p.name;
    o.textContent = p.title ? `${p.name}: ${p.title}` : p.name;
    select.append(o);
  }
  select.value = chosen;
}

$("new").addEventListener("focus", listProcedures);
$("new").addEventListener("change", () => {
  const procedure = $("new").value;
  if (!procedure) return;
  if (view && active) files[active] = view.state.doc.toString();
  let text;
  try {
    text = engine.call({ op: "newCase", files, procedures: [procedure] });
  } catch (err) {
    $("checked").textContent = String(err.message || err);
    return;
  }
  let n = 1;
  while (files[`new-case-${n}.case`] !== undefined) n++;
  files[`new-case-${n}.case`] = text;
  $("new").value = "";
  activate(`new-case-${n}.case`);
});

$("open").addEventListener("change", async (event) => {
  const chosen = [...event.target.files];
  if (!chosen.length) return;
  const read = {};
  for (const f of chosen) {
    read[f.name] = await f.text();
    if (read[f.name].includes("\r\n")) crlf.add(f.name);
    else crlf.delete(f.name);
  }
  // Opened files join the ones already open, so a definitions file applies.
  for (const [name, text] of Object.entries(read)) {
    files[name] = text;
    delete states[name];
  }
  const first = Object.keys(read).find((n) => n.endsWith(".case")) || Object.keys(read)[0];
  activate(first);
  event.target.value = "";
});

$("save").addEventListener("click", async () => {
  if (!active) return;
  // The editor works in "\n"; a file that came with "\r\n" goes back with it.
  const text = view.state.doc.toString().replace(/\n/g, crlf.has(active) ? "\r\n" : "\n");
  const name = active.split("/").pop();
  if (window.showSaveFilePicker) {
    try {
      const handle = await window.showSaveFilePicker({ suggestedName: name });
      const w = await handle.createWritable();
      await w.write(text);
      await w.close();
      return;
    } catch (err) {
      if (err && err.name === "AbortError") return;
    }
  }
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

$("close").addEventListener("click", () => {
  const names = Object.keys(files).sort();
  if (!active || names.length < 2) return; // the page always has a file open
  if (!window.confirm(`Close ${active}? Changes you have not saved will be lost.`)) return;
  const next = names[names.indexOf(active) + 1] || names[names.indexOf(active) - 1];
  delete files[active];
  delete states[active];
  crlf.delete(active);
  active = null;
  activate(next);
});

$("format").addEventListener("click", () => {
  const text = view.state.doc.toString();
  const tidy = window.caseline.format(text);
  if (tidy !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: tidy } });
});

$("asof").addEventListener("change", () => {
  analysed = null;
  forceLinting(view);
});

const select = $("samples");
for (const name of Object.keys(samples).filter((n) => n.endsWith(".case"))) {
  const o = document.createElement("option");
  o.value = name;
  o.textContent = name;
  select.append(o);
}
select.addEventListener("change", () => {
  if (!select.value) return;
  // The whole sample folder, so its definitions file and caseline.toml apply.
  load({ ...samples }, select.value);
  select.value = "";
});

ready.then(
  () => {
    const first = Object.keys(samples).find((n) => n.startsWith("kent")) || Object.keys(samples)[0];
    load({ ...samples }, first);
    listProcedures();
    // When the page became usable, in ms since it started loading (bench.mjs).
    document.body.dataset.readyMs = performance.now().toFixed(0);
    document.body.dataset.ready = "true";
  },
  (err) => {
    $("checked").textContent = "caseline could not start in this browser: " + err;
    $("checked").className = "checked problem";
  },
);
