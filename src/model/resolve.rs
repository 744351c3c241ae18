//! Resolving the raw sources into the model: pages, data, generated pages and the
//! checks that need the whole site, in the order `resolve` runs them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::cycle::CycleSource;
use super::{
    analytics_rules, cycle, documents, indicator, opendata, openness, organization, output_names,
    page, paths, plan, references, report_pdf, responsible, results, year_parts,
};
use super::{
    Children, DataSet, FileSource, Indicators, Model, ModelOptions, OpenDataSet, Page, PageData,
    Plan, Register, Results, SEARCH_URL,
};
use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::{Attachment, GitDates, SortBy, Sources};
use crate::tr;

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
    let alias_names = config.as_ref().map(|c| c.responsible_aliases.clone());
    let aliases = responsible::Aliases::new(&alias_names.unwrap_or_default());
    let mut register = organization::resolve_register(data.organizations, diagnostics);
    register.unreadable = data.register_unreadable.is_some();
    // Problems found against the register: see `settle_register_problems`.
    let mut on_register = Diagnostics::default();
    let cycle_sources = cycle_sources(&data.indicators);
    let min_group = config.as_ref().map_or(5, |c| c.privacy.min_group);
    let analytics = analytics_rules::resolve_rules(analytics, min_group, diagnostics);
    let results = results::resolve_results(results, &register, &analytics, &mut on_register);
    let indicators =
        indicator::resolve_indicators(data.indicators, &register, options.as_of, &mut on_register);
    let mut resolved = resolve_pages(pages, &attachments, &git_dates, options, diagnostics);
    let files = collect_files(&attachments, theme.statics, diagnostics);
    let references = references::References::new(&resolved, &files);
    let as_of = options.as_of;
    let plans = plan::resolve_plans(data.plans.plans, &references, as_of, &aliases, diagnostics);
    let snapshots = resolve_snapshots(snapshots, &references, as_of, &aliases, diagnostics);
    if data.plans.any {
        add_plan_pages(&mut resolved, &plans, &git_dates);
    }
    add_monitoring_pages(&mut resolved, &register, &indicators, &results, &git_dates);
    let objectivity_parts =
        add_analytics_pages(&mut resolved, (&results, &register, &analytics), &git_dates);
    if cycle_sources.iter().any(CycleSource::has_cycle) {
        add_cycle_pages(&mut resolved, &indicators, &git_dates, diagnostics);
    }
    let (open_data, unpublished_data) = open_data_sets(
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
        options,
        diagnostics,
    );
    if shallow_clone {
        diagnostics.push(shallow_clone_problem(options.ci));
    }
    add_service_pages(&mut resolved, &git_dates, &open_data);
    clamp_dates(&mut resolved, options.as_of);
    resolved.sort_by(|a, b| a.url.cmp(&b.url).then(a.file.cmp(&b.file)));
    let by_url = index_pages(&resolved, diagnostics);
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
        &mut on_register,
    );
    let unreadable = data.register_unreadable.as_deref();
    settle_register_problems(unreadable, on_register, diagnostics);
    let report_pdfs = report_pdf::resolve_report_pdfs(&resolved, options.chromium.as_ref());
    let config = config?;
    check_authority_references(&config, &resolved, &files, diagnostics);
    check_key_indicators(&config, &indicators, diagnostics);
    let base_url = site_base_url(options, &config);
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
        objectivity_parts,
    })
}

/// `--base-url`, else the site's `base_url`, without a trailing slash.
fn site_base_url(options: &ModelOptions, config: &SiteConfig) -> String {
    options
        .base_url
        .clone()
        .unwrap_or_else(|| config.base_url.clone())
        .trim_end_matches('/')
        .to_string()
}

/// The problems found against the register, or, while its file (`unreadable`)
/// cannot be read, one note in their place: every name of a school would be "not in
/// the register" then (thousands of rows for one typo in the register).
fn settle_register_problems(
    unreadable: Option<&std::path::Path>,
    found: Diagnostics,
    diagnostics: &mut Diagnostics,
) {
    match unreadable {
        Some(file) => diagnostics.push(register_unread_note(file)),
        None => diagnostics.append(found),
    }
}

/// Said once in place of the problems that wait for the register to be read.
fn register_unread_note(file: &std::path::Path) -> Diagnostic {
    Diagnostic::warning(
        file,
        tr!(
            "пока реестр не прочитан, результаты, показатели и ссылки на организации не проверялись",
            "while the register cannot be read, results, indicators and links to organizations were not checked"
        ),
    )
    .hint(tr!(
        "исправьте ошибки в реестре и запустите проверку снова: тогда будут проверены и они",
        "mend the register's errors and run the check again: they will be checked then"
    ))
}

/// The site's own pages, drafts left out unless asked for.
fn resolve_pages(
    pages: Vec<crate::load::SourcePage>,
    attachments: &[Attachment],
    git_dates: &GitDates,
    options: &ModelOptions,
    diagnostics: &mut Diagnostics,
) -> Vec<Page> {
    let attachment_index: BTreeMap<PathBuf, &Attachment> = attachments
        .iter()
        .map(|a| (a.relative.clone(), a))
        .collect();
    pages
        .into_iter()
        .filter(|p| options.drafts || !p.front.draft)
        .map(|p| page::resolve_page(p, &attachment_index, git_dates, options.as_of, diagnostics))
        .collect()
}

/// The pages every site has whatever its data: the openness section (dated by
/// `site.yaml`) and the search page.
fn add_service_pages(pages: &mut Vec<Page>, git_dates: &GitDates, open_data: &[OpenDataSet]) {
    let config_dates = dates_of_files(&[PathBuf::from(crate::config::CONFIG_FILE)], git_dates);
    openness::add_openness_pages(pages, config_dates, open_data);
    add_search_page(pages);
}

/// The frozen data folders named by reports, resolved like `data/` itself; their
/// plans refer to the same pages and files as the site's own.
fn resolve_snapshots(
    snapshots: BTreeMap<String, crate::load::DataSources>,
    references: &references::References,
    as_of: NaiveDate,
    aliases: &responsible::Aliases,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, DataSet> {
    snapshots
        .into_iter()
        .map(|(name, data)| {
            let register = organization::resolve_register(data.organizations, diagnostics);
            let indicators =
                indicator::resolve_indicators(data.indicators, &register, as_of, diagnostics);
            let plans =
                plan::resolve_plans(data.plans.plans, references, as_of, aliases, diagnostics);
            (
                name,
                DataSet {
                    register,
                    indicators,
                    plans,
                },
            )
        })
        .collect()
}

/// The open data sets of `/opendata/` and those left out of it for want of a version
/// date, (title, data file) each.
fn open_data_sets(
    inputs: &opendata::CatalogInputs,
    options: &ModelOptions,
    diagnostics: &mut Diagnostics,
) -> (Vec<OpenDataSet>, Vec<(String, PathBuf)>) {
    let mut unpublished_data = Vec::new();
    let mut open_data = opendata::catalog(inputs, &mut unpublished_data);
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
    (open_data, unpublished_data)
}

/// Index of pages by site path; two pages at one address and a site without a home
/// page are errors.
fn index_pages(resolved: &[Page], diagnostics: &mut Diagnostics) -> BTreeMap<String, usize> {
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
    by_url
}

/// Every indicator `key_indicators` of `site.yaml` names must exist.
fn check_key_indicators(
    config: &SiteConfig,
    indicators: &Indicators,
    diagnostics: &mut Diagnostics,
) {
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
/// above the generated part; the template is its kind's unless it names one), or
/// makes the page.
pub(super) fn attach_or_generate(
    pages: &mut Vec<Page>,
    relative: &str,
    file: PathBuf,
    title: &str,
    data: PageData,
    dates: (Option<NaiveDate>, Option<NaiveDate>),
) {
    let url = paths::page_url(std::path::Path::new(relative));
    match pages.iter_mut().find(|p| p.url == url) {
        Some(page) => page.data = data,
        None => pages.push(Page::generated(relative, file, title.into(), dates, data)),
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
                PageData::Direction(index),
            ));
        }
        for (index, indicator) in indicators.indicators.iter().enumerate() {
            pages.push(Page::generated(
                &format!("indicators/{}.md", indicator.id),
                indicator.files[0].clone(),
                indicator.title.clone(),
                dates_of_files(&indicator.files, git_dates),
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
            PageData::OrgList,
            dates,
        );
        for (index, org) in register.organizations.iter().enumerate() {
            pages.push(Page::generated(
                &format!("orgs/{}.md", org.id),
                file.clone(),
                org.short_name.clone(),
                dates,
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
        }
        None => pages.push(Page::generated(
            "search/_index.md",
            PathBuf::from(crate::load::CONTENT_DIR).join("search/_index.md"),
            "Поиск по сайту".into(),
            (placed, updated),
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
/// its text and gets the list under it. A year with more schools than `split_above`
/// gets a page per district or grade (issue 22): the parts are returned for the model.
fn add_analytics_pages(
    pages: &mut Vec<Page>,
    (results, register, analytics): (&Results, &Register, &analytics_rules::AnalyticsRules),
    git_dates: &GitDates,
) -> BTreeMap<i32, Vec<year_parts::YearPart>> {
    let objectivity_parts = year_parts::objectivity_parts(register, results, analytics.split_above);
    let years = results.years();
    if years.is_empty() {
        return objectivity_parts;
    }
    let dates = dates_of_files(&results.files, git_dates);
    let folder = PathBuf::from(crate::load::DATA_DIR).join(crate::load::RESULTS_DIR);
    let sections = [
        (
            "objectivity",
            "Объективность результатов оценочных процедур",
            PageData::ObjectivityList,
            years.clone(),
        ),
        (
            "shnor",
            "Школы с низкими образовательными результатами (ШНОР)",
            PageData::ShnorList,
            results.vpr_years(),
        ),
    ];
    for (section, title, data, years) in sections {
        if years.is_empty() {
            continue;
        }
        let url = paths::folder(section);
        match pages.iter_mut().find(|p| p.url == url) {
            Some(page) => page.data = data,
            None => pages.push(Page::generated(
                &format!("{section}/_index.md"),
                folder.clone(),
                title.into(),
                dates,
                data,
            )),
        }
        for year in years {
            let (title, data) = if section == "objectivity" {
                (
                    format!("Признаки необъективности результатов: {year} год"),
                    PageData::Objectivity(year),
                )
            } else {
                (
                    format!("Школы с низкими образовательными результатами: {year} год"),
                    PageData::Shnor(year),
                )
            };
            let parts = objectivity_parts
                .get(&year)
                .filter(|_| section == "objectivity");
            for (index, part) in parts.into_iter().flatten().enumerate() {
                pages.push(Page::generated(
                    &format!("{section}/{year}/{}.md", part.slug),
                    folder.clone(),
                    format!("{title}, {}", part.title),
                    dates,
                    PageData::ObjectivityPart(year, index),
                ));
            }
            pages.push(Page::generated(
                &format!("{section}/{year}.md"),
                folder.clone(),
                title,
                dates,
                data,
            ));
        }
    }
    objectivity_parts
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
            PageData::Plan(index),
        ));
    }
    match pages.iter_mut().find(|p| p.url == "/plans/") {
        Some(page) => {
            page.data = PageData::PlanList;
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
