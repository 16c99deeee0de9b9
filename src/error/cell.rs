//! A bad cell or line of a document, and where it stands.

use std::fmt;

use crate::message::{Language, Message, Words};
use crate::problem::{CellProblem, FirstGiven, ProblemText};
use crate::quote::{Quoted, echo};

/// One bad cell, or one bad line of a document: where it is, what it said,
/// and what is wrong with it.
///
/// # Example
/// ```
/// use cchc_forms::{CellProblem, Error, Report, ReportMeta, Row};
/// use cchc_forms::number::NumberError;
///
/// let rows = [Row::new(3, "3.1.1.", "54,1"), Row::new(3, "9.9", "1")];
/// let Err(Error::Rows(problems)) = Report::from_rows(ReportMeta::default(), rows) else {
///     panic!("both rows are bad");
/// };
/// assert_eq!(problems.len(), 2);
/// assert_eq!(problems[0].stt, "3.1.1.");
/// assert_eq!(problems[0].raw, "54,1");
/// assert_eq!(problems[0].problem, CellProblem::NotANumber(NumberError::FractionalCount));
/// assert_eq!(
///     problems[0].to_string(),
///     r#"form 3, STT "3.1.1.", text "54,1": a count must be a whole number"#
/// );
/// assert_eq!(problems[0].message_vi(), "số lượng phải là số nguyên");
/// assert_eq!(problems[1].problem, CellProblem::UnknownStt);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CellError {
    /// The form number as given (0 when the problem is not in a form, such
    /// as a metadata line).
    pub form: u8,
    /// The STT as given (empty when there is none).
    pub stt: String,
    /// The cell's text as given (the whole line for a problem of a line),
    /// cut after [`MAX_ECHO_CHARS`](crate::error::MAX_ECHO_CHARS) characters.
    pub raw: String,
    /// The line of the document, counted from 1; `None` for rows given in
    /// code ([`Report::from_rows`](crate::bnv581::Report::from_rows)) and for Word
    /// and Excel documents, whose problems have a [`place`](Self::place).
    pub line: Option<usize>,
    /// Where in a Word or Excel document: the table, row and cell, or the
    /// sheet and cell (`None` for text and rows).
    pub place: Option<Place>,
    /// What is wrong.
    pub problem: CellProblem,
}

impl CellError {
    /// A problem at a line of a document.
    pub(crate) fn at_line(
        line: usize,
        form: u8,
        stt: &str,
        raw: &str,
        problem: CellProblem,
    ) -> Self {
        Self {
            form,
            stt: echo(stt),
            raw: echo(raw),
            line: Some(line),
            place: None,
            problem,
        }
    }

    /// What is wrong, in Vietnamese (where it is: see the other fields).
    #[must_use]
    pub fn message_vi(&self) -> Message<ProblemText<'_>> {
        Message::new(self.said(), Language::Vietnamese)
    }

    /// What is wrong, in English (where it is: see the other fields).
    #[must_use]
    pub fn message_en(&self) -> Message<ProblemText<'_>> {
        Message::new(self.said(), Language::English)
    }

    /// Its problem about its text: a cell given twice was given first on
    /// a line of a document, or in a row given in code.
    fn said(&self) -> ProblemText<'_> {
        let given = if self.line.is_some() {
            FirstGiven::OnLine
        } else {
            FirstGiven::InRow
        };
        self.problem.said(&self.raw, given)
    }

    /// Where it is, in Vietnamese: `dòng 4, biểu mẫu 3, STT "3.1.1."`.
    #[must_use]
    pub fn location_vi(&self) -> String {
        self.location(Language::Vietnamese)
    }

    /// Where it is, in English: `line 4, form 3, STT "3.1.1."`.
    #[must_use]
    pub fn location_en(&self) -> String {
        self.location(Language::English)
    }

    /// Where it is, in `language`.
    fn location(&self, language: Language) -> String {
        let mut out = Vec::new();
        if let Some(line) = self.line {
            out.push(format!("{} {line}", language.pick("dòng", "line")));
        }
        if let Some(place) = &self.place {
            out.push(place.in_language(language).to_string());
        }
        if self.form != 0 {
            out.push(format!(
                "{} {}",
                language.pick("biểu mẫu", "form"),
                self.form
            ));
        }
        if self.form != 0 || !self.stt.is_empty() {
            out.push(format!("STT {}", Quoted(&self.stt)));
        }
        out.join(", ")
    }
}

impl fmt::Display for CellError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let location = self.location_en();
        if !location.is_empty() {
            write!(out, "{location}, ")?;
        }
        write!(out, "text {}: {}", Quoted(&self.raw), self.message_en())
    }
}

impl std::error::Error for CellError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.problem)
    }
}

/// Where a problem stands in a Word or Excel document.
///
/// # Example
/// ```
/// use cchc_forms::Place;
/// let place = Place::Table { table: 3, row: 12, cell: Some(4) };
/// assert_eq!(place.message_en(), "table 3, row 12, cell 4");
/// assert_eq!(place.message_vi(), "bảng 3, hàng 12, ô 4");
/// let place = Place::Sheet { sheet: "Biểu 3".to_owned(), cell: "D12".to_owned() };
/// assert_eq!(place.message_en(), r#"sheet "Biểu 3", cell D12"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Place {
    /// A row of a Word table, and the cell in it: each counted from 1, the
    /// table among the document's tables, the cell along the table's grid
    /// (a merged cell counts the columns it spans).
    Table {
        /// The table, counted from 1 in the document.
        table: usize,
        /// The row, counted from 1 in the table.
        row: usize,
        /// The cell, counted from 1 along the grid, when known.
        cell: Option<usize>,
    },
    /// A paragraph of a Word document outside its tables, counted from 1
    /// among those that hold text.
    Paragraph {
        /// The paragraph's number.
        paragraph: usize,
    },
    /// A cell of an Excel sheet.
    Sheet {
        /// The sheet's name, as its tab shows it.
        sheet: String,
        /// The cell's address, `D12` (or the row's first cell).
        cell: String,
    },
    /// A part of the document's zip container (`word/document.xml`).
    Part {
        /// The part's name.
        part: String,
    },
}

impl Place {
    /// Where, in Vietnamese: `bảng 3, hàng 12, ô 4`, `trang tính "Biểu 3", ô D12`.
    #[must_use]
    pub fn message_vi(&self) -> Message<&Place> {
        self.in_language(Language::Vietnamese)
    }

    /// Where, in English: `table 3, row 12, cell 4`, `sheet "Biểu 3", cell D12`.
    #[must_use]
    pub fn message_en(&self) -> Message<&Place> {
        self.in_language(Language::English)
    }
}

impl Words for Place {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let word = |vi, en| language.pick(vi, en);
        match self {
            Place::Table { table, row, cell } => {
                write!(
                    out,
                    "{} {table}, {} {row}",
                    word("bảng", "table"),
                    word("hàng", "row")
                )?;
                if let Some(cell) = cell {
                    write!(out, ", {} {cell}", word("ô", "cell"))?;
                }
                Ok(())
            }
            Place::Paragraph { paragraph } => {
                write!(out, "{} {paragraph}", word("đoạn văn", "paragraph"))
            }
            Place::Sheet { sheet, cell } => write!(
                out,
                "{} {}, {} {cell}",
                word("trang tính", "sheet"),
                Quoted(sheet),
                word("ô", "cell")
            ),
            Place::Part { part } => write!(out, "{} {}", word("phần", "part"), Quoted(part)),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_in(Language::English, out)
    }
}
