//! The timeline (Gantt) chart of a plan: one bar per dated item, grouped by section,
//! the `--as-of` date as a vertical line.
//!
//! Made for plans of a hundred items read on a phone. Each section opens with a
//! shaded band carrying its title; each row is labelled with the item's number and
//! its title, shortened to fit (the table below, the chart's text alternative with
//! its `<desc>`, has every full title).
//! The axis names the year at every January; months are faint lines. A recurring
//! item («ежемесячно» over three years) is one thin bar from its first to its last
//! repetition instead of dozens of identical ones. Status is never told by colour
//! alone: planned work is an outline, work in progress and done work are filled,
//! overdue work is filled and labelled «просрочено», cancelled work is a grey
//! outline struck through; the legend under the rows names every status drawn, and
//! the «сегодня» line runs over everything with its date on top.
//!
//! The wide layout puts the label left of the bar; the narrow one (a phone) puts the
//! label on a line of its own above a full-width bar.

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{fit_label, flow, text_width, LEGEND_LINE, TEXT_SIZE};
use super::frame::{palette, register_font, twin_svgs, FAMILY, NARROW};
use crate::analyze::ItemStatus;
use crate::dates::format_date_short;
use crate::numbers::plural;

#[derive(Debug, Clone)]
pub(crate) struct GanttRow {
    /// Item number shown at the left («2.1.3»).
    pub(crate) label: String,
    /// The item's title, shortened on the chart to fit.
    pub(crate) title: String,
    pub(crate) spans: Vec<(NaiveDate, NaiveDate)>,
    pub(crate) status: ItemStatus,
    pub(crate) recurring: bool,
    /// The section's title when a new section starts at this row (a band is drawn).
    pub(crate) section: Option<String>,
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
const PAD: i32 = 8;
/// A bar's line; the narrow layout adds a label line above it.
const ROW: i32 = 22;
const LABEL_LINE: i32 = 18;
/// A section's band.
const BAND: i32 = 24;
/// The axis labels and the «сегодня» label above the rows.
const TOP: i32 = 48;
/// The label column of the wide layout.
const LABEL_WIDTH: i32 = 330;
/// Room right of the timeline for «просрочено» in the wide layout.
const RIGHT: i32 = 100;
const SWATCH: i32 = 22;
const BAND_FILL: RGBColor = RGBColor(234, 238, 242);
const YEAR_LINE: RGBColor = RGBColor(150, 156, 163);

const MONTHS_SHORT: [&str; 12] = [
    "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

/// The statuses in legend order.
const LEGEND_ORDER: [ItemStatus; 10] = [
    ItemStatus::Done,
    ItemStatus::InProgress,
    ItemStatus::Planned,
    ItemStatus::BySchedule,
    ItemStatus::OnDemand,
    ItemStatus::NotMarked,
    ItemStatus::Overdue,
    ItemStatus::Postponed,
    ItemStatus::Cancelled,
    ItemStatus::Unknown,
];

/// The chart as an accessible SVG string; `None` when no item has dates.
pub(crate) fn render_gantt(chart: &GanttChart) -> Option<String> {
    if chart.rows.is_empty() || chart.from >= chart.to {
        return None;
    }
    register_font();
    twin_svgs(&chart.id, &chart.title, &describe(chart), WIDTH, |width| {
        let layout = Layout::new(chart, width as i32);
        let mut svg = String::new();
        draw(chart, &layout, &mut svg).ok()?;
        Some(svg)
    })
}

/// Where everything goes for one width.
struct Layout {
    width: i32,
    narrow: bool,
    plot_left: i32,
    plot_right: i32,
    /// The top of each row's bar line, and of each section band (row index, top).
    row_tops: Vec<i32>,
    bands: Vec<(usize, i32)>,
    rows_bottom: i32,
    legend: Vec<(LegendEntry, (i32, i32))>,
    height: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LegendEntry {
    Status(ItemStatus),
    Recurring,
    Today,
}

impl LegendEntry {
    fn words(self) -> &'static str {
        match self {
            LegendEntry::Status(status) => status.label(),
            LegendEntry::Recurring => "повторяющийся пункт",
            LegendEntry::Today => "сегодня",
        }
    }
}

impl Layout {
    fn new(chart: &GanttChart, width: i32) -> Layout {
        let narrow = width == NARROW as i32;
        let (plot_left, plot_right) = if narrow {
            (PAD, width - PAD)
        } else {
            (LABEL_WIDTH, width - RIGHT)
        };
        let row_height = if narrow { LABEL_LINE + ROW } else { ROW };
        let mut y = TOP;
        let mut row_tops = Vec::new();
        let mut bands = Vec::new();
        for (i, row) in chart.rows.iter().enumerate() {
            if row.section.is_some() {
                bands.push((i, y));
                y += BAND;
            }
            row_tops.push(y + row_height - ROW);
            y += row_height;
        }
        let rows_bottom = y;
        let mut entries: Vec<LegendEntry> = LEGEND_ORDER
            .into_iter()
            .filter(|status| chart.rows.iter().any(|row| row.status == *status))
            .map(LegendEntry::Status)
            .collect();
        if chart.rows.iter().any(|row| row.recurring) {
            entries.push(LegendEntry::Recurring);
        }
        if (chart.from..=chart.to).contains(&chart.as_of) {
            entries.push(LegendEntry::Today);
        }
        let widths: Vec<i32> = entries
            .iter()
            .map(|entry| SWATCH + 6 + text_width(entry.words()))
            .collect();
        let places = flow(&widths, PAD, width - PAD);
        let lines = places.last().map_or(0, |place| place.1 + 1);
        let legend = entries.into_iter().zip(places).collect();
        Layout {
            width,
            narrow,
            plot_left,
            plot_right,
            row_tops,
            bands,
            rows_bottom,
            legend,
            height: rows_bottom + 12 + LEGEND_LINE * lines + PAD,
        }
    }
}

fn colour(status: ItemStatus) -> RGBColor {
    match status {
        ItemStatus::Done => palette::GREEN,
        ItemStatus::InProgress => palette::BLUE,
        ItemStatus::Planned => palette::BLUE,
        ItemStatus::Overdue => palette::VERMILLION,
        ItemStatus::Cancelled | ItemStatus::Postponed => palette::GREY,
        ItemStatus::Unknown | ItemStatus::NotMarked => palette::PURPLE,
        ItemStatus::BySchedule | ItemStatus::OnDemand => palette::PURPLE,
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn fail(e: DrawingAreaErrorKind<std::io::Error>) -> String {
    e.to_string()
}

/// One bar (or a legend swatch) in its status's style.
fn draw_bar(root: &Area<'_>, status: ItemStatus, corners: [(i32, i32); 2]) -> Result<(), String> {
    let colour = colour(status);
    match status {
        ItemStatus::Planned
        | ItemStatus::BySchedule
        | ItemStatus::OnDemand
        | ItemStatus::Postponed => root.draw(&Rectangle::new(corners, colour.stroke_width(2))),
        ItemStatus::Cancelled => {
            root.draw(&Rectangle::new(corners, colour.stroke_width(1)))
                .map_err(fail)?;
            let middle = (corners[0].1 + corners[1].1) / 2;
            root.draw(&PathElement::new(
                vec![(corners[0].0, middle), (corners[1].0, middle)],
                colour.stroke_width(2),
            ))
        }
        _ => root.draw(&Rectangle::new(corners, colour.filled())),
    }
    .map_err(fail)
}

fn draw(chart: &GanttChart, layout: &Layout, svg: &mut String) -> Result<(), String> {
    let width = layout.width;
    let root =
        SVGBackend::with_string(svg, (width as u32, layout.height as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let (plot_left, plot_right) = (layout.plot_left, layout.plot_right);
    let days = (chart.to - chart.from).num_days().max(1) as f64;
    let x_of = |date: NaiveDate| {
        let date = date.clamp(chart.from, chart.to);
        plot_left
            + ((date - chart.from).num_days() as f64 / days * f64::from(plot_right - plot_left))
                .round() as i32
    };
    // Section bands first: the grid is drawn over them.
    draw_bands(&root, layout)?;
    draw_axis(&root, chart, layout, &x_of)?;
    draw_section_titles(&root, chart, layout)?;
    for (i, row) in chart.rows.iter().enumerate() {
        draw_row(&root, layout, row, layout.row_tops[i], &x_of)?;
    }
    if (chart.from..=chart.to).contains(&chart.as_of) {
        draw_today(&root, layout, x_of(chart.as_of), chart.as_of)?;
    }
    draw_legend(&root, layout)?;
    root.present().map_err(fail)?;
    Ok(())
}

/// The text style of every label.
fn text_style() -> TextStyle<'static> {
    (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT)
}

fn draw_bands(root: &Area<'_>, layout: &Layout) -> Result<(), String> {
    let width = layout.width;
    for (_, top) in &layout.bands {
        root.draw(&Rectangle::new(
            [(0, *top + 1), (width, top + BAND - 1)],
            BAND_FILL.filled(),
        ))
        .map_err(fail)?;
    }

    Ok(())
}

/// The axis: a faint line at every month, a darker one at every January labelled
/// with its year, and the first month labelled with month and year.
fn draw_axis(
    root: &Area<'_>,
    chart: &GanttChart,
    layout: &Layout,
    x_of: &dyn Fn(NaiveDate) -> i32,
) -> Result<(), String> {
    let (width, bottom, text) = (layout.width, layout.rows_bottom, text_style());
    let (plot_left, plot_right) = (layout.plot_left, layout.plot_right);
    let months = months_between(chart.from, chart.to);
    let month_room = f64::from(plot_right - plot_left) / months.len().max(1) as f64;
    let label_months = !layout.narrow && month_room >= f64::from(text_width("сен") + 8);
    let mut label_end = i32::MIN;
    for (n, month) in months.iter().enumerate() {
        let x = x_of(*month);
        let january = month.month() == 1;
        let line = if january { YEAR_LINE } else { palette::GRID };
        root.draw(&PathElement::new(
            vec![(x, TOP - 6), (x, bottom)],
            line.stroke_width(1),
        ))
        .map_err(fail)?;
        let label = if january {
            Some(month.year().to_string())
        } else if n == 0 {
            Some(format!(
                "{} {}",
                MONTHS_SHORT[month.month0() as usize],
                month.year()
            ))
        } else if label_months {
            Some(MONTHS_SHORT[month.month0() as usize].to_string())
        } else {
            None
        };
        if let Some(label) = label {
            let label_width = text_width(&label);
            if x + 3 > label_end && x + 3 + label_width <= width - PAD {
                root.draw(&Text::new(
                    label,
                    (x + 3, 12),
                    text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(fail)?;
                label_end = x + 3 + label_width + 6;
            }
        }
    }

    Ok(())
}

/// Section titles over the grid, on a ground of the band's colour.
fn draw_section_titles(root: &Area<'_>, chart: &GanttChart, layout: &Layout) -> Result<(), String> {
    let (width, text) = (layout.width, text_style());
    for (i, top) in &layout.bands {
        let title = fit_label(
            chart.rows[*i].section.as_deref().unwrap_or_default(),
            width - 2 * PAD,
        );
        root.draw(&Rectangle::new(
            [
                (PAD - 2, top + 3),
                (
                    PAD + text_width(&title).min(width - 2 * PAD),
                    top + BAND - 3,
                ),
            ],
            BAND_FILL.filled(),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            title,
            (PAD, top + BAND / 2),
            text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
    }

    Ok(())
}

/// One item: its label, its bars (one thin bar for a recurring item) and
/// «просрочено» when it is late.
fn draw_row(
    root: &Area<'_>,
    layout: &Layout,
    row: &GanttRow,
    top: i32,
    x_of: &dyn Fn(NaiveDate) -> i32,
) -> Result<(), String> {
    let (width, plot_left, text) = (layout.width, layout.plot_left, text_style());
    let overdue = row.status == ItemStatus::Overdue;
    let label = format!("{} {}", row.label, row.title);
    if layout.narrow {
        let room = width
            - 2 * PAD
            - if overdue {
                text_width("просрочено") + 8
            } else {
                0
            };
        root.draw(&Text::new(
            fit_label(&label, room),
            (PAD, top - LABEL_LINE / 2 + 2),
            text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
    } else {
        root.draw(&Text::new(
            fit_label(&label, LABEL_WIDTH - 2 * PAD),
            (PAD, top + ROW / 2),
            text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
    }
    let (first, last) = match (row.spans.first(), row.spans.iter().map(|s| s.1).max()) {
        (Some(first), Some(last)) => (first.0, last),
        _ => return Ok(()),
    };
    let mut last_x = plot_left;
    if row.recurring && row.spans.len() > 1 {
        // One thin bar from the first repetition to the last.
        let (x0, x1) = (x_of(first), x_of(last).max(x_of(first) + 3));
        draw_bar(root, row.status, [(x0, top + 8), (x1, top + ROW - 8)])?;
        last_x = x1;
    } else {
        for &(start, end) in &row.spans {
            let (x0, x1) = (x_of(start), x_of(end).max(x_of(start) + 3));
            draw_bar(root, row.status, [(x0, top + 4), (x1, top + ROW - 4)])?;
            last_x = last_x.max(x1);
        }
    }
    if overdue {
        let style = text.clone().color(&palette::VERMILLION);
        if layout.narrow {
            root.draw(&Text::new(
                "просрочено",
                (width - PAD, top - LABEL_LINE / 2 + 2),
                style.pos(Pos::new(HPos::Right, VPos::Center)),
            ))
        } else {
            root.draw(&Text::new(
                "просрочено",
                (last_x + 4, top + ROW / 2),
                style.pos(Pos::new(HPos::Left, VPos::Center)),
            ))
        }
        .map_err(fail)?;
    }
    Ok(())
}

/// The «сегодня» line at `x`, labelled with the date.
fn draw_today(root: &Area<'_>, layout: &Layout, x: i32, as_of: NaiveDate) -> Result<(), String> {
    let (width, bottom, text) = (layout.width, layout.rows_bottom, text_style());
    root.draw(&PathElement::new(
        vec![(x, 26), (x, bottom)],
        palette::TEXT.stroke_width(3),
    ))
    .map_err(fail)?;
    let label = format!("сегодня, {}", format_date_short(as_of));
    let label_width = text_width(&label);
    // Right of the line when it fits, else left of it.
    let (at, anchor, x0) = if x + 5 + label_width <= width - PAD {
        (x + 5, HPos::Left, x + 5)
    } else {
        (x - 5, HPos::Right, x - 5 - label_width)
    };
    root.draw(&Rectangle::new(
        [(x0 - 1, 26), (x0 + label_width + 1, 42)],
        WHITE.filled(),
    ))
    .map_err(fail)?;
    root.draw(&Text::new(
        label,
        (at, 34),
        text.clone().pos(Pos::new(anchor, VPos::Center)),
    ))
    .map_err(fail)?;
    Ok(())
}

/// The legend: every status drawn, the recurring bar, the «сегодня» line.
fn draw_legend(root: &Area<'_>, layout: &Layout) -> Result<(), String> {
    let text = text_style();
    let legend_top = layout.rows_bottom + 12;
    for (entry, (x, line)) in &layout.legend {
        let centre = legend_top + LEGEND_LINE * line + 8;
        match entry {
            LegendEntry::Status(status) => {
                draw_bar(root, *status, [(*x, centre - 7), (x + SWATCH, centre + 7)])?
            }
            LegendEntry::Recurring => draw_bar(
                root,
                ItemStatus::InProgress,
                [(*x, centre - 3), (x + SWATCH, centre + 3)],
            )?,
            LegendEntry::Today => root
                .draw(&PathElement::new(
                    vec![(x + SWATCH / 2, centre - 9), (x + SWATCH / 2, centre + 9)],
                    palette::TEXT.stroke_width(3),
                ))
                .map_err(fail)?,
        }
        root.draw(&Text::new(
            entry.words(),
            (x + SWATCH + 6, centre),
            text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
    }
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
    // Every status drawn, in the legend's order.
    let counts: Vec<String> = LEGEND_ORDER
        .into_iter()
        .filter(|&status| count(status) > 0)
        .map(|status| format!("{} — {}", status.label(), count(status)))
        .collect();
    let mut text = format!(
        "Сроки пунктов плана с {} по {}: на диаграмме {} {} с датами. На {}: {}.",
        format_date_short(chart.from),
        format_date_short(chart.to),
        chart.rows.len(),
        plural(chart.rows.len(), "пункт", "пункта", "пунктов"),
        format_date_short(chart.as_of),
        counts.join(", "),
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
            " Ещё {} {} без дат (по графику, по потребности) есть только в таблице.",
            chart.undated,
            plural(chart.undated, "пункт", "пункта", "пунктов"),
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
                    title: "Провести совещание руководителей".into(),
                    spans: vec![(ymd(2025, 9, 1), ymd(2025, 12, 1))],
                    status: ItemStatus::Overdue,
                    recurring: false,
                    section: Some("1. Организационные мероприятия".into()),
                },
                GanttRow {
                    label: "1.2".into(),
                    title: "Мониторинг".into(),
                    spans: vec![
                        (ymd(2025, 10, 1), ymd(2025, 10, 31)),
                        (ymd(2026, 3, 1), ymd(2026, 3, 31)),
                    ],
                    status: ItemStatus::InProgress,
                    recurring: true,
                    section: None,
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
        assert!(svg.contains("<title id=\"plan-gantt-n-title\">Сроки плана</title>"));
        assert!(svg.contains("Просрочены пункты 1.1."));
        assert!(svg.contains("1.2 Мониторинг"));
        assert!(svg.contains("1. Организационные мероприятия"));
        assert!(svg.contains("просрочено"));
        assert!(svg.contains("сегодня, 15.01.2026"));
        assert!(svg.contains("font-family=\"sans-serif\""));
        // Years at every January: 2026 is on the axis.
        assert!(svg.contains(">\n2026\n</text>") || svg.contains(">2026<"));
        let wide = &svg[..svg.find("chart-narrow").unwrap()];
        // Background, the section band and its title's ground, the «сегодня» label's ground, one bar for
        // 1.1, ONE bar for the two repetitions of 1.2, three legend swatches
        // (overdue, in progress, recurring).
        assert_eq!(wide.matches("<rect").count(), 1 + 2 + 1 + 2 + 3);
    }

    #[test]
    fn keeps_every_text_at_least_twelve_pixels_in_both_layouts() {
        let svg = render_gantt(&chart()).unwrap();
        for size in svg.split("font-size=\"").skip(1) {
            let size: f64 = size[..size.find('"').unwrap()].parse().unwrap();
            assert!(size >= 12.0, "{size}");
        }
    }

    #[test]
    fn names_cancelled_items_in_the_legend() {
        let mut plan = chart();
        plan.rows[0].status = ItemStatus::Cancelled;
        let svg = render_gantt(&plan).unwrap();
        assert!(svg.contains("отменено"));
        assert!(svg.contains("отменено — 1"));
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
