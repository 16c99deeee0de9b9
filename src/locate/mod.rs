//! Which cell is wrong: error localisation and suggested corrections.
//!
//! A finding says that a total and its parts disagree, not which figure the
//! clerk mistyped. [`Locator::locate`] (or [`Report::locate`],
//! [`Sheet::locate`]) finds, by the Fellegi–Holt principle, the smallest
//! weighted sets of cells whose values can be changed so that every rule of
//! severity error holds, with the values to change them to.
//!
//! # Any template
//! It reads a typed 581 [`Report`] or a [`Sheet`] of any template, one
//! defined outside the crate with a
//! [`TemplateBuilder`](crate::template::TemplateBuilder) too (both are
//! [`Figures`]), by the same code: the cells are the template's
//! catalogue, the constraints its rule table (each rule's family says what
//! it requires, [`Check::constraint`](crate::check::Check::constraint)),
//! the rows that do not apply those of its windows and the report's
//! period. [`CellSet::apply`] and [`Localisation::repaired`] return the
//! same type they are given. A 581 report and its sheet
//! (`Sheet::from(&report)`) locate alike. `tests/locate_any_template.rs`
//! is a worked example on a test template.
//!
//! # What "can be changed" means, exactly
//! A set of cells can repair a report when values exist for those cells,
//! the others as reported, such that every error rule holds by the same
//! interval arithmetic as validation: counts whole and ≥ 0, codes in their
//! legend, percentages and amounts at the precision they were printed with
//! (a printed rate stands for the interval its digits allow, rounded to
//! nearest or truncated), blank cells staying blank. This is decided
//! exactly on integers: no floating point, no Big-M, no magnitude limit
//! (counts up to `u64::MAX`, amounts of 10¹² localise as small ones do).
//! Warnings do not constrain; they only steer the suggested value.
//!
//! # Rows that do not apply
//! A row that does not apply to the report's period (a district row of a
//! report whose data window starts on or after 1 July 2025, see
//! [`Template::absent_cells`](crate::template::Template::absent_cells)) is read as
//! validation reads it: blank to every rule (a part of a sum left out, so
//! the sum is checked as "of which"; a level left out of a level range; a
//! ratio or bound on it not evaluated), and fixed: it is never the cell
//! proposed to change. A value other than 0 in such a row breaks its
//! `not_applicable` rule; the repair is to blank it
//! ([`Reason::NotApplicable`]), a set of its own (it counts for no other
//! rule).
//!
//! # How sets are searched
//! Only a report that breaks an error rule is searched: a clean one costs
//! one validation ([`Report::validate`], [`Sheet::validate`]) and nothing
//! more (a typed report's, no allocation). The broken rules are those
//! validation found; the error rules split the cells into independent
//! groups (cells linked through rules). Within each group that breaks a
//! rule, the sets of its reported cells come smallest weight first (each
//! subset generated once, from a lighter one, through a heap); only those
//! that hit every broken rule of the group (a bit-mask test) are tried, and
//! the first feasible weight is the group's minimum: every set of that
//! weight is kept. The minimal sets of the report are the products of the
//! groups' minimal sets. Feasibility of one cell is the exact intersection
//! of what each rule allows it (a union of intervals, computed once per
//! cell); of several, a complete branch-and-prune search on the same exact
//! checks. The edges of what a rule allows are found by the exact
//! predicate, searched from where the arithmetic expects them (the value
//! that balances the rule), so a good guess costs a few evaluations and a
//! bad one no more than a binary search. The arithmetic is validation's
//! own (`check::interval`), so the two cannot disagree.
//!
//! # Weights
//! Every cell weighs [`DEFAULT_WEIGHT`] (1): with no other knowledge each
//! figure is as likely to be mistyped, so the minimal sets are those with
//! the fewest cells. [`Weights`] sets a cell's weight; [`FIXED`] (infinite)
//! means "trusted, never change it".
//!
//! # Order and limits
//! Sets come smallest total weight first; among ties, those whose every
//! change is explained by a known typing slip (most such cells first), then
//! by cell order. At most [`Locator::with_limit`] sets are listed
//! ([`DEFAULT_LIMIT`], 64); `more` says when ties were left out. A group
//! considers at most [`MAX_CELLS_PER_GROUP`] cells and sets of at most
//! [`MAX_SET_SIZE`] cells; a search of more than [`SEARCH_BUDGET`] nodes is
//! abandoned and counted in `undecided` (none of the current rule table
//! comes near).
//!
//! # Suggested values
//! For each cell of a set, the value in its allowed range that a known
//! typing slip explains (Scholtus' deductive correction: two adjacent
//! digits swapped, one digit wrong, a digit dropped or doubled, a factor
//! of 10^k, a sign, a rate rounded the wrong way), if one repairs every
//! error rule the cell touches; otherwise the allowed value nearest the
//! reported one that also satisfies the warnings where one exists. Every
//! set's changes have been checked by validation's own evaluators to leave
//! no error among the rules they touch (the other rules do not read the
//! changed cells), and, in debug builds, the whole repaired report by its
//! validation.
//!
//! # Example
//! ```
//! use cchc_forms::catalogue::CellId;
//! use cchc_forms::samples;
//!
//! // Form 3 row 1.4: 1.902 procedures, but its levels add up to
//! // 1.486 + 255 + 155 = 1.896. Any one of the four can be the slip.
//! let located = samples::bac_giang_2023_q3().locate();
//! let sets: Vec<Vec<&str>> = located
//!     .sets
//!     .iter()
//!     .map(|set| set.cells.iter().map(|cell| cell.indicator().stt).collect())
//!     .collect();
//! assert_eq!(sets, [["1.4"], ["1.4.1"], ["1.4.2"], ["1.4.3"]]);
//! let suggested: Vec<String> = located
//!     .suggestions()
//!     .iter()
//!     .map(|repair| repair.suggested.to_decimal().to_string())
//!     .collect();
//! assert_eq!(suggested, ["1896", "1492", "261", "161"]);
//! ```

use std::fmt;

use serde::Serialize;
use serde::ser::{SerializeSeq, SerializeStruct};

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::bnv581::Report;
use crate::catalogue::CellId;
use crate::check::{Rule, Source, is_exact, run_rules};
use crate::figures::Figures;
use crate::finding::Findings;
use crate::sheet::Sheet;
use crate::unit::{Printed, ValueKind};

mod arith;
mod feasible;
mod model;
mod typo;

use arith::{Set, Val};
use feasible::{Base, Search, Values, Verdict};
use model::Constraint;

/// The weight of a cell unless the caller says otherwise.
pub const DEFAULT_WEIGHT: u32 = 1;
/// The weight of a cell that is never changed (infinite).
pub const FIXED: u32 = u32::MAX;
/// How many minimal sets are listed unless the caller says otherwise.
pub const DEFAULT_LIMIT: usize = 64;
/// The most cells of one group of linked cells that are considered.
pub const MAX_CELLS_PER_GROUP: usize = 16;
/// The most cells changed within one group.
pub const MAX_SET_SIZE: usize = feasible::MAX_FREE;
/// The most nodes of the search over one set of several cells.
pub const SEARCH_BUDGET: u32 = 4_000;

/// The weight of each cell: how unlikely a change to it is.
///
/// # Example
/// ```
/// use cchc_forms::catalogue::CellId;
/// use cchc_forms::locate::{Weights, FIXED};
///
/// let mut weights = Weights::default();
/// weights.fix(CellId::of(3, "1.4")).set(CellId::of(3, "1.4.1"), 3);
/// assert_eq!(weights.get(CellId::of(3, "1.4")), FIXED);
/// assert_eq!(weights.get(CellId::of(3, "1.4.1")), 3);
/// assert_eq!(weights.get(CellId::of(3, "1.4.2")), 1);
/// ```
///
/// The cells are those of any template (a weight set for a cell of one
/// template says nothing about another's); only the weights other than
/// [`DEFAULT_WEIGHT`] are held, in cell order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Weights(Vec<(CellId, u32)>);

impl Weights {
    /// Sets a cell's weight; 0 counts as 1 (a change is never free), and
    /// [`FIXED`] means never changed.
    pub fn set(&mut self, cell: CellId, weight: u32) -> &mut Self {
        let weight = weight.max(1);
        match self.0.binary_search_by_key(&cell, |&(id, _)| id) {
            Ok(at) if weight == DEFAULT_WEIGHT => {
                self.0.remove(at);
            }
            Ok(at) => self.0[at].1 = weight,
            Err(_) if weight == DEFAULT_WEIGHT => {}
            Err(at) => self.0.insert(at, (cell, weight)),
        }
        self
    }

    /// Marks a cell as trusted: it is never changed.
    pub fn fix(&mut self, cell: CellId) -> &mut Self {
        self.set(cell, FIXED)
    }

    /// A cell's weight ([`DEFAULT_WEIGHT`] unless set).
    #[must_use]
    pub fn get(&self, cell: CellId) -> u32 {
        self.0
            .binary_search_by_key(&cell, |&(id, _)| id)
            .map_or(DEFAULT_WEIGHT, |at| self.0[at].1)
    }
}

/// Error localisation with chosen weights and limit.
///
/// # Example
/// ```
/// use cchc_forms::catalogue::CellId;
/// use cchc_forms::locate::{Locator, Weights};
/// use cchc_forms::samples;
///
/// // Trust the total: only the three levels remain.
/// let mut weights = Weights::default();
/// weights.fix(CellId::of(3, "1.4"));
/// let located = Locator::new().with_weights(weights).locate(&samples::bac_giang_2023_q3());
/// assert_eq!(located.sets.len(), 3);
/// assert_eq!(located.weight, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locator {
    weights: Weights,
    limit: usize,
}

impl Default for Locator {
    fn default() -> Self {
        Locator {
            weights: Weights::default(),
            limit: DEFAULT_LIMIT,
        }
    }
}

/// Why a value is suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// A rate whose last printed digit is one off: rounded the wrong way.
    RoundedWrongWay,
    /// Two adjacent digits swapped (45.106 for 54.106).
    AdjacentDigitsSwapped,
    /// One digit wrong.
    OneDigitWrong,
    /// A digit left out.
    DigitDropped,
    /// A digit typed twice.
    DigitDoubled,
    /// A factor of 10^k: a separator slip.
    PowerOfTen,
    /// The sign.
    Sign,
    /// No slip explains it, and it is the only value the error rules allow.
    OnlyValue,
    /// No slip explains it: the value the error rules allow nearest the
    /// reported one (satisfying the warnings where one does).
    NearestValue,
    /// The row does not apply to the report's period (a district row from
    /// the data window starting 1 July 2025): blank it. The suggested value
    /// is then 0, which the row may also hold, and [`CellSet::apply`]
    /// blanks the cell.
    NotApplicable,
}

impl Reason {
    /// Whether a known typing slip explains the change.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::locate::Reason;
    /// assert!(Reason::AdjacentDigitsSwapped.is_typo());
    /// assert!(!Reason::OnlyValue.is_typo());
    /// ```
    #[must_use]
    pub fn is_typo(self) -> bool {
        !matches!(
            self,
            Reason::OnlyValue | Reason::NearestValue | Reason::NotApplicable
        )
    }

    /// The reason in English words.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::locate::Reason;
    /// assert_eq!(Reason::AdjacentDigitsSwapped.as_str(), "adjacent digits swapped");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::RoundedWrongWay => "rate rounded the wrong way",
            Reason::AdjacentDigitsSwapped => "adjacent digits swapped",
            Reason::OneDigitWrong => "one digit wrong",
            Reason::DigitDropped => "digit dropped",
            Reason::DigitDoubled => "digit doubled",
            Reason::PowerOfTen => "factor of a power of ten",
            Reason::Sign => "sign",
            Reason::OnlyValue => "only value the error rules allow",
            Reason::NearestValue => "nearest value the error rules allow",
            Reason::NotApplicable => "row does not apply to the period: blank it",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(self.as_str())
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A change to one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// The cell.
    pub cell: CellId,
    /// Its value as reported.
    pub reported: Printed,
    /// The value suggested (0 where the row is to be blanked, see
    /// [`Reason::NotApplicable`] and [`Repair::value`]).
    pub suggested: Printed,
    /// Why that value.
    pub reason: Reason,
    /// Every value that satisfies the error rules, the other cells of the
    /// set at their suggested values: closed ranges, in order.
    pub allowed: Vec<(Printed, Printed)>,
}

impl Repair {
    /// The cell's new value: the suggested one, or `None` (blank) for a
    /// row that does not apply to the period.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::samples;
    /// let located = samples::bac_giang_2023_q3().locate();
    /// let repair = &located.sets[0].repairs[0];
    /// assert_eq!(repair.value(), Some(repair.suggested));
    /// ```
    #[must_use]
    pub fn value(&self) -> Option<Printed> {
        (self.reason != Reason::NotApplicable).then_some(self.suggested)
    }
}

impl Serialize for Repair {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let indicator = self.cell.indicator();
        let mut out = serializer.serialize_struct("Repair", 5)?;
        out.serialize_field("form", &indicator.form)?;
        out.serialize_field("stt", indicator.stt)?;
        out.serialize_field("reported", &self.reported.to_decimal().to_string())?;
        // `null` for a row to blank.
        out.serialize_field(
            "suggested",
            &self.value().map(|value| value.to_decimal().to_string()),
        )?;
        out.serialize_field("reason", &self.reason)?;
        out.end()
    }
}

/// A minimal set of cells and the changes that repair the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellSet {
    /// The cells, in catalogue order.
    pub cells: Vec<CellId>,
    /// Their total weight.
    pub weight: u64,
    /// One change per cell, in the same order.
    pub repairs: Vec<Repair>,
}

impl CellSet {
    /// The report (a typed [`Report`] or a [`Sheet`]) with this set's
    /// suggested values.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Sheet};
    /// let report = samples::bac_giang_2023_q3();
    /// let located = report.locate();
    /// assert!(!located.sets[0].apply(&report).validate().has_errors());
    /// // The same set mends the report as a sheet.
    /// let sheet = Sheet::from(&report);
    /// assert!(!located.sets[0].apply(&sheet).validate().has_errors());
    /// ```
    #[must_use]
    pub fn apply<R: Figures + Clone>(&self, report: &R) -> R {
        let mut repaired = report.clone();
        for repair in &self.repairs {
            // Every suggested value fits its cell: it was checked so.
            let _ = repaired.set_figure(repair.cell, repair.value());
        }
        repaired
    }

    /// How many of its changes a typing slip explains.
    fn typos(&self) -> usize {
        self.repairs.iter().filter(|r| r.reason.is_typo()).count()
    }
}

/// Where a report's errors most likely are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Localisation {
    /// The minimal sets, smallest weight first, then most typing slips
    /// explained, then cell order. Empty when the report breaks no error rule.
    pub sets: Vec<CellSet>,
    /// The minimal total weight (0 when nothing needs to change).
    pub weight: u64,
    /// Whether more sets of this weight exist than the limit lists.
    pub more: bool,
    /// Error rules no allowed change can repair (every cell blank, fixed,
    /// or beyond the limits), by rule id.
    pub unrepairable: Vec<&'static str>,
    /// Sets whose search ran out of budget, neither shown repairable nor not.
    pub undecided: usize,
}

impl Localisation {
    /// The cells of the sets with their suggested values, each cell once,
    /// in the order of the first set that holds it.
    #[must_use]
    pub fn suggestions(&self) -> Vec<&Repair> {
        let mut out: Vec<&Repair> = Vec::new();
        for set in &self.sets {
            for repair in &set.repairs {
                if !out.iter().any(|seen| seen.cell == repair.cell) {
                    out.push(repair);
                }
            }
        }
        out
    }

    /// The report (a typed [`Report`] or a [`Sheet`]) repaired by the
    /// first (most likely) set, if any.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::samples;
    /// let report = samples::bac_giang_2023_q3();
    /// let repaired = report.locate().repaired(&report).expect("a repair");
    /// assert_eq!(repaired.form3.procedures_local.map(|c| c.get()), Some(1_896));
    /// ```
    #[must_use]
    pub fn repaired<R: Figures + Clone>(&self, report: &R) -> Option<R> {
        self.sets.first().map(|set| set.apply(report))
    }
}

impl Serialize for Localisation {
    /// `{"sets": [[{"form": 3, "stt": "1.4", "reported": "1902",
    /// "suggested": "1896", "reason": "…"}], ...], "suggestions": [...]}`:
    /// each set's cells with the value each should take *in that set*
    /// (applying a set's values leaves no error); then `suggestions`, each
    /// cell once with the value of the first set that holds it (a summary:
    /// the values of different sets do not mix).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Sets<'a>(&'a [CellSet]);
        impl Serialize for Sets<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut out = serializer.serialize_seq(Some(self.0.len()))?;
                for set in self.0 {
                    out.serialize_element(&set.repairs)?;
                }
                out.end()
            }
        }
        let mut out = serializer.serialize_struct("Localisation", 2)?;
        out.serialize_field("sets", &Sets(&self.sets))?;
        out.serialize_field("suggestions", &self.suggestions())?;
        out.end()
    }
}

impl Sheet {
    /// The minimal sets of cells to change so that no error rule of the
    /// sheet's template fails, with default weights and limit
    /// ([`Locator::default`]): [`Report::locate`] for a report of any
    /// template.
    ///
    /// # Example
    /// A template of one's own: a total of two parts, 12 + 7 printed as
    /// 20. Each of the three can carry the slip; the parts' changes are
    /// known slips (one digit wrong: 12 → 13, 7 → 8) and come first, the
    /// total's is not (19 is the only value it can take).
    /// ```
    /// use cchc_forms::catalogue::Indicator;
    /// use cchc_forms::template::{LegalBasis, TemplateBuilder};
    /// use cchc_forms::{CalendarDate, ReportMeta, Row, Sheet, samples};
    ///
    /// let count = |stt, key| Indicator::count(1, stt, key, "Hồ sơ", "Dossiers", "Hồ sơ", "dossiers");
    /// let template = TemplateBuilder::new(LegalBasis {
    ///     document: "Mẫu ví dụ",
    ///     date: CalendarDate { year: 2026, month: 1, day: 1 },
    ///     issuer: "an example",
    ///     name: "example/dossiers",
    /// })
    /// .form(1, "form1", "Hồ sơ", "Dossiers")
    /// .row(count("1", "dossiers"))
    /// .row(count("1.1", "online"))
    /// .row(count("1.2", "on_paper"))
    /// .sum("1/1", &["1/1.1", "1/1.2"], ("Hai cách nộp.", "Two ways in."))
    /// .build()
    /// .expect("a template");
    /// let meta = ReportMeta { template: template.version(), ..ReportMeta::default() };
    /// let rows = [Row::new(1, "1", "20"), Row::new(1, "1.1", "12"), Row::new(1, "1.2", "7")];
    /// let sheet = Sheet::from_rows(meta, rows)?;
    /// let located = sheet.locate();
    /// let suggested: Vec<(&str, String)> = located
    ///     .suggestions()
    ///     .iter()
    ///     .map(|repair| (repair.cell.indicator().stt, repair.suggested.to_decimal().to_string()))
    ///     .collect();
    /// assert_eq!(suggested, [("1.1", "13".to_owned()), ("1.2", "8".to_owned()), ("1", "19".to_owned())]);
    /// assert!(!located.repaired(&sheet).expect("a repair").validate().has_errors());
    ///
    /// // A 581 report and its sheet locate alike.
    /// let report = samples::bac_giang_2023_q3();
    /// assert_eq!(Sheet::from(&report).locate(), report.locate());
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    #[must_use]
    pub fn locate(&self) -> Localisation {
        Locator::default().locate(self)
    }
}

impl Report {
    /// The minimal sets of cells to change so that no error rule fails,
    /// with default weights and limit ([`Locator::default`]).
    ///
    /// Costs one [`Report::validate`] on a report without errors.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::catalogue::CellId;
    /// use cchc_forms::{samples, unit::Printed};
    ///
    /// let mut report = samples::bac_giang_2023_q3();
    /// // 54.106 typed 45.106: the ratio 3/3.1 and on-time ≤ resolved both fail.
    /// report.set_cell(CellId::of(3, "3.1.1"), Some(Printed::whole(45_106)))?;
    /// let located = report.locate();
    /// let first = &located.sets[0];
    /// let repair = first.repairs.iter().find(|r| r.cell == CellId::of(3, "3.1.1")).unwrap();
    /// assert_eq!(repair.suggested, Printed::whole(54_106));
    /// assert_eq!(repair.reason.as_str(), "adjacent digits swapped");
    /// # Ok::<(), cchc_forms::CellProblem>(())
    /// ```
    #[must_use]
    pub fn locate(&self) -> Localisation {
        Locator::default().locate(self)
    }
}

/// One group's minimal sets.
struct Group {
    sets: Vec<CellSet>,
}

impl Locator {
    /// Default weights and limit.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// With these weights.
    #[must_use]
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    /// Listing at most `limit` sets (at least one).
    #[must_use]
    pub fn with_limit(mut self, limit: usize) -> Self {
        self.limit = limit.max(1);
        self
    }

    /// The minimal sets of cells to change so that no error rule fails:
    /// of a typed 581 [`Report`], or of a [`Sheet`] of any template.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::locate::Locator;
    /// use cchc_forms::samples;
    /// let located = Locator::new().with_limit(2).locate(&samples::bac_giang_2023_q3());
    /// assert_eq!((located.sets.len(), located.more), (2, true));
    /// ```
    #[must_use]
    pub fn locate<R: Figures + Clone>(&self, report: &R) -> Localisation {
        let findings = report.findings();
        if !findings.has_errors() {
            // A clean report: one validation, nothing else.
            return Localisation::default();
        }
        let meta = report.meta();
        let template = meta.template.template();
        // 581's model is made once; another template's, for this report.
        let own;
        let model = if let Some(model) = model::shared(template) {
            model
        } else {
            own = model::build(template);
            &own
        };
        // The rows that do not apply to the report's period (none when the
        // period is not given, as in validation): the one place
        // localisation reads the report's period.
        let absent = template.absent_cells_of(meta.period);
        let mut cells = vec![None; template.indicators().len()];
        report.each_figure(|index, value| {
            if let Some(slot) = cells.get_mut(index) {
                *slot = value;
            }
        });
        let ids: Vec<CellId> = template.indicators().iter().map(|i| i.id).collect();
        let base = Base {
            values: ids
                .iter()
                .zip(&cells)
                .map(|(&id, value)| {
                    // A row that does not apply is blank to every rule.
                    value
                        .filter(|_| !absent.contains(id))
                        .map(|value| Val::point(value.mantissa, value.decimals, is_exact(id)))
                })
                .collect(),
            absent,
        };
        let context = Context {
            rules: template.rules,
            model,
            cells: &cells,
            base: &base,
        };
        // The broken rules, as validation found them: by group of linked
        // cells (in order of the group's first cell), and the rows that do
        // not apply but hold a value.
        let mut located = Localisation::default();
        let mut broken: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut blanks: Vec<Group> = Vec::new();
        for finding in findings.of_severity(crate::finding::Severity::Error) {
            let rule = finding.rule.rule();
            let constraint = model.of_rule.get(finding.rule.index()).copied().flatten();
            if let Some(index) = constraint {
                let Some(first) = model.constraints[index].cells.first() else {
                    continue;
                };
                let group = model.group_of_cell[first.index()];
                match broken.iter_mut().find(|(id, _)| *id == group) {
                    Some((_, list)) => list.push(index),
                    None => broken.push((group, vec![index])),
                }
            } else if let crate::check::Constraint::Inapplicable { cell } = rule.check.constraint()
            {
                match self.blank(&cells, cell) {
                    Some(group) => blanks.push(group),
                    None => located.unrepairable.push(rule.id),
                }
            } else {
                located.unrepairable.push(rule.id);
            }
        }
        broken.sort_by_key(|(group, _)| *group);
        let mut cache = Cache::default();
        let mut groups: Vec<Group> = Vec::new();
        for (group, constraints) in &broken {
            let members: Vec<CellId> = ids
                .iter()
                .copied()
                .filter(|id| model.group_of_cell[id.index()] == *group)
                .collect();
            let constraints: Vec<&Constraint> =
                constraints.iter().map(|&i| &model.constraints[i]).collect();
            match self.group(&context, &members, &constraints, &mut cache, &mut located) {
                Some(group) => groups.push(group),
                None => located
                    .unrepairable
                    .extend(constraints.iter().map(|c| c.rule)),
            }
        }
        groups.extend(blanks);
        if !located.unrepairable.is_empty() || groups.is_empty() {
            return located;
        }
        let (sets, more) = self.combine(groups);
        located.more = more;
        // Each group's sets were applied and validated with no error of
        // its rules left; rules of different groups share no cell, so the
        // combined sets leave none. Checked again in debug builds.
        for set in sets {
            debug_assert!(
                !set.apply(report).findings().has_errors(),
                "a combined set leaves an error"
            );
            located.weight = set.weight;
            located.sets.push(set);
        }
        located
    }

    /// A row that does not apply to the period but holds a value: blanking
    /// it is the repair (its value counts for no other rule). `None` when
    /// the cell is trusted.
    fn blank(&self, cells: &[Option<Printed>], cell: CellId) -> Option<Group> {
        let weight = self.weights.get(cell);
        if weight == FIXED {
            return None;
        }
        let reported = cells.get(cell.index()).copied().flatten()?;
        let zero = Printed {
            mantissa: 0,
            decimals: reported.decimals,
        };
        Some(Group {
            sets: vec![CellSet {
                cells: vec![cell],
                weight: u64::from(weight),
                repairs: vec![Repair {
                    cell,
                    reported,
                    suggested: zero,
                    reason: Reason::NotApplicable,
                    allowed: vec![(zero, zero)],
                }],
            }],
        })
    }

    /// The minimal sets of one group of linked cells that breaks `broken`.
    ///
    /// The sets of the group's candidate cells come smallest weight first
    /// (the subsets of the cells sorted by weight, each generated once from
    /// a lighter one, through a heap): only those that hit every broken
    /// rule (a bit mask test) are tried, and the search stops past the
    /// first weight at which one is feasible.
    fn group(
        &self,
        context: &Context<'_>,
        members: &[CellId],
        broken: &[&Constraint],
        cache: &mut Cache,
        located: &mut Localisation,
    ) -> Option<Group> {
        let base = context.base;
        let mut candidates: Vec<CellId> = members
            .iter()
            .copied()
            .filter(|&cell| base.values[cell.index()].is_some() && self.weights.get(cell) != FIXED)
            .collect();
        if candidates.len() > MAX_CELLS_PER_GROUP {
            candidates.retain(|cell| broken.iter().any(|c| c.cells.contains(cell)));
            candidates.truncate(MAX_CELLS_PER_GROUP);
        }
        // Lightest first, then in catalogue order.
        candidates.sort_by_key(|&cell| (self.weights.get(cell), cell));
        let weight_of = |i: usize| u64::from(self.weights.get(candidates[i]));
        let covers: Vec<u32> = broken
            .iter()
            .map(|constraint| {
                (0..candidates.len())
                    .filter(|&i| constraint.cells.contains(&candidates[i]))
                    .fold(0_u32, |mask, i| mask | 1 << i)
            })
            .collect();
        // (weight, cells as bits, the heaviest cell's position).
        let mut heap: BinaryHeap<Reverse<(u64, u32, usize)>> = BinaryHeap::new();
        if !candidates.is_empty() {
            heap.push(Reverse((weight_of(0), 1, 0)));
        }
        let mut best: Option<u64> = None;
        let mut sets = Vec::new();
        let mut set: Vec<CellId> = Vec::with_capacity(MAX_SET_SIZE);
        while let Some(Reverse((weight, mask, last))) = heap.pop() {
            if best.is_some_and(|best| weight > best) {
                break;
            }
            // The next sets: the heaviest cell swapped for the next one,
            // and the next one added.
            let next = last + 1;
            if next < candidates.len() {
                let swapped = weight - weight_of(last) + weight_of(next);
                heap.push(Reverse((swapped, mask & !(1 << last) | 1 << next, next)));
                if (mask.count_ones() as usize) < MAX_SET_SIZE {
                    heap.push(Reverse((weight + weight_of(next), mask | 1 << next, next)));
                }
            }
            if !covers.iter().all(|&cover| cover & mask != 0) {
                continue;
            }
            set.clear();
            set.extend(
                (0..candidates.len())
                    .filter(|&i| mask >> i & 1 == 1)
                    .map(|i| candidates[i]),
            );
            set.sort_unstable();
            let touching = touching(context.model, &set);
            let mut search = Search {
                base,
                constraints: &touching,
                free: &set,
                budget: SEARCH_BUDGET,
            };
            let verdict = match set[..] {
                // One cell: what every rule allows it, kept for the
                // suggestion.
                [cell] => match cache
                    .allowed(&search, cell)
                    .nearest(search.template(cell).lo)
                {
                    Some(value) => Verdict::Feasible(vec![value]),
                    None => Verdict::Infeasible,
                },
                _ => search.run(),
            };
            match verdict {
                Verdict::Feasible(values) => {
                    let repairs = suggest(context, &search, &set, values, cache);
                    // Each group is checked alone, by validation's own
                    // evaluators: no error left among the rules the
                    // changes touch (the others do not see them).
                    let changes: Vec<(CellId, Option<Printed>)> =
                        repairs.iter().map(|r| (r.cell, r.value())).collect();
                    let left = context
                        .evaluate(&changes, touching.iter().map(|c| c.index))
                        .has_errors();
                    let cell_set = CellSet {
                        cells: set.clone(),
                        weight,
                        repairs,
                    };
                    if !left {
                        best = Some(weight);
                        sets.push(cell_set);
                    }
                }
                Verdict::Infeasible => {}
                Verdict::Undecided => located.undecided += 1,
            }
        }
        if sets.is_empty() {
            return None;
        }
        sets.sort_by(|a, b| {
            b.typos()
                .cmp(&a.typos())
                .then_with(|| a.cells.cmp(&b.cells))
        });
        Some(Group { sets })
    }

    /// The products of the groups' minimal sets, in order, at most `limit`.
    fn combine(&self, groups: Vec<Group>) -> (Vec<CellSet>, bool) {
        let cap = self.limit.saturating_mul(4);
        let mut more = false;
        let mut sets = vec![CellSet {
            cells: Vec::new(),
            weight: 0,
            repairs: Vec::new(),
        }];
        for group in groups {
            let mut next = Vec::new();
            for left in &sets {
                for right in &group.sets {
                    let mut pairs: Vec<(CellId, Repair)> = left
                        .cells
                        .iter()
                        .copied()
                        .zip(left.repairs.iter().cloned())
                        .chain(
                            right
                                .cells
                                .iter()
                                .copied()
                                .zip(right.repairs.iter().cloned()),
                        )
                        .collect();
                    pairs.sort_by_key(|(cell, _)| *cell);
                    next.push(CellSet {
                        cells: pairs.iter().map(|(cell, _)| *cell).collect(),
                        weight: left.weight.saturating_add(right.weight),
                        repairs: pairs.into_iter().map(|(_, repair)| repair).collect(),
                    });
                }
            }
            next.sort_by(|a, b| {
                a.weight
                    .cmp(&b.weight)
                    .then_with(|| b.typos().cmp(&a.typos()))
                    .then_with(|| a.cells.cmp(&b.cells))
            });
            if next.len() > cap {
                next.truncate(cap);
                more = true;
            }
            sets = next;
        }
        if sets.len() > self.limit {
            sets.truncate(self.limit);
            more = true;
        }
        (sets, more)
    }
}

/// The hard constraints that read any cell of `set`, in rule order.
fn touching<'m>(model: &'m model::Model, set: &[CellId]) -> Vec<&'m Constraint> {
    let mut ids: Vec<usize> = set
        .iter()
        .flat_map(|cell| model.hard_of_cell[cell.index()].iter().copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.iter().map(|&i| &model.constraints[i]).collect()
}

/// What localisation reads of one report.
struct Context<'a> {
    /// Its template's rules.
    rules: &'static [Rule],
    /// Its template's model.
    model: &'a model::Model,
    /// Its cells as reported, by cell index.
    cells: &'a [Option<Printed>],
    /// Its cells as localisation reads them.
    base: &'a Base,
}

impl Context<'_> {
    /// The findings of the rules at `rules` (positions in the rule table)
    /// on the report with `changes`, by validation's exact evaluators.
    fn evaluate(
        &self,
        changes: &[(CellId, Option<Printed>)],
        rules: impl IntoIterator<Item = usize>,
    ) -> Findings {
        let source = Changed {
            cells: self.cells,
            changes,
        };
        run_rules(self.rules, &source, &self.base.absent, rules)
    }
}

/// A report's cells with a few changed.
struct Changed<'a> {
    cells: &'a [Option<Printed>],
    changes: &'a [(CellId, Option<Printed>)],
}

impl Source for Changed<'_> {
    fn value(&self, id: CellId) -> Option<Printed> {
        match self.changes.iter().find(|(cell, _)| *cell == id) {
            Some(&(_, value)) => value,
            None => self.cells.get(id.index()).copied().flatten(),
        }
    }
}

/// What every hard rule allows each cell alone, the others as reported,
/// computed once per report.
#[derive(Default)]
struct Cache {
    allowed: Vec<(CellId, Set)>,
}

impl Cache {
    fn allowed(&mut self, search: &Search<'_>, cell: CellId) -> &Set {
        let at = if let Some(at) = self.allowed.iter().position(|(id, _)| *id == cell) {
            at
        } else {
            let set = search.allowed(cell, &Values::new(search.base));
            self.allowed.push((cell, set));
            self.allowed.len() - 1
        };
        &self.allowed[at].1
    }
}

/// The changes for a feasible set: a value per cell, each chosen in turn
/// with the others at their values so far, then the ranges allowed. A
/// set of one cell reads what is allowed from the cache.
fn suggest(
    context: &Context<'_>,
    search: &Search<'_>,
    set: &[CellId],
    witness: Vec<i128>,
    cache: &mut Cache,
) -> Vec<Repair> {
    let mut chosen = witness;
    let mut reasons = vec![Reason::NearestValue; set.len()];
    let template = |cell: CellId| search.template(cell);
    let values_except = |chosen: &[i128], skip: usize| {
        let mut values = Values::new(search.base);
        for (i, (&cell, &value)) in set.iter().zip(chosen).enumerate() {
            if i != skip {
                values = values.with(
                    cell,
                    Val::point(value, template(cell).scale, template(cell).exact),
                );
            }
        }
        values
    };
    let mut allowed_of = |i: usize, chosen: &[i128]| match set {
        [cell] => cache.allowed(search, *cell).clone(),
        _ => search.allowed(set[i], &values_except(chosen, i)),
    };
    for (i, &cell) in set.iter().enumerate() {
        let values = values_except(&chosen, i);
        let allowed = allowed_of(i, &chosen);
        let reported = template(cell);
        // The set's other cells at their values so far, and this one.
        let mut changes: Vec<(CellId, Option<Printed>)> = set
            .iter()
            .zip(&chosen)
            .map(|(&other, &value)| {
                let printed = Printed {
                    mantissa: value,
                    decimals: template(other).scale,
                };
                (other, Some(printed))
            })
            .collect();
        changes.swap(0, i);
        let (value, reason) = choose(cell, reported, &allowed, &values, context, &mut changes);
        chosen[i] = value;
        reasons[i] = reason;
    }
    (0..set.len())
        .map(|i| {
            let cell = set[i];
            let scale = template(cell).scale;
            let printed = |mantissa| Printed {
                mantissa,
                decimals: scale,
            };
            Repair {
                cell,
                reported: printed(template(cell).lo),
                suggested: printed(chosen[i]),
                reason: reasons[i],
                allowed: allowed_of(i, &chosen)
                    .0
                    .iter()
                    .map(|&(lo, hi)| (printed(lo), printed(hi)))
                    .collect(),
            }
        })
        .collect()
}

/// The suggested value of one cell among those `allowed`: a typing slip's
/// if one is allowed; else the allowed value nearest the reported one,
/// preferring those that satisfy the warnings (then fewer notes).
fn choose(
    cell: CellId,
    reported: Val,
    allowed: &Set,
    values: &Values<'_>,
    context: &Context<'_>,
    changes: &mut [(CellId, Option<Printed>)],
) -> (i128, Reason) {
    let model = context.model;
    let indicator = cell.indicator();
    let kind = indicator.kind;
    let percent = kind == ValueKind::Percent;
    let signed = matches!(kind, ValueKind::Percent | ValueKind::MillionVnd);
    if let Some(slip) = typo::first(reported.lo, percent, signed, |value| {
        allowed.contains(value)
    }) {
        return slip;
    }
    if let [(lo, hi)] = allowed.0[..] {
        if lo == hi {
            // The one value the error rules allow.
            return (lo, Reason::OnlyValue);
        }
    }
    let mut region = allowed.clone();
    let soft = model.constraints.iter().filter(|c| !c.hard);
    for constraint in soft.filter(|c| c.cells.contains(&cell)) {
        let (Some(first), Some(last)) = (region.0.first(), region.0.last()) else {
            break;
        };
        let narrowed = region.intersect(&feasible::project(
            constraint, cell, reported, values, first.0, last.1,
        ));
        if !narrowed.is_empty() {
            region = narrowed;
        }
    }
    let mut points: Vec<i128> = Vec::new();
    for &(lo, hi) in region.0.iter().chain(&allowed.0).take(8) {
        for point in [reported.lo.clamp(lo, hi), lo, hi] {
            if !points.contains(&point) {
                points.push(point);
            }
        }
    }
    // Only the rules that read the cell see it change: the findings of the
    // others are the same at every point, so that comparing the points on
    // these rules alone orders them as the whole report would.
    let mut score = |point: i128| {
        let printed = Printed {
            mantissa: point,
            decimals: reported.scale,
        };
        // Which values the cell can hold at all: those of its kind.
        kind.holds(printed, indicator.unit_vi).ok()?;
        changes[0].1 = Some(printed);
        let findings = context.evaluate(changes, model.rules_of_cell[cell.index()].iter().copied());
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        if count(crate::finding::Severity::Error) > 0 && !region.contains(point) {
            return None;
        }
        Some((
            !region.contains(point),
            count(crate::finding::Severity::Warning),
            count(crate::finding::Severity::Info),
            point.abs_diff(reported.lo),
            point,
        ))
    };
    let mut scored: Vec<_> = points.iter().filter_map(|&point| score(point)).collect();
    // Where the nearest point draws a warning or a note that a farther end
    // of its range does not, the nearest point without it lies between:
    // found by bisection (the notes of a rate read as truncated, or a
    // warning's bound, begin at one place along the range).
    if let Some(&near) = scored.iter().min_by_key(|s| (s.0, s.3, s.4)) {
        let better = |s: &(bool, usize, usize, u128, i128)| (s.1, s.2) < (near.1, near.2);
        if let Some(&far) = scored
            .iter()
            .filter(|s| !s.0 && better(s))
            .min_by_key(|s| s.3)
        {
            let (mut bad, mut good) = (near.4, far.4);
            while bad.abs_diff(good) > 1 {
                // Half way, rounded toward `bad`; no overflow.
                let mid = good
                    .checked_sub(bad)
                    .map_or_else(|| arith::midpoint(bad, good), |gap| bad + gap / 2);
                match score(mid) {
                    Some(s) if !s.0 && better(&s) => good = mid,
                    _ => bad = mid,
                }
            }
            scored.extend(score(good));
        }
    }
    let best = scored
        .into_iter()
        .min()
        .map(|(.., point)| point)
        .or_else(|| allowed.nearest(reported.lo))
        .unwrap_or(reported.lo);
    (best, Reason::NearestValue)
}
