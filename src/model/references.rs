//! Names of pages and files as data files write them (`documents/prikaz-178`,
//! `/news/vpr/`, `documents/prikaz.pdf`), resolved to this site's addresses.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::plan::Reference;
use super::{paths, Page};
use crate::load::FileSource;

pub(crate) struct References<'a> {
    by_relative: BTreeMap<PathBuf, &'a Page>,
    by_url: BTreeMap<&'a str, &'a Page>,
    files: &'a BTreeMap<String, FileSource>,
}

impl<'a> References<'a> {
    pub(crate) fn new(pages: &'a [Page], files: &'a BTreeMap<String, FileSource>) -> Self {
        References {
            by_relative: pages.iter().map(|p| (p.relative.clone(), p)).collect(),
            by_url: pages.iter().map(|p| (p.url.as_str(), p)).collect(),
            files,
        }
    }

    /// The page or file named by `written`, if it exists.
    pub(crate) fn resolve(&self, written: &str) -> Option<Reference> {
        let written = paths::written_path(written);
        let written = written.trim();
        let page = |page: &Page| Reference {
            url: page.url.clone(),
            title: page.title.clone(),
        };
        if written.starts_with('/') {
            let url = if written.ends_with('/') || Path::new(written).extension().is_some() {
                written.to_string()
            } else {
                format!("{written}/")
            };
            if let Some(found) = self.by_url.get(url.as_str()) {
                return Some(page(found));
            }
            let file = url.trim_start_matches('/');
            return self.files.contains_key(file).then(|| Reference {
                url: url.clone(),
                title: file.rsplit('/').next().unwrap_or(file).to_string(),
            });
        }
        let relative = Path::new(written.trim_end_matches('/'));
        let candidates = [
            relative.with_extension("md"),
            relative.join("_index.md"),
            relative.join("index.md"),
            relative.to_path_buf(),
        ];
        if let Some(found) = candidates.iter().find_map(|c| self.by_relative.get(c)) {
            return Some(page(found));
        }
        let url = paths::attachment_url(relative);
        self.files
            .contains_key(url.trim_start_matches('/'))
            .then(|| Reference {
                title: relative
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                url,
            })
    }

    pub(crate) fn hint(&self) -> crate::diagnostic::Message {
        crate::tr!(
            "укажите страницу сайта путём в папке content без .md (documents/prikaz-178), адресом (/documents/prikaz-178/) или файл (documents/prikaz-178.pdf)",
            "give a page of the site by its path in the content folder without .md (documents/prikaz-178), by its address (/documents/prikaz-178/) or a file (documents/prikaz-178.pdf)"
        )
    }
}
