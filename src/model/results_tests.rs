use std::path::Path;

use super::*;
use crate::load::{parse_table_for_tests, ResultsFile};
use crate::model::analytics_rules::MedalYear;
use crate::model::MedalRegime;

fn register() -> Register {
    let text = "- {id: sosh-1, name: A, short_name: A, kind: school}\n- {id: sosh-2, name: B, short_name: B, kind: school}\n- {id: ds-1, name: C, short_name: C, kind: kindergarten}\n";
    let file = crate::load::OrganizationsFile {
        file: "data/organizations.yaml".into(),
        organizations: crate::yaml::parse(text, Path::new("o.yaml"), 1).unwrap(),
    };
    super::super::organization::resolve_register(Some(file), &mut Diagnostics::default())
}

fn rules() -> AnalyticsRules {
    let mut rules = AnalyticsRules::default();
    rules.medals.insert(
        2025,
        MedalYear {
            regime: MedalRegime::Candidates,
            threshold: 70.0,
            note: None,
        },
    );
    rules
}

fn file(procedure: Procedure, name: &str, text: &str) -> ResultsFile {
    let region = name.ends_with("-region");
    let year = name[..4].parse().unwrap();
    ResultsFile {
        procedure,
        year,
        region,
        table: parse_table_for_tests(text, &format!("data/results/{}/{name}.csv", procedure.id())),
    }
}

/// A register where Таёжная was renamed (new id from 01.09.2024) and two schools
/// merged into one (from 01.09.2025).
fn changing_register() -> (Register, Vec<Diagnostic>) {
    let text = "- {id: taezhnaya-sosh, name: T, short_name: МБОУ «Таёжная СОШ», kind: school,\n   replaces: [{id: taezhnaya-school, short_name: МБОУ «Таёжная школа», since: 2024-09-01}]}\n- {id: united, name: U, short_name: МБОУ «Объединённая СОШ», kind: school,\n   replaces: [{id: north, short_name: МБОУ «Северная ООШ», since: 2025-09-01}, {id: south, short_name: МБОУ «Южная ООШ», since: 2025-09-01}]}\n- {id: renamed, name: R, short_name: МБОУ «Новое имя», kind: school,\n   replaces: [{short_name: МБОУ «Старое имя», since: 2023-09-01}]}\n- {id: bad, name: B, short_name: B, kind: school, replaces: [{id: united, short_name: X, since: 2025-09-01}]}\n";
    let file = crate::load::OrganizationsFile {
        file: "data/organizations.yaml".into(),
        organizations: crate::yaml::parse(text, Path::new("o.yaml"), 1).unwrap(),
    };
    let mut diagnostics = Diagnostics::default();
    let register = super::super::organization::resolve_register(Some(file), &mut diagnostics);
    (register, diagnostics.into_sorted())
}

fn resolve_in(register: &Register, files: Vec<ResultsFile>) -> (Results, Vec<Diagnostic>) {
    let mut diagnostics = Diagnostics::default();
    let sources = ResultsSources {
        files,
        official: None,
        comments: None,
    };
    let results = resolve_results(sources, register, &rules(), &mut diagnostics);
    (results, diagnostics.into_sorted())
}

fn resolve(files: Vec<ResultsFile>) -> (Results, Vec<Diagnostic>) {
    let mut diagnostics = Diagnostics::default();
    let sources = ResultsSources {
        files,
        official: None,
        comments: None,
    };
    let results = resolve_results(sources, &register(), &rules(), &mut diagnostics);
    (results, diagnostics.into_sorted())
}

const VPR_HEADER: &str = "org,grade,subject,participants,m2,m3,m4,m5,lowered,confirmed,raised\n";

#[test]
fn reads_a_vpr_row_with_its_journal_comparison() {
    let text = format!(
        "{VPR_HEADER}sosh-1,5,Математика,20,2,8,6,4,5,12,3\nsosh-2,5,математика,12,1,5,5,1,,,\n"
    );
    let (results, problems) = resolve(vec![file(Procedure::Vpr, "2025", &text)]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(results.vpr.len(), 2);
    let row = &results.vpr[0];
    assert_eq!(
        (row.org, row.grade, row.subject.as_str()),
        (Some(0), 5, "математика")
    );
    assert_eq!(row.marks, [2, 8, 6, 4]);
    assert_eq!(row.journal.unwrap().total(), 20);
    assert_eq!(results.vpr[1].journal, None);
    assert_eq!(results.years(), [2025]);
}

#[test]
fn reports_counts_that_do_not_add_up_at_their_line() {
    let text = format!(
        "{VPR_HEADER}sosh-1,5,математика,20,2,8,6,5,,,\nsosh-2,5,математика,20,2,8,6,4,10,9,3\nsosh-1,6,математика,20,2,8,-6,4,,,\n"
    );
    let (results, problems) = resolve(vec![file(Procedure::Vpr, "2025", &text)]);
    assert!(results.vpr.is_empty());
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 3, "{shown:#?}");
    assert!(
        shown[0].starts_with(
            "data/results/vpr/2025.csv:2:24: ошибка: m2+m3+m4+m5 = 21, а участников 20"
        ),
        "{}",
        shown[0]
    );
    assert!(shown[1].starts_with("data/results/vpr/2025.csv:3:32: ошибка: lowered+confirmed+raised = 22, а участников 20"), "{}", shown[1]);
    assert!(
        shown[2]
            .starts_with("data/results/vpr/2025.csv:4:28: ошибка: m4: отрицательное число «-6»"),
        "{}",
        shown[2]
    );
}

#[test]
fn reports_unknown_organisations_subjects_and_columns() {
    let text = format!("{VPR_HEADER}sosh-9,5,математика,1,1,0,0,0,,,\nds-1,5,математика,1,1,0,0,0,,,\nsosh-1,5,матиматика,1,1,0,0,0,,,\n");
    let (_, problems) = resolve(vec![file(Procedure::Vpr, "2025", &text)]);
    assert_eq!(problems.len(), 3);
    assert!(problems[0].message.ru.contains("«sosh-9» нет в реестре"));
    assert!(problems[1].message.ru.contains("не школа"));
    assert_eq!(problems[2].message.ru, "неизвестный предмет «матиматика»");
    assert_eq!(problems[2].column, Some(10));
    assert!(problems[2]
        .hint
        .as_ref()
        .map(|h| h.ru.as_str())
        .unwrap()
        .contains("возможно, «математика»"));
    let (_, problems) = resolve(vec![file(
        Procedure::Vpr,
        "2025",
        "org,grade,subject,participant,m2,m3,m4,m5\n",
    )]);
    assert_eq!(problems.len(), 2);
    assert!(problems[0]
        .message
        .ru
        .contains("нет столбцов: participants"));
    assert_eq!(problems[1].message.ru, "неизвестный столбец «participant»");
    assert_eq!(problems[1].column, Some(19));
}

#[test]
fn reports_a_row_given_twice() {
    let text =
        format!("{VPR_HEADER}sosh-1,5,математика,0,0,0,0,0,,,\nsosh-1,5,математика,0,0,0,0,0,,,\n");
    let (results, problems) = resolve(vec![file(Procedure::Vpr, "2025", &text)]);
    assert_eq!(results.vpr.len(), 1, "a class of 0 is a valid row");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.ru.contains("уже указан в строке 2"));
}

#[test]
fn reads_a_region_file_without_an_org_column() {
    let text = "grade,subject,participants,m2,m3,m4,m5\n5,математика,1000,100,400,350,150\n";
    let (results, problems) = resolve(vec![file(Procedure::Vpr, "2025-region", text)]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(results.vpr[0].org, None);
    assert!(
        results.years().is_empty(),
        "regional values are not a year of the schools"
    );
}

#[test]
fn reads_ege_with_medal_candidates_on_one_row() {
    let text = "org,subject,participants,mean,below_min,high,medal_candidates,medal_not_confirmed\nsosh-1,русский язык,30,\"71,5\",0,8,6,2\nsosh-1,математика профильная,14,60.2,1,2,,\nsosh-2,русский язык,20,65,0,3,2,3\n";
    let (results, problems) = resolve(vec![file(Procedure::Ege, "2025", text)]);
    assert_eq!(results.gia.len(), 3);
    assert_eq!(results.gia[0].mean, Some(71.5));
    assert_eq!(results.medals.len(), 1);
    assert_eq!(
        (
            results.medals[0].candidates,
            results.medals[0].not_confirmed
        ),
        (6, 2)
    );
    assert_eq!(problems.len(), 1);
    assert!(problems[0]
        .message
        .ru
        .contains("не подтвердили 3, а претендентов 2"));
}

#[test]
fn errors_on_an_ege_year_without_a_medal_regime() {
    let text = "org,subject,participants,mean,below_min,high\nsosh-1,русский язык,30,70,0,8\n";
    let (results, problems) = resolve(vec![file(Procedure::Ege, "2019", text)]);
    assert!(results.gia.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(1));
    assert!(problems[0]
        .message
        .ru
        .contains("для 2019 года не указан порядок награждения медалями"));
    assert!(problems[0]
        .hint
        .as_ref()
        .map(|h| h.ru.as_str())
        .unwrap()
        .contains("сейчас указаны годы 2025"));
}

#[test]
fn checks_the_range_of_a_mean() {
    let text = "org,subject,participants,mean,below_min,high\nsosh-1,математика,30,4.1,0,8\nsosh-2,математика,30,31,0,8\n";
    let (results, problems) = resolve(vec![file(Procedure::Oge, "2025", text)]);
    assert_eq!(results.gia.len(), 1);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(3));
    assert!(problems[0]
        .hint
        .as_ref()
        .map(|h| h.ru.as_str())
        .unwrap()
        .contains("от 2 до 5"));
}

#[test]
fn follows_a_renamed_school_by_its_former_id_until_the_change() {
    let (register, problems) = changing_register();
    // `bad` names a school of the register as its predecessor: an error at its line.
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0]
        .message
        .ru
        .contains("replaces: «united» — id действующей организации реестра"));
    let taezhnaya = register.by_id["taezhnaya-sosh"];
    let old = format!("{VPR_HEADER}taezhnaya-school,5,математика,20,6,8,4,2,,,\n");
    let new = format!("{VPR_HEADER}taezhnaya-sosh,5,математика,20,5,9,4,2,,,\n");
    let (results, problems) = resolve_in(
        &register,
        vec![
            file(Procedure::Vpr, "2023", &old),
            file(Procedure::Vpr, "2024", &old),
            file(Procedure::Vpr, "2025", &new),
        ],
    );
    assert!(problems.is_empty(), "{problems:?}");
    // ВПР 2024 (spring) came before the rename of 01.09.2024: the same school.
    let orgs: Vec<_> = results.vpr.iter().map(|r| (r.year, r.org)).collect();
    assert_eq!(
        orgs,
        [
            (2023, Some(taezhnaya)),
            (2024, Some(taezhnaya)),
            (2025, Some(taezhnaya))
        ]
    );
    let o = &register.organizations[taezhnaya];
    assert_eq!(o.name_in(2024), Some("МБОУ «Таёжная школа»"));
    assert_eq!(o.name_in(2025), None);
    assert_eq!(o.former_names(), ["до 01.09.2024 — МБОУ «Таёжная школа»"]);
    let renamed = &register.organizations[register.by_id["renamed"]];
    assert_eq!(renamed.name_in(2023), Some("МБОУ «Старое имя»"));
}

#[test]
fn reports_an_id_the_register_does_not_know_for_that_year_at_its_line() {
    let (register, _) = changing_register();
    let old = format!("{VPR_HEADER}sosh-x,5,математика,1,1,0,0,0,,,\ntaezhnaya-school,5,математика,20,6,8,4,2,,,\n");
    let new = format!("{VPR_HEADER}taezhnaya-sosh,5,математика,20,5,9,4,2,,,\n");
    let (results, problems) = resolve_in(
        &register,
        vec![
            file(Procedure::Vpr, "2025", &old),
            file(Procedure::Vpr, "2023", &new),
        ],
    );
    assert!(results.vpr.is_empty());
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(shown[0].starts_with("data/results/vpr/2023.csv:2:1: ошибка: школы «taezhnaya-sosh» в 2023 году ещё не было: по реестру она заменила taezhnaya-school с 01.09.2024"), "{}", shown[0]);
    assert!(
        shown[1].starts_with(
            "data/results/vpr/2025.csv:2:1: ошибка: организации «sosh-x» нет в реестре"
        ),
        "{}",
        shown[1]
    );
    assert!(shown[2].starts_with("data/results/vpr/2025.csv:3:1: ошибка: «taezhnaya-school» — прежний id школы «taezhnaya-sosh»: с 01.09.2024 результаты 2025 года указываются под её новым id"), "{}", shown[2]);
    assert!(problems[2]
        .hint
        .as_ref()
        .map(|h| h.ru.as_str())
        .unwrap()
        .contains("замените «taezhnaya-school» на «taezhnaya-sosh»"));
}

#[test]
fn pools_the_schools_merged_into_one() {
    let (register, _) = changing_register();
    let united = register.by_id["united"];
    let vpr = format!(
        "{VPR_HEADER}north,5,математика,12,2,6,3,1,3,8,1\nsouth,5,математика,8,1,3,3,1,2,5,1\n"
    );
    let ege = "org,subject,participants,mean,below_min,high,medal_candidates,medal_not_confirmed\nnorth,русский язык,10,60,1,0,2,1\nsouth,русский язык,30,70,0,3,4,0\n";
    let (results, problems) = resolve_in(
        &register,
        vec![
            file(Procedure::Vpr, "2025", &vpr),
            file(Procedure::Ege, "2025", ege),
        ],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(results.vpr.len(), 1);
    let row = &results.vpr[0];
    assert_eq!(
        (row.org, row.n, row.marks),
        (Some(united), 20, [3, 9, 6, 2])
    );
    assert_eq!(row.journal.unwrap().total(), 20);
    assert_eq!(results.gia.len(), 1);
    // (60·10 + 70·30) / 40 = 67.5.
    assert_eq!(results.gia[0].mean, Some(67.5));
    assert_eq!((results.gia[0].n, results.gia[0].high), (40, 3));
    assert_eq!(
        (
            results.medals[0].candidates,
            results.medals[0].not_confirmed
        ),
        (6, 1)
    );
}
