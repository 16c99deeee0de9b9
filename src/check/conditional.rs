//! `conditional`: a "not done" code against the rows that describe how it
//! was done (no survey ⇒ no survey forms and no survey method).

use std::fmt;

use rust_decimal::Decimal;

use super::rules::{Notes, split};
use super::snapshot::{Slot, read, read_all};
use super::words::{CellName, FormShown, Piece, Prefix, Row, Value, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{CellList, Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::unit::ValueKind;

/// A code and the rows that must be blank (or 0) when it says "not done".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Conditional {
    /// The code (`1/6`, survey done).
    pub code: CellId,
    /// The code that means "not done".
    pub when: u8,
    /// The rows that describe how it was done.
    pub dependents: &'static [CellId],
}

/// Whether a dependent says how the thing was done: a code, or a non-zero
/// number.
fn describes(id: CellId, value: Option<Decimal>) -> bool {
    value.is_some_and(|v| !v.is_zero() || matches!(id.indicator().kind, ValueKind::Code { .. }))
}

impl RuleFamily for Conditional {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let Some(code) = values.get(0) else {
            return Outcome::NotEvaluated;
        };
        if code.mantissa != i128::from(self.when) {
            return Outcome::Passed;
        }
        let describing = self
            .dependents
            .iter()
            .enumerate()
            .filter(|&(index, &dependent)| {
                describes(
                    dependent,
                    values.get(index + 1).map(crate::unit::Printed::to_decimal),
                )
            })
            .map(|(_, &dependent)| dependent);
        if describing.clone().next().is_none() {
            return Outcome::Passed;
        }
        let finding = fire(
            findings,
            rule,
            rule.rule().severity,
            Phrase::Violated,
            values,
        );
        let mut involved = CellList::EMPTY;
        involved.push(self.code);
        for dependent in describing {
            involved.push(dependent);
        }
        finding.cells = involved;
        finding.reported = Some(code.to_decimal());
        fired(finding)
    }

    /// A code other than `when`, or no dependent describing how it was done.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        let [code] = match read_all(snapshot, [self.code]) {
            Ok(code) => code,
            Err(fast) => return fast,
        };
        if code.mantissa != i32::from(self.when) {
            return Fast::Pass;
        }
        for &dependent in self.dependents {
            match read(snapshot, dependent) {
                Ok(Some(value)) if value.mantissa != 0 || value.is_code() => {
                    return Fast::Undecided;
                }
                Ok(_) => {}
                Err(undecided) => return undecided,
            }
        }
        Fast::Pass
    }

    /// `Form 1: when row 6 = 0 (No), row 6.1 is blank or 0, and row 6.2 is
    /// blank (any code there, 0 (online) included, is a method).`
    fn blank(&self) -> super::Blank {
        super::Blank::Silent
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let prefix = Prefix(Some(self.code.indicator().form), language);
        let when = Value(self.code, Decimal::from(self.when), language);
        match language {
            Language::English => message! { out;
                prefix, "when ", CellName(self.code, FormShown::Omitted, language), " = ", when, ", ",
                Blank(self.dependents, language), ".",
            },
            Language::Vietnamese => message! { out;
                prefix, "khi ", CellName(self.code, FormShown::Omitted, language), " = ", when, " thì ",
                Blank(self.dependents, language), ".",
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
        let legend = match self.code.indicator().kind {
            ValueKind::Code { legend } => legend,
            _ => &[],
        };
        let meaning = legend
            .iter()
            .find(|entry| entry.code == self.when)
            .map_or("", |entry| match language {
                Language::English => entry.label_en,
                Language::Vietnamese => entry.label_vi,
            });
        let listed = Describing(self.dependents, wording, language);
        let row = Row(self.code, language);
        match language {
            Language::English => message! { out;
                row, " = ", self.when, " (", meaning,
                ") but ", listed, " describe how it was done: they must be blank. ", note,
            },
            Language::Vietnamese => message! { out;
                row, " = ", self.when, " (", meaning,
                ") nhưng ", listed, " mô tả cách thực hiện: phải để trống. ", note,
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Conditional {
            code: self.code,
            when: self.when,
            dependents: self.dependents,
        }
    }
}

/// The dependents that describe how the thing was done, `STT = value`
/// joined by ` and ` (` và `).
#[derive(Clone, Copy)]
struct Describing<'a>(&'static [CellId], &'a Wording, Language);

impl Piece for Describing<'_> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let Describing(dependents, wording, language) = *self;
        let mut first = true;
        for (index, &id) in dependents.iter().enumerate() {
            let reported = wording.get(index + 1);
            if !describes(id, reported) {
                continue;
            }
            if !first {
                out.write_str(match language {
                    Language::English => " and ",
                    Language::Vietnamese => " và ",
                })?;
            }
            first = false;
            CellName(id, FormShown::Omitted, language).put(out)?;
            out.write_str(" = ")?;
            Value(id, reported.unwrap_or_default(), language).put(out)?;
        }
        Ok(())
    }
}

/// What each dependent must be when the code says "not done": a count
/// blank or 0, a code blank (every code, 0 included, names a way of doing
/// it).
#[derive(Clone, Copy)]
struct Blank(&'static [CellId], Language);

impl Piece for Blank {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let Blank(dependents, language) = *self;
        for (index, &id) in dependents.iter().enumerate() {
            if index > 0 {
                out.write_str(match language {
                    Language::English => ", and ",
                    Language::Vietnamese => ", và ",
                })?;
            }
            CellName(id, FormShown::Omitted, language).put(out)?;
            let code = matches!(id.indicator().kind, ValueKind::Code { .. });
            out.write_str(match (language, code) {
                (Language::English, false) => " is blank or 0",
                (Language::English, true) => {
                    " is blank (any code there, 0 included, is a way of doing it)"
                }
                (Language::Vietnamese, false) => " để trống hoặc bằng 0",
                (Language::Vietnamese, true) => {
                    " để trống (mọi mã ở đây, kể cả 0, đều là một hình thức thực hiện)"
                }
            })?;
        }
        Ok(())
    }
}

impl Conditional {
    /// The rule of `cells`, `[code, dependents…]`, `when` the code that
    /// means "not done".
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
        when: u8,
    ) -> Rule {
        let (code, dependents) = split(cells);
        let check = Check::Conditional(Conditional {
            code,
            when,
            dependents,
        });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a conditional.
#[cfg(feature = "proptest")]
mod strategy {
    use super::Conditional;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, decimals_of, head_or_rest,
        legend_pick, value_in,
    };
    use crate::check::is_exact;
    use crate::unit::{Printed, ValueKind};

    impl Generates for Conditional {
        fn holds(&self) -> Holds {
            Holds::Code
        }

        /// "Not done" leaves nothing to describe: the dependents blank, or
        /// 0 for a count no other rule reads.
        fn hold(&self, rule: &Rule, index: usize, making: &mut Making<'_>) -> Option<Vec<CellId>> {
            let (&code, dependents) = rule.cells.split_first()?;
            if making.value(code) != Some(Printed::whole(i128::from(self.when))) {
                return None;
            }
            for &dependent in dependents {
                let alone = !making.ground.read_by_another(dependent, index);
                let zero = alone
                    && is_exact(dependent)
                    && making.draw(dependent).pick % 2 == 0
                    && matches!(dependent.indicator().kind, ValueKind::Count);
                making.set(dependent, zero.then_some(Printed::whole(0)));
            }
            None
        }

        /// The "not done" code, and every dependent describing how it was done.
        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let mut written = vec![Some(Printed::whole(i128::from(self.when)))];
            for (position, &id) in rule.cells.iter().enumerate().skip(1) {
                let d = violation.cell(position);
                let value = match id.indicator().kind {
                    ValueKind::Code { legend } => legend_pick(legend, d.pick),
                    ValueKind::Count => Printed::whole(1 + i128::from(d.magnitude) % 1_000_000),
                    ValueKind::Percent | ValueKind::MillionVnd => {
                        let (lo, hi) = ground.usual_range(id)?;
                        let value = value_in((lo.max(1).min(hi), hi), decimals_of(id, d), d);
                        if value.mantissa == 0 {
                            return None;
                        }
                        value
                    }
                };
                written.push(Some(value));
            }
            Some(Broken::cells(written))
        }

        /// A blank code silences the rule; failing that, its dependents
        /// are blanked.
        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            head_or_rest(rule, mine)
        }
    }
}
