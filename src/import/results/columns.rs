//! The columns of a results table: which header names what (the organisation, the
//! marks «2»…«5», «понизили / подтвердили / повысили», the mean, …), where the
//! header is (one row, or two with merged cells), which rows are totals, and
//! numbers as Russian Excel writes them.

use super::super::table::Table;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Org,
    Grade,
    Subject,
    Participants,
    Mark(u8),
    Lowered,
    Confirmed,
    Raised,
    Mean,
    /// ЕГЭ: candidates for a medal, and those of them below the year's threshold.
    MedalCandidates,
    MedalNotConfirmed,
    BelowMin,
    High,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub(super) field: Field,
    pub(super) percent: bool,
    pub(super) index: usize,
}

/// What a header names, from its words (the texts of its header rows joined).
pub(super) fn classify(label: &str, last: &str) -> Option<Field> {
    let l = label.to_lowercase().replace('ё', "е");
    let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
    if let Some(mark) = mark_of(last) {
        return Some(Field::Mark(mark));
    }
    if has(&["медал"]) {
        return Some(if has(&["не подтв", "неподтв", "ниже"]) {
            Field::MedalNotConfirmed
        } else {
            Field::MedalCandidates
        });
    }
    if has(&["пониз"]) {
        Some(Field::Lowered)
    } else if has(&["подтверд"]) {
        Some(Field::Confirmed)
    } else if has(&["повыс"]) {
        Some(Field::Raised)
    } else if has(&["средн"]) {
        Some(Field::Mean)
    } else if has(&["не преодол", "ниже мин", "не сдал", "не набрал"])
    {
        Some(Field::BelowMin)
    } else if has(&["81", "высок", "100 балл"]) {
        Some(Field::High)
    } else if has(&["предмет"]) {
        Some(Field::Subject)
    } else if has(&["класс", "параллел"]) && !has(&["участ"]) {
        Some(Field::Grade)
    } else if has(&[
        "участ",
        "кол-во",
        "количество",
        "писали",
        "выполнял",
        "сдавал",
        "число",
    ]) {
        Some(Field::Participants)
    } else if has(&["наименование", "организац", "школ", "учрежден", "оо", "оу"])
    {
        Some(Field::Org)
    } else {
        None
    }
}

/// «2», «"5"», «отметку «4»», «Получили «2» (%)»: a header naming one mark.
pub(super) fn mark_of(label: &str) -> Option<u8> {
    const WORDS: [&str; 10] = [
        "получили",
        "отметку",
        "отметка",
        "отметки",
        "на",
        "кол-во",
        "количество",
        "доля",
        "чел",
        "человек",
    ];
    let lower = label.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|t| !t.is_empty())
        .collect();
    let mut mark = None;
    for token in tokens {
        match token.parse::<u8>() {
            Ok(m @ 2..=5) if mark.is_none() => mark = Some(m),
            _ if WORDS.contains(&token) => {}
            _ => return None,
        }
    }
    mark
}

/// The header: its first row, how many rows it takes, and its columns.
pub(super) fn find_header(table: &Table) -> Option<(usize, usize, Vec<Column>)> {
    for r in 0..table.rows.len().min(15) {
        for depth in [2, 1] {
            if r + depth > table.rows.len() {
                continue;
            }
            // A second header row has no organisation in it: the cell is merged
            // down from the first row, or empty.
            if depth == 2 {
                let below = table.grid_row(r + 1);
                let first = below.first().map(|c| c.cell);
                if first.is_some_and(|c| !c.continued && !c.is_empty()) {
                    continue;
                }
            }
            let columns = header_columns(table, r, depth);
            let has = |f: fn(&Field) -> bool| columns.iter().any(|c| f(&c.field));
            let org = has(|f| *f == Field::Org);
            let marks = columns
                .iter()
                .filter(|c| matches!(c.field, Field::Mark(_)))
                .count();
            let means = has(|f| *f == Field::Mean);
            if org && (marks >= 2 || means) {
                return Some((r, depth, columns));
            }
        }
    }
    None
}

/// Each column's header: the texts of its header rows, top to bottom.
pub(super) fn header_labels(table: &Table, row: usize, depth: usize) -> Vec<Vec<String>> {
    let grids: Vec<_> = (row..row + depth).map(|r| table.grid_row(r)).collect();
    let width = grids.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|index| {
            let mut parts: Vec<String> = Vec::new();
            for grid in &grids {
                if let Some(cell) = grid.get(index) {
                    let text = cell.cell.plain();
                    if !text.is_empty() && parts.last() != Some(&text) {
                        parts.push(text);
                    }
                }
            }
            parts
        })
        .collect()
}

pub(super) fn header_columns(table: &Table, row: usize, depth: usize) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    for (index, parts) in header_labels(table, row, depth).into_iter().enumerate() {
        let label = parts.join(" ");
        let last = parts.last().cloned().unwrap_or_default();
        let Some(field) = classify(&label, &last) else {
            continue;
        };
        if columns.iter().any(|c| c.field == field) {
            continue;
        }
        let lower = label.to_lowercase();
        columns.push(Column {
            field,
            percent: lower.contains('%') || lower.contains("доля") || lower.contains("процент"),
            index,
        });
    }
    columns
}

/// Rows that sum up the others, skipped.
pub(super) fn is_total(name: &str) -> bool {
    let l = name.to_lowercase();
    [
        "итого",
        "всего",
        "по округу",
        "по району",
        "по городу",
        "по муниципал",
        "муниципалитет",
        "по региону",
        "по области",
        "по краю",
        "регион",
        "россия",
        "по рф",
        "среднее",
    ]
    .iter()
    .any(|w| l.starts_with(w))
}

/// A number as Excel writes it in Russian: «12,5», «1 234», «45 %».
pub(super) fn number(text: &str) -> Option<f64> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '%')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    t.parse::<f64>().ok()
}
