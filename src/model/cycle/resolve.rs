//! Checks every link of the cycle against the final pages, the indicators and the
//! register: each problem is an error at the line of the file that names it.

use std::collections::BTreeMap;

use super::{
    Addressee, Cycle, CycleSource, CycleYear, Decision, DirectionCycle, Effect, Method,
    Recommendation, GROUPS,
};
use crate::diagnostic::Message;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::RawCycleYear;
use crate::model::documents::DOCUMENT_KIND;
use crate::model::PeriodKind;
use crate::model::{Indicators, Page, Register};
use crate::tr;

/// Checks every link of every direction's cycle. `pages` and `by_url` are final.
pub(crate) fn resolve_cycle(
    sources: Vec<CycleSource>,
    indicators: &Indicators,
    register: &Register,
    pages: &[Page],
    by_url: &BTreeMap<String, usize>,
    this_year: i32,
    diagnostics: &mut Diagnostics,
) -> Cycle {
    let mut cycle = Cycle {
        directions: vec![DirectionCycle::default(); indicators.directions.len()],
    };
    for source in sources {
        let Some(index) = indicators
            .directions
            .iter()
            .position(|d| d.id == source.direction_id)
        else {
            continue;
        };
        let mut links = Links {
            source: &source,
            indicators,
            register,
            pages,
            by_url,
            diagnostics: &mut *diagnostics,
            scope: String::new(),
        };
        let mut years = BTreeMap::new();
        for (written, raw) in &source.years {
            links.scope = format!("direction.years.{written}");
            let Ok(year) = crate::model::Period::parse(written, PeriodKind::Year) else {
                links.error_at_key(
                    "",
                    tr!(
                        "«{written}» в years — не год",
                        "“{written}” in years is not a year"
                    ),
                    tr!(
                        "пишите календарный год: 2025",
                        "write a calendar year: 2025"
                    ),
                );
                continue;
            };
            if year.year > this_year {
                links.error_at_key(
                    "",
                    tr!(
                        "год {written} в управленческом цикле ещё не наступил (сегодня — {this_year} год)",
                        "the year {written} of the management cycle has not come yet (today is in {this_year})"
                    ),
                    tr!(
                        "проверьте год: в years пишутся только прошедшие годы и текущий; дату «сегодня» задаёт --as-of",
                        "check the year: years holds past years and the current one; --as-of sets «today»"
                    ),
                );
                continue;
            }
            years.insert(year.year, links.year(raw));
        }
        cycle.directions[index] = DirectionCycle {
            goals: source.goals.clone(),
            tasks: source.tasks.clone(),
            methods: source
                .methods
                .iter()
                .map(|m| Method {
                    procedure: m.procedure.0.clone(),
                    source: m.source.as_ref().map(|t| t.0.clone()),
                    schedule: m.schedule.as_ref().map(|t| t.0.clone()),
                })
                .collect(),
            years,
        };
    }
    cycle
}

/// What one direction file's links are checked against.
struct Links<'a> {
    source: &'a CycleSource,
    indicators: &'a Indicators,
    register: &'a Register,
    pages: &'a [Page],
    by_url: &'a BTreeMap<String, usize>,
    diagnostics: &'a mut Diagnostics,
    /// The path of the year being checked (`direction.years.2025`): a value is looked
    /// for there first, so the same page named in another year does not take the blame.
    scope: String,
}

impl Links<'_> {
    /// An error at the line where `written` stands: after `key:` in the year being
    /// checked if there is such a line, else anywhere in that year, else in the file.
    fn error(
        &mut self,
        key: Option<&str>,
        written: &str,
        message: impl Into<Message>,
        hint: impl Into<Message>,
    ) {
        let positions = &self.source.positions;
        let scope = self.scope.as_str();
        let line = key
            .and_then(|key| positions.find_keyed(scope, key, written))
            .or_else(|| positions.find(scope, written))
            .or_else(|| positions.find("", written))
            .map_or(1, |at| at.line);
        self.push(line, message.into(), hint.into());
    }

    /// An error at the key `path` of the year being checked (`effect.conclusion`), or
    /// at the year's own key when `path` is empty (a year that is not one).
    fn error_at_key(&mut self, path: &str, message: impl Into<Message>, hint: impl Into<Message>) {
        let path = match path {
            "" => self.scope.clone(),
            path => format!("{}.{path}", self.scope),
        };
        let line = self.source.positions.line(&path).unwrap_or(1);
        self.push(line, message.into(), hint.into());
    }

    fn push(&mut self, line: usize, message: Message, hint: Message) {
        self.diagnostics.push(
            Diagnostic::error(&self.source.file, message)
                .at_line(line)
                .hint(hint),
        );
    }

    fn page(&mut self, key: &str, written: &str) -> Option<usize> {
        let found = self
            .by_url
            .get(&crate::model::documents::document_url(written))
            .copied();
        if found.is_none() {
            self.error(
                Some(key),
                written,
                tr!("в управленческом цикле указана страница «{written}», которой нет", "the management cycle names the page “{written}”, which does not exist"),
                tr!("укажите адрес страницы сайта без content/ и .md, например msoko/analiz/vpr-2025 или documents/prikaz-2025-203", "give the address of a page of the site without content/ and .md, e.g. msoko/analiz/vpr-2025 or documents/prikaz-2025-203"),
            );
        }
        found
    }

    fn year(&mut self, raw: &RawCycleYear) -> CycleYear {
        let analysis = raw
            .analysis
            .iter()
            .filter_map(|w| self.page("analysis", w))
            .collect();
        let recommendations = raw
            .recommendations
            .iter()
            .enumerate()
            .map(|(i, r)| Recommendation {
                to: if r.to.is_empty() {
                    self.error_at_key(
                        &format!("recommendations[{i}].to"),
                        tr!("у адресной рекомендации не указано, кому она адресована", "the recommendation does not say whom it is addressed to"),
                        tr!("перечислите в to: id организаций или группы (all, schools, kindergartens, additional, shnor, shnsu)", "list in to: organisation ids or groups (all, schools, kindergartens, additional, shnor, shnsu)"),
                    );
                    Vec::new()
                } else {
                    r.to.iter().filter_map(|w| self.addressee(w)).collect()
                },
                text: r.text.0.clone(),
                link: r.link.as_deref().and_then(|w| self.page("link", w)),
            })
            .collect();
        let decisions = raw
            .decisions
            .iter()
            .filter_map(|d| {
                let document = self.page("document", &d.document)?;
                if self.pages[document].kind.as_deref() != Some(DOCUMENT_KIND) {
                    self.error(
                        Some("document"),
                        &d.document,
                        tr!(format!("решение «{}» указывает на страницу, которой нет в реестре документов",
                            d.document
                        ), format!("decision “{}” points to a page that is not in the register of acts",
                            d.document
                        )),
                        tr!("управленческое решение — это акт: укажите страницу с kind: document", "a management decision is an act: give a page with kind: document"),
                    );
                    return None;
                }
                Some(Decision {
                    document,
                    indicators: d
                        .indicators
                        .iter()
                        .filter_map(|w| self.indicator(w))
                        .collect(),
                    orgs: d.orgs.iter().filter_map(|w| self.org(w)).collect(),
                })
            })
            .collect();
        if raw
            .effect
            .as_ref()
            .is_some_and(|e| e.conclusion.0.trim().is_empty())
        {
            self.error_at_key(
                "effect.conclusion",
                tr!("у анализа эффективности мер пустой вывод (conclusion)", "the analysis of the measures' effect has an empty conclusion (conclusion)"),
                tr!("напишите, что показал анализ: как изменились показатели после мер и что из этого следует", "write what the analysis showed: how the indicators changed after the measures and what follows from it"),
            );
        }
        let effect = raw.effect.as_ref().map(|e| Effect {
            link: e.link.as_deref().and_then(|w| self.page("link", w)),
            conclusion: e.conclusion.0.clone(),
        });
        CycleYear {
            analysis,
            recommendations,
            decisions,
            effect,
        }
    }

    fn indicator(&mut self, written: &str) -> Option<usize> {
        let found = self
            .indicators
            .indicators
            .iter()
            .position(|i| i.id == written);
        if found.is_none() {
            self.error(
                Some("indicators"),
                written,
                tr!(
                    "в решении указан показатель «{written}», которого нет",
                    "the decision names the indicator “{written}”, which does not exist"
                ),
                tr!(
                    "укажите id показателя из data/indicators/*.yaml",
                    "give an indicator id from data/indicators/*.yaml"
                ),
            );
        }
        found
    }

    fn org(&mut self, written: &str) -> Option<usize> {
        let found = self.register.by_id.get(written).copied();
        if found.is_none() {
            self.error(
                Some("orgs"),
                written,
                tr!(
                    "указана организация «{written}», которой нет в реестре",
                    "the organisation “{written}” is not in the register"
                ),
                tr!(
                    "укажите id организации из data/organizations.yaml",
                    "give an organisation id from data/organizations.yaml"
                ),
            );
        }
        found
    }

    fn addressee(&mut self, written: &str) -> Option<Addressee> {
        if let Some((_, label)) = GROUPS.iter().find(|(code, _)| *code == written) {
            return Some(Addressee::Group(label));
        }
        if let Some(&org) = self.register.by_id.get(written) {
            return Some(Addressee::Org(org));
        }
        let groups: Vec<&str> = GROUPS.iter().map(|(code, _)| *code).collect();
        self.error(
            Some("to"),
            written,
            tr!("рекомендация адресована «{written}»: такой организации или группы нет", "the recommendation is addressed to “{written}”: there is no such organisation or group"),
            tr!(format!("укажите id организации из data/organizations.yaml или группу: {}",
                groups.join(", ")
            ), format!("give an organisation id from data/organizations.yaml or a group: {}",
                groups.join(", ")
            )),
        );
        None
    }
}
