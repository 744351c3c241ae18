//! The charts of the objectivity pages, each with the data table behind it: the number
//! of schools with signs over the years, the quality of every ВПР procedure against
//! its benchmark (signed ones marked and labelled), and the journal comparison
//! (lowered / confirmed / raised) per school and per procedure of one school.
//!
//! Only groups of at least `privacy.min_group` people are drawn or tabled; the others
//! are named «менее N» in the school's own table and nowhere else.

use std::collections::BTreeMap;

use serde::Serialize;

use super::links::{alphabetical, alphabetical_rank};
use super::parts::Scope;
use super::words::{percent, points};
use crate::analyze::objectivity::{JournalStat, VprStat};
use crate::analyze::Analysis;
use crate::model::paths;
use crate::model::{Category, Model, Rule, YearPart};
use crate::numbers::format_number;
use crate::render::charts::{
    density_bin, render_line, render_scatter, render_stacked, LineChart, LineSeries, PointKind,
    ScatterChart, ScatterPoint, StackRow, StackedChart, DENSITY_ABOVE, DENSITY_BINS,
};
use crate::render::figures::{DataRow, DataTable, Figure};

const JOURNAL_PARTS: [&str; 3] = ["ВПР ниже журнала", "совпала с журналом", "ВПР выше журнала"];

/// Schools with signs per category over the years.
pub(super) fn counts_figure(model: &Model, analysis: &Analysis, id: &str) -> Option<Figure> {
    let o = &analysis.objectivity;
    if o.years.len() < 2 {
        return None;
    }
    let series: Vec<LineSeries> = Category::ALL
        .iter()
        .map(|category| LineSeries {
            name: category.short().to_string(),
            values: o
                .years
                .iter()
                .map(|&y| {
                    Some(
                        o.signed(y)
                            .values()
                            .filter(|c| c.contains(category))
                            .count() as f64,
                    )
                })
                .collect(),
        })
        .collect();
    let periods: Vec<String> = o.years.iter().map(i32::to_string).collect();
    let title = "Число школ с признаками по годам".to_string();
    let svg = render_line(&LineChart {
        id: id.to_string(),
        title: title.clone(),
        unit: "школ".into(),
        decimals: 0,
        periods: periods.clone(),
        series: series.clone(),
        targets: Vec::new(),
        breaks: Vec::new(),
    })?;
    Some(Figure {
        note: None,
        subtitle: format!(
            "число общеобразовательных организаций, признаки по муниципальной методике; {} — {}",
            periods.first().cloned().unwrap_or_default(),
            periods.last().cloned().unwrap_or_default()
        ),
        svg,
        table: DataTable {
            caption: format!("Данные диаграммы «{title}»"),
            corner: "Признаки".into(),
            columns: periods,
            rows: series
                .iter()
                .map(|s| DataRow {
                    label: s.name.clone(),
                    cells: s
                        .values
                        .iter()
                        .map(|v| format_number(v.unwrap_or(0.0), 0))
                        .collect(),
                })
                .chain(std::iter::once(DataRow {
                    label: "Школ с результатами".into(),
                    cells: o
                        .years
                        .iter()
                        .map(|y| o.schools.get(y).map_or(0, |s| s.len()).to_string())
                        .collect(),
                }))
                .collect(),
        },
        title,
        csv_url: model.link("/objectivity/counts.csv"),
    })
}

fn short_subject(subject: &str) -> String {
    match subject {
        "русский язык" => "рус. яз.".into(),
        "математика" => "мат.".into(),
        "окружающий мир" => "окр. мир".into(),
        "английский язык" => "англ. яз.".into(),
        other => other.to_string(),
    }
}

/// The ВПР groups of a scatter, by school in alphabetical order, then procedure.
fn scatter_stats<'a>(
    model: &Model,
    analysis: &'a Analysis,
    year: i32,
    scope: Scope<'_>,
) -> Vec<&'a VprStat> {
    let o = &analysis.objectivity;
    let mut stats: Vec<&VprStat> = o
        .vpr_in(year)
        .iter()
        .filter(|s| s.year == year && s.published && s.quality_benchmark.is_some())
        .filter(|s| scope.admits(s.org, &s.key))
        .collect();
    let order = alphabetical_rank(model, stats.iter().map(|s| s.org));
    stats.sort_by_key(|s| (order.get(&s.org), s.key.clone()));
    stats
}

/// Each group as a point: signed, expected for the profile, or ordinary.
fn scatter_points(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    stats: &[&VprStat],
) -> Vec<ScatterPoint> {
    let o = &analysis.objectivity;
    let signed = |s: &VprStat| o.has_sign(year, s.org, &s.key, Category::VprBias);
    let expected = |s: &VprStat| {
        o.findings_of(year, s.org)
            .iter()
            .any(|f| f.key == s.key && f.exempt && f.rule == Rule::A)
    };
    let name = |s: &VprStat| model.register.organizations[s.org].short_name.clone();
    stats
        .iter()
        .map(|s| {
            let bench = s.quality_benchmark.map_or(0.0, |b| b.value);
            let kind = if signed(s) {
                PointKind::Signed
            } else if expected(s) {
                PointKind::Expected
            } else {
                PointKind::Ordinary
            };
            ScatterPoint {
                x: bench * 100.0,
                y: s.quality * 100.0,
                kind,
                label: (kind == PointKind::Signed).then(|| {
                    format!(
                        "{}, {} кл., {}",
                        name(s),
                        s.key.grade.unwrap_or(0),
                        short_subject(s.key.subject.as_deref().unwrap_or_default())
                    )
                }),
            }
        })
        .collect()
}

/// The quality of each ВПР procedure against its benchmark.
pub(super) fn scatter_figure(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    scope: Scope<'_>,
) -> Option<Figure> {
    let stats = scatter_stats(model, analysis, year, scope);
    let name = |s: &VprStat| model.register.organizations[s.org].short_name.clone();
    let points_of = scatter_points(model, analysis, year, &stats);
    let title = format!("Доля «4» и «5» по ВПР в сравнении с базой сравнения, {year}");
    let effect = model.analytics.a.effect * 100.0;
    let svg = render_scatter(&ScatterChart {
        id: format!("scatter-{year}"),
        title: title.clone(),
        x_label: "доля «4» и «5» по базе сравнения".into(),
        y_label: "доля «4» и «5» в школе".into(),
        points: points_of.clone(),
        offset_line: Some((
            effect,
            format!("порог: на {} п.п. выше базы", format_number(effect, 0)),
        )),
    })?;
    let subtitle = format!(
        "каждая точка — класс и предмет одной школы, не менее {} участников; база сравнения — регион или другие школы округа",
        model.analytics.min_group
    );
    let csv_url = model.link(&paths::objectivity_procedures_csv(year));
    if points_of.len() > DENSITY_ABOVE {
        return Some(Figure {
            note: None,
            subtitle: format!(
                "{subtitle}; точек так много, что показано, сколько их в каждой клетке"
            ),
            svg,
            table: density_table(&title, &points_of),
            title,
            csv_url,
        });
    }
    let rows = stats
        .iter()
        .zip(&points_of)
        .map(|(s, p)| DataRow {
            label: name(s),
            cells: vec![
                format!(
                    "{} класс, {}{}",
                    s.key.grade.unwrap_or(0),
                    s.key.subject.clone().unwrap_or_default(),
                    s.key
                        .variant
                        .as_ref()
                        .map_or(String::new(), |v| format!(" ({v})"))
                ),
                s.n.to_string(),
                format_number(p.y, 1),
                format_number(p.x, 1),
                points(s.quality - s.quality_benchmark.map_or(0.0, |b| b.value)),
                match p.kind {
                    PointKind::Signed => "признак",
                    PointKind::Expected => "ожидаемо для профиля",
                    PointKind::Ordinary => "",
                }
                .into(),
            ],
        })
        .collect();
    Some(Figure {
        note: None,
        subtitle,
        svg,
        table: DataTable {
            caption: format!("Данные диаграммы «{title}»"),
            corner: "Школа".into(),
            columns: vec![
                "Класс, предмет".into(),
                "Участников".into(),
                "Школа, %".into(),
                "База сравнения, %".into(),
                "Разница".into(),
                "Отметка".into(),
            ],
            rows,
        },
        title,
        csv_url,
    })
}

/// The table behind a density: one row per cell with points, its ranges and count.
/// Every group is a row of the year's `procedures.csv`, linked under the chart.
fn density_table(title: &str, points: &[ScatterPoint]) -> DataTable {
    let counts = density_bin(points.iter().map(|p| (p.x, p.y)));
    let step = 100 / DENSITY_BINS;
    let range = |cell: usize| format!("{}–{}", cell * step, (cell + 1) * step);
    let mut rows = Vec::new();
    for (row, cells) in counts.iter().enumerate().rev() {
        for (column, &count) in cells.iter().enumerate().filter(|(_, c)| **c > 0) {
            rows.push(DataRow {
                label: range(row),
                cells: vec![range(column), count.to_string()],
            });
        }
    }
    DataTable {
        caption: format!("Данные диаграммы «{title}»: число групп в каждой клетке"),
        corner: "Школа, %".into(),
        columns: vec!["База сравнения, %".into(), "Групп".into()],
        rows,
    }
}

/// Lowered / confirmed / raised pooled over groups that may be published.
fn pool(stats: &[&VprStat]) -> Option<(u32, [f64; 3])> {
    let mut counts = [0.0; 3];
    let mut k = 0;
    for j in stats
        .iter()
        .filter_map(|s| s.journal.as_ref())
        .filter(|j| j.published)
    {
        k += j.k;
        for (slot, share) in counts.iter_mut().zip([j.lowered, j.confirmed, j.raised]) {
            *slot += share * f64::from(j.k);
        }
    }
    (k > 0).then(|| (k, counts.map(|c| c / f64::from(k) * 100.0)))
}

fn journal_figure(
    id: String,
    title: String,
    subtitle: String,
    corner: &str,
    rows: Vec<(String, u32, [f64; 3])>,
    csv_url: String,
) -> Option<Figure> {
    let svg = render_stacked(&StackedChart {
        id,
        title: title.clone(),
        unit: "%".into(),
        decimals: 1,
        parts: JOURNAL_PARTS.iter().map(|p| p.to_string()).collect(),
        rows: rows
            .iter()
            .map(|(label, _, v)| StackRow {
                label: label.clone(),
                values: v.iter().map(|x| Some(*x)).collect(),
            })
            .collect(),
    })?;
    let mut columns = vec!["Сравнивалось".to_string()];
    columns.extend(JOURNAL_PARTS.iter().map(|p| format!("{p}, %")));
    Some(Figure {
        note: None,
        subtitle,
        svg,
        table: DataTable {
            caption: format!("Данные диаграммы «{title}»"),
            corner: corner.into(),
            columns,
            rows: rows
                .into_iter()
                .map(|(label, k, v)| DataRow {
                    label,
                    cells: std::iter::once(k.to_string())
                        .chain(v.iter().map(|x| format_number(*x, 1)))
                        .collect(),
                })
                .collect(),
        },
        title,
        csv_url,
    })
}

/// The journal comparison of each school in a year, all ВПР procedures together.
pub(super) fn journal_by_org(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    scope: Scope<'_>,
) -> Option<Figure> {
    let o = &analysis.objectivity;
    let mut by_org: BTreeMap<usize, Vec<&VprStat>> = BTreeMap::new();
    for s in o
        .vpr_in(year)
        .iter()
        .filter(|s| s.year == year && scope.admits(s.org, &s.key))
    {
        by_org.entry(s.org).or_default().push(s);
    }
    let all: Vec<&VprStat> = by_org.values().flatten().copied().collect();
    let mut rows = Vec::new();
    if let Some((k, v)) = pool(&all) {
        let all_label = match scope.part() {
            Some(part) if part.is_district() => format!("Все школы: {}", part.title),
            Some(part) => format!("Все школы округа, {}", part.title),
            None => "Все школы округа".to_string(),
        };
        rows.push((all_label, k, v));
    }
    for org in alphabetical(model, by_org.keys().copied()) {
        if let Some((k, v)) = pool(&by_org[&org]) {
            rows.push((model.register.organizations[org].short_name.clone(), k, v));
        }
    }
    if rows.len() < 2 {
        return None;
    }
    journal_figure(
        format!("journal-{year}"),
        format!("Отметки за ВПР в сравнении с отметками в журнале, {year}"),
        format!(
            "в процентах от участников, чьи отметки сравнивались; все классы и предметы ВПР {year} года, группы не менее {} человек",
            model.analytics.min_group
        ),
        "Школа",
        rows,
        model.link(&paths::objectivity_procedures_csv(year)),
    )
}

/// The journal comparison of each district (or grade) of a split year, all ВПР
/// procedures together: a school's own bar is on its district's page.
pub(super) fn journal_by_part(
    model: &Model,
    analysis: &Analysis,
    year: i32,
    parts: &[YearPart],
) -> Option<Figure> {
    let o = &analysis.objectivity;
    let stats: Vec<&VprStat> = o.vpr_in(year).iter().filter(|s| s.year == year).collect();
    let mut rows = Vec::new();
    if let Some((k, v)) = pool(&stats) {
        rows.push(("Все школы округа".to_string(), k, v));
    }
    for part in parts {
        let of_part: Vec<&VprStat> = stats
            .iter()
            .copied()
            .filter(|s| Scope::Part(part).admits(s.org, &s.key))
            .collect();
        if let Some((k, v)) = pool(&of_part) {
            rows.push((part.title.clone(), k, v));
        }
    }
    if rows.len() < 2 {
        return None;
    }
    let by_district = parts.first().is_some_and(YearPart::is_district);
    journal_figure(
        format!("journal-{year}"),
        format!("Отметки за ВПР в сравнении с отметками в журнале, {year}"),
        format!(
            "в процентах от участников, чьи отметки сравнивались; все классы и предметы ВПР {year} года {}, группы не менее {} человек",
            if by_district { "по районам" } else { "по классам" },
            model.analytics.min_group
        ),
        if by_district { "Район" } else { "Класс" },
        rows,
        model.link(&paths::objectivity_procedures_csv(year)),
    )
}

#[derive(Debug, Serialize)]
pub(crate) struct ResultRow {
    pub(crate) procedure: String,
    pub(crate) n: String,
    pub(crate) fail: String,
    pub(crate) quality: String,
    pub(crate) benchmark: String,
    pub(crate) journal: String,
    pub(crate) note: String,
}

/// A school's ВПР of its latest year: a table of every procedure and the journal chart.
#[derive(Debug, Serialize)]
pub(crate) struct OrgResults {
    pub(crate) year: i32,
    pub(crate) url: String,
    pub(crate) rows: Vec<ResultRow>,
    pub(crate) figure: Option<Figure>,
    pub(crate) min_group: u32,
}

fn journal_text(j: Option<&JournalStat>) -> String {
    match j {
        Some(j) if j.published => format!(
            "{} / {} / {}",
            percent(j.lowered),
            percent(j.confirmed),
            percent(j.raised)
        ),
        Some(_) => "—".into(),
        None => "нет данных".into(),
    }
}

/// Fewer than `confirmed_below` of those compared kept their journal mark, in a
/// group large enough for the rules and published (an auxiliary remark, not a sign).
pub(super) fn few_confirmed(s: &VprStat) -> bool {
    s.enough
        && s.journal
            .as_ref()
            .is_some_and(|j| j.published && j.few_confirmed)
}

pub(super) fn org_results(model: &Model, analysis: &Analysis, org: usize) -> Option<OrgResults> {
    let o = &analysis.objectivity;
    let year = o.vpr_years_of(org).last()?;
    let stats: Vec<&VprStat> = o.vpr_of(year, org).iter().collect();
    let min_group = model.analytics.min_group;
    let label = |s: &VprStat| {
        format!(
            "{} класс, {}{}",
            s.key.grade.unwrap_or(0),
            s.key.subject.clone().unwrap_or_default(),
            s.key
                .variant
                .as_ref()
                .map_or(String::new(), |v| format!(" ({v})"))
        )
    };
    let rows = stats
        .iter()
        .map(|s| {
            if !s.published {
                return ResultRow {
                    procedure: label(s),
                    n: format!("менее {min_group}"),
                    fail: "—".into(),
                    quality: "—".into(),
                    benchmark: "—".into(),
                    journal: "—".into(),
                    note: "группа мала: результаты не публикуются".into(),
                };
            }
            ResultRow {
                procedure: label(s),
                n: s.n.to_string(),
                fail: percent(s.fail),
                quality: percent(s.quality),
                benchmark: s.quality_benchmark.map_or("—".into(), |b| percent(b.value)),
                journal: journal_text(s.journal.as_ref()),
                note: if !s.enough {
                    "недостаточно данных для признаков".into()
                } else if model.analytics.publish_named && few_confirmed(s) {
                    super::words::few_confirmed_note(model.analytics.confirmed_below)
                } else {
                    String::new()
                },
            }
        })
        .collect();
    let chart_rows: Vec<(String, u32, [f64; 3])> = stats
        .iter()
        .filter_map(|s| {
            let (k, v) = pool(&[s])?;
            s.published.then(|| (label(s), k, v))
        })
        .collect();
    let figure = journal_figure(
        format!("journal-{}", model.register.organizations[org].id),
        format!("Отметки за ВПР в сравнении с отметками в журнале, {year}"),
        format!("в процентах от участников, чьи отметки сравнивались; классы и предметы не менее {min_group} человек"),
        "Класс, предмет",
        chart_rows,
        // Without names `procedures.csv` holds municipal rows only: the data is the
        // table under the chart.
        if model.analytics.publish_named {
            model.link(&paths::objectivity_procedures_csv(year))
        } else {
            String::new()
        },
    );
    Some(OrgResults {
        year,
        url: model.link(&super::parts::signs_path(model, analysis, year, org)),
        rows,
        figure,
        min_group,
    })
}
