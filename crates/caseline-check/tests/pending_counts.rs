//! The counts of a deadline whose target is not recorded yet and is not
//! overdue ("pending"): days taken so far and days to go, as of the as-of
//! date. The timeline report shows them ("Not recorded as of 2024-05-10, 8
//! working days taken"), and they are counted apart from the overdue ones
//! (`Cx::count_quietly`, which must not raise `calendar-coverage`). Issue 15:
//! a mutant making that count 0 survived every test in the workspace. The
//! expected figures below are worked out by hand from a calendar, not by the
//! engine's calendar.

use caseline_check::{
    CheckOptions, Config, CountRange, CountUnit, DeadlineRecord, DeadlineStatus, Definitions, check,
};
use chrono::NaiveDate;

fn record(text: &str, defs: &Definitions, target: &str) -> DeadlineRecord {
    let parse = caseline_syntax::parse(text);
    let opts = CheckOptions {
        today: NaiveDate::from_ymd_opt(2030, 1, 1).expect("a date"),
        as_of_override: None,
        config: Config::default(),
    };
    let a = check(&parse, defs, &opts);
    assert!(parse.errors().is_empty(), "{:?}", parse.errors());
    let found: Vec<&DeadlineRecord> = a
        .deadlines
        .iter()
        .filter(|d| d.target_kind == target)
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", a.deadlines);
    found[0].clone()
}

fn range(min: i64, max: i64) -> Option<CountRange> {
    Some(CountRange {
        min: Some(min),
        max: Some(max),
    })
}

/// Received Monday 29 April 2024; as of Friday 10 May. Stage 1 allows 10
/// working days, 20 if extended (children-statutory, reg. 14).
///
/// Working days after 29 April up to 10 May: Tue 30 Apr, Wed 1, Thu 2, Fri 3
/// May, (Mon 6 May is the Early May bank holiday), Tue 7, Wed 8, Thu 9, Fri
/// 10: 8 taken. Due after 10 working days: Mon 13 (9), Tue 14 May (10).
/// Extended, 20: Wed 15 .. Fri 24 (11..18), (Mon 27 May is the Spring bank
/// holiday), Tue 28 (19), Wed 29 May (20). Lateness is judged against the
/// extended limit: from 10 May to 29 May are 13, 14, 15, 16, 17, 20, 21, 22,
/// 23, 24, 28, 29 May: 12 working days to go, so `late` is -12.
#[test]
fn a_pending_stage_counts_working_days_taken_and_to_go() {
    let text = "case \"pending\"\n  procedure children-statutory\n  as-of 2024-05-10\n\n2024-04-29 stage1.received\n";
    let d = record(text, &Definitions::builtin(), "stage1.response");
    assert_eq!(d.status, DeadlineStatus::Pending);
    assert_eq!(d.unit, CountUnit::WorkingDays);
    assert_eq!(d.due.earliest, NaiveDate::from_ymd_opt(2024, 5, 14));
    assert_eq!(
        d.extended_due.and_then(|e| e.latest),
        NaiveDate::from_ymd_opt(2024, 5, 29)
    );
    assert_eq!(d.taken, range(8, 8), "working days taken by 10 May");
    assert_eq!(d.late, range(-12, -12), "working days to go to 29 May");
}

/// Received some day in April 2024 (a month, so a range of readings); as of
/// 10 May. Taken at most: 2 to 30 April are 21 working days (22 weekdays in
/// April, less Easter Monday the 1st, which is not counted anyway), plus 7 in
/// May (1, 2, 3, 7, 8, 9, 10) = 28; at least, from 30 April: 7. The extended
/// due date is at the earliest 20 working days after 1 April: 2..5 (4),
/// 8..12 (9), 15..19 (14), 22..26 (19), Mon 29 April (20), which the as-of
/// date passes by 8 (30 April and the 7 May days); at the latest 20 working
/// days after 30 April: 1..3 May (3), 7..10 (7), 13..17 (12), 20..24 (17),
/// (27th a bank holiday) 28, 29, Thu 30 May (20), which is 13 working days
/// after the as-of date (13..17, 20..24, 28..30). So `late` runs from -13 to
/// 8: pending, possibly late already.
#[test]
fn a_pending_stage_from_a_month_counts_a_range() {
    let text = "case \"pending\"\n  procedure children-statutory\n  as-of 2024-05-10\n\n2024-04 stage1.received\n";
    let d = record(text, &Definitions::builtin(), "stage1.response");
    assert_eq!(d.status, DeadlineStatus::Pending);
    assert_eq!(d.taken, range(7, 28));
    assert_eq!(
        d.extended_due.and_then(|e| e.latest),
        NaiveDate::from_ymd_opt(2024, 5, 30)
    );
    assert_eq!(d.late, range(-13, 8));
}

/// A limit in calendar days counts calendar days: started 20 February 2024
/// (a leap year), 15 days allowed, so due 6 March; as of 1 March that is 10
/// days taken (21..29 February is 9, and 1 March) and 5 to go.
#[test]
fn a_pending_stage_with_calendar_days_counts_calendar_days() {
    let defs_text = "procedure p\n  event a.start \"start\"\n  event a.end \"end\"\n  deadline a.end within 15d of a.start\n";
    let defs_parse = caseline_syntax::parse(defs_text);
    let (defs, problems) = Definitions::with_workspace(&[("p.case".to_owned(), &defs_parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    let text = "case \"days\"\n  procedure p\n  as-of 2024-03-01\n\n2024-02-20 a.start\n";
    let d = record(text, &defs, "a.end");
    assert_eq!(d.status, DeadlineStatus::Pending);
    assert_eq!(d.unit, CountUnit::Days);
    assert_eq!(d.due.earliest, NaiveDate::from_ymd_opt(2024, 3, 6));
    assert_eq!(d.taken, range(10, 10));
    assert_eq!(d.late, range(-5, -5));
}
