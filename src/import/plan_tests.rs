use super::*;
use crate::import::table::Cell;

/// A table from rows of cells; a cell «>Раздел|3» spans three columns.
fn table(before: &[&str], rows: &[&[&str]]) -> Table {
    Table {
        before: before.iter().map(|s| s.to_string()).collect(),
        rows: rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|text| match text.strip_prefix('>') {
                        Some(rest) => {
                            let (text, span) = rest.split_once('|').unwrap();
                            let mut cell = Cell::from_text(text);
                            cell.span = span.parse().unwrap();
                            cell
                        }
                        None => Cell::from_text(text),
                    })
                    .collect()
            })
            .collect(),
        name: "таблица 1".into(),
        first_row: 1,
    }
}

const HEADER: &[&str] = &["№ п/п", "Мероприятия", "Сроки исполнения", "Ответственные"];

#[test]
fn reads_columns_in_any_order_case_and_spacing() {
    assert_eq!(classify_header("  СРОКИ  "), Some(Column::Due));
    assert_eq!(
        classify_header("Ответственный исполнитель"),
        Some(Column::Responsible)
    );
    assert_eq!(
        classify_header("Мероприятие (содержание деятельности)"),
        Some(Column::Title)
    );
    assert_eq!(classify_header("№ п/п"), Some(Column::No));
    assert_eq!(classify_header("Ожидаемый результат"), Some(Column::Result));
    assert_eq!(
        classify_header("Форма представления результата"),
        Some(Column::Form)
    );
    let plan = read_plan(&[table(
        &["План на 2025 год"],
        &[
            &["Ответственные", "Мероприятие", "Сроки"],
            &["ИМЦ", "Семинар", "март 2025"],
        ],
    )])
    .unwrap();
    let item = &plan.loose[0];
    assert_eq!(item.title, "Семинар");
    assert_eq!(item.due.as_deref(), Some("март 2025"));
    assert_eq!(item.responsible.as_deref(), Some("ИМЦ"));
}

#[test]
fn nests_sections_by_their_numbers() {
    let plan = read_plan(&[table(
        &["План на 2025 год"],
        &[
            HEADER,
            &["1", "2", "3", "4"],
            &[">1. Нормативное обеспечение|4"],
            &["1.1", "Положение", "март 2025", "УО"],
            &[">2. Мониторинг|4"],
            &["2.1.", "Организационное обеспечение", "", ""],
            &["2.1.1", "Приказ", "апрель 2025", "УО"],
            &[">3. Отчёты|4"],
            &["3.1", "Доклад", "август 2025", "УО"],
        ],
    )])
    .unwrap();
    let titles: Vec<&str> = plan.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        ["1. Нормативное обеспечение", "2. Мониторинг", "3. Отчёты"]
    );
    assert_eq!(
        plan.sections[1].sections[0].title,
        "2.1. Организационное обеспечение"
    );
    assert_eq!(
        plan.sections[1].sections[0].items[0].no.as_deref(),
        Some("2.1.1")
    );
    assert_eq!(plan.section_count(), 4);
    assert!(!plan.renumbered);
}

#[test]
fn keeps_an_unnumbered_plan_unnumbered() {
    let plan = read_plan(&[table(
        &["План на 2025 год"],
        &[
            &["Мероприятия", "Сроки", "Ответственные"],
            &["Семинар", "март 2025", "ИМЦ"],
            &["Совещание", "май 2025", "УО"],
        ],
    )])
    .unwrap();
    assert!(plan.all_items().all(|i| i.no.is_none()));
}

#[test]
fn joins_a_row_split_at_a_page_to_the_row_above() {
    let plan = read_plan(&[table(
        &[],
        &[
            HEADER,
            &[
                "1.",
                "Формирование банка материалов",
                "2021-2022",
                "специалисты",
            ],
            &["", "по всем предметам", "", ""],
        ],
    )])
    .unwrap();
    assert_eq!(plan.loose.len(), 1);
    assert_eq!(
        plan.loose[0].title,
        "Формирование банка материалов по всем предметам"
    );
}

#[test]
fn skips_a_header_repeated_on_every_page_and_continues_in_the_next_table() {
    let first = table(&[], &[HEADER, &["1", "Семинар", "март 2025", "ИМЦ"]]);
    let second = table(&[], &[HEADER, &["2", "Совещание", "май 2025", "УО"]]);
    let plan = read_plan(&[first, second]).unwrap();
    let numbers: Vec<_> = plan.all_items().map(|i| i.no.clone().unwrap()).collect();
    assert_eq!(numbers, ["1", "2"]);
}

#[test]
fn prefixes_numbers_that_start_again_in_each_section() {
    let plan = read_plan(&[table(
        &[],
        &[
            HEADER,
            &[">Нормативное обеспечение|4"],
            &["1.", "Положение", "март 2025", "УО"],
            &[">Мониторинг|4"],
            &["1.", "Приказ", "апрель 2025", "УО"],
        ],
    )])
    .unwrap();
    assert!(plan.renumbered);
    let numbers: Vec<_> = plan.all_items().map(|i| i.no.clone().unwrap()).collect();
    assert_eq!(numbers, ["1.1", "2.1"]);
}

#[test]
fn joins_paragraphs_and_list_lines_of_a_cell() {
    let cell = Cell::from_text("Мониторинг:\n- эффективности;\n- качества\nобразования в ОО");
    assert_eq!(
        join_cell(&cell.paragraphs, Column::Title),
        "Мониторинг: эффективности; качества образования в ОО"
    );
    let names = Cell::from_text("Начальник УО\nСпециалисты ИМЦ");
    assert_eq!(
        join_cell(&names.paragraphs, Column::Responsible),
        "Начальник УО, Специалисты ИМЦ"
    );
    let due = Cell::from_text("Март-апрель 2022\n2023");
    assert_eq!(
        join_cell(&due.paragraphs, Column::Due),
        "Март-апрель 2022 2023"
    );
}

#[test]
fn says_when_there_is_no_plan_table() {
    let none = read_plan(&[table(&[], &[&["a", "b"], &["c", "d"]])]);
    assert_eq!(none.unwrap_err(), PlanTableError::NoHeader { tables: 1 });
    let empty = read_plan(&[table(&[], &[HEADER])]);
    assert!(matches!(empty.unwrap_err(), PlanTableError::NoItems { .. }));
}

#[test]
fn names_the_columns_it_does_not_import() {
    let plan = read_plan(&[table(
        &[],
        &[
            &["Мероприятия", "Сроки", "Примечание"],
            &["Семинар", "март 2025", "перенесён"],
        ],
    )])
    .unwrap();
    assert_eq!(plan.skipped_columns, [("Примечание".to_string(), 1, 3)]);
}
