//! `full`: a rate printed as 100 whose numerator is below its denominator
//! ("reported as 100 % but not all were done"). Consistent under rounding
//! (99,996 % prints as `100`), so never an error: an `info` note that the
//! last cases are still open. A rate whose ratio does not round to it at all
//! is the `ratio` rule's finding, not this one's.

use std::fmt;

use super::interval::{Reading, Span, ratio_overlaps};
use super::ratio::span;
use super::rules::{Notes, three};
use super::snapshot::{POW10, Slot, read_all};
use super::words::{CellName, FormShown, Number, Prefix, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};

/// A rate printed as 100 while its numerator is below its denominator.
///
/// # Example
/// ```
/// use cchc_forms::check::{Check, Full};
/// use cchc_forms::bnv581::RULES;
/// use cchc_forms::Severity;
///
/// let rule = RULES.iter().find(|rule| rule.id == "full:3/3.4").unwrap();
/// assert!(matches!(rule.check, Check::Full(Full { .. })));
/// assert_eq!(rule.severity, Severity::Info);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Full {
    /// The percentage (`3/3.4`).
    pub rate: CellId,
    /// Its numerator (`3/3.4.2`).
    pub numerator: CellId,
    /// Its denominator (`3/3.4.1`).
    pub denominator: CellId,
}

/// The decision once the three cells are read (out of line, so that the
/// compiled plan stays small enough for the instruction cache; the reads
/// before it are inlined).
#[inline(never)]
fn decide_full(rate: Slot, num: Slot, den: Slot) -> Fast {
    decide_held(rate, num, den)
}

/// [`Full`]'s clean path once its three cells are read, reported and
/// fitting the snapshot.
#[inline(always)]
pub(crate) fn decide_held(rate: Slot, num: Slot, den: Slot) -> Fast {
    // The denominator's least value (exact for a count), as the exact
    // evaluator reads it.
    if den.own().0 <= 0 {
        return Fast::Skip;
    }
    let hundred = 100 * POW10[usize::from(rate.decimals)];
    if i64::from(rate.mantissa) != hundred {
        return Fast::Pass;
    }
    // Certainly below: the numerator's greatest value under the
    // denominator's least, at one scale.
    if num.at_scale().1 < den.at_scale().0 {
        Fast::Undecided
    } else {
        Fast::Pass
    }
}

impl RuleFamily for Full {
    const SCALE: Option<u32> = Some(100);

    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let (Some(rate), Some(num), Some(den)) = (values.get(0), values.get(1), values.get(2))
        else {
            return Outcome::NotEvaluated;
        };
        let (Some(rate_span), Some(num_span), Some(den_span)) = (
            Span::of(rate, Reading::Nearest),
            span(self.numerator, num, Reading::Nearest),
            span(self.denominator, den, Reading::Nearest),
        ) else {
            return Outcome::NotEvaluated;
        };
        if den_span.lo <= 0 {
            return Outcome::NotEvaluated;
        }
        let hundred = super::interval::pow10(rate.decimals)
            .and_then(|unit| unit.checked_mul(100))
            .is_some_and(|hundred| rate.mantissa == hundred);
        // The numerator certainly below the denominator: num.hi < den.lo.
        let below = den_span.can_be_at_most(num_span) == Some(false);
        if !hundred || !below || ratio_overlaps(rate_span, num_span, den_span) != Some(true) {
            return Outcome::Passed;
        }
        let severity = rule.rule().severity;
        let finding = fire(findings, rule, severity, Phrase::Violated, values);
        finding.reported = Some(rate.to_decimal());
        fired(finding)
    }

    /// A blank row or a denominator of 0 or less is not evaluated; a rate
    /// other than 100, or a numerator that can reach its denominator,
    /// passes; a rate of 100 over a numerator certainly below its
    /// denominator is left to the exact evaluator.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        match read_all(snapshot, [self.rate, self.numerator, self.denominator]) {
            Ok([rate, num, den]) => decide_full(rate, num, den),
            Err(fast) => fast,
        }
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let prefix = Prefix(Some(self.rate.indicator().form), language);
        let (rate, num, den) = (
            CellName(self.rate, FormShown::Omitted, language),
            CellName(self.numerator, FormShown::Omitted, language),
            CellName(self.denominator, FormShown::Omitted, language),
        );
        match language {
            Language::English => message! { out;
                prefix, "a note when ", rate, " is printed as 100 while ", num, " < ", den, ".",
            },
            Language::Vietnamese => message! { out;
                prefix, "ghi chú khi ", rate, " in là 100 trong khi ", num, " < ", den, ".",
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
        let _ = finding;
        let prefix = Prefix(Some(self.rate.indicator().form), language);
        let (rate, num, den) = (
            CellName(self.rate, FormShown::Omitted, language),
            CellName(self.numerator, FormShown::Omitted, language),
            CellName(self.denominator, FormShown::Omitted, language),
        );
        let (num_value, den_value) = (
            Number(wording.at(1), language),
            Number(wording.at(2), language),
        );
        match language {
            Language::English => message! { out;
                prefix, rate, " = 100 % although ", num, " = ", num_value, " < ", den, " = ", den_value,
                ": reported as 100 % but not all were done (the ratio rounds to 100).",
            },
            Language::Vietnamese => message! { out;
                prefix, rate, " = 100% dù ", num, " = ", num_value, " < ", den, " = ", den_value,
                ": báo cáo 100% nhưng chưa hoàn thành hết (tỷ lệ được làm tròn lên 100).",
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Rounded {
            rate: self.rate,
            numerator: self.numerator,
            denominator: self.denominator,
        }
    }
}

impl Full {
    /// The rule of `cells`, `[rate, numerator, denominator]`.
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (rate, numerator, denominator) = three(cells);
        let check = Check::Full(Full {
            rate,
            numerator,
            denominator,
        });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a `full` rule: a rate printed as 100 just
/// short of it.
#[cfg(feature = "proptest")]
mod strategy {
    use super::Full;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Violation, decimals_of, first_outside, pow10,
    };
    use crate::unit::Printed;

    impl Generates for Full {
        fn holds(&self) -> Holds {
            // A note, never an error or a warning.
            Holds::Always
        }

        /// A rate printed as 100 while its numerator is just below a large
        /// denominator: `100 × (d − 2) / d` rounds to 100,00 for `d ≥ 10⁷`.
        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            _ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let &[rate_id, _, _] = rule.cells else {
                return None;
            };
            let d = violation.cell(0);
            let den = 10_000_000 + i128::from(d.magnitude) % 1_000_000_000;
            let decimals = decimals_of(rate_id, d);
            Some(Broken::cells(vec![
                Some(Printed {
                    mantissa: 100 * pow10(decimals),
                    decimals,
                }),
                Some(Printed::whole(den - 2)),
                Some(Printed::whole(den)),
            ]))
        }

        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(rule.cells, mine)
        }
    }
}
