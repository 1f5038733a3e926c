//! `caseline explain`, `procedures` and `fmt`.

use crate::support::{run_in, run_with_stdin, workspace, workspace_root};

#[test]
fn explain_lists_rules_and_explains_one() {
    let list = run_in(&workspace_root(), &["explain"]);
    assert_eq!(list.code, 0);
    // FORMAT.md §5: every rule name is stable and listed with its default severity.
    let missed = list
        .stdout
        .lines()
        .find(|l| l.starts_with("deadline-missed "))
        .unwrap_or_else(|| panic!("deadline-missed not listed:\n{}", list.stdout));
    assert!(missed.contains("error"), "{missed}");
    let late = list
        .stdout
        .lines()
        .find(|l| l.starts_with("rec-late "))
        .expect("rec-late listed");
    assert!(late.contains("warning"), "{late}");
    for rule in [
        "syntax",
        "date-invalid",
        "stage-missing",
        "require-cycle",
        "rec-misplaced",
    ] {
        assert!(
            list.stdout
                .lines()
                .any(|l| l.starts_with(&format!("{rule} "))),
            "{rule}"
        );
    }

    let one = run_in(&workspace_root(), &["explain", "deadline-missed"]);
    assert_eq!(one.code, 0);
    assert!(
        one.stdout.starts_with("deadline-missed (error by default)"),
        "{}",
        one.stdout
    );
    assert!(
        one.stdout.lines().count() > 3,
        "an explanation, not just a name"
    );
}

#[test]
fn explain_suggests_the_nearest_rule() {
    let run = run_in(&workspace_root(), &["explain", "deadline-mised"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `deadline-missed`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn procedures_lists_builtins_and_workspace_definitions() {
    let defs =
        "procedure council\n  title \"Council complaints\"\n  event c.received \"Received\"\n";
    let dir = workspace(&[("defs.case", defs.as_bytes())]);
    let run = run_in(dir.path(), &["procedures"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let builtin = run
        .stdout
        .lines()
        .find(|l| l.starts_with("children-statutory "))
        .unwrap_or_else(|| panic!("children-statutory missing:\n{}", run.stdout));
    assert!(builtin.contains("built-in"), "{builtin}");
    let council = run
        .stdout
        .lines()
        .find(|l| l.starts_with("council "))
        .unwrap_or_else(|| panic!("council missing:\n{}", run.stdout));
    assert!(
        council.contains("defs.case") && council.contains("Council complaints"),
        "{council}"
    );

    let show = run_in(dir.path(), &["procedures", "show", "children-statutory"]);
    assert_eq!(show.code, 0);
    assert!(
        show.stdout.starts_with("procedure children-statutory"),
        "{}",
        show.stdout
    );
    // FORMAT.md §4.3: the built-in declares the stage 2 deadline of reg. 17.
    assert!(
        show.stdout
            .contains("deadline stage2.adjudication within 25wd of stage2.requested"),
        "{}",
        show.stdout
    );

    let unknown = run_in(dir.path(), &["procedures", "show", "nope"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("children-statutory"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn fmt_checks_writes_and_reads_stdin() {
    // Child lines indented with four spaces and a tab before a date: whatever the
    // canonical layout is, the formatter must reach it and then leave it alone.
    let messy = "case \"5\"\n    title   \"x\"\n\n2024-01-02\tnote\n";
    let dir = workspace(&[("m.case", messy.as_bytes())]);
    let formatted = run_with_stdin(dir.path(), &["fmt", "-"], Some(messy));
    assert_eq!(formatted.code, 0, "{}", formatted.stderr);
    let canonical = formatted.stdout;
    assert_ne!(
        canonical, messy,
        "this input is not in the canonical layout"
    );

    let check = run_in(dir.path(), &["fmt", "--check", "m.case"]);
    assert_eq!(check.code, 1);
    assert!(
        check.stdout.contains("would reformat m.case"),
        "{}",
        check.stdout
    );
    let untouched = std::fs::read_to_string(dir.path().join("m.case")).expect("m.case");
    assert_eq!(untouched, messy, "--check writes nothing");

    let write = run_in(dir.path(), &["fmt", "m.case"]);
    assert_eq!(write.code, 0);
    let written = std::fs::read_to_string(dir.path().join("m.case")).expect("m.case");
    assert_eq!(
        written, canonical,
        "the file gets what stdin formatting printed"
    );

    let again = run_in(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(again.code, 0, "formatting is idempotent: {}", again.stdout);
    let stdin_check = run_with_stdin(dir.path(), &["fmt", "--check", "-"], Some(&canonical));
    assert_eq!(stdin_check.code, 0);
}
