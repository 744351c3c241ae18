//! A time series: the municipality against the region and Russia (or schools against
//! each other), one line per series, with the targets drawn apart from the data.
//!
//! Series are told apart by colour, marker shape (circle, square, triangle, diamond)
//! and dash (solid, dashed, dotted, long dashes) at once; the first series, the
//! municipality, is solid and thicker. A missing value is a gap in the line, never a
//! zero. A target is a hollow star on a dashed tick, labelled «Цель 2025: 7,0 %».
//! The legend at the top repeats the samples with the names.
//!
//! The y axis starts at zero, so a small change is not blown up, unless the values
//! (targets included) are far from zero: when the smallest is above three quarters of
//! the largest (an average score between 61 and 66, a share between 92 and 97 %) the
//! axis starts one grid step below the minimum, and the grid labels show where. At most [`MAX_Y_INTERVALS`] grid steps and [`MAX_X_LABELS`]
//! period labels are drawn, so the chart stays legible when it shrinks on a phone.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{flow, text_width, LEGEND_LINE, TEXT_SIZE};
use super::frame::{palette, register_font, twin_svgs, FAMILY, NARROW};
use crate::numbers::{format_change, format_number, format_value, format_value_genitive};

#[derive(Debug, Clone)]
pub(crate) struct LineChart {
    /// Unique on the page, for the SVG's title and desc ids.
    pub(crate) id: String,
    pub(crate) title: String,
    /// «%», «балл», «чел.»…; changes of a «%» indicator are in «п.п.».
    pub(crate) unit: String,
    pub(crate) decimals: usize,
    /// The x axis labels in order: «2021»…«2025» or «2021/22»…«2025/26».
    pub(crate) periods: Vec<String>,
    /// The first series is the municipality and is drawn most prominently.
    pub(crate) series: Vec<LineSeries>,
    /// (index into `periods`, target value).
    pub(crate) targets: Vec<(usize, f64)>,
    /// Indexes into `periods` where a changed method starts: the lines break before
    /// them, a dashed rule marks the place, and the description never compares
    /// values across it.
    pub(crate) breaks: Vec<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct LineSeries {
    /// «Округ», «Приозёрная область», «Россия», or a school's short name.
    pub(crate) name: String,
    /// Aligned with `periods`; `None` is a gap in the line.
    pub(crate) values: Vec<Option<f64>>,
}

const WIDTH: u32 = 640;
const HEIGHT: u32 = 360;
/// The narrow twin is less tall too: its plot keeps roughly the wide one's proportions.
const NARROW_HEIGHT: u32 = 300;
const PAD: i32 = 8;
/// Room under the plot for the period labels.
const BOTTOM: i32 = 30;
const MAX_X_LABELS: usize = 6;
const MAX_Y_INTERVALS: usize = 5;
/// Height given to a label when keeping labels apart.
const LABEL_HEIGHT: i32 = 16;
/// The legend's line-and-marker sample.
const SAMPLE: i32 = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// How one series is drawn.
#[derive(Debug, Clone, Copy)]
struct Look {
    colour: RGBColor,
    width: u32,
    /// (dash, gap) in pixels; `None` is a solid line.
    dash: Option<(i32, i32)>,
    marker: Marker,
}

/// Colour, dash and marker of series `index`. Sky blue is left out: it is too light
/// for a thin line on white (below 3:1).
fn look(index: usize) -> Look {
    const COLOURS: [RGBColor; 5] = [
        palette::BLUE,
        palette::VERMILLION,
        palette::GREEN,
        palette::PURPLE,
        palette::GREY,
    ];
    const DASHES: [Option<(i32, i32)>; 4] = [None, Some((8, 4)), Some((2, 4)), Some((14, 5))];
    const MARKERS: [Marker; 4] = [
        Marker::Circle,
        Marker::Square,
        Marker::Triangle,
        Marker::Diamond,
    ];
    Look {
        colour: COLOURS[index % COLOURS.len()],
        width: if index == 0 { 3 } else { 2 },
        dash: DASHES[index % DASHES.len()],
        marker: MARKERS[index % MARKERS.len()],
    }
}

/// The chart as an accessible SVG string; `None` when no series has a value.
pub(crate) fn render_line(chart: &LineChart) -> Option<String> {
    let any_value = chart
        .series
        .iter()
        .any(|series| (0..chart.periods.len()).any(|i| value_at(series, i).is_some()));
    if !any_value {
        return None;
    }
    register_font();
    twin_svgs(&chart.id, &chart.title, &describe(chart), WIDTH, |width| {
        let mut svg = String::new();
        draw(chart, &mut svg, width).ok()?;
        Some(svg)
    })
}

/// The value of `series` in period `i`; `None` also for NaN and infinities.
fn value_at(series: &LineSeries, i: usize) -> Option<f64> {
    series
        .values
        .get(i)
        .copied()
        .flatten()
        .filter(|value| value.is_finite())
}

/// The targets that can be drawn: inside the periods, finite, in period order.
fn targets(chart: &LineChart) -> Vec<(usize, f64)> {
    let mut targets: Vec<(usize, f64)> = chart
        .targets
        .iter()
        .copied()
        .filter(|&(i, value)| i < chart.periods.len() && value.is_finite())
        .collect();
    targets.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    targets
}

/// The y axis: from `lo` to `lo + step * intervals`, labels with `decimals`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scale {
    lo: f64,
    step: f64,
    intervals: usize,
    decimals: usize,
}

impl Scale {
    fn hi(&self) -> f64 {
        self.lo + self.step * self.intervals as f64
    }

    fn ticks(&self) -> Vec<f64> {
        (0..=self.intervals)
            .map(|k| self.lo + self.step * k as f64)
            .collect()
    }
}

/// A rounded axis for the values: see the module doc for where it starts. With
/// `whole`, the values are counts (a chart with no decimals): grid steps are whole
/// numbers, never «0,5 школы».
fn y_scale(values: &[f64], whole: bool) -> Scale {
    let mut lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let mut hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    let from_zero = lo >= 0.0 && (lo <= hi * 0.75 || lo == hi);
    let to_zero = hi <= 0.0 && (hi >= lo * 0.75 || lo == hi);
    if from_zero {
        lo = 0.0;
    } else if to_zero {
        hi = 0.0;
    }
    if hi == lo {
        hi = lo + 1.0;
    }
    let range = hi - lo;
    let mut magnitude = 10_f64.powf((range / 10.0).log10().floor());
    for _ in 0..40 {
        for factor in [1.0, 2.0, 2.5, 5.0] {
            let step = factor * magnitude;
            if whole && (step < 1.0 || (step - step.round()).abs() > 1e-9) {
                continue;
            }
            let mut first = (lo / step + 1e-9).floor();
            let last = (hi / step - 1e-9).ceil();
            if !from_zero && !to_zero && first * step >= lo - step * 1e-9 {
                // A bit below the minimum, so its point does not sit on the axis.
                first -= 1.0;
            }
            let intervals = (last - first).round().max(1.0) as usize;
            if intervals <= MAX_Y_INTERVALS {
                let decimals = (0..4)
                    .find(|&d| {
                        let scaled = step * 10_f64.powi(d);
                        (scaled - scaled.round()).abs() < 1e-6
                    })
                    .unwrap_or(4) as usize;
                return Scale {
                    lo: first * step,
                    step,
                    intervals,
                    decimals,
                };
            }
        }
        magnitude *= 10.0;
    }
    Scale {
        lo,
        step: range,
        intervals: 1,
        decimals: 0,
    }
}

/// A label's box, for keeping labels off each other and off the points.
#[derive(Debug, Clone, Copy)]
struct Boxed {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

fn fail(e: DrawingAreaErrorKind<std::io::Error>) -> String {
    e.to_string()
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn draw(chart: &LineChart, svg: &mut String, width: u32) -> Result<(), String> {
    let height = if width == NARROW {
        NARROW_HEIGHT
    } else {
        HEIGHT
    };
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let targets = targets(chart);
    let legend_bottom = draw_legend(&root, chart, !targets.is_empty(), width as i32)?;
    let frame = Frame::new(
        chart,
        &targets,
        legend_bottom,
        (width as i32, height as i32),
    );
    draw_grid(&root, chart, &frame)?;
    draw_breaks(&root, chart, &frame)?;
    draw_periods(&root, chart, &frame)?;
    let mut obstacles = draw_series(&root, chart, &frame)?;
    for &(i, value) in &targets {
        let (x, y) = (frame.x(i), frame.y(value));
        draw_target(&root, (x, y))?;
        obstacles.push(Boxed {
            x0: x - 18,
            y0: y - 10,
            x1: x + 18,
            y1: y + 8,
        });
    }
    draw_last_values(&root, chart, &frame, &mut obstacles)?;
    // Target labels last: they go wherever the points and value labels left room.
    let bounds = Boxed {
        x0: frame.left,
        y0: legend_bottom + 4,
        x1: width as i32 - PAD,
        y1: frame.bottom,
    };
    for &(i, value) in &targets {
        let label = format!("Цель {}: {}", chart.periods[i], frame.value_label(value));
        let area = place_label(&label, (frame.x(i), frame.y(value)), bounds, &obstacles);
        draw_label(&root, &label, area)?;
        obstacles.push(area);
    }
    root.present().map_err(fail)?;
    Ok(())
}

/// Where the plot sits and how values and periods map to pixels.
struct Frame {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    /// The x of the first and the last period.
    first_x: i32,
    last_x: i32,
    periods: usize,
    scale: Scale,
    unit: String,
    decimals: usize,
}

impl Frame {
    /// Room on the left for the grid labels, on the right for the value labels of
    /// series that reach the last period.
    fn new(
        chart: &LineChart,
        targets: &[(usize, f64)],
        legend_bottom: i32,
        (width, height): (i32, i32),
    ) -> Frame {
        let periods = chart.periods.len();
        let mut values: Vec<f64> = chart
            .series
            .iter()
            .flat_map(|series| (0..periods).filter_map(|i| value_at(series, i)))
            .collect();
        values.extend(targets.iter().map(|t| t.1));
        let scale = y_scale(&values, chart.decimals == 0);
        let left = PAD
            + scale
                .ticks()
                .iter()
                .map(|&tick| text_width(&format_number(tick, scale.decimals)))
                .max()
                .unwrap_or(0)
            + 8;
        let right_room = chart
            .series
            .iter()
            .filter_map(|series| value_at(series, periods - 1))
            .map(|v| text_width(&format_value(v, chart.decimals, &chart.unit)) + 12)
            .max()
            .unwrap_or(12);
        let right = width - PAD - right_room;
        Frame {
            left,
            right,
            top: legend_bottom + 30,
            bottom: height - BOTTOM,
            first_x: left + 28,
            last_x: right - 4,
            periods,
            scale,
            unit: chart.unit.clone(),
            decimals: chart.decimals,
        }
    }

    fn x(&self, i: usize) -> i32 {
        if self.periods < 2 {
            return (self.first_x + self.last_x) / 2;
        }
        let share = i as f64 / (self.periods - 1) as f64;
        self.first_x + (f64::from(self.last_x - self.first_x) * share).round() as i32
    }

    fn y(&self, value: f64) -> i32 {
        let share = (value - self.scale.lo) / (self.scale.hi() - self.scale.lo);
        self.bottom - (share * f64::from(self.bottom - self.top)).round() as i32
    }

    fn value_label(&self, value: f64) -> String {
        format_value(value, self.decimals, &self.unit)
    }
}

fn text_style() -> TextStyle<'static> {
    (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT)
}

/// Horizontal grid lines with their labels, the zero line darker, the unit above.
fn draw_grid(root: &Area<'_>, chart: &LineChart, frame: &Frame) -> Result<(), String> {
    root.draw(&Text::new(
        chart.unit.as_str(),
        (PAD, frame.top - 19),
        text_style().pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(fail)?;
    let scale = frame.scale;
    for tick in scale.ticks() {
        let y = frame.y(tick);
        let colour = if tick.abs() < scale.step * 1e-9 {
            palette::GREY
        } else {
            palette::GRID
        };
        root.draw(&PathElement::new(
            vec![(frame.left, y), (frame.right, y)],
            colour.stroke_width(1),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            format_number(tick, scale.decimals),
            (frame.left - 8, y),
            text_style().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(fail)?;
    }
    Ok(())
}

/// Period labels: every `step`-th, counted back from the last period, so the latest
/// is always labelled and labels never touch.
fn draw_periods(root: &Area<'_>, chart: &LineChart, frame: &Frame) -> Result<(), String> {
    let periods = frame.periods;
    let widest = chart
        .periods
        .iter()
        .map(|p| text_width(p))
        .max()
        .unwrap_or(0);
    let spacing = if periods < 2 {
        f64::from(frame.last_x - frame.first_x).max(1.0)
    } else {
        f64::from(frame.last_x - frame.first_x) / (periods - 1) as f64
    };
    let mut step = periods.div_ceil(MAX_X_LABELS).max(1);
    while step < periods && spacing * (step as f64) < f64::from(widest + 10) {
        step += 1;
    }
    for (i, period) in chart.periods.iter().enumerate() {
        if (periods - 1 - i).is_multiple_of(step) {
            root.draw(&Text::new(
                period.as_str(),
                (frame.x(i), frame.bottom + 8),
                text_style().pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(fail)?;
        }
    }
    Ok(())
}

/// The periods between method changes, as index ranges.
fn segments(chart: &LineChart, periods: usize) -> Vec<std::ops::Range<usize>> {
    let mut starts: Vec<usize> = chart
        .breaks
        .iter()
        .copied()
        .filter(|&i| i > 0 && i < periods)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for start in starts {
        out.push(from..start);
        from = start;
    }
    out.push(from..periods);
    out
}

/// A dashed vertical rule halfway between the last period of the old method and
/// the first of the new one.
fn draw_breaks(root: &Area<'_>, chart: &LineChart, frame: &Frame) -> Result<(), String> {
    for segment in segments(chart, frame.periods).iter().skip(1) {
        let x = (frame.x(segment.start - 1) + frame.x(segment.start)) / 2;
        root.draw(&DashedPathElement::new(
            vec![(x, frame.top), (x, frame.bottom)],
            4,
            4,
            palette::GREY.stroke_width(1),
        ))
        .map_err(fail)?;
    }
    Ok(())
}

/// The lines, broken at missing values, and a marker at every value; the first
/// series is drawn last, so it stays on top. Returns the markers' boxes.
fn draw_series(root: &Area<'_>, chart: &LineChart, frame: &Frame) -> Result<Vec<Boxed>, String> {
    let mut markers = Vec::new();
    for (index, series) in chart.series.iter().enumerate().rev() {
        let look = look(index);
        let points: Vec<Option<(i32, i32)>> = (0..frame.periods)
            .map(|i| value_at(series, i).map(|v| (frame.x(i), frame.y(v))))
            .collect();
        for segment in segments(chart, frame.periods) {
            for run in points[segment].split(Option::is_none) {
                let run: Vec<(i32, i32)> = run.iter().flatten().copied().collect();
                if run.len() > 1 {
                    draw_line(root, run, look)?;
                }
            }
        }
        for &(x, y) in points.iter().flatten() {
            draw_marker(root, look.marker, (x, y), look.colour)?;
            markers.push(Boxed {
                x0: x - 7,
                y0: y - 7,
                x1: x + 7,
                y1: y + 7,
            });
        }
    }
    Ok(markers)
}

/// The value at each series' last point, right of it; labels of series ending
/// close together are spread apart, with a thin leader line to their point.
fn draw_last_values(
    root: &Area<'_>,
    chart: &LineChart,
    frame: &Frame,
    obstacles: &mut Vec<Boxed>,
) -> Result<(), String> {
    let mut labels: Vec<(usize, i32, i32, String)> = chart
        .series
        .iter()
        .enumerate()
        .filter_map(|(index, series)| {
            let (i, v) = (0..frame.periods)
                .rev()
                .find_map(|i| value_at(series, i).map(|v| (i, v)))?;
            Some((index, frame.x(i), frame.y(v), frame.value_label(v)))
        })
        .collect();
    labels.sort_by_key(|&(index, x, y, _)| (x, y, index));
    let placed = spread(&labels, frame.top - 8, frame.bottom + 8);
    for ((index, x, y, label), label_y) in labels.iter().zip(placed) {
        if (label_y - y).abs() > 3 {
            root.draw(&PathElement::new(
                vec![(x + 5, *y), (x + 10, label_y)],
                look(*index).colour.stroke_width(1),
            ))
            .map_err(fail)?;
        }
        let area = Boxed {
            x0: x + 11,
            y0: label_y - LABEL_HEIGHT / 2,
            x1: x + 11 + text_width(label),
            y1: label_y + LABEL_HEIGHT / 2,
        };
        draw_label(root, label, area)?;
        obstacles.push(area);
    }
    Ok(())
}

/// Label centres for labels sorted by (x, y): those at the same x are pushed apart
/// to [`LABEL_HEIGHT`] and kept between `top` and `bottom`.
fn spread(labels: &[(usize, i32, i32, String)], top: i32, bottom: i32) -> Vec<i32> {
    let mut out: Vec<i32> = labels.iter().map(|l| l.2).collect();
    let mut start = 0;
    while start < labels.len() {
        let end = (start..labels.len())
            .find(|&k| labels[k].1 != labels[start].1)
            .unwrap_or(labels.len());
        let group = &mut out[start..end];
        for k in 1..group.len() {
            group[k] = group[k].max(group[k - 1] + LABEL_HEIGHT);
        }
        let limit = bottom - LABEL_HEIGHT / 2;
        if let Some(last) = group.last_mut() {
            *last = (*last).min(limit);
        }
        for k in (0..group.len().saturating_sub(1)).rev() {
            group[k] = group[k].min(group[k + 1] - LABEL_HEIGHT);
        }
        for y in group.iter_mut() {
            *y = (*y).max(top + LABEL_HEIGHT / 2);
        }
        start = end;
    }
    out
}

/// A place for a label near `point`: the first of the candidates (above, below,
/// right, left, then further out) that stays in `bounds` and clear of `obstacles`,
/// else the one inside `bounds` that overlaps them least.
fn place_label(label: &str, point: (i32, i32), bounds: Boxed, obstacles: &[Boxed]) -> Boxed {
    let width = text_width(label);
    let (x, y) = point;
    let at = |x0: i32, y0: i32| Boxed {
        x0,
        y0,
        x1: x0 + width,
        y1: y0 + LABEL_HEIGHT,
    };
    let centred = |y0: i32| {
        at(
            (x - width / 2).clamp(bounds.x0, (bounds.x1 - width).max(bounds.x0)),
            y0,
        )
    };
    let (above, below, middle) = (y - 12 - LABEL_HEIGHT, y + 12, y - LABEL_HEIGHT / 2);
    let candidates = [
        centred(above),
        centred(below),
        at(x + 22, middle),
        at(x - 22 - width, middle),
        at(x - width, above),
        at(x - width, below),
        centred(above - LABEL_HEIGHT),
        centred(below + LABEL_HEIGHT),
        at(x - width, above - LABEL_HEIGHT),
        at(x - width, below + LABEL_HEIGHT),
    ];
    let inside = |b: &Boxed| {
        b.x0 >= bounds.x0 && b.x1 <= bounds.x1 && b.y0 >= bounds.y0 && b.y1 <= bounds.y1
    };
    let overlap = |b: &Boxed| -> i32 {
        obstacles
            .iter()
            .map(|o| {
                let w = (b.x1.min(o.x1) - b.x0.max(o.x0)).max(0);
                let h = (b.y1.min(o.y1) - b.y0.max(o.y0)).max(0);
                w * h
            })
            .sum()
    };
    candidates
        .iter()
        .filter(|b| inside(b))
        .min_by_key(|b| overlap(b))
        .copied()
        .unwrap_or(candidates[0])
}

/// Text on a white ground, so a line passing under it does not cut through it.
fn draw_label(root: &Area<'_>, label: &str, area: Boxed) -> Result<(), String> {
    root.draw(&Rectangle::new(
        [(area.x0 - 2, area.y0), (area.x1 + 2, area.y1)],
        WHITE.mix(0.85).filled(),
    ))
    .map_err(fail)?;
    let style = (FAMILY, TEXT_SIZE)
        .into_font()
        .color(&palette::TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    root.draw(&Text::new(label, (area.x0, (area.y0 + area.y1) / 2), style))
        .map_err(fail)
}

fn draw_line(root: &Area<'_>, points: Vec<(i32, i32)>, look: Look) -> Result<(), String> {
    let style = look.colour.stroke_width(look.width);
    match look.dash {
        None => root.draw(&PathElement::new(points, style)),
        Some((dash, gap)) => root.draw(&DashedPathElement::new(points, dash, gap, style)),
    }
    .map_err(fail)
}

fn draw_marker(
    root: &Area<'_>,
    marker: Marker,
    (x, y): (i32, i32),
    colour: RGBColor,
) -> Result<(), String> {
    let style = colour.filled();
    match marker {
        Marker::Circle => root.draw(&Circle::new((x, y), 5, style)),
        Marker::Square => root.draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], style)),
        Marker::Triangle => root.draw(&Polygon::new(
            vec![(x, y - 7), (x + 6, y + 4), (x - 6, y + 4)],
            style,
        )),
        Marker::Diamond => root.draw(&Polygon::new(
            vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)],
            style,
        )),
    }
    .map_err(fail)
}

/// A five-pointed star, outer radius 9, inner 4, around the origin.
const STAR: [(i32, i32); 10] = [
    (0, -9),
    (2, -3),
    (9, -3),
    (4, 1),
    (5, 7),
    (0, 4),
    (-5, 7),
    (-4, 1),
    (-9, -3),
    (-2, -3),
];

/// A target: a dashed horizontal tick with a hollow star on it.
fn draw_target(root: &Area<'_>, (x, y): (i32, i32)) -> Result<(), String> {
    root.draw(&DashedPathElement::new(
        vec![(x - 18, y), (x + 18, y)],
        4,
        3,
        palette::TEXT.stroke_width(2),
    ))
    .map_err(fail)?;
    let star: Vec<(i32, i32)> = STAR.iter().map(|(dx, dy)| (x + dx, y + dy)).collect();
    root.draw(&Polygon::new(star.clone(), WHITE.filled()))
        .map_err(fail)?;
    let mut outline = star;
    outline.push(outline[0]);
    root.draw(&PathElement::new(outline, palette::TEXT.stroke_width(1)))
        .map_err(fail)
}

/// The legend along the top: a line-and-marker sample and the name of each series,
/// then the target sample. Returns the legend's bottom.
fn draw_legend(
    root: &Area<'_>,
    chart: &LineChart,
    with_target: bool,
    width: i32,
) -> Result<i32, String> {
    let mut names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    if with_target {
        names.push("цель");
    }
    let widths: Vec<i32> = names
        .iter()
        .map(|name| SAMPLE + 6 + text_width(name))
        .collect();
    let places = flow(&widths, PAD, width - PAD);
    let text = text_style().pos(Pos::new(HPos::Left, VPos::Center));
    let mut bottom = PAD;
    for (k, (name, (x, line))) in names.iter().zip(places).enumerate() {
        let y = PAD + 8 + LEGEND_LINE * line;
        let centre = (x + SAMPLE / 2, y);
        if k < chart.series.len() {
            let look = look(k);
            draw_line(root, vec![(x, y), (x + SAMPLE, y)], look)?;
            draw_marker(root, look.marker, centre, look.colour)?;
        } else {
            draw_target(root, centre)?;
        }
        root.draw(&Text::new(*name, (x + SAMPLE + 6, y), text.clone()))
            .map_err(fail)?;
        bottom = y + 8;
    }
    Ok(bottom)
}

/// The text summary in the SVG's `<desc>`: each series' first and last value and
/// the change, the first series' range, and how far its latest value is from the
/// latest target.
fn describe(chart: &LineChart) -> String {
    let value = |v: f64| format_value(v, chart.decimals, &chart.unit);
    let change_unit = if chart.unit == "%" {
        "п.п."
    } else {
        chart.unit.as_str()
    };
    // The unit agrees with the number («2,5 балла»), whatever sign is in front.
    let unit_after = |delta: f64| {
        let bare = format_number(delta.abs(), chart.decimals);
        format_value(delta.abs(), chart.decimals, change_unit)[bare.len()..].to_string()
    };
    let change = |delta: f64| {
        format!(
            "{}{}",
            format_change(delta, chart.decimals),
            unit_after(delta)
        )
    };
    let amount = |delta: f64| {
        format!(
            "{}{}",
            format_number(delta.abs(), chart.decimals),
            unit_after(delta)
        )
    };
    let periods = chart.periods.len();
    let segments = segments(chart, periods);
    let mut sentences = Vec::new();
    for series in &chart.series {
        sentences.push(series_sentence(chart, series, &segments, &value, &change));
    }
    if let Some(first) = chart.series.first() {
        let points: Vec<(usize, f64)> = (0..periods)
            .filter_map(|i| value_at(first, i).map(|v| (i, v)))
            .collect();
        if points.len() > 2 && segments.len() == 1 {
            let min = points
                .iter()
                .copied()
                .reduce(|a, b| if b.1 < a.1 { b } else { a });
            let max = points
                .iter()
                .copied()
                .reduce(|a, b| if b.1 > a.1 { b } else { a });
            if let (Some((i_min, min)), Some((i_max, max)), Some(head)) =
                (min, max, sentences.first_mut())
            {
                head.push_str(&format!(
                    "; наименьшее значение — {} ({}), наибольшее — {} ({})",
                    value(min),
                    chart.periods[i_min],
                    value(max),
                    chart.periods[i_max]
                ));
            }
        }
        if let Some(&(target_index, target)) = targets(chart).last() {
            let named = format!("цели {} ({})", chart.periods[target_index], value(target));
            // The value compared: the one in the target's period, else the latest
            // before it, else the latest of all.
            let current = value_at(first, target_index)
                .or_else(|| (0..target_index).rev().find_map(|i| value_at(first, i)))
                .or_else(|| points.last().map(|p| p.1));
            // Progress towards the target is counted within the target's method.
            let start = points
                .iter()
                .find(|(i, _)| {
                    segments
                        .iter()
                        .any(|s| s.contains(i) && s.contains(&target_index))
                })
                .or(points.first())
                .map(|p| p.1);
            sentences.push(match (current, start) {
                (Some(current), Some(start)) => {
                    target_sentence(&named, chart, start, current, target, &amount)
                }
                _ => format!("Цель {} — {}", chart.periods[target_index], value(target)),
            });
        }
    }
    let mut text = String::new();
    for sentence in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&sentence);
        if !sentence.ends_with('.') {
            text.push('.');
        }
    }
    text
}

/// One series in words: per method segment its values from first to last and the
/// change, then the periods without data inside its span.
fn series_sentence(
    chart: &LineChart,
    series: &LineSeries,
    segments: &[std::ops::Range<usize>],
    value: &dyn Fn(f64) -> String,
    change: &dyn Fn(f64) -> String,
) -> String {
    let periods = chart.periods.len();
    let points: Vec<(usize, f64)> = (0..periods)
        .filter_map(|i| value_at(series, i).map(|v| (i, v)))
        .collect();
    // One part per method: a change is never computed across a method change.
    let mut parts = Vec::new();
    for (k, segment) in segments.iter().enumerate() {
        let head = if k == 0 {
            String::new()
        } else {
            format!(
                "по изменённой методике (с {}) ",
                chart.periods[segment.start]
            )
        };
        let inside: Vec<(usize, f64)> = points
            .iter()
            .copied()
            .filter(|(i, _)| segment.contains(i))
            .collect();
        match inside.as_slice() {
            [] => {}
            [(i, v)] => parts.push(format!("{head}{}: {}", chart.periods[*i], value(*v))),
            [(i0, v0), .., (i1, v1)] => parts.push(format!(
                "{head}за {}–{}: с {} до {}, {}",
                chart.periods[*i0],
                chart.periods[*i1],
                format_value_genitive(*v0, chart.decimals, &chart.unit),
                format_value_genitive(*v1, chart.decimals, &chart.unit),
                change(v1 - v0)
            )),
        }
    }
    let mut sentence = if parts.is_empty() {
        format!("{}: нет данных", series.name)
    } else {
        format!("{} — {}", series.name, parts.join("; "))
    };
    if let (Some((first, _)), Some((last, _))) = (points.first(), points.last()) {
        let missing: Vec<&str> = (*first..*last)
            .filter(|i| value_at(series, *i).is_none())
            .map(|i| chart.periods[i].as_str())
            .collect();
        if !missing.is_empty() {
            sentence.push_str(&format!("; нет данных за {}", missing.join(", ")));
        }
    }
    sentence
}

/// «До цели 2025 (7,0 %) остаётся 1,3 п.п.» or «Цель 2025 (7,0 %) достигнута». The
/// direction of the target is read from the data: it lies above or below where the
/// first series started.
fn target_sentence(
    named: &str,
    chart: &LineChart,
    start: f64,
    current: f64,
    target: f64,
    amount: &dyn Fn(f64) -> String,
) -> String {
    let round = |v: f64| (v * 10_f64.powi(chart.decimals as i32)).round();
    let (start, current_r, target_r) = (round(start), round(current), round(target));
    let reached = if target_r > start {
        current_r >= target_r
    } else if target_r < start {
        current_r <= target_r
    } else {
        current_r == target_r
    };
    let target_word = named.trim_start_matches("цели ");
    if reached {
        format!("Цель {target_word} достигнута")
    } else if target_r == start {
        format!("Отклонение от {named} — {}", amount(current - target))
    } else {
        format!("До {named} остаётся {}", amount(target - current))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, values: &[Option<f64>]) -> LineSeries {
        LineSeries {
            name: name.into(),
            values: values.to_vec(),
        }
    }

    fn chart() -> LineChart {
        LineChart {
            id: "dropout".into(),
            title: "Доля обучающихся с неудовлетворительными результатами".into(),
            unit: "%".into(),
            decimals: 1,
            periods: ["2021", "2022", "2023", "2024", "2025"]
                .map(String::from)
                .to_vec(),
            series: vec![
                series(
                    "Округ",
                    &[Some(9.8), Some(9.1), Some(8.1), Some(8.6), Some(8.3)],
                ),
                series(
                    "Приозёрная область",
                    &[Some(10.2), Some(9.9), None, Some(9.4), Some(9.0)],
                ),
                series("Россия", &[None, None, None, Some(8.8), Some(8.4)]),
            ],
            targets: vec![(4, 7.0)],
            breaks: Vec::new(),
        }
    }

    fn count(svg: &str, tag: &str, fill: &str) -> usize {
        svg.lines()
            .filter(|l| l.starts_with(tag) && l.contains(&format!("fill=\"{fill}\"")))
            .count()
    }

    #[test]
    fn draws_an_accessible_svg_with_grid_periods_and_last_values() {
        let svg = super::super::wide_only(render_line(&chart()).unwrap());
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(svg.contains("<title id=\"dropout-title\">Доля обучающихся"));
        assert!(svg.contains("<desc id=\"dropout-desc\">Округ — за 2021–2025"));
        for period in ["2021", "2023", "2025"] {
            assert!(svg.contains(&format!(">\n{period}\n</text>")), "{period}");
        }
        // The axis: 0 to 12,5 in steps of 2,5.
        assert!(svg.contains(">\n0,0\n</text>") && svg.contains(">\n12,5\n</text>"));
        for last in ["8,3", "9,0", "8,4"] {
            assert!(
                svg.contains(&format!(">\n{last}\u{a0}%\n</text>")),
                "{last}"
            );
        }
        assert!(svg.contains(">\nЦель 2025: 7,0\u{a0}%\n</text>"));
        assert!(svg.contains(">\nПриозёрная область\n</text>"));
        assert!(svg.contains("font-size=\"12.5\""));
    }

    #[test]
    fn tells_series_apart_by_marker_dash_and_width() {
        let svg = super::super::wide_only(render_line(&chart()).unwrap());
        // Points plus one legend sample each; the gap adds no marker.
        assert_eq!(count(&svg, "<circle", "#0072B2"), 5 + 1);
        assert_eq!(count(&svg, "<rect", "#D55E00"), 4 + 1);
        assert_eq!(count(&svg, "<polygon", "#009E73"), 2 + 1);
        // The hollow star: on the chart and in the legend.
        assert_eq!(count(&svg, "<polygon", "#FFFFFF"), 1 + 1);
        // The municipality is one solid, thicker polyline (and its legend sample).
        let solid = svg
            .lines()
            .filter(|l| {
                l.starts_with("<polyline") && l.contains("stroke=\"#0072B2\" stroke-width=\"3\"")
            })
            .count();
        assert_eq!(solid, 2);
        // Dashed series are drawn in many short pieces.
        let dashes = svg
            .lines()
            .filter(|l| l.starts_with("<polyline") && l.contains("stroke=\"#D55E00\""))
            .count();
        assert!(dashes > 10, "{dashes}");
    }

    /// The points of the elements with `attr` in the plot (below the legend).
    fn plot_points(svg: &str, tag: &str, attr: &str) -> Vec<(i32, i32)> {
        let number = |line: &str, key: &str| -> i32 {
            let rest = &line[line.find(&format!(" {key}=\"")).unwrap() + key.len() + 3..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        };
        let mut points = Vec::new();
        for line in svg
            .lines()
            .filter(|l| l.starts_with(tag) && l.contains(attr))
        {
            if tag == "<polyline" {
                let rest = &line[line.find("points=\"").unwrap() + 8..];
                for pair in rest[..rest.find('"').unwrap()].split_whitespace() {
                    let (x, y) = pair.split_once(',').unwrap();
                    points.push((x.parse().unwrap(), y.parse().unwrap()));
                }
            } else {
                points.push((number(line, "x") + 5, number(line, "y") + 5));
            }
        }
        points.retain(|&(_, y)| y > 40);
        points
    }

    #[test]
    fn breaks_the_line_at_a_method_change_and_never_bridges_it_in_words() {
        // The method changes in 2024 (index 3): the municipality's line stops at 2023
        // and starts again at 2024, and no change is computed from 2021 to 2025.
        let mut broken = chart();
        broken.breaks = vec![3];
        let svg = super::super::wide_only(render_line(&broken).unwrap());
        let municipal = |svg: &str| {
            svg.lines()
                .filter(|l| {
                    l.starts_with("<polyline")
                        && l.contains("stroke=\"#0072B2\" stroke-width=\"3\"")
                })
                .count()
        };
        // One line and the legend sample, then two lines and the sample.
        assert_eq!(
            municipal(&super::super::wide_only(render_line(&chart()).unwrap())),
            2
        );
        assert_eq!(municipal(&svg), 3);
        let text = describe(&broken);
        assert!(
            text.starts_with("Округ — за 2021–2023: с 9,8\u{a0}% до 8,1\u{a0}%, −1,7\u{a0}п.п.; по изменённой методике (с 2024) за 2024–2025: с 8,6\u{a0}% до 8,3\u{a0}%, −0,3\u{a0}п.п."),
            "{text}"
        );
        assert!(!text.contains("за 2021–2025"), "{text}");
        assert!(!text.contains("наименьшее значение"), "{text}");
        // The target of 2025 is measured from 2024, the start of its method.
        assert!(
            text.contains("До цели 2025 (7,0\u{a0}%) остаётся 1,3\u{a0}п.п."),
            "{text}"
        );
        assert_eq!(segments(&broken, 5), [0..3, 3..5]);
        let whole = segments(&chart(), 5);
        assert_eq!((whole.len(), whole.first()), (1, Some(&(0..5))));
    }

    #[test]
    fn leaves_a_gap_for_missing_values() {
        let svg = super::super::wide_only(render_line(&chart()).unwrap());
        let markers = plot_points(&svg, "<rect", "fill=\"#D55E00\"");
        assert_eq!(markers.len(), 4, "no marker for 2023");
        let (x_2022, x_2024) = (markers[1].0, markers[2].0);
        let line = plot_points(&svg, "<polyline", "stroke=\"#D55E00\"");
        assert!(line.iter().any(|p| p.0 < x_2022) && line.iter().any(|p| p.0 > x_2024));
        assert!(
            line.iter().all(|p| p.0 <= x_2022 || p.0 >= x_2024),
            "no line across the gap"
        );
        let mut zero = chart();
        zero.series[1].values[2] = Some(0.0);
        let svg_zero = super::super::wide_only(render_line(&zero).unwrap());
        assert_eq!(plot_points(&svg_zero, "<rect", "fill=\"#D55E00\"").len(), 5);
        assert!(describe(&chart()).contains("нет данных за 2023"));
    }

    #[test]
    fn describes_changes_range_and_target() {
        let desc = describe(&chart());
        assert!(
            desc.starts_with("Округ — за 2021–2025: с 9,8\u{a0}% до 8,3\u{a0}%, −1,5\u{a0}п.п.; наименьшее значение — 8,1\u{a0}% (2023), наибольшее — 9,8\u{a0}% (2021)."),
            "{desc}"
        );
        assert!(desc.contains(
            "Приозёрная область — за 2021–2025: с 10,2\u{a0}% до 9,0\u{a0}%, −1,2\u{a0}п.п.; нет данных за 2023."
        ));
        assert!(desc.contains("Россия — за 2024–2025: с 8,8\u{a0}% до 8,4\u{a0}%, −0,4\u{a0}п.п."));
        assert!(
            desc.ends_with("До цели 2025 (7,0\u{a0}%) остаётся 1,3\u{a0}п.п."),
            "{desc}"
        );
    }

    #[test]
    fn says_when_the_target_is_reached() {
        let mut reached = chart();
        reached.targets = vec![(2, 9.5), (4, 8.5)];
        assert!(describe(&reached).ends_with("Цель 2025 (8,5\u{a0}%) достигнута."));
        let mut rising = chart();
        rising.unit = "балл".into();
        rising.series[0].values = vec![Some(61.0), Some(63.5), None, None, None];
        rising.targets = vec![(4, 65.0)];
        let desc = describe(&rising);
        assert!(desc.contains(
            "Округ — за 2021–2022: с 61,0\u{a0}балла до 63,5\u{a0}балла, +2,5\u{a0}балла"
        ));
        assert!(
            desc.ends_with("До цели 2025 (65,0\u{a0}балла) остаётся 1,5\u{a0}балла."),
            "{desc}"
        );
    }

    #[test]
    fn is_byte_identical_on_every_run() {
        assert_eq!(render_line(&chart()), render_line(&chart()));
    }

    #[test]
    fn draws_nothing_without_values() {
        let mut empty = chart();
        for series in &mut empty.series {
            series.values = vec![None; 5];
        }
        assert_eq!(render_line(&empty), None);
        empty.series.clear();
        assert_eq!(render_line(&empty), None);
        let mut no_periods = chart();
        no_periods.periods.clear();
        assert_eq!(render_line(&no_periods), None);
    }

    #[test]
    fn draws_zero_negative_and_single_values() {
        let mut odd = chart();
        odd.unit = "чел.".into();
        odd.decimals = 0;
        odd.series[0].values = vec![Some(-12.0), Some(0.0), Some(5.0), Some(f64::NAN), None];
        odd.series[1].values = vec![Some(0.0); 5];
        odd.series[2].values = vec![None, None, None, None, Some(3.0)];
        odd.targets = vec![(9, 1.0), (3, -1.0)];
        let svg = super::super::wide_only(render_line(&odd).unwrap());
        assert!(svg.contains(">\n−12\n</text>") || svg.contains(">\n−15\n</text>"));
        assert!(svg.contains(">\n5\u{a0}чел.\n</text>"));
        assert!(svg.contains(">\nЦель 2024: −1\u{a0}чел.\n</text>"));
        assert!(!svg.contains("NaN"));
        let mut one = chart();
        one.periods.truncate(1);
        assert!(
            super::super::wide_only(render_line(&one).unwrap()).contains(">\n9,8\u{a0}%\n</text>")
        );
    }

    #[test]
    fn starts_the_axis_at_zero_unless_values_are_far_from_it() {
        let scale = y_scale(&[8.1, 9.8, 7.0, 7.3], false);
        assert_eq!((scale.lo, scale.hi()), (0.0, 10.0));
        assert_eq!(
            y_scale(&[7.2, 9.8], false).lo,
            0.0,
            "7,2 is not above ¾ of 9,8"
        );
        let high = y_scale(&[92.4, 97.1, 95.0], false);
        assert!(
            high.lo > 80.0 && high.lo < 92.4 && high.hi() >= 97.1,
            "{high:?}"
        );
        assert!(high.intervals <= MAX_Y_INTERVALS);
        let negative = y_scale(&[-12.0, 0.0, 5.0], false);
        assert!(negative.lo <= -12.0 && negative.hi() >= 5.0);
        assert_eq!(y_scale(&[0.0, 0.0], false).hi(), 1.0);
        assert_eq!(y_scale(&[12.5, 2.5], false).decimals, 1);
        // Counts get whole steps: 0, 1, 2 rather than 0, 0,5 … 2.
        let counts = y_scale(&[0.0, 2.0, 1.0], true);
        assert_eq!(
            (counts.step, counts.intervals, counts.decimals),
            (1.0, 2, 0)
        );
    }
}
