//! Reads `data/analytics.yaml`: the department's thresholds for the objectivity and
//! low-results analytics, exactly as written. Every field is optional; the defaults of
//! the methodology (`ANALYTICS.md`) are filled in by `model::analytics_rules`, which
//! also checks the values.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::diagnostic::Diagnostics;
use crate::model::vocabulary::MedalRegime;
use crate::yaml::{self, Text};

/// The rules, in the data folder.
pub(crate) const ANALYTICS_FILE: &str = "analytics.yaml";

/// A data break of a whole procedure: `2025: "what changed"`, or with its source
/// like an indicator's `method_changes`: `2025: {what: "…", source: "приказ …"}`.
///
/// Any shape is read here and checked by `model::analytics_rules`: an untagged serde
/// enum answered a misspelt key with «data did not match any variant of untagged
/// enum», in English and without naming the key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RawBreak {
    Note(Text),
    /// The keys and values of a map, in the file's order.
    Full(Vec<(Text, Text)>),
    /// A list, or nothing after the year's colon.
    Other,
}

impl<'de> Deserialize<'de> for RawBreak {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BreakVisitor)
    }
}

struct BreakVisitor;

impl<'de> Visitor<'de> for BreakVisitor {
    type Value = RawBreak;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text or a map {what, source}")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawBreak, E> {
        Ok(RawBreak::Note(Text(value.to_string())))
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<RawBreak, E> {
        Ok(RawBreak::Note(Text(value.to_string())))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawBreak, E> {
        Ok(RawBreak::Note(Text(value.to_string())))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawBreak, E> {
        Ok(RawBreak::Note(Text(value.to_string())))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<RawBreak, E> {
        Ok(RawBreak::Note(Text(value.to_string())))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawBreak, E> {
        Ok(RawBreak::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawBreak, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(RawBreak::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawBreak, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<Text, Text>()? {
            entries.push(entry);
        }
        Ok(RawBreak::Full(entries))
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAnalytics {
    /// The methodology's edition, printed with every sign.
    pub(crate) version: Option<Text>,
    /// Whether schools with signs are named on the site.
    pub(crate) publish_named: Option<bool>,
    /// The smallest group a rule is computed for.
    pub(crate) n_min: Option<u32>,
    /// `region` (when the region's file has the value) or `municipality`.
    pub(crate) benchmark: Option<RawBenchmark>,
    /// School subjects results may name.
    pub(crate) subjects: Option<Vec<Text>>,
    /// Years whose results compare with other years only with reservations.
    pub(crate) breaks: Option<BTreeMap<Text, RawBreak>>,
    #[serde(default)]
    pub(crate) rules: RawRules,
    #[serde(default)]
    pub(crate) combine: RawCombine,
    /// The ЕГЭ medal regime of each year.
    #[serde(default)]
    pub(crate) medals: BTreeMap<Text, RawMedalYear>,
    /// Above this many schools with results, a year page of the objectivity and
    /// ШНОР analytics is split into a page per district (or per grade).
    pub(crate) split_above: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawBenchmark {
    Region,
    Municipality,
}

/// An effect in percentage points and a z-score, both to be reached.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEffect {
    pub(crate) effect: Option<f64>,
    pub(crate) z: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRules {
    #[serde(default)]
    pub(crate) a: RawEffect,
    #[serde(default)]
    pub(crate) b1: RawEffect,
    #[serde(default)]
    pub(crate) b2: RawEffect,
    /// Auxiliary: a share of confirmed marks below this (%) is pointed out.
    pub(crate) confirmed_below: Option<f64>,
    #[serde(default)]
    pub(crate) c: RawEffect,
    #[serde(default)]
    pub(crate) d: RawMedals,
    #[serde(default)]
    pub(crate) e: RawGia,
    #[serde(default)]
    pub(crate) g: RawShnor,
    /// A share of ОО with signs (%) above which the municipal benchmark is doubtful.
    pub(crate) contamination: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMedals {
    pub(crate) min_not_confirmed: Option<u32>,
    pub(crate) count_only_up_to: Option<u32>,
    /// %
    pub(crate) share: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGia {
    pub(crate) z: Option<f64>,
    /// Standard deviation of a student's ОГЭ mark, for the z of a mean.
    pub(crate) sd_oge: Option<f64>,
    /// Standard deviation of a student's ЕГЭ score.
    pub(crate) sd_ege: Option<f64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawShnor {
    /// % of ОО with the highest share of «2».
    pub(crate) bottom: Option<f64>,
    pub(crate) ratio: Option<f64>,
    /// % of «2» in one procedure.
    pub(crate) absolute: Option<f64>,
    pub(crate) procedures: Option<u32>,
    pub(crate) years: Option<u32>,
    pub(crate) min_years: Option<u32>,
    pub(crate) subjects: Option<Vec<Text>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCombine {
    pub(crate) vpr_bias: Option<Text>,
    pub(crate) marking: Option<Text>,
    pub(crate) gia: Option<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMedalYear {
    pub(crate) regime: MedalRegime,
    pub(crate) threshold: Option<f64>,
    pub(crate) note: Option<Text>,
}

#[derive(Debug, Clone)]
pub(crate) struct AnalyticsFile {
    pub(crate) file: PathBuf,
    pub(crate) text: String,
    pub(crate) content: RawAnalytics,
}

pub(crate) fn load_analytics(
    root: &Path,
    data: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<AnalyticsFile> {
    let file = data.join(ANALYTICS_FILE);
    let path = root.join(&file);
    if !path.is_file() {
        return None;
    }
    let text = crate::fs::read_text_to(&path, &file, diagnostics)?;
    match yaml::parse::<RawAnalytics>(&text, &file, 1) {
        Ok(content) => Some(AnalyticsFile {
            file,
            text,
            content,
        }),
        Err(d) => {
            diagnostics.push(d);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_section_and_rejects_unknown_keys() {
        let text = "n_min: 12\nrules:\n  a: {effect: 15}\ncombine:\n  vpr_bias: \"a AND b1\"\nmedals:\n  2024: {regime: \"2024\", threshold: 70}\n  2023: {regime: до 2024, threshold: 70}\n";
        let raw: RawAnalytics = yaml::parse(text, Path::new("a.yaml"), 1).unwrap();
        assert_eq!(raw.n_min, Some(12));
        assert_eq!(raw.rules.a.effect, Some(15.0));
        assert_eq!(
            raw.medals[&Text("2024".into())].regime,
            MedalRegime::Candidates
        );
        assert_eq!(
            raw.medals[&Text("2023".into())].regime,
            MedalRegime::Medalists
        );
        let bad = yaml::parse::<RawAnalytics>("rules:\n  a: {efect: 15}\n", Path::new("a.yaml"), 1)
            .unwrap_err();
        assert_eq!(bad.line, Some(2));
        assert!(bad.message.ru.contains("«efect»"), "{}", bad.message);
    }
}
