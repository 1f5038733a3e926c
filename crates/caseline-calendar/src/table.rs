//! The precomputed working-day table that makes counting and adding O(1).
//!
//! The span 1900-01-01 to 2200-12-31 is laid out as 366 slots per year, indexed by
//! `(year - 1900) * 366 + ordinal0` (in common years the last slot is padding), so a
//! date's slot comes from two bit-field reads of chrono's packed date — no division.
//! `cum[slot]` is the number of working days from the span's first day up to and
//! including that day, and `positions[k]` is the (k+1)-th working day. Then
//! `between(a, b) = cum[b] - cum[a]` and `a + n wd = positions[cum[a] + n - 1]`.
//! Dates outside the span go to the arithmetic fallback in `calendar.rs`.
//! Knows nothing of where holidays come from: it is built from per-year lists.

use chrono::{Datelike, NaiveDate};

/// First and last year held in every calendar's table.
pub(crate) const FIRST_YEAR: i32 = 1900;
pub(crate) const LAST_YEAR: i32 = 2200;
const SLOTS_PER_YEAR: usize = 366;

pub(crate) struct Table {
    cum: Vec<u32>,
    positions: Vec<NaiveDate>,
    last_day: NaiveDate,
}

/// What an addition found in the table.
pub(crate) enum Added {
    Date(NaiveDate),
    /// The result lies after the table: continue from `from` (the table's last day)
    /// for `remaining` more working days.
    PastEnd {
        from: NaiveDate,
        remaining: u32,
    },
    /// The start date is outside the table.
    Outside,
}

#[inline]
fn slot(d: NaiveDate) -> Option<usize> {
    let y = d.year().wrapping_sub(FIRST_YEAR);
    // One unsigned comparison rejects years before and after the span.
    if y as u32 > (LAST_YEAR - FIRST_YEAR) as u32 {
        return None;
    }
    Some(y as usize * SLOTS_PER_YEAR + d.ordinal0() as usize)
}

impl Table {
    /// `closed_weekdays(year)` lists that year's closed weekdays (weekend days in it
    /// are ignored).
    pub(crate) fn build(mut closed_weekdays: impl FnMut(i32) -> Vec<NaiveDate>) -> Table {
        let years = (LAST_YEAR - FIRST_YEAR + 1) as usize;
        let mut cum = Vec::with_capacity(years * SLOTS_PER_YEAR);
        let mut positions = Vec::with_capacity(years * 262);
        let mut count: u32 = 0;
        let mut last_day = NaiveDate::MIN;
        for year in FIRST_YEAR..=LAST_YEAR {
            let mut closed = [false; SLOTS_PER_YEAR];
            for d in closed_weekdays(year) {
                if d.year() == year {
                    closed[d.ordinal0() as usize] = true;
                }
            }
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN);
            let mut days = 0;
            for d in first.iter_days().take_while(|d| d.year() == year) {
                if d.weekday().num_days_from_monday() < 5 && !closed[d.ordinal0() as usize] {
                    positions.push(d);
                    count += 1;
                }
                cum.push(count);
                last_day = d;
                days += 1;
            }
            // Padding slot of a common year: no day, so no working day.
            cum.resize(cum.len() + (SLOTS_PER_YEAR - days), count);
        }
        Table {
            cum,
            positions,
            last_day,
        }
    }

    pub(crate) fn is_working(&self, d: NaiveDate) -> Option<bool> {
        let i = slot(d)?;
        let before = if i == 0 { 0 } else { self.cum[i - 1] };
        Some(self.cum[i] > before)
    }

    /// Working days in (a, b] when both are in the table (any order: negative if b < a).
    #[inline]
    pub(crate) fn between(&self, a: NaiveDate, b: NaiveDate) -> Option<i64> {
        let (ia, ib) = (slot(a)?, slot(b)?);
        Some(self.cum[ib] as i64 - self.cum[ia] as i64)
    }

    #[inline]
    pub(crate) fn add(&self, d: NaiveDate, n: u32) -> Added {
        let Some(i) = slot(d) else {
            return Added::Outside;
        };
        if n == 0 {
            return Added::Date(d);
        }
        let done = self.cum[i];
        match self.positions.get(done as usize + (n as usize - 1)) {
            Some(&p) => Added::Date(p),
            None => {
                // Working days in (d, last_day] are positions.len() - done; the rest
                // come after the table.
                let remaining = (done as u64 + n as u64 - self.positions.len() as u64) as u32;
                Added::PastEnd {
                    from: self.last_day,
                    remaining,
                }
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn last_day(&self) -> NaiveDate {
        self.last_day
    }
}
