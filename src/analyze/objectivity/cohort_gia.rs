//! Rule f — a high ВПР not confirmed by the ГИА (ANALYTICS §2f; the official 2018
//! criterion): an 8th-grade ВПР procedure with sign a, whose cohort's ОГЭ mean in the
//! same subject the next year is at or below the benchmark mean. The finding is
//! attached to the ВПР procedure, which is what it casts doubt on.

use super::benchmark::Limits;
use super::findings::{Detail, Finding, Measure, Threshold};
use super::gia::GiaIndex;
use super::stats::at_least;
use crate::model::Procedure;
use crate::model::{AnalyticsRules, GiaRow, Rule};

/// The ВПР grade whose cohort sits the ОГЭ a year later.
const GRADE: u8 = 8;

/// `high` are the findings of rule a; `gia` every ОГЭ/ЕГЭ row.
pub(crate) fn findings(high: &[Finding], gia: &[GiaRow], rules: &AnalyticsRules) -> Vec<Finding> {
    let limits = Limits::of(rules);
    let index = GiaIndex::new(gia);
    let mut out = Vec::new();
    for a in high {
        if a.rule != Rule::A || a.exempt || a.key.grade != Some(GRADE) {
            continue;
        }
        let Some(subject) = &a.key.subject else {
            continue;
        };
        let Some(oge) = index
            .group(Procedure::Oge, a.year + 1, subject)
            .iter()
            .find(|r| r.org == Some(a.org))
        else {
            continue;
        };
        let Some(mean) = oge.mean.filter(|_| limits.enough(oge.n)) else {
            continue;
        };
        let Some(bench) = index.mean_benchmark(oge, &limits) else {
            continue;
        };
        // Not confirmed: the ОГЭ mean is at or below the benchmark (a tie counts).
        if !at_least(bench.value, mean) {
            continue;
        }
        out.push(Finding {
            rule: Rule::F,
            year: a.year,
            org: a.org,
            key: a.key.clone(),
            measure: Measure::OgeMean,
            n: oge.n,
            value: mean,
            benchmark: Some(bench.value),
            source: bench.source,
            difference: Some(mean - bench.value),
            z: None,
            threshold: Threshold::default(),
            exempt: false,
            limited: false,
            detail: Detail::CohortGia { oge_year: oge.year },
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::objectivity::findings::{ProcKey, Source};

    fn a_in_8th_grade(year: i32) -> Finding {
        Finding {
            rule: Rule::A,
            year,
            org: 0,
            key: ProcKey::vpr(8, "математика", None),
            measure: Measure::Quality,
            n: 25,
            value: 0.8,
            benchmark: Some(0.45),
            source: Source::Municipality,
            difference: Some(0.35),
            z: Some(3.5),
            threshold: Threshold::default(),
            exempt: false,
            limited: false,
            detail: Detail::None,
        }
    }

    fn oge(org: usize, year: i32, n: u32, mean: f64) -> GiaRow {
        GiaRow {
            year,
            procedure: Procedure::Oge,
            org: Some(org),
            subject: "математика".into(),
            n,
            mean: Some(mean),
            below_min: 0,
            high: 0,
            line: 2,
        }
    }

    #[test]
    fn fires_when_the_next_years_oge_is_not_above_the_benchmark() {
        // ОГЭ 2025: school 0 — 3.5 of 24; others 3.5 (30) and 3.7 (20) → 3.58.
        let rows = [
            oge(0, 2025, 24, 3.5),
            oge(1, 2025, 30, 3.5),
            oge(2, 2025, 20, 3.7),
        ];
        let found = findings(&[a_in_8th_grade(2024)], &rows, &AnalyticsRules::default());
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            (f.rule, f.year, f.key.grade, f.n),
            (Rule::F, 2024, Some(8), 24)
        );
        assert!((f.benchmark.unwrap() - 3.58).abs() < 1e-12);
    }

    #[test]
    fn counts_a_tie_and_stays_silent_when_the_oge_confirms() {
        let tie = [oge(0, 2025, 24, 3.5), oge(1, 2025, 30, 3.5)];
        assert_eq!(
            findings(&[a_in_8th_grade(2024)], &tie, &AnalyticsRules::default()).len(),
            1
        );
        let confirmed = [oge(0, 2025, 24, 4.1), oge(1, 2025, 30, 3.5)];
        assert!(findings(
            &[a_in_8th_grade(2024)],
            &confirmed,
            &AnalyticsRules::default()
        )
        .is_empty());
    }

    #[test]
    fn needs_the_next_year_and_an_unexempt_sign_a() {
        let rows = [oge(0, 2025, 24, 3.0), oge(1, 2025, 30, 3.5)];
        assert!(findings(&[a_in_8th_grade(2025)], &rows, &AnalyticsRules::default()).is_empty());
        let mut exempt = a_in_8th_grade(2024);
        exempt.exempt = true;
        assert!(findings(&[exempt], &rows, &AnalyticsRules::default()).is_empty());
    }
}
