//! The timeline (Gantt) chart of a plan: one bar per dated item, grouped by section,
//! the `--as-of` date as a vertical line.
//!
//! Status is never told by colour alone: planned work is an outline, work in progress
//! and done work are filled, overdue work is filled and labelled «просрочено», and a
//! recurring item is a thin bar for each repetition. The item numbers on the left
//! match the table below the chart, which is the chart's full text alternative.

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible_svg, palette, register_font, FAMILY};
use crate::analyze::ItemStatus;
use crate::dates::format_date_short;

#[derive(Debug, Clone)]
pub(crate) struct GanttRow {
    /// Item number shown at the left («2.1.3»).
    pub(crate) label: String,
    pub(crate) spans: Vec<(NaiveDate, NaiveDate)>,
    pub(crate) status: ItemStatus,
    pub(crate) recurring: bool,
    /// Whether a new section starts at this row (a separator line is drawn).
    pub(crate) section_start: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct GanttChart {
    /// Unique on the page, for the SVG's title and desc ids.
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) from: NaiveDate,
    pub(crate) to: NaiveDate,
    pub(crate) as_of: NaiveDate,
    pub(crate) rows: Vec<GanttRow>,
    /// Items not drawn because their text names no dates.
    pub(crate) undated: usize,
}

const WIDTH: u32 = 960;
const ROW: u32 = 18;
const TOP: u32 = 34;
const BOTTOM: u32 = 14;
const LABEL_WIDTH: u32 = 64;
const RIGHT: u32 = 96;

const MONTHS_SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// The chart as an accessible SVG string; `None` when no item has dates.
pub(crate) fn render_gantt(chart: &GanttChart) -> Option<String> {
    if chart.rows.is_empty() || chart.from >= chart.to {
        return None;
    }
    register_font();
    let height = TOP + BOTTOM + ROW * chart.rows.len() as u32;
    let mut svg = String::new();
    draw(chart, &mut svg, height).ok()?;
    Some(accessible_svg(
        &svg,
        &chart.id,
        &chart.title,
        &describe(chart),
    ))
}

fn draw(chart: &GanttChart, svg: &mut String, height: u32) -> Result<(), String> {
    let fail = |e: DrawingAreaErrorKind<std::io::Error>| e.to_string();
    let root = SVGBackend::with_string(svg, (WIDTH, height)).into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let plot_left = LABEL_WIDTH as i32;
    let plot_right = (WIDTH - RIGHT) as i32;
    let days = (chart.to - chart.from).num_days().max(1) as f64;
    let x_of = |date: NaiveDate| {
        let date = date.clamp(chart.from, chart.to);
        plot_left
            + ((date - chart.from).num_days() as f64 / days * f64::from(plot_right - plot_left))
                .round() as i32
    };
    let row_top = |i: usize| (TOP + ROW * i as u32) as i32;
    let small = (FAMILY, 12).into_font().color(&palette::TEXT);
    let bottom = row_top(chart.rows.len());

    // Month grid with labels on top: the first of each month, labelled every
    // `step` months so the labels never overlap.
    let months = months_between(chart.from, chart.to);
    let step = months.len().div_ceil(14).max(1);
    for (n, month) in months.iter().enumerate() {
        let x = x_of(*month);
        root.draw(&PathElement::new(
            vec![(x, TOP as i32 - 4), (x, bottom)],
            palette::GRID.stroke_width(1),
        ))
        .map_err(fail)?;
        if n % step == 0 {
            let label = if month.month() == 1 || n == 0 {
                format!("{} {}", MONTHS_SHORT[month.month0() as usize], month.year())
            } else {
                MONTHS_SHORT[month.month0() as usize].to_string()
            };
            root.draw(&Text::new(label, (x + 3, 8), small.clone()))
                .map_err(fail)?;
        }
    }

    for (i, row) in chart.rows.iter().enumerate() {
        let top = row_top(i);
        if row.section_start && i > 0 {
            root.draw(&PathElement::new(
                vec![(0, top), (WIDTH as i32, top)],
                palette::GREY.stroke_width(1),
            ))
            .map_err(fail)?;
        }
        let label_style = small.clone().pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new(
            row.label.clone(),
            (plot_left - 6, top + ROW as i32 / 2),
            label_style,
        ))
        .map_err(fail)?;
        let colour = match row.status {
            ItemStatus::Done => palette::GREEN,
            ItemStatus::InProgress => palette::BLUE,
            ItemStatus::Planned => palette::SKY,
            ItemStatus::Overdue => palette::VERMILLION,
            ItemStatus::Cancelled => palette::GREY,
            ItemStatus::Unknown | ItemStatus::NotMarked => palette::PURPLE,
            ItemStatus::BySchedule | ItemStatus::OnDemand => palette::SKY,
            ItemStatus::Postponed => palette::GREY,
        };
        let (inset_top, inset_bottom) = if row.recurring { (7, 7) } else { (3, 3) };
        let mut last_x = plot_left;
        for &(start, end) in &row.spans {
            let (x0, x1) = (x_of(start), x_of(end).max(x_of(start) + 3));
            let corners = [(x0, top + inset_top), (x1, top + ROW as i32 - inset_bottom)];
            let filled = !matches!(row.status, ItemStatus::Planned | ItemStatus::Cancelled);
            if filled {
                root.draw(&Rectangle::new(corners, colour.filled()))
                    .map_err(fail)?;
            } else {
                root.draw(&Rectangle::new(corners, colour.stroke_width(2)))
                    .map_err(fail)?;
            }
            last_x = last_x.max(x1);
        }
        if row.status == ItemStatus::Overdue {
            let style = small
                .clone()
                .color(&palette::VERMILLION)
                .pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(
                "просрочено",
                (last_x + 4, top + ROW as i32 / 2),
                style,
            ))
            .map_err(fail)?;
        }
    }

    if (chart.from..=chart.to).contains(&chart.as_of) {
        let x = x_of(chart.as_of);
        root.draw(&PathElement::new(
            vec![(x, TOP as i32 - 16), (x, bottom)],
            palette::TEXT.stroke_width(2),
        ))
        .map_err(fail)?;
        let style = small.clone().pos(Pos::new(HPos::Left, VPos::Top));
        root.draw(&Text::new(
            format!("сегодня: {}", format_date_short(chart.as_of)),
            (x + 4, TOP as i32 - 17),
            style,
        ))
        .map_err(fail)?;
    }
    root.present().map_err(fail)?;
    Ok(())
}

fn months_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut month = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    if month < from {
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(to);
    }
    let mut out = Vec::new();
    while month <= to {
        out.push(month);
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}

/// The text summary in the SVG's `<desc>`: what is drawn and the counts by status.
fn describe(chart: &GanttChart) -> String {
    let count = |status: ItemStatus| chart.rows.iter().filter(|r| r.status == status).count();
    let mut text = format!(
        "Сроки пунктов плана с {} по {}: на диаграмме {} пунктов с датами. На {}: выполнено — {}, выполняется — {}, запланировано — {}, просрочено — {}.",
        format_date_short(chart.from),
        format_date_short(chart.to),
        chart.rows.len(),
        format_date_short(chart.as_of),
        count(ItemStatus::Done),
        count(ItemStatus::InProgress),
        count(ItemStatus::Planned),
        count(ItemStatus::Overdue),
    );
    let overdue: Vec<&str> = chart
        .rows
        .iter()
        .filter(|r| r.status == ItemStatus::Overdue)
        .map(|r| r.label.as_str())
        .collect();
    if !overdue.is_empty() {
        text.push_str(&format!(" Просрочены пункты {}.", overdue.join(", ")));
    }
    if chart.undated > 0 {
        text.push_str(&format!(
            " Ещё {} пунктов без дат (по графику, по потребности) есть только в таблице.",
            chart.undated
        ));
    }
    text.push_str(" Все пункты со сроками и статусами — в таблице ниже.");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn chart() -> GanttChart {
        GanttChart {
            id: "plan-gantt".into(),
            title: "Сроки плана".into(),
            from: ymd(2025, 9, 1),
            to: ymd(2026, 8, 31),
            as_of: ymd(2026, 1, 15),
            rows: vec![
                GanttRow {
                    label: "1.1".into(),
                    spans: vec![(ymd(2025, 9, 1), ymd(2025, 12, 1))],
                    status: ItemStatus::Overdue,
                    recurring: false,
                    section_start: true,
                },
                GanttRow {
                    label: "1.2".into(),
                    spans: vec![
                        (ymd(2025, 10, 1), ymd(2025, 10, 31)),
                        (ymd(2026, 3, 1), ymd(2026, 3, 31)),
                    ],
                    status: ItemStatus::InProgress,
                    recurring: true,
                    section_start: false,
                },
            ],
            undated: 2,
        }
    }

    #[test]
    fn draws_an_accessible_svg_with_bars_labels_and_today() {
        let svg = render_gantt(&chart()).unwrap();
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(svg.contains("<title id=\"plan-gantt-title\">Сроки плана</title>"));
        assert!(svg.contains("Просрочены пункты 1.1."));
        assert!(svg.contains(">\n1.2\n</text>") || svg.contains(">1.2"));
        assert!(svg.contains("просрочено"));
        assert!(svg.contains("сегодня: 15.01.2026"));
        assert!(svg.contains("font-family=\"sans-serif\""));
        // Three bars: one for 1.1, two repetitions of 1.2.
        assert_eq!(svg.matches("<rect").count(), 1 + 3, "background + bars");
    }

    #[test]
    fn is_byte_identical_on_every_run() {
        assert_eq!(render_gantt(&chart()), render_gantt(&chart()));
    }

    #[test]
    fn draws_nothing_without_dated_items() {
        let mut empty = chart();
        empty.rows.clear();
        assert_eq!(render_gantt(&empty), None);
    }
}
