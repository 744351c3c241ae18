//! Splits the text of a deadline into words, numbers, dates and separators.
//!
//! Words are lower-cased with «ё» read as «е», so the reader compares plain
//! strings; every token keeps the slice of the original text it came from, so a
//! message can quote what the user wrote. All kinds of dash (hyphen, en and em
//! dash, minus) are one token: officials type whichever their editor gives them.
//! Dots, quotes and spaces only separate tokens («г.», «уч.г.», «01.12.2021г.»).

/// A run of ASCII digits: `digits` tells «21» from «2021».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Number {
    pub(super) value: u32,
    pub(super) digits: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Word(String),
    Number(Number),
    /// `dd.mm`, `dd.mm.yy` or `dd.mm.yyyy`, not yet checked.
    Date {
        day: Number,
        month: Number,
        year: Option<Number>,
    },
    Dash,
    Slash,
    /// `,` `;` `:` or a bracket: ends one part of a list.
    Stop,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token<'a> {
    pub(super) kind: Kind,
    pub(super) raw: &'a str,
}

/// Common misspellings and abbreviations, read as the word meant: «в теч. года».
const SPELLINGS: [(&str, &str); 3] = [
    ("течении", "течение"),
    ("теч", "течение"),
    ("тек", "текущего"),
];

/// Endings of ordinals written with digits: «1-й квартал», «2-е полугодие».
const ORDINAL_ENDINGS: [&str; 11] = ["й", "я", "е", "го", "ой", "ое", "ий", "ая", "м", "ом", "х"];

pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let start = pos;
        let kind = if c.is_ascii_digit() {
            let kind = number_or_date(text, &mut pos);
            if matches!(kind, Kind::Number(_)) {
                skip_ordinal_ending(text, &mut pos);
            }
            Some(kind)
        } else if c.is_alphabetic() {
            pos = end_of(text, pos, char::is_alphabetic);
            Some(Kind::Word(normalize(&text[start..pos])))
        } else {
            pos += c.len_utf8();
            match c {
                '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => Some(Kind::Dash),
                '/' => Some(Kind::Slash),
                ',' | ';' | ':' | '(' | ')' | '[' | ']' => Some(Kind::Stop),
                _ => None,
            }
        };
        if let Some(kind) = kind {
            tokens.push(Token {
                kind,
                raw: &text[start..pos],
            });
        }
    }
    tokens
}

fn normalize(word: &str) -> String {
    let word = word.to_lowercase().replace('ё', "е");
    match SPELLINGS.iter().find(|(wrong, _)| *wrong == word) {
        Some((_, right)) => (*right).to_owned(),
        None => word,
    }
}

fn end_of(text: &str, pos: usize, keep: impl Fn(char) -> bool) -> usize {
    text[pos..]
        .find(|c: char| !keep(c))
        .map_or(text.len(), |n| pos + n)
}

fn digits(text: &str, pos: &mut usize) -> Number {
    let end = end_of(text, *pos, |c| c.is_ascii_digit());
    let run = &text[*pos..end];
    *pos = end;
    let value = run.bytes().fold(0u32, |n, b| {
        n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    });
    Number {
        value,
        digits: run.len(),
    }
}

/// Whether a dot followed by a digit comes next (the next part of `01.12.2021`).
fn dot_digit(text: &str, pos: usize) -> bool {
    let mut rest = text[pos..].chars();
    rest.next() == Some('.') && rest.next().is_some_and(|c| c.is_ascii_digit())
}

fn number_or_date(text: &str, pos: &mut usize) -> Kind {
    let first = digits(text, pos);
    if !dot_digit(text, *pos) {
        return Kind::Number(first);
    }
    *pos += 1;
    let month = digits(text, pos);
    let year = dot_digit(text, *pos).then(|| {
        *pos += 1;
        digits(text, pos)
    });
    Kind::Date {
        day: first,
        month,
        year,
    }
}

fn skip_ordinal_ending(text: &str, pos: &mut usize) {
    let mut rest = text[*pos..].chars();
    if rest.next() != Some('-') {
        return;
    }
    let start = *pos + 1;
    let end = end_of(text, start, char::is_alphabetic);
    if ORDINAL_ENDINGS.contains(&text[start..end].to_lowercase().as_str()) {
        *pos = end;
    }
}
