//! Which schools and procedures a year page of the objectivity analytics shows
//! (issue 22): the whole year on one page, the summary of a year split by district or
//! grade (municipal totals and a row per part, no school rows), or one part.
//!
//! The split itself is decided in `model::year_parts`; this module only filters the
//! analysis through it and counts the parts for the summary's table.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::analyze::objectivity::ProcKey;
use crate::analyze::Analysis;
use crate::model::{grade_of, paths, Category, Model, YearPart};

/// What a year page shows.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Scope<'a> {
    /// The whole year: a year small enough for one page.
    Whole,
    /// The summary of a split year: totals and a row per part.
    Summary(&'a [YearPart]),
    /// One district or grade of a split year.
    Part(&'a YearPart),
}

impl<'a> Scope<'a> {
    pub(crate) fn of(model: &'a Model, year: i32, part: Option<usize>) -> Scope<'a> {
        match (model.objectivity_parts.get(&year), part) {
            (Some(parts), Some(i)) => Scope::Part(&parts[i]),
            (Some(parts), None) => Scope::Summary(parts),
            (None, _) => Scope::Whole,
        }
    }

    /// Whether a procedure of a school belongs on the page.
    pub(crate) fn admits(&self, org: usize, key: &ProcKey) -> bool {
        match self {
            Scope::Part(part) => part.admits(org, grade_of(key.procedure, key.grade)),
            _ => true,
        }
    }

    /// Whether the page lists schools one by one (not the summary of a split year).
    pub(crate) fn lists_schools(&self) -> bool {
        !matches!(self, Scope::Summary(_))
    }

    /// Whether the school belongs on the page at all.
    pub(crate) fn holds_org(&self, org: usize) -> bool {
        match self {
            Scope::Part(part) => part.holds_org(org),
            _ => true,
        }
    }

    pub(crate) fn part(&self) -> Option<&'a YearPart> {
        match self {
            Scope::Part(part) => Some(part),
            _ => None,
        }
    }
}

/// The schools with signs of a year on the page, with their categories.
pub(crate) fn signed_in(
    analysis: &Analysis,
    year: i32,
    scope: Scope<'_>,
) -> BTreeMap<usize, BTreeSet<Category>> {
    let mut out: BTreeMap<usize, BTreeSet<Category>> = BTreeMap::new();
    for sign in analysis
        .objectivity
        .signs_in(year)
        .iter()
        .filter(|s| s.year == year)
    {
        if scope.admits(sign.org, &sign.key) {
            out.entry(sign.org).or_default().insert(sign.category);
        }
    }
    out
}

/// The schools with results of the year on the page.
pub(crate) fn schools_in(model: &Model, analysis: &Analysis, year: i32, scope: Scope<'_>) -> usize {
    let all = analysis.objectivity.schools.get(&year);
    match scope.part() {
        None => all.map_or(0, BTreeSet::len),
        Some(part) if part.is_district() => {
            all.map_or(0, |s| s.iter().filter(|&&org| part.holds_org(org)).count())
        }
        Some(part) => {
            let r = &model.results;
            let vpr = r.vpr.iter().filter(|v| v.year == year);
            let vpr = vpr.filter_map(|v| v.org.filter(|&o| part.admits(o, v.grade)));
            let gia = r.gia.iter().filter(|g| g.year == year);
            let gia = gia.filter_map(|g| {
                g.org
                    .filter(|&o| part.admits(o, grade_of(g.procedure, None)))
            });
            let medals = r.medals.iter().filter(|m| m.year == year);
            let medals = medals.filter_map(|m| m.org.filter(|&o| part.admits(o, 11)));
            vpr.chain(gia).chain(medals).collect::<BTreeSet<_>>().len()
        }
    }
}

/// A row of the summary's table: one district or grade.
#[derive(Debug, Serialize)]
pub(crate) struct PartRow {
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) schools: usize,
    pub(crate) signed: usize,
    /// Schools with signs of each category.
    pub(crate) counts: Vec<usize>,
}

/// The parts of a split year, for the summary.
#[derive(Debug, Serialize)]
pub(crate) struct PartsView {
    /// «По районам» or «По классам».
    pub(crate) heading: &'static str,
    /// «Район» or «Класс»: the first column.
    pub(crate) corner: &'static str,
    pub(crate) by_district: bool,
    pub(crate) rows: Vec<PartRow>,
}

pub(crate) fn parts_view(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    parts: &[YearPart],
) -> PartsView {
    let by_district = parts.first().is_some_and(YearPart::is_district);
    let rows = parts
        .iter()
        .map(|part| {
            let scope = Scope::Part(part);
            let signed = signed_in(analysis, year, scope);
            PartRow {
                title: part.title.clone(),
                url: model.link(&paths::objectivity_part(year, &part.slug)),
                schools: schools_in(model, analysis, year, scope),
                signed: signed.len(),
                counts: Category::ALL
                    .iter()
                    .map(|c| signed.values().filter(|s| s.contains(c)).count())
                    .collect(),
            }
        })
        .collect();
    PartsView {
        heading: if by_district {
            "По районам"
        } else {
            "По классам"
        },
        corner: if by_district {
            "Район"
        } else {
            "Класс"
        },
        by_district,
        rows,
    }
}

/// What a part's page says about where it stands.
#[derive(Debug, Serialize)]
pub(crate) struct PartNote {
    pub(crate) title: String,
    /// The year's summary page.
    pub(crate) year_url: String,
    pub(crate) by_district: bool,
}

pub(crate) fn part_note(model: &Model, year: i32, scope: Scope<'_>) -> Option<PartNote> {
    scope.part().map(|part| PartNote {
        title: part.title.clone(),
        year_url: model.link(&paths::objectivity_year(year)),
        by_district: part.is_district(),
    })
}

/// Where a school's signs of a year are listed: the year page, or in a split year the
/// page of its district (of the first grade with its signs, when split by grade).
pub(crate) fn signs_path(model: &Model, analysis: &Analysis, year: i32, org: usize) -> String {
    let signs = analysis.objectivity.signs_of(year, org);
    model
        .objectivity_parts
        .get(&year)
        .and_then(|parts| {
            parts.iter().find(|part| {
                if part.is_district() {
                    part.holds_org(org)
                } else {
                    signs.iter().any(|s| Scope::Part(part).admits(org, &s.key))
                }
            })
        })
        .map_or_else(
            || paths::objectivity_year(year),
            |part| paths::objectivity_part(year, &part.slug),
        )
}
