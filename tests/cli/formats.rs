//! The output formats of `caseline check`: human (snapshot, carets under
//! non-ASCII text), GitHub annotations (escaping), SARIF (valid against the
//! SARIF 2.1.0 schema, offline).

use crate::support::{
    NO_PROCEDURE_TOML, expected_findings, json, run_in, workspace, workspace_root,
};

#[test]
fn human_output_for_a_sample_case() {
    let run = run_in(
        &workspace_root(),
        &["check", "tests/cases/kent-24-003-873.case"],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn human_output_shape() {
    let run = run_in(
        &workspace_root(),
        &["check", "tests/cases/kent-24-003-873.case"],
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    // EXPECTED.md: kent line 16 is a deadline-missed error on the stage 1
    // response entry, whose date starts the line: column 1.
    let at = lines
        .iter()
        .position(|l| *l == "  --> tests/cases/kent-24-003-873.case:16:1")
        .unwrap_or_else(|| panic!("no location line for 16:1 in:\n{}", run.stdout));
    assert!(
        lines[at - 1].starts_with("error[deadline-missed]: "),
        "{}",
        lines[at - 1]
    );
    assert_eq!(lines[at + 1], "   |");
    assert_eq!(lines[at + 2], "16 | 2023-08-24 stage1.response");
    assert!(
        lines[at + 3].starts_with("   | ^"),
        "carets start under column 1: {}",
        lines[at + 3]
    );
    // What was checked (the stage 1 response, the stage 2 adjudication, the
    // panel and the response to it; recommendations m1 and o1), then the totals.
    assert_eq!(
        lines[lines.len() - 2],
        "tests/cases/kent-24-003-873.case: children-statutory, lgsco · 4 deadlines checked (2 late) · 2 recommendations tracked"
    );
    assert_eq!(
        lines.last().copied(),
        Some("checked 1 file (4 deadlines, 2 recommendations): 2 errors, 2 warnings"),
        "EXPECTED.md: kent has two deadline-missed errors, a date-order and a rec-unaddressed warning"
    );
}

/// A case whose finding sits after non-ASCII text on its line: the rec line of
/// a rec never done (rec-unaddressed, docs/format.md#checks: reported on the `rec` line).
const UNICODE: &str = "case \"6\"\n  as-of 2024-03-01\n\n2024-01-02 note \"café £5\"\n  rec r1 \"Pay £50 😀 to Mr É\"\n";

#[test]
fn columns_and_carets_count_characters_not_bytes() {
    let dir = workspace(&[NO_PROCEDURE_TOML, ("u.case", UNICODE.as_bytes())]);
    let report = json(&run_in(dir.path(), &["check", "--format", "json"]));
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "rec-unaddressed");
    assert_eq!(d["line"], 5);
    let (col, end_col) = (
        d["column"].as_u64().expect("column"),
        d["end_column"].as_u64().expect("end_column"),
    );
    // The rec line `  rec r1 "Pay £50 😀 to Mr É"` is 28 characters (33 bytes).
    // The finding covers it from `rec` (character 3) or the ID `r1` (character 7)
    // to at most the end of the line: end column 29 (one past the last character).
    assert!(col == 3 || col == 7, "column {col}");
    assert!(end_col > col && end_col <= 29, "end column {end_col}");

    let human = run_in(dir.path(), &["check"]);
    let lines: Vec<&str> = human.stdout.lines().collect();
    let src = lines
        .iter()
        .position(|l| *l == "5 |   rec r1 \"Pay £50 😀 to Mr É\"")
        .unwrap_or_else(|| panic!("source line missing:\n{}", human.stdout));
    let carets = lines[src + 1];
    let lead = carets.len() - carets.trim_start_matches([' ', '|']).len();
    // "  | " is 4 columns, then one column per character before the range (all ASCII).
    assert_eq!(lead, 4 + (col as usize - 1), "{carets}");
    // The carets cover the range's characters at terminal width: the emoji is
    // two columns wide, every other character one.
    let chars: Vec<char> = "  rec r1 \"Pay £50 😀 to Mr É\"".chars().collect();
    let width: usize = chars[(col as usize - 1)..(end_col as usize - 1)]
        .iter()
        .map(|&c| if c == '😀' { 2 } else { 1 })
        .sum();
    assert_eq!(carets.trim_start_matches([' ', '|']), "^".repeat(width));
}

#[test]
fn github_annotations_escape_properties_and_data() {
    let warn = "case \"2\"\n  as-of 2024-03-01\n\n2024-01-02 note\n  rec r1 \"Apologise\"\n";
    let dir = workspace(&[NO_PROCEDURE_TOML, ("a,b:c%.case", warn.as_bytes())]);
    let run = run_in(dir.path(), &["check", "--format", "github"]);
    assert_eq!(run.code, 0);
    let line = run.stdout.lines().next().unwrap_or_default();
    // `,` and `:` delimit properties, `%` starts an escape: all three encoded.
    assert!(
        line.starts_with("::warning file=a%2Cb%3Ac%25.case,line=5,col="),
        "{line}"
    );
    assert!(line.contains(",title=rec-unaddressed::"), "{line}");
    assert!(!line.contains('\r'));
    assert_eq!(
        run.stdout.lines().count(),
        1,
        "one annotation, nothing else"
    );
}

#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(include_str!(
        "../../crates/caseline/tests/data/sarif-schema-2.1.0.json"
    ))
    .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");

    let run = run_in(
        &workspace_root(),
        &["check", "tests/cases", "--format", "sarif"],
    );
    assert_eq!(run.code, 1);
    let log = json(&run);
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run_ = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run_["columnKind"], "unicodeCodePoints");
    // One result per finding of the JSON report (at least those EXPECTED.md lists).
    let listed = json(&run_in(
        &workspace_root(),
        &["check", "tests/cases", "--format", "json"],
    ))["diagnostics"]
        .as_array()
        .map(Vec::len);
    assert_eq!(run_["results"].as_array().map(Vec::len), listed);
    assert!(listed >= Some(expected_findings("EXPECTED.md").len()));
    let rules = run_["tool"]["driver"]["rules"].as_array().expect("rules");
    let missed = rules
        .iter()
        .find(|r| r["id"] == "deadline-missed")
        .expect("deadline-missed rule");
    assert_eq!(missed["defaultConfiguration"]["level"], "error");
    let first = &run_["results"][0];
    let uri = first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .expect("uri");
    assert!(uri.starts_with("tests/cases/"), "relative uri: {uri}");
    let index = first["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[index]["id"], first["ruleId"]);

    // Also valid with a file that cannot be read (a tool notification).
    let dir = workspace(&[("bad.case", &[0xff, 0xfe])]);
    let run = run_in(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(run.code, 2);
    let log = json(&run);
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
}

#[test]
fn crlf_files_give_the_same_positions_and_clean_excerpts() {
    // The rec line is line 5 whatever the line endings; `rec` starts at column 3.
    let crlf =
        "case \"2\"\r\n  as-of 2024-03-01\r\n\r\n2024-01-02 note\r\n  rec r1 \"Apologise\"\r\n";
    let dir = workspace(&[NO_PROCEDURE_TOML, ("w.case", crlf.as_bytes())]);
    let report = json(&run_in(dir.path(), &["check", "--format", "json"]));
    let d = &report["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["code"].as_str()),
        (Some(5), Some("rec-unaddressed"))
    );
    assert_eq!(d["column"], 3);
    let human = run_in(dir.path(), &["check"]);
    assert!(
        !human.stdout.contains('\r'),
        "no carriage return in the excerpt"
    );
    assert!(
        human.stdout.contains("5 |   rec r1 \"Apologise\"\n"),
        "{}",
        human.stdout
    );
}

#[test]
fn colour_only_when_asked_for_and_never_with_no_color() {
    use crate::support::run_full;
    let kent = ["check", "tests/cases/kent-24-003-873.case"];
    // Stdout is a pipe here, so colour is off unless forced; NO_COLOR wins over
    // CLICOLOR_FORCE (no-color.org).
    let plain = run_full(
        &workspace_root(),
        &kent,
        None,
        &[("NO_COLOR", None), ("CLICOLOR_FORCE", None)],
    );
    assert!(!plain.stdout.contains('\u{1b}'), "no escapes into a pipe");
    let forced = run_full(
        &workspace_root(),
        &kent,
        None,
        &[("NO_COLOR", None), ("CLICOLOR_FORCE", Some("1"))],
    );
    assert!(
        forced.stdout.contains("\u{1b}["),
        "forced colour: {}",
        forced.stdout
    );
    let both = run_full(
        &workspace_root(),
        &kent,
        None,
        &[("NO_COLOR", Some("1")), ("CLICOLOR_FORCE", Some("1"))],
    );
    assert!(!both.stdout.contains('\u{1b}'), "NO_COLOR wins");
    // Colour never changes the text itself.
    assert_eq!(
        without_escapes(&forced.stdout),
        plain.stdout,
        "stripping the escapes gives the plain output"
    );
}

/// Removes ANSI SGR sequences (`ESC [ ... m`), the only ones the CLI writes.
fn without_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
