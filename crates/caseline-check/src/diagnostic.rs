//! What a check reports: severities, diagnostics with related places and fixes,
//! and findings silenced by an acknowledgement comment.
//!
//! Plain data only: no rendering, no positions other than byte ranges, and no
//! wire format (the CLI and the LSP convert these).

use caseline_syntax::TextEdit;
use text_size::TextRange;

use crate::Rule;

/// How serious a finding is. The order is from most to least serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    /// The lowercase name used in `caseline.toml` and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    /// Parses `error`, `warning`, `info` or `hint`.
    pub fn from_name(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    /// Byte range in the checked text.
    pub range: TextRange,
    /// Plain English for investigators, with the numbers.
    pub message: String,
    /// Other places in the same file that explain the finding (the start event
    /// of a deadline, the definition of a recommendation).
    pub related: Vec<Related>,
    /// Edits that would resolve the finding, best first.
    pub fixes: Vec<Fix>,
}

/// A place in the same file that helps to explain a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub range: TextRange,
    pub message: String,
}

/// A suggested change (ruff's `Fix`): its `edits` are relative to the text as
/// it is (not to one another), sorted by position and non-overlapping, so a
/// front end applies them all at once (the editor: one workspace edit with
/// each converted as it is; no copy of the text, no diff). Build one with
/// [`Fix::new`], which sorts them and drops an edit that overlaps an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

impl Fix {
    /// A fix of `edits`, each relative to the unedited text.
    pub fn new(title: impl Into<String>, mut edits: Vec<TextEdit>) -> Fix {
        edits.sort_by_key(|e| (e.range.start(), e.range.end()));
        let mut kept: Vec<TextEdit> = Vec::with_capacity(edits.len());
        for e in edits {
            // Two insertions at one point are fine; anything else that
            // starts before the previous edit ends would be ambiguous.
            let overlaps = kept
                .last()
                .is_some_and(|prev| e.range.start() < prev.range.end());
            if !overlaps {
                kept.push(e);
            }
        }
        Fix {
            title: title.into(),
            edits: kept,
        }
    }

    /// The "did you mean" fix: replace the name at `range` with `suggestion`.
    pub fn replace(range: TextRange, suggestion: &str) -> Fix {
        Fix::new(
            format!("Change to `{suggestion}`"),
            vec![TextEdit {
                range,
                new_text: suggestion.to_string(),
            }],
        )
    }

    /// `text` with the fix applied (its edits are relative to `text`).
    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for e in self.edits.iter().rev() {
            let range = usize::from(e.range.start())..usize::from(e.range.end());
            if out.get(range.clone()).is_some() {
                out.replace_range(range, &e.new_text);
            }
        }
        out
    }
}

/// A finding silenced by `# caseline: allow RULE "reason"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledged {
    pub diagnostic: Diagnostic,
    pub reason: String,
    /// The comment that silenced it.
    pub comment_range: TextRange,
}

#[cfg(test)]
mod fix_tests {
    use super::*;

    fn edit(a: u32, b: u32, s: &str) -> TextEdit {
        TextEdit {
            range: TextRange::new(a.into(), b.into()),
            new_text: s.to_string(),
        }
    }

    #[test]
    fn edits_are_relative_to_the_original_sorted_and_apart() {
        // Given out of order: applied as if each were made to the original.
        let fix = Fix::new("t", vec![edit(6, 11, "there"), edit(0, 5, "Hi")]);
        assert_eq!(fix.edits[0].range.start(), 0.into());
        assert_eq!(fix.apply("hello world"), "Hi there");
        // An edit overlapping an earlier one is dropped, not applied twice over.
        let fix = Fix::new("t", vec![edit(0, 5, "A"), edit(3, 8, "B")]);
        assert_eq!(fix.edits.len(), 1);
        assert_eq!(fix.apply("hello world"), "A world");
        // Two insertions at one point both stay, in the order given.
        let fix = Fix::new("t", vec![edit(5, 5, ","), edit(5, 5, "!")]);
        assert_eq!(fix.apply("hello world"), "hello,! world");
    }
}
