//! Reads spreadsheets into tables: `.xlsx` and `.ods` through calamine (one table per
//! sheet), `.csv` through the csv crate (one table).
//!
//! Excel's merged cells (calamine exposes the merged regions of `.xlsx`) become a
//! cell spanning its columns, and the rows below a vertically merged cell get a
//! continued, empty cell, as in Word. An `.ods` gives no merged regions: its merged
//! cells read as the first cell filled and the rest empty, which the importers
//! treat the same way. Numbers are written as the sheet shows them (1, 2.5), dates
//! as ДД.ММ.ГГГГ.
//!
//! A CSV saved by Russian Excel is usually in Windows-1251 and separated by «;»:
//! both are detected (UTF-8 with or without a BOM, else Windows-1251; the
//! separator that occurs most in the first lines of «;», «,» and tab).

use std::path::Path;

use calamine::{open_workbook_auto, Data, Range, Reader, Sheets};

use super::table::{Cell, Table};

/// Every sheet of a workbook as a table.
pub(crate) fn read_workbook(path: &Path) -> Result<Vec<Table>, String> {
    let mut workbook = open_workbook_auto(path).map_err(|e| e.to_string())?;
    let merged: Vec<(String, calamine::Dimensions)> = match &mut workbook {
        Sheets::Xlsx(xlsx) => {
            xlsx.load_merged_regions().map_err(|e| e.to_string())?;
            xlsx.merged_regions()
                .iter()
                .map(|(sheet, _, dims)| (sheet.clone(), *dims))
                .collect()
        }
        _ => Vec::new(),
    };
    let mut tables = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| e.to_string())?;
        let regions: Vec<calamine::Dimensions> = merged
            .iter()
            .filter(|(sheet, _)| *sheet == name)
            .map(|(_, dims)| *dims)
            .collect();
        tables.push(table_from_range(&range, &regions, format!("лист «{name}»")));
    }
    Ok(tables)
}

fn table_from_range(range: &Range<Data>, merged: &[calamine::Dimensions], name: String) -> Table {
    let Some((top, left)) = range.start() else {
        return Table {
            name,
            ..Table::default()
        };
    };
    let (bottom, right) = range.end().unwrap_or((top, left));
    let mut rows = Vec::new();
    for r in top..=bottom {
        let mut row = Vec::new();
        let mut c = left;
        while c <= right {
            let region = merged
                .iter()
                .find(|d| d.start.0 <= r && r <= d.end.0 && d.start.1 <= c && c <= d.end.1);
            let width = region.map_or(1, |d| (d.end.1 - c + 1) as usize);
            let continued = region.is_some_and(|d| d.start.0 < r);
            let mut cell = if continued {
                Cell::default()
            } else {
                Cell::from_text(&cell_text(range.get_value((r, c))))
            };
            cell.span = width;
            cell.continued = continued;
            row.push(cell);
            c += width as u32;
        }
        rows.push(row);
    }
    Table {
        before: Vec::new(),
        rows,
        name,
        first_row: top as usize + 1,
    }
}

/// A cell as the sheet shows it.
pub(crate) fn cell_text(value: Option<&Data>) -> String {
    match value {
        None | Some(Data::Empty) | Some(Data::Error(_)) => String::new(),
        Some(Data::String(text)) => text.clone(),
        Some(Data::Int(n)) => n.to_string(),
        Some(Data::Float(f)) => format_float(*f),
        Some(Data::Bool(b)) => if *b { "да" } else { "нет" }.to_string(),
        Some(Data::DateTime(dt)) => match dt.as_datetime() {
            Some(date) => date.format("%d.%m.%Y").to_string(),
            None => dt.as_f64().to_string(),
        },
        Some(Data::DateTimeIso(text)) | Some(Data::DurationIso(text)) => text.clone(),
    }
}

fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        // The shortest text that reads back as the same number (12.5, not 12.500001).
        format!("{f}")
    }
}

/// A CSV file as one table: decoded, its separator found.
pub(crate) fn read_csv(bytes: &[u8], name: &str) -> Result<Table, String> {
    let text = decode(bytes);
    let separator = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(record.iter().map(Cell::from_text).collect());
    }
    Ok(Table {
        before: Vec::new(),
        rows,
        name: name.to_string(),
        first_row: 1,
    })
}

/// The site's own reading of encodings (UTF-8, UTF-16 with a BOM as Excel saves
/// «Юникод-текст», Windows-1251), and Windows-1251 for whatever else: an imported
/// file is shown to the user before anything is written.
fn decode(bytes: &[u8]) -> String {
    match crate::fs::encoding::decode(bytes) {
        Ok(decoded) => decoded.text,
        Err(_) => encoding_rs::WINDOWS_1251.decode(bytes).0.into_owned(),
    }
}

fn separator(text: &str) -> u8 {
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let count = |c: char| head.chars().filter(|x| *x == c).count();
    [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|s| (count(*s as char), *s == b';'))
        .unwrap_or(b';')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_semicolon_csv_in_windows_1251() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode("ОО;Участники\nМБОУ СОШ № 1;25,5\n");
        let table = read_csv(&bytes, "x.csv").unwrap();
        assert_eq!(table.rows[1][0].plain(), "МБОУ СОШ № 1");
        assert_eq!(table.rows[1][1].plain(), "25,5");
    }

    #[test]
    fn reads_excel_unicode_text_in_utf16_with_tabs() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(
            "ОО\tУчастники\r\nМБОУ СОШ № 1\t25\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let table = read_csv(&bytes, "x.txt").unwrap();
        assert_eq!(table.rows[1][0].plain(), "МБОУ СОШ № 1");
        assert_eq!(table.rows[1][1].plain(), "25");
    }

    #[test]
    fn reads_a_comma_csv_in_utf8_with_a_bom() {
        let table = read_csv("\u{FEFF}a,\"b, c\"\n".as_bytes(), "x.csv").unwrap();
        assert_eq!(table.rows[0][1].plain(), "b, c");
    }

    #[test]
    fn shows_numbers_as_the_sheet_does() {
        assert_eq!(cell_text(Some(&Data::Float(3.0))), "3");
        assert_eq!(cell_text(Some(&Data::Float(2.5))), "2.5");
        assert_eq!(cell_text(Some(&Data::Empty)), "");
    }
}
