//! Which encoding a text file was saved in, and its text as UTF-8.
//!
//! msoko's files are UTF-8, but a department's office computer saves what Windows
//! saves: Excel on a Russian Windows writes «CSV (разделители — запятые)» in
//! Windows-1251 and «Юникод-текст» in UTF-16 with a byte-order mark; old Notepad
//! writes Windows-1251 («ANSI»). The clerk cannot see an encoding, let alone change
//! it, so such files are read (the caller warns, naming the file and the encoding)
//! instead of rejected.
//!
//! Detection is deliberately narrow. A BOM decides (UTF-8, UTF-16 LE/BE); text that
//! is valid UTF-8 is UTF-8; otherwise the file is taken as Windows-1251 only when
//! every byte above 127 is a Russian letter or the typography a Russian text uses
//! («», №, —, …) in that encoding. Anything else (KOI8-R from an old mail, DOS 866,
//! binary junk) stays an error at the first bad byte: a wrong guess would publish
//! garbled names, which is worse than asking for the file again.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1251};

/// A file's text and, when it was not UTF-8, the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The text, without a byte-order mark; line endings as in the file.
    pub(crate) text: String,
    /// `Some("Windows-1251")`, `Some("UTF-16")`; `None` for UTF-8.
    pub(crate) other_encoding: Option<&'static str>,
}

/// Where the first byte that is neither UTF-8 nor readable Windows-1251 sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotText {
    /// 1-based line.
    pub(crate) line: usize,
    /// 1-based column, in characters.
    pub(crate) column: usize,
    /// The file is UTF-8 but ends in the middle of a character (cut off while
    /// copying or saving), rather than being in another encoding.
    pub(crate) cut: bool,
}

/// Decodes a file's bytes (see the module documentation for what is accepted).
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        if encoding == UTF_16LE || encoding == UTF_16BE {
            let (text, _) = encoding.decode_without_bom_handling(body);
            return Ok(Decoded {
                text: text.into_owned(),
                other_encoding: Some("UTF-16"),
            });
        }
        debug_assert_eq!(encoding, UTF_8);
        return utf8(body);
    }
    utf8(bytes).or_else(|not_utf8| {
        if !not_utf8.cut && is_russian_windows_1251(bytes) {
            let (text, _) = WINDOWS_1251.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                other_encoding: Some("Windows-1251"),
            })
        } else {
            Err(not_utf8)
        }
    })
}

fn utf8(bytes: &[u8]) -> Result<Decoded, NotText> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_string(),
            other_encoding: None,
        }),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = crate::diagnostic::line_column(valid, valid.len());
            // Nothing but the end after the bad byte, and Russian letters in UTF-8
            // before it: a UTF-8 file cut off, not another encoding.
            let cut = e.error_len().is_none() && !valid.is_ascii();
            Err(NotText { line, column, cut })
        }
    }
}

/// True when every byte above 127 is, in Windows-1251, a Russian letter or Russian
/// typography, and there is at least one letter.
fn is_russian_windows_1251(bytes: &[u8]) -> bool {
    // Ё ё № « » – — … “ ” „ ‘ ’ no-break space ° § ± •
    const TYPOGRAPHY: &[u8] = &[
        0xA8, 0xB8, 0xB9, 0xAB, 0xBB, 0x96, 0x97, 0x85, 0x93, 0x94, 0x84, 0x91, 0x92, 0xA0, 0xB0,
        0xA7, 0xB1, 0x95,
    ];
    let mut letters = 0;
    for &b in bytes.iter().filter(|&&b| b >= 0x80) {
        if b >= 0xC0 || b == 0xA8 || b == 0xB8 {
            letters += 1;
        } else if !TYPOGRAPHY.contains(&b) {
            return false;
        }
    }
    letters > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows_1251(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = WINDOWS_1251.encode(text);
        assert!(!unmappable);
        bytes.into_owned()
    }

    fn utf16le_with_bom(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn reads_utf8_as_is() {
        let decoded = decode("год;школа\r\n2025;СОШ № 1\r\n".as_bytes()).unwrap();
        assert_eq!(decoded.text, "год;школа\r\n2025;СОШ № 1\r\n");
        assert_eq!(decoded.other_encoding, None);
    }

    #[test]
    fn strips_a_utf8_bom_without_a_note() {
        let decoded = decode("\u{feff}title: Приказ\n".as_bytes()).unwrap();
        assert_eq!(decoded.text, "title: Приказ\n");
        assert_eq!(decoded.other_encoding, None);
    }

    #[test]
    fn reads_windows_1251_as_russian_excel_saves_it() {
        let text =
            "org;subject;mean\r\nsosh-1;русский язык;4,2\r\nsosh-2;«Ёлочка» № 5 — ДОУ;3,9\r\n";
        let decoded = decode(&windows_1251(text)).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.other_encoding, Some("Windows-1251"));
    }

    #[test]
    fn reads_capital_letters_only_windows_1251() {
        let decoded = decode(&windows_1251("МБОУ СОШ\n")).unwrap();
        assert_eq!(decoded.text, "МБОУ СОШ\n");
    }

    #[test]
    fn reads_utf16_unicode_text_from_excel() {
        // Excel's «Юникод-текст»: UTF-16 LE with a BOM, tab-separated, CRLF.
        let text = "org\tsubject\r\nsosh-1\tрусский язык\r\n";
        let decoded = decode(&utf16le_with_bom(text)).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.other_encoding, Some("UTF-16"));
    }

    #[test]
    fn reads_big_endian_utf16() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("ок\n".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&bytes).unwrap().text, "ок\n");
    }

    #[test]
    fn rejects_dos_866_at_the_first_bad_byte() {
        // «При» in DOS code page 866: 0x8F is no Russian letter in Windows-1251.
        let error = decode(b"ok\nab\x8f\xe0\xa8").unwrap_err();
        assert_eq!(
            error,
            NotText {
                line: 2,
                column: 3,
                cut: false
            }
        );
    }

    #[test]
    fn tells_a_utf8_file_cut_inside_a_character() {
        let mut bytes = "Ок\nПлан".as_bytes().to_vec();
        bytes.pop();
        let error = decode(&bytes).unwrap_err();
        assert_eq!(
            error,
            NotText {
                line: 2,
                column: 4,
                cut: true
            }
        );
        // A Windows-1251 file ending in «Я» is still read as Windows-1251.
        assert!(decode(b"ok \xdf").is_ok());
    }

    #[test]
    fn rejects_bytes_with_no_letter() {
        assert!(decode(b"a\xab\xbb").is_err());
    }
}
