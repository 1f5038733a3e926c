use crate::analysis::Cx;
use crate::suggest;
use crate::{Fix, Rule};
use caseline_syntax::TextRange;

declare_rule! {
    /// ## What it checks
    /// A key in the `case` header that caseline does not know.
    /// The known keys are `title`, `body`, `complainant`, `procedure`, `calendar`, `as-of`, `related` and `source`.
    ///
    /// ## Why it matters
    /// A misspelt `procedure` or `as-of` line is ignored, so the case is checked against no procedure or judged at the wrong date.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedures children-statutory
    ///   as-of 2024-06-01
    /// ```
    ///
    /// ## How to fix
    /// Correct the key (the message suggests the nearest known one), or move the information into an entry or a comment.
    ///
    /// ## References
    /// docs/format.md#the-case-header.
    pub(crate) static HEADER_UNKNOWN_KEY = crate::rules::STABLE_0_1;
}

/// The keys the header understands (docs/format.md#the-case-header).
fn known_keys() -> impl Iterator<Item = &'static str> + Clone {
    caseline_syntax::vocabulary::HEADER_KEYS
        .iter()
        .map(|w| w.name)
}

pub(crate) fn check(cx: &mut Cx) {
    let Some(h) = &cx.doc.header else { return };
    let text = cx.parse.text();
    let mut found = Vec::new();
    for f in &h.other_fields {
        let key = f.key.value.as_str();
        let mut message =
            format!("the case header has no key `{key}`, so this line is not checked");
        // `as of 2024-12-31`: two words where the key is one.
        let line_rest = text
            .get(usize::from(f.key.range.end())..usize::from(f.range.end()))
            .unwrap_or_default();
        let next_word = line_rest.split_whitespace().next().unwrap_or_default();
        let joined = format!("{}-{}", key.to_lowercase(), next_word.to_lowercase());
        let (suggestion, range) =
            if !next_word.is_empty() && caseline_syntax::vocabulary::is_header_key(&joined) {
                let offset = line_rest.find(next_word).unwrap_or(0) + next_word.len();
                let end = f.key.range.end() + caseline_syntax::TextSize::from(offset as u32);
                (Some(joined), TextRange::new(f.key.range.start(), end))
            } else if caseline_syntax::vocabulary::is_header_key(&key.to_lowercase()) {
                (Some(key.to_lowercase()), f.key.range)
            } else {
                (
                    suggest::did_you_mean(key, known_keys()).map(str::to_string),
                    f.key.range,
                )
            };
        if let Some(s) = &suggestion {
            message.push_str(&format!(": did you mean `{s}`?"));
            // Said only when it is true: a second, misspelt `procedure` line
            // beside a good one changes nothing that is checked.
            if s == "procedure" && h.procedures.is_none() {
                message.push_str(" Until then no procedure is named and no deadline is checked.");
            }
        }
        found.push((f.key.range, message, suggestion.map(|s| (range, s))));
    }
    for (at, message, fix) in found {
        let d = cx.report(Rule::HeaderUnknownKey, at, message);
        if let Some((range, s)) = fix {
            d.fixes.push(Fix::replace(range, &s));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::HeaderUnknownKey);
    }

    /// "No deadline is checked" is added to a misspelt `procedure` key only
    /// when the case names no procedure otherwise, and to no other key.
    #[test]
    fn only_a_missing_procedure_line_says_nothing_is_checked() {
        use crate::Rule;
        let messages = |text: &str| -> Vec<String> {
            let (all, _, _) = crate::testing::run(text);
            all.into_iter()
                .filter(|d| d.rule == Rule::HeaderUnknownKey)
                .map(|d| d.message)
                .collect()
        };
        let none_named = messages(
            "case \"1\"\n  procedures children-statutory\n  titel \"x\"\n  as-of 2024-06-01\n",
        );
        assert_eq!(none_named.len(), 2, "{none_named:#?}");
        assert!(
            none_named[0].contains("did you mean `procedure`? Until then no procedure is named and no deadline is checked."),
            "{none_named:#?}"
        );
        assert!(
            none_named[1].contains("did you mean `title`?"),
            "{none_named:#?}"
        );
        assert!(
            !none_named[1].contains("no procedure is named"),
            "{none_named:#?}"
        );
        let one_named = messages(
            "case \"1\"\n  procedure children-statutory\n  procedur lgsco\n  as-of 2024-06-01\n",
        );
        assert_eq!(one_named.len(), 1, "{one_named:#?}");
        assert!(
            one_named[0].contains("did you mean `procedure`?"),
            "{one_named:#?}"
        );
        assert!(
            !one_named[0].contains("no procedure is named"),
            "{one_named:#?}"
        );
    }
}
