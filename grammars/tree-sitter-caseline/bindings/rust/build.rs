//! Compiles the generated C parser and the external scanner into the crate.
//! Must not depend on anything but `cc` (no tree-sitter CLI at build time: the
//! generated `src/` is committed).
//!
//! For `wasm32-unknown-unknown` (the browser build, `crates/caseline-wasm`)
//! there is no C library: `tree-sitter-language` publishes the small set of
//! headers tree-sitter's own runtime brings for that target
//! (`DEP_TREE_SITTER_LANGUAGE_WASM_HEADERS`), and the parser compiles against
//! those (with clang; `web/build.sh` sets `CC_wasm32_unknown_unknown`).

fn main() {
    let src_dir = std::path::Path::new("src");

    let mut c_config = cc::Build::new();
    c_config.std("c11").include(src_dir);

    #[cfg(target_env = "msvc")]
    c_config.flag("-utf-8");

    // Cargo runs build scripts on the host: the target is read from the
    // environment, not from `cfg`.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rerun-if-env-changed=DEP_TREE_SITTER_LANGUAGE_WASM_HEADERS");
        if let Ok(headers) = std::env::var("DEP_TREE_SITTER_LANGUAGE_WASM_HEADERS") {
            c_config.include(headers);
        }
    }

    for file in ["parser.c", "scanner.c"] {
        let path = src_dir.join(file);
        c_config.file(&path);
        println!(
            "cargo:rerun-if-changed={}",
            path.to_str().expect("source paths are ASCII")
        );
    }
    println!("cargo:rerun-if-changed=src/tree_sitter/parser.h");

    c_config.compile("tree-sitter-caseline");
}
