//! Date expressions for the reader: a day, a month, a quarter, a half-year, a
//! year or a school year, and what stands around them («до …», «с … по …»,
//! «… – …»). Each gives a `Piece` whose years may still be missing.

use chrono::Datelike;

use super::read::{Piece, Point, Reader};
use super::tokens::{Kind, Number};
use super::words::{month_of, YEAR_WORDS};
use super::PlanPeriod;
use crate::diagnostic::Message;
use crate::tr;

/// Whether the plan runs over whole school years (1 Sep .. 31 Aug).
fn is_school_year_plan(period: &PlanPeriod) -> bool {
    (
        period.from.month(),
        period.from.day(),
        period.to.month(),
        period.to.day(),
    ) == (9, 1, 8, 31)
}

fn months(year: Option<i32>, first: u32, last: u32) -> Piece {
    let wraps = i32::from(last < first);
    Piece::between(
        Point::month(year, first),
        Point::month(year.map(|y| y + wraps), last),
    )
}

fn school_year(first: i32) -> Piece {
    months(Some(first), 9, 8)
}

enum Years {
    Calendar(i32, i32),
    School(i32),
}

impl Reader<'_, '_> {
    /// A date expression with what may stand before it: «до …», «с … по …», «… – …».
    pub(super) fn dated(&mut self) -> Result<Option<Piece>, Message> {
        if self.is(0, &["до", "к", "по"]) {
            let preposition = self.raw(0).to_owned();
            self.pos += 1;
            if let Some(end) = self.deadline()? {
                return Ok(Some(Piece::until(end)));
            }
            return Err(tr!(format!("после «{preposition}» ожидалась дата, а стоит «{}»; пишут «до 01.12.2025» \
                 или «до конца 2025 года»",
                self.raw(0)
            ), format!("a date was expected after «{preposition}», but “{}” stands there; write «до 01.12.2025» or «до конца 2025 года»",
                self.raw(0)
            )));
        }
        if self.is(0, &["с", "со"]) {
            self.pos += 1;
            let Some(first) = self.date()? else {
                return Err(tr!(format!("после «с» ожидалась дата, а стоит «{}»; пишут «с 01.09.2025 по 31.12.2025»",
                    self.raw(0)
                ), format!("a date was expected after «с» (from), but “{}” stands there; write «с 01.09.2025 по 31.12.2025»",
                    self.raw(0)
                )));
            };
            if !(self.is(0, &["по", "до"]) || self.is_dash(0)) {
                return Ok(Some(Piece { end: None, ..first }));
            }
            self.pos += 1;
            let Some(last) = self.date()? else {
                return Err(tr!(format!("после «по» ожидалась дата, а стоит «{}»; пишут «с 01.09.2025 по 31.12.2025»",
                    self.raw(0)
                ), format!("a date was expected after «по» (to), but “{}” stands there; write «с 01.09.2025 по 31.12.2025»",
                    self.raw(0)
                )));
            };
            return Ok(Some(Piece::join(first, last)));
        }
        let Some(first) = self.date()? else {
            return Ok(None);
        };
        if self.is_dash(0) {
            let before_dash = self.pos;
            self.pos += 1;
            match self.date() {
                Ok(Some(last)) => return Ok(Some(Piece::join(first, last))),
                _ => self.pos = before_dash, // «август 2022 и далее - ежегодно»: a separator
            }
        }
        Ok(Some(first))
    }

    /// What may follow «до», «к», «не позднее»: a day, or «конца» of a period.
    pub(super) fn deadline(&mut self) -> Result<Option<Point>, Message> {
        if let Some(point) = self.day()? {
            return Ok(Some(point));
        }
        if !self.is(0, &["конца", "окончания"]) {
            return Ok(None);
        }
        self.pos += 1;
        if self.is(0, &["года"]) {
            self.pos += 1;
            let year = Some(self.period.from.year());
            return Ok(Some(Point::month(year, 12)));
        }
        match self.date()? {
            Some(Piece { end: Some(end), .. }) => Ok(Some(end)),
            _ => Err(tr!(format!("после «до конца» не понял «{}»; пишут «до конца 2025 года» или «до конца учебного года»",
                self.raw(0)
            ), format!("“{}” after «до конца» (by the end of) is not understood; write «до конца 2025 года» or «до конца учебного года»",
                self.raw(0)
            ))),
        }
    }

    /// One date expression: a day, a month, a quarter, a half-year, a year or a school year.
    pub(super) fn date(&mut self) -> Result<Option<Piece>, Message> {
        if let Some(point) = self.day()? {
            return Ok(Some(Piece::between(point, point)));
        }
        if let Some(piece) = self.quarter_or_half()? {
            return Ok(Some(piece));
        }
        if let Some(years) = self.years()? {
            return Ok(Some(match years {
                Years::Calendar(first, last) => {
                    Piece::between(Point::month(Some(first), 1), Point::month(Some(last), 12))
                }
                Years::School(first) => school_year(first),
            }));
        }
        if let Some(month) = self.word(0).and_then(month_of) {
            self.pos += 1;
            let year = self.year_after()?;
            return Ok(Some(months(year, month, month)));
        }
        if self.school_year_words(0) {
            self.pos += 1;
            self.skip_year_words();
            let from = self.period.from;
            let first = if from.month() >= 9 {
                from.year()
            } else {
                from.year() - 1
            };
            return Ok(Some(school_year(first)));
        }
        Ok(None)
    }

    /// «01.12.2021», «15.12.21», «01.12», «15 декабря 2021 года».
    fn day(&mut self) -> Result<Option<Point>, Message> {
        if let Some(Kind::Date { day, month, year }) = self.kind(0).cloned() {
            let raw = self.raw(0).to_owned();
            if !(1..=12).contains(&month.value) {
                return Err(tr!(
                    format!(
                        "месяца {} нет (в дате «{raw}»); дату пишут так: «31.12.2025»",
                        month.value
                    ),
                    format!(
                        "there is no month {} (in the date “{raw}”); write dates like «31.12.2025»",
                        month.value
                    )
                ));
            }
            if !(1..=31).contains(&day.value) {
                return Err(tr!(
                    format!(
                        "числа {} нет (в дате «{raw}»); дату пишут так: «31.12.2025»",
                        day.value
                    ),
                    format!(
                        "there is no day {} (in the date “{raw}”); write dates like «31.12.2025»",
                        day.value
                    )
                ));
            }
            let year = match year {
                None => None,
                Some(Number { value, digits: 2 }) => Some(2000 + value as i32),
                Some(Number { value, digits: 4 }) if (1900..2200).contains(&value) => Some(value as i32),
                Some(_) => {
                    return Err(tr!("год в дате «{raw}» не понят: пишут четыре цифры («31.12.2025») или две («31.12.25»)", "the year in the date “{raw}” is not understood: write four digits («31.12.2025») or two («31.12.25»)"))
                }
            };
            self.pos += 1;
            self.skip_year_words();
            return Ok(Some(Point {
                year,
                month: month.value,
                day: Some(day.value),
            }));
        }
        let Some(day) = self.number(0).filter(|n| n.digits <= 2) else {
            return Ok(None);
        };
        let Some(month) = self.word(1).and_then(month_of) else {
            return Ok(None);
        };
        if !(1..=31).contains(&day.value) {
            return Err(tr!(
                format!(
                    "числа {} нет («{} {}»)",
                    day.value,
                    self.raw(0),
                    self.raw(1)
                ),
                format!(
                    "there is no day {} (“{} {}”)",
                    day.value,
                    self.raw(0),
                    self.raw(1)
                )
            ));
        }
        self.pos += 2;
        let year = self.year_after()?;
        Ok(Some(Point {
            year,
            month,
            day: Some(day.value),
        }))
    }

    fn ordinal(&self, ahead: usize) -> Option<u32> {
        if let Some(n) = self.number(ahead) {
            return (n.digits <= 2).then_some(n.value);
        }
        let word = self.word(ahead)?;
        let roman = ["i", "ii", "iii", "iv"].iter().position(|r| *r == word);
        let spelled = ["перв", "втор", "трет", "четверт"]
            .iter()
            .position(|s| word.starts_with(s));
        roman.or(spelled).map(|i| i as u32 + 1)
    }

    /// «1 квартал 2022», «IV квартал», «2 полугодие 2021-2022 учебного года», «I полугодие».
    fn quarter_or_half(&mut self) -> Result<Option<Piece>, Message> {
        let Some(n) = self.ordinal(0) else {
            return Ok(None);
        };
        if self.starts(1, &["четверт"]) {
            return Err(tr!(format!("«{} {}»: четверти не поддерживаются, у школ они разные; укажите месяцы \
                 («ноябрь – декабрь 2025») или квартал («4 квартал 2025»)",
                self.raw(0),
                self.raw(1)
            ), format!("“{} {}”: school terms are not supported, schools have different ones; give the months («ноябрь – декабрь 2025») or a quarter («4 квартал 2025»)",
                self.raw(0),
                self.raw(1)
            )));
        }
        let quarter = self.starts(1, &["кварт"]) || self.is(1, &["кв"]);
        if !quarter && !self.starts(1, &["полугод"]) {
            return Ok(None);
        }
        let said = format!("{} {}", self.raw(0), self.raw(1));
        self.pos += 2;
        let years = self.years()?;
        if quarter {
            if !(1..=4).contains(&n) {
                return Err(tr!("квартала «{said}» нет: их четыре, «1 квартал 2026» … «4 квартал 2026»", "there is no quarter “{said}”: there are four, «1 квартал 2026» … «4 квартал 2026»"));
            }
            return match years {
                None => Ok(Some(months(None, 3 * n - 2, 3 * n))),
                Some(Years::Calendar(a, b)) if a == b => Ok(Some(months(Some(a), 3 * n - 2, 3 * n))),
                Some(_) => Err(tr!("«{said}» не понят: квартал указывают в календарном году, например «1 квартал 2026»", "“{said}” is not understood: a quarter is of a calendar year, e.g. «1 квартал 2026»")),
            };
        }
        if !(1..=2).contains(&n) {
            return Err(tr!("полугодия «{said}» нет: их два, «1 полугодие 2026» и «2 полугодие 2026»", "there is no half-year “{said}”: there are two, «1 полугодие 2026» and «2 полугодие 2026»"));
        }
        let school = |first: Option<i32>| match n {
            1 => months(first, 9, 12),
            _ => months(first.map(|y| y + 1), 1, 8),
        };
        let calendar = |year: Option<i32>| months(year, 6 * n - 5, 6 * n);
        Ok(Some(match years {
            Some(Years::School(first)) => school(Some(first)),
            Some(Years::Calendar(a, b)) if a == b => calendar(Some(a)),
            Some(Years::Calendar(..)) => {
                return Err(tr!("«{said}» не понят: укажите год («1 полугодие 2026») или учебный год \
                     («2 полугодие 2025-2026 учебного года»)", "“{said}” is not understood: give a year («1 полугодие 2026») or a school year («2 полугодие 2025-2026 учебного года»)"))
            }
            None if is_school_year_plan(self.period) => school(None),
            None => calendar(None),
        }))
    }

    /// «учебный год», «учебного года», «уч. г.», «уч. года».
    pub(super) fn school_year_words(&self, ahead: usize) -> bool {
        (self.starts(ahead, &["учебн"]) || self.is(ahead, &["уч"]))
            && (self.starts(ahead + 1, &["год"]) || self.is(ahead + 1, &["г"]))
    }

    /// A four-digit year standing alone: not the start of «2021-2022» or «2021/22».
    pub(super) fn lone_year(&self) -> Result<Option<i32>, Message> {
        let Some(year) = self.year_at(0)? else {
            return Ok(None);
        };
        let range =
            matches!(self.kind(1), Some(Kind::Dash | Kind::Slash)) && self.number(2).is_some();
        let school = self.starts(1, &["уч"]);
        Ok((!range && !school).then_some(year))
    }

    /// A four-digit year, if one stands here.
    fn year_at(&self, ahead: usize) -> Result<Option<i32>, Message> {
        match self.number(ahead) {
            Some(Number { value, digits: 4 }) if (1900..2200).contains(&value) => {
                Ok(Some(value as i32))
            }
            Some(Number { digits: 4, .. }) => Err(tr!(
                format!("«{}» не похоже на год плана", self.raw(ahead)),
                format!(
                    "“{}” does not look like a year of the plan",
                    self.raw(ahead)
                )
            )),
            _ => Ok(None),
        }
    }

    /// The year after a month or a day: «сентябрь 2020», «декабря 2021 г.».
    fn year_after(&mut self) -> Result<Option<i32>, Message> {
        let year = self.year_at(0)?;
        if year.is_some() {
            self.pos += 1;
            self.skip_year_words();
        }
        Ok(year)
    }

    pub(super) fn skip_year_words(&mut self) {
        while self.is(0, &YEAR_WORDS) {
            self.pos += 1;
        }
    }

    /// «2019», «2020 год», «2018-2022 годы», «2021-2022 уч. г.», «2020/2021 учебный год».
    fn years(&mut self) -> Result<Option<Years>, Message> {
        let Some(first) = self.year_at(0)? else {
            return Ok(None);
        };
        let said = self.raw(0).to_owned();
        self.pos += 1;
        let mut last = first;
        if matches!(self.kind(0), Some(Kind::Dash | Kind::Slash)) {
            if let Some(year) = self.year_at(1)? {
                last = year;
                self.pos += 2;
            } else if let Some(Number { value, digits: 2 }) = self.number(1) {
                last = first - first % 100 + value as i32; // «2021-22»
                self.pos += 2;
            }
        }
        if self.starts(0, &["уч"]) {
            self.pos += 1;
            self.skip_year_words();
            if last != first + 1 {
                return Err(tr!("учебный год «{said}…» должен состоять из двух соседних лет, например «2025-2026 учебный год»", "the school year “{said}…” must span two adjacent years, e.g. «2025-2026 учебный год»"));
            }
            return Ok(Some(Years::School(first)));
        }
        self.skip_year_words();
        Ok(Some(Years::Calendar(first, last)))
    }
}
