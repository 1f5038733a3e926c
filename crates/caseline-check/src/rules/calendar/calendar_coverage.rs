use crate::Rule;
use crate::analysis::Cx;

declare_rule! {
    /// ## What it checks
    /// A working-day count in a year the shipped bank holiday list does not cover (it holds 2012 to 2028).
    /// The count then uses the Banking and Financial Dealings Act 1971's rules (New Year, Good Friday, Easter Monday, the May, August and Christmas holidays, substitute days), which miss one-off days such as coronations and jubilees.
    /// Reported once per file, on the first entry whose count used such a year.
    /// Open-ended dates never raise it.
    ///
    /// ## Why it matters
    /// A one-off bank holiday moves every working-day deadline across it by a day; a finding that is out by one day is the kind of slip that undermines a decision.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2031-06-01
    ///
    /// 2031-01-06 stage1.received
    /// 2031-01-10 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Check the year's bank holidays on GOV.UK; add any one-off closures to a calendar of your own (`calendar mine` / `extends england-and-wales` / `closed DATE "reason"`), or update caseline.
    ///
    /// ## References
    /// docs/format.md#durations-and-working-days; Banking and Financial Dealings Act 1971, Schedule 1.
    pub(crate) static CALENDAR_COVERAGE = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let Some((year, range, calendar)) = cx.uncovered.clone() else {
        return;
    };
    let message = format!(
        "the {calendar} bank holiday list does not cover {year}; working days here are counted with the standard holiday rules, which miss one-off bank holidays"
    );
    cx.report(Rule::CalendarCoverage, range, message);
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::CalendarCoverage);
    }
}
