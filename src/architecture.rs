//! Rules about the shape of the source tree, checked by reading `src/**/*.rs`.
//!
//! SPEC §5 and STYLE §1 set rules no compiler checks: every site address is built by
//! `model/paths.rs`, and data flows one way (analyze and render read the model, never
//! the raw sources of `load/`). Written down only, such rules rot with the first
//! hurried change; here each is a test that names the file and line that breaks it.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, in name order, so failures list in a stable order.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .collect();
    entries.sort();
    let mut files = Vec::new();
    for path in entries {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `file:line: text` for every line of the files under `src/<under>` that contains
/// `needle`, except in the files `allowed` (paths relative to `src/`).
fn lines_with(under: &str, needle: &str, allowed: &[&str]) -> Vec<String> {
    let root = src();
    let mut found = Vec::new();
    for file in rust_files(&root.join(under)) {
        let relative = file.strip_prefix(&root).expect("under src/");
        let shown = relative.to_string_lossy().replace('\\', "/");
        if allowed.contains(&shown.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a UTF-8 source file");
        for (number, line) in text.lines().enumerate() {
            if line.contains(needle) {
                found.push(format!("src/{shown}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    found
}

// The needles are spelt with `concat!` so that this file does not match itself.

#[test]
fn no_address_is_built_outside_paths() {
    let found = lines_with("", concat!("format!", "(\"/"), &["model/paths.rs"]);
    assert!(
        found.is_empty(),
        "site addresses are built in src/model/paths.rs (one function per kind of page \
         or file); replace these with a call to it:\n{}",
        found.join("\n")
    );
}

#[test]
fn later_stages_see_the_model_not_the_raw_sources() {
    let needle = concat!("crate::", "load");
    let found: Vec<String> = ["analyze", "render", "check", "output"]
        .into_iter()
        .flat_map(|stage| lines_with(stage, needle, &[]))
        .collect();
    assert!(
        found.is_empty(),
        "analyze/, render/, check/ and output/ read the model (SPEC §5: load -> model -> \
         analyze -> render -> output); name these through crate::model, moving a shared \
         word to model/vocabulary.rs if need be:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_vocabulary_imports_nothing_from_the_crate() {
    // load/ imports model/vocabulary.rs; were the vocabulary to import the crate,
    // load would depend on the rest of the model through it.
    let found = lines_with("model", concat!("use ", "crate::"), &[])
        .into_iter()
        .filter(|l| l.starts_with("src/model/vocabulary.rs:"))
        .collect::<Vec<_>>();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn finds_a_line_that_builds_an_address() {
    // The rule above is only as good as its search: it must see a real hit.
    let found = lines_with("model", concat!("format!", "(\"/"), &[]);
    assert!(
        found.iter().any(|l| l.starts_with("src/model/paths.rs:")),
        "{found:?}"
    );
}
