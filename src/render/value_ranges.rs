//! Values counted by ranges (issue 22): a comparison of more organisations than a
//! chart can show one by one (a region's 1,000 schools made a 2 MB bar chart) is drawn
//! as the number of organisations in each of ten equal ranges of the values, from the
//! lowest to the highest. Every organisation stays a row of the table under the chart.
//! A leaf: pure numbers, no page or chart imported.

/// How many ranges the values are cut into.
pub(crate) const RANGES: usize = 10;

/// `(from, to, count)` of each range, lowest first; the last range includes its upper
/// end. Values that are not numbers are left out; equal values make one range.
pub(crate) fn value_ranges(values: &[f64]) -> Vec<(f64, f64, usize)> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let Some(lo) = finite.iter().copied().reduce(f64::min) else {
        return Vec::new();
    };
    let hi = finite.iter().copied().fold(lo, f64::max);
    if hi <= lo {
        return vec![(lo, hi, finite.len())];
    }
    let width = (hi - lo) / RANGES as f64;
    let mut counts = [0usize; RANGES];
    for v in &finite {
        counts[(((v - lo) / width) as usize).min(RANGES - 1)] += 1;
    }
    (0..RANGES)
        .map(|i| {
            let to = if i + 1 == RANGES {
                hi
            } else {
                lo + width * (i + 1) as f64
            };
            (lo + width * i as f64, to, counts[i])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_value_once_in_ten_equal_ranges() {
        let values: Vec<f64> = (0..=100).map(f64::from).chain([f64::NAN]).collect();
        let ranges = value_ranges(&values);
        assert_eq!(ranges.len(), RANGES);
        assert_eq!(ranges[0], (0.0, 10.0, 10));
        assert_eq!(ranges[9], (90.0, 100.0, 11));
        assert_eq!(ranges.iter().map(|r| r.2).sum::<usize>(), 101);
    }

    #[test]
    fn makes_one_range_of_equal_values_and_none_of_nothing() {
        assert_eq!(value_ranges(&[5.0, 5.0]), vec![(5.0, 5.0, 2)]);
        assert_eq!(value_ranges(&[f64::NAN]), Vec::new());
    }
}
