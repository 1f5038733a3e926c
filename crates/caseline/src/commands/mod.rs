//! One module per subcommand. Each gathers its inputs (arguments, files, the
//! clock), calls a library crate, and renders the result; none of them computes
//! anything a library could compute (the LSP must be able to do the same).

pub mod calendar;
pub mod check;
pub mod explain;
pub mod fmt;
pub mod lsp;
pub mod new;
pub mod procedures;
pub mod report;

/// "; did you mean `x`?" or "; did you mean one of: `x`, `y`?" for the
/// nearest names to one that is not known (nothing when there are none).
pub fn did_you_mean(near: &[&str]) -> String {
    match near {
        [] => String::new(),
        [one] => format!("; did you mean `{one}`?"),
        many => format!(
            "; did you mean one of: {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// How a command finished, as the exit code documents it (docs/format.md#output-contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report (exit 0).
    Clean,
    /// Errors found, or warnings under `--deny warnings`, or files that `fmt --check`
    /// would change (exit 1).
    Findings,
    /// A usage or I/O problem (exit 2).
    Failure,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failure => 2,
        }
    }
}

/// The process exit code for a command's result; errors are printed here, once.
pub fn exit_code(result: anyhow::Result<Outcome>) -> std::process::ExitCode {
    let outcome = match result {
        Ok(outcome) => outcome,
        // The reader went away (`caseline explain | head`): nothing left to say.
        Err(err) if is_broken_pipe(&err) => Outcome::Clean,
        Err(err) => {
            // `{:#}` prints the context chain on one line: "reading x: permission denied".
            anstream::eprintln!("error: {err:#}");
            Outcome::Failure
        }
    };
    std::process::ExitCode::from(outcome.code())
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Parses `YYYY-MM-DD` for `--as-of` and the calendar commands.
pub fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: write it as YYYY-MM-DD, e.g. 2024-11-05"))
}
