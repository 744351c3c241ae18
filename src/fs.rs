//! All file reading goes through here, so every I/O problem names its file, and every
//! text file is read the same way whatever encoding Windows saved it in (`encoding`).

pub(crate) mod encoding;

use crate::tr;
use std::fs;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics, Kind};

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
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error(
            shown,
            tr!(
                "не удалось прочитать файл: {e}",
                "could not read the file: {e}"
            ),
        )
    })?;
    let decoded = encoding::decode(&bytes)
        .map_err(|at| Diagnostic::error(shown, Kind::NotUtf8).at(at.line, at.column))?;
    let warning = decoded.other_encoding.map(|name| {
        Diagnostic::warning(
            shown,
            Kind::OtherEncoding {
                encoding: name.to_string(),
            },
        )
    });
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
            warning.message.contains("Windows-1251"),
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
        assert!(text.warning.unwrap().message.contains("UTF-16"));
    }

    #[test]
    fn explains_an_encoding_it_cannot_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, b"ok\n\x8f\xe0\xa8").unwrap(); // «При» in DOS 866
        let d = read_text(&path, Path::new("a.md")).unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(1)));
        assert!(d.hint.unwrap().contains("UTF-8"));
    }
}
