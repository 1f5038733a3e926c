//! The built-in procedures: `.case` files in `procedures/`, compiled in and
//! parsed once per process.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use caseline_calendar::Calendars;

use super::Definitions;
use super::flatten::{RawProcedure, flatten};

/// The built-in procedures, in the order they are listed to users.
const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "children-statutory",
        include_str!("../../procedures/children-statutory.case"),
    ),
    ("lgsco", include_str!("../../procedures/lgsco.case")),
    (
        "housing-code",
        include_str!("../../procedures/housing-code.case"),
    ),
    (
        "council-code",
        include_str!("../../procedures/council-code.case"),
    ),
    (
        "adult-social-care",
        include_str!("../../procedures/adult-social-care.case"),
    ),
    ("spso", include_str!("../../procedures/spso.case")),
    ("nipso", include_str!("../../procedures/nipso.case")),
    ("send-ehc", include_str!("../../procedures/send-ehc.case")),
    (
        "send-review",
        include_str!("../../procedures/send-review.case"),
    ),
    (
        "wales-social-services",
        include_str!("../../procedures/wales-social-services.case"),
    ),
    ("foi", include_str!("../../procedures/foi.case")),
    ("eir", include_str!("../../procedures/eir.case")),
    ("sar", include_str!("../../procedures/sar.case")),
];

pub(super) static BUILTIN: LazyLock<Definitions> = LazyLock::new(|| {
    let mut raw = Vec::new();
    let mut sources = HashMap::new();
    for (name, text) in BUILTIN_SOURCES {
        let parse = caseline_syntax::parse(text);
        let origin = format!("builtin:{name}");
        for def in &parse.document().procedures {
            raw.push(RawProcedure::from_ast(def, &origin));
        }
        sources.insert(origin, Arc::<str>::from(*text));
    }
    let procedures = flatten(raw.into_iter().map(|p| (p.name.clone(), p)).collect());
    Definitions {
        procedures: Arc::new(procedures),
        sources: Arc::new(sources),
        calendars: Calendars::builtin(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::definitions::require_cycle::find as require_cycle;
    use caseline_calendar::{Duration, NaiveDate, Unit};

    #[test]
    fn the_builtins_parse_cleanly_and_are_consistent() {
        for (name, text) in BUILTIN_SOURCES {
            let parse = caseline_syntax::parse(text);
            assert!(parse.errors().is_empty(), "{name}: {:?}", parse.errors());
            assert!(parse.document().is_definitions_file(), "{name}");
        }
        let (defs, problems) = Definitions::with_workspace(&[]);
        assert!(problems.is_empty(), "{problems:?}");
        let names = defs.procedure_names();
        for (name, _) in BUILTIN_SOURCES {
            assert!(names.contains(&name.to_string()), "{name} missing");
            let p = defs.procedure(name).expect("listed");
            assert_eq!(p.origin, format!("builtin:{name}"));
            let (origin, text) = defs.procedure_source(name).expect("source kept");
            assert_eq!(origin, p.origin);
            assert!(text[usize::from(p.name_range.start())..].starts_with(name));
            assert!(
                p.title.is_some() && p.source.is_some(),
                "{name}: title and source"
            );
            for (_, d) in p.all_deadlines() {
                assert!(
                    p.event(&d.start).is_some(),
                    "{name}: {} undeclared",
                    d.start
                );
                assert!(
                    p.event(&d.target).is_some(),
                    "{name}: {} undeclared",
                    d.target
                );
                assert!(d.citation.is_some(), "{name}: deadline without a citation");
            }
            for r in p.all_requires() {
                assert!(
                    p.event(&r.first).is_some() && p.event(&r.then).is_some(),
                    "{name}"
                );
            }
            assert!(require_cycle(p).is_none(), "{name}");
        }
    }

    #[test]
    fn the_children_procedure_has_the_regulations_limits() {
        let defs = Definitions::builtin();
        let p = defs.procedure("children-statutory").expect("built in");
        let find = |t: &str, s: &str| {
            p.deadlines
                .iter()
                .find(|d| d.target == t && d.start == s)
                .unwrap_or_else(|| panic!("{s} -> {t}"))
        };
        let wd = |n| Duration {
            amount: n,
            unit: Unit::WorkingDays,
        };
        let s1 = find("stage1.response", "stage1.received");
        assert_eq!((s1.limit, s1.extended_limit), (wd(10), Some(wd(20))));
        let s2 = find("stage2.adjudication", "stage2.requested");
        assert_eq!((s2.limit, s2.extended_limit), (wd(25), Some(wd(65))));
        assert_eq!(find("stage3.panel", "stage3.requested").limit, wd(30));
        assert_eq!(find("stage3.report", "stage3.panel").limit, wd(5));
        assert_eq!(find("stage3.response", "stage3.report").limit, wd(15));
        let derived = find("stage3.response", "stage3.panel");
        assert_eq!(derived.limit, wd(20));
        assert!(
            derived
                .citation
                .as_deref()
                .is_some_and(|c| c.contains("derived"))
        );
        assert!(p.event("stage2.report").is_some_and(|e| e.recommends));
        assert!(p.event("stage3.panel").is_some_and(|e| e.recommends));
    }

    #[test]
    fn use_flattens_events_in_place_and_keeps_the_declaring_procedure() {
        let text = "procedure mine\n  event mine.a \"a\"\n  use lgsco\n  event mine.b \"b\"\n  deadline mine.b within 5wd of mine.a\n";
        let parse = caseline_syntax::parse(text);
        let (defs, problems) = Definitions::with_workspace(&[("mine.case".to_string(), &parse)]);
        assert!(problems.is_empty(), "{problems:?}");
        let p = defs.procedure("mine").expect("defined");
        let order: Vec<&str> = p.all_events().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            order,
            [
                "mine.a",
                "ombudsman.received",
                "ombudsman.draft",
                "ombudsman.decision",
                "mine.b"
            ]
        );
        assert_eq!(p.all_deadlines()[0].0, "mine");
        assert_eq!(defs.procedure_source("mine"), Some(("mine.case", text)));
    }

    #[test]
    fn user_calendars_extend_in_any_file_order() {
        let a = caseline_syntax::parse("calendar b\n  extends a\n  closed 2024-12-30 \"x\"\n");
        let b = caseline_syntax::parse(
            "calendar a\n  extends england-and-wales\n  closed 2024-12-27 \"y\"\n",
        );
        let (defs, problems) =
            Definitions::with_workspace(&[("1.case".to_string(), &a), ("2.case".to_string(), &b)]);
        assert!(problems.is_empty(), "{problems:?}");
        let cal = defs.calendars().get("b").expect("defined");
        let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day).expect("valid");
        assert!(!cal.is_working_day(d(12, 27)));
        assert!(!cal.is_working_day(d(12, 30)));
        assert!(!cal.is_working_day(d(12, 25)));
        assert!(cal.is_working_day(d(12, 23)));
    }
}

#[cfg(test)]
mod shipped {
    /// Every file in `procedures/` is compiled in (a procedure written but not
    /// listed in `BUILTIN_SOURCES` would silently not exist), and nothing is
    /// listed that is not there.
    #[test]
    fn every_procedure_file_is_shipped() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("procedures");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("the procedures folder")
            .flatten()
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.strip_suffix(".case").map(str::to_owned)
            })
            .collect();
        on_disk.sort();
        let mut shipped: Vec<String> = super::BUILTIN_SOURCES
            .iter()
            .map(|(name, _)| (*name).to_owned())
            .collect();
        shipped.sort();
        assert_eq!(on_disk, shipped);
        for (name, text) in super::BUILTIN_SOURCES {
            let on_disk = std::fs::read_to_string(dir.join(format!("{name}.case")))
                .expect("a procedure file");
            assert_eq!(&on_disk, text, "{name}: the shipped text is the file's");
        }
    }
}
