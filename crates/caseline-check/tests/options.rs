//! Options that change what `check` reports: severity overrides from
//! caseline.toml, the as-of precedence, the calendar precedence, and
//! acknowledgement comments.

use caseline_check::{CheckOptions, Config, Definitions, Rule, Severity, check};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn opts(config: Config) -> CheckOptions {
    CheckOptions {
        today: day(2024, 6, 1),
        as_of_override: None,
        config,
    }
}

const LATE_STAGE_1: &str = "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\n2024-01-25 stage1.response\n";

#[test]
fn config_changes_severity_or_turns_a_rule_off() {
    let parse = caseline_syntax::parse(LATE_STAGE_1);
    let defs = Definitions::builtin();
    let a = check(&parse, &defs, &opts(Config::default()));
    assert_eq!(a.diagnostics.len(), 1);
    assert_eq!(a.diagnostics[0].rule, Rule::ExtensionUnrecorded);
    assert_eq!(a.diagnostics[0].severity, Severity::Warning);

    let raised = Config::from_toml("[rules]\nextension-unrecorded = \"error\"\n").expect("valid");
    let a = check(&parse, &defs, &opts(raised));
    assert_eq!(a.diagnostics[0].severity, Severity::Error);

    let off = Config::from_toml("[rules]\nextension-unrecorded = \"off\"\n").expect("valid");
    let a = check(&parse, &defs, &opts(off));
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    // The record is still there for hovers and hints.
    assert_eq!(a.deadlines.len(), 1);
}

#[test]
fn as_of_falls_back_to_today_without_a_header_date() {
    let text = "case \"1\"\n  procedure children-statutory\n\n2024-01-02 stage1.received\n";
    let parse = caseline_syntax::parse(text);
    let defs = Definitions::builtin();
    // Due 2024-01-30 with the extension: not overdue on 2024-01-30, overdue on 2024-01-31.
    let mut o = opts(Config::default());
    o.today = day(2024, 1, 30);
    let a = check(&parse, &defs, &o);
    assert_eq!(a.as_of, day(2024, 1, 30));
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    o.today = day(2024, 1, 31);
    let a = check(&parse, &defs, &o);
    assert_eq!(a.diagnostics.len(), 1);
    assert_eq!(a.diagnostics[0].rule, Rule::DeadlineOverdue);
    assert!(
        a.diagnostics[0].message.contains("1 working day overdue"),
        "{}",
        a.diagnostics[0].message
    );
}

#[test]
fn the_header_calendar_beats_the_config_default() {
    // 2 January 2024 is a bank holiday in Scotland only: 10 working days from
    // 2023-12-29 end on 2024-01-15 in England and Wales, on 2024-01-16 in Scotland.
    let base = "case \"1\"\n  procedure spso\n  as-of 2024-06-01\n";
    let entries = "\n2023-12-29 stage1.received\n2024-01-05 stage1.response\n";
    let defs = Definitions::builtin();
    let check_with = |header_extra: &str, config: &str| {
        let text = format!("{base}{header_extra}{entries}");
        let parse = caseline_syntax::parse(&text);
        let a = check(
            &parse,
            &defs,
            &opts(Config::from_toml(config).expect("valid")),
        );
        (a.calendar.clone(), a.deadlines[0].due.latest)
    };
    // spso's stage 1 limit is 5 working days.
    // England and Wales: 2 Jan (1), 3, 4, 5, 8 -> 2024-01-08.
    assert_eq!(
        check_with("", ""),
        ("england-and-wales".to_string(), Some(day(2024, 1, 8)))
    );
    // Scotland also closes 2 January: 3, 4, 5, 8, 9 -> 2024-01-09.
    assert_eq!(
        check_with("", "calendar = \"scotland\"\n"),
        ("scotland".to_string(), Some(day(2024, 1, 9)))
    );
    assert_eq!(
        check_with(
            "  calendar england-and-wales\n",
            "calendar = \"scotland\"\n"
        ),
        ("england-and-wales".to_string(), Some(day(2024, 1, 8)))
    );
}

#[test]
fn acknowledged_findings_keep_their_reason_and_comment() {
    let text = "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\n# caseline: allow extension-unrecorded \"extended by phone; letter on file\"\n2024-01-25 stage1.response\n";
    let parse = caseline_syntax::parse(text);
    let a = check(&parse, &Definitions::builtin(), &opts(Config::default()));
    assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    assert_eq!(a.acknowledged.len(), 1);
    let ack = &a.acknowledged[0];
    assert_eq!(ack.diagnostic.rule, Rule::ExtensionUnrecorded);
    assert_eq!(ack.reason, "extended by phone; letter on file");
    assert_eq!(parse.line_index().line_of(ack.comment_range.start()), 5);
}

#[test]
fn fixes_and_related_places_point_into_the_file() {
    let text = "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\n2024-01-10 stage1.respnse\n";
    let parse = caseline_syntax::parse(text);
    let a = check(&parse, &Definitions::builtin(), &opts(Config::default()));
    let unknown = a
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::EventUnknown)
        .expect("the typo is reported");
    assert_eq!(&text[unknown.range], "stage1.respnse");
    let edit = &unknown.fixes[0].edits[0];
    assert_eq!(&text[edit.range], "stage1.respnse");
    assert_eq!(edit.new_text, "stage1.response");
    // The response is missing (the typo hides it), so the receipt is overdue.
    let overdue = a
        .diagnostics
        .iter()
        .find(|d| d.rule == Rule::DeadlineOverdue)
        .expect("overdue while the typo hides the response");
    assert!(text[overdue.range].starts_with("2024-01-02 stage1.received"));
}
