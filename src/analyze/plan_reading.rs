//! `msoko plans`: how every item of a plan was read — its deadline text, the dates
//! and recurrence read from it, its status on `--as-of` and why — in Russian and in
//! English, so the methodologist can see the reading without opening the plan's CSV.
//!
//! Only words are made here; the command line prints them (`cli::plans`).

use chrono::NaiveDate;

use super::plan_status::{compute_status_why, Why};
use crate::dates::format_date_short as short;
use crate::diagnostic::Message;
use crate::model::{GivenStatus, Model, Plan, PlanItem, Recurrence};

fn words(ru: impl Into<String>, en: impl Into<String>) -> Message {
    Message::text(ru, en)
}

/// One plan as read.
#[derive(Debug, Clone)]
pub struct PlanReading {
    /// The plan's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its file, relative to the site's root.
    pub file: String,
    /// The plan's period.
    pub from: NaiveDate,
    /// The plan's period.
    pub to: NaiveDate,
    /// The date statuses are computed for.
    pub as_of: NaiveDate,
    /// Every item, in document order.
    pub items: Vec<ItemReading>,
}

/// One item as read.
#[derive(Debug, Clone)]
pub struct ItemReading {
    /// The item's number, as written or given by position.
    pub no: String,
    /// The line where the item starts.
    pub line: usize,
    /// The item's title.
    pub title: String,
    /// The «Сроки» text exactly as written.
    pub due_text: Option<String>,
    /// Every window read from it, inclusive.
    pub windows: Vec<(NaiveDate, NaiveDate)>,
    /// The recurrence read, in words.
    pub recurrence: Option<Message>,
    /// Why the text could not be read, when it could not.
    pub unreadable: Option<Message>,
    /// The status id (as in the plan's CSV): `done`, `not_marked`, …
    pub status: &'static str,
    /// The status as a reader sees it.
    pub status_label: Message,
    /// Why the item has this status.
    pub why: Message,
}

/// The plans of the site (or the one with `id`), each item read.
pub(crate) fn read_plans(model: &Model, id: Option<&str>) -> Vec<PlanReading> {
    model
        .plans
        .iter()
        .filter(|plan| id.is_none_or(|id| plan.id == id))
        .map(|plan| read_plan(plan, model.as_of))
        .collect()
}

fn read_plan(plan: &Plan, as_of: NaiveDate) -> PlanReading {
    PlanReading {
        id: plan.id.clone(),
        title: plan.title.clone(),
        file: plan.file.display().to_string(),
        from: plan.period.from,
        to: plan.period.to,
        as_of,
        items: plan
            .items()
            .into_iter()
            .map(|item| read_item(plan, item, as_of))
            .collect(),
    }
}

fn read_item(plan: &Plan, item: &PlanItem, as_of: NaiveDate) -> ItemReading {
    let (status, why) = compute_status_why(item, plan.period.from, plan.period.to, as_of);
    let unreadable = match (&item.due_text, &item.deadline) {
        (Some(text), None) => {
            crate::model::deadline_unreadable(text, plan.period).map(|(ru, en)| words(ru, en))
        }
        _ => None,
    };
    ItemReading {
        no: item.no.clone(),
        line: item.line,
        title: item.title.clone(),
        due_text: item.due_text.clone(),
        windows: item
            .deadline
            .iter()
            .flat_map(|d| d.spans.iter().map(|s| (s.start, s.end)))
            .collect(),
        recurrence: item
            .deadline
            .as_ref()
            .and_then(|d| d.recurrence)
            .map(recurrence_words),
        unreadable,
        status: status.id(),
        status_label: words(status.label(), status.label_en()),
        why: why_words(item, why),
    }
}

fn recurrence_words(recurrence: Recurrence) -> Message {
    match recurrence {
        Recurrence::Yearly => words("ежегодно", "yearly"),
        Recurrence::Quarterly => words("ежеквартально", "quarterly"),
        Recurrence::Monthly => words("ежемесячно", "monthly"),
        Recurrence::EveryNYears(n) => words(
            format!(
                "1 раз в {n} {}",
                crate::numbers::plural(n as usize, "год", "года", "лет")
            ),
            format!("once in {n} years"),
        ),
        Recurrence::Continuous => words("постоянно", "continuously"),
        Recurrence::OnDemand => words("по мере необходимости", "as needed"),
        Recurrence::BySchedule => words("по графику", "by a schedule"),
        Recurrence::OnEvent => words("по наступлении события", "upon an event"),
    }
}

fn mark_words(status: Option<GivenStatus>) -> (&'static str, &'static str) {
    match status {
        Some(GivenStatus::Done) => ("выполнено", "done"),
        Some(GivenStatus::NotDone) => ("не выполнено", "not done"),
        Some(GivenStatus::Cancelled) => ("отменено", "cancelled"),
        Some(GivenStatus::Postponed) => ("перенесено", "postponed"),
        Some(GivenStatus::InProgress) => ("выполняется", "in progress"),
        Some(GivenStatus::Planned) | None => ("запланировано", "planned"),
    }
}

fn why_words(item: &PlanItem, why: Why) -> Message {
    let (mark, mark_en) = mark_words(item.status);
    match why {
        Why::Marked => match item.done {
            Some(done) => {
                let done = short(done);
                words(
                    format!("в плане отмечено «{mark}» {done}"),
                    format!("marked “{mark_en}” on {done} in the plan"),
                )
            }
            None => words(
                format!("в плане отмечено «{mark}»"),
                format!("marked “{mark_en}” in the plan"),
            ),
        },
        Why::MarkedButPast(end) => {
            let end = short(end);
            words(
                format!("в плане отмечено «{mark}», но срок истёк {end}"),
                format!("marked “{mark_en}” in the plan, but the deadline ended on {end}"),
            )
        }
        Why::Unreadable if item.due_text.is_none() => {
            words("срок не указан (нет due)", "no deadline is given (no due)")
        }
        Why::Unreadable => words(
            "срок не удалось прочитать, по нему статус не считается",
            "the deadline could not be read, so no status follows from it",
        ),
        Why::NoDates(recurrence) => {
            let r = recurrence_words(recurrence);
            words(
                format!(
                    "в сроке нет дат ({}), отметьте выполнение, когда оно будет",
                    r.ru
                ),
                format!(
                    "the deadline has no dates ({}); mark the item when it is done",
                    r.en
                ),
            )
        }
        Why::NotStarted(start) => {
            let start = short(start);
            words(
                format!("срок начнётся {start}"),
                format!("the deadline starts on {start}"),
            )
        }
        Why::Recurring(recurrence) => {
            let r = recurrence_words(recurrence);
            words(
                format!("регулярное мероприятие ({}), план ещё действует", r.ru),
                format!("recurring work ({}), the plan is still running", r.en),
            )
        }
        Why::Inside(start, end) => {
            let (start, end) = (short(start), short(end));
            words(
                format!("идёт срок {start} – {end}"),
                format!("within the deadline {start} – {end}"),
            )
        }
        Why::EndedUnmarked(end) => {
            let end = short(end);
            words(
                format!("срок истёк {end}, отметки о выполнении нет (напишите status: выполнено, не выполнено или перенесено)"),
                format!("the deadline ended on {end} with no mark of completion (write status: выполнено, не выполнено or перенесено)"),
            )
        }
    }
}
