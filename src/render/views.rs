//! What templates see: small serializable views borrowing the model.
//!
//! Dates and sizes arrive already formatted the Russian way, so a theme author writes
//! `{{ page.placed.text }}` and never formats a date in tera.

use std::sync::Mutex;

use chrono::NaiveDate;
use serde::Serialize;
use tera::{Context, Tera, Value};

use super::markdown::Heading;
use crate::config::{Authority, SiteConfig};
use crate::dates::{format_date_ru, format_date_short};
use crate::model::{AttachedFile, Model, Page};

#[derive(Debug, Clone, Serialize)]
pub(crate) struct DateView {
    /// `2025-09-01`, for `<time datetime>`.
    pub(crate) iso: String,
    /// «1 сентября 2025 г.»
    pub(crate) text: String,
    /// «01.09.2025»
    pub(crate) short: String,
}

impl DateView {
    pub(crate) fn new(date: NaiveDate) -> Self {
        DateView {
            iso: date.format("%Y-%m-%d").to_string(),
            text: format_date_ru(date),
            short: format_date_short(date),
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct SiteView<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: Option<&'a str>,
    pub(crate) language: &'a str,
    pub(crate) base_url: &'a str,
    pub(crate) base_path: &'a str,
    pub(crate) authority: &'a Authority,
    pub(crate) menu: Vec<LinkView>,
    /// The footer's links to what a reader (or an auditor) looks for on every site of
    /// a body: its details, open data, procurement, anti-corruption, the
    /// personal-data policy. Only those the site has.
    pub(crate) footer_links: Vec<LinkView>,
    /// "Today" of this build (`--as-of`).
    pub(crate) as_of: DateView,
}

impl<'a> SiteView<'a> {
    pub(crate) fn new(model: &'a Model) -> Self {
        let config: &SiteConfig = &model.config;
        SiteView {
            title: &config.title.0,
            description: config.description.as_ref().map(|t| t.0.as_str()),
            language: &config.language,
            base_url: &model.base_url,
            base_path: &model.base_path,
            authority: &config.authority,
            menu: config
                .menu
                .iter()
                .map(|item| LinkView {
                    title: item.title.0.clone(),
                    path: item.url.clone(),
                    url: model.link(&item.url),
                })
                .collect(),
            footer_links: footer_links(model),
            as_of: DateView::new(model.as_of),
        }
    }
}

/// The site's view as templates read it (`site`), serialised once per build.
///
/// Every page's context holds `site`, and serialising it per page (the authority's
/// details are most of it) took a fifth of the CPU of a build of 10,000 pages. A
/// rendering here borrows a serialised copy from a small pool (one copy per thread
/// that renders at once), moves it into the context without copying, and gives it
/// back afterwards: templates read exactly the value they read before.
pub(crate) struct SiteContext {
    value: Value,
    spare: Mutex<Vec<Value>>,
}

impl SiteContext {
    pub(crate) fn new(site: &SiteView<'_>) -> Self {
        SiteContext {
            value: tera::to_value(site).expect("the site view serialises"),
            spare: Mutex::new(Vec::new()),
        }
    }

    /// `template` rendered with `context` and `site`.
    pub(crate) fn render(
        &self,
        tera: &Tera,
        template: &str,
        context: Context,
    ) -> tera::Result<String> {
        let value = self
            .spare
            .lock()
            .expect("no rendering panics")
            .pop()
            .unwrap_or_else(|| self.value.clone());
        let mut full = Context::from_value(Value::Object(
            [("site".to_string(), value)].into_iter().collect(),
        ))
        .expect("an object is a context");
        full.extend(context);
        let html = tera.render(template, &full);
        if let Some(value) = full.remove("site") {
            self.spare.lock().expect("no rendering panics").push(value);
        }
        html
    }
}

fn footer_links(model: &Model) -> Vec<LinkView> {
    let authority = &model.config.authority;
    let has = |url: &str| model.by_url.contains_key(url);
    let about = has("/about/");
    let mut links = Vec::new();
    let mut add = |title: &str, path: String| {
        links.push(LinkView {
            title: title.to_string(),
            url: model.link(&path),
            path,
        });
    };
    if about {
        add("Сведения об управлении", "/about/".into());
    }
    if has("/documents/") {
        add("Документы", "/documents/".into());
    }
    if has("/opendata/") {
        add("Открытые данные", "/opendata/".into());
    }
    if about && authority.procurement.is_some() {
        add("Закупки", "/about/#procurement".into());
    }
    if about && authority.anti_corruption.is_some() {
        add(
            "Противодействие коррупции",
            "/about/#anti-corruption".into(),
        );
    }
    if about && authority.appeals.is_some() {
        add("Обращения граждан", "/about/#appeals".into());
    }
    if let Some(policy) = model.personal_data_policy() {
        add(
            "Политика обработки персональных данных",
            model.pages[policy].url.clone(),
        );
    }
    links
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct LinkView {
    pub(crate) title: String,
    /// Site path without the base path, to compare with `page.path`.
    pub(crate) path: String,
    /// The href.
    pub(crate) url: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct FileView {
    pub(crate) url: String,
    pub(crate) name: String,
    pub(crate) format: String,
    /// «1,2 МБ»
    pub(crate) size: String,
}

impl FileView {
    pub(crate) fn new(model: &Model, file: &AttachedFile) -> Self {
        FileView {
            url: model.link(&file.url),
            name: file.name.clone(),
            format: file.format.clone(),
            size: format_size(file.size),
        }
    }
}

/// A page as listed in a section or on the home page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SummaryView {
    pub(crate) title: String,
    pub(crate) description: Option<String>,
    pub(crate) path: String,
    pub(crate) url: String,
    pub(crate) placed: Option<DateView>,
    pub(crate) kind: Option<String>,
    pub(crate) number: Option<String>,
    pub(crate) approved: Option<DateView>,
}

impl SummaryView {
    pub(crate) fn new(model: &Model, page: &Page) -> Self {
        SummaryView {
            title: page.title.clone(),
            description: page.description.clone(),
            path: page.url.clone(),
            url: model.link(&page.url),
            placed: page.placed.map(DateView::new),
            kind: page.kind.clone(),
            number: page.number.clone(),
            approved: page.approved.map(DateView::new),
        }
    }
}

#[derive(Debug, Serialize)]
pub(crate) struct PageView<'a> {
    pub(crate) title: &'a str,
    pub(crate) description: Option<&'a str>,
    /// One line of plain text for `<meta name="description">` and Open Graph: the
    /// page's own description (clipped), or one made from what it shows.
    pub(crate) meta_description: Option<String>,
    pub(crate) path: &'a str,
    pub(crate) url: String,
    pub(crate) permalink: String,
    pub(crate) content: String,
    pub(crate) headings: Vec<Heading>,
    pub(crate) is_home: bool,
    pub(crate) is_section: bool,
    pub(crate) kind: Option<&'a str>,
    pub(crate) number: Option<&'a str>,
    pub(crate) approved: Option<DateView>,
    pub(crate) file: Option<FileView>,
    pub(crate) placed: Option<DateView>,
    pub(crate) updated: Option<DateView>,
    pub(crate) breadcrumbs: Vec<LinkView>,
    /// For a section: its pages, in the section's order.
    pub(crate) pages: Vec<SummaryView>,
    /// For a section: its subsections.
    pub(crate) sections: Vec<SummaryView>,
    /// RSS and Atom feeds of this section, or of the section this page is listed in.
    pub(crate) feeds: Vec<FeedView>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct FeedView {
    /// `application/rss+xml` or `application/atom+xml`.
    pub(crate) kind: &'static str,
    /// «RSS», «Atom»
    pub(crate) name: &'static str,
    pub(crate) url: String,
}

impl<'a> PageView<'a> {
    pub(crate) fn new(
        model: &'a Model,
        index: usize,
        content: String,
        headings: Vec<Heading>,
    ) -> Self {
        let page = &model.pages[index];
        let children = model.children.get(&index);
        let summaries = |list: Option<&Vec<usize>>| -> Vec<SummaryView> {
            list.map(|l| {
                l.iter()
                    .map(|&i| SummaryView::new(model, &model.pages[i]))
                    .collect()
            })
            .unwrap_or_default()
        };
        PageView {
            title: &page.title,
            description: page.description.as_deref(),
            meta_description: page.description.as_deref().map(super::describe::clip),
            path: &page.url,
            url: model.link(&page.url),
            permalink: model.permalink(&page.url),
            content,
            headings,
            is_home: page.url == "/",
            is_section: page.is_section,
            kind: page.kind.as_deref(),
            number: page.number.as_deref(),
            approved: page.approved.map(DateView::new),
            file: page.attached.as_ref().map(|f| FileView::new(model, f)),
            placed: page.placed.map(DateView::new),
            updated: page.updated.map(DateView::new),
            breadcrumbs: model
                .ancestors(index)
                .into_iter()
                .map(|i| LinkView {
                    title: model.pages[i].title.clone(),
                    path: model.pages[i].url.clone(),
                    url: model.link(&model.pages[i].url),
                })
                .collect(),
            pages: summaries(children.map(|c| &c.pages)),
            sections: summaries(children.map(|c| &c.sections)),
            feeds: model
                .feeds(index)
                .or_else(|| {
                    let parent = *model.ancestors(index).last()?;
                    model.feeds(parent)
                })
                .map(|feeds| {
                    feeds
                        .into_iter()
                        .map(|(kind, path)| FeedView {
                            kind,
                            name: if kind.contains("rss") { "RSS" } else { "Atom" },
                            url: model.link(&path),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

impl PageView<'static> {
    /// The page a static host shows for an unknown address (`404.html`).
    pub(crate) fn not_found(model: &Model) -> Self {
        PageView {
            title: "Страница не найдена",
            description: None,
            meta_description: None,
            path: "/404.html",
            url: model.link("/404.html"),
            permalink: model.permalink("/404.html"),
            content: String::new(),
            headings: Vec::new(),
            is_home: false,
            is_section: false,
            kind: None,
            number: None,
            approved: None,
            file: None,
            placed: None,
            updated: None,
            breadcrumbs: Vec::new(),
            pages: Vec::new(),
            sections: Vec::new(),
            feeds: Vec::new(),
        }
    }
}

/// «830 байт», «12 КБ», «1,2 МБ»: the way Russian sites state a file's size.
pub(crate) fn format_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} байт")
    } else if b < KB * KB {
        format!("{} КБ", (b / KB).round())
    } else {
        format!("{:.1} МБ", b / KB / KB).replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_sizes_the_russian_way() {
        assert_eq!(format_size(830), "830 байт");
        assert_eq!(format_size(12 * 1024 + 300), "12 КБ");
        assert_eq!(format_size(1_258_291), "1,2 МБ");
    }

    #[test]
    fn formats_dates_three_ways() {
        let view = DateView::new(NaiveDate::from_ymd_opt(2025, 9, 1).unwrap());
        assert_eq!(view.iso, "2025-09-01");
        assert_eq!(view.text, "1 сентября 2025 г.");
        assert_eq!(view.short, "01.09.2025");
    }
}
