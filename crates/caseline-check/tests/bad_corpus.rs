//! The committed bad-input corpus (`tests/bad/*.case`) against the expected
//! findings written in `tests/bad/EXPECTED.md`: for each file, exactly the
//! listed (line, rule) pairs, well-formed diagnostics, no panic, bounded time.
//!
//! The expectations live in the Markdown table (one source of truth that people
//! read), so this test parses it. Must not depend on LSP or terminal code.

mod common;

use caseline_check::{Definitions, check};
use caseline_syntax::parse;
use common::{assert_well_formed, expected, findings, options, within_limit, workspace_root};

fn corpus_files() -> Vec<String> {
    let dir = workspace_root().join("tests/bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/bad exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".case"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_corpus_file_has_expectations_and_the_other_way_round() {
    let files = corpus_files();
    let expected = expected();
    let listed: Vec<&String> = expected.keys().collect();
    let on_disk: Vec<&String> = files.iter().collect();
    assert_eq!(
        listed, on_disk,
        "tests/bad/EXPECTED.md sections and tests/bad/*.case files differ"
    );
    // The table parser must actually have found rows: several files expect findings.
    let with_rows = expected.values().filter(|e| !e.findings.is_empty()).count();
    assert!(with_rows >= 8, "only {with_rows} sections had table rows");
}

#[test]
fn each_corpus_file_gives_exactly_its_expected_findings() {
    let expected = expected();
    let mut failures = Vec::new();
    for (name, want) in &expected {
        let bytes = std::fs::read(workspace_root().join("tests/bad").join(name))
            .unwrap_or_else(|e| panic!("reading tests/bad/{name}: {e}"));
        // The libraries take text; bytes that are not UTF-8 are decoded the way
        // an editor shows them (U+FFFD). The CLI refuses them: see tests/cli/bad_inputs.rs.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let got = within_limit(name, || {
            let p = parse(&text);
            let mut diagnostics = Vec::new();
            let defs = if want.definitions_file {
                let (defs, problems) = Definitions::with_workspace(&[(name.clone(), &p)]);
                assert!(
                    problems.iter().all(|(i, _)| *i == 0),
                    "{name}: a problem was attributed to a file that was not given"
                );
                diagnostics.extend(problems.into_iter().map(|(_, d)| d));
                defs
            } else {
                Definitions::builtin()
            };
            let analysis = check(&p, &defs, &options());
            diagnostics.extend(analysis.diagnostics);
            assert_well_formed(name, &p, &diagnostics);
            findings(&p, &diagnostics)
        });
        if got != want.findings {
            failures.push(format!(
                "{name}:\n  expected {:?}\n  got      {:?}",
                want.findings, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn syntax_errors_in_the_corpus_say_what_is_wrong_in_plain_words() {
    // The rule and line are asserted above; here, that the words help a person:
    // an unterminated string says so, and an invalid date names the day.
    let text =
        std::fs::read_to_string(workspace_root().join("tests/bad/unterminated-strings.case"))
            .expect("readable");
    let p = parse(&text);
    assert!(!p.errors().is_empty());
    for e in p.errors() {
        assert!(
            e.message.contains("closing quote"),
            "unterminated string reported as {:?}",
            e.message
        );
    }
    let text = std::fs::read_to_string(workspace_root().join("tests/bad/invalid-dates.case"))
        .expect("readable");
    let p = parse(&text);
    let first = p.errors().first().expect("2023-02-29 is an error");
    assert!(
        first.message.contains("2023-02-29"),
        "the message for 2023-02-29 does not name it: {:?}",
        first.message
    );
}
