//! Warnings about text pasted from Word (see `text::find_flaws`), pointed at the
//! place in the source file: the flaw's fragment is looked for from the line of the
//! field that holds it, so the warning has the line and column of the fragment
//! itself, not of the field. Where YAML escaping hides the fragment, the field's
//! line stands.

use std::path::Path;

use crate::diagnostic::{line_column, Diagnostic, Diagnostics};
use crate::text::find_flaws;

/// Warns about each flaw of `value`, the text of a field on `line` of `source`;
/// `source` starts on line `first_line` of the file (front matter starts on 2).
pub(crate) fn check_text(
    file: &Path,
    (source, first_line): (&str, usize),
    line: usize,
    value: &str,
    diagnostics: &mut Diagnostics,
) {
    let flaws = find_flaws(value);
    if flaws.is_empty() {
        return;
    }
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    // The field's value runs a few lines at most; flaws come in order, so each is
    // searched after the previous one.
    let window_end = source[line_start.min(source.len())..]
        .split_inclusive('\n')
        .take(8)
        .map(str::len)
        .sum::<usize>()
        + line_start;
    // Start after the key's colon, so that the indentation is not taken for a run
    // of spaces inside the value.
    let mut cursor = source
        .get(line_start..)
        .and_then(|rest| rest.split('\n').next())
        .and_then(|line| line.find(':'))
        .map_or(line_start, |colon| line_start + colon + 1);
    for flaw in flaws {
        let (said, hint) = flaw.kind.said();
        let fragment = if flaw.fragment == "\"" {
            "\\\"".to_string()
        } else {
            flaw.fragment.clone()
        };
        let found = source
            .get(cursor..window_end.min(source.len()))
            .and_then(|rest| rest.find(&fragment))
            .map(|i| cursor + i);
        let diagnostic = Diagnostic::warning(file, said).hint(hint);
        diagnostics.push(match found {
            Some(at) => {
                cursor = at + fragment.len().max(1);
                let (line, column) = line_column(source, at);
                diagnostic.at(line + first_line - 1, column)
            }
            None => diagnostic.at_line(line + first_line - 1),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_fragment_itself() {
        let source = "items:\n  - title: \"Анализ мони- торинга\"\n    due: май\n";
        let mut diagnostics = Diagnostics::default();
        check_text(
            Path::new("p.yaml"),
            (source, 1),
            2,
            "Анализ мони- торинга",
            &mut diagnostics,
        );
        let all = diagnostics.into_sorted();
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].line, all[0].column), (Some(2), Some(20)));
        assert!(all[0]
            .message
            .ru
            .starts_with("слово разорвано переносом из Word: «мониторинга»"));
    }
}
