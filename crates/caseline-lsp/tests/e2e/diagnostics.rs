//! Diagnostics and inlay hints for the Kent sample (tests/cases/EXPECTED.md).

use caseline_syntax::Encoding;
use serde_json::json;

use crate::harness::{TestClient, range, utf16_caps};
use crate::support::{KENT_URI, expected, from_lsp, kent};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kent_diagnostics_match_the_checker() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = kent();
    c.open(KENT_URI, 1, &text);
    let raw = c.diagnostics(KENT_URI, 1).await;
    let got = from_lsp(&raw);
    assert_eq!(got, expected(&text, Encoding::Utf16));
    // EXPECTED.md: line 20 (1-based) is the adjudication, 40 working days late.
    assert!(
        got.iter()
            .any(|d| d.code == "deadline-missed" && d.start.0 == 19 && d.severity == 1),
        "{got:#?}"
    );
    // The finding points back at the request it was measured from (line 18).
    let missed = raw
        .iter()
        .find(|d| d["code"] == "deadline-missed" && d["range"]["start"]["line"] == json!(19))
        .cloned()
        .unwrap_or_default();
    let related = &missed["relatedInformation"][0]["location"];
    assert_eq!(related["uri"], KENT_URI);
    assert_eq!(related["range"]["start"]["line"], json!(17));
    assert_eq!(missed["source"], "caseline");
    // Line 21: promise m1 never done.
    assert!(
        got.iter()
            .any(|d| d.code == "rec-unaddressed" && d.start.0 == 20)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kent_inlay_hints_show_the_due_date_and_lateness() {
    let (mut c, _) = TestClient::start(utf16_caps(), json!(null)).await;
    let text = kent();
    c.open(KENT_URI, 1, &text);
    let hints = c
        .result(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": KENT_URI}, "range": range((0, 0), (40, 0))}),
        )
        .await;
    let hints = hints.as_array().cloned().unwrap_or_default();
    let on_line = |line: u64| -> String {
        hints
            .iter()
            .filter(|h| h["position"]["line"] == json!(line))
            .map(|h| h["label"].as_str().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    // Line 20 (1-based): adjudicated 105 working days after the request of
    // 2023-09-24; limit 65 with the extension, due 2023-12-22: 40 working days late.
    let adjudication = on_line(19);
    // The lateness comes first, with its unit, so it survives clipping.
    assert_eq!(
        adjudication,
        "40 wd late · 105 wd · limit 65 wd · due 2023-12-22"
    );
    // The hint sits at the end of the line's text.
    let index = caseline_syntax::LineIndex::new(&text);
    let line_end = index.line_col(index.line_range(19).end(), Encoding::Utf16);
    let hint = hints
        .iter()
        .find(|h| h["position"]["line"] == json!(19))
        .cloned()
        .unwrap_or_default();
    assert_eq!(hint["position"]["character"], json!(line_end.col));
    // Line 18: the request; the adjudication is due 25 working days later
    // (2023-10-27) or 65 with an extension (2023-12-22).
    let request = on_line(17);
    assert!(request.contains("adjudication due 2023-10-27"), "{request}");
    assert!(request.contains("2023-12-22 if extended"), "{request}");
}

/// Every sample case, LF and CRLF, UTF-16 and UTF-8: the server publishes
/// exactly what the checker finds on the same text.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_sample_matches_the_checker_in_both_encodings_and_line_endings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/cases");
    let mut samples: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "case"))
                .filter_map(|e| {
                    let text = std::fs::read_to_string(e.path()).ok()?;
                    Some((e.file_name().to_string_lossy().into_owned(), text))
                })
                .collect()
        })
        .unwrap_or_default();
    samples.sort();
    assert!(samples.len() >= 3, "the samples are in tests/cases");
    for (caps, enc) in [
        (crate::harness::utf16_caps(), Encoding::Utf16),
        (crate::harness::utf8_caps(), Encoding::Utf8),
    ] {
        let (mut c, _) = TestClient::start(caps, json!(null)).await;
        for (name, text) in &samples {
            for (variant, text) in [("lf", text.clone()), ("crlf", text.replace('\n', "\r\n"))] {
                let uri = format!("file:///cases/{variant}-{name}");
                c.open(&uri, 1, &text);
                let got = from_lsp(&c.diagnostics(&uri, 1).await);
                assert_eq!(got, expected(&text, enc), "{variant} {name} {enc:?}");
            }
        }
    }
}
