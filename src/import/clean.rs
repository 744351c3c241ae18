//! Cleans text copied out of Word and Excel before it goes into the site's files.
//!
//! Office documents carry invisible typography that a reader never sees on paper but
//! that breaks search and reads oddly on a phone: non-breaking and double spaces, tabs,
//! soft hyphens, zero-width characters, words broken at a line end («мони- торинга»),
//! and Latin letters that look like Cyrillic ones typed inside a Russian word («мoниторинг»
//! with a Latin «o»). [`clean_text`] removes all of these and nothing else: quotes,
//! dashes and punctuation stay as the author wrote them.
//!
//! Kept apart from the importers so that the plan checks (text hygiene warnings) can
//! reuse the same definitions of what is wrong: [`is_lookalike_word`] and
//! [`is_broken_hyphenation`] say what [`clean_text`] would change.

/// Latin letters drawn like Cyrillic ones, with the Cyrillic letter they stand for.
const LOOKALIKES: [(char, char); 20] = [
    ('a', 'а'),
    ('c', 'с'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('x', 'х'),
    ('y', 'у'),
    ('k', 'к'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('T', 'Т'),
    ('X', 'Х'),
    ('Y', 'У'),
];

/// Characters that print as nothing: soft hyphen, zero-width space and joiners, BOM.
const INVISIBLE: [char; 5] = ['\u{00AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{FEFF}'];

/// Hyphens a line-end break is written with.
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// The text with invisible characters removed, hyphenation breaks joined, Latin
/// look-alikes inside Cyrillic words replaced, every run of whitespace (tabs,
/// non-breaking spaces, line breaks) made one space, and no space at either end.
pub(crate) fn clean_text(text: &str) -> String {
    let visible: String = text.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    let joined = join_hyphenation(&visible);
    let spaced = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    fix_lookalikes(&spaced)
}

/// Whether `word` (letters only) mixes Cyrillic letters with Latin look-alikes only,
/// so that replacing the Latin ones gives a Russian word.
pub(crate) fn is_lookalike_word(word: &str) -> bool {
    let cyrillic = word.chars().any(is_cyrillic);
    let latin: Vec<char> = word.chars().filter(char::is_ascii_alphabetic).collect();
    cyrillic && !latin.is_empty() && latin.iter().all(|c| lookalike(*c).is_some())
}

/// Whether the text at a hyphen is a word broken at a line end: a lower-case
/// Cyrillic letter, a hyphen, whitespace, a lower-case Cyrillic letter
/// («мони- торинга»). «по-новому» (no space) and «- пункт» (a dash of a list) are not.
pub(crate) fn is_broken_hyphenation(before: char, after_space: char) -> bool {
    is_lower_cyrillic(before) && is_lower_cyrillic(after_space)
}

fn join_hyphenation(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if HYPHENS.contains(&c) && i > 0 && chars.get(i + 1).is_some_and(|n| n.is_whitespace()) {
            let mut next = i + 1;
            while chars.get(next).is_some_and(|n| n.is_whitespace()) {
                next += 1;
            }
            if let Some(&after) = chars.get(next) {
                if is_broken_hyphenation(chars[i - 1], after) {
                    i = next;
                    continue;
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn fix_lookalikes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if is_lookalike_word(word) {
            out.extend(word.chars().map(|c| lookalike(c).unwrap_or(c)));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn lookalike(c: char) -> Option<char> {
    LOOKALIKES
        .iter()
        .find(|(latin, _)| *latin == c)
        .map(|(_, cyrillic)| *cyrillic)
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё')
}

fn is_lower_cyrillic(c: char) -> bool {
    matches!(c, 'а'..='я' | 'ё')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_every_kind_of_space_one_space() {
        assert_eq!(
            clean_text("\u{00A0}\u{00A0}Проведение\tмониторинга  \n качества "),
            "Проведение мониторинга качества"
        );
    }

    #[test]
    fn removes_soft_hyphens_and_zero_width_characters() {
        assert_eq!(clean_text("мони\u{00AD}торинг\u{200B}а"), "мониторинга");
    }

    #[test]
    fn joins_words_broken_at_a_line_end() {
        assert_eq!(
            clean_text("проведение мони- торинга"),
            "проведение мониторинга"
        );
        assert_eq!(clean_text("мони-\nторинга"), "мониторинга");
        // A hyphenated word and a list dash stay.
        assert_eq!(clean_text("по-новому"), "по-новому");
        assert_eq!(
            clean_text("показатели: - эффективности"),
            "показатели: - эффективности"
        );
        assert_eq!(clean_text("Северо- Западный"), "Северо- Западный");
    }

    #[test]
    fn replaces_latin_lookalikes_inside_russian_words() {
        // «мoниторинг» with a Latin o, «CОШ» with a Latin C.
        assert_eq!(clean_text("мoниторинг в CОШ"), "мониторинг в СОШ");
        // Latin words and mixed words with other Latin letters stay.
        assert_eq!(
            clean_text("IT-куб, ФИС ОКО, Wi-Fi"),
            "IT-куб, ФИС ОКО, Wi-Fi"
        );
        assert!(!is_lookalike_word("ФИСwq"));
    }

    #[test]
    fn keeps_quotes_dashes_and_punctuation() {
        let text = "Доклад «О состоянии системы образования» — до 01.09.2022; (ИМЦ)";
        assert_eq!(clean_text(text), text);
    }
}
