//! Quotes inside quotes, the Russian way: «Положение „О ВСОКО“», never «…«…»».
//!
//! Names from the register and titles of documents carry their own «ёлочки», and
//! the site puts them inside its own («Данные диаграммы «Доля «2»»»). Rather than
//! every sentence minding the depth, this pass walks the text of each generated
//! page: within one block of text (a paragraph, a cell, a heading, an SVG text) a
//! «…» opened inside another becomes „…“. Each attribute value is a block of its own;
//! scripts and styles are left alone. An unbalanced quote only affects its block.

use super::site_file::OutputFile;

/// Nests the quotes of an HTML file in place.
pub(crate) fn nest_quotes_in(file: &mut OutputFile) {
    file.rewrite_html(|html| html.contains('«').then(|| nest_quotes(html)));
}

/// Tags that do not end a block of text: a quote may open before and close after them.
const INLINE: [&str; 12] = [
    "a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "sub", "sup",
];

/// `html` with inner quotes turned into „…“.
///
/// Text between quotes and tags is copied in slices, not character by character:
/// the pass runs over every byte of every page (11 MB pages at region scale).
pub(crate) fn nest_quotes(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut depth = 0usize;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text_run(&rest[..open], &mut depth, &mut out);
        let Some(len) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = &rest[open..=open + len];
        let name_start = tag[1..].trim_start_matches('/');
        let name = &name_start[..name_start
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(name_start.len())];
        let is = |known: &str| name.eq_ignore_ascii_case(known);
        if (is("script") || is("style")) && !tag.starts_with("</") {
            // Copy up to the end of the element untouched.
            let close = format!("</{}>", name.to_ascii_lowercase());
            let end = rest[open..]
                .find(&close)
                .map_or(rest.len(), |at| open + at + close.len());
            out.push_str(&rest[open..end]);
            rest = &rest[end..];
            depth = 0;
            continue;
        }
        attributes(tag, &mut out);
        if !INLINE.iter().any(|inline| is(inline)) {
            depth = 0;
        }
        rest = &rest[open + len + 1..];
    }
    text_run(rest, &mut depth, &mut out);
    out
}

/// A tag with the quotes of each double-quoted attribute value nested, onto `out`.
fn attributes(tag: &str, out: &mut String) {
    if !tag.contains('«') {
        out.push_str(tag);
        return;
    }
    for (i, part) in tag.split('"').enumerate() {
        if i > 0 {
            out.push('"');
        }
        if i % 2 == 1 {
            text_run(part, &mut 0, out);
        } else {
            out.push_str(part);
        }
    }
}

fn text_run(text: &str, depth: &mut usize, out: &mut String) {
    let mut copied = 0;
    for (at, c) in text.match_indices(['«', '»']) {
        out.push_str(&text[copied..at]);
        copied = at + c.len();
        if c == "«" {
            out.push(if *depth > 0 { '„' } else { '«' });
            *depth += 1;
        } else {
            *depth = depth.saturating_sub(1);
            out.push(if *depth > 0 { '“' } else { '»' });
        }
    }
    out.push_str(&text[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_quotes_inside_quotes_into_low_high_ones() {
        assert_eq!(
            nest_quotes("<p>Данные диаграммы «Доля «2» по ВПР» и «МБОУ «СОШ»»</p>"),
            "<p>Данные диаграммы «Доля „2“ по ВПР» и «МБОУ „СОШ“»</p>"
        );
    }

    #[test]
    fn follows_a_quote_across_inline_tags_but_not_across_blocks() {
        assert_eq!(
            nest_quotes("<p>«Положение <a href=\"/x/\">«О ВСОКО»</a>»</p><p>«Лицей»</p>"),
            "<p>«Положение <a href=\"/x/\">„О ВСОКО“</a>»</p><p>«Лицей»</p>"
        );
        assert_eq!(
            nest_quotes("<td>«a</td><td>«b»</td>"),
            "<td>«a</td><td>«b»</td>"
        );
    }

    #[test]
    fn nests_in_attributes_and_leaves_scripts_alone() {
        assert_eq!(
            nest_quotes(
                "<div aria-label=\"Диаграмма: «Доля «2»»\"><script>let s = \"««»»\";</script>"
            ),
            "<div aria-label=\"Диаграмма: «Доля „2“»\"><script>let s = \"««»»\";</script>"
        );
    }

    #[test]
    fn leaves_single_level_quotes_as_they_are() {
        let html = "<p>МБОУ «Таёжная СОШ» и «Лицей № 2»</p>";
        assert_eq!(nest_quotes(html), html);
    }
}
