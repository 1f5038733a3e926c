//! Date intervals `[earliest, latest]` (docs/format.md#dates): every date in a case file is one.
//! `None` on a side means open on that side (a `?` at the file's ends). Helpers here
//! map deadline limits over intervals for the checker. Must not depend on syntax or rules.

use chrono::NaiveDate;

use crate::{Calendar, Duration};

/// Some day in `[earliest, latest]`, both inclusive; `None` = open on that side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
}

impl Interval {
    /// Exactly one day.
    pub fn day(d: NaiveDate) -> Interval {
        Interval {
            earliest: Some(d),
            latest: Some(d),
        }
    }

    /// Some day from `a` to `b` inclusive (the ends are put in order if reversed).
    pub fn range(a: NaiveDate, b: NaiveDate) -> Interval {
        Interval {
            earliest: Some(a.min(b)),
            latest: Some(a.max(b)),
        }
    }

    pub fn new(earliest: Option<NaiveDate>, latest: Option<NaiveDate>) -> Interval {
        Interval { earliest, latest }
    }

    /// Nothing known on either side.
    pub fn unknown() -> Interval {
        Interval {
            earliest: None,
            latest: None,
        }
    }

    /// One known day.
    pub fn is_exact(&self) -> bool {
        matches!((self.earliest, self.latest), (Some(a), Some(b)) if a == b)
    }

    /// The day, when the interval is exactly one day.
    pub fn exact(&self) -> Option<NaiveDate> {
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// Open on at least one side.
    pub fn is_open(&self) -> bool {
        self.earliest.is_none() || self.latest.is_none()
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.earliest.is_none_or(|e| e <= d) && self.latest.is_none_or(|l| d <= l)
    }

    /// Applies `f` to each known end; an open end stays open.
    pub fn map(&self, mut f: impl FnMut(NaiveDate) -> NaiveDate) -> Interval {
        Interval {
            earliest: self.earliest.map(&mut f),
            latest: self.latest.map(&mut f),
        }
    }

    /// The limit `dur` after each end, in `cal` (L0 from the earliest day, L1 from the
    /// latest, docs/format.md#checks). Both calendar operations are monotonic, so the result is
    /// again an ordered interval.
    pub fn add(&self, cal: &Calendar, dur: Duration) -> Interval {
        self.map(|d| cal.add(d, dur))
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        let earliest = match (self.earliest, other.earliest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            _ => None,
        };
        let latest = match (self.latest, other.latest) {
            (Some(a), Some(b)) => Some(a.max(b)),
            _ => None,
        };
        Interval { earliest, latest }
    }
}

impl From<NaiveDate> for Interval {
    fn from(d: NaiveDate) -> Interval {
        Interval::day(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Calendars, Unit};

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn exactness_and_containment() {
        let day = Interval::day(ymd(2024, 11, 5));
        assert!(day.is_exact());
        assert_eq!(day.exact(), Some(ymd(2024, 11, 5)));
        let nov = Interval::range(ymd(2024, 11, 30), ymd(2024, 11, 1));
        assert!(!nov.is_exact());
        assert_eq!(nov.earliest, Some(ymd(2024, 11, 1)));
        assert!(nov.contains(ymd(2024, 11, 15)));
        assert!(!nov.contains(ymd(2024, 12, 1)));
        let open = Interval::new(Some(ymd(2024, 1, 1)), None);
        assert!(open.is_open() && !open.is_exact());
        assert!(open.contains(ymd(2999, 1, 1)));
        assert!(!Interval::unknown().is_exact());
    }

    #[test]
    fn add_maps_each_end_and_keeps_open_ends() {
        let cal = Calendars::builtin().default_calendar();
        // 2024-11-05 + 10wd = 2024-11-19 (docs/format.md#durations-and-working-days);
        // 2024-11-06 + 10wd = 2024-11-20.
        let i = Interval::range(ymd(2024, 11, 5), ymd(2024, 11, 6));
        let due = i.add(&cal, Duration::new(10, Unit::WorkingDays));
        assert_eq!(due, Interval::range(ymd(2024, 11, 19), ymd(2024, 11, 20)));
        let open = Interval::new(None, Some(ymd(2024, 1, 31)));
        let due = open.add(&cal, Duration::new(1, Unit::Months));
        assert_eq!(due, Interval::new(None, Some(ymd(2024, 2, 29))));
    }

    #[test]
    fn hull_covers_both() {
        let a = Interval::day(ymd(2024, 1, 1));
        let b = Interval::day(ymd(2024, 3, 1));
        assert_eq!(
            a.hull(&b),
            Interval::range(ymd(2024, 1, 1), ymd(2024, 3, 1))
        );
        assert_eq!(a.hull(&Interval::unknown()), Interval::unknown());
    }
}
