//! Problems found in the user's files, reported all at once.
//!
//! Every stage pushes `Diagnostic`s into a `Diagnostics` list and keeps going with
//! what is valid; the build fails at the end if any of them is an error. Messages are
//! Russian because the reader is the department's specialist, not a programmer; each
//! says where (file, 1-based line and column), what is wrong and how to fix it.
//! The common problems also carry their [`Kind`], from which `messages` gives the
//! text in another language; the others are given in both languages where they are
//! found ([`tr!`](crate::tr)).

mod messages;

use std::fmt;
use std::path::{Path, PathBuf};

pub use messages::{Kind, Lang};

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
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// What kind of problem this is, when it is a common one; `message` and `hint`
    /// are then its Russian text.
    /// A problem said in words rather than by a common kind has [`Kind::Text`] here
    /// when the place that found it gave an English text too.
    pub kind: Option<Box<Kind>>,
}

/// A sentence in Russian and, when a call site gives one, in English: what
/// [`Diagnostic::error`] and [`Diagnostic::hint`] take. A bare `&str`/`String` is
/// Russian only; [`tr!`](crate::tr) gives both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tr {
    pub(crate) ru: String,
    pub(crate) en: Option<String>,
}

impl Tr {
    pub(crate) fn new(ru: impl Into<String>, en: impl Into<String>) -> Self {
        Tr {
            ru: ru.into(),
            en: Some(en.into()),
        }
    }

    /// The English text, or the Russian one when there is no English.
    pub(crate) fn english(&self) -> &str {
        self.en.as_deref().unwrap_or(&self.ru)
    }
}

impl From<String> for Tr {
    fn from(ru: String) -> Self {
        Tr { ru, en: None }
    }
}

impl From<&str> for Tr {
    fn from(ru: &str) -> Self {
        Tr::from(ru.to_string())
    }
}

impl From<&Tr> for Tr {
    fn from(text: &Tr) -> Self {
        text.clone()
    }
}

impl From<&String> for Tr {
    fn from(ru: &String) -> Self {
        Tr::from(ru.clone())
    }
}

/// `tr!("…{x}…", "…{x}…")`: a [`Tr`] from two format strings, Russian then English
/// (both take the same inline arguments); `tr!(ru_expr, en_expr)` from two strings.
#[macro_export]
#[doc(hidden)]
macro_rules! tr {
    ($ru:literal, $en:literal $(,)?) => {
        $crate::diagnostic::Tr::new(format!($ru), format!($en))
    };
    ($ru:expr, $en:expr $(,)?) => {
        $crate::diagnostic::Tr::new($ru, $en)
    };
}

/// What a diagnostic says: a Russian sentence, or a [`Kind`] that can say it in
/// several languages (and brings its own hint).
pub(crate) enum Said {
    Text(Tr),
    Kind(Kind),
}

impl From<String> for Said {
    fn from(text: String) -> Self {
        Said::Text(text.into())
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Self {
        Said::Text(text.into())
    }
}

impl From<&String> for Said {
    fn from(text: &String) -> Self {
        Said::Text(text.into())
    }
}

impl From<Tr> for Said {
    fn from(text: Tr) -> Self {
        Said::Text(text)
    }
}

impl From<Kind> for Said {
    fn from(kind: Kind) -> Self {
        Said::Kind(kind)
    }
}

impl Diagnostic {
    pub(crate) fn error(file: impl Into<PathBuf>, said: impl Into<Said>) -> Self {
        let (message, message_en, hint, kind) = match said.into() {
            Said::Text(text) => (text.ru, text.en, None, None),
            Said::Kind(kind) => {
                let (message, hint) = kind.text(Lang::Ru);
                (message, None::<String>, hint, Some(Box::new(kind)))
            }
        };
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message,
            hint,
            kind: kind.or_else(|| message_en.map(|en| Box::new(Kind::Text { en, hint_en: None }))),
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

    pub(crate) fn hint(mut self, hint: impl Into<Tr>) -> Self {
        let hint = hint.into();
        self.hint = Some(hint.ru);
        match (self.kind.as_deref_mut(), hint.en) {
            (Some(Kind::Text { hint_en, .. }), en) => *hint_en = en,
            (None, Some(en)) => {
                self.kind = Some(Box::new(Kind::Text {
                    en: self.message.clone(),
                    hint_en: Some(en),
                }))
            }
            // A common kind brings its own English hint.
            _ => {}
        }
        self
    }

    /// The message and the hint in `lang`; a text given only in Russian stays Russian.
    pub fn text(&self, lang: Lang) -> (String, Option<String>) {
        match lang {
            Lang::Ru => (self.message.clone(), self.hint.clone()),
            Lang::En => {
                let (message, hint) = match &self.kind {
                    Some(kind) => kind.text(lang),
                    None => (self.message.clone(), None),
                };
                let hint = hint.or_else(|| self.hint.clone());
                (message, hint)
            }
        }
    }

    /// Whether the message and the hint have an English text.
    #[cfg(test)]
    pub(crate) fn has_english(&self) -> bool {
        match self.kind.as_deref() {
            None => false,
            Some(Kind::Text { hint_en, .. }) => self.hint.is_none() || hint_en.is_some(),
            Some(_) => true,
        }
    }

    /// A stable id of the problem's kind for tools, when it has one.
    pub fn code(&self) -> Option<&'static str> {
        self.kind
            .as_deref()
            .filter(|kind| !matches!(kind, Kind::Text { .. }))
            .map(Kind::code)
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
        fn reading(kind: &Kind) -> bool {
            match kind {
                Kind::InField { inner, .. } => reading(inner),
                Kind::UnknownField { .. }
                | Kind::MissingField { .. }
                | Kind::UnknownValue { .. }
                | Kind::YamlTab
                | Kind::YamlIndent { .. }
                | Kind::YamlUnclosedQuote { .. }
                | Kind::YamlMisindented { .. }
                | Kind::YamlWrongType { .. }
                | Kind::YamlSyntax { .. }
                | Kind::YamlDuplicateKey { .. }
                | Kind::BadDate(_)
                | Kind::NoFrontMatter
                | Kind::UnclosedFrontMatter
                | Kind::MissingTitle
                | Kind::NotUtf8
                | Kind::NoConfig { .. }
                | Kind::CsvWidth { .. } => true,
                _ => false,
            }
        }
        self.is_error() && self.kind.as_deref().is_some_and(reading)
    }

    fn sort_key(&self) -> (bool, &Path, usize, usize, Severity, &str) {
        (
            !self.is_reading_problem(),
            &self.file,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
            &self.message,
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
        write!(f, ": {label}: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  подсказка: {hint}")?;
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

    /// See [`fill_columns`]: a column for every problem that has a line.
    pub(crate) fn fill_columns(&mut self, read: impl FnMut(&Path) -> Option<String>) {
        fill_columns(&mut self.0, read);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
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
            let said = tr!(
                "и ещё {more} сообщений об этом файле (показаны первые {PER_FILE}): исправьте их, и остальные будут видны при следующей проверке",
                "and {more} more problems in this file (the first {PER_FILE} are shown): fix these and the rest show at the next check"
            );
            let d = if any_error {
                Diagnostic::error(&file, said)
            } else {
                Diagnostic::warning(&file, said)
            };
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
    fn says_a_common_problem_in_english_and_the_rest_in_russian() {
        let common = Diagnostic::error("content/a.md", Kind::MissingTitle).at(2, 1);
        assert_eq!(common.message, "у страницы нет названия (title)");
        assert_eq!(common.text(Lang::En).0, "the page has no title");
        assert_eq!(common.code(), Some("missing-title"));
        let rare = Diagnostic::error("content/a.md", "редкая беда").hint("исправьте");
        assert_eq!(
            rare.text(Lang::En),
            ("редкая беда".to_string(), Some("исправьте".to_string()))
        );
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
        assert_eq!(d.message, "значение «12,5%» записано со знаком %");
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
        assert!(d.has_english());
        // A Russian hint added to a kind keeps the kind's English hint.
        let kind = Diagnostic::error("a.md", Kind::MissingTitle).hint("своя подсказка");
        assert_eq!(kind.text(Lang::Ru).1.as_deref(), Some("своя подсказка"));
        assert!(kind
            .text(Lang::En)
            .1
            .unwrap()
            .starts_with("add a line title"));
    }

    #[test]
    fn converted_messages_have_english_text() {
        let period =
            crate::model::Period::parse("2024/25", crate::model::PeriodKind::Year).unwrap_err();
        assert!(period.ru.starts_with("«2024/25» — учебный год"));
        assert!(period.en.unwrap().starts_with("“2024/25” is a school year"));
        let url = crate::config::validate_base_url("edu.example.ru").unwrap_err();
        assert_eq!(
            url.en.as_deref(),
            Some("base_url “edu.example.ru” is not a site address: it must start with https:// and a domain name")
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
}
