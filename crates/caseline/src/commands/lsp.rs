//! `caseline lsp`: runs the language server over stdin/stdout. Stdout is the
//! protocol channel from here on, so nothing else may print to it; logs go to
//! stderr through the subscriber `main` installed.

use super::Outcome;

#[tracing::instrument(skip_all)]
pub fn run() -> anyhow::Result<Outcome> {
    caseline_lsp::run_stdio()?;
    Ok(Outcome::Clean)
}
