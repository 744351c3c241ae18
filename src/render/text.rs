//! The readable text of a page's own content, for the search index.
//!
//! Takes the HTML that Markdown and shortcodes made (never the template around it,
//! so menus, breadcrumbs and the footer stay out of the index) and keeps what a
//! reader reads: text between tags, with entities decoded and block boundaries as
//! spaces. Charts (`<svg>`) and anything in `<script>`/`<style>` are left out: axis
//! labels and tick numbers are not what anyone searches for.

/// Elements whose content is not text for a reader.
const SKIPPED: [&str; 3] = ["svg", "script", "style"];

pub(crate) fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        let (closing, name) = tag_name(tag);
        if !closing && !tag.ends_with("/>") {
            if let Some(skipped) = SKIPPED.iter().find(|s| name.eq_ignore_ascii_case(s)) {
                rest = skip_element(rest, skipped);
            }
        }
        // Every tag separates words: block tags must (`<td>a</td><td>b</td>`), and
        // an inline tag inside a word is rare.
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    push_text(&mut out, rest);
    let mut text = String::with_capacity(out.len());
    for word in out.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}

/// What follows the end of element `name`, whose opening tag is just before `rest`
/// (nested elements of the same name counted). Text such as `a < b` in a script is
/// stepped over one `<` at a time.
fn skip_element<'a>(mut rest: &'a str, name: &str) -> &'a str {
    let mut depth = 1;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt..];
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..end];
        let (closing, tag_name) = tag_name(tag);
        if !tag_name.eq_ignore_ascii_case(name) {
            rest = &rest[1..];
            continue;
        }
        rest = &rest[end..];
        if closing {
            depth -= 1;
            if depth == 0 {
                return rest;
            }
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
    }
    ""
}

/// (whether it is a closing tag, the element name) of `<name ...>` or `</name>`.
fn tag_name(tag: &str) -> (bool, &str) {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let end = inner
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(inner.len());
    (closing, &inner[..end])
}

/// Text with its character references decoded.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| Some((decode_entity(&rest[1..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "laquo" => '«',
        "raquo" => '»',
        "mdash" => '—',
        "ndash" => '–',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_text_between_tags() {
        assert_eq!(
            plain_text(
                "<h2 id=\"a\">Итоги</h2>\n<p>Школа <strong>№&nbsp;1</strong> &amp; лицей</p>"
            ),
            "Итоги Школа № 1 & лицей"
        );
    }

    #[test]
    fn separates_table_cells() {
        assert_eq!(
            plain_text("<table><tr><td>СОШ</td><td>12</td></tr></table>"),
            "СОШ 12"
        );
    }

    #[test]
    fn leaves_out_charts_and_scripts() {
        assert_eq!(
            plain_text("<p>До</p><svg><g><text>2025</text></g><svg><text>x</text></svg></svg><script>var a = 1 < 2;</script><p>После</p>"),
            "До После"
        );
    }

    #[test]
    fn decodes_numeric_references_and_keeps_a_lone_ampersand() {
        assert_eq!(
            plain_text("&#171;ВПР&#x00BB; A & B &unknown;"),
            "«ВПР» A & B &unknown;"
        );
    }
}
