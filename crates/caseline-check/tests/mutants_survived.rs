//! Behaviour that no test checked until `cargo mutants` changed it and the
//! whole workspace's tests still passed (issue 15; docs/mutation-testing.md
//! lists each mutant). Each test states the rule it protects; the expected
//! outcomes are worked out from docs/format.md, not taken from the program.

mod common;

use caseline_check::{Definitions, Diagnostic, Rule, check};

fn run(text: &str, defs: &Definitions) -> (Vec<Diagnostic>, caseline_syntax::Parse) {
    let parse = caseline_syntax::parse(text);
    let a = check(&parse, defs, &common::options());
    (a.diagnostics, parse)
}

/// `require A before C` and `require B before C`: both hold. A case with A and
/// C but no B is missing B (`stage-missing`). The mutant
/// `CaseProcedures::resolve: == -> !=` took the second rule for a duplicate of
/// the first (same later stage) and dropped it.
#[test]
fn two_requires_with_the_same_later_stage_both_hold() {
    let defs_text = "procedure two\n  event x.a \"A\"\n  event x.b \"B\"\n  event x.c \"C\"\n  require x.a before x.c\n  require x.b before x.c\n";
    let defs_parse = caseline_syntax::parse(defs_text);
    let (defs, problems) = Definitions::with_workspace(&[("two.case".to_owned(), &defs_parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    let case =
        "case \"1\"\n  procedure two\n  as-of 2024-06-01\n\n2024-01-02 x.a\n2024-01-05 x.c\n";
    let (diags, parse) = run(case, &defs);
    let missing: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.rule == Rule::StageMissing)
        .collect();
    assert_eq!(missing.len(), 1, "{diags:#?}");
    assert_eq!(parse.line_index().line_of(missing[0].range.start()), 5);
    assert!(missing[0].message.contains("x.b"), "{}", missing[0].message);
    // With B recorded too, nothing is missing.
    let whole = "case \"1\"\n  procedure two\n  as-of 2024-06-01\n\n2024-01-02 x.a\n2024-01-03 x.b\n2024-01-05 x.c\n";
    let (diags, _) = run(whole, &defs);
    assert!(
        !diags.iter().any(|d| d.rule == Rule::StageMissing),
        "{diags:#?}"
    );
}

/// "Record `m1` as done" on a promise whose `done` line goes at the end of a
/// file that ends with a line break: the new line follows directly, with no
/// blank line before it. The mutant `Cx::insert_line_edit: || -> &&` wrote a
/// line break first whenever the text was not empty.
#[test]
fn record_as_done_at_the_end_of_the_file_adds_exactly_one_line() {
    let case = "case \"1\"\n  as-of 2024-06-01\n\n2024-02-21 note \"stage 2 outcome\"\n  promise m1 \"Offer a meeting\"\n";
    let (diags, _) = run(case, &Definitions::builtin());
    let unaddressed = diags
        .iter()
        .find(|d| d.rule == Rule::RecUnaddressed)
        .expect("the promise is open");
    let fix = unaddressed
        .fixes
        .iter()
        .find(|f| f.title.contains("m1"))
        .expect("a fix records it");
    assert_eq!(fix.apply(case), format!("{case}YYYY-MM-DD done m1\n"));
    // The same without a final line break: the line break comes first.
    let bare = case.trim_end_matches('\n');
    let (diags, _) = run(bare, &Definitions::builtin());
    let fix = diags
        .iter()
        .find(|d| d.rule == Rule::RecUnaddressed)
        .and_then(|d| d.fixes.iter().find(|f| f.title.contains("m1")))
        .expect("a fix records it");
    assert_eq!(fix.apply(bare), format!("{bare}\nYYYY-MM-DD done m1\n"));
}
