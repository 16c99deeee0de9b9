//! The crate's error type: bad input, named cell by cell, in Vietnamese and
//! English.
//!
//! Importing never stops at the first problem: [`Error::Rows`] carries one
//! [`CellError`] per problem, each naming the form, the STT, the line (for
//! text) and the raw text, so that a reporter can fix a whole document in
//! one pass. Every problem has a message in Vietnamese and in English
//! ([`CellError::message_vi`], [`CellError::message_en`]), in the words a
//! clerk uses.
//!
//! # Limits
//! A document can hold millions of bad rows, and a cell millions of
//! characters. An error lists at most [`MAX_PROBLEMS`] problems: the
//! readers of text stop at the [`MAX_PROBLEMS`]th, which says so
//! ([`CellProblem::ProblemLimit`]), so that a document of a million bad
//! lines costs no more time than one of a thousand; rows given in code are
//! all read and the problems past the limit counted ([`Problems::omitted`]).
//! The text a problem echoes of a cell, a key or a line is cut after
//! [`MAX_ECHO_CHARS`] characters. So a rejection stays readable and its
//! memory and time bounded, whatever the input.

use std::fmt;
use std::ops::Deref;

pub use crate::limits::{
    MAX_CELL_CHARS, MAX_DOCUMENT_BYTES, MAX_ECHO_CHARS, MAX_JSON_DEPTH, MAX_NAMED_MEMBERS,
    MAX_PROBLEMS, MAX_REPORTS, MAX_ROWS, REPORT_YEARS,
};
pub use crate::problem::{CellProblem, DocumentProblem, MetaProblem};
pub use crate::quote::Quoted;
pub(crate) use crate::quote::{echo, is_invisible, shown};

/// A list of problems, at most [`MAX_PROBLEMS`] long, and how many more
/// there were.
///
/// It reads as a slice of the listed problems (`problems.len()`,
/// `problems[0]`, `problems.iter()`).
///
/// # Example
/// ```
/// use cchc_forms::{Error, MAX_PROBLEMS};
/// use cchc_forms::rows::read_tsv;
///
/// // 1,500 lines with an unknown form: reading stops at the 1,000th.
/// let text = "9\t1\t5\n".repeat(1_500);
/// let Err(Error::Rows(problems)) = read_tsv(&text) else { panic!() };
/// assert_eq!(problems.len(), MAX_PROBLEMS);
/// assert_eq!(problems[0].line, Some(1));
/// assert_eq!(problems[999].line, Some(1_000));
/// assert_eq!(problems[999].problem, cchc_forms::CellProblem::ProblemLimit);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problems<T> {
    items: Vec<T>,
    omitted: usize,
}

impl<T> Problems<T> {
    /// No problems yet.
    pub(crate) const fn new() -> Self {
        Self {
            items: Vec::new(),
            omitted: 0,
        }
    }

    /// Adds a problem, or counts it once [`MAX_PROBLEMS`] are listed.
    pub(crate) fn push(&mut self, problem: T) {
        if self.items.len() < MAX_PROBLEMS {
            self.items.push(problem);
        } else {
            self.omitted = self.omitted.saturating_add(1);
        }
    }

    /// Whether another problem would only be counted, not listed.
    pub(crate) fn is_full(&self) -> bool {
        self.items.len() >= MAX_PROBLEMS
    }

    /// Counts a problem without building it (once the list is full).
    pub(crate) fn count_one(&mut self) {
        self.omitted = self.omitted.saturating_add(1);
    }

    /// How many problems were found beyond the listed ones.
    #[must_use]
    pub const fn omitted(&self) -> usize {
        self.omitted
    }

    /// How many problems were found in all, listed or not.
    #[must_use]
    pub fn total(&self) -> usize {
        self.items.len().saturating_add(self.omitted)
    }

    /// The listed problems, as a vector.
    #[must_use]
    pub fn into_vec(self) -> Vec<T> {
        self.items
    }
}

impl<T> Default for Problems<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> From<Vec<T>> for Problems<T> {
    /// The first [`MAX_PROBLEMS`] problems listed, the rest counted.
    fn from(items: Vec<T>) -> Self {
        let mut problems = Self::new();
        for item in items {
            problems.push(item);
        }
        problems
    }
}

impl<T> Deref for Problems<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.items
    }
}

impl<'a, T> IntoIterator for &'a Problems<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: PartialEq> PartialEq<Vec<T>> for Problems<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.omitted == 0 && self.items == *other
    }
}

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
    /// cut after [`MAX_ECHO_CHARS`] characters.
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
    pub fn message_vi(&self) -> String {
        self.problem.message_vi(&self.raw)
    }

    /// What is wrong, in English (where it is: see the other fields).
    #[must_use]
    pub fn message_en(&self) -> String {
        let message = self.problem.message_en(&self.raw);
        match (&self.problem, self.line) {
            (CellProblem::Duplicate { first_row }, None) => {
                format!("this cell was already given, in row {first_row}")
            }
            _ => message,
        }
    }

    /// Where it is, in Vietnamese: `dòng 4, biểu mẫu 3, STT "3.1.1."`.
    #[must_use]
    pub fn location_vi(&self) -> String {
        let mut out = Vec::new();
        if let Some(line) = self.line {
            out.push(format!("dòng {line}"));
        }
        if let Some(place) = &self.place {
            out.push(place.message_vi());
        }
        if self.form != 0 {
            out.push(format!("biểu mẫu {}", self.form));
        }
        if self.form != 0 || !self.stt.is_empty() {
            out.push(format!("STT {}", Quoted(&self.stt)));
        }
        out.join(", ")
    }

    /// Where it is, in English: `line 4, form 3, STT "3.1.1."`.
    #[must_use]
    pub fn location_en(&self) -> String {
        let mut out = Vec::new();
        if let Some(line) = self.line {
            out.push(format!("line {line}"));
        }
        if let Some(place) = &self.place {
            out.push(place.message_en());
        }
        if self.form != 0 {
            out.push(format!("form {}", self.form));
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

/// Why bytes are not text this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodingProblem {
    /// A byte sequence that is not UTF-8 (the file is in another encoding,
    /// such as Windows-1258, TCVN3 or Latin-1).
    NotUtf8 {
        /// The first byte that could not be decoded.
        byte: u8,
    },
    /// UTF-16 (after its byte-order mark) with an odd number of bytes.
    Utf16OddLength,
    /// UTF-16 with half of a surrogate pair.
    Utf16LoneSurrogate,
    /// UTF-16 without the byte-order mark that says which byte comes first
    /// (the text is full of NUL bytes).
    Utf16WithoutMark,
    /// A file larger than [`MAX_DOCUMENT_BYTES`]: not decoded (the error's
    /// offset is the first byte past the limit).
    TooLarge,
    /// A NUL byte, which no text report holds: a binary file (a file of
    /// zeros, a spreadsheet's `.xlsx`, a picture), not a text report (the
    /// error's place is the first NUL).
    Binary,
}

/// Bytes that could not be decoded as text, and where.
///
/// # Example
/// ```
/// use cchc_forms::{decode_text, EncodingProblem, Error};
/// // "Số" in Windows-1258 is 0x53 0xF4: not UTF-8.
/// let Err(Error::Encoding(error)) = decode_text(b"1\t1\t50\n3\t1.4\tS\xf4") else { panic!() };
/// assert_eq!((error.line, error.column), (2, 8));
/// assert_eq!(error.problem, EncodingProblem::NotUtf8 { byte: 0xf4 });
/// assert!(error.message_en().contains("save the file as UTF-8"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EncodingError {
    /// The line where decoding failed, counted from 1.
    pub line: usize,
    /// The byte in that line where decoding failed, counted from 1.
    pub column: usize,
    /// The byte in the whole file, counted from 1.
    pub offset: usize,
    /// What is wrong.
    pub problem: EncodingProblem,
}

impl EncodingError {
    /// The message in Vietnamese, with the byte where it failed (the line
    /// is [`EncodingError::line`]; [`Display`](fmt::Display) names both)
    /// and what to do.
    #[must_use]
    pub fn message_vi(&self) -> String {
        let what = match self.problem {
            EncodingProblem::NotUtf8 { byte } => format!(
                "byte 0x{byte:02X} không phải mã UTF-8 (tệp có thể đang ở mã Windows-1258, TCVN3 hoặc Latin-1)"
            ),
            EncodingProblem::Utf16OddLength => "tệp UTF-16 có số byte lẻ (tệp bị cắt?)".to_owned(),
            EncodingProblem::Utf16LoneSurrogate => {
                "tệp UTF-16 có một ký tự bị hỏng (nửa cặp surrogate)".to_owned()
            }
            EncodingProblem::Utf16WithoutMark => {
                "tệp có vẻ là UTF-16 nhưng không có dấu BOM ở đầu".to_owned()
            }
            EncodingProblem::TooLarge => {
                return format!(
                    "tệp lớn hơn {MAX_DOCUMENT_BYTES} byte, giới hạn thư viện đọc: một báo cáo chỉ vài chục kB"
                );
            }
            EncodingProblem::Binary => {
                return format!(
                    "byte {} của dòng (byte {} của tệp) là byte NUL: đây là tệp nhị phân, không phải báo cáo dạng văn bản; hãy xuất báo cáo ra văn bản (Excel: “Unicode Text”; Word: “Plain Text”)",
                    self.column, self.offset
                );
            }
        };
        format!(
            "byte {} của dòng (byte {} của tệp): {what}; hãy lưu tệp dưới dạng UTF-8 (Excel: “Unicode Text” hoặc “CSV UTF-8”; Word: “Plain Text”, mã hóa “Unicode (UTF-8)”)",
            self.column, self.offset
        )
    }

    /// The message in English, with the byte where it failed (the line is
    /// [`EncodingError::line`]; [`Display`](fmt::Display) names both) and
    /// what to do.
    #[must_use]
    pub fn message_en(&self) -> String {
        let what = match self.problem {
            EncodingProblem::NotUtf8 { byte } => format!(
                "byte 0x{byte:02X} is not UTF-8 (the file may be in Windows-1258, TCVN3 or Latin-1)"
            ),
            EncodingProblem::Utf16OddLength => {
                "UTF-16 text with an odd number of bytes (a cut file?)".to_owned()
            }
            EncodingProblem::Utf16LoneSurrogate => {
                "UTF-16 text with a broken character (half a surrogate pair)".to_owned()
            }
            EncodingProblem::Utf16WithoutMark => {
                "the text looks like UTF-16 without the byte-order mark that starts it".to_owned()
            }
            EncodingProblem::TooLarge => {
                return format!(
                    "the file is larger than the {MAX_DOCUMENT_BYTES} bytes this library reads: a report is a few tens of kB"
                );
            }
            EncodingProblem::Binary => {
                return format!(
                    "byte {} of the line (byte {} of the file) is a NUL byte: this is a binary file, not a text report; export the report as text (Excel: “Unicode Text”; Word: “Plain Text”)",
                    self.column, self.offset
                );
            }
        };
        format!(
            "byte {} of the line (byte {} of the file): {what}; save the file as UTF-8 (Excel: “Unicode Text” or “CSV UTF-8”; Word: “Plain Text” with encoding “Unicode (UTF-8)”)",
            self.column, self.offset
        )
    }
}

impl fmt::Display for EncodingError {
    /// The line, then the message in English (which names the byte).
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "line {}, {}", self.line, self.message_en())
    }
}

/// The error of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Rows or text that cannot make a report: every problem found, in
    /// document order (at most [`MAX_PROBLEMS`] listed).
    #[error("{} problem(s): {}", .0.total(), Joined(.0, .0.omitted()))]
    Rows(Problems<CellError>),
    /// JSON that cannot make a report: every problem found, in document
    /// order (at most [`MAX_PROBLEMS`] listed).
    #[error("{} problem(s) in the JSON report: {}", .0.total(), Joined(.0, .0.omitted()))]
    Json(Problems<JsonProblem>),
    /// Bytes that are not text in an encoding this crate reads.
    #[error("{0}")]
    Encoding(EncodingError),
    /// Metadata given as a value that the report's template refuses
    /// (rows and JSON documents report these among their own problems,
    /// with a line).
    #[error("{} problem(s) in the report's metadata: {}", .0.len(), Joined(.0, 0))]
    Meta(Vec<MetaProblem>),
    /// Reports that cannot be added up: none given, or members without a
    /// period, of another period or template than the first, or of a body
    /// given before (every such member listed).
    #[error("{} problem(s) adding up the reports: {}", .0.len(), Joined(.0, 0))]
    Members(Vec<MemberProblem>),
}

/// Why a report cannot be added up with the others (see
/// [`crate::aggregate`]).
///
/// # Example
/// ```
/// use cchc_forms::{aggregate::aggregate, samples, Error, Period, Term};
/// let first = samples::bac_giang_2023_q3();
/// let mut second = first.clone();
/// second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
/// second.meta.period = Some(Period::new(2023, Term::HalfYear));
/// let Err(Error::Members(problems)) = aggregate("Tổng hợp", &[first, second]) else { panic!() };
/// assert_eq!(problems.len(), 1);
/// assert_eq!(problems[0].index, 1);
/// assert_eq!(
///     problems[0].message_en(),
///     "report 2 (UBND tỉnh Lạng Sơn) is of the half-year 2023, not of Q3 2023 like report 1: reports of different periods cannot be added up"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemberProblem {
    /// The member's position among the reports (from 0).
    pub index: usize,
    /// The member's body, as it names itself.
    pub body: String,
    /// What is wrong.
    pub kind: MemberProblemKind,
}

/// What is wrong with a member of an aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MemberProblemKind {
    /// No report was given.
    NoMembers,
    /// The member's period is not the first member's.
    Period {
        /// The first member's period.
        expected: Option<crate::period::Period>,
        /// The member's.
        found: Option<crate::period::Period>,
    },
    /// The member's template is not the first member's.
    Template {
        /// The first member's template.
        expected: crate::template::TemplateVersion,
        /// The member's.
        found: crate::template::TemplateVersion,
    },
    /// More members than [`MAX_REPORTS`]: refused before any is read (the
    /// problem names the first member past the limit).
    TooMany {
        /// How many members were given.
        given: usize,
    },
    /// The member gives no period.
    NoPeriod,
    /// The member's body is one added before (the same
    /// [`BodyKey`](crate::meta::BodyKey)): a body is counted once.
    SameBody {
        /// The position of the member of that body added first.
        first: usize,
    },
}

fn period_words(period: Option<crate::period::Period>, vietnamese: bool) -> String {
    match (period, vietnamese) {
        (None, true) => "không ghi kỳ".to_owned(),
        (None, false) => "no period".to_owned(),
        (Some(p), true) => format!("{} năm {}", p.term.name_vi(), p.year),
        (Some(p), false) => format!("{} {}", p.term.name_en(), p.year),
    }
}

impl MemberProblem {
    fn who(&self) -> String {
        if self.body.is_empty() {
            format!("{}", self.index + 1)
        } else {
            format!("{} ({})", self.index + 1, shown(&self.body))
        }
    }

    /// What is wrong, in Vietnamese.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self.kind {
            MemberProblemKind::NoMembers => "không có báo cáo nào để tổng hợp".to_owned(),
            MemberProblemKind::Period { expected, found } => format!(
                "báo cáo thứ {} thuộc kỳ {}, không phải kỳ {} như báo cáo thứ 1: không cộng được các báo cáo khác kỳ",
                self.who(),
                period_words(found, true),
                period_words(expected, true)
            ),
            MemberProblemKind::Template { expected, found } => format!(
                "báo cáo thứ {} theo mẫu {}, không phải mẫu {} như báo cáo thứ 1: không cộng được các báo cáo khác mẫu",
                self.who(),
                found,
                expected
            ),
            MemberProblemKind::TooMany { given } => format!(
                "có {given} báo cáo, quá {MAX_REPORTS} báo cáo mà thư viện cộng một lần: không đọc báo cáo nào"
            ),
            MemberProblemKind::NoPeriod => format!(
                "báo cáo thứ {} không ghi kỳ báo cáo: không biết cộng vào tổng hợp của kỳ nào",
                self.who()
            ),
            MemberProblemKind::SameBody { first } => format!(
                "báo cáo thứ {} cùng đơn vị với báo cáo thứ {}: mỗi đơn vị chỉ được cộng một lần",
                self.who(),
                first + 1
            ),
        }
    }

    /// What is wrong, in English.
    #[must_use]
    pub fn message_en(&self) -> String {
        match self.kind {
            MemberProblemKind::NoMembers => "no report to add up".to_owned(),
            MemberProblemKind::Period { expected, found } => format!(
                "report {} is of {}, not of {} like report 1: reports of different periods cannot be added up",
                self.who(),
                period_words(found, false),
                period_words(expected, false)
            ),
            MemberProblemKind::Template { expected, found } => format!(
                "report {} follows the template {}, not {} like report 1: reports of different templates cannot be added up",
                self.who(),
                found,
                expected
            ),
            MemberProblemKind::TooMany { given } => format!(
                "{given} reports given, more than the {MAX_REPORTS} this library adds up at once: none was read"
            ),
            MemberProblemKind::NoPeriod => format!(
                "report {} gives no period: which period's total it belongs to is not known",
                self.who()
            ),
            MemberProblemKind::SameBody { first } => format!(
                "report {} is of the same body as report {}: a body is counted once in a total",
                self.who(),
                first + 1
            ),
        }
    }
}

impl fmt::Display for MemberProblem {
    /// The problem in English, then in Vietnamese.
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{} / {}", self.message_en(), self.message_vi())
    }
}

/// One problem in a JSON report: where it is, what it said, what is wrong.
///
/// # Example
/// ```
/// use cchc_forms::{Error, Report};
///
/// let mut json = serde_json::to_value(cchc_forms::samples::bac_giang_2023_q3()).unwrap();
/// json["form3"]["resolved_departments"] = serde_json::json!(-5);
/// json["form4"]["typo"] = serde_json::json!(1);
/// let Err(Error::Json(problems)) = Report::from_json(&json.to_string()) else { panic!() };
/// assert_eq!(problems.len(), 2);
/// assert_eq!(problems[0].cell.map(|c| (c.indicator().form, c.indicator().stt)), Some((3, "3.1.1")));
/// assert_eq!(problems[0].raw, "-5");
/// assert_eq!(problems[0].message_en, "a count cannot be negative");
/// assert_eq!(problems[0].message_vi, "số lượng không thể âm");
/// assert_eq!(problems[1].path, "form4.typo");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JsonProblem {
    /// Where in the document, as dotted keys (`form3.resolved_departments`);
    /// empty for the document itself.
    pub path: String,
    /// The indicator, when the problem is in one.
    pub cell: Option<crate::catalogue::CellId>,
    /// The offending JSON text (empty when something is missing), cut after
    /// [`MAX_ECHO_CHARS`] characters.
    pub raw: String,
    /// The line of the document, counted from 1, when known.
    pub line: Option<usize>,
    /// What is wrong, in English.
    pub message_en: String,
    /// What is wrong, in Vietnamese.
    pub message_vi: String,
}

impl JsonProblem {
    /// The form the problem is in, if any (`form3.…` is form 3).
    #[must_use]
    pub fn form(&self) -> Option<u8> {
        if let Some(cell) = self.cell {
            return Some(cell.indicator().form);
        }
        let head = self.path.split('.').next()?;
        let number = head.strip_prefix("form")?.parse::<u8>().ok()?;
        (1..=7).contains(&number).then_some(number)
    }
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(out, "line {line}, ")?;
        }
        if let Some(cell) = self.cell {
            let indicator = cell.indicator();
            write!(
                out,
                "form {}, STT {}, ",
                indicator.form,
                Quoted(indicator.stt)
            )?;
        }
        if !self.path.is_empty() {
            write!(out, "at {}, ", self.path)?;
        }
        if !self.raw.is_empty() {
            write!(out, "value {}: ", self.raw)?;
        }
        out.write_str(&self.message_en)
    }
}

impl Error {
    /// The bad cells of [`Error::Rows`] (empty for other variants).
    #[must_use]
    pub fn cells(&self) -> &[CellError] {
        match self {
            Error::Rows(cells) => cells,
            Error::Json(_) | Error::Encoding(_) | Error::Meta(_) | Error::Members(_) => &[],
        }
    }

    /// How many problems it reports, listed or only counted.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Error::Rows(cells) => cells.total(),
            Error::Json(problems) => problems.total(),
            Error::Encoding(_) => 1,
            Error::Meta(problems) => problems.len(),
            Error::Members(problems) => problems.len(),
        }
    }

    /// Whether it reports no problem (never, for an error this crate made).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Displays a list of problems separated by `; `, then how many were left out.
struct Joined<'a, T>(&'a [T], usize);

impl<T: fmt::Display> fmt::Display for Joined<'_, T> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, item) in self.0.iter().enumerate() {
            if index > 0 {
                out.write_str("; ")?;
            }
            item.fmt(out)?;
        }
        if self.1 > 0 {
            write!(out, "; and {} more", self.1)?;
        }
        Ok(())
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
    pub fn message_vi(&self) -> String {
        match self {
            Place::Table { table, row, cell } => match cell {
                Some(cell) => format!("bảng {table}, hàng {row}, ô {cell}"),
                None => format!("bảng {table}, hàng {row}"),
            },
            Place::Paragraph { paragraph } => format!("đoạn văn {paragraph}"),
            Place::Sheet { sheet, cell } => {
                format!("trang tính {}, ô {cell}", Quoted(sheet))
            }
            Place::Part { part } => format!("phần {}", Quoted(part)),
        }
    }

    /// Where, in English: `table 3, row 12, cell 4`, `sheet "Biểu 3", cell D12`.
    #[must_use]
    pub fn message_en(&self) -> String {
        match self {
            Place::Table { table, row, cell } => match cell {
                Some(cell) => format!("table {table}, row {row}, cell {cell}"),
                None => format!("table {table}, row {row}"),
            },
            Place::Paragraph { paragraph } => format!("paragraph {paragraph}"),
            Place::Sheet { sheet, cell } => format!("sheet {}, cell {cell}", Quoted(sheet)),
            Place::Part { part } => format!("part {}", Quoted(part)),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(&self.message_en())
    }
}
