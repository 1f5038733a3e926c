//! Frees replaced document snapshots on a background thread.
//!
//! Every keystroke replaces the open document's snapshot; freeing the old one
//! (its tree-sitter tree, typed document and analysis: tens of thousands of
//! allocations on a long timeline) took ~0.5 ms of the 5 ms between a change
//! and its diagnostics. Nothing waits for the memory, so it is handed to one
//! long-lived thread instead. If that thread cannot be started, values are
//! freed where they are, as before.
//! Must not depend on handler modules or on rule logic.

use std::sync::OnceLock;
use std::sync::mpsc::{Sender, channel};

type Garbage = Box<dyn Send>;

/// Drops `value` later, on the disposal thread.
pub fn dispose<T: Send + 'static>(value: T) {
    static BIN: OnceLock<Option<Sender<Garbage>>> = OnceLock::new();
    let bin = BIN.get_or_init(|| {
        let (tx, rx) = channel::<Garbage>();
        std::thread::Builder::new()
            .name("caseline-disposal".to_string())
            .spawn(move || {
                // Each value is dropped as it arrives; the loop ends when the
                // process does (the sender lives in a static).
                for garbage in rx {
                    drop(garbage);
                }
            })
            .ok()
            .map(|_| tx)
    });
    if let Some(tx) = bin {
        // A send fails only if the thread has gone; then the value comes
        // back inside the error and is dropped here.
        let _ = tx.send(Box::new(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    #[test]
    fn a_disposed_value_is_dropped_on_another_thread() {
        struct Tell(std::sync::mpsc::Sender<std::thread::ThreadId>);
        impl Drop for Tell {
            fn drop(&mut self) {
                let _ = self.0.send(std::thread::current().id());
            }
        }
        let (tx, rx) = std::sync::mpsc::channel();
        dispose(Tell(tx));
        let dropped_on = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("the value is dropped");
        assert_ne!(dropped_on, std::thread::current().id());
    }

    #[test]
    fn shared_values_live_while_someone_holds_them() {
        let shared = Arc::new(vec![1, 2, 3]);
        dispose(Arc::clone(&shared));
        let start = Instant::now();
        while Arc::strong_count(&shared) > 1 && start.elapsed() < Duration::from_secs(10) {
            std::thread::yield_now();
        }
        assert_eq!(Arc::strong_count(&shared), 1);
        assert_eq!(*shared, vec![1, 2, 3]);
    }
}
