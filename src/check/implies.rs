//! `implies`: when one condition on some rows holds, another must (dossiers
//! of fully online services need a fully online service; a survey done has
//! survey forms; no body inspected leaves no share of bodies to report).
//!
//! A condition is on counts or codes: some of the rows above zero, all of
//! them zero, a code, a row reported or left blank. It is true, false, or
//! unknown when a row it needs is blank (a row that does not apply to the
//! period counts as blank). The rule fires only when the premise is true
//! and the conclusion false; when either is unknown it is not evaluated.

use std::fmt;

use super::rules::Notes;
use super::snapshot::{Slot, read};
use super::words::{CellName, FormShown, Number, Prefix, form_of, message};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{CellList, Finding, Findings, Language, Phrase, RuleId, Wording};

/// A condition on some rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Condition {
    /// The rows add up to at least 1 (some row above zero): true as soon as
    /// one reported row is, false when every row is reported and zero.
    Positive(&'static [CellId]),
    /// Every row is zero: false as soon as one reported row is not, true
    /// when every row is reported and zero.
    Zero(&'static [CellId]),
    /// The row holds this code (or count).
    Code(CellId, u8),
    /// The row is reported (not blank).
    Reported(CellId),
    /// The row is blank.
    Blank(CellId),
}

/// A condition as `rules.json` gives it: its kind, the rows it reads and,
/// for a `code` condition, the code.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[schemars(rename = "Condition", deny_unknown_fields)]
struct ConditionEntry<'a> {
    /// `positive` (the rows add up to at least 1), `zero` (every row is
    /// 0), `code` (the row holds `code`), `reported` (the row is not
    /// blank) or `blank`.
    kind: ConditionKind,
    /// The rows it reads.
    cells: &'a [CellId],
    /// The code a `code` condition asks for; `null` for the other kinds.
    code: Option<u8>,
}

/// The kinds of [`Condition`], as `rules.json` names them and a rule
/// table writes them.
#[derive(Debug, Clone, Copy, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ConditionKind {
    /// The rows add up to at least 1.
    Positive,
    /// Every row is 0.
    Zero,
    /// The row holds a code.
    Code,
    /// The row is reported.
    Reported,
    /// The row is blank.
    Blank,
}

impl Condition {
    /// The condition as `rules.json` gives it.
    fn entry(&self) -> ConditionEntry<'_> {
        let (kind, code) = match *self {
            Condition::Positive(_) => (ConditionKind::Positive, None),
            Condition::Zero(_) => (ConditionKind::Zero, None),
            Condition::Code(_, code) => (ConditionKind::Code, Some(code)),
            Condition::Reported(_) => (ConditionKind::Reported, None),
            Condition::Blank(_) => (ConditionKind::Blank, None),
        };
        ConditionEntry {
            kind,
            cells: self.cells(),
            code,
        }
    }
}

impl serde::Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.entry().serialize(serializer)
    }
}

impl schemars::JsonSchema for Condition {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Condition".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ConditionEntry::json_schema(generator)
    }
}

/// What a condition is on a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Truth {
    True,
    False,
    /// A row it needs is blank.
    Unknown,
}

impl Condition {
    /// The rows it reads.
    #[must_use]
    pub fn cells(&self) -> &[CellId] {
        match self {
            Condition::Positive(cells) | Condition::Zero(cells) => cells,
            Condition::Code(cell, _) | Condition::Reported(cell) | Condition::Blank(cell) => {
                std::slice::from_ref(cell)
            }
        }
    }

    /// Its truth on the values of its rows (whole-number mantissas of
    /// counts and codes, `None` when blank), in the order of [`Self::cells`].
    pub(crate) fn truth(&self, values: impl Iterator<Item = Option<i128>>) -> Truth {
        let mut blank = false;
        let mut any_positive = false;
        let mut any_nonzero = false;
        let mut first = None;
        for (index, value) in values.enumerate() {
            if index == 0 {
                first = Some(value);
            }
            match value {
                None => blank = true,
                Some(v) => {
                    any_positive |= v > 0;
                    any_nonzero |= v != 0;
                }
            }
        }
        let first = first.flatten();
        match *self {
            Condition::Positive(_) if any_positive => Truth::True,
            Condition::Zero(_) if any_nonzero => Truth::False,
            Condition::Positive(_) | Condition::Zero(_) if blank => Truth::Unknown,
            Condition::Positive(_) => Truth::False,
            Condition::Zero(_) => Truth::True,
            Condition::Code(_, code) => match first {
                None => Truth::Unknown,
                Some(v) if v == i128::from(code) => Truth::True,
                Some(_) => Truth::False,
            },
            Condition::Reported(_) => {
                if first.is_some() {
                    Truth::True
                } else {
                    Truth::False
                }
            }
            Condition::Blank(_) => {
                if first.is_some() {
                    Truth::False
                } else {
                    Truth::True
                }
            }
        }
    }

    /// The condition as a requirement: `6.2.1 ≥ 1`, `3.3.1 = 0`, `6 = 1`,
    /// `6.2 reported`, `4.2 blank`.
    fn write(&self, across: bool, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let names = |out: &mut dyn fmt::Write| -> fmt::Result {
            for (index, &id) in self.cells().iter().enumerate() {
                if index > 0 {
                    out.write_str(" + ")?;
                }
                super::words::Piece::put(&CellName(id, FormShown::when(across), language), out)?;
            }
            Ok(())
        };
        names(out)?;
        match (self, language) {
            (Condition::Positive(_), _) => out.write_str(" ≥ 1"),
            (Condition::Zero(_), _) => out.write_str(" = 0"),
            (Condition::Code(_, code), _) => message! { out; " = ", *code },
            (Condition::Reported(_), Language::English) => out.write_str(" reported"),
            (Condition::Reported(_), Language::Vietnamese) => out.write_str(" được báo cáo"),
            (Condition::Blank(_), Language::English) => out.write_str(" blank"),
            (Condition::Blank(_), Language::Vietnamese) => out.write_str(" để trống"),
        }
    }
}

/// If the premise holds, so must the conclusion.
///
/// # Example
/// ```
/// use cchc_forms::check::{Check, Condition, Implies};
/// use cchc_forms::bnv581::RULES;
/// use cchc_forms::catalogue::CellId;
///
/// const DOSSIERS: &[CellId] = &[CellId::of(7, "6.3.1")];
/// const SERVICES: &[CellId] = &[CellId::of(7, "6.1.2")];
/// let rule = RULES.iter().find(|rule| rule.id == "implies:7/6.3.1>=1=>7/6.1.2>=1").unwrap();
/// let Check::Implies(Implies { premise, conclusion }) = rule.check else { panic!() };
/// assert_eq!(premise, Condition::Positive(DOSSIERS));
/// assert_eq!(conclusion, Condition::Positive(SERVICES));
/// assert_eq!(rule.description_en(), "Form 7: if row 6.3.1 ≥ 1 then row 6.1.2 ≥ 1. Dossiers of fully online services need a fully online service.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Implies {
    /// What, when true, requires the conclusion.
    pub premise: Condition,
    /// What must then hold.
    pub conclusion: Condition,
}

impl Implies {
    /// Whether the rule's cells span several forms.
    fn across(&self) -> bool {
        let form = form_of(self.premise.cells()[0]);
        self.premise
            .cells()
            .iter()
            .chain(self.conclusion.cells())
            .any(|&id| form_of(id) != form)
    }

    /// The premise's and the conclusion's truth, from the values by
    /// position in the rule's cells (premise cells, then conclusion cells).
    fn truths(&self, value: impl Fn(usize) -> Option<i128>) -> (Truth, Truth) {
        let split = self.premise.cells().len();
        let premise = self.premise.truth((0..split).map(&value));
        let conclusion = self
            .conclusion
            .truth((split..split + self.conclusion.cells().len()).map(&value));
        (premise, conclusion)
    }
}

/// A count's or a code's whole value; a decimal (never in these rules)
/// as its mantissa if whole, else as "not zero".
fn whole(value: crate::unit::Printed) -> i128 {
    if value.decimals == 0 {
        value.mantissa
    } else {
        value.mantissa.signum()
    }
}

/// A condition's truth on the snapshot, with the same reading as
/// [`whole`]: a wide value leaves the rule to the exact evaluator.
#[inline(always)]
fn truth_on(condition: Condition, snapshot: &[Slot]) -> Result<Truth, Fast> {
    let (mut blank, mut any_positive, mut any_nonzero) = (false, false, false);
    let mut first = None;
    for (index, &id) in condition.cells().iter().enumerate() {
        let value = read(snapshot, id)?.map(|slot| slot.mantissa.signum());
        if index == 0 {
            first = Some(value);
        }
        match value {
            None => blank = true,
            Some(sign) => {
                any_positive |= sign > 0;
                any_nonzero |= sign != 0;
            }
        }
    }
    let first = first.flatten();
    // The same table as `Condition::truth`, on signs (a code is compared
    // as `whole` reads it).
    Ok(match condition {
        Condition::Positive(_) if any_positive => Truth::True,
        Condition::Zero(_) if any_nonzero => Truth::False,
        Condition::Positive(_) | Condition::Zero(_) if blank => Truth::Unknown,
        Condition::Reported(_) if first.is_some() => Truth::True,
        Condition::Blank(_) if first.is_some() => Truth::False,
        Condition::Positive(_) | Condition::Reported(_) => Truth::False,
        Condition::Zero(_) | Condition::Blank(_) => Truth::True,
        Condition::Code(cell, code) => match read(snapshot, cell)? {
            None => Truth::Unknown,
            Some(slot)
                if i32::from(code)
                    == if slot.decimals == 0 {
                        slot.mantissa
                    } else {
                        slot.mantissa.signum()
                    } =>
            {
                Truth::True
            }
            Some(_) => Truth::False,
        },
    })
}

impl RuleFamily for Implies {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        match self.truths(|position| values.get(position).map(whole)) {
            (Truth::True, Truth::False) => {}
            (Truth::False, _) | (_, Truth::True) => return Outcome::Passed,
            _ => return Outcome::NotEvaluated,
        }
        let r = rule.rule();
        let split = self.premise.cells().len();
        let finding = fire(findings, rule, r.severity, Phrase::Violated, values);
        // The premise's reported rows, and the conclusion's rows.
        let mut involved = CellList::EMPTY;
        for (position, &cell) in r.cells.iter().enumerate() {
            if position >= split || values.get(position).is_some() {
                involved.push(cell);
            }
        }
        finding.cells = involved;
        finding.reported = values.get(split).map(crate::unit::Printed::to_decimal);
        fired(finding)
    }

    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        let premise = match truth_on(self.premise, snapshot) {
            Ok(truth) => truth,
            Err(undecided) => return undecided,
        };
        if premise == Truth::False {
            return Fast::Pass;
        }
        match (premise, truth_on(self.conclusion, snapshot)) {
            (_, Err(undecided)) => undecided,
            (Truth::True, Ok(Truth::False)) => Fast::Undecided,
            (_, Ok(Truth::True)) => Fast::Pass,
            _ => Fast::Skip,
        }
    }

    fn blank(&self) -> super::Blank {
        super::Blank::Condition
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let across = self.across();
        let prefix = Prefix(
            (!across).then(|| form_of(self.premise.cells()[0])),
            language,
        );
        message! { out; prefix, match language {
            Language::English => "if ",
            Language::Vietnamese => "nếu ",
        }}?;
        self.premise.write(across, language, out)?;
        out.write_str(match language {
            Language::English => " then ",
            Language::Vietnamese => " thì ",
        })?;
        self.conclusion.write(across, language, out)?;
        out.write_str(".")
    }

    fn write_message(
        &self,
        finding: &Finding,
        wording: &Wording,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let across = self.across();
        let note = finding.rule.rule().note(language);
        let prefix = Prefix(
            (!across).then(|| form_of(self.premise.cells()[0])),
            language,
        );
        let split = self.premise.cells().len();
        let premise = Figures(self.premise.cells(), 0, wording, across, language);
        let conclusion = Figures(self.conclusion.cells(), split, wording, across, language);
        message! { out; prefix, premise }?;
        out.write_str(match language {
            Language::English => ", so ",
            Language::Vietnamese => ", nên ",
        })?;
        self.conclusion.write(across, language, out)?;
        match language {
            Language::English => message! { out; " is required, but ", conclusion, ". ", note },
            Language::Vietnamese => {
                message! { out; " là bắt buộc, nhưng ", conclusion, ". ", note }
            }
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Implies {
            premise: self.premise,
            conclusion: self.conclusion,
        }
    }
}

/// Some cells with their values as read, `6.3.1 = 32.483 and 6.4.1 = 104.324`
/// (`mục 6.3.1 = 32.483 và mục 6.4.1 = 104.324`), a blank one said so.
#[derive(Clone, Copy)]
struct Figures<'a>(&'a [CellId], usize, &'a Wording, bool, Language);

impl super::words::Piece for Figures<'_> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let Figures(cells, offset, wording, across, language) = *self;
        for (index, &id) in cells.iter().enumerate() {
            if index > 0 {
                out.write_str(match language {
                    Language::English => " and ",
                    Language::Vietnamese => " và ",
                })?;
            }
            super::words::Piece::put(&CellName(id, FormShown::when(across), language), out)?;
            match (wording.get(offset + index), language) {
                (Some(value), _) => message! { out; " = ", Number(value, language) }?,
                (None, Language::English) => out.write_str(" is blank")?,
                (None, Language::Vietnamese) => out.write_str(" để trống")?,
            }
        }
        Ok(())
    }
}

impl Implies {
    /// The rule of `cells`, the premise's cells then the conclusion's: the
    /// premise of kind `premise.0` reads the first `premise.1` cells (its
    /// code `premise.2`), the conclusion of kind `conclusion.0` the rest
    /// (its code `conclusion.1`).
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
        premise: (ConditionKind, usize, u8),
        conclusion: (ConditionKind, u8),
    ) -> Rule {
        let (kind, count, code) = premise;
        let (then_kind, then_code) = conclusion;
        let (premise, conclusion) = cells.split_at(count);
        let check = Check::Implies(Implies {
            premise: kind.on(premise, code),
            conclusion: then_kind.on(conclusion, then_code),
        });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

impl ConditionKind {
    /// The condition of this kind on `cells` (the first for a one-cell
    /// kind), with `code` for a `code` condition.
    const fn on(self, cells: &'static [CellId], code: u8) -> Condition {
        let Some(first) = cells.first() else {
            panic!("a condition reads at least one cell");
        };
        match self {
            ConditionKind::Positive => Condition::Positive(cells),
            ConditionKind::Zero => Condition::Zero(cells),
            ConditionKind::Code => Condition::Code(*first, code),
            ConditionKind::Reported => Condition::Reported(*first),
            ConditionKind::Blank => Condition::Blank(*first),
        }
    }
}

/// How the strategies break an implication.
#[cfg(feature = "proptest")]
mod strategy {
    use super::{Condition, Implies, Truth};
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, decimals_of, legend_pick, outside,
        value_in,
    };
    use crate::unit::{Printed, ValueKind};

    impl Generates for Implies {
        fn holds(&self) -> Holds {
            Holds::Implied
        }

        /// Where the premise holds and the conclusion fails, the
        /// conclusion's cells are blanked.
        fn hold(
            &self,
            _rule: &Rule,
            _index: usize,
            making: &mut Making<'_>,
        ) -> Option<Vec<CellId>> {
            let truth = |condition: Condition, making: &Making<'_>| {
                condition.truth(condition.cells().iter().map(|&id| {
                    if making.absent.contains(id) {
                        None
                    } else {
                        making.value(id).map(|v| v.mantissa)
                    }
                }))
            };
            if truth(self.premise, making) == Truth::True
                && truth(self.conclusion, making) == Truth::False
            {
                for &id in self.conclusion.cells() {
                    making.set(id, None);
                }
            }
            None
        }

        /// A premise that holds and a conclusion that does not.
        fn break_rule(
            &self,
            _rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let mut written = condition_values(ground, self.premise, true, violation, 0)?;
            written.extend(condition_values(
                ground,
                self.conclusion,
                false,
                violation,
                self.premise.cells().len(),
            )?);
            Some(Broken::cells(written))
        }

        /// A blank conclusion leaves an implication unevaluated; failing
        /// that, a blank premise.
        fn silencers(&self, _rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            let conclusion = outside(self.conclusion.cells(), mine);
            if conclusion.is_empty() {
                outside(self.premise.cells(), mine)
            } else {
                conclusion
            }
        }
    }

    /// Cells that make `condition` true (`holds`) or false, in its order.
    fn condition_values(
        ground: &dyn Ground,
        condition: Condition,
        holds: bool,
        violation: &Violation,
        offset: usize,
    ) -> Option<Vec<Option<Printed>>> {
        let some = |position: usize| {
            Printed::whole(1 + i128::from(violation.cell(offset + position).magnitude) % 1_000_000)
        };
        let cells = condition.cells();
        Some(match (condition, holds) {
            (Condition::Positive(_), true) | (Condition::Zero(_), false) => (0..cells.len())
                .map(|position| {
                    Some(if position == 0 {
                        some(position)
                    } else {
                        Printed::whole(
                            i128::from(violation.cell(offset + position).magnitude) % 1_000_000,
                        )
                    })
                })
                .collect(),
            (Condition::Positive(_), false) | (Condition::Zero(_), true) => {
                vec![Some(Printed::whole(0)); cells.len()]
            }
            (Condition::Code(_, code), true) => vec![Some(Printed::whole(i128::from(code)))],
            // Another code of the legend (none when the legend has no other).
            (Condition::Code(cell, code), false) => {
                let d = violation.cell(offset);
                vec![Some(match cell.indicator().kind {
                    ValueKind::Code { legend } => {
                        let others: Vec<_> = legend
                            .iter()
                            .filter(|entry| entry.code != code)
                            .copied()
                            .collect();
                        if others.is_empty() {
                            return None;
                        }
                        legend_pick(&others, d.pick)
                    }
                    ValueKind::Count | ValueKind::Percent | ValueKind::MillionVnd => {
                        Printed::whole(i128::from(code) + 1)
                    }
                })]
            }
            (Condition::Reported(cell), true) | (Condition::Blank(cell), false) => {
                let d = violation.cell(offset);
                vec![Some(match cell.indicator().kind {
                    ValueKind::Code { legend } => legend_pick(legend, d.pick),
                    ValueKind::Count => some(0),
                    ValueKind::Percent | ValueKind::MillionVnd => {
                        value_in(ground.usual_range(cell)?, decimals_of(cell, d), d)
                    }
                })]
            }
            (Condition::Reported(_), false) | (Condition::Blank(_), true) => vec![None],
        })
    }
}
