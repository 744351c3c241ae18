//! Issue #21, the auditor's visit: the openness duties after the core of 8-ФЗ ст. 13
//! (procurement, drafts and their discussion, the personal-data policy,
//! anti-corruption, the schools' official pages), the report as an official PDF in
//! the registry, dates that agree with `--as-of`, and `check` never ✔ on nothing.

use std::path::Path;
use std::process::Command;

use crate::harness::{command, Site};

const CHROMIUM: &str = "/usr/bin/chromium";

fn without_key(config: &str, key: &str) -> String {
    let mut out = String::new();
    let mut skipping: Option<usize> = None;
    for line in config.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(depth) = skipping {
            if indent > depth {
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

fn check(site: &Site, chromium: &str) -> crate::harness::Run {
    let output = command()
        .env("MSOKO_CHROMIUM", chromium)
        .args(["check", "--as-of", "2026-11-20", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    crate::harness::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn assert_lines(text: &str, expected: &[&str]) {
    for line in expected {
        assert!(text.contains(line), "no «{line}» in\n{text}");
    }
}

#[test]
fn check_on_the_demo_lists_every_new_duty_present() {
    let site = Site::demo();
    site.commit_to_git();
    // `check` prints nothing, so it only needs to know a browser is there.
    let chromium = if Path::new(CHROMIUM).is_file() {
        CHROMIUM
    } else {
        ""
    };
    let run = check(&site, chromium);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let mut expected = vec![
        "✔ Официальные страницы подведомственных организаций в социальных сетях: на странице /about/#orgs",
        "✔ Информация о закупках для муниципальных нужд (п. 2 «в»): на странице /about/#procurement",
        "8-ФЗ, ст. 13, ч. 1, п. 2 «б»; обсуждение проектов — по муниципальным и региональным актам",
        "✔ Проекты правовых актов: сроки и адрес общественного обсуждения, его итоги: на странице /documents/status/draft/",
        "152-ФЗ, ст. 18.1, ч. 2 — политика обработки персональных данных",
        "✔ Политика в отношении обработки персональных данных: в подвале каждой страницы и у форм обращений: на странице /documents/prikaz-2025-094/",
        "✔ Раздел «Противодействие коррупции»: акты, план и отчёт, обратная связь: на странице /about/#anti-corruption",
        "✔ Открытые данные: реестр и число наборов, паспорта, структура, условия использования, порядок запроса данных: на странице /opendata/",
        "✔ Порядок и время приёма, ответственное лицо, телефон, обзоры обращений: на странице /about/#appeals",
    ];
    if !chromium.is_empty() {
        expected.push("✔ Доклад как официальный документ: PDF и утвердивший акт в реестре документов: на странице /documents/");
    }
    assert_lines(&run.stdout, &expected);
    assert!(!run.stdout.contains("  ✘"), "{}", run.stdout);
}

#[test]
fn check_on_a_demo_without_each_item_names_it_and_where_it_goes() {
    let site = Site::demo();
    let mut config = site.read_source("site.yaml");
    for key in [
        "procurement",
        "personal_data_policy",
        "anti_corruption",
        "public_discussion",
    ] {
        config = without_key(&config, key);
    }
    config = config.replace("reviews: news/obzor-obrashcheniy-2025", "reviews: \"\"");
    site.write("site.yaml", &config);
    site.remove("content/documents/proekt-polozhenie-mskodo.md");
    let orgs = site.read_source("data/organizations.yaml");
    let first = orgs.find("  social:").unwrap();
    let end = first + orgs[first..].find("\n  head:").unwrap();
    site.write(
        "data/organizations.yaml",
        &format!("{}{}", &orgs[..first], &orgs[end + 1..]),
    );
    let report = site.read_source("content/doklad/2025/_index.md");
    site.write(
        "content/doklad/2025/_index.md",
        &report.replace("approved_by: documents/prikaz-2026-170\n", ""),
    );
    site.commit_to_git();
    let run = check(&site, "");
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_lines(
        &run.stdout,
        &[
            "✘ Официальные страницы подведомственных организаций в социальных сетях: без сведений об официальных страницах (social в data/organizations.yaml, [] — если их нет): МБОУ СОШ № 1",
            "✘ Информация о закупках для муниципальных нужд (п. 2 «в»): нет ссылки на страницу управления в единой информационной системе в сфере закупок (44-ФЗ, zakupki.gov.ru): authority.procurement.url в site.yaml",
            "⚠ Проекты правовых актов: сроки и адрес общественного обсуждения, его итоги: нет ни проектов актов в реестре, ни порядка их обсуждения",
            "✘ Политика в отношении обработки персональных данных: в подвале каждой страницы и у форм обращений: не указана политика обработки персональных данных: authority.personal_data_policy",
            "⚠ Раздел «Противодействие коррупции»: акты, план и отчёт, обратная связь: нет раздела: authority.anti_corruption в site.yaml",
            "✘ Порядок и время приёма, ответственное лицо, телефон, обзоры обращений: нет обзора обращений: authority.appeals.reviews",
            "⚠ Доклад как официальный документ: PDF и утвердивший акт в реестре документов: PDF доклада не будет создан: нет подписанного файла (file: в content/doklad/2025/_index.md) и не найден Chromium для печати (/usr/bin/chromium или путь в MSOKO_CHROMIUM); не указан акт, утвердивший доклад: approved_by: documents/… в content/doklad/2025/_index.md",
        ],
    );
    // The place of each line, as editors and CI read it.
    let json = command()
        .env("MSOKO_CHROMIUM", "")
        .args([
            "check",
            "--as-of",
            "2026-11-20",
            "--format",
            "json",
            "--root",
        ])
        .arg(&site.root)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let place = |requirement: &str| -> (String, String) {
        let item = json["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["requirement"].as_str().unwrap().starts_with(requirement))
            .unwrap_or_else(|| panic!("no {requirement}"));
        (
            item["mark"].as_str().unwrap().to_string(),
            item["path"].as_str().unwrap().to_string(),
        )
    };
    assert_eq!(
        place("Информация о закупках"),
        ("missing".into(), "/about/#procurement".into())
    );
    assert_eq!(
        place("Проекты правовых актов"),
        ("attention".into(), "/about/#drafts".into())
    );
    assert_eq!(
        place("Политика в отношении"),
        ("missing".into(), "/about/#personal-data".into())
    );
    assert_eq!(
        place("Раздел «Противодействие коррупции»"),
        ("attention".into(), "/about/#anti-corruption".into())
    );
}

#[test]
fn open_data_sets_left_out_are_missing_in_check_and_fail_a_ci_build() {
    let site = Site::fixture("openness");
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert_lines(
        &run.stdout,
        &["✘ Открытые данные: реестр и число наборов, паспорта, структура, условия использования, порядок запроса данных: набор «Реестр муниципальных образовательных организаций» не опубликован: неизвестна дата его версии — добавьте data/organizations.yaml в репозиторий сайта (git add, git commit)"],
    );
    // A local build keeps it a warning …
    let local = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(local.code, 0, "{}", local.stderr);
    std::fs::remove_dir_all(site.public()).unwrap();
    // … CI fails, and publishes nothing.
    let ci = command()
        .env("CI", "true")
        .args(["build", "--as-of", "2025-06-01", "--root"])
        .arg(&site.root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&ci.stderr);
    assert_eq!(ci.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("data/organizations.yaml:1:1: ошибка: набор открытых данных «Реестр муниципальных образовательных организаций» не опубликован: неизвестна дата его версии"),
        "{stderr}"
    );
    assert!(!site.public().exists());
}

#[test]
fn a_shallow_clone_is_named_with_the_fix() {
    let origin = Site::fixture("basic");
    origin.commit_to_git();
    origin.write("content/news/third.md", "---\ntitle: Третья\n---\nТекст.\n");
    let git = |dir: &Path, args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=msoko", "-c", "user.email=msoko@example.ru"])
            .args(args)
            .current_dir(dir)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    };
    git(&origin.root, &["add", "-A"]);
    git(&origin.root, &["commit", "-q", "-m", "third"]);
    let clone = Site::empty();
    let url = format!("file://{}", origin.root.display());
    git(
        origin.root.parent().unwrap(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            &url,
            clone.root.to_str().unwrap(),
        ],
    );
    let build = clone.run(&["build", "--as-of", "2026-11-20"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert_lines(
        &build.stderr,
        &[
            "site.yaml: предупреждение: сайт собирается из неполной копии репозитория (shallow clone)",
            "git fetch --unshallow; в CI — fetch-depth: 0",
        ],
    );
    let run = clone.run(&["check", "--as-of", "2026-11-20"]);
    assert_lines(
        &run.stdout,
        &["✘ Даты страниц и версий данных из истории git: сайт собран из неполной копии репозитория (shallow clone)"],
    );
}

#[test]
fn page_dates_are_never_after_as_of_and_search_is_not_a_section() {
    let site = Site::fixture("basic");
    // Committed on 2025-05-20, built as of 2025-05-10: «по состоянию на» 10.05.2025.
    site.write("content/news/note.md", "---\ntitle: Заметка\n---\nТекст.\n");
    site.commit_to_git();
    let run = site.run(&["build", "--as-of", "2025-05-10"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let note = site.read("news/note/index.html");
    assert!(
        note.contains(r#"Дата размещения: <time datetime="2025-05-10">10.05.2025</time>"#),
        "{note}"
    );
    for (url, html) in crate::harness::html_pages(&site.public()) {
        assert!(
            !html.contains("2025-05-20"),
            "{url} shows a date after --as-of"
        );
    }
    let home = site.read("index.html");
    assert!(!home.contains("Поиск по сайту"), "{home}");
    let search = site.read("search/index.html");
    assert!(!search.contains("Дата размещения"), "{search}");
}

#[test]
fn every_page_links_the_favicon_and_print_hides_screen_only_controls() {
    let site = Site::fixture("openness");
    site.build();
    for (url, html) in crate::harness::html_pages(&site.public()) {
        assert!(
            html.contains(r#"<link rel="icon" href="/favicon.ico" sizes="32x32">"#)
                && html.contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml">"#),
            "{url}"
        );
    }
    assert!(std::fs::read(site.public().join("favicon.ico"))
        .unwrap()
        .starts_with(&[0, 0, 1, 0]));
    let print = site.read("css/print.css");
    assert!(print.contains(".a11y-panel") && print.contains(".site-search"));
    // The footer and /about/ lead to open data, procurement, anti-corruption and the
    // personal-data policy.
    let home = site.read("index.html");
    for link in [
        r#"<a href="/opendata/">Открытые данные</a>"#,
        r#"<a href="/about/#procurement">Закупки</a>"#,
        r#"<a href="/about/#anti-corruption">Противодействие коррупции</a>"#,
        r#"<a href="/documents/polozhenie-uo/">Политика обработки персональных данных</a>"#,
    ] {
        assert!(home.contains(link), "no {link} in the footer");
    }
    let about = site.read("about/index.html");
    assert!(about.contains(r#"<h2 id="open-data">Открытые данные</h2>"#));
    assert!(about.contains("Ссылка проверена <time datetime=\"2025-05-15\">15.05.2025</time>"));
}

/// The openness fixture with its 2023 report made a report approved by an act.
fn site_with_an_approved_report() -> Site {
    let site = Site::fixture("openness");
    site.write(
        "content/doklad/2023/_index.md",
        "---\ntitle: \"Доклад за 2023 год\"\nkind: report\napproved_by: documents/prikaz-doklad\ndate: 2024-09-20\n---\n\nДоклад о состоянии системы образования.\n",
    );
    site.write(
        "content/doklad/2023/01-itogi.md",
        "---\ntitle: \"Итоги года\"\n---\n\n| Показатель | 2023 |\n|---|---|\n| Школ | 2 |\n",
    );
    site.write(
        "content/documents/prikaz-doklad.md",
        "---\ntitle: \"Об утверждении доклада за 2023 год\"\nkind: document\nact: \"приказ\"\nnumber: \"77-П\"\napproved: 2024-09-16\ndate: 2024-09-18\n---\n\nУтвердить доклад.\n",
    );
    site
}

#[test]
fn a_report_without_a_browser_is_listed_with_its_act_and_check_says_why_there_is_no_pdf() {
    let site = site_with_an_approved_report();
    site.build();
    let registry = site.read("documents/index.html");
    assert!(
        registry
            .contains(r#"<a class="listing-title" href="/doklad/2023/">Доклад за 2023 год</a>"#),
        "{registry}"
    );
    assert!(
        registry.contains(
            r#"Утверждён: <a href="/documents/prikaz-doklad/">Приказ от 16.09.2024 № 77-П</a>"#
        ),
        "{registry}"
    );
    assert!(!site.public().join("doklad/2023/doklad-2023.pdf").exists());
    let act = site.read("documents/prikaz-doklad/index.html");
    assert!(act.contains(r#"Утверждает доклад: <a href="/doklad/2023/">Доклад за 2023 год</a>"#));
}

#[test]
fn a_draft_on_discussion_is_in_the_registry_and_its_dates_are_checked() {
    let site = Site::fixture("openness");
    site.write(
        "content/documents/proekt.md",
        "---\ntitle: \"Об утверждении порядка (проект)\"\nkind: document\nact: \"приказ\"\ndate: 2025-05-20\ndiscussion:\n  from: 2025-05-20\n  to: 2025-05-10\n  address: \"uo@test.example.ru\"\n---\n\nПроект.\n",
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_lines(
        &run.stderr,
        &[
            "content/documents/proekt.md:8:7: ошибка: обсуждение проекта кончается (10.05.2025) раньше, чем начинается (20.05.2025)",
            "content/documents/proekt.md:8:7: предупреждение: обсуждение проекта закончилось 10.05.2025, а его итоги не указаны",
        ],
    );
    site.write(
        "content/documents/proekt.md",
        "---\ntitle: \"Об утверждении порядка (проект)\"\nkind: document\nact: \"приказ\"\ndate: 2025-05-20\ndiscussion:\n  from: 2025-05-20\n  to: 2025-06-03\n  address: \"uo@test.example.ru\"\n---\n\nПроект.\n",
    );
    site.build();
    let registry = site.read("documents/status/draft/index.html");
    assert!(registry.contains("Общественное обсуждение с <time datetime=\"2025-05-20\">20.05.2025</time> по <time datetime=\"2025-06-03\">03.06.2025</time> — идёт сейчас; предложения: uo@test.example.ru"), "{registry}");
    let page = site.read("documents/proekt/index.html");
    assert!(page.contains(r#"<span class="doc-status doc-status-draft">проект</span>"#));
}

#[test]
fn the_report_is_printed_to_a_pdf_with_fixed_dates_and_rebuilt_identically() {
    if !Path::new(CHROMIUM).is_file() {
        eprintln!("no {CHROMIUM}: the printing is not tested here");
        return;
    }
    let site = site_with_an_approved_report();
    let build = |site: &Site| {
        let run = command()
            .env("MSOKO_CHROMIUM", CHROMIUM)
            .args(["build", "--as-of", "2025-06-01", "--root"])
            .arg(&site.root)
            .output()
            .unwrap();
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
    };
    build(&site);
    let pdf = std::fs::read(site.public().join("doklad/2023/doklad-2023.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("/CreationDate (D:20250601000000"),
        "the PDF keeps the clock"
    );
    let registry = site.read("documents/index.html");
    assert!(
        registry.contains(
            r#"<a href="/doklad/2023/doklad-2023.pdf" download>PDF<span class="visually-hidden">"#
        ),
        "{registry}"
    );
    let first = crate::harness::snapshot(&site.public());
    // Without the cache the browser prints again: the same bytes.
    std::fs::remove_dir_all(site.root.join(".msoko-cache")).unwrap();
    build(&site);
    assert!(
        first == crate::harness::snapshot(&site.public()),
        "a rebuild changed the output"
    );
}
