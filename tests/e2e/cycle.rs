//! The МСОКО management cycle (issue 10): the matrix at `/msoko/`, a direction's chain
//! at `/msoko/<direction>/`, the effect of decisions against the benchmark, the
//! «Управленческий цикл» section of `msoko check`, the open data set, and links that
//! point nowhere.

use crate::harness::{built_from_git, Site};

fn site() -> Site {
    let site = Site::fixture("cycle");
    site.commit_to_git();
    site
}

/// An output page with non-breaking spaces («10,0\u{a0}%») read as plain ones.
fn page(site: &Site, path: &str) -> String {
    site.read(path).replace('\u{a0}', " ")
}

#[test]
fn matrix_marks_a_complete_and_an_incomplete_chain_in_words() {
    let site = &built_from_git("cycle").site;
    let html = page(site, "msoko/index.html");
    // the section's own text stays above the matrix
    assert!(html.contains("Текст раздела о МСОКО."));
    assert!(html.contains("Управленческий цикл по направлениям, 2024 год"));
    assert!(html.contains(
        "<caption>Звенья управленческого цикла по направлениям МСОКО, 2024 год</caption>"
    ));
    assert!(html.contains(r#"<th scope="col">Адресные рекомендации</th>"#));
    assert!(html.contains("Цикл полностью подтверждён по 1 из 2 направлений."));
    assert!(html.contains(r#"<a class="cycle-yes" href="/documents/prikaz-1/">✔ есть"#));
    assert!(html.contains(r#"<span class="cycle-no">✘ нет</span>"#));
    assert!(html.contains("не хватает звеньев: 5"));
    // chain pages are listed in the matrix, not again under the section's pages
    assert!(html.contains(r#"href="/msoko/podgotovka/""#));
    assert_eq!(html.matches(r#"href="/msoko/podgotovka/""#).count(), 1);
    assert!(html.contains(r#"href="/msoko/analiz-2024/""#));
}

#[test]
fn chain_shows_goals_methods_recommendations_decisions_and_plan_items() {
    let site = &built_from_git("cycle").site;
    let html = page(site, "msoko/podgotovka/index.html");
    for expected in [
        "Подготовка обучающихся: управленческий цикл",
        "Освоение программ не ниже уровня региона",
        "ежегодно, март — май",
        r#"<a href="/msoko/analiz-2024/">Анализ ВПР 2024 года</a>"#,
        "Разобрать задания ВПР с учителями",
        r#"<a href="/orgs/sosh-2/">СОШ № 2</a>"#,
        "школы с низкими образовательными результатами",
        "Приказ от 20.09.2024 № 1-П «О мерах по итогам ВПР 2024 года»",
        "Доля отметок «2» снизилась.",
        "1.1. Провести анализ результатов ВПР",
        "Звено цикла: Анализ результатов",
    ] {
        assert!(html.contains(expected), "no «{expected}» on the chain page");
    }
    // the direction's indicator page links to the chain, and the chain back
    let direction = site.read("indicators/podgotovka/index.html");
    assert!(direction.contains(r#"href="/msoko/podgotovka/""#));
    assert!(html.contains(r#"href="/indicators/podgotovka/""#));
}

#[test]
fn effect_compares_with_the_benchmark_and_says_it_is_no_proof() {
    let site = &built_from_git("cycle").site;
    let html = page(site, "msoko/podgotovka/index.html");
    // vpr-low: 10,0 → 7,0 while the region went 9,0 → 8,5: better than the benchmark
    assert!(html.contains("2024: 10,0 % → 2025: 7,0 %"));
    assert!(html.contains("▲ лучше, чем в регионе."), "{html}");
    assert!(html.contains(
        "В 2025 году показатель округа улучшился, и его изменение лучше, чем в регионе."
    ));
    // ege-mean: 60 → 61 while the region went 60 → 64: worse than the benchmark
    assert!(html.contains("▼ хуже, чем в регионе."));
    assert!(html
        .contains("В 2025 году показатель округа улучшился, и его изменение хуже, чем в регионе."));
    assert!(html.contains("изменение после решения, не доказательство его действия"));
}

#[test]
fn no_claim_is_made_without_data_after_the_decision() {
    let site = site();
    site.write(
        "content/documents/prikaz-1.md",
        &site
            .read_source("content/documents/prikaz-1.md")
            .replace("approved: 2024-09-20", "approved: 2025-09-20")
            .replace("date: 2024-09-21", "date: 2025-09-21"),
    );
    // (an act signed after «today» is an error: build on a day after the decision)
    let run = site.run(&["build", "--as-of", "2025-12-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = page(&site, "msoko/podgotovka/index.html");
    assert!(html.contains("Данных после решения пока нет"));
    assert!(!html.contains("лучше, чем в регионе"));
    assert!(!html.contains("не доказательство его действия"));
}

#[test]
fn check_lists_missing_links_as_attention_unless_required() {
    let site = site();
    // (the fixture's authority details are incomplete, so `check` fails on them
    // either way: only the cycle's lines matter here)
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert!(run.stdout.contains("Управленческий цикл МСОКО"));
    assert!(run
        .stdout
        .contains("✔ Подготовка обучающихся: цикл за 2024 год полный: /msoko/podgotovka/"));
    assert!(run.stdout.contains(
        "⚠ Воспитание: за 2024 год нет звеньев: методы сбора информации, анализ результатов, адресные рекомендации, управленческие решения, анализ эффективности мер"
    ));

    let config = site.read_source("site.yaml");
    site.write("site.yaml", &format!("{config}cycle_required: true\n"));
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains("⚠ Воспитание"));
    assert!(run.stdout.contains("✘ Воспитание: за 2024 год нет звеньев"));
}

#[test]
fn the_matrix_is_an_open_data_set_and_has_year_views() {
    let site = site();
    // with 2025 complete, /msoko/ shows 2025 and 2024 moves to its own view
    let run = site.run(&["build", "--as-of", "2026-06-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        page(&site, "msoko/index.html").contains("Управленческий цикл по направлениям, 2025 год")
    );
    let earlier = page(&site, "msoko/year/2024/index.html");
    assert!(earlier.contains("Управленческий цикл по направлениям, 2024 год"));
    assert!(earlier.contains(r#"<a href="/msoko/">2025</a>"#));
    assert!(earlier.contains(r#"<span aria-current="page">2024</span>"#));
    site.build();
    let dir = site.public().join("opendata/msoko-msoko-cycle");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("data-") && n.ends_with(".csv"))
        .expect("no CSV of the set");
    let csv = site.read(&format!("opendata/msoko-msoko-cycle/{name}"));
    assert!(csv.starts_with("direction,year,stage,present,evidence_url"));
    assert!(
        csv.contains("podgotovka,2024,decisions,1,https://edu.test.example.ru/documents/prikaz-1/")
    );
    assert!(csv.contains("vospitanie,2024,effect,0,"));
}

#[test]
fn a_dangling_link_fails_the_build_at_its_line() {
    let site = site();
    let text = site
        .read_source("data/indicators/podgotovka.yaml")
        .replace("msoko/analiz-2024]", "msoko/analiz-2023]")
        .replace("[vpr-low, ege-mean]", "[vpr-low, ege-nope]");
    site.write("data/indicators/podgotovka.yaml", &text);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains(
        "data/indicators/podgotovka.yaml:11:7: ошибка: в управленческом цикле указана страница «msoko/analiz-2023», которой нет"
    ), "{}", run.stderr);
    assert!(run.stderr.contains(
        "data/indicators/podgotovka.yaml:17:11: ошибка: в решении указан показатель «ege-nope», которого нет"
    ), "{}", run.stderr);
}

#[test]
fn a_decision_must_be_an_act_of_the_registry() {
    let site = site();
    let text = site.read_source("data/indicators/podgotovka.yaml").replace(
        "document: documents/prikaz-1",
        "document: msoko/analiz-2024",
    );
    site.write("data/indicators/podgotovka.yaml", &text);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    // The same address stands on lines 11 and 20 too: the error is at the decision.
    assert!(
        run.stderr.contains("data/indicators/podgotovka.yaml:16:9: ошибка: решение «msoko/analiz-2024» указывает на страницу, которой нет в реестре документов"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_id_is_not_blamed_on_a_longer_id_that_contains_it() {
    let site = site();
    let text = site
        .read_source("data/indicators/podgotovka.yaml")
        .replace("orgs: [sosh-2]", "orgs: [sosh-]");
    site.write("data/indicators/podgotovka.yaml", &text);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("data/indicators/podgotovka.yaml:18:11: ошибка: указана организация «sosh-», которой нет в реестре"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_content_page_may_not_take_a_chain_address() {
    let site = site();
    site.write(
        "content/msoko/podgotovka.md",
        "---\ntitle: \"Подготовка\"\ndate: 2024-09-01\n---\n\nТекст.\n",
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("content/msoko/podgotovka.md: ошибка: адрес /msoko/podgotovka/ занят страницей управленческого цикла"), "{}", run.stderr);
}

#[test]
fn a_plan_item_must_name_a_known_direction_and_stage() {
    let site = site();
    let text = site
        .read_source("data/plans/plan.yaml")
        .replace("direction: podgotovka", "direction: podgotovk")
        .replace("stage: analysis", "stage: analiz");
    site.write("data/plans/plan.yaml", &text);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("data/plans/plan.yaml:11:9: ошибка: в пункте «1.1» указано направление «podgotovk», которого нет"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("data/plans/plan.yaml:12:9: ошибка: звено цикла «analiz» неизвестно"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_recommendation_to_nobody_and_an_empty_conclusion_fail_at_their_lines() {
    let site = site();
    let text = site
        .read_source("data/indicators/podgotovka.yaml")
        .replace("- to: [sosh-2, shnor]", "- to: []")
        .replace(
            "conclusion: \"Доля отметок «2» снизилась.\"",
            "conclusion: \"\"",
        );
    site.write("data/indicators/podgotovka.yaml", &text);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("data/indicators/podgotovka.yaml:13:9: ошибка: у адресной рекомендации не указано, кому она адресована"), "{}", run.stderr);
    assert!(run.stderr.contains("data/indicators/podgotovka.yaml:21:9: ошибка: у анализа эффективности мер пустой вывод (conclusion)"), "{}", run.stderr);
}

#[test]
fn two_acts_of_a_year_naming_one_indicator_get_charts_with_their_own_ids() {
    let site = site();
    site.write(
        "content/documents/prikaz-2.md",
        "---\ntitle: \"О наблюдателях на ВПР\"\nkind: document\nact: \"приказ\"\nnumber: \"2-П\"\napproved: 2024-10-01\ndate: 2024-10-02\n---\n\nТекст приказа.\n",
    );
    let text = site.read_source("data/indicators/podgotovka.yaml").replace(
        "          orgs: [sosh-2]\n",
        "          orgs: [sosh-2]\n        - document: documents/prikaz-2\n          indicators: [vpr-low]\n",
    );
    site.write("data/indicators/podgotovka.yaml", &text);
    site.build();
    let html = page(&site, "msoko/podgotovka/index.html");
    let mut ids: Vec<&str> = html
        .split("id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "every id of the page is unique");
    assert!(
        html.contains("effect-prikaz-2-2024-vpr-low-0-title"),
        "{html}"
    );
}

#[test]
fn indicator_pages_link_to_the_chain_and_the_decisions_that_name_them() {
    let site = &built_from_git("cycle").site;
    let html = page(site, "indicators/vpr-low/index.html");
    assert!(html.contains("href=\"/msoko/podgotovka/\""), "{html}");
    assert!(html.contains("Управленческие решения по этому показателю"));
    assert!(html.contains("href=\"/documents/prikaz-1/\""));
    assert!(html.contains("href=\"/msoko/podgotovka/#decisions-2024\""));
    // The chain shows each indicator's course with the same charts as its page.
    let chain = page(site, "msoko/podgotovka/index.html");
    let indicators = chain
        .split("id=\"indicators\"")
        .nth(1)
        .and_then(|rest| rest.split("id=\"methods\"").next())
        .unwrap();
    // Each chart is drawn wide and narrow; the wide one opens with `<svg role=`.
    assert_eq!(
        indicators.matches("<svg role=\"img\"").count(),
        2,
        "{indicators}"
    );
}

#[test]
fn monitoring_needs_a_value_of_every_indicator_of_the_year() {
    let site = site();
    let text = site.read_source("data/indicators/podgotovka.yaml").replace(
        "values: {municipality: {2024: 60.0, 2025: 61.0}, region: {2024: 60.0, 2025: 64.0}}",
        "values: {municipality: {2025: 61.0}, region: {2025: 64.0}}",
    );
    site.write("data/indicators/podgotovka.yaml", &text);
    site.build();
    let html = page(&site, "msoko/podgotovka/index.html");
    assert!(
        html.contains("Нет значений за 2024 год у показателей: <a href=\"/indicators/ege-mean/\">Средний балл ЕГЭ по русскому языку</a>."),
        "{html}"
    );
}

#[test]
fn a_cycle_year_that_has_not_come_is_an_error_at_its_line() {
    let site = site();
    let text = site
        .read_source("data/indicators/podgotovka.yaml")
        .replace("    2024:\n", "    2031:\n");
    site.write("data/indicators/podgotovka.yaml", &text);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("data/indicators/podgotovka.yaml:10:5: ошибка: год 2031 в управленческом цикле ещё не наступил (сегодня — 2025 год)"),
        "{}",
        run.stderr
    );
}
