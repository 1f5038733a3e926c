use super::{Ack, diag};
use crate::diagnostic::Diagnostic;
use crate::{Config, Rule};

declare_rule! {
    /// ## What it checks
    /// An acknowledgement comment `# caseline: allow RULE "reason"` with no finding of that rule on its line (trailing comment) or on the next line (comment on its own line).
    ///
    /// ## Why it matters
    /// Once a date is corrected the finding goes away, but a stale comment would silence the next, different finding on that line without anyone noticing.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2023-07-10 note "meeting"
    ///   # caseline: allow rec-unaddressed "the council confirmed it by phone"
    ///   > notes of the meeting
    /// ```
    ///
    /// ## How to fix
    /// Remove the comment, or move it to the line with the finding.
    ///
    /// ## References
    /// caseline's acknowledgement comments (docs/format.md).
    pub(crate) static ACK_UNUSED = crate::rules::STABLE_0_1;
}

/// `ack-unused` for each acknowledgement that silenced nothing, unless the
/// rule it names is turned off (then there is nothing it could silence).
pub(crate) fn check(acks: &[Ack], config: &Config, out: &mut Vec<Diagnostic>) {
    let Some(sev) = config.severity(Rule::AckUnused) else {
        return;
    };
    for a in acks.iter().filter(|a| !a.used) {
        if config.severity(a.rule).is_none() {
            continue;
        }
        out.push(diag(
            Rule::AckUnused,
            sev,
            a.comment_range,
            format!(
                "this comment allows `{}`, but there is no such finding on {} line; remove the comment",
                a.rule.name(),
                if a.lines[0] == a.lines[1] { "this" } else { "the next" }
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::AckUnused);
    }
}
