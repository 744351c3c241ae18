//! Stage 2: the typed domain of the site, resolved from the raw sources.
//!
//! Addresses, dates and the section tree are decided here once; `render` only reads.

mod analytics_rules;
mod cycle;
mod deadline;
mod document_checks;
mod documents;
mod indicator;
mod opendata;
mod openness;
mod organization;
mod output_names;
mod page;
pub(crate) mod paths;
mod period;
mod plan;
mod plan_mark;
mod references;
mod report_pdf;
mod responsible;
mod results;
mod rule_expr;
mod text_checks;
pub(crate) mod vocabulary;

use crate::tr;
use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

#[cfg(test)]
pub(crate) use analytics_rules::MedalYear;
pub(crate) use analytics_rules::{AnalyticsRules, Category, DataBreak, EffectRule};
pub(crate) use deadline::{Deadline, Recurrence};
// The importer reads deadlines to tell which of them need a look.
pub(crate) use deadline::{parse_deadline, PlanPeriod};

/// Why a deadline text cannot be read (Russian, English), for `msoko plans`;
/// `None` when it can.
pub(crate) fn deadline_unreadable(
    text: &str,
    period: deadline::PlanPeriod,
) -> Option<(String, String)> {
    deadline::parse_deadline(text, &period)
        .err()
        .map(|e| (e.reason, e.reason_en))
}

/// Reads a deadline for a plan running `from..to` (tests of later stages).
#[cfg(test)]
pub(crate) fn parse_deadline_for_tests(
    text: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<deadline::Deadline> {
    deadline::parse_deadline(text, &deadline::PlanPeriod { from, to }).ok()
}
pub(crate) use cycle::{calendar_year, measured_in, Addressee, Cycle, Decision, Stage};
pub(crate) use documents::{Document, DocumentStatus, Documents};
#[cfg(test)]
pub(crate) use indicator::Observation;
pub(crate) use report_pdf::{PdfSource, ReportPdf};

/// A rule combination from text (tests of later stages).
#[cfg(test)]
pub(crate) fn parse_combination_for_tests(text: &str) -> rule_expr::Expr {
    rule_expr::parse_expr(text).expect("valid combination")
}

/// The register from the text of `data/organizations.yaml` (tests of later stages,
/// which see the model, not the raw files of `load`).
#[cfg(test)]
pub(crate) fn resolve_register_for_tests(yaml: &str, diagnostics: &mut Diagnostics) -> Register {
    let file = crate::load::OrganizationsFile {
        file: "data/organizations.yaml".into(),
        organizations: crate::yaml::parse(yaml, std::path::Path::new("o.yaml"), 1)
            .expect("a valid register"),
    };
    organization::resolve_register(Some(file), diagnostics)
}

/// Results from the text of `data/results/<procedure>/<year>.csv` files, given as
/// `(procedure, year, csv)`, without an official list or comments (tests of later
/// stages).
#[cfg(test)]
pub(crate) fn resolve_results_for_tests(
    files: &[(Procedure, i32, &str)],
    register: &Register,
    rules: &AnalyticsRules,
    diagnostics: &mut Diagnostics,
) -> Results {
    let files = files
        .iter()
        .map(|&(procedure, year, csv)| crate::load::ResultsFile {
            procedure,
            year,
            region: false,
            table: crate::load::parse_table_for_tests(
                csv,
                &format!("data/results/{}/{year}.csv", procedure.id()),
            ),
        })
        .collect();
    let sources = crate::load::ResultsSources {
        files,
        official: None,
        comments: None,
    };
    results::resolve_results(sources, register, rules, diagnostics)
}
#[cfg(test)]
pub(crate) use indicator::MethodChange;
pub(crate) use indicator::{Indicator, Indicators, Place, MAX_CHARTED_SLICES};
pub(crate) use opendata::{OpenDataSet, SetSource, FREQUENCY_ON_CHANGE, FREQUENCY_YEARLY};
pub(crate) use organization::{resolve_register, Organization, Register};
pub(crate) use page::{AttachedFile, Page, PageData};
pub(crate) use paths::{attachment_url, output_path, page_url, written_path};
pub(crate) use period::Period;
pub(crate) use plan::{Plan, PlanItem, PlanSection};
pub(crate) use plan_mark::GivenStatus;
pub(crate) use responsible::near_duplicates;
#[cfg(test)]
pub(crate) use results::Journal;
pub(crate) use results::{GiaRow, MedalRow, OfficialEntry, Results, VprRow};
pub(crate) use rule_expr::Rule;
// Files the model carries through unchanged from `load` (theme templates, static and
// attached files): later stages name them by the model, which is all they see.
pub(crate) use crate::load::{FileSource, TemplateSource};
pub(crate) use vocabulary::{
    Better, Compare, MedalRegime, OrgFlag, OrgKind, PeriodKind, Procedure, ProfileKind,
};

/// The parsers the fuzz runner (`crate::fuzz`) drives directly.
#[cfg(test)]
pub(crate) mod fuzz_targets {
    pub(crate) use super::deadline::{parse_deadline, PlanPeriod};
    pub(crate) use super::indicator::parse_value;
}

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{Attachment, GitDates, SortBy, Sources};
use cycle::CycleSource;

/// Site path of the search page.
pub(crate) const SEARCH_URL: &str = "/search/";

/// What the command line decides about the model.
#[derive(Debug, Clone)]
pub(crate) struct ModelOptions {
    pub(crate) as_of: NaiveDate,
    pub(crate) base_url: Option<String>,
    pub(crate) drafts: bool,
    /// The browser that prints reports to PDF, when one was found.
    pub(crate) chromium: Option<PathBuf>,
    /// Built by CI (`CI=true`): what a local build only warns about fails it.
    pub(crate) ci: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Model {
    pub(crate) config: SiteConfig,
    /// `base_url` without a trailing slash.
    pub(crate) base_url: String,
    /// Path prefix of every site path in the output (`/` or `/msoko/`).
    pub(crate) base_path: String,
    /// "Today" for everything date-dependent.
    pub(crate) as_of: NaiveDate,
    /// All pages, sorted by site path.
    pub(crate) pages: Vec<Page>,
    /// Index in `pages` by site path.
    pub(crate) by_url: BTreeMap<String, usize>,
    /// Children of each section (by the section's index in `pages`), sorted for listing.
    pub(crate) children: BTreeMap<usize, Children>,
    /// Files copied as is: output path -> source.
    pub(crate) files: BTreeMap<String, FileSource>,
    pub(crate) templates: Vec<TemplateSource>,
    pub(crate) plans: Vec<Plan>,
    pub(crate) register: Register,
    pub(crate) indicators: Indicators,
    /// Frozen copies of the data named by reports, by name.
    pub(crate) snapshots: BTreeMap<String, DataSet>,
    /// The registry of acts (pages with `kind: document`).
    pub(crate) documents: Documents,
    /// The open data sets, in the order of their pages.
    pub(crate) open_data: Vec<OpenDataSet>,
    /// Sets left unpublished for want of a version date: (title, data file).
    pub(crate) unpublished_data: Vec<(String, PathBuf)>,
    /// The site was read from a shallow git clone: its dates are not to be trusted.
    pub(crate) shallow_clone: bool,
    /// The official PDF of each report.
    pub(crate) report_pdfs: Vec<ReportPdf>,
    /// The management cycle of each direction, in the order of `indicators.directions`.
    pub(crate) cycle: Cycle,
    /// Raw ВПР, ОГЭ and ЕГЭ results for the analytics.
    pub(crate) results: Results,
    /// Thresholds and combinations of the analytics (`data/analytics.yaml`).
    pub(crate) analytics: AnalyticsRules,
}

/// The data of one data folder: `data/` itself lives in `Model`'s own fields; a
/// snapshot keeps the same three.
#[derive(Debug, Clone)]
pub(crate) struct DataSet {
    pub(crate) register: Register,
    pub(crate) indicators: Indicators,
    pub(crate) plans: Vec<Plan>,
}

impl Model {
    /// The same site seeing a snapshot's data (for the shortcodes of a frozen report)
    /// on the date the report was published.
    pub(crate) fn with_data(&self, data: &DataSet, as_of: NaiveDate) -> Model {
        Model {
            register: data.register.clone(),
            indicators: data.indicators.clone(),
            plans: data.plans.clone(),
            as_of,
            ..self.clone()
        }
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Children {
    pub(crate) pages: Vec<usize>,
    pub(crate) sections: Vec<usize>,
}

impl Model {
    /// RSS and Atom feeds of section `index`: (media type, site path) of each. A
    /// section listed newest first has them as long as one of its pages has a date;
    /// a feed of undated pages (a report's chapters) would stay empty, so none is
    /// written or advertised.
    pub(crate) fn feeds(&self, index: usize) -> Option<[(&'static str, String); 2]> {
        let feeds = self.pages[index].feeds()?;
        let pages = &self.children.get(&index)?.pages;
        pages
            .iter()
            .any(|&i| self.pages[i].placed.is_some())
            .then_some(feeds)
    }

    /// The sections above a page, from the home page down (not the page itself).
    pub(crate) fn ancestors(&self, index: usize) -> Vec<usize> {
        let url = &self.pages[index].url;
        let mut found = Vec::new();
        let mut prefix = String::from("/");
        if url != "/" {
            if let Some(&home) = self.by_url.get("/") {
                found.push(home);
            }
        }
        let segments: Vec<&str> = url.trim_matches('/').split('/').collect();
        for segment in segments.iter().take(segments.len().saturating_sub(1)) {
            prefix.push_str(segment);
            prefix.push('/');
            if let Some(&i) = self.by_url.get(&prefix) {
                found.push(i);
            }
        }
        found
    }

    /// The page named in data as `documents/prikaz-42` or `/documents/prikaz-42/`.
    pub(crate) fn page_named(&self, written: &str) -> Option<usize> {
        self.by_url.get(&documents::document_url(written)).copied()
    }

    /// The page of the personal-data processing policy named in `site.yaml`.
    pub(crate) fn personal_data_policy(&self) -> Option<usize> {
        let written = self.config.authority.personal_data_policy.as_deref()?;
        (!written.trim().is_empty())
            .then(|| self.page_named(written))
            .flatten()
    }

    /// Site path of the official PDF of the report at page `report`, if it has one.
    pub(crate) fn report_pdf_url(&self, report: usize) -> Option<&str> {
        self.report_pdfs
            .iter()
            .find(|p| p.report == report)
            .and_then(|p| p.url.as_deref())
    }

    /// The year the management cycle is shown for first (see `Cycle::current_year`).
    pub(crate) fn cycle_year(&self) -> i32 {
        Cycle::current_year(&self.indicators, self.as_of.year())
    }

    /// A site path with the base path in front: `/news/` -> `/msoko/news/`.
    pub(crate) fn link(&self, url: &str) -> String {
        format!("{}{}", self.base_path, url.trim_start_matches('/'))
    }

    /// The absolute address of a site path, for canonical links and feeds.
    pub(crate) fn permalink(&self, url: &str) -> String {
        let origin_end = self
            .base_url
            .find("://")
            .and_then(|i| self.base_url[i + 3..].find('/').map(|j| i + 3 + j))
            .unwrap_or(self.base_url.len());
        format!("{}{}", &self.base_url[..origin_end], self.link(url))
    }
}

pub(crate) fn resolve(
    sources: Sources,
    options: &ModelOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Model> {
    let Sources {
        config,
        pages,
        attachments,
        theme,
        data,
        snapshots,
        results,
        analytics,
        git_dates,
        shallow_clone,
    } = sources;
    let plan_files = data.plans;
    let aliases = responsible::Aliases::new(
        &config
            .as_ref()
            .map(|c| c.responsible_aliases.clone())
            .unwrap_or_default(),
    );
    let register = organization::resolve_register(data.organizations, diagnostics);
    let cycle_sources = cycle_sources(&data.indicators);
    let min_group = config.as_ref().map_or(5, |c| c.privacy.min_group);
    let analytics = analytics_rules::resolve_rules(analytics, min_group, diagnostics);
    let results = results::resolve_results(results, &register, &analytics, diagnostics);
    let indicators =
        indicator::resolve_indicators(data.indicators, &register, options.as_of, diagnostics);
    let attachment_index: BTreeMap<PathBuf, &Attachment> = attachments
        .iter()
        .map(|a| (a.relative.clone(), a))
        .collect();
    let mut resolved: Vec<Page> = pages
        .into_iter()
        .filter(|p| options.drafts || !p.front.draft)
        .map(|p| page::resolve_page(p, &attachment_index, &git_dates, options.as_of, diagnostics))
        .collect();
    let files = collect_files(&attachments, theme.statics, diagnostics);
    let plans = {
        let references = references::References::new(&resolved, &files);
        plan::resolve_plans(
            plan_files.plans,
            &references,
            options.as_of,
            &aliases,
            diagnostics,
        )
    };
    let snapshots: BTreeMap<String, DataSet> = snapshots
        .into_iter()
        .map(|(name, data)| {
            let register = organization::resolve_register(data.organizations, diagnostics);
            let indicators = indicator::resolve_indicators(
                data.indicators,
                &register,
                options.as_of,
                diagnostics,
            );
            let references = references::References::new(&resolved, &files);
            let plans = plan::resolve_plans(
                data.plans.plans,
                &references,
                options.as_of,
                &aliases,
                diagnostics,
            );
            (
                name,
                DataSet {
                    register,
                    indicators,
                    plans,
                },
            )
        })
        .collect();
    if plan_files.any {
        add_plan_pages(&mut resolved, &plans, &git_dates);
    }
    add_monitoring_pages(&mut resolved, &register, &indicators, &results, &git_dates);
    add_analytics_pages(&mut resolved, &results, &git_dates);
    if cycle_sources.iter().any(CycleSource::has_cycle) {
        add_cycle_pages(&mut resolved, &indicators, &git_dates, diagnostics);
    }
    let mut unpublished_data = Vec::new();
    let mut open_data = opendata::catalog(
        &opendata::CatalogInputs {
            inn: config
                .as_ref()
                .and_then(|c| c.authority.inn.as_ref())
                .map(|t| t.0.as_str()),
            register: &register,
            indicators: &indicators,
            plans: &plans,
            pages: &resolved,
            snapshots: &snapshots,
            git_dates: &git_dates,
            has_cycle: cycle_sources.iter().any(CycleSource::has_cycle),
            results_files: &results.files,
            has_vpr: !results.vpr.is_empty(),
            named: analytics.publish_named,
        },
        &mut unpublished_data,
    );
    // A set without a version date is left out of /opendata/: say so at every build,
    // not only in the checklist, so that a site built outside git does not lose sets
    // silently.
    for (title, file) in &unpublished_data {
        // CI publishes the site: a set silently missing there is a published gap.
        let problem = if options.ci {
            Diagnostic::error
        } else {
            Diagnostic::warning
        };
        diagnostics.push(
            problem(
                file,
                tr!("набор открытых данных «{title}» не опубликован: неизвестна дата его версии", "the open data set “{title}” is not published: the date of its version is unknown"),
            )
            .at(1, 1)
            .hint(tr!(format!("дата версии берётся из истории git: добавьте {} в репозиторий сайта (git add, git commit) и собирайте сайт из клона репозитория",
                file.display()
            ), format!("the version date comes from git history: add {} to the site's repository (git add, git commit) and build the site from a clone of the repository",
                file.display()
            ))),
        );
    }
    // A data set's version is no later than the day the site is built «as of», like
    // a page's dates (see `clamp_dates`).
    for set in &mut open_data {
        set.created = set.created.min(options.as_of);
        set.modified = set.modified.min(options.as_of);
    }
    if shallow_clone {
        diagnostics.push(shallow_clone_problem(options.ci));
    }
    let config_dates = dates_of_files(&[PathBuf::from(crate::config::CONFIG_FILE)], &git_dates);
    openness::add_openness_pages(&mut resolved, config_dates, &open_data);
    add_search_page(&mut resolved);
    clamp_dates(&mut resolved, options.as_of);
    resolved.sort_by(|a, b| a.url.cmp(&b.url).then(a.file.cmp(&b.file)));

    let mut by_url = BTreeMap::new();
    for (i, page) in resolved.iter().enumerate() {
        if let Some(&other) = by_url.get(&page.url) {
            let other: &Page = &resolved[other];
            diagnostics.push(
                Diagnostic::error(
                    &page.file,
                    tr!(format!("у двух страниц один адрес {}: {} и {}",
                        page.url,
                        other.file.display(),
                        page.file.display()
                    ), format!("two pages have the same address {}: {} and {}",
                        page.url,
                        other.file.display(),
                        page.file.display()
                    )),
                )
                .hint(tr!("переименуйте один из файлов (адрес получается из имени файла латиницей)", "rename one of the files (the address comes from the file name in Latin letters)")),
            );
        } else {
            by_url.insert(page.url.clone(), i);
        }
    }
    if !by_url.contains_key("/") && !resolved.is_empty() {
        diagnostics.push(
            Diagnostic::error(
                "content/_index.md",
                tr!("нет главной страницы сайта", "the site has no home page"),
            )
            .hint(tr!(
                "создайте файл content/_index.md с заголовком title",
                "create the file content/_index.md with a title"
            )),
        );
    }

    let children = link_sections(&resolved, &by_url);
    let documents =
        documents::resolve_documents(&resolved, &by_url, &plans, options.as_of, diagnostics);
    check_file_clashes(&files, &by_url, diagnostics);
    check_output_names(&resolved, &attachments, diagnostics);
    check_plan_directions(&plans, &indicators, diagnostics);
    let cycle = cycle::resolve_cycle(
        cycle_sources,
        &indicators,
        &register,
        &resolved,
        &by_url,
        options.as_of.year(),
        diagnostics,
    );

    let report_pdfs = report_pdf::resolve_report_pdfs(&resolved, options.chromium.as_ref());
    let config = config?;
    check_authority_references(&config, &resolved, &files, diagnostics);
    for (k, id) in config.key_indicators.iter().enumerate() {
        if !indicators.indicators.iter().any(|i| &i.id == id) {
            let (line, column) = config
                .positions
                .value(&format!("key_indicators[{k}]"))
                .map_or((1, 1), |at| (at.line, at.column));
            diagnostics.push(
                Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    tr!(
                        "в key_indicators указан показатель «{id}», которого нет",
                        "key_indicators names the indicator “{id}”, which does not exist"
                    ),
                )
                .at(line, column)
                .hint(tr!(
                    "укажите id показателя из data/indicators/*.yaml",
                    "give an indicator id from data/indicators/*.yaml"
                )),
            );
        }
    }
    let base_url = options
        .base_url
        .clone()
        .unwrap_or_else(|| config.base_url.clone())
        .trim_end_matches('/')
        .to_string();
    let base_path = paths::base_path(&base_url);
    Some(Model {
        config,
        base_url,
        base_path,
        as_of: options.as_of,
        pages: resolved,
        by_url,
        children,
        files,
        templates: theme.templates,
        plans,
        register,
        indicators,
        snapshots,
        documents,
        open_data,
        unpublished_data,
        shallow_clone,
        report_pdfs,
        cycle,
        results,
        analytics,
    })
}

/// A plan item's `direction:` must name a direction of `data/indicators`.
fn check_plan_directions(plans: &[Plan], indicators: &Indicators, diagnostics: &mut Diagnostics) {
    for plan in plans {
        for item in plan.items() {
            let Some(cycle) = &item.cycle else { continue };
            if !indicators
                .directions
                .iter()
                .any(|d| d.id == cycle.direction)
            {
                diagnostics.push(
                    Diagnostic::error(
                        &plan.file,
                        tr!(
                            format!(
                                "в пункте «{}» указано направление «{}», которого нет",
                                item.no, cycle.direction
                            ),
                            format!(
                                "item “{}” names the direction “{}”, which does not exist",
                                item.no, cycle.direction
                            )
                        ),
                    )
                    .at_line(cycle.line)
                    .hint(tr!(
                        "укажите id направления из блока direction: в data/indicators/*.yaml",
                        "give a direction id from a direction: block in data/indicators/*.yaml"
                    )),
                );
            }
        }
    }
}

/// The cycle part of each direction file, kept before the indicators consume them.
fn cycle_sources(sources: &crate::load::IndicatorSources) -> Vec<CycleSource> {
    sources
        .directions
        .iter()
        .map(|file| {
            let d = &file.content.direction;
            CycleSource {
                direction_id: d.id.clone(),
                file: file.file.clone(),
                positions: file.positions.clone(),
                goals: d.goals.iter().map(|t| t.0.clone()).collect(),
                tasks: d.tasks.iter().map(|t| t.0.clone()).collect(),
                methods: d.methods.clone(),
                years: d
                    .years
                    .iter()
                    .map(|(k, v)| (k.0.clone(), v.clone()))
                    .collect(),
            }
        })
        .collect()
}

/// `/msoko/` gets the matrix of directions × links of the cycle (the site's own
/// `content/msoko/_index.md` keeps its text above it), and each direction a page of
/// its chain at `/msoko/<direction>/`, which no content page may take.
fn add_cycle_pages(
    pages: &mut Vec<Page>,
    indicators: &Indicators,
    git_dates: &GitDates,
    diagnostics: &mut Diagnostics,
) {
    let all: Vec<PathBuf> = indicators
        .directions
        .iter()
        .map(|d| d.file.clone())
        .collect();
    attach_or_generate(
        pages,
        "msoko/_index.md",
        PathBuf::from(crate::load::DATA_DIR).join("indicators"),
        "Муниципальная система оценки качества образования",
        "msoko.html",
        PageData::CycleMatrix,
        dates_of_files(&all, git_dates),
    );
    for (index, direction) in indicators.directions.iter().enumerate() {
        let url = paths::direction(&direction.id);
        if let Some(page) = pages.iter().find(|p| p.url == url) {
            diagnostics.push(
                Diagnostic::error(
                    &page.file,
                    tr!(format!("адрес {url} занят страницей управленческого цикла направления «{}»",
                        direction.id
                    ), format!("the address {url} belongs to the management cycle page of direction “{}”",
                        direction.id
                    )),
                )
                .hint(tr!("переименуйте файл страницы: этот адрес сайт строит из data/indicators", "rename the page's file: the site builds this address from data/indicators")),
            );
            continue;
        }
        pages.push(Page::generated(
            &format!("msoko/{}.md", direction.id),
            direction.file.clone(),
            direction.title.clone(),
            dates_of_files(std::slice::from_ref(&direction.file), git_dates),
            "cycle.html",
            PageData::Cycle(index),
        ));
    }
}

/// Pages named in `site.yaml` `authority:` (acts, the appeals procedure) must exist.
fn check_authority_references(
    config: &SiteConfig,
    pages: &[Page],
    files: &BTreeMap<String, FileSource>,
    diagnostics: &mut Diagnostics,
) {
    let references = references::References::new(pages, files);
    for written in config.authority.document_references() {
        if references.resolve(written).is_none() {
            diagnostics.push(
                Diagnostic::error(
                    crate::config::CONFIG_FILE,
                    tr!(
                        "в authority указана страница «{written}», которой нет",
                        "authority names the page “{written}”, which does not exist"
                    ),
                )
                .at_line(
                    config
                        .positions
                        .find("authority", written)
                        .map_or(1, |at| at.line),
                )
                .hint(references.hint()),
            );
        }
    }
}

/// Placement and change dates of a page made from data files: the first commit of
/// any of them, the last commit of any of them.
fn dates_of_files(
    files: &[PathBuf],
    git_dates: &GitDates,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let known: Vec<_> = files.iter().filter_map(|f| git_dates.get(f)).collect();
    (
        known.iter().map(|d| d.first).min(),
        known.iter().map(|d| d.last).max(),
    )
}

/// Gives the site's own page at a generated page's address the data (its text stays
/// above the generated part), or makes the page.
pub(super) fn attach_or_generate(
    pages: &mut Vec<Page>,
    relative: &str,
    file: PathBuf,
    title: &str,
    template: &str,
    data: PageData,
    dates: (Option<NaiveDate>, Option<NaiveDate>),
) {
    let url = paths::page_url(std::path::Path::new(relative));
    match pages.iter_mut().find(|p| p.url == url) {
        Some(page) => {
            page.data = data;
            page.template.get_or_insert_with(|| template.into());
        }
        None => pages.push(Page::generated(
            relative,
            file,
            title.into(),
            dates,
            template,
            data,
        )),
    }
}

/// `/indicators/` with a page per direction and per indicator; `/orgs/` with a page
/// per organisation. A page the site wrote itself at `/indicators/` or `/orgs/`
/// keeps its text and gets the list under it.
fn add_monitoring_pages(
    pages: &mut Vec<Page>,
    register: &Register,
    indicators: &Indicators,
    results: &Results,
    git_dates: &GitDates,
) {
    if !indicators.indicators.is_empty() {
        let all: Vec<PathBuf> = indicators
            .indicators
            .iter()
            .flat_map(|i| i.files.clone())
            .collect();
        attach_or_generate(
            pages,
            "indicators/_index.md",
            PathBuf::from(crate::load::DATA_DIR).join("indicators"),
            "Показатели МСОКО",
            "indicators.html",
            PageData::IndicatorList,
            dates_of_files(&all, git_dates),
        );
        for (index, direction) in indicators.directions.iter().enumerate() {
            let mut files = vec![direction.file.clone()];
            files.extend(
                direction
                    .indicators
                    .iter()
                    .flat_map(|&i| indicators.indicators[i].files.clone()),
            );
            pages.push(Page::generated(
                &format!("indicators/{}.md", direction.id),
                direction.file.clone(),
                direction.title.clone(),
                dates_of_files(&files, git_dates),
                "direction.html",
                PageData::Direction(index),
            ));
        }
        for (index, indicator) in indicators.indicators.iter().enumerate() {
            pages.push(Page::generated(
                &format!("indicators/{}.md", indicator.id),
                indicator.files[0].clone(),
                indicator.title.clone(),
                dates_of_files(&indicator.files, git_dates),
                "indicator.html",
                PageData::Indicator(index),
            ));
        }
    }
    if let Some(file) = &register.file {
        let mut files = vec![file.clone()];
        files.extend(indicators.indicators.iter().flat_map(|i| i.files.clone()));
        // School cards also show the analytics of the raw results.
        files.extend(results.files.iter().cloned());
        let dates = dates_of_files(&files, git_dates);
        attach_or_generate(
            pages,
            "orgs/_index.md",
            file.clone(),
            "Образовательные организации",
            "orgs.html",
            PageData::OrgList,
            dates,
        );
        for (index, org) in register.organizations.iter().enumerate() {
            pages.push(Page::generated(
                &format!("orgs/{}.md", org.id),
                file.clone(),
                org.short_name.clone(),
                dates,
                "org.html",
                PageData::Org(index),
            ));
        }
    }
}

/// `/search/`, unless the site wrote its own `content/search/_index.md`, which then
/// keeps its text and gets the search form and the list of pages under it. A site
/// without pages gets none. The list shows every page, so the generated page was
/// placed with the first page and changes with the last change of any.
/// The search page is a service page: it has no dates of its own (those of the
/// site's oldest and newest pages read like a page placed in 2019) and is not one of
/// «Разделы сайта».
fn add_search_page(pages: &mut Vec<Page>) {
    if pages.is_empty() {
        return;
    }
    let (placed, updated) = (None, None);
    match pages.iter_mut().find(|p| p.url == SEARCH_URL) {
        Some(page) => {
            page.data = PageData::Search;
            page.template.get_or_insert_with(|| "search.html".into());
        }
        None => pages.push(Page::generated(
            "search/_index.md",
            PathBuf::from(crate::load::CONTENT_DIR).join("search/_index.md"),
            "Поиск по сайту".into(),
            (placed, updated),
            "search.html",
            PageData::Search,
        )),
    }
}

/// A page is never placed or changed after the day the site is built «as of»: its
/// text says «по состоянию на» that day, so a later date (a commit made after it, a
/// rebuild of an old state) would contradict it. The date is clamped to `as_of`.
fn clamp_dates(pages: &mut [Page], as_of: NaiveDate) {
    for page in pages {
        page.placed = page.placed.map(|d| d.min(as_of));
        page.updated = page.updated.map(|d| d.min(as_of));
    }
}

/// A shallow clone has only the last commits: every file seems placed and changed
/// the day of the oldest commit it has, so the dates of the site are wrong.
fn shallow_clone_problem(ci: bool) -> Diagnostic {
    let problem = if ci {
        Diagnostic::error
    } else {
        Diagnostic::warning
    };
    problem(
        crate::config::CONFIG_FILE,
        tr!(
            "сайт собирается из неполной копии репозитория (shallow clone): даты размещения и изменения страниц и версии наборов открытых данных будут неверны",
            "the site is built from a shallow clone of its repository: the publication and update dates of pages and the versions of open data sets will be wrong"
        ),
    )
    .hint(tr!(
        "получите всю историю: git fetch --unshallow; в CI — fetch-depth: 0 (GitHub Actions, actions/checkout) или GIT_DEPTH: 0 (GitLab CI), как в шаблоне msoko init",
        "fetch the whole history: git fetch --unshallow; in CI, fetch-depth: 0 (GitHub Actions, actions/checkout) or GIT_DEPTH: 0 (GitLab CI), as in the msoko init template"
    ))
}

/// `/objectivity/` and `/shnor/` with a page per year of the raw results, when the
/// site has them. A page the site wrote itself at `/objectivity/` or `/shnor/` keeps
/// its text and gets the list under it.
fn add_analytics_pages(pages: &mut Vec<Page>, results: &Results, git_dates: &GitDates) {
    let years = results.years();
    if years.is_empty() {
        return;
    }
    let dates = dates_of_files(&results.files, git_dates);
    let folder = PathBuf::from(crate::load::DATA_DIR).join(crate::load::RESULTS_DIR);
    let sections = [
        (
            "objectivity",
            "Объективность результатов оценочных процедур",
            "objectivity_list.html",
            PageData::ObjectivityList,
            years.clone(),
        ),
        (
            "shnor",
            "Школы с низкими образовательными результатами (ШНОР)",
            "shnor_list.html",
            PageData::ShnorList,
            results.vpr_years(),
        ),
    ];
    for (section, title, template, data, years) in sections {
        if years.is_empty() {
            continue;
        }
        let url = paths::folder(section);
        match pages.iter_mut().find(|p| p.url == url) {
            Some(page) => {
                page.data = data;
                page.template.get_or_insert_with(|| template.into());
            }
            None => pages.push(Page::generated(
                &format!("{section}/_index.md"),
                folder.clone(),
                title.into(),
                dates,
                template,
                data,
            )),
        }
        for year in years {
            let (title, template, data) = if section == "objectivity" {
                (
                    format!("Признаки необъективности результатов: {year} год"),
                    "objectivity.html",
                    PageData::Objectivity(year),
                )
            } else {
                (
                    format!("Школы с низкими образовательными результатами: {year} год"),
                    "shnor.html",
                    PageData::Shnor(year),
                )
            };
            pages.push(Page::generated(
                &format!("{section}/{year}.md"),
                folder.clone(),
                title,
                dates,
                template,
                data,
            ));
        }
    }
}

/// A page per plan at `/plans/<id>/` and, unless the site wrote its own
/// `content/plans/_index.md`, the list of plans at `/plans/`.
fn add_plan_pages(pages: &mut Vec<Page>, plans: &[Plan], git_dates: &GitDates) {
    let dates_of = |plan: &Plan| {
        let git = git_dates.get(&plan.file);
        let fallback = plan.approved.as_ref().map(|a| a.date);
        (
            git.map(|g| g.first).or(fallback),
            git.map(|g| g.last).or(fallback),
        )
    };
    for (index, plan) in plans.iter().enumerate() {
        pages.push(Page::generated(
            &format!("plans/{}.md", plan.id),
            plan.file.clone(),
            plan.title.clone(),
            dates_of(plan),
            "plan.html",
            PageData::Plan(index),
        ));
    }
    match pages.iter_mut().find(|p| p.url == "/plans/") {
        Some(page) => {
            page.data = PageData::PlanList;
            page.template.get_or_insert_with(|| "plans.html".into());
        }
        None => {
            let all: Vec<_> = plans.iter().map(dates_of).collect();
            let placed = all.iter().filter_map(|d| d.0).min();
            let updated = all.iter().filter_map(|d| d.1).max();
            pages.push(Page::generated(
                "plans/_index.md",
                PathBuf::from(crate::load::DATA_DIR).join("plans"),
                "Планы и дорожные карты".into(),
                (placed, updated),
                "plans.html",
                PageData::PlanList,
            ));
        }
    }
}

/// Puts each page under the section of its folder and sorts each listing.
fn link_sections(pages: &[Page], by_url: &BTreeMap<String, usize>) -> BTreeMap<usize, Children> {
    let mut children: BTreeMap<usize, Children> = BTreeMap::new();
    for (i, page) in pages.iter().enumerate() {
        let Some(parent_url) = paths::parent_section_url(&page.relative) else {
            continue;
        };
        let Some(&parent) = by_url.get(&parent_url) else {
            continue;
        };
        if !pages[parent].is_section || by_url.get(&page.url) != Some(&i) || page.url == SEARCH_URL
        {
            continue;
        }
        let entry = children.entry(parent).or_default();
        if page.is_section {
            entry.sections.push(i);
        } else {
            entry.pages.push(i);
        }
    }
    for (&section, entry) in children.iter_mut() {
        let order = pages[section].sort_by;
        sort_pages(&mut entry.pages, pages, order);
        sort_pages(&mut entry.sections, pages, order);
    }
    children
}

/// Sorts page indices for a listing; ties fall back to the title, then the address,
/// so the order never depends on the file system. Keys are computed once per page
/// (a news section may hold thousands).
fn sort_pages(list: &mut [usize], pages: &[Page], order: SortBy) {
    list.sort_by_cached_key(|&i| {
        let page = &pages[i];
        let primary = match order {
            // Newest first; undated pages last.
            SortBy::Date => -page
                .placed
                .map_or(i64::MIN + 1, |d| i64::from(d.num_days_from_ce())),
            SortBy::Weight => page.weight.unwrap_or(i64::MAX),
            SortBy::Title => 0,
        };
        (primary, page.title.to_lowercase(), page.url.clone())
    });
}

/// A file whose address is also a page's: one of them would silently win.
fn check_file_clashes(
    files: &BTreeMap<String, FileSource>,
    by_url: &BTreeMap<String, usize>,
    diagnostics: &mut Diagnostics,
) {
    for (output, source) in files {
        if by_url.contains_key(&paths::folder(output)) {
            let shown = match source {
                FileSource::Disk(path) => path.clone(),
                FileSource::Embedded(_) => PathBuf::from(output),
            };
            diagnostics.push(
                Diagnostic::error(
                    shown,
                    tr!(
                        "файл займёт адрес /{output}/ страницы",
                        "the file would take the address /{output}/ of a page"
                    ),
                )
                .hint(tr!("переименуйте файл", "rename the file")),
            );
        }
    }
}

/// Names of pages and attachments that would break on Windows (see `output_names`).
fn check_output_names(pages: &[Page], attachments: &[Attachment], diagnostics: &mut Diagnostics) {
    let pages = pages.iter().map(|page| output_names::OutputName {
        output: paths::output_path(&page.url),
        source: page.file.clone(),
    });
    let attachments = attachments.iter().map(|a| output_names::OutputName {
        output: paths::attachment_url(&a.relative)
            .trim_start_matches('/')
            .to_string(),
        source: PathBuf::from(crate::load::CONTENT_DIR).join(&a.relative),
    });
    let names: Vec<_> = pages.chain(attachments).collect();
    output_names::check_output_names(&names, diagnostics);
}

/// Attachments and theme statics by output path; a clash between them is an error,
/// since one of them would silently win.
fn collect_files(
    attachments: &[Attachment],
    statics: BTreeMap<String, FileSource>,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, FileSource> {
    let mut files = statics;
    for attachment in attachments {
        let url = paths::attachment_url(&attachment.relative);
        let output = url.trim_start_matches('/').to_string();
        let shown = PathBuf::from(crate::load::CONTENT_DIR).join(&attachment.relative);
        if files.contains_key(&output) {
            diagnostics.push(
                Diagnostic::error(
                    shown,
                    tr!(
                        "файл займёт адрес {url}, который уже занят файлом темы",
                        "the file would take the address {url}, which a theme file already has"
                    ),
                )
                .hint(tr!("переименуйте файл", "rename the file")),
            );
            continue;
        }
        files.insert(output, FileSource::Disk(attachment.path.clone()));
    }
    files
}
