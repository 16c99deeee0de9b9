//! Word and Excel documents as they are sent: a report's `.docx` with its
//! seven forms as tables, or the forms kept in an `.xlsx` workbook, read
//! directly (feature `office`, on by default).
//!
//! Both readers turn the document into what the text readers already read,
//! line by line, and read it with them, so that a document gives the same
//! report, warnings and findings as its text would, and the same
//! rejections; each rejection then names where it stands in the document
//! ([`Place`]): the table, row and cell of a Word table, or the sheet and
//! cell (A1) of a workbook, beside the form, the STT and the text.
//!
//! - [`read_docx`]: the paragraphs and tables of `word/document.xml`, as
//!   [`read_printed`](crate::printed::read_printed) reads the printed forms:
//!   merged cells (`w:gridSpan` spread over the columns they cover, the
//!   continuations of `w:vMerge` empty), text split across runs, line breaks
//!   and tabs inside a cell (spaces), non-breaking spaces, empty
//!   paragraphs, a `Biểu mẫu N` heading before a table or in a row of its
//!   own inside one, and the title's period (`Quý III năm 2023`).
//! - [`read_xlsx`]: a sheet per form (its name, `Biểu mẫu 3`, `BM3`,
//!   `Form 3`, or a title row naming the form), one sheet with every form
//!   under its heading, or rows `form | STT | value` (a column headed
//!   `Biểu mẫu` or `form`). A number's printed precision comes from its
//!   cell's number format: `#,##0` is whole, `0.00` two decimals, `0.0%`
//!   makes 0.993 the percentage 99,3; the float's binary digits never
//!   count (its shortest round-trip decimal is rounded half away from zero
//!   to the format's decimals). A number in the General format is its
//!   shortest round-trip decimal, with a warning when it has decimals
//!   ([`WarningKind::PrecisionAssumed`](crate::rows::WarningKind::PrecisionAssumed)).
//!   Text reads as printed Vietnamese numbers; a formula reads as its saved
//!   value (blank, with a warning, when there is none); a date or a boolean
//!   where a number is due is refused, naming the sheet and cell.
//! - [`Kind::sniff`]: what a file is, by its content: a `.docx`, an
//!   `.xlsx`, an `OpenDocument` file, an old binary `.doc`/`.xls`, RTF, PDF,
//!   or text. [`read`] reads a `.docx` or an `.xlsx` and refuses the
//!   others with what to do (save as `.docx` or `.xlsx`).
//!
//! # Limits
//! A document is hostile until read. Each limit is a constant, enforced
//! with a [`DocumentProblem`] that names it, and tested at and just past
//! it; memory stays under 64 MiB beyond the document's own bytes.
//!
//! | limit | value | past it |
//! |---|---|---|
//! | [`MAX_DOCUMENT_BYTES`] | 8 MiB of document | refused before reading |
//! | [`MAX_PARTS`] | 1,000 parts in the zip container | refused before any part is read |
//! | [`MAX_PART_BYTES`] | 16 MiB inflated per part (a zip bomb stops there) | refused |
//! | [`MAX_INFLATED_BYTES`] | 32 MiB inflated for all the parts read | refused |
//! | [`MAX_XML_DEPTH`] | 64 levels of nested elements | refused; no `<!DOCTYPE`, no entity but XML's five |
//! | [`MAX_SHEETS`] | 100 sheets in a workbook | refused |
//! | [`MAX_SHEET_ROWS`] | 10,000 rows in a sheet (a sheet claiming 1,048,576 rows is refused at row 10,001) | refused |
//! | [`MAX_CELLS`] | 200,000 cells in a workbook | refused |
//! | [`MAX_SHARED_STRINGS`] | 100,000 shared strings | refused |
//! | [`MAX_TEXT_LINES`] | 100,000 lines of text (paragraphs and rows) | refused |
//! | [`MAX_DOCUMENT_BYTES`] | 8 MiB of text made from a document | refused |
//!
//! A shared string is stored once however many cells use it, and the text
//! made from the cells is bounded, so a shared-strings bomb stops at the
//! text's limit.
//!
//! # Example
//! ```
//! use cchc_forms::office::{Kind, read_docx};
//! # fn docx() -> Vec<u8> { std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/office/python_docx.docx")).unwrap() }
//! let bytes = docx(); // the Bắc Giang report's forms, saved by python-docx
//! assert_eq!(Kind::sniff(&bytes), Kind::Docx);
//! let imported = read_docx(&bytes)?;
//! assert_eq!(imported.report.cells(), cchc_forms::samples::bac_giang_2023_q3().cells());
//! assert_eq!(imported.report.validate().len(), 4);
//! # Ok::<(), cchc_forms::Error>(())
//! ```

mod container;
mod docx;
mod xlsx;
mod xml;

use crate::error::{CellError, CellProblem, DocumentProblem, Error, Place, Problems};
use crate::limits::MAX_DOCUMENT_BYTES;
use crate::rows::{ImportWarning, Imported};

pub use docx::read_docx;
pub use xlsx::read_xlsx;

/// The most parts a document's zip container may declare (1,000): a
/// report's `.docx` has about 15, a workbook a few dozen.
pub const MAX_PARTS: usize = 1_000;

/// The most bytes one part may inflate to (16 MiB): a report's
/// `word/document.xml` is under 1 MiB. A part past it (a zip bomb) is
/// refused once inflating reaches the limit.
pub const MAX_PART_BYTES: usize = 16 * 1024 * 1024;

/// The most bytes the parts read from one document may inflate to
/// together (32 MiB).
pub const MAX_INFLATED_BYTES: usize = 32 * 1024 * 1024;

/// The deepest nesting of XML elements (64): a Word table in a cell of a
/// table in a content control is some 20 deep.
pub const MAX_XML_DEPTH: usize = 64;

/// The most sheets a workbook may have (100).
pub const MAX_SHEETS: usize = 100;

/// The most rows one sheet may hold (10,000): a form has at most 40 rows,
/// one sheet of every form some 200.
pub const MAX_SHEET_ROWS: usize = 10_000;

/// The most cells a workbook may hold, all sheets together (200,000).
pub const MAX_CELLS: usize = 200_000;

/// The most shared strings a workbook may have (100,000).
pub const MAX_SHARED_STRINGS: usize = 100_000;

/// The most lines of text a document may give (100,000): each paragraph
/// and each table row is a line; a report has about 600.
pub const MAX_TEXT_LINES: usize = 100_000;

/// What a file is, by its content (not its name).
///
/// # Example
/// ```
/// use cchc_forms::office::Kind;
/// assert_eq!(Kind::sniff(b"%PDF-1.7\n"), Kind::Pdf);
/// assert_eq!(Kind::sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), Kind::OldBinary);
/// assert_eq!(Kind::sniff("1\t1\t50\n".as_bytes()), Kind::Text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A Word document (`.docx`, Office Open XML).
    Docx,
    /// An Excel workbook (`.xlsx`, Office Open XML).
    Xlsx,
    /// An `OpenDocument` spreadsheet or text (`.ods`, `.odt`).
    OpenDocument,
    /// An old binary Word or Excel document (`.doc`, `.xls`), or an Office
    /// document protected by a password (both are OLE2 files).
    OldBinary,
    /// A Rich Text Format file (Word's `.rtf`, sometimes named `.doc`).
    Rtf,
    /// A PDF.
    Pdf,
    /// Another zip file, or a damaged one.
    OtherZip,
    /// Anything else: text, as the text readers take it.
    Text,
}

impl Kind {
    /// What the bytes are, by their first bytes and, for a zip file, the
    /// names of its parts.
    #[must_use]
    pub fn sniff(bytes: &[u8]) -> Kind {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Kind::OldBinary;
        }
        if bytes.starts_with(b"%PDF") {
            return Kind::Pdf;
        }
        if bytes.starts_with(b"{\\rtf") {
            return Kind::Rtf;
        }
        if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
            return Kind::Text;
        }
        if bytes.get(30..38).is_some_and(|name| name == b"mimetype")
            && bytes
                .get(38..80)
                .is_some_and(|mime| mime.starts_with(b"application/vnd.oasis.opendocument"))
        {
            return Kind::OpenDocument;
        }
        let Ok(container) = container::Container::open(bytes) else {
            return Kind::OtherZip;
        };
        if container.has("word/document.xml") {
            Kind::Docx
        } else if container.has("xl/workbook.xml") {
            Kind::Xlsx
        } else if container.has("content.xml") {
            Kind::OpenDocument
        } else {
            Kind::OtherZip
        }
    }

    /// What it is, in English and Vietnamese, as messages name it.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Kind::Docx => ("a Word document (.docx)", "tài liệu Word (.docx)"),
            Kind::Xlsx => ("an Excel workbook (.xlsx)", "bảng tính Excel (.xlsx)"),
            Kind::OpenDocument => (
                "an OpenDocument file (.ods, .odt)",
                "tệp OpenDocument (.ods, .odt)",
            ),
            Kind::OldBinary => (
                "an old binary Word or Excel document (.doc, .xls) or one protected by a password",
                "tài liệu Word hoặc Excel dạng nhị phân cũ (.doc, .xls) hoặc được bảo vệ bằng mật khẩu",
            ),
            Kind::Rtf => (
                "a Rich Text Format file (.rtf)",
                "tệp Rich Text Format (.rtf)",
            ),
            Kind::Pdf => ("a PDF", "tệp PDF"),
            Kind::OtherZip => (
                "a zip file that is no Word or Excel document, or a damaged one",
                "tệp zip không phải tài liệu Word hoặc Excel, hoặc bị hỏng",
            ),
            Kind::Text => ("text", "văn bản thuần"),
        }
    }
}

/// Reads a `.docx` or an `.xlsx`, whichever the bytes are.
///
/// # Errors
/// As [`read_docx`] and [`read_xlsx`]; any other kind of file is refused
/// with one [`DocumentProblem::WrongKind`] that says what it is and what to
/// do (save it as `.docx` or `.xlsx`), a damaged zip file with what is
/// damaged.
///
/// # Example
/// ```
/// use cchc_forms::{CellProblem, DocumentProblem, Error};
/// let Err(Error::Rows(problems)) = cchc_forms::office::read(b"%PDF-1.4 ...") else { panic!() };
/// assert!(matches!(problems[0].problem, CellProblem::Document(DocumentProblem::WrongKind { .. })));
/// assert!(problems[0].message_en().contains("save it as .docx"));
/// ```
pub fn read(bytes: &[u8]) -> Result<Imported, Error> {
    match Kind::sniff(bytes) {
        Kind::Docx => read_docx(bytes),
        Kind::Xlsx => read_xlsx(bytes),
        Kind::OtherZip => match container::Container::open(bytes) {
            Err(problem) => Err(refuse(problem, None)),
            Ok(_) => Err(wrong_kind(Kind::OtherZip, ".docx / .xlsx")),
        },
        other => Err(wrong_kind(other, ".docx / .xlsx")),
    }
}

/// The container of a document expected to be of `expected` kind: the
/// container's own problem when it is a damaged or hostile zip file,
/// else the refusal of another kind of file.
fn open_as(bytes: &[u8], expected: Kind) -> Result<container::Container<'_>, Error> {
    let name = if expected == Kind::Docx {
        ".docx"
    } else {
        ".xlsx"
    };
    if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
        return Err(wrong_kind(Kind::sniff(bytes), name));
    }
    let kind = Kind::sniff(bytes);
    if kind == expected {
        return container::Container::open(bytes).map_err(|problem| refuse(problem, None));
    }
    if kind == Kind::OtherZip {
        if let Err(problem) = container::Container::open(bytes) {
            return Err(refuse(problem, None));
        }
    }
    Err(wrong_kind(kind, name))
}

/// The refusal of a file of another kind than expected.
fn wrong_kind(kind: Kind, expected: &'static str) -> Error {
    let (found_en, found_vi) = kind.names();
    refuse(
        DocumentProblem::WrongKind {
            found_en,
            found_vi,
            expected,
        },
        None,
    )
}

/// An error of one problem of the document as a whole.
fn refuse(problem: DocumentProblem, place: Option<Place>) -> Error {
    let mut problems = Problems::new();
    problems.push(CellError {
        form: 0,
        stt: String::new(),
        raw: String::new(),
        line: None,
        place,
        problem: CellProblem::Document(problem),
    });
    Error::Rows(problems)
}

/// The refusal of a document larger than the readers take.
fn too_large(bytes: &[u8]) -> Option<Error> {
    (bytes.len() > MAX_DOCUMENT_BYTES).then(|| {
        let mut problems = Problems::new();
        problems.push(CellError {
            form: 0,
            stt: String::new(),
            raw: String::new(),
            line: None,
            place: None,
            problem: CellProblem::DocumentTooLarge { bytes: bytes.len() },
        });
        Error::Rows(problems)
    })
}

/// Where a line of the text made from a document comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// A paragraph outside tables (counted from 1).
    Paragraph(u32),
    /// A row of a Word table (each counted from 1).
    Row { table: u32, row: u32 },
    /// A row of a sheet: the sheet's index, the row's number, the column
    /// (from 0) of the line's first cell.
    Sheet { sheet: u32, row: u32, first: u32 },
    /// A line the reader added (a sheet's form heading).
    Added,
}

/// A cell whose value is no number though it stands where one may be due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    Date,
    Boolean,
}

/// The text made from a document, line by line, with where each line
/// comes from; bounded by [`MAX_DOCUMENT_BYTES`] and [`MAX_TEXT_LINES`].
#[derive(Debug, Default)]
#[allow(clippy::struct_field_names, reason = "the lines of `Lines`")]
struct Lines {
    text: String,
    /// Each line's origin and where it starts in `text`.
    lines: Vec<(Origin, usize)>,
    /// Cells of note: line (from 0), column (from 0), what they hold.
    specials: Vec<(usize, usize, Special)>,
    /// Warnings of the conversion, in document order.
    warnings: Vec<ImportWarning>,
    /// Cells in the line being written.
    columns: usize,
}

impl Lines {
    /// Starts a line.
    fn start(&mut self, origin: Origin) -> Result<(), DocumentProblem> {
        if self.lines.len() >= MAX_TEXT_LINES {
            return Err(DocumentProblem::TooMany {
                what_en: "lines of text (paragraphs and rows)",
                what_vi: "dòng văn bản (đoạn văn và hàng)",
                limit: MAX_TEXT_LINES,
            });
        }
        self.lines.push((origin, self.text.len()));
        self.columns = 0;
        Ok(())
    }

    /// Adds a cell to the line, tabs and line breaks made spaces.
    fn cell(&mut self, text: &str) -> Result<(), DocumentProblem> {
        if self.columns > 0 {
            self.text.push('\t');
        }
        self.columns += 1;
        self.push(text)
    }

    /// Adds text to the line, tabs and line breaks made spaces.
    fn push(&mut self, text: &str) -> Result<(), DocumentProblem> {
        // The line's end counts too.
        if self.text.len().saturating_add(text.len()).saturating_add(1) > MAX_DOCUMENT_BYTES {
            return Err(DocumentProblem::TooMany {
                what_en: "bytes of text",
                what_vi: "byte văn bản",
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        // Most text has none of them: copied whole.
        if memchr::memchr3(b'\t', b'\n', b'\r', text.as_bytes()).is_none() {
            self.text.push_str(text);
            return Ok(());
        }
        for piece in text.split(['\t', '\n', '\r']).enumerate() {
            if piece.0 > 0 {
                self.text.push(' ');
            }
            self.text.push_str(piece.1);
        }
        Ok(())
    }

    /// Ends the line.
    fn end(&mut self) {
        self.text.push('\n');
    }

    /// The text of line `index` (from 0), without its end.
    fn line(&self, index: usize) -> &str {
        let Some(&(_, start)) = self.lines.get(index) else {
            return "";
        };
        let end = self
            .lines
            .get(index + 1)
            .map_or(self.text.len(), |&(_, next)| next);
        self.text
            .get(start..end)
            .unwrap_or_default()
            .trim_end_matches('\n')
    }

    /// Reads the text with a text reader, then says where each problem
    /// stands in the document; `names` gives a sheet's name by its index.
    fn read(
        self,
        reader: fn(&str) -> Result<Imported, Error>,
        names: &[String],
    ) -> Result<Imported, Error> {
        match reader(&self.text) {
            Ok(mut imported) => {
                let mut warnings = Problems::new();
                for mut warning in imported.warnings.into_vec() {
                    warning.line = None;
                    warnings.push(warning);
                }
                for warning in self.warnings {
                    warnings.push(warning);
                }
                imported.warnings = warnings;
                Ok(imported)
            }
            Err(Error::Rows(problems)) => {
                let omitted = problems.omitted();
                let mut placed = Problems::new();
                for mut problem in problems.into_vec() {
                    if let Some(line) = problem.line.take() {
                        let index = line.saturating_sub(1);
                        let (place, column) = self.place(index, &problem.raw, names);
                        if let Some(column) = column {
                            if let Some(&(_, _, special)) = self
                                .specials
                                .iter()
                                .find(|&&(l, c, _)| l == index && c == column)
                            {
                                if matches!(
                                    problem.problem,
                                    CellProblem::NotANumber(_) | CellProblem::NotInLegend { .. }
                                ) {
                                    problem.problem = CellProblem::Document(match special {
                                        Special::Date => DocumentProblem::DateNotNumber,
                                        Special::Boolean => DocumentProblem::BooleanNotNumber,
                                    });
                                }
                            }
                        }
                        problem.place = place;
                    }
                    placed.push(problem);
                }
                for _ in 0..omitted {
                    placed.count_one();
                }
                Err(Error::Rows(placed))
            }
            Err(other) => Err(other),
        }
    }

    /// Where line `index` stands, and the column holding `raw` in it.
    fn place(&self, index: usize, raw: &str, names: &[String]) -> (Option<Place>, Option<usize>) {
        let Some(&(origin, _)) = self.lines.get(index) else {
            return (None, None);
        };
        let wanted = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let column = (!wanted.is_empty())
            .then(|| {
                self.line(index).split('\t').position(|cell| {
                    // Only a cell about as long as the text can be it.
                    cell.len() <= wanted.len().saturating_mul(4).saturating_add(64)
                        && cell.split_whitespace().collect::<Vec<_>>().join(" ") == wanted
                })
            })
            .flatten();
        let place = match origin {
            Origin::Paragraph(paragraph) => Some(Place::Paragraph {
                paragraph: paragraph as usize,
            }),
            Origin::Row { table, row } => Some(Place::Table {
                table: table as usize,
                row: row as usize,
                cell: column.map(|column| column + 1),
            }),
            Origin::Sheet { sheet, row, first } => {
                let column = u32::try_from(column.unwrap_or(0))
                    .unwrap_or(0)
                    .saturating_add(first);
                Some(Place::Sheet {
                    sheet: names.get(sheet as usize).cloned().unwrap_or_default(),
                    cell: format!("{}{row}", column_name(column)),
                })
            }
            Origin::Added => None,
        };
        (place, column)
    }
}

/// A column's letters: 0 is `A`, 25 `Z`, 26 `AA`.
fn column_name(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + u8::try_from(column % 26).unwrap_or(0));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// The form number of a heading `Biểu mẫu N` (`Biểu mẫu số 3: …`,
/// `BIỂU MẪU 3`), if the text is one.
fn form_heading(text: &str) -> Option<u8> {
    // A heading is short: a long text is not looked at (a shared string of
    // megabytes shown by many cells costs nothing).
    let text = text.trim_start();
    if text.len() > 400 || !text.starts_with(['B', 'b']) {
        return None;
    }
    let lower = text.trim().to_lowercase();
    let rest = lower.strip_prefix("biểu mẫu")?.trim_start();
    let rest = rest.strip_prefix("số").unwrap_or(rest).trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[digits.len()..].trim_start();
    if !(after.is_empty() || after.starts_with([':', '.', '-', '–', '—'])) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=7).contains(n))
}

/// Whether a cell's text is an STT: digits separated by dots.
fn is_stt(text: &str) -> bool {
    let text = text.trim();
    let stt = text.strip_suffix('.').unwrap_or(text);
    !stt.is_empty()
        && stt
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(3), "D");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
    }

    #[test]
    fn form_headings() {
        assert_eq!(form_heading("Biểu mẫu 3"), Some(3));
        assert_eq!(form_heading("BIỂU MẪU SỐ 7: Xây dựng"), Some(7));
        assert_eq!(form_heading("Biểu mẫu 8"), None);
        assert_eq!(form_heading("Biểu mẫu 2 được lập"), None);
        assert_eq!(form_heading("Số liệu"), None);
    }
}
