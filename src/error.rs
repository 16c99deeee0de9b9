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

use crate::number::{NumberError, english_reading};

/// The most problems an [`Error`] lists. The readers of text (rows,
/// printed forms, `#!` metadata) stop reading at the [`MAX_PROBLEMS`]th
/// problem, which is listed as [`CellProblem::ProblemLimit`] at its line;
/// past it, problems of rows given in code and of JSON are only counted.
pub const MAX_PROBLEMS: usize = 1_000;

/// The years a report's period may name, 2000 to 2100, the same for every
/// reader: a `#!` period line, a printed report's title and a JSON
/// report's `meta.period.year`.
pub const REPORT_YEARS: std::ops::RangeInclusive<u16> = 2000..=2100;

/// The most characters of a cell's or a line's text that a problem echoes;
/// longer text is cut and ends with `…`.
pub const MAX_ECHO_CHARS: usize = 200;

/// The largest document the readers take, in bytes (8 MiB): the bytes given
/// to [`decode_text`](crate::decode_text), the text given to
/// [`read_tsv`](crate::rows::read_tsv), [`parse_tsv`](crate::rows::parse_tsv),
/// [`read_meta`](crate::rows::read_meta),
/// [`read_printed`](crate::printed::read_printed) and
/// [`Report::from_json`](crate::Report::from_json). A whole report
/// document, its prose included, is about 60 kB; its rows about 5 kB.
/// A larger document is refused before it is read, with one problem
/// ([`CellProblem::DocumentTooLarge`], [`EncodingProblem::TooLarge`], or a
/// [`JsonProblem`] at the document's root).
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;

/// The most rows a report is read from (10,000): the rows given to
/// [`Report::from_rows`](crate::Report::from_rows) and the rows (lines with
/// a form number) of [`parse_tsv`](crate::rows::parse_tsv) and
/// [`read_tsv`](crate::rows::read_tsv). A report has 125 indicators and
/// some thirty headings, so each can be given many times over; reading
/// stops at the first row past the limit, which is reported
/// ([`CellProblem::TooManyRows`]) after the problems of the rows before it.
/// An endless iterator of rows is therefore refused, not read forever.
pub const MAX_ROWS: usize = 10_000;

/// The longest cell text a report takes, in characters (200): a number
/// needs at most 23 (`-999.999.999.999,999999`), the rest is room for white
/// space around it. A longer cell is refused with
/// [`CellProblem::CellTooLong`], without being parsed; the same limit
/// bounds a `#!` metadata line's value.
pub const MAX_CELL_CHARS: usize = 200;

/// The deepest nesting of arrays and objects in a JSON report (16): a
/// report nests 2 deep (the report, a form), its metadata 3 (the period).
/// A document nested deeper is refused before it is read, with one problem
/// at the level past the limit, and nothing deeper is ever parsed.
pub const MAX_JSON_DEPTH: usize = 16;

/// The most reports read together (10,000): the members given to
/// [`aggregate`](crate::aggregate::aggregate) and the reports given to
/// [`check_reports`](crate::series::check_reports) and
/// [`Series::group`](crate::series::Series::group). A province's
/// departments and districts are some 30 reports, the nation's provinces
/// 63 (34 since July 2025), a body's series 4 a year. More members are
/// refused before any is read ([`MemberProblemKind::TooMany`]); of more
/// reports to check, the first 10,000 are checked and the first one past
/// the limit is set aside with the reason
/// ([`UnplacedReason::TooMany`](crate::series::UnplacedReason::TooMany)),
/// standing for the rest.
pub const MAX_REPORTS: usize = 10_000;

/// The most members a finding of an aggregate names as breaking its rule
/// on their own (10): its cells and messages name the first 10 and count
/// the rest, so that a finding's size does not grow with the members.
pub const MAX_NAMED_MEMBERS: usize = 10;

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

/// Text in double quotes, with the characters one cannot see escaped: tab
/// `\t`, line breaks, NUL `\0`, and any other control, format or space
/// character but the plain space as `\u{a0}` (a non-breaking space).
///
/// # Example
/// ```
/// use cchc_forms::Quoted;
/// assert_eq!(Quoted("3.1\u{a0}").to_string(), r#""3.1\u{a0}""#);
/// assert_eq!(Quoted("a\0b\t\"c\"").to_string(), r#""a\0b\t\"c\"""#);
/// assert_eq!(Quoted("Số liệu").to_string(), "\"Số liệu\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        out.write_char('"')?;
        for character in self.0.chars() {
            match character {
                '"' => out.write_str("\\\"")?,
                '\\' => out.write_str("\\\\")?,
                '\t' => out.write_str("\\t")?,
                '\n' => out.write_str("\\n")?,
                '\r' => out.write_str("\\r")?,
                '\0' => out.write_str("\\0")?,
                c if is_invisible(c) => write!(out, "\\u{{{:x}}}", u32::from(c))?,
                c => out.write_char(c)?,
            }
        }
        out.write_char('"')
    }
}

/// Characters a reader cannot see or tell from a space.
pub(crate) fn is_invisible(c: char) -> bool {
    (c.is_whitespace() && c != ' ')
        || c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fffb}'
        )
}

/// At most [`MAX_ECHO_CHARS`] characters of `text`, then `…` and how many
/// characters were cut.
pub(crate) fn echo(text: &str) -> String {
    match text.char_indices().nth(MAX_ECHO_CHARS) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let rest = text[cut..].chars().count();
            format!("{}… (+{rest} characters)", &text[..cut])
        }
    }
}

/// Text as a message shows it inside its own quotes or backticks: cut as
/// [`echo`] cuts it, the characters one cannot see escaped as [`Quoted`]
/// escapes them (a key, a body, a label).
pub(crate) fn shown(text: &str) -> String {
    let quoted = Quoted(&echo(text)).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

/// Why metadata is refused: a `#! key: value` line that is not understood,
/// or metadata that the report's template refuses.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MetaProblem {
    /// The line is not `#! key: value`.
    NotKeyValue,
    /// A key this crate does not know.
    UnknownKey {
        /// The key as written.
        key: String,
    },
    /// A key given twice.
    Repeated {
        /// The key (`body`, `level`, `period`, `template`).
        key: &'static str,
        /// The line that gave it first (from 1).
        first_line: usize,
    },
    /// A key with no value.
    Empty {
        /// The key.
        key: &'static str,
    },
    /// A level of government that is not one of the four.
    BadLevel,
    /// A period that cannot be read as a year and a term.
    BadPeriod,
    /// A quarter that has no report of its own (quý II, quý IV): its data
    /// is in the half-year and year reports.
    NotAReportPeriod,
    /// A template this crate does not know.
    BadTemplate,
    /// A reference count (departments, districts, communes) that is not a
    /// whole number (up to 4.294.967.295).
    BadCount {
        /// The key (`departments`, `districts`, `communes`).
        key: &'static str,
    },
    /// A district-level report for a period whose data window starts on or
    /// after 1 July 2025, when the district level ceased to exist (Law
    /// 72/2025/QH15).
    NoDistrictLevel {
        /// The report's year.
        year: u16,
        /// The report's term.
        term: crate::Term,
    },
    /// A level of government that does not report under the template
    /// (a district under a template of two levels).
    LevelNotInTemplate {
        /// The level given.
        level: crate::Level,
        /// The template's short name.
        template: &'static str,
    },
    /// A period whose year is outside [`REPORT_YEARS`]: a typing slip
    /// (`2203` for `2023`), the same range for every reader.
    YearOutOfRange {
        /// The year as read.
        year: u16,
    },
}

impl fmt::Display for MetaProblem {
    /// The problem in English, then in Vietnamese.
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{} / {}", self.message_en(), self.message_vi())
    }
}

impl MetaProblem {
    /// What is wrong, in Vietnamese.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self {
            MetaProblem::NotKeyValue => {
                "dòng thông tin báo cáo phải có dạng `#! khóa: giá trị` (ví dụ `#! period: 2023 Q3`)"
                    .to_owned()
            }
            MetaProblem::UnknownKey { key } => format!(
                "không có thông tin {}: các khóa là body (đơn vị báo cáo), level (cấp), period (kỳ báo cáo), template (mẫu), departments (số sở, ngành), districts (số đơn vị cấp huyện), communes (số đơn vị cấp xã)",
                Quoted(key)
            ),
            MetaProblem::Repeated { key, first_line } => {
                format!("{key} đã được ghi ở dòng {first_line}")
            }
            MetaProblem::Empty { key } => format!("{key} không có giá trị"),
            MetaProblem::BadLevel => {
                "cấp phải là ministry (bộ), province (tỉnh), district (huyện) hoặc commune (xã)"
                    .to_owned()
            }
            MetaProblem::BadPeriod => {
                "kỳ báo cáo phải gồm năm và kỳ: Q1 (quý I), half_year (6 tháng), Q3 (quý III) hoặc year (năm), ví dụ `2023 Q3`"
                    .to_owned()
            }
            MetaProblem::NotAReportPeriod => {
                "quý II và quý IV không có báo cáo riêng: các kỳ báo cáo là quý I, 6 tháng, quý III và năm"
                    .to_owned()
            }
            MetaProblem::BadTemplate => {
                "mẫu biểu duy nhất được hỗ trợ là 581/BNV-CCHC/2022".to_owned()
            }
            MetaProblem::BadCount { key } => {
                format!("{key} phải là một số nguyên không âm (ví dụ `#! {key}: 209`)")
            }
            MetaProblem::NoDistrictLevel { year, term } => format!(
                "báo cáo {} năm {year} không thể là của cấp huyện: không còn cấp huyện từ ngày 01/7/2025 (Luật số 72/2025/QH15)",
                term.name_vi()
            ),
            MetaProblem::LevelNotInTemplate { level, template } => format!(
                "cấp {} không báo cáo theo mẫu {template}",
                level.name_vi()
            ),
            MetaProblem::YearOutOfRange { year } => format!(
                "năm {year} nằm ngoài các năm của một kỳ báo cáo ({} đến {})",
                REPORT_YEARS.start(),
                REPORT_YEARS.end()
            ),
        }
    }

    /// What is wrong, in English.
    #[must_use]
    pub fn message_en(&self) -> String {
        match self {
            MetaProblem::NotKeyValue => {
                "a metadata line is `#! key: value` (for example `#! period: 2023 Q3`)".to_owned()
            }
            MetaProblem::UnknownKey { key } => format!(
                "unknown metadata {}: the keys are body, level, period, template, departments, districts and communes",
                Quoted(key)
            ),
            MetaProblem::Repeated { key, first_line } => {
                format!("{key} was already given on line {first_line}")
            }
            MetaProblem::Empty { key } => format!("{key} has no value"),
            MetaProblem::BadLevel => {
                "the level is ministry, province, district or commune".to_owned()
            }
            MetaProblem::BadPeriod => {
                "a period is a year and a term: Q1, half_year, Q3 or year, for example `2023 Q3`"
                    .to_owned()
            }
            MetaProblem::NotAReportPeriod => {
                "the second and fourth quarters have no report of their own: the periods are Q1, the half-year, Q3 and the year"
                    .to_owned()
            }
            MetaProblem::BadTemplate => {
                "the only template supported is 581/BNV-CCHC/2022".to_owned()
            }
            MetaProblem::BadCount { key } => {
                format!("{key} is a whole number (for example `#! {key}: 209`)")
            }
            MetaProblem::NoDistrictLevel { year, term } => format!(
                "a report of {} {year} cannot be of the district level: there is no district level since 1 July 2025 (Law 72/2025/QH15)",
                term.name_en()
            ),
            MetaProblem::LevelNotInTemplate { level, template } => format!(
                "the {} level does not report under the template {template}",
                level.name_en()
            ),
            MetaProblem::YearOutOfRange { year } => format!(
                "the year {year} is outside the years of a report period ({} to {})",
                REPORT_YEARS.start(),
                REPORT_YEARS.end()
            ),
        }
    }
}

/// Why one cell (or one line of a document) cannot be part of a report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum CellProblem {
    /// The text is not a Vietnamese number of the indicator's kind (this
    /// includes a negative or fractional count).
    #[error("{0}")]
    NotANumber(#[from] NumberError),
    /// A number that is not in the code's legend.
    #[error("not a code of the legend `{legend}`")]
    NotInLegend {
        /// The legend as printed.
        legend: &'static str,
    },
    /// The form number is not 1 to 7 (or not a number).
    #[error("there is no form with this number (forms are 1 to 7)")]
    UnknownForm,
    /// The form has no row with this STT.
    #[error("this form has no row with this STT")]
    UnknownStt,
    /// The row is a heading, which holds no value.
    #[error("this row is a heading and holds no value")]
    ValueOnHeading,
    /// The same cell was given more than once.
    #[error("this cell was already given (first at row {first_row})")]
    Duplicate {
        /// Where the cell was given first: the row's position counted from
        /// 1 for [`Report::from_rows`](crate::Report::from_rows), the line
        /// number for text.
        first_row: usize,
    },
    /// A figure in another column than the value column (an empty or
    /// merged column shifts it): it would be lost.
    #[error("a figure in column {column}, not in the value column ({expected})")]
    ValueOutsideColumn {
        /// The column it is in, counted from 1.
        column: usize,
        /// The value column, counted from 1.
        expected: usize,
    },
    /// A line whose columns are not separated by tabs (a comma- or
    /// semicolon-separated file).
    #[error("the columns are not separated by tabs")]
    NotTabSeparated,
    /// A line of column headings (`form<TAB>stt<TAB>value`) not marked as
    /// a comment.
    #[error("a line of column headings; start it with # to keep it")]
    HeaderLine,
    /// A metadata line (`#! key: value`) that is not understood.
    #[error("{}", .0.message_en())]
    Metadata(MetaProblem),
    /// A printed row before any form: no `Biểu mẫu N` line or table
    /// heading says which form it belongs to.
    #[error("a row before any form (no `Biểu mẫu N` line above it)")]
    OutsideForm,
    /// A row printed without an STT that neither its position nor its label
    /// places.
    #[error("a row without STT that neither its position nor its label places")]
    Unplaced,
    /// A document with no figure at all: nothing to check.
    #[error("no figures found")]
    NoFigures,
    /// A document larger than [`MAX_DOCUMENT_BYTES`]: not read.
    #[error(
        "the document has {bytes} bytes, more than the {MAX_DOCUMENT_BYTES} this library reads"
    )]
    DocumentTooLarge {
        /// The document's size in bytes.
        bytes: usize,
    },
    /// A row past the [`MAX_ROWS`]th: reading stopped there.
    #[error("more than {MAX_ROWS} rows: reading stopped at this one")]
    TooManyRows,
    /// A cell text longer than [`MAX_CELL_CHARS`] characters: not parsed.
    #[error("the cell has more than {MAX_CELL_CHARS} characters")]
    CellTooLong,
    /// A printed row whose columns are separated by spaces, not tabs (the
    /// tabs were turned into spaces when copied): its cells cannot be told
    /// apart. The text is the line, or the cell that ends with the figure.
    #[error(
        "the row's columns are separated by spaces, not tabs (its tabs were turned into spaces when copied): its label, unit and value cannot be told apart; copy the table again, or put tabs between STT, label, unit and value"
    )]
    TabsAsSpaces,
    /// A printed row with a figure in its unit column and another in its
    /// value column: which is the value cannot be told.
    #[error(
        "a figure in the unit column ({column}) and another in the value column: the row's cells are shifted; which is the value cannot be told"
    )]
    FigureInUnitColumn {
        /// The unit column, counted from 1.
        column: usize,
    },
    /// The [`MAX_PROBLEMS`]th problem of a text: reading stopped at its
    /// line (the problems before it are listed; later lines were not read).
    #[error(
        "a {MAX_PROBLEMS}th problem: reading stopped at this line; fix the problems listed before it and read the document again"
    )]
    ProblemLimit,
    /// A Word or Excel document that cannot be read as one, or a cell of
    /// it that holds no number where one is due (see [`DocumentProblem`]).
    #[error("{}", .0.message_en())]
    Document(DocumentProblem),
}

impl CellProblem {
    /// The message in Vietnamese. `raw` is the text the problem is about;
    /// it gives the "did you mean …?" of a number written the English way.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::CellProblem;
    /// use cchc_forms::number::NumberError;
    /// let problem = CellProblem::NotANumber(NumberError::EnglishSeparators);
    /// assert!(problem.message_vi("1,420").ends_with("có phải là 1.420?"));
    /// assert!(problem.message_en("1,420").ends_with("did you mean 1.420?"));
    /// ```
    #[must_use]
    pub fn message_vi(&self, raw: &str) -> String {
        let mut message = match self {
            CellProblem::NotANumber(error) => error.message_vi(),
            CellProblem::NotInLegend { legend } => {
                format!("không phải một mã của chú giải `{legend}`")
            }
            CellProblem::UnknownForm => {
                "không có biểu mẫu số này (cột đầu là số biểu mẫu, từ 1 đến 7)".to_owned()
            }
            CellProblem::UnknownStt => "biểu mẫu này không có dòng có STT này".to_owned(),
            CellProblem::ValueOnHeading => {
                "dòng này là dòng tiêu đề nhóm, không ghi số liệu".to_owned()
            }
            CellProblem::Duplicate { first_row } => {
                format!("ô này đã được ghi ở dòng {first_row}")
            }
            CellProblem::ValueOutsideColumn { column, expected } => format!(
                "số liệu nằm ở cột {column}, không ở cột số liệu (cột {expected}); có thể do một cột trống hoặc ô gộp"
            ),
            CellProblem::NotTabSeparated => {
                "các cột phải cách nhau bằng dấu tab (Excel: lưu dưới dạng “Text (Tab delimited)” hoặc “Unicode Text”)"
                    .to_owned()
            }
            CellProblem::HeaderLine => {
                "dòng tên cột: thêm # ở đầu dòng để ghi chú".to_owned()
            }
            CellProblem::Metadata(problem) => problem.message_vi(),
            CellProblem::OutsideForm => {
                "dòng số liệu nằm trước mọi biểu mẫu (thiếu dòng `Biểu mẫu N` ở trên)".to_owned()
            }
            CellProblem::Unplaced => {
                "dòng không có STT, không xác định được theo vị trí hay theo tên chỉ tiêu".to_owned()
            }
            CellProblem::NoFigures => "không tìm thấy số liệu nào".to_owned(),
            CellProblem::DocumentTooLarge { bytes } => format!(
                "tài liệu có {bytes} byte, quá {MAX_DOCUMENT_BYTES} byte mà thư viện đọc"
            ),
            CellProblem::TooManyRows => {
                format!("quá {MAX_ROWS} dòng số liệu: dừng đọc tại dòng này")
            }
            CellProblem::CellTooLong => format!("ô có quá {MAX_CELL_CHARS} ký tự"),
            CellProblem::TabsAsSpaces => {
                "các cột của dòng cách nhau bằng dấu cách, không phải dấu tab (dấu tab đã bị đổi thành dấu cách khi sao chép): không tách được tên chỉ tiêu, đơn vị tính và số liệu; hãy sao chép lại bảng, hoặc đặt dấu tab giữa STT, tên chỉ tiêu, đơn vị tính và số liệu".to_owned()
            }
            CellProblem::FigureInUnitColumn { column } => format!(
                "cột đơn vị tính (cột {column}) có một số và cột số liệu có một số khác: các ô của dòng bị lệch, không biết số nào là số liệu"
            ),
            CellProblem::ProblemLimit => format!(
                "lỗi thứ {MAX_PROBLEMS}: dừng đọc tại dòng này; hãy sửa các lỗi ở trên rồi đọc lại tài liệu"
            ),
            CellProblem::Document(problem) => problem.message_vi(),
        };
        if let Some(hint) = self.hint(raw) {
            message.push_str(": có phải là ");
            message.push_str(&hint);
            message.push('?');
        }
        message
    }

    /// The message in English; see [`CellProblem::message_vi`].
    #[must_use]
    pub fn message_en(&self, raw: &str) -> String {
        let mut message = match self {
            CellProblem::NotANumber(error) => error.message_en(),
            CellProblem::UnknownForm => {
                "there is no form with this number (the first column is the form number, 1 to 7)"
                    .to_owned()
            }
            CellProblem::Duplicate { first_row } => {
                format!("this cell was already given, on line {first_row}")
            }
            CellProblem::ValueOutsideColumn { column, expected } => format!(
                "a figure in column {column}, not in the value column ({expected}); an empty or merged column may have shifted it"
            ),
            CellProblem::NotTabSeparated => {
                "the columns must be separated by tabs (Excel: save as “Text (Tab delimited)” or “Unicode Text”)"
                    .to_owned()
            }
            other => other.to_string(),
        };
        if let Some(hint) = self.hint(raw) {
            message.push_str(": did you mean ");
            message.push_str(&hint);
            message.push('?');
        }
        message
    }

    /// The Vietnamese spelling of a number written the English way.
    fn hint(&self, raw: &str) -> Option<String> {
        match self {
            CellProblem::NotANumber(NumberError::EnglishSeparators | NumberError::BadGrouping) => {
                english_reading(raw)
            }
            _ => None,
        }
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
    /// code ([`Report::from_rows`](crate::Report::from_rows)) and for Word
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
        expected: Option<crate::Period>,
        /// The member's.
        found: Option<crate::Period>,
    },
    /// The member's template is not the first member's.
    Template {
        /// The first member's template.
        expected: crate::TemplateVersion,
        /// The member's.
        found: crate::TemplateVersion,
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
    /// [`BodyKey`](crate::BodyKey)): a body is counted once.
    SameBody {
        /// The position of the member of that body added first.
        first: usize,
    },
}

fn period_words(period: Option<crate::Period>, vietnamese: bool) -> String {
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

/// Why a Word or Excel document cannot be read, or why a cell of it holds
/// no number where one is due. The limits are those of
/// `cchc_forms::office` (feature `office`), named in each message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DocumentProblem {
    /// Bytes that are not a document of the kind asked for: another kind
    /// (an old binary `.doc` or `.xls`, a PDF, text), or a damaged file.
    WrongKind {
        /// What the bytes are, in English (`an old binary Word or Excel
        /// document (.doc, .xls)`).
        found_en: &'static str,
        /// What the bytes are, in Vietnamese.
        found_vi: &'static str,
        /// What was expected: `.docx` or `.xlsx`.
        expected: &'static str,
    },
    /// The zip container is damaged: its directory or a part cannot be read.
    Damaged {
        /// What is damaged, in English.
        what: &'static str,
    },
    /// A part is encrypted (a document protected by a password).
    Encrypted,
    /// A part compressed with a method other than stored or deflate.
    UnsupportedCompression {
        /// The zip compression method's number.
        method: u16,
    },
    /// More parts in the container than the limit.
    TooManyParts {
        /// How many parts it declares.
        parts: u64,
        /// The limit.
        limit: usize,
    },
    /// A part that inflates past the limit (a zip bomb), or the parts read
    /// together past theirs.
    PartTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A part the document needs is not in it.
    PartMissing,
    /// XML that is not well-formed.
    Xml {
        /// What the XML parser says, in English.
        message: String,
    },
    /// XML with a document type declaration (`<!DOCTYPE`), which office
    /// documents never have: refused, so that no entity is ever defined.
    Doctype,
    /// An entity reference other than XML's five and character references.
    UnknownEntity {
        /// The entity's name.
        name: String,
    },
    /// Elements nested deeper than the limit.
    TooDeep {
        /// The limit.
        limit: usize,
    },
    /// More of something than the limit: sheets, rows of a sheet, cells,
    /// shared strings, lines of text.
    TooMany {
        /// What, in English (`rows in a sheet`).
        what_en: &'static str,
        /// What, in Vietnamese (`hàng trong một trang tính`).
        what_vi: &'static str,
        /// The limit.
        limit: usize,
    },
    /// A date where a number is due (Excel turns `1.4` into a date).
    DateNotNumber,
    /// A boolean (TRUE, FALSE) where a number is due.
    BooleanNotNumber,
    /// A number in an Excel cell that no decimal of the crate holds.
    NumberOutOfRange,
}

impl DocumentProblem {
    /// What is wrong, in Vietnamese, with what to do.
    #[must_use]
    pub fn message_vi(&self) -> String {
        match self {
            DocumentProblem::WrongKind {
                found_vi, expected, ..
            } => format!(
                "tệp là {found_vi}, không phải tài liệu {expected}: hãy mở tệp trong Word hoặc Excel và lưu dưới dạng {expected} (Word: .docx, Excel: .xlsx)"
            ),
            DocumentProblem::Damaged { what } => {
                format!("tệp bị hỏng ({what}): hãy mở và lưu lại tệp trong Word hoặc Excel")
            }
            DocumentProblem::Encrypted => {
                "tài liệu được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi lưu lại".to_owned()
            }
            DocumentProblem::UnsupportedCompression { method } => format!(
                "một phần của tệp được nén bằng phương pháp {method}, không phải deflate: hãy lưu lại tệp trong Word hoặc Excel"
            ),
            DocumentProblem::TooManyParts { parts, limit } => format!(
                "tệp zip có {parts} phần, quá {limit} phần mà thư viện đọc: một báo cáo chỉ có vài chục phần"
            ),
            DocumentProblem::PartTooLarge { limit } => format!(
                "một phần của tệp giải nén ra hơn {limit} byte, giới hạn thư viện đọc (tệp nén bất thường)"
            ),
            DocumentProblem::PartMissing => {
                "tệp thiếu phần này: không phải tài liệu Word hoặc Excel đầy đủ".to_owned()
            }
            DocumentProblem::Xml { message } => {
                format!("XML không hợp lệ ({message})")
            }
            DocumentProblem::Doctype => {
                "XML có khai báo DOCTYPE, tài liệu Office không bao giờ có: bị từ chối".to_owned()
            }
            DocumentProblem::UnknownEntity { name } => {
                format!("XML dùng thực thể &{name}; không được định nghĩa: bị từ chối")
            }
            DocumentProblem::TooDeep { limit } => {
                format!("XML lồng nhau quá {limit} cấp, giới hạn thư viện đọc")
            }
            DocumentProblem::TooMany { what_vi, limit, .. } => {
                format!("quá {limit} {what_vi}, giới hạn thư viện đọc")
            }
            DocumentProblem::DateNotNumber => {
                "ô chứa ngày tháng, không phải số (Excel có thể đã đổi số thành ngày): hãy định dạng ô là số và nhập lại"
                    .to_owned()
            }
            DocumentProblem::BooleanNotNumber => {
                "ô chứa giá trị đúng/sai (TRUE/FALSE), không phải số".to_owned()
            }
            DocumentProblem::NumberOutOfRange => "số quá lớn hoặc quá nhỏ để đọc".to_owned(),
        }
    }

    /// What is wrong, in English, with what to do.
    #[must_use]
    pub fn message_en(&self) -> String {
        match self {
            DocumentProblem::WrongKind {
                found_en, expected, ..
            } => format!(
                "the file is {found_en}, not a {expected} document: open it in Word or Excel and save it as {expected} (Word: .docx, Excel: .xlsx)"
            ),
            DocumentProblem::Damaged { what } => {
                format!("the file is damaged ({what}): open it and save it again in Word or Excel")
            }
            DocumentProblem::Encrypted => {
                "the document is protected by a password: remove the password and save it again"
                    .to_owned()
            }
            DocumentProblem::UnsupportedCompression { method } => format!(
                "a part of the file is compressed with method {method}, not deflate: save it again in Word or Excel"
            ),
            DocumentProblem::TooManyParts { parts, limit } => format!(
                "the zip container has {parts} parts, more than the {limit} this library reads: a report has a few dozen"
            ),
            DocumentProblem::PartTooLarge { limit } => format!(
                "a part of the file inflates past {limit} bytes, the limit this library reads (an abnormal compressed file)"
            ),
            DocumentProblem::PartMissing => {
                "the file lacks this part: it is not a whole Word or Excel document".to_owned()
            }
            DocumentProblem::Xml { message } => format!("XML that is not well-formed ({message})"),
            DocumentProblem::Doctype => {
                "XML with a DOCTYPE declaration, which office documents never have: refused"
                    .to_owned()
            }
            DocumentProblem::UnknownEntity { name } => {
                format!("XML uses the entity &{name}; which is not defined: refused")
            }
            DocumentProblem::TooDeep { limit } => {
                format!("XML nested more than {limit} levels deep, the limit this library reads")
            }
            DocumentProblem::TooMany { what_en, limit, .. } => {
                format!("more than {limit} {what_en}, the limit this library reads")
            }
            DocumentProblem::DateNotNumber => {
                "the cell holds a date, not a number (Excel may have turned the number into a date): format the cell as a number and type it again"
                    .to_owned()
            }
            DocumentProblem::BooleanNotNumber => {
                "the cell holds a boolean (TRUE/FALSE), not a number".to_owned()
            }
            DocumentProblem::NumberOutOfRange => {
                "the number is too large or too small to be read".to_owned()
            }
        }
    }
}
