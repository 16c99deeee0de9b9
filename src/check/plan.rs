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
