//! Raw HTML inside Markdown, made safe to publish.
//!
//! Raw HTML stays allowed: methodologists paste `<br>`, `<sup>`, `<details>` or a
//! table from Word, and shortcodes expand to HTML blocks. What may not reach a
//! reader is anything that runs a program: event-handler attributes (`onclick=…`),
//! addresses with `javascript:`/`vbscript:` or a `data:` address that is not a
//! picture (in `href`, `src`, `action`, …), and the elements that load or run code
//! (`<script>`, `<iframe>`, `<object>`, `<embed>`, …). Those are dropped, each with
//! a finding at its place, and the rest of the HTML is kept as written.
//!
//! The scan is a small tag reader, not a full HTML parser: it only has to find tags
//! and their attributes, and anything it cannot read as a tag (a lone `<`, a tag cut
//! off at the end) is escaped, so it cannot open a tag in the reader's browser.

use crate::url;

/// Elements that load or run code: dropped with their tags (a `<script>`'s
/// content too, since it is a program, not text).
const DROPPED_ELEMENTS: [&str; 10] = [
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link",
];

/// Attributes whose value is an address a browser follows or loads.
const ADDRESS_ATTRIBUTES: [&str; 12] = [
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "cite",
    "data",
    "srcset",
    "longdesc",
    "ping",
];

/// What was dropped, and where (a byte offset in the cleaned fragment's input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Dropped {
    /// `<a onclick=…>`: the attribute.
    Handler { tag: String, attribute: String },
    /// `<a href="javascript:…">`: the attribute, for its scheme.
    Address {
        tag: String,
        attribute: String,
        scheme: String,
    },
    /// `<script>`: the whole element.
    Element { tag: String },
}

#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    pub(crate) html: String,
    pub(crate) dropped: Vec<(usize, Dropped)>,
}

/// `html` without anything that runs a program.
pub(crate) fn clean(html: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut i = 0;
    // Inside a dropped `<script>`: its content is skipped up to `</script>`.
    let mut skipping: Option<&str> = None;
    while i < html.len() {
        let Some(next) = html[i..].find('<') else {
            if skipping.is_none() {
                out.html.push_str(&html[i..]);
            }
            break;
        };
        if skipping.is_none() {
            out.html.push_str(&html[i..i + next]);
        }
        i += next;
        if html[i..].starts_with("<!--") {
            let end = html[i..].find("-->").map_or(html.len(), |e| i + e + 3);
            if skipping.is_none() {
                out.html.push_str(&html[i..end]);
            }
            i = end;
            continue;
        }
        let Some(tag) = read_tag(html, i) else {
            if skipping.is_none() {
                out.html.push_str("&lt;");
            }
            i += 1;
            continue;
        };
        let name = tag.name.to_ascii_lowercase();
        if let Some(open) = skipping {
            if tag.closing && name == open {
                skipping = None;
            }
            i = tag.end;
            continue;
        }
        if DROPPED_ELEMENTS.contains(&name.as_str()) {
            if !tag.closing {
                out.dropped
                    .push((i, Dropped::Element { tag: name.clone() }));
                if name == "script" && !tag.self_closing {
                    skipping = Some("script");
                }
            }
            i = tag.end;
            continue;
        }
        out.html.push('<');
        if tag.closing {
            out.html.push('/');
        }
        out.html.push_str(tag.name);
        for attribute in &tag.attributes {
            if let Some(why) = dropped_attribute(&name, attribute) {
                out.dropped.push((attribute.start, why));
            } else {
                out.html.push(' ');
                out.html.push_str(&html[attribute.start..attribute.end]);
            }
        }
        if tag.self_closing {
            out.html.push_str(" /");
        }
        out.html.push('>');
        i = tag.end;
    }
    out
}

struct Attribute<'a> {
    name: &'a str,
    /// The value as written, quotes removed, character references not yet decoded.
    value: &'a str,
    /// The attribute's span in the input, value included.
    start: usize,
    end: usize,
}

struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
    attributes: Vec<Attribute<'a>>,
    /// Just past the closing `>`.
    end: usize,
}

/// The tag starting at `start` (a `<`), or `None` when what follows is not a
/// complete tag.
fn read_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || b"-:".contains(&bytes[i])) {
        i += 1;
    }
    let mut tag = Tag {
        name: &html[name_start..i],
        closing,
        self_closing: false,
        attributes: Vec::new(),
        end: 0,
    };
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            tag.self_closing = bytes[i] == b'/';
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                tag.end = i + 1;
                return Some(tag);
            }
            _ => tag.self_closing = false,
        }
        let attribute_start = i;
        while i < bytes.len() && !(bytes[i].is_ascii_whitespace() || b"=>/".contains(&bytes[i])) {
            i += 1;
        }
        let name = &html[attribute_start..i];
        let mut after_name = i;
        while after_name < bytes.len() && bytes[after_name].is_ascii_whitespace() {
            after_name += 1;
        }
        let mut value = "";
        if bytes.get(after_name) == Some(&b'=') {
            i = after_name + 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i)? {
                quote @ (b'"' | b'\'') => {
                    let close = html[i + 1..].find(*quote as char)? + i + 1;
                    value = &html[i + 1..close];
                    i = close + 1;
                }
                _ => {
                    let value_start = i;
                    while i < bytes.len() && !(bytes[i].is_ascii_whitespace() || bytes[i] == b'>') {
                        i += 1;
                    }
                    value = &html[value_start..i];
                }
            }
        }
        tag.attributes.push(Attribute {
            name,
            value,
            start: attribute_start,
            end: i,
        });
    }
}

/// Why `attribute` of element `tag` must go, if it must.
fn dropped_attribute(tag: &str, attribute: &Attribute<'_>) -> Option<Dropped> {
    let name = attribute.name.to_ascii_lowercase();
    if name.starts_with("on") {
        return Some(Dropped::Handler {
            tag: tag.to_string(),
            attribute: name,
        });
    }
    if name == "srcdoc" || (name == "style" && decode(attribute.value).contains("javascript:")) {
        return Some(Dropped::Handler {
            tag: tag.to_string(),
            attribute: name,
        });
    }
    if !ADDRESS_ATTRIBUTES.contains(&name.as_str()) {
        return None;
    }
    let picture = matches!(tag, "img" | "source" | "picture" | "image")
        && matches!(name.as_str(), "src" | "srcset" | "href" | "xlink:href");
    let value = decode(attribute.value);
    // `srcset` is a list of addresses, each followed by its width.
    let dangerous = if name == "srcset" {
        value
            .split(',')
            .any(|part| url::is_dangerous_in_markdown(part.trim(), picture))
    } else {
        url::is_dangerous_in_markdown(&value, picture)
    };
    dangerous.then(|| Dropped::Address {
        tag: tag.to_string(),
        attribute: name,
        scheme: url::scheme(&value).unwrap_or_default(),
    })
}

/// Character references a browser decodes in an attribute value before it reads
/// the address (`jav&#x61;script&colon;` is `javascript:`).
fn decode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        let reference = &rest[1..end];
        let decoded = if let Some(number) = reference.strip_prefix('#') {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            code.and_then(char::from_u32)
        } else {
            match reference {
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "amp" => Some('&'),
                "sol" => Some('/'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                _ => None,
            }
        };
        match decoded {
            Some(c) if end > 1 => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(html: &str) -> String {
        clean(html).html
    }

    #[test]
    fn keeps_ordinary_html_as_written() {
        for html in [
            "<details><summary>Подробнее</summary>Текст</details>",
            "<a href=\"https://x.ru\" title='Сайт'>сайт</a>",
            "H<sub>2</sub>O<br /><!-- заметка -->",
            "<img src=\"data:image/png;base64,AAA\" alt=\"Схема\">",
        ] {
            assert_eq!(cleaned(html), html, "{html}");
        }
    }

    #[test]
    fn drops_handlers_and_script_addresses_with_their_places() {
        let html =
            "<a href=\"jav&#x61;script&colon;alert(1)\" class=\"x\" OnClick='go()'>ссылка</a>";
        let result = clean(html);
        assert_eq!(result.html, "<a class=\"x\">ссылка</a>");
        assert_eq!(
            result.dropped,
            vec![
                (
                    3,
                    Dropped::Address {
                        tag: "a".into(),
                        attribute: "href".into(),
                        scheme: "javascript".into()
                    }
                ),
                (
                    51,
                    Dropped::Handler {
                        tag: "a".into(),
                        attribute: "onclick".into()
                    }
                ),
            ]
        );
        assert_eq!(&html[51..58], "OnClick");
    }

    #[test]
    fn drops_non_picture_data_and_vbscript() {
        assert_eq!(
            cleaned("<img src=\"data:text/html,<b>x</b>\" alt=\"a\">"),
            "<img alt=\"a\">"
        );
        assert_eq!(cleaned("<a href=vbscript:msgbox>x</a>"), "<a>x</a>");
        assert_eq!(
            cleaned("<form action=\" javascript:x\"></form>"),
            "<form></form>"
        );
    }

    #[test]
    fn drops_scripts_with_their_content_and_frames() {
        let result = clean("<p>До</p><script>alert('<b>')</script><iframe src=\"https://x.ru\"></iframe><p>После</p>");
        assert_eq!(result.html, "<p>До</p><p>После</p>");
        assert_eq!(result.dropped.len(), 2);
    }

    #[test]
    fn escapes_what_is_not_a_whole_tag() {
        assert_eq!(cleaned("1 < 2 <a href=\"x"), "1 &lt; 2 &lt;a href=\"x");
    }
}
