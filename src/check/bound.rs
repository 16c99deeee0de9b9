//! `bound`: a value within what its meaning allows (a share in [0, 100], a
//! reduction since 2015 at most 100 %, an amount not negative), compared
//! digit for digit with the printed value.

use std::fmt;

use rust_decimal::Decimal;

use super::rules::{Notes, split};
use super::snapshot::{POW10, Slot, read_all};
use super::words::{Number, Range, Row, Whole, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::unit::ValueKind;

/// A cell and the whole numbers (in its unit) it must lie between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Bound {
    /// The bounded cell.
    pub cell: CellId,
    /// The least value allowed, if any.
    pub min: Option<i64>,
    /// The greatest value allowed, if any.
    pub max: Option<i64>,
}

/// [`Bound`]'s clean path once its cell is read, reported and fitting the
/// snapshot: the printed value within `[min, max]`, compared digit for
/// digit.
#[inline(always)]
pub(crate) fn decide_held(value: Slot, min: Option<i64>, max: Option<i64>) -> Fast {
    // A limit beyond 64 bits once scaled is left to the exact evaluator.
    let scale = POW10[usize::from(value.decimals)];
    let mantissa = i64::from(value.mantissa);
    let scaled = |limit: i64| limit.checked_mul(scale);
    let below = match min.map(scaled) {
        Some(Some(min)) => mantissa < min,
        Some(None) => return Fast::Undecided,
        None => false,
    };
    let above = match max.map(scaled) {
        Some(Some(max)) => mantissa > max,
        Some(None) => return Fast::Undecided,
        None => false,
    };
    if below || above {
        Fast::Undecided
    } else {
        Fast::Pass
    }
}

impl RuleFamily for Bound {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let Some(v) = values.get(0) else {
            return Outcome::NotEvaluated;
        };
        let Some(scale) = super::interval::pow10(v.decimals) else {
            return Outcome::NotEvaluated;
        };
        let limit = |limit: i64| i128::from(limit).checked_mul(scale);
        let below = match self.min {
            Some(min) => match limit(min) {
                Some(min) => v.mantissa < min,
                None => return Outcome::NotEvaluated,
            },
            None => false,
        };
        let above = match self.max {
            Some(max) => match limit(max) {
                Some(max) => v.mantissa > max,
                None => return Outcome::NotEvaluated,
            },
            None => false,
        };
        if !below && !above {
            return Outcome::Passed;
        }
        let limit = if below { self.min } else { self.max }.map(Decimal::from);
        let finding = fire(
            findings,
            rule,
            rule.rule().severity,
            Phrase::Violated,
            values,
        );
        finding.reported = Some(v.to_decimal());
        finding.imbalance = limit.and_then(|limit| v.to_decimal().checked_sub(limit));
        fired(finding)
    }

    /// The printed value within `[min, max]`, compared digit for digit.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        match read_all(snapshot, [self.cell]) {
            Ok([value]) => decide_held(value, self.min, self.max),
            Err(fast) => fast,
        }
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let form = self.cell.indicator().form;
        let name = self.cell.indicator().stt;
        let prefix = match language {
            Language::English => "Form ",
            Language::Vietnamese => "Biểu ",
        };
        match (self.min, self.max) {
            (Some(min), Some(max)) => message! { out;
                prefix, form, ": ", Whole(min, language), " ≤ ", name, " ≤ ", Whole(max, language), ".",
            },
            (Some(min), None) => {
                message! { out; prefix, form, ": ", name, " ≥ ", Whole(min, language), "." }
            }
            (None, Some(max)) => {
                message! { out; prefix, form, ": ", name, " ≤ ", Whole(max, language), "." }
            }
            (None, None) => message! { out; prefix, form, ": ", name, "." },
        }
    }

    fn write_message(
        &self,
        finding: &Finding,
        wording: &Wording,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let rule = finding.rule.rule();
        let unit = if matches!(self.cell.indicator().kind, ValueKind::Percent) {
            "%"
        } else {
            ""
        };
        let range = Range(self.min, self.max, language);
        let value = Number(wording.at(0), language);
        let row = Row(self.cell, language);
        let note = rule.note(language);
        match language {
            Language::English => message! { out;
                row, " = ", value, unit, " is outside ", range, unit, ": ", note,
            },
            Language::Vietnamese => message! { out;
                row, " = ", value, unit, " nằm ngoài ", range, unit, ": ", note,
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Bound {
            cell: self.cell,
            min: self.min,
            max: self.max,
        }
    }
}

impl Bound {
    /// The rule of `cells`, `[value]`, within `[min, max]` (`None`: no limit).
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
        min: Option<i64>,
        max: Option<i64>,
    ) -> Rule {
        let (cell, _) = split(cells);
        let check = Check::Bound(Bound { cell, min, max });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a bound.
#[cfg(feature = "proptest")]
mod strategy {
    use super::Bound;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Violation, decimals_of, first_outside, pow10,
    };
    use crate::unit::Printed;

    impl Generates for Bound {
        fn holds(&self) -> Holds {
            Holds::Drawn {
                min: self.min,
                max: self.max,
            }
        }

        /// A value past the bound by at least one unit, within every other
        /// bound on the cell.
        fn break_rule(
            &self,
            rule: &Rule,
            index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let &[id] = rule.cells else {
                return None;
            };
            let (lo, hi) = ground.range_except(id, index)?;
            let d = violation.cell(0);
            let decimals = decimals_of(id, d);
            let scale = pow10(decimals);
            let fraction = i128::from(d.pick) % scale;
            let above = self.max.map(i128::from).filter(|&max| max < hi);
            let below = self.min.map(i128::from).filter(|&min| min > lo);
            let mantissa = match (above, below) {
                (Some(max), _) if violation.above || below.is_none() => {
                    let whole = max + 1 + violation.margin((hi - max).min(1000));
                    whole * scale + if whole >= hi { 0 } else { fraction }
                }
                (_, Some(min)) => {
                    let whole = min - 1 - violation.margin((min - lo).min(1000));
                    whole * scale - if whole <= lo { 0 } else { fraction }
                }
                _ => return None,
            };
            Some(Broken::cells(vec![Some(Printed { mantissa, decimals })]))
        }

        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(rule.cells, mine)
        }
    }
}
