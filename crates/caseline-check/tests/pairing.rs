//! Deadline pairing and "moving on" go by dates, never by where the lines
//! stand (docs/format.md#procedures). Random timelines — exact days, months, ranges and
//! `?`, with the lines shuffled — are checked by the engine and by a small
//! model of the spec written here from its text alone; the two must agree on
//! which target each start pairs with, on whether the procedure moved on, and
//! on the status the readings give (docs/format.md#checks).

use caseline_check::{CheckOptions, Config, DeadlineStatus, Definitions, check};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

/// The procedures of every generated case: `p` declares its events in this
/// order, so `a.after` comes after `a.end`, and `a.end` after `a.start`; `q`
/// is another procedure, whose events never move `p` on.
const DEFINITIONS: &str = "\
procedure p
  event a.start \"start\"
  event a.end \"end\"
  event a.after \"after\"
  deadline a.end within 15d of a.start
  deadline a.after within 20d of a.end

procedure q
  event b.done \"other procedure's event\"
";

/// `p`'s events in declaration order.
const P_EVENTS: [&str; 3] = ["a.start", "a.end", "a.after"];

/// (target, start, limit in calendar days) of `p`'s deadlines.
const DEADLINES: [(&str, &str, u64); 2] = [("a.end", "a.start", 15), ("a.after", "a.end", 20)];

const KINDS: [&str; 5] = ["a.start", "a.end", "a.after", "b.done", "note"];

fn as_of() -> NaiveDate {
    day(74) // 2024-03-15
}

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(offset.into())))
        .expect("in range")
}

/// A date as written.
#[derive(Debug, Clone, Copy)]
enum When {
    Day(u32),
    /// A month of 2024.
    Month(u32),
    /// `first..last`, `len` days after `first`.
    Range(u32, u32),
    Unknown,
}

impl When {
    fn text(self) -> String {
        match self {
            When::Day(d) => day(d).to_string(),
            When::Month(m) => format!("2024-{m:02}"),
            When::Range(d, len) => format!("{}..{}", day(d), day(d + len)),
            When::Unknown => "?".to_string(),
        }
    }

    /// The interval the date itself gives (docs/format.md#dates); `None` for `?`.
    fn own(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            When::Day(d) => Some((day(d), day(d))),
            When::Month(m) => {
                let first = NaiveDate::from_ymd_opt(2024, m, 1).expect("valid");
                let next = NaiveDate::from_ymd_opt(2024, m + 1, 1).expect("valid");
                Some((first, next.pred_opt().expect("valid")))
            }
            When::Range(d, len) => Some((day(d), day(d + len))),
            When::Unknown => None,
        }
    }

    /// Where the generator places the line before any shuffling.
    fn nominal(self) -> u32 {
        match self {
            When::Day(d) | When::Range(d, _) => d,
            When::Month(m) => (m - 1) * 30 + 15,
            When::Unknown => 0,
        }
    }
}

// ---------------------------------------------------------------------------
// The model, from the text of docs/format.md.

/// `[earliest, latest]`, `None` where open.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Iv {
    lo: Option<NaiveDate>,
    hi: Option<NaiveDate>,
}

/// docs/format.md#dates: a `?` takes its earliest day from the nearest dated entry above it and
/// its latest from the nearest dated entry below it, open at the file's ends.
/// When those neighbours are themselves out of order, it does not say; the
/// model reads "some day between the entries around it" in either order.
fn intervals(lines: &[(usize, When)]) -> Vec<Iv> {
    (0..lines.len())
        .map(|i| match lines[i].1.own() {
            Some((lo, hi)) => Iv {
                lo: Some(lo),
                hi: Some(hi),
            },
            None => {
                let above = lines[..i].iter().rev().find_map(|l| l.1.own()).map(|o| o.0);
                let below = lines[i + 1..].iter().find_map(|l| l.1.own()).map(|o| o.1);
                match (above, below) {
                    (Some(a), Some(b)) if a > b => Iv {
                        lo: Some(b),
                        hi: Some(a),
                    },
                    (lo, hi) => Iv { lo, hi },
                }
            }
        })
        .collect()
}

/// "Certainly before": a's latest day is before b's earliest; an open end is
/// never certain.
fn certainly_before(a: Iv, b: Iv) -> bool {
    matches!((a.hi, b.lo), (Some(x), Some(y)) if x < y)
}

/// Date order: earliest day (open = minus infinity), then latest day (open =
/// plus infinity), then file order.
fn date_order(ivs: &[Iv], mut list: Vec<usize>) -> Vec<usize> {
    list.sort_by(|&a, &b| {
        let key = |i: usize| (ivs[i].lo, ivs[i].hi.is_none(), ivs[i].hi, i);
        key(a).cmp(&key(b))
    });
    list
}

/// What the model says about one start occurrence.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    target: Option<usize>,
    status: DeadlineStatus,
}

fn model(lines: &[(usize, When)], target: &str, start: &str, limit: u64) -> Vec<(usize, Expected)> {
    let ivs = intervals(lines);
    let of = |kind: &str| -> Vec<usize> {
        (0..lines.len())
            .filter(|&i| KINDS[lines[i].0] == kind)
            .collect()
    };
    let starts = date_order(&ivs, of(start));
    let targets = date_order(&ivs, of(target));
    let after: Vec<&str> = P_EVENTS
        .iter()
        .skip_while(|e| **e != target)
        .skip(1)
        .copied()
        .collect();
    let plus = |d: Option<NaiveDate>| d.map(|d| d + Days::new(limit));
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let next = starts.get(k + 1).copied();
        // docs/format.md#which-target-a-start-pairs-with-and-moving-on: the first target in
        // date order that is not certainly before the start and not certainly after the
        // start's next occurrence.
        let paired = targets.iter().copied().find(|&t| {
            !certainly_before(ivs[t], ivs[s])
                && next.is_none_or(|n| !certainly_before(ivs[n], ivs[t]))
        });
        // The same section: moved on once an event `p` declares after the target is
        // recorded and is not certainly before the start.
        let moved_on = (0..lines.len())
            .any(|i| after.contains(&KINDS[lines[i].0]) && !certainly_before(ivs[i], ivs[s]));
        // docs/format.md#checks (readings): limits from both ends of the start interval.
        let (l0, l1) = (plus(ivs[s].lo), plus(ivs[s].hi));
        let status = match paired {
            Some(t) => {
                let missed = matches!((ivs[t].lo, l1), (Some(t0), Some(l1)) if t0 > l1);
                let possibly = match (ivs[t].hi, l0) {
                    (Some(t1), Some(l0)) => t1 > l0,
                    _ => true,
                };
                if missed {
                    DeadlineStatus::Missed
                } else if possibly {
                    DeadlineStatus::PossiblyMissed
                } else {
                    DeadlineStatus::Met
                }
            }
            None if moved_on => DeadlineStatus::NotJudged,
            None if l1.is_some_and(|l1| as_of() > l1) => DeadlineStatus::Overdue,
            None => DeadlineStatus::Pending,
        };
        out.push((
            s,
            Expected {
                target: paired,
                status,
            },
        ));
    }
    out.sort_by_key(|&(s, _)| s);
    out
}

// ---------------------------------------------------------------------------
// The engine.

fn case_text(lines: &[(usize, When)]) -> String {
    let mut text = format!("case \"pairing\"\n  procedure p q\n  as-of {}\n\n", as_of());
    for &(k, w) in lines {
        text.push_str(&format!("{} {}\n", w.text(), KINDS[k]));
    }
    text
}

fn engine(text: &str, target: &str, start: &str) -> Vec<(usize, Expected)> {
    let defs_parse = caseline_syntax::parse(DEFINITIONS);
    let (defs, problems) = Definitions::with_workspace(&[("p.case".to_string(), &defs_parse)]);
    assert!(problems.is_empty(), "{problems:?}");
    let parse = caseline_syntax::parse(text);
    let opts = CheckOptions {
        today: as_of(),
        as_of_override: None,
        config: Config::default(),
    };
    let a = check(&parse, &defs, &opts);
    let mut out: Vec<(usize, Expected)> = a
        .deadlines
        .iter()
        .filter(|d| d.target_kind == target && d.start_kind == start)
        .map(|d| {
            (
                d.start_entry,
                Expected {
                    target: d.target_entry,
                    status: d.status,
                },
            )
        })
        .collect();
    out.sort_by_key(|&(s, _)| s);
    out
}

// ---------------------------------------------------------------------------
// Generators.

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        6 => (0u32..100).prop_map(When::Day),
        1 => (1u32..=4).prop_map(When::Month),
        1 => (0u32..90, 1u32..20).prop_map(|(d, len)| When::Range(d, len)),
        2 => Just(When::Unknown),
    ]
}

fn line() -> impl Strategy<Value = (usize, When)> {
    (
        prop_oneof![3 => Just(0usize), 3 => Just(1usize), 2 => Just(2usize), 1 => Just(3usize), 1 => Just(4usize)],
        when(),
    )
}

/// A timeline written in date order (a `?` anywhere), then either shuffled
/// or with a few lines swapped (the usual slip).
fn timeline() -> impl Strategy<Value = Vec<(usize, When)>> {
    let in_order = || {
        prop::collection::vec(line(), 1..14).prop_map(|mut lines| {
            lines.sort_by_key(|l| l.1.nominal());
            lines
        })
    };
    prop_oneof![
        in_order().prop_shuffle(),
        (
            in_order(),
            prop::collection::vec((0usize..14, 0usize..14), 0..3)
        )
            .prop_map(|(mut lines, swaps)| {
                let n = lines.len();
                for (a, b) in swaps {
                    lines.swap(a % n, b % n);
                }
                lines
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn pairing_and_moving_on_follow_the_dates(lines in timeline()) {
        let text = case_text(&lines);
        for (target, start, limit) in DEADLINES {
            let want = model(&lines, target, start, limit);
            let got = engine(&text, target, start);
            prop_assert_eq!(
                &got, &want,
                "deadline {} of {}\n{}", target, start, text
            );
        }
    }

    /// With exact dates only, missed and overdue follow from the pairing by
    /// plain date arithmetic.
    #[test]
    fn exact_dates_missed_and_overdue_follow_the_pairing(
        lines in prop::collection::vec((0usize..5, 0u32..100), 1..14)
    ) {
        let lines: Vec<(usize, When)> = lines.into_iter().map(|(k, d)| (k, When::Day(d))).collect();
        let text = case_text(&lines);
        for (target, start, limit) in DEADLINES {
            let want = model(&lines, target, start, limit);
            let got = engine(&text, target, start);
            prop_assert_eq!(&got, &want, "deadline {} of {}\n{}", target, start, text);
            for (s, e) in &got {
                let When::Day(sd) = lines[*s].1 else { unreachable!() };
                let due = day(sd) + Days::new(limit);
                match e.target {
                    Some(t) => {
                        let When::Day(td) = lines[t].1 else { unreachable!() };
                        let late = day(td) > due;
                        prop_assert_eq!(e.status == DeadlineStatus::Missed, late, "{}", text);
                        prop_assert!(matches!(e.status, DeadlineStatus::Missed | DeadlineStatus::Met), "{}", text);
                    }
                    None => {
                        prop_assert_ne!(e.status, DeadlineStatus::Missed);
                        if e.status != DeadlineStatus::NotJudged {
                            prop_assert_eq!(e.status == DeadlineStatus::Overdue, as_of() > due, "{}", text);
                        }
                    }
                }
            }
        }
    }
}
