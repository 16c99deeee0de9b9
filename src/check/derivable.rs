//! `derivable`: a blank percentage whose numerator and denominator are
//! reported, so that it can be computed (an `info` note with the value).

use std::fmt;

use super::rules::{Notes, three};
use super::snapshot::{Slot, held_all, read_all};
use super::words::{CellName, FormShown, Number, OptNumber, Range, Row, message};
use super::{
    CellValues, Constraint, Fast, Outcome, Rounding, RuleFamily, Source, fire, fired, percentage_of,
};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::unit::Printed;

/// A rate that can be derived from its rows when it is blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Derivable {
    /// The percentage (`1/2`).
    pub rate: CellId,
    /// Its numerator (`1/2.2`).
    pub numerator: CellId,
    /// Its denominator (`1/2.1`).
    pub denominator: CellId,
    /// The least value the template's `bound` rules allow the rate, if any.
    pub min: Option<i64>,
    /// The greatest value the template's `bound` rules allow the rate, if
    /// any (a derived rate past it is not derived: its rows are wrong).
    pub max: Option<i64>,
}

impl Derivable {
    /// The rate to fill in: blank rate, numerator ≥ 0 and denominator > 0
    /// reported; two decimals, half away from zero; and within the bounds
    /// the template's `bound` rules set on the rate (a rate of 200 % is not
    /// filled in: its rows are wrong, and other rules say so).
    pub(crate) fn rate_from(self, cells: &(impl Source + ?Sized)) -> Option<Printed> {
        derive(
            cells.value(self.rate),
            cells.value(self.numerator),
            cells.value(self.denominator),
        )
        .filter(|&rate| within(rate, (self.min, self.max)))
    }
}

/// Whether `rate` lies within `[min, max]` (an open side is no limit).
fn within(rate: Printed, (min, max): (Option<i64>, Option<i64>)) -> bool {
    // `mantissa / 10^decimals` against a whole limit, cross-multiplied. A
    // limit that does not fit once scaled is further from 0 than any
    // mantissa: below a negative one, above a positive one.
    let scaled = |limit: i64| {
        super::interval::pow10(rate.decimals).and_then(|unit| unit.checked_mul(i128::from(limit)))
    };
    min.is_none_or(|min| scaled(min).map_or(min < 0, |min| rate.mantissa >= min))
        && max.is_none_or(|max| scaled(max).map_or(max > 0, |max| rate.mantissa <= max))
}

fn derive(rate: Option<Printed>, num: Option<Printed>, den: Option<Printed>) -> Option<Printed> {
    if rate.is_some() {
        return None;
    }
    let (num, den) = (num?, den?);
    if den.mantissa <= 0 || num.mantissa < 0 {
        return None;
    }
    percentage_of(num, den, 2, Rounding::HalfAwayFromZero)
}

/// [`Derivable`]'s clean path on the slots of its three cells as the
/// snapshot holds them ([`slot_of`](super::snapshot::slot_of)), for a
/// decision made out of line: the rate blank, its numerator and denominator
/// read as [`read_all`] reads them.
#[inline(always)]
pub(crate) fn decide_slots(rate: Slot, num: Slot, den: Slot) -> Fast {
    if !rate.is_blank() {
        return Fast::Skip;
    }
    match held_all([num, den]) {
        Ok([num, den]) => decide_held(num, den),
        Err(fast) => fast,
    }
}

/// The rate blank, its numerator and denominator reported: a note when it
/// can be derived (a numerator ≥ 0 over a positive denominator).
#[inline(always)]
fn decide_held(num: Slot, den: Slot) -> Fast {
    if den.mantissa <= 0 || num.mantissa < 0 {
        Fast::Skip
    } else {
        Fast::Undecided
    }
}

impl RuleFamily for Derivable {
    const SCALE: Option<u32> = Some(100);

    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        if (0..3).any(|position| values.is_absent(position)) {
            return Outcome::NotEvaluated;
        }
        let Some(rate) = derive(values.get(0), values.get(1), values.get(2)) else {
            return Outcome::NotEvaluated;
        };
        if !within(rate, (self.min, self.max)) {
            // Say why it is not filled in, with no value to copy.
            let finding = fire(
                findings,
                rule,
                crate::finding::Severity::Info,
                Phrase::NotDerivable,
                values,
            );
            return fired(finding);
        }
        let finding = fire(
            findings,
            rule,
            crate::finding::Severity::Info,
            Phrase::Derived,
            values,
        );
        finding.computed = Some(rate.to_decimal());
        fired(finding)
    }

    /// A blank rate whose numerator and positive denominator are reported
    /// is a note for the exact evaluator to write.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        match snapshot.get(self.rate.index()) {
            Some(slot) if slot.is_blank() => {}
            _ => return Fast::Skip,
        }
        match read_all(snapshot, [self.numerator, self.denominator]) {
            Ok([num, den]) => decide_held(num, den),
            Err(fast) => fast,
        }
    }

    fn blank(&self) -> super::Blank {
        super::Blank::Derives
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let (r, n, d) = (
            CellName(self.rate, FormShown::Omitted, language),
            CellName(self.numerator, FormShown::Omitted, language),
            CellName(self.denominator, FormShown::Omitted, language),
        );
        let form = self.rate.indicator().form;
        match language {
            Language::English => message! { out;
                "Form ", form, ": when ", r, " is blank and ", n, " and ", d,
                " are reported, ", r, " can be derived as 100 × ", n, " / ", d, ".",
            },
            Language::Vietnamese => message! { out;
                "Biểu ", form, ": khi ", r, " để trống mà ", n, " và ", d,
                " có số liệu, có thể tính ", r, " = 100 × ", n, " / ", d, ".",
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
        let (n, d) = (
            CellName(self.numerator, FormShown::Omitted, language),
            CellName(self.denominator, FormShown::Omitted, language),
        );
        let (num, den) = (
            Number(wording.at(1), language),
            Number(wording.at(2), language),
        );
        let computed = OptNumber(finding.computed, language);
        let row = Row(self.rate, language);
        if wording.phrase == Phrase::NotDerivable {
            let range = Range(self.min, self.max, language);
            return match language {
                Language::English => message! { out;
                    row, " is blank, and it cannot be derived: 100 × ", n, " / ", d,
                    " = 100 × ", num, " / ", den, " lies outside ", range,
                    ", so ", n, " or ", d, " is wrong (see the findings on them).",
                },
                Language::Vietnamese => message! { out;
                    row, " để trống và không tính được: 100 × ", n, " / ", d,
                    " = 100 × ", num, " / ", den, " nằm ngoài ", range,
                    ", nên ", n, " hoặc ", d, " có sai sót (xem các phát hiện về hai mục này).",
                },
            };
        }
        match language {
            Language::English => message! { out;
                row, " is blank but can be derived: 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed, "%.",
            },
            Language::Vietnamese => message! { out;
                row, " để trống nhưng tính được: 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed, "%.",
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Derivable {
            rate: self.rate,
            numerator: self.numerator,
            denominator: self.denominator,
        }
    }
}

impl Derivable {
    /// The rule of `cells`, `[rate, numerator, denominator]`; its limits
    /// are set from the table's `bound` rules (`rules::derivable_limits`).
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (rate, numerator, denominator) = three(cells);
        let check = Check::Derivable(Derivable {
            rate,
            numerator,
            denominator,
            min: None,
            max: None,
        });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a derivable rule: a blank rate whose
/// numerator and denominator are reported.
#[cfg(feature = "proptest")]
mod strategy {
    use super::Derivable;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{Broken, Generates, Ground, Holds, Violation, first_outside};
    use crate::check::ratio::strategy::break_rate;

    impl Generates for Derivable {
        fn holds(&self) -> Holds {
            // A note, never an error or a warning.
            Holds::Always
        }

        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            break_rate(ground, rule, violation, true).map(Broken::cells)
        }

        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(rule.cells, mine)
        }
    }
}
