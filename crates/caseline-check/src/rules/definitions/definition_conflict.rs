use std::collections::HashMap;

use caseline_syntax::TextRange;

use crate::diagnostic::{Diagnostic, Related};

declare_rule! {
    /// ## What it checks
    /// Two definitions of the same procedure or calendar name in one workspace, including a user definition that reuses a built-in name.
    /// Found when the workspace's definitions are loaded (`Definitions::with_workspace`); the first definition wins and the later one is reported.
    ///
    /// ## Why it matters
    /// Cases name procedures by name.
    /// If two definitions shared one, which rules a case was checked against would depend on file order, and a user file could silently weaken a statutory procedure.
    ///
    /// ## Example
    /// ```caseline
    /// procedure lgsco
    ///   event ombudsman.received "complaint to the Ombudsman"
    /// ```
    ///
    /// ## How to fix
    /// Rename your definition (e.g. `worcestershire-corporate`).
    /// To build on a built-in, `use` it inside a procedure of your own.
    ///
    /// ## References
    /// docs/format.md#procedures and docs/format.md#checks.
    pub(crate) static DEFINITION_CONFLICT = crate::rules::STABLE_0_1;
}

/// The message and notes for a second definition of `name` (`what`:
/// "procedure" or "calendar"), given where names were first seen: (file
/// index, name range) by name. Not seen: the name is a built-in.
pub(crate) fn message(
    what: &str,
    name: &str,
    file: usize,
    seen: &HashMap<String, (usize, TextRange)>,
) -> (String, Vec<Related>) {
    match seen.get(name) {
        Some((j, range)) if *j == file => (
            format!("{what} `{name}` is already defined in this file"),
            vec![Related {
                range: *range,
                message: "first defined here".into(),
            }],
        ),
        Some(_) => (
            format!(
                "{what} `{name}` is already defined in another definitions file of this workspace"
            ),
            Vec::new(),
        ),
        None => (
            format!(
                "{what} `{name}` is built into caseline and cannot be redefined; give yours another name"
            ),
            Vec::new(),
        ),
    }
}

/// `definition-conflict` on the name of a definition that was not used
/// because `name` was already taken.
pub(crate) fn conflict(
    what: &str,
    name: &str,
    range: TextRange,
    file: usize,
    seen: &HashMap<String, (usize, TextRange)>,
) -> Diagnostic {
    let (message, related) = message(what, name, file, seen);
    super::diag(crate::Rule::DefinitionConflict, range, message, related)
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DefinitionConflict);
    }
}
