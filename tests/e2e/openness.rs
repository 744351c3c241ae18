//! Information openness: «Сведения об органе», the registry of acts, open data, the
//! version for the visually impaired and the checklist of `msoko check`.

use crate::harness::{built_from_git, Site};

fn site() -> Site {
    let site = Site::fixture("openness");
    site.commit_to_git();
    site
}

#[test]
fn about_page_shows_the_authority_from_site_yaml() {
    let site = &built_from_git("openness").site;
    let html = site.read("about/index.html");
    for expected in [
        "Отдел общего образования",
        "Сидорова Мария Ивановна",
        "Государственная итоговая аттестация",
        "Петров Пётр Петрович",
        "АИС «Комплектование ДОО»",
        "Средств массовой информации управление не учреждало",
        "https://vk.com/uo_test",
        "вторник 14:00–17:00",
        "Вакантных должностей нет",
        "Проверок не проводилось",
        // subordinate organisations from the register, with their contacts
        "МБДОУ «Детский сад № 1»",
        "+7 (00000) 2-00-02",
        // and their tasks and functions (8-ФЗ, ст. 13, ч. 1, п. 1 «в»)
        "Обучение по программе дошкольного образования, присмотр и уход за детьми.",
        // an act named by its page: designation and title
        "Постановление от 14.02.2023 № 15 «Об утверждении Положения об управлении образования»",
        // the site's own text stays above
        "отраслевой орган администрации округа",
    ] {
        assert!(html.contains(expected), "no «{expected}» on /about/");
    }
}

#[test]
fn registry_computes_statuses_and_links_acts_both_ways() {
    let site = &built_from_git("openness").site;
    let registry = site.read("documents/index.html");
    assert!(registry.contains("Всего документов: 5."));
    assert!(registry.contains(r#"<h2 id="god-2024">2024</h2>"#));
    assert!(registry.contains("утратил силу"));
    assert!(registry.contains("действует с изменениями"));
    // newest first
    let new = registry.find("148-П").unwrap();
    let old = registry.find("№ 201").unwrap();
    assert!(new < old);

    let cancelled = site.read("documents/prikaz-old/index.html");
    assert!(cancelled.contains("Утратил силу в связи с изданием документа: <a href=\"/documents/prikaz-new/\">Приказ от 30.08.2024 № 148-П"));
    let amended = site.read("documents/prikaz-vpr/index.html");
    assert!(amended.contains("Изменения внесены документом"));
    let amending = site.read("documents/prikaz-new/index.html");
    assert!(amending.contains("Признаёт утратившим силу документ"));
    assert!(amending.contains("(PDF, 35 байт)") || amending.contains("байт)"));
    let approving = site.read("documents/prikaz-plan/index.html");
    assert!(approving.contains("Утверждает план: <a href=\"/plans/plan-2024/\">"));

    // filtered views, without JavaScript
    let orders = site.read("documents/kind/prikaz/index.html");
    assert!(orders.contains("вид документа — приказ — 4 из 5"));
    assert!(!orders.contains("№ 15<"));
    let cancelled_only = site.read("documents/status/cancelled/index.html");
    assert!(cancelled_only.contains("1 из 5"));
}

#[test]
fn a_link_to_an_unknown_act_fails_at_its_line() {
    let site = site();
    let text = std::fs::read_to_string(site.root.join("content/documents/prikaz-new.md")).unwrap();
    site.write(
        "content/documents/prikaz-new.md",
        &text.replace(
            "cancels: [documents/prikaz-old]",
            "cancels: [documents/prikaz-999]",
        ),
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/documents/prikaz-new.md:9:11: ошибка: документ «documents/prikaz-999» из cancels не найден"),
        "{}",
        run.stderr
    );
    assert!(!site.public().exists());
}

#[test]
fn open_data_follows_the_recommendations_layout() {
    let site = &built_from_git("openness").site;
    let list = read_csv(&site.read("opendata/list.csv"));
    assert_eq!(list[0], ["property", "title", "value", "format"]);
    assert_eq!(
        list[1],
        [
            "standardversion",
            "Версия методических рекомендаций",
            "http://opendata.gosmonitor.ru/standard/3.0",
            ""
        ]
    );
    let identifiers: Vec<&str> = list[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        identifiers,
        [
            "1234567894-orgs",
            "1234567894-indicators-doshkolnoe",
            "1234567894-plan-plan-2024",
            "1234567894-documents"
        ]
    );
    assert_eq!(
        list[2][2],
        "https://edu.test.example.ru/opendata/1234567894-orgs/meta.csv"
    );

    // Dates come from git history (committed 2025-05-20), never from the clock.
    let meta = read_csv(&site.read("opendata/1234567894-orgs/meta.csv"));
    let value = |key: &str| {
        meta.iter()
            .find(|r| r[0] == key)
            .map(|r| r[1].clone())
            .unwrap_or_else(|| panic!("no {key} in meta.csv"))
    };
    assert_eq!(meta[0], ["property", "value"]);
    assert_eq!(
        value("standardversion"),
        "http://opendata.gosmonitor.ru/standard/3.0"
    );
    assert_eq!(value("identifier"), "1234567894-orgs");
    assert_eq!(value("modified"), "20250520");
    assert_eq!(value("publishername"), "Сидорова Мария Ивановна");
    assert_eq!(value("publishermbox"), "od@test.example.ru");
    let data_name = "data-20250520-structure-20250520";
    assert_eq!(
        value(data_name),
        format!("https://edu.test.example.ru/opendata/1234567894-orgs/{data_name}.csv")
    );
    assert!(meta.iter().any(|r| r[0] == "structure-20250520"));

    let data = read_csv(&site.read(&format!("opendata/1234567894-orgs/{data_name}.csv")));
    assert_eq!(data[0][0..3], ["id", "name", "short_name"]);
    assert_eq!(data.len(), 3);
    let structure = read_csv(&site.read("opendata/1234567894-orgs/structure-20250520.csv"));
    assert_eq!(
        structure[0],
        [
            "field name",
            "english description",
            "russian description",
            "format"
        ]
    );
    assert_eq!(structure.len() - 1, data[0].len());
    let json: serde_json::Value =
        serde_json::from_str(&site.read(&format!("opendata/1234567894-orgs/{data_name}.json")))
            .unwrap();
    assert_eq!(json[1]["head"], "Морозова Елена Сергеевна");
    // Issue #8: numbers as numbers, keys in the structure's column order, empty
    // cells as null.
    let raw = site.read(&format!("opendata/1234567894-orgs/{data_name}.json"));
    let first_object = &raw[..raw.find('}').unwrap()];
    let keys: Vec<&str> = first_object
        .lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.split('"').next())
        .collect();
    let columns: Vec<&str> = structure[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(keys, columns);
    for (row, object) in data[1..].iter().zip(json.as_array().unwrap()) {
        for ((field, cell), format) in columns
            .iter()
            .zip(row)
            .zip(structure[1..].iter().map(|r| &r[3]))
        {
            let value = &object[*field];
            if cell.is_empty() {
                assert!(value.is_null(), "{field}: {value}");
            } else if format == "number" {
                assert_eq!(
                    value.as_f64(),
                    Some(cell.parse::<f64>().unwrap()),
                    "{field}"
                );
            } else {
                assert_eq!(value.as_str(), Some(cell.as_str()), "{field}");
            }
        }
    }
    assert!(json[0]["rural"].is_number(), "{}", json[0]);

    let documents =
        read_csv(&site.read("opendata/1234567894-documents/data-20240911-structure-20240911.csv"));
    let old = documents.iter().find(|r| r[1] == "201").unwrap();
    assert_eq!(old[4], "cancelled");
    assert_eq!(old[2], "20190912");

    let page = site.read("opendata/index.html");
    assert!(page.contains("Наборов открытых данных: 4."));
    assert!(page.contains("CC BY 4.0"));
    let set_page = site.read("opendata/1234567894-orgs/index.html");
    assert!(set_page.contains("Первые 2 из 2 записей"));
}

#[test]
fn every_page_has_the_settings_for_the_visually_impaired() {
    let site = &built_from_git("openness").site;
    for page in ["index.html", "documents/index.html", "opendata/index.html"] {
        let html = site.read(page);
        assert!(
            html.contains(r#"<details class="a11y-panel" id="special">"#),
            "{page}"
        );
        assert!(html.contains(r#"id="a11y-scheme-wb""#), "{page}");
        assert!(html.contains("js/a11y.js"), "{page}");
    }
    let special = site.read("special/index.html");
    assert!(special.contains(r#"<details class="a11y-panel" id="special" open>"#));
    assert!(site.public().join("js/a11y.js").exists());
}

#[test]
fn check_prints_the_checklist_and_fails_on_a_missing_item() {
    let site = site();
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("Итого: ✔ 31, ✘ 0, ⚠ 0."),
        "{}",
        run.stdout
    );
    assert!(run
        .stdout
        .contains("8-ФЗ, ст. 13, ч. 1, п. 9 — работа с обращениями граждан"));
    assert!(run
        .stdout
        .contains("8-ФЗ, ст. 13, ч. 1, п. 8 — кадровое обеспечение"));

    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    let without: String = config
        .lines()
        .filter(|l| !l.starts_with("  media:") && !l.contains("tasks:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("site.yaml", &without);
    site.remove("content/doklad/2023/_index.md");
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    for expected in [
        "✘ Структура органа, задачи и функции подразделений: у подразделения «Отдел общего образования» не указаны задачи (tasks)",
        "✘ Учреждённые СМИ и официальные страницы в социальных сетях: не указаны учреждённые СМИ",
        "✘ Доклад о состоянии системы образования за прошлый год: нет доклада за 2023 год: срок публикации — 25 октября 2024 г.",
        "Итого: ✔ 28, ✘ 3, ⚠ 0.",
    ] {
        assert!(run.stdout.contains(expected), "no «{expected}» in\n{}", run.stdout);
    }
}

/// Line `key:` (at any depth) and the lines indented under it removed from `site.yaml`.
fn without_key(config: &str, key: &str) -> String {
    let mut out = String::new();
    let mut skipping: Option<usize> = None;
    for line in config.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(depth) = skipping {
            if indent > depth || line.trim_start().starts_with("- ") && indent == depth + 2 {
                continue;
            }
            skipping = None;
        }
        if line.trim_start().starts_with(&format!("{key}:")) {
            skipping = Some(indent);
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn about_page_shows_each_article_13_item_in_its_section() {
    let site = &built_from_git("openness").site;
    let html = site.read("about/index.html");
    for expected in [
        r#"<h2 id="regulations">"#,
        r#"<a href="/documents/prikaz-vpr/">"#,
        r#"<h2 id="forms">"#,
        "Как написать обращение",
        r#"<h2 id="challenge">"#,
        "Обжалование решений по обращениям",
        r#"<h2 id="events">"#,
        r#"<time datetime="2024-08-27">27.08.2024</time>"#,
        r#"<h2 id="speeches">"#,
        // `speeches: []` is an explicit «нет»
        "Официальных выступлений и заявлений руководителя и заместителей не было.",
        r#"<h2 id="budget">"#,
        "Исполнение бюджета отрасли «Образование» за 2024 год",
        r#"<h3 id="qualifications">"#,
        r#"<h3 id="competitions">"#,
        "Конкурсов на замещение вакантных должностей не проводилось.",
    ] {
        assert!(html.contains(expected), "no «{expected}» on /about/");
    }
    // newest event first
    let newer = html.find("Рабочая поездка начальника").unwrap();
    let older = html.find("Августовское совещание педагогов").unwrap();
    assert!(newer < older);
}

#[test]
fn check_names_each_missing_article_13_item() {
    let site = site();
    let mut config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    for key in [
        "regulations",
        "forms",
        "challenge",
        "events",
        "speeches",
        "budget",
        "qualifications",
        "competitions",
    ] {
        config = without_key(&config, key);
    }
    site.write("site.yaml", &config);
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    for expected in [
        "✘ Административные регламенты и стандарты муниципальных услуг (п. 2 «г»): не указаны регламенты и стандарты муниципальных услуг: authority.regulations в site.yaml ([] — если их нет)",
        "✘ Установленные формы обращений, заявлений и иных документов (п. 2 «д»): не указаны формы обращений и заявлений: authority.forms",
        "✘ Порядок обжалования муниципальных правовых актов и решений (п. 2 «е»): не указаны порядок обжалования: authority.challenge",
        "✘ Мероприятия, официальные визиты и рабочие поездки руководителей (п. 3): не указаны мероприятия, визиты и рабочие поездки: authority.events",
        "✘ Тексты официальных выступлений и заявлений руководителя и заместителей (п. 6): не указаны выступления и заявления: authority.speeches",
        "✘ Сведения об использовании выделяемых бюджетных средств (п. 7 «б»): не указаны сведения об использовании бюджетных средств: authority.budget",
        "✘ Квалификационные требования к кандидатам на замещение вакантных должностей (п. 8 «в»): не указаны квалификационные требования к кандидатам: authority.vacancies.qualifications",
        "✘ Условия и результаты конкурсов на замещение вакантных должностей (п. 8 «г»): не указаны конкурсы на замещение вакантных должностей: authority.vacancies.competitions",
        "Итого: ✔ 23, ✘ 8, ⚠ 0.",
    ] {
        assert!(run.stdout.contains(expected), "no «{expected}» in\n{}", run.stdout);
    }
    // the headings are the items of the current 8-ФЗ, ст. 13, ч. 1
    let acts = run
        .stdout
        .find("п. 2 — нормотворческая деятельность")
        .unwrap();
    let regulations = run.stdout.find("(п. 2 «г»)").unwrap();
    let staff = run.stdout.find("п. 8 — кадровое обеспечение").unwrap();
    let qualifications = run.stdout.find("(п. 8 «в»)").unwrap();
    assert!(acts < regulations && staff < qualifications);
}

#[test]
fn check_fails_without_the_schedule_and_warns_about_schools_without_a_site_or_functions() {
    let site = site();
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", &without_key(&config, "schedule"));
    let orgs = std::fs::read_to_string(site.root.join("data/organizations.yaml")).unwrap();
    let orgs = without_key(&without_key(&orgs, "site"), "functions");
    site.write("data/organizations.yaml", &orgs);
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    for expected in [
        "✘ Наименование, почтовый адрес, электронная почта, телефоны, режим работы: не указан режим работы: authority.schedule",
        "⚠ Сайты подведомственных организаций: без сайта (site в data/organizations.yaml): СОШ № 1, Детский сад № 1",
        "⚠ Задачи и функции подведомственных организаций: без задач и функций (functions в data/organizations.yaml): СОШ № 1, Детский сад № 1",
        "Итого: ✔ 28, ✘ 1, ⚠ 2.",
    ] {
        assert!(run.stdout.contains(expected), "no «{expected}» in\n{}", run.stdout);
    }
}

/// The site with `path`'s text changed, built at 2025-06-01: it must fail and leave
/// `public/` unwritten; returns stderr.
fn fails_with(path: &str, from: &str, to: &str) -> String {
    let site = site();
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    assert!(text.contains(from), "no «{from}» in {path}");
    site.write(path, &text.replacen(from, to, 1));
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!site.public().exists());
    run.stderr
}

fn assert_has(stderr: &str, expected: &[&str]) {
    for line in expected {
        assert!(stderr.contains(line), "no «{line}» in\n{stderr}");
    }
}

#[test]
fn a_plan_whose_act_number_differs_from_the_act_page_fails_at_its_line() {
    let stderr = fails_with(
        "data/plans/plan.yaml",
        r#"number: "10-П""#,
        r#"number: "11-П""#,
    );
    assert_has(
        &stderr,
        &[
            "data/plans/plan.yaml:3:28: ошибка: номер утвердившего акта «11-П» не совпадает с номером на странице документа content/documents/prikaz-plan.md: «10-П»",
            "номер один и тот же в approved плана и в number документа",
        ],
    );
}

#[test]
fn a_plan_whose_act_date_differs_from_the_act_page_fails_at_its_line() {
    let stderr = fails_with(
        "data/plans/plan.yaml",
        "date: 2024-09-10",
        "date: 2024-09-01",
    );
    assert_has(
        &stderr,
        &[
            "data/plans/plan.yaml:3:44: ошибка: дата утвердившего акта 01.09.2024 не совпадает с датой на странице документа content/documents/prikaz-plan.md: 10.09.2024",
            "дата одна и та же в approved плана и в approved документа",
        ],
    );
}

#[test]
fn an_act_without_a_number_fails_at_its_title() {
    let stderr = fails_with("content/documents/prikaz-vpr.md", "number: \"42-П\"\n", "");
    assert_has(
        &stderr,
        &[
            "content/documents/prikaz-vpr.md:2:1: ошибка: у документа не указан номер (number)",
            "добавьте номер, как он написан в акте",
        ],
    );
}

#[test]
fn a_misspelt_act_kind_fails_with_the_nearest_kind() {
    let stderr = fails_with(
        "content/documents/prikaz-vpr.md",
        "act: приказ",
        "act: прикас",
    );
    assert_has(
        &stderr,
        &[
            "content/documents/prikaz-vpr.md:4:6: ошибка: вид документа «прикас» не известен",
            "возможно, имелось в виду act: приказ",
        ],
    );
}

#[test]
fn an_unusual_act_kind_is_only_a_warning() {
    let site = site();
    let path = "content/documents/prikaz-vpr.md";
    let text = std::fs::read_to_string(site.root.join(path)).unwrap();
    site.write(path, &text.replace("act: приказ", "act: меморандум"));
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains(
        "content/documents/prikaz-vpr.md:4:6: предупреждение: вид документа «меморандум» не из обычного перечня"
    ), "{}", run.stderr);
}

#[test]
fn an_act_signed_after_as_of_fails() {
    let stderr = fails_with(
        "content/documents/prikaz-vpr.md",
        "approved: 2024-03-01\ndate: 2024-03-04",
        "approved: 2025-07-01\ndate: 2025-07-04",
    );
    assert_has(
        &stderr,
        &[
            "content/documents/prikaz-vpr.md:6:11: ошибка: дата документа 01.07.2025 позже сегодняшней (01.06.2025)",
            "проверьте дату подписания (approved)",
        ],
    );
}

#[test]
fn an_act_placed_before_it_was_signed_fails() {
    let stderr = fails_with(
        "content/documents/prikaz-vpr.md",
        "date: 2024-03-04",
        "date: 2024-02-04",
    );
    assert_has(
        &stderr,
        &[
            "content/documents/prikaz-vpr.md:7:7: ошибка: дата размещения 04.02.2024 раньше даты документа 01.03.2024",
            "документ размещают после подписания",
        ],
    );
}

#[test]
fn an_act_cancelling_a_later_act_fails_at_the_link() {
    let stderr = fails_with(
        "content/documents/prikaz-old.md",
        "approved: 2019-09-12\ndate: 2019-09-16",
        "approved: 2024-09-12\ndate: 2024-09-16",
    );
    assert_has(
        &stderr,
        &[
            "content/documents/prikaz-new.md:9:11: ошибка: документ от 30.08.2024 признаёт утратившим силу документ content/documents/prikaz-old.md, подписанный позже — 12.09.2024",
            "проверьте cancels и даты approved обоих документов",
        ],
    );
}

#[test]
fn a_build_outside_git_names_each_open_data_set_left_out() {
    let site = Site::fixture("openness");
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_has(
        &run.stderr,
        &[
            "data/organizations.yaml:1:1: предупреждение: набор открытых данных «Реестр муниципальных образовательных организаций» не опубликован: неизвестна дата его версии",
            "data/indicators/doshkolnoe.yaml:1:1: предупреждение: набор открытых данных «Показатели МСОКО:",
            "добавьте data/organizations.yaml в репозиторий сайта (git add, git commit)",
        ],
    );
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

// Issue #8: a broken site.yaml leaves nothing to check; zero of everything would read
// like an empty pass.
#[test]
fn check_with_unreadable_settings_says_the_checklist_was_not_computed() {
    let site = site();
    site.write("site.yaml", "title: [\n");
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("Чек-лист не составлен: не удалось прочитать настройки сайта (site.yaml)"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("Итого"), "{}", run.stdout);
    assert!(
        run.stderr.contains("site.yaml:2:1: ошибка"),
        "{}",
        run.stderr
    );

    let run = site.run(&["check", "--as-of", "2025-06-01", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(json["checklist"].is_null(), "{}", json["checklist"]);
}
