//! One file of the finished site, as every page module returns it.
//!
//! A leaf of its own (not in the router, `render/mod.rs`) so that the modules that
//! make files need not import the router that imports them.

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
