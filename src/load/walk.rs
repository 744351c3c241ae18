//! Walking a source folder (content/, data/, a theme) so that no file is skipped
//! without a word.
//!
//! Files come sorted by name. A symbolic link is followed when its target lies inside
//! the site root (a shared folder of attachments linked into two sections) and is
//! reported and left out when it leads outside (publishing `/etc/…` by accident) or
//! nowhere. Hidden files are left out with a warning, except `.well-known/`, which
//! exists to be published (security.txt, domain verification). Only the litter of
//! editors and operating systems is skipped quietly: `.DS_Store`, `Thumbs.db`,
//! `desktop.ini`, Office lock files `~$…`, backups `…~`, `.git`, `.gitkeep`.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::tr;

/// The folder of well-known addresses (RFC 8615), published although hidden.
const WELL_KNOWN: &str = ".well-known";

/// A file found by [`walk`]: where it is and how the user sees its path.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The path to read (through a followed link, if any).
    pub(crate) path: PathBuf,
    /// The path relative to the site root, as shown in messages.
    pub(crate) shown: PathBuf,
    /// The path relative to the walked folder.
    pub(crate) relative: PathBuf,
    pub(crate) size: u64,
}

/// Every file under `root/dir`, sorted; problems found on the way are pushed.
pub(crate) fn walk(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<Found> {
    let full = root.join(dir);
    let real_root = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let shown_of = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    // Two lists: the filter below holds the first while the loop pushes to the second.
    let mut skipped_entries = Vec::new();
    let mut problems = Vec::new();
    let mut found = Vec::new();
    let walker = WalkDir::new(&full)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() == 0 {
                return true;
            }
            let shown = shown_of(entry.path());
            if entry.path_is_symlink() && !inside(&real_root, entry.path()) {
                skipped_entries.push(
                    Diagnostic::warning(
                        &shown,
                        tr!(
                            "символическая ссылка ведёт за пределы папки сайта и не прочитана",
                            "the symbolic link leads outside the site folder and is not read"
                        ),
                    )
                    .hint(tr!(
                        "положите сам файл или папку внутрь папки сайта",
                        "put the file or folder itself inside the site folder"
                    )),
                );
                return false;
            }
            match skipped(entry) {
                Skip::No => true,
                Skip::Quietly => false,
                Skip::Hidden => {
                    skipped_entries.push(
                        Diagnostic::warning(
                            &shown,
                            tr!(
                                "скрытый файл (имя начинается с точки) не публикуется",
                                "a hidden file (its name starts with a dot) is not published"
                            ),
                        )
                        .hint(tr!(
                            "если он нужен на сайте, переименуйте его без точки в начале; настройки сервера (.htaccess) задаются на самом сервере, а не в папке сайта",
                            "if the site needs it, rename it without the leading dot; server settings (.htaccess) belong on the server itself, not in the site folder"
                        )),
                    );
                    false
                }
            }
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(&full);
                let (message, hint) = if error.loop_ancestor().is_some() {
                    (
                        tr!(
                            "символическая ссылка ведёт в папку, которая её содержит (петля), и не прочитана",
                            "the symbolic link leads to a folder that contains it (a loop) and is not read"
                        ),
                        tr!("удалите эту ссылку", "remove this link"),
                    )
                } else if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                    (
                        tr!(
                            "символическая ссылка никуда не ведёт (файла, на который она указывает, нет) и не прочитана",
                            "the symbolic link leads nowhere (its target does not exist) and is not read"
                        ),
                        tr!(
                            "удалите ссылку или верните файл, на который она указывает",
                            "remove the link or restore its target"
                        ),
                    )
                } else {
                    (
                        tr!("не удалось прочитать: {error}", "could not read: {error}"),
                        tr!(
                            "проверьте права доступа к файлу",
                            "check the file's permissions"
                        ),
                    )
                };
                problems.push(Diagnostic::warning(shown_of(path), message).hint(hint));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        found.push(Found {
            path: entry.path().to_path_buf(),
            shown: shown_of(entry.path()),
            relative: entry
                .path()
                .strip_prefix(&full)
                .unwrap_or(entry.path())
                .to_path_buf(),
            size: entry.metadata().map(|m| m.len()).unwrap_or(0),
        });
    }
    diagnostics.extend(skipped_entries);
    diagnostics.extend(problems);
    found
}

fn inside(real_root: &Path, path: &Path) -> bool {
    fs::canonicalize(path).is_ok_and(|real| real.starts_with(real_root))
}

enum Skip {
    No,
    Quietly,
    Hidden,
}

fn skipped(entry: &DirEntry) -> Skip {
    let name = entry.file_name();
    if is_litter(name) {
        Skip::Quietly
    } else if name == OsStr::new(WELL_KNOWN) && entry.file_type().is_dir() {
        Skip::No
    } else if name.to_string_lossy().starts_with('.') {
        Skip::Hidden
    } else {
        Skip::No
    }
}

/// What editors and operating systems leave behind and nobody means to publish.
pub(crate) fn is_litter(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    let lower = name.to_lowercase();
    matches!(
        lower.as_str(),
        ".ds_store" | "thumbs.db" | "desktop.ini" | ".git" | ".gitkeep" | ".gitignore" | ".keep"
    ) || name.starts_with("~$")
        || name.starts_with("._")
        || name.ends_with('~')
        || name.starts_with(".~lock.")
        || name.ends_with(".swp")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walked(root: &Path, dir: &str) -> (Vec<String>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let found = walk(root, Path::new(dir), &mut diagnostics);
        let files = found
            .iter()
            .map(|f| f.relative.to_string_lossy().replace('\\', "/"))
            .collect();
        let problems = diagnostics
            .into_sorted()
            .iter()
            .map(|d| format!("{}: {}", d.file.display(), d.message))
            .collect();
        (files, problems)
    }

    #[test]
    fn publishes_well_known_reports_other_hidden_files_and_skips_litter() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir_all(content.join(".well-known")).unwrap();
        fs::write(content.join(".well-known/security.txt"), "x").unwrap();
        fs::write(content.join(".htaccess"), "x").unwrap();
        fs::write(content.join(".DS_Store"), "x").unwrap();
        fs::write(content.join("~$приказ.docx"), "x").unwrap();
        fs::write(content.join("a.md"), "x").unwrap();
        let (files, problems) = walked(dir.path(), "content");
        assert_eq!(files, [".well-known/security.txt", "a.md"]);
        assert_eq!(
            problems,
            ["content/.htaccess: скрытый файл (имя начинается с точки) не публикуется"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn follows_links_inside_the_root_and_reports_the_others() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let content = root.join("content");
        fs::create_dir_all(root.join("shared")).unwrap();
        fs::create_dir_all(&content).unwrap();
        fs::write(root.join("shared/plan.pdf"), "x").unwrap();
        fs::write(dir.path().join("secret.txt"), "x").unwrap();
        symlink(root.join("shared"), content.join("files")).unwrap();
        symlink(dir.path().join("secret.txt"), content.join("secret.txt")).unwrap();
        symlink(root.join("missing.md"), content.join("broken.md")).unwrap();
        symlink(&content, content.join("loop")).unwrap();
        let (files, problems) = walked(&root, "content");
        assert_eq!(files, ["files/plan.pdf"]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("content/broken.md: символическая ссылка никуда не ведёт"));
        assert!(problems[1]
            .starts_with("content/loop: символическая ссылка ведёт в папку, которая её содержит"));
        assert!(
            problems[2].starts_with("content/secret.txt: символическая ссылка ведёт за пределы")
        );
    }
}
