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
    let mut sets = Vec::new();
    let mut add = |code: String,
                   title: String,
                   description: String,
                   subject: &str,
                   frequency: &'static str,
                   source: SetSource,
                   dates: Option<(NaiveDate, NaiveDate)>,
                   earlier: Vec<(NaiveDate, String)>,
                   file: &PathBuf| {
        let Some((created, modified)) = dates else {
            unpublished.push((title, file.clone()));
            return;
        };
        let earlier: Vec<(NaiveDate, String)> = earlier
            .into_iter()
            .filter(|(date, _)| *date < modified)
            .collect();
        // A frozen copy older than the file's history is the set's first version.
        let created = earlier
            .first()
            .map_or(created, |(date, _)| created.min(*date));
        sets.push(OpenDataSet {
            identifier: format!("{prefix}-{code}"),
            title,
            description,
            subject: subject.to_string(),
            frequency,
            stale_after_days: if frequency == FREQUENCY_YEARLY {
                400
            } else {
                366
            },
            source,
            created,
            modified,
            earlier,
        });
    };
    let git = |files: &[PathBuf]| -> Option<(NaiveDate, NaiveDate)> {
        let known: Vec<_> = files
            .iter()
            .filter_map(|f| inputs.git_dates.get(f))
            .collect();
        Some((
            known.iter().map(|d| d.first).min()?,
            known.iter().map(|d| d.last).max()?,
        ))
    };
    let snapshots_with = |has: &dyn Fn(&DataSet) -> bool| -> Vec<(NaiveDate, String)> {
        inputs
            .snapshots
            .iter()
            .filter(|(_, data)| has(data))
            .filter_map(|(name, _)| Some((crate::dates::parse_date(name).ok()?, name.clone())))
            .collect()
    };

    if let Some(file) = &inputs.register.file {
        add(
            "orgs".into(),
            "Реестр муниципальных образовательных организаций".into(),
            "Перечень образовательных организаций, подведомственных органу управления образованием: наименования, вид, адреса, телефоны, сайты, руководители.".into(),
            "образование, образовательные организации, школы, детские сады, реестр",
            FREQUENCY_ON_CHANGE,
            SetSource::Register,
            git(std::slice::from_ref(file)),
            snapshots_with(&|d| !d.register.organizations.is_empty()),
            file,
        );
    }
    for (index, direction) in inputs.indicators.directions.iter().enumerate() {
        let mut files = vec![direction.file.clone()];
        files.extend(
            direction
                .indicators
                .iter()
                .flat_map(|&i| inputs.indicators.indicators[i].files.clone()),
        );
        let id = direction.id.clone();
        add(
            format!("indicators-{}", direction.id),
            format!("Показатели МСОКО: {}", direction.title),
            format!("Значения показателей направления «{}» муниципальной системы оценки качества образования по годам: по округу, по образовательным организациям, с региональными и общероссийскими значениями для сравнения.", direction.title),
            "образование, оценка качества образования, МСОКО, показатели, мониторинг",
            FREQUENCY_YEARLY,
            SetSource::Direction(index),
            git(&files),
            snapshots_with(&|d| d.indicators.directions.iter().any(|x| x.id == id)),
            &direction.file,
        );
    }
    for (index, plan) in inputs.plans.iter().enumerate() {
        let written = plan.approved.as_ref().map(|a| a.date);
        let id = plan.id.clone();
        add(
            format!("plan-{}", plan.id),
            plan.title.clone(),
            format!("Мероприятия документа «{}»: сроки, ответственные, ожидаемые результаты и отметки о выполнении.", plan.title),
            "образование, план мероприятий, дорожная карта, исполнение",
            FREQUENCY_ON_CHANGE,
            SetSource::Plan(index),
            git(std::slice::from_ref(&plan.file)).or(written.map(|d| (d, d))),
            snapshots_with(&|d| d.plans.iter().any(|p| p.id == id)),
            &plan.file,
        );
    }
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
        add(
            "documents".into(),
            "Реестр правовых актов".into(),
            "Правовые акты, размещённые на сайте: вид, номер, дата, название, статус (действует, изменён, утратил силу), ссылки на тексты.".into(),
            "образование, правовые акты, приказы, постановления, нормотворческая деятельность",
            FREQUENCY_ON_CHANGE,
            SetSource::Documents,
            placed.zip(changed),
            Vec::new(),
            &PathBuf::from(crate::load::CONTENT_DIR).join("documents"),
        );
    }
    if inputs.has_cycle {
        let files: Vec<PathBuf> = inputs
            .indicators
            .directions
            .iter()
            .map(|d| d.file.clone())
            .collect();
        add(
            "msoko-cycle".into(),
            "Управленческий цикл МСОКО по направлениям".into(),
            "Звенья управленческого цикла по каждому направлению МСОКО и году (цели, показатели, методы сбора информации, мониторинг, анализ, адресные рекомендации, управленческие решения, анализ эффективности мер): есть ли звено и где на сайте его подтверждение.".into(),
            "образование, оценка качества образования, МСОКО, управленческий цикл, механизмы управления качеством",
            FREQUENCY_YEARLY,
            SetSource::Cycle,
            git(&files),
            Vec::new(),
            &PathBuf::from(crate::load::DATA_DIR).join("indicators"),
        );
    }
    if let Some(file) = inputs.results_files.first() {
        let folder = file.parent().map_or_else(PathBuf::new, PathBuf::from);
        add(
            "objectivity".into(),
            "Признаки необъективности результатов оценочных процедур".into(),
            if inputs.named {
                "Признаки необъективности результатов ВПР, ОГЭ и ЕГЭ по образовательным организациям, рассчитанные по муниципальной методике: какое правило сработало, на каких числах, с какими порогами. Признак — не вывод о нарушении.".into()
            } else {
                "Число школ с признаками необъективности результатов ВПР, ОГЭ и ЕГЭ, рассчитанными по муниципальной методике, по категориям, процедурам, предметам и правилам, с порогами. Признаки отдельных школ не публикуются. Признак — не вывод о нарушении.".into()
            },
            "образование, объективность, ВПР, ОГЭ, ЕГЭ, оценочные процедуры, МСОКО",
            FREQUENCY_YEARLY,
            SetSource::Objectivity,
            git(inputs.results_files),
            Vec::new(),
            &folder,
        );
        if inputs.has_vpr {
            add(
                "shnor".into(),
                "Школы с низкими образовательными результатами".into(),
                "Перечень школ с низкими образовательными результатами (ШНОР) по годам с условиями включения: доля отметок «2» по ВПР в сравнении с округом. Это основание для адресной помощи, а не рейтинг.".into(),
                "образование, ШНОР, низкие образовательные результаты, адресная помощь, ВПР",
                FREQUENCY_YEARLY,
                SetSource::Shnor,
                git(inputs.results_files),
                Vec::new(),
                &folder,
            );
        }
    }
    sets
}

pub(crate) const FREQUENCY_YEARLY: &str = "ежегодно";
pub(crate) const FREQUENCY_ON_CHANGE: &str = "по мере изменения, не реже раза в полгода";
