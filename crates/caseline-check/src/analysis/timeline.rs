//! The dated skeleton of a case: every entry's date as an interval (with `?`
//! bounded by its dated neighbours, docs/format.md#dates) and an index of entries by
//! event kind, so that every later step is linear in the file.
//!
//! Depends only on the document model; no calendar arithmetic happens here.

use std::collections::HashMap;

use caseline_calendar::{Interval, NaiveDate};
use caseline_syntax::ast::{DateSpec, Document, EntryChild};

/// An entry's date as an interval (`caseline_calendar::Interval`, the one
/// interval type): `None` is open on that side (a `?` with no dated entry above
/// or below it). What the check engine asks of entry dates, besides what
/// `Interval` itself answers.
pub(crate) trait EntryDate: Sized {
    /// The interval a written date covers (`None` for `?`).
    fn of_spec(spec: DateSpec) -> Option<Self>;
    /// Certainly before `other`: its latest day is before `other`'s earliest.
    /// An open end is never certain.
    fn before(self, other: Self) -> bool;
    /// Sort key for date order (pairing, docs/format.md#procedures): earliest
    /// day, an open one first; then latest day, an open one last. Callers add
    /// file order.
    fn order_key(self) -> (Option<NaiveDate>, bool, Option<NaiveDate>);
}

impl EntryDate for Interval {
    fn of_spec(spec: DateSpec) -> Option<Interval> {
        match spec {
            DateSpec::Day(d) => Some(Interval::day(d)),
            DateSpec::Span { first, last } => {
                Some(Interval::new(Some(first.min(last)), Some(first.max(last))))
            }
            DateSpec::Unknown => None,
        }
    }

    fn before(self, other: Interval) -> bool {
        matches!((self.latest, other.earliest), (Some(a), Some(b)) if a < b)
    }

    fn order_key(self) -> (Option<NaiveDate>, bool, Option<NaiveDate>) {
        (self.earliest, self.latest.is_none(), self.latest)
    }
}

/// Per-entry intervals and lookups.
pub(crate) struct Timeline<'a> {
    /// One per `Document::entries`.
    pub iv: Vec<Interval>,
    /// The date as written (`None` for an invalid date).
    pub spec: Vec<Option<DateSpec>>,
    /// Entry indices by event kind, ascending.
    pub by_kind: HashMap<&'a str, Vec<usize>>,
    /// Entries with an `extended` line, by the namespace of their kind.
    pub extended_by_ns: HashMap<&'a str, Vec<usize>>,
    /// Per event kind, the latest day any of its entries may fall on (`None`:
    /// some entry is open-ended above, so there is no latest day).
    latest_by_kind: HashMap<&'a str, Option<NaiveDate>>,
}

/// The part of an event kind before the first `.`.
pub(crate) fn namespace(kind: &str) -> &str {
    kind.split('.').next().unwrap_or(kind)
}

impl<'a> Timeline<'a> {
    pub(crate) fn build(doc: &'a Document) -> Timeline<'a> {
        let n = doc.entries.len();
        let spec: Vec<Option<DateSpec>> = doc
            .entries
            .iter()
            .map(|e| e.date.as_ref().map(|d| d.value))
            .collect();
        let own: Vec<Option<Interval>> =
            spec.iter().map(|s| s.and_then(Interval::of_spec)).collect();

        // A `?` (or an invalid date) takes its earliest day from the nearest
        // dated entry above and its latest from the nearest dated entry below.
        let mut iv = vec![
            Interval {
                earliest: None,
                latest: None
            };
            n
        ];
        let mut above: Option<NaiveDate> = None;
        for i in 0..n {
            match own[i] {
                Some(v) => {
                    iv[i] = v;
                    above = v.earliest;
                }
                None => iv[i].earliest = above,
            }
        }
        let mut below: Option<NaiveDate> = None;
        for i in (0..n).rev() {
            match own[i] {
                Some(v) => below = v.latest,
                None => iv[i].latest = below,
            }
        }
        // Neighbours out of order (already a `date-order` warning) would give an
        // empty interval; widen it so every reading stays well defined.
        for v in &mut iv {
            if let (Some(a), Some(b)) = (v.earliest, v.latest)
                && a > b
            {
                *v = Interval {
                    earliest: Some(b),
                    latest: Some(a),
                };
            }
        }

        let mut by_kind: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut extended_by_ns: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, e) in doc.entries.iter().enumerate() {
            if let Some(k) = &e.kind {
                by_kind.entry(k.value.as_str()).or_default().push(i);
                if e.children
                    .iter()
                    .any(|c| matches!(c, EntryChild::Extended(_)))
                {
                    extended_by_ns
                        .entry(namespace(&k.value))
                        .or_default()
                        .push(i);
                }
            }
        }
        let latest_by_kind = by_kind
            .iter()
            .map(|(&k, list)| {
                let latest = list
                    .iter()
                    .map(|&i| iv[i].latest)
                    .try_fold(None::<NaiveDate>, |m, hi| Some(m.max(Some(hi?))));
                (k, latest.flatten())
            })
            .collect();
        Timeline {
            iv,
            spec,
            by_kind,
            extended_by_ns,
            latest_by_kind,
        }
    }

    /// Entry indices of one kind (ascending).
    pub(crate) fn of_kind(&self, kind: &str) -> &[usize] {
        self.by_kind.get(kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether some entry of `kind` is recorded that is not certainly before
    /// `iv` (its latest day is not before `iv`'s earliest), wherever its line
    /// stands in the file.
    pub(crate) fn kind_not_before(&self, kind: &str, iv: Interval) -> bool {
        match self.latest_by_kind.get(kind) {
            None => false,
            Some(&hi) => !Interval::new(None, hi).before(iv),
        }
    }

    /// The entries with an `extended` line in namespace `ns`, indexed by date
    /// for [`ExtendedIndex::any_in`].
    pub(crate) fn extended_index(&self, ns: &str) -> ExtendedIndex {
        let mut list: Vec<(usize, Interval)> = self
            .extended_by_ns
            .get(ns)
            .map(|l| l.iter().map(|&i| (i, self.iv[i])).collect())
            .unwrap_or_default();
        list.sort_by_key(|&(i, v)| (v.earliest, i));
        // For each prefix, its (at most) three entries with the latest days,
        // latest first, an open latest day counting as the latest of all.
        let mut top = Vec::with_capacity(list.len());
        let mut cur: Vec<(usize, Interval)> = Vec::new();
        for &e in &list {
            cur.push(e);
            cur.sort_by_key(|&(i, v)| (std::cmp::Reverse((v.latest.is_none(), v.latest)), i));
            cur.truncate(3);
            top.push(cur.clone());
        }
        ExtendedIndex { list, top }
    }
}

/// The `extended` lines of one namespace, for the question "is one of them
/// within this round of the stage?" in O(log n) per round.
pub(crate) struct ExtendedIndex {
    /// (entry, interval), by earliest day (an open one first), then file order.
    list: Vec<(usize, Interval)>,
    /// `top[k]`: the up to three entries of `list[..=k]` with the latest
    /// latest days, latest first.
    top: Vec<Vec<(usize, Interval)>>,
}

impl ExtendedIndex {
    /// Whether some `extended` entry other than those in `except` is neither
    /// certainly before `after` nor certainly after `until` (an open end, or a
    /// missing bound, is never certain).
    pub(crate) fn any_in(
        &self,
        after: Option<Interval>,
        until: Option<Interval>,
        except: [Option<usize>; 2],
    ) -> bool {
        // Not certainly after `until`: a prefix of the list.
        let n = match until {
            Some(u) => self.list.partition_point(|&(_, v)| !u.before(v)),
            None => self.list.len(),
        };
        let Some(top) = n.checked_sub(1).map(|k| &self.top[k]) else {
            return false;
        };
        // The prefix's entry with the latest latest day, leaving out at most two
        // entries: one of the top three.
        top.iter()
            .find(|(i, _)| !except.contains(&Some(*i)))
            .is_some_and(|&(_, v)| after.is_none_or(|a| !v.before(a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ExtendedIndex::any_in` against a plain scan, on pseudo-random
    /// intervals with open ends.
    #[test]
    fn extended_index_agrees_with_a_scan() {
        let day =
            |n: u64| NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid") + chrono::Days::new(n);
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        let iv = |next: &mut dyn FnMut(u64) -> u64| {
            let lo = (next(6) > 0).then(|| day(next(30)));
            let hi = (next(6) > 0).then(|| lo.unwrap_or(day(0)) + chrono::Days::new(next(10)));
            Interval::new(lo, hi)
        };
        for _ in 0..2000 {
            let n = next(7) as usize;
            let ivs: Vec<Interval> = (0..n).map(|_| iv(&mut next)).collect();
            let ext: Vec<usize> = (0..n).filter(|_| next(2) == 0).collect();
            let t = Timeline {
                iv: ivs.clone(),
                spec: vec![None; n],
                by_kind: HashMap::new(),
                extended_by_ns: HashMap::from([("s", ext.clone())]),
                latest_by_kind: HashMap::new(),
            };
            let index = t.extended_index("s");
            let pick = |next: &mut dyn FnMut(u64) -> u64| {
                (n > 0 && next(4) > 0).then(|| next(n as u64) as usize)
            };
            let (after, until, skip) = (pick(&mut next), pick(&mut next), pick(&mut next));
            let except = [after, skip];
            let want = ext.iter().any(|&x| {
                !except.contains(&Some(x))
                    && after.is_none_or(|a| !ivs[x].before(ivs[a]))
                    && until.is_none_or(|u| !ivs[u].before(ivs[x]))
            });
            let got = index.any_in(after.map(|a| ivs[a]), until.map(|u| ivs[u]), except);
            assert_eq!(
                got, want,
                "{ivs:?} ext {ext:?} after {after:?} until {until:?} skip {skip:?}"
            );
        }
    }
}
