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
//! The decisions are two bits per rule ([`Decisions`]), so that the rule
//! loop of [`super::run`] only visits the rules left undecided.

use super::snapshot::Slot;
use super::{Fast, Rule};

/// The most rules a plan holds: four 64-bit words of decisions.
pub(crate) const MAX_RULES: usize = 256;

/// What the clean path made of every rule of a table, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decisions {
    /// Bit `i` set: rule `i` is left to the exact evaluator.
    undecided: [u64; MAX_RULES / 64],
    /// Bit `i` set: rule `i` is skipped (a cell it needs is blank).
    skipped: [u64; MAX_RULES / 64],
}

impl Decisions {
    /// Every rule passed: what a plan starts from.
    pub(crate) const PASSED: Decisions = Decisions {
        undecided: [0; MAX_RULES / 64],
        skipped: [0; MAX_RULES / 64],
    };

    /// Every rule left to the exact evaluator.
    pub(crate) const UNDECIDED: Decisions = Decisions {
        undecided: [u64::MAX; MAX_RULES / 64],
        skipped: [0; MAX_RULES / 64],
    };

    /// Records the decision of rule `index` (below [`MAX_RULES`]).
    #[inline(always)]
    pub(crate) fn record(&mut self, index: usize, fast: Fast) {
        let (word, bit) = (index / 64 % (MAX_RULES / 64), index % 64);
        self.undecided[word] |= u64::from(fast == Fast::Undecided) << bit;
        self.skipped[word] |= u64::from(fast == Fast::Skip) << bit;
    }

    /// The decision of rule `index`; undecided past [`MAX_RULES`].
    pub(crate) fn get(&self, index: usize) -> Fast {
        let (word, bit) = (index / 64, index % 64);
        match (self.undecided.get(word), self.skipped.get(word)) {
            (Some(undecided), _) if undecided >> bit & 1 == 1 => Fast::Undecided,
            (_, Some(skipped)) if skipped >> bit & 1 == 1 => Fast::Skip,
            (Some(_), Some(_)) => Fast::Pass,
            _ => Fast::Undecided,
        }
    }

    /// The positions of the rules left undecided, in order.
    pub(crate) fn undecided(&self) -> impl Iterator<Item = usize> + '_ {
        self.undecided
            .iter()
            .enumerate()
            .flat_map(|(word, &bits)| Ones(bits).map(move |bit| word * 64 + bit))
    }
}

/// The set bits of a word, lowest first.
struct Ones(u64);

impl Iterator for Ones {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.0 == 0 {
            return None;
        }
        let bit = self.0.trailing_zeros() as usize;
        self.0 &= self.0 - 1;
        Some(bit)
    }
}

/// A template's clean path: every rule decided on the snapshot.
pub(crate) type Plan = fn(&[Slot]) -> Decisions;

/// Every rule of `rules` decided by dispatch at run time: the clean path of
/// a template without a compiled plan (and what a compiled plan must agree
/// with). Rules past [`MAX_RULES`] are left undecided.
pub(crate) fn each_rule(rules: &[Rule], slots: &[Slot]) -> Decisions {
    let mut decisions = Decisions::PASSED;
    for (index, rule) in rules.iter().enumerate().take(MAX_RULES) {
        decisions.record(index, rule.check.decide(slots));
    }
    decisions
}

/// Rule `I` of `rules` decided, if there is one: inlined with `rules` a
/// constant table, the rule is a constant and so are its cells. (Not
/// inlined in unoptimized builds, where the plan's one function would need
/// a stack frame for every rule's variables.)
#[cfg_attr(not(debug_assertions), inline(always))]
#[cfg_attr(debug_assertions, inline(never))]
pub(crate) fn decide_at<const I: usize>(
    rules: &'static [Rule],
    slots: &[Slot],
    decisions: &mut Decisions,
) {
    if let Some(rule) = rules.get(I) {
        decisions.record(I, rule.check.decide(slots));
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
            $crate::check::plan::compiled_plan!(@words $rules, slots, decisions;
                0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);
            decisions
        }
    };
    (@words $rules:path, $slots:ident, $decisions:ident; $($high:literal)*) => {
        $(
            $crate::check::plan::compiled_plan!(@rules $rules, $slots, $decisions, $high;
                0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);
        )*
    };
    (@rules $rules:path, $slots:ident, $decisions:ident, $high:literal; $($low:literal)*) => {
        $(
            $crate::check::plan::decide_at::<{ 16 * $high + $low }>(&$rules, $slots, &mut $decisions);
        )*
    };
}

pub(crate) use compiled_plan;

/// The slot type, for the macro's paths.
pub(crate) type SlotOf = Slot;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::rules::clean_path;
    use crate::check::{RULES, RuleId};
    use crate::report::{Report, ReportMeta};
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
        assert_eq!(decisions.undecided().collect::<Vec<_>>(), [0, 64, 255]);
        assert_eq!(Decisions::UNDECIDED.undecided().count(), MAX_RULES);
        assert_eq!(Decisions::PASSED.undecided().count(), 0);
    }
}
