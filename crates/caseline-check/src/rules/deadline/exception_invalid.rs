use crate::Rule;
use crate::analysis::Cx;
use crate::analysis::deadlines::{exception_lines, usable_reason};

declare_rule! {
    /// ## What it checks
    /// An `exception TARGET "reason"` line under an entry that switches nothing off, because:
    /// - it gives no reason, or only a placeholder (`"TODO"`, `"reason"`);
    /// - no deadline of the case's procedures ends in TARGET;
    /// - the procedure allows no exception for TARGET (only an `exception` line in the procedure allows one, where the law does).
    ///
    /// ## Why it matters
    /// An exception switches a statutory limit off, so a finding disappears.
    /// That must happen only where the law allows it and with the reason written down, never by a slip or a placeholder.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure send-ehc
    ///   as-of 2024-12-01
    ///
    /// 2024-01-08 ehc.requested
    ///   exception ehc.final "TODO"
    /// 2024-06-10 ehc.final
    /// ```
    ///
    /// ## How to fix
    /// Write the reason in quotes: what happened and the provision that allows it (`exception ehc.final "the school was closed for five weeks over Easter (reg. 13(3)(a))"`).
    /// Check that the procedure's limit really has an exception; if it does not, remove the line.
    ///
    /// ## References
    /// docs/format.md#deadline-clauses (`exception`); SI 2014/1530 reg. 10(4) and 13(3) for EHC plans.
    pub(crate) static EXCEPTION_INVALID = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for x in exception_lines(cx) {
        let ending: Vec<_> = cx
            .procs
            .deadlines
            .iter()
            .filter(|a| a.def.ends_in(&x.target))
            .collect();
        let message = if ending.is_empty() {
            let names: Vec<String> = cx
                .procs
                .list
                .iter()
                .map(|p| format!("`{}`", p.name))
                .collect();
            if names.is_empty() {
                format!(
                    "this `exception` switches nothing off: the case names no procedure, so no limit ends in `{}`",
                    x.target
                )
            } else {
                format!(
                    "this `exception` switches nothing off: no time limit of {} ends in `{}`",
                    crate::rules::timeline::list(&names),
                    x.target
                )
            }
        } else if !ending.iter().any(|a| a.def.exception.is_some()) {
            let owners: Vec<String> = ending
                .iter()
                .map(|a| format!("`{}`", a.procedure))
                .collect();
            let mut owners_dedup = owners.clone();
            owners_dedup.dedup();
            format!(
                "{} allows no exception to the limit for the {}: the limit still applies, so remove this line (only a limit whose law allows exceptions can be switched off)",
                crate::rules::timeline::list(&owners_dedup),
                cx.procs.label(&x.target)
            )
        } else if !usable_reason(x.reason.as_deref()) {
            format!(
                "this `exception` gives no reason, so the limit for the {} still applies: write what happened and the provision that allows it, e.g. `exception {} \"the school was closed for five weeks (reg. 13(3)(a))\"`",
                cx.procs.label(&x.target),
                x.target
            )
        } else {
            continue;
        };
        found.push((x.range, message));
    }
    for (range, message) in found {
        cx.report(Rule::ExceptionInvalid, range, message);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::ExceptionInvalid);
    }
}
