//! Helpers shared by the e2e tests: sample texts, what `caseline check` says
//! about a text (converted to LSP-shaped tuples through the one `LineIndex`),
//! and applying edits on the test's side.

#![allow(dead_code)]

use caseline_check::{CheckOptions, Config, Definitions, Severity};
use caseline_syntax::{Encoding, LineCol, LineIndex, TextSize};
use serde_json::Value;

pub const KENT_URI: &str = "file:///cases/kent-24-003-873.case";

pub fn kent() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/cases/kent-24-003-873.case"
    );
    std::fs::read_to_string(path).expect("the sample case is in tests/cases")
}

/// One diagnostic reduced to what we compare: range (UTF-16), code, severity, message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diag {
    pub start: (u64, u64),
    pub end: (u64, u64),
    pub code: String,
    pub severity: u64,
    pub message: String,
}

/// What the server must publish for `text`: `check` with the built-in
/// definitions, default configuration and today's date, like `caseline check`.
pub fn expected(text: &str, enc: Encoding) -> Vec<Diag> {
    let parse = caseline_syntax::parse(text);
    let opts = CheckOptions {
        today: chrono::Local::now().date_naive(),
        as_of_override: None,
        config: Config::from_toml("").unwrap_or_default(),
    };
    // A definitions file is also part of the workspace's definitions, and its
    // problems (conflicts, cycles, unknown names) are shown on it.
    let doc = parse.document();
    let is_definitions = doc.header.is_none()
        && doc.entries.is_empty()
        && (!doc.procedures.is_empty() || !doc.calendars.is_empty());
    let (defs, problems) = if is_definitions {
        Definitions::with_workspace(&[("this file".to_owned(), &parse)])
    } else {
        (Definitions::builtin(), Vec::new())
    };
    let analysis = caseline_check::check(&parse, &defs, &opts);
    let mut all = analysis.diagnostics.clone();
    for (_, d) in problems {
        if !all.contains(&d) {
            all.push(d);
        }
    }
    let index = parse.line_index();
    let mut out: Vec<Diag> = all
        .iter()
        .map(|d| {
            let (a, b) = index.range_to_line_cols(d.range, enc);
            Diag {
                start: (a.line.into(), a.col.into()),
                end: (b.line.into(), b.col.into()),
                code: d.rule.name().to_owned(),
                severity: match d.severity {
                    Severity::Error => 1,
                    Severity::Warning => 2,
                    Severity::Info => 3,
                    Severity::Hint => 4,
                },
                message: d.message.clone(),
            }
        })
        .collect();
    out.sort();
    out
}

pub fn from_lsp(diags: &[Value]) -> Vec<Diag> {
    let n = |v: &Value| v.as_u64().unwrap_or(u64::MAX);
    let mut out: Vec<Diag> = diags
        .iter()
        .map(|d| Diag {
            start: (
                n(&d["range"]["start"]["line"]),
                n(&d["range"]["start"]["character"]),
            ),
            end: (
                n(&d["range"]["end"]["line"]),
                n(&d["range"]["end"]["character"]),
            ),
            code: d["code"].as_str().unwrap_or("").to_owned(),
            severity: n(&d["severity"]),
            message: d["message"].as_str().unwrap_or("").to_owned(),
        })
        .collect();
    out.sort();
    out
}

/// Applies an LSP-style edit (positions in `enc`) to `text`, the way an editor does.
pub fn apply(
    text: &str,
    start: (u32, u32),
    end: (u32, u32),
    new_text: &str,
    enc: Encoding,
) -> String {
    let index = LineIndex::new(text);
    let a = index.offset(
        LineCol {
            line: start.0,
            col: start.1,
        },
        enc,
    );
    let b = index.offset(
        LineCol {
            line: end.0,
            col: end.1,
        },
        enc,
    );
    let mut s = text.to_owned();
    s.replace_range(usize::from(a)..usize::from(b), new_text);
    s
}

/// The (line, column) of a byte offset in `enc`.
pub fn line_col(text: &str, offset: usize, enc: Encoding) -> (u32, u32) {
    let lc = LineIndex::new(text).line_col(TextSize::from(offset as u32), enc);
    (lc.line, lc.col)
}

/// Applies the edits of a `WorkspaceEdit`/`TextEdit[]` (all relative to the
/// original text, non-overlapping) to `text`.
pub fn apply_text_edits(text: &str, edits: &[Value], enc: Encoding) -> String {
    let index = LineIndex::new(text);
    let n = |v: &Value| v.as_u64().unwrap_or(0) as u32;
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r = &e["range"];
            let a = index.offset(
                LineCol {
                    line: n(&r["start"]["line"]),
                    col: n(&r["start"]["character"]),
                },
                enc,
            );
            let b = index.offset(
                LineCol {
                    line: n(&r["end"]["line"]),
                    col: n(&r["end"]["character"]),
                },
                enc,
            );
            (
                usize::from(a),
                usize::from(b),
                e["newText"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut s = text.to_owned();
    for (a, b, t) in spans {
        s.replace_range(a..b, &t);
    }
    s
}

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
