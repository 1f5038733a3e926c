//! The dated skeleton of a case: every entry's date as an interval (with `?`
//! bounded by its dated neighbours, FORMAT.md §2) and an index of entries by
//! event kind, so that every later step is linear in the file.
//!
//! Depends only on the document model; no calendar arithmetic happens here.

use std::collections::HashMap;

use caseline_calendar::{Interval, NaiveDate};
use caseline_syntax::ast::{DateSpec, Document, EntryChild};

/// A date interval; `None` is open on that side (a `?` with no dated entry
/// above or below it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Iv {
    pub lo: Option<NaiveDate>,
    pub hi: Option<NaiveDate>,
}

impl Iv {
    pub(crate) fn day(d: NaiveDate) -> Iv {
        Iv {
            lo: Some(d),
            hi: Some(d),
        }
    }

    pub(crate) fn of_spec(spec: DateSpec) -> Option<Iv> {
        match spec {
            DateSpec::Day(d) => Some(Iv::day(d)),
            DateSpec::Span { first, last } => Some(Iv {
                lo: Some(first.min(last)),
                hi: Some(first.max(last)),
            }),
            DateSpec::Unknown => None,
        }
    }

    pub(crate) fn to_interval(self) -> Interval {
        Interval {
            earliest: self.lo,
            latest: self.hi,
        }
    }
}

/// Per-entry intervals and lookups.
pub(crate) struct Timeline<'a> {
    /// One per `Document::entries`.
    pub iv: Vec<Iv>,
    /// The date as written (`None` for an invalid date).
    pub spec: Vec<Option<DateSpec>>,
    /// Entry indices by event kind, ascending.
    pub by_kind: HashMap<&'a str, Vec<usize>>,
    /// Entries with an `extended` line, by the namespace of their kind.
    pub extended_by_ns: HashMap<&'a str, Vec<usize>>,
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
        let own: Vec<Option<Iv>> = spec.iter().map(|s| s.and_then(Iv::of_spec)).collect();

        // A `?` (or an invalid date) takes its earliest day from the nearest
        // dated entry above and its latest from the nearest dated entry below.
        let mut iv = vec![Iv { lo: None, hi: None }; n];
        let mut above: Option<NaiveDate> = None;
        for i in 0..n {
            match own[i] {
                Some(v) => {
                    iv[i] = v;
                    above = v.lo;
                }
                None => iv[i].lo = above,
            }
        }
        let mut below: Option<NaiveDate> = None;
        for i in (0..n).rev() {
            match own[i] {
                Some(v) => below = v.hi,
                None => iv[i].hi = below,
            }
        }
        // Neighbours out of order (already a `date-order` warning) would give an
        // empty interval; widen it so every reading stays well defined.
        for v in &mut iv {
            if let (Some(a), Some(b)) = (v.lo, v.hi)
                && a > b
            {
                *v = Iv {
                    lo: Some(b),
                    hi: Some(a),
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
        Timeline {
            iv,
            spec,
            by_kind,
            extended_by_ns,
        }
    }

    /// Entry indices of one kind (ascending).
    pub(crate) fn of_kind(&self, kind: &str) -> &[usize] {
        self.by_kind.get(kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether some entry of `kind` lies strictly after entry `i`.
    pub(crate) fn kind_after(&self, kind: &str, i: usize) -> bool {
        self.of_kind(kind).last().is_some_and(|&last| last > i)
    }

    /// Whether an `extended` line in namespace `ns` sits on an entry in `from..=to`.
    pub(crate) fn extended_in(&self, ns: &str, from: usize, to: usize) -> bool {
        let list = self
            .extended_by_ns
            .get(ns)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let p = list.partition_point(|&i| i < from);
        list.get(p).is_some_and(|&i| i <= to)
    }
}
