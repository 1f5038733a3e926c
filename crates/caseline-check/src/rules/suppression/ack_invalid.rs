use crate::Rule;
use crate::suggest;

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

/// What an acknowledgement comment says, or why it cannot be used.
pub(crate) enum Parsed {
    NotAnAck,
    Ack { rule: Rule, reason: String },
    Invalid(String),
}

/// Reads the text after `#`.
pub(crate) fn parse_comment(text: &str) -> Parsed {
    let t = text.trim();
    let Some(rest) = t.strip_prefix("caseline:") else {
        return Parsed::NotAnAck;
    };
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix("allow") else {
        return Parsed::Invalid(
            "a caseline comment must read `caseline: allow RULE \"reason\"`".to_string(),
        );
    };
    let rest = rest.trim_start();
    let (name, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    if name.is_empty() {
        return Parsed::Invalid(
            "name the rule to allow: `caseline: allow RULE \"reason\"`".to_string(),
        );
    }
    let Some(rule) = Rule::from_name(name) else {
        let names = Rule::all().iter().map(|r| r.name());
        let hint = suggest::did_you_mean(name, names)
            .map(|s| format!(": did you mean `{s}`?"))
            .unwrap_or_default();
        return Parsed::Invalid(format!("there is no rule called `{name}`{hint}"));
    };
    let after = after.trim();
    let reason = after
        .strip_prefix('"')
        .and_then(|r| r.rfind('"').map(|end| &r[..end]))
        .map(|r| r.replace("\\\"", "\"").replace("\\\\", "\\"))
        .unwrap_or_default();
    if reason.trim().is_empty() {
        return Parsed::Invalid(format!(
            "this acknowledgement has no reason, so the `{name}` finding is still reported: \
             write why it is acceptable between the quotes, like `caseline: allow {name} \"the council agreed the delay in writing\"`"
        ));
    }
    if is_placeholder(&reason) {
        return Parsed::Invalid(format!(
            "\"{}\" is a placeholder, not a reason, so the `{name}` finding is still reported: \
             write why it is acceptable between the quotes",
            reason.trim()
        ));
    }
    if !rule.acknowledgeable() {
        return Parsed::Invalid(format!(
            "`{name}` findings are mistakes to correct, not findings to accept, so they cannot be \
             acknowledged: fix the line instead (`caseline explain {name}` says how), and remove this comment"
        ));
    }
    Parsed::Ack { rule, reason }
}

/// Reasons that are a template's words, not the user's: the text earlier
/// versions of the editor's "Acknowledge" action inserted, and the usual
/// stand-ins. Such a comment must not silence a finding.
pub(crate) fn is_placeholder(reason: &str) -> bool {
    let r: String = reason
        .trim()
        .trim_matches(|c: char| c == '.' || c == '…' || c.is_whitespace())
        .to_lowercase();
    const PLACEHOLDERS: &[&str] = &[
        "",
        "say why this is acceptable",
        "reason",
        "why",
        "todo",
        "tbc",
        "tbd",
        "fixme",
        "xxx",
        "?",
        "-",
    ];
    PLACEHOLDERS.contains(&r.as_str()) || r.starts_with("todo") || r.starts_with("say why")
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::AckInvalid);
    }
}
