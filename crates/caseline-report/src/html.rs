//! Draws a [`Layout`] as one self-contained HTML page: inline CSS, an inline SVG
//! timeline and data tables. No scripts, no external requests (no fonts, images
//! or style sheets from anywhere), so the file can be mailed, archived, opened in
//! a VS Code webview, and printed to PDF from a browser.
//!
//! Accessibility: every mark has a `<title>` (hover) and an `aria-label`; status
//! is said in words and with a pattern as well as in colour; the tables carry
//! the same facts as the picture. All user text goes through [`esc`].
//!
//! Must not compute case facts: everything comes from the layout.

use std::collections::HashMap;
use std::fmt::Write as _;

use caseline_check::Interval;
use caseline_check::{CountRange, CountUnit};
use caseline_syntax::ast::RecKind;
use chrono::Datelike;
use chrono::NaiveDate;

use crate::layout::{Bar, BarEnd, BarStatus, EventMark, Layout, RecOutcome, RecRow};
use caseline_check::wording::{self, Form::Long};

/// The SVG's coordinate width; it scales to the page (and to paper) from there.
const WIDTH: f64 = 1360.0;
/// Room on the left for the row labels.
const LABEL_W: f64 = 330.0;
const RIGHT_PAD: f64 = 24.0;
const AXIS_H: f64 = 46.0;
const HEADING_H: f64 = 30.0;
const STAGE_H: f64 = 48.0;
const REC_H: f64 = 38.0;
const EVENTS_H: f64 = 40.0;
/// Longest label drawn in the left column; the full text is in the title and tables.
const LABEL_CHARS: usize = 44;

/// Escapes text for HTML content and quoted attribute values alike.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab/newline are not allowed in HTML text.
            c if c.is_control() && c != '\t' && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The page forbids itself every fetch and every script: the browser enforces
/// "self-contained" even if something slipped through escaping.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// The whole page. `title` is shown as the heading and the document title.
pub fn render_html(layout: &Layout, title: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"caseline report\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        esc(title),
        CSS,
        esc(title)
    );
    warnings(&mut out, layout);
    case_summary(&mut out, layout);
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>",
        esc(&summary_sentence(layout))
    );
    legend(&mut out);
    out.push_str("<section aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline</h2>\n");
    Chart::new(layout).draw(&mut out);
    out.push_str("</section>\n");
    stages_table(&mut out, layout);
    recs_table(&mut out, layout);
    findings_list(&mut out, layout);
    acknowledged_list(&mut out, layout);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// At the top, before anything that could look clean: lines that could not be
/// read (left out of the timeline), and a case in which nothing was checked.
fn warnings(out: &mut String, l: &Layout) {
    if !l.unreadable_lines.is_empty() {
        let lines = l
            .unreadable_lines
            .iter()
            .map(|n| format!("line {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let (count, them) = if l.unreadable_lines.len() == 1 {
            ("1 line could not be read and is".to_string(), "it")
        } else {
            (
                format!(
                    "{} lines could not be read and are",
                    l.unreadable_lines.len()
                ),
                "them",
            )
        };
        let _ = writeln!(
            out,
            "<p class=\"alert\" role=\"alert\">{count} left out of this timeline: {lines}. \
             Nothing on {them} is drawn or checked; the findings below say what is wrong.</p>"
        );
    }
    if l.nothing_checked {
        let _ = writeln!(
            out,
            "<p class=\"alert\" role=\"alert\">Nothing was checked in this case: no deadline \
             could be judged and no recommendation is tracked, so the absence of findings \
             says nothing about it ({}).</p>",
            esc(&l.checked)
        );
    }
}

fn case_summary(out: &mut String, l: &Layout) {
    out.push_str("<dl class=\"case\">\n");
    let mut row = |k: &str, v: &str| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    };
    let c = &l.case;
    if let Some(v) = &c.reference {
        row("Reference", v);
    }
    if let Some(v) = &c.title {
        row("Title", v);
    }
    if let Some(v) = &c.body {
        row("Organisation", v);
    }
    if let Some(v) = &c.complainant {
        row("Complainant", v);
    }
    if !c.procedures.is_empty() {
        row("Procedures", &c.procedures.join(", "));
    }
    row("Calendar", &l.calendar);
    row("Judged as of", &l.as_of.to_string());
    row("Checked", &l.checked);
    if let Some(v) = &c.source {
        // Shown as text, not a link: the report makes no requests and invites none.
        row("Source", v);
    }
    out.push_str("</dl>\n");
}

/// One sentence for people who cannot or will not read the picture, e.g.
/// "2 of 5 deadlines were late or possibly late; 5 of 11 recommendations and
/// promises were done late or are overdue; 3 are still open."
fn summary_sentence(l: &Layout) -> String {
    let judged = l
        .bars
        .iter()
        .filter(|b| b.status != BarStatus::NotJudged)
        .count();
    let late = l.bars.iter().filter(|b| b.status.is_late()).count();
    let recs_late = l.recs.iter().filter(|r| r.outcome.is_late()).count();
    let open = l
        .recs
        .iter()
        .filter(|r| matches!(r.outcome, RecOutcome::Open | RecOutcome::Partial))
        .count();
    let mut s = format!(
        "{late} of {judged} deadline{} late, possibly late or overdue as of {}",
        if judged == 1 { "" } else { "s" },
        l.as_of
    );
    let _ = write!(
        s,
        "; {recs_late} of {} recommendations and promises done late or overdue",
        l.recs.len()
    );
    if open > 0 {
        let _ = write!(s, "; {open} still open");
    }
    s.push('.');
    s
}

fn legend(out: &mut String) {
    out.push_str(
        "<section class=\"legend\" aria-label=\"Key to the timeline\">\n<ul>\n\
<li><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><rect width=\"34\" height=\"14\" class=\"s-met\"/></svg> met: on time</li>\n\
<li><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><rect width=\"34\" height=\"14\" class=\"s-late\"/><rect width=\"34\" height=\"14\" fill=\"url(#p-late)\"/></svg> LATE or OVERDUE: the part after the limit is cross-hatched</li>\n\
<li><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><rect width=\"34\" height=\"14\" class=\"s-possibly\"/><rect width=\"34\" height=\"14\" fill=\"url(#p-possibly)\"/></svg> POSSIBLY LATE: late under some readings of vague dates</li>\n\
<li><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><rect width=\"34\" height=\"14\" class=\"s-ext\"/><rect width=\"34\" height=\"14\" fill=\"url(#p-ext)\"/></svg> within the extended limit only</li>\n\
<li><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><rect width=\"34\" height=\"14\" class=\"s-pending\"/></svg> pending: not due yet</li>\n\
<li><svg width=\"34\" height=\"14\" aria-hidden=\"true\"><rect width=\"34\" height=\"14\" class=\"s-met\"/><rect width=\"34\" height=\"14\" fill=\"url(#p-vague)\"/></svg> hatched: a vague date (some day in that range)</li>\n\
<li><svg width=\"20\" height=\"18\" aria-hidden=\"true\"><line x1=\"10\" y1=\"0\" x2=\"10\" y2=\"18\" class=\"limit\"/></svg> statutory limit</li>\n\
<li><svg width=\"20\" height=\"18\" aria-hidden=\"true\"><line x1=\"10\" y1=\"0\" x2=\"10\" y2=\"18\" class=\"ext-limit\"/></svg> extended limit</li>\n\
<li><svg width=\"20\" height=\"18\" aria-hidden=\"true\"><line x1=\"10\" y1=\"0\" x2=\"10\" y2=\"18\" class=\"holiday\"/></svg> bank holiday or closure (hover for its name)</li>\n\
<li><svg width=\"20\" height=\"18\" aria-hidden=\"true\"><line x1=\"10\" y1=\"0\" x2=\"10\" y2=\"18\" class=\"asof\"/></svg> as-of date</li>\n\
</ul>\n</section>\n",
    );
}

/// Maps days to x coordinates and draws the rows.
struct Chart<'a> {
    l: &'a Layout,
    /// How many bars share each target label.
    label_counts: HashMap<&'a str, usize>,
    x0: f64,
    x1: f64,
    days: i64,
}

impl<'a> Chart<'a> {
    fn new(l: &'a Layout) -> Chart<'a> {
        let days = (l.last_day - l.first_day).num_days().max(0) + 1;
        let mut label_counts = HashMap::new();
        for b in &l.bars {
            *label_counts.entry(b.target_label.as_str()).or_insert(0) += 1;
        }
        Chart {
            l,
            label_counts,
            x0: LABEL_W,
            x1: WIDTH - RIGHT_PAD,
            days,
        }
    }

    /// The left edge of day `d` (clamped to the axis).
    fn x(&self, d: NaiveDate) -> f64 {
        let i = (d - self.l.first_day).num_days().clamp(0, self.days);
        self.x0 + (self.x1 - self.x0) * i as f64 / self.days as f64
    }

    /// The right edge of day `d`: where a deadline on `d` runs out.
    fn x_end(&self, d: NaiveDate) -> f64 {
        let i = (d - self.l.first_day)
            .num_days()
            .saturating_add(1)
            .clamp(0, self.days);
        self.x0 + (self.x1 - self.x0) * i as f64 / self.days as f64
    }

    fn height(&self) -> f64 {
        AXIS_H
            + HEADING_H
            + STAGE_H * self.l.bars.len().max(1) as f64
            + HEADING_H
            + REC_H * self.l.recs.len().max(1) as f64
            + HEADING_H
            + EVENTS_H
            + 24.0
    }

    fn draw(&self, out: &mut String) {
        let h = self.height();
        let _ = writeln!(
            out,
            "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {h:.0}\" width=\"{WIDTH}\" height=\"{h:.0}\" \
             role=\"group\" aria-label=\"Timeline of the case from {} to {}\">",
            self.l.first_day, self.l.last_day
        );
        out.push_str(DEFS);
        self.axis(out, h);
        let mut y = AXIS_H;
        heading(out, y, "Stages and their deadlines");
        y += HEADING_H;
        if self.l.bars.is_empty() {
            empty_row(out, y, "No deadlines were evaluated for this case.");
            y += STAGE_H;
        }
        for b in &self.l.bars {
            self.stage_row(out, b, y);
            y += STAGE_H;
        }
        heading(out, y, "Recommendations and promises");
        y += HEADING_H;
        if self.l.recs.is_empty() {
            empty_row(out, y, "No recommendations or promises.");
            y += REC_H;
        }
        for r in &self.l.recs {
            self.rec_row(out, r, y);
            y += REC_H;
        }
        heading(out, y, "Recorded events");
        y += HEADING_H;
        self.events_row(out, y);
        self.holidays(out, h);
        self.as_of_line(out, h);
        out.push_str("</svg>\n");
    }

    fn axis(&self, out: &mut String, h: f64) {
        out.push_str("<g class=\"axis\" aria-hidden=\"true\">\n");
        let months = month_starts(self.l.first_day, self.l.last_day);
        // Label only every `step`-th month so labels never overlap (about 38 px
        // each), and draw a grid line only every `grid`-th month so a case
        // spanning centuries (a typo in a year) still gives a small page.
        let per_month = (self.x1 - self.x0) / months.len().max(1) as f64;
        let grid = ((4.0 / per_month).ceil() as usize).max(1);
        let step = ((38.0 / per_month).ceil() as usize).max(1).div_ceil(grid) * grid;
        for (i, m) in months.iter().enumerate() {
            if i % grid != 0 {
                continue;
            }
            let x = self.x(*m);
            let _ = writeln!(
                out,
                "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
                AXIS_H - 8.0,
                h - 18.0
            );
            if i % step == 0 {
                let _ = writeln!(
                    out,
                    "<text class=\"month\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    x + 3.0,
                    AXIS_H - 12.0,
                    month_name(m.month())
                );
            }
            if i == 0 || (m.month() == 1 && step <= 12) {
                let _ = writeln!(
                    out,
                    "<text class=\"year\" x=\"{:.1}\" y=\"16\">{}</text>",
                    x + 3.0,
                    m.year()
                );
            }
        }
        out.push_str("</g>\n");
    }

    fn stage_row(&self, out: &mut String, b: &Bar, y: f64) {
        let class = status_class(b.status);
        let status_words = stage_status_words(b);
        let alt = stage_alt(b);
        let _ = writeln!(
            out,
            "<g class=\"bar stage {class}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>",
            esc(&alt),
            esc(&alt)
        );
        // A stage that happens more than once (a second stage 1 complaint) is
        // told apart by when its clock started.
        let repeated = self
            .label_counts
            .get(b.target_label.as_str())
            .is_some_and(|&n| n > 1);
        let name = if repeated {
            format!(
                "{} (from {})",
                sentence_case(&b.target_label),
                describe_interval(&b.start)
            )
        } else {
            sentence_case(&b.target_label)
        };
        row_label(out, y, &name, &status_words, b.status.is_late());
        let top = y + 16.0;
        let bh = 18.0;
        self.limit_marks(out, b, top - 6.0, bh + 12.0);
        if b.status == BarStatus::NotJudged {
            // Not recorded, but the procedure moved on: a bar to the as-of date
            // would suggest it is still running. Mark the start and say why.
            if let Some(s0) = b.start.earliest.or(b.start.latest) {
                let x = self.x(s0);
                let _ = writeln!(
                    out,
                    "<rect class=\"body\" x=\"{x:.1}\" y=\"{top:.1}\" width=\"3\" height=\"{bh}\"/>\n\
                     <text class=\"bar-word\" x=\"{:.1}\" y=\"{:.1}\">NOT JUDGED: the procedure moved on</text>",
                    x + 8.0,
                    top + 13.0
                );
            }
        } else if let Some(s0) = b.start.earliest.or(b.start.latest) {
            let end = b.end_latest().unwrap_or(s0);
            let (bx0, bx1) = (self.x(s0), self.x_end(end.max(s0)));
            let open = matches!(b.end, BarEnd::Open { .. });
            let _ = writeln!(
                out,
                "<rect class=\"body{}\" x=\"{bx0:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{bh}\"/>",
                if open { " open" } else { "" },
                (bx1 - bx0).max(1.5)
            );
            // The stretch past the applicable limit, patterned so it reads without colour.
            let due = b.applicable_due();
            let from = match b.status {
                BarStatus::PossiblyLate => due.earliest,
                BarStatus::ExtensionUnrecorded => b.due.latest,
                _ => due.latest,
            };
            let pattern = match b.status {
                BarStatus::Late | BarStatus::Overdue => Some("p-late"),
                BarStatus::PossiblyLate => Some("p-possibly"),
                BarStatus::ExtensionUnrecorded => Some("p-ext"),
                _ => None,
            };
            if let (Some(pattern), Some(from)) = (pattern, from) {
                let lx = self.x_end(from).max(bx0);
                if bx1 > lx {
                    let _ = writeln!(
                        out,
                        "<rect class=\"late-part\" x=\"{lx:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{bh}\" fill=\"url(#{pattern})\"/>",
                        bx1 - lx
                    );
                }
            }
            self.vague(out, &b.start, top, bh);
            if let BarEnd::Recorded(t) = b.end {
                self.vague(out, &t, top, bh);
            }
            if open {
                // An arrow head: the bar is still running at the as-of date.
                let _ = writeln!(
                    out,
                    "<path class=\"arrow\" d=\"M{:.1} {:.1} l7 {:.1} l-7 {:.1} z\"/>",
                    bx1,
                    top - 2.0,
                    bh / 2.0 + 2.0,
                    bh / 2.0 + 2.0
                );
            }
            // A short word after the bar where it fits, so the picture alone says it.
            let word = b.status.label().to_uppercase();
            let tx = bx1 + if open { 11.0 } else { 5.0 };
            if tx + 8.0 * word.len() as f64 <= WIDTH {
                let _ = writeln!(
                    out,
                    "<text class=\"bar-word\" x=\"{tx:.1}\" y=\"{:.1}\">{}</text>",
                    top + 13.0,
                    esc(&word)
                );
            }
        }
        out.push_str("</g>\n");
    }

    /// The standard limit (solid line) and the extended limit (dashed), each with
    /// a light band where the due date itself is vague.
    fn limit_marks(&self, out: &mut String, b: &Bar, top: f64, h: f64) {
        let mut mark = |i: &Interval, class: &str, what: &str, limit: &str| {
            let Some(latest) = i.latest else {
                return;
            };
            let x = self.x_end(latest);
            if let Some(e) = i.earliest.filter(|e| *e < latest) {
                let bx = self.x_end(e);
                let _ = writeln!(
                    out,
                    "<rect class=\"due-band\" x=\"{bx:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{h}\"/>",
                    x - bx
                );
            }
            let title = format!("{what}: {limit}, due {}", describe_interval(i));
            let _ = writeln!(
                out,
                "<line class=\"{class}\" x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" data-day=\"{latest}\"><title>{}</title></line>",
                top + h,
                esc(&title)
            );
        };
        mark(&b.due, "limit", "Statutory limit", &b.limit);
        if let (Some(ext), Some(limit)) = (&b.extended_due, &b.extended_limit) {
            mark(ext, "ext-limit", "Extended limit", limit);
        }
    }

    /// Hatches a vague date's range so it reads as "some day in here".
    fn vague(&self, out: &mut String, i: &Interval, top: f64, h: f64) {
        if let (Some(a), Some(b)) = (i.earliest, i.latest)
            && a < b
        {
            let (x, x2) = (self.x(a), self.x_end(b));
            let _ = writeln!(
                out,
                "<rect class=\"vague\" x=\"{x:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{h}\" fill=\"url(#p-vague)\"><title>{}</title></rect>",
                x2 - x,
                esc(&format!("some day from {a} to {b}"))
            );
        }
    }

    fn rec_row(&self, out: &mut String, r: &RecRow, y: f64) {
        let class = match r.outcome {
            RecOutcome::Done | RecOutcome::Declined => "s-met",
            RecOutcome::DoneLate | RecOutcome::Overdue => "s-late",
            RecOutcome::Partial | RecOutcome::Open => "s-pending",
        };
        let alt = rec_alt(r);
        let _ = writeln!(
            out,
            "<g class=\"bar rec {class}\" role=\"img\" aria-label=\"{}\">\n<title>{}</title>",
            esc(&alt),
            esc(&alt)
        );
        let name = format!(
            "{} {}: {}",
            kind_word(r.kind),
            r.id,
            r.text.as_deref().unwrap_or("")
        );
        row_label(
            out,
            y - 4.0,
            &name,
            &rec_status_words(r),
            r.outcome.is_late(),
        );
        let top = y + 12.0;
        let bh = 12.0;
        if let Some(d) = &r.due
            && let Some(latest) = d.latest
        {
            let x = self.x_end(latest);
            let _ = writeln!(
                out,
                "<line class=\"limit\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" data-day=\"{latest}\"><title>{}</title></line>",
                top - 5.0,
                top + bh + 5.0,
                esc(&format!("Due {}", describe_interval(d)))
            );
        }
        let Some(s0) = r.made_at.earliest.or(r.made_at.latest) else {
            out.push_str("</g>\n");
            return;
        };
        let end = match r.closed_at {
            Some(c) => c.latest.unwrap_or(s0),
            None => self.l.as_of,
        }
        .max(s0);
        let (bx0, bx1) = (self.x(s0), self.x_end(end));
        let _ = writeln!(
            out,
            "<rect class=\"body{}\" x=\"{bx0:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{bh}\"/>",
            if r.closed_at.is_none() { " open" } else { "" },
            (bx1 - bx0).max(1.5)
        );
        if r.outcome.is_late()
            && let Some(due) = r.due.and_then(|d| d.latest)
        {
            let lx = self.x_end(due).max(bx0);
            if bx1 > lx {
                let _ = writeln!(
                    out,
                    "<rect class=\"late-part\" x=\"{lx:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{bh}\" fill=\"url(#p-late)\"/>",
                    bx1 - lx
                );
            }
        }
        self.vague(out, &r.made_at, top, bh);
        if let Some(c) = &r.closed_at {
            self.vague(out, c, top, bh);
        }
        out.push_str("</g>\n");
    }

    fn events_row(&self, out: &mut String, y: f64) {
        let _ = writeln!(
            out,
            "<text class=\"label\" x=\"8\" y=\"{:.1}\">{} recorded events (hover for details)</text>",
            y + 16.0,
            self.l.events.len()
        );
        let mid = y + 14.0;
        for e in &self.l.events {
            let alt = event_alt(e);
            let _ = write!(
                out,
                "<g class=\"mark event\" role=\"img\" aria-label=\"{}\"><title>{}</title>",
                esc(&alt),
                esc(&alt)
            );
            match (e.when.earliest, e.when.latest) {
                (Some(a), Some(b)) if a == b => {
                    let x = (self.x(a) + self.x_end(a)) / 2.0;
                    let _ = write!(
                        out,
                        "<path class=\"event-dot\" d=\"M{x:.1} {:.1} l5 6 l-5 6 l-5 -6 z\"/>",
                        mid - 6.0
                    );
                }
                (a, b) => {
                    // Vague or open: a hatched range (open ends run to the axis ends).
                    let x = a.map_or(self.x0, |a| self.x(a));
                    let x2 = b.map_or(self.x1, |b| self.x_end(b));
                    let _ = write!(
                        out,
                        "<rect class=\"event-range\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"url(#p-event)\"/>",
                        mid - 5.0,
                        (x2 - x).max(1.5)
                    );
                }
            }
            out.push_str("</g>\n");
        }
    }

    fn holidays(&self, out: &mut String, h: f64) {
        out.push_str("<g class=\"holidays\">\n");
        for hol in &self.l.holidays {
            let x = (self.x(hol.date) + self.x_end(hol.date)) / 2.0;
            let alt = format!("{}: {} (not a working day)", hol.date, hol.name);
            // A thin line to see, and a wider transparent strip to hover.
            let _ = writeln!(
                out,
                "<g class=\"mark holiday-mark\" role=\"img\" aria-label=\"{}\"><title>{}</title>\
                 <line class=\"holiday\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>\
                 <rect class=\"hover\" x=\"{:.1}\" y=\"{:.1}\" width=\"6\" height=\"{:.1}\"/></g>",
                esc(&alt),
                esc(&alt),
                AXIS_H - 6.0,
                h - 18.0,
                x - 3.0,
                AXIS_H - 6.0,
                h - AXIS_H - 12.0
            );
        }
        out.push_str("</g>\n");
    }

    fn as_of_line(&self, out: &mut String, h: f64) {
        let d = self.l.as_of;
        if d < self.l.first_day || d > self.l.last_day {
            return;
        }
        let x = self.x_end(d);
        let alt = format!("As of {d}: open deadlines are judged at this date");
        let _ = writeln!(
            out,
            "<g class=\"mark\" role=\"img\" aria-label=\"{}\"><title>{}</title>\
             <line class=\"asof\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/>\
             <text class=\"asof-text\" x=\"{:.1}\" y=\"{:.1}\">as of {d}</text></g>",
            esc(&alt),
            esc(&alt),
            AXIS_H - 6.0,
            h - 16.0,
            x.clamp(self.x0 + 50.0, WIDTH - 50.0),
            h - 4.0
        );
    }
}

fn heading(out: &mut String, y: f64, text: &str) {
    let _ = writeln!(
        out,
        "<text class=\"heading\" x=\"8\" y=\"{:.1}\">{}</text>\n<line class=\"rule\" x1=\"0\" y1=\"{:.1}\" x2=\"{WIDTH}\" y2=\"{:.1}\"/>",
        y + 20.0,
        esc(text),
        y + 26.0,
        y + 26.0
    );
}

fn empty_row(out: &mut String, y: f64, text: &str) {
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"8\" y=\"{:.1}\">{}</text>",
        y + 20.0,
        esc(text)
    );
}

/// Two lines in the left column: a name and the status in words.
fn row_label(out: &mut String, y: f64, name: &str, status: &str, late: bool) {
    let _ = writeln!(
        out,
        "<text class=\"label\" x=\"8\" y=\"{:.1}\">{}</text>\n<text class=\"status{}\" x=\"8\" y=\"{:.1}\">{}</text>",
        y + 18.0,
        esc(&truncate(name, LABEL_CHARS)),
        if late { " late" } else { "" },
        y + 34.0,
        esc(&truncate(status, LABEL_CHARS + 6))
    );
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn status_class(s: BarStatus) -> &'static str {
    match s {
        BarStatus::Met | BarStatus::MetWithExtension => "s-met",
        BarStatus::Late | BarStatus::Overdue => "s-late",
        BarStatus::PossiblyLate => "s-possibly",
        BarStatus::ExtensionUnrecorded => "s-ext",
        BarStatus::Pending => "s-pending",
        BarStatus::NotJudged => "s-none",
    }
}

// Dates, counts and units are phrased by `caseline_check::wording`, in its
// long form, as in messages and hovers.
fn describe_interval(i: &Interval) -> String {
    wording::interval(*i, Long)
}

fn describe_count(c: &CountRange) -> String {
    wording::number(c, Long)
}

fn unit_words(u: CountUnit) -> &'static str {
    wording::unit(u, 2, Long)
}

fn kind_word(k: RecKind) -> &'static str {
    match k {
        RecKind::Rec => "Recommendation",
        RecKind::Promise => "Promise",
    }
}

fn late_words(late: &Option<CountRange>, unit: &str, status: &str) -> Option<String> {
    late.as_ref()
        .map(|c| format!("{status} by {} {unit}", late_count(c)))
}

/// How late, in words. Where some readings of vague dates are not late at all
/// (a possibly-late stage), only the upper end means anything: "up to 22".
fn late_count(c: &CountRange) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a <= 0 && b > 0 => format!("up to {b}"),
        _ => describe_count(c),
    }
}

/// Built-in labels are lower case ("stage 2 adjudication"); a row starts with a capital.
fn sentence_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn stage_status_words(b: &Bar) -> String {
    let word = b.status.label().to_uppercase();
    let verb = match b.status {
        BarStatus::Overdue => "OVERDUE",
        BarStatus::PossiblyLate => "POSSIBLY LATE",
        _ => "LATE",
    };
    if b.status == BarStatus::Pending {
        // Still running: the one thing to know is when it falls due.
        return format!("{word}, due {}", describe_interval(&b.applicable_due()));
    }
    late_words(&b.late, unit_words(b.unit), verb).unwrap_or(word)
}

fn stage_alt(b: &Bar) -> String {
    let mut s = format!(
        "{}: {}. Clock started {} ({}). Due {} ({})",
        b.target_label,
        b.status.label(),
        describe_interval(&b.start),
        b.start_label,
        describe_interval(&b.due),
        b.limit
    );
    if let (Some(ext), Some(limit)) = (&b.extended_due, &b.extended_limit) {
        let _ = write!(
            s,
            "; with an extension {} ({limit})",
            describe_interval(ext)
        );
    }
    match b.end {
        BarEnd::Recorded(t) => {
            let _ = write!(s, ". Happened {}", describe_interval(&t));
        }
        BarEnd::Open { as_of } => {
            let _ = write!(s, ". Not recorded as of {as_of}");
        }
    }
    if let Some(c) = &b.taken {
        let _ = write!(s, ", {} {} taken", describe_count(c), unit_words(b.unit));
    }
    if let Some(w) = late_words(&b.late, unit_words(b.unit), "late") {
        let _ = write!(s, ", {w}");
    }
    if b.status == BarStatus::NotJudged {
        s.push_str(", not judged because the procedure moved on past it");
    }
    if let Some(c) = &b.citation {
        let _ = write!(s, " ({c})");
    }
    s.push('.');
    s
}

fn rec_status_words(r: &RecRow) -> String {
    let word = r.outcome.label().to_uppercase();
    match (&r.late, &r.due) {
        (Some(c), _) => format!("{word} by {} working days", describe_count(c)),
        (None, Some(d)) => format!("{word}, due {}", describe_interval(d)),
        (None, None) => format!("{word}, no due date"),
    }
}

fn rec_alt(r: &RecRow) -> String {
    let mut s = format!(
        "{} {}: {}. Made {} ({})",
        kind_word(r.kind),
        r.id,
        r.text.as_deref().unwrap_or("no text"),
        describe_interval(&r.made_at),
        r.made_by
    );
    match &r.due {
        Some(d) => {
            let _ = write!(s, ", due {}", describe_interval(d));
        }
        None => s.push_str(", no due date"),
    }
    let _ = write!(s, ". Outcome: {}", r.outcome.label());
    if let Some(c) = &r.closed_at {
        let _ = write!(s, " {}", describe_interval(c));
    }
    if let Some(c) = &r.late {
        let _ = write!(s, ", {} working days late", describe_count(c));
    }
    s.push('.');
    s
}

fn event_alt(e: &EventMark) -> String {
    let mut s = format!("{}: {}", describe_interval(&e.when), e.label);
    if e.label != e.kind {
        let _ = write!(s, " ({})", e.kind);
    }
    if let Some(t) = &e.text {
        let _ = write!(s, ": {t}");
    }
    s
}

fn stages_table(out: &mut String, l: &Layout) {
    out.push_str(
        "<section aria-labelledby=\"stages-h\">\n<h2 id=\"stages-h\">Stages</h2>\n<table>\n\
         <thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Clock started</th>\
         <th scope=\"col\">Due</th><th scope=\"col\">Due if extended</th><th scope=\"col\">Happened</th>\
         <th scope=\"col\">Status</th><th scope=\"col\">Late by</th><th scope=\"col\">Rule</th></tr></thead>\n<tbody>\n",
    );
    if l.bars.is_empty() {
        out.push_str(
            "<tr><td colspan=\"8\">No deadlines were evaluated for this case.</td></tr>\n",
        );
    }
    for b in &l.bars {
        let ext = match (&b.extended_due, &b.extended_limit) {
            (Some(i), Some(lim)) => format!("{} ({lim})", describe_interval(i)),
            _ => "not extendable".to_string(),
        };
        let happened = match b.end {
            BarEnd::Recorded(t) => describe_interval(&t),
            BarEnd::Open { as_of } => format!("not recorded as of {as_of}"),
        };
        let late = b
            .late
            .as_ref()
            .map(|c| format!("{} {}", late_count(c), unit_words(b.unit)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr class=\"{}\"><th scope=\"row\">{}</th><td>{} ({})</td><td>{} ({})</td><td>{}</td><td>{}</td>\
             <td class=\"status-cell\">{}</td><td>{}</td><td>{}</td></tr>",
            status_class(b.status),
            esc(&sentence_case(&b.target_label)),
            esc(&describe_interval(&b.start)),
            esc(&b.start_label),
            esc(&describe_interval(&b.due)),
            esc(&b.limit),
            esc(&ext),
            esc(&happened),
            esc(b.status.label()),
            esc(&late),
            esc(b.citation.as_deref().unwrap_or(""))
        );
        if !b.notes.is_empty() {
            let _ = writeln!(
                out,
                "<tr class=\"notes\"><td colspan=\"8\">{}</td></tr>",
                esc(&b.notes.join(" "))
            );
        }
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn recs_table(out: &mut String, l: &Layout) {
    out.push_str(
        "<section aria-labelledby=\"recs-h\">\n<h2 id=\"recs-h\">Recommendations and promises</h2>\n<table>\n\
         <thead><tr><th scope=\"col\">ID</th><th scope=\"col\">What</th><th scope=\"col\">Made</th>\
         <th scope=\"col\">Due</th><th scope=\"col\">Outcome</th><th scope=\"col\">Working days late</th></tr></thead>\n<tbody>\n",
    );
    if l.recs.is_empty() {
        out.push_str("<tr><td colspan=\"6\">No recommendations or promises.</td></tr>\n");
    }
    for r in &l.recs {
        let due = match (&r.due, &r.due_basis) {
            (Some(d), Some(b)) => format!("{} ({b})", describe_interval(d)),
            (Some(d), None) => describe_interval(d),
            (None, _) => "no due date".to_string(),
        };
        let outcome = outcome_words(r);
        let late = r.late.as_ref().map(describe_count).unwrap_or_default();
        let class = if r.outcome.is_late() { "s-late" } else { "" };
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"><th scope=\"row\">{}</th><td>{}: {}</td><td>{} ({})</td><td>{}</td>\
             <td class=\"status-cell\">{}</td><td>{}</td></tr>",
            esc(&r.id),
            kind_word(r.kind),
            esc(r.text.as_deref().unwrap_or("")),
            esc(&describe_interval(&r.made_at)),
            esc(&r.made_by),
            esc(&due),
            esc(&outcome),
            esc(&late)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// "done late: 2024-12-05", "declined: 2025-01-11 to 2025-01-20",
/// "done: partial 2024-12-01; done 2025-02-03".
fn outcome_words(r: &RecRow) -> String {
    let base = match r.outcome {
        RecOutcome::Done | RecOutcome::DoneLate => "done",
        RecOutcome::Declined => "declined",
        _ => "",
    };
    let dates: Vec<String> = r
        .addressed
        .iter()
        .map(|(kind, when)| {
            if r.addressed.len() == 1 && kind == base {
                describe_interval(when)
            } else {
                format!("{kind} {}", describe_interval(when))
            }
        })
        .collect();
    if dates.is_empty() {
        r.outcome.label().to_string()
    } else {
        format!("{}: {}", r.outcome.label(), dates.join("; "))
    }
}

fn findings_list(out: &mut String, l: &Layout) {
    out.push_str("<section aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings</h2>\n");
    if l.findings.is_empty() {
        if l.nothing_checked {
            out.push_str(
                "<p>caseline found nothing to report, but nothing was checked (see the top of the page).</p>\n</section>\n",
            );
        } else {
            out.push_str("<p>caseline found nothing to report.</p>\n</section>\n");
        }
        return;
    }
    out.push_str("<ul class=\"findings\">\n");
    for f in &l.findings {
        let _ = writeln!(
            out,
            "<li><span class=\"sev sev-{}\">{}</span> line {}: {} <code>{}</code></li>",
            esc(f.severity),
            esc(f.severity),
            f.line,
            esc(&f.message),
            esc(f.rule)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// Findings silenced in the file, each with the reason given for it: shown,
/// never dropped without a trace.
fn acknowledged_list(out: &mut String, l: &Layout) {
    if l.acknowledged.is_empty() {
        return;
    }
    out.push_str(
        "<section aria-labelledby=\"ack-h\">\n<h2 id=\"ack-h\">Acknowledged findings</h2>\n\
         <p>These findings were acknowledged in the case file (a <code>caseline: allow</code> \
         comment) with the reason shown; they are not counted in the findings above.</p>\n\
         <table>\n<thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Rule</th>\
         <th scope=\"col\">Finding</th><th scope=\"col\">Reason given</th></tr></thead>\n<tbody>\n",
    );
    for a in &l.acknowledged {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><span class=\"sev sev-{}\">{}</span> <code>{}</code></td><td>{}</td><td>{}</td></tr>",
            a.line,
            esc(a.severity),
            esc(a.severity),
            esc(a.rule),
            esc(&a.message),
            esc(&a.reason)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn month_starts(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut m = first.with_day(1).unwrap_or(first);
    while m <= last {
        out.push(m);
        match m.checked_add_months(chrono::Months::new(1)) {
            Some(n) => m = n,
            None => break,
        }
    }
    out
}

fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

/// Patterns for the SVG: lateness (cross-hatch), possible lateness (dots), an
/// unrecorded extension (stripes), vague dates (light stripes).
const DEFS: &str = "<defs>\n\
<pattern id=\"p-late\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\
<path d=\"M0 8 L8 0 M0 0 L8 8\" stroke=\"#3b0000\" stroke-width=\"1.6\"/></pattern>\n\
<pattern id=\"p-possibly\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#3b1d00\"/></pattern>\n\
<pattern id=\"p-ext\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\
<path d=\"M0 8 L8 0\" stroke=\"#4a3500\" stroke-width=\"1.4\"/></pattern>\n\
<pattern id=\"p-vague\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
<rect width=\"6\" height=\"6\" fill=\"#ffffff\" fill-opacity=\"0.35\"/>\
<path d=\"M-1 1 L1 -1 M0 6 L6 0 M5 7 L7 5\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern>\n\
<pattern id=\"p-event\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
<rect width=\"6\" height=\"6\" fill=\"#cfd8dc\"/>\
<path d=\"M-1 1 L1 -1 M0 6 L6 0 M5 7 L7 5\" stroke=\"#455a64\" stroke-width=\"1.2\"/></pattern>\n\
</defs>\n";

const CSS: &str = r#"
:root { color-scheme: light; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: system-ui, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  margin: 1.5rem; color: #1a1a1a; background: #ffffff; line-height: 1.4; }
h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
dl.case { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.case dt { font-weight: 600; }
dl.case dd { margin: 0; overflow-wrap: anywhere; }
p.summary { font-weight: 600; margin: 0 0 .75rem; }
p.alert { border: 2px solid #b71c1c; background: #fdecea; color: #1a1a1a; padding: .5rem .75rem; margin: 0 0 1rem; font-weight: 600; }
.legend ul { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .85rem; }
.legend li { display: flex; align-items: center; gap: .35rem; }
svg.chart { width: 100%; height: auto; max-width: 1360px; display: block; font-size: 12px; }
svg text { fill: #1a1a1a; }
.axis .month { font-size: 11px; fill: #444; }
.axis .year { font-size: 12px; font-weight: 600; fill: #222; }
.grid { stroke: #e3e3e3; stroke-width: 1; }
.rule { stroke: #bdbdbd; stroke-width: 1; }
.heading { font-size: 13px; font-weight: 700; }
.label { font-size: 12px; }
.status { font-size: 11px; font-weight: 600; fill: #37474f; }
.status.late { fill: #b71c1c; }
.bar-word { font-size: 11px; font-weight: 700; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
.s-met .body, rect.s-met { fill: #2e7d32; }
.s-late .body, rect.s-late { fill: #c62828; }
.s-possibly .body, rect.s-possibly { fill: #ef6c00; }
.s-ext .body, rect.s-ext { fill: #f9a825; }
.s-pending .body, rect.s-pending { fill: #1565c0; }
.s-none .body { fill: #9e9e9e; }
.body.open { stroke: #263238; stroke-width: 1; stroke-dasharray: 4 2; }
.arrow { fill: #263238; }
.limit { stroke: #111111; stroke-width: 2.5; }
.ext-limit { stroke: #111111; stroke-width: 2; stroke-dasharray: 5 3; }
.due-band { fill: #000000; fill-opacity: .08; }
.holiday { stroke: #7b1fa2; stroke-width: 1; stroke-opacity: .55; }
.hover { fill: transparent; }
.holiday-mark:hover .holiday { stroke-opacity: 1; stroke-width: 2; }
.asof { stroke: #455a64; stroke-width: 1.5; stroke-dasharray: 2 3; }
.asof-text { font-size: 11px; text-anchor: middle; fill: #455a64; }
.event-dot { fill: #455a64; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-bottom: 1rem; }
th, td { border: 1px solid #cfcfcf; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f4; }
tr.s-late .status-cell { color: #b71c1c; font-weight: 700; }
tr.s-late .status-cell::before { content: "\26A0  "; }
tr.s-possibly .status-cell { color: #a84300; font-weight: 700; }
ul.findings { padding-left: 1.2rem; }
.sev { font-weight: 700; text-transform: uppercase; font-size: .8rem; }
.sev-error { color: #b71c1c; } .sev-warning { color: #8a5300; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .85em; }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  h2 { break-after: avoid; }
  svg.chart { max-width: 100%; break-inside: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_control_characters() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(esc("a\u{0}b\tc\n"), "a\u{FFFD}b\tc\n");
        assert_eq!(esc("£300 – ok"), "£300 – ok");
    }

    #[test]
    fn long_labels_are_cut_at_characters_not_bytes() {
        assert_eq!(truncate("ééééé", 3), "éé…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
