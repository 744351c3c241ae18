//! Stage 3: from the model to the bytes of every output file.
//!
//! Markdown and templates render in parallel (rayon); each page returns its HTML and
//! its problems, and problems are merged and sorted afterwards so the order does not
//! depend on thread timing. Nothing here reads a file: copies are described, and
//! `output` does the writing.

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
mod views;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use rayon::prelude::*;
use tera::{Context, Tera};

use incremental::ChangedPages;
pub(crate) use incremental::RenderMemory;
pub(crate) use markdown::InternalLink;
#[cfg(test)]
pub(crate) use shortcodes::parse_shortcodes;
pub(crate) use site_file::{OutputContent, OutputFile};
#[cfg(test)]
pub(crate) use spreadsheet::neutralise_csv;
pub(crate) use templates::escape_html;

use crate::analyze::{Analysis, Frozen};
use crate::diagnostic::{Diagnostic, Diagnostics, Message};
use crate::model::paths;
use crate::model::{output_path, Model, Page, PageData};
use crate::progress::Progress;
use markdown::{render_markdown, MarkdownContext, RenderedMarkdown};
use views::{PageView, SiteView};

/// The rendered site and what the link check needs.
#[derive(Debug, Default)]
pub(crate) struct RenderedSite {
    pub(crate) files: Vec<OutputFile>,
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

/// A page through its template (`None`: it failed) and its problems, by index.
type PageResult = (usize, (Option<RenderedPage>, Vec<Diagnostic>));

struct RenderedPage {
    html: String,
    text: String,
    links: Vec<InternalLink>,
    ids: BTreeSet<String>,
}

pub(crate) fn render_site(
    model: &Model,
    analysis: &Analysis,
    frozen: &Frozen,
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
    let site = SiteView::new(model);
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
    let results: Vec<PageResult> = markdowns
        .into_par_iter()
        .enumerate()
        .map(|(index, markdown)| {
            let page = render_page(model, analysis, index, markdown, &headings, &tera, &site);
            progress.advance(1);
            (index, page)
        })
        .collect();

    let mut rendered = RenderedSite {
        texts: vec![String::new(); model.pages.len()],
        ..RenderedSite::default()
    };
    rendered.memory.page_problems = vec![Vec::new(); model.pages.len()];
    collect_pages(model, results, &mut rendered, diagnostics);
    let mut others = Diagnostics::default();
    rendered.files.extend(render_other_files(
        model,
        analysis,
        &tera,
        &site,
        &report_html,
        &headings,
        &mut others,
    ));
    rendered.memory.other_problems = others.clone().into_vec();
    diagnostics.extend(others.into_vec());
    finish_files(model, &mut rendered.files);
    rendered.charts = count_charts(&rendered.files);
    rendered.views = derived_pages(model, &rendered.files);
    rendered.memory.headings = headings;
    rendered.memory.report_html = report_html;
    rendered.memory.numbering = numbering;
    rendered.memory.tera = Some(tera.clone());
    rendered
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

/// The pages through their templates (by index in `model.pages`), as files,
/// texts, ids and links into `rendered`; their problems go to `diagnostics` and,
/// page by page, to `rendered.memory`.
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
        rendered.files.push(OutputFile {
            path: output_path(url),
            content: OutputContent::Bytes(page.html.into_bytes()),
        });
        rendered.ids.insert(url.clone(), page.ids);
        rendered
            .links
            .extend(page.links.into_iter().map(|link| (index, link)));
    }
}

/// The files besides the pages themselves: filtered views, open data, plan and
/// indicator copies, analytics files, print versions and the 404 page.
fn render_other_files(
    model: &Model,
    analysis: &Analysis,
    tera: &Tera,
    site: &SiteView<'_>,
    report_html: &BTreeMap<usize, String>,
    headings: &[Vec<markdown::Heading>],
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    let mut files = Vec::new();
    files.extend(documents::render_registry_views(
        model,
        tera,
        site,
        diagnostics,
    ));
    files.extend(cycle::render_year_views(model, tera, site, diagnostics));
    files.extend(opendata::open_data_files(model, analysis));
    files.extend(extras::render_plan_extras(
        model,
        analysis,
        tera,
        site,
        diagnostics,
    ));
    files.extend(extras::render_monitoring_extras(
        model,
        tera,
        site,
        diagnostics,
    ));
    files.extend(extras::render_analytics_files(model, analysis));
    files.extend(extras::render_print_pages(
        model,
        report_html,
        headings,
        tera,
        site,
        diagnostics,
    ));
    if let Some(html) = render_not_found(model, tera, site, diagnostics) {
        files.push(OutputFile {
            path: "404.html".into(),
            content: OutputContent::Bytes(html.into_bytes()),
        });
    }
    files
}

/// What applies to every file, whoever made it, once all are made.
fn finish_files(model: &Model, files: &mut Vec<OutputFile>) {
    finish_generated(files);
    for (path, source) in &model.files {
        files.push(OutputFile {
            path: path.clone(),
            content: OutputContent::Copy(source.clone()),
        });
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
}

/// What applies to every generated file, file by file (copies are left as they are).
fn finish_generated(files: &mut [OutputFile]) {
    // Every CSV the site generates, whoever wrote it: no cell runs as a formula.
    for file in files.iter_mut() {
        if let (true, OutputContent::Bytes(bytes)) =
            (file.path.ends_with(".csv"), &mut file.content)
        {
            *bytes = spreadsheet::neutralise_csv(std::mem::take(bytes));
        }
    }
    cards::label_tables_in(files);
    quotes::nest_quotes_in(files);
}

/// The pages written besides `model.pages`: each sits under the address of the
/// page it shows (`/documents/kind/prikaz/` under `/documents/`).
fn derived_pages(model: &Model, files: &[OutputFile]) -> Vec<(String, usize)> {
    files
        .iter()
        .filter(|f| matches!(f.content, OutputContent::Bytes(_)))
        .filter_map(|f| {
            let url = paths::page_of_output(&f.path)?;
            if model.by_url.contains_key(&url) {
                return None;
            }
            let parent = (1..url.len() - 1)
                .rev()
                .filter(|&i| url.as_bytes()[i] == b'/')
                .find_map(|i| model.by_url.get(&url[..=i]))?;
            Some((url, *parent))
        })
        .collect()
}

/// Charts in the HTML files (a chart shown on two pages counts twice).
fn count_charts(files: &[OutputFile]) -> usize {
    files
        .par_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| match &f.content {
            OutputContent::Bytes(bytes) => count_charts_in(bytes),
            OutputContent::Copy(_) => 0,
        })
        .sum()
}

/// Charts in the bytes of one HTML file.
pub(crate) fn count_charts_in(html: &[u8]) -> usize {
    std::str::from_utf8(html).map_or(0, |html| html.matches(charts::CHART_MARK).count())
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
    site: &SiteView<'_>,
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
    context.insert("site", site);
    context.insert("page", &view);
    if let Some(place) = in_report {
        context.insert("report", &report::report_view(model, place, headings));
    }
    contexts::insert_page_data(&mut context, model, analysis, index);
    match tera.render(&template, &context) {
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
    site: &SiteView<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    if !tera.get_template_names().any(|n| n == "404.html") {
        return None;
    }
    let mut context = Context::new();
    context.insert("site", site);
    context.insert("page", &PageView::not_found(model));
    match tera.render("404.html", &context) {
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
    if !incremental::same_numbers(&numbering, &rendered.memory.numbering) {
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
    let frozen_shortcodes = frozen_shortcodes(frozen, &tera, &numbering);
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
        drop(frozen_shortcodes);
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
    let results: Vec<PageResult> = markdowns
        .into_par_iter()
        .map(|(index, markdown)| {
            let page = render_page(
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
        files.extend(render_other_files(
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
    finish_generated(&mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    drop(frozen_shortcodes);
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
    results: Vec<PageResult>,
    pages: &mut RenderedSite,
    diagnostics: &mut Diagnostics,
) {
    collect_pages(model, results, pages, diagnostics);
    debug_assert!(pages
        .files
        .iter()
        .all(|f| matches!(f.content, OutputContent::Bytes(_))));
}
