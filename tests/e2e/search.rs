//! Search: `search/index.json` with stemmed terms for pages, plan items, indicators
//! and organisations; the `/search/` page with every page listed for readers
//! without JavaScript; the search box on every page; and the theme's script run
//! in node on the built index.

use std::process::Command;

use serde_json::Value;

use crate::harness::{built, Site};

/// The plans fixture, built on a date inside its plan's period.
fn plans_site() -> Site {
    let site = Site::fixture("plans");
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

fn index_of(site: &Site) -> Value {
    serde_json::from_str(&site.read("search/index.json")).unwrap()
}

/// `(url, kind label, weight)` of every document with `term`.
fn documents_with(index: &Value, term: &str) -> Vec<(String, String, u64)> {
    let terms = index["terms"].as_array().unwrap();
    let Some(at) = terms.iter().position(|t| t == term) else {
        return Vec::new();
    };
    let postings = index["postings"][at].as_array().unwrap();
    let mut found = Vec::new();
    let mut doc = 0;
    for pair in postings.chunks(2) {
        doc += pair[0].as_u64().unwrap() as usize;
        let entry = &index["docs"][doc];
        let kind = &index["kinds"][entry[2].as_u64().unwrap() as usize];
        found.push((
            entry[0].as_str().unwrap().to_string(),
            kind.as_str().unwrap().to_string(),
            pair[1].as_u64().unwrap(),
        ));
    }
    found
}

#[test]
fn indexes_plan_items_with_an_anchor_to_their_row() {
    let site = plans_site();
    let index = index_of(&site);
    // «Утвердить график процедур» (in the title) and «по графику ФИОКО» (the
    // deadline): «график», «графику», «графиком» are one term.
    assert_eq!(
        documents_with(&index, "график"),
        [
            (
                "plans/school-year/#punkt-1.2".into(),
                "Пункт плана".into(),
                3
            ),
            (
                "plans/school-year/#punkt-2.3".into(),
                "Пункт плана".into(),
                2
            )
        ]
    );
    let page = site.read("plans/school-year/index.html");
    assert!(page.contains("<tr id=\"punkt-1.2\" class=\"status-not_marked\">"));
    // The plan itself is found by its title and its approving act.
    let plans = documents_with(&index, "план");
    assert!(
        plans.contains(&("plans/school-year/".into(), "План".into(), 3)),
        "{plans:?}"
    );
}

#[test]
fn indexes_organisations_and_indicators_by_their_data() {
    let site = &built("monitoring").site;
    let index = index_of(site);
    // The address «ул. Школьная» is only in the register.
    let orgs = documents_with(&index, "школьн");
    assert!(
        orgs.contains(&("orgs/sosh-1/".into(), "Организация".into(), 2)),
        "{orgs:?}"
    );
    // The full name, «Средняя общеобразовательная школа № 2».
    let full = documents_with(&index, "средн");
    assert!(
        full.iter().any(|(url, _, _)| url == "orgs/sosh-2/"),
        "{full:?}"
    );
    // An indicator's method: «Число «2» / число участников × 100».
    let method = documents_with(&index, "числ");
    assert!(
        method.contains(&("indicators/vpr-low/".into(), "Показатель".into(), 4)),
        "{method:?}"
    );
}

#[test]
fn indexes_the_text_of_pages_but_not_the_menu_or_the_footer() {
    let site = &built("basic").site;
    let index = index_of(site);
    assert_eq!(
        documents_with(&index, "сноск"),
        [("news/first/".into(), "Новость".into(), 4)]
    );
    let documents = documents_with(&index, "положен");
    assert_eq!(
        documents,
        [("documents/order/".into(), "Документ".into(), 3)]
    );
    // «администрации» is only in the footer of every page; drafts are not published.
    assert_eq!(documents_with(&index, "администрац"), []);
    assert_eq!(documents_with(&index, "опубликова"), []);
    assert!(!site.read("search/index.json").contains("search/"));
}

#[test]
fn lists_every_page_by_section_for_readers_without_javascript() {
    let site = &built("basic").site;
    let page = site.read("search/index.html");
    assert!(page.contains("<title>Поиск по сайту — УО Тестового округа</title>"));
    assert!(page.contains("<form class=\"search-form\" id=\"search-form\" role=\"search\" action=\"/search/\" method=\"get\" data-index=\"/search/index.json\" data-base=\"/\">"));
    assert!(page.contains("<label for=\"search-q\">Что найти на сайте</label>"));
    assert!(page.contains("<p class=\"search-status\" id=\"search-status\" role=\"status\"></p>"));
    assert!(page.contains("<h2 id=\"vse-stranicy\">Все страницы сайта</h2>"));
    // Groups in the order of the menu, pages A–Z inside; no drafts.
    let news = page
        .find("<h3 id=\"razdel-news\"><a href=\"/news/\">Новости</a></h3>")
        .unwrap();
    let documents = page
        .find("<h3 id=\"razdel-documents\"><a href=\"/documents/\">Документы</a></h3>")
        .unwrap();
    assert!(news < documents);
    let first = page
        .find("<li><a href=\"/news/first/\">Первая новость</a></li>")
        .unwrap();
    let second = page
        .find("<li><a href=\"/news/second/\">Вторая новость</a></li>")
        .unwrap();
    assert!(news < second && second < first && first < documents);
    assert!(page
        .contains("<li><a href=\"/documents/order/\">Об утверждении Положения о МСОКО</a></li>"));
    assert!(!page.contains("Черновик"));
    assert!(page.contains("<script src=\"/js/search.js\" defer></script>"));
    // The search page has no second search box in its header.
    assert!(!page.contains("site-search"));
}

#[test]
fn every_page_has_a_labelled_search_box_in_its_header() {
    let site = &built("basic").site;
    for path in ["index.html", "news/first/index.html", "404.html"] {
        let page = site.read(path);
        assert!(
            page.contains("<form class=\"site-search\" role=\"search\" action=\"/search/\" method=\"get\">\n      <label for=\"site-search-q\">Поиск</label>\n      <input type=\"search\" id=\"site-search-q\" name=\"q\" autocomplete=\"off\">"),
            "{path}"
        );
    }
}

#[test]
fn search_follows_the_base_path() {
    let site = Site::fixture("basic");
    let run = site.run(&[
        "build",
        "--as-of",
        "2025-06-01",
        "--base-url",
        "https://example.ru/msoko/",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site
        .read("index.html")
        .contains("action=\"/msoko/search/\""));
    let page = site.read("search/index.html");
    assert!(page.contains("data-index=\"/msoko/search/index.json\" data-base=\"/msoko/\""));
    assert!(page.contains("<script src=\"/msoko/js/search.js\" defer></script>"));
    assert!(page.contains("<a href=\"/msoko/news/first/\">"));
    // Addresses in the index are relative to the base path: the script adds it.
    let index = index_of(&site);
    assert_eq!(documents_with(&index, "сноск")[0].0, "news/first/");
}

/// The theme's script, run in node on the built index, as the browser runs it.
fn query(site: &Site, text: &str) -> Option<Vec<String>> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/measure.mjs");
    let output = match Command::new("node")
        .arg(script)
        .arg(site.public())
        .arg("--query")
        .arg(text)
        .output()
    {
        Ok(output) => output,
        Err(error) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "node is needed in CI: {error}"
            );
            eprintln!("search.js not run: node not found ({error})");
            return None;
        }
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Value = serde_json::from_slice(&output.stdout).unwrap();
    Some(
        results
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["url"].as_str().unwrap().to_string())
            .collect(),
    )
}

#[test]
fn the_script_finds_pages_by_other_word_forms_and_half_typed_words() {
    let site = plans_site();
    let Some(found) = query(&site, "графики процедур.") else {
        return;
    };
    assert_eq!(found, ["plans/school-year/#punkt-1.2"]);
    // While typing: «утвержд» is the beginning of «утвердить»'s forms and more.
    let typed = query(&site, "утвержд").unwrap();
    assert!(typed.contains(&"documents/order/".to_string()), "{typed:?}");
    // Every word must be found.
    assert_eq!(
        query(&site, "график медалисты").unwrap(),
        Vec::<String>::new()
    );
}

#[test]
fn a_mistyped_word_does_not_fall_back_to_a_preposition() {
    let site = Site::fixture("plans");
    site.write(
        "content/news.md",
        "---\ntitle: \"Новости\"\ndate: 2025-09-01\n---\n\nСеминар для учителей. Приём граждан по вторникам.\n",
    );
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let Some(found) = query(&site, "прикз") else {
        return;
    };
    // «приём» is indexed as the stem «при»; «прикз», a typo of «приказ», must not
    // fall back to it: a word being typed keeps at least four letters.
    assert_eq!(found, Vec::<String>::new());
    assert_eq!(query(&site, "семинары").unwrap(), ["news/"]);
}
