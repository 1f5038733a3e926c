//! Behaviour of the deadline, recommendation and timeline analysis
//! (`src/analysis/deadlines.rs`, `recs.rs`, `timeline.rs`) that no test of the
//! crate checked until `cargo mutants` changed it and the tests still passed.
//! Each test says what an investigator relies on and names the mutants it
//! kills; every expected date and count is worked out by hand in a comment
//! (bank holidays from GOV.UK's list), never copied from the program.

mod common;

use caseline_check::wording::RecState;
use caseline_check::{
    Analysis, DeadlineStatus, Definitions, NotJudged, RecRecord, RecStatus, Rule, check,
};

/// Checks a case with the built-in procedures.
fn run(text: &str) -> Analysis {
    let parse = caseline_syntax::parse(text);
    check(&parse, &Definitions::builtin(), &common::options())
}

/// Checks a case against one workspace definitions file.
fn run_with(defs_text: &str, text: &str) -> Analysis {
    let defs_parse = caseline_syntax::parse(defs_text);
    let (defs, problems) = Definitions::with_workspace(&[("defs.case".to_owned(), &defs_parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    let parse = caseline_syntax::parse(text);
    check(&parse, &defs, &common::options())
}

fn case(procedure: &str, as_of: &str, entries: &str) -> String {
    format!("case \"1\"\n  procedure {procedure}\n  as-of {as_of}\n\n{entries}")
}

fn rules(a: &Analysis) -> Vec<Rule> {
    a.diagnostics.iter().map(|d| d.rule).collect()
}

/// The records of one target kind, in the order the engine gives them (the
/// file order of their starts).
fn records<'a>(a: &'a Analysis, target: &str) -> Vec<&'a caseline_check::DeadlineRecord> {
    a.deadlines
        .iter()
        .filter(|r| r.target_kind == target)
        .collect()
}

/// A request closed (`ehc.closed`, an event that ends `send-ehc`) belongs to
/// its own request only: a request closed on 2024-02-01, before its limits
/// (2024-01-08 + 6 weeks = 2024-02-19, + 16 weeks = 2024-04-29), is not
/// judged; a second request on 2024-06-03 with nothing after it is overdue at
/// 2025-01-31 (+ 6 weeks = 2024-07-15; + 20 weeks = 2024-10-21), the earlier
/// closure notwithstanding.
///
/// Kills `evaluate`'s closer filter mutants at deadlines.rs:142 (`!` deleted
/// before `v.before(start)`, `&&` → `||`, `!` deleted before `u.before(v)`).
#[test]
fn a_closed_request_ends_only_its_own_round() {
    let a = run(&case(
        "send-ehc",
        "2025-01-31",
        "2024-01-08 ehc.requested\n2024-02-01 ehc.closed\n2024-06-03 ehc.requested\n",
    ));
    // With no outcome recorded, the plan's deadline is judged against its
    // longest alternative, the final plan (20 weeks).
    for target in ["ehc.assess-decision", "ehc.final"] {
        let r = records(&a, target);
        assert_eq!(r.len(), 2, "{target}: {:#?}", a.deadlines);
        assert_eq!(
            r[0].status,
            DeadlineStatus::NotJudged,
            "{target}: {:#?}",
            r[0]
        );
        assert_eq!(r[0].not_judged, Some(NotJudged::MovedOn), "{target}");
        assert_eq!(
            r[0].closed_by,
            Some(1),
            "{target}: closed by line 2's entry"
        );
        assert_eq!(
            r[1].status,
            DeadlineStatus::Overdue,
            "{target}: {:#?}",
            r[1]
        );
        assert_eq!(r[1].closed_by, None, "{target}");
    }
    let due = |t: &str| {
        records(&a, t)[1]
            .due
            .exact()
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    assert_eq!(due("ehc.assess-decision"), "2024-07-15");
    assert_eq!(due("ehc.final"), "2024-10-21");
    assert_eq!(
        rules(&a),
        [Rule::DeadlineOverdue, Rule::DeadlineOverdue],
        "{:#?}",
        a.diagnostics
    );
}

/// A deadline that ends in one of its own starts (`deadline x.visit within 5d
/// of x.visit`, not `repeating`) is no clock: a visit can never be awaited
/// after itself, so a lone visit long ago is not overdue and two visits far
/// apart are not late. Only `repeating` makes each occurrence start the next
/// period.
///
/// Kills deadlines.rs:79:12 (`!` deleted before `def.repeating`), which judged
/// such a line: the lone visit of 2024-01-02 became overdue at 2024-06-01.
#[test]
fn a_deadline_ending_in_its_own_start_is_not_a_clock() {
    let defs = "procedure selfp\n  event x.visit \"visit\"\n  \
                deadline x.visit within 5d of x.visit\n";
    let lone = run_with(defs, &case("selfp", "2024-06-01", "2024-01-02 x.visit\n"));
    assert!(lone.deadlines.is_empty(), "{:#?}", lone.deadlines);
    assert_eq!(rules(&lone), [], "{:#?}", lone.diagnostics);
    let two = run_with(
        defs,
        &case(
            "selfp",
            "2024-06-01",
            "2024-01-02 x.visit\n2024-03-01 x.visit\n",
        ),
    );
    assert!(two.deadlines.is_empty(), "{:#?}", two.deadlines);
    assert_eq!(rules(&two), [], "{:#?}", two.diagnostics);
}

/// An exception written under the second request switches off the second
/// request's plan limit, even though the first request's plan (on time) comes
/// before it: 2025-01-06 + 20 weeks = 2025-05-26, so the plan of 2025-07-07
/// would be 42 days late, but it is not judged. The first request's plan,
/// 2024-05-20, is within 2024-01-08 + 20 weeks = 2024-05-27 and is met; each
/// decision to assess is within its 6 weeks (2024-02-19, 2025-02-17).
///
/// Kills deadlines.rs:123:61 (`!` deleted before `v.before(iv(p))` in
/// `in_round`), which kept an exception only if it came before the previous
/// request's plan.
#[test]
fn an_exception_under_a_later_request_switches_off_that_request() {
    let a = run(&case(
        "send-ehc",
        "2025-12-01",
        "2024-01-08 ehc.requested\n2024-02-12 ehc.assess-decision\n2024-05-20 ehc.final\n\
         2025-01-06 ehc.requested\n  \
         exception ehc.final \"the school was closed for five weeks (reg. 13(3)(a))\"\n\
         2025-02-10 ehc.assess-decision\n2025-07-07 ehc.final\n",
    ));
    assert_eq!(rules(&a), [], "{:#?}", a.diagnostics);
    let plans = records(&a, "ehc.final");
    assert_eq!(plans.len(), 2, "{:#?}", a.deadlines);
    assert_eq!(plans[0].status, DeadlineStatus::Met);
    assert_eq!(plans[1].status, DeadlineStatus::NotJudged);
    assert_eq!(plans[1].not_judged, Some(NotJudged::Exception));
    assert_eq!(a.checked.switched_off, 1);
}

/// `latest of`: the clock starts at the latest start event recorded in the
/// round, and an event after the round's outcome is not one of them.
/// - A request on Monday 2025-06-02 and the proof of identity on Tuesday
///   2025-06-10: the month runs from the 10th, due Thursday 2025-07-10; the
///   record names the proof of identity as the start.
/// - A request on 2025-06-02 answered on 2025-07-10, then a clarification on
///   2025-07-20 (about something else): the month runs from the request, due
///   Wednesday 2025-07-02 (a working day, nothing rolls), so the answer is
///   late by 8 days: within the three months it may be extended to
///   (2025-09-02), but no extension is recorded.
///
/// Kills deadlines.rs:266:30 (`||` → `&&`: the later clarification started
/// the clock) and 273:30 (`>` → `==`, `>` → `<`: the request stayed the
/// start named).
#[test]
fn latest_of_starts_at_the_latest_event_inside_the_round() {
    let a = run(&case(
        "sar",
        "2025-12-01",
        "2025-06-02 sar.received\n2025-06-10 sar.id-received\n2025-07-10 sar.response\n",
    ));
    let r = &a.deadlines[0];
    assert_eq!(r.start_kind, "sar.id-received");
    assert_eq!(
        r.due.exact().map(|d| d.to_string()).as_deref(),
        Some("2025-07-10")
    );
    assert_eq!(r.status, DeadlineStatus::Met);
    assert_eq!(rules(&a), [], "{:#?}", a.diagnostics);

    let b = run(&case(
        "sar",
        "2025-12-01",
        "2025-06-02 sar.received\n2025-07-10 sar.response\n2025-07-20 sar.clarified\n",
    ));
    let r = &b.deadlines[0];
    assert_eq!(r.start_kind, "sar.received");
    assert_eq!(
        r.due.exact().map(|d| d.to_string()).as_deref(),
        Some("2025-07-02")
    );
    assert_eq!(r.status, DeadlineStatus::ExtensionUnrecorded);
    assert_eq!(
        rules(&b),
        [Rule::ExtensionUnrecorded],
        "{:#?}",
        b.diagnostics
    );
    // 28 days to 2025-06-30, 10 more to 2025-07-10.
    let m = &b.diagnostics[0].message;
    assert!(
        m.contains("38 days after") && m.contains("(due 2025-07-02)"),
        "{m}"
    );
}

fn rec<'a>(a: &'a Analysis, id: &str) -> &'a RecRecord {
    a.recs
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("{id}: {:#?}", a.recs))
}

/// Where each recommendation stands: the first `done` or `declined` closes it
/// and decides its status and lateness; `partial` marks an open one partly
/// done and changes nothing once it is closed. Recommendations made on
/// Wednesday 2024-05-01, due within 10 working days: Monday 6 May is a bank
/// holiday, so due Thursday 2024-05-16.
/// - `a`: done on 2024-05-10 (in time), recorded done again on 2024-05-20 and
///   partly done on 05-21: done, not late, closed by the first line;
/// - `b`: partly done on 2024-05-13, nothing more: partly done, and overdue as
///   of Monday 2024-06-03 by 11 working days (17 May; 20-24 May; 28-31 May,
///   27 May being the spring bank holiday; 3 June);
/// - `c`: declined with a reason on 2024-05-14, partly done on 05-22: declined.
///
/// Kills recs.rs:174:40 (guard → true: the later `done` re-closed `a`, late),
/// 186:30 (guard → true: `partial` reopened `a` and `c`; → false), 186:48
/// (`==` → `!=`), 151:13 (the `partial` arm deleted: `b` stayed open) and
/// 177:52 (`==` → `!=`: done read as declined and the other way round).
#[test]
fn the_first_done_or_declined_decides_and_partial_only_marks_open_ones() {
    let a = run(&case(
        "lgsco",
        "2024-06-03",
        "2024-05-01 ombudsman.decision\n  rec a within 10wd \"Apologise to Miss X\"\n  \
         rec b within 10wd \"Pay £150\"\n  rec c within 10wd \"Train the staff\"\n\
         2024-05-10 done a\n2024-05-13 partial b\n2024-05-14 declined c \"Not possible\"\n\
         2024-05-20 done a\n2024-05-21 partial a\n2024-05-22 partial c\n",
    ));
    let (ra, rb, rc) = (rec(&a, "a"), rec(&a, "b"), rec(&a, "c"));
    assert_eq!(
        ra.due
            .and_then(|d| d.exact())
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-05-16")
    );
    assert_eq!(
        (ra.status, ra.closed_entry, ra.late),
        (RecStatus::Done, Some(1), None)
    );
    assert_eq!(RecState::of(ra).words(), "done");
    assert_eq!(rb.status, RecStatus::Partial);
    assert_eq!(RecState::of(rb).words(), "overdue (partly done)");
    assert_eq!((rc.status, rc.closed_entry), (RecStatus::Declined, Some(3)));
    assert_eq!(RecState::of(rc).words(), "declined");
    assert_eq!(rules(&a), [Rule::RecOverdue], "{:#?}", a.diagnostics);
    let m = &a.diagnostics[0].message;
    assert!(m.contains("rec b") || m.contains(" b "), "{m}");
    assert!(m.contains("11 working days overdue"), "{m}");
}

/// "Possibly overdue" and "overdue" as of Friday 2024-11-15, for
/// recommendations made on 2024-10-01:
/// - `p`, due by some day in November 2024, open: possibly overdue (past its
///   earliest due day, 1 November, not its latest, 30 November);
/// - `q`, the same, done on 2024-11-10: done, not possibly overdue;
/// - `r`, due by 2024-11-15, the as-of day itself: open, neither;
/// - `s`, due by 2024-11-14: overdue, by 1 working day (Friday 15 November),
///   and not "possibly";
/// - a promise with no due date made on the as-of day itself is not yet
///   unaddressed (only one made before it is).
///
/// Kills recs.rs:222:47 (`!` deleted: `q` possibly overdue), 223:21 and
/// 224:21 (`&&` → `||`), 223:58 (`>` → `==`, `<`, `>=`), 224:55 (`<=` → `>`),
/// 225:72 (`>` → `>=`: `r` overdue on its due day) and 243:42 (`<` → `<=`:
/// the promise of the as-of day unaddressed).
#[test]
fn possibly_overdue_only_inside_a_vague_due_date() {
    let a = run(&case(
        "lgsco",
        "2024-11-15",
        "2024-10-01 ombudsman.decision\n  rec p by 2024-11 \"Apologise\"\n  \
         rec q by 2024-11 \"Pay £150\"\n  rec r by 2024-11-15 \"Train the staff\"\n  \
         rec s by 2024-11-14 \"Review the policy\"\n2024-11-10 done q\n\
         2024-11-15 note \"meeting with Miss X\"\n  promise u \"Write to Miss X\"\n",
    ));
    let state = |id: &str| RecState::of(rec(&a, id)).words();
    assert!(rec(&a, "p").possibly_overdue);
    assert_eq!(state("p"), "possibly overdue");
    assert!(!rec(&a, "q").possibly_overdue);
    assert_eq!(state("q"), "done");
    assert!(!rec(&a, "r").possibly_overdue);
    assert_eq!(rec(&a, "r").overdue, None);
    assert_eq!(state("r"), "open");
    assert!(!rec(&a, "s").possibly_overdue);
    assert_eq!(state("s"), "overdue");
    assert_eq!(state("u"), "open");
    assert_eq!(rules(&a), [Rule::RecOverdue], "{:#?}", a.diagnostics);
    let m = &a.diagnostics[0].message;
    assert!(
        m.contains("due 2024-11-14") && m.contains("1 working day overdue"),
        "{m}"
    );
}

/// A `?` date is some day between its dated neighbours, in whichever order
/// they stand: between 2024-01-02 above and 2024-01-20 below it is 2 to 20
/// January; between 2024-03-01 above and 2024-02-01 below (a slip that
/// `date-order` reports) it is still 1 February to 1 March, not an empty
/// interval from 1 March to 1 February.
///
/// Kills timeline.rs:109:22 (`>` → `==`: the reversed interval was kept) and
/// `>` → `<` (every ordinary `?` reversed). `>` → `>=` is equivalent: it
/// swaps only the two equal ends of a one-day interval.
#[test]
fn a_question_mark_lies_between_its_neighbours_in_either_order() {
    let a = run(&case(
        "lgsco",
        "2024-06-01",
        "2024-01-02 note\n? note\n2024-01-20 note\n2024-03-01 note\n? note\n2024-02-01 note\n",
    ));
    let iv = |i: usize| {
        let v = a.entry_intervals[i];
        (
            v.earliest.map(|d| d.to_string()),
            v.latest.map(|d| d.to_string()),
        )
    };
    let days = |a: &str, b: &str| (Some(a.to_owned()), Some(b.to_owned()));
    assert_eq!(iv(1), days("2024-01-02", "2024-01-20"));
    assert_eq!(iv(4), days("2024-02-01", "2024-03-01"));
}

/// With neither of two alternative outcomes recorded, the finding names both,
/// in the procedure's order, and the clock's label names both: a review
/// meeting on 2024-12-02 calls for a decision to keep or cease the plan or a
/// decision with proposed amendments within 4 weeks, by 2024-12-30 (equal
/// limits: the first listed is the one judged); as of 2025-02-03 neither is
/// recorded. The meeting itself was on time (12 months starting with
/// 2024-01-10 end on 2025-01-09) and so was the report (2 weeks: 2024-12-16).
///
/// Kills deadlines.rs:599:42 (`>` → `>=`: the last of equal limits was judged
/// and named first) and 646 (guard → false, `>` → `==`, `>` → `<`: the
/// clock's label named one outcome only). 646's guard → true and `>` → `>=`
/// are equivalent: with one outcome, joining the labels of all outcomes gives
/// that outcome's label, which is the one named otherwise.
#[test]
fn an_awaited_choice_of_outcomes_names_both_in_order() {
    let a = run(&case(
        "send-review",
        "2025-02-03",
        "2024-01-10 ehc.final\n2024-12-02 review.meeting\n2024-12-10 review.report\n",
    ));
    assert_eq!(rules(&a), [Rule::DeadlineOverdue], "{:#?}", a.diagnostics);
    let d = &a.diagnostics[0];
    assert!(
        d.message.contains(
            "neither a decision to keep or cease the plan nor a decision with proposed amendments"
        ),
        "{}",
        d.message
    );
    assert!(d.message.contains("2024-12-30"), "{}", d.message);
    assert_eq!(
        d.related[0].message,
        "the clock for the decision to keep or cease the plan or decision with proposed \
         amendments started here"
    );
}

/// FOIA s.10(2) in the UK-wide calendar: a request received Monday 2025-01-06
/// is due 2025-02-03 (20 working days) or, extended, 2025-03-03 (40). A fees
/// notice on Monday 2025-02-10 and the fee on Wednesday 02-12 come after the
/// first due day, so only the extended one moves, by those 3 working days, to
/// Thursday 2025-03-06; the days shown as paused are those 3, not the standard
/// due day's 0.
///
/// Kills deadlines.rs:668:24 (guard → true) and 668:43 (`>` → `>=`, `>` →
/// `==`), which showed the standard due day's 0 paused days, and 668:24
/// (guard → false) and 668:43 (`>` → `<`), which showed the extended one's.
#[test]
fn the_paused_days_shown_are_those_that_moved_a_due_day() {
    let a = run(&case(
        "foi",
        "2025-06-02",
        "2025-01-06 foi.received\n2025-02-10 foi.fee-notice\n2025-02-12 foi.fee-received\n\
         2025-03-05 foi.response\n",
    ));
    let r = &a.deadlines[0];
    assert_eq!(
        r.due.exact().map(|d| d.to_string()).as_deref(),
        Some("2025-02-03")
    );
    assert_eq!(
        r.extended_due
            .and_then(|d| d.exact())
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-03-06")
    );
    let p = r.counting.paused.expect("days paused");
    assert_eq!((p.min, p.max), (Some(3), Some(3)));
    // With a first pause too, Wednesday 8 to Friday 10 January (3 working
    // days), the standard due day moves to 2025-02-06 and the extended one by
    // both pauses, 6 working days, to Tuesday 2025-03-11; the days shown are
    // the standard due day's 3 (false guard, `<`: the extended day's 6).
    let b = run(&case(
        "foi",
        "2025-06-02",
        "2025-01-06 foi.received\n2025-01-08 foi.fee-notice\n2025-01-10 foi.fee-received\n\
         2025-02-10 foi.fee-notice\n2025-02-12 foi.fee-received\n2025-03-05 foi.response\n",
    ));
    let r = &b.deadlines[0];
    assert_eq!(
        r.due.exact().map(|d| d.to_string()).as_deref(),
        Some("2025-02-06")
    );
    assert_eq!(
        r.extended_due
            .and_then(|d| d.exact())
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-03-11")
    );
    let p = r.counting.paused.expect("days paused");
    assert_eq!((p.min, p.max), (Some(3), Some(3)));
}

/// FOIA s.10(2): a request received Monday 2025-01-06 is due 2025-02-03 (20
/// UK-wide working days) or, extended, 2025-03-03 (40). A fees notice on
/// 2025-02-10, after the first due day but before the second, with no fee and
/// no response recorded, stops the clock: the request is not judged, and not
/// overdue as of June.
///
/// Kills deadlines.rs:637:20 (`|=` → `&=`): only a pause open for both due
/// days stopped the clock, so the request was reported overdue.
#[test]
fn a_pause_begun_within_the_extended_limit_stops_the_clock() {
    let a = run(&case(
        "foi",
        "2025-06-02",
        "2025-01-06 foi.received\n2025-02-10 foi.fee-notice\n",
    ));
    let r = &a.deadlines[0];
    assert_eq!(
        r.due.exact().map(|d| d.to_string()).as_deref(),
        Some("2025-02-03")
    );
    assert_eq!(
        r.extended_due
            .and_then(|d| d.exact())
            .map(|d| d.to_string())
            .as_deref(),
        Some("2025-03-03")
    );
    assert_eq!(
        (r.status, r.not_judged),
        (DeadlineStatus::NotJudged, Some(NotJudged::Paused))
    );
    assert_eq!(rules(&a), [], "{:#?}", a.diagnostics);
}

/// A limit "extendable without limit" (Wales, reg. 16(4)) whose outcome is
/// still awaited: once an extension is recorded in its stage, nothing is due
/// yet, however long ago the standard limit passed; with none recorded, it is
/// overdue. Here 2024-01-02 + 10 working days = 2024-01-16, long before the
/// as-of day 2024-06-03. The meeting on 2024-01-10, in the outcome's stage
/// (`t`), carries the extension.
///
/// Kills `judge`'s guard `def.uncapped_extension && facts.extension_recorded`
/// → `false` (deadlines.rs:812:26), which made the agreed extension count for
/// nothing and reported the open stage as overdue.
#[test]
fn an_awaited_stage_extended_without_limit_is_not_overdue() {
    let defs = "procedure talk\n  event t.received \"complaint\"\n  event t.meeting \"meeting\"\n  event t.outcome \"outcome\"\n  deadline t.outcome within 10wd of t.received extendable without limit\n";
    let extended = case(
        "talk",
        "2024-06-03",
        "2024-01-02 t.received\n2024-01-10 t.meeting\n  extended \"agreed with the complainant at the meeting\"\n",
    );
    let a = run_with(defs, &extended);
    assert!(rules(&a).is_empty(), "{:#?}", a.diagnostics);
    let recs = records(&a, "t.outcome");
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0].status, DeadlineStatus::Pending);
    // The same without the extension: overdue since 2024-01-16.
    let plain = case(
        "talk",
        "2024-06-03",
        "2024-01-02 t.received\n2024-01-10 t.meeting\n",
    );
    let a = run_with(defs, &plain);
    assert_eq!(records(&a, "t.outcome")[0].status, DeadlineStatus::Overdue);
    assert!(
        rules(&a).contains(&Rule::DeadlineOverdue),
        "{:#?}",
        a.diagnostics
    );
}
