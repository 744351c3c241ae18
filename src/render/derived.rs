//! A page shown at another address: the filtered views of a list (the register by
//! kind, the documents by year, the management cycle by year) and the print version
//! of a report share this page view and the one way to render it.
//!
//! A leaf: it imports no page module, so every page module may use it.

use tera::{Context, Tera};

use super::site_file::OutputFile;
use super::views::{self, PageView, SiteContext};
use super::{describe, templates};
use crate::model::Model;

/// One filtered view of page `list`: its template rendered at `path` with `title`
/// and `description` (what it filters), with `value` in the context under `key`
/// (what the view shows).
pub(crate) struct View<'v, T> {
    pub(crate) list: usize,
    pub(crate) path: &'v str,
    pub(crate) title: &'v str,
    pub(crate) description: &'v str,
    pub(crate) template: &'v str,
    pub(crate) key: &'v str,
    pub(crate) value: &'v T,
}

/// Renders a filtered view; a template error comes back to be reported once.
pub(crate) fn render_view<T: serde::Serialize>(
    model: &Model,
    tera: &Tera,
    site: &SiteContext,
    view: &View<'_, T>,
) -> Result<OutputFile, crate::diagnostic::Diagnostic> {
    let page = derived_view(model, view.list, view.path, view.title, view.description);
    let mut context = Context::new();
    context.insert("page", &page);
    context.insert(view.key, view.value);
    site.render(tera, view.template, context)
        .map(|html| OutputFile::view(view.path, view.list, html))
        .map_err(|error| templates::to_diagnostic(&error, &model.pages[view.list].file))
}

/// Page `index` shown at another address (a filtered view): its own path, title
/// and description, and the page itself as the last crumb of the trail.
pub(crate) fn derived_view<'a>(
    model: &'a Model,
    index: usize,
    path: &'a str,
    title: &'a str,
    description: &str,
) -> PageView<'a> {
    let page = &model.pages[index];
    let mut view = PageView::new(model, index, String::new(), Vec::new());
    view.title = title;
    view.meta_description = Some(describe::clip(description));
    view.path = path;
    view.url = model.link(path);
    view.permalink = model.permalink(path);
    view.breadcrumbs.push(views::LinkView {
        title: page.title.clone(),
        path: page.url.clone(),
        url: model.link(&page.url),
    });
    view
}
