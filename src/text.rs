//! Small helpers for Russian text shown to readers.

mod hygiene;

pub(crate) use hygiene::find_flaws;

/// «приказ» -> «Приказ»: the first letter in upper case, the rest as written.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// One part of a name in reading order: text, or a number compared as a number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum NamePart {
    Number(u64),
    Text(String),
}

/// The order in which a Russian reader expects a list of names: case and «ё» do not
/// matter, quotes and other marks in front do not count, numbers compare as numbers
/// («№ 3» before «№ 10»), and a leading organisational-legal form (МБОУ, МАОУ,
/// МКДОУ, МБУ ДО, …) is ignored, so «МАОУ СОШ № 2» sits between «МБОУ СОШ № 1» and
/// «МБОУ СОШ № 3». Every list of organisations sorts with this key (then the id).
pub(crate) fn reading_order(name: &str) -> Vec<NamePart> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let is_form = |w: &str| {
        let n = w.chars().count();
        (2..=6).contains(&n)
            && w.ends_with('У')
            && w.chars().all(|c| c.is_uppercase() && !c.is_ascii())
    };
    if words.len() > 1 && is_form(words[0]) {
        words.remove(0);
        if words.len() > 1 && words[0] == "ДО" {
            words.remove(0);
        }
    }
    let text = words.join(" ").to_lowercase().replace('ё', "е");
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !current.is_empty() {
                parts.push(NamePart::Text(std::mem::take(&mut current)));
            }
            digits.push(c);
        } else {
            if !digits.is_empty() {
                parts.push(NamePart::Number(digits.parse().unwrap_or(u64::MAX)));
                digits.clear();
            }
            // Quotes and other marks do not count anywhere in the name.
            if c.is_alphanumeric() || c == ' ' || c == '№' {
                current.push(c);
            }
        }
    }
    if !digits.is_empty() {
        parts.push(NamePart::Number(digits.parse().unwrap_or(u64::MAX)));
    }
    if !current.is_empty() {
        parts.push(NamePart::Text(current));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::reading_order;

    #[test]
    fn orders_names_as_a_reader_expects() {
        let mut names = vec![
            "МБОУ СОШ № 10",
            "МАОУ «Лицей № 1»",
            "МБОУ СОШ № 3",
            "МАОУ СОШ № 2",
            "МБДОУ «Детский сад № 5»",
            "МБУ ДО «Дом детского творчества»",
            "ёлочка",
            "Гимназия",
        ];
        names.sort_by_key(|n| reading_order(n));
        assert_eq!(
            names,
            [
                "Гимназия",
                "МБДОУ «Детский сад № 5»",
                "МБУ ДО «Дом детского творчества»",
                "ёлочка",
                "МАОУ «Лицей № 1»",
                "МАОУ СОШ № 2",
                "МБОУ СОШ № 3",
                "МБОУ СОШ № 10",
            ]
        );
        // A name that is only a form is kept as it is.
        assert_eq!(reading_order("МБОУ"), reading_order("мбоу"));
    }

    #[test]
    fn capitalizes_cyrillic_and_keeps_the_rest() {
        assert_eq!(super::capitalize("приказ УО"), "Приказ УО");
        assert_eq!(super::capitalize(""), "");
    }
}
