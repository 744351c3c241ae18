//! The site's search: `search/index.json`, read by the theme's `js/search.js` on
//! the search page `/search/` (the page itself, with its list of every page for
//! readers without JavaScript, is rendered like any other).
//!
//! The index is built here rather than by an external tool so that it needs
//! nothing but this binary and follows the site's own structure: pages, plan items,
//! indicators and organisations are documents with a kind and a snippet. See
//! `index.rs` for the format; `terms.rs` for how words become terms (which the
//! script repeats exactly).

mod documents;
mod index;
mod terms;
#[cfg(test)]
mod tests;

use crate::model::Model;
use crate::render::OutputFile;

/// Path of the index in the output.
pub(crate) const INDEX_PATH: &str = "search/index.json";

/// The index of every page; `texts` are the pages' own texts (see `RenderedSite`).
pub(crate) fn search_files(model: &Model, texts: Vec<String>) -> Vec<OutputFile> {
    if !model.by_url.contains_key(crate::model::SEARCH_URL) {
        return Vec::new();
    }
    let documents = documents::collect_documents(model, texts);
    let index = index::build_index(&documents);
    let mut json = serde_json::to_vec(&index).unwrap_or_default();
    json.push(b'\n');
    vec![OutputFile::bytes(INDEX_PATH.to_string(), json)]
}
