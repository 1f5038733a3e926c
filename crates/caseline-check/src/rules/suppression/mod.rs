//! Acknowledgement comments: `# caseline: allow RULE "reason"` on a finding's
//! line (after the code) or alone on the line above it moves the finding to
//! `Analysis::acknowledged`. A comment that is malformed or has no reason is
//! `ack-invalid` (reading a comment is that rule's: `ack_invalid.rs`); one that
//! silences nothing is `ack-unused` (`ack_unused.rs`). This module only matches
//! comments to findings.
//! Like every rule, these read only the analysis context (`analysis::Cx`):
//! no files, no clock, no terminal.

pub mod ack_invalid;
pub mod ack_unused;

use std::collections::HashMap;

use crate::analysis::Cx;
use crate::diagnostic::{Acknowledged, Diagnostic};
use crate::{Rule, Severity};

/// A parsed acknowledgement comment.
pub(crate) struct Ack {
    pub(crate) rule: Rule,
    pub(crate) reason: String,
    pub(crate) comment_range: text_size::TextRange,
    /// Lines whose findings it silences.
    pub(crate) lines: [u32; 2],
    pub(crate) used: bool,
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
        match ack_invalid::parse_comment(&c.text) {
            ack_invalid::Parsed::NotAnAck => {}
            ack_invalid::Parsed::Invalid(message) => {
                if let Some(sev) = config.severity(Rule::AckInvalid) {
                    extra.push(diag(Rule::AckInvalid, sev, c.range, message));
                }
            }
            ack_invalid::Parsed::Ack { rule, reason } => {
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
    ack_unused::check(&acks, config, &mut extra);
    kept.extend(extra);
    (kept, acknowledged)
}

pub(crate) fn diag(
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
