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
mod resolve;
mod responsible;
mod results;
mod rule_expr;
mod split;
mod text_checks;
pub(crate) mod vocabulary;
mod year_parts;

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

/// The model of the site at `root` on `as_of` (tests of later stages, which see the
/// model, not the raw files of `load`).
#[cfg(test)]
pub(crate) fn resolve_site_for_tests(root: &std::path::Path, as_of: NaiveDate) -> Model {
    let mut diagnostics = Diagnostics::default();
    let sources = crate::load::load_site(root, &mut diagnostics);
    let options = ModelOptions {
        as_of,
        base_url: None,
        drafts: false,
        chromium: None,
        ci: false,
    };
    resolve(sources, &options, &mut diagnostics).expect("the site resolves")
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
pub(crate) use year_parts::{grade_of, YearPart};
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
#[cfg(test)]
use crate::diagnostic::Diagnostics;
// The stage itself; `attach_or_generate` is shared with the openness pages.
use resolve::attach_or_generate;
pub(crate) use resolve::resolve;

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
    /// The parts of each year's objectivity page split for its size (issue 22);
    /// years not split are absent.
    pub(crate) objectivity_parts: BTreeMap<i32, Vec<YearPart>>,
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
