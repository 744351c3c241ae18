//! The file layout of «Методические рекомендации по публикации открытых данных»,
//! версия 3.0: the registry `list.csv`, and per set the passport `meta.csv`, the data
//! files `data-YYYYMMDD-structure-YYYYMMDD.csv` and the structure files
//! `structure-YYYYMMDD.csv`. Version 4.0 of the recommendations changes this layout:
//! everything that knows it lives here.

use chrono::NaiveDate;

use super::super::columns::Field;
use super::tables::{yyyymmdd, Table};

pub(crate) const STANDARD_URL: &str = "http://opendata.gosmonitor.ru/standard/3.0";

pub(crate) fn data_name(data: NaiveDate, structure: NaiveDate) -> String {
    format!("data-{}-structure-{}", yyyymmdd(data), yyyymmdd(structure))
}

pub(crate) fn structure_name(structure: NaiveDate) -> String {
    format!("structure-{}", yyyymmdd(structure))
}

/// One row of the registry: identifier, title, address of the passport.
pub(crate) struct ListEntry<'a> {
    pub(crate) identifier: &'a str,
    pub(crate) title: &'a str,
    pub(crate) passport_url: String,
}

pub(crate) fn list_csv(entries: &[ListEntry<'_>]) -> Vec<u8> {
    let mut rows = vec![vec![
        "standardversion".to_string(),
        "Версия методических рекомендаций".into(),
        STANDARD_URL.into(),
        String::new(),
    ]];
    rows.extend(entries.iter().map(|e| {
        vec![
            e.identifier.to_string(),
            e.title.to_string(),
            e.passport_url.clone(),
            "csv".into(),
        ]
    }));
    csv_bytes(&["property", "title", "value", "format"], &rows)
}

/// What a passport says besides its versions.
pub(crate) struct Passport<'a> {
    pub(crate) identifier: &'a str,
    pub(crate) title: &'a str,
    pub(crate) description: &'a str,
    pub(crate) creator: &'a str,
    pub(crate) created: NaiveDate,
    pub(crate) modified: NaiveDate,
    pub(crate) subject: &'a str,
    /// «содержание последнего изменения»
    pub(crate) provenance: &'a str,
    /// «дата актуальности»
    pub(crate) valid: NaiveDate,
    pub(crate) publisher_name: &'a str,
    pub(crate) publisher_phone: &'a str,
    pub(crate) publisher_mbox: &'a str,
    /// (file name without `.csv`, absolute address), oldest first.
    pub(crate) data_versions: Vec<(String, String)>,
    pub(crate) structure_versions: Vec<(String, String)>,
}

pub(crate) fn passport_csv(p: &Passport<'_>) -> Vec<u8> {
    let mut rows: Vec<Vec<String>> = [
        ("standardversion", STANDARD_URL.to_string()),
        ("identifier", p.identifier.into()),
        ("title", p.title.into()),
        ("description", p.description.into()),
        ("creator", p.creator.into()),
        ("created", yyyymmdd(p.created)),
        ("modified", yyyymmdd(p.modified)),
        ("subject", p.subject.into()),
        ("format", "csv".into()),
        ("provenance", p.provenance.into()),
        ("valid", yyyymmdd(p.valid)),
        ("publishername", p.publisher_name.into()),
        ("publisherphone", p.publisher_phone.into()),
        ("publishermbox", p.publisher_mbox.into()),
    ]
    .into_iter()
    .map(|(k, v)| vec![k.to_string(), v])
    .collect();
    for (name, url) in p.data_versions.iter().chain(&p.structure_versions) {
        rows.push(vec![name.clone(), url.clone()]);
    }
    csv_bytes(&["property", "value"], &rows)
}

pub(crate) fn structure_csv(fields: &[Field]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = fields
        .iter()
        .map(|f| {
            let (en, ru) = if f.format == "string" {
                (
                    format!("{}{}", f.en, super::super::spreadsheet::NOTE_EN),
                    format!("{}{}", f.ru, super::super::spreadsheet::NOTE_RU),
                )
            } else {
                (f.en.to_string(), f.ru.to_string())
            };
            vec![f.name.into(), en, ru, f.format.into()]
        })
        .collect();
    csv_bytes(
        &[
            "field name",
            "english description",
            "russian description",
            "format",
        ],
        &rows,
    )
}

pub(crate) fn data_csv(table: &Table) -> Vec<u8> {
    let header: Vec<&str> = table.fields.iter().map(|f| f.name).collect();
    csv_bytes(&header, &table.rows)
}

/// The same rows as JSON: an array of objects keyed by field name, the keys in the
/// structure's column order; a `number` field as a JSON number, an empty cell as
/// `null`.
pub(crate) fn data_json(table: &Table) -> Vec<u8> {
    let rows: Vec<JsonRow<'_>> = table
        .rows
        .iter()
        .map(|row| JsonRow {
            fields: table.fields,
            row,
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&rows).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// One row as a JSON object in column order (a `serde_json::Map` would sort it).
struct JsonRow<'a> {
    fields: &'a [Field],
    row: &'a [String],
}

impl serde::Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for (field, cell) in self.fields.iter().zip(self.row) {
            map.serialize_entry(field.name, &json_value(field, cell))?;
        }
        map.end()
    }
}

/// A cell as JSON: `null` when empty, a number for a `number` field.
fn json_value(field: &Field, cell: &str) -> serde_json::Value {
    use serde_json::Value;
    if cell.is_empty() {
        return Value::Null;
    }
    if field.format == "number" {
        if let Ok(n) = cell.parse::<i64>() {
            return Value::from(n);
        }
        if let Some(n) = cell
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            return Value::Number(n);
        }
    }
    Value::String(cell.to_string())
}

/// RFC 4180: comma, CRLF, quotes where needed, UTF-8 without BOM.
fn csv_bytes(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn json_keeps_column_order_numbers_and_nulls() {
        const FIELDS: [Field; 4] = [
            Field {
                name: "year",
                en: "Year",
                ru: "Год",
                format: "number",
            },
            Field {
                name: "value",
                en: "Value",
                ru: "Значение",
                format: "number",
            },
            Field {
                name: "code",
                en: "Code",
                ru: "Код",
                format: "string",
            },
            Field {
                name: "approved",
                en: "Date",
                ru: "Дата",
                format: "date",
            },
        ];
        let table = Table {
            fields: &FIELDS,
            rows: vec![
                vec!["2025".into(), "12.5".into(), "007".into(), String::new()],
                vec!["2026".into(), String::new(), "b".into(), "20260101".into()],
            ],
        };
        let text = String::from_utf8(data_json(&table)).unwrap();
        let compact: String = text.split_whitespace().collect();
        assert_eq!(
            compact,
            "[{\"year\":2025,\"value\":12.5,\"code\":\"007\",\"approved\":null},\
             {\"year\":2026,\"value\":null,\"code\":\"b\",\"approved\":\"20260101\"}]"
        );
    }

    #[test]
    fn names_versions_the_recommended_way() {
        assert_eq!(
            data_name(date(2025, 9, 1), date(2026, 11, 23)),
            "data-20250901-structure-20261123"
        );
        assert_eq!(structure_name(date(2026, 11, 23)), "structure-20261123");
    }

    #[test]
    fn list_starts_with_the_standard_version() {
        let bytes = list_csv(&[ListEntry {
            identifier: "6612345678-orgs",
            title: "Реестр, «ОО»",
            passport_url: "https://x.ru/opendata/6612345678-orgs/meta.csv".into(),
        }]);
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "property,title,value,format");
        assert_eq!(
            lines[1],
            "standardversion,Версия методических рекомендаций,http://opendata.gosmonitor.ru/standard/3.0,"
        );
        assert_eq!(
            lines[2],
            "6612345678-orgs,\"Реестр, «ОО»\",https://x.ru/opendata/6612345678-orgs/meta.csv,csv"
        );
    }
}
