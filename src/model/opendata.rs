//! The catalogue of open data sets: which data of the site is published as a set,
//! under which identifier, and the dates of its versions.
//!
//! Version dates come from the data — git history of its files, or dates written in
//! it — never from the build clock, so two builds publish the same versions.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{DataSet, Indicators, Page, Plan, Register};
use crate::load::GitDates;

/// What a set is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SetSource {
    /// The register of organisations.
    Register,
    /// Indicator values of one МСОКО direction, by index in `Indicators::directions`.
    Direction(usize),
    /// One plan, by index in `Model::plans`.
    Plan(usize),
    /// The registry of acts.
    Documents,
    /// Signs of objectivity per year, computed from the raw results.
    Objectivity,
    /// The schools with low results per year.
    Shnor,
    /// The matrix of the МСОКО management cycle: directions × years × links.
    Cycle,
}

#[derive(Debug, Clone)]
pub(crate) struct OpenDataSet {
    /// `<ИНН>-<code>`, as the methodological recommendations name sets.
    pub(crate) identifier: String,
    pub(crate) title: String,
    pub(crate) description: String,
    /// Keywords.
    pub(crate) subject: String,
    /// How often the set is updated, in words («ежегодно»).
    pub(crate) frequency: &'static str,
    /// Days after which a set not updated is stale (for `msoko check`).
    pub(crate) stale_after_days: i64,
    pub(crate) source: SetSource,
    /// The first and the last change of the data.
    pub(crate) created: NaiveDate,
    pub(crate) modified: NaiveDate,
    /// Earlier versions from frozen data copies: (date, snapshot name), oldest first.
    pub(crate) earlier: Vec<(NaiveDate, String)>,
}

/// Everything the catalogue is made from.
pub(crate) struct CatalogInputs<'a> {
    pub(crate) inn: Option<&'a str>,
    pub(crate) register: &'a Register,
    pub(crate) indicators: &'a Indicators,
    pub(crate) plans: &'a [Plan],
    pub(crate) pages: &'a [Page],
    pub(crate) snapshots: &'a BTreeMap<String, DataSet>,
    pub(crate) git_dates: &'a GitDates,
    /// Whether the directions describe their management cycle.
    pub(crate) has_cycle: bool,
    /// Raw results files, when the site has them (the analytics sets).
    pub(crate) results_files: &'a [PathBuf],
    /// Whether the results hold ВПР (ШНОР is computed from ВПР only).
    pub(crate) has_vpr: bool,
    /// `publish_named` of the analytics: without it the sets hold no row per school.
    pub(crate) named: bool,
}

/// The sets to publish, and the sets left out for want of a version date (the file
/// of a new site not yet in git): `(title, data file)`, for the checklist.
pub(crate) fn catalog(
    inputs: &CatalogInputs<'_>,
    unpublished: &mut Vec<(String, PathBuf)>,
) -> Vec<OpenDataSet> {
    let prefix = inputs
        .inn
        .map_or_else(|| "msoko".to_string(), |i| i.trim().to_string());
    let mut candidates = Vec::new();
    register_set(inputs, &mut candidates);
    direction_sets(inputs, &mut candidates);
    plan_sets(inputs, &mut candidates);
    documents_set(inputs, &mut candidates);
    cycle_set(inputs, &mut candidates);
    analytics_sets(inputs, &mut candidates);
    let mut sets = Vec::new();
    for candidate in candidates {
        let Some((created, modified)) = candidate.dates else {
            unpublished.push((candidate.title, candidate.file));
            continue;
        };
        let earlier: Vec<(NaiveDate, String)> = candidate
            .earlier
            .into_iter()
            .filter(|(date, _)| *date < modified)
            .collect();
        // A frozen copy older than the file's history is the set's first version.
        let created = earlier
            .first()
            .map_or(created, |(date, _)| created.min(*date));
        sets.push(OpenDataSet {
            identifier: format!("{prefix}-{}", candidate.code),
            title: candidate.title,
            description: candidate.description,
            subject: candidate.subject.to_string(),
            frequency: candidate.frequency,
            stale_after_days: if candidate.frequency == FREQUENCY_YEARLY {
                400
            } else {
                366
            },
            source: candidate.source,
            created,
            modified,
            earlier,
        });
    }
    sets
}

/// A set as its source describes it, before its version dates decide whether it
/// is published: one list of these keeps the catalogue's order in one place.
struct Candidate {
    code: String,
    title: String,
    description: String,
    subject: &'static str,
    frequency: &'static str,
    source: SetSource,
    /// The first and the last change of the data, when known.
    dates: Option<(NaiveDate, NaiveDate)>,
    /// Frozen data copies that hold the set: (date, snapshot name).
    earlier: Vec<(NaiveDate, String)>,
    /// The data file (or folder) named when the set cannot be published.
    file: PathBuf,
}

/// The first and the last git change of the files, when git knows any of them.
fn git_dates(inputs: &CatalogInputs<'_>, files: &[PathBuf]) -> Option<(NaiveDate, NaiveDate)> {
    let known: Vec<_> = files
        .iter()
        .filter_map(|f| inputs.git_dates.get(f))
        .collect();
    Some((
        known.iter().map(|d| d.first).min()?,
        known.iter().map(|d| d.last).max()?,
    ))
}

/// The frozen data copies (named by their date) that hold the set: its earlier versions.
fn snapshots_with(
    inputs: &CatalogInputs<'_>,
    has: &dyn Fn(&DataSet) -> bool,
) -> Vec<(NaiveDate, String)> {
    inputs
        .snapshots
        .iter()
        .filter(|(_, data)| has(data))
        .filter_map(|(name, _)| Some((crate::dates::parse_date(name).ok()?, name.clone())))
        .collect()
}

/// The register of organisations, when the site has one.
fn register_set(inputs: &CatalogInputs<'_>, candidates: &mut Vec<Candidate>) {
    if let Some(file) = &inputs.register.file {
        candidates.push(Candidate {
            code: "orgs".into(),
            title: "Реестр муниципальных образовательных организаций".into(),
            description: "Перечень образовательных организаций, подведомственных органу управления образованием: наименования, вид, адреса, телефоны, сайты, руководители.".into(),
            subject: "образование, образовательные организации, школы, детские сады, реестр",
            frequency: FREQUENCY_ON_CHANGE,
            source: SetSource::Register,
            dates: git_dates(inputs, std::slice::from_ref(file)),
            earlier: snapshots_with(inputs, &|d| !d.register.organizations.is_empty()),
            file: file.clone(),
        });
    }
}

/// One set per МСОКО direction: its indicators' values.
fn direction_sets(inputs: &CatalogInputs<'_>, candidates: &mut Vec<Candidate>) {
    for (index, direction) in inputs.indicators.directions.iter().enumerate() {
        let mut files = vec![direction.file.clone()];
        files.extend(
            direction
                .indicators
                .iter()
                .flat_map(|&i| inputs.indicators.indicators[i].files.clone()),
        );
        let id = direction.id.clone();
        candidates.push(Candidate {
            code: format!("indicators-{}", direction.id),
            title: format!("Показатели МСОКО: {}", direction.title),
            description: format!("Значения показателей направления «{}» муниципальной системы оценки качества образования по годам: по округу, по образовательным организациям, с региональными и общероссийскими значениями для сравнения.", direction.title),
            subject: "образование, оценка качества образования, МСОКО, показатели, мониторинг",
            frequency: FREQUENCY_YEARLY,
            source: SetSource::Direction(index),
            dates: git_dates(inputs, &files),
            earlier: snapshots_with(inputs, &|d| d.indicators.directions.iter().any(|x| x.id == id)),
            file: direction.file.clone(),
        });
    }
}

/// One set per plan: its items and their progress.
fn plan_sets(inputs: &CatalogInputs<'_>, candidates: &mut Vec<Candidate>) {
    for (index, plan) in inputs.plans.iter().enumerate() {
        let written = plan.approved.as_ref().map(|a| a.date);
        let id = plan.id.clone();
        candidates.push(Candidate {
            code: format!("plan-{}", plan.id),
            title: plan.title.clone(),
            description: format!("Мероприятия документа «{}»: сроки, ответственные, ожидаемые результаты и отметки о выполнении.", plan.title),
            subject: "образование, план мероприятий, дорожная карта, исполнение",
            frequency: FREQUENCY_ON_CHANGE,
            source: SetSource::Plan(index),
            dates: git_dates(inputs, std::slice::from_ref(&plan.file)).or(written.map(|d| (d, d))),
            earlier: snapshots_with(inputs, &|d| d.plans.iter().any(|p| p.id == id)),
            file: plan.file.clone(),
        });
    }
}

/// The registry of acts, dated by the acts' own placement dates (its pages are many files).
fn documents_set(inputs: &CatalogInputs<'_>, candidates: &mut Vec<Candidate>) {
    let documents: Vec<&Page> = inputs
        .pages
        .iter()
        .filter(|p| p.kind.as_deref() == Some(super::documents::DOCUMENT_KIND))
        .collect();
    if !documents.is_empty() {
        let placed = documents.iter().filter_map(|p| p.placed).min();
        let changed = documents
            .iter()
            .filter_map(|p| p.updated.or(p.placed))
            .max();
        candidates.push(Candidate {
            code: "documents".into(),
            title: "Реестр правовых актов".into(),
            description: "Правовые акты, размещённые на сайте: вид, номер, дата, название, статус (действует, изменён, утратил силу), ссылки на тексты.".into(),
            subject: "образование, правовые акты, приказы, постановления, нормотворческая деятельность",
            frequency: FREQUENCY_ON_CHANGE,
            source: SetSource::Documents,
            dates: placed.zip(changed),
            earlier: Vec::new(),
            file: PathBuf::from(crate::load::CONTENT_DIR).join("documents"),
        });
    }
}

/// The management-cycle matrix, when the directions describe their cycle.
fn cycle_set(inputs: &CatalogInputs<'_>, candidates: &mut Vec<Candidate>) {
    if inputs.has_cycle {
        let files: Vec<PathBuf> = inputs
            .indicators
            .directions
            .iter()
            .map(|d| d.file.clone())
            .collect();
        candidates.push(Candidate {
            code: "msoko-cycle".into(),
            title: "Управленческий цикл МСОКО по направлениям".into(),
            description: "Звенья управленческого цикла по каждому направлению МСОКО и году (цели, показатели, методы сбора информации, мониторинг, анализ, адресные рекомендации, управленческие решения, анализ эффективности мер): есть ли звено и где на сайте его подтверждение.".into(),
            subject: "образование, оценка качества образования, МСОКО, управленческий цикл, механизмы управления качеством",
            frequency: FREQUENCY_YEARLY,
            source: SetSource::Cycle,
            dates: git_dates(inputs, &files),
            earlier: Vec::new(),
            file: PathBuf::from(crate::load::DATA_DIR).join("indicators"),
        });
    }
}

/// The objectivity and ШНОР sets, computed from the raw results when the site has them.
fn analytics_sets(inputs: &CatalogInputs<'_>, candidates: &mut Vec<Candidate>) {
    if let Some(file) = inputs.results_files.first() {
        let folder = file.parent().map_or_else(PathBuf::new, PathBuf::from);
        candidates.push(Candidate {
            code: "objectivity".into(),
            title: "Признаки необъективности результатов оценочных процедур".into(),
            description: if inputs.named {
                "Признаки необъективности результатов ВПР, ОГЭ и ЕГЭ по образовательным организациям, рассчитанные по муниципальной методике: какое правило сработало, на каких числах, с какими порогами. Признак — не вывод о нарушении.".into()
            } else {
                "Число школ с признаками необъективности результатов ВПР, ОГЭ и ЕГЭ, рассчитанными по муниципальной методике, по категориям, процедурам, предметам и правилам, с порогами. Признаки отдельных школ не публикуются. Признак — не вывод о нарушении.".into()
            },
            subject: "образование, объективность, ВПР, ОГЭ, ЕГЭ, оценочные процедуры, МСОКО",
            frequency: FREQUENCY_YEARLY,
            source: SetSource::Objectivity,
            dates: git_dates(inputs, inputs.results_files),
            earlier: Vec::new(),
            file: folder.clone(),
        });
        if inputs.has_vpr {
            candidates.push(Candidate {
                code: "shnor".into(),
                title: "Школы с низкими образовательными результатами".into(),
                description: "Перечень школ с низкими образовательными результатами (ШНОР) по годам с условиями включения: доля отметок «2» по ВПР в сравнении с округом. Это основание для адресной помощи, а не рейтинг.".into(),
                subject: "образование, ШНОР, низкие образовательные результаты, адресная помощь, ВПР",
                frequency: FREQUENCY_YEARLY,
                source: SetSource::Shnor,
                dates: git_dates(inputs, inputs.results_files),
                earlier: Vec::new(),
                file: folder.clone(),
            });
        }
    }
}

pub(crate) const FREQUENCY_YEARLY: &str = "ежегодно";
pub(crate) const FREQUENCY_ON_CHANGE: &str = "по мере изменения, не реже раза в полгода";
