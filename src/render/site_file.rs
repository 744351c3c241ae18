//! One file of the finished site, as every page module returns it, and where finished
//! files go.
//!
//! A leaf of its own (not in the router, `render/mod.rs`) so that the modules that
//! make files need not import the router that imports them. The [`Sink`] is declared
//! here, not in `output`, so that data flows one way: `render` hands each finished
//! file to a sink it is given, `output` implements the one that writes.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::charts::CHART_MARK;
use crate::model::{output_path, FileSource};

/// One file of the finished site.
#[derive(Debug, Clone)]
pub(crate) struct OutputFile {
    /// Path inside the output folder, `/`-separated (`news/a/index.html`).
    pub(crate) path: String,
    pub(crate) content: OutputContent,
    /// Charts drawn into an HTML file (one per inline SVG figure), counted when the
    /// file is made, while its HTML is in hand.
    pub(crate) charts: usize,
    /// For a page made from another page (a filtered view, a print version): its
    /// site path and the index in `model.pages` of the page it shows, as its
    /// renderer knows them.
    pub(crate) view: Option<(String, usize)>,
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

impl OutputFile {
    /// Replaces the text of an HTML file with what `rewrite` makes of it, when it
    /// makes anything (a pass over every page that changes few of them).
    pub(crate) fn rewrite_html(&mut self, rewrite: impl FnOnce(&str) -> Option<String>) {
        if !self.path.ends_with(".html") {
            return;
        }
        if let OutputContent::Bytes(bytes) = &mut self.content {
            if let Some(text) = std::str::from_utf8(bytes).ok().and_then(rewrite) {
                *bytes = text.into_bytes();
            }
        }
    }

    /// A generated file that is not a page (CSV, JSON, XML, a PDF…).
    pub(crate) fn bytes(path: String, bytes: Vec<u8>) -> Self {
        OutputFile {
            path,
            content: OutputContent::Bytes(bytes),
            charts: 0,
            view: None,
        }
    }

    /// A source file copied as it is.
    pub(crate) fn copy(path: String, source: FileSource) -> Self {
        OutputFile {
            path,
            content: OutputContent::Copy(source),
            charts: 0,
            view: None,
        }
    }

    /// An HTML page at output path `path`, its charts counted.
    pub(crate) fn html(path: String, html: String) -> Self {
        OutputFile {
            charts: html.matches(CHART_MARK).count(),
            ..OutputFile::bytes(path, html.into_bytes())
        }
    }

    /// An HTML page at site path `url` made from page `shows` of the model.
    pub(crate) fn view(url: &str, shows: usize, html: String) -> Self {
        OutputFile {
            view: Some((url.to_owned(), shows)),
            ..OutputFile::html(output_path(url), html)
        }
    }
}
