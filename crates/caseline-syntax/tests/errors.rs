//! Syntax and date errors: one per bad line, with a useful range and a plain
//! English message, and the lines after a bad line still read normally.

use caseline_syntax::ast::{DateSpec, EntryChild};
use caseline_syntax::{SyntaxErrorKind, parse};

/// (text of the error's range, kind) for each error.
fn errors(text: &str) -> Vec<(&str, SyntaxErrorKind, String)> {
    parse(text)
        .errors()
        .iter()
        .map(|e| (&text[e.range], e.kind, e.message.clone()))
        .collect()
}

fn kinds(text: &str) -> Vec<String> {
    parse(text)
        .document()
        .entries
        .iter()
        .map(|e| e.kind.as_ref().map_or("-".to_string(), |k| k.value.clone()))
        .collect()
}

#[test]
fn garbage_line_between_entries() {
    let text =
        "2024-11-05 note\nthis is not a timeline line\n2024-11-06 done a \"x\"\n  rec b \"y\"\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "this is not a timeline line");
    assert_eq!(errs[0].1, SyntaxErrorKind::Syntax);
    assert!(
        errs[0]
            .2
            .starts_with("expected a date like 2024-11-05 at the start of the line")
    );
    assert_eq!(kinds(text), ["note", "done"]);
    let doc = parse(text).document().clone();
    assert!(matches!(&doc.entries[1].children[..], [EntryChild::Rec(r)] if r.id.value == "b"));
}

#[test]
fn unterminated_string_keeps_the_rest_of_the_block() {
    let text = "2024-11-05 note \"no closing quote\n  rec a \"ok\"\n2024-11-06 note\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "\"no closing quote");
    assert!(errs[0].2.contains("no closing quote"));
    let doc = parse(text).document().clone();
    assert_eq!(kinds(text), ["note", "note"]);
    assert_eq!(doc.entries[0].text, None);
    assert!(matches!(&doc.entries[0].children[..], [EntryChild::Rec(r)] if r.id.value == "a"));
}

#[test]
fn date_with_letters() {
    let text = "2024-11-05 note\n2024-1x-05 note \"bad\"\n  rec a\n2024-11-06 note\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "2024-1x-05 note \"bad\"");
    assert_eq!(
        errs[0].2,
        "expected a date like 2024-11-05 at the start of the line"
    );
    assert_eq!(kinds(text), ["note", "note"]);
}

#[test]
fn child_line_with_no_parent() {
    let text = "  rec a \"orphan\"\n2024-11-06 note\n  rec b\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "rec a \"orphan\"");
    assert!(errs[0].2.contains("no entry or block above it"));
    assert_eq!(kinds(text), ["note"]);
}

#[test]
fn child_keyword_in_column_zero_says_to_indent() {
    let text = "2024-11-06 note\nrec b \"x\"\n2024-11-07 note\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "rec b \"x\"");
    assert!(errs[0].2.contains("indent this line"), "{}", errs[0].2);
    assert_eq!(kinds(text), ["note", "note"]);
}

#[test]
fn missing_event_kind() {
    let text = "2024-11-05 note\n2024-11-06\n  rec z\n2024-11-07 note \"x\"\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "2024-11-06");
    assert!(
        errs[0]
            .2
            .starts_with("expected an event kind after the date")
    );
    assert_eq!(kinds(text), ["note", "-", "note"]);
    let doc = parse(text).document().clone();
    assert!(matches!(&doc.entries[1].children[..], [EntryChild::Rec(r)] if r.id.value == "z"));
}

#[test]
fn bad_child_lines_are_one_error_each() {
    let text = "2024-11-05 note\n  \"just a string\"\n  rec\n  rec b \"y\"\n2024-11-07 note\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(errs[0].0, "\"just a string\"");
    assert!(errs[0].2.contains("under an entry a line can be"));
    assert_eq!(errs[1].0, "rec");
    assert_eq!(errs[1].2, "expected an ID here, like `a` or `R1`");
    let doc = parse(text).document().clone();
    assert!(matches!(&doc.entries[0].children[..], [EntryChild::Rec(r)] if r.id.value == "b"));
    assert_eq!(doc.entries.len(), 2);
}

#[test]
fn impossible_dates_are_date_invalid_at_the_date() {
    let text = "2023-02-29 note\n2024-13 note\n2024-11-20..2024-11-05 note\n2024-11-05 note\n  rec a by 2024-02-30\n";
    let p = parse(text);
    let errs: Vec<_> = p
        .errors()
        .iter()
        .map(|e| (&text[e.range], e.kind))
        .collect();
    assert_eq!(
        errs,
        [
            ("2023-02-29", SyntaxErrorKind::DateInvalid),
            ("2024-13", SyntaxErrorKind::DateInvalid),
            ("2024-11-20..2024-11-05", SyntaxErrorKind::DateInvalid),
            ("2024-02-30", SyntaxErrorKind::DateInvalid),
        ]
    );
    assert!(p.errors()[0].message.contains("February 2023 has 28 days"));
    assert!(p.errors()[2].message.contains("before it starts"));
    let doc = p.document();
    assert_eq!(doc.entries.len(), 4);
    assert_eq!(doc.entries[0].date, None);
    assert_eq!(&text[doc.entries[0].date_range], "2023-02-29");
    assert_eq!(doc.entries[0].kind.as_ref().unwrap().value, "note");
    assert_eq!(
        doc.entries[3].date.as_ref().unwrap().value,
        DateSpec::Day(chrono::NaiveDate::from_ymd_opt(2024, 11, 5).unwrap())
    );
}

#[test]
fn second_header_is_an_error() {
    let text = "case \"1\"\ncase \"2\"\n  title \"x\"\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "case \"2\"");
    let doc = parse(text).document().clone();
    assert_eq!(doc.header.unwrap().reference.unwrap().value, "1");
}

#[test]
fn errors_are_sorted_and_on_char_boundaries() {
    let text = "café\n2024-11-05 note\n  ???\n£ 5\n2024-99 x\n";
    let p = parse(text);
    let ranges: Vec<_> = p.errors().iter().map(|e| e.range).collect();
    let mut sorted = ranges.clone();
    sorted.sort_by_key(|r| (r.start(), r.end()));
    assert_eq!(ranges, sorted);
    for r in ranges {
        assert!(text.is_char_boundary(r.start().into()) && text.is_char_boundary(r.end().into()));
    }
    let texts: Vec<&str> = p.errors().iter().map(|e| &text[e.range]).collect();
    assert_eq!(texts, ["café", "???", "£ 5", "2024-99"]);
}

#[test]
fn procedure_and_calendar_definitions() {
    let text = "\
procedure corp
  title \"Corporate \\\"complaints\\\" \\\\ procedure\"
  source \"Council policy\"
  use lgsco
  event stage1.received \"Complaint received\"
  event stage2.report \"IO report\" recommends
  deadline stage1.response within 10wd of stage1.received extendable to 20wd \"reg. 14\"
  require stage1.response before stage2.requested
  owner \"someone\"

calendar worcs
  extends england-and-wales
  closed 2024-12-27 2024-12-30..31 \"Offices closed\"
";
    let p = parse(text);
    assert_eq!(p.errors(), &[]);
    let doc = p.document();
    assert!(doc.is_definitions_file());
    let proc_ = &doc.procedures[0];
    assert_eq!(proc_.name.value, "corp");
    assert_eq!(
        proc_.title.as_ref().unwrap().value,
        "Corporate \"complaints\" \\ procedure"
    );
    assert_eq!(proc_.source.as_ref().unwrap().value, "Council policy");
    assert_eq!(proc_.uses[0].value, "lgsco");
    assert_eq!(proc_.events.len(), 2);
    assert!(!proc_.events[0].recommends);
    assert!(proc_.events[1].recommends);
    let d = &proc_.deadlines[0];
    assert_eq!(
        (d.target.value.as_str(), d.start.value.as_str()),
        ("stage1.response", "stage1.received")
    );
    assert_eq!(d.limit.value.amount, 10);
    assert_eq!(d.extended_limit.as_ref().unwrap().value.amount, 20);
    assert_eq!(d.citation.as_ref().unwrap().value, "reg. 14");
    assert_eq!(proc_.requires[0].first.value, "stage1.response");
    assert_eq!(proc_.requires[0].then.value, "stage2.requested");
    assert_eq!(proc_.other_fields[0].key.value, "owner");
    assert_eq!(
        proc_.other_fields[0].value.as_ref().unwrap().value,
        "someone"
    );
    let cal = &doc.calendars[0];
    assert_eq!(cal.name.value, "worcs");
    assert_eq!(cal.extends[0].value, "england-and-wales");
    assert_eq!(cal.closed[0].dates.len(), 2);
    assert_eq!(
        cal.closed[0].reason.as_ref().unwrap().value,
        "Offices closed"
    );
}

#[test]
fn non_ascii_and_crlf_ranges() {
    let text =
        "2024-02-21 café.meeting \"£150 for Zoë 🙂\"\r\n  > Müller said 🙂 \r\n  note \"é\"\r\n";
    let p = parse(text);
    let errs: Vec<_> = p.errors().iter().map(|e| &text[e.range]).collect();
    // `café.meeting` is not a name (names are a-z): the error is on that line only.
    assert_eq!(errs.len(), 1, "{errs:?}");
    let text = "2024-02-21 meeting \"£150 for Zoë 🙂\"\r\n  > Müller said 🙂 \r\n  note \"é\"\r\n# end é\r\n";
    let p = parse(text);
    assert_eq!(p.errors(), &[]);
    let e = &p.document().entries[0];
    assert_eq!(e.text.as_ref().unwrap().value, "£150 for Zoë 🙂");
    assert_eq!(&text[e.text.as_ref().unwrap().range], "\"£150 for Zoë 🙂\"");
    match &e.children[..] {
        [EntryChild::Prose(p), EntryChild::Field(f)] => {
            // Trailing whitespace is not part of the prose.
            assert_eq!(p.value, "Müller said 🙂");
            assert_eq!(&text[p.range], "Müller said 🙂");
            assert_eq!(f.key.value, "note");
            assert_eq!(f.value.as_ref().unwrap().value, "é");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        &text[e.range],
        "2024-02-21 meeting \"£150 for Zoë 🙂\"\r\n  > Müller said 🙂 \r\n  note \"é\""
    );
    assert_eq!(p.document().comments[0].text, " end é");
    assert_eq!(&text[p.document().comments[0].range], "# end é");
}

#[test]
fn last_line_without_newline_and_blank_lines_inside_blocks() {
    let text = "2024-11-05 note\n\n  rec a\n   \n  # c\n  rec b\n2024-11-06 done a b";
    let p = parse(text);
    assert_eq!(p.errors(), &[]);
    let doc = p.document();
    assert_eq!(doc.entries[0].children.len(), 2);
    assert_eq!(doc.entries[1].ids.len(), 2);
}

#[test]
fn indented_entry_at_the_top_of_the_file() {
    let text = "# intro\n  2024-11-05 note\n    rec a\n2024-11-06 note\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "2024-11-05 note");
    assert!(errs[0].2.contains("no entry or block above it"));
    assert_eq!(kinds(text), ["note"]);
    assert_eq!(
        &text[parse(text).document().entries[0].head_range],
        "2024-11-06 note"
    );
}

#[test]
fn parse_is_send_sync_and_clone() {
    fn assert_traits<T: Send + Sync + Clone + 'static>() {}
    assert_traits::<caseline_syntax::Parse>();
    let p = parse("2024-11-05 note\n");
    let q = std::thread::spawn(move || p.document().entries.len())
        .join()
        .unwrap();
    assert_eq!(q, 1);
}

#[test]
fn a_bad_entry_head_keeps_its_date_but_not_a_guessed_kind() {
    let text = "2024-11-05 stage1.Received\n  rec a\n2024-11-06 note\n";
    let p = parse(text);
    let errs: Vec<_> = p
        .errors()
        .iter()
        .map(|e| (&text[e.range], e.message.as_str()))
        .collect();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].0, "stage1.Received");
    assert!(
        errs[0]
            .1
            .contains("event kinds are written in lower case: `stage1.received`"),
        "{}",
        errs[0].1
    );
    let e = &p.document().entries[0];
    assert_eq!(e.kind, None);
    assert!(e.date.is_some());
    // Its child lines are fine and kept.
    assert_eq!(e.children.len(), 1);
}

#[test]
fn messages_say_how_the_line_is_written() {
    let cases = [
        ("2024-11-05 note\n  rec a b \"t\"\n", "b", "with one ID"),
        (
            "2024-11-05 note\n  rec a within ten days\n",
            "ten days",
            "write the number in figures, with the unit straight after it: `ten days` is `10d`",
        ),
        (
            "2024-11-05 note\n  rec a within a fortnight\n",
            "within a fortnight",
            "after `within` comes a duration",
        ),
        (
            "procedure p\n  deadline a within 5wd b\n",
            "deadline a within 5wd b",
            "deadline TARGET within DUR of START",
        ),
        (
            "2024-11-05 note\n  extended \"a\" \"b\"\n",
            "\"b\"",
            "`extended [\"reason\"]`",
        ),
    ];
    for (text, bad, hint) in cases {
        let p = parse(text);
        let errs: Vec<_> = p
            .errors()
            .iter()
            .map(|e| (&text[e.range], e.message.as_str()))
            .collect();
        assert_eq!(errs.len(), 1, "{text:?}: {errs:?}");
        assert_eq!(errs[0].0, bad, "{text:?}");
        assert!(errs[0].1.contains(hint), "{text:?}: {}", errs[0].1);
    }
    // The bad child line is left out of the model; its siblings are not.
    let p = parse("2024-11-05 note\n  rec a b \"t\"\n  rec c\n");
    assert!(
        matches!(&p.document().entries[0].children[..], [EntryChild::Rec(r)] if r.id.value == "c")
    );
}

#[test]
fn byte_order_mark_at_the_start_is_not_an_error() {
    for text in [
        "\u{FEFF}case \"1\"\n  title \"x\"\n2024-01-01 note\n",
        "\u{FEFF}2024-01-01 note\n",
        "\u{FEFF}# intro\n2024-01-01 note\r\n",
        "\u{FEFF}\n\n2024-01-01 note",
    ] {
        let p = parse(text);
        assert_eq!(p.errors(), &[], "{text:?}");
        assert_eq!(kinds(text), ["note"], "{text:?}");
        assert_eq!(
            caseline_syntax::format(text)
                .strip_prefix('\u{FEFF}')
                .map(|s| s.ends_with("note\n") || s.ends_with("note\r\n")),
            Some(true)
        );
    }
    assert_eq!(
        caseline_syntax::format("\u{FEFF}case   \"1\"\n2024-01-01   note"),
        "\u{FEFF}case \"1\"\n\n2024-01-01 note\n"
    );
}

#[test]
fn control_characters_are_not_quoted_in_messages() {
    let text = "2024-11-05 no\0te\n2024-11-06 note\n";
    let p = parse(text);
    assert_eq!(p.errors().len(), 1);
    assert!(!p.errors()[0].message.contains('\0'));
    assert_eq!(p.line_index().line_of(p.errors()[0].range.start()), 0);
    assert_eq!(kinds(text), ["-", "note"]);
}

#[test]
fn header_keys_given_twice_or_bare() {
    let text = "case \"1\"\n  title Needs assessment\n  title \"Second\"\n  as-of 2025-01-01\n  as-of 2025-02-01\n  colour blue\n";
    let p = parse(text);
    let errs: Vec<_> = p
        .errors()
        .iter()
        .map(|e| (&text[e.range], e.message.as_str()))
        .collect();
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert_eq!(errs[0].0, "title \"Second\"");
    assert!(errs[0].1.contains("already has a `title` line"));
    assert_eq!(errs[1].0, "as-of 2025-02-01");
    let h = p.document().header.as_ref().unwrap();
    assert_eq!(h.title.as_ref().unwrap().value, "Needs assessment");
    assert_eq!(
        h.as_of.as_ref().unwrap().value,
        DateSpec::Day(chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap())
    );
    // Only truly unknown keys are left for `header-unknown-key`.
    let others: Vec<&str> = h
        .other_fields
        .iter()
        .map(|f| f.key.value.as_str())
        .collect();
    assert_eq!(others, ["colour"]);
}

#[test]
fn header_calendar_takes_one_name() {
    let text = "case \"1\"\n  calendar england-and-wales scotland wales\n";
    let p = parse(text);
    let errs: Vec<_> = p.errors().iter().map(|e| &text[e.range]).collect();
    assert_eq!(errs, ["scotland wales"]);
    assert_eq!(
        p.document()
            .header
            .as_ref()
            .unwrap()
            .calendar
            .as_ref()
            .unwrap()
            .value,
        "england-and-wales"
    );
}

/// Each kind of line that cannot be read says how that kind of line is
/// written, judged from its first word.
#[test]
fn every_kind_of_line_says_how_it_is_written() {
    let cases = [
        (
            "2024-11-05 note\n  agree a \"t\" b\n",
            "the line reads `agree ID... [within DUR | by DATE]`",
        ),
        (
            "2024-11-05 note\n  exception \"t\" a\n",
            "the line reads `exception TARGET \"reason\"` under an entry",
        ),
        (
            "procedure p\n  pause a b c\n",
            "the line reads `pause TARGET from EVENT until EVENT",
        ),
        (
            "procedure p\n  event \"a\" \"b\"\n",
            "the line reads `event NAME \"label\" [recommends]`",
        ),
        (
            "procedure p\n  require a after b\n",
            "the line reads `require A before B`",
        ),
        (
            "procedure p\n  use \"a\"\n",
            "the line lists names, like `stage1.received`",
        ),
        (
            "calendar c\n  extends \"a\"\n",
            "the line lists names, like `stage1.received`",
        ),
        (
            "calendar c\n  closed soon\n",
            "the line reads `closed DATE... [\"reason\"]`",
        ),
        ("case \"1\" \"2\"\n", "the line reads `case \"REFERENCE\"`"),
        (
            "procedure \"p\"\n",
            "the line reads `procedure NAME...`, with names not in quotes",
        ),
        (
            "calendar \"c\"\n",
            "the line reads `calendar NAME`, a name not in quotes",
        ),
        (
            "2024-11-05 ~note\n",
            "an entry reads `DATE EVENT [ID...] [\"text\"]`",
        ),
        (
            "2024-11-05 note\n  rec a by soon\n",
            "after `by` comes a date like 2024-11-05",
        ),
    ];
    for (text, usage) in cases {
        let p = parse(text);
        let messages: Vec<&str> = p.errors().iter().map(|e| e.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains(usage)),
            "{text:?} should say {usage:?}, says {messages:?}"
        );
    }
}

/// Every header key that may be given once says so when given twice, and the
/// first value is kept.
#[test]
fn every_single_header_key_given_twice() {
    for (key, first, second) in [
        ("title", "\"A\"", "\"B\""),
        ("body", "\"A\"", "\"B\""),
        ("complainant", "\"A\"", "\"B\""),
        ("source", "\"A\"", "\"B\""),
        ("procedure", "lgsco", "spso"),
        ("calendar", "scotland", "england-and-wales"),
        ("as-of", "2025-01-01", "2025-02-01"),
    ] {
        let text = format!("case \"1\"\n  {key} {first}\n  {key} {second}\n");
        let p = parse(&text);
        let errs: Vec<_> = p
            .errors()
            .iter()
            .map(|e| (&text[e.range], e.message.as_str()))
            .collect();
        assert_eq!(errs.len(), 1, "{text:?}: {errs:?}");
        assert_eq!(errs[0].0, format!("{key} {second}"), "{text:?}");
        assert!(
            errs[0].1.contains(&format!("already has a `{key}` line")),
            "{text:?}: {}",
            errs[0].1
        );
    }
    let p = parse("case \"1\"\n  complainant \"Mr X\"\n  complainant \"Ms Y\"\n");
    let h = p.document().header.as_ref().unwrap();
    assert_eq!(h.complainant.as_ref().unwrap().value, "Mr X");
}

/// The messages of lines that cannot be read, whole: a short bad part is
/// quoted, a long one is not; a header line at the left edge is written back
/// without its comment; a bad child line says what its block can hold.
#[test]
fn messages_of_unreadable_lines_whole() {
    for (text, bad, message) in [
        (
            "2024-11-05 note\n  agree a b within 5wd @@\n",
            "@@",
            "caseline could not make sense of `@@` here: the line reads `agree ID... [within DUR | by DATE]`, e.g. `agree a b within 10wd`",
        ),
        (
            "2024-11-05 note\n  agree a b within 5wd @@ and a great many more words after that go on\n",
            "@@ and a great many more words after that go on",
            "caseline could not make sense of this line: the line reads `agree ID... [within DUR | by DATE]`, e.g. `agree a b within 10wd`",
        ),
        (
            "Title \"Mr X\"  # from the letter\n",
            "Title \"Mr X\"  # from the letter",
            "this looks like the case header's `title` line, but header lines are indented under `case`: write it as `  title \"Mr X\"` directly under the `case` line",
        ),
        (
            "procedure p\n  @@@\n",
            "@@@",
            "caseline could not read this line: under a procedure a line can be `event`, `deadline`, `require`, `use` or `key value`",
        ),
        (
            "calendar c\n  @@@\n",
            "@@@",
            "caseline could not read this line: under a calendar a line can be `extends`, `closed` or `key value`",
        ),
        (
            "case \"1\"\n  @@@\n",
            "@@@",
            "caseline could not read this line: under the case header a line is `key value`, like `title \"...\"`",
        ),
        (
            "2024-11-05 note\n  @@@\n",
            "@@@",
            "caseline could not read this line: under an entry a line can be `rec`, `promise`, `agree`, `extended`, `> text` or `key value`",
        ),
    ] {
        let errs = errors(text);
        assert_eq!(errs.len(), 1, "{text:?}: {errs:?}");
        assert_eq!(errs[0].0, bad, "{text:?}");
        assert_eq!(errs[0].2, message, "{text:?}");
    }
}

/// A header or procedure value is the text inside its quotes, or the words as
/// written when there are none; a procedure's second `title` is not its title.
#[test]
fn values_with_and_without_quotes() {
    let p = parse("case \"1\"\n  title Needs\n  body \"Some Council\"\n");
    let h = p.document().header.as_ref().unwrap();
    assert_eq!(h.title.as_ref().unwrap().value, "Needs");
    assert_eq!(h.body.as_ref().unwrap().value, "Some Council");
    let p = parse(
        "procedure p\n  title \"A\"\n  title \"B\"\n  source \"S\"\n  source \"T\"\n  event a \"A\"\n",
    );
    let proc_ = &p.document().procedures[0];
    assert_eq!(proc_.title.as_ref().unwrap().value, "A");
    assert_eq!(proc_.source.as_ref().unwrap().value, "S");
    let others: Vec<(&str, &str)> = proc_
        .other_fields
        .iter()
        .map(|f| {
            (
                f.key.value.as_str(),
                f.value.as_ref().unwrap().value.as_str(),
            )
        })
        .collect();
    assert_eq!(others, [("title", "B"), ("source", "T")]);
}
