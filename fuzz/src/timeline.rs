//! A structure-aware generator of `.case` timelines: `arbitrary` picks a
//! header, entries (valid, invalid and vague dates), rec/promise/agree/done
//! lines and procedure/calendar blocks, and [`Timeline::render`] writes them out
//! with the spelling docs/format.md gives. It also reports whether it wrote anything
//! deliberately wrong: if not, the parser must find no syntax error at all.
//!
//! Names come from small vocabularies (the built-in procedures' real events, a
//! few free events, keyword-free IDs) so that the generated text exercises the
//! checker's rules instead of mostly being syntax errors.

use arbitrary::Arbitrary;
use caseline_syntax::ast::DurationUnit;
use caseline_syntax::max_duration_amount;
use chrono::NaiveDate;
use std::fmt::Write;

const PROCEDURES: &[&str] = &[
    "children-statutory",
    "lgsco",
    "adult-social-care",
    "council-code",
    "housing-code",
    "spso",
    "nipso",
    "send-ehc",
    "send-review",
    "wales-social-services",
    "foi",
    "eir",
    "sar",
    "fuzz-proc",
    "children-statutry",
];
const CALENDARS: &[&str] = &[
    "england-and-wales",
    "scotland",
    "northern-ireland",
    "weekdays",
    "uk-any",
    "fuzz-cal",
    "narnia",
];
const KINDS: &[&str] = &[
    "stage1.received",
    "stage1.response",
    "stage2.requested",
    "stage2.report",
    "stage2.adjudication",
    "stage3.requested",
    "stage3.panel",
    "stage3.report",
    "stage3.response",
    "ombudsman.received",
    "ombudsman.decision",
    "note",
    "done",
    "declined",
    "partial",
    "meeting",
    "assessment.completed",
    "stage2.adjudicaton",
    "ehc.requested",
    "ehc.no-plan",
    "ehc.final",
    "review.meeting",
    "foi.received",
    "foi.fee-notice",
    "foi.fee-received",
    "foi.response",
    "sar.received",
    "sar.id-received",
    "sar.response",
    "fuzz.a",
    "fuzz.b",
    "fuzz.c",
];
const IDS: &[&str] = &["a", "b", "c", "R1", "s3-b", "p1", "m1", "o1", "Z_9"];
const KEYS: &[&str] = &["officer", "outcome", "ref", "amount"];
const HEADER_KEYS: &[&str] = &[
    "related",
    "source",
    "title",
    "body",
    "complainant",
    "colour",
];
const WORDS: &[&str] = &[
    "Complaint",
    "received",
    "£150",
    "apology",
    "panel's",
    "report",
    "naïve",
    "😀",
    "x",
    "—",
];

#[derive(Arbitrary, Debug)]
pub struct Timeline {
    pub leading_comment: bool,
    pub header: Option<Header>,
    pub blocks: Vec<Block>,
    pub crlf: bool,
    pub final_newline: bool,
}

#[derive(Arbitrary, Debug)]
pub struct Header {
    pub reference: Text,
    pub fields: Vec<HeaderField>,
}

#[derive(Arbitrary, Debug)]
pub enum HeaderField {
    Procedure(Vec<u8>),
    Calendar(u8),
    AsOf(DateGen),
    Other(u8, Text),
}

#[derive(Arbitrary, Debug)]
pub enum Block {
    Entry(EntryGen),
    Procedure(ProcGen),
    Calendar(CalGen),
    Comment(Text),
    Blank,
    /// Arbitrary text as one line (may be anything at all).
    Garbage(String),
}

#[derive(Arbitrary, Debug)]
pub struct EntryGen {
    pub date: DateGen,
    pub kind: u8,
    pub ids: Vec<u8>,
    pub text: Option<Text>,
    pub children: Vec<Child>,
    pub trailing_comment: Option<Text>,
}

#[derive(Arbitrary, Debug)]
pub enum Child {
    Rec {
        promise: bool,
        id: u8,
        due: Option<DueGen>,
        text: Option<Text>,
    },
    Agree {
        ids: Vec<u8>,
        due: Option<DueGen>,
    },
    Extended(Option<Text>),
    /// `exception TARGET ["reason"]`.
    Exception(u8, Option<Text>),
    Prose(Text),
    Field(u8, Text),
    Comment(Text),
    Ack(u8, Option<Text>),
}

#[derive(Arbitrary, Debug)]
pub enum DueGen {
    Within(Amount, UnitGen),
    By(DateGen),
}

/// The number in a duration. A well-formed one stays within what the language
/// accepts for its unit (`caseline_syntax::max_duration_amount`: 10,000 days,
/// 1,200 months, 100 years); a longer one is a deliberate error.
#[derive(Arbitrary, Debug)]
pub enum Amount {
    /// A usual time limit, 0 to 59.
    Small(u8),
    /// Anything up to the limit for its unit.
    Any(u32),
    /// Past the limit, up to beyond `u32::MAX` (a typo like `99999999wd`).
    TooLong(u32),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum UnitGen {
    WorkingDays,
    Days,
    Weeks,
    Months,
    Years,
}

/// Raw numbers, so that impossible days (2023-02-29, month 13) come up often.
#[derive(Arbitrary, Debug)]
pub enum DateGen {
    Day(Year, u8, u8),
    Month(Year, u8),
    Range(Year, u8, u8, Year, u8, u8),
    ShortRange(Year, u8, u8, u8),
    MonthDayRange(Year, u8, u8, u8, u8),
    MonthRange(Year, u8, Year, u8),
    Unknown,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Year {
    /// Near the shipped calendar data.
    Near(u8),
    /// Anywhere a four-digit year can be.
    Any(u16),
}

#[derive(Arbitrary, Debug)]
pub struct ProcGen {
    pub name: u8,
    pub title: Option<Text>,
    pub uses: Vec<u8>,
    pub events: Vec<(u8, Text, bool)>,
    pub deadlines: Vec<(
        u8,
        Amount,
        UnitGen,
        u8,
        Option<(Amount, UnitGen)>,
        Option<Text>,
    )>,
    pub requires: Vec<(u8, u8)>,
    /// The deadline clauses of docs/format.md#deadline-clauses, per deadline
    /// (same order as `deadlines`): alternative outcome, more starts, and a
    /// bit set for `starting with`, `repeating`, `roll-forward`, `guidance`.
    pub clauses: Vec<(Option<(u8, Amount, UnitGen)>, Vec<u8>, u8)>,
    /// `calendar NAME`, `pause TARGET from A until B`, `exception TARGET...`.
    pub calendar: Option<u8>,
    pub pauses: Vec<(u8, u8, u8)>,
    pub exceptions: Vec<u8>,
}

#[derive(Arbitrary, Debug)]
pub struct CalGen {
    pub name: u8,
    pub extends: Vec<u8>,
    pub closed: Vec<DateGen>,
    pub reason: Option<Text>,
}

/// String content: words from a vocabulary plus quotes and backslashes that
/// must be escaped (the renderer escapes them).
#[derive(Arbitrary, Debug)]
pub struct Text(pub Vec<u8>);

fn pick<'a>(list: &[&'a str], i: u8) -> &'a str {
    list[usize::from(i) % list.len()]
}

impl Text {
    fn words(&self) -> String {
        let mut out = String::new();
        for (n, b) in self.0.iter().take(12).enumerate() {
            if n > 0 {
                out.push(' ');
            }
            match b % 16 {
                0 => out.push('"'),
                1 => out.push('\\'),
                2 => out.push('#'),
                _ => out.push_str(pick(WORDS, *b / 16)),
            }
        }
        out
    }

    /// A quoted, escaped string.
    fn quoted(&self) -> String {
        let mut out = String::from("\"");
        for c in self.words().chars() {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
        out
    }
}

/// What the renderer wrote: the text, and whether anything in it was
/// deliberately wrong (if not, the parser must report no syntax error).
pub struct Rendered {
    pub text: String,
    pub has_deliberate_errors: bool,
}

struct Writer {
    out: String,
    bad: bool,
    nl: &'static str,
}

impl Writer {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push_str(self.nl);
    }
}

fn year(y: Year) -> i32 {
    match y {
        Year::Near(n) => 2019 + i32::from(n % 10),
        Year::Any(n) => i32::from(n % 10_000),
    }
}

fn month_last(y: i32, m: u8) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(y, u32::from(m), 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(y, u32::from(m) + 1, 1)?
    };
    let _ = first;
    next.pred_opt()
}

impl DateGen {
    /// Renders the date; sets `bad` when it is not a real day/month or a range
    /// that ends before it starts.
    fn render(&self, w: &mut Writer) -> String {
        self.render_in(w, true)
    }

    /// `?` is a date only at the start of an entry; elsewhere it counts as a
    /// deliberate error.
    fn render_in(&self, w: &mut Writer, unknown_allowed: bool) -> String {
        let day = |y: i32, m: u8, d: u8| NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d));
        // Small raw values: 0..=13 months and 0..=32 days, so invalid ones are common.
        let m = |x: u8| x % 14;
        let d = |x: u8| x % 33;
        match *self {
            DateGen::Day(y, mo, da) => {
                let (y, mo, da) = (year(y), m(mo), d(da));
                if day(y, mo, da).is_none() {
                    w.bad = true;
                }
                format!("{y:04}-{mo:02}-{da:02}")
            }
            DateGen::Month(y, mo) => {
                let (y, mo) = (year(y), m(mo));
                if day(y, mo, 1).is_none() {
                    w.bad = true;
                }
                format!("{y:04}-{mo:02}")
            }
            DateGen::Range(y1, m1, d1, y2, m2, d2) => {
                let (y1, m1, d1, y2, m2, d2) = (year(y1), m(m1), d(d1), year(y2), m(m2), d(d2));
                match (day(y1, m1, d1), day(y2, m2, d2)) {
                    (Some(a), Some(b)) if a <= b => {}
                    _ => w.bad = true,
                }
                format!("{y1:04}-{m1:02}-{d1:02}..{y2:04}-{m2:02}-{d2:02}")
            }
            DateGen::ShortRange(y, mo, d1, d2) => {
                let (y, mo, d1, d2) = (year(y), m(mo), d(d1), d(d2));
                match (day(y, mo, d1), day(y, mo, d2)) {
                    (Some(a), Some(b)) if a <= b => {}
                    _ => w.bad = true,
                }
                format!("{y:04}-{mo:02}-{d1:02}..{d2:02}")
            }
            DateGen::MonthDayRange(y, m1, d1, m2, d2) => {
                let (y, m1, d1, m2, d2) = (year(y), m(m1), d(d1), m(m2), d(d2));
                match (day(y, m1, d1), day(y, m2, d2)) {
                    (Some(a), Some(b)) if a <= b => {}
                    _ => w.bad = true,
                }
                format!("{y:04}-{m1:02}-{d1:02}..{m2:02}-{d2:02}")
            }
            DateGen::MonthRange(y1, m1, y2, m2) => {
                let (y1, m1, y2, m2) = (year(y1), m(m1), year(y2), m(m2));
                match (day(y1, m1, 1), month_last(y2, m2)) {
                    (Some(a), Some(b)) if a <= b => {}
                    _ => w.bad = true,
                }
                format!("{y1:04}-{m1:02}..{y2:04}-{m2:02}")
            }
            DateGen::Unknown => {
                if !unknown_allowed {
                    w.bad = true;
                }
                "?".to_string()
            }
        }
    }
}

/// A duration as written (`10wd`); sets `bad` when its amount is longer than
/// the language accepts.
fn duration(a: &Amount, u: UnitGen, w: &mut Writer) -> String {
    let (suffix, unit) = match u {
        UnitGen::WorkingDays => ("wd", DurationUnit::WorkingDays),
        UnitGen::Days => ("d", DurationUnit::Days),
        UnitGen::Weeks => ("w", DurationUnit::Weeks),
        UnitGen::Months => ("m", DurationUnit::Months),
        UnitGen::Years => ("y", DurationUnit::Years),
    };
    let max = u64::from(max_duration_amount(unit));
    let amount = match a {
        Amount::Small(n) => u64::from(*n % 60).min(max),
        Amount::Any(n) => u64::from(*n) % (max + 1),
        Amount::TooLong(n) => {
            w.bad = true;
            max + 1 + u64::from(*n)
        }
    };
    format!("{amount}{suffix}")
}

fn due(d: &DueGen, w: &mut Writer) -> String {
    match d {
        DueGen::Within(a, u) => format!("within {}", duration(a, *u, w)),
        DueGen::By(date) => format!("by {}", date.render_in(w, false)),
    }
}

impl Timeline {
    pub fn render(&self) -> Rendered {
        let mut w = Writer {
            out: String::new(),
            bad: false,
            nl: if self.crlf { "\r\n" } else { "\n" },
        };
        if self.leading_comment {
            w.line("# generated by the timeline fuzz target");
        }
        if let Some(h) = &self.header {
            w.line(&format!("case {}", h.reference.quoted()));
            // A second line for a key that holds one value (title, calendar,
            // as-of, ...) is an error on purpose: caseline says so rather than
            // pick one silently.
            let mut seen: Vec<&str> = Vec::new();
            for f in h.fields.iter().take(12) {
                let key = match f {
                    HeaderField::Procedure(_) => "procedure",
                    HeaderField::Calendar(_) => "calendar",
                    HeaderField::AsOf(_) => "as-of",
                    HeaderField::Other(k, _) => pick(HEADER_KEYS, *k),
                };
                let single = !matches!(key, "related" | "colour");
                if single && !matches!(f, HeaderField::Procedure(n) if n.is_empty()) {
                    if seen.contains(&key) {
                        w.bad = true;
                    }
                    seen.push(key);
                }
                let line = match f {
                    HeaderField::Procedure(names) => {
                        let names: Vec<&str> =
                            names.iter().take(3).map(|n| pick(PROCEDURES, *n)).collect();
                        if names.is_empty() {
                            continue;
                        }
                        format!("  procedure {}", names.join(" "))
                    }
                    HeaderField::Calendar(c) => format!("  calendar {}", pick(CALENDARS, *c)),
                    HeaderField::AsOf(d) => format!("  as-of {}", d.render_in(&mut w, false)),
                    HeaderField::Other(k, t) => {
                        format!("  {} {}", pick(HEADER_KEYS, *k), t.quoted())
                    }
                };
                w.line(&line);
            }
        }
        for b in self.blocks.iter().take(64) {
            match b {
                Block::Entry(e) => e.render(&mut w),
                Block::Procedure(p) => p.render(&mut w),
                Block::Calendar(c) => c.render(&mut w),
                Block::Comment(t) => w.line(&format!("# {}", t.words())),
                Block::Blank => w.line(""),
                Block::Garbage(s) => {
                    // One line of anything: the parser may or may not accept it.
                    let one_line: String = s.chars().filter(|c| *c != '\n' && *c != '\r').collect();
                    w.bad = true;
                    w.line(&one_line);
                }
            }
        }
        let mut text = w.out;
        if !self.final_newline {
            while text.ends_with('\n') || text.ends_with('\r') {
                text.pop();
            }
        }
        Rendered {
            text,
            has_deliberate_errors: w.bad,
        }
    }
}

impl EntryGen {
    fn render(&self, w: &mut Writer) {
        let mut line = self.date.render(w);
        let _ = write!(line, " {}", pick(KINDS, self.kind));
        for id in self.ids.iter().take(4) {
            let _ = write!(line, " {}", pick(IDS, *id));
        }
        if let Some(t) = &self.text {
            let _ = write!(line, " {}", t.quoted());
        }
        if let Some(c) = &self.trailing_comment {
            let _ = write!(line, " # {}", c.words());
        }
        w.line(&line);
        for c in self.children.iter().take(8) {
            let line = match c {
                Child::Rec {
                    promise,
                    id,
                    due: d,
                    text,
                } => {
                    let mut s = format!(
                        "  {} {}",
                        if *promise { "promise" } else { "rec" },
                        pick(IDS, *id)
                    );
                    if let Some(d) = d {
                        let _ = write!(s, " {}", due(d, w));
                    }
                    if let Some(t) = text {
                        let _ = write!(s, " {}", t.quoted());
                    }
                    s
                }
                Child::Agree { ids, due: d } => {
                    let ids: Vec<&str> = ids.iter().take(4).map(|i| pick(IDS, *i)).collect();
                    if ids.is_empty() {
                        continue;
                    }
                    let mut s = format!("  agree {}", ids.join(" "));
                    if let Some(d) = d {
                        let _ = write!(s, " {}", due(d, w));
                    }
                    s
                }
                Child::Extended(None) => "  extended".to_string(),
                Child::Extended(Some(t)) => format!("  extended {}", t.quoted()),
                Child::Exception(k, None) => format!("  exception {}", pick(KINDS, *k)),
                Child::Exception(k, Some(t)) => {
                    format!("  exception {} {}", pick(KINDS, *k), t.quoted())
                }
                Child::Prose(t) => format!("  > {}", t.words()),
                Child::Field(k, t) => format!("  {} {}", pick(KEYS, *k), t.quoted()),
                Child::Comment(t) => format!("  # {}", t.words()),
                Child::Ack(rule, reason) => {
                    let rules = caseline_check::Rule::all();
                    let name = rules
                        .get(usize::from(*rule) % rules.len().max(1))
                        .map(|r| r.name())
                        .unwrap_or("syntax");
                    match reason {
                        Some(r) => format!("  # caseline: allow {name} {}", r.quoted()),
                        None => format!("  # caseline: allow {name}"),
                    }
                }
            };
            w.line(&line);
        }
    }
}

impl ProcGen {
    fn render(&self, w: &mut Writer) {
        w.line(&format!("procedure {}", pick(PROCEDURES, self.name)));
        if let Some(t) = &self.title {
            w.line(&format!("  title {}", t.quoted()));
        }
        for u in self.uses.iter().take(2) {
            w.line(&format!("  use {}", pick(PROCEDURES, *u)));
        }
        for (name, label, rec) in self.events.iter().take(8) {
            let mut s = format!("  event {} {}", pick(KINDS, *name), label.quoted());
            if *rec {
                s.push_str(" recommends");
            }
            w.line(&s);
        }
        if let Some(c) = self.calendar {
            w.line(&format!("  calendar {}", pick(CALENDARS, c)));
        }
        for (i, (target, a, u, start, ext, cite)) in self.deadlines.iter().take(6).enumerate() {
            let (alt, more, flags) = match self.clauses.get(i) {
                Some((alt, more, flags)) => (alt.as_ref(), more.as_slice(), *flags),
                None => (None, &[][..], 0),
            };
            let mut s = format!(
                "  deadline {} within {}",
                pick(KINDS, *target),
                duration(a, *u, w)
            );
            if let Some((k, aa, au)) = alt {
                let _ = write!(s, " or {} within {}", pick(KINDS, *k), duration(aa, *au, w));
            }
            s.push_str(if flags & 1 != 0 {
                " starting with "
            } else {
                " of "
            });
            let more: Vec<&str> = more.iter().take(3).map(|k| pick(KINDS, *k)).collect();
            if more.is_empty() {
                s.push_str(pick(KINDS, *start));
            } else {
                let _ = write!(s, "latest of {}, {}", pick(KINDS, *start), more.join(", "));
            }
            if let Some((ea, eu)) = ext {
                let _ = write!(s, " extendable to {}", duration(ea, *eu, w));
            }
            for (bit, word) in [(2, "repeating"), (4, "roll-forward"), (8, "guidance")] {
                if flags & bit != 0 {
                    let _ = write!(s, " {word}");
                }
            }
            if let Some(c) = cite {
                let _ = write!(s, " {}", c.quoted());
            }
            w.line(&s);
        }
        for (t, a, b) in self.pauses.iter().take(2) {
            w.line(&format!(
                "  pause {} from {} until {}",
                pick(KINDS, *t),
                pick(KINDS, *a),
                pick(KINDS, *b)
            ));
        }
        let exceptions: Vec<&str> = self
            .exceptions
            .iter()
            .take(3)
            .map(|k| pick(KINDS, *k))
            .collect();
        if !exceptions.is_empty() {
            w.line(&format!("  exception {}", exceptions.join(" ")));
        }
        for (a, b) in self.requires.iter().take(6) {
            w.line(&format!(
                "  require {} before {}",
                pick(KINDS, *a),
                pick(KINDS, *b)
            ));
        }
    }
}

impl CalGen {
    fn render(&self, w: &mut Writer) {
        w.line(&format!("calendar {}", pick(CALENDARS, self.name)));
        for e in self.extends.iter().take(2) {
            w.line(&format!("  extends {}", pick(CALENDARS, *e)));
        }
        if !self.closed.is_empty() {
            let dates: Vec<String> = self
                .closed
                .iter()
                .take(4)
                .map(|d| d.render_in(w, false))
                .collect();
            let mut s = format!("  closed {}", dates.join(" "));
            if let Some(r) = &self.reason {
                let _ = write!(s, " {}", r.quoted());
            }
            w.line(&s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The timeline the `timeline` target stopped on (issue 15), as it
    /// printed it, with the deadline's amount and unit left open.
    fn with_deadline(amount: Amount, unit: UnitGen) -> Timeline {
        let kind = |name: &str| KINDS.iter().position(|k| *k == name).unwrap() as u8;
        let text = |s: &[u8]| Text(s.to_vec());
        Timeline {
            leading_comment: true,
            header: Some(Header {
                reference: text(&[]),
                fields: vec![HeaderField::Calendar(3)],
            }),
            blocks: vec![Block::Procedure(ProcGen {
                name: 4,
                title: None,
                uses: vec![7],
                events: vec![(kind("stage3.requested"), text(&[3, 4]), true)],
                deadlines: vec![
                    (
                        kind("ombudsman.decision"),
                        Amount::Small(41),
                        UnitGen::Years,
                        kind("stage2.report"),
                        Some((Amount::Small(40), UnitGen::WorkingDays)),
                        Some(text(&[])),
                    ),
                    (
                        kind("stage2.report"),
                        amount,
                        unit,
                        kind("stage1.received"),
                        None,
                        None,
                    ),
                ],
                requires: vec![],
                clauses: vec![],
                calendar: None,
                pauses: vec![],
                exceptions: vec![],
            })],
            crlf: false,
            final_newline: true,
        }
    }

    const UNITS: [UnitGen; 5] = [
        UnitGen::WorkingDays,
        UnitGen::Days,
        UnitGen::Weeks,
        UnitGen::Months,
        UnitGen::Years,
    ];

    /// Found by the `timeline` target after 262 runs: it wrote
    /// `within 4294967295y` as well-formed, but since durations are capped
    /// (100y, 1,200m, 10,000 days) that is a syntax error, so the oracle
    /// ("a well-formed timeline parses without syntax errors") was stale.
    #[test]
    fn the_generator_writes_well_formed_durations_within_the_cap() {
        for unit in UNITS {
            for n in [0, 1, 99, 100, 101, 1_200, 1_201, 10_000, 10_001, u32::MAX] {
                let t = with_deadline(Amount::Any(n), unit);
                assert!(!t.render().has_deliberate_errors, "{n} {unit:?}");
                crate::check_timeline(&t);
            }
            crate::check_timeline(&with_deadline(Amount::Small(u8::MAX), unit));
        }
    }

    /// A duration past the cap is still written, as a deliberate error, so
    /// the "longer than any time limit" path stays fuzzed.
    #[test]
    fn a_duration_past_the_cap_is_a_deliberate_error() {
        for unit in UNITS {
            for n in [0, 1, u32::MAX] {
                let t = with_deadline(Amount::TooLong(n), unit);
                assert!(t.render().has_deliberate_errors, "{n} {unit:?}");
                crate::check_timeline(&t);
            }
        }
    }
}
