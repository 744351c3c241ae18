//! The change of an indicator after a management decision, next to the benchmark's
//! change over the same periods.
//!
//! This is a comparison, not an evaluation: a municipality that improved faster than
//! the region after a decision may owe it to anything. The page says so in words
//! («изменение после решения, не доказательство его действия»), and nothing is said
//! when there is no value after the decision.

use super::trends::{headline, trend, Trend};
use crate::model::{calendar_year, Indicator, Period, Place};

/// The municipality's and the benchmark's values around one decision.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DecisionEffect {
    /// The last value measured in the decision's year or before it.
    pub(crate) before: (Period, f64),
    /// The first value after the decision's year (the next available period): a
    /// later one would also carry the effect of later decisions on the same
    /// indicator. `None`: no claim is possible yet.
    pub(crate) after: Option<(Period, f64)>,
    /// The latest value, when it is later than `after`: shown, never judged.
    pub(crate) latest: Option<(Period, f64)>,
    /// The values are the plain mean over the indicator's disaggregations (it has no
    /// total rows): the page must say so.
    pub(crate) averaged: bool,
    /// The region (else Russia) at the same two periods, when it has both.
    pub(crate) benchmark: Option<Benchmark>,
    /// The municipality's own change.
    pub(crate) trend: Option<Trend>,
    /// The municipality's change against the benchmark's: improved when it moved
    /// further in the good direction (or less in the bad one).
    pub(crate) against_benchmark: Option<Trend>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Benchmark {
    pub(crate) place: Place,
    pub(crate) before: f64,
    pub(crate) after: f64,
}

/// `None` when the municipality has no value in or before the decision's year.
pub(crate) fn compute_effect(indicator: &Indicator, decision_year: i32) -> Option<DecisionEffect> {
    let own_headline = headline(indicator, Place::Municipality);
    let averaged = own_headline.averaged;
    let own = own_headline.values;
    let before = own
        .iter()
        .rfind(|(p, _)| calendar_year(**p) <= decision_year)
        .map(|(p, v)| (*p, *v))?;
    let after = own
        .iter()
        .find(|(p, _)| calendar_year(**p) > decision_year)
        .map(|(p, v)| (*p, *v));
    let latest = own
        .iter()
        .next_back()
        .map(|(p, v)| (*p, *v))
        .filter(|latest| after.is_some_and(|a| latest.0 > a.0));
    let Some((after_period, after_value)) = after else {
        return Some(DecisionEffect {
            before,
            after: None,
            latest: None,
            averaged,
            benchmark: None,
            trend: None,
            against_benchmark: None,
        });
    };
    let benchmark = [Place::Region, Place::Russia]
        .into_iter()
        .find_map(|place| {
            let values = headline(indicator, place).values;
            Some(Benchmark {
                place,
                before: *values.get(&before.0)?,
                after: *values.get(&after_period)?,
            })
        });
    let own_change = after_value - before.1;
    // Across a declared method change the two values are not comparable: shown,
    // never judged (issue 20: trend wording never bridges a break).
    let comparable = !indicator.breaks_between(before.0, after_period);
    Some(DecisionEffect {
        before,
        after,
        latest,
        averaged,
        trend: comparable.then(|| trend(indicator, before.1, after_value)),
        against_benchmark: benchmark
            .as_ref()
            .filter(|_| comparable)
            .map(|b| against(indicator, b.after - b.before, own_change)),
        benchmark,
    })
}

/// The municipality's change against the benchmark's. Values are published rounded to
/// the indicator's precision, so each change may be off by one unit of it and their
/// difference by two: a difference within that is «так же», never a verdict.
fn against(indicator: &Indicator, benchmark_change: f64, own_change: f64) -> Trend {
    let unit = 10f64.powi(-(indicator.decimals as i32));
    let delta = own_change - benchmark_change;
    if delta.abs() <= 2.0 * unit + 1e-9 {
        return Trend::Unchanged;
    }
    trend(indicator, benchmark_change, own_change)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;
    use crate::model::{Better, PeriodKind};

    fn indicator(better: Better, rows: &[(i32, Place, f64)]) -> Indicator {
        Indicator {
            id: "vpr-low".into(),
            direction: 0,
            title: "Доля «2» на ВПР".into(),
            description: None,
            unit: "%".into(),
            better,
            compare: Default::default(),
            period_kind: PeriodKind::Year,
            decimals: 1,
            method: None,
            source: None,
            targets: Default::default(),
            method_changes: Default::default(),
            stack: None,
            dims: Vec::new(),
            observations: rows
                .iter()
                .map(|&(year, place, value)| Observation {
                    period: Period {
                        year,
                        kind: PeriodKind::Year,
                    },
                    place,
                    value: Some(value),
                    dims: Vec::new(),
                    part: None,
                    n: None,
                })
                .collect(),
            files: Vec::new(),
        }
    }

    #[test]
    fn a_decline_faster_than_the_region_is_better_against_the_benchmark() {
        let i = indicator(
            Better::Lower,
            &[
                (2024, Place::Municipality, 10.0),
                (2025, Place::Municipality, 7.0),
                (2024, Place::Region, 9.0),
                (2025, Place::Region, 8.5),
            ],
        );
        let effect = compute_effect(&i, 2024).unwrap();
        assert_eq!(effect.after.unwrap().1, 7.0);
        assert_eq!(effect.trend, Some(Trend::Improved));
        assert_eq!(effect.against_benchmark, Some(Trend::Improved));
        assert_eq!(effect.benchmark.unwrap().place, Place::Region);
    }

    #[test]
    fn a_growth_slower_than_the_region_is_worse_against_the_benchmark() {
        let i = indicator(
            Better::Higher,
            &[
                (2024, Place::Municipality, 60.0),
                (2025, Place::Municipality, 61.0),
                (2024, Place::Russia, 60.0),
                (2025, Place::Russia, 64.0),
            ],
        );
        let effect = compute_effect(&i, 2024).unwrap();
        assert_eq!(effect.trend, Some(Trend::Improved));
        assert_eq!(effect.against_benchmark, Some(Trend::Worsened));
        assert_eq!(effect.benchmark.unwrap().place, Place::Russia);
    }

    #[test]
    fn no_claim_without_a_value_after_the_decision() {
        let i = indicator(
            Better::Lower,
            &[
                (2024, Place::Municipality, 10.0),
                (2025, Place::Municipality, 7.0),
                (2025, Place::Region, 8.0),
            ],
        );
        let effect = compute_effect(&i, 2025).unwrap();
        assert_eq!(effect.before.1, 7.0);
        assert!(effect.after.is_none() && effect.trend.is_none());
        assert!(effect.against_benchmark.is_none());
        assert!(compute_effect(&i, 2023).is_none());
    }

    #[test]
    fn after_is_the_next_available_period_not_the_latest() {
        let i = indicator(
            Better::Higher,
            &[
                (2023, Place::Municipality, 30.0),
                (2024, Place::Municipality, 34.0),
                (2025, Place::Municipality, 40.0),
                (2023, Place::Region, 30.0),
                (2024, Place::Region, 33.0),
                (2025, Place::Region, 41.0),
            ],
        );
        let effect = compute_effect(&i, 2023).unwrap();
        assert_eq!(effect.after.unwrap().1, 34.0);
        assert_eq!(effect.latest.unwrap().1, 40.0);
        assert_eq!(effect.benchmark.unwrap().after, 33.0);
        assert_eq!(effect.against_benchmark, Some(Trend::Improved));
    }

    #[test]
    fn a_difference_within_rounding_is_no_verdict() {
        // +0,9 against +0,8: both rounded to 0,1, so the 0,1 between them is noise.
        let i = indicator(
            Better::Higher,
            &[
                (2024, Place::Municipality, 96.1),
                (2025, Place::Municipality, 97.0),
                (2024, Place::Region, 94.7),
                (2025, Place::Region, 95.5),
            ],
        );
        let effect = compute_effect(&i, 2024).unwrap();
        assert_eq!(effect.trend, Some(Trend::Improved));
        assert_eq!(effect.against_benchmark, Some(Trend::Unchanged));
        assert!(effect.latest.is_none());
    }
}
