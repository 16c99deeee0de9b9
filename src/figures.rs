//! A report of any template as the checks across reports read it.
//!
//! Series across a year ([`crate::series`]) and aggregation
//! ([`crate::aggregate`]) read reports through [`Figures`]: the typed 581
//! [`Report`](crate::bnv581::Report) and the [`Sheet`](crate::sheet::Sheet)
//! of any template are both one, so one implementation serves both.

use crate::catalogue::CellId;
use crate::finding::Findings;
use crate::meta::ReportMeta;
use crate::problem::CellProblem;
use crate::unit::Printed;

/// A report of any template as the checks across reports read it: its
/// metadata and one value per indicator of its template. The typed 581
/// [`Report`](crate::bnv581::Report) and the
/// [`Sheet`](crate::sheet::Sheet) of any template are both one, so that a
/// body's reports across a year ([`crate::series`]) and reports added up
/// ([`crate::aggregate`]) are checked the same way whatever their template:
/// cells by the template's catalogue, rules and classes from it, windows
/// from it.
///
/// Sealed: implemented by [`Report`](crate::bnv581::Report) and
/// [`Sheet`](crate::sheet::Sheet) only.
///
/// # Example
/// ```
/// use cchc_forms::{samples, Figures, Sheet};
/// let report = samples::bac_giang_2023_q3();
/// let sheet = Sheet::from(&report);
/// let mut values = Vec::new();
/// sheet.each_figure(|_, value| values.push(value));
/// let mut typed = Vec::new();
/// report.each_figure(|_, value| typed.push(value));
/// assert_eq!((values.len(), values), (125, typed));
/// ```
pub trait Figures: Sealed {
    /// Who reports, for which period, under which template.
    fn meta(&self) -> &ReportMeta;

    /// An empty report (every cell blank) of the template `meta` names.
    #[must_use]
    fn blank(meta: ReportMeta) -> Self
    where
        Self: Sized;

    /// Hands over every cell's value with its index in the template's
    /// catalogue, in catalogue order (`None` for a blank).
    fn each_figure(&self, each: impl FnMut(usize, Option<Printed>));

    /// Sets one cell from printed digits, or blanks it with `None`.
    ///
    /// # Errors
    /// A [`CellProblem`] when the cell cannot hold the value (decimals or
    /// a sign on a count, a code outside its legend, a decimal out of
    /// range) or is not a cell of the report's template; the report is then
    /// unchanged.
    fn set_figure(&mut self, id: CellId, value: Option<Printed>) -> Result<(), CellProblem>;

    /// Checks every rule of its template: what its own `validate` finds.
    fn findings(&self) -> Findings;
}

/// Keeps [`Figures`] to the crate's two kinds of report (a public trait in
/// a private module: it cannot be named outside the crate).
pub trait Sealed {}
