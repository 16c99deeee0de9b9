//! `reference`: a count of bodies at most the body's own number of them,
//! when the caller gives it (departments checked ≤ departments; district
//! People's Committees checked ≤ districts). Without the reference count
//! the rule is not evaluated.

use std::fmt;

use super::rules::{Notes, split};
use super::snapshot::{Slot, read, read_reference};
use super::words::{CellName, FormShown, Number, Prefix, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::reference::ReferenceCount;
use crate::unit::Printed;

/// A count of bodies that cannot exceed a reference count.
///
/// # Example
/// ```
/// use cchc_forms::check::{Check, WithinReference};
/// use cchc_forms::bnv581::RULES;
/// use cchc_forms::{catalogue::CellId, ReferenceCount};
///
/// let rule = RULES.iter().find(|rule| rule.id == "reference:1/3.1<=departments").unwrap();
/// assert_eq!(rule.check, Check::WithinReference(WithinReference { cell: CellId::of(1, "3.1"), of: ReferenceCount::Departments }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct WithinReference {
    /// The count (`1/3.1`, departments checked).
    pub cell: CellId,
    /// The reference count bounding it.
    pub of: ReferenceCount,
}

impl RuleFamily for WithinReference {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let (Some(value), Some(limit)) = (values.get(0), values.reference.get(self.of)) else {
            return Outcome::NotEvaluated;
        };
        let limit = Printed::whole(i128::from(limit));
        // Counts are whole: compared at the finer scale of the two.
        let scale = value.decimals;
        let Some(limit_mantissa) =
            super::interval::pow10(scale).and_then(|f| limit.mantissa.checked_mul(f))
        else {
            return Outcome::NotEvaluated;
        };
        if value.mantissa <= limit_mantissa {
            return Outcome::Passed;
        }
        let read = values.with(1, limit);
        let severity = rule.rule().severity;
        let finding = fire(findings, rule, severity, Phrase::Violated, &read);
        finding.reported = Some(value.to_decimal());
        finding.computed = Some(limit.to_decimal());
        finding.imbalance = value.to_decimal().checked_sub(limit.to_decimal());
        fired(finding)
    }

    /// A blank count, or a reference count not given, is not evaluated;
    /// the rest goes to the exact evaluator.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        match (read(snapshot, self.cell), read_reference(snapshot, self.of)) {
            (Ok(None), Ok(_)) | (Ok(_), Ok(None)) => Fast::Skip,
            _ => Fast::Undecided,
        }
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let prefix = Prefix(Some(self.cell.indicator().form), language);
        let cell = CellName(self.cell, FormShown::Omitted, language);
        match language {
            Language::English => message! { out;
                prefix, cell, " ≤ the number of ", self.of.name_en(), " (when given).",
            },
            Language::Vietnamese => message! { out;
                prefix, cell, " ≤ ", self.of.name_vi(), " (khi được cung cấp).",
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
        let prefix = Prefix(Some(self.cell.indicator().form), language);
        let cell = CellName(self.cell, FormShown::Omitted, language);
        let (value, limit) = (
            Number(wording.at(0), language),
            Number(wording.at(1), language),
        );
        match language {
            Language::English => message! { out;
                prefix, cell, " = ", value, " exceeds the number of ", self.of.name_en(), ", ", limit, ". ", note,
            },
            Language::Vietnamese => message! { out;
                prefix, cell, " = ", value, " vượt quá ", self.of.name_vi(), " (", limit, "). ", note,
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::WithinReference {
            cell: self.cell,
            of: self.of,
        }
    }
}

impl WithinReference {
    /// The rule of `cells`, `[count]`, at most the reference count `of`.
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
        of: ReferenceCount,
    ) -> Rule {
        let (cell, _) = split(cells);
        let check = Check::WithinReference(WithinReference { cell, of });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a rule over a reference count.
#[cfg(feature = "proptest")]
mod strategy {
    use super::WithinReference;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, first_outside,
    };
    use crate::reference::ReferenceCount;
    use crate::unit::Printed;

    impl Generates for WithinReference {
        fn holds(&self) -> Holds {
            Holds::Settled
        }

        /// A count above its reference count is blanked.
        fn hold(
            &self,
            _rule: &Rule,
            _index: usize,
            making: &mut Making<'_>,
        ) -> Option<Vec<CellId>> {
            if let (Some(value), Some(limit)) =
                (making.value(self.cell), making.reference.get(self.of))
            {
                if value.mantissa > i128::from(limit) {
                    making.set(self.cell, None);
                }
            }
            None
        }

        /// A reference count, and a count above it.
        fn break_rule(
            &self,
            _rule: &Rule,
            _index: usize,
            _ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let limit = violation.cell(1).magnitude % 1_000_000;
            let limit = u32::try_from(limit).unwrap_or(0);
            let over = i128::from(limit) + 1 + violation.margin(1000);
            Some(Broken {
                cells: vec![Some(Printed::whole(over))],
                reference: Some((self.of, i128::from(limit))),
            })
        }

        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(rule.cells, mine)
        }

        fn reference(&self) -> Option<ReferenceCount> {
            Some(self.of)
        }
    }
}
