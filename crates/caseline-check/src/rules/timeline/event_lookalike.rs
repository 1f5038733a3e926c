use std::collections::HashMap;

use caseline_syntax::TextRange;

use crate::analysis::Cx;
use crate::{Fix, Rule};

declare_rule! {
    /// ## What it checks
    /// A free event (a kind that is not one of the case's procedure events) whose words match a procedure event's name or label: `received`, `complaint.received`, `stage1`, `s1.received`, or `stage 1 received` written with spaces.
    /// Typos within two letters of an event, and kinds inside a procedure's namespace, are `event-unknown` instead.
    ///
    /// ## Why it matters
    /// A free event is recorded without any check. If `received` was meant as the receipt of the complaint, the stage 1 response's time limit is never started, and a late response goes unreported.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 received
    /// 2024-04-10 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Use the procedure's event name (the quick fix writes it; `caseline procedures show NAME` lists them all).
    /// If the entry really is something other than a stage, give it a name that shares no words with the procedure's events, like `meeting`, or acknowledge the finding with the reason.
    ///
    /// ## References
    /// docs/format.md#entries (entries and free events) and docs/format.md#procedures.
    pub(crate) static EVENT_LOOKALIKE = crate::rules::Status::Preview { since: "0.2.0" };
}

/// The procedure event a free event may have been meant as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Suggestion {
    pub event: String,
    pub label: String,
    /// Whether words written as IDs after the kind were part of the match
    /// (`stage 1 received`): the fix then replaces them too.
    pub uses_ids: bool,
}

/// Words that say nothing about which event is meant.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "for", "and", "or", "on", "in", "at", "by", "with", "from", "s",
    "is", "was", "be",
];

/// Lower-case words and numbers of a name or label: `stage1.received` gives
/// `stage`, `1`, `received`; `investigating officer's report` gives
/// `investigating`, `officer`, `report`.
pub(crate) fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() && !STOP.contains(&cur.as_str()) && !out.contains(cur) {
            out.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            if !cur.is_empty() && digit != cur_digit {
                flush(&mut cur, &mut out);
            }
            cur_digit = digit;
            cur.push(c);
        } else {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Whether two words match: the same, or one a form of the other
/// (`request`/`requested`, `respond`/`response`), judged on a shared stem of
/// at least five letters.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.chars().any(|c| c.is_ascii_digit()) || b.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 5 && common + 3 >= a.chars().count().max(b.chars().count())
}

/// The case's event that a free kind (with the IDs written after it) matches
/// best by words, if at least `min` words match and one of them is not a number.
pub(crate) fn suggest(cx: &Cx, kind: &str, ids: &[&str], min: usize) -> Option<Suggestion> {
    let kind_words = words(kind);
    let id_words: Vec<String> = ids.iter().flat_map(|i| words(i)).collect();
    let mut best: Option<(usize, bool, &str)> = None;
    for &ev in &cx.procs.event_names {
        let Some(def) = cx.procs.events.get(ev) else {
            continue;
        };
        let mut ev_words = words(ev);
        for w in words(&def.label) {
            if !ev_words.contains(&w) {
                ev_words.push(w);
            }
        }
        let hits = |ws: &[String]| -> (usize, bool) {
            let mut n = 0;
            let mut word = false;
            for w in ws {
                if ev_words.iter().any(|e| same_word(w, e)) {
                    n += 1;
                    word |= !w.chars().all(|c| c.is_ascii_digit());
                }
            }
            (n, word)
        };
        let (k_hits, k_word) = hits(&kind_words);
        let (i_hits, i_word) = hits(&id_words);
        // IDs count only together with the kind (`stage 1 received`), never alone.
        let (score, word, uses_ids) = if k_hits > 0 && i_hits > 0 {
            (k_hits + i_hits, k_word || i_word, true)
        } else {
            (k_hits, k_word, false)
        };
        if !word || score < min.max(1) {
            continue;
        }
        if best.is_none_or(|(b, _, _)| score > b) {
            best = Some((score, uses_ids, ev));
        }
    }
    let (_, uses_ids, ev) = best?;
    Some(Suggestion {
        event: ev.to_string(),
        label: cx.procs.label(ev),
        uses_ids,
    })
}

pub(crate) fn check(cx: &mut Cx) {
    if cx.procs.events.is_empty() {
        return;
    }
    let mut verdicts: HashMap<(&str, Vec<&str>), Option<Suggestion>> = HashMap::new();
    let mut found = Vec::new();
    for (i, e) in cx.doc.entries.iter().enumerate() {
        let Some(kind) = &e.kind else { continue };
        let k = kind.value.as_str();
        if cx.event_reported.contains(&i)
            || super::is_generic(k)
            || cx.procs.events.contains_key(k)
            || super::event_unknown::judge(cx, k).is_some()
        {
            continue;
        }
        let ids: Vec<&str> = e.ids.iter().map(|i| i.value.as_str()).collect();
        let verdict = verdicts
            .entry((k, ids.clone()))
            .or_insert_with(|| suggest(cx, k, &ids, 1));
        let Some(s) = verdict.clone() else { continue };
        let written_end = if s.uses_ids {
            e.ids.last().map_or(kind.range.end(), |l| l.range.end())
        } else {
            kind.range.end()
        };
        let written = TextRange::new(kind.range.start(), written_end);
        let as_written = cx
            .parse
            .text()
            .get(usize::from(written.start())..usize::from(written.end()))
            .unwrap_or(k)
            .to_string();
        found.push((i, written, as_written, s));
    }
    for (i, range, as_written, s) in found {
        cx.event_reported.insert(i);
        if s.uses_ids {
            cx.ids_consumed.insert(i);
        }
        let message = format!(
            "`{as_written}` is not an event of {}, so this entry is recorded without any check: \
             did you mean `{}` ({})? If it is something else, give it a name that shares no words \
             with the procedure's events, like `meeting`",
            super::named_procedures(cx),
            s.event,
            s.label
        );
        let d = cx.report(Rule::EventLookalike, range, message);
        d.fixes.push(Fix::replace(range, &s.event));
    }
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::EventLookalike);
    }

    #[test]
    fn words_split_names_labels_and_numbers() {
        assert_eq!(words("stage1.received"), ["stage", "1", "received"]);
        assert_eq!(
            words("investigating officer's report"),
            ["investigating", "officer", "report"]
        );
        // `s` alone says nothing and is dropped.
        assert_eq!(words("s1.received"), ["1", "received"]);
    }

    /// Two words match when they are the same, or share a stem of five
    /// letters or more with at most three letters after it on the longer one.
    #[test]
    fn words_match_their_own_forms_only() {
        use super::same_word;
        for (a, b, want) in [
            ("received", "received", true),
            ("request", "requested", true),
            ("respond", "response", true),
            ("complain", "complainant", true),
            ("stage", "stages", true),
            // Stems of four letters are too short to say the words are one.
            ("panel", "paned", false),
            ("decide", "decision", false),
            // More than three letters after the stem: another word.
            ("inform", "information", false),
            ("recommend", "recommendation", false),
            // Numbers match only exactly, and never a word.
            ("1", "1", true),
            ("1", "12", false),
            ("20240", "202401", false),
            ("report1", "reports", false),
            ("reports", "report1", false),
        ] {
            assert_eq!(same_word(a, b), want, "{a} / {b}");
            assert_eq!(same_word(b, a), want, "{b} / {a}");
        }
    }
}
