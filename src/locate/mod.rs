//! Which cell is wrong: error localisation and suggested corrections.
//!
//! A finding says that a total and its parts disagree, not which figure the
//! clerk mistyped. [`Locator::locate`] (or [`Report::locate`]) finds, by the
//! Fellegi–Holt principle, the smallest weighted sets of cells whose values
//! can be changed so that every rule of severity error holds, with the
//! values to change them to.
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
//! # How sets are searched
//! The error rules split the cells into independent groups (cells linked
//! through rules). Within each group that breaks a rule, the covering sets
//! of reported cells (each broken rule has a cell in the set) are tried
//! smallest weight first; the first feasible weight is the group's minimum,
//! and every set of that weight is kept. The minimal sets of the report are
//! the products of the groups' minimal sets. Feasibility of one cell is the
//! exact intersection of what each rule allows it (a union of intervals);
//! of several, a complete branch-and-prune search on the same exact checks.
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
//! set returned has been applied to the report and checked by
//! [`Report::validate`] to leave no error.
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

use crate::catalogue::{CELL_COUNT, CellId};
use crate::report::Report;
use crate::unit::{Printed, ValueKind};

mod arith;
mod feasible;
mod model;
mod typo;

use arith::{Set, Val};
use feasible::{Search, Values, Verdict};
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weights([u32; CELL_COUNT]);

impl Default for Weights {
    /// [`DEFAULT_WEIGHT`] for every cell.
    fn default() -> Self {
        Weights([DEFAULT_WEIGHT; CELL_COUNT])
    }
}

impl Weights {
    /// Sets a cell's weight; 0 counts as 1 (a change is never free), and
    /// [`FIXED`] means never changed.
    pub fn set(&mut self, cell: CellId, weight: u32) -> &mut Self {
        if let Some(slot) = self.0.get_mut(cell.index()) {
            *slot = weight.max(1);
        }
        self
    }

    /// Marks a cell as trusted: it is never changed.
    pub fn fix(&mut self, cell: CellId) -> &mut Self {
        self.set(cell, FIXED)
    }

    /// A cell's weight.
    #[must_use]
    pub fn get(&self, cell: CellId) -> u32 {
        self.0.get(cell.index()).copied().unwrap_or(FIXED)
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
        !matches!(self, Reason::OnlyValue | Reason::NearestValue)
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
    /// The value suggested.
    pub suggested: Printed,
    /// Why that value.
    pub reason: Reason,
    /// Every value that satisfies the error rules, the other cells of the
    /// set at their suggested values: closed ranges, in order.
    pub allowed: Vec<(Printed, Printed)>,
}

impl Serialize for Repair {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let indicator = self.cell.indicator();
        let mut out = serializer.serialize_struct("Repair", 5)?;
        out.serialize_field("form", &indicator.form)?;
        out.serialize_field("stt", indicator.stt)?;
        out.serialize_field("reported", &self.reported.to_decimal().to_string())?;
        out.serialize_field("suggested", &self.suggested.to_decimal().to_string())?;
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
    /// The report with this set's suggested values.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::samples;
    /// let report = samples::bac_giang_2023_q3();
    /// let located = report.locate();
    /// assert!(!located.sets[0].apply(&report).validate().has_errors());
    /// ```
    #[must_use]
    pub fn apply(&self, report: &Report) -> Report {
        let mut repaired = report.clone();
        for repair in &self.repairs {
            // Every suggested value fits its cell: it was checked so.
            let _ = repaired.set_cell(repair.cell, Some(repair.suggested));
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

    /// The report repaired by the first (most likely) set, if any.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::samples;
    /// let report = samples::bac_giang_2023_q3();
    /// let repaired = report.locate().repaired(&report).expect("a repair");
    /// assert_eq!(repaired.form3.procedures_local.map(|c| c.get()), Some(1_896));
    /// ```
    #[must_use]
    pub fn repaired(&self, report: &Report) -> Option<Report> {
        self.sets.first().map(|set| set.apply(report))
    }
}

impl Serialize for Localisation {
    /// `{"sets": [[{"form": 3, "stt": "1.4"}], ...], "suggestions": [{"form",
    /// "stt", "reported", "suggested", "reason"}]}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Sets<'a>(&'a [CellSet]);
        impl Serialize for Sets<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut out = serializer.serialize_seq(Some(self.0.len()))?;
                for set in self.0 {
                    out.serialize_element(&set.cells)?;
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

    /// The minimal sets of cells to change so that no error rule fails.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::locate::Locator;
    /// use cchc_forms::samples;
    /// let located = Locator::new().with_limit(2).locate(&samples::bac_giang_2023_q3());
    /// assert_eq!((located.sets.len(), located.more), (2, true));
    /// ```
    #[must_use]
    pub fn locate(&self, report: &Report) -> Localisation {
        if !report.validate().has_errors() {
            return Localisation::default();
        }
        let cells = report.cells();
        let mut base = [None; CELL_COUNT];
        for (slot, (index, value)) in base.iter_mut().zip(cells.0.iter().enumerate()) {
            if let (Some(value), Some(id)) = (value, CellId::from_index(index)) {
                *slot = Some(Val::point(value.mantissa, value.decimals, is_exact(id)));
            }
        }
        let hard: Vec<&'static Constraint> =
            model::constraints().iter().filter(|c| c.hard).collect();
        let values = Values::new(&base);
        let violated: Vec<&'static Constraint> = hard
            .iter()
            .copied()
            .filter(|c| !feasible::holds(c, &values))
            .collect();
        let mut located = Localisation::default();
        let mut groups: Vec<Group> = Vec::new();
        for (members, broken) in groups_of(&hard, &violated) {
            match self.group(report, &base, &hard, &members, &broken, &mut located) {
                Some(group) => groups.push(group),
                None => located.unrepairable.extend(broken.iter().map(|c| c.rule)),
            }
        }
        if !located.unrepairable.is_empty() || groups.is_empty() {
            return located;
        }
        let (sets, more) = self.combine(groups);
        located.more = more;
        for set in sets {
            // The final check: the exact evaluator must find no error.
            if !set.apply(report).validate().has_errors() {
                located.weight = set.weight;
                located.sets.push(set);
            }
        }
        located
    }

    /// The minimal sets of one group of linked cells that breaks `broken`.
    fn group(
        &self,
        report: &Report,
        base: &[Option<Val>; CELL_COUNT],
        hard: &[&'static Constraint],
        members: &[CellId],
        broken: &[&'static Constraint],
        located: &mut Localisation,
    ) -> Option<Group> {
        let mut candidates: Vec<CellId> = members
            .iter()
            .copied()
            .filter(|&cell| base[cell.index()].is_some() && self.weights.get(cell) != FIXED)
            .collect();
        if candidates.len() > MAX_CELLS_PER_GROUP {
            candidates.retain(|cell| broken.iter().any(|c| c.cells.contains(cell)));
            candidates.truncate(MAX_CELLS_PER_GROUP);
        }
        let mut subsets: Vec<(u64, Vec<CellId>)> = Vec::new();
        let count = candidates.len();
        for mask in 1_u32..(1 << count) {
            if mask.count_ones() as usize > MAX_SET_SIZE {
                continue;
            }
            let set: Vec<CellId> = (0..count)
                .filter(|&i| mask >> i & 1 == 1)
                .map(|i| candidates[i])
                .collect();
            if broken
                .iter()
                .all(|c| c.cells.iter().any(|cell| set.contains(cell)))
            {
                let weight = set
                    .iter()
                    .map(|&cell| u64::from(self.weights.get(cell)))
                    .sum();
                subsets.push((weight, set));
            }
        }
        subsets.sort();
        let mut best: Option<u64> = None;
        let mut sets = Vec::new();
        for (weight, set) in subsets {
            if best.is_some_and(|best| weight > best) {
                break;
            }
            let touching: Vec<&'static Constraint> = hard
                .iter()
                .copied()
                .filter(|c| c.cells.iter().any(|cell| set.contains(cell)))
                .collect();
            let mut search = Search {
                base,
                constraints: &touching,
                free: &set,
                budget: SEARCH_BUDGET,
            };
            match search.run() {
                Verdict::Feasible(values) => {
                    let repairs = suggest(report, &search, &set, values);
                    let cell_set = CellSet {
                        cells: set,
                        weight,
                        repairs,
                    };
                    // Each group is checked alone: no error of its rules left.
                    let findings = cell_set.apply(report).validate();
                    let left = findings.iter().any(|finding| {
                        finding.severity == crate::Severity::Error
                            && touching.iter().any(|c| c.rule == finding.rule.as_str())
                    });
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

/// Whether a cell is read exactly (counts, codes).
fn is_exact(id: CellId) -> bool {
    matches!(
        id.indicator().kind,
        ValueKind::Count | ValueKind::Code { .. }
    )
}

/// The root of a cell's group.
fn root(parent: &mut [usize], mut at: usize) -> usize {
    while parent[at] != at {
        parent[at] = parent[parent[at]];
        at = parent[at];
    }
    at
}

/// The groups of cells linked through hard constraints that hold a broken
/// one: each group's cells (in catalogue order) and its broken constraints.
fn groups_of(
    hard: &[&'static Constraint],
    violated: &[&'static Constraint],
) -> Vec<(Vec<CellId>, Vec<&'static Constraint>)> {
    let mut parent: Vec<usize> = (0..CELL_COUNT).collect();
    for constraint in hard {
        if let Some((first, rest)) = constraint.cells.split_first() {
            for cell in rest {
                let (a, b) = (
                    root(&mut parent, first.index()),
                    root(&mut parent, cell.index()),
                );
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<CellId>, Vec<&'static Constraint>)> = Vec::new();
    for constraint in violated {
        let Some(first) = constraint.cells.first() else {
            continue;
        };
        let group = root(&mut parent, first.index());
        match groups.iter_mut().find(|(id, _, _)| *id == group) {
            Some((_, _, broken)) => broken.push(constraint),
            None => groups.push((group, Vec::new(), vec![constraint])),
        }
    }
    for (group, members, _) in &mut groups {
        *members = (0..CELL_COUNT)
            .filter(|&index| root(&mut parent, index) == *group)
            .filter_map(CellId::from_index)
            .collect();
    }
    groups.sort_by_key(|(group, _, _)| *group);
    groups
        .into_iter()
        .map(|(_, members, broken)| (members, broken))
        .collect()
}

/// The changes for a feasible set: a value per cell, each chosen in turn
/// with the others at their values so far, then the ranges allowed.
fn suggest(
    report: &Report,
    search: &Search<'_>,
    set: &[CellId],
    witness: Vec<i128>,
) -> Vec<Repair> {
    let mut chosen = witness;
    let mut reasons = vec![Reason::NearestValue; set.len()];
    let soft: Vec<&'static Constraint> = model::constraints().iter().filter(|c| !c.hard).collect();
    let template = |cell: CellId| search.base[cell.index()].unwrap_or(Val::point(0, 0, true));
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
    for (i, &cell) in set.iter().enumerate() {
        let values = values_except(&chosen, i);
        let allowed = search.allowed(cell, &values);
        let reported = template(cell);
        let mut working = report.clone();
        for (j, (&other, &value)) in set.iter().zip(&chosen).enumerate() {
            if j != i {
                let _ = working.set_cell(
                    other,
                    Some(Printed {
                        mantissa: value,
                        decimals: template(other).scale,
                    }),
                );
            }
        }
        let (value, reason) = choose(cell, reported, &allowed, &values, &soft, &working);
        chosen[i] = value;
        reasons[i] = reason;
    }
    set.iter()
        .enumerate()
        .map(|(i, &cell)| {
            let values = values_except(&chosen, i);
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
                allowed: search
                    .allowed(cell, &values)
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
    soft: &[&'static Constraint],
    working: &Report,
) -> (i128, Reason) {
    let kind = cell.indicator().kind;
    let percent = kind == ValueKind::Percent;
    let signed = matches!(kind, ValueKind::Percent | ValueKind::MillionVnd);
    if let Some(&(value, reason)) = typo::candidates(reported.lo, percent, signed)
        .iter()
        .find(|(value, _)| allowed.contains(*value))
    {
        return (value, reason);
    }
    let only = matches!(allowed.0[..], [(lo, hi)] if lo == hi);
    let mut region = allowed.clone();
    for constraint in soft.iter().filter(|c| c.cells.contains(&cell)) {
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
    let score = |point: i128| {
        let mut report = working.clone();
        let printed = Printed {
            mantissa: point,
            decimals: reported.scale,
        };
        report.set_cell(cell, Some(printed)).ok()?;
        let findings = report.validate();
        let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
        if count(crate::Severity::Error) > 0 && !region.contains(point) {
            return None;
        }
        Some((
            !region.contains(point),
            count(crate::Severity::Warning),
            count(crate::Severity::Info),
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
                let mid = bad + (good - bad) / 2;
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
    (
        best,
        if only {
            Reason::OnlyValue
        } else {
            Reason::NearestValue
        },
    )
}
