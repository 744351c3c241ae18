//! Where each value of a YAML file stands: one index per file, built once from the
//! marked event stream of a YAML parser (saphyr-parser), mapping a value's path
//! (`indicators[3].id`, `direction.years.2025.to[1]`) to its line and column.
//!
//! serde_yaml reads the values but gives no positions for them, so diagnostics found
//! after parsing (a page that does not exist, a duplicate id) look their place up
//! here instead of searching the text: a key that also occurs in a comment, in an
//! earlier entry or nested under another key cannot take the blame. Lines and
//! columns are 1-based, columns counted in characters, as every message prints them.
//!
//! A path joins mapping keys with `.` and list positions with `[i]`; a key is its
//! scalar text (`"2025"` and `2025` are both `2025`). The index covers the first
//! document of the text; where the parser stops on an error, it holds what came
//! before, and lookups of the rest find nothing (callers then point at a fallback).

use std::collections::BTreeMap;

use saphyr_parser::{Event, Parser, Span};

/// A place in the text: 1-based line, 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// One value of the file.
#[derive(Debug, Clone)]
struct Node {
    path: String,
    /// Where its key stands, for a value of a mapping.
    key: Option<Position>,
    /// Where the value starts (a quote, `[`, `{`, `|` or the first character).
    value: Position,
    /// Its text, for a scalar.
    scalar: Option<String>,
}

/// The positions of every value of one YAML text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Positions {
    /// In document order.
    nodes: Vec<Node>,
    by_path: BTreeMap<String, usize>,
}

/// A collection being read, with the path of its entries.
enum Frame {
    Map {
        path: String,
        /// The key read and waiting for its value.
        key: Option<(String, Position)>,
    },
    Seq {
        path: String,
        next: usize,
    },
    /// A mapping or list used as a key (`? [a, b]: c`): skipped, its value is `?`.
    ComplexKey {
        depth: usize,
        at: Position,
    },
}

impl Positions {
    /// Reads `text` once; linear in its length.
    pub(crate) fn new(text: &str) -> Positions {
        let mut positions = Positions::default();
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            let at = position(span);
            match event {
                Event::DocumentEnd | Event::StreamEnd => break,
                Event::Scalar(value, ..) => {
                    positions.node(&mut stack, at, Some(value.into_owned()), None);
                }
                Event::Alias(_) => positions.node(&mut stack, at, None, None),
                Event::MappingStart(..) => positions.node(&mut stack, at, None, Some(true)),
                Event::SequenceStart(..) => positions.node(&mut stack, at, None, Some(false)),
                Event::MappingEnd | Event::SequenceEnd => close(&mut stack),
                _ => {}
            }
        }
        positions.by_path = positions
            .nodes
            .iter()
            .enumerate()
            .rev()
            .map(|(i, node)| (node.path.clone(), i))
            .collect();
        positions
    }

    /// Takes one node: a key of a mapping, or a value at its path; `opens` says
    /// whether it starts a mapping (`true`) or a list (`false`).
    fn node(
        &mut self,
        stack: &mut Vec<Frame>,
        at: Position,
        scalar: Option<String>,
        opens: Option<bool>,
    ) {
        match stack.last_mut() {
            Some(Frame::ComplexKey { depth, .. }) => {
                if opens.is_some() {
                    *depth += 1;
                }
                return;
            }
            Some(Frame::Map {
                key: key @ None, ..
            }) => {
                match opens {
                    None => *key = Some((scalar.unwrap_or_default(), at)),
                    Some(_) => stack.push(Frame::ComplexKey { depth: 1, at }),
                }
                return;
            }
            _ => {}
        }
        let (path, key) = match stack.last_mut() {
            Some(Frame::Map { path, key }) => {
                let (name, key_at) = key.take().unwrap_or((String::new(), at));
                (join(path, &name), Some(key_at))
            }
            Some(Frame::Seq { path, next }) => {
                *next += 1;
                (format!("{path}[{}]", *next - 1), None)
            }
            _ => (String::new(), None),
        };
        match opens {
            Some(true) => stack.push(Frame::Map {
                path: path.clone(),
                key: None,
            }),
            Some(false) => stack.push(Frame::Seq {
                path: path.clone(),
                next: 0,
            }),
            None => {}
        }
        self.nodes.push(Node {
            path,
            key,
            value: at,
            scalar,
        });
    }

    /// Where the key of the value at `path` stands (`None` for a list entry).
    pub(crate) fn key(&self, path: &str) -> Option<Position> {
        self.get(path).and_then(|node| node.key)
    }

    /// Where the value at `path` starts.
    pub(crate) fn value(&self, path: &str) -> Option<Position> {
        self.get(path).map(|node| node.value)
    }

    /// The line of the value at `path`: its key's line, or for a list entry the
    /// line where the entry starts.
    pub(crate) fn line(&self, path: &str) -> Option<usize> {
        self.get(path)
            .map(|node| node.key.unwrap_or(node.value).line)
    }

    /// The first scalar written as `value` at `under` or below it (`""` is the whole
    /// file), in document order: a name in a list whose path is not known.
    pub(crate) fn find(&self, under: &str, value: &str) -> Option<Position> {
        self.nodes
            .iter()
            .find(|node| node.scalar.as_deref() == Some(value) && is_under(&node.path, under))
            .map(|node| node.value)
    }

    /// [`Positions::find`], with the path of the value found.
    pub(crate) fn find_with_path(&self, under: &str, value: &str) -> Option<(Position, &str)> {
        self.nodes
            .iter()
            .find(|node| node.scalar.as_deref() == Some(value) && is_under(&node.path, under))
            .map(|node| (node.value, node.path.as_str()))
    }

    /// [`Positions::find`] among the values of a key named `key` (`to: [a, b]`,
    /// `effect: {link: a/b}`), wherever that key stands below `under`.
    pub(crate) fn find_keyed(&self, under: &str, key: &str, value: &str) -> Option<Position> {
        self.nodes
            .iter()
            .find(|node| {
                node.scalar.as_deref() == Some(value)
                    && is_under(&node.path, under)
                    && last_key(&node.path) == Some(key)
            })
            .map(|node| node.value)
    }

    /// Where a key named `name` stands the second time in one mapping, the first
    /// such repeat on line `from` or below (serde reports a repeated key at the
    /// start of its mapping, not at the repeat).
    pub(crate) fn repeated_key(&self, name: &str, from: usize) -> Option<Position> {
        let mut seen = std::collections::BTreeSet::new();
        self.nodes.iter().find_map(|node| {
            let key = node.key?;
            let named = node.path.rsplit('.').next() == Some(name) && key.line >= from;
            (named && !seen.insert(node.path.as_str())).then_some(key)
        })
    }

    fn get(&self, path: &str) -> Option<&Node> {
        self.by_path.get(path).map(|&i| &self.nodes[i])
    }
}

/// Ends the innermost collection (or one level of a complex key).
fn close(stack: &mut Vec<Frame>) {
    if let Some(Frame::ComplexKey { depth, at }) = stack.last_mut() {
        *depth -= 1;
        if *depth == 0 {
            let at = *at;
            stack.pop();
            if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                *key = Some(("?".into(), at));
            }
        }
        return;
    }
    stack.pop();
}

fn position(span: Span) -> Position {
    Position {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Whether `path` is `under` or inside it (`a.b[1]` is under `a.b`, `a.bc` is not).
fn is_under(path: &str, under: &str) -> bool {
    under.is_empty()
        || path
            .strip_prefix(under)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// The last mapping key of `path`, past any list positions: `to` of `a.to[1]`.
fn last_key(path: &str) -> Option<&str> {
    let mut bare = path;
    while let Some(open) = bare.strip_suffix(']').and_then(|rest| rest.rfind('[')) {
        bare = &bare[..open];
    }
    let key = bare.rsplit('.').next()?;
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests;
