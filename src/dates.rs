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

/// Which part of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// The year.
    Year,
    /// The month.
    Month,
    /// The day.
    Day,
}

/// What is wrong with a date, with what is needed to say it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not shaped like a date at all.
    NotADate {
        /// The text as written.
        text: String,
    },
    /// A part that is not a number.
    NotANumber {
        /// The text as written.
        text: String,
        /// Which part.
        part: DatePart,
        /// The part as written.
        value: String,
    },
    /// A year outside 1900–2100 (often a two-digit year).
    YearOutOfRange {
        /// The text as written.
        text: String,
        /// The year read.
        year: u32,
    },
    /// A month outside 1–12.
    NoSuchMonth {
        /// The text as written.
        text: String,
        /// The month read.
        month: u32,
    },
    /// A day past the month's end.
    NoSuchDay {
        /// The text as written.
        text: String,
        /// The date's parts.
        day: u32,
        /// The date's parts.
        month: u32,
        /// The date's parts.
        year: u32,
    },
}

/// In Russian, for the specialist.
impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::NotADate { text } => write!(
                f,
                "«{text}» — не дата; напишите дату в виде ГГГГ-ММ-ДД, например 2025-08-29"
            ),
            DateError::NotANumber { text, part, value } => {
                let part = match part {
                    DatePart::Year => "год",
                    DatePart::Month => "месяц",
                    DatePart::Day => "день",
                };
                write!(f, "в дате «{text}» {part} «{value}» — не число")
            }
            DateError::YearOutOfRange { text, year } => write!(
                f,
                "в дате «{text}» год {year} вне допустимого диапазона 1900–2100; год пишется четырьмя цифрами"
            ),
            DateError::NoSuchMonth { text, month } => {
                write!(f, "в дате «{text}» месяца {month} нет")
            }
            DateError::NoSuchDay {
                text,
                day,
                month,
                year,
            } => write!(
                f,
                "в дате «{text}» числа {day} нет: в {} {year} года {} дней",
                month_prepositional(*month),
                days_in_month(*year as i32, *month)
            ),
        }
    }
}

impl DateError {
    /// In English, for `--lang en`.
    pub(crate) fn english(&self) -> String {
        match self {
            DateError::NotADate { text } => {
                format!("“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2025-08-29")
            }
            DateError::NotANumber { text, part, value } => {
                let part = match part {
                    DatePart::Year => "year",
                    DatePart::Month => "month",
                    DatePart::Day => "day",
                };
                format!("in the date “{text}” the {part} “{value}” is not a number")
            }
            DateError::YearOutOfRange { text, year } => format!(
                "in the date “{text}” the year {year} is outside 1900–2100; write the year with four digits"
            ),
            DateError::NoSuchMonth { text, month } => {
                format!("in the date “{text}” there is no month {month}")
            }
            DateError::NoSuchDay {
                text,
                day,
                month,
                year,
            } => format!(
                "in the date “{text}” there is no day {day}: {}/{year} has {} days",
                month,
                days_in_month(*year as i32, *month)
            ),
        }
    }
}

/// Reads `YYYY-MM-DD` or `DD.MM.YYYY`; the error says what is wrong.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    let parts: Option<(&str, &str, &str)> = if let Some((y, rest)) = text.split_once('-') {
        rest.split_once('-').map(|(m, d)| (y, m, d))
    } else if let Some((d, rest)) = text.split_once('.') {
        rest.split_once('.').map(|(m, y)| (y, m, d))
    } else {
        None
    };
    let Some((year, month, day)) = parts else {
        return Err(DateError::NotADate { text: text.into() });
    };
    let number = |value: &str, part: DatePart| -> Result<u32, DateError> {
        value.parse::<u32>().map_err(|_| DateError::NotANumber {
            text: text.into(),
            part,
            value: value.into(),
        })
    };
    let (year, month, day) = (
        number(year, DatePart::Year)?,
        number(month, DatePart::Month)?,
        number(day, DatePart::Day)?,
    );
    if !(1900..=2100).contains(&year) {
        return Err(DateError::YearOutOfRange {
            text: text.into(),
            year,
        });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchMonth {
            text: text.into(),
            month,
        });
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| DateError::NoSuchDay {
        text: text.into(),
        day,
        month,
        year,
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
            parse_date("31.13.2025").unwrap_err().to_string(),
            "в дате «31.13.2025» месяца 13 нет"
        );
    }

    #[test]
    fn explains_day_past_month_end() {
        assert_eq!(
            parse_date("2025-02-29").unwrap_err().to_string(),
            "в дате «2025-02-29» числа 29 нет: в феврале 2025 года 28 дней"
        );
    }

    #[test]
    fn rejects_words_and_two_digit_years() {
        assert!(parse_date("вчера")
            .unwrap_err()
            .to_string()
            .contains("не дата"));
        assert!(parse_date("01.09.25")
            .unwrap_err()
            .to_string()
            .contains("четырьмя цифрами"));
    }

    #[test]
    fn explains_in_english_too() {
        assert_eq!(
            parse_date("31.13.2025").unwrap_err().english(),
            "in the date “31.13.2025” there is no month 13"
        );
    }

    #[test]
    fn formats_the_russian_way() {
        assert_eq!(format_date_ru(ymd(2025, 9, 1)), "1 сентября 2025 г.");
        assert_eq!(format_date_short(ymd(2025, 9, 1)), "01.09.2025");
    }
}
