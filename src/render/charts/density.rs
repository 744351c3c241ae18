//! A scatter of thousands of points drawn as a density (issue 22): the plot is cut
//! into square cells of 5 percentage points, and each cell is shaded by how many
//! points fall into it. A region's year has 20,000 ВПР groups; as points they made a
//! 2 MB picture in which overlapping circles hid how many there were, as cells they
//! make a few hundred rectangles that show it.
//!
//! The shades are ColorBrewer's sequential «Blues» (readable with every kind of colour
//! blindness, and in greyscale, since they differ in lightness); the legend gives the
//! range of counts of each shade. Only binning and classes live here; `scatter` draws.

use plotters::style::RGBColor;

/// Above this many points a scatter is drawn as a density.
pub(crate) const DENSITY_ABOVE: usize = 1500;

/// Cells along each axis: 20 cells of 5 percentage points.
pub(crate) const BINS: usize = 20;

/// Light to dark.
pub(crate) const SHADES: [RGBColor; 5] = [
    RGBColor(198, 219, 239),
    RGBColor(158, 202, 225),
    RGBColor(107, 174, 214),
    RGBColor(49, 130, 189),
    RGBColor(8, 81, 156),
];

/// The cell of a value in percent (0–100; out of range is clamped to the edge).
pub(crate) fn cell_of(value: f64) -> usize {
    let v = if value.is_finite() {
        value.clamp(0.0, 100.0)
    } else {
        0.0
    };
    ((v / 100.0 * BINS as f64) as usize).min(BINS - 1)
}

/// Counts of points per cell, `counts[y][x]`, `y` from the bottom.
pub(crate) fn bin(points: impl IntoIterator<Item = (f64, f64)>) -> Vec<[u32; BINS]> {
    let mut counts = vec![[0u32; BINS]; BINS];
    for (x, y) in points {
        counts[cell_of(y)][cell_of(x)] += 1;
    }
    counts
}

/// The ranges of counts of each shade, `(from, to)` inclusive, for counts up to `max`:
/// at most as many as the shades, covering 1..=max, each ending at a power of `max`
/// (`max^(i/5)`, rounded up): counts of a region's cells run from 1 to thousands, and
/// equal ranges left almost every cell in the lightest shade. Integer arithmetic only,
/// so every platform draws the same shades.
pub(crate) fn classes(max: u32) -> Vec<(u32, u32)> {
    let n = SHADES.len() as u32;
    let mut out = Vec::new();
    let mut from = 1;
    for i in 1..=n {
        if from > max {
            break;
        }
        let to = root_ceil(u128::from(max).pow(i), n).max(u128::from(from));
        let to = u32::try_from(to).unwrap_or(max).min(max);
        out.push((from, to));
        from = to + 1;
    }
    out
}

/// The smallest `t` with `t^n >= value`.
fn root_ceil(value: u128, n: u32) -> u128 {
    let (mut lo, mut hi) = (0u128, 1u128 << (128 / n).min(64));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if mid.checked_pow(n).is_some_and(|p| p >= value) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// The shade of a cell's count (`None` for an empty cell).
pub(crate) fn shade_of(count: u32, classes: &[(u32, u32)]) -> Option<usize> {
    (count > 0).then(|| {
        classes
            .iter()
            .position(|&(_, to)| count <= to)
            .unwrap_or(classes.len().saturating_sub(1))
    })
}

/// «1–4 группы» for a legend.
pub(crate) fn class_label((from, to): (u32, u32)) -> String {
    let noun = crate::numbers::plural(to as usize, "группа", "группы", "групп");
    if from == to {
        format!("{to} {noun}")
    } else {
        format!("{from}–{to} {noun}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_points_into_cells_of_five_points_with_edges_clamped() {
        let counts = bin([
            (0.0, 0.0),
            (4.99, 0.0),
            (5.0, 0.0),
            (100.0, 100.0),
            (-3.0, 140.0),
        ]);
        assert_eq!(counts[0][0], 2);
        assert_eq!(counts[0][1], 1);
        assert_eq!(counts[BINS - 1][BINS - 1], 1);
        assert_eq!(counts[BINS - 1][0], 1);
        let total: u32 = counts.iter().flatten().sum();
        assert_eq!(total, 5);
    }

    #[test]
    fn reads_a_missing_value_as_the_first_cell() {
        assert_eq!(cell_of(f64::NAN), 0);
    }

    #[test]
    fn classes_cover_every_count_once() {
        assert_eq!(classes(0), Vec::new());
        assert_eq!(classes(1), vec![(1, 1)]);
        assert_eq!(classes(3), vec![(1, 2), (3, 3)]);
        assert_eq!(classes(32), vec![(1, 2), (3, 4), (5, 8), (9, 16), (17, 32)]);
        assert_eq!(
            classes(2979),
            vec![(1, 5), (6, 25), (26, 122), (123, 602), (603, 2979)]
        );
        for max in 1..3000 {
            let c = classes(max);
            assert_eq!(c[0].0, 1);
            assert_eq!(c[c.len() - 1].1, max);
            for pair in c.windows(2) {
                assert_eq!(pair[0].1 + 1, pair[1].0);
            }
        }
    }

    #[test]
    fn shades_a_count_by_its_class() {
        let c = classes(32);
        assert_eq!(shade_of(0, &c), None);
        assert_eq!(shade_of(1, &c), Some(0));
        assert_eq!(shade_of(6, &c), Some(2));
        assert_eq!(shade_of(32, &c), Some(4));
    }

    #[test]
    fn labels_a_class_with_the_right_plural() {
        assert_eq!(class_label((1, 1)), "1 группа");
        assert_eq!(class_label((1, 4)), "1–4 группы");
        assert_eq!(class_label((5, 25)), "5–25 групп");
    }
}
