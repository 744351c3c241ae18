//! Which schools' values in a school-by-school chart carry a caveat: those with a
//! sign of possibly non-objective results of the procedure the indicator is about,
//! in the chart's year (issue 18). Render never analyses: the signs come from the
//! precomputed [`Analysis`] of the same data the chart shows (a frozen report passes
//! its frozen analysis).
//!
//! An indicator is about a procedure when its title names it («… участников ВПР …»,
//! «Средний балл ЕГЭ …»): indicators are the department's own YAML, and the title is
//! what a reader sees, so a value is marked exactly where the page says it is a ВПР,
//! ОГЭ or ЕГЭ result. Only the categories about the results themselves count (biased
//! ВПР, unusual ГИА); signs about a school's own marks do not make its ВПР result
//! doubtful (ANALYTICS.md §2 b2). Nothing is marked when the site does not publish
//! schools' signs by name (`publish_named: false`): a mark would name them.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::analyze::Analysis;
use crate::model::{Category, Indicator, Model, Period};
use crate::model::{PeriodKind, Procedure};

/// The mark put after a value with a caveat, in charts and tables.
pub(crate) const MARK: &str = "*";

/// The line under a chart that explains the mark, with a link to the signs.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FigureNote {
    /// «* — есть признаки необъективности результатов ВПР 2025 года (расчёт по
    /// муниципальной методике): значение нужно перепроверить.»
    pub(crate) text: String,
    pub(crate) link_text: String,
    pub(crate) url: String,
}

/// The procedure an indicator's values come from, read from its title.
pub(crate) fn procedure_of(indicator: &Indicator) -> Option<Procedure> {
    let words: Vec<&str> = indicator
        .title
        .split(|c: char| !c.is_alphanumeric())
        .collect();
    Procedure::ALL
        .into_iter()
        .find(|p| words.contains(&p.label()))
}

/// The year of the procedure behind a period: a school year's ВПР and exams are
/// written in its spring.
fn procedure_year(period: Period) -> i32 {
    match period.kind {
        PeriodKind::Year => period.year,
        PeriodKind::SchoolYear => period.year + 1,
    }
}

/// The sign categories that put a procedure's results in doubt.
fn category_of(procedure: Procedure) -> Category {
    match procedure {
        Procedure::Vpr => Category::VprBias,
        Procedure::Oge | Procedure::Ege => Category::Gia,
    }
}

/// The subject a chart is limited to, when the indicator has a `subject` column.
fn subject_of<'a>(indicator: &Indicator, slice: &'a [String]) -> Option<&'a str> {
    let at = indicator.dims.iter().position(|d| d == "subject")?;
    slice
        .get(at)
        .map(String::as_str)
        .filter(|subject| !subject.is_empty())
}

/// The schools (register indices) whose value of `indicator` for `period` (limited
/// to `slice`) has a sign of possibly non-objective results; empty when none or
/// when signs are not published by name.
pub(crate) fn signed_schools(
    model: &Model,
    analysis: &Analysis,
    indicator: &Indicator,
    slice: &[String],
    period: Period,
) -> BTreeSet<usize> {
    let Some(procedure) = procedure_of(indicator) else {
        return BTreeSet::new();
    };
    if !model.analytics.publish_named {
        return BTreeSet::new();
    }
    let year = procedure_year(period);
    let subject = subject_of(indicator, slice);
    analysis
        .objectivity
        .signs
        .iter()
        .filter(|s| {
            s.year == year
                && s.category == category_of(procedure)
                && s.key.procedure == procedure
                && subject.is_none_or(|wanted| s.key.subject.as_deref() == Some(wanted))
        })
        .map(|s| s.org)
        .collect()
}

/// «есть признаки необъективности результатов ВПР 2025 года»: the caveat in words,
/// for a data table's cell and a school card.
pub(crate) fn caveat_words(indicator: &Indicator, period: Period) -> String {
    let year = procedure_year(period);
    match procedure_of(indicator) {
        Some(Procedure::Vpr) => {
            format!("есть признаки необъективности результатов ВПР {year} года")
        }
        Some(exam) => format!(
            "есть признаки необычных результатов {} {year} года",
            exam.label()
        ),
        None => format!("есть признаки необъективности результатов {year} года"),
    }
}

/// The note under a chart with marked values, linking to that year's signs.
pub(crate) fn figure_note(model: &Model, indicator: &Indicator, period: Period) -> FigureNote {
    let year = procedure_year(period);
    FigureNote {
        text: format!(
            "{MARK} — {} (расчёт по муниципальной методике): значение нужно перепроверить. Признак — не вывод о нарушении.",
            caveat_words(indicator, period)
        ),
        link_text: format!("Какие признаки и на каких числах — за {year} год"),
        url: model.link(&crate::model::paths::objectivity_year(year)),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn titled(title: &str) -> Indicator {
        Indicator {
            id: "test".into(),
            direction: 0,
            title: title.into(),
            description: None,
            unit: "%".into(),
            better: crate::model::Better::Lower,
            compare: crate::model::Compare::Verdict,
            period_kind: PeriodKind::Year,
            decimals: 1,
            method: None,
            source: None,
            targets: BTreeMap::new(),
            stack: None,
            method_changes: BTreeMap::new(),
            dims: vec!["subject".into()],
            observations: Vec::new(),
            files: Vec::new(),
        }
    }

    #[test]
    fn reads_the_procedure_from_the_title_as_a_word() {
        let of = |title: &str| procedure_of(&titled(title));
        assert_eq!(
            of("Доля участников ВПР, получивших отметку «2»"),
            Some(Procedure::Vpr)
        );
        assert_eq!(
            of("Средний балл ЕГЭ по русскому языку"),
            Some(Procedure::Ege)
        );
        assert_eq!(of("Доля педагогов в возрасте до 35 лет"), None);
        assert_eq!(of("Доля ВПРАКТИКЕ"), None, "a word, not a part of one");
    }

    #[test]
    fn a_school_years_procedure_is_written_in_its_spring() {
        let school_year = Period {
            year: 2024,
            kind: PeriodKind::SchoolYear,
        };
        assert_eq!(procedure_year(school_year), 2025);
        let year = Period {
            year: 2025,
            kind: PeriodKind::Year,
        };
        assert_eq!(procedure_year(year), 2025);
    }

    #[test]
    fn says_which_procedure_and_year_the_caveat_is_about() {
        let year = Period {
            year: 2025,
            kind: PeriodKind::Year,
        };
        assert_eq!(
            caveat_words(&titled("Доля участников ВПР с отметкой «2»"), year),
            "есть признаки необъективности результатов ВПР 2025 года"
        );
        assert_eq!(
            caveat_words(&titled("Средний балл ЕГЭ по математике"), year),
            "есть признаки необычных результатов ЕГЭ 2025 года"
        );
    }

    #[test]
    fn limits_a_subjects_chart_to_that_subjects_signs() {
        let indicator = titled("Доля участников ВПР с отметкой «2»");
        assert_eq!(
            subject_of(&indicator, &["математика".to_string()]),
            Some("математика")
        );
        assert_eq!(subject_of(&indicator, &[String::new()]), None);
        assert_eq!(subject_of(&indicator, &[]), None);
    }
}
