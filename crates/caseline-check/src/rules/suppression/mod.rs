//! Acknowledgement comments: `# caseline: allow RULE "reason"` on a finding's
//! line (after the code) or alone on the line above it moves the finding to
//! `Analysis::acknowledged`. A comment that is malformed or has no reason is
//! `ack-invalid`; one that silences nothing is `ack-unused`.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod ack_invalid;
pub mod ack_unused;

use std::collections::HashMap;

use crate::analysis::Cx;
use crate::diagnostic::{Acknowledged, Diagnostic};
use crate::suggest;
use crate::{Rule, Severity};

/// A parsed acknowledgement comment.
struct Ack {
    rule: Rule,
    reason: String,
    comment_range: text_size::TextRange,
    /// Lines whose findings it silences.
    lines: [u32; 2],
    used: bool,
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
fn is_placeholder(reason: &str) -> bool {
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

/// Moves acknowledged findings out of `diagnostics` and adds `ack-*` findings.
pub(crate) fn apply_acknowledgements(
    cx: &Cx,
    diagnostics: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<Acknowledged>) {
    let index = cx.parse.line_index();
    let text = cx.parse.text();
    let config = &cx.opts.config;
    let mut acks: Vec<Ack> = Vec::new();
    let mut extra: Vec<Diagnostic> = Vec::new();
    for c in &cx.doc.comments {
        match parse_comment(&c.text) {
            Parsed::NotAnAck => {}
            Parsed::Invalid(message) => {
                if let Some(sev) = config.severity(Rule::AckInvalid) {
                    extra.push(diag(Rule::AckInvalid, sev, c.range, message));
                }
            }
            Parsed::Ack { rule, reason } => {
                let line = index.line_of(c.range.start());
                let line_start = index.line_range(line).start();
                let alone = text
                    .get(usize::from(line_start)..usize::from(c.range.start()))
                    .is_some_and(|before| before.trim().is_empty());
                // A trailing comment covers its own line; a comment alone on its
                // line covers the next line.
                let lines = if alone {
                    [line, line + 1]
                } else {
                    [line, line]
                };
                acks.push(Ack {
                    rule,
                    reason,
                    comment_range: c.range,
                    lines,
                    used: false,
                });
            }
        }
    }
    if acks.is_empty() {
        let mut all = diagnostics;
        all.extend(extra);
        return (all, Vec::new());
    }
    let mut by_line: HashMap<(u32, Rule), Vec<usize>> = HashMap::new();
    for (i, a) in acks.iter().enumerate() {
        for l in a.lines {
            let v = by_line.entry((l, a.rule)).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut acknowledged = Vec::new();
    for d in diagnostics {
        let silencable = !matches!(d.rule, Rule::AckInvalid | Rule::AckUnused);
        let line = index.line_of(d.range.start());
        let hit = silencable
            .then(|| {
                by_line
                    .get(&(line, d.rule))
                    .and_then(|v| v.first().copied())
            })
            .flatten();
        match hit {
            Some(i) => {
                acks[i].used = true;
                acknowledged.push(Acknowledged {
                    diagnostic: d,
                    reason: acks[i].reason.clone(),
                    comment_range: acks[i].comment_range,
                });
            }
            None => kept.push(d),
        }
    }
    if let Some(sev) = config.severity(Rule::AckUnused) {
        for a in acks.iter().filter(|a| !a.used) {
            // A rule turned off in caseline.toml reports nothing to silence.
            if config.severity(a.rule).is_none() {
                continue;
            }
            extra.push(diag(
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
    kept.extend(extra);
    (kept, acknowledged)
}

fn diag(
    rule: Rule,
    severity: Severity,
    range: text_size::TextRange,
    message: String,
) -> Diagnostic {
    Diagnostic {
        rule,
        severity,
        range,
        message,
        related: Vec::new(),
        fixes: Vec::new(),
    }
}
