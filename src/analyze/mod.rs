//! Stage 3: what the data means on the `--as-of` date — pure functions over the model,
//! no I/O. Rendering reads the result; the model stays as the user wrote it.

mod effect;
pub(crate) mod objectivity;
mod plan_reading;
mod plan_status;
mod trends;

pub(crate) use effect::compute_effect;
pub(crate) use objectivity::Objectivity;
pub(crate) use plan_reading::read_plans;
pub use plan_reading::{ItemReading, PlanReading};
pub(crate) use plan_status::{compute_progress, ItemStatus, PlanProgress, StatusCounts};
pub(crate) use trends::{group_size, headline, IndicatorSummary, OrgComparison, Standing, Trend};

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::model::Model;

/// The frozen data of the reports published with a snapshot (`data_snapshot:`), by
/// snapshot name: the site as it saw that data on the report's publication date, and
/// what it means. Built once per snapshot before rendering, however many chapters
/// share it.
pub(crate) type Frozen = BTreeMap<String, (Model, Analysis)>;

/// Everything computed from the model.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    /// Progress of each plan, in the order of `Model::plans`.
    pub(crate) plans: Vec<PlanProgress>,
    /// The municipality's summary of each indicator, in the order of the model.
    pub(crate) indicators: Vec<IndicatorSummary>,
    /// For each organisation: every indicator measured for it.
    pub(crate) orgs: Vec<Vec<OrgComparison>>,
    /// Signs of objectivity and ШНОР from the raw results.
    pub(crate) objectivity: Objectivity,
}

/// Each snapshot a page names, seen on the date of the last such page in page order
/// (a report's chapters share one date), analysed once; snapshots in parallel.
pub(crate) fn run_snapshots(model: &Model) -> Frozen {
    let mut dates = BTreeMap::new();
    for page in &model.pages {
        if let Some(name) = page.data_snapshot.as_deref() {
            if model.snapshots.contains_key(name) {
                dates.insert(name, page.placed.unwrap_or(model.as_of));
            }
        }
    }
    dates
        .into_par_iter()
        .filter_map(|(name, as_of)| {
            let snapshot = model.with_data(model.snapshots.get(name)?, as_of);
            let analysis = run(&snapshot);
            Some((name.to_owned(), (snapshot, analysis)))
        })
        .collect()
}

pub(crate) fn run(model: &Model) -> Analysis {
    Analysis {
        plans: model
            .plans
            .iter()
            .map(|plan| plan_status::compute_progress(plan, model.as_of))
            .collect(),
        indicators: model
            .indicators
            .indicators
            .iter()
            .map(trends::summarize)
            .collect(),
        orgs: (0..model.register.organizations.len())
            .map(|org| {
                model
                    .indicators
                    .indicators
                    .iter()
                    .enumerate()
                    .filter_map(|(i, indicator)| trends::compare_org(i, indicator, org))
                    .collect()
            })
            .collect(),
        objectivity: objectivity::compute(model),
    }
}
