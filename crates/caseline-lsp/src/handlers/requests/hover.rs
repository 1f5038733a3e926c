//! `textDocument/hover`. On a date: its weekday (or the interval of a vague
//! date), what the check engine found for the deadlines the entry starts or
//! ends, and the closed days of the case's calendar in between. On an event
//! kind: its label, procedure and deadline rules with citations. On a
//! recommendation ID: its text, due date, status and where it was addressed. On
//! a finding or an `allow` comment: the rule's explanation.
//!
//! Every date interval, count and calendar comes from the same `Analysis` the
//! diagnostics and hints come from (`entry_intervals`, `deadlines`, `recs`,
//! `case_calendar`): nothing is counted or resolved here, so a hover can never
//! disagree with a finding.

use std::fmt::Write as _;

use caseline_check::{Holiday, Interval, Rule};
use caseline_syntax::ast::{DateSpec, Document, Due, Entry, EntryChild};
use caseline_syntax::{TextRange, TextSize};
use chrono::NaiveDate;
use tower_lsp_server::ls_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::convert;
use crate::handlers::{
    case_procedures, duration_text, find_event, id_at, id_occurrences, procedure_sources, snapshot,
};
use crate::session::{DocumentSnapshot, Session};

pub fn handle(session: &Session, p: HoverParams) -> anyhow::Result<Option<Hover>> {
    let tdp = p.text_document_position_params;
    let Some(snap) = snapshot(session, &tdp.text_document.uri) else {
        return Ok(None);
    };
    let offset = convert::offset(snap.index(), tdp.position, snap.encoding);
    let doc = snap.parse.document();

    let found = date_hover(&snap, doc, offset)
        .or_else(|| other_date_hover(doc, offset))
        .or_else(|| kind_hover(&snap, doc, offset))
        .or_else(|| id_hover(&snap, doc, offset))
        .or_else(|| procedure_hover(&snap, doc, offset))
        .or_else(|| allow_comment_hover(doc, offset))
        .or_else(|| diagnostic_hover(&snap, offset));
    Ok(found.map(|(range, markdown)| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(convert::range(snap.index(), range, snap.encoding)),
    }))
}

type Found = (TextRange, String);

fn day(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

/// Above this many closed days, the hover lists the first ones and says how
/// many more (a typo such as year 2204 must not give a hover of thousands of lines).
const MAX_HOLIDAYS: usize = 20;

fn date_hover(snap: &DocumentSnapshot, doc: &Document, offset: TextSize) -> Option<Found> {
    let (i, entry) = doc
        .entries
        .iter()
        .enumerate()
        .find(|(_, e)| e.date_range.contains_inclusive(offset))?;
    let analysis = snap.analysis();
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
            let show = |d: Option<NaiveDate>| d.map(day).unwrap_or_else(|| "an open end".into());
            let _ = writeln!(
                md,
                "Date not known: some day from {} to {}",
                show(when.earliest),
                show(when.latest)
            );
        }
        None => md.push_str("This is not a real day.\n"),
    }
    let here = crate::handlers::requests::inlay_hint::entry_deadline_lines(snap, i);
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
            closed.extend(analysis.case_calendar.holidays_between(start, end));
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

fn kind_hover(snap: &DocumentSnapshot, doc: &Document, offset: TextSize) -> Option<Found> {
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
    let sources = procedure_sources(&snap.workspace, &case_procedures(doc));
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
            if d.target.value != name && d.start.value != name {
                continue;
            }
            let _ = write!(
                rules,
                "- `{}` within {} of `{}`",
                d.target.value,
                duration_text(&d.limit.value),
                d.start.value
            );
            if let Some(ext) = &d.extended_limit {
                let _ = write!(rules, ", extendable to {}", duration_text(&ext.value));
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
    let here = crate::handlers::requests::inlay_hint::entry_deadline_lines(snap, entry_index);
    if !here.is_empty() {
        let _ = write!(md, "\nIn this case:\n{here}");
    }
    Some((kind.range, md))
}

fn id_hover(snap: &DocumentSnapshot, doc: &Document, offset: TextSize) -> Option<Found> {
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
                caseline_syntax::ast::RecKind::Rec => "Recommendation",
                caseline_syntax::ast::RecKind::Promise => "Promise",
            };
            let _ = writeln!(md, "**{word} {}**", id.name);
            if let Some(t) = &rec.text {
                let _ = writeln!(md, "\n{}", t.value);
            }
            let _ = writeln!(
                md,
                "\nMade at {} {}",
                written(snap, entry.date_range),
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
    crate::handlers::requests::inlay_hint::rec_status_lines(snap, &id.name, &mut md);
    let mut addressed = String::new();
    for e in &doc.entries {
        if e.ids.iter().any(|i| i.value == id.name) {
            let _ = writeln!(
                addressed,
                "- {} {}",
                written(snap, e.date_range),
                kind_of(e)
            );
        }
    }
    for e in &doc.entries {
        for c in &e.children {
            if let EntryChild::Agree(a) = c
                && a.ids.iter().any(|i| i.value == id.name)
            {
                let _ = writeln!(addressed, "- {} agreed", written(snap, e.date_range));
            }
        }
    }
    if !addressed.is_empty() {
        let _ = write!(md, "\nAddressed:\n{addressed}");
    }
    let uses = id_occurrences(doc)
        .iter()
        .filter(|o| o.name == id.name)
        .count();
    tracing::trace!(uses, "rec hover");
    Some((id.range, md))
}

/// A procedure named in the case header: its title, source and origin.
fn procedure_hover(snap: &DocumentSnapshot, doc: &Document, offset: TextSize) -> Option<Found> {
    let name = doc
        .header
        .as_ref()?
        .procedures
        .as_ref()?
        .iter()
        .find(|p| p.range.contains_inclusive(offset))?;
    let mut md = String::new();
    let Some(proc) = snap.workspace.definitions.procedure(&name.value) else {
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

fn written(snap: &DocumentSnapshot, r: TextRange) -> &str {
    snap.text()
        .get(usize::from(r.start())..usize::from(r.end()))
        .unwrap_or("?")
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

fn diagnostic_hover(snap: &DocumentSnapshot, offset: TextSize) -> Option<Found> {
    let analysis = snap.analysis();
    let mut md = String::new();
    let mut range: Option<TextRange> = None;
    let mut seen = Vec::new();
    for d in analysis
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

fn explain(rule: Rule) -> String {
    format!(
        "**{}**: {}\n\n{}",
        rule.name(),
        rule.summary(),
        rule.explanation()
    )
}
