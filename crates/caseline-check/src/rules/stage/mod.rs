//! Rules about the order of stages (`require A before B`).
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod stage_missing;
pub mod stage_order;

use crate::analysis::Cx;

/// A broken `require`: B's entry, and the A entries (empty when A is missing).
pub(crate) struct Broken {
    pub first: String,
    pub then: String,
    pub b_entry: usize,
    pub a_entries: Vec<usize>,
}

/// Every occurrence of B that has no A at or before it. A counts as "at or
/// before" B unless it is certainly after it (A's earliest day after B's latest).
pub(crate) fn broken(cx: &Cx) -> Vec<Broken> {
    let mut out = Vec::new();
    for r in &cx.procs.requires {
        let a = cx.timeline.of_kind(&r.first);
        for &b in cx.timeline.of_kind(&r.then) {
            let biv = cx.timeline.iv[b];
            let ok = a.iter().any(|&ai| {
                let aiv = cx.timeline.iv[ai];
                !matches!((aiv.earliest, biv.latest), (Some(a0), Some(b1)) if a0 > b1)
            });
            if !ok {
                out.push(Broken {
                    first: r.first.clone(),
                    then: r.then.clone(),
                    b_entry: b,
                    a_entries: a.to_vec(),
                });
            }
        }
    }
    out
}
