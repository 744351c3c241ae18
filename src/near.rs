//! What the user probably meant: the nearest known word, and the characters in a
//! word that nobody can see.
//!
//! A key or a value copied from Word or a web page may carry a zero-width space
//! (U+200B), a soft hyphen or a no-break space: «kind: document» then looks right
//! and is not. Messages about an unknown key or value name such characters and
//! their places, and suggest the known word that is nearest (case and invisible
//! characters ignored, at most a third of the letters different).

/// Characters that are invisible or look like an ordinary space, with their names.
const INVISIBLE: [(char, &str, &str); 14] = [
    ('\u{200B}', "пробел нулевой ширины", "zero-width space"),
    (
        '\u{200C}',
        "разъединитель нулевой ширины",
        "zero-width non-joiner",
    ),
    (
        '\u{200D}',
        "соединитель нулевой ширины",
        "zero-width joiner",
    ),
    ('\u{2060}', "соединитель слов", "word joiner"),
    ('\u{FEFF}', "метка порядка байтов", "byte order mark"),
    ('\u{00AD}', "мягкий перенос", "soft hyphen"),
    ('\u{00A0}', "неразрывный пробел", "no-break space"),
    (
        '\u{202F}',
        "узкий неразрывный пробел",
        "narrow no-break space",
    ),
    ('\u{2007}', "цифровой пробел", "figure space"),
    (
        '\u{200E}',
        "знак письма слева направо",
        "left-to-right mark",
    ),
    (
        '\u{200F}',
        "знак письма справа налево",
        "right-to-left mark",
    ),
    (
        '\u{202A}',
        "встраивание слева направо",
        "left-to-right embedding",
    ),
    (
        '\u{202E}',
        "переопределение справа налево",
        "right-to-left override",
    ),
    (
        '\u{2066}',
        "изоляция слева направо",
        "left-to-right isolate",
    ),
];

fn invisible_name(c: char, english: bool) -> Option<&'static str> {
    INVISIBLE
        .iter()
        .find(|(known, _, _)| *known == c)
        .map(|(_, ru, en)| if english { *en } else { *ru })
}

/// «невидимый символ U+200B (пробел нулевой ширины) после 4-го знака» for every
/// invisible character in `word`, joined; `None` when there are none.
pub(crate) fn invisible_characters(word: &str, english: bool) -> Option<String> {
    let mut found = Vec::new();
    let mut visible = 0;
    for c in word.chars() {
        match invisible_name(c, english) {
            Some(name) if english => found.push(format!(
                "an invisible character U+{:04X} ({name}) after {visible} visible characters",
                c as u32
            )),
            Some(name) => found.push(format!(
                "невидимый символ U+{:04X} ({name}) после {visible}-го знака",
                c as u32
            )),
            None => visible += 1,
        }
    }
    (!found.is_empty()).then(|| found.join(", "))
}

/// `word` without invisible characters, in lower case, «ё» as «е».
fn key(word: &str) -> String {
    word.chars()
        .filter(|c| invisible_name(*c, false).is_none())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The known word nearest to `written`, if one is near enough to be a slip.
pub(crate) fn nearest<'a>(written: &str, known: &[&'a str]) -> Option<&'a str> {
    let written = key(written);
    let letters = written.chars().count();
    known
        .iter()
        .map(|k| (edit_distance(&key(k), &written), *k))
        .filter(|(distance, k)| *distance <= (letters.max(k.chars().count()) / 3).max(1))
        .min()
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

/// The Russian and English sentences added to a hint about an unknown `written`
/// among `known`: the invisible characters in it and the nearest known word.
pub(crate) fn advice(written: &str, known: &[&str], key_name: Option<&str>) -> (String, String) {
    let mut ru = Vec::new();
    let mut en = Vec::new();
    if let Some(found) = invisible_characters(written, false) {
        ru.push(format!("в написании есть {found} — наберите слово заново"));
        en.push(format!(
            "it contains {} — type the word again",
            invisible_characters(written, true).unwrap_or_default()
        ));
    }
    if let Some(near) = nearest(written, known) {
        let shown = match key_name {
            Some(k) => format!("{k}: {near}"),
            None => near.to_string(),
        };
        ru.push(format!("возможно, вы имели в виду {shown}"));
        en.push(format!("did you mean {shown}?"));
    }
    (ru.join("; "), en.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_invisible_characters_and_their_places() {
        assert_eq!(
            invisible_characters("docu\u{200B}ment", false).unwrap(),
            "невидимый символ U+200B (пробел нулевой ширины) после 4-го знака"
        );
        assert_eq!(invisible_characters("document", false), None);
        assert!(invisible_characters("a\u{00A0}b", true)
            .unwrap()
            .contains("U+00A0 (no-break space)"));
    }

    #[test]
    fn suggests_the_nearest_known_word() {
        let known = ["document", "report"];
        assert_eq!(nearest("documnet", &known), Some("document"));
        assert_eq!(nearest("Document", &known), Some("document"));
        assert_eq!(nearest("docu\u{200B}ment", &known), Some("document"));
        assert_eq!(nearest("doklad", &known), None);
        assert_eq!(
            nearest("schol", &["school", "kindergarten"]),
            Some("school")
        );
    }

    #[test]
    fn advice_says_both() {
        let (ru, en) = advice("Docu\u{200B}ment", &["document"], Some("kind"));
        assert_eq!(
            ru,
            "в написании есть невидимый символ U+200B (пробел нулевой ширины) после 4-го знака — наберите слово заново; возможно, вы имели в виду kind: document"
        );
        assert!(en.ends_with("did you mean kind: document?"));
    }
}
