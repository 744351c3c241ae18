//! Reads the raw assessment results under `data/results/`, exactly as written:
//! `vpr/<year>.csv`, `oge/<year>.csv`, `ege/<year>.csv`, the regional benchmarks
//! `<proc>/<year>-region.csv`, the official list received from the region
//! (`objectivity_official.csv`) and the schools' own comments on their signs
//! (`objectivity_comments.csv`). What the cells mean is decided in `model::results`.
//!
//! These files hold results per class and school; they are read here and never
//! copied to the published site.

use crate::tr;
use std::path::{Path, PathBuf};

use super::data_files;
use super::table::{read_table, CsvTable};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::vocabulary::Procedure;

/// The raw results, in the data folder.
pub(crate) const RESULTS_DIR: &str = "results";
/// The official list of ОО with signs, as received from the region.
pub(crate) const OFFICIAL_FILE: &str = "objectivity_official.csv";
/// The schools' comments on their signs.
pub(crate) const COMMENTS_FILE: &str = "objectivity_comments.csv";

/// One `data/results/<proc>/<year>[-region].csv`.
#[derive(Debug, Clone)]
pub(crate) struct ResultsFile {
    pub(crate) procedure: Procedure,
    pub(crate) year: i32,
    /// `<year>-region.csv`: the region's values, a benchmark.
    pub(crate) region: bool,
    pub(crate) table: CsvTable,
}

/// Everything under `data/results/`.
#[derive(Debug, Clone, Default)]
pub(crate) struct ResultsSources {
    pub(crate) files: Vec<ResultsFile>,
    pub(crate) official: Option<CsvTable>,
    pub(crate) comments: Option<CsvTable>,
}

pub(crate) fn load_results(
    root: &Path,
    data: &Path,
    diagnostics: &mut Diagnostics,
) -> ResultsSources {
    let dir = data.join(RESULTS_DIR);
    let mut sources = ResultsSources::default();
    if !root.join(&dir).is_dir() {
        return sources;
    }
    check_folder(root, &dir, diagnostics);
    let mut found = Vec::new();
    for procedure in Procedure::ALL {
        for (path, file) in data_files(root, &dir.join(procedure.id()), &["csv"], diagnostics) {
            found.push((procedure, path, file));
        }
    }
    sources.files = super::read_each(
        found,
        diagnostics,
        |(procedure, path, file), diagnostics| {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some((year, region)) = parse_file_name(&stem) else {
                diagnostics.push(
                    Diagnostic::error(&file, tr!("имя файла «{stem}.csv» не называет год", "the file name “{stem}.csv” does not name a year"))
                        .hint(tr!(format!("файлы результатов называются по году: data/results/{0}/2025.csv, а региональные значения для сравнения — data/results/{0}/2025-region.csv",
                            procedure.id()
                        ), format!("results files are named by year: data/results/{0}/2025.csv, and regional values for comparison data/results/{0}/2025-region.csv",
                            procedure.id()
                        ))),
                );
                return None;
            };
            let table = read_table(&path, &file, diagnostics)?;
            Some(ResultsFile {
                procedure,
                year,
                region,
                table,
            })
        },
    );
    for (name, slot) in [
        (OFFICIAL_FILE, &mut sources.official),
        (COMMENTS_FILE, &mut sources.comments),
    ] {
        let file = dir.join(name);
        let path = root.join(&file);
        if path.is_file() {
            *slot = read_table(&path, &file, diagnostics);
        }
    }
    sources
}

/// `2025` -> (2025, false); `2025-region` -> (2025, true).
fn parse_file_name(stem: &str) -> Option<(i32, bool)> {
    let (year, region) = match stem.strip_suffix("-region") {
        Some(year) => (year, true),
        None => (stem, false),
    };
    if year.len() != 4 || !year.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    (2000..=2100).contains(&year).then_some((year, region))
}

/// Anything in `data/results/` that msoko does not read is named, so a misplaced
/// file (`data/results/2025.csv`, `data/results/VPR/`) is not silently ignored.
fn check_folder(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return;
    };
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .filter(|e| !super::is_junk(&e.file_name()))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .collect();
    names.sort();
    for (name, is_dir) in names {
        let known = if is_dir {
            Procedure::ALL.iter().any(|p| p.id() == name)
        } else {
            name == OFFICIAL_FILE || name == COMMENTS_FILE
        };
        if !known {
            diagnostics.push(
                Diagnostic::warning(PathBuf::from(dir).join(&name), tr!("этот файл или папка не читается", "this file or folder is not read"))
                    .hint(tr!("в data/results/ читаются папки vpr, oge, ege (файлы по годам) и файлы {OFFICIAL_FILE}, {COMMENTS_FILE}", "data/results/ reads the folders vpr, oge, ege (files by year) and the files {OFFICIAL_FILE}, {COMMENTS_FILE}")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_year_and_region_from_the_file_name() {
        assert_eq!(parse_file_name("2025"), Some((2025, false)));
        assert_eq!(parse_file_name("2024-region"), Some((2024, true)));
        assert_eq!(parse_file_name("vpr-2025"), None);
        assert_eq!(parse_file_name("25"), None);
    }
}
