//! Rules about procedure and calendar definitions. `procedure-unknown` is also
//! checked in case headers; the others are found while `Definitions::with_workspace`
//! merges the workspace's definitions files (`definitions/merge.rs`), which calls
//! each rule's detection and phrasing here and says which file it is in.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod definition_conflict;
pub mod definition_in_case;
pub mod procedure_unknown;
pub mod require_cycle;

use caseline_syntax::TextRange;

use crate::Rule;
use crate::diagnostic::{Diagnostic, Fix, Related};
use crate::suggest::did_you_mean;

pub(crate) fn diag(
    rule: Rule,
    range: TextRange,
    message: String,
    related: Vec<Related>,
) -> Diagnostic {
    Diagnostic {
        rule,
        severity: rule.default_severity(),
        range,
        message,
        related,
        fixes: Vec::new(),
    }
}

/// `procedure-unknown` / `calendar-unknown` with a "did you mean" and its fix.
pub(crate) fn unknown_name(
    rule: Rule,
    what: &str,
    name: &str,
    range: TextRange,
    known: &[String],
) -> Diagnostic {
    let suggestion = did_you_mean(name, known.iter().map(String::as_str));
    let mut message = format!("there is no {what} called `{name}`");
    let mut fixes = Vec::new();
    if let Some(s) = suggestion {
        message.push_str(&format!(": did you mean `{s}`?"));
        fixes.push(Fix::replace(range, s));
    } else {
        let mut list: Vec<&str> = known.iter().map(String::as_str).collect();
        list.sort_unstable();
        message.push_str(&format!(" (known: {})", list.join(", ")));
    }
    Diagnostic {
        rule,
        severity: rule.default_severity(),
        range,
        message,
        related: Vec::new(),
        fixes,
    }
}
