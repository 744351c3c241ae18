//! The openness checklist: one line per requirement of Федеральный закон № 8-ФЗ,
//! ст. 13 (what a local self-government body publishes about itself), of ГОСТ Р
//! 52872-2019 and of the annual report, each ✔ / ✘ / ⚠ with what is missing and where
//! it is on the site; then findings in the data (stale open data, acts without a file,
//! pages without a date).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::diagnostic::{Lang, Message};
use crate::model::paths;
use crate::model::Model;
use crate::tr;

mod duties;
use duties::report_pdf_item;
mod requirements;
use requirements::REQUIREMENTS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// ✔ published.
    Present,
    /// ✘ a required item is missing.
    Missing,
    /// ⚠ published, but something in it needs attention.
    Attention,
}

impl Mark {
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Present => "✔",
            Mark::Missing => "✘",
            Mark::Attention => "⚠",
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, Serialize)]
pub struct ChecklistItem {
    /// The law or standard the requirement comes from.
    pub group: &'static str,
    pub requirement: String,
    pub mark: Mark,
    /// What is missing and how to add it, or where the item is on the site.
    pub detail: String,
    /// Site path where a reader finds the item.
    pub path: Option<String>,
    /// `group`, `requirement` and `detail` in English (`--lang en`).
    #[serde(skip)]
    pub english: [String; 3],
}

impl ChecklistItem {
    /// The group, the requirement and the detail in `lang`.
    pub fn text(&self, lang: Lang) -> (&str, &str, &str) {
        match lang {
            Lang::Ru => (self.group, &self.requirement, &self.detail),
            Lang::En => (&self.english[0], &self.english[1], &self.english[2]),
        }
    }
}

/// A law or standard: its Russian name and its English name.
type Law = (&'static str, &'static str);

const LAW_GENERAL: Law = (
    "8-ФЗ, ст. 13, ч. 1, п. 1 — общая информация об органе",
    "Federal Law 8-FZ, art. 13, part 1, item 1: general information about the body",
);
const LAW_ACTS: Law = (
    "8-ФЗ, ст. 13, ч. 1, п. 2 — нормотворческая деятельность",
    "Federal Law 8-FZ, art. 13, part 1, item 2: rule-making",
);
const LAW_WORK: Law = (
    "8-ФЗ, ст. 13, ч. 1, пп. 3, 5–7 — программы, мероприятия, проверки, выступления, статистика",
    "Federal Law 8-FZ, art. 13, part 1, items 3, 5–7: programmes, events, inspections, speeches, statistics",
);
const LAW_STAFF: Law = (
    "8-ФЗ, ст. 13, ч. 1, п. 8 — кадровое обеспечение",
    "Federal Law 8-FZ, art. 13, part 1, item 8: staffing",
);
const LAW_APPEALS: Law = (
    "8-ФЗ, ст. 13, ч. 1, п. 9 — работа с обращениями граждан",
    "Federal Law 8-FZ, art. 13, part 1, item 9: citizens' appeals",
);
const LAW_OPEN_DATA: Law = (
    "8-ФЗ (в редакции 112-ФЗ) — информация в форме открытых данных",
    "Federal Law 8-FZ (as amended by 112-FZ): information as open data",
);
const ACCESSIBILITY: Law = (
    "ГОСТ Р 52872-2019 — доступность для людей с нарушениями зрения",
    "GOST R 52872-2019: accessibility for people with impaired vision",
);
const REPORT: Law = (
    "Постановление Правительства РФ № 662 — итоговый отчёт (доклад)",
    "Government Decree No. 662: the annual report",
);
const LAW_PERSONAL_DATA: Law = (
    "152-ФЗ, ст. 18.1, ч. 2 — политика обработки персональных данных",
    "Federal Law 152-FZ, art. 18.1, part 2: personal data processing policy",
);
// The federal duty of 273-ФЗ «О противодействии коррупции» is to take measures
// (ст. 6); the section of a site and its contents are set for federal bodies by
// приказ Минтруда России от 07.10.2013 № 530н and for municipal ones by regional acts
// and practice: a gap is ⚠, not ✘.
const ANTI_CORRUPTION: Law = (
    "273-ФЗ «О противодействии коррупции» и региональные акты — раздел «Противодействие коррупции» (по практике, приказ Минтруда России № 530н)",
    "Federal Law 273-FZ “On Combating Corruption” and regional acts: the “Combating corruption” section (by practice, Ministry of Labour order No. 530n)",
);
const DATA: Law = ("Данные сайта", "The site's data");
const CYCLE: Law = (
    "Управленческий цикл МСОКО (звенья за последний завершённый год)",
    "The MSOKO management cycle (links for the last complete year)",
);

struct Checklist {
    items: Vec<ChecklistItem>,
}

impl Checklist {
    fn add(&mut self, group: Law, requirement: Message, path: &str, missing: Vec<Message>) {
        let mark = if missing.is_empty() {
            Mark::Present
        } else {
            Mark::Missing
        };
        let (detail, detail_en) = if missing.is_empty() {
            (format!("на странице {path}"), format!("on the page {path}"))
        } else {
            let ru: Vec<&str> = missing.iter().map(|m| m.ru.as_str()).collect();
            let en: Vec<&str> = missing.iter().map(english).collect();
            (ru.join("; "), en.join("; "))
        };
        self.items.push(ChecklistItem {
            group: group.0,
            english: [
                group.1.to_string(),
                english(&requirement).to_string(),
                detail_en,
            ],
            requirement: requirement.ru,
            mark,
            detail,
            path: Some(path.to_string()),
        });
    }

    /// Like `add`, but what is found is ⚠ (worth fixing, not required by law).
    fn warn(&mut self, group: Law, requirement: Message, path: &str, found: Vec<Message>) {
        self.add(group, requirement, path, found);
        if let Some(last) = self.items.last_mut() {
            if last.mark == Mark::Missing {
                last.mark = Mark::Attention;
            }
        }
    }

    /// A list of `authority:` whose absence is the gap and `[]` means «нет»; the
    /// anchor on /about/ is the key's last part.
    fn listed(
        &mut self,
        group: Law,
        requirement: Message,
        key: &str,
        what: Message,
        value: Option<&Vec<crate::config::DocumentLink>>,
    ) {
        let anchor = key.rsplit('.').next().unwrap_or(key);
        let mut missing = Vec::new();
        need(
            &mut missing,
            value.is_none() || value.is_some_and(|l| !l.is_empty() && l.iter().all(link_is_blank)),
            tr!(
                format!(
                    "не указаны {}: authority.{key} в site.yaml ([] — если их нет)",
                    what.ru
                ),
                format!(
                    "no {} given: authority.{key} in site.yaml ([] if there are none)",
                    english(&what)
                )
            ),
        );
        self.add(group, requirement, &paths::about_part(anchor), missing);
    }

    fn attention(&mut self, group: Law, requirement: Message, detail: Message) {
        self.items.push(ChecklistItem {
            group: group.0,
            english: [
                group.1.to_string(),
                english(&requirement).to_string(),
                english(&detail).to_string(),
            ],
            requirement: requirement.ru,
            mark: Mark::Attention,
            detail: detail.ru,
            path: None,
        });
    }
}

/// A link that names nothing: no title, no address, no page (`{title: ""}`).
fn link_is_blank(link: &crate::config::DocumentLink) -> bool {
    blank(link.title.as_ref().map(|t| t.0.as_str()))
        && blank(link.url.as_deref())
        && blank(link.site_page())
}

/// The update frequency of an open data set in English.
fn frequency_en(frequency: &str) -> &str {
    match frequency {
        crate::model::FREQUENCY_YEARLY => "yearly",
        crate::model::FREQUENCY_ON_CHANGE => "on change, at least every six months",
        other => other,
    }
}

fn english(text: &Message) -> &str {
    text.en()
}

/// An optional text from `site.yaml` that says nothing: absent, `""` or spaces. A
/// checklist line is never ✔ on it.
fn blank(value: Option<&str>) -> bool {
    value.is_none_or(|v| v.trim().is_empty())
}

/// `missing` when `absent`: a small helper to list what to add.
fn need(list: &mut Vec<Message>, absent: bool, what: Message) {
    if absent {
        list.push(what);
    }
}

/// The checklist for `model`: each entry of the table in turn, in printed order.
pub(crate) fn openness_checklist(model: &Model) -> Vec<ChecklistItem> {
    let mut list = Checklist { items: Vec::new() };
    for entry in REQUIREMENTS {
        entry.run(model, &mut list);
    }
    list.items
}

/// Last year's report must be out after the deadline of this year.
fn report_item(model: &Model, list: &mut Checklist) {
    let (month, day) = model.config.authority.report_deadline();
    let as_of = model.as_of;
    let deadline = NaiveDate::from_ymd_opt(as_of.year(), month, day).unwrap_or(as_of);
    let due_year = if as_of >= deadline {
        as_of.year() - 1
    } else {
        as_of.year() - 2
    };
    let found = model
        .by_url
        .keys()
        .find(|url| paths::is_report_of_year(url, due_year));
    let mut missing = Vec::new();
    if found.is_none() {
        missing.push(tr!(format!("нет доклада за {due_year} год: срок публикации — {}; создайте content/doklad/{due_year}/_index.md",
            crate::dates::format_date_ru(deadline.with_year(due_year + 1).unwrap_or(deadline))
        ), format!("no report for {due_year}: the deadline is {}; create content/doklad/{due_year}/_index.md",
            deadline.with_year(due_year + 1).unwrap_or(deadline).format("%-d %B %Y")
        )));
    }
    let path = found.cloned().unwrap_or_else(|| "/doklad/".into());
    list.add(
        REPORT,
        tr!(
            "Доклад о состоянии системы образования за прошлый год",
            "Report on the state of the education system for last year"
        ),
        &path,
        missing,
    );
    if found.is_some() {
        report_pdf_item(model, list, REPORT, &path);
    }
}

fn data_findings(model: &Model, list: &mut Checklist) {
    if model.shallow_clone {
        list.items.push(ChecklistItem {
            group: DATA.0,
            requirement: "Даты страниц и версий данных из истории git".into(),
            mark: Mark::Missing,
            detail: "сайт собран из неполной копии репозитория (shallow clone): даты взяты из последних коммитов и неверны; выполните git fetch --unshallow, в CI — fetch-depth: 0 (GitHub) или GIT_DEPTH: 0 (GitLab)".into(),
            path: None,
            english: [
                DATA.1.to_string(),
                "Dates of pages and data versions from git history".into(),
                "the site is built from a shallow clone: the dates come from the last commits only and are wrong; run git fetch --unshallow, in CI fetch-depth: 0 (GitHub) or GIT_DEPTH: 0 (GitLab)".into(),
            ],
        });
    }
    for set in &model.open_data {
        let age = (model.as_of - set.modified).num_days();
        if age > set.stale_after_days {
            list.attention(
                DATA,
                tr!("Актуальность открытых данных", "Open data up to date"),
                tr!(
                    format!(
                        "набор «{}» не обновлялся с {} (обновляется {})",
                        set.title,
                        crate::dates::format_date_short(set.modified),
                        set.frequency
                    ),
                    format!(
                        "the set “{}” has not been updated since {} (it is updated: {})",
                        set.title,
                        crate::dates::format_date_short(set.modified),
                        frequency_en(set.frequency)
                    )
                ),
            );
        }
    }
    for document in &model.documents.list {
        let page = &model.pages[document.page];
        // A report's PDF (printed or missing) has its own line under the report.
        if page.attached.is_none() && page.approved_by.is_none() {
            list.attention(
                DATA,
                tr!("Тексты документов", "Texts of acts"),
                tr!(
                    format!(
                        "к документу {} не приложен файл с официальным текстом (file:)",
                        page.file.display()
                    ),
                    format!(
                        "the act {} has no file with its official text (file:)",
                        page.file.display()
                    )
                ),
            );
        }
    }
    let undated: Vec<String> = model
        .pages
        .iter()
        .filter(|p| p.placed.is_none() && p.url != crate::model::SEARCH_URL)
        .map(|p| p.url.clone())
        .collect();
    if !undated.is_empty() {
        list.attention(
            DATA,
            tr!("Даты размещения страниц", "Publication dates of pages"),
            tr!(
                format!("нет даты размещения у страниц: {}", undated.join(", ")),
                format!("pages without a publication date: {}", undated.join(", "))
            ),
        );
    }
}

/// One ⚠ per plan with items past their deadline and no mark: the public sees «нет
/// отметки о выполнении», the clerk here sees which rows to mark.
fn plan_marks(model: &Model, list: &mut Checklist) {
    for plan in &model.plans {
        let progress = crate::analyze::compute_progress(plan, model.as_of);
        let unmarked: Vec<&str> = plan
            .items()
            .into_iter()
            .filter(|item| progress.statuses[item.key] == crate::analyze::ItemStatus::NotMarked)
            .map(|item| item.no.as_str())
            .collect();
        if unmarked.is_empty() {
            continue;
        }
        let (count, numbers, file) = (
            unmarked.len(),
            unmarked.join(", "),
            plan.file.display().to_string(),
        );
        list.attention(
            DATA,
            tr!("Отметки о выполнении планов", "Completion marks in plans"),
            tr!(
                format!("план «{}»: срок прошёл, а отметки нет у пунктов ({count}): {numbers}; на сайте они показаны как «нет отметки о выполнении» — напишите в {file} status: выполнено (и done: дата), не выполнено или перенесено", plan.title),
                format!("plan “{}”: the deadline has passed with no mark for items ({count}): {numbers}; the site shows them as «нет отметки о выполнении» (no mark of completion): write status: выполнено (with done: date), не выполнено or перенесено in {file}", plan.title)
            ),
        );
    }
}

/// One ⚠ per pair of responsible parties that look like one party spelt two ways
/// («Специалисты УО» / «Специалист УО») and are not merged in `site.yaml`.
fn responsible_spellings(model: &Model, list: &mut Checklist) {
    let mut names: Vec<String> = Vec::new();
    let mut files: Vec<String> = Vec::new();
    for plan in &model.plans {
        for party in plan.responsible_parties() {
            if !names.contains(&party) {
                names.push(party);
                files.push(plan.file.display().to_string());
            }
        }
    }
    for (a, b) in crate::model::near_duplicates(&names) {
        let file = &files[names.iter().position(|n| *n == b).unwrap_or(0)];
        list.attention(
            DATA,
            tr!("Ответственные в планах", "Responsible parties in plans"),
            tr!(
                format!("«{a}» и «{b}» ({file}) похожи на одного ответственного; если это так, добавьте в site.yaml строки responsible_aliases: и под ней «  \"{b}\": \"{a}\"» — фильтр по ответственным объединит их"),
                format!("“{a}” and “{b}” ({file}) look like one responsible party; if so, add to site.yaml a line responsible_aliases: with «  \"{b}\": \"{a}\"» under it, and the filter by party merges them")
            ),
        );
    }
}

/// One line per direction: the links of its management cycle missing for the last
/// complete year — ⚠ by default, ✘ when `site.yaml` says `cycle_required: true`.
fn cycle_items(model: &Model, list: &mut Checklist) {
    if !model.by_url.contains_key("/msoko/")
        || model.pages[model.by_url["/msoko/"]].data != crate::model::PageData::CycleMatrix
    {
        return;
    }
    let year = model.cycle_year();
    for (index, direction) in model.indicators.directions.iter().enumerate() {
        let stages: Vec<_> = model
            .cycle
            .links(&model.indicators, &model.pages, index, year)
            .into_iter()
            .filter(|link| link.evidence.is_none())
            .map(|link| link.stage)
            .collect();
        let missing: Vec<String> = stages.iter().map(|s| s.label().to_lowercase()).collect();
        let missing_en: Vec<String> = stages.iter().map(|s| s.label_en().to_lowercase()).collect();
        let path = paths::direction(&direction.id);
        let (mark, detail) = if missing.is_empty() {
            (
                Mark::Present,
                tr!(
                    "цикл за {year} год полный: {path}",
                    "the cycle for {year} is complete: {path}"
                ),
            )
        } else {
            (
                if model.config.cycle_required {
                    Mark::Missing
                } else {
                    Mark::Attention
                },
                tr!(format!("за {year} год нет звеньев: {}; добавьте их в years: {year} блока direction: в {}",
                    missing.join(", "),
                    direction.file.display()
                ), format!("links missing for {year}: {}; add them under years: {year} of the direction: block in {}",
                    missing_en.join(", "),
                    direction.file.display()
                )),
            )
        };
        list.items.push(ChecklistItem {
            group: CYCLE.0,
            requirement: direction.title.clone(),
            mark,
            english: [
                CYCLE.1.to_string(),
                format!("“{}”", direction.title),
                english(&detail).to_string(),
            ],
            detail: detail.ru,
            path: Some(path),
        });
    }
}
