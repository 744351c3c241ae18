//! How the analytics pages name and order schools: a school as a link, and schools
//! in alphabetical order (a list, never a ranking).
//!
//! A leaf of `objectivity`: its figures and files, and the ШНОР pages, share these
//! without importing the objectivity pages themselves.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::model::{paths, Model};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct OrgLink {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) url: String,
}

pub(crate) fn org_link(model: &Model, org: usize) -> OrgLink {
    let o = &model.register.organizations[org];
    OrgLink {
        id: o.id.clone(),
        name: o.short_name.clone(),
        url: model.link(&paths::org(&o.id)),
    }
}

/// Schools in alphabetical order of their short names: a list, never a ranking.
pub(crate) fn alphabetical(model: &Model, orgs: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut out: Vec<usize> = orgs
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    out.sort_by_cached_key(|&o| model.register.organizations[o].alphabetical_key());
    out
}

/// Each school's place in [`alphabetical`] order, to sort rows by school without
/// searching the order for every row.
pub(crate) fn alphabetical_rank(
    model: &Model,
    orgs: impl IntoIterator<Item = usize>,
) -> std::collections::HashMap<usize, usize> {
    alphabetical(model, orgs)
        .into_iter()
        .enumerate()
        .map(|(rank, org)| (org, rank))
        .collect()
}
