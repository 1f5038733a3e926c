use crate::Rule;
use crate::analysis::{Cx, fix};

declare_rule! {
    /// ## What it checks
    /// A `require A before B` rule of the case's procedures that is broken because B is recorded and A is not recorded at all.
    ///
    /// ## Why it matters
    /// Either a stage was skipped (a council went straight to stage 2 without a stage 1 response), or the timeline is missing an entry and the deadlines that start at A were never checked.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage2.requested
    /// 2024-02-01 stage2.adjudication
    /// ```
    ///
    /// ## How to fix
    /// Add the missing stage.
    /// If its date is not known, write it as `? A` just before B (the quick fix does this): the entry is then bounded by its neighbours.
    ///
    /// ## References
    /// docs/format.md#procedures (`require`); the procedure's regulations.
    pub(crate) static STAGE_MISSING = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for b in super::broken(cx)
        .into_iter()
        .filter(|b| b.a_entries.is_empty())
    {
        let Some(entry) = cx.doc.entries.get(b.b_entry) else {
            continue;
        };
        let message = format!(
            "{} is recorded, but no {} (`{}`) is recorded before it; the procedure requires one",
            cx.procs.label(&b.then),
            cx.procs.label(&b.first),
            b.first,
        );
        let edit = cx.insert_line_edit(Some(b.b_entry), &format!("? {}", b.first));
        found.push((entry.head_range, message, b.first, edit));
    }
    for (range, message, first, edit) in found {
        cx.report(Rule::StageMissing, range, message)
            .fixes
            .push(fix(
                format!("Add `? {first}` before this entry"),
                vec![edit],
            ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::StageMissing);
    }
}

#[cfg(test)]
mod fix_tests {
    use crate::Rule;
    use crate::testing::{apply, run};

    #[test]
    fn the_missing_stage_goes_above_the_comments_that_belong_to_the_entry() {
        let text = "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-01 note\n# about the request\n2024-01-02 stage2.requested\n2024-02-01 stage2.adjudication\n";
        let (all, _, _) = run(text);
        let d = all
            .iter()
            .find(|d| d.rule == Rule::StageMissing)
            .expect("no stage 1 response");
        assert_eq!(
            apply(text, &d.fixes[0].edits),
            "case \"1\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n2024-01-01 note\n? stage1.response\n# about the request\n2024-01-02 stage2.requested\n2024-02-01 stage2.adjudication\n"
        );
    }
}
