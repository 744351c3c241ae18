//! Stage 4: put the rendered site on disk, all or nothing.
//!
//! The new site is written to a staging folder next to the output folder (same
//! filesystem, so the final renames are cheap), then swapped in. A failed build never
//! gets here, and a failed write leaves the old output as it was. A file whose bytes
//! did not change is hard-linked from the old output instead of written again: on a
//! real disk writing thousands of files dominates, and unchanged files keep their
//! modification time, which makes uploads by rsync cheap.

mod guard;
mod indexing;
mod pdf;
mod search;
mod swap;

pub(crate) use guard::{MARKER, MARKER_TEXT};
pub(crate) use indexing::indexing_files;
pub(crate) use pdf::report_pdfs;
pub(crate) use search::search_files;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::FileSource;
use crate::progress::Progress;
use crate::render::{OutputContent, OutputFile};
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

pub(crate) fn write_site(
    output: &mut Output,
    shown: &Path,
    files: &[OutputFile],
    progress: &dyn Progress,
) -> Result<WriteStats> {
    if output.lock.is_none() {
        if let Some(parent) = output.beside.lock.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("не удалось создать папку {}", parent.display()))?;
        }
        output
            .lock(shown)
            .map_err(|d| anyhow::anyhow!("{}", d.message.ru()))?;
    }
    let beside = &output.beside;
    let result = write_all(&beside.staging, &beside.out, files, progress);
    let stats = match result {
        Ok(stats) => stats,
        Err(error) => {
            let _ = fs::remove_dir_all(&beside.staging);
            return Err(error);
        }
    };
    swap::swap(beside).with_context(|| format!("не удалось заменить папку {}", shown.display()))?;
    Ok(stats)
}

fn write_all(
    staging: &Path,
    old: &Path,
    files: &[OutputFile],
    progress: &dyn Progress,
) -> Result<WriteStats> {
    fs::create_dir_all(staging)
        .with_context(|| format!("не удалось создать папку {}", staging.display()))?;
    let mut dirs: Vec<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    // Messages name the place in the output, not in the staging folder the user
    // never sees (a path too long for Windows is too long there too).
    for dir in dirs {
        fs::create_dir_all(staging.join(&dir))
            .with_context(|| format!("не удалось создать папку {}", old.join(&dir).display()))?;
    }
    let outcomes: Vec<Result<bool>> = files
        .par_iter()
        .map(|file| {
            let outcome = write_one(
                &staging.join(&file.path),
                &old.join(&file.path),
                &file.content,
            );
            progress.advance(1);
            outcome
        })
        .collect();
    let marker = OutputContent::Bytes(guard::MARKER_TEXT.as_bytes().to_vec());
    write_one(
        &staging.join(guard::MARKER),
        &old.join(guard::MARKER),
        &marker,
    )?;
    let mut stats = WriteStats::default();
    for outcome in outcomes {
        if outcome? {
            stats.written += 1;
        } else {
            stats.unchanged += 1;
        }
    }
    Ok(stats)
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
    use crate::progress::NoProgress;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            content: OutputContent::Bytes(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn replaces_the_output_and_keeps_unchanged_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("stale.html"), "old").unwrap();
        let mut output = prepare(dir.path(), &out, true).unwrap();
        let first = write_site(
            &mut output,
            &out,
            &[file("a/index.html", "A"), file("b.css", "B")],
            &NoProgress,
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
        drop(output);
        let mut output = prepare(dir.path(), &out, true).unwrap();
        let second = write_site(
            &mut output,
            &out,
            &[file("a/index.html", "A"), file("b.css", "C")],
            &NoProgress,
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
        drop(output);
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
        assert!(out.join(guard::MARKER).is_file());
    }

    #[test]
    fn a_failed_write_names_the_output_not_the_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut output = prepare(dir.path(), &out, true).unwrap();
        let name = format!("news/{}.pdf", "я".repeat(200));
        let error = write_site(&mut output, &out, &[file(&name, "x")], &NoProgress)
            .unwrap_err()
            .to_string();
        assert!(error.contains("public/news/"), "{error}");
        assert!(!error.contains("msoko-new"), "{error}");
        drop(output);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0, "nothing left");
    }
}
