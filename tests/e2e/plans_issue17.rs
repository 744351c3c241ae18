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

#[test]
fn plans_command_shows_how_each_item_was_read_and_why_its_status() {
    let site = Site::fixture("plans");
    let run = site.run(&["plans", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains("План «План на 2025/2026 учебный год» (data/plans/school-year.yaml), период 01.09.2025 – 31.08.2026, статусы на 15.01.2026:\nПунктов: 6; выполнено — 1, нет отметки о выполнении — 1, запланировано — 1, выполняется — 1, по графику — 1, не определён — 1.\n"), "{out}");
    assert!(out.contains("  1.2 Утвердить график процедур  [data/plans/school-year.yaml:15]\n    срок: «Ноябрь-декабрь» → 01.11.2025 – 31.12.2025\n    статус: нет отметки о выполнении — срок истёк 31.12.2025, отметки о выполнении нет (напишите status: выполнено, не выполнено или перенесено)\n"), "{out}");
    assert!(out.contains("    срок: «ежегодно, октябрь» → 01.10.2025 – 31.10.2025; ежегодно\n    статус: выполняется — регулярное мероприятие (ежегодно), план ещё действует\n"), "{out}");
    assert!(
        out.contains("    срок: «когда получится» не прочитан: не понял «когда»;"),
        "{out}"
    );
    assert!(
        out.contains("    статус: выполнено — в плане отмечено «выполнено» 20.11.2025\n"),
        "{out}"
    );
}

#[test]
fn plans_command_speaks_english_and_json() {
    let (site, _) = build_with("due: \"апрель-май\"", "due: \"Март-апрель 2026 2027\"");
    let run = site.run(&[
        "plans",
        "school-year",
        "--as-of",
        "2026-01-15",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("    deadline: «Март-апрель 2026 2027» → 01.03.2026 – 30.04.2026, 01.03.2027 – 30.04.2027\n    status: planned — the deadline starts on 01.03.2026\n"), "{}", run.stdout);
    let run = site.run(&["plans", "--as-of", "2026-01-15", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let item = &json["plans"][0]["items"][2];
    assert_eq!(item["no"], "2.1");
    assert_eq!(item["line"], 21);
    assert_eq!(item["windows"][1]["start"], "2027-03-01");
    assert_eq!(item["status"], "planned");
    assert_eq!(item["why"], "срок начнётся 01.03.2026");
}

#[test]
fn warns_about_one_window_of_a_deadline_outside_the_plan() {
    let (_site, run) = build_with("due: \"апрель-май\"", "due: \"Март-апрель 2026 2027\"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:22:9: предупреждение: срок пункта «2.1» «Март-апрель 2026 2027» лежит вне периода плана (01.09.2025 – 31.08.2026)"), "{}", run.stderr);
}

#[test]
fn plans_command_names_an_unknown_plan() {
    let site = Site::fixture("plans");
    let run = site.run(&["plans", "roadmap", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("ошибка: плана с id «roadmap» на сайте нет"),
        "{}",
        run.stderr
    );
}

#[test]
fn reports_a_missing_closing_quote_at_the_line_where_it_opened() {
    let (_site, run) = build_with(
        "        title: \"Утвердить график процедур\"\n",
        "        title: \"Утвердить график процедур\n",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:16:16: ошибка: кавычка, открытая в строке 16, не закрыта на этой строке: всё, что дальше, прочитано как один текст"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("подсказка: закройте кавычку в конце значения"),
        "{}",
        run.stderr
    );
}

#[test]
fn names_a_non_breaking_space_in_the_indentation_at_its_column() {
    let (_site, run) = build_with(
        "        title: \"Утвердить график процедур\"\n",
        "    \u{a0}\u{a0}  title: \"Утвердить график процедур\"\n",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:16:5: ошибка: в отступе стоит неразрывный пробел (U+00A0): YAML считает отступы только обычными пробелами"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("нет обязательного поля"),
        "{}",
        run.stderr
    );
}

#[test]
fn names_a_tab_in_the_indentation_at_its_column() {
    let (_site, run) = build_with(
        "        responsible: \"ИМЦ\"\n      - title: \"Публиковать",
        "      \t  responsible: \"ИМЦ\"\n      - title: \"Публиковать",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("data/plans/school-year.yaml:23:7: ошибка: в отступе стоит знак табуляции"),
        "{}",
        run.stderr
    );
}

#[test]
fn reports_a_key_present_but_out_of_line_not_missing() {
    let (_site, run) = build_with(
        "        title: \"Утвердить график процедур\"\n",
        "       title: \"Утвердить график процедур\"\n",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:16:8: ошибка: поле «title» есть в строке 16, но сдвинуто: оно начинается в колонке 8, а поля этой записи — в колонке 9"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("подсказка: поставьте «title:» ровно под «no:»"),
        "{}",
        run.stderr
    );
}

#[test]
fn warns_about_text_pasted_from_word_at_the_fragment() {
    let site = Site::fixture("plans");
    let text = plan_text()
        .replace(
            "title: \"Утвердить график процедур\"",
            "title: \"Утвердить график мони- торинга  процедур\"",
        )
        .replace(
            "responsible: \"ИМЦ\"\n      - title: \"Публиковать",
            "responsible: \"ИМЦ,, руковоdители\"\n      - title: \"Публиковать",
        )
        .replace(
            "title: \"Провести мониторинг\"",
            "title: \"Провести мони\u{ad}торинг «ВПР\"",
        );
    site.write("data/plans/school-year.yaml", &text);
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let e = &run.stderr;
    assert!(e.contains("data/plans/school-year.yaml:16:34: предупреждение: слово разорвано переносом из Word: «мониторинга» написано с дефисом и пробелом"), "{e}");
    assert!(e.contains("подсказка: уберите дефис и пробел: «мониторинга»; иначе поиск по сайту это слово не найдёт"), "{e}");
    assert!(
        e.contains(
            "data/plans/school-year.yaml:16:47: предупреждение: в тексте несколько пробелов подряд"
        ),
        "{e}"
    );
    assert!(e.contains("data/plans/school-year.yaml:21:26: предупреждение: в слове «мониторинг» невидимый мягкий перенос (U+00AD)"), "{e}");
    assert!(
        e.contains("data/plans/school-year.yaml:21:38: предупреждение: кавычка « без пары"),
        "{e}"
    );
    assert!(
        e.contains("data/plans/school-year.yaml:23:26: предупреждение: знак препинания повторён"),
        "{e}"
    );
    assert!(e.contains("data/plans/school-year.yaml:23:29: предупреждение: в русском слове «руковоdители» латинские буквы: d"), "{e}");
    // Published as written: nothing is changed silently.
    assert!(site
        .read("plans/school-year/index.html")
        .contains("мони- торинга  процедур"));
}

#[test]
fn warns_about_a_latin_letter_in_a_page_title() {
    let site = Site::fixture("plans");
    let order = site.read_source("content/documents/order.md");
    site.write(
        "content/documents/order.md",
        &order.replacen("Об утверждении плана", "Об утверждении плaна", 1),
    );
    let run = site.run(&["build", "--as-of", "2026-01-15", "--lang", "en"]);
    assert!(run.stderr.contains("content/documents/order.md:2:24: warning: the Russian word “плaна” has Latin letters in it: a"), "{}", run.stderr);
}

#[test]
fn check_lists_near_duplicate_responsible_names_until_merged_by_aliases() {
    let site = Site::fixture("plans");
    let text = plan_text()
        .replace(
            "responsible: \"Начальник УО\"\n        status",
            "responsible: \"Специалисты УО\"\n        status",
        )
        .replace(
            "responsible: \"Начальник УО, ИМЦ\"",
            "responsible: \"Специалист УО, ИМЦ\"",
        );
    site.write("data/plans/school-year.yaml", &text);
    let run = site.run(&["check", "--as-of", "2026-01-15"]);
    assert!(run.stdout.contains("⚠ Ответственные в планах: «Специалисты УО» и «Специалист УО» (data/plans/school-year.yaml) похожи на одного ответственного"), "{}", run.stdout);
    let config = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{config}responsible_aliases:\n  \"Специалист УО\": \"Специалисты УО\"\n"),
    );
    let run = site.run(&["check", "--as-of", "2026-01-15"]);
    assert!(
        !run.stdout.contains("Ответственные в планах"),
        "{}",
        run.stdout
    );
    let run = site.run(&["build", "--as-of", "2026-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let view = site.read("plans/school-year/responsible/spetsialisty-uo/index.html");
    assert!(
        view.contains("ответственный «Специалисты УО» — 2 из 6"),
        "{view}"
    );
    // The table keeps each item's text as written.
    assert!(site
        .read("plans/school-year/index.html")
        .contains("Специалист УО, ИМЦ"));
}

#[test]
fn yaml_mistakes_have_codes_and_english_words() {
    let (site, _) = build_with(
        "        title: \"Утвердить график процедур\"\n",
        "    \u{a0}\u{a0}  title: \"Утвердить график процедур\"\n",
    );
    let run = site.run(&[
        "check",
        "--as-of",
        "2026-01-15",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let first = &json["diagnostics"][0];
    assert_eq!(first["file"], "data/plans/school-year.yaml");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(16), Some(5))
    );
    assert_eq!(first["code"], "yaml-indent");
    assert_eq!(first["message"], "the indentation has a non-breaking space (U+00A0) in it: YAML counts only plain spaces as indentation");
    let (site, _) = build_with(
        "        title: \"Утвердить график процедур\"\n",
        "        title: \"Утвердить график процедур\n",
    );
    let run = site.run(&["check", "--as-of", "2026-01-15", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["diagnostics"][0]["code"], "yaml-unclosed-quote");
    let (site, _) = build_with(
        "        title: \"Утвердить график процедур\"\n",
        "       title: \"Утвердить график процедур\"\n",
    );
    let run = site.run(&["check", "--as-of", "2026-01-15", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["diagnostics"][0]["code"], "yaml-misindented");
}

#[test]
fn errors_on_a_section_marked_done_after_the_build_date_at_its_line() {
    let (_site, run) = build_with(
        "  - title: \"2. Мониторинг\"\n",
        "  - title: \"2. Мониторинг\"\n    status: выполнено\n    done: 2026-03-01\n",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("data/plans/school-year.yaml:21:11: ошибка: раздел «2. Мониторинг» отмечен выполненным 01.03.2026, то есть позже даты сборки 15.01.2026"), "{}", run.stderr);
    // Once, not once per item.
    assert_eq!(
        run.stderr.matches("позже даты сборки").count(),
        1,
        "{}",
        run.stderr
    );
}

#[test]
fn warns_about_text_pasted_from_word_in_an_indicator() {
    let site = Site::fixture("monitoring");
    let text = site.read_source("data/indicators/podgotovka.yaml");
    site.write(
        "data/indicators/podgotovka.yaml",
        &text.replacen(
            "title: \"Доля участников ВПР, получивших отметку «2»\"",
            "title: \"Доля участников ВПР, получивших  отметку «2»\"",
            1,
        ),
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert!(run.stderr.contains("data/indicators/podgotovka.yaml:8:44: предупреждение: в тексте несколько пробелов подряд"), "{}", run.stderr);
}
