//! Soak test of the real server (issue 15, item 6): the `caseline lsp` binary,
//! in its own process over stdio, gets random edits (characters and lines
//! typed and deleted, curly quotes, misspelt events, dates out of order,
//! quick fixes, renames and formatting applied as new `didChange`s), hovers,
//! completions, code actions, renames (some onto an ID in use, which must be
//! refused), inlay hints, formatting and a few other requests, on every
//! sample case plus the definitions file, for a bounded time.
//!
//! It fails if any request fails with an internal error (-32603) or any other
//! error except a refused rename, if the server logs a panic or publishes the
//! "internal error" diagnostic, if its memory grows (VmRSS at the end more than
//! `RSS_FACTOR` x the warmed-up RSS + `RSS_SLACK_MB`), or if the diagnostics it
//! last published for each document differ from `caseline check --format json`
//! on the final texts.
//!
//! Time: 120 s under CI (`CI` set to anything but empty/0/false), 10 s
//! otherwise; `CASELINE_SOAK_SECONDS=N` overrides. The generator is a seeded
//! xorshift: the seed is printed, `CASELINE_SOAK_SEED=S` replays it and
//! `CASELINE_SOAK_OPS=N` stops after exactly N operations, so a failing run
//! is reproduced with the seed and the operation count it prints.
//! `CASELINE_BIN` names the binary; otherwise it is built with the tests' own
//! cargo (cargo has released its build lock while tests run). The binary
//! belongs to another crate, so `CARGO_BIN_EXE_caseline` is not set here.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use caseline_syntax::{Encoding, LineCol, LineIndex};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::{mpsc, oneshot};

use crate::ci::under_ci;
use crate::harness::{read_frame, utf16_caps, write_frame};
use crate::support::{Rng, apply_text_edits, line_col};

/// The memory bound, and why. The server keeps one version of each open
/// document (text, tree, line index, analysis: tens of KB for these ~2 KB
/// cases), so once warmed up (every code path run, the allocator's pages
/// taken) its RSS only wobbles. Measured here (debug build, 2 cores): warmed
/// up 51-59 MiB, then 52-67 MiB with no trend for 9 minutes and ~100,000
/// edits, the highest sample 36 MiB above the warmed-up figure (mimalloc
/// keeps freed pages a while). The bound, 2 x warmed-up + 32 MiB (about 135
/// MiB here), is more than twice that excursion, so it does not flake; and a
/// real leak breaks it: keeping one document version per edit (a snapshot
/// held by a forgotten `Arc`, the likely bug; 20 KB or more each) adds over
/// 350 MiB in CI's 120 s (about 18,000 edits after warm-up). Leaks of a few
/// hundred bytes per edit stay under it; the trend printed shows those.
const RSS_FACTOR: u64 = 2;
const RSS_SLACK_MB: u64 = 32;

/// The longest any one answer may take before the test calls the server hung.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);

/// Requests in flight at once, to exercise the server's concurrent handlers.
const MAX_IN_FLIGHT: usize = 8;

/// Lines typed into the documents: typical slips (misspelt events, curly
/// quotes, impossible and out-of-order dates, unknown IDs) and ordinary lines.
const LINES: &[&str] = &[
    "2024-03-04 stage1.recieved \"Complaint logged\"",
    "2024-03-05 stage1.response “Reply sent”",
    "2024-05-02 stage2.adjudication ‘Accepted’",
    "2023-01-05 stage2.requested",
    "2024-13-01 stage1.response",
    "2024-02-30 stage2.report",
    "2024-06 ombudsman.decison",
    "2024-06-10 ombudsman.decision \"Fault causing injustice\"",
    "2024-07 stage2.reqested",
    "? stage3.panel",
    "2024-04-01 stage3.requested",
    "2024-04-02 corporate.received",
    "2024-05-20 corporate.respnse",
    "2024-08-01 done o1",
    "2024-08-02 done zz",
    "2025-01-15 note \"chased by phone\"",
    "  rec r9 within 4w \"Apologise in writing\"",
    "  promise p9 by 2024-09-30 “Fix the boiler”",
    "  rec o1 within 1m \"Pay £300\"",
    "  agree a b",
    "  > the letter says “received on the 3rd”",
    "# caseline: allow deadline-missed \"agreed with the Ombudsman\"",
    "# a comment",
    "  extended 2024-03-01",
    "  as-of 2025-01-01",
    "2024-02-29 stage1.received \"leap day\" 😀",
    "2024\u{2011}03\u{2011}01 stage1.response",
    "",
];

/// Characters typed one at a time: letters, digits, quotes straight and
/// curly, tabs, non-ASCII (one and two UTF-16 units) and the language's marks.
const CHARS: &[&str] = &[
    "a", "e", "s", "1", "0", "-", ".", " ", "  ", "\"", "“", "”", "‘", "’", "\t", "£", "é", "😀",
    "?", "#", ">", "\n", "w", "d", "2024-", "stage", "rec ",
];

const EVENTS: &[&str] = &[
    "stage1.received",
    "stage1.recieved",
    "stage2.requested",
    "stage2.adjudication",
    "ombudsman.decision",
    "ombudsman.descision",
    "corporate.response",
    "assessment.completed",
];

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    match v.trim().parse() {
        Ok(n) => Some(n),
        Err(_) => panic!("{name}={v:?} is not a whole number"),
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `caseline` binary: `CASELINE_BIN`, or built now with the tests' cargo.
fn caseline_bin() -> PathBuf {
    if let Some(path) = std::env::var_os("CASELINE_BIN") {
        return PathBuf::from(path);
    }
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "-p",
            "caseline",
            "--message-format=json",
        ])
        .current_dir(workspace_root())
        .output()
        .expect("running cargo build -p caseline");
    assert!(
        out.status.success(),
        "cargo build -p caseline failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v["reason"] == "compiler-artifact" && v["target"]["name"] == "caseline")
        .find_map(|v| v["executable"].as_str().map(PathBuf::from))
        .expect("cargo reported the caseline executable")
}

/// VmRSS of a process in KiB (Linux), or None where /proc is unavailable.
fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or("unavailable".to_owned(), |k| {
        format!("{:.1} MiB", k as f64 / 1024.0)
    })
}

/// What the server published for one document.
#[derive(Default, Clone)]
struct Published {
    version: Option<i64>,
    diagnostics: Vec<Value>,
}

#[derive(Default)]
struct Shared {
    published: HashMap<String, Published>,
    /// Every publish, to tell when the server has gone quiet.
    publishes: u64,
    /// Published diagnostics saying the check failed (a bug).
    internal_diagnostics: Vec<String>,
}

/// A client over the child's stdio that keeps only what the soak needs:
/// the last diagnostics per document (not every message, which would make
/// the test itself grow), and a waiter per request.
struct Client {
    out: mpsc::UnboundedSender<Value>,
    waiting: Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>,
    shared: Arc<Mutex<Shared>>,
    next_id: i64,
}

impl Client {
    fn connect<R, W>(read: R, mut write: W) -> Client
    where
        R: tokio::io::AsyncRead + Send + Unpin + 'static,
        W: tokio::io::AsyncWrite + Send + Unpin + 'static,
    {
        let (out, mut out_rx) = mpsc::unbounded_channel::<Value>();
        tokio::spawn(async move {
            while let Some(msg) = out_rx.recv().await {
                if write_frame(&mut write, &msg).await.is_err() {
                    break;
                }
            }
        });
        let waiting: Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>> = Arc::default();
        let shared: Arc<Mutex<Shared>> = Arc::default();
        let reply = out.clone();
        let (w, s) = (waiting.clone(), shared.clone());
        tokio::spawn(async move {
            let mut read = BufReader::new(read);
            while let Some(msg) = read_frame(&mut read).await {
                if msg.get("method").is_some() && msg.get("id").is_some() {
                    // A request from the server (registerCapability): accept it.
                    let _ = reply.send(json!({"jsonrpc": "2.0", "id": msg["id"], "result": null}));
                } else if msg["method"] == "textDocument/publishDiagnostics" {
                    let p = &msg["params"];
                    let diagnostics = p["diagnostics"].as_array().cloned().unwrap_or_default();
                    let mut s = s.lock().unwrap();
                    for d in &diagnostics {
                        let m = d["message"].as_str().unwrap_or("");
                        if m.contains("internal error") && s.internal_diagnostics.len() < 20 {
                            s.internal_diagnostics.push(format!("{}: {m}", p["uri"]));
                        }
                    }
                    s.publishes += 1;
                    s.published.insert(
                        p["uri"].as_str().unwrap_or("").to_owned(),
                        Published {
                            version: p["version"].as_i64(),
                            diagnostics,
                        },
                    );
                } else if let Some(id) = msg["id"].as_i64()
                    && msg.get("method").is_none()
                    && let Some(tx) = w.lock().unwrap().remove(&id)
                {
                    let _ = tx.send(msg);
                }
            }
        });
        Client {
            out,
            waiting,
            shared,
            next_id: 1,
        }
    }

    fn notify(&self, method: &str, params: Value) {
        let _ = self
            .out
            .send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn send(&mut self, method: &str, params: Value) -> oneshot::Receiver<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let (tx, rx) = oneshot::channel();
        self.waiting.lock().unwrap().insert(id, tx);
        let _ = self
            .out
            .send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        rx
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let rx = self.send(method, params);
        answer(method, rx).await
    }
}

async fn answer(method: &str, rx: oneshot::Receiver<Value>) -> Value {
    tokio::time::timeout(ANSWER_TIMEOUT, rx)
        .await
        .unwrap_or_else(|_| panic!("{method}: no answer within {ANSWER_TIMEOUT:?}"))
        .unwrap_or_else(|_| panic!("{method}: the server went away"))
}

/// One open document as the client sees it.
struct Doc {
    uri: String,
    /// The name `caseline check` gets (relative to the scratch folder).
    rel: String,
    original: String,
    text: String,
    version: i64,
}

impl Doc {
    /// A random position on a character boundary, as (line, UTF-16 column).
    fn position(&self, rng: &mut Rng) -> (u32, u32) {
        let bounds: Vec<usize> = (0..=self.text.len())
            .filter(|&i| self.text.is_char_boundary(i))
            .collect();
        line_col(&self.text, bounds[rng.below(bounds.len())], Encoding::Utf16)
    }

    /// The byte range of line `n` without its line break.
    fn line_span(&self, n: usize) -> (usize, usize) {
        let mut start = 0;
        for (i, line) in self.text.split_inclusive('\n').enumerate() {
            if i == n {
                let body = line.trim_end_matches('\n').trim_end_matches('\r');
                return (start, start + body.len());
            }
            start += line.len();
        }
        (self.text.len(), self.text.len())
    }

    fn line_count(&self) -> usize {
        self.text.split_inclusive('\n').count().max(1)
    }

    /// Recommendation and promise IDs (where the defining lines are intact).
    fn ids(&self) -> Vec<(String, (u32, u32))> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in self.text.split_inclusive('\n') {
            for kw in ["  rec ", "  promise "] {
                if let Some(rest) = line.strip_prefix(kw) {
                    let id: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    if !id.is_empty() {
                        let at = line_col(&self.text, start + kw.len(), Encoding::Utf16);
                        out.push((id, at));
                    }
                }
            }
            start += line.len();
        }
        out
    }
}

fn utf16(text: &str, byte: usize) -> Value {
    let (l, c) = line_col(text, byte, Encoding::Utf16);
    json!({"line": l, "character": c})
}

/// One content change replacing bytes `a..b` of `doc.text` with `new`.
fn change_event(doc: &Doc, a: usize, b: usize, new: &str) -> Value {
    json!({"range": {"start": utf16(&doc.text, a), "end": utf16(&doc.text, b)}, "text": new})
}

/// A random edit of `doc` as the content changes of one `didChange`; applies
/// it to `doc.text`. Returns its kind.
fn random_edit(doc: &mut Doc, rng: &mut Rng) -> (&'static str, Value) {
    // Keep documents near their size so memory can be compared over time.
    let grown = doc.text.len() > 2 * doc.original.len() + 400;
    // A grown document loses a line or goes back to its original text.
    let pick = match (grown, rng.below(100)) {
        (true, n) if n < 80 => 65,
        (true, _) => 99,
        (false, n) => n,
    };
    let (kind, changes): (&'static str, Vec<(usize, usize, String)>) = match pick {
        0..=29 => {
            // Type a few characters somewhere.
            let at = char_boundary(doc, rng);
            let n = 1 + rng.below(3);
            let s: String = (0..n).map(|_| CHARS[rng.below(CHARS.len())]).collect();
            ("type", vec![(at, at, s)])
        }
        30..=49 => {
            // Delete 1 to 6 characters (possibly a line break).
            let a = char_boundary(doc, rng);
            let b = doc.text[a..]
                .char_indices()
                .nth(1 + rng.below(6))
                .map_or(doc.text.len(), |(i, _)| a + i);
            ("delete", vec![(a, b, String::new())])
        }
        50..=64 => {
            // Insert a whole line, at the start of a line.
            let n = rng.below(doc.line_count() + 1);
            let (a, _) = doc.line_span(n);
            let line = if rng.below(3) == 0 {
                // A copy of another line of the document.
                let (s, e) = doc.line_span(rng.below(doc.line_count()));
                doc.text[s..e].to_owned()
            } else {
                LINES[rng.below(LINES.len())].to_owned()
            };
            ("insert line", vec![(a, a, format!("{line}\n"))])
        }
        65..=74 => {
            // Delete a whole line.
            let n = rng.below(doc.line_count());
            let (a, b) = doc.line_span(n);
            let b = (b + 1).min(doc.text.len());
            ("delete line", vec![(a, b, String::new())])
        }
        75..=82 => {
            // Change an entry's date (often out of order, sometimes impossible).
            let n = rng.below(doc.line_count());
            let (a, b) = doc.line_span(n);
            let line = &doc.text[a..b];
            let is_date = line.len() >= 10
                && line.as_bytes()[..10].iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            let date = format!(
                "{}-{:02}-{:02}",
                2022 + rng.below(4),
                1 + rng.below(12),
                1 + rng.below(31)
            );
            if is_date {
                ("redate", vec![(a, a + 10, date)])
            } else {
                ("redate", vec![(a, a, format!("{date} "))])
            }
        }
        83..=89 => {
            // Retype an entry's event (often misspelt).
            let n = rng.below(doc.line_count());
            let (a, b) = doc.line_span(n);
            let line = &doc.text[a..b];
            let event = EVENTS[rng.below(EVENTS.len())];
            match line.split_once(' ') {
                Some((date, rest))
                    if date.starts_with(|c: char| c.is_ascii_digit() || c == '?') =>
                {
                    let ev_start = a + date.len() + 1;
                    let ev_len = rest.find(' ').unwrap_or(rest.len());
                    (
                        "retype event",
                        vec![(ev_start, ev_start + ev_len, event.to_owned())],
                    )
                }
                _ => (
                    "retype event",
                    vec![(a, a, format!("2024-06-01 {event}\n"))],
                ),
            }
        }
        90..=96 => {
            // Several changes in one notification, each relative to the
            // text after the one before (from the end, as editors send them).
            let mut spans = Vec::new();
            let mut at = doc.text.len();
            for _ in 0..2 + rng.below(3) {
                let bounds: Vec<usize> =
                    (0..=at).filter(|&i| doc.text.is_char_boundary(i)).collect();
                at = bounds[rng.below(bounds.len())];
                let end = doc.text[at..]
                    .char_indices()
                    .nth(rng.below(3))
                    .map_or(doc.text.len(), |(i, _)| at + i);
                let end = at.max(end.min(at + 2));
                spans.push((at, end, CHARS[rng.below(CHARS.len())].to_owned()));
            }
            // Overlaps are avoided by applying them one after another below.
            ("several", spans)
        }
        _ => {
            // Back to the original text, as a full replacement.
            doc.text = doc.original.clone();
            return ("reset", json!([{"text": doc.original}]));
        }
    };
    let mut events = Vec::new();
    for (a, b, new) in changes {
        let (a, b) = (
            a.min(doc.text.len()),
            b.min(doc.text.len()).max(a.min(doc.text.len())),
        );
        if !doc.text.is_char_boundary(a) || !doc.text.is_char_boundary(b) {
            continue;
        }
        events.push(change_event(doc, a, b, &new));
        doc.text.replace_range(a..b, &new);
    }
    (kind, Value::Array(events))
}

fn char_boundary(doc: &Doc, rng: &mut Rng) -> usize {
    let bounds: Vec<usize> = (0..=doc.text.len())
        .filter(|&i| doc.text.is_char_boundary(i))
        .collect();
    bounds[rng.below(bounds.len())]
}

/// Tallies and failures.
#[derive(Default)]
struct Tally {
    requests: BTreeMap<&'static str, u64>,
    edits: BTreeMap<&'static str, u64>,
    applied: BTreeMap<&'static str, u64>,
    refused_renames: u64,
    failures: Vec<String>,
}

impl Tally {
    /// Checks one answer: a result, or a refused rename; never an internal
    /// error, and no other error either.
    fn judge(&mut self, method: &'static str, params: &Value, reply: &Value) {
        *self.requests.entry(method).or_default() += 1;
        let Some(err) = reply.get("error") else {
            return;
        };
        let code = err["code"].as_i64().unwrap_or(0);
        if method == "textDocument/rename" && code == -32602 {
            self.refused_renames += 1;
            return;
        }
        if self.failures.len() < 30 {
            let what = if code == -32603 {
                "INTERNAL ERROR"
            } else {
                "error"
            };
            self.failures
                .push(format!("{method} {what}: {err}\n    params: {params}"));
        }
    }
}

struct InFlight {
    method: &'static str,
    params: Value,
    rx: oneshot::Receiver<Value>,
}

async fn settle(tally: &mut Tally, in_flight: &mut Vec<InFlight>) {
    for f in in_flight.drain(..) {
        let reply = answer(f.method, f.rx).await;
        tally.judge(f.method, &f.params, &reply);
    }
}

/// Applies the edits of a WorkspaceEdit (`changes`) or TextEdit[] to `doc`
/// and sends them as one `didChange`, the way an editor does.
fn apply_edits(c: &Client, doc: &mut Doc, edits: &[Value]) -> bool {
    if edits.is_empty() {
        return false;
    }
    let new = apply_text_edits(&doc.text, edits, Encoding::Utf16);
    if new == doc.text {
        return false;
    }
    // Sent as content changes from the last edit to the first, so each is
    // still relative to the text the server has.
    let mut sorted: Vec<&Value> = edits.iter().collect();
    sorted.sort_by_key(|e| {
        std::cmp::Reverse((
            e["range"]["start"]["line"].as_u64(),
            e["range"]["start"]["character"].as_u64(),
        ))
    });
    let changes: Vec<Value> = sorted
        .iter()
        .map(|e| json!({"range": e["range"], "text": e["newText"]}))
        .collect();
    doc.text = new;
    doc.version += 1;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": changes}),
    );
    true
}

fn workspace_edits(edit: &Value, uri: &str) -> Vec<Value> {
    edit["changes"][uri].as_array().cloned().unwrap_or_default()
}

/// One finding reduced to what both front ends say: rule, 1-based line and
/// column (characters) of its start and end, severity, message.
type Finding = (String, u64, u64, u64, u64, String, String);

fn from_lsp(text: &str, diags: &[Value]) -> Vec<Finding> {
    let index = LineIndex::new(text);
    let n = |v: &Value| v.as_u64().unwrap_or(u64::MAX) as u32;
    let at = |p: &Value| {
        let off = index.offset(
            LineCol {
                line: n(&p["line"]),
                col: n(&p["character"]),
            },
            Encoding::Utf16,
        );
        let (l, c) = index.display_position(off);
        (u64::from(l), u64::from(c))
    };
    let mut out: Vec<Finding> = diags
        .iter()
        .map(|d| {
            let (l, c) = at(&d["range"]["start"]);
            let (el, ec) = at(&d["range"]["end"]);
            let severity = match d["severity"].as_u64() {
                Some(1) => "error",
                Some(2) => "warning",
                Some(3) => "info",
                Some(4) => "hint",
                _ => "?",
            };
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                l,
                c,
                el,
                ec,
                severity.to_owned(),
                d["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

/// `caseline check --format json` on the final texts, written to a scratch
/// folder in the same layout: findings by relative path.
fn cli_findings(bin: &Path, docs: &[Doc]) -> HashMap<String, Vec<Finding>> {
    let dir = std::env::temp_dir().join(format!("caseline-soak-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for d in docs {
        let path = dir.join(&d.rel);
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("scratch folder");
        std::fs::write(&path, &d.text).expect("writing a final text");
    }
    let out = std::process::Command::new(bin)
        .args(["check", "--format", "json", "."])
        .current_dir(&dir)
        .output()
        .expect("running caseline check");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "caseline check failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("caseline check printed JSON");
    let mut by_path: HashMap<String, Vec<Finding>> = HashMap::new();
    for d in report["diagnostics"].as_array().into_iter().flatten() {
        let path = d["path"].as_str().unwrap_or("");
        let path = path.strip_prefix("./").unwrap_or(path).to_owned();
        let n = |k: &str| d[k].as_u64().unwrap_or(0);
        by_path.entry(path).or_default().push((
            d["code"].as_str().unwrap_or("").to_owned(),
            n("line"),
            n("column"),
            n("end_line"),
            n("end_column"),
            d["severity"].as_str().unwrap_or("").to_owned(),
            d["message"].as_str().unwrap_or("").to_owned(),
        ));
    }
    for v in by_path.values_mut() {
        v.sort();
    }
    by_path
}

fn sample_docs() -> Vec<Doc> {
    let cases = workspace_root().join("tests/cases");
    let mut rels: Vec<String> = std::fs::read_dir(&cases)
        .expect("tests/cases")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".case"))
        .collect();
    rels.sort();
    rels.push("definitions/corporate.case".to_owned());
    rels.into_iter()
        .map(|rel| {
            let text = std::fs::read_to_string(cases.join(&rel)).expect("a sample case");
            Doc {
                uri: format!("file:///soak/{rel}"),
                rel,
                original: text.clone(),
                text,
                version: 1,
            }
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn soak_the_server_with_random_edits_and_requests() {
    let seconds = env_u64("CASELINE_SOAK_SECONDS").unwrap_or(if under_ci() { 120 } else { 10 });
    let max_ops = env_u64("CASELINE_SOAK_OPS").unwrap_or(u64::MAX);
    let seed = env_u64("CASELINE_SOAK_SEED").unwrap_or_else(|| {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64);
        (t ^ (u64::from(std::process::id()) << 32)) | 1
    });
    let seed = seed.max(1);
    let bin = caseline_bin();
    eprintln!(
        "soak: {seconds} s, seed {seed} (CASELINE_SOAK_SEED={seed} to replay), binary {}",
        bin.display()
    );

    let mut child = tokio::process::Command::new(&bin)
        .arg("lsp")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the binary starts");
    let pid = child.id().expect("the server's pid");
    let (Some(stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        panic!("piped stdio");
    };
    // The server's log: drained (a full pipe would block it), panics kept.
    let panics: Arc<Mutex<Vec<String>>> = Arc::default();
    let log_errors = Arc::new(Mutex::new(0u64));
    {
        let (panics, log_errors) = (panics.clone(), log_errors.clone());
        tokio::spawn(async move {
            let mut lines = BufReader::new(stderr).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                if line.contains("ERROR") {
                    *log_errors.lock().unwrap() += 1;
                }
                let mut p = panics.lock().unwrap();
                if (line.contains("panicked") || line.contains("outside the text")) && p.len() < 20
                {
                    p.push(line);
                }
            }
        });
    }

    let mut c = Client::connect(stdout, stdin);
    let init = c
        .request(
            "initialize",
            // One workspace folder holding every document, as `caseline check .`
            // sees the scratch folder (it is not on disk: open buffers are all).
            json!({"processId": null, "capabilities": utf16_caps(),
                   "workspaceFolders": [{"uri": "file:///soak", "name": "soak"}]}),
        )
        .await;
    assert_eq!(init["result"]["serverInfo"]["name"], "caseline", "{init}");
    c.notify("initialized", json!({}));

    let mut docs = sample_docs();
    for d in &docs {
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": d.uri, "languageId": "caseline", "version": d.version, "text": d.text}}),
        );
    }
    // Opened and checked once: the starting point.
    wait_until_published(&c, &docs).await;
    let rss_start = rss_kib(pid);

    let mut rng = Rng(seed);
    let mut tally = Tally::default();
    let mut in_flight: Vec<InFlight> = Vec::new();
    let started = Instant::now();
    let total = Duration::from_secs(seconds);
    let warm_up = (total / 6).clamp(Duration::from_secs(2), Duration::from_secs(20));
    let mut rss_warm = None;
    let mut rss_peak = rss_start.unwrap_or(0);
    // RSS over time, one sample per second, to show the trend.
    let mut rss_trend: Vec<(u64, u64)> = Vec::new();
    let mut last_sample = Instant::now();
    let mut ops = 0u64;
    let mut fresh = 0u64;

    while started.elapsed() < total && ops < max_ops {
        ops += 1;
        if last_sample.elapsed() >= Duration::from_millis(500) {
            last_sample = Instant::now();
            let now = rss_kib(pid).unwrap_or(0);
            rss_peak = rss_peak.max(now);
            let t = started.elapsed().as_secs();
            if rss_trend.last().is_none_or(|(s, _)| *s < t) {
                rss_trend.push((t, now));
            }
        }
        if rss_warm.is_none() && started.elapsed() >= warm_up {
            settle(&mut tally, &mut in_flight).await;
            rss_warm = rss_kib(pid);
        }
        let d = rng.below(docs.len());
        // The definitions file is edited less: while it is broken every
        // document is checked without its procedure, which is legal but dull.
        let d = if docs[d].rel.starts_with("definitions/") && rng.below(4) != 0 {
            rng.below(docs.len() - 1)
        } else {
            d
        };
        let doc = &mut docs[d];
        let td = json!({"uri": doc.uri});
        match rng.below(100) {
            0..=44 => {
                let (kind, changes) = random_edit(doc, &mut rng);
                if changes.as_array().is_some_and(|a| !a.is_empty()) {
                    doc.version += 1;
                    c.notify(
                        "textDocument/didChange",
                        json!({"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": changes}),
                    );
                    *tally.edits.entry(kind).or_default() += 1;
                }
            }
            45..=84 => {
                let (method, params): (&'static str, Value) = match rng.below(8) {
                    0 | 1 => {
                        let (l, ch) = doc.position(&mut rng);
                        (
                            "textDocument/hover",
                            json!({"textDocument": td, "position": {"line": l, "character": ch}}),
                        )
                    }
                    2 | 3 => {
                        let (l, ch) = doc.position(&mut rng);
                        (
                            "textDocument/completion",
                            json!({"textDocument": td, "position": {"line": l, "character": ch}}),
                        )
                    }
                    4 => {
                        let n = doc.line_count() as u32;
                        let a = rng.below(n as usize) as u32;
                        (
                            "textDocument/inlayHint",
                            json!({"textDocument": td, "range": {"start": {"line": a, "character": 0}, "end": {"line": n + 1, "character": 0}}}),
                        )
                    }
                    5 => (
                        "textDocument/semanticTokens/full",
                        json!({"textDocument": td}),
                    ),
                    6 => {
                        let (l, ch) = doc.position(&mut rng);
                        if rng.below(2) == 0 {
                            (
                                "textDocument/definition",
                                json!({"textDocument": td, "position": {"line": l, "character": ch}}),
                            )
                        } else {
                            (
                                "textDocument/references",
                                json!({"textDocument": td, "position": {"line": l, "character": ch}, "context": {"includeDeclaration": true}}),
                            )
                        }
                    }
                    _ => match rng.below(3) {
                        0 => ("textDocument/documentSymbol", json!({"textDocument": td})),
                        1 => ("textDocument/foldingRange", json!({"textDocument": td})),
                        _ => ("textDocument/documentLink", json!({"textDocument": td})),
                    },
                };
                let rx = c.send(method, params.clone());
                in_flight.push(InFlight { method, params, rx });
                if in_flight.len() >= MAX_IN_FLIGHT {
                    settle(&mut tally, &mut in_flight).await;
                }
            }
            85..=91 => {
                // Quick fixes on some lines; apply one now and then.
                settle(&mut tally, &mut in_flight).await;
                let n = doc.line_count();
                let a = rng.below(n) as u32;
                let b = a + rng.below(4) as u32;
                let params = json!({"textDocument": td, "range": {"start": {"line": a, "character": 0}, "end": {"line": b, "character": 0}}, "context": {"diagnostics": []}});
                let reply = c.request("textDocument/codeAction", params.clone()).await;
                tally.judge("textDocument/codeAction", &params, &reply);
                let actions = reply["result"].as_array().cloned().unwrap_or_default();
                if !actions.is_empty() && rng.below(2) == 0 {
                    let action = &actions[rng.below(actions.len())];
                    let uri = doc.uri.clone();
                    if apply_edits(&c, doc, &workspace_edits(&action["edit"], &uri)) {
                        *tally.applied.entry("quick fix").or_default() += 1;
                    }
                }
            }
            92..=96 => {
                // Rename an ID: to a fresh name, an invalid one, or one in use.
                settle(&mut tally, &mut in_flight).await;
                let ids = doc.ids();
                let (from, at) = if ids.is_empty() {
                    (String::new(), doc.position(&mut rng))
                } else {
                    ids[rng.below(ids.len())].clone()
                };
                let position = json!({"line": at.0, "character": at.1});
                let prepare = json!({"textDocument": td, "position": position});
                let reply = c
                    .request("textDocument/prepareRename", prepare.clone())
                    .await;
                tally.judge("textDocument/prepareRename", &prepare, &reply);
                let used: Vec<&String> = ids
                    .iter()
                    .map(|(id, _)| id)
                    .filter(|id| **id != from)
                    .collect();
                let new_name = match rng.below(4) {
                    0 if !used.is_empty() => used[rng.below(used.len())].clone(),
                    1 => "not an id".to_owned(),
                    _ => {
                        fresh += 1;
                        format!("s{fresh}")
                    }
                };
                let params = json!({"textDocument": td, "position": position, "newName": new_name});
                let reply = c.request("textDocument/rename", params.clone()).await;
                tally.judge("textDocument/rename", &params, &reply);
                if reply.get("error").is_none() && rng.below(2) == 0 {
                    let uri = doc.uri.clone();
                    if apply_edits(&c, doc, &workspace_edits(&reply["result"], &uri)) {
                        *tally.applied.entry("rename").or_default() += 1;
                    }
                }
            }
            _ => {
                settle(&mut tally, &mut in_flight).await;
                let params =
                    json!({"textDocument": td, "options": {"tabSize": 2, "insertSpaces": true}});
                let reply = c.request("textDocument/formatting", params.clone()).await;
                tally.judge("textDocument/formatting", &params, &reply);
                if rng.below(3) == 0 {
                    let edits = reply["result"].as_array().cloned().unwrap_or_default();
                    if apply_edits(&c, doc, &edits) {
                        *tally.applied.entry("formatting").or_default() += 1;
                    }
                }
            }
        }
    }
    settle(&mut tally, &mut in_flight).await;
    let elapsed = started.elapsed();

    // Renames onto an ID in use, on the original texts (where every ID is
    // known to be one): each must be refused with an error response.
    let mut must_refuse = 0;
    for doc in &mut docs {
        if doc.text != doc.original {
            doc.text = doc.original.clone();
            doc.version += 1;
            c.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": [{"text": doc.text}]}),
            );
            *tally.edits.entry("reset").or_default() += 1;
        }
        let ids = doc.ids();
        if ids.len() < 2 {
            continue;
        }
        let (_, at) = &ids[0];
        let params = json!({"textDocument": {"uri": doc.uri}, "position": {"line": at.0, "character": at.1}, "newName": ids[1].0});
        let reply = c.request("textDocument/rename", params.clone()).await;
        tally.judge("textDocument/rename", &params, &reply);
        assert_eq!(
            reply["error"]["code"], -32602,
            "renaming {} onto {} (in use) must be refused: {reply}",
            ids[0].0, ids[1].0
        );
        must_refuse += 1;
    }
    assert!(must_refuse >= 3, "the samples have IDs to rename");

    // A last round of random edits, so the final texts are not the originals.
    for _ in 0..docs.len() * 3 {
        let d = rng.below(docs.len() - 1);
        let doc = &mut docs[d];
        let (kind, changes) = random_edit(doc, &mut rng);
        if changes.as_array().is_some_and(|a| !a.is_empty()) {
            doc.version += 1;
            c.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": changes}),
            );
            *tally.edits.entry(kind).or_default() += 1;
        }
    }
    wait_until_published(&c, &docs).await;
    let rss_end = rss_kib(pid);
    rss_peak = rss_peak.max(rss_end.unwrap_or(0));

    let published = c.shared.lock().unwrap().published.clone();
    let cli = cli_findings(&bin, &docs);
    let _ = c.request("shutdown", json!(null)).await;
    c.notify("exit", json!(null));
    let status = tokio::time::timeout(ANSWER_TIMEOUT, child.wait())
        .await
        .expect("the server exits after `exit`")
        .expect("waiting for the server");

    let requests: u64 = tally.requests.values().sum();
    let edits: u64 = tally.edits.values().sum::<u64>() + tally.applied.values().sum::<u64>();
    eprintln!(
        "soak: {ops} operations in {:.1} s: {requests} requests, {edits} edits, {} documents",
        elapsed.as_secs_f64(),
        docs.len()
    );
    for (k, v) in &tally.requests {
        eprintln!("  request {k}: {v}");
    }
    eprintln!(
        "  renames refused (ID in use or invalid): {}",
        tally.refused_renames
    );
    for (k, v) in &tally.edits {
        eprintln!("  edit {k}: {v}");
    }
    for (k, v) in &tally.applied {
        eprintln!("  applied {k} edit: {v}");
    }
    eprintln!(
        "  server log lines at ERROR level: {} (refused renames are logged there)",
        log_errors.lock().unwrap()
    );
    eprintln!(
        "soak: server RSS at start {}, after {:.0} s warm-up {}, peak sampled {}, at end {}",
        mib(rss_start),
        warm_up.as_secs_f64(),
        mib(rss_warm),
        mib(Some(rss_peak)),
        mib(rss_end)
    );
    let step = rss_trend.len().div_ceil(12).max(1);
    let trend: Vec<String> = rss_trend
        .iter()
        .step_by(step)
        .map(|(t, k)| format!("{t}s {:.1}", *k as f64 / 1024.0))
        .collect();
    eprintln!("soak: RSS (MiB) over time: {}", trend.join(", "));
    eprintln!(
        "soak: seed {seed}, {ops} operations (CASELINE_SOAK_SEED={seed} CASELINE_SOAK_OPS={ops} to replay)"
    );

    assert!(
        tally.failures.is_empty(),
        "requests failed (seed {seed}):\n{}",
        tally.failures.join("\n")
    );
    let panics = panics.lock().unwrap().clone();
    assert!(
        panics.is_empty(),
        "the server logged:\n{}",
        panics.join("\n")
    );
    let internal = c.shared.lock().unwrap().internal_diagnostics.clone();
    assert!(
        internal.is_empty(),
        "the server published internal errors:\n{}",
        internal.join("\n")
    );
    assert!(status.success(), "the server exited with {status}");

    if let (Some(warm), Some(end)) = (rss_warm.or(rss_start), rss_end) {
        let bound = RSS_FACTOR * warm + RSS_SLACK_MB * 1024;
        assert!(
            end <= bound,
            "the server's memory grew: {} at the end, warmed up {}, bound {} (seed {seed})",
            mib(Some(end)),
            mib(Some(warm)),
            mib(Some(bound))
        );
    } else if under_ci() {
        panic!("no /proc/PID/status here: under CI the memory check must run");
    } else {
        eprintln!("SKIPPED: the memory check (no /proc/PID/status)");
    }

    // The last diagnostics for each document are what `caseline check` says.
    let mut mismatches = Vec::new();
    for d in &docs {
        let got = published.get(&d.uri).cloned().unwrap_or_default();
        assert_eq!(got.version, Some(d.version), "{}: last publish", d.uri);
        let lsp = from_lsp(&d.text, &got.diagnostics);
        let want = cli.get(&d.rel).cloned().unwrap_or_default();
        if lsp != want {
            mismatches.push(format!(
                "{}:\n  server: {lsp:#?}\n  caseline check: {want:#?}\n  text:\n{}",
                d.rel, d.text
            ));
        }
    }
    assert!(
        mismatches.is_empty(),
        "final diagnostics differ from caseline check (seed {seed}):\n{}",
        mismatches.join("\n")
    );
}

/// Waits until the server has published every document's current version
/// and then nothing more for a moment (a definitions change republishes all).
async fn wait_until_published(c: &Client, docs: &[Doc]) {
    let deadline = Instant::now() + ANSWER_TIMEOUT;
    let mut quiet_since: Option<(Instant, u64)> = None;
    loop {
        let (all, count) = {
            let s = c.shared.lock().unwrap();
            let all = docs.iter().all(|d| {
                s.published
                    .get(&d.uri)
                    .is_some_and(|p| p.version == Some(d.version))
            });
            (all, s.publishes)
        };
        match quiet_since {
            Some((since, n)) if all && n == count => {
                if since.elapsed() >= Duration::from_millis(300) {
                    return;
                }
            }
            _ => quiet_since = all.then(|| (Instant::now(), count)),
        }
        assert!(
            Instant::now() < deadline,
            "the server did not publish every document's last version within {ANSWER_TIMEOUT:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
