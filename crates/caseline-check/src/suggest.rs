//! "Did you mean" suggestions: bounded edit distance between names.
//!
//! Pure string functions; knows nothing of rules or documents.

/// Levenshtein distance between `a` and `b`, or `None` when it exceeds `max`
/// (cheap rejection keeps event checks linear in the file).
pub(crate) fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance_within("kitten", "sitting", 3), Some(3));
        assert_eq!(distance_within("kitten", "sitting", 2), None);
        assert_eq!(
            distance_within("stage1.respnse", "stage1.response", 2),
            Some(1)
        );
        assert_eq!(distance_within("", "ab", 2), Some(2));
    }

    #[test]
    fn suggestion_prefers_the_closest() {
        let c = ["stage2.report", "stage1.response", "stage2.response"];
        assert_eq!(closest("stage2.respons", c, 2), Some("stage2.response"));
        assert_eq!(did_you_mean("lgsc", ["lgsco", "spso"]), Some("lgsco"));
        assert_eq!(did_you_mean("zzzz", ["lgsco"]), None);
    }
}
