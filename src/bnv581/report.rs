//! The typed report of the 581 template: its metadata and its seven forms
//! as structs of named, typed fields, and how it is checked.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CATALOGUE, CELL_COUNT, Form1, Form2, Form3, Form4, Form5, Form6, Form7};
use crate::catalogue::CellId;
use crate::check::snapshot::{Slot, reference_slot};
use crate::check::{Check, Evaluation, Outcome, Source, run};
use crate::finding::Findings;
use crate::form::CellSink;
use crate::meta::ReportMeta;
use crate::problem::CellProblem;
use crate::reference::ReferenceCount;
use crate::template::Template;
use crate::unit::{Agency, CellValue, Count, Printed};

/// A periodic administrative-reform report: its metadata and its seven forms.
///
/// Build one from rows with [`Report::from_rows`], from JSON with serde, or
/// field by field. Validate it with [`Report::validate`].
///
/// # Example
/// ```
/// use cchc_forms::samples;
///
/// let report = samples::bac_giang_2023_q3();
/// assert_eq!(report.form3.resolved_departments.map(|c| c.get()), Some(54_106));
/// assert_eq!(report.form1.plan_completion_rate, None); // blank in the source
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Who reports, for which period, under which template.
    pub meta: ReportMeta,
    /// Biểu mẫu 1: direction and management of administrative reform.
    pub form1: Form1,
    /// Biểu mẫu 2: institutional reform.
    pub form2: Form2,
    /// Biểu mẫu 3: administrative-procedure reform.
    pub form3: Form3,
    /// Biểu mẫu 4: organisational reform.
    pub form4: Form4,
    /// Biểu mẫu 5: civil-service reform.
    pub form5: Form5,
    /// Biểu mẫu 6: public-finance reform.
    pub form6: Form6,
    /// Biểu mẫu 7: e-government and digital government.
    pub form7: Form7,
}

/// Runs `$body` with `$form` bound to the form of `$report` numbered `$number`
/// (borrowed as `&` or `&mut`) and `$Form` to its type; `$otherwise` for a
/// number that is not 1 to 7.
macro_rules! with_form {
    ([$($borrow:tt)+] $report:expr, $number:expr, |$form:ident, $Form:ident| $body:expr, $otherwise:expr) => {
        with_form!(@each [$($borrow)+] $report, $number, $form, $Form, $body, $otherwise;
            1 form1 Form1, 2 form2 Form2, 3 form3 Form3, 4 form4 Form4,
            5 form5 Form5, 6 form6 Form6, 7 form7 Form7)
    };
    (@each [&] $report:expr, $number:expr, $form:ident, $Form:ident, $body:expr, $otherwise:expr;
        $($n:literal $field:ident $Type:ident),*) => {
        match $number {
            $($n => {
                type $Form = $Type;
                let $form = &$report.$field;
                $body
            })*
            _ => $otherwise,
        }
    };
    (@each [&mut] $report:expr, $number:expr, $form:ident, $Form:ident, $body:expr, $otherwise:expr;
        $($n:literal $field:ident $Type:ident),*) => {
        match $number {
            $($n => {
                type $Form = $Type;
                let $form = &mut $report.$field;
                $body
            })*
            _ => $otherwise,
        }
    };
}

pub(crate) use with_form;

impl Report {
    /// An empty report (every cell blank) with this metadata.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{Report, ReportMeta, catalogue::CellId};
    /// let report = Report::new(ReportMeta::default());
    /// assert_eq!(report.cell(CellId::of(1, "1")), None);
    /// ```
    #[must_use]
    pub fn new(meta: ReportMeta) -> Self {
        Self {
            meta,
            form1: Form1::default(),
            form2: Form2::default(),
            form3: Form3::default(),
            form4: Form4::default(),
            form5: Form5::default(),
            form6: Form6::default(),
            form7: Form7::default(),
        }
    }

    /// The value of one cell as the checks see it (`None` when blank).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, samples, unit::Printed};
    /// let report = samples::bac_giang_2023_q3();
    /// let rate = report.cell(CellId::of(3, "3.1"));
    /// assert_eq!(rate, Some(Printed { mantissa: 993, decimals: 1 })); // 99,3
    /// ```
    #[must_use]
    pub fn cell(&self, id: CellId) -> Option<Printed> {
        let row = id.row_in_form();
        with_form!(
            [&] self,
            id.indicator().form,
            |form, Form| Form::GET.get(row).and_then(|get| get(form)),
            None
        )
    }

    /// Every cell as the checks see them, indexed by [`CellId`].
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, samples};
    /// let cells = samples::bac_giang_2023_q3().cells();
    /// assert_eq!(cells[CellId::of(2, "1")].map(|v| v.mantissa), Some(37));
    /// ```
    #[must_use]
    pub fn cells(&self) -> Cells {
        let mut cells = Cells([None; CELL_COUNT]);
        self.read_cells(&mut cells);
        cells
    }

    /// Every cell as the checks see them, written into `cells` (no copy of
    /// the whole array on the way).
    pub(crate) fn read_cells(&self, cells: &mut Cells) {
        use crate::bnv581::FORM_OFFSETS as AT;
        let cells = &mut cells.0;
        self.form1.read_all(&mut cells[AT[0]..AT[1]]);
        self.form2.read_all(&mut cells[AT[1]..AT[2]]);
        self.form3.read_all(&mut cells[AT[2]..AT[3]]);
        self.form4.read_all(&mut cells[AT[3]..AT[4]]);
        self.form5.read_all(&mut cells[AT[4]..AT[5]]);
        self.form6.read_all(&mut cells[AT[5]..AT[6]]);
        self.form7.read_all(&mut cells[AT[6]..AT[7]]);
    }

    /// Sets one cell from printed digits, or blanks it with `None`.
    ///
    /// # Errors
    /// A [`CellProblem`] when the cell's type cannot hold the value
    /// (decimals or a sign on a count, a code outside its legend, a decimal
    /// out of range); the report is then unchanged.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, samples, unit::Printed};
    /// let mut report = samples::bac_giang_2023_q3();
    /// let rate = CellId::of(1, "2");
    /// report.set_cell(rate, Some(Printed { mantissa: 7143, decimals: 2 }))?;
    /// assert_eq!(report.form1.plan_completion_rate.map(|p| p.to_string()).as_deref(), Some("71,43"));
    /// assert!(report.set_cell(CellId::of(1, "1"), Some(Printed { mantissa: 15, decimals: 1 })).is_err());
    /// # Ok::<(), cchc_forms::CellProblem>(())
    /// ```
    pub fn set_cell(&mut self, id: CellId, value: Option<Printed>) -> Result<(), CellProblem> {
        let row = id.row_in_form();
        with_form!(
            [&mut] self,
            id.indicator().form,
            |form, Form| match Form::SET.get(row) {
                Some(set) => set(form, value),
                None => Err(CellProblem::UnknownStt),
            },
            Err(CellProblem::UnknownForm)
        )
    }

    /// Parses a cell's text into one cell; empty text (or only white space)
    /// blanks it.
    ///
    /// # Errors
    /// A [`CellProblem`] when the text is not a value of the cell's type;
    /// the report is then unchanged.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{catalogue::CellId, Report, ReportMeta};
    /// let mut report = Report::new(ReportMeta::default());
    /// report.set_cell_text(CellId::of(3, "3.1.1"), "54.106")?;
    /// assert_eq!(report.cell_text(CellId::of(3, "3.1.1")).as_deref(), Some("54.106"));
    /// # Ok::<(), cchc_forms::CellProblem>(())
    /// ```
    pub fn set_cell_text(&mut self, id: CellId, text: &str) -> Result<(), CellProblem> {
        if text.trim().is_empty() {
            return self.set_cell(id, None);
        }
        let row = id.row_in_form();
        with_form!(
            [&mut] self,
            id.indicator().form,
            |form, Form| match Form::PARSE.get(row) {
                Some(parse) => parse(form, text),
                None => Err(CellProblem::UnknownStt),
            },
            Err(CellProblem::UnknownForm)
        )
    }

    /// A cell printed the Vietnamese way (`54.106`, `99,3`), `None` when blank.
    #[must_use]
    pub fn cell_text(&self, id: CellId) -> Option<String> {
        struct CellText<'a>(&'a Report, CellId);
        impl fmt::Display for CellText<'_> {
            fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                let row = self.1.row_in_form();
                with_form!(
                    [&] self.0,
                    self.1.indicator().form,
                    |form, Form| Form::WRITE
                        .get(row)
                        .and_then(|write| write(form, out))
                        .unwrap_or(Ok(())),
                    Ok(())
                )
            }
        }
        self.cell(id)?;
        Some(CellText(self, id).to_string())
    }
}

/// Every cell of a report as the checks see them, indexed by [`CellId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cells(pub [Option<Printed>; CELL_COUNT]);

impl std::ops::Index<CellId> for Cells {
    type Output = Option<Printed>;

    fn index(&self, id: CellId) -> &Option<Printed> {
        &self.0[id.index()]
    }
}

/// Every cell of a 581 report, compactly, indexed by [`CellId`], then the
/// report's reference counts (departments, districts, communes; blank when
/// not given), the snapshot's last slots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Snapshot([Slot; SNAPSHOT_LEN]);

/// The slots of a 581 snapshot: the cells, then the reference counts.
pub(crate) const SNAPSHOT_LEN: usize = CELL_COUNT + ReferenceCount::ALL.len();

impl Snapshot {
    /// The slots, by cell index.
    pub(crate) fn slots(&self) -> &[Slot] {
        &self.0
    }

    /// The slots, if they are laid out as `template`'s cells: the typed
    /// report's layout is its catalogue's ([`CATALOGUE`]).
    pub(crate) fn for_template(&self, template: &Template) -> Option<&[Slot]> {
        std::ptr::eq(template.catalogue, &raw const super::BNV_581_CATALOGUE).then_some(&self.0)
    }
}

impl CellSink for Snapshot {
    #[inline]
    fn put<T: CellValue>(&mut self, index: usize, value: Option<T>) {
        if let Some(slot) = self.0.get_mut(index) {
            *slot = Slot::of(value);
        }
    }
}

impl Report {
    /// Every cell in the compact form the checks' clean path reads.
    pub(crate) fn snapshot(&self) -> Snapshot {
        use super::FORM_OFFSETS as AT;
        let mut snapshot = Snapshot([Slot::EMPTY; SNAPSHOT_LEN]);
        self.form1.visit_cells(&mut snapshot, AT[0]);
        self.form2.visit_cells(&mut snapshot, AT[1]);
        self.form3.visit_cells(&mut snapshot, AT[2]);
        self.form4.visit_cells(&mut snapshot, AT[3]);
        self.form5.visit_cells(&mut snapshot, AT[4]);
        self.form6.visit_cells(&mut snapshot, AT[5]);
        self.form7.visit_cells(&mut snapshot, AT[6]);
        for kind in ReferenceCount::ALL {
            let count = self
                .meta
                .reference
                .get(kind)
                .map(|n| Count::<Agency>::new(u64::from(n)));
            snapshot.put(reference_slot(SNAPSHOT_LEN, kind), count);
        }
        snapshot
    }
}

/// Every cell of a 581 report, read once.
impl Source for Cells {
    fn value(&self, id: CellId) -> Option<Printed> {
        self.0.get(id.index()).copied().flatten()
    }
}

/// A report through its snapshot: a cell's value as the snapshot holds it,
/// or, when too wide for it, as the report does.
pub(crate) struct Snapshotted<'a> {
    pub(crate) snapshot: &'a Snapshot,
    pub(crate) report: &'a Report,
}

impl Source for Snapshotted<'_> {
    fn reference(&self) -> crate::reference::Reference {
        self.report.meta.reference
    }

    fn value(&self, id: CellId) -> Option<Printed> {
        // The typed report holds the cells of its own catalogue only.
        if CATALOGUE.get(id.index()).map(|i| i.id) != Some(id) {
            return None;
        }
        match self
            .snapshot
            .slots()
            .get(id.index())
            .map(|slot| slot.printed())
        {
            Some(Ok(value)) => value,
            _ => self.report.cell(id),
        }
    }
}

impl Report {
    /// Checks every rule of the template the report's metadata names
    /// ([`RULES`](super::RULES) for 581) and returns the findings.
    ///
    /// Pure and panic-free; on a consistent report it allocates nothing.
    /// Rows that do not apply to the report's period (district rows after 1
    /// July 2025) are left out of every rule, and a value in one is an error.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Severity};
    /// let findings = samples::bac_giang_2023_q3().validate();
    /// let infos: Vec<_> = findings.of_severity(Severity::Info).map(|f| f.rule.as_str()).collect();
    /// assert_eq!(infos, ["derivable:1/2", "derivable:6/1"]); // blank rates that can be computed
    /// ```
    #[must_use]
    pub fn validate(&self) -> Findings {
        self.run(None)
    }

    /// Checks every rule with the exact evaluators alone, without the clean
    /// path: the reference [`Report::validate`] agrees with (and is checked
    /// against in debug builds), slower on a clean report.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::samples;
    /// let sample = samples::bac_giang_2023_q3();
    /// assert_eq!(sample.validate_exactly(), sample.validate());
    /// ```
    #[must_use]
    pub fn validate_exactly(&self) -> Findings {
        let template = self.meta.template.template();
        let absent = template.absent_cells_of(self.meta.period);
        let snapshot = self.snapshot();
        let source = Snapshotted {
            snapshot: &snapshot,
            report: self,
        };
        run(template.rules, template.plan, &source, None, &absent, None)
    }

    /// Checks every rule and says, beside the findings, what became of each
    /// rule (passed, failed, noted, or not evaluated for blanks).
    #[must_use]
    pub fn check(&self) -> Evaluation {
        let template = self.meta.template.template();
        let mut outcomes = Vec::with_capacity(template.rules.len());
        let findings = self.run(Some(&mut outcomes));
        Evaluation { findings, outcomes }
    }

    fn run(&self, outcomes: Option<&mut Vec<Outcome>>) -> Findings {
        let template = self.meta.template.template();
        let absent = template.absent_cells_of(self.meta.period);
        let snapshot = self.snapshot();
        let source = Snapshotted {
            snapshot: &snapshot,
            report: self,
        };
        run(
            template.rules,
            template.plan,
            &source,
            snapshot.for_template(template),
            &absent,
            outcomes,
        )
    }

    /// The report with every derivable blank percentage filled in: the rate
    /// computed from its numerator and denominator, to two decimals, rounded
    /// half away from zero.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::samples;
    /// let filled = samples::bac_giang_2023_q3().with_derivable_blanks_filled();
    /// // 40 / 56 = 71,428…% and 6.832.000 / 8.007.000 = 85,325…%
    /// assert_eq!(filled.form1.plan_completion_rate.map(|p| p.to_string()).as_deref(), Some("71,43"));
    /// assert_eq!(filled.form6.disbursement_rate.map(|p| p.to_string()).as_deref(), Some("85,33"));
    /// assert!(filled.validate().iter().all(|f| !f.rule.as_str().starts_with("derivable")));
    /// ```
    #[must_use]
    pub fn with_derivable_blanks_filled(&self) -> Report {
        let cells = self.cells();
        let mut filled = self.clone();
        for rule in self.meta.template.template().rules {
            if let Check::Derivable(derivable) = rule.check {
                if let Some(rate) = derivable.rate_from(&cells) {
                    // A rate of two decimals fits every percentage cell.
                    let _ = filled.set_cell(derivable.rate, Some(rate));
                }
            }
        }
        filled
    }
}

impl crate::figures::Sealed for Report {}

/// The typed report as the checks across reports read it: its cells handed
/// over typed, form by form, without a copy of the report.
impl crate::figures::Figures for Report {
    fn meta(&self) -> &ReportMeta {
        &self.meta
    }

    fn blank(meta: ReportMeta) -> Report {
        Report::new(meta)
    }

    fn each_figure(&self, each: impl FnMut(usize, Option<Printed>)) {
        /// A sink handing each typed cell over as printed digits.
        struct Each<F>(F);
        impl<F: FnMut(usize, Option<Printed>)> CellSink for Each<F> {
            #[inline]
            fn put<T: CellValue>(&mut self, index: usize, value: Option<T>) {
                (self.0)(index, value.map(CellValue::printed));
            }
        }
        use super::FORM_OFFSETS as AT;
        let mut sink = Each(each);
        self.form1.visit_cells(&mut sink, AT[0]);
        self.form2.visit_cells(&mut sink, AT[1]);
        self.form3.visit_cells(&mut sink, AT[2]);
        self.form4.visit_cells(&mut sink, AT[3]);
        self.form5.visit_cells(&mut sink, AT[4]);
        self.form6.visit_cells(&mut sink, AT[5]);
        self.form7.visit_cells(&mut sink, AT[6]);
    }

    fn set_figure(&mut self, id: CellId, value: Option<Printed>) -> Result<(), CellProblem> {
        if CATALOGUE.get(id.index()).map(|i| i.id) != Some(id) {
            return Err(CellProblem::UnknownStt);
        }
        self.set_cell(id, value)
    }

    fn findings(&self) -> Findings {
        self.validate()
    }
}
