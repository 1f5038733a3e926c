use crate::Rule;
use crate::analysis::Cx;

declare_rule! {
    /// ## What it checks
    /// A `rec` line under an entry whose event kind is not marked `recommends` in the case's procedures (for example under a stage 1 response, or a free event).
    /// Only checked when the case names a procedure.
    /// `promise` lines may go anywhere.
    ///
    /// ## Why it matters
    /// Recommendations come from investigators, panels and the Ombudsman.
    /// A commitment the body made to itself is a `promise`; a recommendation filed under the wrong stage is often an entry with the wrong event kind.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage1.received
    /// 2024-01-10 stage1.response
    ///   rec a "Apologise"
    /// 2024-01-20 done a
    /// ```
    ///
    /// ## How to fix
    /// Use `promise` for the body's own commitments, or move the `rec` under the entry that made it (`stage2.report`, `stage3.panel`, `ombudsman.decision`).
    ///
    /// ## References
    /// docs/format.md#procedures (`recommends`).
    pub(crate) static REC_MISPLACED = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let found = std::mem::take(&mut cx.rec_facts.misplaced);
    for (range, kind) in &found {
        let message = format!(
            "a recommendation under `{kind}`, which does not make recommendations in this case's procedures; use `promise` for the body's own commitments"
        );
        cx.report(Rule::RecMisplaced, *range, message);
    }
    cx.rec_facts.misplaced = found;
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RecMisplaced);
    }
}
