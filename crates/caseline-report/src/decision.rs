//! The chronology as a decision states it: one paragraph for each stage's
//! time limit and each recommendation or promise, with dates in full, the
//! working days counted, the limit and its citation, and what was late
//! ("The Council's stage 1 response on 24 August 2023 came 42 working days
//! after the receipt of the complaint on 27 June 2023. ..."). `caseline report
//! --format text|markdown` prints it; the editor's "Copy as decision wording"
//! copies one paragraph of it.
//!
//! Every fact is read off the [`Analysis`] (the records, the entries' dates,
//! the labels) and every date, count, limit and lateness is phrased by
//! `caseline_check::wording`: this module only chooses which sentences a
//! paragraph has and in what order. It counts nothing and reads no files.
//!
//! Who "the Council" is: the header's `body` is named in full once, in the
//! opening lines, as `Kent County Council ("the Council")`; the paragraphs then
//! say "the Council" when the name contains the word Council, and the name as
//! written otherwise ("the organisation" when the header names no body). The
//! instruments cited are defined the same way ("the Regulations"), so each
//! paragraph reads the same wherever it is pasted.

use std::collections::{BTreeMap, HashMap, HashSet};

use caseline_check::wording::{self, Authority, Form};
use caseline_check::{
    Analysis, CountRange, DeadlineRecord, DeadlineStatus, Interval, NotJudged, RecRecord,
    RecStatus, Rule,
};
use caseline_syntax::ast::{DateSpec, Document, RecKind};
use caseline_syntax::{Parse, TextRange};

use crate::layout::{BarStatus, RecOutcome, rec_outcome};

/// The decision wording of one checked case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The opening lines: who the body and the complainant are, the terms
    /// the paragraphs use ("the Council", "the Regulations"), the calendar,
    /// the as-of date and what was checked.
    pub preamble: Vec<String>,
    /// Set when no time limit was judged and no recommendation tracked: says
    /// so plainly, so that an empty chronology never reads as a clean one.
    pub nothing_checked: Option<String>,
    /// One paragraph per deadline record, in the order the analysis found them.
    pub stages: Vec<Paragraph>,
    /// One paragraph per recommendation or promise, in file order.
    pub recommendations: Vec<Paragraph>,
    /// What the chronology leaves out: stages whose clock could not be
    /// checked, lines that could not be read.
    pub notes: Vec<String>,
}

/// One paragraph, with where it belongs in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// What it is about: "Stage 1 response", "Response to the panel (from the
    /// review panel)", "Recommendation a", "Promise m1".
    pub heading: String,
    /// The judgement in a word or two, as the HTML report labels it ("late",
    /// "met", "done late", "overdue").
    pub outcome: &'static str,
    /// The line an editor offers it on: the stage's entry (the recorded
    /// target, else the start where the stage is missing) or the `rec` or
    /// `promise` line. The first line only, without its line ending.
    pub range: TextRange,
    /// The 1-based line of `range`.
    pub line: u32,
    /// The paragraph itself: plain text, one line.
    pub text: String,
}

/// How the paragraphs refer to the body complained about.
struct Body {
    /// "the Council", "Bromford Housing", "the organisation".
    term: String,
}

impl Body {
    fn of(doc: &Document) -> (Body, Option<String>) {
        let name = doc
            .header
            .as_ref()
            .and_then(|h| h.body.as_ref())
            .map(|b| b.value.trim().to_string())
            .filter(|b| !b.is_empty());
        match name {
            Some(n)
                if n.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == "Council") =>
            {
                (
                    Body {
                        term: "the Council".to_string(),
                    },
                    Some(format!("{n} (“the Council”)")),
                )
            }
            Some(n) => (Body { term: n.clone() }, Some(n)),
            None => (
                Body {
                    term: "the organisation".to_string(),
                },
                None,
            ),
        }
    }

    /// "the Council's", "Homes for Wales'".
    fn possessive(&self) -> String {
        if self.term.ends_with('s') {
            format!("{}'", self.term)
        } else {
            format!("{}'s", self.term)
        }
    }
}

/// Everything a paragraph reads: the parse, the analysis and the terms.
struct Cx<'a> {
    doc: &'a Document,
    parse: &'a Parse,
    analysis: &'a Analysis,
    body: Body,
    /// The full name of the body, when the header gives one.
    body_named: Option<String>,
    /// The instrument behind each citation (`authorities`).
    authorities: BTreeMap<String, Option<Authority>>,
    /// The start kinds of the deadlines of each target label: a stage timed
    /// from two starts names its start in its heading.
    starts: HashMap<&'a str, HashSet<&'a str>>,
}

impl<'a> Cx<'a> {
    fn new(parse: &'a Parse, analysis: &'a Analysis) -> Cx<'a> {
        let doc = parse.document();
        let (body, body_named) = Body::of(doc);
        let mut starts: HashMap<&str, HashSet<&str>> = HashMap::new();
        for d in &analysis.deadlines {
            starts
                .entry(d.target_label.as_str())
                .or_default()
                .insert(d.start_kind.as_str());
        }
        Cx {
            doc,
            parse,
            analysis,
            body,
            body_named,
            authorities: authorities(&analysis.deadlines),
            starts,
        }
    }

    fn stage(&self, d: &DeadlineRecord) -> Paragraph {
        let authority = d
            .citation
            .as_deref()
            .and_then(|c| self.authorities.get(c))
            .and_then(Option::as_ref);
        let name_the_start = self
            .starts
            .get(d.target_label.as_str())
            .is_some_and(|s| s.len() > 1);
        stage(self, d, authority, name_the_start)
    }
}

impl Cx<'_> {
    fn spec(&self, entry: usize) -> Option<DateSpec> {
        self.doc
            .entries
            .get(entry)
            .and_then(|e| e.date.as_ref())
            .map(|d| d.value)
    }

    fn interval(&self, entry: usize) -> Interval {
        self.analysis
            .entry_intervals
            .get(entry)
            .copied()
            .unwrap_or_else(Interval::unknown)
    }

    /// "on 24 August 2023", "in June 2024".
    fn when(&self, entry: usize) -> String {
        wording::decision_when(self.spec(entry), self.interval(entry))
    }

    /// The label of an entry's event kind in a sentence ("stage 2 adjudication").
    fn label_of(&self, entry: usize) -> String {
        let kind = self
            .doc
            .entries
            .get(entry)
            .and_then(|e| e.kind.as_ref())
            .map(|k| k.value.as_str())
            .unwrap_or("entry");
        match self.analysis.event_labels.get(kind) {
            Some(l) => wording::label(l),
            None => kind.to_string(),
        }
    }

    fn line(&self, range: TextRange) -> u32 {
        self.parse
            .line_index()
            .line_of(range.start())
            .saturating_add(1)
    }

    fn as_of(&self) -> String {
        wording::long_date(self.analysis.as_of)
    }
}

/// Builds the decision wording of one checked case.
pub fn decision(parse: &Parse, analysis: &Analysis) -> Decision {
    let cx = Cx::new(parse, analysis);
    let doc = cx.doc;
    let stages = analysis.deadlines.iter().map(|d| cx.stage(d)).collect();
    let recommendations = analysis.recs.iter().map(|r| rec(&cx, r)).collect();

    let mut preamble = Vec::new();
    if let Some(named) = &cx.body_named {
        preamble.push(format!("Body complained about: {named}."));
    }
    if let Some(c) = doc.header.as_ref().and_then(|h| h.complainant.as_ref()) {
        preamble.push(format!("Complainant: {}.", c.value.trim()));
    }
    let mut defined: Vec<(&str, &str)> = cx
        .authorities
        .values()
        .flatten()
        .filter(|a| a.term.starts_with("the "))
        .map(|a| (a.term.as_str(), a.instrument.as_str()))
        .collect();
    defined.sort();
    defined.dedup();
    for (term, instrument) in defined {
        preamble.push(format!("“{}”: {instrument}.", capitalised(term)));
    }
    // The calendars the counts used: a procedure may count in its own
    // (`uk-any` for FOI), whatever the case's.
    let mut own: Vec<String> = analysis
        .deadlines
        .iter()
        .filter_map(|d| d.counting.calendar.as_ref().map(|c| c.name().to_string()))
        .collect();
    own.sort();
    own.dedup();
    let case_used = analysis
        .deadlines
        .iter()
        .any(|d| d.counting.calendar.is_none())
        || analysis.deadlines.is_empty();
    let calendars = match (case_used, own.as_slice()) {
        (_, []) => format!(
            "Working days are counted in the {} calendar (weekends and its bank holidays excluded)",
            analysis.calendar
        ),
        (false, [one]) => format!(
            "Working days are counted in the {one} calendar, as the law of the procedure says \
             (weekends and its bank holidays excluded)"
        ),
        (_, list) => format!(
            "Working days are counted in the {} calendar, and in the {} calendar where a \
             procedure's law says so (each stage below names it)",
            analysis.calendar,
            list.join(" and the ")
        ),
    };
    preamble.push(format!(
        "{calendars}; what is still open is judged as of {}.",
        cx.as_of()
    ));
    preamble.push(format!("Checked: {}.", analysis.checked.describe()));

    let nothing_checked = analysis.checked.nothing_checked().then(|| {
        let checked = &analysis.checked;
        let why = if !checked.has_header {
            "the file has no case header".to_string()
        } else if checked.procedures.is_empty() && !checked.unknown_procedures.is_empty() {
            let names: Vec<String> = checked
                .unknown_procedures
                .iter()
                .map(|n| format!("`{n}`"))
                .collect();
            format!(
                "the case header names no known procedure ({} is not defined)",
                names.join(", ")
            )
        } else if checked.procedures.is_empty() {
            "no procedure is named in the case header (for example `procedure children-statutory`)"
                .to_string()
        } else {
            "no time limit of the procedures named could be paired with the entries recorded"
                .to_string()
        };
        format!(
            "Nothing was checked in this case: {why}. No time limit was judged and no \
             recommendation tracked, so this chronology does not show that there was no delay."
        )
    });

    let mut notes = Vec::new();
    let unchecked = analysis.checked.unchecked_stages;
    if unchecked > 0 {
        let (n, verb) = if unchecked == 1 {
            ("1 recorded stage".to_string(), "was")
        } else {
            (format!("{unchecked} recorded stages"), "were")
        };
        notes.push(format!(
            "{n} could not be checked against a time limit, because the event that starts \
             its clock is not recorded (deadline-unchecked): {verb} not judged here."
        ));
    }
    let mut unreadable: Vec<u32> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.rule == Rule::Syntax)
        .map(|d| cx.line(d.range))
        .collect();
    unreadable.dedup();
    if !unreadable.is_empty() {
        let lines: Vec<String> = unreadable.iter().map(u32::to_string).collect();
        let (what, verb) = if lines.len() == 1 {
            ("Line", "is")
        } else {
            ("Lines", "are")
        };
        notes.push(format!(
            "{what} {} could not be read and {verb} left out of this chronology.",
            lines.join(", ")
        ));
    }

    Decision {
        preamble,
        nothing_checked,
        stages,
        recommendations,
        notes,
    }
}

/// The paragraphs on the lines `range` touches (a stage's entry, a `rec` or
/// `promise` line): what an editor offers to copy at the cursor. Each is the
/// same paragraph [`decision`] gives; only these are worded.
pub fn paragraphs_at(parse: &Parse, analysis: &Analysis, range: TextRange) -> Vec<Paragraph> {
    let cx = Cx::new(parse, analysis);
    let stages = analysis
        .deadlines
        .iter()
        .filter(|d| {
            d.target_range
                .unwrap_or(d.start_range)
                .intersect(range)
                .is_some()
        })
        .map(|d| cx.stage(d));
    let recs = analysis
        .recs
        .iter()
        .filter(|r| r.range.intersect(range).is_some())
        .map(|r| rec(&cx, r));
    stages.chain(recs).collect()
}

/// The instrument behind each citation. Two instruments that would share a
/// term ("the Regulations" of two procedures) are called by their full names.
fn authorities(deadlines: &[DeadlineRecord]) -> BTreeMap<String, Option<Authority>> {
    let mut found: BTreeMap<String, Option<Authority>> = BTreeMap::new();
    for d in deadlines {
        if let Some(c) = &d.citation {
            found
                .entry(c.clone())
                .or_insert_with(|| wording::authority(c, d.source.as_deref()));
        }
    }
    let mut instruments: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for a in found.values().flatten() {
        let list = instruments.entry(a.term.clone()).or_default();
        if !list.contains(&a.instrument) {
            list.push(a.instrument.clone());
        }
    }
    for a in found.values_mut().flatten() {
        if instruments.get(&a.term).is_some_and(|l| l.len() > 1) {
            a.term = format!("the {}", a.instrument);
            a.plural = false;
        }
    }
    found
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One stage's paragraph.
fn stage(
    cx: &Cx,
    d: &DeadlineRecord,
    authority: Option<&Authority>,
    name_the_start: bool,
) -> Paragraph {
    let target = d.target_label.as_str();
    let start = d.start_label.as_str();
    let when_start = cx.when(d.start_entry);
    let mut allowed = capitalised(&wording::allowed(
        d.limit,
        d.extended_limit,
        d.citation.as_deref(),
        authority,
    ));
    // How the due day was counted (a procedure's own calendar, days paused,
    // the start day as day one, the next working day), as the messages say it.
    for clause in wording::counting(d) {
        allowed.push_str(", ");
        allowed.push_str(&clause);
    }
    if d.guidance {
        allowed.push_str(" (guidance, not a statutory limit)");
    }
    // "Even with an extension it was due", where the deadline is extendable:
    // lateness is judged against the extended limit.
    let (eff_due, even) = match d.extended_due {
        Some(ext) => (ext, "Even with an extension it"),
        None => (d.due, "It"),
    };
    let status = BarStatus::from_record(d.status);
    let count = |c: Option<CountRange>| wording::decision_count(c.unwrap_or_default(), d.unit);
    let late_words = |word: &str| wording::lateness(d.late.unwrap_or_default(), d.unit, word);

    let mut sentences: Vec<String> = Vec::new();
    match (d.target_entry, d.status) {
        (_, DeadlineStatus::NotJudged) if d.not_judged == Some(NotJudged::Exception) => {
            let (why, _) = d.exception.clone().unwrap_or_default();
            let cite = d
                .exception_citation
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            sentences.push(format!("{allowed}."));
            sentences.push(format!(
                "The case records an exception{cite}: \u{201c}{why}\u{201d}. That switches this time \
                 limit off, so it is not judged."
            ));
        }
        (None, DeadlineStatus::NotJudged) if d.not_judged == Some(NotJudged::Paused) => {
            sentences.push(format!(
                "No {target} is recorded after the {start} {when_start}."
            ));
            sentences.push(format!("{allowed}."));
            sentences.push(
                "The clock is paused (a pause has begun and not ended), so nothing is due yet."
                    .to_string(),
            );
        }
        (_, DeadlineStatus::NotJudged) if d.not_judged == Some(NotJudged::InvalidDate) => {
            sentences.push(format!(
                "The dates of the {start} and the {target} are not all real days (see the \
                 date-invalid finding), so this time limit is not judged."
            ));
            sentences.push(format!("{allowed}."));
        }
        (Some(t), _) => {
            let subject = if target.contains("'s ") || target.contains("’s ") {
                capitalised(&format!("the {target}"))
            } else {
                capitalised(&format!("{} {target}", cx.body.possessive()))
            };
            sentences.push(format!(
                "{subject} {} came {} after the {start} {when_start}.",
                cx.when(t),
                count(d.taken)
            ));
            sentences.push(format!("{allowed}."));
            let whichever = wording::whichever(&[
                (start, cx.spec(d.start_entry), cx.interval(d.start_entry)),
                (target, cx.spec(t), cx.interval(t)),
            ]);
            let due = wording::due_by(d.due, false);
            sentences.push(match d.status {
                DeadlineStatus::Missed => {
                    let mut s = format!(
                        "{even} was due {}, so it was {}",
                        wording::due_by(eff_due, true),
                        late_words("late")
                    );
                    if let Some(w) = whichever {
                        s.push_str(&format!(", {w}"));
                    }
                    s.push('.');
                    s
                }
                DeadlineStatus::PossiblyMissed => {
                    let may = match d.late.and_then(|l| l.max) {
                        Some(b) if b > 0 => format!(
                            "up to {}",
                            wording::late(
                                Some(&CountRange {
                                    min: Some(b),
                                    max: Some(b)
                                }),
                                d.unit,
                                Form::Decision
                            )
                            .unwrap_or_else(|| "late".to_string())
                        ),
                        _ => "late".to_string(),
                    };
                    format!(
                        "{even} was due {}; depending on the exact dates, it may have been {may}.",
                        wording::due_by(eff_due, false)
                    )
                }
                DeadlineStatus::MetWithExtension => format!(
                    "It came after the standard time limit (due {due}) but within the extended \
                     one (due {}), and an extension is recorded, so it was in time.",
                    wording::due_by(eff_due, false)
                ),
                DeadlineStatus::ExtensionUnrecorded => format!(
                    "It came after the standard time limit (due {due}) and within the extended \
                     one (due {}), but no extension is recorded: it was in time only if the time \
                     was extended.",
                    wording::due_by(eff_due, false)
                ),
                _ => match d.extended_due {
                    Some(ext) => format!(
                        "It was due {due}, or {} if extended, and it was in time.",
                        wording::due_by(ext, false)
                    ),
                    None => format!("It was due {due}, and it was in time."),
                },
            });
        }
        (None, DeadlineStatus::NotJudged) => {
            sentences.push(format!(
                "No {target} is recorded after the {start} {when_start}."
            ));
            sentences.push(format!("{allowed}."));
            sentences.push(
                "A later stage of the procedure is recorded, so this time limit is not judged."
                    .to_string(),
            );
        }
        (None, DeadlineStatus::Overdue) if d.closed_by.is_some() => {
            let c = d.closed_by.unwrap_or_default();
            let closer = cx.label_of(c);
            sentences.push(format!(
                "No {target} is recorded after the {start} {when_start}; by the {closer} {}, {} \
                 had passed.",
                cx.when(c),
                count(d.taken)
            ));
            sentences.push(format!("{allowed}."));
            sentences.push(format!(
                "{even} was due {}, so when the {closer} came it was {}.",
                wording::due_by(eff_due, true),
                late_words("overdue")
            ));
        }
        (None, _) => {
            sentences.push(format!(
                "No {target} is recorded after the {start} {when_start}; by {}, {} had passed.",
                cx.as_of(),
                count(d.taken)
            ));
            sentences.push(format!("{allowed}."));
            sentences.push(match d.status {
                DeadlineStatus::Overdue => format!(
                    "{even} was due {}, so by {} it was {}.",
                    wording::due_by(eff_due, true),
                    cx.as_of(),
                    late_words("overdue")
                ),
                _ => {
                    let due = match d.extended_due {
                        Some(ext) => format!(
                            "{}, or {} if extended",
                            wording::due_by(d.due, false),
                            wording::due_by(ext, false)
                        ),
                        None => wording::due_by(d.due, false),
                    };
                    let possibly = d.late.and_then(|l| l.max).is_some_and(|b| b > 0);
                    if possibly {
                        format!(
                            "It is due {due}; depending on the exact dates, it may already have \
                             been overdue on {}.",
                            cx.as_of()
                        )
                    } else {
                        format!(
                            "It is due {due}, so it was not yet overdue on {}.",
                            cx.as_of()
                        )
                    }
                }
            });
        }
    }

    let mut heading = capitalised(target);
    if name_the_start {
        heading.push_str(&format!(" (from the {start})"));
    }
    let range = d.target_range.unwrap_or(d.start_range);
    Paragraph {
        heading,
        outcome: status.label(),
        range,
        line: cx.line(range),
        text: sentences.join(" "),
    }
}

/// One recommendation's or promise's paragraph.
fn rec(cx: &Cx, r: &RecRecord) -> Paragraph {
    let (outcome, late) = rec_outcome(r);
    let made_by = cx.label_of(r.entry);
    let text = r
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| format!(" (“{t}”)"))
        .unwrap_or_default();
    let (heading, subject) = match r.kind {
        RecKind::Rec => (
            format!("Recommendation {}", r.id),
            format!("Recommendation {}", r.id),
        ),
        RecKind::Promise => (
            format!("Promise {}", r.id),
            capitalised(&format!("{} promise {}", cx.body.possessive(), r.id)),
        ),
    };
    let made = format!("made in the {made_by} {}", cx.when(r.entry));
    let due = match (r.due, r.due_after) {
        (Some(due), Some(after)) => {
            let from = if after.entry == r.entry {
                "it was made".to_string()
            } else {
                format!("the {} {}", cx.label_of(after.entry), cx.when(after.entry))
            };
            format!(
                "was due {} ({} after {from})",
                wording::due_by(due, false),
                wording::duration(after.period)
            )
        }
        (Some(due), None) => format!("was due {}", wording::due_by(due, false)),
        (None, _) => "had no due date".to_string(),
    };
    let mut sentences = vec![format!("{subject}{text}, {made}, {due}.")];

    let closed = r.closed_entry;
    let last_partial = r
        .addressed_entries
        .iter()
        .rev()
        .find(|&&i| {
            cx.doc
                .entries
                .get(i)
                .and_then(|e| e.kind.as_ref())
                .is_some_and(|k| k.value == "partial")
        })
        .copied();
    let as_of = cx.as_of();
    let not_closed = |cx: &Cx| -> String {
        let mut s = String::new();
        if let Some(p) = last_partial {
            s.push_str(&format!("It was partly done {}, but ", cx.when(p)));
            s.push_str(&format!(
                "as of {as_of} it had not been finished or declined"
            ));
        } else {
            s.push_str(&format!("As of {as_of} it had not been done or declined"));
        }
        s
    };
    let whichever = |entry: usize| {
        wording::whichever(&[("", cx.spec(entry), cx.interval(entry))])
            .map(|w| format!(", {w}"))
            .unwrap_or_default()
    };
    sentences.push(match (r.overdue, r.status) {
        (Some(overdue), status) => {
            let mut s = format!(
                "{}: it was {}.",
                not_closed(cx),
                wording::lateness(overdue, caseline_check::CountUnit::WorkingDays, "overdue")
            );
            if let (Some(c), RecStatus::Done | RecStatus::Declined) = (closed, status) {
                let what = if status == RecStatus::Done {
                    "done"
                } else {
                    "declined"
                };
                s.push_str(&format!(
                    " It is recorded as {what} {}, after that date.",
                    cx.when(c)
                ));
            }
            s
        }
        (None, RecStatus::Done) => match (closed, late, outcome) {
            (Some(c), Some(l), RecOutcome::DoneLate) => format!(
                "It was done {}, {}{}.",
                cx.when(c),
                wording::lateness(l, caseline_check::CountUnit::WorkingDays, "late"),
                whichever(c)
            ),
            (Some(c), _, _) if r.due.is_some() => format!("It was done {}, in time.", cx.when(c)),
            (Some(c), _, _) => format!("It was done {}.", cx.when(c)),
            (None, _, _) => "It is recorded as done.".to_string(),
        },
        (None, RecStatus::Declined) => {
            let reason = closed
                .and_then(|c| cx.doc.entries.get(c))
                .and_then(|e| e.text.as_ref())
                .map(|t| t.value.trim())
                .filter(|t| !t.is_empty())
                .map(|t| format!(", saying: “{t}”"))
                .unwrap_or_default();
            match closed {
                Some(c) => format!(
                    "{} declined it {}{reason}.",
                    capitalised(&cx.body.term),
                    cx.when(c)
                ),
                None => format!("{} declined it{reason}.", capitalised(&cx.body.term)),
            }
        }
        (None, RecStatus::Open | RecStatus::Partial) => {
            if r.possibly_overdue {
                format!(
                    "{}; depending on the exact dates, it may already have been overdue.",
                    not_closed(cx)
                )
            } else if r.due.is_some() {
                format!("{}, and it was not yet overdue.", not_closed(cx))
            } else {
                format!("{}.", not_closed(cx))
            }
        }
    });

    Paragraph {
        heading,
        outcome: outcome.label(),
        range: r.range,
        line: cx.line(r.range),
        text: sentences.join(" "),
    }
}

/// The decision wording as plain text: a title, the opening lines, then the
/// paragraphs under "Stages" and "Recommendations and promises", each after a
/// line naming it, its line in the file and its outcome. Paragraphs are one
/// line each, so a word processor wraps them.
pub fn render_text(d: &Decision, title: &str) -> String {
    let mut out = String::new();
    let heading = |out: &mut String, h: &str, underline: char| {
        out.push_str(h);
        out.push('\n');
        out.push_str(&underline.to_string().repeat(h.chars().count()));
        out.push_str("\n\n");
    };
    heading(&mut out, &format!("Decision wording: {title}"), '=');
    for line in &d.preamble {
        out.push_str(line);
        out.push('\n');
    }
    if let Some(n) = &d.nothing_checked {
        out.push('\n');
        out.push_str(n);
        out.push('\n');
    }
    out.push('\n');
    for (title, none, paragraphs) in [
        ("Stages", "No time limit was judged.", &d.stages),
        (
            "Recommendations and promises",
            "No recommendation or promise is recorded.",
            &d.recommendations,
        ),
    ] {
        heading(&mut out, title, '-');
        if paragraphs.is_empty() {
            out.push_str(none);
            out.push_str("\n\n");
        }
        for p in paragraphs {
            out.push_str(&format!(
                "{} (line {}): {}\n{}\n\n",
                p.heading, p.line, p.outcome, p.text
            ));
        }
    }
    if !d.notes.is_empty() {
        heading(&mut out, "Not in this chronology", '-');
        for n in &d.notes {
            out.push_str(n);
            out.push('\n');
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The decision wording as Markdown (CommonMark): the same content as
/// [`render_text`], with every text from the file escaped so that nothing in
/// it becomes markup.
pub fn render_markdown(d: &Decision, title: &str) -> String {
    let mut out = format!("# Decision wording: {}\n\n", md(title));
    for line in &d.preamble {
        out.push_str(&format!("- {}\n", md(line)));
    }
    if let Some(n) = &d.nothing_checked {
        out.push_str(&format!("\n**{}**\n", md(n)));
    }
    let paragraph = |out: &mut String, p: &Paragraph| {
        out.push_str(&format!(
            "**{}** (line {}: {})\n\n{}\n\n",
            md(&p.heading),
            p.line,
            md(p.outcome),
            md(&p.text)
        ));
    };
    out.push_str("\n## Stages\n\n");
    if d.stages.is_empty() {
        out.push_str("No time limit was judged.\n\n");
    }
    for p in &d.stages {
        paragraph(&mut out, p);
    }
    out.push_str("## Recommendations and promises\n\n");
    if d.recommendations.is_empty() {
        out.push_str("No recommendation or promise is recorded.\n\n");
    }
    for p in &d.recommendations {
        paragraph(&mut out, p);
    }
    if !d.notes.is_empty() {
        out.push_str("## Not in this chronology\n\n");
        for n in &d.notes {
            out.push_str(&format!("- {}\n", md(n)));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Text with every character that could start Markdown (or HTML) escaped by
/// a backslash, which CommonMark allows before any ASCII punctuation.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '&' | '~' | '!'
        ) {
            out.push('\\');
        }
        // A line break in a file's text would end the paragraph or the list item.
        if c == '\n' || c == '\r' {
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    out
}
