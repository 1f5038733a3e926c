use caseline_syntax::{TextEdit, TextRange};

use crate::Rule;
use crate::analysis::{Cx, fix};

declare_rule! {
    /// ## What it checks
    /// Words after the event kind of an entry that takes no IDs. Only `done`, `declined` and `partial` name recommendations after their kind; on any other entry, words after the kind are read as IDs and mean nothing.
    /// Almost always this is a description written without quotes: `2024-03-04 stage1.received Complaint about the assessment`.
    ///
    /// ## Why it matters
    /// The words are silently dropped from the entry's description (hovers, the report), and a mistake such as a recommendation ID written on the wrong line goes unnoticed.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-03-04 stage1.received Complaint about the assessment
    /// ```
    ///
    /// ## How to fix
    /// Put the description in quotes: `2024-03-04 stage1.received "Complaint about the assessment"` (the quick fix does this).
    /// To record that recommendations were carried out, use a `done` entry: `2024-05-01 done a b`.
    ///
    /// ## References
    /// docs/format.md#entries (entries: `DATE EVENT [ID ...] ["text"]`, and the generic kinds).
    pub(crate) static ID_UNEXPECTED = crate::rules::Status::Preview { since: "0.2.0" };
}

/// Entry kinds whose IDs name recommendations.
use caseline_syntax::vocabulary::EVENTS_WITH_IDS as TAKES_IDS;

pub(crate) fn check(cx: &mut Cx) {
    // A line whose words the parser already explained (a range written with
    // `to`, a stray quote) has its one finding: the words are that slip's.
    let index = cx.parse.line_index();
    let explained: std::collections::HashSet<u32> = cx
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::Syntax)
        .map(|d| index.line_of(d.range.start()))
        .collect();
    let mut found = Vec::new();
    for (i, e) in cx.doc.entries.iter().enumerate() {
        let Some(kind) = &e.kind else { continue };
        if explained.contains(&index.line_of(e.head_range.start())) {
            continue;
        }
        let (Some(first), Some(last)) = (e.ids.first(), e.ids.last()) else {
            continue;
        };
        if TAKES_IDS.contains(&kind.value.as_str()) || cx.ids_consumed.contains(&i) {
            continue;
        }
        let words_range = TextRange::new(first.range.start(), last.range.end());
        let text = cx.parse.text();
        let words = text
            .get(usize::from(words_range.start())..usize::from(words_range.end()))
            .unwrap_or_default()
            .to_string();
        // With a quoted text already on the line, both become one description.
        // (A text before the words, `note "x" more words`, is a syntax error,
        // and lines with one are left to `syntax` above: the guard only keeps
        // the range the right way round should that ever change.)
        let (range, description) = match &e.text {
            Some(t) if t.range.start() >= words_range.end() => (
                TextRange::new(words_range.start(), t.range.end()),
                format!("{words} {}", t.value),
            ),
            _ => (words_range, words.clone()),
        };
        let quoted = format!(
            "\"{}\"",
            description.replace('\\', "\\\\").replace('"', "\\\"")
        );
        let message = format!(
            "`{words}` is read as IDs, but a `{}` entry takes none (only `done`, `declined` and \
             `partial` name recommendations): if it is a description, put it in quotes: {quoted}",
            kind.value
        );
        found.push((words_range, range, message, quoted));
    }
    for (at, range, message, quoted) in found {
        let d = cx.report(Rule::IdUnexpected, at, message);
        d.fixes.push(fix(
            "Put the description in quotes".to_string(),
            vec![TextEdit {
                range,
                new_text: quoted,
            }],
        ));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::IdUnexpected);
    }
}
