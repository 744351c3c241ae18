//! From file paths under `content/` to site paths (pretty URLs).
//!
//! `news/a.md` -> `/news/a/`, `news/_index.md` -> `/news/`, `news/big/index.md` ->
//! `/news/big/`. Folder and page names are transliterated to Latin slugs
//! (`Новости` -> `novosti`) so addresses survive being pasted into a letter; an
//! attachment keeps its file name, since that is what the user links to.

use std::path::{Component, Path};

/// The folders of `relative` as URL segments, transliterated.
fn folder_segments(relative: &Path) -> Vec<String> {
    let parent = relative.parent().unwrap_or(Path::new(""));
    parent
        .components()
        .filter_map(|c| match c {
            Component::Normal(name) => Some(slug::slugify(name.to_string_lossy())),
            _ => None,
        })
        .collect()
}

fn join(segments: &[String]) -> String {
    if segments.is_empty() {
        "/".into()
    } else {
        format!("/{}/", segments.join("/"))
    }
}

/// Whether a Markdown file makes its folder's section (`_index.md`).
pub(crate) fn is_section_file(relative: &Path) -> bool {
    relative.file_name().is_some_and(|n| n == "_index.md")
}

/// A path as the user wrote it, with Windows separators read as `/`: someone who
/// copies `documents\prikaz-178` from Explorer names the same page as
/// `documents/prikaz-178`, on every platform (the site is built on Linux in CI, where
/// `\` would otherwise be part of a file name).
pub(crate) fn written_path(written: &str) -> std::borrow::Cow<'_, str> {
    if written.contains('\\') {
        written.replace('\\', "/").into()
    } else {
        written.into()
    }
}

/// The site path of a Markdown file.
pub(crate) fn page_url(relative: &Path) -> String {
    let mut segments = folder_segments(relative);
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if stem != "_index" && stem != "index" {
        segments.push(slug::slugify(stem));
    }
    join(&segments)
}

/// The site path of the folder a Markdown file belongs to: a page's section. For a
/// page bundle (`x/index.md`) it is the folder above `x`.
pub(crate) fn parent_section_url(relative: &Path) -> Option<String> {
    let url = page_url(relative);
    if url == "/" {
        return None;
    }
    let trimmed = url.trim_end_matches('/');
    let parent = &trimmed[..trimmed.rfind('/').unwrap_or(0) + 1];
    Some(parent.to_string())
}

/// The site path of an attachment (`Документы/приказ 1.pdf` -> `/dokumenty/приказ 1.pdf`).
pub(crate) fn attachment_url(relative: &Path) -> String {
    let name = relative
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{}{name}", join(&folder_segments(relative)))
}

/// The output file for a site path: `/news/a/` -> `news/a/index.html`.
pub(crate) fn output_path(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_windows_separators_as_slashes() {
        assert_eq!(
            written_path(r"documents\prikaz-178"),
            "documents/prikaz-178"
        );
        assert_eq!(
            written_path(r"..\Документы\приказ 1.pdf"),
            "../Документы/приказ 1.pdf"
        );
        assert_eq!(written_path("/news/vpr/"), "/news/vpr/");
    }

    #[test]
    fn makes_pretty_urls() {
        assert_eq!(page_url(Path::new("_index.md")), "/");
        assert_eq!(page_url(Path::new("news/_index.md")), "/news/");
        assert_eq!(
            page_url(Path::new("news/first-post.md")),
            "/news/first-post/"
        );
        assert_eq!(page_url(Path::new("news/big/index.md")), "/news/big/");
    }

    #[test]
    fn transliterates_russian_names() {
        assert_eq!(
            page_url(Path::new("Новости/Первая новость.md")),
            "/novosti/pervaia-novost/"
        );
        assert_eq!(
            attachment_url(Path::new("Новости/Приказ 1.pdf")),
            "/novosti/Приказ 1.pdf"
        );
    }

    #[test]
    fn finds_parent_sections() {
        assert_eq!(parent_section_url(Path::new("_index.md")), None);
        assert_eq!(
            parent_section_url(Path::new("news/_index.md")).as_deref(),
            Some("/")
        );
        assert_eq!(
            parent_section_url(Path::new("news/a.md")).as_deref(),
            Some("/news/")
        );
        assert_eq!(
            parent_section_url(Path::new("news/big/index.md")).as_deref(),
            Some("/news/")
        );
        assert_eq!(parent_section_url(Path::new("a.md")).as_deref(), Some("/"));
    }

    #[test]
    fn writes_index_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/news/a/"), "news/a/index.html");
    }
}
