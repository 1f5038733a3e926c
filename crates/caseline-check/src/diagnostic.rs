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

/// A suggested change: all `edits` apply together, in order, each relative to
/// the text after the previous ones (the same convention as `Parse::reparse`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
}

impl Fix {
    /// The "did you mean" fix: replace the name at `range` with `suggestion`.
    pub fn replace(range: TextRange, suggestion: &str) -> Fix {
        Fix {
            title: format!("Change to `{suggestion}`"),
            edits: vec![TextEdit {
                range,
                new_text: suggestion.to_string(),
            }],
        }
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
