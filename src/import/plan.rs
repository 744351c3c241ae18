//! `msoko import plan`: the table of a plan or road map, as a department keeps it in
//! Word or Excel, into the rows of a plan (`ImportedPlan`), which `plan_yaml` writes as
//! `data/plans/<id>.yaml`.
//!
//! How a table is read, in the order the questions arise:
//! - **Which table, which columns.** The first table with a header row: a row that
//!   names the work («Мероприятие(я)», «Наименование…», «Содержание…») and its
//!   deadline («Срок(и)…») or who does it («Ответственные», «Исполнитель»), in any
//!   order, case or spacing. Rows repeating the header (Word repeats it on every
//!   page) and a row of column numbers («1 2 3 4») are skipped; tables after it with
//!   the same columns continue it (a plan split at a page).
//! - **Sections.** A row whose cells are merged into one, or whose only text is in
//!   the number and title columns with no deadline, responsible, form or result, is
//!   a section title. Sections nest by their numbers («2.» holds «2.1.»); sections
//!   without numbers are all on the top level.
//! - **Items.** Every other row, with its cells' paragraphs and list lines joined
//!   («…: первое; второе»), the text cleaned (`clean`). A row without a number whose
//!   text starts with a small letter is the rest of the row above, split at a page,
//!   and is joined to it. A cell merged down from the row above takes its text
//!   (one «Ответственные» for several rows).
//! - **Numbers are kept as written**, without a trailing dot; a plan without them
//!   stays without them. Only when the numbering starts again in each section
//!   («1.» in every section, so that numbers repeat and the site could not tell the
//!   items apart) is each number prefixed with its section's number or position
//!   («2.1»), and the summary says so.
//! - **Title, act and period** come from the text above the table (`heading`).

use super::clean::clean_text;
use super::heading::{find_approval, find_period, find_title, Approval, Period};
use super::table::{GridCell, Paragraph, Table};

/// What a column of a plan holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    No,
    Title,
    Due,
    Responsible,
    Form,
    Result,
}

/// A plan as read from a table, before it is written.
#[derive(Debug, Clone, Default)]
pub(crate) struct ImportedPlan {
    pub(crate) title: Option<String>,
    pub(crate) approval: Option<Approval>,
    pub(crate) period: Option<Period>,
    /// Items that stand before the first section row (or in a plan without
    /// sections).
    pub(crate) loose: Vec<Item>,
    pub(crate) sections: Vec<Section>,
    /// Item numbers were prefixed with their section's, because they started again.
    pub(crate) renumbered: bool,
    /// The table's name in its file («таблица 2», «лист «План»»).
    pub(crate) table: String,
    /// Headers of the columns that have no place in a plan («Примечание»), with
    /// their row and column in the file: not imported, and the importer says so.
    pub(crate) skipped_columns: Vec<(String, usize, usize)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Section {
    pub(crate) title: String,
    /// The number the title starts with («2.1»), if any.
    pub(crate) number: Option<String>,
    pub(crate) items: Vec<Item>,
    pub(crate) sections: Vec<Section>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) no: Option<String>,
    pub(crate) title: String,
    pub(crate) due: Option<String>,
    pub(crate) responsible: Option<String>,
    pub(crate) form: Option<String>,
    pub(crate) result: Option<String>,
}

/// Why no plan could be read from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PlanTableError {
    /// No table has a header naming the work and its deadline or responsible.
    NoHeader { tables: usize },
    /// The header was found, but no row below it is an item.
    NoItems { table: String },
}

/// Reads the plan out of a document's tables.
pub(crate) fn read_plan(tables: &[Table]) -> Result<ImportedPlan, PlanTableError> {
    let Some((first, header_row, columns)) = tables
        .iter()
        .enumerate()
        .find_map(|(i, t)| find_header(t).map(|(row, cols)| (i, row, cols)))
    else {
        return Err(PlanTableError::NoHeader {
            tables: tables.len(),
        });
    };
    let table = &tables[first];
    // The text above the table: Word's paragraphs, or a sheet's rows above the header.
    let mut before = table.before.clone();
    before.extend(
        (0..header_row)
            .map(|r| row_line(table, r))
            .filter(|l| !l.is_empty()),
    );
    let mut reader = Rows::default();
    reader.read(table, header_row + 1, &columns);
    for next in &tables[first + 1..] {
        if next.columns() != table.columns() {
            break;
        }
        let start = find_header(next).map_or(0, |(row, _)| row + 1);
        reader.read(next, start, &columns);
    }
    let mut plan = reader.finish();
    if plan.sections.is_empty() && plan.loose.is_empty() {
        return Err(PlanTableError::NoItems {
            table: table.name.clone(),
        });
    }
    plan.table = table.name.clone();
    let line = table.first_row.max(1) + header_row;
    for (index, (cell, column)) in table.grid_row(header_row).iter().zip(&columns).enumerate() {
        let text = cell.cell.plain();
        let known = plan.skipped_columns.iter().any(|(t, _, _)| *t == text);
        if column.is_none() && !text.is_empty() && !known {
            plan.skipped_columns.push((text, line, index + 1));
        }
    }
    plan.title = find_title(&before);
    plan.approval = find_approval(&before);
    let dues: Vec<&str> = plan.all_items().filter_map(|i| i.due.as_deref()).collect();
    plan.period = find_period(plan.title.as_deref(), &dues, plan.approval.as_ref());
    Ok(plan)
}

impl ImportedPlan {
    /// Every item, in order.
    pub(crate) fn all_items(&self) -> impl Iterator<Item = &Item> {
        let mut out: Vec<&Item> = self.loose.iter().collect();
        fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Item>) {
            for s in sections {
                out.extend(s.items.iter());
                walk(&s.sections, out);
            }
        }
        walk(&self.sections, &mut out);
        out.into_iter()
    }

    /// Every section, at any depth.
    pub(crate) fn section_count(&self) -> usize {
        fn count(sections: &[Section]) -> usize {
            sections.iter().map(|s| 1 + count(&s.sections)).sum()
        }
        count(&self.sections)
    }
}

/// What a header cell names, from its words.
pub(crate) fn classify_header(text: &str) -> Option<Column> {
    const WORDS: [(Column, &[&str]); 6] = [
        (Column::No, &["№", "п/п", "п\\п", "номер"]),
        (
            Column::Title,
            &[
                "мероприят",
                "наименование",
                "содержание",
                "направлени",
                "действи",
            ],
        ),
        (Column::Due, &["срок", "дата проведения", "период"]),
        (Column::Responsible, &["ответствен", "исполнител"]),
        (Column::Form, &["форм"]),
        (Column::Result, &["результат", "показател", "итог"]),
    ];
    let t = text.to_lowercase().replace('ё', "е");
    // The word that comes first decides: «Форма представления результата» is the
    // form, «Мероприятия по достижению результата» the title.
    WORDS
        .iter()
        .filter_map(|(column, words)| {
            let at = words.iter().filter_map(|w| t.find(w)).min()?;
            Some((at, *column))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, column)| column)
}

/// The header row among the first rows of a table, and what each grid column holds.
fn find_header(table: &Table) -> Option<(usize, Vec<Option<Column>>)> {
    (0..table.rows.len().min(15)).find_map(|r| {
        let columns = header_columns(table, r);
        let has = |c: Column| columns.contains(&Some(c));
        (has(Column::Title) && (has(Column::Due) || has(Column::Responsible)))
            .then_some((r, columns))
    })
}

fn header_columns(table: &Table, row: usize) -> Vec<Option<Column>> {
    let mut seen = Vec::new();
    table
        .grid_row(row)
        .iter()
        .map(|cell| {
            let column = classify_header(&cell.cell.plain())?;
            // A merged header cell names its first column only; a second «Форма»
            // column after the first keeps its own role too, but only once each.
            if seen.contains(&column) {
                return None;
            }
            seen.push(column);
            Some(column)
        })
        .collect()
}

fn row_line(table: &Table, row: usize) -> String {
    let mut texts: Vec<String> = Vec::new();
    for cell in &table.rows[row] {
        let text = cell.plain();
        if !text.is_empty() {
            texts.push(text);
        }
    }
    texts.join(" ")
}

/// Reads rows into sections and items.
#[derive(Default)]
struct Rows {
    plan: ImportedPlan,
    /// The path of the current section: indices into `plan.sections`, then into
    /// each one's `sections`.
    path: Vec<usize>,
    /// The last item's cells, for the rows merged down from it.
    last: Option<Item>,
    header: Vec<String>,
}

impl Rows {
    fn read(&mut self, table: &Table, start: usize, columns: &[Option<Column>]) {
        if self.header.is_empty() && start > 0 {
            self.header = texts(&table.grid_row(start - 1));
        }
        for r in start..table.rows.len() {
            let grid = table.grid_row(r);
            let texts = texts(&grid);
            if texts.iter().all(String::is_empty)
                || texts == self.header
                || is_column_numbers(&texts)
            {
                continue;
            }
            let mut cells: Vec<(Column, &GridCell<'_>)> = Vec::new();
            for (i, cell) in grid.iter().enumerate() {
                if let Some(Some(column)) = columns.get(i) {
                    cells.push((*column, cell));
                }
            }
            self.row(&cells, &grid);
        }
    }

    fn row(&mut self, cells: &[(Column, &GridCell<'_>)], grid: &[GridCell<'_>]) {
        let text = |column: Column| -> Option<String> {
            let (_, cell) = cells.iter().find(|(c, _)| *c == column)?;
            if cell.cell.continued {
                return None;
            }
            let joined = join_cell(&cell.cell.paragraphs, column);
            (!joined.is_empty()).then_some(joined)
        };
        let continued = |column: Column| {
            cells
                .iter()
                .any(|(c, cell)| *c == column && cell.cell.continued)
        };
        let no = text(Column::No);
        let title = text(Column::Title);
        let details = [
            Column::Due,
            Column::Responsible,
            Column::Form,
            Column::Result,
        ]
        .iter()
        .any(|c| text(*c).is_some());
        // One cell merged over several columns, or only a number and a title: a section.
        let wide =
            grid.iter().any(|c| c.width >= 2 && !c.cell.is_empty()) && distinct_texts(grid) == 1;
        if wide || (!details && (no.is_some() || title.is_some()) && !continued(Column::Due)) {
            let heading = if wide {
                grid.iter()
                    .find(|c| !c.cell.is_empty())
                    .map(|c| join_cell(&c.cell.paragraphs, Column::Title))
                    .unwrap_or_default()
            } else {
                [no.clone(), title.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let starts_small = heading.chars().next().is_some_and(char::is_lowercase);
            if no.is_none() && starts_small && self.last.is_some() {
                self.continue_last(cells);
            } else {
                self.section(heading);
            }
            return;
        }
        if no.is_none()
            && title
                .as_deref()
                .is_some_and(|t| t.starts_with(char::is_lowercase))
            && self.last.is_some()
        {
            self.continue_last(cells);
            return;
        }
        let last = self.last.clone().unwrap_or_default();
        let inherit = |column: Column, own: Option<String>, above: &Option<String>| {
            if continued(column) {
                above.clone()
            } else {
                own
            }
        };
        let item = Item {
            no: no.map(|n| n.trim_end_matches('.').to_string()),
            title: title.unwrap_or_default(),
            due: inherit(Column::Due, text(Column::Due), &last.due),
            responsible: inherit(
                Column::Responsible,
                text(Column::Responsible),
                &last.responsible,
            ),
            form: inherit(Column::Form, text(Column::Form), &last.form),
            result: inherit(Column::Result, text(Column::Result), &last.result),
        };
        self.last = Some(item.clone());
        self.current_items().push(item);
    }

    /// A row split at a page: its cells go on the item above.
    fn continue_last(&mut self, cells: &[(Column, &GridCell<'_>)]) {
        let items = self.current_items();
        let Some(item) = items.last_mut() else {
            return;
        };
        for (column, cell) in cells {
            if cell.cell.continued {
                continue;
            }
            let more = join_cell(&cell.cell.paragraphs, *column);
            if more.is_empty() {
                continue;
            }
            let field = match column {
                Column::No => continue,
                Column::Title => {
                    item.title = join_two(&item.title, &more, " ");
                    continue;
                }
                Column::Due => &mut item.due,
                Column::Responsible => &mut item.responsible,
                Column::Form => &mut item.form,
                Column::Result => &mut item.result,
            };
            *field = Some(match field.take() {
                Some(before) => join_two(&before, &more, " "),
                None => more,
            });
        }
        self.last = items.last().cloned();
    }

    fn section(&mut self, title: String) {
        let number = section_number(&title);
        // Go up to the section this one belongs in: the nearest whose number is a
        // prefix of this one's; unnumbered sections are on the top level.
        while !self.path.is_empty() {
            let parent = self.current_section().and_then(|s| s.number.clone());
            match (&parent, &number) {
                (Some(p), Some(n)) if n.starts_with(&format!("{p}.")) => break,
                _ => {
                    self.path.pop();
                }
            }
        }
        let section = Section {
            title,
            number,
            ..Section::default()
        };
        let siblings = match self.path.is_empty() {
            true => &mut self.plan.sections,
            false => &mut self.current_section_mut().sections,
        };
        siblings.push(section);
        let index = siblings.len() - 1;
        self.path.push(index);
        self.last = None;
    }

    fn current_section(&self) -> Option<&Section> {
        let (first, rest) = self.path.split_first()?;
        let mut section = &self.plan.sections[*first];
        for i in rest {
            section = &section.sections[*i];
        }
        Some(section)
    }

    fn current_section_mut(&mut self) -> &mut Section {
        let (first, rest) = self.path.split_first().expect("a current section");
        let mut section = &mut self.plan.sections[*first];
        for i in rest {
            section = &mut section.sections[*i];
        }
        section
    }

    fn current_items(&mut self) -> &mut Vec<Item> {
        if self.path.is_empty() {
            &mut self.plan.loose
        } else {
            &mut self.current_section_mut().items
        }
    }

    fn finish(mut self) -> ImportedPlan {
        self.plan.renumbered = qualify_repeated_numbers(&mut self.plan);
        self.plan
    }
}

fn texts(grid: &[GridCell<'_>]) -> Vec<String> {
    grid.iter().map(|c| c.cell.plain()).collect()
}

fn distinct_texts(grid: &[GridCell<'_>]) -> usize {
    let mut seen: Vec<String> = Vec::new();
    for cell in grid {
        let text = cell.cell.plain();
        if !text.is_empty() && !seen.contains(&text) {
            seen.push(text);
        }
    }
    seen.len()
}

/// «1 2 3 4 5 6»: the row of column numbers under a Word header.
fn is_column_numbers(texts: &[String]) -> bool {
    texts.len() >= 3
        && texts
            .iter()
            .enumerate()
            .all(|(i, t)| t.trim_end_matches('.') == (i + 1).to_string())
}

/// «2.1.» or «2.1» or «Раздел 2.» at the start of a section title.
fn section_number(title: &str) -> Option<String> {
    let rest = title
        .strip_prefix("Раздел ")
        .or_else(|| title.strip_prefix("РАЗДЕЛ "))
        .unwrap_or(title);
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let number = number.trim_end_matches('.');
    (!number.is_empty() && number.starts_with(|c: char| c.is_ascii_digit()))
        .then(|| number.to_string())
}

/// A cell's paragraphs as one line: list lines after a colon or a semicolon, other
/// paragraphs after their own punctuation; names of responsible people by commas,
/// a deadline's lines by spaces («Март-апрель 2022» / «2023»).
pub(crate) fn join_cell(paragraphs: &[Paragraph], column: Column) -> String {
    let separator = match column {
        Column::Due | Column::No => " ",
        Column::Responsible => ", ",
        _ => "; ",
    };
    let mut out = String::new();
    for paragraph in paragraphs {
        let text = clean_text(&paragraph.text);
        if text.is_empty() {
            continue;
        }
        // A line that goes on in small letters continues the phrase above (a title
        // typed with Enter at the line end); a list line is an entry of its own.
        let goes_on = !paragraph.listed && text.starts_with(char::is_lowercase);
        out = join_two(&out, &text, if goes_on { " " } else { separator });
    }
    out
}

fn join_two(before: &str, more: &str, separator: &str) -> String {
    if before.is_empty() {
        return more.to_string();
    }
    if separator == " " || before.ends_with(['.', ';', ':', ',', '!', '?']) {
        format!("{before} {more}")
    } else {
        format!("{before}{separator}{more}")
    }
}

/// When the same item number occurs twice (numbering started again in each
/// section), prefixes each item's number with its section's number or position.
fn qualify_repeated_numbers(plan: &mut ImportedPlan) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    let repeated = plan
        .all_items()
        .filter_map(|i| i.no.clone())
        .any(|no| !seen.insert(no));
    if !repeated {
        return false;
    }
    fn walk(sections: &mut [Section], prefix: &str) {
        for (i, section) in sections.iter_mut().enumerate() {
            let own = section
                .number
                .clone()
                .unwrap_or_else(|| format!("{prefix}{}", i + 1));
            for item in &mut section.items {
                if let Some(no) = &item.no {
                    if !no.starts_with(&format!("{own}.")) {
                        item.no = Some(format!("{own}.{no}"));
                    }
                }
            }
            walk(&mut section.sections, &format!("{own}."));
        }
    }
    walk(&mut plan.sections, "");
    true
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
