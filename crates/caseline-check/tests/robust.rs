//! `check` never panics on user text: every sample with each line removed, each
//! line duplicated, or each date replaced by `?`, plus extreme dates and
//! durations, is checked without a panic and with sorted diagnostics.

use std::path::Path;

use caseline_check::{CheckOptions, Config, Definitions, check};
use chrono::NaiveDate;

fn run(text: &str) {
    let parse = caseline_syntax::parse(text);
    let opts = CheckOptions {
        today: NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid"),
        as_of_override: None,
        config: Config::default(),
    };
    let a = check(&parse, &Definitions::builtin(), &opts);
    let starts: Vec<_> = a.diagnostics.iter().map(|d| d.range.start()).collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "diagnostics are sorted"
    );
    for d in &a.diagnostics {
        assert!(usize::from(d.range.end()) <= text.len());
    }
}

#[test]
fn mutated_samples_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases");
    for name in [
        "kent-24-003-873.case",
        "worcestershire-24-017-518.case",
        "worcestershire-25-006-373.case",
        "vague-both-sides.case",
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect("sample exists");
        let lines: Vec<&str> = text.lines().collect();
        for i in 0..lines.len() {
            let mut without = lines.clone();
            without.remove(i);
            run(&without.join("\n"));
            let mut doubled = lines.clone();
            doubled.insert(i, lines[i]);
            run(&doubled.join("\n"));
            let mut unknown = lines.clone();
            if let Some((date, rest)) = lines[i].split_once(' ')
                && date.starts_with("20")
            {
                let replaced = format!("? {rest}");
                unknown[i] = &replaced;
                run(&unknown.join("\n"));
            }
        }
    }
}

#[test]
fn extreme_dates_and_durations_never_panic() {
    run(
        "case \"1\"\n  procedure children-statutory lgsco\n  as-of 9999-12-31\n\n9999-12-01 stage1.received\n9999-12-31 ombudsman.decision\n  rec a within 4294967295wd \"x\"\n  rec b within 4294967295m \"y\"\n  rec c within 4294967295y \"z\"\n",
    );
    run(
        "case \"1\"\n  procedure children-statutory\n  as-of 0001-01-01\n\n0001-01-01 stage1.received\n? stage1.response\n",
    );
    run(
        "case \"1\"\n  procedure adult-social-care\n\n? complaint.received\n? complaint.response\n  promise p within 99999d \"x\"\n",
    );
    run("");
    run("\n\n  > prose without a block\n");
}
