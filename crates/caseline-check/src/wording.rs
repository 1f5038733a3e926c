//! How caseline says dates, counts, durations and where a recommendation
//! stands, in the investigator's words and never in Rust's: the one phrasing
//! module of every front end (messages, the CLI, hovers and inlay hints, the
//! report).
//!
//! Two forms. The long form is for sentences: messages, hovers, the report
//! ("between 2024-06-01 and 2024-06-30", "84 to 105 working days"). The short
//! form is for inlay hints, which sit inside the text and must be brief; it
//! writes dates in the file's own range forms ("2024-06-01..30") and counts
//! with `wd`/`d` ("84–105 wd").
//!
//! Pure functions of dates, numbers and the engine's records: no calendar,
//! no document.

use caseline_calendar::{Duration, Interval, NaiveDate, Unit};
use caseline_syntax::ast::{DateSpec, DurationLit, DurationUnit};
use chrono::Datelike;

use crate::records::{CountRange, CountUnit, RecRecord, RecStatus};

/// Which form to say a figure in (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// For sentences: messages, hovers, the report.
    Long,
    /// For inlay hints.
    Short,
}

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
pub fn when(spec: Option<DateSpec>, iv: Interval) -> String {
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
        Some(DateSpec::Unknown) | None => match (iv.earliest, iv.latest) {
            (Some(a), Some(b)) => format!("on an unknown date between {a} and {b}"),
            (Some(a), None) => format!("on an unknown date on or after {a}"),
            (None, Some(b)) => format!("on an unknown date on or before {b}"),
            (None, None) => "on an unknown date".to_string(),
        },
    }
}

/// A date that may be vague, in either form. Long: "2023-12-22", "between
/// 2024-08-30 and 2024-09-30", "on or after 2025-05-01" (open-ended), "on an
/// unknown date". Short, in the file's own range forms: "2023-12-22",
/// "2024-04-15..20", "2024-04-15..06-14", "2024-12-30..2025-01-03", with `?`
/// for an open end.
pub fn interval(i: Interval, form: Form) -> String {
    match form {
        Form::Long => match (i.earliest, i.latest) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("between {a} and {b}"),
            (Some(a), None) => format!("on or after {a}"),
            (None, Some(b)) => format!("on or before {b}"),
            (None, None) => "on an unknown date".to_string(),
        },
        Form::Short => match (i.earliest, i.latest) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) if a.year() == b.year() && a.month() == b.month() => {
                format!("{a}..{}", b.format("%d"))
            }
            (Some(a), Some(b)) if a.year() == b.year() => {
                format!("{a}..{}", b.format("%m-%d"))
            }
            (a, b) => {
                let show = |d: Option<NaiveDate>| d.map_or("?".to_owned(), |d| d.to_string());
                format!("{}..{}", show(a), show(b))
            }
        },
    }
}

/// The long form of [`interval`], as messages say a due date.
pub fn date_range(i: Interval) -> String {
    interval(i, Form::Long)
}

/// A time limit. Long: "65 working days", "1 month", "4 weeks". Short:
/// "65 wd", "15 d", "4 w", "1 m", "1 y".
pub fn limit(d: Duration, form: Form) -> String {
    match form {
        Form::Long => d.describe(),
        Form::Short => {
            let unit = match d.unit {
                Unit::WorkingDays => "wd",
                Unit::Days => "d",
                Unit::Weeks => "w",
                Unit::Months => "m",
                Unit::Years => "y",
            };
            format!("{} {unit}", d.amount)
        }
    }
}

/// The long form of [`limit`].
pub fn duration(d: Duration) -> String {
    limit(d, Form::Long)
}

/// A duration as the user writes it in a file: "25wd", "15d", "4w", "1m", "1y".
pub fn as_written(d: &DurationLit) -> String {
    let unit = match d.unit {
        DurationUnit::WorkingDays => "wd",
        DurationUnit::Days => "d",
        DurationUnit::Weeks => "w",
        DurationUnit::Months => "m",
        DurationUnit::Years => "y",
    };
    format!("{}{unit}", d.amount)
}

/// The unit of a count. Long, agreeing with `n`: "working day(s)", "day(s)".
/// Short: "wd", "d".
pub fn unit(unit: CountUnit, n: i64, form: Form) -> &'static str {
    match (form, unit, n == 1) {
        (Form::Short, CountUnit::WorkingDays, _) => "wd",
        (Form::Short, CountUnit::Days, _) => "d",
        (Form::Long, CountUnit::WorkingDays, true) => "working day",
        (Form::Long, CountUnit::WorkingDays, false) => "working days",
        (Form::Long, CountUnit::Days, true) => "day",
        (Form::Long, CountUnit::Days, false) => "days",
    }
}

/// The long form of [`unit`].
pub fn unit_words(u: CountUnit, n: i64) -> &'static str {
    unit(u, n, Form::Long)
}

/// A number that may be uncertain, without its unit. Long: "12", "26 to 46",
/// "at least 3", "up to 5", "unknown". Short: "12", "26–46", "3+", "≤5", "?".
pub fn number(c: &CountRange, form: Form) -> String {
    match form {
        Form::Long => match (c.min, c.max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{} to {}", a.min(b), a.max(b)),
            (Some(a), None) => format!("at least {a}"),
            (None, Some(b)) => format!("up to {b}"),
            (None, None) => "unknown".to_string(),
        },
        Form::Short => match (c.min, c.max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("{a}+"),
            (None, Some(b)) => format!("≤{b}"),
            (None, None) => "?".to_owned(),
        },
    }
}

/// A count with its unit, long form: "105 working days", "84 to 105 working
/// days", "at least 84 working days", "an unknown number of working days".
pub fn count(c: CountRange, u: CountUnit) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => format!("{a} {}", unit_words(u, a)),
        (Some(a), Some(b)) => format!("{a} to {b} {}", unit_words(u, b)),
        (Some(a), None) if a <= 0 => format!("an unknown number of {}", unit_words(u, 2)),
        (Some(a), None) => format!("at least {a} {}", unit_words(u, a)),
        (None, Some(b)) => format!("up to {b} {}", unit_words(u, b)),
        (None, None) => format!("an unknown number of {}", unit_words(u, 2)),
    }
}

/// How late a stage or recommendation is, or nothing when it is not late under
/// any reading. Long: "40 working days late", "up to 12 working days late",
/// "possibly late". Short: "40 wd late", "up to 12 wd late".
pub fn late(late: Option<&CountRange>, u: CountUnit, form: Form) -> Option<String> {
    let late = late?;
    match (late.min, late.max) {
        (Some(a), b) if a > 0 => Some(format!(
            "{} {} late",
            number(late, form),
            unit(u, b.unwrap_or(a), form)
        )),
        (_, Some(b)) if b > 0 => Some(format!("up to {b} {} late", unit(u, b, form))),
        (_, None) => Some("possibly late".to_owned()),
        _ => None,
    }
}

/// Where a recommendation stands as of the as-of date, as the engine judged
/// it: past its due date and not done or declined, it is overdue, never
/// "open" (`RecRecord::overdue`, as `rec-overdue` judges it); possibly overdue
/// when the as-of date falls inside a vague due date
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

impl RecState {
    pub fn of(r: &RecRecord) -> RecState {
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

    /// "open", "overdue (partly done)", "declined".
    pub fn words(self) -> &'static str {
        match self {
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
}

/// "12 working days late" / "3 to 9 working days overdue"; when the count is
/// 0 (a weekend or holiday after the due day), says so instead of "0 days".
pub fn lateness(c: CountRange, unit: CountUnit, word: &str) -> String {
    if c.max == Some(0) {
        format!("{word}, though by no whole working day (a non-working day after the due date)")
    } else {
        format!("{} {word}", count(c, unit))
    }
}

/// An event label as the middle of a sentence: lowercase first letter unless
/// the label starts with an acronym ("LGSCO decision").
pub fn label(l: &str) -> String {
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
        let iv = Interval::range(d("2024-06-01"), d("2024-06-30"));
        assert_eq!(when(Some(june), iv), "in June 2024");
        let apr_may = DateSpec::Span {
            first: d("2024-04-01"),
            last: d("2024-05-31"),
        };
        assert_eq!(when(Some(apr_may), iv), "between April and May 2024");
        let q = Interval::new(Some(d("2024-05-01")), None);
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

    #[test]
    fn intervals_in_both_forms() {
        let day = Interval::day(d("2023-12-22"));
        assert_eq!(interval(day, Form::Short), "2023-12-22");
        assert_eq!(interval(day, Form::Long), "2023-12-22");
        let april = Interval::range(d("2024-04-15"), d("2024-04-20"));
        assert_eq!(interval(april, Form::Short), "2024-04-15..20");
        assert_eq!(
            interval(april, Form::Long),
            "between 2024-04-15 and 2024-04-20"
        );
        let spring = Interval::range(d("2024-04-15"), d("2024-06-14"));
        assert_eq!(interval(spring, Form::Short), "2024-04-15..06-14");
        let new_year = Interval::range(d("2024-12-30"), d("2025-01-03"));
        assert_eq!(interval(new_year, Form::Short), "2024-12-30..2025-01-03");
        let open = Interval::new(Some(d("2025-05-01")), None);
        assert_eq!(interval(open, Form::Short), "2025-05-01..?");
        assert_eq!(interval(open, Form::Long), "on or after 2025-05-01");
        assert_eq!(interval(Interval::unknown(), Form::Short), "?..?");
        assert_eq!(
            interval(Interval::unknown(), Form::Long),
            "on an unknown date"
        );
    }

    #[test]
    fn lateness_and_numbers_in_both_forms() {
        let c = |min, max| CountRange { min, max };
        assert_eq!(number(&c(Some(40), Some(40)), Form::Short), "40");
        assert_eq!(number(&c(Some(26), Some(46)), Form::Short), "26–46");
        assert_eq!(number(&c(Some(26), Some(46)), Form::Long), "26 to 46");
        assert_eq!(number(&c(Some(3), None), Form::Short), "3+");
        assert_eq!(number(&c(Some(3), None), Form::Long), "at least 3");
        let wd = CountUnit::WorkingDays;
        let forty = c(Some(40), Some(40));
        assert_eq!(
            late(Some(&forty), wd, Form::Short).as_deref(),
            Some("40 wd late")
        );
        assert_eq!(
            late(Some(&forty), wd, Form::Long).as_deref(),
            Some("40 working days late")
        );
        let one = c(Some(1), Some(1));
        assert_eq!(
            late(Some(&one), wd, Form::Long).as_deref(),
            Some("1 working day late")
        );
        let some_readings = c(Some(-3), Some(10));
        assert_eq!(
            late(Some(&some_readings), wd, Form::Short).as_deref(),
            Some("up to 10 wd late")
        );
        assert_eq!(late(Some(&c(Some(-9), Some(-2))), wd, Form::Short), None);
        assert_eq!(
            late(Some(&c(Some(12), Some(12))), CountUnit::Days, Form::Short).as_deref(),
            Some("12 d late")
        );
        assert_eq!(late(None, wd, Form::Long), None);
        let limit65 = Duration {
            amount: 65,
            unit: Unit::WorkingDays,
        };
        assert_eq!(limit(limit65, Form::Short), "65 wd");
        assert_eq!(limit(limit65, Form::Long), "65 working days");
    }

    #[test]
    fn a_span_is_a_month_only_from_its_first_to_its_last_day() {
        let span = |a: &str, b: &str| DateSpec::Span {
            first: d(a),
            last: d(b),
        };
        let iv = |a: &str, b: &str| Interval::range(d(a), d(b));
        // Half a month is not "in June".
        assert_eq!(
            when(
                Some(span("2024-06-01", "2024-06-15")),
                iv("2024-06-01", "2024-06-15")
            ),
            "between 2024-06-01 and 2024-06-15"
        );
        assert_eq!(
            when(
                Some(span("2024-06-02", "2024-06-30")),
                iv("2024-06-02", "2024-06-30")
            ),
            "between 2024-06-02 and 2024-06-30"
        );
        // February of a leap year ends on the 29th.
        assert_eq!(
            when(
                Some(span("2024-02-01", "2024-02-29")),
                iv("2024-02-01", "2024-02-29")
            ),
            "in February 2024"
        );
        assert_eq!(
            when(
                Some(span("2024-02-01", "2024-02-28")),
                iv("2024-02-01", "2024-02-28")
            ),
            "between 2024-02-01 and 2024-02-28"
        );
    }
}
