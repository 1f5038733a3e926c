//! Reads the expected-findings tables that people maintain in Markdown
//! (`tests/cases/EXPECTED.md`, `tests/cases/EXPECTED-own.md`, `tests/bad/EXPECTED.md`),
//! so every suite that checks those files compares against the one source of
//! truth instead of a hand-copied list.
//!
//! Included by path (`#[path = ".../tests/support/expected.rs"] mod expected;`) from
//! the test crates that need it, so it depends on nothing but `std`: callers pass
//! their own check that a rule name exists.
//!
//! The format: a `## NAME ...` heading per file (the first word is the file
//! name; `(definitions file)` anywhere in the heading marks a definitions file),
//! then a table whose rows start `| LINE | RULE |`. Other text is prose for
//! people. A level-1 heading (`# ...`) after the first file's section ends the
//! per-file part (tests/bad/EXPECTED.md's "Generated inputs" follow it).

#![allow(dead_code)] // each test crate uses its own subset

use std::collections::BTreeMap;
use std::path::Path;

/// One `## NAME` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Marked `(definitions file)` in its heading.
    pub definitions_file: bool,
    /// (1-based line, rule name), sorted.
    pub findings: Vec<(u32, String)>,
}

/// The sections of the Markdown file at `path`, by file name. Panics (failing
/// the test) if the file cannot be read, or a row names a rule for which
/// `known_rule` says no: a typo in the table must not pass as "expected".
pub fn read(path: &Path, known_rule: impl Fn(&str) -> bool) -> BTreeMap<String, Section> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let sections = parse(&text);
    for (name, section) in &sections {
        for (_, rule) in &section.findings {
            assert!(
                known_rule(rule),
                "{} names an unknown rule `{rule}` for {name}",
                path.display()
            );
        }
    }
    sections
}

/// [`read`]'s parser, on text.
pub fn parse(text: &str) -> BTreeMap<String, Section> {
    let mut out: BTreeMap<String, Section> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("# ") && current.is_some() {
            break;
        }
        if let Some(head) = line.strip_prefix("## ") {
            let name = head.split_whitespace().next().unwrap_or("").to_string();
            out.insert(
                name.clone(),
                Section {
                    definitions_file: head.contains("(definitions file)"),
                    findings: Vec::new(),
                },
            );
            current = Some(name);
            continue;
        }
        let Some(name) = &current else { continue };
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // `| 7 | date-invalid | why |` -> ["", "7", "date-invalid", "why", ""]
        if cells.len() >= 4
            && let Ok(line_no) = cells[1].parse::<u32>()
            && let Some(section) = out.get_mut(name)
        {
            section.findings.push((line_no, cells[2].to_string()));
        }
    }
    for section in out.values_mut() {
        section.findings.sort();
    }
    out
}

/// Every finding of every section as sorted (file, 1-based line, rule).
pub fn flatten(sections: &BTreeMap<String, Section>) -> Vec<(String, u32, String)> {
    let mut out: Vec<(String, u32, String)> = sections
        .iter()
        .flat_map(|(file, s)| {
            s.findings
                .iter()
                .map(move |(line, rule)| (file.clone(), *line, rule.clone()))
        })
        .collect();
    out.sort();
    out
}
