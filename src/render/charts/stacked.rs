//! A distribution: one horizontal 100 % bar per row (e.g. the shares of marks «2»,
//! «3», «4», «5» at each school), segments in the order of the parts.
//!
//! Parts are told apart by colour and by place: they always come in the legend's
//! order, left to right, separated by a white 1 px gap, and a segment wide enough
//! carries its value, in black or white, whichever contrasts more with the fill
//! (WCAG relative luminance). Each row is scaled to its own total, so rounding
//! (99,9 or 100,1 %) or counts instead of shares still fill the bar; the scale above
//! the bars gives the share. A missing value is drawn as an empty segment and named
//! in the `<desc>`; a row with no values says «нет данных».

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{fit_label, flow, text_width, LEGEND_LINE, TEXT_SIZE};
use super::frame::{palette, register_font, twin_svgs, FAMILY, NARROW};
use crate::numbers::{format_number, format_value, format_value_genitive};

#[derive(Debug, Clone)]
pub(crate) struct StackedChart {
    /// Unique on the page, for the SVG's title and desc ids.
    pub(crate) id: String,
    pub(crate) title: String,
    /// Usually «%».
    pub(crate) unit: String,
    pub(crate) decimals: usize,
    /// Legend order, e.g. «2», «3», «4», «5» in guillemets.
    pub(crate) parts: Vec<String>,
    pub(crate) rows: Vec<StackRow>,
}

#[derive(Debug, Clone)]
pub(crate) struct StackRow {
    pub(crate) label: String,
    /// Aligned with `parts`; `None` is drawn as zero and named in the desc.
    pub(crate) values: Vec<Option<f64>>,
}

const WIDTH: u32 = 640;
const ROW: i32 = 24;
const BAR_INSET: i32 = 3;
const PAD: i32 = 8;
/// Room for the 0–100 % scale above the rows.
const TOP: i32 = 26;
const LABEL_AREA: i32 = 220;
/// In the narrow twin a row is a label line and a bar under it: names are not cut.
const NARROW_ROW: i32 = 42;
/// The narrowest segment that gets its value written inside.
const MIN_LABELLED: i32 = 28;
const SWATCH: i32 = 22;
/// With more rows than this, the desc gives ranges instead of every row in words.
const ROWS_IN_WORDS: usize = 6;

/// Part colours: the first part («2», the one to watch) in vermillion, then from
/// light to dark blue and green; more parts go on with purple and grey.
const COLOURS: [RGBColor; 6] = [
    palette::VERMILLION,
    palette::SKY,
    palette::BLUE,
    palette::GREEN,
    palette::PURPLE,
    palette::GREY,
];

/// The chart as an accessible SVG string; `None` when there are no rows or parts.
pub(crate) fn render_stacked(chart: &StackedChart) -> Option<String> {
    if chart.rows.is_empty() || chart.parts.is_empty() {
        return None;
    }
    register_font();
    twin_svgs(&chart.id, &chart.title, &describe(chart), WIDTH, |width| {
        let legend = legend_places(chart, width as i32);
        let lines = legend.last().map_or(0, |place| place.1 + 1);
        let row = if width == NARROW { NARROW_ROW } else { ROW };
        let height = TOP + row * chart.rows.len() as i32 + 12 + LEGEND_LINE * lines;
        let mut svg = String::new();
        draw(chart, &mut svg, (width, height as u32), &legend).ok()?;
        Some(svg)
    })
}

fn fail(e: DrawingAreaErrorKind<std::io::Error>) -> String {
    e.to_string()
}

/// The value of part `k` in `row`; `None` also for NaN and infinities.
fn value_at(row: &StackRow, k: usize) -> Option<f64> {
    row.values
        .get(k)
        .copied()
        .flatten()
        .filter(|value| value.is_finite())
}

/// The drawn width of each part: missing and negative values count as zero.
fn drawn(row: &StackRow, parts: usize) -> Vec<f64> {
    (0..parts)
        .map(|k| value_at(row, k).unwrap_or(0.0).max(0.0))
        .collect()
}

fn colour(k: usize) -> RGBColor {
    COLOURS[k % COLOURS.len()]
}

/// WCAG relative luminance of an sRGB colour.
fn luminance(colour: RGBColor) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.0) + 0.7152 * channel(colour.1) + 0.0722 * channel(colour.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The text colour, dark or white, that contrasts more with `fill`.
fn text_on(fill: RGBColor) -> RGBColor {
    if contrast(fill, palette::TEXT) >= contrast(fill, WHITE) {
        palette::TEXT
    } else {
        WHITE
    }
}

fn draw(
    chart: &StackedChart,
    svg: &mut String,
    (width, height): (u32, u32),
    legend: &[(i32, i32)],
) -> Result<(), String> {
    let narrow = width == NARROW;
    let row_height = if narrow { NARROW_ROW } else { ROW };
    let (bar_left, bar_right) = if narrow {
        (PAD, width as i32 - PAD - 4)
    } else {
        (LABEL_AREA, width as i32 - PAD - 4)
    };
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let text = (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT);
    let parts = chart.parts.len();

    // The share scale above the bars.
    let scale = [
        ("0\u{a0}%", bar_left, HPos::Left),
        ("50\u{a0}%", (bar_left + bar_right) / 2, HPos::Center),
        ("100\u{a0}%", bar_right, HPos::Right),
    ];
    for (label, x, anchor) in scale {
        root.draw(&PathElement::new(
            vec![(x, TOP - 6), (x, TOP - 1)],
            palette::GREY.stroke_width(1),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            label,
            (x, TOP - 16),
            text.clone().pos(Pos::new(anchor, VPos::Center)),
        ))
        .map_err(fail)?;
    }

    for (i, row) in chart.rows.iter().enumerate() {
        let top = TOP + row_height * i as i32 + (row_height - ROW);
        let centre = top + ROW / 2;
        if narrow {
            root.draw(&Text::new(
                fit_label(&row.label, width as i32 - 2 * PAD),
                (PAD, top - (row_height - ROW) / 2),
                text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))
        } else {
            root.draw(&Text::new(
                fit_label(&row.label, LABEL_AREA - PAD - 6),
                (LABEL_AREA - 6, centre),
                text.clone().pos(Pos::new(HPos::Right, VPos::Center)),
            ))
        }
        .map_err(fail)?;
        let widths = drawn(row, parts);
        let total: f64 = widths.iter().sum();
        let (y0, y1) = (top + BAR_INSET, top + ROW - BAR_INSET);
        if total <= 0.0 {
            root.draw(&Rectangle::new(
                [(bar_left, y0), (bar_right, y1)],
                palette::GRID.stroke_width(1),
            ))
            .map_err(fail)?;
            root.draw(&Text::new(
                "нет данных",
                (bar_left + 8, centre),
                text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(fail)?;
            continue;
        }
        draw_segments(
            &root,
            chart,
            &widths,
            (bar_left, bar_right),
            (y0, y1, centre),
        )?;
    }

    // The legend: swatches in the parts' order, and the unit when it is not «%».
    let legend_top = TOP + row_height * chart.rows.len() as i32 + 12;
    for (k, (name, (x, line))) in chart.parts.iter().zip(legend).enumerate() {
        let centre = legend_top + LEGEND_LINE * line + 8;
        root.draw(&Rectangle::new(
            [(*x, centre - 7), (x + SWATCH, centre + 7)],
            colour(k).filled(),
        ))
        .map_err(fail)?;
        root.draw(&Text::new(
            legend_text(chart, name),
            (x + SWATCH + 6, centre),
            text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(fail)?;
    }
    root.present().map_err(fail)?;
    Ok(())
}

/// The parts of one row as segments between `left` and `right`, each labelled with
/// its number when the number fits.
fn draw_segments(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    chart: &StackedChart,
    widths: &[f64],
    (bar_left, bar_right): (i32, i32),
    (y0, y1, centre): (i32, i32, i32),
) -> Result<(), String> {
    let parts = chart.parts.len();
    let total: f64 = widths.iter().sum();
    // Edges from the running total, rounded once, so the bar ends exactly at 100 %.
    let span = f64::from(bar_right - bar_left);
    let mut edges = vec![bar_left];
    let mut running = 0.0;
    for width in widths {
        running += width;
        edges.push(bar_left + (running / total * span).round() as i32);
    }
    let last_drawn = widths.iter().rposition(|w| *w > 0.0);
    for k in 0..parts {
        if widths[k] <= 0.0 {
            continue;
        }
        let x0 = edges[k];
        // A white 1 px gap before the next segment.
        let x1 = if Some(k) == last_drawn {
            edges[k + 1]
        } else {
            edges[k + 1] - 1
        };
        if x1 <= x0 {
            continue;
        }
        let fill = colour(k);
        root.draw(&Rectangle::new([(x0, y0), (x1, y1)], fill.filled()))
            .map_err(fail)?;
        let label = format_number(widths[k], chart.decimals);
        if x1 - x0 >= MIN_LABELLED.max(text_width(&label) + 6) {
            root.draw(&Text::new(
                label,
                ((x0 + x1) / 2, centre),
                (FAMILY, TEXT_SIZE)
                    .into_font()
                    .color(&text_on(fill))
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .map_err(fail)?;
        }
    }
    Ok(())
}

/// A part's legend words; with a unit other than «%» the unit is added, since the
/// numbers on the bars are then not shares.
fn legend_text(chart: &StackedChart, name: &str) -> String {
    if chart.unit == "%" || chart.unit.is_empty() {
        name.to_string()
    } else {
        format!("{name}, {}", chart.unit)
    }
}

/// The place (x, line) of each legend item.
fn legend_places(chart: &StackedChart, width: i32) -> Vec<(i32, i32)> {
    let widths: Vec<i32> = chart
        .parts
        .iter()
        .map(|name| SWATCH + 6 + text_width(&legend_text(chart, name)))
        .collect();
    flow(&widths, PAD, width - PAD)
}

/// The text summary in the SVG's `<desc>`: each row in words when there are few
/// rows, else the range of each part and the row with the largest first part; then
/// what is missing.
fn describe(chart: &StackedChart) -> String {
    let value = |v: f64| format_value(v, chart.decimals, &chart.unit);
    let share = |part: &str| {
        if chart.unit == "%" {
            format!("доля {part}")
        } else {
            part.to_string()
        }
    };
    let mut text = format!(
        "Части: {}; строк на диаграмме — {}.",
        chart.parts.join(", "),
        chart.rows.len()
    );
    if chart.rows.len() <= ROWS_IN_WORDS {
        for row in &chart.rows {
            let parts: Vec<String> = chart
                .parts
                .iter()
                .enumerate()
                .filter_map(|(k, part)| value_at(row, k).map(|v| format!("{part} — {}", value(v))))
                .collect();
            if !parts.is_empty() {
                text.push_str(&format!(" {}: {}.", row.label, parts.join(", ")));
            }
        }
    } else {
        let mut ranges = Vec::new();
        for (k, part) in chart.parts.iter().enumerate() {
            let values: Vec<f64> = chart
                .rows
                .iter()
                .filter_map(|row| value_at(row, k))
                .collect();
            let min = values.iter().copied().reduce(f64::min);
            let max = values.iter().copied().reduce(f64::max);
            if let (Some(min), Some(max)) = (min, max) {
                ranges.push(if value(min) == value(max) {
                    format!("{} — везде {}", share(part), value(min))
                } else {
                    format!(
                        "{} — от {} до {}",
                        share(part),
                        format_value_genitive(min, chart.decimals, &chart.unit),
                        format_value_genitive(max, chart.decimals, &chart.unit)
                    )
                });
            }
        }
        if !ranges.is_empty() {
            text.push_str(&format!(
                " {}.",
                crate::text::capitalize(&ranges.join("; "))
            ));
        }
    }
    let mut missing = Vec::new();
    for row in &chart.rows {
        let absent: Vec<&str> = chart
            .parts
            .iter()
            .enumerate()
            .filter(|(k, _)| value_at(row, *k).is_none())
            .map(|(_, part)| part.as_str())
            .collect();
        if absent.len() == chart.parts.len() {
            missing.push(format!("{} — всё", row.label));
        } else if !absent.is_empty() {
            missing.push(format!("{} — {}", row.label, absent.join(", ")));
        }
    }
    if !missing.is_empty() {
        text.push_str(&format!(" Нет данных: {}.", missing.join("; ")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, values: &[Option<f64>]) -> StackRow {
        StackRow {
            label: label.into(),
            values: values.to_vec(),
        }
    }

    fn chart() -> StackedChart {
        StackedChart {
            id: "marks".into(),
            title: "Отметки за ВПР, математика, 5 класс".into(),
            unit: "%".into(),
            decimals: 1,
            parts: ["«2»", "«3»", "«4»", "«5»"].map(String::from).to_vec(),
            rows: vec![
                row("Округ", &[Some(8.3), Some(41.2), Some(37.5), Some(13.0)]),
                row(
                    "МБОУ «Сосновская СОШ»",
                    &[Some(3.1), Some(30.0), Some(45.0), Some(21.9)],
                ),
                row(
                    "МКОУ «Лесная ООШ»",
                    &[Some(14.8), Some(50.0), Some(35.2), None],
                ),
            ],
        }
    }

    fn segments(svg: &str, fill: &str) -> usize {
        svg.lines()
            .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{fill}\"")))
            .count()
    }

    #[test]
    fn draws_an_accessible_svg_with_segments_values_and_legend() {
        let svg = super::super::wide_only(render_stacked(&chart()).unwrap());
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(
            svg.contains("<title id=\"marks-title\">Отметки за ВПР, математика, 5 класс</title>")
        );
        assert!(svg.contains(">\nМКОУ «Лесная ООШ»\n</text>"));
        assert!(svg.contains(">\n41,2\n</text>"));
        assert!(svg.contains(">\n100\u{a0}%\n</text>"));
        assert!(svg.contains(">\n«2»\n</text>") && svg.contains(">\n«5»\n</text>"));
        // Three rows of «2», «3», «4», two of «5» (one missing), one swatch each.
        assert_eq!(segments(&svg, "#D55E00"), 3 + 1);
        assert_eq!(segments(&svg, "#56B4E9"), 3 + 1);
        assert_eq!(segments(&svg, "#0072B2"), 3 + 1);
        assert_eq!(segments(&svg, "#009E73"), 2 + 1);
    }

    #[test]
    fn writes_values_only_in_wide_segments_in_a_contrasting_colour() {
        let svg = super::super::wide_only(render_stacked(&chart()).unwrap());
        // 3,1 % of ~400 px is about 12 px: too narrow for its label.
        assert!(!svg.contains(">\n3,1\n</text>"));
        assert!(svg.contains(">\n8,3\n</text>"));
        assert_eq!(text_on(palette::BLUE), WHITE);
        assert_eq!(text_on(palette::VERMILLION), palette::TEXT);
        assert_eq!(text_on(palette::SKY), palette::TEXT);
        assert!(
            svg.contains("fill=\"#FFFFFF\">\n37,5\n</text>"),
            "white on blue"
        );
        assert!(
            svg.contains("fill=\"#1B1B1B\">\n41,2\n</text>"),
            "dark on sky blue"
        );
    }

    #[test]
    fn leaves_a_white_gap_between_segments_and_fills_the_bar() {
        let svg = super::super::wide_only(render_stacked(&chart()).unwrap());
        let row: Vec<(i32, i32)> = svg
            .lines()
            .filter(|l| l.starts_with("<rect") && l.contains(" y=\"29\""))
            .map(|l| {
                let number = |key: &str| -> i32 {
                    let rest = &l[l.find(&format!(" {key}=\"")).unwrap() + key.len() + 3..];
                    rest[..rest.find('"').unwrap()].parse().unwrap()
                };
                (number("x"), number("x") + number("width"))
            })
            .collect();
        assert_eq!(row.len(), 4, "{row:?}");
        assert_eq!(row[0].0, LABEL_AREA);
        assert_eq!(row[3].1, WIDTH as i32 - PAD - 4);
        for pair in row.windows(2) {
            assert_eq!(pair[1].0 - pair[0].1, 1);
        }
    }

    #[test]
    fn describes_each_row_when_there_are_few() {
        let desc = describe(&chart());
        assert!(desc.starts_with("Части: «2», «3», «4», «5»; строк на диаграмме — 3."));
        assert!(desc.contains(
            " МБОУ «Сосновская СОШ»: «2» — 3,1\u{a0}%, «3» — 30,0\u{a0}%, «4» — 45,0\u{a0}%, «5» — 21,9\u{a0}%."
        ));
        assert!(
            desc.ends_with(" Нет данных: МКОУ «Лесная ООШ» — «5»."),
            "{desc}"
        );
    }

    #[test]
    fn describes_ranges_when_there_are_many_rows() {
        let mut many = chart();
        for n in 1..=5 {
            many.rows.push(row(
                &format!("Школа {n}"),
                &[
                    Some(5.0 + f64::from(n)),
                    Some(40.0),
                    Some(40.0),
                    Some(15.0 - f64::from(n)),
                ],
            ));
        }
        let desc = describe(&many);
        assert!(desc.contains(" Доля «2» — от 3,1\u{a0}% до 14,8\u{a0}%; доля «3» — от 30,0\u{a0}% до 50,0\u{a0}%;"), "{desc}");
        // Ranges only: no row is singled out as the largest (no league tables).
        assert!(!desc.contains("Наибольш"), "{desc}");
        assert!(
            !desc.contains("Сосновская"),
            "rows are not listed one by one"
        );
    }

    #[test]
    fn is_byte_identical_on_every_run() {
        assert_eq!(render_stacked(&chart()), render_stacked(&chart()));
    }

    #[test]
    fn draws_nothing_without_rows_or_parts() {
        let mut empty = chart();
        empty.rows.clear();
        assert_eq!(render_stacked(&empty), None);
        let mut no_parts = chart();
        no_parts.parts.clear();
        assert_eq!(render_stacked(&no_parts), None);
    }

    #[test]
    fn draws_missing_zero_and_negative_values_as_empty() {
        let mut odd = chart();
        odd.unit = "чел.".into();
        odd.decimals = 0;
        odd.rows = vec![
            row(
                "Школа А",
                &[Some(0.0), Some(-3.0), Some(12.0), Some(f64::NAN)],
            ),
            row("Школа Б", &[None, None]),
        ];
        let svg = super::super::wide_only(render_stacked(&odd).unwrap());
        assert_eq!(segments(&svg, "#0072B2"), 1 + 1, "one segment and a swatch");
        assert_eq!(segments(&svg, "#D55E00"), 1, "only the swatch");
        assert!(svg.contains(">\nнет данных\n</text>"));
        assert!(svg.contains(">\n«2», чел.\n</text>"));
        assert!(!svg.contains("NaN"));
        let desc = describe(&odd);
        assert!(
            desc.contains("Нет данных: Школа А — «5»; Школа Б — всё."),
            "{desc}"
        );
    }
}
