//! `caseline calendar add|between|holidays`: the working-day arithmetic of
//! `caseline-calendar`, shown with its working (weekends and each bank holiday
//! skipped), so an investigator can check a deadline by hand.
//!
//! All counting is the calendar crate's; this file only tallies weekend days for
//! the explanation and warns when a date lies outside the shipped holiday data.

use super::{Outcome, parse_date};
use anyhow::Context as _;
use caseline_calendar::{Calendar, Calendars, Duration, Holiday, NaiveDate, Unit};
use chrono::Datelike;
use clap::{Args, Subcommand};
use std::io::Write;

#[derive(Args)]
pub struct CalendarArgs {
    #[command(subcommand)]
    action: Action,
    /// Which calendar to count with (see `caseline calendar holidays`).
    #[arg(long, global = true, default_value = "england-and-wales")]
    calendar: String,
}

#[derive(Subcommand)]
enum Action {
    /// DATE + DURATION, e.g. `add 2024-11-05 10wd` (wd working days, d days, w weeks, m months, y years).
    Add {
        #[arg(value_parser = parse_date)]
        date: NaiveDate,
        #[arg(value_parser = parse_duration)]
        duration: Duration,
    },
    /// Working days after the first date up to and including the second.
    Between {
        #[arg(value_parser = parse_date)]
        from: NaiveDate,
        #[arg(value_parser = parse_date)]
        to: NaiveDate,
    },
    /// The bank holidays of a year.
    Holidays { year: i32 },
}

#[tracing::instrument(skip_all)]
pub fn run(args: CalendarArgs) -> anyhow::Result<Outcome> {
    let calendars = Calendars::builtin();
    let Some(cal) = calendars.get(&args.calendar) else {
        anyhow::bail!(
            "there is no calendar called `{}`; the built-in calendars are: {}",
            args.calendar,
            calendars.names().join(", ")
        );
    };
    let mut out = anstream::AutoStream::auto(std::io::stdout().lock());
    match args.action {
        Action::Add { date, duration } => add(&cal, date, duration, &mut out)?,
        Action::Between { from, to } => between(&cal, from, to, &mut out)?,
        Action::Holidays { year } => holidays(&cal, year, &mut out)?,
    }
    out.flush().context("writing to stdout")?;
    Ok(Outcome::Clean)
}

/// `10wd`, `15d`, `4w`, `1m`, `1y` (docs/format.md#durations-and-working-days): read
/// exactly as in a `.case` file, with the same limits and the same messages.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    caseline_syntax::parse_duration(s).map(caseline_check::duration)
}

fn add(cal: &Calendar, date: NaiveDate, dur: Duration, out: &mut dyn Write) -> anyhow::Result<()> {
    let working = matches!(dur.unit, Unit::WorkingDays);
    let words = caseline_check::wording::duration(dur);
    let result = cal.add(date, dur);
    writeln!(out, "{date} + {words} = {result} ({})", result.format("%A"))?;
    if working {
        writeln!(
            out,
            "counted in the {} calendar, starting the day after {date}:",
            cal.name()
        )?;
        working_out(cal, date, result, out)?;
    }
    coverage_warning(cal, &[date, result]);
    Ok(())
}

fn between(
    cal: &Calendar,
    from: NaiveDate,
    to: NaiveDate,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let n = cal.working_days_between(from, to);
    let (a, b) = if from <= to { (from, to) } else { (to, from) };
    writeln!(
        out,
        "{from} to {to}: {n} {} in the {} calendar",
        caseline_check::wording::unit_words(caseline_check::CountUnit::WorkingDays, n.abs()),
        cal.name()
    )?;
    writeln!(out, "counting the days after {a} up to and including {b}:")?;
    working_out(cal, a, b, out)?;
    coverage_warning(cal, &[from, to]);
    Ok(())
}

/// The days in (a, b] that were not counted: weekend days as a number, then each
/// holiday or closure by date and name.
fn working_out(
    cal: &Calendar,
    a: NaiveDate,
    b: NaiveDate,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let weekend = a
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= b)
        .filter(|d| d.weekday().number_from_monday() >= 6)
        .count();
    let holidays = cal.holidays_between(a, b);
    let days = |n: usize| if n == 1 { "day" } else { "days" };
    writeln!(out, "  skipped {weekend} weekend {}", days(weekend))?;
    if holidays.is_empty() {
        writeln!(out, "  skipped no bank holidays")?;
    } else {
        writeln!(
            out,
            "  skipped {} bank holiday {}:",
            holidays.len(),
            if holidays.len() == 1 {
                "or closure"
            } else {
                "days or closures"
            }
        )?;
        for h in &holidays {
            holiday_line(h, out)?;
        }
    }
    Ok(())
}

fn holiday_line(h: &Holiday, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "    {} {:9} {}", h.date, h.date.format("%A"), h.name)
}

fn holidays(cal: &Calendar, year: i32, out: &mut dyn Write) -> anyhow::Result<()> {
    let list = cal.holidays_in_year(year);
    writeln!(out, "bank holidays in {year} ({}):", cal.name())?;
    if list.is_empty() {
        writeln!(out, "  none (this calendar counts Monday to Friday only)")?;
    }
    for h in &list {
        holiday_line(h, out)?;
    }
    match NaiveDate::from_ymd_opt(year, 1, 1) {
        Some(first) => coverage_warning(cal, &[first]),
        None => anyhow::bail!("{year} is outside the years caseline can count"),
    }
    Ok(())
}

fn coverage_warning(cal: &Calendar, dates: &[NaiveDate]) {
    let mut years: Vec<i32> = dates
        .iter()
        .filter(|d| !cal.covers(**d))
        .map(|d| d.year())
        .collect();
    years.sort();
    years.dedup();
    if !years.is_empty() {
        let list: Vec<String> = years.iter().map(i32::to_string).collect();
        anstream::eprintln!(
            "warning: the shipped bank-holiday data does not cover {}; holidays there are worked out from the usual rules and may miss one-off days",
            list.join(" and ")
        );
    }
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
