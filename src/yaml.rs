//! The one place that parses YAML.
//!
//! serde_yaml is unmaintained upstream; keeping every call here means a maintained
//! fork replaces it in one file. This module also turns serde_yaml's English errors
//! into Russian diagnostics with the line and column of the *file* (front matter
//! starts below its `---` line, so callers pass the file line of the YAML's first line).

mod guard;
mod mistakes;

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
    // A path of list positions only (`.[1]`) says nothing the line does not.
    let field = field.filter(|path| !path.chars().all(|c| ".[]0123456789".contains(c)));
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
    // serde reports a repeated key at the start of its mapping: point at the repeat.
    let repeated = match (duplicate_field(bare), error.location()) {
        (Some(field), Some(location)) if date_error.is_none() => {
            second_key(text, location.line(), field)
        }
        _ => None,
    };
    let said = match field {
        Some(path) => (message.in_field(path), hint),
        None => (message, hint),
    };
    let diagnostic = Diagnostic::error(file, said);
    let value_position = value.and_then(|value| {
        text.lines().enumerate().find_map(|(i, line)| {
            let at = line.find(':').map_or(0, |c| c + 1);
            line[at..]
                .find(value)
                .map(|j| (i + 1, line[..at + j].chars().count() + 1))
        })
    });
    match (repeated.or(value_position), error.location()) {
        (Some((line, column)), _) => diagnostic.at(line + first_line - 1, column),
        (None, Some(location)) => {
            diagnostic.at(location.line() + first_line - 1, location.column())
        }
        (None, None) => diagnostic.at_line(first_line),
    }
}

/// Line and column of the second `key:` at the same indentation from `from_line` on
/// (both 1-based): where a key is repeated in the mapping that starts there.
fn second_key(text: &str, from_line: usize, key: &str) -> Option<(usize, usize)> {
    let mut first_column = None;
    for (i, line) in text.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let bare = line.trim_start().trim_start_matches("- ");
        let is_key = bare
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'));
        if !is_key {
            continue;
        }
        let column = line.chars().count() - bare.chars().count() + 1;
        match first_column {
            None => first_column = Some(column),
            Some(first) if first == column => return Some((i + 1, column)),
            Some(_) => {}
        }
    }
    None
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

/// 1-based line of the first `key:` in `text` (any indentation), to point a diagnostic
/// found after parsing (a template that does not exist, a file that is missing) at the
/// line the user wrote.
pub(crate) fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start().trim_start_matches("- ");
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// 1-based lines of list entries in document order: for each of `values`, the first
/// line after the previous one found that reads `key: value` (quoted or not). Used to
/// point messages at one entry of a list (an organisation, an indicator).
pub(crate) fn entry_lines(text: &str, key: &str, values: &[&str]) -> Vec<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut cursor = 0;
    values
        .iter()
        .map(|value| {
            let found = (cursor..lines.len()).find(|&i| {
                let line = lines[i].trim_start().trim_start_matches("- ");
                line.strip_prefix(key)
                    .and_then(|rest| rest.trim_start().strip_prefix(':'))
                    .is_some_and(|rest| rest.trim().trim_matches(['"', '\'']) == *value)
            });
            match found {
                Some(i) => {
                    cursor = i + 1;
                    i + 1
                }
                None => cursor.max(1),
            }
        })
        .collect()
}

/// 1-based line of the first line of `text` where `value` is written as a whole
/// scalar (`key: value`, `- value`, `[a, value]`, quoted or not), not as a part of a
/// longer one: `ozernaya-oos` is not found in `ozernaya-oosh`.
/// Line and column (1-based, column in characters) of `value` written as a whole
/// word on line `from` or below: an item of a list such as `key_indicators: [a, b]`.
pub(crate) fn value_at(text: &str, value: &str, from: usize) -> Option<(usize, usize)> {
    if value.is_empty() {
        return None;
    }
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .find_map(|(i, line)| {
            line.match_indices(value).find_map(|(at, _)| {
                let before = line[..at].chars().next_back();
                let after = line[at + value.len()..].chars().next();
                let word = |c: Option<char>| {
                    c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
                };
                (!word(before) && !word(after)).then(|| (i + 1, line[..at].chars().count() + 1))
            })
        })
}

pub(crate) fn value_line(text: &str, value: &str) -> Option<usize> {
    value_line_within(text, value, 1..usize::MAX)
}

/// [`value_line`] among the lines `lines` (1-based, end exclusive), e.g. one block
/// found by [`block_lines`], so that the same value written in another year or entry
/// does not take the blame.
pub(crate) fn value_line_within(
    text: &str,
    value: &str,
    lines: std::ops::Range<usize>,
) -> Option<usize> {
    if value.is_empty() {
        return None;
    }
    text.lines()
        .enumerate()
        .skip(lines.start.saturating_sub(1))
        .take(lines.end.saturating_sub(lines.start))
        .find(|(_, line)| holds_scalar(line, value))
        .map(|(i, _)| i + 1)
}

/// [`value_line_within`] on a line that also has `key:` (`document: a/b`,
/// `{link: a/b}`), for a value that may stand under several keys of one block.
pub(crate) fn keyed_value_line_within(
    text: &str,
    key: &str,
    value: &str,
    lines: std::ops::Range<usize>,
) -> Option<usize> {
    let key = format!("{key}:");
    text.lines()
        .enumerate()
        .skip(lines.start.saturating_sub(1))
        .take(lines.end.saturating_sub(lines.start))
        .find(|(_, line)| {
            holds_scalar(line, &key[..key.len() - 1])
                && line.contains(&key)
                && holds_scalar(line, value)
        })
        .map(|(i, _)| i + 1)
}

/// Whether `line` has `value` bounded by YAML punctuation, quotes, spaces or its ends.
fn holds_scalar(line: &str, value: &str) -> bool {
    let is_edge = |c: Option<char>| {
        c.is_none_or(|c| {
            c.is_whitespace() || matches!(c, ':' | ',' | '[' | ']' | '{' | '}' | '"' | '\'' | '#')
        })
    };
    line.match_indices(value).any(|(at, _)| {
        is_edge(line[..at].chars().next_back()) && is_edge(line[at + value.len()..].chars().next())
    })
}

/// The 1-based lines (end exclusive) of the block under the nested keys `path`
/// (`["years", "2025"]`): from the last key's line to the next line indented no
/// deeper than it. The whole text when a key is not found.
pub(crate) fn block_lines(text: &str, path: &[&str]) -> std::ops::Range<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |line: &str| line.len() - line.trim_start().len();
    let (mut start, mut end) = (0, lines.len());
    for key in path {
        let found = (start..end).find(|&i| {
            let line = lines[i].trim_start().trim_start_matches("- ");
            let line = line.trim_start_matches(['"', '\'']);
            line.strip_prefix(key).is_some_and(|rest| {
                rest.trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with(':')
            })
        });
        let Some(i) = found else {
            return 1..lines.len() + 1;
        };
        let depth = indent(lines[i]);
        end = (i + 1..end)
            .find(|&j| !lines[j].trim().is_empty() && indent(lines[j]) <= depth)
            .unwrap_or(end);
        start = i;
    }
    start + 1..end + 1
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
    fn finds_the_line_of_a_key() {
        let text = "title: x\nmenu:\n  - title: a\n    url: /a/\n";
        assert_eq!(key_line(text, "menu"), Some(2));
        assert_eq!(key_line(text, "url"), Some(4));
        assert_eq!(key_line(text, "titl"), None);
    }

    #[test]
    fn finds_lines_of_list_entries_in_order() {
        let text = "- id: a\n  name: x\n- id: \"b\"\n- id: a\n";
        assert_eq!(entry_lines(text, "id", &["a", "b", "a"]), vec![1, 3, 4]);
    }

    #[test]
    fn reads_numbers_as_text() {
        let s: Sample = parse("title: 2025\n", Path::new("a.md"), 1).unwrap();
        assert_eq!(s.title, Text("2025".into()));
    }

    #[test]
    fn finds_a_value_as_a_whole_scalar_inside_a_block() {
        let text = "years:\n  2024:\n    effect: {link: a/b}\n    to: [ozernaya-oosh]\n  2025:\n    to: [x, ozernaya-oos]\n    document: a/b\n";
        assert_eq!(value_line(text, "ozernaya-oos"), Some(6));
        assert_eq!(value_line(text, "a/b"), Some(3));
        let year = block_lines(text, &["years", "2025"]);
        assert_eq!(year, 5..8);
        assert_eq!(value_line_within(text, "a/b", year), Some(7));
        assert_eq!(block_lines(text, &["years", "2024"]), 2..5);
        assert_eq!(block_lines(text, &["nope"]), 1..8);
    }
}
