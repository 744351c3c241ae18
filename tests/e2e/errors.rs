//! Each kind of bad input: exit 1 and a message with file:line:column and a hint.

use crate::harness::Site;

/// Builds and returns stderr, asserting the build failed.
fn failing(site: &Site) -> String {
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "expected a failure:\n{}", run.stderr);
    assert!(
        !site.public().exists(),
        "a failed first build writes nothing"
    );
    run.stderr
}

fn assert_has(stderr: &str, expected: &str) {
    assert!(
        stderr.contains(expected),
        "expected «{expected}» in:\n{stderr}"
    );
}

#[test]
fn errors_on_unknown_front_matter_key() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 2025-02-01\nautor: Иванов\n---\n",
    );
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "content/news/first.md:4:1: ошибка: неизвестное поле «autor»",
    );
    assert_has(
        &stderr,
        "подсказка: проверьте написание; допустимые поля: title, description, date",
    );
}

#[test]
fn errors_on_invalid_yaml() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: Приказ: об утверждении\n---\n",
    );
    let stderr = failing(&site);
    assert_has(&stderr, "content/news/first.md:2:");
    assert_has(&stderr, "ошибка в разметке YAML");
    assert_has(&stderr, "заключите в кавычки");
}

#[test]
fn errors_on_a_tab_in_front_matter() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\n\tdate: 2025-02-01\n---\n",
    );
    let stderr = failing(&site);
    assert_has(&stderr, "content/news/first.md:3:1: ошибка:");
    assert_has(&stderr, "замените табуляцию пробелами");
}

#[test]
fn errors_on_missing_title() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ndate: 2025-02-01\n---\nТекст\n",
    );
    assert_has(
        &failing(&site),
        "content/news/first.md:2:1: ошибка: у страницы нет названия (title)",
    );
}

#[test]
fn errors_on_a_date_that_is_not_a_date() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 31.13.2025\n---\n",
    );
    assert_has(
        &failing(&site),
        "content/news/first.md:3:7: ошибка: в дате «31.13.2025» месяца 13 нет",
    );
}

#[test]
fn errors_on_a_template_error_with_the_template_name_and_line() {
    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}{{ page.title }{% endblock content %}",
    );
    assert_has(&failing(&site), "themes/default/templates/page.html:2:");
}

#[test]
fn errors_on_a_template_that_uses_an_unknown_variable() {
    let site = Site::fixture("basic");
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ page.autor }}{% endblock content %}",
    );
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "themes/default/templates/page.html: ошибка: ошибка в шаблоне:",
    );
    assert_has(&stderr, "page.autor");
    // One template bug, one message, however many pages use it.
    assert_eq!(stderr.matches("page.autor").count(), 1, "{stderr}");
}

#[test]
fn errors_on_an_unknown_template_in_front_matter() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 2025-02-01\ntemplate: news.html\n---\n",
    );
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "content/news/first.md:4:1: ошибка: шаблона «news.html» нет в теме",
    );
    assert_has(
        &stderr,
        "доступные шаблоны: 404.html, authority.html, base.html, chapter.html,",
    );
}

#[test]
fn errors_on_a_broken_internal_link_at_its_line_and_column() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 2025-02-01\n---\nТекст.\n\nСм. [отчёт](/reports/2025/).\n",
    );
    assert_has(
        &failing(&site),
        "content/news/first.md:7:5: ошибка: ссылка «/reports/2025/» никуда не ведёт",
    );
}

#[test]
fn errors_on_a_link_to_a_missing_heading() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 2025-02-01\n---\n[x](second.md#itogi)\n",
    );
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "content/news/first.md:5:1: ошибка: в ссылке «second.md#itogi» нет раздела «#itogi»",
    );
    assert_has(&stderr, "разделы той страницы: podrobnosti");
}

#[test]
fn errors_on_a_missing_attached_file() {
    let site = Site::fixture("basic");
    site.remove("content/documents/order.pdf");
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "content/documents/order.md:7:1: ошибка: прикреплённый файл «order.pdf» не найден",
    );
}

#[test]
fn errors_on_bad_site_yaml() {
    let site = Site::fixture("basic");
    let config = std::fs::read_to_string(site.root.join("site.yaml")).unwrap();
    site.write("site.yaml", &config.replace("base_url:", "base_ulr:"));
    assert_has(
        &failing(&site),
        "site.yaml:3:1: ошибка: неизвестное поле «base_ulr»",
    );
}

#[test]
fn errors_on_a_file_in_an_encoding_it_cannot_read() {
    // «Приказ» in DOS code page 866 (Windows-1251 is read, see windows.rs).
    let site = Site::fixture("basic");
    std::fs::write(
        site.root.join("content/news/first.md"),
        b"---\ntitle: \x8f\xe0\xa8\xaa\xa0\xa7\n---\n",
    )
    .unwrap();
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "content/news/first.md:2:8: ошибка: файл сохранён не в кодировке UTF-8 и не в Windows-1251",
    );
}

#[test]
fn issue19_a_utf8_file_cut_inside_a_character_says_so_at_its_end() {
    let site = Site::fixture("basic");
    let mut bytes = "---\ntitle: \"Приказ\"\n---\nТекст приказа"
        .as_bytes()
        .to_vec();
    bytes.pop();
    std::fs::write(site.root.join("content/news/first.md"), bytes).unwrap();
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "content/news/first.md:4:13: ошибка: файл обрывается посреди символа: он в кодировке UTF-8, но его конец отрезан",
    );
    assert_has(&stderr, "подсказка: откройте файл и проверьте его конец");
    assert!(!stderr.contains("не в кодировке UTF-8"), "{stderr}");
}

#[test]
fn reports_every_error_not_only_the_first() {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 2025-02-30\n---\n",
    );
    site.write(
        "content/news/second.md",
        "---\ntitle: B\ndate: 2025-03-01\n---\n[x](/nowhere/)\n",
    );
    site.write("content/documents/order.md", "---\nkind: document\n---\n");
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "content/documents/order.md:2:1: ошибка: у страницы нет названия",
    );
    assert_has(
        &stderr,
        "content/news/first.md:3:7: ошибка: в дате «2025-02-30» числа 30 нет",
    );
    assert_has(
        &stderr,
        "content/news/second.md:5:1: ошибка: ссылка «/nowhere/» никуда не ведёт",
    );
    assert_has(&stderr, "ошибок — 3");
    // Sorted by file, whatever order the threads finished in.
    let order = stderr.find("order.md").unwrap();
    let first = stderr.find("first.md").unwrap();
    assert!(order < first);
}

/// Issue 16: lines of indicators were found by searching the text for `id:` lines in
/// order, the direction's own `id` first; a file that lists its indicators before
/// `direction:` put every indicator at the direction's line or below it.
#[test]
fn issue16_points_at_an_indicator_listed_before_its_direction() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/indicators/doshkolnoe.yaml",
        "indicators:\n  - id: dou-staffing\n    title: \"Укомплектованность детских садов педагогами\"\n    unit: \"%\"\n    better: higher\n    period: school_year\n    values: {municipality: {\"2023/24\": 91.5, \"2024/25\": 93.0}, ds-1: {\"2024/25\": 95.0}}\n  - id: dou-staffing\n    title: \"Повтор\"\n    unit: \"%\"\n    better: higher\ndirection:\n  id: doshkolnoe\n  title: \"Дошкольное образование\"\n  weight: 2\n",
    );
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "data/indicators/doshkolnoe.yaml:8:3: ошибка: показатель «dou-staffing» уже описан: data/indicators/doshkolnoe.yaml:2",
    );
}

/// One typo in the register (a month 13) used to be followed by an error for every
/// row of results and every link to a school: thousands of messages for one fix.
#[test]
fn a_register_that_cannot_be_read_is_reported_once_not_in_every_row_that_names_a_school() {
    let site = Site::fixture("analytics");
    let register = site.read_source("data/organizations.yaml").replace(
        "short_name: \"Школа А\", kind: school}",
        "short_name: \"Школа А\", kind: school, closed: 2025-13-01}",
    );
    site.write("data/organizations.yaml", &register);
    site.write(
        "content/about.md",
        "---\ntitle: О школах\n---\n\nСм. [Школа А](/orgs/sch-a/).\n",
    );
    let stderr = failing(&site);
    assert_has(
        &stderr,
        "data/organizations.yaml:1:84: ошибка: в дате «2025-13-01» месяца 13 нет",
    );
    assert_has(
        &stderr,
        "подсказка: пишите дату в виде ГГГГ-ММ-ДД (2025-08-29) или ДД.ММ.ГГГГ (29.08.2025)",
    );
    assert_has(
        &stderr,
        "data/organizations.yaml: предупреждение: пока реестр не прочитан, результаты, показатели и ссылки на организации не проверялись",
    );
    assert_eq!(stderr.matches("ошибка:").count(), 1, "{stderr}");
}
