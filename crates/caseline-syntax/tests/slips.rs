//! Slips: each everyday mistake gets a message that names it, points at it
//! and says what to write instead, and a fix where the right text is known.
//! Every fix is applied here and the result parsed again: the error is gone
//! and the line means what was meant.

use caseline_syntax::ast::{DateSpec, EntryChild};
use caseline_syntax::{Parse, SyntaxErrorKind, parse, quiet_slips};
use chrono::NaiveDate;

/// The one syntax error in `text` (including the slips read without an
/// error): the text it points at, its message, and the text after its fix.
fn slip(text: &str) -> (String, String, Option<String>) {
    let p = parse(text);
    let mut errors: Vec<_> = p
        .errors()
        .iter()
        .filter(|e| e.kind == SyntaxErrorKind::Syntax)
        .cloned()
        .collect();
    errors.extend(quiet_slips(&p));
    assert_eq!(errors.len(), 1, "{text:?}: {errors:#?}");
    let e = &errors[0];
    let fixed = e.fix.as_ref().map(|f| {
        assert!(!f.title.is_empty());
        assert!(f.title.starts_with(char::is_uppercase), "{}", f.title);
        apply(text, f)
    });
    (text[e.range].to_string(), e.message.clone(), fixed)
}

fn apply(text: &str, fix: &caseline_syntax::SyntaxFix) -> String {
    let mut out = text.to_string();
    for e in &fix.edits {
        out.replace_range(
            usize::from(e.range.start())..usize::from(e.range.end()),
            &e.new_text,
        );
    }
    out
}

/// Parses a fixed text, which must have no syntax error at all.
fn clean(text: &str) -> Parse {
    let p = parse(text);
    let syntax: Vec<_> = p
        .errors()
        .iter()
        .filter(|e| e.kind == SyntaxErrorKind::Syntax)
        .collect();
    assert!(syntax.is_empty(), "{text:?} still has {syntax:#?}");
    assert!(quiet_slips(&p).is_empty(), "{text:?}");
    p
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn entry_text(p: &Parse, i: usize) -> Option<String> {
    p.document().entries[i]
        .text
        .as_ref()
        .map(|t| t.value.clone())
}

fn entry_kind(p: &Parse, i: usize) -> String {
    p.document().entries[i]
        .kind
        .as_ref()
        .map(|k| k.value.clone())
        .unwrap_or_default()
}

fn entry_date(p: &Parse, i: usize) -> Option<DateSpec> {
    p.document().entries[i].date.as_ref().map(|d| d.value)
}

// ---------------------------------------------------------------- quotes

#[test]
fn curly_quotes_from_word() {
    let text = "2024-03-01 note\n2024-03-04 stage1.response “Not upheld”\n";
    let (at, message, fixed) = slip(text);
    assert_eq!(at, "“Not upheld”");
    assert_eq!(
        message,
        "this text is in curly quotes (“…”), which caseline does not read as quotes: use \
         straight quotes, \"Not upheld\""
    );
    let fixed = fixed.expect("a fix");
    assert_eq!(
        fixed,
        "2024-03-01 note\n2024-03-04 stage1.response \"Not upheld\"\n"
    );
    let p = clean(&fixed);
    assert_eq!(entry_kind(&p, 1), "stage1.response");
    assert_eq!(entry_text(&p, 1).as_deref(), Some("Not upheld"));
}

#[test]
fn every_kind_of_typographic_quote() {
    for (written, name) in [
        ("‘Not upheld’", "curly single quotes (‘…’)"),
        ("„Not upheld“", "curly quotes („…“)"),
        ("„Not upheld”", "curly quotes („…”)"),
        ("«Not upheld»", "angle quotes («…»)"),
        ("»Not upheld«", "angle quotes (»…«)"),
        ("‹Not upheld›", "angle quotes (‹…›)"),
        ("″Not upheld″", "double-prime marks (″…″)"),
        ("＂Not upheld＂", "full-width quotes (＂…＂)"),
        ("'Not upheld'", "single quotes ('…')"),
        ("`Not upheld`", "backticks (`…`)"),
        ("”Not upheld”", "curly quotes (”…”)"),
    ] {
        let text = format!("2024-03-04 note {written}\n");
        let (at, message, fixed) = slip(&text);
        assert_eq!(at, written);
        assert!(message.contains(name), "{written}: {message}");
        let p = clean(&fixed.expect("a fix"));
        assert_eq!(
            entry_text(&p, 0).as_deref(),
            Some("Not upheld"),
            "{written}"
        );
    }
}

#[test]
fn quotes_inside_curly_quotes_are_kept_or_escaped() {
    let text = "2024-03-04 note “He said \"no\" to Mrs X’s “final” offer”\n";
    let (at, _, fixed) = slip(text);
    assert_eq!(at, "“He said \"no\" to Mrs X’s “final” offer”");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(
        entry_text(&p, 0).as_deref(),
        Some("He said \"no\" to Mrs X’s “final” offer")
    );
    // A backslash inside curly quotes is a backslash.
    let (_, _, fixed) = slip("2024-03-04 note “C:\\files”\n");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("C:\\files"));
    // A `#` inside curly quotes is text, not a comment.
    let (_, _, fixed) = slip("2024-03-04 note “Case #12” # checked\n");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Case #12"));
    assert_eq!(p.document().comments[0].text, " checked");
}

#[test]
fn one_curly_quote_at_one_end() {
    // Closed with a curly quote: the entry keeps its kind until it is mended.
    let text = "2024-03-04 stage1.response \"Not upheld”\n";
    assert_eq!(entry_kind(&parse(text), 0), "stage1.response");
    let (at, message, fixed) = slip(text);
    assert_eq!(at, "”");
    assert!(
        message.starts_with(
            "this text ends with a curly quote (”), which caseline does not read as a closing quote"
        ),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Not upheld"));

    // With a full stop after it: the full stop goes inside.
    let (_, _, fixed) = slip("2024-03-04 note \"Not upheld”.\n");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Not upheld."));

    // Opened with a curly quote, closed with a straight one.
    let (at, message, fixed) = slip("2024-03-04 note “Not upheld\"\n");
    assert_eq!(at, "“Not upheld\"");
    assert!(
        message.contains("starts with a curly quote (“)"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Not upheld"));

    // Never closed at all.
    let (at, message, fixed) = slip("2024-03-04 note “Not upheld\n");
    assert_eq!(at, "“Not upheld");
    assert!(message.contains("has no closing quote"), "{message}");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Not upheld"));
}

#[test]
fn curly_quotes_on_every_kind_of_line() {
    let text = "2024-03-04 stage2.report\n  rec a within 10wd “Apologise”\n";
    let (at, _, fixed) = slip(text);
    assert_eq!(at, "“Apologise”");
    let p = clean(&fixed.expect("a fix"));
    match &p.document().entries[0].children[..] {
        [EntryChild::Rec(r)] => {
            assert_eq!(r.id.value, "a");
            assert_eq!(r.text.as_ref().map(|t| t.value.as_str()), Some("Apologise"));
        }
        other => panic!("{other:?}"),
    }

    let (_, _, fixed) = slip("case “24 017 518”\n  as-of 2024-12-31\n");
    let p = clean(&fixed.expect("a fix"));
    let header = p.document().header.as_ref().expect("a header");
    assert_eq!(
        header.reference.as_ref().map(|r| r.value.as_str()),
        Some("24 017 518")
    );

    let (_, _, fixed) = slip("procedure p\n  event e “Review” recommends\n");
    let p = clean(&fixed.expect("a fix"));
    let e = &p.document().procedures[0].events[0];
    assert_eq!(e.label.as_ref().map(|l| l.value.as_str()), Some("Review"));
    assert!(e.recommends);

    let (_, _, fixed) = slip("procedure p\n  deadline b within 5wd of a “reg. 14”\n");
    let p = clean(&fixed.expect("a fix"));
    let d = &p.document().procedures[0].deadlines[0];
    assert_eq!(
        d.citation.as_ref().map(|c| c.value.as_str()),
        Some("reg. 14")
    );

    let (_, _, fixed) = slip("calendar c\n  closed 2024-12-27 “Offices closed”\n");
    let p = clean(&fixed.expect("a fix"));
    let c = &p.document().calendars[0].closed[0];
    assert_eq!(
        c.reason.as_ref().map(|r| r.value.as_str()),
        Some("Offices closed")
    );
}

// ---------------------------------------------------------------- spaces

#[test]
fn unusual_spaces_after_the_date() {
    for (c, name) in [
        (
            '\u{00A0}',
            "a non-breaking space (often pasted from Word or a web page)",
        ),
        ('\u{202F}', "a narrow non-breaking space"),
        ('\u{2002}', "an unusually wide or narrow space"),
        ('\u{2009}', "an unusually wide or narrow space"),
        ('\u{205F}', "an unusual space character (U+205F)"),
        ('\u{3000}', "a full-width space"),
        ('\u{200B}', "an invisible zero-width space"),
        ('\u{2060}', "an invisible word joiner"),
        ('\u{000C}', "a page-break character"),
    ] {
        let text = format!("2024-03-01 note\n2024-03-04{c}stage1.received\n");
        let (at, message, fixed) = slip(&text);
        assert_eq!(at, c.to_string(), "{c:?}");
        assert!(
            message.starts_with(&format!("there is {name}"))
                && message.ends_with("after the date: use an ordinary space"),
            "{c:?}: {message}"
        );
        let p = clean(&fixed.expect("a fix"));
        assert_eq!(entry_kind(&p, 1), "stage1.received", "{c:?}");
        assert_eq!(entry_date(&p, 1), Some(DateSpec::Day(day(2024, 3, 4))));
    }
}

#[test]
fn invisible_characters_inside_a_word_are_deleted() {
    for c in ['\u{200B}', '\u{FEFF}', '\u{00AD}', '\u{200E}', '\0'] {
        let text = format!("2024-03-04 stage1.rec{c}eived\n");
        let p = parse(&text);
        let errors: Vec<_> = p.errors().iter().chain(&quiet_slips(&p)).cloned().collect();
        // U+FEFF reads as a space: `stage1.rec` with an ID `eived`, no error.
        if c == '\u{FEFF}' {
            assert!(errors.is_empty(), "{errors:?}");
            continue;
        }
        let (at, message, fixed) = slip(&text);
        assert_eq!(at, c.to_string(), "{c:?}");
        assert!(
            message.contains("inside `stage1.received`: delete it"),
            "{c:?}: {message}"
        );
        let p = clean(&fixed.expect("a fix"));
        assert_eq!(entry_kind(&p, 0), "stage1.received");
    }
    // Between a keyword and what follows, a zero-width space stood for a space.
    let (_, _, fixed) = slip("2024-03-04 note\n  rec\u{200B}a \"x\"\n");
    let p = clean(&fixed.expect("a fix"));
    assert!(
        matches!(&p.document().entries[0].children[..], [EntryChild::Rec(r)] if r.id.value == "a")
    );
}

#[test]
fn unusual_spaces_elsewhere_on_the_line() {
    let (at, message, fixed) = slip("2024-03-04 note\u{00A0}\"Called Mrs X\"\n");
    assert_eq!(at, "\u{00A0}");
    assert!(
        message.contains("a non-breaking space (often pasted from Word or a web page) before the text in quotes, after `note`"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Called Mrs X"));

    // An indent of non-breaking spaces: a child line after all.
    let text = "2024-03-04 stage2.report\n\u{00A0}\u{00A0}rec a \"Apologise\"\n";
    let (at, message, fixed) = slip(text);
    assert_eq!(at, "\u{00A0}");
    assert!(
        message.ends_with("at the start of the line: indent with ordinary spaces"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(p.document().entries[0].children.len(), 1);

    // Before an entry, such a character is deleted: entries start in column 1.
    let (_, message, fixed) = slip("2024-03-01 note\n\u{00A0}2024-03-04 note\n");
    assert!(
        message.contains("delete it, so that the line starts in the first column"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(p.document().entries.len(), 2);

    // Inside text in quotes, any space is text.
    assert!(
        parse("2024-03-04 note \"a\u{00A0}b\"\n")
            .errors()
            .is_empty()
    );
}

// ---------------------------------------------------------------- dates

#[test]
fn dates_written_in_other_shapes() {
    for (written, message_has, meant) in [
        (
            "04/03/2024",
            "write dates as year-month-day: 04/03/2024 is 2024-03-04 (4 March 2024, reading the day first, as is usual in the UK; if you meant 3 April 2024, write 2024-04-03)",
            day(2024, 3, 4),
        ),
        (
            "4/3/24",
            "4/3/24 is 2024-03-04 (4 March 2024, taking 24 as 2024, and reading the day first",
            day(2024, 3, 4),
        ),
        (
            "14/03/2024",
            "14/03/2024 is 2024-03-14 (14 March 2024)",
            day(2024, 3, 14),
        ),
        (
            "03/14/2024",
            "03/14/2024 is 2024-03-14 (14 March 2024, written month first)",
            day(2024, 3, 14),
        ),
        (
            "04/04/2024",
            "04/04/2024 is 2024-04-04 (4 April 2024)",
            day(2024, 4, 4),
        ),
        (
            "2024/03/04",
            "write dates as year-month-day with dashes: 2024/03/04 is 2024-03-04",
            day(2024, 3, 4),
        ),
        ("2024.03.04", "2024.03.04 is 2024-03-04", day(2024, 3, 4)),
        ("04.03.2024", "04.03.2024 is 2024-03-04", day(2024, 3, 4)),
        (
            "2024-3-4",
            "write the month and the day with two digits each: 2024-3-4 is 2024-03-04",
            day(2024, 3, 4),
        ),
        ("2024-03-4", "2024-03-4 is 2024-03-04", day(2024, 3, 4)),
        ("04-03-2024", "04-03-2024 is 2024-03-04", day(2024, 3, 4)),
        (
            "4 March 2024",
            "write dates as year-month-day: 4 March 2024 is 2024-03-04",
            day(2024, 3, 4),
        ),
        ("4 Mar 2024", "4 Mar 2024 is 2024-03-04", day(2024, 3, 4)),
        (
            "4th March 2024",
            "4th March 2024 is 2024-03-04",
            day(2024, 3, 4),
        ),
        (
            "March 4, 2024",
            "March 4, 2024 is 2024-03-04",
            day(2024, 3, 4),
        ),
        ("4-Mar-2024", "4-Mar-2024 is 2024-03-04", day(2024, 3, 4)),
        (
            "Monday 4 March 2024",
            "Monday 4 March 2024 is 2024-03-04",
            day(2024, 3, 4),
        ),
        (
            "20240304",
            "write dates with dashes: 20240304 is 2024-03-04",
            day(2024, 3, 4),
        ),
    ] {
        let text = format!("{written} stage1.received\n");
        let (at, message, fixed) = slip(&text);
        assert_eq!(at, written);
        assert!(message.contains(message_has), "{written}: {message}");
        let p = clean(&fixed.expect("a fix"));
        assert_eq!(entry_date(&p, 0), Some(DateSpec::Day(meant)), "{written}");
        assert_eq!(entry_kind(&p, 0), "stage1.received");
    }
    // A month.
    let (_, message, fixed) = slip("March 2024 note\n");
    assert!(message.contains("March 2024 is 2024-03"), "{message}");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(
        entry_date(&p, 0),
        Some(DateSpec::Span {
            first: day(2024, 3, 1),
            last: day(2024, 3, 31)
        })
    );
}

#[test]
fn no_fix_writes_a_day_that_does_not_exist() {
    for (written, why) in [
        ("31/02/2024", "February 2024 has 29 days"),
        ("31/04/2024", "April 2024 has 30 days"),
        ("2024-2-30", "February 2024 has 29 days"),
        ("30 February 2024", "February 2024 has 29 days"),
        ("13/14/2024", "no such day or month"),
        (
            "Tuesday 4 March 2024",
            "4 March 2024 was a Monday, not a Tuesday",
        ),
        ("4 March", "it has no year"),
    ] {
        let (at, message, fixed) = slip(&format!("{written} note\n"));
        assert_eq!(at, written);
        assert!(
            message.contains("is not a real date") && message.contains(why),
            "{written}: {message}"
        );
        assert!(
            message.contains("write dates as year-month-day"),
            "{message}"
        );
        assert_eq!(fixed, None, "{written}");
    }
}

#[test]
fn dates_after_by_as_of_and_closed() {
    let (at, message, fixed) = slip("2024-03-04 stage2.report\n  rec a by 04/05/2024 \"x\"\n");
    assert_eq!(at, "04/05/2024");
    assert!(
        message.contains("04/05/2024 is 2024-05-04 (4 May 2024"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    match &p.document().entries[0].children[..] {
        [EntryChild::Rec(r)] => {
            assert!(format!("{:?}", r.due).contains("2024-05-04"), "{:?}", r.due)
        }
        other => panic!("{other:?}"),
    }

    let (at, _, fixed) = slip("case \"1\"\n  as-of 31/12/2024\n");
    assert_eq!(at, "31/12/2024");
    let p = clean(&fixed.expect("a fix"));
    let as_of = &p.document().header.as_ref().expect("header").as_of;
    assert_eq!(
        as_of.as_ref().map(|a| a.value),
        Some(DateSpec::Day(day(2024, 12, 31)))
    );

    let (at, _, fixed) = slip("case \"1\"\n  as-of: 2024-12-31\n");
    assert_eq!(at, ":");
    clean(&fixed.expect("a fix"));

    let (at, _, fixed) = slip("calendar c\n  closed 27/12/2024 30/12/2024 \"Offices closed\"\n");
    assert_eq!(at, "27/12/2024");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(p.document().calendars[0].closed[0].dates.len(), 2);

    // `due` where `by` belongs.
    let (at, message, fixed) = slip("2024-03-04 stage2.report\n  rec a due 2024-04-01 \"x\"\n");
    assert_eq!(at, "due");
    assert!(message.contains("write `by` instead of `due`"), "{message}");
    clean(&fixed.expect("a fix"));
}

#[test]
fn ranges_are_written_with_two_dots() {
    for (written, range) in [
        ("2024-05-01–2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01—2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01 – 2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01 - 2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01-2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01...2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01 to 2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01 until 2024-05-10", "2024-05-01..2024-05-10"),
        ("2024-05-01–10", "2024-05-01..10"),
        ("2024-04 – 2024-05", "2024-04..2024-05"),
    ] {
        let text = format!("{written} stage1.received\n");
        let (at, message, fixed) = slip(&text);
        assert_eq!(at, written);
        assert_eq!(
            message,
            format!("a range of dates is written with two dots: {range}")
        );
        let fixed = fixed.expect("a fix");
        assert_eq!(fixed, format!("{range} stage1.received\n"));
        let p = clean(&fixed);
        assert!(
            matches!(entry_date(&p, 0), Some(DateSpec::Span { .. })),
            "{written}"
        );
    }
    // Both ends in another shape.
    let (_, message, fixed) = slip("01/05/2024 - 10/05/2024 note\n");
    assert!(
        message.starts_with("write dates as year-month-day, and a range with two dots: 01/05/2024 - 10/05/2024 is 2024-05-01..2024-05-10 (1 May 2024 to 10 May 2024, reading the day first"),
        "{message}"
    );
    assert_eq!(fixed.as_deref(), Some("2024-05-01..2024-05-10 note\n"));
    // Backwards: said, not mended.
    let (_, message, fixed) = slip("2024-05-10 – 2024-05-01 note\n");
    assert!(
        message.contains("the range ends before it starts"),
        "{message}"
    );
    assert_eq!(fixed, None);
    // A dash between the date and the event is not a range.
    let (at, message, fixed) = slip("2024-05-01 - stage1.received\n");
    assert_eq!(at, "-");
    assert!(
        message.starts_with("there is `-` after the date"),
        "{message}"
    );
    assert_eq!(fixed.as_deref(), Some("2024-05-01 stage1.received\n"));
}

#[test]
fn a_range_with_to_and_nothing_after_is_said_but_not_mended() {
    // Read as an event `to` with an ID: no error from the parser itself.
    let text = "2024-05-01 to 2024-05-10\n";
    assert!(parse(text).errors().is_empty());
    let (at, message, fixed) = slip(text);
    assert_eq!(at, "2024-05-01 to 2024-05-10");
    assert_eq!(
        message,
        "a range of dates is written with two dots: 2024-05-01..2024-05-10"
    );
    assert_eq!(fixed, None, "the event kind is missing after it");
    // `to` as an event with an ID that is not a date is left alone.
    assert!(quiet_slips(&parse("2024-05-01 to a\n")).is_empty());
}

#[test]
fn placeholders_and_unknown_dates() {
    for (line, message_has) in [
        (
            "YYYY-MM-DD stage1.received \"Complaint\"\n",
            "replace YYYY-MM-DD with the date this happened, like 2024-11-05 (or `?` if it is not known)",
        ),
        (
            "yyyy-mm-dd note\n",
            "replace yyyy-mm-dd with the date this happened",
        ),
        (
            "DD/MM/YYYY note\n",
            "replace DD/MM/YYYY with the date this happened",
        ),
        ("DATE note\n", "replace DATE with the date this happened"),
        (
            "2024-03-04 stage2.report\n  rec a by YYYY-MM-DD \"x\"\n",
            "replace YYYY-MM-DD with the date it is due",
        ),
    ] {
        let (_, message, fixed) = slip(line);
        assert!(message.contains(message_has), "{line:?}: {message}");
        assert_eq!(fixed, None, "no date is made up");
    }
    for word in ["unknown", "TBC", "??"] {
        let (at, message, fixed) = slip(&format!("{word} note\n"));
        assert_eq!(at, word);
        assert!(
            message.contains("if the date is not known, write `?`"),
            "{message}"
        );
        let p = clean(&fixed.expect("a fix"));
        assert_eq!(entry_date(&p, 0), Some(DateSpec::Unknown));
    }
    // An event with no date at all.
    let (at, message, fixed) = slip("2024-03-01 note\nStage1.Received \"Complaint\"\n");
    assert_eq!(at, "Stage1.Received");
    assert!(
        message.starts_with("this line has no date: an entry starts with the date it happened, like `2024-11-05 stage1.received`"),
        "{message}"
    );
    assert_eq!(fixed, None);
}

// ---------------------------------------------------------------- names

#[test]
fn capital_letters_in_names() {
    for (written, meant) in [("Stage1.Received", "stage1.received"), ("NOTE", "note")] {
        let (at, message, fixed) = slip(&format!("2024-03-04 {written} \"x\"\n"));
        assert_eq!(at, written);
        assert_eq!(
            message,
            format!("event kinds are written in lower case: `{meant}`")
        );
        let p = clean(&fixed.expect("a fix"));
        assert_eq!(entry_kind(&p, 0), meant);
    }
    let (at, message, fixed) = slip("2024-03-04 Stage 1 Received \"x\"\n");
    assert_eq!(at, "Stage 1 Received");
    assert_eq!(
        message,
        "event kinds are written in lower case, with no spaces: `stage1.received`"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_kind(&p, 0), "stage1.received");
    assert!(p.document().entries[0].ids.is_empty());

    let (_, message, fixed) = slip("case \"1\"\n  procedure Children-Statutory\n");
    assert_eq!(
        message,
        "procedure names are written in lower case: `children-statutory`"
    );
    clean(&fixed.expect("a fix"));
    let (_, _, fixed) = slip("procedure Corp\n");
    assert_eq!(
        clean(&fixed.expect("a fix")).document().procedures[0]
            .name
            .value,
        "corp"
    );
    let (_, _, fixed) = slip("procedure p\n  require Stage1.Response before b\n");
    clean(&fixed.expect("a fix"));
    let (_, _, fixed) = slip("calendar c\n  extends England-And-Wales\n");
    clean(&fixed.expect("a fix"));
    let (_, _, fixed) = slip("Case \"1\"\n  as-of 2024-12-31\n");
    clean(&fixed.expect("a fix"));

    // Letters caseline does not use: said, not guessed.
    let (at, message, fixed) = slip("2024-03-04 stage1_received\n");
    assert_eq!(at, "stage1_received");
    assert!(message.contains("`_` cannot be part of one"), "{message}");
    assert_eq!(fixed, None);
}

// ---------------------------------------------------------------- text

#[test]
fn a_description_without_quotes() {
    let text = "2024-03-04 stage1.received Mrs X's complaint, about care\n";
    let (at, message, fixed) = slip(text);
    assert_eq!(at, "Mrs X's complaint, about care");
    assert_eq!(
        message,
        "put the description in quotes: \"Mrs X's complaint, about care\""
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_kind(&p, 0), "stage1.received");
    assert_eq!(
        entry_text(&p, 0).as_deref(),
        Some("Mrs X's complaint, about care")
    );
    assert!(p.document().entries[0].ids.is_empty());

    // A straight quote inside is escaped; a comment after it stays one.
    let (_, _, fixed) = slip("2024-03-04 note Mrs X said \"no\", twice # from the file\n");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(
        entry_text(&p, 0).as_deref(),
        Some("Mrs X said \"no\", twice")
    );
    assert_eq!(p.document().comments.len(), 1);

    // `done` names IDs first; the description is the words after them.
    let (at, _, fixed) = slip("2024-03-04 done a b Apology sent, with payment\n");
    assert_eq!(at, "Apology sent, with payment");
    let p = clean(&fixed.expect("a fix"));
    let ids: Vec<_> = p.document().entries[0]
        .ids
        .iter()
        .map(|i| i.value.as_str())
        .collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(
        entry_text(&p, 0).as_deref(),
        Some("Apology sent, with payment")
    );
}

#[test]
fn text_without_quotes_on_child_lines() {
    for (text, noun, meant) in [
        (
            "2024-03-04 stage2.report\n  rec a within 10wd Apologise to Mrs X, in writing\n",
            "put the text in quotes",
            "Apologise to Mrs X, in writing",
        ),
        (
            "2024-03-04 stage1.response\n  extended Waiting for the officer's report\n",
            "put the reason in quotes",
            "Waiting for the officer's report",
        ),
        (
            "procedure p\n  event stage1.received Complaint received recommends\n",
            "put the label in quotes",
            "Complaint received",
        ),
        (
            "procedure p\n  deadline b within 5wd of a reg. 14(2)\n",
            "put the citation in quotes",
            "reg. 14(2)",
        ),
        (
            "calendar c\n  closed 2024-12-27 Offices closed\n",
            "put the reason in quotes",
            "Offices closed",
        ),
        (
            "case 24 017 518\n",
            "put the case reference in quotes",
            "24 017 518",
        ),
    ] {
        let (at, message, fixed) = slip(text);
        assert_eq!(at, meant, "{text:?}");
        assert!(message.starts_with(noun), "{text:?}: {message}");
        let fixed = fixed.expect("a fix");
        assert!(fixed.contains(&format!("\"{meant}\"")), "{fixed}");
        clean(&fixed);
    }
    let (_, _, fixed) = slip("procedure p\n  event e Review panel recommends\n");
    let p = clean(&fixed.expect("a fix"));
    assert!(p.document().procedures[0].events[0].recommends);
}

#[test]
fn quotes_missing_at_one_end() {
    let (at, message, fixed) = slip("2024-03-04 note Apologised\"\n");
    assert_eq!(at, "Apologised\"");
    assert!(
        message.starts_with("this text has no opening quote"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Apologised"));

    let (at, message, fixed) = slip("2024-03-04 note \"Apologised\n2024-03-05 note\n");
    assert_eq!(at, "\"Apologised");
    assert!(
        message.starts_with("this text has no closing quote"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Apologised"));
}

// ---------------------------------------------------------------- punctuation

#[test]
fn punctuation_where_none_belongs() {
    for (text, at_is, message_has, fixed_is) in [
        (
            "2024-03-04: stage1.received\n",
            ":",
            "there is a colon after the date: leave just a space between the date and the event",
            "2024-03-04 stage1.received\n",
        ),
        (
            "2024-03-04, note\n",
            ",",
            "there is a comma after the date",
            "2024-03-04 note\n",
        ),
        (
            "2024-03-04:note\n",
            ":",
            "there is a colon after the date",
            "2024-03-04 note\n",
        ),
        (
            "2024-03-04 – note\n",
            "–",
            "there is `–` after the date",
            "2024-03-04 note\n",
        ),
        (
            "2024-03-04 note \"Not upheld\".\n",
            "\"Not upheld\".",
            "there is a full stop after the closing quote: put it inside the quotes",
            "2024-03-04 note \"Not upheld.\"\n",
        ),
        (
            "2024-03-04 note.\n",
            ".",
            "remove the full stop after `note`",
            "2024-03-04 note\n",
        ),
        (
            "2024-03-04 done a.\n",
            ".",
            "remove the full stop after `a`",
            "2024-03-04 done a\n",
        ),
        (
            "- 2024-03-04 note\n",
            "-",
            "remove the `-` before the date",
            "2024-03-04 note\n",
        ),
        (
            "• 2024-03-04 note\n",
            "•",
            "remove the `•` before the date",
            "2024-03-04 note\n",
        ),
        (
            "1. 2024-03-04 note\n",
            "1.",
            "remove the `1.` before the date",
            "2024-03-04 note\n",
        ),
        (
            "2024-03-04 done a, b, c\n",
            ",",
            "separate IDs with spaces, not commas",
            "2024-03-04 done a b c\n",
        ),
        (
            "2024-03-04 note\n  agree a,b within 20wd\n",
            ",",
            "separate IDs with spaces, not commas",
            "2024-03-04 note\n  agree a b within 20wd\n",
        ),
    ] {
        let (at, message, fixed) = slip(text);
        assert_eq!(at, at_is, "{text:?}");
        assert!(message.contains(message_has), "{text:?}: {message}");
        let fixed = fixed.expect("a fix");
        assert_eq!(fixed, fixed_is);
        clean(&fixed);
    }
}

#[test]
fn durations_in_words() {
    for (written, meant, message_has) in [
        (
            "10 working days",
            "10wd",
            "write a duration as a number with its unit straight after it: `10 working days` is `10wd`",
        ),
        ("10 wd", "10wd", "`10 wd` is `10wd`"),
        (
            "10WD",
            "10wd",
            "durations are written in lower case: `10WD` is `10wd`",
        ),
        ("10 business days", "10wd", "`10 business days` is `10wd`"),
        (
            "15 days",
            "15d",
            "`15 days` is `15d` (calendar days; for working days write `15wd`)",
        ),
        ("2 weeks", "2w", "`2 weeks` is `2w`"),
        ("1 month", "1m", "`1 month` is `1m`"),
        ("ten working days", "10wd", "write the number in figures"),
    ] {
        let text = format!("2024-03-04 stage2.report\n  rec a within {written} \"Apologise\"\n");
        let (at, message, fixed) = slip(&text);
        assert_eq!(at, written);
        assert!(message.contains(message_has), "{written}: {message}");
        let fixed = fixed.expect("a fix");
        assert!(
            fixed.contains(&format!("within {meant} \"Apologise\"")),
            "{fixed}"
        );
        clean(&fixed);
    }
    let (_, _, fixed) = slip(
        "procedure p\n  deadline b within 10 working days of a extendable to 20 working days \"reg. 14\"\n",
    );
    let p = clean(&fixed.expect("a fix"));
    let d = &p.document().procedures[0].deadlines[0];
    assert_eq!(d.limit.value.amount, 10);
    assert_eq!(d.extended_limit.as_ref().map(|l| l.value.amount), Some(20));
}

// ---------------------------------------------------------------- the whole line

#[test]
fn several_slips_on_one_line_are_mended_together() {
    // Pasted from Word: a non-breaking space, a capital and curly quotes.
    let text = "2024-03-04\u{00A0}Stage1.Received “Mrs X’s complaint”\n";
    let p = parse(text);
    let e = &p.errors()[0];
    assert_eq!(p.errors().len(), 1);
    assert!(e.message.contains("a non-breaking space"), "{}", e.message);
    let fix = e.fix.as_ref().expect("a fix");
    assert_eq!(
        fix.title,
        "Use an ordinary space, write `stage1.received` and use straight quotes"
    );
    let fixed = apply(text, fix);
    assert_eq!(fixed, "2024-03-04 stage1.received \"Mrs X’s complaint\"\n");
    clean(&fixed);

    // One of them has no known mend: no fix at all, the first is still named.
    let (_, message, fixed) = slip("31/02/2024 note “x”\n");
    assert!(message.contains("is not a real date"), "{message}");
    assert_eq!(fixed, None);
}

#[test]
fn a_line_caught_up_in_the_line_above_says_so() {
    // A block whose first line cannot be read takes its lines with it.
    let text = "procedure Corp\n  event e \"E\"\n";
    let p = parse(text);
    let messages: Vec<_> = p.errors().iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(
        messages[0],
        "procedure names are written in lower case: `corp`"
    );
    assert_eq!(
        messages[1],
        "this line is written correctly, but caseline could not read it because of line 1 \
         above it: mend that line first"
    );
    let fixed = apply(text, p.errors()[0].fix.as_ref().expect("a fix"));
    let p = clean(&fixed);
    assert_eq!(p.document().procedures[0].events.len(), 1);
}

#[test]
fn lines_that_are_not_slips_keep_their_message() {
    for text in [
        "this is not a timeline line\n",
        "2024-11-05 note\n  rec a b \"t\"\n",
        "2024-11-05 note \"no closing quote\n",
        "2024-11-05\n",
    ] {
        let p = parse(text);
        assert_eq!(p.errors().len(), 1, "{text:?}");
        let e = &p.errors()[0];
        assert!(!e.message.is_empty());
        if let Some(fix) = &e.fix {
            clean(&apply(text, fix));
        }
    }
}

#[test]
fn crlf_lines_and_a_byte_order_mark() {
    let text = "\u{FEFF}04/03/2024 note\r\n2024-03-05 note “x”\r\n";
    let p = parse(text);
    assert_eq!(p.errors().len(), 2, "{:#?}", p.errors());
    let mut fixed = text.to_string();
    // Mend from the end, so the earlier ranges still hold.
    for e in p.errors().iter().rev() {
        fixed = apply(&fixed, e.fix.as_ref().expect("a fix"));
    }
    assert_eq!(
        fixed,
        "\u{FEFF}2024-03-04 note\r\n2024-03-05 note \"x\"\r\n"
    );
    clean(&fixed);
}

#[test]
fn reparse_gives_the_same_fixes_as_a_fresh_parse() {
    let text = "2024-03-01 note\n2024-03-04 note “x”\n04/03/2024 note\n";
    let old = parse(text);
    let new_text = format!("# a comment\n{text}");
    let edit = caseline_syntax::TextEdit::new(
        caseline_syntax::TextRange::empty(0.into()),
        "# a comment\n",
    );
    let new = old.reparse(&[edit], &new_text);
    assert_eq!(new.errors(), parse(&new_text).errors());
    assert_eq!(new.errors().len(), 2);
    let mut fixed = new_text.clone();
    for e in new.errors().iter().rev() {
        fixed = apply(&fixed, e.fix.as_ref().expect("a fix"));
    }
    clean(&fixed);
}

#[test]
fn quote_marks_that_do_not_make_one_text() {
    let (at, message, fixed) = slip("2024-03-04 note \"Complaint about \"care\" and more\"\n");
    assert_eq!(at, "\"Complaint about \"care\" and more\"");
    assert!(
        message.starts_with("a quote mark inside this text ends it too early"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(
        entry_text(&p, 0).as_deref(),
        Some("Complaint about \"care\" and more")
    );

    let (_, message, fixed) = slip("2024-03-04 note \"\"Called\"\"\n");
    assert!(
        message.starts_with("this text has two quote marks at each end"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Called"));

    let (_, message, fixed) = slip("2024-03-04 note \"Called\" \"twice\"\n");
    assert!(
        message.starts_with("there are two texts in quotes here"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Called twice"));

    // Words, a quoted word, more words: one description.
    let (_, _, fixed) = slip("2024-03-04 note Mrs X said \"no\", twice\n");
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(
        entry_text(&p, 0).as_deref(),
        Some("Mrs X said \"no\", twice")
    );
}

#[test]
fn marks_between_the_words_and_the_text() {
    for (text, at_is, fixed_is) in [
        (
            "2024-03-04 note - \"Called\"\n",
            "-",
            "2024-03-04 note \"Called\"\n",
        ),
        (
            "2024-03-04 note: \"Called\"\n",
            ":",
            "2024-03-04 note \"Called\"\n",
        ),
        (
            "2024-03-04 note \"Called\",\n",
            "\"Called\",",
            "2024-03-04 note \"Called,\"\n",
        ),
        ("case: \"1\"\n", ":", "case \"1\"\n"),
        (
            "2024-03-04 note\n  rec a: \"Apologise\"\n",
            ":",
            "2024-03-04 note\n  rec a \"Apologise\"\n",
        ),
        (
            "2024-03-04 note\n  rec a within 10wd, \"Apologise\"\n",
            ",",
            "2024-03-04 note\n  rec a within 10wd \"Apologise\"\n",
        ),
        (
            "2024-03-04 note\n  rec a by 2024-04-01.\n",
            ".",
            "2024-03-04 note\n  rec a by 2024-04-01\n",
        ),
        (
            "2024-03-04 note\n  rec (a) \"Apologise\"\n",
            "(a)",
            "2024-03-04 note\n  rec a \"Apologise\"\n",
        ),
        ("2024-03-04 done a & b\n", "&", "2024-03-04 done a b\n"),
    ] {
        let (at, message, fixed) = slip(text);
        assert_eq!(at, at_is, "{text:?}: {message}");
        let fixed = fixed.expect("a fix");
        assert_eq!(fixed, fixed_is, "{message}");
        clean(&fixed);
    }
}

#[test]
fn other_dashes_for_hyphens() {
    let (at, message, fixed) = slip("2024\u{2013}03\u{2013}10 note\n");
    assert_eq!(at, "2024\u{2013}03\u{2013}10");
    assert!(
        message.starts_with("write dates with ordinary hyphens (-), not dashes"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_date(&p, 0), Some(DateSpec::Day(day(2024, 3, 10))));

    let (_, message, fixed) = slip("2024-03-04 children\u{2011}statutory.x\n");
    assert_eq!(
        message,
        "event kinds are written with ordinary hyphens (-), not dashes: `children-statutory.x`"
    );
    clean(&fixed.expect("a fix"));
    let (_, _, fixed) = slip("case \"1\"\n  procedure children\u{2011}statutory\n");
    let p = clean(&fixed.expect("a fix"));
    let names: Vec<_> = p
        .document()
        .header
        .as_ref()
        .expect("header")
        .procedures
        .iter()
        .flatten()
        .map(|n| n.value.clone())
        .collect();
    assert_eq!(names, ["children-statutory"]);
}

#[test]
fn times_and_brackets_around_the_date() {
    for (text, at_is, fixed_is) in [
        ("2024-03-04 14:30 note\n", "14:30", "2024-03-04 note\n"),
        ("2024-03-04 9.15am note\n", "9.15am", "2024-03-04 note\n"),
        ("2024-03-04 2pm note\n", "2pm", "2024-03-04 note\n"),
        (
            "2024-03-04T14:30:00Z note\n",
            "T14:30:00Z",
            "2024-03-04 note\n",
        ),
        ("[2024-03-04] note\n", "[2024-03-04]", "2024-03-04 note\n"),
        ("(04/03/2024) note\n", "(04/03/2024)", "2024-03-04 note\n"),
    ] {
        let (at, message, fixed) = slip(text);
        assert_eq!(at, at_is, "{text:?}: {message}");
        assert_eq!(fixed.as_deref(), Some(fixed_is), "{message}");
        clean(fixed_is);
    }
    let (_, message, _) = slip("2024-03-04 14:30 note\n");
    assert_eq!(
        message,
        "caseline records the day, not the time: remove `14:30` (or put the time in the text)"
    );
}

#[test]
fn ids_numbered_like_a_report() {
    let text = "2024-03-04 stage2.report\n  rec 1.1 \"Apologise\"\n2024-03-05 done 1.1\n";
    let p = parse(text);
    assert_eq!(p.errors().len(), 2);
    assert_eq!(
        p.errors()[0].message,
        "an ID cannot hold a full stop: write `1-1`, and write it the same way wherever it is named"
    );
    let mut fixed = text.to_string();
    for e in p.errors().iter().rev() {
        fixed = apply(&fixed, e.fix.as_ref().expect("a fix"));
    }
    let p = clean(&fixed);
    assert!(
        matches!(&p.document().entries[0].children[..], [EntryChild::Rec(r)] if r.id.value == "1-1")
    );
    assert_eq!(p.document().entries[1].ids[0].value, "1-1");
}

#[test]
fn a_colon_after_a_header_key() {
    // Read as a title that starts with a colon: no error from the parser.
    let text = "case \"1\"\n  title: Needs assessment\n";
    assert!(parse(text).errors().is_empty());
    let (at, message, fixed) = slip(text);
    assert_eq!(at, ":");
    assert_eq!(
        message,
        "remove the colon after `title`: the line reads `title value`"
    );
    let p = clean(&fixed.expect("a fix"));
    let h = p.document().header.as_ref().expect("header");
    assert_eq!(
        h.title.as_ref().map(|t| t.value.as_str()),
        Some("Needs assessment")
    );
}

#[test]
fn long_and_odd_lines_stay_cheap() {
    // A line of thousands of non-breaking spaces, quotes or dates: one
    // error, quickly, and no panic.
    for piece in ["\u{00A0}", "“a\" ", "04/03/2024 ", "\u{200B}x", "'"] {
        let line = format!("2024-03-04 note {}\n", piece.repeat(3000));
        let started = std::time::Instant::now();
        let p = parse(&line);
        assert_eq!(p.errors().len(), 1, "{piece:?}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "{piece:?}"
        );
    }
    // Many bad lines: each explained, and the whole stays quick.
    let text = "04/03/2024 note “x”\n".repeat(3000);
    let started = std::time::Instant::now();
    let p = parse(&text);
    assert_eq!(p.errors().len(), 3000);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    assert!(
        p.errors()
            .iter()
            .all(|e| e.message.starts_with("write dates"))
    );
}

#[test]
fn the_message_lists_the_other_slips_on_the_line() {
    let (_, message, fixed) = slip("04/03/2024\u{00A0}stage1.received “Mrs X’s complaint”\n");
    assert!(
        message.ends_with("; also on this line: use an ordinary space and use straight quotes"),
        "{message}"
    );
    let p = clean(&fixed.expect("a fix"));
    assert_eq!(entry_text(&p, 0).as_deref(), Some("Mrs X’s complaint"));
    // A byte-order mark pasted at the start of a line later in the file.
    let (at, message, fixed) = slip("2024-03-01 note\n\u{FEFF}2024-03-04 note\n");
    assert_eq!(at, "\u{FEFF}");
    assert!(
        message
            .starts_with("there is an invisible byte-order mark (U+FEFF) at the start of the line"),
        "{message}"
    );
    assert_eq!(clean(&fixed.expect("a fix")).document().entries.len(), 2);
}

#[test]
fn more_punctuation_and_words_where_a_keyword_belongs() {
    for (text, at_is, message_has, fixed_is) in [
        (
            "2024-03-04. note\n",
            ".",
            "there is a full stop after the date",
            "2024-03-04 note\n",
        ),
        (
            "4th of March 2024 note\n",
            "4th of March 2024",
            "4th of March 2024 is 2024-03-04",
            "2024-03-04 note\n",
        ),
        (
            "procedure p\n  deadline b within 10wd from a\n",
            "from",
            "write `of` instead of `from`",
            "procedure p\n  deadline b within 10wd of a\n",
        ),
        (
            "calendar c\n  closed 2024-12-27, 2024-12-30 \"Offices closed\"\n",
            ",",
            "separate the dates with spaces, not commas",
            "calendar c\n  closed 2024-12-27 2024-12-30 \"Offices closed\"\n",
        ),
    ] {
        let (at, message, fixed) = slip(text);
        assert_eq!(at, at_is, "{text:?}");
        assert!(message.contains(message_has), "{text:?}: {message}");
        assert_eq!(fixed.as_deref(), Some(fixed_is));
        clean(fixed_is);
    }
}

/// A child keyword written in capitals, as a longer word or misspelt is named,
/// and its fix writes the keyword and keeps the rest of the line.
#[test]
fn child_keywords_written_another_way() {
    for (written, keyword) in [
        ("Rec", "rec"),
        ("EXTENDED", "extended"),
        ("Exception", "exception"),
        ("exeption", "exception"),
        ("excepton", "exception"),
        ("expection", "exception"),
        ("exemption", "exception"),
        ("excepted", "exception"),
        ("except", "exception"),
        ("exceptions", "exception"),
        ("recommendation", "rec"),
        ("recommended", "rec"),
        ("promised", "promise"),
        ("agreed", "agree"),
        ("extension", "extended"),
    ] {
        let text = format!("2024-01-02 stage1.received\n  {written} a \"x\"\n");
        let (at, message, fixed) = slip(&text);
        assert_eq!(at, written, "{text:?}");
        assert!(
            message.contains(&format!("`{keyword}`")),
            "{text:?}: {message}"
        );
        assert_eq!(
            fixed.as_deref(),
            Some(format!("2024-01-02 stage1.received\n  {keyword} a \"x\"\n").as_str()),
            "{text:?}: {message}"
        );
    }
}

/// A long text is shortened in the message to 49 characters and an ellipsis;
/// the fix keeps it whole, with its tabs.
#[test]
fn long_curly_quoted_text_is_shortened_in_the_message_only() {
    let words = "The council did not reply\tto the complaint of 2 January, nor to the reminder";
    let text = format!("2024-01-02 note \u{201C}{words}\u{201D}\n");
    let (_, message, fixed) = slip(&text);
    let shown: String = format!("\"{words}")
        .replace('\t', " ")
        .chars()
        .take(49)
        .collect();
    assert_eq!(
        message,
        format!(
            "this text is in curly quotes (\u{201C}…\u{201D}), which caseline does not read as \
             quotes: use straight quotes, {}…",
            shown.trim_end()
        )
    );
    assert_eq!(fixed.unwrap(), format!("2024-01-02 note \"{words}\"\n"));
}

/// Each fix is checked by parsing its line, at most 1,000 times a parse: past
/// that, a file of bad lines still names every slip, with no fix.
#[test]
fn fixes_stop_after_a_thousand_but_messages_do_not() {
    let text: String = (0..1200)
        .map(|i| format!("2024-01-02 note \u{201C}x{i}\u{201D}\n"))
        .collect();
    let p = parse(&text);
    assert_eq!(p.errors().len(), 1200);
    assert!(
        p.errors()
            .iter()
            .all(|e| e.message.starts_with("this text is in curly quotes"))
    );
    let fixed: Vec<bool> = p.errors().iter().map(|e| e.fix.is_some()).collect();
    assert!(fixed[..1000].iter().all(|&f| f));
    assert!(fixed[1000..].iter().all(|&f| !f));
}

/// A good line caught up in the bad line above it says so, across blank and
/// comment lines between them.
#[test]
fn a_good_line_below_a_bad_one_says_which_line_to_mend() {
    for text in [
        "2024-01-02 Note @\n  rec a\n",
        "2024-01-02 Note @\n\n  rec a\n",
        "2024-01-02 Note @\n# a comment at the edge\n  rec a\n",
        "2024-01-02 Note @\n  # an indented comment\n  rec a\n",
    ] {
        let p = parse(text);
        let last = p.errors().last().expect("errors");
        assert_eq!(&text[last.range], "rec a", "{text:?}");
        assert_eq!(
            last.message,
            "this line is written correctly, but caseline could not read it because of line 1 \
             above it: mend that line first",
            "{text:?}"
        );
    }
}

/// Curly quotes around a name or a date in the header: the message says the
/// value takes no quotes at all, and the fix leaves it bare.
#[test]
fn curly_quotes_around_a_name_or_a_date() {
    for (text, message, want) in [
        (
            "case \"1\"\n  procedure \u{201C}children-statutory\u{201D}\n",
            "this is in curly quotes (\u{201C}…\u{201D}), but a name is written without quotes: `procedure children-statutory`",
            "case \"1\"\n  procedure children-statutory\n",
        ),
        (
            "case \"1\"\n  as-of \u{2018}2024-06-01\u{2019}\n",
            "this is in curly single quotes (\u{2018}…\u{2019}), but a date is written without quotes: `as-of 2024-06-01`",
            "case \"1\"\n  as-of 2024-06-01\n",
        ),
    ] {
        let (_, said, fixed) = slip(text);
        assert_eq!(said, message, "{text:?}");
        assert_eq!(fixed.as_deref(), Some(want), "{text:?}");
        clean(want);
    }
}

/// More shapes of dates: a month and year, a range with one side that could
/// be read either way, a range with a spaced dash, a date in brackets.
#[test]
fn more_dates_written_in_other_shapes() {
    for (text, message, want) in [
        (
            "06/2024 note\n",
            "write dates as year-month-day: 06/2024 is 2024-06 (June 2024)",
            "2024-06 note\n",
        ),
        (
            "6/2024 note\n",
            "write dates as year-month-day: 6/2024 is 2024-06 (June 2024)",
            "2024-06 note\n",
        ),
        (
            "03/04/2024..15/04/2024 note\n",
            "write dates as year-month-day, and a range with two dots: 03/04/2024..15/04/2024 is 2024-04-03..2024-04-15 (3 April 2024 to 15 April 2024, reading the day first, as is usual in the UK)",
            "2024-04-03..2024-04-15 note\n",
        ),
        (
            "15/04/2024 to 03/05/2024 note\n",
            "write dates as year-month-day, and a range with two dots: 15/04/2024 to 03/05/2024 is 2024-04-15..2024-05-03 (15 April 2024 to 3 May 2024, reading the day first, as is usual in the UK)",
            "2024-04-15..2024-05-03 note\n",
        ),
        (
            "2024-03-04 - 03-10 note\n",
            "a range of dates is written with two dots: 2024-03-04..03-10",
            "2024-03-04..03-10 note\n",
        ),
        (
            "(04/03/2024) note\n",
            "write the date without brackets, as year-month-day: `2024-03-04`",
            "2024-03-04 note\n",
        ),
        (
            "[2024-03-04] note\n",
            "remove the brackets around the date",
            "2024-03-04 note\n",
        ),
    ] {
        let (_, said, fixed) = slip(text);
        assert_eq!(said, message, "{text:?}");
        assert_eq!(fixed.as_deref(), Some(want), "{text:?}");
        clean(want);
    }
}

/// An event kind written as two capitalised words becomes one kind with a dot.
#[test]
fn an_event_kind_written_as_two_capitalised_words() {
    let (at, message, fixed) = slip("2024-03-04 Stage1 Received\n");
    assert_eq!(at, "Stage1 Received");
    assert_eq!(
        message,
        "event kinds are written in lower case, with a dot between the parts: `stage1.received`"
    );
    assert_eq!(fixed.as_deref(), Some("2024-03-04 stage1.received\n"));
}

/// A fix changes only the characters that change, so an editor keeps the
/// cursor and everything else on the line where they were.
#[test]
fn fixes_edit_only_what_changes() {
    for (text, edit, new_text) in [
        ("2024-03-04 Note  # comment\n", "N", "n"),
        ("2024-03-04 Note \"a # b\"  # comment\n", "N", "n"),
        ("06/2024 note\n", "06/2024", "2024-06"),
        ("2024-03-04 - 03-10 note\n", " - ", ".."),
        ("(2024-03-04) note\n", "(2024-03-04)", "2024-03-04"),
        ("2024-03-04 Stage2.requested\n", "S", "s"),
    ] {
        let p = parse(text);
        let fix = p.errors()[0].fix.as_ref().expect("a fix");
        assert_eq!(fix.edits.len(), 1, "{text:?}");
        let e = &fix.edits[0];
        assert_eq!(
            (
                &text[usize::from(e.range.start())..usize::from(e.range.end())],
                e.new_text.as_str()
            ),
            (edit, new_text),
            "{text:?}"
        );
    }
}

/// More slips the reader names: commas between IDs before a description, a
/// semicolon after the closing quote, inner quote marks, a `pause` line out of
/// shape or with its citation unquoted, a colon at the end, a unit with a
/// hyphen, and a number word that is no amount.
#[test]
fn more_slips_named_and_mended() {
    for (text, message, fixed) in [
        (
            "2024-01-02 done a, b Apology sent, late\n",
            "separate IDs with spaces, not commas: remove the comma; also on this line: put the description in quotes",
            Some("2024-01-02 done a b \"Apology sent, late\"\n"),
        ),
        (
            "2024-01-02 note \"x\";\n",
            "there is a semicolon after the closing quote: put it inside the quotes, like \"x;\"",
            Some("2024-01-02 note \"x;\"\n"),
        ),
        (
            "2024-01-02 note \"\"a \"b\" c\"\"\n",
            "a quote mark inside this text ends it too early: write each inner one as \\\", like \"a \\\"b\\\" c\"",
            Some("2024-01-02 note \"a \\\"b\\\" c\"\n"),
        ),
        (
            "procedure p\n  pause a from b till c\n",
            "caseline could not make sense of this line: the line reads `pause TARGET from EVENT until EVENT [\"citation\"]`",
            None,
        ),
        (
            "procedure p\n  pause a from b until c reg 5\n",
            "put the citation in quotes: \"reg 5\"",
            Some("procedure p\n  pause a from b until c \"reg 5\"\n"),
        ),
        (
            "2024-01-02 done a:\n",
            "remove the colon at the end of the line",
            Some("2024-01-02 done a\n"),
        ),
        (
            "2024-01-02 note\n  rec a within 10 working-days \"x\"\n",
            "write a duration as a number with its unit straight after it: `10 working-days` is `10wd`",
            Some("2024-01-02 note\n  rec a within 10wd \"x\"\n"),
        ),
        (
            "2024-01-02 note\n  rec a within zero days\n",
            "caseline could not make sense of `within zero days` here: after `within` comes a duration like `10wd`, `15d`, `4w`, `1m` or `1y`",
            None,
        ),
    ] {
        let (_, said, got) = slip(text);
        assert_eq!(said, message, "{text:?}");
        assert_eq!(got.as_deref(), fixed, "{text:?}");
        if let Some(f) = fixed {
            clean(f);
        }
    }
}
