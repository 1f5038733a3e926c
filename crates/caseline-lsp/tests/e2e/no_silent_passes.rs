//! Issue 12, "no silent passes", over the protocol: no editor action removes a
//! finding the user did not ask to remove, and the editor says what was
//! checked. Rename refuses an ID already in use; the acknowledge action is
//! offered only for findings that may be accepted, and leaves a comment that
//! silences nothing until the user writes a reason; applying any quick fix on
//! a late deadline never leaves fewer findings and nothing new; the `case` line
//! carries the engine's own description of what was checked.

use caseline_check::{CheckOptions, Checked, Config, Definitions};
use caseline_syntax::Encoding;
use serde_json::{Value, json};

use crate::harness::{TestClient, pos, range, utf16_caps};
use crate::support::{apply_text_edits, kent};

/// Late deadlines and a late recommendation: a stage 1 response 23 working
/// days late (line 6), a stage 2 adjudication never recorded (overdue, line 7)
/// and recommendation r1 overdue (line 9); r2 is done.
const LATE: &str = "case \"t1\"
  procedure children-statutory lgsco
  as-of 2024-12-31

2024-01-02 stage1.received
2024-03-01 stage1.response
2024-04-01 stage2.requested
2024-05-01 ombudsman.decision
  rec r1 within 4w \"Apologise\"
  rec r2 \"Review the policy\"
2024-05-02 done r2
";

/// Slips to correct: a date out of order (line 6), a misspelt stage (line 7),
/// an unknown ID (line 8), a line that cannot be read (line 9); and one
/// finding that may be accepted, a late stage 1 response (line 10).
const SLIPS: &str = "case \"t2\"
  procedure children-statutory
  as-of 2024-12-31

2024-02-01 stage1.received
2024-01-15 note \"misplaced\"
2024-03-20 stage1.recieved
2024-03-21 done zz
this is not a line
2024-04-30 stage1.response
";

fn checked(text: &str) -> Checked {
    let parse = caseline_syntax::parse(text);
    let opts = CheckOptions {
        today: chrono::Local::now().date_naive(),
        as_of_override: None,
        config: Config::from_toml("").unwrap_or_default(),
    };
    caseline_check::check(&parse, &Definitions::builtin(), &opts).checked
}

/// (code, message) of each published finding, sorted: positions move when a
/// fix inserts a line, the findings themselves do not.
fn findings(diags: &[Value]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = diags
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_owned(),
                d["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

async fn actions_at(c: &mut TestClient, uri: &str, r: Value) -> Vec<Value> {
    c.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": r, "context": {"diagnostics": []}}),
    )
    .await
    .as_array()
    .cloned()
    .unwrap_or_default()
}

fn title(a: &Value) -> &str {
    a["title"].as_str().unwrap_or("")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_refuses_an_id_already_in_use_and_an_invalid_one() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/late.case";
    c.open(uri, 1, LATE);
    let rename =
        |new: &str| json!({"textDocument": {"uri": uri}, "position": pos(8, 7), "newName": new});
    // `rec r1` is on line 9 (1-based); `r2` is defined on line 10.
    let refused = c.request("textDocument/rename", rename("r2")).await;
    let message = refused["error"]["message"].as_str().unwrap_or("");
    assert_eq!(
        message, "`r2` is already the ID of another recommendation (line 10); choose another name",
        "{refused}"
    );
    assert!(refused.get("result").is_none(), "{refused}");
    // From the other end: renaming r2 (at its `done` line) onto r1.
    let refused = c
        .request(
            "textDocument/rename",
            json!({"textDocument": {"uri": uri}, "position": pos(10, 17), "newName": "r1"}),
        )
        .await;
    let message = refused["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("`r1` is already the ID of another recommendation (line 9)"),
        "{refused}"
    );

    // An ID only referred to (a `done` naming an undefined ID) is in use too:
    // the renamed recommendation would take that line over.
    let with_ref = format!("{LATE}2024-06-01 done r9\n");
    c.change(uri, 2, json!([{"text": with_ref}]));
    let refused = c.request("textDocument/rename", rename("r9")).await;
    let message = refused["error"]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("`r9` is already used on line 12"),
        "{refused}"
    );

    // Not an ID at all.
    let refused = c.request("textDocument/rename", rename("r 3")).await;
    let message = refused["error"]["message"].as_str().unwrap_or("");
    assert!(message.contains("`r 3` is not a valid ID"), "{refused}");

    // A free name is accepted, and renaming to itself is harmless.
    let edit = c.result("textDocument/rename", rename("r3")).await;
    let edits = edit["changes"][uri].as_array().cloned().unwrap_or_default();
    assert_eq!(
        apply_text_edits(&with_ref, &edits, Encoding::Utf16),
        with_ref.replace("rec r1", "rec r3")
    );
    let same = c.request("textDocument/rename", rename("r1")).await;
    assert!(same.get("error").is_none(), "{same}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledge_is_not_offered_for_mistakes_to_correct() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/slips.case";
    c.open(uri, 1, SLIPS);
    let published = c.diagnostics(uri, 1).await;
    let codes: Vec<String> = findings(&published).into_iter().map(|(c, _)| c).collect();
    for rule in [
        "date-order",
        "event-unknown",
        "rec-unknown",
        "syntax",
        "deadline-missed",
    ] {
        assert!(
            codes.iter().any(|c| c == rule),
            "{rule} expected in {codes:?}"
        );
    }
    // Every action offered anywhere in the file.
    let all = actions_at(&mut c, uri, range((0, 0), (11, 0))).await;
    for rule in ["date-order", "event-unknown", "rec-unknown", "syntax"] {
        assert!(
            !all.iter()
                .any(|a| title(a).starts_with(&format!("Acknowledge {rule}"))),
            "no acknowledgement for {rule}: {:?}",
            all.iter().map(title).collect::<Vec<_>>()
        );
        // Nor for any finding of those rules under another title.
        assert!(
            !all.iter().any(|a| {
                a["diagnostics"][0]["code"] == rule
                    && a["edit"]["changes"][uri][0]["newText"]
                        .as_str()
                        .is_some_and(|t| t.contains("caseline: allow"))
            }),
            "{rule}"
        );
    }
    // The late response may be accepted: offered, with an empty reason, and
    // the title says what is left to do.
    let ack = all
        .iter()
        .find(|a| title(a).starts_with("Acknowledge deadline-missed"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        title(&ack),
        "Acknowledge deadline-missed: add a comment, then write the reason between the quotes"
    );
    let edits = ack["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        apply_text_edits(SLIPS, &edits, Encoding::Utf16),
        SLIPS.replace(
            "2024-04-30 stage1.response",
            "# caseline: allow deadline-missed \"\"\n2024-04-30 stage1.response"
        )
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_acknowledge_comment_silences_nothing_until_a_reason_is_written() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/kent.case";
    let text = kent();
    c.open(uri, 1, &text);
    let before = findings(&c.diagnostics(uri, 1).await);
    // Line 20 (1-based): the stage 2 adjudication, 40 working days late.
    let actions = actions_at(&mut c, uri, range((19, 0), (19, 0))).await;
    let ack = actions
        .iter()
        .find(|a| title(a).starts_with("Acknowledge deadline-missed"))
        .cloned()
        .unwrap_or_default();
    let edits = ack["edit"]["changes"][uri]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let commented = apply_text_edits(&text, &edits, Encoding::Utf16);
    assert!(
        commented
            .contains("# caseline: allow deadline-missed \"\"\n2024-02-21 stage2.adjudication"),
        "{commented}"
    );
    c.change(uri, 2, json!([{"text": commented}]));
    let after = findings(&c.diagnostics(uri, 2).await);
    // Every finding is still there, and the comment is reported as incomplete.
    for f in &before {
        assert!(after.contains(f), "{f:?} disappeared: {after:?}");
    }
    assert!(
        after.iter().any(|(code, _)| code == "ack-invalid"),
        "{after:?}"
    );

    // Once the user writes a reason, the finding is acknowledged.
    let reasoned = commented.replace(
        "allow deadline-missed \"\"",
        "allow deadline-missed \"delay accepted by the Ombudsman; remedied\"",
    );
    c.change(uri, 3, json!([{"text": reasoned}]));
    let done = findings(&c.diagnostics(uri, 3).await);
    assert_eq!(
        done.iter()
            .filter(|(code, _)| code == "deadline-missed")
            .count(),
        1,
        "one of the two missed deadlines is acknowledged: {done:?}"
    );
    assert!(
        !done.iter().any(|(code, _)| code.starts_with("ack-")),
        "{done:?}"
    );
}

/// Applies every action offered on every late-deadline and overdue finding of
/// `text`, one at a time, through the server, and compares what it publishes.
async fn no_fix_removes_a_finding_unasked(c: &mut TestClient, uri: &str, text: &str) -> usize {
    const LATE_RULES: [&str; 4] = [
        "deadline-missed",
        "deadline-possibly-missed",
        "deadline-overdue",
        "rec-overdue",
    ];
    let mut version = 1;
    c.open(uri, version, text);
    let published = c.diagnostics(uri, version).await;
    let before = findings(&published);
    let mut applied = 0;
    for d in published
        .iter()
        .filter(|d| LATE_RULES.contains(&d["code"].as_str().unwrap_or("")))
    {
        let actions = actions_at(c, uri, d["range"].clone()).await;
        for action in actions
            .iter()
            .filter(|a| a["diagnostics"][0]["code"] == d["code"])
        {
            let edits = action["edit"]["changes"][uri]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let fixed = apply_text_edits(text, &edits, Encoding::Utf16);
            assert_ne!(
                fixed,
                text,
                "{}: the action changes something",
                title(action)
            );
            version += 1;
            c.change(uri, version, json!([{"text": fixed}]));
            let after = findings(&c.diagnostics(uri, version).await);
            let new: Vec<&(String, String)> =
                after.iter().filter(|f| !before.contains(f)).collect();
            assert!(
                after.len() >= before.len() || !new.is_empty(),
                "{uri}: `{}` removed a finding and added nothing:\nbefore {before:?}\nafter {after:?}\n{fixed}",
                title(action)
            );
            // The finding it was offered on is still reported, or something
            // new says why not.
            let original = (
                d["code"].as_str().unwrap_or("").to_owned(),
                d["message"].as_str().unwrap_or("").to_owned(),
            );
            assert!(
                after.contains(&original) || !new.is_empty(),
                "{uri}: `{}` removed {original:?} silently",
                title(action)
            );
            applied += 1;
            // Back to the original for the next action.
            version += 1;
            c.change(uri, version, json!([{"text": text}]));
            c.diagnostics(uri, version).await;
        }
    }
    applied
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_quick_fix_on_a_late_deadline_leaves_fewer_findings_and_nothing_new() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let mut applied = 0;
    applied += no_fix_removes_a_finding_unasked(&mut c, "file:///cases/kent.case", &kent()).await;
    applied += no_fix_removes_a_finding_unasked(&mut c, "file:///cases/late.case", LATE).await;
    let crlf = LATE.replace('\n', "\r\n");
    applied +=
        no_fix_removes_a_finding_unasked(&mut c, "file:///cases/late-crlf.case", &crlf).await;
    // At least the acknowledge action on each of the two Kent deadlines and
    // the three late items of LATE, twice.
    assert!(applied >= 8, "{applied} actions applied");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_case_line_says_what_was_checked() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let hints_for = |text: &str| {
        let lines = text.lines().count() as u32 + 1;
        (text.to_owned(), range((0, 0), (lines, 0)))
    };
    // Kent: the case line is line 5 (1-based), after four comment lines.
    for (uri, text, line) in [
        ("file:///cases/kent.case", kent(), 4u64),
        ("file:///cases/late.case", LATE.to_owned(), 0),
        (
            "file:///cases/none.case",
            "case \"x\"\n  as-of 2024-12-31\n\n2024-03-04 stage 1 received\n2024-05-28 stage1.response\n".to_owned(),
            0,
        ),
        // No header at all: the hint goes on the first line.
        (
            "file:///cases/headless.case",
            "2024-03-04 stage1.received\n2024-05-28 stage1.response\n".to_owned(),
            0,
        ),
    ] {
        c.open(uri, 1, &text);
        let (text, r) = hints_for(&text);
        let hints = c
            .result(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": uri}, "range": r}),
            )
            .await;
        let want = checked(&text).describe();
        let hint = hints
            .as_array()
            .and_then(|a| a.iter().find(|h| h["label"] == want.as_str()))
            .cloned()
            .unwrap_or_default();
        assert_eq!(hint["position"]["line"], json!(line), "{uri}: {want:?} in {hints}");
        let tooltip = hint["tooltip"].as_str().unwrap_or("");
        assert!(tooltip.contains(&want), "{tooltip}");
        if checked(&text).nothing_checked() {
            assert!(tooltip.contains("Nothing was checked"), "{tooltip}");
        }
    }
    // Kent: the stage 1 response, the stage 2 adjudication, the panel and the
    // response to it (from the panel; the panel's report is not recorded, so
    // the 15-day limit from it is not judged). Two late (EXPECTED.md).
    assert_eq!(
        checked(&kent()).describe(),
        "children-statutory, lgsco · 4 deadlines checked (2 late) · 2 recommendations tracked"
    );
    // A definitions file is not a case: no such hint.
    let defs = "procedure mine\n  event a.b \"A\"\n";
    c.open("file:///cases/defs.case", 1, defs);
    let hints = c
        .result(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": "file:///cases/defs.case"}, "range": range((0, 0), (3, 0))}),
        )
        .await;
    assert_eq!(hints, json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hints_put_the_lateness_first_with_its_unit_and_overdue_is_never_open() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/late.case";
    c.open(uri, 1, LATE);
    let hints = c
        .result(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": range((0, 0), (12, 0))}),
        )
        .await;
    let on_line = |line: u64| -> String {
        hints
            .as_array()
            .into_iter()
            .flatten()
            .filter(|h| h["position"]["line"] == json!(line))
            .map(|h| h["label"].as_str().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    // Line 6: 43 working days after 2024-01-02; limit 20 with the
    // extension, due 2024-01-30: 23 working days late.
    assert_eq!(
        on_line(5),
        "23 wd late · 43 wd · limit 20 wd · due 2024-01-30"
    );
    // Line 7: no adjudication by 2024-12-31, due 2024-07-03 with the extension.
    let request = on_line(6);
    assert!(
        request.starts_with("→ adjudication 126 wd overdue · due "),
        "{request}"
    );
    // Line 9: r1 due 4 weeks after 2024-05-01, never done. Working days in
    // (2024-05-29, 2024-12-31]: May 2, June 20, July 23, August 21 (26th a bank
    // holiday), September 21, October 23, November 21, December 20 (25th, 26th):
    // 151 working days overdue.
    assert_eq!(on_line(8), "151 wd overdue · due 2024-05-29");
    let hover = c
        .result(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": pos(8, 7)}),
        )
        .await;
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(shown.contains("Status: overdue"), "{shown}");
    assert!(!shown.contains("open"), "{shown}");
}
