use caseline_syntax::SyntaxErrorKind;

use crate::Rule;
use crate::analysis::Cx;

declare_rule! {
    /// ## What it checks
    /// A line the parser could not make sense of: a block line that is not a date followed by an event kind, an unterminated string, a child line that no block can own.
    ///
    /// ## Why it matters
    /// A line that cannot be read is left out of every other check, so a deadline or a recommendation on it would silently go unchecked.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 note "an unterminated string
    /// ```
    ///
    /// ## How to fix
    /// Follow the message: usually a missing quote, a missing event kind after the date, or a child line that should be indented.
    ///
    /// ## References
    /// FORMAT.md §1 (lexical rules) and §4 (blocks).
    pub(crate) static SYNTAX = crate::rules::STABLE_0_1;
}

/// Turns the parser's syntax errors into diagnostics.
pub(crate) fn check(cx: &mut Cx) {
    for e in cx.parse.errors() {
        if matches!(e.kind, SyntaxErrorKind::Syntax) {
            cx.report(Rule::Syntax, e.range, e.message.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::Syntax);
    }
}
