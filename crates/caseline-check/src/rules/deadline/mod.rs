//! Rules about statutory and procedural time limits. The evaluation is in
//! `analysis::deadlines`; these rules phrase its records. The shared phrasing
//! lives here so that all four read alike.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod deadline_missed;
pub mod deadline_overdue;
pub mod deadline_possibly_missed;
pub mod deadline_unchecked;
pub mod exception_invalid;
pub mod extended_misplaced;
pub mod extension_unrecorded;
pub mod guidance_missed;

use crate::analysis::Cx;
use crate::diagnostic::Related;
use crate::records::DeadlineRecord;
use crate::wording as words;

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

/// "the stage 2 request on 2023-09-24"; for a `latest of` start, "the
/// proof of identity on 2025-06-10 (the clock starts at the latest of the
/// receipt of the request, the proof of identity and the receipt of the fee)".
pub(crate) fn start_phrase(cx: &Cx, r: &DeadlineRecord) -> String {
    let s = r.start_entry;
    let mut out = format!(
        "the {} {}",
        r.start_label,
        words::when(cx.timeline.spec[s], cx.timeline.iv[s])
    );
    // Named only when a later event than the first started the clock.
    if r.counting
        .latest_of
        .first()
        .is_some_and(|first| *first != r.start_label)
    {
        let list: Vec<String> = r
            .counting
            .latest_of
            .iter()
            .map(|l| format!("the {l}"))
            .collect();
        out.push_str(&format!(
            " (the clock starts at the latest of {})",
            crate::rules::timeline::list(&list)
        ));
    }
    out
}

/// The limit, where it comes from and when the target was due, in words a
/// careful reader cannot misread:
/// "the limit is 25 working days, or 65 if extended (children-statutory: SI
/// 2006/1738 reg. 17); even with an extension it was due 2023-12-22", or, when
/// the file records the extension, "the limit is 25 working days, extended to
/// 65 (an extension is recorded; ...): due 2023-12-22". The citation is in the
/// message itself because some editors show no related information.
pub(crate) fn limit_phrase(r: &DeadlineRecord) -> String {
    let source = format!("{}{}", counting_phrase(r), source_phrase(r));
    match (&r.extended_limit, &r.extended_due) {
        (Some(e), Some(due)) => {
            let extended = if e.unit == r.limit.unit {
                e.amount.to_string()
            } else {
                words::duration(*e)
            };
            if r.extension_recorded {
                format!(
                    "the limit is {}, extended to {extended} (an extension is recorded){source}: it was due {}",
                    words::duration(r.limit),
                    words::date_range(*due)
                )
            } else {
                format!(
                    "the limit is {}, or {extended} if extended{source}; even with an extension it was due {}",
                    words::duration(r.limit),
                    words::date_range(*due)
                )
            }
        }
        _ if r.uncapped_extension => format!(
            "the limit is {}, extendable by agreement without limit, and no extension is recorded{source}: it was due {}",
            words::duration(r.limit),
            words::date_range(r.due)
        ),
        _ => format!(
            "the limit is {}{source}: it was due {}",
            words::duration(r.limit),
            words::date_range(r.due)
        ),
    }
}

/// How the due day was counted, where the line says more than "N after the
/// start": ", counting the start day as day one", ", moved to the next
/// working day", ", counted in uk-any", ", plus 6 working days paused (from the
/// fee notice until the fee was received)". Empty for a plain deadline.
pub(crate) fn counting_phrase(r: &DeadlineRecord) -> String {
    words::counting(r)
        .iter()
        .map(|c| format!(", {c}"))
        .collect()
}

/// " (children-statutory: SI 2006/1738 reg. 14)": where the limit comes from.
pub(crate) fn source_phrase(r: &DeadlineRecord) -> String {
    match &r.citation {
        Some(c) => format!(" ({}: {c})", r.procedure),
        None => format!(" ({})", r.procedure),
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
