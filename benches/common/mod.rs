//! What the benchmarks share: the generated 10,000-page corpus and the in-run baseline.
//!
//! `benches/build.rs` and `benches/scale.rs` both measure against the same floor (read
//! every page, render its Markdown with pulldown-cmark on all cores), so that their
//! ratios compare; the corpus lives here once.

use std::fs;
use std::path::Path;

use rayon::prelude::*;

/// News pages in the corpus, about 2 KB of Russian text each.
pub(crate) const PAGES: usize = 10_000;
/// Items in the corpus's one plan.
pub(crate) const PLAN_ITEMS: usize = 10_000;

/// The floor for any generator: read every page of `root/content` and render its
/// Markdown with pulldown-cmark on all cores, with no templates and no writing.
/// Returns the bytes of HTML, so that the work cannot be optimised away.
pub(crate) fn baseline(root: &Path) -> usize {
    let paths: Vec<_> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    paths
        .par_iter()
        .map(|path| {
            let text = fs::read_to_string(path).unwrap();
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&text));
            html.len()
        })
        .sum()
}

/// Writes the corpus into `root`: site.yaml, a home page, [`PAGES`] news pages and a
/// plan of [`PLAN_ITEMS`] items.
pub(crate) fn write_site(root: &Path) {
    fs::write(
        root.join("site.yaml"),
        "title: Тест\nbase_url: https://edu.example.ru\nmenu:\n  - {title: Новости, url: /news/}\nauthority:\n  full_name: Управление образования\n  short_name: УО\n",
    )
    .unwrap();
    let news = root.join("content/news");
    fs::create_dir_all(&news).unwrap();
    fs::write(
        root.join("content/_index.md"),
        "---\ntitle: Главная\ndate: 2025-01-01\n---\nГлавная.\n",
    )
    .unwrap();
    fs::write(
        news.join("_index.md"),
        "---\ntitle: Новости\ndate: 2025-01-01\nsort_by: date\n---\n",
    )
    .unwrap();
    let paragraph = "Управление образования провело совещание руководителей общеобразовательных организаций по итогам всероссийских проверочных работ. Обсуждались результаты по русскому языку и математике, объективность оценивания и меры поддержки школ с низкими результатами. ";
    for i in 0..PAGES {
        let body = format!(
            "---\ntitle: \"Новость № {i}\"\ndate: 2025-{:02}-{:02}\ndescription: \"Краткое описание новости {i}\"\n---\n## Итоги\n\n{paragraph}{paragraph}\n\n| Школа | Участники |\n|---|---|\n| СОШ № 1 | {i} |\n\n## Решения\n\n{paragraph}{paragraph}\n\nСм. [все новости](/news/).\n",
            i % 12 + 1,
            i % 28 + 1
        );
        fs::write(news.join(format!("n{i:05}.md")), body).unwrap();
    }
    let mut plan = String::from(
        "id: big\ntitle: Большой план\nperiod: {from: 2025-09-01, to: 2026-08-31}\nsections:\n",
    );
    let dues = [
        "До 01.12.2025",
        "Сентябрь – октябрь 2025",
        "ежегодно, октябрь",
        "постоянно",
        "апрель-май",
        "по графику ФИОКО",
        "1 квартал 2026",
    ];
    for s in 0..(PLAN_ITEMS / 100) {
        plan.push_str(&format!("  - title: \"{}. Раздел\"\n    items:\n", s + 1));
        for i in 0..100 {
            plan.push_str(&format!(
                "      - title: \"Мероприятие {s}-{i}\"\n        due: \"{}\"\n        responsible: \"Ответственный {}\"\n",
                dues[(s + i) % dues.len()],
                i % 10
            ));
        }
    }
    fs::create_dir_all(root.join("data/plans")).unwrap();
    fs::write(root.join("data/plans/big.yaml"), plan).unwrap();
}
