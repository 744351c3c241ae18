//! What a partial render for `serve` (`render_changed`: only the pages whose
//! Markdown changed) keeps and returns.
//!
//! It applies only when nothing another page shows of a changed page changed: its
//! headings (a report's contents) and the numbers of its figures and tables (other
//! pages refer to them). Everything else other pages see of a page (title, address,
//! dates, description, kind) comes from its front matter, which the caller has found
//! unchanged. When that does not hold, `render_changed` says so and the caller builds
//! the whole site, so a partial render is never a guess.

use std::collections::BTreeMap;

use tera::Tera;

use super::markdown::Heading;
use super::shortcodes::Numbering;
use super::site_file::OutputFile;
use crate::diagnostic::Diagnostic;

/// What a full render keeps for later partial ones.
#[derive(Debug, Default)]
pub(crate) struct RenderMemory {
    /// The headings of each page's Markdown, by index in `model.pages`.
    pub(crate) headings: Vec<Vec<Heading>>,
    /// The Markdown of each page of a report, for its print version.
    pub(crate) report_html: BTreeMap<usize, String>,
    /// The numbers of figures and tables.
    pub(crate) numbering: Numbering,
    /// The problems of each page, by index in `model.pages`.
    pub(crate) page_problems: Vec<Vec<Diagnostic>>,
    /// The problems of the files that are not pages.
    pub(crate) other_problems: Vec<Diagnostic>,
    /// The templates, with the functions that show the model's sections.
    pub(crate) tera: Option<Tera>,
}

/// What a partial render made: the files to replace in the site.
#[derive(Debug, Default)]
pub(crate) struct ChangedPages {
    /// The changed pages' files, and every generated file that is not a page
    /// when `others` is set.
    pub(crate) files: Vec<OutputFile>,
    /// Whether the files that are not pages were made again: only a report's
    /// print version shows the Markdown of other pages, and only when a changed
    /// page stands in a report are they needed.
    pub(crate) others: bool,
}

/// Whether every figure and table has the same number and label as before. Where
/// a call stands in its page's Markdown (the key) moves with every edit above it
/// and matters to that page only, which is rendered again.
pub(super) fn same_numbers(now: &Numbering, before: &Numbering) -> bool {
    now.by_label == before.by_label
        && now.by_call.len() == before.by_call.len()
        && now.by_call.values().eq(before.by_call.values())
}
