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
use duties::{
    anti_corruption_item, drafts_item, personal_data_item, procurement_item, report_pdf_item,
};

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

pub(crate) fn openness_checklist(model: &Model) -> Vec<ChecklistItem> {
    let mut list = Checklist { items: Vec::new() };
    let a = &model.config.authority;
    let empty = |t: &Option<crate::yaml::Text>| t.as_ref().is_none_or(|t| t.0.trim().is_empty());

    let mut missing = Vec::new();
    need(
        &mut missing,
        empty(&a.address),
        tr!(
            "нет почтового адреса: authority.address в site.yaml",
            "no postal address: authority.address in site.yaml"
        ),
    );
    need(
        &mut missing,
        empty(&a.email),
        tr!(
            "нет электронной почты: authority.email",
            "no e-mail: authority.email"
        ),
    );
    need(
        &mut missing,
        empty(&a.phone),
        tr!("нет телефона: authority.phone", "no phone: authority.phone"),
    );
    need(
        &mut missing,
        empty(&a.schedule),
        tr!(
            "не указан режим работы: authority.schedule",
            "no working hours: authority.schedule"
        ),
    );
    list.add(
        LAW_GENERAL,
        tr!(
            "Наименование, почтовый адрес, электронная почта, телефоны, режим работы",
            "Name, postal address, e-mail, phones, working hours"
        ),
        "/about/#contacts",
        missing,
    );

    let mut missing = Vec::new();
    let units = a.subdivisions.as_deref().unwrap_or_default();
    need(
        &mut missing,
        units.is_empty(),
        tr!(
            "нет структуры: добавьте подразделения в authority.subdivisions",
            "no structure: add the departments to authority.subdivisions"
        ),
    );
    for unit in units.iter().filter(|u| u.tasks.is_empty()) {
        missing.push(tr!(
            format!(
                "у подразделения «{}» не указаны задачи (tasks)",
                unit.name.0
            ),
            format!("department “{}” has no tasks (tasks)", unit.name.0)
        ));
    }
    for unit in units.iter().filter(|u| empty(&u.phone)) {
        missing.push(tr!(
            format!(
                "у подразделения «{}» не указан телефон (phone)",
                unit.name.0
            ),
            format!("department “{}” has no phone (phone)", unit.name.0)
        ));
    }
    list.add(
        LAW_GENERAL,
        tr!(
            "Структура органа, задачи и функции подразделений",
            "Structure of the body, tasks and functions of its departments"
        ),
        "/about/#structure",
        missing,
    );

    let mut missing = Vec::new();
    let powers = a.powers.as_ref();
    need(
        &mut missing,
        powers.is_none_or(|p| p.items.iter().all(|i| i.0.trim().is_empty())),
        tr!(
            "не перечислены полномочия: authority.powers.items",
            "no powers listed: authority.powers.items"
        ),
    );
    need(
        &mut missing,
        powers.is_none_or(|p| p.acts.is_empty()),
        tr!(
            "не указаны акты, определяющие полномочия: authority.powers.acts",
            "no acts defining the powers: authority.powers.acts"
        ),
    );
    list.add(
        LAW_GENERAL,
        tr!(
            "Полномочия органа и акты, которые их определяют",
            "Powers of the body and the acts that define them"
        ),
        "/about/#powers",
        missing,
    );

    let mut missing = Vec::new();
    let orgs = &model.register.organizations;
    need(
        &mut missing,
        orgs.is_empty(),
        tr!(
            "нет реестра подведомственных организаций: data/organizations.yaml",
            "no register of subordinate organisations: data/organizations.yaml"
        ),
    );
    let without = |what: (&str, &str),
                   test: &dyn Fn(&crate::model::Organization) -> bool|
     -> Option<Message> {
        let names: Vec<&str> = orgs
            .iter()
            .filter(|o| test(o))
            .map(|o| o.short_name.as_str())
            .collect();
        (!names.is_empty()).then(|| {
            let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
            tr!(
                format!("без {}: {}", what.0, names.join(", ")),
                format!("without {}: {}", what.1, quoted.join(", "))
            )
        })
    };
    missing.extend(without(("адреса", "an address"), &|o| {
        o.address.is_none()
    }));
    missing.extend(without(("телефона", "a phone"), &|o| {
        o.phone.is_none()
    }));
    missing.extend(without(
        ("электронной почты", "e-mail"),
        &|o| o.email.is_none(),
    ));
    list.add(
        LAW_GENERAL,
        tr!(
            "Подведомственные организации: перечень, адреса, телефоны, электронная почта",
            "Subordinate organisations: list, addresses, phones, e-mail"
        ),
        "/about/#orgs",
        missing,
    );
    // 8-ФЗ does not oblige the department to publish its schools' sites, but readers
    // look for them there: a school without one is worth a look, not a failure.
    let no_site: Vec<Message> = without(
        (
            "сайта (site в data/organizations.yaml)",
            "a website (site in data/organizations.yaml)",
        ),
        &|o| o.site.as_deref().is_none_or(|s| s.trim().is_empty()),
    )
    .into_iter()
    .collect();
    list.warn(
        LAW_GENERAL,
        tr!(
            "Сайты подведомственных организаций",
            "Websites of subordinate organisations"
        ),
        "/about/#orgs",
        no_site,
    );
    // Ст. 13, ч. 1, п. 1 «в» names «сведения об их задачах и функциях»; the register
    // may not have them yet, so a gap is worth a look rather than a failure.
    let no_functions: Vec<Message> = without(
        (
            "задач и функций (functions в data/organizations.yaml)",
            "tasks and functions (functions in data/organizations.yaml)",
        ),
        &|o| o.functions.as_deref().is_none_or(|f| f.trim().is_empty()),
    )
    .into_iter()
    .collect();
    list.warn(
        LAW_GENERAL,
        tr!(
            "Задачи и функции подведомственных организаций",
            "Tasks and functions of subordinate organisations"
        ),
        "/about/#orgs",
        no_functions,
    );

    // Ст. 13, ч. 1, п. 1 «в» (в редакции 270-ФЗ от 14.07.2022): the official pages of
    // subordinate organisations «при наличии» — `social: []` says there are none.
    let no_social: Vec<Message> = without(
        (
            "сведений об официальных страницах (social в data/organizations.yaml, [] — если их нет)",
            "information on official pages (social in data/organizations.yaml, [] if there are none)",
        ),
        &|o| o.social.is_none(),
    )
    .into_iter()
    .collect();
    list.add(
        LAW_GENERAL,
        tr!(
            "Официальные страницы подведомственных организаций в социальных сетях",
            "Official social media pages of subordinate organisations"
        ),
        "/about/#orgs",
        no_social,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        a.head.as_ref().is_none_or(|p| p.name.0.trim().is_empty()),
        tr!(
            "не указан руководитель: authority.head",
            "no head: authority.head"
        ),
    );
    need(
        &mut missing,
        a.deputies.is_none(),
        tr!(
            "не указаны заместители: authority.deputies (пустой список [] — если заместителей нет)",
            "no deputies: authority.deputies (an empty list [] if there are none)"
        ),
    );
    for unit in units.iter().filter(|u| u.head.is_none()) {
        missing.push(tr!(
            format!("у подразделения «{}» не указан руководитель", unit.name.0),
            format!("department “{}” has no head", unit.name.0)
        ));
    }
    missing.extend(without(("руководителя", "a head"), &|o| {
        o.head.is_none()
    }));
    list.add(
        LAW_GENERAL,
        tr!(
            "Руководитель, заместители, руководители подразделений и подведомственных организаций",
            "Head, deputies, heads of departments and of subordinate organisations"
        ),
        "/about/#head",
        missing,
    );

    let mut missing = Vec::new();
    need(&mut missing, a.information_systems.is_none(), tr!("не указаны информационные системы и реестры: authority.information_systems ([] — если их нет)", "no information systems and registers: authority.information_systems ([] if there are none)"));
    list.add(
        LAW_GENERAL,
        tr!(
            "Информационные системы, банки данных, реестры",
            "Information systems, databanks, registers"
        ),
        "/about/#systems",
        missing,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        a.media.is_none(),
        tr!(
            "не указаны учреждённые СМИ: authority.media ([] — если их нет)",
            "no media founded by the body: authority.media ([] if there are none)"
        ),
    );
    need(
        &mut missing,
        a.social
            .as_ref()
            .is_none_or(|s| s.iter().all(|p| p.url.trim().is_empty())),
        tr!(
            "не указаны официальные страницы в социальных сетях: authority.social",
            "no official social media pages: authority.social"
        ),
    );
    list.add(
        LAW_GENERAL,
        tr!(
            "Учреждённые СМИ и официальные страницы в социальных сетях",
            "Media founded by the body and official social media pages"
        ),
        "/about/#media",
        missing,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        model.documents.list.is_empty(),
        tr!(
            "нет ни одного документа: страницам актов нужен kind: document",
            "no acts at all: pages of acts need kind: document"
        ),
    );
    list.add(
        LAW_ACTS,
        tr!(
            "Правовые акты, сведения об изменениях и признании утратившими силу",
            "Legal acts, their amendments and repeals"
        ),
        "/documents/",
        missing,
    );

    let lists: [(
        Message,
        &str,
        Message,
        &Option<Vec<crate::config::DocumentLink>>,
    ); 3] = [
        (
            tr!(
                "Административные регламенты и стандарты муниципальных услуг (п. 2 «г»)",
                "Administrative regulations and standards of municipal services (item 2 “g”)"
            ),
            "regulations",
            tr!(
                "регламенты и стандарты муниципальных услуг",
                "regulations and standards of municipal services"
            ),
            &a.regulations,
        ),
        (
            tr!(
                "Установленные формы обращений, заявлений и иных документов (п. 2 «д»)",
                "Prescribed forms of appeals, applications and other documents (item 2 “d”)"
            ),
            "forms",
            tr!(
                "формы обращений и заявлений",
                "forms of appeals and applications"
            ),
            &a.forms,
        ),
        (
            tr!(
                "Порядок обжалования муниципальных правовых актов и решений (п. 2 «е»)",
                "Procedure for challenging municipal acts and decisions (item 2 “e”)"
            ),
            "challenge",
            tr!("порядок обжалования", "procedure for challenging acts"),
            &a.challenge,
        ),
    ];
    for (requirement, key, what, value) in lists {
        list.listed(LAW_ACTS, requirement, key, what, value.as_ref());
    }
    procurement_item(model, &mut list);
    drafts_item(model, &mut list);

    let mut missing = Vec::new();
    need(
        &mut missing,
        a.programs.as_ref().is_none_or(Vec::is_empty)
            || a.programs
                .as_ref()
                .is_some_and(|l| l.iter().all(link_is_blank)),
        tr!(
            "не указаны программы: authority.programs",
            "no programmes: authority.programs"
        ),
    );
    list.add(
        LAW_WORK,
        tr!(
            "Участие в целевых и иных программах",
            "Participation in targeted and other programmes"
        ),
        "/about/#programs",
        missing,
    );
    list.listed(
        LAW_WORK,
        tr!(
            "Мероприятия, официальные визиты и рабочие поездки руководителей (п. 3)",
            "Events, official visits and working trips of the heads (item 3)"
        ),
        "events",
        tr!(
            "мероприятия, визиты и рабочие поездки",
            "events, visits and working trips"
        ),
        a.events.as_ref(),
    );
    let mut missing = Vec::new();
    need(
        &mut missing,
        a.inspections.is_none(),
        tr!(
            "нет сведений о проверках: authority.inspections ([] — если проверок не было)",
            "no information on inspections: authority.inspections ([] if there were none)"
        ),
    );
    list.add(
        LAW_WORK,
        tr!(
            "Результаты проверок органа и проведённых им",
            "Results of inspections of the body and by it"
        ),
        "/about/#inspections",
        missing,
    );
    let mut missing = Vec::new();
    need(
        &mut missing,
        model.indicators.indicators.is_empty(),
        tr!(
            "нет показателей: data/indicators/*.yaml",
            "no indicators: data/indicators/*.yaml"
        ),
    );
    list.add(
        LAW_WORK,
        tr!(
            "Статистическая информация о деятельности (показатели)",
            "Statistics on the body's work (indicators)"
        ),
        "/indicators/",
        missing,
    );
    list.listed(
        LAW_WORK,
        tr!(
            "Тексты официальных выступлений и заявлений руководителя и заместителей (п. 6)",
            "Texts of official speeches and statements of the head and deputies (item 6)"
        ),
        "speeches",
        tr!("выступления и заявления", "speeches and statements"),
        a.speeches.as_ref(),
    );
    list.listed(
        LAW_WORK,
        tr!(
            "Сведения об использовании выделяемых бюджетных средств (п. 7 «б»)",
            "Use of allocated budget funds (item 7 “b”)"
        ),
        "budget",
        tr!(
            "сведения об использовании бюджетных средств",
            "information on the use of budget funds"
        ),
        a.budget.as_ref(),
    );

    let mut missing = Vec::new();
    let vacancies = a.vacancies.as_ref();
    need(
        &mut missing,
        vacancies.is_none(),
        tr!(
            "нет сведений о вакансиях: authority.vacancies (list: [] — если вакансий нет)",
            "no information on vacancies: authority.vacancies (list: [] if there are none)"
        ),
    );
    need(
        &mut missing,
        vacancies.is_some_and(|v| empty(&v.procedure)),
        tr!(
            "не описан порядок поступления на службу: authority.vacancies.procedure",
            "no procedure for entering the service: authority.vacancies.procedure"
        ),
    );
    need(
        &mut missing,
        vacancies.is_some_and(|v| empty(&v.phone)),
        tr!(
            "нет телефона по вопросам замещения вакансий: authority.vacancies.phone",
            "no phone for questions about vacancies: authority.vacancies.phone"
        ),
    );
    list.add(
        LAW_STAFF,
        tr!(
            "Порядок поступления на службу, вакантные должности, телефон",
            "Procedure for entering the service, vacancies, phone"
        ),
        "/about/#vacancies",
        missing,
    );
    let mut missing = Vec::new();
    let qualifications = vacancies.and_then(|v| v.qualifications.as_ref());
    need(
        &mut missing,
        qualifications.is_none_or(Vec::is_empty),
        tr!("не указаны квалификационные требования к кандидатам: authority.vacancies.qualifications (акт или страница с требованиями)", "no qualification requirements for candidates: authority.vacancies.qualifications (an act or a page with the requirements)"),
    );
    list.add(
        LAW_STAFF,
        tr!(
            "Квалификационные требования к кандидатам на замещение вакантных должностей (п. 8 «в»)",
            "Qualification requirements for candidates for vacant posts (item 8 “v”)"
        ),
        "/about/#qualifications",
        missing,
    );
    list.listed(
        LAW_STAFF,
        tr!(
            "Условия и результаты конкурсов на замещение вакантных должностей (п. 8 «г»)",
            "Terms and results of competitions for vacant posts (item 8 “g”)"
        ),
        "vacancies.competitions",
        tr!(
            "конкурсы на замещение вакантных должностей",
            "competitions for vacant posts"
        ),
        vacancies.and_then(|v| v.competitions.as_ref()),
    );

    let mut missing = Vec::new();
    let appeals = a.appeals.as_ref();
    need(
        &mut missing,
        appeals.is_none(),
        tr!(
            "нет сведений о приёме обращений: authority.appeals",
            "no information on receiving appeals: authority.appeals"
        ),
    );
    if let Some(appeals) = appeals {
        need(
            &mut missing,
            appeals
                .official
                .as_ref()
                .is_none_or(|p| p.name.0.trim().is_empty()),
            tr!(
                "не указано ответственное должностное лицо: authority.appeals.official",
                "no responsible official: authority.appeals.official"
            ),
        );
        need(
            &mut missing,
            empty(&appeals.phone),
            tr!(
                "нет телефона для справок: authority.appeals.phone",
                "no enquiries phone: authority.appeals.phone"
            ),
        );
        need(
            &mut missing,
            empty(&appeals.hours),
            tr!(
                "не указаны часы приёма: authority.appeals.hours",
                "no reception hours: authority.appeals.hours"
            ),
        );
        need(
            &mut missing,
            blank(appeals.page.as_deref()),
            tr!(
                "нет страницы с порядком рассмотрения обращений: authority.appeals.page",
                "no page with the procedure for handling appeals: authority.appeals.page"
            ),
        );
        need(
            &mut missing,
            blank(appeals.reviews.as_deref()),
            tr!(
                "нет обзора обращений: authority.appeals.reviews",
                "no review of appeals: authority.appeals.reviews"
            ),
        );
    }
    list.add(
        LAW_APPEALS,
        tr!(
            "Порядок и время приёма, ответственное лицо, телефон, обзоры обращений",
            "Reception procedure and hours, responsible official, phone, reviews of appeals"
        ),
        "/about/#appeals",
        missing,
    );

    personal_data_item(model, &mut list);
    anti_corruption_item(model, &mut list);

    let mut missing = Vec::new();
    for (title, file) in &model.unpublished_data {
        missing.push(tr!(
            format!("набор «{title}» не опубликован: неизвестна дата его версии — добавьте {} в репозиторий сайта (git add, git commit)", file.display()),
            format!("the set “{title}” is not published: the date of its version is unknown; add {} to the site's repository (git add, git commit)", file.display())
        ));
    }
    let responsible = a.open_data.as_ref().and_then(|o| o.responsible.as_ref());
    need(
        &mut missing,
        a.open_data.is_some()
            && responsible.is_none_or(|p| {
                blank(p.email.as_ref().map(|t| t.0.as_str()))
                    && blank(p.phone.as_ref().map(|t| t.0.as_str()))
            })
            && empty(&a.email),
        tr!(
            "не указано, как запросить данные: authority.open_data.responsible с email или phone",
            "no way to request data: authority.open_data.responsible with email or phone"
        ),
    );
    need(
        &mut missing,
        a.open_data
            .as_ref()
            .is_some_and(|o| o.license.0.trim().is_empty()),
        tr!(
            "не указаны условия использования: authority.open_data.license",
            "no terms of use: authority.open_data.license"
        ),
    );
    let mut missing_sets = missing;
    let mut missing = Vec::new();
    need(
        &mut missing,
        model.open_data.is_empty(),
        tr!("нет наборов открытых данных", "no open data sets"),
    );
    need(
        &mut missing,
        a.open_data.is_none(),
        tr!(
            "не указаны лицензия и ответственный за открытые данные: authority.open_data",
            "no licence and no person responsible for open data: authority.open_data"
        ),
    );
    need(
        &mut missing,
        empty(&a.inn),
        tr!(
            "не указан ИНН (authority.inn): с него начинаются идентификаторы наборов",
            "no INN (authority.inn): the data sets' identifiers start with it"
        ),
    );
    missing.append(&mut missing_sets);
    list.add(
        LAW_OPEN_DATA,
        tr!(
            "Открытые данные: реестр и число наборов, паспорта, структура, условия использования, порядок запроса данных",
            "Open data: register and number of sets, passports, structure, terms of use, how to request data"
        ),
        "/opendata/",
        missing,
    );

    let mut missing = Vec::new();
    need(
        &mut missing,
        !model.by_url.contains_key("/special/"),
        tr!("нет страницы /special/", "no page /special/"),
    );
    list.add(
        ACCESSIBILITY,
        tr!(
            "Версия для слабовидящих: размер шрифта, цвет, изображения, интервалы",
            "Version for the visually impaired: font size, colour, images, spacing"
        ),
        "/special/",
        missing,
    );

    report_item(model, &mut list);
    cycle_items(model, &mut list);
    data_findings(model, &mut list);
    plan_marks(model, &mut list);
    responsible_spellings(model, &mut list);
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
