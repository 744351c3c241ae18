//! Stage 3: what the data means on the `--as-of` date — pure functions over the model,
//! no I/O. Rendering reads the result; the model stays as the user wrote it.

mod plan_status;

pub(crate) use plan_status::{ItemStatus, PlanProgress, StatusCounts};

use crate::model::Model;

/// Everything computed from the model.
#[derive(Debug, Default)]
pub(crate) struct Analysis {
    /// Progress of each plan, in the order of `Model::plans`.
    pub(crate) plans: Vec<PlanProgress>,
}

pub(crate) fn run(model: &Model) -> Analysis {
    Analysis {
        plans: model
            .plans
            .iter()
            .map(|plan| plan_status::compute_progress(plan, model.as_of))
            .collect(),
    }
}
