//! Parse fixtures: every `test_data/parse/{ok,err}/*.case` file is parsed and
//! its errors and document are rendered compactly and compared with an insta
//! snapshot (`tests/snapshots/`). Files under `ok/` must have no errors; files
//! under `err/` must have at least one.

use caseline_syntax::ast::{DateSpec, Due, EntryChild};
use caseline_syntax::{Parse, TextRange, parse};
use std::fmt::Write;
use std::path::PathBuf;

fn pos(p: &Parse, r: TextRange) -> String {
    let (l1, c1) = p.line_index().display_position(r.start());
    let (l2, c2) = p.line_index().display_position(r.end());
    format!("{l1}:{c1}-{l2}:{c2}")
}

fn date(d: &DateSpec) -> String {
    match d {
        DateSpec::Day(d) => d.to_string(),
        DateSpec::Span { first, last } => format!("{first}..{last}"),
        DateSpec::Unknown => "?".to_string(),
    }
}

fn due(d: &Option<Due>) -> String {
    match d {
        None => String::new(),
        Some(Due::Within(w)) => format!(" within {:?}", w.value),
        Some(Due::By(b)) => format!(
            " by {}",
            b.value.as_ref().map_or("<invalid>".to_string(), date)
        ),
    }
}

fn render(p: &Parse) -> String {
    let mut s = String::new();
    for e in p.errors() {
        writeln!(
            s,
            "error {:?} {} {:?}: {}",
            e.kind,
            pos(p, e.range),
            &p.text()[e.range],
            e.message
        )
        .unwrap();
    }
    let d = p.document();
    if let Some(h) = &d.header {
        writeln!(
            s,
            "header {} ref={:?} title={:?} procedures={:?} calendar={:?} as-of={:?} other={:?}",
            pos(p, h.range),
            h.reference.as_ref().map(|r| &r.value),
            h.title.as_ref().map(|r| &r.value),
            h.procedures
                .as_ref()
                .map(|v| v.iter().map(|x| x.value.clone()).collect::<Vec<_>>()),
            h.calendar.as_ref().map(|r| &r.value),
            h.as_of.as_ref().map(|r| date(&r.value)),
            h.other_fields
                .iter()
                .map(|f| f.key.value.clone())
                .collect::<Vec<_>>(),
        )
        .unwrap();
    }
    for e in &d.entries {
        writeln!(
            s,
            "entry {} date={} kind={:?} ids={:?} text={:?}",
            pos(p, e.range),
            e.date
                .as_ref()
                .map_or("<invalid>".to_string(), |x| date(&x.value)),
            e.kind.as_ref().map(|k| &k.value),
            e.ids.iter().map(|i| i.value.as_str()).collect::<Vec<_>>(),
            e.text.as_ref().map(|t| &t.value),
        )
        .unwrap();
        for c in &e.children {
            let line = match c {
                EntryChild::Rec(r) => format!(
                    "{:?} {}{} text={:?}",
                    r.kind,
                    r.id.value,
                    due(&r.due),
                    r.text.as_ref().map(|t| &t.value)
                ),
                EntryChild::Agree(a) => format!(
                    "agree {:?}{}",
                    a.ids.iter().map(|i| i.value.as_str()).collect::<Vec<_>>(),
                    due(&a.due)
                ),
                EntryChild::Extended(x) => {
                    format!("extended {:?}", x.reason.as_ref().map(|t| &t.value))
                }
                EntryChild::Exception(x) => format!(
                    "exception {} {:?}",
                    x.target.value,
                    x.reason.as_ref().map(|t| &t.value)
                ),
                EntryChild::Prose(t) => format!("prose {:?}", t.value),
                EntryChild::Field(f) => format!(
                    "field {} = {:?}",
                    f.key.value,
                    f.value.as_ref().map(|v| &v.value)
                ),
            };
            writeln!(s, "  {line}").unwrap();
        }
    }
    for pr in &d.procedures {
        writeln!(
            s,
            "procedure {} {} title={:?} uses={:?}",
            pos(p, pr.range),
            pr.name.value,
            pr.title.as_ref().map(|t| &t.value),
            pr.uses.iter().map(|u| u.value.as_str()).collect::<Vec<_>>()
        )
        .unwrap();
        for ev in &pr.events {
            writeln!(
                s,
                "  event {} {:?} recommends={}",
                ev.name.value,
                ev.label.as_ref().map(|l| &l.value),
                ev.recommends
            )
            .unwrap();
        }
        for dl in &pr.deadlines {
            writeln!(
                s,
                "  deadline {} within {:?} of {} extendable={:?} cite={:?}",
                dl.target.value,
                dl.limit.value,
                dl.start.value,
                dl.extended_limit.as_ref().map(|x| x.value),
                dl.citation.as_ref().map(|c| &c.value)
            )
            .unwrap();
            for (t, l) in &dl.alternatives {
                writeln!(s, "    or {} within {:?}", t.value, l.value).unwrap();
            }
            if !dl.more_starts.is_empty() {
                writeln!(
                    s,
                    "    latest of {} {:?}",
                    dl.start.value,
                    dl.more_starts
                        .iter()
                        .map(|x| x.value.as_str())
                        .collect::<Vec<_>>()
                )
                .unwrap();
            }
            let flags: Vec<&str> = [
                (dl.inclusive, "inclusive"),
                (dl.uncapped_extension, "extendable without limit"),
                (dl.repeating, "repeating"),
                (dl.roll_forward, "roll-forward"),
                (dl.guidance, "guidance"),
            ]
            .iter()
            .filter(|f| f.0)
            .map(|f| f.1)
            .collect();
            if !flags.is_empty() {
                writeln!(s, "    options {flags:?}").unwrap();
            }
        }
        if let Some(c) = &pr.calendar {
            writeln!(s, "  calendar {}", c.value).unwrap();
        }
        for pa in &pr.pauses {
            writeln!(
                s,
                "  pause {} from {} until {} cite={:?}",
                pa.target.value,
                pa.from.value,
                pa.until.value,
                pa.citation.as_ref().map(|c| &c.value)
            )
            .unwrap();
        }
        for ex in &pr.exceptions {
            writeln!(
                s,
                "  exception {:?} cite={:?}",
                ex.targets
                    .iter()
                    .map(|x| x.value.as_str())
                    .collect::<Vec<_>>(),
                ex.citation.as_ref().map(|c| &c.value)
            )
            .unwrap();
        }
        for r in &pr.requires {
            writeln!(s, "  require {} before {}", r.first.value, r.then.value).unwrap();
        }
    }
    for c in &d.calendars {
        writeln!(
            s,
            "calendar {} {} extends={:?}",
            pos(p, c.range),
            c.name.value,
            c.extends
                .iter()
                .map(|x| x.value.as_str())
                .collect::<Vec<_>>()
        )
        .unwrap();
        for cl in &c.closed {
            writeln!(
                s,
                "  closed {:?} {:?}",
                cl.dates.iter().map(|x| date(&x.value)).collect::<Vec<_>>(),
                cl.reason.as_ref().map(|r| &r.value)
            )
            .unwrap();
        }
    }
    for c in &d.comments {
        writeln!(s, "comment {} {:?}", pos(p, c.range), c.text).unwrap();
    }
    s
}

#[test]
fn parse_fixtures_match_their_snapshots() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("test_data/parse");
    let mut seen = 0;
    for group in ["ok", "err"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(group))
            .expect("fixture dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "case"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("utf-8 fixture");
            let p = parse(&text);
            if group == "ok" {
                assert_eq!(p.errors(), &[], "{}", path.display());
            } else {
                assert!(
                    !p.errors().is_empty(),
                    "{} should have errors",
                    path.display()
                );
            }
            let name = format!("{group}__{}", path.file_stem().unwrap().to_string_lossy());
            insta::assert_snapshot!(name, render(&p));
            seen += 1;
        }
    }
    assert!(seen >= 9);
}
