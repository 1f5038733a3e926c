use caseline_syntax::TextEdit;
use caseline_syntax::TextRange;

use crate::Rule;
use crate::analysis::{Cx, fix};

declare_rule! {
    /// ## What it checks
    /// A case whose header has no `procedure` line, although the file has dated entries.
    /// Without a procedure, caseline knows no stages and no time limits, so not one deadline is checked: only dates and recommendations are.
    /// When the entries use events of known procedures (`stage1.received` is an event of several), the message names them and the quick fixes add one.
    ///
    /// ## Why it matters
    /// "No problems found" on a case with no procedure means nothing was checked, and a stage response months late would pass unnoticed.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage1.received
    /// 2024-04-10 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Add the procedure the complaint went through to the header, e.g. `  procedure children-statutory` (`caseline procedures` lists them).
    /// If no statutory or written procedure applies, acknowledge the finding with the reason: `# caseline: allow procedure-missing "informal complaint: no procedure applies"`.
    ///
    /// ## References
    /// docs/format.md#the-case-header and docs/format.md#procedures.
    pub(crate) static PROCEDURE_MISSING = crate::rules::Status::Preview { since: "0.2.0" };
}

pub(crate) fn check(cx: &mut Cx) {
    let Some(header) = cx.doc.header.as_ref() else {
        return;
    };
    if header.procedures.is_some() || cx.doc.entries.is_empty() {
        return;
    }
    // A `procedure` line that could not be read (`procedure Children-Statutory`
    // in the header, `Procedure lgsco` at the left edge) has its own `syntax` finding, which says how to write it: saying "names
    // no procedure" on top would contradict what the reader sees.
    let index = cx.parse.line_index();
    let text = cx.parse.text();
    let unreadable_procedure_line = cx.parse.errors().iter().any(|e| {
        let line = index.line_range(index.line_of(e.range.start()));
        // In the header, or at the left edge anywhere (`Procedure lgsco`).
        let written = text
            .get(usize::from(line.start())..usize::from(line.end()))
            .unwrap_or_default();
        (header.range.contains_range(line) || !written.starts_with(' '))
            && written.trim_start().to_lowercase().starts_with("procedure")
    });
    if unreadable_procedure_line {
        return;
    }
    // `procedure lgsco` written at the left edge: `definition-in-case` says
    // the case names no procedure, and why, on that line.
    let edge_line = crate::rules::definitions::definition_in_case::unread(cx.doc)
        .iter()
        .any(|u| u.what == "procedure" && u.empty);
    if edge_line {
        return;
    }
    let head = header.head_range;
    let candidates = super::procedures_using(cx, |_| true);
    let message = if candidates.is_empty() {
        "this case names no procedure, so no deadline is checked (only dates and recommendations): \
         add the procedure the complaint went through, like `procedure council-code` \
         (`caseline procedures` lists them)"
            .to_string()
    } else {
        let names: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
        format!(
            "this case names no procedure, so none of its deadlines is checked; its entries use \
             events of {}: add the one the complaint went through, like `procedure {}`",
            super::list(&names),
            candidates[0]
        )
    };
    let (at, lead) = line_after(cx, head);
    let edits: Vec<(String, TextEdit)> = candidates
        .iter()
        .take(3)
        .map(|name| {
            (
                format!("Add `procedure {name}` to the case header"),
                TextEdit {
                    range: TextRange::empty(at),
                    new_text: format!("{lead}  procedure {name}{}", cx.newline),
                },
            )
        })
        .collect();
    let d = cx.report(Rule::ProcedureMissing, head, message);
    for (title, edit) in edits {
        d.fixes.push(fix(title, vec![edit]));
    }
}

/// Where a new line goes right after the line holding `range`, and the line
/// break to write first when that line is the last and has none.
pub(crate) fn line_after(cx: &Cx, range: TextRange) -> (caseline_syntax::TextSize, &'static str) {
    let index = cx.parse.line_index();
    let line = index.line_of(range.start());
    if line + 1 < index.line_count() {
        (index.line_range(line + 1).start(), "")
    } else {
        let text = cx.parse.text();
        let lead = if text.ends_with('\n') { "" } else { cx.newline };
        (caseline_syntax::TextSize::of(text), lead)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::ProcedureMissing);
    }

    /// The fix writes the `procedure` line right under the `case` line, and
    /// the case is then checked against that procedure.
    #[test]
    fn the_fix_adds_the_line_under_the_case_line() {
        use crate::Rule;
        for (text, want) in [
            (
                "case \"1\"\n  as-of 2024-06-01\n\n2024-01-02 stage2.adjudication\n",
                "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-02 stage2.adjudication\n",
            ),
            (
                "# A comment first.\r\ncase \"1\"\r\n\r\n2024-01-02 stage2.adjudication",
                "# A comment first.\r\ncase \"1\"\r\n  procedure children-statutory\r\n\r\n2024-01-02 stage2.adjudication",
            ),
            // The header written last, with no line break after it.
            (
                "2024-01-02 stage2.adjudication\ncase \"1\"",
                "2024-01-02 stage2.adjudication\ncase \"1\"\n  procedure children-statutory\n",
            ),
        ] {
            let (all, _, _) = crate::testing::run(text);
            let d = all
                .iter()
                .find(|d| d.rule == Rule::ProcedureMissing)
                .expect("no procedure line is found");
            assert_eq!(d.fixes.len(), 1, "{:#?}", d.fixes);
            assert_eq!(
                d.fixes[0].title,
                "Add `procedure children-statutory` to the case header"
            );
            let fixed = d.fixes[0].apply(text);
            assert_eq!(fixed, want);
            let (after, analysis, _) = crate::testing::run(&fixed);
            assert!(
                !after.iter().any(|d| d.rule == Rule::ProcedureMissing),
                "{after:#?}"
            );
            assert_eq!(
                analysis.checked.procedures.len(),
                1,
                "{:?}",
                analysis.checked
            );
        }
    }
}
