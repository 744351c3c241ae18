//! What is checked before YAML is handed to the parser.
//!
//! The parser takes time that grows faster than the input for deep flow nesting
//! (100,000 `[` took close to a minute), so text nested deeper than [`MAX_DEPTH`]
//! is rejected first, at the bracket that goes too deep. And a file cut short (a
//! copy interrupted, a disk full) often still parses — as a shorter plan with one
//! warning — so a whole file that is empty, or whose last line stops half-way (no line end after a key
//! with no value, a list dash or spaces) is reported as cut off at that line.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::tr;

/// The deepest nesting of `[` and `{` a data file may have; real files use 2 or 3.
pub(crate) const MAX_DEPTH: usize = 32;

/// The first problem that makes `text` not worth parsing; `first_line` is the file
/// line on which `text` begins, `whole` whether `text` is a whole file.
pub(crate) fn precheck(
    text: &str,
    file: &Path,
    first_line: usize,
    whole: bool,
) -> Option<Diagnostic> {
    if let Some((line, column)) = too_deep(text) {
        return Some(
            Diagnostic::error(
                file,
                tr!(
                    "скобки [ и {{ вложены друг в друга глубже {MAX_DEPTH} уровней; файл не читается",
                    "the brackets [ and {{ are nested deeper than {MAX_DEPTH} levels; the file is not read"
                ),
            )
            .at(line + first_line - 1, column)
            .hint(tr!(
                "проверьте, что каждая открытая скобка закрыта; списки удобнее писать строками «- …»",
                "check that every bracket opened is closed; lists read better as lines “- …”"
            )),
        );
    }
    if whole && is_blank(text) {
        return Some(
            Diagnostic::error(
                file,
                tr!(
                    "файл пуст: в нём нет ни одной записи",
                    "the file is empty: it holds no entries"
                ),
            )
            .at(1, 1)
            .hint(tr!(
                "восстановите содержимое (из резервной копии или истории git); если файл не нужен, удалите его",
                "restore its content (from a backup or the git history); if the file is not needed, delete it"
            )),
        );
    }
    if whole {
        if let Some((line, last)) = cut_off(text) {
            let said = if last.is_empty() {
                tr!(
                    "файл обрывается посреди записи (последняя строка не закончена): похоже, он сохранён или скопирован не полностью, и часть записей потеряна",
                    "the file breaks off in the middle of an entry (its last line is unfinished): it looks saved or copied only in part, and some entries are lost"
                )
            } else {
                tr!(
                    "файл обрывается на незаконченной строке «{last}»: похоже, он сохранён или скопирован не полностью, и часть записей потеряна",
                    "the file breaks off in the unfinished line “{last}”: it looks saved or copied only in part, and some entries are lost"
                )
            };
            return Some(
                Diagnostic::error(file, said)
                .at(line + first_line - 1, 1)
                .hint(tr!(
                    "восстановите конец файла (из резервной копии или истории git) или допишите последнюю запись",
                    "restore the end of the file (from a backup or the git history) or finish the last entry"
                )),
            );
        }
    }
    None
}

/// Nothing but spaces and comments: a file emptied by mistake would otherwise read as
/// "no settings", and its absence be blamed on whatever needs them.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---")
}

/// Line and column (1-based) of the first `[`/`{` deeper than [`MAX_DEPTH`], outside
/// quotes and comments.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (index, line) in text.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        for (column, c) in line.chars().enumerate() {
            match (quote, c) {
                (Some('"'), '\\') if previous != '\\' => {}
                (Some(q), _) if c == q && !(q == '"' && previous == '\\') => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if matches!(previous, ' ' | '[' | '{' | ',' | ':') => {
                    quote = Some(c)
                }
                (None, '#') if previous == ' ' || column == 0 => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some((index + 1, column + 1));
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = if previous == '\\' && c == '\\' {
                ' '
            } else {
                c
            };
        }
    }
    None
}

/// The line (1-based) and text of a last line that stops half-way: the file does not
/// end with a line end, and its last line is only spaces, a list dash, or a key with
/// nothing after the colon.
fn cut_off(text: &str) -> Option<(usize, String)> {
    if text.is_empty() || text.ends_with('\n') {
        return None;
    }
    let last = text.rsplit('\n').next().unwrap_or(text);
    let trimmed = last.trim();
    let unfinished = trimmed.is_empty() || trimmed == "-" || trimmed.ends_with(':');
    unfinished.then(|| (text.lines().count().max(1), trimmed.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Option<(usize, usize, String)> {
        precheck(text, Path::new("a.yaml"), 1, true)
            .map(|d| (d.line.unwrap(), d.column.unwrap(), d.message.ru))
    }

    #[test]
    fn rejects_deep_nesting_at_the_bracket_and_quickly() {
        let deep = format!("a: {}", "[".repeat(100_000));
        let started = std::time::Instant::now();
        let (line, column, message) = check(&deep).unwrap();
        assert!(started.elapsed().as_secs() < 5);
        assert_eq!((line, column), (1, 4 + MAX_DEPTH));
        assert!(message.contains("глубже 32 уровней"));
        assert_eq!(check("a: [[1, 2], {b: \"[[[[\"}]\n# [[[[[\n"), None);
    }

    #[test]
    fn reports_an_empty_file() {
        assert!(check("").unwrap().2.starts_with("файл пуст"));
        assert!(check("# пороги\n\n").unwrap().2.starts_with("файл пуст"));
        assert_eq!(check("a: 1\n"), None);
    }

    #[test]
    fn reports_a_file_cut_off_in_the_middle_of_an_entry() {
        let (line, _, message) = check("items:\n  - title: x\n    due:").unwrap();
        assert_eq!(line, 3);
        assert!(message.contains("«due:»"), "{message}");
        assert_eq!(check("items:\n  - title: x\n       ").unwrap().0, 3);
        // A file without a final line end is fine when its last line is complete
        // (Notepad saves so).
        assert_eq!(check("items:\n  - title: x"), None);
        assert_eq!(check("a: 1\n"), None);
    }
}
