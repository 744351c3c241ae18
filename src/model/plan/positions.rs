//! Places in a plan file: serde_yaml gives parsed values no position, so the line
//! and column of a key or of its value are found in the text, from the line of the
//! item or section they belong to.

/// Line and column (1-based) of the first `key:` at or after `from_line`, flow maps
/// (`approved: {number: "1", date: …}`) included; `from_line` itself when not found.
pub(super) fn key_position(text: &str, from_line: usize, key: &str) -> (usize, usize) {
    let pattern = format!("{key}:");
    text.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find_map(|(i, line)| {
            line.match_indices(&pattern)
                .find(|(at, _)| {
                    line[..*at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| c == ' ' || c == '{' || c == ',')
                })
                .map(|(at, _)| (i + 1, line[..at].chars().count() + 1))
        })
        .unwrap_or((from_line, 1))
}

/// Line and column of the value of the first `key:` at or after `from_line`.
pub(super) fn value_position(text: &str, from_line: usize, key: &str) -> (usize, usize) {
    let (line, column) = key_position(text, from_line, key);
    let after = text
        .lines()
        .nth(line - 1)
        .map(|l| l.chars().skip(column - 1 + key.chars().count() + 1))
        .map_or(0, |rest| rest.take_while(|c| *c == ' ').count());
    (line, column + key.chars().count() + 1 + after)
}

/// Line and column of the value of a section's own `key:` (at the indentation of
/// its `title:`, not one of its items'), searched from the section's title line.
pub(super) fn section_value_position(
    text: &str,
    title_line: usize,
    key: &str,
) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let title = lines.get(title_line.checked_sub(1)?)?;
    let indent = title.find("title:")?;
    let pattern = format!("{key}:");
    for (i, line) in lines.iter().enumerate().skip(title_line) {
        let own = line.chars().take_while(|c| *c == ' ').count();
        if !line.trim().is_empty() && own < indent && !line[own..].starts_with("- ") {
            return None;
        }
        if own < indent && line[own..].starts_with("- ") {
            return None;
        }
        if own == indent && line[own..].starts_with(&pattern) {
            return Some(value_position(text, i + 1, key));
        }
    }
    None
}
