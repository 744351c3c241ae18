//! Reads the tokens of one deadline into dated pieces and a recurrence.
//!
//! The reader walks the text left to right. At each place it tries, in order:
//! a separator; a phrase naming a schedule, an event or a need (such a phrase
//! runs to the end of the text: its words name the schedule, and commas inside
//! them are common); a word of repetition; a date. Filler words («в», «на»,
//! «срок») are skipped, anything else is an error that quotes the word.
//! Years may still be missing here («октябрь»): the caller fills them in once
//! the whole text is read, because a year written last applies to the months
//! listed before it («май, сентябрь 2022»). Date expressions are in `date_expr`.

use super::tokens::{Kind, Number, Token};
use super::words::{
    month_of, CADENCE_STEMS, COUNT_WORDS, DURATION_UNITS, EVENT_AFTER_PO, EVENT_LINKS, EXAMPLES,
    FILLER, NEED_WORDS, ON_REQUEST, SCHEDULE_STEMS, YEAR_WORDS,
};
use super::{PlanPeriod, Recurrence};
use crate::diagnostic::Message;
use crate::tr;

/// A calendar place as written; `day` None means the whole month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Point {
    pub(super) year: Option<i32>,
    pub(super) month: u32,
    pub(super) day: Option<u32>,
}

/// One dated part of the text. A missing side is the plan's own edge:
/// «до 01.12.2021» has no start, «с сентября 2021» no end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) start: Option<Point>,
    pub(super) end: Option<Point>,
}

impl Point {
    pub(super) fn month(year: Option<i32>, month: u32) -> Self {
        Self {
            year,
            month,
            day: None,
        }
    }
}

impl Piece {
    pub(super) fn between(start: Point, end: Point) -> Self {
        Self {
            start: Some(start),
            end: Some(end),
        }
    }

    /// From the start of `first` to the end of `last`: «октябрь 2020 – апрель 2021».
    pub(super) fn join(first: Piece, last: Piece) -> Self {
        Self {
            start: first.start,
            end: last.end,
        }
    }

    /// «до 01.12.2021»: from the plan's start.
    pub(super) fn until(end: Point) -> Self {
        Self {
            start: None,
            end: Some(end),
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct Reading {
    pub(super) pieces: Vec<Piece>,
    /// The first recurrence the text names.
    pub(super) recurrence: Option<Recurrence>,
    /// «и далее», «и последующие годы».
    pub(super) onward: bool,
}

pub(super) fn read_tokens(tokens: &[Token<'_>], period: &PlanPeriod) -> Result<Reading, Message> {
    let mut reader = Reader {
        tokens,
        pos: 0,
        period,
        out: Reading::default(),
        months: None,
    };
    while reader.pos < tokens.len() {
        reader.part()?;
    }
    Ok(reader.out)
}

pub(super) struct Reader<'t, 'a> {
    pub(super) tokens: &'t [Token<'a>],
    pub(super) pos: usize,
    pub(super) period: &'t PlanPeriod,
    pub(super) out: Reading,
    /// The last piece read, when it names months (or days, quarters) of a written
    /// year: a lone year after it repeats those months («апрель 2022, 2023»).
    pub(super) months: Option<Piece>,
}

impl Reader<'_, '_> {
    pub(super) fn kind(&self, ahead: usize) -> Option<&Kind> {
        self.tokens.get(self.pos + ahead).map(|t| &t.kind)
    }

    pub(super) fn raw(&self, ahead: usize) -> &str {
        self.tokens.get(self.pos + ahead).map_or("", |t| t.raw)
    }

    pub(super) fn word(&self, ahead: usize) -> Option<&str> {
        match self.kind(ahead) {
            Some(Kind::Word(word)) => Some(word),
            _ => None,
        }
    }

    pub(super) fn is(&self, ahead: usize, words: &[&str]) -> bool {
        self.word(ahead).is_some_and(|w| words.contains(&w))
    }

    pub(super) fn starts(&self, ahead: usize, stems: &[&str]) -> bool {
        self.word(ahead)
            .is_some_and(|w| stems.iter().any(|s| w.starts_with(s)))
    }

    pub(super) fn number(&self, ahead: usize) -> Option<Number> {
        match self.kind(ahead) {
            Some(Kind::Number(n)) => Some(*n),
            _ => None,
        }
    }

    pub(super) fn is_dash(&self, ahead: usize) -> bool {
        matches!(self.kind(ahead), Some(Kind::Dash))
    }

    fn recur(&mut self, recurrence: Recurrence) {
        self.out.recurrence.get_or_insert(recurrence);
    }

    /// A schedule, event or request phrase: it names the rest of the text.
    fn rest_names(&mut self, recurrence: Recurrence) -> bool {
        self.recur(recurrence);
        self.pos = self.tokens.len();
        true
    }

    fn part(&mut self) -> Result<(), Message> {
        if matches!(self.kind(0), Some(Kind::Stop | Kind::Dash | Kind::Slash)) || self.is(0, &["и"])
        {
            self.pos += 1;
            return Ok(());
        }
        if self.phrase()? || self.repetition()? {
            return Ok(());
        }
        if self.current_year() {
            return Ok(());
        }
        if let Some(piece) = self.same_months_in()? {
            self.out.pieces.push(piece);
            return Ok(());
        }
        let start = self.pos;
        if let Some(piece) = self.dated()? {
            let names_months = self.tokens[start..self.pos].iter().any(|t| match &t.kind {
                Kind::Word(w) => {
                    month_of(w).is_some() || w.starts_with("кварт") || w.starts_with("полугод")
                }
                Kind::Date { .. } => true,
                _ => false,
            });
            let has_year = piece.end.or(piece.start).is_some_and(|p| p.year.is_some());
            self.months = (names_months && has_year).then_some(piece);
            self.out.pieces.push(piece);
            return Ok(());
        }
        if self.is(0, &FILLER) {
            self.pos += 1;
            return Ok(());
        }
        Err(tr!(
            format!("не понял «{}»; сроки пишут так: {EXAMPLES}", self.raw(0)),
            format!(
                "“{}” is not understood; deadlines are written like this: {EXAMPLES}",
                self.raw(0)
            )
        ))
    }

    /// «текущего года», «текущего учебного года»: the same time of each year of the
    /// plan, so the deadline recurs yearly («1 квартал текущего года»).
    fn current_year(&mut self) -> bool {
        if !self.starts(0, &["текущ"]) {
            return false;
        }
        let words = if self.school_year_words(1) {
            3
        } else if self.is(1, &YEAR_WORDS) {
            2
        } else {
            return false;
        };
        self.pos += words;
        self.skip_year_words();
        self.recur(Recurrence::Yearly);
        true
    }

    /// A lone year after months of a written year: the same months in that year.
    /// «Март-апрель 2022 2023» is two windows, «апрель 2022, 2023» two Aprils.
    fn same_months_in(&mut self) -> Result<Option<Piece>, Message> {
        let Some(previous) = self.months else {
            return Ok(None);
        };
        let Some(year) = self.lone_year()? else {
            return Ok(None);
        };
        let Some(written) = previous.end.or(previous.start).and_then(|p| p.year) else {
            return Ok(None);
        };
        self.pos += 1;
        self.skip_year_words();
        let shift = |p: Option<Point>| {
            p.map(|p| Point {
                year: p.year.map(|y| y + year - written),
                ..p
            })
        };
        let piece = Piece {
            start: shift(previous.start),
            end: shift(previous.end),
        };
        self.months = Some(piece);
        Ok(Some(piece))
    }

    fn phrase(&mut self) -> Result<bool, Message> {
        Ok(self.trigger() || self.span_phrase()?)
    }

    /// A need, an event or a schedule instead of a date: «по потребности»,
    /// «при необходимости», «по итогам …», «после …», «по графику …», «согласно …».
    fn trigger(&mut self) -> bool {
        use Recurrence::{BySchedule, OnDemand, OnEvent};
        if self.is(0, &["по"]) {
            if self.is(1, &ON_REQUEST) {
                self.pos += 2;
                self.recur(OnDemand);
                return true;
            }
            if self.is(1, &["мере"]) {
                if self.is(2, &NEED_WORDS) {
                    self.pos += 3;
                    self.recur(OnDemand);
                    return true;
                }
                return self.rest_names(OnEvent); // «по мере поступления …»
            }
            if self.is(1, &EVENT_AFTER_PO) {
                return self.rest_names(OnEvent); // before schedules: «по итогам выполнения плана»
            }
            if (1..=3).any(|i| self.starts(i, &SCHEDULE_STEMS)) {
                return self.rest_names(BySchedule);
            }
        }
        if self.is(0, &["при"]) {
            let need = if self.is(1, &["возникновении"]) {
                2
            } else {
                1
            };
            if self.is(need, &NEED_WORDS) {
                self.pos += need + 1;
                self.recur(OnDemand);
                return true;
            }
            return self.rest_names(OnEvent); // «при возникновении …», «при наличии …»
        }
        let per_schedule = (self.is(0, &["в"])
            && self.is(1, &["соответствии", "сроки", "установленные"]))
            || self.is(0, &["согласно"]);
        if per_schedule {
            return self.rest_names(BySchedule);
        }
        if self.is(0, &["после"]) {
            return self.rest_names(OnEvent);
        }
        false
    }

    /// «в течение …», «не позднее …», «за 10 дней до …», «весь период», «и далее», «для …».
    fn span_phrase(&mut self) -> Result<bool, Message> {
        if self.is(0, &["в"]) && self.is(1, &["течение"]) {
            self.pos += 2;
            self.during()?;
            return Ok(true);
        }
        if self.is(0, &["не"]) && self.is(1, &["позднее", "позже"]) {
            self.pos += 2;
            self.no_later()?;
            return Ok(true);
        }
        if self.is(0, &["за", "через"]) && self.relative_event(1) {
            return Ok(true);
        }
        if self.is(0, &["весь", "всего"]) && self.starts(1, &["период"]) {
            self.pos += 2;
            self.recur(Recurrence::Continuous);
            return Ok(true);
        }
        if self.is(0, &["далее", "дальнейшем"]) || self.starts(0, &["последующ"])
        {
            self.pos += 1;
            if self.is(0, &YEAR_WORDS) || self.is(0, &["лет"]) {
                self.pos += 1;
            }
            self.out.onward = true;
            return Ok(true);
        }
        if self.is(0, &["для"]) {
            // «1 раз в 3 года для каждой образовательной организации»: whom, not when.
            while self.pos < self.tokens.len() && !matches!(self.kind(0), Some(Kind::Stop)) {
                self.pos += 1;
            }
            return Ok(true);
        }
        Ok(false)
    }

    /// After «в течение»: a span of time the work goes on, or a delay after an event.
    fn during(&mut self) -> Result<(), Message> {
        if self.relative_event(0) {
            return Ok(());
        }
        self.recur(Recurrence::Continuous);
        if self.is(0, &["всего"]) || self.starts(0, &["текущ"]) {
            self.pos += 1;
        }
        if self.is(0, &["года", "год"]) || self.starts(0, &["период"]) {
            self.pos += 1; // the whole plan
            return Ok(());
        }
        match self.date()? {
            Some(piece) => {
                self.out.pieces.push(piece);
                Ok(())
            }
            None => Err(tr!(format!("после «в течение» не понял «{}»; пишут «в течение года», «в течение 2025 года» \
                 или «в течение месяца после получения результатов»",
                self.raw(0)
            ), format!("“{}” after «в течение» (during) is not understood; write «в течение года», «в течение 2025 года» or «в течение месяца после получения результатов»",
                self.raw(0)
            ))),
        }
    }

    /// After «не позднее»: a date, or a delay before or after an event.
    fn no_later(&mut self) -> Result<(), Message> {
        if let Some(end) = self.deadline()? {
            self.out.pieces.push(Piece::until(end));
            return Ok(());
        }
        if self.relative_event(0) {
            return Ok(());
        }
        Err(tr!(format!("после «не позднее» не понял «{}»; пишут «не позднее 01.12.2025» \
             или «не позднее 1 рабочего дня до проведения процедуры»",
            self.raw(0)
        ), format!("“{}” after «не позднее» (no later than) is not understood; write «не позднее 01.12.2025» or «не позднее 1 рабочего дня до проведения процедуры»",
            self.raw(0)
        )))
    }

    /// «месяца после …», «1 рабочего дня до …»: a delay counted from an event.
    fn relative_event(&mut self, at: usize) -> bool {
        let mut k = at;
        if self.count(k).is_some() {
            k += 1;
        }
        while self.starts(k, &["рабоч", "календарн", "полн"]) {
            k += 1;
        }
        if !self.starts(k, &DURATION_UNITS) || !self.is(k + 1, &EVENT_LINKS) {
            return false;
        }
        self.recur(Recurrence::OnEvent);
        self.pos = self.tokens.len();
        true
    }

    fn count(&self, ahead: usize) -> Option<u32> {
        if let Some(n) = self.number(ahead) {
            return (n.digits <= 3).then_some(n.value);
        }
        let word = self.word(ahead)?;
        COUNT_WORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, n)| *n)
    }

    /// «ежегодно», «постоянно», «1 раз в 3 года», «раз в квартал», «каждый год».
    fn repetition(&mut self) -> Result<bool, Message> {
        if let Some((_, recurrence)) = CADENCE_STEMS
            .iter()
            .find(|(stem, _)| self.starts(0, &[stem]))
        {
            self.pos += 1;
            self.recur(*recurrence);
            return Ok(true);
        }
        let (times, unit_at) = if self.starts(0, &["кажд"]) {
            (1, 1)
        } else if self.is(0, &["раз"]) && self.is(1, &["в"]) {
            (1, 2)
        } else if self.is(1, &["раз", "раза"]) && self.is(2, &["в"]) {
            match self.count(0) {
                Some(times) => (times, 3),
                None => return Ok(false),
            }
        } else {
            return Ok(false);
        };
        let every = self.count(unit_at);
        let unit = unit_at + usize::from(every.is_some());
        let every = every.unwrap_or(1);
        let said = || {
            (0..=unit)
                .map(|i| self.raw(i))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let recurrence = if self.starts(unit, &["год", "лет"]) {
            match every {
                0 => {
                    return Err(tr!(
                        format!("«{}»: число лет должно быть больше нуля", said()),
                        format!("“{}”: the number of years must be above zero", said())
                    ))
                }
                1 => Recurrence::Yearly,
                n => Recurrence::EveryNYears(n),
            }
        } else if self.starts(unit, &["кварт"]) && every == 1 {
            Recurrence::Quarterly
        } else if self.starts(unit, &["месяц"]) && every == 1 {
            Recurrence::Monthly
        } else if self.starts(unit, &["недел", "день", "дн"]) && every == 1 {
            Recurrence::Continuous
        } else if self.word(unit).is_some() {
            return Err(tr!(format!("повторение «{}» не поддерживается; бывает ежегодно, ежеквартально, ежемесячно, \
                 «1 раз в 3 года»; иначе перечислите месяцы: «ежегодно, март, октябрь»",
                said()
            ), format!("the repetition “{}” is not supported; there are «ежегодно» (yearly), «ежеквартально» (quarterly), «ежемесячно» (monthly), «1 раз в 3 года» (once in 3 years); otherwise list the months: «ежегодно, март, октябрь»",
                said()
            )));
        } else {
            return Ok(false);
        };
        if times != 1 {
            return Err(tr!(format!("повторение «{}» не поддерживается; перечислите месяцы: «ежегодно, март, октябрь»",
                said()
            ), format!("the repetition “{}” is not supported; list the months: «ежегодно, март, октябрь»",
                said()
            )));
        }
        self.pos += unit + 1;
        self.recur(recurrence);
        Ok(true)
    }
}
