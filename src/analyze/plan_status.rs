//! The status of each plan item on the `--as-of` date, and a plan's progress.
//!
//! Fair in public: a reader must not see «просрочено» for work that was done but
//! not yet marked. So a status the plan's author wrote wins («выполнено»,
//! «отменено», «перенесено»; «не выполнено» is shown as «просрочено»), except
//! that work marked «выполняется» or «запланировано» whose dated deadline has
//! passed is «просрочено»: the mark says it is not done. Without a mark the status
//! follows from the deadline: before it starts — planned; inside it — in progress;
//! after it ends — «нет отметки о выполнении» (neutral, and a ⚠ for the clerk in
//! `check`). Work «по графику» or «по итогам …» is «по графику», work «по
//! потребности», «по мере необходимости», «по запросу» is «по мере
//! необходимости»: neither is «выполняется» forever. Recurring and continuous
//! work is in progress while the plan runs. Text that could not be read is
//! «не определён».

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{GivenStatus, Plan, PlanItem, Recurrence};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ItemStatus {
    Overdue,
    NotMarked,
    InProgress,
    BySchedule,
    OnDemand,
    Planned,
    Done,
    Postponed,
    Cancelled,
    Unknown,
}

impl ItemStatus {
    pub(crate) const ALL: [ItemStatus; 10] = [
        ItemStatus::Overdue,
        ItemStatus::NotMarked,
        ItemStatus::InProgress,
        ItemStatus::BySchedule,
        ItemStatus::OnDemand,
        ItemStatus::Planned,
        ItemStatus::Done,
        ItemStatus::Postponed,
        ItemStatus::Cancelled,
        ItemStatus::Unknown,
    ];

    /// The identifier used in CSV, JSON and addresses.
    pub(crate) fn id(self) -> &'static str {
        match self {
            ItemStatus::Overdue => "overdue",
            ItemStatus::NotMarked => "not_marked",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::BySchedule => "by_schedule",
            ItemStatus::OnDemand => "on_demand",
            ItemStatus::Planned => "planned",
            ItemStatus::Done => "done",
            ItemStatus::Postponed => "postponed",
            ItemStatus::Cancelled => "cancelled",
            ItemStatus::Unknown => "unknown",
        }
    }

    /// The word a reader sees.
    pub(crate) fn label(self) -> &'static str {
        match self {
            ItemStatus::Overdue => "просрочено",
            ItemStatus::NotMarked => "нет отметки о выполнении",
            ItemStatus::InProgress => "выполняется",
            ItemStatus::BySchedule => "по графику",
            ItemStatus::OnDemand => "по мере необходимости",
            ItemStatus::Planned => "запланировано",
            ItemStatus::Done => "выполнено",
            ItemStatus::Postponed => "перенесено",
            ItemStatus::Cancelled => "отменено",
            ItemStatus::Unknown => "не определён",
        }
    }

    /// The same in English, for `msoko plans --lang en`.
    pub(crate) fn label_en(self) -> &'static str {
        match self {
            ItemStatus::Overdue => "overdue",
            ItemStatus::NotMarked => "no mark of completion",
            ItemStatus::InProgress => "in progress",
            ItemStatus::BySchedule => "by schedule",
            ItemStatus::OnDemand => "as needed",
            ItemStatus::Planned => "planned",
            ItemStatus::Done => "done",
            ItemStatus::Postponed => "postponed",
            ItemStatus::Cancelled => "cancelled",
            ItemStatus::Unknown => "unknown",
        }
    }
}

/// Item counts by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub(crate) struct StatusCounts {
    pub(crate) total: usize,
    pub(crate) done: usize,
    pub(crate) in_progress: usize,
    pub(crate) planned: usize,
    pub(crate) overdue: usize,
    pub(crate) not_marked: usize,
    pub(crate) by_schedule: usize,
    pub(crate) on_demand: usize,
    pub(crate) postponed: usize,
    pub(crate) cancelled: usize,
    pub(crate) unknown: usize,
}

impl StatusCounts {
    fn slot(&mut self, status: ItemStatus) -> &mut usize {
        match status {
            ItemStatus::Done => &mut self.done,
            ItemStatus::InProgress => &mut self.in_progress,
            ItemStatus::Planned => &mut self.planned,
            ItemStatus::Overdue => &mut self.overdue,
            ItemStatus::NotMarked => &mut self.not_marked,
            ItemStatus::BySchedule => &mut self.by_schedule,
            ItemStatus::OnDemand => &mut self.on_demand,
            ItemStatus::Postponed => &mut self.postponed,
            ItemStatus::Cancelled => &mut self.cancelled,
            ItemStatus::Unknown => &mut self.unknown,
        }
    }

    pub(crate) fn add(&mut self, status: ItemStatus) {
        self.total += 1;
        *self.slot(status) += 1;
    }

    pub(crate) fn of(&self, status: ItemStatus) -> usize {
        let mut counts = *self;
        *counts.slot(status)
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct PlanProgress {
    /// Status of each item by its `key`.
    pub(crate) statuses: Vec<ItemStatus>,
    pub(crate) counts: StatusCounts,
}

pub(crate) fn compute_progress(plan: &Plan, as_of: NaiveDate) -> PlanProgress {
    let items = plan.items();
    let mut statuses = vec![ItemStatus::Unknown; items.len()];
    let mut counts = StatusCounts::default();
    for item in items {
        let status = compute_status(item, plan.period.from, plan.period.to, as_of);
        statuses[item.key] = status;
        counts.add(status);
    }
    PlanProgress { statuses, counts }
}

pub(crate) fn compute_status(
    item: &PlanItem,
    plan_from: NaiveDate,
    plan_to: NaiveDate,
    as_of: NaiveDate,
) -> ItemStatus {
    compute_status_why(item, plan_from, plan_to, as_of).0
}

/// Why an item has its status, for `msoko plans`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// The author marked it so.
    Marked,
    /// Marked in progress or planned, but the dated deadline has passed.
    MarkedButPast(NaiveDate),
    /// The text could not be read.
    Unreadable,
    /// On demand, by schedule or on an event: no dates to judge by.
    NoDates(Recurrence),
    /// Before the plan (or the recurring work) starts.
    NotStarted(NaiveDate),
    /// Recurring or continuous work while the plan runs.
    Recurring(Recurrence),
    /// Inside a dated span.
    Inside(NaiveDate, NaiveDate),
    /// The deadline (or the plan, for recurring work) ended with no mark.
    EndedUnmarked(NaiveDate),
}

/// The status and the reason for it.
pub(crate) fn compute_status_why(
    item: &PlanItem,
    plan_from: NaiveDate,
    plan_to: NaiveDate,
    as_of: NaiveDate,
) -> (ItemStatus, Why) {
    let dated_end = item
        .deadline
        .as_ref()
        .filter(|d| d.recurrence.is_none())
        .and_then(|d| d.end());
    match item.status {
        Some(GivenStatus::Done) => return (ItemStatus::Done, Why::Marked),
        Some(GivenStatus::Cancelled) => return (ItemStatus::Cancelled, Why::Marked),
        Some(GivenStatus::Postponed) => return (ItemStatus::Postponed, Why::Marked),
        Some(GivenStatus::NotDone) => return (ItemStatus::Overdue, Why::Marked),
        Some(GivenStatus::InProgress | GivenStatus::Planned) => {
            if let Some(end) = dated_end.filter(|end| as_of > *end) {
                return (ItemStatus::Overdue, Why::MarkedButPast(end));
            }
            let status = if item.status == Some(GivenStatus::Planned) {
                ItemStatus::Planned
            } else {
                ItemStatus::InProgress
            };
            return (status, Why::Marked);
        }
        None => {}
    }
    let Some(deadline) = &item.deadline else {
        return (ItemStatus::Unknown, Why::Unreadable);
    };
    if let Some(recurrence) = deadline.recurrence {
        match recurrence {
            Recurrence::OnDemand => return (ItemStatus::OnDemand, Why::NoDates(recurrence)),
            Recurrence::BySchedule | Recurrence::OnEvent if deadline.spans.is_empty() => {
                return (ItemStatus::BySchedule, Why::NoDates(recurrence))
            }
            _ => {}
        }
        let start = deadline.start().unwrap_or(plan_from);
        return if as_of < start {
            (ItemStatus::Planned, Why::NotStarted(start))
        } else if as_of <= plan_to {
            (ItemStatus::InProgress, Why::Recurring(recurrence))
        } else {
            // The plan is over and nobody marked the work: say so, not "overdue".
            (ItemStatus::NotMarked, Why::EndedUnmarked(plan_to))
        };
    }
    match (deadline.start(), deadline.end()) {
        (Some(start), _) if as_of < start => (ItemStatus::Planned, Why::NotStarted(start)),
        (_, Some(end)) if as_of > end => (ItemStatus::NotMarked, Why::EndedUnmarked(end)),
        (Some(start), Some(end)) => (ItemStatus::InProgress, Why::Inside(start, end)),
        _ => (ItemStatus::Unknown, Why::Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_deadline_for_tests as parse, PlanItem};

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn item(due: &str, status: Option<GivenStatus>) -> PlanItem {
        PlanItem {
            key: 0,
            line: 1,
            no: "1".into(),
            title: "Пункт".into(),
            due_text: Some(due.into()),
            deadline: parse(due, ymd(2025, 9, 1), ymd(2026, 8, 31)),
            responsible: None,
            parties: Vec::new(),
            form: None,
            result: None,
            status,
            done: None,
            evidence: Vec::new(),
            cycle: None,
        }
    }

    fn status(due: &str, as_of: NaiveDate) -> ItemStatus {
        compute_status(&item(due, None), ymd(2025, 9, 1), ymd(2026, 8, 31), as_of)
    }

    #[test]
    fn is_planned_before_in_progress_inside_and_overdue_after() {
        assert_eq!(
            status("Ноябрь-декабрь", ymd(2025, 10, 31)),
            ItemStatus::Planned
        );
        assert_eq!(
            status("Ноябрь-декабрь", ymd(2025, 11, 1)),
            ItemStatus::InProgress
        );
        assert_eq!(
            status("Ноябрь-декабрь", ymd(2025, 12, 31)),
            ItemStatus::InProgress
        );
        assert_eq!(
            status("Ноябрь-декабрь", ymd(2026, 1, 1)),
            ItemStatus::NotMarked
        );
    }

    #[test]
    fn a_date_before_which_work_is_due_runs_from_the_plan_start() {
        assert_eq!(
            status("До 01.12.2025", ymd(2025, 9, 1)),
            ItemStatus::InProgress
        );
        assert_eq!(
            status("До 01.12.2025", ymd(2025, 12, 1)),
            ItemStatus::InProgress
        );
        assert_eq!(
            status("До 01.12.2025", ymd(2025, 12, 2)),
            ItemStatus::NotMarked
        );
    }

    #[test]
    fn recurring_and_on_demand_work_is_never_overdue() {
        for due in ["ежегодно, октябрь", "постоянно", "1 раз в квартал"]
        {
            assert_eq!(
                status(due, ymd(2026, 8, 31)),
                ItemStatus::InProgress,
                "{due}"
            );
            assert_eq!(status(due, ymd(2027, 3, 1)), ItemStatus::NotMarked, "{due}");
        }
    }

    #[test]
    fn on_demand_and_scheduled_work_has_its_own_status_not_in_progress() {
        for (due, want) in [
            ("по потребности", ItemStatus::OnDemand),
            ("по мере необходимости", ItemStatus::OnDemand),
            ("по запросу", ItemStatus::OnDemand),
            ("по графику ФИОКО", ItemStatus::BySchedule),
            ("по итогам ГИА", ItemStatus::BySchedule),
        ] {
            assert_eq!(status(due, ymd(2026, 1, 1)), want, "{due}");
            assert_eq!(status(due, ymd(2027, 1, 1)), want, "{due}");
        }
    }

    #[test]
    fn past_the_deadline_without_a_mark_is_not_overdue() {
        assert_eq!(
            status("Ноябрь-декабрь", ymd(2026, 1, 1)),
            ItemStatus::NotMarked
        );
        let marked = item("Ноябрь-декабрь", Some(GivenStatus::InProgress));
        assert_eq!(
            compute_status(&marked, ymd(2025, 9, 1), ymd(2026, 8, 31), ymd(2026, 1, 1)),
            ItemStatus::Overdue
        );
        let not_done = item("Ноябрь-декабрь", Some(GivenStatus::NotDone));
        assert_eq!(
            compute_status(
                &not_done,
                ymd(2025, 9, 1),
                ymd(2026, 8, 31),
                ymd(2025, 12, 1)
            ),
            ItemStatus::Overdue
        );
    }

    #[test]
    fn a_written_status_wins() {
        let done = item("Сентябрь 2025", Some(GivenStatus::Done));
        assert_eq!(
            compute_status(&done, ymd(2025, 9, 1), ymd(2026, 8, 31), ymd(2026, 1, 1)),
            ItemStatus::Done
        );
        let cancelled = item("Сентябрь 2025", Some(GivenStatus::Cancelled));
        assert_eq!(
            compute_status(
                &cancelled,
                ymd(2025, 9, 1),
                ymd(2026, 8, 31),
                ymd(2026, 1, 1)
            ),
            ItemStatus::Cancelled
        );
    }

    #[test]
    fn unreadable_text_is_unknown() {
        assert_eq!(
            status("когда получится", ymd(2026, 1, 1)),
            ItemStatus::Unknown
        );
    }

    #[test]
    fn counts_statuses() {
        let mut counts = StatusCounts::default();
        counts.add(ItemStatus::Done);
        counts.add(ItemStatus::Overdue);
        counts.add(ItemStatus::Done);
        assert_eq!((counts.total, counts.done, counts.overdue), (3, 2, 1));
        assert_eq!(counts.of(ItemStatus::Done), 2);
    }
}
