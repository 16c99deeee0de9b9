//! Deciding, exactly, whether values exist for a set of cells that satisfy
//! every hard constraint with the other cells as reported.
//!
//! Each constraint is two conditions of the form `a.lo ≤ b.hi` per reading
//! (a sum against its total, a rate against its ratio, an overall rate
//! against its levels' range, a value against its bounds), which is how
//! validation decides it. As a function of any one of its cells, with the
//! others fixed, each condition is monotone, so the values of one cell that
//! satisfy a constraint are a union of at most two intervals (one per
//! reading, plus "no ratio" for a denominator of zero), found by binary
//! search with the exact predicate: [`project`].
//!
//! One free cell: its allowed values are the intersection of those sets
//! with its type's domain; feasible iff not empty. Several free cells in
//! one constraint: a branch-and-prune search over their mantissas. A node
//! is pruned when a constraint fails on the hull of the ranges (wider than
//! any value in them, so sound), narrowed by the projection of constraints
//! with one free cell left, probed by fixing all but one cell near its
//! reported value and projecting the last, and otherwise split in two. The
//! domains are finite, so the search is complete; a node budget bounds it,
//! and a set whose search runs out of budget is reported as undecided.

use crate::catalogue::CellId;
use crate::check::{Condition, Constraint as Kind};
use crate::template::CellSet;
use crate::unit::ValueKind;

use super::arith::{Reading, Set, Span, Val, midpoint, monotone, pow10, ratio_conditions, span};
use super::model::Constraint;

/// The most cells changed together.
pub(crate) const MAX_FREE: usize = 8;

/// The cells as reported, as localisation reads them: every cell's value
/// (a row that does not apply to the period blank), and which rows do not
/// apply.
pub(crate) struct Base {
    /// Each cell's value by cell index (one per indicator of the report's
    /// template), `None` when blank or when its row does not apply.
    pub values: Vec<Option<Val>>,
    /// The rows that do not apply to the report's period.
    pub absent: CellSet,
}

/// Every cell's value as reported, and a few cells set otherwise.
#[derive(Clone, Copy)]
pub(crate) struct Values<'a> {
    base: &'a Base,
    over: [(CellId, Val); MAX_FREE],
    len: usize,
}

impl<'a> Values<'a> {
    /// The cells as reported.
    pub fn new(base: &'a Base) -> Values<'a> {
        let none = (CellId::PLACEHOLDER, Val::point(0, 0, true));
        Values {
            base,
            over: [none; MAX_FREE],
            len: 0,
        }
    }

    /// Whether a cell's row does not apply to the period.
    fn is_absent(&self, id: CellId) -> bool {
        self.base.absent.contains(id)
    }

    /// A cell's value, `None` when blank.
    pub fn get(&self, id: CellId) -> Option<Val> {
        for &(cell, value) in &self.over[..self.len] {
            if cell == id {
                return Some(value);
            }
        }
        self.base.values.get(id.index()).copied().flatten()
    }

    /// The same values with `id` set to `value`.
    #[must_use]
    pub fn with(mut self, id: CellId, value: Val) -> Values<'a> {
        for slot in &mut self.over[..self.len] {
            if slot.0 == id {
                slot.1 = value;
                return self;
            }
        }
        if let Some(slot) = self.over.get_mut(self.len) {
            *slot = (id, value);
            self.len += 1;
        }
        self
    }

    /// Sets `id`, already set, to `value` in place.
    fn set(&mut self, id: CellId, value: Val) {
        for slot in &mut self.over[..self.len] {
            if slot.0 == id {
                slot.1 = value;
                return;
            }
        }
        *self = self.with(id, value);
    }
}

/// A condition's direction as a function of one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// False, then true as the value grows.
    Up,
    /// True, then false as the value grows.
    Down,
}

/// What a constraint says on some values: satisfied whatever the rest
/// (`None`: a blank, a zero denominator, or numbers too large to compare,
/// which validation does not evaluate), or up to two cases (readings),
/// satisfied when both conditions of some case hold.
type Conds = Option<[Option<(bool, bool)>; 2]>;

fn satisfied(conds: Conds) -> bool {
    match conds {
        None => true,
        Some(cases) => cases.iter().flatten().any(|&(a, b)| a && b),
    }
}

/// Whether `constraint` holds (values all single) or may hold (some ranges).
pub(crate) fn holds(constraint: &Constraint, values: &Values<'_>) -> bool {
    match constraint.kind {
        Kind::Conditional {
            code,
            when,
            dependents,
        } => conditional(code, when, dependents, values),
        Kind::Implies {
            premise,
            conclusion,
        } => implies(premise, conclusion, values),
        Kind::Total { .. }
        | Kind::Covered { .. }
        | Kind::Bound { .. }
        | Kind::Ratio { .. }
        | Kind::Range { .. }
        | Kind::Equal { .. } => satisfied(conds(constraint, values)),
        // Never a constraint of the model (see `model::translate`): they
        // constrain nothing here.
        Kind::Derivable { .. }
        | Kind::Inapplicable { .. }
        | Kind::Share { .. }
        | Kind::WithinReference { .. }
        | Kind::Rounded { .. } => true,
    }
}

/// What a condition can be on some values (ranges included): whether it
/// is certainly true, and whether certainly false; a blank leaves both
/// unsure, as validation leaves it unevaluated.
fn condition(condition: Condition, values: &Values<'_>) -> (bool, bool) {
    let cells = condition.cells();
    let known = |id: CellId| values.get(id);
    match condition {
        Condition::Positive(_) => (
            cells.iter().any(|&id| known(id).is_some_and(|v| v.lo > 0)),
            cells
                .iter()
                .all(|&id| known(id).is_some_and(|v| v.lo >= 0 && v.hi <= 0)),
        ),
        Condition::Zero(_) => (
            cells
                .iter()
                .all(|&id| known(id).is_some_and(|v| v.lo >= 0 && v.hi <= 0)),
            cells
                .iter()
                .any(|&id| known(id).is_some_and(|v| v.lo > 0 || v.hi < 0)),
        ),
        Condition::Code(cell, code) => {
            let code = i128::from(code);
            match known(cell) {
                Some(v) if v.scale == 0 => {
                    (v.lo == code && v.hi == code, code < v.lo || code > v.hi)
                }
                _ => (false, false),
            }
        }
        Condition::Reported(cell) => (known(cell).is_some(), known(cell).is_none()),
        Condition::Blank(cell) => (known(cell).is_none(), known(cell).is_some()),
    }
}

/// Whether an implication may hold: unless its premise is certainly true
/// and its conclusion certainly false.
fn implies(premise: Condition, conclusion: Condition, values: &Values<'_>) -> bool {
    !(condition(premise, values).0 && condition(conclusion, values).1)
}

/// The conditions of the kinds read as two inequalities (`None` for the
/// others, decided by [`holds`] and [`project`] apart, or never in the
/// model).
fn conds(constraint: &Constraint, values: &Values<'_>) -> Conds {
    match constraint.kind {
        Kind::Total {
            total,
            parts,
            exhaustive,
        } => sum(total, parts, exhaustive, true, values),
        // `cell ≤ Σ covering` when all are reported: a total bounded by its
        // parts, one way.
        Kind::Covered { cell, covering } => sum(cell, covering, true, false, values),
        Kind::Bound { cell, min, max } => bound(cell, min, max, values),
        Kind::Ratio {
            rate,
            numerator,
            denominator,
        } => ratio(rate, numerator, denominator, values),
        Kind::Range { overall, levels } => level_range(overall, levels, values),
        Kind::Equal { left, right } => {
            let (l, r) = (values.get(left)?, values.get(right)?);
            let (l, r) = (span(l, Reading::Nearest)?, span(r, Reading::Nearest)?);
            Some([Some((l.can_be_at_most(r)?, r.can_be_at_most(l)?)), None])
        }
        Kind::Conditional { .. }
        | Kind::Implies { .. }
        | Kind::Derivable { .. }
        | Kind::Inapplicable { .. }
        | Kind::Share { .. }
        | Kind::WithinReference { .. }
        | Kind::Rounded { .. } => None,
    }
}

/// `total = Σ parts` (`exhaustive`, every part reported) or `Σ parts ≤
/// total`; a cover (`bounded` false) only `total ≤ Σ parts`, every part
/// reported.
fn sum(
    total: CellId,
    parts: &[CellId],
    exhaustive: bool,
    bounded: bool,
    values: &Values<'_>,
) -> Conds {
    // A part whose row does not apply is blank here, as in validation: the
    // sum is then checked as "of which" over the parts that exist.
    let whole = span(values.get(total)?, Reading::Nearest)?;
    let mut spans = [whole; MAX_FREE];
    let mut known = 0;
    for &part in parts {
        if let Some(value) = values.get(part) {
            *spans.get_mut(known)? = span(value, Reading::Nearest)?;
            known += 1;
        }
    }
    let parts_span = Span::sum(spans[..known].iter().copied())?;
    let equality = exhaustive && known == parts.len();
    let first = if equality {
        whole.can_be_at_most(parts_span)?
    } else {
        true
    };
    let second = if bounded {
        parts_span.can_be_at_most(whole)?
    } else {
        true
    };
    Some([Some((first, second)), None])
}

fn bound(cell: CellId, min: Option<i64>, max: Option<i64>, values: &Values<'_>) -> Conds {
    let value = values.get(cell)?;
    let scale = pow10(value.scale).unwrap_or(i128::MAX);
    let above_min = min.is_none_or(|min| value.hi >= i128::from(min).saturating_mul(scale));
    let below_max = max.is_none_or(|max| value.lo <= i128::from(max).saturating_mul(scale));
    Some([Some((above_min, below_max)), None])
}

fn ratio(rate: CellId, numerator: CellId, denominator: CellId, values: &Values<'_>) -> Conds {
    let (r, n, d) = (
        values.get(rate)?,
        values.get(numerator)?,
        values.get(denominator)?,
    );
    let (num, den) = (span(n, Reading::Nearest)?, span(d, Reading::Nearest)?);
    if den.lo <= 0 {
        // No ratio to check (0/0 is a note, a zero denominator skipped).
        return None;
    }
    let points = r.is_point() && n.is_point() && d.is_point();
    let mut cases = [None, None];
    for (case, reading) in cases.iter_mut().zip([Reading::Nearest, Reading::Truncated]) {
        let Some(rate_span) = span(r, reading) else {
            if reading == Reading::Nearest {
                return None;
            }
            continue;
        };
        if !points && (num.lo < 0 || rate_span.lo < 0) {
            // On ranges the extremes are not where the formula looks.
            return None;
        }
        match ratio_conditions(rate_span, num, den) {
            Some(conditions) => *case = Some(conditions),
            None if reading == Reading::Nearest => return None,
            None => {}
        }
    }
    Some(cases)
}

fn level_range(overall: CellId, levels: &[CellId], values: &Values<'_>) -> Conds {
    // Levels whose rows do not apply are left out, as in validation; a
    // blank level that applies leaves the rule unevaluated.
    let whole = values.get(overall)?;
    let mut level_values = [whole; MAX_FREE];
    let mut count = 0;
    for &level in levels {
        if values.is_absent(level) {
            continue;
        }
        *level_values.get_mut(count)? = values.get(level)?;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let level_values = level_values.get(..count)?;
    let mut cases = [None, None];
    for (case, reading) in cases.iter_mut().zip([Reading::Nearest, Reading::Truncated]) {
        let mut range: Option<Span> = None;
        let mut overflow = false;
        for &value in level_values {
            let Some(span) = span(value, reading) else {
                overflow = true;
                break;
            };
            range = match range {
                None => Some(Span {
                    lo_open: false,
                    hi_open: false,
                    ..span
                }),
                Some(range) => {
                    let scale = range.scale.max(span.scale);
                    if let (Some(a), Some(b)) = (range.rescale(scale), span.rescale(scale)) {
                        Some(Span {
                            lo: a.lo.min(b.lo),
                            hi: a.hi.max(b.hi),
                            scale,
                            lo_open: false,
                            hi_open: false,
                        })
                    } else {
                        overflow = true;
                        break;
                    }
                }
            };
        }
        let conditions = (|| {
            let range = range?;
            let whole = span(whole, reading)?;
            Some((whole.can_be_at_most(range)?, range.can_be_at_most(whole)?))
        })();
        match conditions {
            Some(conditions) if !overflow => *case = Some(conditions),
            // Validation passes a rule it cannot compute under nearest.
            _ if reading == Reading::Nearest => return None,
            _ => {}
        }
    }
    Some(cases)
}

/// Whether a dependent's value may say how the thing was done: a code
/// always does; a number unless it is (or may be) zero.
fn must_describe(id: CellId, value: Val) -> bool {
    matches!(id.indicator().kind, ValueKind::Code { .. }) || !(value.lo <= 0 && 0 <= value.hi)
}

fn conditional(code: CellId, when: u8, dependents: &[CellId], values: &Values<'_>) -> bool {
    let Some(value) = values.get(code) else {
        return true;
    };
    let when = i128::from(when);
    if !(value.lo == when && value.hi == when) {
        // Some other code is possible: then nothing is required.
        return true;
    }
    !dependents.iter().any(|&dependent| {
        values
            .get(dependent)
            .is_some_and(|v| must_describe(dependent, v))
    })
}

/// The directions of a constraint's two conditions as functions of `cell`,
/// or `None` when they are not monotone in it (a ratio's denominator, whose
/// directions depend on signs, handled apart).
fn directions(kind: Kind, cell: CellId) -> Option<(Direction, Direction)> {
    use Direction::{Down, Up};
    // The cell on the left of `lo ≤ hi` in the first condition: its
    // conditions fall then rise; any other cell's rise then fall.
    let left = match kind {
        Kind::Total { total, .. } => total,
        Kind::Covered { cell: covered, .. } => covered,
        Kind::Ratio {
            rate, numerator, ..
        } => {
            if cell == rate {
                rate
            } else if cell == numerator {
                return Some((Up, Down));
            } else {
                return None;
            }
        }
        Kind::Range { overall, .. } => overall,
        Kind::Equal { left, .. } => left,
        Kind::Bound { .. } => return Some((Up, Down)),
        Kind::Conditional { .. }
        | Kind::Implies { .. }
        | Kind::Derivable { .. }
        | Kind::Inapplicable { .. }
        | Kind::Share { .. }
        | Kind::WithinReference { .. }
        | Kind::Rounded { .. } => return None,
    };
    Some(if cell == left { (Down, Up) } else { (Up, Down) })
}

/// The values of `cell`'s mantissa in `[lo, hi]` for which `constraint`
/// holds, the other cells as in `values` (all single values).
pub(crate) fn project(
    constraint: &Constraint,
    cell: CellId,
    template: Val,
    values: &Values<'_>,
    lo: i128,
    hi: i128,
) -> Set {
    let mut moving = Moving {
        values: values.with(cell, template),
        cell,
        template,
    };
    match constraint.kind {
        Kind::Conditional {
            code,
            when,
            dependents,
        } => project_conditional(code, when, dependents, cell, values, lo, hi),
        Kind::Implies { .. } => project_implies(cell, lo, hi, |mantissa| {
            holds(constraint, moving.at(mantissa))
        }),
        Kind::Ratio {
            rate, denominator, ..
        } if cell == denominator => {
            // No ratio for a denominator whose span reaches zero.
            let (zero_lo, zero_hi) = (lo, hi.min(0));
            let mut set = Set::range(zero_lo, zero_hi);
            let positive = lo.max(1);
            let Some(rate_value) = values.get(rate) else {
                return Set::range(lo, hi);
            };
            let hints = hints(constraint.kind, cell, template, values);
            for (case, reading) in [Reading::Nearest, Reading::Truncated]
                .into_iter()
                .enumerate()
            {
                let Some(rate_span) = span(rate_value, reading) else {
                    continue;
                };
                let first = if rate_span.lo >= 0 {
                    Direction::Down
                } else {
                    Direction::Up
                };
                let second = if rate_span.hi >= 0 {
                    Direction::Up
                } else {
                    Direction::Down
                };
                let part = case_set(
                    &mut moving,
                    constraint,
                    case,
                    (first, second),
                    hints,
                    positive,
                    hi,
                );
                set = set.union(&part);
            }
            set
        }
        kind @ (Kind::Ratio { .. }
        | Kind::Total { .. }
        | Kind::Covered { .. }
        | Kind::Bound { .. }
        | Kind::Range { .. }
        | Kind::Equal { .. }) => {
            if conds(constraint, moving.at(template.lo)).is_none() {
                // Not evaluated at these values (a blank cell): it holds
                // whatever the projected cell is.
                return Set::range(lo, hi);
            }
            let Some(directions) = directions(kind, cell) else {
                return Set::range(lo, hi);
            };
            let hints = hints(kind, cell, template, values);
            // Sums, bounds and equalities read every value one way: one case.
            let cases = if matches!(kind, Kind::Ratio { .. } | Kind::Range { .. }) {
                2
            } else {
                1
            };
            let mut set = Set::default();
            for case in 0..cases {
                let part = case_set(&mut moving, constraint, case, directions, hints, lo, hi);
                set = set.union(&part);
            }
            set
        }
        // Never a constraint of the model (see `model::translate`).
        Kind::Derivable { .. }
        | Kind::Inapplicable { .. }
        | Kind::Share { .. }
        | Kind::WithinReference { .. }
        | Kind::Rounded { .. } => Set::range(lo, hi),
    }
}

/// The values of `cell` in `[lo, hi]` for which a conditional holds: the
/// code anything but `when` while a dependent describes how it was done;
/// a dependent blank or 0 (a code dependent: blank) while the code is
/// `when`.
fn project_conditional(
    code: CellId,
    when: u8,
    dependents: &[CellId],
    cell: CellId,
    values: &Values<'_>,
    lo: i128,
    hi: i128,
) -> Set {
    if cell == code {
        let describing = dependents.iter().any(|&dependent| {
            values
                .get(dependent)
                .is_some_and(|v| must_describe(dependent, v))
        });
        let when = i128::from(when);
        if describing {
            Set::range(lo, hi.min(when - 1)).union(&Set::range(lo.max(when + 1), hi))
        } else {
            Set::range(lo, hi)
        }
    } else if values
        .get(code)
        .is_some_and(|v| v.lo == i128::from(when) && v.hi == i128::from(when))
    {
        if matches!(cell.indicator().kind, ValueKind::Code { .. }) {
            Set::default()
        } else {
            Set::range(lo.max(0), hi.min(0))
        }
    } else {
        Set::range(lo, hi)
    }
}

/// Where the edges of a constraint's two conditions are expected, as
/// mantissas of `cell`, the other cells at their (lower) values: where the
/// cell makes the two sides equal. Only a starting point for the exact
/// search ([`monotone`]); the reported value where it cannot be computed.
fn hints(kind: Kind, cell: CellId, template: Val, values: &Values<'_>) -> (i128, i128) {
    let fallback = template.lo;
    let scale = template.scale;
    // A value as a mantissa at the cell's scale (truncated toward zero).
    let at_scale = |value: Val| -> Option<i128> { rescale(value.lo, value.scale, scale) };
    let computed: Option<(i128, i128)> = (|| match kind {
        Kind::Total { total, parts, .. }
        | Kind::Covered {
            cell: total,
            covering: parts,
        } => {
            let mut others = 0_i128;
            for &part in parts.iter().filter(|&&part| part != cell) {
                if let Some(value) = values.get(part) {
                    others = others.checked_add(at_scale(value)?)?;
                }
            }
            let edge = if cell == total {
                others
            } else {
                at_scale(values.get(total)?)?.checked_sub(others)?
            };
            Some((edge, edge))
        }
        Kind::Bound { min, max, .. } => {
            let unit = pow10(scale)?;
            let low = min.map_or(Some(fallback), |min| i128::from(min).checked_mul(unit));
            let high = max.map_or(Some(fallback), |max| i128::from(max).checked_mul(unit));
            Some((low?, high?))
        }
        Kind::Ratio {
            rate,
            numerator,
            denominator,
        } => {
            // rate / 10^rs = 100 · (n / 10^ns) / (d / 10^ds), all mantissas.
            let (r, n, d) = (
                values.get(rate)?,
                values.get(numerator)?,
                values.get(denominator)?,
            );
            let edge = if cell == rate {
                ratio_mantissa(n.lo, n.scale, d.lo, d.scale, scale)?
            } else if cell == numerator {
                // n = r · d / 100, at the numerator's scale.
                let product = r.lo.checked_mul(d.lo)?;
                let shift = i64::from(scale) - i64::from(r.scale) - i64::from(d.scale) - 2;
                shift_by(product, shift)?
            } else {
                // d = 100 · n / r, at the denominator's scale.
                ratio_mantissa(n.lo, n.scale, r.lo, r.scale, scale)?
            };
            Some((edge, edge))
        }
        Kind::Range { overall, levels } => {
            let mut low: Option<i128> = None;
            let mut high: Option<i128> = None;
            for &level in levels.iter().filter(|&&level| level != cell) {
                if let Some(value) = values.get(level) {
                    let value = at_scale(value)?;
                    low = Some(low.map_or(value, |low| low.min(value)));
                    high = Some(high.map_or(value, |high| high.max(value)));
                }
            }
            if cell == overall {
                Some((high?, low?))
            } else {
                let whole = at_scale(values.get(overall)?)?;
                Some((whole, whole))
            }
        }
        Kind::Equal { left, right } => {
            let other = at_scale(values.get(if cell == left { right } else { left })?)?;
            Some((other, other))
        }
        Kind::Conditional { .. }
        | Kind::Implies { .. }
        | Kind::Derivable { .. }
        | Kind::Inapplicable { .. }
        | Kind::Share { .. }
        | Kind::WithinReference { .. }
        | Kind::Rounded { .. } => None,
    })();
    computed.unwrap_or((fallback, fallback))
}

/// The values of `cell` in `[lo, hi]` for which an implication holds. A
/// condition on a count or code depends only on whether the value is below
/// zero, zero, or above (or, for a code, which code): one probe per class,
/// exact.
fn project_implies(
    cell: CellId,
    lo: i128,
    hi: i128,
    mut holds_at: impl FnMut(i128) -> bool,
) -> Set {
    if let ValueKind::Code { legend } = cell.indicator().kind {
        return legend
            .iter()
            .map(|entry| i128::from(entry.code))
            .filter(|&code| lo <= code && code <= hi && holds_at(code))
            .fold(Set::default(), |set, code| {
                set.union(&Set::range(code, code))
            });
    }
    let mut set = Set::default();
    if lo <= -1 && holds_at(hi.min(-1)) {
        set = set.union(&Set::range(lo, hi.min(-1)));
    }
    if lo <= 0 && 0 <= hi && holds_at(0) {
        set = set.union(&Set::range(0, 0));
    }
    if hi >= 1 && holds_at(lo.max(1)) {
        set = set.union(&Set::range(lo.max(1), hi));
    }
    set
}

/// `mantissa / 10^from` as a mantissa at `to` decimals, truncated.
fn rescale(mantissa: i128, from: u32, to: u32) -> Option<i128> {
    shift_by(mantissa, i64::from(to) - i64::from(from))
}

/// `value × 10^shift`, truncated toward zero when `shift` is negative.
fn shift_by(value: i128, shift: i64) -> Option<i128> {
    let power = pow10(u32::try_from(shift.unsigned_abs()).ok()?)?;
    if shift >= 0 {
        value.checked_mul(power)
    } else {
        value.checked_div(power)
    }
}

/// `100 · (a / 10^a_scale) / (b / 10^b_scale)` as a mantissa at `scale`.
fn ratio_mantissa(a: i128, a_scale: u32, b: i128, b_scale: u32, scale: u32) -> Option<i128> {
    let numerator = shift_by(
        a.checked_mul(100)?,
        i64::from(scale) + i64::from(b_scale) - i64::from(a_scale),
    )?;
    numerator.checked_div(b)
}

/// The values with one cell moving, the others fixed: the cell set in
/// place, without copying the values.
struct Moving<'v> {
    values: Values<'v>,
    cell: CellId,
    template: Val,
}

impl<'v> Moving<'v> {
    /// The values with the cell at `mantissa`.
    fn at(&mut self, mantissa: i128) -> &Values<'v> {
        self.values.set(
            self.cell,
            Val {
                lo: mantissa,
                hi: mantissa,
                ..self.template
            },
        );
        &self.values
    }
}

/// The values where both conditions of one case hold.
fn case_set(
    moving: &mut Moving<'_>,
    constraint: &Constraint,
    case: usize,
    (first, second): (Direction, Direction),
    (first_hint, second_hint): (i128, i128),
    lo: i128,
    hi: i128,
) -> Set {
    let mut condition = |which: usize, mantissa: i128| match conds(constraint, moving.at(mantissa))
    {
        None => true,
        Some(cases) => cases
            .get(case)
            .copied()
            .flatten()
            .is_some_and(|(a, b)| if which == 0 { a } else { b }),
    };
    let a = monotone(lo, hi, first == Direction::Up, first_hint, |m| {
        condition(0, m)
    });
    if a.is_empty() {
        return a;
    }
    let (a_lo, a_hi) = (a.0[0].0, a.0[0].1);
    monotone(a_lo, a_hi, second == Direction::Up, second_hint, |m| {
        condition(1, m)
    })
}

/// The values a cell's type allows, at the scale it was printed with: a
/// count is whole and at least 0 (and fits a `u64`), a code is in its
/// legend, a decimal keeps its decimals and at most 12 integer digits.
pub(crate) fn domain(id: CellId, scale: u32) -> Set {
    match id.indicator().kind {
        ValueKind::Count => Set::range(0, i128::from(u64::MAX)),
        ValueKind::Code { legend } => legend
            .iter()
            .map(|value| Set::range(i128::from(value.code), i128::from(value.code)))
            .fold(Set::default(), |set, point| set.union(&point)),
        ValueKind::Percent | ValueKind::MillionVnd => {
            let limit = pow10(12 + scale).map_or(i128::MAX, |limit| limit - 1);
            Set::range(-limit, limit)
        }
    }
}

/// A search over the values of a set of cells.
pub(crate) struct Search<'a> {
    /// The cells as reported.
    pub base: &'a Base,
    /// The hard constraints that read any of the free cells.
    pub constraints: &'a [&'a Constraint],
    /// The free cells.
    pub free: &'a [CellId],
    /// Nodes left.
    pub budget: u32,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Values for the free cells, in their order.
    Feasible(Vec<i128>),
    /// No values exist.
    Infeasible,
    /// The budget ran out.
    Undecided,
}

impl Search<'_> {
    /// A cell's value as reported (0 when blank).
    pub fn template(&self, id: CellId) -> Val {
        self.base
            .values
            .get(id.index())
            .copied()
            .flatten()
            .unwrap_or(Val::point(0, 0, true))
    }

    /// The values of `cell` allowed by every hard constraint that reads it,
    /// and by its type, with the other cells as in `values`.
    pub fn allowed(&self, cell: CellId, values: &Values<'_>) -> Set {
        let template = self.template(cell);
        let mut set = domain(cell, template.scale);
        for constraint in self.constraints {
            if set.is_empty() {
                break;
            }
            if constraint.cells.contains(&cell) {
                let (lo, hi) = (set.0[0].0, set.0[set.0.len() - 1].1);
                set = set.intersect(&project(constraint, cell, template, values, lo, hi));
            }
        }
        set
    }

    /// Whether some values of the free cells satisfy every hard constraint.
    pub fn run(&mut self) -> Verdict {
        let values = Values::new(self.base);
        if let [cell] = self.free {
            let set = self.allowed(*cell, &values);
            return match set.nearest(self.template(*cell).lo) {
                Some(value) => Verdict::Feasible(vec![value]),
                None => Verdict::Infeasible,
            };
        }
        let mut ranges = Vec::with_capacity(self.free.len());
        for &cell in self.free {
            let domain = domain(cell, self.template(cell).scale);
            let (Some(first), Some(last)) = (domain.0.first(), domain.0.last()) else {
                return Verdict::Infeasible;
            };
            ranges.push((first.0, last.1));
        }
        self.node(&mut ranges)
    }

    fn values_with<'v>(&'v self, ranges: &[(i128, i128)]) -> Values<'v> {
        let mut values = Values::new(self.base);
        for (&cell, &(lo, hi)) in self.free.iter().zip(ranges) {
            values = values.with(
                cell,
                Val {
                    lo,
                    hi,
                    ..self.template(cell)
                },
            );
        }
        values
    }

    /// Whether single values satisfy every constraint and type.
    fn check(&self, point: &[(i128, i128)]) -> bool {
        let values = self.values_with(point);
        self.free
            .iter()
            .zip(point)
            .all(|(&cell, &(m, _))| domain(cell, self.template(cell).scale).contains(m))
            && self.constraints.iter().all(|c| holds(c, &values))
    }

    fn node(&mut self, ranges: &mut [(i128, i128)]) -> Verdict {
        if self.budget == 0 {
            return Verdict::Undecided;
        }
        self.budget -= 1;
        // Prune on hulls; narrow by constraints with one free range left.
        for _round in 0..4 {
            let values = self.values_with(ranges);
            if !self.constraints.iter().all(|c| holds(c, &values)) {
                return Verdict::Infeasible;
            }
            let mut changed = false;
            for constraint in self.constraints {
                let open: Vec<usize> = (0..self.free.len())
                    .filter(|&i| {
                        ranges[i].0 != ranges[i].1 && constraint.cells.contains(&self.free[i])
                    })
                    .collect();
                if let [i] = open[..] {
                    let cell = self.free[i];
                    let values = self.values_with(ranges);
                    let (lo, hi) = ranges[i];
                    let set = project(constraint, cell, self.template(cell), &values, lo, hi);
                    let (Some(first), Some(last)) = (set.0.first(), set.0.last()) else {
                        return Verdict::Infeasible;
                    };
                    if (first.0, last.1) != (lo, hi) {
                        ranges[i] = (first.0, last.1);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        if ranges.iter().all(|&(lo, hi)| lo == hi) {
            return if self.check(ranges) {
                Verdict::Feasible(ranges.iter().map(|&(lo, _)| lo).collect())
            } else {
                Verdict::Infeasible
            };
        }
        // Probe: all but one near their reported values, the last projected.
        let near: Vec<(i128, i128)> = self
            .free
            .iter()
            .zip(ranges.iter())
            .map(|(&cell, &(lo, hi))| {
                let domain = domain(cell, self.template(cell).scale).intersect(&Set::range(lo, hi));
                let value = domain.nearest(self.template(cell).lo).unwrap_or(lo);
                (value, value)
            })
            .collect();
        for last in 0..self.free.len() {
            if ranges[last].0 == ranges[last].1 {
                continue;
            }
            let mut point = near.clone();
            point[last] = ranges[last];
            let values = self.values_with(&point);
            let cell = self.free[last];
            let set = self
                .allowed(cell, &values)
                .intersect(&Set::range(ranges[last].0, ranges[last].1));
            if let Some(value) = set.nearest(self.template(cell).lo) {
                point[last] = (value, value);
                if self.check(&point) {
                    return Verdict::Feasible(point.iter().map(|&(lo, _)| lo).collect());
                }
            }
        }
        // Split the widest range, the half holding the reported value first.
        let Some(widest) = (0..ranges.len()).max_by_key(|&i| ranges[i].1.abs_diff(ranges[i].0))
        else {
            return Verdict::Infeasible;
        };
        let (lo, hi) = ranges[widest];
        let mid = midpoint(lo, hi);
        let halves = if near[widest].0 > mid {
            [(mid + 1, hi), (lo, mid)]
        } else {
            [(lo, mid), (mid + 1, hi)]
        };
        let mut undecided = false;
        for half in halves {
            let mut child = ranges.to_vec();
            child[widest] = half;
            match self.node(&mut child) {
                Verdict::Feasible(values) => return Verdict::Feasible(values),
                Verdict::Infeasible => {}
                Verdict::Undecided => undecided = true,
            }
        }
        if undecided {
            Verdict::Undecided
        } else {
            Verdict::Infeasible
        }
    }
}
