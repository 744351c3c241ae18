//! Issue 19: a build never destroys what it was not made for, never leaves the site
//! missing, and runs one at a time.

use std::fs;
use std::path::Path;

use crate::harness::{snapshot, Site};

fn build_into(site: &Site, out: &Path) -> crate::harness::Run {
    site.run(&[
        "build",
        "--as-of",
        "2025-06-01",
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn issue19_out_refuses_the_sources_the_root_and_above_with_exit_2() {
    let site = Site::fixture("basic");
    let before = snapshot(&site.root);
    for (out, words) in [
        (site.root.join("content"), "внутрь папки content/"),
        (site.root.join("data"), "внутрь папки data/"),
        (site.root.clone(), "саму папку сайта"),
        (site.root.join("content/.."), "саму папку сайта"),
        (site.root.parent().unwrap().to_path_buf(), "лежит сам сайт"),
    ] {
        let run = build_into(&site, &out);
        assert_eq!(run.code, 2, "{}: {}", out.display(), run.stderr);
        assert!(run.stderr.contains(words), "{}", run.stderr);
        assert!(run.stderr.contains("подсказка: укажите в --out"));
    }
    assert_eq!(before, snapshot(&site.root), "nothing was touched");
}

#[test]
fn issue19_out_replaces_only_an_empty_folder_or_one_msoko_made() {
    let site = Site::fixture("basic");
    let out = site.root.parent().unwrap().join("thesis");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("chapter1.docx"), "мой текст").unwrap();
    let run = build_into(&site, &out);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("её создала не msoko"), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(out.join("chapter1.docx")).unwrap(),
        "мой текст"
    );

    let www = site.root.parent().unwrap().join("www");
    assert_eq!(build_into(&site, &www).code, 0);
    assert!(www.join(".msoko-output").is_file(), "the marker is written");
    let again = build_into(&site, &www);
    assert_eq!(
        again.code, 0,
        "a folder msoko made is replaced: {}",
        again.stderr
    );
}

#[test]
fn issue19_english_refusal() {
    let site = Site::fixture("basic");
    let run = site.run(&[
        "--lang",
        "en",
        "build",
        "--out",
        site.root.join("content").to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--out points inside content/"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue19_a_build_killed_between_the_renames_is_recovered_by_the_next_build() {
    let site = Site::fixture("basic");
    site.build();
    let before = snapshot(&site.public());
    // What a kill between the two renames of the old swap left: no public/.
    let old = site.root.join(".public.msoko-old");
    let new = site.root.join(".public.msoko-new");
    fs::rename(site.public(), &old).unwrap();
    fs::create_dir_all(new.join("news")).unwrap();
    site.write(
        "content/news/first.md",
        "---\ntitle: x\ndate: 2025-02-30\n---\n",
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Сайт не изменён"));
    assert_eq!(before, snapshot(&site.public()), "the old site is back");
    assert!(!old.exists() && !new.exists());
}

#[test]
fn issue19_a_second_build_at_the_same_time_says_a_build_is_running_and_exits_2() {
    let site = Site::fixture("basic");
    site.build();
    let before = snapshot(&site.public());
    let lock = fs::File::create(site.root.join(".public.msoko-lock")).unwrap();
    lock.try_lock().unwrap();
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("уже идёт сборка"), "{}", run.stderr);
    assert_eq!(before, snapshot(&site.public()));
    drop(lock);
    site.build();
    assert!(!site.root.join(".public.msoko-lock").exists());
}

#[test]
fn issue19_the_starter_ignores_the_folders_beside_public() {
    let site = Site::empty();
    let run = crate::harness::msoko([std::ffi::OsStr::new("init"), site.root.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ignore = fs::read_to_string(site.root.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == ".public.msoko-*"), "{ignore}");
}

#[test]
fn issue19_a_script_address_in_a_data_field_is_an_error_at_its_line() {
    let site = Site::fixture("openness");
    let config = site
        .read_source("site.yaml")
        .replace("https://vk.com/uo_test", "javascript:alert(1)")
        .replace("\"http://pravo.gov.ru/\"", "\" JaVaScript:alert(2)\"");
    site.write("site.yaml", &config);
    let orgs = site.read_source("data/organizations.yaml");
    let site_line = orgs
        .lines()
        .position(|l| l.contains("https://ds1.test.example.ru"))
        .unwrap()
        + 1;
    let orgs = orgs
        .replace(
            "https://ds1.test.example.ru",
            "data:text/html,<script>x</script>",
        )
        .replacen("https://vk.com/school_test", "vbscript:msgbox", 1);
    site.write("data/organizations.yaml", &orgs);
    let before = snapshot(&site.root);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "site.yaml:27:7: ошибка: powers.acts.url: адрес « JaVaScript:alert(2)» начинается со схемы «javascript:»".to_string(),
        "site.yaml:33:5: ошибка: social.url: адрес «javascript:alert(1)» начинается со схемы «javascript:»".to_string(),
        format!("organizations.yaml:{site_line}:3: ошибка: ds-1: site: адрес «data:text/html,<script>x</script>» начинается со схемы «data:»"),
        "organizations.yaml:9:3: ошибка: sosh-1: social.url: адрес «vbscript:msgbox» начинается со схемы «vbscript:»".to_string(),
        "подсказка: адрес начинается с https://, http://, mailto: или tel:".to_string(),
    ] {
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
    assert_eq!(before, snapshot(&site.root), "nothing was written");
}

#[test]
fn issue19_a_script_link_in_markdown_is_dropped_with_a_warning() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: \"Первая новость\"\ndate: 2025-02-01\n---\nСм. [форму](javascript:alert(document.cookie)).\n",
    );
    let run = site.build();
    assert!(
        run.stderr.contains("content/news/first.md:5:5: предупреждение: ссылка с адресом «javascript:…» не опубликована"),
        "{}",
        run.stderr
    );
    let html = site.read("news/first/index.html");
    assert!(html.contains("См. форму.") && !html.contains("javascript:"));
}

#[test]
fn issue19_formulas_in_published_csv_cells_are_neutralised() {
    let site = Site::fixture("openness");
    let plan = site.read_source("data/plans/plan.yaml").replacen(
        "        status: done\n",
        "        result: \"=HYPERLINK(\\\"http://evil.example\\\";\\\"Отчёт\\\")\"\n        status: done\n",
        1,
    );
    site.write("data/plans/plan.yaml", &plan);
    let orgs = site
        .read_source("data/organizations.yaml")
        .replace("Кузнецова Ольга Ивановна", "=1+2");
    site.write("data/organizations.yaml", &orgs);
    site.commit_to_git().build();
    let plan_csv = site.read("plans/plan-2024.csv");
    assert!(
        plan_csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Отчёт\"\")\""),
        "{plan_csv}"
    );
    let data = site.read("opendata/1234567894-orgs/data-20250520-structure-20250520.csv");
    assert!(data.contains(",'=1+2,"), "{data}");
    assert!(!data.contains(",=1+2,"));
    // Phones stay as typed; the JSON keeps the text as written.
    let json = site.read("opendata/1234567894-orgs/data-20250520-structure-20250520.json");
    assert!(json.contains("\"head\": \"=1+2\""), "{json}");
    let structure = site.read("opendata/1234567894-orgs/structure-20250520.csv");
    assert!(
        structure.contains("записано с апострофом (') в начале, чтобы электронная таблица не выполнила его как формулу"),
        "{structure}"
    );
}

#[test]
fn issue19_an_uppercase_md_draft_is_a_page_not_a_raw_copy() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/Проект.MD",
        "---\ntitle: \"Проект новости\"\ndraft: true\n---\nЧерновик.\n",
    );
    site.write(
        "content/news/Итоги.markdown",
        "---\ntitle: \"Итоги года\"\ndate: 2025-03-01\n---\nТекст итогов.\n",
    );
    site.build();
    let files: Vec<String> = snapshot(&site.public())
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert!(!files.iter().any(|p| p.contains("Проект")), "{files:?}");
    assert!(
        files.iter().any(|p| p == "news/itogi/index.html"),
        "{files:?}"
    );
    assert!(site.read("news/itogi/index.html").contains("Текст итогов."));
}

#[test]
fn issue19_well_known_is_published_and_other_hidden_files_are_reported() {
    let site = Site::fixture("basic");
    site.write(
        "content/.well-known/security.txt",
        "Contact: mailto:uo@example.ru\n",
    );
    site.write("content/.htaccess", "Deny from all\n");
    let run = site.build();
    assert_eq!(
        site.read(".well-known/security.txt"),
        "Contact: mailto:uo@example.ru\n"
    );
    assert!(
        run.stderr.contains("content/.htaccess: предупреждение: скрытый файл (имя начинается с точки) не публикуется"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn issue19_symbolic_links_are_followed_inside_the_site_and_reported_outside() {
    use std::os::unix::fs::symlink;
    let site = Site::fixture("basic");
    site.write("shared/устав.pdf", "%PDF-1.4 устав");
    let outside = site.root.parent().unwrap().join("secret.txt");
    fs::write(&outside, "пароль").unwrap();
    symlink(site.root.join("shared"), site.root.join("content/files")).unwrap();
    symlink(&outside, site.root.join("content/secret.txt")).unwrap();
    let run = site.build();
    assert_eq!(site.read("files/устав.pdf"), "%PDF-1.4 устав");
    assert!(!site.public().join("secret.txt").exists());
    assert!(
        run.stderr.contains("content/secret.txt: предупреждение: символическая ссылка ведёт за пределы папки сайта и не прочитана"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue19_a_misspelt_or_invisible_page_kind_fails_at_its_own_line() {
    for (written, advice) in [
        ("documnet", "подсказка: возможно, вы имели в виду document; допустимые значения: document, report"),
        ("Document", "подсказка: возможно, вы имели в виду document;"),
        (
            "docu\u{200B}ment",
            "подсказка: в написании есть невидимый символ U+200B (пробел нулевой ширины) после 4-го знака — наберите слово заново; возможно, вы имели в виду document",
        ),
    ] {
        let site = Site::fixture("openness");
        let path = "content/documents/prikaz-vpr.md";
        let text = site.read_source(path).replace("kind: document", &format!("kind: {written}"));
        site.write(path, &text);
        let run = site.run(&["build", "--as-of", "2025-06-01"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let expected = format!(
            "content/documents/prikaz-vpr.md:3:7: ошибка: недопустимое значение «{written}» (поле kind)"
        );
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
        assert!(run.stderr.contains(advice), "{advice}\n{}", run.stderr);
    }
}

#[test]
fn issue19_an_invisible_character_in_a_key_is_named() {
    let site = Site::fixture("openness");
    let path = "content/documents/prikaz-vpr.md";
    let text = site.read_source(path).replace("number:", "num\u{200B}ber:");
    site.write(path, &text);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("невидимый символ U+200B (пробел нулевой ширины) после 3-го знака — наберите слово заново; возможно, вы имели в виду number"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue19_a_plan_cut_off_in_the_middle_fails_where_it_breaks_off() {
    let site = Site::fixture("plans");
    let path = "data/plans/school-year.yaml";
    let text = site.read_source(path);
    let cut = text.find("title: \"Утвердить график процедур\"\n").unwrap()
        + "title: \"Утвердить график процедур\"\n       ".len();
    site.write(path, &text[..cut]);
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("data/plans/school-year.yaml:17:1: ошибка: файл обрывается посреди записи (последняя строка не закончена)"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue19_front_matter_nested_too_deep_is_rejected_before_parsing() {
    let site = Site::fixture("basic");
    let bomb = "[".repeat(100_000);
    site.write(
        "content/news/first.md",
        &format!("---\ntitle: \"Первая\"\ndescription: {bomb}\n---\nТекст.\n"),
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/news/first.md:3:46: ошибка: скобки [ и { вложены друг в друга глубже 32 уровней"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue19_implausible_values_fail_at_their_cells() {
    let site = Site::fixture("monitoring");
    let path = "data/values/vpr-low.csv";
    let text = site.read_source(path);
    site.write(
        path,
        &format!("{text}2025,sosh-2,-5,математика\n2024,sosh-2,150,математика\n2023,sosh-2,1e20,математика\n2031,municipality,5,математика\n"),
    );
    let lines = text.lines().count();
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for (offset, column, words) in [
        (1, 13, "значение -5 % вне диапазона 0–100"),
        (2, 13, "значение 150 % вне диапазона 0–100"),
        (
            3,
            13,
            "значение 100000000000000000000 % вне диапазона 0–100",
        ),
        (
            4,
            1,
            "значение за 2031: этот период ещё не начался (дата сборки 01.06.2025)",
        ),
    ] {
        let expected = format!("{path}:{}:{column}: ошибка: {words}", lines + offset);
        assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    }
}

#[test]
fn issue19_a_page_dated_after_as_of_fails() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: \"Первая новость\"\ndate: 2062-02-01\n---\nТекст.\n",
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/news/first.md:3:1: ошибка: дата страницы date: 01.02.2062 позже сегодняшней (01.06.2025)"),
        "{}",
        run.stderr
    );
}

#[test]
fn issue19_min_group_below_three_and_a_wrong_inn_fail() {
    let site = Site::fixture("openness");
    let config = site
        .read_source("site.yaml")
        .replace("inn: \"1234567894\"", "inn: \"123456789\"");
    site.write("site.yaml", &format!("{config}privacy:\n  min_group: 1\n"));
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    for expected in [
        "site.yaml:13:",
        "ИНН «123456789» — не ИНН: нужно 10 цифр (организация) или 12 (физическое лицо), а здесь знаков — 9",
        "privacy.min_group: 1 — слишком мало",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
}

#[test]
fn issue19_eight_thousand_breakdown_values_build_quickly_with_a_warning() {
    let site = Site::fixture("monitoring");
    let path = "data/values/vpr-low.csv";
    let mut text = site.read_source(path);
    for i in 0..8000 {
        text.push_str(&format!("2024,municipality,5,предмет{i}\n"));
    }
    site.write(path, &text);
    let started = std::time::Instant::now();
    let run = site.build();
    // Took 36 s before (a chart per value); a generous bound for a loaded machine.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert!(
        run.stderr.contains("data/values/vpr-low.csv:1:1: предупреждение: в разрезах (subject) 8001 разных значений: на странице показателя графики только для первых 40"),
        "{}",
        run.stderr
    );
    let page = site.read("indicators/vpr-low/index.html");
    // Each chart is drawn wide and narrow; the wide one opens with `<svg role=`.
    assert!(page.matches("<svg role=\"img\"").count() <= 80);
    assert!(site.read("indicators/vpr-low.csv").contains("предмет7999"));
}

#[test]
fn issue19_forty_thousand_bad_rows_show_fifty_messages_then_how_many_more() {
    let site = Site::fixture("monitoring");
    let path = "data/values/vpr-low.csv";
    let mut text = site.read_source(path);
    let first = text.lines().count() + 1;
    for i in 0..40_000 {
        text.push_str(&format!("2024,sosh-1,abc{i},математика\n"));
    }
    site.write(path, &text);
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains(&format!(
        "{path}:{first}:13: ошибка: значение «abc0» — не число"
    )));
    assert_eq!(run.stderr.matches("— не число").count(), 50);
    assert!(
        run.stderr.contains(&format!(
            "{path}: ошибка: и ещё 39950 сообщений об этом файле (показаны первые 50)"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn issue19_a_misspelt_theme_is_one_error_at_its_line_in_site_yaml() {
    let site = Site::fixture("basic");
    let config = site.read_source("site.yaml");
    site.write("site.yaml", &format!("{config}theme: defualt\n"));
    let line = config.lines().count() + 1;
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&format!(
            "site.yaml:{line}:1: ошибка: недопустимое значение «defualt» (поле theme)"
        )),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("подсказка: возможно, вы имели в виду default"));
    assert!(!run.stderr.contains("content/_index.md"), "{}", run.stderr);
    assert!(run.stderr.contains("ошибок — 1,"));
}

#[test]
fn issue19_an_emptied_analytics_file_is_reported_at_itself_first() {
    let site = Site::fixture("analytics");
    site.write("data/analytics.yaml", "");
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    let first_error = run
        .stderr
        .lines()
        .find(|l| l.contains(": ошибка: "))
        .unwrap();
    assert_eq!(
        first_error,
        "data/analytics.yaml:1:1: ошибка: файл пуст: в нём нет ни одной записи"
    );
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn issue19_script_in_raw_html_is_dropped_with_a_warning_at_its_place() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        concat!(
            "---\ntitle: \"Первая новость\"\ndate: 2025-02-01\n---\n",
            "Текст с <a href=\"JaVa&#x53;cript:alert(1)\" title=\"форма\">формой</a> и <sup>2</sup>.\n",
            "\n",
            "<div class=\"note\"\n     onmouseover=\"steal()\">\n",
            "<img src=\"data:text/html,<b>x</b>\" alt=\"Схема\">\n",
            "<a href=\"vbscript:msgbox\">VB</a>\n",
            "</div>\n",
            "\n",
            "<script>alert(document.cookie)</script>\n",
            "\n",
            "<details><summary>Подробнее</summary>Раскрывается.</details>\n",
        ),
    );
    let run = site.build();
    for expected in [
        "content/news/first.md:5:12: предупреждение: у HTML-тега <a> убран адрес «javascript:…» (атрибут href): такой адрес может выполнить программу в браузере читателя",
        "content/news/first.md:8:6: предупреждение: у HTML-тега <div> убран атрибут «onmouseover»: он запускает программу в браузере читателя",
        "content/news/first.md:9:6: предупреждение: у HTML-тега <img> убран адрес «data:…» (атрибут src)",
        "content/news/first.md:10:4: предупреждение: у HTML-тега <a> убран адрес «vbscript:…» (атрибут href)",
        "content/news/first.md:13:1: предупреждение: HTML-элемент <script> не опубликован: он загружает или запускает программу на странице",
        "подсказка: уберите атрибут «onmouseover»",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    let html = site.read("news/first/index.html");
    for gone in [
        "avaScript",
        "&#x53;cript",
        "onmouseover",
        "data:text",
        "vbscript",
        "<script>alert",
        "document.cookie",
    ] {
        assert!(!html.contains(gone), "{gone}\n{html}");
    }
    // Raw HTML stays allowed: what runs no program is published as written.
    for kept in [
        "<a title=\"форма\">формой</a>",
        "<sup>2</sup>",
        "<div class=\"note\">",
        "<img alt=\"Схема\">",
        "<details><summary>Подробнее</summary>Раскрывается.</details>",
    ] {
        assert!(html.contains(kept), "{kept}\n{html}");
    }
}
