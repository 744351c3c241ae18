//! A fixture site copied to a temp dir, built with the `msoko` binary.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

pub(crate) struct Site {
    // Held so the directory lives as long as the site (none for a shared build).
    _dir: Option<tempfile::TempDir>,
    pub(crate) root: PathBuf,
}

/// A fixture site built once per test binary, with the run that built it.
pub(crate) struct Built {
    pub(crate) site: Site,
    pub(crate) run: Run,
}

/// `tests/sites/<name>` built with `build --as-of 2025-06-01`, shared by the tests that
/// only read it: two dozen tests used to copy and build the same fixture each. A test
/// that changes the site makes its own copy with [`Site::fixture`].
pub(crate) fn built(name: &str) -> &'static Built {
    shared(name, false)
}

/// [`built`] after committing the site to git, so that dates come from history.
pub(crate) fn built_from_git(name: &str) -> &'static Built {
    shared(name, true)
}

fn shared(name: &str, git: bool) -> &'static Built {
    static BUILT: OnceLock<Mutex<BTreeMap<(String, bool), &'static Built>>> = OnceLock::new();
    // A test that panicked while building leaves no entry: the next one tries again.
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    built.entry((name.to_string(), git)).or_insert_with(|| {
        // Under the target's temp folder, not a TempDir: a static is never dropped,
        // so a TempDir would never be removed; this folder is replaced by each run.
        let kind = if git { "git" } else { "plain" };
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("e2e-built")
            .join(format!("{name}-{kind}"));
        if root.exists() {
            fs::remove_dir_all(&root).unwrap();
        }
        copy_dir(&fixture_dir(name), &root);
        let site = Site { _dir: None, root };
        if git {
            site.commit_to_git();
        }
        let run = site.build();
        Box::leak(Box::new(Built { site, run }))
    })
}

fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites")
        .join(name)
}

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `msoko <args>` as is.
pub(crate) fn msoko<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Run {
    let output = command().args(args).output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The `msoko` binary with the environment a test expects whatever the machine: not
/// in CI (`CI` would turn warnings into errors) and no Chromium (printing a report
/// takes seconds; the tests of printing set `MSOKO_CHROMIUM` themselves).
pub(crate) fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_msoko"));
    command.env_remove("CI").env("MSOKO_CHROMIUM", "");
    command
}

impl Site {
    /// A copy of `tests/sites/<name>`.
    pub(crate) fn fixture(name: &str) -> Site {
        let site = Site::empty();
        copy_dir(&fixture_dir(name), &site.root);
        site
    }

    /// A copy of the demo site at the root of the repository (its settings, content,
    /// data and assets): every kind of page there is.
    pub(crate) fn demo() -> Site {
        let site = Site::empty();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        fs::create_dir_all(&site.root).unwrap();
        fs::copy(repo.join("site.yaml"), site.root.join("site.yaml")).unwrap();
        for dir in ["content", "data", "assets"] {
            if repo.join(dir).is_dir() {
                copy_dir(&repo.join(dir), &site.root.join(dir));
            }
        }
        site
    }

    /// A folder `site` (not created) in a fresh temp dir.
    pub(crate) fn empty() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        Site {
            _dir: Some(dir),
            root,
        }
    }

    /// Writes (or replaces) a file of the site.
    pub(crate) fn write(&self, path: &str, text: &str) -> &Site {
        let path = self.root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    pub(crate) fn remove(&self, path: &str) -> &Site {
        fs::remove_file(self.root.join(path)).unwrap();
        self
    }

    /// Runs `msoko <args> --root <site>`.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        let output = command()
            .args(args)
            .arg("--root")
            .arg(&self.root)
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// `msoko build --as-of 2025-06-01`, which must succeed.
    pub(crate) fn build(&self) -> Run {
        let run = self.run(&["build", "--as-of", "2025-06-01"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// Commits the site to a new git repository, so that pages and data sets get
    /// their dates from history, as on a real site.
    pub(crate) fn commit_to_git(&self) -> &Site {
        for args in [
            &["init", "-q"][..],
            &["add", "-A"],
            &[
                "-c",
                "user.name=msoko",
                "-c",
                "user.email=msoko@example.ru",
                "commit",
                "-q",
                "--date=2025-05-20T10:00:00",
                "-m",
                "site",
            ],
        ] {
            let status = Command::new("git")
                .args(args)
                .current_dir(&self.root)
                .env("GIT_COMMITTER_DATE", "2025-05-20T10:00:00")
                .status()
                .unwrap();
            assert!(status.success(), "git {args:?}");
        }
        self
    }

    pub(crate) fn public(&self) -> PathBuf {
        self.root.join("public")
    }

    /// The text of a source file of the site.
    pub(crate) fn read_source(&self, path: &str) -> String {
        fs::read_to_string(self.root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The text of an output file.
    pub(crate) fn read(&self, path: &str) -> String {
        fs::read_to_string(self.public().join(path))
            .unwrap_or_else(|e| panic!("public/{path}: {e}"))
    }
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every `index.html` (and `404.html`) under `dir`, by site path (`/news/a/`).
pub(crate) fn html_pages(dir: &Path) -> Vec<(String, String)> {
    snapshot(dir)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| {
            let path = path.replace('\\', "/");
            let url = format!("/{}", path.trim_end_matches("index.html"));
            (url, String::from_utf8(bytes).unwrap())
        })
        .collect()
}

/// Every file under `dir` with its bytes, sorted by path.
pub(crate) fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    collect(dir, dir, &mut files);
    files.sort();
    files
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            collect(base, &entry.path(), files);
        } else {
            let relative = entry
                .path()
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            files.push((relative, fs::read(entry.path()).unwrap()));
        }
    }
}
