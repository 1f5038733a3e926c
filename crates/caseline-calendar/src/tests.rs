//! Unit tests of the calendar arithmetic. Every expected date was worked out by hand from
//! the GOV.UK holiday list (docs/format.md#durations-and-working-days, and the published
//! Ombudsman decisions the samples in tests/cases/ come from); the working is in the
//! comments.

use crate::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

fn cal(name: &str) -> Calendar {
    Calendars::builtin().get(name).expect("built-in calendar")
}

fn ew() -> Calendar {
    cal("england-and-wales")
}

#[test]
fn registry_lists_the_five_builtins_with_the_default_first() {
    let cals = Calendars::builtin();
    assert_eq!(
        cals.names(),
        [
            "england-and-wales",
            "scotland",
            "northern-ireland",
            "weekdays",
            "uk-any"
        ]
    );
    assert_eq!(cals.default_calendar().name(), DEFAULT_CALENDAR);
    assert!(cals.get("wales").is_none());
    // Built-ins are shared, so their tables are built once per process.
    assert_eq!(cals.get("scotland"), Calendars::builtin().get("scotland"));
}

#[test]
fn format_spec_examples() {
    let ew = ew();
    // Tue 2024-11-05: Nov 6,7,8 (3); 11–15 (8); 18 (9); 19 (10).
    assert_eq!(ew.add_working_days(ymd(2024, 11, 5), 10), ymd(2024, 11, 19));
    // (Fri 2023-12-22, Wed 2024-02-21]: Dec 27,28,29 (3, after Christmas and Boxing Day);
    // January: 23 weekdays minus New Year's Day = 22; Feb 1–21: 15. 3 + 22 + 15 = 40.
    assert_eq!(
        ew.working_days_between(ymd(2023, 12, 22), ymd(2024, 2, 21)),
        40
    );
}

#[test]
fn kent_24_003_873() {
    let ew = ew();
    // Sun 2023-09-24: Sep 25–29 (5); October 22 (27); November 22 (49);
    // Dec 1 (50), 4–8 (55), 11–15 (60), 18–22 (65).
    assert_eq!(ew.add_working_days(ymd(2023, 9, 24), 65), ymd(2023, 12, 22));
    assert_eq!(
        ew.working_days_between(ymd(2023, 9, 24), ymd(2023, 12, 22)),
        65
    );
    // Jun 28–30 (3); July 21 (24); Aug 1–24 18 (42). Summer bank holiday is Aug 28.
    assert_eq!(
        ew.working_days_between(ymd(2023, 6, 27), ymd(2023, 8, 24)),
        42
    );
    // Jul 28, 31 (2); Aug 1–24 18 (20).
    assert_eq!(
        ew.working_days_between(ymd(2023, 7, 27), ymd(2023, 8, 24)),
        20
    );
    // Feb 22–29 (6); Mar 1–28 (26; Good Friday Mar 29); Easter Monday Apr 1; Apr 2–4 (29).
    assert_eq!(
        ew.working_days_between(ymd(2024, 2, 21), ymd(2024, 4, 4)),
        29
    );
}

#[test]
fn additions_across_holidays() {
    let ew = ew();
    // Thu 2024-12-12: Dec 13 (1); 16–20 (6); 23, 24 (8); 27 (9); 30, 31 (11);
    // Jan 2, 3 (13); 6, 7 (15).
    assert_eq!(ew.add_working_days(ymd(2024, 12, 12), 15), ymd(2025, 1, 7));
    // Sun 2024-06-30: July 23 (23); Aug: 22 weekdays minus Aug 26 = 21 (44);
    // Sep 2–27 (64); Sep 30 (65).
    assert_eq!(ew.add_working_days(ymd(2024, 6, 30), 65), ymd(2024, 9, 30));
    // Fri 2024-05-31: June 20 (20); July 23 (43); August 21 (64); Mon Sep 2 (65).
    assert_eq!(ew.add_working_days(ymd(2024, 5, 31), 65), ymd(2024, 9, 2));
    // Tue 2024-12-31: Jan 1 closed; Jan 2–31: 22; Feb 3–7 (27); 10, 11, 12 (30).
    assert_eq!(ew.add_working_days(ymd(2024, 12, 31), 30), ymd(2025, 2, 12));
    assert_eq!(
        ew.add(ymd(2024, 12, 31), Duration::working_days(30)),
        ymd(2025, 2, 12)
    );
}

#[test]
fn counting_conventions() {
    let ew = ew();
    let d = ymd(2024, 11, 5);
    assert_eq!(ew.add_working_days(d, 0), d);
    assert_eq!(ew.working_days_between(d, d), 0);
    assert_eq!(
        ew.working_days_between(ymd(2024, 2, 21), ymd(2023, 12, 22)),
        -40
    );
    // Sat → Sun has no working day; Fri → Mon has one (the Monday).
    assert_eq!(
        ew.working_days_between(ymd(2024, 11, 9), ymd(2024, 11, 10)),
        0
    );
    assert_eq!(
        ew.working_days_between(ymd(2024, 11, 8), ymd(2024, 11, 11)),
        1
    );
    // From a holiday: Christmas Day 2024 + 1wd = Fri Dec 27.
    assert_eq!(ew.add_working_days(ymd(2024, 12, 25), 1), ymd(2024, 12, 27));
    assert!(!ew.is_working_day(ymd(2024, 12, 25)));
    assert!(!ew.is_working_day(ymd(2024, 11, 9)));
    assert!(ew.is_working_day(ymd(2024, 11, 8)));
}

#[test]
fn divisions_differ_where_the_law_does() {
    let (ew, sc, ni, wk) = (
        ew(),
        cal("scotland"),
        cal("northern-ireland"),
        cal("weekdays"),
    );
    // New Year 2025: Scotland also closes Thu 2 Jan.
    assert_eq!(ew.add_working_days(ymd(2024, 12, 31), 1), ymd(2025, 1, 2));
    assert_eq!(sc.add_working_days(ymd(2024, 12, 31), 1), ymd(2025, 1, 3));
    // St Patrick's Day 2024 is a Sunday: NI's substitute is Mon 18 March.
    assert_eq!(ni.add_working_days(ymd(2024, 3, 15), 1), ymd(2024, 3, 19));
    assert_eq!(ew.add_working_days(ymd(2024, 3, 15), 1), ymd(2024, 3, 18));
    // Summer bank holiday: Scotland first Monday of August (Aug 5 2024), others the last.
    assert_eq!(sc.add_working_days(ymd(2024, 8, 2), 1), ymd(2024, 8, 6));
    assert_eq!(ew.add_working_days(ymd(2024, 8, 2), 1), ymd(2024, 8, 5));
    assert!(sc.is_working_day(ymd(2024, 8, 26)) && !ew.is_working_day(ymd(2024, 8, 26)));
    // Easter Monday 2024 (Apr 1) is not a Scottish bank holiday.
    assert!(sc.is_working_day(ymd(2024, 4, 1)) && !ni.is_working_day(ymd(2024, 4, 1)));
    // St Andrew's Day 2024 is a Saturday: substitute Mon Dec 2 in Scotland only.
    assert_eq!(sc.add_working_days(ymd(2024, 11, 29), 1), ymd(2024, 12, 3));
    // Battle of the Boyne, Fri 12 July 2024, NI only.
    assert!(!ni.is_working_day(ymd(2024, 7, 12)) && ew.is_working_day(ymd(2024, 7, 12)));
    // One-off days are in the data: the late Queen's funeral, the coronation.
    for c in [&ew, &sc, &ni] {
        assert!(!c.is_working_day(ymd(2022, 9, 19)));
        assert!(!c.is_working_day(ymd(2023, 5, 8)));
    }
    // `weekdays` has no holidays at all.
    assert_eq!(wk.add_working_days(ymd(2024, 12, 24), 1), ymd(2024, 12, 25));
    assert!(wk.holidays_in_year(2024).is_empty());
}

#[test]
fn calendar_durations() {
    let ew = ew();
    let add = |d, s: &str| ew.add(d, Duration::parse(s).expect("duration"));
    assert_eq!(add(ymd(2024, 1, 31), "1m"), ymd(2024, 2, 29));
    assert_eq!(add(ymd(2023, 1, 31), "1m"), ymd(2023, 2, 28));
    assert_eq!(add(ymd(2024, 3, 31), "1m"), ymd(2024, 4, 30));
    assert_eq!(add(ymd(2024, 8, 15), "6m"), ymd(2025, 2, 15));
    assert_eq!(add(ymd(2024, 2, 29), "1y"), ymd(2025, 2, 28));
    assert_eq!(add(ymd(2024, 2, 29), "4y"), ymd(2028, 2, 29));
    assert_eq!(add(ymd(2024, 11, 5), "15d"), ymd(2024, 11, 20));
    assert_eq!(add(ymd(2024, 11, 5), "4w"), ymd(2024, 12, 3));
    assert_eq!(add(ymd(2024, 11, 5), "0d"), ymd(2024, 11, 5));
}

#[test]
fn huge_amounts_saturate_instead_of_panicking() {
    let ew = ew();
    let d = ymd(2024, 1, 1);
    for dur in [
        "4294967295wd",
        "4294967295d",
        "4294967295w",
        "4294967295m",
        "4294967295y",
        "99999999wd",
    ] {
        let dur = Duration::parse(dur).expect("duration");
        assert_eq!(ew.checked_add(d, dur), None, "{dur}");
        assert_eq!(ew.add(d, dur), NaiveDate::MAX, "{dur}");
    }
    assert_eq!(ew.add_working_days(NaiveDate::MAX, 1), NaiveDate::MAX);
    // Near the start of chrono's range nothing overflows either.
    let early = ew.add_working_days(NaiveDate::MIN, 5);
    assert!(early > NaiveDate::MIN);
    assert_eq!(ew.working_days_between(NaiveDate::MIN, early), 5);
}

#[test]
fn coverage_follows_the_data_years() {
    let (ew, wk) = (ew(), cal("weekdays"));
    assert!(ew.covers(ymd(2012, 1, 1)) && ew.covers(ymd(2028, 12, 31)));
    assert!(!ew.covers(ymd(2011, 12, 31)) && !ew.covers(ymd(2029, 1, 1)));
    assert!(wk.covers(ymd(1850, 1, 1)));
    let mut cals = Calendars::builtin();
    cals.define("office", &["scotland"], &[]).expect("defines");
    let office = cals.get("office").expect("defined");
    assert!(office.covers(ymd(2024, 1, 1)) && !office.covers(ymd(2030, 1, 1)));
    cals.define("plain", &[], &[(ymd(2030, 1, 7), "Stocktake".into())])
        .expect("defines");
    assert!(cals.get("plain").expect("defined").covers(ymd(2030, 1, 1)));
}

#[test]
fn rules_take_over_outside_the_data() {
    let ew = ew();
    // 2030: Easter Sunday is 21 April, so Good Friday Apr 19 and Easter Monday Apr 22.
    // Thu 2030-04-18 + 1wd = Tue Apr 23.
    assert_eq!(ew.add_working_days(ymd(2030, 4, 18), 1), ymd(2030, 4, 23));
    // 2010: Christmas Day Saturday, Boxing Day Sunday → substitutes Mon 27, Tue 28.
    // Fri 2010-12-24 + 1wd = Wed Dec 29.
    assert_eq!(ew.add_working_days(ymd(2010, 12, 24), 1), ymd(2010, 12, 29));
    let names: Vec<String> = ew
        .holidays_in_year(2010)
        .into_iter()
        .map(|h| h.name)
        .collect();
    assert!(names.contains(&"Christmas Day (substitute day)".to_string()));
    // Beyond the 1900–2200 table: 2300-12-25 is a Tuesday, so Christmas and Boxing
    // Day are Tue 25 and Wed 26. Mon 2300-12-24 + 1wd = Thu Dec 27.
    assert_eq!(ew.add_working_days(ymd(2300, 12, 24), 1), ymd(2300, 12, 27));
    // (Fri 2300-12-21, Fri 2300-12-28]: Mon 24, Thu 27, Fri 28 = 3.
    assert_eq!(
        ew.working_days_between(ymd(2300, 12, 21), ymd(2300, 12, 28)),
        3
    );
    assert!(!ew.is_working_day(ymd(2300, 12, 26)));
}

#[test]
fn table_edges_and_the_arithmetic_fallback_agree() {
    let ew = ew();
    let last = ew.table_last_day();
    assert_eq!(last, ymd(2200, 12, 31));
    // Adding across the end of the table equals pure arithmetic.
    for start in [ymd(2200, 12, 1), ymd(2200, 12, 30), last] {
        for n in [0, 1, 5, 20, 300] {
            let table = ew.add_working_days(start, n);
            assert_eq!(
                Some(table),
                ew.test_add_by_arithmetic(start, n),
                "{start} + {n}wd"
            );
            assert_eq!(ew.working_days_between(start, table), n as i64);
        }
    }
    let a = ymd(1899, 12, 20);
    let b = ymd(1900, 1, 10);
    assert_eq!(
        ew.working_days_between(a, b),
        ew.test_between_by_arithmetic(a, b)
    );
}

#[test]
fn user_calendars_add_closures() {
    let mut cals = Calendars::builtin();
    let closed = [
        (ymd(2024, 12, 27), "Offices closed".to_string()),
        (ymd(2024, 12, 30), "Offices closed".to_string()),
        (ymd(2024, 12, 31), "Offices closed".to_string()),
        (ymd(2024, 12, 28), "A Saturday: no effect".to_string()),
    ];
    cals.define("worcestershire", &["england-and-wales"], &closed)
        .expect("defines");
    let w = cals.get("worcestershire").expect("defined");
    assert!(!w.is_builtin() && w.extends() == ["england-and-wales"]);
    // The five that ship are built in (a mutant making every calendar a user's
    // survived every test until this line).
    for name in [
        "england-and-wales",
        "scotland",
        "northern-ireland",
        "weekdays",
        "uk-any",
    ] {
        assert!(cals.get(name).expect("ships").is_builtin(), "{name}");
    }
    // Thu 2024-12-12: Dec 13 (1); 16–20 (6); 23, 24 (8); 25–31 closed; Jan 1 closed;
    // Jan 2, 3 (10); 6–10 (15).
    assert_eq!(w.add_working_days(ymd(2024, 12, 12), 15), ymd(2025, 1, 10));
    let days: Vec<NaiveDate> = w
        .holidays_between(ymd(2024, 12, 20), ymd(2025, 1, 2))
        .into_iter()
        .map(|h| h.date)
        .collect();
    assert_eq!(
        days,
        [
            ymd(2024, 12, 25),
            ymd(2024, 12, 26),
            ymd(2024, 12, 27),
            ymd(2024, 12, 30),
            ymd(2024, 12, 31),
            ymd(2025, 1, 1)
        ]
    );
    assert_eq!(
        w.holidays_between(ymd(2024, 12, 20), ymd(2024, 12, 26))[1].name,
        "Boxing Day"
    );
    // A calendar extending two: union of the closed days.
    cals.define("cross-border", &["scotland", "northern-ireland"], &[])
        .expect("defines");
    let x = cals.get("cross-border").expect("defined");
    assert!(!x.is_working_day(ymd(2024, 8, 5)) && !x.is_working_day(ymd(2024, 8, 26)));
    assert!(!x.is_working_day(ymd(2024, 7, 12)) && !x.is_working_day(ymd(2024, 1, 2)));
    assert_eq!(cals.names().len(), 7);
}

/// FOIA 2000 s.10(6): a bank holiday in any part of the United Kingdom is not a
/// working day. 2024-11-20 + 20 such days is 2024-12-19, because St Andrew's Day
/// (Saturday 30 November) is kept in Scotland on Monday 2 December; in England
/// and Wales alone it is 2024-12-18.
#[test]
fn uk_any_closes_a_holiday_of_any_nation() {
    let uk = cal("uk-any");
    assert!(uk.is_builtin());
    assert_eq!(
        uk.extends(),
        ["england-and-wales", "scotland", "northern-ireland"]
    );
    assert!(
        !uk.is_working_day(ymd(2024, 12, 2)),
        "St Andrew's Day, Scotland"
    );
    assert!(
        !uk.is_working_day(ymd(2024, 7, 12)),
        "Battle of the Boyne, NI"
    );
    assert!(
        !uk.is_working_day(ymd(2024, 8, 5)),
        "summer bank holiday, Scotland"
    );
    assert!(
        !uk.is_working_day(ymd(2024, 8, 26)),
        "summer bank holiday, E&W"
    );
    assert!(uk.is_working_day(ymd(2024, 12, 3)));
    assert_eq!(
        uk.add_working_days(ymd(2024, 11, 20), 20),
        ymd(2024, 12, 19)
    );
    assert_eq!(
        ew().add_working_days(ymd(2024, 11, 20), 20),
        ymd(2024, 12, 18)
    );
}

#[test]
fn define_refuses_duplicates_and_unknown_bases() {
    let mut cals = Calendars::builtin();
    assert_eq!(
        cals.define("scotland", &[], &[]),
        Err(CalendarError::AlreadyDefined("scotland".into()))
    );
    let err = cals
        .define("mine", &["englnd-and-wales"], &[])
        .expect_err("unknown base");
    assert_eq!(
        err,
        CalendarError::UnknownBase {
            name: "mine".into(),
            base: "englnd-and-wales".into()
        }
    );
    assert_eq!(
        err.to_string(),
        "calendar \"mine\" extends \"englnd-and-wales\", but there is no calendar called \"englnd-and-wales\""
    );
    assert!(cals.get("mine").is_none());
    assert!(Calendars::is_builtin_name("weekdays") && !Calendars::is_builtin_name("mine"));
}

#[test]
fn intervals_of_working_days() {
    let ew = ew();
    // Request some day in [2023-09-24, 2023-09-29], answer 2023-12-22.
    let from = Interval::range(ymd(2023, 9, 24), ymd(2023, 9, 29));
    let to = Interval::day(ymd(2023, 12, 22));
    // From Fri Sep 29: 65 − 5 (Sep 25–29) = 60.
    assert_eq!(ew.working_days_range(&from, &to), (Some(60), Some(65)));
    assert_eq!(
        ew.working_days_range(&Interval::unknown(), &to),
        (None, None)
    );
}

mod fallback {
    //! The arithmetic fallback (used outside 1900–2200) must give exactly what the
    //! table gives, wherever both can answer.
    use super::*;
    use chrono::TimeDelta;
    use proptest::prelude::*;

    fn calendars() -> Vec<Calendar> {
        let mut cals = Calendars::builtin();
        let closed = [
            (ymd(2024, 12, 27), "Offices closed".to_string()),
            (ymd(1950, 3, 1), "Flood".to_string()),
        ];
        cals.define("council", &["scotland"], &closed)
            .expect("defines");
        cals.names()
            .iter()
            .map(|n| cals.get(n).expect("listed"))
            .collect()
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        // 1900-01-01 plus up to ~300 years, staying inside the table.
        (0i64..109_000).prop_map(|i| ymd(1900, 1, 1) + TimeDelta::days(i))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn arithmetic_matches_the_table(cal in 0usize..5, a in date(), span in -3000i64..3000, n in 0u32..3000) {
            let cals = calendars();
            let c = &cals[cal];
            let b = a + TimeDelta::days(span);
            prop_assert_eq!(c.test_between_by_arithmetic(a, b), c.working_days_between(a, b));
            prop_assert_eq!(c.test_add_by_arithmetic(a, n), Some(c.add_working_days(a, n)));
        }
    }
}

#[test]
fn calendars_are_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Calendar>();
    assert_send_sync::<Calendars>();
    let c = ew();
    let handle = std::thread::spawn(move || c.add_working_days(ymd(2024, 11, 5), 10));
    assert_eq!(handle.join().expect("thread"), ymd(2024, 11, 19));
}

#[test]
fn working_day_additions_stop_after_the_last_supported_year() {
    let ew = ew();
    // Fri 9999-12-24 (Christmas 9999 is a Saturday, so Mon 27 and Tue 28 are
    // substitutes): + 1wd = Wed 9999-12-29; + 4wd would be in 10000.
    assert_eq!(
        ew.checked_add_working_days(ymd(9999, 12, 24), 1),
        Some(ymd(9999, 12, 29))
    );
    assert_eq!(ew.checked_add_working_days(ymd(9999, 12, 24), 4), None);
    assert_eq!(ew.add_working_days(ymd(9999, 12, 24), 4), NaiveDate::MAX);
    // Calendar durations are not bounded by it.
    assert_eq!(
        ew.add(ymd(9999, 12, 24), Duration::new(10, Unit::Days)),
        ymd(10000, 1, 3)
    );
}

#[test]
fn easter_sunday_on_known_years() {
    // Easter Sundays as published (church calendars), inside and outside the
    // years the shipped data covers: the rule-based holidays depend on them.
    for (y, m, d) in [
        (1990, 4, 15),
        (2000, 4, 23),
        (2008, 3, 23),
        (2010, 4, 4),
        (2011, 4, 24),
        (2019, 4, 21),
        (2024, 3, 31),
        (2025, 4, 20),
        (2030, 4, 21),
        (2038, 4, 25),
        // The algorithm's rare correction (its `m` is 1 only in years like
        // these, where Easter would otherwise fall on 25 or 26 April).
        (1954, 4, 18),
        (1981, 4, 19),
        (2049, 4, 18),
        (2076, 4, 19),
        // The nineteenth century's earliest and latest (another century term).
        (1818, 3, 22),
        (1886, 4, 25),
    ] {
        assert_eq!(crate::rules::easter_sunday(y), Some(ymd(y, m, d)), "{y}");
    }
}

#[test]
fn intervals_say_exactly_when_they_are_one_day_or_open() {
    let a = ymd(2024, 5, 1);
    let b = ymd(2024, 5, 2);
    let day = Interval {
        earliest: Some(a),
        latest: Some(a),
    };
    let two = Interval {
        earliest: Some(a),
        latest: Some(b),
    };
    assert_eq!(day.exact(), Some(a));
    assert_eq!(two.exact(), None);
    assert!(!day.is_open() && !two.is_open());
    assert!(
        Interval {
            earliest: None,
            latest: Some(b)
        }
        .is_open()
    );
}
