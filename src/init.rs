//! `msoko init DIR`: a new site from the starter embedded in the binary.
//!
//! The starter (`starter/` in this repository) is a small but complete site: the
//! settings, a few pages, a news section, a document, a plan, two indicators with
//! their values, a register of four organisations, a report with three chapters
//! using shortcodes, CI pipelines for GitHub and GitLab, and a README for the
//! specialist. It builds with no errors and no warnings, which a test checks.
//!
//! A folder that already has something in it is refused: `init` never overwrites.

use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

static STARTER: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/starter");
/// The site of `msoko init --empty`: settings with «ЗАПОЛНИТЕ: …» where the
/// department's details go, the home, documents and news sections, no examples.
static EMPTY: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/starter-empty");
/// What the empty site takes from the starter: the CI pipelines and `.gitignore`.
const SHARED: [&str; 4] = [
    ".github/workflows/msoko.yml",
    ".gitlab-ci.yml",
    ".ci/install-msoko.sh",
    ".gitignore",
];

/// Why a site could not be created.
#[derive(Debug)]
pub enum InitError {
    /// The folder exists and is not empty.
    NotEmpty(PathBuf),
    /// The path exists and is a file.
    NotAFolder(PathBuf),
    /// Writing failed.
    Io(anyhow::Error),
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::NotEmpty(dir) => write!(f, "папка {} не пуста", dir.display()),
            InitError::NotAFolder(dir) => write!(f, "{} — это файл, а не папка", dir.display()),
            InitError::Io(error) => write!(f, "{error:#}"),
        }
    }
}

impl std::error::Error for InitError {}

/// Writes the starter into `dir` (created if needed) and returns the files written,
/// relative to `dir`, sorted.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    init_keeping(dir, None)
}

/// [`init`] into a folder that may also hold the file named `keep`: msoko itself,
/// put into a new folder and double-clicked (`msoko.exe`). The starter has no file of
/// that name, so nothing is overwritten either.
pub fn init_keeping(dir: &Path, keep: Option<&std::ffi::OsStr>) -> Result<Vec<PathBuf>, InitError> {
    let mut files = Vec::new();
    collect(&STARTER, &mut files);
    write_site(dir, files, keep)
}

/// `msoko init --empty`: a site with the department's details to fill in and no
/// demo content; it builds, and `msoko check` lists what to add.
pub fn init_empty(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    init_empty_keeping(dir, None)
}

/// [`init_empty`] beside msoko itself, as [`init_keeping`].
pub fn init_empty_keeping(
    dir: &Path,
    keep: Option<&std::ffi::OsStr>,
) -> Result<Vec<PathBuf>, InitError> {
    let mut files = Vec::new();
    collect(&EMPTY, &mut files);
    let mut shared = Vec::new();
    collect(&STARTER, &mut shared);
    files.extend(
        shared
            .into_iter()
            .filter(|(path, _)| SHARED.iter().any(|s| path == Path::new(s))),
    );
    write_site(dir, files, keep)
}

fn write_site(
    dir: &Path,
    mut files: Vec<(PathBuf, &'static [u8])>,
    keep: Option<&std::ffi::OsStr>,
) -> Result<Vec<PathBuf>, InitError> {
    if dir.is_file() {
        return Err(InitError::NotAFolder(dir.to_path_buf()));
    }
    if dir.is_dir() {
        // A fresh clone holds only `.git`: «create the repository, clone, msoko init .».
        for entry in fs::read_dir(dir).map_err(|e| io(e, dir))? {
            let entry = entry.map_err(|e| io(e, dir))?;
            let name = entry.file_name();
            if name != ".git" && Some(name.as_os_str()) != keep {
                return Err(InitError::NotEmpty(dir.to_path_buf()));
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, bytes) in &files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io(e, parent))?;
        }
        fs::write(&target, bytes).map_err(|e| io(e, &target))?;
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

fn collect(dir: &'static Dir<'static>, files: &mut Vec<(PathBuf, &'static [u8])>) {
    for entry in dir.entries() {
        if let Some(sub) = entry.as_dir() {
            collect(sub, files);
        } else if let Some(file) = entry.as_file() {
            files.push((file.path().to_path_buf(), file.contents()));
        }
    }
}

fn io(error: std::io::Error, path: &Path) -> InitError {
    InitError::Io(
        anyhow::Error::new(error).context(format!("не удалось записать {}", path.display())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_starter_with_its_hidden_ci_files() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("site");
        let files = init(&dir).unwrap();
        for expected in [
            "site.yaml",
            "content/_index.md",
            ".github/workflows/msoko.yml",
            ".gitlab-ci.yml",
            ".ci/install-msoko.sh",
            ".gitignore",
            "README.md",
        ] {
            assert!(files.contains(&PathBuf::from(expected)), "{expected}");
            assert!(dir.join(expected).is_file(), "{expected}");
        }
    }

    #[test]
    fn writes_into_a_fresh_clone_that_holds_only_git() {
        let temp = tempfile::tempdir().unwrap();
        fs::create_dir(temp.path().join(".git")).unwrap();
        fs::write(temp.path().join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
        let files = init(temp.path()).unwrap();
        assert!(files.contains(&PathBuf::from("site.yaml")));
        assert_eq!(
            fs::read_to_string(temp.path().join(".git/HEAD")).unwrap(),
            "ref: refs/heads/main\n"
        );
        // `.git` beside anything else is still a folder in use.
        let other = tempfile::tempdir().unwrap();
        fs::create_dir(other.path().join(".git")).unwrap();
        fs::write(other.path().join("notes.txt"), "x").unwrap();
        assert!(matches!(init(other.path()), Err(InitError::NotEmpty(_))));
    }

    #[test]
    fn writes_an_empty_site_with_the_ci_files_and_no_demo_content() {
        let temp = tempfile::tempdir().unwrap();
        let files = init_empty(temp.path()).unwrap();
        for expected in [
            "site.yaml",
            "content/_index.md",
            "content/documents/_index.md",
            ".github/workflows/msoko.yml",
            ".gitlab-ci.yml",
            ".gitignore",
            "README.md",
        ] {
            assert!(files.contains(&PathBuf::from(expected)), "{expected}");
        }
        assert!(!temp.path().join("data/organizations.yaml").exists());
        assert!(!temp.path().join("content/doklad").exists());
        let readme = fs::read_to_string(temp.path().join("README.md")).unwrap();
        assert!(readme.contains("msoko init --empty") && readme.contains("docs/ru/README.md"));
    }

    #[test]
    fn refuses_a_folder_with_something_in_it() {
        let temp = tempfile::tempdir().unwrap();
        fs::write(temp.path().join("notes.txt"), "мои заметки").unwrap();
        assert!(matches!(init(temp.path()), Err(InitError::NotEmpty(_))));
        assert_eq!(
            fs::read_to_string(temp.path().join("notes.txt")).unwrap(),
            "мои заметки"
        );
    }

    #[test]
    fn fills_an_empty_folder() {
        let temp = tempfile::tempdir().unwrap();
        assert!(init(temp.path()).is_ok());
        assert!(temp.path().join("site.yaml").is_file());
    }
}
