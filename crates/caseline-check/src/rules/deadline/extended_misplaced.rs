use crate::Rule;
use crate::analysis::Cx;
use crate::analysis::timeline::namespace;
use caseline_syntax::ast::EntryChild;

declare_rule! {
    /// ## What it checks
    /// An `extended` line under an entry whose stage has no time limit that can be extended: under a `note`, a free event, or a stage whose limits are fixed.
    /// An `extended` line counts for the stage of the entry it is under (the part of the event kind before the first `.`): under `stage1.received` or `stage1.response` it extends stage 1.
    ///
    /// ## Why it matters
    /// The extension is silently not applied, and the stage is then reported as needing an extension that "was not recorded", although the file records one.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage1.received
    /// 2024-01-10 note "Council wrote to say it needs more time"
    ///   extended "complex case"
    /// 2024-01-25 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Move the `extended` line under an entry of the stage that was extended, e.g. under `stage1.received` or `stage1.response`.
    ///
    /// ## References
    /// docs/format.md#entries (child lines: `extended`) and docs/format.md#procedures (`extendable to`).
    pub(crate) static EXTENDED_MISPLACED = crate::rules::Status::Preview { since: "0.2.0" };
}

pub(crate) fn check(cx: &mut Cx) {
    if cx.procs.list.is_empty() {
        return;
    }
    // Stages whose limits can be extended, with an event of each to suggest.
    let mut extendable: Vec<(&str, Vec<&str>)> = Vec::new();
    for a in &cx.procs.deadlines {
        if a.def.extended_limit.is_none() && !a.def.uncapped_extension {
            continue;
        }
        let ns = namespace(&a.def.target);
        match extendable.iter_mut().find(|(n, _)| *n == ns) {
            Some((_, kinds)) => {
                for k in [a.def.start.as_str(), a.def.target.as_str()] {
                    if namespace(k) == ns && !kinds.contains(&k) {
                        kinds.push(k);
                    }
                }
            }
            None => {
                let mut kinds = Vec::new();
                for k in [a.def.start.as_str(), a.def.target.as_str()] {
                    if namespace(k) == ns && !kinds.contains(&k) {
                        kinds.push(k);
                    }
                }
                extendable.push((ns, kinds));
            }
        }
    }
    let mut found = Vec::new();
    for e in &cx.doc.entries {
        let Some(kind) = &e.kind else { continue };
        let ns = namespace(&kind.value);
        if extendable.iter().any(|(n, _)| *n == ns) {
            continue;
        }
        for c in &e.children {
            let EntryChild::Extended(x) = c else { continue };
            let under = if cx.procs.events.contains_key(kind.value.as_str()) {
                format!(
                    "the {} belongs to a stage whose time limits cannot be extended",
                    cx.procs.label(&kind.value)
                )
            } else {
                format!("a `{}` entry belongs to no stage", kind.value)
            };
            let hint = if extendable.is_empty() {
                "none of the case's procedures allows an extension".to_string()
            } else {
                let places: Vec<String> = extendable
                    .iter()
                    .map(|(ns, kinds)| {
                        let names: Vec<String> = kinds.iter().map(|k| format!("`{k}`")).collect();
                        format!("{} for `{ns}`", names.join(" or "))
                    })
                    .collect();
                format!(
                    "move it under an entry of the stage that was extended: {}",
                    places.join("; ")
                )
            };
            found.push((
                x.range,
                format!(
                    "this `extended` line counts for the stage of the entry it is under, and {under}, so the extension is not applied to any time limit: {hint}"
                ),
            ));
        }
    }
    for (range, message) in found {
        cx.report(Rule::ExtendedMisplaced, range, message);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::ExtendedMisplaced);
    }
}
