use std::collections::HashSet;

use crate::Rule;
use crate::analysis::Cx;
use crate::rules::timeline::list;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A recorded stage event that has a time limit, none of which could be checked because the event that starts its clock is not recorded before it: a `stage1.response` with no `stage1.received`.
    /// A stage with several time limits is fine when at least one was checked (a `stage3.response` judged from the panel when no panel report is recorded).
    ///
    /// ## Why it matters
    /// Without its start, caseline cannot say whether the stage was late, and a case where it was would otherwise look clean.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-04-10 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Record the start with its date, e.g. `2024-01-02 stage1.received`. If only the month is known write `2024-01`, and if the date is not known at all, `?` (the stage is then judged over every possible day).
    ///
    /// ## References
    /// docs/format.md#procedures (deadlines and how starts pair with targets).
    pub(crate) static DEADLINE_UNCHECKED = crate::rules::Status::Preview { since: "0.2.0" };
}

pub(crate) fn check(cx: &mut Cx) {
    let judged: HashSet<usize> = cx.deadlines.iter().filter_map(|r| r.target_entry).collect();
    let mut found = Vec::new();
    for (t, e) in cx.doc.entries.iter().enumerate() {
        let Some(kind) = &e.kind else { continue };
        if judged.contains(&t) {
            continue;
        }
        let defs: Vec<_> = cx
            .procs
            .deadlines
            .iter()
            .filter(|a| a.def.target == kind.value && a.def.start != a.def.target)
            .collect();
        if defs.is_empty() {
            continue;
        }
        let mut starts: Vec<String> = Vec::new();
        let mut earlier_start = false;
        let tiv = cx.timeline.iv[t];
        for a in &defs {
            let phrase = format!("the {} (`{}`)", cx.procs.label(&a.def.start), a.def.start);
            if !starts.contains(&phrase) {
                starts.push(phrase);
            }
            // A start that could be before this entry is recorded, but it is
            // already paired with another occurrence of this stage.
            earlier_start |= cx.timeline.of_kind(&a.def.start).iter().any(|&s| {
                let siv = cx.timeline.iv[s];
                !matches!((tiv.latest, siv.earliest), (Some(t1), Some(s0)) if t1 < s0)
            });
        }
        let what = format!(
            "{} {}",
            cx.procs.label(&kind.value),
            words::when(cx.timeline.spec[t], tiv)
        );
        let limits = if defs.len() == 1 {
            format!("the time limit of the {what} was not checked")
        } else {
            format!("none of the time limits of the {what} was checked")
        };
        let stage = cx.procs.label(&kind.value);
        let message = if earlier_start {
            format!(
                "{limits}: each {} recorded before it already pairs with an \
                 earlier {stage}; if this is a new round of the stage, record its start with its date",
                starts
                    .iter()
                    .map(|s| s.trim_start_matches("the ").to_string())
                    .collect::<Vec<_>>()
                    .join(" or ")
            )
        } else {
            let missing = match starts.as_slice() {
                [one] => format!("no {} is", one.trim_start_matches("the ")),
                [a, b] => format!("neither {a} nor {b} is"),
                more => format!("none of {} is", list(more).replace(" and ", " or ")),
            };
            format!(
                "{limits}: {missing} recorded on or before its date; record it \
                 with its date (or `?` if it is not known) so the stage can be judged"
            )
        };
        found.push((e.head_range, message));
    }
    cx.unchecked_stages = found.len();
    for (range, message) in found {
        cx.report(Rule::DeadlineUnchecked, range, message);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DeadlineUnchecked);
    }
}
