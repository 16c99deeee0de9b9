//! A Word document's paragraphs and tables, as the printed forms' text.

use super::xml::{Event, Xml, attribute};
use super::{Kind, Lines, Origin, is_stt, open_as, refuse, too_large};
use crate::error::{DocumentProblem, Error, Place};
use crate::printed::read_printed;
use crate::rows::Imported;

/// The part that holds a Word document's body.
const DOCUMENT: &str = "word/document.xml";

/// Reads a report from a Word document (`.docx`): the printed forms in its
/// tables, the period in its title.
///
/// Each paragraph outside tables is a line of text, each table row a line
/// of its cells (a cell merged across columns followed by as many empty
/// ones, so that the columns stay those of the headings), and the lines
/// are read as [`read_printed`] reads the printed forms copied from Word:
/// the same report, warnings and findings, the same rejections. A problem
/// names its [`Place`]: the table, row and cell (or the paragraph), with
/// the form, the STT and the text; warnings keep the form and STT.
///
/// # Errors
/// [`Error::Rows`]: the problems [`read_printed`] finds, each with its
/// place; or one [`DocumentProblem`] when the bytes are no Word document
/// (an old `.doc`, a PDF, an `.xlsx`: what to do is in the message), the
/// container is damaged, or a limit of the [module](super) is passed.
///
/// # Example
/// ```
/// use cchc_forms::office::read_docx;
/// use cchc_forms::{CellProblem, DocumentProblem, Error};
/// let Err(Error::Rows(problems)) = read_docx(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") else { panic!() };
/// assert!(matches!(problems[0].problem, CellProblem::Document(DocumentProblem::WrongKind { .. })));
/// assert!(problems[0].message_vi().contains("lưu dưới dạng .docx"));
/// ```
pub fn read_docx(bytes: &[u8]) -> Result<Imported, Error> {
    if let Some(error) = too_large(bytes) {
        return Err(error);
    }
    let part = || {
        Some(Place::Part {
            part: DOCUMENT.to_owned(),
        })
    };
    let mut container = open_as(bytes, Kind::Docx)?;
    let xml = container
        .read(DOCUMENT)
        .map_err(|problem| refuse(problem, part()))?
        .ok_or_else(|| refuse(DocumentProblem::PartMissing, part()))?;
    let lines = lines(&xml).map_err(|problem| refuse(problem, part()))?;
    lines.read(read_printed, &[])
}

/// A table being read: its number, the row being read and its cells.
#[derive(Debug, Default)]
struct Table {
    number: u32,
    rows: u32,
    /// Cells of the row being read: text and the grid columns spanned.
    cells: Vec<(String, usize)>,
    /// Empty grid columns before the row's first cell (`w:gridBefore`).
    before: usize,
}

/// What the text of a run goes to.
#[derive(Debug, Default)]
struct Reader {
    lines: Lines,
    paragraphs: u32,
    tables: u32,
    /// The tables open, outermost first; only the outermost makes rows.
    open: Vec<Table>,
    /// The paragraph being read.
    paragraph: String,
    /// Text of the cell being read (paragraphs joined by spaces).
    cell: String,
    span: usize,
    in_text: bool,
    /// Inside an element whose content is not read (`mc:Fallback`,
    /// paragraph and run properties): how deep.
    skipping: usize,
    /// The last paragraph was a heading (`BÁO CÁO`, `Biểu mẫu N`): the
    /// next is its title.
    after_heading: bool,
    /// A line of prose stands for the paragraphs since the last line given.
    prose_given: bool,
}

/// The paragraphs at the top of a document given whole: its letterhead
/// (the body, the number, the date).
const LETTERHEAD: u32 = 12;

/// The lines of a document's body.
#[allow(clippy::too_many_lines, reason = "one match over the elements read")]
fn lines(xml: &[u8]) -> Result<Lines, DocumentProblem> {
    let mut xml = Xml::new(xml);
    xml.want_text = false;
    let mut reader = Reader::default();
    loop {
        match xml.next()? {
            Event::Eof => break,
            Event::Start(start) => {
                let name = start.local_name();
                // Properties hold no text of the forms (a paragraph's tab
                // stops, `w:tabs/w:tab`, are no tabs of its text), nor
                // does `mc:Fallback`, which repeats what `mc:Choice` holds.
                if reader.skipping > 0
                    || matches!(
                        name,
                        b"Fallback" | b"pPr" | b"rPr" | b"sectPr" | b"tblPr" | b"tblGrid"
                    )
                {
                    reader.skipping += 1;
                    continue;
                }
                match name {
                    b"tbl" => {
                        reader.tables += 1;
                        let number = reader.tables;
                        if reader.open.is_empty() {
                            reader.flush_paragraph()?;
                        }
                        reader.open.push(Table {
                            number,
                            ..Table::default()
                        });
                    }
                    b"tr" if reader.open.len() == 1 => {
                        if let Some(table) = reader.open.last_mut() {
                            table.cells.clear();
                            table.before = 0;
                        }
                    }
                    b"tc" if reader.open.len() == 1 => {
                        reader.cell.clear();
                        reader.span = 1;
                    }
                    b"t" => {
                        reader.in_text = true;
                        xml.want_text = true;
                    }
                    _ => {}
                }
            }
            Event::Empty(start) => {
                if reader.skipping > 0 {
                    continue;
                }
                match start.local_name() {
                    // A tab in a paragraph outside the tables separates
                    // columns, as in the printed text (the forms pasted as
                    // text, one row a paragraph); inside a cell it is space.
                    b"tab" if reader.open.is_empty() => reader.text("\t"),
                    b"tab" | b"br" | b"cr" => reader.text(" "),
                    b"noBreakHyphen" => reader.text("-"),
                    b"gridSpan" if reader.open.len() == 1 => {
                        reader.span = attribute(&start, b"val")
                            .and_then(|value| value.parse::<usize>().ok())
                            .unwrap_or(1)
                            .clamp(1, 64);
                    }
                    b"gridBefore" if reader.open.len() == 1 => {
                        let before = attribute(&start, b"val")
                            .and_then(|value| value.parse::<usize>().ok())
                            .unwrap_or(0)
                            .min(64);
                        if let Some(table) = reader.open.last_mut() {
                            table.before = before;
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(text) => {
                if reader.in_text && reader.skipping == 0 {
                    reader.text(text);
                }
            }
            Event::Char(c) => {
                if reader.in_text && reader.skipping == 0 {
                    reader.paragraph.push(c);
                }
            }
            Event::End(end) => {
                if reader.skipping > 0 {
                    reader.skipping -= 1;
                    continue;
                }
                match end.local_name() {
                    b"t" => {
                        reader.in_text = false;
                        xml.want_text = false;
                    }
                    b"p" => reader.end_paragraph()?,
                    b"tc" if reader.open.len() == 1 => {
                        let text = std::mem::take(&mut reader.cell);
                        let span = reader.span;
                        if let Some(table) = reader.open.last_mut() {
                            table.cells.push((text, span));
                        }
                    }
                    b"tr" if reader.open.len() == 1 => reader.end_row()?,
                    b"tbl" => {
                        reader.open.pop();
                    }
                    _ => {}
                }
            }
        }
    }
    reader.flush_paragraph()?;
    Ok(reader.lines)
}

impl Reader {
    /// Text of a run, into the paragraph being read.
    fn text(&mut self, text: &str) {
        // Bounded: the paragraph's text is written out, and checked, at
        // its end; a paragraph is at most the part's size.
        self.paragraph.push_str(text);
    }

    /// A paragraph ends: into the cell being read, or a line of its own.
    fn end_paragraph(&mut self) -> Result<(), DocumentProblem> {
        if self.open.is_empty() {
            return self.flush_paragraph();
        }
        let paragraph = std::mem::take(&mut self.paragraph);
        let paragraph = paragraph.trim();
        if !paragraph.is_empty() {
            if !self.cell.is_empty() {
                self.cell.push(' ');
            }
            self.cell.push_str(paragraph);
        }
        Ok(())
    }

    /// The paragraph read outside tables, as a line (none when empty).
    fn flush_paragraph(&mut self) -> Result<(), DocumentProblem> {
        let paragraph = std::mem::take(&mut self.paragraph);
        // Spaces, not tabs: a row pasted as text may start with its empty
        // STT column.
        let paragraph = paragraph.trim_matches(|c: char| c.is_whitespace() && c != '\t');
        if paragraph.is_empty() {
            return Ok(());
        }
        self.paragraphs += 1;
        // The printed-forms reader takes from prose only the report's title
        // (after `BÁO CÁO`), the forms' headings and titles, and `#!`
        // lines; a paragraph of prose after a table ends the table. The
        // rest of the prose (pages of it in a report) it would skip: it is
        // given as one short line of prose, or not at all.
        let heading = super::form_heading(paragraph).is_some()
            || (paragraph.len() < 32 && paragraph.to_uppercase() == "BÁO CÁO");
        // A paragraph of tab-separated columns is a row of a form pasted
        // as text: the printed-forms reader reads it as it reads the text.
        let wanted = self.paragraphs <= LETTERHEAD
            || self.after_heading
            || heading
            || paragraph.starts_with("#!")
            || paragraph.contains('\t');
        self.after_heading = heading;
        if !wanted {
            if self.prose_given {
                return Ok(());
            }
            self.prose_given = true;
            self.lines.start(Origin::Paragraph(self.paragraphs))?;
            self.lines.push("…")?;
            self.lines.end();
            return Ok(());
        }
        self.prose_given = false;
        self.lines.start(Origin::Paragraph(self.paragraphs))?;
        if paragraph.contains('\t') {
            for column in paragraph.split('\t') {
                self.lines.cell(column)?;
            }
        } else {
            self.lines.push(paragraph)?;
        }
        self.lines.end();
        Ok(())
    }

    /// A row of the outermost table ends: one line of its cells.
    fn end_row(&mut self) -> Result<(), DocumentProblem> {
        let Some(table) = self.open.last_mut() else {
            return Ok(());
        };
        table.rows += 1;
        let origin = Origin::Row {
            table: table.number,
            row: table.rows,
        };
        let cells = std::mem::take(&mut table.cells);
        let before = table.before;
        let filled: Vec<usize> = cells
            .iter()
            .enumerate()
            .filter(|(_, (text, _))| !text.trim().is_empty())
            .map(|(index, _)| index)
            .collect();
        if filled.is_empty() {
            return Ok(());
        }
        self.prose_given = false;
        // A row holding one text in its first cell, which is no STT: a
        // heading inside the table (`Biểu mẫu 3`, the form's title).
        if filled == [0] && !is_stt(&cells[0].0) {
            self.lines.start(origin)?;
            self.lines.push(cells[0].0.trim())?;
            self.lines.end();
            return Ok(());
        }
        self.lines.start(origin)?;
        for _ in 0..before {
            self.lines.cell("")?;
        }
        for (text, span) in &cells {
            self.lines.cell(text)?;
            for _ in 1..*span {
                self.lines.cell("")?;
            }
        }
        self.lines.end();
        Ok(())
    }
}
