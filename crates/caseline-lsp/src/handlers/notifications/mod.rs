//! Notification handlers: each applies its state change synchronously (no
//! `.await`), so edits land in arrival order. Must not publish directly: they
//! schedule publishes through the session.

pub mod did_change;
pub mod did_change_watched_files;
pub mod did_change_workspace_folders;
pub mod did_close;
pub mod did_open;
pub mod did_save;
pub mod initialized;
