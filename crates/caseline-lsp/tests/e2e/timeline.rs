//! `caseline/timeline`: the page of an open document is drawn from the text in
//! the editor (unsaved edits included), the same page `caseline report` draws
//! for that text, and a document that is not open is answered with an error
//! that says so.

use serde_json::json;

use crate::harness::{TestClient, utf16_caps};

const CASE: &str = "case \"24 017 518\"\n  title \"Respite\"\n  procedure lgsco\n  as-of 2024-06-01\n\n2024-01-08 ombudsman.received\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timeline_is_drawn_from_the_editors_text() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    // Not a file on disk: the page can only come from the open text.
    let uri = "file:///nowhere/Mr%20X.case";
    c.open(uri, 1, CASE);
    let page = c
        .result("caseline/timeline", json!({"textDocument": {"uri": uri}}))
        .await;
    assert_eq!(page["version"], 1);
    assert_eq!(page["title"], "Case 24 017 518: Respite");
    let html = page["html"].as_str().unwrap_or_default();
    // The same page the report crate draws for this text and analysis.
    let parse = caseline_syntax::parse(CASE);
    let analysis = caseline_check::check(
        &parse,
        &caseline_check::Definitions::builtin(),
        &caseline_check::CheckOptions {
            today: chrono::NaiveDate::from_ymd_opt(2024, 6, 1).expect("a date"),
            as_of_override: None,
            config: Default::default(),
        },
    );
    let expected = caseline_report::render_html(
        &caseline_report::layout(&parse, &analysis),
        "Case 24 017 518: Respite",
    );
    assert_eq!(html, expected);

    // An unsaved edit is in the next page.
    let edited = CASE.replace("title \"Respite\"", "title \"Respite care\"");
    c.change(uri, 2, json!([{"text": edited}]));
    let page = c
        .result("caseline/timeline", json!({"textDocument": {"uri": uri}}))
        .await;
    assert_eq!(page["version"], 2);
    assert_eq!(page["title"], "Case 24 017 518: Respite care");

    // No header: the file's name, decoded.
    c.open("file:///nowhere/Mr%20Y.case", 1, "2024-01-08 note \"x\"\n");
    let page = c
        .result(
            "caseline/timeline",
            json!({"textDocument": {"uri": "file:///nowhere/Mr%20Y.case"}}),
        )
        .await;
    assert_eq!(page["title"], "Case timeline: Mr Y.case");

    // A document that is not open.
    let answer = c
        .request(
            "caseline/timeline",
            json!({"textDocument": {"uri": "file:///nowhere/closed.case"}}),
        )
        .await;
    let message = answer["error"]["message"].as_str().unwrap_or_default();
    assert!(message.contains("not open"), "{answer}");
}
