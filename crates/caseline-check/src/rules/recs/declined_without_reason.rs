use crate::Rule;
use crate::analysis::Cx;

declare_rule! {
    /// ## What it checks
    /// A `declined` entry with no reason: no quoted text on its line and no `>` prose under it.
    ///
    /// ## Why it matters
    /// A body may decline a recommendation, but it must say why; an unexplained refusal is what the Ombudsman looks at first.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2024-02-21 note "stage 2 outcome"
    ///   promise b "Assign a family support worker"
    /// 2024-03-01 declined b
    /// ```
    ///
    /// ## How to fix
    /// Add the reason as quoted text: `2024-03-01 declined b "not eligible under the criteria"`.
    ///
    /// ## References
    /// docs/format.md#entries (`declined`).
    pub(crate) static DECLINED_WITHOUT_REASON = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let found = std::mem::take(&mut cx.rec_facts.declined_without_reason);
    for (range, ids) in &found {
        let message = format!(
            "{} declined without a reason; add the reason as quoted text on this line",
            if ids.is_empty() {
                "recommendation".to_string()
            } else {
                ids.join(", ")
            }
        );
        cx.report(Rule::DeclinedWithoutReason, *range, message);
    }
    cx.rec_facts.declined_without_reason = found;
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DeclinedWithoutReason);
    }
}
