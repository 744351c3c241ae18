//! Reporting periods: calendar years (`2025`) and school years (`2024/25`), the way
//! education data is reported. Both sort by the year they start in.

use std::fmt;

use crate::diagnostic::Message;
use crate::model::PeriodKind;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Period {
    /// The calendar year, or the year a school year starts in (2024 for 2024/25).
    pub(crate) year: i32,
    pub(crate) kind: PeriodKind,
}

impl Period {
    /// «с 2024 года», «с 2024/25 учебного года».
    pub(crate) fn since_words(self) -> String {
        match self.kind {
            crate::model::PeriodKind::Year => format!("с {} года", self.label()),
            crate::model::PeriodKind::SchoolYear => format!("с {} учебного года", self.label()),
        }
    }

    /// Reads `2025`, `2024/25`, `2024/2025`, `2024-25`, `2024–2025` as an indicator of
    /// `kind` expects; the error says what to write instead.
    pub(crate) fn parse(text: &str, kind: PeriodKind) -> Result<Period, Message> {
        let text = text.trim();
        let year_of = |digits: &str| -> Result<i32, Message> {
            let year: i32 = digits
                .parse()
                .map_err(|_| tr!("«{text}» — не год", "“{text}” is not a year"))?;
            if (1990..=2100).contains(&year) {
                Ok(year)
            } else {
                Err(tr!(
                    "год {year} вне допустимого диапазона 1990–2100",
                    "the year {year} is outside the allowed range 1990–2100"
                ))
            }
        };
        let split = text
            .split_once('/')
            .or_else(|| text.split_once('-'))
            .or_else(|| text.split_once('–'));
        match (kind, split) {
            (PeriodKind::Year, None) => Ok(Period { year: year_of(text)?, kind }),
            (PeriodKind::Year, Some(_)) => Err(tr!(
                "«{text}» — учебный год, а показатель считается по календарным годам; напишите год, например 2025, или укажите у показателя period: school_year",
                "“{text}” is a school year, but the indicator counts calendar years; write a year, e.g. 2025, or give the indicator period: school_year"
            )),
            (PeriodKind::SchoolYear, Some((first, second))) => {
                let start = year_of(first.trim())?;
                let second = second.trim();
                let end = if second.len() == 2 {
                    let short: i32 = second
                        .parse()
                        .map_err(|_| tr!("«{text}» — не учебный год", "“{text}” is not a school year"))?;
                    // «2024/25» -> 2025; «1999/00» -> 2000.
                    let candidate = start - start % 100 + short;
                    if candidate <= start {
                        candidate + 100
                    } else {
                        candidate
                    }
                } else {
                    year_of(second)?
                };
                if end != start + 1 {
                    return Err(tr!(
                        "«{text}» — учебный год состоит из двух соседних лет, например 2024/25",
                        "“{text}”: a school year spans two adjacent years, e.g. 2024/25"
                    ));
                }
                Ok(Period { year: start, kind })
            }
            (PeriodKind::SchoolYear, None) => Err(tr!(
                "«{text}» — календарный год, а показатель считается по учебным годам; напишите, например, 2024/25",
                "“{text}” is a calendar year, but the indicator counts school years; write e.g. 2024/25"
            )),
        }
    }

    pub(crate) fn label(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            PeriodKind::Year => write!(f, "{}", self.year),
            PeriodKind::SchoolYear => write!(f, "{}/{:02}", self.year, (self.year + 1) % 100),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_calendar_and_school_years() {
        let year = Period::parse("2025", PeriodKind::Year).unwrap();
        assert_eq!(year.label(), "2025");
        for text in ["2024/25", "2024/2025", "2024-25", "2024–2025"] {
            let school = Period::parse(text, PeriodKind::SchoolYear).unwrap();
            assert_eq!(school.label(), "2024/25", "{text}");
            assert_eq!(school.year, 2024);
        }
        assert_eq!(
            Period::parse("1999/00", PeriodKind::SchoolYear)
                .unwrap()
                .label(),
            "1999/00"
        );
    }

    #[test]
    fn sorts_by_start_year() {
        let a = Period::parse("2023/24", PeriodKind::SchoolYear).unwrap();
        let b = Period::parse("2024/25", PeriodKind::SchoolYear).unwrap();
        assert!(a < b);
    }

    #[test]
    fn explains_the_wrong_kind_and_range() {
        assert!(Period::parse("2024/25", PeriodKind::Year)
            .unwrap_err()
            .ru
            .contains("учебный год"));
        assert!(Period::parse("2025", PeriodKind::SchoolYear)
            .unwrap_err()
            .ru
            .contains("календарный год"));
        assert!(Period::parse("2024/26", PeriodKind::SchoolYear)
            .unwrap_err()
            .ru
            .contains("соседних"));
        assert!(Period::parse("1985", PeriodKind::Year)
            .unwrap_err()
            .ru
            .contains("1990–2100"));
    }
}
