use crate::Rule;
use crate::analysis::Cx;
use crate::rules::definitions::unknown_name;

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
    /// docs/format.md#the-case-header and docs/format.md#procedures.
    pub(crate) static PROCEDURE_UNKNOWN = crate::rules::STABLE_0_1;
}

/// Header `procedure` names that do not resolve.
pub(crate) fn check(cx: &mut Cx) {
    let Some(names) = cx.doc.header.as_ref().and_then(|h| h.procedures.as_ref()) else {
        return;
    };
    let known = cx.defs.procedure_names();
    // `procedure children statutory`: names that, joined with `-`, make one
    // known name are one slip with one fix.
    let mut joined = vec![false; names.len()];
    for i in 0..names.len() {
        for j in (i + 1..names.len()).rev() {
            let parts: Vec<&str> = names[i..=j].iter().map(|n| n.value.as_str()).collect();
            let name = parts.join("-");
            if joined[i] || cx.defs.procedure(&name).is_none() {
                continue;
            }
            let range = names[i].range.cover(names[j].range);
            let written = parts.join(" ");
            let d = cx.report(
                Rule::ProcedureUnknown,
                range,
                format!(
                    "there is no procedure called `{written}`: procedure names are written with \
                     hyphens, not spaces; did you mean `{name}`?"
                ),
            );
            d.fixes.push(crate::Fix::replace(range, &name));
            joined[i..=j].fill(true);
        }
    }
    for (n, _) in names.iter().zip(&joined).filter(|(_, j)| !**j) {
        if cx.defs.procedure(&n.value).is_none() {
            let mut d = unknown_name(
                Rule::ProcedureUnknown,
                "procedure",
                &n.value,
                n.range,
                &known,
            );
            crate::rules::definitions::definition_in_case::note_defined_here(
                cx.doc,
                "procedure",
                &n.value,
                &mut d.message,
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
