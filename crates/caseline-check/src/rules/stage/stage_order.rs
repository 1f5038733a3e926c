use crate::Rule;
use crate::analysis::Cx;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A `require A before B` rule that is broken because every recorded A is certainly after B (its earliest day is after B's latest day).
    ///
    /// ## Why it matters
    /// The stages happened in an impossible order, which usually means a wrong date or a wrong event kind; deadlines counted from either entry are unreliable.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-02-01 stage2.requested
    /// 2024-02-16 stage1.received
    /// 2024-03-01 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Check both dates and event kinds against the source and correct the one that is wrong.
    ///
    /// ## References
    /// docs/format.md#procedures (`require`) and docs/format.md#checks.
    pub(crate) static STAGE_ORDER = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for b in super::broken(cx)
        .into_iter()
        .filter(|b| !b.a_entries.is_empty())
    {
        let Some(entry) = cx.doc.entries.get(b.b_entry) else {
            continue;
        };
        let Some(&a) = b.a_entries.first() else {
            continue;
        };
        let message = format!(
            "{} {} comes before the {} {}, which the procedure requires first",
            cx.procs.label(&b.then),
            words::when(cx.timeline.spec[b.b_entry], cx.timeline.iv[b.b_entry]),
            cx.procs.label(&b.first),
            words::when(cx.timeline.spec[a], cx.timeline.iv[a]),
        );
        let related = cx.related_entry(
            a,
            format!("the {} is recorded here", cx.procs.label(&b.first)),
        );
        found.push((entry.head_range, message, related));
    }
    for (range, message, related) in found {
        cx.report(Rule::StageOrder, range, message)
            .related
            .extend(related);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::StageOrder);
    }
}
