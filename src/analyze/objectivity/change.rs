//! Rule c — a sharp change (ANALYTICS §2c). Two comparisons, each of one school and
//! one subject a year apart:
//!
//! - the cohort: grade g in year y, then grade g + 1 in year y + 1 (the same class);
//! - the same grade: grade g in year y, then grade g in year y + 1.
//!
//! The change is taken net of the benchmark's change,
//! `DiD = (Q₂ − Q₁) − (B₂ − B₁)`, and fires when `|DiD| ≥ effect` and the
//! two-proportion z reaches `z`, both groups having at least `n_min`. The sign is
//! attached to the higher of the two results (relative to its benchmark): a drop from
//! 4th to 5th grade points at the 4th-grade year. Variants (base and advanced math)
//! are compared only like with like. There is no cohort rule across a move between
//! schools (ANALYTICS §4): a school's own 4th and 5th grades are paired only, so a
//! НОШ's 4th grade is never compared with the 5th grade of the school its pupils
//! move to. The receiving school's own 4 → 5 cohort is compared as any other: the
//! НОШ's pupils joining its 5th grade do not make it a comparison across schools,
//! and ANALYTICS bars only those. A school without a 4th grade in the data gets
//! no cohort rule. A school divided into others (register `split_from:`) and the
//! schools divided from it are different schools here, so no year of one is ever
//! paired with a year of another: the division is a break for every rule over time.
//! A change across a data break is marked «сопоставимость ограничена».

use std::collections::BTreeMap;

use super::benchmark::{quality, CellKey, VprIndex};
use super::findings::{
    Bench, ChangeKind, ChangePoint, Detail, Finding, Measure, ProcKey, Threshold,
};
use super::stats::{across_z, at_least, did_z, Share};
use crate::model::{AnalyticsRules, EffectRule, Rule, VprRow};

/// The change between two results of a school, each with its benchmark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Change {
    pub(crate) earlier: ChangePoint,
    pub(crate) later: ChangePoint,
    /// `(Q₂ − Q₁) − (B₂ − B₁)`.
    pub(crate) did: f64,
    /// Two-proportion z of the DiD, the benchmark's change with its own uncertainty.
    pub(crate) z: Option<f64>,
}

/// A benchmark as a count of people, for its variance.
fn bench_share(bench: Bench) -> Share {
    Share::new((bench.value * f64::from(bench.n)).round() as u32, bench.n)
}

/// The change between `(first, its benchmark)` and `(second, its benchmark)`, when
/// it reaches the rule.
pub(crate) fn check(
    (first, first_bench): (&VprRow, Bench),
    (second, second_bench): (&VprRow, Bench),
    rule: &EffectRule,
) -> Option<Change> {
    let (q1, q2) = (quality(first)?, quality(second)?);
    let did = (q2.value() - q1.value()) - (second_bench.value - first_bench.value);
    let z = did_z(
        did,
        (q1, q2),
        (bench_share(first_bench), bench_share(second_bench)),
    );
    let fired = at_least(did.abs(), rule.effect) && z.is_some_and(|z| at_least(z, rule.z));
    let point = |row: &VprRow, share: Share, benchmark: Bench| ChangePoint {
        year: row.year,
        grade: row.grade,
        n: row.n,
        value: share.value(),
        benchmark: benchmark.value,
        benchmark_n: benchmark.n,
    };
    fired.then(|| Change {
        earlier: point(first, q1, first_bench),
        later: point(second, q2, second_bench),
        did,
        z,
    })
}

/// One comparison of one school: the two rows a year apart.
struct Pair<'a> {
    kind: ChangeKind,
    org: usize,
    first_key: CellKey,
    second_key: &'a CellKey,
    first: &'a VprRow,
    second: &'a VprRow,
}

/// Every comparison the rule may make: a school's own rows a year apart, both with
/// at least `n_min` participants.
fn pairs<'a>(index: &'a VprIndex<'_>) -> Vec<Pair<'a>> {
    let mut out = Vec::new();
    for (key, second) in index.rows() {
        let Some(org) = second.org else { continue };
        if !index.limits.enough(second.n) {
            continue;
        }
        let previous = |grade: u8| CellKey {
            year: key.year - 1,
            grade,
            ..key.clone()
        };
        let mut keys = vec![(ChangeKind::SameGrade, previous(key.grade))];
        if key.grade > 1 {
            keys.push((ChangeKind::Cohort, previous(key.grade - 1)));
        }
        for (kind, first_key) in keys {
            let Some(first) = index.row(&first_key, org) else {
                continue;
            };
            if index.limits.enough(first.n) {
                out.push(Pair {
                    kind,
                    org,
                    first_key,
                    second_key: key,
                    first,
                    second,
                });
            }
        }
    }
    out
}

pub(crate) fn findings(index: &VprIndex<'_>, rules: &AnalyticsRules) -> Vec<Finding> {
    let pairs = pairs(index);
    // The schools' own changes of each comparison, for the z across schools.
    let mut changes: BTreeMap<(ChangeKind, &CellKey, &CellKey), Vec<f64>> = BTreeMap::new();
    for p in &pairs {
        if let (Some(q1), Some(q2)) = (quality(p.first), quality(p.second)) {
            changes
                .entry((p.kind, &p.first_key, p.second_key))
                .or_default()
                .push(q2.value() - q1.value());
        }
    }
    let mut out = Vec::new();
    for p in &pairs {
        let (first, second, org) = (p.first, p.second, p.org);
        let (Some(b1), Some(b2)) = (
            index.benchmark(&p.first_key, Some(org), quality),
            index.benchmark(p.second_key, Some(org), quality),
        ) else {
            continue;
        };
        let Some(change) = check((first, b1), (second, b2), &rules.c) else {
            continue;
        };
        let all = &changes[&(p.kind, &p.first_key, p.second_key)];
        let own = change.later.value - change.earlier.value;
        // Attached to the higher result: a rise points at the later year.
        let (at, at_row) = if change.did > 0.0 {
            (change.later, second)
        } else {
            (change.earlier, first)
        };
        let limited = [change.earlier.year, change.later.year]
            .iter()
            .any(|y| rules.breaks.contains_key(y));
        out.push(Finding {
            rule: Rule::C,
            year: at.year,
            org,
            key: ProcKey::vpr(at_row.grade, &at_row.subject, at_row.variant.as_deref()),
            measure: Measure::QualityChange,
            n: at.n,
            value: own,
            benchmark: Some(change.later.benchmark - change.earlier.benchmark),
            source: b2.source,
            difference: Some(change.did),
            z: change.z,
            threshold: Threshold::of(&rules.c),
            exempt: false,
            limited,
            detail: Detail::Change {
                kind: p.kind,
                earlier: change.earlier,
                later: change.later,
                across_z: across_z(own, all),
                across_of: all.len(),
            },
        });
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

#[cfg(test)]
mod tests {
    use super::super::findings::Source;
    use super::super::testing::{results, vpr};
    use super::*;

    fn run(rows: Vec<VprRow>) -> Vec<Finding> {
        let data = results(rows);
        let rules = AnalyticsRules::default();
        findings(&VprIndex::new(&data, &rules), &rules)
    }

    /// Schools 1 and 2 in 4th grade 2024 (60 % «4»/«5») and 5th grade 2025 (54 %):
    /// the benchmark falls by 6 п.п.
    fn others() -> Vec<VprRow> {
        vec![
            vpr(2024, 1, 4, "математика", [5, 15, 20, 10]),
            vpr(2024, 2, 4, "математика", [5, 15, 20, 10]),
            vpr(2025, 1, 5, "математика", [5, 18, 20, 7]),
            vpr(2025, 2, 5, "математика", [5, 18, 20, 7]),
        ]
    }

    #[test]
    fn attaches_a_cohort_drop_to_the_higher_earlier_year() {
        // 18 of 20 = 90 % in 4th grade, 9 of 22 = 40.9 % in 5th grade:
        // DiD = (0.409 − 0.9) − (0.54 − 0.6) = −0.431; z = 2.91 (see stats.rs).
        let mut rows = others();
        rows.push(vpr(2024, 0, 4, "математика", [0, 2, 10, 8]));
        rows.push(vpr(2025, 0, 5, "математика", [3, 10, 7, 2]));
        let found = run(rows);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            (f.rule, f.year, f.key.grade, f.n),
            (Rule::C, 2024, Some(4), 20)
        );
        assert!(
            (f.difference.unwrap() + 0.4309).abs() < 1e-3,
            "{:?}",
            f.difference
        );
        assert!((f.benchmark.unwrap() + 0.06).abs() < 1e-12);
        assert!(f.z.unwrap() > 2.33);
        assert!(matches!(
            f.detail,
            Detail::Change {
                kind: ChangeKind::Cohort,
                ..
            }
        ));
        assert!(f.limited, "2025 is a data break by default");
    }

    #[test]
    fn attaches_a_rise_to_the_later_year() {
        let mut rows = others();
        rows.push(vpr(2024, 0, 4, "математика", [3, 10, 7, 2]));
        rows.push(vpr(2025, 0, 5, "математика", [0, 2, 10, 8]));
        let found = run(rows);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].year, found[0].key.grade), (2025, Some(5)));
    }

    #[test]
    fn compares_the_same_grade_a_year_later() {
        let mut rows = others();
        rows.push(vpr(2024, 1, 5, "математика", [5, 20, 20, 5]));
        rows.push(vpr(2024, 2, 5, "математика", [5, 20, 20, 5]));
        rows.push(vpr(2024, 0, 5, "математика", [3, 10, 7, 2]));
        rows.push(vpr(2025, 0, 5, "математика", [0, 2, 10, 8]));
        let found = run(rows);
        assert_eq!(found.len(), 1);
        assert!(matches!(
            found[0].detail,
            Detail::Change {
                kind: ChangeKind::SameGrade,
                ..
            }
        ));
    }

    #[test]
    fn fires_at_a_tie_with_the_effect_threshold() {
        // 50 of 100 «4»/«5», then 75 of 100, the benchmark flat at 50 %: DiD exactly
        // +25 п.п.; pooled 125/200, z = 0.25 / sqrt(0.625·0.375·0.02) = 3.65 (a
        // regional benchmark of 10 000 a year adds 0.00005 to the variance: 3.62).
        let first = vpr(2024, 0, 4, "математика", [10, 40, 40, 10]);
        let second = vpr(2025, 0, 5, "математика", [5, 20, 60, 15]);
        let rule = AnalyticsRules::default().c;
        let flat = Bench {
            value: 0.5,
            n: 10_000,
            source: Source::Region,
        };
        let change = check((&first, flat), (&second, flat), &rule).expect("a tie fires");
        assert!((change.did - 0.25).abs() < 1e-12);
        // 74 of 100: +24 п.п., no.
        let below = vpr(2025, 0, 5, "математика", [5, 21, 59, 15]);
        assert!(check((&first, flat), (&below, flat), &rule).is_none());
    }

    #[test]
    fn needs_the_previous_year() {
        // A school that opened in 2025, or a year missing from the data.
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [3, 10, 7, 2]));
        assert!(run(rows).is_empty());
    }

    #[test]
    fn has_no_cohort_when_the_class_moved_to_another_school() {
        // School 0 (a НОШ) has 4th grade in 2024; its pupils are in school 3's 5th grade.
        let mut rows = others();
        rows.push(vpr(2024, 0, 4, "математика", [0, 2, 10, 8]));
        rows.push(vpr(2025, 3, 5, "математика", [3, 10, 7, 2]));
        assert!(run(rows).is_empty());
    }

    #[test]
    fn compares_a_receiving_schools_own_cohort() {
        // School 0 has its own 4th grade, and a НОШ (school 3) feeds its 5th grade:
        // the НОШ's 4th grade is never paired with school 0's 5th grade, but school
        // 0's own 4 → 5 cohort is — the demo's 17 of 18 (94,4 %) in 4th grade, then
        // 8 of 21 (38,1 %) in 5th grade. The 4th-grade benchmark is schools 1–3
        // (78 of 120 = 65 %), the 5th-grade one schools 1–2 (54 %):
        // DiD = (0.381 − 0.944) − (0.54 − 0.65) = −0.453.
        let mut rows = others();
        rows.push(vpr(2024, 3, 4, "математика", [0, 2, 10, 8]));
        rows.push(vpr(2024, 0, 4, "математика", [0, 1, 9, 8]));
        rows.push(vpr(2025, 0, 5, "математика", [3, 10, 6, 2]));
        let found = run(rows);
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!((f.org, f.year, f.key.grade, f.n), (0, 2024, Some(4), 18));
        assert!(
            (f.difference.unwrap() + 0.4535).abs() < 1e-3,
            "{:?}",
            f.difference
        );
        assert!(matches!(
            f.detail,
            Detail::Change {
                kind: ChangeKind::Cohort,
                ..
            }
        ));
    }

    #[test]
    fn does_not_sign_an_unchanged_school_for_its_only_neighbours_jump() {
        // Two schools, no region: school 0 unchanged (25 of 50 «4»/«5» in 5th grade
        // in 2024 and in 2025), school 1 jumps from 4 of 10 to 9 of 10. School 0's
        // DiD = 0 − 0.5 = −0.5. Its own variance 0.5·0.5·(1/50 + 1/50) = 0.01; the
        // benchmark's, school 1 pooled 13/20: 0.65·0.35·(1/10 + 1/10) = 0.0455.
        // z = 0.5 / sqrt(0.0555) = 2.12 < 2.33: no sign. With the benchmark's change
        // taken as exact, z would be 0.5 / 0.1 = 5.0. School 1 is symmetric.
        let rows = vec![
            vpr(2024, 0, 5, "математика", [5, 20, 20, 5]),
            vpr(2025, 0, 5, "математика", [5, 20, 20, 5]),
            vpr(2024, 1, 5, "математика", [1, 5, 3, 1]),
            vpr(2025, 1, 5, "математика", [0, 1, 6, 3]),
        ];
        assert!(run(rows.clone()).is_empty());
        let q = |c, n| Share::new(c, n);
        let z = did_z(-0.5, (q(25, 50), q(25, 50)), (q(4, 10), q(9, 10))).unwrap();
        assert!((z - 2.122).abs() < 1e-3, "{z}");
        // With a third school the comparison is shown with the z across schools:
        // changes 0, +0.5 and school 2's +0.4 (from 10 of 50 to 30 of 50).
        let mut rows = rows;
        rows.push(vpr(2024, 2, 5, "математика", [10, 30, 10, 0]));
        rows.push(vpr(2025, 2, 5, "математика", [0, 20, 25, 5]));
        let found = run(rows);
        let f = found.iter().find(|f| f.org == 2).expect("school 2 rises");
        // Benchmark of school 2: schools 0 and 1 pooled, 29/60 then 34/60.
        // DiD = 0.4 − (34 − 29)/60 = 0.3167.
        assert!((f.difference.unwrap() - 0.31667).abs() < 1e-4);
        let Detail::Change {
            across_z,
            across_of,
            later,
            earlier,
            ..
        } = f.detail
        else {
            panic!("{:?}", f.detail)
        };
        assert_eq!((earlier.n, later.n), (50, 50));
        assert_eq!((earlier.benchmark_n, later.benchmark_n), (60, 60));
        // Changes 0, 0.5, 0.4: mean 0.3, sample sd 0.2646; (0.4 − 0.3) / 0.2646.
        assert_eq!(across_of, 3);
        assert!((across_z.unwrap() - 0.378).abs() < 1e-3, "{across_z:?}");
    }

    #[test]
    fn marks_a_change_across_a_data_break() {
        let shifted = |by: i32| -> Vec<Finding> {
            let mut rows = others();
            rows.push(vpr(2024, 0, 4, "математика", [0, 2, 10, 8]));
            rows.push(vpr(2025, 0, 5, "математика", [3, 10, 7, 2]));
            run(rows
                .into_iter()
                .map(|mut r| {
                    r.year -= by;
                    r
                })
                .collect())
        };
        assert!(shifted(3)[0].limited, "2021 → 2022: 2022 is a data break");
        assert!(!shifted(1)[0].limited, "2023 → 2024 compare as they are");
    }

    #[test]
    fn compares_variants_only_like_with_like() {
        let mut rows = others();
        rows.push(vpr(2024, 0, 4, "математика", [0, 2, 10, 8]));
        let mut advanced = vpr(2025, 0, 5, "математика", [3, 10, 7, 2]);
        advanced.variant = Some("углублённая".into());
        rows.push(advanced);
        assert!(run(rows).is_empty());
    }
}
