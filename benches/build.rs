//! Build-speed benchmark (a bench binary, not a timed test): `cargo bench --bench build`.
//!
//! Generates a site of 10,000 Russian Markdown pages of about 2 KB and a plan of
//! 10,000 items in a temp dir, then measures, in the same run:
//! - the baseline: reading every page and rendering its Markdown with pulldown-cmark
//!   on all cores, with no templates and no writing — the floor for any generator;
//! - `msoko check` (everything but writing) and `msoko build` into a fresh folder and
//!   again over an unchanged one.
//!
//! Prints the best of several runs and each as a ratio to the baseline, and the
//! size of the site's search index.
//!
//! `MSOKO_BENCH_SITE=DIR cargo bench --bench build` only writes the generated site
//! to DIR (which must not exist) and exits: build it with `msoko build --root DIR`
//! and measure its search with `node tests/search/measure.mjs DIR/public`.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

const PAGES: usize = 10_000;
const PLAN_ITEMS: usize = 10_000;
const RUNS: usize = 5;

fn main() {
    if let Ok(site) = std::env::var("MSOKO_BENCH_SITE") {
        let root = Path::new(&site);
        assert!(!root.exists(), "{site} already exists");
        fs::create_dir_all(root).expect("site folder");
        write_site(root);
        println!("{PAGES} pages + a plan of {PLAN_ITEMS} items written to {site}");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write_site(root);
    // MSOKO_BENCH_KEEP=DIR leaves a copy of the generated site for profiling.
    if let Ok(keep) = std::env::var("MSOKO_BENCH_KEEP") {
        let status = std::process::Command::new("cp")
            .arg("-r")
            .arg(root)
            .arg(&keep)
            .status();
        assert!(status.is_ok_and(|s| s.success()), "copy to {keep}");
    }
    let options = msoko::Options {
        root: root.to_path_buf(),
        out: None,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        base_url: None,
        drafts: false,
        chromium: None,
        ci: false,
    };

    let baseline = best(|| {
        baseline(root);
    });
    let check = best(|| {
        let report = msoko::check(&options);
        assert!(!report.has_errors(), "{:?}", report.diagnostics.first());
    });
    let _ = fs::remove_dir_all(root.join("public"));
    let fresh = best(|| {
        let _ = fs::remove_dir_all(root.join("public"));
        assert!(!msoko::build(&options).has_errors());
    });
    let unchanged = best(|| assert!(!msoko::build(&options).has_errors()));

    println!("{PAGES} pages of ~2 KB + a plan of {PLAN_ITEMS} items, best of {RUNS} runs");
    for (name, time) in [
        ("baseline: read + pulldown-cmark (rayon)", baseline),
        ("msoko check (no writing)", check),
        ("msoko build, empty public/", fresh),
        ("msoko build, unchanged public/", unchanged),
    ] {
        println!(
            "{name:<42} {:>8.3} s  {:>5.2}× baseline",
            time.as_secs_f64(),
            time.as_secs_f64() / baseline.as_secs_f64()
        );
    }
    let index = fs::metadata(root.join("public/search/index.json")).map_or(0, |m| m.len());
    println!(
        "search/index.json: {} KB (gzip size: node tests/search/measure.mjs)",
        index / 1024
    );
}

fn best(mut run: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap()
}

fn baseline(root: &Path) -> usize {
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

fn write_site(root: &Path) {
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
