//! Which definitions files and which `caseline.toml` a run sees (docs/format.md,
//! "Definitions files"): the nearest `caseline.toml` above a file makes its
//! folder tree the workspace; without one, a file sees its own folder only.

use crate::support::{json, run_in, workspace};

const LOCAL: &[u8] = b"procedure local\n  title \"Local procedure\"\n  event a.received \"Received\"\n  event a.response \"Response\"\n  deadline a.response within 10wd of a.received\n";
const CASE: &[u8] = b"case \"1\"\n  procedure local\n  as-of 2024-03-01\n\n2024-01-02 a.received\n2024-01-10 a.response\n";

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn without_a_config_a_file_sees_its_own_folder_but_not_subfolders() {
    // Definitions beside the case count.
    let dir = workspace(&[("letter.case", CASE), ("local.case", LOCAL)]);
    let run = run_in(dir.path(), &["check", "letter.case", "--format", "json"]);
    assert_eq!(codes(&json(&run)), Vec::<String>::new(), "{}", run.stdout);
    assert_eq!(
        json(&run)["files"][0]["definitions"],
        serde_json::json!(["local.case"])
    );

    // In a subfolder they do not, and the finding says why and what to do.
    let dir = workspace(&[("letter.case", CASE), ("procedures/local.case", LOCAL)]);
    let run = run_in(dir.path(), &["check", "letter.case"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("error[procedure-unknown]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("only in ")
            && run.stdout.contains("not in its subfolders")
            && run.stdout.contains("put a caseline.toml"),
        "{}",
        run.stdout
    );

    // A folder argument is the folder's whole tree.
    let run = run_in(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(codes(&json(&run)), Vec::<String>::new(), "{}", run.stdout);
}

#[test]
fn a_config_above_makes_its_folder_tree_the_workspace() {
    let dir = workspace(&[
        ("caseline.toml", b"# the project\n"),
        ("procedures/local.case", LOCAL),
        ("cases/2024/letter.case", CASE),
    ]);
    let run = run_in(&dir.path().join("cases/2024"), &["check", "letter.case"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    // The output names the definitions file the procedure came from.
    let path = dir.path().join("procedures/local.case");
    assert!(
        run.stdout
            .contains(&format!("procedures from {}", path.display())),
        "{}",
        run.stdout
    );
    // From the project folder, the same file is shown relative to it.
    let run = run_in(dir.path(), &["check", "cases/2024/letter.case"]);
    assert!(
        run.stdout.contains("procedures from procedures/local.case"),
        "{}",
        run.stdout
    );
}

#[test]
fn files_in_different_folders_each_get_their_own_workspace() {
    let dir = workspace(&[
        ("a/caseline.toml", b"[rules]\nrec-unaddressed = \"off\"\n"),
        ("a/local.case", LOCAL),
        ("a/one.case", CASE),
        ("b/one.case", CASE),
    ]);
    let run = run_in(
        dir.path(),
        &["check", "a/one.case", "b/one.case", "--format", "json"],
    );
    // Only b's case lacks the procedure (a's definitions are not b's).
    let report = json(&run);
    let unknown: Vec<&str> = report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "procedure-unknown")
        .map(|d| d["path"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(unknown, ["b/one.case"], "{}", run.stdout);
}

#[test]
fn stdin_sees_the_workspace_of_the_file_it_stands_for() {
    let dir = workspace(&[("caseline.toml", b""), ("defs/local.case", LOCAL)]);
    let run = crate::support::run_with_stdin(
        dir.path(),
        &[
            "check",
            "-",
            "--stdin-filename",
            "cases/new.case",
            "--format",
            "json",
        ],
        Some(std::str::from_utf8(CASE).unwrap_or_default()),
    );
    assert_eq!(codes(&json(&run)), Vec::<String>::new(), "{}", run.stdout);
}

#[test]
fn a_broken_config_stops_the_run_and_names_the_file() {
    let dir = workspace(&[
        ("caseline.toml", b"calender = \"scotland\"\n"),
        ("one.case", CASE),
    ]);
    let run = run_in(dir.path(), &["check", "one.case"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("calender") && run.stderr.contains("caseline.toml"),
        "{}",
        run.stderr
    );
}
