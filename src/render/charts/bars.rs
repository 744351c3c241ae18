//! Organisations compared for one period: horizontal bars, one row each, in the
//! register's order (never by value: no league tables), with the district's value as
//! a dashed vertical reference line. A bar without a value is drawn empty and
//! labelled «нет данных».
//!
//! The caller orders the bars and decides each bar's [`Tone`] from the
//! indicator's direction; this module only draws. Tone is never told by colour alone:
//! better is a solid blue bar, worse a vermillion bar with a dark outline and diagonal
//! hatching, the same a light grey bar with a grey outline (lighter than the others,
//! so it also differs in a grey print). The legend under the bars repeats the three
//! swatches in words. Each bar carries its value, so no value axis is drawn.
//!
//! Also home of the text and legend helpers the sibling charts share
//! ([`TEXT_SIZE`], [`text_width`], [`fit_label`], [`flow`], [`LEGEND_LINE`]); they
//! measure with the embedded PT Sans, the metrics every chart is laid out with.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bar_marks::{draw_band, draw_outline, BarMarks, BAND};
use super::frame::{palette, register_font, twin_svgs, FAMILY, NARROW};
use crate::numbers::{format_value, format_value_genitive};

#[derive(Debug, Clone)]
pub(crate) struct BarChart {
    /// Unique on the page, for the SVG's title and desc ids.
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) unit: String,
    pub(crate) decimals: usize,
    /// In the register's order; drawn top to bottom in this order.
    pub(crate) bars: Vec<Bar>,
    /// `("Округ", value)`: a dashed vertical line labelled with its value.
    pub(crate) reference: Option<(String, f64)>,
    /// Whether tones are verdicts; `false` for an indicator shown as a fact (staff,
    /// money): every bar is neutral and no legend of tones is drawn.
    pub(crate) verdict: bool,
    /// Whether less is better (a share of «2»): «ниже» is then the good direction,
    /// and the legend says so.
    pub(crate) lower_is_better: bool,
    /// The reader's school highlighted, values with a caveat starred.
    pub(crate) marks: BarMarks,
}

#[derive(Debug, Clone)]
pub(crate) struct Bar {
    /// The organisation's short name; truncated with «…» when it does not fit.
    pub(crate) label: String,
    pub(crate) value: f64,
    pub(crate) tone: Tone,
}

/// A bar's standing against the reference, decided by the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tone {
    Better,
    Worse,
    Same,
}

/// Plotters writes `font-size` as its size ÷ 1.24: 15.5 gives 12.5 px text.
pub(super) const TEXT_SIZE: f64 = 15.5;

const WIDTH: u32 = 640;
const ROW: i32 = 22;
const BAR_INSET: i32 = 4;
const PAD: i32 = 8;
/// Room for the reference label above the rows.
const TOP: i32 = 26;
/// Height of a legend line; items on a line are [`LEGEND_GAP`] apart.
pub(super) const LEGEND_LINE: i32 = 22;
const LEGEND_GAP: i32 = 18;
/// The label column: «МБОУ «Сосновская СОШ»» and the like fit, longer names get «…».
const LABEL_AREA: i32 = 220;
const HATCH_STEP: i32 = 6;
/// In the narrow twin a row is a label line and a bar under it: names are not cut.
const NARROW_ROW: i32 = 38;
/// The fill of «на уровне»: lighter than blue and vermillion, so tone survives grey print.
const SAME_FILL: RGBColor = RGBColor(190, 190, 190);

/// Width in pixels of `text` at [`TEXT_SIZE`]: measured with the embedded PT Sans and
/// widened by a quarter, since a reader's `sans-serif` (DejaVu Sans, Arial, Roboto)
/// is wider than PT Sans; layout errs towards more room.
pub(super) fn text_width(text: &str) -> i32 {
    let measured = (FAMILY, TEXT_SIZE)
        .into_font()
        .box_size(text)
        .map(|(width, _)| f64::from(width))
        .unwrap_or(text.chars().count() as f64 * 7.0);
    (measured * 1.25).ceil() as i32
}

/// `text` as is when it fits in `max_width` pixels, else cut at a character and ended
/// with «…».
pub(super) fn fit_label(text: &str, max_width: i32) -> String {
    if text_width(text) <= max_width {
        return text.to_string();
    }
    // The longest cut that fits, found by halving: a plan's hundred long titles
    // are measured a few times each, not once per character.
    let chars: Vec<char> = text.trim_end().chars().collect();
    let cut = |n: usize| {
        let kept: String = chars[..n].iter().collect();
        format!("{}…", kept.trim_end())
    };
    let (mut fits, mut too_long) = (0, chars.len());
    while too_long - fits > 1 {
        let middle = (fits + too_long) / 2;
        if text_width(&cut(middle)) <= max_width {
            fits = middle;
        } else {
            too_long = middle;
        }
    }
    if fits == 0 {
        return "…".to_string();
    }
    cut(fits)
}

/// «1 организация», «3 организации», «12 организаций».
fn organisations(count: usize) -> String {
    let word = match (count % 10, count % 100) {
        (_, 11..=14) => "организаций",
        (1, _) => "организация",
        (2..=4, _) => "организации",
        _ => "организаций",
    };
    format!("{count} {word}")
}

/// Places items of the given widths left to right from `left`, wrapping before
/// `right`: the x and the line number of each. Legends use it.
pub(super) fn flow(widths: &[i32], left: i32, right: i32) -> Vec<(i32, i32)> {
    let mut x = left;
    let mut line = 0;
    let mut out = Vec::new();
    for &width in widths {
        if x > left && x + width > right {
            x = left;
            line += 1;
        }
        out.push((x, line));
        x += width + LEGEND_GAP;
    }
    out
}

/// The chart as an accessible SVG string; `None` when there are no bars.
pub(crate) fn render_bars(chart: &BarChart) -> Option<String> {
    if chart.bars.is_empty() {
        return None;
    }
    register_font();
    twin_svgs(&chart.id, &chart.title, &describe(chart), WIDTH, |width| {
        let legend = legend_items(chart, width as i32);
        let lines = legend.last().map_or(0, |item| item.1 .1 + 1);
        let row = if width == NARROW { NARROW_ROW } else { ROW };
        let height = TOP + row * chart.bars.len() as i32 + 12 + LEGEND_LINE * lines;
        let mut svg = String::new();
        draw(chart, &mut svg, (width, height as u32), &legend).ok()?;
        Some(svg)
    })
}

fn fail(e: DrawingAreaErrorKind<std::io::Error>) -> String {
    e.to_string()
}

/// A value that can be drawn: NaN and infinities count as zero (and are labelled
/// «нет данных»).
fn drawable(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// «8,3 %», or «нет данных» for a value that is not a number.
fn value_text(chart: &BarChart, value: f64) -> String {
    if value.is_finite() {
        format_value(value, chart.decimals, &chart.unit)
    } else {
        "нет данных".to_string()
    }
}

fn draw(
    chart: &BarChart,
    svg: &mut String,
    (width, height): (u32, u32),
    legend: &[LegendItem],
) -> Result<(), String> {
    let narrow = width == NARROW;
    let (row, label_area) = if narrow {
        (NARROW_ROW, PAD)
    } else {
        (ROW, LABEL_AREA)
    };
    let width = width as i32;
    let root = SVGBackend::with_string(svg, (width as u32, height)).into_drawing_area();
    root.fill(&WHITE).map_err(fail)?;
    let text = (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT);
    let value_text = |value: f64| value_text(chart, value);
    let reference = chart
        .reference
        .as_ref()
        .filter(|(_, value)| value.is_finite());

    let (lo, hi) = domain(chart, reference.map(|r| r.1));
    // Value labels sit past the bar's end: room on the right, and on the left of
    // zero when some bar is negative.
    let label_of =
        |i: usize, bar: &Bar| value_text(bar.value) + &chart.marks.after_value(i, !narrow);
    let label_room = |negative: bool| {
        chart
            .bars
            .iter()
            .enumerate()
            .filter(|(_, bar)| (drawable(bar.value) < 0.0) == negative)
            .map(|(i, bar)| text_width(&label_of(i, bar)) + 6)
            .max()
            .unwrap_or(0)
    };
    let plot_left = label_area + label_room(true);
    let plot_right = width - PAD - label_room(false);
    let x_of = |value: f64| {
        plot_left + ((value - lo) / (hi - lo) * f64::from(plot_right - plot_left)).round() as i32
    };
    let zero = x_of(0.0);
    let row_top = |i: usize| TOP + row * i as i32;
    let rows_bottom = row_top(chart.bars.len());

    root.draw(&PathElement::new(
        vec![(zero, TOP), (zero, rows_bottom)],
        palette::GREY.stroke_width(1),
    ))
    .map_err(fail)?;
    let mut ends = Vec::new();
    for (i, bar) in chart.bars.iter().enumerate() {
        // The narrow layout puts a row's name on a line of its own above its bar.
        let label_top = row_top(i);
        let top = label_top + if narrow { row - ROW } else { 0 };
        let centre = top + ROW / 2;
        let own = chart.marks.own == Some(i);
        if own {
            draw_band(&root, (0, label_top), (width, row_top(i + 1)))?;
        }
        if narrow {
            root.draw(&Text::new(
                fit_label(
                    &format!("{}{}", bar.label, chart.marks.after_name(i)),
                    width - 2 * PAD,
                ),
                (PAD, label_top + (row - ROW) / 2),
                text.clone().pos(Pos::new(HPos::Left, VPos::Center)),
            ))
        } else {
            root.draw(&Text::new(
                fit_label(&bar.label, LABEL_AREA - PAD - 6),
                (LABEL_AREA - 6, centre),
                text.clone().pos(Pos::new(HPos::Right, VPos::Center)),
            ))
        }
        .map_err(fail)?;
        let value = drawable(bar.value);
        let end = x_of(value);
        let (x0, x1) = (zero.min(end), zero.max(end));
        let corners = [(x0, top + BAR_INSET), (x1, top + ROW - BAR_INSET)];
        draw_bar(&root, bar.tone, corners)?;
        if own {
            draw_outline(&root, corners)?;
        }
        let ground = if own { BAND } else { WHITE };
        ends.push((end, centre, value < 0.0, label_of(i, bar), ground));
    }

    if let Some((name, value)) = reference {
        let x = x_of(*value);
        // In the narrow layout the line crosses only the bars' lines, never a name.
        let spans: Vec<(i32, i32)> = if narrow {
            (0..chart.bars.len())
                .map(|i| (row_top(i) + row - ROW, row_top(i) + row))
                .collect()
        } else {
            vec![(TOP - 4, rows_bottom)]
        };
        let label = format!("{name}: {}", value_text(*value));
        draw_reference(&root, x, &spans, label, width)?;
    }

    // Value labels last, on their row's ground, so the reference line never crosses them.
    draw_value_labels(&root, ends)?;
    draw_legend(&root, legend, rows_bottom + 12)?;
    root.present().map_err(fail)?;
    Ok(())
}

/// The value axis: always includes zero (bars start there) and the reference.
fn domain(chart: &BarChart, reference: Option<f64>) -> (f64, f64) {
    let values = chart.bars.iter().map(|bar| drawable(bar.value));
    let lo = values.clone().chain(reference).fold(0.0_f64, f64::min);
    let mut hi = values.chain(reference).fold(0.0_f64, f64::max);
    if hi == lo {
        hi = lo + 1.0;
    }
    (lo, hi)
}

/// The reference line at `x` over `spans` of rows, with its label above the bars.
fn draw_reference(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    x: i32,
    spans: &[(i32, i32)],
    label: String,
    width: i32,
) -> Result<(), String> {
    let text = (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT);
    for &(from, to) in spans {
        root.draw(&DashedPathElement::new(
            vec![(x, from), (x, to)],
            5,
            4,
            palette::TEXT.stroke_width(2),
        ))
        .map_err(fail)?;
    }
    let half = text_width(&label) / 2;
    let centre = x.clamp(PAD + half, width - PAD - half);
    root.draw(&Text::new(
        label,
        (centre, TOP - 14),
        text.pos(Pos::new(HPos::Center, VPos::Center)),
    ))
    .map_err(fail)?;
    Ok(())
}

/// Each bar's value past its end: `(end, centre, negative, label, ground)`, the
/// ground being its row's colour.
fn draw_value_labels(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    ends: Vec<(i32, i32, bool, String, RGBColor)>,
) -> Result<(), String> {
    let text = (FAMILY, TEXT_SIZE).into_font().color(&palette::TEXT);
    for (end, centre, negative, label, ground) in ends {
        let label_width = text_width(&label);
        let (x0, anchor) = if negative {
            (end - 5 - label_width, HPos::Right)
        } else {
            (end + 5, HPos::Left)
        };
        root.draw(&Rectangle::new(
            [(x0 - 1, centre - 8), (x0 + label_width + 1, centre + 8)],
            ground.filled(),
        ))
        .map_err(fail)?;
        let x = if negative { end - 5 } else { end + 5 };
        root.draw(&Text::new(
            label,
            (x, centre),
            text.clone().pos(Pos::new(anchor, VPos::Center)),
        ))
        .map_err(fail)?;
    }

    Ok(())
}

/// One bar in its tone's style; a zero-width bar still shows its outline.
fn draw_bar(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    tone: Tone,
    corners: [(i32, i32); 2],
) -> Result<(), String> {
    let [(x0, y0), (x1, y1)] = corners;
    match tone {
        Tone::Better => {
            root.draw(&Rectangle::new(corners, palette::BLUE.filled()))
                .map_err(fail)?;
        }
        Tone::Same => {
            root.draw(&Rectangle::new(corners, SAME_FILL.filled()))
                .map_err(fail)?;
            root.draw(&Rectangle::new(corners, palette::GREY.stroke_width(1)))
                .map_err(fail)?;
        }
        Tone::Worse => {
            root.draw(&Rectangle::new(corners, palette::VERMILLION.filled()))
                .map_err(fail)?;
            for line in hatch(x0, y0, x1, y1) {
                root.draw(&PathElement::new(line, palette::TEXT.stroke_width(1)))
                    .map_err(fail)?;
            }
            root.draw(&Rectangle::new(corners, palette::TEXT.stroke_width(1)))
                .map_err(fail)?;
        }
    }
    Ok(())
}

/// Diagonal lines («/», every [`HATCH_STEP`] px) clipped to the rectangle.
fn hatch(x0: i32, y0: i32, x1: i32, y1: i32) -> Vec<Vec<(i32, i32)>> {
    let mut lines = Vec::new();
    if x1 - x0 < 2 {
        return lines;
    }
    // Points on a line satisfy x + y = sum.
    let mut sum = x0 + y0 + HATCH_STEP / 2;
    while sum < x1 + y1 {
        let from_x = x0.max(sum - y1);
        let to_x = x1.min(sum - y0);
        if to_x > from_x {
            lines.push(vec![(from_x, sum - from_x), (to_x, sum - to_x)]);
        }
        sum += HATCH_STEP;
    }
    lines
}

/// The words for the three tones, against the reference's name: «выше / ниже, чем
/// …» with the direction's meaning in brackets where less is better.
fn tone_words(chart: &BarChart) -> [String; 3] {
    let against = match chart.reference.as_ref().map(|(name, _)| name.as_str()) {
        Some(name) if name.to_lowercase() == "округ" => Some("по округу".to_string()),
        Some(name) => Some(name.to_string()),
        None => None,
    };
    let (better, worse) = if chart.lower_is_better {
        ("ниже", "выше")
    } else {
        ("выше", "ниже")
    };
    let with = |word: &str, meaning: &str| {
        let word = match &against {
            Some(against) => format!("{word}, чем {against}"),
            None => word.to_string(),
        };
        if chart.lower_is_better {
            format!("{word} (это {meaning})")
        } else {
            word
        }
    };
    [
        with(better, "лучше"),
        with(worse, "хуже"),
        match chart.reference.as_ref().map(|(name, _)| name.as_str()) {
            Some(name) if name.to_lowercase() == "округ" => "на уровне округа".to_string(),
            Some(name) => format!("на уровне: {name}"),
            None => "на общем уровне".to_string(),
        },
    ]
}

/// A legend entry: tone, words, and its place (x, line).
type LegendItem = (Tone, (i32, i32), String);

/// The tones that occur, in the order better, worse, same, laid out in lines.
fn legend_items(chart: &BarChart, width: i32) -> Vec<LegendItem> {
    if !chart.verdict {
        return Vec::new();
    }
    let present: Vec<(Tone, String)> = [Tone::Better, Tone::Worse, Tone::Same]
        .into_iter()
        .zip(tone_words(chart))
        .filter(|(tone, _)| chart.bars.iter().any(|bar| bar.tone == *tone))
        .collect();
    let widths: Vec<i32> = present
        .iter()
        .map(|(_, word)| SWATCH + 6 + text_width(word))
        .collect();
    present
        .into_iter()
        .zip(flow(&widths, PAD, width - PAD))
        .map(|((tone, word), place)| (tone, place, word))
        .collect()
}

const SWATCH: i32 = 22;

fn draw_legend(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    legend: &[LegendItem],
    top: i32,
) -> Result<(), String> {
    let text = (FAMILY, TEXT_SIZE)
        .into_font()
        .color(&palette::TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (tone, (x, line), word) in legend {
        let centre = top + LEGEND_LINE * line + 8;
        draw_bar(root, *tone, [(*x, centre - 7), (x + SWATCH, centre + 7)])?;
        root.draw(&Text::new(
            word.as_str(),
            (x + SWATCH + 6, centre),
            text.clone(),
        ))
        .map_err(fail)?;
    }
    Ok(())
}

/// The text summary in the SVG's `<desc>`: counts by tone, the range of values
/// (never which organisation is «best» or «worst»), the organisations without a
/// value, the reference.
fn describe(chart: &BarChart) -> String {
    let value_text = |value: f64| value_text(chart, value);
    let mut text = format!(
        "Сравнение значений: {} на диаграмме, в порядке реестра организаций.",
        organisations(chart.bars.len())
    );
    if chart.reference.is_some() && chart.verdict {
        let words = tone_words(chart);
        let count = |tone: Tone| chart.bars.iter().filter(|bar| bar.tone == tone).count();
        text.push_str(&format!(
            " {} — {}, {} — {}, {} — {}.",
            crate::text::capitalize(&words[0]),
            count(Tone::Better),
            words[1],
            count(Tone::Worse),
            words[2],
            count(Tone::Same)
        ));
    }
    let values: Vec<f64> = chart
        .bars
        .iter()
        .map(|bar| bar.value)
        .filter(|value| value.is_finite())
        .collect();
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    match values.len() {
        0 => {}
        1 => text.push_str(&format!(" Значение — {}.", value_text(lo))),
        _ if lo == hi => text.push_str(&format!(" Все значения — {}.", value_text(lo))),
        _ => text.push_str(&format!(
            " Значения — от {} до {}.",
            format_value_genitive(lo, chart.decimals, &chart.unit),
            format_value_genitive(hi, chart.decimals, &chart.unit)
        )),
    }
    let missing: Vec<&str> = chart
        .bars
        .iter()
        .filter(|bar| !bar.value.is_finite())
        .map(|bar| bar.label.as_str())
        .collect();
    if !missing.is_empty() {
        text.push_str(&format!(" Нет данных: {}.", missing.join(", ")));
    }
    if let Some((name, value)) = &chart.reference {
        text.push_str(&format!(" {name} — {}.", value_text(*value)));
    }
    let labels: Vec<&str> = chart.bars.iter().map(|bar| bar.label.as_str()).collect();
    let values: Vec<String> = chart.bars.iter().map(|bar| value_text(bar.value)).collect();
    text.push_str(&chart.marks.describe(&labels, &values));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: f64, tone: Tone) -> Bar {
        Bar {
            label: label.into(),
            value,
            tone,
        }
    }

    fn chart() -> BarChart {
        BarChart {
            id: "absent".into(),
            title: "Доля пропусков уроков, 2025".into(),
            unit: "%".into(),
            decimals: 1,
            bars: vec![
                bar("МБОУ «Сосновская СОШ»", 6.2, Tone::Better),
                bar("МБОУ «Лицей № 1»", 7.9, Tone::Better),
                bar("МБОУ «СОШ № 3»", 8.3, Tone::Same),
                bar(
                    "МБОУ «Озёрная основная общеобразовательная школа»",
                    9.6,
                    Tone::Worse,
                ),
                bar("МКОУ «Лесная ООШ»", 12.46, Tone::Worse),
            ],
            reference: Some(("Округ".into(), 8.3)),
            verdict: true,
            lower_is_better: true,
            marks: BarMarks::default(),
        }
    }

    fn count_fill(svg: &str, colour: &str) -> usize {
        svg.lines()
            .filter(|line| {
                line.starts_with("<rect") && line.contains(&format!("fill=\"{colour}\""))
            })
            .count()
    }

    #[test]
    fn draws_an_accessible_svg_with_labels_values_and_reference() {
        let svg = super::super::wide_only(render_bars(&chart()).unwrap());
        assert!(svg.starts_with("<svg role=\"img\""));
        assert!(svg.contains("<title id=\"absent-title\">Доля пропусков уроков, 2025</title>"));
        assert!(svg.contains(">\nМБОУ «Сосновская СОШ»\n</text>"));
        assert!(svg.contains(">\n6,2\u{a0}%\n</text>"));
        assert!(
            svg.contains(">\n12,5\u{a0}%\n</text>"),
            "rounded to one decimal"
        );
        assert!(svg.contains(">\nОкруг: 8,3\u{a0}%\n</text>"));
        assert!(svg.contains("font-family=\"sans-serif\""));
        assert!(svg.contains("font-size=\"12.5\""));
    }

    #[test]
    fn truncates_long_names_with_an_ellipsis() {
        let svg = super::super::wide_only(render_bars(&chart()).unwrap());
        assert!(!svg.contains("общеобразовательная школа»\n</text>"));
        assert!(svg.contains("…\n</text>"));
        let cut = fit_label("МБОУ «Озёрная основная общеобразовательная школа»", 206);
        assert!(cut.ends_with('…') && text_width(&cut) <= 206, "{cut}");
        assert_eq!(fit_label("МБОУ «СОШ № 3»", 206), "МБОУ «СОШ № 3»");
    }

    #[test]
    fn marks_tone_by_fill_outline_and_hatching() {
        let svg = super::super::wide_only(render_bars(&chart()).unwrap());
        // Bars plus one legend swatch per tone.
        assert_eq!(count_fill(&svg, "#0072B2"), 2 + 1);
        assert_eq!(count_fill(&svg, "#D55E00"), 2 + 1);
        assert_eq!(count_fill(&svg, "#BEBEBE"), 1 + 1);
        // Worse bars and their swatch are outlined and hatched.
        let outlines = svg
            .lines()
            .filter(|l| l.starts_with("<rect") && l.contains("fill=\"none\" stroke=\"#1B1B1B\""))
            .count();
        assert_eq!(outlines, 3);
        assert!(svg.matches("<polyline").count() > 10, "hatch lines");
        assert!(svg.contains(">\nниже, чем по округу (это лучше)\n</text>"));
        assert!(svg.contains(">\nвыше, чем по округу (это хуже)\n</text>"));
        assert!(svg.contains(">\nна уровне округа\n</text>"));
    }

    #[test]
    fn hatch_lines_stay_inside_the_bar() {
        let lines = hatch(10, 20, 50, 34);
        assert!(!lines.is_empty());
        for line in lines {
            for (x, y) in line {
                assert!((10..=50).contains(&x) && (20..=34).contains(&y));
            }
        }
        assert!(hatch(10, 20, 11, 34).is_empty());
    }

    #[test]
    fn describes_counts_range_and_reference_without_naming_best_or_worst() {
        let desc = describe(&chart());
        assert!(desc.starts_with(
            "Сравнение значений: 5 организаций на диаграмме, в порядке реестра организаций."
        ));
        assert!(desc
            .contains("Ниже, чем по округу (это лучше) — 2, выше, чем по округу (это хуже) — 2, на уровне округа — 1."));
        assert!(
            desc.contains("Значения — от 6,2\u{a0}% до 12,5\u{a0}%."),
            "{desc}"
        );
        for bar in &chart().bars {
            assert!(!desc.contains(&bar.label), "{desc}");
        }
        assert!(!desc.contains("Лучшее") && !desc.contains("худшее"));
        assert!(desc.ends_with("Округ — 8,3\u{a0}%."));
    }

    #[test]
    fn names_organisations_without_a_value() {
        let mut missing = chart();
        missing.bars[1].value = f64::NAN;
        let desc = describe(&missing);
        assert!(
            desc.contains(&format!(" Нет данных: {}.", missing.bars[1].label)),
            "{desc}"
        );
        let svg = render_bars(&missing).unwrap();
        assert!(svg.contains("нет данных"));
    }

    #[test]
    fn is_byte_identical_on_every_run() {
        assert_eq!(render_bars(&chart()), render_bars(&chart()));
    }

    #[test]
    fn draws_nothing_without_bars() {
        let mut empty = chart();
        empty.bars.clear();
        assert_eq!(render_bars(&empty), None);
    }

    #[test]
    fn draws_zero_and_negative_values_left_of_zero() {
        let mut changes = chart();
        changes.unit = "п.п.".into();
        changes.bars = vec![
            bar("Школа А", 1.5, Tone::Better),
            bar("Школа Б", 0.0, Tone::Same),
            bar("Школа В", -2.25, Tone::Worse),
            bar("Школа Г", f64::NAN, Tone::Same),
        ];
        changes.reference = Some(("Приозёрная область".into(), -0.4));
        let svg = super::super::wide_only(render_bars(&changes).unwrap());
        assert!(
            svg.contains(">\n−2,3\u{a0}п.п.\n</text>")
                || svg.contains(">\n−2,2\u{a0}п.п.\n</text>")
        );
        assert!(svg.contains(">\n0,0\u{a0}п.п.\n</text>"));
        assert!(svg.contains(">\nПриозёрная область: −0,4\u{a0}п.п.\n</text>"));
        assert!(svg.contains(">\nвыше, чем Приозёрная область (это хуже)\n</text>"));
        assert!(svg.contains(">\nнет данных\n</text>"));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn highlights_the_readers_school_and_stars_values_with_a_caveat() {
        let mut marked = chart();
        marked.marks = BarMarks {
            own: Some(2),
            starred: [4].into_iter().collect(),
            own_words: "эта школа",
        };
        let svg = render_bars(&marked).unwrap();
        let wide = super::super::wide_only(svg.clone());
        let narrow = &svg[wide.len()..];
        // A pale band across the row (and under its value), a thick outline, and
        // the words.
        assert_eq!(count_fill(&wide, "#FFF1A8"), 2);
        assert!(wide.contains("stroke-width=\"3\""), "{wide}");
        assert!(
            wide.contains(">\n8,3\u{a0}% — эта школа\n</text>"),
            "{wide}"
        );
        assert!(wide.contains(">\n12,5\u{a0}% *\n</text>"));
        assert!(
            narrow.contains(">\nМБОУ «СОШ № 3» — эта школа\n</text>"),
            "{narrow}"
        );
        assert!(narrow.contains(">\n12,5\u{a0}% *\n</text>"));
        let desc = describe(&marked);
        assert!(
            desc.contains(" Выделено: эта школа — МБОУ «СОШ № 3», 8,3\u{a0}%."),
            "{desc}"
        );
        assert!(desc.contains("признаки необъективности результатов: МКОУ «Лесная ООШ»."));
    }

    #[test]
    fn declines_organisations() {
        assert_eq!(organisations(1), "1 организация");
        assert_eq!(organisations(3), "3 организации");
        assert_eq!(organisations(11), "11 организаций");
        assert_eq!(organisations(22), "22 организации");
        assert_eq!(organisations(25), "25 организаций");
    }
}
