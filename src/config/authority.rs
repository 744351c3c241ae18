//! `site.yaml` `authority:` — what Федеральный закон № 8-ФЗ, ст. 13, requires a local
//! self-government body to publish about itself.
//!
//! A list key that is absent means "not filled in" (a finding of `msoko check`); an
//! empty list means "there is none" (`media: []` — the department founded no media).

use crate::tr;
use serde::{Deserialize, Serialize};

use crate::yaml::{Date, Text};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Authority {
    pub(crate) full_name: Text,
    pub(crate) short_name: Text,
    #[serde(default)]
    pub(crate) address: Option<Text>,
    #[serde(default)]
    pub(crate) phone: Option<Text>,
    #[serde(default)]
    pub(crate) email: Option<Text>,
    #[serde(default)]
    pub(crate) schedule: Option<Text>,
    #[serde(default)]
    pub(crate) inn: Option<Text>,
    #[serde(default)]
    pub(crate) ogrn: Option<Text>,
    #[serde(default)]
    pub(crate) head: Option<Person>,
    /// Справочные телефоны besides the main one.
    #[serde(default)]
    pub(crate) phones: Option<Vec<Phone>>,
    #[serde(default)]
    pub(crate) deputies: Option<Vec<Person>>,
    #[serde(default)]
    pub(crate) subdivisions: Option<Vec<Subdivision>>,
    #[serde(default)]
    pub(crate) powers: Option<Powers>,
    /// Information systems, registers and data banks the body keeps.
    #[serde(default)]
    pub(crate) information_systems: Option<Vec<InformationSystem>>,
    /// Mass media the body founded.
    #[serde(default)]
    pub(crate) media: Option<Vec<Media>>,
    /// Official pages in social networks.
    #[serde(default)]
    pub(crate) social: Option<Vec<SocialPage>>,
    #[serde(default)]
    pub(crate) appeals: Option<Appeals>,
    #[serde(default)]
    pub(crate) vacancies: Option<Vacancies>,
    /// Inspections of the body and by it, with their results.
    #[serde(default)]
    pub(crate) inspections: Option<Vec<Inspection>>,
    /// Targeted and other programmes the body takes part in.
    #[serde(default)]
    pub(crate) programs: Option<Vec<DocumentLink>>,
    /// п. 2 «г»: administrative regulations and standards of municipal services.
    #[serde(default)]
    pub(crate) regulations: Option<Vec<DocumentLink>>,
    /// п. 2 «д»: the established forms of appeals, applications and other documents.
    #[serde(default)]
    pub(crate) forms: Option<Vec<DocumentLink>>,
    /// п. 2 «е»: how the body's acts and decisions are challenged.
    #[serde(default)]
    pub(crate) challenge: Option<Vec<DocumentLink>>,
    /// п. 3: events, official visits and working trips of the heads.
    #[serde(default)]
    pub(crate) events: Option<Vec<DocumentLink>>,
    /// п. 6: texts of official speeches and statements of the head and deputies.
    #[serde(default)]
    pub(crate) speeches: Option<Vec<DocumentLink>>,
    /// п. 7 «б»: how the allotted budget funds are used.
    #[serde(default)]
    pub(crate) budget: Option<Vec<DocumentLink>>,
    #[serde(default)]
    pub(crate) open_data: Option<OpenDataSettings>,
    /// п. 2 «в»: the authority's page in the unified procurement system (ЕИС, 44-ФЗ).
    #[serde(default)]
    pub(crate) procurement: Option<Procurement>,
    /// 152-ФЗ ст. 18.1 ч. 2: the page of the personal-data processing policy
    /// (`documents/politika-pd`).
    #[serde(default)]
    pub(crate) personal_data_policy: Option<String>,
    /// How drafts of the body's acts are put to public discussion (where, how long,
    /// where remarks go), for when no draft is on discussion.
    #[serde(default)]
    pub(crate) public_discussion: Option<Text>,
    /// «Противодействие коррупции»: acts, plans, reports and links of the section.
    #[serde(default)]
    pub(crate) anti_corruption: Option<Vec<DocumentLink>>,
    /// `MM-DD`: the day by which last year's итоговый отчёт (доклад) must be out.
    #[serde(default)]
    pub(crate) report_deadline: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Person {
    pub(crate) name: Text,
    pub(crate) position: Text,
    #[serde(default)]
    pub(crate) phone: Option<Text>,
    #[serde(default)]
    pub(crate) email: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Phone {
    pub(crate) title: Text,
    pub(crate) number: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Subdivision {
    pub(crate) name: Text,
    #[serde(default)]
    pub(crate) head: Option<Person>,
    #[serde(default)]
    pub(crate) phone: Option<Text>,
    #[serde(default)]
    pub(crate) email: Option<Text>,
    #[serde(default)]
    pub(crate) room: Option<Text>,
    #[serde(default)]
    pub(crate) tasks: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Powers {
    #[serde(default)]
    pub(crate) items: Vec<Text>,
    /// The laws and acts that define the powers.
    #[serde(default)]
    pub(crate) acts: Vec<DocumentLink>,
}

/// An act, programme, event or text: a document of this site (`document: documents/…`),
/// another page of this site (`page: news/…`), or its title with an outside address
/// (`url:`) when it has one; `date` when the item has a day (an event, a speech).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocumentLink {
    #[serde(default)]
    pub(crate) title: Option<Text>,
    #[serde(default)]
    pub(crate) date: Option<Date>,
    #[serde(default)]
    pub(crate) url: Option<String>,
    #[serde(default)]
    pub(crate) document: Option<String>,
    #[serde(default)]
    pub(crate) page: Option<String>,
}

impl DocumentLink {
    /// The page of this site it names, if any.
    pub(crate) fn site_page(&self) -> Option<&str> {
        self.document.as_deref().or(self.page.as_deref())
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InformationSystem {
    pub(crate) title: Text,
    #[serde(default)]
    pub(crate) purpose: Option<Text>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Media {
    pub(crate) title: Text,
    #[serde(default)]
    pub(crate) url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SocialPage {
    pub(crate) title: Text,
    pub(crate) url: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Appeals {
    /// The official responsible for receiving appeals.
    #[serde(default)]
    pub(crate) official: Option<Person>,
    #[serde(default)]
    pub(crate) phone: Option<Text>,
    #[serde(default)]
    pub(crate) email: Option<Text>,
    #[serde(default)]
    pub(crate) address: Option<Text>,
    /// Часы приёма.
    #[serde(default)]
    pub(crate) hours: Option<Text>,
    /// The page describing the procedure.
    #[serde(default)]
    pub(crate) page: Option<String>,
    /// The page with reviews of appeals (обзоры обращений).
    #[serde(default)]
    pub(crate) reviews: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Vacancies {
    #[serde(default)]
    pub(crate) phone: Option<Text>,
    /// How one enters the municipal service.
    #[serde(default)]
    pub(crate) procedure: Option<Text>,
    /// Open positions; empty means there are none.
    #[serde(default)]
    pub(crate) list: Vec<Vacancy>,
    /// п. 8 «в»: qualification requirements for the positions (the act or page).
    #[serde(default)]
    pub(crate) qualifications: Option<Vec<DocumentLink>>,
    /// п. 8 «г»: conditions and results of competitions; `[]` — none were held.
    #[serde(default)]
    pub(crate) competitions: Option<Vec<DocumentLink>>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Vacancy {
    pub(crate) position: Text,
    #[serde(default)]
    pub(crate) requirements: Option<Text>,
    #[serde(default)]
    pub(crate) conditions: Option<Text>,
    #[serde(default)]
    pub(crate) until: Option<Date>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Inspection {
    pub(crate) date: Date,
    /// Who inspected.
    pub(crate) body: Text,
    pub(crate) subject: Text,
    pub(crate) result: Text,
    #[serde(default)]
    pub(crate) document: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OpenDataSettings {
    pub(crate) license: Text,
    #[serde(default)]
    pub(crate) license_url: Option<String>,
    /// The official answering for the data sets.
    #[serde(default)]
    pub(crate) responsible: Option<Person>,
}

/// Where the body's purchases are published: its page in the unified procurement
/// system, and the day someone last opened it to see that it still works.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Procurement {
    pub(crate) url: String,
    #[serde(default)]
    pub(crate) title: Option<Text>,
    #[serde(default)]
    pub(crate) checked: Option<Date>,
}

impl Authority {
    /// The day (month, day) by which last year's report must be published; 25 October
    /// unless `report_deadline` says otherwise.
    pub(crate) fn report_deadline(&self) -> (u32, u32) {
        self.report_deadline
            .as_deref()
            .and_then(parse_month_day)
            .unwrap_or((10, 25))
    }

    /// Every list of links, with its key, for validation and references.
    pub(crate) fn link_lists(&self) -> Vec<(&'static str, &[DocumentLink])> {
        let mut lists: Vec<(&'static str, &[DocumentLink])> = Vec::new();
        if let Some(powers) = &self.powers {
            lists.push(("powers.acts", &powers.acts));
        }
        let optional = [
            ("programs", &self.programs),
            ("regulations", &self.regulations),
            ("forms", &self.forms),
            ("challenge", &self.challenge),
            ("events", &self.events),
            ("speeches", &self.speeches),
            ("budget", &self.budget),
            ("anti_corruption", &self.anti_corruption),
        ];
        for (key, list) in optional {
            if let Some(list) = list {
                lists.push((key, list));
            }
        }
        if let Some(vacancies) = &self.vacancies {
            for (key, list) in [
                ("vacancies.qualifications", &vacancies.qualifications),
                ("vacancies.competitions", &vacancies.competitions),
            ] {
                if let Some(list) = list {
                    lists.push((key, list));
                }
            }
        }
        lists
    }

    /// Every outside address typed into the authority's details, with the field it
    /// is in (`social.url`), to be checked before it becomes a link.
    pub(crate) fn outside_addresses(&self) -> Vec<(String, &str)> {
        let mut found: Vec<(String, &str)> = Vec::new();
        for (key, list) in self.link_lists() {
            found.extend(
                list.iter()
                    .filter_map(|l| l.url.as_deref())
                    .map(|url| (format!("{key}.url"), url)),
            );
        }
        for media in self.media.iter().flatten() {
            found.extend(
                media
                    .url
                    .as_deref()
                    .map(|url| ("media.url".to_string(), url)),
            );
        }
        for page in self.social.iter().flatten() {
            found.push(("social.url".to_string(), page.url.as_str()));
        }
        if let Some(open_data) = &self.open_data {
            found.extend(
                open_data
                    .license_url
                    .as_deref()
                    .map(|url| ("open_data.license_url".to_string(), url)),
            );
        }
        found
    }

    /// Every `document:`/`page:` reference with the text to find its line by.
    pub(crate) fn document_references(&self) -> Vec<&str> {
        let mut found: Vec<&str> = Vec::new();
        let links = self.link_lists().into_iter().flat_map(|(_, list)| list);
        found.extend(links.filter_map(DocumentLink::site_page));
        found.extend(
            self.inspections
                .iter()
                .flatten()
                .filter_map(|i| i.document.as_deref()),
        );
        if let Some(appeals) = &self.appeals {
            found.extend(appeals.page.as_deref());
            found.extend(appeals.reviews.as_deref());
        }
        found.extend(self.personal_data_policy.as_deref());
        // A blank reference names no page: the checklist says it is missing.
        found.retain(|written| !written.trim().is_empty());
        found
    }
}

fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let (month, day) = text.trim().split_once('-')?;
    let (month, day) = (month.parse().ok()?, day.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(2024, month, day).map(|_| (month, day))
}

/// Checks what serde cannot: links name either a page or an address, the deadline is
/// a day of the year.
pub(super) fn validate(
    authority: &Authority,
    positions: &crate::yaml::Positions,
    file: &std::path::Path,
) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::Diagnostic;
    let mut problems = Vec::new();
    if let Some(deadline) = &authority.report_deadline {
        if parse_month_day(deadline).is_none() {
            problems.push(
                Diagnostic::error(file, tr!("report_deadline «{deadline}» — не день года", "report_deadline “{deadline}” is not a day of the year"))
                    .at_line(positions.line("authority.report_deadline").unwrap_or(1))
                    .hint(
                        tr!("укажите месяц и день через дефис: report_deadline: \"10-25\" (25 октября)", "give the month and the day with a hyphen: report_deadline: \"10-25\" (25 October)"),
                    ),
            );
        }
    }
    for (field, url) in authority.outside_addresses() {
        if let Some(d) = crate::url::check_data_field(&field, url, file) {
            let at = positions.find("authority", url);
            problems.push(d.at_line(at.map_or(1, |at| at.line)));
        }
    }
    let links = authority.link_lists().into_iter().flat_map(|(key, list)| {
        list.iter()
            .enumerate()
            .map(move |(i, link)| (format!("authority.{key}[{i}]"), link))
    });
    for (path, link) in links {
        let shown = link
            .title
            .as_ref()
            .map(|t| t.0.clone())
            .or_else(|| link.url.clone())
            .or_else(|| link.site_page().map(str::to_string))
            .unwrap_or_default();
        let targets = [
            link.url.is_some(),
            link.document.is_some(),
            link.page.is_some(),
        ];
        let problem = match (targets.iter().filter(|t| **t).count(), &link.title) {
            (2.., _) => Some((
                "указано больше одного из url, document, page — нужно что-то одно",
                "more than one of url, document, page is given; give just one",
            )),
            (0, None) => Some((
                "не указано ни название (title), ни страница сайта (document или page)",
                "neither a title (title) nor a page of the site (document or page) is given",
            )),
            (1, None) if link.url.is_some() => Some((
                "у ссылки на внешний документ нет названия (title)",
                "the link to an outside document has no title (title)",
            )),
            _ => None,
        };
        if let Some((problem, problem_en)) = problem {
            // The line of what the message names, else where the entry starts.
            let line = positions
                .find(&path, &shown)
                .map(|at| at.line)
                .or_else(|| positions.line(&path))
                .unwrap_or(1);
            problems.push(
                Diagnostic::error(file, tr!("документ «{shown}»: {problem}", "document “{shown}”: {problem_en}"))
                    .at_line(line)
                    .hint(crate::diagnostic::Message::text("документ сайта: {document: documents/prikaz-148}; другая страница сайта: {page: news/…}; внешний: {title: \"Федеральный закон …\", url: \"http://pravo.gov.ru/…\"}", "a document of the site: {document: documents/prikaz-148}; another page of the site: {page: news/…}; an outside one: {title: \"Федеральный закон …\", url: \"http://pravo.gov.ru/…\"}")),
            );
        }
    }
    problems
}
