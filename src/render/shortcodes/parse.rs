//! The shortcode grammar, Zola-like:
//!
//! ```text
//! inline   {{ name(key="text", n=3, flag=true, list=["a", "b"]) }}
//! body     {% name(key="text") %} Markdown {% end %}
//! escape   {{/* name() */}}   -> printed as {{ name() }}
//! ```
//!
//! Calls inside inline code and code blocks are left alone: the Markdown is parsed
//! first to find them. Every call carries its byte span and its 1-based file line
//! and column, so an error points at what the author wrote.

use crate::diagnostic::{LineIndex, Message};
use crate::tr;
use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

/// A shortcode argument's value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    Text(String),
    Number(f64),
    Bool(bool),
    List(Vec<Arg>),
}

impl Arg {
    /// The value as text: strings as they are, numbers as written in data
    /// (`2025`, `7.5`), so `year=2025` and `year="2025"` mean the same.
    pub(crate) fn as_text(&self) -> Option<String> {
        match self {
            Arg::Text(text) => Some(text.clone()),
            Arg::Number(n) if n.fract() == 0.0 => Some(format!("{}", *n as i64)),
            Arg::Number(n) => Some(n.to_string()),
            Arg::Bool(_) | Arg::List(_) => None,
        }
    }
}

/// One shortcode in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    pub(crate) name: String,
    pub(crate) args: BTreeMap<String, Arg>,
    /// The whole call, body and `{% end %}` included.
    pub(crate) span: Range<usize>,
    /// The body of a `{% … %}` call.
    pub(crate) body: Option<Range<usize>>,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// A piece of the text: as written, a call, an escaped call to print literally, or
/// a call that could not be read (kept as written, reported, and reading goes on).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Text(Range<usize>),
    Call(Call),
    Literal(String),
    Error(ParseError),
}

/// A grammar error at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub(crate) offset: usize,
    pub(crate) message: Message,
}

/// Splits `text` into pieces. `None` when there is nothing to expand (the common
/// case: no `{{` or `{%` at all), so pages without shortcodes cost nothing.
pub(crate) fn parse(text: &str) -> Option<Vec<Piece>> {
    if !text.contains("{{") && !text.contains("{%") {
        return None;
    }
    // Everything found once per text, so that a page with thousands of «{{» costs
    // a pass, not a scan to its end for each (found by `crate::fuzz`).
    let code = code_ranges(text);
    let in_code = |offset: usize| {
        let i = code.partition_point(|r| r.end <= offset);
        code.get(i).is_some_and(|r| r.contains(&offset))
    };
    let openings = openings(text);
    let lines = LineIndex::new(text);
    let mut pieces = Vec::new();
    let mut done = 0;
    let mut search = 0;
    let mut next = 0;
    while let Some(&found) = openings[next..].iter().find(|&&at| at >= search) {
        next = openings.partition_point(|&at| at <= found);
        if in_code(found) {
            search = found + 2;
            continue;
        }
        if done < found {
            pieces.push(Piece::Text(done..found));
        }
        match parse_at(text, found, &lines) {
            Ok((piece, end)) => {
                pieces.push(piece);
                done = end;
                search = end;
            }
            Err(error) => {
                pieces.push(Piece::Error(error));
                done = found;
                search = found + 2;
            }
        }
    }
    if done < text.len() {
        pieces.push(Piece::Text(done..text.len()));
    }
    Some(pieces)
}

/// Where every «{{» and «{%» starts, in order; «{{{» opens at its first brace only
/// where the first two make an opening, as a left-to-right search would find it.
fn openings(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && matches!(bytes[i + 1], b'{' | b'%') {
            found.push(i);
        }
        i += 1;
    }
    found
}

fn code_ranges(text: &str) -> Vec<Range<usize>> {
    Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) => Some(range),
            _ => None,
        })
        .collect()
}

fn parse_at(text: &str, start: usize, lines: &LineIndex<'_>) -> Result<(Piece, usize), ParseError> {
    let error = |offset: usize, message: Message| ParseError { offset, message };
    if text[start..].starts_with("{{/*") {
        let close = text[start..].find("*/}}").ok_or_else(|| {
            error(
                start,
                crate::diagnostic::Message::text(
                    "экранированный вызов {{/* … */}} не закрыт «*/}}»",
                    "the escaped call {{/* … */}} is not closed by “*/}}”",
                ),
            )
        })?;
        let inner = text[start + 4..start + close].trim();
        return Ok((
            Piece::Literal(format!("{{{{ {inner} }}}}")),
            start + close + 4,
        ));
    }
    let is_body = text[start..].starts_with("{%");
    let closing = if is_body { "%}" } else { "}}" };
    let mut cursor = Cursor {
        text,
        at: start + 2,
        depth: 0,
    };
    cursor.skip_spaces();
    let name = cursor.ident().ok_or_else(|| {
        error(cursor.at, crate::diagnostic::Message::text("после «{{» или «{%» ожидалось имя шорткода, например chart(…); чтобы напечатать фигурные скобки как есть, используйте {{/* … */}}", "a shortcode name was expected after “{{” or “{%”, e.g. chart(…); to print curly braces as they are, use {{/* … */}}"))
    })?;
    if is_body && name == "end" {
        return Err(error(
            start,
            crate::diagnostic::Message::text(
                "«{% end %}» без открывающего шорткода",
                "“{% end %}” without an opening shortcode",
            ),
        ));
    }
    cursor.skip_spaces();
    if !cursor.eat("(") {
        return Err(error(
            cursor.at,
            tr!("после имени «{name}» ожидалась «(»: шорткод вызывается так: {name}(…)", "“(” was expected after the name “{name}”: a shortcode is called like this: {name}(…)"),
        ));
    }
    let args = cursor.args()?;
    cursor.skip_spaces();
    if !cursor.eat(closing) {
        return Err(error(
            cursor.at,
            tr!(
                "вызов «{name}(…)» не закрыт «{closing}»",
                "the call “{name}(…)” is not closed by “{closing}”"
            ),
        ));
    }
    let mut end = cursor.at;
    let mut body = None;
    if is_body {
        let rest = &text[end..];
        let close = find_end(rest).ok_or_else(|| {
            error(
                start,
                tr!(
                    "у шорткода «{name}» нет закрывающего «{{% end %}}»",
                    "shortcode “{name}” has no closing “{{% end %}}”"
                ),
            )
        })?;
        body = Some(end..end + close.0);
        end += close.1;
    }
    let (line, column) = lines.line_column(start);
    Ok((
        Piece::Call(Call {
            name,
            args,
            span: start..end,
            body,
            line,
            column,
        }),
        end,
    ))
}

/// Where `{% end %}` starts in `rest` and where it ends.
fn find_end(rest: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = rest[from..].find("{%") {
        let at = from + i;
        let inner = &rest[at + 2..];
        let trimmed = inner.trim_start();
        if let Some(after) = trimmed.strip_prefix("end") {
            let after = after.trim_start();
            if after.starts_with("%}") {
                let consumed = inner.len() - after.len() + 2;
                return Some((at, at + 2 + consumed));
            }
        }
        from = at + 2;
    }
    None
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
    /// How many lists the cursor is inside: lists nest by recursion, so their depth
    /// is bounded (a thousand `[` overflowed the stack; found by `crate::fuzz`).
    depth: usize,
}

/// The deepest nesting of lists in a shortcode's arguments.
const MAX_LIST_DEPTH: usize = 8;

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn skip_spaces(&mut self) {
        let trimmed = self.rest().trim_start();
        self.at = self.text.len() - trimmed.len();
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.at += token.len();
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<String> {
        let name: String = self
            .rest()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        self.at += name.len();
        Some(name)
    }

    fn args(&mut self) -> Result<BTreeMap<String, Arg>, ParseError> {
        let mut args = BTreeMap::new();
        loop {
            self.skip_spaces();
            if self.eat(")") {
                return Ok(args);
            }
            if !args.is_empty() && !self.eat(",") {
                return Err(self.error(tr!(
                    "между аргументами ожидалась запятая, а после них — «)»",
                    "a comma was expected between the arguments, and “)” after them"
                )));
            }
            self.skip_spaces();
            if self.eat(")") {
                return Ok(args);
            }
            let key = self.ident().ok_or_else(|| {
                self.error(tr!(
                    "ожидалось имя аргумента: name=\"значение\"",
                    "an argument name was expected: name=\"value\""
                ))
            })?;
            self.skip_spaces();
            if !self.eat("=") {
                return Err(self.error(tr!(
                    "после «{key}» ожидался знак «=»",
                    "“=” was expected after “{key}”"
                )));
            }
            self.skip_spaces();
            let value = self.value()?;
            if args.insert(key.clone(), value).is_some() {
                return Err(self.error(tr!(
                    "аргумент «{key}» указан дважды",
                    "the argument “{key}” is given twice"
                )));
            }
        }
    }

    fn value(&mut self) -> Result<Arg, ParseError> {
        if self.eat("\"") {
            let mut out = String::new();
            let mut chars = self.rest().char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => {
                        self.at += i + 1;
                        return Ok(Arg::Text(out));
                    }
                    '\\' => match chars.next() {
                        Some((_, escaped)) => out.push(escaped),
                        None => break,
                    },
                    '\n' => break,
                    other => out.push(other),
                }
            }
            return Err(self.error(tr!(
                "текст в кавычках не закрыт «\"» на той же строке",
                "the quoted text is not closed by “\"” on the same line"
            )));
        }
        if self.eat("[") {
            if self.depth >= MAX_LIST_DEPTH {
                return Err(self.error(tr!(
                    "списки в аргументах вложены друг в друга глубже {MAX_LIST_DEPTH} уровней",
                    "the lists in the arguments are nested deeper than {MAX_LIST_DEPTH} levels"
                )));
            }
            self.depth += 1;
            let list = self.list_items();
            self.depth -= 1;
            return list;
        }
        if self.eat("true") {
            return Ok(Arg::Bool(true));
        }
        if self.eat("false") {
            return Ok(Arg::Bool(false));
        }
        let number: String = self
            .rest()
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '.'))
            .collect();
        match number.parse::<f64>() {
            Ok(n) if !number.is_empty() => {
                self.at += number.len();
                Ok(Arg::Number(n))
            }
            _ => Err(self.error(tr!(
                "ожидалось значение: текст в кавычках, число, true/false или список [...]",
                "a value was expected: quoted text, a number, true/false or a list [...]"
            ))),
        }
    }

    /// The items of a list after its «[», up to and including its «]».
    fn list_items(&mut self) -> Result<Arg, ParseError> {
        let mut list = Vec::new();
        loop {
            self.skip_spaces();
            if self.eat("]") {
                return Ok(Arg::List(list));
            }
            if !list.is_empty() && !self.eat(",") {
                return Err(self.error(tr!(
                    "между элементами списка ожидалась запятая, а в конце — «]»",
                    "a comma was expected between the list items, and “]” at the end"
                )));
            }
            self.skip_spaces();
            if self.eat("]") {
                return Ok(Arg::List(list));
            }
            list.push(self.value()?);
        }
    }

    fn error(&self, message: Message) -> ParseError {
        ParseError {
            offset: self.at,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calls(text: &str) -> Vec<Call> {
        parse(text)
            .unwrap()
            .into_iter()
            .filter_map(|p| match p {
                Piece::Call(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn skips_text_without_shortcodes() {
        assert_eq!(parse("Просто текст { и скобки }"), None);
    }

    #[test]
    fn reads_an_inline_call_with_every_kind_of_argument() {
        let text =
            "Рост: {{ value(indicator=\"vpr-low\", year=2025, exact=true, subjects=[\"а\", 2]) }}.";
        let call = &calls(text)[0];
        assert_eq!(call.name, "value");
        assert_eq!(call.args["indicator"], Arg::Text("vpr-low".into()));
        assert_eq!(call.args["year"].as_text().as_deref(), Some("2025"));
        assert_eq!(call.args["exact"], Arg::Bool(true));
        assert_eq!(
            call.args["subjects"],
            Arg::List(vec![Arg::Text("а".into()), Arg::Number(2.0)])
        );
        assert_eq!((call.line, call.column), (1, 7));
        assert!(
            text[call.span.clone()].starts_with("{{ value(")
                && text[call.span.clone()].ends_with("]) }}")
        );
    }

    #[test]
    fn reads_a_body_call() {
        let text = "{% aside(title=\"Важно\") %}\nТекст **с разметкой**.\n{% end %}\nдальше";
        let call = &calls(text)[0];
        assert_eq!(
            &text[call.body.clone().unwrap()],
            "\nТекст **с разметкой**.\n"
        );
        assert_eq!(&text[call.span.end..], "\nдальше");
    }

    #[test]
    fn leaves_code_alone() {
        let text = "`{{ chart() }}`\n\n```\n{{ chart(indicator=\"x\") }}\n```\n\n{{ kpi(indicator=\"y\") }}\n";
        let found = calls(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "kpi");
        assert_eq!(found[0].line, 7);
    }

    #[test]
    fn prints_an_escaped_call_literally() {
        let pieces = parse("{{/* chart(indicator=\"x\") */}}").unwrap();
        assert_eq!(
            pieces,
            vec![Piece::Literal("{{ chart(indicator=\"x\") }}".into())]
        );
    }

    fn first_error(text: &str) -> ParseError {
        parse(text)
            .unwrap()
            .into_iter()
            .find_map(|p| match p {
                Piece::Error(e) => Some(e),
                _ => None,
            })
            .expect("an error")
    }

    #[test]
    fn explains_grammar_errors_at_their_offset() {
        let error = first_error("{{ chart(indicator=vpr) }}");
        assert!(
            error.message.ru.contains("ожидалось значение"),
            "{}",
            error.message.ru
        );
        assert_eq!(
            error.message.en,
            "a value was expected: quoted text, a number, true/false or a list [...]"
        );
        assert_eq!(error.offset, 19);
        assert!(first_error("{{ chart(a=\"x\" b=1) }}")
            .message
            .ru
            .contains("запятая"));
        assert!(first_error("{% aside() %} текст")
            .message
            .ru
            .contains("{% end %}"));
        assert!(first_error("{{ chart(a=1) ")
            .message
            .ru
            .contains("не закрыт"));
    }

    #[test]
    fn issue19_refuses_lists_nested_too_deep_instead_of_overflowing_the_stack() {
        let text = format!("{{{{ chart(x={}) }}}}", "[".repeat(100_000));
        let error = first_error(&text);
        assert!(
            error.message.ru.contains("глубже 8 уровней"),
            "{:?}",
            error.message
        );
        assert_eq!(calls("{{ chart(x=[[1, 2], [3]]) }}").len(), 1);
    }

    #[test]
    fn issue19_many_openings_are_read_in_one_pass() {
        let text = "{{ x ".repeat(20_000) + &"{{ kpi(indicator=\"y\") }}\n".repeat(2_000);
        let started = std::time::Instant::now();
        let pieces = parse(&text).unwrap();
        // 0.5 s in a debug build; a scan to the end per «{{» took minutes.
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
        let calls = pieces
            .iter()
            .filter(|p| matches!(p, Piece::Call(_)))
            .count();
        assert_eq!(calls, 2_000);
    }

    #[test]
    fn reads_on_after_a_broken_call() {
        let pieces = parse("{{ chart(x=) }} и {{ kpi(indicator=\"y\") }}").unwrap();
        assert!(matches!(pieces[0], Piece::Error(_)));
        assert!(pieces
            .iter()
            .any(|p| matches!(p, Piece::Call(c) if c.name == "kpi")));
    }
}
