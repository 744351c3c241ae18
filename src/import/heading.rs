//! The text above a plan's table: its title («План мероприятий … на 2021-2022
//! учебный год»), the act that approved it («УТВЕРЖДЁН приказом … от 17.09.2021 №
//! 594», «29.11.2021 № 178-П», or an order's own heading «ПРИКАЗ / «15» сентября
//! 2020 / № 362») and the period the plan covers.
//!
//! Each is a guess from a few words; what is not found is left out and the summary
//! says so, so the specialist fills it in rather than publishing a wrong date.

use chrono::{Datelike, NaiveDate};

use crate::model::{parse_deadline, PlanPeriod};

/// The act that approved the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Approval {
    /// «приказ», «постановление», «распоряжение», «решение».
    pub(crate) kind: String,
    pub(crate) number: String,
    pub(crate) date: NaiveDate,
}

/// The dates the plan covers, and where they came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Period {
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
    pub(crate) source: PeriodSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodSource {
    /// The years of the title («на 2021-2022 учебный год»).
    Title,
    /// The years written in the deadlines.
    Deadlines,
    /// The year of the approving act.
    Approval,
}

/// Words that start a plan's title.
const TITLE_STARTS: [&str; 8] = [
    "план",
    "дорожная карта",
    "«дорожная карта»",
    "\"дорожная карта\"",
    "комплекс мер",
    "комплексный план",
    "программа",
    "перечень мероприятий",
];

/// The plan's title: the paragraph nearest the table that starts like one, with the
/// paragraphs after it (a title set on several lines). Capitals are lowered in
/// lines written in capitals only («ПЛАН МЕРОПРИЯТИЙ»).
pub(crate) fn find_title(before: &[String]) -> Option<String> {
    let start = before.iter().rposition(|p| {
        let lower = p.to_lowercase();
        TITLE_STARTS.iter().any(|s| lower.starts_with(s))
    })?;
    let mut parts = Vec::new();
    for paragraph in &before[start..] {
        let lower = paragraph.to_lowercase();
        if lower.starts_with("утвержд") || lower.starts_with("приложение") {
            break;
        }
        let text = paragraph.trim_matches(|c: char| c == '*' || c.is_whitespace());
        parts.push(if is_all_capitals(text) {
            text.to_lowercase()
        } else {
            text.to_string()
        });
    }
    let title = capitalize_first_letter(parts.join(" ").trim());
    (!title.is_empty()).then_some(title)
}

/// «"дорожная карта" по …» → «"Дорожная карта" по …»: the first letter, after quotes.
fn capitalize_first_letter(text: &str) -> String {
    match text.char_indices().find(|(_, c)| c.is_alphabetic()) {
        Some((at, c)) => format!(
            "{}{}{}",
            &text[..at],
            c.to_uppercase(),
            &text[at + c.len_utf8()..]
        ),
        None => text.to_string(),
    }
}

fn is_all_capitals(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

/// The approving act: a date followed by «№ …», preferring a paragraph that says
/// «утверждён»; an act of a federal law («Федерального закона от … № 273-ФЗ») is not it.
pub(crate) fn find_approval(before: &[String]) -> Option<Approval> {
    let approving = before
        .iter()
        .position(|p| p.to_lowercase().contains("утвержд") && p.contains('№'));
    let candidates: Vec<String> = match approving {
        // «УТВЕРЖДЁН» may stand alone, with «приказом от … № …» below it.
        Some(i) => vec![before[i..before.len().min(i + 4)].join(" ")],
        None => vec![before.join(" ")],
    };
    candidates.iter().find_map(|text| approval_in(text))
}

fn approval_in(text: &str) -> Option<Approval> {
    let mut from = 0;
    while let Some(offset) = text[from..].find('№') {
        let at = from + offset;
        from = at + '№'.len_utf8();
        let before = &text[..at];
        let lower_before = before.to_lowercase();
        let number: String = text[from..]
            .trim_start()
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != ',' && *c != ';' && *c != '»' && *c != '«')
            .collect();
        let number = number.trim_end_matches(['.', ')']).to_string();
        if number.is_empty() {
            continue;
        }
        // The date is in the words just before «№».
        let Some(date) = date_before(before) else {
            continue;
        };
        let window_start = lower_before
            .char_indices()
            .rev()
            .nth(80)
            .map_or(0, |(i, _)| i);
        let window = &lower_before[window_start..];
        if window.contains("закон") || window.contains("фз") {
            continue;
        }
        let kind = [
            ("приказ", "приказ"),
            ("постановлен", "постановление"),
            ("распоряжен", "распоряжение"),
            ("решени", "решение"),
        ]
        .iter()
        .find(|(stem, _)| lower_before.contains(stem))
        .map_or("приказ", |(_, kind)| kind)
        .to_string();
        return Some(Approval { kind, number, date });
    }
    None
}

/// The date that ends `text` («от 17.09.2021 », ««15» сентября 2020 »).
fn date_before(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = words.last()?.trim_end_matches(['г', '.', ',']);
    if let Ok(date) = crate::dates::parse_date(last) {
        return Some(date);
    }
    // «15 сентября 2020 г.»: three words, read by the deadline reader.
    let tail: Vec<&str> = words
        .iter()
        .rev()
        .filter(|w| !matches!(**w, "г." | "г" | "года"))
        .take(3)
        .copied()
        .collect();
    let phrase: String = tail
        .iter()
        .rev()
        .map(|w| w.trim_matches(['«', '»', '"']))
        .collect::<Vec<_>>()
        .join(" ");
    let any = PlanPeriod {
        from: NaiveDate::from_ymd_opt(2000, 1, 1)?,
        to: NaiveDate::from_ymd_opt(2000, 12, 31)?,
    };
    let deadline = parse_deadline(&phrase, &any).ok()?;
    match deadline.spans.as_slice() {
        [span] if span.start == span.end && deadline.recurrence.is_none() => Some(span.start),
        _ => None,
    }
}

/// The period: the years of the title (a school year when it says «учебный»),
/// else the years the deadlines name, else the calendar year of the approving act.
pub(crate) fn find_period(
    title: Option<&str>,
    dues: &[&str],
    approval: Option<&Approval>,
) -> Option<Period> {
    if let Some(title) = title {
        let lower = title.to_lowercase();
        // Only the years after «на»: «… от 2020 г. на 2021-2022 учебный год».
        let tail = lower.rfind(" на ").map_or(&lower[..], |i| &lower[i..]);
        let years = years_in(tail);
        if let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) {
            let (from, to) = if tail.contains("учебн") || tail.contains("уч.") {
                (date(first, 9, 1)?, date(last.max(first + 1), 8, 31)?)
            } else {
                (date(first, 1, 1)?, date(last, 12, 31)?)
            };
            return Some(Period {
                from,
                to,
                source: PeriodSource::Title,
            });
        }
    }
    let years: Vec<i32> = dues.iter().flat_map(|d| years_in(d)).collect();
    if let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) {
        return Some(Period {
            from: date(first, 1, 1)?,
            to: date(last, 12, 31)?,
            source: PeriodSource::Deadlines,
        });
    }
    approval.and_then(|a| {
        Some(Period {
            from: a.date,
            to: date(a.date.year(), 12, 31)?,
            source: PeriodSource::Approval,
        })
    })
}

/// Four-digit years 1990–2099 standing as numbers of their own.
fn years_in(text: &str) -> Vec<i32> {
    let mut years = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            // Not the year of a date «01.12.2021»? That is a year too.
            let digits: String = chars[start..i].iter().collect();
            let after_dot_digit = start > 0 && chars[start - 1] == '.' && i - start != 4;
            if digits.len() == 4 && !after_dot_digit {
                if let Ok(year) = digits.parse::<i32>() {
                    if (1990..=2099).contains(&year) {
                        years.push(year);
                    }
                }
            }
        } else {
            i += 1;
        }
    }
    years
}

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &[&str]) -> Vec<String> {
        text.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_a_title_set_on_several_lines_in_capitals() {
        let before = lines(&[
            "УТВЕРЖДЁН приказом управления образования от 17.09.2021 № 594",
            "ПЛАН МЕРОПРИЯТИЙ",
            "по повышению объективности оценки образовательных результатов",
            "на 2021-2022 учебный год",
        ]);
        assert_eq!(
            find_title(&before).unwrap(),
            "План мероприятий по повышению объективности оценки образовательных результатов на 2021-2022 учебный год"
        );
    }

    #[test]
    fn finds_the_approving_act() {
        let before = lines(&[
            "УТВЕРЖДЁН",
            "приказом управления образования от 17.09.2021 № 594",
        ]);
        let act = find_approval(&before).unwrap();
        assert_eq!(act.kind, "приказ");
        assert_eq!(act.number, "594");
        assert_eq!(act.date, date(2021, 9, 17).unwrap());
        let act = find_approval(&lines(&["Утверждено постановлением 29.11.2021 № 178-П"])).unwrap();
        assert_eq!(
            (act.kind.as_str(), act.number.as_str()),
            ("постановление", "178-П")
        );
    }

    #[test]
    fn finds_an_orders_heading_with_the_date_in_words() {
        let before = lines(&[
            "ПРИКАЗ",
            "«15» сентября 2020",
            "№ 362",
            "в соответствии со статьей 9 Федерального закона от 29.12.2012 № 273-ФЗ",
        ]);
        let act = find_approval(&before).unwrap();
        assert_eq!(act.number, "362");
        assert_eq!(act.date, date(2020, 9, 15).unwrap());
    }

    #[test]
    fn skips_a_federal_law() {
        let before = lines(&["в соответствии с Федеральным законом от 29.12.2012 № 273-ФЗ"]);
        assert_eq!(find_approval(&before), None);
    }

    #[test]
    fn reads_the_period_from_the_title_or_the_deadlines() {
        let school = find_period(Some("План на 2021-2022 учебный год"), &[], None).unwrap();
        assert_eq!(
            (school.from, school.to),
            (date(2021, 9, 1).unwrap(), date(2022, 8, 31).unwrap())
        );
        assert_eq!(school.source, PeriodSource::Title);
        let years = find_period(Some("Дорожная карта на 2025–2026 годы"), &[], None).unwrap();
        assert_eq!(
            (years.from, years.to),
            (date(2025, 1, 1).unwrap(), date(2026, 12, 31).unwrap())
        );
        let dues = find_period(Some("План"), &["До 01.12.2021", "апрель 2022"], None).unwrap();
        assert_eq!(
            (dues.from, dues.to),
            (date(2021, 1, 1).unwrap(), date(2022, 12, 31).unwrap())
        );
        assert_eq!(dues.source, PeriodSource::Deadlines);
        assert_eq!(find_period(None, &["ежегодно"], None), None);
    }
}
