//! Flaws that text pasted from Word brings into a site's data: quotes left open,
//! tabs and runs of spaces, words broken by hyphenation («мони- торинга»), soft
//! hyphens, Latin look-alike letters inside Russian words («мoниторинг» with a Latin
//! «o»), doubled punctuation. Each is invisible or nearly so on the page, but the
//! search cannot find such a word and a reader stumbles on it.
//!
//! This only finds them (`find_flaws`); the caller warns with file:line:column and
//! publishes the text as written: what the user wrote is never changed silently.

use crate::diagnostic::Message;
use crate::tr;

/// One flaw: where it is in the text (byte offset), the fragment to quote and
/// what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Flaw {
    pub(crate) at: usize,
    /// The characters at fault, as written (to find them in the file).
    pub(crate) fragment: String,
    pub(crate) kind: FlawKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FlawKind {
    /// An opening quote without its closing one, or the other way round.
    UnbalancedQuote(char),
    Tab,
    Spaces,
    /// «мони- торинга»: the word as it should read.
    BrokenWord(String),
    /// U+00AD inside this word.
    SoftHyphen(String),
    /// The word and its Latin letters.
    LatinInCyrillic(String, String),
    /// «,,», «..», «;;»
    DoubledPunctuation,
}

/// Words after which a hanging hyphen is right: «дошкольного и обще- образования»
/// is rare, but «пред- и послеэкзаменационный» is correct Russian.
const AFTER_HANGING_HYPHEN: [&str; 4] = ["и", "или", "либо", "а"];

fn is_cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
}

/// Every flaw in `text`, in order.
pub(crate) fn find_flaws(text: &str) -> Vec<Flaw> {
    let mut flaws = Vec::new();
    let flaw = |at: usize, fragment: &str, kind: FlawKind| Flaw {
        at,
        fragment: fragment.to_string(),
        kind,
    };
    // Tabs and runs of spaces inside the text (the ends are YAML's business).
    let trimmed_start = text.len() - text.trim_start().len();
    let trimmed_end = text.trim_end().len();
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (at, c) = bytes[k];
        let inside = at >= trimmed_start && at < trimmed_end;
        if c == '\t' && inside {
            flaws.push(flaw(at, "\t", FlawKind::Tab));
        } else if c == ' ' && inside && bytes.get(k + 1).is_some_and(|(_, n)| *n == ' ') {
            let run = bytes[k..].iter().take_while(|(_, c)| *c == ' ').count();
            flaws.push(flaw(at, &" ".repeat(run), FlawKind::Spaces));
            k += run;
            continue;
        } else if matches!(c, ',' | ';' | ':' | '!' | '?' | '.') {
            let run = bytes[k..].iter().take_while(|(_, n)| *n == c).count();
            // «...» is an ellipsis; «?!» and «!!!» are a style, not a slip.
            let doubled = run == 2 && c != '!' && c != '?' || run > 3 && c == '.';
            if doubled {
                flaws.push(flaw(
                    at,
                    &c.to_string().repeat(run),
                    FlawKind::DoubledPunctuation,
                ));
            }
            k += run;
            continue;
        }
        k += 1;
    }
    words(text, &mut flaws);
    quotes(text, &mut flaws);
    flaws.sort_by_key(|f| f.at);
    flaws
}

/// Flaws inside words: soft hyphens, Latin letters among Cyrillic ones, a word
/// broken by a hyphen and a space.
fn words(text: &str, flaws: &mut Vec<Flaw>) {
    let is_word = |c: char| c.is_alphabetic() || c == '\u{ad}';
    let mut start = None;
    let chars: Vec<(usize, char)> = text.char_indices().chain([(text.len(), ' ')]).collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        match (start, is_word(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = &text[chars[s].0..at];
                check_word(word, chars[s].0, flaws);
                // «мони- торинга»: a Cyrillic letter, a hyphen, spaces, a lower-case letter.
                let rest = &text[at..];
                if c == '-' && word.chars().last().is_some_and(is_cyrillic) {
                    let after = rest[1..].trim_start_matches(' ');
                    let spaces = rest.len() - 1 - after.len();
                    let next: String = after.chars().take_while(|c| is_word(*c)).collect();
                    let lower = next
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_lowercase() && is_cyrillic(c));
                    if spaces > 0 && lower && !AFTER_HANGING_HYPHEN.contains(&next.as_str()) {
                        let whole: String = word
                            .chars()
                            .chain(next.chars())
                            .filter(|c| *c != '\u{ad}')
                            .collect();
                        let fragment = &text[chars[s].0..at + 1 + spaces + next.len()];
                        flaws.push(Flaw {
                            at: chars[s].0,
                            fragment: fragment.to_string(),
                            kind: FlawKind::BrokenWord(whole),
                        });
                    }
                }
                start = None;
            }
            _ => {}
        }
    }
}

fn check_word(word: &str, at: usize, flaws: &mut Vec<Flaw>) {
    if word.contains('\u{ad}') {
        flaws.push(Flaw {
            at,
            fragment: word.to_string(),
            kind: FlawKind::SoftHyphen(word.replace('\u{ad}', "")),
        });
    }
    let cyrillic = word.chars().filter(|c| is_cyrillic(*c)).count();
    let latin: String = word.chars().filter(char::is_ascii_alphabetic).collect();
    // Mostly Russian with a Latin letter or two: a look-alike («o», «c», «p», «e»).
    if cyrillic > 0 && !latin.is_empty() && cyrillic >= latin.chars().count() {
        flaws.push(Flaw {
            at,
            fragment: word.to_string(),
            kind: FlawKind::LatinInCyrillic(word.to_string(), latin),
        });
    }
}

/// Quotes that do not pair: «…», „…“, and straight ones counted.
fn quotes(text: &str, flaws: &mut Vec<Flaw>) {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '«' | '„' => open.push((at, c)),
            '»' | '“' => {
                let pairs = |o: char| (o == '«' && c == '»') || (o == '„' && c == '“');
                match open.last() {
                    Some(&(_, o)) if pairs(o) => {
                        open.pop();
                    }
                    // «“» also opens English quotes; only «»» unmatched is a flaw.
                    _ if c == '“' => {}
                    _ => flaws.push(Flaw {
                        at,
                        fragment: c.to_string(),
                        kind: FlawKind::UnbalancedQuote(c),
                    }),
                }
            }
            _ => {}
        }
    }
    for (at, c) in open {
        flaws.push(Flaw {
            at,
            fragment: c.to_string(),
            kind: FlawKind::UnbalancedQuote(c),
        });
    }
    let straight: Vec<usize> = text.match_indices('"').map(|(at, _)| at).collect();
    if straight.len() % 2 == 1 {
        let at = *straight.last().unwrap_or(&0);
        flaws.push(Flaw {
            at,
            fragment: "\"".into(),
            kind: FlawKind::UnbalancedQuote('"'),
        });
    }
}

impl FlawKind {
    /// What is wrong and how to fix it, in Russian and English.
    pub(crate) fn said(&self) -> (Message, Message) {
        match self {
            FlawKind::UnbalancedQuote(q) => (
                tr!("кавычка {q} без пары", "the quote {q} has no pair"),
                tr!(
                    "закройте кавычку или удалите лишнюю: «…» открывается и закрывается",
                    "close the quote or delete the stray one: «…» opens and closes"
                ),
            ),
            FlawKind::Tab => (
                tr!("в тексте знак табуляции", "a tab inside the text"),
                tr!("замените его одним пробелом", "replace it with one space"),
            ),
            FlawKind::Spaces => (
                tr!("в тексте несколько пробелов подряд", "several spaces in a row inside the text"),
                tr!("оставьте один пробел", "leave one space"),
            ),
            FlawKind::BrokenWord(whole) => (
                tr!(
                    "слово разорвано переносом из Word: «{whole}» написано с дефисом и пробелом",
                    "a word broken by hyphenation from Word: “{whole}” is written with a hyphen and a space"
                ),
                tr!(
                    "уберите дефис и пробел: «{whole}»; иначе поиск по сайту это слово не найдёт",
                    "remove the hyphen and the space: «{whole}»; otherwise the site's search does not find the word"
                ),
            ),
            FlawKind::SoftHyphen(whole) => (
                tr!(
                    "в слове «{whole}» невидимый мягкий перенос (U+00AD)",
                    "the word “{whole}” has an invisible soft hyphen (U+00AD) in it"
                ),
                tr!(
                    "наберите слово заново: с этим знаком поиск по сайту его не найдёт",
                    "type the word again: with this character the site's search does not find it"
                ),
            ),
            FlawKind::LatinInCyrillic(word, latin) => (
                tr!(
                    "в русском слове «{word}» латинские буквы: {latin}",
                    "the Russian word “{word}” has Latin letters in it: {latin}"
                ),
                tr!(
                    "замените их русскими буквами (они выглядят так же, но поиск по сайту такое слово не найдёт)",
                    "replace them with Cyrillic letters (they look the same, but the site's search does not find such a word)"
                ),
            ),
            FlawKind::DoubledPunctuation => (
                tr!("знак препинания повторён", "a punctuation mark is doubled"),
                tr!("оставьте один знак", "leave one mark"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<FlawKind> {
        find_flaws(text).into_iter().map(|f| f.kind).collect()
    }

    #[test]
    fn finds_what_word_brings() {
        assert_eq!(
            kinds("Анализ мони- торинга"),
            [FlawKind::BrokenWord("мониторинга".into())]
        );
        assert_eq!(
            kinds("мони\u{ad}торинг"),
            [FlawKind::SoftHyphen("мониторинг".into())]
        );
        assert_eq!(
            kinds("мoниторинг"),
            [FlawKind::LatinInCyrillic("мoниторинг".into(), "o".into())]
        );
        assert_eq!(kinds("Провести\tанализ"), [FlawKind::Tab]);
        assert_eq!(kinds("Провести  анализ"), [FlawKind::Spaces]);
        assert_eq!(kinds("ВПР,, ОГЭ"), [FlawKind::DoubledPunctuation]);
        assert_eq!(kinds("Проект «Школа"), [FlawKind::UnbalancedQuote('«')]);
        let flaws = find_flaws("Проект «Школа");
        assert_eq!(flaws[0].at, "Проект ".len());
    }

    #[test]
    fn leaves_correct_text_alone() {
        for text in [
            "Провести ВПР-2025 в 4–8 классах (по графику ФИОКО)...",
            "пред- и послеэкзаменационный период",
            "Проект «Школа „Минпросвещения“ России»",
            "IT-куб, SMS-рассылка, e-mail",
            "Сроки: 1 квартал - 2 квартал",
            "Что? Где? Когда?!",
        ] {
            assert_eq!(kinds(text), [], "{text}");
        }
    }
}
