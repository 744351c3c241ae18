//! Stage 1: read the site's sources from disk.
//!
//! Everything here mirrors the files exactly (serde structs, text, paths); meaning is
//! given by `model`. Problems become diagnostics and loading goes on, so one run
//! reports every broken file.

mod analytics;
mod content;
mod front_matter;
mod git_dates;
mod indicators;
mod organizations;
mod plans;
mod results;
mod table;
mod theme;
mod walk;

use crate::tr;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

pub(crate) use analytics::{
    AnalyticsFile, RawBenchmark, RawBreak, RawCombine, RawEffect, RawMedalYear, RawRules,
};
pub(crate) use content::{load_page, Attachment, SourcePage, CONTENT_DIR};
pub(crate) use front_matter::{Discussion, SortBy};
pub(crate) use git_dates::GitDates;
pub(crate) use indicators::{IndicatorSources, RawCycleYear, RawIndicator, RawMethod, ValuesFile};
#[cfg(test)]
pub(crate) use organizations::assign_lines;
pub(crate) use organizations::{load_organizations, OrganizationsFile, RawPredecessor, RawSplit};
pub(crate) use plans::{PlanFile, PlanFiles, RawApproval, RawItem, RawPlan, RawSection};
pub(crate) use results::{ResultsFile, ResultsSources, RESULTS_DIR};
pub(crate) use table::{CsvRow, CsvTable};

/// A CSV table from text (tests of later stages).
#[cfg(test)]
pub(crate) fn parse_table_for_tests(text: &str, file: &str) -> CsvTable {
    let (table, problems) = table::parse_table(text, Path::new(file)).expect("valid CSV");
    assert!(problems.is_empty(), "{problems:?}");
    table
}
pub(crate) use theme::{TemplateSource, Theme};

/// The parsers the fuzz runner (`crate::fuzz`) drives directly.
#[cfg(test)]
pub(crate) mod fuzz_targets {
    pub(crate) use super::front_matter::{parse as parse_front_matter, split};
    pub(crate) use super::plans::RawPlan;
    pub(crate) use super::table::parse_table;
}

use walk::Found;

use crate::config::{SiteConfig, CONFIG_FILE};
use crate::diagnostic::{Diagnostic, Diagnostics, Message};

/// Where the bytes of an output file come from.
#[derive(Debug, Clone)]
pub(crate) enum FileSource {
    /// Part of the binary (the default theme).
    Embedded(&'static [u8]),
    /// A file on disk, copied as is.
    Disk(PathBuf),
}

/// The data folder, relative to the root.
pub(crate) const DATA_DIR: &str = "data";
/// Where frozen copies of the data folder live, relative to the root.
pub(crate) const SNAPSHOTS_DIR: &str = "data/snapshots";

/// One data folder: `data/` or a snapshot of it.
#[derive(Debug, Clone, Default)]
pub(crate) struct DataSources {
    pub(crate) plans: PlanFiles,
    pub(crate) organizations: Option<OrganizationsFile>,
    /// `organizations.yaml`, when it is there but could not be read (already
    /// reported): the register's pages are missing for that reason only.
    pub(crate) register_unreadable: Option<PathBuf>,
    pub(crate) indicators: IndicatorSources,
}

fn load_data(root: &Path, data: &Path, diagnostics: &mut Diagnostics) -> DataSources {
    let organizations = organizations::load_organizations(root, data, diagnostics);
    DataSources {
        plans: plans::load_plans(root, data, diagnostics),
        register_unreadable: Some(data.join(organizations::ORGANIZATIONS_FILE))
            .filter(|file| organizations.is_none() && root.join(file).is_file()),
        organizations,
        indicators: indicators::load_indicators(root, data, diagnostics),
    }
}

/// Everything read from a site's root.
#[derive(Debug)]
pub(crate) struct Sources {
    /// `None` when `site.yaml` is missing or invalid (already reported).
    pub(crate) config: Option<SiteConfig>,
    pub(crate) pages: Vec<SourcePage>,
    pub(crate) attachments: Vec<Attachment>,
    pub(crate) theme: Theme,
    /// `data/`: plans, organisations, indicators.
    pub(crate) data: DataSources,
    /// Frozen copies of `data/` named by reports (`data_snapshot:`), by name.
    pub(crate) snapshots: BTreeMap<String, DataSources>,
    /// `data/results/`: raw assessment results for the analytics (not snapshotted:
    /// reports quote indicators, not raw results).
    pub(crate) results: ResultsSources,
    /// `data/analytics.yaml`, when the site has one.
    pub(crate) analytics: Option<AnalyticsFile>,
    /// Dates of files under `content/` and `data/`.
    pub(crate) git_dates: GitDates,
    /// The site is a shallow clone: its git dates are those of the last commits only.
    pub(crate) shallow_clone: bool,
}

pub(crate) fn load_site(root: &Path, diagnostics: &mut Diagnostics) -> Sources {
    let config = load_config(root, diagnostics);
    let theme_name = config.as_ref().map_or("default", |c| c.theme.as_str());
    let theme_line = config
        .as_ref()
        .and_then(|c| c.positions.key("theme"))
        .map(|at| at.line);
    // The parts read different files: read them at once, their problems in this order.
    let mut problems: [Diagnostics; 5] = Default::default();
    let [theme_problems, content_problems, data_problems, results_problems, analytics_problems] =
        &mut problems;
    let (mut theme, mut content, mut data, mut results, mut analytics, mut git_dates) =
        (None, None, None, None, None, None);
    rayon::scope(|scope| {
        let slot = &mut theme;
        scope.spawn(move |_| {
            *slot = Some(theme::load_theme(
                root,
                theme_name,
                theme_line,
                theme_problems,
            ))
        });
        let slot = &mut content;
        scope.spawn(move |_| *slot = Some(content::load_content(root, content_problems)));
        let slot = &mut data;
        scope.spawn(move |_| *slot = Some(load_data(root, Path::new(DATA_DIR), data_problems)));
        let slot = &mut results;
        scope.spawn(move |_| {
            *slot = Some(results::load_results(
                root,
                Path::new(DATA_DIR),
                results_problems,
            ))
        });
        let slot = &mut analytics;
        scope.spawn(move |_| {
            *slot = Some(analytics::load_analytics(
                root,
                Path::new(DATA_DIR),
                analytics_problems,
            ))
        });
        let slot = &mut git_dates;
        scope.spawn(move |_| {
            *slot = Some(git_dates::load_git_dates(
                root,
                &[CONTENT_DIR, "data", crate::config::CONFIG_FILE],
            ))
        });
    });
    let [theme_problems, content_problems, data_problems, results_problems, analytics_problems] =
        problems;
    diagnostics.append(theme_problems);
    diagnostics.append(content_problems);
    diagnostics.append(data_problems);
    let (theme, (pages, attachments), data) = (
        theme.expect("loaded"),
        content.expect("loaded"),
        data.expect("loaded"),
    );
    let mut snapshots = BTreeMap::new();
    for page in &pages {
        let Some(name) = &page.front.data_snapshot else {
            continue;
        };
        if snapshots.contains_key(name) {
            continue;
        }
        let dir = Path::new(SNAPSHOTS_DIR).join(name);
        if root.join(&dir).is_dir() && !name.contains(['/', '\\', '.']) {
            snapshots.insert(name.clone(), load_data(root, &dir, diagnostics));
        } else {
            diagnostics.push(
                Diagnostic::error(&page.file, tr!(format!("снимка данных «{name}» нет: папка {} не найдена", dir.display()), format!("there is no data snapshot “{name}”: the folder {} is not found", dir.display())))
                    .at_line(page.positions.key("data_snapshot").map_or(2, |at| at.line + 1))
                    .hint(tr!("снимок — это копия папки data на дату публикации доклада: data/snapshots/<имя>/ с organizations.yaml, indicators/, values/, plans/", "a snapshot is a copy of the data folder as of the report's publication: data/snapshots/<name>/ with organizations.yaml, indicators/, values/, plans/")),
            );
        }
    }
    diagnostics.append(results_problems);
    diagnostics.append(analytics_problems);
    let (results, analytics, git_dates) = (
        results.expect("loaded"),
        analytics.expect("loaded"),
        git_dates.expect("loaded"),
    );
    Sources {
        config,
        pages,
        attachments,
        theme,
        data,
        snapshots,
        results,
        analytics,
        git_dates,
        shallow_clone: git_dates::is_shallow_clone(root),
    }
}

fn load_config(root: &Path, diagnostics: &mut Diagnostics) -> Option<SiteConfig> {
    let path = root.join(CONFIG_FILE);
    if !path.is_file() {
        diagnostics.push(Diagnostic::error(
            CONFIG_FILE,
            Message::no_config(&root.display().to_string()),
        ));
        return None;
    }
    let text = crate::fs::read_text_to(&path, Path::new(CONFIG_FILE), diagnostics)?;
    diagnostics.extend(crate::config::placeholder_warnings(
        &text,
        Path::new(CONFIG_FILE),
    ));
    match SiteConfig::parse(&text, Path::new(CONFIG_FILE)) {
        Ok(config) => Some(config),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    }
}

/// `read` of every item, in parallel: the results and each item's problems come in
/// the items' order, exactly as reading them one after another would give them.
pub(super) fn read_each<T: Send, U: Send>(
    items: Vec<T>,
    diagnostics: &mut Diagnostics,
    read: impl Fn(T, &mut Diagnostics) -> Option<U> + Sync,
) -> Vec<U> {
    let results: Vec<(Option<U>, Diagnostics)> = items
        .into_par_iter()
        .map(|item| {
            let mut problems = Diagnostics::default();
            (read(item, &mut problems), problems)
        })
        .collect();
    results
        .into_iter()
        .filter_map(|(result, problems)| {
            diagnostics.append(problems);
            result
        })
        .collect()
}

/// Files of `dir` with one of `extensions`, sorted; any other file is a warning.
pub(super) fn data_files(
    root: &Path,
    dir: &Path,
    extensions: &[&str],
    diagnostics: &mut Diagnostics,
) -> Vec<(PathBuf, PathBuf)> {
    let full = root.join(dir);
    if !full.is_dir() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for found in walk::walk(root, dir, diagnostics) {
        let Found { path, shown, .. } = found;
        if path
            .extension()
            .is_some_and(|e| extensions.iter().any(|x| e == *x))
        {
            files.push((path, shown));
        } else {
            diagnostics.push(
                Diagnostic::warning(
                    &shown,
                    tr!(
                        format!(
                            "файл не читается: в папке {} ожидаются файлы {}",
                            dir.display(),
                            extensions.join(", ")
                        ),
                        format!(
                            "the file is not read: the folder {} expects {} files",
                            dir.display(),
                            extensions.join(", ")
                        )
                    ),
                )
                .hint(tr!(
                    "переименуйте файл или уберите его из папки",
                    "rename the file or move it out of the folder"
                )),
            );
        }
    }
    files
}

/// Files that editors and operating systems leave behind and that are never content:
/// hidden files, Office lock files (`~$приказ.docx`), Explorer's `Thumbs.db` and
/// `desktop.ini` (in any case: Windows does not tell them apart).
pub(crate) fn is_junk(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    let lower = name.to_lowercase();
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || ["thumbs.db", "ehthumbs.db", "desktop.ini"].contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_what_windows_and_office_leave_in_folders() {
        for junk in [
            "Thumbs.db",
            "thumbs.db",
            "desktop.ini",
            "Desktop.ini",
            "~$приказ.docx",
            ".DS_Store",
            "a.md~",
        ] {
            assert!(is_junk(OsStr::new(junk)), "{junk}");
        }
        for kept in ["приказ.docx", "desktop.md", "prikaz.pdf"] {
            assert!(!is_junk(OsStr::new(kept)), "{kept}");
        }
    }
}
