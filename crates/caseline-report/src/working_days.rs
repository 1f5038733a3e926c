//! The working of `caseline calendar add|between|holidays`: a date plus a
//! duration, the working days between two dates, a year's bank holidays,
//! each with the days it skipped (weekend days as a number, each bank
//! holiday by date and name), so an investigator can check a deadline by
//! hand. Shared by the command line and the page's working-day calculator.
//!
//! All counting is `caseline-calendar`'s (this module is, with the CLI
//! command, the one front end over it: docs/architecture.md); here weekend
//! days are only tallied for the explanation, and the years outside the
//! shipped holiday data are named so the caller can warn.

use caseline_calendar::{Calendar, Duration, Holiday, NaiveDate, Unit};
use chrono::Datelike;
use std::fmt::Write as _;

/// The working, as lines of text, and a warning when a date lies outside the
/// shipped bank-holiday data (holidays there are worked out from the rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Working {
    pub text: String,
    pub warning: Option<String>,
}

/// `10wd`, `15d`, `4w`, `1m`, `1y` (docs/format.md#durations-and-working-days): read
/// exactly as in a `.case` file, with the same limits and the same messages.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    caseline_syntax::parse_duration(s).map(caseline_check::duration)
}

/// DATE + DURATION, with the days skipped when the duration is in working days.
pub fn add(cal: &Calendar, date: NaiveDate, dur: Duration) -> Working {
    let mut out = String::new();
    let working = matches!(dur.unit, Unit::WorkingDays);
    let words = caseline_check::wording::duration(dur);
    let result = cal.add(date, dur);
    let _ = writeln!(out, "{date} + {words} = {result} ({})", result.format("%A"));
    if working {
        let _ = writeln!(
            out,
            "counted in the {} calendar, starting the day after {date}:",
            cal.name()
        );
        working_out(cal, date, result, &mut out);
    }
    Working {
        text: out,
        warning: coverage_warning(cal, &[date, result]),
    }
}

/// Working days after `from` up to and including `to`, with the days skipped.
pub fn between(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> Working {
    let mut out = String::new();
    let n = cal.working_days_between(from, to);
    let (a, b) = if from <= to { (from, to) } else { (to, from) };
    let _ = writeln!(
        out,
        "{from} to {to}: {n} {} in the {} calendar",
        caseline_check::wording::unit_words(caseline_check::CountUnit::WorkingDays, n.abs()),
        cal.name()
    );
    let _ = writeln!(out, "counting the days after {a} up to and including {b}:");
    working_out(cal, a, b, &mut out);
    Working {
        text: out,
        warning: coverage_warning(cal, &[from, to]),
    }
}

/// The bank holidays (and closures) of `year`; an error for a year outside
/// the ones caseline can count.
pub fn holidays(cal: &Calendar, year: i32) -> Result<Working, String> {
    let mut out = String::new();
    let list = cal.holidays_in_year(year);
    let _ = writeln!(out, "bank holidays in {year} ({}):", cal.name());
    if list.is_empty() {
        let _ = writeln!(out, "  none (this calendar counts Monday to Friday only)");
    }
    for h in &list {
        holiday_line(h, &mut out);
    }
    match NaiveDate::from_ymd_opt(year, 1, 1) {
        Some(first) => Ok(Working {
            text: out,
            warning: coverage_warning(cal, &[first]),
        }),
        None => Err(format!("{year} is outside the years caseline can count")),
    }
}

/// The days in (a, b] that were not counted: weekend days as a number, then each
/// holiday or closure by date and name.
fn working_out(cal: &Calendar, a: NaiveDate, b: NaiveDate, out: &mut String) {
    let weekend = a
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= b)
        .filter(|d| d.weekday().number_from_monday() >= 6)
        .count();
    let holidays = cal.holidays_between(a, b);
    let days = |n: usize| if n == 1 { "day" } else { "days" };
    let _ = writeln!(out, "  skipped {weekend} weekend {}", days(weekend));
    if holidays.is_empty() {
        let _ = writeln!(out, "  skipped no bank holidays");
    } else {
        let _ = writeln!(
            out,
            "  skipped {} bank holiday {}:",
            holidays.len(),
            if holidays.len() == 1 {
                "or closure"
            } else {
                "days or closures"
            }
        );
        for h in &holidays {
            holiday_line(h, out);
        }
    }
}

fn holiday_line(h: &Holiday, out: &mut String) {
    let _ = writeln!(out, "    {} {:9} {}", h.date, h.date.format("%A"), h.name);
}

/// The warning for dates outside the shipped bank-holiday data, if any.
fn coverage_warning(cal: &Calendar, dates: &[NaiveDate]) -> Option<String> {
    let mut years: Vec<i32> = dates
        .iter()
        .filter(|d| !cal.covers(**d))
        .map(|d| d.year())
        .collect();
    years.sort();
    years.dedup();
    if years.is_empty() {
        return None;
    }
    let list: Vec<String> = years.iter().map(i32::to_string).collect();
    Some(format!(
        "the shipped bank-holiday data does not cover {}; holidays there are worked out from the usual rules and may miss one-off days",
        list.join(" and ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_every_unit_and_refuse_the_rest() {
        let d = parse_duration("10wd").unwrap();
        assert_eq!((d.amount, matches!(d.unit, Unit::WorkingDays)), (10, true));
        assert!(matches!(parse_duration("1m").unwrap().unit, Unit::Months));
        assert!(parse_duration("wd").is_err());
        assert!(parse_duration("10x").is_err());
        assert!(parse_duration("99999999999d").is_err());
        assert!(parse_duration("-1d").is_err());
        assert!(parse_duration("10000wd").is_ok());
        assert!(parse_duration("10001wd").is_err());
    }
}
