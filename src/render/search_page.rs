//! The list of every page on `/search/`: what a reader without JavaScript (or on a
//! browser too old for the search script) uses instead of the search box.
//!
//! Pages are grouped by the top-level section they live in (Новости, Документы,
//! Планы…), groups in the order of the site's menu, pages A–Z within a group. A
//! section with very many pages (years of news) is not listed page by page: its own
//! page already lists them, so the group links there instead and keeps `/search/`
//! light on a phone.

use std::collections::BTreeMap;

use serde::Serialize;

use super::views::LinkView;
use crate::model::paths;
use crate::model::{Model, SEARCH_URL};

/// A group with more pages than this shows only its sub-sections and a link to
/// the section's own list.
const MAX_LISTED: usize = 100;

#[derive(Debug, Serialize)]
pub(crate) struct SiteIndexView {
    pub(crate) groups: Vec<GroupView>,
    /// Pages in all groups.
    pub(crate) total: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct GroupView {
    /// The section (absent for the group of pages outside any section).
    pub(crate) section: Option<LinkView>,
    pub(crate) title: String,
    /// Element id of the group's heading.
    pub(crate) id: String,
    pub(crate) pages: Vec<LinkView>,
    /// Pages in the section, listed or not.
    pub(crate) count: usize,
    /// Set when only sub-sections are listed: the pages are on the section's page.
    pub(crate) abridged: bool,
}

pub(crate) fn site_index(model: &Model) -> SiteIndexView {
    // Top-level section path -> pages under it (the section itself excluded).
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut loose: Vec<usize> = Vec::new();
    for (index, page) in model.pages.iter().enumerate() {
        if page.url == "/" || page.url == SEARCH_URL {
            continue;
        }
        let top = top_section(&page.url);
        let top_is_section = model
            .by_url
            .get(&top)
            .is_some_and(|&i| model.pages[i].is_section);
        if !top_is_section {
            loose.push(index);
        } else if page.url != top {
            groups.entry(top).or_default().push(index);
        } else {
            groups.entry(top).or_default();
        }
    }
    let link = |index: usize| {
        let page = &model.pages[index];
        LinkView {
            title: page.title.clone(),
            path: page.url.clone(),
            url: model.link(&page.url),
        }
    };
    let sorted = |list: &[usize]| {
        let mut pages: Vec<LinkView> = list.iter().map(|&i| link(i)).collect();
        pages.sort_by_cached_key(|p| (sort_key(&p.title), p.path.clone()));
        pages
    };
    let menu_position = |path: &str| {
        model
            .config
            .menu
            .iter()
            .position(|item| item.url == path)
            .unwrap_or(usize::MAX)
    };
    let mut views: Vec<GroupView> = groups
        .iter()
        .map(|(top, pages)| {
            let section = model.by_url[top];
            let abridged = pages.len() > MAX_LISTED;
            let listed: Vec<usize> = if abridged {
                pages
                    .iter()
                    .copied()
                    .filter(|&i| model.pages[i].is_section)
                    .collect()
            } else {
                pages.clone()
            };
            GroupView {
                section: Some(link(section)),
                title: model.pages[section].title.clone(),
                id: format!("razdel-{}", top.trim_matches('/').replace('/', "-")),
                pages: sorted(&listed),
                count: pages.len(),
                abridged,
            }
        })
        .collect();
    views.sort_by_cached_key(|g| {
        let path = g.section.as_ref().map_or("", |s| s.path.as_str());
        (menu_position(path), sort_key(&g.title))
    });
    if !loose.is_empty() {
        views.push(GroupView {
            section: None,
            title: "Другие страницы".into(),
            id: "drugie-stranicy".into(),
            pages: sorted(&loose),
            count: loose.len(),
            abridged: false,
        });
    }
    SiteIndexView {
        total: views
            .iter()
            .map(|g| g.count + usize::from(g.section.is_some()))
            .sum(),
        groups: views,
    }
}

/// `/news/2025/a/` -> `/news/`.
fn top_section(url: &str) -> String {
    let first = url.trim_matches('/').split('/').next().unwrap_or_default();
    paths::folder(first)
}

/// A–Z order the way a Russian reader expects it: case and «ё» do not matter,
/// quotes and numbers signs in front do not count.
fn sort_key(title: &str) -> String {
    title
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace('ё', "е")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_top_level_section() {
        assert_eq!(top_section("/news/2025/a/"), "/news/");
        assert_eq!(top_section("/about/"), "/about/");
    }

    #[test]
    fn sorts_titles_ignoring_case_quotes_and_yo() {
        let mut titles = vec!["«Ёлка»", "ель", "Альфа", "№ 5 Бета"];
        titles.sort_by_key(|t| sort_key(t));
        assert_eq!(titles, vec!["№ 5 Бета", "Альфа", "«Ёлка»", "ель"]);
    }
}
