//! The Russian deadline reader: the «Сроки» cell of a plan, as officials write
//! it, into dates and a recurrence.
//!
//! `parse_deadline("Сентябрь – октябрь 2021", &period)` gives the inclusive span
//! 2021-09-01..2021-10-31; «ежегодно, октябрь» gives `Yearly` and every October
//! of the plan; «по графику ФИОКО» gives `BySchedule` and no dates. The original
//! text is always kept: the site shows it as written, the dates only drive
//! statuses (planned / in progress / overdue against `--as-of`) and sorting.
//!
//! What it reads: dates («31.12.2021», «до 15.12.21», «не позднее 01.12.2021»,
//! «15 декабря 2021 г.», «с … по …», «до конца 2021 года»); months in any case
//! form, alone, in ranges and lists («Ноябрь-декабрь 2020», «Октябрь 2020 –
//! апрель 2021», «май, сентябрь 2022»); quarters and half-years in digits, Roman
//! numerals or words («IV квартал 2021», «2 полугодие 2021-2022 учебного года»);
//! years and year ranges («2020 год», «2019-2020, 2022-2024», «2021-2022 уч г»);
//! repetition («ежегодно», «ежеквартально», «ежемесячно», «постоянно», «в течение
//! года», «1 раз в 3 года», «1 раз в квартал», «… и далее»); and phrases that name
//! a schedule, an event or a need instead of a date. Case, every kind of dash,
//! «ё», «В течении», «в теч.» and «г.», «гг.», «год», «уч. г.» are all taken as
//! written. «текущего года» («1 квартал текущего года») is the same time in each
//! year of the plan, so it reads as `Yearly`. A lone year after months of a
//! written year repeats those months: «Март-апрель 2022 2023» and «апрель 2022,
//! 2023» are two windows each; a list of months («март, октябрь») stays a list.
//!
//! What it does not read: school quarters («1 четверть»), weekdays, «2 раза в
//! год» or «раз в полгода» (no such recurrence: list the months instead), «до
//! сентября» (does it mean 31 Aug or 30 Sep? write a date), years outside
//! 1900–2199. Such text is an [`UnreadableDeadline`] with a Russian reason that
//! names the word not understood and shows forms that work; the caller makes it
//! a warning with file:line and keeps the item. The reader never panics.
//!
//! Choices, each made so that a status can be computed from the dates alone
//! (as-of inside a span: in progress; before the first or between spans:
//! planned; after the last: overdue, unless the item recurs — recurring,
//! on-demand, by-schedule and on-event items are never overdue):
//! - Spans are inclusive, sorted, and merged where they overlap or touch.
//! - A month, quarter or half-year without a year is its first occurrence that
//!   starts in or after the month the plan starts: in a school-year plan
//!   Sep..Dec fall in the first year and Jan..Aug in the second. A year written
//!   later in a list applies to months before it («май, сентябрь 2022»); in a
//!   range the missing year is the one that keeps the range going forward
//!   («декабрь – февраль 2021» is Dec 2020..Feb 2021). In a plan of several
//!   years a bare month is still only its first occurrence: write «ежегодно» to
//!   repeat it.
//! - «До X», «к X», «не позднее X» start when the plan starts (or on X, if the
//!   plan starts later): a span always has two dates, so status code has no
//!   special case, and the item is in progress from the plan's adoption.
//! - A year range without «уч…» is calendar years, even «2020-2021 год»: the
//!   wider reading holds the school year too, so no item turns overdue early.
//!   With «уч. г.», «учебный год», «учебного года» it is 1 Sep .. 31 Aug.
//!   Two-digit years are 20yy.
//! - Half-years of a calendar year are Jan–Jun and Jul–Dec; of a school year,
//!   Sep–Dec and Jan–Aug. The second half ends on 31 Aug, not 31 May: the
//!   school year runs to 31 Aug (as a school-year plan does), the two halves
//!   then cover it with no gap, and August work (ГИА results, analyses,
//!   reports) due «во 2 полугодии» is not overdue on 1 June. A bare «I
//!   полугодие» is a school half in a plan that runs 1 Sep .. 31 Aug, else a
//!   calendar half.
//! - One recurrence per deadline, the first the text names: «Ежегодно по
//!   необходимости» is `Yearly`, «Постоянно в соответствии с графиком …» is
//!   `Continuous`; the text keeps the rest. «… и далее» alone means `Yearly`.
//!   «Еженедельно», «ежедневно» are `Continuous` (no finer recurrence exists).
//! - `Yearly` with dates repeats every dated span each year until the plan
//!   ends (repeats are cut at the plan's end): «ежегодно, октябрь» is each
//!   October of the plan, «Август 2022 и далее - ежегодно» Aug 2022, Aug 2023 …,
//!   «2018-2019, ежегодно» 2018 .. the plan's end. So «next occurrence» and
//!   «in progress now» both fall out of the spans.
//! - A recurrence without dates («ежегодно», «постоянно», «в течение года»,
//!   «ежеквартально», «1 раз в 3 года») spans the whole plan period. «В течение
//!   учебного года» is the school year the plan starts in; «в течение 2021 года»
//!   is that year.
//! - A schedule («по графику …», «по плану …», «в соответствии с …», «согласно
//!   …») is `BySchedule`; a need («по потребности», «по мере необходимости»,
//!   «при необходимости», «по запросу») `OnDemand`; an event («по итогам …», «по
//!   результатам …», «после …», «по факту», «в течение месяца после …», «не
//!   позднее 1 рабочего дня до …») `OnEvent`. These give no dates (the text has
//!   none), and such a phrase runs to the end of the text. A clause «для …»
//!   says for whom, not when, and is skipped.
//!
//! Shaped as three steps — `tokens` (characters to words, numbers, dates),
//! `read` (words to pieces with possibly missing years, and a recurrence), then
//! here: fill in years, repeat yearly pieces, merge — because years can only be
//! filled once the whole text is read. The vocabulary is a few dozen words, so
//! a hand-written reader is shorter than regexes and names what it expected.

mod date_expr;
mod read;
mod tokens;
mod words;

#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};

use crate::diagnostic::Message;
use crate::tr;
use read::{Piece, Point};
use words::MONTHS_IN;

/// The dates a plan covers, from its `period:`; a school-year plan runs 1 Sep .. 31 Aug.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlanPeriod {
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
}

/// A deadline as read from its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Deadline {
    /// The original text, untouched.
    pub(crate) text: String,
    /// Inclusive date ranges, sorted, neither overlapping nor touching; empty
    /// when the text names no date («по графику ФИОКО», «по потребности»).
    pub(crate) spans: Vec<DateSpan>,
    pub(crate) recurrence: Option<Recurrence>,
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateSpan {
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recurrence {
    /// «ежегодно», «1 раз в год», «… и далее».
    Yearly,
    /// «ежеквартально», «1 раз в квартал».
    Quarterly,
    /// «ежемесячно», «1 раз в месяц».
    Monthly,
    /// «1 раз в 3 года», «каждые 5 лет»; never 0 or 1.
    EveryNYears(u32),
    /// «постоянно», «в течение года».
    Continuous,
    /// «по потребности», «по мере необходимости», «по запросу».
    OnDemand,
    /// «по графику …», «в соответствии с …», «по плану …».
    BySchedule,
    /// «по итогам …», «после …», «по факту».
    OnEvent,
}

/// Text that could not be read; the caller warns with file:line and keeps the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnreadableDeadline {
    pub(crate) text: String,
    /// In Russian: what was not understood, and a form that works.
    pub(crate) reason: String,
    /// The same in English (the forms that work stay Russian: so are deadlines).
    pub(crate) reason_en: String,
}

impl Deadline {
    /// The first day of the first span.
    pub(crate) fn start(&self) -> Option<NaiveDate> {
        self.spans.first().map(|s| s.start)
    }

    /// The last day of the last span.
    pub(crate) fn end(&self) -> Option<NaiveDate> {
        self.spans.last().map(|s| s.end)
    }
}

impl Recurrence {
    /// Whether the work goes on over the plan when the text gives no date.
    fn fills_plan(self) -> bool {
        !matches!(self, Self::OnDemand | Self::BySchedule | Self::OnEvent)
    }
}

/// The most repeats of a yearly span: a guard against an absurd plan period.
const MAX_REPEATS: i32 = 200;

/// Reads one «Сроки» text; `period` gives the years the text leaves out and the
/// span of «ежегодно», «постоянно». Never panics: what it cannot read is an error
/// that keeps the text.
pub(crate) fn parse_deadline(
    text: &str,
    period: &PlanPeriod,
) -> Result<Deadline, UnreadableDeadline> {
    let unreadable = |reason: Message| UnreadableDeadline {
        text: text.to_owned(),
        reason_en: reason.en.clone(),
        reason: reason.ru,
    };
    let tokens = tokens::tokenize(text);
    let reading = read::read_tokens(&tokens, period).map_err(unreadable)?;
    let recurrence = reading
        .recurrence
        .or(reading.onward.then_some(Recurrence::Yearly));
    let mut spans = resolve_years(&reading.pieces, period).map_err(unreadable)?;
    if recurrence == Some(Recurrence::Yearly) {
        spans = repeat_yearly(&spans, period.to);
    }
    if spans.is_empty() {
        match recurrence {
            Some(r) if r.fills_plan() => spans.push(DateSpan {
                start: period.from,
                end: period.to,
            }),
            Some(_) => {}
            None => {
                return Err(unreadable(tr!(format!("срок не указан: нет ни даты, ни слов вроде «ежегодно»; пишут так: {}",
                    words::EXAMPLES
                ), format!("no deadline is given: neither a date nor words such as «ежегодно» (yearly); deadlines are written like this: {}",
                    words::EXAMPLES
                ))))
            }
        }
    }
    Ok(Deadline {
        text: text.to_owned(),
        spans: merge(spans),
        recurrence,
    })
}

/// Gives every piece its years, from the right: a year written later in a list
/// carries to the pieces before it; pieces with no year in reach take the plan's.
fn resolve_years(pieces: &[Piece], period: &PlanPeriod) -> Result<Vec<DateSpan>, Message> {
    let mut carry: Option<Point> = None;
    let mut spans = Vec::with_capacity(pieces.len());
    for piece in pieces.iter().rev() {
        let written = [piece.start, piece.end]
            .iter()
            .flatten()
            .any(|p| p.year.is_some());
        let (start, end) = fill_years(piece, carry, period);
        if written || carry.is_some() {
            carry = start.or(end);
        }
        let start = start.map(|p| to_date(p, false)).transpose()?;
        let end = end.map(|p| to_date(p, true)).transpose()?;
        let span = match (start, end) {
            (Some(start), Some(end)) if start > end => {
                return Err(tr!(format!("начало {} позже конца {}; промежуток пишут от раннего к позднему: \
                     «сентябрь – октябрь 2025»",
                    start.format("%d.%m.%Y"),
                    end.format("%d.%m.%Y")
                ), format!("the start {} is after the end {}; write a span from the earlier to the later: «сентябрь – октябрь 2025»",
                    start.format("%d.%m.%Y"),
                    end.format("%d.%m.%Y")
                )));
            }
            (Some(start), Some(end)) => DateSpan { start, end },
            (None, Some(end)) => DateSpan {
                start: period.from.min(end),
                end,
            },
            (Some(start), None) => DateSpan {
                start,
                end: period.to.max(start),
            },
            (None, None) => continue,
        };
        spans.push(span);
    }
    Ok(spans)
}

/// Whether `start` falls after `end` within one year (the piece crosses New Year).
fn wraps(start: Point, end: Point) -> bool {
    (start.month, start.day.unwrap_or(1)) > (end.month, end.day.unwrap_or(31))
}

fn with_year(point: Point, year: i32) -> Point {
    Point {
        year: Some(year),
        ..point
    }
}

/// The first occurrence of `point` from the month the plan starts (for a day, from that day).
fn first_occurrence(point: Point, from: NaiveDate) -> Point {
    let before = match point.day {
        None => point.month < from.month(),
        Some(day) => (point.month, day) < (from.month(), from.day()),
    };
    with_year(point, from.year() + i32::from(before))
}

/// Years for a piece: its own, else the carried one (the nearest year written after
/// it, which its end must not pass), else the plan's; the other side then follows.
fn fill_years(
    piece: &Piece,
    carry: Option<Point>,
    period: &PlanPeriod,
) -> (Option<Point>, Option<Point>) {
    let has_year = |p: Option<Point>| p.is_some_and(|p| p.year.is_some());
    let (mut start, mut end) = (piece.start, piece.end);
    if !has_year(start) && !has_year(end) {
        let carried = carry.and_then(|c| c.year.map(|year| (year, c)));
        match (carried, end, start) {
            (Some((year, c)), Some(e), _) => {
                let later = (e.month, e.day.unwrap_or(1)) > (c.month, c.day.unwrap_or(1));
                end = Some(with_year(e, year - i32::from(later)));
            }
            (_, _, Some(s)) => start = Some(first_occurrence(s, period.from)),
            (_, Some(e), None) => end = Some(first_occurrence(e, period.from)),
            (_, None, None) => {}
        }
    }
    match (start, end) {
        (Some(s), Some(e)) if e.year.is_none() => {
            end = s.year.map(|y| with_year(e, y + i32::from(wraps(s, e))));
        }
        (Some(s), Some(e)) if s.year.is_none() => {
            start = e.year.map(|y| with_year(s, y - i32::from(wraps(s, e))));
        }
        _ => {}
    }
    (start, end)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)
        .and_then(|d| d.pred_opt())
        .map_or(31, |d| d.day())
}

/// The first (or, for an end, the last) day of a point whose year is known.
fn to_date(point: Point, end: bool) -> Result<NaiveDate, Message> {
    let year = point.year.unwrap_or(0);
    let last = days_in_month(year, point.month);
    let day = point.day.unwrap_or(if end { last } else { 1 });
    NaiveDate::from_ymd_opt(year, point.month, day).ok_or_else(|| {
        let days = if last == 31 { "день" } else { "дней" };
        let month = point
            .month
            .checked_sub(1)
            .and_then(|i| MONTHS_IN.get(i as usize))
            .unwrap_or(&"этом месяце");
        let month_en = NaiveDate::from_ymd_opt(2000, point.month.clamp(1, 12), 1)
            .map_or(String::new(), |d| d.format("%B").to_string());
        tr!(
            "в {month} {year} года {last} {days}, {day}-го числа нет",
            "{month_en} {year} has {last} days; there is no day {day}"
        )
    })
}

/// The same day `years` later; the last day of a month stays the last day.
fn add_years(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    let year = date.year() + years;
    let last = days_in_month(year, date.month());
    let day = if date.day() == days_in_month(date.year(), date.month()) {
        last
    } else {
        date.day().min(last)
    };
    NaiveDate::from_ymd_opt(year, date.month(), day)
}

/// Each span again every year while it starts by `until`; repeats end by `until`.
fn repeat_yearly(spans: &[DateSpan], until: NaiveDate) -> Vec<DateSpan> {
    let mut all = spans.to_vec();
    for span in spans {
        for k in 1..=MAX_REPEATS {
            let Some(start) = add_years(span.start, k).filter(|s| *s <= until) else {
                break;
            };
            let end = add_years(span.end, k).map_or(until, |e| e.min(until));
            all.push(DateSpan { start, end });
        }
    }
    all
}

/// Sorts spans and joins those that overlap or touch.
fn merge(mut spans: Vec<DateSpan>) -> Vec<DateSpan> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<DateSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if last.end.succ_opt().is_some_and(|next| span.start <= next) => {
                last.end = last.end.max(span.end);
            }
            _ => merged.push(span),
        }
    }
    merged
}
