//! What is wrong with one cell's text or one metadata line, in Vietnamese
//! and English: the problems a value's reader finds before any template
//! or report is involved. [`crate::error::Error`] places them in a document.

use std::fmt;

use crate::limits::{MAX_CELL_CHARS, MAX_DOCUMENT_BYTES, MAX_PROBLEMS, MAX_ROWS, REPORT_YEARS};
use crate::message::{Language, Message, Words};
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
    pub fn message_vi(&self) -> Message<&MetaProblem> {
        self.in_language(Language::Vietnamese)
    }

    /// What is wrong, in English.
    #[must_use]
    pub fn message_en(&self) -> Message<&MetaProblem> {
        self.in_language(Language::English)
    }
}

impl Words for MetaProblem {
    #[allow(clippy::too_many_lines)] // one sentence a problem, in both languages
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let vi = language == Language::Vietnamese;
        match self {
            MetaProblem::NotKeyValue => out.write_str(language.pick(
                "dòng thông tin báo cáo phải có dạng `#! khóa: giá trị` (ví dụ `#! period: 2023 Q3`)",
                "a metadata line is `#! key: value` (for example `#! period: 2023 Q3`)",
            )),
            MetaProblem::UnknownKey { key } => {
                if vi {
                    write!(
                        out,
                        "không có thông tin {}: các khóa là body (đơn vị báo cáo), level (cấp), period (kỳ báo cáo), template (mẫu), departments (số sở, ngành), districts (số đơn vị cấp huyện), communes (số đơn vị cấp xã)",
                        Quoted(key)
                    )
                } else {
                    write!(
                        out,
                        "unknown metadata {}: the keys are body, level, period, template, departments, districts and communes",
                        Quoted(key)
                    )
                }
            }
            MetaProblem::Repeated { key, first_line } => {
                if vi {
                    write!(out, "{key} đã được ghi ở dòng {first_line}")
                } else {
                    write!(out, "{key} was already given on line {first_line}")
                }
            }
            MetaProblem::Empty { key } => {
                write!(out, "{key} {}", language.pick("không có giá trị", "has no value"))
            }
            MetaProblem::BadLevel => out.write_str(language.pick(
                "cấp phải là ministry (bộ), province (tỉnh), district (huyện) hoặc commune (xã)",
                "the level is ministry, province, district or commune",
            )),
            MetaProblem::BadPeriod => out.write_str(language.pick(
                "kỳ báo cáo phải gồm năm và kỳ: Q1 (quý I), half_year (6 tháng), Q3 (quý III) hoặc year (năm), ví dụ `2023 Q3`",
                "a period is a year and a term: Q1, half_year, Q3 or year, for example `2023 Q3`",
            )),
            MetaProblem::NotAReportPeriod => out.write_str(language.pick(
                "quý II và quý IV không có báo cáo riêng: các kỳ báo cáo là quý I, 6 tháng, quý III và năm",
                "the second and fourth quarters have no report of their own: the periods are Q1, the half-year, Q3 and the year",
            )),
            MetaProblem::BadTemplate => out.write_str(language.pick(
                "mẫu biểu duy nhất được hỗ trợ là 581/BNV-CCHC/2022",
                "the only template supported is 581/BNV-CCHC/2022",
            )),
            MetaProblem::BadCount { key } => {
                if vi {
                    write!(out, "{key} phải là một số nguyên không âm (ví dụ `#! {key}: 209`)")
                } else {
                    write!(out, "{key} is a whole number (for example `#! {key}: 209`)")
                }
            }
            MetaProblem::NoDistrictLevel { year, term } => {
                if vi {
                    write!(
                        out,
                        "báo cáo {} năm {year} không thể là của cấp huyện: không còn cấp huyện từ ngày 01/7/2025 (Luật số 72/2025/QH15)",
                        term.name_vi()
                    )
                } else {
                    write!(
                        out,
                        "a report of {} {year} cannot be of the district level: there is no district level since 1 July 2025 (Law 72/2025/QH15)",
                        term.name_en()
                    )
                }
            }
            MetaProblem::LevelNotInTemplate { level, template } => {
                if vi {
                    write!(out, "cấp {} không báo cáo theo mẫu {template}", level.name_vi())
                } else {
                    write!(
                        out,
                        "the {} level does not report under the template {template}",
                        level.name_en()
                    )
                }
            }
            MetaProblem::YearOutOfRange { year } => {
                let (first, last) = (REPORT_YEARS.start(), REPORT_YEARS.end());
                if vi {
                    write!(
                        out,
                        "năm {year} nằm ngoài các năm của một kỳ báo cáo ({first} đến {last})"
                    )
                } else {
                    write!(
                        out,
                        "the year {year} is outside the years of a report period ({first} to {last})"
                    )
                }
            }
        }
    }
}

/// Why one cell (or one line of a document) cannot be part of a report.
///
/// Its `Display` is the English message without the hint of a number
/// written the English way; [`CellProblem::message_vi`] and
/// [`CellProblem::message_en`] give each language with it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CellProblem {
    /// The text is not a Vietnamese number of the indicator's kind (this
    /// includes a negative or fractional count).
    NotANumber(NumberError),
    /// A number that is not in the code's legend.
    NotInLegend {
        /// The legend as printed.
        legend: &'static str,
    },
    /// The form number is not 1 to 7 (or not a number).
    UnknownForm,
    /// The form has no row with this STT.
    UnknownStt,
    /// The row is a heading, which holds no value.
    ValueOnHeading,
    /// The same cell was given more than once.
    Duplicate {
        /// Where the cell was given first: the row's position counted from
        /// 1 for [`Report::from_rows`](crate::bnv581::Report::from_rows), the line
        /// number for text.
        first_row: usize,
    },
    /// A figure in another column than the value column (an empty or
    /// merged column shifts it): it would be lost.
    ValueOutsideColumn {
        /// The column it is in, counted from 1.
        column: usize,
        /// The value column, counted from 1.
        expected: usize,
    },
    /// A line whose columns are not separated by tabs (a comma- or
    /// semicolon-separated file).
    NotTabSeparated,
    /// A line of column headings (`form<TAB>stt<TAB>value`) not marked as
    /// a comment.
    HeaderLine,
    /// A metadata line (`#! key: value`) that is not understood.
    Metadata(MetaProblem),
    /// A printed row before any form: no `Biểu mẫu N` line or table
    /// heading says which form it belongs to.
    OutsideForm,
    /// A row printed without an STT that neither its position nor its label
    /// places.
    Unplaced,
    /// A document with no figure at all: nothing to check.
    NoFigures,
    /// A document larger than [`MAX_DOCUMENT_BYTES`]: not read.
    DocumentTooLarge {
        /// The document's size in bytes.
        bytes: usize,
    },
    /// A row past the [`MAX_ROWS`]th: reading stopped there.
    TooManyRows,
    /// A cell text longer than [`MAX_CELL_CHARS`] characters: not parsed.
    CellTooLong,
    /// A printed row whose columns are separated by spaces, not tabs (the
    /// tabs were turned into spaces when copied): its cells cannot be told
    /// apart. The text is the line, or the cell that ends with the figure.
    TabsAsSpaces,
    /// A printed row with a figure in its unit column and another in its
    /// value column: which is the value cannot be told.
    FigureInUnitColumn {
        /// The unit column, counted from 1.
        column: usize,
    },
    /// The [`MAX_PROBLEMS`]th problem of a text: reading stopped at its
    /// line (the problems before it are listed; later lines were not read).
    ProblemLimit,
    /// A Word or Excel document that cannot be read as one, or a cell of
    /// it that holds no number where one is due (see [`DocumentProblem`]).
    Document(DocumentProblem),
}

impl From<NumberError> for CellProblem {
    fn from(error: NumberError) -> CellProblem {
        CellProblem::NotANumber(error)
    }
}

impl fmt::Display for CellProblem {
    /// The message in English (without the hint, which needs the text).
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.said("", FirstGiven::OnLine)
            .write_in(Language::English, out)
    }
}

impl std::error::Error for CellProblem {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CellProblem::NotANumber(error) => Some(error),
            _ => None,
        }
    }
}

/// Where a cell given twice was given first: a line of a text, or a row
/// given in code ([`Report::from_rows`](crate::bnv581::Report::from_rows)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FirstGiven {
    /// A line of a document.
    OnLine,
    /// A row given in code, counted from 1.
    InRow,
}

/// A [`CellProblem`] with the text it is about: its message, with the
/// "did you mean …?" of a number written the English way.
#[derive(Debug, Clone, Copy)]
pub struct ProblemText<'a> {
    problem: &'a CellProblem,
    raw: &'a str,
    given: FirstGiven,
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
    pub fn message_vi<'a>(&'a self, raw: &'a str) -> Message<ProblemText<'a>> {
        Message::new(self.said(raw, FirstGiven::OnLine), Language::Vietnamese)
    }

    /// The message in English; see [`CellProblem::message_vi`].
    #[must_use]
    pub fn message_en<'a>(&'a self, raw: &'a str) -> Message<ProblemText<'a>> {
        Message::new(self.said(raw, FirstGiven::OnLine), Language::English)
    }

    /// The problem about `raw`, a cell given twice first given as `given`.
    pub(crate) fn said<'a>(&'a self, raw: &'a str, given: FirstGiven) -> ProblemText<'a> {
        ProblemText {
            problem: self,
            raw,
            given,
        }
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

impl Words for ProblemText<'_> {
    #[allow(clippy::too_many_lines)] // one sentence a problem, in both languages
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let vi = language == Language::Vietnamese;
        let pick = |vi_text: &'static str, en_text: &'static str| language.pick(vi_text, en_text);
        match self.problem {
            CellProblem::NotANumber(error) => error.write_in(language, out)?,
            CellProblem::NotInLegend { legend } => {
                if vi {
                    write!(out, "không phải một mã của chú giải `{legend}`")?;
                } else {
                    write!(out, "not a code of the legend `{legend}`")?;
                }
            }
            CellProblem::UnknownForm => out.write_str(pick(
                "không có biểu mẫu số này (cột đầu là số biểu mẫu, từ 1 đến 7)",
                "there is no form with this number (the first column is the form number, 1 to 7)",
            ))?,
            CellProblem::UnknownStt => out.write_str(pick(
                "biểu mẫu này không có dòng có STT này",
                "this form has no row with this STT",
            ))?,
            CellProblem::ValueOnHeading => out.write_str(pick(
                "dòng này là dòng tiêu đề nhóm, không ghi số liệu",
                "this row is a heading and holds no value",
            ))?,
            CellProblem::Duplicate { first_row } => {
                if vi {
                    write!(out, "ô này đã được ghi ở dòng {first_row}")?;
                } else {
                    let place = match self.given {
                        FirstGiven::OnLine => "on line",
                        FirstGiven::InRow => "in row",
                    };
                    write!(out, "this cell was already given, {place} {first_row}")?;
                }
            }
            CellProblem::ValueOutsideColumn { column, expected } => {
                if vi {
                    write!(
                        out,
                        "số liệu nằm ở cột {column}, không ở cột số liệu (cột {expected}); có thể do một cột trống hoặc ô gộp"
                    )?;
                } else {
                    write!(
                        out,
                        "a figure in column {column}, not in the value column ({expected}); an empty or merged column may have shifted it"
                    )?;
                }
            }
            CellProblem::NotTabSeparated => out.write_str(pick(
                "các cột phải cách nhau bằng dấu tab (Excel: lưu dưới dạng “Text (Tab delimited)” hoặc “Unicode Text”)",
                "the columns must be separated by tabs (Excel: save as “Text (Tab delimited)” or “Unicode Text”)",
            ))?,
            CellProblem::HeaderLine => out.write_str(pick(
                "dòng tên cột: thêm # ở đầu dòng để ghi chú",
                "a line of column headings; start it with # to keep it",
            ))?,
            CellProblem::Metadata(problem) => problem.write_in(language, out)?,
            CellProblem::OutsideForm => out.write_str(pick(
                "dòng số liệu nằm trước mọi biểu mẫu (thiếu dòng `Biểu mẫu N` ở trên)",
                "a row before any form (no `Biểu mẫu N` line above it)",
            ))?,
            CellProblem::Unplaced => out.write_str(pick(
                "dòng không có STT, không xác định được theo vị trí hay theo tên chỉ tiêu",
                "a row without STT that neither its position nor its label places",
            ))?,
            CellProblem::NoFigures => {
                out.write_str(pick("không tìm thấy số liệu nào", "no figures found"))?;
            }
            CellProblem::DocumentTooLarge { bytes } => {
                if vi {
                    write!(
                        out,
                        "tài liệu có {bytes} byte, quá {MAX_DOCUMENT_BYTES} byte mà thư viện đọc"
                    )?;
                } else {
                    write!(
                        out,
                        "the document has {bytes} bytes, more than the {MAX_DOCUMENT_BYTES} this library reads"
                    )?;
                }
            }
            CellProblem::TooManyRows => {
                if vi {
                    write!(out, "quá {MAX_ROWS} dòng số liệu: dừng đọc tại dòng này")?;
                } else {
                    write!(out, "more than {MAX_ROWS} rows: reading stopped at this one")?;
                }
            }
            CellProblem::CellTooLong => {
                if vi {
                    write!(out, "ô có quá {MAX_CELL_CHARS} ký tự")?;
                } else {
                    write!(out, "the cell has more than {MAX_CELL_CHARS} characters")?;
                }
            }
            CellProblem::TabsAsSpaces => out.write_str(pick(
                "các cột của dòng cách nhau bằng dấu cách, không phải dấu tab (dấu tab đã bị đổi thành dấu cách khi sao chép): không tách được tên chỉ tiêu, đơn vị tính và số liệu; hãy sao chép lại bảng, hoặc đặt dấu tab giữa STT, tên chỉ tiêu, đơn vị tính và số liệu",
                "the row's columns are separated by spaces, not tabs (its tabs were turned into spaces when copied): its label, unit and value cannot be told apart; copy the table again, or put tabs between STT, label, unit and value",
            ))?,
            CellProblem::FigureInUnitColumn { column } => {
                if vi {
                    write!(
                        out,
                        "cột đơn vị tính (cột {column}) có một số và cột số liệu có một số khác: các ô của dòng bị lệch, không biết số nào là số liệu"
                    )?;
                } else {
                    write!(
                        out,
                        "a figure in the unit column ({column}) and another in the value column: the row's cells are shifted; which is the value cannot be told"
                    )?;
                }
            }
            CellProblem::ProblemLimit => {
                if vi {
                    write!(
                        out,
                        "lỗi thứ {MAX_PROBLEMS}: dừng đọc tại dòng này; hãy sửa các lỗi ở trên rồi đọc lại tài liệu"
                    )?;
                } else {
                    write!(
                        out,
                        "a {MAX_PROBLEMS}th problem: reading stopped at this line; fix the problems listed before it and read the document again"
                    )?;
                }
            }
            CellProblem::Document(problem) => problem.write_in(language, out)?,
        }
        if let Some(hint) = self.problem.hint(self.raw) {
            out.write_str(pick(": có phải là ", ": did you mean "))?;
            out.write_str(&hint)?;
            out.write_char('?')?;
        }
        Ok(())
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
    pub fn message_vi(&self) -> Message<&DocumentProblem> {
        self.in_language(Language::Vietnamese)
    }

    /// What is wrong, in English, with what to do.
    #[must_use]
    pub fn message_en(&self) -> Message<&DocumentProblem> {
        self.in_language(Language::English)
    }
}

impl Words for DocumentProblem {
    #[allow(clippy::too_many_lines)] // one sentence a problem, in both languages
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let vi = language == Language::Vietnamese;
        match self {
            DocumentProblem::WrongKind {
                found_vi,
                found_en,
                expected,
            } => {
                if vi {
                    write!(
                        out,
                        "tệp là {found_vi}, không phải tài liệu {expected}: hãy mở tệp trong Word hoặc Excel và lưu dưới dạng {expected} (Word: .docx, Excel: .xlsx)"
                    )
                } else {
                    write!(
                        out,
                        "the file is {found_en}, not a {expected} document: open it in Word or Excel and save it as {expected} (Word: .docx, Excel: .xlsx)"
                    )
                }
            }
            DocumentProblem::Damaged { what } => {
                if vi {
                    write!(out, "tệp bị hỏng ({what}): hãy mở và lưu lại tệp trong Word hoặc Excel")
                } else {
                    write!(
                        out,
                        "the file is damaged ({what}): open it and save it again in Word or Excel"
                    )
                }
            }
            DocumentProblem::Encrypted => out.write_str(language.pick(
                "tài liệu được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi lưu lại",
                "the document is protected by a password: remove the password and save it again",
            )),
            DocumentProblem::UnsupportedCompression { method } => {
                if vi {
                    write!(
                        out,
                        "một phần của tệp được nén bằng phương pháp {method}, không phải deflate: hãy lưu lại tệp trong Word hoặc Excel"
                    )
                } else {
                    write!(
                        out,
                        "a part of the file is compressed with method {method}, not deflate: save it again in Word or Excel"
                    )
                }
            }
            DocumentProblem::TooManyParts { parts, limit } => {
                if vi {
                    write!(
                        out,
                        "tệp zip có {parts} phần, quá {limit} phần mà thư viện đọc: một báo cáo chỉ có vài chục phần"
                    )
                } else {
                    write!(
                        out,
                        "the zip container has {parts} parts, more than the {limit} this library reads: a report has a few dozen"
                    )
                }
            }
            DocumentProblem::PartTooLarge { limit } => {
                if vi {
                    write!(
                        out,
                        "một phần của tệp giải nén ra hơn {limit} byte, giới hạn thư viện đọc (tệp nén bất thường)"
                    )
                } else {
                    write!(
                        out,
                        "a part of the file inflates past {limit} bytes, the limit this library reads (an abnormal compressed file)"
                    )
                }
            }
            DocumentProblem::PartMissing => out.write_str(language.pick(
                "tệp thiếu phần này: không phải tài liệu Word hoặc Excel đầy đủ",
                "the file lacks this part: it is not a whole Word or Excel document",
            )),
            DocumentProblem::Xml { message } => {
                if vi {
                    write!(out, "XML không hợp lệ ({message})")
                } else {
                    write!(out, "XML that is not well-formed ({message})")
                }
            }
            DocumentProblem::Doctype => out.write_str(language.pick(
                "XML có khai báo DOCTYPE, tài liệu Office không bao giờ có: bị từ chối",
                "XML with a DOCTYPE declaration, which office documents never have: refused",
            )),
            DocumentProblem::UnknownEntity { name } => {
                if vi {
                    write!(out, "XML dùng thực thể &{name}; không được định nghĩa: bị từ chối")
                } else {
                    write!(out, "XML uses the entity &{name}; which is not defined: refused")
                }
            }
            DocumentProblem::TooDeep { limit } => {
                if vi {
                    write!(out, "XML lồng nhau quá {limit} cấp, giới hạn thư viện đọc")
                } else {
                    write!(
                        out,
                        "XML nested more than {limit} levels deep, the limit this library reads"
                    )
                }
            }
            DocumentProblem::TooMany {
                what_vi,
                what_en,
                limit,
            } => {
                if vi {
                    write!(out, "quá {limit} {what_vi}, giới hạn thư viện đọc")
                } else {
                    write!(out, "more than {limit} {what_en}, the limit this library reads")
                }
            }
            DocumentProblem::DateNotNumber => out.write_str(language.pick(
                "ô chứa ngày tháng, không phải số (Excel có thể đã đổi số thành ngày): hãy định dạng ô là số và nhập lại",
                "the cell holds a date, not a number (Excel may have turned the number into a date): format the cell as a number and type it again",
            )),
            DocumentProblem::BooleanNotNumber => out.write_str(language.pick(
                "ô chứa giá trị đúng/sai (TRUE/FALSE), không phải số",
                "the cell holds a boolean (TRUE/FALSE), not a number",
            )),
            DocumentProblem::NumberOutOfRange => out.write_str(language.pick(
                "số quá lớn hoặc quá nhỏ để đọc",
                "the number is too large or too small to be read",
            )),
        }
    }
}
