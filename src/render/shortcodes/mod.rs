//! Shortcodes: live data inside Markdown (`{{ chart(indicator="vpr-low") }}`).
//!
//! Expansion happens on the Markdown source, before pulldown-cmark, in one pass over
//! the parsed pieces (no placeholders patched later). Block shortcodes become one
//! line of HTML, so the Markdown around them keeps its line numbers for later
//! diagnostics, and a shortcode alone on its line becomes an HTML block. Built-ins
//! live in `builtin`; a theme adds its own as `templates/shortcodes/<name>.html`.

mod builtin;
mod numbering;
mod parse;

use std::path::Path;

use tera::Tera;

pub(crate) use numbering::{number_figures, Numbering};
#[cfg(test)]
pub(crate) use parse::parse as parse_shortcodes;

use crate::analyze::Analysis;
use crate::diagnostic::{Diagnostic, Message, WithHint};
use crate::model::Model;
use crate::tr;
use parse::{parse, Arg, Call, Piece};

/// What shortcodes may use: the data, the analysis, the theme, figure numbers.
pub(crate) struct Shortcodes<'a> {
    pub(crate) model: &'a Model,
    pub(crate) analysis: &'a Analysis,
    pub(crate) tera: &'a Tera,
    pub(crate) numbering: &'a Numbering,
}

/// Where the Markdown comes from, for messages and figure numbers.
pub(crate) struct Source<'a> {
    pub(crate) file: &'a Path,
    pub(crate) body_line: usize,
    /// Site path of the page.
    pub(crate) url: &'a str,
}

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

/// Why a shortcode call failed: a sentence and a hint (boxed: it travels in
/// `Result`s).
#[derive(Debug)]
pub(super) struct Fault(Box<WithHint>);

impl Fault {
    pub(super) fn new(message: impl Into<Message>, hint: impl Into<Message>) -> Self {
        Fault(Box::new((message.into(), hint.into())))
    }

    fn into_diagnostic(self, file: &Path) -> Diagnostic {
        let (message, hint) = *self.0;
        Diagnostic::error(file, message).hint(hint)
    }
}

impl From<WithHint> for Fault {
    fn from(said: WithHint) -> Self {
        Fault(Box::new(said))
    }
}

/// A required text argument.
fn text_arg(call: &Call, name: &str) -> Result<String, Fault> {
    match call.args.get(name) {
        Some(arg) => arg.as_text().ok_or_else(|| {
            Fault::new(
                tr!(
                    format!(
                        "аргумент «{name}» шорткода «{}» должен быть текстом или числом",
                        call.name
                    ),
                    format!(
                        "argument “{name}” of shortcode “{}” must be text or a number",
                        call.name
                    )
                ),
                tr!("пример: {name}=\"…\"", "for example: {name}=\"…\""),
            )
        }),
        None => Err(Fault::new(
            tr!(
                format!("у шорткода «{}» не указан аргумент «{name}»", call.name),
                format!("shortcode “{}” lacks the argument “{name}”", call.name)
            ),
            tr!(
                format!(
                    "добавьте {name}=\"…\" в скобки: {}({name}=\"…\")",
                    call.name
                ),
                format!(
                    "add {name}=\"…\" in the brackets: {}({name}=\"…\")",
                    call.name
                )
            ),
        )),
    }
}

fn optional_text(call: &Call, name: &str) -> Option<String> {
    call.args.get(name).and_then(Arg::as_text)
}
