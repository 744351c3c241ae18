//! Indicator pages: the list by direction, a page per direction and per indicator
//! (its charts come from `figures`), the cards other pages reuse, and the indicator
//! as CSV.

use std::collections::BTreeSet;

use serde::Serialize;

use super::figures::{figures, indicator_csv_url, Figure, NO_DATA};
use super::names::{breakdown_words, dim_words, place_name};
use crate::analyze::{Analysis, IndicatorSummary, Trend};
use crate::model::paths;
use crate::model::{Better, PeriodKind};
use crate::model::{Indicator, Model, Place};
use crate::numbers::{format_change_value, format_value};

/// An indicator as listed: its latest municipal value and where it is going.
#[derive(Debug, Serialize)]
pub(crate) struct IndicatorCard {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) unit: String,
    /// «2025», «2024/25»
    pub(crate) period: Option<String>,
    /// «8,3 %»
    pub(crate) value: Option<String>,
    /// «−0,8 п.п. к 2024»
    pub(crate) change: Option<String>,
    /// improved | worsened | unchanged
    pub(crate) trend: Option<&'static str>,
    /// «улучшение», «ухудшение», «без изменений»
    pub(crate) trend_label: Option<&'static str>,
    /// ↑ ↓ → : where the value moved (not whether that is good)
    pub(crate) arrow: Option<&'static str>,
    /// «Цель 2025: 7,0 %»
    pub(crate) target: Option<String>,
    /// Whether the target of the latest period is met.
    pub(crate) target_met: Option<bool>,
    /// The value is a mean over disaggregations.
    pub(crate) averaged: bool,
    /// «в среднем по предметам»: what the mean is over, in words.
    pub(crate) averaged_over: String,
    pub(crate) better: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct DirectionView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) description: Option<String>,
    pub(crate) indicators: Vec<IndicatorCard>,
    /// The direction's management cycle at `/msoko/<id>/`, when the site has one.
    pub(crate) cycle_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct TargetView {
    pub(crate) period: String,
    pub(crate) value: String,
    /// «достигнута», «не достигнута», «нет данных»
    pub(crate) state: &'static str,
    pub(crate) met: Option<bool>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndicatorView {
    #[serde(flatten)]
    pub(crate) card: IndicatorCard,
    pub(crate) description: Option<String>,
    pub(crate) method: Option<String>,
    /// «с 2024: … (источник)»: declared method changes, oldest first.
    pub(crate) method_changes: Vec<String>,
    pub(crate) source: Option<String>,
    /// «чем меньше, тем лучше»
    pub(crate) better_text: &'static str,
    /// «по календарным годам» / «по учебным годам»
    pub(crate) period_text: &'static str,
    pub(crate) direction: super::views::LinkView,
    pub(crate) csv_url: String,
    pub(crate) targets: Vec<TargetView>,
    pub(crate) figures: Vec<Figure>,
    /// Disaggregations («subject: русский язык, математика»), as written in the data.
    pub(crate) dims: Vec<String>,
    /// The direction's management cycle, when the site has that page.
    pub(crate) cycle_url: Option<String>,
    /// Management decisions that name this indicator, newest first.
    pub(crate) decisions: Vec<IndicatorDecisionView>,
}

/// A decision of the management cycle that names an indicator.
#[derive(Debug, Serialize)]
pub(crate) struct IndicatorDecisionView {
    pub(crate) year: i32,
    /// «Приказ от 20.09.2024 № 171-П»
    pub(crate) designation: String,
    /// The act as cited in a link: designation and title, or «Положение …,
    /// утверждённое приказом от … № …».
    pub(crate) citation: String,
    pub(crate) title: String,
    pub(crate) url: String,
    /// The decision's block on the chain page.
    pub(crate) chain_url: Option<String>,
}

/// The address of a direction's management cycle page, when the site has it (a
/// content page may not take it, but a site may have no cycle at all).
fn cycle_url(model: &Model, direction: usize) -> Option<String> {
    let path = paths::direction(&model.indicators.directions[direction].id);
    model
        .by_url
        .get(&path)
        .filter(|&&i| model.pages[i].data == crate::model::PageData::Cycle(direction))
        .map(|_| model.link(&path))
}

fn decisions_naming(model: &Model, index: usize) -> Vec<IndicatorDecisionView> {
    let mut found = Vec::new();
    // A decision filed under another direction may name this indicator too: its
    // block is on that direction's chain.
    for (direction, cycle) in model.cycle.directions.iter().enumerate() {
        let chain = cycle_url(model, direction);
        for (&year, own) in cycle.years.iter().rev() {
            for decision in own
                .decisions
                .iter()
                .filter(|d| d.indicators.contains(&index))
            {
                let page = &model.pages[decision.document];
                found.push(IndicatorDecisionView {
                    year,
                    designation: super::names::designation(model, decision.document),
                    citation: super::names::citation(model, decision.document),
                    title: page.title.clone(),
                    url: model.link(&page.url),
                    chain_url: chain.as_ref().map(|u| format!("{u}#decisions-{year}")),
                });
            }
        }
    }
    found.sort_by_key(|d| std::cmp::Reverse(d.year));
    found
}

fn better_word(better: Better) -> &'static str {
    match better {
        Better::Higher => "higher",
        Better::Lower => "lower",
    }
}

pub(crate) fn card(
    model: &Model,
    indicator: &Indicator,
    summary: &IndicatorSummary,
) -> IndicatorCard {
    let latest_target = summary
        .latest
        .and_then(|(period, _)| indicator.targets.range(period..).next())
        .or_else(|| indicator.targets.iter().next_back());
    IndicatorCard {
        id: indicator.id.clone(),
        title: indicator.title.clone(),
        url: model.link(&paths::indicator(&indicator.id)),
        unit: indicator.unit.clone(),
        period: summary.latest.map(|(p, _)| p.label()),
        value: summary
            .latest
            .map(|(_, v)| format_value(v, indicator.decimals, &indicator.unit)),
        change: match (summary.previous, summary.latest) {
            (Some((from_period, from)), Some((_, to))) => Some(format!(
                "{} к {}",
                format_change_value(to - from, indicator.decimals, &indicator.unit),
                from_period
            )),
            _ => None,
        },
        trend: summary.trend.map(|t| match t {
            Trend::Improved => "improved",
            Trend::Worsened => "worsened",
            Trend::Unchanged => "unchanged",
        }),
        trend_label: summary.trend.map(|t| match t {
            Trend::Improved => "улучшение",
            Trend::Worsened => "ухудшение",
            Trend::Unchanged => "без изменений",
        }),
        arrow: match (summary.previous, summary.latest, summary.trend) {
            (_, _, Some(Trend::Unchanged)) => Some("→"),
            (Some((_, from)), Some((_, to)), _) if to > from => Some("↑"),
            (Some(_), Some(_), _) => Some("↓"),
            _ => None,
        },
        target: latest_target.map(|(period, value)| {
            format!(
                "Цель {period}: {}",
                format_value(*value, indicator.decimals, &indicator.unit)
            )
        }),
        target_met: summary
            .latest
            .and_then(|(period, _)| summary.targets_met.get(&period).copied()),
        averaged: summary.headline.averaged,
        averaged_over: format!("в среднем {}", breakdown_words(indicator)),
        better: better_word(indicator.better),
    }
}

pub(crate) fn direction_view(model: &Model, analysis: &Analysis, index: usize) -> DirectionView {
    let direction = &model.indicators.directions[index];
    DirectionView {
        id: direction.id.clone(),
        title: direction.title.clone(),
        url: model.link(&paths::direction_indicators(&direction.id)),
        description: direction.description.clone(),
        cycle_url: cycle_url(model, index),
        indicators: direction
            .indicators
            .iter()
            .map(|&i| {
                card(
                    model,
                    &model.indicators.indicators[i],
                    &analysis.indicators[i],
                )
            })
            .collect(),
    }
}

pub(crate) fn indicator_view(model: &Model, analysis: &Analysis, index: usize) -> IndicatorView {
    let indicator = &model.indicators.indicators[index];
    let summary = &analysis.indicators[index];
    let direction = &model.indicators.directions[indicator.direction];
    let targets = indicator
        .targets
        .iter()
        .map(|(period, value)| {
            let met = summary.targets_met.get(period).copied();
            TargetView {
                period: period.label(),
                value: format_value(*value, indicator.decimals, &indicator.unit),
                state: match met {
                    Some(true) => "достигнута",
                    Some(false) => "не достигнута",
                    None => NO_DATA,
                },
                met,
            }
        })
        .collect();
    let dims = indicator
        .dims
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let values: BTreeSet<&str> = indicator
                .observations
                .iter()
                .map(|o| o.dims[i].as_str())
                .collect();
            format!(
                "{}: {}",
                dim_words(name),
                values.into_iter().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    IndicatorView {
        card: card(model, indicator, summary),
        description: indicator.description.clone(),
        method: indicator.method.clone(),
        method_changes: indicator
            .method_changes
            .iter()
            .map(|(period, c)| {
                format!(
                    "{}: {}{}. Значения до и после изменения не сравниваются, линия на диаграмме прервана",
                    period.since_words(),
                    c.what,
                    c.source
                        .as_ref()
                        .map_or(String::new(), |s| format!(" ({s})"))
                )
            })
            .collect(),
        source: indicator.source.clone(),
        better_text: match indicator.better {
            Better::Higher => "чем больше, тем лучше",
            Better::Lower => "чем меньше, тем лучше",
        },
        period_text: match indicator.period_kind {
            PeriodKind::Year => "по календарным годам",
            PeriodKind::SchoolYear => "по учебным годам",
        },
        direction: super::views::LinkView {
            title: direction.title.clone(),
            path: paths::direction_indicators(&direction.id),
            url: model.link(&paths::direction_indicators(&direction.id)),
        },
        csv_url: indicator_csv_url(model, indicator),
        targets,
        figures: figures(model, analysis, indicator),
        dims,
        cycle_url: cycle_url(model, indicator.direction),
        decisions: decisions_naming(model, index),
    }
}

/// The indicator as CSV: one row per value, with names and the target of the period.
pub(crate) fn indicator_csv(model: &Model, indicator: &Indicator) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header = vec!["year".to_string(), "org".into(), "org_name".into()];
    header.extend(indicator.dims.iter().cloned());
    if let Some(stack) = &indicator.stack {
        header.push(stack.clone());
    }
    header.extend(["value".to_string(), "unit".into(), "target".into()]);
    let _ = writer.write_record(&header);
    for o in &indicator.observations {
        let org = match o.place {
            Place::Municipality => "municipality".to_string(),
            Place::Region => "region".into(),
            Place::Russia => "russia".into(),
            Place::Org(i) => model.register.organizations[i].id.clone(),
        };
        let mut record = vec![o.period.label(), org, place_name(model, o.place)];
        record.extend(o.dims.iter().cloned());
        if indicator.stack.is_some() {
            record.push(o.part.clone().unwrap_or_default());
        }
        record.push(o.value.map_or(String::new(), |v| v.to_string()));
        record.push(indicator.unit.clone());
        let target = (o.place == Place::Municipality)
            .then(|| indicator.targets.get(&o.period))
            .flatten();
        record.push(target.map_or(String::new(), |t| t.to_string()));
        let _ = writer.write_record(&record);
    }
    writer.into_inner().unwrap_or_default()
}
