//! The clean path of the checks: a compact snapshot of a report's cells and
//! one verdict per rule in plain integer arithmetic.
//!
//! Most rules hold on most reports, and the values involved are small: whole
//! counts, percentages with a few decimals. For those, a rule is decided here
//! with fixed-size integers that cannot overflow, without allocating, without
//! division and without rescaling at run time. Whatever this path does not
//! pass or skip (a rule that fires, a value too large for the snapshot) goes
//! to the exact evaluators of [`super::eval`], which decide it as they always
//! did and build the finding; so the outcome is the same whichever path is
//! taken, and a unit test below checks that on many generated reports.
//!
//! # The snapshot
//! One [`Slot`] of 8 bytes per cell: the printed digits as an `i32`, the
//! printed decimals, and how the cell reads (exact for counts and codes).
//! A value whose digits do not fit in an `i32` or that has more than
//! [`MAX_DECIMALS`] decimals is marked wide,
//! and every rule reading it goes to the exact evaluators.
//!
//! # Arithmetic bounds
//! With `|m| < 2³¹` and at most 6 decimals, a value in half-units at scale 6,
//! `(2m ± 1) · 10^(6 − s)`, is below 2⁵³, so sums of parts fit an `i64`;
//! a ratio's cross-products are below 2⁹⁶ and are computed in `i128`. Nothing
//! can overflow.

use crate::catalogue::{CELL_COUNT, CellId};
use crate::number::MAX_DECIMALS;
use crate::unit::{CellValue, Printed, ValueKind};

use super::{Check, RULES};

/// The scale every comparison of sums and intervals is made at: the most
/// decimals a value may have.
const SCALE: u8 = 6;
const _: () = assert!(SCALE as u32 == MAX_DECIMALS);

/// `10^n` for `n` in `0..=SCALE`.
const POW10: [i64; SCALE as usize + 1] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/// The `decimals` of a blank slot.
const BLANK: u8 = u8::MAX;
/// The `decimals` of a slot whose value does not fit the snapshot.
const WIDE: u8 = u8::MAX - 1;

/// The value is exact (a count or a code), not a printed decimal.
const EXACT: u8 = 1;
/// The value is a code.
const CODE: u8 = 2;

/// One cell in the snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    mantissa: i32,
    decimals: u8,
    flags: u8,
}

impl Slot {
    /// A blank cell of no particular type (before the snapshot is filled).
    pub(crate) const EMPTY: Slot = Slot {
        mantissa: 0,
        decimals: BLANK,
        flags: 0,
    };

    /// The slot of a cell of type `T`.
    #[inline]
    pub(crate) fn of<T: CellValue>(value: Option<T>) -> Slot {
        let flags = match T::KIND {
            ValueKind::Count => EXACT,
            ValueKind::Code { .. } => EXACT | CODE,
            ValueKind::Percent | ValueKind::MillionVnd => 0,
        };
        let Some(value) = value else {
            return Slot {
                mantissa: 0,
                decimals: BLANK,
                flags,
            };
        };
        let printed = value.printed();
        match (
            i32::try_from(printed.mantissa),
            u8::try_from(printed.decimals),
        ) {
            (Ok(mantissa), Ok(decimals)) if decimals <= SCALE && mantissa != i32::MIN => Slot {
                mantissa,
                decimals,
                flags,
            },
            _ => Slot {
                mantissa: 0,
                decimals: WIDE,
                flags,
            },
        }
    }

    fn is_blank(self) -> bool {
        self.decimals == BLANK
    }

    /// The value as printed, `None` when blank; `Err` when the value is
    /// wide, so that it must be read from the report.
    pub(crate) fn printed(self) -> Result<Option<Printed>, ()> {
        match self.decimals {
            BLANK => Ok(None),
            WIDE => Err(()),
            decimals => Ok(Some(Printed {
                mantissa: i128::from(self.mantissa),
                decimals: u32::from(decimals),
            })),
        }
    }

    fn is_code(self) -> bool {
        self.flags & CODE != 0
    }

    /// The half-width of the interval, in half-units: 0 when exact, else 1.
    fn spread(self) -> i64 {
        i64::from((self.flags & EXACT) ^ EXACT)
    }

    /// The interval read to nearest (exact for counts and codes), in
    /// half-units at its own scale; each bound below 2³³ in magnitude.
    fn own(self) -> (i64, i64) {
        let twice = 2 * i64::from(self.mantissa);
        (twice - self.spread(), twice + self.spread())
    }

    /// The same interval in half-units at [`SCALE`]; each bound below 2⁵³
    /// in magnitude.
    fn at_scale(self) -> (i64, i64) {
        let (lo, hi) = self.own();
        let factor = POW10[usize::from(SCALE - self.decimals)];
        (lo * factor, hi * factor)
    }

    /// `2 × 10^decimals`, the denominator of its half-units (at most 2 × 10⁶).
    fn half_unit(self) -> i64 {
        2 * POW10[usize::from(self.decimals)]
    }
}

/// Every cell of a report, compactly, indexed by [`CellId`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Snapshot(pub(crate) [Slot; CELL_COUNT]);

/// What the fast path made of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fast {
    /// The rule holds.
    Pass,
    /// A cell it needs is blank.
    Skip,
    /// Not decided here: the exact evaluators decide (and build the finding).
    Slow,
}

// ---------------------------------------------------------------------------
// The plan: the rule table compiled, family by family, at compile time
// ---------------------------------------------------------------------------

/// How many 64-bit words hold one bit per rule.
const WORDS: usize = RULES.len().div_ceil(64);

const _: () = assert!(RULES.len() <= u8::MAX as usize, "a rule's position is a u8");
const _: () = assert!(CELL_COUNT <= u8::MAX as usize, "a cell's position is a u8");

/// A cell's position in the snapshot.
#[allow(clippy::cast_possible_truncation)] // CELL_COUNT fits a u8 (asserted above).
const fn at(id: CellId) -> u8 {
    id.index() as u8
}

/// How many rules run `check` (compared by kind).
const fn count(kind: u8) -> usize {
    let mut total = 0;
    let mut index = 0;
    while index < RULES.len() {
        if kind_of(RULES[index].check) == kind {
            total += 1;
        }
        index += 1;
    }
    total
}

/// The most cells after the first among the rules of one kind.
const fn most_cells(kind: u8) -> usize {
    let mut most = 0;
    let mut index = 0;
    while index < RULES.len() {
        let cells = RULES[index].cells.len();
        if kind_of(RULES[index].check) == kind && cells > most + 1 {
            most = cells - 1;
        }
        index += 1;
    }
    most
}

/// A number per kind of check, for the counts above.
const fn kind_of(check: Check) -> u8 {
    match check {
        Check::Ratio => 0,
        Check::Derivable => 1,
        Check::Sum | Check::PartWhole => 2,
        Check::Bound { .. } => 3,
        Check::Conditional { .. } => 4,
        Check::LevelRange => 5,
        Check::Same => 6,
    }
}

const RATIO: u8 = 0;
const DERIVABLE: u8 = 1;
const TOTAL: u8 = 2;
const BOUND: u8 = 3;
const CONDITIONAL: u8 = 4;
const LEVEL_RANGE: u8 = 5;
const SAME: u8 = 6;

/// A rule of fixed arity: its position in [`RULES`] and its cells.
#[derive(Debug, Clone, Copy)]
struct Fixed<const N: usize> {
    rule: u8,
    cells: [u8; N],
}

/// A rule whose first cell stands against a list of others: a total and
/// its parts, a code and its dependents, an overall rate and its levels.
#[derive(Debug, Clone, Copy)]
struct Listed<const N: usize> {
    rule: u8,
    first: u8,
    rest: [u8; N],
    len: u8,
    /// For a total: whether the parts must add up to it (a sum), or only
    /// stay within it (parts of a whole).
    exhaustive: bool,
    /// For a conditional: the code that means "not done".
    when: u8,
}

/// A bound, its limits scaled per printed decimals at run time; a missing
/// limit is the widest `i64`, which no 32-bit mantissa passes.
#[derive(Debug, Clone, Copy)]
struct Limits {
    rule: u8,
    cell: u8,
    min: i64,
    max: i64,
}

/// The rules of a fixed arity `N` and kind.
const fn fixed<const N: usize, const LEN: usize>(kind: u8) -> [Fixed<N>; LEN] {
    let mut out = [Fixed {
        rule: 0,
        cells: [0; N],
    }; LEN];
    let mut next = 0;
    let mut index = 0;
    while index < RULES.len() {
        let rule = &RULES[index];
        if kind_of(rule.check) == kind {
            assert!(
                rule.cells.len() == N,
                "a rule of this kind has another arity"
            );
            let mut cell = 0;
            while cell < N {
                out[next].cells[cell] = at(rule.cells[cell]);
                cell += 1;
            }
            #[allow(clippy::cast_possible_truncation)] // asserted above
            {
                out[next].rule = index as u8;
            }
            next += 1;
        }
        index += 1;
    }
    out
}

/// The rules of a kind whose first cell stands against a list of up to `N`
/// others (`limit` of them at most are read, as the exact evaluator does).
const fn listed<const N: usize, const LEN: usize>(kind: u8, limit: usize) -> [Listed<N>; LEN] {
    let mut out = [Listed {
        rule: 0,
        first: 0,
        rest: [0; N],
        len: 0,
        exhaustive: false,
        when: 0,
    }; LEN];
    let mut next = 0;
    let mut index = 0;
    while index < RULES.len() {
        let rule = &RULES[index];
        if kind_of(rule.check) == kind {
            assert!(!rule.cells.is_empty(), "a rule reads at least one cell");
            out[next].first = at(rule.cells[0]);
            let mut cell = 1;
            while cell < rule.cells.len() && cell <= limit {
                out[next].rest[cell - 1] = at(rule.cells[cell]);
                cell += 1;
            }
            #[allow(clippy::cast_possible_truncation)] // N is a few cells
            {
                out[next].len = (cell - 1) as u8;
                out[next].rule = index as u8;
            }
            out[next].exhaustive = matches!(rule.check, Check::Sum);
            if let Check::Conditional { when } = rule.check {
                out[next].when = when;
            }
            next += 1;
        }
        index += 1;
    }
    out
}

/// The bounds.
const fn limits<const LEN: usize>() -> [Limits; LEN] {
    let mut out = [Limits {
        rule: 0,
        cell: 0,
        min: i64::MIN,
        max: i64::MAX,
    }; LEN];
    let mut next = 0;
    let mut index = 0;
    while index < RULES.len() {
        let rule = &RULES[index];
        if let Check::Bound { min, max } = rule.check {
            assert!(rule.cells.len() == 1, "a bound reads one cell");
            out[next].cell = at(rule.cells[0]);
            #[allow(clippy::cast_possible_truncation)] // asserted above
            {
                out[next].rule = index as u8;
            }
            // `m < i64::MIN` and `m > i64::MAX` never hold: no limit.
            out[next].min = match min {
                Some(min) => min,
                None => i64::MIN,
            };
            out[next].max = match max {
                Some(max) => max,
                None => i64::MAX,
            };
            next += 1;
        }
        index += 1;
    }
    out
}

/// The most levels the exact evaluator reads.
const LEVELS: usize = 8;

static RATIOS: [Fixed<3>; count(RATIO)] = fixed(RATIO);
static DERIVABLES: [Fixed<3>; count(DERIVABLE)] = fixed(DERIVABLE);
static SAMES: [Fixed<2>; count(SAME)] = fixed(SAME);
static TOTALS: [Listed<{ most_cells(TOTAL) }>; count(TOTAL)] = listed(TOTAL, usize::MAX);
static CONDITIONALS: [Listed<{ most_cells(CONDITIONAL) }>; count(CONDITIONAL)] =
    listed(CONDITIONAL, usize::MAX);
static LEVEL_RANGES: [Listed<LEVELS>; count(LEVEL_RANGE)] = listed(LEVEL_RANGE, LEVELS);
static BOUNDS: [Limits; count(BOUND)] = limits();

/// What the clean path made of every rule, one bit per rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Verdicts {
    /// Rules left to the exact evaluators.
    slow: [u64; WORDS],
    /// Rules not evaluated for a blank.
    skipped: [u64; WORDS],
}

impl Verdicts {
    fn set(&mut self, rule: u8, verdict: Fast) {
        let (word, bit) = (usize::from(rule / 64), rule % 64);
        match verdict {
            Fast::Pass => {}
            Fast::Skip => self.skipped[word] |= 1 << bit,
            Fast::Slow => self.slow[word] |= 1 << bit,
        }
    }

    /// The verdict on the rule at `index` of [`RULES`].
    pub(crate) fn get(&self, index: usize) -> Fast {
        let (word, bit) = (index / 64, index % 64);
        if self.slow[word] >> bit & 1 == 1 {
            Fast::Slow
        } else if self.skipped[word] >> bit & 1 == 1 {
            Fast::Skip
        } else {
            Fast::Pass
        }
    }

    /// The positions in [`RULES`] of the rules left to the exact
    /// evaluators, in order.
    pub(crate) fn slow(&self) -> impl Iterator<Item = usize> + '_ {
        self.slow.iter().enumerate().flat_map(|(word, &bits)| {
            let mut bits = bits;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                Some(word * 64 + bit)
            })
        })
    }
}

/// Every rule on the snapshot, family by family.
pub(crate) fn run(snapshot: &Snapshot) -> Verdicts {
    let mut verdicts = Verdicts::default();
    for rule in &RATIOS {
        verdicts.set(rule.rule, ratio(rule.cells, snapshot));
    }
    for rule in &DERIVABLES {
        verdicts.set(rule.rule, derivable(rule.cells, snapshot));
    }
    for rule in &TOTALS {
        verdicts.set(rule.rule, total(rule, snapshot));
    }
    for rule in &BOUNDS {
        verdicts.set(rule.rule, bound(rule, snapshot));
    }
    for rule in &CONDITIONALS {
        verdicts.set(rule.rule, conditional(rule, snapshot));
    }
    for rule in &LEVEL_RANGES {
        verdicts.set(rule.rule, level_range(rule, snapshot));
    }
    for rule in &SAMES {
        verdicts.set(rule.rule, same(rule.cells, snapshot));
    }
    verdicts
}

/// A cell's slot: `None` when blank; returns [`Fast::Slow`] from the
/// enclosing function when the value is wide.
macro_rules! read {
    ($snapshot:expr, $cell:expr) => {
        match $snapshot.0[usize::from($cell)] {
            slot if slot.decimals <= SCALE => Some(slot),
            slot if slot.decimals == BLANK => None,
            _ => return Fast::Slow,
        }
    };
}

/// `100 × numerator / denominator` can lie in the rate's interval (read to
/// nearest), the denominator positive: the cross-multiplied comparisons of
/// [`super::interval::ratio_overlaps`].
fn ratio([rate, num, den]: [u8; 3], snapshot: &Snapshot) -> Fast {
    let (Some(rate), Some(num), Some(den)) = (
        read!(snapshot, rate),
        read!(snapshot, num),
        read!(snapshot, den),
    ) else {
        return Fast::Skip;
    };
    let (num_lo, num_hi) = num.own();
    let (den_lo, den_hi) = den.own();
    if den_hi <= 0 && num_lo <= 0 && num_hi >= 0 {
        // 0 / 0: a note.
        return Fast::Slow;
    }
    if den_lo <= 0 {
        return Fast::Skip;
    }
    // The rate is always read as rounded to nearest. Each factor below is
    // under 2⁶³ (2³³ · 2²¹, 2⁴⁰, 2⁴²), each product under 2⁹⁶.
    let twice = 2 * i64::from(rate.mantissa);
    let (rate_lo, rate_hi) = (twice - 1, twice + 1);
    let scales = den.half_unit() * rate.half_unit();
    let wide = |a: i64, b: i64| i128::from(a) * i128::from(b);
    let low_ok = wide(rate_lo * num.half_unit(), den_lo) <= wide(num_hi * 100, scales);
    let high_ok = wide(num_lo * 100, scales) <= wide(rate_hi * num.half_unit(), den_hi);
    if low_ok && high_ok {
        Fast::Pass
    } else {
        Fast::Slow
    }
}

/// A blank rate whose numerator and positive denominator are reported is a
/// note for the exact evaluator to write.
fn derivable([rate, num, den]: [u8; 3], snapshot: &Snapshot) -> Fast {
    if !snapshot.0[usize::from(rate)].is_blank() {
        return Fast::Skip;
    }
    let (Some(num), Some(den)) = (read!(snapshot, num), read!(snapshot, den)) else {
        return Fast::Skip;
    };
    if den.mantissa <= 0 || num.mantissa < 0 {
        Fast::Skip
    } else {
        Fast::Slow
    }
}

/// A total and its parts, at one scale: overlapping intervals for a sum
/// with every part reported, else the known parts at most the whole.
fn total<const N: usize>(rule: &Listed<N>, snapshot: &Snapshot) -> Fast {
    let Some(whole) = read!(snapshot, rule.first) else {
        return Fast::Skip;
    };
    let parts = &rule.rest[..usize::from(rule.len)];
    let (mut lo, mut hi, mut known) = (0_i64, 0_i64, 0_usize);
    for &part in parts {
        if let Some(part) = read!(snapshot, part) {
            let (part_lo, part_hi) = part.at_scale();
            // Parts are below 2⁵³: only a rule of over a thousand parts
            // could overflow, and then the exact evaluator decides.
            let (Some(new_lo), Some(new_hi)) = (lo.checked_add(part_lo), hi.checked_add(part_hi))
            else {
                return Fast::Slow;
            };
            (lo, hi) = (new_lo, new_hi);
            known += 1;
        }
    }
    if known == 0 {
        return Fast::Skip;
    }
    let (whole_lo, whole_hi) = whole.at_scale();
    let holds = if rule.exhaustive && known == parts.len() {
        whole_lo <= hi && lo <= whole_hi
    } else {
        lo <= whole_hi
    };
    if holds { Fast::Pass } else { Fast::Slow }
}

/// The printed value within `[min, max]`, compared digit for digit.
fn bound(rule: &Limits, snapshot: &Snapshot) -> Fast {
    let Some(value) = read!(snapshot, rule.cell) else {
        return Fast::Skip;
    };
    // A limit beyond 64 bits once scaled saturates, which changes no
    // comparison with a 32-bit mantissa.
    let scale = POW10[usize::from(value.decimals)];
    let mantissa = i64::from(value.mantissa);
    if mantissa < rule.min.saturating_mul(scale) || mantissa > rule.max.saturating_mul(scale) {
        Fast::Slow
    } else {
        Fast::Pass
    }
}

/// A code other than `when`, or no dependent describing how it was done.
fn conditional<const N: usize>(rule: &Listed<N>, snapshot: &Snapshot) -> Fast {
    let Some(code) = read!(snapshot, rule.first) else {
        return Fast::Skip;
    };
    if code.mantissa != i32::from(rule.when) {
        return Fast::Pass;
    }
    for &dependent in &rule.rest[..usize::from(rule.len)] {
        if let Some(value) = read!(snapshot, dependent) {
            if value.mantissa != 0 || value.is_code() {
                return Fast::Slow;
            }
        }
    }
    Fast::Pass
}

/// The overall rate overlaps the range of the per-level rates.
fn level_range(rule: &Listed<LEVELS>, snapshot: &Snapshot) -> Fast {
    let Some(overall) = read!(snapshot, rule.first) else {
        return Fast::Skip;
    };
    let levels = &rule.rest[..usize::from(rule.len)];
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for &level in levels {
        let Some(level) = read!(snapshot, level) else {
            return Fast::Skip;
        };
        let (level_lo, level_hi) = level.at_scale();
        lo = lo.min(level_lo);
        hi = hi.max(level_hi);
    }
    if levels.is_empty() {
        return Fast::Pass;
    }
    let (overall_lo, overall_hi) = overall.at_scale();
    if overall_lo <= hi && lo <= overall_hi {
        Fast::Pass
    } else {
        Fast::Slow
    }
}

/// Two cells that count the same thing overlap.
fn same([left, right]: [u8; 2], snapshot: &Snapshot) -> Fast {
    let (Some(left), Some(right)) = (read!(snapshot, left), read!(snapshot, right)) else {
        return Fast::Skip;
    };
    let ((left_lo, left_hi), (right_lo, right_hi)) = (left.at_scale(), right.at_scale());
    if left_lo <= right_hi && right_lo <= left_hi {
        Fast::Pass
    } else {
        Fast::Slow
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Report;
    use crate::catalogue::CATALOGUE;
    use crate::check::{Outcome, eval};
    use crate::finding::{Findings, RuleId};
    use crate::report::ReportMeta;
    use crate::unit::Printed;

    /// A small deterministic generator (xorshift64*).
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    /// A value for a cell of `kind`, drawn to hit the edges: zero, small
    /// values (so that rules often hold or nearly hold), the limits of the
    /// snapshot, and the largest values the types hold.
    fn draw(kind: ValueKind, random: &mut Random) -> Printed {
        let magnitude = |random: &mut Random| -> u64 {
            match random.below(10) {
                0 => 0,
                1..=5 => random.below(30),
                6 => random.below(1000),
                7 => (1 << 31) - 2 + random.below(4),
                8 => u64::MAX - random.below(3),
                _ => random.next() >> random.below(64),
            }
        };
        match kind {
            ValueKind::Count => Printed::whole(i128::from(magnitude(random))),
            ValueKind::Code { legend } => {
                let pick = usize::try_from(random.below(legend.len() as u64)).unwrap();
                Printed::whole(i128::from(legend[pick].code))
            }
            ValueKind::Percent | ValueKind::MillionVnd => {
                let decimals = u32::try_from(random.below(7)).unwrap();
                let limit = 10_u64.pow(12 + decimals);
                let digits = i128::from(magnitude(random) % limit);
                let sign = if random.below(8) == 0 { -1 } else { 1 };
                Printed {
                    mantissa: sign * digits,
                    decimals,
                }
            }
        }
    }

    /// A report whose cells are mostly copies of a few values, so that
    /// sums, ratios and equalities often hold exactly or nearly.
    fn report(random: &mut Random) -> Report {
        let mut report = Report::new(ReportMeta::default());
        let pool: Vec<u64> = (0..4).map(|_| random.below(50)).collect();
        for indicator in &CATALOGUE {
            if random.below(6) == 0 {
                continue;
            }
            let mut value = draw(indicator.kind, random);
            if matches!(indicator.kind, ValueKind::Count) && random.below(2) == 0 {
                let pick = usize::try_from(random.below(4)).unwrap();
                value = Printed::whole(i128::from(pool[pick]));
            }
            report
                .set_cell(indicator.id, Some(value))
                .expect("a drawn value fits its cell");
        }
        report
    }

    #[test]
    fn the_fast_path_agrees_with_the_exact_evaluators() {
        let mut random = Random(0x0DDB_1A5E_5BAD_5EED);
        let mut decided = [0_usize; 3];
        for _ in 0..6_000 {
            let report = report(&mut random);
            let verdicts = run(&report.snapshot());
            let cells = report.cells();
            for (index, rule) in RULES.iter().enumerate() {
                let mut findings = Findings::default();
                let exact = eval::evaluate(RuleId::at(index), &cells, &mut findings);
                let fast = verdicts.get(index);
                match fast {
                    Fast::Pass => assert_eq!(exact, Outcome::Passed, "{}", rule.id),
                    Fast::Skip => assert_eq!(exact, Outcome::NotEvaluated, "{}", rule.id),
                    Fast::Slow => {}
                }
                decided[fast as usize] += 1;
            }
            assert_eq!(report.validate(), {
                let mut findings = Findings::default();
                for index in 0..RULES.len() {
                    eval::evaluate(RuleId::at(index), &cells, &mut findings);
                }
                findings
            });
        }
        // Each verdict was reached often.
        assert!(decided.iter().all(|&count| count > 10_000), "{decided:?}");
    }

    #[test]
    fn the_plan_holds_every_rule_once() {
        let mut seen = [0_u8; RULES.len()];
        let rules = RATIOS
            .iter()
            .map(|rule| rule.rule)
            .chain(DERIVABLES.iter().map(|rule| rule.rule))
            .chain(TOTALS.iter().map(|rule| rule.rule))
            .chain(BOUNDS.iter().map(|rule| rule.rule))
            .chain(CONDITIONALS.iter().map(|rule| rule.rule))
            .chain(LEVEL_RANGES.iter().map(|rule| rule.rule))
            .chain(SAMES.iter().map(|rule| rule.rule));
        for rule in rules {
            seen[usize::from(rule)] += 1;
        }
        assert!(seen.iter().all(|&times| times == 1), "{seen:?}");
        // A total keeps all its parts, in order.
        for total in &TOTALS {
            let rule = &RULES[usize::from(total.rule)];
            let parts: Vec<usize> = total.rest[..usize::from(total.len)]
                .iter()
                .map(|&cell| usize::from(cell))
                .collect();
            let expected: Vec<usize> = rule.cells[1..].iter().map(|id| id.index()).collect();
            assert_eq!(parts, expected, "{}", rule.id);
            assert_eq!(usize::from(total.first), rule.cells[0].index());
        }
    }

    #[test]
    fn wide_values_go_to_the_exact_evaluators() {
        let mut report = Report::new(ReportMeta::default());
        let total = CellId::of(3, "1.4");
        report
            .set_cell(total, Some(Printed::whole(i128::from(u64::MAX))))
            .unwrap();
        assert_eq!(report.snapshot().0[total.index()].decimals, WIDE);
        let small = Slot::of(Some(crate::unit::Count::<crate::unit::Procedure>::new(
            (1 << 31) - 1,
        )));
        assert_eq!(small.decimals, 0);
        let wide = Slot::of(Some(crate::unit::Count::<crate::unit::Procedure>::new(
            1 << 31,
        )));
        assert_eq!(wide.decimals, WIDE);
    }
}
