//! Reads the tables of a Word document (`.docx`): the zip's `word/document.xml`,
//! read with quick-xml.
//!
//! What it keeps: each body table (`w:tbl`) with its rows (`w:tr`) and cells
//! (`w:tc`), a cell's columns (`w:gridSpan`) and vertical merges (`w:vMerge`), the
//! paragraphs of a cell (`w:p`) with their list formatting (`w:numPr`, a «Список»
//! style), and the paragraphs of the body before each table. Line breaks (`w:br`)
//! split a paragraph; tabs are spaces. What it drops: formatting, deleted text of
//! tracked changes (`w:delText`), pictures, footnotes. A table inside a cell gives
//! its text to that cell.
//!
//! No external program (Word, LibreOffice) is needed; a `.doc` of Word 97–2003 is
//! a different, binary format and is refused by the caller with a hint.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::table::{Cell, Paragraph, Table};

/// Why a `.docx` could not be read (shown with the file's name by the caller).
#[derive(Debug)]
pub(crate) struct DocxError(pub(crate) String);

/// The tables of the document, in order.
pub(crate) fn read_docx(bytes: &[u8]) -> Result<Vec<Table>, DocxError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| DocxError(format!("не архив Office Open XML ({e})")))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| DocxError("в архиве нет word/document.xml".into()))?
        .read_to_string(&mut xml)
        .map_err(|e| DocxError(format!("word/document.xml не читается ({e})")))?;
    parse_document(&xml)
}

/// Where the reader is in the document.
#[derive(Default)]
struct State {
    tables: Vec<Table>,
    /// Body paragraphs so far.
    before: Vec<String>,
    /// Nesting of `w:tbl`: 1 in a body table, 2+ inside a cell's table.
    depth: usize,
    table: Table,
    row: Vec<Cell>,
    cell: Cell,
    /// The paragraph being read: text and list formatting.
    text: String,
    listed: bool,
    in_text: bool,
}

fn parse_document(xml: &str) -> Result<Vec<Table>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut state = State::default();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| DocxError(format!("word/document.xml повреждён ({e})")))?;
        match event {
            Event::Start(tag) => state.start(&tag, false),
            Event::Empty(tag) => state.start(&tag, true),
            Event::End(tag) => state.end(tag.local_name().as_ref()),
            Event::Text(text) if state.in_text => {
                state.text.push_str(&text.decode().unwrap_or_default());
            }
            Event::GeneralRef(reference) if state.in_text => {
                if let Ok(Some(c)) = reference.resolve_char_ref() {
                    state.text.push(c);
                } else if let Ok(name) = reference.decode() {
                    let resolved = quick_xml::escape::resolve_xml_entity(&name).unwrap_or("");
                    state.text.push_str(resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(state.tables)
}

impl State {
    fn start(&mut self, tag: &BytesStart<'_>, empty: bool) {
        match tag.local_name().as_ref() {
            b"tbl" => {
                self.depth += 1;
                if self.depth == 1 {
                    self.table = Table {
                        // All the body text so far: a title may stand above a small
                        // table of signatures, not only right above the plan.
                        before: self.before.clone(),
                        name: format!("таблица {}", self.tables.len() + 1),
                        ..Table::default()
                    };
                }
            }
            b"tr" if self.depth == 1 => self.row.clear(),
            b"tc" if self.depth == 1 => {
                self.cell = Cell {
                    span: 1,
                    ..Cell::default()
                };
            }
            b"gridSpan" if self.depth == 1 => {
                if let Some(n) = attribute(tag, b"val").and_then(|v| v.parse().ok()) {
                    self.cell.span = n;
                }
            }
            // `<w:vMerge/>` or `w:val="continue"` continues the cell above;
            // `w:val="restart"` starts a merged cell and keeps its text.
            b"vMerge" if self.depth == 1 => {
                self.cell.continued = attribute(tag, b"val").is_none_or(|v| v == "continue");
            }
            b"p" => {
                self.text.clear();
                self.listed = false;
            }
            b"numPr" => self.listed = true,
            b"pStyle" => {
                let style = attribute(tag, b"val").unwrap_or_default().to_lowercase();
                if style.contains("list") || style.contains("спис") {
                    self.listed = true;
                }
            }
            b"t" if !empty => self.in_text = true,
            // A run's tab; a tab stop of the paragraph's properties adds a space
            // too, which cleaning removes.
            b"tab" => self.text.push(' '),
            b"br" | b"cr" => self.text.push('\n'),
            b"noBreakHyphen" => self.text.push('-'),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"t" => self.in_text = false,
            b"p" => self.end_paragraph(),
            b"tc" if self.depth == 1 => {
                let cell = std::mem::take(&mut self.cell);
                self.row.push(cell);
            }
            b"tr" if self.depth == 1 => {
                let row = std::mem::take(&mut self.row);
                self.table.rows.push(row);
            }
            b"tbl" => {
                if self.depth == 1 {
                    self.tables.push(std::mem::take(&mut self.table));
                }
                self.depth = self.depth.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.text);
        let listed = std::mem::take(&mut self.listed);
        let mut paragraphs: Vec<Paragraph> = text
            .split('\n')
            .filter(|line| !line.trim().is_empty())
            .map(Paragraph::from_line)
            .collect();
        if listed {
            if let Some(first) = paragraphs.first_mut() {
                first.listed = true;
            }
        }
        if self.depth == 0 {
            let line = super::clean::clean_text(&text);
            if !line.is_empty() {
                self.before.push(line);
            }
        } else {
            self.cell.paragraphs.extend(paragraphs);
        }
    }
}

fn attribute(tag: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    tag.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{inner}</w:body></w:document>"#
        )
    }

    #[test]
    fn reads_paragraphs_before_a_table_and_its_cells() {
        let xml = body(
            r#"<w:p><w:r><w:t>План мероприятий</w:t></w:r></w:p>
            <w:tbl><w:tr>
              <w:tc><w:p><w:r><w:t>1.</w:t></w:r></w:p></w:tc>
              <w:tc><w:p><w:r><w:t xml:space="preserve">Мониторинг </w:t></w:r><w:r><w:t>&amp; анализ</w:t></w:r></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>ВПР;</w:t></w:r></w:p></w:tc>
            </w:tr><w:tr>
              <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Раздел</w:t></w:r></w:p></w:tc>
            </w:tr></w:tbl>"#,
        );
        let tables = parse_document(&xml).unwrap();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].before, ["План мероприятий"]);
        let cell = &tables[0].rows[0][1];
        assert_eq!(cell.paragraphs[0].text, "Мониторинг & анализ");
        assert!(!cell.paragraphs[0].listed);
        assert!(cell.paragraphs[1].listed);
        assert_eq!(tables[0].rows[1][0].span, 2);
    }

    #[test]
    fn marks_the_lower_part_of_a_vertical_merge() {
        let xml = body(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>ИМЦ</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
        );
        let tables = parse_document(&xml).unwrap();
        assert!(!tables[0].rows[0][0].continued);
        assert!(tables[0].rows[1][0].continued);
    }

    #[test]
    fn splits_a_paragraph_at_line_breaks() {
        let xml = body(
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Март-апрель 2022</w:t><w:br/><w:t>2023</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        let tables = parse_document(&xml).unwrap();
        let texts: Vec<&str> = tables[0].rows[0][0]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(texts, ["Март-апрель 2022", "2023"]);
    }

    #[test]
    fn refuses_what_is_not_a_zip() {
        assert!(read_docx(b"\xD0\xCF\x11\xE0 old word").is_err());
    }
}
