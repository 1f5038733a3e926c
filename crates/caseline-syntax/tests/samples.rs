//! The typed model of the three sample cases in `tests/cases/`: every line
//! parses, and the values read back are the ones written in the files.

use caseline_syntax::ast::{DateSpec, Due, DurationLit, DurationUnit, EntryChild, RecKind};
use caseline_syntax::{TextRange, parse};
use chrono::NaiveDate;

fn sample(name: &str) -> String {
    let path = format!("{}/../../tests/cases/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn slice(text: &str, r: TextRange) -> &str {
    &text[r]
}

#[test]
fn kent_reads_back() {
    let text = sample("kent-24-003-873.case");
    let p = parse(&text);
    assert_eq!(p.errors(), &[]);
    let doc = p.document();
    let h = doc.header.as_ref().expect("has a header");
    assert_eq!(h.reference.as_ref().unwrap().value, "24 003 873");
    assert_eq!(
        slice(&text, h.reference.as_ref().unwrap().range),
        "\"24 003 873\""
    );
    assert_eq!(
        h.title.as_ref().unwrap().value,
        "Eligibility assessment for J; stage 2 delay"
    );
    assert_eq!(h.body.as_ref().unwrap().value, "Kent County Council");
    assert_eq!(h.complainant.as_ref().unwrap().value, "Mr X");
    let procs: Vec<&str> = h
        .procedures
        .as_ref()
        .unwrap()
        .iter()
        .map(|s| s.value.as_str())
        .collect();
    assert_eq!(procs, ["children-statutory", "lgsco"]);
    assert_eq!(h.calendar, None);
    assert_eq!(
        h.as_of.as_ref().unwrap().value,
        DateSpec::Day(day(2025, 2, 18))
    );
    assert!(h.other_fields.is_empty());
    assert_eq!(slice(&text, h.head_range), "case \"24 003 873\"");

    assert_eq!(doc.entries.len(), 12);
    let first = &doc.entries[0];
    assert_eq!(
        first.date.as_ref().unwrap().value,
        DateSpec::Span {
            first: day(2023, 7, 1),
            last: day(2023, 7, 31)
        }
    );
    assert_eq!(first.kind.as_ref().unwrap().value, "assessment.completed");

    let registered = &doc.entries[1];
    assert_eq!(
        registered.date.as_ref().unwrap().value,
        DateSpec::Day(day(2023, 6, 27))
    );
    assert_eq!(
        registered.text.as_ref().unwrap().value,
        "Complaint registered"
    );
    let prose: Vec<&str> = registered
        .children
        .iter()
        .filter_map(|c| match c {
            EntryChild::Prose(s) => Some(s.value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        prose,
        [
            "The decision says the response came \"20 working days later\"; that only holds",
            "if the complaint was registered on 27 July, not 27 June."
        ]
    );
    // The entry's range runs to the end of its last prose line, without the newline.
    assert!(slice(&text, registered.range).ends_with("not 27 June."));
    assert_eq!(
        slice(&text, registered.head_range),
        "2023-06-27 stage1.received \"Complaint registered\""
    );

    let adjudication = &doc.entries[6];
    assert_eq!(
        adjudication.kind.as_ref().unwrap().value,
        "stage2.adjudication"
    );
    assert_eq!(
        adjudication.text.as_ref().unwrap().value,
        "Accepted the delay at stage 2; offered a meeting and £150"
    );
    match adjudication.children.as_slice() {
        [EntryChild::Rec(r)] => {
            assert_eq!(r.kind, RecKind::Promise);
            assert_eq!(r.id.value, "m1");
            assert_eq!(slice(&text, r.keyword_range), "promise");
            assert_eq!(r.due, None);
            assert_eq!(
                r.text.as_ref().unwrap().value,
                "Offer Mr X a meeting to discuss the complaint"
            );
        }
        other => panic!("{other:?}"),
    }

    let unknown = &doc.entries[10];
    assert_eq!(unknown.date.as_ref().unwrap().value, DateSpec::Unknown);
    assert_eq!(unknown.kind.as_ref().unwrap().value, "ombudsman.received");

    let decision = &doc.entries[11];
    match decision.children.as_slice() {
        [EntryChild::Rec(r)] => {
            assert_eq!(r.kind, RecKind::Rec);
            assert_eq!(r.id.value, "o1");
            match &r.due {
                Some(Due::Within(d)) => {
                    assert_eq!(
                        d.value,
                        DurationLit {
                            amount: 4,
                            unit: DurationUnit::Weeks
                        }
                    );
                    assert_eq!(slice(&text, d.range), "4w");
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(doc.comments.len(), 3);
    assert_eq!(doc.comments[2].text, " 18 Feb 2025.");
    assert_eq!(slice(&text, doc.comments[2].range), "# 18 Feb 2025.");
}

#[test]
fn worcestershire_24_017_518_reads_back() {
    let text = sample("worcestershire-24-017-518.case");
    let p = parse(&text);
    assert_eq!(p.errors(), &[]);
    let doc = p.document();
    let h = doc.header.as_ref().unwrap();
    assert_eq!(h.calendar.as_ref().unwrap().value, "england-and-wales");
    assert_eq!(
        h.as_of.as_ref().unwrap().value,
        DateSpec::Day(day(2025, 8, 10))
    );
    assert_eq!(doc.entries.len(), 19);

    let stage1 = &doc.entries[1];
    assert_eq!(
        stage1.date.as_ref().unwrap().value,
        DateSpec::Span {
            first: day(2024, 4, 1),
            last: day(2024, 5, 31)
        }
    );
    let report = &doc.entries[5];
    let recs: Vec<&str> = report
        .children
        .iter()
        .filter_map(|c| match c {
            EntryChild::Rec(r) => Some(r.id.value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(recs, ["a", "b", "c", "d", "e"]);
    match doc.entries[6].children.as_slice() {
        [EntryChild::Agree(a)] => {
            let ids: Vec<&str> = a.ids.iter().map(|s| s.value.as_str()).collect();
            assert_eq!(ids, ["a", "b", "c", "d", "e"]);
            assert!(matches!(
                &a.due,
                Some(Due::Within(d)) if d.value == DurationLit { amount: 10, unit: DurationUnit::WorkingDays }
            ));
            assert_eq!(slice(&text, a.range), "agree a b c d e within 10wd");
        }
        other => panic!("{other:?}"),
    }
    let requested = &doc.entries[7];
    assert_eq!(
        requested.date.as_ref().unwrap().value,
        DateSpec::Span {
            first: day(2024, 11, 6),
            last: day(2024, 12, 8)
        }
    );
    let declined = &doc.entries[14];
    assert_eq!(declined.kind.as_ref().unwrap().value, "declined");
    let ids: Vec<&str> = declined.ids.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(ids, ["b", "c"]);
    assert_eq!(
        declined.date.as_ref().unwrap().value,
        DateSpec::Span {
            first: day(2025, 1, 11),
            last: day(2025, 1, 20)
        }
    );
    let decision = &doc.entries[18];
    assert_eq!(decision.children.len(), 3);
}

#[test]
fn worcestershire_25_006_373_reads_back() {
    let text = sample("worcestershire-25-006-373.case");
    let p = parse(&text);
    assert_eq!(p.errors(), &[]);
    let doc = p.document();
    assert_eq!(doc.entries.len(), 13);
    assert_eq!(
        doc.entries[6].date.as_ref().unwrap().value,
        DateSpec::Unknown
    );
    match doc.entries[7].children.as_slice() {
        [EntryChild::Agree(a)] => {
            assert_eq!(a.ids.len(), 5);
            assert_eq!(a.due, None);
        }
        other => panic!("{other:?}"),
    }
    let done = &doc.entries[11];
    let ids: Vec<&str> = done.ids.iter().map(|s| s.value.as_str()).collect();
    assert_eq!(ids, ["a", "c", "d", "e", "f", "g"]);
    assert!(!doc.is_definitions_file());
}

#[test]
fn samples_with_crlf_give_the_same_model_shape() {
    for name in [
        "kent-24-003-873.case",
        "worcestershire-24-017-518.case",
        "worcestershire-25-006-373.case",
    ] {
        let lf = sample(name);
        let crlf = lf.replace('\n', "\r\n");
        let a = parse(&lf);
        let b = parse(&crlf);
        assert_eq!(b.errors(), &[], "{name}");
        assert_eq!(a.document().entries.len(), b.document().entries.len());
        for (x, y) in a.document().entries.iter().zip(&b.document().entries) {
            assert_eq!(
                x.date.as_ref().map(|d| d.value),
                y.date.as_ref().map(|d| d.value)
            );
            assert_eq!(
                x.kind.as_ref().map(|k| &k.value),
                y.kind.as_ref().map(|k| &k.value)
            );
            assert_eq!(x.children.len(), y.children.len());
            // Ranges never include the `\r`.
            assert!(!crlf[y.head_range].ends_with('\r'));
            assert!(!crlf[y.range].ends_with('\r'));
        }
    }
}

/// Every `.case` file under `tests/cases/` (samples and definitions).
fn all_sample_files() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("readable dir") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "case") {
                let text = std::fs::read_to_string(&path).expect("utf-8 sample");
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases"),
        &mut out,
    );
    out.sort();
    out
}

#[test]
fn every_sample_file_parses_without_errors_and_formats_stably() {
    let files = all_sample_files();
    assert!(files.len() >= 3);
    for (path, text) in files {
        let p = parse(&text);
        assert_eq!(p.errors(), &[], "{path}");
        let formatted = caseline_syntax::format(&text);
        assert_eq!(caseline_syntax::format(&formatted), formatted, "{path}");
        assert_eq!(parse(&formatted).errors(), &[], "{path}");
    }
}
