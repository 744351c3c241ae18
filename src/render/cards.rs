//! Tables that become cards on a phone.
//!
//! A wide table does not fit a 360 px screen, and a table that scrolls sideways
//! hides the columns that matter. On a narrow screen the stylesheet lays every table
//! of class `cards` out as one card per row, each cell preceded by its column's
//! heading. The heading comes from the cell's `data-label`, which this pass writes
//! from the table's `<thead>` into every body cell of every generated page, so
//! tables from templates, shortcodes and Markdown alike get it, and nobody writes a
//! label by hand. Tables whose cells already carry labels (plan tables) are left as
//! they are; a table whose head is not one plain row of headings, or whose body
//! spans rows or columns, keeps its grid (a card would mislabel its cells).

use super::site_file::OutputFile;

/// Labels the tables of an HTML file in place.
pub(crate) fn label_tables_in(file: &mut OutputFile) {
    file.rewrite_html(|html| html.contains("<table").then(|| label_tables(html)));
}

/// `html` with every table that can become cards marked `cards` and labelled.
pub(crate) fn label_tables(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(start) = rest.find("<table") {
        let Some(len) = rest[start..].find("</table>") else {
            break;
        };
        let end = start + len + "</table>".len();
        out.push_str(&rest[..start]);
        let table = &rest[start..end];
        match as_cards(table) {
            Some(labelled) => out.push_str(&labelled),
            None => out.push_str(table),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The table marked and labelled, or `None` when it stays a grid.
fn as_cards(table: &str) -> Option<String> {
    if table.contains("data-label=") || table[6..].contains("<table") {
        return None;
    }
    let head_start = table.find("<thead")?;
    let head_end = head_start + table[head_start..].find("</thead>")?;
    let head = &table[head_start..head_end];
    if head.matches("<tr").count() != 1 || head.contains("colspan") || head.contains("rowspan") {
        return None;
    }
    let labels: Vec<String> = cells(head).map(|(_, inner)| plain(inner)).collect();
    if labels.is_empty() {
        return None;
    }
    let body = &table[head_end..];
    if body.contains("colspan") || body.contains("rowspan") {
        return None;
    }
    let mut out = String::with_capacity(table.len() + 256);
    let open_end = table.find('>')?;
    let open = &table[..open_end];
    match open.find("class=\"") {
        Some(at) => {
            out.push_str(&open[..at + 7]);
            out.push_str("cards ");
            out.push_str(&open[at + 7..]);
        }
        None => {
            out.push_str(open);
            out.push_str(" class=\"cards\"");
        }
    }
    out.push_str(&table[open_end..head_end]);
    // Body rows: the n-th cell of a row gets the n-th heading.
    let mut rest = body;
    while let Some(row_start) = rest.find("<tr") {
        let row_end = row_start
            + rest[row_start..]
                .find("</tr>")
                .unwrap_or(rest.len() - row_start);
        out.push_str(&rest[..row_start]);
        let row = &rest[row_start..row_end];
        let mut column = 0;
        let mut row_rest = row;
        while let Some((at, tag_len)) = next_cell(row_rest) {
            out.push_str(&row_rest[..at + tag_len]);
            if let Some(label) = labels.get(column) {
                if !label.is_empty() {
                    out.push_str(&format!(" data-label=\"{label}\""));
                }
            }
            column += 1;
            row_rest = &row_rest[at + tag_len..];
        }
        out.push_str(row_rest);
        rest = &rest[row_end..];
    }
    out.push_str(rest);
    Some(out)
}

/// The next `<td` or `<th` (followed by a space or `>`): its offset and tag length.
fn next_cell(html: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = html[from..].find("<t") {
        let at = from + at;
        let tail = &html[at..];
        if (tail.starts_with("<td") || tail.starts_with("<th"))
            && matches!(tail.as_bytes().get(3), Some(b' ' | b'>'))
        {
            return Some((at, 3));
        }
        from = at + 2;
    }
    None
}

/// The cells of a row: (opening tag, inner HTML).
fn cells(row: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = row;
    std::iter::from_fn(move || {
        let (at, _) = next_cell(rest)?;
        let close = if rest[at..].starts_with("<td") {
            "</td>"
        } else {
            "</th>"
        };
        let open_end = at + rest[at..].find('>')?;
        let inner_end = open_end + rest[open_end..].find(close)?;
        let cell = (&rest[at..=open_end], &rest[open_end + 1..inner_end]);
        rest = &rest[inner_end + close.len()..];
        Some(cell)
    })
}

/// A heading's text for an attribute: tags dropped, hidden helper text
/// (`visually-hidden`) kept, spaces collapsed, quotes escaped (the text is already
/// HTML-escaped otherwise).
fn plain(inner: &str) -> String {
    let mut text = String::with_capacity(inner.len());
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_each_body_cell_with_its_column_heading() {
        let html = "<p>x</p><table><caption>Т</caption><thead><tr><th scope=\"col\">Показатель</th><th>Округ, <abbr>%</abbr></th></tr></thead>\n<tbody><tr><th scope=\"row\">Доля</th><td>12,5</td></tr></tbody></table><p>y</p>";
        assert_eq!(
            label_tables(html),
            "<p>x</p><table class=\"cards\"><caption>Т</caption><thead><tr><th scope=\"col\">Показатель</th><th>Округ, <abbr>%</abbr></th></tr></thead>\n<tbody><tr><th data-label=\"Показатель\" scope=\"row\">Доля</th><td data-label=\"Округ, %\">12,5</td></tr></tbody></table><p>y</p>"
        );
    }

    #[test]
    fn adds_to_an_existing_class() {
        let html = "<table class=\"org-table\"><thead><tr><th>А</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>";
        assert!(label_tables(html).starts_with("<table class=\"cards org-table\">"));
    }

    #[test]
    fn leaves_labelled_spanning_and_headless_tables_as_they_are() {
        for html in [
            "<table><thead><tr><th>А</th></tr></thead><tbody><tr><td data-label=\"А\">1</td></tr></tbody></table>",
            "<table><thead><tr><th colspan=\"2\">А</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
            "<table><thead><tr><th>А</th><th>Б</th></tr></thead><tbody><tr><td colspan=\"2\">1</td></tr></tbody></table>",
            "<table><tbody><tr><td>1</td></tr></tbody></table>",
        ] {
            assert_eq!(label_tables(html), html);
        }
    }
}
