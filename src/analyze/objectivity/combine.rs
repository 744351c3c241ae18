//! From rules to signs (ANALYTICS §3): each category's combination is evaluated per
//! procedure, on the rules that fired there. A rule that does not apply to a
//! procedure (d on a ВПР, b2 on the ЕГЭ) counts as not fired, and a procedure with no
//! fired rule of the combination gets no sign even when the expression says `NOT`.
//! An exempt rule a (a profile school) does not count. «Устойчивые признаки»: a
//! category signed in two consecutive years of the data.

use std::collections::{BTreeMap, BTreeSet};

use super::findings::{Finding, ProcKey};
use crate::model::{AnalyticsRules, Category, Rule};

/// A category's sign on one procedure of one school.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Sign {
    pub(crate) year: i32,
    pub(crate) org: usize,
    pub(crate) category: Category,
    pub(crate) key: ProcKey,
    /// The fired rules of the combination on this procedure.
    pub(crate) rules: Vec<Rule>,
}

pub(crate) fn signs(findings: &[Finding], rules: &AnalyticsRules) -> Vec<Sign> {
    let mut fired: BTreeMap<(i32, usize, &ProcKey), BTreeSet<Rule>> = BTreeMap::new();
    for f in findings.iter().filter(|f| !f.exempt) {
        fired
            .entry((f.year, f.org, &f.key))
            .or_default()
            .insert(f.rule);
    }
    let mut out = Vec::new();
    for ((year, org, key), set) in &fired {
        for combination in &rules.combine {
            let used: Vec<Rule> = combination
                .expr
                .rules()
                .intersection(set)
                .copied()
                .collect();
            if !used.is_empty() && combination.expr.eval(&|r| set.contains(&r)) {
                out.push(Sign {
                    year: *year,
                    org: *org,
                    category: combination.category,
                    key: (*key).clone(),
                    rules: used,
                });
            }
        }
    }
    out.sort();
    out
}

/// (school, category, year) signed in that year and in the previous year of `years`.
pub(crate) fn persistent(signs: &[Sign], years: &[i32]) -> BTreeSet<(usize, Category, i32)> {
    let signed: BTreeSet<(usize, Category, i32)> =
        signs.iter().map(|s| (s.org, s.category, s.year)).collect();
    signed
        .iter()
        .filter(|(org, category, year)| {
            let at = years.iter().position(|y| y == year);
            at.and_then(|i| i.checked_sub(1))
                .is_some_and(|i| signed.contains(&(*org, *category, years[i])))
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::objectivity::findings::{Detail, Measure, Source, Threshold};
    use crate::model::parse_combination_for_tests;

    fn finding(year: i32, org: usize, key: ProcKey, rule: Rule) -> Finding {
        Finding {
            rule,
            year,
            org,
            key,
            measure: Measure::Quality,
            n: 20,
            value: 0.9,
            benchmark: Some(0.5),
            source: Source::Municipality,
            difference: Some(0.4),
            z: Some(3.0),
            threshold: Threshold::default(),
            exempt: false,
            limited: false,
            detail: Detail::None,
        }
    }

    fn math5() -> ProcKey {
        ProcKey::vpr(5, "математика", None)
    }

    #[test]
    fn needs_a_with_b1_c_or_f_on_the_same_procedure() {
        let rules = AnalyticsRules::default();
        let found = [
            finding(2025, 0, math5(), Rule::A),
            finding(2025, 0, math5(), Rule::B1),
            // a alone on another procedure never flags.
            finding(2025, 0, ProcKey::vpr(6, "математика", None), Rule::A),
            // b1 on a third without a.
            finding(2025, 0, ProcKey::vpr(7, "математика", None), Rule::B1),
        ];
        let signs = signs(&found, &rules);
        assert_eq!(signs.len(), 1);
        assert_eq!(
            (
                signs[0].category,
                signs[0].key.grade,
                signs[0].rules.clone()
            ),
            (Category::VprBias, Some(5), vec![Rule::A, Rule::B1])
        );
    }

    #[test]
    fn gives_b2_and_d_their_own_category() {
        let rules = AnalyticsRules::default();
        let found = [
            finding(2025, 0, math5(), Rule::B2),
            finding(2025, 1, ProcKey::medals(), Rule::D),
            finding(
                2025,
                2,
                ProcKey::gia(crate::model::Procedure::Ege, "химия"),
                Rule::E,
            ),
        ];
        let categories: Vec<(usize, Category)> = signs(&found, &rules)
            .iter()
            .map(|s| (s.org, s.category))
            .collect();
        assert_eq!(
            categories,
            [
                (0, Category::Marking),
                (1, Category::Marking),
                (2, Category::Gia)
            ]
        );
    }

    #[test]
    fn ignores_an_exempt_a_and_follows_a_changed_combination() {
        let mut rules = AnalyticsRules::default();
        let mut exempt = finding(2025, 0, math5(), Rule::A);
        exempt.exempt = true;
        let found = [exempt, finding(2025, 0, math5(), Rule::B1)];
        assert!(signs(&found, &rules).is_empty());
        rules.combine[0].expr = parse_combination_for_tests("b1 AND NOT b2");
        assert_eq!(signs(&found, &rules).len(), 1);
    }

    #[test]
    fn finds_signs_in_consecutive_years_of_the_data() {
        let rules = AnalyticsRules::default();
        let mut found = Vec::new();
        for year in [2022, 2023, 2025] {
            found.push(finding(year, 0, math5(), Rule::B2));
        }
        let signs = signs(&found, &rules);
        let years = [2021, 2022, 2023, 2024, 2025];
        let steady = persistent(&signs, &years);
        assert_eq!(
            steady.into_iter().collect::<Vec<_>>(),
            [(0, Category::Marking, 2023)]
        );
        // Without data for 2024, 2023 and 2025 are consecutive years of the data.
        let steady = persistent(&signs, &[2022, 2023, 2025]);
        assert_eq!(steady.len(), 2);
    }
}
