//! The precomputed working-day table that makes counting and adding O(1).
//!
//! For every day of a fixed span (1900-01-01 to 2200-12-31) `cum[i]` is the number of
//! working days from the span's first day up to and including day `i`, and
//! `positions[k]` is the day index of the (k+1)-th working day. Then
//! `between(a, b) = cum[b] - cum[a]` and `a + n wd = positions[cum[a] + n - 1]`.
//! Dates outside the span are handled by the arithmetic fallback in `calendar.rs`.
//! Knows nothing of holidays' origin: it is built from a per-year list of closed days.

use chrono::{Datelike, NaiveDate};

/// First and last year held in every calendar's table.
pub(crate) const FIRST_YEAR: i32 = 1900;
pub(crate) const LAST_YEAR: i32 = 2200;

pub(crate) struct Table {
    /// `num_days_from_ce` of the first day.
    start: i32,
    cum: Vec<u32>,
    positions: Vec<u32>,
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

impl Table {
    /// `closed_weekdays(year)` lists that year's closed weekdays (any order; weekend
    /// days in it are ignored).
    pub(crate) fn build(mut closed_weekdays: impl FnMut(i32) -> Vec<NaiveDate>) -> Table {
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MIN);
        let start = first.num_days_from_ce();
        let len = (last.num_days_from_ce() - start + 1).max(0) as usize;
        let mut closed = vec![false; len];
        for year in FIRST_YEAR..=LAST_YEAR {
            for d in closed_weekdays(year) {
                let i = d.num_days_from_ce() - start;
                if i >= 0 && (i as usize) < len {
                    closed[i as usize] = true;
                }
            }
        }
        let mut cum = Vec::with_capacity(len);
        let mut positions = Vec::with_capacity(len * 5 / 7 + 1);
        let mut count: u32 = 0;
        // Day numbers from the Common Era start are Monday = 1 (mod 7), which lets us
        // get the weekday without building a date per day.
        for (i, is_closed) in closed.iter().enumerate() {
            let weekday = (start + i as i32 - 1).rem_euclid(7); // 0 = Monday
            if weekday < 5 && !is_closed {
                positions.push(i as u32);
                count += 1;
            }
            cum.push(count);
        }
        Table {
            start,
            cum,
            positions,
        }
    }

    #[inline]
    fn index(&self, d: NaiveDate) -> Option<usize> {
        let i = d.num_days_from_ce().checked_sub(self.start)?;
        if i >= 0 && (i as usize) < self.cum.len() {
            Some(i as usize)
        } else {
            None
        }
    }

    #[inline]
    fn date(&self, i: u32) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.start + i as i32).unwrap_or(NaiveDate::MAX)
    }

    pub(crate) fn is_working(&self, d: NaiveDate) -> Option<bool> {
        let i = self.index(d)?;
        let before = if i == 0 { 0 } else { self.cum[i - 1] };
        Some(self.cum[i] > before)
    }

    /// Working days in (a, b] when both are in the table (any order: negative if b < a).
    #[inline]
    pub(crate) fn between(&self, a: NaiveDate, b: NaiveDate) -> Option<i64> {
        let (ia, ib) = (self.index(a)?, self.index(b)?);
        Some(self.cum[ib] as i64 - self.cum[ia] as i64)
    }

    #[inline]
    pub(crate) fn add(&self, d: NaiveDate, n: u32) -> Added {
        let Some(i) = self.index(d) else {
            return Added::Outside;
        };
        if n == 0 {
            return Added::Date(d);
        }
        let k = self.cum[i] as usize + (n as usize - 1);
        match self.positions.get(k) {
            Some(&p) => Added::Date(self.date(p)),
            None => {
                let total = self.positions.len() as u64;
                let remaining = (self.cum[i] as u64 + n as u64 - total) as u32;
                Added::PastEnd {
                    from: self.date(self.cum.len() as u32 - 1),
                    remaining,
                }
            }
        }
    }

    #[cfg(test)]
    pub(crate) fn last_day(&self) -> NaiveDate {
        self.date(self.cum.len().saturating_sub(1) as u32)
    }
}
