//! Behaviour of the rules (`src/rules/**`) and of the workspace's definitions
//! (`definitions/merge.rs`, `definitions/flatten.rs`) that no test checked
//! until `cargo mutants` changed it and the crate's tests still passed. Each
//! test states what an investigator relies on and names the mutants it
//! catches; the expected outcomes are worked out from docs/format.md, not
//! taken from the program.

mod common;

use caseline_check::{Definitions, Diagnostic, Rule, check};
use chrono::NaiveDate;

/// Loads `text` as the workspace's one definitions file, which must have no
/// problem of its own.
fn defs_from(text: &str) -> Definitions {
    let parse = caseline_syntax::parse(text);
    let (defs, problems) = Definitions::with_workspace(&[("defs.case".to_owned(), &parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    defs
}

/// The findings of `case` checked against `defs`, with the parse (for lines).
fn run(case: &str, defs: &Definitions) -> (Vec<Diagnostic>, caseline_syntax::Parse) {
    let parse = caseline_syntax::parse(case);
    let a = check(&parse, defs, &common::options());
    (a.diagnostics, parse)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// `done`, `declined`, `partial` and `note` are the generic kinds every case
/// may use (docs/format.md, "Entries"): a `done` line is never taken for a
/// procedure's event whose words it shares (`repair.done`, "repair done").
/// The mutant `rules/timeline/mod.rs: is_generic -> false` reported
/// `done r1` as an `event-lookalike` of `repair.done`.
#[test]
fn a_generic_done_is_never_a_lookalike_of_a_procedure_event() {
    let defs = defs_from(
        "procedure repairs\n  event repair.reported \"repair reported\"\n  event repair.done \"repair done\"\n  event review.decision \"review decision\" recommends\n",
    );
    let case = "case \"1\"\n  procedure repairs\n  as-of 2024-06-01\n\n\
                2024-01-02 repair.reported\n2024-01-20 repair.done\n\
                2024-02-01 review.decision\n  rec r1 \"Pay compensation\"\n  rec r2 \"Apologise\"\n\
                2024-03-01 done r1\n2024-03-04 declined r2 \"the landlord apologised before the review\"\n\
                2024-03-05 note \"called the tenant\"\n";
    let (diags, _) = run(case, &defs);
    assert!(diags.is_empty(), "{diags:#?}");
}

/// A closed day of a workspace calendar is not a working day, and only that
/// day is closed: `closed 2024-12-27` in a calendar extending
/// `england-and-wales`. 10 working days after Monday 2024-12-16: 17, 18, 19,
/// 20, 23, 24 (six; 25 and 26 December are bank holidays, 27 is closed), 30,
/// 31 (eight; 1 January is a bank holiday), 2 and 3 January: due Friday
/// 2025-01-03 (2025-01-02 without the closure). A response on 2025-01-03 is
/// in time; one on Monday 2025-01-06 is 1 working day late. The mutant
/// `closed_days: && -> ||` (in `day <= last && n < 4000`) closed 4000 days
/// from 2024-12-27, so no response was ever late.
#[test]
fn a_closed_day_counts_as_closed_and_the_days_after_it_do_not() {
    let defs = defs_from(
        "calendar office\n  extends england-and-wales\n  closed 2024-12-27 \"Offices closed between Christmas and New Year\"\n\n\
         procedure office-complaints\n  event complaint.received \"receipt of the complaint\"\n  event complaint.response \"response\"\n  deadline complaint.response within 10wd of complaint.received \"policy 4.1\"\n",
    );
    let case = |response: &str| {
        format!(
            "case \"1\"\n  procedure office-complaints\n  calendar office\n  as-of 2025-03-01\n\n\
             2024-12-16 complaint.received\n{response} complaint.response\n"
        )
    };
    let (diags, _) = run(&case("2025-01-03"), &defs);
    assert!(diags.is_empty(), "{diags:#?}");
    let (diags, parse) = run(&case("2025-01-06"), &defs);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.rule, Rule::DeadlineMissed, "{diags:#?}");
    assert_eq!(parse.line_index().line_of(d.range.start()), 6);
    for phrase in [
        "the limit is 10 working days (office-complaints: policy 4.1): it was due 2025-01-03",
        "1 working day late",
    ] {
        assert!(d.message.contains(phrase), "{phrase:?} in {}", d.message);
    }
}

/// A closure longer than a few years is a typo: only its first 4000 days are
/// closed (`definitions/merge.rs`, `closed_days`), so a mistyped range cannot
/// close a calendar for ever or allocate without bound. From 2000-01-01, the
/// 4000th day is Monday 2010-12-13 (closed) and Tuesday 2010-12-14 is a
/// working day again. The mutants of `closed_days` `< -> <=` (in `n < 4000`),
/// `+= -> -=` and `+= -> *=` (on `n`) closed 2010-12-14 too.
#[test]
fn a_closure_of_more_than_4000_days_is_capped() {
    let defs = defs_from(
        "calendar typo\n  extends england-and-wales\n  closed 2000-01-01..2030-12-31 \"a mistyped year\"\n",
    );
    let cal = defs.calendars().get("typo").expect("defined");
    assert!(!cal.is_working_day(day(2000, 1, 4)));
    assert!(!cal.is_working_day(day(2010, 12, 13)));
    assert!(cal.is_working_day(day(2010, 12, 14)));
    assert!(cal.is_working_day(day(2020, 6, 2)));
}

/// A stage that may have been late only by days that are not working days
/// (docs/format.md, "Decisions": lateness compares days; a Saturday after a
/// Friday due date is late "by no whole working day") is possibly late, and
/// the message does not claim it was "up to 0 working days late". Council
/// code: acknowledgement within 5 working days of receipt; received Friday
/// 2024-01-05, due Friday 2024-01-12; acknowledged "2024-01-12..13" (Friday
/// or Saturday). The mutants of `deadline_possibly_missed::check` `match
/// guard n > 0 -> true` and `> -> >=` added " (up to 0 working days late)".
#[test]
fn possibly_late_by_no_whole_working_day_gives_no_worst_case() {
    let case = "case \"1\"\n  procedure council-code\n  as-of 2024-01-20\n\n\
                2024-01-05 stage1.received\n2024-01-12..13 stage1.acknowledged\n\
                2024-01-15 stage1.response\n";
    let (diags, parse) = run(case, &Definitions::builtin());
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.rule, Rule::DeadlinePossiblyMissed, "{diags:#?}");
    assert_eq!(parse.line_index().line_of(d.range.start()), 5);
    assert!(d.message.contains("due 2024-01-12"), "{}", d.message);
    assert!(
        d.message
            .ends_with("so it was late under some readings of the dates"),
        "{}",
        d.message
    );
}

/// `procedure-unknown` adds "the `procedure mine` block in this file is not
/// used" only when this file has a `procedure mine` block with something in
/// it. Another procedure's block (`procedure other`) is no reason to say so.
/// The mutants of `note_defined_here` (`&&` → `||`, either one) matched any
/// block in the file with something in it, whatever its name or kind.
#[test]
fn procedure_unknown_names_a_block_here_only_when_there_is_one() {
    let case = "case \"1\"\n  procedure mine\n  as-of 2024-06-01\n\nprocedure other\n  event s1.received \"Received\"\n\ncalendar mine\n  closed 2024-12-27\n\n2024-01-02 note \"x\"\n";
    let (diags, _) = run(case, &Definitions::builtin());
    let unknown = diags
        .iter()
        .find(|d| d.rule == Rule::ProcedureUnknown)
        .expect("`mine` is no procedure");
    assert!(
        unknown.message.contains("no procedure called `mine`"),
        "{}",
        unknown.message
    );
    assert!(
        !unknown.message.contains("block in this file"),
        "{}",
        unknown.message
    );
}

/// An `extended` line under an entry of no stage says where it could go: each
/// extendable stage with its events, every event once, and only the stage's
/// own events (a deadline of stage `b` that starts at `a.reply` does not put
/// `a.reply` under `b`). The mutants of `extended_misplaced::check` (`==` →
/// `!=`, `&&` → `||`, `!` deleted where a second deadline of a stage adds its
/// events, and `&&` → `||` where the first does) left out `a.reply`, repeated
/// `a.received`, or listed `a.reply` under `b`.
#[test]
fn a_misplaced_extension_lists_each_stage_and_its_own_events_once() {
    let defs = defs_from(
        "procedure p\n  event a.received \"request\"\n  event a.ack \"acknowledgement\"\n  event a.reply \"reply\"\n  event b.review \"review\"\n  deadline a.ack within 2wd of a.received extendable to 5wd\n  deadline a.reply within 10wd of a.received extendable to 20wd\n  deadline b.review within 20wd of a.reply extendable to 40wd\n",
    );
    let case = "case \"1\"\n  procedure p\n  as-of 2024-06-01\n\n2024-01-02 a.received\n2024-01-03 note \"asked for more time\"\n  extended \"complex\"\n2024-01-04 a.ack\n2024-01-10 a.reply\n2024-01-20 b.review\n";
    let (diags, _) = run(case, &defs);
    let misplaced: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.rule == Rule::ExtendedMisplaced)
        .collect();
    assert_eq!(misplaced.len(), 1, "{diags:#?}");
    assert!(
        misplaced[0].message.ends_with(
            "move it under an entry of the stage that was extended: `a.received` or `a.ack` or `a.reply` for `a`; `b.review` for `b`"
        ),
        "{}",
        misplaced[0].message
    );
}

/// The quick fix for a header's `procedure` line written at the left edge
/// moves exactly that line into the header, indented, after the header's last
/// line with something on it, and changes nothing else: blank lines stay where
/// they were, and a header that ends the file without a line break gets one.
/// The mutants of `move_into_header` (the walk back over blank lines: `>` →
/// `==`/`<`/`>=`, `||` → `&&`, `-=` → `+=`/`/=`; the end-of-file test: `<` →
/// `<=`, `+` → `*`) put the line in the wrong place or cut the text.
#[test]
fn the_left_edge_procedure_line_is_moved_into_the_header_alone() {
    let cases = [
        // Right under the header.
        (
            "case \"1\"\n  as-of 2024-06-01\nprocedure children-statutory\n2024-01-02 stage1.received\n",
            "case \"1\"\n  as-of 2024-06-01\n  procedure children-statutory\n2024-01-02 stage1.received\n",
        ),
        // After a blank line, with another before the entries: both blank lines stay.
        (
            "case \"1\"\n  title \"x\"\n  as-of 2024-06-01\n\nprocedure children-statutory\n\n2024-01-02 stage1.received\n",
            "case \"1\"\n  title \"x\"\n  as-of 2024-06-01\n  procedure children-statutory\n\n\n2024-01-02 stage1.received\n",
        ),
        // Above a header that ends the file with no line break.
        (
            "procedure children-statutory\ncase \"1\"\n  as-of 2024-06-01",
            "case \"1\"\n  as-of 2024-06-01\n  procedure children-statutory\n",
        ),
    ];
    for (text, want) in cases {
        let (diags, _) = run(text, &Definitions::builtin());
        let d = diags
            .iter()
            .find(|d| d.rule == Rule::DefinitionInCase)
            .unwrap_or_else(|| panic!("{text:?}: {diags:#?}"));
        let fix = d
            .fixes
            .first()
            .unwrap_or_else(|| panic!("{text:?}: no fix"));
        assert_eq!(fix.apply(text), want, "{text:?}");
    }
}
