//! Figure and table numbers across a report.
//!
//! A report is a section with `kind: report`: its own page, then its chapters in
//! their order. «Рисунок 3» counts charts from the first chapter on; a page outside a
//! report numbers its own. Numbers are assigned before pages render (in parallel), so
//! a reference may point forward or into another chapter.

use std::collections::BTreeMap;

use super::parse::{parse, Arg, Piece};
use crate::model::Model;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Numbered {
    Figure,
    Table,
}

impl Numbered {
    /// «Рисунок», «Таблица».
    pub(crate) fn word(self) -> &'static str {
        match self {
            Numbered::Figure => "Рисунок",
            Numbered::Table => "Таблица",
        }
    }
}

/// A numbered figure or table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Number {
    pub(crate) kind: Numbered,
    pub(crate) number: usize,
    /// Site path of the page it is on.
    pub(crate) url: String,
    pub(crate) label: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Numbering {
    /// By (page site path, byte offset of the call in the page's Markdown).
    pub(crate) by_call: BTreeMap<(String, usize), Number>,
    pub(crate) by_label: BTreeMap<String, Number>,
}

fn kind_of(name: &str) -> Option<Numbered> {
    match name {
        "chart" => Some(Numbered::Figure),
        "indicator_table" => Some(Numbered::Table),
        _ => None,
    }
}

/// Pages in reading order, grouped by report: a report's section page, then its
/// chapters; every other page on its own.
fn reading_groups(model: &Model) -> Vec<Vec<usize>> {
    let mut groups = Vec::new();
    let mut in_report = vec![false; model.pages.len()];
    for (index, page) in model.pages.iter().enumerate() {
        if page.is_section && page.kind.as_deref() == Some("report") {
            let mut group = vec![index];
            if let Some(children) = model.children.get(&index) {
                group.extend(children.pages.iter().copied());
            }
            for &i in &group {
                in_report[i] = true;
            }
            groups.push(group);
        }
    }
    for (index, inside) in in_report.into_iter().enumerate() {
        if !inside {
            groups.push(vec![index]);
        }
    }
    groups
}

/// Numbers every chart and table shortcode. Grammar errors are left for `expand`.
pub(crate) fn number_figures(model: &Model) -> Numbering {
    let mut numbering = Numbering::default();
    for group in reading_groups(model) {
        let mut counters: BTreeMap<&str, usize> = BTreeMap::new();
        for index in group {
            let page = &model.pages[index];
            let Some(pieces) = parse(&page.body) else {
                continue;
            };
            for piece in pieces {
                let Piece::Call(call) = piece else { continue };
                let Some(kind) = kind_of(&call.name) else {
                    continue;
                };
                let counter = counters.entry(kind.word()).or_insert(0);
                *counter += 1;
                let label = call.args.get("label").and_then(Arg::as_text);
                let number = Number {
                    kind,
                    number: *counter,
                    url: page.url.clone(),
                    label: label.clone(),
                };
                if let Some(label) = label {
                    numbering
                        .by_label
                        .entry(label)
                        .or_insert_with(|| number.clone());
                }
                numbering
                    .by_call
                    .insert((page.url.clone(), call.span.start), number);
            }
        }
    }
    numbering
}
