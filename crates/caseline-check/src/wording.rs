//! How caseline says dates, counts, durations and where a recommendation
//! stands, in the investigator's words and never in Rust's: the one phrasing
//! module of every front end (messages, the CLI, hovers and inlay hints, the
//! report).
//!
//! Three forms. The long form is for sentences: messages, hovers, the report
//! ("between 2024-06-01 and 2024-06-30", "84 to 105 working days"). The short
//! form is for inlay hints, which sit inside the text and must be brief; it
//! writes dates in the file's own range forms ("2024-06-01..30") and counts
//! with `wd`/`d` ("84–105 wd"). The decision form is for text an investigator
//! pastes into a published decision: dates as decisions write them ("24 August
//! 2023", "between 3 and 7 June 2023"), counts as the long form does. The
//! pieces only a decision needs have functions of their own: [`long_date`],
//! [`decision_when`], [`whichever`], [`due_by`], [`authority`] and [`allowed`].
//!
//! Pure functions of dates, numbers and the engine's records: no calendar,
//! no document.

use caseline_calendar::{Duration, Interval, NaiveDate, Unit};
use caseline_syntax::ast::{DateSpec, DurationLit, DurationUnit};
use chrono::Datelike;

use crate::records::{CountRange, CountUnit, DeadlineRecord, NotJudged, RecRecord, RecStatus};

/// Which form to say a figure in (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// For sentences: messages, hovers, the report.
    Long,
    /// For inlay hints.
    Short,
    /// For decisions: dates in full ("24 August 2023"); counts, limits and
    /// lateness as in the long form.
    Decision,
}

fn month_name(d: NaiveDate) -> &'static str {
    u8::try_from(d.month())
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("?", |m| m.name())
}

fn is_month_start(d: NaiveDate) -> bool {
    d.day() == 1
}

fn is_month_end(d: NaiveDate) -> bool {
    d.succ_opt().is_none_or(|n| n.day() == 1)
}

/// When an entry happened, as a phrase that follows a noun: "on 2024-02-21",
/// "in June 2024", "between 2024-11-06 and 2024-12-08", "on an unknown date
/// between 2024-05-01 and 2024-11-30".
pub fn when(spec: Option<DateSpec>, iv: Interval) -> String {
    match spec {
        Some(DateSpec::Day(d)) => format!("on {d}"),
        Some(DateSpec::Span { first, last }) if is_month_start(first) && is_month_end(last) => {
            if first.year() == last.year() && first.month() == last.month() {
                format!("in {} {}", month_name(first), first.year())
            } else if first.year() == last.year() {
                format!(
                    "between {} and {} {}",
                    month_name(first),
                    month_name(last),
                    last.year()
                )
            } else {
                format!(
                    "between {} {} and {} {}",
                    month_name(first),
                    first.year(),
                    month_name(last),
                    last.year()
                )
            }
        }
        Some(DateSpec::Span { first, last }) => format!("between {first} and {last}"),
        Some(DateSpec::Unknown) | None => match (iv.earliest, iv.latest) {
            (Some(a), Some(b)) => format!("on an unknown date between {a} and {b}"),
            (Some(a), None) => format!("on an unknown date on or after {a}"),
            (None, Some(b)) => format!("on an unknown date on or before {b}"),
            (None, None) => "on an unknown date".to_string(),
        },
    }
}

/// A date that may be vague, in either form. Long: "2023-12-22", "between
/// 2024-08-30 and 2024-09-30", "on or after 2025-05-01" (open-ended), "on an
/// unknown date". Short, in the file's own range forms: "2023-12-22",
/// "2024-04-15..20", "2024-04-15..06-14", "2024-12-30..2025-01-03", with `?`
/// for an open end. Decision: "24 August 2023", "between 3 and 7 June 2023",
/// "between 28 June and 3 July 2023", "on or after 1 May 2024".
pub fn interval(i: Interval, form: Form) -> String {
    match form {
        Form::Decision => match (i.earliest, i.latest) {
            (Some(a), Some(b)) if a == b => long_date(a),
            (Some(a), Some(b)) => format!("between {}", long_range(a, b)),
            (Some(a), None) => format!("on or after {}", long_date(a)),
            (None, Some(b)) => format!("on or before {}", long_date(b)),
            (None, None) => "on an unknown date".to_string(),
        },
        Form::Long => match (i.earliest, i.latest) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("between {a} and {b}"),
            (Some(a), None) => format!("on or after {a}"),
            (None, Some(b)) => format!("on or before {b}"),
            (None, None) => "on an unknown date".to_string(),
        },
        Form::Short => match (i.earliest, i.latest) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) if a.year() == b.year() && a.month() == b.month() => {
                format!("{a}..{}", b.format("%d"))
            }
            (Some(a), Some(b)) if a.year() == b.year() => {
                format!("{a}..{}", b.format("%m-%d"))
            }
            (a, b) => {
                let show = |d: Option<NaiveDate>| d.map_or("?".to_owned(), |d| d.to_string());
                format!("{}..{}", show(a), show(b))
            }
        },
    }
}

/// The long form of [`interval`], as messages say a due date.
pub fn date_range(i: Interval) -> String {
    interval(i, Form::Long)
}

/// A time limit. Long: "65 working days", "1 month", "4 weeks". Short:
/// "65 wd", "15 d", "4 w", "1 m", "1 y".
pub fn limit(d: Duration, form: Form) -> String {
    match form {
        Form::Long | Form::Decision => d.describe(),
        Form::Short => {
            let unit = match d.unit {
                Unit::WorkingDays => "wd",
                Unit::Days => "d",
                Unit::Weeks => "w",
                Unit::Months => "m",
                Unit::Years => "y",
            };
            format!("{} {unit}", d.amount)
        }
    }
}

/// The long form of [`limit`].
pub fn duration(d: Duration) -> String {
    limit(d, Form::Long)
}

/// A duration as the user writes it in a file: "25wd", "15d", "4w", "1m", "1y".
pub fn as_written(d: &DurationLit) -> String {
    let unit = match d.unit {
        DurationUnit::WorkingDays => "wd",
        DurationUnit::Days => "d",
        DurationUnit::Weeks => "w",
        DurationUnit::Months => "m",
        DurationUnit::Years => "y",
    };
    format!("{}{unit}", d.amount)
}

/// The unit of a count. Long, agreeing with `n`: "working day(s)", "day(s)".
/// Short: "wd", "d".
pub fn unit(unit: CountUnit, n: i64, form: Form) -> &'static str {
    match (form, unit, n == 1) {
        (Form::Short, CountUnit::WorkingDays, _) => "wd",
        (Form::Short, CountUnit::Days, _) => "d",
        (Form::Long | Form::Decision, CountUnit::WorkingDays, true) => "working day",
        (Form::Long | Form::Decision, CountUnit::WorkingDays, false) => "working days",
        (Form::Long | Form::Decision, CountUnit::Days, true) => "day",
        (Form::Long | Form::Decision, CountUnit::Days, false) => "days",
    }
}

/// The long form of [`unit`].
pub fn unit_words(u: CountUnit, n: i64) -> &'static str {
    unit(u, n, Form::Long)
}

/// A number that may be uncertain, without its unit. Long: "12", "26 to 46",
/// "at least 3", "up to 5", "unknown". Short: "12", "26–46", "3+", "≤5", "?".
pub fn number(c: &CountRange, form: Form) -> String {
    match form {
        Form::Long | Form::Decision => match (c.min, c.max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{} to {}", a.min(b), a.max(b)),
            (Some(a), None) => format!("at least {a}"),
            (None, Some(b)) => format!("up to {b}"),
            (None, None) => "unknown".to_string(),
        },
        Form::Short => match (c.min, c.max) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}–{b}"),
            (Some(a), None) => format!("{a}+"),
            (None, Some(b)) => format!("≤{b}"),
            (None, None) => "?".to_owned(),
        },
    }
}

/// A count with its unit, long form: "105 working days", "84 to 105 working
/// days", "at least 84 working days", "an unknown number of working days".
pub fn count(c: CountRange, u: CountUnit) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => format!("{a} {}", unit_words(u, a)),
        (Some(a), Some(b)) => format!("{a} to {b} {}", unit_words(u, b)),
        (Some(a), None) if a <= 0 => format!("an unknown number of {}", unit_words(u, 2)),
        (Some(a), None) => format!("at least {a} {}", unit_words(u, a)),
        (None, Some(b)) => format!("up to {b} {}", unit_words(u, b)),
        (None, None) => format!("an unknown number of {}", unit_words(u, 2)),
    }
}

/// How late a stage or recommendation is, or nothing when it is not late under
/// any reading. Long: "40 working days late", "up to 12 working days late",
/// "possibly late". Short: "40 wd late", "up to 12 wd late".
pub fn late(late: Option<&CountRange>, u: CountUnit, form: Form) -> Option<String> {
    let late = late?;
    match (late.min, late.max) {
        (Some(a), b) if a > 0 => Some(format!(
            "{} {} late",
            number(late, form),
            unit(u, b.unwrap_or(a), form)
        )),
        (_, Some(b)) if b > 0 => Some(format!("up to {b} {} late", unit(u, b, form))),
        (_, None) => Some("possibly late".to_owned()),
        _ => None,
    }
}

/// Where a recommendation stands as of the as-of date, as the engine judged
/// it: past its due date and not done or declined, it is overdue, never
/// "open" (`RecRecord::overdue`, as `rec-overdue` judges it); possibly overdue
/// when the as-of date falls inside a vague due date
/// (`RecRecord::possibly_overdue`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecState {
    Open,
    PartlyDone,
    Overdue { partly_done: bool },
    PossiblyOverdue { partly_done: bool },
    Done,
    Declined,
}

impl RecState {
    pub fn of(r: &RecRecord) -> RecState {
        // The engine's judgement first: it knows when a `done` came after the as-of date.
        if r.overdue.is_some() {
            return RecState::Overdue {
                partly_done: r.status == RecStatus::Partial,
            };
        }
        let partly_done = match r.status {
            RecStatus::Done => return RecState::Done,
            RecStatus::Declined => return RecState::Declined,
            RecStatus::Partial => true,
            RecStatus::Open => false,
        };
        if r.possibly_overdue {
            RecState::PossiblyOverdue { partly_done }
        } else if partly_done {
            RecState::PartlyDone
        } else {
            RecState::Open
        }
    }

    /// "open", "overdue (partly done)", "declined".
    pub fn words(self) -> &'static str {
        match self {
            RecState::Open => "open",
            RecState::PartlyDone => "partly done",
            RecState::Overdue { partly_done: false } => "overdue",
            RecState::Overdue { partly_done: true } => "overdue (partly done)",
            RecState::PossiblyOverdue { partly_done: false } => "possibly overdue",
            RecState::PossiblyOverdue { partly_done: true } => "possibly overdue (partly done)",
            RecState::Done => "done",
            RecState::Declined => "declined",
        }
    }
}

/// "12 working days late" / "3 to 9 working days overdue"; when the count is
/// 0 (a weekend or holiday after the due day), says so instead of "0 days".
pub fn lateness(c: CountRange, unit: CountUnit, word: &str) -> String {
    if c.max == Some(0) {
        format!("{word}, though by no whole working day (a non-working day after the due date)")
    } else {
        format!("{} {word}", count(c, unit))
    }
}

/// A day as a decision writes it: "24 August 2023", "1 May 2024".
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

/// `a` to `b` (`a < b`), without repeating what they share: "3 and 7 June
/// 2023", "28 June and 3 July 2023", "30 December 2024 and 3 January 2025".
fn long_range(a: NaiveDate, b: NaiveDate) -> String {
    if a.year() != b.year() {
        format!("{} and {}", long_date(a), long_date(b))
    } else if a.month() != b.month() {
        format!("{} {} and {}", a.day(), month_name(a), long_date(b))
    } else {
        format!("{} and {}", a.day(), long_date(b))
    }
}

/// Whole months, said as months: "June 2023", "April and May 2024",
/// "December 2024 and January 2025"; `None` unless `first` is the first of a
/// month and `last` the last of one.
fn months(first: NaiveDate, last: NaiveDate) -> Option<String> {
    if !is_month_start(first) || !is_month_end(last) {
        return None;
    }
    Some(
        if first.year() == last.year() && first.month() == last.month() {
            format!("{} {}", month_name(first), first.year())
        } else if first.year() == last.year() {
            format!(
                "{} and {} {}",
                month_name(first),
                month_name(last),
                last.year()
            )
        } else {
            format!(
                "{} {} and {} {}",
                month_name(first),
                first.year(),
                month_name(last),
                last.year()
            )
        },
    )
}

/// [`when`] in the decision form, as a phrase after a noun: "on 24 August
/// 2023", "in June 2023", "between April and May 2024", "between 3 and 7 June
/// 2023", "on an unknown date between 27 June and 24 August 2023".
pub fn decision_when(spec: Option<DateSpec>, iv: Interval) -> String {
    match spec {
        Some(DateSpec::Day(d)) => format!("on {}", long_date(d)),
        Some(DateSpec::Span { first, last }) => match months(first, last) {
            Some(m) if first.month() == last.month() && first.year() == last.year() => {
                format!("in {m}")
            }
            Some(m) => format!("between {m}"),
            None => format!("between {}", long_range(first, last)),
        },
        Some(DateSpec::Unknown) | None => match (iv.earliest, iv.latest) {
            (Some(a), Some(b)) if a == b => format!("on {}", long_date(a)),
            (Some(a), Some(b)) => format!("on an unknown date between {}", long_range(a, b)),
            (Some(a), None) => format!("on an unknown date on or after {}", long_date(a)),
            (None, Some(b)) => format!("on an unknown date on or before {}", long_date(b)),
            (None, None) => "on an unknown date".to_string(),
        },
    }
}

/// What the Ombudsman writes when a finding holds however vague the dates
/// are: "whichever day in June 2024 the stage 2 request was". Each date is
/// (what, as written, as resolved); exact days are left out. An empty `what`
/// is the date the sentence has just given: "whichever day it was". `None` when every
/// date is exact; with two or more vague ones, "whatever the exact dates of
/// the receipt of the complaint and the stage 1 response".
pub fn whichever(dates: &[(&str, Option<DateSpec>, Interval)]) -> Option<String> {
    let vague: Vec<&(&str, Option<DateSpec>, Interval)> = dates
        .iter()
        .filter(|(_, spec, iv)| {
            !matches!(spec, Some(DateSpec::Day(_)))
                && !matches!((iv.earliest, iv.latest), (Some(a), Some(b)) if a == b)
        })
        .collect();
    match vague.as_slice() {
        [] => None,
        [(what, spec, iv)] => {
            if what.is_empty() {
                return Some("whichever day it was".to_string());
            }
            let what = format!("the {what}");
            let (first, last) = match (spec, iv.earliest, iv.latest) {
                (Some(DateSpec::Span { first, last }), _, _) => (*first, *last),
                (_, Some(a), Some(b)) => (a, b),
                _ => return Some(format!("whenever {what} was")),
            };
            Some(match months(first, last) {
                Some(m) if first.month() == last.month() && first.year() == last.year() => {
                    format!("whichever day in {m} {what} was")
                }
                Some(m) => format!("whichever day between {m} {what} was"),
                None => format!(
                    "whichever day between {} {what} was",
                    long_range(first, last)
                ),
            })
        }
        [init @ .., (last, _, _)] => {
            let names: Vec<String> = init.iter().map(|(w, _, _)| format!("the {w}")).collect();
            Some(format!(
                "whatever the exact dates of {} and the {last}",
                names.join(", ")
            ))
        }
    }
}

/// When something was due, after "due": "by 25 July 2023", "by a day between
/// 2 and 30 September 2024"; with `at_the_latest` (the finding holds under
/// every reading, so only the latest day matters), "by 30 September 2024 at
/// the latest".
pub fn due_by(due: Interval, at_the_latest: bool) -> String {
    match (due.earliest, due.latest) {
        (Some(a), Some(b)) if a == b => format!("by {}", long_date(a)),
        (_, Some(b)) if at_the_latest => format!("by {} at the latest", long_date(b)),
        (Some(a), Some(b)) => format!("by a day between {}", long_range(a, b)),
        (Some(a), None) => format!("by a day on or after {}", long_date(a)),
        (None, Some(b)) => format!("by a day on or before {}", long_date(b)),
        (None, None) => "by an unknown date".to_string(),
    }
}

/// [`count`] in the decision form: as the long form, but a range from 0 is
/// "up to 42 working days" (vague dates that may fall on the same day).
pub fn decision_count(c: CountRange, u: CountUnit) -> String {
    match (c.min, c.max) {
        (Some(0), Some(b)) if b > 0 => format!("up to {b} {}", unit_words(u, b)),
        _ => count(c, u),
    }
}

/// The instrument a citation is from, as a decision refers to it: "the
/// Regulations" for SI 2006/1738.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authority {
    /// How sentences name it: "the Regulations", "the Act", "the Code", or
    /// the instrument's name when it has no such head word.
    pub term: String,
    /// Its full name, as the procedure's `source` line writes it: "Children
    /// Act 1989 Representations Procedure (England) Regulations 2006 (SI
    /// 2006/1738)".
    pub instrument: String,
    /// Whether the term takes a plural verb ("the Regulations allow").
    pub plural: bool,
}

/// The instrument behind a deadline's citation, read off the procedure's
/// `source` line (its parts are separated by `;`) and nothing else:
///
/// - a part ending in an identifier in brackets that the citation starts with
///   (`... Regulations 2006 (SI 2006/1738)` for `SI 2006/1738 reg. 14`);
/// - a part whose name (up to its first `(` or `,`) the citation starts with
///   (`LGSCO Complaint Handling Code, February 2024 ...` for `LGSCO Complaint
///   Handling Code 6.2`);
/// - for a citation of a regulation alone (`reg. 14`), the one part that
///   names Regulations, if there is exactly one.
///
/// `None` when no part fits, and when the citation carries a note in brackets
/// (`reg. 20 (derived: 5 + 15 working days; not in the Regulations)`): then
/// the limit is not simply what the instrument says, and [`allowed`] quotes
/// the citation instead of attributing the limit to it.
pub fn authority(citation: &str, source: Option<&str>) -> Option<Authority> {
    let citation = citation.trim();
    if citation.is_empty() || has_note(citation) {
        return None;
    }
    let parts: Vec<&str> = source?
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let starts = |prefix: &str| {
        !prefix.is_empty()
            && citation
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ',']))
    };
    let found = |part: &str, name: &str| {
        let (term, plural) = term_of(name);
        Authority {
            term,
            instrument: part.to_string(),
            plural,
        }
    };
    for part in &parts {
        if let Some((name, id)) = trailing_brackets(part)
            && starts(id)
        {
            return Some(found(part, name));
        }
        let name = part
            .split(['(', ','])
            .next()
            .map(str::trim)
            .unwrap_or_default();
        if starts(name) {
            return Some(found(part, name));
        }
    }
    let lower = citation.to_ascii_lowercase();
    if lower.starts_with("reg. ") || lower.starts_with("regs. ") || lower.starts_with("regulation ")
    {
        let regulations: Vec<(&str, &str)> = parts
            .iter()
            .map(|part| (*part, trailing_brackets(part).map_or(*part, |(n, _)| n)))
            .filter(|(_, name)| words_of(name).any(|w| w == "Regulations"))
            .collect();
        if let [(part, name)] = regulations.as_slice() {
            return Some(found(part, name));
        }
    }
    None
}

/// A bracketed note with words in it (`(derived: ...)`), as opposed to a
/// paragraph number (`reg. 19(4)`, `s.23(12A)`).
fn has_note(citation: &str) -> bool {
    let mut rest = citation;
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let close = inner.find(')').unwrap_or(inner.len());
        if inner[..close].contains(char::is_whitespace) {
            return true;
        }
        rest = &inner[close.min(inner.len())..];
    }
    false
}

/// `Name (ID)` -> (`Name`, `ID`).
fn trailing_brackets(part: &str) -> Option<(&str, &str)> {
    let inner = part.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let name = inner[..open].trim_end();
    let id = inner[open + 1..].trim();
    (!name.is_empty() && !id.is_empty()).then_some((name, id))
}

fn words_of(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// "the Regulations" for "... Regulations 2006": the instrument's head word,
/// the last of the kinds below that its name contains; else the name itself.
fn term_of(name: &str) -> (String, bool) {
    const KINDS: [(&str, bool); 6] = [
        ("Regulations", true),
        ("Rules", true),
        ("Directions", true),
        ("Act", false),
        ("Order", false),
        ("Code", false),
    ];
    match words_of(name)
        .filter_map(|w| KINDS.iter().find(|(k, _)| *k == w))
        .last()
    {
        Some((kind, plural)) => (format!("the {kind}"), *plural),
        None => (name.to_string(), false),
    }
}

/// What the time limit is and where it comes from, as a clause: "the
/// Regulations (SI 2006/1738 reg. 14) allow 10 working days, or 20 if
/// extended" when the citation's instrument is known ([`authority`]); "the
/// time limit is 20 working days; the procedure cites SI 2006/1738 reg. 20
/// (derived: ...)" when it is not, so a note on the citation is never lost and
/// a limit is never attributed to an instrument that does not set it; "the
/// time limit is 10 working days" with no citation.
pub fn allowed(
    limit: Duration,
    extended: Option<Duration>,
    citation: Option<&str>,
    authority: Option<&Authority>,
) -> String {
    let mut amount = duration(limit);
    if let Some(e) = extended {
        if e.unit == limit.unit {
            amount.push_str(&format!(", or {} if extended", e.amount));
        } else {
            amount.push_str(&format!(", or {} if extended", duration(e)));
        }
    }
    match (authority, citation) {
        (Some(a), Some(c)) => {
            let verb = if a.plural { "allow" } else { "allows" };
            format!("{} ({c}) {verb} {amount}", a.term)
        }
        (None, Some(c)) if !c.trim().is_empty() => {
            format!("the time limit is {amount}; the procedure cites {c}")
        }
        _ => format!("the time limit is {amount}"),
    }
}

/// An event label as the middle of a sentence: lowercase first letter unless
/// the label starts with an acronym ("LGSCO decision") or with a word that
/// complaint decisions always capitalise, because it names one body ("the
/// Ombudsman's decision", "the Council's response").
pub fn label(l: &str) -> String {
    const NAMES: [&str; 2] = ["Ombudsman", "Council"];
    let first = l.split([' ', '\'', '’']).next().unwrap_or("");
    if NAMES.contains(&first) {
        return l.to_string();
    }
    let mut chars = l.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            let mut s: String = a.to_lowercase().collect();
            s.push_str(&l[a.len_utf8()..]);
            s
        }
        _ => l.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn months_and_ranges() {
        let june = DateSpec::Span {
            first: d("2024-06-01"),
            last: d("2024-06-30"),
        };
        let iv = Interval::range(d("2024-06-01"), d("2024-06-30"));
        assert_eq!(when(Some(june), iv), "in June 2024");
        let apr_may = DateSpec::Span {
            first: d("2024-04-01"),
            last: d("2024-05-31"),
        };
        assert_eq!(when(Some(apr_may), iv), "between April and May 2024");
        let q = Interval::new(Some(d("2024-05-01")), None);
        assert_eq!(
            when(Some(DateSpec::Unknown), q),
            "on an unknown date on or after 2024-05-01"
        );
    }

    #[test]
    fn lateness_on_a_weekend() {
        let zero = CountRange {
            min: Some(0),
            max: Some(0),
        };
        assert!(lateness(zero, CountUnit::WorkingDays, "late").starts_with("late, though"));
        let three = CountRange {
            min: Some(3),
            max: Some(3),
        };
        assert_eq!(
            lateness(three, CountUnit::WorkingDays, "overdue"),
            "3 working days overdue"
        );
    }

    #[test]
    fn counts_and_labels() {
        let c = CountRange {
            min: Some(84),
            max: Some(105),
        };
        assert_eq!(count(c, CountUnit::WorkingDays), "84 to 105 working days");
        let one = CountRange {
            min: Some(1),
            max: Some(1),
        };
        assert_eq!(count(one, CountUnit::Days), "1 day");
        assert_eq!(label("Stage 2 adjudication"), "stage 2 adjudication");
        assert_eq!(label("LGSCO decision"), "LGSCO decision");
        assert_eq!(label("Ombudsman's decision"), "Ombudsman's decision");
        assert_eq!(label("Council response"), "Council response");
        assert_eq!(label("Councillor's letter"), "councillor's letter");
    }

    #[test]
    fn intervals_in_both_forms() {
        let day = Interval::day(d("2023-12-22"));
        assert_eq!(interval(day, Form::Short), "2023-12-22");
        assert_eq!(interval(day, Form::Long), "2023-12-22");
        let april = Interval::range(d("2024-04-15"), d("2024-04-20"));
        assert_eq!(interval(april, Form::Short), "2024-04-15..20");
        assert_eq!(
            interval(april, Form::Long),
            "between 2024-04-15 and 2024-04-20"
        );
        let spring = Interval::range(d("2024-04-15"), d("2024-06-14"));
        assert_eq!(interval(spring, Form::Short), "2024-04-15..06-14");
        let new_year = Interval::range(d("2024-12-30"), d("2025-01-03"));
        assert_eq!(interval(new_year, Form::Short), "2024-12-30..2025-01-03");
        let open = Interval::new(Some(d("2025-05-01")), None);
        assert_eq!(interval(open, Form::Short), "2025-05-01..?");
        assert_eq!(interval(open, Form::Long), "on or after 2025-05-01");
        assert_eq!(interval(Interval::unknown(), Form::Short), "?..?");
        assert_eq!(
            interval(Interval::unknown(), Form::Long),
            "on an unknown date"
        );
    }

    #[test]
    fn dates_in_the_decision_form() {
        assert_eq!(long_date(d("2023-08-24")), "24 August 2023");
        assert_eq!(long_date(d("2024-05-01")), "1 May 2024");
        let iv = |a, b| Interval::range(d(a), d(b));
        assert_eq!(
            interval(Interval::day(d("2023-07-25")), Form::Decision),
            "25 July 2023"
        );
        assert_eq!(
            interval(iv("2023-06-03", "2023-06-07"), Form::Decision),
            "between 3 and 7 June 2023"
        );
        assert_eq!(
            interval(iv("2023-06-28", "2023-07-03"), Form::Decision),
            "between 28 June and 3 July 2023"
        );
        assert_eq!(
            interval(iv("2024-12-30", "2025-01-03"), Form::Decision),
            "between 30 December 2024 and 3 January 2025"
        );
        assert_eq!(
            interval(Interval::new(Some(d("2024-05-01")), None), Form::Decision),
            "on or after 1 May 2024"
        );
        let span = |a, b| {
            Some(DateSpec::Span {
                first: d(a),
                last: d(b),
            })
        };
        let june = iv("2024-06-01", "2024-06-30");
        assert_eq!(
            decision_when(
                Some(DateSpec::Day(d("2023-06-27"))),
                Interval::day(d("2023-06-27"))
            ),
            "on 27 June 2023"
        );
        assert_eq!(
            decision_when(span("2024-06-01", "2024-06-30"), june),
            "in June 2024"
        );
        assert_eq!(
            decision_when(span("2024-04-01", "2024-05-31"), june),
            "between April and May 2024"
        );
        assert_eq!(
            decision_when(span("2024-12-01", "2025-01-31"), june),
            "between December 2024 and January 2025"
        );
        assert_eq!(
            decision_when(span("2024-11-06", "2024-12-08"), june),
            "between 6 November and 8 December 2024"
        );
        assert_eq!(
            decision_when(Some(DateSpec::Unknown), iv("2023-06-27", "2023-08-24")),
            "on an unknown date between 27 June and 24 August 2023"
        );
    }

    #[test]
    fn whichever_day_it_was() {
        let exact = Interval::day(d("2024-11-05"));
        let june = Interval::range(d("2024-06-01"), d("2024-06-30"));
        let june_spec = Some(DateSpec::Span {
            first: d("2024-06-01"),
            last: d("2024-06-30"),
        });
        assert_eq!(
            whichever(&[(
                "stage 2 adjudication",
                Some(DateSpec::Day(d("2024-11-05"))),
                exact
            )]),
            None
        );
        assert_eq!(
            whichever(&[
                ("stage 2 request", june_spec, june),
                (
                    "stage 2 adjudication",
                    Some(DateSpec::Day(d("2024-11-05"))),
                    exact
                ),
            ])
            .as_deref(),
            Some("whichever day in June 2024 the stage 2 request was")
        );
        let days = Interval::range(d("2025-01-11"), d("2025-01-20"));
        assert_eq!(
            whichever(&[("response", None, days)]).as_deref(),
            Some("whichever day between 11 and 20 January 2025 the response was")
        );
        assert_eq!(
            whichever(&[("", None, june)]).as_deref(),
            Some("whichever day it was")
        );
        assert_eq!(
            whichever(&[
                ("receipt of the complaint", june_spec, june),
                ("stage 1 response", june_spec, june),
            ])
            .as_deref(),
            Some(
                "whatever the exact dates of the receipt of the complaint and the stage 1 response"
            )
        );
        let open = Interval::new(Some(d("2025-01-01")), None);
        assert_eq!(
            whichever(&[("decision", Some(DateSpec::Unknown), open)]).as_deref(),
            Some("whenever the decision was")
        );
    }

    #[test]
    fn due_dates_and_counts_in_the_decision_form() {
        let day = Interval::day(d("2023-07-25"));
        assert_eq!(due_by(day, true), "by 25 July 2023");
        let sept = Interval::range(d("2024-09-02"), d("2024-09-30"));
        assert_eq!(due_by(sept, true), "by 30 September 2024 at the latest");
        assert_eq!(
            due_by(sept, false),
            "by a day between 2 and 30 September 2024"
        );
        let c = |min, max| CountRange { min, max };
        let wd = CountUnit::WorkingDays;
        assert_eq!(decision_count(c(Some(42), Some(42)), wd), "42 working days");
        assert_eq!(
            decision_count(c(Some(0), Some(42)), wd),
            "up to 42 working days"
        );
        assert_eq!(
            decision_count(c(Some(90), Some(110)), wd),
            "90 to 110 working days"
        );
        assert_eq!(
            late(Some(&c(Some(22), Some(22))), wd, Form::Decision).as_deref(),
            Some("22 working days late")
        );
    }

    /// The citations and sources of the built-in procedures, as shipped.
    #[test]
    fn authorities_come_from_the_procedures_own_source_lines() {
        let defs = crate::Definitions::builtin();
        let cited = |procedure: &str, start: &str| {
            let p = defs.procedure(procedure).expect("a built-in procedure");
            let citation = p
                .deadlines
                .iter()
                .find(|d| d.citation.as_deref().is_some_and(|c| c.starts_with(start)))
                .and_then(|d| d.citation.clone())
                .unwrap_or_else(|| panic!("{procedure} cites {start}"));
            let source = p.source.clone();
            (citation, source)
        };

        let (c, s) = cited("children-statutory", "SI 2006/1738 reg. 14");
        let a = authority(&c, s.as_deref()).expect("SI 2006/1738 is named in the source");
        assert_eq!(a.term, "the Regulations");
        assert!(a.plural);
        assert_eq!(
            a.instrument,
            "Children Act 1989 Representations Procedure (England) Regulations 2006 (SI 2006/1738)"
        );
        let limit = Duration {
            amount: 10,
            unit: Unit::WorkingDays,
        };
        let ext = Duration {
            amount: 20,
            unit: Unit::WorkingDays,
        };
        assert_eq!(
            allowed(limit, Some(ext), Some(&c), Some(&a)),
            "the Regulations (SI 2006/1738 reg. 14) allow 10 working days, or 20 if extended"
        );
        // A paragraph number in brackets is part of the reference.
        let (c, s) = cited("children-statutory", "SI 2006/1738 reg. 19(4)");
        assert!(authority(&c, s.as_deref()).is_some());
        // A note in brackets: the limit is not simply the instrument's.
        let (c, s) = cited("children-statutory", "SI 2006/1738 reg. 20 (derived");
        assert_eq!(authority(&c, s.as_deref()), None);
        assert_eq!(
            allowed(
                Duration {
                    amount: 20,
                    unit: Unit::WorkingDays
                },
                None,
                Some(&c),
                None
            ),
            format!("the time limit is 20 working days; the procedure cites {c}")
        );

        let (c, s) = cited("council-code", "LGSCO Complaint Handling Code 6.2");
        let a = authority(&c, s.as_deref()).expect("the source names the Code");
        assert_eq!((a.term.as_str(), a.plural), ("the Code", false));
        assert_eq!(
            allowed(
                Duration {
                    amount: 5,
                    unit: Unit::WorkingDays
                },
                None,
                Some(&c),
                Some(&a)
            ),
            "the Code (LGSCO Complaint Handling Code 6.2) allows 5 working days"
        );
        let (c, s) = cited("council-code", "LGSCO Complaint Handling Code (stage 2");
        assert_eq!(authority(&c, s.as_deref()), None);
        let (c, s) = cited("adult-social-care", "SI 2009/309 reg. 13");
        assert_eq!(
            authority(&c, s.as_deref()).map(|a| a.term),
            Some("the Regulations".to_string())
        );
        // Nothing in the source says what "SPSO Model CHP" is short for.
        let (c, s) = cited("spso", "SPSO Model CHP, stage 1");
        assert_eq!(authority(&c, s.as_deref()), None);

        // FORMAT.md's own example cites `reg. 14` alone: the one set of
        // Regulations the source names.
        let a = authority("reg. 14", s_children().as_deref()).expect("one set of Regulations");
        assert_eq!(a.term, "the Regulations");
        assert_eq!(
            authority(
                "reg. 14",
                Some("Some Act 1990; Other Regulations 2001; More Regulations 2002")
            ),
            None
        );
        assert_eq!(authority("reg. 14", None), None);
        assert_eq!(
            allowed(limit, None, None, None),
            "the time limit is 10 working days"
        );
        let months6 = Duration {
            amount: 6,
            unit: Unit::Months,
        };
        let months12 = Duration {
            amount: 12,
            unit: Unit::Months,
        };
        assert_eq!(
            allowed(months6, Some(months12), None, None),
            "the time limit is 6 months, or 12 if extended"
        );
    }

    fn s_children() -> Option<String> {
        crate::Definitions::builtin()
            .procedure("children-statutory")
            .and_then(|p| p.source.clone())
    }

    #[test]
    fn lateness_and_numbers_in_both_forms() {
        let c = |min, max| CountRange { min, max };
        assert_eq!(number(&c(Some(40), Some(40)), Form::Short), "40");
        assert_eq!(number(&c(Some(26), Some(46)), Form::Short), "26–46");
        assert_eq!(number(&c(Some(26), Some(46)), Form::Long), "26 to 46");
        assert_eq!(number(&c(Some(3), None), Form::Short), "3+");
        assert_eq!(number(&c(Some(3), None), Form::Long), "at least 3");
        let wd = CountUnit::WorkingDays;
        let forty = c(Some(40), Some(40));
        assert_eq!(
            late(Some(&forty), wd, Form::Short).as_deref(),
            Some("40 wd late")
        );
        assert_eq!(
            late(Some(&forty), wd, Form::Long).as_deref(),
            Some("40 working days late")
        );
        let one = c(Some(1), Some(1));
        assert_eq!(
            late(Some(&one), wd, Form::Long).as_deref(),
            Some("1 working day late")
        );
        let some_readings = c(Some(-3), Some(10));
        assert_eq!(
            late(Some(&some_readings), wd, Form::Short).as_deref(),
            Some("up to 10 wd late")
        );
        assert_eq!(late(Some(&c(Some(-9), Some(-2))), wd, Form::Short), None);
        assert_eq!(
            late(Some(&c(Some(12), Some(12))), CountUnit::Days, Form::Short).as_deref(),
            Some("12 d late")
        );
        assert_eq!(late(None, wd, Form::Long), None);
        let limit65 = Duration {
            amount: 65,
            unit: Unit::WorkingDays,
        };
        assert_eq!(limit(limit65, Form::Short), "65 wd");
        assert_eq!(limit(limit65, Form::Long), "65 working days");
    }

    #[test]
    fn a_span_is_a_month_only_from_its_first_to_its_last_day() {
        let span = |a: &str, b: &str| DateSpec::Span {
            first: d(a),
            last: d(b),
        };
        let iv = |a: &str, b: &str| Interval::range(d(a), d(b));
        // Half a month is not "in June".
        assert_eq!(
            when(
                Some(span("2024-06-01", "2024-06-15")),
                iv("2024-06-01", "2024-06-15")
            ),
            "between 2024-06-01 and 2024-06-15"
        );
        assert_eq!(
            when(
                Some(span("2024-06-02", "2024-06-30")),
                iv("2024-06-02", "2024-06-30")
            ),
            "between 2024-06-02 and 2024-06-30"
        );
        // February of a leap year ends on the 29th.
        assert_eq!(
            when(
                Some(span("2024-02-01", "2024-02-29")),
                iv("2024-02-01", "2024-02-29")
            ),
            "in February 2024"
        );
        assert_eq!(
            when(
                Some(span("2024-02-01", "2024-02-28")),
                iv("2024-02-01", "2024-02-28")
            ),
            "between 2024-02-01 and 2024-02-28"
        );
    }

    fn c(min: Option<i64>, max: Option<i64>) -> CountRange {
        CountRange { min, max }
    }

    /// Every shape of count, with its unit agreeing with the number said.
    #[test]
    fn counts_in_words() {
        let (wd, days) = (CountUnit::WorkingDays, CountUnit::Days);
        let rows = [
            (c(Some(105), Some(105)), wd, "105 working days"),
            (c(Some(1), Some(1)), wd, "1 working day"),
            (c(Some(84), Some(105)), wd, "84 to 105 working days"),
            (c(Some(84), None), wd, "at least 84 working days"),
            (c(Some(1), None), days, "at least 1 day"),
            // "At least 0" (or fewer) days says nothing about the count.
            (c(Some(0), None), wd, "an unknown number of working days"),
            (c(Some(-5), None), days, "an unknown number of days"),
            (c(None, Some(12)), wd, "up to 12 working days"),
            (c(None, Some(1)), days, "up to 1 day"),
            (c(None, None), days, "an unknown number of days"),
        ];
        for (range, u, words) in rows {
            assert_eq!(count(range, u), words, "{range:?} {u:?}");
        }
    }

    #[test]
    fn numbers_in_every_form() {
        let rows = [
            (c(Some(12), Some(12)), "12", "12"),
            (c(Some(26), Some(46)), "26 to 46", "26–46"),
            (c(Some(3), None), "at least 3", "3+"),
            (c(None, Some(5)), "up to 5", "≤5"),
            (c(None, None), "unknown", "?"),
        ];
        for (range, long, short) in rows {
            assert_eq!(number(&range, Form::Long), long, "{range:?}");
            assert_eq!(number(&range, Form::Decision), long, "{range:?}");
            assert_eq!(number(&range, Form::Short), short, "{range:?}");
        }
    }

    /// Positive counts are days late, negative ones days to spare; a stage
    /// done on its due day (0) is on time.
    #[test]
    fn late_only_when_some_reading_is_late() {
        let (wd, days) = (CountUnit::WorkingDays, CountUnit::Days);
        let rows = [
            (
                c(Some(40), Some(40)),
                wd,
                Form::Long,
                Some("40 working days late"),
            ),
            (c(Some(40), Some(40)), wd, Form::Short, Some("40 wd late")),
            (c(Some(1), Some(1)), days, Form::Long, Some("1 day late")),
            (
                c(Some(3), Some(9)),
                wd,
                Form::Long,
                Some("3 to 9 working days late"),
            ),
            (c(Some(3), Some(9)), wd, Form::Short, Some("3–9 wd late")),
            // On time under the earliest reading: only "up to".
            (
                c(Some(0), Some(5)),
                wd,
                Form::Long,
                Some("up to 5 working days late"),
            ),
            (
                c(Some(0), Some(1)),
                wd,
                Form::Long,
                Some("up to 1 working day late"),
            ),
            (
                c(Some(-3), Some(10)),
                wd,
                Form::Short,
                Some("up to 10 wd late"),
            ),
            (
                c(None, Some(4)),
                days,
                Form::Long,
                Some("up to 4 days late"),
            ),
            // At worst on the due day, or earlier: not late.
            (c(Some(-3), Some(0)), wd, Form::Long, None),
            (c(Some(0), Some(0)), wd, Form::Long, None),
            (c(Some(-9), Some(-2)), wd, Form::Short, None),
            (c(None, Some(-1)), wd, Form::Long, None),
            // An open end may be late by any number of days.
            (
                c(Some(3), None),
                wd,
                Form::Long,
                Some("at least 3 working days late"),
            ),
            (
                c(Some(1), None),
                days,
                Form::Long,
                Some("at least 1 day late"),
            ),
            (c(Some(-2), None), wd, Form::Long, Some("possibly late")),
            (c(None, None), wd, Form::Short, Some("possibly late")),
        ];
        for (range, u, form, words) in rows {
            assert_eq!(
                late(Some(&range), u, form).as_deref(),
                words,
                "{range:?} {form:?}"
            );
        }
    }

    #[test]
    fn counts_in_the_decision_form() {
        let wd = CountUnit::WorkingDays;
        let rows = [
            (c(Some(42), Some(42)), "42 working days"),
            // A count that is 0 under every reading is not a range from 0.
            (c(Some(0), Some(0)), "0 working days"),
            (c(Some(0), Some(1)), "up to 1 working day"),
            (c(Some(0), Some(42)), "up to 42 working days"),
            (c(Some(1), Some(42)), "1 to 42 working days"),
        ];
        for (range, words) in rows {
            assert_eq!(decision_count(range, wd), words, "{range:?}");
        }
    }

    fn span(first: &str, last: &str) -> Option<DateSpec> {
        Some(DateSpec::Span {
            first: d(first),
            last: d(last),
        })
    }

    fn open(earliest: Option<&str>, latest: Option<&str>) -> Interval {
        Interval::new(earliest.map(d), latest.map(d))
    }

    /// `when` and `decision_when` side by side: each row is what the file
    /// says and what the resolved interval is.
    #[test]
    fn when_an_entry_happened() {
        let june = Interval::range(d("2024-06-01"), d("2024-06-30"));
        let rows = [
            (
                Some(DateSpec::Day(d("2024-02-21"))),
                Interval::day(d("2024-02-21")),
                "on 2024-02-21",
                "on 21 February 2024",
            ),
            (
                span("2024-06-01", "2024-06-30"),
                june,
                "in June 2024",
                "in June 2024",
            ),
            (
                span("2024-04-01", "2024-05-31"),
                june,
                "between April and May 2024",
                "between April and May 2024",
            ),
            (
                span("2024-12-01", "2025-01-31"),
                june,
                "between December 2024 and January 2025",
                "between December 2024 and January 2025",
            ),
            (
                span("2024-11-06", "2024-12-08"),
                june,
                "between 2024-11-06 and 2024-12-08",
                "between 6 November and 8 December 2024",
            ),
            // Whole months only from a month's first day to a month's last.
            (
                span("2024-06-01", "2024-06-15"),
                june,
                "between 2024-06-01 and 2024-06-15",
                "between 1 and 15 June 2024",
            ),
            (
                span("2024-05-02", "2024-06-30"),
                june,
                "between 2024-05-02 and 2024-06-30",
                "between 2 May and 30 June 2024",
            ),
            (
                Some(DateSpec::Unknown),
                open(Some("2024-05-01"), Some("2024-11-30")),
                "on an unknown date between 2024-05-01 and 2024-11-30",
                "on an unknown date between 1 May and 30 November 2024",
            ),
            (
                None,
                open(Some("2024-12-30"), Some("2025-01-03")),
                "on an unknown date between 2024-12-30 and 2025-01-03",
                "on an unknown date between 30 December 2024 and 3 January 2025",
            ),
            (
                Some(DateSpec::Unknown),
                open(Some("2024-05-01"), None),
                "on an unknown date on or after 2024-05-01",
                "on an unknown date on or after 1 May 2024",
            ),
            (
                None,
                open(None, Some("2023-07-03")),
                "on an unknown date on or before 2023-07-03",
                "on an unknown date on or before 3 July 2023",
            ),
            (
                Some(DateSpec::Unknown),
                Interval::unknown(),
                "on an unknown date",
                "on an unknown date",
            ),
        ];
        for (spec, iv, long, decision) in rows {
            assert_eq!(when(spec, iv), long, "{spec:?} {iv:?}");
            assert_eq!(decision_when(spec, iv), decision, "{spec:?} {iv:?}");
        }
        // A `?` between two entries of the same day was on that day, and a
        // decision says so.
        assert_eq!(
            decision_when(Some(DateSpec::Unknown), Interval::day(d("2023-08-24"))),
            "on 24 August 2023"
        );
    }

    #[test]
    fn open_intervals_in_every_form() {
        let before = open(None, Some("2024-05-01"));
        assert_eq!(interval(before, Form::Long), "on or before 2024-05-01");
        assert_eq!(interval(before, Form::Short), "?..2024-05-01");
        assert_eq!(interval(before, Form::Decision), "on or before 1 May 2024");
        assert_eq!(
            interval(Interval::unknown(), Form::Decision),
            "on an unknown date"
        );
        assert_eq!(
            date_range(open(Some("2024-08-30"), Some("2024-09-30"))),
            "between 2024-08-30 and 2024-09-30"
        );
    }

    #[test]
    fn due_by_with_open_and_unknown_ends() {
        let rows = [
            (
                open(Some("2023-06-28"), Some("2023-07-03")),
                false,
                "by a day between 28 June and 3 July 2023",
            ),
            (
                open(Some("2024-09-02"), None),
                false,
                "by a day on or after 2 September 2024",
            ),
            // No latest day to hold to.
            (
                open(Some("2024-09-02"), None),
                true,
                "by a day on or after 2 September 2024",
            ),
            (
                open(None, Some("2024-09-30")),
                false,
                "by a day on or before 30 September 2024",
            ),
            (
                open(None, Some("2024-09-30")),
                true,
                "by 30 September 2024 at the latest",
            ),
            (Interval::unknown(), false, "by an unknown date"),
            (Interval::unknown(), true, "by an unknown date"),
        ];
        for (due, at_the_latest, words) in rows {
            assert_eq!(due_by(due, at_the_latest), words, "{due:?} {at_the_latest}");
        }
    }

    #[test]
    fn whichever_day_over_months_and_several_dates() {
        let june = Interval::range(d("2024-06-01"), d("2024-06-30"));
        let apr_may = Interval::range(d("2024-04-01"), d("2024-05-31"));
        assert_eq!(
            whichever(&[("stage 2 request", span("2024-04-01", "2024-05-31"), apr_may)]).as_deref(),
            Some("whichever day between April and May 2024 the stage 2 request was")
        );
        let winter = Interval::range(d("2024-12-01"), d("2025-01-31"));
        assert_eq!(
            whichever(&[("response", span("2024-12-01", "2025-01-31"), winter)]).as_deref(),
            Some("whichever day between December 2024 and January 2025 the response was")
        );
        let half_june = Interval::range(d("2024-06-01"), d("2024-06-15"));
        assert_eq!(
            whichever(&[("response", span("2024-06-01", "2024-06-15"), half_june)]).as_deref(),
            Some("whichever day between 1 and 15 June 2024 the response was")
        );
        // A `?` that resolved to one day is exact, whatever was written.
        let one_day = Interval::day(d("2024-11-05"));
        assert_eq!(whichever(&[("response", None, one_day)]), None);
        assert_eq!(
            whichever(&[("response", Some(DateSpec::Unknown), one_day)]),
            None
        );
        assert_eq!(
            whichever(&[
                ("receipt of the complaint", None, june),
                ("stage 1 response", span("2024-06-01", "2024-06-30"), june),
                ("stage 2 request", Some(DateSpec::Unknown), apr_may),
            ])
            .as_deref(),
            Some(
                "whatever the exact dates of the receipt of the complaint, the stage 1 response and the stage 2 request"
            )
        );
    }

    /// A recommendation made on 2024-03-01, due 2024-04-01, as the engine
    /// would record it with `status`, `overdue` and `possibly_overdue` set.
    fn rec(status: RecStatus, overdue: Option<i64>, possibly_overdue: bool) -> RecRecord {
        RecRecord {
            id: "a".to_string(),
            kind: caseline_syntax::ast::RecKind::Rec,
            range: text_size::TextRange::default(),
            entry: 0,
            text: None,
            due: Some(Interval::day(d("2024-04-01"))),
            due_basis: None,
            due_after: None,
            status,
            addressed: Vec::new(),
            addressed_entries: Vec::new(),
            closed_entry: None,
            late: None,
            overdue: overdue.map(|n| c(Some(n), Some(n))),
            possibly_overdue,
        }
    }

    #[test]
    fn where_a_recommendation_stands() {
        use RecStatus::{Declined, Done, Open, Partial};
        let rows = [
            (rec(Open, None, false), "open"),
            (rec(Partial, None, false), "partly done"),
            (rec(Open, Some(12), false), "overdue"),
            (rec(Partial, Some(12), false), "overdue (partly done)"),
            (rec(Open, None, true), "possibly overdue"),
            (rec(Partial, None, true), "possibly overdue (partly done)"),
            (rec(Done, None, false), "done"),
            (rec(Declined, None, false), "declined"),
            // Done after the as-of date: overdue as of then.
            (rec(Done, Some(3), false), "overdue"),
        ];
        for (r, words) in rows {
            assert_eq!(RecState::of(&r).words(), words, "{r:?}");
        }
    }

    /// A plain deadline: the stage 2 adjudication within 25 working days of
    /// the stage 2 request of 2024-01-02, due 2024-02-06, met on 2024-02-01.
    fn deadline() -> DeadlineRecord {
        use crate::records::DeadlineStatus;
        DeadlineRecord {
            procedure: "children-statutory".to_string(),
            citation: None,
            source: None,
            start_entry: 0,
            start_range: text_size::TextRange::default(),
            start_kind: "stage2.request".to_string(),
            start_label: "stage 2 request".to_string(),
            target_kind: "stage2.adjudication".to_string(),
            target_label: "stage 2 adjudication".to_string(),
            target_entry: Some(1),
            target_range: Some(text_size::TextRange::default()),
            limit: Duration {
                amount: 25,
                unit: Unit::WorkingDays,
            },
            extended_limit: None,
            uncapped_extension: false,
            due: Interval::day(d("2024-02-06")),
            extended_due: None,
            actual: Some(Interval::day(d("2024-02-01"))),
            unit: CountUnit::WorkingDays,
            taken: Some(c(Some(22), Some(22))),
            late: Some(c(Some(-3), Some(-3))),
            extension_recorded: false,
            status: DeadlineStatus::Met,
            not_judged: None,
            guidance: false,
            counting: crate::records::Counting::default(),
            exception: None,
            exception_citation: None,
            closed_by: None,
        }
    }

    #[test]
    fn how_a_due_day_was_counted() {
        assert!(counting(&deadline()).is_empty());

        let mut r = deadline();
        r.counting.inclusive = true;
        r.counting.calendar = caseline_calendar::Calendars::builtin().get("uk-any");
        r.counting.paused = Some(c(Some(11), Some(11)));
        r.counting.pause_events =
            Some(("fees notice".to_string(), "receipt of the fee".to_string()));
        r.counting.rolled_forward = true;
        assert_eq!(
            counting(&r),
            [
                "counting the start day as day one",
                "counted in the uk-any calendar",
                "plus 11 working days paused (from the fees notice until the receipt of the fee)",
                "moved on to the next working day",
            ]
        );

        // A pause of no day (it began after the due day) adds nothing; one
        // of up to 2 days does, without naming events it was not given.
        let mut r = deadline();
        r.counting.paused = Some(c(Some(0), Some(0)));
        assert!(counting(&r).is_empty());
        r.counting.paused = Some(c(Some(0), Some(2)));
        assert_eq!(counting(&r), ["plus 0 to 2 working days paused"]);

        // Which due day moved: the extended one counts only when there is one.
        let extended = Some(Interval::day(d("2024-03-05")));
        let rows = [
            (true, true, None, vec!["moved on to the next working day"]),
            (false, true, None, vec![]),
            (
                true,
                true,
                extended,
                vec!["each due day moved on to the next working day"],
            ),
            (
                false,
                true,
                extended,
                vec!["the extended due day moved on to the next working day"],
            ),
            (
                true,
                false,
                extended,
                vec!["moved on to the next working day"],
            ),
            (false, false, extended, vec![]),
        ];
        for (rolled, extended_rolled, extended_due, words) in rows {
            let mut r = deadline();
            r.counting.rolled_forward = rolled;
            r.counting.extended_rolled_forward = extended_rolled;
            r.extended_due = extended_due;
            assert_eq!(
                counting(&r),
                words,
                "{rolled} {extended_rolled} {extended_due:?}"
            );
        }
    }

    #[test]
    fn what_else_a_reader_of_a_deadline_needs() {
        assert!(deadline_notes(&deadline()).is_empty());

        let mut r = deadline();
        r.guidance = true;
        r.counting.repeating = true;
        r.counting.latest_of = vec![
            "stage 2 request".to_string(),
            "receipt of the fee".to_string(),
        ];
        r.start_label = "receipt of the fee".to_string();
        assert_eq!(
            deadline_notes(&r),
            [
                "The limit is guidance, not law: a late stage is a warning (`guidance-missed`).",
                "It repeats: each stage 2 adjudication starts the next period.",
                "The clock starts at the latest of stage 2 request, receipt of the fee recorded: here the receipt of the fee.",
            ]
        );

        let mut r = deadline();
        r.status = crate::records::DeadlineStatus::NotJudged;
        r.not_judged = Some(NotJudged::Exception);
        r.exception = Some((
            "the complainant asked for the panel to wait".to_string(),
            text_size::TextRange::default(),
        ));
        r.exception_citation = Some("SI 2006/1738 reg. 9".to_string());
        assert_eq!(
            deadline_notes(&r),
            [
                "Switched off by an exception (SI 2006/1738 reg. 9): \u{201c}the complainant asked for the panel to wait\u{201d}. This limit is not judged."
            ]
        );
        r.exception_citation = None;
        assert_eq!(
            deadline_notes(&r),
            [
                "Switched off by an exception: \u{201c}the complainant asked for the panel to wait\u{201d}. This limit is not judged."
            ]
        );

        r.not_judged = Some(NotJudged::Paused);
        assert_eq!(
            deadline_notes(&r),
            ["The clock is paused: a pause has begun and not ended, so nothing is due yet."]
        );
        // Not judged for other reasons: the message and the hover say why.
        r.not_judged = Some(NotJudged::MovedOn);
        assert!(deadline_notes(&r).is_empty());
    }

    /// Citations worked against source lines written here, one feature of
    /// [`authority`] each; `None` where the limit must not be attributed.
    #[test]
    fn which_instrument_a_citation_is_from() {
        let children = "Children Act 1989 Representations Procedure (England) Regulations 2006 (SI 2006/1738); Getting the Best from Complaints (DfES 2006)";
        let code = "LGSCO Complaint Handling Code, February 2024 (guidance under s.23(12A) Local Government Act 1974)";
        let rows = [
            // By the identifier in brackets.
            ("SI 2006/1738 reg. 14", children, Some("the Regulations")),
            ("SI 2006/1738, reg. 14", children, Some("the Regulations")),
            // A paragraph number in brackets, after a space or not.
            ("SI 2006/1738 reg. 19(4)", children, Some("the Regulations")),
            (
                "SI 2006/1738 reg. 19 (4)",
                children,
                Some("the Regulations"),
            ),
            // A note in brackets.
            ("SI 2006/1738 reg. 20 (derived: 5 + 15)", children, None),
            // Only a whole identifier: SI 2006/17 is another instrument.
            ("SI 2006/17 reg. 3", children, None),
            // By the name before its first comma or bracket.
            ("LGSCO Complaint Handling Code 6.2", code, Some("the Code")),
            (
                "LGSCO Complaint Handling Code, para. 6.2",
                code,
                Some("the Code"),
            ),
            ("LGSCO Complaint Handling Codes 6.2", code, None),
            // A regulation alone, however it is abbreviated: the one set of
            // Regulations named.
            ("reg. 14", children, Some("the Regulations")),
            ("Reg. 14", children, Some("the Regulations")),
            ("regs. 14 and 15", children, Some("the Regulations")),
            ("regulation 14", children, Some("the Regulations")),
            ("regulation 14", code, None),
            ("s. 14", children, None),
            // Nothing to cite.
            ("", children, None),
            ("   ", children, None),
            // A part that is only an identifier has no name to call it by.
            ("SI 2006/1738 reg. 14", "(SI 2006/1738)", None),
        ];
        for (citation, source, term) in rows {
            assert_eq!(
                authority(citation, Some(source)).map(|a| a.term).as_deref(),
                term,
                "{citation:?} in {source:?}"
            );
        }
        // "Children Act 1989 ... Regulations 2006": the last head word in
        // the name decides, so these are Regulations, not an Act.
        let a = authority("SI 2006/1738 reg. 14", Some(children)).expect("named");
        assert_eq!(
            a.instrument,
            "Children Act 1989 Representations Procedure (England) Regulations 2006 (SI 2006/1738)"
        );
        assert!(a.plural);
        let a = authority(
            "Local Government Act 1974 s.26B",
            Some("Local Government Act 1974"),
        )
        .expect("named");
        assert_eq!((a.term.as_str(), a.plural), ("the Act", false));
        // No head word: the name itself.
        let a = authority(
            "UK GDPR Art. 12(3)",
            Some("UK GDPR; ICO guidance on the right of access"),
        )
        .expect("named");
        assert_eq!((a.term.as_str(), a.plural), ("UK GDPR", false));
    }

    #[test]
    fn what_the_time_limit_is() {
        let wd10 = Duration {
            amount: 10,
            unit: Unit::WorkingDays,
        };
        // A blank citation is no citation.
        assert_eq!(
            allowed(wd10, None, Some(""), None),
            "the time limit is 10 working days"
        );
        assert_eq!(
            allowed(wd10, None, Some("  "), None),
            "the time limit is 10 working days"
        );
        let weeks = Duration {
            amount: 4,
            unit: Unit::Weeks,
        };
        assert_eq!(
            allowed(wd10, Some(weeks), Some("reg. 14"), None),
            "the time limit is 10 working days, or 4 weeks if extended; the procedure cites reg. 14"
        );
    }

    #[test]
    fn durations_as_written_and_short() {
        let rows = [
            (
                25,
                Unit::WorkingDays,
                DurationUnit::WorkingDays,
                "25wd",
                "25 wd",
                "25 working days",
            ),
            (1, Unit::Days, DurationUnit::Days, "1d", "1 d", "1 day"),
            (4, Unit::Weeks, DurationUnit::Weeks, "4w", "4 w", "4 weeks"),
            (
                1,
                Unit::Months,
                DurationUnit::Months,
                "1m",
                "1 m",
                "1 month",
            ),
            (2, Unit::Years, DurationUnit::Years, "2y", "2 y", "2 years"),
        ];
        for (amount, unit, lit_unit, written, short, long) in rows {
            assert_eq!(
                as_written(&DurationLit {
                    amount,
                    unit: lit_unit
                }),
                written
            );
            let d = Duration { amount, unit };
            assert_eq!(limit(d, Form::Short), short);
            assert_eq!(limit(d, Form::Decision), long);
            assert_eq!(duration(d), long);
        }
        assert_eq!(unit(CountUnit::Days, 1, Form::Short), "d");
        assert_eq!(unit(CountUnit::WorkingDays, 1, Form::Short), "wd");
        assert_eq!(unit(CountUnit::Days, 2, Form::Decision), "days");
        assert_eq!(unit_words(CountUnit::WorkingDays, 0), "working days");
    }
}

/// How a deadline's due day was counted beyond "N after the start", one
/// clause each, in the order a reader needs them (docs/format.md#deadline-clauses):
/// "the start day counts as day one", "counted in the uk-any calendar",
/// "plus 11 working days paused (from the fees notice until the receipt of the
/// fee)", "moved on to the next working day". Empty for a plain deadline.
/// Messages join them after the limit; hovers and the report list them.
pub fn counting(r: &DeadlineRecord) -> Vec<String> {
    let c = &r.counting;
    let mut out = Vec::new();
    if c.inclusive {
        out.push("counting the start day as day one".to_string());
    }
    if let Some(cal) = &c.calendar {
        out.push(format!("counted in the {} calendar", cal.name()));
    }
    if let Some(p) = c.paused
        && p.max.unwrap_or(0) > 0
    {
        let what = match &c.pause_events {
            Some((from, until)) => format!(" (from the {from} until the {until})"),
            None => String::new(),
        };
        out.push(format!("plus {} paused{what}", count(p, r.unit)));
    }
    let extended_rolled = c.extended_rolled_forward && r.extended_due.is_some();
    match (c.rolled_forward, extended_rolled) {
        (true, true) => out.push("each due day moved on to the next working day".to_string()),
        (true, false) => out.push("moved on to the next working day".to_string()),
        (false, true) => {
            out.push("the extended due day moved on to the next working day".to_string())
        }
        (false, false) => {}
    }
    out
}

/// What else a reader of a deadline needs besides its dates, as whole
/// sentences for hovers and the report: a limit from guidance, a repeating
/// period, a start that is the latest of several events, a limit switched off
/// by an exception (with its reason), a clock that is paused.
pub fn deadline_notes(r: &DeadlineRecord) -> Vec<String> {
    let mut out = Vec::new();
    if r.guidance {
        out.push(
            "The limit is guidance, not law: a late stage is a warning (`guidance-missed`)."
                .to_string(),
        );
    }
    if r.counting.repeating {
        out.push(format!(
            "It repeats: each {} starts the next period.",
            r.target_label
        ));
    }
    if !r.counting.latest_of.is_empty() {
        out.push(format!(
            "The clock starts at the latest of {} recorded: here the {}.",
            r.counting.latest_of.join(", "),
            r.start_label
        ));
    }
    match r.not_judged {
        Some(NotJudged::Exception) => {
            let (why, _) = r.exception.clone().unwrap_or_default();
            let cite = r
                .exception_citation
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            out.push(format!(
                "Switched off by an exception{cite}: \u{201c}{why}\u{201d}. This limit is not judged."
            ));
        }
        Some(NotJudged::Paused) => out.push(
            "The clock is paused: a pause has begun and not ended, so nothing is due yet."
                .to_string(),
        ),
        _ => {}
    }
    out
}
