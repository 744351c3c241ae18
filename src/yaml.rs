//! The one place that parses YAML.
//!
//! serde_yaml is unmaintained upstream; keeping every call here means a maintained
//! fork replaces it in one file. This module also turns serde_yaml's English errors
//! into Russian diagnostics with the line and column of the *file* (front matter
//! starts below its `---` line, so callers pass the file line of the YAML's first line).

mod guard;
mod mistakes;
mod positions;

pub(crate) use positions::Positions;

use std::path::Path;

use chrono::NaiveDate;
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::{Deserialize, Serialize};

use crate::dates::parse_date;
use crate::diagnostic::{Diagnostic, Message, WithHint};

/// Parses `text` as `T`; `first_line` is the file line on which `text` begins.
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    // A whole file starts on line 1; front matter further down ends at its `---`.
    if let Some(problem) = guard::precheck(text, file, first_line, first_line == 1) {
        return Err(problem);
    }
    serde_yaml::from_str(text).map_err(|error| to_diagnostic(&error, file, first_line, text))
}

/// Separates a custom error's message from the value it is about (see `value_error`).
const VALUE_MARK: char = '\u{1f}';

/// An error about one scalar value. serde_yaml gives custom errors no position, so the
/// value travels with the message and `to_diagnostic` finds its line in the text.
fn value_error<E: serde::de::Error>(message: &str, value: &str) -> E {
    E::custom(format!("{message}{VALUE_MARK}{value}"))
}

fn to_diagnostic(
    error: &serde_yaml::Error,
    file: &Path,
    first_line: usize,
    text: &str,
) -> Diagnostic {
    let full = error.to_string();
    let at = error.location().map(|l| (l.line(), l.column()));
    let missing = full
        .split_once("missing field `")
        .and_then(|(_, rest)| rest.split('`').next());
    if let Some(found) = mistakes::explain(text, &full, at, missing) {
        return Diagnostic::error(file, found.said).at(found.line + first_line - 1, found.column);
    }
    // serde_yaml appends " at line N column M"; we print the position ourselves.
    let bare = full.split(" at line ").next().unwrap_or(&full).trim();
    // Nested errors start with the path of the field: "head.name: invalid type ...".
    let (field, bare) = match bare.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') && !path.is_empty() => (Some(path), rest),
        _ => (None, bare),
    };
    // serde_yaml writes paths as the index does (`items[2].due`), a root list as `.[1]`.
    let value_path = field.map(|path| path.trim_start_matches('.'));
    // A path of list positions only (`.[1]`) says nothing the line does not, and
    // neither does the entry's position in a root list (`.[5].split_from`).
    let field = field.map(shown_field).filter(|path| !path.is_empty());
    let (bare, value) = match bare.split_once(VALUE_MARK) {
        Some((message, value)) => (message, Some(value)),
        None => (bare, None),
    };
    // A bad date travels through serde as text; read it again to keep its kind.
    let date_error = value
        .and_then(|value| parse_date(value).err())
        .filter(|error| error.to_string() == bare);
    let (message, hint) = match &date_error {
        Some(error) => Message::bad_date(error),
        None => translate(bare),
    };
    // Read only now that the file has an error: the values' positions, once.
    let positions = Positions::new(text);
    // serde reports a repeated key at the start of its mapping: point at the repeat.
    let repeated = match (duplicate_field(bare), error.location()) {
        (Some(field), Some(location)) if date_error.is_none() => {
            positions.repeated_key(field, location.line())
        }
        _ => None,
    };
    // The bad value written so at or below its path (serde's path may stop at the
    // mapping around it: `.[5].split_from` for its `since`), else anywhere.
    let found = value.and_then(|value| {
        value_path
            .and_then(|path| positions.find_with_path(path, value))
            .or_else(|| positions.find_with_path("", value))
    });
    // Named as precisely as found, where serde names a field at all.
    let field = match (field, found) {
        (Some(_), Some((_, path))) => Some(shown_field(path)).filter(|path| !path.is_empty()),
        (field, _) => field,
    };
    let said = match field {
        Some(path) => (message.in_field(path), hint),
        None => (message, hint),
    };
    let diagnostic = Diagnostic::error(file, said);
    let value_position = found
        .map(|(at, _)| at)
        .or_else(|| value.and(value_path).and_then(|path| positions.value(path)));
    match (repeated.or(value_position), error.location()) {
        (Some(at), _) => diagnostic.at(at.line + first_line - 1, at.column),
        (None, Some(location)) => {
            diagnostic.at(location.line() + first_line - 1, location.column())
        }
        (None, None) => diagnostic.at_line(first_line),
    }
}

/// A field path as the editor reads it: without the position in a root list, which
/// the line already gives (`.[5].split_from` -> `split_from`; `.[1]` -> ``).
fn shown_field(path: &str) -> &str {
    let rest = path.trim_start_matches('.');
    match rest.strip_prefix('[').and_then(|r| r.split_once(']')) {
        Some((index, after)) if index.bytes().all(|b| b.is_ascii_digit()) => {
            after.trim_start_matches('.')
        }
        _ => path,
    }
}

/// The key serde_yaml's `message` says is repeated, if it says so.
fn duplicate_field(message: &str) -> Option<&str> {
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        return Some(rest.split('`').next().unwrap_or(rest));
    }
    let listed = message.contains("mapping values are not allowed")
        || message.contains("did not find expected")
        || message.contains("could not find expected");
    if !listed && (message.contains("duplicate entry") || message.contains("duplicate key")) {
        let field = message.split(['"', '`']).nth(1).filter(|f| !f.is_empty());
        return Some(field.unwrap_or(message));
    }
    None
}

/// serde_yaml's message -> the kind of problem (or, for the rare ones, its words).
fn translate(message: &str) -> WithHint {
    let quoted = |list: &str| -> Vec<String> {
        list.split('`')
            .skip(1)
            .step_by(2)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        return Message::unknown_field(field, &quoted(expected));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Message::missing_field(field);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        return Message::unknown_value(value, &quoted(expected));
    }
    let detail = message.to_string();
    if message.contains("found character that cannot start any token")
        || message.contains("tab character")
    {
        return Message::yaml_tab();
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        return Message::yaml_wrong_type(expected, found);
    }
    if let Some(field) = message
        .strip_prefix("duplicate field `")
        .and_then(|_| duplicate_field(message))
    {
        return Message::yaml_duplicate_key(field);
    }
    if message.contains("mapping values are not allowed")
        || message.contains("did not find expected")
        || message.contains("could not find expected")
    {
        return Message::yaml_syntax(&detail);
    }
    if let Some(field) = duplicate_field(message) {
        return Message::yaml_duplicate_key(field);
    }
    (
        Message::text(detail.clone(), detail),
        crate::tr!(
            "сверьте эту строку с соседними: отступ теми же пробелами, двоеточие и пробел после имени поля, текст с двоеточием или кавычками — в кавычках, например title: \"Отчёт: 2025 год\"",
            "compare this line with its neighbours: the same spaces of indentation, a colon and a space after the field's name, text with a colon or quotes in quotes, e.g. title: \"Report: 2025\""
        ),
    )
}

/// Free text that may be written as a number in YAML (`number: 155`, `title: 2025`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub(crate) struct Text(pub(crate) String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::String(s) => Ok(Text(s)),
            serde_yaml::Value::Number(n) => Ok(Text(n.to_string())),
            serde_yaml::Value::Bool(b) => Ok(Text(b.to_string())),
            serde_yaml::Value::Sequence(_) => {
                Err(D::Error::invalid_type(serde::de::Unexpected::Seq, &"text"))
            }
            _ => Err(D::Error::invalid_type(serde::de::Unexpected::Map, &"text")),
        }
    }
}

/// A calendar date (`2025-08-29` or `29.08.2025`); a wrong one is an error at its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Date(pub(crate) NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = match serde_yaml::Value::deserialize(deserializer)? {
            serde_yaml::Value::String(s) => s,
            serde_yaml::Value::Number(n) => n.to_string(),
            serde_yaml::Value::Bool(b) => b.to_string(),
            serde_yaml::Value::Sequence(_) => {
                return Err(D::Error::invalid_type(
                    serde::de::Unexpected::Seq,
                    &"a date",
                ))
            }
            _ => {
                return Err(D::Error::invalid_type(
                    serde::de::Unexpected::Map,
                    &"a date",
                ))
            }
        };
        parse_date(&text)
            .map(Date)
            .map_err(|error| value_error(&error.to_string(), &text))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Lang;

    #[test]
    fn a_field_is_shown_without_its_entrys_place_in_a_root_list() {
        assert_eq!(shown_field(".[5].split_from"), "split_from");
        assert_eq!(shown_field(".[1]"), "");
        assert_eq!(shown_field("head.name"), "head.name");
        assert_eq!(shown_field("items[2].due"), "items[2].due");
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: Text,
        date: Option<Date>,
    }

    fn error_of(text: &str) -> Diagnostic {
        parse::<Sample>(text, Path::new("a.md"), 2).unwrap_err()
    }

    #[test]
    fn reports_unknown_field_with_file_line() {
        let d = error_of("title: x\ntitel: y\n");
        assert_eq!(d.message.ru, "неизвестное поле «titel»");
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
        assert_eq!(
            d.hint.as_ref().map(|h| h.ru.as_str()),
            Some("проверьте написание; допустимые поля: title, date")
        );
    }

    #[test]
    fn reports_bad_date_at_its_value() {
        let d = error_of("title: x\ndate: 31.13.2025\n");
        assert_eq!(d.message.ru, "в дате «31.13.2025» месяца 13 нет");
        assert_eq!((d.line, d.column), (Some(3), Some(7)));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Org {
        id: String,
        short_name: String,
        weight: Option<i64>,
        share: Option<f64>,
        rural: Option<bool>,
        flags: Option<Vec<String>>,
        name: Option<Text>,
        opened: Option<Date>,
    }

    fn org_error(text: &str) -> Diagnostic {
        parse::<Vec<Org>>(text, Path::new("data/organizations.yaml"), 1).unwrap_err()
    }

    #[test]
    fn points_a_duplicate_field_at_its_second_line() {
        let d = org_error(
            "- id: a\n  short_name: A\n- id: b\n  short_name: B\n  rural: true\n  short_name: C\n",
        );
        assert_eq!(d.message.ru, "поле «short_name» указано дважды");
        assert_eq!((d.line, d.column), (Some(6), Some(3)));
        assert_eq!(d.code(), Some("yaml-duplicate-key"));
        assert_eq!(d.text(Lang::En).0, "the field “short_name” is given twice");
    }

    #[test]
    fn says_in_words_which_kind_of_value_was_expected() {
        let said = |field: &str, value: &str| {
            let d = org_error(&format!("- id: a\n  short_name: A\n  {field}: {value}\n"));
            (d.message.clone(), d.text(Lang::En).0)
        };
        let cases = [
            (
                "weight",
                "один",
                "ожидалось целое число, а написано «один»",
                "expected a whole number, but “один” is written",
            ),
            (
                "weight",
                "1.5",
                "ожидалось целое число, а написано число 1.5",
                "expected a whole number, but the number 1.5 is written",
            ),
            (
                "share",
                "[1]",
                "ожидалось число, а написан список",
                "expected a number, but a list is written",
            ),
            (
                "rural",
                "да",
                "ожидалось true или false, а написано «да»",
                "expected true or false, but “да” is written",
            ),
            (
                "flags",
                "{a: 1}",
                "ожидался список, а написаны вложенные поля",
                "expected a list, but nested fields are written",
            ),
            (
                "name",
                "[a, b]",
                "ожидался текст, а написан список",
                "expected text, but a list is written",
            ),
            (
                "weight",
                "true",
                "ожидалось целое число, а написано true",
                "expected a whole number, but true is written",
            ),
            (
                "opened",
                "[1]",
                "ожидалась дата, а написан список",
                "expected a date, but a list is written",
            ),
        ];
        for (field, value, ru, en) in cases {
            let (message, english) = said(field, value);
            assert!(message.ru.starts_with(ru), "{field}: {value}: {message}");
            assert!(english.starts_with(en), "{field}: {value}: {english}");
        }
    }

    #[test]
    fn explains_a_tab() {
        let d = error_of("title: x\n\tdate: 2025-01-01\n");
        assert!(d.message.ru.contains("табуляции"), "{}", d.message);
        assert_eq!(d.line, Some(3));
    }

    #[test]
    fn reads_numbers_as_text() {
        let s: Sample = parse("title: 2025\n", Path::new("a.md"), 1).unwrap();
        assert_eq!(s.title, Text("2025".into()));
    }
}
