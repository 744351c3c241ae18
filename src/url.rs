//! Which addresses may be published as links.
//!
//! An address typed into a data field (an organisation's `site`, a social page, an
//! outside act) becomes an `href` on the site; `javascript:alert(…)` there would run
//! in every reader's browser. So data fields take only the schemes a reader follows
//! on purpose: `https:`, `http:`, `mailto:` and `tel:`. Markdown is freer (site paths,
//! relative files, other schemes such as `ftp:`), so there only the schemes that run
//! code or smuggle a page in are dropped: `javascript:`, `vbscript:` and `data:`
//! (a `data:` picture in an image is harmless and allowed).
//!
//! The scheme is read the way browsers read it (WHATWG URL): leading spaces and
//! control characters are ignored, tabs and line breaks inside are removed, case
//! does not matter, so « JaVa\tScript:» is caught too.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::tr;

/// The schemes a data field may use.
const DATA_FIELD_SCHEMES: [&str; 4] = ["https", "http", "mailto", "tel"];

/// The scheme of `url` in lower case, as a browser would see it; `None` for a
/// relative address (`/about/`, `приказ.pdf`, `#part`).
pub(crate) fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Whether an address typed into a data field may be published: an absolute
/// `https:`, `http:`, `mailto:` or `tel:` address.
pub(crate) fn is_allowed_in_data(url: &str) -> bool {
    scheme(url).is_some_and(|s| DATA_FIELD_SCHEMES.contains(&s.as_str()))
}

/// An error when a data field `field` holds an address that may not be published
/// (the caller puts it at the line).
pub(crate) fn check_data_field(field: &str, url: &str, file: &Path) -> Option<Diagnostic> {
    if is_allowed_in_data(url) {
        return None;
    }
    let message = match scheme(url) {
        Some(scheme) => tr!(
            "{field}: адрес «{url}» начинается со схемы «{scheme}:», по которой ссылку нельзя опубликовать (в браузере читателя она может выполнить программу)",
            "{field}: the address “{url}” starts with the scheme “{scheme}:”, which cannot be published as a link (it may run a program in the reader's browser)"
        ),
        None => tr!(
            "{field}: «{url}» — не полный адрес, читатель по нему не перейдёт",
            "{field}: “{url}” is not a full address; a reader cannot follow it"
        ),
    };
    Some(
        Diagnostic::error(file, message).hint(tr!(
                "адрес начинается с https://, http://, mailto: или tel:, например \"https://school1.example.ru\"",
                "an address starts with https://, http://, mailto: or tel:, e.g. \"https://school1.example.ru\""
            )),
    )
}

/// Whether a Markdown link (or, with `image`, a picture) to `url` must be dropped.
pub(crate) fn is_dangerous_in_markdown(url: &str, image: bool) -> bool {
    match scheme(url).as_deref() {
        Some("javascript" | "vbscript") => true,
        Some("data") => !(image && is_picture_data(url)),
        _ => false,
    }
}

/// Whether a `data:` address holds a picture (`data:image/png;base64,…`); a
/// `data:text/html,…` page in an `<img>` is not one.
fn is_picture_data(url: &str) -> bool {
    let cleaned = url.trim_start_matches(|c: char| c <= ' ');
    cleaned
        .get(5..)
        .is_some_and(|rest| rest.trim_start().to_ascii_lowercase().starts_with("image/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_scheme_as_a_browser_does() {
        assert_eq!(scheme("https://x.ru").as_deref(), Some("https"));
        assert_eq!(
            scheme(" \u{1}JaVa\tScRipt:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("/about/"), None);
        assert_eq!(scheme("приказ.pdf"), None);
        assert_eq!(scheme("a/b:c"), None);
        assert_eq!(scheme("1http:x"), None);
    }

    #[test]
    fn data_fields_take_web_mail_and_phone_addresses_only() {
        for good in [
            "https://school1.ru",
            "http://x.ru/a",
            "mailto:a@b.ru",
            "tel:+78001234567",
        ] {
            assert!(is_allowed_in_data(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>",
            "school1.ru",
            "/about/",
            "ftp://x.ru",
        ] {
            assert!(!is_allowed_in_data(bad), "{bad}");
        }
    }

    #[test]
    fn markdown_drops_script_schemes_and_data_outside_images() {
        assert!(is_dangerous_in_markdown("javascript:alert(1)", false));
        assert!(is_dangerous_in_markdown("VBScript:x", true));
        assert!(is_dangerous_in_markdown("data:text/html;base64,AAA", false));
        assert!(!is_dangerous_in_markdown("data:image/png;base64,AAA", true));
        assert!(is_dangerous_in_markdown("data:text/html,<b>x</b>", true));
        assert!(!is_dangerous_in_markdown("ftp://x.ru/a", false));
        assert!(!is_dangerous_in_markdown("приказ.pdf", false));
    }
}
