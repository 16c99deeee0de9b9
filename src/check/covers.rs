//! `covers`: a count of things at most the sum of counts that each of them
//! adds at least one to (a service that had dossiers has at least one dossier
//! among the dossiers of fully or partly online services: `7/6.2.1 ≤ 6.3.1 +
//! 6.4.1`). Checked when every row is reported: a blank cover could be large.

use std::fmt;

use super::interval::Reading;
use super::ratio::span;
use super::snapshot::{Slot, read};
use super::words::{Names, Number, Prefix, TermList, Terms, TermsText, Total, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired, is_exact};
use crate::catalogue::CellId;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};

use super::interval::Span;
use super::rules::{Notes, split};
use super::{Check, Rule};
use crate::finding::Severity;

/// A count at most the sum of the counts covering it.
///
/// # Example
/// ```
/// use cchc_forms::check::{Check, Covers};
/// use cchc_forms::bnv581::RULES;
/// use cchc_forms::catalogue::CellId;
///
/// let rule = RULES.iter().find(|rule| rule.id == "covers:7/6.2.1<=7/6.3.1+7/6.4.1").unwrap();
/// let Check::Covers(Covers { cell, covering }) = rule.check else { panic!() };
/// assert_eq!(cell, CellId::of(7, "6.2.1"));
/// assert_eq!(covering, [CellId::of(7, "6.3.1"), CellId::of(7, "6.4.1")]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Covers {
    /// The count covered (`7/6.2.1`, services that had dossiers).
    pub cell: CellId,
    /// The counts covering it (`7/6.3.1`, `7/6.4.1`, their dossiers).
    pub covering: &'static [CellId],
}

impl RuleFamily for Covers {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let Some(cell) = values.get(0) else {
            return Outcome::NotEvaluated;
        };
        let mut spans = [None; 8];
        for (index, (&id, slot)) in self.covering.iter().zip(&mut spans).enumerate() {
            let Some(value) = values.get(index + 1) else {
                return Outcome::NotEvaluated;
            };
            *slot = span(id, value, Reading::Nearest);
            if slot.is_none() {
                return Outcome::NotEvaluated;
            }
        }
        let (Some(cell_span), Some(sum)) = (
            span(self.cell, cell, Reading::Nearest),
            Span::sum(spans.iter().take(self.covering.len()).flatten().copied()),
        ) else {
            return Outcome::NotEvaluated;
        };
        match cell_span.can_be_at_most(sum) {
            Some(true) => Outcome::Passed,
            None => Outcome::NotEvaluated,
            Some(false) => {
                let severity = rule.rule().severity;
                let finding = fire(findings, rule, severity, Phrase::Violated, values);
                let exact = sum.lo == sum.hi;
                let computed = if exact { sum.low() } else { None };
                finding.reported = Some(cell.to_decimal());
                finding.computed = computed;
                finding.computed_interval = if exact { None } else { sum.to_interval() };
                finding.reported_interval = if is_exact(self.cell) {
                    None
                } else {
                    Span::of(cell, Reading::Nearest).and_then(Span::to_interval)
                };
                finding.imbalance = computed.and_then(|c| cell.to_decimal().checked_sub(c));
                fired(finding)
            }
        }
    }

    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        let cell = match read(snapshot, self.cell) {
            Ok(Some(cell)) => cell,
            Ok(None) => return Fast::Skip,
            Err(undecided) => return undecided,
        };
        let mut hi = 0_i64;
        for &id in self.covering {
            match read(snapshot, id) {
                Ok(Some(part)) => match hi.checked_add(part.at_scale().1) {
                    Some(sum) => hi = sum,
                    None => return Fast::Undecided,
                },
                Ok(None) => return Fast::Skip,
                Err(undecided) => return undecided,
            }
        }
        if cell.at_scale().0 <= hi {
            Fast::Pass
        } else {
            Fast::Undecided
        }
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        message! { out;
            Prefix(Some(self.cell.indicator().form), language),
            Names(&[self.cell], "", false, language), " ≤ ",
            Names(self.covering, " + ", false, language), ".",
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
        let name = Names(std::slice::from_ref(&self.cell), "", false, language);
        let value = Number(wording.at(0), language);
        let terms = Terms {
            ids: self.covering,
            wording,
            across: false,
            language,
        };
        let (names, figures) = (
            TermsText(terms, TermList::Names),
            TermsText(terms, TermList::Figures),
        );
        let total = Total(finding.computed, finding.computed_interval, language);
        match language {
            Language::English => message! { out;
                prefix, name, " = ", value, " exceeds ", names, " = ", figures, " = ", total, ". ", note,
            },
            Language::Vietnamese => message! { out;
                prefix, name, " = ", value, " vượt quá ", names, " = ", figures, " = ", total, ". ", note,
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Covered {
            cell: self.cell,
            covering: self.covering,
        }
    }
}

impl Covers {
    /// The rule of `cells`, `[count covered, counts covering it…]`.
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (cell, covering) = split(cells);
        let check = Check::Covers(Covers { cell, covering });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a cover.
#[cfg(feature = "proptest")]
mod strategy {
    use super::Covers;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, head_or_rest,
    };
    use crate::unit::Printed;

    impl Generates for Covers {
        fn holds(&self) -> Holds {
            Holds::Settled
        }

        /// A count above the sum of its covering counts is blanked.
        fn hold(
            &self,
            _rule: &Rule,
            _index: usize,
            making: &mut Making<'_>,
        ) -> Option<Vec<CellId>> {
            let sum: Option<i128> = self
                .covering
                .iter()
                .map(|&id| making.value(id).map(|v| v.mantissa))
                .sum();
            if let (Some(value), Some(sum)) = (making.value(self.cell), sum) {
                if value.mantissa > sum {
                    making.set(self.cell, None);
                }
            }
            None
        }

        /// A count above the sum of the counts covering it (all reported).
        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            _ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let covering: Vec<i128> = (1..rule.cells.len())
                .map(|position| i128::from(violation.cell(position).magnitude) % 1_000_000_000)
                .collect();
            let sum: i128 = covering.iter().sum();
            let mut written = vec![Some(Printed::whole(sum + 1 + violation.margin(1000)))];
            written.extend(covering.into_iter().map(|c| Some(Printed::whole(c))));
            Some(Broken::cells(written))
        }

        /// A blank count silences the rule; failing that, the counts
        /// covering it are blanked.
        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            head_or_rest(rule, mine)
        }
    }
}
