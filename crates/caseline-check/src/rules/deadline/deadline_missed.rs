use crate::Rule;
use crate::analysis::Cx;
use crate::records::DeadlineStatus;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A stage that happened after its time limit under **every** reading of uncertain dates: the earliest day it can have happened is after the latest day it was due.
    /// Where the procedure allows an extension, the extended limit is the one that counts.
    ///
    /// ## Why it matters
    /// Delay in a statutory procedure is fault in the Ombudsman's sense.
    /// The finding gives the count an investigator would otherwise do by hand, with bank holidays, so it can go straight into a decision.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2023-09-25 stage1.received
    /// 2023-09-26 stage1.response
    /// 2023-09-27 stage2.requested
    /// 2024-02-21 stage2.adjudication
    /// ```
    ///
    /// ## How to fix
    /// Nothing to fix in the file if the dates are right: this is a finding.
    /// If a date is wrong, correct it.
    /// If the delay is already accounted for, record that with `# caseline: allow deadline-missed "reason"`.
    ///
    /// ## References
    /// docs/format.md#checks (readings); the procedure's citation (e.g. Children Act 1989 Representations Procedure (England) Regulations 2006, reg. 17).
    pub(crate) static DEADLINE_MISSED = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for r in cx
        .deadlines
        .iter()
        .filter(|r| r.status == DeadlineStatus::Missed && !r.guidance)
    {
        let Some(range) = r.target_range else {
            continue;
        };
        let late = r.late.unwrap_or_default();
        let how_late = words::lateness(late, r.unit, "late");
        let message = format!(
            "{} was {} after {}; {}: {how_late}",
            super::target_phrase(cx, r),
            super::taken(r),
            super::start_phrase(cx, r),
            super::limit_phrase(r),
        );
        found.push((range, message, super::start_related(r)));
    }
    for (range, message, related) in found {
        cx.report(Rule::DeadlineMissed, range, message)
            .related
            .push(related);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DeadlineMissed);
    }
}
