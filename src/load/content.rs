//! Reads `content/`: Markdown pages (front matter + body) and every other file as an
//! attachment to be copied as is.

use crate::tr;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::front_matter::{self, FrontMatter};
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Where pages live, relative to the site root.
pub(crate) const CONTENT_DIR: &str = "content";

/// A Markdown page as read from disk, before URLs and dates are resolved.
#[derive(Debug, Clone)]
pub(crate) struct SourcePage {
    /// Path relative to the site root, for diagnostics (`content/news/a.md`).
    pub(crate) file: PathBuf,
    /// Path relative to `content/` (`news/a.md`).
    pub(crate) relative: PathBuf,
    pub(crate) front: FrontMatter,
    /// The front matter text, to point later diagnostics at a key's line.
    pub(crate) yaml: String,
    /// Where each front matter value stands (lines of `yaml`, which starts on line 2).
    pub(crate) positions: crate::yaml::Positions,
    pub(crate) body: String,
    /// 1-based file line on which the body starts.
    pub(crate) body_line: usize,
}

/// A non-Markdown file under `content/` (a PDF of an act, an image).
#[derive(Debug, Clone)]
pub(crate) struct Attachment {
    /// Path relative to `content/`.
    pub(crate) relative: PathBuf,
    pub(crate) path: PathBuf,
    pub(crate) size: u64,
}

pub(crate) fn load_content(
    root: &Path,
    diagnostics: &mut Diagnostics,
) -> (Vec<SourcePage>, Vec<Attachment>) {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(
                CONTENT_DIR,
                tr!(
                    "нет папки content с текстами страниц",
                    "there is no content folder with the pages' texts"
                ),
            )
            .hint(tr!(
                "создайте папку content и в ней файл _index.md — главную страницу",
                "create the folder content and in it the file _index.md, the home page"
            )),
        );
        return (Vec::new(), Vec::new());
    }
    let mut markdown = Vec::new();
    let mut attachments = Vec::new();
    for found in super::walk::walk(root, Path::new(CONTENT_DIR), diagnostics) {
        if is_markdown(&found.relative) {
            markdown.push(found.relative);
        } else {
            attachments.push(Attachment {
                relative: found.relative,
                path: found.path,
                size: found.size,
            });
        }
    }
    let results: Vec<(Result<SourcePage, Diagnostic>, Option<Diagnostic>)> = markdown
        .par_iter()
        .map(|relative| load_page(root, relative))
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    for (result, warning) in results {
        diagnostics.extend(warning);
        match result {
            Ok(page) => pages.push(page),
            Err(d) => diagnostics.push(d),
        }
    }
    (pages, attachments)
}

/// `.md` in any case, and `.markdown`: `Проект.MD` from a Windows editor is a page,
/// not an attachment copied raw with its front matter.
pub(crate) fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// A page, and the warning when its file was not saved as UTF-8.
pub(crate) fn load_page(
    root: &Path,
    relative: &Path,
) -> (Result<SourcePage, Diagnostic>, Option<Diagnostic>) {
    let file = Path::new(CONTENT_DIR).join(relative);
    match crate::fs::read_text(&root.join(&file), &file) {
        Ok(text) => (parse_page(relative, &file, &text.text), text.warning),
        Err(error) => (Err(error), None),
    }
}

fn parse_page(relative: &Path, file: &Path, text: &str) -> Result<SourcePage, Diagnostic> {
    let split = front_matter::split(text, file)?;
    let front = front_matter::parse(&split, file)?;
    Ok(SourcePage {
        relative: relative.to_path_buf(),
        front,
        yaml: split.yaml.to_string(),
        positions: crate::yaml::Positions::new(split.yaml),
        body: split.body.to_string(),
        body_line: split.body_line,
        file: file.to_path_buf(),
    })
}
