//! Putting the staged site in place of the old one, one build at a time.
//!
//! Three folders live side by side: the output (`public/`), the staging folder a
//! build writes into (`.public.msoko-new`) and, only on platforms without an atomic
//! exchange, the retired old output (`.public.msoko-old`). On Linux the staging
//! folder and the output trade places in one `renameat2(RENAME_EXCHANGE)`, so there
//! is no instant without `public/`. Elsewhere (or on a file system without the
//! exchange) it takes two renames, and a build killed between them leaves only the
//! retired copy; the next build puts it back before anything else ([`recover`]).
//! Windows refuses a rename while a browser or an antivirus holds a file open, so a
//! rename denied access is tried again a few times with a growing pause.
//!
//! A lock file beside the output (`.public.msoko-lock`, locked by the operating
//! system, so a killed build releases it) makes a second build at the same time stop
//! with «уже идёт сборка» instead of tearing the staging folder from under the first.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The staging, retired and lock paths beside an output folder.
#[derive(Debug, Clone)]
pub(crate) struct Beside {
    pub(crate) out: PathBuf,
    pub(crate) staging: PathBuf,
    pub(crate) retired: PathBuf,
    pub(crate) lock: PathBuf,
}

impl Beside {
    /// `out` must be absolute (see `guard::resolve`), so that it has a parent and a
    /// name even when typed as `.`.
    pub(crate) fn new(out: &Path) -> Beside {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = out.parent().unwrap_or(Path::new("."));
        Beside {
            out: out.to_path_buf(),
            staging: parent.join(format!(".{name}.msoko-new")),
            retired: parent.join(format!(".{name}.msoko-old")),
            lock: parent.join(format!(".{name}.msoko-lock")),
        }
    }
}

/// Held while a build runs; dropping it unlocks and removes the lock file.
#[derive(Debug)]
pub(crate) struct BuildLock {
    file: Option<File>,
    path: PathBuf,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub(crate) enum LockError {
    /// Another build holds it.
    Busy,
    /// The lock file could not be created.
    Io(io::Error),
}

/// Takes the build lock of an output folder without waiting.
pub(crate) fn lock(beside: &Beside) -> Result<BuildLock, LockError> {
    if let Some(parent) = beside.lock.parent() {
        fs::create_dir_all(parent).map_err(LockError::Io)?;
    }
    // The file may be removed by the build that held it between our open and our
    // lock; then we hold a lock on a file nobody else sees, so try again.
    for _ in 0..10 {
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&beside.lock)
            .map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => return Err(LockError::Busy),
            Err(fs::TryLockError::Error(error)) => return Err(LockError::Io(error)),
        }
        if same_file(&file, &beside.lock) {
            return Ok(BuildLock {
                file: Some(file),
                path: beside.lock.clone(),
            });
        }
    }
    Err(LockError::Busy)
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    // Windows does not let a file that is open be removed by default.
    path.exists()
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Remove while still locked, so that no one else locks the old file.
        let _ = fs::remove_file(&self.path);
        drop(self.file.take());
    }
}

/// Before a build: a build killed between the two renames of [`swap`] left the old
/// site as the retired copy and no output; put it back. Leftover staging folders of
/// killed builds are removed. Runs under the lock.
pub(crate) fn recover(beside: &Beside) -> io::Result<()> {
    if !beside.out.exists() && beside.retired.is_dir() {
        rename_retrying(&beside.retired, &beside.out)?;
    }
    for leftover in [&beside.staging, &beside.retired] {
        if fs::symlink_metadata(leftover).is_ok() {
            fs::remove_dir_all(leftover)?;
        }
    }
    Ok(())
}

/// Puts the staging folder in place of the output. On any failure the staging
/// folder is removed and the output is as it was.
pub(crate) fn swap(beside: &Beside) -> io::Result<()> {
    let result = swap_in(beside);
    if result.is_err() {
        let _ = fs::remove_dir_all(&beside.staging);
    }
    result
}

fn swap_in(beside: &Beside) -> io::Result<()> {
    if !beside.out.exists() {
        return rename_retrying(&beside.staging, &beside.out);
    }
    match exchange(&beside.staging, &beside.out) {
        // The staging path now holds the old site.
        Ok(true) => return remove_retired(&beside.staging),
        Ok(false) => {}
        Err(error) => return Err(error),
    }
    rename_retrying(&beside.out, &beside.retired)?;
    if let Err(error) = rename_retrying(&beside.staging, &beside.out) {
        // Put the old site back so the output is never left missing.
        let _ = rename_retrying(&beside.retired, &beside.out);
        return Err(error);
    }
    remove_retired(&beside.retired)
}

/// The old site is out of the way; failing to delete it is not worth failing the
/// build over, the next build's [`recover`] removes it.
fn remove_retired(path: &Path) -> io::Result<()> {
    let _ = fs::remove_dir_all(path);
    Ok(())
}

/// Swaps two existing paths atomically. `Ok(false)`: not supported here (another
/// OS, or a file system without it), nothing was done.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated paths that live across the call;
    // AT_FDCWD is ignored for absolute paths and means the working directory else.
    let status = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() {
        // Kernel or file system without RENAME_EXCHANGE.
        Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::EOPNOTSUPP) => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Pauses between tries of a rename denied access: 0.1 s, 0.2 s, 0.4 s, 0.8 s.
const RETRY_PAUSES_MS: [u64; 4] = [100, 200, 400, 800];

/// `fs::rename`, tried again after a pause while it is denied access (on Windows,
/// a file in the folder held open by another program for a moment).
fn rename_retrying(from: &Path, to: &Path) -> io::Result<()> {
    let mut pauses = RETRY_PAUSES_MS.iter();
    loop {
        match fs::rename(from, to) {
            Err(error) if error.kind() == io::ErrorKind::PermissionDenied => match pauses.next() {
                Some(ms) => std::thread::sleep(Duration::from_millis(*ms)),
                None => return Err(error),
            },
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn beside(dir: &Path) -> Beside {
        Beside::new(&dir.join("public"))
    }

    fn put(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join("index.html"), text).unwrap();
    }

    fn read(dir: &Path) -> String {
        fs::read_to_string(dir.join("index.html")).unwrap()
    }

    #[test]
    fn swaps_the_staging_folder_in_and_leaves_nothing_beside() {
        let dir = tempfile::tempdir().unwrap();
        let b = beside(dir.path());
        put(&b.out, "old");
        put(&b.staging, "new");
        swap(&b).unwrap();
        assert_eq!(read(&b.out), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn recovers_the_old_site_left_by_a_build_killed_between_two_renames() {
        let dir = tempfile::tempdir().unwrap();
        let b = beside(dir.path());
        put(&b.retired, "old");
        put(&b.staging, "half");
        recover(&b).unwrap();
        assert_eq!(read(&b.out), "old");
        assert!(!b.retired.exists() && !b.staging.exists());
    }

    #[test]
    fn a_failed_swap_removes_the_staging_folder_and_keeps_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let b = beside(dir.path());
        put(&b.out, "old");
        // No staging folder: both the exchange and the rename fail.
        fs::create_dir_all(&b.staging).unwrap();
        fs::remove_dir(&b.staging).unwrap();
        assert!(swap(&b).is_err());
        assert_eq!(read(&b.out), "old");
        assert!(!b.staging.exists());
    }

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let b = beside(dir.path());
        let first = lock(&b).unwrap();
        assert!(matches!(lock(&b), Err(LockError::Busy)));
        drop(first);
        assert!(!b.lock.exists(), "the lock file is removed");
        let _again = lock(&b).unwrap();
    }
}
