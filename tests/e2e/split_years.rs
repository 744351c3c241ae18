//! Year pages that stay usable at region scale (issue 22): above `split_above` schools
//! with results, an objectivity year page becomes a summary with a page per district
//! (`district:` in the register), or per grade when the register has no districts.
//!
//! The fixture is `tests/sites/analytics` (six schools with 2025 results, signs at
//! Школа А and Школа Б) with `split_above: 3` and two districts: Северный (Школа А,
//! Школа Б, Лицей) and Южный (Школа В, Школа Г, Малая школа).

use crate::harness::{html_pages, Site};

const REGISTER: &str = r#"- {id: sch-a, name: "МБОУ «Школа А»", short_name: "Школа А", kind: school, district: "Северный район"}
- {id: sch-b, name: "МБОУ «Школа Б»", short_name: "Школа Б", kind: school, district: "Северный район"}
- {id: sch-c, name: "МБОУ «Школа В»", short_name: "Школа В", kind: school, district: "Южный район"}
- {id: sch-d, name: "МБОУ «Школа Г»", short_name: "Школа Г", kind: school, rural: true, district: "Южный район"}
- {id: sch-e, name: "МБОУ «Малая школа»", short_name: "Малая школа", kind: school, rural: true, district: "Южный район"}
- {id: licey, name: "МАОУ «Лицей»", short_name: "Лицей", kind: school, district: "Северный район", profile: {kind: лицей, subjects: [математика]}}
- {id: ds-1, name: "МБДОУ «Детский сад № 1»", short_name: "Детский сад № 1", kind: kindergarten}
"#;

fn split_site(register: Option<&str>) -> Site {
    let site = Site::fixture("analytics");
    let rules = site.read_source("data/analytics.yaml");
    site.write("data/analytics.yaml", &format!("{rules}split_above: 3\n"));
    if let Some(register) = register {
        site.write("data/organizations.yaml", register);
    }
    let run = site.run(&["build", "--as-of", "2025-12-01"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    site
}

#[test]
fn issue_22_splits_a_large_year_into_a_summary_and_a_page_per_district() {
    let site = split_site(Some(REGISTER));
    let summary = site.read("objectivity/2025/index.html");
    assert!(summary.contains("<h2 id=\"chasti\">По районам</h2>"));
    assert!(summary.contains("href=\"/objectivity/2025/severnyi-raion/\">Северный район</a>"));
    assert!(summary.contains("href=\"/objectivity/2025/iuzhnyi-raion/\">Южный район</a>"));
    // Municipal totals stay on the summary; the schools' rows move to their district.
    assert!(summary.contains("Признаки выявлены у 2 школ из 6 школ с результатами 2025 года."));
    assert!(!summary.contains("id=\"sch-a\""));
    assert!(summary.contains("письмо министерства от 01.11.2025 № 1"));

    let north = site.read("objectivity/2025/severnyi-raion/index.html");
    assert!(north.contains("<h2 id=\"itogi\">Итоги: Северный район</h2>"));
    assert!(north.contains("Признаки выявлены у 2 школ из 3 школ с результатами 2025 года."));
    assert!(north.contains("id=\"sch-a\"") && north.contains("id=\"sch-b\""));
    assert!(north.contains(
        "Доля «4» и «5» по ВПР (5 класс, математика, 2025) — 92,5\u{a0}% при 53,8\u{a0}% в среднем по другим школам округа."
    ));
    assert!(north.contains("href=\"/objectivity/2025/\">на странице 2025 года</a>"));
    // The CSV under each chart is the whole year's, linked from the part too.
    assert!(north.contains("href=\"/objectivity/2025/procedures.csv\""));
    let south = site.read("objectivity/2025/iuzhnyi-raion/index.html");
    assert!(south.contains("Признаков не выявлено ни у одной из 3 школ с результатами 2025 года."));
    assert!(!south.contains("id=\"sch-a\""));

    // Every school's rows appear on exactly one district page.
    let pages = html_pages(&site.public());
    let parts: Vec<&(String, String)> = pages
        .iter()
        .filter(|(url, _)| url.starts_with("/objectivity/2025/") && url != "/objectivity/2025/")
        .collect();
    assert_eq!(
        parts.len(),
        2,
        "{:?}",
        parts.iter().map(|p| &p.0).collect::<Vec<_>>()
    );
    for school in ["Школа А", "Школа Б", "Школа В", "Школа Г", "Лицей"]
    {
        let rows = format!("scope=\"row\">{school}</th>");
        let holding = parts
            .iter()
            .filter(|(_, html)| html.contains(&rows))
            .count();
        assert_eq!(
            holding, 1,
            "{school}: its data rows on {holding} district pages"
        );
    }

    // Sitemap and the list of pages know the parts; the link check passed (exit 0).
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("/objectivity/2025/severnyi-raion/</loc>"));
    let search = site.read("search/index.html");
    assert!(search.contains("/objectivity/2025/iuzhnyi-raion/"));
}

#[test]
fn issue_22_splits_by_grade_when_the_register_has_no_districts() {
    let site = split_site(None);
    let summary = site.read("objectivity/2025/index.html");
    assert!(summary.contains("<h2 id=\"chasti\">По классам</h2>"));
    assert!(summary.contains("href=\"/objectivity/2025/5-klass/\">5 класс</a>"));
    let fifth = site.read("objectivity/2025/5-klass/index.html");
    assert!(fifth.contains("id=\"sch-a\""));
    let eleventh = site.read("objectivity/2025/11-klass/index.html");
    // Школа Б's sign is the ЕГЭ medals rule: the 11th grade.
    assert!(eleventh.contains("id=\"sch-b\""));
    assert!(!eleventh.contains("id=\"sch-a\""));
}

#[test]
fn issue_22_rejects_an_empty_district_with_its_line() {
    let site = Site::fixture("analytics");
    site.write(
        "data/organizations.yaml",
        "- id: sch-a\n  name: \"МБОУ «Школа А»\"\n  short_name: \"Школа А\"\n  kind: school\n  district: \"\"\n",
    );
    let run = site.run(&["build", "--as-of", "2025-12-01"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("data/organizations.yaml:5")
            && run.stderr.contains("sch-a: district — пустая строка"),
        "{}",
        run.stderr
    );
}
