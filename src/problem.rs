//! What is wrong with one cell's text or one metadata line, in Vietnamese
//! and English: the problems a value's reader finds before any template
//! or report is involved. [`crate::error::Error`] places them in a document.

use std::fmt;

use crate::limits::{MAX_CELL_CHARS, MAX_DOCUMENT_BYTES, MAX_PROBLEMS, MAX_ROWS, REPORT_YEARS};
use crate::number::{NumberError, english_reading};
use crate::quote::Quoted;

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
        term: crate::period::Term,
    },
    /// A level of government that does not report under the template
    /// (a district under a template of two levels).
    LevelNotInTemplate {
        /// The level given.
        level: crate::period::Level,
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
        /// 1 for [`Report::from_rows`](crate::bnv581::Report::from_rows), the line
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
