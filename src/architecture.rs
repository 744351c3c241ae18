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

/// The code of a source file without its tests (everything from the first
/// `#[cfg(test)]`, where the tests of this crate sit) and without whole-line comments.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An identifier at the start of `text` and the rest after it.
fn ident(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    text.split_at(end)
}

fn is_type(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
}

/// What `code` (one file of render/) does with analyze beyond reading its results:
/// every item it names through a path into analyze that is not a type (a function,
/// a constant or a whole module), and every associated function it calls on a type
/// of analyze (`Standing::from_values(…)`) other than `default` (an empty value
/// computes nothing). Returns one line per breach.
fn analyze_calls(code: &str) -> Vec<String> {
    let prefix = concat!("crate::", "analyze");
    let mut breaches = Vec::new();
    let mut types = Vec::new();
    for (start, _) in code.match_indices(prefix) {
        let mut rest = &code[start + prefix.len()..];
        loop {
            let Some(after) = rest.strip_prefix("::") else {
                breaches.push(format!("the module itself: {prefix}"));
                break;
            };
            if let Some(group) = after.strip_prefix('{') {
                let inner = &group[..group.find('}').unwrap_or(group.len())];
                for item in inner.split(',').map(str::trim).filter(|i| !i.is_empty()) {
                    let name = item.split(" as ").next().unwrap_or(item);
                    let name = name.rsplit("::").next().unwrap_or(name).trim();
                    if is_type(name) {
                        types.push(name.to_string());
                    } else {
                        breaches.push(format!("{name} (not a type)"));
                    }
                }
                break;
            }
            let (name, next) = ident(after);
            if next.starts_with("::") && !is_type(name) {
                rest = next; // a module on the way to an item
                continue;
            }
            if is_type(name) {
                types.push(name.to_string());
                // A path that goes on past the type names its associated item.
                let (item, call) = ident(next.strip_prefix("::").unwrap_or(""));
                if next.starts_with("::") && !is_type(item) && call.starts_with('(') {
                    breaches.push(format!("{name}::{item}(…)"));
                }
            } else {
                breaches.push(format!("{name} (not a type)"));
            }
            break;
        }
    }
    for name in types {
        let needle = format!("{name}::");
        for (start, _) in code.match_indices(&needle) {
            let before = code[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue; // another type's name ends so, or the import path itself
            }
            let (item, call) = ident(&code[start + needle.len()..]);
            if !is_type(item) && item != "default" && call.starts_with('(') {
                breaches.push(format!("{name}::{item}(…)"));
            }
        }
    }
    breaches.sort();
    breaches.dedup();
    breaches
}

/// Render only reads what analysis computed (issue 16: a per-snapshot `Analysis`
/// built before render; render never calls analyze). The check is on names: from
/// analyze, render/ may import types only (structs and enums, named in CamelCase), and
/// may call no associated function of them, so every function of analyze is out
/// of its reach; a result it needs is computed in `analyze::run` and stored in
/// `Analysis`. Methods called on values of those types (`analysis.indicator(…)`,
/// `objectivity.findings_of(…)`) are the look-ups analyze offers for reading its
/// results and are not checked here: a method that computes belongs in `run` too.
#[test]
fn render_calls_no_function_of_analyze() {
    let root = src();
    let mut found = Vec::new();
    for file in rust_files(&root.join("render")) {
        let text = std::fs::read_to_string(&file).expect("a UTF-8 source file");
        let shown = file.strip_prefix(&root).expect("under src/").display();
        for breach in analyze_calls(&code_of(&text)) {
            found.push(format!("src/{shown}: {breach}"));
        }
    }
    assert!(
        found.is_empty(),
        "render/ reads the results of analysis and calls none of its functions; compute \
         these in analyze::run and store the result in Analysis:\n{}",
        found.join("\n")
    );
}

#[test]
fn finds_a_call_into_analyze() {
    // The rule above is only as good as its reading of paths: it must see each form.
    let code = concat!(
        "use crate::",
        "analyze::{compute_effect, Analysis, Standing};\n",
        "use crate::",
        "analyze::objectivity::{Finding, testing_rules};\n",
        "use crate::",
        "analyze::objectivity::ChangeKind;\n",
        "let n = crate::",
        "analyze::group_size(i, p, q);\n",
        "let s = Standing::from_values(i, v, m, n);\n",
        "let t = crate::",
        "analyze::Trend::of(a, b);\n",
        "let e = Analysis::default();\n",
        "let k = ChangeKind::Cohort;\n",
        "use crate::",
        "analyze;\n",
    );
    assert_eq!(
        analyze_calls(code),
        [
            "Standing::from_values(…)",
            "Trend::of(…)",
            "compute_effect (not a type)",
            "group_size (not a type)",
            "testing_rules (not a type)",
            concat!("the module itself: crate::", "analyze"),
        ]
    );
}
