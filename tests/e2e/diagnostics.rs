//! What the specialist and the tools see: the source line under the message,
//! `--lang en`, `--format json`, and the summary with counts and stage times.

use crate::harness::{built, Site};

fn broken() -> Site {
    let site = Site::fixture("basic");
    site.write(
        "content/news/first.md",
        "---\ntitle: A\ndate: 31.13.2025\n---\n",
    );
    site
}

#[test]
fn shows_the_line_with_the_spot_underlined() {
    let run = broken().run(&["check", "--as-of", "2025-06-01"]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "content/news/first.md:3:7: ошибка: в дате «31.13.2025» месяца 13 нет")
        .unwrap_or_else(|| panic!("{}", run.stderr));
    let source = lines[at..]
        .iter()
        .position(|l| l.ends_with(" 3 │ date: 31.13.2025"))
        .map(|i| i + at)
        .unwrap_or_else(|| panic!("{}", run.stderr));
    // The underline starts under the value (the lines share the gutter, so byte
    // offsets agree up to there).
    let value = lines[source].find("31.13.2025").unwrap();
    assert!(
        lines[source + 1][value..].starts_with('─'),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("  подсказка: пишите дату в виде ГГГГ-ММ-ДД"));
}

#[test]
fn speaks_english_with_lang_en() {
    let run = broken().run(&["check", "--as-of", "2025-06-01", "--lang", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "content/news/first.md:3:7: error: in the date “31.13.2025” there is no month 13"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("  hint: write dates as YYYY-MM-DD"));
    // The other page's link to the broken one.
    assert!(run.stderr.contains(
        "content/news/second.md:12:5: error: the link “first.md” leads to a page that does not exist"
    ));
    assert!(run.stderr.contains("Check failed: 2 errors, 0 warnings."));
}

#[test]
fn check_format_json_lists_every_problem_with_file_and_line() {
    let run = broken().run(&["check", "--as-of", "2025-06-01", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stderr, "", "JSON mode prints nothing but the JSON");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let first = &json["diagnostics"][0];
    assert_eq!(first["file"], "content/news/first.md");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(3), Some(7))
    );
    assert_eq!(first["severity"], "error");
    assert_eq!(first["code"], "bad-date");
    assert_eq!(first["message"], "в дате «31.13.2025» месяца 13 нет");
    assert_eq!(json["diagnostics"][1]["file"], "content/news/second.md");
    assert_eq!(json["diagnostics"][1]["code"], "missing-page");
    assert_eq!(json["summary"]["ok"], false);
    assert_eq!(json["summary"]["errors"], 2);
}

#[test]
fn build_format_json_reports_counts_and_every_stage() {
    let site = Site::fixture("monitoring");
    let run = site.run(&[
        "build",
        "--as-of",
        "2025-06-01",
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let summary = &json["summary"];
    assert_eq!(summary["ok"], true);
    assert!(summary["pages"].as_u64().unwrap() > 5);
    assert!(summary["charts"].as_u64().unwrap() > 0);
    assert!(summary["files"].as_u64().unwrap() > summary["pages"].as_u64().unwrap());
    let stages: Vec<&str> = summary["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stage"].as_str().unwrap())
        .collect();
    assert_eq!(
        stages,
        ["load", "model", "analyze", "render", "check", "write"]
    );
}

#[test]
fn summary_counts_pages_charts_files_and_times_each_stage() {
    let run = &built("monitoring").run;
    let summary = run.stderr.lines().rev().nth(1).unwrap();
    assert!(
        summary.starts_with("Сборка завершена за "),
        "{}",
        run.stderr
    );
    assert!(summary.contains("страниц — "));
    assert!(!summary.contains("диаграмм — 0,"), "{summary}");
    let stages = run.stderr.lines().last().unwrap();
    assert!(stages.starts_with("По этапам: чтение "), "{stages}");
    assert!(stages.contains(" · запись "), "{stages}");
    // Without a terminal, progress is one plain line per stage.
    assert!(run.stderr.contains("msoko: страницы — "), "{}", run.stderr);
}

#[test]
fn a_file_that_cannot_be_read_is_listed_before_what_follows_from_it() {
    let site = Site::fixture("monitoring");
    // A tab in the indicators file: the file is not read, so every chart and value
    // of the report that names its indicators fails too. The tab comes first.
    let text = site.read_source("data/indicators/podgotovka.yaml");
    site.write("data/indicators/podgotovka.yaml", &format!("\t{text}"));
    let run = site.run(&["build", "--as-of", "2025-06-01", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let diagnostics = json["diagnostics"].as_array().unwrap();
    assert!(diagnostics.len() > 1, "{}", run.stdout);
    assert_eq!(diagnostics[0]["file"], "data/indicators/podgotovka.yaml");
    assert_eq!(diagnostics[0]["code"], "yaml-tab");
    let human = site.run(&["build", "--as-of", "2025-06-01"]);
    assert!(
        human
            .stderr
            .contains("Сначала исправьте ошибки чтения файлов в начале списка (1)"),
        "{}",
        human.stderr
    );
}

/// Issue #7, item 5: with `--lang en` every message, hint and checklist line is
/// English; only the file's own lines shown under a message keep their Russian.
#[test]
fn lang_en_says_everything_in_english_issue_7() {
    let site = Site::fixture("monitoring");
    site.write(
        "data/values/vpr-low.csv",
        "year,org,value,subject\n2024,municipality,\"12,5%\",математика\n2025,municipality,8.3,математика\n",
    );
    site.write(
        "data/plans/plan.yaml",
        "id: plan\ntitle: \"План\"\nperiod: {from: 2025-01-01, to: 2025-12-31}\nsections:\n  - title: \"1. Раздел\"\n    items:\n      - no: \"1.1\"\n        title: \"Пункт\"\n        due: \"До 01.12.2025\"\n        responsible: \"ИМЦ\"\n        status: done\n        done: 2025-03-01\n        evidence: [documents/net-takogo]\n",
    );
    let run = site.run(&["check", "--as-of", "2025-06-01", "--lang", "en"]);
    assert_eq!(run.code, 1);
    // Names from the site's data are quoted “…” and may be Russian; the rest not.
    let cyrillic = |line: &str| {
        let mut quoted = false;
        line.chars().any(|c| {
            match c {
                '“' => quoted = true,
                '”' => quoted = false,
                _ => {}
            }
            !quoted && ('\u{400}'..='\u{4ff}').contains(&c)
        })
    };
    // Message lines (`file:line:col: error: …`) and hints; the file's own lines
    // shown under a message do not count.
    for line in run.stderr.lines() {
        let said = line.contains(": error: ")
            || line.contains(": warning: ")
            || line.starts_with("  hint: ");
        assert!(!(said && cyrillic(line)), "{line}\n\n{}", run.stderr);
    }
    assert!(
        run.stderr
            .contains("error: the value “12,5%” is written with a % sign"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: the evidence “documents/net-takogo” is not on the site"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.starts_with("Openness checklist of the site:"));
    assert!(run.stdout.contains("  ✘ "), "{}", run.stdout);
    // The checklist's own words are English; names from the site's data may be Russian.
    for line in run.stdout.lines() {
        assert!(!cyrillic(line), "{line}\n\n{}", run.stdout);
    }
}

/// Issue #7: a problem found after reading still has its line and column, and a
/// CSV cell is underlined exactly.
#[test]
fn places_late_problems_at_a_line_and_column_issue_7() {
    let site = Site::fixture("monitoring");
    let config = site.read_source("site.yaml");
    site.write(
        "site.yaml",
        &format!("{config}key_indicators: [vpr-low, vpr-nope]\n"),
    );
    let line = config.lines().count() + 1;
    site.write(
        "data/values/vpr-low.csv",
        "year,org,value,subject\n2024,sosh-99,9.1,математика\n2025,municipality,8.3,математика\n",
    );
    let run = site.run(&["check", "--as-of", "2025-06-01"]);
    let expected = format!(
        "site.yaml:{line}:27: ошибка: в key_indicators указан показатель «vpr-nope», которого нет"
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            l.starts_with("data/values/vpr-low.csv:2:6: ошибка: организации «sosh-99» нет")
        })
        .unwrap_or_else(|| panic!("{}", run.stderr));
    let underline = lines[at + 4];
    let marks = underline.chars().filter(|c| matches!(c, '─' | '┬')).count();
    assert_eq!(marks, "sosh-99".len(), "{}", run.stderr);
}
