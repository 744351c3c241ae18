//! Plans on the site: the list of plans, a page per plan with its table, filters and
//! timeline, the views filtered by status and by responsible party (pre-rendered, so
//! filtering needs no JavaScript), and the plan as CSV and JSON.

use serde::Serialize;

use super::charts::{render_gantt, GanttChart, GanttRow};
use super::views::{DateView, LinkView};
use crate::analyze::{Analysis, ItemStatus, PlanProgress, StatusCounts};
use crate::model::paths;
use crate::model::{Model, Plan, PlanItem, PlanSection, Recurrence};

/// A plan in the list of plans.
#[derive(Debug, Serialize)]
pub(crate) struct PlanSummaryView {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) url: String,
    pub(crate) approved: Option<ApprovalView>,
    pub(crate) period: PeriodView,
    pub(crate) counts: StatusCounts,
    pub(crate) progress: Vec<ProgressPart>,
    pub(crate) percent_done: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct ApprovalView {
    pub(crate) kind: String,
    pub(crate) number: String,
    pub(crate) date: DateView,
    pub(crate) document: Option<LinkView>,
    /// «приказ от 29.08.2025 № 178-П»
    pub(crate) text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct PeriodView {
    pub(crate) from: DateView,
    pub(crate) to: DateView,
}

/// One status's share of a plan, for the progress bar and its text.
#[derive(Debug, Serialize)]
pub(crate) struct ProgressPart {
    pub(crate) status: &'static str,
    pub(crate) label: &'static str,
    pub(crate) count: usize,
    /// Width in the bar, in whole percent.
    pub(crate) percent: usize,
}

/// One plan page (or one of its filtered views).
#[derive(Debug, Serialize)]
pub(crate) struct PlanView {
    #[serde(flatten)]
    pub(crate) summary: PlanSummaryView,
    pub(crate) csv_url: String,
    pub(crate) json_url: String,
    pub(crate) sections: Vec<SectionRows>,
    pub(crate) status_filters: Vec<FilterLink>,
    pub(crate) responsible_filters: Vec<FilterLink>,
    /// Set on a filtered view: what it shows.
    pub(crate) filter: Option<String>,
    /// Link to the whole plan (on a filtered view).
    pub(crate) all_url: String,
    /// The timeline as inline SVG.
    pub(crate) chart: Option<String>,
    /// Items shown in this view.
    pub(crate) shown: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct SectionRows {
    pub(crate) title: String,
    /// 2 for a top-level section (its heading is `<h3>`), 3 for a sub-section, …
    pub(crate) depth: usize,
    pub(crate) id: String,
    pub(crate) rows: Vec<ItemRow>,
}

#[derive(Debug, Serialize)]
pub(crate) struct ItemRow {
    /// The row's id, for links to the item: `punkt-2.1`.
    pub(crate) id: String,
    pub(crate) no: String,
    pub(crate) title: String,
    pub(crate) due_text: String,
    /// «01.09.2025 – 31.12.2025», empty when the text names no dates.
    pub(crate) due_dates: String,
    /// «ежегодно», «по потребности»…
    pub(crate) recurrence: Option<&'static str>,
    pub(crate) responsible: String,
    pub(crate) form: Option<String>,
    pub(crate) result: Option<String>,
    pub(crate) status: &'static str,
    pub(crate) status_label: &'static str,
    pub(crate) done: Option<DateView>,
    pub(crate) evidence: Vec<LinkView>,
}

#[derive(Debug, Serialize)]
pub(crate) struct FilterLink {
    pub(crate) label: String,
    pub(crate) url: String,
    pub(crate) count: usize,
    pub(crate) current: bool,
}

/// Which items a view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Filter {
    All,
    Status(ItemStatus),
    Responsible(String),
}

impl Filter {
    fn keeps(&self, item: &PlanItem, status: ItemStatus) -> bool {
        match self {
            Filter::All => true,
            Filter::Status(wanted) => status == *wanted,
            Filter::Responsible(party) => item.parties.contains(party),
        }
    }
}

/// One line saying what a filtered view of a plan shows, for its description.
pub(crate) fn filter_description(plan: &Plan, progress: &PlanProgress, filter: &Filter) -> String {
    let shown = plan
        .items()
        .into_iter()
        .filter(|item| filter.keeps(item, progress.statuses[item.key]))
        .count();
    let total = progress.counts.total;
    let what = match filter {
        Filter::All => "все мероприятия".to_string(),
        Filter::Status(status) => format!("мероприятия со статусом «{}»", status.label()),
        Filter::Responsible(party) => format!("мероприятия, за которые отвечает {party}"),
    };
    super::describe::fit(
        &plan.title,
        &format!(
            ": {what} — {shown} из {total} {}.",
            crate::numbers::plural(total, "мероприятия", "мероприятий", "мероприятий")
        ),
    )
}

/// The address of a filtered view, relative to the site: `/plans/<id>/status/overdue/`.
pub(crate) fn filter_path(plan: &Plan, filter: &Filter) -> String {
    match filter {
        Filter::All => paths::plan(&plan.id),
        Filter::Status(status) => paths::plan_status(&plan.id, status.id()),
        Filter::Responsible(party) => paths::plan_responsible(&plan.id, party),
    }
}

/// Every filtered view a plan has, with what it is called.
pub(crate) fn filters_of(plan: &Plan, progress: &PlanProgress) -> Vec<(Filter, String)> {
    let mut filters = Vec::new();
    for status in ItemStatus::ALL {
        if progress.counts.of(status) > 0 {
            filters.push((
                Filter::Status(status),
                format!("статус «{}»", status.label()),
            ));
        }
    }
    let mut slugs = Vec::new();
    for party in plan.responsible_parties() {
        // Two spellings with one slug would share an address: keep the first.
        let slug = slug::slugify(&party);
        if slug.is_empty() || slugs.contains(&slug) {
            continue;
        }
        slugs.push(slug);
        filters.push((
            Filter::Responsible(party.clone()),
            format!("ответственный «{party}»"),
        ));
    }
    filters
}

pub(crate) fn summary_view(model: &Model, plan: &Plan, progress: &PlanProgress) -> PlanSummaryView {
    let counts = progress.counts;
    let percent = |n: usize| (n * 100).checked_div(counts.total).unwrap_or(0);
    let progress_parts = [
        ItemStatus::Done,
        ItemStatus::InProgress,
        ItemStatus::BySchedule,
        ItemStatus::OnDemand,
        ItemStatus::Overdue,
        ItemStatus::NotMarked,
        ItemStatus::Planned,
        ItemStatus::Postponed,
        ItemStatus::Cancelled,
        ItemStatus::Unknown,
    ]
    .into_iter()
    .filter(|s| counts.of(*s) > 0)
    .map(|s| ProgressPart {
        status: s.id(),
        label: s.label(),
        count: counts.of(s),
        percent: percent(counts.of(s)),
    })
    .collect();
    PlanSummaryView {
        id: plan.id.clone(),
        title: plan.title.clone(),
        url: model.link(&paths::plan(&plan.id)),
        approved: plan.approved.as_ref().map(|a| ApprovalView {
            kind: a.kind.clone(),
            number: a.number.clone(),
            date: DateView::new(a.date),
            document: a.document.as_ref().map(|d| LinkView {
                title: d.title.clone(),
                path: d.url.clone(),
                url: model.link(&d.url),
            }),
            text: format!(
                "{} от {} № {}",
                a.kind,
                crate::dates::format_date_short(a.date),
                a.number
            ),
        }),
        period: PeriodView {
            from: DateView::new(plan.period.from),
            to: DateView::new(plan.period.to),
        },
        counts,
        progress: progress_parts,
        percent_done: percent(counts.done),
    }
}

pub(crate) fn plan_view(
    model: &Model,
    analysis: &Analysis,
    index: usize,
    filter: &Filter,
) -> PlanView {
    let plan = &model.plans[index];
    let progress = &analysis.plans[index];
    let mut sections = Vec::new();
    flatten(model, progress, &plan.sections, 2, filter, &mut sections);
    let shown = sections.iter().map(|s| s.rows.len()).sum();
    let filters = filters_of(plan, progress);
    let link = |f: &Filter, label: String, count: usize| FilterLink {
        label,
        url: model.link(&filter_path(plan, f)),
        count,
        current: f == filter,
    };
    let count_of = |f: &Filter| {
        plan.items()
            .into_iter()
            .filter(|item| f.keeps(item, progress.statuses[item.key]))
            .count()
    };
    let mut status_filters = vec![link(
        &Filter::All,
        "все пункты".into(),
        progress.counts.total,
    )];
    let mut responsible_filters = Vec::new();
    for (f, _) in &filters {
        match f {
            Filter::Status(status) => {
                status_filters.push(link(f, status.label().into(), count_of(f)))
            }
            Filter::Responsible(party) => {
                responsible_filters.push(link(f, party.clone(), count_of(f)))
            }
            Filter::All => {}
        }
    }
    let chart = (filter == &Filter::All)
        .then(|| gantt(model, plan, progress))
        .flatten();
    PlanView {
        summary: summary_view(model, plan, progress),
        csv_url: model.link(&paths::plan_csv(&plan.id)),
        json_url: model.link(&paths::plan_json(&plan.id)),
        sections,
        status_filters,
        responsible_filters,
        filter: filters
            .iter()
            .find(|(f, _)| f == filter)
            .map(|(_, label)| label.clone()),
        all_url: model.link(&filter_path(plan, &Filter::All)),
        chart,
        shown,
    }
}

fn flatten(
    model: &Model,
    progress: &PlanProgress,
    sections: &[PlanSection],
    depth: usize,
    filter: &Filter,
    out: &mut Vec<SectionRows>,
) {
    for section in sections {
        let rows: Vec<ItemRow> = section
            .items
            .iter()
            .filter(|item| filter.keeps(item, progress.statuses[item.key]))
            .map(|item| item_row(model, item, progress.statuses[item.key]))
            .collect();
        let id = format!("razdel-{}", out.len() + 1);
        let index = out.len();
        out.push(SectionRows {
            title: section.title.clone(),
            depth,
            id,
            rows,
        });
        flatten(model, progress, &section.sections, depth + 1, filter, out);
        // A section with nothing to show in a filtered view, and no sub-section
        // that shows something, is left out.
        if out[index].rows.is_empty() && out.len() == index + 1 && filter != &Filter::All {
            out.pop();
        }
    }
}

fn item_row(model: &Model, item: &PlanItem, status: ItemStatus) -> ItemRow {
    let due_dates = item
        .deadline
        .as_ref()
        .filter(|d| d.recurrence.is_none())
        .and_then(|d| Some((d.start()?, d.end()?)))
        .map(|(start, end)| {
            if start == end {
                crate::dates::format_date_short(start)
            } else {
                format!(
                    "{} – {}",
                    crate::dates::format_date_short(start),
                    crate::dates::format_date_short(end)
                )
            }
        })
        .unwrap_or_default();
    ItemRow {
        id: item.anchor(),
        no: item.no.clone(),
        title: item.title.clone(),
        due_text: item.due_text.clone().unwrap_or_default(),
        due_dates,
        recurrence: item
            .deadline
            .as_ref()
            .and_then(|d| d.recurrence)
            .map(recurrence_label),
        responsible: item.responsible.clone().unwrap_or_default(),
        form: item.form.clone(),
        result: item.result.clone(),
        status: status.id(),
        status_label: status.label(),
        done: item.done.map(DateView::new),
        evidence: item
            .evidence
            .iter()
            .map(|e| LinkView {
                title: e.title.clone(),
                path: e.url.clone(),
                url: model.link(&e.url),
            })
            .collect(),
    }
}

fn recurrence_label(recurrence: Recurrence) -> &'static str {
    match recurrence {
        Recurrence::Yearly => "ежегодно",
        Recurrence::Quarterly => "ежеквартально",
        Recurrence::Monthly => "ежемесячно",
        Recurrence::EveryNYears(_) => "раз в несколько лет",
        Recurrence::Continuous => "постоянно",
        Recurrence::OnDemand => "по потребности",
        Recurrence::BySchedule => "по графику",
        Recurrence::OnEvent => "по событию",
    }
}

/// The machine name of a recurrence, as in the CSV and JSON.
pub(crate) fn recurrence_id(recurrence: Recurrence) -> String {
    match recurrence {
        Recurrence::Yearly => "yearly".into(),
        Recurrence::Quarterly => "quarterly".into(),
        Recurrence::Monthly => "monthly".into(),
        Recurrence::EveryNYears(n) => format!("every_n_years({n})"),
        Recurrence::Continuous => "continuous".into(),
        Recurrence::OnDemand => "on_demand".into(),
        Recurrence::BySchedule => "by_schedule".into(),
        Recurrence::OnEvent => "on_event".into(),
    }
}

fn gantt(model: &Model, plan: &Plan, progress: &PlanProgress) -> Option<String> {
    let mut rows = Vec::new();
    let mut undated = 0;
    fn walk(
        sections: &[PlanSection],
        progress: &PlanProgress,
        rows: &mut Vec<GanttRow>,
        undated: &mut usize,
    ) {
        for section in sections {
            let mut first = true;
            for item in &section.items {
                let spans: Vec<_> = item
                    .deadline
                    .as_ref()
                    .map(|d| d.spans.iter().map(|s| (s.start, s.end)).collect())
                    .unwrap_or_default();
                if spans.is_empty() {
                    *undated += 1;
                    continue;
                }
                rows.push(GanttRow {
                    label: item.no.clone(),
                    title: item.title.clone(),
                    spans,
                    status: progress.statuses[item.key],
                    recurring: item
                        .deadline
                        .as_ref()
                        .is_some_and(|d| d.recurrence.is_some()),
                    section: first.then(|| section.title.clone()),
                });
                first = false;
            }
            walk(&section.sections, progress, rows, undated);
        }
    }
    walk(&plan.sections, progress, &mut rows, &mut undated);
    render_gantt(&GanttChart {
        id: format!("gantt-{}", plan.id),
        title: format!("Сроки выполнения: {}", plan.title),
        from: plan.period.from,
        to: plan.period.to,
        as_of: model.as_of,
        rows,
        undated,
    })
}

/// One row of the plan's CSV and JSON.
#[derive(Debug, Serialize)]
pub(crate) struct ExportRow<'a> {
    plan: &'a str,
    section: &'a str,
    no: &'a str,
    title: &'a str,
    due_text: &'a str,
    due_start: String,
    due_end: String,
    /// Every window as read: `2022-03-01/2022-04-30;2023-03-01/2023-04-30`.
    due_windows: String,
    recurrence: String,
    responsible: &'a str,
    form: &'a str,
    result: &'a str,
    status: &'static str,
    done: String,
}

pub(crate) fn export_rows<'a>(plan: &'a Plan, progress: &PlanProgress) -> Vec<ExportRow<'a>> {
    fn walk<'a>(
        plan: &'a Plan,
        sections: &'a [PlanSection],
        progress: &PlanProgress,
        out: &mut Vec<ExportRow<'a>>,
    ) {
        for section in sections {
            for item in &section.items {
                let deadline = item.deadline.as_ref();
                out.push(ExportRow {
                    plan: &plan.id,
                    section: &section.title,
                    no: &item.no,
                    title: &item.title,
                    due_text: item.due_text.as_deref().unwrap_or(""),
                    due_start: deadline
                        .and_then(|d| d.start())
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    due_end: deadline
                        .and_then(|d| d.end())
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    due_windows: deadline.map(windows).unwrap_or_default(),
                    recurrence: deadline
                        .and_then(|d| d.recurrence)
                        .map(recurrence_id)
                        .unwrap_or_default(),
                    responsible: item.responsible.as_deref().unwrap_or(""),
                    form: item.form.as_deref().unwrap_or(""),
                    result: item.result.as_deref().unwrap_or(""),
                    status: progress.statuses[item.key].id(),
                    done: item.done.map(|d| d.to_string()).unwrap_or_default(),
                });
            }
            walk(plan, &section.sections, progress, out);
        }
    }
    let mut out = Vec::new();
    walk(plan, &plan.sections, progress, &mut out);
    out
}

/// Every window of a deadline, ISO 8601 intervals: `2022-03-01/2022-04-30;…`.
pub(crate) fn windows(deadline: &crate::model::Deadline) -> String {
    deadline
        .spans
        .iter()
        .map(|s| format!("{}/{}", s.start, s.end))
        .collect::<Vec<_>>()
        .join(";")
}

/// The plan as CSV: UTF-8, RFC 4180, a header row.
pub(crate) fn plan_csv(plan: &Plan, progress: &PlanProgress) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in export_rows(plan, progress) {
        // Writing to memory cannot fail.
        let _ = writer.serialize(row);
    }
    writer.into_inner().unwrap_or_default()
}

/// The plan as JSON: the same fields as the CSV, plus the plan's own details.
pub(crate) fn plan_json(model: &Model, plan: &Plan, progress: &PlanProgress) -> Vec<u8> {
    #[derive(Serialize)]
    struct Export<'a> {
        id: &'a str,
        title: &'a str,
        approved: Option<ApprovalView>,
        period_from: String,
        period_to: String,
        as_of: String,
        items: Vec<ExportRow<'a>>,
    }
    let summary = summary_view(model, plan, progress);
    let export = Export {
        id: &plan.id,
        title: &plan.title,
        approved: summary.approved,
        period_from: plan.period.from.to_string(),
        period_to: plan.period.to.to_string(),
        as_of: model.as_of.to_string(),
        items: export_rows(plan, progress),
    };
    let mut bytes = serde_json::to_vec_pretty(&export).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
