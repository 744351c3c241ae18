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
pub use plan_reading::{ItemReading, PlanReading, Words};
pub(crate) use plan_status::{compute_progress, ItemStatus, PlanProgress, StatusCounts};
pub(crate) use trends::{IndicatorSummary, OrgComparison, Standing, Trend};

use crate::model::Model;

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
