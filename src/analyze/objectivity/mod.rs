//! Objectivity and low-results analytics (`ANALYTICS.md`): from raw ВПР, ОГЭ and ЕГЭ
//! results to explained signs per school, and the schools with low results (ШНОР).
//!
//! One small module per rule family, each a pure function over the results and the
//! rules with its own hand-computed tests: [`vpr_high`] (a), [`journal`] (b1, b2),
//! [`change`] (c), [`medals`] (d), [`gia`] (e), [`cohort_gia`] (f), [`shnor`] (g);
//! [`benchmark`] and [`stats`] are shared; [`combine`] turns fired rules into the
//! signs of a category. Everything a sign rests on is kept in its [`Finding`], so
//! pages can show the numbers and a reader can recompute them.

mod benchmark;
mod change;
mod cohort_gia;
mod combine;
mod findings;
mod gia;
mod journal;
mod medals;
mod shnor;
mod stats;
#[cfg(test)]
mod testing;
mod vpr_high;

use std::collections::{BTreeMap, BTreeSet};

pub(crate) use combine::Sign;
#[cfg(test)]
pub(crate) use findings::Threshold;
pub(crate) use findings::{
    Bench, ChangeKind, ChangePoint, Detail, Finding, Measure, ProcKey, Source,
};
pub(crate) use shnor::{SchoolYear, ShnorEntry, ShnorStatus, ShnorYear};
#[cfg(test)]
pub(crate) use testing::medal_rules as testing_medal_rules;

use crate::model::{AnalyticsRules, Category, Model, Register, Results};
use benchmark::{confirmed, fail, lowered, quality, raised, top, VprIndex};

/// A school's journal comparison in one ВПР procedure, as shares of those compared.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JournalStat {
    pub(crate) k: u32,
    pub(crate) lowered: f64,
    pub(crate) confirmed: f64,
    pub(crate) raised: f64,
    /// At least `privacy.min_group` compared.
    pub(crate) published: bool,
    /// Fewer than `confirmed_below` kept their mark (auxiliary, not a sign).
    pub(crate) few_confirmed: bool,
}

/// A ВПР procedure of a school, for tables and charts. Values of a group below
/// `privacy.min_group` must not be shown (`published` is false).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VprStat {
    pub(crate) year: i32,
    pub(crate) org: usize,
    pub(crate) key: ProcKey,
    pub(crate) n: u32,
    pub(crate) published: bool,
    /// At least the rules' `n_min`.
    pub(crate) enough: bool,
    pub(crate) fail: f64,
    pub(crate) quality: f64,
    pub(crate) top: f64,
    /// Leave-one-out (or regional) quality of the same grade and subject.
    pub(crate) quality_benchmark: Option<Bench>,
    pub(crate) journal: Option<JournalStat>,
}

/// One row of `flags.csv`: a fired rule in one category.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FlagRow {
    /// Index in [`Objectivity::findings`].
    pub(crate) finding: usize,
    pub(crate) category: Category,
    /// Whether the school got the category's sign for that procedure.
    pub(crate) flagged: bool,
    /// … in this and the previous year of the data («устойчивые признаки»).
    pub(crate) persistent: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Objectivity {
    /// Years with results of schools, ascending.
    pub(crate) years: Vec<i32>,
    /// Every ВПР procedure of every school, by year, school, procedure.
    pub(crate) vpr: Vec<VprStat>,
    /// Every rule that reached its thresholds, by year, school, procedure, rule.
    pub(crate) findings: Vec<Finding>,
    pub(crate) signs: Vec<Sign>,
    /// (school, category, year) signed in that and the previous year of the data.
    pub(crate) persistent: BTreeSet<(usize, Category, i32)>,
    pub(crate) flag_rows: Vec<FlagRow>,
    /// Schools with results in each year.
    pub(crate) schools: BTreeMap<i32, BTreeSet<usize>>,
    pub(crate) shnor: BTreeMap<i32, ShnorYear>,
    /// (year, school) with medal candidates, but fewer than `privacy.min_group`: rule d
    /// has too little data there, and the count is not published.
    pub(crate) medals_small: BTreeSet<(i32, usize)>,
    /// Schools with an ОГЭ/ЕГЭ group of at least the rules' `n_min` in some year.
    pub(crate) gia_enough: BTreeSet<usize>,
    /// The share of schools with signs of biased ВПР in each year where it is above
    /// the rules' `contamination`: the municipal benchmark is then doubtful.
    pub(crate) contamination: BTreeMap<i32, f64>,
}

/// The run of `items` (sorted by year, then school) of one school in one year, found
/// by binary search: pages of a region's 1,000 schools look up their own rows
/// without scanning everyone's.
fn of_school<T>(items: &[T], year: i32, org: usize, at: impl Fn(&T) -> (i32, usize)) -> &[T] {
    let start = items.partition_point(|item| at(item) < (year, org));
    let len = items[start..].partition_point(|item| at(item) == (year, org));
    &items[start..start + len]
}

/// The run of `items` (sorted by year, then school) of one year.
fn of_year<T>(items: &[T], year: i32, at: impl Fn(&T) -> i32) -> &[T] {
    let start = items.partition_point(|item| at(item) < year);
    let len = items[start..].partition_point(|item| at(item) == year);
    &items[start..start + len]
}

impl Objectivity {
    /// The ВПР procedures of a year, every school's: a split year's pages (issue 22)
    /// look up their year without scanning the others.
    pub(crate) fn vpr_in(&self, year: i32) -> &[VprStat] {
        of_year(&self.vpr, year, |s| s.year)
    }

    /// The rules that reached their thresholds in a year, every school's.
    pub(crate) fn findings_in(&self, year: i32) -> &[Finding] {
        of_year(&self.findings, year, |f| f.year)
    }

    /// The signs of a year, every school's.
    pub(crate) fn signs_in(&self, year: i32) -> &[Sign] {
        of_year(&self.signs, year, |s| s.year)
    }

    /// The ВПР procedures of a school in a year.
    pub(crate) fn vpr_of(&self, year: i32, org: usize) -> &[VprStat] {
        of_school(&self.vpr, year, org, |s| (s.year, s.org))
    }

    /// The rules that reached their thresholds for a school in a year.
    pub(crate) fn findings_of(&self, year: i32, org: usize) -> &[Finding] {
        of_school(&self.findings, year, org, |f| (f.year, f.org))
    }

    /// The signs of a school in a year.
    pub(crate) fn signs_of(&self, year: i32, org: usize) -> &[Sign] {
        of_school(&self.signs, year, org, |s| (s.year, s.org))
    }

    /// Whether a school's procedure got the sign of a category in a year.
    pub(crate) fn has_sign(
        &self,
        year: i32,
        org: usize,
        key: &ProcKey,
        category: Category,
    ) -> bool {
        self.signs_of(year, org)
            .iter()
            .any(|s| s.key == *key && s.category == category)
    }

    /// The years in which a school has ВПР results, ascending.
    pub(crate) fn vpr_years_of(&self, org: usize) -> impl Iterator<Item = i32> + '_ {
        self.years
            .iter()
            .copied()
            .filter(move |&year| !self.vpr_of(year, org).is_empty())
    }
    /// The categories signed for each school in a year.
    pub(crate) fn signed(&self, year: i32) -> BTreeMap<usize, BTreeSet<Category>> {
        let mut out: BTreeMap<usize, BTreeSet<Category>> = BTreeMap::new();
        for sign in self.signs_in(year).iter().filter(|s| s.year == year) {
            out.entry(sign.org).or_default().insert(sign.category);
        }
        out
    }

    /// The share of schools with signs of biased ВПР, when above the rules'
    /// `contamination` (see [`Objectivity::contamination`]).
    fn contamination_of(&self, year: i32, rules: &AnalyticsRules) -> Option<f64> {
        let schools = self
            .vpr_in(year)
            .iter()
            .filter(|s| s.year == year)
            .map(|s| s.org);
        let total = schools.collect::<BTreeSet<_>>().len();
        let signed = self
            .signed(year)
            .values()
            .filter(|c| c.contains(&Category::VprBias))
            .count();
        let share = signed as f64 / total.max(1) as f64;
        (total > 0 && share > rules.contamination).then_some(share)
    }
}

pub(crate) fn compute(model: &Model) -> Objectivity {
    compute_from(&model.results, &model.analytics, &model.register)
}

fn compute_from(results: &Results, rules: &AnalyticsRules, register: &Register) -> Objectivity {
    if results.vpr.is_empty() && results.gia.is_empty() && results.medals.is_empty() {
        return Objectivity::default();
    }
    let index = VprIndex::new(results, rules);
    let mut found = vpr_high::findings(&index, rules, register);
    found.extend(cohort_gia::findings(&found, &results.gia, rules));
    found.extend(journal::findings(&index, rules));
    found.extend(change::findings(&index, rules));
    found.extend(medals::findings(&results.medals, rules));
    found.extend(gia::findings(&results.gia, rules, register));
    found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let years = results.years();
    let signs = combine::signs(&found, rules);
    let persistent = combine::persistent(&signs, &years);
    let flag_rows = flag_rows(&found, &signs, &persistent, rules);
    let min_n = rules.min_n();
    let gia_enough = results
        .gia
        .iter()
        .filter(|r| r.n >= min_n)
        .filter_map(|r| r.org)
        .collect();
    let shnor = shnor::compute(&index, rules, &signs);
    let mut schools: BTreeMap<i32, BTreeSet<usize>> = BTreeMap::new();
    let orgs = results
        .vpr
        .iter()
        .map(|r| (r.year, r.org))
        .chain(results.gia.iter().map(|r| (r.year, r.org)));
    for (year, org) in orgs {
        if let Some(org) = org {
            schools.entry(year).or_default().insert(org);
        }
    }
    let mut out = Objectivity {
        vpr: vpr_stats(&index, rules),
        years,
        findings: found,
        signs,
        persistent,
        flag_rows,
        schools,
        shnor,
        medals_small: medals::small_groups(&results.medals, rules)
            .into_iter()
            .collect(),
        gia_enough,
        contamination: BTreeMap::new(),
    };
    out.contamination = out
        .years
        .iter()
        .filter_map(|&year| Some((year, out.contamination_of(year, rules)?)))
        .collect();
    out
}

fn flag_rows(
    found: &[Finding],
    signs: &[Sign],
    persistent: &BTreeSet<(usize, Category, i32)>,
    rules: &AnalyticsRules,
) -> Vec<FlagRow> {
    let mut rows = Vec::new();
    for (index, f) in found.iter().enumerate() {
        for category in rules.categories_of(f.rule) {
            let flagged = !f.exempt
                && of_school(signs, f.year, f.org, |s| (s.year, s.org))
                    .iter()
                    .any(|s| s.category == category && s.key == f.key);
            rows.push(FlagRow {
                finding: index,
                category,
                flagged,
                persistent: flagged && persistent.contains(&(f.org, category, f.year)),
            });
        }
    }
    rows
}

fn vpr_stats(index: &VprIndex<'_>, rules: &AnalyticsRules) -> Vec<VprStat> {
    let limits = index.limits;
    let mut out: Vec<VprStat> = index
        .rows()
        .filter_map(|(key, row)| {
            let org = row.org?;
            let share = |f: benchmark::VprMeasure| f(row).map_or(0.0, |s| s.value());
            Some(VprStat {
                year: key.year,
                org,
                key: ProcKey::vpr(row.grade, &row.subject, row.variant.as_deref()),
                n: row.n,
                published: limits.published(row.n),
                enough: limits.enough(row.n),
                fail: share(fail),
                quality: share(quality),
                top: share(top),
                quality_benchmark: index.benchmark(key, Some(org), quality),
                journal: row.journal.map(|j| JournalStat {
                    k: j.total(),
                    lowered: share(lowered),
                    confirmed: share(confirmed),
                    raised: share(raised),
                    published: limits.published(row.n) && limits.published(j.total()),
                    few_confirmed: journal::few_confirmed(row, rules),
                }),
            })
        })
        .collect();
    out.sort_by(|a, b| (a.year, a.org, &a.key).cmp(&(b.year, b.org, &b.key)));
    out
}

#[cfg(test)]
mod tests {
    use super::testing::{register, results, vpr, with_journal};
    use super::*;

    /// A school with high quality and many `raised` (a + b1), its neighbours ordinary,
    /// and a class of 3 that must stay out of every number.
    fn data() -> Results {
        let mut rows = Vec::new();
        for org in 1..=3 {
            rows.push(with_journal(
                vpr(2025, org, 5, "математика", [5, 15, 15, 5]),
                [10, 26, 4],
            ));
        }
        rows.push(with_journal(
            vpr(2025, 0, 5, "математика", [0, 2, 15, 8]),
            [2, 13, 10],
        ));
        rows.push(with_journal(
            vpr(2025, 4, 5, "математика", [1, 0, 2, 0]),
            [0, 0, 3],
        ));
        results(rows)
    }

    #[test]
    fn combines_a_and_b1_into_a_sign_with_flag_rows() {
        let out = compute_from(&data(), &AnalyticsRules::default(), &register(5, &[]));
        let rules: Vec<_> = out.findings.iter().map(|f| (f.org, f.rule)).collect();
        assert_eq!(
            rules,
            [(0, crate::model::Rule::A), (0, crate::model::Rule::B1)]
        );
        assert_eq!(out.signs.len(), 1);
        assert_eq!(out.flag_rows.len(), 2);
        assert!(out
            .flag_rows
            .iter()
            .all(|r| r.flagged && r.category == Category::VprBias));
        assert_eq!(out.signed(2025).len(), 1);
        // 1 of 5 schools (20 %) is below the 30 % contamination threshold.
        assert_eq!(out.contamination.get(&2025), None);
        // Above a threshold of 10 % the share is kept for the year's page.
        let rules = AnalyticsRules {
            contamination: 0.1,
            ..AnalyticsRules::default()
        };
        let out = compute_from(&data(), &rules, &register(5, &[]));
        assert_eq!(out.contamination.get(&2025), Some(&0.2));
    }

    #[test]
    fn keeps_a_small_class_out_of_benchmarks_and_hides_its_values() {
        let out = compute_from(&data(), &AnalyticsRules::default(), &register(5, &[]));
        let small = out.vpr.iter().find(|s| s.org == 4).unwrap();
        assert!(!small.published && !small.enough);
        assert!(!small.journal.as_ref().unwrap().published);
        // School 0's benchmark: schools 1–3 only (120 pupils, 60 with «4»/«5»).
        let own = out.vpr.iter().find(|s| s.org == 0).unwrap();
        let bench = own.quality_benchmark.unwrap();
        assert_eq!((bench.n, bench.value), (120, 0.5));
        assert!(out.findings.iter().all(|f| f.org != 4));
    }

    /// Issue 20, 3: Таёжная gets a new id from 01.09.2024 — in the middle of its ШНОР
    /// history. Its results of 2023 and 2024 are filed under the former id, 2025
    /// under the new one; the 2025 list still sees three low years of one school.
    #[test]
    fn follows_a_renamed_school_through_its_shnor_history() {
        use crate::model::Procedure;
        let mut text = String::from("- {id: taezhnaya-sosh, name: Т, short_name: МБОУ «Таёжная СОШ», kind: school, replaces: [{id: taezhnaya-old, short_name: МБОУ «Таёжная школа», since: 2024-09-01}]}\n");
        for i in 1..=10 {
            text.push_str(&format!(
                "- {{id: s{i}, name: Ш{i}, short_name: Ш{i}, kind: school}}\n"
            ));
        }
        let mut diagnostics = crate::diagnostic::Diagnostics::default();
        let register = crate::model::resolve_register_for_tests(&text, &mut diagnostics);
        let files: Vec<(Procedure, i32, String)> = [2023, 2024, 2025]
            .into_iter()
            .map(|year| {
                let id = if year < 2025 {
                    "taezhnaya-old"
                } else {
                    "taezhnaya-sosh"
                };
                let mut csv = String::from("org,grade,subject,participants,m2,m3,m4,m5\n");
                for subject in ["математика", "русский язык"] {
                    // 6 of 20 «2» (30 %) in both subjects: low every year.
                    csv.push_str(&format!("{id},5,{subject},20,6,14,0,0\n"));
                    for i in 1..=10 {
                        csv.push_str(&format!("s{i},5,{subject},20,2,8,8,2\n"));
                    }
                }
                (Procedure::Vpr, year, csv)
            })
            .collect();
        let files: Vec<(Procedure, i32, &str)> = files
            .iter()
            .map(|(p, y, csv)| (*p, *y, csv.as_str()))
            .collect();
        let rules = AnalyticsRules::default();
        let data =
            crate::model::resolve_results_for_tests(&files, &register, &rules, &mut diagnostics);
        assert!(diagnostics.into_sorted().is_empty());
        let out = compute_from(&data, &rules, &register);
        let year = &out.shnor[&2025];
        assert_eq!(year.entries.len(), 1);
        let entry = &year.entries[0];
        assert_eq!(register.organizations[entry.org].id, "taezhnaya-sosh");
        let years: Vec<i32> = entry.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [2023, 2024, 2025]);
        assert!(entry.years.iter().all(|y| y.low() && y.fail == 0.3));
    }
}
