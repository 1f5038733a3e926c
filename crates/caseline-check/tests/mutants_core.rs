//! Behaviour of the analysis core (`analysis/mod.rs`: the "what was checked"
//! figures, where a quick fix inserts its line, the related places of a
//! finding) that no test held until `cargo mutants` changed it and the crate's
//! tests still passed (docs/mutation-testing.md). Each test states the
//! behaviour it protects and names the mutants; the expected values are worked
//! out by hand from docs/format.md, not taken from the program.

mod common;

use caseline_check::{Analysis, Checked, Definitions, Diagnostic, Rule, check};

fn analyse(text: &str, defs: &Definitions) -> (Analysis, caseline_syntax::Parse) {
    let parse = caseline_syntax::parse(text);
    let a = check(&parse, defs, &common::options());
    (a, parse)
}

fn figures(text: &str) -> Checked {
    analyse(text, &Definitions::builtin()).0.checked
}

/// Loads `text` as the workspace's one definitions file.
fn defs_from(text: &str) -> Definitions {
    let parse = caseline_syntax::parse(text);
    let (defs, problems) = Definitions::with_workspace(&[("defs.case".to_owned(), &parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    defs
}

/// The 0-based line a range starts on.
fn line(parse: &caseline_syntax::Parse, d: &Diagnostic) -> u32 {
    parse.line_index().line_of(d.range.start())
}

/// An FOI request with a fees notice and no fee or response yet: the clock is
/// stopped (FOIA s.10(2), the `pause` line of `foi`), so the limit is counted
/// as paused and not as a deadline checked — a paused clock must never look
/// as if the limit had been judged (and met). The mutants
/// `Cx::checked: != -> ==` (counting the deadlines not judged instead of
/// those judged) and `Cx::checked: == -> !=` on `paused` (counting every
/// limit that is not paused) changed both figures.
#[test]
fn a_paused_clock_is_counted_as_paused_not_as_checked() {
    let c = figures(
        "case \"F1\"\n  procedure foi\n  as-of 2024-12-31\n\n2024-11-04 foi.received\n2024-11-08 foi.fee-notice\n",
    );
    assert_eq!(c.paused, 1, "{c:?}");
    assert_eq!(c.deadlines, 0, "{c:?}");
    assert_eq!(c.late, 0, "{c:?}");
    assert_eq!(c.possibly_late, 0, "{c:?}");
    // The fee received and the response sent in time: the limit is judged.
    let c = figures(
        "case \"F1\"\n  procedure foi\n  as-of 2024-12-31\n\n2024-11-04 foi.received\n2024-11-08 foi.fee-notice\n2024-11-15 foi.fee-received\n2024-11-20 foi.response\n",
    );
    assert_eq!(c.paused, 0, "{c:?}");
    assert_eq!(c.deadlines, 1, "{c:?}");
    assert_eq!(c.late, 0, "{c:?}");
}

/// A limit of 10 days from a start known only to the month (some day in
/// March 2024) and a target on 5 April: due between 11 March (from 1 March)
/// and 10 April (from 31 March), so late under some readings only — one
/// deadline checked, possibly late, not late. With the start on 1 March the
/// target is late under every reading: late, not possibly late. The mutant
/// `Cx::checked: == -> !=` on `possibly_late` counted the deadlines that were
/// not possibly late; `!= -> ==` on the judged ones counted none.
#[test]
fn possibly_late_counts_the_deadlines_late_under_some_readings_only() {
    let defs = defs_from(
        "procedure t\n  event t.start \"start\"\n  event t.end \"end\"\n  deadline t.end within 10d of t.start\n",
    );
    let possibly =
        "case \"P1\"\n  procedure t\n  as-of 2024-06-01\n\n2024-03 t.start\n2024-04-05 t.end\n";
    let (a, _) = analyse(possibly, &defs);
    assert!(
        a.diagnostics
            .iter()
            .any(|d| d.rule == Rule::DeadlinePossiblyMissed),
        "{:#?}",
        a.diagnostics
    );
    assert_eq!(a.checked.deadlines, 1, "{:?}", a.checked);
    assert_eq!(a.checked.possibly_late, 1, "{:?}", a.checked);
    assert_eq!(a.checked.late, 0, "{:?}", a.checked);

    let certainly =
        "case \"P1\"\n  procedure t\n  as-of 2024-06-01\n\n2024-03-01 t.start\n2024-04-05 t.end\n";
    let (a, _) = analyse(certainly, &defs);
    assert_eq!(a.checked.deadlines, 1, "{:?}", a.checked);
    assert_eq!(a.checked.possibly_late, 0, "{:?}", a.checked);
    assert_eq!(a.checked.late, 1, "{:?}", a.checked);
}

/// Three promises due 10 days after 1 March 2024 (11 March): one done on
/// 20 March (late), one done on 5 March (in time), one never done and judged
/// on 1 June (overdue). Done late and overdue both count as late: 3 tracked,
/// 2 late. The mutant `Cx::checked: || -> &&` counted only a promise that
/// was both, which none can be.
#[test]
fn recommendations_done_late_and_overdue_both_count_as_late() {
    let c = figures(
        "case \"R1\"\n  procedure lgsco\n  as-of 2024-06-01\n\n2024-03-01 note \"meeting\"\n  promise p1 within 10d \"Apologise\"\n  promise p2 within 10d \"Refund the fee\"\n  promise p3 within 10d \"Review the policy\"\n2024-03-05 done p2\n2024-03-20 done p1\n",
    );
    assert_eq!(c.recommendations, 3, "{c:?}");
    assert_eq!(c.recommendations_late, 2, "{c:?}");
}

/// "Lines that could not be read" counts lines with a syntax error only: an
/// entry dated 30 February is read (it is treated as undated and gets
/// `date-invalid`), so a case whose only problem is such dates has no
/// unreadable line, and one with a garbled line besides has exactly one.
/// The mutant `Cx::checked: == -> !=` on the error kind counted the
/// `date-invalid` lines instead.
#[test]
fn a_date_that_is_not_a_real_day_is_not_an_unreadable_line() {
    let text = "case \"U1\"\n  procedure lgsco\n  as-of 2024-06-01\n\n2024-02-30 note \"no such day\"\n2024-02-31 note \"nor this\"\n";
    let (a, _) = analyse(text, &Definitions::builtin());
    let invalid = a
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::DateInvalid)
        .count();
    assert_eq!(invalid, 2, "{:#?}", a.diagnostics);
    assert_eq!(a.checked.unreadable_lines, 0, "{:?}", a.checked);

    let garbled = format!("{text}!!! ??? !!!\n");
    let (a, parse) = analyse(&garbled, &Definitions::builtin());
    let syntax: Vec<u32> = a
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::Syntax)
        .map(|d| line(&parse, d))
        .collect();
    assert!(syntax.contains(&6), "{:#?}", a.diagnostics);
    assert_eq!(a.checked.unreadable_lines, 1, "{:?}", a.checked);
}

/// "Record `m1` as done" inserts its line where the as-of date falls in the
/// timeline: after every entry dated on or before the as-of date (an entry
/// dated on the as-of day itself is not after it) and before the first entry
/// certainly after it. The mutants `Cx::as_of_slot -> Some(1)` and
/// `Cx::as_of_slot: > -> >=` put it above the entry dated on the as-of day.
#[test]
fn record_as_done_goes_after_the_entries_of_the_as_of_day() {
    let head = "case \"1\"\n  as-of 2024-06-01\n\n2024-02-21 note \"stage 2 outcome\"\n  promise m1 \"Offer a meeting\"\n2024-06-01 note \"the as-of day\"\n";
    let tail = "2024-07-01 note \"after the as-of day\"\n";
    let case = format!("{head}{tail}");
    let (a, _) = analyse(&case, &Definitions::builtin());
    let fix = a
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::RecUnaddressed)
        .and_then(|d| d.fixes.iter().find(|f| f.title.contains("m1")))
        .expect("the open promise has a fix that records it");
    assert_eq!(
        fix.apply(&case),
        format!("{head}YYYY-MM-DD done m1\n{tail}")
    );
}

/// A line a fix inserts above an entry goes above the comment lines right
/// above that entry (they belong to it), and when those comments open the
/// file it goes at the very top, without running off the start of the file.
/// Here a file with no header (checked as of "today", 2025-01-01) starts with
/// a comment and an entry dated after today, so "Record `m1` as done" goes
/// above the comment. The mutant `Cx::insert_line_edit: > -> >=` looked
/// above the first line and panicked.
#[test]
fn a_line_inserted_above_the_first_entry_goes_to_the_top_of_the_file() {
    let case = "# Draft: dates still to check\n2025-03-01 note \"meeting booked\"\n2024-06-01 note \"call\"\n  promise m1 \"Call back\"\n";
    let (a, _) = analyse(case, &Definitions::builtin());
    let fix = a
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::RecUnaddressed)
        .and_then(|d| d.fixes.iter().find(|f| f.title.contains("m1")))
        .expect("the open promise has a fix that records it");
    assert_eq!(fix.apply(case), format!("YYYY-MM-DD done m1\n{case}"));
}

/// A finding that compares two entries points at the other one: `date-order`
/// at the entry above (the one this entry's date comes before), `stage-order`
/// at the earlier stage recorded after it. Editors show these as related
/// information, and the terminal as a note. The mutant
/// `Cx::related_entry -> None` dropped both.
#[test]
fn order_findings_point_at_the_other_entry() {
    let case = "case \"1\"\n  procedure lgsco\n  as-of 2024-06-01\n\n2024-03-10 note \"first\"\n  > said something\n2024-03-01 note \"out of order\"\n";
    let (a, parse) = analyse(case, &Definitions::builtin());
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::DateOrder)
        .expect("1 March is before 10 March");
    assert_eq!(line(&parse, d), 6);
    assert_eq!(d.related.len(), 1, "{d:#?}");
    assert_eq!(d.related[0].message, "the entry above");
    assert_eq!(parse.line_index().line_of(d.related[0].range.start()), 4);

    let case = "case \"1\"\n  procedure children-statutory\n  as-of 2024-03-05\n\n2024-02-01 stage2.requested\n2024-02-16 stage1.received\n2024-03-01 stage1.response\n";
    let (a, parse) = analyse(case, &Definitions::builtin());
    let d = a
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::StageOrder)
        .expect("the stage 2 request comes before the stage 1 response");
    assert_eq!(line(&parse, d), 4);
    assert_eq!(d.related.len(), 1, "{d:#?}");
    assert_eq!(parse.line_index().line_of(d.related[0].range.start()), 6);
    assert!(
        d.related[0].message.contains("stage 1 response"),
        "{}",
        d.related[0].message
    );
}
