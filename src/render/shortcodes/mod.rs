//! Shortcodes: live data inside Markdown (`{{ chart(indicator="vpr-low") }}`).
//!
//! Expansion happens on the Markdown source, before pulldown-cmark, in one pass over
//! the parsed pieces (no placeholders patched later). Block shortcodes become one
//! line of HTML, so the Markdown around them keeps its line numbers for later
//! diagnostics, and a shortcode alone on its line becomes an HTML block. Built-ins
//! live in `builtin`; a theme adds its own as `templates/shortcodes/<name>.html`.

mod builtin;
mod context;
mod numbering;
mod parse;

pub(crate) use numbering::{number_figures, Numbering};
#[cfg(test)]
pub(crate) use parse::parse as parse_shortcodes;

pub(crate) use context::{Shortcodes, Source};

use crate::diagnostic::Diagnostic;
use crate::tr;
use parse::{parse, Piece};

/// The Markdown with every shortcode replaced, and the problems found.
pub(crate) fn expand(
    body: &str,
    source: &Source<'_>,
    shortcodes: &Shortcodes<'_>,
) -> (String, Vec<Diagnostic>) {
    let Some(pieces) = parse(body) else {
        return (body.to_string(), Vec::new());
    };
    let mut out = String::with_capacity(body.len());
    let mut problems = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(range) => out.push_str(&body[range]),
            Piece::Literal(text) => out.push_str(&text),
            Piece::Error(error) => {
                let (line, column) = crate::diagnostic::line_column(body, error.offset);
                problems.push(
                    Diagnostic::error(source.file, tr!(
                            format!("ошибка в шорткоде: {}", error.message.ru),
                            format!("shortcode error: {}", error.message.en())
                        ))
                        .at(line + source.body_line - 1, column)
                        .hint(crate::diagnostic::Message::text("шорткод пишется так: {{ chart(indicator=\"vpr-low\", year=2025) }}", "a shortcode is written like this: {{ chart(indicator=\"vpr-low\", year=2025) }}")),
                );
            }
            Piece::Call(call) => {
                let inner = call.body.as_ref().map(|range| &body[range.clone()]);
                match builtin::call(&call, inner, source, shortcodes) {
                    // One line: later lines keep their numbers.
                    Ok(html) => out.push_str(&html.replace('\n', " ")),
                    Err(fault) => {
                        problems.push(
                            fault
                                .into_diagnostic(source.file)
                                .at(call.line + source.body_line - 1, call.column),
                        );
                        out.push_str(&body[call.span.clone()]);
                    }
                }
            }
        }
    }
    (out, problems)
}
