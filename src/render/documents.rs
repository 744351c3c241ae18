//! The registry of acts at `/documents/` (grouped by year, with views filtered by kind
//! and by status, pre-rendered so filtering needs no JavaScript) and the details of
//! each act on its own page.

use serde::Serialize;
use tera::Tera;

use super::derived::{render_view, View};
use super::names::{citation, designation};
use super::site_file::OutputFile;
use super::views::{DateView, FileView, LinkView, SiteContext};
use crate::diagnostic::Diagnostics;
use crate::model::paths;
use crate::model::{Document, DocumentStatus, Model};
use crate::text::capitalize;

/// Which acts a view of the registry shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Filter {
    All,
    Kind(String),
    Status(DocumentStatus),
}

/// An act on its own page.
#[derive(Debug, Serialize)]
pub(super) struct DocumentView {
    /// «Приказ»
    act: String,
    issuer: Option<String>,
    /// «Приказ от 30.08.2024 № 148-П»
    designation: String,
    status: &'static str,
    status_label: &'static str,
    amends: Vec<LinkView>,
    cancels: Vec<LinkView>,
    amended_by: Vec<LinkView>,
    cancelled_by: Vec<LinkView>,
    /// Plans approved by this act.
    plans: Vec<LinkView>,
    /// Reports approved by this act.
    reports: Vec<LinkView>,
    /// A report: the act that approved it.
    approved_by: Option<LinkView>,
    /// A draft: its public discussion.
    discussion: Option<DiscussionView>,
}

/// The public discussion of a draft act, as the registry and its page show it.
#[derive(Debug, Serialize)]
struct DiscussionView {
    from: DateView,
    to: DateView,
    address: String,
    outcome: Option<String>,
    /// The discussion is still open on `--as-of`.
    open: bool,
}

fn discussion_view(model: &Model, document: &Document) -> Option<DiscussionView> {
    let discussion = model.pages[document.page].discussion.as_ref()?;
    Some(DiscussionView {
        from: DateView::new(discussion.from.0),
        to: DateView::new(discussion.to.0),
        address: discussion.address.0.clone(),
        outcome: discussion.outcome.as_ref().map(|o| o.0.clone()),
        open: discussion.from.0 <= model.as_of && model.as_of <= discussion.to.0,
    })
}

/// The act that approved a report, named as texts name it.
fn approving_act(model: &Model, document: &Document) -> Option<LinkView> {
    let act = document.approved_by?;
    let page = &model.pages[act];
    Some(LinkView {
        title: designation(model, act),
        path: page.url.clone(),
        url: model.link(&page.url),
    })
}

/// The file of a row: the act's attachment, or a report's official PDF (printed at
/// build time, so its size is not known while the registry is rendered).
fn row_file(model: &Model, document: &Document) -> Option<FileView> {
    let page = &model.pages[document.page];
    if let Some(file) = &page.attached {
        return Some(FileView::new(model, file));
    }
    let url = model.report_pdf_url(document.page)?;
    Some(FileView {
        url: model.link(url),
        name: url.rsplit('/').next().unwrap_or(url).to_string(),
        format: "PDF".into(),
        size: String::new(),
    })
}

/// An act as a row of the registry.
#[derive(Debug, Serialize)]
struct RowView {
    title: String,
    url: String,
    act: String,
    number: Option<String>,
    approved: Option<DateView>,
    status: &'static str,
    status_label: &'static str,
    file: Option<FileView>,
    approved_by: Option<LinkView>,
    discussion: Option<DiscussionView>,
}

#[derive(Debug, Serialize)]
struct YearView {
    /// «2025» or «Без даты».
    label: String,
    id: String,
    documents: Vec<RowView>,
}

#[derive(Debug, Serialize)]
struct FilterLink {
    label: String,
    count: usize,
    url: String,
    current: bool,
}

#[derive(Debug, Serialize)]
pub(super) struct RegistryView {
    total: usize,
    shown: usize,
    /// What the view is filtered by, in words; empty for the whole registry.
    filter_label: String,
    all_url: String,
    kinds: Vec<FilterLink>,
    statuses: Vec<FilterLink>,
    years: Vec<YearView>,
    /// The registry as open data, when it is published.
    open_data_url: Option<String>,
}

pub(super) fn document_view(model: &Model, document: &Document) -> DocumentView {
    let links = |pages: &[usize]| -> Vec<LinkView> {
        pages
            .iter()
            .map(|&i| {
                let page = &model.pages[i];
                LinkView {
                    title: citation(model, i),
                    path: page.url.clone(),
                    url: model.link(&page.url),
                }
            })
            .collect()
    };
    let page = &model.pages[document.page];
    DocumentView {
        act: capitalize(&document.act),
        issuer: page.issuer.clone(),
        designation: designation(model, document.page),
        status: document.status.slug(),
        status_label: document.status.label(),
        amends: links(&document.amends),
        cancels: links(&document.cancels),
        amended_by: links(&document.amended_by),
        cancelled_by: links(&document.cancelled_by),
        plans: document
            .approves_plans
            .iter()
            .map(|&p| {
                let path = paths::plan(&model.plans[p].id);
                LinkView {
                    title: model.plans[p].title.clone(),
                    url: model.link(&path),
                    path,
                }
            })
            .collect(),
        reports: document
            .approves_reports
            .iter()
            .map(|&i| LinkView {
                title: model.pages[i].title.clone(),
                path: model.pages[i].url.clone(),
                url: model.link(&model.pages[i].url),
            })
            .collect(),
        approved_by: approving_act(model, document),
        discussion: discussion_view(model, document),
    }
}

pub(super) fn registry_view(model: &Model, filter: &Filter) -> RegistryView {
    let documents = &model.documents;
    let shown: Vec<&Document> = documents
        .list
        .iter()
        .filter(|d| match filter {
            Filter::All => true,
            Filter::Kind(kind) => &d.act == kind,
            Filter::Status(status) => d.status == *status,
        })
        .collect();
    let mut years: Vec<YearView> = Vec::new();
    for document in &shown {
        let label = document
            .year
            .map_or_else(|| "Без даты".to_string(), |y| y.to_string());
        if years.last().map(|y| &y.label) != Some(&label) {
            years.push(YearView {
                id: format!(
                    "god-{}",
                    document.year.map_or("net".into(), |y| y.to_string())
                ),
                label,
                documents: Vec::new(),
            });
        }
        let page = &model.pages[document.page];
        let approving = document.approved_by.map(|a| &model.pages[a]);
        if let Some(year) = years.last_mut() {
            year.documents.push(RowView {
                title: page.title.clone(),
                url: model.link(&page.url),
                // «Положение, утверждённое приказом» before the approving order's
                // date and number.
                act: match super::names::approved_by_words(model, document.page) {
                    Some(words) => format!("{}, {words}", capitalize(&document.act)),
                    None => capitalize(&document.act),
                },
                number: page.number.clone(),
                approved: page.approved.map(DateView::new),
                status: document.status.slug(),
                status_label: document.status.label(),
                file: row_file(model, document),
                approved_by: approving.and(approving_act(model, document)),
                discussion: discussion_view(model, document),
            });
        }
    }
    let kinds = documents
        .kinds()
        .into_iter()
        .map(|kind| FilterLink {
            label: capitalize(kind),
            count: documents.list.iter().filter(|d| d.act == kind).count(),
            url: model.link(&filter_path(&Filter::Kind(kind.into()))),
            current: *filter == Filter::Kind(kind.into()),
        })
        .collect();
    let statuses = DocumentStatus::ALL
        .into_iter()
        .map(|status| FilterLink {
            label: capitalize(status.label()),
            count: documents.list.iter().filter(|d| d.status == status).count(),
            url: model.link(&filter_path(&Filter::Status(status))),
            current: *filter == Filter::Status(status),
        })
        .filter(|link| link.count > 0)
        .collect();
    RegistryView {
        total: documents.list.len(),
        shown: shown.len(),
        filter_label: filter_label(filter),
        all_url: model.link("/documents/"),
        kinds,
        statuses,
        years,
        open_data_url: model
            .open_data
            .iter()
            .find(|s| s.source == crate::model::SetSource::Documents)
            .map(|s| model.link(&paths::opendata_set(&s.identifier))),
    }
}

/// `/documents/kind/prikaz/`, `/documents/status/cancelled/`.
pub(super) fn filter_path(filter: &Filter) -> String {
    match filter {
        Filter::All => "/documents/".into(),
        Filter::Kind(kind) => paths::documents_of_kind(kind),
        Filter::Status(status) => paths::documents_of_status(status.slug()),
    }
}

fn filter_label(filter: &Filter) -> String {
    match filter {
        Filter::All => String::new(),
        Filter::Kind(kind) => format!("вид документа — {kind}"),
        Filter::Status(status) => format!("статус — {}", status.label()),
    }
}

/// One line saying what a filtered view of the registry shows.
fn filter_description(model: &Model, filter: &Filter) -> String {
    let (what, n) = match filter {
        Filter::All => ("Все документы".to_string(), model.documents.list.len()),
        Filter::Kind(kind) => (
            format!("Документы вида «{kind}»"),
            model
                .documents
                .list
                .iter()
                .filter(|d| &d.act == kind)
                .count(),
        ),
        Filter::Status(status) => (
            format!("Документы со статусом «{}»", status.label()),
            model
                .documents
                .list
                .iter()
                .filter(|d| d.status == *status)
                .count(),
        ),
    };
    format!(
        "{what} в реестре ({n} {}): номера, даты, статус и файлы.",
        crate::numbers::plural(n, "документ", "документа", "документов")
    )
}

/// The registry filtered by each kind and each status, as pages of their own.
pub(super) fn render_registry_views(
    model: &Model,
    tera: &Tera,
    site: &SiteContext,
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    let Some(&list) = model.by_url.get("/documents/") else {
        return Vec::new();
    };
    if model.documents.list.is_empty() {
        return Vec::new();
    }
    let filters = model
        .documents
        .kinds()
        .into_iter()
        .map(|k| Filter::Kind(k.into()))
        .chain(
            DocumentStatus::ALL
                .into_iter()
                .filter(|s| model.documents.list.iter().any(|d| d.status == *s))
                .map(Filter::Status),
        );
    let template = super::page_kinds::named_or_kind(&model.pages[list]);
    let template = template.as_deref().unwrap_or("documents.html");
    let mut files = Vec::new();
    for filter in filters {
        let path = filter_path(&filter);
        let title = format!("{}: {}", model.pages[list].title, filter_label(&filter));
        let description = filter_description(model, &filter);
        let view = View {
            list,
            path: &path,
            title: &title,
            description: &description,
            template,
            key: "registry",
            value: &registry_view(model, &filter),
        };
        match render_view(model, tera, site, &view) {
            Ok(file) => files.push(file),
            Err(problem) => {
                diagnostics.push(problem);
                break;
            }
        }
    }
    files
}
