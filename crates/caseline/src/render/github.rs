//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`).
//!
//! Escaping follows the runner's rules (actions/toolkit `command.ts`): in the
//! message `%`, `\r` and `\n` are percent-encoded; in property values `:` and `,`
//! are too, because they delimit the properties.

use super::{FileReport, Level, Sink, Unreadable, span};
use std::io::{self, Write};

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`) of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        // GitHub has no lower levels; a notice is the quiet one.
        Level::Info | Level::Hint => "notice",
    }
}

/// One workflow command per finding, written as the files come.
pub struct Github;

impl Sink for Github {
    fn files(&mut self, batch: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
        for file in batch {
            let path = escape_property(&file.path);
            for f in &file.findings {
                let (line, col, end_line, end_col) = span(&file.index, f.range);
                writeln!(
                    out,
                    "::{} file={path},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                    command(f.level),
                    escape_property(f.code),
                    escape_data(&f.message)
                )?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, unreadable: &[Unreadable], out: &mut dyn Write) -> io::Result<()> {
        for u in unreadable {
            writeln!(
                out,
                "::error file={},title=unreadable::{}",
                escape_property(&u.path),
                escape_data(&format!("{}: {}", u.path, u.message))
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::render::Report;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("100% late\r\nnext"), "100%25 late%0D%0Anext");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(escape_property("dir,x/a:b.case"), "dir%2Cx/a%3Ab.case");
        assert_eq!(escape_property("50%"), "50%25");
    }
}
