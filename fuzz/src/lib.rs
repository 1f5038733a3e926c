//! Shared code of the fuzz targets: the checks every input must pass (no panic,
//! diagnostics inside the text), the oracles (incremental == fresh parse; the
//! formatter is idempotent and keeps every meaningful token), and the
//! structure-aware timeline generator.
//!
//! A failed oracle panics, which libFuzzer records as a crash. Depends only on
//! the libraries (never on LSP or terminal code).

pub mod timeline;

use caseline_check::{Analysis, CheckOptions, Config, Definitions, Diagnostic, check};
use caseline_syntax::{Highlight, Parse, SyntaxErrorKind, format, highlights, parse};
use chrono::NaiveDate;

/// A fixed "today", so a crash reproduces on any day.
pub fn options() -> CheckOptions {
    CheckOptions {
        today: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default(),
        as_of_override: None,
        config: Config::default(),
    }
}

/// Parse + check with the built-in definitions, then again treating the file as
/// a workspace definitions file (procedures and calendars it defines), asserting
/// every diagnostic points into the text.
pub fn parse_and_check(text: &str) -> (Parse, Analysis) {
    let p = parse(text);
    let analysis = check(&p, &Definitions::builtin(), &options());
    assert_in_text(&p, &analysis.diagnostics);
    let (defs, problems) = Definitions::with_workspace(&[("fuzz.case".to_string(), &p)]);
    let problems: Vec<Diagnostic> = problems.into_iter().map(|(_, d)| d).collect();
    assert_in_text(&p, &problems);
    let with_defs = check(&p, &defs, &options());
    assert_in_text(&p, &with_defs.diagnostics);
    // The editor features that walk the tree must not panic either.
    let _ = highlights(&p);
    let _ = caseline_syntax::folding_ranges(&p);
    (p, analysis)
}

pub fn assert_in_text(p: &Parse, diagnostics: &[Diagnostic]) {
    let text = p.text();
    for d in diagnostics {
        let (s, e) = (usize::from(d.range.start()), usize::from(d.range.end()));
        assert!(
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e),
            "{} diagnostic at {s}..{e} is outside the text ({} bytes) or splits a character",
            d.rule.name(),
            text.len()
        );
        assert!(!d.message.is_empty(), "{} has no message", d.rule.name());
    }
}

/// The meaningful tokens of a text, in order: (kind, text). Whitespace around
/// them is not meaningful (the formatter owns it); what is inside them is.
pub fn tokens(p: &Parse) -> Vec<(Highlight, String)> {
    let text = p.text();
    highlights(p)
        .into_iter()
        .filter(|(_, h)| !matches!(h, Highlight::Punctuation | Highlight::Operator))
        .map(|(r, h)| (h, text[r].trim_end().to_string()))
        .collect()
}

/// The formatter oracle: idempotent, only whitespace changes, and the same
/// meaningful tokens before and after (their text compared exactly, so the
/// spacing inside strings, comments and prose is kept).
pub fn check_format(text: &str) {
    let once = format(text);
    let twice = format(&once);
    assert!(
        once == twice,
        "format is not idempotent\n--- input\n{text:?}\n--- once\n{once:?}\n--- twice\n{twice:?}"
    );
    // Only whitespace changes, and only whitespace that is there: the words
    // (runs of non-whitespace) are the same, so no word is split or joined,
    // even one the grammar reads as two tokens (`b#c`, `ti\u{7}tle`).
    assert!(
        text.split_whitespace().eq(once.split_whitespace()),
        "format changed more than whitespace, or split or joined a word\n--- input\n{text:?}\n--- output\n{once:?}"
    );
    // Tokens are compared where they mean something: in a file that parses
    // cleanly. On a line with a syntax error the formatter copies the bytes
    // (checked above), but how the parser recovers on such a line can depend on
    // what follows it (e.g. the final line ending the formatter adds), so its
    // highlight tokens are not a stable oracle.
    let parsed = parse(text);
    if parsed.errors().is_empty() {
        let formatted = parse(&once);
        assert!(
            formatted.errors().is_empty(),
            "format turned a clean file into one with errors\n--- input\n{text:?}\n--- output\n{once:?}\n--- errors\n{:?}",
            formatted.errors()
        );
        let before = tokens(&parsed);
        let after = tokens(&formatted);
        assert!(
            before == after,
            "format changed the tokens\n--- input\n{text:?}\n--- output\n{once:?}\n--- before\n{before:?}\n--- after\n{after:?}"
        );
    }
}

/// The `timeline` oracle: as `parse_and_check`, and a timeline the generator
/// wrote without deliberate errors must parse with no syntax error.
pub fn check_timeline(t: &timeline::Timeline) {
    let rendered = t.render();
    let (p, _analysis) = parse_and_check(&rendered.text);
    if !rendered.has_deliberate_errors {
        let syntax: Vec<_> = p
            .errors()
            .iter()
            .filter(|e| e.kind == SyntaxErrorKind::Syntax)
            .collect();
        assert!(
            syntax.is_empty(),
            "a well-formed timeline gave syntax errors\n--- text\n{}\n--- errors\n{:?}",
            rendered.text,
            syntax
        );
    }
}
