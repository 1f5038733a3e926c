//! Issue 13, "facts computed once": the hover shows the check engine's own
//! figures, so it can never disagree with the finding on the same line. The
//! counts are worked out by hand from docs/format.md#procedures (deadlines pair by dates,
//! not by where the lines stand) and GOV.UK's bank holidays.

use serde_json::{Value, json};

use crate::harness::{TestClient, pos, range, utf16_caps};

/// A stage 1 response written ABOVE its receipt, and a `?` between them.
/// Paired by dates: 43 working days after 2024-01-02 (2 Jan to 1 Mar 2024,
/// no bank holiday), due 2024-01-30 with the extension: 23 working days late.
const MISORDERED: &str = "case \"m\"
  procedure children-statutory
  as-of 2024-12-31

2024-03-01 stage1.response
? note \"a call\"
2024-01-02 stage1.received
";

/// Counted in Scotland, where 2 January is a bank holiday (it is not in
/// England). Working days in (29 Dec 2023, 1 Feb 2024]: the 23 January
/// weekdays and 1 February, less 1 and 2 January: 22 (England: 23). The
/// 20th working day after 29 Dec is 30 January (England: 29), so the response
/// is 2 working days late (England: 3).
const SCOTTISH: &str = "case \"s\"
  procedure children-statutory
  calendar scotland
  as-of 2024-12-31

2023-12-29 stage1.received
2024-02-01 stage1.response
";

async fn hover(c: &mut TestClient, uri: &str, line: u32, character: u32) -> String {
    let h = c
        .result(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(line, character)}),
        )
        .await;
    h["contents"]["value"].as_str().unwrap_or("").to_owned()
}

fn message_of(diags: &[Value], code: &str) -> String {
    diags
        .iter()
        .find(|d| d["code"] == json!(code))
        .and_then(|d| d["message"].as_str())
        .unwrap_or("")
        .to_owned()
}

async fn hint_on(c: &mut TestClient, uri: &str, line: u64) -> String {
    let hints = c
        .result(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": range((0, 0), (12, 0))}),
        )
        .await;
    hints
        .as_array()
        .into_iter()
        .flatten()
        .filter(|h| h["position"]["line"] == json!(line))
        .map(|h| h["label"].as_str().unwrap_or("").to_owned())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hover_on_a_misordered_file_gives_the_finding_s_numbers() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/misordered.case";
    c.open(uri, 1, MISORDERED);
    let diags = c.diagnostics(uri, 1).await;
    let finding = message_of(&diags, "deadline-missed");
    assert!(finding.contains("43 working days after"), "{finding}");
    assert!(
        finding.contains("due 2024-01-30: 23 working days late"),
        "{finding}"
    );
    assert_eq!(
        hint_on(&mut c, uri, 4).await,
        "23 wd late · 43 wd · limit 20 wd · due 2024-01-30"
    );
    // The response's date (line 5): the same three figures.
    let shown = hover(&mut c, uri, 4, 3).await;
    assert!(shown.contains("Friday 1 March 2024"), "{shown}");
    assert!(shown.contains(": 43 working days"), "{shown}");
    assert!(shown.contains("2024-01-30 if extended"), "{shown}");
    assert!(shown.contains("23 working days late"), "{shown}");
    assert!(shown.contains("england-and-wales"), "{shown}");
    // The receipt's date (line 7) starts that stage, wherever its line stands.
    let shown = hover(&mut c, uri, 6, 3).await;
    assert!(shown.contains("starts the stage 1 response"), "{shown}");
    // The `?` between them: the engine's reading, the earlier day first.
    let shown = hover(&mut c, uri, 5, 0).await;
    assert!(
        shown.contains("some day from Tuesday 2 January 2024 to Friday 1 March 2024"),
        "{shown}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hover_counts_in_the_case_s_own_calendar() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/scottish.case";
    c.open(uri, 1, SCOTTISH);
    let diags = c.diagnostics(uri, 1).await;
    let finding = message_of(&diags, "deadline-missed");
    assert!(finding.contains("22 working days after"), "{finding}");
    assert!(
        finding.contains("due 2024-01-30: 2 working days late"),
        "{finding}"
    );
    // The response's date (line 7).
    let shown = hover(&mut c, uri, 6, 3).await;
    assert!(shown.contains("(scotland calendar)"), "{shown}");
    assert!(shown.contains(": 22 working days"), "{shown}");
    assert!(shown.contains("2024-01-30 if extended"), "{shown}");
    assert!(shown.contains("; 2 working days late"), "{shown}");
    // The closed days in between are Scotland's: 1 and 2 January.
    assert!(shown.contains("- Mon 1 Jan 2024 "), "{shown}");
    assert!(shown.contains("- Tue 2 Jan 2024 "), "{shown}");
    assert!(!shown.contains("england-and-wales"), "{shown}");
}
