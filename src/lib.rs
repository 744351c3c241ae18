//! msoko: a static-site generator for the public reporting of a municipal education
//! department's system of education quality assessment (МСОКО).
//!
//! The build is a pipeline of stages, each a module with a small surface; data flows
//! one way: `load` (files -> raw sources) -> `model` (typed, resolved) -> `render`
//! (HTML and files in memory) -> `check` (links) -> `output` (atomic write). Problems
//! in the user's files are collected as [`Diagnostic`]s from every stage; the site is
//! written only when there are no errors.

mod analyze;
mod check;
mod config;
mod dates;
mod diagnostic;
mod fs;
mod load;
mod model;
mod numbers;
mod output;
mod render;
mod text;
mod yaml;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

pub use check::{ChecklistItem, Mark};
pub use diagnostic::{Diagnostic, Severity};
pub use output::WriteStats;

use diagnostic::Diagnostics;

/// What the command line asks of a build.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site's root folder (with `site.yaml`).
    pub root: PathBuf,
    /// Output folder; `root/public` when `None`.
    pub out: Option<PathBuf>,
    /// "Today" for everything date-dependent; the build is reproducible with it fixed.
    pub as_of: NaiveDate,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`.
    pub drafts: bool,
}

impl Options {
    /// The output folder the build writes to.
    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a build or check found and did.
#[derive(Debug, Default)]
pub struct Report {
    /// Every problem, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Pages rendered.
    pub pages: usize,
    /// Files in the output (pages, copies, theme files).
    pub files: usize,
    /// Set when the site was written.
    pub written: Option<WriteStats>,
    /// Wall time of the whole run.
    pub elapsed: Duration,
    /// The openness checklist (8-ФЗ, ГОСТ Р 52872-2019, the annual report).
    pub checklist: Vec<ChecklistItem>,
}

impl Report {
    /// Whether any problem fails the build.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Required items of the openness checklist that are missing.
    pub fn checklist_missing(&self) -> usize {
        self.checklist
            .iter()
            .filter(|item| item.mark == Mark::Missing)
            .count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Builds the site into the output folder. The previous output is replaced only when
/// the whole build succeeded.
pub fn build(options: &Options) -> Report {
    run(options, true)
}

/// Runs every stage of a build and reports, writing nothing.
pub fn check(options: &Options) -> Report {
    run(options, false)
}

fn run(options: &Options, write: bool) -> Report {
    let started = Instant::now();
    let mut diagnostics = Diagnostics::default();
    let mut report = Report::default();
    if let Some(base_url) = &options.base_url {
        if let Err(message) = config::validate_base_url(base_url) {
            diagnostics.push(Diagnostic::error("--base-url", message));
        }
    }
    let sources = load::load_site(&options.root, &mut diagnostics);
    let model_options = model::ModelOptions {
        as_of: options.as_of,
        base_url: options.base_url.clone(),
        drafts: options.drafts,
    };
    if let Some(model) = model::resolve(sources, &model_options, &mut diagnostics) {
        let analysis = analyze::run(&model);
        let mut rendered = render::render_site(&model, &analysis, &mut diagnostics);
        rendered.files.extend(output::indexing_files(&model));
        let search = output::search_files(&model, &rendered);
        rendered.files.extend(search);
        rendered.files.sort_by(|a, b| a.path.cmp(&b.path));
        check::check_links(&model, &rendered, &mut diagnostics);
        report.checklist = check::openness_checklist(&model);
        report.pages = model.pages.len();
        report.files = rendered.files.len();
        if write && !diagnostics.has_errors() {
            let out = options.out_dir();
            match output::write_site(&out, &rendered.files) {
                Ok(stats) => report.written = Some(stats),
                Err(error) => {
                    diagnostics.push(Diagnostic::error(&out, format!("{error:#}")));
                }
            }
        }
    }
    report.diagnostics = diagnostics.into_sorted();
    report.elapsed = started.elapsed();
    report
}
