//! `caseline new`: a fresh case for every built-in procedure is accepted by
//! `caseline check` with no errors, and is not mistaken for a checked one; its
//! stages and citations are the procedure file's; files are never silently
//! replaced; unknown and missing procedures are usage errors; workspace
//! procedures work.

use crate::support::{json, run_in, run_with_stdin, workspace, workspace_root};
use std::path::PathBuf;

/// The built-in procedures, from the files they are written in.
fn builtins() -> Vec<(String, String)> {
    let dir = workspace_root().join("crates/caseline-check/procedures");
    let mut found: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the built-in procedures' folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "case"))
        .map(|p: PathBuf| {
            let name = p
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&p).expect("a procedure file");
            (name, text)
        })
        .collect();
    found.sort();
    assert!(found.len() >= 7, "docs/format.md#procedures lists seven");
    found
}

/// The events a procedure file declares (`  event NAME "label"`).
fn events(procedure_file: &str) -> Vec<String> {
    procedure_file
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("event "))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// The citations of its deadlines (the quoted text ending a `deadline` line).
fn citations(procedure_file: &str) -> Vec<String> {
    procedure_file
        .lines()
        .filter(|l| l.trim_start().starts_with("deadline "))
        .filter_map(|l| {
            let end = l.rfind('"')?;
            let start = l[..end].rfind('"')?;
            Some(l[start + 1..end].to_owned())
        })
        .collect()
}

fn check_stdin(dir: &std::path::Path, text: &str, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--stdin-filename", "x.case", "-"]);
    let run = run_with_stdin(dir, &args, Some(text));
    assert_ne!(run.code, 2, "{}", run.stderr);
    json(&run)
}

#[test]
fn every_builtin_gives_a_case_that_check_accepts_and_does_not_call_checked() {
    let dir = workspace(&[]);
    for (name, file) in builtins() {
        let new = run_in(dir.path(), &["new", "--procedure", &name]);
        assert_eq!(new.code, 0, "{name}: {}", new.stderr);
        let text = new.stdout;
        assert!(
            text.lines().any(|l| l == format!("  procedure {name}")),
            "{name}: the header names it\n{text}"
        );
        for event in events(&file) {
            assert!(
                text.lines().any(|l| l == format!("# YYYY-MM-DD {event}")),
                "{name}: {event} is laid out to date\n{text}"
            );
        }
        for citation in citations(&file) {
            assert!(
                text.contains(&format!("({citation})")),
                "{name}: the limit's source {citation:?} is given\n{text}"
            );
        }

        let report = check_stdin(dir.path(), &text, &[]);
        assert_eq!(report["summary"]["errors"], 0, "{name}: {report:#}");
        assert_eq!(report["summary"]["warnings"], 0, "{name}: {report:#}");
        // docs/format.md#what-was-checked: nothing checked is said, never hidden.
        let fresh = &report["files"][0];
        assert_eq!(fresh["deadlines_checked"], 0, "{name}");
        assert_eq!(fresh["procedures"], serde_json::json!([name]), "{name}");
        assert!(
            fresh["problem"]
                .as_str()
                .is_some_and(|p| p.contains("nothing was checked")),
            "{name}: {fresh:#}"
        );

        // Already in the formatter's layout: `caseline fmt` would not touch it.
        let fmt = run_with_stdin(dir.path(), &["fmt", "-"], Some(&text));
        assert_eq!(fmt.stdout, text, "{name}: fmt changes the new case");
    }
}

#[test]
fn the_issue_example_checks_with_no_errors_in_the_human_format() {
    let dir = workspace(&[]);
    let new = run_in(dir.path(), &["new", "--procedure", "children-statutory"]);
    assert_eq!(new.code, 0, "{}", new.stderr);
    let check = run_with_stdin(
        dir.path(),
        &["check", "--stdin-filename", "x.case", "-"],
        Some(&new.stdout),
    );
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(!check.stdout.contains("error"), "{}", check.stdout);
    // README: a run in which nothing was checked never ends in a bare "no problems found".
    assert!(
        check.stdout.contains("nothing was checked"),
        "{}",
        check.stdout
    );
}

#[test]
fn a_stage_taken_out_of_its_comment_is_checked_and_its_placeholder_date_is_not_accepted() {
    let dir = workspace(&[]);
    let text = run_in(dir.path(), &["new", "--procedure", "children-statutory"]).stdout;
    // Dated: the stage 1 clock starts, and as of three months later the
    // response (10 working days, 20 if extended: SI 2006/1738 reg. 14) is overdue.
    let dated = text.replacen(
        "# YYYY-MM-DD stage1.received",
        "2024-03-01 stage1.received",
        1,
    );
    assert_ne!(dated, text);
    let report = check_stdin(dir.path(), &dated, &["--as-of", "2024-06-03"]);
    assert_eq!(report["files"][0]["deadlines_checked"], 1, "{report:#}");
    assert!(
        report["diagnostics"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["code"] == "deadline-overdue")),
        "{report:#}"
    );
    // Taken out of its comment without a date: reported, not silently skipped.
    let undated = text.replacen(
        "# YYYY-MM-DD stage1.received",
        "YYYY-MM-DD stage1.received",
        1,
    );
    let report = check_stdin(dir.path(), &undated, &[]);
    assert!(
        report["diagnostics"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["code"] == "syntax")),
        "{report:#}"
    );
    // Both recommendation placeholders taken out: distinct IDs, no rec-duplicate.
    let recs = dated
        .replacen("# YYYY-MM-DD stage2.report", "2024-04-01 stage2.report", 1)
        .replacen("# YYYY-MM-DD stage3.panel", "2024-05-01 stage3.panel", 1)
        .replace("#   rec ", "  rec ");
    let report = check_stdin(dir.path(), &recs, &["--as-of", "2024-06-03"]);
    assert!(
        report["diagnostics"]
            .as_array()
            .is_some_and(|d| d.iter().all(|d| d["code"] != "rec-duplicate")),
        "{report:#}"
    );
    assert_eq!(
        report["files"][0]["recommendations_tracked"], 2,
        "{report:#}"
    );
}

#[test]
fn writes_a_new_file_and_never_replaces_one_without_force() {
    let dir = workspace(&[]);
    let created = run_in(
        dir.path(),
        &["new", "kent.case", "--procedure", "children-statutory"],
    );
    assert_eq!(created.code, 0, "{}", created.stderr);
    assert!(created.stdout.contains("kent.case"), "{}", created.stdout);
    let path = dir.path().join("kent.case");
    let written = std::fs::read_to_string(&path).expect("kent.case was written");
    let printed = run_in(dir.path(), &["new", "--procedure", "children-statutory"]).stdout;
    assert_eq!(written, printed, "the file holds what standard output gets");
    let check = run_in(dir.path(), &["check", "kent.case"]);
    assert_eq!(check.code, 0, "{}", check.stdout);

    std::fs::write(&path, "case \"mine\"\n").expect("writing");
    let again = run_in(dir.path(), &["new", "kent.case", "--procedure", "lgsco"]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains("already exists") && again.stderr.contains("--force"),
        "{}",
        again.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "case \"mine\"\n",
        "an existing file is left as it was"
    );
    let forced = run_in(
        dir.path(),
        &["new", "kent.case", "--procedure", "lgsco", "--force"],
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(
        std::fs::read_to_string(&path)
            .expect("replaced")
            .contains("\n  procedure lgsco\n")
    );

    let folder = run_in(dir.path(), &["new", ".", "--procedure", "lgsco"]);
    assert_eq!(folder.code, 2, "{}", folder.stderr);
}

#[test]
fn a_new_case_that_a_folder_check_would_pass_over_is_pointed_out() {
    let dir = workspace(&[("caseline.toml", b"include = [\"cases/**/*.case\"]\n")]);
    let outside = run_in(dir.path(), &["new", "top.case", "--procedure", "lgsco"]);
    assert_eq!(outside.code, 0, "{}", outside.stderr);
    assert!(
        outside.stderr.contains("include/exclude") && outside.stderr.contains("top.case"),
        "{}",
        outside.stderr
    );
    std::fs::create_dir(dir.path().join("cases")).expect("a folder");
    let inside = run_in(dir.path(), &["new", "cases/a.case", "--procedure", "lgsco"]);
    assert_eq!(inside.code, 0, "{}", inside.stderr);
    assert!(inside.stderr.is_empty(), "{}", inside.stderr);
    let text = run_in(
        dir.path(),
        &["new", "cases/notes.txt", "--procedure", "lgsco"],
    );
    assert!(text.stderr.contains("ending in .case"), "{}", text.stderr);
}

#[test]
fn an_unknown_or_missing_procedure_writes_nothing_and_says_which_there_are() {
    let dir = workspace(&[]);
    let typo = run_in(
        dir.path(),
        &["new", "a.case", "--procedure", "children-statutry"],
    );
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean `children-statutory`?"),
        "{}",
        typo.stderr
    );
    assert!(typo.stdout.is_empty());
    assert!(!dir.path().join("a.case").exists());

    let none = run_in(dir.path(), &["new", "a.case"]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("--procedure"), "{}", none.stderr);
    for (name, _) in builtins() {
        assert!(none.stderr.contains(&name), "{name}: {}", none.stderr);
    }
    assert!(!dir.path().join("a.case").exists());
}

#[test]
fn a_procedure_of_the_workspace_can_be_named() {
    let defs = "procedure kent\n  title \"Kent complaints\"\n  event kent.received \"received\"\n  event kent.reply \"reply\"\n  deadline kent.reply within 15wd of kent.received \"Kent policy 4.2\"\n";
    let dir = workspace(&[
        ("caseline.toml", b"calendar = \"weekdays\"\n"),
        ("defs/kent.case", defs.as_bytes()),
        ("cases/.keep", b""),
    ]);
    // The workspace of the file to create: caseline.toml's tree.
    let created = run_in(
        dir.path(),
        &["new", "cases/one.case", "--procedure", "kent"],
    );
    assert_eq!(created.code, 0, "{}", created.stderr);
    let text = std::fs::read_to_string(dir.path().join("cases/one.case")).expect("written");
    assert!(text.contains("# YYYY-MM-DD kent.reply"), "{text}");
    assert!(text.contains("(Kent policy 4.2)"), "{text}");
    // The workspace's calendar (caseline.toml), written where it can be seen.
    assert!(text.contains("\n  calendar weekdays\n"), "{text}");
    let check = run_in(dir.path(), &["check", "--format", "json", "cases/one.case"]);
    let report = json(&check);
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");

    // Standard output: the current folder's workspace.
    let printed = run_in(&dir.path().join("cases"), &["new", "--procedure", "kent"]);
    assert_eq!(printed.code, 0, "{}", printed.stderr);
    assert_eq!(printed.stdout, text);
}

#[test]
fn a_case_under_two_procedures_and_the_calendar_of_the_scottish_one() {
    let dir = workspace(&[]);
    let run = run_in(
        dir.path(),
        &["new", "--procedure", "spso", "--procedure", "lgsco"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("\n  procedure spso lgsco\n"),
        "{}",
        run.stdout
    );
    // spso.case: "Use the `scotland` calendar" (naming spso does not switch it).
    assert!(
        run.stdout.contains("\n  calendar scotland\n"),
        "{}",
        run.stdout
    );
    let report = check_stdin(dir.path(), &run.stdout, &[]);
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
}

/// editors/vscode/snippets/new-case.json holds, for each built-in, what
/// `caseline new --procedure NAME --format snippet` prints: regenerated by
/// editors/vscode/scripts/new-case-snippets.mjs, never edited by hand.
#[test]
fn the_vs_code_snippets_are_what_caseline_new_writes() {
    let path = workspace_root().join("editors/vscode/snippets/new-case.json");
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("the snippets file"))
            .expect("the snippets file is JSON");
    let snippets = file.as_object().expect("an object of snippets");
    let regenerate = "regenerate it: cd editors/vscode && npm ci && node scripts/new-case-snippets.mjs ../../target/debug/caseline";
    let dir = workspace(&[]);
    let builtins = builtins();
    for (name, _) in &builtins {
        let prefix = format!("new-{name}");
        let snippet = snippets
            .values()
            .find(|s| {
                s["prefix"]
                    .as_array()
                    .is_some_and(|p| p.iter().any(|p| *p == prefix.as_str()))
            })
            .unwrap_or_else(|| panic!("no snippet with the prefix {prefix}; {regenerate}"));
        let body: Vec<&str> = snippet["body"]
            .as_array()
            .expect("a body of lines")
            .iter()
            .map(|l| l.as_str().expect("a line"))
            .collect();
        let printed = run_in(
            dir.path(),
            &["new", "--procedure", name, "--format", "snippet"],
        );
        assert_eq!(printed.code, 0, "{}", printed.stderr);
        assert_eq!(body.join("\n"), printed.stdout, "{name}: {regenerate}");
        assert!(printed.stdout.contains("case \"${1:REFERENCE}\""));
    }
    assert_eq!(snippets.len(), builtins.len(), "{regenerate}");
}
