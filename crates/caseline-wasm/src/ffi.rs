//! The C ABI the page calls: the only `unsafe` in the crate.
//!
//! Protocol (one call at a time; WebAssembly in a page is single-threaded):
//! 1. `caseline_alloc(len)` returns a buffer of `len` bytes in the module's
//!    memory; the page copies the UTF-8 request into it.
//! 2. `caseline_call(ptr, len)` takes that buffer back (and frees it), runs
//!    the request and returns a pointer to the UTF-8 answer.
//! 3. `caseline_answer_len()` is the answer's length in bytes. The answer
//!    stays valid until the next `caseline_call`.
//!
//! Why no wasm-bindgen: these three functions are the whole boundary, the
//! module then has no imports at all, and the build needs no second tool whose
//! version must match a library's (docs/architecture.md, "crates/caseline-wasm").

use std::cell::RefCell;

thread_local! {
    /// The last answer, kept until the next call so the page can copy it out.
    static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A buffer of `len` bytes for the page to write a request into. Ownership
/// passes back with `caseline_call`.
#[unsafe(no_mangle)]
pub extern "C" fn caseline_alloc(len: usize) -> *mut u8 {
    let mut buf = Vec::<u8>::with_capacity(len.max(1));
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// Runs the request in `ptr[..len]` (a buffer from `caseline_alloc(len)`,
/// filled with `len` bytes) and returns the answer's address.
///
/// # Safety
/// `ptr` must come from `caseline_alloc(len)` with the same `len`, all `len`
/// bytes written, and not be used again after this call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn caseline_call(ptr: *mut u8, len: usize) -> *const u8 {
    // SAFETY: by the contract above, `ptr` was allocated by `caseline_alloc`
    // as a Vec<u8> with capacity `len.max(1)`, and `len` bytes are initialised.
    let request = unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) };
    let answer = match std::str::from_utf8(&request) {
        Ok(text) => crate::call(text),
        Err(_) => r#"{"error":"the request is not UTF-8"}"#.to_string(),
    };
    drop(request);
    ANSWER.with(|a| {
        let mut a = a.borrow_mut();
        *a = answer.into_bytes();
        a.as_ptr()
    })
}

/// The length in bytes of the answer `caseline_call` last returned.
#[unsafe(no_mangle)]
pub extern "C" fn caseline_answer_len() -> usize {
    ANSWER.with(|a| a.borrow().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_goes_in_and_an_answer_comes_out() {
        let request = br#"{"op":"format","text":"2024-01-01   note\n"}"#;
        let ptr = caseline_alloc(request.len());
        // SAFETY: `ptr` has room for `request.len()` bytes (just allocated).
        unsafe { std::ptr::copy_nonoverlapping(request.as_ptr(), ptr, request.len()) };
        // SAFETY: the buffer came from caseline_alloc with this length, filled.
        let answer = unsafe { caseline_call(ptr, request.len()) };
        let len = caseline_answer_len();
        // SAFETY: the answer is `len` bytes at `answer` until the next call.
        let text = unsafe { std::slice::from_raw_parts(answer, len) };
        let value: serde_json::Value = serde_json::from_slice(text).expect("JSON");
        assert!(value["ok"].is_string(), "{value}");
    }
}
