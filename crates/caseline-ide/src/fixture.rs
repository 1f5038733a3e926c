//! Test fixtures in rust-analyzer's style: the text of a file with `$0` where
//! the cursor is (two `$0` mark a range), optionally after other files of
//! the same workspace, each introduced by a `//- /path` line:
//!
//! ```text
//! //- /w/defs/local.case
//! procedure local
//!   event a.received "Received"
//! //- /w/case.case
//! case "1"
//!   procedure local
//!
//! 2024-01-02 a.rec$0eived
//! ```
//!
//! The file with the cursor is the one asked about. The files live in a
//! [`MemoryFs`] with a `caseline.toml` at `/w`, so `/w` and its subfolders are
//! one workspace, loaded as the server loads an editor folder. "Today" is
//! pinned to [`today`]; nothing reads the clock or the disk.

use std::path::{Path, PathBuf};

use caseline_check::{Analysis, CheckOptions};
use caseline_syntax::{Parse, TextRange, TextSize};
use caseline_workspace::{MemoryFs, Scope, Workspace};
use chrono::NaiveDate;

/// The day every fixture is checked on: Wednesday 15 January 2025.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 15).expect("2025-01-15 is a real day")
}

const CURSOR: &str = "$0";

pub struct Fixture {
    pub parse: Parse,
    /// The cursor (the start of the range, when two `$0` mark one).
    pub offset: TextSize,
    /// From the first `$0` to the second; the whole file when there is one.
    pub range: TextRange,
    pub workspace: Workspace,
    pub analysis: Analysis,
}

impl Fixture {
    pub fn new(fixture: &str) -> Fixture {
        // `r#"` followed by a line break reads best in a test.
        let fixture = fixture.strip_prefix('\n').unwrap_or(fixture);
        let files = split_files(fixture);
        let mut fs = MemoryFs::new();
        fs.insert("/w/caseline.toml", "");
        let mut cursor: Option<(PathBuf, String, TextSize, Option<TextSize>)> = None;
        for (path, text) in files {
            let marks: Vec<usize> = text.match_indices(CURSOR).map(|(i, _)| i).collect();
            let clean = text.replace(CURSOR, "");
            if !marks.is_empty() {
                assert!(cursor.is_none(), "only one file may hold the cursor");
                assert!(marks.len() <= 2, "a cursor, or two marks for a range");
                let at = |i: usize| TextSize::from((marks[i] - i * CURSOR.len()) as u32);
                cursor = Some((
                    path.clone(),
                    clean.clone(),
                    at(0),
                    (marks.len() == 2).then(|| at(1)),
                ));
            }
            fs.insert(path, clean);
        }
        let (path, text, offset, end) = cursor.expect("the fixture has a `$0` cursor");
        let parse = caseline_syntax::parse(&text);
        let workspace = Workspace::load(&fs, &Scope::of_file(&fs, &path));
        let opts = CheckOptions {
            today: today(),
            as_of_override: None,
            config: workspace.config.clone(),
        };
        let analysis = caseline_check::check_with(
            &parse,
            &workspace.definitions,
            &opts,
            workspace.problems_of(&path),
        );
        let range = match end {
            Some(end) => TextRange::new(offset, end),
            None => TextRange::up_to(TextSize::of(text.as_str())),
        };
        Fixture {
            parse,
            offset,
            range,
            workspace,
            analysis,
        }
    }

    pub fn text(&self) -> &str {
        self.parse.text()
    }

    /// The text of `range` in the file asked about.
    pub fn slice(&self, range: TextRange) -> &str {
        &self.text()[range]
    }
}

/// `(path, text)` for each file; a fixture without `//-` lines is `/w/case.case`.
fn split_files(fixture: &str) -> Vec<(PathBuf, String)> {
    if !fixture.starts_with("//- ") {
        return vec![(PathBuf::from("/w/case.case"), fixture.to_owned())];
    }
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    for line in fixture.split_inclusive('\n') {
        if let Some(path) = line.strip_prefix("//- ") {
            files.push((Path::new(path.trim()).to_path_buf(), String::new()));
        } else if let Some((_, text)) = files.last_mut() {
            text.push_str(line);
        }
    }
    files
}

/// `text` with each range wrapped in `«»` (ranges must not overlap).
pub fn mark(text: &str, ranges: &[TextRange]) -> String {
    let mut ranges = ranges.to_vec();
    ranges.sort_by_key(|r| r.start());
    let mut out = String::new();
    let mut at = 0;
    for r in ranges {
        let (s, e) = (usize::from(r.start()), usize::from(r.end()));
        out.push_str(&text[at..s]);
        out.push('«');
        out.push_str(&text[s..e]);
        out.push('»');
        at = e;
    }
    out.push_str(&text[at..]);
    out
}
