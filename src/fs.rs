//! All file reading goes through here, so every I/O problem names its file.

use crate::tr;
use std::fs;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Kind};

/// Reads a UTF-8 text file: strips a BOM (Windows editors add one) and turns CRLF
/// into LF (lines and columns stay the same). `shown` is the path printed to the user.
pub(crate) fn read_text(path: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error(
            shown,
            tr!(
                "не удалось прочитать файл: {e}",
                "could not read the file: {e}"
            ),
        )
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
