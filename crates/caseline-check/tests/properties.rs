//! Properties of the deadline readings, checked against the calendar directly:
//! with exact dates the status follows from the working-day count alone, and
//! making a date vaguer never turns a missed deadline into a met one or a met
//! one into a missed one.

use caseline_calendar::Calendars;
use caseline_check::{CheckOptions, Config, DeadlineStatus, Definitions, check};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn status_of(text: &str) -> (DeadlineStatus, Option<i64>) {
    let parse = caseline_syntax::parse(text);
    let opts = CheckOptions {
        today: NaiveDate::from_ymd_opt(2030, 1, 1).expect("valid"),
        as_of_override: None,
        config: Config::default(),
    };
    let a = check(&parse, &Definitions::builtin(), &opts);
    let d = a
        .deadlines
        .iter()
        .find(|d| d.target_kind == "stage2.adjudication")
        .expect("the stage 2 deadline is evaluated");
    (d.status, d.late.and_then(|l| l.min))
}

fn case(start: &str, target: &str) -> String {
    format!(
        "case \"p\"\n  procedure children-statutory\n  as-of 2030-01-01\n\n2022-01-04 stage1.received\n2022-01-05 stage1.response\n{start} stage2.requested\n{target} stage2.adjudication\n"
    )
}

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 2, 1)
        .and_then(|d| d.checked_add_days(Days::new(offset)))
        .expect("in range")
}

proptest! {
    #[test]
    fn exact_dates_follow_the_working_day_count(start in 0u64..1000, gap in 0u64..150) {
        let s = day(start);
        let t = day(start + gap);
        let cal = Calendars::builtin().get("england-and-wales").expect("built in");
        let (status, late) = status_of(&case(&s.to_string(), &t.to_string()));
        // children-statutory stage 2: 25 working days, extendable to 65. Lateness
        // compares dates (docs/format.md#checks): a Saturday after a Friday due date is late,
        // by 0 working days.
        let due = cal.add_working_days(s, 25);
        let extended_due = cal.add_working_days(s, 65);
        if t > extended_due {
            prop_assert_eq!(status, DeadlineStatus::Missed);
            prop_assert_eq!(late, Some(cal.working_days_between(extended_due, t)));
        } else if t > due {
            prop_assert_eq!(status, DeadlineStatus::ExtensionUnrecorded);
        } else {
            prop_assert_eq!(status, DeadlineStatus::Met);
        }
    }

    #[test]
    fn vaguer_dates_never_flip_met_and_missed(
        start in 0u64..1000,
        gap in 0u64..150,
        before in 0u64..40,
        after in 0u64..40,
    ) {
        let s = day(start + 40);
        let t = day(start + 40 + gap);
        let (exact, _) = status_of(&case(&s.to_string(), &t.to_string()));
        let lo = t.checked_sub_days(Days::new(before.min(gap))).expect("in range");
        let hi = t.checked_add_days(Days::new(after)).expect("in range");
        let vague_target = if lo == hi { lo.to_string() } else { format!("{lo}..{hi}") };
        let (vague, _) = status_of(&case(&s.to_string(), &vague_target));
        match exact {
            DeadlineStatus::Met | DeadlineStatus::ExtensionUnrecorded => {
                prop_assert_ne!(vague, DeadlineStatus::Missed)
            }
            DeadlineStatus::Missed => prop_assert!(matches!(
                vague,
                DeadlineStatus::Missed | DeadlineStatus::PossiblyMissed
            )),
            other => prop_assert!(false, "unexpected status {:?}", other),
        }
    }
}
