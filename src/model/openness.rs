//! Pages the openness law asks for, made from data: «Сведения об органе» at
//! `/about/`, the registry of acts at `/documents/`, open data at `/opendata/`, and
//! the settings of the version for the visually impaired at `/special/`.
//!
//! A page the site wrote itself at one of these addresses keeps its text, which is
//! shown above the generated part.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::opendata::OpenDataSet;
use super::{attach_or_generate, Page, PageData};

type Dates = (Option<NaiveDate>, Option<NaiveDate>);

pub(crate) fn add_openness_pages(pages: &mut Vec<Page>, config_dates: Dates, sets: &[OpenDataSet]) {
    attach_or_generate(
        pages,
        "about/_index.md",
        crate::config::CONFIG_FILE.into(),
        "Сведения об органе",
        PageData::Authority,
        config_dates,
    );
    let documents: Vec<&Page> = pages
        .iter()
        .filter(|p| p.kind.as_deref() == Some(super::documents::DOCUMENT_KIND))
        .collect();
    if !documents.is_empty() {
        let dates = (
            documents.iter().filter_map(|p| p.placed).min(),
            documents
                .iter()
                .filter_map(|p| p.updated.or(p.placed))
                .max(),
        );
        attach_or_generate(
            pages,
            "documents/_index.md",
            PathBuf::from(crate::load::CONTENT_DIR).join("documents"),
            "Документы",
            PageData::DocumentList,
            dates,
        );
    }
    if !sets.is_empty() {
        let dates = (
            sets.iter().map(|s| s.created).min(),
            sets.iter().map(|s| s.modified).max(),
        );
        attach_or_generate(
            pages,
            "opendata/_index.md",
            PathBuf::from(crate::load::DATA_DIR),
            "Открытые данные",
            PageData::OpenDataList,
            dates,
        );
        for (index, set) in sets.iter().enumerate() {
            pages.push(Page::generated(
                &format!("opendata/{}.md", set.identifier),
                PathBuf::from(crate::load::DATA_DIR),
                set.title.clone(),
                (Some(set.created), Some(set.modified)),
                PageData::OpenDataSet(index),
            ));
        }
    }
    attach_or_generate(
        pages,
        "special.md",
        crate::config::CONFIG_FILE.into(),
        "Версия для слабовидящих",
        PageData::Markdown,
        config_dates,
    );
}
