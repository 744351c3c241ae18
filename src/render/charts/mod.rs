//! Charts as inline SVG, drawn with plotters.
//!
//! Inline rather than separate files: the chart arrives with the page (one request on
//! a slow phone line), prints with it, and its `<title>`/`<desc>` sit next to the data
//! table that is its full text alternative. Text metrics come from PT Sans embedded in
//! the binary (plotters needs them to place labels), so a machine without fonts draws
//! byte-identical charts; the SVG itself names the generic `sans-serif`, which every
//! reader's browser has.

mod bar_marks;
mod bars;
mod gantt;
mod line;
mod scatter;
mod stacked;

use std::sync::Once;

pub(crate) use bar_marks::BarMarks;
pub(crate) use bars::{render_bars, Bar, BarChart, Tone};
pub(crate) use gantt::{render_gantt, GanttChart, GanttRow};
pub(crate) use line::{render_line, LineChart, LineSeries};
pub(crate) use scatter::{render_scatter, PointKind, ScatterChart, ScatterPoint};
pub(crate) use stacked::{render_stacked, StackRow, StackedChart};

/// PT Sans Regular, ParaType Free Font License (assets/fonts/PTSans-LICENSE.txt).
static FONT: &[u8] = include_bytes!("../../../assets/fonts/PTSans-Regular.ttf");

/// The family name charts use; registered with PT Sans metrics.
pub(crate) const FAMILY: &str = "sans-serif";

/// Colour-blind-safe palette (Okabe & Ito); every use also has a non-colour cue.
pub(crate) mod palette {
    use plotters::style::RGBColor;
    pub(crate) const BLUE: RGBColor = RGBColor(0, 114, 178);
    pub(crate) const GREEN: RGBColor = RGBColor(0, 158, 115);
    pub(crate) const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    pub(crate) const SKY: RGBColor = RGBColor(86, 180, 233);
    pub(crate) const GREY: RGBColor = RGBColor(120, 120, 120);
    pub(crate) const PURPLE: RGBColor = RGBColor(204, 121, 167);
    pub(crate) const TEXT: RGBColor = RGBColor(27, 27, 27);
    pub(crate) const GRID: RGBColor = RGBColor(215, 220, 226);
}

fn register_font() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // The embedded font is valid; a failure would only lose label placement.
        let _ = plotters::style::register_font(FAMILY, plotters::style::FontStyle::Normal, FONT);
    });
}

/// How every chart's wide SVG starts (see `accessible_svg`): counting it counts charts
/// (the narrow twin starts differently, so a chart is counted once).
pub(crate) const CHART_MARK: &str = "<svg role=\"img\" aria-labelledby=";

/// Width of a chart's narrow twin. Every chart is drawn twice, laid out for its width
/// (fewer labels, stacked rows), and the stylesheet shows one: the wide one from
/// 40rem up, the narrow one below. The narrow one is drawn for a 360 px phone's
/// 328 px column and never scaled up, so its 12.5 px text stays at least 12 px in any
/// column down to 307 px; no chart scrolls sideways.
pub(crate) const NARROW: u32 = 288;

/// The wide and the narrow SVG of one chart: `draw(width)` lays the chart out for
/// `width`; the narrow twin gets ids of its own (`…-n`).
fn twin_svgs(
    id: &str,
    title: &str,
    desc: &str,
    wide: u32,
    draw: impl Fn(u32) -> Option<String>,
) -> Option<String> {
    let wide_svg = draw(wide)?;
    let narrow_svg = draw(NARROW)?;
    let narrow = accessible_svg(&narrow_svg, &format!("{id}-n"), title, desc)
        .replacen(
            CHART_MARK,
            "<svg class=\"chart chart-narrow\" role=\"img\" aria-labelledby=",
            1,
        )
        .replacen(" class=\"chart\" ", " ", 1);
    let wide = accessible_svg(&wide_svg, id, title, desc).replacen(
        " class=\"chart\" ",
        " class=\"chart chart-wide\" ",
        1,
    );
    Some(format!("{wide}\n{narrow}"))
}

/// Makes plotters' SVG accessible: `role="img"`, a `<title>` and a `<desc>` first,
/// and a width that scales down with the page.
fn accessible_svg(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let Some(open_end) = svg.find('>') else {
        return svg.to_string();
    };
    let (open, rest) = svg.split_at(open_end);
    let open = open.replacen(
        "<svg ",
        &format!("{CHART_MARK}\"{id}-title {id}-desc\" class=\"chart\" "),
        1,
    );
    format!(
        "{open}>\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{}",
        escape(title),
        escape(desc),
        &rest[1..]
    )
}

/// The wide twin alone: the charts' own tests count elements in it.
#[cfg(test)]
pub(super) fn wide_only(svg: String) -> String {
    match svg.find("\n<svg class=\"chart chart-narrow\"") {
        Some(at) => svg[..at].to_string(),
        None => svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_role_title_and_desc() {
        let svg = accessible_svg(
            "<svg width=\"10\" xmlns=\"x\">\n<rect/>\n</svg>",
            "g",
            "План <1>",
            "Описание",
        );
        assert!(svg.starts_with(
            "<svg role=\"img\" aria-labelledby=\"g-title g-desc\" class=\"chart\" width=\"10\""
        ));
        assert!(svg.contains("<title id=\"g-title\">План &lt;1&gt;</title>\n<desc id=\"g-desc\">Описание</desc>\n<rect/>"));
    }
}
