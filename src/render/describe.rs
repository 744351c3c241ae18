//! The short plain-text description of every page, for `<meta name="description">`
//! and Open Graph: a page's own words when it has them (its front matter
//! `description`, else the first sentence of its text), else a sentence made from the
//! data it shows. Each page gets its own, so search results and link previews tell
//! pages apart.

use super::text::plain_text;
use crate::analyze::Analysis;
use crate::dates::format_date_short;
use crate::model::OrgKind;
use crate::model::{Model, PageData};
use crate::numbers::plural;

/// Longest description, in characters: search engines cut the rest.
pub(super) const MAX_CHARS: usize = 200;

/// The description of page `index`, whose Markdown made `html`; `None` leaves the
/// site's own description (the home page, a page with nothing to say).
pub(super) fn of_page(
    model: &Model,
    analysis: &Analysis,
    index: usize,
    html: &str,
) -> Option<String> {
    let page = &model.pages[index];
    if let Some(own) = page.description.as_deref() {
        return Some(clip(own));
    }
    if page.url == "/" {
        return None;
    }
    let generated = from_data(model, analysis, index);
    if page.data != PageData::Markdown {
        // A data page's text is an introduction to the data: the data says more.
        return generated.or_else(|| first_sentence(html)).map(|t| clip(&t));
    }
    first_sentence(html).or(generated).map(|t| clip(&t))
}

/// What the data of a page says about it: the monitoring pages here, the rest in
/// [`openness_page`].
fn from_data(model: &Model, analysis: &Analysis, index: usize) -> Option<String> {
    let page = &model.pages[index];
    let text = match page.data {
        PageData::PlanList => {
            let n = model.plans.len();
            format!(
                "Планы работы управления: {n} {}, сроки и ход выполнения мероприятий.",
                plural(n, "план", "плана", "планов")
            )
        }
        PageData::Plan(plan) => {
            let plan_ = &model.plans[plan];
            let counts = analysis.plans[plan].counts;
            fit(
                &plan_.title,
                &format!(
                    " (с {} по {}): выполнено {} из {} {}.",
                    format_date_short(plan_.period.from),
                    format_date_short(plan_.period.to),
                    counts.done,
                    counts.total,
                    plural(counts.total, "мероприятия", "мероприятий", "мероприятий")
                ),
            )
        }
        PageData::IndicatorList => {
            let n = model.indicators.indicators.len();
            format!(
                "Показатели муниципальной системы оценки качества образования: {n} {} \
                 по {} {}, значения по годам и целевые значения.",
                plural(n, "показатель", "показателя", "показателей"),
                model.indicators.directions.len(),
                plural(
                    model.indicators.directions.len(),
                    "направлению",
                    "направлениям",
                    "направлениям"
                )
            )
        }
        PageData::Direction(direction) => {
            let d = &model.indicators.directions[direction];
            let n = d.indicators.len();
            format!(
                "Показатели МСОКО по направлению «{}»: {n} {}, значения по годам \
                 и целевые значения.",
                d.title,
                plural(n, "показатель", "показателя", "показателей")
            )
        }
        PageData::Indicator(indicator) => {
            let i = &model.indicators.indicators[indicator];
            match &i.description {
                Some(own) => own.clone(),
                None => format!(
                    "{}: показатель МСОКО по направлению «{}», значения по годам и целевые значения.",
                    i.title, model.indicators.directions[i.direction].title
                ),
            }
        }
        PageData::OrgList => {
            let n = model
                .register
                .organizations
                .iter()
                .filter(|o| o.is_open())
                .count();
            format!(
                "Подведомственные организации: {n} {}, адреса, телефоны, сайты и руководители.",
                plural(n, "организация", "организации", "организаций")
            )
        }
        PageData::Org(org) => {
            let o = &model.register.organizations[org];
            match o.kind {
                OrgKind::School => format!(
                    "{}: результаты, показатели и признаки объективности.",
                    o.short_name
                ),
                _ => format!(
                    "{}: сведения об организации, показатели и результаты.",
                    o.short_name
                ),
            }
        }
        PageData::Markdown
        | PageData::Authority
        | PageData::DocumentList
        | PageData::OpenDataList
        | PageData::OpenDataSet(_)
        | PageData::CycleMatrix
        | PageData::Cycle(_)
        | PageData::Search
        | PageData::ObjectivityList
        | PageData::Objectivity(_)
        | PageData::ObjectivityPart(..)
        | PageData::ShnorList
        | PageData::Shnor(_) => return openness_page(model, index),
    };
    Some(text)
}

/// What the data of an openness or analytics page says about it (the special
/// version, the authority, registers, open data, the cycle, the analytics).
fn openness_page(model: &Model, index: usize) -> Option<String> {
    let page = &model.pages[index];
    let text = match page.data {
        PageData::Markdown if page.url == "/special/" => {
            "Версия сайта для слабовидящих: размер шрифта, шрифт с засечками или без, \
             цветовая схема, изображения, межбуквенный и межстрочный интервалы."
                .to_string()
        }
        PageData::Markdown => return None,
        PageData::Authority => format!(
            "Сведения об органе: {}, структура и руководство, полномочия, \
             подведомственные организации, контакты и приём обращений.",
            model.config.authority.full_name.0
        ),
        PageData::DocumentList => "Реестр документов: приказы, постановления, положения и \
             планы с датами, номерами, статусом и файлами."
            .to_string(),
        PageData::OpenDataList => {
            let n = model.open_data.len();
            format!(
                "Открытые данные: {n} {} в формате CSV и JSON, паспорта, \
                 структура и условия использования.",
                plural(n, "набор", "набора", "наборов")
            )
        }
        PageData::OpenDataSet(set) => model.open_data[set].description.clone(),
        PageData::CycleMatrix => "Управленческий цикл МСОКО по направлениям: цели, показатели, \
             мониторинг, анализ, меры и управленческие решения."
            .to_string(),
        PageData::Cycle(direction) => format!(
            "Управленческий цикл по направлению «{}»: цели, показатели, анализ, \
             рекомендации, меры и их результаты.",
            model.indicators.directions[direction].title
        ),
        PageData::Search => {
            "Поиск по сайту и список всех его страниц по разделам: новости, документы, \
             планы, показатели, организации."
                .to_string()
        }
        PageData::ObjectivityList => "Признаки необъективности результатов оценочных процедур \
             по годам: методика, школы с признаками и перепроверки."
            .to_string(),
        PageData::Objectivity(year) => format!(
            "Признаки необъективности результатов оценочных процедур {year} года: \
             правила, пороги и число школ с признаками."
        ),
        PageData::ObjectivityPart(year, part) => format!(
            "Признаки необъективности результатов оценочных процедур {year} года, {}: \
             школы с признаками, правила и числа за ними.",
            model.objectivity_parts[&year][part].title
        ),
        PageData::ShnorList => "Школы с низкими образовательными результатами по годам: \
             критерии отбора и списки школ."
            .to_string(),
        PageData::Shnor(year) => format!(
            "Школы с низкими образовательными результатами по итогам {year} года: \
             список и показатели отбора."
        ),
        PageData::PlanList
        | PageData::Plan(_)
        | PageData::IndicatorList
        | PageData::Direction(_)
        | PageData::Indicator(_)
        | PageData::OrgList
        | PageData::Org(_) => return None,
    };
    Some(text)
}

/// The first sentence of a page's text (of its first paragraph, so a heading does
/// not run into it).
pub(super) fn first_sentence(html: &str) -> Option<String> {
    let paragraph = html
        .split("<p>")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .map(plain_text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| plain_text(html));
    if paragraph.is_empty() {
        return None;
    }
    let chars: Vec<char> = paragraph.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        let ends = match next {
            None => true,
            Some(' ') => after.is_some_and(|a| a.is_uppercase() || matches!(a, '«' | '"' | '(')),
            _ => false,
        };
        if ends && !abbreviation(&chars[..i]) {
            return Some(chars[..=i].iter().collect());
        }
    }
    Some(paragraph)
}

/// Whether the word just before a full stop is an abbreviation («г.», «т. д.», «им.»,
/// «А. С.»): such a stop ends no sentence.
fn abbreviation(before: &[char]) -> bool {
    let word: Vec<char> = before
        .iter()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .copied()
        .collect();
    match word.len() {
        0 => false,
        1 => true,
        2..=3 => word.iter().all(|c| c.is_lowercase()),
        _ => false,
    }
}

/// `text` as one line of at most [`MAX_CHARS`] characters, cut after a whole word
/// with «…» when longer.
pub(super) fn clip(text: &str) -> String {
    let text = plain_text(text);
    if text.chars().count() <= MAX_CHARS {
        return text;
    }
    clip_to(&text, MAX_CHARS)
}

/// `text` cut after a whole word, with «…», to at most `max` characters.
fn clip_to(text: &str, max: usize) -> String {
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    let cut = cut.trim_end_matches([',', ';', ':', '—', '–', '-', ' ', '.']);
    format!("{cut}…")
}

/// `head` then `tail`, `head` clipped so that the whole fits in [`MAX_CHARS`]: a long
/// title gives way to what the page says about it.
pub(super) fn fit(head: &str, tail: &str) -> String {
    let room = MAX_CHARS.saturating_sub(tail.chars().count());
    let head = plain_text(head);
    if head.chars().count() <= room {
        return format!("{head}{tail}");
    }
    format!("{}{tail}", clip_to(&head, room))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_skips_abbreviations() {
        assert_eq!(
            first_sentence("<h2>Раздел</h2><p>Школа им. А. С. Пушкина открыта в 1990 г. в селе. Вторая фраза.</p>")
                .as_deref(),
            Some("Школа им. А. С. Пушкина открыта в 1990 г. в селе.")
        );
        assert_eq!(
            first_sentence("<p>Одна фраза без точки</p>").as_deref(),
            Some("Одна фраза без точки")
        );
        assert_eq!(first_sentence(""), None);
    }

    #[test]
    fn clip_cuts_after_a_whole_word() {
        let long = "слово ".repeat(60);
        let clipped = clip(&long);
        assert!(clipped.chars().count() <= MAX_CHARS, "{clipped}");
        assert!(clipped.ends_with("слово…"), "{clipped}");
        assert_eq!(clip("  короткий\n текст "), "короткий текст");
    }

    #[test]
    fn fit_shortens_the_head_and_keeps_the_tail() {
        let text = fit(&"длинное название ".repeat(20), ": выполнено 3 из 5.");
        assert!(text.chars().count() <= MAX_CHARS, "{text}");
        assert!(text.ends_with("…: выполнено 3 из 5."), "{text}");
        assert_eq!(fit("План", ": 1 из 2."), "План: 1 из 2.");
    }

    #[test]
    fn clip_leaves_no_markup() {
        assert_eq!(clip("<b>жирный</b> &amp; простой"), "жирный & простой");
    }
}
