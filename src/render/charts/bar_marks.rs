//! Marks on single bars of a school-by-school chart, each told in words as well as
//! drawn: the school whose card the chart is on (a pale band across its row, a
//! thick outline round its bar and the words «эта школа»), and values with a
//! caveat (a «*» after the value, explained under the chart by the caller).
//!
//! Kept apart from [`super::bars`] so the bars stay one concern: this module knows
//! what a mark says and how it looks, `bars` where rows are.

use std::collections::BTreeSet;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::frame::palette;

/// The background of the highlighted row: a pale yellow (Okabe & Ito's yellow,
/// lightened), distinct from the tones' blue, vermillion and grey, and light
/// enough for 12 px text on it to keep its contrast.
pub(super) const BAND: RGBColor = RGBColor(255, 241, 168);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct BarMarks {
    /// The bar (index) of the school whose card the chart is on.
    pub(crate) own: Option<usize>,
    /// Bars whose value has a caveat, marked «*».
    pub(crate) starred: BTreeSet<usize>,
    /// The words after the highlighted bar's value or name: «эта школа».
    pub(crate) own_words: &'static str,
}

impl BarMarks {
    /// What follows a bar's value: « *» for a caveat, « — эта школа» for the
    /// highlighted bar when `with_own` (the wide layout; the narrow one says it on
    /// the name's line, where there is room).
    pub(super) fn after_value(&self, bar: usize, with_own: bool) -> String {
        let mut text = String::new();
        if self.starred.contains(&bar) {
            text.push_str(" *");
        }
        if with_own && self.own == Some(bar) {
            text.push_str(" — ");
            text.push_str(self.own_words);
        }
        text
    }

    /// What follows a bar's name in the narrow layout.
    pub(super) fn after_name(&self, bar: usize) -> String {
        if self.own == Some(bar) {
            format!(" — {}", self.own_words)
        } else {
            String::new()
        }
    }

    /// The sentences of the chart's `<desc>` about the marks: which school is
    /// highlighted, which values are starred; empty without marks.
    pub(super) fn describe(&self, labels: &[&str], values: &[String]) -> String {
        let mut text = String::new();
        if let Some(own) = self.own.filter(|&own| own < labels.len()) {
            text.push_str(&format!(
                " Выделено: {} — {}, {}.",
                self.own_words, labels[own], values[own]
            ));
        }
        let starred: Vec<&str> = self
            .starred
            .iter()
            .filter_map(|&bar| labels.get(bar).copied())
            .collect();
        if !starred.is_empty() {
            text.push_str(&format!(
                " Звёздочкой отмечены значения, у которых есть признаки необъективности результатов: {}.",
                starred.join(", ")
            ));
        }
        text
    }
}

/// The pale band behind the highlighted row, drawn before its bar and text.
pub(super) fn draw_band(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    (left, top): (i32, i32),
    (right, bottom): (i32, i32),
) -> Result<(), String> {
    root.draw(&Rectangle::new(
        [(left, top), (right, bottom)],
        BAND.filled(),
    ))
    .map_err(|e| e.to_string())?;
    Ok(())
}

/// The thick outline round the highlighted bar, drawn after it: a mark that
/// survives grey print and colour blindness.
pub(super) fn draw_outline(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    corners: [(i32, i32); 2],
) -> Result<(), String> {
    let [(x0, y0), (x1, y1)] = corners;
    // A closed path: plotters writes no stroke width for a rectangle's outline.
    let (x0, y0, x1, y1) = (x0 - 1, y0 - 1, x1 + 1, y1 + 1);
    root.draw(&PathElement::new(
        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)],
        palette::TEXT.stroke_width(3),
    ))
    .map_err(|e| e.to_string())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks() -> BarMarks {
        BarMarks {
            own: Some(1),
            starred: [2].into_iter().collect(),
            own_words: "эта школа",
        }
    }

    #[test]
    fn says_the_marks_after_the_value_or_the_name() {
        let marks = marks();
        assert_eq!(marks.after_value(0, true), "");
        assert_eq!(marks.after_value(1, true), " — эта школа");
        assert_eq!(marks.after_value(1, false), "");
        assert_eq!(marks.after_value(2, true), " *");
        assert_eq!(marks.after_name(1), " — эта школа");
        assert_eq!(marks.after_name(2), "");
    }

    #[test]
    fn describes_the_highlighted_school_and_the_starred_values() {
        let text = marks().describe(
            &["СОШ № 1", "СОШ № 2", "СОШ № 3"],
            &["5,0 %".into(), "6,0 %".into(), "7,0 %".into()],
        );
        assert_eq!(
            text,
            " Выделено: эта школа — СОШ № 2, 6,0 %. Звёздочкой отмечены значения, у которых есть признаки необъективности результатов: СОШ № 3."
        );
        assert_eq!(
            BarMarks::default().describe(&["СОШ № 1"], &["5 %".into()]),
            ""
        );
    }
}
