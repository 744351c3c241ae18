//! Organisation pages: the register (all, and by kind — pre-rendered so filtering
//! needs no JavaScript) and a card per organisation that opens with a summary for
//! parents in plain words, then the numbers.

use serde::Serialize;

use crate::analyze::{Analysis, OrgComparison, Standing, Trend};
use crate::model::paths;
use crate::model::{Model, Organization};
use crate::model::{OrgFlag, OrgKind, ProfileKind};
use crate::numbers::{format_change_value, format_value, plural};

#[derive(Debug, Serialize)]
pub(crate) struct OrgSummaryView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) short_name: String,
    pub(crate) url: String,
    pub(crate) kind: &'static str,
    pub(crate) address: Option<String>,
    pub(crate) rural: bool,
    pub(crate) flags: Vec<FlagView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FlagView {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    /// The label as a sentence start: tera's `capitalize` would lowercase «ШНОР».
    pub(crate) heading: &'static str,
    pub(crate) explanation: &'static str,
}

#[derive(Debug, Serialize)]
pub(crate) struct KindGroup {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) url: String,
    pub(crate) count: usize,
    pub(crate) current: bool,
    pub(crate) orgs: Vec<OrgSummaryView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct OrgListView {
    pub(crate) all_url: String,
    pub(crate) total: usize,
    /// Set on a view of one kind.
    pub(crate) kind: Option<&'static str>,
    pub(crate) groups: Vec<KindGroup>,
    /// `/objectivity/` and `/shnor/`, when the site has raw results.
    pub(crate) objectivity_url: Option<String>,
    pub(crate) shnor_url: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ComparisonRow {
    pub(crate) indicator: String,
    pub(crate) url: String,
    pub(crate) period: String,
    pub(crate) value: String,
    pub(crate) municipality: String,
    /// better | worse | same | few | fact | none
    pub(crate) standing: &'static str,
    /// «на уровне округа (n = 45)», «мало данных (n = 8)».
    pub(crate) standing_label: String,
    /// «▲ » above the municipality, «▼ » below, «= » level, empty otherwise: the
    /// arrow shows the direction of the value, the words what it means.
    pub(crate) arrow: &'static str,
    pub(crate) change: String,
    pub(crate) averaged: bool,
    /// «в среднем по предметам».
    pub(crate) averaged_over: String,
    /// A warning under the comparison: the value has a sign of objectivity.
    pub(crate) caveat: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct OrgView {
    #[serde(flatten)]
    pub(crate) summary: OrgSummaryView,
    pub(crate) phone: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) site: Option<String>,
    /// `tel:`, `mailto:` and the site's address, when each is safe to link.
    pub(crate) phone_href: Option<String>,
    pub(crate) email_href: Option<String>,
    pub(crate) site_href: Option<String>,
    pub(crate) head: Option<String>,
    pub(crate) functions: Option<String>,
    pub(crate) profile: Option<String>,
    /// «до 01.09.2025 — МБОУ «Таёжная ООШ»»: former names of a renamed or merged
    /// school, whose results before that day are on this card.
    pub(crate) former: Vec<String>,
    /// A school divided into others, or divided from another: the dates, the act,
    /// links to the other schools, and why their years are not compared.
    pub(crate) lineage: Option<LineageView>,
    /// The summary for parents, in plain words from the data.
    pub(crate) story: Story,
    /// The organisation's own course of the site's key indicators, each with the
    /// district's as a reference line (small multiples).
    pub(crate) trends: Vec<super::figures::Figure>,
    /// The school-by-school charts of the key indicators with this school
    /// highlighted, as on the indicator pages («моя школа»).
    pub(crate) among: Vec<super::figures::Figure>,
    /// «Эта школа выделена …»: how to find it in those charts.
    pub(crate) among_intro: String,
    pub(crate) rows: Vec<ComparisonRow>,
    /// Signs of objectivity, ШНОР and the ВПР of the latest year (schools with results).
    pub(crate) objectivity: Option<super::objectivity::OrgBlock>,
}

/// A link to another organisation's card.
#[derive(Debug, Serialize)]
pub(crate) struct OrgLink {
    pub(crate) name: String,
    pub(crate) url: String,
}

/// A division of schools as a card tells it.
#[derive(Debug, Serialize)]
pub(crate) struct LineageView {
    /// «Образована» or «Прекратила работу»: the term in the card's details.
    pub(crate) term: &'static str,
    /// «01.09.2025 при разделении» / «31.08.2025: разделена на».
    pub(crate) lead: String,
    pub(crate) schools: Vec<OrgLink>,
    /// «постановление администрации … № 812», when the register gives it.
    pub(crate) act: Option<String>,
    /// Where each school's results are and which comparisons are not made.
    pub(crate) note: String,
    /// Whether this card's school is the closed one.
    pub(crate) closed: bool,
}

/// The card's words on a division, for a divided school or one divided from it.
fn lineage(model: &Model, org: &Organization) -> Option<LineageView> {
    let orgs = &model.register.organizations;
    let link = |i: usize| OrgLink {
        name: orgs[i].short_name.clone(),
        url: summary_view(model, &orgs[i]).url,
    };
    let date = crate::dates::format_date_short;
    if let Some(split) = &org.split {
        let parent = &orgs[split.parent].short_name;
        return Some(LineageView {
            term: "Образована",
            lead: format!("{} при разделении", date(split.since)),
            schools: vec![link(split.parent)],
            act: split.act.clone(),
            note: format!(
                "Результаты {parent} до этой даты — на её странице. С ними результаты школы не сравниваются: это другая школа с другими классами, поэтому изменение за год, сравнение класса с самим собой через год и «устойчивые признаки» считаются только по годам самой школы."
            ),
            closed: false,
        });
    }
    let closed = org.closed?;
    let act = org
        .successors
        .iter()
        .find_map(|&i| orgs[i].split.as_ref()?.act.clone());
    let (lead, note) = if org.successors.is_empty() {
        (
            date(closed),
            "Результаты за годы работы школы показаны здесь.".to_string(),
        )
    } else {
        (
            format!("{}: разделена на", date(closed)),
            "Результаты за годы работы школы показаны здесь и учтены в показателях округа за эти годы; результаты новых школ — на их страницах, с результатами этой школы они не сравниваются.".to_string(),
        )
    };
    Some(LineageView {
        term: "Прекратила работу",
        lead,
        schools: org.successors.iter().map(|&i| link(i)).collect(),
        act,
        note,
        closed: true,
    })
}

/// The masculine word for a kindergarten («детский сад»), the feminine one for a
/// school or another organisation.
fn gendered(kind: OrgKind, masculine: &'static str, feminine: &'static str) -> &'static str {
    match kind {
        OrgKind::Kindergarten => masculine,
        OrgKind::School | OrgKind::Additional => feminine,
    }
}

fn kind_word(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::School => "школа",
        OrgKind::Kindergarten => "детский сад",
        OrgKind::Additional => "дополнительное образование",
    }
}

fn flag_view(flag: OrgFlag) -> FlagView {
    match flag {
        OrgFlag::Shnor => FlagView {
            id: "shnor",
            label: "получает адресную поддержку (ШНОР)",
            heading: "Получает адресную поддержку (ШНОР)",
            explanation: "Школа включена в перечень школ с низкими образовательными результатами, которым оказывается адресная помощь: кураторы, методическая поддержка, дорожная карта. Это не рейтинг и не оценка учителей, а основание для поддержки.",
        },
        OrgFlag::Shnsu => FlagView {
            id: "shnsu",
            label: "работает в сложных социальных условиях (ШНСУ)",
            heading: "Работает в сложных социальных условиях (ШНСУ)",
            explanation: "Школа отнесена к школам, функционирующим в неблагоприятных социальных условиях, по региональному перечню. Такие школы получают дополнительную поддержку.",
        },
    }
}

pub(crate) fn summary_view(model: &Model, org: &Organization) -> OrgSummaryView {
    OrgSummaryView {
        id: org.id.clone(),
        name: org.name.clone(),
        short_name: org.short_name.clone(),
        url: model.link(&paths::org(&org.id)),
        kind: kind_word(org.kind),
        address: org.address.clone(),
        rural: org.rural,
        flags: org.flags.iter().map(|f| flag_view(*f)).collect(),
    }
}

/// The path of the register filtered to one kind.
pub(crate) fn kind_path(kind: OrgKind) -> String {
    paths::orgs_of_kind(kind.id())
}

pub(crate) fn list_view(model: &Model, only: Option<OrgKind>) -> OrgListView {
    let orgs = &model.register.organizations;
    let mut groups = Vec::new();
    for kind in OrgKind::ALL {
        let mut members: Vec<&Organization> = orgs
            .iter()
            .filter(|o| o.kind == kind && o.is_open())
            .collect();
        if members.is_empty() {
            continue;
        }
        // Alphabetical: the register is a list, never a ranking.
        members.sort_by_cached_key(|o| o.alphabetical_key());
        groups.push(KindGroup {
            id: kind.id(),
            label: kind.label(),
            url: model.link(&kind_path(kind)),
            count: members.len(),
            current: only == Some(kind),
            orgs: if only.is_none() || only == Some(kind) {
                members
                    .into_iter()
                    .map(|o| summary_view(model, o))
                    .collect()
            } else {
                Vec::new()
            },
        });
    }
    OrgListView {
        all_url: model.link("/orgs/"),
        total: orgs.iter().filter(|o| o.is_open()).count(),
        kind: only.map(OrgKind::label),
        groups,
        objectivity_url: model
            .by_url
            .contains_key("/objectivity/")
            .then(|| model.link("/objectivity/")),
        shnor_url: model
            .by_url
            .contains_key("/shnor/")
            .then(|| model.link("/shnor/")),
    }
}

pub(crate) fn org_view(model: &Model, analysis: &Analysis, index: usize) -> OrgView {
    let org = &model.register.organizations[index];
    let comparisons = &analysis.orgs[index];
    let objectivity = super::objectivity::org_block(model, analysis, index);
    let rows = comparisons
        .iter()
        .map(|c| {
            let mut row = comparison_row(model, c);
            row.caveat = caveat(model, analysis, c, index);
            row
        })
        .collect();
    // A closed school's telephone, mail, site and head are no longer its own: a
    // parent who calls them reaches a school divided from it.
    let open = |field: &Option<String>| field.clone().filter(|_| org.is_open());
    let (phone, email, site) = (open(&org.phone), open(&org.email), open(&org.site));
    let key_indicators = || {
        model.config.key_indicators.iter().filter_map(|id| {
            let indicators = &model.indicators.indicators;
            let i = indicators.iter().position(|i| &i.id == id)?;
            Some((i, &indicators[i]))
        })
    };
    OrgView {
        summary: summary_view(model, org),
        phone_href: phone.as_deref().and_then(super::contacts::tel_href),
        email_href: email.as_deref().and_then(super::contacts::mailto_href),
        site_href: site.as_deref().and_then(super::contacts::web_href),
        phone,
        email,
        site,
        head: open(&org.head),
        functions: org.functions.clone(),
        former: org.former_names(),
        lineage: lineage(model, org),
        profile: org.profile.as_ref().map(|(kind, subjects)| {
            let kind = match kind {
                ProfileKind::Lyceum => "лицей",
                ProfileKind::Gymnasium => "гимназия",
                ProfileKind::Advanced => "углублённое изучение предметов",
            };
            if subjects.is_empty() {
                kind.to_string()
            } else {
                format!("{kind}: {}", subjects.join(", "))
            }
        }),
        story: story(model, analysis, index, comparisons),
        trends: key_indicators()
            .filter_map(|(i, indicator)| {
                let own = comparisons.iter().find(|c| c.indicator == i)?;
                let district = &analysis.indicators[i].headline.values;
                super::figures::org_trend_figure(model, indicator, (index, own), district)
            })
            .collect(),
        among_intro: format!(
            "Те же диаграммы, что на страницах показателей: организации в порядке реестра (это не рейтинг), пунктир — значение по округу. {} жёлтым фоном, рамкой и словами «{}».",
            crate::text::capitalize(&format!(
                "{} {}",
                super::names::own_words(org.kind),
                // The participle agrees with «детский сад» or «школа», «организация».
                gendered(org.kind, "выделен", "выделена")
            )),
            super::names::own_words(org.kind)
        ),
        among: key_indicators()
            .flat_map(|(_, indicator)| {
                super::figures::school_figures(model, analysis, indicator, index)
            })
            .collect(),
        rows,
        objectivity,
    }
}

/// A value of a procedure and year with a sign of possibly non-objective results
/// carries the caveat next to its comparison: a «выше» there may not be one. The
/// card's value is the organisation's total (or its subjects' average), so a sign
/// in any subject counts.
fn caveat(model: &Model, analysis: &Analysis, c: &OrgComparison, org: usize) -> Option<String> {
    let indicator = &model.indicators.indicators[c.indicator];
    super::school_marks::signed_schools(model, analysis, indicator, &[], c.period)
        .contains(&org)
        .then(|| {
            format!(
                "{}: результат нужно перепроверить",
                super::school_marks::caveat_words(indicator, c.period)
            )
        })
}

fn comparison_row(model: &Model, c: &OrgComparison) -> ComparisonRow {
    let indicator = &model.indicators.indicators[c.indicator];
    let format = |v: f64| format_value(v, indicator.decimals, &indicator.unit);
    let fact = indicator.compare == crate::model::Compare::Fact;
    ComparisonRow {
        indicator: indicator.title.clone(),
        url: model.link(&paths::indicator(&indicator.id)),
        period: c.period.label(),
        value: format(c.value),
        municipality: c.municipality.map_or("нет данных".into(), format),
        standing: match c.standing {
            Some(Standing::Better) => "better",
            Some(Standing::Worse) => "worse",
            Some(Standing::Same) => "same",
            Some(Standing::FewData) => "few",
            None if fact && c.municipality.is_some() => "fact",
            None => "none",
        },
        standing_label: format!(
            "{}{}",
            match c.standing {
                Some(standing) => super::figures::standing_words(standing, indicator.better),
                None if fact && c.municipality.is_some() => "для сведения, без оценки",
                None => "сравнить не с чем",
            },
            c.n.map_or(String::new(), |n| format!(" (n\u{a0}=\u{a0}{n})"))
        ),
        arrow: match (c.standing, c.municipality) {
            (Some(Standing::Same), _) => "= ",
            (Some(Standing::Better | Standing::Worse), Some(m)) if c.value > m => "▲ ",
            (Some(Standing::Better | Standing::Worse), Some(_)) => "▼ ",
            _ => "",
        },
        change: match c.previous {
            Some((period, from)) => format!(
                "{} к {period} ({})",
                format_change_value(c.value - from, indicator.decimals, &indicator.unit),
                match c.trend {
                    Some(Trend::Improved) => "улучшение",
                    Some(Trend::Worsened) => "ухудшение",
                    _ => "без изменений",
                }
            ),
            None => "нет данных за прошлый период".into(),
        },
        averaged: c.averaged,
        averaged_over: format!(
            "в среднем {}",
            super::names::breakdown_words(&model.indicators.indicators[c.indicator])
        ),
        caveat: None,
    }
}

/// Where an organisation stands, in a few lines a parent reads on a phone.
#[derive(Debug, Default, Serialize)]
pub(crate) struct Story {
    /// The counts in one sentence.
    pub(crate) overview: String,
    /// «доля … — 5,5 % за 2025 (по округу 7,0 %): ниже, чем по округу (это лучше),
    /// n = 120» for each indicator clearly apart from the municipality, those in
    /// the better direction first.
    pub(crate) differ: Vec<String>,
    /// What changed since the previous period, in one sentence.
    pub(crate) changes: Option<String>,
    /// «ВПР — всероссийские проверочные работы…»: the abbreviations used above.
    pub(crate) glossary: Vec<&'static str>,
}

/// The plain-words summary: where the organisation is clearly above or below the
/// municipality, and what changed since the previous period.
fn story(model: &Model, analysis: &Analysis, index: usize, comparisons: &[OrgComparison]) -> Story {
    let org = &model.register.organizations[index];
    let name = |c: &OrgComparison| {
        let indicator = &model.indicators.indicators[c.indicator];
        let format = |v: f64| format_value(v, indicator.decimals, &indicator.unit);
        // Every value with its year: a parent must not mix 2024 and 2025 unawares.
        format!(
            "{} — {} за {}{}{}{}{}",
            lowercase_first(&indicator.title),
            format(c.value),
            period_words(c.period),
            c.municipality
                .map_or(String::new(), |m| format!(" (по округу {})", format(m))),
            c.standing.map_or(String::new(), |standing| format!(
                ": {}",
                super::figures::standing_words(standing, indicator.better)
            )),
            c.n.map_or(String::new(), |n| format!(", n\u{a0}=\u{a0}{n}")),
            caveat(model, analysis, c, index).map_or(String::new(), |text| format!("; {text}"))
        )
    };
    let with = |standing: Standing| {
        comparisons
            .iter()
            .filter(move |c| c.standing == Some(standing))
    };
    if comparisons.is_empty() {
        return Story {
            overview: format!(
                "По {} пока нет опубликованных показателей.",
                match org.kind {
                    OrgKind::School => "этой школе",
                    OrgKind::Kindergarten => "этому детскому саду",
                    OrgKind::Additional => "этой организации",
                }
            ),
            ..Story::default()
        };
    }
    let differ: Vec<String> = with(Standing::Better)
        .chain(with(Standing::Worse))
        .map(name)
        .collect();
    let same = with(Standing::Same).count();
    let few = with(Standing::FewData).count();
    let facts = comparisons.len() - differ.len() - same - few;
    let count = |trend: Trend| {
        comparisons
            .iter()
            .filter(|c| c.trend == Some(trend))
            .count()
    };
    let (improved, worsened) = (count(Trend::Improved), count(Trend::Worsened));
    let compared = comparisons.iter().filter(|c| c.trend.is_some()).count();
    Story {
        overview: format!(
            "Из {} {}, {} для организации, {} заметно {} от округа, {same} — на уровне округа{}{}.",
            comparisons.len(),
            plural(
                comparisons.len(),
                "показателя",
                "показателей",
                "показателей"
            ),
            plural(comparisons.len(), "измеренного", "измеренных", "измеренных"),
            differ.len(),
            plural(differ.len(), "отличается", "отличаются", "отличаются"),
            if few > 0 {
                format!(", {few} — мало данных для сравнения")
            } else {
                String::new()
            },
            if facts > 0 {
                format!(", {facts} — для сведения, без оценки")
            } else {
                String::new()
            }
        ),
        differ,
        changes: (compared > 0).then(|| changes_sentence(compared, improved, worsened)),
        glossary: glossary(
            comparisons
                .iter()
                .map(|c| model.indicators.indicators[c.indicator].title.as_str()),
        ),
    }
}

/// «за 2025 год», «за 2025/26 учебный год»: a year in a sentence says what it is.
fn period_words(period: crate::model::Period) -> String {
    match period.kind {
        crate::model::PeriodKind::Year => format!("{} год", period.label()),
        crate::model::PeriodKind::SchoolYear => format!("{} учебный год", period.label()),
    }
}

/// «С предыдущим периодом можно сравнить 16 показателей: 11 улучшились, 4
/// ухудшились, 1 не изменился.» Counts of zero are left out.
fn changes_sentence(compared: usize, improved: usize, worsened: usize) -> String {
    let same = compared - improved - worsened;
    let parts: Vec<String> = [
        (improved, "улучшился", "улучшились"),
        (worsened, "ухудшился", "ухудшились"),
        (same, "не изменился", "не изменились"),
    ]
    .into_iter()
    .filter(|(count, _, _)| *count > 0)
    .map(|(count, one, many)| format!("{count} {}", plural(count, one, many, many)))
    .collect();
    format!(
        "С предыдущим периодом можно сравнить {compared} {}: {}.",
        plural(compared, "показатель", "показателя", "показателей"),
        parts.join(", ")
    )
}

/// Abbreviations a parent may not know, explained once under the summary when
/// an indicator's title uses them.
fn glossary<'a>(titles: impl Iterator<Item = &'a str>) -> Vec<&'static str> {
    const TERMS: [(&str, &str); 3] = [
        ("ВПР", "ВПР — всероссийские проверочные работы: контрольные работы, одинаковые для всех школ страны."),
        ("ШНОР", "ШНОР — школы с низкими образовательными результатами, которым оказывается адресная помощь."),
        ("ШНСУ", "ШНСУ — школы, работающие в сложных социальных условиях."),
    ];
    let titles: Vec<&str> = titles.collect();
    TERMS
        .iter()
        .filter(|(term, _)| {
            titles.iter().any(|title| {
                title
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word == *term)
            })
        })
        .map(|(_, text)| *text)
        .collect()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        // Keep abbreviations («ВПР», «ЕГЭ») as they are.
        Some(first) if !chars.clone().next().is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_changed_with_agreeing_verbs_and_no_zero_counts() {
        assert_eq!(
            changes_sentence(16, 11, 4),
            "С предыдущим периодом можно сравнить 16 показателей: 11 улучшились, 4 ухудшились, 1 не изменился."
        );
        assert_eq!(
            changes_sentence(22, 21, 0),
            "С предыдущим периодом можно сравнить 22 показателя: 21 улучшился, 1 не изменился."
        );
        assert_eq!(
            changes_sentence(1, 0, 1),
            "С предыдущим периодом можно сравнить 1 показатель: 1 ухудшился."
        );
    }

    #[test]
    fn explains_the_abbreviations_the_titles_use() {
        let explained = glossary(
            [
                "Доля участников ВПР с отметкой «2» в ШНОР и ШНСУ",
                "Средний балл ЕГЭ",
            ]
            .into_iter(),
        );
        assert_eq!(explained.len(), 3);
        assert!(explained[1].starts_with("ШНОР — школы с низкими"));
        assert!(glossary(["Доля педагогов"].into_iter()).is_empty());
    }

    #[test]
    fn states_the_kind_of_year() {
        let year = crate::model::Period {
            year: 2025,
            kind: crate::model::PeriodKind::Year,
        };
        assert_eq!(period_words(year), "2025 год");
        let school_year = crate::model::Period {
            year: 2025,
            kind: crate::model::PeriodKind::SchoolYear,
        };
        assert_eq!(period_words(school_year), "2025/26 учебный год");
    }
}
