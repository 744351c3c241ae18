//! All file reading goes through here, so every I/O problem names its file.

use crate::tr;
use std::fs;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Kind};

/// The largest source text read (YAML, CSV, Markdown): a municipality's data is a
/// few hundred kilobytes; a file of many megabytes is an export gone wrong, and
/// reading it would take minutes before saying so.
pub(crate) const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a UTF-8 text file: strips a BOM (Windows editors add one) and turns CRLF
/// into LF (lines and columns stay the same). `shown` is the path printed to the user.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    if let Ok(meta) = fs::metadata(path) {
        if meta.len() > MAX_TEXT_BYTES {
            let mb = meta.len().div_ceil(1024 * 1024);
            let limit = MAX_TEXT_BYTES / (1024 * 1024);
            return Err(Diagnostic::error(
                shown,
                tr!(
                    "файл слишком большой ({mb} МБ): msoko читает файлы данных и страниц до {limit} МБ",
                    "the file is too large ({mb} MB): msoko reads data and page files up to {limit} MB"
                ),
            )
            .hint(tr!(
                "проверьте, что это нужный файл (не выгрузка целиком); большие таблицы разделите по годам, а документы кладите как вложения (PDF)",
                "check that it is the right file (not a whole export); split large tables by year, and put documents as attachments (PDF)"
            )));
        }
    }
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error(
            shown,
            tr!(
                "не удалось прочитать файл: {e}",
                "could not read the file: {e}"
            ),
        )
        .hint(tr!(
            "проверьте, что файл существует и открыт для чтения (права доступа, не заблокирован другой программой)",
            "check that the file exists and can be read (permissions, not locked by another program)"
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            crate::diagnostic::line_column(valid, valid.len())
        };
        Diagnostic::error(shown, Kind::NotUtf8).at(line, column)
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_file_over_the_limit_before_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.csv");
        let file = fs::File::create(&path).unwrap();
        file.set_len(MAX_TEXT_BYTES + 1).unwrap();
        let d = read_text(&path, Path::new("data/big.csv")).unwrap_err();
        assert_eq!(
            d.message,
            "файл слишком большой (11 МБ): msoko читает файлы данных и страниц до 10 МБ"
        );
    }

    #[test]
    fn strips_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "\u{feff}a\r\nb\r\n").unwrap();
        assert_eq!(read_text(&path, Path::new("a.md")).unwrap(), "a\nb\n");
    }

    #[test]
    fn explains_windows_1251() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, b"ok\n\xcf\xf0\xe8").unwrap(); // «При» in Windows-1251
        let d = read_text(&path, Path::new("a.md")).unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(1)));
        assert!(d.hint.unwrap().contains("UTF-8"));
    }
}
