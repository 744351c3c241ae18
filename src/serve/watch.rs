//! Which files changed: a debounced watch of the site's sources.
//!
//! Watched: `site.yaml`, `content/`, `data/`, `themes/`, nothing else, so the output
//! folder, `.git/` and editors' scratch files never trigger a rebuild. The root itself
//! is watched without recursion: it sees `site.yaml` (also when an editor replaces the
//! file instead of writing into it) and a source folder created after the start,
//! which is then watched too.
//!
//! Only changes count: the build itself opens and reads every source, and on Linux
//! those reads arrive as events too; reacting to them would rebuild forever. This is
//! why notify is used directly, with its event kinds, rather than a debouncer that
//! drops them. An editor's save is often several events (write, rename, attributes),
//! so events are collected until [`DEBOUNCE`] passes without a new one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use crate::config::CONFIG_FILE;

/// Folders of the sources, relative to the root.
const SOURCE_DIRS: [&str; 3] = ["content", "data", "themes"];

/// Quiet time after the last change before a rebuild.
pub(super) const DEBOUNCE: Duration = Duration::from_millis(120);

/// A rebuild waits for quiet at most this long (an editor saving in a loop).
const MAX_WAIT: Duration = Duration::from_secs(2);

/// What one poll found.
#[derive(Debug, Default)]
pub(super) struct Batch {
    /// Changed sources, relative to the root, sorted.
    pub(super) changed: Vec<PathBuf>,
    /// Problems the watcher reported.
    pub(super) problems: Vec<String>,
}

pub(super) struct Watch {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    watched: BTreeSet<&'static str>,
}

impl Watch {
    pub(super) fn start(root: &Path) -> Result<Watch> {
        let root = root
            .canonicalize()
            .with_context(|| format!("нет папки сайта {}", root.display()))?;
        let (sender, events) = std::sync::mpsc::channel();
        let mut watcher = notify::recommended_watcher(sender)
            .context("не удалось следить за изменениями файлов")?;
        watcher
            .watch(&root, RecursiveMode::NonRecursive)
            .with_context(|| format!("не удалось следить за папкой {}", root.display()))?;
        let mut watch = Watch {
            root,
            watcher,
            events,
            watched: BTreeSet::new(),
        };
        watch.watch_new_dirs()?;
        Ok(watch)
    }

    /// Waits up to `wait` for a change; once one comes, collects the rest of the
    /// burst. `None` when nothing happened.
    pub(super) fn poll(&mut self, wait: Duration) -> Option<Batch> {
        let first = match self.events.recv_timeout(wait) {
            Ok(event) => event,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
        };
        let started = Instant::now();
        let mut events = vec![first];
        while started.elapsed() < MAX_WAIT {
            match self.events.recv_timeout(DEBOUNCE) {
                Ok(event) => {
                    // Reads during the build do not extend the wait.
                    if event.as_ref().map_or(true, |e| is_change(&e.kind)) {
                        events.push(event);
                    }
                }
                Err(_) => break,
            }
        }
        let mut batch = Batch::default();
        let mut paths = Vec::new();
        for event in events {
            match event {
                Ok(event) if is_change(&event.kind) => paths.extend(event.paths),
                Ok(_) => {}
                Err(error) => batch.problems.push(error.to_string()),
            }
        }
        if let Err(error) = self.watch_new_dirs() {
            batch.problems.push(format!("{error:#}"));
        }
        batch.changed = self.relevant(paths);
        Some(batch)
    }

    /// Starts watching source folders that exist now and were not watched yet.
    fn watch_new_dirs(&mut self) -> Result<()> {
        for dir in SOURCE_DIRS {
            let path = self.root.join(dir);
            if !self.watched.contains(dir) && path.is_dir() {
                self.watcher
                    .watch(&path, RecursiveMode::Recursive)
                    .with_context(|| format!("не удалось следить за папкой {}", path.display()))?;
                self.watched.insert(dir);
            }
        }
        Ok(())
    }

    fn relevant(&self, paths: Vec<PathBuf>) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = paths
            .iter()
            .filter_map(|path| relevant_path(&self.root, path))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Whether an event means the file's content or place changed (not a read).
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

fn relevant_path(root: &Path, path: &Path) -> Option<PathBuf> {
    let relative = path.strip_prefix(root).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let is_source = first == CONFIG_FILE || SOURCE_DIRS.contains(&first);
    let junk = relative
        .components()
        .any(|c| crate::load::is_junk(c.as_os_str()));
    // An editor's scratch file (`sedFAxMUz`, `4913`) is created and gone by now; a
    // removed page or data file still has its extension. A folder moved away (to the
    // Trash) is gone too, but its name has no dot and stands under a source folder
    // one level or more down: it counts.
    let transient =
        relative.extension().is_none() && !path.exists() && !looks_like_a_folder(relative);
    (is_source && !junk && !transient).then(|| relative.to_path_buf())
}

/// A gone path that was a folder of the site (`content/news/2025`), not an editor's
/// scratch file: scratch names are digits (`4913`) or start with a tool's prefix
/// (`sedFAxMUz`), and folders of a site are named by people, in lower case.
fn looks_like_a_folder(relative: &Path) -> bool {
    let Some(name) = relative.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    relative.components().count() >= 2
        && !name.chars().all(|c| c.is_ascii_digit())
        && !name.starts_with("sed")
        && !name.chars().any(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange};

    #[test]
    fn keeps_sources_and_drops_output_and_scratch_files() {
        let root = Path::new("/site");
        let keep = |p: &str| relevant_path(root, &root.join(p)).is_some();
        assert!(keep("site.yaml"));
        assert!(keep("content/news/a.md"));
        assert!(keep("data/values/vpr-low.csv"));
        assert!(keep("themes/default/templates/page.html"));
        // A folder moved to the Trash: gone, no extension, still a change.
        assert!(keep("content/news/testdir"));
        assert!(!keep("content/news/4913"));
        assert!(!keep("content/news/sedFAxMUz"));
        assert!(!keep("public/index.html"));
        assert!(!keep(".public.msoko-new/index.html"));
        assert!(!keep(".git/index"));
        assert!(!keep("content/news/.a.md.swp"));
        assert!(!keep("content/news/a.md~"));
        assert!(!keep("README.md"));
        assert!(!keep("content/news/sedFAxMUz"), "gone scratch file");
    }

    #[test]
    fn counts_writes_but_not_reads() {
        assert!(is_change(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
    }

    #[test]
    fn sees_a_saved_file_and_not_a_read_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "a").unwrap();
        let mut watch = Watch::start(dir.path()).unwrap();
        let _ = std::fs::read(dir.path().join("content/a.md")).unwrap();
        let quiet = watch.poll(Duration::from_millis(300));
        assert!(
            quiet.as_ref().is_none_or(|b| b.changed.is_empty()),
            "{quiet:?}"
        );
        std::fs::write(dir.path().join("content/a.md"), "b").unwrap();
        let batch = watch.poll(Duration::from_secs(5)).expect("a change");
        assert_eq!(batch.changed, vec![PathBuf::from("content/a.md")]);
    }
}
