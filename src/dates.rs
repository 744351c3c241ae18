//! Calendar dates as Russian users write and read them.
//!
//! Reading accepts the ISO form YAML users are told to write (`2025-08-29`) and the
//! form every Russian act uses (`29.08.2025`); a wrong date is explained in words
//! («месяца 13 нет»), because a bare "invalid date" does not tell a specialist what
//! to fix. Writing gives the form of official texts: «29 августа 2025 г.».

use chrono::{Datelike, NaiveDate};

const MONTHS_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Reads `YYYY-MM-DD` or `DD.MM.YYYY`; the error says what is wrong, in Russian.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let parts: Option<(&str, &str, &str)> = if let Some((y, rest)) = text.split_once('-') {
        rest.split_once('-').map(|(m, d)| (y, m, d))
    } else if let Some((d, rest)) = text.split_once('.') {
        rest.split_once('.').map(|(m, y)| (y, m, d))
    } else {
        None
    };
    let Some((year, month, day)) = parts else {
        return Err(format!(
            "«{text}» — не дата; напишите дату в виде ГГГГ-ММ-ДД, например 2025-08-29"
        ));
    };
    let number = |part: &str, what: &str| -> Result<u32, String> {
        part.parse::<u32>()
            .map_err(|_| format!("в дате «{text}» {what} «{part}» — не число"))
    };
    let (year, month, day) = (
        number(year, "год")?,
        number(month, "месяц")?,
        number(day, "день")?,
    );
    if !(1900..=2100).contains(&year) {
        return Err(format!(
            "в дате «{text}» год {year} вне допустимого диапазона 1900–2100; год пишется четырьмя цифрами"
        ));
    }
    if !(1..=12).contains(&month) {
        return Err(format!("в дате «{text}» месяца {month} нет"));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        format!(
            "в дате «{text}» числа {day} нет: в {} {year} года {} дней",
            month_prepositional(month),
            days_in_month(year as i32, month)
        )
    })
}

/// «29 августа 2025 г.»
pub(crate) fn format_date_ru(date: NaiveDate) -> String {
    format!(
        "{} {} {} г.",
        date.day(),
        MONTHS_GENITIVE[date.month0() as usize],
        date.year()
    )
}

/// «29.08.2025», the short form used in tables.
pub(crate) fn format_date_short(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map_or(31, |d| d.day())
}

/// Months in the prepositional case: «в сентябре».
pub(crate) const MONTHS_PREPOSITIONAL: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];

fn month_prepositional(month: u32) -> &'static str {
    MONTHS_PREPOSITIONAL[(month as usize).clamp(1, 12) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_iso_and_russian_forms() {
        assert_eq!(parse_date("2025-08-29"), Ok(ymd(2025, 8, 29)));
        assert_eq!(parse_date(" 29.08.2025 "), Ok(ymd(2025, 8, 29)));
        assert_eq!(parse_date("1.9.2025"), Ok(ymd(2025, 9, 1)));
    }

    #[test]
    fn explains_month_13() {
        assert_eq!(
            parse_date("31.13.2025").unwrap_err(),
            "в дате «31.13.2025» месяца 13 нет"
        );
    }

    #[test]
    fn explains_day_past_month_end() {
        assert_eq!(
            parse_date("2025-02-29").unwrap_err(),
            "в дате «2025-02-29» числа 29 нет: в феврале 2025 года 28 дней"
        );
    }

    #[test]
    fn rejects_words_and_two_digit_years() {
        assert!(parse_date("вчера").unwrap_err().contains("не дата"));
        assert!(parse_date("01.09.25")
            .unwrap_err()
            .contains("четырьмя цифрами"));
    }

    #[test]
    fn formats_the_russian_way() {
        assert_eq!(format_date_ru(ymd(2025, 9, 1)), "1 сентября 2025 г.");
        assert_eq!(format_date_short(ymd(2025, 9, 1)), "01.09.2025");
    }
}
