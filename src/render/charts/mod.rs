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
mod density;
mod frame;
mod gantt;
mod line;
mod scatter;
mod stacked;

#[cfg(test)]
use frame::wide_only;
pub(crate) use frame::CHART_MARK;

pub(crate) use bar_marks::BarMarks;
pub(crate) use bars::{render_bars, Bar, BarChart, Tone};
pub(crate) use density::{bin as density_bin, BINS as DENSITY_BINS, DENSITY_ABOVE};
pub(crate) use gantt::{render_gantt, GanttChart, GanttRow};
pub(crate) use line::{render_line, LineChart, LineSeries};
pub(crate) use scatter::{render_scatter, PointKind, ScatterChart, ScatterPoint};
pub(crate) use stacked::{render_stacked, StackRow, StackedChart};
