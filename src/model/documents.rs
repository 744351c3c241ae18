//! The registry of acts: every page with `kind: document`, with its status decided by
//! the acts that amend or cancel it, and the plans it approves.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::{Page, Plan};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::tr;

/// The value of `kind:` that makes a page an act of the registry.
pub(crate) const DOCUMENT_KIND: &str = "document";

/// The value of `kind:` of a report (доклад); with `approved_by:` it is in the
/// registry too, as an official document.
pub(crate) const REPORT_KIND: &str = "report";

/// The kind of act the registry gives a report.
pub(crate) const REPORT_ACT: &str = "доклад";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DocumentStatus {
    /// Действует.
    Active,
    /// Действует с изменениями.
    Amended,
    /// Утратил силу.
    Cancelled,
    /// Проект: a draft on public discussion, not yet signed.
    Draft,
}

impl DocumentStatus {
    pub(crate) fn slug(self) -> &'static str {
        match self {
            DocumentStatus::Active => "active",
            DocumentStatus::Amended => "amended",
            DocumentStatus::Cancelled => "cancelled",
            DocumentStatus::Draft => "draft",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            DocumentStatus::Active => "действует",
            DocumentStatus::Amended => "действует с изменениями",
            DocumentStatus::Cancelled => "утратил силу",
            DocumentStatus::Draft => "проект",
        }
    }

    pub(crate) const ALL: [DocumentStatus; 4] = [
        DocumentStatus::Active,
        DocumentStatus::Amended,
        DocumentStatus::Cancelled,
        DocumentStatus::Draft,
    ];
}

#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// Index in `Model::pages`.
    pub(crate) page: usize,
    /// «приказ»; «документ» when the page does not say.
    pub(crate) act: String,
    /// Year of the act (its approval date, else its placement).
    pub(crate) year: Option<i32>,
    pub(crate) status: DocumentStatus,
    /// Pages of the acts this one amends / cancels, and of those amending / cancelling it.
    pub(crate) amends: Vec<usize>,
    pub(crate) cancels: Vec<usize>,
    pub(crate) amended_by: Vec<usize>,
    pub(crate) cancelled_by: Vec<usize>,
    /// Plans (by index in `Model::plans`) approved by this act.
    pub(crate) approves_plans: Vec<usize>,
    /// A report: the page of the act that approved it.
    pub(crate) approved_by: Option<usize>,
    /// Reports (pages) approved by this act.
    pub(crate) approves_reports: Vec<usize>,
}

/// Every act of the site, newest first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Documents {
    pub(crate) list: Vec<Document>,
    /// Index in `list` by page index.
    pub(crate) by_page: BTreeMap<usize, usize>,
}

impl Documents {
    pub(crate) fn of_page(&self, page: usize) -> Option<&Document> {
        self.by_page.get(&page).map(|&i| &self.list[i])
    }

    /// The kinds of acts present, in alphabetical order.
    pub(crate) fn kinds(&self) -> Vec<&str> {
        let mut kinds: Vec<&str> = self.list.iter().map(|d| d.act.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }
}

/// Builds the registry from the pages, which must already be sorted and indexed.
pub(crate) fn resolve_documents(
    pages: &[Page],
    by_url: &BTreeMap<String, usize>,
    plans: &[Plan],
    as_of: chrono::NaiveDate,
    diagnostics: &mut Diagnostics,
) -> Documents {
    let mut list = document_entries(pages, by_url);
    for document in &mut list {
        link_document(document, pages, by_url, diagnostics);
    }
    let by_page: BTreeMap<usize, usize> =
        list.iter().enumerate().map(|(i, d)| (d.page, i)).collect();
    link_targets(&mut list, &by_page);
    super::document_checks::check_acts(pages, &list, as_of, diagnostics);
    for (plan_index, plan) in plans.iter().enumerate() {
        let Some(reference) = plan.approved.as_ref().and_then(|a| a.document.as_ref()) else {
            continue;
        };
        if let Some(&doc) = by_url.get(&reference.url).and_then(|p| by_page.get(p)) {
            list[doc].approves_plans.push(plan_index);
            check_plan_approval(plan, &pages[list[doc].page], diagnostics);
        }
    }
    for document in &mut list {
        let order = |p: &usize| (pages[*p].approved, pages[*p].url.clone());
        document.amended_by.sort_by_key(order);
        document.cancelled_by.sort_by_key(order);
    }
    let list = registry_order(&list, pages);
    let by_page = list.iter().enumerate().map(|(i, d)| (d.page, i)).collect();
    Documents { list, by_page }
}

/// An entry of the registry for each page that is an act (or a report approved by
/// one), its links still empty.
fn document_entries(pages: &[Page], by_url: &BTreeMap<String, usize>) -> Vec<Document> {
    let is_document = |i: usize| {
        pages[i].kind.as_deref() == Some(DOCUMENT_KIND)
            || pages[i].kind.as_deref() == Some(REPORT_KIND) && pages[i].approved_by.is_some()
    };
    pages
        .iter()
        .enumerate()
        .filter(|&(i, _)| is_document(i) && by_url.get(&pages[i].url) == Some(&i))
        .map(|(i, page)| Document {
            page: i,
            act: if page.kind.as_deref() == Some(REPORT_KIND) {
                REPORT_ACT.into()
            } else {
                page.act.clone().unwrap_or_else(|| "документ".into())
            },
            year: page.approved.or(page.placed).map(|d| d.year()),
            status: if page.discussion.is_some() {
                DocumentStatus::Draft
            } else {
                DocumentStatus::Active
            },
            amends: Vec::new(),
            cancels: Vec::new(),
            amended_by: Vec::new(),
            cancelled_by: Vec::new(),
            approves_plans: Vec::new(),
            approved_by: None,
            approves_reports: Vec::new(),
        })
        .collect()
}

/// Resolves what a document's page says it amends, cancels and is approved by, and
/// warns of an act without a date.
fn link_document(
    document: &mut Document,
    pages: &[Page],
    by_url: &BTreeMap<String, usize>,
    diagnostics: &mut Diagnostics,
) {
    let page = &pages[document.page];
    document.amends = resolve_links(page, "amends", &page.amends, pages, by_url, diagnostics);
    document.cancels = resolve_links(page, "cancels", &page.cancels, pages, by_url, diagnostics);
    if let Some(written) = &page.approved_by {
        document.approved_by = resolve_links(
            page,
            "approved_by",
            std::slice::from_ref(written),
            pages,
            by_url,
            diagnostics,
        )
        .first()
        .copied();
    }
    // A draft is not signed yet; a report takes its date from its act.
    if page.approved.is_none()
        && document.status != DocumentStatus::Draft
        && page.approved_by.is_none()
    {
        diagnostics.push(
            Diagnostic::warning(
                &page.file,
                tr!(
                    "у документа нет даты (approved)",
                    "the act has no date (approved)"
                ),
            )
            .at_line(page.key_line("title"))
            .hint(tr!(
                "добавьте дату документа: approved: 2025-08-29",
                "add the act's date: approved: 2025-08-29"
            )),
        );
    }
}

/// Writes each link on its target too: the reports an act approves, the acts that
/// amend or cancel it, and the status those give it.
fn link_targets(list: &mut [Document], by_page: &BTreeMap<usize, usize>) {
    let links: Vec<(usize, usize, bool)> = list
        .iter()
        .flat_map(|d| {
            let amends = d.amends.iter().map(move |&t| (d.page, t, false));
            amends.chain(d.cancels.iter().map(move |&t| (d.page, t, true)))
        })
        .collect();
    let reports: Vec<(usize, usize)> = list
        .iter()
        .filter_map(|d| Some((d.page, d.approved_by?)))
        .collect();
    for (report, act) in reports {
        if let Some(&target) = by_page.get(&act) {
            list[target].approves_reports.push(report);
        }
    }
    for (from, to, cancels) in links {
        if let Some(&target) = by_page.get(&to) {
            let target = &mut list[target];
            if cancels {
                target.cancelled_by.push(from);
                target.status = DocumentStatus::Cancelled;
            } else {
                target.amended_by.push(from);
                if target.status == DocumentStatus::Active {
                    target.status = DocumentStatus::Amended;
                }
            }
        }
    }
}

/// The registry newest first, as a registry reads.
fn registry_order(list: &[Document], pages: &[Page]) -> Vec<Document> {
    // Newest first, as a registry reads; the same date falls back to the number.
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by_cached_key(|&i| {
        let page = &pages[list[i].page];
        // A report stands under the date of the act that approved it.
        let date = list[i]
            .approved_by
            .and_then(|a| pages[a].approved)
            .or(page.approved)
            .or(page.placed);
        (
            std::cmp::Reverse(date),
            page.number.clone(),
            page.url.clone(),
        )
    });
    order.into_iter().map(|i| list[i].clone()).collect()
}

/// A plan names its approving act twice: in `approved:` and by the act's page. The
/// number and the date must agree, or one of them is a typo that would be published.
fn check_plan_approval(plan: &Plan, act: &Page, diagnostics: &mut Diagnostics) {
    let Some(approved) = &plan.approved else {
        return;
    };
    let normal = |n: &str| {
        n.trim()
            .trim_start_matches('№')
            .trim()
            .to_lowercase()
            .replace(' ', "")
    };
    if let Some(number) = &act.number {
        if normal(number) != normal(&approved.number) {
            let (line, column) = approved.number_at;
            diagnostics.push(
                Diagnostic::error(
                    &plan.file,
                    tr!(format!("номер утвердившего акта «{}» не совпадает с номером на странице документа {}: «{number}»",
                        approved.number,
                        act.file.display()
                    ), format!("the number of the approving act “{}” differs from the number on the act's page {}: “{number}”",
                        approved.number,
                        act.file.display()
                    )),
                )
                .at(line, column)
                .hint(tr!("номер один и тот же в approved плана и в number документа: исправьте тот, что с ошибкой", "the number must be the same in the plan's approved and the act's number: correct the wrong one")),
            );
        }
    }
    if let Some(date) = act.approved {
        if date != approved.date {
            let (line, column) = approved.date_at;
            diagnostics.push(
                Diagnostic::error(
                    &plan.file,
                    tr!(format!("дата утвердившего акта {} не совпадает с датой на странице документа {}: {}",
                        crate::dates::format_date_short(approved.date),
                        act.file.display(),
                        crate::dates::format_date_short(date)
                    ), format!("the date of the approving act {} differs from the date on the act's page {}: {}",
                        crate::dates::format_date_short(approved.date),
                        act.file.display(),
                        crate::dates::format_date_short(date)
                    )),
                )
                .at(line, column)
                .hint(tr!("дата одна и та же в approved плана и в approved документа: исправьте ту, что с ошибкой", "the date must be the same in the plan's approved and the act's approved: correct the wrong one")),
            );
        }
    }
}

/// The pages named by `amends:` or `cancels:`; each must be another act of the site.
fn resolve_links(
    page: &Page,
    key: &str,
    written: &[String],
    pages: &[Page],
    by_url: &BTreeMap<String, usize>,
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let mut found = Vec::new();
    for name in written {
        let url = document_url(name);
        // The file line and column of the name as written in the front matter.
        let (line, column) = super::document_checks::name_at(page, key, name);
        match by_url.get(&url) {
            Some(&target) if pages[target].url == page.url => diagnostics.push(
                Diagnostic::error(&page.file, tr!("документ ссылается сам на себя в {key}", "the act refers to itself in {key}"))
                    .at(line, column)
                    .hint(tr!("укажите другой документ", "name another act")),
            ),
            Some(&target) if pages[target].kind.as_deref() == Some(DOCUMENT_KIND) => {
                found.push(target);
            }
            Some(_) => diagnostics.push(
                Diagnostic::error(
                    &page.file,
                    tr!("«{name}» в {key} — страница, но не документ (нет kind: document)", "“{name}” in {key} is a page, but not an act (no kind: document)"),
                )
                .at(line, column)
                .hint(tr!("добавьте странице kind: document или укажите другой документ", "add kind: document to the page or name another act")),
            ),
            None => diagnostics.push(
                Diagnostic::error(&page.file, tr!("документ «{name}» из {key} не найден", "the act “{name}” from {key} is not found"))
                    .at(line, column)
                    .hint(tr!("укажите страницу документа путём в папке content без .md, например documents/prikaz-148", "give the act's page by its path in the content folder without .md, e.g. documents/prikaz-148")),
            ),
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// `documents/prikaz-42` or `/documents/prikaz-42/` -> `/documents/prikaz-42/`.
pub(crate) fn document_url(written: &str) -> String {
    let written = super::paths::written_path(written);
    let trimmed = written.trim().trim_matches('/');
    let trimmed = trimmed.strip_suffix(".md").unwrap_or(trimmed);
    let trimmed = trimmed.strip_suffix("/_index").unwrap_or(trimmed);
    super::paths::folder(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn act(name: &str, approved: &str, amends: &[&str], cancels: &[&str]) -> Page {
        let mut page = Page::generated(
            &format!("documents/{name}.md"),
            PathBuf::from(format!("content/documents/{name}.md")),
            name.into(),
            (None, None),
            super::super::PageData::Markdown,
        );
        page.kind = Some(DOCUMENT_KIND.into());
        page.act = Some("приказ".into());
        page.number = Some(format!("{name}-П"));
        page.approved = crate::dates::parse_date(approved).ok();
        page.amends = amends.iter().map(|s| s.to_string()).collect();
        page.cancels = cancels.iter().map(|s| s.to_string()).collect();
        page.yaml = format!(
            "title: {name}\namends: [{}]\ncancels: [{}]\n",
            amends.join(", "),
            cancels.join(", ")
        );
        page.positions = crate::yaml::Positions::new(&page.yaml);
        page
    }

    fn registry(pages: &[Page]) -> (Documents, Vec<Diagnostic>) {
        let by_url = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.url.clone(), i))
            .collect();
        let mut diagnostics = Diagnostics::default();
        let documents = resolve_documents(
            pages,
            &by_url,
            &[],
            chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
            &mut diagnostics,
        );
        (documents, diagnostics.into_sorted())
    }

    #[test]
    fn reads_windows_separators_in_act_names() {
        assert_eq!(
            document_url(r"documents\prikaz-42"),
            "/documents/prikaz-42/"
        );
        assert_eq!(
            document_url(r"\documents\prikaz-42.md"),
            "/documents/prikaz-42/"
        );
    }

    #[test]
    fn statuses_follow_the_links_and_cancel_wins() {
        let pages = vec![
            act("a", "2020-01-10", &[], &[]),
            act("b", "2021-03-01", &["documents/a"], &[]),
            act("c", "2022-05-01", &[], &["/documents/a/"]),
            act("d", "2023-05-01", &[], &[]),
        ];
        let (documents, problems) = registry(&pages);
        assert!(problems.is_empty(), "{problems:?}");
        let status = |i: usize| documents.of_page(i).unwrap().status;
        assert_eq!(status(0), DocumentStatus::Cancelled);
        assert_eq!(status(1), DocumentStatus::Active);
        assert_eq!(status(3), DocumentStatus::Active);
        let a = documents.of_page(0).unwrap();
        assert_eq!(
            (a.amended_by.clone(), a.cancelled_by.clone()),
            (vec![1], vec![2])
        );
        let newest_first: Vec<usize> = documents.list.iter().map(|d| d.page).collect();
        assert_eq!(newest_first, vec![3, 2, 1, 0]);
    }

    #[test]
    fn an_amended_act_stays_in_force() {
        let pages = vec![
            act("a", "2020-01-10", &[], &[]),
            act("b", "2021-03-01", &["documents/a"], &[]),
        ];
        let (documents, _) = registry(&pages);
        assert_eq!(
            documents.of_page(0).unwrap().status,
            DocumentStatus::Amended
        );
        assert_eq!(DocumentStatus::Amended.label(), "действует с изменениями");
    }

    #[test]
    fn unknown_and_self_links_are_errors_at_their_line() {
        let pages = vec![act("a", "2020-01-10", &["documents/zzz"], &["documents/a"])];
        let (_, problems) = registry(&pages);
        assert_eq!(problems.len(), 2);
        assert!(problems[0]
            .message
            .ru
            .contains("«documents/zzz» из amends не найден"));
        assert_eq!(problems[0].line, Some(3));
        assert!(problems[1].message.ru.contains("сам на себя"));
        assert_eq!(problems[1].line, Some(4));
    }

    #[test]
    fn a_draft_is_listed_as_a_draft_without_a_number_or_a_date() {
        let mut draft = act("proekt", "2020-01-10", &[], &[]);
        draft.number = None;
        draft.approved = None;
        draft.discussion = Some(crate::load::Discussion {
            from: crate::yaml::Date(chrono::NaiveDate::from_ymd_opt(2029, 12, 1).unwrap()),
            to: crate::yaml::Date(chrono::NaiveDate::from_ymd_opt(2030, 1, 15).unwrap()),
            address: crate::yaml::Text("uo@example.ru".into()),
            outcome: None,
        });
        let (documents, problems) = registry(&[draft]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(documents.list[0].status, DocumentStatus::Draft);
        assert_eq!(DocumentStatus::Draft.label(), "проект");
    }

    #[test]
    fn a_report_approved_by_an_act_is_listed_under_the_act() {
        let mut report = act("doklad", "2020-01-10", &[], &[]);
        report.kind = Some(REPORT_KIND.into());
        report.number = None;
        report.approved = None;
        report.approved_by = Some("documents/a".into());
        report.yaml = "title: doklad\napproved_by: documents/a\n".into();
        report.positions = crate::yaml::Positions::new(&report.yaml);
        let pages = vec![act("a", "2021-03-01", &[], &[]), report];
        let (documents, problems) = registry(&pages);
        assert!(problems.is_empty(), "{problems:?}");
        let listed = documents.of_page(1).unwrap();
        assert_eq!(
            (listed.act.as_str(), listed.approved_by),
            (REPORT_ACT, Some(0))
        );
        assert_eq!(documents.of_page(0).unwrap().approves_reports, vec![1]);
    }

    #[test]
    fn a_link_to_a_plain_page_is_an_error() {
        let mut plain = act("note", "2020-01-10", &[], &[]);
        plain.kind = None;
        let pages = vec![plain, act("b", "2021-01-10", &[], &["documents/note"])];
        let (_, problems) = registry(&pages);
        assert!(problems[0].message.ru.contains("не документ"));
    }
}
