//! Benchmark (not a test): time from a one-character `didChange` to the
//! published diagnostics for a 5,000-entry document, over the same in-memory
//! JSON-RPC transport as the e2e tests, and the incremental-vs-full reparse
//! ratio. Run: `cargo bench -p caseline-lsp --bench did_change`.
//! Must not depend on server internals.

#![allow(clippy::print_stdout)] // Printing the figures is what a benchmark is for.

#[path = "../tests/e2e/harness.rs"]
mod harness;

use std::time::{Duration, Instant};

use caseline_syntax::{TextEdit, TextRange, TextSize};
use serde_json::json;

use harness::{TestClient, range, utf16_caps};

const ENTRIES: usize = 5_000;
const ROUNDS: usize = 60;

/// A realistic long timeline: repeated complaint cycles through the statutory
/// stages with promises and notes, dates moving forward.
fn document() -> String {
    let mut s = String::from(
        "case \"bench\"\n  title \"A long case\"\n  procedure children-statutory\n  as-of 2099-01-01\n\n",
    );
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 3).unwrap_or_default();
    let kinds = [
        "stage1.received",
        "stage1.response",
        "note",
        "stage2.requested",
        "stage2.report",
        "stage2.adjudication",
        "note",
        "done",
        "assessment.completed",
        "note",
    ];
    for i in 0..ENTRIES {
        let date = start + chrono::Duration::days(i as i64 * 2);
        let kind = kinds[i % kinds.len()];
        let cycle = i / kinds.len();
        match kind {
            "stage2.adjudication" => {
                s.push_str(&format!("{date} {kind} \"Adjudication {cycle}\"\n  promise p{cycle} within 10wd \"Write again\"\n"));
            }
            "done" => s.push_str(&format!("{date} done p{cycle}\n")),
            _ => s.push_str(&format!("{date} {kind} \"Entry {i}\"\n")),
        }
    }
    s
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn main() {
    let text = document();
    let lines = text.lines().count();
    println!(
        "document: {ENTRIES} entries, {lines} lines, {} bytes",
        text.len()
    );

    // 1. Reparse: full parse vs incremental reparse after one inserted character.
    let at = text.find("Entry 2500").map_or(0, |i| i + 6);
    let mut edited = text.clone();
    edited.insert(at, 'x');
    let edit = TextEdit {
        range: TextRange::empty(TextSize::from(at as u32)),
        new_text: "x".to_owned(),
    };
    let base = caseline_syntax::parse(&text);
    let reps = 20;
    let t = Instant::now();
    for _ in 0..reps {
        std::hint::black_box(caseline_syntax::parse(&edited));
    }
    let full = t.elapsed() / reps;
    let t = Instant::now();
    for _ in 0..reps {
        std::hint::black_box(base.reparse(std::slice::from_ref(&edit), &edited));
    }
    let incremental = t.elapsed() / reps;
    // What the server does: take the old parse by value (moving what it
    // reuses) and free the rest elsewhere. Copies made and freed untimed.
    let mut olds: Vec<_> = (0..reps).map(|_| base.clone()).collect();
    let mut kept = Vec::with_capacity(olds.len());
    let t = Instant::now();
    for old in olds.drain(..) {
        kept.push(old.reparse_owned(std::slice::from_ref(&edit), &edited));
    }
    let owned = t.elapsed() / reps;
    drop(kept);
    println!(
        "parse: full {full:?}, incremental {incremental:?} (taking the old parse by value: {owned:?}), ratio full/incremental {:.1}",
        full.as_secs_f64() / incremental.as_secs_f64().max(1e-9)
    );
    // The text handling a change costs besides the parse: a copy of the text
    // with the edit applied, and a new line index (docs/architecture.md,
    // "Open documents are strings, not ropes").
    let t = Instant::now();
    for _ in 0..reps {
        let mut copy = text.clone();
        copy.insert(at, 'x');
        std::hint::black_box(copy);
    }
    let copy = t.elapsed() / reps;
    let t = Instant::now();
    for _ in 0..reps {
        std::hint::black_box(caseline_syntax::LineIndex::new(&edited));
    }
    let index = t.elapsed() / reps;
    println!("text per change: copy with the edit {copy:?}, line index {index:?}");
    let defs = caseline_check::Definitions::builtin();
    let opts = caseline_check::CheckOptions {
        today: chrono::NaiveDate::from_ymd_opt(2099, 1, 1).unwrap_or_default(),
        as_of_override: None,
        config: caseline_check::Config::default(),
    };
    let t = Instant::now();
    for _ in 0..reps {
        std::hint::black_box(caseline_check::check(&base, &defs, &opts));
    }
    println!("check alone: {:?}", t.elapsed() / reps);

    // 2. End to end: one-character didChange -> publishDiagnostics for it.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        let uri = "file:///bench/long.case";
        let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
        c.open(uri, 1, &text);
        let first = c.diagnostics(uri, 1).await;
        println!("diagnostics on the document: {}", first.len());
        let index = caseline_syntax::LineIndex::new(&text);
        let here = index.line_col(TextSize::from(at as u32), caseline_syntax::Encoding::Utf16);
        let next = index.line_col(TextSize::from(at as u32 + 1), caseline_syntax::Encoding::Utf16);
        let (line, col, col_after) = (here.line, here.col, next.col);
        let mut samples = Vec::with_capacity(ROUNDS);
        for round in 0..ROUNDS {
            let version = round as i64 + 2;
            // Alternately type and delete one character inside a string.
            let change = if round % 2 == 0 {
                json!([{"range": range((line, col), (line, col)), "text": "x"}])
            } else {
                json!([{"range": range((line, col), (line, col_after)), "text": ""}])
            };
            let t = Instant::now();
            c.change(uri, version, change);
            c.diagnostics(uri, version).await;
            samples.push(t.elapsed());
        }
        samples.sort();
        // Requests an editor sends after each change, on the same document.
        for (method, params) in [
            ("textDocument/inlayHint", json!({"textDocument": {"uri": uri}, "range": range((0, 0), (line + 60, 0))})),
            ("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri}})),
            ("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}})),
            ("textDocument/foldingRange", json!({"textDocument": {"uri": uri}})),
        ] {
            let mut times: Vec<Duration> = Vec::new();
            for _ in 0..10 {
                let t = Instant::now();
                c.request(method, params.clone()).await;
                times.push(t.elapsed());
            }
            times.sort();
            println!("{method}: median {:?}", percentile(&times, 0.5));
        }
        println!(
            "didChange -> publishDiagnostics ({ROUNDS} rounds): median {:?}, p95 {:?}, min {:?}, max {:?}",
            percentile(&samples, 0.5),
            percentile(&samples, 0.95),
            samples.first().copied().unwrap_or_default(),
            samples.last().copied().unwrap_or_default(),
        );
    });
}
