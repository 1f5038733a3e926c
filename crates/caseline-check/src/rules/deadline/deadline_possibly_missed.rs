use crate::Rule;
use crate::analysis::Cx;
use crate::records::DeadlineStatus;
use crate::wording as words;

declare_rule! {
    /// ## What it checks
    /// A stage that was late under some readings of uncertain dates but not under all of them: for example a complaint received "in April" and answered "in April" may have taken one day or twenty-one.
    ///
    /// ## Why it matters
    /// Published decisions often give only months.
    /// The Ombudsman then says the body "may have" delayed; this finding says exactly which readings make it late, so the investigator can decide whether to find out the real dates.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-04 stage1.received
    /// 2024-04 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Find the exact dates and write them; the finding then becomes either a missed deadline or nothing.
    ///
    /// ## References
    /// docs/format.md#dates (dates as intervals) and docs/format.md#checks (readings).
    pub(crate) static DEADLINE_POSSIBLY_MISSED = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for r in cx
        .deadlines
        .iter()
        .filter(|r| r.status == DeadlineStatus::PossiblyMissed && !r.guidance)
    {
        let Some(range) = r.target_range else {
            continue;
        };
        let worst = match r.late.and_then(|l| l.max) {
            Some(n) if n > 0 => format!(" (up to {n} {} late)", words::unit_words(r.unit, n)),
            _ => String::new(),
        };
        let message = format!(
            "{} may have been late: it was {} after {}; {}, so it was late under some readings of the dates{}",
            super::target_phrase(cx, r),
            super::taken(r),
            super::start_phrase(cx, r),
            super::limit_phrase(r),
            worst,
        );
        found.push((range, message, super::start_related(r)));
    }
    for (range, message, related) in found {
        cx.report(Rule::DeadlinePossiblyMissed, range, message)
            .related
            .push(related);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DeadlinePossiblyMissed);
    }
}
