//! «Сведения об органе» (`/about/`): the details of `site.yaml` `authority:` in the
//! order of Федеральный закон № 8-ФЗ, ст. 13, with the subordinate organisations from
//! the register.

use serde::Serialize;

use super::documents::citation;
use super::views::{DateView, LinkView};
use crate::config::{Authority, DocumentLink};
use crate::model::paths;
use crate::model::Model;

#[derive(Debug, Serialize)]
pub(super) struct AuthorityView<'a> {
    /// The plain fields, as written.
    details: &'a Authority,
    power_acts: Vec<LinkView>,
    programs: Vec<LinkView>,
    /// The lists of 8-ФЗ ст. 13 items named by their `authority:` key (`regulations`,
    /// `events`, `vacancies.competitions` …): `None` when the key is absent, an empty
    /// list when the site says there is none.
    entries: std::collections::BTreeMap<&'static str, Option<Vec<EntryView>>>,
    inspections: Vec<InspectionView<'a>>,
    vacancies: Vec<VacancyView<'a>>,
    appeals_page: Option<LinkView>,
    appeals_reviews: Option<LinkView>,
    orgs: Vec<OrgRow<'a>>,
    orgs_url: String,
    documents_url: Option<String>,
    /// п. 2 «в»: the body's page in the unified procurement system.
    procurement: Option<ProcurementView>,
    /// 152-ФЗ ст. 18.1 ч. 2: the personal-data processing policy.
    personal_data_policy: Option<LinkView>,
    /// Drafts of acts in the registry (status «проект»).
    drafts: Vec<LinkView>,
    /// `/opendata/` and how many sets it has.
    open_data: Option<OpenDataLink>,
}

#[derive(Debug, Serialize)]
struct ProcurementView {
    title: String,
    url: String,
    checked: Option<DateView>,
}

#[derive(Debug, Serialize)]
struct OpenDataLink {
    url: String,
    count: usize,
}

#[derive(Debug, Serialize)]
struct SocialView<'a> {
    title: &'a str,
    url: &'a str,
}

/// One item of a dated list: a link (or a bare title) and its day.
#[derive(Debug, Serialize)]
struct EntryView {
    link: LinkView,
    date: Option<DateView>,
}

#[derive(Debug, Serialize)]
struct InspectionView<'a> {
    date: DateView,
    body: &'a str,
    subject: &'a str,
    result: &'a str,
    document: Option<LinkView>,
}

#[derive(Debug, Serialize)]
struct VacancyView<'a> {
    position: &'a str,
    requirements: Option<&'a str>,
    conditions: Option<&'a str>,
    until: Option<DateView>,
}

#[derive(Debug, Serialize)]
struct OrgRow<'a> {
    name: &'a str,
    url: String,
    address: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    site: Option<&'a str>,
    head: Option<&'a str>,
    functions: Option<&'a str>,
    social: Vec<SocialView<'a>>,
}

pub(super) fn authority_view(model: &Model) -> AuthorityView<'_> {
    let details = &model.config.authority;
    let page_link = |written: &str| -> Option<LinkView> {
        let index = model.page_named(written)?;
        let page = &model.pages[index];
        let title = if model.documents.of_page(index).is_some() {
            citation(model, index)
        } else {
            page.title.clone()
        };
        Some(LinkView {
            title,
            path: page.url.clone(),
            url: model.link(&page.url),
        })
    };
    let document_link = |link: &DocumentLink| -> Option<LinkView> {
        match (link.site_page(), &link.url) {
            (Some(written), _) => page_link(written).map(|mut found| {
                if let Some(title) = &link.title {
                    found.title = title.0.clone();
                }
                found
            }),
            (None, Some(url)) => Some(LinkView {
                title: link
                    .title
                    .as_ref()
                    .map_or_else(|| url.clone(), |t| t.0.clone()),
                path: url.clone(),
                url: url.clone(),
            }),
            (None, None) => link.title.as_ref().map(|title| LinkView {
                title: title.0.clone(),
                path: String::new(),
                url: String::new(),
            }),
        }
    };
    let appeals = details.appeals.as_ref();
    let vacancies = details.vacancies.as_ref();
    let lists = [
        ("regulations", details.regulations.as_ref()),
        ("forms", details.forms.as_ref()),
        ("challenge", details.challenge.as_ref()),
        ("events", details.events.as_ref()),
        ("speeches", details.speeches.as_ref()),
        ("budget", details.budget.as_ref()),
        ("anti_corruption", details.anti_corruption.as_ref()),
        (
            "qualifications",
            vacancies.and_then(|v| v.qualifications.as_ref()),
        ),
        (
            "competitions",
            vacancies.and_then(|v| v.competitions.as_ref()),
        ),
    ];
    let entries = lists
        .into_iter()
        .map(|(key, list)| {
            let views = list.map(|list| {
                let mut views: Vec<EntryView> = list
                    .iter()
                    .filter_map(|link| {
                        Some(EntryView {
                            link: document_link(link)?,
                            date: link.date.map(|d| DateView::new(d.0)),
                        })
                    })
                    .collect();
                // newest first; undated items keep their written order at the end
                views.sort_by(|a, b| {
                    let key = |e: &EntryView| e.date.as_ref().map(|d| d.iso.clone());
                    key(b).cmp(&key(a))
                });
                views
            });
            (key, views)
        })
        .collect();
    AuthorityView {
        entries,
        details,
        power_acts: details
            .powers
            .iter()
            .flat_map(|p| &p.acts)
            .filter_map(document_link)
            .collect(),
        programs: details
            .programs
            .iter()
            .flatten()
            .filter_map(document_link)
            .collect(),
        inspections: details
            .inspections
            .iter()
            .flatten()
            .map(|i| InspectionView {
                date: DateView::new(i.date.0),
                body: &i.body.0,
                subject: &i.subject.0,
                result: &i.result.0,
                document: i.document.as_deref().and_then(page_link),
            })
            .collect(),
        vacancies: details
            .vacancies
            .iter()
            .flat_map(|v| &v.list)
            .map(|v| VacancyView {
                position: &v.position.0,
                requirements: v.requirements.as_ref().map(|t| t.0.as_str()),
                conditions: v.conditions.as_ref().map(|t| t.0.as_str()),
                until: v.until.map(|d| DateView::new(d.0)),
            })
            .collect(),
        appeals_page: appeals.and_then(|a| a.page.as_deref()).and_then(page_link),
        appeals_reviews: appeals
            .and_then(|a| a.reviews.as_deref())
            .and_then(page_link),
        orgs: model
            .register
            .organizations
            .iter()
            .map(|org| OrgRow {
                name: &org.name,
                url: model.link(&paths::org(&org.id)),
                address: org.address.as_deref(),
                phone: org.phone.as_deref(),
                email: org.email.as_deref(),
                site: org.site.as_deref(),
                head: org.head.as_deref(),
                functions: org.functions.as_deref(),
                social: org
                    .social
                    .iter()
                    .flatten()
                    .map(|(title, url)| SocialView { title, url })
                    .collect(),
            })
            .collect(),
        orgs_url: model.link("/orgs/"),
        documents_url: model
            .by_url
            .contains_key("/documents/")
            .then(|| model.link("/documents/")),
        procurement: details.procurement.as_ref().map(|p| ProcurementView {
            title: p.title.as_ref().map_or_else(
                || "Закупки управления в единой информационной системе в сфере закупок".into(),
                |t| t.0.clone(),
            ),
            url: p.url.clone(),
            checked: p.checked.map(|d| DateView::new(d.0)),
        }),
        personal_data_policy: model.personal_data_policy().map(|i| LinkView {
            title: model.pages[i].title.clone(),
            path: model.pages[i].url.clone(),
            url: model.link(&model.pages[i].url),
        }),
        drafts: model
            .documents
            .list
            .iter()
            .filter(|d| d.status == crate::model::DocumentStatus::Draft)
            .map(|d| LinkView {
                title: model.pages[d.page].title.clone(),
                path: model.pages[d.page].url.clone(),
                url: model.link(&model.pages[d.page].url),
            })
            .collect(),
        open_data: model
            .by_url
            .contains_key("/opendata/")
            .then(|| OpenDataLink {
                url: model.link("/opendata/"),
                count: model.open_data.len(),
            }),
    }
}
