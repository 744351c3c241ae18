//! Reads `data/organizations.yaml`: the register of educational organisations.

use crate::tr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Diagnostics;
use crate::model::vocabulary::{OrgFlag, OrgKind, ProfileKind};
use crate::yaml::{self, Text};

/// The register, in the data folder.
pub(super) const ORGANIZATIONS_FILE: &str = "organizations.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOrganization {
    pub(crate) id: String,
    pub(crate) name: Text,
    pub(crate) short_name: Text,
    pub(crate) kind: OrgKind,
    pub(crate) address: Option<Text>,
    pub(crate) phone: Option<Text>,
    pub(crate) email: Option<Text>,
    pub(crate) site: Option<String>,
    /// Official pages in social networks (8-ФЗ, ст. 13, ч. 1, п. 1 «в»); absent — not
    /// filled in, `[]` — the organisation has none.
    pub(crate) social: Option<Vec<crate::config::SocialPage>>,
    /// The head (director): a public official, named on the site.
    pub(crate) head: Option<Text>,
    /// Its tasks and functions, in a sentence or two (8-ФЗ, ст. 13, ч. 1, п. 1 «в»).
    pub(crate) functions: Option<Text>,
    #[serde(default)]
    pub(crate) rural: bool,
    #[serde(default)]
    pub(crate) flags: Vec<OrgFlag>,
    pub(crate) profile: Option<RawProfile>,
    /// Where the pupils of a primary school (НОШ) go on after the 4th grade: the id
    /// of the school whose 5th grade receives them.
    pub(crate) continues_to: Option<String>,
    /// What the school was before a rename or a merger: its former ids (results
    /// filed under them before `since` are this school's) or its former name.
    #[serde(default)]
    pub(crate) replaces: Vec<RawPredecessor>,
    /// The last day of an organisation that no longer exists (a school divided into
    /// others): it stays in the register for its history.
    pub(crate) closed: Option<yaml::Date>,
    /// The organisation this one was divided from, and when.
    pub(crate) split_from: Option<RawSplit>,
    /// Other names the organisation goes by in the region's and the schools' own
    /// tables («Школа № 5», «МОУ СОШ 5 г. Примерска»): `msoko import results` matches
    /// them to this entry.
    #[serde(default)]
    pub(crate) aliases: Vec<Text>,
    /// The district (район) or settlement the organisation belongs to, in words
    /// («Северный район»): large year pages of the analytics are split by it.
    pub(crate) district: Option<Text>,
    /// Filled after parsing: the file line of the entry's `id`.
    #[serde(skip)]
    pub(crate) line: usize,
    /// Filled after parsing: the file line of `continues_to`, where a wrong one is shown.
    #[serde(skip)]
    pub(crate) continues_to_line: usize,
}

/// Fills in where each entry and its references to other entries stand, for the
/// problems found when they are resolved.
pub(crate) fn assign_lines(organizations: &mut [RawOrganization], positions: &yaml::Positions) {
    for (i, org) in organizations.iter_mut().enumerate() {
        org.line = positions.line(&format!("[{i}].id")).unwrap_or(1);
        let line_of = |path: &str| positions.line(&format!("[{i}].{path}"));
        org.continues_to_line = line_of("continues_to").unwrap_or(org.line);
        if let Some(split) = org.split_from.as_mut() {
            split.at = positions
                .value(&format!("[{i}].split_from.id"))
                .map_or((org.line, 1), |at| (at.line, at.column));
        }
        for (j, former) in org.replaces.iter_mut().enumerate() {
            former.line = line_of(&format!("replaces[{j}]")).unwrap_or(org.line);
        }
    }
}

/// A school's predecessor: `{id: taezhnaya-oosh, short_name: "МБОУ «Таёжная ООШ»",
/// since: 2025-09-01}` — a former id (renamed with a new id, or one of several schools
/// merged into this one), or without `id` a former name under the same id.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPredecessor {
    pub(crate) id: Option<String>,
    pub(crate) short_name: Text,
    /// The day the new name or the merged school took effect.
    pub(crate) since: yaml::Date,
    /// Filled after parsing: the file line of this entry, where a wrong one is shown.
    #[serde(skip)]
    pub(crate) line: usize,
}

/// A school's origin in a division (реорганизация в форме разделения): `{id:
/// sosh-5, since: 2025-09-01, act: "постановление … № 812"}`. The divided school
/// closes the day before; its results stay its own.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSplit {
    pub(crate) id: String,
    /// The first day of the new school.
    pub(crate) since: yaml::Date,
    /// The act that divided the school.
    pub(crate) act: Option<Text>,
    /// Filled after parsing: where its `id` stands (line, column), where a wrong one
    /// is shown.
    #[serde(skip)]
    pub(crate) at: (usize, usize),
}

/// A лицей, a гимназия or in-depth study of subjects: high results are expected.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProfile {
    pub(crate) kind: ProfileKind,
    #[serde(default)]
    pub(crate) subjects: Vec<Text>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct OrganizationsFile {
    pub(crate) file: PathBuf,
    pub(crate) organizations: Vec<RawOrganization>,
}

pub(crate) fn load_organizations(
    root: &Path,
    data: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<OrganizationsFile> {
    let file = data.join(ORGANIZATIONS_FILE);
    let path = root.join(&file);
    if !path.is_file() {
        return None;
    }
    let text = crate::fs::read_text_to(&path, &file, diagnostics)?;
    match yaml::parse::<Vec<RawOrganization>>(&text, &file, 1) {
        Ok(mut organizations) => {
            let positions = yaml::Positions::new(&text);
            assign_lines(&mut organizations, &positions);
            for (i, org) in organizations.iter().enumerate() {
                if org.district.as_ref().is_some_and(|d| d.0.trim().is_empty()) {
                    let line = positions.line(&format!("[{i}].district"));
                    diagnostics.push(
                        crate::diagnostic::Diagnostic::error(
                            &file,
                            tr!(
                                format!("{}: district — пустая строка", org.id),
                                format!("{}: district is an empty string", org.id)
                            ),
                        )
                        .at_line(line.unwrap_or(org.line))
                        .hint(tr!(
                            "напишите район или поселение словами (district: Северный район) или уберите строку district",
                            "write the district or settlement in words (district: Северный район) or remove the district line"
                        )),
                    );
                }
            }
            // An organisation's site and social pages become links on its card: only
            // web addresses.
            for (i, org) in organizations.iter().enumerate() {
                let social = org.social.iter().flatten().enumerate();
                let social =
                    social.map(|(j, p)| ("social.url", format!("social[{j}].url"), &p.url));
                let site = org.site.iter().map(|s| ("site", "site".to_string(), s));
                for (key, path, url) in site.chain(social) {
                    let field = format!("{}: {key}", org.id);
                    if let Some(d) = crate::url::check_data_field(&field, url, &file) {
                        let line = positions.line(&format!("[{i}].{path}"));
                        diagnostics.push(d.at_line(line.unwrap_or(org.line)));
                    }
                }
            }
            Some(OrganizationsFile {
                file,
                organizations,
            })
        }
        Err(d) => {
            // A register of the wrong shape needs the reminder of its shape; a problem of
            // one value (a bad date, a misspelt field) keeps its own advice.
            let shape = matches!(d.code(), Some("yaml-wrong-type" | "missing-field"));
            let d = if !shape {
                d
            } else {
                d.hint(tr!("реестр — это список организаций: каждая начинается с «- id: …», затем name, short_name, kind", "the register is a list of organisations: each starts with “- id: …”, then name, short_name, kind"))
            };
            diagnostics.push(d);
            None
        }
    }
}
