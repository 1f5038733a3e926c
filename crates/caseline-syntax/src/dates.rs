//! Turning the text of a `date` or `duration` token into values, and saying in
//! plain English why a date is not a real day. The grammar accepts any
//! digits in the right shape; whether the day exists is decided here.
//! Must not depend on tree-sitter, calendars or rules.

use crate::ast::{DateSpec, DurationLit, DurationUnit};
use chrono::{Datelike, NaiveDate};

/// Reads one written date form (see docs/format.md#dates). `Err` carries the message
/// for the `date-invalid` error.
pub fn parse_date(text: &str) -> Result<DateSpec, String> {
    if text == "?" {
        return Ok(DateSpec::Unknown);
    }
    let (start_text, end_text) = match text.split_once("..") {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let start = parse_part(start_text, None)?;
    let Some(end_text) = end_text else {
        return Ok(match start {
            Part::Day(d) => DateSpec::Day(d),
            Part::Month(first, last) => DateSpec::Span { first, last },
        });
    };
    let end = parse_part(end_text, Some(start))?;
    let first = start.first();
    let last = end.last();
    if last < first {
        return Err(format!(
            "this date range ends ({last}) before it starts ({first})"
        ));
    }
    if last == first {
        return Ok(DateSpec::Day(first));
    }
    Ok(DateSpec::Span { first, last })
}

#[derive(Debug, Clone, Copy)]
enum Part {
    Day(NaiveDate),
    /// A whole month: its first and last days.
    Month(NaiveDate, NaiveDate),
}

impl Part {
    fn first(self) -> NaiveDate {
        match self {
            Part::Day(d) | Part::Month(d, _) => d,
        }
    }
    fn last(self) -> NaiveDate {
        match self {
            Part::Day(d) | Part::Month(_, d) => d,
        }
    }
}

/// One side of a date. The end of a range may leave out what it shares with
/// the start: `..20` (day, or month when the start is a month), `..12-03`.
fn parse_part(text: &str, start: Option<Part>) -> Result<Part, String> {
    let nums: Vec<&str> = text.split('-').collect();
    let num = |s: &str| -> Result<u32, String> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`{text}` is not a date like 2024-11-05"));
        }
        s.parse::<u32>()
            .map_err(|_| format!("`{text}` is not a date like 2024-11-05"))
    };
    let (year, month, day) = match (nums.as_slice(), start) {
        ([y, m, d], _) if y.len() == 4 => (num(y)? as i32, num(m)?, Some(num(d)?)),
        ([y, m], _) if y.len() == 4 => (num(y)? as i32, num(m)?, None),
        ([m, d], Some(s)) => (s.first().year(), num(m)?, Some(num(d)?)),
        ([n], Some(Part::Day(s))) => (s.year(), s.month(), Some(num(n)?)),
        ([n], Some(Part::Month(s, _))) => (s.year(), num(n)?, None),
        _ => return Err(format!("`{text}` is not a date like 2024-11-05")),
    };
    if !(1..=12).contains(&month) {
        return Err(format!(
            "there is no month {month} (months go from 01 to 12)"
        ));
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)
        .ok_or_else(|| format!("the year {year} is out of range"))?;
    let last = last_day_of_month(first);
    match day {
        None => Ok(Part::Month(first, last)),
        Some(d) => NaiveDate::from_ymd_opt(year, month, d)
            .map(Part::Day)
            .ok_or_else(|| {
                format!(
                    "there is no day {year:04}-{month:02}-{d:02}: {} has {} days",
                    month_name(month, year),
                    last.day()
                )
            }),
    }
}

fn last_day_of_month(first: NaiveDate) -> NaiveDate {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(first)
}

fn month_name(month: u32, year: i32) -> String {
    let name = u8::try_from(month)
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("that month", |m| m.name());
    format!("{name} {year}")
}

/// The longest duration caseline reads: 10,000 days, working days or weeks,
/// 1,200 months, 100 years. No time limit in a complaints procedure comes
/// near these; a larger number is a typo, and reading it would put due dates
/// centuries away (and make every count walk those centuries).
pub fn max_duration_amount(unit: DurationUnit) -> u32 {
    match unit {
        DurationUnit::WorkingDays | DurationUnit::Days | DurationUnit::Weeks => 10_000,
        DurationUnit::Months => 1_200,
        DurationUnit::Years => 100,
    }
}

/// Reads `10wd`, `15d`, `4w`, `1m`, `1y`. `Err` carries a message.
pub fn parse_duration(text: &str) -> Result<DurationLit, String> {
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, suffix) = text.split_at(digits_end);
    let unit = match suffix {
        "wd" => DurationUnit::WorkingDays,
        "d" => DurationUnit::Days,
        "w" => DurationUnit::Weeks,
        "m" => DurationUnit::Months,
        "y" => DurationUnit::Years,
        _ => {
            return Err(format!(
                "`{text}` is not a time limit like 10wd, 15d, 4w, 1m or 1y"
            ));
        }
    };
    if digits.is_empty() {
        return Err(format!(
            "`{text}` needs a whole number before its unit, like 10{suffix}"
        ));
    }
    let max = max_duration_amount(unit);
    // All digits: the number is either small enough or too large for u32.
    match digits.parse::<u32>() {
        Ok(amount) if amount <= max => Ok(DurationLit { amount, unit }),
        _ => Err(format!(
            "`{text}` is longer than any time limit caseline counts (at most {max}{suffix}): check the number"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn span(a: NaiveDate, b: NaiveDate) -> DateSpec {
        DateSpec::Span { first: a, last: b }
    }

    #[test]
    fn durations_are_capped_far_beyond_any_real_time_limit() {
        assert_eq!(
            parse_duration("10000wd"),
            Ok(DurationLit {
                amount: 10_000,
                unit: DurationUnit::WorkingDays
            })
        );
        assert!(parse_duration("100y").is_ok());
        for too_long in ["10001wd", "99999999d", "1201m", "101y"] {
            let err = parse_duration(too_long).expect_err(too_long);
            assert!(err.contains("check the number"), "{err}");
        }
        let overflow = parse_duration("99999999999999999999y").expect_err("too large");
        assert!(overflow.contains("at most 100y"), "{overflow}");
        let no_number = parse_duration("wd").expect_err("no number");
        assert!(no_number.contains("needs a whole number"), "{no_number}");
    }

    #[test]
    fn every_form_of_format_md() {
        assert_eq!(parse_date("2024-11-05"), Ok(DateSpec::Day(d(2024, 11, 5))));
        assert_eq!(
            parse_date("2024-11"),
            Ok(span(d(2024, 11, 1), d(2024, 11, 30)))
        );
        assert_eq!(
            parse_date("2024-02"),
            Ok(span(d(2024, 2, 1), d(2024, 2, 29)))
        );
        assert_eq!(
            parse_date("2024-12"),
            Ok(span(d(2024, 12, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            parse_date("2024-11-05..2024-11-20"),
            Ok(span(d(2024, 11, 5), d(2024, 11, 20)))
        );
        assert_eq!(
            parse_date("2024-11-05..20"),
            Ok(span(d(2024, 11, 5), d(2024, 11, 20)))
        );
        assert_eq!(
            parse_date("2024-11-25..12-03"),
            Ok(span(d(2024, 11, 25), d(2024, 12, 3)))
        );
        assert_eq!(
            parse_date("2024-04..2024-05"),
            Ok(span(d(2024, 4, 1), d(2024, 5, 31)))
        );
        assert_eq!(
            parse_date("2024-04..05"),
            Ok(span(d(2024, 4, 1), d(2024, 5, 31)))
        );
        assert_eq!(
            parse_date("2024-12-30..2025-01-02"),
            Ok(span(d(2024, 12, 30), d(2025, 1, 2)))
        );
        assert_eq!(parse_date("?"), Ok(DateSpec::Unknown));
        // A range of one day is that day.
        assert_eq!(
            parse_date("2024-11-05..05"),
            Ok(DateSpec::Day(d(2024, 11, 5)))
        );
    }

    #[test]
    fn impossible_dates_are_errors_with_reasons() {
        let e = parse_date("2023-02-29").unwrap_err();
        assert!(e.contains("February 2023 has 28 days"), "{e}");
        let e = parse_date("2024-13").unwrap_err();
        assert!(e.contains("no month 13"), "{e}");
        let e = parse_date("2024-11-20..2024-11-05").unwrap_err();
        assert!(
            e.contains("ends (2024-11-05) before it starts (2024-11-20)"),
            "{e}"
        );
        assert!(parse_date("2024-11-05..32").is_err());
        assert!(parse_date("2024-00-10").is_err());
        assert!(parse_date("2024-11-00").is_err());
        assert_eq!(parse_date("2024-02-29"), Ok(DateSpec::Day(d(2024, 2, 29))));
    }

    #[test]
    fn durations() {
        let lit = |amount, unit| Ok(DurationLit { amount, unit });
        assert_eq!(parse_duration("10wd"), lit(10, DurationUnit::WorkingDays));
        assert_eq!(parse_duration("15d"), lit(15, DurationUnit::Days));
        assert_eq!(parse_duration("4w"), lit(4, DurationUnit::Weeks));
        assert_eq!(parse_duration("1m"), lit(1, DurationUnit::Months));
        assert_eq!(parse_duration("1y"), lit(1, DurationUnit::Years));
        assert!(parse_duration("99999999999wd").is_err());
        assert!(parse_duration("wd").is_err());
    }
}
