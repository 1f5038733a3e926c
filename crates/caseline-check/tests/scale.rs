//! Per-call work must stay proportional to the file: a long timeline with many
//! stages and recommendations is checked well within a second per ten thousand
//! entries (a quadratic scan over 60 000 entries would take minutes).

use std::fmt::Write;
use std::time::Instant;

use caseline_check::{CheckOptions, Config, Definitions, Rule, check};
use chrono::{Days, NaiveDate};

#[test]
fn sixty_thousand_entries_check_quickly() {
    let mut text =
        String::from("case \"big\"\n  procedure children-statutory lgsco\n  as-of 2100-01-01\n\n");
    let mut d = NaiveDate::from_ymd_opt(2013, 1, 1).expect("valid");
    let n = 10_000;
    for i in 0..n {
        // Six entries per round: a stage 1, a stage 2 with a recommendation, and
        // an unaddressed promise (each gives a finding with a fix).
        for kind in [
            "stage1.received",
            "stage1.response",
            "stage2.requested",
            "stage2.report",
        ] {
            writeln!(text, "{d} {kind}").expect("write to string");
        }
        writeln!(text, "  rec r{i} \"Do something\"").expect("write");
        writeln!(text, "{d} stage2.adjudication").expect("write");
        writeln!(text, "  promise p{i} within 10wd \"Write again\"").expect("write");
        writeln!(text, "{d} done r{i}").expect("write");
        d = d.checked_add_days(Days::new(1)).expect("in range");
    }
    let parse = caseline_syntax::parse(&text);
    let defs = Definitions::builtin();
    let opts = CheckOptions {
        today: NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid"),
        as_of_override: None,
        config: Config::default(),
    };
    let start = Instant::now();
    let a = check(&parse, &defs, &opts);
    let took = start.elapsed();
    eprintln!(
        "check of {} entries took {took:?}",
        parse.document().entries.len()
    );
    let overdue = a
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::RecOverdue)
        .count();
    assert_eq!(overdue, n, "every promise is overdue");
    assert_eq!(a.recs.len(), 2 * n);
    assert!(took.as_secs_f64() < 10.0, "check took {took:?}");
}
