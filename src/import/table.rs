//! What every importer reads a file into: the tables of a document (Word, Excel,
//! LibreOffice, CSV) as rows of cells, merged cells and paragraphs kept, with the
//! text that stood before each table (a Word order's title and approving act).
//!
//! The readers (`docx`, `sheet`) only copy what the file says; what a row means (a
//! header, a section, an item, a total) is decided by `plan` and `results`.

/// One paragraph of a cell, as written (cleaned later, when its role is known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Paragraph {
    pub(crate) text: String,
    /// A bulleted or numbered list paragraph (Word's list formatting, or a line that
    /// starts with «-», «–», «•»).
    pub(crate) listed: bool,
}

/// One cell of a row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    pub(crate) paragraphs: Vec<Paragraph>,
    /// How many grid columns the cell covers (Word's `gridSpan`, Excel's merged
    /// region); at least 1.
    pub(crate) span: usize,
    /// The lower part of a vertically merged cell: its text is the cell above's.
    pub(crate) continued: bool,
}

/// A table: its rows and the paragraphs of the document's body above it (all of
/// them, not only those since the previous table).
#[derive(Debug, Clone, Default)]
pub(crate) struct Table {
    pub(crate) before: Vec<String>,
    pub(crate) rows: Vec<Vec<Cell>>,
    /// A name for messages: «лист «План»», «таблица 2».
    pub(crate) name: String,
    /// The 1-based number of the first row in its file (a sheet may start lower);
    /// 0 means 1.
    pub(crate) first_row: usize,
}

/// A cell seen on the grid: its text and how many columns it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GridCell<'a> {
    pub(crate) cell: &'a Cell,
    /// Columns the cell covers (1 for a plain cell).
    pub(crate) width: usize,
}

impl Paragraph {
    /// A paragraph of plain text; a leading list mark makes it a list paragraph
    /// (the mark itself is dropped).
    pub(crate) fn from_line(line: &str) -> Paragraph {
        let trimmed = line.trim_start_matches(|c: char| c.is_whitespace());
        for mark in ["- ", "– ", "— ", "• ", "· ", "* ", "\u{F0B7}", "\u{F0A7}"] {
            if let Some(rest) = trimmed.strip_prefix(mark) {
                return Paragraph {
                    text: rest.to_string(),
                    listed: true,
                };
            }
        }
        Paragraph {
            text: line.to_string(),
            listed: false,
        }
    }
}

impl Cell {
    /// A one-column cell from text; each line is a paragraph.
    pub(crate) fn from_text(text: &str) -> Cell {
        Cell {
            paragraphs: text
                .split('\n')
                .filter(|line| !line.trim().is_empty())
                .map(Paragraph::from_line)
                .collect(),
            span: 1,
            continued: false,
        }
    }

    /// The paragraphs' text joined with spaces, cleaned: for matching headers and
    /// names, and for cells of one line.
    pub(crate) fn plain(&self) -> String {
        let joined: Vec<&str> = self.paragraphs.iter().map(|p| p.text.as_str()).collect();
        super::clean::clean_text(&joined.join(" "))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.paragraphs.iter().all(|p| p.text.trim().is_empty())
    }
}

impl Table {
    /// The row as grid columns: each column holds the cell covering it, so a cell
    /// merged over three columns appears three times (with its width).
    pub(crate) fn grid_row(&self, row: usize) -> Vec<GridCell<'_>> {
        let mut out = Vec::new();
        for cell in &self.rows[row] {
            for _ in 0..cell.span.max(1) {
                out.push(GridCell {
                    cell,
                    width: cell.span.max(1),
                });
            }
        }
        out
    }

    /// The number of grid columns of the widest row.
    pub(crate) fn columns(&self) -> usize {
        (0..self.rows.len())
            .map(|r| self.grid_row(r).len())
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_list_marks_at_the_start_of_a_line() {
        let cell = Cell::from_text("Мониторинг:\n- эффективности;\n• качества");
        let listed: Vec<bool> = cell.paragraphs.iter().map(|p| p.listed).collect();
        assert_eq!(listed, [false, true, true]);
        assert_eq!(cell.paragraphs[1].text, "эффективности;");
        // A hyphen inside text is not a list mark.
        assert!(!Paragraph::from_line("2021-2022").listed);
    }

    #[test]
    fn repeats_a_merged_cell_over_its_columns() {
        let mut wide = Cell::from_text("Раздел");
        wide.span = 3;
        let table = Table {
            rows: vec![vec![wide], vec![Cell::from_text("1"), Cell::from_text("a")]],
            ..Table::default()
        };
        assert_eq!(table.grid_row(0).len(), 3);
        assert_eq!(table.grid_row(0)[2].width, 3);
        assert_eq!(table.columns(), 3);
    }
}
