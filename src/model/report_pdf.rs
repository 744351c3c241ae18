//! The official PDF of each report (доклад): which file it is and where it comes from,
//! decided before rendering so that the report's page and the registry of acts can
//! link to it.
//!
//! A signed PDF next to the report (`file:` in its `_index.md`) is the official text
//! and wins. Otherwise `msoko build` prints the report's print page to PDF with
//! headless Chromium (output/pdf.rs) when one was found; without it the report has no
//! PDF and `check` says why (⚠), because the build must work on a machine without a
//! browser.

use std::path::PathBuf;

use super::Page;

/// Where a report's PDF comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PdfSource {
    /// The signed file from the content folder (the page's `file:`).
    Signed,
    /// Printed from the report's print page by the browser at this path.
    Printed { chromium: PathBuf },
    /// No PDF: no signed file and no browser to print one.
    Missing,
}

/// The PDF of one report.
#[derive(Debug, Clone)]
pub(crate) struct ReportPdf {
    /// The report's page, by index in `Model::pages`.
    pub(crate) report: usize,
    /// Site path of the PDF (`/doklad/2025/doklad-2025.pdf`); `None` when missing.
    pub(crate) url: Option<String>,
    pub(crate) source: PdfSource,
}

/// Is `page` the top page of a report?
pub(crate) fn is_report(page: &Page) -> bool {
    page.is_section && page.kind.as_deref() == Some(super::documents::REPORT_KIND)
}

/// Site path of the PDF printed from a report at `url` (`/doklad/2025/`):
/// `/doklad/2025/doklad-2025.pdf`, named after the last two parts so that a saved
/// file says which report it is.
pub(crate) fn printed_url(url: &str) -> String {
    let parts: Vec<&str> = url.trim_matches('/').split('/').collect();
    let name = match parts.as_slice() {
        [.., section, year] => format!("{section}-{year}"),
        [one] => (*one).to_string(),
        [] => "doklad".to_string(),
    };
    format!("{url}{name}.pdf")
}

/// The PDF of every report, in page order.
pub(crate) fn resolve_report_pdfs(pages: &[Page], chromium: Option<&PathBuf>) -> Vec<ReportPdf> {
    pages
        .iter()
        .enumerate()
        .filter(|(_, page)| is_report(page))
        .map(|(index, page)| match (&page.attached, chromium) {
            (Some(file), _) => ReportPdf {
                report: index,
                url: Some(file.url.clone()),
                source: PdfSource::Signed,
            },
            (None, Some(chromium)) => ReportPdf {
                report: index,
                url: Some(printed_url(&page.url)),
                source: PdfSource::Printed {
                    chromium: chromium.clone(),
                },
            },
            (None, None) => ReportPdf {
                report: index,
                url: None,
                source: PdfSource::Missing,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_printed_pdf_after_the_report() {
        assert_eq!(printed_url("/doklad/2025/"), "/doklad/2025/doklad-2025.pdf");
        assert_eq!(printed_url("/otchet/"), "/otchet/otchet.pdf");
    }
}
