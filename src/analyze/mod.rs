//! Stage 3: what the data means on the `--as-of` date — pure functions over the model,
//! no I/O. Rendering reads the result; the model stays as the user wrote it.

mod effect;
pub(crate) mod objectivity;
mod plan_reading;
mod plan_status;
mod trends;

pub(crate) use effect::DecisionEffect;
pub(crate) use objectivity::Objectivity;
pub(crate) use plan_reading::read_plans;
pub use plan_reading::{ItemReading, PlanReading};
pub(crate) use plan_status::{compute_progress, ItemStatus, PlanProgress, StatusCounts};
pub(crate) use trends::{IndicatorSummary, OrgComparison, RowStanding, Standing, Trend};

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::{Model, SetSource};

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
    /// The change of each indicator a management decision names, after the
    /// decision's year, by (index in `Indicators::indicators`, `Decision::year`);
    /// absent when the municipality has no value in or before that year.
    pub(crate) effects: BTreeMap<(usize, i32), DecisionEffect>,
    /// Progress of the plans in the earlier versions of their open data sets, by
    /// (plan id, snapshot name, version date): the plan as that snapshot had it,
    /// on that date.
    pub(crate) earlier_plans: BTreeMap<(String, String, NaiveDate), PlanProgress>,
}

impl Analysis {
    /// The municipality's summary of the indicator with this id, when `model` has it.
    pub(crate) fn indicator(&self, model: &Model, id: &str) -> Option<&IndicatorSummary> {
        let index = model
            .indicators
            .indicators
            .iter()
            .position(|i| i.id == id)?;
        self.indicators.get(index)
    }
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
        effects: decision_effects(model),
        earlier_plans: earlier_plans(model),
    }
}

/// The effect of each indicator a decision of the management cycle names, after the
/// decision's year (`Decision::year`): only those the direction pages show.
fn decision_effects(model: &Model) -> BTreeMap<(usize, i32), DecisionEffect> {
    let mut effects = BTreeMap::new();
    for direction in &model.cycle.directions {
        for (&listed, cycle_year) in &direction.years {
            for decision in &cycle_year.decisions {
                let year = decision.year(&model.pages, listed);
                for &index in &decision.indicators {
                    if effects.contains_key(&(index, year)) {
                        continue;
                    }
                    let Some(indicator) = model.indicators.indicators.get(index) else {
                        continue;
                    };
                    if let Some(effect) = effect::compute_effect(indicator, year) {
                        effects.insert((index, year), effect);
                    }
                }
            }
        }
    }
    effects
}

/// The progress of each plan in each earlier version of its open data set (the
/// current version's is `Analysis::plans`).
fn earlier_plans(model: &Model) -> BTreeMap<(String, String, NaiveDate), PlanProgress> {
    let mut progress = BTreeMap::new();
    for set in &model.open_data {
        let SetSource::Plan(index) = set.source else {
            continue;
        };
        let Some(id) = model.plans.get(index).map(|p| &p.id) else {
            continue;
        };
        for (date, name) in &set.earlier {
            let plan = model
                .snapshots
                .get(name)
                .and_then(|data| data.plans.iter().find(|p| &p.id == id));
            if let Some(plan) = plan {
                let key = (id.clone(), name.clone(), *date);
                progress.insert(key, plan_status::compute_progress(plan, *date));
            }
        }
    }
    progress
}
