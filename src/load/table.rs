//! One CSV reader for every data table (indicator values, raw results), so that all of
//! them accept the same things: a comma or, as Russian Excel saves it, a semicolon
//! between cells (a tab in Excel's «Юникод-текст»), any encoding `fs` reads, a BOM,
//! CRLF, blank lines; and all report the same way, with the file
//! line of each row.

use crate::tr;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Message};

/// A CSV file as written: the header and the non-blank rows, cells trimmed.
#[derive(Debug, Clone, Default)]
pub(crate) struct CsvTable {
    /// Path shown to the user (relative to the site root).
    pub(crate) file: PathBuf,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<CsvRow>,
}

#[derive(Debug, Clone)]
pub(crate) struct CsvRow {
    /// 1-based file line.
    pub(crate) line: usize,
    pub(crate) cells: Vec<String>,
}

impl CsvRow {
    /// The cell in column `i`, empty when the row is short.
    pub(crate) fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map_or("", String::as_str)
    }

    /// 1-based column (in characters) where cell `i` starts, for messages.
    pub(crate) fn column_of(&self, i: usize) -> usize {
        self.cells
            .iter()
            .take(i)
            .map(|c| c.chars().count() + 1)
            .sum::<usize>()
            + 1
    }
}

/// Reads a CSV file; `file` is the path shown in messages. A file that cannot be read
/// at all gives `None`; rows of the wrong width are reported and left out, so the rest
/// of the table is still checked.
pub(crate) fn read_table(
    path: &Path,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<CsvTable> {
    let text = crate::fs::read_text_to(path, file, diagnostics)?;
    let parsed = parse_table(&text, file);
    match parsed {
        Ok((table, problems)) => {
            for problem in problems {
                diagnostics.push(problem);
            }
            Some(table)
        }
        Err(problem) => {
            diagnostics.push(problem);
            None
        }
    }
}

/// Parses CSV text (tests need no disk): the table and the rows that were left out
/// because their number of cells differs from the header's. Such a row is an error,
/// never guessed at: «12,5» unquoted in a comma-separated file is two cells, and
/// reading it as 12 with the rest shifted would publish a wrong number.
pub(crate) fn parse_table(
    text: &str,
    file: &Path,
) -> Result<(CsvTable, Vec<Diagnostic>), Diagnostic> {
    let delimiter = delimiter_of(text.lines().next().unwrap_or_default());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Diagnostic::error(
                file,
                tr!(
                    "не удалось прочитать заголовок CSV: {e}",
                    "could not read the CSV header: {e}"
                ),
            )
            .at_line(1)
            .hint(tr!(
                "первая строка файла — названия столбцов через запятую (или точку с запятой), например: org,year,value; откройте файл в Блокноте и проверьте её",
                "the first line of the file names the columns, separated by commas (or semicolons), e.g. org,year,value; open the file in Notepad and check it"
            ))
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    // Records come in file order, so lines are counted on from the previous record:
    // once over the file, not from its start for every row.
    let (mut counted_to, mut lines_before) = (0usize, 0usize);
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(1, |p| p.line() as usize);
            Diagnostic::error(file, tr!("ошибка CSV: {e}", "CSV error: {e}"))
                .at_line(line)
                .hint(tr!("проверьте кавычки: значение с запятой заключается в двойные кавычки, например \"8,3\"", "check the quotes: a value with a comma goes in double quotes, e.g. \"8,3\""))
        })?;
        // The line from the byte offset: the csv crate counts neither the blank
        // lines it skips nor includes them in the record's start.
        let line = record.position().map_or(0, |p| {
            let bytes = text.as_bytes();
            let mut offset = (p.byte() as usize).min(bytes.len());
            while offset < bytes.len() && matches!(bytes[offset], b'\n' | b'\r') {
                offset += 1;
            }
            let offset = offset.max(counted_to);
            lines_before += bytes[counted_to..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted_to = offset;
            lines_before + 1
        });
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let row = CsvRow {
            line,
            cells: record.iter().map(|c| c.trim().to_string()).collect(),
        };
        if row.cells.len() != header.len() {
            problems.push(width_error(file, &row, &header, delimiter));
            continue;
        }
        rows.push(row);
    }
    let table = CsvTable {
        file: file.to_path_buf(),
        header,
        rows,
    };
    Ok((table, problems))
}

/// The separator the header line uses: a comma; a semicolon, as Russian Excel saves
/// «CSV (разделители — запятые)»; a tab, as Excel saves «Юникод-текст» (UTF-16).
fn delimiter_of(header: &str) -> u8 {
    match (
        header.contains(','),
        header.contains(';'),
        header.contains('\t'),
    ) {
        (false, true, _) => b';',
        (false, false, true) => b'\t',
        _ => b',',
    }
}

/// A row with more or fewer cells than the header has columns.
fn width_error(file: &Path, row: &CsvRow, header: &[String], delimiter: u8) -> Diagnostic {
    let found = row.cells.len();
    let kind = Message::csv_width(found, header, delimiter == b';');
    Diagnostic::error(file, kind).at(row.line, row.column_of(found.min(header.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolons_and_skips_blank_lines_keeping_file_lines() {
        let (table, problems) = parse_table("a;b\n1;2\n\n3;4\n", Path::new("x.csv")).unwrap();
        assert!(problems.is_empty());
        assert_eq!(table.header, ["a", "b"]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1].line, 4, "{:?}", table.rows);
        assert_eq!(table.rows[1].cell(1), "4");
        assert_eq!(table.rows[1].cell(5), "");
        assert_eq!(table.rows[1].column_of(1), 3);
    }

    #[test]
    fn reads_tabs_as_excel_saves_unicode_text() {
        let text = "year\torg\tvalue\n2025\tsosh-1\t12,5\n";
        let (table, problems) = parse_table(text, Path::new("v.csv")).unwrap();
        assert!(problems.is_empty());
        assert_eq!(table.header, ["year", "org", "value"]);
        assert_eq!(table.rows[0].cell(2), "12,5");
    }

    #[test]
    fn a_comma_header_with_semicolons_in_names_stays_comma_separated() {
        assert_eq!(delimiter_of("a,b;c"), b',');
        assert_eq!(delimiter_of("a;b\tc"), b';');
    }

    #[test]
    fn errors_on_rows_wider_or_narrower_than_the_header() {
        let text = "year,org,value\n2021,sosh-1,12,5\n2022,sosh-1\n2023,sosh-1,7\n";
        let (table, problems) = parse_table(text, Path::new("v.csv")).unwrap();
        assert_eq!(table.rows.len(), 1, "only the good row is kept");
        assert_eq!(table.rows[0].line, 4);
        assert_eq!(problems.len(), 2);
        let wide = &problems[0];
        assert_eq!(
            (wide.line, wide.column),
            (Some(2), Some(16)),
            "at the extra cell «5»"
        );
        assert!(
            wide.message
                .ru
                .contains("в строке 4 ячейки, а в заголовке 3 столбца"),
            "{}",
            wide.message
        );
        assert!(wide
            .hint
            .as_ref()
            .map(|h| h.ru.as_str())
            .unwrap_or("")
            .contains("\"12,5\""));
        assert_eq!(problems[1].line, Some(3));
        assert!(
            problems[1].message.ru.contains("не хватает"),
            "{}",
            problems[1].message
        );
    }
}
