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

    /// Two candidates equally close: the earlier one wins, as documented.
    /// The mutant `closest: < -> <=` let the later one replace it.
    #[test]
    fn a_tie_goes_to_the_earlier_candidate() {
        assert_eq!(closest("abc", ["abd", "abe"], 1), Some("abd"));
        assert_eq!(closest("abc", ["abe", "abd"], 1), Some("abe"));
        assert_eq!(did_you_mean("lgsc", ["lgsa", "lgsb"]), Some("lgsa"));
    }

    /// The list for "did you mean": names within the edits allowed come first
    /// (closest first), then names that contain what was typed (`missed`
    /// finds `deadline-missed`); case and surrounding spaces are ignored, and
    /// a name that is neither is left out. The mutants `suggestions -> vec![]`,
    /// `vec![""]` and `vec!["xyzzy"]`, and the containment guard made `true`,
    /// got this wrong.
    #[test]
    fn suggestions_are_the_near_names_then_those_containing_it() {
        assert_eq!(
            suggestions(" Missed ", ["rec-late", "deadline-missed", "mised", "xyz"]),
            vec!["mised", "deadline-missed"]
        );
        assert_eq!(
            suggestions("missed", ["rec-late", "calendar"]),
            Vec::<&str>::new()
        );
    }

    /// A name that only contains the text comes after every name within the
    /// edits allowed, even one at the most edits allowed whose name sorts
    /// later: `wissef` is two edits from `missed` (six letters: two allowed).
    /// The mutants `suggestions: + -> -` and `+ -> *` on the score of a
    /// containing name (`limit + 1`) ranked it with or before those names.
    #[test]
    fn a_containing_name_comes_after_every_near_name() {
        assert_eq!(
            suggestions("missed", ["deadline-missed", "wissef"]),
            vec!["wissef", "deadline-missed"]
        );
    }

    /// Containment counts only for four letters or more: `dea` typed alone
    /// does not suggest `deadline-missed` (too many names contain three
    /// letters), `miss` does, and a name that is far away and does not
    /// contain what was typed is never suggested however long the text. The
    /// mutants of the guard `wanted.len() >= 4 && n.contains(..)` (made
    /// `false`, `&&` -> `||`, `>=` -> `<`) got one of these wrong.
    #[test]
    fn containment_needs_four_letters() {
        assert_eq!(suggestions("dea", ["deadline-missed"]), Vec::<&str>::new());
        assert_eq!(
            suggestions("miss", ["deadline-missed"]),
            vec!["deadline-missed"]
        );
        assert_eq!(
            suggestions("calendar-coverage", ["deadline-missed"]),
            Vec::<&str>::new()
        );
    }

    /// The edits allowed are a third of the typed length (at least 1, at
    /// most 3), as for `did_you_mean`: six letters allow two edits, four
    /// letters one. The mutants `suggestions: / -> %` (6 % 3 = 0, so one
    /// edit) and `/ -> *` (always three) got one of these wrong.
    #[test]
    fn suggestions_allow_edits_by_length() {
        assert_eq!(suggestions("abcdef", ["abcdxy"]), vec!["abcdxy"]);
        assert_eq!(suggestions("abcd", ["abxy"]), Vec::<&str>::new());
    }

    /// At most three suggestions, the closest first (ties by name).
    #[test]
    fn at_most_three_suggestions_closest_first() {
        assert_eq!(
            suggestions("stage", ["stage4", "stage3", "stag", "stage2", "stage1"]),
            vec!["stag", "stage1", "stage2"]
        );
    }
}
