//! Small helpers for Russian text shown to readers.

/// «приказ» -> «Приказ»: the first letter in upper case, the rest as written.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn capitalizes_cyrillic_and_keeps_the_rest() {
        assert_eq!(super::capitalize("приказ УО"), "Приказ УО");
        assert_eq!(super::capitalize(""), "");
    }
}
