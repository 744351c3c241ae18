//! Checks over the resolved and rendered site (no writing). The openness checklist
//! of 8-ФЗ joins the link check here.

mod links;
mod openness;

pub(crate) use links::check_links;
pub(crate) use openness::openness_checklist;
pub use openness::{ChecklistItem, Mark};
