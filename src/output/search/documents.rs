//! What the search finds: one document per page of the site and one per plan item
//! (so «медалисты» leads straight to the row of the plan, `#punkt-2.3`).
//!
//! A page's text is its own content as rendered (Markdown and shortcodes; never the
//! menu or the footer). Pages made from data add the data a reader searches by:
//! an organisation's full name and address, an indicator's method and source, a
//! plan's approving act. The search page itself is not a document.

use crate::dates::format_date_short;
use crate::model::{Model, Page, PageData, Plan, PlanItem, SEARCH_URL};

/// The longest snippet shown under a result, in characters.
const SNIPPET: usize = 160;

/// What kind of thing a result is: the label shown beside its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Page,
    Section,
    News,
    Document,
    Report,
    Plan,
    PlanItem,
    Direction,
    Indicator,
    Organization,
    OpenData,
}

impl Kind {
    /// Every kind, in the order of their numbers in the index.
    pub(crate) const ALL: [Kind; 11] = [
        Kind::Page,
        Kind::Section,
        Kind::News,
        Kind::Document,
        Kind::Report,
        Kind::Plan,
        Kind::PlanItem,
        Kind::Direction,
        Kind::Indicator,
        Kind::Organization,
        Kind::OpenData,
    ];

    pub(crate) fn label(self) -> &'static str {
        match self {
            Kind::Page => "Страница",
            Kind::Section => "Раздел",
            Kind::News => "Новость",
            Kind::Document => "Документ",
            Kind::Report => "Доклад",
            Kind::Plan => "План",
            Kind::PlanItem => "Пункт плана",
            Kind::Direction => "Направление МСОКО",
            Kind::Indicator => "Показатель",
            Kind::Organization => "Организация",
            Kind::OpenData => "Открытые данные",
        }
    }

    pub(crate) fn number(self) -> usize {
        Kind::ALL.iter().position(|&k| k == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Document {
    /// Site path without the leading `/` (the script puts the base path in front),
    /// with a `#fragment` for a plan item.
    pub(crate) url: String,
    pub(crate) title: String,
    pub(crate) kind: Kind,
    pub(crate) snippet: String,
    /// Other names of the page that rank like its title: an organisation's full name
    /// («…средняя общеобразовательная школа № 1») beside its short one.
    pub(crate) names: String,
    /// Text searched besides the title.
    pub(crate) text: String,
}

/// Every document, pages in site-path order with each plan's items after it; `texts`
/// are the pages' own texts by index in `model.pages`, each dropped once used.
pub(crate) fn collect_documents(model: &Model, mut texts: Vec<String>) -> Vec<Document> {
    let mut documents = Vec::with_capacity(model.pages.len());
    for (index, page) in model.pages.iter().enumerate() {
        if page.url == SEARCH_URL {
            continue;
        }
        let own = texts.get_mut(index).map(std::mem::take).unwrap_or_default();
        let (kind, extra, summary) = describe(model, index);
        let text = join(&[&own, &extra]);
        let snippet = page
            .description
            .clone()
            .or(summary)
            .unwrap_or_else(|| shorten(&text));
        let names = match page.data {
            PageData::Org(org) => model.register.organizations[org].name.clone(),
            _ => String::new(),
        };
        documents.push(Document {
            url: page.url.trim_start_matches('/').to_string(),
            title: page.title.clone(),
            kind,
            snippet: shorten(&snippet),
            names,
            text,
        });
        if let PageData::Plan(plan) = page.data {
            let plan = &model.plans[plan];
            documents.extend(
                plan.items()
                    .into_iter()
                    .map(|item| item_document(page, plan, item)),
            );
        }
    }
    documents
}

/// A page's kind, the text its data adds, and a summary of that data for the snippet.
fn describe(model: &Model, index: usize) -> (Kind, String, Option<String>) {
    let page = &model.pages[index];
    match page.data {
        PageData::Markdown => (markdown_kind(model, index), String::new(), None),
        PageData::PlanList
        | PageData::IndicatorList
        | PageData::OrgList
        | PageData::Authority
        | PageData::DocumentList
        | PageData::OpenDataList
        | PageData::CycleMatrix
        | PageData::ObjectivityList
        | PageData::Objectivity(_)
        | PageData::ObjectivityPart(..)
        | PageData::ShnorList
        | PageData::Shnor(_)
        | PageData::Search => (Kind::Section, String::new(), None),
        PageData::Cycle(direction) => {
            let cycle = &model.cycle.directions[direction];
            let mut parts: Vec<&str> = cycle.goals.iter().map(String::as_str).collect();
            parts.extend(cycle.tasks.iter().map(String::as_str));
            (Kind::Direction, join(&parts), cycle.goals.first().cloned())
        }
        PageData::OpenDataSet(set) => {
            let set = &model.open_data[set];
            (
                Kind::OpenData,
                join(&[&set.description, &set.subject]),
                Some(set.description.clone()),
            )
        }
        PageData::Plan(plan) => {
            let plan = &model.plans[plan];
            let approved = plan.approved.as_ref().map(|a| {
                format!(
                    "Утверждён: {} № {} от {}",
                    a.kind,
                    a.number,
                    format_date_short(a.date)
                )
            });
            let mut sections = Vec::new();
            collect_section_titles(&plan.sections, &mut sections);
            let period = format!(
                "Период: {} — {}",
                format_date_short(plan.period.from),
                format_date_short(plan.period.to)
            );
            let summary = match &approved {
                Some(approved) => format!("{approved}. {period}"),
                None => period,
            };
            let mut extra = vec![approved.unwrap_or_default()];
            extra.extend(sections);
            (Kind::Plan, extra.join(" "), Some(summary))
        }
        PageData::Direction(direction) => {
            let direction = &model.indicators.directions[direction];
            (
                Kind::Direction,
                direction.description.clone().unwrap_or_default(),
                direction.description.clone(),
            )
        }
        PageData::Indicator(indicator) => {
            let indicator = &model.indicators.indicators[indicator];
            let direction = &model.indicators.directions[indicator.direction];
            let parts = [
                indicator.description.as_deref().unwrap_or(""),
                indicator.method.as_deref().unwrap_or(""),
                indicator.source.as_deref().unwrap_or(""),
                &direction.title,
            ];
            let summary = indicator
                .description
                .clone()
                .or_else(|| indicator.method.clone())
                .unwrap_or_else(|| direction.title.clone());
            (Kind::Indicator, join(&parts), Some(summary))
        }
        PageData::Org(org) => {
            let org = &model.register.organizations[org];
            let subjects = org
                .profile
                .as_ref()
                .map(|(_, subjects)| subjects.join(" "))
                .unwrap_or_default();
            let parts = [
                org.kind.label(),
                org.address.as_deref().unwrap_or(""),
                org.head.as_deref().unwrap_or(""),
                &subjects,
            ];
            let summary = match &org.address {
                Some(address) => format!("{}. {address}", org.name),
                None => org.name.clone(),
            };
            (Kind::Organization, join(&parts), Some(summary))
        }
    }
}

/// A page written in Markdown: a normative act, a part of the annual report, news
/// (a page of a section listed newest first), a section, or just a page.
fn markdown_kind(model: &Model, index: usize) -> Kind {
    let page = &model.pages[index];
    let is_report = |p: &Page| p.is_section && p.kind.as_deref() == Some("report");
    let parent = model.ancestors(index).last().map(|&i| &model.pages[i]);
    match page.kind.as_deref() {
        Some("document") => Kind::Document,
        _ if is_report(page) || parent.is_some_and(is_report) => Kind::Report,
        _ if page.is_section => Kind::Section,
        _ if parent.is_some_and(|p| p.url != "/" && p.feeds().is_some()) => Kind::News,
        _ => Kind::Page,
    }
}

fn item_document(page: &Page, plan: &Plan, item: &PlanItem) -> Document {
    let snippet = match &item.due_text {
        Some(due) => format!("Пункт {}, срок: {due} · {}", item.no, plan.title),
        None => format!("Пункт {} · {}", item.no, plan.title),
    };
    let parts = [
        item.responsible.as_deref().unwrap_or(""),
        item.form.as_deref().unwrap_or(""),
        item.result.as_deref().unwrap_or(""),
        item.due_text.as_deref().unwrap_or(""),
    ];
    Document {
        url: format!("{}#{}", page.url.trim_start_matches('/'), item.anchor()),
        title: item.title.clone(),
        kind: Kind::PlanItem,
        snippet: shorten(&snippet),
        names: String::new(),
        text: join(&parts),
    }
}

fn collect_section_titles(sections: &[crate::model::PlanSection], out: &mut Vec<String>) {
    for section in sections {
        out.push(section.title.clone());
        collect_section_titles(&section.sections, out);
    }
}

fn join(parts: &[&str]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    parts.join(" ")
}

/// At most `SNIPPET` characters, cut at a word boundary, with «…» when cut.
fn shorten(text: &str) -> String {
    let text = text.trim();
    if text.chars().count() <= SNIPPET {
        return text.to_string();
    }
    let cut: String = text.chars().take(SNIPPET).collect();
    let at = cut
        .rfind(' ')
        .filter(|&i| i > SNIPPET / 2)
        .unwrap_or(cut.len());
    format!(
        "{}…",
        cut[..at].trim_end_matches(|c: char| c.is_whitespace() || ",;:.—–-".contains(c))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_a_long_text_at_a_word_boundary() {
        let long = "слово ".repeat(60);
        let short = shorten(&long);
        assert!(short.ends_with("слово…"), "{short}");
        assert!(short.chars().count() <= SNIPPET + 1);
        assert_eq!(shorten(" коротко "), "коротко");
    }

    #[test]
    fn numbers_kinds_in_a_fixed_order() {
        assert_eq!(Kind::Page.number(), 0);
        assert_eq!(Kind::OpenData.number(), Kind::ALL.len() - 1);
        assert_eq!(Kind::PlanItem.label(), "Пункт плана");
    }
}
