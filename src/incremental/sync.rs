//! Bringing an output folder up to date after a partial build, without reading
//! the old files back: the session knows by fingerprint what each folder holds.
//!
//! `serve` builds alternately into two folders. The target holds an older build
//! (or nothing known: then it is emptied first); the files the partial build made
//! are written, the rest are hard-linked (or copied) from the folder of the last
//! build, which holds exactly them, and files no longer in the site are removed.
//! A file is never written in place: it may be a hard link shared with the folder
//! being served, so it is removed first and written anew.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;

use anyhow::{Context as _, Result};

use crate::model::FileSource;
use crate::render::{OutputContent, OutputFile};
use crate::WriteStats;

/// What an output file holds, told apart without keeping its bytes: the length
/// and two hashes of the bytes; for a copy of a file on disk, its path, length
/// and modification time (the file is read only when written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    len: u64,
    hashes: [u64; 2],
}

impl Fingerprint {
    pub(crate) fn of(content: &OutputContent) -> Fingerprint {
        match content {
            OutputContent::Bytes(bytes) => Self::of_bytes(bytes),
            OutputContent::Copy(FileSource::Embedded(bytes)) => Self::of_bytes(bytes),
            OutputContent::Copy(FileSource::Disk(path)) => {
                let meta = fs::metadata(path).ok();
                let modified = meta.as_ref().and_then(|m| m.modified().ok());
                let mut hashes = [0; 2];
                for (salt, hash) in hashes.iter_mut().enumerate() {
                    let mut hasher = std::collections::hash_map::DefaultHasher::new();
                    (salt, "copy", path, modified).hash(&mut hasher);
                    *hash = hasher.finish();
                }
                Fingerprint {
                    len: meta.map_or(u64::MAX, |m| m.len()),
                    hashes,
                }
            }
        }
    }

    fn of_bytes(bytes: &[u8]) -> Fingerprint {
        let mut hashes = [0; 2];
        for (salt, hash) in hashes.iter_mut().enumerate() {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            salt.hash(&mut hasher);
            hasher.write(bytes);
            *hash = hasher.finish();
        }
        Fingerprint {
            len: bytes.len() as u64,
            hashes,
        }
    }
}

/// Makes `target` hold `want`: the bytes of `new`, the rest linked from `last`
/// (the folder of the previous build, which holds every file of `want` not in
/// `new`). `known`: what `target` holds, if the session knows it.
pub(crate) fn sync(
    target: &Path,
    known: Option<BTreeMap<String, Fingerprint>>,
    last: &Path,
    want: &BTreeMap<String, Fingerprint>,
    new: &[OutputFile],
) -> Result<WriteStats> {
    let known = match known {
        Some(known) => known,
        None => {
            match fs::remove_dir_all(target) {
                Err(error) if error.kind() != io::ErrorKind::NotFound => {
                    return Err(error)
                        .with_context(|| format!("не удалось очистить {}", target.display()))
                }
                _ => {}
            }
            BTreeMap::new()
        }
    };
    fs::create_dir_all(target)
        .with_context(|| format!("не удалось создать папку {}", target.display()))?;
    let new: BTreeMap<&str, &OutputContent> =
        new.iter().map(|f| (f.path.as_str(), &f.content)).collect();
    let mut stats = WriteStats::default();
    let mut dirs = BTreeSet::new();
    for (path, fingerprint) in want {
        if known.get(path) == Some(fingerprint) {
            stats.unchanged += 1;
            continue;
        }
        let to = target.join(path);
        if let Some(parent) = to.parent() {
            if dirs.insert(parent.to_path_buf()) {
                fs::create_dir_all(parent)
                    .with_context(|| format!("не удалось создать папку {}", parent.display()))?;
            }
        }
        remove(&to)?;
        match new.get(path.as_str()) {
            Some(content) => {
                write(&to, content)?;
                stats.written += 1;
            }
            None => {
                link(&last.join(path), &to)?;
                stats.unchanged += 1;
            }
        }
    }
    for path in known.keys().filter(|path| !want.contains_key(*path)) {
        let gone = target.join(path);
        remove(&gone)?;
        // A folder left empty goes too, as a full build would not make it.
        let mut parent = gone.parent();
        while let Some(folder) = parent.filter(|p| *p != target) {
            if fs::remove_dir(folder).is_err() {
                break;
            }
            parent = folder.parent();
        }
    }
    let marker = target.join(crate::output::MARKER);
    if !marker.exists() {
        fs::write(&marker, crate::output::MARKER_TEXT)
            .with_context(|| format!("не удалось записать {}", marker.display()))?;
    }
    Ok(stats)
}

fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => {
            Err(error).with_context(|| format!("не удалось удалить {}", path.display()))
        }
        _ => Ok(()),
    }
}

fn write(to: &Path, content: &OutputContent) -> Result<()> {
    let result = match content {
        OutputContent::Bytes(bytes) => fs::write(to, bytes),
        OutputContent::Copy(FileSource::Embedded(bytes)) => fs::write(to, bytes),
        OutputContent::Copy(FileSource::Disk(path)) => fs::copy(path, to).map(|_| ()),
    };
    result.with_context(|| format!("не удалось записать {}", to.display()))
}

fn link(from: &Path, to: &Path) -> Result<()> {
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to).map(|_| ()).with_context(|| {
        format!(
            "не удалось скопировать {} в {}",
            from.display(),
            to.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile::bytes(path.into(), text.as_bytes().to_vec())
    }

    fn fingerprints(files: &[OutputFile]) -> BTreeMap<String, Fingerprint> {
        files
            .iter()
            .map(|f| (f.path.clone(), Fingerprint::of(&f.content)))
            .collect()
    }

    /// The served folder is never changed through a hard link it shares.
    #[test]
    fn brings_the_other_folder_up_to_date_without_touching_the_served_one() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let first = [file("x/index.html", "X1"), file("y.css", "Y")];
        sync(&a, None, &b, &fingerprints(&first), &first).unwrap();
        // b: a copy of a with x changed; y linked from a.
        let second = [file("x/index.html", "X2"), file("y.css", "Y")];
        let stats = sync(&b, None, &a, &fingerprints(&second), &second[..1]).unwrap();
        assert_eq!((stats.written, stats.unchanged), (1, 1));
        assert_eq!(fs::read_to_string(b.join("y.css")).unwrap(), "Y");
        // a again, known: x changes again, y goes.
        let third = [file("x/index.html", "X3")];
        let known = fingerprints(&first);
        sync(&a, Some(known), &b, &fingerprints(&third), &third).unwrap();
        assert_eq!(fs::read_to_string(a.join("x/index.html")).unwrap(), "X3");
        assert!(!a.join("y.css").exists());
        assert_eq!(fs::read_to_string(b.join("x/index.html")).unwrap(), "X2");
        assert_eq!(fs::read_to_string(b.join("y.css")).unwrap(), "Y");
        assert!(b.join(crate::output::MARKER).is_file());
    }
}
