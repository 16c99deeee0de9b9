//! What the `proptest` strategies ask of a family: how a valid report comes
//! to hold one of its rules, how to break one (and which of its cells to
//! blank so that it stays quiet while another is broken).
//!
//! Each family implements [`Generates`] in its own module; the registry
//! (`families!`) dispatches to it from [`Check`](super::Check), so a family
//! without it does not compile with the `proptest` feature on. The
//! strategies (`crate::strategies`) keep the orchestration: drawing, the
//! order in which a report is made, the silencing of the other rules, the
//! reference counts. What the families share to do their part is here: the
//! random choices for a cell ([`Draw`]) and for a violation
//! ([`Violation`]), and the small arithmetic of drawn values.

use super::{Rounding, Rule, is_exact};
use crate::catalogue::{CellId, CellSet};
use crate::reference::{Reference, ReferenceCount};
use crate::unit::{CodeValue, Printed, ValueKind};

/// One value per indicator of the template, `None` for a blank.
pub(crate) type Values = Vec<Option<Printed>>;

/// Shares and weights are thousandths.
pub(crate) const WHOLE_SHARE: i128 = 1000;
/// A share that stands for "all but one unit" (so that a rate of nearly 100
/// is printed as 100 now and then), not 999 thousandths.
pub(crate) const ALL_BUT_ONE: u64 = 1001;

/// The random choices for one cell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Draw {
    /// A size: 0, small, medium or large.
    pub magnitude: u64,
    /// A share of a whole, in thousandths (0 and 1000 are common), or
    /// [`ALL_BUT_ONE`].
    pub share: u16,
    /// A weight among siblings, in thousandths.
    pub weight: u16,
    /// Printed decimals, 0 to 2, for percentages and amounts.
    pub decimals: u32,
    /// Whether a computed rate is truncated rather than rounded.
    pub truncate: bool,
    /// Blanked when below the report's blank rate (a percentage).
    pub blank: u8,
    /// Any choice among values.
    pub pick: u64,
}

/// The random choices that break a rule.
#[derive(Debug, Clone)]
pub(crate) struct Violation {
    /// One per cell of the rule, in the rule's order.
    pub draws: Vec<Draw>,
    /// Which way to break it, where there is a choice: too much or too little.
    pub above: bool,
    /// How far beyond the least clear margin.
    pub margin: u64,
}

impl Violation {
    /// The draw for the rule's cell at `position` (a default one past eight).
    pub(crate) fn cell(&self, position: usize) -> Draw {
        self.draws.get(position).copied().unwrap_or_default()
    }

    /// An extra margin below `room` (none when there is no room).
    pub(crate) fn margin(&self, room: i128) -> i128 {
        if room <= 0 {
            0
        } else {
            i128::from(self.margin) % room
        }
    }
}

/// What the strategies know of the template a report is made for: the
/// ranges its rule table allows each cell.
pub(crate) trait Ground {
    /// The usual range of a cell in a valid report (whole numbers in the
    /// cell's unit; `[0, 100]` for a percentage no bound rule widens),
    /// `None` when empty.
    fn usual_range(&self, id: CellId) -> Option<(i128, i128)>;

    /// The whole-number range the cell's type allows, narrowed by every
    /// bound rule on the cell but the one at `except`. `None` when empty.
    fn range_except(&self, id: CellId, except: usize) -> Option<(i128, i128)>;

    /// Whether a rule that can fire as an error or a warning, other than
    /// the one at `index`, reads `id`.
    fn read_by_another(&self, id: CellId, index: usize) -> bool;
}

/// How a valid report comes to hold a rule of a family: the stages a
/// valid report is made in, in order, each the families that act then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    /// Whatever the values: a note, or a row the report leaves blank.
    Always,
    /// Its one cell is drawn within these limits (whole numbers in its unit).
    Drawn {
        /// The least value, if any.
        min: Option<i64>,
        /// The greatest value, if any.
        max: Option<i64>,
    },
    /// Top down from the values drawn: its other cells take their values
    /// from its first (the parts of a whole, the other side of an equality).
    Split,
    /// Its first cell, a rate, is computed from its numerator and denominator.
    Rate,
    /// Its first cell, an overall rate, is computed from the per-level
    /// rates (once the rates are).
    Overall,
    /// The code drawn decides its other cells.
    Code,
    /// Its rate is a share drawn of its population.
    Share,
    /// Where the values made so far break it, its checked cell is blanked.
    Settled,
    /// Last: where the values made so far break it, its conclusion is blanked.
    Implied,
}

impl Holds {
    /// The stages after the values are drawn and split, in order.
    pub(crate) const COMPUTED: [Holds; 6] = [
        Holds::Rate,
        Holds::Overall,
        Holds::Code,
        Holds::Share,
        Holds::Settled,
        Holds::Implied,
    ];
}

/// A valid report in the making: the values so far, the draws, the rows
/// absent from its period and its reference counts.
pub(crate) struct Making<'a> {
    /// What the template's rule table allows.
    pub ground: &'a dyn Ground,
    /// One value per indicator.
    pub values: &'a mut Values,
    /// One draw per indicator.
    pub draws: &'a [Draw],
    /// The rows that do not apply to the report's period.
    pub absent: &'a CellSet,
    /// The report's reference counts.
    pub reference: Reference,
}

impl Making<'_> {
    /// The draw of a cell.
    pub(crate) fn draw(&self, id: CellId) -> Draw {
        self.draws.get(id.index()).copied().unwrap_or_default()
    }

    /// The value of a cell so far.
    pub(crate) fn value(&self, id: CellId) -> Option<Printed> {
        self.values[id.index()]
    }

    /// Sets the value of a cell.
    pub(crate) fn set(&mut self, id: CellId, value: Option<Printed>) {
        self.values[id.index()] = value;
    }

    /// A cell's value when nothing else sets it (see [`free_value`]).
    pub(crate) fn free_value(&self, id: CellId) -> Option<Printed> {
        free_value(self.ground, id, self.draw(id))
    }
}

/// The values written to break a rule: one per cell of the rule, in its
/// order (`None` for a blank), and the reference count the report must
/// give for them, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Broken {
    /// The rule's cells.
    pub cells: Vec<Option<Printed>>,
    /// The reference count set with them.
    pub reference: Option<(ReferenceCount, i128)>,
}

impl Broken {
    /// The rule's cells alone.
    pub(crate) fn cells(cells: Vec<Option<Printed>>) -> Broken {
        Broken {
            cells,
            reference: None,
        }
    }
}

/// The facets of a family the `proptest` strategies use: how a valid
/// report comes to hold one of its rules, how one is broken, and how it is
/// kept quiet while another is.
pub(crate) trait Generates {
    /// When and how a valid report comes to hold the rule.
    fn holds(&self) -> Holds;

    /// Makes the rule hold from the values made so far, at its stage
    /// ([`Generates::holds`]); for a [`Holds::Split`] rule, the cells it
    /// set (`None` when its first cell is blank, to be tried again). A
    /// rule that holds [`Holds::Always`] or [`Holds::Drawn`] is never asked
    /// (and its family need not say it).
    fn hold(&self, rule: &Rule, index: usize, making: &mut Making<'_>) -> Option<Vec<CellId>> {
        let _ = (rule, index, making);
        None
    }

    /// Values of the rule's cells that break it by a clear margin (every
    /// cell reported but where a blank is the violation), respecting what
    /// cannot be silenced (the other bounds of the cells); `None` when no
    /// value can break it. `index` is the rule's position in its table.
    fn break_rule(
        &self,
        rule: &Rule,
        index: usize,
        ground: &dyn Ground,
        violation: &Violation,
    ) -> Option<Broken>;

    /// The cells (not `mine`) to blank so that the rule is not evaluated
    /// while the cells `mine` says are rewritten to break another rule.
    fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId>;

    /// The reference count the rule reads, if any (none, for the families
    /// that read only cells).
    fn reference(&self) -> Option<ReferenceCount> {
        None
    }

    /// Whether a report of a period whose absent rows are `absent` can
    /// break the rule: every row of it there (for most families).
    fn breaks_with(&self, rule: &Rule, absent: &CellSet) -> bool {
        !absent.holds_any(rule.cells)
    }
}

/// The cells of `ids` that are not `mine`.
pub(crate) fn outside(ids: &[CellId], mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
    ids.iter().copied().filter(|id| !mine(id)).collect()
}

/// The first cell of `ids` that is not `mine` (a blank there leaves a rule
/// that reads every cell unevaluated).
pub(crate) fn first_outside(ids: &[CellId], mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
    ids.iter()
        .copied()
        .find(|id| !mine(id))
        .into_iter()
        .collect()
}

/// The rule's first cell (a whole, a code, a count covered), when not
/// `mine`: a blank there silences the rule; failing that, its other cells.
pub(crate) fn head_or_rest(rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
    match rule.cells.split_first() {
        Some((head, _)) if !mine(head) => vec![*head],
        Some((_, rest)) => outside(rest, mine),
        None => Vec::new(),
    }
}

/// A cell's value when nothing else sets it: a count or amount of the draw's
/// magnitude, a percentage within its bounds, a code of its legend.
pub(crate) fn free_value(ground: &dyn Ground, id: CellId, draw: Draw) -> Option<Printed> {
    let (lo, hi) = ground.usual_range(id)?;
    let decimals = decimals_of(id, draw);
    Some(match id.indicator().kind {
        ValueKind::Count => Printed::whole(i128::from(draw.magnitude).clamp(lo, hi)),
        ValueKind::MillionVnd => {
            let whole = i128::from(draw.magnitude).clamp(lo, hi);
            let fraction = if whole < hi {
                i128::from(draw.pick) % pow10(decimals)
            } else {
                0
            };
            Printed {
                mantissa: whole * pow10(decimals) + fraction,
                decimals,
            }
        }
        ValueKind::Percent => value_in((lo, hi), decimals, draw),
        ValueKind::Code { legend } => legend_pick(legend, draw.pick),
    })
}

/// `10^exponent`, saturated.
pub(crate) fn pow10(exponent: u32) -> i128 {
    10_i128.checked_pow(exponent).unwrap_or(i128::MAX)
}

/// The decimals a cell is printed with: 0 for counts and codes, else the draw's.
pub(crate) fn decimals_of(id: CellId, draw: Draw) -> u32 {
    if is_exact(id) {
        0
    } else {
        draw.decimals.min(2)
    }
}

/// Rounding to nearest, or truncation, as the draw says.
pub(crate) fn rounding_of(draw: Draw) -> Rounding {
    if draw.truncate {
        Rounding::Truncate
    } else {
        Rounding::HalfAwayFromZero
    }
}

/// A code of `legend`, picked by `pick`.
pub(crate) fn legend_pick(legend: &[CodeValue], pick: u64) -> Printed {
    let len = u64::try_from(legend.len()).unwrap_or(1).max(1);
    let index = usize::try_from(pick % len).unwrap_or(0);
    Printed::whole(legend.get(index).map_or(0, |entry| i128::from(entry.code)))
}

/// Whether a printed value lies within a whole-number range.
pub(crate) fn within(value: Printed, (lo, hi): (i128, i128)) -> bool {
    let scale = pow10(value.decimals);
    lo.checked_mul(scale).is_some_and(|lo| value.mantissa >= lo)
        && hi.checked_mul(scale).is_some_and(|hi| value.mantissa <= hi)
}

/// A value of `decimals` decimals in `[lo, hi]`: either end, or anywhere.
pub(crate) fn value_in((lo, hi): (i128, i128), decimals: u32, draw: Draw) -> Printed {
    let scale = pow10(decimals);
    let (low, high) = (lo * scale, hi * scale);
    let mantissa = match draw.share {
        0 => low,
        1000 => high,
        _ => low + i128::from(draw.pick) % (high - low + 1),
    };
    Printed { mantissa, decimals }
}

/// `value` at `decimals` decimals, rounded down (exact when finer).
pub(crate) fn floor_at(value: Printed, decimals: u32) -> i128 {
    if decimals >= value.decimals {
        value.mantissa * pow10(decimals - value.decimals)
    } else {
        value.mantissa.div_euclid(pow10(value.decimals - decimals))
    }
}

/// Splits `total` among parts in proportion to their weights; the last part
/// takes the rounding remainder (and everything, when all weights are 0).
pub(crate) fn partition(total: i128, weights: &[u16]) -> Vec<i128> {
    let sum: i128 = weights.iter().map(|&w| i128::from(w)).sum();
    let mut given = 0;
    let mut parts = Vec::with_capacity(weights.len());
    for (index, &weight) in weights.iter().enumerate() {
        let part = if index + 1 == weights.len() {
            total - given
        } else if sum == 0 {
            0
        } else {
            total * i128::from(weight) / sum
        };
        given += part;
        parts.push(part);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::{RULES, cell};

    /// The ranges of a template with no bound rules: what each kind allows.
    struct Unbounded;

    impl Ground for Unbounded {
        fn usual_range(&self, _id: CellId) -> Option<(i128, i128)> {
            Some((0, 100))
        }

        fn range_except(&self, _id: CellId, _except: usize) -> Option<(i128, i128)> {
            Some((0, 1_000_000))
        }

        fn read_by_another(&self, _id: CellId, _index: usize) -> bool {
            false
        }
    }

    fn rule(id: &str) -> (usize, &'static Rule) {
        RULES
            .iter()
            .enumerate()
            .find(|(_, rule)| rule.id == id)
            .expect("a rule of 581")
    }

    fn violation(magnitudes: &[u64], above: bool) -> Violation {
        Violation {
            draws: magnitudes
                .iter()
                .map(|&magnitude| Draw {
                    magnitude,
                    ..Draw::default()
                })
                .collect(),
            above,
            margin: 0,
        }
    }

    #[test]
    fn a_whole_is_split_by_weight_the_last_part_taking_the_rest() {
        // 10 by weights 1, 1, 2: 10·1/4 = 2 (rounded down), 2, and the rest 6.
        assert_eq!(partition(10, &[1, 1, 2]), [2, 2, 6]);
        // No weight: the last part takes everything.
        assert_eq!(partition(7, &[0, 0]), [0, 7]);
        assert_eq!(partition(5, &[]), Vec::<i128>::new());
    }

    #[test]
    fn a_printed_value_is_floored_at_fewer_decimals() {
        let value = |mantissa, decimals| Printed { mantissa, decimals };
        assert_eq!(floor_at(value(1234, 2), 0), 12); // 12,34 → 12
        assert_eq!(floor_at(value(-15, 1), 0), -2); // −1,5 → −2, down
        assert_eq!(floor_at(value(12, 0), 2), 1200); // 12 → 12,00
    }

    #[test]
    fn a_margin_stays_below_its_room() {
        let mut broken = violation(&[], true);
        broken.margin = 1234;
        assert_eq!(broken.margin(1000), 234);
        assert_eq!(broken.margin(0), 0);
        assert_eq!(broken.margin(-5), 0);
        // Past the rule's cells a draw is the default one.
        assert_eq!(broken.cell(3), Draw::default());
    }

    #[test]
    fn a_sum_is_broken_in_the_direction_of_its_severity() {
        // Procedures in force, 3/1.4 = 1.4.1 + 1.4.2 + 1.4.3: parts above
        // the total a warning, below it an error, so the rule is an error
        // and is broken that way, whatever the draw says: parts 5 + 7 + 9
        // = 21, the total one more, 22.
        let (index, sum) = rule("sum:3/1.4");
        assert_eq!(sum.severity, crate::finding::Severity::Error);
        for above in [false, true] {
            let broken = sum
                .check
                .break_rule(sum, index, &Unbounded, &violation(&[0, 5, 7, 9], above))
                .expect("a sum can be broken");
            assert_eq!(broken.reference, None);
            let whole = |n| Some(Printed::whole(n));
            assert_eq!(broken.cells, [whole(22), whole(5), whole(7), whole(9)]);
        }
    }

    #[test]
    fn a_ratio_is_silenced_by_a_blank_numerator_or_denominator() {
        // ratio:3/3.1 reads [3.1, 3.1.2, 3.1.1]: with its rate rewritten
        // by another rule the numerator is blanked; with the numerator
        // rewritten, the denominator.
        let (_, ratio) = rule("ratio:3/3.1");
        let rate_only = |id: &CellId| *id == cell("3/3.1");
        assert_eq!(ratio.check.silencers(ratio, &rate_only), [cell("3/3.1.2")]);
        let numerator = |id: &CellId| *id == cell("3/3.1.2");
        assert_eq!(ratio.check.silencers(ratio, &numerator), [cell("3/3.1.1")]);
        // A sum is silenced by its total, or else by the parts not rewritten.
        let (_, sum) = rule("sum:3/1.4");
        let total = |id: &CellId| *id == cell("3/1.4");
        assert_eq!(
            sum.check.silencers(sum, &total),
            [cell("3/1.4.1"), cell("3/1.4.2"), cell("3/1.4.3")]
        );
        assert_eq!(sum.check.silencers(sum, &numerator), [cell("3/1.4")]);
    }

    #[test]
    fn each_family_holds_its_rules_at_its_stage() {
        let holds = |id| rule(id).1.check.holds();
        assert_eq!(holds("ratio:3/3.1"), Holds::Rate);
        assert_eq!(holds("sum:3/1.4"), Holds::Split);
        assert_eq!(holds("derivable:3/3.1"), Holds::Always);
        assert_eq!(holds("full:3/3.1"), Holds::Always);
        let bound = RULES
            .iter()
            .find_map(|rule| {
                let crate::check::Check::Bound(bound) = rule.check else {
                    return None;
                };
                Some((rule, bound))
            })
            .expect("581 has bounds");
        assert_eq!(
            bound.0.check.holds(),
            Holds::Drawn {
                min: bound.1.min,
                max: bound.1.max
            }
        );
    }

    #[test]
    fn a_total_is_split_among_its_parts_by_their_weights() {
        // 3/1.4 = 100 procedures, its parts weighted 1, 1 and 2: 25, 25
        // and 50, which add up to it.
        let (index, sum) = rule("sum:3/1.4");
        let cells = crate::bnv581::CATALOGUE.len();
        let mut values: Values = vec![None; cells];
        values[cell("3/1.4").index()] = Some(Printed::whole(100));
        let mut draws = vec![Draw::default(); cells];
        for (part, weight) in [("3/1.4.1", 1), ("3/1.4.2", 1), ("3/1.4.3", 2)] {
            draws[cell(part).index()].weight = weight;
        }
        let mut making = Making {
            ground: &Unbounded,
            values: &mut values,
            draws: &draws,
            absent: &CellSet::EMPTY,
            reference: Reference::NONE,
        };
        let set = sum.check.hold(sum, index, &mut making);
        assert_eq!(
            set,
            Some(vec![cell("3/1.4.1"), cell("3/1.4.2"), cell("3/1.4.3")])
        );
        let value = |stt| values[cell(stt).index()];
        assert_eq!(value("3/1.4.1"), Some(Printed::whole(25)));
        assert_eq!(value("3/1.4.2"), Some(Printed::whole(25)));
        assert_eq!(value("3/1.4.3"), Some(Printed::whole(50)));
    }
}
