use crate::Rule;
use crate::analysis::{Cx, DEFAULT_CALENDAR};
use crate::rules::definitions::unknown_name;

declare_rule! {
    /// ## What it checks
    /// A `calendar` line in the case header, or an `extends` line in a calendar definition, that names a calendar neither built in (`england-and-wales`, `scotland`, `northern-ireland`, `weekdays`) nor defined in the workspace.
    ///
    /// ## Why it matters
    /// The case is then counted in the default calendar, whose bank holidays may not be the ones that apply (Scotland has 2 January and St Andrew's Day).
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   calendar scotlnd
    ///   as-of 2024-06-01
    /// ```
    ///
    /// ## How to fix
    /// Correct the name (the quick fix applies the suggestion), or define the calendar in a definitions file of the workspace.
    ///
    /// ## References
    /// docs/format.md#durations-and-working-days and docs/format.md#calendars.
    pub(crate) static CALENDAR_UNKNOWN = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let Some(name) = cx.calendar_fallback_from.clone() else {
        return;
    };
    let Some(range) = cx
        .doc
        .header
        .as_ref()
        .and_then(|h| h.calendar.as_ref())
        .map(|c| c.range)
    else {
        return;
    };
    let known = cx.defs.calendars().names();
    let mut d = unknown_name(Rule::CalendarUnknown, "calendar", &name, range, &known);
    crate::rules::definitions::definition_in_case::note_defined_here(
        cx.doc,
        "calendar",
        &name,
        &mut d.message,
    );
    let fallback = if cx.calendar.name().is_empty() {
        DEFAULT_CALENDAR
    } else {
        cx.calendar.name()
    };
    let tail = if d.message.ends_with('?') {
        format!(" Until then, working days are counted in {fallback}.")
    } else {
        format!("; working days are counted in {fallback} instead")
    };
    d.message.push_str(&tail);
    cx.diagnostics.push(d);
}

/// `calendar-unknown` on an `extends` that loops back to the calendar
/// being defined (directly or not).
pub(crate) fn extends_loop(
    calendar: &str,
    extends: &str,
    range: caseline_syntax::TextRange,
) -> crate::diagnostic::Diagnostic {
    crate::rules::definitions::diag(
        Rule::CalendarUnknown,
        range,
        format!(
            "calendar `{calendar}` extends `{extends}`, which (directly or not) extends `{calendar}` again"
        ),
        Vec::new(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::CalendarUnknown);
    }
}
