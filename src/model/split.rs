//! Schools divided into others (реорганизация в форме разделения), from the
//! register's `closed:` and `split_from:`.
//!
//! The divided school stays in the register, closed, with its results for its own
//! years; each new school starts its own history on the day of the division. So no
//! year-to-year rule ever compares a new school's year with the divided school's:
//! they are different schools with different classes. The checks here keep that
//! true: the divided school is known and closed before the new one opens, and no
//! chain of divisions runs in a circle.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::organization::{Register, Split};
use crate::dates::format_date_short as date;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::RawSplit;
use crate::tr;
use crate::Message;

impl Split {
    /// The first year whose results (ВПР in spring, ГИА in summer) the new school
    /// can have.
    pub(crate) fn first_year(&self) -> i32 {
        let year = self.since.year();
        if super::organization::before(year, self.since) {
            year + 1
        } else {
            year
        }
    }
}

/// Checks every `split_from:` (school index, as written) and records the valid ones
/// on both schools; a wrong one is an error at its `id`.
pub(crate) fn resolve_splits(
    register: &mut Register,
    splits: Vec<(usize, RawSplit)>,
    file: &Path,
    diagnostics: &mut Diagnostics,
) {
    let mut lines = Vec::new();
    for (child, raw) in splits {
        let since = raw.since.0;
        let (line, column) = raw.at;
        match check_parent(register, child, &raw.id, since) {
            Ok(parent) => {
                register.organizations[child].split = Some(Split {
                    parent,
                    since,
                    act: raw.act.map(|a| a.0),
                });
                lines.push((child, line, column));
            }
            Err(problem) => {
                let (message, hint) = *problem;
                diagnostics.push(Diagnostic::error(file, message).at(line, column).hint(hint));
            }
        }
    }
    for (child, line, column) in lines {
        if let Some(cycle) = cycle_from(register, child) {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    tr!(
                        format!("split_from образует круг: {}", cycle.join(" → ")),
                        format!("split_from runs in a circle: {}", cycle.join(" → "))
                    ),
                )
                .at(line, column)
                .hint(tr!(
                    "школа не может быть выделена из самой себя или из школы, которая выделена из неё: проверьте id в split_from",
                    "a school cannot be divided from itself or from a school divided from it: check the id in split_from"
                )),
            );
        }
    }
    // A circle is broken everywhere at once, after all of them are found.
    let in_cycle: Vec<usize> = (0..register.organizations.len())
        .filter(|&i| cycle_from(register, i).is_some())
        .collect();
    for i in in_cycle {
        register.organizations[i].split = None;
    }
    for child in 0..register.organizations.len() {
        if let Some(parent) = register.organizations[child]
            .split
            .as_ref()
            .map(|s| s.parent)
        {
            register.organizations[parent].successors.push(child);
        }
    }
}

/// The divided school of `child`'s `split_from: id`, or what is wrong with it.
fn check_parent(
    register: &Register,
    child: usize,
    id: &str,
    since: NaiveDate,
) -> Result<usize, Box<(Message, Message)>> {
    let name = &register.organizations[child].id;
    let Some(&parent) = register.by_id.get(id) else {
        let ids: Vec<&str> = register.by_id.keys().map(String::as_str).collect();
        let (near, near_en) = crate::near::advice(id, &ids, None);
        let (near, near_en) = match near.is_empty() {
            true => (String::new(), String::new()),
            false => (format!("; {near}"), format!("; {near_en}")),
        };
        return Err(Box::new((
            tr!(
                format!("split_from: организации «{id}» нет в реестре"),
                format!("split_from: organisation “{id}” is not in the register")
            ),
            tr!(
                format!("в split_from пишется id разделённой школы: она остаётся в реестре с датой closed{near}"),
                format!("split_from takes the id of the divided school, which stays in the register with a closed date{near_en}")
            ),
        )));
    };
    if parent == child {
        return Err(Box::new((
            tr!(
                format!("split_from: школа «{id}» указана выделенной из самой себя"),
                format!("split_from: the school “{id}” is given as divided from itself")
            ),
            tr!(
                "в split_from пишется id школы, которая была разделена",
                "split_from takes the id of the school that was divided"
            ),
        )));
    }
    let last_day = since.pred_opt().unwrap_or(since);
    match register.organizations[parent].closed {
        Some(closed) if closed < since => Ok(parent),
        Some(closed) => Err(Box::new((
            tr!(
                format!("«{id}» работает до {}, а выделенная из неё «{name}» — уже с {}", date(closed), date(since)),
                format!("“{id}” works until {}, but “{name}”, divided from it, already from {}", date(closed), date(since))
            ),
            tr!(
                format!("при разделении школа прекращает работу накануне: у «{id}» closed: {}", last_day.format("%Y-%m-%d")),
                format!("a divided school ends the day before: “{id}” closed: {}", last_day.format("%Y-%m-%d"))
            ),
        ))),
        None => Err(Box::new((
            tr!(
                format!("«{name}» выделена из «{id}» с {}, а «{id}» в реестре всё ещё действует", date(since)),
                format!("“{name}” is divided from “{id}” from {}, but “{id}” is still open in the register", date(since))
            ),
            tr!(
                format!("укажите у «{id}» последний день работы: closed: {}; её результаты прежних лет останутся на её странице", last_day.format("%Y-%m-%d")),
                format!("give “{id}” its last day: closed: {}; its results of earlier years stay on its page", last_day.format("%Y-%m-%d"))
            ),
        ))),
    }
}

/// The ids of a circle of `split_from` through `start`, `start` first and last.
fn cycle_from(register: &Register, start: usize) -> Option<Vec<String>> {
    let mut path = vec![start];
    let mut at = start;
    while let Some(split) = &register.organizations[at].split {
        at = split.parent;
        path.push(at);
        if at == start {
            return Some(
                path.iter()
                    .map(|&i| register.organizations[i].id.clone())
                    .collect(),
            );
        }
        if path.len() > register.organizations.len() {
            return None;
        }
    }
    None
}

/// What to say of results of `year` filed under a school closed on `closed`.
pub(crate) fn closed_error(
    register: &Register,
    index: usize,
    closed: NaiveDate,
    year: i32,
) -> (Message, Message) {
    let org = &register.organizations[index];
    let id = &org.id;
    let successors: Vec<&str> = org
        .successors
        .iter()
        .map(|&i| register.organizations[i].id.as_str())
        .collect();
    let (instead, instead_en) = match successors.is_empty() {
        true => (String::new(), String::new()),
        false => (
            format!(" под id новых школ: {}", successors.join(", ")),
            format!(
                " under the ids of the new schools: {}",
                successors.join(", ")
            ),
        ),
    };
    (
        tr!(
            format!("школа «{id}» по реестру работала до {}: результатов {year} года у неё быть не может", date(closed)),
            format!("by the register the school “{id}” worked until {}: it cannot have results of {year}", date(closed))
        ),
        tr!(
            format!("укажите результаты{instead}; если дата closed в реестре неверна, исправьте её"),
            format!("give the results{instead_en}; if the closed date in the register is wrong, correct it")
        ),
    )
}

/// What to say of results of `year` filed under a school divided from another
/// later than that year.
pub(crate) fn before_split_error(
    register: &Register,
    index: usize,
    split: &Split,
    year: i32,
) -> (Message, Message) {
    let id = &register.organizations[index].id;
    let parent = &register.organizations[split.parent].id;
    (
        tr!(
            format!("школы «{id}» в {year} году ещё не было: по реестру она выделена из «{parent}» с {}", date(split.since)),
            format!("the school “{id}” did not exist in {year} yet: by the register it was divided from “{parent}” from {}", date(split.since))
        ),
        tr!(
            format!("результаты до {} указываются под id «{parent}»; если дата в split_from неверна, исправьте её в реестре", date(split.since)),
            format!("results before {} are given under the id “{parent}”; if the date in split_from is wrong, correct it in the register", date(split.since))
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::super::organization::{resolve_register, AtYear};
    use super::*;

    fn register(text: &str) -> (Register, Vec<String>) {
        let mut file = crate::load::OrganizationsFile {
            file: "data/organizations.yaml".into(),
            organizations: crate::yaml::parse(text, Path::new("o.yaml"), 1).unwrap(),
        };
        crate::load::assign_lines(&mut file.organizations, &crate::yaml::Positions::new(text));
        let mut diagnostics = Diagnostics::default();
        let register = resolve_register(Some(file), &mut diagnostics);
        let shown = diagnostics
            .into_sorted()
            .iter()
            .map(ToString::to_string)
            .collect();
        (register, shown)
    }

    /// СОШ № 5 divided on 01.09.2025 into a school and a НОШ: entries on lines 1,
    /// 6 and 11.
    const DIVIDED: &str = "- id: sosh-5\n  name: МБОУ СОШ № 5\n  short_name: МБОУ СОШ № 5\n  kind: school\n  closed: 2025-08-31\n- id: shkola-5\n  name: МБОУ «Школа № 5»\n  short_name: МБОУ «Школа № 5»\n  kind: school\n  split_from: {id: sosh-5, since: 2025-09-01, act: постановление № 812}\n- id: nosh-5\n  name: МБОУ «НОШ № 5»\n  short_name: МБОУ «НОШ № 5»\n  kind: school\n  split_from: {id: sosh-5, since: 2025-09-01}\n";

    #[test]
    fn a_divided_school_stays_for_its_years_and_its_successors_start_their_own() {
        let (register, problems) = register(DIVIDED);
        assert!(problems.is_empty(), "{problems:?}");
        let [parent, school, nosh] = ["sosh-5", "shkola-5", "nosh-5"].map(|id| register.by_id[id]);
        assert_eq!(register.organizations[parent].successors, [school, nosh]);
        let split = register.organizations[school].split.clone().unwrap();
        assert_eq!(
            (split.parent, split.act.as_deref()),
            (parent, Some("постановление № 812"))
        );
        assert!(!register.organizations[parent].is_open());
        // ВПР of spring 2025 are the divided school's; of spring 2026 the new ones'.
        assert_eq!(register.at_year("sosh-5", 2025), AtYear::School(parent));
        assert!(
            matches!(register.at_year("sosh-5", 2026), AtYear::Closed { index, .. } if index == parent)
        );
        assert_eq!(register.at_year("nosh-5", 2026), AtYear::School(nosh));
        assert!(
            matches!(register.at_year("shkola-5", 2025), AtYear::BeforeSplit { index, .. } if index == school)
        );
    }

    #[test]
    fn errors_on_an_unknown_parent_in_russian_with_a_near_miss() {
        let (register, problems) = register(&DIVIDED.replace(
            "{id: sosh-5, since: 2025-09-01}",
            "{id: sosh-50, since: 2025-09-01}",
        ));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("data/organizations.yaml:15:20: ошибка: split_from: организации «sosh-50» нет в реестре"), "{}", problems[0]);
        assert!(
            problems[0].contains("возможно, вы имели в виду sosh-5"),
            "{}",
            problems[0]
        );
        assert_eq!(register.organizations[register.by_id["nosh-5"]].split, None);
    }

    #[test]
    fn errors_on_a_parent_still_open_after_the_date() {
        let (_, problems) = register(&DIVIDED.replace("closed: 2025-08-31", "rural: false"));
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("data/organizations.yaml:10:20: ошибка: «shkola-5» выделена из «sosh-5» с 01.09.2025, а «sosh-5» в реестре всё ещё действует"), "{}", problems[0]);
        assert!(
            problems[0].contains("closed: 2025-08-31"),
            "{}",
            problems[0]
        );
        let (_, problems) = register(&DIVIDED.replace("closed: 2025-08-31", "closed: 2025-12-31"));
        assert!(problems[0].contains("ошибка: «sosh-5» работает до 31.12.2025, а выделенная из неё «shkola-5» — уже с 01.09.2025"), "{}", problems[0]);
    }

    #[test]
    fn errors_on_a_circle_of_divisions() {
        let text = "- id: a\n  {}\n  closed: 2024-08-31\n  split_from: {id: b, since: 2023-09-01}\n- id: b\n  {}\n  closed: 2022-08-31\n  split_from: {id: a, since: 2024-09-01}\n- id: c\n  {}\n  split_from: {id: c, since: 2024-09-01}\n"
            .replace("{}", "name: X\n  short_name: X\n  kind: school");
        let (register, problems) = register(&text);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "data/organizations.yaml:6:20: ошибка: split_from образует круг: a → b → a"
            ),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].starts_with(
                "data/organizations.yaml:12:20: ошибка: split_from образует круг: b → a → b"
            ),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains("ошибка: split_from: школа «c» указана выделенной из самой себя"),
            "{}",
            problems[2]
        );
        assert!(register
            .organizations
            .iter()
            .all(|o| o.split.is_none() && o.successors.is_empty()));
    }
}
