//! The checklist as one table: each requirement of 8-ФЗ ст. 13, ГОСТ Р 52872-2019 and
//! the annual report is an entry with its id, legal basis, wording, page and test,
//! in the order the checklist prints them (the way ripgrep keeps its flags in one
//! list). Lines that do not fit one shape — procurement, drafts, the report, the
//! management cycle, findings in the data — are entries that write their own lines.

use super::duties::{anti_corruption_item, drafts_item, personal_data_item, procurement_item};
use super::{
    blank, cycle_items, data_findings, link_is_blank, need, plan_marks, report_item,
    responsible_spellings, Checklist, Law, ACCESSIBILITY, LAW_ACTS, LAW_APPEALS, LAW_GENERAL,
    LAW_OPEN_DATA, LAW_STAFF, LAW_WORK,
};
use crate::config::DocumentLink;
use crate::diagnostic::Message;
use crate::model::{Model, Organization};
use crate::tr;

/// Whether a gap fails the line (✘) or is worth a look (⚠).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Severity {
    /// Required by law: a gap is ✘.
    Required,
    /// Not required, or required only by practice: a gap is ⚠.
    Advisory,
}

/// One line whose gaps are a list of what to add.
pub(super) struct Requirement {
    pub(super) law: Law,
    pub(super) wording: fn() -> Message,
    /// Site path where a reader finds the item.
    pub(super) path: &'static str,
    pub(super) severity: Severity,
    /// What is missing; empty when the line is ✔.
    pub(super) gaps: fn(&Model) -> Vec<Message>,
}

/// One line about a list of `authority:` whose absence is the gap and `[]` means
/// «нет»; its anchor on /about/ is the key's last part.
pub(super) struct Listed {
    pub(super) law: Law,
    pub(super) wording: fn() -> Message,
    /// The key under `authority:` in `site.yaml`.
    pub(super) key: &'static str,
    /// What the list holds, for the gap's wording.
    pub(super) what: fn() -> Message,
    pub(super) value: fn(&Model) -> Option<&Vec<DocumentLink>>,
}

/// What an entry of the table is.
pub(super) enum Shape {
    Line(Requirement),
    Listed(Listed),
    /// Lines of their own shape: none, one or several.
    Lines(fn(&Model, &mut Checklist)),
}

pub(super) struct Entry {
    /// A stable name for reading the table; the tests find entries by it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) id: &'static str,
    pub(super) shape: Shape,
}

impl Entry {
    /// Appends this entry's lines for `model`.
    pub(super) fn run(&self, model: &Model, list: &mut Checklist) {
        match &self.shape {
            Shape::Line(line) => match line.severity {
                Severity::Required => {
                    list.add(line.law, (line.wording)(), line.path, (line.gaps)(model))
                }
                Severity::Advisory => {
                    list.warn(line.law, (line.wording)(), line.path, (line.gaps)(model))
                }
            },
            Shape::Listed(listed) => list.listed(
                listed.law,
                (listed.wording)(),
                listed.key,
                (listed.what)(),
                (listed.value)(model),
            ),
            Shape::Lines(run) => run(model, list),
        }
    }
}

/// The checklist, in printed order.
pub(super) const REQUIREMENTS: &[Entry] = &[
    Entry {
        id: "contacts",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Наименование, почтовый адрес, электронная почта, телефоны, режим работы",
                    "Name, postal address, e-mail, phones, working hours"
                )
            },
            path: "/about/#contacts",
            severity: Severity::Required,
            gaps: contacts_gaps,
        }),
    },
    Entry {
        id: "structure",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Структура органа, задачи и функции подразделений",
                    "Structure of the body, tasks and functions of its departments"
                )
            },
            path: "/about/#structure",
            severity: Severity::Required,
            gaps: structure_gaps,
        }),
    },
    Entry {
        id: "powers",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Полномочия органа и акты, которые их определяют",
                    "Powers of the body and the acts that define them"
                )
            },
            path: "/about/#powers",
            severity: Severity::Required,
            gaps: powers_gaps,
        }),
    },
    Entry {
        id: "orgs",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Подведомственные организации: перечень, адреса, телефоны, электронная почта",
                    "Subordinate organisations: list, addresses, phones, e-mail"
                )
            },
            path: "/about/#orgs",
            severity: Severity::Required,
            gaps: orgs_gaps,
        }),
    },
    // 8-ФЗ does not oblige the department to publish its schools' sites, but readers
    // look for them there: a school without one is worth a look, not a failure.
    Entry {
        id: "orgs_sites",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Сайты подведомственных организаций",
                    "Websites of subordinate organisations"
                )
            },
            path: "/about/#orgs",
            severity: Severity::Advisory,
            gaps: orgs_sites_gaps,
        }),
    },
    // Ст. 13, ч. 1, п. 1 «в» names «сведения об их задачах и функциях»; the register
    // may not have them yet, so a gap is worth a look rather than a failure.
    Entry {
        id: "orgs_functions",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Задачи и функции подведомственных организаций",
                    "Tasks and functions of subordinate organisations"
                )
            },
            path: "/about/#orgs",
            severity: Severity::Advisory,
            gaps: orgs_functions_gaps,
        }),
    },
    // Ст. 13, ч. 1, п. 1 «в» (в редакции 270-ФЗ от 14.07.2022): the official pages of
    // subordinate organisations «при наличии» — `social: []` says there are none.
    Entry {
        id: "orgs_social",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Официальные страницы подведомственных организаций в социальных сетях",
                    "Official social media pages of subordinate organisations"
                )
            },
            path: "/about/#orgs",
            severity: Severity::Required,
            gaps: orgs_social_gaps,
        }),
    },
    Entry {
        id: "heads",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Руководитель, заместители, руководители подразделений и подведомственных организаций",
                    "Head, deputies, heads of departments and of subordinate organisations"
                )
            },
            path: "/about/#head",
            severity: Severity::Required,
            gaps: heads_gaps,
        }),
    },
    Entry {
        id: "systems",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Информационные системы, банки данных, реестры",
                    "Information systems, databanks, registers"
                )
            },
            path: "/about/#systems",
            severity: Severity::Required,
            gaps: systems_gaps,
        }),
    },
    Entry {
        id: "media",
        shape: Shape::Line(Requirement {
            law: LAW_GENERAL,
            wording: || {
                tr!(
                    "Учреждённые СМИ и официальные страницы в социальных сетях",
                    "Media founded by the body and official social media pages"
                )
            },
            path: "/about/#media",
            severity: Severity::Required,
            gaps: media_gaps,
        }),
    },
    Entry {
        id: "acts",
        shape: Shape::Line(Requirement {
            law: LAW_ACTS,
            wording: || {
                tr!(
                    "Правовые акты, сведения об изменениях и признании утратившими силу",
                    "Legal acts, their amendments and repeals"
                )
            },
            path: "/documents/",
            severity: Severity::Required,
            gaps: acts_gaps,
        }),
    },
    Entry {
        id: "regulations",
        shape: Shape::Listed(Listed {
            law: LAW_ACTS,
            wording: || {
                tr!(
                    "Административные регламенты и стандарты муниципальных услуг (п. 2 «г»)",
                    "Administrative regulations and standards of municipal services (item 2 “g”)"
                )
            },
            key: "regulations",
            what: || {
                tr!(
                    "регламенты и стандарты муниципальных услуг",
                    "regulations and standards of municipal services"
                )
            },
            value: |model| model.config.authority.regulations.as_ref(),
        }),
    },
    Entry {
        id: "forms",
        shape: Shape::Listed(Listed {
            law: LAW_ACTS,
            wording: || {
                tr!(
                    "Установленные формы обращений, заявлений и иных документов (п. 2 «д»)",
                    "Prescribed forms of appeals, applications and other documents (item 2 “d”)"
                )
            },
            key: "forms",
            what: || {
                tr!(
                    "формы обращений и заявлений",
                    "forms of appeals and applications"
                )
            },
            value: |model| model.config.authority.forms.as_ref(),
        }),
    },
    Entry {
        id: "challenge",
        shape: Shape::Listed(Listed {
            law: LAW_ACTS,
            wording: || {
                tr!(
                    "Порядок обжалования муниципальных правовых актов и решений (п. 2 «е»)",
                    "Procedure for challenging municipal acts and decisions (item 2 “e”)"
                )
            },
            key: "challenge",
            what: || tr!("порядок обжалования", "procedure for challenging acts"),
            value: |model| model.config.authority.challenge.as_ref(),
        }),
    },
    Entry {
        id: "procurement",
        shape: Shape::Lines(procurement_item),
    },
    Entry {
        id: "drafts",
        shape: Shape::Lines(drafts_item),
    },
    Entry {
        id: "programs",
        shape: Shape::Line(Requirement {
            law: LAW_WORK,
            wording: || {
                tr!(
                    "Участие в целевых и иных программах",
                    "Participation in targeted and other programmes"
                )
            },
            path: "/about/#programs",
            severity: Severity::Required,
            gaps: programs_gaps,
        }),
    },
    Entry {
        id: "events",
        shape: Shape::Listed(Listed {
            law: LAW_WORK,
            wording: || {
                tr!(
                    "Мероприятия, официальные визиты и рабочие поездки руководителей (п. 3)",
                    "Events, official visits and working trips of the heads (item 3)"
                )
            },
            key: "events",
            what: || {
                tr!(
                    "мероприятия, визиты и рабочие поездки",
                    "events, visits and working trips"
                )
            },
            value: |model| model.config.authority.events.as_ref(),
        }),
    },
    Entry {
        id: "inspections",
        shape: Shape::Line(Requirement {
            law: LAW_WORK,
            wording: || {
                tr!(
                    "Результаты проверок органа и проведённых им",
                    "Results of inspections of the body and by it"
                )
            },
            path: "/about/#inspections",
            severity: Severity::Required,
            gaps: inspections_gaps,
        }),
    },
    Entry {
        id: "indicators",
        shape: Shape::Line(Requirement {
            law: LAW_WORK,
            wording: || {
                tr!(
                    "Статистическая информация о деятельности (показатели)",
                    "Statistics on the body's work (indicators)"
                )
            },
            path: "/indicators/",
            severity: Severity::Required,
            gaps: indicators_gaps,
        }),
    },
    Entry {
        id: "speeches",
        shape: Shape::Listed(Listed {
            law: LAW_WORK,
            wording: || {
                tr!(
                    "Тексты официальных выступлений и заявлений руководителя и заместителей (п. 6)",
                    "Texts of official speeches and statements of the head and deputies (item 6)"
                )
            },
            key: "speeches",
            what: || tr!("выступления и заявления", "speeches and statements"),
            value: |model| model.config.authority.speeches.as_ref(),
        }),
    },
    Entry {
        id: "budget",
        shape: Shape::Listed(Listed {
            law: LAW_WORK,
            wording: || {
                tr!(
                    "Сведения об использовании выделяемых бюджетных средств (п. 7 «б»)",
                    "Use of allocated budget funds (item 7 “b”)"
                )
            },
            key: "budget",
            what: || {
                tr!(
                    "сведения об использовании бюджетных средств",
                    "information on the use of budget funds"
                )
            },
            value: |model| model.config.authority.budget.as_ref(),
        }),
    },
    Entry {
        id: "vacancies",
        shape: Shape::Line(Requirement {
            law: LAW_STAFF,
            wording: || {
                tr!(
                    "Порядок поступления на службу, вакантные должности, телефон",
                    "Procedure for entering the service, vacancies, phone"
                )
            },
            path: "/about/#vacancies",
            severity: Severity::Required,
            gaps: vacancies_gaps,
        }),
    },
    Entry {
        id: "qualifications",
        shape: Shape::Line(Requirement {
            law: LAW_STAFF,
            wording: || {
                tr!(
                    "Квалификационные требования к кандидатам на замещение вакантных должностей (п. 8 «в»)",
                    "Qualification requirements for candidates for vacant posts (item 8 “v”)"
                )
            },
            path: "/about/#qualifications",
            severity: Severity::Required,
            gaps: qualifications_gaps,
        }),
    },
    Entry {
        id: "competitions",
        shape: Shape::Listed(Listed {
            law: LAW_STAFF,
            wording: || {
                tr!(
                    "Условия и результаты конкурсов на замещение вакантных должностей (п. 8 «г»)",
                    "Terms and results of competitions for vacant posts (item 8 “g”)"
                )
            },
            key: "vacancies.competitions",
            what: || {
                tr!(
                    "конкурсы на замещение вакантных должностей",
                    "competitions for vacant posts"
                )
            },
            value: |model| {
                model
                    .config
                    .authority
                    .vacancies
                    .as_ref()
                    .and_then(|v| v.competitions.as_ref())
            },
        }),
    },
    Entry {
        id: "appeals",
        shape: Shape::Line(Requirement {
            law: LAW_APPEALS,
            wording: || {
                tr!(
                    "Порядок и время приёма, ответственное лицо, телефон, обзоры обращений",
                    "Reception procedure and hours, responsible official, phone, reviews of appeals"
                )
            },
            path: "/about/#appeals",
            severity: Severity::Required,
            gaps: appeals_gaps,
        }),
    },
    Entry {
        id: "personal_data",
        shape: Shape::Lines(personal_data_item),
    },
    Entry {
        id: "anti_corruption",
        shape: Shape::Lines(anti_corruption_item),
    },
    Entry {
        id: "open_data",
        shape: Shape::Line(Requirement {
            law: LAW_OPEN_DATA,
            wording: || {
                tr!(
                    "Открытые данные: реестр и число наборов, паспорта, структура, условия использования, порядок запроса данных",
                    "Open data: register and number of sets, passports, structure, terms of use, how to request data"
                )
            },
            path: "/opendata/",
            severity: Severity::Required,
            gaps: open_data_gaps,
        }),
    },
    Entry {
        id: "special",
        shape: Shape::Line(Requirement {
            law: ACCESSIBILITY,
            wording: || {
                tr!(
                    "Версия для слабовидящих: размер шрифта, цвет, изображения, интервалы",
                    "Version for the visually impaired: font size, colour, images, spacing"
                )
            },
            path: "/special/",
            severity: Severity::Required,
            gaps: special_gaps,
        }),
    },
    Entry {
        id: "report",
        shape: Shape::Lines(report_item),
    },
    Entry {
        id: "cycle",
        shape: Shape::Lines(cycle_items),
    },
    Entry {
        id: "data",
        shape: Shape::Lines(data_findings),
    },
    Entry {
        id: "plan_marks",
        shape: Shape::Lines(plan_marks),
    },
    Entry {
        id: "responsible_spellings",
        shape: Shape::Lines(responsible_spellings),
    },
];

/// An optional text from `site.yaml` that says nothing: absent, `""` or spaces.
fn empty(text: &Option<crate::yaml::Text>) -> bool {
    text.as_ref().is_none_or(|t| t.0.trim().is_empty())
}

fn contacts_gaps(model: &Model) -> Vec<Message> {
    let a = &model.config.authority;
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
    missing
}

fn structure_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    let units = model
        .config
        .authority
        .subdivisions
        .as_deref()
        .unwrap_or_default();
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
    missing
}

fn powers_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    let powers = model.config.authority.powers.as_ref();
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
    missing
}

/// The subordinate organisations that fail `test`, named in one gap.
fn orgs_without(
    model: &Model,
    what: (&str, &str),
    test: fn(&Organization) -> bool,
) -> Option<Message> {
    let names: Vec<&str> = model
        .register
        .organizations
        .iter()
        .filter(|o| o.is_open() && test(o))
        .map(|o| o.short_name.as_str())
        .collect();
    (!names.is_empty()).then(|| {
        let quoted: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
        tr!(
            format!("без {}: {}", what.0, names.join(", ")),
            format!("without {}: {}", what.1, quoted.join(", "))
        )
    })
}

fn orgs_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    need(
        &mut missing,
        model.register.organizations.is_empty(),
        tr!(
            "нет реестра подведомственных организаций: data/organizations.yaml",
            "no register of subordinate organisations: data/organizations.yaml"
        ),
    );
    missing.extend(orgs_without(model, ("адреса", "an address"), |o| {
        o.address.is_none()
    }));
    missing.extend(orgs_without(model, ("телефона", "a phone"), |o| {
        o.phone.is_none()
    }));
    missing.extend(orgs_without(
        model,
        ("электронной почты", "e-mail"),
        |o| o.email.is_none(),
    ));
    missing
}

fn orgs_sites_gaps(model: &Model) -> Vec<Message> {
    orgs_without(
        model,
        (
            "сайта (site в data/organizations.yaml)",
            "a website (site in data/organizations.yaml)",
        ),
        |o| o.site.as_deref().is_none_or(|s| s.trim().is_empty()),
    )
    .into_iter()
    .collect()
}

fn orgs_functions_gaps(model: &Model) -> Vec<Message> {
    orgs_without(
        model,
        (
            "задач и функций (functions в data/organizations.yaml)",
            "tasks and functions (functions in data/organizations.yaml)",
        ),
        |o| o.functions.as_deref().is_none_or(|f| f.trim().is_empty()),
    )
    .into_iter()
    .collect()
}

fn orgs_social_gaps(model: &Model) -> Vec<Message> {
    orgs_without(
        model,
        (
            "сведений об официальных страницах (social в data/organizations.yaml, [] — если их нет)",
            "information on official pages (social in data/organizations.yaml, [] if there are none)",
        ),
        |o| o.social.is_none(),
    )
    .into_iter()
    .collect()
}

fn heads_gaps(model: &Model) -> Vec<Message> {
    let a = &model.config.authority;
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
    let units = a.subdivisions.as_deref().unwrap_or_default();
    for unit in units.iter().filter(|u| u.head.is_none()) {
        missing.push(tr!(
            format!("у подразделения «{}» не указан руководитель", unit.name.0),
            format!("department “{}” has no head", unit.name.0)
        ));
    }
    missing.extend(orgs_without(
        model,
        ("руководителя", "a head"),
        |o| o.head.is_none(),
    ));
    missing
}

fn systems_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    need(&mut missing, model.config.authority.information_systems.is_none(), tr!("не указаны информационные системы и реестры: authority.information_systems ([] — если их нет)", "no information systems and registers: authority.information_systems ([] if there are none)"));
    missing
}

fn media_gaps(model: &Model) -> Vec<Message> {
    let a = &model.config.authority;
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
    missing
}

fn acts_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    need(
        &mut missing,
        model.documents.list.is_empty(),
        tr!(
            "нет ни одного документа: страницам актов нужен kind: document",
            "no acts at all: pages of acts need kind: document"
        ),
    );
    missing
}

fn programs_gaps(model: &Model) -> Vec<Message> {
    let programs = model.config.authority.programs.as_ref();
    let mut missing = Vec::new();
    need(
        &mut missing,
        programs.is_none_or(Vec::is_empty) || programs.is_some_and(|l| l.iter().all(link_is_blank)),
        tr!(
            "не указаны программы: authority.programs",
            "no programmes: authority.programs"
        ),
    );
    missing
}

fn inspections_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    need(
        &mut missing,
        model.config.authority.inspections.is_none(),
        tr!(
            "нет сведений о проверках: authority.inspections ([] — если проверок не было)",
            "no information on inspections: authority.inspections ([] if there were none)"
        ),
    );
    missing
}

fn indicators_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    need(
        &mut missing,
        model.indicators.indicators.is_empty(),
        tr!(
            "нет показателей: data/indicators/*.yaml",
            "no indicators: data/indicators/*.yaml"
        ),
    );
    missing
}

fn vacancies_gaps(model: &Model) -> Vec<Message> {
    let vacancies = model.config.authority.vacancies.as_ref();
    let mut missing = Vec::new();
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
    missing
}

fn qualifications_gaps(model: &Model) -> Vec<Message> {
    let vacancies = model.config.authority.vacancies.as_ref();
    let qualifications = vacancies.and_then(|v| v.qualifications.as_ref());
    let mut missing = Vec::new();
    need(
        &mut missing,
        qualifications.is_none_or(Vec::is_empty),
        tr!("не указаны квалификационные требования к кандидатам: authority.vacancies.qualifications (акт или страница с требованиями)", "no qualification requirements for candidates: authority.vacancies.qualifications (an act or a page with the requirements)"),
    );
    missing
}

fn appeals_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    let Some(appeals) = model.config.authority.appeals.as_ref() else {
        missing.push(tr!(
            "нет сведений о приёме обращений: authority.appeals",
            "no information on receiving appeals: authority.appeals"
        ));
        return missing;
    };
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
    missing
}

/// The gaps of the site as a whole come first, then those of the published sets.
fn open_data_gaps(model: &Model) -> Vec<Message> {
    let a = &model.config.authority;
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
    missing.extend(open_data_set_gaps(model));
    missing
}

fn open_data_set_gaps(model: &Model) -> Vec<Message> {
    let a = &model.config.authority;
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
    missing
}

fn special_gaps(model: &Model) -> Vec<Message> {
    let mut missing = Vec::new();
    need(
        &mut missing,
        !model.by_url.contains_key("/special/"),
        tr!("нет страницы /special/", "no page /special/"),
    );
    missing
}

#[cfg(test)]
#[path = "requirements_tests.rs"]
mod tests;
