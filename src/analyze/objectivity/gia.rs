//! Rule e — anomalous ОГЭ/ЕГЭ results (ANALYTICS §2e): in one subject and year, the
//! school's mean *and* its share of high results (ОГЭ «5», ЕГЭ 81–100) are both
//! significantly above the benchmark, z ≥ `z` for each.
//!
//! The inputs give means, not the spread of students' results, so the z of a mean
//! uses a typical standard deviation set in `data/analytics.yaml` (`sd_oge` in marks,
//! `sd_ege` in points): `z = (mean − mean_B) / (sd / √n)`. As for rule a, a high
//! result in a profile subject of a лицей, гимназия or in-depth study is expected,
//! not a sign.

use std::collections::HashMap;

use super::benchmark::{pool, pool_mean, Limits};
use super::findings::{Bench, Detail, Finding, Measure, ProcKey, Threshold};
use super::stats::{at_least, binomial_z, mean_z, Share};
use super::vpr_high::expected_for_profile;
use crate::model::Procedure;
use crate::model::{AnalyticsRules, GiaRow, Register, Rule};

/// The ОГЭ/ЕГЭ rows of one procedure, year and subject, in file order.
///
/// A benchmark pools the other schools of the same subject and year; grouping the rows
/// once keeps that a pass over the group instead of over every row of every year
/// (a region has thousands of rows a year: scanning all of them for each row was
/// quadratic).
#[derive(Debug, Default)]
pub(crate) struct GiaIndex<'a> {
    groups: HashMap<(Procedure, i32), HashMap<&'a str, Vec<&'a GiaRow>>>,
}

impl<'a> GiaIndex<'a> {
    pub(crate) fn new(rows: &'a [GiaRow]) -> GiaIndex<'a> {
        let mut groups: HashMap<_, HashMap<_, Vec<&GiaRow>>> = HashMap::new();
        for row in rows {
            groups
                .entry((row.procedure, row.year))
                .or_default()
                .entry(row.subject.as_str())
                .or_default()
                .push(row);
        }
        GiaIndex { groups }
    }

    /// The rows of a procedure, year and subject (the region's among them).
    pub(crate) fn group(&self, procedure: Procedure, year: i32, subject: &str) -> &[&'a GiaRow] {
        self.groups
            .get(&(procedure, year))
            .and_then(|subjects| subjects.get(subject))
            .map_or(&[], Vec::as_slice)
    }

    fn same_as(&self, of: &GiaRow) -> &[&'a GiaRow] {
        self.group(of.procedure, of.year, &of.subject)
    }

    /// The benchmark mean of a subject: the region's, or the other schools' weighted.
    pub(crate) fn mean_benchmark(&self, of: &GiaRow, limits: &Limits) -> Option<Bench> {
        let same = self.same_as(of);
        let region = same
            .iter()
            .find(|r| r.org.is_none())
            .and_then(|r| r.mean.map(|m| (m, r.n)));
        let others = same
            .iter()
            .filter(|r| r.org.is_some() && r.org != of.org)
            .filter_map(|r| r.mean.map(|m| (m, r.n)));
        pool_mean(region, others, limits)
    }

    /// The benchmark share of high results of a subject.
    fn high_benchmark(&self, of: &GiaRow, limits: &Limits) -> Option<Bench> {
        let same = self.same_as(of);
        let region = same
            .iter()
            .find(|r| r.org.is_none())
            .map(|r| Share::new(r.high, r.n));
        let others = same
            .iter()
            .filter(|r| r.org.is_some() && r.org != of.org)
            .map(|r| Share::new(r.high, r.n));
        pool(region, others, limits)
    }
}

/// The z of the mean and of the high share, when both reach `z`.
pub(crate) fn check(
    row: &GiaRow,
    mean: Bench,
    high: Bench,
    rules: &AnalyticsRules,
) -> Option<(f64, Option<f64>)> {
    let sd = match row.procedure {
        Procedure::Oge => rules.e.sd_oge,
        _ => rules.e.sd_ege,
    };
    let z_mean = mean_z(row.mean?, mean.value, sd, row.n)?;
    let z_high = binomial_z(Share::new(row.high, row.n).value(), high.value, row.n);
    (at_least(z_mean, rules.e.z) && z_high.is_some_and(|z| at_least(z, rules.e.z)))
        .then_some((z_mean, z_high))
}

pub(crate) fn findings(
    rows: &[GiaRow],
    rules: &AnalyticsRules,
    register: &Register,
) -> Vec<Finding> {
    let limits = Limits::of(rules);
    let index = GiaIndex::new(rows);
    let mut out = Vec::new();
    for row in rows {
        let (Some(org), Some(mean)) = (row.org, row.mean) else {
            continue;
        };
        if !limits.enough(row.n) {
            continue;
        }
        let (Some(mean_b), Some(high_b)) = (
            index.mean_benchmark(row, &limits),
            index.high_benchmark(row, &limits),
        ) else {
            continue;
        };
        let Some((z, high_z)) = check(row, mean_b, high_b, rules) else {
            continue;
        };
        out.push(Finding {
            rule: Rule::E,
            year: row.year,
            org,
            key: ProcKey::gia(row.procedure, &row.subject),
            measure: Measure::GiaMean,
            n: row.n,
            value: mean,
            benchmark: Some(mean_b.value),
            source: mean_b.source,
            difference: Some(mean - mean_b.value),
            z: Some(z),
            threshold: Threshold {
                effect: None,
                z: Some(rules.e.z),
                count: None,
            },
            exempt: register
                .organizations
                .get(org)
                .is_some_and(|o| expected_for_profile(o, &row.subject)),
            limited: false,
            detail: Detail::Gia {
                high: Share::new(row.high, row.n).value(),
                high_benchmark: high_b.value,
                high_z,
            },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::register;
    use super::*;

    fn gia(org: Option<usize>, n: u32, mean: f64, high: u32) -> GiaRow {
        GiaRow {
            year: 2025,
            procedure: Procedure::Ege,
            org,
            subject: "химия".into(),
            n,
            mean: Some(mean),
            below_min: 0,
            high,
            line: 2,
        }
    }

    #[test]
    fn fires_when_the_mean_and_the_high_share_are_both_far_above() {
        // Others: 60 points, 4 of 40 high (10 %). School 0: 16 people, 78 points, 8 high.
        // z(mean) = 18 / (15/4) = 4.8; z(high) = 0.4 / sqrt(0.09/16) = 5.33.
        let rows = [
            gia(Some(1), 20, 62.0, 2),
            gia(Some(2), 20, 58.0, 2),
            gia(Some(0), 16, 78.0, 8),
        ];
        let found = findings(&rows, &AnalyticsRules::default(), &register(3, &[]));
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            (f.rule, f.org, f.value, f.benchmark),
            (Rule::E, 0, 78.0, Some(60.0))
        );
        assert!((f.z.unwrap() - 4.8).abs() < 1e-9);
        let Detail::Gia {
            high,
            high_benchmark,
            high_z,
        } = f.detail
        else {
            panic!()
        };
        assert_eq!((high, high_benchmark), (0.5, 0.1));
        assert!((high_z.unwrap() - 5.333).abs() < 1e-3);
    }

    #[test]
    fn fires_at_a_tie_with_the_z_threshold() {
        // 16 people, sd 15: z(mean) = (69 − 60) / (15/4) = 2.4 exactly against a
        // threshold of 2.4; 68.9 points is z = 2.37, below it.
        let mut rules = AnalyticsRules::default();
        rules.e.z = 2.4;
        let bench = |value| Bench {
            value,
            n: 40,
            source: super::super::findings::Source::Municipality,
        };
        let at = gia(Some(0), 16, 69.0, 8);
        let (z, _) = check(&at, bench(60.0), bench(0.1), &rules).expect("a tie fires");
        assert!((z - 2.4).abs() < 1e-9);
        let below = gia(Some(0), 16, 68.9, 8);
        assert!(check(&below, bench(60.0), bench(0.1), &rules).is_none());
    }

    #[test]
    fn compares_within_a_data_break_year_without_a_note() {
        // A data-break year (2025: no 11th-grade ВПР) changes nothing for the ЕГЭ of
        // that year against the same year's benchmark.
        let rows = [
            gia(Some(1), 20, 62.0, 2),
            gia(Some(2), 20, 58.0, 2),
            gia(Some(0), 16, 78.0, 8),
        ];
        let found = findings(&rows, &AnalyticsRules::default(), &register(3, &[]));
        assert!(found.iter().all(|f| !f.limited && f.year == 2025));
    }

    #[test]
    fn needs_both_z_scores() {
        // A high mean with an ordinary share of high results: no sign.
        let rows = [
            gia(Some(1), 20, 62.0, 2),
            gia(Some(2), 20, 58.0, 2),
            gia(Some(0), 16, 78.0, 2),
        ];
        assert!(findings(&rows, &AnalyticsRules::default(), &register(3, &[])).is_empty());
    }

    #[test]
    fn expects_high_results_in_a_profile_subject() {
        let rows = [
            gia(Some(1), 20, 62.0, 2),
            gia(Some(2), 20, 58.0, 2),
            gia(Some(0), 16, 78.0, 8),
        ];
        let found = findings(
            &rows,
            &AnalyticsRules::default(),
            &register(3, &[(0, "{kind: углублённое, subjects: [химия]}")]),
        );
        assert!(found[0].exempt);
    }

    #[test]
    fn uses_the_region_when_given() {
        let rows = [
            gia(None, 5000, 77.0, 2000),
            gia(Some(1), 20, 62.0, 2),
            gia(Some(0), 16, 78.0, 8),
        ];
        assert!(findings(&rows, &AnalyticsRules::default(), &register(3, &[])).is_empty());
    }
}
