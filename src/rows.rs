//! Rows in and out: a report as (form, STT, cell text) triples.
//!
//! Rows are how the forms look on paper and in spreadsheets, so they are the
//! import format for anything transcribed or scraped. Import is strict and
//! reports every problem at once ([`Error::Rows`]), each naming the form, the
//! STT and the raw text:
//!
//! - an unknown form or STT;
//! - the same cell twice;
//! - a value on a heading row (a heading with an empty cell is accepted);
//! - text that is not a number, or not a value of the indicator's kind
//!   (a negative or fractional count, a code outside its legend).
//!
//! An empty cell is a blank indicator, never zero. STT `1.1.` is `1.1`.

use crate::catalogue::{CATALOGUE, CELL_COUNT, Indicator, RowKind, lookup};
use crate::error::{CellError, CellProblem, Error};
use crate::report::{Report, ReportMeta};

/// One row of a form: which form, which STT, and the cell's text as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row<'a> {
    /// The form number, 1 to 7.
    pub form: u8,
    /// The STT, with or without a trailing dot.
    pub stt: &'a str,
    /// The cell's text, Vietnamese style (`54.106`, `99,3`); empty for blank.
    pub text: &'a str,
}

impl<'a> Row<'a> {
    /// A row of form `form` at `stt` with cell text `text`.
    #[must_use]
    pub const fn new(form: u8, stt: &'a str, text: &'a str) -> Self {
        Self { form, stt, text }
    }
}

impl Report {
    /// Builds a report from rows.
    ///
    /// Rows may come in any order; an indicator with no row is blank.
    ///
    /// # Errors
    /// [`Error::Rows`] with one [`CellError`] per bad row, in row order.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{CellProblem, Error, Report, ReportMeta, Row};
    ///
    /// let report = Report::from_rows(ReportMeta::default(), [
    ///     Row::new(3, "3.1.", "99,3"),
    ///     Row::new(3, "3.1.1.", "54.106"),
    ///     Row::new(3, "3.1.2.", "53.726"),
    ///     Row::new(3, "3.", ""),          // a heading with no value
    /// ])?;
    /// assert_eq!(report.form3.resolved_on_time_departments.map(|c| c.get()), Some(53_726));
    ///
    /// let bad = Report::from_rows(ReportMeta::default(), [
    ///     Row::new(3, "3", "5"),         // a heading
    ///     Row::new(1, "6", "3"),         // not in the legend Có = 1; Không = 0
    ///     Row::new(2, "1", "-5"),        // a negative count
    ///     Row::new(2, "1.", "37"),       // the same cell again
    /// ]);
    /// let Err(Error::Rows(problems)) = bad else { panic!() };
    /// assert_eq!(problems.len(), 4);
    /// assert_eq!(problems[0].problem, CellProblem::ValueOnHeading);
    /// assert!(matches!(problems[1].problem, CellProblem::NotInLegend { .. }));
    /// assert_eq!(problems[3].problem, CellProblem::Duplicate { first_row: 2 });
    /// # Ok::<(), Error>(())
    /// ```
    pub fn from_rows<'a, I>(meta: ReportMeta, rows: I) -> Result<Report, Error>
    where
        I: IntoIterator<Item = Row<'a>>,
    {
        let mut report = Report::new(meta);
        let mut first_seen = [None::<usize>; CELL_COUNT];
        let mut problems = Vec::new();
        for (position, row) in rows.into_iter().enumerate() {
            let problem = match import_one(&mut report, &mut first_seen, position, row) {
                Ok(()) => continue,
                Err(problem) => problem,
            };
            problems.push(CellError {
                form: row.form,
                stt: row.stt.to_owned(),
                raw: row.text.to_owned(),
                problem,
            });
        }
        let meta_problems = report.meta.problems();
        if !meta_problems.is_empty() {
            return Err(Error::Meta(meta_problems));
        }
        if problems.is_empty() {
            Ok(report)
        } else {
            Err(Error::Rows(problems))
        }
    }

    /// The report as rows, one per indicator in catalogue order, with the
    /// cell text printed the Vietnamese way (empty when blank).
    ///
    /// Feeding these rows to [`Report::from_rows`] gives back the same report.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Report};
    /// let report = samples::bac_giang_2023_q3();
    /// let rows = report.to_rows();
    /// assert_eq!(rows.len(), 125);
    /// assert_eq!((rows[0].indicator.stt, rows[0].text.as_str()), ("1", "50"));
    /// let again = Report::from_rows(report.meta.clone(), rows.iter().map(|row| row.as_row()))?;
    /// assert_eq!(again, report);
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    #[must_use]
    pub fn to_rows(&self) -> Vec<OwnedRow> {
        CATALOGUE
            .iter()
            .map(|indicator| OwnedRow {
                indicator,
                text: self.cell_text(indicator.id).unwrap_or_default(),
            })
            .collect()
    }
}

fn import_one(
    report: &mut Report,
    first_seen: &mut [Option<usize>; CELL_COUNT],
    position: usize,
    row: Row<'_>,
) -> Result<(), CellProblem> {
    if !(1..=7).contains(&row.form) {
        return Err(CellProblem::UnknownForm);
    }
    let id = match lookup(row.form, row.stt) {
        Some(RowKind::Indicator(id)) => id,
        Some(RowKind::Heading(_)) if row.text.trim().is_empty() => return Ok(()),
        Some(RowKind::Heading(_)) => return Err(CellProblem::ValueOnHeading),
        None => return Err(CellProblem::UnknownStt),
    };
    if let Some(first_row) = first_seen[id.index()] {
        return Err(CellProblem::Duplicate { first_row });
    }
    first_seen[id.index()] = Some(position);
    report.set_cell_text(id, row.text)
}

/// A row given out by [`Report::to_rows`]: an indicator and its cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedRow {
    /// The indicator.
    pub indicator: &'static Indicator,
    /// The cell text, Vietnamese style; empty when blank.
    pub text: String,
}

impl OwnedRow {
    /// Borrows it as a [`Row`], for [`Report::from_rows`].
    #[must_use]
    pub fn as_row(&self) -> Row<'_> {
        Row::new(self.indicator.form, self.indicator.stt, &self.text)
    }
}

/// Reads rows from tab-separated text: `form<TAB>stt<TAB>value` per line.
///
/// Further columns are ignored, and so are empty lines and lines starting
/// with `#`. A missing third column is an empty (blank) cell. This reads
/// text already in memory; it does no I/O.
///
/// # Errors
/// [`Error::Rows`] naming every line whose first column is not a form
/// number; such a line is reported with form 0 and the whole line as its text.
///
/// # Example
/// ```
/// use cchc_forms::rows::parse_tsv;
/// let rows = parse_tsv("# form\tstt\tvalue\n3\t3.1.\t99,3\tnote\n1\t2\t\n")?;
/// assert_eq!(rows.len(), 2);
/// assert_eq!((rows[0].form, rows[0].stt, rows[0].text), (3, "3.1.", "99,3"));
/// assert_eq!(rows[1].text, "");
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn parse_tsv(text: &str) -> Result<Vec<Row<'_>>, Error> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let form_text = columns.next().unwrap_or_default();
        let stt = columns.next().unwrap_or_default();
        let value = columns.next().unwrap_or_default();
        match form_text.trim().parse::<u8>() {
            Ok(form) => rows.push(Row::new(form, stt, value)),
            Err(_) => problems.push(CellError {
                form: 0,
                stt: stt.to_owned(),
                raw: line.to_owned(),
                problem: CellProblem::UnknownForm,
            }),
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(Error::Rows(problems))
    }
}
