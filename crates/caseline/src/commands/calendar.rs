//! `caseline calendar add|between|holidays`: the working-day arithmetic of
//! `caseline-calendar`, shown with its working (weekends and each bank holiday
//! skipped), so an investigator can check a deadline by hand.
//!
//! The working is `caseline_report::working_days` (shared with the page's
//! calculator); this file reads the arguments and prints it.

use super::{Outcome, parse_date};
use anyhow::Context as _;
use caseline_calendar::{Calendars, Duration, NaiveDate};
use caseline_report::working_days::{self, Working};
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
        Action::Add { date, duration } => {
            print(&working_days::add(&cal, date, duration), &mut out)?
        }
        Action::Between { from, to } => print(&working_days::between(&cal, from, to), &mut out)?,
        Action::Holidays { year } => print(
            &working_days::holidays(&cal, year).map_err(anyhow::Error::msg)?,
            &mut out,
        )?,
    }
    out.flush().context("writing to stdout")?;
    Ok(Outcome::Clean)
}

/// `10wd`, `15d`, `4w`, `1m`, `1y` (docs/format.md#durations-and-working-days).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    working_days::parse_duration(s)
}

/// Prints the working, and its warning (if any) on stderr.
fn print(working: &Working, out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all(working.text.as_bytes())?;
    if let Some(warning) = &working.warning {
        anstream::eprintln!("warning: {warning}");
    }
    Ok(())
}
