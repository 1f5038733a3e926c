//! One working-day calendar: which days are closed, and the arithmetic on top
//! (docs/format.md#durations-and-working-days). Inside 1900–2200 counting and adding are
//! table lookups (`table.rs`); outside it an arithmetic fallback counts weekdays by formula
//! and subtracts the closed weekdays year by year, so no operation walks day by day. Must
//! not depend on syntax, rules of the checker, or the system clock.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, Months, NaiveDate, TimeDelta};

use crate::data::{self, Division};
use crate::table::{Added, Table};
use crate::{Duration, Interval, Unit, rules};

/// A closed working day: a bank holiday or an organisation's closure.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

/// A working-day calendar. Cheap to clone (an `Arc` inside), `Send + Sync`.
#[derive(Clone)]
pub struct Calendar(Arc<Inner>);

struct Inner {
    name: String,
    /// Shipped with caseline (the divisions, `uk-any`, `weekdays`).
    builtin: bool,
    source: Source,
    table: OnceLock<Table>,
}

enum Source {
    /// GOV.UK data for the covered years, the 1971 Act's rules elsewhere.
    Division(Division),
    /// Monday to Friday, no holidays.
    Weekdays,
    /// A workspace calendar: the union of its bases' closed days plus its own.
    User {
        bases: Vec<Calendar>,
        closed: BTreeMap<NaiveDate, String>,
    },
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Calendar").field(&self.0.name).finish()
    }
}

/// Two handles are equal when they are the same calendar object.
impl PartialEq for Calendar {
    fn eq(&self, other: &Calendar) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}
impl Eq for Calendar {}

/// Working-day additions ending after this year give `None` (`add` saturates): case
/// files write four-digit years, and a bound keeps a typo like `99999999wd` from
/// making the fallback compute holidays for hundreds of thousands of years.
pub const LAST_SUPPORTED_YEAR: i32 = 9999;

fn is_weekday(d: NaiveDate) -> bool {
    d.weekday().num_days_from_monday() < 5
}

/// Weekdays among day numbers `..=n` relative to an arbitrary origin: the difference
/// of two values counts the weekdays in (m, n]. Day number 1 (0001-01-01) is a Monday.
fn weekday_number(d: NaiveDate) -> i64 {
    let n = d.num_days_from_ce() as i64;
    5 * n.div_euclid(7) + n.rem_euclid(7).min(5)
}

/// The n-th weekday strictly after `d` (n ≥ 1), by formula.
fn nth_weekday_after(d: NaiveDate, n: u64) -> Option<NaiveDate> {
    if n == 0 {
        return Some(d);
    }
    let wd = d.weekday().num_days_from_monday() as u64;
    // From a weekend day, the weekdays after it are those after the Friday before.
    let (base, wd) = if wd >= 5 {
        (d.checked_sub_signed(TimeDelta::days((wd - 4) as i64))?, 4)
    } else {
        (d, wd)
    };
    let weeks = (n - 1) / 5;
    let rest = (n - 1) % 5 + 1;
    let days = weeks.checked_mul(7)? + rest + if wd + rest > 4 { 2 } else { 0 };
    base.checked_add_signed(TimeDelta::try_days(i64::try_from(days).ok()?)?)
}

fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

impl Calendar {
    pub(crate) fn division(div: Division) -> Calendar {
        Calendar::new(div.key().to_string(), true, Source::Division(div))
    }

    pub(crate) fn weekdays() -> Calendar {
        Calendar::new("weekdays".to_string(), true, Source::Weekdays)
    }

    /// A built-in union: a day is closed if it is closed in any of `bases`
    /// (`uk-any`, the Freedom of Information Act's "bank holiday in any part
    /// of the United Kingdom").
    pub(crate) fn builtin_union(name: &str, bases: Vec<Calendar>) -> Calendar {
        Calendar::new(
            name.to_string(),
            true,
            Source::User {
                bases,
                closed: BTreeMap::new(),
            },
        )
    }

    pub(crate) fn user(
        name: &str,
        bases: Vec<Calendar>,
        closed: &[(NaiveDate, String)],
    ) -> Calendar {
        let mut map = BTreeMap::new();
        for (d, n) in closed {
            // The first reason given for a day wins; later duplicates add nothing.
            map.entry(*d).or_insert_with(|| n.clone());
        }
        Calendar::new(name.to_string(), false, Source::User { bases, closed: map })
    }

    fn new(name: String, builtin: bool, source: Source) -> Calendar {
        Calendar(Arc::new(Inner {
            name,
            builtin,
            source,
            table: OnceLock::new(),
        }))
    }

    pub fn name(&self) -> &str {
        &self.0.name
    }

    /// One of the calendars that ship with caseline.
    pub fn is_builtin(&self) -> bool {
        self.0.builtin
    }

    /// The names of the calendars this one extends (empty for the built-ins
    /// but `uk-any`, which extends the three divisions).
    pub fn extends(&self) -> Vec<String> {
        match &self.0.source {
            Source::User { bases, .. } => bases.iter().map(|b| b.name().to_string()).collect(),
            _ => Vec::new(),
        }
    }

    #[inline]
    fn table(&self) -> &Table {
        self.0
            .table
            .get_or_init(|| Table::build(|y| self.closed_dates_in_year(y)))
    }

    /// Closed weekdays of `year` with their names, sorted by date, one entry per day.
    fn closed_in_year(&self, year: i32) -> Vec<Holiday> {
        let mut out: Vec<Holiday> = match &self.0.source {
            Source::Weekdays => Vec::new(),
            Source::Division(div) => {
                let data = data::division(*div);
                match year_bounds(year) {
                    Some((first, last)) if data.covers_year(year) => data
                        .holidays
                        .range(first..=last)
                        .map(|(d, n)| Holiday {
                            date: *d,
                            name: n.clone(),
                        })
                        .collect(),
                    _ => rules::holidays(*div, year)
                        .into_iter()
                        .map(|(date, name, substitute)| Holiday {
                            date,
                            name: if substitute {
                                format!("{name} (substitute day)")
                            } else {
                                name.to_string()
                            },
                        })
                        .collect(),
                }
            }
            Source::User { bases, closed } => {
                let mut merged: BTreeMap<NaiveDate, String> = BTreeMap::new();
                for base in bases {
                    for h in base.closed_in_year(year) {
                        merged.entry(h.date).or_insert(h.name);
                    }
                }
                if let Some((first, last)) = year_bounds(year) {
                    for (d, n) in closed.range(first..=last) {
                        merged.entry(*d).or_insert_with(|| n.clone());
                    }
                }
                merged
                    .into_iter()
                    .map(|(date, name)| Holiday { date, name })
                    .collect()
            }
        };
        out.retain(|h| is_weekday(h.date));
        out.sort_by_key(|h| h.date);
        out.dedup_by_key(|h| h.date);
        out
    }

    /// The same days as [`Calendar::closed_in_year`] without names: what the table
    /// build and the arithmetic fallback need, without allocating a name per day.
    fn closed_dates_in_year(&self, year: i32) -> Vec<NaiveDate> {
        let mut out: Vec<NaiveDate> = match &self.0.source {
            Source::Weekdays => Vec::new(),
            Source::Division(div) => {
                let data = data::division(*div);
                match year_bounds(year) {
                    Some((first, last)) if data.covers_year(year) => {
                        data.holidays.range(first..=last).map(|(d, _)| *d).collect()
                    }
                    _ => rules::holidays(*div, year)
                        .into_iter()
                        .map(|(d, _, _)| d)
                        .collect(),
                }
            }
            Source::User { bases, closed } => {
                let mut days: Vec<NaiveDate> = bases
                    .iter()
                    .flat_map(|b| b.closed_dates_in_year(year))
                    .collect();
                if let Some((first, last)) = year_bounds(year) {
                    days.extend(closed.range(first..=last).map(|(d, _)| *d));
                }
                days
            }
        };
        out.retain(|d| is_weekday(*d));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether the calendar's closed days for `d`'s year come from published data
    /// (or need none). `false` means the rule-based fallback is in use, which the
    /// checker reports as `calendar-coverage`.
    pub fn covers(&self, d: NaiveDate) -> bool {
        match &self.0.source {
            Source::Weekdays => true,
            Source::Division(div) => data::division(*div).covers_year(d.year()),
            Source::User { bases, .. } => bases.iter().all(|b| b.covers(d)),
        }
    }

    /// Monday to Friday and not a holiday or closure of this calendar.
    #[inline]
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if let Some(w) = self.table().is_working(d) {
            return w;
        }
        is_weekday(d)
            && self
                .closed_dates_in_year(d.year())
                .binary_search(&d)
                .is_err()
    }

    /// `d + dur` (docs/format.md#durations-and-working-days). Saturates at chrono's last
    /// representable date for absurdly large amounts; use [`Calendar::checked_add`] to
    /// detect that.
    pub fn add(&self, d: NaiveDate, dur: Duration) -> NaiveDate {
        self.checked_add(d, dur).unwrap_or(NaiveDate::MAX)
    }

    /// `d + dur`, or `None` if the result is beyond the dates chrono can represent.
    pub fn checked_add(&self, d: NaiveDate, dur: Duration) -> Option<NaiveDate> {
        let n = dur.amount;
        match dur.unit {
            Unit::WorkingDays => self.checked_add_working_days(d, n),
            Unit::Days => d.checked_add_signed(TimeDelta::try_days(n as i64)?),
            Unit::Weeks => d.checked_add_signed(TimeDelta::try_days(n as i64 * 7)?),
            // chrono keeps the day of month and clamps to the month's end.
            Unit::Months => d.checked_add_months(Months::new(n)),
            Unit::Years => d.checked_add_months(Months::new(n.checked_mul(12)?)),
        }
    }

    /// The n-th working day strictly after `d` (`d` itself never counts). Saturates
    /// like [`Calendar::add`].
    #[inline]
    pub fn add_working_days(&self, d: NaiveDate, n: u32) -> NaiveDate {
        self.checked_add_working_days(d, n)
            .unwrap_or(NaiveDate::MAX)
    }

    /// The n-th working day strictly after `d`, or `None` past chrono's range.
    #[inline]
    pub fn checked_add_working_days(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        match self.table().add(d, n) {
            Added::Date(r) => Some(r),
            other => self.add_off_table(d, n, other),
        }
    }

    /// Kept out of line so the table lookup above stays small enough to inline.
    #[cold]
    #[inline(never)]
    fn add_off_table(&self, d: NaiveDate, n: u32, found: Added) -> Option<NaiveDate> {
        match found {
            Added::Date(r) => Some(r),
            Added::PastEnd { from, remaining } => self.add_by_arithmetic(from, remaining as u64),
            Added::Outside => self.add_by_arithmetic(d, n as u64),
        }
    }

    /// Working days in (a, b]; negative (minus the days in (b, a]) when b < a.
    #[inline]
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        match self.table().between(a, b) {
            Some(n) => n,
            None => self.between_off_table(a, b),
        }
    }

    #[cold]
    #[inline(never)]
    fn between_off_table(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if a <= b {
            self.between_by_arithmetic(a, b)
        } else {
            -self.between_by_arithmetic(b, a)
        }
    }

    /// The fewest and most working days from some day of `from` to some day of `to`;
    /// `None` where an open end leaves it unbounded.
    pub fn working_days_range(&self, from: &Interval, to: &Interval) -> (Option<i64>, Option<i64>) {
        let min = from
            .latest
            .zip(to.earliest)
            .map(|(a, b)| self.working_days_between(a, b));
        let max = from
            .earliest
            .zip(to.latest)
            .map(|(a, b)| self.working_days_between(a, b));
        (min, max)
    }

    /// Closed weekdays (holidays and closures) in (a, b], in date order. Empty if b ≤ a.
    pub fn holidays_between(&self, a: NaiveDate, b: NaiveDate) -> Vec<Holiday> {
        if b <= a {
            return Vec::new();
        }
        (a.year()..=b.year())
            .flat_map(|y| self.closed_in_year(y))
            .filter(|h| a < h.date && h.date <= b)
            .collect()
    }

    /// The year's closed weekdays in date order (holidays falling at a weekend appear
    /// as their substitute days, as GOV.UK lists them).
    pub fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        self.closed_in_year(year)
    }

    /// Closed weekdays in (a, b], a ≤ b, counted year by year.
    fn closed_count(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        (a.year()..=b.year())
            .map(|y| {
                self.closed_dates_in_year(y)
                    .iter()
                    .filter(|d| a < **d && **d <= b)
                    .count() as i64
            })
            .sum()
    }

    fn between_by_arithmetic(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        weekday_number(b) - weekday_number(a) - self.closed_count(a, b)
    }

    /// Jump `n` weekdays ahead, then as many more as the closed weekdays jumped over,
    /// until no closed day was crossed: each round covers only the new stretch.
    /// Results after [`LAST_SUPPORTED_YEAR`] are refused, which also bounds the work
    /// (the holidays are computed year by year).
    fn add_by_arithmetic(&self, d: NaiveDate, n: u64) -> Option<NaiveDate> {
        let (mut cur, mut remaining) = (d, n);
        while remaining > 0 {
            let next = nth_weekday_after(cur, remaining)?;
            if next.year() > LAST_SUPPORTED_YEAR {
                return None;
            }
            remaining = self.closed_count(cur, next) as u64;
            cur = next;
        }
        Some(cur)
    }

    #[cfg(test)]
    pub(crate) fn test_between_by_arithmetic(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        if a <= b {
            self.between_by_arithmetic(a, b)
        } else {
            -self.between_by_arithmetic(b, a)
        }
    }

    #[cfg(test)]
    pub(crate) fn test_add_by_arithmetic(&self, d: NaiveDate, n: u32) -> Option<NaiveDate> {
        self.add_by_arithmetic(d, n as u64)
    }

    #[cfg(test)]
    pub(crate) fn table_last_day(&self) -> NaiveDate {
        self.table().last_day()
    }
}
