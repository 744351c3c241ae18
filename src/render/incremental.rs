//! A partial render for `serve`: only the pages whose Markdown changed, and the
//! files made from many pages (print versions, filtered views, open data, 404).
//!
//! It applies only when nothing another page shows of a changed page changed: its
//! headings (a report's contents) and the numbers of its figures and tables (other
//! pages refer to them). Everything else other pages see of a page (title, address,
//! dates, description, kind) comes from its front matter, which the caller has found
//! unchanged. When that does not hold, `render_changed` says so and the caller builds
//! the whole site, so a partial render is never a guess.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;
use tera::Tera;

use super::markdown::Heading;
use super::shortcodes::{self, Numbering};
use super::views::SiteView;
use super::{report, OutputContent, OutputFile, RenderedPage, RenderedSite};
use crate::analyze::{Analysis, Frozen};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Model;

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

/// Renders again the pages `changed` (indexes in `model.pages`, whose bodies are
/// new) into `rendered`, the site as last rendered (its `files` are not used).
/// `None` (and `rendered` untouched) when another page would show something new:
/// then the whole site must be rendered. The problems of the whole render, kept
/// and new, go to `diagnostics`.
pub(crate) fn render_changed(
    model: &Model,
    analysis: &Analysis,
    frozen: &Frozen,
    changed: &[usize],
    rendered: &mut RenderedSite,
    diagnostics: &mut Diagnostics,
) -> Option<ChangedPages> {
    // The functions see only front matter, which did not change.
    let tera = rendered.memory.tera.take()?;
    let numbering = shortcodes::number_figures(model);
    if !same_numbers(&numbering, &rendered.memory.numbering) {
        rendered.memory.tera = Some(tera);
        return None;
    }
    let page_urls: BTreeMap<PathBuf, String> = model
        .pages
        .iter()
        .map(|p| (p.relative.clone(), p.url.clone()))
        .collect();
    let current = shortcodes::Shortcodes {
        model,
        analysis,
        tera: &tera,
        numbering: &numbering,
    };
    let frozen_shortcodes = super::frozen_shortcodes(frozen, &tera, &numbering);
    let markdowns: Vec<_> = changed
        .par_iter()
        .map(|&index| {
            let shortcodes = super::shortcodes_of(model, index, &current, &frozen_shortcodes);
            (
                index,
                super::page_markdown(model, index, &page_urls, shortcodes),
            )
        })
        .collect();
    if markdowns
        .iter()
        .any(|(index, markdown)| rendered.memory.headings.get(*index) != Some(&markdown.headings))
    {
        drop(frozen_shortcodes);
        drop(current);
        rendered.memory.tera = Some(tera);
        return None;
    }

    let memory = &mut rendered.memory;
    memory.numbering = numbering.clone();
    for (index, markdown) in &markdowns {
        if let Some(html) = memory.report_html.get_mut(index) {
            html.clone_from(&markdown.html);
        }
    }
    let site = SiteView::new(model);
    let results: Vec<(usize, (Option<RenderedPage>, Vec<Diagnostic>))> = markdowns
        .into_par_iter()
        .map(|(index, markdown)| {
            let page = super::render_page(
                model,
                analysis,
                index,
                markdown,
                &memory.headings,
                &tera,
                &site,
            );
            (index, page)
        })
        .collect();
    let mut pages = RenderedSite {
        texts: vec![String::new(); model.pages.len()],
        ..RenderedSite::default()
    };
    pages.memory.page_problems = vec![Vec::new(); model.pages.len()];
    let mut page_diagnostics = Diagnostics::default();
    collect_changed(model, results, &mut pages, &mut page_diagnostics);
    for &index in changed {
        rendered.texts[index] = std::mem::take(&mut pages.texts[index]);
        rendered.memory.page_problems[index] =
            std::mem::take(&mut pages.memory.page_problems[index]);
        rendered.ids.remove(&model.pages[index].url);
    }
    rendered.ids.append(&mut pages.ids);
    rendered.links.retain(|(index, _)| !changed.contains(index));
    rendered.links.append(&mut pages.links);
    rendered.links.sort_by_key(|(index, _)| *index);

    let mut files = pages.files;
    let others = changed
        .iter()
        .any(|&i| report::place_of(model, i).is_some());
    if others {
        let mut problems = Diagnostics::default();
        files.extend(super::render_other_files(
            model,
            analysis,
            &tera,
            &site,
            &rendered.memory.report_html,
            &rendered.memory.headings,
            &mut problems,
        ));
        rendered.memory.other_problems = problems.into_vec();
    }
    super::finish_generated(&mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    drop(frozen_shortcodes);
    drop(current);
    rendered.memory.tera = Some(tera);
    for problems in &rendered.memory.page_problems {
        diagnostics.extend(problems.iter().cloned());
    }
    diagnostics.extend(rendered.memory.other_problems.iter().cloned());
    Some(ChangedPages { files, others })
}

/// The changed pages through `collect_pages`, as a full render collects them.
fn collect_changed(
    model: &Model,
    results: Vec<(usize, (Option<RenderedPage>, Vec<Diagnostic>))>,
    pages: &mut RenderedSite,
    diagnostics: &mut Diagnostics,
) {
    super::collect_pages(model, results, pages, diagnostics);
    debug_assert!(pages
        .files
        .iter()
        .all(|f| matches!(f.content, OutputContent::Bytes(_))));
}

/// Whether every figure and table has the same number and label as before. Where
/// a call stands in its page's Markdown (the key) moves with every edit above it
/// and matters to that page only, which is rendered again.
fn same_numbers(now: &Numbering, before: &Numbering) -> bool {
    now.by_label == before.by_label
        && now.by_call.len() == before.by_call.len()
        && now.by_call.values().eq(before.by_call.values())
}
