//! The output folder: deterministic, atomic, untouched by `check` and failed builds.

use std::fs;

use crate::harness::{built, snapshot, Site};

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let site = Site::fixture("basic");
    site.build();
    let first = snapshot(&site.public());
    fs::remove_dir_all(site.public()).unwrap();
    site.build();
    assert_eq!(first, snapshot(&site.public()));
}

#[test]
fn writes_to_out_and_leaves_no_staging_folders() {
    let site = Site::fixture("basic");
    let out = site.root.join("elsewhere/www");
    let run = site.run(&[
        "build",
        "--as-of",
        "2025-06-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(out.join("index.html").is_file());
    let names: Vec<_> = fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["www"]);
}

#[test]
fn a_rebuild_keeps_unchanged_files() {
    let site = Site::fixture("basic");
    site.build();
    site.write(
        "content/news/first.md",
        "---\ntitle: \"Первая новость\"\ndate: 2025-02-01\ndescription: \"Старая новость\"\n---\nИзменено.\n",
    );
    let run = site.build();
    // The page itself and the search index, which holds the text of every page.
    assert!(
        run.stderr.contains("записано 2, без изменений"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_writes_nothing() {
    let site = Site::fixture("openness");
    // In git, so that no open data set is left out (a ✘ of the checklist).
    site.commit_to_git();
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("Проверка завершена"));
    assert!(!site.public().exists());
}

#[test]
fn a_failed_build_leaves_the_previous_output_exactly_as_it_was() {
    let site = Site::fixture("basic");
    fails_keeping_the_output(&site, "---\ntitle: Первая\ndate: 2025-02-30\n---\n");
}

/// Builds `site`, then builds it again with `first` as its first news page, which
/// must fail and leave the output exactly as it was; the second build's stderr.
fn fails_keeping_the_output(site: &Site, first: &str) -> String {
    site.build();
    let before = snapshot(&site.public());
    site.write("content/news/first.md", first);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("Сайт не изменён"), "{}", run.stderr);
    assert_eq!(before, snapshot(&site.public()));
    run.stderr
}

// Issue 22: files stream into the staging folder while the site renders; an error
// found after many were written there (a broken link, from the link check) still
// leaves the previous output exactly as it was, and no staging folder beside it.
#[test]
fn issue22_an_error_found_after_files_were_streamed_leaves_the_output_as_it_was() {
    let site = Site::fixture("basic");
    let stderr = fails_keeping_the_output(
        &site,
        "---\ntitle: A\ndate: 2025-02-01\n---\nНовый текст.\n\nСм. [отчёт](/reports/2025/).\n",
    );
    assert!(stderr.contains("никуда не ведёт"), "{stderr}");
    let beside: Vec<_> = fs::read_dir(&site.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("msoko"))
        .collect();
    assert!(beside.is_empty(), "left beside the output: {beside:?}");
}

// Issue 22: the folders a failed build created for a new output are removed again.
#[test]
fn issue22_a_failed_build_into_a_new_folder_leaves_no_folders_behind() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 2025-02-01\n---\nСм. [отчёт](/reports/2025/).\n",
    );
    let out = site.root.join("elsewhere/www");
    let run = site.run(&[
        "build",
        "--as-of",
        "2025-06-01",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!site.root.join("elsewhere").exists());
}

#[test]
fn usage_errors_exit_with_2() {
    let site = Site::fixture("basic");
    assert_eq!(site.run(&["build", "--as-of", "20.11.2026"]).code, 2);
    assert_eq!(site.run(&["publish"]).code, 2);
}

#[test]
fn writes_a_sitemap_robots_and_feeds_of_dated_sections() {
    let site = &built("basic").site;
    let sitemap = site.read("sitemap.xml");
    roxmltree::Document::parse(&sitemap).expect("sitemap is XML");
    assert!(sitemap.contains("<url><loc>https://edu.test.example.ru/news/second/</loc><lastmod>2025-03-05</lastmod></url>"));
    assert!(site
        .read("robots.txt")
        .contains("Sitemap: https://edu.test.example.ru/sitemap.xml"));
    let rss = site.read("news/rss.xml");
    roxmltree::Document::parse(&rss).expect("RSS is XML");
    assert!(
        rss.find("Вторая новость").unwrap() < rss.find("Первая новость").unwrap(),
        "newest first"
    );
    assert!(rss.contains("<pubDate>Sat, 01 Mar 2025 00:00:00 +0000</pubDate>"));
    let atom = site.read("news/atom.xml");
    roxmltree::Document::parse(&atom).expect("Atom is XML");
    assert!(atom.contains("<updated>2025-03-05T00:00:00Z</updated>"));
    let news = site.read("news/index.html");
    assert!(news.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Новости (RSS)\" href=\"/news/rss.xml\">"));
    assert!(news.contains("<meta property=\"og:title\" content=\"Новости\">"));
}

/// The `content` of `<meta {attribute}="{name}" …>`, entities decoded.
fn meta(html: &str, attribute: &str, name: &str) -> Option<String> {
    let start = format!("<meta {attribute}=\"{name}\" content=\"");
    let rest = &html[html.find(&start)? + start.len()..];
    let value = &rest[..rest.find('"')?];
    Some(
        value
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&#x27;", "'")
            .replace("&#x2F;", "/")
            .replace("&amp;", "&"),
    )
}

// Issue #8, item 5: every page of the demo says what it is in its own words.
#[test]
fn every_page_of_the_demo_has_its_own_short_description() {
    let site = Site::demo();
    let run = site.run(&["build", "--as-of", "2026-11-20"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut seen: std::collections::BTreeMap<String, String> = Default::default();
    for (url, html) in crate::harness::html_pages(&site.public()) {
        if url == "/404.html" {
            continue;
        }
        let description = meta(&html, "name", "description")
            .unwrap_or_else(|| panic!("{url}: no <meta name=\"description\">"));
        assert_eq!(
            meta(&html, "property", "og:description").as_deref(),
            Some(description.as_str()),
            "{url}: Open Graph follows the description"
        );
        assert!(
            description.chars().count() <= 200,
            "{url}: {} characters: {description}",
            description.chars().count()
        );
        assert!(
            !description.contains('<') && !description.contains('\n'),
            "{url}: not plain text: {description}"
        );
        if let Some(other) = seen.insert(description.clone(), url.clone()) {
            panic!("{url} and {other} share the description «{description}»");
        }
    }
    assert!(seen.len() > 200, "the demo has every kind of page");
    let school = site.read("orgs/sosh-1/index.html");
    assert_eq!(
        meta(&school, "name", "description").as_deref(),
        Some("МБОУ СОШ № 1: результаты, показатели и признаки объективности.")
    );
}

/// `(loc, lastmod)` of every `<url>` of a sitemap.
fn sitemap_entries(xml: &str) -> std::collections::BTreeMap<String, Option<String>> {
    let doc = roxmltree::Document::parse(xml).expect("sitemap is XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("url"))
        .map(|url| {
            let child = |name: &str| {
                url.children()
                    .find(|c| c.has_tag_name(name))
                    .and_then(|c| c.text())
                    .map(String::from)
            };
            (child("loc").unwrap(), child("lastmod"))
        })
        .collect()
}

// Issue #8: the pre-rendered filter pages are pages like any other.
#[test]
fn the_sitemap_lists_every_page_written_with_filtered_views_dated_as_their_parent() {
    let site = Site::demo();
    // The register is dated by its git history.
    site.commit_to_git();
    let run = site.run(&["build", "--as-of", "2026-11-20"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let entries = sitemap_entries(&site.read("sitemap.xml"));
    let base = "https://edu.kedrovogorsk.example.ru";
    for (url, _) in crate::harness::html_pages(&site.public()) {
        if url != "/404.html" {
            assert!(
                entries.contains_key(&format!("{base}{url}")),
                "{url} is missing from sitemap.xml"
            );
        }
    }
    assert_eq!(
        entries.len(),
        crate::harness::html_pages(&site.public()).len() - 1
    );
    for (view, parent) in [
        ("/documents/kind/prikaz/", "/documents/"),
        ("/orgs/kind/school/", "/orgs/"),
        ("/plans/quality-2026/status/done/", "/plans/quality-2026/"),
        ("/msoko/year/2024/", "/msoko/"),
    ] {
        let lastmod = &entries[&format!("{base}{view}")];
        assert!(lastmod.is_some(), "{view} has a lastmod");
        assert_eq!(lastmod, &entries[&format!("{base}{parent}")], "{view}");
    }
}

// Issue #8: a section of undated pages (the reports' section) advertises no feed
// that would stay empty; the news keep theirs.
#[test]
fn a_section_without_dated_pages_has_no_feed() {
    let site = Site::demo();
    let run = site.run(&["build", "--as-of", "2026-11-20"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.public().join("doklad/rss.xml").exists());
    assert!(!site.public().join("doklad/atom.xml").exists());
    let doklad = site.read("doklad/index.html");
    assert!(
        !doklad.contains("application/rss+xml"),
        "no feed advertised"
    );
    assert!(
        !doklad.contains("application/atom+xml"),
        "no feed advertised"
    );
    let news = site.read("news/index.html");
    assert!(news.contains("application/rss+xml"));
    let rss = site.read("news/rss.xml");
    assert!(rss.contains("<item>"));
}
