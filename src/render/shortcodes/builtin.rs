//! The built-in shortcodes, one function each, and theme shortcodes by template.
//! Each returns HTML (or text) or a problem in the author's words with a hint.

use std::collections::BTreeSet;

use serde::Serialize;
use tera::Context;

use super::context::{optional_text, text_arg, Fault, Shortcodes, Source};
use super::parse::{Arg, Call};
use crate::diagnostic::Message;
use crate::model::paths;
use crate::model::{Indicator, Period, Place};
use crate::model::{OrgFlag, OrgKind};
use crate::numbers::format_value;
use crate::render::figures::{figure_for, Chart, FigureRequest};
use crate::render::indicators::card;
use crate::render::{orgs, plans};
use crate::tr;

type Outcome = Result<String, Fault>;

const BUILT_IN: [&str; 8] = [
    "chart",
    "indicator_table",
    "kpi",
    "plan_summary",
    "org_list",
    "value",
    "assert",
    "ref",
];

pub(super) fn call(
    call: &Call,
    body: Option<&str>,
    source: &Source<'_>,
    sc: &Shortcodes<'_>,
) -> Outcome {
    match call.name.as_str() {
        "chart" => chart(call, source, sc),
        "indicator_table" => indicator_table(call, source, sc),
        "kpi" => kpi(call, sc),
        "plan_summary" => plan_summary(call, sc),
        "org_list" => org_list(call, sc),
        "value" => value(call, sc),
        "assert" => assert(call, sc).map(|()| String::new()),
        "ref" => reference(call, source, sc),
        name => theme_shortcode(name, call, body, sc),
    }
}

fn render(sc: &Shortcodes<'_>, name: &str, context: &Context) -> Outcome {
    sc.tera
        .render(&format!("shortcodes/{name}.html"), context)
        .map_err(|error| {
            Fault::new(
                tr!(
                    format!(
                        "шаблон шорткода «{name}» не сработал: {}",
                        crate::render::templates::error_chain(&error)
                    ),
                    format!(
                        "the template of shortcode “{name}” failed: {}",
                        crate::render::templates::error_chain(&error)
                    )
                ),
                tr!(
                    "проверьте шаблон templates/shortcodes/{name}.html темы",
                    "check the theme's template templates/shortcodes/{name}.html"
                ),
            )
        })
}

fn theme_shortcode(name: &str, call: &Call, body: Option<&str>, sc: &Shortcodes<'_>) -> Outcome {
    let template = format!("shortcodes/{name}.html");
    if !sc.tera.get_template_names().any(|t| t == template) {
        let mut known: BTreeSet<String> = BUILT_IN.iter().map(|s| s.to_string()).collect();
        known.extend(
            sc.tera
                .get_template_names()
                .filter_map(|t| t.strip_prefix("shortcodes/")?.strip_suffix(".html"))
                .filter(|t| !t.starts_with('_'))
                .map(str::to_string),
        );
        return Err(Fault::new(
            tr!("шорткода «{name}» нет", "there is no shortcode “{name}”"),
            tr!(
                format!(
                    "доступные шорткоды: {}",
                    known.iter().cloned().collect::<Vec<_>>().join(", ")
                ),
                format!(
                    "shortcodes available: {}",
                    known.iter().cloned().collect::<Vec<_>>().join(", ")
                )
            ),
        ));
    }
    let mut context = Context::new();
    for (key, arg) in &call.args {
        context.insert(key, &arg_value(arg));
    }
    let body_html = body.map(|markdown| {
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(markdown));
        html
    });
    context.insert("body", &body_html.unwrap_or_default());
    render(sc, name, &context)
}

fn arg_value(arg: &Arg) -> tera::Value {
    match arg {
        Arg::Text(t) => tera::Value::from(t.clone()),
        Arg::Number(n) => tera::Value::from(*n),
        Arg::Bool(b) => tera::Value::from(*b),
        Arg::List(items) => tera::Value::Array(items.iter().map(arg_value).collect()),
    }
}

/// Arguments other than `allowed` and the indicator's disaggregations are errors:
/// a misspelt `subjet=` must not be ignored silently.
fn check_args(call: &Call, allowed: &[&str], indicator: Option<&Indicator>) -> Result<(), Fault> {
    for key in call.args.keys() {
        let known = allowed.contains(&key.as_str())
            || indicator.is_some_and(|i| {
                i.dims.iter().any(|d| d == key) || i.stack.as_deref() == Some(key)
            });
        if !known {
            let mut names: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
            if let Some(i) = indicator {
                names.extend(i.dims.iter().cloned());
            }
            return Err(Fault::new(
                tr!(
                    format!("у шорткода «{}» нет аргумента «{key}»", call.name),
                    format!("shortcode “{}” has no argument “{key}”", call.name)
                ),
                tr!(
                    format!("допустимые аргументы: {}", names.join(", ")),
                    format!("allowed arguments: {}", names.join(", "))
                ),
            ));
        }
    }
    Ok(())
}

fn find_indicator<'a>(sc: &Shortcodes<'a>, call: &Call) -> Result<(usize, &'a Indicator), Fault> {
    let id = text_arg(call, "indicator")?;
    sc.model
        .indicators
        .indicators
        .iter()
        .enumerate()
        .find(|(_, i)| i.id == id)
        .ok_or_else(|| Message::unknown_indicator(&id).into())
}

/// The disaggregation the call asks for (`subject="математика"`), checked against
/// the values the data has.
fn slice_of(call: &Call, indicator: &Indicator, required: bool) -> Result<Vec<String>, Fault> {
    let mut slice = Vec::new();
    for (i, dim) in indicator.dims.iter().enumerate() {
        let present: BTreeSet<&str> = indicator
            .observations
            .iter()
            .map(|o| o.dims[i].as_str())
            .collect();
        match optional_text(call, dim) {
            Some(wanted) if present.contains(wanted.as_str()) => slice.push(wanted),
            Some(wanted) => {
                return Err(Fault::new(
                    tr!(
                        format!(
                            "у показателя «{}» нет значений с {dim}=\"{wanted}\"",
                            indicator.id
                        ),
                        format!(
                            "indicator “{}” has no values with {dim}=\"{wanted}\"",
                            indicator.id
                        )
                    ),
                    tr!(
                        format!(
                            "в данных есть: {}",
                            present.iter().copied().collect::<Vec<_>>().join(", ")
                        ),
                        format!(
                            "the data has: {}",
                            present.iter().copied().collect::<Vec<_>>().join(", ")
                        )
                    ),
                ))
            }
            None if required && !present.contains("") => {
                return Err(Fault::new(
                    tr!(
                        format!(
                            "у показателя «{}» есть разрез «{dim}»: укажите его",
                            indicator.id
                        ),
                        format!(
                            "indicator “{}” has the breakdown “{dim}”: give it",
                            indicator.id
                        )
                    ),
                    tr!(
                        format!(
                            "например {dim}=\"{}\"",
                            present.iter().next().copied().unwrap_or_default()
                        ),
                        format!(
                            "e.g. {dim}=\"{}\"",
                            present.iter().next().copied().unwrap_or_default()
                        )
                    ),
                ))
            }
            None => slice.push(String::new()),
        }
    }
    Ok(slice)
}

fn period_arg(call: &Call, name: &str, indicator: &Indicator) -> Result<Option<Period>, Fault> {
    optional_text(call, name)
        .map(|text| {
            Period::parse(&text, indicator.period_kind).map_err(|message| {
                Fault::new(
                    tr!(
                        format!("аргумент {name}: {}", message.ru),
                        format!("argument {name}: {}", message.en())
                    ),
                    tr!(
                        "год пишется как в данных показателя: 2025 или \"2024/25\"",
                        "write the year as in the indicator's data: 2025 or \"2024/25\""
                    ),
                )
            })
        })
        .transpose()
}

fn place_arg(call: &Call, sc: &Shortcodes<'_>, name: &str) -> Result<Option<Place>, Fault> {
    let Some(id) = optional_text(call, name) else {
        return Ok(None);
    };
    let place = match id.as_str() {
        "municipality" => Some(Place::Municipality),
        "region" => Some(Place::Region),
        "russia" => Some(Place::Russia),
        other => sc.model.register.by_id.get(other).map(|&i| Place::Org(i)),
    };
    place.map(Some).ok_or_else(|| {
        Fault::new(
            tr!(
                "организации «{id}» нет в реестре",
                "organisation “{id}” is not in the register"
            ),
            tr!(
                "укажите id из data/organizations.yaml или municipality, region, russia",
                "give an id from data/organizations.yaml or municipality, region, russia"
            ),
        )
    })
}

#[derive(Serialize)]
struct NumberView {
    word: &'static str,
    number: usize,
    id: String,
}

fn number_of(source: &Source<'_>, call: &Call, sc: &Shortcodes<'_>) -> Option<NumberView> {
    sc.numbering
        .by_call
        .get(&(source.url.to_string(), call.span.start))
        .map(|n| NumberView {
            word: n.kind.word(),
            number: n.number,
            id: n
                .label
                .clone()
                .unwrap_or_else(|| format!("{}-{}", n.kind.word().to_lowercase(), n.number)),
        })
}

fn chart(call: &Call, source: &Source<'_>, sc: &Shortcodes<'_>) -> Outcome {
    let (_, indicator) = find_indicator(sc, call)?;
    check_args(
        call,
        &["indicator", "by", "year", "label", "caption"],
        Some(indicator),
    )?;
    let by = optional_text(call, "by").unwrap_or_else(|| "year".into());
    let kind = match (indicator.stack.is_some(), by.as_str()) {
        (true, _) => Chart::Distribution,
        (false, "year") => Chart::Trend,
        (false, "org") => Chart::Orgs,
        (false, other) => {
            return Err(Fault::new(
                tr!(
                    "by=\"{other}\": такого вида диаграммы нет",
                    "by=\"{other}\": there is no such kind of chart"
                ),
                tr!(
                    "by=\"year\" — динамика по годам, by=\"org\" — сравнение организаций",
                    "by=\"year\" is the trend over years, by=\"org\" compares organisations"
                ),
            ))
        }
    };
    let mut request = FigureRequest::new(kind, format!("sc-{}-{}", indicator.id, call.span.start));
    request.slice = slice_of(call, indicator, kind != Chart::Distribution)?;
    request.period = period_arg(call, "year", indicator)?;
    let mut figure = figure_for(sc.model, sc.analysis, indicator, &request).ok_or_else(|| {
        Fault::new(
            tr!(
                format!("для диаграммы по показателю «{}» нет данных", indicator.id),
                format!(
                    "there is no data for a chart of indicator “{}”",
                    indicator.id
                )
            ),
            tr!(
                "проверьте год и разрез: за этот период в данных нет значений",
                "check the year and the breakdown: the data has no values for this period"
            ),
        )
    })?;
    if let Some(caption) = optional_text(call, "caption") {
        figure.title = caption;
    }
    let mut context = Context::new();
    context.insert("figure", &figure);
    context.insert("number", &number_of(source, call, sc));
    context.insert(
        "indicator_url",
        &sc.model.link(&paths::indicator(&indicator.id)),
    );
    render(sc, "chart", &context)
}

#[derive(Serialize)]
struct TableRow {
    title: String,
    url: String,
    unit: String,
    cells: Vec<String>,
}

fn indicator_table(call: &Call, source: &Source<'_>, sc: &Shortcodes<'_>) -> Outcome {
    check_args(
        call,
        &["direction", "indicators", "label", "caption", "years"],
        None,
    )?;
    let indicators = &sc.model.indicators;
    let chosen: Vec<usize> = match (call.args.get("direction"), call.args.get("indicators")) {
        (Some(direction), None) => {
            let id = direction.as_text().unwrap_or_default();
            let d = indicators.directions.iter().find(|d| d.id == id).ok_or_else(|| {
                Fault::new(tr!("направления «{id}» нет", "there is no direction “{id}”"), tr!("id направлений — в data/indicators/*.yaml (direction: id)", "direction ids are in data/indicators/*.yaml (direction: id)"))
            })?;
            d.indicators.clone()
        }
        (None, Some(Arg::List(ids))) => ids
            .iter()
            .map(|arg| {
                let id = arg.as_text().unwrap_or_default();
                indicators
                    .indicators
                    .iter()
                    .position(|i| i.id == id)
                    .ok_or_else(|| Fault::from(Message::unknown_indicator(&id)))
            })
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(Fault::new(
                tr!("укажите направление или список показателей", "give a direction or a list of indicators"),
                tr!("indicator_table(direction=\"podgotovka\") или indicator_table(indicators=[\"vpr-low\", \"ege-rus-mean\"])", "indicator_table(direction=\"podgotovka\") or indicator_table(indicators=[\"vpr-low\", \"ege-rus-mean\"])"),
            ))
        }
    };
    // Years as columns: the last five periods any of the indicators has.
    let years = match call.args.get("years") {
        Some(Arg::Number(n)) => *n as usize,
        _ => 5,
    };
    let summaries: Vec<_> = chosen
        .iter()
        .map(|&i| (&indicators.indicators[i], &sc.analysis.indicators[i]))
        .collect();
    let mut labels: BTreeSet<(i32, String)> = BTreeSet::new();
    for (_, summary) in &summaries {
        labels.extend(summary.headline.values.keys().map(|p| (p.year, p.label())));
    }
    let columns: Vec<(i32, String)> = labels
        .into_iter()
        .rev()
        .take(years)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let rows: Vec<TableRow> = summaries
        .iter()
        .map(|(indicator, summary)| TableRow {
            title: indicator.title.clone(),
            url: sc.model.link(&paths::indicator(&indicator.id)),
            unit: indicator.unit.clone(),
            cells: columns
                .iter()
                .map(|(_, label)| {
                    summary
                        .headline
                        .values
                        .iter()
                        .find(|(p, _)| &p.label() == label)
                        .map_or("—".to_string(), |(_, v)| {
                            crate::numbers::format_number(*v, indicator.decimals)
                        })
                })
                .collect(),
        })
        .collect();
    let mut context = Context::new();
    context.insert("rows", &rows);
    context.insert(
        "columns",
        &columns.iter().map(|(_, l)| l.clone()).collect::<Vec<_>>(),
    );
    context.insert(
        "caption",
        &optional_text(call, "caption").unwrap_or_else(|| "Показатели по округу".into()),
    );
    context.insert("number", &number_of(source, call, sc));
    render(sc, "indicator_table", &context)
}

fn kpi(call: &Call, sc: &Shortcodes<'_>) -> Outcome {
    let (index, indicator) = find_indicator(sc, call)?;
    check_args(call, &["indicator"], None)?;
    let mut context = Context::new();
    context.insert(
        "card",
        &card(sc.model, indicator, &sc.analysis.indicators[index]),
    );
    render(sc, "kpi", &context)
}

fn plan_summary(call: &Call, sc: &Shortcodes<'_>) -> Outcome {
    check_args(call, &["id"], None)?;
    let id = text_arg(call, "id")?;
    let index = sc
        .model
        .plans
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| {
            Fault::new(
                tr!("плана «{id}» нет", "there is no plan “{id}”"),
                tr!(
                    "id планов — в data/plans/*.yaml (поле id)",
                    "plan ids are in data/plans/*.yaml (the id field)"
                ),
            )
        })?;
    let mut context = Context::new();
    context.insert(
        "plan",
        &plans::summary_view(sc.model, &sc.model.plans[index], &sc.analysis.plans[index]),
    );
    render(sc, "plan_summary", &context)
}

fn org_list(call: &Call, sc: &Shortcodes<'_>) -> Outcome {
    check_args(call, &["flag", "kind"], None)?;
    let flag = match optional_text(call, "flag").as_deref() {
        None => None,
        Some("shnor") => Some(OrgFlag::Shnor),
        Some("shnsu") => Some(OrgFlag::Shnsu),
        Some(other) => {
            return Err(Fault::new(
                tr!("признака «{other}» нет", "there is no flag “{other}”"),
                tr!(
                    "flag=\"shnor\" или flag=\"shnsu\"",
                    "flag=\"shnor\" or flag=\"shnsu\""
                ),
            ))
        }
    };
    let kind = match optional_text(call, "kind").as_deref() {
        None => None,
        Some(text) => Some(
            OrgKind::ALL
                .into_iter()
                .find(|k| k.id() == text)
                .ok_or_else(|| {
                    Fault::new(
                        tr!("типа «{text}» нет", "there is no kind “{text}”"),
                        tr!(
                            "kind=\"school\", \"kindergarten\" или \"additional\"",
                            "kind=\"school\", \"kindergarten\" or \"additional\""
                        ),
                    )
                })?,
        ),
    };
    let mut members: Vec<_> = sc
        .model
        .register
        .organizations
        .iter()
        .filter(|o| {
            o.is_open()
                && flag.is_none_or(|f| o.flags.contains(&f))
                && kind.is_none_or(|k| o.kind == k)
        })
        .collect();
    members.sort_by_cached_key(|o| o.alphabetical_key());
    let list: Vec<_> = members
        .into_iter()
        .map(|o| orgs::summary_view(sc.model, o))
        .collect();
    let mut context = Context::new();
    context.insert("orgs", &list);
    render(sc, "org_list", &context)
}

/// The value of an indicator for a place, period and disaggregation.
fn lookup(
    call: &Call,
    sc: &Shortcodes<'_>,
    indicator: &Indicator,
    place: Place,
    period_arg_name: &str,
) -> Result<(Period, f64), Fault> {
    let slice = slice_of(call, indicator, true)?;
    let period = period_arg(call, period_arg_name, indicator)?;
    // A distribution's part: mark="«3»".
    let part = indicator
        .stack
        .as_deref()
        .and_then(|stack| optional_text(call, stack));
    if let (Some(stack), None) = (&indicator.stack, &part) {
        return Err(Fault::new(
            tr!(
                format!(
                    "у показателя «{}» значения разбиты по «{stack}»: укажите часть",
                    indicator.id
                ),
                format!(
                    "indicator “{}” splits its values by “{stack}”: give the part",
                    indicator.id
                )
            ),
            tr!(
                "например {stack}=\"…\" — как в столбце {stack} файла значений",
                "e.g. {stack}=\"…\", as in the column {stack} of the values file"
            ),
        ));
    }
    let found = indicator
        .observations
        .iter()
        .filter(|o| o.place == place && o.dims == slice && o.part == part)
        .filter(|o| period.is_none_or(|p| o.period == p))
        .filter_map(|o| Some((o.period, o.value?)))
        .next_back();
    found.ok_or_else(|| {
        let place = crate::render::names::place_name(sc.model, place);
        Fault::new(
            tr!(
                format!(
                    "у показателя «{}» нет значения для «{place}»{}",
                    indicator.id,
                    period.map_or(String::new(), |p| format!(" за {p}"))
                ),
                format!(
                    "indicator “{}” has no value for “{place}”{}",
                    indicator.id,
                    period.map_or(String::new(), |p| format!(" in {p}"))
                )
            ),
            tr!(
                "проверьте год, организацию и разрез: в данных такой строки нет",
                "check the year, the organisation and the breakdown: the data has no such row"
            ),
        )
    })
}

fn value(call: &Call, sc: &Shortcodes<'_>) -> Outcome {
    let (_, indicator) = find_indicator(sc, call)?;
    check_args(call, &["indicator", "org", "year"], Some(indicator))?;
    let place = place_arg(call, sc, "org")?.unwrap_or(Place::Municipality);
    let (_, value) = lookup(call, sc, indicator, place, "year")?;
    Ok(format_value(value, indicator.decimals, &indicator.unit))
}

fn assert(call: &Call, sc: &Shortcodes<'_>) -> Result<(), Fault> {
    let (_, indicator) = find_indicator(sc, call)?;
    check_args(
        call,
        &[
            "indicator",
            "org",
            "year",
            "trend",
            "from",
            "to",
            "above",
            "below",
        ],
        Some(indicator),
    )?;
    let place = place_arg(call, sc, "org")?.unwrap_or(Place::Municipality);
    match optional_text(call, "trend") {
        Some(trend) => assert_trend(call, sc, indicator, place, &trend),
        None => assert_comparison(call, sc, indicator, place),
    }
}

/// `trend="down"` between `from` and `to`: holds, and no method change lies between.
fn assert_trend(
    call: &Call,
    sc: &Shortcodes<'_>,
    indicator: &Indicator,
    place: Place,
    trend: &str,
) -> Result<(), Fault> {
    let show = |v: f64| format_value(v, indicator.decimals, &indicator.unit);
    let place_name = crate::render::names::place_name(sc.model, place);
    let (from_period, from) = lookup(call, sc, indicator, place, "from")?;
    let (to_period, to) = lookup(call, sc, indicator, place, "to")?;
    // A trend is never claimed across a declared method change (issue 20).
    let (lo, hi) = (from_period.min(to_period), from_period.max(to_period));
    if let Some((changed, change)) = indicator
        .method_changes
        .iter()
        .find(|(p, _)| **p > lo && **p <= hi)
    {
        return Err(Fault::new(
            tr!(
                format!(
                    "«{}»: между {from_period} и {to_period} изменилась методика расчёта (с {changed}: {}), значения до и после не сравниваются",
                    indicator.title, change.what
                ),
                format!(
                    "“{}”: the method changed between {from_period} and {to_period} (from {changed}: {}); values before and after are not compared",
                    indicator.title, change.what
                )
            ),
            tr!(
                format!("сравнивайте годы по одну сторону от {changed} или опишите изменение методики словами без проверки trend"),
                format!("compare years on one side of {changed}, or describe the method change in words without a trend check")
            ),
        ));
    }
    let holds = match trend {
        "down" => to < from,
        "up" => to > from,
        other => {
            return Err(Fault::new(
                tr!(
                    "trend=\"{other}\": ожидалось \"up\" или \"down\"",
                    "trend=\"{other}\": expected \"up\" or \"down\""
                ),
                tr!(
                    "trend=\"down\" — значение снизилось, trend=\"up\" — выросло",
                    "trend=\"down\" means the value fell, trend=\"up\" that it rose"
                ),
            ))
        }
    };
    if !holds {
        return Err(Fault::new(
            tr!(
                format!(
                    "утверждение в тексте не подтверждается данными: «{}» ({place_name}) за {from_period}–{to_period}: {} → {}, а в тексте — {}",
                    indicator.title,
                    show(from),
                    show(to),
                    if trend == "down" { "снижение" } else { "рост" }
                ),
                format!(
                    "the text is not borne out by the data: “{}” ({place_name}) {from_period}–{to_period}: {} → {}, but the text says {}",
                    indicator.title,
                    show(from),
                    show(to),
                    if trend == "down" { "a fall" } else { "a rise" }
                )
            ),
            tr!(
                "исправьте текст рядом с этой проверкой: данные изменились",
                "correct the text next to this check: the data has changed"
            ),
        ));
    }
    Ok(())
}

/// `above=`/`below=` a number, the target or another place, in `year`.
fn assert_comparison(
    call: &Call,
    sc: &Shortcodes<'_>,
    indicator: &Indicator,
    place: Place,
) -> Result<(), Fault> {
    let show = |v: f64| format_value(v, indicator.decimals, &indicator.unit);
    let place_name = crate::render::names::place_name(sc.model, place);
    let (period, value) = lookup(call, sc, indicator, place, "year")?;
    for (name, wants_above) in [("above", true), ("below", false)] {
        let Some(arg) = call.args.get(name) else {
            continue;
        };
        let (other, what) = comparand(call, sc, indicator, period, name, arg)?;
        let holds = if wants_above {
            value > other
        } else {
            value < other
        };
        if !holds {
            return Err(Fault::new(
                tr!(
                    format!(
                        "утверждение в тексте не подтверждается данными: «{}» ({place_name}, {period}) — {}, это не {} чем {}",
                        indicator.title,
                        show(value),
                        if wants_above { "больше," } else { "меньше," },
                        what.0
                    ),
                    format!(
                        "the text is not borne out by the data: “{}” ({place_name}, {period}) is {}, not {} than {}",
                        indicator.title,
                        show(value),
                        if wants_above { "more" } else { "less" },
                        what.1
                    )
                ),
                tr!(
                    "исправьте текст рядом с этой проверкой: данные изменились",
                    "correct the text next to this check: the data has changed"
                ),
            ));
        }
    }
    Ok(())
}

/// What `above=`/`below=` compares with, and how the message names it (Russian,
/// English).
fn comparand(
    call: &Call,
    sc: &Shortcodes<'_>,
    indicator: &Indicator,
    period: Period,
    name: &str,
    arg: &Arg,
) -> Result<(f64, (String, String)), Fault> {
    let show = |v: f64| format_value(v, indicator.decimals, &indicator.unit);
    Ok(match arg {
        Arg::Number(n) => (*n, (show(*n), show(*n))),
        Arg::Text(t) if t == "target" => {
            let target = *indicator.targets.get(&period).ok_or_else(|| {
                Fault::new(
                    tr!(
                        format!("у показателя «{}» нет цели на {period}", indicator.id),
                        format!("indicator “{}” has no target for {period}", indicator.id)
                    ),
                    tr!(
                        "укажите число или другой год",
                        "give a number or another year"
                    ),
                )
            })?;
            (
                target,
                (
                    format!("цель {}", show(target)),
                    format!("the target {}", show(target)),
                ),
            )
        }
        Arg::Text(t) => {
            let other_place = match t.as_str() {
            "municipality" => Place::Municipality,
            "region" => Place::Region,
            "russia" => Place::Russia,
            id => sc.model.register.by_id.get(id).map(|&i| Place::Org(i)).ok_or_else(|| {
                Fault::new(tr!("«{id}»: нет такой организации", "“{id}”: there is no such organisation"), tr!("сравнение: число, \"target\", \"region\", \"russia\" или id организации", "compare with a number, \"target\", \"region\", \"russia\" or an organisation id"))
            })?,
        };
            let mut same_period = call.clone();
            same_period
                .args
                .insert("year".into(), Arg::Text(period.label()));
            let (_, v) = lookup(&same_period, sc, indicator, other_place, "year")?;
            let shown = format!(
                "{} ({})",
                show(v),
                crate::render::names::place_name(sc.model, other_place)
            );
            (v, (shown.clone(), shown))
        }
        _ => {
            return Err(Fault::new(
                tr!(
                    "{name}: ожидалось число или текст",
                    "{name}: expected a number or text"
                ),
                tr!(
                    "например below=7.0 или above=\"region\"",
                    "e.g. below=7.0 or above=\"region\""
                ),
            ))
        }
    })
}

fn reference(call: &Call, source: &Source<'_>, sc: &Shortcodes<'_>) -> Outcome {
    check_args(call, &["label"], None)?;
    let label = text_arg(call, "label")?;
    let number = sc.numbering.by_label.get(&label).ok_or_else(|| {
        Fault::new(
            tr!(
                "рисунка или таблицы с меткой «{label}» нет",
                "there is no figure or table labelled “{label}”"
            ),
            tr!(
                "метка задаётся в шорткоде диаграммы или таблицы: chart(…, label=\"fig-vpr\")",
                "a label is set in a chart or table shortcode: chart(…, label=\"fig-vpr\")"
            ),
        )
    })?;
    let href = if number.url == source.url {
        format!("#{label}")
    } else {
        format!("{}#{label}", sc.model.link(&number.url))
    };
    Ok(format!(
        "<a href=\"{href}\">{} {}</a>",
        number.kind.word().to_lowercase(),
        number.number
    ))
}
