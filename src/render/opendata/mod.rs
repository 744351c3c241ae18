//! Open data: every data set of the site as the Russian recommendations lay it out
//! (`layout`), made from the rows of `tables`, with a page per set for people.

mod layout;
mod tables;

use chrono::NaiveDate;
use serde::Serialize;

use super::columns::Field;
use super::site_file::OutputFile;
use super::views::DateView;
use crate::analyze::Analysis;
use crate::model::paths;
use crate::model::{Model, OpenDataSet, SetSource};
use tables::{Data, Table};

/// Rows shown on a set's page; the rest is in the files.
const PREVIEW_ROWS: usize = 10;

/// One published version of a set's data.
struct Version<'a> {
    date: NaiveDate,
    data: Data<'a>,
}

fn versions<'a>(model: &'a Model, set: &'a OpenDataSet) -> Vec<Version<'a>> {
    let mut list: Vec<Version<'a>> = set
        .earlier
        .iter()
        .filter_map(|(date, name)| {
            let snapshot = model.snapshots.get(name)?;
            Some(Version {
                date: *date,
                data: Data::Snapshot(snapshot, *date, name),
            })
        })
        .collect();
    list.push(Version {
        date: set.modified,
        data: Data::Current,
    });
    list
}

fn set_path(set: &OpenDataSet) -> String {
    paths::opendata_set(&set.identifier)
}

/// Every file of `/opendata/`.
pub(super) fn open_data_files(model: &Model, analysis: &Analysis) -> Vec<OutputFile> {
    let mut files = Vec::new();
    let bytes = |path: String, content: Vec<u8>| {
        OutputFile::bytes(path.trim_start_matches('/').to_string(), content)
    };
    for set in &model.open_data {
        let dir = set_path(set);
        let mut data_versions = Vec::new();
        let mut fields: &[Field] = &[];
        let mut current = None;
        let set_versions = versions(model, set);
        let Some(structure) = tables::structure_date(set_versions.iter().map(|v| v.date)) else {
            continue;
        };
        for version in set_versions {
            let table = tables::table(model, analysis, set.source, &version.data);
            let name = layout::data_name(version.date, structure);
            files.push(bytes(format!("{dir}{name}.csv"), layout::data_csv(&table)));
            files.push(bytes(
                format!("{dir}{name}.json"),
                layout::data_json(&table),
            ));
            data_versions.push((name.clone(), model.permalink(&format!("{dir}{name}.csv"))));
            fields = table.fields;
            current = Some(table);
        }
        let structure_name = layout::structure_name(structure);
        files.push(bytes(
            format!("{dir}{structure_name}.csv"),
            layout::structure_csv(fields),
        ));
        let authority = &model.config.authority;
        let responsible = authority
            .open_data
            .as_ref()
            .and_then(|o| o.responsible.as_ref());
        let provenance = provenance(model, set, current.as_ref());
        let passport = layout::Passport {
            identifier: &set.identifier,
            title: &set.title,
            description: &set.description,
            creator: &authority.full_name.0,
            created: set.created,
            modified: set.modified,
            subject: &set.subject,
            provenance: &provenance,
            valid: set.modified,
            publisher_name: responsible.map_or(&authority.full_name.0, |p| &p.name.0),
            publisher_phone: text_of(
                responsible
                    .and_then(|p| p.phone.as_ref())
                    .or(authority.phone.as_ref()),
            ),
            publisher_mbox: text_of(
                responsible
                    .and_then(|p| p.email.as_ref())
                    .or(authority.email.as_ref()),
            ),
            data_versions,
            structure_versions: vec![(
                structure_name.clone(),
                model.permalink(&format!("{dir}{structure_name}.csv")),
            )],
        };
        files.push(bytes(
            format!("{dir}meta.csv"),
            layout::passport_csv(&passport),
        ));
    }
    if !model.open_data.is_empty() {
        let entries: Vec<layout::ListEntry<'_>> = model
            .open_data
            .iter()
            .map(|set| layout::ListEntry {
                identifier: &set.identifier,
                title: &set.title,
                passport_url: model.permalink(&format!("{}meta.csv", set_path(set))),
            })
            .collect();
        files.push(bytes(
            "opendata/list.csv".into(),
            layout::list_csv(&entries),
        ));
    }
    files
}

fn text_of(text: Option<&crate::yaml::Text>) -> &str {
    text.map_or("", |t| t.0.as_str())
}

/// «содержание последнего изменения», in words from the data itself.
fn provenance(model: &Model, set: &OpenDataSet, table: Option<&Table>) -> String {
    match set.source {
        SetSource::Register => "Актуализированы сведения об образовательных организациях".into(),
        SetSource::Direction(_) => {
            let latest = table
                .and_then(|t| t.rows.iter().map(|r| r[3].clone()).max())
                .unwrap_or_default();
            let unit = if latest.contains('/') {
                "учебный год"
            } else {
                "год"
            };
            format!("Добавлены значения показателей за {latest} {unit}")
        }
        SetSource::Plan(_) => "Обновлены отметки о выполнении мероприятий".into(),
        SetSource::Documents => match model.documents.list.first() {
            Some(newest) => format!(
                "Добавлен документ: {}",
                super::names::designation(model, newest.page)
            ),
            None => String::new(),
        },
        SetSource::Cycle => {
            let years = model.cycle.years(model.cycle_year());
            match (years.first(), years.last()) {
                (Some(first), Some(last)) if first != last => format!(
                    "Звенья управленческого цикла за {first}–{last} годы; последний завершённый год — {last}"
                ),
                _ => format!("Звенья управленческого цикла за {} год", model.cycle_year()),
            }
        }
        SetSource::Objectivity | SetSource::Shnor => {
            let latest = table
                .and_then(|t| t.rows.iter().map(|r| r[0].clone()).max())
                .unwrap_or_default();
            format!("Добавлены результаты расчёта за {latest} год")
        }
    }
}

#[derive(Debug, Serialize)]
pub(super) struct SetView<'a> {
    identifier: &'a str,
    title: &'a str,
    description: &'a str,
    subject: &'a str,
    frequency: &'a str,
    created: DateView,
    modified: DateView,
    fields: &'a [Field],
    preview: Vec<Vec<String>>,
    rows: usize,
    passport_url: String,
    structure_url: String,
    versions: Vec<VersionView>,
    /// The site's page showing the same data.
    source: Option<super::views::LinkView>,
    url: String,
}

#[derive(Debug, Serialize)]
struct VersionView {
    date: DateView,
    csv_url: String,
    json_url: String,
    current: bool,
}

pub(super) fn set_view<'a>(model: &'a Model, analysis: &Analysis, index: usize) -> SetView<'a> {
    let set = &model.open_data[index];
    let dir = set_path(set);
    let table = tables::table(model, analysis, set.source, &Data::Current);
    let set_versions = versions(model, set);
    let structure = tables::structure_date(set_versions.iter().map(|v| v.date)).unwrap_or_default();
    let versions: Vec<VersionView> = set_versions
        .iter()
        .rev()
        .map(|v| {
            let name = layout::data_name(v.date, structure);
            VersionView {
                date: DateView::new(v.date),
                csv_url: model.link(&format!("{dir}{name}.csv")),
                json_url: model.link(&format!("{dir}{name}.json")),
                current: matches!(v.data, Data::Current),
            }
        })
        .collect();
    let source_path = match set.source {
        SetSource::Register => "/orgs/".to_string(),
        SetSource::Direction(d) => paths::direction_indicators(&model.indicators.directions[d].id),
        SetSource::Plan(p) => paths::plan(&model.plans[p].id),
        SetSource::Documents => "/documents/".into(),
        SetSource::Cycle => "/msoko/".into(),
        SetSource::Objectivity => "/objectivity/".into(),
        SetSource::Shnor => "/shnor/".into(),
    };
    SetView {
        identifier: &set.identifier,
        title: &set.title,
        description: &set.description,
        subject: &set.subject,
        frequency: set.frequency,
        created: DateView::new(set.created),
        modified: DateView::new(set.modified),
        fields: table.fields,
        preview: table.rows.iter().take(PREVIEW_ROWS).cloned().collect(),
        rows: table.rows.len(),
        passport_url: model.link(&format!("{dir}meta.csv")),
        structure_url: model.link(&format!("{dir}{}.csv", layout::structure_name(structure))),
        versions,
        source: model
            .by_url
            .get(&source_path)
            .map(|&i| super::views::LinkView {
                title: model.pages[i].title.clone(),
                url: model.link(&source_path),
                path: source_path.clone(),
            }),
        url: model.link(&dir),
    }
}

#[derive(Debug, Serialize)]
pub(super) struct CatalogView<'a> {
    sets: Vec<SetSummary<'a>>,
    list_url: String,
    license: Option<&'a str>,
    license_url: Option<&'a str>,
    responsible: Option<&'a crate::config::Person>,
}

#[derive(Debug, Serialize)]
struct SetSummary<'a> {
    title: &'a str,
    identifier: &'a str,
    url: String,
    modified: DateView,
    frequency: &'a str,
}

pub(super) fn catalog_view(model: &Model) -> CatalogView<'_> {
    let settings = model.config.authority.open_data.as_ref();
    CatalogView {
        sets: model
            .open_data
            .iter()
            .map(|set| SetSummary {
                title: &set.title,
                identifier: &set.identifier,
                url: model.link(&set_path(set)),
                modified: DateView::new(set.modified),
                frequency: set.frequency,
            })
            .collect(),
        list_url: model.link("/opendata/list.csv"),
        license: settings.map(|s| s.license.0.as_str()),
        license_url: settings.and_then(|s| s.license_url.as_deref()),
        responsible: settings.and_then(|s| s.responsible.as_ref()),
    }
}
