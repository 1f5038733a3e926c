use crate::Rule;
use crate::analysis::Cx;
use crate::suggest;

declare_rule! {
    /// ## What it checks
    /// A `done`, `declined`, `partial` entry or an `agree` line that names an ID no `rec` or `promise` line in the case defines, and a `done`, `declined` or `partial` entry that names no ID at all.
    ///
    /// ## Why it matters
    /// The outcome is attached to nothing, so the recommendation it was meant for still looks open (or late), and the typo hides it.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2024-02-21 note "stage 2 outcome"
    ///   promise m1 "Offer a meeting"
    /// 2024-03-01 done m2
    /// ```
    ///
    /// ## How to fix
    /// Correct the ID, or add the `rec`/`promise` line it refers to.
    ///
    /// ## References
    /// docs/format.md#entries.
    pub(crate) static REC_UNKNOWN = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let refs = std::mem::take(&mut cx.rec_facts.unknown_refs);
    let ids: Vec<String> = cx.recs.iter().map(|r| r.id.clone()).collect();
    for (range, id, keyword) in &refs {
        let mut message = format!(
            "`{keyword}` names `{id}`, but no recommendation or promise `{id}` is defined in this case"
        );
        if let Some(s) = suggest::closest(id, ids.iter().map(String::as_str), 1) {
            message.push_str(&format!(": did you mean `{s}`?"));
        }
        cx.report(Rule::RecUnknown, *range, message);
    }
    cx.rec_facts.unknown_refs = refs;
    // `2024-04-20 done` with no ID records nothing at all.
    let mut empty = Vec::new();
    for e in &cx.doc.entries {
        let Some(kind) = &e.kind else { continue };
        let k = kind.value.as_str();
        if matches!(k, "done" | "declined" | "partial") && e.ids.is_empty() {
            empty.push((kind.range, k.to_string()));
        }
    }
    for (range, k) in empty {
        cx.report(
            Rule::RecUnknown,
            range,
            format!(
                "this `{k}` entry names no recommendation or promise, so it records nothing: \
                 write their IDs after `{k}`, like `{k} a b`"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RecUnknown);
    }
}
