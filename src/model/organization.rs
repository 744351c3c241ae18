//! The register of educational organisations, validated.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::OrganizationsFile;
use crate::model::{OrgFlag, OrgKind, ProfileKind};
use crate::tr;

#[derive(Debug, Clone)]
pub(crate) struct Organization {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) short_name: String,
    pub(crate) kind: OrgKind,
    pub(crate) address: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) site: Option<String>,
    /// Official pages in social networks: (title, address); `None` — not filled in.
    pub(crate) social: Option<Vec<(String, String)>>,
    pub(crate) head: Option<String>,
    /// Tasks and functions, as written in the register.
    pub(crate) functions: Option<String>,
    pub(crate) rural: bool,
    pub(crate) flags: Vec<OrgFlag>,
    pub(crate) profile: Option<(ProfileKind, Vec<String>)>,
    /// The school whose 5th grade receives this school's 4th grade (a НОШ), by index.
    pub(crate) continues_to: Option<usize>,
    /// What the school was before a rename or a merger, oldest change first.
    pub(crate) former: Vec<Former>,
    /// Other names it goes by in imported tables (`aliases:` in the register).
    pub(crate) aliases: Vec<String>,
    /// The district or settlement (`district:`), trimmed; never empty.
    pub(crate) district: Option<String>,
    /// The last day of an organisation that no longer exists; it stays for its history.
    pub(crate) closed: Option<NaiveDate>,
    /// The school this one was divided from (`split_from:`).
    pub(crate) split: Option<Split>,
    /// The schools this one was divided into, in register order.
    pub(crate) successors: Vec<usize>,
}

/// A school's origin in the division of another: a break in its history, since its
/// classes are not the divided school's classes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Split {
    /// The divided school, by index.
    pub(crate) parent: usize,
    /// The first day of this school.
    pub(crate) since: NaiveDate,
    /// The act that divided the school, as written.
    pub(crate) act: Option<String>,
}

/// A former id or name of a school, until the day before `since`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Former {
    /// A former id: results filed under it before `since` belong to this school.
    pub(crate) id: Option<String>,
    pub(crate) short_name: String,
    pub(crate) since: NaiveDate,
}

/// Whether results of `year` (ВПР in spring, ГИА in summer: all before September)
/// come before a change that took effect on `since`.
pub(crate) fn before(year: i32, since: NaiveDate) -> bool {
    NaiveDate::from_ymd_opt(year, 8, 31).is_some_and(|end| end < since)
}

/// Whether results of `year` come before the end of an organisation that worked
/// until `closed` inclusive.
pub(crate) fn exists_in(year: i32, closed: NaiveDate) -> bool {
    closed.succ_opt().is_none_or(|next| before(year, next))
}

/// What an id in a results file of a year stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum AtYear {
    /// A school of the register (by index).
    School(usize),
    /// Not in the register at all.
    Unknown,
    /// A former id used for a year after the change: the school is `successor`.
    Former { successor: usize, since: NaiveDate },
    /// A school's own id used for a year before it replaced its predecessors.
    NotYet {
        since: NaiveDate,
        former: Vec<String>,
    },
    /// A school's id used for a year after its last day (`closed:`).
    Closed { index: usize, closed: NaiveDate },
    /// The id of a school divided from another, for a year before it existed.
    BeforeSplit { index: usize, split: Split },
}

impl Organization {
    /// The key of every list of organisations: the short name in reading order
    /// ([`crate::text::reading_order`]), then the id.
    pub(crate) fn alphabetical_key(&self) -> (Vec<crate::text::NamePart>, String) {
        (
            crate::text::reading_order(&self.short_name),
            self.id.clone(),
        )
    }

    /// Whether the organisation works now: a closed one (divided into others) keeps
    /// its card and its history, but leaves the lists of current organisations.
    pub(crate) fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// The short name the school had for the results of `year`, when it was not
    /// its name now.
    pub(crate) fn name_in(&self, year: i32) -> Option<&str> {
        self.former
            .iter()
            .find(|f| before(year, f.since))
            .map(|f| f.short_name.as_str())
            .filter(|name| *name != self.short_name)
    }

    /// «до 01.09.2025 — МБОУ «Таёжная ООШ»» for each former name, oldest first.
    pub(crate) fn former_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in &self.former {
            let text = format!(
                "до {} — {}",
                crate::dates::format_date_short(f.since),
                f.short_name
            );
            if !out.contains(&text) {
                out.push(text);
            }
        }
        out
    }
}

/// The organisations and their index by id; the file is kept for messages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Register {
    pub(crate) file: Option<PathBuf>,
    pub(crate) organizations: Vec<Organization>,
    pub(crate) by_id: BTreeMap<String, usize>,
    /// Former ids (of renamed and merged schools): the school now and the day of the
    /// change.
    pub(crate) former_ids: BTreeMap<String, (usize, NaiveDate)>,
    /// The register's file is there but could not be read (already reported): links
    /// to its pages are not reported again as broken.
    pub(crate) unreadable: bool,
}

impl Register {
    /// What `id` in the results of `year` stands for (issue: a school over time).
    pub(crate) fn at_year(&self, id: &str, year: i32) -> AtYear {
        if let Some(&(successor, since)) = self.former_ids.get(id) {
            return if before(year, since) {
                AtYear::School(successor)
            } else {
                AtYear::Former { successor, since }
            };
        }
        let Some(&index) = self.by_id.get(id) else {
            return AtYear::Unknown;
        };
        let org = &self.organizations[index];
        if let Some(closed) = org.closed.filter(|&closed| !exists_in(year, closed)) {
            return AtYear::Closed { index, closed };
        }
        if let Some(split) = org.split.as_ref().filter(|s| before(year, s.since)) {
            return AtYear::BeforeSplit {
                index,
                split: split.clone(),
            };
        }
        let with_ids: Vec<&Former> = self.organizations[index]
            .former
            .iter()
            .filter(|f| f.id.is_some())
            .collect();
        match with_ids.iter().map(|f| f.since).min() {
            Some(since) if before(year, since) => AtYear::NotYet {
                since,
                former: with_ids.iter().filter_map(|f| f.id.clone()).collect(),
            },
            _ => AtYear::School(index),
        }
    }
}

/// Ids in data files that mean an aggregate, not an organisation.
pub(crate) const AGGREGATES: [&str; 3] = ["municipality", "region", "russia"];

pub(crate) fn resolve_register(
    source: Option<OrganizationsFile>,
    diagnostics: &mut Diagnostics,
) -> Register {
    let Some(source) = source else {
        return Register::default();
    };
    let mut register = Register {
        file: Some(source.file.clone()),
        ..Register::default()
    };
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    let mut continues: Vec<(usize, String, usize)> = Vec::new();
    let mut predecessors: Vec<(usize, crate::load::RawPredecessor, usize)> = Vec::new();
    let mut splits: Vec<(usize, crate::load::RawSplit)> = Vec::new();
    for raw in source.organizations {
        let valid_id = !raw.id.is_empty()
            && raw
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_id || AGGREGATES.contains(&raw.id.as_str()) || raw.id == "kind" {
            diagnostics.push(
                Diagnostic::error(&source.file, tr!(format!("id организации «{}» не подходит", raw.id), format!("organisation id “{}” is not valid", raw.id)))
                    .at_line(raw.line)
                    .hint(tr!("id пишется латиницей строчными буквами, цифрами и дефисами (sosh-1) и не может быть municipality, region, russia или kind", "an id is written in lowercase Latin letters, digits and hyphens (sosh-1) and cannot be municipality, region, russia or kind")),
            );
            continue;
        }
        if let Some(first) = lines.get(&raw.id) {
            diagnostics.push(
                Diagnostic::error(
                    &source.file,
                    tr!(
                        format!("id «{}» уже занят организацией в строке {first}", raw.id),
                        format!(
                            "id “{}” is already taken by the organisation on line {first}",
                            raw.id
                        )
                    ),
                )
                .at_line(raw.line)
                .hint(tr!(
                    "у каждой организации свой id",
                    "each organisation has its own id"
                )),
            );
            continue;
        }
        lines.insert(raw.id.clone(), raw.line);
        register
            .by_id
            .insert(raw.id.clone(), register.organizations.len());
        register.organizations.push(Organization {
            id: raw.id,
            name: raw.name.0,
            short_name: raw.short_name.0,
            kind: raw.kind,
            address: raw.address.map(|t| t.0),
            phone: raw.phone.map(|t| t.0),
            email: raw.email.map(|t| t.0),
            site: raw.site,
            social: raw
                .social
                .map(|pages| pages.into_iter().map(|p| (p.title.0, p.url)).collect()),
            head: raw.head.map(|t| t.0),
            functions: raw.functions.map(|t| t.0),
            rural: raw.rural,
            flags: raw.flags,
            aliases: raw.aliases.into_iter().map(|a| a.0).collect(),
            district: raw
                .district
                .map(|d| d.0.trim().to_string())
                .filter(|d| !d.is_empty()),
            profile: raw
                .profile
                .map(|p| (p.kind, p.subjects.into_iter().map(|s| s.0).collect())),
            continues_to: None,
            former: Vec::new(),
            closed: raw.closed.map(|d| d.0),
            split: None,
            successors: Vec::new(),
        });
        if let Some(split) = raw.split_from {
            splits.push((register.organizations.len() - 1, split));
        }
        for p in raw.replaces {
            let line = p.line;
            predecessors.push((register.organizations.len() - 1, p, line));
        }
        if let Some(target) = raw.continues_to {
            continues.push((
                register.organizations.len() - 1,
                target,
                raw.continues_to_line,
            ));
        }
    }
    resolve_predecessors(&mut register, predecessors, &source.file, diagnostics);
    resolve_continues(&mut register, continues, &source.file, diagnostics);
    super::split::resolve_splits(&mut register, splits, &source.file, diagnostics);
    register
}

/// Former ids and names (`replaces:`), checked: a former id is no id of the register.
fn resolve_predecessors(
    register: &mut Register,
    predecessors: Vec<(usize, crate::load::RawPredecessor, usize)>,
    file: &std::path::Path,
    diagnostics: &mut Diagnostics,
) {
    for (org, p, line) in predecessors {
        let since = p.since.0;
        if let Some(id) = &p.id {
            let problem = if register.by_id.contains_key(id) {
                Some(tr!(
                    format!("replaces: «{id}» — id действующей организации реестра"),
                    format!("replaces: “{id}” is the id of an organisation still in the register")
                ))
            } else if let Some((other, _)) = register.former_ids.get(id) {
                Some(tr!(
                    format!(
                        "replaces: «{id}» уже указан как прежний id организации «{}»",
                        register.organizations[*other].id
                    ),
                    format!(
                        "replaces: “{id}” is already given as a former id of “{}”",
                        register.organizations[*other].id
                    )
                ))
            } else {
                None
            };
            if let Some(message) = problem {
                diagnostics.push(
                    Diagnostic::error(file, message)
                        .at_line(line)
                        .hint(tr!(
                            "в replaces пишется прежний id, которого больше нет в реестре; если школа разделена на несколько, она остаётся в реестре с датой closed, а у каждой новой школы пишется split_from",
                            "replaces takes a former id that is no longer in the register; when a school is divided, it stays in the register with a closed date and each new school says split_from"
                        )),
                );
                continue;
            }
            register.former_ids.insert(id.clone(), (org, since));
        }
        register.organizations[org].former.push(Former {
            id: p.id,
            short_name: p.short_name.0,
            since,
        });
        register.organizations[org].former.sort_by_key(|f| f.since);
    }
}

/// Where a НОШ's pupils go on (`continues_to:`), checked.
fn resolve_continues(
    register: &mut Register,
    continues: Vec<(usize, String, usize)>,
    file: &std::path::Path,
    diagnostics: &mut Diagnostics,
) {
    for (org, target, line) in continues {
        match register.by_id.get(&target) {
            Some(&t) if t != org => register.organizations[org].continues_to = Some(t),
            _ => diagnostics.push(
                Diagnostic::error(
                    file,
                    tr!(
                        "continues_to: организации «{target}» нет в реестре",
                        "continues_to: organisation “{target}” is not in the register"
                    ),
                )
                .at_line(line)
                .hint(tr!(
                    "укажите id школы, в 5 классе которой продолжают обучение выпускники 4 класса",
                    "give the id of the school whose grade 5 takes the pupils leaving grade 4"
                )),
            ),
        }
    }
}
