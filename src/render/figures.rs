//! The charts of an indicator with the data table behind each: the trend of the
//! municipality against the region and Russia with targets, organisations compared
//! for one period, and a distribution. Used by indicator pages and by shortcodes.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::charts::{
    render_bars, render_line, render_stacked, Bar, BarChart, BarMarks, LineChart, LineSeries,
    StackRow, StackedChart, Tone,
};
use super::names::{breakdown_words, place_name};
use super::school_marks::{self, FigureNote};
use crate::analyze::{Analysis, OrgComparison, RowStanding, Standing};
use crate::model::paths;
use crate::model::{Indicator, Model, Period, Place};
use crate::numbers::{format_number, format_value};

pub(crate) const NO_DATA: &str = "нет данных";

/// A chart with its headline, subtitle and the table of its data.
#[derive(Debug, Serialize)]
pub(crate) struct Figure {
    pub(crate) title: String,
    /// The data behind the chart as CSV (the indicator's file).
    pub(crate) csv_url: String,
    pub(crate) subtitle: String,
    pub(crate) svg: String,
    pub(crate) table: DataTable,
    /// Under the chart: what a «*» on a value means, with a link to the signs.
    pub(crate) note: Option<FigureNote>,
}

#[derive(Debug, Serialize)]
pub(crate) struct DataTable {
    pub(crate) caption: String,
    pub(crate) corner: String,
    pub(crate) columns: Vec<String>,
    pub(crate) rows: Vec<DataRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct DataRow {
    pub(crate) label: String,
    pub(crate) cells: Vec<String>,
}

/// Distinct disaggregation combinations in data order; one empty combination when
/// the indicator has none.
/// The breakdown values that get charts, sorted: at most
/// [`MAX_CHARTED_SLICES`](crate::model::MAX_CHARTED_SLICES) (the model warns about
/// the rest, which are in the CSV).
fn slices(indicator: &Indicator) -> Vec<Vec<String>> {
    let seen: std::collections::BTreeSet<&Vec<String>> =
        indicator.observations.iter().map(|o| &o.dims).collect();
    let mut seen: Vec<Vec<String>> = seen
        .into_iter()
        .take(crate::model::MAX_CHARTED_SLICES)
        .cloned()
        .collect();
    if seen.is_empty() {
        seen.push(Vec::new());
    }
    seen
}

fn slice_label(indicator: &Indicator, slice: &[String]) -> String {
    let _ = indicator;
    slice
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn figures(model: &Model, analysis: &Analysis, indicator: &Indicator) -> Vec<Figure> {
    if indicator.stack.is_some() {
        let request = FigureRequest::new(Chart::Distribution, format!("dist-{}", indicator.id));
        return figure_for(model, analysis, indicator, &request)
            .into_iter()
            .collect();
    }
    let mut figures = Vec::new();
    for (n, slice) in slices(indicator).into_iter().enumerate() {
        for (chart, prefix) in [(Chart::Trend, "trend"), (Chart::Orgs, "orgs")] {
            let mut request = FigureRequest::new(chart, format!("{prefix}-{}-{n}", indicator.id));
            request.slice = slice.clone();
            figures.extend(figure_for(model, analysis, indicator, &request));
        }
    }
    figures
}

/// The school-by-school charts of an indicator (one per disaggregation) with one
/// school highlighted, for its card; only those where the school has a value.
pub(crate) fn school_figures(
    model: &Model,
    analysis: &Analysis,
    indicator: &Indicator,
    org: usize,
) -> Vec<Figure> {
    if indicator.stack.is_some() {
        return Vec::new();
    }
    let id = &model.register.organizations[org].id;
    slices(indicator)
        .into_iter()
        .enumerate()
        .filter_map(|(n, slice)| {
            let mut request =
                FigureRequest::new(Chart::Orgs, format!("among-{id}-{}-{n}", indicator.id));
            request.slice = slice;
            request.highlight = Some(org);
            figure_for(model, analysis, indicator, &request)
        })
        .collect()
}

/// The trend charts of an indicator (one per disaggregation; the distribution for a
/// stacked one), with ids that start with `id_prefix` and the indicator's CSV under
/// each: for pages that show an indicator's course next to other things (the
/// management cycle).
pub(crate) fn trend_figures(model: &Model, indicator: &Indicator, id_prefix: &str) -> Vec<Figure> {
    // A course over years has no school's values: no objectivity marks to look up.
    let analysis = Analysis::default();
    let requests: Vec<FigureRequest> = if indicator.stack.is_some() {
        vec![FigureRequest::new(
            Chart::Distribution,
            format!("{id_prefix}-{}", indicator.id),
        )]
    } else {
        slices(indicator)
            .into_iter()
            .enumerate()
            .map(|(n, slice)| {
                let mut request =
                    FigureRequest::new(Chart::Trend, format!("{id_prefix}-{}-{n}", indicator.id));
                request.slice = slice;
                request
            })
            .collect()
    };
    requests
        .iter()
        .filter_map(|request| figure_for(model, &analysis, indicator, request))
        .collect()
}

/// The indicator's CSV, the data under each of its figures.
pub(crate) fn indicator_csv_url(model: &Model, indicator: &Indicator) -> String {
    model.link(&paths::indicator_csv(&indicator.id))
}

/// Which chart of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Chart {
    /// The municipality, region and Russia over the years, with targets.
    Trend,
    /// Organisations compared for one period.
    Orgs,
    /// The stacked parts (marks) of each organisation for one period.
    Distribution,
}

/// One chart of an indicator, as a page or a shortcode asks for it.
#[derive(Debug, Clone)]
pub(crate) struct FigureRequest {
    pub(crate) chart: Chart,
    /// Values of the indicator's disaggregation columns, in order.
    pub(crate) slice: Vec<String>,
    /// The period of a comparison or distribution; the latest with data when `None`.
    pub(crate) period: Option<Period>,
    /// Unique on the page.
    pub(crate) id: String,
    /// A comparison of organisations with this one (register index) highlighted:
    /// the chart on its card. `None` elsewhere.
    pub(crate) highlight: Option<usize>,
}

impl FigureRequest {
    pub(crate) fn new(chart: Chart, id: String) -> Self {
        FigureRequest {
            chart,
            slice: Vec::new(),
            period: None,
            id,
            highlight: None,
        }
    }
}

/// The chart asked for, with its data table; `None` when there is nothing to draw.
pub(crate) fn figure_for(
    model: &Model,
    analysis: &Analysis,
    indicator: &Indicator,
    request: &FigureRequest,
) -> Option<Figure> {
    if request.chart == Chart::Distribution {
        return distribution_figure(model, analysis, indicator, request);
    }
    let periods: Vec<Period> = indicator
        .observations
        .iter()
        .map(|o| o.period)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let slice = &request.slice;
    let suffix = slice_label(indicator, slice);
    // The row a chart shows for a place and period: the first one of the slice.
    let row_of = |place: Place, period: Period| {
        indicator
            .observations
            .iter()
            .position(|o| o.place == place && o.period == period && &o.dims == slice)
    };
    let value_of = |place: Place, period: Period| {
        row_of(place, period).and_then(|row| indicator.observations[row].value)
    };
    match request.chart {
        Chart::Trend => trend_figure(
            indicator,
            &periods,
            &suffix,
            request.id.clone(),
            indicator_csv_url(model, indicator),
            &value_of,
        ),
        _ => {
            let periods: Vec<Period> = match request.period {
                Some(wanted) => periods.into_iter().filter(|p| *p == wanted).collect(),
                None => periods,
            };
            comparison_figure(
                (model, analysis),
                indicator,
                &suffix,
                request,
                &periods,
                &row_of,
            )
        }
    }
}

fn titled(base: String, suffix: &str) -> String {
    if suffix.is_empty() {
        base
    } else {
        format!("{base} ({suffix})")
    }
}

/// Where a declared method change falls among the chart's periods: the index of the
/// first period computed the new way, when there are periods on both sides.
fn break_indexes(indicator: &Indicator, periods: &[Period]) -> Vec<usize> {
    indicator
        .method_changes
        .keys()
        .filter_map(|change| {
            let i = periods.iter().position(|p| p >= change)?;
            (i > 0).then_some(i)
        })
        .collect()
}

/// «; с 2024 года методика изменилась: …, значения до и после не сравниваются».
fn method_note(indicator: &Indicator, periods: &[Period], breaks: &[usize]) -> String {
    breaks
        .iter()
        .filter_map(|&i| {
            let change = indicator
                .method_changes
                .range(..=periods[i])
                .next_back()
                .map(|(_, c)| c)?;
            Some(format!(
                "; {} методика изменилась: {} — значения до и после не сравниваются, линия прервана",
                periods[i].since_words(),
                change.what
            ))
        })
        .collect()
}

fn trend_figure(
    indicator: &Indicator,
    periods: &[Period],
    suffix: &str,
    id: String,
    csv_url: String,
    value_of: &dyn Fn(Place, Period) -> Option<f64>,
) -> Option<Figure> {
    let mut series = Vec::new();
    for (place, name) in [
        (Place::Municipality, "Округ"),
        (Place::Region, "Регион"),
        (Place::Russia, "Россия"),
    ] {
        let values: Vec<Option<f64>> = periods.iter().map(|&p| value_of(place, p)).collect();
        if values.iter().any(Option::is_some) {
            series.push(LineSeries {
                name: name.into(),
                values,
            });
        }
    }
    if series.is_empty() {
        return None;
    }
    let targets: Vec<(usize, f64)> = periods
        .iter()
        .enumerate()
        .filter_map(|(i, p)| indicator.targets.get(p).map(|t| (i, *t)))
        .collect();
    let labels: Vec<String> = periods.iter().map(|p| p.label()).collect();
    let title = titled(format!("{}: динамика", indicator.title), suffix);
    let breaks = break_indexes(indicator, periods);
    let svg = render_line(&LineChart {
        id,
        title: title.clone(),
        unit: indicator.unit.clone(),
        decimals: indicator.decimals,
        periods: labels.clone(),
        series: series.clone(),
        targets: targets.clone(),
        breaks: breaks.clone(),
    })?;
    let mut rows = series_rows(&series, indicator.decimals);
    if !targets.is_empty() {
        rows.push(DataRow {
            label: "Цель".into(),
            cells: periods
                .iter()
                .map(|p| {
                    indicator
                        .targets
                        .get(p)
                        .map_or(String::new(), |t| format_number(*t, indicator.decimals))
                })
                .collect(),
        });
    }
    let territory = series
        .iter()
        .map(|s| match s.name.as_str() {
            "Россия" => s.name.clone(),
            other => other.to_lowercase(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    Some(Figure {
        note: None,
        subtitle: format!(
            "{}, {}; {} — {}{}",
            unit_words(&indicator.unit),
            territory,
            labels.first().cloned().unwrap_or_default(),
            labels.last().cloned().unwrap_or_default(),
            method_note(indicator, periods, &breaks)
        ),
        svg,
        table: DataTable {
            caption: format!(
                "Данные диаграммы «{title}», {}{}",
                unit_words(&indicator.unit),
                method_note(indicator, periods, &breaks)
            ),
            corner: "Территория".into(),
            columns: labels,
            rows,
        },
        title,
        csv_url,
    })
}

/// A school's standing against the municipality in the words a parent reads:
/// «выше / ниже, чем по округу», the direction first, and for an indicator where
/// less is better what that means, so «ниже» never reads as bad news by mistake.
pub(crate) fn standing_words(standing: Standing, better: crate::model::Better) -> &'static str {
    use crate::model::Better::{Higher, Lower};
    match (standing, better) {
        (Standing::Better, Higher) => "выше, чем по округу",
        (Standing::Worse, Higher) => "ниже, чем по округу",
        (Standing::Better, Lower) => "ниже, чем по округу (это лучше)",
        (Standing::Worse, Lower) => "выше, чем по округу (это хуже)",
        (Standing::Same, _) => "на уровне округа",
        (Standing::FewData, _) => "мало данных для сравнения",
    }
}

fn comparison_figure(
    (model, analysis): (&Model, &Analysis),
    indicator: &Indicator,
    suffix: &str,
    request: &FigureRequest,
    periods: &[Period],
    row_of: &dyn Fn(Place, Period) -> Option<usize>,
) -> Option<Figure> {
    let value_of = |place: Place, period: Period| {
        row_of(place, period).and_then(|row| indicator.observations[row].value)
    };
    // What analysis found for each row; none when `analysis` is not of `model`.
    let standings = analysis
        .indicator(model, &indicator.id)
        .map_or(&[][..], |summary| &summary.rows[..]);
    // The latest period in which organisations have values.
    let period = periods.iter().rev().copied().find(|&p| {
        (0..model.register.organizations.len()).any(|o| value_of(Place::Org(o), p).is_some())
    })?;
    let municipality = value_of(Place::Municipality, period);
    // In the register's order, never sorted by value: a chart of schools is not a
    // league table (ANALYTICS.md §5). A school with values in other years but none
    // in this one keeps its row, marked «нет данных», and is named under the chart.
    let organizations = &model.register.organizations;
    let missing = missing_orgs(organizations, periods, period, &value_of);
    let verdict = indicator.compare == crate::model::Compare::Verdict;
    // Each bar with its organisation and the words of its comparison for the table.
    let bars: Vec<(usize, Bar, String)> = (0..organizations.len())
        .filter_map(|o| {
            let Some(value) = value_of(Place::Org(o), period) else {
                return missing.contains(&o).then(|| {
                    (
                        o,
                        Bar {
                            label: organizations[o].short_name.clone(),
                            value: f64::NAN,
                            tone: Tone::Same,
                        },
                        "—".to_string(),
                    )
                });
            };
            let row = row_of(Place::Org(o), period)
                .and_then(|row| standings.get(row))
                .copied()
                .unwrap_or_default();
            Some(compared_bar((model, indicator), o, value, row))
        })
        .collect();
    // On a school's card, only a chart that has the school's value.
    if let Some(own) = request.highlight {
        bars.iter()
            .find(|(o, bar, _)| *o == own && bar.value.is_finite())?;
    }
    let signed = school_marks::signed_schools(model, analysis, indicator, &request.slice, period);
    let (marks, rows) = marked_rows(
        organizations,
        indicator,
        period,
        &bars,
        &signed,
        request.highlight,
    );
    let title = titled(
        format!("{}: организации, {period}", indicator.title),
        suffix,
    ) + &request.highlight.map_or(String::new(), |o| {
        format!("; выделено: {}", organizations[o].short_name)
    });
    let note =
        (!marks.starred.is_empty()).then(|| school_marks::figure_note(model, indicator, period));
    let bars: Vec<Bar> = bars.into_iter().map(|(_, bar, _)| bar).collect();
    let ranged = request.highlight.is_none() && bars.len() > ORG_BARS_MAX;
    let (title, svg) = if ranged {
        ranges_svg(request, indicator, &title, &bars)?
    } else {
        let svg = render_bars(&BarChart {
            id: request.id.clone(),
            title: title.clone(),
            unit: indicator.unit.clone(),
            decimals: indicator.decimals,
            bars,
            reference: municipality.map(|m| ("Округ".to_string(), m)),
            verdict,
            lower_is_better: indicator.better == crate::model::Better::Lower,
            marks,
        })?;
        (title, svg)
    };
    Some(Figure {
        note,
        subtitle: format!(
            "{}, образовательные организации округа, {period}{}",
            unit_words(&indicator.unit),
            municipality.map_or(String::new(), |m| format!(
                "; по округу — {}",
                format_value(m, indicator.decimals, &indicator.unit)
            )),
        ) + &missing_note(organizations, &missing, period)
            + ranges_note(ranged),
        svg,
        table: DataTable {
            caption: format!("Данные диаграммы «{title}»"),
            corner: "Организация".into(),
            columns: vec![
                format!("Значение, {}", indicator.unit),
                "Сравнение с округом".into(),
            ],
            rows,
        },
        title,
        csv_url: indicator_csv_url(model, indicator),
    })
}

/// The open organisations with values in other periods but none in `period`.
fn missing_orgs(
    organizations: &[crate::model::Organization],
    periods: &[Period],
    period: Period,
    value_of: &dyn Fn(Place, Period) -> Option<f64>,
) -> Vec<usize> {
    (0..organizations.len())
        .filter(|&o| value_of(Place::Org(o), period).is_none())
        // A closed school has no value after its last day: no gap to point out.
        .filter(|&o| organizations[o].is_open())
        .filter(|&o| {
            periods
                .iter()
                .any(|&p| value_of(Place::Org(o), p).is_some())
        })
        .collect()
}

/// Above this many organisations a comparison is drawn as the number of organisations
/// in ranges of the values (issue 22), not a bar each.
const ORG_BARS_MAX: usize = 150;

/// What a chart of value ranges shows, for its subtitle.
fn ranges_note(ranged: bool) -> &'static str {
    if ranged {
        "; организаций так много, что на диаграмме — их число в каждом диапазоне значений, а в таблице — каждая организация"
    } else {
        ""
    }
}

/// The comparison of too many organisations: a bar per range of values, its length
/// the number of organisations in it; the title says so.
fn ranges_svg(
    request: &FigureRequest,
    indicator: &Indicator,
    title: &str,
    bars: &[Bar],
) -> Option<(String, String)> {
    let values: Vec<f64> = bars.iter().map(|b| b.value).collect();
    let ranges = super::value_ranges::value_ranges(&values)
        .into_iter()
        .map(|(from, to, count)| Bar {
            label: format!(
                "{} – {}",
                format_number(from, indicator.decimals),
                format_value(to, indicator.decimals, &indicator.unit)
            ),
            value: count as f64,
            tone: Tone::Same,
        })
        .collect();
    let title = title.replacen(": организации,", ": организации по значению,", 1);
    let svg = render_bars(&BarChart {
        id: request.id.clone(),
        title: title.clone(),
        unit: "орг.".into(),
        decimals: 0,
        bars: ranges,
        reference: None,
        verdict: false,
        lower_is_better: false,
        marks: BarMarks::default(),
    })?;
    Some((title, svg))
}

/// An organisation's bar, its tone from its standing against the municipality (as
/// analysis found it for the bar's row), and the words of that comparison for the
/// data table.
fn compared_bar(
    (model, indicator): (&Model, &Indicator),
    o: usize,
    value: f64,
    RowStanding { standing, n }: RowStanding,
) -> (usize, Bar, String) {
    let verdict = indicator.compare == crate::model::Compare::Verdict;
    let tone = match standing {
        Some(Standing::Better) => Tone::Better,
        Some(Standing::Worse) => Tone::Worse,
        _ => Tone::Same,
    };
    let words = match standing {
        Some(standing) => standing_words(standing, indicator.better),
        None if !verdict => "для сведения, без оценки",
        None => "сравнить не с чем",
    };
    let words = match n {
        Some(n) => format!("{words} (n\u{a0}=\u{a0}{n})"),
        None => words.to_string(),
    };
    let bar = Bar {
        label: model.register.organizations[o].short_name.clone(),
        value,
        tone,
    };
    (o, bar, words)
}

/// The marks of a comparison's bars and its data table's rows: the highlighted
/// school named «(эта школа)», a value with a caveat starred, with the caveat in
/// words beside its comparison.
fn marked_rows(
    organizations: &[crate::model::Organization],
    indicator: &Indicator,
    period: Period,
    bars: &[(usize, Bar, String)],
    signed: &BTreeSet<usize>,
    highlight: Option<usize>,
) -> (BarMarks, Vec<DataRow>) {
    let mut marks = BarMarks::default();
    let own_words = highlight.map_or("", |o| super::names::own_words(organizations[o].kind));
    let rows = bars
        .iter()
        .enumerate()
        .map(|(i, (o, b, words))| {
            let mut label = b.label.clone();
            if highlight == Some(*o) {
                marks.own = Some(i);
                marks.own_words = own_words;
                label.push_str(&format!(" ({own_words})"));
            }
            let starred = b.value.is_finite() && signed.contains(o);
            if starred {
                marks.starred.insert(i);
            }
            let cells = if !b.value.is_finite() {
                vec![format!("нет данных за {period}"), words.clone()]
            } else if starred {
                vec![
                    format!(
                        "{} {}",
                        format_number(b.value, indicator.decimals),
                        school_marks::MARK
                    ),
                    format!("{words}; {}", school_marks::caveat_words(indicator, period)),
                ]
            } else {
                vec![format_number(b.value, indicator.decimals), words.clone()]
            };
            DataRow { label, cells }
        })
        .collect();
    (marks, rows)
}

/// «. Нет данных за 2025: МБОУ «Таёжная СОШ».» for the schools missing from the
/// chart's year, so that none silently drops out; empty when none is missing.
fn missing_note(
    organizations: &[crate::model::Organization],
    missing: &[usize],
    period: Period,
) -> String {
    if missing.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = missing
        .iter()
        .map(|&o| organizations[o].short_name.as_str())
        .collect();
    format!(". Нет данных за {period}: {}", names.join(", "))
}

fn distribution_figure(
    model: &Model,
    analysis: &Analysis,
    indicator: &Indicator,
    request: &FigureRequest,
) -> Option<Figure> {
    let period = match request.period {
        Some(period) => period,
        None => indicator.observations.iter().map(|o| o.period).max()?,
    };
    let mut parts: Vec<String> = indicator
        .observations
        .iter()
        .filter_map(|o| o.part.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    parts.sort();
    let mut places: Vec<Place> = indicator
        .observations
        .iter()
        .filter(|o| o.period == period)
        .map(|o| o.place)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    places.retain(|p| matches!(p, Place::Municipality | Place::Org(_)));
    // A school's row with a caveat is starred, as its bar is in a comparison.
    let signed = school_marks::signed_schools(model, analysis, indicator, &[], period);
    let starred = |place: Place| matches!(place, Place::Org(o) if signed.contains(&o));
    let rows: Vec<StackRow> = places
        .iter()
        .map(|&place| StackRow {
            label: if starred(place) {
                format!("{} {}", place_name(model, place), school_marks::MARK)
            } else {
                place_name(model, place)
            },
            values: parts
                .iter()
                .map(|part| {
                    indicator
                        .observations
                        .iter()
                        .find(|o| {
                            o.place == place && o.period == period && o.part.as_ref() == Some(part)
                        })
                        .and_then(|o| o.value)
                })
                .collect(),
        })
        .collect();
    let title = format!("{}, {period}", indicator.title);
    let legend: Vec<String> = parts.clone();
    let svg = render_stacked(&StackedChart {
        id: request.id.clone(),
        title: title.clone(),
        unit: indicator.unit.clone(),
        decimals: indicator.decimals,
        parts: legend.clone(),
        rows: rows.clone(),
    })?;
    Some(Figure {
        note: places
            .iter()
            .any(|&place| starred(place))
            .then(|| school_marks::figure_note(model, indicator, period)),
        subtitle: format!(
            "{}, округ и организации, {period}",
            unit_words(&indicator.unit)
        ),
        svg,
        table: DataTable {
            caption: format!(
                "Данные диаграммы «{title}», {}",
                unit_words(&indicator.unit)
            ),
            corner: "Организация".into(),
            columns: legend,
            rows: rows
                .into_iter()
                .map(|r| DataRow {
                    label: r.label,
                    cells: r
                        .values
                        .iter()
                        .map(|v| v.map_or(NO_DATA.into(), |v| format_number(v, indicator.decimals)))
                        .collect(),
                })
                .collect(),
        },
        title,
        csv_url: indicator_csv_url(model, indicator),
    })
}

fn unit_words(unit: &str) -> String {
    match unit {
        "%" => "в процентах".into(),
        "" => "значение".into(),
        other => format!("единица: {other}"),
    }
}

/// A school's (`org`) own course of an indicator (`own`, as analysis found it)
/// with the district's (`district`, the municipality's headline) as the reference
/// line, for the small multiples on its card; `None` with fewer than two of its values.
pub(crate) fn org_trend_figure(
    model: &Model,
    indicator: &Indicator,
    (org, own): (usize, &OrgComparison),
    district: &BTreeMap<Period, f64>,
) -> Option<Figure> {
    if own.values.len() < 2 {
        return None;
    }
    let periods: Vec<Period> = own
        .values
        .keys()
        .chain(district.keys())
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let organization = &model.register.organizations[org];
    let series = vec![
        LineSeries {
            name: organization.short_name.clone(),
            values: periods.iter().map(|p| own.values.get(p).copied()).collect(),
        },
        LineSeries {
            name: "Округ".into(),
            values: periods.iter().map(|p| district.get(p).copied()).collect(),
        },
    ];
    let labels: Vec<String> = periods.iter().map(|p| p.label()).collect();
    let title = indicator.title.clone();
    let breaks = break_indexes(indicator, &periods);
    let svg = render_line(&LineChart {
        breaks: breaks.clone(),
        id: format!("own-{}-{}", organization.id, indicator.id),
        title: format!("{title}: {} и округ", organization.short_name),
        unit: indicator.unit.clone(),
        decimals: indicator.decimals,
        periods: labels.clone(),
        series: series.clone(),
        targets: Vec::new(),
    })?;
    let rows = series_rows(&series, indicator.decimals);
    Some(Figure {
        note: None,
        subtitle: format!(
            "{}; {} — {}{}{}",
            unit_words(&indicator.unit),
            labels.first().cloned().unwrap_or_default(),
            labels.last().cloned().unwrap_or_default(),
            if own.averaged {
                format!(", в среднем {}", breakdown_words(indicator))
            } else {
                String::new()
            },
            method_note(indicator, &periods, &breaks)
        ),
        svg,
        table: DataTable {
            caption: format!(
                "Данные диаграммы «{title}»: {} и округ, {}",
                organization.short_name,
                unit_words(&indicator.unit)
            ),
            corner: "Территория".into(),
            columns: labels,
            rows,
        },
        title,
        csv_url: indicator_csv_url(model, indicator),
    })
}

/// One data-table row per line of a chart: its name, then its value in each column
/// («нет данных» where it has none).
fn series_rows(series: &[LineSeries], decimals: usize) -> Vec<DataRow> {
    series
        .iter()
        .map(|s| DataRow {
            label: s.name.clone(),
            cells: s
                .values
                .iter()
                .map(|v| v.map_or(NO_DATA.into(), |v| format_number(v, decimals)))
                .collect(),
        })
        .collect()
}
