//! The guide's generated reference (`docs/guide/src/reference/`): a page per
//! check, from the rule's own documentation (what `caseline explain RULE` shows),
//! a page per built-in procedure (its events, deadlines with citations, require
//! rules, and the file as shipped, whose comments hold the guidance-only
//! limits), the calendars page, and the guide's table of contents for them.
//!
//! The pages are committed, and this test fails when they are not what the code
//! would write now (rust-analyzer's "sourcegen" tests are the model). To
//! regenerate them: `UPDATE_GUIDE=1 cargo test -p caseline-check --test guide_reference`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use caseline_check::{Definitions, Rule, Status};
use chrono::NaiveDate;

const UPDATE: &str = "UPDATE_GUIDE";
const SUMMARY_START: &str = "<!-- generated: reference (UPDATE_GUIDE=1 cargo test -p caseline-check --test guide_reference) -->";
const SUMMARY_END: &str = "<!-- end generated -->";

fn guide() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/guide/src")
}

/// Each reference to a heading of `docs/format.md` in a rule's text, as a link into the book.
fn link_format_anchors(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    const AT: &str = "docs/format.md#";
    while let Some(i) = rest.find(AT) {
        out.push_str(&rest[..i]);
        let after = &rest[i + AT.len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(after.len());
        let anchor = &after[..end];
        let _ = write!(out, "[docs/format.md#{anchor}](../language.md#{anchor})");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn status_words(s: Status) -> String {
    match s {
        Status::Stable { since } => format!("stable since {since}"),
        Status::Preview { since } => format!("preview since {since}"),
        Status::Deprecated { since } => format!("deprecated since {since}"),
        Status::Removed { since } => format!("removed in {since}"),
    }
}

fn rule_page(rule: Rule) -> String {
    let mut s = format!("# {}\n\n{}.\n\n", rule.name(), capitalise(rule.summary()));
    let _ = writeln!(s, "| | |\n| --- | --- |");
    let _ = writeln!(
        s,
        "| default level | {} (change it in `caseline.toml`, `[rules]`) |",
        rule.default_severity().as_str()
    );
    let _ = writeln!(s, "| status | {} |", status_words(rule.status()));
    let _ = writeln!(
        s,
        "| can be acknowledged | {} |",
        if rule.acknowledgeable() {
            "yes, with a reason: see [Acknowledging a finding](../../acknowledging.md)"
        } else {
            "no: it is a mistake to correct, not a finding to accept"
        }
    );
    let _ = writeln!(
        s,
        "\nThe same text is printed by `caseline explain {}`.\n",
        rule.name()
    );
    s.push_str(&link_format_anchors(rule.explanation().trim_end()));
    s.push('\n');
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn rules_index() -> String {
    let mut s = String::from(
        "# Checks\n\nEvery check caseline makes, by its name: the code in every finding, in \
         `caseline.toml` and in acknowledgements. `caseline explain` prints the same.\n\n\
         | check | default | when |\n| --- | --- | --- |\n",
    );
    for &rule in Rule::all() {
        let _ = writeln!(
            s,
            "| [`{0}`](rules/{0}.md) | {1} | {2} |",
            rule.name(),
            rule.default_severity().as_str(),
            rule.summary()
        );
    }
    s
}

fn procedure_page(defs: &Definitions, name: &str) -> String {
    let p = defs.procedure(name).expect("a listed procedure exists");
    let title = p.title.as_deref().unwrap_or(name);
    let mut s = format!("# {name}\n\n**{title}**\n\n");
    if let Some(source) = &p.source {
        let _ = writeln!(s, "Source: {source}\n");
    }
    let _ = writeln!(
        s,
        "Name it in a case's header: `procedure {name}`. `caseline procedures show {name}` \
         prints the file below.\n"
    );
    if !p.uses.is_empty() {
        let uses: Vec<String> = p.uses.iter().map(|u| format!("[`{u}`]({u}.md)")).collect();
        let _ = writeln!(
            s,
            "It includes the events, time limits and rules of {}.\n",
            uses.join(", ")
        );
    }
    s.push_str(
        "## Events\n\n| event | what it records | makes recommendations |\n| --- | --- | --- |\n",
    );
    for e in p.all_events() {
        let _ = writeln!(
            s,
            "| `{}` | {}{} | {} |",
            e.name,
            e.label,
            if e.ends {
                " (ends the procedure: a limit already passed stays overdue)"
            } else {
                ""
            },
            if e.recommends { "yes" } else { "" }
        );
    }
    s.push_str("\n## Time limits\n\n");
    if p.all_deadlines().is_empty() {
        s.push_str("None.\n");
    }
    let label = |event: &str| {
        p.event(event)
            .map_or(event.to_string(), |e| e.label.clone())
    };
    for (from, d) in p.all_deadlines() {
        let outcomes: Vec<String> = d
            .outcomes()
            .iter()
            .map(|(k, l)| format!("the {} (`{k}`) within **{}**", label(k), l.describe()))
            .collect();
        let starts: Vec<String> = d
            .starts()
            .iter()
            .map(|k| format!("the {} (`{k}`)", label(k)))
            .collect();
        let start = if starts.len() > 1 {
            format!("the latest of {}", starts.join(", "))
        } else {
            starts.join("")
        };
        let _ = write!(
            s,
            "- {} {} {start}",
            outcomes.join(", or "),
            if d.inclusive { "starting with" } else { "of" },
        );
        if let Some(ext) = d.extended_limit {
            let _ = write!(s, ", or **{}** if extended", ext.describe());
        }
        if d.uncapped_extension {
            s.push_str(", extendable by agreement **without limit**");
        }
        if d.repeating {
            let _ = write!(
                s,
                ", and again within **{}** {} each {}",
                d.limit.describe(),
                if d.inclusive { "starting with" } else { "of" },
                label(&d.target)
            );
        }
        if d.roll_forward {
            s.push_str(", moved on to the next working day when it is not one");
        }
        for pause in &d.pauses {
            let _ = write!(
                s,
                ", not counting the days from the {} to the {}",
                label(&pause.from),
                label(&pause.until)
            );
        }
        if let Some(c) = &d.calendar {
            let _ = write!(s, ", in the `{c}` calendar");
        }
        if d.guidance {
            s.push_str(" (guidance, not law)");
        }
        if d.exception.is_some() {
            s.push_str(" (a case may record an `exception`)");
        }
        if let Some(citation) = &d.citation {
            let _ = write!(s, ": {citation}");
        }
        if from != name {
            let _ = write!(s, " (from [`{from}`]({from}.md))");
        }
        s.push('\n');
    }
    s.push_str("\n## Order of stages\n\n");
    if p.all_requires().is_empty() {
        s.push_str("None.\n");
    } else {
        for r in p.all_requires() {
            let _ = writeln!(s, "- `{}` must be recorded before `{}`", r.first, r.then);
        }
    }
    let (_, text) = defs.procedure_source(name).expect("built-ins have sources");
    s.push_str(
        "\n## The file, as shipped\n\nIts comments hold what the language cannot yet say: \
         limits that are guidance rather than law, and readings of the sources.\n\n",
    );
    let _ = writeln!(s, "```caseline\n{}\n```", text.trim_end());
    s
}

fn procedures_index(defs: &Definitions) -> String {
    let mut s = String::from(
        "# Built-in procedures\n\nThe procedures caseline knows without any definitions \
         file. Your own go in a definitions file (see [the language](language.md#procedures)).\n\n\
         | procedure | what it is |\n| --- | --- |\n",
    );
    for name in defs.procedure_names() {
        let p = defs.procedure(&name).expect("listed");
        let _ = writeln!(
            s,
            "| [`{name}`](procedures/{name}.md) | {} |",
            p.title.as_deref().unwrap_or("")
        );
    }
    s
}

/// The first and last years whose closed days come from published data.
fn data_years(cal: &caseline_check::Calendar) -> Option<(i32, i32)> {
    let covered: Vec<i32> = (1900..=2200)
        .filter(|&y| cal.covers(NaiveDate::from_ymd_opt(y, 6, 1).expect("a real day")))
        .collect();
    Some((*covered.first()?, *covered.last()?))
}

fn calendars_page(defs: &Definitions) -> String {
    let what = |name: &str| match name {
        "england-and-wales" => {
            "England and Wales: the bank holidays of England and Wales (the default calendar)"
        }
        "scotland" => "Scotland: the bank holidays of Scotland",
        "northern-ireland" => "Northern Ireland: the bank holidays of Northern Ireland",
        "weekdays" => "Monday to Friday, with no holidays",
        "uk-any" => {
            "the whole United Kingdom: a bank holiday in any of the three nations is closed (used by `foi`, `eir` and `sar`, whose law defines the working day so)"
        }
        _ => "",
    };
    let mut s = String::from(
        "# Calendars\n\nA working day is Monday to Friday, except the closed days of the case's \
         calendar. A case names its calendar in its header (`calendar scotland`); without one, \
         `caseline.toml`'s `calendar`, else `england-and-wales`. Your own calendars (an \
         organisation's closure days) go in a definitions file and extend one of these.\n\n\
         | calendar | working days | bank holidays from published data |\n| --- | --- | --- |\n",
    );
    let calendars = defs.calendars();
    for name in calendars.names() {
        let cal = calendars.get(&name).expect("listed");
        let years = if name == "weekdays" {
            "none needed".to_string()
        } else {
            match data_years(&cal) {
                Some((a, b)) => format!("{a} to {b}"),
                None => "none: rule-based for every year".to_string(),
            }
        };
        let _ = writeln!(s, "| `{name}` | {} | {years} |", what(&name));
    }
    s.push_str(
        "\nThe published data is GOV.UK's list of UK bank holidays, shipped with caseline \
         (Crown copyright; Open Government Licence v3.0), one-off days included (such as \
         2022-09-19 and 2023-05-08). For a year outside it, caseline uses the rules of the \
         Banking and Financial Dealings Act 1971 for that nation, and every deadline computed \
         in such a year raises [`calendar-coverage`](rules/calendar-coverage.md) once per file.\n\n\
         `caseline calendar between DATE DATE` and `caseline calendar add DATE 10wd` show the \
         arithmetic with every day skipped.\n",
    );
    s
}

/// Every generated file, by path relative to the guide's `src`.
fn generate() -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    let reference = PathBuf::from("reference");
    files.insert(reference.join("rules.md"), rules_index());
    for &rule in Rule::all() {
        files.insert(
            reference.join("rules").join(format!("{}.md", rule.name())),
            rule_page(rule),
        );
    }
    let defs = Definitions::builtin();
    files.insert(reference.join("procedures.md"), procedures_index(&defs));
    for name in defs.procedure_names() {
        files.insert(
            reference.join("procedures").join(format!("{name}.md")),
            procedure_page(&defs, &name),
        );
    }
    files.insert(reference.join("calendars.md"), calendars_page(&defs));
    files
}

/// The table of contents between its markers, listing the generated pages.
fn summary_with(current: &str) -> String {
    let start = current
        .find(SUMMARY_START)
        .expect("SUMMARY.md has the generated section's start marker");
    let end = current
        .find(SUMMARY_END)
        .expect("SUMMARY.md has the generated section's end marker");
    let mut section = String::from(SUMMARY_START);
    section.push('\n');
    section.push_str("- [Checks](reference/rules.md)\n");
    for &rule in Rule::all() {
        let _ = writeln!(section, "  - [{0}](reference/rules/{0}.md)", rule.name());
    }
    section.push_str("- [Built-in procedures](reference/procedures.md)\n");
    for name in Definitions::builtin().procedure_names() {
        let _ = writeln!(section, "  - [{name}](reference/procedures/{name}.md)");
    }
    section.push_str("- [Calendars](reference/calendars.md)\n");
    format!("{}{section}{}", &current[..start], &current[end..])
}

#[test]
fn the_guide_reference_is_current() {
    let src = guide();
    let mut want = generate();
    let summary_path = PathBuf::from("SUMMARY.md");
    let summary = std::fs::read_to_string(src.join(&summary_path)).expect("SUMMARY.md is readable");
    want.insert(summary_path, summary_with(&summary));

    // Generated pages on disk that would no longer be written (a renamed rule).
    let mut stale_extra = Vec::new();
    for dir in ["reference/rules", "reference/procedures"] {
        for entry in std::fs::read_dir(src.join(dir))
            .into_iter()
            .flatten()
            .flatten()
        {
            let rel = Path::new(dir).join(entry.file_name());
            if !want.contains_key(&rel) {
                stale_extra.push(rel);
            }
        }
    }

    if std::env::var_os(UPDATE).is_some() {
        for (rel, text) in &want {
            let path = src.join(rel);
            std::fs::create_dir_all(path.parent().expect("has a folder")).expect("folder");
            std::fs::write(&path, text).expect("written");
        }
        for rel in &stale_extra {
            std::fs::remove_file(src.join(rel)).expect("removed");
        }
        return;
    }

    let mut problems: Vec<String> = stale_extra
        .iter()
        .map(|p| format!("{} is no longer generated", p.display()))
        .collect();
    for (rel, text) in &want {
        match std::fs::read_to_string(src.join(rel)) {
            Ok(on_disk) if on_disk == *text => {}
            Ok(_) => problems.push(format!("{} is out of date", rel.display())),
            Err(_) => problems.push(format!("{} is missing", rel.display())),
        }
    }
    assert!(
        problems.is_empty(),
        "the guide's generated reference is stale:\n  {}\nregenerate it with: \
         {UPDATE}=1 cargo test -p caseline-check --test guide_reference",
        problems.join("\n  ")
    );
}

#[test]
fn format_anchors_become_links_into_the_book() {
    assert_eq!(
        link_format_anchors("see docs/format.md#the-case-header and docs/format.md#procedures."),
        "see [docs/format.md#the-case-header](../language.md#the-case-header) and \
         [docs/format.md#procedures](../language.md#procedures)."
    );
}
