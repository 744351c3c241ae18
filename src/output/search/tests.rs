//! The browser must make the same terms as the index build, or a query misses what
//! the index holds. This test runs the theme's `search.js` in node on every line of
//! the demo site's content and data (thousands of Russian words in every form) and
//! compares its terms with ours. Without node it says so and passes, except in CI.

use std::path::Path;
use std::process::Command;

use super::terms::terms;

/// Every non-empty line of the demo site's Markdown and YAML.
fn demo_lines() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut lines = Vec::new();
    for dir in ["content", "data"] {
        for entry in walkdir::WalkDir::new(root.join(dir))
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if !path
                .extension()
                .is_some_and(|e| e == "md" || e == "yaml" || e == "csv")
            {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            lines.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
        }
    }
    lines.sort();
    lines.dedup();
    lines
}

#[test]
fn search_js_makes_the_same_terms_as_the_index() {
    let mut texts = demo_lines();
    // Cases the demo may not have: ё, capitals, mixtures, separators, stop words.
    texts.extend(
        [
            "ЁЛКА Ёжик учёт «Медалисты» — 178-П, 5А класс",
            "и в на по с у к о для без · … №1 ВПР/ОГЭ/ЕГЭ",
            "прочитавши вставшись красивейшими стремительнейше обязанностью",
        ]
        .map(String::from),
    );
    assert!(
        texts.len() > 1000,
        "the demo site has {} lines",
        texts.len()
    );
    let cases: Vec<serde_json::Value> = texts
        .iter()
        .map(|text| serde_json::json!({ "text": text, "terms": terms(text) }))
        .collect();
    let words: usize = cases
        .iter()
        .map(|c| c["terms"].as_array().unwrap().len())
        .sum();
    assert!(words > 10_000, "only {words} words");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cases.json");
    std::fs::write(&file, serde_json::to_vec(&cases).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/search/parity.mjs");
    let output = match Command::new("node").arg(&script).arg(&file).output() {
        Ok(output) => output,
        Err(error) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "node is needed in CI: {error}"
            );
            eprintln!("search.js parity not checked: node not found ({error})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains(" 0 failed"), "{stdout}");
}
