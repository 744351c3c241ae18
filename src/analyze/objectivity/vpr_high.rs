//! Rule a — anomalously high ВПР results (ANALYTICS §2a): the share of «4» and «5»
//! (or of «5») is at least `effect` п.п. above the benchmark *and* the binomial z
//! reaches `z`. A лицей, a гимназия or a school with in-depth study of the subject
//! gets «высокий результат, ожидаемый для профиля ОО» instead of a sign.

use super::benchmark::{quality, top, VprIndex};
use super::findings::{Bench, Finding, Measure, ProcKey, Source, Threshold};
use super::stats::{compare, reaches, Comparison};
use crate::model::{AnalyticsRules, EffectRule, Organization, Register, Rule, VprRow};

/// Whether the row's quality, else its share of «5», is anomalously high: the measure,
/// the comparison and where the benchmark comes from.
pub(crate) fn check(
    row: &VprRow,
    quality_benchmark: Option<Bench>,
    top_benchmark: Option<Bench>,
    rule: &EffectRule,
) -> Option<(Measure, Comparison, Source)> {
    [
        (Measure::Quality, quality(row), quality_benchmark),
        (Measure::Top, top(row), top_benchmark),
    ]
    .into_iter()
    .find_map(|(measure, share, bench)| {
        let (share, bench) = (share?, bench?);
        let comparison = compare(share, bench.value);
        reaches(&comparison, rule).then_some((measure, comparison, bench.source))
    })
}

/// A high result is expected of a лицей or гимназия and of in-depth study: in the
/// subjects the profile lists (`математика` also covers the ЕГЭ's `математика
/// профильная`), or in every subject when it lists none.
pub(crate) fn expected_for_profile(org: &Organization, subject: &str) -> bool {
    let key = |s: &str| s.trim().to_lowercase().replace('ё', "е");
    let subject = key(subject);
    match &org.profile {
        None => false,
        Some((_, subjects)) if subjects.is_empty() => true,
        Some((_, subjects)) => subjects.iter().any(|s| {
            let s = key(s);
            subject == s || subject.starts_with(&format!("{s} "))
        }),
    }
}

pub(crate) fn findings(
    index: &VprIndex<'_>,
    rules: &AnalyticsRules,
    register: &Register,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (key, row) in index.rows() {
        let Some(org) = row.org else { continue };
        if !index.limits.enough(row.n) {
            continue;
        }
        let q = index.benchmark(key, Some(org), quality);
        let t = index.benchmark(key, Some(org), top);
        if let Some((measure, comparison, source)) = check(row, q, t, &rules.a) {
            let mut finding = Finding::compared(
                Rule::A,
                (
                    row.year,
                    org,
                    ProcKey::vpr(row.grade, &row.subject, row.variant.as_deref()),
                ),
                measure,
                &comparison,
                source,
                Threshold::of(&rules.a),
            );
            finding.exempt = register
                .organizations
                .get(org)
                .is_some_and(|o| expected_for_profile(o, &row.subject));
            out.push(finding);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::{as_region, register, results, vpr};
    use super::*;

    fn run(rows: Vec<VprRow>, profiles: &[(usize, &str)]) -> Vec<Finding> {
        let data = results(rows);
        let rules = AnalyticsRules::default();
        findings(
            &VprIndex::new(&data, &rules),
            &rules,
            &register(4, profiles),
        )
    }

    /// Three ordinary schools: 55 of 100 with «4»/«5», 10 of 100 with «5».
    fn others() -> Vec<VprRow> {
        vec![
            vpr(2025, 1, 5, "математика", [5, 15, 15, 5]),
            vpr(2025, 2, 5, "математика", [5, 15, 17, 3]),
            vpr(2025, 3, 5, "математика", [2, 3, 13, 2]),
        ]
    }

    #[test]
    fn fires_on_high_quality_with_the_numbers_behind_it() {
        // 23 of 25 = 92 % against 55/100 = 55 %: +37 п.п., z = 0.37/sqrt(0.55·0.45/25) = 3.72.
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [0, 2, 15, 8]));
        let found = run(rows, &[]);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(
            (f.rule, f.org, f.measure, f.n),
            (Rule::A, 0, Measure::Quality, 25)
        );
        assert!((f.value - 0.92).abs() < 1e-12);
        assert!((f.benchmark.unwrap() - 0.55).abs() < 1e-12);
        assert!((f.z.unwrap() - 3.719).abs() < 1e-3);
        assert_eq!(f.threshold.effect, Some(0.20));
        assert!(!f.exempt);
    }

    #[test]
    fn fires_on_the_share_of_fives_when_quality_is_ordinary() {
        // Quality 14/25 = 56 % (ordinary); «5» 11/25 = 44 % against 10 % (z = 5.67).
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [1, 10, 3, 11]));
        let found = run(rows, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].measure, Measure::Top);
    }

    #[test]
    fn needs_both_the_effect_and_the_z() {
        // 9 of 10 = 90 %: +35 п.п. but z = 0.35/sqrt(0.2475/10) = 2.22 < 2.33.
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [0, 1, 6, 3]));
        assert!(run(rows, &[]).is_empty());
        // 380 of 500 = 76 %: z is huge, but only +21 п.п.… which reaches 20.
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [20, 100, 330, 50]));
        assert_eq!(run(rows, &[]).len(), 1);
        // 370 of 500 = 74 %: +19 п.п., no sign however large z is.
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [20, 110, 320, 50]));
        assert!(run(rows, &[]).is_empty());
    }

    #[test]
    fn fires_at_a_tie_with_the_effect_threshold() {
        // 30 of 40 = 75 % against 55 %: exactly +20 п.п.; z = 2.54.
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [0, 10, 25, 5]));
        assert_eq!(run(rows, &[]).len(), 1);
    }

    #[test]
    fn compares_with_the_region_when_its_file_gives_the_value() {
        // The region: 80 of 100 with «4»/«5». The school's 92 % is +12 п.п. only.
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [0, 2, 15, 8]));
        rows.push(as_region(vpr(2025, 9, 5, "математика", [5, 15, 60, 20])));
        assert!(run(rows, &[]).is_empty());
    }

    #[test]
    fn says_insufficient_data_below_n_min_and_with_zero_participants() {
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [0, 0, 5, 4])); // 9 < 10
        rows.push(vpr(2025, 0, 6, "математика", [0, 0, 0, 0])); // nobody
        assert!(run(rows, &[]).is_empty());
    }

    #[test]
    fn marks_a_high_result_of_a_profile_school_as_expected() {
        let mut rows = others();
        rows.push(vpr(2025, 0, 5, "математика", [0, 2, 15, 8]));
        rows.push(vpr(2025, 1, 5, "русский язык", [5, 15, 15, 5]));
        rows.push(vpr(2025, 2, 5, "русский язык", [5, 15, 15, 3]));
        rows.push(vpr(2025, 0, 5, "русский язык", [0, 2, 15, 8]));
        let found = run(rows, &[(0, "{kind: лицей, subjects: [Математика]}")]);
        assert_eq!(found.len(), 2);
        let by_subject = |s: &str| {
            found
                .iter()
                .find(|f| f.key.subject.as_deref() == Some(s))
                .unwrap()
        };
        assert!(by_subject("математика").exempt);
        assert!(
            !by_subject("русский язык").exempt,
            "not a subject of the profile"
        );
        let found = run(
            others()
                .into_iter()
                .chain([vpr(2025, 0, 5, "математика", [0, 2, 15, 8])])
                .collect(),
            &[(0, "{kind: гимназия}")],
        );
        assert!(
            found[0].exempt,
            "a profile without subjects covers all of them"
        );
    }
}
