//! `caseline check` on the shipped sample cases and on small workspaces: which
//! findings, where, and which exit code.

use crate::support::{
    NO_PROCEDURE_TOML, expected_findings, json, run_in, workspace, workspace_root,
};
use serde_json::Value;

/// Errors by default among the expected rules (docs/format.md#checks); the rest are warnings.
const ERROR_RULES: &[&str] = &["deadline-missed", "rec-overdue", "event-unknown"];

fn found(report: &Value) -> Vec<(String, u64, String)> {
    let mut found: Vec<(String, u64, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
        .iter()
        .map(|d| {
            let path = d["path"].as_str().expect("path is a string");
            let file = path.rsplit('/').next().unwrap_or(path).to_string();
            let line = d["line"].as_u64().expect("line is a number");
            (file, line, d["code"].as_str().expect("code").to_string())
        })
        .collect();
    found.sort();
    found
}

#[test]
fn sample_cases_give_exactly_the_expected_findings() {
    let run = run_in(
        &workspace_root(),
        &["check", "tests/cases", "--format", "json"],
    );
    assert_eq!(
        run.code, 1,
        "errors found means exit 1; stderr: {}",
        run.stderr
    );
    let report = json(&run);
    assert_eq!(report["version"], 1);
    let all = found(&report);
    // EXPECTED.md's files, exactly: (file, line, rule) read from its tables.
    // Nothing else may be reported for them.
    let expected = expected_findings("EXPECTED.md");
    let samples: Vec<(String, u64, String)> = all
        .iter()
        .filter(|(f, _, _)| expected.iter().any(|(e, _, _)| e == f))
        .cloned()
        .collect();
    assert_eq!(samples, expected);
    // EXPECTED-own.md's files (the check engineer's extra timelines, one of
    // which uses a procedure and calendar from the definitions file
    // `definitions/corporate.case`), exactly. (Other files that may be added
    // to the folder later are covered by their owners' tests, not pinned here.)
    let expected_own = expected_findings("EXPECTED-own.md");
    let own: Vec<(String, u64, String)> = all
        .iter()
        .filter(|(f, _, _)| expected_own.iter().any(|(e, _, _)| e == f))
        .cloned()
        .collect();
    assert_eq!(own, expected_own);

    // The summary counts what the list holds: the errors and warnings the two
    // tables list (by each rule's default severity), in six cases and the
    // definitions file, plus whatever else the folder holds.
    let count = |severity: &str| {
        report["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["severity"] == severity)
            .count() as u64
    };
    assert_eq!(report["summary"]["errors"].as_u64(), Some(count("error")));
    assert_eq!(
        report["summary"]["warnings"].as_u64(),
        Some(count("warning"))
    );
    let listed_errors = expected
        .iter()
        .chain(&expected_own)
        .filter(|(_, _, rule)| ERROR_RULES.contains(&rule.as_str()))
        .count() as u64;
    let listed_warnings = (expected.len() + expected_own.len()) as u64 - listed_errors;
    assert!(count("error") >= listed_errors && count("warning") >= listed_warnings);
    assert!(report["summary"]["files"].as_u64() >= Some(7));
    let known = |d: &Value| {
        let path = d["path"].as_str().unwrap_or_default();
        expected
            .iter()
            .chain(&expected_own)
            .any(|(f, _, _)| path.ends_with(&format!("/{f}")))
    };
    for d in report["diagnostics"].as_array().into_iter().flatten() {
        let code = d["code"].as_str().unwrap_or_default();
        if !known(d) {
            continue;
        }
        let want = if ERROR_RULES.contains(&code) {
            "error"
        } else {
            "warning"
        };
        assert_eq!(d["severity"], want, "{d}");
        assert!(
            d["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("tests/cases/")),
            "{d}"
        );
        // Every finding sits on a line of its own and starts at or after column 1.
        assert!(d["column"].as_u64() >= Some(1));
        assert!(d["end_line"].as_u64() >= d["line"].as_u64());
    }
}

#[test]
fn messages_carry_the_numbers() {
    let run = run_in(
        &workspace_root(),
        &["check", "tests/cases", "--format", "json"],
    );
    let report = json(&run);
    let message = |file: &str, line: u64| -> String {
        report["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|d| d["path"].as_str().is_some_and(|p| p.ends_with(file)) && d["line"] == line)
            .and_then(|d| d["message"].as_str())
            .unwrap_or_else(|| panic!("no finding at {file}:{line}"))
            .to_string()
    };
    // Kent line 20: 65 working days with the extension from 2023-09-24 end on
    // 2023-12-22; the adjudication on 2024-02-21 is 40 working days after that.
    let kent = message("kent-24-003-873.case", 20);
    assert!(kent.contains("2023-12-22") && kent.contains("40"), "{kent}");
    // Worcestershire line 30: `a` agreed on 2024-11-05 within 10wd -> due
    // 2024-11-19; done 2024-12-05 is 12 working days later.
    let rec = message("worcestershire-24-017-518.case", 30);
    assert!(rec.contains("2024-11-19") && rec.contains("12"), "{rec}");
}

const CLEAN: &str = "case \"1\"\n  as-of 2024-03-01\n\n2024-01-02 note \"nothing to see\"\n";

// A recommendation with no due date, made before the as-of date and never done:
// rec-unaddressed, a warning (docs/format.md#checks), reported on the rec line (line 5).
const WARNING_ONLY: &str =
    "case \"2\"\n  as-of 2024-03-01\n\n2024-01-02 note\n  rec r1 \"Apologise\"\n";

#[test]
fn exit_codes() {
    let dir = workspace(&[
        NO_PROCEDURE_TOML,
        ("clean.case", CLEAN.as_bytes()),
        ("warn.case", WARNING_ONLY.as_bytes()),
    ]);
    let clean = run_in(dir.path(), &["check", "clean.case"]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    // No finding, but nothing was checked either: never a bare "no problems found".
    assert_eq!(
        clean.stdout,
        "clean.case: no procedure named · no deadline checked · 0 recommendations tracked\n\
         checked 1 file: no problems found, but nothing was checked (no procedure named)\n"
    );

    let warn = run_in(dir.path(), &["check", "warn.case", "--format", "json"]);
    assert_eq!(warn.code, 0, "warnings alone do not fail: {}", warn.stdout);
    let report = json(&warn);
    assert_eq!(
        found(&report),
        vec![("warn.case".to_string(), 5, "rec-unaddressed".to_string())]
    );

    let denied = run_in(dir.path(), &["check", "warn.case", "--deny", "warnings"]);
    assert_eq!(denied.code, 1, "--deny warnings makes warnings count");

    let missing = run_in(dir.path(), &["check", "no-such.case"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no-such.case"),
        "{}",
        missing.stderr
    );

    assert_eq!(
        run_in(dir.path(), &["check", "--format", "xml"]).code,
        2,
        "bad flag value"
    );
    assert_eq!(
        run_in(dir.path(), &["check", "--as-of", "2024-02-30"]).code,
        2,
        "no such day"
    );
    assert_eq!(
        run_in(dir.path(), &["frobnicate"]).code,
        2,
        "unknown command"
    );

    let empty = workspace(&[("notes.txt", b"no cases here")]);
    let none = run_in(empty.path(), &["check"]);
    assert_eq!(none.code, 0, "nothing to check is not a failure");
    assert!(
        none.stderr.contains("no .case files found"),
        "{}",
        none.stderr
    );

    let version = run_in(dir.path(), &["--version"]);
    assert_eq!(version.code, 0);
    assert_eq!(
        version.stdout.trim(),
        format!("caseline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn as_of_on_the_command_line_overrides_the_header() {
    // With --as-of 2024-01-01 the rec of 2024-01-02 is not yet made before the
    // as-of date, so it cannot be unaddressed.
    let dir = workspace(&[NO_PROCEDURE_TOML, ("warn.case", WARNING_ONLY.as_bytes())]);
    let run = run_in(
        dir.path(),
        &["check", "--as-of", "2024-01-01", "--format", "json"],
    );
    assert_eq!(run.code, 0);
    assert_eq!(json(&run)["diagnostics"], serde_json::json!([]));
}

#[test]
fn unreadable_files_are_reported_and_the_others_still_checked() {
    let mut bad = b"case \"3\"\n  title \"caf".to_vec();
    bad.extend_from_slice(&[0xE9, b'"', b'\n']); // Latin-1 é: not UTF-8
    let dir = workspace(&[
        NO_PROCEDURE_TOML,
        ("a-bad.case", &bad),
        ("b-warn.case", WARNING_ONLY.as_bytes()),
    ]);
    let run = run_in(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(run.code, 2, "an unreadable file is an I/O failure");
    assert!(
        run.stderr.contains("a-bad.case") && run.stderr.contains("not UTF-8"),
        "stderr names the file and the problem: {}",
        run.stderr
    );
    let report = json(&run);
    assert_eq!(
        found(&report),
        vec![("b-warn.case".to_string(), 5, "rec-unaddressed".to_string())]
    );
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["unreadable"][0]["path"], "a-bad.case");

    let human = run_in(dir.path(), &["check", "."]);
    assert_eq!(human.code, 2);
    assert!(
        human.stderr.contains("could not check a-bad.case"),
        "{}",
        human.stderr
    );
    assert!(human.stdout.contains("b-warn.case:5:"), "{}", human.stdout);
}

#[test]
fn discovery_honours_gitignore_and_config_excludes() {
    let dir = workspace(&[
        (".gitignore", b"ignored/\n"),
        (
            "caseline.toml",
            b"exclude = [\"archive/**\"]\n[rules]\nprocedure-missing = \"off\"\n",
        ),
        ("live/a.case", WARNING_ONLY.as_bytes()),
        ("ignored/b.case", WARNING_ONLY.as_bytes()),
        ("archive/c.case", WARNING_ONLY.as_bytes()),
        ("notes.txt", b"not a case"),
    ]);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    let report = json(&run);
    assert_eq!(
        found(&report),
        vec![("a.case".to_string(), 5, "rec-unaddressed".to_string())]
    );
    assert_eq!(report["summary"]["files"], 1);

    // A file named on the command line is checked even where ignore rules would skip it.
    let run = run_in(dir.path(), &["check", "ignored/b.case", "--format", "json"]);
    assert_eq!(json(&run)["summary"]["files"], 1);
}

#[test]
fn definitions_files_in_the_tree_are_visible_to_cases() {
    // A council procedure defined in one file and used by a case in another: the
    // case sees it (no procedure-unknown) and its deadline is checked. 2024-01-02
    // + 5wd = 2024-01-09; the reply on 2024-01-15 is late in every reading.
    let defs = "procedure council\n  title \"Council complaints\"\n  event c.received \"Received\"\n  event c.reply \"Reply\"\n  deadline c.reply within 5wd of c.received \"policy 1\"\n";
    let case = "case \"4\"\n  procedure council\n  as-of 2024-03-01\n\n2024-01-02 c.received\n2024-01-15 c.reply\n";
    let dir = workspace(&[
        ("defs/council.case", defs.as_bytes()),
        ("cases/x.case", case.as_bytes()),
    ]);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        found(&json(&run)),
        vec![("x.case".to_string(), 6, "deadline-missed".to_string())],
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_definitions_file_is_reported_on_once_and_only_definitions_files_define() {
    // Two definitions files define `council`: the first (in file order) wins and
    // the second gets definition-conflict (an error), once, on its name's line.
    // A case whose header names `procedure council` on an indented line is not
    // a definitions file and defines nothing; a definitions file that starts
    // with a byte-order mark still defines its calendar. The case uses both.
    let first = "procedure council\n  event c.received \"Received\"\n  event c.reply \"Reply\"\n  deadline c.reply within 5wd of c.received\n";
    let second = "# the same name again\nprocedure council\n  event c.other \"Other\"\n";
    let calendar = "\u{FEFF}calendar office\n  extends england-and-wales\n";
    // 2024-01-02 + 5wd = 2024-01-09: a reply on 2024-01-08 is in time.
    let case = "case \"5\"\n  procedure council\n  calendar office\n  as-of 2024-03-01\n\n2024-01-02 c.received\n2024-01-08 c.reply\n";
    let dir = workspace(&[
        ("defs/a.case", first.as_bytes()),
        ("defs/b.case", second.as_bytes()),
        ("defs/c.case", calendar.as_bytes()),
        ("cases/x.case", case.as_bytes()),
    ]);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(
        found(&json(&run)),
        vec![("b.case".to_string(), 2, "definition-conflict".to_string())],
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 1);
}

#[test]
fn a_definitions_problem_can_be_acknowledged_and_configured_like_any_finding() {
    // The same conflict as above, acknowledged on the line above it: silenced,
    // listed with its reason, and no ack-unused.
    let first = "procedure council\n  event c.received \"Received\"\n";
    let second = "# caseline: allow definition-conflict \"the old copy is kept for the archive\"\nprocedure council\n  event c.other \"Other\"\n";
    let dir = workspace(&[
        ("defs/a.case", first.as_bytes()),
        ("defs/b.case", second.as_bytes()),
    ]);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    let report = json(&run);
    assert_eq!(found(&report), vec![], "{}", run.stderr);
    assert_eq!(report["acknowledged"][0]["code"], "definition-conflict");
    assert_eq!(
        report["acknowledged"][0]["reason"],
        "the old copy is kept for the archive"
    );
    assert_eq!(run.code, 0);

    // Without the acknowledgement, caseline.toml can lower its severity.
    let unacknowledged = "procedure council\n  event c.other \"Other\"\n";
    let dir = workspace(&[
        (
            "caseline.toml",
            b"[rules]\ndefinition-conflict = \"warning\"\n",
        ),
        ("defs/a.case", first.as_bytes()),
        ("defs/b.case", unacknowledged.as_bytes()),
    ]);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    let report = json(&run);
    assert_eq!(
        report["diagnostics"][0]["code"], "definition-conflict",
        "{}",
        run.stderr
    );
    assert_eq!(report["diagnostics"][0]["severity"], "warning");
    assert_eq!(run.code, 0);
}

#[test]
fn acknowledged_findings_are_silenced_and_listed() {
    // docs/format.md#acknowledging-a-finding: `# caseline: allow RULE "reason"` on the line
    // above silences the finding: no diagnostics, exit 0, and the JSON lists it with its
    // reason.
    let case = "case \"7\"\n  as-of 2024-03-01\n\n2024-01-02 note\n  # caseline: allow rec-unaddressed \"Tracked elsewhere, see CRM 12\"\n  rec r1 \"Apologise\"\n";
    let dir = workspace(&[NO_PROCEDURE_TOML, ("a.case", case.as_bytes())]);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 0);
    let report = json(&run);
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_eq!(report["summary"]["warnings"], 0);
    let ack = &report["acknowledged"][0];
    assert_eq!(ack["code"], "rec-unaddressed");
    assert_eq!(ack["line"], 6);
    assert_eq!(ack["reason"], "Tracked elsewhere, see CRM 12");

    let human = run_in(dir.path(), &["check"]);
    assert_eq!(
        human.stdout,
        "a.case: no procedure named · no deadline checked · 1 recommendation tracked · 1 acknowledged\n\
         checked 1 file (0 deadlines, 1 recommendation): no problems found (1 finding acknowledged in the files)\n"
    );

    let sarif = json(&run_in(dir.path(), &["check", "--format", "sarif"]));
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "rec-unaddressed");
    assert_eq!(result["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        result["suppressions"][0]["justification"],
        "Tracked elsewhere, see CRM 12"
    );
}

const SAMPLES: [&str; 3] = [
    "tests/cases/kent-24-003-873.case",
    "tests/cases/worcestershire-24-017-518.case",
    "tests/cases/worcestershire-25-006-373.case",
];

#[test]
fn summary_gives_one_line_per_case() {
    // Counts from EXPECTED.md. Late items are the certain ones (deadline-missed,
    // rec-late; none overdue): Kent 2, Worcestershire 24 1 + 4 = 5, Worcestershire
    // 25 2. Unaddressed recommendations are those never done or declined: Kent m1
    // and o1; Worcestershire 24 o1-o3; Worcestershire 25 b, o1 and o2. No deadline
    // is open: every target is recorded or its procedure has moved on. Deadlines
    // checked and recommendations tracked are the engine's `Checked` figures
    // (Kent: stage 1 response, stage 2 adjudication, panel, response to the
    // panel; m1 and o1).
    let mut args = vec!["check", "--summary", "--format", "json"];
    args.extend(SAMPLES);
    let run = run_in(&workspace_root(), &args);
    // The exit code is check's: the samples have errors.
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = json(&run);
    let rows: Vec<(String, String, u64, u64, u64)> = report["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            (
                c["reference"].as_str().unwrap_or_default().to_string(),
                c["body"].as_str().unwrap_or_default().to_string(),
                c["open_deadlines"].as_u64().unwrap_or(99),
                c["late_items"].as_u64().unwrap_or(99),
                c["unaddressed_recs"].as_u64().unwrap_or(99),
            )
        })
        .collect();
    let row = |r: &str, b: &str, o, l, u| (r.to_string(), b.to_string(), o, l, u);
    assert_eq!(
        rows,
        vec![
            row("24 003 873", "Kent County Council", 0, 2, 2),
            row("24 017 518", "Worcestershire County Council", 0, 5, 3),
            row("25 006 373", "Worcestershire County Council", 0, 2, 3),
        ]
    );
    let kent = &report["cases"][0];
    assert_eq!(kent["deadlines_checked"], 4);
    assert_eq!(kent["recommendations_tracked"], 2);
    assert_eq!(kent["errors"], 2);
    assert_eq!(kent["warnings"], 2);
    assert_eq!(kent["problem"], Value::Null);
    assert_eq!(
        kent["checked"],
        "children-statutory, lgsco · 4 deadlines checked (2 late) · 2 recommendations tracked"
    );
    assert_eq!(kent["acknowledged"], serde_json::json!([]));

    let mut args = vec!["check", "--summary", "--format", "csv"];
    args.extend(SAMPLES);
    let csv = run_in(&workspace_root(), &args);
    assert_eq!(csv.code, 1);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "path,reference,body,open_deadlines,late_items,unaddressed_recs,\
         deadlines_checked,recommendations_tracked,acknowledged,errors,warnings,problem"
    );
    assert_eq!(
        lines[1],
        "tests/cases/kent-24-003-873.case,24 003 873,Kent County Council,0,2,2,4,2,0,2,2,"
    );
    assert_eq!(lines.len(), 4);

    let mut args = vec!["check", "--summary"];
    args.extend(SAMPLES);
    let table = run_in(&workspace_root(), &args);
    assert_eq!(table.code, 1);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(
        lines[0],
        concat!(
            "reference   body                           deadlines checked  late items  ",
            "open deadlines  recs tracked  unaddressed recs  acknowledged  errors  warnings  problem"
        )
    );
    assert_eq!(
        lines[1],
        concat!(
            "24 003 873  Kent County Council                            4           2  ",
            "             0             2                 2             0       2         2"
        )
    );
}

/// A case with a line that cannot be read (line 6) and a late stage 1
/// response (21 working days after 2024-01-02, due 2024-01-30 with the
/// extension: line 7).
const SYNTAX: &str = "case \"s\"\n  procedure children-statutory\n  as-of 2024-12-31\n\n\
                      2024-01-02 stage1.received\nthis is not an entry\n2024-03-01 stage1.response\n";

/// Dated entries and no case header: not a definitions file, and not a case.
const HEADLESS: &str = "2024-01-02 stage1.received\n2024-03-01 stage1.response\n";

#[test]
fn summary_lists_every_file_that_went_wrong_and_exits_like_check() {
    let mut latin1 = b"case \"3\"\n  title \"caf".to_vec();
    latin1.extend_from_slice(&[0xE9, b'"', b'\n']);
    let dir = workspace(&[
        ("a-syntax.case", SYNTAX.as_bytes()),
        ("b-headless.case", HEADLESS.as_bytes()),
        ("definitions.case", b"procedure mine\n  event m.a \"A\"\n"),
    ]);
    let run = run_in(dir.path(), &["check", "--summary", "--format", "json"]);
    assert_eq!(run.code, 1, "errors found: {}{}", run.stdout, run.stderr);
    let report = json(&run);
    let cases = report["cases"].as_array().cloned().unwrap_or_default();
    // Both listed, in file order; the definitions file (nothing wrong) is not a case.
    let paths: Vec<&str> = cases.iter().filter_map(|c| c["path"].as_str()).collect();
    assert_eq!(paths, ["a-syntax.case", "b-headless.case"]);
    assert_eq!(cases[0]["problem"], "1 line could not be read (line 6)");
    assert_eq!(cases[0]["deadlines_checked"], 1);
    assert_eq!(cases[0]["late_items"], 1);
    assert_eq!(
        cases[1]["problem"],
        "no case header: its entries are not checked"
    );
    for c in &cases {
        assert!(c["errors"].as_u64() > Some(0), "{c}");
    }

    // The table and CSV say the same.
    let table = run_in(dir.path(), &["check", "--summary"]);
    assert_eq!(table.code, 1);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", table.stdout);
    assert!(lines[1].starts_with("s  "), "{}", table.stdout);
    assert!(
        lines[1].ends_with("1 line could not be read (line 6)"),
        "{}",
        table.stdout
    );
    assert!(
        lines[2].starts_with("b-headless.case  "),
        "{}",
        table.stdout
    );
    assert!(
        lines[2].ends_with("no case header: its entries are not checked"),
        "{}",
        table.stdout
    );
    let csv = run_in(dir.path(), &["check", "--summary", "--format", "csv"]);
    assert_eq!(csv.code, 1);
    assert!(
        csv.stdout
            .lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("b-headless.case,,,")
                && l.ends_with(",no case header: its entries are not checked")),
        "{}",
        csv.stdout
    );

    // A file that could not be read is listed in its place, with no counts
    // (not 0/0/0), and the run fails as `check` does.
    std::fs::write(dir.path().join("c-latin1.case"), &latin1).expect("writing");
    let run = run_in(dir.path(), &["check", "--summary", "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("c-latin1.case"), "{}", run.stderr);
    let unreadable = &json(&run)["cases"][2];
    assert_eq!(unreadable["path"], "c-latin1.case");
    assert!(
        unreadable["problem"]
            .as_str()
            .is_some_and(|p| p.starts_with("could not be checked: ") && p.contains("not UTF-8")),
        "{unreadable}"
    );
    assert_eq!(unreadable["deadlines_checked"], Value::Null);
    assert_eq!(unreadable["errors"], Value::Null);
    let table = run_in(dir.path(), &["check", "--summary"]);
    let row = table.stdout.lines().nth(3).unwrap_or_default();
    assert!(row.starts_with("c-latin1.case  "), "{}", table.stdout);
    let (counts, problem) = row.split_once("could not be checked: ").unwrap_or_default();
    // Every count is `-` (unknown), none a 0.
    let cells: Vec<&str> = counts.split_whitespace().skip(1).collect();
    assert_eq!(cells, ["-"; 8], "{row}");
    assert!(problem.contains("not UTF-8"), "{row}");
}

#[test]
fn summary_lists_acknowledged_findings_with_their_reasons() {
    let case = "case \"7\"\n  as-of 2024-03-01\n\n2024-01-02 note\n  \
                # caseline: allow rec-unaddressed \"Tracked elsewhere, see CRM 12\"\n  rec r1 \"Apologise\"\n";
    let dir = workspace(&[NO_PROCEDURE_TOML, ("a.case", case.as_bytes())]);
    let run = run_in(dir.path(), &["check", "--summary", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let c = &json(&run)["cases"][0];
    assert_eq!(c["acknowledged"][0]["code"], "rec-unaddressed");
    assert_eq!(c["acknowledged"][0]["line"], 6);
    assert_eq!(
        c["acknowledged"][0]["reason"],
        "Tracked elsewhere, see CRM 12"
    );
    assert_eq!(c["recommendations_tracked"], 1);
    assert_eq!(c["deadlines_checked"], 0);
    let table = run_in(dir.path(), &["check", "--summary"]);
    assert_eq!(
        table.stdout.lines().nth(1),
        Some(concat!(
            "7                                0           0               0  ",
            "           1                 1             1       0         0"
        )),
        "{}",
        table.stdout
    );
    // And a case with nothing checked says so.
    let dir = workspace(&[NO_PROCEDURE_TOML, ("clean.case", CLEAN.as_bytes())]);
    let run = run_in(dir.path(), &["check", "--summary", "--format", "json"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        json(&run)["cases"][0]["problem"],
        "nothing was checked (no procedure named)"
    );
}

#[test]
fn nothing_checked_never_ends_in_a_bare_no_problems_found() {
    // A case naming no procedure: with the rule at its default it is an
    // error; switched off, the run is clean but says nothing was checked.
    let dir = workspace(&[("clean.case", CLEAN.as_bytes())]);
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.ends_with(
            "clean.case: no procedure named · no deadline checked · 0 recommendations tracked\n\
             checked 1 file: 1 error, 0 warnings; nothing was checked (no procedure named)\n"
        ),
        "{}",
        run.stdout
    );
    let dir = workspace(&[NO_PROCEDURE_TOML, ("clean.case", CLEAN.as_bytes())]);
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 0);
    let last = run.stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "checked 1 file: no problems found, but nothing was checked (no procedure named)"
    );
    assert!(
        !run.stdout.contains("no problems found\n"),
        "{}",
        run.stdout
    );

    // JSON: one object per file beside the contract's keys.
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    let report = json(&run);
    let keys: Vec<&str> = report
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    for key in ["version", "diagnostics", "summary", "files"] {
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    assert_eq!(
        report["files"],
        serde_json::json!([{
            "path": "clean.case",
            "kind": "case",
            "checked": "no procedure named · no deadline checked · 0 recommendations tracked",
            "procedures": [],
            "definitions": [],
            "deadlines_checked": 0,
            "deadlines_late": 0,
            "deadlines_possibly_late": 0,
            "recommendations_tracked": 0,
            "recommendations_late": 0,
            "stages_unchecked": 0,
            "acknowledged": 0,
            "unreadable_lines": 0,
            "problem": "nothing was checked (no procedure named)"
        }])
    );
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 0, "warnings": 0})
    );
}

#[test]
fn the_per_file_lines_and_totals_over_many_files() {
    // 25 files: above 20, only those worth a look get their own line.
    let mut files: Vec<(String, String)> = (0..23)
        .map(|i| {
            (
                format!("ok-{i:02}.case"),
                format!(
                    "case \"{i}\"\n  procedure children-statutory\n  as-of 2024-12-31\n\n\
                     2024-01-02 stage1.received\n2024-01-10 stage1.response\n"
                ),
            )
        })
        .collect();
    files.push(("syntax.case".to_string(), SYNTAX.to_string()));
    files.push(("zz-none.case".to_string(), CLEAN.to_string()));
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .chain([NO_PROCEDURE_TOML])
        .collect();
    let dir = workspace(&refs);
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 1);
    let tail: Vec<&str> = run.stdout.lines().rev().take(4).collect();
    assert_eq!(
        tail,
        [
            "checked 25 files (24 deadlines, 0 recommendations): 2 errors, 0 warnings; nothing was checked in 1 of them (no procedure named)",
            "23 other files: no problems found",
            "zz-none.case: no procedure named · no deadline checked · 0 recommendations tracked",
            "syntax.case: children-statutory · 1 deadline checked (1 late) · 0 recommendations tracked · 1 line not read",
        ],
        "{}",
        run.stdout
    );
}

#[test]
fn caseline_toml_sets_rule_severities_and_bad_ones_are_usage_errors() {
    // rec-unaddressed raised to an error makes the warning-only case fail.
    let dir = workspace(&[
        (
            "caseline.toml",
            b"[rules]\nrec-unaddressed = \"error\"\nprocedure-missing = \"off\"\n",
        ),
        ("cases/warn.case", WARNING_ONLY.as_bytes()),
    ]);
    // Found by walking up from the checked path.
    let run = run_in(dir.path(), &["check", "cases", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(json(&run)["diagnostics"][0]["severity"], "error");

    let dir = workspace(&[
        (
            "caseline.toml",
            b"[rules]\nrec-unaddressed = \"off\"\nprocedure-missing = \"off\"\n",
        ),
        ("warn.case", WARNING_ONLY.as_bytes()),
    ]);
    let run = run_in(dir.path(), &["check", "--format", "json"]);
    assert_eq!(run.code, 0);
    assert_eq!(json(&run)["diagnostics"], serde_json::json!([]));

    let dir = workspace(&[
        ("caseline.toml", b"[rules]\nrec-unadressed = \"off\"\n"),
        ("warn.case", WARNING_ONLY.as_bytes()),
    ]);
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(
        run.code, 2,
        "a misspelt rule in the config is a usage error"
    );
    assert!(run.stderr.contains("rec-unadressed"), "{}", run.stderr);
}

#[test]
fn oversized_files_are_refused_with_a_clear_message() {
    let dir = workspace(&[NO_PROCEDURE_TOML, ("ok.case", CLEAN.as_bytes())]);
    // A sparse file: 60 MB long without writing 60 MB.
    let big = std::fs::File::create(dir.path().join("big.case")).expect("big.case");
    big.set_len(60 * 1024 * 1024).expect("sizing big.case");
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("big.case") && run.stderr.contains("up to 50 MB"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.ends_with(
            "checked 1 file: no problems found, but nothing was checked (no procedure named); \
             1 path could not be read\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_case_checked_on_its_own_sees_the_definitions_beside_it() {
    // corporate-council-tax.case uses `example-corporate` from
    // tests/cases/definitions/corporate.case (EXPECTED-own.md): checked alone it
    // must give the same four findings, not procedure-unknown.
    let run = run_in(
        &workspace_root(),
        &[
            "check",
            "tests/cases/corporate-council-tax.case",
            "--format",
            "json",
        ],
    );
    let expected: Vec<(String, u64, String)> = expected_findings("EXPECTED-own.md")
        .into_iter()
        .filter(|(f, _, _)| f == "corporate-council-tax.case")
        .collect();
    assert_eq!(found(&json(&run)), expected, "{}", run.stderr);
    assert_eq!(json(&run)["summary"]["files"], 1);
}

#[test]
fn stdin_is_checked_as_the_file_it_stands_for() {
    // The corporate case read from stdin, named as the file it is: its procedure
    // comes from the definitions file beside it, so the findings are EXPECTED-own.md's.
    let text =
        std::fs::read_to_string(workspace_root().join("tests/cases/corporate-council-tax.case"))
            .expect("the sample case");
    let run = crate::support::run_with_stdin(
        &workspace_root().join("tests/cases"),
        &[
            "check",
            "-",
            "--stdin-filename",
            "corporate-council-tax.case",
            "--format",
            "json",
        ],
        Some(&text),
    );
    let expected: Vec<(String, u64, String)> = expected_findings("EXPECTED-own.md")
        .into_iter()
        .filter(|(f, _, _)| f == "corporate-council-tax.case")
        .collect();
    let report = json(&run);
    assert_eq!(found(&report), expected, "{}", run.stderr);
    assert_eq!(
        report["diagnostics"][0]["path"],
        "corporate-council-tax.case"
    );

    let generic = workspace(&[NO_PROCEDURE_TOML]);
    let unnamed =
        crate::support::run_with_stdin(generic.path(), &["check", "-"], Some(WARNING_ONLY));
    assert_eq!(unnamed.code, 0);
    assert!(
        unnamed.stdout.contains(" --> <stdin>:5:3"),
        "{}",
        unnamed.stdout
    );

    let dir = workspace(&[]);
    let mixed = run_in(dir.path(), &["check", "-", "other.case"]);
    assert_eq!(mixed.code, 2, "stdin cannot be mixed with paths");
}
