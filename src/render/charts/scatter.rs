//! A scatter of shares: each point one group (a school's ВПР procedure) with its
//! benchmark on the x axis and its own value on the y axis, both 0–100 %. The
//! diagonal is «как база сравнения»; a second line above it marks a rule's effect
//! threshold (+20 п.п.). Points are told apart by shape and fill as well as colour:
//! ordinary groups are small hollow grey circles, groups whose high result is expected
//! (a profile school) blue diamonds, signed groups larger vermillion triangles with a
//! label. Labels are placed beside their point where they overlap least.
//!
//! Above [`DENSITY_ABOVE`] points the groups are drawn as a density of cells instead
//! (`density`), with the signed groups still on top as triangles, unlabelled.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{flow, text_width, LEGEND_LINE, TEXT_SIZE};
use super::density::{self, BINS, DENSITY_ABOVE, SHADES};
use super::frame::{palette, register_font, twin_svgs, FAMILY};
use crate::numbers::format_number;

#[derive(Debug, Clone)]
pub(crate) struct ScatterChart {
    /// Unique on the page, for the SVG's title and desc ids.
    pub(crate) id: String,
    pub(crate) title: String,
    /// What the axes show, for the `<desc>`.
    pub(crate) x_label: String,
    pub(crate) y_label: String,
    pub(crate) points: Vec<ScatterPoint>,
    /// A line `y = x + offset` (percentage points) and its label.
    pub(crate) offset_line: Option<(f64, String)>,
}

#[derive(Debug, Clone)]
pub(crate) struct ScatterPoint {
    /// Percent.
    pub(crate) x: f64,
    /// Percent.
    pub(crate) y: f64,
    pub(crate) kind: PointKind,
    /// Written next to the point (signed points).
    pub(crate) label: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum PointKind {
    Ordinary,
    Expected,
    Signed,
}

impl PointKind {
    fn legend(self) -> &'static str {
        match self {
            PointKind::Ordinary => "без признаков",
            PointKind::Expected => "ожидаемо высокий (профиль)",
            PointKind::Signed => "с признаком",
        }
    }
}

const WIDTH: u32 = 640;
const PAD: i32 = 8;
const LEFT: i32 = 48;
const LABEL_HEIGHT: i32 = 16;
const ORANGE_TEXT: RGBColor = RGBColor(163, 64, 0);

/// The chart as an accessible SVG string; `None` without points.
pub(crate) fn render_scatter(chart: &ScatterChart) -> Option<String> {
    if chart.points.is_empty() {
        return None;
    }
    register_font();
    let kinds = kinds(chart);
    twin_svgs(&chart.id, &chart.title, &describe(chart), WIDTH, |width| {
        let width = width as i32;
        let legend = legend_places(chart, &kinds, width);
        let lines = legend.last().map_or(0, |p| p.1 + 1);
        let top = PAD + LEGEND_LINE * lines + 14;
        let height = top + side(width) + 36;
        let mut svg = String::new();
        draw(chart, &mut svg, (top, width, height), &kinds, &legend).ok()?;
        Some(svg)
    })
}

/// The kinds present, in legend order.
fn kinds(chart: &ScatterChart) -> Vec<PointKind> {
    let mut kinds: Vec<PointKind> = chart.points.iter().map(|p| p.kind).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// What a legend item shows beside its text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Sample {
    Marker(PointKind),
    Shade(usize),
    Diagonal,
    Threshold,
}

/// The cell counts and the classes of their shades, when the chart is a density.
type Density = (Vec<[u32; BINS]>, Vec<(u32, u32)>);

fn density_of(chart: &ScatterChart) -> Option<Density> {
    (chart.points.len() > DENSITY_ABOVE).then(|| {
        let counts = density::bin(chart.points.iter().map(|p| (p.x, p.y)));
        let max = counts.iter().flatten().copied().max().unwrap_or(0);
        (counts, density::classes(max))
    })
}

fn legend_items(chart: &ScatterChart, kinds: &[PointKind]) -> Vec<(String, Sample)> {
    let mut items: Vec<(String, Sample)> = match density_of(chart) {
        Some((_, classes)) => {
            let mut items: Vec<(String, Sample)> = classes
                .iter()
                .enumerate()
                .map(|(i, c)| (density::class_label(*c), Sample::Shade(i)))
                .collect();
            if kinds.contains(&PointKind::Signed) {
                let kind = PointKind::Signed;
                items.push((kind.legend().to_string(), Sample::Marker(kind)));
            }
            items
        }
        None => kinds
            .iter()
            .map(|k| (k.legend().to_string(), Sample::Marker(*k)))
            .collect(),
    };
    items.push(("равно базе сравнения".into(), Sample::Diagonal));
    if let Some((_, label)) = &chart.offset_line {
        items.push((label.clone(), Sample::Threshold));
    }
    items
}

/// The right edge of the square plot in a chart `width` wide.
fn right(width: i32) -> i32 {
    width - 16
}

/// The side of the square plot.
fn side(width: i32) -> i32 {
    right(width) - LEFT
}

fn legend_places(chart: &ScatterChart, kinds: &[PointKind], width: i32) -> Vec<(i32, i32)> {
    let widths: Vec<i32> = legend_items(chart, kinds)
        .iter()
        .map(|(t, _)| 28 + text_width(t))
        .collect();
    flow(&widths, PAD, width - PAD)
}

fn fail(e: DrawingAreaErrorKind<std::io::Error>) -> String {
    e.to_string()
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn draw(
    chart: &ScatterChart,
    svg: &mut String,
    (top, width, height): (i32, i32, i32),
    kinds: &[PointKind],
    legend: &[(i32, i32)],
) -> Result<(), String> {
    let (plot_right, plot_side) = (right(width), side(width));
    let root = SVGBackend::with_string(svg, (width as u32, height as u32)).into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let text = (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT);
    let bottom = top + plot_side;
    let px = |x: f64| LEFT + (x.clamp(0.0, 100.0) / 100.0 * f64::from(plot_side)).round() as i32;
    let py = |y: f64| bottom - (y.clamp(0.0, 100.0) / 100.0 * f64::from(plot_side)).round() as i32;

    // Grid, every 20 %, with labels on both axes.
    for k in 0..=5 {
        let v = f64::from(k * 20);
        let colour = if k == 0 { palette::GREY } else { palette::GRID };
        root.draw(&PathElement::new(
            vec![(LEFT, py(v)), (plot_right, py(v))],
            colour.stroke_width(1),
        ))
        .map_err(fail)?;
        root.draw(&PathElement::new(
            vec![(px(v), top), (px(v), bottom)],
            colour.stroke_width(1),
        ))
        .map_err(fail)?;
        let label = format!("{}\u{a0}%", k * 20);
        root.draw(&Text::new(
            label.clone(),
            (LEFT - 6, py(v)),
            text.clone().pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            label,
            (px(v), bottom + 6),
            text.clone().pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(fail)?;
    }
    root.draw(&Text::new(
        "база сравнения →",
        (plot_right, bottom + 22),
        text.clone().pos(Pos::new(HPos::Right, VPos::Top)),
    ))
    .map_err(fail)?;
    root.draw(&Text::new(
        "↑ школа",
        (LEFT + 4, top + 8),
        text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(fail)?;

    // The diagonal and the threshold line.
    root.draw(&DashedPathElement::new(
        vec![(px(0.0), py(0.0)), (px(100.0), py(100.0))],
        6,
        4,
        palette::GREY.stroke_width(1),
    ))
    .map_err(fail)?;
    if let Some((offset, _)) = chart.offset_line {
        let start = (0.0_f64).max(-offset);
        let end = (100.0 - offset).min(100.0);
        if end > start {
            root.draw(&DashedPathElement::new(
                vec![(px(start), py(start + offset)), (px(end), py(end + offset))],
                2,
                4,
                palette::VERMILLION.stroke_width(2),
            ))
            .map_err(fail)?;
        }
    }

    // Points: ordinary first, signed last (on top); or the density of them all.
    let bounds = [LEFT + 2, top + 16, plot_right, bottom - 2];
    match density_of(chart) {
        Some((counts, classes)) => {
            draw_cells(&root, &counts, &classes, &|v| px(v), &|v| py(v))?;
            for p in chart.points.iter().filter(|p| p.kind == PointKind::Signed) {
                draw_marker(&root, p.kind, (px(p.x), py(p.y)))?;
            }
        }
        None => draw_points(&root, chart, bounds, &|x, y| (px(x), py(y)))?,
    }
    draw_legend(&root, chart, kinds, legend)?;
    root.present().map_err(fail)?;
    Ok(())
}

/// The cells of a density, each shaded by its count; `px`, `py` map percent to pixels.
fn draw_cells(
    root: &Area<'_>,
    counts: &[[u32; BINS]],
    classes: &[(u32, u32)],
    px: &dyn Fn(f64) -> i32,
    py: &dyn Fn(f64) -> i32,
) -> Result<(), String> {
    let step = 100.0 / BINS as f64;
    for (row, cells) in counts.iter().enumerate() {
        for (column, &count) in cells.iter().enumerate() {
            let Some(shade) = density::shade_of(count, classes) else {
                continue;
            };
            let (x0, y0) = (column as f64 * step, row as f64 * step);
            root.draw(&Rectangle::new(
                [(px(x0), py(y0 + step)), (px(x0 + step), py(y0))],
                SHADES[shade].filled(),
            ))
            .map_err(fail)?;
        }
    }
    Ok(())
}

/// The points, each with its marker, and the labels of the named ones placed where
/// they cover no signed point and no other label; `at` maps data to pixels.
fn draw_points(
    root: &Area<'_>,
    chart: &ScatterChart,
    bounds: [i32; 4],
    at: &dyn Fn(f64, f64) -> (i32, i32),
) -> Result<(), String> {
    let mut order: Vec<&ScatterPoint> = chart.points.iter().collect();
    order.sort_by_key(|p| p.kind);
    let mut obstacles: Vec<[i32; 4]> = Vec::new();
    for point in &order {
        let (x, y) = at(point.x, point.y);
        draw_marker(root, point.kind, (x, y))?;
        if point.kind != PointKind::Ordinary {
            obstacles.push([x - 7, y - 7, x + 7, y + 7]);
        }
    }
    for point in order.iter().filter(|p| p.label.is_some()) {
        let label = point.label.as_deref().unwrap_or_default();
        let area = place_label(label, at(point.x, point.y), bounds, &obstacles);
        root.draw(&Rectangle::new(
            [(area[0] - 2, area[1]), (area[2] + 2, area[3])],
            WHITE.mix(0.85).filled(),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            label.to_string(),
            (area[0], (area[1] + area[3]) / 2),
            (FAMILY, TEXT_SIZE)
                .into_font()
                .color(&ORANGE_TEXT)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
        obstacles.push(area);
    }

    Ok(())
}

/// The legend: a sample of every kind of point, the diagonal and the threshold line.
fn draw_legend(
    root: &Area<'_>,
    chart: &ScatterChart,
    kinds: &[PointKind],
    legend: &[(i32, i32)],
) -> Result<(), String> {
    let text = (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT);
    for ((text_item, sample_kind), &(x, line)) in legend_items(chart, kinds).iter().zip(legend) {
        let centre = PAD + LEGEND_LINE * line + 8;
        let sample = (x + 10, centre);
        match *sample_kind {
            Sample::Marker(kind) => draw_marker(root, kind, sample)?,
            Sample::Shade(shade) => root
                .draw(&Rectangle::new(
                    [(x + 3, centre - 7), (x + 17, centre + 7)],
                    SHADES[shade].filled(),
                ))
                .map_err(fail)?,
            Sample::Diagonal => root
                .draw(&DashedPathElement::new(
                    vec![(x, centre), (x + 22, centre)],
                    6,
                    4,
                    palette::GREY.stroke_width(1),
                ))
                .map_err(fail)?,
            Sample::Threshold => root
                .draw(&DashedPathElement::new(
                    vec![(x, centre), (x + 22, centre)],
                    2,
                    4,
                    palette::VERMILLION.stroke_width(2),
                ))
                .map_err(fail)?,
        }
        root.draw(&Text::new(
            text_item.clone(),
            (x + 28, centre),
            text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
    }
    Ok(())
}

fn draw_marker(root: &Area<'_>, kind: PointKind, (x, y): (i32, i32)) -> Result<(), String> {
    match kind {
        PointKind::Ordinary => root.draw(&Circle::new((x, y), 3, palette::GREY.stroke_width(1))),
        PointKind::Expected => root.draw(&Polygon::new(
            vec![(x, y - 6), (x + 6, y), (x, y + 6), (x - 6, y)],
            palette::BLUE.filled(),
        )),
        PointKind::Signed => {
            root.draw(&Polygon::new(
                vec![(x, y - 8), (x + 7, y + 5), (x - 7, y + 5)],
                palette::VERMILLION.filled(),
            ))
            .map_err(fail)?;
            root.draw(&PathElement::new(
                vec![(x, y - 8), (x + 7, y + 5), (x - 7, y + 5), (x, y - 8)],
                palette::TEXT.stroke_width(1),
            ))
        }
    }
    .map_err(fail)
}

/// A label's box near its point: right, left, above, below, then further out; the
/// one inside `bounds` that overlaps `obstacles` least.
fn place_label(
    label: &str,
    (x, y): (i32, i32),
    bounds: [i32; 4],
    obstacles: &[[i32; 4]],
) -> [i32; 4] {
    let width = text_width(label);
    let at = |x0: i32, y0: i32| [x0, y0, x0 + width, y0 + LABEL_HEIGHT];
    let middle = y - LABEL_HEIGHT / 2;
    let candidates = [
        at(x + 10, middle),
        at(x - 10 - width, middle),
        at(x - width / 2, y - 12 - LABEL_HEIGHT),
        at(x - width / 2, y + 12),
        at(x + 10, middle - LABEL_HEIGHT),
        at(x + 10, middle + LABEL_HEIGHT),
        at(x - 10 - width, middle - LABEL_HEIGHT),
        at(x - 10 - width, middle + LABEL_HEIGHT),
        at(x - width / 2, y - 12 - 2 * LABEL_HEIGHT),
        at(x - width / 2, y + 12 + LABEL_HEIGHT),
    ];
    let inside = |b: &[i32; 4]| {
        b[0] >= bounds[0] && b[2] <= bounds[2] && b[1] >= bounds[1] && b[3] <= bounds[3]
    };
    let overlap = |b: &[i32; 4]| -> i32 {
        obstacles
            .iter()
            .map(|o| {
                ((b[2].min(o[2]) - b[0].max(o[0])).max(0))
                    * ((b[3].min(o[3]) - b[1].max(o[1])).max(0))
            })
            .sum()
    };
    candidates
        .iter()
        .filter(|b| inside(b))
        .min_by_key(|b| overlap(b))
        .copied()
        .unwrap_or_else(|| {
            let x0 = (x + 10).min(bounds[2] - width).max(bounds[0]);
            at(x0, middle.clamp(bounds[1], bounds[3] - LABEL_HEIGHT))
        })
}

/// The `<desc>`: what the axes are, how many points of each kind, the signed ones in
/// words.
fn describe(chart: &ScatterChart) -> String {
    let count = |kind: PointKind| chart.points.iter().filter(|p| p.kind == kind).count();
    let mut text = format!(
        "По горизонтали — {}, по вертикали — {}. Точек на диаграмме — {}.",
        chart.x_label,
        chart.y_label,
        chart.points.len()
    );
    if chart.points.len() > DENSITY_ABOVE {
        text.push_str(&format!(
            " Точек слишком много, чтобы различить каждую: поле разбито на клетки по {} п.п., чем темнее клетка, тем больше в ней точек. С признаком — {}, ожидаемый для профиля школы высокий результат — {}. Каждая группа — в таблице данных диаграммы.",
            100 / BINS,
            count(PointKind::Signed),
            count(PointKind::Expected)
        ));
        return text;
    }
    let signed: Vec<String> = chart
        .points
        .iter()
        .filter(|p| p.kind == PointKind::Signed)
        .map(|p| {
            format!(
                "{} ({}\u{a0}% при {}\u{a0}%)",
                p.label.as_deref().unwrap_or("группа"),
                format_number(p.y, 1),
                format_number(p.x, 1)
            )
        })
        .collect();
    if !signed.is_empty() {
        text.push_str(&format!(
            " С признаком — {}: {}.",
            signed.len(),
            signed.join("; ")
        ));
    }
    let expected = count(PointKind::Expected);
    if expected > 0 {
        text.push_str(&format!(
            " Высокий результат, ожидаемый для профиля школы, — {expected}."
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> ScatterChart {
        ScatterChart {
            id: "q".into(),
            title: "Качество ВПР, 2025".into(),
            x_label: "доля «4» и «5» по базе сравнения".into(),
            y_label: "доля «4» и «5» в школе".into(),
            points: vec![
                ScatterPoint {
                    x: 48.0,
                    y: 50.0,
                    kind: PointKind::Ordinary,
                    label: None,
                },
                ScatterPoint {
                    x: 50.0,
                    y: 80.0,
                    kind: PointKind::Expected,
                    label: None,
                },
                ScatterPoint {
                    x: 45.7,
                    y: 91.5,
                    kind: PointKind::Signed,
                    label: Some("СОШ № 3, 5 кл., мат.".into()),
                },
            ],
            offset_line: Some((20.0, "порог +20 п.п.".into())),
        }
    }

    #[test]
    fn draws_points_lines_labels_and_legend_as_accessible_svg() {
        let svg = super::super::wide_only(render_scatter(&chart()).unwrap());
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(svg.contains(">\nСОШ № 3, 5 кл., мат.\n</text>"));
        assert!(svg.contains(">\nс признаком\n</text>"));
        assert!(svg.contains(">\nпорог +20 п.п.\n</text>"));
        assert!(svg.contains(">\n100\u{a0}%\n</text>"));
        roxmltree::Document::parse(&svg).unwrap();
    }

    #[test]
    fn describes_the_signed_points_in_words() {
        let desc = describe(&chart());
        assert!(desc.contains("Точек на диаграмме — 3."));
        assert!(
            desc.contains("С признаком — 1: СОШ № 3, 5 кл., мат. (91,5\u{a0}% при 45,7\u{a0}%)."),
            "{desc}"
        );
        assert!(desc.contains("ожидаемый для профиля школы, — 1."));
    }

    #[test]
    fn issue_22_draws_thousands_of_points_as_a_density_with_a_legend() {
        let mut dense = chart();
        dense.points = (0..3000)
            .map(|i| ScatterPoint {
                x: f64::from(i % 100),
                y: f64::from((i * 7) % 100),
                kind: if i == 0 {
                    PointKind::Signed
                } else {
                    PointKind::Ordinary
                },
                label: None,
            })
            .collect();
        let twins = render_scatter(&dense).unwrap();
        // Both twins, each with its role, title and desc.
        assert_eq!(twins.matches("role=\"img\"").count(), 2);
        assert!(twins.contains("<title id=\"q-title\">"));
        assert!(twins.contains("<desc id=\"q-desc\">"));
        let svg = super::super::wide_only(twins.clone());
        assert!(svg.contains("групп\n</text>"), "a legend of counts");
        assert!(svg.contains(">\nс признаком\n</text>"));
        assert!(!svg.contains("<circle"), "no point drawn one by one");
        assert!(twins.len() < 120_000, "{} bytes", twins.len());
        assert!(describe(&dense).contains("поле разбито на клетки по 5 п.п."));
        roxmltree::Document::parse(&svg).unwrap();
    }

    #[test]
    fn is_byte_identical_and_draws_nothing_without_points() {
        assert_eq!(render_scatter(&chart()), render_scatter(&chart()));
        let mut empty = chart();
        empty.points.clear();
        assert_eq!(render_scatter(&empty), None);
    }
}
