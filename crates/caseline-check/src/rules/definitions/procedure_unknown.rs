use crate::Rule;
use crate::analysis::Cx;
use crate::definitions::unknown_name;

declare_rule! {
    /// ## What it checks
    /// A procedure name in the case header's `procedure` line, or in a procedure's `use` line, that is neither built in nor defined in the workspace.
    ///
    /// ## Why it matters
    /// The case is then checked without that procedure: none of its deadlines or stage rules run, and a clean result means nothing.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutry
    ///   as-of 2024-06-01
    /// ```
    ///
    /// ## How to fix
    /// Correct the name (the quick fix applies the suggestion), or define the procedure in a definitions file in the workspace (a `.case` file with only `procedure` and `calendar` blocks).
    /// `caseline explain` lists the built-ins.
    ///
    /// ## References
    /// FORMAT.md §4.1 and §4.3.
    pub(crate) static PROCEDURE_UNKNOWN = crate::rules::STABLE_0_1;
}

/// Header `procedure` names that do not resolve.
pub(crate) fn check(cx: &mut Cx) {
    let Some(names) = cx.doc.header.as_ref().and_then(|h| h.procedures.as_ref()) else {
        return;
    };
    let known = cx.defs.procedure_names();
    for n in names {
        if cx.defs.procedure(&n.value).is_none() {
            let d = unknown_name(
                Rule::ProcedureUnknown,
                "procedure",
                &n.value,
                n.range,
                &known,
            );
            cx.diagnostics.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::ProcedureUnknown);
    }
}
