//! The objectivity pages: `/objectivity/` (years and the methodology with the
//! department's current thresholds), `/objectivity/<year>/` (the municipal summary,
//! the schools with signs in alphabetical order with the numbers behind each sign,
//! charts, the official list apart), the block on each school's card, and the same
//! results as CSV files.
//!
//! Wording follows ANALYTICS §5: msoko's signs are «признаки (расчёт по муниципальной
//! методике)», every sign says that it is not a finding of a violation, schools are
//! listed alphabetically and never ranked, and whether they are named at all is the
//! setting `publish_named`. Groups below `privacy.min_group` appear only as «менее N».

mod figures;
mod files;
pub(crate) mod links;
mod parts;
pub(crate) mod words;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

pub(crate) use files::{counts_csv, flags_csv, procedures_csv};

use links::{alphabetical, org_link, OrgLink};
use parts::{PartNote, PartsView, Scope};

use super::figures::Figure;
use super::views::LinkView;
use crate::analyze::objectivity::{Finding, ShnorStatus};
use crate::analyze::Analysis;
use crate::model::paths;
use crate::model::{Category, DataBreak, Model, Rule};
use crate::model::{MedalRegime, Procedure};
use crate::numbers::{format_number, format_value, plural};

#[derive(Debug, Serialize)]
pub(crate) struct FindingRow {
    pub(crate) rule: &'static str,
    pub(crate) title: &'static str,
    pub(crate) measure: String,
    pub(crate) n: String,
    pub(crate) value: String,
    pub(crate) benchmark: String,
    pub(crate) difference: String,
    pub(crate) z: String,
    pub(crate) threshold: String,
    /// Rule c: every number to recompute it by hand.
    pub(crate) recompute: Option<String>,
}

fn finding_row(f: &Finding) -> FindingRow {
    let measure = words::measure_label(f.measure, f.key.procedure);
    FindingRow {
        rule: f.rule.id(),
        title: words::rule_title(f.rule),
        measure: match f.rule {
            Rule::C => format!("{measure} за год"),
            _ => measure.to_string(),
        },
        n: words::n_text(f),
        value: words::value_text(f, f.value),
        benchmark: f.benchmark.map_or("—".into(), |b| {
            format!(
                "{} ({})",
                words::value_text(f, b),
                words::benchmark_name(f.source)
            )
        }),
        difference: words::difference_text(f),
        z: words::z(f.z),
        threshold: words::threshold_text(f),
        recompute: words::recompute(f),
    }
}

/// One procedure with a category's sign: the sentences and the numbers behind them.
#[derive(Debug, Serialize)]
pub(crate) struct ProcedureSigns {
    pub(crate) label: String,
    pub(crate) rules: String,
    pub(crate) sentences: Vec<String>,
    pub(crate) rows: Vec<FindingRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct CategorySigns {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) persistent: bool,
    /// «второй год подряд», or «повторно …» when the previous year of the data is
    /// not the calendar year before (a year without data in between).
    pub(crate) persistent_text: String,
    pub(crate) next: &'static str,
    pub(crate) procedures: Vec<ProcedureSigns>,
}

/// A school's signs of one year.
#[derive(Debug, Serialize)]
pub(crate) struct OrgSigns {
    pub(crate) org: OrgLink,
    /// The school's name in that year, when it has been renamed or merged since.
    pub(crate) named_then: Option<String>,
    pub(crate) year: i32,
    pub(crate) year_url: String,
    pub(crate) count: usize,
    pub(crate) count_text: String,
    /// The year of the results and the date of the data the site was built on.
    pub(crate) data_date: String,
    pub(crate) categories: Vec<CategorySigns>,
    pub(crate) comment: Option<String>,
}

fn org_signs(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    org: usize,
    scope: Scope<'_>,
) -> Option<OrgSigns> {
    let o = &analysis.objectivity;
    let rules = &model.analytics;
    let mut categories = Vec::new();
    let mut count = 0;
    for category in Category::ALL {
        let signs: Vec<_> = o
            .signs_of(year, org)
            .iter()
            .filter(|s| s.category == category && scope.admits(org, &s.key))
            .collect();
        if signs.is_empty() {
            continue;
        }
        count += signs.len();
        let procedures = signs
            .iter()
            .map(|sign| {
                let found: Vec<&Finding> = o
                    .findings_of(year, org)
                    .iter()
                    .filter(|f| f.key == sign.key && !f.exempt && sign.rules.contains(&f.rule))
                    .collect();
                ProcedureSigns {
                    label: words::procedure_label(&sign.key),
                    rules: format!(
                        "{} {}",
                        if sign.rules.len() == 1 {
                            "правило"
                        } else {
                            "правила"
                        },
                        sign.rules
                            .iter()
                            .map(|r| r.id())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    sentences: found.iter().map(|f| words::sentence(f, rules)).collect(),
                    rows: found.iter().map(|f| finding_row(f)).collect(),
                }
            })
            .collect();
        let persistent = o.persistent.contains(&(org, category, year));
        let previous = o.years.iter().copied().filter(|y| *y < year).max();
        categories.push(CategorySigns {
            id: category.id(),
            label: category.label(),
            persistent,
            persistent_text: match previous {
                Some(p) if p == year - 1 => "устойчивые признаки: второй год подряд".into(),
                Some(p) => format!(
                    "устойчивые признаки: повторно (были и в {p} году, данных за промежуточные годы нет)"
                ),
                None => String::new(),
            },
            next: words::next_steps(category),
            procedures,
        });
    }
    if categories.is_empty() {
        return None;
    }
    Some(OrgSigns {
        org: org_link(model, org),
        named_then: model.register.organizations[org]
            .name_in(year)
            .map(|name| format!("в {year} году — {name}")),
        year,
        year_url: model.link(&parts::signs_path(model, analysis, year, org)),
        count,
        count_text: format!(
            "{count} {}",
            plural(
                count,
                "процедура с признаками",
                "процедуры с признаками",
                "процедур с признаками"
            )
        ),
        data_date: format!(
            "Данные: результаты {year} года; расчёт по данным на {}.",
            crate::dates::format_date_short(model.as_of)
        ),
        categories,
        comment: model
            .results
            .comments
            .iter()
            .find(|c| c.year == year && c.org == org)
            .map(|c| c.text.clone()),
    })
}

/// High results a profile school was expected to have, in words.
fn expected(analysis: &Analysis, year: i32, org: usize, scope: Scope<'_>) -> Vec<String> {
    analysis
        .objectivity
        .findings_of(year, org)
        .iter()
        .filter(|f| f.exempt && scope.admits(org, &f.key))
        .map(words::expected_sentence)
        .collect()
}

#[derive(Debug, Serialize)]
pub(crate) struct ExpectedOrg {
    pub(crate) org: OrgLink,
    pub(crate) items: Vec<String>,
}

/// Procedures of a year where few journal marks were confirmed, by school in
/// alphabetical order: «5 класс, математика: подтвердили 40,0 %».
fn auxiliary(model: &Model, analysis: &Analysis, year: i32, scope: Scope<'_>) -> Vec<ExpectedOrg> {
    let o = &analysis.objectivity;
    let stats: Vec<_> = o
        .vpr_in(year)
        .iter()
        .filter(|s| s.year == year && figures::few_confirmed(s) && scope.admits(s.org, &s.key))
        .collect();
    alphabetical(model, stats.iter().map(|s| s.org))
        .into_iter()
        .map(|org| ExpectedOrg {
            org: org_link(model, org),
            items: o
                .vpr_of(year, org)
                .iter()
                .filter(|s| figures::few_confirmed(s) && scope.admits(s.org, &s.key))
                .filter_map(|s| {
                    let j = s.journal.as_ref()?;
                    Some(format!(
                        "{}: отметку из журнала подтвердили {} участников (сравнивались отметки {} человек)",
                        words::procedure_label(&s.key),
                        words::percent(j.confirmed),
                        j.k
                    ))
                })
                .collect(),
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub(crate) struct OfficialRow {
    /// The school, by index in the register.
    #[serde(skip)]
    pub(crate) index: usize,
    pub(crate) year: i32,
    pub(crate) org: OrgLink,
    pub(crate) list: String,
    pub(crate) source: String,
    pub(crate) note: Option<String>,
}

fn official(model: &Model, year: Option<i32>, org: Option<usize>) -> Vec<OfficialRow> {
    let mut rows: Vec<&crate::model::OfficialEntry> = model
        .results
        .official
        .iter()
        .filter(|e| year.is_none_or(|y| e.year == y) && org.is_none_or(|o| e.org == o))
        .collect();
    rows.sort_by_cached_key(|e| {
        (
            std::cmp::Reverse(e.year),
            model.register.organizations[e.org].alphabetical_key(),
        )
    });
    rows.into_iter()
        .map(|e| OfficialRow {
            index: e.org,
            year: e.year,
            org: org_link(model, e.org),
            list: e.list.clone(),
            source: e.source.clone(),
            note: e.note.clone(),
        })
        .collect()
}

/// Where the ВПР benchmarks of a year come from.
fn benchmark_sources(
    analysis: &Analysis,
    year: i32,
) -> BTreeSet<crate::analyze::objectivity::Source> {
    analysis
        .objectivity
        .vpr_in(year)
        .iter()
        .filter(|s| s.year == year)
        .filter_map(|s| s.quality_benchmark.map(|b| b.source))
        .collect()
}

/// The official list as a count, for a site that does not name schools.
fn official_count(model: &Model, year: i32, named: bool) -> Option<String> {
    let count = model
        .results
        .official
        .iter()
        .filter(|e| e.year == year)
        .map(|e| e.org)
        .collect::<BTreeSet<_>>()
        .len();
    (!named && count > 0).then(|| {
        format!(
            "В перечень образовательных организаций с признаками необъективности результатов, полученный от региона, за {year} год {} {count} {} округа. Перечень составлен по федеральной методике; названия школ по решению управления образования не публикуются.",
            plural(count, "вошла", "вошли", "вошли"),
            plural(count, "школа", "школы", "школ")
        )
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct SummaryRow {
    pub(crate) label: &'static str,
    pub(crate) count: usize,
    pub(crate) share: String,
    pub(crate) previous: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct SubjectRow {
    pub(crate) procedure: &'static str,
    pub(crate) subject: String,
    pub(crate) counts: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub(crate) struct YearView {
    pub(crate) year: i32,
    pub(crate) previous: Option<LinkView>,
    pub(crate) next: Option<LinkView>,
    pub(crate) break_note: Option<String>,
    /// Schools divided from another with their first results this year: not compared.
    pub(crate) divisions: Option<String>,
    pub(crate) contamination: Option<String>,
    pub(crate) schools: usize,
    pub(crate) signed: usize,
    pub(crate) signed_text: String,
    pub(crate) summary: Vec<SummaryRow>,
    pub(crate) categories: Vec<&'static str>,
    pub(crate) by_subject: Vec<SubjectRow>,
    pub(crate) named: bool,
    pub(crate) orgs: Vec<OrgSigns>,
    pub(crate) expected: Vec<ExpectedOrg>,
    pub(crate) figures: Vec<Figure>,
    pub(crate) official: Vec<OfficialRow>,
    /// How many schools the official list holds, in words, when schools are not named.
    pub(crate) official_count: Option<String>,
    pub(crate) flags_url: String,
    pub(crate) procedures_url: String,
    pub(crate) list_url: String,
    pub(crate) shnor_url: Option<String>,
    pub(crate) min_group: u32,
    pub(crate) n_min: u32,
    /// Procedures where fewer than `confirmed_below` kept their journal mark
    /// (auxiliary, not a sign), by school; named sites only.
    pub(crate) auxiliary: Vec<ExpectedOrg>,
    /// The same as a municipal count, for a site that does not name schools.
    pub(crate) auxiliary_count: Option<String>,
    /// «меньше 50 %».
    pub(crate) confirmed_below: String,
    /// Schools with too few medal candidates for rule d, as a sentence.
    pub(crate) medals_small: Option<String>,
    /// «претендентов на медаль» from 2024, «медалистов» before (the year's regime).
    pub(crate) medal_who: &'static str,
    pub(crate) version: String,
    /// The districts or grades of a year split for its size, on its summary page.
    pub(crate) parts: Option<PartsView>,
    /// On the page of one district or grade: which, and the year's summary.
    pub(crate) part: Option<PartNote>,
}

/// A year page: the whole year, the summary of a year split by district or grade
/// (`part` is `None`), or one part of it (issue 22).
pub(crate) fn year_view(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    part: Option<usize>,
) -> YearView {
    let o = &analysis.objectivity;
    let rules = &model.analytics;
    let scope = Scope::of(model, year, part);
    let years = &o.years;
    let at = years.iter().position(|y| *y == year);
    let link = |y: i32| LinkView {
        title: y.to_string(),
        path: paths::objectivity_year(y),
        url: model.link(&paths::objectivity_year(y)),
    };
    let schools = parts::schools_in(model, analysis, year, scope);
    let signed = parts::signed_in(analysis, year, scope);
    let previous_year = at.and_then(|i| i.checked_sub(1)).map(|i| years[i]);
    let summary = summary_rows(analysis, schools, &signed, previous_year, scope);
    let by_subject = subject_rows(analysis, year, scope);
    let named = rules.publish_named;
    let listed = named && scope.lists_schools();
    let orgs = if listed {
        alphabetical(model, signed.keys().copied())
            .into_iter()
            .filter_map(|org| org_signs(model, analysis, year, org, scope))
            .collect()
    } else {
        Vec::new()
    };
    let expected_orgs = if listed {
        expected_orgs(model, analysis, year, scope)
    } else {
        Vec::new()
    };
    let signed_count = signed.len();
    let whole = scope.part().is_none();
    YearView {
        year,
        previous: previous_year.map(link),
        next: at.and_then(|i| years.get(i + 1)).map(|y| link(*y)),
        break_note: rules.breaks.get(&year).map(DataBreak::note),
        divisions: super::names::divisions_note(model, year),
        contamination: o
            .contamination
            .get(&year)
            .map(|&share| words::contamination(share, rules, &benchmark_sources(analysis, year))),
        schools,
        signed: signed_count,
        signed_text: signed_text(year, schools, signed_count),
        summary,
        categories: Category::ALL.iter().map(|c| c.heading()).collect(),
        by_subject,
        named,
        orgs,
        expected: expected_orgs,
        figures: year_figures(model, analysis, year, scope),
        official: if named {
            official(model, Some(year), None)
                .into_iter()
                .filter(|row| whole || scope.holds_org(row.index))
                .collect()
        } else {
            Vec::new()
        },
        official_count: official_count(model, year, named).filter(|_| whole),
        flags_url: model.link(&paths::objectivity_flags_csv(year)),
        procedures_url: model.link(&paths::objectivity_procedures_csv(year)),
        list_url: model.link("/objectivity/"),
        shnor_url: o
            .shnor
            .contains_key(&year)
            .then(|| model.link(&paths::shnor_year(year))),
        min_group: rules.min_group,
        n_min: rules.min_n(),
        auxiliary: if listed {
            auxiliary(model, analysis, year, scope)
        } else {
            Vec::new()
        },
        auxiliary_count: auxiliary_count(model, analysis, year).filter(|_| whole),
        confirmed_below: format_value(rules.confirmed_below * 100.0, 0, "%"),
        medals_small: medals_small(model, analysis, year).filter(|_| whole),
        medal_who: words::medal_group_of(words::medal_regime(rules, year)),
        version: rules.version.clone(),
        parts: match scope {
            Scope::Summary(parts) => Some(parts::parts_view(model, analysis, year, parts)),
            _ => None,
        },
        part: parts::part_note(model, year, scope),
    }
}

/// Schools whose high results are expected for their profile, alphabetically.
fn expected_orgs(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    scope: Scope<'_>,
) -> Vec<ExpectedOrg> {
    let o = &analysis.objectivity;
    let orgs = o
        .findings_in(year)
        .iter()
        .filter(|f| f.year == year && f.exempt && scope.admits(f.org, &f.key))
        .map(|f| f.org);
    alphabetical(model, orgs)
        .into_iter()
        .map(|org| ExpectedOrg {
            org: org_link(model, org),
            items: expected(analysis, year, org, scope),
        })
        .collect()
}

/// The charts of a year page: the counts over the years (not on a part's page, where
/// municipal counts would read as the part's), the ВПР procedures against their
/// benchmark and the journal comparison.
fn year_figures(model: &Model, analysis: &Analysis, year: i32, scope: Scope<'_>) -> Vec<Figure> {
    let mut figures = Vec::new();
    if scope.part().is_none() {
        figures.extend(figures::counts_figure(
            model,
            analysis,
            &format!("counts-{year}"),
        ));
    }
    // Charts per school name schools (or let them be recognised by their numbers).
    if model.analytics.publish_named {
        figures.extend(figures::scatter_figure(model, analysis, year, scope));
        figures.extend(match scope {
            Scope::Summary(parts) => figures::journal_by_part(model, analysis, year, parts),
            _ => figures::journal_by_org(model, analysis, year, scope),
        });
    }
    figures
}

/// One row per category: how many schools have its sign in the year, their share,
/// and the count of the year before.
fn summary_rows(
    analysis: &Analysis,
    schools: usize,
    signed: &BTreeMap<usize, BTreeSet<Category>>,
    previous_year: Option<i32>,
    scope: Scope<'_>,
) -> Vec<SummaryRow> {
    let previous_signed = previous_year.map(|y| parts::signed_in(analysis, y, scope));
    Category::ALL
        .iter()
        .map(|&category| {
            let count = signed.values().filter(|c| c.contains(&category)).count();
            SummaryRow {
                label: category.label(),
                count,
                share: format_value(
                    if schools == 0 {
                        0.0
                    } else {
                        count as f64 * 100.0 / schools as f64
                    },
                    1,
                    "%",
                ),
                previous: match (&previous_signed, previous_year) {
                    (Some(p), Some(y)) => format!(
                        "{} в {y} году",
                        p.values().filter(|c| c.contains(&category)).count()
                    ),
                    _ => "нет данных".into(),
                },
            }
        })
        .collect()
}

/// Schools with signs by procedure and subject, one count per category.
fn subject_rows(analysis: &Analysis, year: i32, scope: Scope<'_>) -> Vec<SubjectRow> {
    let o = &analysis.objectivity;
    // ОО with signs by procedure and subject, per category.
    let mut by: BTreeMap<(Procedure, String), Vec<BTreeSet<usize>>> = BTreeMap::new();
    for sign in o
        .signs_in(year)
        .iter()
        .filter(|s| s.year == year && scope.admits(s.org, &s.key))
    {
        let subject = sign.key.subject.clone().unwrap_or_else(|| "медали".into());
        let entry = by
            .entry((sign.key.procedure, subject))
            .or_insert_with(|| vec![BTreeSet::new(); Category::ALL.len()]);
        let column = Category::ALL
            .iter()
            .position(|c| *c == sign.category)
            .unwrap_or(0);
        entry[column].insert(sign.org);
    }
    by.into_iter()
        .map(|((procedure, subject), sets)| SubjectRow {
            procedure: procedure.label(),
            subject,
            counts: sets.iter().map(BTreeSet::len).collect(),
        })
        .collect()
}

/// «Признаки выявлены у 3 школ из 40 школ с результатами 2025 года.»
fn signed_text(year: i32, schools: usize, signed_count: usize) -> String {
    if signed_count == 0 {
        format!(
            "Признаков не выявлено ни у одной из {schools} {} с результатами {year} года.",
            plural(schools, "школы", "школ", "школ")
        )
    } else {
        format!(
            "Признаки выявлены у {signed_count} {} из {schools} {} с результатами {year} года.",
            plural(signed_count, "школы", "школ", "школ"),
            plural(schools, "школы", "школ", "школ")
        )
    }
}

/// Schools where few participants kept their journal mark, as a municipal count for a
/// site that does not name schools (a named site lists them instead).
fn auxiliary_count(model: &Model, analysis: &Analysis, year: i32) -> Option<String> {
    let o = &analysis.objectivity;
    let rules = &model.analytics;
    let named = rules.publish_named;

    let count = o
        .vpr_in(year)
        .iter()
        .filter(|s| s.year == year && figures::few_confirmed(s))
        .map(|s| s.org)
        .collect::<BTreeSet<_>>()
        .len();
    (!named && count > 0).then(|| {
                format!(
                    "Вспомогательное замечание (не признак): у {count} {} округа хотя бы в одной процедуре отметку из журнала подтвердили меньше {} участников, чьи отметки сравнивались.",
                    plural(count, "школы", "школ", "школ"),
                    format_value(rules.confirmed_below * 100.0, 0, "%")
                )
            })
}

/// Schools with too few medal candidates for rule d, as a sentence.
fn medals_small(model: &Model, analysis: &Analysis, year: i32) -> Option<String> {
    let o = &analysis.objectivity;
    let rules = &model.analytics;

    let count = o.medals_small.iter().filter(|(y, _)| *y == year).count();
    (count > 0).then(|| {
                format!(
                    "У {count} {} {} меньше {}: для них показатель неподтверждения медалистов не рассчитывается — недостаточно данных.",
                    plural(count, "школы", "школ", "школ"),
                    words::medal_group_of(words::medal_regime(rules, year)),
                    rules.min_group
                )
            })
}

#[derive(Debug, Serialize)]
pub(crate) struct YearSummary {
    pub(crate) year: i32,
    pub(crate) url: String,
    pub(crate) schools: usize,
    pub(crate) signed: usize,
    pub(crate) counts: Vec<usize>,
    pub(crate) official: usize,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct RuleRow {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) condition: String,
    pub(crate) basis: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct MethodView {
    pub(crate) version: String,
    pub(crate) n_min: u32,
    pub(crate) min_group: u32,
    pub(crate) benchmark: &'static str,
    pub(crate) rules: Vec<RuleRow>,
    pub(crate) combinations: Vec<(&'static str, String)>,
    pub(crate) breaks: Vec<(i32, String)>,
    pub(crate) medals: Vec<(i32, String)>,
    pub(crate) named: bool,
    pub(crate) source: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ListView {
    pub(crate) years: Vec<YearSummary>,
    pub(crate) categories: Vec<&'static str>,
    pub(crate) figures: Vec<Figure>,
    pub(crate) method: MethodView,
    pub(crate) counts_url: String,
    pub(crate) shnor_url: Option<String>,
}

pub(crate) fn list_view(model: &Model, analysis: &Analysis) -> ListView {
    let o = &analysis.objectivity;
    let years = o
        .years
        .iter()
        .rev()
        .map(|&year| {
            let signed = o.signed(year);
            YearSummary {
                year,
                url: model.link(&paths::objectivity_year(year)),
                schools: o.schools.get(&year).map_or(0, BTreeSet::len),
                signed: signed.len(),
                counts: Category::ALL
                    .iter()
                    .map(|c| signed.values().filter(|s| s.contains(c)).count())
                    .collect(),
                official: model
                    .results
                    .official
                    .iter()
                    .filter(|e| e.year == year)
                    .map(|e| e.org)
                    .collect::<BTreeSet<_>>()
                    .len(),
                note: model.analytics.breaks.get(&year).map(DataBreak::note),
            }
        })
        .collect();
    ListView {
        years,
        categories: Category::ALL.iter().map(|c| c.heading()).collect(),
        figures: figures::counts_figure(model, analysis, "counts")
            .into_iter()
            .collect(),
        method: method_view(model),
        counts_url: model.link("/objectivity/counts.csv"),
        shnor_url: model
            .by_url
            .contains_key("/shnor/")
            .then(|| model.link("/shnor/")),
    }
}

fn method_view(model: &Model) -> MethodView {
    let r = &model.analytics;
    let pp = |v: f64| format_number(v * 100.0, 0);
    let z = |v: f64| format_number(v, 2);
    let rules = vec![
        RuleRow {
            id: "a",
            title: words::rule_title(Rule::A),
            condition: format!("Доля «4» и «5» (или доля «5») по ВПР выше базы сравнения не меньше чем на {} п.п., и z ≥ {}. Для лицеев, гимназий и школ с углублённым изучением предмета высокий результат по профильному предмету ожидаем и признаком не считается.", pp(r.a.effect), z(r.a.z)),
            basis: "муниципальная методика; «результат заметно выше среднего по региону» — критерий Рособрнадзора",
        },
        RuleRow {
            id: "b1",
            title: words::rule_title(Rule::B1),
            condition: format!("Доля участников, у которых отметка за ВПР выше отметки в журнале, больше, чем в базе сравнения, не меньше чем на {} п.п., и z ≥ {}. Знаменатель — участники, чьи отметки сравнивались (понизили + подтвердили + повысили).", pp(r.b1.effect), z(r.b1.z)),
            basis: "муниципальная методика (официальных порогов нет)",
        },
        RuleRow {
            id: "b2",
            title: words::rule_title(Rule::B2),
            condition: format!("То же для отметки за ВПР ниже журнальной: разница не меньше {} п.п., z ≥ {}. Говорит о завышении текущих отметок, а не о завышении ВПР.", pp(r.b2.effect), z(r.b2.z)),
            basis: "муниципальная методика (официальных порогов нет)",
        },
        RuleRow {
            id: "c",
            title: words::rule_title(Rule::C),
            condition: format!("Изменение доли «4» и «5» того же класса через год (или той же параллели в следующем году) отличается от изменения базы сравнения не меньше чем на {} п.п., z ≥ {} (сравнение двух долей), в обеих группах не меньше {} участников. Признак относится к более высокому из двух результатов; варианты (базовый и углублённый) сравниваются только между собой.", pp(r.c.effect), z(r.c.z), r.min_n()),
            basis: "муниципальная методика",
        },
        RuleRow {
            id: "d",
            title: words::rule_title(Rule::D),
            condition: format!("Не подтвердили результат на ЕГЭ не менее {} человек и не менее {} претендентов на медаль (до 2024 года — медалистов). Порог ЕГЭ и порядок награждения — по годам, см. ниже. У этого правила свой порог размера группы вместо {}: показатель рассчитывается для школ, где претендентов не меньше {}; при меньшем числе — «недостаточно данных», а само число претендентов не публикуется («менее {}»). Если претендентов {} или меньше, показывается только число («2 из 3»), без доли.", r.d.min_not_confirmed, format_value(r.d.share * 100.0, 0, "%"), r.min_n(), r.min_group, r.min_group, r.d.count_only_up_to),
            basis: "муниципальная методика; порядок награждения — приказ Минпросвещения России № 730",
        },
        RuleRow {
            id: "e",
            title: words::rule_title(Rule::E),
            condition: format!("Средний балл и доля высоких результатов (ОГЭ — «5», ЕГЭ — 81–100 баллов) по предмету выше базы сравнения, z ≥ {} для обоих; для среднего балла принят разброс {} балла ОГЭ и {} баллов ЕГЭ.", z(r.e.z), format_number(r.e.sd_oge, 2), format_number(r.e.sd_ege, 0)),
            basis: "муниципальная методика; Рособрнадзор также выделяет ОО с «сомнительными» результатами ЕГЭ",
        },
        RuleRow {
            id: "f",
            title: words::rule_title(Rule::F),
            condition: "У ВПР 8 класса есть признак a, а средний балл ОГЭ этих учеников по тому же предмету через год не выше базы сравнения.".into(),
            basis: "официальный критерий Рособрнадзора 2018 года: высокий результат ВПР не подтверждается ГИА",
        },
    ];
    let combine_words = |text: &str| {
        text.replace("AND", "И")
            .replace("OR", "ИЛИ")
            .replace("NOT", "НЕ")
    };
    MethodView {
        version: r.version.clone(),
        n_min: r.min_n(),
        min_group: r.min_group,
        benchmark: if r.prefer_region {
            "значение региона, когда оно есть в данных; иначе — все остальные школы округа вместе (без самой школы)"
        } else {
            "все остальные школы округа вместе (без самой школы)"
        },
        rules,
        combinations: r
            .combine
            .iter()
            .map(|c| (c.category.label(), combine_words(&c.text)))
            .collect(),
        breaks: r.breaks.iter().map(|(y, b)| (*y, b.note())).collect(),
        medals: r
            .medals
            .iter()
            .map(|(year, m)| {
                let regime = match m.regime {
                    MedalRegime::Candidates => format!(
                        "считаются претенденты на медаль, не набравшие {}",
                        format_value(m.threshold, 0, "балл")
                    ),
                    MedalRegime::Medalists => format!(
                        "считаются медалисты, получившие менее {}",
                        format_value(m.threshold, 0, "балл")
                    ),
                    MedalRegime::NoExam => {
                        "медали не зависели от ЕГЭ, показатель не рассчитывается".into()
                    }
                };
                let text = match &m.note {
                    Some(note) => format!("{regime} ({note})"),
                    None => regime,
                };
                (*year, text)
            })
            .collect(),
        named: r.publish_named,
        source: r.file.as_ref().map(|f| f.display().to_string()),
    }
}

/// The objectivity block of a school's card.
#[derive(Debug, Serialize)]
pub(crate) struct OrgBlock {
    pub(crate) named: bool,
    pub(crate) list_url: String,
    pub(crate) signs: Vec<OrgSigns>,
    pub(crate) checked: String,
    /// No group of the school was large enough for the rules.
    pub(crate) insufficient: bool,
    pub(crate) n_min: u32,
    pub(crate) latest_url: String,
    pub(crate) expected: Vec<String>,
    pub(crate) official: Vec<OfficialRow>,
    pub(crate) shnor: Option<ShnorNote>,
    pub(crate) results: Option<figures::OrgResults>,
    /// Years with medal candidates too few for rule d: «недостаточно данных».
    pub(crate) medals_small: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ShnorNote {
    pub(crate) text: String,
    pub(crate) url: String,
    pub(crate) check: bool,
}

pub(crate) fn org_block(model: &Model, analysis: &Analysis, org: usize) -> Option<OrgBlock> {
    let o = &analysis.objectivity;
    let years: Vec<i32> = o
        .schools
        .iter()
        .filter(|(_, s)| s.contains(&org))
        .map(|(y, _)| *y)
        .collect();
    let (&first, &last) = (years.first()?, years.last()?);
    let named = model.analytics.publish_named;
    let signs: Vec<OrgSigns> = if named {
        years
            .iter()
            .rev()
            .filter_map(|&y| org_signs(model, analysis, y, org, Scope::Whole))
            .collect()
    } else {
        Vec::new()
    };
    let latest_vpr = o.shnor.keys().next_back().copied();
    let shnor = latest_vpr.and_then(|year| {
        let entry = o.shnor[&year]
            .entries
            .iter()
            .find(|e| e.org == org && (named || e.status == ShnorStatus::Listed))?;
        let window = &o.shnor[&year].window;
        Some(ShnorNote {
            text: format!(
                "По расчёту по муниципальной методике школа относится к школам с низкими образовательными результатами: по итогам ВПР {}–{} годов доля отметок «2» по русскому языку и математике несколько лет была высокой. Это не рейтинг и не оценка учителей, а основание для адресной поддержки.",
                window.first().unwrap_or(&year),
                year
            ),
            url: model.link(&paths::shnor_year(year)),
            check: entry.status == ShnorStatus::NeedsCheck,
        })
    });
    Some(OrgBlock {
        named,
        list_url: model.link("/objectivity/"),
        signs,
        checked: if first == last {
            format!("{first} год")
        } else {
            format!("{first}–{last} годы")
        },
        insufficient: !o
            .years
            .iter()
            .any(|&y| o.vpr_of(y, org).iter().any(|s| s.enough))
            && !o.gia_enough.contains(&org),
        n_min: model.analytics.min_n(),
        latest_url: model.link(&paths::objectivity_year(last)),
        expected: if named {
            expected(analysis, last, org, Scope::Whole)
        } else {
            Vec::new()
        },
        official: if named {
            official(model, None, Some(org))
        } else {
            Vec::new()
        },
        shnor,
        results: figures::org_results(model, analysis, org),
        medals_small: o
            .medals_small
            .iter()
            .rev()
            .filter(|(_, o)| *o == org)
            .map(|(year, _)| {
                format!(
                    "ЕГЭ {year}, {}: менее {} человек — недостаточно данных для расчёта показателя неподтверждения медалистов.",
                    words::medal_group(words::medal_regime(&model.analytics, *year)),
                    model.analytics.min_group
                )
            })
            .collect(),
    })
}
