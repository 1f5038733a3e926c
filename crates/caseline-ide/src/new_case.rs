//! A new case, ready to fill in: the header with placeholders for what only the
//! investigator knows, and the procedures' stages laid out in order, each as a
//! commented line to date, under a comment that says what the stage is, its
//! time limits and where they come from. `caseline new` writes it, and the
//! editors' snippets are the same text in snippet form.
//!
//! A fresh case must never look like a checked one: every stage line is a
//! comment, so the file has no entries and `caseline check` reports "nothing
//! was checked" on it (and no errors) until the first stage is dated. The
//! placeholder `YYYY-MM-DD` left on a line taken out of its comment is itself
//! a `syntax` finding, as for the "Record as done" fix.
//!
//! Everything shown is read off the procedures' definitions (labels, limits,
//! citations, which stages make recommendations); nothing is counted here.

use std::fmt::Write as _;

use caseline_check::{DeadlineDef, Procedure};
use caseline_workspace::Workspace;

/// Which text to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateForm {
    /// A `.case` file.
    Text,
    /// The same text as an LSP / TextMate snippet: the header's placeholders
    /// are tab stops (the calendar a choice), and `$`, `}` and `\` are escaped.
    Snippet,
}

/// Why a template could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// No procedure was named.
    NoProcedure,
    /// This name is not a procedure of the workspace.
    UnknownProcedure(String),
}

/// The placeholders a new case's header starts with: words in capitals, so
/// that one left unchanged stands out in the file and in `--summary`.
pub const PLACEHOLDER_REFERENCE: &str = "REFERENCE";
pub const PLACEHOLDER_TITLE: &str = "WHAT THE COMPLAINT IS ABOUT";
pub const PLACEHOLDER_BODY: &str = "ORGANISATION COMPLAINED ABOUT";
pub const PLACEHOLDER_COMPLAINANT: &str = "COMPLAINANT";
/// What stands for a stage's date until it is written.
pub const PLACEHOLDER_DATE: &str = "YYYY-MM-DD";

/// The calendar a built-in procedure is used with, where it is not the
/// default: its file says so in a comment ("Use the `scotland` calendar"), and
/// naming the procedure does not switch the calendar (docs/format.md,
/// "Decisions"). A test checks each against its file.
const BUILTIN_CALENDARS: &[(&str, &str)] = &[("spso", "scotland"), ("nipso", "northern-ireland")];

/// A new case naming `procedures` (in that order, at least one), with the
/// stages of each laid out for dating.
pub fn new_case(
    workspace: &Workspace,
    procedures: &[String],
    form: TemplateForm,
) -> Result<String, TemplateError> {
    let defs = &workspace.definitions;
    if procedures.is_empty() {
        return Err(TemplateError::NoProcedure);
    }
    let mut found: Vec<&Procedure> = Vec::new();
    for name in procedures {
        let p = defs
            .procedure(name)
            .ok_or_else(|| TemplateError::UnknownProcedure(name.clone()))?;
        if !found.iter().any(|f| f.name == p.name) {
            found.push(p);
        }
    }
    let calendar = calendar_for(workspace, &found);
    let mut w = Writer {
        form,
        out: String::new(),
    };

    let names: Vec<&str> = found.iter().map(|p| p.name.as_str()).collect();
    let titled = |p: &Procedure| match &p.title {
        Some(title) => format!("{}: {title}", p.name),
        None => p.name.clone(),
    };
    match found.as_slice() {
        [one] => w.comment(&format!("A new case under {}.", titled(one))),
        many => {
            w.comment("A new case under");
            for p in many {
                w.comment(&format!("  {}", titled(p)));
            }
        }
    }
    w.comment("1. Write the case's reference, title, organisation and complainant below.");
    w.comment("2. As each stage happens, take the \"# \" off the front of its line and write");
    w.comment(&format!(
        "   its date over {PLACEHOLDER_DATE}: 2024-11-05; or 2024-11, or 2024-11-05..20, when only"
    ));
    w.comment("   that much is known; or ? when it is not known.");
    w.comment("A line left as a comment is not checked: until a stage is dated, nothing in");
    w.comment("this case is checked, and `caseline check` says so.");
    w.blank();

    w.text("case \"");
    w.tab_stop(1, PLACEHOLDER_REFERENCE);
    w.text("\"\n  title \"");
    w.tab_stop(2, PLACEHOLDER_TITLE);
    w.text("\"\n  body \"");
    w.tab_stop(3, PLACEHOLDER_BODY);
    w.text("\"\n  complainant \"");
    w.tab_stop(4, PLACEHOLDER_COMPLAINANT);
    w.text(&format!("\"\n  procedure {}\n", names.join(" ")));
    let mut calendars = defs.calendars().names();
    calendars.retain(|c| *c != calendar);
    w.child_comment(&format!(
        "working days skip this calendar's bank holidays (others: {})",
        calendars.join(", ")
    ));
    w.text("  calendar ");
    w.choice(5, &calendar, &calendars);
    w.text("\n");
    for p in &found {
        if let Some((own, _)) = &p.calendar {
            w.child_comment(&format!(
                "{} counts its limits in the {own} calendar, as its law says, whatever this line says",
                p.name
            ));
        }
    }

    let mut seen: Vec<&str> = Vec::new();
    let mut group: Option<&str> = None;
    let mut recs = 0;
    for p in &found {
        for event in p.all_events() {
            if seen.contains(&event.name.as_str()) {
                continue;
            }
            seen.push(&event.name);
            let stage = event.name.split('.').next().unwrap_or(&event.name);
            if group != Some(stage) {
                group = Some(stage);
                w.blank();
                w.comment(&format!("--- {} ---", stage_heading(stage)));
            }
            w.blank();
            let mut about = capitalised(&event.label);
            let limits: Vec<String> = found
                .iter()
                .flat_map(|p| p.all_deadlines())
                .filter(|(_, d)| d.ends_in(&event.name))
                .map(|(_, d)| limit(d, &event.name, &|k| label_of(&found, k)))
                .collect::<Vec<_>>();
            let mut seen_limits: Vec<&String> = Vec::new();
            for (i, l) in limits.iter().enumerate() {
                if seen_limits.contains(&l) {
                    continue;
                }
                seen_limits.push(l);
                about.push_str(if i == 0 { ": due " } else { "; and " });
                about.push_str(l);
            }
            about.push('.');
            w.comment(&about);
            if event.recommends {
                w.comment("Write each recommendation made at it on a line under it, as below.");
            }
            w.comment(&format!("{PLACEHOLDER_DATE} {}", event.name));
            if event.recommends {
                // Each stage's placeholder its own ID: taken out of their
                // comments together, two `rec a` would be `rec-duplicate`.
                let id = rec_id(recs);
                recs += 1;
                w.comment(&format!("  rec {id} \"what was recommended\""));
            }
        }
    }
    w.blank();
    w.comment("--- Anything else that happened ---");
    w.blank();
    w.comment(&format!("{PLACEHOLDER_DATE} note \"what happened\""));
    if form == TemplateForm::Snippet {
        w.out.push_str("$0");
    }
    Ok(w.out)
}

/// The calendar a new case names: the one a built-in procedure is used with,
/// else the workspace's (`caseline.toml`), else the default.
fn calendar_for(workspace: &Workspace, procedures: &[&Procedure]) -> String {
    procedures
        .iter()
        .filter(|p| p.origin.starts_with("builtin:"))
        .find_map(|p| {
            BUILTIN_CALENDARS
                .iter()
                .find(|(name, _)| *name == p.name)
                .map(|(_, calendar)| (*calendar).to_owned())
        })
        .or_else(|| workspace.config.calendar.clone())
        .unwrap_or_else(|| caseline_check::DEFAULT_CALENDAR.to_owned())
}

/// "within 10 working days of stage1.received, or 20 if extended (SI
/// 2006/1738 reg. 14)", with what the line's clauses add: "starting with"
/// (the start day is day one), "the latest of ...", the next working day, a
/// repeating period, the other outcomes and "guidance".
fn limit(d: &DeadlineDef, outcome: &str, label: &dyn Fn(&str) -> String) -> String {
    let own = d
        .outcomes()
        .iter()
        .find(|(k, _)| *k == outcome)
        .map_or(d.limit, |(_, l)| *l);
    let start = if d.more_starts.is_empty() {
        d.start.clone()
    } else {
        format!("the latest of {}", d.starts().join(", "))
    };
    let mut s = format!(
        "within {} {} {start}",
        caseline_check::wording::duration(own),
        if d.inclusive { "starting with" } else { "of" },
    );
    if d.repeating {
        let _ = write!(
            s,
            ", and again within {} {} each {outcome}",
            caseline_check::wording::duration(own),
            if d.inclusive { "starting with" } else { "of" },
        );
    }
    if let Some(extended) = d.extended_limit {
        let extended = if extended.unit == own.unit {
            extended.amount.to_string()
        } else {
            caseline_check::wording::duration(extended)
        };
        let _ = write!(s, ", or {extended} if extended");
    }
    if d.roll_forward {
        s.push_str(", or the next working day if that is not one");
    }
    let others: Vec<String> = d
        .outcomes()
        .iter()
        .filter(|(k, _)| *k != outcome)
        .map(|(k, _)| label(k))
        .collect();
    if !others.is_empty() {
        let _ = write!(s, ", unless a {} comes first", others.join(" or a "));
    }
    if d.guidance {
        s.push_str(", as guidance, not law");
    }
    if let Some(citation) = &d.citation {
        let _ = write!(s, " ({citation})");
    }
    s
}

/// An event's label in the procedures of the template, else its name.
fn label_of(found: &[&Procedure], kind: &str) -> String {
    found
        .iter()
        .find_map(|p| p.event(kind))
        .map_or_else(|| kind.to_owned(), |e| e.label.clone())
}

/// `a`, `b`, ... `z`, `a2`, `b2`, ...: the n-th recommendation placeholder's ID.
fn rec_id(n: usize) -> String {
    let letter = char::from(b'a' + (n % 26) as u8);
    match n / 26 {
        0 => letter.to_string(),
        round => format!("{letter}{}", round + 1),
    }
}

/// "Stage 1" for `stage1`, "Complaint" for `complaint`, "FOI review" for
/// `foi-review` (a word of three letters or fewer is an abbreviation).
fn stage_heading(stage: &str) -> String {
    if !stage.contains(|c: char| c.is_ascii_digit()) {
        let words: Vec<String> = stage
            .split('-')
            .map(|w| {
                if w.len() <= 3 {
                    w.to_uppercase()
                } else {
                    w.to_owned()
                }
            })
            .collect();
        return capitalised(&words.join(" "));
    }
    let digits = stage.len() - stage.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (word, number) = stage.split_at(stage.len() - digits);
    let word = capitalised(word);
    if number.is_empty() || word.is_empty() {
        capitalised(stage)
    } else {
        format!("{word} {number}")
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Writes text in either form.
struct Writer {
    form: TemplateForm,
    out: String,
}

impl Writer {
    fn text(&mut self, s: &str) {
        match self.form {
            TemplateForm::Text => self.out.push_str(s),
            TemplateForm::Snippet => self.out.push_str(&escape(s)),
        }
    }

    /// A comment line at the left edge: `# ` and `s`.
    fn comment(&mut self, s: &str) {
        self.text(&format!("# {s}\n"));
    }

    /// A comment line among a block's child lines.
    fn child_comment(&mut self, s: &str) {
        self.text(&format!("  # {s}\n"));
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn tab_stop(&mut self, n: u32, placeholder: &str) {
        match self.form {
            TemplateForm::Text => self.out.push_str(placeholder),
            TemplateForm::Snippet => {
                let _ = write!(self.out, "${{{n}:{}}}", escape(placeholder));
            }
        }
    }

    /// `first`, or in a snippet a choice of `first` and `others`.
    fn choice(&mut self, n: u32, first: &str, others: &[String]) {
        match self.form {
            TemplateForm::Text => self.out.push_str(first),
            TemplateForm::Snippet => {
                let options: Vec<String> = std::iter::once(first)
                    .chain(others.iter().map(String::as_str))
                    .map(|o| escape(o).replace(',', "\\,").replace('|', "\\|"))
                    .collect();
                let _ = write!(self.out, "${{{n}|{}|}}", options.join(","));
            }
        }
    }
}

/// Text as a snippet reads it literally.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::Fixture;

    fn template(fixture: &str, names: &[&str], form: TemplateForm) -> String {
        let f = Fixture::new(fixture);
        let names: Vec<String> = names.iter().map(|s| (*s).to_owned()).collect();
        new_case(&f.workspace, &names, form).expect("known procedures")
    }

    /// The layout, written out for a small procedure of the workspace's own.
    #[test]
    fn a_workspace_procedure_laid_out_for_dating() {
        let fixture = r#"
//- /w/defs.case
procedure kent
  title "Kent complaints"
  event stage1.received "receipt of the complaint"
  event stage1.response "stage 1 response" recommends
  deadline stage1.response within 10wd of stage1.received extendable to 20wd "Kent 3.1"
  deadline stage1.response within 1m of stage1.received
//- /w/case.case
$0
"#;
        let text = template(fixture, &["kent"], TemplateForm::Text);
        assert_eq!(
            text,
            r##"# A new case under kent: Kent complaints.
# 1. Write the case's reference, title, organisation and complainant below.
# 2. As each stage happens, take the "# " off the front of its line and write
#    its date over YYYY-MM-DD: 2024-11-05; or 2024-11, or 2024-11-05..20, when only
#    that much is known; or ? when it is not known.
# A line left as a comment is not checked: until a stage is dated, nothing in
# this case is checked, and `caseline check` says so.

case "REFERENCE"
  title "WHAT THE COMPLAINT IS ABOUT"
  body "ORGANISATION COMPLAINED ABOUT"
  complainant "COMPLAINANT"
  procedure kent
  # working days skip this calendar's bank holidays (others: scotland, northern-ireland, weekdays, uk-any)
  calendar england-and-wales

# --- Stage 1 ---

# Receipt of the complaint.
# YYYY-MM-DD stage1.received

# Stage 1 response: due within 10 working days of stage1.received, or 20 if extended (Kent 3.1); and within 1 month of stage1.received.
# Write each recommendation made at it on a line under it, as below.
# YYYY-MM-DD stage1.response
#   rec a "what was recommended"

# --- Anything else that happened ---

# YYYY-MM-DD note "what happened"
"##
        );
    }

    #[test]
    fn the_snippet_is_the_same_text_with_tab_stops() {
        let fixture = "//- /w/defs.case\nprocedure cost\n  title \"Costs in $ and {braces}\"\n  event cost.a \"a\"\n//- /w/case.case\n$0\n";
        let snippet = template(fixture, &["cost"], TemplateForm::Snippet);
        assert!(snippet.starts_with("# A new case under cost: Costs in \\$ and {braces\\}.\n"));
        assert!(snippet.contains("case \"${1:REFERENCE}\"\n  title \"${2:WHAT THE COMPLAINT IS ABOUT}\"\n  body \"${3:ORGANISATION COMPLAINED ABOUT}\"\n  complainant \"${4:COMPLAINANT}\"\n"));
        assert!(snippet.contains(
            "  calendar ${5|england-and-wales,scotland,northern-ireland,weekdays,uk-any|}\n"
        ));
        assert!(snippet.ends_with("# YYYY-MM-DD note \"what happened\"\n$0"));
    }

    #[test]
    fn two_procedures_are_laid_out_in_turn_and_the_calendar_follows_the_procedure() {
        let both = template("case \"1\"$0\n", &["spso", "lgsco"], TemplateForm::Text);
        assert!(both.contains("\n  procedure spso lgsco\n"), "{both}");
        assert!(both.contains("\n  calendar scotland\n"), "{both}");
        let stage1 = both.find("# --- Stage 1 ---").expect("spso's stage 1");
        let ombudsman = both.find("# --- Ombudsman ---").expect("lgsco's stage");
        assert!(stage1 < ombudsman);
    }

    #[test]
    fn the_workspace_calendar_is_named_when_the_procedure_has_none_of_its_own() {
        let f = Fixture::new("//- /w/case.case\n$0\n");
        let mut ws = f.workspace.clone();
        ws.config.calendar = Some("weekdays".to_owned());
        let text = new_case(&ws, &["lgsco".to_owned()], TemplateForm::Text).expect("built in");
        assert!(text.contains("\n  calendar weekdays\n"), "{text}");
    }

    #[test]
    fn unknown_and_missing_procedures_are_errors() {
        let f = Fixture::new("$0\n");
        assert_eq!(
            new_case(&f.workspace, &[], TemplateForm::Text),
            Err(TemplateError::NoProcedure)
        );
        assert_eq!(
            new_case(&f.workspace, &["nope".to_owned()], TemplateForm::Text),
            Err(TemplateError::UnknownProcedure("nope".to_owned()))
        );
    }

    /// Each built-in's calendar, as its own file says it.
    #[test]
    fn the_builtin_calendars_are_those_their_files_name() {
        let defs = caseline_check::Definitions::builtin();
        for (name, calendar) in BUILTIN_CALENDARS {
            let (_, text) = defs.procedure_source(name).expect("built in");
            assert!(
                text.contains(&format!("Use the `{calendar}`")),
                "{name}'s file does not say to use {calendar}"
            );
            assert!(defs.calendars().get(calendar).is_some(), "{calendar}");
        }
    }
}
