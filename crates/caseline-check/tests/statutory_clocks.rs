//! The statutory clocks of issue 17 (docs/format.md#deadline-clauses): the
//! built-in procedures `send-ehc`, `send-review`, `wales-social-services`,
//! `foi`, `eir` and `sar`, and the clauses they are written with. Every
//! expected date is worked out by hand from the primary texts quoted in
//! `../shared/DOMAIN.md` (and in the procedures' comments), never copied from
//! the program's output.

mod common;

use caseline_check::{Analysis, DeadlineStatus, Definitions, NotJudged, Rule, check};

fn run(text: &str) -> Analysis {
    let parse = caseline_syntax::parse(text);
    check(&parse, &Definitions::builtin(), &common::options())
}

fn rules(a: &Analysis) -> Vec<Rule> {
    a.diagnostics.iter().map(|d| d.rule).collect()
}

fn case(procedure: &str, as_of: &str, entries: &str) -> String {
    format!("case \"1\"\n  procedure {procedure}\n  as-of {as_of}\n\n{entries}")
}

/// The cases the issue names, each with no other finding.
#[test]
fn the_issue_s_examples() {
    // A 20-week final plan after a request on 2024-01-08: due 2024-05-27 (the
    // spring bank holiday, not moved).
    let late = run(&case(
        "send-ehc",
        "2024-12-01",
        "2024-01-08 ehc.requested\n2024-06-10 ehc.final\n",
    ));
    assert_eq!(
        rules(&late),
        [Rule::DeadlineMissed],
        "{:#?}",
        late.diagnostics
    );
    let on_time = run(&case(
        "send-ehc",
        "2024-12-01",
        "2024-01-08 ehc.requested\n2024-05-27 ehc.final\n",
    ));
    assert_eq!(rules(&on_time), [], "{:#?}", on_time.diagnostics);
    // FOI: 2024-11-20 + 20 UK working days = 2024-12-19.
    let foi = run(&case(
        "foi",
        "2025-03-01",
        "2024-11-20 foi.received\n2024-12-19 foi.response\n",
    ));
    assert_eq!(rules(&foi), [], "{:#?}", foi.diagnostics);
    assert_eq!(
        foi.deadlines[0].due.exact().map(|d| d.to_string()),
        Some("2024-12-19".to_string())
    );
    // Subject access: Saturday 2025-04-05 -> 2025-05-05 (bank holiday) -> 2025-05-06.
    let sar = run(&case(
        "sar",
        "2025-06-01",
        "2025-04-05 sar.received\n2025-05-06 sar.response\n",
    ));
    assert_eq!(rules(&sar), [], "{:#?}", sar.diagnostics);
    assert_eq!(
        sar.deadlines[0].due.exact().map(|d| d.to_string()),
        Some("2025-05-06".to_string())
    );
    assert!(sar.deadlines[0].counting.rolled_forward);
    // Annual reviews: plan 2023-03-01, meetings 2024-02-20 and 2025-04-15, each
    // with its report and decision on time: the second meeting is late (due
    // 2025-02-19, 12 months starting with 2024-02-20).
    let reviews = run(&case(
        "send-review",
        "2025-06-01",
        "2023-03-01 ehc.final\n2024-02-20 review.meeting\n2024-03-01 review.report\n\
         2024-03-12 review.decision\n2025-04-15 review.meeting\n2025-04-25 review.report\n\
         2025-05-06 review.amendments\n",
    ));
    assert_eq!(
        rules(&reviews),
        [Rule::DeadlineMissed],
        "{:#?}",
        reviews.diagnostics
    );
    assert!(
        reviews.diagnostics[0].message.contains("due 2025-02-19"),
        "{}",
        reviews.diagnostics[0].message
    );
}

/// "Starting with" counts the start day: 12 months starting with 2023-03-01
/// end on 2024-02-29; a meeting that day is on time, the next day is not.
#[test]
fn starting_with_counts_the_start_day() {
    let on_time = run(&case(
        "send-review",
        "2024-06-01",
        "2023-03-01 ehc.final\n2024-02-29 review.meeting\n2024-03-07 review.report\n2024-03-21 review.decision\n",
    ));
    assert_eq!(rules(&on_time), [], "{:#?}", on_time.diagnostics);
    let late = run(&case(
        "send-review",
        "2024-06-01",
        "2023-03-01 ehc.final\n2024-03-01 review.meeting\n2024-03-07 review.report\n2024-03-21 review.decision\n",
    ));
    assert_eq!(
        rules(&late),
        [Rule::DeadlineMissed],
        "{:#?}",
        late.diagnostics
    );
}

/// Alternative outcomes: a no-plan notice in week 18 is late against its own
/// 16 weeks and then no plan is due; with neither recorded, nothing is overdue
/// at week 17 and one finding at week 21.
#[test]
fn alternative_outcomes_give_one_finding() {
    let week18 = run(&case(
        "send-ehc",
        "2024-12-01",
        "2024-01-08 ehc.requested\n2024-02-12 ehc.assess-decision\n2024-05-13 ehc.no-plan\n",
    ));
    assert_eq!(
        rules(&week18),
        [Rule::DeadlineMissed],
        "{:#?}",
        week18.diagnostics
    );
    assert!(
        week18.diagnostics[0]
            .message
            .contains("the limit is 16 weeks")
    );
    let week17 = run(&case(
        "send-ehc",
        "2024-05-06",
        "2024-01-08 ehc.requested\n2024-02-12 ehc.assess-decision\n",
    ));
    assert_eq!(rules(&week17), [], "{:#?}", week17.diagnostics);
    let week21 = run(&case(
        "send-ehc",
        "2024-06-03",
        "2024-01-08 ehc.requested\n2024-02-12 ehc.assess-decision\n",
    ));
    assert_eq!(
        rules(&week21),
        [Rule::DeadlineOverdue],
        "{:#?}",
        week21.diagnostics
    );
}

/// An exception the procedure allows, with a reason, switches the limit off:
/// no finding, the record says why, and the summary counts it, so the case
/// never looks as if the limit had been checked and met.
#[test]
fn an_exception_switches_a_limit_off_visibly() {
    let a = run(&case(
        "send-ehc",
        "2024-12-01",
        "2024-01-08 ehc.requested\n  exception ehc.final \"the school was closed for five weeks (reg. 13(3)(a))\"\n\
         2024-02-12 ehc.assess-decision\n2024-06-10 ehc.final\n",
    ));
    assert_eq!(rules(&a), [], "{:#?}", a.diagnostics);
    let r = a
        .deadlines
        .iter()
        .find(|r| r.target_kind == "ehc.final")
        .expect("the plan's record");
    assert_eq!(r.status, DeadlineStatus::NotJudged);
    assert_eq!(r.not_judged, Some(NotJudged::Exception));
    assert!(
        r.exception
            .as_ref()
            .is_some_and(|(why, _)| why.contains("five weeks"))
    );
    assert_eq!(a.checked.switched_off, 1);
    assert!(
        a.checked
            .describe()
            .contains("1 limit switched off by an exception"),
        "{}",
        a.checked.describe()
    );
    // A placeholder reason switches nothing off.
    let b = run(&case(
        "send-ehc",
        "2024-12-01",
        "2024-01-08 ehc.requested\n  exception ehc.final \"TODO\"\n2024-02-12 ehc.assess-decision\n2024-06-10 ehc.final\n",
    ));
    assert_eq!(
        rules(&b),
        [Rule::ExceptionInvalid, Rule::DeadlineMissed],
        "{:#?}",
        b.diagnostics
    );
}

/// A procedure's own calendar wins over the case's: FOI counts in `uk-any`
/// even in a case that names `england-and-wales`, where 20 working days from
/// 2024-11-20 would end on 2024-12-18.
#[test]
fn a_procedure_s_calendar_wins_over_the_case_s() {
    let text = "case \"1\"\n  procedure foi\n  calendar england-and-wales\n  as-of 2025-03-01\n\n\
                2024-11-20 foi.received\n2024-12-19 foi.response\n";
    let a = run(text);
    assert_eq!(rules(&a), [], "{:#?}", a.diagnostics);
    assert_eq!(
        a.deadlines[0].counting.calendar.as_ref().map(|c| c.name()),
        Some("uk-any")
    );
}

/// Wales: acknowledgement within 2 working days, the formal response within 25.
#[test]
fn wales_social_services() {
    // Friday 2024-05-24 + 2 working days: Monday 27 May is a bank holiday, so
    // Wednesday 2024-05-29; an acknowledgement on 2024-05-30 is a day late.
    let a = run(&case(
        "wales-social-services",
        "2024-12-01",
        "2024-05-24 complaint.received\n2024-05-30 complaint.acknowledged\n2024-06-05 local.discussion\n",
    ));
    assert_eq!(rules(&a), [Rule::DeadlineMissed], "{:#?}", a.diagnostics);
    assert!(
        a.diagnostics[0].message.contains("due 2024-05-29"),
        "{}",
        a.diagnostics[0].message
    );
}

/// Every new built-in is listed with a title and a source, and its deadlines
/// name only events it declares and calendars that exist.
#[test]
fn the_six_built_ins_are_complete() {
    let defs = Definitions::builtin();
    for name in [
        "send-ehc",
        "send-review",
        "wales-social-services",
        "foi",
        "eir",
        "sar",
    ] {
        let p = defs
            .procedure(name)
            .unwrap_or_else(|| panic!("{name} is built in"));
        assert!(p.title.is_some() && p.source.is_some(), "{name}");
        for d in p.deadlines.iter() {
            for (k, _) in d.outcomes() {
                assert!(p.event(k).is_some(), "{name}: {k}");
            }
            for s in d.starts() {
                assert!(p.event(s).is_some(), "{name}: {s}");
            }
            if let Some(c) = &d.calendar {
                assert!(defs.calendars().get(c).is_some(), "{name}: {c}");
            }
            assert!(d.citation.is_some(), "{name}: every limit cites its source");
        }
    }
}

/// The guide's chapter on these clocks says what its examples give: they
/// read without a syntax error, and the first is the plan 14 days late.
#[test]
fn the_guide_s_examples_say_what_they_do() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/guide/src/statutory-clocks.md");
    let text = std::fs::read_to_string(path).expect("the guide's chapter");
    let blocks: Vec<&str> = text
        .split("```caseline\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or_default())
        .collect();
    assert_eq!(blocks.len(), 3, "the chapter's examples");
    for b in &blocks {
        let parse = caseline_syntax::parse(b);
        assert!(parse.errors().is_empty(), "{b}\n{:?}", parse.errors());
    }
    let first = run(blocks[0]);
    assert_eq!(
        rules(&first),
        [Rule::DeadlineMissed],
        "{:#?}",
        first.diagnostics
    );
    assert!(first.diagnostics[0].message.contains("14 days late"));
    assert!(first.diagnostics[0].message.contains("due 2024-05-27"));
    // The definitions example is a definitions file whose lines all apply.
    let parse = caseline_syntax::parse(blocks[2]);
    let (_, problems) = Definitions::with_workspace(&[("corp.case".to_owned(), &parse)]);
    assert!(problems.is_empty(), "{problems:?}");
}

/// An exception belongs to its own request: one recorded on the first
/// request's plan does not switch off the second request's limit (2025-01-06 +
/// 20 weeks = 2025-05-26; a plan on 2025-07-07 is 42 days late).
#[test]
fn an_exception_belongs_to_its_own_round() {
    let a = run(&case(
        "send-ehc",
        "2025-12-01",
        "2024-01-08 ehc.requested\n2024-02-12 ehc.assess-decision\n2024-06-10 ehc.final\n  \
         exception ehc.final \"the school was closed for five weeks (reg. 13(3)(a))\"\n\
         2025-01-06 ehc.requested\n2025-02-10 ehc.assess-decision\n2025-07-07 ehc.final\n",
    ));
    assert_eq!(rules(&a), [Rule::DeadlineMissed], "{:#?}", a.diagnostics);
    assert!(a.diagnostics[0].message.contains("42 days late"));
    assert_eq!(a.checked.switched_off, 1);
}

/// FOIA s.10(2) pauses, worked out in the UK-wide calendar:
/// - two fees notices (8 and 15 January 2025) and one fee (24 January): the
///   days 8-24 January count once, 13 working days, so 20 + 13 working days
///   after 6 January is 2025-02-20;
/// - a fees notice on the day of receipt: that day never counts ("following
///   the date of receipt"), so a fee on 8 January takes out 7 and 8 January
///   only, and the response is due 2025-02-05;
/// - a fees notice after even the extended due day changes nothing: the
///   request is overdue as if there were none;
/// - a fee received for a later request does not end an earlier one's pause.
#[test]
fn pauses_count_each_day_once_and_only_inside_their_request() {
    let due = |entries: &str| {
        let a = run(&case("foi", "2025-12-01", entries));
        let r = &a.deadlines[0];
        (r.due.exact().map(|d| d.to_string()), a)
    };
    let (d, _) = due(
        "2025-01-06 foi.received\n2025-01-08 foi.fee-notice\n2025-01-15 foi.fee-notice\n\
         2025-01-24 foi.fee-received\n2025-02-20 foi.response\n",
    );
    assert_eq!(d.as_deref(), Some("2025-02-20"));
    let (d, _) = due(
        "2025-01-06 foi.received\n2025-01-06 foi.fee-notice\n2025-01-08 foi.fee-received\n\
         2025-02-05 foi.response\n",
    );
    assert_eq!(d.as_deref(), Some("2025-02-05"));
    let (_, a) = due("2025-01-06 foi.received\n2025-04-01 foi.fee-notice\n");
    assert_eq!(rules(&a), [Rule::DeadlineOverdue], "{:#?}", a.diagnostics);
    // The first request's notice is never followed by its own fee: its
    // pause runs to its response (the later request's fee is not its end).
    let (_, a) = due(
        "2025-01-06 foi.received\n2025-01-10 foi.fee-notice\n2025-03-03 foi.response\n\
         2025-06-02 foi.received\n2025-06-04 foi.fee-notice\n2025-06-09 foi.fee-received\n\
         2025-07-04 foi.response\n",
    );
    let first = &a.deadlines[0];
    assert!(
        first
            .counting
            .pause_events
            .as_ref()
            .is_some_and(|(_, until)| until.contains("no receipt of the fee is recorded")),
        "{:?}",
        first.counting
    );
    assert!(rules(&a).is_empty(), "{:#?}", a.diagnostics);
}

/// Only the due day that moved is said to have moved: a SAR received on
/// Monday 2025-02-10 is due Monday 2025-03-10 (not moved); its three-month
/// day, Saturday 2025-05-10, moves to Monday 2025-05-12.
#[test]
fn only_the_due_day_that_rolled_forward_says_so() {
    let a = run(&case(
        "sar",
        "2025-12-01",
        "2025-02-10 sar.received\n2025-03-12 sar.response\n",
    ));
    let r = &a.deadlines[0];
    assert!(!r.counting.rolled_forward);
    assert!(r.counting.extended_rolled_forward);
    assert_eq!(
        r.extended_due
            .and_then(|d| d.exact())
            .map(|d| d.to_string()),
        Some("2025-05-12".to_string())
    );
    assert!(
        !a.diagnostics[0]
            .message
            .contains(", moved on to the next working day"),
        "{}",
        a.diagnostics[0].message
    );
}

/// A procedure with a pause counted in calendar days, for the pause rules
/// that FOI's working days do not reach (found by `cargo mutants`: each
/// assertion below failed under a mutant that every other test let pass).
fn paused(entries: &str) -> Analysis {
    let defs_text = "procedure daysp\n  event d.received \"received\"\n  event d.stop \"stop\"\n  \
                     event d.go \"go\"\n  event d.response \"response\"\n  \
                     deadline d.response within 10d of d.received\n  \
                     pause d.response from d.stop until d.go\n";
    let defs_parse = caseline_syntax::parse(defs_text);
    let (defs, problems) = Definitions::with_workspace(&[("daysp.case".to_owned(), &defs_parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    let parse = caseline_syntax::parse(&case("daysp", "2024-06-01", entries));
    check(&parse, &defs, &common::options())
}

fn due_of(a: &Analysis) -> (Option<String>, Option<String>) {
    let d = a.deadlines[0].due;
    (
        d.earliest.map(|d| d.to_string()),
        d.latest.map(|d| d.to_string()),
    )
}

fn exactly(day: &str) -> (Option<String>, Option<String>) {
    (Some(day.to_owned()), Some(day.to_owned()))
}

#[test]
fn pauses_in_calendar_days_edges_and_uncertain_dates() {
    // 2024-01-01 + 10 days = 2024-01-11; 3 to 5 January paused (3 days,
    // both ends included): 2024-01-14.
    let a = paused("2024-01-01 d.received\n2024-01-03 d.stop\n2024-01-05 d.go\n");
    assert_eq!(due_of(&a), exactly("2024-01-14"));
    // A one-day pause on the day after the start counts that day: 01-12.
    let a = paused("2024-01-01 d.received\n2024-01-02 d.stop\n2024-01-02 d.go\n");
    assert_eq!(due_of(&a), exactly("2024-01-12"));
    // A pause on the start day itself counts nothing (the start day never
    // counts): 01-11.
    let a = paused("2024-01-01 d.received\n2024-01-01 d.stop\n2024-01-01 d.go\n");
    assert_eq!(due_of(&a), exactly("2024-01-11"));
    // A stop dated before the start is not this round's pause: 2024-01-10 +
    // 10 days = 01-20, however long the stop ran after it.
    let a = paused(
        "2024-01-05 d.stop\n2024-01-10 d.received\n2024-01-12 d.go\n2024-01-30 d.response\n",
    );
    assert_eq!(due_of(&a), exactly("2024-01-20"));
    // A stop after the outcome is not this round's pause either: 01-11.
    let a = paused(
        "2024-01-01 d.received\n2024-01-08 d.response\n2024-01-09 d.stop\n2024-01-10 d.go\n",
    );
    assert_eq!(due_of(&a), exactly("2024-01-11"));
    // A stop that belongs to the next request (made on 5 January, before the
    // first one's due day, 01-11) does not stop the clock of the first, which
    // has no response: that one is overdue, not paused.
    let a = paused(
        "2024-01-01 d.received\n2024-01-05 d.received\n2024-01-08 d.stop\n2024-01-10 d.go\n",
    );
    assert_eq!(
        a.deadlines[0].status,
        DeadlineStatus::Overdue,
        "{:#?}",
        a.deadlines
    );
    // A stop on some day from 5 to 20 January, the go on the 25th: if it came
    // after the due day (01-11) it changes nothing, so the earliest due day is
    // 01-11; if it came on the 5th, 5-25 January (21 days) are paused, so the
    // latest is 2024-02-01.
    let a = paused("2024-01-01 d.received\n2024-01-05..20 d.stop\n2024-01-25 d.go\n");
    assert_eq!(
        due_of(&a),
        (Some("2024-01-11".to_owned()), Some("2024-02-01".to_owned()))
    );
}

/// When the request and the proof of identity come the same day, the clock
/// starts that day and the message names the request (the first listed).
#[test]
fn a_same_day_latest_of_start_names_the_first_event() {
    let a = run(&case(
        "sar",
        "2025-12-01",
        "2025-06-02 sar.received\n2025-06-02 sar.id-received\n2025-07-02 sar.response\n",
    ));
    assert_eq!(a.deadlines[0].start_kind, "sar.received");
    assert_eq!(
        a.deadlines[0].due.exact().map(|d| d.to_string()),
        Some("2025-07-02".to_string())
    );
    assert!(rules(&a).is_empty(), "{:#?}", a.diagnostics);
}
