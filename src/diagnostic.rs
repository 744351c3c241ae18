//! Problems found in the user's files, reported all at once.
//!
//! Every stage pushes `Diagnostic`s into a `Diagnostics` list and keeps going with
//! what is valid; the build fails at the end if any of them is an error. Each says
//! where (file, 1-based line and column), what is wrong and how to fix it, as a
//! [`Message`] in Russian (the department's specialist reads these) and English.
//! The common problems are made by the constructors in `messages`, the others where
//! they are found with [`tr!`](crate::tr); both make the same type.

mod messages;

use std::fmt;
use std::path::{Path, PathBuf};

pub(crate) use messages::WithHint;
pub use messages::{Lang, Message};

/// How serious a problem is: errors fail the build, warnings are printed only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site cannot be published until this is fixed.
    Error,
    /// The site is published, but something deserves attention.
    Warning,
}

/// One problem in one place of the site's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Path relative to the site root (`content/news/a.md`), or the path as given.
    pub file: PathBuf,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong; its code tells tools the kind of problem. Boxed, as the
    /// hint: a diagnostic travels in `Result`s and should stay small.
    pub message: Box<Message>,
    /// How to fix it.
    pub hint: Option<Box<Message>>,
}

/// `tr!("…{x}…", "…{x}…")`: a [`Message`] from two format strings, Russian then
/// English (both take the same inline arguments); `tr!(ru_expr, en_expr)` from two
/// strings. Its code is `text`: a problem a tool would want to tell apart gets a
/// constructor in `messages` instead.
#[macro_export]
#[doc(hidden)]
macro_rules! tr {
    ($ru:literal, $en:literal $(,)?) => {
        $crate::Message::text(format!($ru), format!($en))
    };
    ($ru:expr, $en:expr $(,)?) => {
        $crate::Message::text($ru, $en)
    };
}

/// What a diagnostic is made from: a message alone, or a common problem with its hint.
pub(crate) struct Said {
    message: Message,
    hint: Option<Message>,
}

impl From<Message> for Said {
    fn from(message: Message) -> Self {
        Said {
            message,
            hint: None,
        }
    }
}

impl From<&Message> for Said {
    fn from(message: &Message) -> Self {
        Said::from(message.clone())
    }
}

impl From<WithHint> for Said {
    fn from((message, hint): WithHint) -> Self {
        Said {
            message,
            hint: Some(hint),
        }
    }
}

/// Russian text in tests that do not care about the English one.
#[cfg(test)]
impl From<&str> for Said {
    fn from(ru: &str) -> Self {
        Said::from(Message::from(ru))
    }
}

impl Diagnostic {
    pub(crate) fn error(file: impl Into<PathBuf>, said: impl Into<Said>) -> Self {
        let Said { message, hint } = said.into();
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: Box::new(message),
            hint: hint.map(Box::new),
        }
    }

    pub(crate) fn warning(file: impl Into<PathBuf>, said: impl Into<Said>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, said)
        }
    }

    pub(crate) fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub(crate) fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    pub(crate) fn hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(Box::new(hint.into()));
        self
    }

    /// The message and the hint in `lang`.
    pub fn text(&self, lang: Lang) -> (String, Option<String>) {
        (
            self.message.get(lang).to_string(),
            self.hint.as_ref().map(|hint| hint.get(lang).to_string()),
        )
    }

    /// A stable id of the problem's kind for tools, when it has one.
    pub fn code(&self) -> Option<&'static str> {
        Some(self.message.code()).filter(|code| *code != messages::TEXT)
    }

    /// Whether this problem fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this is a problem of reading a file (its syntax, keys, encoding, a
    /// value of the wrong form), as opposed to a problem found by checking what was
    /// read. When a file cannot be read, everything that refers to it fails too, so
    /// these come first: the one real mistake above the dozens it causes.
    pub fn is_reading_problem(&self) -> bool {
        const READING: &[&str] = &[
            "unknown-field",
            "missing-field",
            "unknown-value",
            "yaml-tab",
            "yaml-indent",
            "yaml-unclosed-quote",
            "yaml-misindented",
            "yaml-wrong-type",
            "yaml-syntax",
            "yaml-duplicate-key",
            "bad-date",
            "no-front-matter",
            "unclosed-front-matter",
            "missing-title",
            "not-utf8",
            "no-config",
            "csv-width",
        ];
        self.is_error() && READING.contains(&self.message.code())
    }

    fn sort_key(&self) -> (bool, &Path, usize, usize, Severity, &str) {
        (
            !self.is_reading_problem(),
            &self.file,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            self.message.ru(),
        )
    }
}

/// `file:line:col: ошибка: message` (the shape editors and CI annotations parse),
/// then the hint on its own line.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let label = match self.severity {
            Severity::Error => "ошибка",
            Severity::Warning => "предупреждение",
        };
        write!(f, ": {label}: {}", self.message.ru())?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  подсказка: {}", hint.ru())?;
        }
        Ok(())
    }
}

/// The problems collected by a build, in a stable order.
#[derive(Debug, Default, Clone)]
pub(crate) struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub(crate) fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(more);
    }

    /// The problems of `more` after these, in their order (a part done in parallel).
    pub(crate) fn append(&mut self, mut more: Diagnostics) {
        self.0.append(&mut more.0);
    }

    /// See [`fill_columns`]: a column for every problem that has a line.
    pub(crate) fn fill_columns(&mut self, read: impl FnMut(&Path) -> Option<String>) {
        fill_columns(&mut self.0, read);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// The problems as collected, unsorted.
    pub(crate) fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// Problems of reading files first (see [`Diagnostic::is_reading_problem`]),
    /// then each group sorted by file, line, column, so that parallel stages report
    /// in the same order on every run.
    ///
    /// At most [`PER_FILE`] problems are kept per file, then one line says how many
    /// more there are: 40,000 bad rows of one export are one mistake repeated, and
    /// printing all of them helps nobody.
    pub(crate) fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
        cap_per_file(self.0)
    }
}

/// How many problems of one file are shown.
pub(crate) const PER_FILE: usize = 50;

fn cap_per_file(sorted: Vec<Diagnostic>) -> Vec<Diagnostic> {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for d in &sorted {
        *counts.entry(d.file.clone()).or_default() += 1;
    }
    if counts.values().all(|&n| n <= PER_FILE) {
        return sorted;
    }
    let mut shown: BTreeMap<PathBuf, usize> = BTreeMap::new();
    let mut hidden_errors: BTreeMap<PathBuf, bool> = BTreeMap::new();
    let mut out = Vec::with_capacity(sorted.len().min(counts.len() * (PER_FILE + 1)));
    let mut last_shown: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for d in sorted {
        let n = shown.entry(d.file.clone()).or_default();
        if *n < PER_FILE {
            *n += 1;
            last_shown.insert(d.file.clone(), out.len());
            out.push(d);
        } else {
            *hidden_errors.entry(d.file.clone()).or_default() |= d.is_error();
        }
    }
    // «и ещё N» right after the last problem shown of each file, from the end so
    // that the positions stay valid.
    let mut inserts: Vec<(usize, Diagnostic)> = hidden_errors
        .into_iter()
        .map(|(file, any_error)| {
            let more = counts[&file] - PER_FILE;
            let more = tr!(
                "и ещё {more} сообщений об этом файле (показаны первые {PER_FILE})",
                "and {more} more problems in this file (the first {PER_FILE} are shown)"
            );
            let d = if any_error {
                Diagnostic::error(&file, more)
            } else {
                Diagnostic::warning(&file, more)
            };
            let d = d.hint(tr!(
                "исправьте показанные: часто это одна ошибка, повторённая во многих строках; остальные сообщения будут видны при следующей проверке",
                "fix the ones shown: often it is one mistake repeated on many lines; the rest show at the next check"
            ));
            (last_shown[&file] + 1, d)
        })
        .collect();
    inserts.sort_by_key(|insert| std::cmp::Reverse(insert.0));
    for (at, d) in inserts {
        out.insert(at, d);
    }
    out
}

/// Where each line of a text starts, so that finding the line of many positions in
/// one file costs a binary search each instead of a scan from the start.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// Line and column (both 1-based, column in characters) of a byte offset.
    pub(crate) fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// The text of a 1-based line, without its line end.
    pub(crate) fn line(&self, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        self.text[start..end].trim_end_matches('\r')
    }
}

/// Gives a column to problems that have only a line: the first character of the line
/// that is not a space, so that `file:line:column` is complete for editors and CI.
/// `read` gives a file's text by its path as the diagnostic names it.
fn fill_columns(diagnostics: &mut [Diagnostic], mut read: impl FnMut(&Path) -> Option<String>) {
    let mut texts: std::collections::BTreeMap<PathBuf, Option<String>> = Default::default();
    let mut wanted: Vec<usize> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if let (Some(_), None) = (d.line, d.column) {
            texts.entry(d.file.clone()).or_insert_with(|| read(&d.file));
            wanted.push(i);
        }
    }
    let indexes: std::collections::BTreeMap<&PathBuf, LineIndex<'_>> = texts
        .iter()
        .filter_map(|(file, text)| Some((file, LineIndex::new(text.as_deref()?))))
        .collect();
    for i in wanted {
        let d = &mut diagnostics[i];
        let Some(line) = d.line else { continue };
        let Some(index) = indexes.get(&d.file) else {
            continue;
        };
        let the_line = index.line(line);
        let indent = the_line.chars().take_while(|c| c.is_whitespace()).count();
        d.column = Some(if the_line.trim().is_empty() {
            1
        } else {
            indent + 1
        });
    }
}

/// Line and column (both 1-based, column in characters) of a byte offset in `text`.
/// One position only; for many positions in one text use [`LineIndex`].
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_finds_lines_and_columns_like_line_column() {
        let text = "аб\nв\r\n\nгде";
        let index = LineIndex::new(text);
        for offset in [0, 2, 4, 5, 7, 8, 9, text.len()] {
            assert_eq!(
                index.line_column(offset),
                line_column(text, offset),
                "{offset}"
            );
        }
        assert_eq!(index.line(2), "в");
        assert_eq!(index.line(3), "");
        assert_eq!(index.line(4), "где");
        assert_eq!(index.line(9), "");
    }

    #[test]
    fn shows_fifty_problems_per_file_then_how_many_more() {
        let mut list = Diagnostics::default();
        for line in 1..=120 {
            list.push(Diagnostic::error("data/a.csv", "плохо").at(line, 1));
        }
        list.push(Diagnostic::error("data/b.csv", "плохо").at(1, 1));
        let sorted = list.into_sorted();
        assert_eq!(sorted.len(), 52);
        assert_eq!(sorted[49].line, Some(50));
        assert!(sorted[50]
            .message
            .ru
            .starts_with("и ещё 70 сообщений об этом файле (показаны первые 50)"));
        assert!(sorted[50].is_error());
        assert_eq!(sorted[51].file, PathBuf::from("data/b.csv"));
    }

    #[test]
    fn prints_file_line_column_and_hint() {
        let d = Diagnostic::error("content/a.md", "нет заголовка")
            .at(3, 7)
            .hint("добавьте title");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:7: ошибка: нет заголовка\n  подсказка: добавьте title"
        );
    }

    #[test]
    fn says_a_common_problem_in_either_language_with_its_code() {
        let common = Diagnostic::error("content/a.md", Message::missing_title()).at(2, 1);
        assert_eq!(common.message.ru, "у страницы нет названия (title)");
        assert_eq!(common.text(Lang::En).0, "the page has no title");
        assert_eq!(common.code(), Some("missing-title"));
        assert!(common.is_reading_problem());
        let rare = Diagnostic::error("content/a.md", tr!("редкая беда", "a rare trouble"));
        assert_eq!(rare.code(), None);
        assert!(!rare.is_reading_problem());
    }

    #[test]
    fn says_a_two_language_message_and_hint_in_each_language() {
        let value = "12,5%";
        let d = Diagnostic::error(
            "data/values/x.csv",
            tr!(
                "значение «{value}» записано со знаком %",
                "the value “{value}” is written with a % sign"
            ),
        )
        .hint(tr!("пишите только число", "write only the number"));
        assert_eq!(d.message.ru, "значение «12,5%» записано со знаком %");
        assert_eq!(
            d.to_string(),
            "data/values/x.csv: ошибка: значение «12,5%» записано со знаком %\n  подсказка: пишите только число"
        );
        assert_eq!(
            d.text(Lang::En),
            (
                "the value “12,5%” is written with a % sign".to_string(),
                Some("write only the number".to_string())
            )
        );
        // A hint given at the place of the problem replaces the common one, in
        // both languages.
        let kind = Diagnostic::error("a.md", Message::missing_title())
            .hint(tr!("своя подсказка", "a hint of its own"));
        assert_eq!(kind.text(Lang::En).1.as_deref(), Some("a hint of its own"));
    }

    #[test]
    fn converted_messages_have_english_text() {
        let period =
            crate::model::Period::parse("2024/25", crate::model::PeriodKind::Year).unwrap_err();
        assert!(period.ru.starts_with("«2024/25» — учебный год"));
        assert!(period.en.starts_with("“2024/25” is a school year"));
        let url = crate::config::validate_base_url("edu.example.ru").unwrap_err();
        assert_eq!(
            url.en,
            "base_url “edu.example.ru” is not a site address: it must start with https:// and a domain name"
        );
    }

    #[test]
    fn counts_lines_and_columns_from_one() {
        let text = "ab\nвгд\ne";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // Column counts characters, not bytes: «д» is the third character.
        assert_eq!(line_column(text, 3 + 4), (2, 3));
        assert_eq!(line_column(text, text.len()), (3, 2));
    }

    #[test]
    fn sorts_by_place_not_by_arrival() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::error("b.md", "x").at(1, 1));
        all.push(Diagnostic::warning("a.md", "y").at(9, 1));
        all.push(Diagnostic::error("a.md", "z").at(2, 1));
        let lines: Vec<_> = all
            .into_sorted()
            .into_iter()
            .map(|d| (d.file, d.line))
            .collect();
        assert_eq!(
            lines,
            vec![
                (PathBuf::from("a.md"), Some(2)),
                (PathBuf::from("a.md"), Some(9)),
                (PathBuf::from("b.md"), Some(1))
            ]
        );
    }
    /// The end of the parenthesised group that opens at `open` (a `(`), skipping
    /// string literals; good enough for the sources of this crate.
    fn closing_paren(text: &[u8], open: usize) -> Option<usize> {
        let (mut depth, mut in_string, mut i) = (0usize, false, open);
        while i < text.len() {
            match (in_string, text[i]) {
                (true, b'\\') => i += 1,
                (true, b'"') => in_string = false,
                (false, b'"') => in_string = true,
                (false, b'(') => depth += 1,
                (false, b')') => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(i);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        None
    }

    /// Whether the calls chained after `rest` (`.at(…)`, `.at_line(…)`) include `.hint(`.
    fn chains_a_hint(rest: &str) -> bool {
        let mut rest = rest;
        loop {
            let trimmed = rest.trim_start();
            let Some(call) = trimmed.strip_prefix('.') else {
                return false;
            };
            let name: String = call
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name == "hint" {
                return true;
            }
            let open = trimmed.len() - call.len() + name.len();
            if trimmed.as_bytes().get(open) != Some(&b'(') {
                return false;
            }
            let Some(close) = closing_paren(trimmed.as_bytes(), open) else {
                return false;
            };
            rest = &trimmed[close + 1..];
        }
    }

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Issue 19: every problem says how to fix it. A diagnostic gets its hint from a
    /// common constructor (`Message::…`, which returns a message with its hint) or
    /// from `.hint(…)` chained where it is made; a helper that makes diagnostics
    /// takes the hint as an argument. Test code is not scanned.
    #[test]
    fn every_diagnostic_made_in_the_sources_has_a_hint() {
        // Variables that hold a common problem with its hint (`WithHint`).
        const WITH_HINT: &[&str] = &["said", "found.said", "kind"];
        let mut files = Vec::new();
        rust_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut missing = Vec::new();
        for file in files.iter().filter(|f| !f.ends_with("tests.rs")) {
            let text = std::fs::read_to_string(file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            for start in ["Diagnostic::error(", "Diagnostic::warning("]
                .iter()
                .flat_map(|call| code.match_indices(call).map(|(i, c)| i + c.len() - 1))
            {
                let Some(close) = closing_paren(code.as_bytes(), start) else {
                    continue;
                };
                let args = &code[start + 1..close];
                let said = args.rsplit_once(',').map_or(args, |(_, said)| said).trim();
                let has_hint = args.contains("Message::")
                    || WITH_HINT.contains(&said)
                    || chains_a_hint(&code[close + 1..]);
                if !has_hint {
                    let line = code[..start].matches('\n').count() + 1;
                    missing.push(format!("{}:{line}", file.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "diagnostics without a hint: {missing:#?}"
        );
    }
}
