//! Benchmark (not a test) of the working-day arithmetic: ns per `add_working_days`
//! and `working_days_between` over many random pairs, against a naive day-by-day
//! loop. std::time only. Run: `cargo bench -p caseline-calendar --bench ops`.
//!
//! With `CASELINE_BENCH_INPUT=FILE` (lines `a n b`, dates as days since 1970-01-01,
//! as `benches/calendar/run.sh` writes them) it times those pairs instead and prints
//! checksums of the results, so the script can check caseline and numpy agree.
//! Lines starting `RESULT` are for the script; the rest is for people.

use std::collections::HashSet;
use std::hint::black_box;
use std::time::Instant;

use caseline_calendar::{Calendar, Calendars, NaiveDate};
use chrono::{Datelike, TimeDelta};

/// `num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_CE: i32 = 719_163;

fn from_unix_days(days: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(UNIX_EPOCH_CE + days as i32).expect("date in range")
}

fn unix_days(d: NaiveDate) -> i64 {
    (d.num_days_from_ce() - UNIX_EPOCH_CE) as i64
}

/// Deterministic pairs without a `rand` dependency (xorshift64*).
fn generated(count: usize) -> Vec<(NaiveDate, u32, NaiveDate)> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: u64| {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound
    };
    let base = NaiveDate::from_ymd_opt(2012, 1, 1).expect("date");
    (0..count)
        .map(|_| {
            let a = base + TimeDelta::days(400 + next(5000) as i64);
            let n = 1 + next(65) as u32;
            let b = a + TimeDelta::days(next(800) as i64 - 400);
            (a, n, b)
        })
        .collect()
}

fn from_file(path: &str) -> Vec<(NaiveDate, u32, NaiveDate)> {
    let text = std::fs::read_to_string(path).expect("readable input");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<i64> = l
                .split_whitespace()
                .map(|x| x.parse().expect("integer"))
                .collect();
            (from_unix_days(f[0]), f[1] as u32, from_unix_days(f[2]))
        })
        .collect()
}

/// The obvious implementation: step one day at a time, look each day up in a set.
struct Naive {
    closed: HashSet<NaiveDate>,
}

impl Naive {
    fn new(cal: &Calendar) -> Naive {
        Naive {
            closed: (2000..=2040)
                .flat_map(|y| cal.holidays_in_year(y))
                .map(|h| h.date)
                .collect(),
        }
    }
    fn is_working(&self, d: NaiveDate) -> bool {
        d.weekday().num_days_from_monday() < 5 && !self.closed.contains(&d)
    }
    fn add(&self, d: NaiveDate, n: u32) -> NaiveDate {
        let (mut cur, mut left) = (d, n);
        while left > 0 {
            cur = cur.succ_opt().expect("in range");
            if self.is_working(cur) {
                left -= 1;
            }
        }
        cur
    }
    fn between(&self, a: NaiveDate, b: NaiveDate) -> i64 {
        let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
        let (mut cur, mut count) = (lo, 0);
        while cur < hi {
            cur = cur.succ_opt().expect("in range");
            count += self.is_working(cur) as i64;
        }
        sign * count
    }
}

/// Best of `rounds` runs, in ns per element.
fn time(rounds: usize, len: usize, mut f: impl FnMut() -> i64) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed().as_nanos() as f64 / len as f64);
    }
    best
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this binary
    // without it (unoptimised), where a quick smoke run is all that is wanted.
    let full = std::env::args().any(|a| a == "--bench");
    let pairs = match std::env::var("CASELINE_BENCH_INPUT") {
        Ok(path) => from_file(&path),
        Err(_) => generated(if full { 1_000_000 } else { 2_000 }),
    };
    let (many, few_rounds) = if full { (9, 3) } else { (1, 1) };
    let cal = Calendars::builtin()
        .get("england-and-wales")
        .expect("built-in");

    // One-off cost: building the table (first use), timed on a fresh user calendar.
    let mut cals = Calendars::builtin();
    cals.define("bench-council", &["england-and-wales"], &[])
        .expect("defines");
    let user = cals.get("bench-council").expect("defined");
    let t = Instant::now();
    black_box(user.add_working_days(pairs[0].0, 1));
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    black_box(cal.add_working_days(pairs[0].0, 1)); // warm the built-in's table

    let add_ns = time(many, pairs.len(), || {
        pairs
            .iter()
            .map(|&(a, n, _)| unix_days(cal.add_working_days(black_box(a), black_box(n))))
            .sum()
    });
    let between_ns = time(many, pairs.len(), || {
        pairs
            .iter()
            .map(|&(a, _, b)| cal.working_days_between(black_box(a), black_box(b)))
            .sum()
    });

    // The naive loop is slow: time it on a slice.
    let naive = Naive::new(&cal);
    let few = &pairs[..pairs.len().min(100_000)];
    let naive_add_ns = time(few_rounds, few.len(), || {
        few.iter()
            .map(|&(a, n, _)| unix_days(naive.add(black_box(a), black_box(n))))
            .sum()
    });
    let naive_between_ns = time(few_rounds, few.len(), || {
        few.iter()
            .map(|&(a, _, b)| naive.between(black_box(a), black_box(b)))
            .sum()
    });

    // The arithmetic fallback outside the 1900–2200 table (year 2300).
    let shift = TimeDelta::days(106_000);
    let far: Vec<_> = few
        .iter()
        .map(|&(a, n, b)| (a + shift, n, b + shift))
        .collect();
    let far_add_ns = time(few_rounds, far.len(), || {
        far.iter()
            .map(|&(a, n, _)| unix_days(cal.add_working_days(black_box(a), black_box(n))))
            .sum()
    });
    let far_between_ns = time(few_rounds, far.len(), || {
        far.iter()
            .map(|&(a, _, b)| cal.working_days_between(black_box(a), black_box(b)))
            .sum()
    });

    // Checksums, and agreement with the naive loop on the slice.
    let add_sum: i64 = pairs
        .iter()
        .map(|&(a, n, _)| unix_days(cal.add_working_days(a, n)))
        .sum();
    let between_sum: i64 = pairs
        .iter()
        .map(|&(a, _, b)| cal.working_days_between(a, b))
        .sum();
    for &(a, n, b) in few {
        assert_eq!(cal.add_working_days(a, n), naive.add(a, n));
        assert_eq!(cal.working_days_between(a, b), naive.between(a, b));
    }

    println!(
        "caseline-calendar, england-and-wales, {} pairs (n = 1..65 working days)",
        pairs.len()
    );
    println!("  add_working_days        {add_ns:8.2} ns/op");
    println!("  working_days_between    {between_ns:8.2} ns/op");
    println!(
        "  naive day-by-day add    {naive_add_ns:8.2} ns/op  ({:.0}x slower)",
        naive_add_ns / add_ns
    );
    println!(
        "  naive day-by-day between{naive_between_ns:8.2} ns/op  ({:.0}x slower)",
        naive_between_ns / between_ns
    );
    println!("  fallback add (year 2300){far_add_ns:8.2} ns/op");
    println!("  fallback between (2300) {far_between_ns:8.2} ns/op");
    println!("  table build (one-off)   {build_ms:8.2} ms");
    println!("RESULT add {add_ns}");
    println!("RESULT between {between_ns}");
    println!("RESULT naive_add {naive_add_ns}");
    println!("RESULT naive_between {naive_between_ns}");
    println!("RESULT fallback_add {far_add_ns}");
    println!("RESULT fallback_between {far_between_ns}");
    println!("RESULT table_build_ms {build_ms}");
    println!("RESULT add_sum {add_sum}");
    println!("RESULT between_sum {between_sum}");
}
