//! One file of the finished site, as every page module returns it, and where finished
//! files go.
//!
//! A leaf of its own (not in the router, `render/mod.rs`) so that the modules that
//! make files need not import the router that imports them. The [`Sink`] is declared
//! here, not in `output`, so that data flows one way: `render` hands each finished
//! file to a sink it is given, `output` implements the one that writes.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::model::FileSource;

/// One file of the finished site.
#[derive(Debug, Clone)]
pub(crate) struct OutputFile {
    /// Path inside the output folder, `/`-separated (`news/a/index.html`).
    pub(crate) path: String,
    pub(crate) content: OutputContent,
}

#[derive(Debug, Clone)]
pub(crate) enum OutputContent {
    Bytes(Vec<u8>),
    Copy(FileSource),
}

/// Where each finished file goes as soon as it is final, from any thread: the site's
/// files are never all held at once. Writing problems are the sink's to keep and
/// report when the build ends.
pub(crate) trait Sink: Sync {
    fn put(&self, file: OutputFile);
}

/// Keeps nothing: what `check`, which writes nothing, renders into.
pub(crate) struct Discard;

impl Sink for Discard {
    fn put(&self, _: OutputFile) {}
}

/// Counts the files that pass through to another sink.
pub(crate) struct Counted<'a> {
    next: &'a dyn Sink,
    count: AtomicUsize,
}

impl<'a> Counted<'a> {
    pub(crate) fn new(next: &'a dyn Sink) -> Self {
        Counted {
            next,
            count: AtomicUsize::new(0),
        }
    }

    /// Files put so far.
    pub(crate) fn count(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }
}

impl Sink for Counted<'_> {
    fn put(&self, file: OutputFile) {
        self.count.fetch_add(1, Ordering::Relaxed);
        self.next.put(file);
    }
}
