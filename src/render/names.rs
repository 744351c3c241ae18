//! How things are named in the site's Russian text: places (a school's short name,
//! «Округ»), acts («Приказ от 30.08.2024 № 148-П», and as cited in a sentence) and
//! an indicator's breakdowns («по предметам и по классам»), the reader's school on a
//! chart («эта школа») and the schools divided from another in a year.
//!
//! A leaf: figures, cards and pages of every kind name the same things, so the names
//! live here and not in one of those pages (which made the pages import each other).

use crate::model::{Indicator, Model, OrgKind, Place};
use crate::text::capitalize;

/// The name of a place as a reader sees it.
pub(crate) fn place_name(model: &Model, place: Place) -> String {
    match place {
        Place::Municipality => "Округ".into(),
        Place::Region => "Регион".into(),
        Place::Russia => "Россия".into(),
        Place::Org(i) => model.register.organizations[i].short_name.clone(),
    }
}

/// «Приказ от 30.08.2024 № 148-П»: how an act is named in Russian texts.
pub(crate) fn designation(model: &Model, page: usize) -> String {
    let page_data = &model.pages[page];
    let act = model
        .documents
        .of_page(page)
        .map_or("Документ".to_string(), |d| capitalize(&d.act));
    // «Положение, утверждённое приказом от … № …»: the date and number are the
    // approving order's, not the Положение's own.
    let mut text = match approved_by_words(model, page) {
        Some(words) => format!("{act}, {words}"),
        None => act,
    };
    if let Some(date) = page_data.approved {
        text.push_str(&format!(" от {}", crate::dates::format_date_short(date)));
    }
    if let Some(number) = &page_data.number {
        text.push_str(&format!(" № {number}"));
    }
    text
}

/// How an act is cited in a sentence or a link: «Приказ от 30.08.2024 № 148-П
/// «Об утверждении…»», but «Положение о …, утверждённое приказом от 28.11.2025
/// № 241-П» for an act that is approved by another (a Положение has no number of
/// its own: the date and number are the approving order's).
pub(crate) fn citation(model: &Model, page: usize) -> String {
    let page_data = &model.pages[page];
    let Some(words) = approved_by_words(model, page) else {
        return format!("{} «{}»", designation(model, page), page_data.title);
    };
    let mut text = format!("{}, {words}", page_data.title.trim_end_matches('.'));
    if let Some(date) = page_data.approved {
        text.push_str(&format!(" от {}", crate::dates::format_date_short(date)));
    }
    if let Some(number) = &page_data.number {
        text.push_str(&format!(" № {number}"));
    }
    text
}

/// «утверждённое приказом» for an act approved by another act, `None` for an act
/// that carries its own date and number.
pub(crate) fn approved_by_words(model: &Model, page: usize) -> Option<String> {
    let document = model.documents.of_page(page)?;
    let participle = approved_participle(&document.act.to_lowercase())?;
    let by = match document
        .approved_by
        .and_then(|a| model.documents.of_page(a))
    {
        Some(approving) => instrumental(&approving.act),
        None => approving_by_issuer(model.pages[page].issuer.as_deref()),
    };
    Some(format!("{participle} {by}"))
}

/// How an act with no approving act on the site was approved, from who issued it:
/// the administration approves by its постановление, the Дума by its решение, the
/// department by its приказ.
fn approving_by_issuer(issuer: Option<&str>) -> &'static str {
    let issuer = issuer.unwrap_or_default().to_lowercase();
    if issuer.contains("администрац") {
        "постановлением администрации"
    } else if issuer.contains("дум") {
        "решением Думы"
    } else {
        "приказом"
    }
}

/// «утверждённое» agreeing with an act that is approved by another, or `None` for
/// an act that carries its own date and number (приказ, постановление…).
fn approved_participle(act: &str) -> Option<&'static str> {
    match act {
        "положение" => Some("утверждённое"),
        "порядок" | "план" | "регламент" | "перечень" | "состав" => {
            Some("утверждённый")
        }
        "программа" | "методика" | "концепция" | "инструкция" | "дорожная карта" => {
            Some("утверждённая")
        }
        "правила" => Some("утверждённые"),
        _ => None,
    }
}

/// «приказом», «постановлением»: the approving act in the instrumental case.
fn instrumental(act: &str) -> &'static str {
    match act.to_lowercase().as_str() {
        "постановление" => "постановлением",
        "распоряжение" => "распоряжением",
        "решение" => "решением",
        _ => "приказом",
    }
}

/// «по предметам» for a breakdown column: the words a reader understands instead of
/// the column's name in the data file; a name the list does not know is kept as
/// the site wrote it.
pub(crate) fn dim_words(name: &str) -> String {
    match name.trim().to_lowercase().as_str() {
        "subject" | "предмет" => "по предметам".into(),
        "grade" | "class" | "класс" | "параллель" => "по классам".into(),
        "procedure" | "процедура" => "по процедурам".into(),
        "level" | "уровень" => "по уровням".into(),
        "kind" | "тип" => "по типам организаций".into(),
        "area" | "territory" | "территория" => "по территориям".into(),
        _ => format!("по признаку «{name}»"),
    }
}

/// «по предметам», «по предметам и по классам»: all breakdowns of an indicator.
pub(crate) fn breakdown_words(indicator: &Indicator) -> String {
    let words: Vec<String> = indicator.dims.iter().map(|d| dim_words(d)).collect();
    if words.is_empty() {
        "по группам данных".into()
    } else {
        words.join(" и ")
    }
}

/// How a card's charts name the organisation it is about: «эта школа».
pub(crate) fn own_words(kind: OrgKind) -> &'static str {
    match kind {
        OrgKind::School => "эта школа",
        OrgKind::Kindergarten => "этот детский сад",
        OrgKind::Additional => "эта организация",
    }
}

/// «А», «А и Б», «А, Б и В».
pub(crate) fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} и {last}", rest.join(", ")),
    }
}

/// For a year's objectivity page: which schools divided from another have their
/// first results this year, so that no change to the year before is computed for
/// them. `None` when there are none.
pub(crate) fn divisions_note(model: &Model, year: i32) -> Option<String> {
    let orgs = &model.register.organizations;
    let mut by_parent: std::collections::BTreeMap<usize, (String, Vec<&str>)> = Default::default();
    for org in orgs {
        if let Some(split) = org.split.as_ref().filter(|s| s.first_year() == year) {
            let date = crate::dates::format_date_short(split.since);
            by_parent
                .entry(split.parent)
                .or_insert((date, Vec::new()))
                .1
                .push(&org.short_name);
        }
    }
    let sentences: Vec<String> = by_parent
        .into_iter()
        .map(|(parent, (date, children))| {
            let parent = &orgs[parent].short_name;
            let (verb, their) = match children.len() {
                1 => ("образована", "её"),
                _ => ("образованы", "их"),
            };
            format!(
                "{} {verb} {date} при разделении {parent}: {their} результаты {year} года не сравниваются с результатами {parent} за {} год (ни изменение за год, ни класс через год, ни «устойчивые признаки»): это другие школы с другими классами.",
                join_names(&children),
                year - 1
            )
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

#[cfg(test)]
mod tests {
    use super::{approved_participle, approving_by_issuer, dim_words, instrumental};

    #[test]
    fn names_breakdowns_in_words_not_column_names() {
        assert_eq!(dim_words("subject"), "по предметам");
        assert_eq!(dim_words("grade"), "по классам");
        assert_eq!(dim_words("смена"), "по признаку «смена»");
    }

    #[test]
    fn an_approved_act_agrees_with_its_kind_and_the_approving_act() {
        assert_eq!(approved_participle("положение"), Some("утверждённое"));
        assert_eq!(
            approving_by_issuer(Some("администрация Кедровогорского муниципального округа")),
            "постановлением администрации"
        );
        assert_eq!(approving_by_issuer(None), "приказом");
        assert_eq!(approved_participle("порядок"), Some("утверждённый"));
        assert_eq!(approved_participle("программа"), Some("утверждённая"));
        assert_eq!(approved_participle("правила"), Some("утверждённые"));
        assert_eq!(
            approved_participle("приказ"),
            None,
            "a приказ has its own number"
        );
        assert_eq!(instrumental("Постановление"), "постановлением");
        assert_eq!(instrumental("приказ"), "приказом");
    }
}
