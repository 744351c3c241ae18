//! From text to search terms: the one definition that the browser's `search.js`
//! repeats letter for letter, so that a query finds what the index holds.
//!
//! A word is a run of Russian or Latin letters and digits; everything else
//! separates words («178-П» is «178» and «п»). Words are lower-cased with «ё» read
//! as «е» (most texts and most readers do not type «ё»). One-letter words and a
//! short list of function words are dropped: they are on every page and find
//! nothing. A Russian word is reduced to its stem with the Snowball Russian
//! algorithm (`rust-stemmers`), so «медалисты», «медалистов» and «медалист» are one
//! term; Latin words, numbers and mixtures («5а») are kept as written. The parity
//! test in `tests.rs` checks the browser side against this one on every word of
//! the demo site.

use rust_stemmers::{Algorithm, Stemmer};

/// Function words dropped from the index and from queries (already normalised).
pub(crate) const STOP_WORDS: [&str; 52] = [
    "а",
    "без",
    "бы",
    "в",
    "во",
    "вот",
    "все",
    "да",
    "для",
    "до",
    "его",
    "ее",
    "если",
    "же",
    "за",
    "и",
    "из",
    "или",
    "им",
    "их",
    "к",
    "как",
    "ко",
    "ли",
    "на",
    "над",
    "не",
    "нет",
    "ни",
    "но",
    "о",
    "об",
    "обо",
    "от",
    "по",
    "под",
    "при",
    "про",
    "с",
    "со",
    "так",
    "также",
    "то",
    "только",
    "у",
    "что",
    "чтобы",
    "это",
    "этот",
    "эта",
    "эти",
    "этой",
];

/// Longer "words" are codes or junk, not something a reader types.
const MAX_WORD: usize = 40;

/// The lower-case form of a character that belongs to words, `None` for a separator.
fn word_char(c: char) -> Option<char> {
    match c {
        'a'..='z' | '0'..='9' | 'а'..='я' => Some(c),
        'A'..='Z' => Some(c.to_ascii_lowercase()),
        // А..Я -> а..я: the two blocks are 32 code points apart.
        'А'..='Я' => char::from_u32(c as u32 + 32),
        'ё' | 'Ё' => Some('е'),
        _ => None,
    }
}

/// Calls `f` with each word of a text, normalised, without one-letter and function
/// words. One buffer serves every word: the index build scans megabytes of text.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    let mut length = 0;
    for c in text.chars().chain(std::iter::once(' ')) {
        if let Some(c) = word_char(c) {
            word.push(c);
            length += 1;
        } else if length > 0 {
            if keep(&word, length) {
                f(&word);
            }
            word.clear();
            length = 0;
        }
    }
}

/// The words of a text, as `for_each_word` finds them.
#[cfg(test)]
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

fn keep(word: &str, length: usize) -> bool {
    let one_letter = length == 1 && !word.starts_with(|c: char| c.is_ascii_digit());
    !one_letter && length <= MAX_WORD && !STOP_WORDS.contains(&word)
}

/// Stems normalised words; one per thread of the index build.
pub(crate) struct WordStemmer(Stemmer);

impl WordStemmer {
    pub(crate) fn new() -> Self {
        WordStemmer(Stemmer::create(Algorithm::Russian))
    }

    /// The term of a normalised word: the stem of a Russian word, anything else as is.
    pub(crate) fn stem(&self, word: &str) -> String {
        if word.chars().all(|c| matches!(c, 'а'..='я')) {
            self.0.stem(word).into_owned()
        } else {
            word.to_string()
        }
    }
}

/// The terms of a text, in order (tests and the parity check).
#[cfg(test)]
pub(crate) fn terms(text: &str) -> Vec<String> {
    let stemmer = WordStemmer::new();
    words(text).iter().map(|w| stemmer.stem(w)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_at_anything_but_letters_and_digits() {
        let found = words("«Индекс неподтверждения» (ЕГЭ-2025), приказ №178-П");
        assert_eq!(
            found,
            ["индекс", "неподтверждения", "егэ", "2025", "приказ", "178"]
        );
    }

    #[test]
    fn reads_yo_as_e_and_ignores_case() {
        let found = words("Учёт УЧЁТА Ёлка");
        assert_eq!(found, ["учет", "учета", "елка"]);
    }

    #[test]
    fn drops_function_words_and_single_letters_but_keeps_single_digits() {
        let found = words("СОШ № 1 и школа в селе, а также п. 5");
        assert_eq!(found, ["сош", "1", "школа", "селе", "5"]);
    }

    #[test]
    fn stems_russian_word_forms_to_one_term() {
        assert_eq!(terms("медалисты медалистов медалист"), ["медалист"; 3]);
        assert_eq!(terms("дорожная дорожной"), ["дорожн", "дорожн"]);
        assert_eq!(terms("организаций организация"), ["организац", "организац"]);
    }

    #[test]
    fn keeps_latin_words_numbers_and_mixtures_as_written() {
        assert_eq!(terms("PDF 5а 2025 ВПР"), ["pdf", "5а", "2025", "впр"]);
    }
}
