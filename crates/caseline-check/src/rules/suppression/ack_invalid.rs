declare_rule! {
    /// ## What it checks
    /// A comment starting `# caseline:` that is not a usable acknowledgement: not of the form `caseline: allow RULE "reason"`, naming an unknown rule, or giving no reason.
    ///
    /// ## Why it matters
    /// An acknowledgement is part of the case record: it says why a finding does not need action.
    /// Without a reason it silences nothing and explains nothing.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// # caseline: allow date-order
    /// 2023-07 note "assessment"
    /// 2023-06-27 note "complaint registered"
    /// ```
    ///
    /// ## How to fix
    /// Write the rule's name and a quoted reason: `# caseline: allow date-order "the decision has the dates in this order"`.
    ///
    /// ## References
    /// caseline's acknowledgement comments (docs/format.md).
    pub(crate) static ACK_INVALID = crate::rules::STABLE_0_1;
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::AckInvalid);
    }
}
