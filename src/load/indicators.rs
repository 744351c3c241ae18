//! Reads `data/indicators/*.yaml` (indicator metadata by МСОКО direction) and
//! `data/values/*.csv` (their values, long format), exactly as written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::data_files;
use crate::diagnostic::Diagnostics;
use crate::model::vocabulary::{Better, Compare, PeriodKind};
use crate::yaml::{self, Text};
use serde::Deserialize;

/// Indicator metadata and values, in the data folder.
const INDICATORS_DIR: &str = "indicators";
const VALUES_DIR: &str = "values";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDirectionFile {
    pub(crate) direction: RawDirection,
    #[serde(default)]
    pub(crate) indicators: Vec<RawIndicator>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDirection {
    pub(crate) id: String,
    pub(crate) title: Text,
    pub(crate) weight: Option<i64>,
    pub(crate) description: Option<Text>,
    /// The management cycle of the direction (see `model::cycle`).
    #[serde(default)]
    pub(crate) goals: Vec<Text>,
    #[serde(default)]
    pub(crate) tasks: Vec<Text>,
    #[serde(default)]
    pub(crate) methods: Vec<RawMethod>,
    /// Per calendar year: what was analysed, recommended, decided and how it worked.
    #[serde(default)]
    pub(crate) years: BTreeMap<Text, RawCycleYear>,
}

/// How the direction's data is collected.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMethod {
    pub(crate) procedure: Text,
    pub(crate) source: Option<Text>,
    pub(crate) schedule: Option<Text>,
}

/// One year of the cycle; every link is a site reference (`documents/prikaz-42`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCycleYear {
    #[serde(default)]
    pub(crate) analysis: Vec<String>,
    #[serde(default)]
    pub(crate) recommendations: Vec<RawRecommendation>,
    #[serde(default)]
    pub(crate) decisions: Vec<RawDecision>,
    pub(crate) effect: Option<RawEffect>,
}

/// Адресная рекомендация: to whom (ОО ids or groups), what, where it is published.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRecommendation {
    pub(crate) to: Vec<String>,
    pub(crate) text: Text,
    pub(crate) link: Option<String>,
}

/// Управленческое решение: the act in the registry and what it addresses.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDecision {
    pub(crate) document: String,
    #[serde(default)]
    pub(crate) indicators: Vec<String>,
    #[serde(default)]
    pub(crate) orgs: Vec<String>,
}

/// Анализ эффективности принятых мер.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEffect {
    pub(crate) link: Option<String>,
    pub(crate) conclusion: Text,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub(crate) id: String,
    pub(crate) title: Text,
    pub(crate) description: Option<Text>,
    pub(crate) unit: Text,
    pub(crate) better: Better,
    #[serde(default)]
    pub(crate) period: PeriodKind,
    pub(crate) decimals: Option<usize>,
    pub(crate) method: Option<Text>,
    pub(crate) source: Option<Text>,
    #[serde(default)]
    pub(crate) targets: BTreeMap<Text, f64>,
    /// For a distribution: the CSV column whose values are the stacked parts.
    pub(crate) stack: Option<String>,
    /// `fact`: an indicator of staff, buildings or money, shown as a fact next to
    /// the municipality's value, never as «лучше / хуже».
    #[serde(default)]
    pub(crate) compare: Compare,
    /// Declared changes of the method: `[{year: 2024, what: "…", source: "…"}]`.
    /// Values before and after are not compared: charts break the line there.
    #[serde(default)]
    pub(crate) method_changes: Vec<RawMethodChange>,
    /// Small indicators may keep values here: `{municipality: {2024: 9.1}}`.
    pub(crate) values: Option<BTreeMap<String, BTreeMap<Text, Option<f64>>>>,
    /// Filled after parsing: the file line of the entry's `id`.
    #[serde(skip)]
    pub(crate) line: usize,
}

/// A change of an indicator's method from a period on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMethodChange {
    /// The first period computed the new way: `2024` or `2024/25`.
    pub(crate) year: Text,
    /// What changed, in a sentence.
    pub(crate) what: Text,
    /// The act or letter that changed it.
    pub(crate) source: Option<Text>,
}

#[derive(Debug, Clone)]
pub(crate) struct DirectionFile {
    pub(crate) file: PathBuf,
    pub(crate) text: String,
    /// Where each value of `text` stands.
    pub(crate) positions: yaml::Positions,
    pub(crate) content: RawDirectionFile,
}

/// One `data/values/<indicator>.csv`.
#[derive(Debug, Clone)]
pub(crate) struct ValuesFile {
    pub(crate) file: PathBuf,
    /// The indicator it belongs to: the file name without `.csv`.
    pub(crate) indicator: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<ValuesRow>,
}

/// One row of a values file.
pub(crate) type ValuesRow = super::table::CsvRow;

/// Everything under `data/indicators` and `data/values`.
#[derive(Debug, Clone, Default)]
pub(crate) struct IndicatorSources {
    pub(crate) directions: Vec<DirectionFile>,
    pub(crate) values: Vec<ValuesFile>,
}

pub(crate) fn load_indicators(
    root: &Path,
    data: &Path,
    diagnostics: &mut Diagnostics,
) -> IndicatorSources {
    let mut sources = IndicatorSources::default();
    for (path, file) in data_files(
        root,
        &data.join(INDICATORS_DIR),
        &["yaml", "yml"],
        diagnostics,
    ) {
        let Some(text) = crate::fs::read_text_to(&path, &file, diagnostics) else {
            continue;
        };
        match yaml::parse::<RawDirectionFile>(&text, &file, 1) {
            Ok(mut content) => {
                let positions = yaml::Positions::new(&text);
                for (i, indicator) in content.indicators.iter_mut().enumerate() {
                    indicator.line = positions.line(&format!("indicators[{i}].id")).unwrap_or(1);
                }
                sources.directions.push(DirectionFile {
                    file,
                    text,
                    positions,
                    content,
                });
            }
            Err(d) => diagnostics.push(d),
        }
    }
    let values = data_files(root, &data.join(VALUES_DIR), &["csv"], diagnostics);
    sources.values = super::read_each(values, diagnostics, |(path, file), problems| {
        read_values(&path, &file, problems)
    });
    sources
}

fn read_values(path: &Path, file: &Path, diagnostics: &mut Diagnostics) -> Option<ValuesFile> {
    let table = super::table::read_table(path, file, diagnostics)?;
    Some(ValuesFile {
        indicator: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        file: table.file,
        header: table.header,
        rows: table.rows,
    })
}
