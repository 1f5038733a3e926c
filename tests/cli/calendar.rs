//! `caseline calendar`: results and the working shown (the counting rule of
//! docs/format.md#durations-and-working-days).

use crate::support::{run_in, workspace_root};

#[test]
fn add_working_days_prints_the_day_and_the_working() {
    let run = run_in(
        &workspace_root(),
        &["calendar", "add", "2024-11-05", "10wd"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let first = run.stdout.lines().next().unwrap_or_default();
    // docs/format.md#durations-and-working-days: `D + N wd` is the N-th working day
    // strictly after D, so 2024-11-05 + 10wd = 2024-11-19, a Tuesday.
    assert_eq!(first, "2024-11-05 + 10 working days = 2024-11-19 (Tuesday)");
    // Two weekends (9-10 and 16-17 November) and no bank holidays in between.
    assert!(
        run.stdout.contains("skipped 4 weekend days"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("skipped no bank holidays"),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr, "",
        "2024 is in the shipped data: no coverage warning"
    );
}

#[test]
fn between_counts_and_names_the_holidays() {
    let run = run_in(
        &workspace_root(),
        &["calendar", "between", "2023-12-22", "2024-02-21"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // docs/format.md#durations-and-working-days: the working days in (A, B], so
    // 40 in England and Wales, skipping Christmas Day, Boxing Day and New Year's Day.
    assert!(
        run.stdout
            .contains(": 40 working days in the england-and-wales calendar"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("skipped 3 bank holiday days or closures"),
        "{}",
        run.stdout
    );
    for day in ["2023-12-25", "2023-12-26", "2024-01-01"] {
        assert!(
            run.stdout.contains(day),
            "{day} missing from:\n{}",
            run.stdout
        );
    }
    // (2023-12-22, 2024-02-21] holds 61 days: 40 working, 3 holidays, 18 weekend days.
    assert!(
        run.stdout.contains("skipped 18 weekend days"),
        "{}",
        run.stdout
    );
}

#[test]
fn scotland_keeps_the_second_of_january() {
    let run = run_in(
        &workspace_root(),
        &["calendar", "holidays", "2025", "--calendar", "scotland"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("2025-01-02"), "{}", run.stdout);
    let ew = run_in(&workspace_root(), &["calendar", "holidays", "2025"]);
    assert!(!ew.stdout.contains("2025-01-02"), "{}", ew.stdout);
    assert!(ew.stdout.contains("2025-12-25"), "{}", ew.stdout);
}

#[test]
fn unknown_calendars_and_bad_input_are_usage_errors() {
    let run = run_in(
        &workspace_root(),
        &[
            "calendar",
            "add",
            "2024-11-05",
            "10wd",
            "--calendar",
            "narnia",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("narnia") && run.stderr.contains("scotland"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run_in(&workspace_root(), &["calendar", "add", "2024-11-05", "ten"]).code,
        2
    );
    assert_eq!(
        run_in(&workspace_root(), &["calendar", "add", "2024-13-05", "1d"]).code,
        2
    );
}

#[test]
fn years_outside_the_data_warn() {
    let run = run_in(&workspace_root(), &["calendar", "holidays", "2099"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("does not cover 2099"), "{}", run.stderr);
}
