//! The checks: every invariant of the seven forms, as data, and the
//! evaluators that apply them with exact, precision-aware arithmetic.
//!
//! # The rules
//! [`RULES`] lists every rule: its id, [`Family`], [`Severity`], the cells
//! it reads and a description in Vietnamese and English. The families:
//!
//! | family | what it checks | severity |
//! |---|---|---|
//! | `ratio` | a percentage against its numerator and denominator rows | error |
//! | `derivable` | a blank percentage whose numerator and denominator are reported | info |
//! | `sum` | a total against an exhaustive breakdown (levels of government, autonomy groups) | error |
//! | `part_whole` | a part, or "of which" parts together, at most the whole | error, or warning where exceeding is a breach rather than an impossibility |
//! | `bound` | a value within what its meaning allows (a share in [0, 100], a reduction ≤ 100) | error, or warning for a negative reduction |
//! | `conditional` | a "not done" code against the rows that describe how it was done | error |
//! | `level_range` | an overall rate between its lowest and highest per-level rate | error |
//! | `across_forms` | the same population in two forms; a row of one form bounding another | warning |
//!
//! # Tolerance: printed precision, no epsilon
//! A printed value stands for the interval of true values its digits allow
//! (the rule of XBRL Calculations 1.1): `99,3` is any value in
//! `[99,25; 99,35]`. A percentage is consistent when the exact ratio of its
//! numerator and denominator (themselves intervals when printed with limited
//! precision) can lie in that interval; a total is consistent with its parts
//! when their intervals overlap. Counts and codes are exact. Rounding to
//! nearest is the usual reading; truncation (`13,05` for 13,058) is accepted
//! too, and a value consistent only under truncation gets an `info` note,
//! never an error. All arithmetic is on integers, cross-multiplied: no
//! division, no floats, no hand-set epsilon.
//!
//! A rule whose cells are blank is not evaluated (its [`Outcome`] says so):
//! a blank is never taken as zero.
//!
//! # Example
//! ```
//! use cchc_forms::{samples, Severity};
//!
//! let findings = samples::bac_giang_2023_q3().validate();
//! let errors: Vec<_> = findings.of_severity(Severity::Error).map(|f| f.rule.as_str()).collect();
//! assert_eq!(errors, ["sum:3/1.4"]); // 1.486 + 255 + 155 = 1.896, not 1.902
//! ```

use std::fmt;

use serde::Serialize;

use crate::catalogue::CellId;
use crate::finding::{CellList, Family, Findings, RuleId, Severity};
use crate::report::Report;
use crate::unit::{Printed, ValueKind};

pub(crate) mod eval;
mod fast;
pub(crate) mod interval;
mod rules;

pub(crate) use fast::{Slot, Snapshot};

pub use rules::RULES;

/// How many rules there are.
pub const RULE_COUNT: usize = RULES.len();

/// One invariant of the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// A stable id naming the family and the cells (`ratio:3/3.1`,
    /// `part:1/5.2+1/5.3+1/5.4<=1/5.1`, `across:4/1.5==6/2.1`).
    pub id: &'static str,
    /// The family of invariant.
    pub family: Family,
    /// The severity of a violation.
    pub severity: Severity,
    /// The cells it reads, the checked cell first (the rate, the total, the
    /// whole, the bounded value, the code, the overall rate).
    pub cells: &'static [CellId],
    pub(crate) check: Check,
    note_vi: &'static str,
    note_en: &'static str,
}

/// What a rule computes, and with which parameters; the family says what it
/// means. [`Rule::kind`] gives a rule's, for tools that generate or explain
/// data from the rule table (such as the `proptest` strategies).
///
/// # Example
/// ```
/// use cchc_forms::check::{Check, RULES};
/// let rule = RULES.iter().find(|rule| rule.id == "bound:4/2.5:_..100").unwrap();
/// assert_eq!(rule.kind(), Check::Bound { min: None, max: Some(100) });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Check {
    /// `cells = [rate, numerator, denominator]`.
    Ratio,
    /// `cells = [rate, numerator, denominator]`: a blank rate that can be computed.
    Derivable,
    /// `cells = [total, parts…]`: the parts add up to the total.
    Sum,
    /// `cells = [whole, parts…]`: the parts together are at most the whole.
    PartWhole,
    /// `cells = [value]`: within `[min, max]` (whole numbers in the cell's unit).
    Bound {
        /// The least value allowed, if any.
        min: Option<i64>,
        /// The greatest value allowed, if any.
        max: Option<i64>,
    },
    /// `cells = [code, dependents…]`: when the code is `when`, the dependents
    /// are blank (or zero, for counts).
    Conditional {
        /// The code that means "not done".
        when: u8,
    },
    /// `cells = [overall, levels…]`: the overall rate lies within the levels' range.
    LevelRange,
    /// `cells = [left, right]`: the same quantity.
    Same,
}

impl Rule {
    #[allow(clippy::too_many_arguments)]
    const fn new(
        id: &'static str,
        family: Family,
        severity: Severity,
        check: Check,
        cells: &'static [CellId],
        note_vi: &'static str,
        note_en: &'static str,
    ) -> Rule {
        Rule {
            id,
            family,
            severity,
            cells,
            check,
            note_vi,
            note_en,
        }
    }

    /// What the rule computes, with its parameters (a bound's limits, a
    /// conditional's code); [`Rule::cells`](Rule#structfield.cells) says
    /// which cell plays which part.
    #[must_use]
    pub const fn kind(&self) -> Check {
        self.check
    }

    /// The rule in English: what it checks, by STT, and why.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::check::RULES;
    /// let rule = RULES.iter().find(|rule| rule.id == "ratio:3/3.1").unwrap();
    /// assert_eq!(
    ///     rule.description_en(),
    ///     "Form 3: 3.1 = 100 × 3.1.2 / 3.1.1, within the precision 3.1 is printed with."
    /// );
    /// ```
    #[must_use]
    pub fn description_en(&self) -> String {
        eval::describe(self, eval::Language::English)
    }

    /// The rule in Vietnamese: what it checks, by STT, and why.
    #[must_use]
    pub fn description_vi(&self) -> String {
        eval::describe(self, eval::Language::Vietnamese)
    }

    /// Why the rule holds, in English (empty for ratios and derivable blanks,
    /// whose description says it all).
    #[must_use]
    pub fn note_en(&self) -> &'static str {
        self.note_en
    }

    /// Why the rule holds, in Vietnamese.
    #[must_use]
    pub fn note_vi(&self) -> &'static str {
        self.note_vi
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Rule", 6)?;
        out.serialize_field("id", self.id)?;
        out.serialize_field("family", &self.family)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("cells", self.cells)?;
        out.serialize_field("description_vi", &self.description_vi())?;
        out.serialize_field("description_en", &self.description_en())?;
        out.end()
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            out,
            "{} ({}, {}): {}",
            self.id,
            self.family,
            self.severity,
            self.description_en()
        )
    }
}

/// A cell written `"form/STT"`, resolved at compile time.
const fn cell(text: &str) -> CellId {
    let bytes = text.as_bytes();
    assert!(
        bytes.len() > 2 && bytes[1] == b'/',
        "cells are written \"form/STT\""
    );
    let form = bytes[0] - b'0';
    let (_, stt) = text.split_at(2);
    CellId::of(form, stt)
}

/// What became of one rule on one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Evaluated and satisfied.
    Passed,
    /// Evaluated and violated: a finding of the rule's severity.
    Failed,
    /// Evaluated and noted: an `info` finding (a derivable blank, a value
    /// consistent only if truncated, a 0/0 ratio).
    Noted,
    /// Not evaluated: a cell it needs is blank (or, for a derivable blank,
    /// the rate is reported).
    NotEvaluated,
}

/// The result of checking a report: the findings, and what became of every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The findings, in rule order.
    pub findings: Findings,
    /// What became of each rule of [`RULES`], by position.
    pub outcomes: [Outcome; RULE_COUNT],
}

impl Evaluation {
    /// How many rules had each outcome: (passed, failed, noted, not evaluated).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::samples;
    /// let evaluation = samples::bac_giang_2023_q3().check();
    /// let (passed, failed, noted, not_evaluated) = evaluation.summary();
    /// assert_eq!((failed, noted), (2, 2));
    /// assert_eq!(passed + failed + noted + not_evaluated, cchc_forms::check::RULE_COUNT);
    /// ```
    #[must_use]
    pub fn summary(&self) -> (usize, usize, usize, usize) {
        let count = |outcome| self.outcomes.iter().filter(|&&o| o == outcome).count();
        (
            count(Outcome::Passed),
            count(Outcome::Failed),
            count(Outcome::Noted),
            count(Outcome::NotEvaluated),
        )
    }
}

impl Report {
    /// Checks every rule of [`RULES`] and returns the findings.
    ///
    /// Pure and panic-free; on a consistent report it allocates nothing.
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
        let snapshot = self.snapshot();
        let verdicts = fast::run(&snapshot);
        let mut findings = Findings::default();
        for index in verdicts.slow() {
            self.evaluate_exactly(&snapshot, RuleId::at(index), &mut findings);
        }
        findings
    }

    /// Checks every rule and says, beside the findings, what became of each
    /// rule (passed, failed, noted, or not evaluated for blanks).
    #[must_use]
    pub fn check(&self) -> Evaluation {
        let snapshot = self.snapshot();
        let verdicts = fast::run(&snapshot);
        let mut findings = Findings::default();
        let mut outcomes = [Outcome::NotEvaluated; RULE_COUNT];
        for (index, outcome) in outcomes.iter_mut().enumerate() {
            *outcome = match verdicts.get(index) {
                fast::Fast::Pass => Outcome::Passed,
                fast::Fast::Skip => Outcome::NotEvaluated,
                fast::Fast::Slow => {
                    self.evaluate_exactly(&snapshot, RuleId::at(index), &mut findings)
                }
            };
        }
        Evaluation { findings, outcomes }
    }

    /// One rule by its exact evaluator, on its cells read once: a rule the
    /// clean path on the [`Snapshot`] did not pass or skip.
    #[cold]
    #[inline(never)]
    fn evaluate_exactly(
        &self,
        snapshot: &Snapshot,
        rule: RuleId,
        findings: &mut Findings,
    ) -> Outcome {
        let cells = Snapshotted {
            snapshot,
            report: self,
        };
        eval::evaluate_values(rule, &cells.values_of(rule.rule().cells), findings)
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
        for rule in RULES.iter().filter(|rule| rule.check == Check::Derivable) {
            if let Some(rate) = eval::derivable_rate(rule, &cells) {
                // A rate of two decimals fits every percentage cell.
                let _ = filled.set_cell(rule.cells[0], Some(rate));
            }
        }
        filled
    }
}

/// How a reporter turns an exact ratio into printed digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// To the nearest, halves away from zero (`71,425` → `71,43`): the usual practice.
    HalfAwayFromZero,
    /// Dropping the digits past the last one printed (`13,058` → `13,05`).
    Truncate,
}

/// `100 × numerator / denominator` with `decimals` decimals, computed exactly
/// from the printed digits and rounded as `rounding` says: the percentage a
/// reporter should print. `None` when the denominator is zero or the
/// numbers are too large to compute with.
///
/// # Example
/// ```
/// use cchc_forms::check::{percentage_of, Rounding};
/// use cchc_forms::unit::Printed;
///
/// let (num, den) = (Printed::whole(3399), Printed::whole(26_030)); // 13,0580…%
/// let nearest = percentage_of(num, den, 2, Rounding::HalfAwayFromZero).unwrap();
/// let truncated = percentage_of(num, den, 2, Rounding::Truncate).unwrap();
/// assert_eq!((nearest.mantissa, nearest.decimals), (1306, 2));
/// assert_eq!((truncated.mantissa, truncated.decimals), (1305, 2));
/// assert_eq!(percentage_of(num, Printed::whole(0), 2, Rounding::Truncate), None);
/// ```
#[must_use]
pub fn percentage_of(
    numerator: Printed,
    denominator: Printed,
    decimals: u32,
    rounding: Rounding,
) -> Option<Printed> {
    // 100 · (nm / 10^ns) / (dm / 10^ds) · 10^decimals = nm · 10^(ds + decimals + 2) / (dm · 10^ns)
    let scaled = numerator.mantissa.checked_mul(interval::pow10(
        denominator.decimals.checked_add(decimals)?.checked_add(2)?,
    )?)?;
    let divisor = denominator
        .mantissa
        .checked_mul(interval::pow10(numerator.decimals)?)?;
    if divisor == 0 {
        return None;
    }
    let (quotient, remainder) = (scaled.checked_div(divisor)?, scaled.checked_rem(divisor)?);
    let round_away = match rounding {
        Rounding::Truncate => false,
        Rounding::HalfAwayFromZero => {
            remainder.checked_abs()?.checked_mul(2)? >= divisor.checked_abs()?
        }
    };
    let away = if (scaled < 0) == (divisor < 0) { 1 } else { -1 };
    Some(Printed {
        mantissa: if round_away {
            quotient.checked_add(away)?
        } else {
            quotient
        },
        decimals,
    })
}

/// Whether a cell's value is read exactly (counts, codes) or as a printed
/// decimal standing for an interval.
fn is_exact(id: CellId) -> bool {
    matches!(
        id.indicator().kind,
        ValueKind::Count | ValueKind::Code { .. }
    )
}

/// The values of a rule's cells, by position, `None` when blank.
pub(crate) type Values = [Option<Printed>; CellList::CAPACITY];

/// Where the exact evaluators read a report's cells from.
pub(crate) trait Source {
    /// A cell's value, `None` when blank.
    fn value(&self, id: CellId) -> Option<Printed>;

    /// The values of a rule's cells, by position (as many as a finding holds).
    fn values_of(&self, ids: &[CellId]) -> Values {
        let mut values = [None; CellList::CAPACITY];
        for (value, &id) in values.iter_mut().zip(ids) {
            *value = self.value(id);
        }
        values
    }
}

/// Every cell, read once.
impl Source for crate::Cells {
    fn value(&self, id: CellId) -> Option<Printed> {
        self[id]
    }
}

/// The report through its snapshot: a cell's value as the snapshot holds
/// it, or, when too wide for it, as the report does.
struct Snapshotted<'a> {
    snapshot: &'a Snapshot,
    report: &'a Report,
}

impl Source for Snapshotted<'_> {
    fn value(&self, id: CellId) -> Option<Printed> {
        match self.snapshot.0.get(id.index()).map(|slot| slot.printed()) {
            Some(Ok(value)) => value,
            _ => self.report.cell(id),
        }
    }
}
