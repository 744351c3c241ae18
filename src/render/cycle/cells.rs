//! The links of one direction's chain in one year, as cells of the matrix and of a
//! direction's page: a leaf both `cycle/mod.rs` and `chain` use.

use serde::Serialize;

use crate::model::Model;

#[derive(Debug, Serialize)]
pub(crate) struct CellView {
    pub(crate) stage: &'static str,
    pub(crate) code: &'static str,
    pub(crate) present: bool,
    pub(crate) url: Option<String>,
}

/// The chain of `direction` in `year`, one cell per stage.
pub(super) fn cells(model: &Model, direction: usize, year: i32) -> Vec<CellView> {
    model
        .cycle
        .links(&model.indicators, &model.pages, direction, year)
        .into_iter()
        .map(|link| CellView {
            stage: link.stage.label(),
            code: link.stage.code(),
            present: link.evidence.is_some(),
            url: link.evidence.map(|path| model.link(&path)),
        })
        .collect()
}
