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
    #[error("{} bad cell(s): {}", .0.len(), CellList(.0))]
    Rows(Vec<CellError>),
}

impl Error {
    /// The bad cells, for any variant that has them.
    #[must_use]
    pub fn cells(&self) -> &[CellError] {
        match self {
            Error::Rows(cells) => cells,
        }
    }
}

/// Displays cell errors separated by `; `.
struct CellList<'a>(&'a [CellError]);

impl fmt::Display for CellList<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, cell) in self.0.iter().enumerate() {
            if index > 0 {
                out.write_str("; ")?;
            }
            cell.fmt(out)?;
        }
        Ok(())
    }
}
