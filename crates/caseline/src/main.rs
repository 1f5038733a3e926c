//! The `caseline` binary: parses arguments, sets up logging to stderr, dispatches
//! to one file per command in `commands/`, and maps the outcome to an exit code
//! (0 clean, 1 findings, 2 usage or I/O failure). No computation lives here.

mod commands;
mod discover;
mod logging;
mod render;
mod summary;
mod workspace;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: checking a folder is many small
/// allocations on every worker thread (tokens, messages, records), where
/// glibc's malloc spent about a sixth of a large run. ruff makes the same choice.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Check complaint-case timelines for missed statutory deadlines.
#[derive(Parser)]
#[command(name = "caseline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check .case files for missed deadlines, missing stages and unaddressed recommendations.
    Check(commands::check::CheckArgs),
    /// Format .case files in the one canonical layout.
    Fmt(commands::fmt::FmtArgs),
    /// List the checks, or explain one of them.
    Explain(commands::explain::ExplainArgs),
    /// Working-day arithmetic with the built-in calendars.
    Calendar(commands::calendar::CalendarArgs),
    /// Start a new case: its header to fill in and the procedure's stages to date.
    New(commands::new::NewArgs),
    /// List the procedures caseline knows, or show one's definition.
    Procedures(commands::procedures::ProceduresArgs),
    /// Draw a case as a timeline (one self-contained HTML page), or word its chronology as a decision does (--format text or markdown).
    Report(commands::report::ReportArgs),
    /// Run the language server over stdin/stdout (for editors).
    Lsp,
}

fn main() -> ExitCode {
    // clap exits with 2 on usage errors and 0 for --help/--version by itself.
    let cli = Cli::parse();
    logging::init();
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Fmt(args) => commands::fmt::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Calendar(args) => commands::calendar::run(args),
        Command::New(args) => commands::new::run(args),
        Command::Procedures(args) => commands::procedures::run(args),
        Command::Report(args) => commands::report::run(args),
        Command::Lsp => commands::lsp::run(),
    };
    commands::exit_code(result)
}
