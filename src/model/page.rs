//! A page of the site with its meaning resolved: address, dates, attached file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::paths;
use crate::diagnostic::{Diagnostic, Diagnostics, Message};
use crate::load::{Attachment, Discussion, GitDates, SortBy, SourcePage, CONTENT_DIR};
use crate::tr;

#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// Source path relative to the site root, for diagnostics.
    pub(crate) file: PathBuf,
    /// Source path relative to `content/`.
    pub(crate) relative: PathBuf,
    /// Site path without the base path: `/news/a/`.
    pub(crate) url: String,
    pub(crate) is_section: bool,
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    /// Дата размещения.
    pub(crate) placed: Option<NaiveDate>,
    /// Дата изменения.
    pub(crate) updated: Option<NaiveDate>,
    pub(crate) weight: Option<i64>,
    /// The template the page names in its front matter; `None` for the one of its
    /// kind, which render decides (`render/contexts.rs`).
    pub(crate) template: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) number: Option<String>,
    pub(crate) approved: Option<NaiveDate>,
    /// An act's kind and issuer and the acts it changes, as written.
    pub(crate) act: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) amends: Vec<String>,
    pub(crate) cancels: Vec<String>,
    pub(crate) attached: Option<AttachedFile>,
    pub(crate) sort_by: SortBy,
    pub(crate) body: String,
    pub(crate) body_line: usize,
    /// Front matter text, to point later diagnostics at a key.
    pub(crate) yaml: String,
    /// Where each front matter value stands, in lines of `yaml` (file line − 1).
    pub(crate) positions: crate::yaml::Positions,
    /// What the page shows besides its Markdown.
    pub(crate) data: PageData,
    /// A report published with a frozen copy of the data: its name.
    pub(crate) data_snapshot: Option<String>,
    /// A draft act: its public discussion.
    pub(crate) discussion: Option<Discussion>,
    /// A report: the act that approved it, as written.
    pub(crate) approved_by: Option<String>,
}

/// Pages built from data rather than (only) from Markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PageData {
    Markdown,
    /// `/plans/`: every plan.
    PlanList,
    /// `/plans/<id>/`: one plan, by index in `Model::plans`.
    Plan(usize),
    /// `/indicators/`: every direction with its indicators.
    IndicatorList,
    /// `/indicators/<direction>/`, by index in `Indicators::directions`.
    Direction(usize),
    /// `/indicators/<id>/`, by index in `Indicators::indicators`.
    Indicator(usize),
    /// `/orgs/`: the register.
    OrgList,
    /// `/orgs/<id>/`, by index in `Register::organizations`.
    Org(usize),
    /// `/about/`: «Сведения об органе» from `site.yaml`.
    Authority,
    /// `/documents/`: the registry of acts.
    DocumentList,
    /// `/opendata/`: every open data set.
    OpenDataList,
    /// `/opendata/<identifier>/`, by index in `Model::open_data`.
    OpenDataSet(usize),
    /// `/msoko/`: directions × links of the management cycle.
    CycleMatrix,
    /// `/msoko/<direction>/`: one direction's cycle, by index in `Indicators::directions`.
    Cycle(usize),
    /// `/search/`: the search form and, for readers without JavaScript, a list of
    /// every page of the site by section.
    Search,
    /// `/objectivity/`: the years and the methodology.
    ObjectivityList,
    /// `/objectivity/<year>/`: the signs of a year (a summary when the year is split).
    Objectivity(i32),
    /// `/objectivity/<year>/<part>/`: a district or a grade of a split year, by index
    /// in `Model::objectivity_parts`.
    ObjectivityPart(i32, usize),
    /// `/shnor/`: the years of the low-results list.
    ShnorList,
    /// `/shnor/<year>/`: the schools with low results of a year.
    Shnor(i32),
}

/// The file named by a page's `file:` key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttachedFile {
    /// Site path of the file.
    pub(crate) url: String,
    pub(crate) name: String,
    /// «PDF»
    pub(crate) format: String,
    pub(crate) size: u64,
}

impl Page {
    /// A section listed newest first (news, documents) has RSS and Atom feeds:
    /// (media type, site path) of each.
    pub(crate) fn feeds(&self) -> Option<[(&'static str, String); 2]> {
        (self.is_section && self.sort_by == SortBy::Date).then(|| {
            [
                ("application/rss+xml", format!("{}rss.xml", self.url)),
                ("application/atom+xml", format!("{}atom.xml", self.url)),
            ]
        })
    }

    /// A page made from data: no Markdown, dates from its data file.
    pub(crate) fn generated(
        relative: &str,
        file: PathBuf,
        title: String,
        dates: (Option<NaiveDate>, Option<NaiveDate>),
        data: PageData,
    ) -> Page {
        let relative = PathBuf::from(relative);
        Page {
            file,
            url: paths::page_url(&relative),
            is_section: paths::is_section_file(&relative),
            relative,
            title,
            description: None,
            placed: dates.0,
            updated: dates.1,
            weight: None,
            template: None,
            kind: None,
            number: None,
            approved: None,
            act: None,
            issuer: None,
            amends: Vec::new(),
            cancels: Vec::new(),
            attached: None,
            sort_by: SortBy::Title,
            body: String::new(),
            body_line: 1,
            yaml: String::new(),
            positions: crate::yaml::Positions::default(),
            data,
            data_snapshot: None,
            discussion: None,
            approved_by: None,
        }
    }

    /// The 1-based file line of a front matter key, or the first front matter line.
    pub(crate) fn key_line(&self, key: &str) -> usize {
        self.positions.key(key).map_or(2, |at| at.line + 1)
    }
}

/// The page kinds msoko gives a meaning to: an act of the registry, the annual report.
pub(crate) const PAGE_KINDS: [&str; 2] = ["document", "report"];

/// A `kind` msoko does not know would drop an act from the registry without a word
/// (and the error would surface in whichever file links to it), so it is an error
/// here, at its own line; the message names invisible characters and the nearest
/// known kind (see `near`).
fn check_kind(page: &Page, diagnostics: &mut Diagnostics) {
    let Some(kind) = page.kind.as_deref() else {
        return;
    };
    if PAGE_KINDS.contains(&kind) {
        return;
    }
    let (line, column) = super::document_checks::value_at(page, "kind");
    // Said as a value serde did not accept, so that it is listed with the reading
    // problems, above what it causes elsewhere («… не документ» where it is linked).
    let allowed: Vec<String> = PAGE_KINDS.iter().map(|k| k.to_string()).collect();
    let (message, hint) = Message::unknown_value(kind, &allowed);
    let kind = (message.in_field("kind"), hint);
    diagnostics.push(Diagnostic::error(&page.file, kind).at(line, column));
}

pub(crate) fn resolve_page(
    source: SourcePage,
    attachments: &BTreeMap<PathBuf, &Attachment>,
    git_dates: &GitDates,
    as_of: NaiveDate,
    diagnostics: &mut Diagnostics,
) -> Page {
    let front = source.front;
    // Only dates the user wrote: git dates come from the clock of the commit, and a
    // site rebuilt «as of» an earlier day legitimately has later commits.
    for (key, date) in [("date", &front.date), ("updated", &front.updated)] {
        let Some(date) = date.as_ref().map(|d| d.0) else {
            continue;
        };
        if date > as_of {
            let (shown, today) = (
                crate::dates::format_date_short(date),
                crate::dates::format_date_short(as_of),
            );
            diagnostics.push(
                Diagnostic::error(
                    &source.file,
                    tr!(
                        "дата страницы {key}: {shown} позже сегодняшней ({today})",
                        "the page's {key}: {shown} is after today ({today})"
                    ),
                )
                .at_line(source.positions.key(key).map_or(2, |at| at.line + 1))
                .hint(tr!(
                    "проверьте год; если сайт собирается «на дату», проверьте --as-of; страницу, которую рано публиковать, отметьте draft: true",
                    "check the year; if the site is built as of a date, check --as-of; mark a page that is not due yet draft: true"
                )),
            );
        }
    }
    let git = git_dates.get(&source.file).copied();
    let placed = front.date.map(|d| d.0).or(git.map(|g| g.first));
    // Front matter dates are a pair the user keeps: a page with a hand-written `date`
    // and no `updated` has not been changed since. Git fills in only what is absent.
    let updated = front
        .updated
        .map(|d| d.0)
        .or(front.date.map(|d| d.0))
        .or(git.map(|g| g.last));
    let mut page = Page {
        url: paths::page_url(&source.relative),
        is_section: paths::is_section_file(&source.relative),
        title: front.title.map(|t| t.0).unwrap_or_default(),
        description: front.description.map(|t| t.0),
        placed,
        updated,
        weight: front.weight,
        template: front.template,
        kind: front.kind,
        number: front.number.map(|t| t.0),
        approved: front.approved.map(|d| d.0),
        act: front.act.map(|t| t.0.trim().to_lowercase()),
        issuer: front.issuer.map(|t| t.0),
        amends: front.amends,
        cancels: front.cancels,
        attached: None,
        sort_by: front.sort_by.unwrap_or(SortBy::Weight),
        body: source.body,
        body_line: source.body_line,
        yaml: source.yaml,
        positions: source.positions,
        file: source.file,
        relative: source.relative,
        data: PageData::Markdown,
        data_snapshot: front.data_snapshot,
        discussion: front.discussion,
        approved_by: front.approved_by,
    };
    // Titles and descriptions pasted from Word: the body is Markdown, whose spaces
    // mean something, so it is left alone.
    for (key, value) in [
        ("title", Some(&page.title)),
        ("description", page.description.as_ref()),
    ] {
        if let Some(value) = value {
            let line = page.positions.key(key).map_or(1, |at| at.line);
            super::text_checks::check_text(&page.file, (&page.yaml, 2), line, value, diagnostics);
        }
    }
    if page.placed.is_none() {
        diagnostics.push(Diagnostic::warning(&page.file, Message::missing_date()).at_line(1));
    }
    check_kind(&page, diagnostics);
    if let (Some(placed), Some(updated)) = (page.placed, page.updated) {
        if updated < placed {
            diagnostics.push(
                Diagnostic::error(
                    &page.file,
                    tr!(
                        "дата изменения (updated) раньше даты размещения (date)",
                        "the update date (updated) is before the publication date (date)"
                    ),
                )
                .at_line(page.key_line("updated"))
                .hint(tr!("проверьте обе даты", "check both dates")),
            );
        }
    }
    if let Some(name) = front.file {
        page.attached = resolve_attached(&page, &name, attachments, diagnostics);
    }
    page
}

fn resolve_attached(
    page: &Page,
    name: &str,
    attachments: &BTreeMap<PathBuf, &Attachment>,
    diagnostics: &mut Diagnostics,
) -> Option<AttachedFile> {
    let dir = page.relative.parent().unwrap_or(Path::new(""));
    match attachments.get(&dir.join(&*paths::written_path(name))) {
        Some(attachment) => Some(AttachedFile {
            url: paths::attachment_url(&attachment.relative),
            name: name.to_string(),
            format: Path::new(name)
                .extension()
                .map(|e| e.to_string_lossy().to_uppercase())
                .unwrap_or_else(|| "файл".into()),
            size: attachment.size,
        }),
        None => {
            diagnostics.push(
                Diagnostic::error(
                    &page.file,
                    tr!(
                        "прикреплённый файл «{name}» не найден",
                        "the attached file “{name}” is not found"
                    ),
                )
                .at_line(page.key_line("file"))
                .hint(tr!(
                    format!(
                        "положите файл в папку {} рядом со страницей или исправьте имя",
                        Path::new(CONTENT_DIR).join(dir).display()
                    ),
                    format!(
                        "put the file in the folder {} next to the page or correct the name",
                        Path::new(CONTENT_DIR).join(dir).display()
                    )
                )),
            );
            None
        }
    }
}
