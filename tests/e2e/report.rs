//! The annual report and shortcodes: live data in the narrative, numbered figures
//! across chapters, the print page, and claims checked against the data.

use crate::harness::Site;

fn built() -> Site {
    let site = Site::fixture("monitoring");
    site.build();
    site
}

#[test]
fn prints_values_from_the_data_and_follows_data_changes() {
    let site = built();
    let chapter = site.read("doklad/2025/01-kachestvo/index.html");
    assert!(
        chapter.contains("Доля «2» по математике — 8,3\u{a0}%"),
        "{chapter}"
    );
    // New data, new report: the number in the prose follows.
    let values = std::fs::read_to_string(site.root.join("data/values/vpr-low.csv")).unwrap();
    site.write(
        "data/values/vpr-low.csv",
        &values.replace("2025,municipality,8.3,", "2025,municipality,7.9,"),
    );
    site.build();
    let chapter = site.read("doklad/2025/01-kachestvo/index.html");
    assert!(chapter.contains("Доля «2» по математике — 7,9\u{a0}%"));
}

#[test]
fn numbers_figures_and_tables_across_chapters_with_references() {
    let site = built();
    let first = site.read("doklad/2025/01-kachestvo/index.html");
    assert!(first.contains("<figure class=\"chart-figure\" id=\"fig-math\">"));
    assert!(first.contains("Рисунок 1. Доля участников ВПР"));
    assert!(first.contains("Рисунок 2. Доля участников ВПР"));
    assert!(first.contains("см. <a href=\"#fig-math\">рисунок 1</a> и <a href=\"/doklad/2025/02-doshkolnoe/#tab-all\">таблица 1</a>"), "{first}");
    let second = site.read("doklad/2025/02-doshkolnoe/index.html");
    assert!(second.contains("Таблица 1. Показатели по округу"));
    // Counting goes on from the first chapter.
    assert!(
        second.contains("Рисунок 3. Распределение отметок ВПР"),
        "{second}"
    );
}

#[test]
fn numbers_chapters_and_their_headings_with_contents_and_navigation() {
    let site = built();
    let report = site.read("doklad/2025/index.html");
    assert!(report.contains("<span class=\"toc-number\">1.</span> <a href=\"/doklad/2025/01-kachestvo/\">Качество подготовки</a>"));
    assert!(report.contains("<span class=\"toc-number\">1.1</span> <a href=\"/doklad/2025/01-kachestvo/#itogi-vpr\">Итоги ВПР</a>"));
    let first = site.read("doklad/2025/01-kachestvo/index.html");
    assert!(first.contains("<h2 id=\"itogi-vpr\">1.1 Итоги ВПР</h2>"));
    assert!(first.contains("rel=\"next\">2. Дошкольное образование →</a>"));
    let second = site.read("doklad/2025/02-doshkolnoe/index.html");
    assert!(second.contains("rel=\"prev\">← 1. Качество подготовки</a>"));
}

#[test]
fn renders_the_built_in_and_theme_shortcodes_and_leaves_code_alone() {
    let site = built();
    let first = site.read("doklad/2025/01-kachestvo/index.html");
    assert!(
        first.contains("<code>{{ chart(indicator=\"vpr-low\") }}</code>"),
        "{first}"
    );
    assert!(
        first.contains("{{ kpi(indicator=\"vpr-low\") }}"),
        "the escape form prints the call"
    );
    let second = site.read("doklad/2025/02-doshkolnoe/index.html");
    assert!(second.contains("<div class=\"kpi\">"));
    assert!(second.contains("93,0\u{a0}%"));
    assert!(second.contains("<ul class=\"org-list\"><li><a href=\"/orgs/sosh-2/\">"));
    assert!(second.contains("<aside class=\"aside-note\" aria-label=\"Обратите внимание\"><p class=\"aside-title\">Обратите внимание</p><p>Укомплектованность <strong>выросла</strong>.</p>"));
}

#[test]
fn puts_the_whole_report_on_one_print_page() {
    let site = built();
    let print = site.read("doklad/2025/print/index.html");
    assert!(print.contains("<body class=\"print-report\">"));
    assert!(print.contains("<h1 id=\"report-title\">Доклад за 2025 год</h1>"));
    assert!(print.contains("<h2 id=\"ch1-title\">1. Качество подготовки</h2>"));
    assert!(
        print.contains("<h3 id=\"ch1-itogi-vpr\">1.1 Итоги ВПР</h3>"),
        "chapter headings move one level down, ids get a prefix"
    );
    assert!(print.contains("<a href=\"#ch1-itogi-vpr\">Итоги ВПР</a>"));
    assert!(print.contains("Вступительное слово."));
}

#[test]
fn fails_the_build_when_the_data_contradicts_a_claim() {
    let site = Site::fixture("monitoring");
    let values = std::fs::read_to_string(site.root.join("data/values/vpr-low.csv")).unwrap();
    site.write(
        "data/values/vpr-low.csv",
        &values.replace("2025,municipality,8.3,", "2025,municipality,9.6,"),
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("content/doklad/2025/01-kachestvo.md:8:91: ошибка: утверждение в тексте не подтверждается данными"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("9,1\u{a0}% → 9,6\u{a0}%, а в тексте — снижение"));
}

#[test]
fn errors_on_unknown_shortcodes_and_arguments_at_their_line_and_column() {
    let site = Site::fixture("monitoring");
    site.write(
        "content/doklad/2025/03-oshibki.md",
        "---\ntitle: Ошибки\nweight: 3\ndate: 2025-05-25\n---\nТекст {{ value(indicator=\"vpr-lov\") }}.\n\n{{ grafik(x=1) }}\n\n{{ chart(indicator=\"vpr-low\", subjet=\"математика\") }}\n",
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("content/doklad/2025/03-oshibki.md:6:7: ошибка: показателя «vpr-lov» нет"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("content/doklad/2025/03-oshibki.md:8:1: ошибка: шорткода «grafik» нет"));
    assert!(run
        .stderr
        .contains("подсказка: доступные шорткоды: aside, assert, chart"));
    assert!(run.stderr.contains(
        "content/doklad/2025/03-oshibki.md:10:1: ошибка: у шорткода «chart» нет аргумента «subjet»"
    ));
}

#[test]
fn a_published_report_keeps_the_data_it_was_published_with() {
    let site = Site::fixture("monitoring");
    // The snapshot holds the data as published: 8.3 for 2025.
    crate::harness::copy_dir(&site.root.join("data"), &site.root.join("published"));
    std::fs::create_dir_all(site.root.join("data/snapshots")).unwrap();
    std::fs::rename(
        site.root.join("published"),
        site.root.join("data/snapshots/published"),
    )
    .unwrap();
    let report = std::fs::read_to_string(site.root.join("content/doklad/2025/_index.md")).unwrap();
    site.write(
        "content/doklad/2025/_index.md",
        &report.replace("kind: report", "kind: report\ndata_snapshot: published"),
    );
    // Later the department revises the value.
    let values = std::fs::read_to_string(site.root.join("data/values/vpr-low.csv")).unwrap();
    site.write(
        "data/values/vpr-low.csv",
        &values.replace("2025,municipality,8.3,", "2025,municipality,8.1,"),
    );
    site.build();
    let chapter = site.read("doklad/2025/01-kachestvo/index.html");
    assert!(
        chapter.contains("Доля «2» по математике — 8,3\u{a0}%"),
        "the report keeps the published number"
    );
    assert!(site
        .read("doklad/2025/index.html")
        .contains("по данным на момент публикации"));
    let indicator = site.read("indicators/vpr-low/index.html");
    assert!(
        indicator.contains(">8,1</td>"),
        "indicator pages show current data"
    );
}

#[test]
fn errors_on_a_missing_snapshot() {
    let site = Site::fixture("monitoring");
    let report = std::fs::read_to_string(site.root.join("content/doklad/2025/_index.md")).unwrap();
    site.write(
        "content/doklad/2025/_index.md",
        &report.replace("kind: report", "kind: report\ndata_snapshot: nowhere"),
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("content/doklad/2025/_index.md:4:1: ошибка: снимка данных «nowhere» нет"),
        "{}",
        run.stderr
    );
}
