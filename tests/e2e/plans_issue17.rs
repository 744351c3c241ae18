//! Plans as a methodologist writes them (issue 17): deadlines outside the plan,
//! Russian status words, marks on a whole section, statuses that are fair in public,
//! `msoko plans`, text pasted from Word.

use crate::harness::Site;

fn plan_text() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites/plans/data/plans/school-year.yaml"),
    )
    .unwrap()
}

/// The plans fixture with `from` replaced by `to` in its plan, built on 15.01.2026.
fn build_with(from: &str, to: &str) -> (Site, crate::harness::Run) {
    let site = Site::fixture("plans");
    let text = plan_text();
    assert!(text.contains(from), "the fixture has {from:?}");
    site.write("data/plans/school-year.yaml", &text.replace(from, to));
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    (site, run)
}

#[test]
fn warns_about_a_deadline_outside_the_plan_period_at_its_line() {
    let (_site, run) = build_with("due: \"апрель-май\"", "due: \"апрель-май 2027\"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:22:9: предупреждение: срок пункта «2.1» «апрель-май 2027» лежит вне периода плана (01.09.2025 – 31.08.2026)"), "{}", run.stderr);
}

#[test]
fn warns_about_a_date_before_the_plan_starts() {
    let (_site, run) = build_with("due: \"До 01.12.2025\"", "due: \"До 01.03.2025\"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:10:9: предупреждение: срок пункта «1.1» «До 01.03.2025» лежит вне периода плана (01.09.2025 – 31.08.2026)"), "{}", run.stderr);
}

#[test]
fn warns_about_a_deadline_that_ended_before_the_act_inside_the_period() {
    let site = Site::fixture("plans");
    let text = plan_text()
        .replace(
            "period: {from: 2025-09-01, to: 2026-08-31}",
            "period: {from: 2025-01-01, to: 2026-08-31}",
        )
        .replace("due: \"До 01.12.2025\"", "due: \"Март 2025\"");
    site.write("data/plans/school-year.yaml", &text);
    let run = site.run(&["build", "--as-of", "2026-01-15", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:10:9: warning: the deadline “Март 2025” of item “1.1” ended before the plan was approved (29.08.2025)"), "{}", run.stderr);
}

#[test]
fn accepts_russian_status_words_and_a_mark_on_a_whole_section() {
    // Section 1 marked as a whole; item 2.1 says «перенесено»; 2.2 «не выполнено».
    let site = Site::fixture("plans");
    let text = plan_text()
        .replace(
            "  - title: \"1. Нормативное обеспечение\"\n",
            "  - title: \"1. Нормативное обеспечение\"\n    status: выполнено\n    done: 2025-12-20\n",
        )
        .replace("        status: done\n", "        status: Выполнено\n")
        .replace(
            "        due: \"апрель-май\"\n",
            "        due: \"апрель-май\"\n        status: перенесено\n",
        )
        .replace(
            "        due: \"ежегодно, октябрь\"\n",
            "        due: \"ежегодно, октябрь\"\n        status: не выполнено\n",
        );
    site.write("data/plans/school-year.yaml", &text);
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = site.read("plans/school-year.csv");
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(
        lines[1].ends_with(",done,2025-11-20"),
        "the item's own mark wins: {}",
        lines[1]
    );
    assert!(
        lines[2].ends_with(",done,2025-12-20"),
        "the section's mark: {}",
        lines[2]
    );
    assert!(lines[3].ends_with(",postponed,"), "{}", lines[3]);
    assert!(
        lines[4].ends_with(",overdue,"),
        "«не выполнено» is overdue: {}",
        lines[4]
    );
    let page = site.read("plans/school-year/index.html");
    assert!(page.contains("<span class=\"badge badge-postponed\">→ перенесено</span>"));
    assert!(page.contains("<span class=\"badge badge-overdue\">! просрочено</span>"));
}

#[test]
fn errors_on_a_status_word_it_does_not_know_at_its_column() {
    let (_site, run) = build_with("        status: done\n", "        status: сделано\n");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("data/plans/school-year.yaml:12:17: ошибка: статус «сделано» не понят"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("подсказка: статус пишется одним из слов: выполнено, не выполнено, выполняется, запланировано, отменено, перенесено"), "{}", run.stderr);
    let (_site, run) = build_with(
        "  - title: \"2. Мониторинг\"\n",
        "  - title: \"2. Мониторинг\"\n    status: готово\n",
    );
    assert!(
        run.stderr
            .contains("data/plans/school-year.yaml:20:13: ошибка: статус «готово» не понят"),
        "{}",
        run.stderr
    );
}

#[test]
fn shows_work_marked_in_progress_past_its_deadline_as_overdue() {
    let (site, run) = build_with(
        "        due: \"Ноябрь-декабрь\"\n",
        "        due: \"Ноябрь-декабрь\"\n        status: выполняется\n",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let csv = site.read("plans/school-year.csv");
    assert!(
        csv.split("\r\n").nth(2).unwrap().ends_with(",overdue,"),
        "{csv}"
    );
}

#[test]
fn gives_on_demand_and_by_schedule_work_its_own_status() {
    let (site, run) = build_with("due: \"апрель-май\"", "due: \"по мере необходимости\"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("plans/school-year/index.html");
    assert!(
        page.contains("<span class=\"badge badge-on_demand\">◇ по мере необходимости</span>"),
        "{page}"
    );
    assert!(page.contains("<span class=\"badge badge-by_schedule\">◇ по графику</span>"));
}

#[test]
fn check_lists_items_past_their_deadline_without_a_mark_for_the_clerk() {
    let site = Site::fixture("plans");
    let run = site.run(&["check", "--as-of", "2026-01-15"]);
    assert!(run.stdout.contains("⚠ Отметки о выполнении планов: план «План на 2025/2026 учебный год»: срок прошёл, а отметки нет у пунктов (1): 1.2; на сайте они показаны как «нет отметки о выполнении» — напишите в data/plans/school-year.yaml status: выполнено (и done: дата), не выполнено или перенесено"), "{}", run.stdout);
}
