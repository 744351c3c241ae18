//! Which folder a build may replace.
//!
//! A build replaces its output folder whole, so a mistyped `--out` would destroy
//! whatever it names: `--out content` would turn the pages into the generated site,
//! `--out .` the whole repository, `.git` included. So the output folder is checked
//! before anything is read: never the site root, a folder above it, or a folder
//! inside the sources (`content/`, `data/`, `themes/`, `assets/`, `.git`); and an
//! existing folder is replaced only when it is empty or carries msoko's marker file,
//! which every build writes into its output. The default `ROOT/public` is the
//! output by the site's contract, so it is replaced even without the marker (sites
//! built before the marker existed).

use std::ffi::OsString;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::tr;

/// The file every output folder carries, so a later build knows it may replace it.
pub(crate) const MARKER: &str = ".msoko-output";

/// What the marker file says to a person who opens it.
pub(crate) const MARKER_TEXT: &str =
    "Эту папку создала программа msoko (msoko build): при каждой сборке \
она заменяется целиком. Не храните здесь своих файлов.\n\
This folder is written by msoko build and replaced whole on every build.\n";

/// The site's source folders, relative to the root: an output inside them would be
/// read back as sources or would replace them.
const SOURCE_DIRS: [&str; 5] = ["content", "data", "themes", "assets", ".git"];

/// The output folder as an absolute path with `.` and `..` resolved and symbolic
/// links of its existing part followed, so that `--out ./content/..` and a link to
/// the root are recognised for what they are.
pub(crate) fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut normal = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    // Canonicalise the longest part that exists; the rest is appended as written.
    let mut existing = normal.clone();
    let mut rest: Vec<OsString> = Vec::new();
    loop {
        if let Ok(real) = fs::canonicalize(&existing) {
            let mut out = real;
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.file_name().map(OsString::from), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return normal,
        }
    }
}

/// Why `out` may not be written, as a diagnostic against `shown` (the path as the
/// user typed it); `None` when it may. `chosen`: the user named it with `--out`
/// (the default `ROOT/public`, even when it is a link to the web server's folder,
/// is the output by contract).
pub(crate) fn refuse(root: &Path, out: &Path, shown: &Path, chosen: bool) -> Option<Diagnostic> {
    let root = resolve(root);
    let out = resolve(out);
    let hint = tr!(
        "укажите в --out отдельную папку для готового сайта, например public или ../site-public",
        "give --out a folder of its own for the built site, e.g. public or ../site-public"
    );
    if out == root {
        return Some(
            Diagnostic::error(
                shown,
                tr!(
                    "--out указывает на саму папку сайта: сборка заменила бы её целиком, вместе с content/, data/ и .git",
                    "--out names the site folder itself: the build would replace all of it, content/, data/ and .git included"
                ),
            )
            .hint(hint),
        );
    }
    if root.starts_with(&out) {
        return Some(
            Diagnostic::error(
                shown,
                tr!(
                    "--out указывает на папку, в которой лежит сам сайт: сборка заменила бы её целиком вместе с исходными файлами",
                    "--out names a folder that contains the site itself: the build would replace it with the sources inside"
                ),
            )
            .hint(hint),
        );
    }
    for dir in SOURCE_DIRS {
        if out.starts_with(root.join(dir)) {
            return Some(
                Diagnostic::error(
                    shown,
                    tr!(
                        "--out указывает внутрь папки {dir}/ с исходными файлами сайта: готовый сайт заменил бы их",
                        "--out points inside {dir}/, which holds the site's sources: the built site would replace them"
                    ),
                )
                .hint(hint),
            );
        }
    }
    let default = !chosen || out == root.join("public");
    match fs::symlink_metadata(&out) {
        Err(_) => None,
        Ok(meta) if !meta.is_dir() => Some(
            Diagnostic::error(
                shown,
                tr!(
                    "--out указывает на файл, а не на папку; сборка его не заменяет",
                    "--out names a file, not a folder; the build does not replace it"
                ),
            )
            .hint(hint),
        ),
        Ok(_) if default || out.join(MARKER).is_file() || is_empty(&out) => None,
        Ok(_) => Some(
            Diagnostic::error(
                shown,
                tr!(
                    "папка не пуста, и её создала не msoko (в ней нет файла {MARKER}): сборка заменила бы её целиком, и всё, что в ней лежит, пропало бы",
                    "the folder is not empty and was not made by msoko (it has no {MARKER} file): the build would replace it whole and everything in it would be lost"
                ),
            )
            .hint(tr!(
                "укажите новую или пустую папку; если в этой папке действительно только старая сборка сайта, удалите её содержимое вручную",
                "name a new or empty folder; if this folder really holds only an old build of the site, empty it by hand"
            )),
        ),
    }
}

fn is_empty(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        for sub in ["content/news", "data", ".git"] {
            fs::create_dir_all(root.join(sub)).unwrap();
        }
        fs::write(root.join("site.yaml"), "title: x\n").unwrap();
        (dir, root)
    }

    fn refused(root: &Path, out: &Path) -> Option<String> {
        refuse(root, out, out, true).map(|d| d.message.ru)
    }

    #[test]
    fn refuses_the_root_a_folder_above_it_and_the_sources() {
        let (dir, root) = site();
        assert!(refused(&root, &root).unwrap().contains("саму папку сайта"));
        assert!(refused(&root, &root.join("content/..")).is_some());
        assert!(refused(&root, dir.path())
            .unwrap()
            .contains("лежит сам сайт"));
        for inside in ["content", "content/news", "data/x", ".git", "themes/t"] {
            let message = refused(&root, &root.join(inside)).unwrap();
            assert!(message.contains("внутрь папки"), "{inside}: {message}");
        }
    }

    #[test]
    fn refuses_a_folder_not_made_by_msoko_and_a_file() {
        let (dir, root) = site();
        let other = dir.path().join("docs");
        fs::create_dir_all(&other).unwrap();
        assert_eq!(refused(&root, &other), None, "an empty folder is fine");
        fs::write(other.join("thesis.docx"), "x").unwrap();
        assert!(refused(&root, &other).unwrap().contains("создала не msoko"));
        fs::write(other.join(MARKER), MARKER_TEXT).unwrap();
        assert_eq!(refused(&root, &other), None);
        assert!(refused(&root, &root.join("site.yaml"))
            .unwrap()
            .contains("на файл"));
    }

    #[test]
    fn accepts_a_new_folder_and_the_default_public() {
        let (dir, root) = site();
        assert_eq!(refused(&root, &dir.path().join("www/new")), None);
        fs::create_dir_all(root.join("public")).unwrap();
        fs::write(root.join("public/index.html"), "old").unwrap();
        assert_eq!(refused(&root, &root.join("public")), None);
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_symbolic_link_to_the_sources() {
        let (dir, root) = site();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(root.join("content"), &link).unwrap();
        assert!(refused(&root, &link).unwrap().contains("внутрь папки"));
    }
}
