//! Reads `data/plans/*.yaml`: plans and roadmaps exactly as written.
//!
//! serde_yaml gives no positions for parsed values, so the lines of sections and items
//! (for warnings about one row of a plan) are looked up afterwards by their path in the
//! file's position index (`yaml::Positions`).

use std::path::{Path, PathBuf};

use super::data_files;
use crate::diagnostic::Diagnostics;
use crate::yaml::{self, Date, Text};
use serde::Deserialize;

/// Where plans live, in the data folder.
const PLANS_DIR: &str = "plans";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlan {
    pub(crate) id: String,
    pub(crate) title: Text,
    pub(crate) approved: Option<RawApproval>,
    pub(crate) period: RawPeriod,
    #[serde(default)]
    pub(crate) sections: Vec<RawSection>,
}

/// The act that approved the plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawApproval {
    pub(crate) kind: Text,
    pub(crate) number: Text,
    pub(crate) date: Date,
    /// A page or file of the site: `documents/prikaz-178`.
    pub(crate) document: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriod {
    pub(crate) from: Date,
    pub(crate) to: Date,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSection {
    pub(crate) title: Text,
    #[serde(default)]
    pub(crate) items: Vec<RawItem>,
    #[serde(default)]
    pub(crate) sections: Vec<RawSection>,
    /// A mark for every item of the section (and its sub-sections) that has none:
    /// `status: выполнено` under a section marks all of it.
    pub(crate) status: Option<Text>,
    pub(crate) done: Option<Date>,
    /// Filled after parsing: the file line of the section's `title`.
    #[serde(skip)]
    pub(crate) line: usize,
    /// Filled after parsing: its path in the file (`sections[0].sections[2]`), to
    /// look up the positions of its keys.
    #[serde(skip)]
    pub(crate) path: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    pub(crate) no: Option<Text>,
    pub(crate) title: Text,
    pub(crate) due: Option<Text>,
    pub(crate) responsible: Option<Text>,
    pub(crate) form: Option<Text>,
    pub(crate) result: Option<Text>,
    /// As written: `done`, `выполнено`, `не выполнено`, … (read in `model::plan_mark`).
    pub(crate) status: Option<Text>,
    pub(crate) done: Option<Date>,
    #[serde(default)]
    pub(crate) evidence: Vec<String>,
    /// The МСОКО direction (id) and link of its management cycle the item feeds.
    pub(crate) direction: Option<String>,
    pub(crate) stage: Option<String>,
    /// Filled after parsing: the file line of the item's first key.
    #[serde(skip)]
    pub(crate) line: usize,
    /// Filled after parsing: its path in the file (`sections[0].items[3]`).
    #[serde(skip)]
    pub(crate) path: String,
}

/// What `data/plans/` holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct PlanFiles {
    /// The plans that parsed.
    pub(crate) plans: Vec<PlanFile>,
    /// Whether there is any plan file at all, parsed or not: the list of plans is
    /// published even while one plan has an error, so links to it stay valid.
    pub(crate) any: bool,
}

/// A plan file: its path (relative to the root), text and parsed content.
#[derive(Debug, Clone)]
pub(crate) struct PlanFile {
    pub(crate) file: PathBuf,
    pub(crate) text: String,
    /// Where each value of `text` stands.
    pub(crate) positions: yaml::Positions,
    pub(crate) plan: RawPlan,
}

pub(crate) fn load_plans(root: &Path, data: &Path, diagnostics: &mut Diagnostics) -> PlanFiles {
    let mut found = PlanFiles::default();
    for (path, file) in data_files(root, &data.join(PLANS_DIR), &["yaml", "yml"], diagnostics) {
        found.any = true;
        let Some(text) = crate::fs::read_text_to(&path, &file, diagnostics) else {
            continue;
        };
        match yaml::parse::<RawPlan>(&text, &file, 1) {
            Ok(mut plan) => {
                let positions = yaml::Positions::new(&text);
                for (i, section) in plan.sections.iter_mut().enumerate() {
                    assign_lines(section, &format!("sections[{i}]"), &positions);
                }
                found.plans.push(PlanFile {
                    file,
                    text,
                    positions,
                    plan,
                });
            }
            Err(d) => diagnostics.push(d),
        }
    }
    found
}

/// Fills in the paths and lines of a section (its `title:`), of its items (where each
/// entry starts: `- no: 1.1` above `title:`) and of its sub-sections; `path` is the
/// section's place in the file (`sections[0].sections[2]`).
fn assign_lines(section: &mut RawSection, path: &str, positions: &yaml::Positions) {
    section.line = positions.line(&format!("{path}.title")).unwrap_or(1);
    section.path = path.to_string();
    for (i, item) in section.items.iter_mut().enumerate() {
        item.path = format!("{path}.items[{i}]");
        item.line = positions.line(&item.path).unwrap_or(1);
    }
    for (i, sub) in section.sections.iter_mut().enumerate() {
        assign_lines(sub, &format!("{path}.sections[{i}]"), positions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "id: p\ntitle: План\nperiod: {from: 2025-09-01, to: 2026-08-31}\nsections:\n  - title: \"1. Раздел\"\n    items:\n      - no: \"1.1\"\n        title: Первое\n        due: Сентябрь\n      - title: Второе\n        due: Октябрь\n    sections:\n      - title: \"1.1. Подраздел\"\n        items:\n          - title: Первое\n";

    #[test]
    fn finds_lines_of_sections_and_items_in_document_order() {
        let mut plan: RawPlan = yaml::parse(PLAN, Path::new("p.yaml"), 1).unwrap();
        assign_lines(
            &mut plan.sections[0],
            "sections[0]",
            &yaml::Positions::new(PLAN),
        );
        let section = &plan.sections[0];
        assert_eq!(section.line, 5);
        assert_eq!(
            section.items[0].line, 7,
            "the item starts at its `- no:` line"
        );
        assert_eq!(section.items[1].line, 10);
        assert_eq!(section.sections[0].line, 13);
        assert_eq!(
            section.sections[0].items[0].line, 15,
            "same title, later line"
        );
    }

    /// The old text search took the first line starting with `title:` that held the
    /// title after the previous row: a line of a multi-line `result: |` moved the
    /// next row's warnings up to the row before it.
    #[test]
    fn is_not_fooled_by_a_title_inside_a_multi_line_text() {
        let text = "id: p\ntitle: План\nperiod: {from: 2025-09-01, to: 2026-08-31}\nsections:\n  - title: Раздел # title: Второе\n    items:\n      - title: Первое\n        result: |\n          title: Второе по счёту\n      - title: Второе\n";
        let mut plan: RawPlan = yaml::parse(text, Path::new("p.yaml"), 1).unwrap();
        assign_lines(
            &mut plan.sections[0],
            "sections[0]",
            &yaml::Positions::new(text),
        );
        assert_eq!(plan.sections[0].line, 5);
        assert_eq!(plan.sections[0].items[0].line, 7);
        assert_eq!(plan.sections[0].items[1].line, 10);
    }

    #[test]
    fn errors_on_an_unknown_item_key() {
        let text = PLAN.replace("due: Октябрь", "srok: Октябрь");
        let d = yaml::parse::<RawPlan>(&text, Path::new("p.yaml"), 1).unwrap_err();
        assert_eq!(d.line, Some(11));
        assert!(
            d.message.ru.contains("неизвестное поле «srok»"),
            "{}",
            d.message
        );
    }
}
