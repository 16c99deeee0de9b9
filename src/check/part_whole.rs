//! `part_whole`: a part, or "of which" parts together, at most the whole
//! (on time ≤ resolved, online ≤ total, handled ≤ found). The arithmetic
//! is the sum family's, checked one way.

use std::fmt;

use super::snapshot::Slot;
use super::sum::{decide_total, evaluate_total, write_total};
use super::words::{Names, Prefix, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily};
use crate::catalogue::CellId;
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
