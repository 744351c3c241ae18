//! What a page's template is and sees: the template of a content page by where it
//! stands (a generated page's comes from the table in `page_kinds`), and the view
//! each kind of generated page (plans, indicators, organisations, documents, open
//! data, analytics) puts into the context.
//!
//! The router (`render/mod.rs`) asks this table for every page; the views come from
//! the page modules, so this is the one place a new kind of page is wired in.

use tera::Context;

use super::{
    authority, cycle, documents, finder, indicators, objectivity, opendata, orgs, page_kinds,
    plans, report, search_page, shnor,
};
use crate::analyze::Analysis;
use crate::model::{Model, Page, PageData};

/// The template of a page: the one it names, else its kind's (`page_kinds`), else
/// the report's, the chapter's, the home page's, a section's or a plain page's.
pub(super) fn template_of(page: &Page, in_report: Option<report::Place>) -> String {
    if let Some(name) = page_kinds::named_or_kind(page) {
        return name;
    }
    match in_report {
        Some(report::Place { chapter: None, .. }) => "report.html".into(),
        Some(_) => "chapter.html".into(),
        None if page.url == "/" => "index.html".into(),
        None if page.is_section => "section.html".into(),
        None => "page.html".into(),
    }
}

/// Everything page `index` shows besides its own text: the home page's key
/// indicators and finder, the view of its kind, and the act it publishes.
pub(super) fn insert_page_data(
    context: &mut Context,
    model: &Model,
    analysis: &Analysis,
    index: usize,
) {
    let page = &model.pages[index];
    if page.url == "/" {
        let cards: Vec<_> = model
            .config
            .key_indicators
            .iter()
            .filter_map(|id| model.indicators.indicators.iter().position(|i| &i.id == id))
            .map(|i| {
                indicators::card(
                    model,
                    &model.indicators.indicators[i],
                    &analysis.indicators[i],
                )
            })
            .collect();
        context.insert("key_indicators", &cards);
        context.insert("finder", &finder::finder(model));
    }
    insert_view(context, model, analysis, page.data);
    if let Some(document) = model.documents.of_page(index) {
        context.insert("document", &documents::document_view(model, document));
    }
}

/// The view of a generated page, under the name its template uses.
fn insert_view(context: &mut Context, model: &Model, analysis: &Analysis, data: PageData) {
    match data {
        PageData::Markdown => {}
        PageData::PlanList => {
            let list: Vec<_> = model
                .plans
                .iter()
                .zip(&analysis.plans)
                .map(|(plan, progress)| plans::summary_view(model, plan, progress))
                .collect();
            context.insert("plans", &list);
        }
        PageData::Plan(plan) => {
            context.insert(
                "plan",
                &plans::plan_view(model, analysis, plan, &plans::Filter::All),
            );
        }
        PageData::IndicatorList => {
            let directions: Vec<_> = (0..model.indicators.directions.len())
                .map(|d| indicators::direction_view(model, analysis, d))
                .collect();
            context.insert("directions", &directions);
        }
        PageData::Direction(direction) => {
            context.insert(
                "direction",
                &indicators::direction_view(model, analysis, direction),
            );
        }
        PageData::Indicator(indicator) => {
            context.insert(
                "indicator",
                &indicators::indicator_view(model, analysis, indicator),
            );
        }
        PageData::OrgList => {
            context.insert("register", &orgs::list_view(model, None));
        }
        PageData::Org(org) => {
            context.insert("org", &orgs::org_view(model, analysis, org));
        }
        PageData::Authority => {
            context.insert("authority", &authority::authority_view(model));
        }
        PageData::DocumentList => {
            context.insert(
                "registry",
                &documents::registry_view(model, &documents::Filter::All),
            );
        }
        PageData::OpenDataList => {
            context.insert("catalog", &opendata::catalog_view(model));
        }
        PageData::OpenDataSet(set) => {
            context.insert("set", &opendata::set_view(model, analysis, set));
        }
        PageData::CycleMatrix => {
            context.insert("matrix", &cycle::matrix_view(model, model.cycle_year()));
        }
        PageData::Cycle(direction) => {
            context.insert("chain", &cycle::chain_view(model, analysis, direction));
        }
        PageData::Search => {
            context.insert("site_index", &search_page::site_index(model));
        }
        PageData::ObjectivityList => {
            context.insert("objectivity", &objectivity::list_view(model, analysis));
        }
        PageData::Objectivity(year) => {
            context.insert(
                "objectivity",
                &objectivity::year_view(model, analysis, year, None),
            );
        }
        PageData::ObjectivityPart(year, part) => {
            context.insert(
                "objectivity",
                &objectivity::year_view(model, analysis, year, Some(part)),
            );
        }
        PageData::ShnorList => {
            context.insert("shnor", &shnor::list_view(model, analysis));
        }
        PageData::Shnor(year) => {
            context.insert("shnor", &shnor::year_view(model, analysis, year));
        }
    }
}
