//! Rebuilds for `msoko serve`: after a change of pages' text, only those pages.
//!
//! A [`Session`] keeps what the last good build made: the model, the analysis, the
//! rendered pages' texts, links and headings, and a fingerprint of every output
//! file. When the changed files are all existing pages whose front matter is as it
//! was (only the Markdown body changed), the session reads just those files,
//! renders those pages again with the files made from many pages (print versions,
//! filtered views, sitemap, search index), checks the links, and brings the output
//! folder up to date (see `sync`). Anything else — a page added or removed, its
//! front matter, data, templates, `site.yaml`, static files — and any doubt
//! (a heading or a figure number another page shows, errors in the last build)
//! builds the whole site with the same stages as `msoko build` ([`crate::run`]).
//!
//! What is reused is what the change cannot reach: the model depends on a page's
//! body nowhere (it keeps it only for rendering), the analysis and the checks of
//! the model read no body, and other pages see of a page its front matter, its
//! headings and its figure numbers, which are compared. The tests (`tests.rs`)
//! compare every file with a fresh full build.
//!
//! The full build streams its files to disk like `msoko build`; a [`Recording`]
//! sink notes on the way each file's path, fingerprint and charts, never its bytes.
//! A partial build's few files are made in memory and written by `sync`.

mod sync;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{output_path, PdfSource};
use crate::progress::{NoProgress, Stage};
use crate::render::{OutputContent, OutputFile, Sink};
use crate::{Built, Options, Report};

use sync::Fingerprint;

/// One file a full build wrote, as the session keeps it: no bytes.
pub(crate) struct Written {
    path: String,
    fingerprint: Fingerprint,
    charts: usize,
    /// Generated (not a copy of a source file).
    generated: bool,
}

impl Written {
    fn of(file: &OutputFile) -> Written {
        Written {
            path: file.path.clone(),
            fingerprint: Fingerprint::of(&file.content),
            charts: file.charts,
            generated: matches!(file.content, OutputContent::Bytes(_)),
        }
    }
}

/// A sink that notes every file passing through to the next one ([`Written`]).
pub(crate) struct Recording<'a> {
    next: &'a dyn Sink,
    files: Mutex<Vec<Written>>,
}

impl<'a> Recording<'a> {
    pub(crate) fn new(next: &'a dyn Sink) -> Self {
        Recording {
            next,
            files: Mutex::default(),
        }
    }

    /// The files noted.
    pub(crate) fn into_files(self) -> Vec<Written> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Recording<'_> {
    fn put(&self, file: OutputFile) {
        let written = Written::of(&file);
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(written);
        self.next.put(file);
    }
}

/// What the last good build made, kept between builds.
pub(crate) struct Session {
    options: Options,
    last: Option<Last>,
    /// What each output folder holds, as far as the session knows.
    folders: BTreeMap<PathBuf, BTreeMap<String, Fingerprint>>,
}

struct Last {
    built: Built,
    /// The folder the last build wrote.
    out: PathBuf,
    /// Every output file of the last build.
    files: BTreeMap<String, Fingerprint>,
    /// Generated files that are not pages (made again on every partial build).
    others: BTreeSet<String>,
    /// Charts in each HTML file that has any.
    charts: BTreeMap<String, usize>,
    checklist: Vec<crate::ChecklistItem>,
}

impl Session {
    /// A session for builds of `options` (its `out` is given to each build).
    pub(crate) fn new(options: Options) -> Self {
        Session {
            options,
            last: None,
            folders: BTreeMap::new(),
        }
    }

    /// Builds the site into `out` after `changed` files (relative to the root)
    /// changed: only the changed pages when that is enough, else the whole site.
    pub(crate) fn build(&mut self, out: &Path, changed: &[PathBuf]) -> Report {
        let started = Instant::now();
        if let Some(last) = self.last.take() {
            if !changed.is_empty() {
                if let Some(report) = self.build_pages(last, out, changed, started) {
                    return report;
                }
            }
        }
        self.build_all(out)
    }

    fn build_all(&mut self, out: &Path) -> Report {
        self.folders.remove(out);
        let options = Options {
            out: Some(out.to_path_buf()),
            ..self.options.clone()
        };
        let (report, built) = crate::run_keeping(&options, true, &NoProgress, true);
        if let Some(built) = built {
            let last = Last::new(built, out, &report);
            self.folders.insert(out.to_path_buf(), last.files.clone());
            self.last = Some(last);
        }
        report
    }

    /// The partial build; `None` when the change needs a full one.
    fn build_pages(
        &mut self,
        mut last: Last,
        out: &Path,
        changed: &[PathBuf],
        started: Instant,
    ) -> Option<Report> {
        let mut stages = crate::progress::Stages::new(&NoProgress);
        stages.start(Stage::Load, None);
        let indexes = read_changed_pages(&self.options.root, &mut last.built, changed)?;
        stages.start(Stage::Render, Some(indexes.len()));
        let Built {
            model,
            analysis,
            frozen,
            rendered,
            before_render,
            ..
        } = &mut last.built;
        let mut diagnostics = Diagnostics::default();
        diagnostics.extend(before_render.iter().cloned());
        let mut rendered_site = std::mem::take(rendered);
        let mut partial = crate::render::render_changed(
            model,
            analysis,
            frozen,
            &indexes,
            &mut rendered_site,
            &mut diagnostics,
        )?;
        let mut new_files = std::mem::take(&mut partial.files);
        new_files.extend(crate::site_wide_files(
            model,
            &rendered_site.views,
            rendered_site.texts.clone(),
        ));
        stages.start(Stage::Check, None);
        crate::check::check_links(model, &rendered_site, &mut diagnostics);
        *rendered = rendered_site;

        let mut report = Report {
            pages: model.pages.len(),
            checklist: last.checklist.clone(),
            checklist_computed: true,
            rerendered: Some(indexes.len()),
            ..Report::default()
        };
        if !diagnostics.has_errors() {
            stages.start(Stage::Write, Some(new_files.len()));
            last.replace(&new_files, partial.others);
            let known = self.folders.remove(out);
            match sync::sync(out, known, &last.out, &last.files, &new_files) {
                Ok(stats) => {
                    report.written = Some(stats);
                    self.folders.insert(out.to_path_buf(), last.files.clone());
                }
                Err(error) => {
                    let said = crate::tr!(format!("{error:#}"), format!("{error:#}"));
                    diagnostics.push(Diagnostic::error(out, said));
                }
            }
            last.out = out.to_path_buf();
        }
        report.files = last.files.len();
        report.charts = last.charts.values().sum();
        stages.finish();
        report.stages = stages.times;
        diagnostics.fill_columns(|file| crate::fs::source_text(&self.options.root.join(file)));
        report.diagnostics = diagnostics.into_sorted();
        report.elapsed = started.elapsed();
        // A build with errors is followed by a full one: what it found is not kept.
        if !report.has_errors() {
            self.last = Some(last);
        }
        Some(report)
    }
}

impl Last {
    fn new(mut built: Built, out: &Path, report: &Report) -> Last {
        let model = &built.model;
        let pages: BTreeSet<String> = model.pages.iter().map(|p| output_path(&p.url)).collect();
        // The bytes are on disk now; the session keeps their fingerprints only.
        let written = std::mem::take(&mut built.files);
        let others = written
            .iter()
            .filter(|f| f.generated && !pages.contains(&f.path))
            .map(|f| f.path.clone())
            .collect();
        let charts = written
            .iter()
            .filter(|f| f.charts > 0)
            .map(|f| (f.path.clone(), f.charts))
            .collect();
        let files = written
            .into_iter()
            .map(|f| (f.path, f.fingerprint))
            .collect();
        Last {
            built,
            out: out.to_path_buf(),
            files,
            others,
            charts,
            checklist: report.checklist.clone(),
        }
    }

    /// The output after a partial build: `new` replaces the changed pages and,
    /// when `others` is set, every generated file that is not a page.
    fn replace(&mut self, new: &[OutputFile], others: bool) {
        let kept = if others {
            for path in std::mem::take(&mut self.others) {
                self.files.remove(&path);
                self.charts.remove(&path);
            }
            BTreeSet::new()
        } else {
            std::mem::take(&mut self.others)
        };
        for file in new {
            self.files
                .insert(file.path.clone(), Fingerprint::of(&file.content));
            self.charts.remove(&file.path);
            if file.charts > 0 {
                self.charts.insert(file.path.clone(), file.charts);
            }
        }
        let pages: BTreeSet<String> = self
            .built
            .model
            .pages
            .iter()
            .map(|p| output_path(&p.url))
            .collect();
        self.others = new
            .iter()
            .filter(|f| !pages.contains(&f.path))
            .map(|f| f.path.clone())
            .chain(kept)
            .collect();
    }
}

/// Reads the changed files into the kept model when every one is a page whose
/// front matter did not change; returns the indexes of the pages whose text did.
/// `None`: the site must be built whole.
fn read_changed_pages(root: &Path, built: &mut Built, changed: &[PathBuf]) -> Option<Vec<usize>> {
    let model = &built.model;
    // Printing a report needs every file of the site; `serve` never prints.
    if model
        .report_pdfs
        .iter()
        .any(|pdf| matches!(pdf.source, PdfSource::Printed { .. }))
    {
        return None;
    }
    let mut bodies = Vec::new();
    for file in changed {
        let index = model.pages.iter().position(|p| &p.file == file)?;
        let page = &model.pages[index];
        // A warning about the file's encoding belongs to what was read before.
        if built
            .before_render
            .iter()
            .any(|d| &d.file == file && d.code() == Some("other-encoding"))
        {
            return None;
        }
        let (source, warning) = crate::load::load_page(root, &page.relative);
        let source = source.ok()?;
        if warning.is_some()
            || source.yaml != page.yaml
            || source.body_line != page.body_line
            || source.relative != page.relative
        {
            return None;
        }
        if source.body != page.body {
            bodies.push((index, source.body));
        }
    }
    let mut indexes = Vec::new();
    for (index, body) in bodies {
        built.model.pages[index].body = body;
        indexes.push(index);
    }
    indexes.sort_unstable();
    indexes.dedup();
    Some(indexes)
}

#[cfg(test)]
mod tests;
