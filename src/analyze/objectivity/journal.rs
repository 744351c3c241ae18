//! Rules b1 and b2 — ВПР against the school's own marks (ANALYTICS §2b). The
//! direction matters, so they are two signs:
//!
//! - b1 «ВПР выше журнала»: the share whose ВПР mark is above the journal mark
//!   (`raised / k`) is `effect` п.п. above the benchmark and z reaches `z` — the
//!   pattern of help during the ВПР or lenient checking;
//! - b2 «журнал выше ВПР»: the same on `lowered / k` — inflated current marks, a sign
//!   of its own («объективность текущего оценивания»), not of inflated ВПР.
//!
//! The denominator is `k = L + C + R`, those compared, which can be fewer than the
//! participants. A share of confirmed marks below `confirmed_below` is pointed out
//! next to the numbers but is not a sign.

use super::benchmark::{confirmed, lowered, raised, VprIndex, VprMeasure};
use super::findings::{Finding, Measure, ProcKey, Threshold};
use super::stats::{compare, reaches};
use crate::model::{AnalyticsRules, Rule, VprRow};

/// b1 on `raised`, b2 on `lowered`.
const RULES: [(Rule, Measure, VprMeasure); 2] = [
    (Rule::B1, Measure::Raised, raised),
    (Rule::B2, Measure::Lowered, lowered),
];

pub(crate) fn findings(index: &VprIndex<'_>, rules: &AnalyticsRules) -> Vec<Finding> {
    let mut out = Vec::new();
    for (key, row) in index.rows() {
        let Some(org) = row.org else { continue };
        for (rule, measure, share_of) in RULES {
            let Some(share) = share_of(row).filter(|s| index.limits.enough(s.n)) else {
                continue;
            };
            let Some(bench) = index.benchmark(key, Some(org), share_of) else {
                continue;
            };
            let thresholds = if rule == Rule::B1 {
                &rules.b1
            } else {
                &rules.b2
            };
            let comparison = compare(share, bench.value);
            if reaches(&comparison, thresholds) {
                out.push(Finding::compared(
                    rule,
                    (
                        row.year,
                        org,
                        ProcKey::vpr(row.grade, &row.subject, row.variant.as_deref()),
                    ),
                    measure,
                    &comparison,
                    bench.source,
                    Threshold::of(thresholds),
                ));
            }
        }
    }
    out
}

/// Whether fewer than `confirmed_below` of those compared kept their journal mark.
pub(crate) fn few_confirmed(row: &VprRow, rules: &AnalyticsRules) -> bool {
    confirmed(row).is_some_and(|s| s.n > 0 && s.value() < rules.confirmed_below)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{results, vpr, with_journal};
    use super::*;

    fn run(rows: Vec<VprRow>) -> Vec<Finding> {
        let data = results(rows);
        let rules = AnalyticsRules::default();
        findings(&VprIndex::new(&data, &rules), &rules)
    }

    /// Two ordinary schools: of 100 compared, 20 lowered, 71 confirmed, 9 raised.
    fn others() -> Vec<VprRow> {
        vec![
            with_journal(vpr(2025, 1, 5, "математика", [5, 20, 20, 5]), [10, 36, 4]),
            with_journal(vpr(2025, 2, 5, "математика", [5, 20, 20, 5]), [10, 35, 5]),
        ]
    }

    #[test]
    fn fires_b1_when_many_vpr_marks_are_above_the_journal() {
        // 19 of 50 raised = 38 % against 9 %: +29 п.п., z = 0.29/sqrt(0.09·0.91/50) = 7.17.
        let mut rows = others();
        rows.push(with_journal(
            vpr(2025, 0, 5, "математика", [2, 18, 20, 10]),
            [6, 25, 19],
        ));
        let found = run(rows);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!((f.rule, f.measure, f.n), (Rule::B1, Measure::Raised, 50));
        assert!((f.value - 0.38).abs() < 1e-12);
        assert!((f.benchmark.unwrap() - 0.09).abs() < 1e-12);
        assert!((f.z.unwrap() - 7.166).abs() < 1e-3, "{:?}", f.z);
    }

    #[test]
    fn fires_b2_alone_when_every_mark_was_lowered() {
        // All 30 lowered = 100 % against 20 %: +80 п.п.; nothing raised, so no b1.
        let mut rows = others();
        rows.push(with_journal(
            vpr(2025, 0, 5, "математика", [10, 15, 5, 0]),
            [30, 0, 0],
        ));
        let found = run(rows.clone());
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].rule, found[0].value), (Rule::B2, 1.0));
        let data = results(rows);
        assert!(few_confirmed(&data.vpr[2], &AnalyticsRules::default()));
        assert!(!few_confirmed(&data.vpr[0], &AnalyticsRules::default()));
    }

    #[test]
    fn uses_those_compared_as_the_denominator() {
        // 40 participants, but only 8 compared: fewer than n_min, no rule.
        let mut rows = others();
        rows.push(with_journal(
            vpr(2025, 0, 5, "математика", [0, 10, 20, 10]),
            [0, 2, 6],
        ));
        assert!(run(rows).is_empty());
    }

    /// A school of 100 compared, with `lowered` and `raised` of them.
    fn school(lowered: u32, raised: u32) -> VprRow {
        with_journal(
            vpr(2025, 0, 5, "математика", [5, 40, 40, 15]),
            [lowered, 100 - lowered - raised, raised],
        )
    }

    #[test]
    fn fires_b1_at_a_tie_with_the_effect_threshold() {
        // 19 of 100 raised against 9 %: exactly +10 п.п. (0.09999… in floating
        // point), z = 0.1 / sqrt(0.09·0.91/100) = 3.49. 18 of 100 is +9 п.п.: no.
        let mut rows = others();
        rows.push(school(10, 19));
        let found = run(rows);
        assert_eq!(found.iter().map(|f| f.rule).collect::<Vec<_>>(), [Rule::B1]);
        let mut rows = others();
        rows.push(school(10, 18));
        assert!(run(rows).is_empty());
    }

    #[test]
    fn fires_b2_at_a_tie_with_the_effect_threshold() {
        // 40 of 100 lowered against 20 %: exactly +20 п.п., z = 0.2 / 0.04 = 5.
        let mut rows = others();
        rows.push(school(40, 5));
        let found = run(rows);
        assert_eq!(found.iter().map(|f| f.rule).collect::<Vec<_>>(), [Rule::B2]);
        let mut rows = others();
        rows.push(school(39, 5));
        assert!(run(rows).is_empty());
    }

    #[test]
    fn compares_within_a_data_break_year_without_a_note() {
        // 2025 is a data break, but b1 compares a school with the same year's
        // benchmark: nothing across the break, so no «сопоставимость ограничена».
        let rules = AnalyticsRules::default();
        assert!(rules.breaks.contains_key(&2025));
        let mut rows = others();
        rows.push(school(10, 19));
        let found = run(rows);
        assert!(found.iter().all(|f| !f.limited));
    }

    #[test]
    fn needs_a_journal_comparison() {
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [0, 10, 20, 10]));
        assert!(run(rows).is_empty());
    }
}
