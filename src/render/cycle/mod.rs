//! The management cycle on the site: `/msoko/` (directions × links of the chain for
//! one year, with pre-rendered `/msoko/year/<YYYY>/` views instead of a script) and
//! `/msoko/<direction>/` (the chain of one direction as a vertical sequence, with the
//! indicators around each decision).

use serde::Serialize;
use tera::Tera;

mod cells;
mod chain;

pub(crate) use chain::chain_view;

use cells::{cells, CellView};

use super::derived::{render_view, View};
use super::site_file::OutputFile;
use super::views::SiteContext;
use crate::diagnostic::Diagnostics;
use crate::model::paths;
use crate::model::{Model, Stage};

#[derive(Debug, Serialize)]
pub(crate) struct MatrixView {
    pub(crate) year: i32,
    pub(crate) current: i32,
    pub(crate) years: Vec<YearLink>,
    pub(crate) stages: Vec<&'static str>,
    pub(crate) rows: Vec<MatrixRow>,
    /// Directions whose chain is complete in `year`.
    pub(crate) complete: usize,
    /// The matrix of every year as an open data set, when the site publishes it.
    pub(crate) opendata_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct YearLink {
    pub(crate) year: i32,
    pub(crate) url: String,
    pub(crate) selected: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct MatrixRow {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) cells: Vec<CellView>,
    pub(crate) missing: usize,
}

pub(crate) fn matrix_view(model: &Model, year: i32) -> MatrixView {
    let current = model.cycle_year();
    let rows: Vec<MatrixRow> = (0..model.indicators.directions.len())
        .map(|d| {
            let direction = &model.indicators.directions[d];
            let cells = cells(model, d, year);
            MatrixRow {
                title: direction.title.clone(),
                url: model.link(&paths::direction(&direction.id)),
                missing: cells.iter().filter(|c| !c.present).count(),
                cells,
            }
        })
        .collect();
    MatrixView {
        year,
        current,
        years: model
            .cycle
            .years(current)
            .into_iter()
            .rev()
            .map(|y| YearLink {
                year: y,
                url: model.link(&paths::cycle_year(y, current)),
                selected: y == year,
            })
            .collect(),
        stages: Stage::ALL.iter().map(|s| s.label()).collect(),
        complete: rows.iter().filter(|r| r.missing == 0).count(),
        rows,
        opendata_url: model
            .open_data
            .iter()
            .find(|set| set.source == crate::model::SetSource::Cycle)
            .map(|set| model.link(&paths::opendata_set(&set.identifier))),
    }
}

/// `/msoko/year/<YYYY>/` for every year of the selector but the current one.
pub(super) fn render_year_views(
    model: &Model,
    tera: &Tera,
    site: &SiteContext,
    diagnostics: &mut Diagnostics,
) -> Vec<OutputFile> {
    let Some(&index) = model.by_url.get("/msoko/") else {
        return Vec::new();
    };
    if model.pages[index].data != crate::model::PageData::CycleMatrix {
        return Vec::new();
    }
    let template = super::page_kinds::named_or_kind(&model.pages[index]);
    let template = template.as_deref().unwrap_or("msoko.html");
    let current = model.cycle_year();
    let mut files = Vec::new();
    for year in model.cycle.years(current) {
        if year == current {
            continue;
        }
        let path = paths::cycle_year(year, current);
        let title = format!("{}: {year} год", model.pages[index].title);
        let description = format!(
            "Управленческий цикл МСОКО за {year} год по направлениям: цели, показатели, \
             анализ, меры и управленческие решения."
        );
        let view = View {
            list: index,
            path: &path,
            title: &title,
            description: &description,
            template,
            key: "matrix",
            value: &matrix_view(model, year),
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
