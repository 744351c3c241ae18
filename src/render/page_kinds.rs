//! One table from a page's kind to its template: the model says what a page is
//! (`PageData`), render decides how it looks. A page may name another template in
//! its front matter; a page of the site's own text gets the template of where it
//! stands (`contexts::template_of`).
//!
//! A leaf: the page modules that render filtered views of a list page ask it for the
//! list's template without importing the router.

use crate::model::{Page, PageData};

/// The address of the settings of the version for the visually impaired: a page of
/// text with a template of its own.
const SPECIAL_URL: &str = "/special/";

/// The template of a kind of page made from data; `None` for a page of text.
pub(crate) fn kind_template(data: PageData) -> Option<&'static str> {
    Some(match data {
        PageData::Markdown => return None,
        PageData::PlanList => "plans.html",
        PageData::Plan(_) => "plan.html",
        PageData::IndicatorList => "indicators.html",
        PageData::Direction(_) => "direction.html",
        PageData::Indicator(_) => "indicator.html",
        PageData::OrgList => "orgs.html",
        PageData::Org(_) => "org.html",
        PageData::Authority => "authority.html",
        PageData::DocumentList => "documents.html",
        PageData::OpenDataList => "opendata.html",
        PageData::OpenDataSet(_) => "opendata_set.html",
        PageData::CycleMatrix => "msoko.html",
        PageData::Cycle(_) => "cycle.html",
        PageData::Search => "search.html",
        PageData::ObjectivityList => "objectivity_list.html",
        PageData::Objectivity(_) | PageData::ObjectivityPart(..) => "objectivity.html",
        PageData::ShnorList => "shnor_list.html",
        PageData::Shnor(_) => "shnor.html",
    })
}

/// The template a page names, else the one of its kind (`special.html` for the
/// page at [`SPECIAL_URL`]); `None` for a page of text that names none.
pub(crate) fn named_or_kind(page: &Page) -> Option<String> {
    let special =
        (page.data == PageData::Markdown && page.url == SPECIAL_URL).then_some("special.html");
    page.template
        .clone()
        .or_else(|| kind_template(page.data).or(special).map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_text_has_no_kind_template_and_a_named_one_wins() {
        let mut page = Page::generated(
            "plans/_index.md",
            "data/plans".into(),
            "Планы".into(),
            (None, None),
            PageData::PlanList,
        );
        assert_eq!(named_or_kind(&page).as_deref(), Some("plans.html"));
        page.template = Some("my_plans.html".into());
        assert_eq!(named_or_kind(&page).as_deref(), Some("my_plans.html"));
        page.template = None;
        page.data = PageData::Markdown;
        assert_eq!(named_or_kind(&page), None);
        page.url = SPECIAL_URL.into();
        assert_eq!(named_or_kind(&page).as_deref(), Some("special.html"));
    }
}
