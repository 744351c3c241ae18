//! The register of educational organisations, validated.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{OrgFlag, OrgKind, OrganizationsFile, ProfileKind};
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
    /// Other names it goes by in imported tables (`aliases:` in the register).
    pub(crate) aliases: Vec<String>,
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
}

impl OrgKind {
    pub(crate) const ALL: [OrgKind; 3] =
        [OrgKind::School, OrgKind::Kindergarten, OrgKind::Additional];

    pub(crate) fn id(self) -> &'static str {
        match self {
            OrgKind::School => "school",
            OrgKind::Kindergarten => "kindergarten",
            OrgKind::Additional => "additional",
        }
    }

    /// Plural, for headings: «Школы».
    pub(crate) fn label(self) -> &'static str {
        match self {
            OrgKind::School => "Школы",
            OrgKind::Kindergarten => "Детские сады",
            OrgKind::Additional => "Дополнительное образование",
        }
    }
}

/// The organisations and their index by id; the file is kept for messages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Register {
    pub(crate) file: Option<PathBuf>,
    pub(crate) organizations: Vec<Organization>,
    pub(crate) by_id: BTreeMap<String, usize>,
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
            profile: raw
                .profile
                .map(|p| (p.kind, p.subjects.into_iter().map(|s| s.0).collect())),
            continues_to: None,
        });
        if let Some(target) = raw.continues_to {
            continues.push((register.organizations.len() - 1, target, raw.line));
        }
    }
    for (org, target, line) in continues {
        match register.by_id.get(&target) {
            Some(&t) if t != org => register.organizations[org].continues_to = Some(t),
            _ => diagnostics.push(
                Diagnostic::error(
                    &source.file,
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
    register
}

impl Register {
    /// Schools whose 5th grade receives pupils from another school's 4th grade.
    pub(crate) fn receiving(&self) -> std::collections::BTreeSet<usize> {
        self.organizations
            .iter()
            .filter_map(|o| o.continues_to)
            .collect()
    }
}
