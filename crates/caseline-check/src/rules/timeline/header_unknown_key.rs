use crate::Rule;
use crate::analysis::Cx;
use crate::suggest;

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
    /// FORMAT.md §4.1 (the case header).
    pub(crate) static HEADER_UNKNOWN_KEY = crate::rules::STABLE_0_1;
}

/// The keys the header understands (FORMAT.md §4.1).
pub(crate) const KNOWN_KEYS: &[&str] = &[
    "title",
    "body",
    "complainant",
    "procedure",
    "calendar",
    "as-of",
    "related",
    "source",
];

pub(crate) fn check(cx: &mut Cx) {
    let Some(h) = &cx.doc.header else { return };
    let mut found = Vec::new();
    for f in &h.other_fields {
        let key = f.key.value.as_str();
        let mut message =
            format!("the case header has no key `{key}`, so this line is not checked");
        if let Some(s) = suggest::did_you_mean(key, KNOWN_KEYS.iter().copied()) {
            message.push_str(&format!(": did you mean `{s}`?"));
        }
        found.push((f.key.range, message));
    }
    for (range, message) in found {
        cx.report(Rule::HeaderUnknownKey, range, message);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::HeaderUnknownKey);
    }
}
