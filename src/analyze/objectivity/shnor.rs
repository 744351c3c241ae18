//! Rule g — schools with low results, ШНОР (ANALYTICS §2g): a support status, not a
//! sign of bias. The metric is the share of «2» (F), русский язык and математика
//! pooled over all grades of a year (weights n). A year is low for a school when
//!
//! - (relative) it is in the strict bottom `bottom` share of schools by F — its place
//!   among the N schools (1 = the highest F, ties share a place) is at most
//!   `bottom · N`, rounded down, and the school with the highest F always counts, so
//!   that a municipality of fewer than ten schools has a bottom at all (the 2nd of 11
//!   is 18 %, not the bottom 10 %) — **and** `F ≥ ratio · F_B`; or
//! - (absolute) `F ≥ absolute` in at least `procedures` procedures (grade × subject)
//!   of the year, or in the same procedure in two consecutive years of the data.
//!
//! A share of 0 is never low, whatever the thresholds: with a benchmark of 0 %,
//! `0 ≥ 1.5 · 0` holds, and with `absolute: 0` so would `0 ≥ 0` — a school where
//! nobody got a «2» needs no support for low results.
//!
//! A school is ШНОР in year Y when at least `min_years` of the last `years` years with
//! ВПР data (up to Y) are low. Only years with the school's own data count: a missing
//! year is never low, and with fewer than `min_years` of them there is no ШНОР (a
//! school that has just opened). A school with a sign of biased ВПР in Y is listed as
//! «результаты требуют проверки», not dropped silently.

use std::collections::{BTreeMap, BTreeSet};

use super::benchmark::{fail, pool, CellKey, VprIndex};
use super::combine::Sign;
use super::findings::Bench;
use super::stats::{at_least, Share};
use crate::model::{AnalyticsRules, Category};

/// One procedure with a share of «2» at or above the absolute threshold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub(crate) grade: u8,
    pub(crate) subject: String,
    pub(crate) variant: Option<String>,
    pub(crate) n: u32,
    pub(crate) fail: f64,
    pub(crate) benchmark: Option<f64>,
    /// The same procedure was at or above the threshold the year before.
    pub(crate) repeated: bool,
}

/// A school's year: pooled share of «2», its benchmark and rank, and what was low.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SchoolYear {
    pub(crate) year: i32,
    pub(crate) n: u32,
    pub(crate) fail: f64,
    pub(crate) benchmark: Option<Bench>,
    /// 1 = the highest share of «2» in the municipality that year. Internal only: the
    /// pages and files never print a place (ANALYTICS §5, no ranking), just
    /// [`SchoolYear::bottom`].
    pub(crate) rank: usize,
    pub(crate) of: usize,
    /// Among the `bottom` share of schools with the highest share of «2».
    pub(crate) bottom: bool,
    pub(crate) relative: bool,
    pub(crate) hits: Vec<Hit>,
    pub(crate) absolute: bool,
}

impl SchoolYear {
    pub(crate) fn low(&self) -> bool {
        self.relative || self.absolute
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ShnorStatus {
    /// Low results: support.
    Listed,
    /// Low results, but the school has a sign of biased ВПР that year.
    NeedsCheck,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ShnorEntry {
    pub(crate) org: usize,
    pub(crate) status: ShnorStatus,
    /// The school's years of the window, oldest first.
    pub(crate) years: Vec<SchoolYear>,
}

/// The ШНОР of one year.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct ShnorYear {
    /// The years looked at, oldest first.
    pub(crate) window: Vec<i32>,
    /// The window holds at least `min_years` years of ВПР data. Without them nothing
    /// can be computed: no list, which pages must not word as «no school is low».
    pub(crate) enough_years: bool,
    /// In register order.
    pub(crate) entries: Vec<ShnorEntry>,
}

pub(crate) fn compute(
    index: &VprIndex<'_>,
    rules: &AnalyticsRules,
    signs: &[Sign],
) -> BTreeMap<i32, ShnorYear> {
    let g = &rules.g;
    let limits = index.limits;
    let counted = |key: &CellKey| g.subjects.contains(&key.subject);
    let years: Vec<i32> = index
        .cells
        .keys()
        .map(|k| k.year)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // Pooled «2» of each school in each year, from published groups only.
    let mut pooled: BTreeMap<(i32, usize), Share> = BTreeMap::new();
    for (key, row) in index.rows().filter(|(k, _)| counted(k)) {
        if let (Some(org), true) = (row.org, limits.published(row.n)) {
            let entry = pooled.entry((key.year, org)).or_insert(Share::new(0, 0));
            *entry = Share::new(entry.count + row.marks[0], entry.n + row.n);
        }
    }
    pooled.retain(|_, share| limits.enough(share.n));
    let mut facts: BTreeMap<(i32, usize), SchoolYear> = BTreeMap::new();
    for (i, &year) in years.iter().enumerate() {
        let of_year: Vec<(usize, Share)> = pooled
            .iter()
            .filter(|((y, _), _)| *y == year)
            .map(|((_, org), share)| (*org, *share))
            .collect();
        let cut = bottom_cut(g.bottom, of_year.len());
        for &(org, share) in &of_year {
            let others = of_year.iter().filter(|o| o.0 != org).map(|o| o.1);
            let benchmark = pool(region_fail(index, year, &counted), others, &limits);
            let rank = 1 + of_year
                .iter()
                .filter(|o| o.1.value() > share.value())
                .count();
            let bottom = rank <= cut;
            let relative = bottom
                && share.count > 0
                && benchmark.is_some_and(|b| at_least(share.value(), g.ratio * b.value));
            let previous = i.checked_sub(1).map(|j| years[j]);
            let hits = hits(index, rules, year, previous, org);
            let absolute = hits.len() >= g.procedures || hits.iter().any(|h| h.repeated);
            facts.insert(
                (year, org),
                SchoolYear {
                    year,
                    n: share.n,
                    fail: share.value(),
                    benchmark,
                    rank,
                    of: of_year.len(),
                    bottom,
                    relative,
                    hits,
                    absolute,
                },
            );
        }
    }
    let signed: BTreeSet<(i32, usize)> = signs
        .iter()
        .filter(|s| s.category == Category::VprBias)
        .map(|s| (s.year, s.org))
        .collect();
    let mut out = BTreeMap::new();
    for (i, &year) in years.iter().enumerate() {
        let window: Vec<i32> = years[(i + 1).saturating_sub(g.years)..=i].to_vec();
        let mut entries = Vec::new();
        let orgs: BTreeSet<usize> = facts.keys().filter(|k| k.0 == year).map(|k| k.1).collect();
        for org in orgs {
            let own: Vec<SchoolYear> = window
                .iter()
                .filter_map(|y| facts.get(&(*y, org)).cloned())
                .collect();
            let low = own.iter().filter(|y| y.low()).count();
            if own.len() >= g.min_years && low >= g.min_years {
                entries.push(ShnorEntry {
                    org,
                    status: if signed.contains(&(year, org)) {
                        ShnorStatus::NeedsCheck
                    } else {
                        ShnorStatus::Listed
                    },
                    years: own,
                });
            }
        }
        let enough_years = window.len() >= g.min_years;
        out.insert(
            year,
            ShnorYear {
                window,
                enough_years,
                entries,
            },
        );
    }
    out
}

/// The last place in the bottom `bottom` share of `schools`: ⌊bottom · N⌋, and at
/// least the first place. Counted with the inclusive tolerance of the thresholds, so
/// that 10 % of 20 schools is 2 places however floating point rounds it.
fn bottom_cut(bottom: f64, schools: usize) -> usize {
    let exact = bottom * schools as f64;
    let places = (exact + 1e-9).floor() as usize;
    places.max(1)
}

/// The region's pooled share of «2» in the counted subjects of a year, when given.
fn region_fail(
    index: &VprIndex<'_>,
    year: i32,
    counted: &dyn Fn(&CellKey) -> bool,
) -> Option<Share> {
    let shares: Vec<Share> = index
        .cells
        .keys()
        .filter(|k| k.year == year && counted(k))
        .filter_map(|k| index.region(k).and_then(fail))
        .collect();
    (!shares.is_empty()).then(|| {
        shares.iter().fold(Share::new(0, 0), |a, s| {
            Share::new(a.count + s.count, a.n + s.n)
        })
    })
}

/// The procedures of a school in a year at or above the absolute threshold.
fn hits(
    index: &VprIndex<'_>,
    rules: &AnalyticsRules,
    year: i32,
    previous: Option<i32>,
    org: usize,
) -> Vec<Hit> {
    let g = &rules.g;
    let high = |key: &CellKey| -> Option<Share> {
        let row = index.row(key, org)?;
        let share = fail(row)?;
        let high = share.count > 0 && at_least(share.value(), g.absolute);
        (index.limits.enough(share.n) && high).then_some(share)
    };
    index
        .cells
        .keys()
        .filter(|k| k.year == year && g.subjects.contains(&k.subject))
        .filter_map(|key| {
            let share = high(key)?;
            let repeated = previous.is_some_and(|p| {
                high(&CellKey {
                    year: p,
                    ..key.clone()
                })
                .is_some()
            });
            Some(Hit {
                grade: key.grade,
                subject: key.subject.clone(),
                variant: key.variant.clone(),
                n: share.n,
                fail: share.value(),
                benchmark: index.benchmark(key, Some(org), fail).map(|b| b.value),
                repeated,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{results, vpr};
    use super::*;
    use crate::model::VprRow;

    fn run(rows: Vec<VprRow>) -> BTreeMap<i32, ShnorYear> {
        let data = results(rows);
        let rules = AnalyticsRules::default();
        compute(&VprIndex::new(&data, &rules), &rules, &[])
    }

    /// Ten ordinary schools (1–10), each year: 40 pupils, 4 with «2» (10 %).
    fn ordinary(years: &[i32]) -> Vec<VprRow> {
        let mut rows = Vec::new();
        for &year in years {
            for org in 1..=10 {
                rows.push(vpr(year, org, 5, "математика", [2, 8, 8, 2]));
                rows.push(vpr(year, org, 5, "русский язык", [2, 8, 8, 2]));
            }
        }
        rows
    }

    /// 40 pupils of school 0 in a year with `fails` «2» of 20 in each subject.
    fn school0(year: i32, fails: u32) -> Vec<VprRow> {
        vec![
            vpr(year, 0, 5, "математика", [fails, 20 - fails, 0, 0]),
            vpr(year, 0, 5, "русский язык", [fails, 20 - fails, 0, 0]),
        ]
    }

    #[test]
    fn lists_a_school_low_in_two_of_the_last_three_years() {
        // 2023: 5 of 20 in each subject = 25 % pooled; the others 10 %:
        // rank 1 of 11 (cut ⌈1.1⌉ = 2) and 25 % ≥ 1.5 · 10 %. 2024: 10 % (ordinary).
        // 2025: 25 % again. Two low years of three.
        let mut rows = ordinary(&[2023, 2024, 2025]);
        for (year, fails) in [(2023, 5), (2024, 2), (2025, 5)] {
            rows.extend(school0(year, fails));
        }
        let out = run(rows);
        let year = &out[&2025];
        assert_eq!(year.window, [2023, 2024, 2025]);
        assert_eq!(year.entries.len(), 1);
        let entry = &year.entries[0];
        assert_eq!((entry.org, entry.status), (0, ShnorStatus::Listed));
        let first = &entry.years[0];
        assert_eq!(
            (first.rank, first.of, first.relative, first.absolute),
            (1, 11, true, false)
        );
        assert_eq!(first.benchmark.unwrap().value, 0.1);
        assert!(!entry.years[1].low());
        assert!(out[&2024].entries.is_empty(), "2023 alone is one low year");
    }

    #[test]
    fn never_lists_a_school_without_a_single_fail() {
        // An all-«5» municipality: 11 schools, 40 pupils each, nobody got a «2» in
        // 2024 or 2025. F_B = 0, so `0 ≥ 1.5 · 0` would hold; no school is low.
        let mut rows = Vec::new();
        for year in [2024, 2025] {
            for org in 0..=10 {
                rows.push(vpr(year, org, 5, "математика", [0, 0, 0, 20]));
                rows.push(vpr(year, org, 5, "русский язык", [0, 0, 0, 20]));
            }
        }
        let out = run(rows);
        let year = &out[&2025];
        assert!(year.entries.is_empty(), "{:?}", year.entries);
        assert_eq!(year.window, [2024, 2025]);
        // Even with an absolute threshold of 0 %.
        let mut rows = Vec::new();
        for year in [2024, 2025] {
            for org in 0..=10 {
                rows.push(vpr(year, org, 5, "математика", [0, 0, 0, 20]));
                rows.push(vpr(year, org, 5, "русский язык", [0, 0, 0, 20]));
            }
        }
        let data = results(rows);
        let mut rules = AnalyticsRules::default();
        rules.g.absolute = 0.0;
        let out = compute(&VprIndex::new(&data, &rules), &rules, &[]);
        assert!(out[&2025].entries.is_empty());
    }

    #[test]
    fn computes_nothing_from_a_single_year() {
        // 2021 is the first year of the data: one year, however low, is no list —
        // and the year says so rather than «no school is low».
        let mut rows = ordinary(&[2021, 2022]);
        rows.extend(school0(2021, 10));
        rows.extend(school0(2022, 10));
        let out = run(rows);
        assert_eq!(out[&2021].window, [2021]);
        assert!(!out[&2021].enough_years);
        assert!(out[&2021].entries.is_empty());
        assert!(out[&2022].enough_years);
        assert_eq!(out[&2022].entries.len(), 1);
    }

    #[test]
    fn keeps_the_bottom_ten_percent_strict() {
        // 11 schools; school 0 has the highest share of «2» (30 %), school 1 the
        // second highest (25 %), the other nine 10 %. 2nd of 11 is 18 % of the
        // schools: not in the bottom 10 %, although 25 % ≥ 1.5 · F_B.
        let mut rows = Vec::new();
        for year in [2024, 2025] {
            for org in 2..=10 {
                rows.push(vpr(year, org, 5, "математика", [2, 8, 8, 2]));
                rows.push(vpr(year, org, 5, "русский язык", [2, 8, 8, 2]));
            }
            rows.extend(school0(year, 6).into_iter().map(|mut r| {
                // 30 % pooled, but under the absolute threshold in each procedure:
                // 7 of 20 in math, 5 of 20 in Russian.
                r.marks = if r.subject == "математика" {
                    [7, 13, 0, 0]
                } else {
                    [5, 15, 0, 0]
                };
                r
            }));
            rows.push(vpr(year, 1, 5, "математика", [5, 15, 0, 0]));
            rows.push(vpr(year, 1, 5, "русский язык", [5, 15, 0, 0]));
        }
        let out = run(rows);
        let entries = &out[&2025].entries;
        assert_eq!(entries.len(), 1, "{entries:?}");
        assert_eq!(entries[0].org, 0);
        let first = &entries[0].years[0];
        assert_eq!((first.rank, first.of, first.bottom), (1, 11, true));
        assert_eq!(bottom_cut(0.1, 11), 1);
        assert_eq!(bottom_cut(0.1, 20), 2);
        assert_eq!(bottom_cut(0.1, 5), 1, "the highest share always counts");
    }

    #[test]
    fn counts_a_tie_at_the_relative_threshold_as_low() {
        // 3 of 20 in each subject = 15 % pooled, exactly 1.5 · 10 % (which floating
        // point computes as 0.15000000000000002); in the bottom 10 % (rank 1 of 11).
        let mut rows = ordinary(&[2024, 2025]);
        rows.extend(school0(2024, 3));
        rows.extend(school0(2025, 3));
        let out = run(rows);
        let entry = &out[&2025].entries[0];
        assert!(entry.years.iter().all(|y| y.bottom && y.relative));
        // 2 of 20 (10 %) is in the bottom share with the others, but not 1.5 · F_B.
        let mut rows = ordinary(&[2024, 2025]);
        rows.extend(school0(2024, 2));
        rows.extend(school0(2025, 2));
        assert!(run(rows)[&2025].entries.is_empty());
    }

    #[test]
    fn counts_years_of_the_data_across_a_break() {
        // 2022 is a data break, and 2023 has no data at all: 2021 and 2022 low, 2024
        // ordinary. In 2024 the window is 2021, 2022, 2024 (available years), two low.
        let mut rows = ordinary(&[2021, 2022, 2024]);
        rows.extend(school0(2021, 5));
        rows.extend(school0(2022, 5));
        rows.extend(school0(2024, 2));
        let out = run(rows);
        assert_eq!(out[&2024].window, [2021, 2022, 2024]);
        assert_eq!(out[&2024].entries.len(), 1);
    }

    #[test]
    fn needs_two_years_of_the_schools_own_data() {
        // A school that opened in 2025 with a very low result: one year, no ШНОР.
        let mut rows = ordinary(&[2023, 2024, 2025]);
        rows.extend(school0(2025, 10));
        assert!(run(rows).values().all(|y| y.entries.is_empty()));
        // Data for 2023 and 2025 only: a missing 2024 is not low, but two low years
        // of three are enough.
        let mut rows = ordinary(&[2023, 2024, 2025]);
        rows.extend(school0(2023, 10));
        rows.extend(school0(2025, 10));
        assert_eq!(run(rows)[&2025].entries.len(), 1);
    }

    #[test]
    fn reads_the_absolute_rule_on_two_procedures_or_one_twice() {
        // 6 of 20 = 30 % in both subjects in 2024 and 2025: absolute in each year
        // (two procedures), whatever the rank.
        let mut rows = ordinary(&[2024, 2025]);
        rows.extend(school0(2024, 6));
        rows.extend(school0(2025, 6));
        let out = run(rows);
        let entry = &out[&2025].entries[0];
        assert!(entry.years.iter().all(|y| y.absolute && y.hits.len() == 2));
        assert!(
            entry.years[1].hits[0].repeated,
            "the same procedure a year earlier"
        );
        // One procedure at 30 % in 2024 and 2025, 10 % pooled: absolute in 2025 only
        // (repeated), never relative.
        let mut rows = ordinary(&[2024, 2025]);
        for year in [2024, 2025] {
            rows.push(vpr(year, 0, 5, "математика", [6, 14, 0, 0]));
            rows.push(vpr(year, 0, 5, "русский язык", [0, 40, 0, 0]));
        }
        let out = run(rows);
        assert!(out[&2025].entries.is_empty(), "2024 alone was not low");
    }

    #[test]
    fn lists_a_school_with_a_sign_as_needing_a_check() {
        let mut rows = ordinary(&[2024, 2025]);
        rows.extend(school0(2024, 10));
        rows.extend(school0(2025, 10));
        let data = results(rows);
        let rules = AnalyticsRules::default();
        let sign = Sign {
            year: 2025,
            org: 0,
            category: Category::VprBias,
            key: super::super::findings::ProcKey::vpr(5, "математика", None),
            rules: vec![crate::model::Rule::A],
        };
        let out = compute(&VprIndex::new(&data, &rules), &rules, &[sign]);
        assert_eq!(out[&2025].entries[0].status, ShnorStatus::NeedsCheck);
        assert_eq!(out[&2024].entries.len(), 0);
    }
}
