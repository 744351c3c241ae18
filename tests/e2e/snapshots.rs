//! Expected output, reviewed and committed under `tests/e2e/snapshots/` (insta): the
//! full error text of a few bad sites, the `<main>` of a few pages of a small site and
//! a few SVG charts. A change in what readers and editors see shows up as a diff to
//! review (`cargo insta review`, or `INSTA_UPDATE=always` and `git diff`), where a
//! `contains()` would still pass.

use crate::harness::{built, Site};

/// `msoko build` of a site that must fail: its stderr, timings replaced by `[T]`.
fn errors_of(site: &Site) -> String {
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "expected a failure:\n{}", run.stderr);
    redact_times(&run.stderr)
}

/// Durations («0,02 с») differ from run to run.
fn redact_times(text: &str) -> String {
    text.lines()
        .map(|line| {
            let words: Vec<&str> = line.split(' ').collect();
            let mut out = Vec::with_capacity(words.len());
            for (i, word) in words.iter().enumerate() {
                let is_number = !word.is_empty()
                    && word.chars().all(|c| c.is_ascii_digit() || c == ',')
                    && word.starts_with(|c: char| c.is_ascii_digit());
                let unit = words
                    .get(i + 1)
                    .map(|w| w.trim_end_matches([',', ';', ')']));
                if is_number && matches!(unit, Some("с" | "мс")) {
                    out.push("[T]");
                } else {
                    out.push(word);
                }
            }
            out.join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `<main>` element of an output page: the page's own part, not the theme's frame.
fn main_of(site: &Site, path: &str) -> String {
    let html = site.read(path);
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    html[start..end].to_string()
}

#[test]
fn errors_of_bad_front_matter() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: Первая новость\ndate: 2025-02-01\nautor: Иванов\n---\n",
    )
    .write(
        "content/news/second.md",
        "---\ntitle: Вторая новость\ndate: 31.13.2025\n---\n",
    );
    insta::assert_snapshot!(errors_of(&site));
}

#[test]
fn errors_of_bad_site_settings() {
    let site = Site::fixture("basic");
    let text = site
        .read_source("site.yaml")
        .replace("https://edu.test.example.ru", "edu.test.example.ru")
        .replace("url: \"/documents/\"", "url: \"documents\"");
    site.write("site.yaml", &format!("{text}privacy:\n  min_group: 2\n"));
    insta::assert_snapshot!(errors_of(&site));
}

#[test]
fn errors_of_bad_indicators() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/indicators/doshkolnoe.yaml",
        "indicators:\n  - id: dou-staffing\n    title: \"Укомплектованность детских садов педагогами\"\n    unit: \"%\"\n    better: higher\n    period: school_year\n    values: {municipality: {\"2023/24\": 91.5, \"2024/25\": 93.0}, ds-1: {\"2024/25\": 95.0}}\n  - id: dou-staffing\n    title: \"Повтор\"\n    unit: \"%\"\n    better: higher\n  - id: \"Плохой id\"\n    title: \"Показатель\"\n    unit: \"%\"\n    better: higher\ndirection:\n  id: doshkolnoe\n  title: \"Дошкольное образование\"\n  weight: 2\n",
    );
    insta::assert_snapshot!(errors_of(&site));
}

#[test]
fn pages_of_a_small_site() {
    let site = &built("basic").site;
    for (name, path) in [
        ("news_first", "news/first/index.html"),
        ("news_list", "news/index.html"),
        ("document", "documents/order/index.html"),
    ] {
        insta::assert_snapshot!(format!("page_{name}"), main_of(site, path));
    }
}

/// The `<svg>` chart whose title has the id `{id}-title`, as the page inlines it.
fn chart_of(site: &Site, path: &str, id: &str) -> String {
    let html = site.read(path);
    let label = format!("aria-labelledby=\"{id}-title ");
    let at = html
        .find(&label)
        .unwrap_or_else(|| panic!("no chart {id} in {path}"));
    let start = html[..at].rfind("<svg").expect("an <svg>");
    let end = at + html[at..].find("</svg>").expect("a </svg>") + "</svg>".len();
    html[start..end].to_string()
}

#[test]
fn svg_charts_of_a_line_a_bar_and_a_stack() {
    let site = &built("monitoring").site;
    for (name, path, id) in [
        ("trend", "indicators/vpr-low/index.html", "trend-vpr-low-0"),
        ("orgs", "indicators/vpr-low/index.html", "orgs-vpr-low-0"),
        (
            "distribution",
            "indicators/vpr-marks/index.html",
            "dist-vpr-marks",
        ),
    ] {
        insta::assert_snapshot!(format!("chart_{name}"), chart_of(site, path, id));
    }
}
