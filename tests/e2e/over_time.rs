//! Issue 20: analytics over time — a school renamed in the middle of its ШНОР history,
//! results filed under an id the register does not know for their year, and an
//! indicator whose method changed (the line breaks, no trend is claimed across it).

use crate::harness::Site;

fn build(site: &Site, as_of: &str) -> crate::harness::Run {
    site.run(&["build", "--as-of", as_of])
}

/// The analytics fixture with Школа Г renamed from 01.09.2024: its 2024 results are
/// filed under the former id.
fn renamed() -> Site {
    let site = Site::fixture("analytics");
    let register = site.read_source("data/organizations.yaml").replace(
        "- {id: sch-d, name: \"МБОУ «Школа Г»\", short_name: \"Школа Г\", kind: school, rural: true}",
        "- {id: sch-d, name: \"МБОУ «Школа Г»\", short_name: \"Школа Г\", kind: school, rural: true,\n   replaces: [{id: sch-g-old, short_name: \"МБОУ «Школа Г-старая»\", since: 2024-09-01}]}",
    );
    site.write("data/organizations.yaml", &register);
    let vpr = site
        .read_source("data/results/vpr/2024.csv")
        .replace("sch-d,", "sch-g-old,");
    site.write("data/results/vpr/2024.csv", &vpr);
    site
}

#[test]
fn follows_a_renamed_school_through_its_shnor_history() {
    let site = renamed();
    let run = build(&site, "2025-12-01");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("shnor/2025/index.html");
    // Both years, 2024 under the former id, are Школа Г's: still listed.
    assert!(
        page.contains("<a href=\"/orgs/sch-d/\">Школа Г</a>"),
        "{page}"
    );
    assert!(page.contains("до 01.09.2024 — МБОУ «Школа Г-старая»"));
    assert!(page.contains("по результатам ВПР 2024–2025 годов"));
    let card = site.read("orgs/sch-d/index.html");
    assert!(card.contains("<dt>Прежние названия</dt><dd>до 01.09.2024 — МБОУ «Школа Г-старая»"));
}

#[test]
fn reports_an_id_the_register_does_not_know_for_that_year() {
    let site = renamed();
    // The former id in 2025, after the rename; and the new id in 2024, before it.
    let vpr = site
        .read_source("data/results/vpr/2025.csv")
        .replace("sch-d,", "sch-g-old,");
    site.write("data/results/vpr/2025.csv", &vpr);
    let old = site
        .read_source("data/results/vpr/2024.csv")
        .replace("sch-g-old,", "sch-d,");
    site.write("data/results/vpr/2024.csv", &old);
    let run = build(&site, "2025-12-01");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line_2025 = 1 + site
        .read_source("data/results/vpr/2025.csv")
        .lines()
        .position(|l| l.starts_with("sch-g-old,"))
        .unwrap();
    for expected in [
        "data/results/vpr/2024.csv:5:1: ошибка: школы «sch-d» в 2024 году ещё не было: по реестру она заменила sch-g-old с 01.09.2024".to_string(),
        format!("data/results/vpr/2025.csv:{line_2025}:1: ошибка: «sch-g-old» — прежний id школы «sch-d»: с 01.09.2024 результаты 2025 года указываются под её новым id"),
        "подсказка: замените «sch-g-old» на «sch-d»".to_string(),
    ] {
        assert!(run.stderr.contains(&expected), "missing «{expected}» in:\n{}", run.stderr);
    }
}

#[test]
fn reports_a_predecessor_that_is_still_in_the_register_at_its_line() {
    let site = Site::fixture("analytics");
    // Written as a block, so that the message can point at the entry's line.
    let register = site.read_source("data/organizations.yaml").replace(
        "- {id: sch-d, name: \"МБОУ «Школа Г»\", short_name: \"Школа Г\", kind: school, rural: true}",
        "- id: sch-d\n  name: \"МБОУ «Школа Г»\"\n  short_name: \"Школа Г\"\n  kind: school\n  replaces: [{id: sch-a, short_name: \"Школа А\", since: 2025-09-01}]",
    );
    site.write("data/organizations.yaml", &register);
    // The message points at the entry of `replaces` that is wrong.
    let line = 1 + register
        .lines()
        .position(|l| l.starts_with("  replaces:"))
        .unwrap();
    let run = build(&site, "2025-12-01");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("data/organizations.yaml:{line}:3: ошибка: replaces: «sch-a» — id действующей организации реестра")),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("если школа разделена на несколько, она остаётся в реестре с датой closed, а у каждой новой школы пишется split_from"));
}

/// The monitoring fixture's vpr-low with a method change in 2025.
fn changed_method(site: &Site) {
    let text = site.read_source("data/indicators/podgotovka.yaml").replace(
        "    targets: {2025: 7.0}",
        "    targets: {2025: 7.0}\n    method_changes:\n      - {year: 2025, what: \"новая шкала перевода баллов\", source: \"письмо Рособрнадзора\"}",
    );
    site.write("data/indicators/podgotovka.yaml", &text);
}

#[test]
fn breaks_the_line_and_refuses_a_trend_across_a_method_change() {
    let site = Site::fixture("monitoring");
    changed_method(&site);
    let run = build(&site, "2025-06-01");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("content/doklad/2025/01-kachestvo.md:8:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("ошибка: «Доля участников ВПР, получивших отметку «2»»: между 2024 и 2025 изменилась методика расчёта (с 2025: новая шкала перевода баллов), значения до и после не сравниваются"), "{}", run.stderr);
    assert!(run
        .stderr
        .contains("подсказка: сравнивайте годы по одну сторону от 2025"));
    // Without the trend claim the site builds; the page and the chart say so.
    let doc = site
        .read_source("content/doklad/2025/01-kachestvo.md")
        .replace(
            "{{ assert(indicator=\"vpr-low\", subject=\"математика\", trend=\"down\", from=2024, to=2025) }}",
            "",
        );
    site.write("content/doklad/2025/01-kachestvo.md", &doc);
    let run = build(&site, "2025-06-01");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.read("indicators/vpr-low/index.html");
    assert!(page.contains("<dt>Изменения методики</dt><dd><p>с 2025 года: новая шкала перевода баллов (письмо Рособрнадзора)."), "{page}");
    assert!(page.contains("с 2025 года методика изменилась: новая шкала перевода баллов — значения до и после не сравниваются, линия прервана"));
    assert!(page.contains("по изменённой методике (с 2025)"));
}

#[test]
fn reports_a_method_change_with_a_bad_year() {
    let site = Site::fixture("monitoring");
    let text = site.read_source("data/indicators/podgotovka.yaml").replace(
        "    targets: {2025: 7.0}",
        "    targets: {2025: 7.0}\n    method_changes: [{year: 20x5, what: \"x\"}]",
    );
    site.write("data/indicators/podgotovka.yaml", &text);
    let run = build(&site, "2025-06-01");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("data/indicators/podgotovka.yaml:7:3: ошибка: изменение методики показателя «vpr-low»: «20x5» — не год"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("method_changes: [{year: 2024, what:"));
}

#[test]
fn follows_a_renamed_school_in_indicator_values() {
    // СОШ № 2 had another id until 01.09.2024: its 2024 value is filed under it, and
    // the card still compares 2025 with 2024.
    let site = Site::fixture("monitoring");
    let register = site.read_source("data/organizations.yaml").replace(
        "  flags: [shnor]\n",
        "  flags: [shnor]\n  replaces: [{id: sosh-2-old, short_name: \"ООШ № 2\", since: 2024-09-01}]\n",
    );
    site.write("data/organizations.yaml", &register);
    let values = site
        .read_source("data/values/vpr-low.csv")
        .replace("2024,sosh-2,", "2024,sosh-2-old,");
    site.write("data/values/vpr-low.csv", &values);
    let run = build(&site, "2025-06-01");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let card = site.read("orgs/sosh-2/index.html");
    assert!(card.contains("+1,6\u{a0}п.п. к 2024 (ухудшение)"), "{card}");
    assert!(card.contains("<dt>Прежние названия</dt><dd>до 01.09.2024 — ООШ № 2"));
    // In 2025, after the change, the former id is unknown.
    let values = values.replace("2025,sosh-2,", "2025,sosh-2-old,");
    site.write("data/values/vpr-low.csv", &values);
    let run = build(&site, "2025-06-01");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("организации «sosh-2-old» нет в реестре"),
        "{}",
        run.stderr
    );
}

/// The analytics fixture where Школа В has a strong 4th grade in 2024 and the same
/// class is weak in 5th grade in 2025 — a sharp cohort change when it is one
/// school. With `divided`, Школа В was divided on 01.09.2024 into Школа В-1 and
/// НОШ В-2, and the 2025 class is Школа В-1's.
fn cohort_across_a_division(divided: bool) -> Site {
    let site = Site::fixture("analytics");
    let vpr_2024 = site.read_source("data/results/vpr/2024.csv").replace(
        "sch-c,4,математика,40,4,16,15,5,10,27,3",
        "sch-c,4,математика,40,0,4,20,16,4,33,3",
    );
    site.write("data/results/vpr/2024.csv", &vpr_2024);
    let org_2025 = if divided { "sch-c1" } else { "sch-c" };
    let vpr_2025 = site.read_source("data/results/vpr/2025.csv").replace(
        "sch-c,5,математика,40,4,16,15,5,10,27,3",
        &format!("{org_2025},5,математика,40,4,20,12,4,6,31,3"),
    );
    site.write("data/results/vpr/2025.csv", &vpr_2025);
    if divided {
        let register = site.read_source("data/organizations.yaml").replace(
            "short_name: \"Школа В\", kind: school}",
            "short_name: \"Школа В\", kind: school, closed: 2024-08-31}\n- id: sch-c1\n  name: \"МБОУ «Школа В-1»\"\n  short_name: \"Школа В-1\"\n  kind: school\n  split_from: {id: sch-c, since: 2024-09-01, act: \"постановление администрации от 10.06.2024 № 501\"}\n- id: sch-c2\n  name: \"МБОУ «НОШ В-2»\"\n  short_name: \"НОШ В-2\"\n  kind: school\n  split_from: {id: sch-c, since: 2024-09-01}\n  continues_to: sch-c1",
        );
        site.write("data/organizations.yaml", &register);
        for file in [
            "data/results/ege/2025.csv",
            "data/results/objectivity_official.csv",
        ] {
            let text = site.read_source(file).replace("sch-c,", "sch-c1,");
            site.write(file, &text);
        }
    }
    site
}

#[test]
fn issue20_never_compares_a_divided_schools_year_with_its_successors() {
    // One school: the cohort drop is a sharp change, and with the high 2024 result a sign
    // (the card names the measure in words; rule codes stay on the year page).
    let whole = cohort_across_a_division(false);
    let run = build(&whole, "2025-12-01");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let card = whole.read("orgs/sch-c/index.html");
    assert!(card.contains("изменение доли «4» и «5» за год"), "{card}");

    let site = cohort_across_a_division(true);
    let run = build(&site, "2025-12-01");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The divided school keeps its 2024 history, with no change to a 2025 it did not have.
    let parent = site.read("orgs/sch-c/index.html");
    assert!(
        !parent.contains("изменение доли «4» и «5» за год"),
        "{parent}"
    );
    assert!(parent.contains("<dt>Прекратила работу</dt><dd>31.08.2024: разделена на <a href=\"/orgs/sch-c1/\">Школа В-1</a> и <a href=\"/orgs/sch-c2/\">НОШ В-2</a> (постановление администрации от 10.06.2024 № 501)</dd>"), "{parent}");
    assert!(parent.contains("учтены в показателях округа за эти годы"));
    let child = site.read("orgs/sch-c1/index.html");
    assert!(
        !child.contains("изменение доли «4» и «5» за год"),
        "{child}"
    );
    assert!(child.contains("<dt>Образована</dt><dd>01.09.2024 при разделении <a href=\"/orgs/sch-c/\">Школа В</a> (постановление администрации от 10.06.2024 № 501)</dd>"), "{child}");
    assert!(child.contains("Изменения к годам до образования школы здесь не рассчитываются: школа образована 01.09.2024 при разделении Школа В"), "{child}");
    // The register lists the schools that work now; the closed one keeps its card.
    let list = site.read("orgs/index.html");
    assert!(!list.contains("href=\"/orgs/sch-c/\""), "{list}");
    assert!(list.contains("href=\"/orgs/sch-c1/\""));
    // Its 2024 results still count in the municipality's 2024 page; the 2025 page
    // says which comparison is not made.
    assert!(site.read("objectivity/2024/index.html").contains("Школа В"));
    let year = site.read("objectivity/2025/index.html");
    assert!(year.contains("<strong>Разделение школ.</strong> Школа В-1 и НОШ В-2 образованы 01.09.2024 при разделении Школа В: их результаты 2025 года не сравниваются с результатами Школа В за 2024 год"), "{year}");
    assert!(!whole
        .read("objectivity/2025/index.html")
        .contains("Разделение школ."));
}

#[test]
fn issue20_reports_results_on_the_wrong_side_of_a_division_at_their_line() {
    let site = cohort_across_a_division(true);
    let vpr_2024 =
        site.read_source("data/results/vpr/2024.csv") + "sch-c2,4,математика,20,2,8,6,4,2,16,2\n";
    site.write("data/results/vpr/2024.csv", &vpr_2024);
    let vpr_2025 =
        site.read_source("data/results/vpr/2025.csv") + "sch-c,4,математика,20,2,8,6,4,2,16,2\n";
    site.write("data/results/vpr/2025.csv", &vpr_2025);
    let run = build(&site, "2025-12-01");
    assert_eq!(run.code, 1, "{}", run.stderr);
    let last = |text: String| text.lines().count();
    for expected in [
        format!("data/results/vpr/2024.csv:{}:1: ошибка: школы «sch-c2» в 2024 году ещё не было: по реестру она выделена из «sch-c» с 01.09.2024", last(vpr_2024)),
        format!("data/results/vpr/2025.csv:{}:1: ошибка: школа «sch-c» по реестру работала до 31.08.2024: результатов 2025 года у неё быть не может", last(vpr_2025)),
        "подсказка: укажите результаты под id новых школ: sch-c1, sch-c2".to_string(),
    ] {
        assert!(run.stderr.contains(&expected), "missing «{expected}» in:\n{}", run.stderr);
    }
}

#[test]
fn issue20_reports_a_division_from_an_open_or_unknown_school() {
    let site = cohort_across_a_division(true);
    let register = site
        .read_source("data/organizations.yaml")
        .replace(", closed: 2024-08-31", "")
        .replace(
            "split_from: {id: sch-c, since: 2024-09-01}\n",
            "split_from: {id: sch-x, since: 2024-09-01}\n",
        );
    site.write("data/organizations.yaml", &register);
    let run = build(&site, "2025-12-01");
    assert_eq!(run.code, 1, "{}", run.stderr);
    for expected in [
        "data/organizations.yaml:8:20: ошибка: «sch-c1» выделена из «sch-c» с 01.09.2024, а «sch-c» в реестре всё ещё действует",
        "подсказка: укажите у «sch-c» последний день работы: closed: 2024-08-31",
        "data/organizations.yaml:13:20: ошибка: split_from: организации «sch-x» нет в реестре",
    ] {
        assert!(run.stderr.contains(expected), "missing «{expected}» in:\n{}", run.stderr);
    }
}
