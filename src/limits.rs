//! The limits every reader keeps, so that memory and time stay bounded
//! whatever the input: each enforced with an error that says which, and
//! tested at and just past it (the table is in the crate docs).

/// The most problems an [`Error`](crate::error::Error) lists. The readers of text (rows,
/// printed forms, `#!` metadata) stop reading at the [`MAX_PROBLEMS`]th
/// problem, which is listed as [`CellProblem::ProblemLimit`](crate::problem::CellProblem::ProblemLimit) at its line;
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
/// to [`decode_text`](crate::decode::decode_text), the text given to
/// [`read_tsv`](crate::rows::read_tsv), [`parse_tsv`](crate::rows::parse_tsv),
/// [`read_meta`](crate::rows::read_meta),
/// [`read_printed`](crate::printed::read_printed) and
/// [`Report::from_json`](crate::bnv581::Report::from_json). A whole report
/// document, its prose included, is about 60 kB; its rows about 5 kB.
/// A larger document is refused before it is read, with one problem
/// ([`CellProblem::DocumentTooLarge`](crate::problem::CellProblem::DocumentTooLarge), [`EncodingProblem::TooLarge`](crate::error::EncodingProblem::TooLarge), or a
/// [`JsonProblem`](crate::error::JsonProblem) at the document's root).
pub const MAX_DOCUMENT_BYTES: usize = 8 * 1024 * 1024;

/// The most rows a report is read from (10,000): the rows given to
/// [`Report::from_rows`](crate::bnv581::Report::from_rows) and the rows (lines with
/// a form number) of [`parse_tsv`](crate::rows::parse_tsv) and
/// [`read_tsv`](crate::rows::read_tsv). A report has 125 indicators and
/// some thirty headings, so each can be given many times over; reading
/// stops at the first row past the limit, which is reported
/// ([`CellProblem::TooManyRows`](crate::problem::CellProblem::TooManyRows)) after the problems of the rows before it.
/// An endless iterator of rows is therefore refused, not read forever.
pub const MAX_ROWS: usize = 10_000;

/// The longest cell text a report takes, in characters (200): a number
/// needs at most 23 (`-999.999.999.999,999999`), the rest is room for white
/// space around it. A longer cell is refused with
/// [`CellProblem::CellTooLong`](crate::problem::CellProblem::CellTooLong), without being parsed; the same limit
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
/// refused before any is read ([`MemberProblemKind::TooMany`](crate::error::MemberProblemKind::TooMany)); of more
/// reports to check, the first 10,000 are checked and the first one past
/// the limit is set aside with the reason
/// ([`UnplacedReason::TooMany`](crate::series::UnplacedReason::TooMany)),
/// standing for the rest.
pub const MAX_REPORTS: usize = 10_000;

/// The most members a finding of an aggregate names as breaking its rule
/// on their own (10): its cells and messages name the first 10 and count
/// the rest, so that a finding's size does not grow with the members.
pub const MAX_NAMED_MEMBERS: usize = 10;
