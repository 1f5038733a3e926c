//! The workspace rule on files held in memory: which definitions and which
//! `caseline.toml` a file sees, and what an editor's unsaved text changes.

use super::*;

const DEFS: &str = "procedure local\n  event a.received \"Received\"\n";
const CASE: &str = "case \"1\"\n  procedure local\n\n2024-01-02 a.received\n";

fn fs(files: &[(&str, &str)]) -> MemoryFs {
    let mut fs = MemoryFs::new();
    for (path, text) in files {
        fs.insert(*path, *text);
    }
    fs
}

fn defined(ws: &Workspace) -> Vec<String> {
    ws.files.values().map(|f| f.display.clone()).collect()
}

#[test]
fn a_file_without_a_config_sees_its_own_folder_only() {
    let fs = fs(&[
        ("/dl/letter.case", CASE),
        ("/dl/defs.case", DEFS),
        ("/dl/sub/other.case", "procedure other\n  event b.x \"X\"\n"),
    ]);
    let scope = Scope::of_file(&fs, Path::new("/dl/letter.case"));
    assert_eq!(
        (scope.root.as_path(), scope.recursive),
        (Path::new("/dl"), false)
    );
    let ws = Workspace::load(&fs, &scope);
    assert_eq!(defined(&ws), ["defs.case"]);
    assert!(ws.definitions.procedure("local").is_some());
    assert!(
        ws.definitions.procedure("other").is_none(),
        "subfolders are not walked"
    );
}

#[test]
fn the_nearest_config_above_makes_its_folder_tree_the_workspace() {
    let fs = fs(&[
        ("/p/caseline.toml", "calendar = \"scotland\"\n"),
        ("/p/procedures/local.case", DEFS),
        ("/p/cases/2024/one.case", CASE),
    ]);
    let scope = Scope::of_file(&fs, Path::new("/p/cases/2024/one.case"));
    assert_eq!(scope.root, Path::new("/p"));
    assert!(scope.recursive);
    let ws = Workspace::load(&fs, &scope);
    assert_eq!(defined(&ws), ["procedures/local.case"]);
    assert_eq!(ws.config.calendar.as_deref(), Some("scotland"));
    // A folder below the config is governed by it too.
    assert_eq!(Scope::of_folder(&fs, Path::new("/p/cases")), scope);
}

#[test]
fn a_folder_without_a_config_is_its_own_tree() {
    let fs = fs(&[("/f/a/defs.case", DEFS), ("/f/b/c.case", CASE)]);
    let ws = Workspace::load(&fs, &Scope::of_folder(&fs, Path::new("/f")));
    assert_eq!(defined(&ws), ["a/defs.case"]);
}

#[test]
fn excluded_files_define_nothing() {
    let fs = fs(&[
        ("/p/caseline.toml", "exclude = [\"archive/**\"]\n"),
        ("/p/archive/old.case", DEFS),
    ]);
    let ws = Workspace::load(&fs, &Scope::of_folder(&fs, Path::new("/p")));
    assert!(ws.files.is_empty());
    assert!(!ws.filter.allows(Path::new("/p/archive/old.case")));
}

#[test]
fn a_broken_config_is_reported_and_the_defaults_apply() {
    let fs = fs(&[
        ("/p/caseline.toml", "calender = \"x\"\n"),
        ("/p/defs.case", DEFS),
    ]);
    let ws = Workspace::load(&fs, &Scope::of_folder(&fs, Path::new("/p")));
    let problem = ws.config_problem.as_ref().expect("a problem");
    assert_eq!(problem.path, Path::new("/p/caseline.toml"));
    assert!(problem.message.contains("calender"), "{}", problem.message);
    assert_eq!(ws.config, Config::default());
    // The definitions still load.
    assert_eq!(defined(&ws), ["defs.case"]);
}

#[test]
fn problems_belong_to_the_file_they_are_in() {
    let fs = fs(&[("/w/a.case", DEFS), ("/w/b.case", DEFS)]);
    let ws = Workspace::load(&fs, &Scope::of_folder(&fs, Path::new("/w")));
    assert!(ws.problems_of(Path::new("/w/a.case")).is_empty());
    let b = ws.problems_of(Path::new("/w/b.case"));
    assert_eq!(b.len(), 1, "{b:?}");
    assert_eq!(b[0].rule, caseline_check::Rule::DefinitionConflict);
    assert_eq!(
        ws.procedure_origin("local"),
        Some(Origin::File(PathBuf::from("/w/a.case")))
    );
    assert_eq!(
        ws.procedure_origin("lgsco"),
        Some(Origin::Builtin("lgsco".to_string()))
    );
}

#[test]
fn unsaved_text_replaces_the_file_on_disk() {
    let fs = fs(&[("/w/defs.case", DEFS)]);
    let ws = Workspace::load(&fs, &Scope::of_folder(&fs, Path::new("/w")));
    let renamed = caseline_syntax::parse("procedure renamed\n  event a.x \"X\"\n");
    let edited = ws.with_file(Path::new("/w/defs.case"), Some(Arc::new(renamed)));
    assert!(edited.definitions.procedure("renamed").is_some());
    assert!(edited.definitions.procedure("local").is_none());
    // Turned into a case: it defines nothing any more.
    let as_case = ws.with_file(
        Path::new("/w/defs.case"),
        Some(Arc::new(caseline_syntax::parse(CASE))),
    );
    assert!(as_case.files.is_empty());
    // Outside the workspace: no effect.
    let outside = ws.with_file(
        Path::new("/elsewhere/x.case"),
        Some(Arc::new(caseline_syntax::parse(DEFS))),
    );
    assert_eq!(defined(&outside), ["defs.case"]);
}

#[test]
fn the_definitions_test_needs_a_definition() {
    assert!(is_definitions(&caseline_syntax::parse(DEFS)));
    assert!(!is_definitions(&caseline_syntax::parse(CASE)));
    assert!(!is_definitions(&caseline_syntax::parse("")));
    assert!(!is_definitions(&caseline_syntax::parse(
        "# only a comment\n"
    )));
}

#[cfg(feature = "native")]
#[test]
fn the_real_file_system_walks_one_folder_or_a_tree_and_honours_gitignore() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    for (name, text) in [
        ("top.case", CASE),
        ("sub/deep.case", DEFS),
        ("ignored/x.case", DEFS),
        (".hidden/y.case", DEFS),
        (".gitignore", "ignored/\n"),
        ("notes.txt", "not a case"),
    ] {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    let names = |recursive| {
        let (files, problems) = NativeFs.case_files(root, recursive);
        assert!(problems.is_empty(), "{problems:?}");
        files
            .iter()
            .map(|f| relative_display(root, f))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(false), ["top.case"]);
    assert_eq!(names(true), ["sub/deep.case", "top.case"]);
    assert!(NativeFs.read(&root.join("top.case")).is_ok());
    assert_eq!(
        NativeFs.read(&root.join("missing.case")),
        Err("no such file".to_string())
    );
}
