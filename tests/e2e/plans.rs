//! Plans: pages, filters, timeline, CSV/JSON, and bad plan data.

use crate::harness::Site;

/// The plans fixture built on 15.01.2026: 1.1 done, 1.2 unmarked (Nov–Dec 2025),
/// 2.1 planned (Apr–May 2026), 2.2 yearly, 2.3 by schedule, 2.1.1 unreadable.
/// 1.2 is past its deadline with no mark: «нет отметки о выполнении», not overdue.
fn built() -> Site {
    let site = Site::fixture("plans");
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

#[test]
fn lists_plans_with_progress() {
    let site = built();
    let list = site.read("plans/index.html");
    assert!(list.contains("<a href=\"/plans/school-year/\">План на 2025/2026 учебный год</a>"));
    assert!(list.contains("<a href=\"/documents/order/\">приказ от 29.08.2025 № 10-П</a>"));
    assert!(list.contains("Всего пунктов: 6. Выполнено — 1; Выполняется — 1; По графику — 1; Нет отметки о выполнении — 1; Запланировано — 1; Не определён — 1."), "{list}");
}

#[test]
fn shows_each_item_with_its_status_in_an_accessible_table() {
    let site = built();
    let page = site.read("plans/school-year/index.html");
    assert!(page.contains("<caption>1. Нормативное обеспечение</caption>"));
    assert!(page.contains("<th scope=\"col\">Срок</th>"));
    assert!(
        page.contains(
            "<tr id=\"punkt-1.2\" class=\"status-not_marked\">\n      <th scope=\"row\" data-label=\"№\">1.2</th>"
        ),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"badge badge-not_marked\">… нет отметки о выполнении</span>")
    );
    assert!(!page.contains("просрочено</span>"));
    assert!(page.contains("<span class=\"badge badge-done\">✓ выполнено</span><span class=\"item-extra\">20.11.2025</span><span class=\"item-extra\"><a href=\"/documents/order/\">Об утверждении плана</a></span>"));
    // Unnumbered rows are numbered by position in their section.
    assert!(page.contains("data-label=\"№\">2.3</th>"));
    // Unreadable text is kept, with status «не определён».
    assert!(page.contains("когда получится"));
    assert!(page.contains("<span class=\"badge badge-unknown\">? не определён</span>"));
}

#[test]
fn draws_the_timeline_with_a_text_alternative() {
    let site = built();
    let page = site.read("plans/school-year/index.html");
    assert!(page.contains(
        "<svg role=\"img\" aria-labelledby=\"gantt-school-year-title gantt-school-year-desc\""
    ));
    // Past the deadline with no mark is not «просрочено» on the chart either.
    assert!(!page.contains("Просрочены пункты"));
    assert!(page.contains("сегодня, 15.01.2026"));
}

#[test]
fn pre_renders_filtered_views_for_readers_without_javascript() {
    let site = built();
    let overdue = site.read("plans/school-year/status/not-marked/index.html");
    assert!(
        overdue.contains("Показаны пункты: статус «нет отметки о выполнении» — 1 из 6."),
        "{overdue}"
    );
    assert!(overdue.contains("Утвердить график процедур"));
    assert!(!overdue.contains("Утвердить положение"));
    let imc = site.read("plans/school-year/responsible/imts/index.html");
    assert!(imc.contains("ответственный «ИМЦ» — 4 из 6"), "{imc}");
    assert!(!imc.contains("Проверить работы"));
}

#[test]
fn exports_the_plan_as_csv_and_json() {
    let site = built();
    let csv = site.read("plans/school-year.csv");
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "plan,section,no,title,due_text,due_start,due_end,due_windows,recurrence,responsible,form,result,status,done");
    assert_eq!(lines[1], "school-year,1. Нормативное обеспечение,1.1,Утвердить положение,До 01.12.2025,2025-09-01,2025-12-01,2025-09-01/2025-12-01,,Начальник УО,,,done,2025-11-20");
    assert_eq!(lines[2], "school-year,1. Нормативное обеспечение,1.2,Утвердить график процедур,Ноябрь-декабрь,2025-11-01,2025-12-31,2025-11-01/2025-12-31,,\"Начальник УО, ИМЦ\",,,not_marked,");
    assert!(
        lines[4].ends_with(",\"ежегодно, октябрь\",2025-10-01,2025-10-31,2025-10-01/2025-10-31,yearly,ИМЦ,,,in_progress,"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].ends_with(",по графику ФИОКО,,,,by_schedule,Руководители ОО,,,by_schedule,"),
        "{}",
        lines[5]
    );
    let json = site.read("plans/school-year.json");
    assert!(json.contains("\"due_text\": \"когда получится\""));
    assert!(json.contains("\"status\": \"unknown\""));
}

#[test]
fn warns_about_an_unreadable_deadline_at_its_line_and_keeps_the_item() {
    let site = Site::fixture("plans");
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert!(
        run.stderr.contains("data/plans/school-year.yaml:34:13: предупреждение: срок «когда получится» не удалось прочитать"),
        "{}",
        run.stderr
    );
}

fn failing(site: &Site) -> String {
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 1, "expected a failure:\n{}", run.stderr);
    run.stderr
}

fn plan_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites/plans/data/plans/school-year.yaml"),
    )
    .unwrap()
}

#[test]
fn errors_on_an_unknown_key_in_an_item() {
    let site = Site::fixture("plans");
    site.write(
        "data/plans/school-year.yaml",
        &plan_text().replace(
            "        responsible: \"ИМЦ\"\n      - title: \"Публиковать",
            "        otvetstvenny: \"ИМЦ\"\n      - title: \"Публиковать",
        ),
    );
    let stderr = failing(&site);
    // The broken plan does not take the list of plans with it: no cascade of
    // "link leads nowhere" errors.
    assert!(!stderr.contains("никуда не ведёт"), "{stderr}");
    assert!(stderr.contains("data/plans/school-year.yaml:23:9: ошибка: неизвестное поле «otvetstvenny» (поле sections[1].items[0])"), "{stderr}");
}

#[test]
fn errors_on_a_duplicate_item_number() {
    let site = Site::fixture("plans");
    site.write(
        "data/plans/school-year.yaml",
        &plan_text().replace("no: \"1.2\"", "no: \"1.1\""),
    );
    let stderr = failing(&site);
    assert!(stderr.contains("data/plans/school-year.yaml:15:7: ошибка: номер пункта «1.1» уже занят пунктом в строке 8"), "{stderr}");
}

#[test]
fn errors_on_evidence_that_leads_nowhere() {
    let site = Site::fixture("plans");
    site.write(
        "data/plans/school-year.yaml",
        &plan_text().replace(
            "evidence: [documents/order]",
            "evidence: [documents/prikaz-1]",
        ),
    );
    let stderr = failing(&site);
    assert!(stderr.contains("data/plans/school-year.yaml:14:9: ошибка: подтверждение «documents/prikaz-1» не найдено на сайте"), "{stderr}");
}

#[test]
fn errors_on_done_after_the_build_date() {
    let site = Site::fixture("plans");
    site.write(
        "data/plans/school-year.yaml",
        &plan_text().replace("done: 2025-11-20", "done: 2026-11-20"),
    );
    let stderr = failing(&site);
    assert!(stderr.contains("data/plans/school-year.yaml:13:9: ошибка: пункт «1.1» отмечен выполненным 20.11.2026, то есть позже даты сборки 15.01.2026"), "{stderr}");
}
