use caseline_syntax::SyntaxErrorKind;

use crate::Rule;
use crate::analysis::Cx;

declare_rule! {
    /// ## What it checks
    /// A date that names no real day: `2023-02-29`, `2024-13`, `2024-04-31`.
    ///
    /// ## Why it matters
    /// The entry is treated as undated (like `?`), so deadlines that start or end there are counted from its neighbours instead of from the date you meant.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2023-02-29 note "there was no 29 February in 2023"
    /// ```
    ///
    /// ## How to fix
    /// Correct the date.
    /// If the day is not known, write the month (`2023-02`) or `?`.
    ///
    /// ## References
    /// docs/format.md#dates.
    pub(crate) static DATE_INVALID = crate::rules::STABLE_0_1;
}

/// Turns the parser's invalid-date errors into diagnostics.
pub(crate) fn check(cx: &mut Cx) {
    for e in cx.parse.errors() {
        if matches!(e.kind, SyntaxErrorKind::DateInvalid) {
            super::syntax::report_with_fix(cx, Rule::DateInvalid, e);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DateInvalid);
    }
}
