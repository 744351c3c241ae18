//! What the numbers of an indicator say: the headline series of a place, the latest
//! value and its change, whether targets are met, and how an organisation compares
//! with the municipality.
//!
//! A headline is the value without disaggregation. When the data gives only
//! disaggregated rows (ВПР by subject), the headline is their plain mean, marked
//! `averaged` so the page can say «в среднем по предметам» — participant counts are
//! not in the data, so a weighted mean is not possible.

use std::collections::BTreeMap;

use crate::model::Better;
use crate::model::{Indicator, Period, Place};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trend {
    Improved,
    Worsened,
    Unchanged,
}

/// Where an organisation stands against the municipality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    Better,
    Worse,
    Same,
    /// The group is too small to tell («мало данных»): fewer than [`MIN_GROUP`].
    FewData,
}

/// Below this many participants a share is not compared at all.
pub(crate) const MIN_GROUP: u32 = 10;

/// A place's values by period, and whether they are means over disaggregations.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Headline {
    pub(crate) values: BTreeMap<Period, f64>,
    pub(crate) averaged: bool,
}

/// The municipality's story for one indicator.
#[derive(Debug, Clone, Default)]
pub(crate) struct IndicatorSummary {
    pub(crate) headline: Headline,
    pub(crate) latest: Option<(Period, f64)>,
    pub(crate) previous: Option<(Period, f64)>,
    pub(crate) trend: Option<Trend>,
    /// Per period with both a target and a value: whether the target was met.
    pub(crate) targets_met: BTreeMap<Period, bool>,
    /// What each row of the indicator's data says in a chart of schools, in the
    /// order of `Indicator::observations` (see [`row_standings`]).
    pub(crate) rows: Vec<RowStanding>,
}

/// An organisation's row of an indicator's data against the municipality's value in
/// the same period and breakdown: the tone and the words of its bar in a chart of
/// schools. The default for a row of another place or without a value.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct RowStanding {
    /// `None` without a municipal value to compare with, or for an indicator shown
    /// as a fact.
    pub(crate) standing: Option<Standing>,
    /// The group behind a row without a breakdown, when the data gives it (see
    /// [`group_size`]); `None` for a breakdown's row.
    pub(crate) n: Option<u32>,
}

/// One indicator measured for one organisation.
#[derive(Debug, Clone)]
pub(crate) struct OrgComparison {
    pub(crate) indicator: usize,
    pub(crate) period: Period,
    pub(crate) value: f64,
    pub(crate) municipality: Option<f64>,
    /// `None` also for an indicator shown as a fact (staff, buildings, money).
    pub(crate) standing: Option<Standing>,
    /// The group the organisation's share is of, when the data gives it.
    pub(crate) n: Option<u32>,
    pub(crate) previous: Option<(Period, f64)>,
    pub(crate) trend: Option<Trend>,
    pub(crate) averaged: bool,
    /// The organisation's headline values by period (its course, for its card).
    pub(crate) values: BTreeMap<Period, f64>,
}

pub(crate) fn headline(indicator: &Indicator, place: Place) -> Headline {
    if indicator.stack.is_some() {
        return Headline::default();
    }
    let rows = indicator.observations.iter().filter(|o| o.place == place);
    let totals: BTreeMap<Period, f64> = rows
        .clone()
        .filter(|o| o.dims.iter().all(String::is_empty))
        .filter_map(|o| Some((o.period, o.value?)))
        .collect();
    if !totals.is_empty() || indicator.dims.is_empty() {
        return Headline {
            values: totals,
            averaged: false,
        };
    }
    let mut sums: BTreeMap<Period, (f64, usize)> = BTreeMap::new();
    for o in rows {
        if let Some(value) = o.value {
            let entry = sums.entry(o.period).or_default();
            entry.0 += value;
            entry.1 += 1;
        }
    }
    Headline {
        values: sums
            .into_iter()
            .map(|(p, (sum, n))| (p, sum / n as f64))
            .collect(),
        averaged: true,
    }
}

/// Better, worse or unchanged, given which way is good. A change that rounds to zero
/// at the indicator's precision is no change.
pub(crate) fn trend(indicator: &Indicator, from: f64, to: f64) -> Trend {
    let delta = to - from;
    if delta.abs() < 0.5 * 10f64.powi(-(indicator.decimals as i32)) {
        return Trend::Unchanged;
    }
    match (indicator.better, delta > 0.0) {
        (Better::Higher, true) | (Better::Lower, false) => Trend::Improved,
        _ => Trend::Worsened,
    }
}

/// Whether `value` meets `target`, given which way is good.
pub(crate) fn meets(indicator: &Indicator, value: f64, target: f64) -> bool {
    match indicator.better {
        Better::Higher => value >= target,
        Better::Lower => value <= target,
    }
}

impl Standing {
    /// Where `value`, of a group of `n` when known, stands against the
    /// municipality's `municipality`; `None` for an indicator shown as a fact.
    pub(crate) fn from_values(
        indicator: &Indicator,
        value: f64,
        municipality: f64,
        n: Option<u32>,
    ) -> Option<Standing> {
        (indicator.compare == crate::model::Compare::Verdict)
            .then(|| standing_with_group(indicator, value, municipality, n))
    }
}

/// «На уровне округа» when the gap is within 5 % of the municipal value (or one unit
/// of the shown precision): smaller gaps are noise in a school of a few classes.
pub(crate) fn standing(indicator: &Indicator, value: f64, municipality: f64) -> Standing {
    let tolerance = (0.05 * municipality.abs()).max(10f64.powi(-(indicator.decimals as i32)));
    if (value - municipality).abs() <= tolerance {
        return Standing::Same;
    }
    match trend(indicator, municipality, value) {
        Trend::Improved => Standing::Better,
        Trend::Worsened => Standing::Worse,
        Trend::Unchanged => Standing::Same,
    }
}

/// The size of the group behind `place`'s total value in `period` (the row without
/// a breakdown), when the data gives it. A mean over subjects has none: its
/// groups overlap (the same pupils write both papers).
pub(crate) fn group_size(indicator: &Indicator, place: Place, period: Period) -> Option<u32> {
    indicator
        .observations
        .iter()
        .find(|o| {
            o.place == place
                && o.period == period
                && o.value.is_some()
                && o.part.is_none()
                && o.dims.iter().all(String::is_empty)
        })
        .and_then(|o| o.n)
}

/// The 95 % Wilson score interval of a share `p` (0…1) observed in a group of `n`:
/// it stays inside 0…1 and is honest for small groups and shares near 0 or 1,
/// where the usual ± 1,96·√(p(1−p)/n) says «0 ± 0».
pub(crate) fn wilson(p: f64, n: u32) -> (f64, f64) {
    const Z: f64 = 1.96;
    let n = f64::from(n);
    let z2 = Z * Z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// Where a value stands, given the size of its group when known. A share («%»)
/// with `n` is «на уровне» unless the 95 % Wilson interval of the share excludes the
/// municipality's value, and is not compared below [`MIN_GROUP`]; without `n` (or
/// for a score) the 5 % rule of [`standing`] applies.
pub(crate) fn standing_with_group(
    indicator: &Indicator,
    value: f64,
    municipality: f64,
    n: Option<u32>,
) -> Standing {
    match n {
        Some(n) if indicator.unit == "%" => {
            if n < MIN_GROUP {
                return Standing::FewData;
            }
            let (lo, hi) = wilson((value / 100.0).clamp(0.0, 1.0), n);
            let m = municipality / 100.0;
            if (lo..=hi).contains(&m) {
                Standing::Same
            } else {
                match trend(indicator, municipality, value) {
                    Trend::Improved => Standing::Better,
                    Trend::Worsened => Standing::Worse,
                    Trend::Unchanged => Standing::Same,
                }
            }
        }
        _ => standing(indicator, value, municipality),
    }
}

pub(crate) fn summarize(indicator: &Indicator) -> IndicatorSummary {
    let headline = headline(indicator, Place::Municipality);
    let mut latest_two = headline.values.iter().rev().map(|(p, v)| (*p, *v));
    let latest = latest_two.next();
    let previous = latest_two.next();
    // No trend across a declared method change: the values are not comparable.
    let trend = match (previous, latest) {
        (Some((p, _)), Some((l, _))) if indicator.breaks_between(p, l) => None,
        (Some((_, from)), Some((_, to))) => Some(trend(indicator, from, to)),
        _ => None,
    };
    let targets_met = indicator
        .targets
        .iter()
        .filter_map(|(period, target)| {
            headline
                .values
                .get(period)
                .map(|value| (*period, meets(indicator, *value, *target)))
        })
        .collect();
    IndicatorSummary {
        headline,
        latest,
        previous,
        trend,
        targets_met,
        rows: row_standings(indicator),
    }
}

/// For each row of an indicator's data (in order), where an organisation's value
/// stands against the municipality's in the same period and breakdown, with the
/// group size for a row without a breakdown. When rows repeat a place, period and
/// breakdown, the first one counts, as a chart finds it. Two ordered maps over the
/// rows, then one look-up per row: n·log n in the rows.
pub(crate) fn row_standings(indicator: &Indicator) -> Vec<RowStanding> {
    let total = |dims: &[String]| dims.iter().all(String::is_empty);
    let mut municipal: BTreeMap<(Period, &[String]), Option<f64>> = BTreeMap::new();
    let mut groups: BTreeMap<(usize, Period), Option<u32>> = BTreeMap::new();
    for o in &indicator.observations {
        match o.place {
            Place::Municipality => {
                municipal.entry((o.period, &o.dims[..])).or_insert(o.value);
            }
            // The row `group_size` finds.
            Place::Org(org) if o.value.is_some() && o.part.is_none() && total(&o.dims) => {
                groups.entry((org, o.period)).or_insert(o.n);
            }
            _ => {}
        }
    }
    indicator
        .observations
        .iter()
        .map(|o| {
            let (Place::Org(org), Some(value)) = (o.place, o.value) else {
                return RowStanding::default();
            };
            let n = if total(&o.dims) {
                groups.get(&(org, o.period)).copied().flatten()
            } else {
                None
            };
            let standing = municipal
                .get(&(o.period, &o.dims[..]))
                .copied()
                .flatten()
                .and_then(|m| Standing::from_values(indicator, value, m, n));
            RowStanding { standing, n }
        })
        .collect()
}

/// The organisation's latest value of an indicator against the municipality's for
/// the same period; `None` when the organisation has no value.
pub(crate) fn compare_org(
    index: usize,
    indicator: &Indicator,
    org: usize,
) -> Option<OrgComparison> {
    let own = headline(indicator, Place::Org(org));
    let (&period, &value) = own.values.iter().next_back()?;
    let previous = own
        .values
        .range(..period)
        .next_back()
        .map(|(p, v)| (*p, *v));
    let municipality = headline(indicator, Place::Municipality)
        .values
        .get(&period)
        .copied();
    let n = group_size(indicator, Place::Org(org), period);
    let verdict = indicator.compare == crate::model::Compare::Verdict;
    Some(OrgComparison {
        indicator: index,
        period,
        value,
        municipality,
        standing: municipality
            .filter(|_| verdict)
            .map(|m| standing_with_group(indicator, value, m, n)),
        n,
        previous,
        trend: previous
            .filter(|(p, _)| !indicator.breaks_between(*p, period))
            .map(|(_, from)| trend(indicator, from, value)),
        averaged: own.averaged,
        values: own.values,
    })
}

#[cfg(test)]
mod group_tests {
    use super::*;

    #[test]
    fn a_wilson_interval_is_wide_for_a_small_group_and_never_below_zero() {
        let (lo, hi) = wilson(0.0, 12);
        assert_eq!(lo, 0.0);
        assert!((hi - 0.2425).abs() < 0.001, "{hi}");
        let (lo, hi) = wilson(0.5, 400);
        assert!(
            (lo - 0.451).abs() < 0.001 && (hi - 0.549).abs() < 0.001,
            "{lo} {hi}"
        );
    }

    fn share(id: &str, better: crate::model::Better) -> Indicator {
        Indicator {
            id: id.into(),
            direction: 0,
            title: id.into(),
            description: None,
            unit: "%".into(),
            better,
            compare: crate::model::Compare::Verdict,
            period_kind: crate::model::PeriodKind::Year,
            decimals: 1,
            method: None,
            source: None,
            targets: BTreeMap::new(),
            stack: None,
            method_changes: BTreeMap::new(),
            dims: Vec::new(),
            observations: Vec::new(),
            files: Vec::new(),
        }
    }

    #[test]
    fn compares_a_share_only_when_the_group_makes_the_difference_clear() {
        let fails = share("vpr-low", crate::model::Better::Lower);
        // 12,5 % of 8 papers against 8,3 %: one pupil; not compared.
        assert_eq!(
            standing_with_group(&fails, 12.5, 8.3, Some(8)),
            Standing::FewData
        );
        // 0 % of 12 against 1,3 %: the interval 0…24 % holds the district's value.
        assert_eq!(
            standing_with_group(&fails, 0.0, 1.3, Some(12)),
            Standing::Same
        );
        // 14,6 % of 400 against 8,3 %: the interval 11,5…18,3 % does not.
        assert_eq!(
            standing_with_group(&fails, 14.6, 8.3, Some(400)),
            Standing::Worse
        );
        // Without n the 5 % rule stays: 1,2 vs 1,3 is «на уровне» only by that rule.
        assert_eq!(
            standing_with_group(&fails, 1.2, 1.3, None),
            Standing::Better
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Observation;
    use crate::model::PeriodKind;

    fn year(y: i32) -> Period {
        Period {
            year: y,
            kind: PeriodKind::Year,
        }
    }

    fn indicator(better: Better, rows: &[(i32, Place, f64, &str)]) -> Indicator {
        Indicator {
            id: "x".into(),
            direction: 0,
            title: "X".into(),
            description: None,
            unit: "%".into(),
            better,
            compare: Default::default(),
            period_kind: PeriodKind::Year,
            decimals: 1,
            method: None,
            source: None,
            targets: [(year(2025), 7.0)].into_iter().collect(),
            method_changes: BTreeMap::new(),
            stack: None,
            dims: if rows.iter().any(|r| !r.3.is_empty()) {
                vec!["subject".into()]
            } else {
                vec![]
            },
            observations: rows
                .iter()
                .map(|&(y, place, value, subject)| Observation {
                    period: year(y),
                    place,
                    value: Some(value),
                    dims: if subject.is_empty() {
                        vec![]
                    } else {
                        vec![subject.into()]
                    },
                    part: None,
                    n: None,
                })
                .collect(),
            files: vec![],
        }
    }

    #[test]
    fn claims_no_trend_across_a_method_change() {
        // The medal index: 6.9 % in 2023 (medalists), 6.5 % in 2024 (candidates).
        let mut x = indicator(
            Better::Lower,
            &[
                (2023, Place::Municipality, 6.9, ""),
                (2024, Place::Municipality, 6.5, ""),
                (2024, Place::Org(0), 11.1, ""),
                (2023, Place::Org(0), 14.3, ""),
            ],
        );
        assert_eq!(summarize(&x).trend, Some(Trend::Improved));
        x.method_changes.insert(
            year(2024),
            crate::model::MethodChange {
                what: "претенденты вместо медалистов".into(),
                source: None,
            },
        );
        assert!(x.breaks_between(year(2023), year(2024)));
        assert!(!x.breaks_between(year(2024), year(2025)));
        assert!(!x.breaks_between(year(2021), year(2023)));
        assert_eq!(summarize(&x).trend, None);
        assert_eq!(compare_org(0, &x, 0).unwrap().trend, None);
    }

    #[test]
    fn summarizes_latest_change_and_targets() {
        let i = indicator(
            Better::Lower,
            &[
                (2024, Place::Municipality, 9.1, ""),
                (2025, Place::Municipality, 8.3, ""),
            ],
        );
        let s = summarize(&i);
        assert_eq!(s.latest, Some((year(2025), 8.3)));
        assert_eq!(s.previous, Some((year(2024), 9.1)));
        assert_eq!(s.trend, Some(Trend::Improved));
        assert_eq!(s.targets_met.get(&year(2025)), Some(&false));
    }

    #[test]
    fn averages_disaggregated_rows_when_there_is_no_total() {
        let i = indicator(
            Better::Lower,
            &[
                (2025, Place::Municipality, 8.0, "русский язык"),
                (2025, Place::Municipality, 9.0, "математика"),
            ],
        );
        let h = headline(&i, Place::Municipality);
        assert!(h.averaged);
        assert_eq!(h.values[&year(2025)], 8.5);
    }

    #[test]
    fn compares_an_organisation_with_the_municipality() {
        let i = indicator(
            Better::Lower,
            &[
                (2024, Place::Org(0), 12.0, ""),
                (2025, Place::Org(0), 14.0, ""),
                (2025, Place::Municipality, 8.3, ""),
            ],
        );
        let c = compare_org(0, &i, 0).unwrap();
        assert_eq!(c.standing, Some(Standing::Worse));
        assert_eq!(c.trend, Some(Trend::Worsened));
        assert_eq!(c.previous, Some((year(2024), 12.0)));
    }

    #[test]
    fn each_school_row_stands_against_the_district_in_its_period_and_breakdown() {
        let mut i = indicator(
            Better::Lower,
            &[
                (2025, Place::Org(0), 14.6, ""),
                (2025, Place::Municipality, 8.3, ""),
                (2025, Place::Org(0), 30.0, "math"),
                (2025, Place::Municipality, 10.0, "math"),
                (2024, Place::Org(0), 20.0, ""),
            ],
        );
        i.observations[0].n = Some(400);
        // A breakdown's group is not the school's: its row is compared without it.
        i.observations[2].n = Some(5);
        let rows = row_standings(&i);
        let row = |standing, n| RowStanding { standing, n };
        assert_eq!(rows[0], row(Some(Standing::Worse), Some(400)));
        assert_eq!(rows[1], RowStanding::default());
        assert_eq!(rows[2], row(Some(Standing::Worse), None));
        assert_eq!(rows[3], RowStanding::default());
        // No district value in 2024: nothing to compare with.
        assert_eq!(rows[4], row(None, None));
        assert_eq!(summarize(&i).rows, rows);
    }

    #[test]
    fn a_small_gap_is_the_same_level() {
        let i = indicator(Better::Higher, &[]);
        assert_eq!(standing(&i, 80.0, 82.0), Standing::Same);
        assert_eq!(standing(&i, 90.0, 82.0), Standing::Better);
        assert_eq!(trend(&i, 8.30, 8.32), Trend::Unchanged);
    }
}
