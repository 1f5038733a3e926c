//! Hover. On a date: its weekday (or the interval of a vague date), what the
//! check engine found for the deadlines the entry starts or ends, and the
//! closed days of the case's calendar in between. On an event kind: its label,
//! procedure and deadline rules with citations. On a recommendation ID: its
//! text, due date, status and where it was addressed. On a procedure named in
//! the header: its title, source and origin. On a finding or an `allow`
//! comment: the rule's explanation.
//!
//! Every date interval, count and calendar comes from the same `Analysis` the
//! diagnostics and hints come from (`entry_intervals`, `deadlines`, `recs`,
//! `case_calendar`): nothing is counted or resolved here, so a hover can never
//! disagree with a finding.

use std::fmt::Write as _;

use caseline_check::{Analysis, DeadlineStatus, Holiday, Interval, Rule};
use caseline_syntax::ast::{DateSpec, Document, Due, Entry, EntryChild, RecKind};
use caseline_syntax::{Parse, TextRange, TextSize};
use caseline_workspace::Workspace;
use chrono::NaiveDate;

use crate::ids::id_at;
use crate::sources::{case_procedures, find_event, procedure_sources};
use caseline_check::CountUnit;
use caseline_check::wording::{self, Form::Long, RecState};

/// What a hover shows, and the range it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoverResult {
    pub range: TextRange,
    pub markdown: String,
}

/// The hover at `offset` (the end of a word counts as on it, so a cursor just
/// after a word still finds it), or `None` where there is nothing to say.
pub fn hover(
    parse: &Parse,
    analysis: &Analysis,
    workspace: &Workspace,
    offset: TextSize,
) -> Option<HoverResult> {
    let cx = Cx {
        parse,
        analysis,
        workspace,
    };
    let doc = parse.document();
    let (range, markdown) = cx
        .date_hover(doc, offset)
        .or_else(|| other_date_hover(doc, offset))
        .or_else(|| cx.kind_hover(doc, offset))
        .or_else(|| cx.id_hover(doc, offset))
        .or_else(|| cx.procedure_hover(doc, offset))
        .or_else(|| allow_comment_hover(doc, offset))
        .or_else(|| cx.diagnostic_hover(offset))?;
    Some(HoverResult { range, markdown })
}

type Found = (TextRange, String);

struct Cx<'a> {
    parse: &'a Parse,
    analysis: &'a Analysis,
    workspace: &'a Workspace,
}

fn day(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

/// Above this many closed days, the hover lists the first ones and says how
/// many more (a typo such as year 2204 must not give a hover of thousands of lines).
const MAX_HOLIDAYS: usize = 20;

impl Cx<'_> {
    fn date_hover(&self, doc: &Document, offset: TextSize) -> Option<Found> {
        let (i, entry) = doc
            .entries
            .iter()
            .enumerate()
            .find(|(_, e)| e.date_range.contains_inclusive(offset))?;
        let analysis = self.analysis;
        let mut md = String::new();
        match entry.date.as_ref().map(|d| d.value) {
            Some(DateSpec::Day(d)) => {
                let _ = writeln!(md, "**{}**", day(d));
            }
            Some(DateSpec::Span { first, last }) => {
                let _ = writeln!(md, "Some day from **{}** to **{}**", day(first), day(last));
            }
            Some(DateSpec::Unknown) => {
                // The engine's reading of the `?`, the one every count used.
                let when = analysis
                    .entry_intervals
                    .get(i)
                    .copied()
                    .unwrap_or_else(Interval::unknown);
                let show =
                    |d: Option<NaiveDate>| d.map(day).unwrap_or_else(|| "an open end".into());
                let _ = writeln!(
                    md,
                    "Date not known: some day from {} to {}",
                    show(when.earliest),
                    show(when.latest)
                );
            }
            None => md.push_str("This is not a real day.\n"),
        }
        let here = self.entry_deadline_lines(i);
        if !here.is_empty() {
            let _ = write!(
                md,
                "\nIn this case ({} calendar):\n{here}",
                analysis.calendar
            );
        }
        // The closed days between the start of each stage this entry ends and the
        // latest day it may fall on, in the calendar the engine counted in.
        let mut closed: Vec<Holiday> = Vec::new();
        for d in analysis
            .deadlines
            .iter()
            .filter(|d| d.target_entry == Some(i))
        {
            let start = analysis
                .entry_intervals
                .get(d.start_entry)
                .and_then(|iv| iv.earliest);
            let end = d.actual.and_then(|a| a.latest);
            if let (Some(start), Some(end)) = (start, end)
                && end > start
            {
                // The calendar this deadline counted in (FOI's `uk-any`),
                // else the case's.
                let calendar = d
                    .counting
                    .calendar
                    .as_ref()
                    .unwrap_or(&analysis.case_calendar);
                closed.extend(calendar.holidays_between(start, end));
            }
        }
        closed.sort_by_key(|h| h.date);
        closed.dedup_by_key(|h| h.date);
        if !closed.is_empty() {
            md.push_str("\nHolidays in between:\n");
            for h in closed.iter().take(MAX_HOLIDAYS) {
                let _ = writeln!(md, "- {} {}", h.date.format("%a %-d %b %Y"), h.name);
            }
            if closed.len() > MAX_HOLIDAYS {
                let _ = writeln!(md, "- and {} more", closed.len() - MAX_HOLIDAYS);
            }
        }
        Some((entry.date_range, md))
    }

    fn kind_hover(&self, doc: &Document, offset: TextSize) -> Option<Found> {
        let (entry_index, kind) = doc
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.kind.as_ref().map(|k| (i, k)))
            .find(|(_, k)| k.range.contains_inclusive(offset))?;
        let name = kind.value.as_str();
        let mut md = String::new();
        let generic = match name {
            "note" => Some("A note: recorded, never checked."),
            "done" => Some("The named recommendations or promises were carried out on this date."),
            "declined" => Some("A reasoned decision not to carry out the named recommendations."),
            "partial" => Some("Progress on the named recommendations; they stay open."),
            _ => None,
        };
        if let Some(text) = generic {
            let _ = writeln!(md, "**{name}**\n\n{text}");
            return Some((kind.range, md));
        }
        let sources = procedure_sources(self.workspace, &case_procedures(doc));
        let Some((source, decl)) = find_event(&sources, name) else {
            let _ = writeln!(
                md,
                "**{name}**\n\nA free event: none of this case's procedures defines it, so it is recorded without checks."
            );
            return Some((kind.range, md));
        };
        let label = decl
            .label
            .as_ref()
            .map(|l| l.value.as_str())
            .unwrap_or(name);
        let _ = writeln!(md, "**{label}** (`{name}`)");
        let title = source
            .def()
            .and_then(|d| d.title.as_ref())
            .map(|t| t.value.clone())
            .unwrap_or_else(|| source.name.clone());
        let _ = writeln!(md, "\nProcedure: {title}");
        let mut rules = String::new();
        for s in &sources {
            let Some(def) = s.def() else { continue };
            for d in &def.deadlines {
                let mentions = d.target.value == name
                    || d.start.value == name
                    || d.alternatives.iter().any(|(t, _)| t.value == name)
                    || d.more_starts.iter().any(|t| t.value == name);
                if !mentions {
                    continue;
                }
                let mut outcomes = vec![format!(
                    "`{}` within {}",
                    d.target.value,
                    wording::as_written(&d.limit.value)
                )];
                for (t, l) in &d.alternatives {
                    outcomes.push(format!(
                        "`{}` within {}",
                        t.value,
                        wording::as_written(&l.value)
                    ));
                }
                let mut starts = vec![format!("`{}`", d.start.value)];
                starts.extend(d.more_starts.iter().map(|t| format!("`{}`", t.value)));
                let start = if starts.len() > 1 {
                    format!("the latest of {}", starts.join(", "))
                } else {
                    starts.join("")
                };
                let _ = write!(
                    rules,
                    "- {} {} {start}",
                    outcomes.join(", or "),
                    if d.inclusive { "starting with" } else { "of" }
                );
                if let Some(ext) = &d.extended_limit {
                    let _ = write!(rules, ", extendable to {}", wording::as_written(&ext.value));
                }
                for (on, what) in [
                    (d.repeating, "repeating"),
                    (d.roll_forward, "to the next working day"),
                    (d.guidance, "guidance, not law"),
                ] {
                    if on {
                        let _ = write!(rules, ", {what}");
                    }
                }
                if let Some(c) = &d.citation {
                    let _ = write!(rules, " ({})", c.value);
                }
                rules.push('\n');
            }
        }
        if !rules.is_empty() {
            let _ = write!(md, "\nDeadlines:\n{rules}");
        }
        let here = self.entry_deadline_lines(entry_index);
        if !here.is_empty() {
            let _ = write!(md, "\nIn this case:\n{here}");
        }
        Some((kind.range, md))
    }

    fn id_hover(&self, doc: &Document, offset: TextSize) -> Option<Found> {
        let id = id_at(doc, offset)?;
        let mut md = String::new();
        let def = doc.entries.iter().find_map(|e| {
            e.children.iter().find_map(|c| match c {
                EntryChild::Rec(r) if r.id.value == id.name => Some((e, r)),
                _ => None,
            })
        });
        match def {
            Some((entry, rec)) => {
                let word = match rec.kind {
                    RecKind::Rec => "Recommendation",
                    RecKind::Promise => "Promise",
                };
                let _ = writeln!(md, "**{word} {}**", id.name);
                if let Some(t) = &rec.text {
                    let _ = writeln!(md, "\n{}", t.value);
                }
                let _ = writeln!(
                    md,
                    "\nMade at {} {}",
                    self.written(entry.date_range),
                    kind_of(entry)
                );
            }
            None => {
                let _ = writeln!(
                    md,
                    "**{}**: no `rec` or `promise` line defines this ID.",
                    id.name
                );
            }
        }
        self.rec_status_lines(&id.name, &mut md);
        let mut addressed = String::new();
        for e in &doc.entries {
            if e.ids.iter().any(|i| i.value == id.name) {
                let _ = writeln!(addressed, "- {} {}", self.written(e.date_range), kind_of(e));
            }
        }
        for e in &doc.entries {
            for c in &e.children {
                if let EntryChild::Agree(a) = c
                    && a.ids.iter().any(|i| i.value == id.name)
                {
                    let _ = writeln!(addressed, "- {} agreed", self.written(e.date_range));
                }
            }
        }
        if !addressed.is_empty() {
            let _ = write!(md, "\nAddressed:\n{addressed}");
        }
        Some((id.range, md))
    }

    /// A procedure named in the case header: its title, source and origin.
    fn procedure_hover(&self, doc: &Document, offset: TextSize) -> Option<Found> {
        let name = doc
            .header
            .as_ref()?
            .procedures
            .as_ref()?
            .iter()
            .find(|p| p.range.contains_inclusive(offset))?;
        let mut md = String::new();
        let Some(proc) = self.workspace.definitions.procedure(&name.value) else {
            let _ = writeln!(
                md,
                "**{}**: no such procedure is built in or defined in the workspace.",
                name.value
            );
            return Some((name.range, md));
        };
        let _ = writeln!(md, "**{}**", proc.title.as_deref().unwrap_or(&proc.name));
        if let Some(source) = &proc.source {
            let _ = writeln!(md, "\n{source}");
        }
        let origin = match proc.origin.strip_prefix("builtin:") {
            Some(_) => "built in".to_owned(),
            None => format!("defined in {}", proc.origin),
        };
        let _ = writeln!(
            md,
            "\n`{}`, {origin}: {} events, {} deadlines",
            proc.name,
            proc.events.len(),
            proc.deadlines.len()
        );
        Some((name.range, md))
    }

    fn diagnostic_hover(&self, offset: TextSize) -> Option<Found> {
        let mut md = String::new();
        let mut range: Option<TextRange> = None;
        let mut seen = Vec::new();
        for d in self
            .analysis
            .diagnostics
            .iter()
            .filter(|d| d.range.contains_inclusive(offset))
        {
            if seen.contains(&d.rule) {
                continue;
            }
            seen.push(d.rule);
            if !md.is_empty() {
                md.push_str("\n---\n\n");
            }
            md.push_str(&explain(d.rule));
            range = Some(range.map_or(d.range, |r| r.cover(d.range)));
        }
        range.map(|r| (r, md))
    }

    /// What the analysis found for the deadlines this entry starts or ends, in
    /// words (one Markdown list item each).
    fn entry_deadline_lines(&self, entry: usize) -> String {
        let analysis = self.analysis;
        let mut out = String::new();
        for d in &analysis.deadlines {
            let counting = wording::counting(d);
            let counted = if counting.is_empty() {
                String::new()
            } else {
                format!(" ({})", counting.join(", "))
            };
            if d.target_entry == Some(entry) {
                let _ = write!(out, "- {} after the {}", d.target_label, d.start_label);
                if let Some(taken) = &d.taken {
                    let _ = write!(out, ": {}", wording::count(*taken, d.unit));
                }
                let _ = write!(out, "; due {}{counted}", wording::interval(d.due, Long));
                if let Some(ext) = &d.extended_due {
                    let _ = write!(out, " ({} if extended)", wording::interval(*ext, Long));
                }
                if let Some(late) = wording::late(d.late.as_ref(), d.unit, Long) {
                    let _ = write!(out, "; {late}");
                }
                out.push('\n');
            } else if d.start_entry == entry {
                let _ = write!(
                    out,
                    "- starts the {}: due {}{counted}",
                    d.target_label,
                    wording::interval(d.due, Long)
                );
                if let Some(ext) = &d.extended_due {
                    let _ = write!(out, " ({} if extended)", wording::interval(*ext, Long));
                }
                if d.status == DeadlineStatus::Overdue
                    && let Some(late) = &d.late
                {
                    let _ = write!(
                        out,
                        "; not recorded, and {} overdue as of {}",
                        wording::count(*late, d.unit),
                        analysis.as_of
                    );
                }
                out.push('\n');
            } else {
                continue;
            }
            for note in wording::deadline_notes(d) {
                let _ = writeln!(out, "  - {note}");
            }
        }
        out
    }

    /// The due date and status lines of a recommendation's hover.
    fn rec_status_lines(&self, id: &str, md: &mut String) {
        let analysis = self.analysis;
        let Some(r) = analysis.recs.iter().find(|r| r.id == id) else {
            return;
        };
        match (&r.due, &r.due_basis) {
            (Some(due), Some(basis)) => {
                let _ = writeln!(md, "\nDue: {} ({basis})", wording::interval(*due, Long));
            }
            (Some(due), None) => {
                let _ = writeln!(md, "\nDue: {}", wording::interval(*due, Long));
            }
            (None, _) => md.push_str("\nNo due date.\n"),
        }
        let as_of = analysis.as_of;
        let state = RecState::of(r);
        let _ = write!(md, "\nStatus: {}", state.words());
        match state {
            RecState::Overdue { .. } => {
                let _ = writeln!(
                    md,
                    ": not recorded as done or declined by {as_of}, the date this case is judged at"
                );
            }
            RecState::PossiblyOverdue { .. } => {
                let _ = writeln!(
                    md,
                    ": the due date is vague, and it is not recorded as done or declined by {as_of}, the date this case is judged at"
                );
            }
            _ => match wording::late(r.late.as_ref(), CountUnit::WorkingDays, Long) {
                Some(late) => {
                    let _ = writeln!(md, ", {late}");
                }
                None => md.push('\n'),
            },
        }
    }

    fn written(&self, r: TextRange) -> &str {
        self.parse
            .text()
            .get(usize::from(r.start())..usize::from(r.end()))
            .unwrap_or("?")
    }
}

/// Dates outside entry heads (the header's `as-of`, `by DATE` on `rec` and
/// `agree` lines, a calendar's `closed` days): the weekday, or the interval.
fn other_date_hover(doc: &Document, offset: TextSize) -> Option<Found> {
    let mut dates: Vec<(TextRange, Option<DateSpec>)> = Vec::new();
    if let Some(a) = doc.header.as_ref().and_then(|h| h.as_of.as_ref()) {
        dates.push((a.range, Some(a.value)));
    }
    for e in &doc.entries {
        for c in &e.children {
            let due = match c {
                EntryChild::Rec(r) => r.due.as_ref(),
                EntryChild::Agree(a) => a.due.as_ref(),
                _ => None,
            };
            if let Some(Due::By(d)) = due {
                dates.push((d.range, d.value));
            }
        }
    }
    for cal in &doc.calendars {
        for closed in &cal.closed {
            dates.extend(closed.dates.iter().map(|d| (d.range, Some(d.value))));
        }
    }
    let (range, spec) = dates
        .into_iter()
        .find(|(r, _)| r.contains_inclusive(offset))?;
    let md = match spec {
        Some(DateSpec::Day(d)) => format!("**{}**\n", day(d)),
        Some(DateSpec::Span { first, last }) => {
            format!("Some day from **{}** to **{}**\n", day(first), day(last))
        }
        Some(DateSpec::Unknown) => "Date not known\n".to_owned(),
        None => "This is not a real day.\n".to_owned(),
    };
    Some((range, md))
}

fn kind_of(e: &Entry) -> &str {
    e.kind.as_ref().map(|k| k.value.as_str()).unwrap_or("")
}

/// `# caseline: allow RULE "reason"`: hovering the comment explains the rule.
fn allow_comment_hover(doc: &Document, offset: TextSize) -> Option<Found> {
    let comment = doc
        .comments
        .iter()
        .find(|c| c.range.contains_inclusive(offset))?;
    let rest = comment.text.trim_start().strip_prefix("caseline:")?;
    let rest = rest.trim_start().strip_prefix("allow")?;
    let name = rest.split_whitespace().next()?;
    let rule = Rule::from_name(name)?;
    Some((comment.range, explain(rule)))
}

fn explain(rule: Rule) -> String {
    format!(
        "**{}**: {}\n\n{}",
        rule.name(),
        rule.summary(),
        rule.explanation()
    )
}

#[cfg(test)]
mod tests {
    use crate::fixture::Fixture;

    /// The hover at the cursor: the text it is about in brackets, then the Markdown.
    fn hover(fixture: &str) -> Option<String> {
        let f = Fixture::new(fixture);
        let h = super::hover(&f.parse, &f.analysis, &f.workspace, f.offset)?;
        Some(format!("[{}]\n{}", f.slice(h.range), h.markdown))
    }

    #[track_caller]
    fn check(fixture: &str, expect: &str) {
        let got = hover(fixture).unwrap_or_else(|| "no hover".to_owned());
        assert_eq!(got, expect.strip_prefix('\n').unwrap_or(expect));
    }

    /// A stage 1 that spans Easter 2024: received on Monday 25 March, answered
    /// on Friday 12 April. 10 working days, skipping Good Friday (29 March) and
    /// Easter Monday (1 April), end on 10 April; 20 end on 24 April. The
    /// response took 12 working days: late for the standard limit, within the
    /// extended one, and no extension is recorded.
    const EASTER: &str = r#"
case "1"
  procedure children-statutory
  as-of 2024-06-28

2024-03-25 stage1.received
2024-04-12 stage1.response
"#;

    fn at(fixture: &str, before: &str) -> String {
        let Some(i) = fixture.find(before) else {
            panic!("{before:?} is not in the fixture")
        };
        let at = i + before.len();
        format!("{}$0{}", &fixture[..at], &fixture[at..])
    }

    #[test]
    fn a_target_date_shows_its_deadline_and_the_holidays_it_spanned() {
        check(
            &at(EASTER, "2024-04-1"),
            r#"
[2024-04-12]
**Friday 12 April 2024**

In this case (england-and-wales calendar):
- stage 1 response after the receipt of the complaint: 12 working days; due 2024-04-10 (2024-04-24 if extended)

Holidays in between:
- Fri 29 Mar 2024 Good Friday
- Mon 1 Apr 2024 Easter Monday
"#,
        );
    }

    /// FOI counts in `uk-any` (FOIA s.10(6)): 2024-11-20 + 20 working days is
    /// 2024-12-19 because St Andrew's Day is kept in Scotland on Monday 2
    /// December, and the holidays listed are that calendar's, not the case's.
    #[test]
    fn a_deadline_in_its_procedure_s_own_calendar_says_so_and_lists_its_holidays() {
        let fixture = "case \"1\"\n  procedure foi\n  as-of 2025-03-01\n\n2024-11-20 foi.received\n2024-12-19$0 foi.response\n";
        let got = hover(fixture).expect("a hover");
        assert!(
            got.contains("due 2024-12-19 (counted in the uk-any calendar)"),
            "{got}"
        );
        assert!(got.contains("Mon 2 Dec 2024"), "{got}");
    }

    /// An exception switches the limit off: the start's hover gives the reason.
    #[test]
    fn an_exception_s_reason_is_in_the_hover() {
        let fixture = "case \"1\"\n  procedure send-ehc\n  as-of 2024-12-01\n\n2024-01-08$0 ehc.requested\n  exception ehc.final \"school closed for five weeks\"\n2024-02-12 ehc.assess-decision\n2024-06-10 ehc.final\n";
        let got = hover(fixture).expect("a hover");
        assert!(
            got.contains("Switched off by an exception (SI 2014/1530 reg. 10(4), 13(3)): \u{201c}school closed for five weeks\u{201d}"),
            "{got}"
        );
    }

    #[test]
    fn a_start_date_shows_when_the_next_stage_is_due() {
        check(
            &at(EASTER, "\n2024-03-25"),
            r#"
[2024-03-25]
**Monday 25 March 2024**

In this case (england-and-wales calendar):
- starts the stage 1 response: due 2024-04-10 (2024-04-24 if extended)
"#,
        );
    }

    #[test]
    fn a_misspelt_target_leaves_its_stage_overdue() {
        // Working days in (24 April, 28 June] 2024, without the bank holidays
        // of 6 and 27 May: 45.
        let misspelt = EASTER.replace("stage1.response", "stage1.respnse");
        check(
            &at(&misspelt, "\n2024-03-25"),
            r#"
[2024-03-25]
**Monday 25 March 2024**

In this case (england-and-wales calendar):
- starts the stage 1 response: due 2024-04-10 (2024-04-24 if extended); not recorded, and 45 working days overdue as of 2024-06-28
"#,
        );
        // On the misspelt kind itself: no procedure of the case declares it.
        check(
            &at(&misspelt, "stage1.respnse"),
            r#"
[stage1.respnse]
**stage1.respnse**

A free event: none of this case's procedures defines it, so it is recorded without checks.
"#,
        );
    }

    #[test]
    fn an_event_kind_shows_its_declaration_rules_and_what_happened() {
        check(
            &at(EASTER, "2024-04-12 stage1.res"),
            r#"
[stage1.response]
**stage 1 response** (`stage1.response`)

Procedure: Children's social care complaints procedure (England)

Deadlines:
- `stage1.response` within 10wd of `stage1.received`, extendable to 20wd (SI 2006/1738 reg. 14)

In this case:
- stage 1 response after the receipt of the complaint: 12 working days; due 2024-04-10 (2024-04-24 if extended)
"#,
        );
    }

    #[test]
    fn a_cursor_at_the_end_of_the_line_is_still_on_the_word() {
        check(
            &at(EASTER, "stage1.received"),
            r#"
[stage1.received]
**receipt of the complaint** (`stage1.received`)

Procedure: Children's social care complaints procedure (England)

Deadlines:
- `stage1.response` within 10wd of `stage1.received`, extendable to 20wd (SI 2006/1738 reg. 14)

In this case:
- starts the stage 1 response: due 2024-04-10 (2024-04-24 if extended)
"#,
        );
    }

    #[test]
    fn generic_kinds_say_what_they_record() {
        check(
            r#"
case "1"
  procedure children-statutory

2024-03-25 no$0te "called the council"
"#,
            r#"
[note]
**note**

A note: recorded, never checked.
"#,
        );
    }

    #[test]
    fn in_a_case_with_no_procedure_line_a_date_is_just_its_day() {
        // Nothing is checked, so the date has no deadline to tell of.
        check(
            r#"
case "1"
  as-of 2024-06-01

2024-01-02 stage1.received
2024-04-1$00 stage1.response
"#,
            r#"
[2024-04-10]
**Wednesday 10 April 2024**
"#,
        );
    }

    #[test]
    fn an_unknown_date_is_the_interval_the_engine_read_it_as() {
        check(
            r#"
case "1"
  procedure children-statutory

2024-03-04 note
?$0 note
2024-03-08 note
"#,
            r#"
[?]
Date not known: some day from Monday 4 March 2024 to Friday 8 March 2024
"#,
        );
    }

    #[test]
    fn header_and_due_dates_show_their_weekday() {
        check(
            &at(EASTER, "as-of 2024-06-2"),
            r#"
[2024-06-28]
**Friday 28 June 2024**
"#,
        );
        check(
            r#"
case "1"
  procedure children-statutory

2024-03-25 stage2.report
  rec r1 by 2024-04$0 "Apologise"
"#,
            r#"
[2024-04]
Some day from **Monday 1 April 2024** to **Tuesday 30 April 2024**
"#,
        );
    }

    /// A recommendation due on Tuesday 19 November 2024, partly done on the
    /// 20th, judged on Friday the 29th: 8 working days overdue.
    const PARTLY_DONE: &str = r#"
case "1"
  procedure children-statutory
  as-of 2024-11-29

2024-11-01 stage2.report
  rec r1 by 2024-11-19 "Apologise"
2024-11-20 partial r1
"#;

    #[test]
    fn an_id_shows_its_text_due_date_status_and_where_it_was_addressed() {
        let expect = r#"
[r1]
**Recommendation r1**

Apologise

Made at 2024-11-01 stage2.report

Due: 2024-11-19

Status: overdue (partly done): not recorded as done or declined by 2024-11-29, the date this case is judged at

Addressed:
- 2024-11-20 partial
"#;
        // On the definition, and at the end of the line that refers to it.
        check(&at(PARTLY_DONE, "rec r"), expect);
        check(&at(PARTLY_DONE, "partial r1"), expect);
    }

    #[test]
    fn an_id_due_within_a_duration_says_how_its_due_date_was_set() {
        // 10 working days after Friday 1 November 2024: the 15th.
        check(
            r#"
case "1"
  procedure children-statutory
  as-of 2024-11-29

2024-11-01 stage2.report
  rec r$01 within 10wd "Apologise"
2024-11-14 done r1
"#,
            r#"
[r1]
**Recommendation r1**

Apologise

Made at 2024-11-01 stage2.report

Due: 2024-11-15 (10 working days after the investigating officer's report on 2024-11-01)

Status: done

Addressed:
- 2024-11-14 done
"#,
        );
    }

    #[test]
    fn an_id_nothing_defines_says_so() {
        check(
            r#"
case "1"
  procedure children-statutory

2024-11-20 done r9$0
"#,
            r#"
[r9]
**r9**: no `rec` or `promise` line defines this ID.

Addressed:
- 2024-11-20 done
"#,
        );
    }

    #[test]
    fn a_built_in_procedure_shows_its_title_source_and_size() {
        check(
            r#"
case "1"
  procedure children-statutory$0
"#,
            r#"
[children-statutory]
**Children's social care complaints procedure (England)**

Children Act 1989 Representations Procedure (England) Regulations 2006 (SI 2006/1738); Getting the Best from Complaints (DfES 2006)

`children-statutory`, built in: 9 events, 6 deadlines
"#,
        );
    }

    #[test]
    fn a_workspace_procedure_names_its_file() {
        check(
            r#"
//- /w/defs/local.case
procedure local
  title "Local procedure"
  event a.received "Received"
  event a.response "Response"
  deadline a.response within 5wd of a.received
//- /w/cases/one.case
case "1"
  procedure lo$0cal
"#,
            r#"
[local]
**Local procedure**

`local`, defined in defs/local.case: 2 events, 1 deadlines
"#,
        );
    }

    #[test]
    fn a_misspelt_procedure_is_not_found() {
        check(
            r#"
case "1"
  procedure childrens-statutory$0
"#,
            r#"
[childrens-statutory]
**childrens-statutory**: no such procedure is built in or defined in the workspace.
"#,
        );
    }

    #[test]
    fn a_finding_and_an_allow_comment_explain_their_rule() {
        let first_line = |fixture: &str| {
            hover(fixture).map(|h| h.lines().take(2).collect::<Vec<_>>().join("\n"))
        };
        // The header of a case with no procedure line carries `procedure-missing`.
        assert_eq!(
            first_line(
                r#"
ca$0se "1"

2024-01-02 note
"#
            )
            .as_deref(),
            Some(
                "[case \"1\"]\n**procedure-missing**: the case names no procedure, so no deadline is checked"
            )
        );
        assert_eq!(
            first_line(
                r#"
case "1"
# caseline: allow procedure-missing "informal$0 complaint"

2024-01-02 note
"#
            )
            .as_deref(),
            Some(
                "[# caseline: allow procedure-missing \"informal complaint\"]\n**procedure-missing**: the case names no procedure, so no deadline is checked"
            )
        );
    }

    #[test]
    fn a_closed_day_in_a_definitions_file_shows_its_weekday() {
        check(
            r#"
calendar office
  extends england-and-wales
  closed 2024-12-2$07 "Offices closed"
"#,
            r#"
[2024-12-27]
**Friday 27 December 2024**
"#,
        );
    }

    #[test]
    fn nothing_to_say_is_no_hover() {
        assert_eq!(
            hover("case \"1\"\n  procedure children-statutory\n$0\n"),
            None
        );
        assert_eq!(
            hover(
                r#"
case "1"
  procedure children-statutory

2024-03-25 note "called$0 the council"
"#
            ),
            None
        );
    }
}
