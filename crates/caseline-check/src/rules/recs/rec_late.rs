use crate::Rule;
use crate::analysis::Cx;
use crate::diagnostic::Related;
use crate::records::CountUnit;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A recommendation or promise recorded as `done` after its due date under every reading of the dates (the `done` entry's earliest day is after the latest day it was due).
    /// The message gives the working days late, as a range where dates are vague.
    ///
    /// ## Why it matters
    /// Late compliance is itself a fault the Ombudsman records ("the Council completed the actions, but not within the agreed timescales").
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2025-08-10
    ///
    /// 2024-11-05 note "stage 2 adjudication"
    ///   promise a within 10wd "Meet Miss X"
    /// 2024-12-05 done a
    /// ```
    ///
    /// ## How to fix
    /// Nothing to fix in the file if the dates are right: this is a finding.
    ///
    /// ## References
    /// docs/format.md#checks; LGSCO Manual for Councils, Part 8.
    pub(crate) static REC_LATE = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for (r, j) in cx.recs.iter().zip(&cx.rec_facts.judged) {
        let (true, Some(done), Some(due)) = (j.late, j.done_entry, r.due.as_ref()) else {
            continue;
        };
        let Some(entry) = cx.doc.entries.get(done) else {
            continue;
        };
        let basis = r
            .due_basis
            .as_ref()
            .map(|b| format!(" ({b})"))
            .unwrap_or_default();
        let late = r.late.unwrap_or_default();
        let message = format!(
            "{} {} was due {}{basis} and was done {}: {}",
            super::noun(r.kind),
            r.id,
            words::date_range(*due),
            words::when(cx.timeline.spec[done], cx.timeline.iv[done]),
            words::lateness(late, CountUnit::WorkingDays, "late"),
        );
        let related = Related {
            range: r.range,
            message: format!("{} {} is made here", super::noun(r.kind), r.id),
        };
        found.push((entry.head_range, message, related));
    }
    for (range, message, related) in found {
        cx.report(Rule::RecLate, range, message)
            .related
            .push(related);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RecLate);
    }
}
