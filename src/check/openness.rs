//! The openness checklist: one line per requirement of Федеральный закон № 8-ФЗ,
//! ст. 13 (what a local self-government body publishes about itself), of ГОСТ Р
//! 52872-2019 and of the annual report, each ✔ / ✘ / ⚠ with what is missing and where
//! it is on the site; then findings in the data (stale open data, acts without a file,
//! pages without a date).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::Model;

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
}

const LAW_GENERAL: &str = "8-ФЗ, ст. 13, ч. 1, п. 1 — общая информация об органе";
const LAW_ACTS: &str = "8-ФЗ, ст. 13, ч. 1, п. 2 — нормотворческая деятельность";
const LAW_WORK: &str =
    "8-ФЗ, ст. 13, ч. 1, пп. 3, 5–7 — программы, мероприятия, проверки, выступления, статистика";
const LAW_STAFF: &str = "8-ФЗ, ст. 13, ч. 1, п. 8 — кадровое обеспечение";
const LAW_APPEALS: &str = "8-ФЗ, ст. 13, ч. 1, п. 9 — работа с обращениями граждан";
const LAW_OPEN_DATA: &str = "8-ФЗ (в редакции 112-ФЗ) — информация в форме открытых данных";
const ACCESSIBILITY: &str = "ГОСТ Р 52872-2019 — доступность для людей с нарушениями зрения";
const REPORT: &str = "Постановление Правительства РФ № 662 — итоговый отчёт (доклад)";
const DATA: &str = "Данные сайта";
const CYCLE: &str = "Управленческий цикл МСОКО (звенья за последний завершённый год)";

struct Checklist {
    items: Vec<ChecklistItem>,
}

impl Checklist {
    fn add(&mut self, group: &'static str, requirement: &str, path: &str, missing: Vec<String>) {
        let mark = if missing.is_empty() {
            Mark::Present
        } else {
            Mark::Missing
        };
        self.items.push(ChecklistItem {
            group,
            requirement: requirement.to_string(),
            mark,
            detail: if missing.is_empty() {
                format!("на странице {path}")
            } else {
                missing.join("; ")
            },
            path: Some(path.to_string()),
        });
    }

    /// Like `add`, but what is found is ⚠ (worth fixing, not required by law).
    fn warn(&mut self, group: &'static str, requirement: &str, path: &str, found: Vec<String>) {
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
        group: &'static str,
        requirement: &str,
        key: &str,
        what: &str,
        value: Option<&Vec<crate::config::DocumentLink>>,
    ) {
        let anchor = key.rsplit('.').next().unwrap_or(key);
        let mut missing = Vec::new();
        need(
            &mut missing,
            value.is_none(),
            &format!("не указаны {what}: authority.{key} в site.yaml ([] — если их нет)"),
        );
        self.add(group, requirement, &format!("/about/#{anchor}"), missing);
    }

    fn attention(&mut self, group: &'static str, requirement: &str, detail: String) {
        self.items.push(ChecklistItem {
            group,
            requirement: requirement.to_string(),
            mark: Mark::Attention,
            detail,
            path: None,
        });
    }
}

/// `missing` when `absent`: a small helper to list what to add.
fn need(list: &mut Vec<String>, absent: bool, what: &str) {
    if absent {
        list.push(what.to_string());
    }
}

pub(crate) fn openness_checklist(model: &Model) -> Vec<ChecklistItem> {
    let mut list = Checklist { items: Vec::new() };
    let a = &model.config.authority;
    let empty = |t: &Option<crate::yaml::Text>| t.as_ref().is_none_or(|t| t.0.trim().is_empty());

    let mut missing = Vec::new();
    need(
        &mut missing,
        empty(&a.address),
        "нет почтового адреса: authority.address в site.yaml",
    );
    need(
        &mut missing,
        empty(&a.email),
        "нет электронной почты: authority.email",
    );
    need(
        &mut missing,
        empty(&a.phone),
        "нет телефона: authority.phone",
    );
    need(
        &mut missing,
        empty(&a.schedule),
        "не указан режим работы: authority.schedule",
    );
    list.add(
        LAW_GENERAL,
        "Наименование, почтовый адрес, электронная почта, телефоны, режим работы",
        "/about/#contacts",
        missing,
    );

    let mut missing = Vec::new();
    let units = a.subdivisions.as_deref().unwrap_or_default();
    need(
        &mut missing,
        units.is_empty(),
        "нет структуры: добавьте подразделения в authority.subdivisions",
    );
    for unit in units.iter().filter(|u| u.tasks.is_empty()) {
        missing.push(format!(
            "у подразделения «{}» не указаны задачи (tasks)",
            unit.name.0
        ));
    }
    for unit in units.iter().filter(|u| empty(&u.phone)) {
        missing.push(format!(
            "у подразделения «{}» не указан телефон (phone)",
            unit.name.0
        ));
    }
    list.add(
        LAW_GENERAL,
        "Структура органа, задачи и функции подразделений",
        "/about/#structure",
        missing,
    );

    let mut missing = Vec::new();
    let powers = a.powers.as_ref();
    need(
        &mut missing,
        powers.is_none_or(|p| p.items.is_empty()),
        "не перечислены полномочия: authority.powers.items",
    );
    need(
        &mut missing,
        powers.is_none_or(|p| p.acts.is_empty()),
        "не указаны акты, определяющие полномочия: authority.powers.acts",
    );
    list.add(
        LAW_GENERAL,
        "Полномочия органа и акты, которые их определяют",
        "/about/#powers",
        missing,
    );

    let mut missing = Vec::new();
    let orgs = &model.register.organizations;
    need(
        &mut missing,
        orgs.is_empty(),
        "нет реестра подведомственных организаций: data/organizations.yaml",
    );
    let without =
        |what: &str, test: &dyn Fn(&crate::model::Organization) -> bool| -> Option<String> {
            let names: Vec<&str> = orgs
                .iter()
                .filter(|o| test(o))
                .map(|o| o.short_name.as_str())
                .collect();
            (!names.is_empty()).then(|| format!("без {what}: {}", names.join(", ")))
        };
    missing.extend(without("адреса", &|o| o.address.is_none()));
    missing.extend(without("телефона", &|o| o.phone.is_none()));
    missing.extend(without("электронной почты", &|o| {
        o.email.is_none()
    }));
    list.add(
        LAW_GENERAL,
        "Подведомственные организации: перечень, адреса, телефоны, электронная почта",
        "/about/#orgs",
        missing,
    );
    // 8-ФЗ does not oblige the department to publish its schools' sites, but readers
    // look for them there: a school without one is worth a look, not a failure.
    let no_site: Vec<String> = without("сайта (site в data/organizations.yaml)", &|o| {
        o.site.as_deref().is_none_or(|s| s.trim().is_empty())
    })
    .into_iter()
    .collect();
    list.warn(
        LAW_GENERAL,
        "Сайты подведомственных организаций",
        "/about/#orgs",
        no_site,
    );
    // Ст. 13, ч. 1, п. 1 «в» names «сведения об их задачах и функциях»; the register
    // may not have them yet, so a gap is worth a look rather than a failure.
    let no_functions: Vec<String> = without(
        "задач и функций (functions в data/organizations.yaml)",
        &|o| o.functions.as_deref().is_none_or(|f| f.trim().is_empty()),
    )
    .into_iter()
    .collect();
    list.warn(
        LAW_GENERAL,
        "Задачи и функции подведомственных организаций",
        "/about/#orgs",
        no_functions,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        a.head.is_none(),
        "не указан руководитель: authority.head",
    );
    need(
        &mut missing,
        a.deputies.is_none(),
        "не указаны заместители: authority.deputies (пустой список [] — если заместителей нет)",
    );
    for unit in units.iter().filter(|u| u.head.is_none()) {
        missing.push(format!(
            "у подразделения «{}» не указан руководитель",
            unit.name.0
        ));
    }
    missing.extend(without("руководителя", &|o| o.head.is_none()));
    list.add(
        LAW_GENERAL,
        "Руководитель, заместители, руководители подразделений и подведомственных организаций",
        "/about/#head",
        missing,
    );

    let mut missing = Vec::new();
    need(&mut missing, a.information_systems.is_none(), "не указаны информационные системы и реестры: authority.information_systems ([] — если их нет)");
    list.add(
        LAW_GENERAL,
        "Информационные системы, банки данных, реестры",
        "/about/#systems",
        missing,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        a.media.is_none(),
        "не указаны учреждённые СМИ: authority.media ([] — если их нет)",
    );
    need(
        &mut missing,
        a.social.as_ref().is_none_or(Vec::is_empty),
        "не указаны официальные страницы в социальных сетях: authority.social",
    );
    list.add(
        LAW_GENERAL,
        "Учреждённые СМИ и официальные страницы в социальных сетях",
        "/about/#media",
        missing,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        model.documents.list.is_empty(),
        "нет ни одного документа: страницам актов нужен kind: document",
    );
    list.add(
        LAW_ACTS,
        "Правовые акты, сведения об изменениях и признании утратившими силу",
        "/documents/",
        missing,
    );

    let lists: [(&str, &str, &str, &Option<Vec<crate::config::DocumentLink>>); 3] = [
        (
            "Административные регламенты и стандарты муниципальных услуг (п. 2 «г»)",
            "regulations",
            "регламенты и стандарты муниципальных услуг",
            &a.regulations,
        ),
        (
            "Установленные формы обращений, заявлений и иных документов (п. 2 «д»)",
            "forms",
            "формы обращений и заявлений",
            &a.forms,
        ),
        (
            "Порядок обжалования муниципальных правовых актов и решений (п. 2 «е»)",
            "challenge",
            "порядок обжалования",
            &a.challenge,
        ),
    ];
    for (requirement, key, what, value) in lists {
        list.listed(LAW_ACTS, requirement, key, what, value.as_ref());
    }

    let mut missing = Vec::new();
    need(
        &mut missing,
        a.programs.as_ref().is_none_or(Vec::is_empty),
        "не указаны программы: authority.programs",
    );
    list.add(
        LAW_WORK,
        "Участие в целевых и иных программах",
        "/about/#programs",
        missing,
    );
    list.listed(
        LAW_WORK,
        "Мероприятия, официальные визиты и рабочие поездки руководителей (п. 3)",
        "events",
        "мероприятия, визиты и рабочие поездки",
        a.events.as_ref(),
    );
    let mut missing = Vec::new();
    need(
        &mut missing,
        a.inspections.is_none(),
        "нет сведений о проверках: authority.inspections ([] — если проверок не было)",
    );
    list.add(
        LAW_WORK,
        "Результаты проверок органа и проведённых им",
        "/about/#inspections",
        missing,
    );
    let mut missing = Vec::new();
    need(
        &mut missing,
        model.indicators.indicators.is_empty(),
        "нет показателей: data/indicators/*.yaml",
    );
    list.add(
        LAW_WORK,
        "Статистическая информация о деятельности (показатели)",
        "/indicators/",
        missing,
    );
    list.listed(
        LAW_WORK,
        "Тексты официальных выступлений и заявлений руководителя и заместителей (п. 6)",
        "speeches",
        "выступления и заявления",
        a.speeches.as_ref(),
    );
    list.listed(
        LAW_WORK,
        "Сведения об использовании выделяемых бюджетных средств (п. 7 «б»)",
        "budget",
        "сведения об использовании бюджетных средств",
        a.budget.as_ref(),
    );

    let mut missing = Vec::new();
    let vacancies = a.vacancies.as_ref();
    need(
        &mut missing,
        vacancies.is_none(),
        "нет сведений о вакансиях: authority.vacancies (list: [] — если вакансий нет)",
    );
    need(
        &mut missing,
        vacancies.is_some_and(|v| empty(&v.procedure)),
        "не описан порядок поступления на службу: authority.vacancies.procedure",
    );
    need(
        &mut missing,
        vacancies.is_some_and(|v| empty(&v.phone)),
        "нет телефона по вопросам замещения вакансий: authority.vacancies.phone",
    );
    list.add(
        LAW_STAFF,
        "Порядок поступления на службу, вакантные должности, телефон",
        "/about/#vacancies",
        missing,
    );
    let mut missing = Vec::new();
    let qualifications = vacancies.and_then(|v| v.qualifications.as_ref());
    need(
        &mut missing,
        qualifications.is_none_or(Vec::is_empty),
        "не указаны квалификационные требования к кандидатам: authority.vacancies.qualifications (акт или страница с требованиями)",
    );
    list.add(
        LAW_STAFF,
        "Квалификационные требования к кандидатам на замещение вакантных должностей (п. 8 «в»)",
        "/about/#qualifications",
        missing,
    );
    list.listed(
        LAW_STAFF,
        "Условия и результаты конкурсов на замещение вакантных должностей (п. 8 «г»)",
        "vacancies.competitions",
        "конкурсы на замещение вакантных должностей",
        vacancies.and_then(|v| v.competitions.as_ref()),
    );

    let mut missing = Vec::new();
    let appeals = a.appeals.as_ref();
    need(
        &mut missing,
        appeals.is_none(),
        "нет сведений о приёме обращений: authority.appeals",
    );
    if let Some(appeals) = appeals {
        need(
            &mut missing,
            appeals.official.is_none(),
            "не указано ответственное должностное лицо: authority.appeals.official",
        );
        need(
            &mut missing,
            empty(&appeals.phone),
            "нет телефона для справок: authority.appeals.phone",
        );
        need(
            &mut missing,
            empty(&appeals.hours),
            "не указаны часы приёма: authority.appeals.hours",
        );
        need(
            &mut missing,
            appeals.page.is_none(),
            "нет страницы с порядком рассмотрения обращений: authority.appeals.page",
        );
        need(
            &mut missing,
            appeals.reviews.is_none(),
            "нет обзора обращений: authority.appeals.reviews",
        );
    }
    list.add(
        LAW_APPEALS,
        "Порядок и время приёма, ответственное лицо, телефон, обзоры обращений",
        "/about/#appeals",
        missing,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        model.open_data.is_empty(),
        "нет наборов открытых данных",
    );
    need(
        &mut missing,
        a.open_data.is_none(),
        "не указаны лицензия и ответственный за открытые данные: authority.open_data",
    );
    need(
        &mut missing,
        empty(&a.inn),
        "не указан ИНН (authority.inn): с него начинаются идентификаторы наборов",
    );
    list.add(
        LAW_OPEN_DATA,
        "Открытые данные: реестр наборов, паспорта, структура, лицензия",
        "/opendata/",
        missing,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        !model.by_url.contains_key("/special/"),
        "нет страницы /special/",
    );
    list.add(
        ACCESSIBILITY,
        "Версия для слабовидящих: размер шрифта, цвет, изображения, интервалы",
        "/special/",
        missing,
    );

    report_item(model, &mut list);
    cycle_items(model, &mut list);
    data_findings(model, &mut list);
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
        .find(|url| url.ends_with(&format!("/{due_year}/")) && url.starts_with("/doklad/"));
    let mut missing = Vec::new();
    if found.is_none() {
        missing.push(format!(
            "нет доклада за {due_year} год: срок публикации — {}; создайте content/doklad/{due_year}/_index.md",
            crate::dates::format_date_ru(deadline.with_year(due_year + 1).unwrap_or(deadline))
        ));
    }
    let path = found.cloned().unwrap_or_else(|| "/doklad/".into());
    list.add(
        REPORT,
        "Доклад о состоянии системы образования за прошлый год",
        &path,
        missing,
    );
}

fn data_findings(model: &Model, list: &mut Checklist) {
    for (title, file) in &model.unpublished_data {
        list.attention(
            DATA,
            "Актуальность открытых данных",
            format!(
                "набор «{title}» не опубликован: неизвестна дата его версии — она берётся из истории git, добавьте {} в репозиторий сайта (git add, git commit)",
                file.display()
            ),
        );
    }
    for set in &model.open_data {
        let age = (model.as_of - set.modified).num_days();
        if age > set.stale_after_days {
            list.attention(
                DATA,
                "Актуальность открытых данных",
                format!(
                    "набор «{}» не обновлялся с {} (обновляется {})",
                    set.title,
                    crate::dates::format_date_short(set.modified),
                    set.frequency
                ),
            );
        }
    }
    for document in &model.documents.list {
        let page = &model.pages[document.page];
        if page.attached.is_none() {
            list.attention(
                DATA,
                "Тексты документов",
                format!(
                    "к документу {} не приложен файл с официальным текстом (file:)",
                    page.file.display()
                ),
            );
        }
    }
    let undated: Vec<String> = model
        .pages
        .iter()
        .filter(|p| p.placed.is_none())
        .map(|p| p.url.clone())
        .collect();
    if !undated.is_empty() {
        list.attention(
            DATA,
            "Даты размещения страниц",
            format!("нет даты размещения у страниц: {}", undated.join(", ")),
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
        let missing: Vec<String> = model
            .cycle
            .links(&model.indicators, &model.pages, index, year)
            .into_iter()
            .filter(|link| link.evidence.is_none())
            .map(|link| link.stage.label().to_lowercase())
            .collect();
        let path = format!("/msoko/{}/", direction.id);
        let (mark, detail) = if missing.is_empty() {
            (Mark::Present, format!("цикл за {year} год полный: {path}"))
        } else {
            (
                if model.config.cycle_required {
                    Mark::Missing
                } else {
                    Mark::Attention
                },
                format!(
                    "за {year} год нет звеньев: {}; добавьте их в years: {year} блока direction: в {}",
                    missing.join(", "),
                    direction.file.display()
                ),
            )
        };
        list.items.push(ChecklistItem {
            group: CYCLE,
            requirement: direction.title.clone(),
            mark,
            detail,
            path: Some(path),
        });
    }
}
