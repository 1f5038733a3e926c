//! "Copy as decision wording": offered on a stage's entry and on a `rec` or
//! `promise` line, nowhere else; it carries the paragraph `caseline report
//! --format text` prints for that stage (the binary's own output when
//! `target/debug/caseline` is built, and the report crate's always), as the
//! argument of the client command `caseline.copyDecisionWording`, and no edit.

use serde_json::{Value, json};

use crate::harness::{TestClient, range, utf16_caps};
use crate::support::{KENT_URI, kent};

const COMMAND: &str = "caseline.copyDecisionWording";

/// The decision-wording actions at a 0-based line (the cursor at `col`).
async fn copy_actions(c: &mut TestClient, line: u32, col: u32, only: Option<Value>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = only;
    }
    let actions = c
        .result(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": KENT_URI}, "range": range((line, col), (line, col)), "context": context}),
        )
        .await;
    actions
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|a| a["command"]["command"] == COMMAND)
        .collect()
}

/// The paragraph under `HEADING (line N): OUTCOME` in the text report.
fn paragraph_after(report: &str, heading: &str) -> String {
    let mut lines = report.lines();
    lines
        .by_ref()
        .find(|l| l.starts_with(&format!("{heading} (line ")))
        .unwrap_or_else(|| panic!("no {heading} in:\n{report}"));
    lines.next().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copy_as_decision_wording_carries_the_reports_paragraph() {
    let (mut c, init) = TestClient::start(utf16_caps(), json!(null)).await;
    let kinds = &init["result"]["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert!(
        kinds
            .as_array()
            .is_some_and(|k| k.iter().any(|k| k == COMMAND)),
        "{kinds}"
    );
    let text = kent();
    c.open(KENT_URI, 1, &text);

    // Line 16 (1-based): `2023-08-24 stage1.response`.
    let actions = copy_actions(&mut c, 15, 3, None).await;
    assert_eq!(actions.len(), 1, "{actions:#?}");
    let action = &actions[0];
    assert_eq!(
        action["title"],
        "Copy as decision wording: stage 1 response"
    );
    assert_eq!(action["kind"], COMMAND);
    assert!(action.get("edit").is_none(), "it never edits: {action}");
    let copied = action["command"]["arguments"][0]
        .as_str()
        .unwrap_or_default();
    assert_eq!(
        action["command"]["arguments"].as_array().map(Vec::len),
        Some(1)
    );

    // The same paragraph as the report, for the same text.
    let parse = caseline_syntax::parse(&text);
    let analysis = caseline_check::check(
        &parse,
        &caseline_check::Definitions::builtin(),
        &caseline_check::CheckOptions {
            today: chrono::Local::now().date_naive(),
            as_of_override: None,
            config: Default::default(),
        },
    );
    let report = caseline_report::render_decision_text(
        &caseline_report::decision(&parse, &analysis),
        "Kent",
    );
    assert_eq!(copied, paragraph_after(&report, "Stage 1 response"));
    for figure in [
        "24 August 2023",
        "42 working days",
        "reg. 14",
        "22 working days late",
    ] {
        assert!(copied.contains(figure), "{figure}: {copied}");
    }
    // And the binary's, when it is built (this crate's tests don't build it).
    let binary = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/debug/caseline");
    if std::path::Path::new(binary).exists() {
        let sample = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/cases/kent-24-003-873.case"
        );
        let out = std::process::Command::new(binary)
            .args(["report", sample, "--format", "text"])
            .output()
            .expect("the binary runs");
        let printed = String::from_utf8_lossy(&out.stdout);
        assert_eq!(copied, paragraph_after(&printed, "Stage 1 response"));
    }

    // On a `promise` line (line 21) and a `rec` line (line 27).
    let promise = copy_actions(&mut c, 20, 4, None).await;
    assert_eq!(promise.len(), 1);
    assert_eq!(promise[0]["title"], "Copy as decision wording: promise m1");
    let rec = copy_actions(&mut c, 26, 10, None).await;
    assert_eq!(
        rec[0]["title"],
        "Copy as decision wording: recommendation o1"
    );

    // Not elsewhere: the header (line 5), a note-like entry with no time limit
    // (line 12, `assessment.completed`), a prose line (line 14), a blank line.
    for line in [4, 11, 13, 10] {
        let none = copy_actions(&mut c, line, 0, None).await;
        assert!(none.is_empty(), "line {}: {none:#?}", line + 1);
    }
    // Only when the client's `only` covers its kind.
    assert!(
        copy_actions(&mut c, 15, 3, Some(json!(["quickfix"])))
            .await
            .is_empty()
    );
    assert_eq!(
        copy_actions(&mut c, 15, 3, Some(json!(["caseline"])))
            .await
            .len(),
        1
    );

    // The document is untouched: the next request sees the same version's findings.
    let after = c
        .result(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": KENT_URI}, "range": range((15, 0), (15, 0)), "context": {"diagnostics": []}}),
        )
        .await;
    assert!(after.as_array().is_some_and(|a| !a.is_empty()));
}
