//! Property tests of the working-day arithmetic: `add` and `between` are inverse,
//! monotonic, antisymmetric, and agree with a naive day-by-day reference built only
//! from `holidays_in_year` (which never touches the precomputed table), for every
//! built-in calendar and a user calendar, on random dates 1990–2035.

use std::collections::HashSet;
use std::sync::LazyLock;

use caseline_calendar::{Calendar, Calendars, NaiveDate};
use chrono::{Datelike, TimeDelta};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// The four built-ins and a user calendar extending two of them with closures.
static CALENDARS: LazyLock<Vec<Calendar>> = LazyLock::new(|| {
    let mut cals = Calendars::builtin();
    let closed = [
        (ymd(2024, 12, 27), "Offices closed".to_string()),
        (ymd(2024, 12, 30), "Offices closed".to_string()),
        (ymd(1999, 12, 31), "Millennium".to_string()),
        (ymd(2031, 6, 2), "Stocktake".to_string()),
    ];
    cals.define(
        "council",
        &["england-and-wales", "northern-ireland"],
        &closed,
    )
    .expect("defines");
    cals.names()
        .iter()
        .map(|n| cals.get(n).expect("listed"))
        .collect()
});

/// Reference: closed weekdays per calendar, from the public per-year lists.
static CLOSED: LazyLock<Vec<HashSet<NaiveDate>>> = LazyLock::new(|| {
    CALENDARS
        .iter()
        .map(|c| {
            (1985..=2045)
                .flat_map(|y| c.holidays_in_year(y))
                .map(|h| h.date)
                .collect()
        })
        .collect()
});

fn naive_is_working(cal: usize, d: NaiveDate) -> bool {
    d.weekday().num_days_from_monday() < 5 && !CLOSED[cal].contains(&d)
}

fn naive_add(cal: usize, d: NaiveDate, n: u32) -> NaiveDate {
    let mut cur = d;
    let mut left = n;
    while left > 0 {
        cur = cur.succ_opt().expect("inside the test range");
        if naive_is_working(cal, cur) {
            left -= 1;
        }
    }
    cur
}

fn naive_between(cal: usize, a: NaiveDate, b: NaiveDate) -> i64 {
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let mut count = 0;
    let mut cur = lo;
    while cur < hi {
        cur = cur.succ_opt().expect("inside the test range");
        if naive_is_working(cal, cur) {
            count += 1;
        }
    }
    sign * count
}

const SPAN_DAYS: i64 = 16_800; // 1990-01-01 plus about 46 years, to late 2035

fn date() -> impl Strategy<Value = NaiveDate> {
    (0..SPAN_DAYS).prop_map(|i| ymd(1990, 1, 1) + TimeDelta::days(i))
}

fn calendar() -> impl Strategy<Value = usize> {
    0..CALENDARS.len()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn between_inverts_add(cal in calendar(), d in date(), n in 0u32..2000) {
        let c = &CALENDARS[cal];
        let e = c.add_working_days(d, n);
        prop_assert_eq!(c.working_days_between(d, e), n as i64);
        // The result is itself a working day (unless nothing was added).
        prop_assert!(n == 0 || c.is_working_day(e));
    }

    #[test]
    fn add_is_monotonic_in_n_and_in_d(cal in calendar(), d in date(), n in 0u32..500, k in 1u32..30, step in 1i64..30) {
        let c = &CALENDARS[cal];
        prop_assert!(c.add_working_days(d, n) < c.add_working_days(d, n + k));
        let later = d + TimeDelta::days(step);
        prop_assert!(c.add_working_days(d, n) <= c.add_working_days(later, n));
    }

    #[test]
    fn between_is_antisymmetric(cal in calendar(), a in date(), b in date()) {
        let c = &CALENDARS[cal];
        prop_assert_eq!(c.working_days_between(a, b), -c.working_days_between(b, a));
    }

    #[test]
    fn agrees_with_the_naive_reference(cal in calendar(), d in date(), n in 0u32..300, span in -400i64..400) {
        let c = &CALENDARS[cal];
        prop_assert_eq!(c.is_working_day(d), naive_is_working(cal, d), "{} {}", c.name(), d);
        prop_assert_eq!(c.add_working_days(d, n), naive_add(cal, d, n), "{} {} + {}wd", c.name(), d, n);
        let other = d + TimeDelta::days(span);
        prop_assert_eq!(c.working_days_between(d, other), naive_between(cal, d, other), "{} ({}, {}]", c.name(), d, other);
    }

    #[test]
    fn holidays_between_counts_the_gap(cal in calendar(), a in date(), span in 0i64..800) {
        // Weekdays in (a, b] minus the listed closures is the working-day count.
        let c = &CALENDARS[cal];
        let b = a + TimeDelta::days(span);
        let weekdays = (1..=span).filter(|i| (a + TimeDelta::days(*i)).weekday().num_days_from_monday() < 5).count() as i64;
        prop_assert_eq!(c.working_days_between(a, b), weekdays - c.holidays_between(a, b).len() as i64);
    }
}
