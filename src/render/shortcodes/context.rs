//! What a built-in shortcode works with: the data and theme it may use, where the
//! call stands, its arguments, and the fault it returns instead of HTML.
//!
//! A leaf under `shortcodes/mod.rs` (which calls the built-ins), so the built-ins
//! need not import the module that imports them.

use std::path::Path;

use tera::Tera;

use super::numbering::Numbering;
use super::parse::{Arg, Call};
use crate::analyze::Analysis;
use crate::diagnostic::{Diagnostic, Message, WithHint};
use crate::model::Model;
use crate::tr;

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

/// Why a shortcode call failed: a sentence and a hint (boxed: it travels in
/// `Result`s).
#[derive(Debug)]
pub(super) struct Fault(Box<WithHint>);

impl Fault {
    pub(super) fn new(message: impl Into<Message>, hint: impl Into<Message>) -> Self {
        Fault(Box::new((message.into(), hint.into())))
    }

    pub(super) fn into_diagnostic(self, file: &Path) -> Diagnostic {
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
pub(super) fn text_arg(call: &Call, name: &str) -> Result<String, Fault> {
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

pub(super) fn optional_text(call: &Call, name: &str) -> Option<String> {
    call.args.get(name).and_then(Arg::as_text)
}
