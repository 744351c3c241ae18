//! The mistakes people make in YAML, told in words when serde_yaml has failed.
//!
//! serde_yaml reports where it got lost, not where the mistake is: a missing closing
//! quote shows up lines later as «did not find expected key»; a non-breaking space
//! copied from Word into the indentation makes a visible `title:` a part of another
//! value, and the error is «нет обязательного поля title»; a key moved by one space
//! is «missing» too. So after a failed parse the text is searched for these mistakes,
//! in this order, and the first one found is reported at its own line and column:
//! an unclosed quote, a tab or an unusual space in the indentation, a key that is
//! present but not aligned with its neighbours. When none is found the parser's own
//! error stands.

use crate::diagnostic::{Message, WithHint};

/// A mistake found: what to say, how to fix it, and where (1-based, in the text).
pub(super) struct Mistake {
    pub(super) said: WithHint,
    pub(super) line: usize,
    pub(super) column: usize,
}

/// Looks for a known mistake behind a parser error at `at` (line, column) with the
/// parser's `message`; `missing` is the field serde reported missing, if it did.
pub(super) fn explain(
    text: &str,
    message: &str,
    at: Option<(usize, usize)>,
    missing: Option<&str>,
) -> Option<Mistake> {
    let error_line = at.map_or(usize::MAX, |(line, _)| line);
    unclosed_quote(text, message, error_line)
        .or_else(|| odd_indentation(text))
        .or_else(|| misindented(text, at?, missing?))
}

/// Where a quoted value opened and where it closed (None: never).
struct Quoted {
    line: usize,
    column: usize,
    closed_on: Option<usize>,
}

/// Every quoted value of the text that spans more than one line, in order.
fn multiline_quotes(text: &str) -> Vec<Quoted> {
    let mut found = Vec::new();
    let mut open: Option<(char, usize, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            match open {
                Some((quote, at_line, at_column)) => {
                    let closes = match quote {
                        '"' => c == '"' && (k == 0 || chars[k - 1] != '\\'),
                        _ if c == '\'' && chars.get(k + 1) == Some(&'\'') => {
                            k += 1; // '' is a quote inside the text
                            false
                        }
                        _ => c == '\'',
                    };
                    if closes {
                        if at_line != i + 1 {
                            found.push(Quoted {
                                line: at_line,
                                column: at_column,
                                closed_on: Some(i + 1),
                            });
                        }
                        open = None;
                    }
                }
                None => {
                    let before = chars[..k].iter().rev().find(|c| !c.is_whitespace());
                    if c == '#' && (k == 0 || chars[k - 1].is_whitespace()) {
                        break; // a comment
                    }
                    let starts_value =
                        before.is_none_or(|b| matches!(b, ':' | '-' | '[' | '{' | ','));
                    if (c == '"' || c == '\'') && starts_value {
                        open = Some((c, i + 1, k + 1));
                    }
                }
            }
            k += 1;
        }
    }
    if let Some((_, line, column)) = open {
        found.push(Quoted {
            line,
            column,
            closed_on: None,
        });
    }
    found
}

/// A quote that opened a value and was not closed on its line: the parser reads on
/// and fails further down. serde_yaml names the place when the text ends inside it
/// («while scanning a quoted scalar at line N column M»); otherwise the last value
/// that runs over several lines and ends at or before the error is the suspect.
fn unclosed_quote(text: &str, message: &str, error_line: usize) -> Option<Mistake> {
    let named = message
        .split_once("while scanning a quoted scalar at line ")
        .and_then(|(_, rest)| {
            let (line, rest) = rest.split_once(" column ")?;
            let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
            Some((line.parse().ok()?, column.parse().ok()?))
        });
    // Only a syntax error can come of a quote left open; a multi-line quoted value
    // is valid YAML, so it is suspect only when the parser failed on the line where
    // it closed (the rest of that line, the real value's end, makes no sense).
    let syntax = [
        "did not find expected",
        "could not find expected",
        "mapping values are not allowed",
    ]
    .iter()
    .any(|m| message.contains(m));
    let (line, column) = named.or_else(|| {
        multiline_quotes(text)
            .into_iter()
            .rfind(|q| syntax && q.line < error_line && q.closed_on.is_none_or(|m| m == error_line))
            .map(|q| (q.line, q.column))
    })?;
    Some(Mistake {
        said: Message::yaml_unclosed_quote(line),
        line,
        column,
    })
}

/// Whether YAML would not take `c` for a space in an indentation, though it looks like one.
fn odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2000}'
            ..='\u{200b}' | '\u{3000}' | '\u{feff}'
    )
}

/// The first tab or unusual space in the indentation of a line (before its key or
/// list dash, or right after a dash): text pasted from Word brings them.
fn odd_indentation(text: &str) -> Option<Mistake> {
    for (i, line) in text.lines().enumerate() {
        for (k, c) in line.chars().enumerate() {
            if odd_space(c) {
                return Some(Mistake {
                    said: Message::yaml_indent(c),
                    line: i + 1,
                    column: k + 1,
                });
            }
            if !(c == ' ' || c == '-') {
                break;
            }
        }
    }
    None
}

/// A key the parser calls missing that is written in the entry, but not in line
/// with the entry's other keys (`at` is where the entry's first key starts).
fn misindented(text: &str, at: (usize, usize), field: &str) -> Option<Mistake> {
    let (start, key_column) = at;
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.get(start.checked_sub(1)?)?;
    let first_key: String = first
        .chars()
        .skip(key_column - 1)
        .take_while(|c| *c != ':')
        .collect();
    for (i, line) in lines.iter().enumerate().skip(start) {
        let indent = line.chars().take_while(|c| *c == ' ').count();
        let rest = &line[indent..];
        // The next entry of this list or of a list further out: the search ends.
        if rest.starts_with("- ") && indent + 2 <= key_column {
            break;
        }
        let bare = rest.trim_start_matches("- ");
        let column = line.chars().count() - bare.chars().count() + 1;
        if bare
            .strip_prefix(field)
            .is_some_and(|r| r.trim_start().starts_with(':'))
            && column != key_column
        {
            return Some(Mistake {
                said: Message::yaml_misindented(field, (i + 1, column), key_column, &first_key),
                line: i + 1,
                column,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ru(m: &Mistake) -> String {
        m.said.0.ru().to_string()
    }

    fn found(text: &str, message: &str, at: (usize, usize), missing: Option<&str>) -> Mistake {
        explain(text, message, Some(at), missing).expect("a mistake is found")
    }

    #[test]
    fn finds_a_quote_left_open_where_it_opened() {
        let text = "- title: A\n  items:\n    - title: \"x\n      due: y\n    - title: z\n      due: \"w\"\n";
        let m = found(text, "did not find expected key", (6, 13), None);
        assert_eq!((m.line, m.column), (3, 14));
        assert!(ru(&m).starts_with("кавычка, открытая в строке 3, не закрыта"));
        let text = "- title: \"A\n  items: []\n";
        let m = found(
            text,
            "found unexpected end of stream at line 3 column 1, while scanning a quoted scalar at line 1 column 10",
            (3, 1),
            None,
        );
        assert_eq!((m.line, m.column), (1, 10));
    }

    #[test]
    fn names_a_non_breaking_space_or_a_tab_in_the_indentation_at_its_column() {
        let text = "- no: 1\n\u{a0}\u{a0}title: x\n";
        let m = found(text, "missing field `title`", (1, 3), Some("title"));
        assert_eq!((m.line, m.column), (2, 1));
        assert!(ru(&m).contains("неразрывный пробел"), "{}", ru(&m));
        let text = "- no: 1\n  \ttitle: x\n";
        let m = found(text, "found a tab character", (2, 1), None);
        assert_eq!((m.line, m.column), (2, 3));
        assert!(ru(&m).contains("знак табуляции"));
    }

    #[test]
    fn finds_a_key_present_but_out_of_line() {
        let text = "- title: A\n  items:\n    - no: 1\n   title: x\n    - no: 2\n      title: y\n";
        let m = found(text, "missing field `title`", (3, 7), Some("title"));
        assert_eq!((m.line, m.column), (4, 4));
        assert!(ru(&m).starts_with("поле «title» есть в строке 4, но сдвинуто"));
        assert!(m.said.1.ru().contains("ровно под «no:»"));
    }

    #[test]
    fn leaves_a_truly_missing_key_to_the_parser() {
        let text = "- no: 1\n  due: x\n- no: 2\n  title: y\n";
        assert!(explain(text, "missing field `title`", Some((1, 3)), Some("title")).is_none());
    }
}
