//! The crate's error type: bad input, named cell by cell.
//!
//! Importing rows never stops at the first problem: [`Error::Rows`] carries
//! one [`CellError`] per problem, each naming the form, the STT and the raw
//! text, so that a reporter can fix a whole document in one pass.

use std::fmt;

use crate::number::NumberError;

/// Why one cell's text cannot be a value of its indicator.
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
    /// The form number is not 1 to 7.
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
        /// The position (from 0) of the row that gave the cell first.
        first_row: usize,
    },
}

/// One bad cell: where it is, what it said, and what is wrong with it.
///
/// # Example
/// ```
/// use cchc_forms::{CellProblem, Error, Report, ReportMeta, Row};
/// use cchc_forms::number::NumberError;
///
/// let rows = [Row::new(3, "3.1.1.", "54,106"), Row::new(3, "9.9", "1")];
/// let Err(Error::Rows(problems)) = Report::from_rows(ReportMeta::default(), rows) else {
///     panic!("both rows are bad");
/// };
/// assert_eq!(problems.len(), 2);
/// assert_eq!(problems[0].stt, "3.1.1.");
/// assert_eq!(problems[0].raw, "54,106");
/// assert_eq!(problems[0].problem, CellProblem::NotANumber(NumberError::FractionalCount));
/// assert_eq!(
///     problems[0].to_string(),
///     "form 3, STT 3.1.1., text \"54,106\": a count must be a whole number"
/// );
/// assert_eq!(problems[1].problem, CellProblem::UnknownStt);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CellError {
    /// The form number as given.
    pub form: u8,
    /// The STT as given.
    pub stt: String,
    /// The cell's text as given.
    pub raw: String,
    /// What is wrong.
    pub problem: CellProblem,
}

impl fmt::Display for CellError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            out,
            "form {}, STT {}, text {:?}: {}",
            self.form, self.stt, self.raw, self.problem
        )
    }
}

impl std::error::Error for CellError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.problem)
    }
}

/// The error of this crate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Rows that cannot make a report: every problem found, in row order.
    #[error("{} bad cell(s): {}", .0.len(), Joined(.0))]
    Rows(Vec<CellError>),
    /// JSON that cannot make a report: every problem found, in document order.
    #[error("{} problem(s) in the JSON report: {}", .0.len(), Joined(.0))]
    Json(Vec<JsonProblem>),
    /// Metadata that the report's template refuses.
    #[error("{} problem(s) in the report's metadata: {}", .0.len(), Joined(.0))]
    Meta(Vec<MetaProblem>),
}

/// A problem of a report's metadata under its template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum MetaProblem {
    /// A district-level report for a period after 1 July 2025, when the
    /// district level ceased to exist.
    #[error(
        "level `district` for a report of {year} {term:?}: there is no district level since 1 July 2025 \
         (Law 72/2025/QH15) / không còn cấp huyện từ ngày 01/7/2025"
    )]
    NoDistrictLevel {
        /// The report's year.
        year: u16,
        /// The report's term.
        term: crate::Term,
    },
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
/// assert_eq!(problems[1].path, "form4.typo");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JsonProblem {
    /// Where in the document, as dotted keys (`form3.resolved_departments`);
    /// empty for the document itself.
    pub path: String,
    /// The indicator, when the problem is in one.
    pub cell: Option<crate::catalogue::CellId>,
    /// The offending JSON text (empty when something is missing).
    pub raw: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(cell) = self.cell {
            let indicator = cell.indicator();
            write!(out, "form {}, STT {}, ", indicator.form, indicator.stt)?;
        }
        if !self.path.is_empty() {
            write!(out, "at {}, ", self.path)?;
        }
        if !self.raw.is_empty() {
            write!(out, "value {}: ", self.raw)?;
        }
        out.write_str(&self.message)
    }
}

impl Error {
    /// The bad cells of [`Error::Rows`] (empty for other variants).
    #[must_use]
    pub fn cells(&self) -> &[CellError] {
        match self {
            Error::Rows(cells) => cells,
            Error::Json(_) | Error::Meta(_) => &[],
        }
    }

    /// How many problems it reports.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Error::Rows(cells) => cells.len(),
            Error::Json(problems) => problems.len(),
            Error::Meta(problems) => problems.len(),
        }
    }

    /// Whether it reports no problem (never, for an error this crate made).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Displays a list of problems separated by `; `.
struct Joined<'a, T>(&'a [T]);

impl<T: fmt::Display> fmt::Display for Joined<'_, T> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, item) in self.0.iter().enumerate() {
            if index > 0 {
                out.write_str("; ")?;
            }
            item.fmt(out)?;
        }
        Ok(())
    }
}
