//! Shared helpers for the bad-input tests (`bad_corpus.rs`, `bad_generated.rs`):
//! run parse + check the way the CLI does, turn findings into (line, rule)
//! pairs, time a step against a generous bound, check the invariants every
//! diagnostic must keep (its range lies in the text, on character boundaries,
//! and it has a message), and read `tests/bad/EXPECTED.md`.
//!
//! Must not depend on LSP or terminal code: only the libraries.
#![allow(dead_code)] // each test file uses its own subset of these helpers

#[path = "../../../../tests/support/expected.rs"]
mod expected_md;

use caseline_check::{Analysis, CheckOptions, Config, Definitions, Diagnostic, check};
use caseline_syntax::{Parse, parse};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long any single bad input may take in a debug build. Deliberately
/// generous (timing tests must never flake on a loaded CI machine); the real
/// numbers belong in benchmarks.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// The workspace root (where `tests/bad` lives).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The fixed "today" of these tests, so nothing depends on the clock.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).expect("a real day")
}

pub fn options() -> CheckOptions {
    CheckOptions {
        today: today(),
        as_of_override: None,
        config: Config::default(),
    }
}

/// Parses and checks `text` with the built-in definitions, as `caseline check`
/// does for a file with no workspace definitions.
pub fn check_text(text: &str) -> (Parse, Analysis) {
    let parse = parse(text);
    let analysis = check(&parse, &Definitions::builtin(), &options());
    (parse, analysis)
}

/// Runs `f`, failing the test if it takes longer than [`TIME_LIMIT`].
pub fn within_limit<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(
        took < TIME_LIMIT,
        "{what} took {took:?}, over the {TIME_LIMIT:?} limit"
    );
    out
}

/// 1-based line of a byte offset.
pub fn line_of(parse: &Parse, offset: text_size::TextSize) -> u32 {
    parse.line_index().line_of(offset) + 1
}

/// The findings as sorted (1-based line, rule name) pairs.
pub fn findings(parse: &Parse, diagnostics: &[Diagnostic]) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = diagnostics
        .iter()
        .map(|d| (line_of(parse, d.range.start()), d.rule.name().to_string()))
        .collect();
    out.sort();
    out
}

/// Every diagnostic points into the text (on character boundaries, so editors
/// and the CLI can show it) and says something.
pub fn assert_well_formed(what: &str, parse: &Parse, diagnostics: &[Diagnostic]) {
    let text = parse.text();
    for d in diagnostics {
        let (start, end) = (usize::from(d.range.start()), usize::from(d.range.end()));
        assert!(
            end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what}: {} has range {start}..{end}, outside the text ({} bytes) or inside a character",
            d.rule.name(),
            text.len()
        );
        assert!(
            !d.message.trim().is_empty(),
            "{what}: {} at {start}..{end} has no message",
            d.rule.name()
        );
        for r in &d.related {
            let (s, e) = (usize::from(r.range.start()), usize::from(r.range.end()));
            assert!(
                e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e),
                "{what}: related range {s}..{e} of {} is outside the text",
                d.rule.name()
            );
        }
    }
}

/// The per-file sections of `tests/bad/EXPECTED.md` (everything before its
/// `# Generated inputs` part), by file name.
pub fn expected() -> BTreeMap<String, expected_md::Section> {
    expected_md::read(&workspace_root().join("tests/bad/EXPECTED.md"), |rule| {
        caseline_check::Rule::from_name(rule).is_some()
    })
}
