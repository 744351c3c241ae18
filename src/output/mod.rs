//! Stage 4: put the rendered site on disk, all or nothing.
//!
//! The new site is written to a staging folder next to the output folder (same
//! filesystem, so the final renames are cheap), file by file as render finishes them
//! (so the site is never all in memory), then swapped in. A failed build or a failed
//! write removes the staging folder and leaves the old output as it was. A file whose
//! bytes did not change is hard-linked from the old output instead of written again:
//! on a real disk writing thousands of files dominates, and unchanged files keep their
//! modification time, which makes uploads by rsync cheap. Whether it changed is told
//! by its size first; the old file is read only when the sizes match.

mod guard;
mod indexing;
mod pdf;
mod search;
mod swap;

pub(crate) use guard::{MARKER, MARKER_TEXT};
pub(crate) use indexing::indexing_files;
pub(crate) use pdf::report_pdfs;
pub(crate) use search::search_files;

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use anyhow::{Context as _, Result};

use crate::diagnostic::Diagnostic;
use crate::model::FileSource;
use crate::render::{OutputContent, OutputFile, Sink};
use crate::tr;

/// What writing did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files whose bytes were written.
    pub written: usize,
    /// Files kept from the previous output (unchanged).
    pub unchanged: usize,
}

/// The output folder a build is about to replace, checked and locked (see [`prepare`]).
#[derive(Debug)]
pub(crate) struct Output {
    beside: swap::Beside,
    lock: Option<swap::BuildLock>,
}

/// Why a build may not write its output at all: the command was wrong (exit 2).
pub(crate) fn prepare(root: &Path, out: &Path, chosen: bool) -> Result<Output, Diagnostic> {
    if let Some(refusal) = guard::refuse(root, out, out, chosen) {
        return Err(refusal);
    }
    let beside = swap::Beside::new(&guard::resolve(out));
    let mut output = Output { beside, lock: None };
    // A folder that does not exist yet is created only when the site is written, so
    // that a build which fails (a wrong --root) leaves no empty folders behind.
    if output.beside.lock.parent().is_some_and(Path::is_dir) {
        output.lock(out)?;
    }
    Ok(output)
}

impl Output {
    fn lock(&mut self, shown: &Path) -> Result<(), Diagnostic> {
        match swap::lock(&self.beside) {
            Ok(lock) => self.lock = Some(lock),
            Err(swap::LockError::Busy) => {
                return Err(Diagnostic::error(
                    shown,
                    tr!(
                        "в эту папку уже идёт сборка сайта (другой командой msoko build или msoko serve)",
                        "a build into this folder is already running (another msoko build or msoko serve)"
                    ),
                )
                .hint(tr!(
                    "дождитесь её окончания и запустите сборку снова",
                    "wait for it to finish and run the build again"
                )))
            }
            Err(swap::LockError::Io(error)) => {
                let file = self.beside.lock.display();
                return Err(Diagnostic::error(
                    shown,
                    tr!(
                        "не удалось создать файл блокировки {file}: {error}",
                        "could not create the lock file {file}: {error}"
                    ),
                )
                .hint(tr!(
                    "проверьте, что папка доступна для записи",
                    "check that the folder is writable"
                )))
            }
        }
        // Under the lock: undo what a build killed mid-swap left behind.
        swap::recover(&self.beside).map_err(|error| {
            Diagnostic::error(
                shown,
                tr!(
                    "не удалось убрать остатки прерванной сборки рядом с папкой: {error}",
                    "could not clean up what an interrupted build left beside the folder: {error}"
                ),
            )
            .hint(tr!(
                "закройте программы, в которых открыты файлы сайта, и запустите сборку снова",
                "close programs that have files of the site open and run the build again"
            ))
        })
    }
}

/// The staging folder a build streams its files into, as a [`Sink`]: each file is
/// written (or linked from the old output, when its bytes are the same) as soon as
/// render hands it on. [`Staging::finish`] swaps the folder in; dropped unfinished
/// (the build failed), it removes the staging folder and any folder it created, and
/// the output is as it was.
pub(crate) struct Staging {
    output: Output,
    /// The output folder as the user named it, for messages.
    shown: PathBuf,
    /// Folders above the output created for this build, deepest last.
    created: Vec<PathBuf>,
    /// Folders inside the staging folder made so far.
    dirs: Mutex<HashSet<PathBuf>>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    /// Problems writing, by the file's path in the output.
    errors: Mutex<Vec<(String, anyhow::Error)>>,
    finished: bool,
}

impl Staging {
    /// Takes the output's lock if it was not taken (creating the folders above it)
    /// and makes an empty staging folder.
    pub(crate) fn open(output: Output, shown: &Path) -> Result<Staging> {
        let mut staging = Staging {
            output,
            shown: shown.to_path_buf(),
            created: Vec::new(),
            dirs: Mutex::default(),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            errors: Mutex::default(),
            finished: false,
        };
        if staging.output.lock.is_none() {
            if let Some(parent) = staging.output.beside.lock.parent() {
                staging.created = missing_ancestors(parent);
                fs::create_dir_all(parent)
                    .with_context(|| format!("не удалось создать папку {}", parent.display()))?;
            }
            staging
                .output
                .lock(shown)
                .map_err(|d| anyhow::anyhow!("{}", d.message.ru()))?;
        }
        let path = &staging.output.beside.staging;
        fs::create_dir_all(path)
            .with_context(|| format!("не удалось создать папку {}", path.display()))?;
        Ok(staging)
    }

    /// Swaps the staging folder in, once every file was written.
    pub(crate) fn finish(mut self) -> Result<WriteStats> {
        let beside = &self.output.beside;
        let marker = OutputContent::Bytes(guard::MARKER_TEXT.as_bytes().to_vec());
        write_one(
            &beside.staging.join(guard::MARKER),
            &beside.out.join(guard::MARKER),
            &marker,
        )?;
        let mut errors = std::mem::take(&mut *lock(&self.errors));
        if !errors.is_empty() {
            // The first in the order of paths, whichever thread met it first.
            errors.sort_by(|a, b| a.0.cmp(&b.0));
            return Err(errors.swap_remove(0).1);
        }
        let stats = WriteStats {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        };
        // On failure `swap` removes the staging folder itself.
        self.finished = true;
        swap::swap(beside)
            .with_context(|| format!("не удалось заменить папку {}", self.shown.display()))?;
        Ok(stats)
    }

    fn write(&self, file: &OutputFile) -> Result<bool> {
        let beside = &self.output.beside;
        let old = beside.out.join(&file.path);
        if let Some(dir) = Path::new(&file.path).parent() {
            if !lock(&self.dirs).contains(dir) {
                // Messages name the place in the output, not in the staging folder
                // the user never sees (a path too long for Windows is too long there too).
                fs::create_dir_all(beside.staging.join(dir)).with_context(|| {
                    format!(
                        "не удалось создать папку {}",
                        beside.out.join(dir).display()
                    )
                })?;
                lock(&self.dirs).insert(dir.to_path_buf());
            }
        }
        write_one(&beside.staging.join(&file.path), &old, &file.content)
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) {
        match self.write(&file) {
            Ok(true) => self.written.fetch_add(1, Ordering::Relaxed),
            Ok(false) => self.unchanged.fetch_add(1, Ordering::Relaxed),
            Err(error) => {
                lock(&self.errors).push((file.path, error));
                0
            }
        };
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        let _ = fs::remove_dir_all(&self.output.beside.staging);
        // The lock file sits in the deepest folder created; unlocked first.
        drop(self.output.lock.take());
        for dir in self.created.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

/// `dir` and the folders above it that do not exist, outermost first.
fn missing_ancestors(dir: &Path) -> Vec<PathBuf> {
    let mut missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .map(Path::to_path_buf)
        .collect();
    missing.reverse();
    missing
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Returns whether the bytes were written (false: linked from the old output).
fn write_one(target: &Path, old: &Path, content: &OutputContent) -> Result<bool> {
    let bytes: std::borrow::Cow<'_, [u8]> = match content {
        OutputContent::Bytes(bytes) => bytes.into(),
        OutputContent::Copy(FileSource::Embedded(bytes)) => (*bytes).into(),
        OutputContent::Copy(FileSource::Disk(path)) => fs::read(path)
            .with_context(|| format!("не удалось прочитать {}", path.display()))?
            .into(),
    };
    if same_bytes(old, &bytes) && fs::hard_link(old, target).is_ok() {
        return Ok(false);
    }
    fs::write(target, &bytes).with_context(|| format!("не удалось записать {}", old.display()))?;
    Ok(true)
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(path).map(|old| old == bytes).unwrap_or(false)
        }
        Ok(_) => false,
        Err(error) if error.kind() == io::ErrorKind::NotFound => false,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Streams `files` into a staging folder and swaps it in.
    fn write_site(output: Output, out: &Path, files: &[OutputFile]) -> Result<WriteStats> {
        let staging = Staging::open(output, out)?;
        for file in files {
            staging.put(file.clone());
        }
        staging.finish()
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::bytes(path.into(), text.as_bytes().to_vec())
    }

    #[test]
    fn replaces_the_output_and_keeps_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("stale.html"), "old").unwrap();
        let output = prepare(dir.path(), &out, true).unwrap();
        let first = write_site(
            output,
            &out,
            &[file("a/index.html", "A"), file("b.css", "B")],
        )
        .unwrap();
        assert_eq!(
            first,
            WriteStats {
                written: 2,
                unchanged: 0
            }
        );
        assert!(!out.join("stale.html").exists());
        let output = prepare(dir.path(), &out, true).unwrap();
        let second = write_site(
            output,
            &out,
            &[file("a/index.html", "A"), file("b.css", "C")],
        )
        .unwrap();
        assert_eq!(
            second,
            WriteStats {
                written: 1,
                unchanged: 1
            }
        );
        assert_eq!(fs::read_to_string(out.join("b.css")).unwrap(), "C");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
        assert!(out.join(guard::MARKER).is_file());
    }

    #[test]
    fn a_failed_write_names_the_output_not_the_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let output = prepare(dir.path(), &out, true).unwrap();
        let name = format!("news/{}.pdf", "я".repeat(200));
        let error = write_site(output, &out, &[file(&name, "x")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("public/news/"), "{error}");
        assert!(!error.contains("msoko-new"), "{error}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing left");
    }

    #[test]
    fn a_staging_folder_dropped_unfinished_leaves_the_output_and_no_new_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("index.html"), "old").unwrap();
        let staging = Staging::open(prepare(dir.path(), &out, true).unwrap(), &out).unwrap();
        staging.put(file("index.html", "new"));
        staging.put(file("a/b/index.html", "new"));
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "only public/");

        // An output whose folders do not exist yet: they are made for the build and
        // removed with it.
        let deep = dir.path().join("x/y/public");
        let staging = Staging::open(prepare(dir.path(), &deep, true).unwrap(), &deep).unwrap();
        staging.put(file("index.html", "new"));
        assert!(dir.path().join("x/y").is_dir());
        drop(staging);
        assert!(!dir.path().join("x").exists());
    }
}
