use crate::Rule;
use crate::analysis::Cx;
use crate::records::CountUnit;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A recommendation or promise whose due date has passed as of the as-of date under every reading of the dates, and that is not recorded as done or declined by then.
    ///
    /// ## Why it matters
    /// An agreed remedy not carried out in time is a fresh fault ("a delay within agreed timescales"); the Ombudsman asks for evidence of compliance.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure lgsco
    ///   as-of 2024-06-01
    ///
    /// 2024-02-21 ombudsman.decision
    ///   rec a within 1m "Apologise in writing"
    /// ```
    ///
    /// ## How to fix
    /// Record when it was done (`DATE done a`) or declined with a reason; the quick fix inserts a `YYYY-MM-DD done` line where the as-of date falls, and the finding stays until you write the real date.
    ///
    /// ## References
    /// docs/format.md#checks; LGSCO Manual for Councils, Part 8 (remedies and compliance).
    pub(crate) static REC_OVERDUE = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    let as_of = cx.as_of;
    for i in 0..cx.recs.len() {
        if !cx.rec_facts.judged.get(i).is_some_and(|j| j.overdue) {
            continue;
        }
        let r = &cx.recs[i];
        let Some(due) = r.due else { continue };
        let (id, kind, range, basis) = (r.id.clone(), r.kind, r.range, r.due_basis.clone());
        let overdue = r.overdue.unwrap_or_default();
        let iv = due;
        let basis = basis.map(|b| format!(" ({b})")).unwrap_or_default();
        let message = format!(
            "{} {id} was due {}{basis} and is not recorded as done or declined: as of {as_of} it is {}",
            super::noun(kind),
            words::date_range(iv),
            words::lateness(overdue, CountUnit::WorkingDays, "overdue"),
        );
        found.push((range, message, super::done_fix(cx, &id)));
    }
    for (range, message, fix) in found {
        cx.report(Rule::RecOverdue, range, message).fixes.push(fix);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RecOverdue);
    }
}
