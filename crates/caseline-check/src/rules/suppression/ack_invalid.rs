declare_rule! {
    /// ## What it checks
    /// A comment starting `# caseline:` that is not a usable acknowledgement: not of the form `caseline: allow RULE "reason"`, naming an unknown rule, giving no reason (an empty `""`, or a placeholder such as `"TODO"` or `"say why this is acceptable"`), or naming a rule whose findings are mistakes to correct rather than findings to accept (`syntax`, `date-invalid`, `date-order`, `event-unknown`, `event-foreign`, `rec-unknown`, `rec-duplicate`, `procedure-unknown`, `calendar-unknown`, `case-missing`, `id-unexpected`, `extended-misplaced`).
    /// Such a comment silences nothing: the finding it was meant for is still reported.
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
    /// 2023-07-10 note "meeting"
    ///   # caseline: allow rec-unaddressed ""
    ///   promise m1 "Write again"
    /// ```
    ///
    /// ## How to fix
    /// Write the rule's name and, between the quotes, why the finding is accepted: `# caseline: allow rec-unaddressed "the council confirmed it by phone"`.
    /// The editor's "Acknowledge" action inserts the comment with empty quotes on purpose: the finding stays until you write the reason.
    /// For a mistake (a misspelt event, a date out of order), correct the line instead and remove the comment.
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
