use crate::Rule;
use crate::analysis::Cx;
use crate::records::DeadlineStatus;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A stage that is not recorded although its time limit (the extended one where allowed) has passed as of the case's as-of date under every reading, while the procedure has not moved on past it.
    /// A procedure moves on once an event it declares after the stage is recorded and is not certainly before the start, by dates, wherever its line stands: a missing panel report is not overdue when the response to the panel is recorded.
    ///
    /// ## Why it matters
    /// An open stage past its limit is a delay that is still running; it is reported on the event that started the clock.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage1.received
    /// ```
    ///
    /// ## How to fix
    /// Record the stage if it happened.
    /// If it is still awaited, this is a finding.
    /// Judge the case at another date with `as-of` in the header or `--as-of` on the command line.
    ///
    /// ## References
    /// docs/format.md#procedures (moving on) and docs/format.md#checks.
    pub(crate) static DEADLINE_OVERDUE = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for r in cx
        .deadlines
        .iter()
        .filter(|r| r.status == DeadlineStatus::Overdue && !r.guidance)
    {
        let late = r.late.unwrap_or_default();
        // "no stage 1 response", or for alternative outcomes "neither a
        // notice that no EHC plan will be issued nor a final EHC plan".
        let none = if r.counting.alternatives.is_empty() {
            format!("no {}", r.target_label)
        } else {
            let mut all = vec![cx.procs.label(&r.target_kind)];
            all.extend(r.counting.alternatives.iter().cloned());
            match all.as_slice() {
                [a, b] => format!("neither a {a} nor a {b}"),
                _ => format!("none of: {}", all.join("; ")),
            }
        };
        let message = match r.closed_by {
            // Ended (a request closed) after the limit had passed.
            Some(c) => format!(
                "{none} is recorded after {}: {}, and the {} {} came {} after that",
                super::start_phrase(cx, r),
                super::limit_phrase(r),
                cx.procs.label(
                    cx.doc.entries[c]
                        .kind
                        .as_ref()
                        .map_or("", |k| k.value.as_str())
                ),
                words::when(cx.timeline.spec[c], cx.timeline.iv[c]),
                words::count(late, r.unit),
            ),
            None => format!(
                "{none} is recorded after {}: {}, so as of {} it is {}",
                super::start_phrase(cx, r),
                super::limit_phrase(r),
                cx.as_of,
                words::lateness(late, r.unit, "overdue"),
            ),
        };
        let mut related = super::start_related(r);
        related.message = format!("the clock for the {} started here", r.target_label);
        found.push((r.start_range, message, related));
    }
    for (range, message, related) in found {
        cx.report(Rule::DeadlineOverdue, range, message)
            .related
            .push(related);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DeadlineOverdue);
    }
}
