//! The shipped timelines in `tests/cases/` must produce exactly the findings of
//! `EXPECTED.md` (the published samples) and `EXPECTED-own.md` (the check
//! engineer's own cases), and nothing else. The (1-based line, rule) pairs are
//! read from those tables; each test adds, by line, phrases the message must
//! contain (the numbers the tables' "numbers" column works out).
//!
//! Definitions files in the folder are loaded the way the CLI does: every file
//! under `tests/cases/` that has no case header and no entries.

#[path = "../../../tests/support/expected.rs"]
mod expected;

use std::path::{Path, PathBuf};

use caseline_check::{CheckOptions, Config, Definitions, Rule, check};
use caseline_syntax::Parse;
use chrono::NaiveDate;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases")
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/cases is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "case") {
            out.push(p);
        }
    }
}

struct Workspace {
    parses: Vec<(PathBuf, Parse)>,
    defs: Definitions,
}

fn workspace() -> Workspace {
    let mut files = Vec::new();
    walk(&cases_dir(), &mut files);
    let parses: Vec<(PathBuf, Parse)> = files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("case file is UTF-8");
            let parse = caseline_syntax::parse(&text);
            (p, parse)
        })
        .collect();
    let def_files: Vec<(String, &Parse)> = parses
        .iter()
        .filter(|(_, p)| p.document().is_definitions_file())
        .map(|(path, p)| (path.display().to_string(), p))
        .collect();
    let (defs, problems) = Definitions::with_workspace(&def_files);
    assert!(problems.is_empty(), "definitions problems: {problems:?}");
    Workspace { parses, defs }
}

/// Findings of one file as (1-based line, rule, message).
fn findings(ws: &Workspace, name: &str) -> Vec<(u32, Rule, String)> {
    let (_, parse) = ws
        .parses
        .iter()
        .find(|(p, _)| p.file_name().is_some_and(|n| n == name))
        .unwrap_or_else(|| panic!("{name} is in tests/cases"));
    let opts = CheckOptions {
        // A "today" far from every as-of: the files' own as-of dates must win.
        today: NaiveDate::from_ymd_opt(2030, 1, 1).expect("valid date"),
        as_of_override: None,
        config: Config::default(),
    };
    let a = check(parse, &ws.defs, &opts);
    a.diagnostics
        .iter()
        .map(|d| {
            (
                parse.line_index().line_of(d.range.start()) + 1,
                d.rule,
                d.message.clone(),
            )
        })
        .collect()
}

/// The (1-based line, rule) pairs `tests/cases/EXPECTED.md` or
/// `EXPECTED-own.md` lists for `name`, sorted.
fn expected_findings(name: &str) -> Vec<(u32, Rule)> {
    for table in ["EXPECTED.md", "EXPECTED-own.md"] {
        let sections = expected::read(&cases_dir().join(table), |r| Rule::from_name(r).is_some());
        if let Some(section) = sections.get(name) {
            return section
                .findings
                .iter()
                .map(|(line, rule)| (*line, Rule::from_name(rule).expect("`read` checked it")))
                .collect();
        }
    }
    panic!("{name} has no section in tests/cases/EXPECTED.md or EXPECTED-own.md");
}

/// `name` gives exactly the findings its table lists, and the message of the
/// finding on each line of `phrases` contains every phrase given for it.
fn assert_findings(name: &str, phrases: &[(u32, &[&str])]) {
    let ws = workspace();
    let mut got = findings(&ws, name);
    got.sort_by(|a, b| (a.0, a.1.name()).cmp(&(b.0, b.1.name())));
    let got_keys: Vec<(u32, Rule)> = got.iter().map(|(l, r, _)| (*l, *r)).collect();
    let want_keys = expected_findings(name);
    assert!(!want_keys.is_empty(), "{name}: its table lists no findings");
    assert_eq!(
        got_keys,
        want_keys,
        "{name}: findings differ; got:\n{}",
        got.iter()
            .map(|(l, r, m)| format!("  {l}: {} {m}", r.name()))
            .collect::<Vec<_>>()
            .join("\n")
    );
    for (line, want) in phrases {
        let on_line: Vec<&(u32, Rule, String)> = got.iter().filter(|(l, _, _)| l == line).collect();
        let [(_, rule, message)] = on_line[..] else {
            panic!(
                "{name}:{line}: phrases are given for a line with {} findings, not one (is it still in the table?)",
                on_line.len()
            );
        };
        for p in *want {
            assert!(
                message.contains(p),
                "{name}:{line} {}: message lacks {p:?}: {message}",
                rule.name()
            );
        }
    }
}

#[test]
fn worcestershire_24_017_518() {
    assert_findings(
        "worcestershire-24-017-518.case",
        &[
            (17, &["stage 1 response", "April and May 2024"]),
            (
                26,
                &[
                    "2024-09-30",
                    "on 2024-11-05",
                    "or 65 if extended",
                    "even with an extension it was due between 2024-09-02 and 2024-09-30",
                    "June 2024",
                ],
            ),
            (
                30,
                &[
                    "due 2024-11-19",
                    "10 working days after",
                    "2024-11-05",
                    "on 2024-12-05",
                    "12 working days late",
                ],
            ),
            (
                37,
                &[
                    "p1",
                    "due 2025-01-07",
                    "15 working days after",
                    "2024-12-12",
                    "2025-01-11",
                    "2025-01-20",
                    "3 to 9 working days late",
                ],
            ),
            (39, &["recommendation d", "due 2024-11-19", "February 2025"]),
            (41, &["recommendation e", "due 2024-11-19", "2025-07-22"]),
        ],
    );
}

#[test]
fn kent_24_003_873() {
    assert_findings(
        "kent-24-003-873.case",
        &[
            (13, &["2023-06-27", "July 2023"]),
            (
                16,
                &[
                    "42 working days",
                    "2023-06-27",
                    "the limit is 10 working days, or 20 if extended",
                    "SI 2006/1738 reg. 14",
                    "even with an extension it was due 2023-07-25",
                ],
            ),
            (
                20,
                &[
                    "105 working days",
                    "2023-09-24",
                    "the limit is 25 working days, or 65 if extended",
                    "SI 2006/1738 reg. 17",
                    "even with an extension it was due 2023-12-22",
                    "40 working days late",
                ],
            ),
            (21, &["promise m1"]),
        ],
    );
}

#[test]
fn worcestershire_25_006_373() {
    assert_findings(
        "worcestershire-25-006-373.case",
        &[
            (15, &["April 2024"]),
            (19, &["recommendation b"]),
            (23, &["2024-09-02", "November 2024", "May 2024"]),
            (26, &["2025-02-12", "March 2025", "December 2024"]),
            (29, &["March 2025", "April 2025"]),
        ],
    );
}

#[test]
fn housing_damp_and_mould() {
    assert_findings(
        "housing-damp-and-mould.case",
        &[
            (15, &["p1", "due 2024-05-13", "143 working days overdue"]),
            (
                18,
                &[
                    "44 working days",
                    "2024-05-16",
                    "due 2024-07-12",
                    "4 working days late",
                ],
            ),
            (
                21,
                &["p2", "due 2024-08-30", "2024-09-16", "11 working days late"],
            ),
            (22, &["p3"]),
        ],
    );
}

#[test]
fn corporate_council_tax() {
    assert_findings(
        "corporate-council-tax.case",
        &[
            (
                13,
                &[
                    "19 working days",
                    "2024-11-18",
                    "15 working days (due 2024-12-09)",
                    "25 working days",
                ],
            ),
            (17, &["recommendation b"]),
            (18, &["due 2025-02-03", "2025-01-20", "5 working days late"]),
            (
                20,
                &["ombudsman.decison", "did you mean `ombudsman.decision`"],
            ),
        ],
    );
}

#[test]
fn vague_both_sides() {
    assert_findings(
        "vague-both-sides.case",
        &[
            (
                10,
                &[
                    "22 to 63 working days",
                    "between 2024-01-29 and 2024-02-28",
                    "2 to 43 working days late",
                ],
            ),
            (
                12,
                &[
                    "0 to 75 working days",
                    "between 2024-03-01 and 2024-06-20",
                    "2024-06-06",
                    "up to 10 working days late",
                ],
            ),
            (
                14,
                &[
                    "p1",
                    "between 2024-07-08 and 2024-07-18",
                    "August 2024",
                    "10 to 38 working days late",
                ],
            ),
        ],
    );
}

#[test]
fn the_corporate_calendar_changes_the_count() {
    // The review in corporate-council-tax.case is within 20 working days only
    // because of the council's closures; counted in plain England and Wales
    // (config default, header calendar removed) it would be over.
    let ws = workspace();
    let (_, parse) = ws
        .parses
        .iter()
        .find(|(p, _)| {
            p.file_name()
                .is_some_and(|n| n == "corporate-council-tax.case")
        })
        .expect("corporate case exists");
    let text = parse.text().replace("  calendar example-council\n", "");
    let parse = caseline_syntax::parse(&text);
    let opts = CheckOptions {
        today: NaiveDate::from_ymd_opt(2030, 1, 1).expect("valid date"),
        as_of_override: None,
        config: Config::default(),
    };
    let a = check(&parse, &ws.defs, &opts);
    let review = a
        .deadlines
        .iter()
        .find(|d| d.target_kind == "corporate.review")
        .expect("the review deadline is evaluated");
    assert_eq!(review.due.latest, NaiveDate::from_ymd_opt(2025, 1, 16));
    assert!(
        a.diagnostics
            .iter()
            .any(|d| d.rule == Rule::ExtensionUnrecorded
                && parse.line_index().line_of(d.range.start()) + 1 == 14)
    );
}

#[test]
fn as_of_override_wins_over_the_header() {
    // Kent's o1 is due 2025-03-18 (4 weeks after 2025-02-18): overdue only when
    // the case is judged later than its own as-of date.
    let ws = workspace();
    let (_, parse) = ws
        .parses
        .iter()
        .find(|(p, _)| p.file_name().is_some_and(|n| n == "kent-24-003-873.case"))
        .expect("kent case exists");
    let opts = CheckOptions {
        today: NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date"),
        as_of_override: NaiveDate::from_ymd_opt(2025, 3, 19),
        config: Config::default(),
    };
    let a = check(parse, &ws.defs, &opts);
    assert_eq!(
        a.as_of,
        NaiveDate::from_ymd_opt(2025, 3, 19).expect("valid")
    );
    let o1: Vec<_> = a
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::RecOverdue)
        .collect();
    assert_eq!(o1.len(), 1, "{:?}", a.diagnostics);
    assert!(
        o1[0].message.contains("due 2025-03-18"),
        "{}",
        o1[0].message
    );
    assert!(
        o1[0].message.contains("1 working day overdue"),
        "{}",
        o1[0].message
    );
}
