//! CSV files are opened in Excel: a cell must not become a formula there.
//!
//! A clerk's `result: "=HYPERLINK(\"http://…\";\"Отчёт\")"` or an organisation's
//! `head: "=1+2"` would be run by a spreadsheet that opens the plan or the open-data
//! set (CSV injection). Every CSV the site generates passes through [`neutralise_csv`]
//! once, at the end of rendering, so no writer can forget it. As OWASP recommends, a
//! cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets an
//! apostrophe in front, which spreadsheets read as "text, do not evaluate" and do not
//! show. Two kinds of cell are left as written because they cannot call anything and
//! the apostrophe would only get in the way of readers and programs: a number
//! (`-5`, `-0.25`, the values of `number` columns) and a phone number (`+7 (000)
//! 123-45-67`: digits, spaces, brackets and hyphens after the plus). Files a site
//! publishes as attachments are copied as they are.

use std::borrow::Cow;

/// What the open-data structure files say about text columns (Russian, English).
pub(crate) const NOTE_RU: &str = "; значение, которое начинается с =, +, -, @, табуляции или возврата каретки, записано с апострофом (') в начале, чтобы электронная таблица не выполнила его как формулу";
pub(crate) const NOTE_EN: &str = "; a value starting with =, +, -, @, a tab or a carriage return is written with an apostrophe (') in front so that a spreadsheet does not run it as a formula";

/// A cell as it is safe to publish.
pub(crate) fn neutralise(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    // A lone «-» (nothing to say) is no formula.
    if !risky || cell == "-" || is_number(cell) || is_phone(cell) {
        Cow::Borrowed(cell)
    } else {
        Cow::Owned(format!("'{cell}"))
    }
}

/// `-5`, `-0.25`, `-1,5`, `+3`: a number, written the way our writers write them.
fn is_number(cell: &str) -> bool {
    let body = &cell[1..];
    !body.is_empty()
        && body.chars().next().is_some_and(|c| c.is_ascii_digit())
        && body.replacen(',', ".", 1).parse::<f64>().is_ok()
}

/// `+7 (000) 123-45-67`: a plus, then only digits, spaces, brackets and hyphens, at
/// least five digits.
fn is_phone(cell: &str) -> bool {
    let Some(rest) = cell.strip_prefix('+') else {
        return false;
    };
    rest.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '(' | ')' | '-'))
        && rest.chars().filter(char::is_ascii_digit).count() >= 5
}

/// The same CSV with every cell neutralised; the bytes are unchanged when no cell
/// needed it (the quoting and line ends of our writers are kept).
pub(crate) fn neutralise_csv(bytes: Vec<u8>) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let records: Result<Vec<csv::StringRecord>, _> = reader.records().collect();
    let Ok(records) = records else {
        return bytes;
    };
    let needs = records.iter().any(|r| {
        r.iter()
            .any(|cell| matches!(neutralise(cell), Cow::Owned(_)))
    });
    if !needs {
        return bytes;
    }
    let terminator = if bytes.windows(2).any(|w| w == b"\r\n") {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut writer = csv::WriterBuilder::new()
        .terminator(terminator)
        .flexible(true)
        .from_writer(Vec::new());
    for record in &records {
        // Writing to memory cannot fail.
        let _ = writer.write_record(record.iter().map(neutralise).map(|c| c.into_owned()));
    }
    writer.into_inner().unwrap_or(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_formulas_and_leaves_numbers_phones_and_text() {
        for (cell, published) in [
            (
                "=HYPERLINK(\"http://x\";\"Отчёт\")",
                "'=HYPERLINK(\"http://x\";\"Отчёт\")",
            ),
            ("=1+2", "'=1+2"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-1+2", "'-1+2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\r=1", "'\r=1"),
            ("-", "-"),
            ("--", "'--"),
            ("-5", "-5"),
            ("-0.25", "-0.25"),
            ("-1,5", "-1,5"),
            ("+7 (00000) 1-23-47", "+7 (00000) 1-23-47"),
            ("Положение утверждено", "Положение утверждено"),
            ("", ""),
        ] {
            assert_eq!(neutralise(cell), published, "{cell:?}");
        }
    }

    #[test]
    fn rewrites_only_a_file_that_needs_it() {
        let clean = b"no,title\r\n1,\"a, b\"\r\n2,-5\r\n".to_vec();
        assert_eq!(neutralise_csv(clean.clone()), clean);
        let dirty = b"no,result\r\n1,=1+2\r\n2,\"=HYPERLINK(\"\"x\"\")\"\r\n".to_vec();
        assert_eq!(
            String::from_utf8(neutralise_csv(dirty)).unwrap(),
            "no,result\r\n1,'=1+2\r\n2,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
    }
}
