//! Issue 18, «моя школа»: a school's card shows the school-by-school charts of its key
//! indicators with that school highlighted, and every value under a sign of
//! objectivity carries a visible caveat — in the bars, in the data table and in a
//! note under the chart — on the card, the indicator page and a report's shortcode.
//!
//! The fixture `tests/sites/analytics` with one indicator added: Школа А has a sign
//! of biased ВПР in 2025, 5th-grade mathematics (rules a and b1), and none in
//! Russian.

use crate::harness::Site;

const INDICATORS: &str = "direction: {id: podgotovka, title: \"Подготовка обучающихся\"}\nindicators:\n  - id: vpr-low\n    title: \"Доля участников ВПР, получивших отметку «2»\"\n    unit: \"%\"\n    better: lower\n";

const VALUES: &str = "year,org,value,subject\n\
    2025,municipality,10.0,математика\n2025,sch-a,0.0,математика\n2025,sch-b,10.0,математика\n\
    2025,sch-c,10.0,математика\n2025,sch-d,35.0,математика\n2025,licey,2.5,математика\n\
    2025,municipality,9.0,русский язык\n2025,sch-a,4.0,русский язык\n2025,sch-b,8.0,русский язык\n";

const REPORT: &str = "---\ntitle: \"Доклад\"\n---\n\n{{ chart(indicator=\"vpr-low\", by=\"org\", year=2025, subject=\"математика\") }}\n";

fn site_with(analytics: Option<&str>) -> Site {
    let site = Site::fixture("analytics");
    let settings = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{settings}\nkey_indicators: [vpr-low]\n"),
    )
    .write("data/indicators/podgotovka.yaml", INDICATORS)
    .write("data/values/vpr-low.csv", VALUES)
    .write("content/doklad.md", REPORT);
    if let Some(analytics) = analytics {
        site.write("data/analytics.yaml", analytics);
    }
    let run = site.run(&["build", "--as-of", "2025-12-01"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    site
}

/// The figures of the page's part that starts at `marker` and ends with its
/// section (or the main content), each as its HTML.
fn figures(html: &str, marker: &str) -> Vec<String> {
    let from = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in\n{html}"));
    let part = &html[from..];
    let part = &part[..part
        .find("</section>")
        .or_else(|| part.find("</main>"))
        .unwrap_or(part.len())];
    part.split("<figure class=\"chart-figure\"")
        .skip(1)
        .map(|f| f[..f.find("</figure>").expect("closed figure")].to_string())
        .collect()
}

#[test]
fn highlights_the_school_in_its_key_indicators_chart_on_its_card() {
    let site = site_with(None);
    let card = site.read("orgs/sch-b/index.html");
    assert!(card
        .contains("<h2 id=\"sredi-organizacij\">В сравнении с другими организациями округа</h2>"));
    let among = figures(&card, "id=\"sredi-organizacij\"");
    // Mathematics and Russian, each with the school's value.
    assert_eq!(among.len(), 2, "{among:?}");
    let maths = &among[0];
    assert!(maths.contains("; выделено: Школа Б</span>"), "{maths}");
    // The wide chart says it after the value, the narrow one after the name.
    assert!(
        maths.contains(">\n10,0\u{a0}% — эта школа\n</text>"),
        "{maths}"
    );
    assert!(maths.contains(">\nШкола Б — эта школа\n</text>"));
    assert!(maths.contains("Выделено: эта школа — Школа Б, 10,0\u{a0}%."));
    assert!(
        maths.contains("<th data-label=\"Организация\" scope=\"row\">Школа Б (эта школа)</th>"),
        "{maths}"
    );
    // A pale band and a thick outline, not colour alone.
    assert!(maths.contains("fill=\"#FFF1A8\"") && maths.contains("stroke-width=\"3\""));
    // Register order: Школа А, Школа Б, Школа В, Школа Г, Лицей.
    let desc_end = maths.find("</desc>").unwrap();
    let order: Vec<usize> = [
        "\nШкола А\n",
        "\nШкола Б\n",
        "\nШкола В\n",
        "\nШкола Г\n",
        "\nЛицей\n",
    ]
    .iter()
    .map(|name| maths[desc_end..].find(name).expect(name))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let text = card.to_lowercase();
    assert!(!text.contains("место") && !text.contains("рейтинг школ"));
    // A school without a value in a chart gets no chart of it.
    let other = site.read("orgs/sch-c/index.html");
    assert_eq!(figures(&other, "id=\"sredi-organizacij\"").len(), 1);
}

#[test]
fn marks_a_value_under_a_sign_of_objectivity_wherever_schools_are_compared() {
    let site = site_with(None);
    let note = "<p class=\"figure-note\">* — есть признаки необъективности результатов ВПР 2025 года (расчёт по муниципальной методике): значение нужно перепроверить. Признак — не вывод о нарушении. <a href=\"/objectivity/2025/\">Какие признаки и на каких числах — за 2025 год</a>.</p>";
    let indicator = site.read("indicators/vpr-low/index.html");
    let card = site.read("orgs/sch-b/index.html");
    let report = site.read("doklad/index.html");
    for (page, html, marker) in [
        ("indicator", &indicator, "<main"),
        ("card", &card, "id=\"sredi-organizacij\""),
        ("report", &report, "<main"),
    ] {
        let maths = figures(html, marker)
            .into_iter()
            .find(|f| f.contains("(математика)") && f.contains("организации"))
            .unwrap_or_else(|| panic!("{page}: a mathematics chart"))
            // A report's HTML is minified: compare with lines joined.
            .replace('\n', " ");
        assert!(maths.contains(note), "{page}: {maths}");
        assert!(maths.contains("> 0,0\u{a0}% * </text>"), "{page}: the bar");
        assert!(maths.contains("Звёздочкой отмечены значения, у которых есть признаки необъективности результатов: Школа А."));
        assert!(
            maths.contains("<th data-label=\"Организация\" scope=\"row\">Школа А</th><td data-label=\"Значение, %\">0,0 *</td><td data-label=\"Сравнение с округом\">ниже, чем по округу (это лучше); есть признаки необъективности результатов ВПР 2025 года</td>"),
            "{page}: the table"
        );
        // Only Школа А's value.
        assert_eq!(maths.matches(" * </text>").count(), 2, "wide and narrow");
    }
    // The sign is in mathematics: Russian values are not marked.
    let russian = figures(&indicator, "<main")
        .into_iter()
        .find(|f| f.contains("(русский язык)") && f.contains("организации"))
        .expect("a Russian chart");
    assert!(!russian.contains("figure-note") && !russian.contains(" *\n</text>"));
    // The school's own card says it next to its value too.
    let own = site.read("orgs/sch-a/index.html");
    assert!(
        own.contains("есть признаки необъективности результатов ВПР 2025 года: результат нужно перепроверить"),
        "{own}"
    );
}

#[test]
fn marks_nothing_when_signs_are_not_published_by_name() {
    let site = site_with(Some(
        "publish_named: false\nmedals:\n  2025: {regime: \"2024\", threshold: 70}\n",
    ));
    for path in [
        "indicators/vpr-low/index.html",
        "orgs/sch-b/index.html",
        "doklad/index.html",
    ] {
        let page = site.read(path).replace('\n', " ");
        assert!(!page.contains("figure-note"), "{path}");
        assert!(!page.contains(" * </text>"), "{path}");
        assert!(!page.contains("признаки необъективности результатов ВПР 2025 года"));
    }
}

#[test]
fn explains_a_schools_signs_on_its_card_without_rule_codes_or_z() {
    let site = site_with(None);
    let card = site.read("orgs/sch-a/index.html");
    let block = &card[card.find("id=\"obektivnost\"").expect("the signs")..];
    assert!(
        block.contains("<th scope=\"col\">Что сравнивалось</th>"),
        "{block}"
    );
    assert!(!block.contains("<th scope=\"col\">z</th>"));
    assert!(!block.contains("(правила ") && !block.contains("(правило "));
    assert!(block.contains(
        "Правило расчёта, проверка на случайность и пороги — <a href=\"/objectivity/2025/#sch-a\">на странице признаков за 2025 год</a>."
    ));
    // The year page keeps every number, for anyone to recompute.
    let year = site.read("objectivity/2025/index.html");
    assert!(year.contains("<th scope=\"col\">z</th>") && year.contains("(правила a, b1"));
    // Abbreviations in the summary are explained.
    assert!(card.contains("ВПР — всероссийские проверочные работы"));
}
