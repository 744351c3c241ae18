//! Reads `data/plans/*.yaml`: plans and roadmaps exactly as written.
//!
//! serde_yaml gives no positions for parsed values, so the lines of sections and items
//! (for warnings about one row of a plan) are found afterwards by walking the text in
//! document order (`ItemLines`).

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
                let mut lines = ItemLines::new(&text);
                for section in &mut plan.sections {
                    lines.assign(section);
                }
                found.plans.push(PlanFile { file, text, plan });
            }
            Err(d) => diagnostics.push(d),
        }
    }
    found
}

/// Finds the lines of sections and items by walking the text in document order:
/// each is the first `title:` with its text after the previous one found.
struct ItemLines<'a> {
    lines: Vec<&'a str>,
    cursor: usize,
}

impl<'a> ItemLines<'a> {
    fn new(text: &'a str) -> Self {
        ItemLines {
            lines: text.lines().collect(),
            cursor: 0,
        }
    }

    fn assign(&mut self, section: &mut RawSection) {
        section.line = self.find_title(&section.title.0, false);
        for item in &mut section.items {
            item.line = self.find_title(&item.title.0, true);
        }
        for sub in &mut section.sections {
            self.assign(sub);
        }
    }

    /// The 1-based line of the next `title:` holding `title`; for an item, the line of
    /// its first key (`- no: 1.1` above `title:`).
    fn find_title(&mut self, title: &str, item: bool) -> usize {
        let probe: String = title.chars().take(40).collect();
        let found = (self.cursor..self.lines.len()).find(|&i| {
            let line = self.lines[i].trim_start().trim_start_matches("- ");
            line.starts_with("title:") && line.contains(probe.as_str())
        });
        let Some(index) = found else {
            return self.cursor.max(1);
        };
        self.cursor = index + 1;
        let mut start = index;
        if item {
            // Walk up to the "- " that opens this list entry.
            while start > 0 && !self.lines[start].trim_start().starts_with("- ") {
                let above = self.lines[start - 1].trim_start();
                if above.is_empty() || above.ends_with(':') && !above.starts_with("- ") {
                    break;
                }
                start -= 1;
            }
        }
        start + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAN: &str = "id: p\ntitle: План\nperiod: {from: 2025-09-01, to: 2026-08-31}\nsections:\n  - title: \"1. Раздел\"\n    items:\n      - no: \"1.1\"\n        title: Первое\n        due: Сентябрь\n      - title: Второе\n        due: Октябрь\n    sections:\n      - title: \"1.1. Подраздел\"\n        items:\n          - title: Первое\n";

    #[test]
    fn finds_lines_of_sections_and_items_in_document_order() {
        let mut plan: RawPlan = yaml::parse(PLAN, Path::new("p.yaml"), 1).unwrap();
        let mut lines = ItemLines::new(PLAN);
        lines.assign(&mut plan.sections[0]);
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
