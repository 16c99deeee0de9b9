//! `not_applicable`: a value in a row that does not apply to the report's
//! period, such as a district row in a report whose data window starts on
//! or after 1 July 2025, when Vietnam's district level was abolished. A
//! blank, or 0, is what such a row should hold; anything else is an error
//! that says why. The rules are generated from the catalogue: one for each
//! row whose applicability is limited.

use std::fmt;

use super::snapshot::Slot;
use super::words::{Number, Row, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::period::CalendarDate;

/// A row that applies only to some periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct NotApplicable {
    /// The row's cell.
    pub cell: CellId,
}

/// `30/06/2025`.
struct Date(CalendarDate);

impl super::words::Piece for Date {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        write!(out, "{:02}/{:02}/{}", self.0.day, self.0.month, self.0.year)
    }
}

impl RuleFamily for NotApplicable {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        if !values.is_absent(0) {
            // The row applies: nothing to check here.
            return Outcome::NotEvaluated;
        }
        match values.reported(0) {
            None => Outcome::Passed,
            Some(value) if value.mantissa == 0 => Outcome::Passed,
            Some(value) => {
                let finding = fire(
                    findings,
                    rule,
                    rule.rule().severity,
                    Phrase::Violated,
                    values,
                );
                finding.reported = Some(value.to_decimal());
                fired(finding)
            }
        }
    }

    /// The clean path sees only rules whose rows all apply to the period:
    /// nothing to check.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        let _ = snapshot;
        Fast::Skip
    }

    fn blank(&self) -> super::Blank {
        super::Blank::Passes
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let applies = self.cell.indicator().applies;
        let row = Row(self.cell, language);
        let reason = match language {
            Language::English => applies.reason_en,
            Language::Vietnamese => applies.reason_vi,
        };
        match (language, applies.from, applies.until) {
            (Language::English, _, Some(until)) => message! { out;
                row, " is blank (or 0) in a report whose data window starts after ",
                Date(until), ": ", reason, ".",
            },
            (Language::Vietnamese, _, Some(until)) => message! { out;
                row, " để trống (hoặc 0) trong báo cáo có kỳ số liệu bắt đầu sau ngày ",
                Date(until), ": ", reason, ".",
            },
            (Language::English, _, None) => message! { out;
                row, " is blank (or 0) in a report of a period the row does not apply to: ", reason, ".",
            },
            (Language::Vietnamese, _, None) => message! { out;
                row, " để trống (hoặc 0) trong báo cáo của kỳ mà chỉ tiêu không áp dụng: ", reason, ".",
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
        let applies = self.cell.indicator().applies;
        let value = Number(wording.at(0), language);
        let row = Row(self.cell, language);
        match language {
            Language::English => message! { out;
                row, " = ", value, " but the row does not apply to this report's period: ",
                applies.reason_en, ". Leave it blank.",
            },
            Language::Vietnamese => message! { out;
                row, " = ", value, " nhưng chỉ tiêu này không áp dụng cho kỳ báo cáo: ",
                applies.reason_vi, ". Để trống ô này.",
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Inapplicable { cell: self.cell }
    }
}

impl NotApplicable {
    /// The rule of a row whose applicability is limited, from its
    /// catalogue: its id is the indicator's `inapplicable_rule`.
    pub(crate) const fn rule(
        id: CellId,
        catalogue: &'static [crate::catalogue::Indicator],
    ) -> Rule {
        let indicator = &catalogue[id.index()];
        Rule::new(
            indicator.inapplicable_rule,
            Severity::Error,
            Check::NotApplicable(NotApplicable { cell: id }),
            std::slice::from_ref(&indicator.id),
            "",
            "",
        )
    }
}

/// How the strategies break a `not_applicable` rule: a value in a report
/// of a period the row does not apply to.
#[cfg(feature = "proptest")]
mod strategy {
    use super::NotApplicable;
    use crate::catalogue::{CellId, CellSet};
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Violation, decimals_of, first_outside, legend_pick,
        value_in,
    };
    use crate::unit::{Printed, ValueKind};

    impl Generates for NotApplicable {
        fn holds(&self) -> Holds {
            // A row that does not apply is left blank.
            Holds::Always
        }

        /// A value other than 0 in the row.
        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let &[id] = rule.cells else {
                return None;
            };
            let d = violation.cell(0);
            let value = match id.indicator().kind {
                ValueKind::Code { legend } => {
                    let nonzero: Vec<_> = legend
                        .iter()
                        .filter(|entry| entry.code != 0)
                        .copied()
                        .collect();
                    legend_pick(&nonzero, d.pick)
                }
                ValueKind::Count => Printed::whole(1 + i128::from(d.magnitude) % 1_000_000),
                ValueKind::Percent | ValueKind::MillionVnd => {
                    let (lo, hi) = ground.usual_range(id)?;
                    value_in((lo.max(1).min(hi), hi), decimals_of(id, d), d)
                }
            };
            (value.mantissa != 0).then(|| Broken::cells(vec![Some(value)]))
        }

        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(rule.cells, mine)
        }

        /// Only where the row does not apply.
        fn breaks_with(&self, _rule: &Rule, absent: &CellSet) -> bool {
            absent.contains(self.cell)
        }
    }
}
