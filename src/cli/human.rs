//! Diagnostics and the summary for people: the first line is the classic
//! `file:line:col: ошибка: message` (editors and CI logs parse it), then the line of
//! the file with the spot underlined (ariadne), then the hint.
//!
//! The source text is read here, at print time: the library's `Diagnostic` stays
//! plain data, and a file that cannot be read (or a message about the embedded
//! theme, or without a line) is simply printed without its snippet.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};
use msoko::{tr, Diagnostic, Lang, Severity};

use super::words::{self, Verb};

/// A source file as read for snippets: its text, and ariadne's index of its lines,
/// built once per file (building it for each of 50 messages about a file of 40,000
/// rows took seconds).
type Read = Rc<(String, Source<String>)>;

/// Prints diagnostics, reading each source file once.
pub(crate) struct Printer<'a> {
    root: &'a Path,
    lang: Lang,
    color: bool,
    files: HashMap<PathBuf, Option<Read>>,
}

impl<'a> Printer<'a> {
    pub(crate) fn new(root: &'a Path, lang: Lang, color: bool) -> Self {
        Printer {
            root,
            lang,
            color,
            files: HashMap::new(),
        }
    }

    /// One diagnostic with its snippet and hint, ending with a newline.
    pub(crate) fn render(&mut self, diagnostic: &Diagnostic) -> String {
        let (message, hint) = diagnostic.text(self.lang);
        let head = format!(
            "{}: {}",
            location(diagnostic),
            words::severity(self.lang, diagnostic.severity)
        );
        let snippet = diagnostic.line.and_then(|line| {
            let read = self.source(&diagnostic.file)?;
            let csv = diagnostic.file.extension().is_some_and(|e| e == "csv");
            let span = span_of(&read.0, line, diagnostic.column, csv)?;
            // Nothing to underline in an empty file (ariadne would panic on the span).
            let span = span.start.min(read.0.len())..span.end.min(read.0.len());
            if span.is_empty() && read.0.trim().is_empty() {
                return None;
            }
            self.snippet(&head, &message, diagnostic, &read.1, span)
        });
        let mut out = snippet.unwrap_or_else(|| format!("{head}: {message}\n"));
        if let Some(hint) = hint {
            let _ = writeln!(out, "  {}: {hint}", words::hint(self.lang));
        }
        out
    }

    fn source(&mut self, file: &Path) -> Option<Read> {
        let path = if file.is_absolute() {
            file.to_path_buf()
        } else {
            self.root.join(file)
        };
        self.files
            .entry(path.clone())
            .or_insert_with(|| {
                msoko::source_text(&path).map(|text| Rc::new((text.clone(), Source::from(text))))
            })
            .clone()
    }

    fn snippet(
        &self,
        head: &str,
        message: &str,
        diagnostic: &Diagnostic,
        source: &Source<String>,
        span: Range<usize>,
    ) -> Option<String> {
        let name = diagnostic.file.display().to_string();
        let color = match diagnostic.severity {
            Severity::Error => Color::Red,
            Severity::Warning => Color::Yellow,
        };
        let config = Config::default()
            .with_index_type(IndexType::Byte)
            .with_color(self.color);
        let mut out = Vec::new();
        Report::build(ReportKind::Error, (name.clone(), span.clone()))
            .with_config(config)
            .with_label(
                Label::new((name.clone(), span))
                    .with_color(color)
                    .with_message(match self.lang {
                        Lang::En => "here",
                        Lang::Ru => "здесь",
                    }),
            )
            .finish()
            .write((name, source), &mut out)
            .ok()?;
        let drawn = String::from_utf8(out).ok()?;
        // ariadne's own first line ("Error:") is replaced by ours, in our words.
        let (_, body) = drawn.split_once('\n')?;
        let head = if self.color {
            let code = match diagnostic.severity {
                Severity::Error => 31,
                Severity::Warning => 33,
            };
            format!("\x1b[1;{code}m{head}:\x1b[0m")
        } else {
            format!("{head}:")
        };
        Some(format!("{head} {message}\n{body}"))
    }
}

/// The last lines: the outcome, the counts, the time of each stage.
pub(crate) fn summary(report: &msoko::Report, verb: Verb, lang: Lang) -> String {
    let (errors, warnings) = (report.errors(), report.warnings());
    let noun = verb.noun(lang);
    let (errors_en, warnings_en) = (
        words::count_en(errors, "error"),
        words::count_en(warnings, "warning"),
    );
    if report.has_errors() {
        let reading = report
            .diagnostics
            .iter()
            .filter(|d| d.is_reading_problem())
            .count();
        let others = errors - reading.min(errors);
        let first = if reading == 0 || others == 0 {
            String::new()
        } else {
            tr!(
                "Сначала исправьте ошибки чтения файлов в начале списка ({reading}): остальные ({others}) могут быть их следствием.\n",
                "Fix the {reading} file reading error(s) at the top first: the other {others} may follow from them.\n"
            )
            .get(lang)
            .to_string()
        };
        let failed = match verb {
            Verb::Build => tr!(
                "{noun} не удалась: ошибок — {errors}, предупреждений — {warnings}. Сайт не изменён.\n",
                "{noun} failed: {errors_en}, {warnings_en}. The site was not changed.\n"
            ),
            Verb::Check => tr!(
                "{noun} не удалась: ошибок — {errors}, предупреждений — {warnings}.\n",
                "{noun} failed: {errors_en}, {warnings_en}.\n"
            ),
        };
        return first + failed.get(lang);
    }
    let seconds = words::seconds(lang, report.elapsed);
    let (pages, charts, files) = (report.pages, report.charts, report.files);
    let written = report.written.map_or(tr!("", ""), |w| {
        let (written, unchanged) = (w.written, w.unchanged);
        tr!(
            " (записано {written}, без изменений {unchanged})",
            " ({written} written, {unchanged} unchanged)"
        )
    });
    let (written_ru, written_en) = (written.get(Lang::Ru), written.get(Lang::En));
    let mut out = tr!(
        "{noun} завершена за {seconds}: страниц — {pages}, диаграмм — {charts}, файлов — {files}{written_ru}, предупреждений — {warnings}.\n",
        "{noun} finished in {seconds}: {pages} pages, {charts} charts, {files} files{written_en}, {warnings_en}.\n"
    )
    .get(lang)
    .to_string();
    let stages: Vec<String> = report
        .stages
        .iter()
        .map(|t| {
            format!(
                "{} {}",
                words::stage(lang, t.stage),
                words::seconds(lang, t.elapsed)
            )
        })
        .collect();
    let label = tr!("По этапам", "By stage");
    let label = label.get(lang);
    let _ = writeln!(out, "{label}: {}.", stages.join(" · "));
    out
}

/// `file:line:col`, `file:line` or `file`.
fn location(diagnostic: &Diagnostic) -> String {
    let mut out = diagnostic.file.display().to_string();
    if let Some(line) = diagnostic.line {
        let _ = write!(out, ":{line}");
        if let Some(column) = diagnostic.column {
            let _ = write!(out, ":{column}");
        }
    }
    out
}

/// The bytes to underline: from the column to the end of what starts there (a
/// Markdown link, a shortcode, a word), or the whole line when there is no column.
fn span_of(text: &str, line: usize, column: Option<usize>, csv: bool) -> Option<Range<usize>> {
    let start_of_line: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let rest = text.get(start_of_line..)?;
    if rest.is_empty() && line > 1 {
        return None;
    }
    let the_line = rest.split('\n').next().unwrap_or("");
    let Some(column) = column else {
        let indent = the_line.len() - the_line.trim_start().len();
        let end = the_line.trim_end().len().max(indent + 1);
        return Some(start_of_line + indent..start_of_line + end);
    };
    let offset = the_line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(the_line.len(), |(i, _)| i);
    let from = &the_line[offset..];
    let length = if csv {
        // One cell: to its closing quote, or to the next separator.
        match from.strip_prefix('"') {
            Some(rest) => rest.find('"').map(|i| i + 2),
            None => from.find([',', ';']),
        }
    } else if from.starts_with('[') {
        from.find(')').map(|i| i + 1)
    } else if from.starts_with("{{") {
        from.find("}}").map(|i| i + 2)
    } else if from.starts_with("{%") {
        from.find("%}").map(|i| i + 2)
    } else {
        None
    }
    .unwrap_or_else(|| from.find(char::is_whitespace).unwrap_or(from.len()));
    let start = start_of_line + offset;
    // At least the whole first character: a non-breaking space is two bytes.
    let first = from.chars().next().map_or(1, char::len_utf8);
    Some(start..start + length.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use msoko::Message;

    #[test]
    fn underlines_a_non_breaking_space_whole() {
        let text = "a: 1\n\u{a0}\u{a0}title: x\n";
        assert_eq!(span_of(text, 2, Some(1), false), Some(5..7));
    }

    fn printed(file_text: &str, diagnostic: Diagnostic, lang: Lang) -> String {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), file_text).unwrap();
        Printer::new(dir.path(), lang, false).render(&diagnostic)
    }

    fn date_problem() -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: "a.md".into(),
            line: Some(3),
            column: Some(7),
            message: Box::new(Message::text(
                "в дате «31.13.2025» месяца 13 нет",
                "there is no month 13 in the date “31.13.2025”",
            )),
            hint: Some(Box::new(Message::text(
                "пишите дату в виде ГГГГ-ММ-ДД",
                "write the date as YYYY-MM-DD",
            ))),
        }
    }

    #[test]
    fn underlines_the_value_under_the_classic_first_line() {
        let out = printed(
            "---\ntitle: А\ndate: 31.13.2025\n---\n",
            date_problem(),
            Lang::Ru,
        );
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "a.md:3:7: ошибка: в дате «31.13.2025» месяца 13 нет"
        );
        let source = lines.iter().position(|l| l.contains("date: 31.13.2025"));
        let source = source.unwrap_or_else(|| panic!("{out}"));
        let marks = lines[source + 1];
        let value_at = lines[source].find("31.13").unwrap();
        assert_eq!(
            marks.find(|c: char| c != ' ' && c != '│' && c != '·'),
            Some(value_at),
            "{out}"
        );
        assert!(
            out.ends_with("  подсказка: пишите дату в виде ГГГГ-ММ-ДД\n"),
            "{out}"
        );
    }

    #[test]
    fn prints_without_a_snippet_when_the_file_is_not_there() {
        let mut d = date_problem();
        d.file = "missing.md".into();
        let out = printed("", d, Lang::Ru);
        assert_eq!(
            out,
            "missing.md:3:7: ошибка: в дате «31.13.2025» месяца 13 нет\n  подсказка: пишите дату в виде ГГГГ-ММ-ДД\n"
        );
    }

    #[test]
    fn finds_the_extent_of_a_link_a_shortcode_and_a_word() {
        let text = "a\nСм. [отчёт](/r/) и {{ kpi(x=1) }} далее\n";
        let line_start = 2;
        let span = span_of(text, 2, Some(5), false).unwrap();
        assert_eq!(&text[span], "[отчёт](/r/)");
        let span = span_of(text, 2, Some(20), false).unwrap();
        assert_eq!(&text[span], "{{ kpi(x=1) }}");
        let span = span_of(text, 2, Some(1), false).unwrap();
        assert_eq!(&text[span], "См.");
        let span = span_of(text, 2, None, false).unwrap();
        assert_eq!(span.start, line_start);
        assert!(span_of(text, 9, Some(1), false).is_none());
    }

    #[test]
    fn underlines_exactly_one_csv_cell() {
        let text = "year,org,value\n2025,sosh-99,\"12,5\",x\n";
        let span = span_of(text, 2, Some(6), true).unwrap();
        assert_eq!(&text[span], "sosh-99");
        let span = span_of(text, 2, Some(14), true).unwrap();
        assert_eq!(&text[span], "\"12,5\"");
        let span = span_of(text, 2, Some(21), true).unwrap();
        assert_eq!(&text[span], "x");
    }
}
