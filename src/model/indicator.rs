//! Indicators of МСОКО by direction, with their values, validated: every value has a
//! known place, a period of the indicator's kind, a number; no value twice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::organization::{Register, AGGREGATES};
use super::period::Period;
use crate::diagnostic::{Diagnostic, Diagnostics, Message, WithHint};
use crate::load::{IndicatorSources, RawIndicator, ValuesFile};
use crate::model::{Better, PeriodKind};
use crate::tr;

#[derive(Debug, Clone)]
pub(crate) struct Direction {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) weight: i64,
    pub(crate) description: Option<String>,
    /// Indices into `Indicators::indicators`, in file order.
    pub(crate) indicators: Vec<usize>,
    pub(crate) file: PathBuf,
}

#[derive(Debug, Clone)]
pub(crate) struct Indicator {
    pub(crate) id: String,
    pub(crate) direction: usize,
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) unit: String,
    pub(crate) better: Better,
    /// Whether an organisation gets «выше / ниже, чем по округу» or a plain fact.
    pub(crate) compare: crate::model::Compare,
    pub(crate) period_kind: PeriodKind,
    pub(crate) decimals: usize,
    pub(crate) method: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) targets: BTreeMap<Period, f64>,
    /// Declared method changes, by the first period computed the new way: values
    /// on either side are not compared (no trend, a break in the line).
    pub(crate) method_changes: BTreeMap<Period, MethodChange>,
    /// For a distribution: the column whose values are the stacked parts.
    pub(crate) stack: Option<String>,
    /// Disaggregation columns (`subject`, `grade`…), in CSV order.
    pub(crate) dims: Vec<String>,
    pub(crate) observations: Vec<Observation>,
    /// Files the indicator comes from (metadata, then values), for page dates.
    pub(crate) files: Vec<PathBuf>,
}

/// A change of an indicator's method (issue 20: a break in a series).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MethodChange {
    pub(crate) what: String,
    pub(crate) source: Option<String>,
}

impl Indicator {
    /// Whether a method change lies between two periods (`from` < change ≤ `to`):
    /// then the two values are not comparable and no trend is drawn between them.
    pub(crate) fn breaks_between(&self, from: Period, to: Period) -> bool {
        let (from, to) = if from <= to { (from, to) } else { (to, from) };
        self.method_changes
            .range(..=to)
            .any(|(period, _)| *period > from)
    }
}

/// Where a value was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    Municipality,
    Region,
    Russia,
    /// An organisation, by index in the register.
    Org(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Observation {
    pub(crate) period: Period,
    pub(crate) place: Place,
    /// `None`: the row says there is no data.
    pub(crate) value: Option<f64>,
    /// Values of `Indicator::dims`, in order.
    pub(crate) dims: Vec<String>,
    /// The stacked part (a mark «2»…«5»), for a distribution.
    pub(crate) part: Option<String>,
    /// The group the share is of (participants, pupils), from the optional `n`
    /// column: with it a comparison can tell a clear difference from chance.
    pub(crate) n: Option<u32>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Indicators {
    pub(crate) directions: Vec<Direction>,
    pub(crate) indicators: Vec<Indicator>,
}

pub(crate) fn resolve_indicators(
    sources: IndicatorSources,
    register: &Register,
    as_of: NaiveDate,
    diagnostics: &mut Diagnostics,
) -> Indicators {
    let mut out = Indicators::default();
    let mut ids: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    let mut direction_ids: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut values: BTreeMap<String, ValuesFile> = sources
        .values
        .into_iter()
        .map(|v| (v.indicator.clone(), v))
        .collect();

    for source in sources.directions {
        let raw = source.content.direction;
        let file = source.file.clone();
        if !is_id(&raw.id) {
            diagnostics.push(bad_id(
                &file,
                &raw.id,
                source.positions.line("direction.id").unwrap_or(1),
            ));
            continue;
        }
        if let Some(other) = direction_ids.insert(raw.id.clone(), file.clone()) {
            let line = source.positions.line("direction.id").unwrap_or(1);
            diagnostics.push(duplicate_direction(&file, &raw.id, &other, line));
            continue;
        }
        let direction = out.directions.len();
        out.directions.push(Direction {
            id: raw.id,
            title: raw.title.0,
            weight: raw.weight.unwrap_or(i64::MAX),
            description: raw.description.map(|t| t.0),
            indicators: Vec::new(),
            file: file.clone(),
        });
        for (entry, indicator) in source.content.indicators.into_iter().enumerate() {
            if !is_id(&indicator.id) {
                diagnostics.push(bad_id(&file, &indicator.id, indicator.line));
                continue;
            }
            if let Some((other, line)) = ids.get(&indicator.id) {
                diagnostics.push(duplicate_indicator(&file, &indicator, other, *line));
                continue;
            }
            ids.insert(indicator.id.clone(), (file.clone(), indicator.line));
            let values_file = values.remove(&indicator.id);
            check_indicator_texts(
                &indicator,
                entry,
                &file,
                (&source.text, &source.positions),
                diagnostics,
            );
            if let Some(resolved) = resolve_indicator(
                indicator,
                direction,
                &file,
                values_file,
                register,
                as_of,
                diagnostics,
            ) {
                out.directions[direction]
                    .indicators
                    .push(out.indicators.len());
                out.indicators.push(resolved);
            }
        }
    }
    check_leftovers(&ids, &direction_ids, values, diagnostics);
    out.directions
        .sort_by(|a, b| a.weight.cmp(&b.weight).then(a.title.cmp(&b.title)));
    // Directions moved: point indicators at their new positions.
    for (position, direction) in out.directions.iter().enumerate() {
        for &i in &direction.indicators {
            out.indicators[i].direction = position;
        }
    }
    out
}

/// Two direction files with one id.
fn duplicate_direction(file: &Path, id: &str, other: &std::path::Path, line: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        tr!(
            format!("направление «{}» уже описано в {}", id, other.display()),
            format!(
                "direction “{}” is already described in {}",
                id,
                other.display()
            )
        ),
    )
    .at_line(line)
    .hint(tr!(
        "у каждого направления свой файл и свой id",
        "each direction has its own file and its own id"
    ))
}

/// Two indicators with one id; `other` and `line` are where the first one is.
fn duplicate_indicator(
    file: &Path,
    indicator: &RawIndicator,
    other: &std::path::Path,
    line: usize,
) -> Diagnostic {
    Diagnostic::error(
        file,
        tr!(
            format!(
                "показатель «{}» уже описан: {}:{line}",
                indicator.id,
                other.display()
            ),
            format!(
                "indicator “{}” is already described: {}:{line}",
                indicator.id,
                other.display()
            )
        ),
    )
    .at_line(indicator.line)
    .hint(tr!(
        "id показателя должен быть единственным на сайте",
        "an indicator id must be unique on the site"
    ))
}

/// Checks the texts of an indicator as those of every page.
fn check_indicator_texts(
    indicator: &RawIndicator,
    entry: usize,
    file: &std::path::Path,
    (text, positions): (&str, &crate::yaml::Positions),
    diagnostics: &mut Diagnostics,
) {
    let texts = [
        ("title", Some(&indicator.title)),
        ("description", indicator.description.as_ref()),
        ("method", indicator.method.as_ref()),
        ("source", indicator.source.as_ref()),
    ];
    for (key, value) in texts {
        if let Some(value) = value {
            let line = positions
                .line(&format!("indicators[{entry}].{key}"))
                .unwrap_or(indicator.line);
            super::text_checks::check_text(file, (text, 1), line, &value.0, diagnostics);
        }
    }
}

/// An indicator id that is also a direction's, and values of no indicator.
fn check_leftovers(
    ids: &BTreeMap<String, (PathBuf, usize)>,
    direction_ids: &BTreeMap<String, PathBuf>,
    values: BTreeMap<String, ValuesFile>,
    diagnostics: &mut Diagnostics,
) {
    for (id, (file, line)) in ids {
        if direction_ids.contains_key(id) {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    tr!(
                        "id показателя «{id}» совпадает с id направления",
                        "indicator id “{id}” is the same as a direction id"
                    ),
                )
                .at_line(*line)
                .hint(tr!(
                    "у показателя и направления адреса /indicators/<id>/ — id должны различаться",
                    "indicators and directions both live at /indicators/<id>/, so their ids must differ"
                )),
            );
        }
    }
    for (id, file) in values {
        diagnostics.push(
            Diagnostic::error(&file.file, Message::values_of_unknown_indicator(&id)).at_line(1),
        );
    }
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn bad_id(file: &PathBuf, id: &str, line: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        tr!(
            "id «{id}» содержит недопустимые символы",
            "id “{id}” contains characters that are not allowed"
        ),
    )
    .at_line(line)
    .hint(tr!(
        "id пишется латиницей, строчными буквами, цифрами и дефисами: vpr-low",
        "an id is written in lowercase Latin letters, digits and hyphens: vpr-low"
    ))
}

fn resolve_indicator(
    raw: RawIndicator,
    direction: usize,
    file: &Path,
    values_file: Option<ValuesFile>,
    register: &Register,
    as_of: NaiveDate,
    diagnostics: &mut Diagnostics,
) -> Option<Indicator> {
    let kind = raw.period;
    let targets = indicator_targets(&raw, file, diagnostics);
    let method_changes = indicator_method_changes(&raw, file, diagnostics);
    let mut indicator = Indicator {
        id: raw.id.clone(),
        direction,
        title: raw.title.0,
        description: raw.description.map(|t| t.0),
        unit: raw.unit.0,
        better: raw.better,
        compare: raw.compare,
        period_kind: kind,
        decimals: raw.decimals.unwrap_or(1),
        method: raw.method.map(|t| t.0),
        source: raw.source.map(|t| t.0),
        targets,
        method_changes,
        stack: raw.stack.clone(),
        dims: Vec::new(),
        observations: Vec::new(),
        files: vec![file.to_path_buf()],
    };
    let mut seen = SeenRows::new();
    if let Some(inline) = raw.values {
        read_inline_values(
            &mut indicator,
            inline,
            (file, raw.line),
            register,
            as_of,
            diagnostics,
        );
    }
    if let Some(values) = values_file {
        read_rows(
            &mut indicator,
            &values,
            register,
            as_of,
            &mut seen,
            diagnostics,
        );
        warn_of_many_slices(&indicator, &values.file, diagnostics);
        indicator.files.push(values.file);
    }
    if indicator.observations.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                file,
                tr!(
                    format!("у показателя «{}» нет значений", raw.id),
                    format!("indicator “{}” has no values", raw.id)
                ),
            )
            .at_line(raw.line)
            .hint(tr!(
                format!("положите значения в data/values/{}.csv (столбцы year,org,value) или запишите их в values", raw.id),
                format!("put the values in data/values/{}.csv (columns year,org,value) or write them under values", raw.id)
            )),
        );
        return None;
    }
    indicator.observations.sort_by(|a, b| {
        (a.period, a.place, &a.dims, &a.part).cmp(&(b.period, b.place, &b.dims, &b.part))
    });
    Some(indicator)
}

/// The targets of an indicator by period.
fn indicator_targets(
    raw: &RawIndicator,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<Period, f64> {
    let kind = raw.period;
    let mut targets = BTreeMap::new();
    for (key, value) in &raw.targets {
        match Period::parse(&key.0, kind) {
            Ok(period) => {
                targets.insert(period, *value);
            }
            Err(message) => diagnostics.push(
                Diagnostic::error(
                    file,
                    tr!(
                        format!("цель показателя «{}»: {}", raw.id, message.ru),
                        format!("target of indicator “{}”: {}", raw.id, message.en())
                    ),
                )
                .at_line(raw.line)
                .hint(tr!(
                    "цели записываются так: targets: {{2025: 7.0, 2026: 6.0}}",
                    "targets are written like this: targets: {{2025: 7.0, 2026: 6.0}}"
                )),
            ),
        }
    }
    targets
}

/// The changes of an indicator's method by the period they take effect in.
fn indicator_method_changes(
    raw: &RawIndicator,
    file: &Path,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<Period, MethodChange> {
    let kind = raw.period;
    let mut method_changes = BTreeMap::new();
    for change in &raw.method_changes {
        match Period::parse(&change.year.0, kind) {
            Ok(period) => {
                method_changes.insert(
                    period,
                    MethodChange {
                        what: change.what.0.clone(),
                        source: change.source.as_ref().map(|t| t.0.clone()),
                    },
                );
            }
            Err(message) => diagnostics.push(
                Diagnostic::error(
                    file,
                    tr!(
                        format!("изменение методики показателя «{}»: {}", raw.id, message.ru),
                        format!(
                            "method change of indicator “{}”: {}",
                            raw.id,
                            message.en()
                        )
                    ),
                )
                .at_line(raw.line)
                .hint(tr!(
                    "изменение методики записывается так: method_changes: [{{year: 2024, what: \"что изменилось\", source: \"документ\"}}]",
                    "a method change is written like this: method_changes: [{{year: 2024, what: \"what changed\", source: \"document\"}}]"
                )),
            ),
        }
    }
    method_changes
}

/// The values written in the indicator's own file (`values:`), place by place.
fn read_inline_values(
    indicator: &mut Indicator,
    inline: BTreeMap<String, BTreeMap<crate::yaml::Text, Option<f64>>>,
    (file, line): (&Path, usize),
    register: &Register,
    as_of: NaiveDate,
    diagnostics: &mut Diagnostics,
) {
    let kind = indicator.period_kind;
    for (place_id, by_period) in inline {
        let Some(place) = place_of(&place_id, register) else {
            diagnostics.push(unknown_place(file, &place_id, line));
            continue;
        };
        for (period, value) in by_period {
            match Period::parse(&period.0, kind) {
                Ok(period) => {
                    if let Some((message, hint, _)) =
                        implausible(indicator, period, value, as_of)
                    {
                        diagnostics.push(
                            Diagnostic::error(file, message)
                                .at_line(line)
                                .hint(hint),
                        );
                        continue;
                    }
                    indicator.observations.push(Observation {
                        period,
                        place,
                        value,
                        dims: Vec::new(),
                        part: None,
                        n: None,
                    });
                }
                Err(message) => {
                    diagnostics.push(
                        Diagnostic::error(file, message)
                            .at_line(line)
                            .hint(tr!(
                "год пишется четырьмя цифрами (2025), учебный год — через косую черту (2024/25), как указано в period у показателя",
                "a year is four digits (2025), a school year two years with a slash (2024/25), as the indicator's period says"
            )),
                    )
                }
            }
        }
    }
}

/// Rows already read, by (period, place, disaggregation, part), with their line.
type SeenRows = BTreeMap<(Period, Place, Vec<String>, Option<String>), usize>;

/// Where a values file keeps each column, by its header.
struct ValueColumns {
    year: usize,
    org: usize,
    value: usize,
    /// The column of the indicator's `stack` (parts of a whole), if it has one.
    stack: Option<usize>,
    /// The optional `n` column: the group size a share is of.
    group: Option<usize>,
    /// Every other column: a breakdown (subject, grade…).
    dims: Vec<usize>,
}

/// The columns of a values file; `None`, with an error on line 1, when a required
/// one is missing (then none of its rows can be read).
fn value_columns(
    indicator: &Indicator,
    values: &ValuesFile,
    diagnostics: &mut Diagnostics,
) -> Option<ValueColumns> {
    let file = &values.file;
    let column = |name: &str| values.header.iter().position(|h| h == name);
    let (Some(year), Some(org), Some(value)) = (column("year"), column("org"), column("value"))
    else {
        diagnostics.push(
            Diagnostic::error(
                file,
                tr!(
                    format!("в заголовке нет обязательных столбцов: найдено «{}»", values.header.join(",")),
                    format!("the header lacks required columns: found “{}”", values.header.join(","))
                ),
            )
            .at_line(1)
            .hint(tr!(
                "первая строка файла: year,org,value (и, если нужно, столбцы разрезов: subject, grade…)",
                "the first line of the file: year,org,value (and, if needed, breakdown columns: subject, grade…)"
            )),
        );
        return None;
    };
    let stack = indicator.stack.as_deref().and_then(column);
    if let (Some(name), None) = (&indicator.stack, stack) {
        diagnostics.push(
            Diagnostic::error(
                file,
                tr!(
                    "нет столбца «{name}», указанного в stack показателя",
                    "there is no column “{name}” named in the indicator's stack"
                ),
            )
            .at_line(1)
            .hint(tr!(
                "добавьте столбец или исправьте stack в описании показателя",
                "add the column or correct stack in the indicator's description"
            )),
        );
        return None;
    }
    let group = column("n");
    let dims = (0..values.header.len())
        .filter(|&i| i != year && i != org && i != value && Some(i) != stack && Some(i) != group)
        .collect();
    Some(ValueColumns {
        year,
        org,
        value,
        stack,
        group,
        dims,
    })
}

fn read_rows(
    indicator: &mut Indicator,
    values: &ValuesFile,
    register: &Register,
    as_of: NaiveDate,
    seen: &mut SeenRows,
    diagnostics: &mut Diagnostics,
) {
    let Some(columns) = value_columns(indicator, values, diagnostics) else {
        return;
    };
    indicator.dims = columns
        .dims
        .iter()
        .map(|&i| values.header[i].clone())
        .collect();
    for row in &values.rows {
        let Some(observation) = read_row(
            indicator,
            row,
            &columns,
            &values.file,
            register,
            as_of,
            diagnostics,
        ) else {
            continue;
        };
        let key = (
            observation.period,
            observation.place,
            observation.dims.clone(),
            observation.part.clone(),
        );
        if let Some(first) = seen.get(&key) {
            let org = row.cells.get(columns.org).map_or("", String::as_str);
            let period = observation.period;
            diagnostics.push(
                Diagnostic::error(
                    &values.file,
                    tr!(
                        format!("значение за {period} для «{org}» уже указано в строке {first}"),
                        format!(
                            "the value for {period} of “{org}” is already given on line {first}"
                        )
                    ),
                )
                .at_line(row.line)
                .hint(tr!(
                    "удалите повторную строку или исправьте год, организацию или разрез",
                    "delete the repeated row or correct the year, the organisation or the breakdown"
                )),
            );
            continue;
        }
        seen.insert(key, row.line);
        indicator.observations.push(observation);
    }
}

/// One row of a values file as an observation; `None`, with an error at the cell,
/// when its year, organisation, value or group size cannot be read or is not
/// plausible.
fn read_row(
    indicator: &Indicator,
    row: &crate::load::CsvRow,
    columns: &ValueColumns,
    file: &Path,
    register: &Register,
    as_of: NaiveDate,
    diagnostics: &mut Diagnostics,
) -> Option<Observation> {
    let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
    let column_of = |i: usize| {
        let before: usize = row
            .cells
            .iter()
            .take(i)
            .map(|c| c.chars().count() + 1)
            .sum();
        before + 1
    };
    let (year, org, value) = (columns.year, columns.org, columns.value);
    let period = match Period::parse(cell(year), indicator.period_kind) {
        Ok(period) => period,
        Err(message) => {
            diagnostics.push(
                Diagnostic::error(file, message)
                    .at(row.line, column_of(year))
                    .hint(tr!(
                "год пишется четырьмя цифрами (2025), учебный год — через косую черту (2024/25), как указано в period у показателя",
                "a year is four digits (2025), a school year two years with a slash (2024/25), as the indicator's period says"
            )),
            );
            return None;
        }
    };
    // A renamed school's former id names it for the periods before the change.
    let former = || match register.at_year(cell(org), super::calendar_year(period)) {
        super::organization::AtYear::School(i) => Some(Place::Org(i)),
        _ => None,
    };
    let Some(place) = place_of(cell(org), register).or_else(former) else {
        diagnostics.push(unknown_place(file, cell(org), row.line).at(row.line, column_of(org)));
        return None;
    };
    let number = match parse_value(cell(value)) {
        Ok(number) => number,
        Err(said) => {
            let (message, hint) = *said;
            diagnostics.push(
                Diagnostic::error(file, message)
                    .at(row.line, column_of(value))
                    .hint(hint),
            );
            return None;
        }
    };
    if let Some((message, hint, about)) = implausible(indicator, period, number, as_of) {
        let at = match about {
            Cell::Period => year,
            Cell::Value => value,
        };
        diagnostics.push(
            Diagnostic::error(file, message)
                .at(row.line, column_of(at))
                .hint(hint),
        );
        return None;
    }
    let n = match columns.group.map(|i| (i, cell(i).trim())) {
        None | Some((_, "")) => None,
        Some((i, text)) => match text.parse::<u32>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        tr!(
                            format!("в столбце n должно быть целое число участников, а написано «{text}»"),
                            format!("the n column takes a whole number of participants, not “{text}”")
                        ),
                    )
                    .at(row.line, column_of(i))
                    .hint(tr!(
                        "напишите, из скольких человек (работ) посчитана доля, например 24, или оставьте ячейку пустой",
                        "write how many people (papers) the share is of, e.g. 24, or leave the cell empty"
                    )),
                );
                return None;
            }
        },
    };
    Some(Observation {
        period,
        place,
        value: number,
        dims: columns.dims.iter().map(|&i| cell(i).to_string()).collect(),
        part: columns.stack.map(|i| cell(i).to_string()),
        n,
    })
}

/// The most breakdown values (subject × grade …) an indicator's page draws charts
/// for: more is no longer a page a reader can use (and 8,000 charts took a minute).
pub(crate) const MAX_CHARTED_SLICES: usize = 40;

/// A breakdown with more values than a page can chart is probably a wrong column;
/// said once, at the values file.
fn warn_of_many_slices(indicator: &Indicator, file: &PathBuf, diagnostics: &mut Diagnostics) {
    let slices: std::collections::BTreeSet<&Vec<String>> =
        indicator.observations.iter().map(|o| &o.dims).collect();
    if slices.len() <= MAX_CHARTED_SLICES {
        return;
    }
    let n = slices.len();
    let columns = indicator.dims.join(", ");
    diagnostics.push(
        Diagnostic::warning(
            file,
            tr!(
                "в разрезах ({columns}) {n} разных значений: на странице показателя графики только для первых {MAX_CHARTED_SLICES}, остальные значения — в CSV",
                "the breakdowns ({columns}) have {n} different values: the indicator's page charts only the first {MAX_CHARTED_SLICES}, the other values are in the CSV"
            ),
        )
        .at_line(1)
        .hint(tr!(
            "проверьте столбцы разрезов: в них должно быть немного повторяющихся значений (предметы, классы), а не, например, номера строк или ФИО",
            "check the breakdown columns: they should hold a few repeated values (subjects, grades), not, say, row numbers or names"
        )),
    );
}

/// Units whose values count people or things: never negative.
const COUNT_UNITS: [&str; 6] = ["чел.", "чел", "человек", "ед.", "ед", "шт."];

/// Which cell of a row a problem is about.
enum Cell {
    Period,
    Value,
}

/// Why a value cannot be true: a share outside 0–100 %, a negative count, a period
/// that has not begun on the build date. `None` when it is plausible.
fn implausible(
    indicator: &Indicator,
    period: Period,
    value: Option<f64>,
    as_of: NaiveDate,
) -> Option<(Message, Message, Cell)> {
    let starts = match period.kind {
        PeriodKind::Year => NaiveDate::from_ymd_opt(period.year, 1, 1),
        PeriodKind::SchoolYear => NaiveDate::from_ymd_opt(period.year, 9, 1),
    };
    if starts.is_some_and(|starts| starts > as_of) {
        let today = crate::dates::format_date_short(as_of);
        return Some((
            tr!(
                "значение за {period}: этот период ещё не начался (дата сборки {today})",
                "a value for {period}: this period has not begun yet (the build date is {today})"
            ),
            tr!(
                "проверьте год; если сайт собирается «на дату», проверьте --as-of",
                "check the year; if the site is built as of a date, check --as-of"
            ),
            Cell::Period,
        ));
    }
    let value = value?;
    let unit = indicator.unit.trim();
    // As plainly as written: «−5,0» or a grouped 1e20 would read as another number.
    let shown = value.to_string().replace('.', ",");
    if unit == "%" && !(0.0..=100.0).contains(&value) {
        return Some((
            tr!(
                "значение {shown} % вне диапазона 0–100",
                "the value {shown} % is outside 0–100"
            ),
            tr!(
                "доля в процентах не бывает меньше 0 и больше 100: проверьте число (не перепутана ли запятая); если показатель не в процентах, исправьте его unit",
                "a share in per cent is never below 0 or above 100: check the number (a misplaced comma?); if the indicator is not in per cent, correct its unit"
            ),
            Cell::Value,
        ));
    }
    if COUNT_UNITS.contains(&unit) && value < 0.0 {
        return Some((
            tr!(
                "значение {shown} {unit} отрицательное, а количество не бывает меньше нуля",
                "the value {shown} {unit} is negative, and a count is never below zero"
            ),
            tr!("проверьте знак и число", "check the sign and the number"),
            Cell::Value,
        ));
    }
    None
}

fn place_of(id: &str, register: &Register) -> Option<Place> {
    match id {
        "municipality" => Some(Place::Municipality),
        "region" => Some(Place::Region),
        "russia" => Some(Place::Russia),
        _ => register.by_id.get(id).map(|&i| Place::Org(i)),
    }
}

fn unknown_place(file: &Path, id: &str, line: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        Message::unknown_org(
            id,
            &AGGREGATES.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
        ),
    )
    .at_line(line)
}

/// A value cell: a number with a dot or a decimal comma (Russian Excel), spaces
/// between thousands allowed; empty means "no data".
/// A bad cell gives its message and hint, boxed: the error stays small.
pub(crate) fn parse_value(cell: &str) -> Result<Option<f64>, Box<WithHint>> {
    let text = cell.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.ends_with('%') {
        return Err(Box::new((
            tr!(
                "значение «{text}» записано со знаком %",
                "the value “{text}” is written with a % sign"
            ),
            tr!(
                "пишите только число (12,5): единица измерения указана у показателя (unit)",
                "write only the number (12.5): the indicator gives the unit (unit)"
            ),
        )));
    }
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| {
            Box::new((
                tr!(
                    "значение «{text}» — не число",
                    "the value “{text}” is not a number"
                ),
                tr!(
                    "пишите число, например 12,5 или 12.5; если данных нет, оставьте ячейку пустой",
                    "write a number, e.g. 12,5 or 12.5; if there is no data, leave the cell empty"
                ),
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_with_a_comma_or_a_dot() {
        assert_eq!(parse_value("12,5"), Ok(Some(12.5)));
        assert_eq!(parse_value("12.5"), Ok(Some(12.5)));
        assert_eq!(parse_value("1 234,5"), Ok(Some(1234.5)));
        assert_eq!(parse_value(""), Ok(None));
    }

    #[test]
    fn rejects_a_percent_sign_with_a_hint() {
        let (message, hint) = *parse_value("12.5%").unwrap_err();
        assert!(message.ru.contains("со знаком %"));
        assert!(hint.ru.contains("только число"));
        assert_eq!(message.en, "the value “12.5%” is written with a % sign");
        assert!(parse_value("двенадцать")
            .unwrap_err()
            .0
            .ru
            .contains("не число"));
    }
}
