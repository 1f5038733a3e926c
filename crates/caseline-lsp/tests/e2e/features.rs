//! One test per editor feature on the Kent sample: go to definition (into the
//! built-in procedure), references and rename of a recommendation ID,
//! completion, code actions, formatting, folding and the outline.

use caseline_syntax::{Encoding, LineCol, LineIndex};
use serde_json::{Value, json};

use crate::harness::{TestClient, pos, range, utf16_caps};
use crate::support::{KENT_URI, apply_text_edits, kent};

fn at(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": KENT_URI}, "position": pos(line, character)})
}

/// The text a range covers.
fn slice(text: &str, r: &Value) -> String {
    let index = LineIndex::new(text);
    let n = |v: &Value| v.as_u64().unwrap_or(0) as u32;
    let off = |p: &Value| {
        usize::from(index.offset(
            LineCol {
                line: n(&p["line"]),
                col: n(&p["character"]),
            },
            Encoding::Utf16,
        ))
    };
    text.get(off(&r["start"])..off(&r["end"]))
        .unwrap_or("")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn definition_of_an_event_kind_opens_the_builtin_procedure() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    c.open(KENT_URI, 1, &kent());
    // Line 20 (1-based): `2024-02-21 stage2.adjudication ...`; column 15 is inside the kind.
    let def = c.result("textDocument/definition", at(19, 15)).await;
    let uri = def["uri"].as_str().unwrap_or("").to_owned();
    assert_eq!(uri, "caseline-builtin:/children-statutory.case");
    let source = c
        .result("caseline/builtinSource", json!({"uri": uri}))
        .await;
    let text = source["text"].as_str().unwrap_or("");
    assert_eq!(slice(text, &def["range"]), "stage2.adjudication");
    // Hovering the kind explains what happened to its deadline in this case.
    let hover = c.result("textDocument/hover", at(19, 15)).await;
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(shown.contains("105 working days"), "{shown}");
    assert!(shown.contains("40 working days late"), "{shown}");
    // The declaration is an `event` line.
    let line = def["range"]["start"]["line"].as_u64().unwrap_or(0) as usize;
    let decl = text.lines().nth(line).unwrap_or("");
    assert!(
        decl.trim_start().starts_with("event stage2.adjudication"),
        "{decl}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rec_ids_have_definitions_references_and_rename() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = format!("{}2025-03-01 done o1\n", kent());
    c.open(KENT_URI, 1, &text);
    // The sample has 27 lines, so `done o1` is line 27 (0-based) and `o1`
    // starts at column 16; `rec o1` is on line 26, `o1` at columns 6..8.
    let def = c.result("textDocument/definition", at(27, 17)).await;
    let loc = def
        .as_array()
        .and_then(|a| a.first())
        .cloned()
        .unwrap_or_default();
    assert_eq!(slice(&text, &loc["range"]), "o1");
    assert_eq!(loc["range"], range((26, 6), (26, 8)));
    let refs = c
        .result("textDocument/references", json!({"textDocument": {"uri": KENT_URI}, "position": pos(27, 16), "context": {"includeDeclaration": true}}))
        .await;
    assert_eq!(refs.as_array().map(Vec::len), Some(2));
    let edit = c
        .result("textDocument/rename", json!({"textDocument": {"uri": KENT_URI}, "position": pos(26, 7), "newName": "remedy-1"}))
        .await;
    let edits = edit["changes"][KENT_URI]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let renamed = apply_text_edits(&text, &edits, Encoding::Utf16);
    assert_eq!(renamed, text.replace(" o1", " remedy-1"));
    let bad = c
        .request("textDocument/rename", json!({"textDocument": {"uri": KENT_URI}, "position": pos(26, 7), "newName": "not valid"}))
        .await;
    assert!(bad.get("error").is_some(), "{bad}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn completion_offers_event_kinds_ids_and_header_keys() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = format!(
        "{}2025-03-01 \n2025-03-02 done \n  \n2025-03-03 stage2.ad\n",
        kent()
    );
    c.open(KENT_URI, 1, &text);
    let labels = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|i| i["label"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    // After a date: the procedures' event kinds, with their labels.
    let kinds = c.result("textDocument/completion", at(27, 11)).await;
    assert!(
        labels(&kinds).contains(&"stage2.adjudication".to_owned()),
        "{kinds}"
    );
    let adj = kinds
        .as_array()
        .and_then(|a| a.iter().find(|i| i["label"] == "stage2.adjudication"))
        .cloned()
        .unwrap_or_default();
    assert!(
        adj["detail"]
            .as_str()
            .unwrap_or("")
            .contains("adjudication"),
        "{adj}"
    );
    // A partly typed kind is replaced whole, dots included (columns 11..20).
    let partial = c.result("textDocument/completion", at(30, 20)).await;
    let report = partial
        .as_array()
        .and_then(|a| a.iter().find(|i| i["label"] == "stage2.report"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(report["textEdit"]["range"], range((30, 11), (30, 20)));
    // After `done`: m1 and o1, both still open, in file order.
    let ids = c.result("textDocument/completion", at(28, 16)).await;
    let mut items: Vec<(String, String)> = ids
        .as_array()
        .map(|a| {
            a.iter()
                .map(|i| {
                    (
                        i["sortText"].as_str().unwrap_or("").to_owned(),
                        i["label"].as_str().unwrap_or("").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    items.sort();
    let order: Vec<&str> = items.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(order, ["m1", "o1"]);
    // At the start of a line: today's date first.
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    let start = c.result("textDocument/completion", at(31, 0)).await;
    assert!(labels(&start).contains(&today), "{start}");
    // A child line of the header: header keys.
    let header = c.result("textDocument/completion", at(5, 2)).await;
    let keys = labels(&header);
    for k in ["title", "procedure", "calendar", "as-of"] {
        assert!(keys.contains(&k.to_owned()), "{keys:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_answer_for_the_whole_line_the_cursor_is_on() {
    // The promise's finding starts at column 2 of its indented line; an editor
    // asking with the cursor at column 0 (Emacs does) gets its actions too,
    // and a line with no finding gets none.
    let text = "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\n2024-01-09 stage1.response\n  promise m1 \"Write again\"\n";
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/cursor.case";
    c.open(uri, 1, text);
    let ask = |line: u32, col: u32| json!({"textDocument": {"uri": uri}, "range": range((line, col), (line, col)), "context": {"diagnostics": []}});
    let titles = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    // The quick fixes (not "Copy as decision wording", which any stage line has).
                    .filter(|x| x["kind"] == "quickfix")
                    .filter_map(|x| x["title"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let at_col0 = titles(&c.result("textDocument/codeAction", ask(6, 0)).await);
    assert!(
        at_col0.iter().any(|t| t.contains("m1")),
        "the promise's actions from column 0: {at_col0:?}"
    );
    let inside = titles(&c.result("textDocument/codeAction", ask(6, 5)).await);
    assert_eq!(at_col0, inside, "the same actions anywhere on the line");
    let clean = titles(&c.result("textDocument/codeAction", ask(5, 0)).await);
    assert!(
        clean.is_empty(),
        "no finding on the stage 1 response line: {clean:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_apply_the_checkers_fixes() {
    // Every sample case (and a CRLF copy of each), every fix the checker
    // offers: the server's action must make exactly the fix's change.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases");
    let mut samples: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "case"))
                .filter_map(|e| {
                    Some((
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    samples.sort();
    let crlf: Vec<(String, String)> = samples
        .iter()
        .map(|(n, t)| (format!("crlf-{n}"), t.replace('\n', "\r\n")))
        .collect();
    samples.extend(crlf);
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let mut fixes_seen = 0;
    for (name, text) in &samples {
        let uri = format!("file:///cases/{name}");
        c.open(&uri, 1, text);
        let parse = caseline_syntax::parse(text);
        let opts = caseline_check::CheckOptions {
            today: chrono::Local::now().date_naive(),
            as_of_override: None,
            config: caseline_check::Config::from_toml("").unwrap_or_default(),
        };
        let analysis =
            caseline_check::check(&parse, &caseline_check::Definitions::builtin(), &opts);
        for d in analysis.diagnostics.iter().filter(|d| !d.fixes.is_empty()) {
            let (a, b) = parse
                .line_index()
                .range_to_line_cols(d.range, Encoding::Utf16);
            let actions = c
                .result("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": range((a.line, a.col), (b.line, b.col)), "context": {"diagnostics": []}}))
                .await;
            for fix in &d.fixes {
                fixes_seen += 1;
                let action = actions
                    .as_array()
                    .and_then(|a| a.iter().find(|x| x["title"] == fix.title.as_str()))
                    .cloned()
                    .unwrap_or_default();
                let edits = action["edit"]["changes"][uri.as_str()]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                let got = apply_text_edits(text, &edits, Encoding::Utf16);
                let mut want = text.clone();
                for e in &fix.edits {
                    want.replace_range(
                        usize::from(e.range.start())..usize::from(e.range.end()),
                        &e.new_text,
                    );
                }
                assert_eq!(got, want, "{name}: fix {:?}", fix.title);
            }
        }
    }
    assert!(fixes_seen >= 2, "the samples have fixes to test");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn formatting_folding_and_outline() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let messy = kent().replace(
        "2023-08-24 stage1.response",
        "2023-08-24    stage1.response",
    );
    c.open(KENT_URI, 1, &messy);
    let edits = c
        .result("textDocument/formatting", json!({"textDocument": {"uri": KENT_URI}, "options": {"tabSize": 2, "insertSpaces": true}}))
        .await;
    let edits = edits.as_array().cloned().unwrap_or_default();
    assert_eq!(
        apply_text_edits(&messy, &edits, Encoding::Utf16),
        caseline_syntax::format(&messy)
    );

    // The header (lines 5-10, 1-based) folds.
    let folds = c
        .result(
            "textDocument/foldingRange",
            json!({"textDocument": {"uri": KENT_URI}}),
        )
        .await;
    assert!(
        folds
            .as_array()
            .is_some_and(|a| a.iter().any(|f| f["startLine"] == json!(4))),
        "{folds}"
    );
    // The outline: the case, then one symbol per entry (12 entries), the
    // adjudication holding promise m1.
    let symbols = c
        .result(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": KENT_URI}}),
        )
        .await;
    let symbols = symbols.as_array().cloned().unwrap_or_default();
    assert_eq!(
        symbols.first().map(|s| s["name"].clone()),
        Some(json!("case 24 003 873"))
    );
    assert_eq!(symbols.len(), 1 + 12);
    let adj = symbols
        .iter()
        .find(|s| s["name"] == "2024-02-21 stage2.adjudication")
        .cloned()
        .unwrap_or_default();
    assert_eq!(adj["children"][0]["name"], "promise m1");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_explains_findings_and_allow_comments_silence_them() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = kent();
    c.open(KENT_URI, 1, &text);
    c.diagnostics(KENT_URI, 1).await;
    // Line 21 (1-based) `  promise m1 ...` carries rec-unaddressed; column 4 is
    // on the keyword, so the hover explains the rule.
    let hover = c.result("textDocument/hover", at(20, 4)).await;
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(shown.contains("**rec-unaddressed**"), "{shown}");

    // The header's as-of date (line 10, 1-based): 18 February 2025 was a Tuesday.
    let hover = c.result("textDocument/hover", at(9, 10)).await;
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(shown.contains("Tuesday 18 February 2025"), "{shown}");
    assert_eq!(hover["range"], range((9, 8), (9, 18)));

    // Silence it with a reasoned acknowledgement on the line above.
    let allowed = text.replace(
        "  promise m1",
        "  # caseline: allow rec-unaddressed \"meeting offered by phone\"\n  promise m1",
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": KENT_URI, "version": 2}, "contentChanges": [{"text": allowed}]}),
    );
    let codes: Vec<String> = c
        .diagnostics(KENT_URI, 2)
        .await
        .iter()
        .filter_map(|d| d["code"].as_str().map(str::to_owned))
        .collect();
    assert!(!codes.contains(&"rec-unaddressed".to_owned()), "{codes:?}");
    assert!(!codes.contains(&"ack-unused".to_owned()), "{codes:?}");
    // Hovering the comment explains the rule it names.
    let hover = c.result("textDocument/hover", at(20, 25)).await;
    let shown = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(shown.contains("**rec-unaddressed**"), "{shown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_finding_to_accept_can_be_acknowledged_once_a_reason_is_written() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = kent();
    c.open(KENT_URI, 1, &text);
    // Line 21 (1-based): promise m1, rec-unaddressed.
    let actions = c
        .result("textDocument/codeAction", json!({"textDocument": {"uri": KENT_URI}, "range": range((20, 4), (20, 4)), "context": {"diagnostics": []}}))
        .await;
    let ack = actions
        .as_array()
        .and_then(|a| {
            a.iter().find(|x| {
                x["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Acknowledge rec-unaddressed"))
            })
        })
        .cloned()
        .unwrap_or_default();
    let edits = ack["edit"]["changes"][KENT_URI]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let acknowledged = apply_text_edits(&text, &edits, Encoding::Utf16);
    // The reason is left empty for the user to write.
    assert_eq!(
        acknowledged,
        text.replace(
            "  promise m1",
            "  # caseline: allow rec-unaddressed \"\"\n  promise m1"
        )
    );
    let codes = |text: &str| -> Vec<String> {
        crate::support::expected(text, Encoding::Utf16)
            .into_iter()
            .map(|d| d.code)
            .collect()
    };
    // As inserted, it silences nothing and says so.
    let empty = codes(&acknowledged);
    assert!(empty.iter().any(|c| c == "rec-unaddressed"), "{empty:?}");
    assert!(empty.iter().any(|c| c == "ack-invalid"), "{empty:?}");
    // With a reason, the checker accepts it: silenced, and the comment is used.
    let reasoned = acknowledged.replace(
        "rec-unaddressed \"\"",
        "rec-unaddressed \"meeting offered by phone on 2024-03-01\"",
    );
    let codes = codes(&reasoned);
    assert!(
        !codes
            .iter()
            .any(|c| c == "rec-unaddressed" || c.starts_with("ack-")),
        "{codes:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_published_decision_is_a_link() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let uri = "file:///cases/linked.case";
    c.open(
        uri,
        1,
        "case \"1\"\n  source \"https://www.lgo.org.uk/decisions/x\"\n  related \"24 000 001\"\n",
    );
    let links = c
        .result(
            "textDocument/documentLink",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    let links = links.as_array().cloned().unwrap_or_default();
    // Only the web address is a link; the related case reference is not.
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0]["target"], "https://www.lgo.org.uk/decisions/x");
    assert_eq!(links[0]["range"]["start"]["line"], json!(1));
}
