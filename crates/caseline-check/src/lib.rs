//! caseline-check: procedures, the analysis of a case timeline, and the rule registry.
//! Knows nothing of LSP, JSON or terminals; reads no files and no clock.
