//! Every sample case, and inputs built to be awkward (open-ended `?` dates,
//! invalid dates, years far apart, no header, definitions only), make a report
//! without panicking, with a text alternative on every bar and a page of sane size.
//! Must not depend on the binary.

mod common;

use common::{cases_dir, groups, report};

fn assert_sane(name: &str, text: &str) {
    let (l, html) = report(text);
    assert!(l.first_day <= l.last_day, "{name}: axis runs backwards");
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"),
        "{name}"
    );
    assert!(
        html.len() < 2_000_000,
        "{name}: page of {} bytes",
        html.len()
    );
    let bars = groups(&html, "bar ");
    assert_eq!(bars.len(), l.bars.len() + l.recs.len(), "{name}");
    for (open, _) in &bars {
        assert!(open.contains("aria-label=\""), "{name}: {open}");
    }
    // Every drawn number is finite (no NaN/inf from a zero-length axis).
    assert!(!html.contains("NaN") && !html.contains("inf\""), "{name}");
}

#[test]
fn every_sample_case_makes_a_report() {
    let mut seen = 0;
    let mut dirs = vec![cases_dir()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("cases dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "case") {
                let text = std::fs::read_to_string(&path).expect("sample text");
                assert_sane(&path.display().to_string(), &text);
                seen += 1;
            }
        }
    }
    assert!(seen >= 6, "only {seen} samples found");
}

#[test]
fn awkward_inputs_make_a_report() {
    let cases = [
        ("empty", ""),
        ("no header", "2024-01-10 note \"x\"\n"),
        (
            "definitions only",
            "calendar mine\n  extends england-and-wales\n",
        ),
        (
            "open question marks",
            "case \"Q\"\n  procedure children-statutory\n\n? stage1.received\n2024-02-01 note\n? stage1.response\n",
        ),
        (
            "invalid dates",
            "case \"I\"\n  procedure children-statutory\n  as-of 2024-05-01\n\n2023-02-29 stage1.received\n2024-13 stage1.response\n",
        ),
        (
            "years far apart",
            "case \"Y\"\n  procedure children-statutory\n\n0001-01-01 stage1.received\n9999-12-31 stage1.response\n",
        ),
        (
            "huge durations",
            "case \"D\"\n  as-of 2024-05-01\n\n2024-01-10 meeting\n  promise p within 4000000000wd \"x\"\n  promise q within 99999y \"y\"\n",
        ),
        (
            "out of order",
            "case \"O\"\n  procedure children-statutory lgsco\n  as-of 2024-05-01\n\n2024-03-01 stage2.adjudication\n2024-01-01 stage2.requested\n",
        ),
    ];
    for (name, text) in cases {
        assert_sane(name, text);
    }
}

/// A long timeline (4,000 promises, runs of `?` entries between their making
/// and their `done`) makes a report, with every `?` bounded and every promise's
/// `done` found. About a second in a debug build, checking included; the bound
/// only catches a step gone badly non-linear.
#[test]
fn a_long_timeline_is_laid_out_quickly() {
    let mut text =
        String::from("case \"LONG\"\n  procedure children-statutory\n  as-of 2030-01-01\n\n");
    for i in 0..4_000 {
        let day = 1 + i % 28;
        text.push_str(&format!(
            "2024-02-{day:02} meeting\n  promise p{i} within 5wd \"call back\"\n? note\n? note\n? note\n2024-03-{day:02} done p{i}\n"
        ));
    }
    let started = std::time::Instant::now();
    let (l, html) = report(&text);
    let took = started.elapsed();
    println!(
        "4,000 promises, 20,000 entries: {took:?}, {} bytes of HTML",
        html.len()
    );
    assert_eq!(l.recs.len(), 4_000);
    // Five entries a promise: the meeting, three `?` notes, the `done`.
    assert_eq!(l.events.len(), 20_000);
    // `?` between a February and a March entry: some day between them.
    assert!(l.events[1].when.earliest.is_some() && l.events[1].when.latest.is_some());
    assert!(l.recs.iter().all(|r| r.closed_at.is_some()));
    assert!(took.as_secs() < 60, "took {took:?}");
}
