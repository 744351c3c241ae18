//! Splits a Markdown page into its YAML front matter and body, and parses the former.
//!
//! The body keeps its starting line so that Markdown and shortcode positions can be
//! reported as lines of the file, not of the body.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Message};
use crate::yaml::{self, Date, Text};

/// The front matter exactly as the user may write it (SPEC §2 "Pages").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    pub(crate) title: Option<Text>,
    pub(crate) description: Option<Text>,
    /// Date the page was placed (дата размещения).
    pub(crate) date: Option<Date>,
    /// Date the page was last changed (дата изменения).
    pub(crate) updated: Option<Date>,
    #[serde(default)]
    pub(crate) draft: bool,
    pub(crate) weight: Option<i64>,
    pub(crate) template: Option<String>,
    /// What the page is, e.g. `document` for a normative act.
    pub(crate) kind: Option<String>,
    /// An act's kind, lower case: «приказ», «постановление», «положение»…
    pub(crate) act: Option<Text>,
    /// Who issued an act, when not the authority itself.
    pub(crate) issuer: Option<Text>,
    /// Acts this act amends (they become «изменён»).
    #[serde(default)]
    pub(crate) amends: Vec<String>,
    /// Acts this act cancels (they become «утратил силу»).
    #[serde(default)]
    pub(crate) cancels: Vec<String>,
    /// An act's number («178-П»).
    pub(crate) number: Option<Text>,
    /// The date an act was approved.
    pub(crate) approved: Option<Date>,
    /// An attached file next to the page (the act's PDF).
    pub(crate) file: Option<String>,
    /// How a section lists its pages.
    pub(crate) sort_by: Option<SortBy>,
    /// For a report: the frozen copy of the data it was published with
    /// (`data/snapshots/<name>/`), so a published year keeps its numbers.
    pub(crate) data_snapshot: Option<String>,
    /// A draft act (status «проект»): the period and address of its public discussion.
    pub(crate) discussion: Option<Discussion>,
    /// For a report: the act that approved it (`documents/prikaz-…`), which lists the
    /// report in the registry of acts.
    pub(crate) approved_by: Option<String>,
}

/// The public discussion of a draft act: from, to, where to send remarks, and, once
/// it is over, what came of it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Discussion {
    pub(crate) from: Date,
    pub(crate) to: Date,
    /// Where remarks go: an e-mail, a postal address.
    pub(crate) address: Text,
    /// What came of the discussion (remarks received, taken into account).
    pub(crate) outcome: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum SortBy {
    /// Newest first (news).
    Date,
    /// Smallest `weight` first, then title.
    Weight,
    /// Alphabetically.
    Title,
}

/// A page split into its parts; `yaml` is kept to point later diagnostics at a key.
#[derive(Debug, Clone)]
pub(crate) struct SplitPage<'a> {
    pub(crate) yaml: &'a str,
    pub(crate) body: &'a str,
    /// 1-based file line on which the body starts.
    pub(crate) body_line: usize,
}

/// Finds the `---` fences. The YAML starts on line 2.
pub(crate) fn split<'a>(text: &'a str, file: &Path) -> Result<SplitPage<'a>, Diagnostic> {
    let Some(after_open) = text.strip_prefix("---\n") else {
        return Err(Diagnostic::error(file, Message::no_front_matter()).at(1, 1));
    };
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            let body_line = 2 + yaml.matches('\n').count() + 1;
            return Ok(SplitPage {
                yaml,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(file, Message::unclosed_front_matter()).at(1, 1))
}

/// Parses the YAML of a split page; the title is required.
pub(crate) fn parse(split: &SplitPage<'_>, file: &Path) -> Result<FrontMatter, Diagnostic> {
    let front: FrontMatter = if split.yaml.trim().is_empty() {
        FrontMatter::default()
    } else {
        yaml::parse(split.yaml, file, 2)?
    };
    match &front.title {
        Some(Text(title)) if !title.trim().is_empty() => Ok(front),
        _ => Err(Diagnostic::error(file, Message::missing_title()).at(2, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> &'static Path {
        Path::new("content/a.md")
    }

    #[test]
    fn splits_and_keeps_body_line() {
        let text = "---\ntitle: A\ndate: 2025-01-02\n---\nBody\n";
        let split = split(text, file()).unwrap();
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.body_line, 5);
        let front = parse(&split, file()).unwrap();
        assert_eq!(front.title.unwrap().0, "A");
    }

    #[test]
    fn errors_on_missing_front_matter() {
        let d = split("# Hello\n", file()).unwrap_err();
        assert_eq!(d.line, Some(1));
        assert!(d.message.ru.contains("нет заголовка"));
    }

    #[test]
    fn errors_on_unclosed_front_matter() {
        let d = split("---\ntitle: A\n", file()).unwrap_err();
        assert!(d.message.ru.contains("не закрыт"));
    }

    #[test]
    fn errors_on_missing_title() {
        let text = "---\ndate: 2025-01-02\n---\n";
        let d = parse(&split(text, file()).unwrap(), file()).unwrap_err();
        assert!(d.message.ru.contains("нет названия"));
    }

    #[test]
    fn errors_on_unknown_key_at_its_file_line() {
        let text = "---\ntitle: A\nauthor: B\n---\n";
        let d = parse(&split(text, file()).unwrap(), file()).unwrap_err();
        assert_eq!(d.message.ru, "неизвестное поле «author»");
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
    }

    #[test]
    fn errors_on_bad_date_at_its_file_line() {
        let text = "---\ntitle: A\ndate: 2025-13-01\n---\n";
        let d = parse(&split(text, file()).unwrap(), file()).unwrap_err();
        assert_eq!(d.message.ru, "в дате «2025-13-01» месяца 13 нет");
        assert_eq!(d.line, Some(3));
    }

    #[test]
    fn errors_on_unknown_sort_order() {
        let text = "---\ntitle: A\nsort_by: name\n---\n";
        let d = parse(&split(text, file()).unwrap(), file()).unwrap_err();
        assert_eq!(d.message.ru, "недопустимое значение «name» (поле sort_by)");
        assert_eq!(
            d.hint.as_ref().map(|h| h.ru.as_str()),
            Some("допустимые значения: date, weight, title")
        );
    }
}
