//! Plans and roadmaps with their meaning resolved: deadlines read, items numbered,
//! links to acts and evidence checked.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::cycle::Stage;
use super::deadline::{parse_deadline, Deadline, PlanPeriod};
use super::plan_mark::{parse_status, status_hint, GivenStatus};
use super::references::References;
use super::responsible::Aliases;
use super::text_checks::check_text;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{PlanFile, RawItem, RawSection};
use crate::tr;
use window_checks::outside_plan;

mod window_checks;

#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub(crate) id: String,
    pub(crate) title: String,
    /// Source path relative to the site root.
    pub(crate) file: PathBuf,
    pub(crate) approved: Option<Approval>,
    pub(crate) period: PlanPeriod,
    pub(crate) sections: Vec<PlanSection>,
}

/// The act that approved a plan.
#[derive(Debug, Clone)]
pub(crate) struct Approval {
    pub(crate) kind: String,
    pub(crate) number: String,
    pub(crate) date: NaiveDate,
    /// The act's page or file on this site.
    pub(crate) document: Option<Reference>,
    /// Line and column of `number` and `date` in the plan file, for the cross-check
    /// with the act's own page.
    pub(crate) number_at: (usize, usize),
    pub(crate) date_at: (usize, usize),
}

/// A page or file of this site named in data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Reference {
    /// Site path (`/documents/prikaz-178/`).
    pub(crate) url: String,
    pub(crate) title: String,
}

#[derive(Debug, Clone)]
pub(crate) struct PlanSection {
    pub(crate) title: String,
    pub(crate) items: Vec<PlanItem>,
    pub(crate) sections: Vec<PlanSection>,
}

#[derive(Debug, Clone)]
pub(crate) struct PlanItem {
    /// Position among all items of the plan, in document order.
    pub(crate) key: usize,
    /// The file line where the item starts.
    pub(crate) line: usize,
    /// As written, or numbered by position when the plan does not number its rows.
    pub(crate) no: String,
    pub(crate) title: String,
    /// The «Сроки» text exactly as written.
    pub(crate) due_text: Option<String>,
    /// `None` when the text is missing or could not be read (already warned).
    pub(crate) deadline: Option<Deadline>,
    pub(crate) responsible: Option<String>,
    /// The parties of `responsible`, merged through `responsible_aliases`.
    pub(crate) parties: Vec<String>,
    pub(crate) form: Option<String>,
    pub(crate) result: Option<String>,
    pub(crate) status: Option<GivenStatus>,
    pub(crate) done: Option<NaiveDate>,
    pub(crate) evidence: Vec<Reference>,
    /// The direction's management cycle this item feeds, when it says so.
    pub(crate) cycle: Option<CycleRef>,
}

/// `direction:` and `stage:` of a plan item.
#[derive(Debug, Clone)]
pub(crate) struct CycleRef {
    /// A direction id, checked against the indicators later.
    pub(crate) direction: String,
    pub(crate) stage: Option<Stage>,
    /// The line of `direction:`, for that later check.
    pub(crate) line: usize,
}

impl PlanItem {
    /// The id of the item's row on the plan's page, for links to one item (search
    /// results): `punkt-2.1`. Item numbers are unique within a plan.
    pub(crate) fn anchor(&self) -> String {
        let no: Vec<&str> = self.no.split_whitespace().collect();
        format!("punkt-{}", no.join("-"))
    }
}

impl Plan {
    /// Every item in document order (sections before their sub-sections).
    pub(crate) fn items(&self) -> Vec<&PlanItem> {
        fn walk<'a>(sections: &'a [PlanSection], out: &mut Vec<&'a PlanItem>) {
            for section in sections {
                out.extend(section.items.iter());
                walk(&section.sections, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.sections, &mut out);
        out
    }

    /// The responsible parties named in the plan, each once, in order of appearance,
    /// under their merged names (`responsible_aliases`): «Начальник УО, ИМЦ» names two.
    pub(crate) fn responsible_parties(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for item in self.items() {
            for party in &item.parties {
                if !seen.contains(party) {
                    seen.push(party.clone());
                }
            }
        }
        seen
    }
}

pub(crate) fn resolve_plans(
    files: Vec<PlanFile>,
    references: &References<'_>,
    as_of: NaiveDate,
    aliases: &Aliases,
    diagnostics: &mut Diagnostics,
) -> Vec<Plan> {
    let mut plans: Vec<Plan> = Vec::new();
    let mut ids: BTreeMap<String, PathBuf> = BTreeMap::new();
    for file in files {
        let Some(plan) = resolve_plan(file, references, as_of, aliases, diagnostics) else {
            continue;
        };
        if let Some(other) = ids.get(&plan.id) {
            diagnostics.push(
                Diagnostic::error(
                    &plan.file,
                    tr!(
                        format!("план с id «{}» уже есть в {}", plan.id, other.display()),
                        format!(
                            "a plan with id “{}” already exists in {}",
                            plan.id,
                            other.display()
                        )
                    ),
                )
                .at_line(1)
                .hint(tr!(
                    "у каждого плана свой id: он становится адресом страницы /plans/<id>/",
                    "each plan has its own id: it becomes the page address /plans/<id>/"
                )),
            );
            continue;
        }
        ids.insert(plan.id.clone(), plan.file.clone());
        plans.push(plan);
    }
    plans
}

/// A mark a section passes to its items: a status and a completion date.
#[derive(Debug, Clone, Copy, Default)]
struct Mark {
    status: Option<GivenStatus>,
    done: Option<NaiveDate>,
}

pub(super) struct PlanContext<'a, 'r> {
    aliases: &'a Aliases,
    file: &'a PathBuf,
    /// The date of the approving act, when the plan names one.
    approved: Option<NaiveDate>,
    text: &'a str,
    /// Where each value of the plan's file stands.
    positions: &'a crate::yaml::Positions,
    period: PlanPeriod,
    as_of: NaiveDate,
    references: &'a References<'r>,
    /// Numbers given so far, with the line of their item.
    numbers: BTreeMap<String, usize>,
    /// Every number written in the plan: automatic numbers avoid them.
    written: std::collections::BTreeSet<String>,
    next_key: usize,
}

impl PlanContext<'_, '_> {
    /// Line and column of the key at `path` (`sections[0].items[2].due`); line
    /// `fallback`, column 1 when there is no such key.
    fn key_at(&self, path: &str, fallback: usize) -> (usize, usize) {
        self.positions
            .key(path)
            .map_or((fallback, 1), |at| (at.line, at.column))
    }

    /// Line and column of the value at `path`, as [`PlanContext::key_at`].
    fn value_at(&self, path: &str, fallback: usize) -> (usize, usize) {
        self.positions
            .value(path)
            .map_or((fallback, 1), |at| (at.line, at.column))
    }
}

fn resolve_plan(
    source: PlanFile,
    references: &References<'_>,
    as_of: NaiveDate,
    aliases: &Aliases,
    diagnostics: &mut Diagnostics,
) -> Option<Plan> {
    let PlanFile {
        file,
        text,
        positions,
        plan,
    } = source;
    let line_of = |key: &str| positions.line(key).unwrap_or(1);
    let mut ok = true;
    if plan.id.is_empty()
        || !plan
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        diagnostics.push(
            Diagnostic::error(
                &file,
                tr!(
                    format!("id плана «{}» содержит недопустимые символы", plan.id),
                    format!(
                        "plan id “{}” contains characters that are not allowed",
                        plan.id
                    )
                ),
            )
            .at_line(line_of("id"))
            .hint(tr!(
                "id пишется латиницей, строчными буквами, цифрами и дефисами: roadmap-2025",
                "an id is written in lowercase Latin letters, digits and hyphens: roadmap-2025"
            )),
        );
        ok = false;
    }
    let period = PlanPeriod {
        from: plan.period.from.0,
        to: plan.period.to.0,
    };
    if period.from > period.to {
        diagnostics.push(
            Diagnostic::error(
                &file,
                tr!(
                    "период плана начинается позже, чем заканчивается",
                    "the plan's period starts after it ends"
                ),
            )
            .at_line(line_of("period"))
            .hint(tr!(
                "проверьте даты from и to",
                "check the dates from and to"
            )),
        );
        ok = false;
    }
    let approved = plan.approved.map(|raw| {
        let document = raw.document.as_deref().and_then(|written| {
            let found = references.resolve(written);
            if found.is_none() {
                diagnostics.push(
                    Diagnostic::error(
                        &file,
                        tr!(
                            "документ «{written}», утвердивший план, не найден на сайте",
                            "the act “{written}” that approved the plan is not on the site"
                        ),
                    )
                    .at_line(line_of("document"))
                    .hint(references.hint()),
                );
            }
            found
        });
        let from = line_of("approved");
        let key_at = |path: &str| {
            positions
                .key(path)
                .map_or((from, 1), |at| (at.line, at.column))
        };
        Approval {
            kind: raw.kind.0,
            number: raw.number.0,
            date: raw.date.0,
            document,
            number_at: key_at("approved.number"),
            date_at: key_at("approved.date"),
        }
    });
    check_text(
        &file,
        (&text, 1),
        line_of("title"),
        &plan.title.0,
        diagnostics,
    );
    let mut context = PlanContext {
        aliases,
        file: &file,
        approved: approved.as_ref().map(|a| a.date),
        text: &text,
        positions: &positions,
        period,
        as_of,
        references,
        numbers: BTreeMap::new(),
        written: written_numbers(&plan.sections),
        next_key: 0,
    };
    let sections = plan
        .sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            resolve_section(
                s,
                &(i + 1).to_string(),
                Mark::default(),
                &mut context,
                diagnostics,
            )
        })
        .collect::<Vec<_>>();
    if context.next_key == 0 {
        diagnostics.push(
            Diagnostic::warning(
                &file,
                tr!("в плане нет ни одного пункта", "the plan has no items"),
            )
            .at_line(line_of("sections"))
            .hint(tr!(
                "пункты записываются в sections → items",
                "items are written under sections → items"
            )),
        );
    }
    ok.then_some(Plan {
        id: plan.id,
        title: plan.title.0,
        approved,
        period,
        sections,
        file,
    })
}

fn written_numbers(sections: &[RawSection]) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for section in sections {
        out.extend(
            section
                .items
                .iter()
                .filter_map(|i| i.no.as_ref())
                .map(|n| n.0.trim().to_string()),
        );
        out.extend(written_numbers(&section.sections));
    }
    out
}

/// The number a section's title starts with («2.1. ВПР» -> «2.1»), else its position.
fn section_number(title: &str, position: &str) -> String {
    let written: String = title
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let written = written.trim_end_matches('.');
    if written.is_empty() || !written.starts_with(|c: char| c.is_ascii_digit()) {
        position.to_string()
    } else {
        written.to_string()
    }
}

fn resolve_section(
    raw: RawSection,
    position: &str,
    inherited: Mark,
    context: &mut PlanContext<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> PlanSection {
    let number = section_number(&raw.title.0, position);
    check_text(
        context.file,
        (context.text, 1),
        raw.line,
        &raw.title.0,
        diagnostics,
    );
    // A section's own mark overrides the one of its parent section.
    let status = raw.status.as_ref().and_then(|written| {
        parse_status(&written.0)
            .map_err(|said| {
                let (line, column) = context.value_at(&format!("{}.status", raw.path), raw.line);
                diagnostics.push(
                    Diagnostic::error(context.file, said)
                        .at(line, column)
                        .hint(status_hint()),
                );
            })
            .ok()
    });
    let done = raw.done.map(|d| d.0);
    if let Some(done) = done.filter(|d| *d > context.as_of) {
        let (line, column) = context.value_at(&format!("{}.done", raw.path), raw.line);
        let (done, as_of) = (
            crate::dates::format_date_short(done),
            crate::dates::format_date_short(context.as_of),
        );
        diagnostics.push(
            Diagnostic::error(
                context.file,
                tr!(
                    format!("раздел «{}» отмечен выполненным {done}, то есть позже даты сборки {as_of}", raw.title.0),
                    format!("the section “{}” is marked done on {done}, which is after the build date {as_of}", raw.title.0)
                ),
            )
            .at(line, column)
            .hint(tr!(
                "в done пишется дата, когда работа уже выполнена; проверьте год и месяц",
                "done takes the date when the work was already done; check the year and the month"
            )),
        );
    }
    let mark = Mark {
        status: status
            .or(done.map(|_| GivenStatus::Done))
            .or(inherited.status),
        done: done.or(inherited.done),
    };
    // Rows without a number are numbered by position in their section, skipping
    // numbers that other rows of the plan carry (plans often mix both).
    let mut next = 0;
    let items = raw
        .items
        .into_iter()
        .map(|item| {
            next += 1;
            let mut automatic = format!("{number}.{next}");
            if item.no.is_none() {
                while context.written.contains(&automatic)
                    || context.numbers.contains_key(&automatic)
                {
                    next += 1;
                    automatic = format!("{number}.{next}");
                }
            }
            resolve_item(item, &automatic, mark, context, diagnostics)
        })
        .collect();
    let sections = raw
        .sections
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            resolve_section(
                s,
                &format!("{number}.{}", i + 1),
                mark,
                context,
                diagnostics,
            )
        })
        .collect();
    PlanSection {
        title: raw.title.0,
        items,
        sections,
    }
}

fn resolve_item(
    raw: RawItem,
    position: &str,
    section: Mark,
    context: &mut PlanContext<'_, '_>,
    diagnostics: &mut Diagnostics,
) -> PlanItem {
    let file = context.file;
    let line = raw.line;
    // The line of one of this item's keys; the item's first line when it has none.
    let key_at = |key: &str| {
        context
            .positions
            .line(&format!("{}.{key}", raw.path))
            .unwrap_or(line)
    };
    let fields = [
        ("title", Some(&raw.title)),
        ("due", raw.due.as_ref()),
        ("responsible", raw.responsible.as_ref()),
        ("form", raw.form.as_ref()),
        ("result", raw.result.as_ref()),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            check_text(file, (context.text, 1), key_at(key), &value.0, diagnostics);
        }
    }
    let no = match raw.no {
        Some(no) => no.0.trim().to_string(),
        None => position.to_string(),
    };
    if let Some(&first) = context.numbers.get(&no) {
        diagnostics.push(
            Diagnostic::error(file, tr!("номер пункта «{no}» уже занят пунктом в строке {first}", "item number “{no}” is already taken by the item on line {first}"))
                .at_line(key_at("no"))
                .hint(tr!("у каждого пункта плана свой номер; исправьте один из них или уберите no, чтобы пункт пронумеровался по порядку", "each item of a plan has its own number; correct one of them or remove no so that the item is numbered in order")),
        );
    } else {
        context.numbers.insert(no.clone(), line);
    }
    let due_text = raw.due.map(|t| t.0);
    let deadline = match &due_text {
        None => {
            diagnostics.push(
                Diagnostic::warning(
                    file,
                    tr!(
                        "у пункта «{no}» не указан срок",
                        "item “{no}” has no deadline"
                    ),
                )
                .at_line(line)
                .hint(tr!(
                    "добавьте строку due: \"…\" так, как срок записан в утверждённом плане",
                    "add a line due: \"…\" with the deadline as the approved plan gives it"
                )),
            );
            None
        }
        Some(text) => match parse_deadline(text, &context.period) {
            Ok(deadline) => {
                let (line, column) = context.key_at(&format!("{}.due", raw.path), line);
                if let Some(warning) = outside_plan(&deadline, &no, context) {
                    diagnostics.push(warning.at(line, column));
                }
                Some(deadline)
            }
            Err(unreadable) => {
                diagnostics.push(
                    Diagnostic::warning(file, tr!(format!("срок «{}» не удалось прочитать: {}", unreadable.text, unreadable.reason), format!("the deadline “{}” could not be read: {}", unreadable.text, unreadable.reason_en)))
                        .at_line(key_at("due"))
                        .hint(tr!("пункт показан с этим текстом и статусом «не определён»; чтобы статус считался, запишите срок датой, месяцем или словами «ежегодно», «постоянно»", "the item is shown with this text and the status «не определён» (unknown); for the status to be computed, write the deadline as a date, a month or words such as «ежегодно»")),
                );
                None
            }
        },
    };
    let own_status = raw.status.as_ref().and_then(|written| {
        parse_status(&written.0)
            .map_err(|said| {
                let (line, column) = context.value_at(&format!("{}.status", raw.path), line);
                diagnostics.push(
                    Diagnostic::error(file, said)
                        .at(line, column)
                        .hint(status_hint()),
                );
            })
            .ok()
    });
    // The item's own mark wins; otherwise its section's, date included.
    let own = own_status.is_some() || raw.done.is_some();
    let mut status = if own { own_status } else { section.status };
    let done = if own {
        raw.done.map(|d| d.0)
    } else {
        section.done
    };
    if done.is_some() && status.is_none() {
        status = Some(GivenStatus::Done);
    }
    // A section's mark is checked once, at the section (`check_section_mark`).
    if let (true, Some(done)) = (own, done) {
        match status {
            None | Some(GivenStatus::Done) => {}
            Some(_) => diagnostics.push(
                Diagnostic::warning(
                    file,
                    tr!(
                        "у пункта «{no}» указана дата выполнения, но статус не «выполнено»",
                        "item “{no}” has a completion date, but its status is not “done” («выполнено»)"
                    ),
                )
                .at_line(key_at("done"))
                .hint(tr!(
                    "если пункт выполнен, напишите status: выполнено; иначе уберите done",
                    "if the item is done, write status: выполнено (done); otherwise remove done"
                )),
            ),
        }
        if done > context.as_of {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    tr!(format!("пункт «{no}» отмечен выполненным {}, то есть позже даты сборки {}",
                        crate::dates::format_date_short(done),
                        crate::dates::format_date_short(context.as_of)
                    ), format!("item “{no}” is marked done on {}, which is after the build date {}",
                        crate::dates::format_date_short(done),
                        crate::dates::format_date_short(context.as_of)
                    )),
                )
                .at_line(key_at("done"))
                .hint(tr!("в done пишется дата, когда пункт уже выполнен; проверьте год и месяц", "done takes the date when the item was already done; check the year and the month")),
            );
        }
    }
    let evidence = raw
        .evidence
        .iter()
        .filter_map(|written| {
            let found = context.references.resolve(written);
            if found.is_none() {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        tr!(
                            "подтверждение «{written}» не найдено на сайте",
                            "the evidence “{written}” is not on the site"
                        ),
                    )
                    .at_line(key_at("evidence"))
                    .hint(context.references.hint()),
                );
            }
            found
        })
        .collect();
    let stage = raw.stage.as_deref().and_then(|code| {
        let found = Stage::from_code(code);
        if found.is_none() {
            let codes: Vec<&str> = Stage::ALL.iter().map(|s| s.code()).collect();
            diagnostics.push(
                Diagnostic::error(
                    file,
                    tr!(
                        "звено цикла «{code}» неизвестно",
                        "unknown cycle stage “{code}”"
                    ),
                )
                .at_line(key_at("stage"))
                .hint(tr!(
                    format!("stage — одно из: {}", codes.join(", ")),
                    format!("stage is one of: {}", codes.join(", "))
                )),
            );
        }
        found
    });
    if raw.stage.is_some() && raw.direction.is_none() {
        diagnostics.push(
            Diagnostic::error(
                file,
                tr!(
                    "у пункта указано звено цикла (stage), но не направление",
                    "the item gives a cycle stage (stage) but no direction"
                ),
            )
            .at_line(key_at("stage"))
            .hint(tr!(
                "добавьте direction: id направления из data/indicators",
                "add direction: the id of a direction from data/indicators"
            )),
        );
    }
    let cycle = raw.direction.map(|direction| CycleRef {
        direction,
        stage,
        line: key_at("direction"),
    });
    let key = context.next_key;
    context.next_key += 1;
    PlanItem {
        key,
        line,
        no,
        title: raw.title.0,
        due_text,
        deadline,
        parties: context
            .aliases
            .parties(raw.responsible.as_ref().map_or("", |t| t.0.as_str())),
        responsible: raw.responsible.map(|t| t.0),
        form: raw.form.map(|t| t.0),
        result: raw.result.map(|t| t.0),
        status,
        done,
        evidence,
        cycle,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sections_by_their_title_or_position() {
        assert_eq!(section_number("2.1. ВПР", "7"), "2.1");
        assert_eq!(section_number("1. Нормативное обеспечение", "3"), "1");
        assert_eq!(section_number("Организационная работа", "3"), "3");
    }
}
