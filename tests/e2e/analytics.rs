//! Objectivity and ШНОР analytics (issue 9): signs with the numbers behind them, the
//! same results as CSV, a class of 3 that never shows, bad results rejected with
//! file:line, and schools left unnamed when the department says so.
//!
//! The fixture `tests/sites/analytics`: five ordinary-size classes of 40 in 5th-grade
//! mathematics 2025 and a class of 3 (Малая школа, all «2»). Школа А: 37 of 40 with
//! «4»/«5» and 14 of 40 above their journal marks; the benchmark without it and
//! without the class of 3 is (20 + 20 + 10 + 36) / 160 = 53,75 %. Школа Б: 2 of 6
//! medal candidates below 70 on the ЕГЭ. Школа Г: 35 % «2» in 2024 and 2025. The
//! лицей's high mathematics is expected for its profile.

use std::fs;
use std::path::Path;

use crate::harness::{snapshot, Site};

fn built() -> Site {
    let site = Site::fixture("analytics");
    let run = site.run(&["build", "--as-of", "2025-12-01"]);
    assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
    site
}

fn failing(site: &Site) -> String {
    let run = site.run(&["build", "--as-of", "2025-12-01"]);
    assert_eq!(run.code, 1, "expected a failure:\n{}", run.stderr);
    run.stderr
}

#[test]
fn explains_each_sign_with_its_numbers_in_alphabetical_order() {
    let site = built();
    let page = site.read("objectivity/2025/index.html");
    assert!(page.contains("Признак — не вывод о нарушении."));
    assert!(page.contains("Признаки (расчёт по муниципальной методике)"));
    assert!(page.contains(
        "Доля «4» и «5» по ВПР (5 класс, математика, 2025) — 92,5\u{a0}% при 53,8\u{a0}% в среднем по другим школам округа."
    ));
    assert!(page.contains("У 35,0\u{a0}% участников ВПР (5 класс, математика)"));
    assert!(page.contains("Из 6 претендентов на медаль (с итоговыми отметками «отлично») 2 не набрали на ЕГЭ 70\u{a0}баллов — 33,3\u{a0}%"));
    assert!(page.contains("Школа проверяет работы с участием учителей других школ."));
    // Alphabetical, never ranked: А before Б.
    let a = page.find("id=\"sch-a\"").expect("Школа А listed");
    let b = page.find("id=\"sch-b\"").expect("Школа Б listed");
    assert!(a < b);
    // The лицей's high result is expected, not a sign; Школа В only in the official list.
    assert!(!page.contains("id=\"licey\""));
    assert!(page.contains("Высокие результаты, ожидаемые для профиля школы"));
    assert!(!page.contains("id=\"sch-c\""));
    assert!(page.contains("письмо министерства от 01.11.2025 № 1"));
    assert!(page.contains("Признаки выявлены у 2 школ из 6 школ с результатами 2025 года."));
}

#[test]
fn writes_flags_csv_with_one_row_per_fired_rule() {
    let site = built();
    let csv = site.read("objectivity/2025/flags.csv");
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "year,org,org_name,category,procedure,grade,subject,variant,rule,measure,n,value,benchmark,benchmark_source,difference,z,threshold,z_threshold,flagged,persistent,note,method_version"
    );
    assert!(lines.contains(
        &"2025,sch-a,Школа А,vpr_bias,vpr,5,математика,,a,quality,40,92.5,53.75,municipality,38.75,4.915,20,2.33,true,false,,2025.1"
    ));
    assert!(lines
        .iter()
        .any(|l| l
            .starts_with("2025,sch-a,Школа А,vpr_bias,vpr,5,математика,,b1,raised,40,35,6.88,")));
    assert!(lines.iter().any(
        |l| l.starts_with("2025,sch-b,Школа Б,marking,ege,,,,d,medals_not_confirmed,6,33.33,7.69,")
    ));
    // The лицей: a fired, but the school gets no sign.
    assert!(lines.iter().any(
        |l| l.starts_with("2025,licey,Лицей,vpr_bias,vpr,5,математика,,a,")
            && l.contains(",false,false,")
    ));
    assert_eq!(lines.len(), 1 + 5);
}

#[test]
fn never_shows_a_class_of_three() {
    let site = built();
    // Its card says «менее 5» and shows none of its shares (100 % «2»).
    let card = site.read("orgs/sch-e/index.html");
    assert!(card.contains(">менее 5</td>"), "{card}");
    assert!(!card.contains("100,0"));
    // It is in no file of results, no chart, no sign.
    for path in [
        "objectivity/2025/flags.csv",
        "objectivity/2025/procedures.csv",
        "shnor/2025/list.csv",
    ] {
        assert!(!site.read(path).contains("sch-e"), "{path}");
    }
    let page = site.read("objectivity/2025/index.html");
    assert!(!page.contains("Малая школа"));
    // The benchmark leaves it out: with it, 86 of 163 would be 52,8 %.
    assert!(page.contains("53,8\u{a0}%"));
    assert!(!page.contains("52,8\u{a0}%"));
    // The municipal journal row pools only published groups: 2+10+10+9+8 lowered of 200.
    assert!(page.contains("<tr><th data-label=\"Школа\" scope=\"row\">Все школы округа</th><td data-label=\"Сравнивалось\">200</td><td data-label=\"ВПР ниже журнала, %\">19,5</td>"));
}

#[test]
fn never_copies_raw_results_to_the_site() {
    let site = built();
    let raw = fs::read_to_string(site.root.join("data/results/vpr/2025.csv")).unwrap();
    for (path, bytes) in snapshot(&site.public()) {
        assert!(!path.contains("results"), "{path}");
        assert_ne!(bytes, raw.as_bytes(), "{path} is a copy of the raw results");
    }
}

#[test]
fn lists_schools_with_low_results_as_support() {
    let site = built();
    let page = site.read("shnor/2025/index.html");
    assert!(page.contains("<a href=\"/orgs/sch-d/\">Школа Г</a>"));
    assert!(page.contains("доля «2» по ВПР (русский язык и математика) — 35,0\u{a0}% и 35,0\u{a0}% при 6,2\u{a0}% и 5,0\u{a0}% в среднем по другим школам округа"));
    assert!(page.contains("class=\"support-note\""));
    let list = site.read("shnor/2025/list.csv");
    assert!(list.contains("2025,sch-d,Школа Г,shnor,g_relative,2025,,,40,35,5,7.5,"));
    let card = site.read("orgs/sch-d/index.html");
    assert!(card.contains("Низкие образовательные результаты: адресная поддержка"));
}

/// Issue 9, audit finding 2: ANALYTICS §5 forbids ranking, so no place is printed,
/// only whether the school is in the bottom share, with F and 1,5·F_B.
#[test]
fn publishes_no_place_in_the_low_results_list() {
    let site = built();
    let page = site.read("shnor/2025/index.html");
    let list = site.read("shnor/2025/list.csv");
    for text in [&page, &list] {
        assert!(!text.to_lowercase().contains("место"), "{text}");
        assert!(
            !text.contains(" из 5") && !text.contains("граница"),
            "{text}"
        );
    }
    assert!(page.contains("<th scope=\"col\">Входит в 10\u{a0}% школ с наибольшей долей «2»</th>"));
    assert!(
        page.contains(
            "<td data-label=\"Доля «2»\">35,0\u{a0}%</td><td data-label=\"База сравнения\">5,0\u{a0}%</td><td data-label=\"Порог (1,5\u{a0}× база сравнения)\">7,5\u{a0}%</td><td data-label=\"Входит в 10\u{a0}% школ с наибольшей долей «2»\">да</td><td data-label=\"Относительное условие\">да</td>"
        ),
        "{page}"
    );
    assert!(list.contains("входит в 10\u{a0}% школ с наибольшей долей «2»: да; база: municipality"));
    assert!(page.contains("по результатам ВПР 2024–2025 годов"));
    // The open-data copy is built from the same rows (opendata/tables.rs), so it has
    // no place either; the fixture is not in git, so it has no open data to read.
}

#[test]
fn links_the_analytics_from_the_register_and_every_school_card() {
    let site = built();
    assert!(site
        .read("orgs/index.html")
        .contains("<a href=\"/objectivity/\">"));
    let card = site.read("orgs/sch-b/index.html");
    assert!(card.contains("<a href=\"/objectivity/2025/\">Признаки по округу</a>"));
    assert!(card.contains("есть признаки, которые нужно перепроверить (2025)"));
    let clean = site.read("orgs/sch-c/index.html");
    assert!(clean.contains("признаков необъективности за 2024–2025 годы не выявлено"));
    assert!(clean.contains("Официальный перечень"));
    assert!(!site
        .read("orgs/ds-1/index.html")
        .contains("Объективность результатов"));
}

#[test]
fn builds_the_same_bytes_twice() {
    let site = built();
    let first = snapshot(&site.public());
    fs::remove_dir_all(site.public()).unwrap();
    built_again(&site);
    assert_eq!(first, snapshot(&site.public()));
}

fn built_again(site: &Site) {
    let run = site.run(&["build", "--as-of", "2025-12-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The cells of a CSV file, row by row.
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect()
}

fn unnamed() -> Site {
    let site = Site::fixture("analytics");
    site.write(
        "data/analytics.yaml",
        "publish_named: false\nmedals:\n  2025: {regime: \"2024\", threshold: 70}\n",
    );
    built_again(&site);
    site
}

#[test]
fn names_no_school_when_publish_named_is_false() {
    let site = unnamed();
    let page = site.read("objectivity/2025/index.html");
    assert!(!page.contains("Школа А"), "no list, no chart with names");
    assert!(!page.contains("<svg role=\"img\" aria-labelledby=\"scatter-2025-title"));
    assert!(page.contains("признаки отдельных школ не публикуются"));
    assert!(page.contains("Признаки выявлены у 2 школ из 6 школ с результатами 2025 года."));
    // The official list as a count only.
    assert!(!page.contains("письмо министерства от 01.11.2025 № 1"));
    assert!(page.contains("за 2025 год вошла 1 школа округа"), "{page}");
    assert!(site
        .read("orgs/sch-a/index.html")
        .contains("управление публикует только число школ с признаками в целом по округу"));
}

/// Issue 9, audit finding 1: a blank name is not enough when a row keeps the
/// school's n, value and leave-one-out benchmark, which its own card shows.
#[test]
fn lets_no_reader_join_a_sign_to_a_school_when_publish_named_is_false() {
    // The numbers behind the signs, as the named build publishes them.
    let named = csv_rows(&built().read("objectivity/2025/flags.csv"));
    let behind: Vec<String> = named[1..]
        .iter()
        .filter(|r| r[18] == "true")
        .flat_map(|r| [r[11].clone(), r[12].clone(), r[14].clone()])
        .collect();
    assert!(behind.contains(&"92.5".to_string()), "{behind:?}");
    let site = unnamed();
    // flags.csv counts schools; no column names, numbers or orders a school.
    let flags = csv_rows(&site.read("objectivity/2025/flags.csv"));
    assert_eq!(
        flags[0].join(","),
        "year,category,procedure,grade,subject,variant,rule,measure,threshold,z_threshold,schools_fired,schools_flagged,method_version"
    );
    assert!(
        flags.contains(
            &"2025,vpr_bias,vpr,5,математика,,a,quality,20,2.33,2,1,2025.1"
                .split(',')
                .map(str::to_string)
                .collect()
        ),
        "the лицей and Школа А fired a, only Школа А is signed: {flags:?}"
    );
    // procedures.csv: the municipality per grade and subject, no row per school.
    let procedures = csv_rows(&site.read("objectivity/2025/procedures.csv"));
    assert_eq!(procedures.len(), 2, "{procedures:?}");
    assert!(!procedures[0].contains(&"org".to_string()));
    // No published file of signs carries a number behind a sign: nothing to match
    // against a school's card. No card shows a sign.
    for (path, bytes) in snapshot(&site.public()) {
        let text = String::from_utf8_lossy(&bytes);
        // The ШНОР list names schools as support; its 35 % «2» is Школа Г's own.
        let signs_file = path.contains("objectivity");
        if signs_file && (path.ends_with(".csv") || path.ends_with(".json")) {
            for value in &behind {
                let cell = |sep: char| {
                    text.split(['\r', '\n', sep, '"'])
                        .any(|c| c == value.as_str())
                };
                assert!(!cell(','), "{path} has {value}");
            }
        }
        if path.starts_with("orgs/") {
            for marker in [
                "org-signs",
                "Из чего сложился признак",
                "требуют проверки",
                "Официальный перечень",
            ] {
                assert!(!text.contains(marker), "{path} has «{marker}»");
            }
        }
    }
    let page = site.read("objectivity/2025/index.html");
    for value in ["92,5", "35,0", "33,3"] {
        assert!(!page.contains(value), "{value} on the year page");
    }
}

#[test]
fn reports_bad_results_at_their_line_and_fails() {
    let site = Site::fixture("analytics");
    site.write(
        "data/results/vpr/2025.csv",
        "org,grade,subject,participants,m2,m3,m4,m5,lowered,confirmed,raised\n\
         sch-a,5,математика,40,0,3,20,18,2,24,14\n\
         sch-x,5,математика,40,4,16,15,5,10,27,3\n\
         sch-b,5,матиматика,40,4,16,15,5,10,27,3\n\
         sch-c,5,математика,40,4,16,15,5,20,27,3\n\
         sch-d,5,математика,-1,14,16,8,2,9,28,3\n",
    );
    let stderr = failing(&site);
    for expected in [
        "data/results/vpr/2025.csv:2:23: ошибка: m2+m3+m4+m5 = 41, а участников 40",
        "data/results/vpr/2025.csv:3:1: ошибка: организации «sch-x» нет в реестре",
        "data/results/vpr/2025.csv:4:9: ошибка: неизвестный предмет «матиматика»",
        "подсказка: возможно, «математика»",
        "data/results/vpr/2025.csv:5:33: ошибка: lowered+confirmed+raised = 50, а участников 40",
        "data/results/vpr/2025.csv:6:20: ошибка: participants: отрицательное число «-1»",
    ] {
        assert!(
            stderr.contains(expected),
            "missing «{expected}» in:\n{stderr}"
        );
    }
    assert!(!site.public().exists(), "nothing is published");
}

/// Issue 9, audit finding 6: only the variants the ВПР has, only where it has them.
#[test]
fn rejects_an_unknown_variant_and_a_variant_where_the_vpr_has_none() {
    let site = Site::fixture("analytics");
    site.write(
        "data/results/vpr/2025.csv",
        "org,grade,subject,participants,m2,m3,m4,m5,lowered,confirmed,raised,variant\n\
         sch-a,5,математика,40,0,3,20,17,2,24,14,\n\
         sch-b,7,математика,40,4,16,15,5,10,27,3,продвинутая\n\
         sch-c,6,математика,40,4,16,15,5,10,27,3,углублённая\n\
         sch-d,8,математика,40,14,16,8,2,9,28,3,Углубленная\n\
         sch-d,8,математика,40,14,16,8,2,9,28,3,базовая\n",
    );
    let stderr = failing(&site);
    for expected in [
        "data/results/vpr/2025.csv:3:41: ошибка: неизвестный вариант ВПР «продвинутая»",
        "подсказка: вариант — «базовая» или «углублённая»",
        "data/results/vpr/2025.csv:4:41: ошибка: у ВПР по предмету «математика» в 6 классе нет вариантов, а указан «углублённая»",
        "подсказка: базовый и углублённый варианты есть только у математики в 7 и 8 классах",
    ] {
        assert!(stderr.contains(expected), "missing «{expected}» in:\n{stderr}");
    }
    // «Углубленная» is «углублённая»; base and advanced 8th grade are two rows.
    assert!(!stderr.contains(":5:"), "{stderr}");
    assert!(!stderr.contains(":6:"), "{stderr}");
}

#[test]
fn reports_a_bad_combination_and_an_ege_year_without_a_medal_regime() {
    let site = Site::fixture("analytics");
    site.write(
        "data/analytics.yaml",
        "combine:\n  vpr_bias: \"a AND (b1 OR x)\"\nmedals:\n  2024: {regime: \"2024\", threshold: 70}\n",
    );
    let stderr = failing(&site);
    assert!(
        stderr.contains("data/analytics.yaml:2:27: ошибка: в сочетании правил vpr_bias: неизвестное правило «x»"),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/results/ege/2025.csv:1:1: ошибка: для 2025 года не указан порядок награждения медалями"),
        "{stderr}"
    );
    assert!(Path::new(&site.root)
        .join("data/results/ege/2025.csv")
        .exists());
}
