//! Bytes that are not text this crate reads.

use std::fmt;

use crate::limits::MAX_DOCUMENT_BYTES;
use crate::message::{Language, Message, Words};

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
    pub fn message_vi(&self) -> Message<&EncodingError> {
        self.in_language(Language::Vietnamese)
    }

    /// The message in English, with the byte where it failed (the line is
    /// [`EncodingError::line`]; [`Display`](fmt::Display) names both) and
    /// what to do.
    #[must_use]
    pub fn message_en(&self) -> Message<&EncodingError> {
        self.in_language(Language::English)
    }
}

impl Words for EncodingError {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let vi = language == Language::Vietnamese;
        let (column, offset) = (self.column, self.offset);
        let what = match self.problem {
            EncodingProblem::NotUtf8 { byte } => {
                if vi {
                    format!(
                        "byte 0x{byte:02X} không phải mã UTF-8 (tệp có thể đang ở mã Windows-1258, TCVN3 hoặc Latin-1)"
                    )
                } else {
                    format!(
                        "byte 0x{byte:02X} is not UTF-8 (the file may be in Windows-1258, TCVN3 or Latin-1)"
                    )
                }
            }
            EncodingProblem::Utf16OddLength => language
                .pick(
                    "tệp UTF-16 có số byte lẻ (tệp bị cắt?)",
                    "UTF-16 text with an odd number of bytes (a cut file?)",
                )
                .to_owned(),
            EncodingProblem::Utf16LoneSurrogate => language
                .pick(
                    "tệp UTF-16 có một ký tự bị hỏng (nửa cặp surrogate)",
                    "UTF-16 text with a broken character (half a surrogate pair)",
                )
                .to_owned(),
            EncodingProblem::Utf16WithoutMark => language
                .pick(
                    "tệp có vẻ là UTF-16 nhưng không có dấu BOM ở đầu",
                    "the text looks like UTF-16 without the byte-order mark that starts it",
                )
                .to_owned(),
            EncodingProblem::TooLarge => {
                return if vi {
                    write!(
                        out,
                        "tệp lớn hơn {MAX_DOCUMENT_BYTES} byte, giới hạn thư viện đọc: một báo cáo chỉ vài chục kB"
                    )
                } else {
                    write!(
                        out,
                        "the file is larger than the {MAX_DOCUMENT_BYTES} bytes this library reads: a report is a few tens of kB"
                    )
                };
            }
            EncodingProblem::Binary => {
                return if vi {
                    write!(
                        out,
                        "byte {column} của dòng (byte {offset} của tệp) là byte NUL: đây là tệp nhị phân, không phải báo cáo dạng văn bản; hãy xuất báo cáo ra văn bản (Excel: “Unicode Text”; Word: “Plain Text”)"
                    )
                } else {
                    write!(
                        out,
                        "byte {column} of the line (byte {offset} of the file) is a NUL byte: this is a binary file, not a text report; export the report as text (Excel: “Unicode Text”; Word: “Plain Text”)"
                    )
                };
            }
        };
        if vi {
            write!(
                out,
                "byte {column} của dòng (byte {offset} của tệp): {what}; hãy lưu tệp dưới dạng UTF-8 (Excel: “Unicode Text” hoặc “CSV UTF-8”; Word: “Plain Text”, mã hóa “Unicode (UTF-8)”)"
            )
        } else {
            write!(
                out,
                "byte {column} of the line (byte {offset} of the file): {what}; save the file as UTF-8 (Excel: “Unicode Text” or “CSV UTF-8”; Word: “Plain Text” with encoding “Unicode (UTF-8)”)"
            )
        }
    }
}

impl fmt::Display for EncodingError {
    /// The line, then the message in English (which names the byte).
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "line {}, {}", self.line, self.message_en())
    }
}
