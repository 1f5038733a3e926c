use crate::Rule;
use crate::analysis::Cx;
use crate::analysis::timeline::EntryDate;
use crate::wording as words;
use caseline_calendar::Interval;

declare_rule! {
    /// ## What it checks
    /// An entry whose date is certainly earlier than the dated entry above it.
    /// Overlapping vague dates (`2024-04` after `2024-04-10`) are not reported.
    ///
    /// ## Why it matters
    /// File order is chronological: a `?` entry is bounded by its neighbours in the file, so a line out of order can widen or narrow what a `?` may mean. (Deadlines pair by dates, so an out-of-order line still gets its deadline judged.)
    /// An entry out of order is usually a typo in the date (the decision said 27 June, it meant 27 July), and every count that uses it is then wrong.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2023-07 note "assessment completed"
    /// 2023-06-27 note "complaint registered"
    /// ```
    ///
    /// ## How to fix
    /// Correct the date, or move the entry to its place in the timeline.
    /// A timeline is chronological: if the source lists events in another order, still write them in date order (a `note` can say so). Deadlines are paired by dates, so the order of lines never changes a finding, but `date-order` cannot be acknowledged.
    ///
    /// ## References
    /// docs/format.md#dates and docs/format.md#entries.
    pub(crate) static DATE_ORDER = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    // The nearest entry above with a date of its own: (index, interval).
    let mut above: Option<(usize, Interval)> = None;
    for i in 0..cx.doc.entries.len() {
        let Some(own) = cx.timeline.spec[i].and_then(Interval::of_spec) else {
            continue;
        };
        if let Some((j, prev)) = above
            && let (Some(hi), Some(prev_lo)) = (own.latest, prev.earliest)
            && hi < prev_lo
        {
            let this = words::when(cx.timeline.spec[i], own);
            let that = words::when(cx.timeline.spec[j], prev);
            let range = cx.doc.entries[i].date_range;
            let message = format!(
                "this entry is dated {}, which is before the entry above it ({}); entries must be in date order",
                this.trim_start_matches("on ").trim_start_matches("in "),
                that.trim_start_matches("on ").trim_start_matches("in ")
            );
            let related = cx.related_entry(j, "the entry above".to_string());
            let d = cx.report(Rule::DateOrder, range, message);
            d.related.extend(related);
        }
        above = Some((i, own));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DateOrder);
    }
}
