//! The decision wording: each expected sentence is derived here from the rules
//! (the built-in procedure's limits and citations), the calendar (working days
//! counted with `caseline_calendar`, not read off the program) and the dates
//! as a decision writes them (`%-d %B %Y`), never pasted from the output.
//! Where EXPECTED.md gives a figure worked out by hand, the derivation is
//! checked against it too.

mod common;

use caseline_calendar::{Calendar, Calendars, Duration, Unit};
use caseline_check::{CheckOptions, Config, Definitions, check};
use caseline_report::{
    Decision, Paragraph, decision, render_decision_markdown, render_decision_text,
};
use chrono::NaiveDate;
use common::sample;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// A day as a published decision writes it: "24 August 2023".
fn long(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

fn calendar() -> Calendar {
    Calendars::builtin()
        .get("england-and-wales")
        .expect("the built-in calendar")
        .clone()
}

fn wd(n: u32) -> Duration {
    Duration {
        amount: n,
        unit: Unit::WorkingDays,
    }
}

fn words(text: &str) -> Decision {
    let parse = caseline_syntax::parse(text);
    let opts = CheckOptions {
        today: d("2026-01-01"),
        as_of_override: None,
        config: Config::default(),
    };
    let analysis = check(&parse, &Definitions::builtin(), &opts);
    decision(&parse, &analysis)
}

/// The stage paragraph with this heading.
fn stage<'a>(dw: &'a Decision, heading: &str) -> &'a Paragraph {
    dw.stages
        .iter()
        .find(|p| p.heading == heading)
        .unwrap_or_else(|| panic!("no paragraph {heading}: {:#?}", dw.stages))
}

fn rec<'a>(dw: &'a Decision, heading: &str) -> &'a Paragraph {
    dw.recommendations
        .iter()
        .find(|p| p.heading == heading)
        .unwrap_or_else(|| panic!("no paragraph {heading}: {:#?}", dw.recommendations))
}

fn contains(p: &Paragraph, wanted: &str) {
    assert!(
        p.text.contains(wanted),
        "{}: wanted {wanted:?} in\n{}",
        p.heading,
        p.text
    );
}

/// The limit, extension and citation of a built-in deadline, as shipped.
fn deadline(procedure: &str, start: &str, target: &str) -> (Duration, Option<Duration>, String) {
    let defs = Definitions::builtin();
    let p = defs.procedure(procedure).expect("built-in procedure");
    let def = p
        .deadlines
        .iter()
        .find(|x| x.start == start && x.target == target)
        .expect("the deadline");
    (
        def.limit,
        def.extended_limit,
        def.citation.clone().expect("cited"),
    )
}

#[test]
fn kent_stage_1_states_the_dates_the_count_the_limit_and_the_lateness() {
    let dw = words(&sample("kent-24-003-873.case"));
    let p = stage(&dw, "Stage 1 response");
    let cal = calendar();
    let (received, response) = (d("2023-06-27"), d("2023-08-24"));
    let (limit, extended, citation) =
        deadline("children-statutory", "stage1.received", "stage1.response");
    let extended = extended.expect("stage 1 is extendable");
    let taken = cal.working_days_between(received, response);
    let due = cal.add(received, extended);
    let late = cal.working_days_between(due, response);
    // EXPECTED.md, worked out by hand: 42 working days, limit 20 with an extension.
    assert_eq!((taken, extended.amount), (42, 20));

    contains(
        p,
        &format!(
            "The Council's stage 1 response on {} came {taken} working days after the \
             receipt of the complaint on {}.",
            long(response),
            long(received)
        ),
    );
    assert!(citation.ends_with("reg. 14"));
    contains(
        p,
        &format!(
            "The Regulations ({citation}) allow {} working days, or {} if extended.",
            limit.amount, extended.amount
        ),
    );
    contains(
        p,
        &format!(
            "Even with an extension it was due by {}, so it was {late} working days late.",
            long(due)
        ),
    );
    // The acceptance figures.
    for s in [
        "24 August 2023",
        "42 working days",
        "reg. 14",
        "22 working days late",
    ] {
        contains(p, s);
    }
    assert_eq!(p.outcome, "late");
    assert_eq!(p.line, 16, "the stage 1 response's line");
}

#[test]
fn kent_stage_2_is_about_40_working_days_late_as_the_ombudsman_says() {
    let dw = words(&sample("kent-24-003-873.case"));
    let p = stage(&dw, "Stage 2 adjudication");
    let cal = calendar();
    let (requested, adjudicated) = (d("2023-09-24"), d("2024-02-21"));
    let (_, extended, citation) = deadline(
        "children-statutory",
        "stage2.requested",
        "stage2.adjudication",
    );
    let due = cal.add(requested, extended.expect("extendable"));
    let late = cal.working_days_between(due, adjudicated);
    // EXPECTED.md: due 2023-12-22, 40 working days late.
    assert_eq!((due, late), (d("2023-12-22"), 40));
    contains(p, &format!("({citation})"));
    contains(
        p,
        &format!(
            "{} working days after the stage 2 request on {}",
            cal.working_days_between(requested, adjudicated),
            long(requested)
        ),
    );
    contains(
        p,
        &format!("due by {}, so it was {late} working days late", long(due)),
    );
}

/// The stage 3 panel was in time: the decision's "30 working days" was 29.
#[test]
fn a_stage_in_time_says_so_with_its_due_date() {
    let dw = words(&sample("kent-24-003-873.case"));
    let p = stage(&dw, "Review panel");
    let cal = calendar();
    let (requested, panel) = (d("2024-02-21"), d("2024-04-04"));
    let (limit, _, citation) = deadline("children-statutory", "stage3.requested", "stage3.panel");
    assert_eq!(cal.working_days_between(requested, panel), 29);
    contains(
        p,
        &format!(
            "came 29 working days after the stage 3 request on {}",
            long(requested)
        ),
    );
    contains(
        p,
        &format!(
            "The Regulations ({citation}) allow {} working days.",
            limit.amount
        ),
    );
    contains(
        p,
        &format!(
            "It was due by {}, and it was in time.",
            long(cal.add(requested, limit))
        ),
    );
    assert_eq!(p.outcome, "met");
}

/// The derived 20 working days are "not in the Regulations", says the
/// citation: the wording must not attribute them to the Regulations.
#[test]
fn a_citation_with_a_note_is_quoted_not_attributed() {
    let dw = words(&sample("kent-24-003-873.case"));
    let p = stage(&dw, "Response to the panel");
    let (limit, _, citation) = deadline("children-statutory", "stage3.panel", "stage3.response");
    assert!(citation.contains("not in the Regulations"));
    contains(
        p,
        &format!(
            "The time limit is {} working days; the procedure cites {citation}.",
            limit.amount
        ),
    );
    assert!(
        !p.text
            .contains("Regulations (SI 2006/1738 reg. 20 (derived")
    );
}

#[test]
fn a_stage_the_procedure_moved_past_is_not_judged_and_says_why() {
    let dw = words(&sample("kent-24-003-873.case"));
    let p = stage(&dw, "Panel's report");
    assert_eq!(p.outcome, "not judged");
    contains(
        p,
        "No panel's report is recorded after the review panel on 4 April 2024.",
    );
    contains(p, "so this time limit is not judged");
    assert!(!p.text.contains("working days late"));
}

#[test]
fn vague_dates_are_worded_as_the_ombudsman_does() {
    let dw = words(&sample("worcestershire-24-017-518.case"));
    let p = stage(&dw, "Stage 2 adjudication");
    let cal = calendar();
    let adjudicated = d("2024-11-05");
    let (_, extended, _) = deadline(
        "children-statutory",
        "stage2.requested",
        "stage2.adjudication",
    );
    let extended = extended.expect("extendable");
    // `2024-06 stage2.requested`: some day in June 2024.
    let (first, last) = (d("2024-06-01"), d("2024-06-30"));
    let latest_due = cal.add(last, extended);
    let fewest = cal.working_days_between(latest_due, adjudicated);
    let most = cal.working_days_between(cal.add(first, extended), adjudicated);
    // EXPECTED.md: due 2024-09-30 at the latest even with the extension.
    assert_eq!(latest_due, d("2024-09-30"));
    contains(p, "after the stage 2 request in June 2024");
    contains(
        p,
        &format!(
            "Even with an extension it was due by {} at the latest, so it was {fewest} to \
             {most} working days late, whichever day in June 2024 the stage 2 request was.",
            long(latest_due)
        ),
    );

    // Both stage 1 dates are `2024-04..2024-05`: late under some readings only.
    let p = stage(&dw, "Stage 1 response");
    assert_eq!(p.outcome, "possibly late");
    contains(p, "between April and May 2024");
    contains(p, "depending on the exact dates, it may have been up to");
    assert!(!p.text.contains("so it was"));
}

#[test]
fn recommendations_state_the_due_date_its_basis_and_what_became_of_them() {
    let dw = words(&sample("worcestershire-24-017-518.case"));
    let cal = calendar();
    let adjudicated = d("2024-11-05");
    let due = cal.add(adjudicated, wd(10));
    let done = d("2024-12-05");
    // EXPECTED.md: due 2024-11-19, done 2024-12-05, 12 working days late.
    assert_eq!(
        (due, cal.working_days_between(due, done)),
        (d("2024-11-19"), 12)
    );
    let a = rec(&dw, "Recommendation a");
    contains(
        a,
        &format!(
            "was due by {} (10 working days after the stage 2 adjudication on {}).",
            long(due),
            long(adjudicated)
        ),
    );
    contains(
        a,
        &format!(
            "It was done on {}, {} working days late.",
            long(done),
            cal.working_days_between(due, done)
        ),
    );
    contains(
        a,
        "made in the investigating officer's report in October 2024",
    );
    assert_eq!(a.outcome, "done late");

    // Declined, with the reason the file gives.
    let b = rec(&dw, "Recommendation b");
    contains(
        b,
        "The Council declined it between 11 and 20 January 2025, saying: “F and G",
    );
    assert_eq!(b.outcome, "declined");

    // A promise done some day in a range: late by a range, whichever day it was.
    let promised = d("2024-12-12");
    let p1_due = cal.add(promised, wd(15));
    let (a0, a1) = (d("2025-01-11"), d("2025-01-20"));
    let p1 = rec(&dw, "Promise p1");
    contains(p1, "The Council's promise p1 (“Write again");
    contains(
        p1,
        &format!(
            "was due by {} (15 working days after it was made)",
            long(p1_due)
        ),
    );
    contains(
        p1,
        &format!(
            "{} to {} working days late, whichever day it was.",
            cal.working_days_between(p1_due, a0),
            cal.working_days_between(p1_due, a1)
        ),
    );

    // Made on the as-of date, due a month later: open, not overdue.
    let o1 = rec(&dw, "Recommendation o1");
    contains(
        o1,
        "was due by 10 September 2025 (1 month after it was made)",
    );
    contains(
        o1,
        "As of 10 August 2025 it had not been done or declined, and it was not yet overdue.",
    );
}

#[test]
fn every_deadline_and_every_recommendation_gets_a_paragraph() {
    for name in [
        "kent-24-003-873.case",
        "worcestershire-24-017-518.case",
        "worcestershire-25-006-373.case",
        "housing-damp-and-mould.case",
        "corporate-council-tax.case",
        "vague-both-sides.case",
    ] {
        let text = sample(name);
        let parse = caseline_syntax::parse(&text);
        let opts = CheckOptions {
            today: d("2026-01-01"),
            as_of_override: None,
            config: Config::default(),
        };
        let analysis = check(&parse, &Definitions::builtin(), &opts);
        let dw = decision(&parse, &analysis);
        assert_eq!(dw.stages.len(), analysis.deadlines.len(), "{name}");
        assert_eq!(dw.recommendations.len(), analysis.recs.len(), "{name}");
        for p in dw.stages.iter().chain(&dw.recommendations) {
            assert!(p.text.ends_with('.'), "{name}: {}", p.text);
            assert!(!p.text.contains('\n'), "{name}: one line");
            assert!(!p.text.contains("unknown number"), "{name}: {}", p.text);
            // Dates in full, never as written in the file.
            assert!(
                !p.text.chars().collect::<Vec<_>>().windows(5).any(|w| {
                    w[0].is_ascii_digit()
                        && w[1].is_ascii_digit()
                        && w[2] == '-'
                        && w[3].is_ascii_digit()
                        && w[4].is_ascii_digit()
                }),
                "{name}: an ISO date in {}",
                p.text
            );
        }
        assert_eq!(
            dw.nothing_checked.is_some(),
            analysis.checked.nothing_checked()
        );
    }
}

#[test]
fn an_overdue_stage_counts_to_the_as_of_date() {
    let text = "case \"X\"\n  body \"Bromford Housing\"\n  procedure children-statutory\n  \
                as-of 2024-03-01\n\n2024-01-10 stage1.received\n";
    let dw = words(text);
    let p = stage(&dw, "Stage 1 response");
    let cal = calendar();
    let (received, as_of) = (d("2024-01-10"), d("2024-03-01"));
    let due = cal.add(received, wd(20));
    contains(
        p,
        &format!(
            "No stage 1 response is recorded after the receipt of the complaint on {}; by {}, \
             {} working days had passed.",
            long(received),
            long(as_of),
            cal.working_days_between(received, as_of)
        ),
    );
    contains(
        p,
        &format!(
            "Even with an extension it was due by {}, so by {} it was {} working days overdue.",
            long(due),
            long(as_of),
            cal.working_days_between(due, as_of)
        ),
    );
    assert_eq!(p.outcome, "overdue");
    // A body whose name has no "Council" in it is called by its name.
    assert!(
        dw.preamble
            .iter()
            .any(|l| l == "Body complained about: Bromford Housing.")
    );
}

#[test]
fn the_body_is_named_in_full_once_then_the_council() {
    let text = "case \"X\"\n  body \"Hackney Council\"\n  procedure children-statutory\n  \
                as-of 2024-03-01\n\n2024-01-10 stage1.received\n2024-01-12 stage1.response\n";
    let dw = words(text);
    assert!(
        dw.preamble
            .iter()
            .any(|l| l == "Body complained about: Hackney Council (“the Council”).")
    );
    contains(
        stage(&dw, "Stage 1 response"),
        "The Council's stage 1 response on 12 January 2024",
    );
    let other = words(&text.replace("Hackney Council", "Bromford Housing"));
    contains(
        stage(&other, "Stage 1 response"),
        "Bromford Housing's stage 1 response on 12 January 2024",
    );
    let none = words(&text.replace("  body \"Hackney Council\"\n", ""));
    contains(
        stage(&none, "Stage 1 response"),
        "The organisation's stage 1 response on 12 January 2024",
    );
    // The instrument is defined once, from the procedure's source line.
    assert!(
        dw.preamble
            .iter()
            .any(|l| l.starts_with("“The Regulations”: Children Act 1989"))
    );
}

#[test]
fn a_date_that_is_not_a_real_day_is_not_judged() {
    let text = "case \"X\"\n  procedure children-statutory\n  as-of 2024-03-01\n\n\
                2024-01-10 stage1.received\n2024-02-30 stage1.response\n";
    let p = &words(text).stages[0];
    assert_eq!(p.outcome, "not judged");
    contains(p, "are not all real days (see the date-invalid finding)");
    assert!(!p.text.contains("late"), "{}", p.text);
}

#[test]
fn a_case_with_nothing_checked_says_so_plainly() {
    let text = "case \"X\"\n  body \"Kent County Council\"\n  as-of 2024-03-01\n\n\
                2024-01-10 stage1.received\n2024-03-01 stage1.response\n";
    let dw = words(text);
    assert!(dw.stages.is_empty() && dw.recommendations.is_empty());
    let said = dw
        .nothing_checked
        .as_deref()
        .expect("nothing checked is said");
    assert!(said.starts_with("Nothing was checked in this case: no procedure is named"));
    let out = render_decision_text(&dw, "Case X");
    assert!(out.contains(said));
    assert!(out.contains("No time limit was judged."));
    let md = render_decision_markdown(&dw, "Case X");
    assert!(md.contains("**Nothing was checked in this case"));

    let unknown = words(&text.replace("  as-of", "  procedure childrens-statutory\n  as-of"));
    assert!(
        unknown
            .nothing_checked
            .as_deref()
            .is_some_and(|s| s.contains("`childrens-statutory` is not defined")),
        "{:?}",
        unknown.nothing_checked
    );
}

#[test]
fn text_and_markdown_carry_the_same_paragraphs() {
    let dw = words(&sample("kent-24-003-873.case"));
    let text = render_decision_text(&dw, "Case 24 003 873");
    let md = render_decision_markdown(&dw, "Case 24 003 873");
    assert!(text.starts_with("Decision wording: Case 24 003 873\n"));
    assert!(md.starts_with("# Decision wording: Case 24 003 873\n"));
    for p in dw.stages.iter().chain(&dw.recommendations) {
        assert!(text.contains(&format!(
            "{} (line {}): {}\n{}\n",
            p.heading, p.line, p.outcome, p.text
        )));
        // Markdown escapes punctuation that could become markup; the Kent
        // paragraphs have none of it (brackets, apostrophes and £ are left alone).
        assert!(md.contains(&format!("\n\n{}\n", p.text)), "{}", p.text);
    }
    assert!(md.contains("## Stages") && md.contains("## Recommendations and promises"));
}

#[test]
fn markdown_escapes_what_the_file_says() {
    let text = "case \"X\"\n  body \"*Big* <b>Council</b>\"\n  procedure children-statutory\n  \
                as-of 2024-03-01\n\n2024-01-10 stage1.received\n2024-01-12 stage1.response\n\
                2024-01-13 stage2.report\n  rec r1 \"Do [this](http://x) & `that` # now\"\n";
    let md = render_decision_markdown(&words(text), "Case <X>");
    assert!(md.starts_with("# Decision wording: Case \\<X\\>\n"));
    assert!(md.contains("\\*Big\\* \\<b\\>Council\\</b\\>"), "{md}");
    assert!(
        md.contains("Do \\[this\\](http://x) \\& \\`that\\` \\# now"),
        "{md}"
    );
    assert!(!md.contains("<b>") && !md.contains("[this]("));
}

/// What the editor copies at a line is the paragraph the report prints.
#[test]
fn the_paragraphs_at_a_line_are_the_reports_own() {
    let text = sample("kent-24-003-873.case");
    let parse = caseline_syntax::parse(&text);
    let opts = CheckOptions {
        today: d("2026-01-01"),
        as_of_override: None,
        config: Config::default(),
    };
    let analysis = check(&parse, &Definitions::builtin(), &opts);
    let dw = decision(&parse, &analysis);
    for p in dw.stages.iter().chain(&dw.recommendations) {
        let at = caseline_report::decision_paragraphs_at(&parse, &analysis, p.range);
        assert!(at.contains(p), "{}: {at:#?}", p.heading);
        // A cursor anywhere on the line, even at its end.
        let end = caseline_syntax::TextRange::empty(p.range.end());
        assert!(caseline_report::decision_paragraphs_at(&parse, &analysis, end).contains(p));
    }
    // The header and a line that is neither a stage nor a recommendation.
    let line = |n: u32| parse.line_index().line_range(n - 1);
    assert!(caseline_report::decision_paragraphs_at(&parse, &analysis, line(5)).is_empty());
    assert!(caseline_report::decision_paragraphs_at(&parse, &analysis, line(12)).is_empty());
    // The review panel's line carries its own stage and the panel's report,
    // whose clock it starts and which is not recorded.
    let panel: Vec<String> = caseline_report::decision_paragraphs_at(&parse, &analysis, line(23))
        .into_iter()
        .map(|p| p.heading)
        .collect();
    assert_eq!(panel, ["Review panel", "Panel's report"]);
}

/// Within the extended limit only: in time if an extension is recorded, and
/// said to depend on one when none is.
#[test]
fn extensions_are_worded_as_they_were_judged() {
    let cal = calendar();
    let received = d("2024-01-10");
    // 15 working days: over the standard 10, within the extended 20.
    let response = cal.add(received, wd(15));
    let text = format!(
        "case \"X\"\n  body \"Kent County Council\"\n  procedure children-statutory\n  \
         as-of 2024-06-01\n\n{received} stage1.received\n{response} stage1.response\n"
    );
    let due = long(cal.add(received, wd(10)));
    let extended = long(cal.add(received, wd(20)));
    let unrecorded = words(&text);
    let p = stage(&unrecorded, "Stage 1 response");
    assert_eq!(p.outcome, "within extension, not recorded");
    contains(
        p,
        &format!(
            "It came after the standard time limit (due by {due}) and within the extended one \
             (due by {extended}), but no extension is recorded: it was in time only if the time \
             was extended."
        ),
    );
    let recorded = words(&text.replace(
        " stage1.response\n",
        " stage1.response\n  extended \"More time agreed\"\n",
    ));
    let p = stage(&recorded, "Stage 1 response");
    assert_eq!(p.outcome, "met (extended)");
    contains(p, "and an extension is recorded, so it was in time.");
}

#[test]
fn a_pending_stage_gives_its_due_dates() {
    let cal = calendar();
    let received = d("2024-02-26");
    let as_of = d("2024-03-01");
    let text = format!(
        "case \"X\"\n  procedure children-statutory\n  as-of {as_of}\n\n{received} stage1.received\n"
    );
    let dw = words(&text);
    let p = stage(&dw, "Stage 1 response");
    assert_eq!(p.outcome, "pending");
    contains(
        p,
        &format!(
            "It is due by {}, or by {} if extended, so it was not yet overdue on {}.",
            long(cal.add(received, wd(10))),
            long(cal.add(received, wd(20))),
            long(as_of)
        ),
    );
    contains(
        p,
        &format!(
            "by {}, {} working days had passed.",
            long(as_of),
            cal.working_days_between(received, as_of)
        ),
    );
}

/// A limit switched off by an exception: the paragraph gives the reason and
/// the provision, and says the limit is not judged (never "in time").
#[test]
fn an_exception_is_worded_with_its_reason() {
    let dw = words(
        "case \"1\"\n  procedure send-ehc\n  as-of 2024-12-01\n\n2024-01-08 ehc.requested\n  exception ehc.final \"the school was closed for five weeks\"\n2024-02-12 ehc.assess-decision\n2024-06-10 ehc.final\n",
    );
    let p = stage(&dw, "Final EHC plan");
    contains(
        p,
        "The case records an exception (SI 2014/1530 reg. 10(4), 13(3)): \u{201c}the school was closed for five weeks\u{201d}",
    );
    contains(p, "not judged");
    assert!(!p.text.contains("in time"), "{}", p.text);
}

/// FOI counts in the UK-wide calendar and the decision says so, with the due
/// day that calendar gives: 2024-11-20 + 20 working days, St Andrew's Day
/// (Scotland, Monday 2 December) excluded.
#[test]
fn a_procedure_s_own_calendar_is_named_in_the_wording() {
    let uk = Calendars::builtin().get("uk-any").expect("built in");
    let due = uk.add(d("2024-11-20"), wd(20));
    assert_eq!(due, d("2024-12-19"));
    let dw = words(
        "case \"1\"\n  procedure foi\n  as-of 2025-03-01\n\n2024-11-20 foi.received\n2024-12-19 foi.response\n",
    );
    let p = stage(&dw, "Response to the request");
    contains(p, "counted in the uk-any calendar");
    contains(p, &format!("due by {}", long(due)));
}
