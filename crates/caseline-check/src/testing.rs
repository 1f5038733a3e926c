//! Test support: the one `check_rule` helper over the fixture files in
//! `test_data/<rule_name>/*.case`, and a runner that checks any text the way the
//! CLI would (a definitions file's own definitions are loaded as the workspace).
//!
//! Fixture expectations are comments: `# expect: rule-a, rule-b` at the end of a
//! line means those findings are on that line; alone on a line it means the next
//! line that is not itself an `# expect:` line. Every finding in the file must be
//! expected, and nothing else may be reported. A rule may be followed by quoted
//! phrases its message must contain, worked out by hand:
//! `# expect: deadline-missed "42 working days" "22 working days late"`.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::{Analysis, CheckOptions, Config, Definitions, Diagnostic, Rule, check};

/// The fixed "today" of every test (files pin their own `as-of`).
pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1).expect("valid date")
}

/// Checks `text` as a lone file in a workspace: returns the definitions
/// problems of the file itself followed by the case analysis.
pub(crate) fn run(text: &str) -> (Vec<Diagnostic>, Analysis, caseline_syntax::Parse) {
    let parse = caseline_syntax::parse(text);
    let doc = parse.document();
    // As in a real workspace, only a definitions file's blocks are read.
    let (defs, problems) =
        if !doc.is_definitions_file() || (doc.procedures.is_empty() && doc.calendars.is_empty()) {
            (Definitions::builtin(), Vec::new())
        } else {
            Definitions::with_workspace(&[("fixture.case".to_string(), &parse)])
        };
    let opts = CheckOptions {
        today: today(),
        as_of_override: None,
        config: Config::default(),
    };
    let analysis = check(&parse, &defs, &opts);
    let mut all: Vec<Diagnostic> = problems.into_iter().map(|(_, d)| d).collect();
    all.extend(analysis.diagnostics.iter().cloned());
    (all, analysis, parse)
}

/// (0-based line, rule) of every finding.
pub(crate) fn found(text: &str) -> BTreeSet<(u32, Rule)> {
    let (all, _, parse) = run(text);
    all.iter()
        .map(|d| (parse.line_index().line_of(d.range.start()), d.rule))
        .collect()
}

/// The `# expect:` comments of a fixture as (0-based line, rule).
pub(crate) fn expected(text: &str) -> BTreeSet<(u32, Rule)> {
    expectations(text)
        .into_iter()
        .map(|(l, r, _)| (l, r))
        .collect()
}

/// The `# expect:` comments with the phrases each message must contain.
pub(crate) fn expectations(text: &str) -> Vec<(u32, Rule, Vec<String>)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(pos) = line.find("# expect:") else {
            continue;
        };
        let items = &line[pos + "# expect:".len()..];
        let alone = line[..pos].trim().is_empty();
        let target = if alone {
            (i + 1..lines.len())
                .find(|&j| !lines[j].trim_start().starts_with("# expect:"))
                .unwrap_or(i)
        } else {
            i
        };
        // Items are separated by commas outside quotes.
        let mut parts = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        for c in items.chars() {
            match c {
                '"' => {
                    quoted = !quoted;
                    cur.push(c);
                }
                ',' if !quoted => parts.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        parts.push(cur);
        for part in parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            let (name, rest) = part.split_once(' ').unwrap_or((part, ""));
            let rule = Rule::from_name(name)
                .unwrap_or_else(|| panic!("fixture names an unknown rule `{name}`"));
            let phrases: Vec<String> = rest
                .split('"')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            out.push((target as u32, rule, phrases));
        }
    }
    out
}

/// Runs every fixture of `rule` and compares findings with expectations.
pub(crate) fn check_rule(rule: Rule) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(rule.name().replace('-', "_"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "fixture directory {} for `{}`: {e}",
                dir.display(),
                rule.name()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "case"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    let mut fires = false;
    for f in &files {
        let text = std::fs::read_to_string(f).expect("fixture is readable UTF-8");
        let want = expected(&text);
        let got = found(&text);
        fires |= want.iter().any(|(_, r)| *r == rule);
        if want == got {
            let (all, _, parse) = run(&text);
            for (line, rule, phrases) in expectations(&text) {
                let ok = all.iter().any(|d| {
                    d.rule == rule
                        && parse.line_index().line_of(d.range.start()) == line
                        && phrases.iter().all(|p| d.message.contains(p.as_str()))
                });
                let messages: Vec<&str> = all
                    .iter()
                    .filter(|d| d.rule == rule)
                    .map(|d| d.message.as_str())
                    .collect();
                assert!(
                    ok,
                    "{}:{}: no `{}` message contains all of {phrases:?}; messages: {messages:#?}",
                    f.display(),
                    line + 1,
                    rule.name()
                );
            }
        }
        if want != got {
            let (all, _, parse) = run(&text);
            let detail: Vec<String> = all
                .iter()
                .map(|d| {
                    format!(
                        "  line {}: {} — {}",
                        parse.line_index().line_of(d.range.start()) + 1,
                        d.rule.name(),
                        d.message
                    )
                })
                .collect();
            panic!(
                "{}: expected (1-based) {:?}\nbut found:\n{}",
                f.display(),
                want.iter()
                    .map(|(l, r)| (l + 1, r.name()))
                    .collect::<Vec<_>>(),
                detail.join("\n")
            );
        }
    }
    assert!(
        fires,
        "no fixture of `{}` expects the rule to fire",
        rule.name()
    );
    for f in &files {
        let text = std::fs::read_to_string(f).expect("fixture is readable UTF-8");
        check_fixes_resolve(&text, &f.display().to_string());
    }
}

/// Applies edits in order, each relative to the text after the previous ones.
pub(crate) fn apply(text: &str, edits: &[caseline_syntax::TextEdit]) -> String {
    // The edits are relative to `text`, sorted and non-overlapping
    // (`Fix::new`), checked here for every fix of every fixture.
    for pair in edits.windows(2) {
        assert!(
            pair[0].range.end() <= pair[1].range.start(),
            "a fix's edits overlap or are out of order: {edits:?}"
        );
    }
    crate::Fix::new("", edits.to_vec()).apply(text)
}

/// Every fix must remove (at least) the finding it was offered for, unless
/// it writes a placeholder for the user to complete (`YYYY-MM-DD done a`):
/// then the finding stays and the placeholder is itself reported, so a fix
/// never leaves the file with fewer findings and nothing new.
fn check_fixes_resolve(text: &str, name: &str) {
    let (all, _, _) = run(text);
    let syntax_before = all.iter().filter(|x| x.rule == Rule::Syntax).count();
    for d in &all {
        for fix in &d.fixes {
            let before = all.iter().filter(|x| x.rule == d.rule).count();
            let fixed = apply(text, &fix.edits);
            let (after_all, _, _) = run(&fixed);
            let after = after_all.iter().filter(|x| x.rule == d.rule).count();
            let placeholder = after >= before
                && after_all.iter().filter(|x| x.rule == Rule::Syntax).count() > syntax_before;
            assert!(
                after < before || placeholder,
                "{name}: fix {:?} for `{}` did not remove it; text after the fix:\n{fixed}",
                fix.title,
                d.rule.name()
            );
        }
    }
}

/// The ```caseline block under `## Example` in a rule's explanation.
pub(crate) fn example(rule: Rule) -> Option<String> {
    let doc = rule.explanation();
    let after = doc.split("## Example").nth(1)?;
    let start = after.find("```caseline")? + "```caseline".len();
    let body = &after[start..];
    let end = body.find("```")?;
    Some(body[..end].trim_start_matches('\n').to_string())
}
