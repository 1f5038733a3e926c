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

/// Loads `text` as the workspace's one definitions file.
fn defs_from(text: &str) -> Definitions {
    let parse = caseline_syntax::parse(text);
    let (defs, problems) = Definitions::with_workspace(&[("defs.case".to_owned(), &parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    defs
}

/// A workspace problem (a definitions conflict found across files) is added
/// to the file's findings once: not at all when the file's own check already
/// reported the same finding (same rule, place and message), and always when it
/// differs from each of them in any one of the three. The mutants of
/// `check_with` (`delete !`, `==` -> `!=`, `&&` -> `||`) dropped a problem that
/// only shared its rule or its message with another finding, or repeated one.
#[test]
fn workspace_problems_are_added_once_and_never_lost() {
    let case = "case \"1\"\n  procedure lgsco\n  as-of 2024-06-01\n\n2024-01-02 lgsco.received\n";
    let parse = caseline_syntax::parse(case);
    let defs = Definitions::builtin();
    let own = check(&parse, &defs, &common::options()).diagnostics;
    let first = own
        .first()
        .expect("the case has a finding of its own")
        .clone();
    let elsewhere = caseline_syntax::TextRange::new(0.into(), 4.into());
    assert!(own.iter().all(|d| d.range != elsewhere), "{own:#?}");
    let mut same_rule = first.clone();
    same_rule.range = elsewhere;
    same_rule.message = "same rule, another place and message".to_owned();
    let mut same_message = first.clone();
    same_message.rule = Rule::DefinitionConflict;
    same_message.range = elsewhere;
    let mut same_place = first.clone();
    same_place.rule = Rule::DefinitionConflict;
    same_place.message = "same place, another rule and message".to_owned();
    let problems = vec![
        first.clone(),
        same_rule.clone(),
        same_message.clone(),
        same_place.clone(),
    ];
    let got = caseline_check::check_with(&parse, &defs, &common::options(), &problems).diagnostics;
    let count = |p: &Diagnostic| {
        got.iter()
            .filter(|d| d.rule == p.rule && d.range == p.range && d.message == p.message)
            .count()
    };
    assert_eq!(
        count(&first),
        1,
        "the file's own finding, not repeated: {got:#?}"
    );
    assert_eq!(count(&same_rule), 1, "{got:#?}");
    assert_eq!(count(&same_message), 1, "{got:#?}");
    assert_eq!(count(&same_place), 1, "{got:#?}");
    assert_eq!(got.len(), own.len() + 3, "{got:#?}");
}

/// A case naming a procedure and another that `use`s it reaches the first's
/// deadline twice, from the same declaring procedure: it is judged once, so a
/// late response is one `deadline-missed`, not two. The mutant
/// `CaseProcedures::resolve: == -> !=` (on the declaring procedure) kept both.
#[test]
fn a_deadline_reached_through_use_is_judged_once() {
    let defs = defs_from(
        "procedure base\n  event x.a \"A\"\n  event x.b \"B\"\n  deadline x.b within 10wd of x.a\n\nprocedure ext\n  use base\n  event y.c \"C\"\n",
    );
    // 2024-01-02 + 10 working days = 2024-01-16; 2024-03-01 is late.
    let case =
        "case \"1\"\n  procedure base ext\n  as-of 2024-06-01\n\n2024-01-02 x.a\n2024-03-01 x.b\n";
    let (diags, parse) = run(case, &defs);
    let missed: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.rule == Rule::DeadlineMissed)
        .collect();
    assert_eq!(missed.len(), 1, "{diags:#?}");
    assert_eq!(parse.line_index().line_of(missed[0].range.start()), 5);
    assert!(
        missed[0].message.contains("due 2024-01-16"),
        "{}",
        missed[0].message
    );
}

/// `require A before B` and `require A before C`: both hold. A case with A, B
/// and C recorded in the order C, A, B has C out of order. The mutant
/// `CaseProcedures::resolve: == -> !=` (on the later stage) took the second
/// rule, which shares only its earlier stage, for a repeat and dropped it.
#[test]
fn two_requires_with_the_same_earlier_stage_both_hold() {
    let defs = defs_from(
        "procedure two\n  event x.a \"A\"\n  event x.b \"B\"\n  event x.c \"C\"\n  require x.a before x.b\n  require x.a before x.c\n",
    );
    let case =
        "case \"1\"\n  procedure two\n  as-of 2024-06-01\n\n2024-01-05 x.b\n2024-01-06 x.c\n";
    let (diags, parse) = run(case, &defs);
    let lines: Vec<u32> = diags
        .iter()
        .filter(|d| d.rule == Rule::StageMissing)
        .map(|d| parse.line_index().line_of(d.range.start()))
        .collect();
    // x.a is missing before x.b (line 4) and before x.c (line 5).
    assert_eq!(lines, [4, 5], "{diags:#?}");
}
