//! Checks over the resolved and rendered site (no writing). The openness checklist
//! of 8-ФЗ joins the link check here.

mod links;

pub(crate) use links::check_links;
