//! Benchmarks (ANALYTICS §1): the region's value when its file gives it, else the
//! other schools of the municipality pooled (leave-one-out: in a municipality of a
//! dozen schools one school moves the mean).
//!
//! Privacy: a group smaller than `privacy.min_group` never enters a pooled value. It is
//! published as «менее N», and a municipal value that included it would let anyone
//! recover it by subtraction; leaving it out of every aggregate is the simple rule
//! that closes that door.

use std::collections::BTreeMap;

use super::findings::{Bench, Source};
use super::stats::Share;
use crate::model::{AnalyticsRules, Results, VprRow};

/// One ВПР cell of the municipality: year, grade, subject, variant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct CellKey {
    pub(crate) year: i32,
    pub(crate) grade: u8,
    pub(crate) subject: String,
    pub(crate) variant: Option<String>,
}

impl CellKey {
    pub(crate) fn of(row: &VprRow) -> CellKey {
        CellKey {
            year: row.year,
            grade: row.grade,
            subject: row.subject.clone(),
            variant: row.variant.clone(),
        }
    }
}

/// What a rule measures on a ВПР row.
pub(crate) type VprMeasure = fn(&VprRow) -> Option<Share>;

/// «4» and «5».
pub(crate) fn quality(row: &VprRow) -> Option<Share> {
    Some(Share::new(row.marks[2] + row.marks[3], row.n))
}

/// «5».
pub(crate) fn top(row: &VprRow) -> Option<Share> {
    Some(Share::new(row.marks[3], row.n))
}

/// «2».
pub(crate) fn fail(row: &VprRow) -> Option<Share> {
    Some(Share::new(row.marks[0], row.n))
}

/// ВПР mark above the journal mark, of those compared.
pub(crate) fn raised(row: &VprRow) -> Option<Share> {
    row.journal.map(|j| Share::new(j.raised, j.total()))
}

/// ВПР mark below the journal mark, of those compared.
pub(crate) fn lowered(row: &VprRow) -> Option<Share> {
    row.journal.map(|j| Share::new(j.lowered, j.total()))
}

/// ВПР mark equal to the journal mark, of those compared.
pub(crate) fn confirmed(row: &VprRow) -> Option<Share> {
    row.journal.map(|j| Share::new(j.confirmed, j.total()))
}

/// The shares of a region's row or the pooled shares of the other schools.
pub(crate) fn pool(
    region: Option<Share>,
    others: impl Iterator<Item = Share>,
    limits: &Limits,
) -> Option<Bench> {
    if let Some(region) = region.filter(|s| limits.prefer_region && s.n > 0) {
        return Some(Bench {
            value: region.value(),
            n: region.n,
            source: Source::Region,
        });
    }
    let pooled = others
        .filter(|s| s.n >= limits.min_group)
        .fold(Share::new(0, 0), |a, s| {
            Share::new(a.count + s.count, a.n + s.n)
        });
    (pooled.n >= limits.min_n && pooled.n > 0).then(|| Bench {
        value: pooled.value(),
        n: pooled.n,
        source: Source::Municipality,
    })
}

/// The region's mean or the other schools' means weighted by participants.
pub(crate) fn pool_mean(
    region: Option<(f64, u32)>,
    others: impl Iterator<Item = (f64, u32)>,
    limits: &Limits,
) -> Option<Bench> {
    if let Some((mean, n)) = region.filter(|r| limits.prefer_region && r.1 > 0) {
        return Some(Bench {
            value: mean,
            n,
            source: Source::Region,
        });
    }
    let (sum, n) = others
        .filter(|o| o.1 >= limits.min_group)
        .fold((0.0, 0u32), |(sum, n), (mean, k)| {
            (sum + mean * f64::from(k), n + k)
        });
    (n >= limits.min_n && n > 0).then(|| Bench {
        value: sum / f64::from(n),
        n,
        source: Source::Municipality,
    })
}

/// The group sizes the analytics respects.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Smaller groups are not published and enter no aggregate.
    pub(crate) min_group: u32,
    /// Smaller groups get no sign («недостаточно данных»).
    pub(crate) min_n: u32,
    pub(crate) prefer_region: bool,
}

impl Limits {
    pub(crate) fn of(rules: &AnalyticsRules) -> Limits {
        Limits {
            min_group: rules.min_group,
            min_n: rules.min_n(),
            prefer_region: rules.prefer_region,
        }
    }

    /// Whether a group may be published.
    pub(crate) fn published(&self, n: u32) -> bool {
        n >= self.min_group
    }

    /// Whether a rule is computed for a group.
    pub(crate) fn enough(&self, n: u32) -> bool {
        n >= self.min_n
    }
}

/// The ВПР rows of the schools and of the region, by cell.
#[derive(Debug)]
pub(crate) struct VprIndex<'a> {
    /// Rows of schools by cell, in register order.
    pub(crate) cells: BTreeMap<CellKey, Vec<&'a VprRow>>,
    region: BTreeMap<CellKey, &'a VprRow>,
    pub(crate) limits: Limits,
}

impl<'a> VprIndex<'a> {
    pub(crate) fn new(results: &'a Results, rules: &AnalyticsRules) -> VprIndex<'a> {
        let mut cells: BTreeMap<CellKey, Vec<&VprRow>> = BTreeMap::new();
        let mut region = BTreeMap::new();
        for row in &results.vpr {
            match row.org {
                Some(_) => cells.entry(CellKey::of(row)).or_default().push(row),
                None => {
                    region.insert(CellKey::of(row), row);
                }
            }
        }
        for rows in cells.values_mut() {
            rows.sort_by_key(|r| r.org);
        }
        VprIndex {
            cells,
            region,
            limits: Limits::of(rules),
        }
    }

    /// Every row of a school, by cell and then register order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (&CellKey, &'a VprRow)> + '_ {
        self.cells
            .iter()
            .flat_map(|(key, rows)| rows.iter().map(move |row| (key, *row)))
    }

    /// The row of a school in a cell.
    pub(crate) fn row(&self, key: &CellKey, org: usize) -> Option<&'a VprRow> {
        self.cells
            .get(key)?
            .iter()
            .find(|r| r.org == Some(org))
            .copied()
    }

    /// The region's row of a cell, when its file gives one.
    pub(crate) fn region(&self, key: &CellKey) -> Option<&'a VprRow> {
        self.region.get(key).copied()
    }

    /// The benchmark of a measure in a cell, leaving school `without` out.
    pub(crate) fn benchmark(
        &self,
        key: &CellKey,
        without: Option<usize>,
        measure: VprMeasure,
    ) -> Option<Bench> {
        let region = self.region.get(key).and_then(|row| measure(row));
        let others = self
            .cells
            .get(key)
            .into_iter()
            .flatten()
            .filter(|row| row.org != without && self.limits.published(row.n))
            .filter_map(|row| measure(row));
        pool(region, others, &self.limits)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{results, vpr};
    use super::*;

    #[test]
    fn pools_the_other_schools_and_leaves_small_groups_out() {
        let data = results(vec![
            vpr(2025, 0, 5, "математика", [2, 8, 6, 4]), // 20, quality 10
            vpr(2025, 1, 5, "математика", [4, 10, 8, 8]), // 30, quality 16
            vpr(2025, 2, 5, "математика", [0, 0, 3, 0]), // 3: too small to pool
        ]);
        let rules = AnalyticsRules::default();
        let index = VprIndex::new(&data, &rules);
        let key = CellKey::of(&data.vpr[0]);
        // Without school 0: only school 1 (30 ≥ n_min 10): 16/30.
        let b = index.benchmark(&key, Some(0), quality).unwrap();
        assert_eq!((b.n, b.source), (30, Source::Municipality));
        assert!((b.value - 16.0 / 30.0).abs() < 1e-12);
        // Without school 1: school 0 alone, 10/20; the class of 3 is not pooled.
        let b = index.benchmark(&key, Some(1), quality).unwrap();
        assert_eq!(b.n, 20);
        assert_eq!(b.value, 0.5);
        // The whole municipality: 26/50, still without the class of 3.
        assert_eq!(index.benchmark(&key, None, quality).unwrap().n, 50);
    }

    #[test]
    fn prefers_the_region_and_needs_enough_people() {
        let limits = Limits {
            min_group: 5,
            min_n: 10,
            prefer_region: true,
        };
        let b = pool(
            Some(Share::new(550, 1000)),
            [Share::new(1, 9)].into_iter(),
            &limits,
        )
        .unwrap();
        assert_eq!((b.value, b.source), (0.55, Source::Region));
        assert_eq!(pool(None, [Share::new(1, 9)].into_iter(), &limits), None);
        let municipal = Limits {
            prefer_region: false,
            ..limits
        };
        let b = pool(
            Some(Share::new(550, 1000)),
            [Share::new(5, 10)].into_iter(),
            &municipal,
        )
        .unwrap();
        assert_eq!((b.value, b.source), (0.5, Source::Municipality));
        let mean = pool_mean(None, [(3.0, 10), (4.0, 30), (5.0, 4)].into_iter(), &limits).unwrap();
        assert_eq!((mean.value, mean.n), (3.75, 40));
    }
}
