use caseline_syntax::{TextEdit, TextRange, TextSize};

use crate::Rule;
use crate::analysis::{Cx, fix};

declare_rule! {
    /// ## What it checks
    /// A file with dated entries but no `case` header.
    /// Without a header caseline does not know the procedure, the calendar or the as-of date, so it checks no deadline in the file.
    ///
    /// ## Why it matters
    /// A timeline saved without its header would otherwise pass with nothing checked; in a caseload it would also be left out of the summary.
    ///
    /// ## Example
    /// ```caseline
    /// 2024-01-02 stage1.received
    /// 2024-04-10 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Add the header at the top of the file: `case "REFERENCE"` and, indented under it, the `procedure` (and usually `as-of`). The quick fix inserts `case "REFERENCE"` for you to fill in.
    ///
    /// ## References
    /// docs/format.md#the-case-header (the case header; a file without one may hold only procedures and calendars).
    pub(crate) static CASE_MISSING = crate::rules::Status::Preview { since: "0.2.0" };
}

pub(crate) fn check(cx: &mut Cx) {
    if cx.doc.header.is_some() {
        return;
    }
    let Some(first) = cx.doc.entries.first() else {
        return;
    };
    let at = first.head_range;
    let candidates = super::procedures_using(cx, |_| true);
    let message = format!(
        "this file has dated entries but no `case` header, so no deadline in it is checked: \
         add one at the top, like `case \"REFERENCE\"` with `procedure {}` indented under it",
        candidates.first().map_or("NAME", String::as_str)
    );
    // The procedure is left to the `procedure-missing` finding that follows,
    // whose fixes name each candidate.
    let insert = format!("case \"REFERENCE\"{nl}{nl}", nl = cx.newline);
    // After a byte-order mark, if the file starts with one.
    let start = if cx.parse.text().starts_with('\u{FEFF}') {
        TextSize::of('\u{FEFF}')
    } else {
        TextSize::from(0)
    };
    let d = cx.report(Rule::CaseMissing, at, message);
    d.fixes.push(fix(
        "Add a case header at the top (fill in the reference)".to_string(),
        vec![TextEdit {
            range: TextRange::empty(start),
            new_text: insert,
        }],
    ));
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::CaseMissing);
    }
}
