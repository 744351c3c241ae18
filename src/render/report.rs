//! The annual report (доклад): a section with `kind: report` whose pages are its
//! chapters. Chapters are numbered in their section order and so are their headings
//! («2.1»); the report's page holds the table of contents; each chapter links to the
//! previous and next one; `/…/print/` puts the cover, the contents and every chapter
//! on one page for printing.

use serde::Serialize;

use super::markdown::Heading;
use crate::model::Model;

/// Where a page stands in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The report's section page.
    pub(crate) report: usize,
    /// 1-based chapter number; `None` for the report's own page.
    pub(crate) chapter: Option<usize>,
}

/// The report a page belongs to, if any.
pub(crate) fn place_of(model: &Model, index: usize) -> Option<Place> {
    let is_report =
        |i: usize| model.pages[i].is_section && model.pages[i].kind.as_deref() == Some("report");
    if is_report(index) {
        return Some(Place {
            report: index,
            chapter: None,
        });
    }
    let parent = *model.ancestors(index).last()?;
    if !is_report(parent) {
        return None;
    }
    let chapters = &model.children.get(&parent)?.pages;
    let position = chapters.iter().position(|&c| c == index)?;
    Some(Place {
        report: parent,
        chapter: Some(position + 1),
    })
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChapterView {
    pub(crate) number: usize,
    pub(crate) title: String,
    pub(crate) url: String,
    /// Numbered headings of the chapter (h2 and h3), for the contents.
    pub(crate) headings: Vec<Heading>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct ReportView {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) print_url: String,
    /// The official PDF (signed, or printed at build time), when there is one.
    pub(crate) pdf_url: Option<String>,
    pub(crate) chapters: Vec<ChapterView>,
    /// The chapter being shown, if any.
    pub(crate) current: Option<usize>,
    /// The report shows the data as published (a snapshot), not today's.
    pub(crate) frozen: bool,
    pub(crate) previous: Option<ChapterView>,
    pub(crate) next: Option<ChapterView>,
}

/// The path of a report's print page.
pub(crate) fn print_path(model: &Model, report: usize) -> String {
    format!("{}print/", model.pages[report].url)
}

/// The report's structure as seen from page `place`; `headings` of every page by
/// index (from the Markdown pass).
pub(crate) fn report_view(model: &Model, place: Place, headings: &[Vec<Heading>]) -> ReportView {
    let report = &model.pages[place.report];
    let chapters: Vec<ChapterView> = model
        .children
        .get(&place.report)
        .map(|c| c.pages.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(n, &i)| ChapterView {
            number: n + 1,
            title: model.pages[i].title.clone(),
            url: model.link(&model.pages[i].url),
            headings: headings[i]
                .iter()
                .filter(|h| h.level <= 3)
                .cloned()
                .collect(),
        })
        .collect();
    let at = |n: Option<usize>| n.and_then(|n| chapters.get(n.checked_sub(1)?)).cloned();
    ReportView {
        title: report.title.clone(),
        url: model.link(&report.url),
        print_url: model.link(&print_path(model, place.report)),
        pdf_url: model.report_pdf_url(place.report).map(|u| model.link(u)),
        previous: place.chapter.and_then(|c| at(c.checked_sub(1))),
        next: place.chapter.and_then(|c| at(Some(c + 1))),
        current: place.chapter,
        frozen: report.data_snapshot.is_some(),
        chapters,
    }
}

/// A chapter's HTML made fit for the one-page print version: its ids and links to
/// them get the chapter's prefix (two chapters may both have `#itogi`), and its
/// headings move one level down under the chapter's own `<h2>`.
pub(crate) fn for_print(html: &str, chapter: usize) -> String {
    let prefix = format!("ch{chapter}-");
    let mut out = html
        .replace(" id=\"", &format!(" id=\"{prefix}"))
        .replace("href=\"#", &format!("href=\"#{prefix}"));
    for attribute in ["aria-labelledby=\"", "aria-describedby=\""] {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(attribute) {
            let start = at + attribute.len();
            result.push_str(&rest[..start]);
            let end = rest[start..].find('"').map_or(rest.len(), |e| start + e);
            let ids: Vec<String> = rest[start..end]
                .split_whitespace()
                .map(|id| format!("{prefix}{id}"))
                .collect();
            result.push_str(&ids.join(" "));
            rest = &rest[end..];
        }
        result.push_str(rest);
        out = result;
    }
    for level in (2..=5).rev() {
        out = out
            .replace(&format!("<h{level}"), &format!("<h{}", level + 1))
            .replace(&format!("</h{level}>"), &format!("</h{}>", level + 1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_ids_and_moves_headings_down_for_print() {
        let html = "<h2 id=\"itogi\">Итоги</h2><a href=\"#itogi\">x</a><svg aria-labelledby=\"a-title a-desc\"><title id=\"a-title\">t</title></svg><a href=\"/x/#y\">y</a>";
        assert_eq!(
            for_print(html, 2),
            "<h3 id=\"ch2-itogi\">Итоги</h3><a href=\"#ch2-itogi\">x</a><svg aria-labelledby=\"ch2-a-title ch2-a-desc\"><title id=\"ch2-a-title\">t</title></svg><a href=\"/x/#y\">y</a>"
        );
    }
}
