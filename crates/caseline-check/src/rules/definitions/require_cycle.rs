use std::collections::{BTreeMap, HashMap};

use crate::Procedure;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it checks
    /// A procedure whose `require A before B` rules (with those of the procedures it `use`s) form a cycle, such as `a before b` and `b before a`.
    /// Found when the workspace's definitions are loaded; reported on the procedure's name.
    ///
    /// ## Why it matters
    /// No timeline can satisfy a cycle: every case using the procedure would get a `stage-missing` or `stage-order` error whatever it records.
    ///
    /// ## Example
    /// ```caseline
    /// procedure corporate-loop
    ///   event stage1.response "stage 1 response"
    ///   event stage2.requested "stage 2 request"
    ///   require stage1.response before stage2.requested
    ///   require stage2.requested before stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Remove or reverse the `require` line that closes the loop.
    ///
    /// ## References
    /// docs/format.md#procedures (`require`).
    pub(crate) static REQUIRE_CYCLE = crate::rules::STABLE_0_1;
}

/// A cycle among a procedure's `require` rules, as the event names around it.
pub(crate) fn find(p: &Procedure) -> Option<Vec<String>> {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in p.all_requires() {
        graph
            .entry(r.first.as_str())
            .or_default()
            .push(r.then.as_str());
    }
    // Iterative depth-first search with colours: 1 = on the stack, 2 = done.
    let mut colour: HashMap<&str, u8> = HashMap::new();
    for &root in graph.keys() {
        if colour.contains_key(root) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(root, 0)];
        colour.insert(root, 1);
        while let Some((node, next)) = stack.last().copied() {
            let succ = graph.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&s) = succ.get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                match colour.get(s) {
                    Some(1) => {
                        let pos = stack.iter().position(|(n, _)| *n == s).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            stack[pos..].iter().map(|(n, _)| n.to_string()).collect();
                        cycle.push(s.to_string());
                        return Some(cycle);
                    }
                    Some(_) => {}
                    None => {
                        colour.insert(s, 1);
                        stack.push((s, 0));
                    }
                }
            } else {
                colour.insert(node, 2);
                stack.pop();
            }
        }
    }
    None
}

/// `require-cycle` on a procedure's name when its requires form a cycle.
pub(crate) fn check(p: &Procedure) -> Option<Diagnostic> {
    let cycle = find(p)?;
    Some(super::diag(
        crate::Rule::RequireCycle,
        p.name_range,
        format!(
            "procedure `{}` requires {}: no timeline can satisfy that",
            p.name,
            cycle.join(" before ")
        ),
        Vec::new(),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RequireCycle);
    }
}
