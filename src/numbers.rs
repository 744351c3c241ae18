//! Numbers the Russian way: decimal comma, thin no-break space between thousands,
//! a no-break space before the unit («12,5 %», «1 234 чел.»).

/// Narrow no-break space: groups thousands and never breaks a number across lines.
pub(crate) const THOUSANDS: char = '\u{202f}';
/// No-break space between a number and its unit.
pub(crate) const BEFORE_UNIT: char = '\u{a0}';

/// `1234.5` with 1 decimal -> «1 234,5» (narrow no-break space).
pub(crate) fn format_number(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::new();
    // Four-digit numbers are not grouped in Russian typography (2025, 1234).
    let group = whole.len() > 4;
    for (i, digit) in whole.chars().enumerate() {
        if group && i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(THOUSANDS);
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&grouped);
    if let Some(fraction) = fraction {
        out.push(',');
        out.push_str(fraction);
    }
    out
}

/// A number with its unit: «12,5 %», «3,8 балла» stays «3,8 балл» (units are written
/// as the data gives them).
pub(crate) fn format_value(value: f64, decimals: usize, unit: &str) -> String {
    let number = format_number(value, decimals);
    if unit.is_empty() {
        return number;
    }
    // Abbreviations («чел.», «ед.», «%») do not change; «балл» agrees with the number:
    // 1 балл, 2 балла, 5 баллов, and «балла» after any fraction (70,1 балла); so does
    // «школ» (a count of schools): 1 школа, 2 школы, 5 школ.
    let whole = || digits_of(&number);
    let unit = match unit {
        "школ" => plural(whole(), "школа", "школы", "школ"),
        "балл" if number.contains(',') => "балла",
        "балл" => plural(whole(), "балл", "балла", "баллов"),
        other => other,
    };
    format!("{number}{BEFORE_UNIT}{unit}")
}

/// The whole number a formatted value shows («1 234» -> 1234), for agreeing a noun
/// with it; fractions are handled by the callers before.
fn digits_of(number: &str) -> usize {
    number
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

/// A number with its unit in the genitive, as after «с», «до», «от», «из»:
/// «с 0 школ до 1 школы», «до 2 школ», «от 1 балла до 5 баллов», «до 70,1 балла».
/// Units that do not change («%», «чел.») are written as in [`format_value`].
pub(crate) fn format_value_genitive(value: f64, decimals: usize, unit: &str) -> String {
    let number = format_number(value, decimals);
    let whole = || digits_of(&number);
    // The genitive has two forms: singular after 1, 21, 31… (not 11), plural otherwise.
    let unit = match unit {
        "школ" => plural(whole(), "школы", "школ", "школ"),
        "балл" if number.contains(',') => "балла",
        "балл" => plural(whole(), "балла", "баллов", "баллов"),
        _ => return format_value(value, decimals, unit),
    };
    format!("{number}{BEFORE_UNIT}{unit}")
}

/// A change with its sign: «+1,2», «−0,4», «0,0».
pub(crate) fn format_change(delta: f64, decimals: usize) -> String {
    let number = format_number(delta, decimals);
    if delta > 0.0 && number.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{number}")
    } else {
        number
    }
}

/// A change with its sign and unit: «+2,5 балла», «−0,8 п.п.» (a change of a
/// percentage is in percentage points).
pub(crate) fn format_change_value(delta: f64, decimals: usize, unit: &str) -> String {
    let unit = if unit == "%" { "п.п." } else { unit };
    let bare = format_number(delta.abs(), decimals);
    let with_unit = format_value(delta.abs(), decimals, unit);
    format!(
        "{}{}",
        format_change(delta, decimals),
        &with_unit[bare.len()..]
    )
}

/// The Russian word form for a count: `plural(n, "показатель", "показателя", "показателей")`
/// — 1, 21 показатель; 2–4, 22 показателя; 5–20, 25 показателей.
pub(crate) fn plural<'a>(n: usize, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (1, m) if m != 11 => one,
        (2..=4, m) if !(12..=14).contains(&m) => few,
        _ => many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_decimal_comma_and_thin_space() {
        assert_eq!(format_number(12.5, 1), "12,5");
        assert_eq!(format_number(1234.0, 0), "1234");
        assert_eq!(format_number(12345.67, 1), "12\u{202f}345,7");
        assert_eq!(format_number(1234567.0, 0), "1\u{202f}234\u{202f}567");
        assert_eq!(format_number(-3.26, 1), "−3,3");
        assert_eq!(format_number(-0.01, 1), "0,0");
    }

    #[test]
    fn puts_a_no_break_space_before_the_unit() {
        assert_eq!(format_value(12.5, 1, "%"), "12,5\u{a0}%");
        assert_eq!(format_value(7.0, 0, ""), "7");
        assert_eq!(format_value(70.1, 1, "балл"), "70,1\u{a0}балла");
        assert_eq!(format_value(65.0, 0, "балл"), "65\u{a0}баллов");
        assert_eq!(format_value(71.0, 0, "балл"), "71\u{a0}балл");
        assert_eq!(format_value(1.0, 0, "школ"), "1\u{a0}школа");
        assert_eq!(format_value(3.0, 0, "школ"), "3\u{a0}школы");
        assert_eq!(format_value(11.0, 0, "школ"), "11\u{a0}школ");
    }

    #[test]
    fn agrees_counts_of_schools_in_the_nominative_and_the_genitive() {
        let counts = [0.0, 1.0, 2.0, 5.0, 11.0, 21.0, 22.0, 25.0];
        let nominative: Vec<String> = counts.iter().map(|&n| format_value(n, 0, "школ")).collect();
        let genitive: Vec<String> = counts
            .iter()
            .map(|&n| format_value_genitive(n, 0, "школ"))
            .collect();
        let nbsp = |words: [&str; 8]| -> Vec<String> {
            words.iter().map(|w| w.replace(' ', "\u{a0}")).collect()
        };
        assert_eq!(
            nominative,
            nbsp([
                "0 школ",
                "1 школа",
                "2 школы",
                "5 школ",
                "11 школ",
                "21 школа",
                "22 школы",
                "25 школ"
            ])
        );
        assert_eq!(
            genitive,
            nbsp([
                "0 школ",
                "1 школы",
                "2 школ",
                "5 школ",
                "11 школ",
                "21 школы",
                "22 школ",
                "25 школ"
            ])
        );
        assert_eq!(format_value_genitive(1.0, 0, "балл"), "1\u{a0}балла");
        assert_eq!(format_value_genitive(5.0, 0, "балл"), "5\u{a0}баллов");
        assert_eq!(format_value_genitive(70.1, 1, "балл"), "70,1\u{a0}балла");
        assert_eq!(format_value_genitive(8.3, 1, "%"), "8,3\u{a0}%");
    }

    #[test]
    fn chooses_the_word_form_for_a_count() {
        let form = |n| plural(n, "пункт", "пункта", "пунктов");
        assert_eq!(
            [
                form(1),
                form(2),
                form(5),
                form(11),
                form(21),
                form(22),
                form(112)
            ],
            [
                "пункт",
                "пункта",
                "пунктов",
                "пунктов",
                "пункт",
                "пункта",
                "пунктов"
            ]
        );
    }

    #[test]
    fn writes_changes_with_their_unit() {
        assert_eq!(format_change_value(-0.8, 1, "%"), "−0,8\u{a0}п.п.");
        assert_eq!(format_change_value(2.5, 1, "балл"), "+2,5\u{a0}балла");
        assert_eq!(format_change_value(3.0, 0, "чел."), "+3\u{a0}чел.");
    }

    #[test]
    fn signs_changes() {
        assert_eq!(format_change(1.24, 1), "+1,2");
        assert_eq!(format_change(-0.4, 1), "−0,4");
        assert_eq!(format_change(0.0, 1), "0,0");
    }
}
