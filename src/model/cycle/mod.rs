//! The МСОКО management cycle of each direction, resolved: goals and tasks, how data
//! is collected, and per year the analysis, the recommendations (to whom), the
//! decisions (acts of the registry) and the analysis of their effect.
//!
//! Every link is checked here, once: a missing page, an act that is not in the
//! registry, an unknown indicator or organisation is an error at its file line. Which
//! links of the chain exist in a year is also decided here (`Cycle::links`), so the
//! matrix page, the checklist and the open data set read the same answer.

use std::collections::BTreeMap;
use std::path::PathBuf;

mod resolve;

pub(crate) use resolve::resolve_cycle;

use super::{paths, Indicators, Page};
use crate::load::{RawCycleYear, RawMethod};
use crate::model::PeriodKind;

/// The links of the chain, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Stage {
    Goals,
    Indicators,
    Methods,
    Monitoring,
    Analysis,
    Recommendations,
    Decisions,
    Effect,
}

impl Stage {
    pub(crate) const ALL: [Stage; 8] = [
        Stage::Goals,
        Stage::Indicators,
        Stage::Methods,
        Stage::Monitoring,
        Stage::Analysis,
        Stage::Recommendations,
        Stage::Decisions,
        Stage::Effect,
    ];

    /// The code used in data (`stage:` of a plan item), anchors and open data.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Stage::Goals => "goals",
            Stage::Indicators => "indicators",
            Stage::Methods => "methods",
            Stage::Monitoring => "monitoring",
            Stage::Analysis => "analysis",
            Stage::Recommendations => "recommendations",
            Stage::Decisions => "decisions",
            Stage::Effect => "effect",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Stage::Goals => "Цели и задачи",
            Stage::Indicators => "Показатели",
            Stage::Methods => "Методы сбора информации",
            Stage::Monitoring => "Мониторинг",
            Stage::Analysis => "Анализ результатов",
            Stage::Recommendations => "Адресные рекомендации",
            Stage::Decisions => "Управленческие решения",
            Stage::Effect => "Анализ эффективности мер",
        }
    }

    /// The label in English, for `msoko check --lang en`.
    pub(crate) fn label_en(self) -> &'static str {
        match self {
            Stage::Goals => "Goals and objectives",
            Stage::Indicators => "Indicators",
            Stage::Methods => "Methods of collecting information",
            Stage::Monitoring => "Monitoring",
            Stage::Analysis => "Analysis of results",
            Stage::Recommendations => "Targeted recommendations",
            Stage::Decisions => "Management decisions",
            Stage::Effect => "Analysis of the measures' effect",
        }
    }

    pub(crate) fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The cycle as written in one direction's file, before links are checked.
#[derive(Debug, Clone)]
pub(crate) struct CycleSource {
    pub(crate) direction_id: String,
    pub(crate) file: PathBuf,
    /// Where each value of the direction's file stands.
    pub(crate) positions: crate::yaml::Positions,
    pub(crate) goals: Vec<String>,
    pub(crate) tasks: Vec<String>,
    pub(crate) methods: Vec<RawMethod>,
    pub(crate) years: Vec<(String, RawCycleYear)>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct DirectionCycle {
    pub(crate) goals: Vec<String>,
    pub(crate) tasks: Vec<String>,
    pub(crate) methods: Vec<Method>,
    pub(crate) years: BTreeMap<i32, CycleYear>,
}

#[derive(Debug, Clone)]
pub(crate) struct Method {
    pub(crate) procedure: String,
    pub(crate) source: Option<String>,
    pub(crate) schedule: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct CycleYear {
    /// Pages of the analytical notes.
    pub(crate) analysis: Vec<usize>,
    pub(crate) recommendations: Vec<Recommendation>,
    pub(crate) decisions: Vec<Decision>,
    pub(crate) effect: Option<Effect>,
}

/// To whom a recommendation is addressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Addressee {
    /// An organisation, by index in the register.
    Org(usize),
    /// A group of organisations, by its label.
    Group(&'static str),
}

#[derive(Debug, Clone)]
pub(crate) struct Recommendation {
    pub(crate) to: Vec<Addressee>,
    pub(crate) text: String,
    pub(crate) link: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Decision {
    /// The act's page (a `kind: document` page).
    pub(crate) document: usize,
    /// Indices into `Indicators::indicators`.
    pub(crate) indicators: Vec<usize>,
    /// Indices into the register.
    pub(crate) orgs: Vec<usize>,
}

impl Decision {
    /// The year that decides "before" and "after" the decision: the act's own, when
    /// it has a date, else the year of the cycle it is listed under (`listed`).
    pub(crate) fn year(&self, pages: &[Page], listed: i32) -> i32 {
        pages[self.document]
            .approved
            .map_or(listed, |d| chrono::Datelike::year(&d))
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Effect {
    pub(crate) link: Option<usize>,
    pub(crate) conclusion: String,
}

/// The cycle of every direction, in the order of `Indicators::directions`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cycle {
    pub(crate) directions: Vec<DirectionCycle>,
}

/// Groups a recommendation may be addressed to: (code, label).
pub(crate) const GROUPS: [(&str, &str); 6] = [
    ("all", "все образовательные организации"),
    ("schools", "все школы"),
    ("kindergartens", "все детские сады"),
    ("additional", "организации дополнительного образования"),
    ("shnor", "школы с низкими образовательными результатами"),
    ("shnsu", "школы, работающие в сложных социальных условиях"),
];

/// One link of one direction's chain in one year: present, and where its evidence is.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub(crate) stage: Stage,
    /// Site path of the evidence; `None`: the link is missing.
    pub(crate) evidence: Option<String>,
}

impl Cycle {
    /// The eight links of a direction's chain in `year`.
    pub(crate) fn links(
        &self,
        indicators: &Indicators,
        pages: &[Page],
        direction: usize,
        year: i32,
    ) -> Vec<Link> {
        let id = &indicators.directions[direction].id;
        let own = &self.directions[direction];
        let this_year = own.years.get(&year);
        let url = |page: usize| pages[page].url.clone();
        Stage::ALL
            .into_iter()
            .map(|stage| {
                let evidence = match stage {
                    Stage::Goals => {
                        (!own.goals.is_empty()).then(|| paths::direction_part(id, "goals"))
                    }
                    Stage::Indicators => (!indicators.directions[direction].indicators.is_empty())
                        .then(|| paths::direction_indicators(id)),
                    Stage::Methods => {
                        (!own.methods.is_empty()).then(|| paths::direction_part(id, "methods"))
                    }
                    Stage::Monitoring => has_values(indicators, direction, year)
                        .then(|| paths::direction_indicators(id)),
                    Stage::Analysis => this_year.and_then(|y| y.analysis.first().map(|&p| url(p))),
                    Stage::Recommendations => this_year
                        .filter(|y| !y.recommendations.is_empty())
                        .map(|_| paths::direction_part(id, &format!("recommendations-{year}"))),
                    Stage::Decisions => {
                        this_year.and_then(|y| y.decisions.first().map(|d| url(d.document)))
                    }
                    Stage::Effect => this_year.and_then(|y| {
                        let effect = y.effect.as_ref()?;
                        Some(effect.link.map_or_else(
                            || paths::direction_part(id, &format!("effect-{year}")),
                            url,
                        ))
                    }),
                };
                Link { stage, evidence }
            })
            .collect()
    }

    /// The year the matrix shows first: the last year before `as_of_year` with any
    /// indicator value (a year is complete once it has ended and been measured).
    pub(crate) fn current_year(indicators: &Indicators, as_of_year: i32) -> i32 {
        indicators
            .indicators
            .iter()
            .flat_map(|i| i.observations.iter().map(|o| calendar_year(o.period)))
            .filter(|&y| y < as_of_year)
            .max()
            .unwrap_or(as_of_year - 1)
    }

    /// Years the matrix can show: from the first year of any cycle to `current`.
    pub(crate) fn years(&self, current: i32) -> Vec<i32> {
        let first = self
            .directions
            .iter()
            .flat_map(|d| d.years.keys().copied())
            .min()
            .unwrap_or(current)
            .min(current);
        (first..=current).collect()
    }
}

/// The calendar year a period ends in: 2025 for 2025 and for 2024/25.
pub(crate) fn calendar_year(period: super::Period) -> i32 {
    match period.kind {
        PeriodKind::Year => period.year,
        PeriodKind::SchoolYear => period.year + 1,
    }
}

/// Monitoring took place in `year` when every indicator of the direction has a value
/// for it: one indicator measured out of seven is not the monitoring the direction
/// promises. A direction without indicators has no monitoring.
fn has_values(indicators: &Indicators, direction: usize, year: i32) -> bool {
    let own = &indicators.directions[direction].indicators;
    !own.is_empty()
        && own
            .iter()
            .all(|&i| measured_in(&indicators.indicators[i], year))
}

/// Whether an indicator has a value for `year` (a school year counts in the year it ends).
pub(crate) fn measured_in(indicator: &crate::model::Indicator, year: i32) -> bool {
    indicator
        .observations
        .iter()
        .any(|o| o.value.is_some() && calendar_year(o.period) == year)
}

impl CycleSource {
    /// Whether the file says anything about the cycle.
    pub(crate) fn has_cycle(&self) -> bool {
        !(self.goals.is_empty()
            && self.tasks.is_empty()
            && self.methods.is_empty()
            && self.years.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    #[test]
    fn stages_read_their_codes_in_order() {
        let codes: Vec<&str> = Stage::ALL.iter().map(|s| s.code()).collect();
        assert_eq!(codes[0], "goals");
        assert_eq!(codes[7], "effect");
        assert_eq!(Stage::from_code("decisions"), Some(Stage::Decisions));
        assert_eq!(Stage::from_code("analiz"), None);
        assert_eq!(Stage::Effect.label(), "Анализ эффективности мер");
    }

    #[test]
    fn a_school_year_counts_in_the_year_it_ends() {
        let school = Period {
            year: 2024,
            kind: PeriodKind::SchoolYear,
        };
        let calendar = Period {
            year: 2024,
            kind: PeriodKind::Year,
        };
        assert_eq!(calendar_year(school), 2025);
        assert_eq!(calendar_year(calendar), 2024);
    }

    #[test]
    fn years_run_from_the_first_cycle_year_to_the_current_one() {
        let mut cycle = Cycle::default();
        assert_eq!(cycle.years(2025), vec![2025]);
        let mut direction = DirectionCycle::default();
        direction.years.insert(2023, CycleYear::default());
        cycle.directions.push(direction);
        assert_eq!(cycle.years(2025), vec![2023, 2024, 2025]);
    }
}
