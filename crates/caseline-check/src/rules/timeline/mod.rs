//! Rules about the timeline itself: parsing, dates, event kinds and the header.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod case_missing;
pub mod date_after_as_of;
pub mod date_invalid;
pub mod date_order;
pub mod event_foreign;
pub mod event_lookalike;
pub mod event_unknown;
pub mod header_unknown_key;
pub mod id_unexpected;
pub mod procedure_missing;
pub mod syntax;

use crate::analysis::Cx;

/// Kinds every case may use, whatever its procedures (`note`, `done`, ...).
pub(crate) fn is_generic(kind: &str) -> bool {
    caseline_syntax::vocabulary::is_generic_event(kind)
}

/// Known procedures (built-in or from the workspace) that the case does not
/// name and that declare an event used by one of the file's entries, best
/// first: the one declaring the most distinct kinds used, then by name.
/// `wanted` filters which entry kinds count.
/// "the procedure `a`" or "the procedures `a` and `b`": the case's procedures
/// as findings name them.
pub(crate) fn named_procedures(cx: &Cx) -> String {
    let names: Vec<String> = cx
        .procs
        .list
        .iter()
        .map(|p| format!("`{}`", p.name))
        .collect();
    let what = if names.len() == 1 {
        "the procedure"
    } else {
        "the procedures"
    };
    format!("{what} {}", list(&names))
}

pub(crate) fn procedures_using(cx: &Cx, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    let mut kinds: Vec<&str> = cx
        .doc
        .entries
        .iter()
        .filter_map(|e| e.kind.as_ref().map(|k| k.value.as_str()))
        .filter(|k| wanted(k))
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut scored: Vec<(usize, String)> = cx
        .defs
        .procedure_names()
        .into_iter()
        .filter(|n| !cx.procs.list.iter().any(|p| &p.name == n))
        .filter_map(|n| {
            let p = cx.defs.procedure(&n)?;
            let score = kinds.iter().filter(|k| p.event(k).is_some()).count();
            (score > 0).then_some((score, n))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, n)| n).collect()
}

/// Known procedures not named by the case that declare the event `kind`, by name.
pub(crate) fn owners_of(cx: &Cx, kind: &str) -> Vec<String> {
    cx.defs
        .procedure_names()
        .into_iter()
        .filter(|n| !cx.procs.list.iter().any(|p| &p.name == n))
        .filter(|n| {
            cx.defs
                .procedure(n)
                .is_some_and(|p| p.event(kind).is_some())
        })
        .collect()
}

/// "a", "a and b", "a, b and c".
pub(crate) fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
