//! The lines of the checklist an auditor reads after the core of 8-ФЗ ст. 13:
//! procurement and drafts of acts (the rule-making group, п. 2), the personal-data
//! policy (152-ФЗ), the anti-corruption section and the report's official PDF.
//!
//! Each line names its legal basis as precisely as it could be verified; where the
//! duty comes from regional acts or practice rather than federal law, a gap is ⚠.

use super::{blank, need, Checklist, Law, ANTI_CORRUPTION, LAW_ACTS, LAW_PERSONAL_DATA};
use crate::diagnostic::Message;
use crate::model::{DocumentStatus, Model, PdfSource};
use crate::tr;

/// 8-ФЗ ст. 13 ч. 1 п. 2 «б» names only the drafts put before the representative
/// body; the public discussion of a department's own drafts (and their independent
/// anti-corruption expertise, 172-ФЗ ст. 5) is set by municipal and regional acts.
const LAW_DRAFTS: Law = (
    "8-ФЗ, ст. 13, ч. 1, п. 2 «б»; обсуждение проектов — по муниципальным и региональным актам",
    "Federal Law 8-FZ, art. 13, part 1, item 2 “b”; discussion of drafts by municipal and regional acts",
);

/// A link to the procurement system checked more than this many days ago is worth a
/// look: its address changes when the system is rebuilt.
const PROCUREMENT_RECHECK_DAYS: i64 = 365;

/// п. 2 «в»: procurement under 44-ФЗ is published in the ЕИС (zakupki.gov.ru); the
/// site links to the body's page there.
pub(super) fn procurement_item(model: &Model, list: &mut Checklist) {
    let procurement = model.config.authority.procurement.as_ref();
    let mut missing: Vec<Message> = Vec::new();
    need(
        &mut missing,
        procurement.is_none_or(|p| p.url.trim().is_empty()),
        tr!(
            "нет ссылки на страницу управления в единой информационной системе в сфере закупок (44-ФЗ, zakupki.gov.ru): authority.procurement.url в site.yaml",
            "no link to the body's page in the unified procurement system (44-FZ, zakupki.gov.ru): authority.procurement.url in site.yaml"
        ),
    );
    let requirement = tr!(
        "Информация о закупках для муниципальных нужд (п. 2 «в»)",
        "Procurement for municipal needs (item 2 “v”)"
    );
    if !missing.is_empty() {
        list.add(LAW_ACTS, requirement, "/about/#procurement", missing);
        return;
    }
    let stale = procurement
        .and_then(|p| p.checked)
        .is_none_or(|d| (model.as_of - d.0).num_days() > PROCUREMENT_RECHECK_DAYS);
    let mut found = Vec::new();
    need(
        &mut found,
        stale,
        tr!(
            "ссылку на ЕИС давно не проверяли: откройте её и укажите дату проверки authority.procurement.checked",
            "the link to the procurement system has not been checked for long: open it and give the date in authority.procurement.checked"
        ),
    );
    list.warn(LAW_ACTS, requirement, "/about/#procurement", found);
}

/// Drafts of acts in the registry, each with its discussion period, address and,
/// once over, its outcome.
pub(super) fn drafts_item(model: &Model, list: &mut Checklist) {
    let drafts: Vec<usize> = model
        .documents
        .list
        .iter()
        .filter(|d| d.status == DocumentStatus::Draft)
        .map(|d| d.page)
        .collect();
    let mut found: Vec<Message> = Vec::new();
    let procedure = model.config.authority.public_discussion.as_ref();
    need(
        &mut found,
        drafts.is_empty() && blank(procedure.map(|t| t.0.as_str())),
        tr!(
            "нет ни проектов актов в реестре, ни порядка их обсуждения: страница проекта — kind: document с discussion: {{from, to, address}} (сроки и адрес обсуждения), после обсуждения — outcome; порядок — authority.public_discussion в site.yaml",
            "neither drafts in the registry nor the procedure of their discussion: a draft's page is kind: document with discussion: {{from, to, address}} (the period and address of the discussion), after it an outcome; the procedure is authority.public_discussion in site.yaml"
        ),
    );
    for &page in &drafts {
        let page = &model.pages[page];
        let Some(discussion) = &page.discussion else {
            continue;
        };
        if discussion.to.0 < model.as_of && blank(discussion.outcome.as_ref().map(|o| o.0.as_str()))
        {
            found.push(tr!(
                format!("у проекта {} обсуждение закончилось, итоги не указаны (discussion.outcome)", page.file.display()),
                format!("the discussion of the draft {} is over, its outcome is not given (discussion.outcome)", page.file.display())
            ));
        }
        if discussion.address.0.trim().is_empty() {
            found.push(tr!(
                format!(
                    "у проекта {} не указан адрес для предложений (discussion.address)",
                    page.file.display()
                ),
                format!(
                    "the draft {} gives no address for remarks (discussion.address)",
                    page.file.display()
                )
            ));
        }
    }
    list.warn(
        LAW_DRAFTS,
        tr!(
            "Проекты правовых актов: сроки и адрес общественного обсуждения, его итоги",
            "Drafts of acts: the period and address of public discussion, its outcome"
        ),
        if drafts.is_empty() {
            "/about/#drafts"
        } else {
            "/documents/status/draft/"
        },
        found,
    );
}

/// 152-ФЗ ст. 18.1 ч. 2: an operator collecting personal data on the Internet (the
/// site takes appeals) publishes its policy there.
pub(super) fn personal_data_item(model: &Model, list: &mut Checklist) {
    let written = model.config.authority.personal_data_policy.as_deref();
    let mut missing: Vec<Message> = Vec::new();
    need(
        &mut missing,
        blank(written),
        tr!(
            "не указана политика обработки персональных данных: authority.personal_data_policy (страница документа, например documents/politika-pd)",
            "no personal data processing policy: authority.personal_data_policy (the act's page, e.g. documents/politika-pd)"
        ),
    );
    let path = model.personal_data_policy().map_or_else(
        || "/about/#personal-data".to_string(),
        |i| model.pages[i].url.clone(),
    );
    list.add(
        LAW_PERSONAL_DATA,
        tr!(
            "Политика в отношении обработки персональных данных: в подвале каждой страницы и у форм обращений",
            "Personal data processing policy: in the footer of every page and next to the forms of appeal"
        ),
        &path,
        missing,
    );
}

/// «Противодействие коррупции»: the usual contents — the plan, the reports on it,
/// the acts, how to report corruption — as documents and links.
pub(super) fn anti_corruption_item(model: &Model, list: &mut Checklist) {
    let entries = model.config.authority.anti_corruption.as_ref();
    let mut found: Vec<Message> = Vec::new();
    need(
        &mut found,
        entries.is_none_or(|l| l.iter().all(super::link_is_blank)),
        tr!(
            "нет раздела: authority.anti_corruption в site.yaml — план противодействия коррупции и отчёт о его выполнении, акты, сведения о доходах, как сообщить о коррупции",
            "no section: authority.anti_corruption in site.yaml — the anti-corruption plan and the report on it, the acts, income statements, how to report corruption"
        ),
    );
    list.warn(
        ANTI_CORRUPTION,
        tr!(
            "Раздел «Противодействие коррупции»: акты, план и отчёт, обратная связь",
            "The “Combating corruption” section: acts, plan and report, feedback"
        ),
        "/about/#anti-corruption",
        found,
    );
}

/// The report due (and found) has an official PDF: signed, or printed at build
/// time; without a browser and a signed file, ⚠ saying why.
pub(super) fn report_pdf_item(model: &Model, list: &mut Checklist, law: Law, report_url: &str) {
    let Some(&index) = model.by_url.get(report_url) else {
        return;
    };
    let Some(pdf) = model.report_pdfs.iter().find(|p| p.report == index) else {
        return;
    };
    let page = &model.pages[index];
    let mut found: Vec<Message> = Vec::new();
    if pdf.source == PdfSource::Missing {
        found.push(tr!(
            format!("PDF доклада не будет создан: нет подписанного файла (file: в {}) и не найден Chromium для печати (/usr/bin/chromium или путь в MSOKO_CHROMIUM)", page.file.display()),
            format!("the report's PDF will not be made: no signed file (file: in {}) and no Chromium to print it (/usr/bin/chromium or a path in MSOKO_CHROMIUM)", page.file.display())
        ));
    }
    if page.approved_by.is_none() {
        found.push(tr!(
            format!(
                "не указан акт, утвердивший доклад: approved_by: documents/… в {}",
                page.file.display()
            ),
            format!(
                "no act approving the report: approved_by: documents/… in {}",
                page.file.display()
            )
        ));
    }
    let path = if model.by_url.contains_key("/documents/") {
        "/documents/"
    } else {
        report_url
    };
    list.warn(
        law,
        tr!(
            "Доклад как официальный документ: PDF и утвердивший акт в реестре документов",
            "The report as an official document: a PDF and the approving act in the registry"
        ),
        path,
        found,
    );
}
