//! The generated half of the bad-input corpus (tests/bad/EXPECTED.md, "Generated
//! inputs"): inputs too big or too repetitive to commit — 20 MB, 100,000
//! entries, a 50,000-character line, deep garbage, extreme years — built in
//! memory and run through parse + check. Each must give the expected findings
//! (rule and line), never panic, and finish within the generous time limit.
//!
//! Only the libraries; the CLI's handling of the same sizes is in
//! tests/cli/bad_inputs.rs.

mod common;

use caseline_syntax::SyntaxErrorKind;
use common::{assert_well_formed, check_text, findings, within_limit};
use std::fmt::Write;

/// Three lines, like every header here: `lgsco` names a procedure (so the
/// case is not `procedure-missing`) without stage events to judge.
const HEADER: &str = "case \"generated\"\n  procedure lgsco\n  as-of 2025-01-01\n";

/// `n` dated note entries, one per line, cycling through real days of 2024.
fn note_entries(n: usize) -> String {
    let mut text = String::from(HEADER);
    for i in 0..n {
        // Days 1..=28 of June, never decreasing, so there is no date-order finding.
        let _ = writeln!(
            text,
            "2024-06-{:02} note \"entry {i}\"",
            1 + (i * 28 / n.max(1))
        );
    }
    text
}

#[test]
fn one_hundred_thousand_entries() {
    let text = note_entries(100_000);
    let (parse, analysis) = within_limit("100,000 entries", || check_text(&text));
    assert_eq!(parse.document().entries.len(), 100_000);
    assert!(parse.errors().is_empty(), "{:?}", &parse.errors()[..1]);
    assert_well_formed("100,000 entries", &parse, &analysis.diagnostics);
    assert_eq!(
        findings(&parse, &analysis.diagnostics),
        Vec::<(u32, String)>::new()
    );
}

#[test]
fn a_twenty_megabyte_file() {
    // ~50 bytes a line: about 420,000 entries, all valid and in order.
    let mut text = String::from(HEADER);
    let mut i = 0usize;
    while text.len() < 20 * 1024 * 1024 {
        let _ = writeln!(
            text,
            "2024-06-{:02} note \"line {i:08} of a big file\"",
            1 + i / 20_000 % 28
        );
        i += 1;
    }
    let (parse, analysis) = within_limit("20 MB file", || check_text(&text));
    assert_eq!(parse.document().entries.len(), i);
    assert_eq!(
        findings(&parse, &analysis.diagnostics),
        Vec::<(u32, String)>::new()
    );
}

#[test]
fn a_fifty_thousand_character_line() {
    let long: String = "word ".repeat(10_000); // 50,000 characters
    // In a string, in prose, and as one 50,000-character ID after the kind (IDs
    // have no length limit): all read, and the ID on a `note` is the one finding
    // (`id-unexpected`: only `done`, `declined` and `partial` take IDs).
    let text = format!(
        "{HEADER}2024-06-03 note \"{long}\"\n  > {long}\n2024-06-04 note {}\n2024-06-05 note \"after\"\n",
        "x".repeat(50_000)
    );
    let (parse, analysis) = within_limit("50,000-character line", || check_text(&text));
    assert_well_formed("50,000-character line", &parse, &analysis.diagnostics);
    assert_eq!(
        findings(&parse, &analysis.diagnostics),
        vec![(6, "id-unexpected".to_string())]
    );
    assert_eq!(
        parse
            .document()
            .entries
            .get(1)
            .and_then(|e| e.ids.first())
            .map(|id| id.value.len()),
        Some(50_000),
        "the long ID is kept whole"
    );
    let entries = &parse.document().entries;
    assert_eq!(
        entries
            .first()
            .and_then(|e| e.text.as_ref())
            .map(|t| t.value.len()),
        Some(50_000),
        "the long string is kept whole"
    );
    assert!(
        entries
            .iter()
            .any(|e| e.text.as_ref().is_some_and(|t| t.value == "after")),
        "the entry after the long line still parses"
    );
}

#[test]
fn a_fifty_thousand_character_bare_word_is_one_syntax_error() {
    // A line that is nothing but one enormous token where a date should be.
    let text = format!(
        "{HEADER}{}\n2024-06-05 note \"after\"\n",
        "z".repeat(50_000)
    );
    let (parse, analysis) = within_limit("50,000-character word", || check_text(&text));
    assert_eq!(
        findings(&parse, &analysis.diagnostics),
        vec![(4, "syntax".to_string())]
    );
}

#[test]
fn deeply_repeated_garbage_gives_one_error_per_line() {
    let pieces = [
        "((((((((((",
        "\"\"\"\"\"\"",
        "2024-",
        "..",
        "]]]]",
        "{{}}",
        "@@",
    ];
    let mut text = String::from(HEADER);
    for i in 0..10_000 {
        text.push_str(pieces[i % pieces.len()]);
        text.push('\n');
    }
    let (parse, analysis) = within_limit("10,000 garbage lines", || check_text(&text));
    assert_well_formed("garbage", &parse, &analysis.diagnostics);
    let got = findings(&parse, &analysis.diagnostics);
    // Header is lines 1-3; garbage is lines 4..=10,003, one syntax error each.
    let want: Vec<(u32, String)> = (4..4 + 10_000).map(|l| (l, "syntax".to_string())).collect();
    assert_eq!(got.len(), want.len(), "one error per garbage line");
    assert_eq!(got, want);
}

#[test]
fn two_hundred_thousand_open_brackets_on_one_line() {
    let text = format!("{HEADER}{}\n", "(".repeat(200_000));
    let (parse, analysis) = within_limit("200,000 brackets", || check_text(&text));
    assert_eq!(
        findings(&parse, &analysis.diagnostics),
        vec![(4, "syntax".to_string())]
    );
}

#[test]
fn ever_deeper_indentation_never_panics() {
    // 2,000 child-looking lines, each indented one more space, under no block
    // and then under an entry: a deep staircase the parser must not recurse on.
    let mut text = String::new();
    for i in 0..2_000 {
        let _ = writeln!(text, "{}> step {i}", " ".repeat(i + 1));
    }
    text.push_str("2024-06-03 note\n");
    for i in 0..2_000 {
        let _ = writeln!(text, "{}> step {i}", " ".repeat(i + 1));
    }
    let (parse, analysis) = within_limit("deep indentation", || check_text(&text));
    assert_well_formed("deep indentation", &parse, &analysis.diagnostics);
    let mut got = findings(&parse, &analysis.diagnostics);
    // The entry has no case header above it: one `case-missing`, on it.
    let entry_line = 2_001;
    assert!(
        got.contains(&(entry_line, "case-missing".to_string())),
        "{got:?}"
    );
    got.retain(|f| f != &(entry_line, "case-missing".to_string()));
    // Child lines with no block above them are errors, at most one per line;
    // under the entry they are prose, whatever their indentation.
    assert!(got.iter().all(|(_, rule)| rule == "syntax"), "{got:?}");
    assert!(got.iter().all(|(line, _)| *line <= 2_000), "{got:?}");
    let mut lines: Vec<u32> = got.iter().map(|(l, _)| *l).collect();
    lines.dedup();
    assert_eq!(
        lines.len(),
        got.len(),
        "more than one error on a line: {got:?}"
    );
    assert!(
        !got.is_empty(),
        "child lines before any block must be reported"
    );
}

#[test]
fn extreme_years_never_crash_the_calendar_arithmetic() {
    // Deadlines computed from the far past and far future; and year 0 and 9999
    // at the edges of what a four-digit date can say. The interesting part is
    // that nothing panics (chrono overflow, holiday tables); then the findings
    // must at least be the ones the rules require.
    let text = "case \"far\"\n  procedure children-statutory\n  as-of 9999-12-31\n\n\
                0000-01-03 stage1.received\n\
                0000-03-01 stage1.response\n\
                9999-12-30 stage2.requested\n\
                9999-12-31 note\n\
                  rec a within 4000000000wd \"a very long time\"\n\
                  promise b within 4294967295y \"longer still\"\n\
                  promise c by 9999-12-31 \"the last day\"\n";
    let (parse, analysis) = within_limit("extreme years", || check_text(text));
    assert_well_formed("extreme years", &parse, &analysis.diagnostics);
    let got = findings(&parse, &analysis.diagnostics);
    // Year 0 is outside the shipped data: one calendar-coverage warning for the file.
    assert_eq!(
        got.iter().filter(|(_, r)| r == "calendar-coverage").count(),
        1,
        "{got:?}"
    );
    // Stage 1: 0000-01-03 -> 0000-03-01 is far over 20 working days: missed (line 6).
    assert!(got.contains(&(6, "deadline-missed".to_string())), "{got:?}");
}

#[test]
fn dates_with_absurd_numbers_are_date_invalid_not_panics() {
    let text = "case \"x\"\n  as-of 2025-01-01\n\n\
                9999-99-99 note\n\
                2024-02-31..2024-02-35 note\n\
                0000-00-00 note\n\
                2024-12-31..01-01 note\n\
                10000-01-01 note\n\
                0000-02-29 note\n";
    let (parse, analysis) = within_limit("absurd dates", || check_text(text));
    assert_well_formed("absurd dates", &parse, &analysis.diagnostics);
    let got = findings(&parse, &analysis.diagnostics);
    assert_eq!(
        got,
        vec![
            (1, "procedure-missing".to_string()),
            (4, "date-invalid".to_string()),
            (5, "date-invalid".to_string()),
            (6, "date-invalid".to_string()),
            (7, "date-invalid".to_string()),
            // Five digits is not a date at all.
            (8, "syntax".to_string()),
            // Year 0 is a leap year in the proleptic Gregorian calendar
            // (divisible by 400), so 0000-02-29 is a real day: line 9 is fine.
        ]
    );
    let kinds: Vec<SyntaxErrorKind> = parse.errors().iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            SyntaxErrorKind::DateInvalid,
            SyntaxErrorKind::DateInvalid,
            SyntaxErrorKind::DateInvalid,
            SyntaxErrorKind::DateInvalid,
            SyntaxErrorKind::Syntax
        ]
    );
}
