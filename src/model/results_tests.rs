use std::path::Path;

use super::*;
use crate::load::{parse_table_for_tests, MedalRegime, ResultsFile};
use crate::model::analytics_rules::MedalYear;

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
    assert!(problems[0].message.contains("«sosh-9» нет в реестре"));
    assert!(problems[1].message.contains("не школа"));
    assert_eq!(problems[2].message, "неизвестный предмет «матиматика»");
    assert_eq!(problems[2].column, Some(10));
    assert!(problems[2]
        .hint
        .as_deref()
        .unwrap()
        .contains("возможно, «математика»"));
    let (_, problems) = resolve(vec![file(
        Procedure::Vpr,
        "2025",
        "org,grade,subject,participant,m2,m3,m4,m5\n",
    )]);
    assert_eq!(problems.len(), 2);
    assert!(problems[0].message.contains("нет столбцов: participants"));
    assert_eq!(problems[1].message, "неизвестный столбец «participant»");
    assert_eq!(problems[1].column, Some(19));
}

#[test]
fn reports_a_row_given_twice() {
    let text =
        format!("{VPR_HEADER}sosh-1,5,математика,0,0,0,0,0,,,\nsosh-1,5,математика,0,0,0,0,0,,,\n");
    let (results, problems) = resolve(vec![file(Procedure::Vpr, "2025", &text)]);
    assert_eq!(results.vpr.len(), 1, "a class of 0 is a valid row");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("уже указан в строке 2"));
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
        .contains("для 2019 года не указан порядок награждения медалями"));
    assert!(problems[0]
        .hint
        .as_deref()
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
    assert!(problems[0].hint.as_deref().unwrap().contains("от 2 до 5"));
}
