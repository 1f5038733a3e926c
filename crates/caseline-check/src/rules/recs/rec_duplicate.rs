use crate::Rule;
use crate::analysis::Cx;
use crate::diagnostic::Related;

declare_rule! {
    /// ## What it checks
    /// Two `rec` or `promise` lines in one case with the same ID.
    ///
    /// ## Why it matters
    /// `done`, `declined` and `agree` refer to recommendations by ID; with two definitions, one of them can never be addressed and its outcome is attributed to the other.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2024-02-21 note "stage 2 outcome"
    ///   promise a "Apologise"
    ///   promise a "Pay £150"
    /// 2024-03-01 done a
    /// ```
    ///
    /// ## How to fix
    /// Give each recommendation its own ID (`a`, `b`, … or `s2-a`, `s3-a` for different stages).
    ///
    /// ## References
    /// docs/format.md#entries.
    pub(crate) static REC_DUPLICATE = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let dups = std::mem::take(&mut cx.rec_facts.duplicates);
    for (range, id, first) in &dups {
        let message = format!(
            "`{id}` is already used by an earlier recommendation or promise in this case; IDs must be unique"
        );
        cx.report(Rule::RecDuplicate, *range, message)
            .related
            .push(Related {
                range: *first,
                message: format!("`{id}` is first defined here"),
            });
    }
    cx.rec_facts.duplicates = dups;
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RecDuplicate);
    }
}
