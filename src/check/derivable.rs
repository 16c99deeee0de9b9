//! `derivable`: a blank percentage whose numerator and denominator are
//! reported, so that it can be computed (an `info` note with the value).

use std::fmt;

use super::snapshot::{Slot, read};
use super::words::{Number, OptNumber, Row, message, stt};
use super::{
    CellValues, Constraint, Fast, Outcome, Rounding, Rule, RuleFamily, Source, fire, fired,
    percentage_of,
};
use crate::catalogue::CellId;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::unit::Printed;

/// A rate that can be derived from its rows when it is blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Derivable {
    /// The percentage (`1/2`).
    pub rate: CellId,
    /// Its numerator (`1/2.2`).
    pub numerator: CellId,
    /// Its denominator (`1/2.1`).
    pub denominator: CellId,
}

impl Derivable {
    /// The rate to fill in: blank rate, numerator ≥ 0 and denominator > 0
    /// reported; two decimals, half away from zero.
    pub(crate) fn rate_from(self, cells: &(impl Source + ?Sized)) -> Option<Printed> {
        derive(
            cells.value(self.rate),
            cells.value(self.numerator),
            cells.value(self.denominator),
        )
    }
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

impl RuleFamily for Derivable {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        if (0..3).any(|position| values.is_absent(position)) {
            return Outcome::NotEvaluated;
        }
        let Some(rate) = derive(values.get(0), values.get(1), values.get(2)) else {
            return Outcome::NotEvaluated;
        };
        let finding = fire(findings, rule, crate::Severity::Info, Phrase::Derived, values);
        finding.computed = Some(rate.to_decimal());
        fired(finding)
    }

    /// A blank rate whose numerator and positive denominator are reported
    /// is a note for the exact evaluator to write.
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        match snapshot.get(self.rate.index()) {
            Some(slot) if slot.is_blank() => {}
            _ => return Fast::Skip,
        }
        let (Ok(num), Ok(den)) = (
            read(snapshot, self.numerator),
            read(snapshot, self.denominator),
        ) else {
            return Fast::Undecided;
        };
        let (Some(num), Some(den)) = (num, den) else {
            return Fast::Skip;
        };
        if den.mantissa <= 0 || num.mantissa < 0 {
            Fast::Skip
        } else {
            Fast::Undecided
        }
    }

    fn describe(&self, rule: &Rule, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let _ = rule;
        let (r, n, d) = (stt(self.rate), stt(self.numerator), stt(self.denominator));
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
        let (n, d) = (stt(self.numerator), stt(self.denominator));
        let (num, den) = (
            Number(wording.at(1), language),
            Number(wording.at(2), language),
        );
        let computed = OptNumber(finding.computed, language);
        let row = Row(self.rate, language);
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
