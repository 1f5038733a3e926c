use caseline_syntax::ast::DateSpec;

use crate::Rule;
use crate::analysis::Cx;
use crate::analysis::timeline::EntryDate;
use crate::diagnostic::Related;
use crate::wording as words;
use caseline_calendar::Interval;

declare_rule! {
    /// ## What it checks
    /// An entry dated certainly after the date the case is judged at: the header's `as-of`, or today when the header has none.
    /// Reported once per file, on the first such entry. Not reported when `--as-of` is given on the command line (looking at a case as it stood on an earlier day is what that option is for).
    ///
    /// ## Why it matters
    /// Open deadlines and recommendations are judged as of that date, so everything that became overdue after it is not reported: an `as-of` a year too early, or an entry whose year is mistyped (`2204`), makes a case look cleaner than it is.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2023-06-01
    ///
    /// 2024-01-02 stage1.received
    /// ```
    ///
    /// ## How to fix
    /// Correct the `as-of` date (usually the date of the decision), or the entry's date if its year is wrong.
    ///
    /// ## References
    /// docs/format.md#the-case-header (`as-of`) and docs/format.md#checks (overdue findings are judged at the as-of date).
    pub(crate) static DATE_AFTER_AS_OF = crate::rules::Status::Preview { since: "0.2.0" };
}

pub(crate) fn check(cx: &mut Cx) {
    if cx.opts.as_of_override.is_some() {
        return;
    }
    let as_of = cx.as_of;
    let header_as_of = cx.doc.header.as_ref().and_then(|h| h.as_of.as_ref());
    let Some(i) = (0..cx.doc.entries.len()).find(|&i| {
        cx.timeline.spec[i]
            .and_then(Interval::of_spec)
            .and_then(|iv| iv.earliest)
            .is_some_and(|lo| lo > as_of)
    }) else {
        return;
    };
    let own = cx.timeline.spec[i]
        .and_then(Interval::of_spec)
        .unwrap_or(cx.timeline.iv[i]);
    let when = words::when(cx.timeline.spec[i], own);
    let (source, related) = match header_as_of {
        Some(a) if !matches!(a.value, DateSpec::Unknown) => (
            format!("the case's `as-of` date, {as_of}"),
            Some(Related {
                range: a.range,
                message: "the as-of date".to_string(),
            }),
        ),
        // `as-of ?` names no day, so the case is judged at today.
        Some(a) => (
            format!("today, {as_of} (the header's `as-of` is `?`, which names no day)"),
            Some(Related {
                range: a.range,
                message: "the as-of date, not known".to_string(),
            }),
        ),
        None => (format!("today, {as_of} (the header has no `as-of`)"), None),
    };
    let message = format!(
        "this entry is dated {}, after {source}: open deadlines and recommendations are judged as of \
         that date, so nothing that became overdue after it is reported; correct the `as-of` date \
         (usually the date of the decision) or this entry's date",
        when.trim_start_matches("on ").trim_start_matches("in ")
    );
    let range = cx.doc.entries[i].date_range;
    let d = cx.report(Rule::DateAfterAsOf, range, message);
    d.related.extend(related);
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DateAfterAsOf);
    }
}
