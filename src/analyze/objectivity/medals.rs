//! Rule d — medal candidates not confirming (ANALYTICS §2d), the «индекс
//! неподтверждения медалистов» of the municipal plans: `U/M`, where M is the medal
//! candidates (from 2024) or medalists (before) and U those below the year's ЕГЭ
//! threshold. It fires when `U ≥ min_not_confirmed` and `U/M ≥ share`.
//!
//! The regime of each year is data (`medals:` in `data/analytics.yaml`); in a year
//! when medals did not depend on the ЕГЭ (2020) nothing is computed.
//!
//! Group sizes: the rule has its own small-group logic instead of `n_min` (a school
//! rarely has ten candidates): `U ≥ min_not_confirmed` already needs a few, and with
//! `count_only_up_to` candidates or fewer (default 3) pages show the count only
//! («2 из 3»), never a rate. A school with fewer candidates than `privacy.min_group`
//! gets no rule at all, «недостаточно данных», and its count is published only as
//! «менее N» ([`small_groups`]).

use super::benchmark::{pool, Limits};
use super::findings::{Detail, Finding, Measure, ProcKey, Source, Threshold};
use super::stats::{at_least, Share};
use crate::model::MedalRegime;
use crate::model::{AnalyticsRules, MedalRow, Rule};

/// Whether `not_confirmed` of `candidates` fire the rule.
pub(crate) fn fires(share: Share, rules: &AnalyticsRules) -> bool {
    share.count >= rules.d.min_not_confirmed && at_least(share.value(), rules.d.share)
}

pub(crate) fn findings(rows: &[MedalRow], rules: &AnalyticsRules) -> Vec<Finding> {
    let limits = Limits::of(rules);
    let mut out = Vec::new();
    for row in rows {
        let Some(org) = row.org else { continue };
        let Some(regime) = rules.medals.get(&row.year) else {
            continue;
        };
        if regime.regime == MedalRegime::NoExam || !limits.published(row.candidates) {
            continue;
        }
        let share = Share::new(row.not_confirmed, row.candidates);
        if !fires(share, rules) {
            continue;
        }
        let same_year = || rows.iter().filter(|r| r.year == row.year);
        let region = same_year()
            .find(|r| r.org.is_none())
            .map(|r| Share::new(r.not_confirmed, r.candidates));
        let others = same_year()
            .filter(|r| r.org.is_some() && r.org != Some(org))
            .map(|r| Share::new(r.not_confirmed, r.candidates));
        let bench = pool(region, others, &limits);
        // A handful of candidates: the count only. A difference of rates would be a
        // rate too (ANALYTICS §2d), so there is none, on no page and in no file.
        let count_only = row.candidates <= rules.d.count_only_up_to;
        out.push(Finding {
            rule: Rule::D,
            year: row.year,
            org,
            key: ProcKey::medals(),
            measure: Measure::MedalsNotConfirmed,
            n: row.candidates,
            value: share.value(),
            benchmark: bench.map(|b| b.value),
            source: bench.map_or(Source::Municipality, |b| b.source),
            difference: bench
                .filter(|_| !count_only)
                .map(|b| share.value() - b.value),
            z: None,
            threshold: Threshold {
                effect: Some(rules.d.share),
                z: None,
                count: Some(rules.d.min_not_confirmed),
            },
            exempt: false,
            limited: false,
            detail: Detail::Medals {
                candidates: row.candidates,
                not_confirmed: row.not_confirmed,
                points: regime.threshold,
                regime: regime.regime,
                count_only,
            },
        });
    }
    out
}

/// The (year, school) pairs with medal candidates, but fewer than `privacy.min_group`:
/// «недостаточно данных», and the count itself is not published.
pub(crate) fn small_groups(rows: &[MedalRow], rules: &AnalyticsRules) -> Vec<(i32, usize)> {
    let limits = Limits::of(rules);
    rows.iter()
        .filter(|r| r.candidates > 0 && !limits.published(r.candidates))
        .filter(|r| {
            rules
                .medals
                .get(&r.year)
                .is_some_and(|m| m.regime != MedalRegime::NoExam)
        })
        .filter_map(|r| Some((r.year, r.org?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::medal_rules;
    use super::*;

    fn row(year: i32, org: usize, candidates: u32, not_confirmed: u32) -> MedalRow {
        MedalRow {
            year,
            org: Some(org),
            candidates,
            not_confirmed,
            line: 2,
        }
    }

    #[test]
    fn fires_on_two_of_six_with_the_municipal_rate_beside_it() {
        // 2 of 6 = 33 % ≥ 25 %, and 2 ≥ 2. Others: 1 of 12 and 0 of 8 → 1/20 = 5 %.
        let rows = [row(2025, 0, 6, 2), row(2025, 1, 12, 1), row(2025, 2, 8, 0)];
        let found = findings(&rows, &medal_rules());
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!((f.org, f.n, f.rule), (0, 6, Rule::D));
        assert!((f.value - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(f.benchmark, Some(0.05));
        assert!(matches!(
            f.detail,
            Detail::Medals {
                candidates: 6,
                not_confirmed: 2,
                ..
            }
        ));
    }

    #[test]
    fn needs_both_the_count_and_the_share_with_a_tie_reached() {
        let rules = medal_rules();
        assert!(!fires(Share::new(1, 2), &rules), "one is not enough");
        assert!(!fires(Share::new(2, 9), &rules), "22 % < 25 %");
        assert!(fires(Share::new(2, 8), &rules), "25 % exactly");
    }

    #[test]
    fn computes_nothing_for_small_groups_and_for_2020() {
        let rows = [row(2025, 0, 3, 3), row(2020, 0, 10, 5), row(2023, 0, 10, 5)];
        let found = findings(&rows, &medal_rules());
        // 3 candidates < min_group 5: not published, no sign; 2020: medals did not
        // depend on the ЕГЭ; 2023 (before 2024) counts.
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].year, 2023);
        assert_eq!(found[0].benchmark, None, "no other school that year");
        assert_eq!(small_groups(&rows, &medal_rules()), [(2025, 0)]);
    }

    #[test]
    fn gives_a_count_only_display_no_difference() {
        // min_group 3: 2 of 3 candidates fire; the others, 1 of 12 and 0 of 8, would
        // give a benchmark of 5 % and a difference of +61,7 п.п. — a rate in disguise.
        let mut rules = medal_rules();
        rules.min_group = 3;
        let rows = [row(2025, 0, 3, 2), row(2025, 1, 12, 1), row(2025, 2, 8, 0)];
        let found = findings(&rows, &rules);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].benchmark, Some(0.05));
        assert_eq!(found[0].difference, None);
        assert!(matches!(
            found[0].detail,
            Detail::Medals {
                count_only: true,
                ..
            }
        ));
        // Four candidates are shown as a rate, with the difference.
        let rows = [row(2025, 0, 4, 2), row(2025, 1, 12, 1), row(2025, 2, 8, 0)];
        let found = findings(&rows, &rules);
        assert!((found[0].difference.unwrap() - 0.45).abs() < 1e-12);
    }

    #[test]
    fn fires_on_a_small_group_allowed_by_a_lower_min_group() {
        // A site with min_group 2: 2 of 3 candidates fire (U ≥ 2, 67 % ≥ 25 %); the
        // pages then show «2 из 3» without a rate (count_only_up_to 3).
        let mut rules = medal_rules();
        rules.min_group = 2;
        let rows = [row(2025, 0, 3, 2), row(2025, 1, 2, 1)];
        let found = findings(&rows, &rules);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].org, found[0].n), (0, 3));
        assert!(matches!(
            found[0].detail,
            Detail::Medals {
                count_only: true,
                ..
            }
        ));
        assert!(small_groups(&rows, &rules).is_empty());
    }
}
