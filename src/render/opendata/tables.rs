//! The rows and columns of each open data set, from the current data or a frozen copy.

use chrono::NaiveDate;
use serde::Serialize;

use super::super::columns::{field, Field, OBJECTIVITY, OBJECTIVITY_COUNTS, SHNOR};
use crate::analyze::{Analysis, PlanProgress};
use crate::model::{Indicators, Model, Place, Plan, Register, SetSource};

#[derive(Debug, Clone)]
pub(crate) struct Table {
    pub(crate) fields: &'static [Field],
    pub(crate) rows: Vec<Vec<String>>,
}

/// The version of a set's structure: the date of its first published data version,
/// since no set has changed its columns since it was first published. This keeps a
/// data file from naming a structure dated after itself, and keeps every name stable
/// as new versions come. When a set's columns change, that change needs its own dated
/// structure here (the earlier data files keep naming the earlier structure, whose
/// file stays published); `None` when the set has no version yet.
pub(crate) fn structure_date(
    version_dates: impl IntoIterator<Item = NaiveDate>,
) -> Option<NaiveDate> {
    version_dates.into_iter().min()
}

const REGISTER: &[Field] = &[
    field("id", "Organisation identifier", "Идентификатор организации", "string"),
    field("name", "Full name", "Полное наименование", "string"),
    field("short_name", "Short name", "Сокращённое наименование", "string"),
    field("kind", "Kind: school, kindergarten, additional", "Тип: school — общеобразовательная, kindergarten — дошкольная, additional — дополнительного образования", "string"),
    field("address", "Postal address", "Почтовый адрес", "string"),
    field("phone", "Phone", "Телефон", "string"),
    field("email", "E-mail", "Электронная почта", "string"),
    field("site", "Official website", "Официальный сайт", "url"),
    field("head", "Head", "Руководитель", "string"),
    field("rural", "Rural: 1 yes, 0 no", "Сельская организация: 1 — да, 0 — нет", "number"),
];

const INDICATORS: &[Field] = &[
    field(
        "indicator",
        "Indicator identifier",
        "Идентификатор показателя",
        "string",
    ),
    field(
        "indicator_title",
        "Indicator",
        "Наименование показателя",
        "string",
    ),
    field("unit", "Unit", "Единица измерения", "string"),
    field(
        "period",
        "Year or school year",
        "Год или учебный год",
        "string",
    ),
    field(
        "place",
        "Organisation id or municipality, region, russia",
        "Идентификатор организации или municipality — округ, region — регион, russia — Россия",
        "string",
    ),
    field(
        "place_name",
        "Place name",
        "Наименование организации или территории",
        "string",
    ),
    field(
        "breakdown",
        "Breakdown (subject, grade ...)",
        "Разрез (предмет, класс и т. п.)",
        "string",
    ),
    field("value", "Value", "Значение", "number"),
    field(
        "target",
        "Municipal target for the period",
        "Целевое значение округа на период",
        "number",
    ),
];

const PLAN: &[Field] = &[
    field("section", "Section", "Раздел", "string"),
    field("no", "Item number", "Номер пункта", "string"),
    field("title", "Activity", "Мероприятие", "string"),
    field(
        "due_text",
        "Deadline as approved",
        "Срок в редакции документа",
        "string",
    ),
    field("due_start", "Deadline start", "Начало срока", "date"),
    field("due_end", "Deadline end", "Окончание срока", "date"),
    field(
        "due_windows",
        "Every window of the deadline as read: start/end, separated by semicolons",
        "Все периоды срока, как он прочитан: начало/окончание через точку с запятой",
        "string",
    ),
    field("recurrence", "Recurrence", "Периодичность", "string"),
    field("responsible", "Responsible", "Ответственные", "string"),
    field("form", "Form", "Форма", "string"),
    field("result", "Planned result", "Ожидаемый результат", "string"),
    field(
        "status",
        "Status on the data date: done, in_progress, planned, overdue, not_marked (deadline passed, no mark of completion), by_schedule, on_demand, postponed, cancelled, unknown",
        "Статус на дату данных: done — выполнено, in_progress — выполняется, planned — запланировано, overdue — просрочено, not_marked — нет отметки о выполнении, by_schedule — по графику, on_demand — по мере необходимости, postponed — перенесено, cancelled — отменено, unknown — не определён",
        "string",
    ),
    field("done", "Date of completion", "Дата выполнения", "date"),
];

const DOCUMENTS: &[Field] = &[
    field("act", "Kind of act", "Вид документа", "string"),
    field("number", "Number", "Номер", "string"),
    field("approved", "Date of the act", "Дата документа", "date"),
    field("title", "Title", "Наименование", "string"),
    field(
        "status",
        "Status: active, amended, cancelled",
        "Статус: active — действует, amended — действует с изменениями, cancelled — утратил силу",
        "string",
    ),
    field(
        "page",
        "Page of the act",
        "Страница документа на сайте",
        "url",
    ),
    field(
        "file",
        "Official text file",
        "Файл с официальным текстом",
        "url",
    ),
    field("file_format", "File format", "Формат файла", "string"),
    field(
        "file_size",
        "File size, bytes",
        "Размер файла, байт",
        "number",
    ),
    field(
        "amends",
        "Acts it amends (pages)",
        "Изменяемые документы (страницы)",
        "string",
    ),
    field(
        "cancels",
        "Acts it cancels (pages)",
        "Отменяемые документы (страницы)",
        "string",
    ),
    field(
        "placed",
        "Date placed on the site",
        "Дата размещения",
        "date",
    ),
    field("updated", "Date changed", "Дата изменения", "date"),
];

const CYCLE: &[Field] = &[
    field(
        "direction",
        "МСОКО direction (id)",
        "Направление МСОКО (идентификатор)",
        "string",
    ),
    field("year", "Year", "Год", "number"),
    field(
        "stage",
        "Link of the management cycle",
        "Звено управленческого цикла",
        "string",
    ),
    field(
        "present",
        "The link is present (1) or missing (0)",
        "Звено есть (1) или нет (0)",
        "number",
    ),
    field(
        "evidence_url",
        "Address of the evidence on the site",
        "Адрес подтверждения на сайте",
        "url",
    ),
];

/// Which data a version of a set is made from.
pub(crate) enum Data<'a> {
    Current,
    /// A snapshot's data (by its name) on a version's date.
    Snapshot(&'a crate::model::DataSet, NaiveDate, &'a str),
}

pub(crate) fn table(
    model: &Model,
    analysis: &Analysis,
    source: SetSource,
    data: &Data<'_>,
) -> Table {
    let (register, indicators, plans) = match data {
        Data::Current => (&model.register, &model.indicators, &model.plans[..]),
        Data::Snapshot(set, ..) => (&set.register, &set.indicators, &set.plans[..]),
    };
    match source {
        SetSource::Register => register_table(register),
        SetSource::Direction(index) => {
            let id = &model.indicators.directions[index].id;
            indicators_table(indicators, register, id)
        }
        SetSource::Plan(index) => {
            let id = &model.plans[index].id;
            let position = plans.iter().position(|p| &p.id == id);
            let progress = match data {
                Data::Current => position.and_then(|p| analysis.plans.get(p)),
                Data::Snapshot(_, date, name) => {
                    let key = (id.clone(), (*name).to_owned(), *date);
                    analysis.earlier_plans.get(&key)
                }
            };
            match (position, progress) {
                (Some(p), Some(progress)) => plan_table(&plans[p], progress),
                _ => Table {
                    fields: PLAN,
                    rows: Vec::new(),
                },
            }
        }
        SetSource::Documents => documents_table(model),
        SetSource::Cycle => cycle_table(model),
        SetSource::Objectivity => analytics_table(
            if model.analytics.publish_named {
                OBJECTIVITY
            } else {
                OBJECTIVITY_COUNTS
            },
            analysis
                .objectivity
                .years
                .iter()
                .map(|&year| crate::render::objectivity::flags_csv(model, analysis, year)),
        ),
        SetSource::Shnor => analytics_table(
            SHNOR,
            analysis
                .objectivity
                .shnor
                .keys()
                .map(|&year| crate::render::shnor::list_csv(model, analysis, year)),
        ),
    }
}

/// The rows of the yearly files of the analytics pages (`flags.csv`, `list.csv`),
/// all years in one table: the same rows, so the same privacy rules.
fn analytics_table(fields: &'static [Field], years: impl Iterator<Item = Vec<u8>>) -> Table {
    let mut rows = Vec::new();
    for bytes in years {
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        rows.extend(
            reader
                .records()
                .filter_map(Result::ok)
                .map(|r| r.iter().map(str::to_string).collect::<Vec<_>>()),
        );
    }
    Table { fields, rows }
}

/// One row per direction, year of the matrix and link of the chain.
fn cycle_table(model: &Model) -> Table {
    let mut rows = Vec::new();
    for year in model.cycle.years(model.cycle_year()) {
        for (index, direction) in model.indicators.directions.iter().enumerate() {
            for link in model
                .cycle
                .links(&model.indicators, &model.pages, index, year)
            {
                rows.push(vec![
                    direction.id.clone(),
                    year.to_string(),
                    link.stage.code().to_string(),
                    u8::from(link.evidence.is_some()).to_string(),
                    link.evidence
                        .map_or(String::new(), |path| model.permalink(&path)),
                ]);
            }
        }
    }
    Table {
        fields: CYCLE,
        rows,
    }
}

fn register_table(register: &Register) -> Table {
    let rows = register
        .organizations
        .iter()
        .map(|o| {
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            vec![
                o.id.clone(),
                o.name.clone(),
                o.short_name.clone(),
                o.kind.id().to_string(),
                text(&o.address),
                text(&o.phone),
                text(&o.email),
                text(&o.site),
                text(&o.head),
                u8::from(o.rural).to_string(),
            ]
        })
        .collect();
    Table {
        fields: REGISTER,
        rows,
    }
}

fn indicators_table(indicators: &Indicators, register: &Register, direction: &str) -> Table {
    let Some(found) = indicators.directions.iter().find(|d| d.id == direction) else {
        return Table {
            fields: INDICATORS,
            rows: Vec::new(),
        };
    };
    let mut rows = Vec::new();
    for &i in &found.indicators {
        let indicator = &indicators.indicators[i];
        for o in &indicator.observations {
            let (place, place_name) = match o.place {
                Place::Municipality => ("municipality".to_string(), "Округ".to_string()),
                Place::Region => ("region".into(), "Регион".into()),
                Place::Russia => ("russia".into(), "Россия".into()),
                Place::Org(org) => (
                    register.organizations[org].id.clone(),
                    register.organizations[org].short_name.clone(),
                ),
            };
            let mut breakdown: Vec<String> = indicator
                .dims
                .iter()
                .zip(&o.dims)
                .map(|(name, value)| format!("{name}: {value}"))
                .collect();
            if let (Some(stack), Some(part)) = (&indicator.stack, &o.part) {
                breakdown.push(format!("{stack}: {part}"));
            }
            let target = (o.place == Place::Municipality)
                .then(|| indicator.targets.get(&o.period))
                .flatten();
            rows.push(vec![
                indicator.id.clone(),
                indicator.title.clone(),
                indicator.unit.clone(),
                o.period.label(),
                place,
                place_name,
                breakdown.join("; "),
                o.value.map_or(String::new(), |v| v.to_string()),
                target.map_or(String::new(), |t| t.to_string()),
            ]);
        }
    }
    Table {
        fields: INDICATORS,
        rows,
    }
}

fn plan_table(plan: &Plan, progress: &PlanProgress) -> Table {
    let rows = super::super::plans::export_rows(plan, progress)
        .iter()
        .map(|row| row_of(PLAN, row))
        .collect();
    Table { fields: PLAN, rows }
}

fn documents_table(model: &Model) -> Table {
    let date = |d: Option<NaiveDate>| d.map_or(String::new(), yyyymmdd);
    let pages = |list: &[usize]| -> String {
        list.iter()
            .map(|&p| model.permalink(&model.pages[p].url))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rows = model
        .documents
        .list
        .iter()
        .map(|d| {
            let page = &model.pages[d.page];
            let file = page.attached.as_ref();
            // A report: approved on its act's date; its PDF is printed after
            // rendering, so its size is not known here.
            let approved = page
                .approved
                .or(d.approved_by.and_then(|a| model.pages[a].approved));
            let printed = model.report_pdf_url(d.page).filter(|_| file.is_none());
            vec![
                d.act.clone(),
                page.number.clone().unwrap_or_default(),
                date(approved),
                page.title.clone(),
                d.status.slug().to_string(),
                model.permalink(&page.url),
                file.map_or_else(
                    || printed.map(|u| model.permalink(u)).unwrap_or_default(),
                    |f| model.permalink(&f.url),
                ),
                file.map_or_else(
                    || printed.map(|_| "pdf".to_string()).unwrap_or_default(),
                    |f| f.format.to_lowercase(),
                ),
                file.map_or(String::new(), |f| f.size.to_string()),
                pages(&d.amends),
                pages(&d.cancels),
                date(page.placed),
                date(page.updated),
            ]
        })
        .collect();
    Table {
        fields: DOCUMENTS,
        rows,
    }
}

/// A serializable row as strings in the order of the fields; ISO dates become
/// `YYYYMMDD` as the recommendations ask.
fn row_of<T: Serialize>(fields: &[Field], row: &T) -> Vec<String> {
    let value = serde_json::to_value(row).unwrap_or_default();
    fields
        .iter()
        .map(|f| {
            let text = match value.get(f.name) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            };
            if f.format == "date" {
                crate::dates::parse_date(&text).map_or(text, yyyymmdd)
            } else {
                text
            }
        })
        .collect()
}

pub(crate) fn yyyymmdd(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_structure_is_dated_by_the_first_data_version_never_later_than_it() {
        let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d).unwrap();
        assert_eq!(structure_date([day(11, 3), day(9, 12)]), Some(day(9, 12)));
        assert_eq!(structure_date([]), None);
    }
}
