//! The status of each plan item on the `--as-of` date, and a plan's progress.
//!
//! A status the plan's author wrote wins. Otherwise it follows from the deadline:
//! before it starts — planned; inside it — in progress; after it ends — overdue.
//! Recurring, continuous, on-demand and by-schedule work is never overdue: it is in
//! progress while the plan runs. Text that could not be read is «не определён».

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{GivenStatus, Plan, PlanItem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ItemStatus {
    Overdue,
    InProgress,
    Planned,
    Done,
    Cancelled,
    Unknown,
}

impl ItemStatus {
    pub(crate) const ALL: [ItemStatus; 6] = [
        ItemStatus::Overdue,
        ItemStatus::InProgress,
        ItemStatus::Planned,
        ItemStatus::Done,
        ItemStatus::Cancelled,
        ItemStatus::Unknown,
    ];

    /// The identifier used in CSV, JSON and addresses.
    pub(crate) fn id(self) -> &'static str {
        match self {
            ItemStatus::Overdue => "overdue",
            ItemStatus::InProgress => "in_progress",
            ItemStatus::Planned => "planned",
            ItemStatus::Done => "done",
            ItemStatus::Cancelled => "cancelled",
            ItemStatus::Unknown => "unknown",
        }
    }

    /// The word a reader sees.
    pub(crate) fn label(self) -> &'static str {
        match self {
            ItemStatus::Overdue => "просрочено",
            ItemStatus::InProgress => "выполняется",
            ItemStatus::Planned => "запланировано",
            ItemStatus::Done => "выполнено",
            ItemStatus::Cancelled => "отменено",
            ItemStatus::Unknown => "не определён",
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
    pub(crate) cancelled: usize,
    pub(crate) unknown: usize,
}

impl StatusCounts {
    pub(crate) fn add(&mut self, status: ItemStatus) {
        self.total += 1;
        *match status {
            ItemStatus::Done => &mut self.done,
            ItemStatus::InProgress => &mut self.in_progress,
            ItemStatus::Planned => &mut self.planned,
            ItemStatus::Overdue => &mut self.overdue,
            ItemStatus::Cancelled => &mut self.cancelled,
            ItemStatus::Unknown => &mut self.unknown,
        } += 1;
    }

    pub(crate) fn of(&self, status: ItemStatus) -> usize {
        match status {
            ItemStatus::Done => self.done,
            ItemStatus::InProgress => self.in_progress,
            ItemStatus::Planned => self.planned,
            ItemStatus::Overdue => self.overdue,
            ItemStatus::Cancelled => self.cancelled,
            ItemStatus::Unknown => self.unknown,
        }
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
    match item.status {
        Some(GivenStatus::Done) => return ItemStatus::Done,
        Some(GivenStatus::Cancelled) => return ItemStatus::Cancelled,
        Some(GivenStatus::InProgress) => return ItemStatus::InProgress,
        Some(GivenStatus::Planned) => return ItemStatus::Planned,
        None => {}
    }
    let Some(deadline) = &item.deadline else {
        return ItemStatus::Unknown;
    };
    if deadline.recurrence.is_some() {
        let start = deadline.start().unwrap_or(plan_from);
        return if as_of < start {
            ItemStatus::Planned
        } else if as_of <= plan_to {
            ItemStatus::InProgress
        } else {
            // The plan is over and nobody marked the work: say so, not "overdue".
            ItemStatus::Unknown
        };
    }
    match (deadline.start(), deadline.end()) {
        (Some(start), _) if as_of < start => ItemStatus::Planned,
        (_, Some(end)) if as_of > end => ItemStatus::Overdue,
        (Some(_), Some(_)) => ItemStatus::InProgress,
        _ => ItemStatus::Unknown,
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
            no: "1".into(),
            title: "Пункт".into(),
            due_text: Some(due.into()),
            deadline: parse(due, ymd(2025, 9, 1), ymd(2026, 8, 31)),
            responsible: None,
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
            ItemStatus::Overdue
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
            ItemStatus::Overdue
        );
    }

    #[test]
    fn recurring_and_on_demand_work_is_never_overdue() {
        for due in [
            "ежегодно, октябрь",
            "постоянно",
            "по потребности",
            "по графику ФИОКО",
            "1 раз в квартал",
        ] {
            assert_eq!(
                status(due, ymd(2026, 8, 31)),
                ItemStatus::InProgress,
                "{due}"
            );
            assert_ne!(status(due, ymd(2027, 3, 1)), ItemStatus::Overdue, "{due}");
        }
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
