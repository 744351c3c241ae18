//! Indicators, organisations and charts: the right numbers on the pages, charts that
//! are well-formed SVG with the expected series, and bad values rejected.

use crate::harness::Site;

fn built() -> Site {
    let site = Site::fixture("monitoring");
    site.build();
    site
}

/// Every chart of a page, the wide one of each wide/narrow pair; every inline
/// `<svg>…</svg>` is parsed as XML, and each wide chart must have a narrow twin.
fn svgs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("closed svg") + start + 6;
        let svg = &rest[start..end];
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("SVG is not XML: {e}\n{svg}"));
        out.push(svg.to_string());
        rest = &rest[end..];
    }
    let narrow = out
        .iter()
        .filter(|svg| svg.contains("chart-narrow"))
        .count();
    out.retain(|svg| !svg.contains("chart-narrow"));
    assert_eq!(narrow, out.len(), "a narrow twin for every chart");
    out
}

#[test]
fn lists_directions_with_latest_values_trends_and_targets() {
    let site = built();
    let list = site.read("indicators/index.html");
    assert!(list.contains("<a href=\"/indicators/podgotovka/\">Подготовка обучающихся</a>"));
    assert!(
        list.contains("<span class=\"indicator-value\">8,3\u{a0}%</span>"),
        "{list}"
    );
    assert!(list.contains("−0,8\u{a0}п.п. к 2024, улучшение"));
    assert!(list.contains("Цель 2025: 7,0\u{a0}% — не достигнута"));
    // A school-year indicator is labelled the school-year way.
    assert!(list.contains("<span class=\"indicator-value\">93,0\u{a0}%</span> <span class=\"indicator-period\">(2024/25)</span>"));
}

#[test]
fn draws_time_series_and_comparison_as_valid_svg_with_data_tables() {
    let site = built();
    let page = site.read("indicators/vpr-low/index.html");
    let charts = svgs(&page);
    assert_eq!(charts.len(), 2, "a time series and a comparison of schools");
    assert!(charts[0].contains("role=\"img\""));
    assert!(
        charts[0].contains("\nОкруг\n") && charts[0].contains("\nРегион\n"),
        "both series in the legend"
    );
    assert!(charts[0].contains("Цель 2025: 7,0\u{a0}%"));
    assert!(charts[1].contains("СОШ № 1") && charts[1].contains("СОШ № 2"));
    assert!(page.contains("<summary>Данные диаграммы в виде таблицы</summary>"));
    assert!(
        page.contains("<tr><th data-label=\"Территория\" scope=\"row\">Округ</th><td data-label=\"2024\">9,1</td><td data-label=\"2025\">8,3</td></tr>"),
        "{page}"
    );
    assert!(page.contains("<tr><th data-label=\"Территория\" scope=\"row\">Регион</th><td data-label=\"2024\">нет данных</td><td data-label=\"2025\">8,9</td></tr>"));
    assert!(page.contains(
        "<tr><th data-label=\"Организация\" scope=\"row\">СОШ № 2</th><td data-label=\"Значение, %\">14,6</td><td data-label=\"Сравнение с округом\">выше, чем по округу (это хуже)</td></tr>"
    ));
}

#[test]
fn draws_a_distribution_as_stacked_bars() {
    let site = built();
    let page = site.read("indicators/vpr-marks/index.html");
    let charts = svgs(&page);
    assert_eq!(charts.len(), 1);
    assert!(charts[0].contains("СОШ № 1"));
    assert!(page.contains("<th scope=\"col\">2</th><th scope=\"col\">3</th>"));
}

#[test]
fn exports_values_with_targets_as_csv() {
    let site = built();
    let csv = site.read("indicators/vpr-low.csv");
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "year,org,org_name,subject,value,unit,target");
    assert!(lines.contains(&"2025,municipality,Округ,математика,8.3,%,7"));
    // The decimal comma of the source file was read as a number.
    assert!(lines.contains(&"2024,municipality,Округ,математика,9.1,%,"));
}

#[test]
fn opens_an_organisation_card_with_a_summary_for_parents() {
    let site = built();
    let card = site.read("orgs/sosh-2/index.html");
    assert!(card.contains("Из 1 показателя, измеренного для организации, 1 заметно отличается от округа, 0 — на уровне округа."), "{card}");
    assert!(card.contains(
        "доля участников ВПР, получивших отметку «2» — 14,6\u{a0}% за 2025 год (по округу 8,3\u{a0}%): выше, чем по округу (это хуже)"
    ));
    assert!(card.contains("<p class=\"story-label\">Заметно отличаются от округа:</p>"));
    assert!(!card.contains("лучше, чем по округу") && !card.contains("хуже, чем по округу"));
    assert!(card.contains("Получает адресную поддержку (ШНОР)"));
    assert!(card.contains("+1,6\u{a0}п.п. к 2024 (ухудшение)"));
}

#[test]
fn filters_the_register_by_kind_without_javascript() {
    let site = built();
    let all = site.read("orgs/index.html");
    assert!(all.contains("СОШ № 1") && all.contains("Детский сад № 1"));
    let kindergartens = site.read("orgs/kind/kindergarten/index.html");
    assert!(kindergartens.contains("Детский сад № 1"));
    assert!(!kindergartens.contains(">СОШ № 1<"));
    assert!(kindergartens.contains("<span aria-current=\"page\">детские сады (1)</span>"));
}

fn failing(site: &Site) -> String {
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1, "expected a failure:\n{}", run.stderr);
    run.stderr
}

fn values_with(line: &str) -> String {
    format!("year,org,value,subject\n2025,municipality,8.3,математика\n{line}\n")
}

#[test]
fn errors_on_an_unknown_organisation_at_its_cell() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/values/vpr-low.csv",
        &values_with("2025,sosh-9,5.0,математика"),
    );
    let stderr = failing(&site);
    assert!(
        stderr.contains("data/values/vpr-low.csv:3:6: ошибка: организации «sosh-9» нет в реестре"),
        "{stderr}"
    );
}

#[test]
fn errors_on_a_duplicate_row() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/values/vpr-low.csv",
        &values_with("2025,municipality,8.4,математика"),
    );
    let stderr = failing(&site);
    assert!(stderr.contains("data/values/vpr-low.csv:3:1: ошибка: значение за 2025 для «municipality» уже указано в строке 2"), "{stderr}");
}

#[test]
fn errors_on_a_percent_sign_with_a_hint() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/values/vpr-low.csv",
        &values_with("2025,sosh-1,12.5%,математика"),
    );
    let stderr = failing(&site);
    assert!(
        stderr.contains(
            "data/values/vpr-low.csv:3:13: ошибка: значение «12.5%» записано со знаком %"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("подсказка: пишите только число"));
}

#[test]
fn errors_on_a_year_outside_the_range() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/values/vpr-low.csv",
        &values_with("2205,sosh-1,5.0,математика"),
    );
    let stderr = failing(&site);
    assert!(
        stderr.contains(
            "data/values/vpr-low.csv:3:1: ошибка: год 2205 вне допустимого диапазона 1990–2100"
        ),
        "{stderr}"
    );
}

#[test]
fn errors_on_an_indicator_without_values() {
    let site = Site::fixture("monitoring");
    site.remove("data/values/vpr-marks.csv");
    let stderr = failing(&site);
    assert!(
        stderr.contains(
            "data/indicators/podgotovka.yaml:15:3: ошибка: у показателя «vpr-marks» нет значений"
        ),
        "{stderr}"
    );
}

#[test]
fn errors_on_values_of_an_unknown_indicator() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/values/vpr-lov.csv",
        &values_with("2024,municipality,9.0,математика"),
    );
    let stderr = failing(&site);
    assert!(
        stderr.contains(
            "data/values/vpr-lov.csv:1:1: ошибка: файл значений для показателя «vpr-lov»"
        ),
        "{stderr}"
    );
}

/// The text of a page: inline tags dropped, so a sentence reads across a link;
/// any other tag ends a line, so separate elements never join into one sentence.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find('>').unwrap_or(rest.len() - open - 1);
        let name: String = rest[open + 1..close]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !["a", "abbr", "em", "strong", "b", "i", "span", "sup"].contains(&name.as_str()) {
            text.push('\n');
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    text
}

#[test]
fn compares_schools_in_register_order_naming_the_missing_and_no_best_or_worst() {
    let site = Site::fixture("monitoring");
    let values = site.read_source("data/values/vpr-low.csv");
    // СОШ № 1 becomes the worst in 2025 and СОШ № 2 has no 2025 value: sorted
    // best first, the order would change.
    site.write(
        "data/values/vpr-low.csv",
        &values
            .replace("2025,sosh-1,5.5,", "2025,sosh-1,16.0,")
            .replace("2025,sosh-2,14.6,математика\n", ""),
    );
    site.build();
    let page = site.read("indicators/vpr-low/index.html");
    let charts = svgs(&page);
    let bars = &charts[1];
    let drawn = &bars[bars.find("</desc>").unwrap()..];
    let (one, two) = (
        drawn.find("СОШ № 1").unwrap(),
        drawn.find("СОШ № 2").unwrap(),
    );
    assert!(one < two, "bars in the register's order");
    assert!(bars.contains("нет данных"), "{bars}");
    assert!(bars.contains("в порядке реестра организаций"));
    assert!(page.contains("Нет данных за 2025: СОШ № 2"), "{page}");
    assert!(page.contains(">нет данных за 2025</td>"));
    // No generated sentence on any page names a school as best or worst.
    let names = ["СОШ № 1", "СОШ № 2", "Детский сад № 1"];
    for path in [
        "indicators/vpr-low/index.html",
        "indicators/vpr-marks/index.html",
        "orgs/sosh-1/index.html",
        "orgs/sosh-2/index.html",
        "indicators/index.html",
    ] {
        let text = text_of(&site.read(path));
        for sentence in text.split(['.', ';', '\n']) {
            let lower = sentence.to_lowercase();
            let ranks = ["лучш", "худш", "наибольш", "наименьш"]
                .iter()
                .any(|word| lower.contains(word));
            for name in names {
                assert!(
                    !(ranks && sentence.contains(name)),
                    "{path}: «{}»",
                    sentence.trim()
                );
            }
        }
    }
}

#[test]
fn heads_a_school_card_with_its_short_name_and_links_its_contacts() {
    let site = Site::fixture("monitoring");
    let register = site.read_source("data/organizations.yaml");
    site.write(
        "data/organizations.yaml",
        &register.replace(
            "  address: \"г. Тестов, ул. Школьная, 1\"\n",
            "  address: \"г. Тестов, ул. Школьная, 1\"\n  phone: \"+7 (34567) 2-11-36\"\n  email: \"sosh1@example.ru\"\n  site: \"https://sosh1.example.ru\"\n",
        ),
    );
    site.build();
    let card = site.read("orgs/sosh-1/index.html");
    assert!(card.contains("<h1>СОШ № 1</h1>\n<p class=\"org-legal-name\">МБОУ «Средняя общеобразовательная школа № 1»</p>"), "{card}");
    assert!(card.contains("<a href=\"tel:+73456721136\">+7 (34567) 2-11-36</a>"));
    assert!(card.contains("<a href=\"mailto:sosh1@example.ru\">sosh1@example.ru</a>"));
    assert!(card.contains("<a href=\"https://sosh1.example.ru\">https://sosh1.example.ru</a>"));
    // A `javascript:` site is an error of the register (issue 19); the card's links
    // are made only from safe values besides (render/contacts.rs, unit-tested).
}

#[test]
fn offers_a_finder_of_schools_and_kindergartens_on_the_home_page() {
    let site = built();
    let home = site.read("index.html");
    assert!(
        home.contains("<h2 id=\"find-org\">Найти школу или детский сад</h2>"),
        "{home}"
    );
    assert!(home.contains(
        "<span class=\"finder-place\">г.\u{a0}Тестов:</span> <a href=\"/orgs/sosh-1/\">СОШ № 1</a>"
    ));
    // Without an address a school is still listed.
    assert!(home.contains(
        "<span class=\"finder-place\">Другие:</span> <a href=\"/orgs/sosh-2/\">СОШ № 2</a>"
    ));
    assert!(home.contains("<h3>Детские сады</h3>"));
}

#[test]
fn compares_a_school_with_the_district_given_its_group_size() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/indicators/attestat.yaml",
        "direction: {id: attestat, title: \"Итоговая аттестация\", weight: 3}\nindicators:\n  - id: no-attestat\n    title: \"Доля выпускников, не получивших аттестат\"\n    unit: \"%\"\n    better: lower\n",
    )
    .write(
        "data/values/no-attestat.csv",
        "year,org,value,n\n2024,municipality,9.1,\n2025,municipality,8.3,\n\
         2024,sosh-1,6.0,\n2025,sosh-1,12.5,8\n2024,sosh-2,13.0,\n2025,sosh-2,14.6,400\n",
    );
    // Staff are shown as a fact, not as «лучше / хуже».
    let yaml = site.read_source("data/indicators/doshkolnoe.yaml");
    site.write(
        "data/indicators/doshkolnoe.yaml",
        &yaml.replace(
            "    better: higher\n",
            "    better: higher\n    compare: fact\n",
        ),
    );
    site.build();
    let small = site.read("orgs/sosh-1/index.html");
    assert!(
        small.contains(">мало данных для сравнения (n\u{a0}=\u{a0}8)</span>"),
        "{small}"
    );
    assert!(small.contains("1 — мало данных для сравнения"));
    let clear = site.read("orgs/sosh-2/index.html");
    assert!(
        clear.contains(">▲ выше, чем по округу (это хуже) (n\u{a0}=\u{a0}400)</span>"),
        "{clear}"
    );
    let kindergarten = site.read("orgs/ds-1/index.html");
    assert!(
        kindergarten.contains(">для сведения, без оценки</span>"),
        "{kindergarten}"
    );
    assert!(!kindergarten.contains("чем по округу</span>"));
    assert!(site.read("index.html").contains("Найти школу"));
}

#[test]
fn points_at_a_bad_group_size_in_its_cell() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/indicators/attestat.yaml",
        "direction: {id: attestat, title: \"Итоговая аттестация\", weight: 3}\nindicators:\n  - id: no-attestat\n    title: \"Доля выпускников, не получивших аттестат\"\n    unit: \"%\"\n    better: lower\n",
    )
    .write(
        "data/values/no-attestat.csv",
        "year,org,value,n\n2025,municipality,8.3,\n2025,sosh-1,12.5,восемь\n",
    );
    let run = site.run(&["build", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("data/values/no-attestat.csv:3:18: ошибка: в столбце n должно быть целое число участников, а написано «восемь»"),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("подсказка: напишите, из скольких человек (работ) посчитана доля"));
}

#[test]
fn draws_a_schools_own_trend_of_each_key_indicator_against_the_district() {
    let site = Site::fixture("monitoring");
    let settings = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{settings}\nkey_indicators: [vpr-low]\n"),
    );
    site.build();
    let card = site.read("orgs/sosh-2/index.html");
    assert!(
        card.contains("<h2 id=\"dinamika\">Как менялись результаты</h2>"),
        "{card}"
    );
    let own = &card[card.find("id=\"dinamika\"").unwrap()..];
    // The section's own charts: the school-by-school ones follow in the next.
    let own = &own[..own.find("</section>").unwrap()];
    let charts = svgs(own);
    assert_eq!(charts.len(), 1);
    assert!(charts[0].contains("\nСОШ № 2\n") && charts[0].contains("\nОкруг\n"));
    assert!(charts[0].contains("СОШ № 2 — за 2024–2025: с 13,0\u{a0}% до 14,6\u{a0}%"));
}
