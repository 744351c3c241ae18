//! msoko: a static-site generator for the public reporting of a municipal education
//! department's system of education quality assessment (МСОКО).
//!
//! The build is a pipeline of stages, each a module with a small surface; data flows
//! one way: `load` (files -> raw sources) -> `model` (typed, resolved) -> `render`
//! (HTML and files, each handed on as soon as it is final) -> `check` (links) ->
//! `output` (atomic write: files stream into a staging folder, swapped in at the
//! end). Problems in the user's files are collected as [`Diagnostic`]s from every
//! stage; the site is replaced only when there are no errors.

mod analyze;
#[cfg(test)]
mod architecture;
mod check;
mod config;
mod dates;
mod diagnostic;
mod fs;
#[cfg(test)]
mod fuzz;
mod import;
mod incremental;
mod init;
mod load;
mod model;
mod near;
mod numbers;
mod output;
mod progress;
mod render;
mod serve;
mod text;
mod url;
mod yaml;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

pub use analyze::{ItemReading, PlanReading};
pub use check::{ChecklistItem, Mark};
pub use dates::{DateError, DatePart};
pub use diagnostic::{Diagnostic, Lang, Message, Severity};
pub use fs::source_text;
pub use import::{
    import_plan, import_results, ImportFailure, PlanImportOptions, PlanSummary,
    ResultsImportOptions, ResultsSummary,
};
pub use init::{init, init_empty, init_empty_keeping, init_keeping, InitError};
pub use output::WriteStats;
pub use progress::{NoProgress, Progress, Stage, StageTime};
pub use serve::{serve, ServeError, ServeEvent, ServeOptions};

use diagnostic::Diagnostics;
use render::Sink;

/// The folder beside the output where printed PDFs are kept between builds.
const PDF_CACHE: &str = ".msoko-cache";

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
    /// Headless Chromium to print each report to PDF; `None`: no PDF is printed
    /// (`check` says so).
    pub chromium: Option<PathBuf>,
    /// The build runs in CI (`CI=true`): open data sets left out and a shallow clone
    /// fail it instead of a warning.
    pub ci: bool,
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
    /// Charts (inline SVG figures) in the rendered pages.
    pub charts: usize,
    /// Files in the output (pages, copies, theme files).
    pub files: usize,
    /// Set when the site was written.
    pub written: Option<WriteStats>,
    /// Wall time of each stage that ran, in order.
    pub stages: Vec<StageTime>,
    /// Wall time of the whole run.
    pub elapsed: Duration,
    /// The openness checklist (8-ФЗ, ГОСТ Р 52872-2019, the annual report).
    pub checklist: Vec<ChecklistItem>,
    /// Set when the build did not run because of how it was asked: the output folder
    /// may not be replaced, or another build into it is running (exit code 2).
    pub refused: bool,
    /// Whether the checklist was computed: not when the site's settings (`site.yaml`)
    /// could not be read, and an empty checklist then is no pass.
    pub checklist_computed: bool,
    /// Set when only some pages were rendered again (`serve`, after a change of
    /// pages' text): how many; the rest of the site was kept from the last build.
    pub rerendered: Option<usize>,
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
    run(options, true, &NoProgress)
}

/// [`build`], telling `progress` about each stage as it runs.
pub fn build_with(options: &Options, progress: &dyn Progress) -> Report {
    run(options, true, progress)
}

/// Runs every stage of a build and reports, writing nothing.
pub fn check(options: &Options) -> Report {
    run(options, false, &NoProgress)
}

/// [`check`], telling `progress` about each stage as it runs.
pub fn check_with(options: &Options, progress: &dyn Progress) -> Report {
    run(options, false, progress)
}

/// What `msoko plans` shows: every item of the site's plans (or of the plan `id`)
/// as read, and the problems found in reading the site (sorted, with columns).
/// `None` in place of the plans when the site could not be read at all.
pub fn read_plans(
    options: &Options,
    id: Option<&str>,
) -> (Option<Vec<PlanReading>>, Vec<Diagnostic>) {
    let mut diagnostics = Diagnostics::default();
    let sources = load::load_site(&options.root, &mut diagnostics);
    let model_options = model_options(options);
    let plans = model::resolve(sources, &model_options, &mut diagnostics)
        .map(|model| analyze::read_plans(&model, id));
    diagnostics.fill_columns(|file| crate::fs::source_text(&options.root.join(file)));
    (plans, diagnostics.into_sorted())
}

fn run(options: &Options, write: bool, progress: &dyn Progress) -> Report {
    run_keeping(options, write, progress, false).0
}

/// What a build made and found, kept by `serve` for the next, partial build.
pub(crate) struct Built {
    model: model::Model,
    analysis: analyze::Analysis,
    frozen: analyze::Frozen,
    /// What later stages need of the rendered site (its files are on disk).
    rendered: render::RenderedSite,
    /// Every output file as it went to the output folder, without its bytes.
    files: Vec<incremental::Written>,
    /// The problems found before rendering.
    before_render: Vec<Diagnostic>,
}

/// The options of the model stage.
fn model_options(options: &Options) -> model::ModelOptions {
    model::ModelOptions {
        as_of: options.as_of,
        base_url: options.base_url.clone(),
        drafts: options.drafts,
        chromium: options.chromium.clone(),
        ci: options.ci,
    }
}

/// The files made from the whole rendered site: sitemap, feeds, the search index
/// (`texts`: the pages' own texts, see [`render::RenderedSite`]).
fn site_wide_files(
    model: &model::Model,
    views: &[(String, usize)],
    texts: Vec<String>,
) -> Vec<render::OutputFile> {
    let mut files = output::indexing_files(model, views);
    files.extend(output::search_files(model, texts));
    files
}

/// [`run`]; with `keep`, also what the build made when it wrote the site with no
/// errors, for a later partial build ([`incremental`]).
fn run_keeping(
    options: &Options,
    write: bool,
    progress: &dyn Progress,
    keep: bool,
) -> (Report, Option<Built>) {
    let mut built = None;
    let started = Instant::now();
    let mut stages = progress::Stages::new(progress);
    let mut diagnostics = Diagnostics::default();
    let mut report = Report::default();
    check_base_url(options, &mut diagnostics);
    let out = options.out_dir();
    // Checked and locked before anything is read: a refused output is a wrong
    // command, not a problem of the site, and stops here.
    let mut output = None;
    if write {
        match output::prepare(&options.root, &out, options.out.is_some()) {
            Ok(prepared) => output = Some(prepared),
            Err(refusal) => {
                report.refused = true;
                report.diagnostics = vec![refusal];
                report.elapsed = started.elapsed();
                return (report, None);
            }
        }
    }
    stages.start(Stage::Load, None);
    let sources = load::load_site(&options.root, &mut diagnostics);
    let model_options = model_options(options);
    stages.start(Stage::Model, None);
    // A register that cannot be read leaves every page about organizations out: its
    // error is the one to mend, not the links and data that name them.
    let model = model::resolve(sources, &model_options, &mut diagnostics)
        .filter(|model| !model.register.unreadable);
    if let Some(model) = model {
        stages.start(Stage::Analyze, None);
        let (analysis, frozen) =
            rayon::join(|| analyze::run(&model), || analyze::run_snapshots(&model));
        // Files stream into the staging folder as render finishes them; a build
        // that fails drops the staging folder, and the output is as it was.
        let staging = output
            .take()
            .filter(|_| !diagnostics.has_errors())
            .and_then(|output| open_staging(output, &out, &mut diagnostics));
        let target = match &staging {
            Some(staging) => staging as &dyn Sink,
            None => &render::Discard,
        };
        // `serve` keeps a fingerprint of every file written, not its bytes.
        let recording = keep.then(|| incremental::Recording::new(target));
        let sink = render::Counted::new(match &recording {
            Some(recording) => recording as &dyn Sink,
            None => target,
        });
        let before_render = keep.then(|| diagnostics.clone().into_vec());
        stages.start(Stage::Render, Some(model.pages.len()));
        let mut rendered = render::render_site(
            &model,
            &analysis,
            &frozen,
            &sink,
            stages.observer(),
            &mut diagnostics,
        );
        // Only `serve` needs the analysis, the pages' texts and what render keeps
        // for a partial render, after render.
        let kept = keep.then_some((analysis, frozen));
        if !keep {
            rendered.memory = render::RenderMemory::default();
        }
        let texts = match keep {
            true => rendered.texts.clone(),
            false => std::mem::take(&mut rendered.texts),
        };
        for file in site_wide_files(&model, &rendered.views, texts) {
            sink.put(file);
        }
        stages.start(Stage::Check, None);
        check::check_links(&model, &rendered, &mut diagnostics);
        report.checklist = check::openness_checklist(&model);
        report.checklist_computed = true;
        report.pages = model.pages.len();
        report.charts = rendered.charts;
        report.files = sink.count();
        let writing = staging.is_some() && !diagnostics.has_errors();
        if writing {
            // Printing (seconds, when a report changed) belongs to writing the output;
            // it needs the rendered print page and its CSS. `check` prints nothing.
            stages.start(Stage::Write, None);
            print_reports(&model, &rendered.for_print, &out, &sink, &mut diagnostics);
            report.files = sink.count();
        }
        let recorded = recording.map(incremental::Recording::into_files);
        if let Some(staging) = staging.filter(|_| writing && !diagnostics.has_errors()) {
            match staging.finish() {
                Ok(stats) => report.written = Some(stats),
                Err(error) => diagnostics.push(write_error(&out, &error)),
            }
        }
        if let (Some((analysis, frozen)), Some(files), Some(before_render), Some(_)) =
            (kept, recorded, before_render, report.written)
        {
            built = Some(Built {
                model,
                analysis,
                frozen,
                rendered,
                files,
                before_render,
            });
        }
    }
    stages.finish();
    report.stages = stages.times;
    diagnostics.fill_columns(|file| crate::fs::source_text(&options.root.join(file)));
    report.diagnostics = diagnostics.into_sorted();
    report.elapsed = started.elapsed();
    (report, built)
}

/// A wrong `--base-url` is an error of the build.
fn check_base_url(options: &Options, diagnostics: &mut Diagnostics) {
    if let Some(base_url) = &options.base_url {
        if let Err(message) = config::validate_base_url(base_url) {
            diagnostics.push(Diagnostic::error("--base-url", message).hint(tr!(
                "пример: --base-url https://edu.example.ru/",
                "for example: --base-url https://edu.example.ru/"
            )));
        }
    }
}

/// The staging folder beside `out`; `None` (and the error said) when it cannot be made.
fn open_staging(
    output: output::Output,
    out: &std::path::Path,
    diagnostics: &mut Diagnostics,
) -> Option<output::Staging> {
    match output::Staging::open(output, out) {
        Ok(staging) => Some(staging),
        Err(error) => {
            diagnostics.push(write_error(out, &error));
            None
        }
    }
}

/// The reports printed to PDF (from their print pages, `for_print`) into `sink`.
fn print_reports(
    model: &model::Model,
    for_print: &[render::OutputFile],
    out: &std::path::Path,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) {
    let cache = out
        .parent()
        .map_or_else(|| PathBuf::from(PDF_CACHE), |p| p.join(PDF_CACHE));
    let (pdfs, problems) = output::report_pdfs(model, for_print, &cache);
    for pdf in pdfs {
        sink.put(pdf);
    }
    for problem in problems {
        diagnostics.push(problem);
    }
}

/// Writing the output failed: the system's words, and what to do.
fn write_error(out: &std::path::Path, error: &anyhow::Error) -> Diagnostic {
    // The system's own words (a path and an OS error) read the same in both languages.
    let said = tr!(format!("{error:#}"), format!("{error:#}"));
    Diagnostic::error(out, said).hint(tr!(
        "проверьте, что на диске есть место и папка доступна для записи; закройте программы, в которых открыты файлы сайта; прежний сайт не изменён",
        "check that the disk has space and the folder is writable; close programs that have the site's files open; the previous site is unchanged"
    ))
}
