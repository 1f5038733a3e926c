//! Logging setup: `tracing` to stderr (stdout carries results, or the LSP channel),
//! filtered by `CASELINE_LOG` (e.g. `CASELINE_LOG=debug`, default `warn`), with
//! colour only when stderr is a terminal and `NO_COLOR` is unset.

/// Installs the global subscriber. Call once, before any command runs.
pub fn init() {
    let filter = tracing_subscriber::EnvFilter::builder()
        .with_default_directive(tracing::level_filters::LevelFilter::WARN.into())
        .with_env_var("CASELINE_LOG")
        .from_env_lossy();
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr())
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(filter)
        .with_ansi(ansi)
        .init();
}
