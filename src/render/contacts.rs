//! Tappable contacts: `tel:`, `mailto:` and web links built from what the register
//! says, only when what it says is safe and well-formed.
//!
//! The register is typed by hand, so a link is made only from a value that can be
//! nothing else: a telephone number of digits (its separators dropped), an address
//! with one «@» and no spaces or quotes, a site whose address starts with
//! `http://` or `https://`. Anything else (a `javascript:` address, two numbers in
//! one field) is shown as plain text, never as a link.

/// `tel:+73456721136` from «+7 (34567) 2-11-36»; `None` unless the text is one
/// number: digits, an optional leading «+», and the usual separators.
pub(crate) fn tel_href(phone: &str) -> Option<String> {
    let phone = phone.trim();
    if !phone
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-+\u{a0}.".contains(c))
    {
        return None;
    }
    let plus = phone.starts_with('+');
    if phone.chars().skip(1).any(|c| c == '+') {
        return None;
    }
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if !(5..=15).contains(&digits.len()) {
        return None;
    }
    Some(format!("tel:{}{digits}", if plus { "+" } else { "" }))
}

/// `mailto:` for an e-mail address with one «@», a dot in its domain and nothing
/// that could end or extend the attribute or the address.
pub(crate) fn mailto_href(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let bad = |c: char| c.is_whitespace() || "\"'<>()[]\\,;:@?&=%".contains(c);
    if local.is_empty() || !domain.contains('.') || local.chars().chain(domain.chars()).any(bad) {
        return None;
    }
    if domain.starts_with('.') || domain.ends_with('.') {
        return None;
    }
    Some(format!("mailto:{email}"))
}

/// The address itself when it is a web address (`http://` or `https://` and a
/// host), else `None`.
pub(crate) fn web_href(site: &str) -> Option<String> {
    let site = site.trim();
    let lower = site.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty()
        || site
            .chars()
            .any(|c| c.is_whitespace() || "\"'<>".contains(c))
    {
        return None;
    }
    Some(site.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dials_a_number_written_with_separators() {
        assert_eq!(
            tel_href("+7 (34567) 2-11-36").as_deref(),
            Some("tel:+73456721136")
        );
        assert_eq!(
            tel_href("8 800 100-00-00").as_deref(),
            Some("tel:88001000000")
        );
        assert_eq!(tel_href("2-11-36, 2-11-37"), None, "two numbers");
        assert_eq!(tel_href("звоните в приёмную"), None);
        assert_eq!(tel_href("javascript:alert(1)"), None);
    }

    #[test]
    fn writes_to_a_plain_address_only() {
        assert_eq!(
            mailto_href("sosh1@kedrovogorsk-edu.example.ru").as_deref(),
            Some("mailto:sosh1@kedrovogorsk-edu.example.ru")
        );
        for bad in [
            "a b@c.ru",
            "a@b",
            "a@b.ru?subject=x",
            "\"a\"@b.ru",
            "a@@b.ru",
            "javascript:a@b.ru",
        ] {
            assert_eq!(mailto_href(bad), None, "{bad}");
        }
    }

    #[test]
    fn links_only_web_addresses() {
        assert_eq!(
            web_href("https://sosh1.kedrovogorsk.example.ru").as_deref(),
            Some("https://sosh1.kedrovogorsk.example.ru")
        );
        assert_eq!(
            web_href("http://x.ru/a?b").as_deref(),
            Some("http://x.ru/a?b")
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt://x",
            "sosh1.ru",
            "https://",
            "https://a\" onclick=\"x",
            "data:text/html,x",
        ] {
            assert_eq!(web_href(bad), None, "{bad}");
        }
    }
}
