use crate::Rule;
use crate::analysis::Cx;
use crate::records::DeadlineStatus;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A stage that was later than a limit its procedure marks `guidance` (a limit from guidance or good practice, not from the law), or that is still awaited after it.
    /// It is judged like a statutory deadline, under every reading of uncertain dates, but reported as a warning with its own name, so a decision does not call it a breach of a statutory time limit.
    ///
    /// ## Why it matters
    /// Guidance limits are often meant flexibly (an FOI internal review within 20 working days is the s.45 Code of Practice's, not the Act's).
    /// Missing one can still be worth a sentence; it is not fault in itself.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure foi
    ///   as-of 2024-06-01
    ///
    /// 2024-01-08 foi.received
    /// 2024-02-01 foi.response
    /// 2024-02-05 foi-review.requested
    /// 2024-04-30 foi-review.response
    /// ```
    ///
    /// ## How to fix
    /// Nothing to fix if the dates are right: it is a finding at a lower severity.
    /// If the limit is the law's, remove `guidance` from the procedure's deadline line.
    ///
    /// ## References
    /// docs/format.md#deadline-clauses (`guidance`).
    pub(crate) static GUIDANCE_MISSED = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for r in cx.deadlines.iter().filter(|r| r.guidance) {
        let message = match r.status {
            DeadlineStatus::Missed | DeadlineStatus::PossiblyMissed => {
                let Some(range) = r.target_range else {
                    continue;
                };
                let late = r.late.unwrap_or_default();
                let how = if r.status == DeadlineStatus::Missed {
                    words::lateness(late, r.unit, "late")
                } else {
                    format!("possibly {}", words::lateness(late, r.unit, "late"))
                };
                (
                    range,
                    format!(
                        "{} was {} after {}; {} (guidance, not a statutory limit): {how}",
                        super::target_phrase(cx, r),
                        super::taken(r),
                        super::start_phrase(cx, r),
                        super::limit_phrase(r),
                    ),
                )
            }
            DeadlineStatus::ExtensionUnrecorded => {
                let Some(range) = r.target_range else {
                    continue;
                };
                (
                    range,
                    format!(
                        "{} was {} after {}: over the guidance's standard limit of {} (due {}), within its extended limit, and no extension is recorded (guidance, not a statutory limit){}",
                        super::target_phrase(cx, r),
                        super::taken(r),
                        super::start_phrase(cx, r),
                        words::duration(r.limit),
                        words::date_range(r.due),
                        super::source_phrase(r),
                    ),
                )
            }
            DeadlineStatus::Overdue => {
                let late = r.late.unwrap_or_default();
                (
                    r.start_range,
                    format!(
                        "no {} is recorded after {}: {} (guidance, not a statutory limit), so as of {} it is {}",
                        r.target_label,
                        super::start_phrase(cx, r),
                        super::limit_phrase(r),
                        cx.as_of,
                        words::lateness(late, r.unit, "overdue"),
                    ),
                )
            }
            _ => continue,
        };
        found.push((message.0, message.1, super::start_related(r)));
    }
    for (range, message, related) in found {
        cx.report(Rule::GuidanceMissed, range, message)
            .related
            .push(related);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::GuidanceMissed);
    }
}
