//! Compiles the generated C parser and the external scanner into the crate.
//! Must not depend on anything but `cc` (no tree-sitter CLI at build time: the
//! generated `src/` is committed).

fn main() {
    let src_dir = std::path::Path::new("src");

    let mut c_config = cc::Build::new();
    c_config.std("c11").include(src_dir);

    #[cfg(target_env = "msvc")]
    c_config.flag("-utf-8");

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
