use caseline_syntax::TextEdit;
use text_size::TextRange;

use crate::Rule;
use crate::analysis::{Cx, fix};
use crate::records::DeadlineStatus;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A stage that took longer than its standard limit under every reading of the dates, but stayed within the extended limit the procedure allows, while no entry of that stage has an `extended` line.
    ///
    /// ## Why it matters
    /// An extension is a decision the body must take and tell the complainant about (for example, stage 2 of the children's procedure may run to 65 working days only for complex complaints).
    /// Without a record of it, the stage was simply late.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage1.received
    /// 2024-01-25 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// If the stage was extended, add an `extended "reason"` line under one of its entries (the quick fix adds one under the late entry).
    /// If it was not, the body exceeded the standard limit.
    ///
    /// ## References
    /// docs/format.md#entries (`extended`) and docs/format.md#checks; e.g. Children Act 1989 Representations Procedure (England) Regulations 2006, regs. 14 and 17.
    pub(crate) static EXTENSION_UNRECORDED = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for r in cx
        .deadlines
        .iter()
        .filter(|r| r.status == DeadlineStatus::ExtensionUnrecorded && !r.guidance)
    {
        let (Some(range), Some(t)) = (r.target_range, r.target_entry) else {
            continue;
        };
        let extended = match r.extended_limit {
            Some(l) => format!("the extended limit of {}", words::duration(l)),
            None => "an extension, which the procedure allows without limit".to_string(),
        };
        let message = format!(
            "{} was {} after {}: over the standard limit of {}{} (due {}) but within {}{}, and no extension is recorded",
            super::target_phrase(cx, r),
            super::taken(r),
            super::start_phrase(cx, r),
            words::duration(r.limit),
            super::counting_phrase(r),
            words::date_range(r.due),
            extended,
            super::source_phrase(r),
        );
        // The new child line goes right after the entry's first line, after
        // any trailing comment on it.
        let index = cx.parse.line_index();
        let head_end = index
            .line_range(index.line_of(cx.doc.entries[t].head_range.start()))
            .end();
        let edit = TextEdit {
            range: TextRange::empty(head_end),
            new_text: format!("{}  extended", cx.newline),
        };
        found.push((range, message, super::start_related(r), edit));
    }
    for (range, message, related, edit) in found {
        let d = cx.report(Rule::ExtensionUnrecorded, range, message);
        d.related.push(related);
        d.fixes
            .push(fix("Record the extension".to_string(), vec![edit]));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::ExtensionUnrecorded);
    }
}

#[cfg(test)]
mod fix_tests {
    use crate::Rule;
    use crate::testing::{apply, run};

    #[test]
    fn the_fix_adds_an_extended_line_under_the_late_entry() {
        let text = "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\n2024-01-25 stage1.response  # note\n  > prose\n";
        let (all, _, _) = run(text);
        let d = all
            .iter()
            .find(|d| d.rule == Rule::ExtensionUnrecorded)
            .expect("17 working days without an extension");
        assert_eq!(
            apply(text, &d.fixes[0].edits),
            "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-02 stage1.received\n2024-01-25 stage1.response  # note\n  extended\n  > prose\n"
        );
    }
}
