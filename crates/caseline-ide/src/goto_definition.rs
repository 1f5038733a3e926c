//! Go to definition: on a recommendation ID, its `rec`/`promise` line; on an
//! event kind, its `event` declaration in the procedure that defines it (a
//! workspace definitions file, or a built-in procedure's source); on a
//! procedure name in the header, that procedure. In a definitions file: from
//! a `use NAME` to that procedure, and from an event named by a `deadline` or
//! `require` line to its `event` line (here or in a procedure it uses).

use caseline_syntax::ast::Document;
use caseline_syntax::{Parse, TextSize};
use caseline_workspace::Workspace;

use crate::ids::{id_at, id_occurrences};
use crate::navigation::{FileRef, NavigationTarget};
use crate::sources::{ProcedureSource, case_procedures, find_event, procedure_sources};

/// Where a name is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GotoDefinition {
    /// The one declaration of an event kind or a procedure.
    Declaration(NavigationTarget),
    /// Every `rec`/`promise` line that defines the ID under the cursor: one,
    /// or more when the file defines it twice (a finding, and the user wants
    /// to see both).
    IdDefinitions(Vec<NavigationTarget>),
}

/// The definition of the name at `offset`, or `None` when the cursor is on no
/// name or the name is defined nowhere the workspace can see.
pub fn goto_definition(
    parse: &Parse,
    workspace: &Workspace,
    offset: TextSize,
) -> Option<GotoDefinition> {
    let doc = parse.document();

    if let Some(id) = id_at(doc, offset) {
        let targets: Vec<NavigationTarget> = id_occurrences(doc)
            .into_iter()
            .filter(|o| o.is_definition && o.name == id.name)
            .map(|o| NavigationTarget {
                file: FileRef::Current,
                range: o.range,
                name: o.name,
            })
            .collect();
        return (!targets.is_empty()).then_some(GotoDefinition::IdDefinitions(targets));
    }

    let kind = doc
        .entries
        .iter()
        .filter_map(|e| e.kind.as_ref())
        .find(|k| k.range.contains_inclusive(offset));
    if let Some(kind) = kind {
        let sources = procedure_sources(workspace, &case_procedures(doc));
        let (source, decl) = find_event(&sources, &kind.value)?;
        return Some(GotoDefinition::Declaration(elsewhere(
            source,
            decl.name.range,
            &decl.name.value,
        )));
    }

    let proc_name = doc
        .header
        .as_ref()
        .and_then(|h| h.procedures.as_ref())
        .and_then(|ps| ps.iter().find(|p| p.range.contains_inclusive(offset)));
    if let Some(name) = proc_name
        && let Some(target) = procedure_target(workspace, &name.value)
    {
        return Some(GotoDefinition::Declaration(target));
    }
    definitions_file_target(doc, workspace, offset).map(GotoDefinition::Declaration)
}

/// Inside a `procedure` block: an event named by a `deadline` or `require`
/// line goes to its `event` line (here or in a procedure it uses), and a
/// `use NAME` goes to that procedure.
fn definitions_file_target(
    doc: &Document,
    workspace: &Workspace,
    offset: TextSize,
) -> Option<NavigationTarget> {
    let proc = doc
        .procedures
        .iter()
        .find(|p| p.range.contains_inclusive(offset))?;
    if let Some(used) = proc
        .uses
        .iter()
        .find(|u| u.range.contains_inclusive(offset))
    {
        return procedure_target(workspace, &used.value);
    }
    let named = proc
        .deadlines
        .iter()
        .flat_map(|d| [&d.target, &d.start])
        .chain(proc.requires.iter().flat_map(|r| [&r.first, &r.then]))
        .find(|n| n.range.contains_inclusive(offset))?;
    if let Some(decl) = proc.events.iter().find(|e| e.name.value == named.value) {
        return Some(NavigationTarget {
            file: FileRef::Current,
            range: decl.name.range,
            name: decl.name.value.clone(),
        });
    }
    let used: Vec<String> = proc.uses.iter().map(|u| u.value.clone()).collect();
    let sources = procedure_sources(workspace, &used);
    let (source, decl) = find_event(&sources, &named.value)?;
    Some(elsewhere(source, decl.name.range, &decl.name.value))
}

/// The `procedure NAME` line of the procedure `name`.
fn procedure_target(workspace: &Workspace, name: &str) -> Option<NavigationTarget> {
    let sources = procedure_sources(workspace, &[name.to_owned()]);
    let source = sources.first()?;
    let def = source.def()?;
    Some(elsewhere(source, def.name.range, &def.name.value))
}

/// A place in a procedure's source. Even when that source is the file asked
/// about (a `use` of a procedure defined further down), it is named by its
/// origin: the workspace's copy of the file is the one the range is in.
fn elsewhere(
    source: &ProcedureSource,
    range: caseline_syntax::TextRange,
    name: &str,
) -> NavigationTarget {
    NavigationTarget {
        file: FileRef::Other(source.origin.clone()),
        range,
        name: name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use caseline_workspace::Origin;

    use super::GotoDefinition;
    use crate::fixture::Fixture;
    use crate::navigation::{FileRef, NavigationTarget, source_parse};

    /// Each target as `file: «name» in: its whole line`.
    fn goto(fixture: &str) -> String {
        let f = Fixture::new(fixture);
        let show = |t: &NavigationTarget| {
            let (file, text) = match &t.file {
                FileRef::Current => ("this file".to_owned(), f.text().to_owned()),
                FileRef::Other(origin) => {
                    let parse = source_parse(&f.workspace, origin).expect("a source");
                    let file = match origin {
                        Origin::Builtin(name) => format!("builtin {name}"),
                        Origin::File(path) => path.display().to_string(),
                    };
                    (file, parse.text().to_owned())
                }
            };
            let index = caseline_syntax::LineIndex::new(&text);
            let line = index.line_range(index.line_of(t.range.start()));
            assert_eq!(&text[t.range], t.name);
            format!("{file}: «{}» in: {}\n", t.name, text[line].trim())
        };
        match super::goto_definition(&f.parse, &f.workspace, f.offset) {
            None => "nothing".to_owned(),
            Some(GotoDefinition::Declaration(t)) => show(&t),
            Some(GotoDefinition::IdDefinitions(ts)) => {
                ts.iter().map(|t| format!("id {}", show(t))).collect()
            }
        }
    }

    #[track_caller]
    fn check(fixture: &str, expect: &str) {
        assert_eq!(goto(fixture), expect.strip_prefix('\n').unwrap_or(expect));
    }

    const CASE: &str = r#"
case "1"
  procedure children-statutory

2024-11-01 stage2.report
  rec r1 "Apologise"
"#;

    #[test]
    fn an_id_goes_to_its_rec_line() {
        check(
            &format!("{CASE}2024-11-20 done r1$0\n"),
            r#"
id this file: «r1» in: rec r1 "Apologise"
"#,
        );
    }

    #[test]
    fn an_id_defined_twice_goes_to_both() {
        check(
            &format!("{CASE}  promise r1 \"Meet\"\n2024-11-20 done r$01\n"),
            r#"
id this file: «r1» in: rec r1 "Apologise"
id this file: «r1» in: promise r1 "Meet"
"#,
        );
    }

    #[test]
    fn an_id_nothing_defines_goes_nowhere() {
        check(&format!("{CASE}2024-11-20 done r$02\n"), "nothing");
    }

    #[test]
    fn an_event_kind_goes_to_its_declaration_in_the_built_in_procedure() {
        check(
            &CASE.replace("stage2.re", "stage2.re$0"),
            r#"
builtin children-statutory: «stage2.report» in: event stage2.report "investigating officer's report" recommends
"#,
        );
    }

    #[test]
    fn a_misspelt_event_or_a_case_with_no_procedure_line_goes_nowhere() {
        check(&CASE.replace("stage2.report", "stage2.rep$0rt"), "nothing");
        check(
            &CASE
                .replace("  procedure children-statutory\n", "")
                .replace("stage2.re", "stage2.re$0"),
            "nothing",
        );
    }

    #[test]
    fn a_procedure_name_goes_to_its_procedure_line() {
        check(
            &CASE.replace("children-statutory", "children-statutory$0"),
            r#"
builtin children-statutory: «children-statutory» in: procedure children-statutory
"#,
        );
        check(
            &CASE.replace("children-statutory", "childrens-statutory$0"),
            "nothing",
        );
    }

    const LOCAL: &str = r#"
//- /w/defs/local.case
procedure local
  use children-statutory
  event a.received "Received"
  event a.response "Response"
  deadline a.response within 5wd of a.received
  deadline a.received within 20wd of stage1.response
"#;

    #[test]
    fn a_workspace_event_goes_to_its_definitions_file() {
        check(
            &format!(
                "{LOCAL}//- /w/case.case\ncase \"1\"\n  procedure local\n\n2024-01-02 a.rec$0eived\n"
            ),
            r#"
/w/defs/local.case: «a.received» in: event a.received "Received"
"#,
        );
    }

    #[test]
    fn in_a_definitions_file_names_go_to_their_declarations() {
        // An event of this procedure: its line here.
        check(
            &LOCAL.replace("of a.received", "of a.rec$0eived"),
            r#"
this file: «a.received» in: event a.received "Received"
"#,
        );
        // An event of a procedure it uses, and the procedure itself.
        check(
            &LOCAL.replace("of stage1.response", "of stage1.resp$0onse"),
            r#"
builtin children-statutory: «stage1.response» in: event stage1.response "stage 1 response"
"#,
        );
        check(
            &LOCAL.replace("use children", "use chil$0dren"),
            r#"
builtin children-statutory: «children-statutory» in: procedure children-statutory
"#,
        );
        // A title or a keyword is no name.
        check(
            &LOCAL.replace("  event a.rec", "  ev$0ent a.rec"),
            "nothing",
        );
    }
}
