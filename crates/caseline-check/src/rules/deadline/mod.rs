//! Rules about statutory and procedural time limits. The evaluation is in
//! `analysis::deadlines`; these rules phrase its records. The shared phrasing
//! lives here so that all four read alike.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod deadline_missed;
pub mod deadline_overdue;
pub mod deadline_possibly_missed;
pub mod deadline_unchecked;
pub mod extended_misplaced;
pub mod extension_unrecorded;

use crate::analysis::Cx;
use crate::analysis::timeline::Iv;
use crate::analysis::words;
use crate::diagnostic::Related;
use crate::records::DeadlineRecord;

pub(crate) fn iv(i: &caseline_calendar::Interval) -> Iv {
    Iv {
        lo: i.earliest,
        hi: i.latest,
    }
}

/// "stage 2 adjudication on 2024-02-21".
pub(crate) fn target_phrase(cx: &Cx, r: &DeadlineRecord) -> String {
    match r.target_entry {
        Some(t) => format!(
            "{} {}",
            r.target_label,
            words::when(cx.timeline.spec[t], cx.timeline.iv[t])
        ),
        None => r.target_label.clone(),
    }
}

/// "the stage 2 request on 2023-09-24".
pub(crate) fn start_phrase(cx: &Cx, r: &DeadlineRecord) -> String {
    let s = r.start_entry;
    format!(
        "the {} {}",
        r.start_label,
        words::when(cx.timeline.spec[s], cx.timeline.iv[s])
    )
}

/// "the limit is 65 working days with an extension (due 2023-12-22)".
pub(crate) fn limit_phrase(r: &DeadlineRecord) -> String {
    match (&r.extended_limit, &r.extended_due) {
        (Some(e), Some(due)) => format!(
            "the limit is {} with an extension (due {})",
            words::duration(*e),
            words::date_range(iv(due))
        ),
        _ => format!(
            "the limit is {} (due {})",
            words::duration(r.limit),
            words::date_range(iv(&r.due))
        ),
    }
}

pub(crate) fn taken(r: &DeadlineRecord) -> String {
    words::count(r.taken.unwrap_or_default(), r.unit)
}

/// Points at the start event, naming the rule's source.
pub(crate) fn start_related(r: &DeadlineRecord) -> Related {
    let mut message = format!("the {} starts the clock", r.start_label);
    if let Some(c) = &r.citation {
        message.push_str(&format!(" ({}: {}", r.procedure, c));
        message.push(')');
    }
    Related {
        range: r.start_range,
        message,
    }
}
