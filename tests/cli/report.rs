//! `caseline report --format text|markdown`: the chronology in decision wording.
//! The figures are worked out here from the calendar and the built-in
//! procedure (and EXPECTED.md), not taken from the output.

use caseline_calendar::{Calendars, NaiveDate};

use crate::support::{run_in, workspace, workspace_root};

const KENT: &str = "tests/cases/kent-24-003-873.case";

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// The paragraph after the line `HEADING (line N): OUTCOME` of the text format.
fn paragraph<'t>(out: &'t str, heading: &str) -> &'t str {
    let mut lines = out.lines();
    lines
        .by_ref()
        .find(|l| l.starts_with(&format!("{heading} (line ")))
        .unwrap_or_else(|| panic!("no {heading} in:\n{out}"));
    lines.next().unwrap_or("")
}

/// Kent's stage 1 figures from the calendar: working days from the complaint
/// of 27 June 2023 to the response of 24 August 2023, the day 20 working days
/// (the extended limit of `children-statutory`) after the complaint, and the
/// working days from then to the response.
fn kent_stage_1() -> (i64, NaiveDate, i64) {
    let cal = Calendars::builtin()
        .get("england-and-wales")
        .expect("built-in calendar")
        .clone();
    let (received, response) = (d("2023-06-27"), d("2023-08-24"));
    let due = cal.add_working_days(received, 20);
    (
        cal.working_days_between(received, response),
        due,
        cal.working_days_between(due, response),
    )
}

#[test]
fn text_states_kent_stage_1_as_a_decision_does() {
    let (taken, due, late) = kent_stage_1();
    // EXPECTED.md: 42 working days, limit 20 with an extension.
    assert_eq!((taken, late), (42, 22));
    let run = run_in(&workspace_root(), &["report", KENT, "--format", "text"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "nothing written, nothing to say");
    assert!(
        run.stdout
            .starts_with("Decision wording: Case 24 003 873: Eligibility assessment for J"),
        "{}",
        run.stdout
    );
    let p = paragraph(&run.stdout, "Stage 1 response");
    for wanted in [
        "24 August 2023".to_string(),
        format!("{taken} working days"),
        "reg. 14".to_string(),
        format!("{late} working days late"),
        format!("due by {}", due.format("%-d %B %Y")),
    ] {
        assert!(p.contains(&wanted), "{wanted:?} not in: {p}");
    }
    assert!(
        run.stdout
            .contains("Body complained about: Kent County Council (“the Council”)."),
        "{}",
        run.stdout
    );
    // Every stage and recommendation of the case has its paragraph.
    for heading in [
        "Stage 2 adjudication",
        "Review panel",
        "Panel's report",
        "Response to the panel",
        "Promise m1",
        "Recommendation o1",
    ] {
        assert!(!paragraph(&run.stdout, heading).is_empty(), "{heading}");
    }
}

#[test]
fn markdown_and_output_files() {
    let (taken, _, late) = kent_stage_1();
    let run = run_in(&workspace_root(), &["report", KENT, "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("# Decision wording: Case 24 003 873: "),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\n## Stages\n"));
    assert!(run.stdout.contains("\n## Recommendations and promises\n"));
    let heading = "**Stage 1 response** (line 16: late)\n\n";
    let at = run
        .stdout
        .find(heading)
        .unwrap_or_else(|| panic!("{heading:?} not in:\n{}", run.stdout));
    let p = run.stdout[at + heading.len()..]
        .lines()
        .next()
        .unwrap_or("");
    assert!(p.contains(&format!("{taken} working days after")), "{p}");
    assert!(p.contains(&format!("{late} working days late")), "{p}");
    assert!(p.contains("(SI 2006/1738 reg. 14)"), "{p}");

    // -o FILE writes what standard output would have shown; -o - is stdout.
    let dir = workspace(&[]);
    for (format, name) in [("text", "kent.txt"), ("markdown", "kent.md")] {
        let target = dir.path().join(name);
        let target_arg = target.to_string_lossy().to_string();
        let shown = run_in(&workspace_root(), &["report", KENT, "--format", format]);
        let written = run_in(
            &workspace_root(),
            &["report", KENT, "--format", format, "-o", &target_arg],
        );
        assert_eq!(written.code, 0, "{}", written.stderr);
        assert_eq!(written.stdout, "");
        assert!(written.stderr.starts_with("wrote "), "{}", written.stderr);
        let file = std::fs::read_to_string(&target).expect("the report was written");
        assert_eq!(file, shown.stdout, "{format}");
        let dash = run_in(
            &workspace_root(),
            &["report", KENT, "--format", format, "-o", "-"],
        );
        assert_eq!(dash.stdout, shown.stdout, "{format}");
    }
}

#[test]
fn text_goes_to_standard_output_and_never_over_the_case() {
    let kent = std::fs::read(workspace_root().join(KENT)).expect("the Kent sample");
    let dir = workspace(&[("kent.case", &kent)]);
    let run = run_in(dir.path(), &["report", "kent.case", "--format", "text"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Stage 1 response (line 16): late"));
    assert!(
        !dir.path().join("kent.html").exists() && !dir.path().join("kent.txt").exists(),
        "the wording is printed, not written next to the case"
    );
    let refused = run_in(
        dir.path(),
        &[
            "report",
            "kent.case",
            "--format",
            "markdown",
            "-o",
            "kent.case",
        ],
    );
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("would overwrite the case file"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read(dir.path().join("kent.case")).expect("still there"),
        kent
    );
}

#[test]
fn a_case_with_nothing_checked_says_so() {
    let text = "case \"n\"\n  body \"Kent County Council\"\n  as-of 2024-03-01\n\n\
                2024-01-10 stage1.received\n2024-03-01 stage1.response\nnot an entry\n";
    let dir = workspace(&[("n.case", text.as_bytes())]);
    let run = run_in(dir.path(), &["report", "n.case", "--format", "text"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Nothing was checked in this case: no procedure is named"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("No time limit was judged."));
    assert!(
        run.stdout
            .contains("Line 7 could not be read and is left out of this chronology."),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stderr,
        "warning: 1 line could not be read and is left out of the chronology: 7\n"
    );
}
