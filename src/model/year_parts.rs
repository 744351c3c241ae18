//! Large year pages of the analytics split into parts (issue 22): when a year has
//! results of more schools than `split_above` (data/analytics.yaml), its objectivity
//! page becomes a summary, and each district of the register (`district:`) gets a page
//! of its own with its schools' rows and charts. A register without districts splits
//! by grade instead (ОГЭ counts as the 9th grade, ЕГЭ and medals as the 11th).
//!
//! Decided here, from the register and the raw results, because the parts are pages:
//! their addresses must be known before the pages are indexed. Below the threshold
//! there are no parts and the year page is what it always was.

use std::collections::{BTreeMap, BTreeSet};

use super::paths;
use super::{Procedure, Register, Results};

/// What a part of a year holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PartFilter {
    /// The schools of a district, by index in the register.
    Orgs(BTreeSet<usize>),
    /// The results of one grade, of every school.
    Grade(u8),
}

/// One part of a split year page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearPart {
    /// «Северный район», «5 класс», «Район не указан».
    pub(crate) title: String,
    /// The last segment of the part's address: `severnyi-raion`, `5-klass`.
    pub(crate) slug: String,
    pub(crate) filter: PartFilter,
}

/// The title of the part of schools without `district:` when others have one.
pub(crate) const NO_DISTRICT: &str = "Район не указан";

/// The grade a procedure's results belong to: its own for ВПР, 9 for ОГЭ, 11 for
/// ЕГЭ and medals.
pub(crate) fn grade_of(procedure: Procedure, grade: Option<u8>) -> u8 {
    match (procedure, grade) {
        (_, Some(g)) => g,
        (Procedure::Oge, None) => 9,
        _ => 11,
    }
}

impl YearPart {
    /// Whether a result of `org` in `grade` belongs to this part.
    pub(crate) fn admits(&self, org: usize, grade: u8) -> bool {
        match &self.filter {
            PartFilter::Orgs(orgs) => orgs.contains(&org),
            PartFilter::Grade(g) => *g == grade,
        }
    }

    /// Whether every result of `org` belongs to this part (a district part).
    pub(crate) fn holds_org(&self, org: usize) -> bool {
        match &self.filter {
            PartFilter::Orgs(orgs) => orgs.contains(&org),
            PartFilter::Grade(_) => true,
        }
    }

    /// Whether the part is a district (not a grade).
    pub(crate) fn is_district(&self) -> bool {
        matches!(self.filter, PartFilter::Orgs(_))
    }
}

/// The parts of each year's objectivity page; a year absent from the map is not split.
pub(crate) fn objectivity_parts(
    register: &Register,
    results: &Results,
    split_above: usize,
) -> BTreeMap<i32, Vec<YearPart>> {
    // (org, grade) of every school result, by year.
    let mut by_year: BTreeMap<i32, BTreeSet<(usize, u8)>> = BTreeMap::new();
    for r in &results.vpr {
        if let Some(org) = r.org {
            by_year.entry(r.year).or_default().insert((org, r.grade));
        }
    }
    for r in &results.gia {
        if let Some(org) = r.org {
            let grade = grade_of(r.procedure, None);
            by_year.entry(r.year).or_default().insert((org, grade));
        }
    }
    for r in &results.medals {
        if let Some(org) = r.org {
            by_year.entry(r.year).or_default().insert((org, 11));
        }
    }
    by_year
        .into_iter()
        .filter_map(|(year, cells)| {
            let schools: BTreeSet<usize> = cells.iter().map(|(org, _)| *org).collect();
            (schools.len() > split_above).then(|| (year, parts_of(register, &schools, &cells)))
        })
        .collect()
}

/// The districts of the schools when any has one, else the grades.
fn parts_of(
    register: &Register,
    schools: &BTreeSet<usize>,
    cells: &BTreeSet<(usize, u8)>,
) -> Vec<YearPart> {
    let district = |org: usize| register.organizations[org].district.as_deref();
    if schools.iter().any(|&org| district(org).is_some()) {
        // By slug, so that two spellings of one district make one page.
        let mut by_slug: BTreeMap<String, (String, BTreeSet<usize>)> = BTreeMap::new();
        for &org in schools {
            let title = district(org).unwrap_or(NO_DISTRICT);
            let slug = paths::part_slug(title);
            by_slug
                .entry(slug)
                .or_insert_with(|| (title.to_string(), BTreeSet::new()))
                .1
                .insert(org);
        }
        let mut parts: Vec<YearPart> = by_slug
            .into_iter()
            .map(|(slug, (title, orgs))| YearPart {
                title,
                slug,
                filter: PartFilter::Orgs(orgs),
            })
            .collect();
        parts.sort_by_cached_key(|p| {
            (
                p.title == NO_DISTRICT,
                crate::text::reading_order(&p.title),
                p.slug.clone(),
            )
        });
        parts
    } else {
        let grades: BTreeSet<u8> = cells.iter().map(|(_, g)| *g).collect();
        grades
            .into_iter()
            .map(|g| YearPart {
                title: format!("{g} класс"),
                slug: paths::grade_slug(g),
                filter: PartFilter::Grade(g),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_of_reads_oge_as_ninth_and_ege_as_eleventh() {
        assert_eq!(grade_of(Procedure::Vpr, Some(5)), 5);
        assert_eq!(grade_of(Procedure::Oge, None), 9);
        assert_eq!(grade_of(Procedure::Ege, None), 11);
    }

    #[test]
    fn a_district_part_admits_only_its_schools() {
        let part = YearPart {
            title: "Северный район".into(),
            slug: "severnyi-raion".into(),
            filter: PartFilter::Orgs([1, 3].into()),
        };
        assert!(part.admits(1, 5) && part.admits(3, 11));
        assert!(!part.admits(2, 5));
        let grade = YearPart {
            title: "5 класс".into(),
            slug: "5-klass".into(),
            filter: PartFilter::Grade(5),
        };
        assert!(grade.admits(2, 5) && !grade.admits(2, 6));
    }
}
