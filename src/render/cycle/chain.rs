//! `/msoko/<direction>/`: one direction's chain top to bottom, with each decision's
//! indicators before and after it against the benchmark (`Analysis::effects`).

use serde::Serialize;

use super::super::figures::{trend_figures, Figure};
use super::super::indicators::{card, IndicatorCard};
use super::super::names::{self, breakdown_words, place_name};
use super::super::views::LinkView;
use super::cells::{cells, CellView};
use crate::analyze::{Analysis, Trend};
use crate::model::paths;
use crate::model::PeriodKind;
use crate::model::{Addressee, Decision, Model, Period, Place, Stage};
use crate::numbers::{format_change_value, format_value};

/// The wording every effect block carries.
pub(crate) const NOT_PROOF: &str = "изменение после решения, не доказательство его действия";

#[derive(Debug, Serialize)]
pub(crate) struct ChainView {
    pub(crate) id: String,
    pub(crate) indicators_url: String,
    pub(crate) matrix_url: String,
    pub(crate) goals: Vec<String>,
    pub(crate) tasks: Vec<String>,
    pub(crate) methods: Vec<MethodView>,
    pub(crate) indicators: Vec<ChainIndicatorView>,
    pub(crate) current: i32,
    /// The links of `current`, for the summary at the top.
    pub(crate) links: Vec<CellView>,
    pub(crate) years: Vec<YearView>,
    pub(crate) plan_items: Vec<PlanItemView>,
    pub(crate) not_proof: &'static str,
}

/// An indicator of the direction: its card (latest value, trend, target) and the
/// same trend charts as its own page.
#[derive(Debug, Serialize)]
pub(crate) struct ChainIndicatorView {
    pub(crate) card: IndicatorCard,
    pub(crate) figures: Vec<Figure>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MethodView {
    pub(crate) procedure: String,
    pub(crate) source: Option<String>,
    pub(crate) schedule: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct YearView {
    pub(crate) year: i32,
    pub(crate) monitoring: bool,
    /// Indicators of the direction without a value for the year.
    pub(crate) unmeasured: Vec<LinkView>,
    pub(crate) analysis: Vec<LinkView>,
    pub(crate) recommendations: Vec<RecommendationView>,
    pub(crate) decisions: Vec<DecisionView>,
    pub(crate) effect: Option<EffectNoteView>,
    /// Labels of the links missing this year.
    pub(crate) missing: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct RecommendationView {
    /// Organisations (with a link) and groups (without).
    pub(crate) to: Vec<AddresseeView>,
    pub(crate) text: String,
    pub(crate) link: Option<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct AddresseeView {
    pub(crate) name: String,
    pub(crate) url: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct DecisionView {
    /// «Приказ от 30.08.2024 № 148-П»
    pub(crate) designation: String,
    /// How the act is cited in its link (see `names::citation`).
    pub(crate) citation: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) orgs: Vec<AddresseeView>,
    pub(crate) effects: Vec<IndicatorEffectView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct IndicatorEffectView {
    pub(crate) title: String,
    pub(crate) url: String,
    /// «2024: 10,0 %»
    pub(crate) before: String,
    /// «2025: 7,0 %»; `None`: no data after the decision yet.
    pub(crate) after: Option<String>,
    /// «−3,0 п.п.»
    pub(crate) change: Option<String>,
    /// «Регион: 9,0 % → 8,5 % (−0,5 п.п.)»
    pub(crate) benchmark: Option<String>,
    /// «в регионе» / «в среднем по России»: what the change is compared with.
    pub(crate) compared_with: Option<&'static str>,
    /// «2025/26: 38,4 %»: the latest value, later than `after`, shown without a verdict.
    pub(crate) latest: Option<String>,
    /// better | worse | same — against the benchmark.
    pub(crate) verdict: Option<&'static str>,
    /// The sentence a reader sees.
    pub(crate) text: String,
    pub(crate) figures: Vec<Figure>,
}

#[derive(Debug, Serialize)]
pub(crate) struct EffectNoteView {
    pub(crate) conclusion: String,
    pub(crate) link: Option<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PlanItemView {
    pub(crate) stage: &'static str,
    pub(crate) no: String,
    pub(crate) title: String,
    /// The item's row on the plan's page.
    pub(crate) url: String,
    /// «Сроки» as written.
    pub(crate) due: Option<String>,
    /// The status on the `--as-of` date: word and code (for the badge's style).
    pub(crate) status: &'static str,
    pub(crate) status_code: &'static str,
    pub(crate) plan: LinkView,
}

fn page_link(model: &Model, page: usize) -> LinkView {
    let p = &model.pages[page];
    LinkView {
        title: p.title.clone(),
        path: p.url.clone(),
        url: model.link(&p.url),
    }
}

fn org_view(model: &Model, org: usize) -> AddresseeView {
    let o = &model.register.organizations[org];
    AddresseeView {
        name: o.short_name.clone(),
        url: Some(model.link(&paths::org(&o.id))),
    }
}

pub(crate) fn chain_view(model: &Model, analysis: &Analysis, direction: usize) -> ChainView {
    let d = &model.indicators.directions[direction];
    let own = &model.cycle.directions[direction];
    let current = model.cycle_year();
    let years = model
        .cycle
        .years(current)
        .into_iter()
        .chain(own.years.keys().copied())
        .collect::<std::collections::BTreeSet<i32>>()
        .into_iter()
        .rev()
        .map(|year| year_view(model, analysis, direction, year))
        .collect();
    ChainView {
        id: d.id.clone(),
        indicators_url: model.link(&paths::direction_indicators(&d.id)),
        matrix_url: model.link("/msoko/"),
        goals: own.goals.clone(),
        tasks: own.tasks.clone(),
        methods: own
            .methods
            .iter()
            .map(|m| MethodView {
                procedure: m.procedure.clone(),
                source: m.source.clone(),
                schedule: m.schedule.clone(),
            })
            .collect(),
        indicators: d
            .indicators
            .iter()
            .map(|&i| {
                let indicator = &model.indicators.indicators[i];
                ChainIndicatorView {
                    card: card(model, indicator, &analysis.indicators[i]),
                    figures: trend_figures(model, indicator, "course"),
                }
            })
            .collect(),
        current,
        links: cells(model, direction, current),
        years,
        plan_items: plan_items(model, analysis, &d.id),
        not_proof: NOT_PROOF,
    }
}

fn year_view(model: &Model, analysis: &Analysis, direction: usize, year: i32) -> YearView {
    let links = model
        .cycle
        .links(&model.indicators, &model.pages, direction, year);
    let present = |stage: Stage| {
        links
            .iter()
            .any(|l| l.stage == stage && l.evidence.is_some())
    };
    let empty = Default::default();
    let own = model.cycle.directions[direction]
        .years
        .get(&year)
        .unwrap_or(&empty);
    YearView {
        year,
        monitoring: present(Stage::Monitoring),
        unmeasured: model.indicators.directions[direction]
            .indicators
            .iter()
            .map(|&i| &model.indicators.indicators[i])
            .filter(|indicator| !crate::model::measured_in(indicator, year))
            .map(|indicator| {
                let path = paths::indicator(&indicator.id);
                LinkView {
                    title: indicator.title.clone(),
                    url: model.link(&path),
                    path,
                }
            })
            .collect(),
        analysis: own.analysis.iter().map(|&p| page_link(model, p)).collect(),
        recommendations: own
            .recommendations
            .iter()
            .map(|r| RecommendationView {
                to: r
                    .to
                    .iter()
                    .map(|a| match *a {
                        Addressee::Org(org) => org_view(model, org),
                        Addressee::Group(label) => AddresseeView {
                            name: label.into(),
                            url: None,
                        },
                    })
                    .collect(),
                text: r.text.clone(),
                link: r.link.map(|p| page_link(model, p)),
            })
            .collect(),
        decisions: own
            .decisions
            .iter()
            .map(|d| decision_view(model, analysis, d, year))
            .collect(),
        effect: own.effect.as_ref().map(|e| EffectNoteView {
            conclusion: e.conclusion.clone(),
            link: e.link.map(|p| page_link(model, p)),
        }),
        missing: links
            .iter()
            .filter(|l| l.evidence.is_none())
            .map(|l| l.stage.label())
            .collect(),
    }
}

fn decision_view(
    model: &Model,
    analysis: &Analysis,
    decision: &Decision,
    year: i32,
) -> DecisionView {
    let page = &model.pages[decision.document];
    let year = decision.year(&model.pages, year);
    let act_slug = page
        .url
        .trim_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    DecisionView {
        designation: names::designation(model, decision.document),
        citation: names::citation(model, decision.document),
        title: page.title.clone(),
        url: model.link(&page.url),
        orgs: decision.orgs.iter().map(|&o| org_view(model, o)).collect(),
        effects: decision
            .indicators
            .iter()
            .map(|&i| effect_view(model, analysis, i, year, &act_slug))
            .collect(),
    }
}

/// `act` names the decision in the figure's id: two acts of one year may name the
/// same indicator, and each block has its own chart.
fn effect_view(
    model: &Model,
    analysis: &Analysis,
    index: usize,
    year: i32,
    act: &str,
) -> IndicatorEffectView {
    let indicator = &model.indicators.indicators[index];
    let value = |v: f64| format_value(v, indicator.decimals, &indicator.unit);
    let change = |v: f64| format_change_value(v, indicator.decimals, &indicator.unit);
    let effect = analysis.effects.get(&(index, year));
    let mut view = IndicatorEffectView {
        title: indicator.title.clone(),
        url: model.link(&paths::indicator(&indicator.id)),
        before: String::new(),
        after: None,
        change: None,
        benchmark: None,
        compared_with: None,
        latest: None,
        verdict: None,
        text: format!("Нет значения показателя за {year} год или раньше: сравнить не с чем."),
        figures: Vec::new(),
    };
    let Some(effect) = effect else {
        return view;
    };
    view.before = format!("{}: {}", effect.before.0, value(effect.before.1));
    let Some((after_period, after)) = effect.after else {
        view.text = format!(
            "Данных после решения пока нет (последнее значение — {}); о результате говорить рано.",
            for_period(effect.before.0)
        );
        return view;
    };
    view.after = Some(format!("{after_period}: {}", value(after)));
    view.latest = effect
        .latest
        .map(|(period, v)| format!("{period}: {}", value(v)));
    view.change = Some(change(after - effect.before.1));
    view.benchmark = effect.benchmark.as_ref().map(|b| {
        format!(
            "{}: {} → {} ({})",
            place_name(model, b.place),
            value(b.before),
            value(b.after),
            change(b.after - b.before)
        )
    });
    let own = match effect.trend {
        Some(Trend::Improved) => "улучшился",
        Some(Trend::Worsened) => "ухудшился",
        _ => "не изменился",
    };
    let compared_with = effect.benchmark.as_ref().map(|b| match b.place {
        Place::Russia => "в среднем по России",
        _ => "в регионе",
    });
    view.compared_with = compared_with;
    view.verdict = effect.against_benchmark.map(|t| match t {
        Trend::Improved => "better",
        Trend::Worsened => "worse",
        Trend::Unchanged => "same",
    });
    let next = in_period(after_period);
    let place = compared_with.unwrap_or("");
    view.text = match effect.against_benchmark {
        Some(Trend::Improved) => {
            format!("{next} показатель округа {own}, и его изменение лучше, чем {place}.")
        }
        Some(Trend::Worsened) => {
            format!("{next} показатель округа {own}, и его изменение хуже, чем {place}.")
        }
        Some(Trend::Unchanged) => format!(
            "{next} показатель округа {own}; его изменение такое же, как {place} (разница в пределах округления)."
        ),
        None => format!("{next} показатель округа {own}; значений для сравнения нет."),
    };
    // A method change between the two values: no verdict, and say why.
    if let Some((period, change)) = indicator
        .method_changes
        .iter()
        .find(|(p, _)| **p > effect.before.0 && **p <= after_period)
    {
        view.change = None;
        view.text = format!(
            "{next} показатель рассчитывается по изменённой методике ({}: {}), поэтому его значения до и после решения не сравниваются.",
            period.since_words(),
            change.what
        );
    }
    view.text = crate::text::capitalize(&view.text);
    if effect.averaged {
        let parts: std::collections::BTreeSet<String> = indicator
            .observations
            .iter()
            .filter(|o| o.place == Place::Municipality)
            .map(|o| o.dims.join(", "))
            .collect();
        view.text.push_str(&format!(
            " Значения — среднее {} ({}); каждое из них — на диаграммах ниже и на странице показателя.",
            breakdown_words(indicator),
            parts.into_iter().collect::<Vec<_>>().join("; ")
        ));
    }
    view.figures = trend_figures(model, indicator, &format!("effect-{act}-{year}"));
    view
}

/// Plan items that say they feed a link of this direction's chain.
fn plan_items(model: &Model, analysis: &Analysis, direction: &str) -> Vec<PlanItemView> {
    let mut items = Vec::new();
    for (p, plan) in model.plans.iter().enumerate() {
        for item in plan.items() {
            let Some(cycle) = &item.cycle else {
                continue;
            };
            if cycle.direction != direction {
                continue;
            }
            let status = analysis.plans[p].statuses[item.key];
            items.push(PlanItemView {
                stage: cycle.stage.map_or("", Stage::label),
                no: item.no.clone(),
                title: item.title.clone(),
                url: model.link(&paths::plan_item(&plan.id, &item.anchor())),
                due: item.due_text.clone(),
                status: status.label(),
                status_code: status.id(),
                plan: LinkView {
                    title: plan.title.clone(),
                    path: paths::plan(&plan.id),
                    url: model.link(&paths::plan(&plan.id)),
                },
            });
        }
    }
    items
}

/// «в 2025 году» / «в 2025/26 учебном году».
fn in_period(period: Period) -> String {
    match period.kind {
        PeriodKind::SchoolYear => format!("в {period} учебном году"),
        PeriodKind::Year => format!("в {period} году"),
    }
}

/// «за 2025 год» / «за 2025/26 учебный год».
fn for_period(period: Period) -> String {
    match period.kind {
        PeriodKind::SchoolYear => format!("за {period} учебный год"),
        PeriodKind::Year => format!("за {period} год"),
    }
}
