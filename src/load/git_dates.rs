//! Placement and last-change dates of files from git history.
//!
//! A page without `date`/`updated` takes them from git: the first and the last commit
//! that touched the file. Never from mtimes (every clone resets them) or the build
//! clock, so the same commit always builds the same site. One `git log` for the whole
//! content tree, not one per file. No git, no repository or a shallow clone give fewer
//! dates, never an error: the pages then get a warning.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;

/// First and last commit dates of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileDates {
    pub(crate) first: NaiveDate,
    pub(crate) last: NaiveDate,
}

/// Dates keyed by path relative to the site root.
pub(crate) type GitDates = BTreeMap<PathBuf, FileDates>;

/// Reads the history of the folders `dirs` of `root`. Returns an empty map outside a
/// repository.
pub(crate) fn load_git_dates(root: &Path, dirs: &[&str]) -> GitDates {
    let Some(toplevel) = git(root, &["rev-parse", "--show-toplevel"]) else {
        return GitDates::new();
    };
    let (Ok(toplevel), Ok(root)) = (
        Path::new(toplevel.trim()).canonicalize(),
        root.canonicalize(),
    ) else {
        return GitDates::new();
    };
    let Ok(root_in_repo) = root.strip_prefix(&toplevel) else {
        return GitDates::new();
    };
    let pathspecs: Vec<String> = dirs
        .iter()
        .map(|dir| root_in_repo.join(dir).to_string_lossy().into_owned())
        .collect();
    let mut args = vec![
        "log",
        "--format=%x01%cs",
        "-z",
        "--name-only",
        "--no-renames",
        "--",
    ];
    args.extend(pathspecs.iter().map(String::as_str));
    let Some(log) = git(&toplevel, &args) else {
        return GitDates::new();
    };
    parse_log(&log, root_in_repo)
}

/// Is the repository around `root` a shallow clone (CI checkouts are by default)?
/// Its history then starts at the last commit, and every file seems placed that day.
pub(crate) fn is_shallow_clone(root: &Path) -> bool {
    git(root, &["rev-parse", "--is-shallow-repository"]).is_some_and(|out| out.trim() == "true")
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Parses `git log --format=%x01%cs -z --name-only` (newest commit first): a token
/// starting with \x01 is a commit date, the tokens after it are the files it touched.
fn parse_log(log: &str, root_in_repo: &Path) -> GitDates {
    let mut dates = GitDates::new();
    let mut current: Option<NaiveDate> = None;
    for token in log.split('\0') {
        if let Some(date) = token.strip_prefix('\u{1}') {
            current = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok();
            continue;
        }
        let path = token.trim_start_matches('\n');
        let (Some(date), false) = (current, path.is_empty()) else {
            continue;
        };
        let Ok(relative) = Path::new(path).strip_prefix(root_in_repo) else {
            continue;
        };
        dates
            .entry(relative.to_path_buf())
            .and_modify(|d: &mut FileDates| d.first = date)
            .or_insert(FileDates {
                first: date,
                last: date,
            });
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn takes_first_and_last_commit_of_each_file() {
        let log = "\u{1}2025-03-04\0\nsite/content/b c.md\0\u{1}2025-01-02\0\nsite/content/b c.md\0site/content/новости/а.md\0";
        let dates = parse_log(log, Path::new("site"));
        assert_eq!(
            dates[Path::new("content/b c.md")],
            FileDates {
                first: ymd(2025, 1, 2),
                last: ymd(2025, 3, 4)
            }
        );
        assert_eq!(
            dates[Path::new("content/новости/а.md")].last,
            ymd(2025, 1, 2)
        );
    }

    #[test]
    fn is_empty_outside_a_repository() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load_git_dates(dir.path(), &["content"]).is_empty());
    }
}
