//! Stage 4: put the rendered site on disk, all or nothing.
//!
//! The new site is written to a staging folder next to the output folder (same
//! filesystem, so the final renames are cheap), then swapped in. A failed build never
//! gets here, and a failed write leaves the old output as it was. A file whose bytes
//! did not change is hard-linked from the old output instead of written again: on a
//! real disk writing thousands of files dominates, and unchanged files keep their
//! modification time, which makes uploads by rsync cheap.

mod indexing;
mod pdf;
mod search;

pub(crate) use indexing::indexing_files;
pub(crate) use pdf::report_pdfs;
pub(crate) use search::search_files;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use rayon::prelude::*;

use crate::load::FileSource;
use crate::progress::Progress;
use crate::render::{OutputContent, OutputFile};

/// What writing did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files whose bytes were written.
    pub written: usize,
    /// Files kept from the previous output (unchanged).
    pub unchanged: usize,
}

pub(crate) fn write_site(
    out: &Path,
    files: &[OutputFile],
    progress: &dyn Progress,
) -> Result<WriteStats> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent)
        .with_context(|| format!("не удалось создать папку {}", parent.display()))?;
    let staging = parent.join(format!(".{name}.msoko-new"));
    let retired = parent.join(format!(".{name}.msoko-old"));
    for leftover in [&staging, &retired] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).with_context(|| {
                format!(
                    "не удалось удалить остаток прошлой сборки {}",
                    leftover.display()
                )
            })?;
        }
    }
    let result = write_all(&staging, out, files, progress);
    let stats = match result {
        Ok(stats) => stats,
        Err(error) => {
            let _ = fs::remove_dir_all(&staging);
            return Err(error);
        }
    };
    if out.exists() {
        fs::rename(out, &retired)
            .with_context(|| format!("не удалось заменить папку {}", out.display()))?;
    }
    if let Err(error) = fs::rename(&staging, out) {
        // Put the old site back so the output is never left empty.
        let _ = fs::rename(&retired, out);
        return Err(error).with_context(|| format!("не удалось заменить папку {}", out.display()));
    }
    if retired.exists() {
        fs::remove_dir_all(&retired)
            .with_context(|| format!("не удалось удалить старую копию {}", retired.display()))?;
    }
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
    for dir in dirs {
        let dir = staging.join(dir);
        fs::create_dir_all(&dir)
            .with_context(|| format!("не удалось создать папку {}", dir.display()))?;
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
    fs::write(target, &bytes)
        .with_context(|| format!("не удалось записать {}", target.display()))?;
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
        let first = write_site(
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
        let second = write_site(
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
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }
}
