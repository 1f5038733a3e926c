//! How dates, counts and durations are said in messages: in the investigator's
//! words ("in June 2024", "84 to 105 working days"), never in Rust's.
//!
//! Pure functions of dates and numbers: no calendar, no document.

use caseline_calendar::{Duration, NaiveDate};
use caseline_syntax::ast::DateSpec;
use chrono::Datelike;

use super::timeline::Iv;
use crate::records::{CountRange, CountUnit};

fn month_name(d: NaiveDate) -> &'static str {
    u8::try_from(d.month())
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

fn is_month_start(d: NaiveDate) -> bool {
    d.day() == 1
}

fn is_month_end(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.day() == 1)
}

/// When an entry happened, as a phrase that follows a noun: "on 2024-02-21",
/// "in June 2024", "between 2024-11-06 and 2024-12-08", "on an unknown date
/// between 2024-05-01 and 2024-11-30".
pub(crate) fn when(spec: Option<DateSpec>, iv: Iv) -> String {
    match spec {
        Some(DateSpec::Day(d)) => format!("on {d}"),
        Some(DateSpec::Span { first, last }) if is_month_start(first) && is_month_end(last) => {
            if first.year() == last.year() && first.month() == last.month() {
                format!("in {} {}", month_name(first), first.year())
            } else if first.year() == last.year() {
                format!(
                    "between {} and {} {}",
                    month_name(first),
                    month_name(last),
                    last.year()
                )
            } else {
                format!(
                    "between {} {} and {} {}",
                    month_name(first),
                    first.year(),
                    month_name(last),
                    last.year()
                )
            }
        }
        Some(DateSpec::Span { first, last }) => format!("between {first} and {last}"),
        Some(DateSpec::Unknown) | None => match (iv.lo, iv.hi) {
            (Some(a), Some(b)) => format!("on an unknown date between {a} and {b}"),
            (Some(a), None) => format!("on an unknown date on or after {a}"),
            (None, Some(b)) => format!("on an unknown date on or before {b}"),
            (None, None) => "on an unknown date".to_string(),
        },
    }
}

/// A due date: "2023-12-22", "between 2024-08-30 and 2024-09-30", "on or after
/// 2025-05-01" (open-ended), "unknown".
pub(crate) fn date_range(iv: Iv) -> String {
    match (iv.lo, iv.hi) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("between {a} and {b}"),
        (Some(a), None) => format!("on or after {a}"),
        (None, Some(b)) => format!("on or before {b}"),
        (None, None) => "on an unknown date".to_string(),
    }
}

/// "65 working days", "1 month", "4 weeks".
pub(crate) fn duration(d: Duration) -> String {
    d.describe()
}

pub(crate) fn unit_words(unit: CountUnit, n: i64) -> &'static str {
    match (unit, n == 1) {
        (CountUnit::WorkingDays, true) => "working day",
        (CountUnit::WorkingDays, false) => "working days",
        (CountUnit::Days, true) => "day",
        (CountUnit::Days, false) => "days",
    }
}

/// "105 working days", "84 to 105 working days", "at least 84 working days".
pub(crate) fn count(c: CountRange, unit: CountUnit) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => format!("{a} {}", unit_words(unit, a)),
        (Some(a), Some(b)) => format!("{a} to {b} {}", unit_words(unit, b)),
        (Some(a), None) if a <= 0 => format!("an unknown number of {}", unit_words(unit, 2)),
        (Some(a), None) => format!("at least {a} {}", unit_words(unit, a)),
        (None, Some(b)) => format!("up to {b} {}", unit_words(unit, b)),
        (None, None) => format!("an unknown number of {}", unit_words(unit, 2)),
    }
}

/// "12 working days late" / "3 to 9 working days overdue"; when the count is
/// 0 (a weekend or holiday after the due day), says so instead of "0 days".
pub(crate) fn lateness(c: CountRange, unit: CountUnit, word: &str) -> String {
    if c.max == Some(0) {
        format!("{word}, though by no whole working day (a non-working day after the due date)")
    } else {
        format!("{} {word}", count(c, unit))
    }
}

/// An event label as the middle of a sentence: lowercase first letter unless
/// the label starts with an acronym ("LGSCO decision").
pub(crate) fn label(l: &str) -> String {
    let mut chars = l.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            let mut s: String = a.to_lowercase().collect();
            s.push_str(&l[a.len_utf8()..]);
            s
        }
        _ => l.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn months_and_ranges() {
        let june = DateSpec::Span {
            first: d("2024-06-01"),
            last: d("2024-06-30"),
        };
        let iv = Iv {
            lo: Some(d("2024-06-01")),
            hi: Some(d("2024-06-30")),
        };
        assert_eq!(when(Some(june), iv), "in June 2024");
        let apr_may = DateSpec::Span {
            first: d("2024-04-01"),
            last: d("2024-05-31"),
        };
        assert_eq!(when(Some(apr_may), iv), "between April and May 2024");
        let q = Iv {
            lo: Some(d("2024-05-01")),
            hi: None,
        };
        assert_eq!(
            when(Some(DateSpec::Unknown), q),
            "on an unknown date on or after 2024-05-01"
        );
    }

    #[test]
    fn lateness_on_a_weekend() {
        let zero = CountRange {
            min: Some(0),
            max: Some(0),
        };
        assert!(lateness(zero, CountUnit::WorkingDays, "late").starts_with("late, though"));
        let three = CountRange {
            min: Some(3),
            max: Some(3),
        };
        assert_eq!(
            lateness(three, CountUnit::WorkingDays, "overdue"),
            "3 working days overdue"
        );
    }

    #[test]
    fn counts_and_labels() {
        let c = CountRange {
            min: Some(84),
            max: Some(105),
        };
        assert_eq!(count(c, CountUnit::WorkingDays), "84 to 105 working days");
        let one = CountRange {
            min: Some(1),
            max: Some(1),
        };
        assert_eq!(count(one, CountUnit::Days), "1 day");
        assert_eq!(label("Stage 2 adjudication"), "stage 2 adjudication");
        assert_eq!(label("LGSCO decision"), "LGSCO decision");
    }
}
