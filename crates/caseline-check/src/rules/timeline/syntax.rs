use caseline_syntax::SyntaxErrorKind;

use crate::analysis::Cx;
use crate::{Fix, Rule};

declare_rule! {
    /// ## What it checks
    /// A line the parser could not make sense of: a block line that is not a date followed by an event kind, an unterminated string, a child line that no block can own.
    ///
    /// The everyday slips are named, with what to write instead: curly quotes pasted from Word (`“Not upheld”`), a non-breaking or invisible space, a date written `04/03/2024`, `2024/03/04`, `2024-3-4` or `4 March 2024`, a range written with a dash or `to` (`2024-05-01–2024-05-10`), a time after the date, capitals in an event kind (`Stage1.Received`), a description or reason without quotes, a duration written in words (`10 working days`), a placeholder date (`YYYY-MM-DD`) still to fill in, and stray punctuation. A line read otherwise than meant (`2024-05-01 to 2024-05-10 note`, an event `to`; `title: …`) is reported too.
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
    /// Follow the message: it says what was found and what to write instead, usually a missing quote, a missing event kind after the date, or a child line that should be indented.
    /// Where the right text is known, the editor offers it as a quick fix; it is offered only when the mended line reads cleanly, and never writes a date you did not give (a date such as `04/03/2024` is read day first, as in the UK, and the message says so).
    ///
    /// ## References
    /// docs/format.md#tokens (lexical rules) and docs/format.md#blocks.
    pub(crate) static SYNTAX = crate::rules::STABLE_0_1;
}

/// Turns the parser's syntax errors into diagnostics, with the fix of a
/// known slip (curly quotes, `04/03/2024`, ...), and adds the slips the
/// parser reads without an error but not as meant (`2024-05-01 to
/// 2024-05-10 note`, read as a free event `to`).
pub(crate) fn check(cx: &mut Cx) {
    let quiet = caseline_syntax::quiet_slips(cx.parse);
    for e in cx.parse.errors().iter().chain(&quiet) {
        if matches!(e.kind, SyntaxErrorKind::Syntax) {
            report_with_fix(cx, Rule::Syntax, e);
        }
    }
}

/// Reports one error as a diagnostic of `rule`, with its fix.
pub(crate) fn report_with_fix(cx: &mut Cx, rule: Rule, e: &caseline_syntax::SyntaxError) {
    let d = cx.report(rule, e.range, e.message.clone());
    if let Some(fix) = &e.fix {
        d.fixes.push(Fix::new(fix.title.clone(), fix.edits.clone()));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::Syntax);
    }
}
