//! The clean path compiled for one template.
//!
//! Deciding a rule by dispatch at run time ([`super::Check::decide`] on each
//! rule of the table) reads the rule's family, its cells and its parameters
//! from memory for every report, and loops over its parts. A template's rule
//! table is constant data, so all of that can be known when the crate is
//! compiled: [`compiled_plan!`] writes one function that decides every rule
//! of a table with the rule's family, cells and parameters as constants
//! (each rule's `decide`, inlined with `Self` a constant, its cells' offsets
//! in the snapshot folded, its parts unrolled). The result is the same
//! decisions as the dispatch ([`each_rule`]); a template without a compiled
//! plan uses that dispatch.
//!
//! Two kinds of rules are not unrolled, to keep the plan small: it must
//! share the 32 KiB instruction cache with the snapshot and the exact
//! evaluators. Each ratio is decided with its `derivable` and `full`
//! twins, which read the same three cells, by one out-of-line call on the
//! three slots; and the `bound`s are decided in one loop over a table of
//! their cells and limits ([`Joint`], [`BoundAt`], both worked out from the
//! rule table when the crate is compiled). Unrolled, those 78 rules were
//! 8.7 KB of the plan's 18.35.
//!
//! The decisions are one byte per rule ([`Decisions`]), so that recording
//! one is a single store and the rule loop of [`super::run`] visits only the
//! rules left undecided, eight decisions at a time.

use super::snapshot::{Slot, held_all, slot_of};
use super::{Check, Family, Fast, Rule, derivable, full, ratio};

/// The most rules a plan holds: one byte of decision for each.
pub(crate) const MAX_RULES: usize = 256;

/// What the clean path made of every rule of a table, by position: one
/// byte a rule (a [`Fast`] as its discriminant), so that recording a
/// decision in the compiled plan is a single store of a constant offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decisions([u8; MAX_RULES]);

/// The byte of each decision.
const PASS: u8 = Fast::Pass as u8;
const SKIP: u8 = Fast::Skip as u8;
const UNDECIDED: u8 = Fast::Undecided as u8;
const _: () = assert!(
    PASS == 0 && UNDECIDED & SKIP == 0,
    "undecided has a bit of its own"
);

impl Decisions {
    /// Every rule passed: what a plan starts from.
    pub(crate) const PASSED: Decisions = Decisions([PASS; MAX_RULES]);

    /// Every rule left to the exact evaluator.
    pub(crate) const UNDECIDED: Decisions = Decisions([UNDECIDED; MAX_RULES]);

    /// Records the decision of rule `index` (below [`MAX_RULES`]).
    #[inline(always)]
    pub(crate) fn record(&mut self, index: usize, fast: Fast) {
        if let Some(byte) = self.0.get_mut(index) {
            *byte = fast as u8;
        }
    }

    /// The decision of rule `index`; undecided past [`MAX_RULES`].
    pub(crate) fn get(&self, index: usize) -> Fast {
        match self.0.get(index) {
            Some(&PASS) => Fast::Pass,
            Some(&SKIP) => Fast::Skip,
            _ => Fast::Undecided,
        }
    }

    /// The positions below `count` (a table's length) of the rules left
    /// undecided, in order: eight decisions at a time, those with no
    /// undecided one passed over at once.
    pub(crate) fn undecided(&self, count: usize) -> Undecided<'_> {
        Undecided {
            decisions: self,
            count: count.min(MAX_RULES),
            next_chunk: 0,
            marks: 0,
            base: 0,
        }
    }
}

/// The positions of the undecided rules of [`Decisions`], in order.
pub(crate) struct Undecided<'a> {
    decisions: &'a Decisions,
    /// The positions yielded are below this.
    count: usize,
    /// The next eight decisions to read, by their first position / 8.
    next_chunk: usize,
    /// Bit `8·k + 1` set: rule `base + k` is undecided and not yet yielded.
    marks: u64,
    base: usize,
}

impl Iterator for Undecided<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        const MARKS: u64 = u64::from_le_bytes([UNDECIDED; 8]);
        while self.marks == 0 {
            let bytes = self
                .decisions
                .0
                .get(self.next_chunk * 8..)?
                .first_chunk::<8>()?;
            if self.next_chunk * 8 >= self.count {
                return None;
            }
            // Little-endian: byte `k` is rule `base + k`.
            self.marks = u64::from_le_bytes(*bytes) & MARKS;
            self.base = self.next_chunk * 8;
            self.next_chunk += 1;
        }
        let index = self.base + self.marks.trailing_zeros() as usize / 8;
        self.marks &= self.marks - 1;
        // Positions only grow: the first at or past `count` ends it.
        (index < self.count).then_some(index)
    }
}

/// A template's clean path: every rule decided on the snapshot.
pub(crate) type Plan = fn(&[Slot]) -> Decisions;

/// Every rule of `rules` decided by dispatch at run time: the clean path of
/// a template without a compiled plan (and what a compiled plan must agree
/// with). Rules past [`MAX_RULES`] are left undecided.
// Out of line: the compiled plan is the 581 template's path, and inlined
// this loop over every family's `decide` makes the rule loop around it
// large.
#[inline(never)]
pub(crate) fn each_rule(rules: &[Rule], slots: &[Slot]) -> Decisions {
    let mut decisions = Decisions::PASSED;
    for (index, rule) in rules.iter().enumerate().take(MAX_RULES) {
        decisions.record(index, rule.check.decide(slots));
    }
    decisions
}

/// How the compiled plan decides a rule: alone, or together with the rules
/// that read the same three cells. Each ratio of the rule table has a
/// `derivable` and a `full` twin over its rate, numerator and denominator
/// (written together by the table's `ratios` section); the three are
/// decided by one call ([`decide_twins`]), which reads the cells once and
/// keeps the plan's code small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Joint {
    /// Decided alone, by its family's `decide`.
    Alone,
    /// Decided with the ratio of the same cells.
    WithItsRatio,
    /// A `bound`, decided in the loop over the table's bounds
    /// ([`decide_bounds`]).
    InBounds,
    /// A ratio, decided with its twins at these positions.
    Ratio {
        /// The position of its `derivable` twin.
        derivable: usize,
        /// The position of its `full` twin.
        full: usize,
    },
}

/// Whether two rules of one template's table read the same cells, in the
/// same order.
const fn same_cells(a: &[crate::catalogue::CellId], b: &[crate::catalogue::CellId]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index].index() != b[index].index() {
            return false;
        }
        index += 1;
    }
    true
}

/// The first rule of `rules` of `family` whose cells are `cells`.
const fn twin_of(
    rules: &[Rule],
    cells: &[crate::catalogue::CellId],
    family: Family,
) -> Option<usize> {
    let mut index = 0;
    while index < rules.len() && index < MAX_RULES {
        if rules[index].family as u8 == family as u8 && same_cells(rules[index].cells, cells) {
            return Some(index);
        }
        index += 1;
    }
    None
}

/// How each rule of `rules` is decided (positions past the table: alone,
/// that is not at all), worked out when the crate is compiled.
pub(crate) const fn joints(rules: &[Rule]) -> [Joint; MAX_RULES] {
    let mut joints = [Joint::Alone; MAX_RULES];
    let mut index = 0;
    while index < rules.len() && index < MAX_RULES {
        if let Check::Ratio(_) = rules[index].check {
            let cells = rules[index].cells;
            let derivable = twin_of(rules, cells, Family::Derivable);
            let full = twin_of(rules, cells, Family::Full);
            if let (Some(derivable), Some(full)) = (derivable, full) {
                joints[index] = Joint::Ratio { derivable, full };
                joints[derivable] = Joint::WithItsRatio;
                joints[full] = Joint::WithItsRatio;
            }
        }
        if let Check::Bound(_) = rules[index].check {
            joints[index] = Joint::InBounds;
        }
        index += 1;
    }
    joints
}

/// A `bound` rule as the loop over a table's bounds reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BoundAt {
    /// Its position in the table.
    position: usize,
    /// Its cell's slot in the snapshot.
    slot: usize,
    min: Option<i64>,
    max: Option<i64>,
}

/// How many `bound` rules of `rules` a plan holds (those at the positions
/// below [`MAX_RULES`]).
pub(crate) const fn bound_count(rules: &[Rule]) -> usize {
    let (mut count, mut index) = (0, 0);
    while index < rules.len() && index < MAX_RULES {
        if let Check::Bound(_) = rules[index].check {
            count += 1;
        }
        index += 1;
    }
    count
}

/// The `bound` rules of `rules` that a plan holds, in table order (`N`
/// is their [`bound_count`]).
pub(crate) const fn bounds<const N: usize>(rules: &[Rule]) -> [BoundAt; N] {
    let mut bounds = [BoundAt {
        position: 0,
        slot: 0,
        min: None,
        max: None,
    }; N];
    let (mut count, mut index) = (0, 0);
    while index < rules.len() && index < MAX_RULES && count < N {
        if let Check::Bound(bound) = rules[index].check {
            bounds[count] = BoundAt {
                position: index,
                slot: bound.cell.index(),
                min: bound.min,
                max: bound.max,
            };
            count += 1;
        }
        index += 1;
    }
    bounds
}

/// Every `bound` of a table decided, in a loop over their table: one copy
/// of the code for them all, where unrolled each was one, as `Bound`'s
/// `decide` decides it.
#[inline(never)]
pub(crate) fn decide_bounds(bounds: &[BoundAt], slots: &[Slot], decisions: &mut Decisions) {
    for bound in bounds {
        let slot = slots.get(bound.slot).copied().unwrap_or(Slot::WIDE);
        let fast = match held_all([slot]) {
            Ok([value]) => super::bound::decide_held(value, bound.min, bound.max),
            Err(fast) => fast,
        };
        decisions.record(bound.position, fast);
    }
}

/// A ratio and its `derivable` and `full` twins decided on the slots of
/// their three cells, as their families' `decide` decide them: one copy for
/// every ratio of the table, out of line.
#[inline(never)]
pub(crate) fn decide_twins(rate: Slot, num: Slot, den: Slot) -> [Fast; 3] {
    let (ratio, full) = match held_all([rate, num, den]) {
        Ok([rate, num, den]) => (
            ratio::decide_held(rate, num, den),
            full::decide_held(rate, num, den),
        ),
        Err(fast) => (fast, fast),
    };
    [ratio, derivable::decide_slots(rate, num, den), full]
}

/// Rule `I` of `rules` decided, if there is one, as `joints` says: inlined
/// with `rules` and `joints` constant tables, the rule is a constant and so
/// are its cells. (Not inlined in unoptimized builds, where the plan's one
/// function would need a stack frame for every rule's variables.)
#[cfg_attr(not(debug_assertions), inline(always))]
#[cfg_attr(debug_assertions, inline(never))]
pub(crate) fn decide_at<const I: usize>(
    rules: &'static [Rule],
    joints: &[Joint; MAX_RULES],
    slots: &[Slot],
    decisions: &mut Decisions,
) {
    let Some(rule) = rules.get(I) else {
        return;
    };
    match (joints.get(I), &rule.check) {
        (Some(Joint::WithItsRatio | Joint::InBounds), _) => {}
        (Some(&Joint::Ratio { derivable, full }), Check::Ratio(ratio)) => {
            let [ratio_decision, derivable_decision, full_decision] = decide_twins(
                slot_of(slots, ratio.rate),
                slot_of(slots, ratio.numerator),
                slot_of(slots, ratio.denominator),
            );
            decisions.record(I, ratio_decision);
            decisions.record(derivable, derivable_decision);
            decisions.record(full, full_decision);
        }
        _ => decisions.record(I, rule.check.decide(slots)),
    }
}

/// Writes `fn $name(&[Slot]) -> Decisions`, the clean path of the rule
/// table `$rules` (a `static` or `const` array of at most [`MAX_RULES`]
/// rules) on snapshots of `$len` slots, every rule decided with its data as
/// constants. A snapshot of another length gets every rule undecided.
macro_rules! compiled_plan {
    ($(#[$doc:meta])* $vis:vis fn $name:ident for $rules:path, slots $len:expr) => {
        $(#[$doc])*
        $vis fn $name(slots: &[$crate::check::plan::SlotOf]) -> $crate::check::plan::Decisions {
            const JOINTS: [$crate::check::plan::Joint; $crate::check::plan::MAX_RULES] =
                $crate::check::plan::joints(&$rules);
            const BOUNDS: [$crate::check::plan::BoundAt; $crate::check::plan::bound_count(&$rules)] =
                $crate::check::plan::bounds(&$rules);
            const _: () = assert!(
                $rules.len() <= $crate::check::plan::MAX_RULES,
                "a compiled plan holds at most MAX_RULES rules",
            );
            // A slice of known length: the cells' offsets need no bounds checks.
            let Ok(slots) = <&[$crate::check::plan::SlotOf; $len]>::try_from(slots) else {
                return $crate::check::plan::Decisions::UNDECIDED;
            };
            let slots: &[$crate::check::plan::SlotOf] = slots;
            let mut decisions = $crate::check::plan::Decisions::PASSED;
            $crate::check::plan::compiled_plan!(@words $rules, JOINTS, slots, decisions;
                0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);
            $crate::check::plan::decide_bounds(&BOUNDS, slots, &mut decisions);
            decisions
        }
    };
    (@words $rules:path, $joints:ident, $slots:ident, $decisions:ident; $($high:literal)*) => {
        $(
            $crate::check::plan::compiled_plan!(@rules $rules, $joints, $slots, $decisions, $high;
                0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);
        )*
    };
    (@rules $rules:path, $joints:ident, $slots:ident, $decisions:ident, $high:literal; $($low:literal)*) => {
        $(
            $crate::check::plan::decide_at::<{ 16 * $high + $low }>(
                &$rules, &$joints, $slots, &mut $decisions,
            );
        )*
    };
}

pub(crate) use compiled_plan;

/// The slot type, for the macro's paths.
pub(crate) type SlotOf = Slot;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::RULES;
    use crate::bnv581::Report;
    use crate::bnv581::clean_path;
    use crate::check::RuleId;
    use crate::meta::ReportMeta;
    use crate::samples;

    fn position(id: &str) -> usize {
        RuleId::find(id).expect("a rule of 581").index()
    }

    #[test]
    fn the_compiled_plan_decides_as_the_dispatch_does() {
        let sample = samples::bac_giang_2023_q3();
        let blank = Report::new(ReportMeta::default());
        for report in [&sample, &blank] {
            let snapshot = report.snapshot();
            let slots = snapshot.slots();
            assert_eq!(clean_path(slots), each_rule(&RULES, slots));
        }
        let snapshot = sample.snapshot();
        let decisions = clean_path(snapshot.slots());
        // 1.486 + 255 + 155 = 1.896, not 1.902: left to the exact evaluator.
        assert_eq!(decisions.get(position("sum:3/1.4")), Fast::Undecided);
        // 100 × 53.726 / 54.106 = 99,2977…, printed 99,3: passed.
        assert_eq!(decisions.get(position("ratio:3/3.1")), Fast::Pass);
        // Form 1 row 2 is blank while its numerator and denominator are
        // reported: a derivable blank, for the exact evaluator to note.
        assert_eq!(decisions.get(position("derivable:1/2")), Fast::Undecided);
        // A blank report: every ratio skipped.
        let blank = Report::new(ReportMeta::default()).snapshot();
        assert_eq!(
            clean_path(blank.slots()).get(position("ratio:3/3.1")),
            Fast::Skip
        );
        // A snapshot of another length is not this plan's: all undecided.
        assert_eq!(clean_path(&snapshot.slots()[1..]), Decisions::UNDECIDED);
    }

    #[test]
    fn a_ratio_is_decided_with_its_derivable_and_full_twins() {
        let of_581 = joints(&RULES);
        let (mut twins, mut in_bounds) = (0, 0);
        for (index, rule) in RULES.iter().enumerate() {
            match (of_581[index], rule.check) {
                (Joint::Ratio { derivable, full }, Check::Ratio(_)) => {
                    // The twins read the ratio's rate, numerator and
                    // denominator, and are decided with it.
                    for (twin, family) in [(derivable, Family::Derivable), (full, Family::Full)] {
                        assert_eq!(RULES[twin].family, family, "{}", rule.id);
                        assert_eq!(RULES[twin].cells, rule.cells, "{}", rule.id);
                        assert_eq!(of_581[twin], Joint::WithItsRatio, "{}", rule.id);
                    }
                    twins += 2;
                }
                (Joint::WithItsRatio, Check::Derivable(_) | Check::Full(_)) => {}
                (Joint::InBounds, Check::Bound(_)) => in_bounds += 1,
                (Joint::Alone, check) => assert!(
                    !matches!(
                        check,
                        Check::Ratio(_) | Check::Derivable(_) | Check::Full(_) | Check::Bound(_)
                    ),
                    "{} is decided alone",
                    rule.id
                ),
                (joint, _) => panic!("{}: {joint:?}", rule.id),
            }
        }
        // 14 ratios, each with its two twins; 36 bounds, in their loop.
        assert_eq!(twins, 28);
        assert_eq!(in_bounds, 36);
        assert!(
            of_581[RULES.len()..]
                .iter()
                .all(|&joint| joint == Joint::Alone)
        );
        // A table without full twins: no ratio joined.
        let without_full: Vec<Rule> = RULES
            .iter()
            .filter(|rule| rule.family != Family::Full)
            .copied()
            .collect();
        assert!(
            joints(&without_full)
                .iter()
                .all(|&joint| matches!(joint, Joint::Alone | Joint::InBounds))
        );
    }

    #[test]
    fn the_bounds_are_decided_in_a_loop_as_each_alone() {
        // 581 has 36 bounds, each in the loop's table with its cell and
        // limits (`1/2` in [0, 100], `6/1` at least 0).
        const BOUNDS_581: [BoundAt; 36] = bounds(&RULES);
        assert_eq!(bound_count(&RULES), 36);
        let mut positions = Vec::new();
        for entry in BOUNDS_581 {
            let Check::Bound(bound) = RULES[entry.position].check else {
                panic!("{} is not a bound", RULES[entry.position].id);
            };
            assert_eq!(
                (entry.slot, entry.min, entry.max),
                (bound.cell.index(), bound.min, bound.max)
            );
            positions.push(entry.position);
        }
        let in_table: Vec<usize> = (0..RULES.len())
            .filter(|&index| RULES[index].family == Family::Bound)
            .collect();
        assert_eq!(positions, in_table);
        let first = BOUNDS_581[0];
        assert_eq!((first.min, first.max), (Some(0), Some(100)));
        assert_eq!(RULES[first.position].id, "bound:1/2:0..100");
        // Decided as each bound's `decide` on the sample, a blank report,
        // the consistent sample, and the sample with 3/3.1 at 100,5 (above
        // 100) and 6/1 at -1 (below 0).
        let mut broken = samples::bac_giang_2023_q3();
        broken
            .set_cell(
                crate::catalogue::CellId::of(3, "3.1"),
                Some(crate::unit::Printed {
                    mantissa: 1005,
                    decimals: 1,
                }),
            )
            .expect("a percentage");
        broken
            .set_cell(
                crate::catalogue::CellId::of(6, "1"),
                Some(crate::unit::Printed {
                    mantissa: -1,
                    decimals: 0,
                }),
            )
            .expect("a percentage");
        let reports = [
            samples::bac_giang_2023_q3(),
            Report::new(ReportMeta::default()),
            samples::bac_giang_2023_q3_consistent(),
            broken,
        ];
        let mut undecided = 0;
        for report in &reports {
            let snapshot = report.snapshot();
            let slots = snapshot.slots();
            let mut decisions = Decisions::PASSED;
            decide_bounds(&BOUNDS_581, slots, &mut decisions);
            for entry in BOUNDS_581 {
                let alone = RULES[entry.position].check.decide(slots);
                assert_eq!(
                    decisions.get(entry.position),
                    alone,
                    "{}",
                    RULES[entry.position].id
                );
                undecided += usize::from(alone == Fast::Undecided);
            }
        }
        // The two broken bounds are left to the exact evaluator.
        assert_eq!(undecided, 2);
        // A bound past the 256 positions of a plan is not in its table.
        let filler = RULES[position("sum:3/1.4")];
        let mut long = vec![filler; MAX_RULES];
        long.push(RULES[BOUNDS_581[0].position]);
        assert_eq!(bound_count(&long), 0);
        assert!(joints(&long).iter().all(|&joint| joint == Joint::Alone));
        long.swap(0, MAX_RULES);
        assert_eq!(bound_count(&long), 1);
        assert_eq!(bounds::<1>(&long)[0].position, 0);
        assert_eq!(joints(&long)[0], Joint::InBounds);
        // A table is read to its end and no further: asked for more
        // bounds than it has, the rest of the table is left as it starts
        // (position 0, no limits); asked for fewer, the first ones.
        let unset = BoundAt {
            position: 0,
            slot: 0,
            min: None,
            max: None,
        };
        let short = [filler, RULES[BOUNDS_581[0].position], filler];
        let [first, rest] = bounds::<2>(&short);
        assert_eq!((first.position, first.max), (1, Some(100)));
        assert_eq!(rest, unset);
        let two = [RULES[BOUNDS_581[0].position], RULES[BOUNDS_581[1].position]];
        assert_eq!(bounds::<1>(&two)[0].position, 0);
        assert_eq!(bounds::<2>(&two)[1].position, 1);
        // Past the 256 positions of a plan, a bound is not read.
        let mut past = vec![filler; MAX_RULES];
        past.push(RULES[BOUNDS_581[0].position]);
        assert_eq!(bounds::<1>(&past)[0], unset);
    }

    #[test]
    fn twins_are_sought_only_where_a_plan_holds_rules() {
        // A table of 257 rules: ratio 1/2 first, its full twin next, other
        // rules, and its derivable twin at position 256, past the 256 a
        // plan holds. The ratio is then decided alone, and so are its twins.
        let find = |id: &str| RULES[position(id)];
        let filler = find("sum:3/1.4");
        let mut long = vec![find("ratio:1/2"), find("full:1/2")];
        long.resize(MAX_RULES, filler);
        long.push(find("derivable:1/2"));
        assert_eq!(long.len(), MAX_RULES + 1);
        let of_long = joints(&long);
        assert!(of_long.iter().all(|&joint| joint == Joint::Alone));
        // With the derivable twin at 255 instead, the three are joined.
        long.swap(MAX_RULES - 1, MAX_RULES);
        assert_eq!(
            joints(&long)[0],
            Joint::Ratio {
                derivable: MAX_RULES - 1,
                full: 1
            }
        );
        // A ratio at position 256 is past the plan: not joined, and its
        // twins (at 1 and 2) are decided alone.
        let mut past = vec![filler, find("full:1/2"), find("derivable:1/2")];
        past.resize(MAX_RULES, filler);
        past.push(find("ratio:1/2"));
        assert!(joints(&past).iter().all(|&joint| joint == Joint::Alone));
    }

    #[test]
    fn twins_are_decided_together_as_each_alone() {
        // 3/3.1 = 99,3 from 53.726 / 54.106: the ratio passes; the rate is
        // reported, so nothing to derive (skipped); not 100, so full passes.
        let sample = samples::bac_giang_2023_q3();
        let snapshot = sample.snapshot();
        let slots = snapshot.slots();
        let decide = |id: &str| {
            let Check::Ratio(ratio) = RULES[position(id)].check else {
                panic!("{id} is a ratio");
            };
            decide_twins(
                slot_of(slots, ratio.rate),
                slot_of(slots, ratio.numerator),
                slot_of(slots, ratio.denominator),
            )
        };
        assert_eq!(decide("ratio:3/3.1"), [Fast::Pass, Fast::Skip, Fast::Pass]);
        // Form 1 row 2 is blank, 40 / 56 reported: the ratio and full are
        // skipped, the rate can be derived (a note: undecided).
        assert_eq!(
            decide("ratio:1/2"),
            [Fast::Skip, Fast::Undecided, Fast::Skip]
        );
        // And each as its family's `decide` has it.
        for (index, rule) in RULES.iter().enumerate() {
            if let Check::Ratio(ratio) = rule.check {
                let Joint::Ratio { derivable, full } = joints(&RULES)[index] else {
                    panic!("{} has twins", rule.id);
                };
                let together = decide_twins(
                    slot_of(slots, ratio.rate),
                    slot_of(slots, ratio.numerator),
                    slot_of(slots, ratio.denominator),
                );
                let alone = [index, derivable, full].map(|at| RULES[at].check.decide(slots));
                assert_eq!(together, alone, "{}", rule.id);
            }
        }
    }

    #[test]
    fn decisions_keep_two_bits_a_rule() {
        let mut decisions = Decisions::PASSED;
        decisions.record(0, Fast::Undecided);
        decisions.record(63, Fast::Skip);
        decisions.record(64, Fast::Undecided);
        decisions.record(200, Fast::Pass);
        decisions.record(255, Fast::Undecided);
        assert_eq!(decisions.get(0), Fast::Undecided);
        assert_eq!(decisions.get(1), Fast::Pass);
        assert_eq!(decisions.get(63), Fast::Skip);
        assert_eq!(decisions.get(64), Fast::Undecided);
        assert_eq!(decisions.get(200), Fast::Pass);
        assert_eq!(decisions.get(256), Fast::Undecided);
        assert_eq!(decisions.undecided(256).collect::<Vec<_>>(), [0, 64, 255]);
        // Only below the count asked for (a table of 65 rules, of 250).
        assert_eq!(decisions.undecided(65).collect::<Vec<_>>(), [0, 64]);
        assert_eq!(decisions.undecided(64).collect::<Vec<_>>(), [0]);
        // A table shorter than eight rules (as the trial template's could
        // be): its undecided ones still, and none past it.
        assert_eq!(decisions.undecided(3).collect::<Vec<_>>(), [0]);
        assert_eq!(
            Decisions::UNDECIDED.undecided(3).collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert_eq!(decisions.undecided(0).count(), 0);
        assert_eq!(Decisions::UNDECIDED.undecided(MAX_RULES).count(), MAX_RULES);
        assert_eq!(Decisions::UNDECIDED.undecided(153).count(), 153);
        assert_eq!(Decisions::UNDECIDED.undecided(300).count(), MAX_RULES);
        assert_eq!(Decisions::PASSED.undecided(MAX_RULES).count(), 0);
    }
}
