//! Rule-based UK bank holidays for years the shipped data does not cover: the
//! Banking and Financial Dealings Act 1971 as amended, per division, with Easter from
//! the anonymous Gregorian algorithm. Used only outside the data's years (and then
//! caseline warns `calendar-coverage`). Pure arithmetic: must not depend on the data
//! file, syntax or rules of the checker.
//!
//! Not modelled: one-off days and moved days (royal weddings, jubilees, the
//! millennium, VE-day anniversaries), which no rule can predict; and the history
//! before 1971 beyond two dated changes (early May from 1978, St Andrew's Day from 2007).

use chrono::{Datelike, NaiveDate, Weekday};

use crate::data::Division;

/// Easter Sunday in the Gregorian calendar (the "anonymous" / Meeus–Jones–Butcher
/// algorithm). `None` only at the very ends of chrono's date range.
pub(crate) fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // Euclidean division keeps the arithmetic well-defined for any i32 year.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    // The fifth Monday if there is one, else the fourth.
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 5)
        .or_else(|| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 4))
}

/// The division's bank holidays in `year` by rule, sorted by date, every one on a
/// weekday (a fixed-date holiday that falls at a weekend is replaced by its
/// substitute: the next weekday that is not already a holiday). Names follow GOV.UK's;
/// the flag marks substitute days. Names are static so that counting (the
/// arithmetic fallback) allocates nothing per holiday.
pub(crate) fn holidays(div: Division, year: i32) -> Vec<(NaiveDate, &'static str, bool)> {
    let scotland = div == Division::Scotland;
    let ni = div == Division::NorthernIreland;
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);

    // (date, name, substitutable): in calendar order, so substitutes are assigned in
    // the order GOV.UK shows (e.g. Christmas before Boxing Day).
    let mut fixed: Vec<(Option<NaiveDate>, &'static str, bool)> =
        vec![(ymd(1, 1), "New Year’s Day", true)];
    if scotland {
        fixed.push((ymd(1, 2), "2nd January", true));
    }
    if ni {
        fixed.push((ymd(3, 17), "St Patrick’s Day", true));
    }
    let easter = easter_sunday(year);
    fixed.push((
        easter.and_then(|e| e.pred_opt()?.pred_opt()),
        "Good Friday",
        false,
    ));
    if !scotland {
        fixed.push((easter.and_then(|e| e.succ_opt()), "Easter Monday", false));
    }
    if year >= 1978 {
        fixed.push((first_monday(year, 5), "Early May bank holiday", false));
    }
    fixed.push((last_monday(year, 5), "Spring bank holiday", false));
    if ni {
        fixed.push((ymd(7, 12), "Battle of the Boyne (Orangemen’s Day)", true));
    }
    let summer = if scotland {
        first_monday(year, 8)
    } else {
        last_monday(year, 8)
    };
    fixed.push((summer, "Summer bank holiday", false));
    if scotland && year >= 2007 {
        fixed.push((ymd(11, 30), "St Andrew’s Day", true));
    }
    fixed.push((ymd(12, 25), "Christmas Day", true));
    fixed.push((ymd(12, 26), "Boxing Day", true));

    let mut out: Vec<(NaiveDate, &'static str, bool)> = fixed
        .iter()
        .filter_map(|&(d, name, _)| d.filter(|d| !is_weekend(*d)).map(|d| (d, name, false)))
        .collect();
    for &(d, name, substitutable) in &fixed {
        let Some(d) = d.filter(|d| substitutable && is_weekend(*d)) else {
            continue;
        };
        let mut sub = d.succ_opt();
        while let Some(s) = sub {
            if !is_weekend(s) && !out.iter().any(|(h, _, _)| *h == s) {
                break;
            }
            sub = s.succ_opt();
        }
        if let Some(s) = sub {
            out.push((s, name, true));
        }
    }
    out.sort_by_key(|(d, _, _)| *d);
    out.dedup_by_key(|(d, _, _)| *d);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use std::collections::BTreeSet;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn easter_known_dates() {
        // Published Easter Sundays.
        assert_eq!(easter_sunday(2024), Some(ymd(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(ymd(2025, 4, 20)));
        assert_eq!(easter_sunday(2019), Some(ymd(2019, 4, 21)));
        assert_eq!(easter_sunday(2038), Some(ymd(2038, 4, 25)));
        assert_eq!(easter_sunday(2008), Some(ymd(2008, 3, 23)));
        assert_eq!(easter_sunday(1961), Some(ymd(1961, 4, 2)));
        assert_eq!(easter_sunday(2000), Some(ymd(2000, 4, 23)));
        // Extreme years do not panic.
        let _ = easter_sunday(i32::MAX);
        let _ = easter_sunday(i32::MIN);
        let _ = holidays(Division::Scotland, 262_143);
        let _ = holidays(Division::NorthernIreland, -262_143);
    }

    #[test]
    fn substitutes_follow_the_next_free_weekday() {
        // 2022: 1 Jan Saturday, 2 Jan Sunday → Scotland 3 and 4 Jan; 25 Dec Sunday →
        // Boxing Day Monday 26, Christmas substitute Tuesday 27.
        let s: Vec<NaiveDate> = holidays(Division::Scotland, 2022)
            .into_iter()
            .map(|(d, _, _)| d)
            .collect();
        assert!(s.contains(&ymd(2022, 1, 3)) && s.contains(&ymd(2022, 1, 4)));
        let ew: Vec<NaiveDate> = holidays(Division::EnglandAndWales, 2022)
            .into_iter()
            .map(|(d, _, _)| d)
            .collect();
        assert!(ew.contains(&ymd(2022, 12, 26)) && ew.contains(&ymd(2022, 12, 27)));
        assert!(!ew.contains(&ymd(2022, 1, 4)));
    }

    /// The rules must reproduce GOV.UK's list for every covered year except the known
    /// one-off and moved days.
    #[test]
    fn rules_reproduce_the_shipped_data_except_known_one_offs() {
        // Days the data has and the rules cannot (one-offs and moved days)...
        let extra_in_data = [
            ymd(2012, 6, 4),  // spring bank holiday moved for the Diamond Jubilee
            ymd(2012, 6, 5),  // Queen's Diamond Jubilee
            ymd(2020, 5, 8),  // early May moved to VE day (Friday)
            ymd(2022, 6, 2),  // spring bank holiday moved for the Platinum Jubilee
            ymd(2022, 6, 3),  // Platinum Jubilee bank holiday
            ymd(2022, 9, 19), // State Funeral of Queen Elizabeth II
            ymd(2023, 5, 8),  // coronation of King Charles III
        ];
        // ...and the rule dates those moves replaced.
        let missing_from_data = [
            ymd(2012, 5, 28), // last Monday in May 2012
            ymd(2020, 5, 4),  // first Monday in May 2020
            ymd(2022, 5, 30), // last Monday in May 2022
        ];
        for div in Division::ALL {
            let data = data::division(div);
            let mut matching_years = 0;
            for year in 2012..=2028 {
                let by_rule: BTreeSet<NaiveDate> =
                    holidays(div, year).into_iter().map(|(d, _, _)| d).collect();
                let in_data: BTreeSet<NaiveDate> = data
                    .holidays
                    .keys()
                    .copied()
                    .filter(|d| d.year() == year)
                    .collect();
                let only_data: Vec<_> = in_data.difference(&by_rule).copied().collect();
                let only_rule: Vec<_> = by_rule.difference(&in_data).copied().collect();
                for d in &only_data {
                    assert!(
                        extra_in_data.contains(d),
                        "{div:?}: data has {d} but the rules do not"
                    );
                }
                for d in &only_rule {
                    assert!(
                        missing_from_data.contains(d),
                        "{div:?}: rules give {d} but the data does not"
                    );
                }
                if only_data.is_empty() && only_rule.is_empty() {
                    matching_years += 1;
                }
            }
            // 17 years minus 2012, 2020, 2022 and 2023.
            assert_eq!(matching_years, 13, "{div:?}");
        }
    }
}
