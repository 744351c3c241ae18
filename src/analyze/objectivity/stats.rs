//! The statistics of the rules (ANALYTICS §1): shares, the binomial z of a school
//! against a benchmark, the two-proportion z of a change net of the benchmark's, the
//! z across schools, the z of a mean; and the
//! inclusive comparison with a threshold.
//!
//! Thresholds are inclusive on purpose (`≥`): a result exactly at 20 п.п. fires. In
//! floating point 0.75 − 0.55 is 0.19999999999999996, so comparisons allow for a
//! rounding error far below anything a page can show.

use crate::model::EffectRule;

/// Far below what any page rounds to, far above floating-point noise.
const EPSILON: f64 = 1e-9;

/// `value ≥ threshold`, counting a tie as reached.
pub(crate) fn at_least(value: f64, threshold: f64) -> bool {
    value >= threshold - EPSILON
}

/// `count` people out of `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Share {
    pub(crate) count: u32,
    pub(crate) n: u32,
}

impl Share {
    pub(crate) fn new(count: u32, n: u32) -> Share {
        Share { count, n }
    }

    /// The share as a fraction; 0 for an empty group.
    pub(crate) fn value(self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            f64::from(self.count) / f64::from(self.n)
        }
    }
}

/// `z = (x − x_B) / sqrt(x_B (1 − x_B) / n)`; `None` when it cannot be computed
/// (nobody, or a benchmark of 0 or 100 %, which has no spread).
pub(crate) fn binomial_z(value: f64, benchmark: f64, n: u32) -> Option<f64> {
    let variance = benchmark * (1.0 - benchmark) / f64::from(n);
    (n > 0 && variance > 0.0).then(|| (value - benchmark) / variance.sqrt())
}

/// The z of a difference-in-differences, with the benchmark's change as uncertain as
/// the school's: `|DiD| / sqrt(V_o + V_B)`, each `V = p (1 − p) (1/n₁ + 1/n₂)` with
/// `p` that side's two groups pooled (the two-proportion variance of its change).
/// Without the benchmark's own variance, a school compared with a single other
/// school would owe its z to that school's jump alone. A benchmark of the region
/// (thousands of pupils) adds almost nothing; a leave-one-out benchmark of one or
/// two schools adds as much as the school itself.
pub(crate) fn did_z(
    did: f64,
    (first, second): (Share, Share),
    bench: (Share, Share),
) -> Option<f64> {
    let variance = |a: Share, b: Share| -> Option<f64> {
        if a.n == 0 || b.n == 0 {
            return None;
        }
        let pooled = Share::new(a.count + b.count, a.n + b.n).value();
        Some(pooled * (1.0 - pooled) * (1.0 / f64::from(a.n) + 1.0 / f64::from(b.n)))
    };
    let total = variance(first, second)? + variance(bench.0, bench.1)?;
    (total > 0.0).then(|| did.abs() / total.sqrt())
}

/// The z of one value among the schools' values: `(x − mean) / sd`, sd the sample
/// standard deviation. ANALYTICS §1: shown, never gated on (a few dozen schools make
/// it unstable); `None` with fewer than three schools or no spread at all.
pub(crate) fn across_z(value: f64, values: &[f64]) -> Option<f64> {
    if values.len() < 3 {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (variance > EPSILON).then(|| (value - mean) / variance.sqrt())
}

/// `z = (mean − mean_B) / (sd / sqrt(n))`.
pub(crate) fn mean_z(mean: f64, benchmark: f64, sd: f64, n: u32) -> Option<f64> {
    (n > 0 && sd > 0.0).then(|| (mean - benchmark) / (sd / f64::from(n).sqrt()))
}

/// A share of a school compared with a benchmark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Comparison {
    pub(crate) n: u32,
    pub(crate) value: f64,
    pub(crate) benchmark: f64,
    pub(crate) difference: f64,
    pub(crate) z: Option<f64>,
}

pub(crate) fn compare(share: Share, benchmark: f64) -> Comparison {
    let value = share.value();
    Comparison {
        n: share.n,
        value,
        benchmark,
        difference: value - benchmark,
        z: binomial_z(value, benchmark, share.n),
    }
}

/// Whether a comparison reaches both the effect and the z of a rule.
pub(crate) fn reaches(comparison: &Comparison, rule: &EffectRule) -> bool {
    at_least(comparison.difference, rule.effect)
        && comparison.z.is_some_and(|z| at_least(z, rule.z))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-3
    }

    #[test]
    fn computes_the_binomial_z_by_hand() {
        // 92 % «4»/«5» of 25 against 55 %: 0.37 / sqrt(0.55·0.45/25) = 0.37 / 0.0995 = 3.719.
        let z = binomial_z(0.92, 0.55, 25).unwrap();
        assert!(close(z, 3.719), "{z}");
        assert_eq!(binomial_z(0.5, 0.0, 25), None, "no spread at 0 %");
        assert_eq!(binomial_z(0.5, 1.0, 25), None);
        assert_eq!(binomial_z(0.5, 0.5, 0), None, "nobody");
    }

    #[test]
    fn computes_the_two_proportion_z_by_hand() {
        // 18 of 20, then 9 of 22; pooled 27/42 = 0.6429;
        // sqrt(0.6429·0.3571·(1/20 + 1/22)) = 0.14804; DiD −0.43 → z = 2.905
        // against a benchmark without spread (0 of 100 both years).
        let flat = (Share::new(0, 100), Share::new(0, 100));
        let z = did_z(-0.43, (Share::new(18, 20), Share::new(9, 22)), flat).unwrap();
        assert!(close(z, 2.905), "{z}");
        assert_eq!(did_z(0.3, (Share::new(0, 0), Share::new(1, 2)), flat), None);
        assert_eq!(did_z(0.3, (Share::new(5, 5), Share::new(7, 7)), flat), None);
    }

    #[test]
    fn gives_the_benchmark_its_own_uncertainty_in_a_did() {
        // School 18 of 20, then 9 of 22 (variance 0.021917, as above); a benchmark
        // of 60 of 100, then 54 of 100: pooled 0.57, 0.57·0.43·0.02 = 0.004902.
        // DiD −0.431: z = 0.431 / sqrt(0.026819) = 2.632 (2.911 without it).
        let school = (Share::new(18, 20), Share::new(9, 22));
        let bench = (Share::new(60, 100), Share::new(54, 100));
        let z = did_z(-0.431, school, bench).unwrap();
        assert!(close(z, 2.632), "{z}");
        // A region of 12 000 pupils adds next to nothing.
        let region = (Share::new(7200, 12000), Share::new(6480, 12000));
        let z = did_z(-0.431, school, region).unwrap();
        assert!(close(z, 2.909), "{z}");
        assert_eq!(
            did_z(0.3, school, (Share::new(0, 0), Share::new(1, 2))),
            None
        );
    }

    #[test]
    fn computes_the_z_across_schools_by_hand() {
        // Changes −0.1, 0, 0.1, 0.4: mean 0.1, sample sd sqrt(0.14/3) = 0.2160;
        // 0.4 is (0.4 − 0.1) / 0.2160 = 1.389 sd above the mean.
        let values = [-0.1, 0.0, 0.1, 0.4];
        assert!(close(across_z(0.4, &values).unwrap(), 1.389));
        assert_eq!(across_z(0.4, &[0.0, 0.4]), None, "two schools");
        assert_eq!(across_z(0.1, &[0.1, 0.1, 0.1]), None, "no spread");
    }

    #[test]
    fn computes_the_z_of_a_mean_by_hand() {
        // 78 against 62 with sd 15 and 16 participants: 16 / (15/4) = 4.267.
        assert!(close(mean_z(78.0, 62.0, 15.0, 16).unwrap(), 4.267));
        assert_eq!(mean_z(78.0, 62.0, 15.0, 0), None);
    }

    #[test]
    fn counts_a_tie_at_a_threshold_as_reached() {
        // 30 of 40 = 75 % against 55 %: exactly 20 п.п., which floating point
        // computes as 0.19999999999999996.
        let c = compare(Share::new(30, 40), 0.55);
        assert!(c.difference < 0.2);
        let rule = EffectRule {
            effect: 0.20,
            z: 2.33,
        };
        assert!(reaches(&c, &rule));
        assert!(at_least(2.33 - 1e-12, 2.33));
        assert!(!at_least(2.329, 2.33));
        assert!(!reaches(&compare(Share::new(30, 40), 0.5501), &rule));
    }

    #[test]
    fn treats_an_empty_group_as_zero_without_dividing() {
        assert_eq!(Share::new(0, 0).value(), 0.0);
        assert_eq!(compare(Share::new(0, 0), 0.5).z, None);
    }
}
