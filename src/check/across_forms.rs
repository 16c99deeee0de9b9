//! `across_forms`: the same population counted in two forms, or a row of
//! one form bounding another's (warnings: the forms are filled by different
//! offices at different dates).

use std::fmt;

use rust_decimal::Decimal;

use super::interval::Reading;
use super::ratio::span;
use super::rules::{Notes, split, three};
use super::snapshot::{Slot, read_all};
use super::sum::{decide_total, evaluate_total, exact_whole, write_total};
use super::words::{Capital, CellName, FormShown, Labelled, Names, Number, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};

/// Two forms' rows that must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(tag = "shape", rename_all = "snake_case")]
pub enum AcrossForms {
    /// Parts in one form are at most a whole in another (`5/1.2 ≤ 4/1.5`).
    PartOf {
        /// The whole.
        whole: CellId,
        /// The parts.
        parts: &'static [CellId],
    },
    /// Two rows count the same thing (`4/1.5 = 6/2.1`).
    Same {
        /// One row.
        left: CellId,
        /// The other.
        right: CellId,
    },
}

impl RuleFamily for AcrossForms {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        match *self {
            AcrossForms::PartOf { whole, parts } => evaluate_total(
                whole,
                parts,
                (rule.rule().severity, None),
                rule,
                values,
                findings,
            ),
            AcrossForms::Same {
                left: left_id,
                right: right_id,
            } => {
                let (Some(left), Some(right)) = (values.get(0), values.get(1)) else {
                    return Outcome::NotEvaluated;
                };
                // Two counts (nearly always): equal or not, and their
                // difference, in integers; else their spans overlap or not.
                let counts = exact_whole(left_id, left).zip(exact_whole(right_id, right));
                let holds = match counts {
                    Some((left, right)) => Some(left == right),
                    None => span(left_id, left, Reading::Nearest)
                        .zip(span(right_id, right, Reading::Nearest))
                        .and_then(|(l, r)| l.overlaps(r)),
                };
                match holds {
                    Some(true) => Outcome::Passed,
                    None => Outcome::NotEvaluated,
                    Some(false) => {
                        let severity = rule.rule().severity;
                        let finding = fire(findings, rule, severity, Phrase::Violated, values);
                        let (left, right) = (left.to_decimal(), right.to_decimal());
                        finding.reported = Some(left);
                        finding.computed = Some(right);
                        finding.imbalance = match counts {
                            Some((left, right)) => Some(Decimal::from(left - right)),
                            None => left.checked_sub(right),
                        };
                        fired(finding)
                    }
                }
            }
        }
    }

    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        match *self {
            AcrossForms::PartOf { whole, parts } => decide_total(whole, parts, false, snapshot),
            AcrossForms::Same { left, right } => {
                let [left, right] = match read_all(snapshot, [left, right]) {
                    Ok(cells) => cells,
                    Err(fast) => return fast,
                };
                let ((left_lo, left_hi), (right_lo, right_hi)) =
                    (left.at_scale(), right.at_scale());
                if left_lo <= right_hi && right_lo <= left_hi {
                    Fast::Pass
                } else {
                    Fast::Undecided
                }
            }
        }
    }

    fn blank(&self) -> super::Blank {
        match self {
            AcrossForms::PartOf { .. } => super::Blank::KnownParts,
            AcrossForms::Same { .. } => super::Blank::NotEvaluated,
        }
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        match *self {
            AcrossForms::PartOf { whole, parts } => message! { out;
                Names(parts, " + ", true, language), " ≤ ", CellName(whole, FormShown::Named, language), ".",
            },
            AcrossForms::Same { left, right } => message! { out;
                CellName(left, FormShown::Named, language), " = ", CellName(right, FormShown::Named, language), ".",
            },
        }
    }

    fn write_message(
        &self,
        finding: &Finding,
        wording: &Wording,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let note = finding.rule.rule().note(language);
        match *self {
            AcrossForms::PartOf { whole, parts } => {
                write_total(whole, parts, true, finding, wording, language, out)
            }
            AcrossForms::Same { left, right } => {
                let (left, right) = (
                    CellName(left, FormShown::Named, language),
                    CellName(right, FormShown::Named, language),
                );
                let (l, r) = (
                    Number(wording.at(0), language),
                    Number(wording.at(1), language),
                );
                match language {
                    Language::English => message! { out;
                        Capital(left), " = ", l, " but ", right, " = ", r,
                        ", and they count the same thing",
                        Labelled(" (difference ", finding.imbalance, ")", language), ": ", note,
                    },
                    Language::Vietnamese => message! { out;
                        Capital(left), " = ", l, " nhưng ", right, " = ", r,
                        ", trong khi cùng đếm một đối tượng",
                        Labelled(" (chênh lệch ", finding.imbalance, ")", language), ": ", note,
                    },
                }
            }
        }
    }

    fn constraint(&self) -> Constraint {
        match *self {
            AcrossForms::PartOf { whole, parts } => Constraint::Total {
                total: whole,
                parts,
                exhaustive: false,
            },
            AcrossForms::Same { left, right } => Constraint::Equal { left, right },
        }
    }
}

impl AcrossForms {
    /// The rule of `cells`, `[whole, parts…]`: parts on one form at most
    /// a whole on another.
    pub(crate) const fn part_of(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (whole, parts) = split(cells);
        let check = Check::AcrossForms(AcrossForms::PartOf { whole, parts });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }

    /// The rule of `cells`, `[left, right]`: the same quantity on two forms.
    pub(crate) const fn same(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (left, right, _) = three(cells);
        let check = Check::AcrossForms(AcrossForms::Same { left, right });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a rule across forms.
#[cfg(feature = "proptest")]
mod strategy {
    use super::AcrossForms;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, first_outside, head_or_rest,
    };
    use crate::check::is_exact;
    use crate::check::part_whole::strategy::break_part_whole;
    use crate::check::sum::strategy::split_total;
    use crate::unit::Printed;

    impl Generates for AcrossForms {
        fn holds(&self) -> Holds {
            Holds::Split
        }

        /// A part bound: the parts take a share of the whole; an
        /// equality: the other side is the same.
        fn hold(&self, rule: &Rule, _index: usize, making: &mut Making<'_>) -> Option<Vec<CellId>> {
            match self {
                AcrossForms::PartOf { .. } => split_total(rule, making, false),
                AcrossForms::Same { .. } => {
                    let (&whole_id, parts) = rule.cells.split_first()?;
                    let whole = making.value(whole_id)?;
                    let unset: Vec<CellId> = parts
                        .iter()
                        .copied()
                        .filter(|&id| making.value(id).is_none())
                        .collect();
                    for &id in &unset {
                        making.set(id, Some(whole));
                    }
                    if parts.iter().any(|&id| making.value(id) != Some(whole)) {
                        // Already set otherwise: give up the equality.
                        making.set(whole_id, None);
                    }
                    Some(unset)
                }
            }
        }

        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            match self {
                AcrossForms::PartOf { .. } => break_part_whole(ground, rule, violation),
                AcrossForms::Same { .. } => break_same(rule, violation),
            }
            .map(Broken::cells)
        }

        /// For a part bound, a blank whole (failing that, the other parts);
        /// for an equality, either side.
        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            match self {
                AcrossForms::PartOf { .. } => head_or_rest(rule, mine),
                AcrossForms::Same { .. } => first_outside(rule.cells, mine),
            }
        }
    }

    /// Two sides that differ by at least one (more when printed with
    /// limited precision).
    fn break_same(rule: &Rule, violation: &Violation) -> Option<Vec<Option<Printed>>> {
        let &[left_id, right_id] = rule.cells else {
            return None;
        };
        let left = i128::from(violation.cell(0).magnitude) % 1_000_000_000;
        let exact = is_exact(left_id) && is_exact(right_id);
        let off = 1 + violation.margin(1000) + if exact { 0 } else { 2 };
        let right = if violation.above || left < off {
            left + off
        } else {
            left - off
        };
        Some(vec![
            Some(Printed::whole(left)),
            Some(Printed::whole(right)),
        ])
    }
}
