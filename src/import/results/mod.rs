//! `msoko import results`: a results table saved from Excel (one row per
//! organisation, optionally per grade and subject) into
//! `data/results/<proc>/<year>.csv` in the data contract (SPEC §2 «Raw results»).
//!
//! The header may take two rows with merged cells («Получили отметку (%)» over «2 3 4
//! 5»): each column's name is its header cells' texts joined, so «%» above applies
//! below. Columns are known by their words: the organisation, «Класс», «Предмет»,
//! participants, the marks «2»…«5», «понизили / подтвердили / повысили», and for
//! ОГЭ/ЕГЭ the mean, «не преодолели минимум», the high results. Percentages
//! (a «%» or «доля» in the header) become counts of the participants, rounded so
//! that the marks add up to the participants exactly (largest remainder). Decimal
//! commas are read. A totals row («Итого», «Всего», «По округу») is skipped.
//!
//! Names are matched to the register (`model::Register`) by full or short name,
//! by an `aliases:` entry, or by the school's number when one school of that kind
//! has it («Школа № 5» → «МБОУ СОШ № 5»). Every name that matches no school, or
//! several, is an error at its row, and nothing is written: a file with schools
//! silently left out would look complete.
//!
//! `columns` reads the header and the cells, `names` matches the organisations;
//! here: the rows into the contract's records.

use std::path::{Path, PathBuf};

mod columns;
mod names;

use super::table::Table;
use super::{read_tables, refuse_existing, write_new, ImportFailure};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Organization;
use crate::tr;
use columns::{find_header, header_labels, is_total, number, Column, Field};
use names::{load_register, match_org, unmatched};

/// What `msoko import results` is asked to do.
#[derive(Debug, Clone)]
pub struct ResultsImportOptions {
    /// The site's root folder.
    pub root: PathBuf,
    /// The Excel, LibreOffice or CSV file.
    pub file: PathBuf,
    /// `vpr`, `oge` or `ege`.
    pub procedure: String,
    pub year: u16,
    /// The grade, when the table has no «Класс» column (ВПР).
    pub grade: Option<u8>,
    /// The subject, when the table has no «Предмет» column.
    pub subject: Option<String>,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct ResultsSummary {
    pub written: PathBuf,
    pub table: String,
    pub rows: usize,
    pub organizations: usize,
    pub skipped_totals: usize,
    /// Some values were percentages, turned into counts.
    pub from_percent: bool,
    /// Columns of the table that the results contract has no place for.
    pub warnings: Vec<Diagnostic>,
}

/// One row read from the table.
struct Row {
    line: usize,
    /// The table has the ЕГЭ medal columns.
    medals: bool,
    org: usize,
    grade: Option<String>,
    subject: Option<String>,
    values: Vec<(Field, Option<f64>, bool, usize)>,
}

/// Reads the results in `options.file` and writes `data/results/<proc>/<year>.csv`.
pub fn import_results(options: &ResultsImportOptions) -> Result<ResultsSummary, ImportFailure> {
    let procedure = options.procedure.as_str();
    let relative = Path::new("data/results")
        .join(procedure)
        .join(format!("{}.csv", options.year));
    refuse_existing(&options.root, &relative)?;
    let register = load_register(&options.root)?;
    let tables = read_tables(&options.file)?;
    let file = &options.file;
    let Some((table, (header, depth, columns))) =
        tables.iter().find_map(|t| find_header(t).map(|h| (t, h)))
    else {
        return Err(ImportFailure::input(
            Diagnostic::error(file, tr!("в файле не найдена таблица результатов", "no results table found in the file"))
                .hint(tr!(
                    "таблица узнаётся по строке заголовков: столбец организации («ОО», «Наименование ОО») и отметки «2», «3», «4», «5» или «Средний балл»",
                    "a results table is recognised by its header: a column of the organisation («ОО», «Наименование ОО») and the marks «2», «3», «4», «5» or «Средний балл»"
                )),
        ));
    };
    let column = |field: Field| columns.iter().find(|c| c.field == field).copied();
    let mut problems = Diagnostics::default();
    let warnings = unplaced_columns(file, table, header, depth, &columns);
    let (rows, skipped_totals) = read_rows(
        table,
        header + depth,
        &columns,
        &register,
        options,
        &mut problems,
    );
    if let Some(missing) = missing_grade_or_subject(options, file, |f| column(f).is_some()) {
        problems.push(missing);
    }
    let mut from_percent = false;
    let mut records: Vec<Vec<String>> = Vec::new();
    for row in &rows {
        match record(row, procedure, &register, file, &mut from_percent) {
            Ok(record) => records.push(record),
            Err(d) => problems.push(d),
        }
    }
    if problems.has_errors() {
        return Err(ImportFailure {
            diagnostics: problems.into_sorted(),
            usage: false,
        });
    }
    // The medal columns (ЕГЭ) are written only when the table has them.
    let medals = procedure == "ege"
        && columns
            .iter()
            .any(|c| matches!(c.field, Field::MedalCandidates | Field::MedalNotConfirmed));
    let header_line = csv_header(procedure, medals);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(header_line);
    for record in &records {
        let _ = writer.write_record(record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    write_new(&options.root, &relative, &String::from_utf8_lossy(&bytes))?;
    let mut orgs: Vec<usize> = rows.iter().map(|r| r.org).collect();
    orgs.sort_unstable();
    orgs.dedup();
    Ok(ResultsSummary {
        written: relative,
        table: table.name.clone(),
        rows: records.len(),
        organizations: orgs.len(),
        skipped_totals,
        from_percent,
        warnings,
    })
}

/// A warning for each header column the results contract has no place for, so
/// that a share the table computed itself is not silently lost.
fn unplaced_columns(
    file: &Path,
    table: &Table,
    header: usize,
    depth: usize,
    columns: &[Column],
) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let header_line = table.first_row.max(1) + header;
    for (index, parts) in header_labels(table, header, depth).iter().enumerate() {
        if parts.is_empty() || columns.iter().any(|c| c.index == index) {
            continue;
        }
        let label = parts.join(" ");
        warnings.push(
            Diagnostic::warning(
                file,
                tr!(
                    format!("столбец «{label}» ({}) не перенесён: в данных результатов для него нет места", table.name),
                    format!("the column “{label}” ({}) was not imported: the results data has no place for it", table.name)
                ),
            )
            .at(header_line, index + 1)
            .hint(tr!(
                "доли и показатели (успеваемость, качество) msoko считает сам из чисел участников и отметок; если столбец нужен, проверьте его заголовок",
                "shares and rates (success, quality) are computed by msoko from the participants and marks; if the column is needed, check its header"
            )),
        );
    }
    warnings
}

/// The rows under the header (`first_row` on) as records of a known organisation,
/// and how many totals rows were skipped; a row without a name continues the
/// organisation above it (merged cells), a name that matches no school is an error.
fn read_rows(
    table: &Table,
    first_row: usize,
    columns: &[Column],
    register: &[Organization],
    options: &ResultsImportOptions,
    problems: &mut Diagnostics,
) -> (Vec<Row>, usize) {
    let file = &options.file;
    let column = |field: Field| columns.iter().find(|c| c.field == field).copied();
    let mut rows: Vec<Row> = Vec::new();
    let mut skipped_totals = 0;
    let mut last_org: Option<usize> = None;
    let first_line = table.first_row.max(1);
    let org_column = column(Field::Org).map(|c| c.index).unwrap_or(0);
    for r in first_row..table.rows.len() {
        let grid = table.grid_row(r);
        let line = first_line + r;
        let cell = |index: usize| grid.get(index).map(|c| c.cell.plain()).unwrap_or_default();
        let name = cell(org_column);
        let filled = columns
            .iter()
            .any(|c| c.field != Field::Org && !cell(c.index).is_empty());
        if name.is_empty() && !filled {
            continue;
        }
        if is_total(&name) {
            skipped_totals += 1;
            continue;
        }
        let org = if name.is_empty() {
            match last_org {
                Some(org) => org,
                None => continue,
            }
        } else {
            match match_org(&name, register) {
                Ok(org) => org,
                Err(candidates) => {
                    let candidates: Vec<&str> = candidates
                        .iter()
                        .map(|i| register[*i].short_name.as_str())
                        .collect();
                    problems.push(unmatched(
                        file,
                        line,
                        org_column + 1,
                        &name,
                        &candidates,
                        table,
                    ));
                    last_org = None;
                    continue;
                }
            }
        };
        last_org = Some(org);
        let text_of = |field: Field| {
            column(field)
                .map(|c| cell(c.index))
                .filter(|t| !t.is_empty())
        };
        let mut values = Vec::new();
        for c in columns {
            if matches!(c.field, Field::Org | Field::Grade | Field::Subject) {
                continue;
            }
            let value = cell_value(&cell(c.index), file, table, line, c.index, problems);
            values.push((c.field, value, c.percent, c.index));
        }
        rows.push(Row {
            line,
            medals: columns
                .iter()
                .any(|c| matches!(c.field, Field::MedalCandidates | Field::MedalNotConfirmed)),
            org,
            grade: text_of(Field::Grade)
                .map(|g| g.trim_end_matches([' ', 'к', 'л', '.']).to_string())
                .or(options.grade.map(|g| g.to_string())),
            subject: text_of(Field::Subject)
                .or(options.subject.clone())
                .map(|s| s.to_lowercase()),
            values,
        });
    }
    (rows, skipped_totals)
}

/// A result cell's number: empty or a dash is no value, anything else that is not
/// a number is an error at its cell (and no value).
fn cell_value(
    text: &str,
    file: &Path,
    table: &Table,
    line: usize,
    index: usize,
    problems: &mut Diagnostics,
) -> Option<f64> {
    if text.is_empty() || text == "-" || text == "—" {
        None
    } else {
        match number(text) {
            Some(v) => Some(v),
            None => {
                problems.push(
                    Diagnostic::error(
                        file,
                        tr!(
                            format!("в ячейке «{text}» ({}, строка {line}) не число", table.name),
                            format!(
                                "the cell “{text}” ({}, row {line}) is not a number",
                                table.name
                            )
                        ),
                    )
                    .at(line, index + 1)
                    .hint(tr!(
                        "в столбцах результатов — числа: 25, 12,5 или 12,5 %",
                        "result columns hold numbers: 25, 12,5 or 12,5 %"
                    )),
                );
                None
            }
        }
    }
}

/// The error when neither the table nor the command says the subject (or, for
/// ВПР, the grade): without them no record can be written.
fn missing_grade_or_subject(
    options: &ResultsImportOptions,
    file: &Path,
    has_column: impl Fn(Field) -> bool,
) -> Option<Diagnostic> {
    let needs_grade = options.procedure == "vpr";
    if !((needs_grade && !has_column(Field::Grade) && options.grade.is_none())
        || (!has_column(Field::Subject) && options.subject.is_none()))
    {
        return None;
    }
    let (or_ru, or_en, flag) = if needs_grade {
        (" или «Класс»", " or «Класс» (grade)", " --grade 4")
    } else {
        ("", "", "")
    };
    Some(
        Diagnostic::error(
            file,
            tr!(
                "в таблице нет столбца «Предмет»{or_ru}, а в команде они не указаны",
                "the table has no «Предмет» (subject) column{or_en}, and the command does not give them"
            ),
        )
        .hint(tr!(
            "укажите их в команде: --subject \"математика\"{flag}",
            "give them on the command line: --subject \"математика\"{flag}"
        )),
    )
}

/// The contract's columns for the procedure; the medal columns (ЕГЭ) only when the
/// table has them.
fn csv_header(procedure: &str, medals: bool) -> &'static [&'static str] {
    match procedure {
        "vpr" => &[
            "org",
            "grade",
            "subject",
            "participants",
            "m2",
            "m3",
            "m4",
            "m5",
            "lowered",
            "confirmed",
            "raised",
        ],
        _ if medals => &[
            "org",
            "subject",
            "participants",
            "mean",
            "below_min",
            "high",
            "medal_candidates",
            "medal_not_confirmed",
        ],
        _ => &[
            "org",
            "subject",
            "participants",
            "mean",
            "below_min",
            "high",
        ],
    }
}

fn record(
    row: &Row,
    procedure: &str,
    register: &[Organization],
    file: &Path,
    from_percent: &mut bool,
) -> Result<Vec<String>, Diagnostic> {
    let get = |field: Field| row.values.iter().find(|v| v.0 == field).copied();
    let marks: Vec<(Field, Option<f64>, bool, usize)> =
        (2..=5u8).filter_map(|m| get(Field::Mark(m))).collect();
    let percent_marks = marks.iter().any(|m| m.2);
    let mut participants = get(Field::Participants)
        .and_then(|p| p.1)
        .map(|p| p.round() as u64);
    if participants.is_none() && !percent_marks && marks.len() == 4 {
        participants = Some(
            marks
                .iter()
                .map(|m| m.1.unwrap_or(0.0).round() as u64)
                .sum(),
        );
    }
    // At the first cell given in percent.
    let percent_column = row.values.iter().find(|v| v.2).map_or(1, |v| v.3 + 1);
    let needs_participants = || {
        Diagnostic::error(file, tr!(
            format!("в строке {} даны проценты, но нет числа участников: перевести их в числа нельзя", row.line),
            format!("row {} gives percentages but no number of participants: they cannot be turned into counts", row.line)
        ))
        .at(row.line, percent_column)
        .hint(tr!("добавьте в таблицу столбец «Количество участников»", "add a column «Количество участников» (participants) to the table"))
    };
    let mut counts = |values: &[Option<f64>],
                      percent: bool,
                      total: Option<u64>|
     -> Result<Vec<Option<u64>>, Diagnostic> {
        if !percent {
            return Ok(values.iter().map(|v| v.map(|x| x.round() as u64)).collect());
        }
        let total = total.ok_or_else(needs_participants)?;
        *from_percent = true;
        Ok(largest_remainder(values, total))
    };
    let id = register[row.org].id.clone();
    let show = |v: Option<u64>| v.map(|x| x.to_string()).unwrap_or_default();
    if procedure == "vpr" {
        let mark_values: Vec<Option<f64>> = (2..=5u8)
            .map(|m| get(Field::Mark(m)).and_then(|v| v.1))
            .collect();
        let m = counts(&mark_values, percent_marks, participants)?;
        let fisoko: Vec<_> = [Field::Lowered, Field::Confirmed, Field::Raised]
            .iter()
            .map(|f| get(*f))
            .collect();
        let fis_percent = fisoko.iter().flatten().any(|v| v.2);
        let fis_values: Vec<Option<f64>> = fisoko.iter().map(|v| v.and_then(|x| x.1)).collect();
        let f = counts(&fis_values, fis_percent, participants)?;
        let mut out = vec![
            id,
            row.grade.clone().unwrap_or_default(),
            row.subject.clone().unwrap_or_default(),
            show(participants),
        ];
        out.extend(m.into_iter().map(show));
        out.extend(f.into_iter().map(show));
        return Ok(out);
    }
    let mut one = |field: Field| -> Result<Option<u64>, Diagnostic> {
        match get(field) {
            Some((_, Some(v), true, _)) => {
                let total = participants.ok_or_else(needs_participants)?;
                *from_percent = true;
                Ok(Some((v * total as f64 / 100.0).round() as u64))
            }
            Some((_, v, false, _)) => Ok(v.map(|x| x.round() as u64)),
            _ => Ok(None),
        }
    };
    // ОГЭ: «2» is below the minimum and «5» the high result.
    let below = if get(Field::BelowMin).is_some() {
        one(Field::BelowMin)?
    } else {
        one(Field::Mark(2))?
    };
    let high = if get(Field::High).is_some() {
        one(Field::High)?
    } else {
        one(Field::Mark(5))?
    };
    let mean = get(Field::Mean)
        .and_then(|v| v.1)
        .map(|v| format!("{}", (v * 100.0).round() / 100.0))
        .unwrap_or_default();
    let mut out = vec![
        id,
        row.subject.clone().unwrap_or_default(),
        show(participants),
        mean,
        show(below),
        show(high),
    ];
    if procedure == "ege" && row.medals {
        out.push(show(one(Field::MedalCandidates)?));
        out.push(show(one(Field::MedalNotConfirmed)?));
    }
    Ok(out)
}

/// Percentages of `total` as whole counts that add up to the percentages' own sum
/// of `total` (the largest remainders get the spare ones), so 33,3 % + 33,3 % +
/// 33,4 % of 10 is 3 + 3 + 4, not 3 + 3 + 3.
fn largest_remainder(percents: &[Option<f64>], total: u64) -> Vec<Option<u64>> {
    let exact: Vec<Option<f64>> = percents
        .iter()
        .map(|p| p.map(|p| p * total as f64 / 100.0))
        .collect();
    let target = exact.iter().flatten().sum::<f64>().round() as u64;
    let mut counts: Vec<Option<u64>> = exact.iter().map(|e| e.map(|x| x.floor() as u64)).collect();
    let mut given: u64 = counts.iter().flatten().sum();
    let mut order: Vec<usize> = (0..exact.len()).filter(|i| exact[*i].is_some()).collect();
    order.sort_by(|a, b| {
        let ra = exact[*a].unwrap_or(0.0).fract();
        let rb = exact[*b].unwrap_or(0.0).fract();
        rb.total_cmp(&ra).then(a.cmp(b))
    });
    for i in order {
        if given >= target {
            break;
        }
        if let Some(c) = counts[i].as_mut() {
            *c += 1;
            given += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::columns::classify;
    use super::*;

    #[test]
    fn turns_percentages_into_counts_that_add_up() {
        let counts = largest_remainder(&[Some(33.3), Some(33.3), Some(33.4)], 10);
        assert_eq!(counts, [Some(3), Some(3), Some(4)]);
        let counts = largest_remainder(&[Some(12.5), Some(40.0), Some(35.0), Some(12.5)], 24);
        assert_eq!(counts.iter().flatten().sum::<u64>(), 24);
    }

    #[test]
    fn reads_russian_numbers() {
        assert_eq!(number("12,5"), Some(12.5));
        assert_eq!(number("1 234"), Some(1234.0));
        assert_eq!(number("45 %"), Some(45.0));
        assert_eq!(number("н/д"), None);
    }

    #[test]
    fn knows_merged_mark_headers() {
        assert_eq!(
            classify("Получили отметку (%) «2»", "«2»"),
            Some(Field::Mark(2))
        );
        assert_eq!(
            classify("Количество участников", "Количество участников"),
            Some(Field::Participants)
        );
        assert_eq!(
            classify("Наименование ОО", "Наименование ОО"),
            Some(Field::Org)
        );
        assert_eq!(
            classify("Получили «5» (%)", "Получили «5» (%)"),
            Some(Field::Mark(5))
        );
        assert_eq!(classify("Средний балл", "Средний балл"), Some(Field::Mean));
        assert_eq!(
            classify("Понизили (отм. < отм. по журналу)", "x"),
            Some(Field::Lowered)
        );
    }

    fn org(id: &str, short_name: &str, aliases: &[&str]) -> Organization {
        Organization {
            id: id.into(),
            name: format!("Полное название {short_name}"),
            short_name: short_name.into(),
            kind: crate::model::OrgKind::School,
            address: None,
            phone: None,
            email: None,
            site: None,
            head: None,
            functions: None,
            rural: false,
            flags: Vec::new(),
            profile: None,
            continues_to: None,
            former: Vec::new(),
            social: Default::default(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            district: None,
            closed: None,
            split: None,
            successors: Vec::new(),
        }
    }

    #[test]
    fn matches_names_by_name_number_and_alias() {
        let register = [
            org("sosh-1", "МБОУ СОШ № 1", &[]),
            org("sosh-12", "МБОУ СОШ № 12", &[]),
            org("oosh-1", "МКОУ Кировская ООШ № 1", &["Кировская школа"]),
        ];
        assert_eq!(match_org("мбоу «сош №12»", &register), Ok(1));
        assert_eq!(match_org("Кировская школа", &register), Ok(2));
        assert_eq!(match_org("СОШ 1", &register), Ok(0));
        // «Школа № 1» fits both schools numbered 1: named, not guessed.
        assert_eq!(match_org("Школа № 1", &register), Err(vec![0, 2]));
        assert_eq!(match_org("Лицей № 7", &register), Err(vec![]));
    }

    #[test]
    fn skips_totals() {
        assert!(is_total("Итого по округу"));
        assert!(is_total("ВСЕГО"));
        assert!(!is_total("МБОУ СОШ № 1"));
    }
}
