//! How the engine's figures read in an editor, shared by hover and inlay
//! hints: dates and ranges in the file's own forms, counts with their unit,
//! lateness, and where a recommendation stands. Only words: every figure comes
//! from `caseline-check`'s records.

use caseline_check::{CountRange, CountUnit, Duration, Interval, RecRecord, RecStatus, Unit};
use caseline_syntax::ast::{DurationLit, DurationUnit};
use chrono::Datelike;

/// `2023-10-27`; a vague date in the file's own short range forms
/// (`2024-04-15..20`, `2024-04-15..06-14`, `2024-12-30..2025-01-03`); `?`
/// for an open end.
pub fn interval_text(i: &Interval) -> String {
    match (i.earliest, i.latest) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) if a.year() == b.year() && a.month() == b.month() => {
            format!("{a}..{}", b.format("%d"))
        }
        (Some(a), Some(b)) if a.year() == b.year() => format!("{a}..{}", b.format("%m-%d")),
        (a, b) => {
            let show = |d: Option<chrono::NaiveDate>| d.map_or("?".to_owned(), |d| d.to_string());
            format!("{}..{}", show(a), show(b))
        }
    }
}

/// `40`, `38–40` when the dates are vague, `38+` or `≤40` when one end is open.
pub fn count_text(c: &CountRange) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => format!("{a}+"),
        (None, Some(b)) => format!("≤{b}"),
        (None, None) => "?".to_owned(),
    }
}

/// ` wd` or ` d`: what a deadline's counts are in, for hints.
pub fn unit_short(u: CountUnit) -> &'static str {
    match u {
        CountUnit::WorkingDays => " wd",
        CountUnit::Days => " d",
    }
}

/// ` working days` or ` days`: the same, in full, for hovers.
pub fn unit_long(u: CountUnit) -> &'static str {
    match u {
        CountUnit::WorkingDays => " working days",
        CountUnit::Days => " days",
    }
}

/// `40 wd late`, `up to 12 wd late`, or nothing when not late under any
/// reading. `unit` always goes with the number (` wd`, ` working days`).
pub fn late_text(late: Option<&CountRange>, unit: &str) -> Option<String> {
    let late = late?;
    match (late.min, late.max) {
        (Some(a), _) if a > 0 => Some(format!("{}{unit} late", count_text(late))),
        (_, Some(b)) if b > 0 => Some(format!("up to {b}{unit} late")),
        (_, None) => Some("possibly late".to_owned()),
        _ => None,
    }
}

/// `65 wd`, `15 d`, `4 w`, `1 m`, `1 y`: a deadline's limit, for hints.
pub fn limit_text(d: &Duration) -> String {
    let unit = match d.unit {
        Unit::WorkingDays => "wd",
        Unit::Days => "d",
        Unit::Weeks => "w",
        Unit::Months => "m",
        Unit::Years => "y",
    };
    format!("{} {unit}", d.amount)
}

/// `25wd`, `15d`, `4w`, `1m`, `1y`: a duration as the user writes it.
pub fn duration_text(d: &DurationLit) -> String {
    let unit = match d.unit {
        DurationUnit::WorkingDays => "wd",
        DurationUnit::Days => "d",
        DurationUnit::Weeks => "w",
        DurationUnit::Months => "m",
        DurationUnit::Years => "y",
    };
    format!("{}{unit}", d.amount)
}

/// Where a recommendation stands as of the as-of date, as the engine judged
/// it: past its due date and not done or declined, it is overdue, never
/// "open" (`RecRecord::overdue`, docs/format.md#checks, as `rec-overdue` judges it);
/// possibly overdue when the as-of date falls inside a vague due date
/// (`RecRecord::possibly_overdue`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecState {
    Open,
    PartlyDone,
    Overdue { partly_done: bool },
    PossiblyOverdue { partly_done: bool },
    Done,
    Declined,
}

pub fn rec_state(r: &RecRecord) -> RecState {
    // The engine's judgement first: it knows when a `done` came after the as-of date.
    if r.overdue.is_some() {
        return RecState::Overdue {
            partly_done: r.status == RecStatus::Partial,
        };
    }
    let partly_done = match r.status {
        RecStatus::Done => return RecState::Done,
        RecStatus::Declined => return RecState::Declined,
        RecStatus::Partial => true,
        RecStatus::Open => false,
    };
    if r.possibly_overdue {
        RecState::PossiblyOverdue { partly_done }
    } else if partly_done {
        RecState::PartlyDone
    } else {
        RecState::Open
    }
}

pub fn state_words(state: RecState) -> &'static str {
    match state {
        RecState::Open => "open",
        RecState::PartlyDone => "partly done",
        RecState::Overdue { partly_done: false } => "overdue",
        RecState::Overdue { partly_done: true } => "overdue (partly done)",
        RecState::PossiblyOverdue { partly_done: false } => "possibly overdue",
        RecState::PossiblyOverdue { partly_done: true } => "possibly overdue (partly done)",
        RecState::Done => "done",
        RecState::Declined => "declined",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn iv(a: Option<(i32, u32, u32)>, b: Option<(i32, u32, u32)>) -> Interval {
        let d =
            |t: Option<(i32, u32, u32)>| t.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        Interval {
            earliest: d(a),
            latest: d(b),
        }
    }

    #[test]
    fn intervals_use_the_short_range_forms() {
        assert_eq!(
            interval_text(&iv(Some((2023, 12, 22)), Some((2023, 12, 22)))),
            "2023-12-22"
        );
        assert_eq!(
            interval_text(&iv(Some((2024, 4, 15)), Some((2024, 4, 20)))),
            "2024-04-15..20"
        );
        assert_eq!(
            interval_text(&iv(Some((2024, 4, 15)), Some((2024, 6, 14)))),
            "2024-04-15..06-14"
        );
        assert_eq!(
            interval_text(&iv(Some((2024, 12, 30)), Some((2025, 1, 3)))),
            "2024-12-30..2025-01-03"
        );
        assert_eq!(
            interval_text(&iv(Some((2025, 5, 1)), None)),
            "2025-05-01..?"
        );
        assert_eq!(interval_text(&iv(None, None)), "?..?");
    }

    #[test]
    fn counts_and_lateness_carry_their_unit() {
        let c = |min, max| CountRange { min, max };
        assert_eq!(count_text(&c(Some(40), Some(40))), "40");
        assert_eq!(count_text(&c(Some(26), Some(46))), "26–46");
        assert_eq!(
            late_text(Some(&c(Some(40), Some(40))), " wd"),
            Some("40 wd late".to_owned())
        );
        assert_eq!(
            late_text(Some(&c(Some(-3), Some(10))), " wd"),
            Some("up to 10 wd late".to_owned())
        );
        assert_eq!(late_text(Some(&c(Some(-9), Some(-2))), " wd"), None);
        assert_eq!(
            late_text(Some(&c(Some(12), Some(12))), " d"),
            Some("12 d late".to_owned())
        );
    }
}
