//! Stage 3: from the model to the bytes of every output file.
//!
//! Markdown and templates render in parallel (rayon); each page returns its problems
//! and a small summary (text, links, ids), and problems are merged and sorted
//! afterwards so the order does not depend on thread timing. Each file, once final,
//! goes to the [`Sink`] the caller gives, from the thread that made it: the site's
//! files are never all in memory. Nothing here reads a file: copies are described,
//! and `output` does the writing.

mod authority;
mod cards;
mod charts;
mod columns;
mod contacts;
mod contexts;
mod cycle;
mod derived;
mod describe;
mod documents;
mod extras;
mod figures;
mod finder;
mod incremental;
mod indicators;
mod markdown;
mod names;
mod objectivity;
mod opendata;
mod orgs;
mod page_kinds;
mod plans;
mod quotes;
mod report;
mod school_marks;
mod search_page;
mod shnor;
mod shortcodes;
mod site_file;
mod spreadsheet;
mod templates;
mod text;
mod value_ranges;
mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;
use tera::{Context, Tera};

use incremental::ChangedPages;
pub(crate) use incremental::RenderMemory;
pub(crate) use markdown::InternalLink;
#[cfg(test)]
pub(crate) use shortcodes::parse_shortcodes;
pub(crate) use site_file::{Counted, Discard, OutputContent, OutputFile, Sink};
#[cfg(test)]
pub(crate) use spreadsheet::neutralise_csv;
pub(crate) use templates::escape_html;

use crate::analyze::{Analysis, Frozen};
use crate::diagnostic::{Diagnostic, Diagnostics, Message};
use crate::model::paths;
use crate::model::{output_path, Model, Page, PageData, PdfSource};
use crate::progress::Progress;
use markdown::{render_markdown, MarkdownContext, RenderedMarkdown};
use views::{PageView, SiteContext, SiteView};

/// What later stages need of the rendered site (its files went to the sink).
#[derive(Debug, Default)]
pub(crate) struct RenderedSite {
    /// The few files printing needs again: the print page of each report printed to
    /// PDF, and the theme's stylesheets it inlines.
    pub(crate) for_print: Vec<OutputFile>,
    /// Internal links per page (index in `model.pages`).
    pub(crate) links: Vec<(usize, InternalLink)>,
    /// Element ids of each page by site path, for `#fragment` links.
    pub(crate) ids: BTreeMap<String, BTreeSet<String>>,
    /// The plain text of each page's own content (its Markdown and shortcodes,
    /// not the template around it), by index in `model.pages`: for the search index.
    pub(crate) texts: Vec<String>,
    /// Charts drawn into the pages (one per inline SVG figure).
    pub(crate) charts: usize,
    /// Pages made from another page (filtered views, print versions): site path and
    /// the index in `model.pages` of the page they show, in path order.
    pub(crate) views: Vec<(String, usize)>,
    /// What a later partial render (`render_changed`) needs of this one.
    pub(crate) memory: RenderMemory,
}

/// A page's summary (`None`: it failed) and its problems, by index in `model.pages`.
type PageResult = (usize, (Option<PageSummary>, Vec<Diagnostic>));

struct RenderedPage {
    html: String,
    text: String,
    links: Vec<InternalLink>,
    ids: BTreeSet<String>,
}

/// What is kept of a page once its file went to the sink.
struct PageSummary {
    text: String,
    links: Vec<InternalLink>,
    ids: BTreeSet<String>,
}

/// Renders every file of the site into `sink`, each as soon as it is final.
pub(crate) fn render_site(
    model: &Model,
    analysis: &Analysis,
    frozen: &Frozen,
    sink: &dyn Sink,
    progress: &dyn Progress,
    diagnostics: &mut Diagnostics,
) -> RenderedSite {
    let mut tera = match templates::load_tera(&model.templates) {
        Ok(tera) => tera,
        Err(problems) => {
            diagnostics.extend(problems);
            return RenderedSite::default();
        }
    };
    templates::register_functions(&mut tera, model);
    let out = Finishing::new(model, sink);
    put_all(
        &out,
        model
            .files
            .iter()
            .map(|(path, source)| OutputFile::copy(path.clone(), source.clone()))
            .collect(),
    );
    let site = SiteContext::new(&SiteView::new(model));
    let page_urls: BTreeMap<PathBuf, String> = model
        .pages
        .iter()
        .map(|p| (p.relative.clone(), p.url.clone()))
        .collect();

    let numbering = shortcodes::number_figures(model);
    let shortcodes = shortcodes::Shortcodes {
        model,
        analysis,
        tera: &tera,
        numbering: &numbering,
    };
    // A report published with a frozen copy of the data shows that data, on the
    // date the report was published.
    let frozen_shortcodes = frozen_shortcodes(frozen, &tera, &numbering);
    let shortcodes_of = |index: usize| shortcodes_of(model, index, &shortcodes, &frozen_shortcodes);
    // Pass 1: shortcodes and Markdown of every page, so that pass 2 (templates) can
    // show any page's headings, e.g. a report's contents.
    let markdowns: Vec<RenderedMarkdown> = (0..model.pages.len())
        .into_par_iter()
        .map(|index| page_markdown(model, index, &page_urls, shortcodes_of(index)))
        .collect();
    let headings: Vec<Vec<markdown::Heading>> =
        markdowns.iter().map(|m| m.headings.clone()).collect();
    // Report pages are also shown together on the report's print page.
    let report_html: BTreeMap<usize, String> = (0..model.pages.len())
        .filter(|&i| report::place_of(model, i).is_some())
        .map(|i| (i, markdowns[i].html.clone()))
        .collect();
    // Each page's Markdown is dropped as its page is made, each page's HTML as it
    // is handed on.
    let results: Vec<PageResult> = markdowns
        .into_par_iter()
        .enumerate()
        .map(|(index, markdown)| {
            let (page, problems) =
                render_page(model, analysis, index, markdown, &headings, &tera, &site);
            progress.advance(1);
            (
                index,
                (
                    page.map(|page| put_page(model, index, page, &out)),
                    problems,
                ),
            )
        })
        .collect();

    let mut rendered = RenderedSite::for_pages(model.pages.len());
    collect_pages(model, results, &mut rendered, diagnostics);
    let mut others = Diagnostics::default();
    render_other_files(
        model,
        analysis,
        &tera,
        &site,
        &report_html,
        &headings,
        &out,
        &mut others,
    );
    rendered.memory.other_problems = others.clone().into_vec();
    diagnostics.extend(others.into_vec());
    rendered.memory.headings = headings;
    rendered.memory.report_html = report_html;
    // The shortcodes borrow the templates and the numbering: moved, not copied, once
    // they are gone.
    drop(frozen_shortcodes);
    rendered.memory.numbering = numbering;
    rendered.memory.tera = Some(tera);
    out.into_summary(rendered)
}

impl RenderedSite {
    /// Nothing rendered yet, room for `pages` pages.
    fn for_pages(pages: usize) -> Self {
        let mut rendered = RenderedSite {
            texts: vec![String::new(); pages],
            ..RenderedSite::default()
        };
        rendered.memory.page_problems = vec![Vec::new(); pages];
        rendered
    }
}

/// Hands page `index`'s file on; what is kept of it.
fn put_page(model: &Model, index: usize, page: RenderedPage, out: &dyn Sink) -> PageSummary {
    out.put(OutputFile::html(
        output_path(&model.pages[index].url),
        page.html,
    ));
    PageSummary {
        text: page.text,
        links: page.links,
        ids: page.ids,
    }
}

/// The shortcodes of each report published with a frozen copy of the data.
fn frozen_shortcodes<'a>(
    frozen: &'a Frozen,
    tera: &'a Tera,
    numbering: &'a shortcodes::Numbering,
) -> BTreeMap<&'a str, shortcodes::Shortcodes<'a>> {
    frozen
        .iter()
        .map(|(name, (model, analysis))| {
            (
                name.as_str(),
                shortcodes::Shortcodes {
                    model,
                    analysis,
                    tera,
                    numbering,
                },
            )
        })
        .collect()
}

/// The shortcodes page `index` is expanded with: its report's frozen data, if any.
fn shortcodes_of<'s, 'a>(
    model: &Model,
    index: usize,
    current: &'s shortcodes::Shortcodes<'a>,
    frozen: &'s BTreeMap<&str, shortcodes::Shortcodes<'a>>,
) -> &'s shortcodes::Shortcodes<'a> {
    report::place_of(model, index)
        .and_then(|place| model.pages[place.report].data_snapshot.as_deref())
        .and_then(|name| frozen.get(name))
        .unwrap_or(current)
}

/// Every file on its way to the sink: finished, its charts counted, a derived page
/// recorded, a file printing needs kept.
struct Finishing<'a> {
    next: &'a dyn Sink,
    /// Paths of the files kept for printing.
    for_print: BTreeSet<String>,
    kept: Mutex<Vec<OutputFile>>,
    charts: AtomicUsize,
    /// Derived pages by the path of their file, the order they are listed in.
    views: Mutex<Vec<(String, (String, usize))>>,
}

impl<'a> Finishing<'a> {
    fn new(model: &'a Model, next: &'a dyn Sink) -> Self {
        let mut for_print: BTreeSet<String> = model
            .report_pdfs
            .iter()
            .filter(|pdf| matches!(pdf.source, PdfSource::Printed { .. }) && pdf.url.is_some())
            .map(|pdf| output_path(&report::print_path(model, pdf.report)))
            .collect();
        if !for_print.is_empty() {
            for_print.extend(PRINT_CSS.iter().map(|css| css.to_string()));
        }
        Finishing {
            next,
            for_print,
            kept: Mutex::default(),
            charts: AtomicUsize::new(0),
            views: Mutex::default(),
        }
    }

    /// `rendered` with what was seen of the files on their way.
    fn into_summary(self, mut rendered: RenderedSite) -> RenderedSite {
        let mut kept = self.kept.into_inner().unwrap_or_else(|e| e.into_inner());
        kept.sort_by(|a, b| a.path.cmp(&b.path));
        let mut views = self.views.into_inner().unwrap_or_else(|e| e.into_inner());
        views.sort();
        rendered.for_print = kept;
        rendered.charts = self.charts.into_inner();
        rendered.views = views.into_iter().map(|(_, view)| view).collect();
        rendered
    }
}

/// The theme's stylesheets a print page links (see `output::report_pdfs`).
const PRINT_CSS: [&str; 2] = ["css/site.css", "css/print.css"];

impl Sink for Finishing<'_> {
    fn put(&self, mut file: OutputFile) {
        finish_file(&mut file);
        self.charts.fetch_add(file.charts, Ordering::Relaxed);
        if let Some(view) = file.view.clone() {
            lock(&self.views).push((file.path.clone(), view));
        }
        if self.for_print.contains(&file.path) {
            lock(&self.kept).push(file.clone());
        }
        self.next.put(file);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Hands `files` on in parallel.
fn put_all(sink: &dyn Sink, files: Vec<OutputFile>) {
    files.into_par_iter().for_each(|file| sink.put(file));
}

/// The pages' texts, ids and links (by index in `model.pages`) into `rendered`;
/// their problems go to `diagnostics` and, page by page, to `rendered.memory`.
fn collect_pages(
    model: &Model,
    results: Vec<PageResult>,
    rendered: &mut RenderedSite,
    diagnostics: &mut Diagnostics,
) {
    let mut template_errors: Vec<Diagnostic> = Vec::new();
    for (index, (page, problems)) in results {
        for mut problem in problems {
            // The same template bug breaks every page; say it once, compared
            // before the page it failed on is named.
            if problem.file.starts_with("themes") || problem.file.starts_with("(встроенная тема)")
            {
                if template_errors.contains(&problem) {
                    continue;
                }
                template_errors.push(problem.clone());
                if page.is_none() && problem.message.code() == "template" {
                    let file = model.pages[index].file.display().to_string();
                    problem.message = Box::new(problem.message.on_page(&file));
                }
            }
            rendered.memory.page_problems[index].push(problem.clone());
            diagnostics.push(problem);
        }
        let Some(page) = page else { continue };
        let url = &model.pages[index].url;
        rendered.texts[index] = page.text;
        rendered.ids.insert(url.clone(), page.ids);
        rendered
            .links
            .extend(page.links.into_iter().map(|link| (index, link)));
    }
}

/// The files besides the pages themselves: filtered views, open data, plan and
/// indicator copies, analytics files, print versions and the 404 page, each group
/// handed to `out` as soon as it is made.
#[allow(clippy::too_many_arguments)]
fn render_other_files(
    model: &Model,
    analysis: &Analysis,
    tera: &Tera,
    site: &SiteContext,
    report_html: &BTreeMap<usize, String>,
    headings: &[Vec<markdown::Heading>],
    out: &dyn Sink,
    diagnostics: &mut Diagnostics,
) {
    let files = documents::render_registry_views(model, tera, site, diagnostics);
    put_all(out, files);
    put_all(
        out,
        cycle::render_year_views(model, tera, site, diagnostics),
    );
    put_all(out, opendata::open_data_files(model, analysis));
    extras::render_plan_extras(model, analysis, tera, site, out, diagnostics);
    put_all(
        out,
        extras::render_monitoring_extras(model, tera, site, diagnostics),
    );
    put_all(out, extras::render_analytics_files(model, analysis));
    put_all(
        out,
        extras::render_print_pages(model, report_html, headings, tera, site, diagnostics),
    );
    if let Some(html) = render_not_found(model, tera, site, diagnostics) {
        out.put(OutputFile::html("404.html".into(), html));
    }
}
/// What applies to every file, whoever made it, before it is handed on.
fn finish_file(file: &mut OutputFile) {
    // Every CSV the site generates, whoever wrote it: no cell runs as a formula.
    if let (true, OutputContent::Bytes(bytes)) = (file.path.ends_with(".csv"), &mut file.content) {
        *bytes = spreadsheet::neutralise_csv(std::mem::take(bytes));
    }
    cards::label_tables_in(file);
    quotes::nest_quotes_in(file);
}

/// Shortcodes, then Markdown, of one page.
fn page_markdown(
    model: &Model,
    index: usize,
    page_urls: &BTreeMap<PathBuf, String>,
    shortcodes: &shortcodes::Shortcodes<'_>,
) -> RenderedMarkdown {
    let page = &model.pages[index];
    let (body, problems) = shortcodes::expand(
        &page.body,
        &shortcodes::Source {
            file: &page.file,
            body_line: page.body_line,
            url: &page.url,
        },
        shortcodes,
    );
    let mut markdown = render_markdown(
        &body,
        &MarkdownContext {
            file: &page.file,
            relative: &page.relative,
            body_line: page.body_line,
            base_path: &model.base_path,
            page_urls,
            url: &page.url,
            chapter: report::place_of(model, index).and_then(|p| p.chapter),
        },
    );
    markdown.diagnostics.splice(0..0, problems);
    markdown
}

/// The page through its template.
fn render_page(
    model: &Model,
    analysis: &Analysis,
    index: usize,
    markdown: RenderedMarkdown,
    headings: &[Vec<markdown::Heading>],
    tera: &Tera,
    site: &SiteContext,
) -> (Option<RenderedPage>, Vec<Diagnostic>) {
    let page = &model.pages[index];
    let mut problems = Vec::new();
    let in_report = report::place_of(model, index);
    problems.extend(markdown.diagnostics);
    let template = contexts::template_of(page, in_report);
    if let Some(problem) = unknown_template(tera, page, &template) {
        problems.push(problem);
        return (None, problems);
    }
    let text = text::plain_text(&markdown.html);
    let meta_description = describe::of_page(model, analysis, index, &markdown.html);
    let mut view = PageView::new(model, index, markdown.html, markdown.headings);
    view.meta_description = meta_description;
    if let PageData::Indicator(indicator) = page.data {
        // An indicator's address is flat (/indicators/<id>/); its direction belongs
        // in the trail all the same.
        let direction =
            &model.indicators.directions[model.indicators.indicators[indicator].direction];
        let path = paths::direction_indicators(&direction.id);
        view.breadcrumbs.push(views::LinkView {
            title: direction.title.clone(),
            url: model.link(&path),
            path,
        });
    }
    let mut context = Context::new();
    context.insert("page", &view);
    if let Some(place) = in_report {
        context.insert("report", &report::report_view(model, place, headings));
    }
    contexts::insert_page_data(&mut context, model, analysis, index);
    match site.render(tera, &template, context) {
        Ok(html) => (
            Some(RenderedPage {
                ids: element_ids(&html),
                html,
                text,
                links: markdown.links,
            }),
            problems,
        ),
        Err(error) => {
            problems.push(template_error(model, &template, &error));
            (None, problems)
        }
    }
}

/// A page names a template the theme does not have.
fn unknown_template(tera: &Tera, page: &Page, template: &str) -> Option<Diagnostic> {
    if tera.get_template_names().any(|n| n == template) {
        return None;
    }
    let mut known: Vec<&str> = tera
        .get_template_names()
        .filter(|n| !n.contains('/'))
        .collect();
    known.sort_unstable();
    Some(
        Diagnostic::error(
            &page.file,
            Message::unknown_template(
                template,
                &known.into_iter().map(String::from).collect::<Vec<_>>(),
            ),
        )
        .at_line(page.key_line("template")),
    )
}

/// A template failed on page `index`: the error points at the template file (the
/// page it failed on is named where the same failure on other pages is told apart,
/// in `render_site`).
fn template_error(model: &Model, template: &str, error: &tera::Error) -> Diagnostic {
    let shown = model
        .templates
        .iter()
        .find(|t| t.name == template)
        .map_or_else(|| PathBuf::from(template), |t| t.shown_path.clone());
    templates::to_diagnostic(error, &shown)
}

/// Every `id="…"` of a page: headings of its Markdown and anchors of its template
/// (`/about/#structure`) alike can be the target of a `#fragment` link.
fn element_ids(html: &str) -> BTreeSet<String> {
    html.split(" id=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(id, _)| id.to_string()))
        .collect()
}

fn render_not_found(
    model: &Model,
    tera: &Tera,
    site: &SiteContext,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    if !tera.get_template_names().any(|n| n == "404.html") {
        return None;
    }
    let mut context = Context::new();
    context.insert("page", &PageView::not_found(model));
    match site.render(tera, "404.html", context) {
        Ok(html) => Some(html),
        Err(error) => {
            diagnostics.push(templates::to_diagnostic(
                &error,
                &PathBuf::from("templates/404.html"),
            ));
            None
        }
    }
}

/// Renders again the pages `changed` (indexes in `model.pages`, whose bodies are
/// new) into `rendered`, the site as last rendered. `None` (and `rendered` as it
/// was) when another page would show something new: then the whole site must be
/// rendered. The problems of the whole render, kept and new, go to `diagnostics`.
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
    let partial = render_changed_with(model, analysis, frozen, changed, rendered, &tera);
    rendered.memory.tera = Some(tera);
    let partial = partial?;
    for problems in &rendered.memory.page_problems {
        diagnostics.extend(problems.iter().cloned());
    }
    diagnostics.extend(rendered.memory.other_problems.iter().cloned());
    Some(partial)
}

/// [`render_changed`] with the kept templates.
fn render_changed_with(
    model: &Model,
    analysis: &Analysis,
    frozen: &Frozen,
    changed: &[usize],
    rendered: &mut RenderedSite,
    tera: &Tera,
) -> Option<ChangedPages> {
    let numbering = shortcodes::number_figures(model);
    if !incremental::same_numbers(&numbering, &rendered.memory.numbering) {
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
        tera,
        numbering: &numbering,
    };
    let frozen_shortcodes = frozen_shortcodes(frozen, tera, &numbering);
    let markdowns: Vec<_> = changed
        .par_iter()
        .map(|&index| {
            let shortcodes = shortcodes_of(model, index, &current, &frozen_shortcodes);
            (index, page_markdown(model, index, &page_urls, shortcodes))
        })
        .collect();
    if markdowns
        .iter()
        .any(|(index, markdown)| rendered.memory.headings.get(*index) != Some(&markdown.headings))
    {
        return None;
    }

    rendered.memory.numbering = numbering.clone();
    for (index, markdown) in &markdowns {
        if let Some(html) = rendered.memory.report_html.get_mut(index) {
            html.clone_from(&markdown.html);
        }
    }
    let site = SiteContext::new(&SiteView::new(model));
    let out = Collected::default();
    let memory = &rendered.memory;
    let results: Vec<PageResult> = markdowns
        .into_par_iter()
        .map(|(index, markdown)| {
            let (page, problems) = render_page(
                model,
                analysis,
                index,
                markdown,
                &memory.headings,
                tera,
                &site,
            );
            (
                index,
                (
                    page.map(|page| put_page(model, index, page, &out)),
                    problems,
                ),
            )
        })
        .collect();
    let mut pages = RenderedSite::for_pages(model.pages.len());
    collect_pages(model, results, &mut pages, &mut Diagnostics::default());
    merge_pages(model, changed, pages, rendered);

    let others = changed
        .iter()
        .any(|&i| report::place_of(model, i).is_some());
    if others {
        let mut problems = Diagnostics::default();
        render_other_files(
            model,
            analysis,
            tera,
            &site,
            &rendered.memory.report_html,
            &rendered.memory.headings,
            &out,
            &mut problems,
        );
        rendered.memory.other_problems = problems.into_vec();
    }
    let mut files = out.0.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Some(ChangedPages { files, others })
}

/// The changed pages' texts, ids, links and problems (`pages`) in place of the
/// old ones in `rendered`.
fn merge_pages(
    model: &Model,
    changed: &[usize],
    mut pages: RenderedSite,
    rendered: &mut RenderedSite,
) {
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
}

/// The few files of a partial render, kept in memory, each finished as a full
/// render finishes it.
#[derive(Default)]
struct Collected(Mutex<Vec<OutputFile>>);

impl Sink for Collected {
    fn put(&self, mut file: OutputFile) {
        finish_file(&mut file);
        lock(&self.0).push(file);
    }
}
