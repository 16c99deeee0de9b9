//! `part_whole`: a part, or "of which" parts together, at most the whole
//! (on time ≤ resolved, online ≤ total, handled ≤ found). The arithmetic
//! is the sum family's, checked one way.

use std::fmt;

use super::rules::{Notes, split};
use super::snapshot::Slot;
use super::sum::{decide_total, evaluate_total, write_total};
use super::words::{Names, Prefix, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, RuleId, Wording};

/// A whole and parts of it that together cannot exceed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PartWhole {
    /// The whole (`3/3.1.1`, dossiers resolved).
    pub whole: CellId,
    /// The parts (`3/3.1.2`, dossiers resolved on time).
    pub parts: &'static [CellId],
}

impl RuleFamily for PartWhole {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        evaluate_total(
            self.whole,
            self.parts,
            (rule.rule().severity, None),
            rule,
            values,
            findings,
        )
    }

    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        decide_total(self.whole, self.parts, false, snapshot)
    }

    fn blank(&self) -> super::Blank {
        super::Blank::KnownParts
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        message! { out;
            Prefix(Some(self.whole.indicator().form), language),
            Names(self.parts, " + ", false, language), " ≤ ",
            Names(&[self.whole], "", false, language), ".",
        }
    }

    fn write_message(
        &self,
        finding: &Finding,
        wording: &Wording,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        write_total(
            self.whole, self.parts, false, finding, wording, language, out,
        )
    }

    fn constraint(&self) -> Constraint {
        Constraint::Total {
            total: self.whole,
            parts: self.parts,
            exhaustive: false,
        }
    }
}

impl PartWhole {
    /// The rule of `cells`, `[whole, parts…]`.
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (whole, parts) = split(cells);
        let check = Check::PartWhole(PartWhole { whole, parts });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a part-whole rule (across forms too).
#[cfg(feature = "proptest")]
pub(crate) mod strategy {
    use super::PartWhole;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, decimals_of, head_or_rest, partition,
        pow10,
    };
    use crate::check::is_exact;
    use crate::check::sum::strategy::split_total;
    use crate::unit::Printed;

    impl Generates for PartWhole {
        fn holds(&self) -> Holds {
            Holds::Split
        }

        /// The parts take a share of the whole, from none to all.
        fn hold(&self, rule: &Rule, _index: usize, making: &mut Making<'_>) -> Option<Vec<CellId>> {
            split_total(rule, making, false)
        }

        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            break_part_whole(ground, rule, violation).map(Broken::cells)
        }

        /// A blank whole silences the rule; failing that, its other parts
        /// are blanked.
        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            head_or_rest(rule, mine)
        }
    }

    /// A whole and parts, all reported, that exceed it by at least one
    /// (more when printed with limited precision).
    pub(crate) fn break_part_whole(
        ground: &dyn Ground,
        rule: &Rule,
        violation: &Violation,
    ) -> Option<Vec<Option<Printed>>> {
        let (&whole_id, parts) = rule.cells.split_first()?;
        let whole_draw = violation.cell(0);
        let decimals = decimals_of(whole_id, whole_draw);
        let (lo, _) = ground.usual_range(whole_id)?;
        let whole_units = lo.max(0) + i128::from(whole_draw.magnitude) % 1_000_000_000;
        let whole = Printed {
            mantissa: whole_units * pow10(decimals) + i128::from(whole_draw.pick) % pow10(decimals),
            decimals,
        };
        let exact = rule.cells.iter().all(|&id| is_exact(id));
        let cells = i128::try_from(rule.cells.len()).unwrap_or(i128::MAX);
        // The whole is at most whole_units + 1.
        let total =
            whole_units + 1 + 1 + violation.margin(1000) + if exact { 0 } else { cells + 1 };
        let weights: Vec<u16> = (1..=parts.len())
            .map(|position| violation.cell(position).weight)
            .collect();
        let mut written = vec![Some(whole)];
        written.extend(
            partition(total, &weights)
                .into_iter()
                .map(|part| Some(Printed::whole(part))),
        );
        Some(written)
    }
}
