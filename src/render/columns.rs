//! The columns of a published table: name, descriptions and format, for the file's
//! header and for the open data structure that describes it; and the columns of the
//! analytics files, which are published on their own pages and as open data sets.
//!
//! A leaf: the pages that write those files (objectivity, ШНОР) and the open data
//! sets that republish them both read the lists here, so neither imports the other.

use serde::Serialize;

/// A column: its name in the data file and its descriptions for the structure file.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) en: &'static str,
    pub(crate) ru: &'static str,
    /// `string`, `number`, `date` (YYYYMMDD) or `url`.
    pub(crate) format: &'static str,
}

pub(crate) const fn field(
    name: &'static str,
    en: &'static str,
    ru: &'static str,
    format: &'static str,
) -> Field {
    Field {
        name,
        en,
        ru,
        format,
    }
}

/// The header of a file published on its own page and as an open data set
/// (`flags.csv`, `list.csv`): made from the set's structure, so the file and the
/// structure that describes it cannot drift apart.
pub(crate) fn header(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// `flags.csv` of `/objectivity/<year>/`, whose header is made from this list.
pub(crate) const OBJECTIVITY: &[Field] = &[
    field("year", "Year", "Год", "number"),
    field("org", "Organisation id", "Идентификатор организации", "string"),
    field("org_name", "Organisation", "Организация", "string"),
    field("category", "Category: vpr_bias, marking, gia", "Категория: vpr_bias — объективность ВПР, marking — объективность текущего оценивания, gia — ГИА", "string"),
    field("procedure", "Procedure", "Процедура (vpr, oge, ege)", "string"),
    field("grade", "Grade", "Класс", "number"),
    field("subject", "Subject", "Предмет", "string"),
    field("variant", "Variant", "Вариант работы", "string"),
    field("rule", "Rule", "Правило методики", "string"),
    field("measure", "Measure", "Показатель, по которому сработало правило", "string"),
    field("n", "Participants", "Число участников", "number"),
    field("value", "Value", "Значение для организации", "number"),
    field("benchmark", "Benchmark", "Значение для сравнения", "number"),
    field("benchmark_source", "Benchmark source", "Источник значения для сравнения", "string"),
    field("difference", "Difference", "Разница", "number"),
    field("z", "z statistic", "Статистика z", "number"),
    field("threshold", "Effect threshold", "Порог разницы", "number"),
    field("z_threshold", "z threshold", "Порог z", "number"),
    field("flagged", "Category sign for the procedure", "Признак категории по процедуре (true/false)", "string"),
    field("persistent", "Sign in two consecutive years", "Устойчивый признак (два года подряд)", "string"),
    field("note", "Note", "Примечание", "string"),
    field("method_version", "Method version", "Версия методики", "string"),
];

/// `flags.csv` when schools are not named (`publish_named: false`): counts only.
pub(crate) const OBJECTIVITY_COUNTS: &[Field] = &[
    field("year", "Year", "Год", "number"),
    field("category", "Category: vpr_bias, marking, gia", "Категория: vpr_bias — объективность ВПР, marking — объективность текущего оценивания, gia — ГИА", "string"),
    field("procedure", "Procedure", "Процедура (vpr, oge, ege)", "string"),
    field("grade", "Grade", "Класс", "number"),
    field("subject", "Subject", "Предмет", "string"),
    field("variant", "Variant", "Вариант работы", "string"),
    field("rule", "Rule", "Правило методики", "string"),
    field("measure", "Measure", "Показатель, по которому сработало правило", "string"),
    field("threshold", "Effect threshold", "Порог разницы", "number"),
    field("z_threshold", "z threshold", "Порог z", "number"),
    field("schools_fired", "Schools the rule fired for", "Число школ, у которых сработало правило", "number"),
    field("schools_flagged", "Schools with the category's sign", "Число школ с признаком категории", "number"),
    field("method_version", "Method version", "Версия методики", "string"),
];

/// `list.csv` of `/shnor/<year>/`, whose header is made from this list.
pub(crate) const SHNOR: &[Field] = &[
    field("year", "Year", "Год", "number"),
    field(
        "org",
        "Organisation id",
        "Идентификатор организации",
        "string",
    ),
    field("org_name", "Organisation", "Организация", "string"),
    field("status", "Status", "Статус", "string"),
    field("rule", "Rule", "Условие включения", "string"),
    field("data_year", "Year of the data", "Год данных", "number"),
    field("grade", "Grade", "Класс", "number"),
    field("subject", "Subject", "Предмет", "string"),
    field("participants", "Participants", "Число участников", "number"),
    field(
        "value",
        "Share of marks 2, %",
        "Доля отметок «2», %",
        "number",
    ),
    field(
        "benchmark",
        "Benchmark, %",
        "Значение для сравнения, %",
        "number",
    ),
    field("threshold", "Threshold", "Порог", "number"),
    field("note", "Note", "Примечание", "string"),
];
