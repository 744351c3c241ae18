//! Pages and files made from other pages: the filtered views of a plan and of the
//! register (pre-rendered, so filtering needs no JavaScript), the one-page print
//! version of a report, and the CSV/JSON copies of plans and indicators.

use std::collections::BTreeMap;

use rayon::prelude::*;

use tera::{Context, Tera};

use super::derived::{derived_view, render_view, View};
use super::markdown::Heading;
use super::site_file::{OutputFile, Sink};
use super::views::SiteContext;
use super::{indicators, objectivity, orgs, page_kinds, plans, report, shnor, templates};
use crate::analyze::Analysis;
use crate::diagnostic::Diagnostics;
use crate::model::paths;
use crate::model::Model;

/// For each plan: its views filtered by status and by responsible party, its CSV and
/// its JSON, each handed to `out` as soon as it is made (a plan of thousands of
/// items has views of megabytes each).
pub(super) fn render_plan_extras(
    model: &Model,
    analysis: &Analysis,
    tera: &Tera,
    site: &SiteContext,
    out: &dyn Sink,
    diagnostics: &mut Diagnostics,
) {
    for (index, plan) in model.plans.iter().enumerate() {
        let progress = &analysis.plans[index];
        let plan_url = paths::plan(&plan.id);
        out.put(OutputFile::bytes(
            paths::output_file(&paths::plan_csv(&plan.id)),
            plans::plan_csv(plan, progress),
        ));
        out.put(OutputFile::bytes(
            paths::output_file(&paths::plan_json(&plan.id)),
            plans::plan_json(model, plan, progress),
        ));
        let Some(&page_index) = model.by_url.get(&plan_url) else {
            continue;
        };
        for (filter, label) in plans::filters_of(plan, progress) {
            let path = plans::filter_path(plan, &filter);
            let title = format!("{}: {label}", plan.title);
            let description = plans::filter_description(plan, progress, &filter);
            let view = derived_view(model, page_index, &path, &title, &description);
            let mut context = Context::new();
            context.insert("page", &view);
            context.insert("plan", &plans::plan_view(model, analysis, index, &filter));
            match site.render(tera, "plan.html", context) {
                Ok(html) => out.put(OutputFile::view(&path, page_index, html)),
                Err(error) => {
                    diagnostics.push(templates::to_diagnostic(&error, &plan.file));
                    break;
                }
            }
        }
    }
}

/// `/…/print/` of every report: cover, contents and all chapters on one page.
pub(super) fn render_print_pages(
    model: &Model,
    report_html: &BTreeMap<usize, String>,
    headings: &[Vec<Heading>],
    tera: &Tera,
    site: &SiteContext,
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    #[derive(serde::Serialize)]
    struct PrintChapter {
        number: usize,
        title: String,
        id: String,
        content: String,
    }
    let mut files = Vec::new();
    for (&index, foreword) in report_html {
        let Some(place @ report::Place { chapter: None, .. }) = report::place_of(model, index)
        else {
            continue;
        };
        let view_of_report = report::report_view(model, place, headings);
        let chapters: Vec<PrintChapter> = model
            .children
            .get(&index)
            .map(|c| c.pages.as_slice())
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(n, i)| PrintChapter {
                number: n + 1,
                title: model.pages[*i].title.clone(),
                id: format!("ch{}", n + 1),
                content: report::for_print(report_html.get(i).map_or("", String::as_str), n + 1),
            })
            .collect();
        let path = report::print_path(model, index);
        let title = format!("{} (версия для печати)", model.pages[index].title);
        let description = format!(
            "Версия для печати: «{}» — все главы на одной странице.",
            model.pages[index].title
        );
        let view = derived_view(model, index, &path, &title, &description);
        let mut context = Context::new();
        context.insert("page", &view);
        context.insert("report", &view_of_report);
        context.insert("foreword", &report::for_print(foreword, 0));
        context.insert("chapters", &chapters);
        match site.render(tera, "report_print.html", context) {
            Ok(html) => files.push(OutputFile::view(&path, index, html)),
            Err(error) => {
                diagnostics.push(templates::to_diagnostic(&error, &model.pages[index].file))
            }
        }
    }
    files
}

/// The analytics as files: `/objectivity/<year>/flags.csv` and `procedures.csv`,
/// `/objectivity/counts.csv`, `/shnor/<year>/list.csv` — next to the pages that
/// show the same results. Raw results are never copied.
pub(super) fn render_analytics_files(model: &Model, analysis: &Analysis) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let mut add = |path: String, bytes: Vec<u8>| files.push(OutputFile::bytes(path, bytes));
    let o = &analysis.objectivity;
    if model.by_url.contains_key("/objectivity/") {
        add(
            "objectivity/counts.csv".into(),
            objectivity::counts_csv(analysis),
        );
    }
    // Years are independent, and their tables are large at region scale.
    let years: Vec<i32> = o
        .years
        .iter()
        .copied()
        .filter(|&year| model.by_url.contains_key(&paths::objectivity_year(year)))
        .collect();
    let tables: Vec<(Vec<u8>, Vec<u8>)> = years
        .par_iter()
        .map(|&year| {
            (
                objectivity::flags_csv(model, analysis, year),
                objectivity::procedures_csv(model, analysis, year),
            )
        })
        .collect();
    for (year, (flags, procedures)) in years.into_iter().zip(tables) {
        add(
            paths::output_file(&paths::objectivity_flags_csv(year)),
            flags,
        );
        add(
            paths::output_file(&paths::objectivity_procedures_csv(year)),
            procedures,
        );
    }
    for &year in o.shnor.keys() {
        if model.by_url.contains_key(&paths::shnor_year(year)) {
            add(
                paths::output_file(&paths::shnor_list_csv(year)),
                shnor::list_csv(model, analysis, year),
            );
        }
    }
    files
}

/// The CSV of every indicator and the register filtered by kind.
pub(super) fn render_monitoring_extras(
    model: &Model,
    tera: &Tera,
    site: &SiteContext,
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = model
        .indicators
        .indicators
        .iter()
        .map(|indicator| {
            OutputFile::bytes(
                paths::output_file(&paths::indicator_csv(&indicator.id)),
                indicators::indicator_csv(model, indicator),
            )
        })
        .collect();
    let Some(&list) = model.by_url.get("/orgs/") else {
        return files;
    };
    for kind in crate::model::OrgKind::ALL {
        if !model.register.organizations.iter().any(|o| o.kind == kind) {
            continue;
        }
        let path = orgs::kind_path(kind);
        let title = format!(
            "{}: {}",
            model.pages[list].title,
            kind.label().to_lowercase()
        );
        let template = page_kinds::named_or_kind(&model.pages[list]);
        let template = template.as_deref().unwrap_or("orgs.html");
        let n = model
            .register
            .organizations
            .iter()
            .filter(|o| o.kind == kind && o.is_open())
            .count();
        let description = format!(
            "Подведомственные организации — {}: {n} {}, адреса, телефоны, сайты и руководители.",
            kind.label().to_lowercase(),
            crate::numbers::plural(n, "организация", "организации", "организаций")
        );
        let view = View {
            list,
            path: &path,
            title: &title,
            description: &description,
            template,
            key: "register",
            value: &orgs::list_view(model, Some(kind)),
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
