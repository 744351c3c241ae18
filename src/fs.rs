//! All file reading goes through here, so every I/O problem names its file, and every
//! text file is read the same way whatever encoding Windows saved it in (`encoding`).

pub(crate) mod encoding;

use crate::tr;
use std::fs;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Message};

/// The largest source text read (YAML, CSV, Markdown): a municipality's data is a
/// few hundred kilobytes; a file of many megabytes is an export gone wrong, and
/// reading it would take minutes before saying so.
pub(crate) const MAX_TEXT_BYTES: u64 = 10 * 1024 * 1024;

/// A file's text and, when it was not saved as UTF-8, the warning that says so.
#[derive(Debug)]
pub(crate) struct Text {
    /// The text as UTF-8, without a BOM, with LF line ends.
    pub(crate) text: String,
    /// «файл сохранён в кодировке Windows-1251…»: read, but worth saving as UTF-8.
    pub(crate) warning: Option<Diagnostic>,
}

/// Reads a text file: UTF-8, or what Windows saves (Windows-1251, UTF-16 with a BOM;
/// see [`encoding`]), with a warning naming the encoding. Strips a BOM (Windows
/// editors add one) and turns CRLF into LF (lines and columns stay the same).
/// `shown` is the path printed to the user.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<Text, Diagnostic> {
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
    let decoded = encoding::decode(&bytes)
        .map_err(|at| {
            if at.cut {
                Diagnostic::error(
                    shown,
                    tr!(
                        "файл обрывается посреди символа: он в кодировке UTF-8, но его конец отрезан (при копировании или сохранении)",
                        "the file ends in the middle of a character: it is UTF-8, but its end is cut off (while copying or saving)"
                    ),
                )
                .hint(tr!(
                    "откройте файл и проверьте его конец; скопируйте или сохраните файл заново из исходного",
                    "open the file and check its end; copy or save the file again from the original"
                ))
            } else {
                Diagnostic::error(shown, Message::not_utf8())
            }
            .at(at.line, at.column)
        })?;
    let warning = decoded
        .other_encoding
        .map(|name| Diagnostic::warning(shown, Message::other_encoding(name)));
    let text = decoded.text;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    };
    Ok(Text { text, warning })
}

/// [`read_text`] for a loader that collects problems: the warning or the error goes
/// to `diagnostics`, the text (if any) comes back.
pub(crate) fn read_text_to(
    path: &Path,
    shown: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    match read_text(path, shown) {
        Ok(Text { text, warning }) => {
            diagnostics.extend(warning);
            Some(text)
        }
        Err(error) => {
            diagnostics.push(error);
            None
        }
    }
}

/// The text of a file for showing its lines in messages: any accepted encoding,
/// nothing reported.
pub fn source_text(path: &Path) -> Option<String> {
    read_text(path, path).ok().map(|t| t.text)
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
            d.message.ru,
            "файл слишком большой (11 МБ): msoko читает файлы данных и страниц до 10 МБ"
        );
    }

    #[test]
    fn strips_bom_and_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "\u{feff}a\r\nb\r\n").unwrap();
        let text = read_text(&path, Path::new("a.md")).unwrap();
        assert_eq!(text.text, "a\nb\n");
        assert!(text.warning.is_none());
    }

    #[test]
    fn reads_windows_1251_with_a_warning_naming_file_and_encoding() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        fs::write(&path, b"ok\r\n\xcf\xf0\xe8\r\n").unwrap(); // «При» in Windows-1251
        let text = read_text(&path, Path::new("data/a.csv")).unwrap();
        assert_eq!(text.text, "ok\nПри\n");
        let warning = text.warning.unwrap();
        assert!(!warning.is_error());
        assert_eq!(warning.file, Path::new("data/a.csv"));
        assert!(
            warning.message.ru.contains("Windows-1251"),
            "{}",
            warning.message
        );
    }

    #[test]
    fn reads_utf16_with_crlf() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.csv");
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("a\tб\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        fs::write(&path, bytes).unwrap();
        let text = read_text(&path, Path::new("a.csv")).unwrap();
        assert_eq!(text.text, "a\tб\n");
        assert!(text.warning.unwrap().message.ru.contains("UTF-16"));
    }

    #[test]
    fn explains_an_encoding_it_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, b"ok\n\x8f\xe0\xa8").unwrap(); // «При» in DOS 866
        let d = read_text(&path, Path::new("a.md")).unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(1)));
        assert!(d.hint.unwrap().ru.contains("UTF-8"));
    }
}
