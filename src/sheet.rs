//! A report under any template, held as its cells.
//!
//! [`Report`] is the typed report of the 581 template: seven structs of
//! named, typed fields, what most users write against. A [`Sheet`] is the
//! same report as data: the template its metadata names, and one value per
//! indicator of that template. It is how a template without typed forms
//! (the next official one, or a test's) is imported and validated, with the
//! same rules, families and findings.
//!
//! # Example
//! ```
//! use cchc_forms::{samples, Report, ReportMeta, Row, Sheet};
//!
//! let sheet = Sheet::from_rows(ReportMeta::default(), [
//!     Row::new(3, "3.1", "37,76"),
//!     Row::new(3, "3.1.1", "6.776"),
//!     Row::new(3, "3.1.2", "2.521"),
//! ])?;
//! let findings = sheet.validate();
//! assert_eq!(findings[0].rule, "ratio:3/3.1");
//!
//! // A typed report and its sheet find the same.
//! let report = samples::bac_giang_2023_q3();
//! assert_eq!(Sheet::from(&report).validate(), report.validate());
//! # Ok::<(), cchc_forms::Error>(())
//! ```

use crate::catalogue::CellId;
use crate::check::{Evaluation, Source, run};
use crate::error::{CellProblem, Error};
use crate::finding::Findings;
use crate::report::{Report, ReportMeta};
use crate::rows::{Row, import_rows, rows_outcome};
use crate::template::Template;
use crate::unit::Printed;

/// A report under the template its metadata names, as one value per
/// indicator of that template (`None` for a blank cell).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sheet {
    /// Who reports, for which period, under which template.
    pub meta: ReportMeta,
    values: Vec<Option<Printed>>,
}

impl Sheet {
    /// An empty sheet (every cell blank) of the template `meta` names.
    #[must_use]
    pub fn new(meta: ReportMeta) -> Sheet {
        let count = meta.template.template().indicators.len();
        Sheet {
            meta,
            values: vec![None; count],
        }
    }

    /// Its template.
    #[must_use]
    pub fn template(&self) -> &'static Template {
        self.meta.template.template()
    }

    /// Builds a sheet from rows, looked up in the template `meta` names.
    ///
    /// # Errors
    /// [`Error::Rows`] with one [`CellError`](crate::CellError) per bad row, in row order: an
    /// unknown form or STT, a value on a heading, the same cell twice, text
    /// that is not a value of the indicator's kind.
    pub fn from_rows<'a, I>(meta: ReportMeta, rows: I) -> Result<Sheet, Error>
    where
        I: IntoIterator<Item = Row<'a>>,
    {
        let meta_problems = meta.problems();
        let mut sheet = Sheet::new(meta);
        let template = sheet.template();
        let mut first_seen = vec![None::<usize>; sheet.values.len()];
        let problems = import_rows(rows, |number, row| match template.cell(row.form, row.stt) {
            Some(id) => {
                if let Some(first_row) = first_seen[id.index()] {
                    Err(CellProblem::Duplicate { first_row })
                } else if crate::rows::too_long(row.text) {
                    first_seen[id.index()] = Some(number);
                    Err(CellProblem::CellTooLong)
                } else {
                    first_seen[id.index()] = Some(number);
                    sheet.set_text(id, row.text)
                }
            }
            None if template.heading(row.form, row.stt).is_some() => {
                if row.text.trim().is_empty() {
                    Ok(())
                } else {
                    Err(CellProblem::ValueOnHeading)
                }
            }
            None if template.form(row.form).is_none() => Err(CellProblem::UnknownForm),
            None => Err(CellProblem::UnknownStt),
        });
        rows_outcome(sheet, problems, meta_problems)
    }

    /// Parses a cell's text into one cell of the sheet; empty text blanks it.
    fn set_text(&mut self, id: CellId, text: &str) -> Result<(), CellProblem> {
        let indicator = self.template().indicator(id);
        let value = if text.trim().is_empty() {
            None
        } else {
            Some(indicator.kind.parse(text, indicator.unit_vi)?)
        };
        self.values[id.index()] = value;
        Ok(())
    }

    /// The value of one cell, `None` when blank or not of this template.
    #[must_use]
    pub fn cell(&self, id: CellId) -> Option<Printed> {
        self.value(id)
    }

    /// Checks every rule of the sheet's template and returns the findings,
    /// exactly as [`Report::validate`] does for a typed report.
    #[must_use]
    pub fn validate(&self) -> Findings {
        let template = self.template();
        run(
            template,
            self,
            None,
            &template.absent_cells_of(self.meta.period),
            None,
        )
    }

    /// Checks every rule and says what became of each.
    #[must_use]
    pub fn check(&self) -> Evaluation {
        let template = self.template();
        let mut outcomes = Vec::with_capacity(template.rules.len());
        let findings = run(
            template,
            self,
            None,
            &template.absent_cells_of(self.meta.period),
            Some(&mut outcomes),
        );
        Evaluation { findings, outcomes }
    }
}

impl Source for Sheet {
    fn reference(&self) -> crate::Reference {
        self.meta.reference
    }

    fn value(&self, id: CellId) -> Option<Printed> {
        if id.template() != self.meta.template {
            return None;
        }
        self.values.get(id.index()).copied().flatten()
    }
}

impl From<&Report> for Sheet {
    /// The typed report's cells, under its template.
    fn from(report: &Report) -> Sheet {
        Sheet {
            meta: report.meta.clone(),
            values: report.cells().0.to_vec(),
        }
    }
}
