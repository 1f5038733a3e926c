//! "Did you mean" suggestions: bounded edit distance between names.
//!
//! Pure string functions; knows nothing of rules or documents.

/// Edit distance between `a` and `b`, counting a swap of two neighbouring
/// letters as one edit (`recieved` is one edit from `received`), or `None`
/// when it exceeds `max`. The length check first keeps event checks cheap.
pub(crate) fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    if a.chars().count().abs_diff(b.chars().count()) > max {
        return None;
    }
    let d = strsim::osa_distance(a, b);
    (d <= max).then_some(d)
}

/// The closest candidate to `name` within an edit distance scaled to its length
/// (at most 3), if any. Ties go to the earlier candidate.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let max = (name.chars().count() / 3).clamp(1, 3);
    closest(name, candidates, max)
}

/// The closest candidate within `max` edits (ties: the earlier one).
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Option<&'a str> {
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        if let Some(d) = distance_within(name, c, max)
            && best.is_none_or(|(bd, _)| d < bd)
        {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Up to three names near `wanted` for a list of suggestions, closest first:
/// those within an edit distance scaled to its length, then those containing
/// it (so `missed` finds `deadline-missed`). Case is ignored.
pub fn suggestions<'a>(wanted: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.trim().to_lowercase();
    let limit = (wanted.chars().count() / 3).clamp(1, 3);
    let mut scored: Vec<(usize, &str)> = names
        .into_iter()
        .filter_map(|n| match distance_within(&wanted, n, limit) {
            Some(d) => Some((d, n)),
            None if wanted.len() >= 4 && n.contains(wanted.as_str()) => Some((limit + 1, n)),
            None => None,
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edits allowed grow with the name: a third of its length, at least
    /// 1 and at most 3. "stage1.recevd" (13 letters: 3 edits allowed) is 2
    /// edits from "stage1.received"; "abc" (1 edit) is 2 from "xyc".
    #[test]
    fn the_distance_allowed_grows_with_the_name() {
        assert_eq!(
            did_you_mean("stage1.recevd", ["stage1.received"]),
            Some("stage1.received")
        );
        assert_eq!(did_you_mean("procedur", ["procedure"]), Some("procedure"));
        assert_eq!(did_you_mean("abc", ["xyc"]), None);
        assert_eq!(did_you_mean("abc", ["abd"]), Some("abd"));
        // Never more than 3, however long the name.
        assert_eq!(did_you_mean("children-statutory", ["chldrn-sttutry"]), None);
    }

    #[test]
    fn distances() {
        assert_eq!(distance_within("kitten", "sitting", 3), Some(3));
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(
            distance_within("stage1.respnse", "stage1.response", 2),
            Some(1)
        );
        assert_eq!(distance_within("", "ab", 2), Some(2));
        // A swap of two letters is one slip, not two.
        assert_eq!(distance_within("recieved", "received", 1), Some(1));
    }

    #[test]
    fn suggestion_prefers_the_closest() {
        let c = ["stage2.report", "stage1.response", "stage2.response"];
        assert_eq!(closest("stage2.respons", c, 2), Some("stage2.response"));
        assert_eq!(did_you_mean("lgsc", ["lgsco", "spso"]), Some("lgsco"));
        assert_eq!(did_you_mean("zzzz", ["lgsco"]), None);
    }
}
