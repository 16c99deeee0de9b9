//! One exact evaluator per family, and the words of their findings.
//!
//! These decide every rule exactly, whatever the size of its values, and
//! build the finding of a rule that fires. [`Report::validate`](crate::Report::validate)
//! first runs the clean path of `check::fast` on a compact snapshot, which
//! passes or skips most rules without allocating, and hands only the rest
//! to these evaluators; a unit test there checks that both agree.
//!
//! A finding holds numbers, not text: its [`Wording`] keeps which sentence
//! it makes and the values its rule read, and [`Wording::write`] writes the
//! message in either language when it is asked for.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use super::interval::{Reading, Span, ratio_overlaps};
use super::{Check, Outcome, Rounding, Rule, Source, Values, is_exact, percentage_of};
use crate::catalogue::CellId;
use crate::finding::{CellList, Family, Finding, Findings, Interval, RuleId, Severity};
use crate::unit::{Printed, ValueKind};

/// A message: its pieces written one after the other, with no formatting
/// machinery.
macro_rules! message {
    ($out:expr; $($piece:expr),* $(,)?) => {{
        let out: &mut dyn fmt::Write = $out;
        $( Piece::put(&$piece, out)?; )*
        Ok(())
    }};
}

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Language {
    English,
    Vietnamese,
}

/// Applies one rule to a report's cells, pushing a finding if it fires.
#[cfg(test)]
pub(crate) fn evaluate<C: Source + ?Sized>(
    id: RuleId,
    cells: &C,
    findings: &mut Findings,
) -> Outcome {
    evaluate_values(id, &cells.values_of(id.rule().cells), findings)
}

/// Applies one rule to the values of its cells, read once, pushing a
/// finding if it fires.
pub(crate) fn evaluate_values(id: RuleId, values: &Values, findings: &mut Findings) -> Outcome {
    match id.rule().check {
        Check::Ratio => ratio(id, values, findings),
        Check::Derivable => derivable(id, values, findings),
        Check::Sum => sum(id, values, true, findings),
        Check::PartWhole => sum(id, values, false, findings),
        Check::Bound { min, max } => bound(id, values, min, max, findings),
        Check::Conditional { when } => conditional(id, values, when, findings),
        Check::LevelRange => level_range(id, values, findings),
        Check::Same => same(id, values, findings),
    }
}

/// The outcome of a rule that fired with this finding.
fn fired(finding: &Finding) -> Outcome {
    if finding.severity == Severity::Info {
        Outcome::Noted
    } else {
        Outcome::Failed
    }
}

/// The interval a cell's printed value stands for under `reading` (exact
/// for counts and codes whatever the reading).
fn span(id: CellId, value: Printed, reading: Reading) -> Option<Span> {
    Span::of(
        value,
        if is_exact(id) {
            Reading::Exact
        } else {
            reading
        },
    )
}

/// The sentence a finding's message makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// A rate that does not match its ratio.
    Ratio,
    /// A rate that matches its ratio only if truncated.
    RatioTruncated,
    /// A rate whose numerator and denominator are both zero.
    ZeroRatio,
    /// A blank rate that can be derived.
    Derivable,
    /// A total whose parts, all reported, do not add up to it.
    SumUnequal,
    /// Parts that exceed their whole.
    PartsExceed,
    /// A value out of its bounds.
    Bound,
    /// A "not done" code with rows saying how it was done.
    Conditional,
    /// An overall rate outside its levels' range.
    LevelRange,
    /// The same, unless the rates were truncated.
    LevelRangeTruncated,
    /// The same quantity, different in two forms.
    Same,
}

/// What a finding's messages are written from, besides its rule and its
/// numeric fields: the sentence, and the values of the rule's cells as
/// read (by position in the rule's cells; blanks marked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wording {
    phrase: Phrase,
    /// Bit `i` set when the rule's cell `i` was reported.
    reported: u8,
    values: [Decimal; CellList::CAPACITY],
}

const _: () = assert!(CellList::CAPACITY <= 8, "a rule's cells are marked in a u8");

impl Wording {
    /// The words of a message of `phrase`, from the values of the rule's cells.
    fn new(phrase: Phrase, values: &Values) -> Wording {
        let mut wording = Wording {
            phrase,
            reported: 0,
            values: [Decimal::ZERO; CellList::CAPACITY],
        };
        for (position, (slot, value)) in wording.values.iter_mut().zip(values).enumerate() {
            if let Some(v) = value {
                *slot = v.to_decimal();
                wording.reported |= 1 << position;
            }
        }
        wording
    }

    /// The value of the rule's cell at `position`, `None` when blank.
    fn get(&self, position: usize) -> Option<Decimal> {
        (self.reported >> position & 1 == 1)
            .then(|| self.values.get(position).copied())
            .flatten()
    }

    /// The value at `position`, zero when blank (the phrase says it is not).
    fn at(&self, position: usize) -> Decimal {
        self.get(position).unwrap_or_default()
    }
}

/// Pushes a finding of `rule`, its cells the rule's, its words written
/// from the `values` of its cells, and returns it for the numbers to be filled in where it lies.
fn fire<'a>(
    findings: &'a mut Findings,
    id: RuleId,
    severity: Severity,
    phrase: Phrase,
    values: &Values,
) -> &'a mut Finding {
    let rule = id.rule();
    let wording = Wording::new(phrase, values);
    let list = CellList::from_slice(rule.cells).unwrap_or(CellList::EMPTY);
    findings.push(Finding::new(id, severity, list, wording))
}

// ---------------------------------------------------------------------------
// Ratio and derivable blanks
// ---------------------------------------------------------------------------

fn ratio(id: RuleId, values: &Values, findings: &mut Findings) -> Outcome {
    let rule = id.rule();
    let &[_, num_id, den_id] = rule.cells else {
        return Outcome::NotEvaluated;
    };
    let (Some(rate), Some(num), Some(den)) = (values[0], values[1], values[2]) else {
        return Outcome::NotEvaluated;
    };
    let (Some(num_span), Some(den_span)) = (
        span(num_id, num, Reading::Nearest),
        span(den_id, den, Reading::Nearest),
    ) else {
        return Outcome::NotEvaluated;
    };
    if den_span.hi <= 0 && num_span.lo <= 0 && num_span.hi >= 0 {
        let finding = fire(findings, id, Severity::Info, Phrase::ZeroRatio, values);
        finding.reported = Some(rate.to_decimal());
        return fired(finding);
    }
    if den_span.lo <= 0 {
        // The denominator may be zero: no ratio can be checked.
        return Outcome::NotEvaluated;
    }
    let nearest =
        Span::of(rate, Reading::Nearest).and_then(|r| ratio_overlaps(r, num_span, den_span));
    match nearest {
        Some(true) => return Outcome::Passed,
        None => return Outcome::NotEvaluated,
        Some(false) => {}
    }
    let truncated =
        Span::of(rate, Reading::Truncated).and_then(|r| ratio_overlaps(r, num_span, den_span));
    let (severity, phrase) = if truncated == Some(true) {
        (Severity::Info, Phrase::RatioTruncated)
    } else {
        (rule.severity, Phrase::Ratio)
    };
    let finding = fire(findings, id, severity, phrase, values);
    let computed = percentage_of(num, den, 4, Rounding::HalfAwayFromZero).map(Printed::to_decimal);
    finding.reported = Some(rate.to_decimal());
    finding.reported_interval = Span::of(rate, Reading::Nearest).and_then(Span::to_interval);
    finding.computed = computed;
    finding.computed_interval = if is_exact(num_id) && is_exact(den_id) {
        None
    } else {
        ratio_interval(num_span, den_span)
    };
    finding.imbalance = computed.and_then(|c| rate.to_decimal().checked_sub(c));
    fired(finding)
}

/// `[100·num.lo/den.hi, 100·num.hi/den.lo]`, widened to four decimals.
fn ratio_interval(num: Span, den: Span) -> Option<Interval> {
    let to_dec = |units: i128, scale: u32| super::interval::half_units(units, scale);
    let hundred = Decimal::ONE_HUNDRED;
    let low = hundred
        .checked_mul(to_dec(num.lo, num.scale)?)?
        .checked_div(to_dec(den.hi, den.scale)?)?
        .round_dp_with_strategy(4, RoundingStrategy::ToNegativeInfinity);
    let high = hundred
        .checked_mul(to_dec(num.hi, num.scale)?)?
        .checked_div(to_dec(den.lo, den.scale)?)?
        .round_dp_with_strategy(4, RoundingStrategy::ToPositiveInfinity);
    Some(Interval { low, high })
}

/// The derivable rate of a `Derivable` rule: blank rate, numerator and
/// positive denominator reported.
pub(crate) fn derivable_rate<C: Source + ?Sized>(rule: &Rule, cells: &C) -> Option<Printed> {
    if rule.cells.len() != 3 {
        return None;
    }
    derivable_rate_of(&cells.values_of(rule.cells))
}

/// The derivable rate from the values of a `Derivable` rule's cells.
fn derivable_rate_of(values: &Values) -> Option<Printed> {
    if values[0].is_some() {
        return None;
    }
    let (num, den) = (values[1]?, values[2]?);
    if den.mantissa <= 0 || num.mantissa < 0 {
        return None;
    }
    percentage_of(num, den, 2, Rounding::HalfAwayFromZero)
}

fn derivable(id: RuleId, values: &Values, findings: &mut Findings) -> Outcome {
    let Some(rate) = derivable_rate_of(values) else {
        return Outcome::NotEvaluated;
    };
    let finding = fire(findings, id, Severity::Info, Phrase::Derivable, values);
    finding.computed = Some(rate.to_decimal());
    fired(finding)
}

// ---------------------------------------------------------------------------
// Sums and parts of a whole
// ---------------------------------------------------------------------------

/// A total against its parts: `exhaustive` for a sum (the parts add up to
/// it), else "of which" (the parts together are at most it). With a part
/// blank, a sum is checked as "of which": the known parts cannot exceed it.
fn sum(id: RuleId, values: &Values, exhaustive: bool, findings: &mut Findings) -> Outcome {
    let rule = id.rule();
    let Some((&whole_id, part_ids)) = rule.cells.split_first() else {
        return Outcome::NotEvaluated;
    };
    let Some(whole) = values[0] else {
        return Outcome::NotEvaluated;
    };
    let known = part_ids
        .iter()
        .zip(&values[1..])
        .filter_map(|(&id, v)| Some((id, (*v)?)));
    if known.clone().next().is_none() {
        return Outcome::NotEvaluated;
    }
    let all_known = known.clone().count() == part_ids.len();
    let (Some(whole_span), Some(parts_span)) = (
        span(whole_id, whole, Reading::Nearest),
        Span::sum(
            known
                .clone()
                .filter_map(|(id, v)| span(id, v, Reading::Nearest)),
        ),
    ) else {
        return Outcome::NotEvaluated;
    };
    let equality = exhaustive && all_known;
    let holds = if equality {
        whole_span.overlaps(parts_span)
    } else {
        parts_span.can_be_at_most(whole_span)
    };
    match holds {
        Some(true) | None => Outcome::Passed,
        Some(false) => fire_sum(id, values, whole, parts_span, equality, findings),
    }
}

fn fire_sum(
    id: RuleId,
    values: &Values,
    whole: Printed,
    parts: Span,
    equality: bool,
    findings: &mut Findings,
) -> Outcome {
    let rule = id.rule();
    let whole_id = rule.cells[0];
    let phrase = if equality {
        Phrase::SumUnequal
    } else {
        Phrase::PartsExceed
    };
    let finding = fire(findings, id, rule.severity, phrase, values);
    // The cells involved: those reported.
    let mut involved = CellList::EMPTY;
    for (&cell, value) in rule.cells.iter().zip(values) {
        if value.is_some() {
            involved.push(cell);
        }
    }
    finding.cells = involved;
    let exact = parts.lo == parts.hi;
    let computed = if exact { parts.low() } else { None };
    finding.reported = Some(whole.to_decimal());
    finding.reported_interval = if is_exact(whole_id) {
        None
    } else {
        Span::of(whole, Reading::Nearest).and_then(Span::to_interval)
    };
    finding.computed = computed;
    // When the parts are exact, their interval is one value, the computed
    // one (or none, if it is too large for a decimal).
    finding.computed_interval = if exact { None } else { parts.to_interval() };
    finding.imbalance = computed.and_then(|c| whole.to_decimal().checked_sub(c));
    fired(finding)
}

// ---------------------------------------------------------------------------
// Bounds, conditionals, level ranges, the same quantity twice
// ---------------------------------------------------------------------------

fn bound(
    id: RuleId,
    values: &Values,
    min: Option<i64>,
    max: Option<i64>,
    findings: &mut Findings,
) -> Outcome {
    let rule = id.rule();
    let Some(v) = values[0] else {
        return Outcome::NotEvaluated;
    };
    let scale = super::interval::pow10(v.decimals).unwrap_or(i128::MAX);
    let below = min.is_some_and(|min| v.mantissa < i128::from(min).saturating_mul(scale));
    let above = max.is_some_and(|max| v.mantissa > i128::from(max).saturating_mul(scale));
    if !below && !above {
        return Outcome::Passed;
    }
    let limit = if below { min } else { max }.map(Decimal::from);
    let finding = fire(findings, id, rule.severity, Phrase::Bound, values);
    finding.reported = Some(v.to_decimal());
    finding.imbalance = limit.and_then(|limit| v.to_decimal().checked_sub(limit));
    fired(finding)
}

/// Whether a dependent of a conditional says how the thing was done: a
/// code, or a non-zero number.
fn describes(id: CellId, value: Option<Decimal>) -> bool {
    value.is_some_and(|v| !v.is_zero() || matches!(id.indicator().kind, ValueKind::Code { .. }))
}

fn conditional(id: RuleId, values: &Values, when: u8, findings: &mut Findings) -> Outcome {
    let rule = id.rule();
    let Some((&code_id, dependents)) = rule.cells.split_first() else {
        return Outcome::NotEvaluated;
    };
    let Some(code) = values[0] else {
        return Outcome::NotEvaluated;
    };
    if code.mantissa != i128::from(when) {
        return Outcome::Passed;
    }
    let describing = dependents
        .iter()
        .zip(&values[1..])
        .filter(|&(&dependent, value)| describes(dependent, value.map(Printed::to_decimal)))
        .map(|(&dependent, _)| dependent);
    if describing.clone().next().is_none() {
        return Outcome::Passed;
    }
    let finding = fire(findings, id, rule.severity, Phrase::Conditional, values);
    let mut involved = CellList::EMPTY;
    involved.push(code_id);
    for dependent in describing {
        involved.push(dependent);
    }
    finding.cells = involved;
    finding.reported = Some(code.to_decimal());
    fired(finding)
}

fn level_range(id: RuleId, values: &Values, findings: &mut Findings) -> Outcome {
    let rule = id.rule();
    let Some((&overall_id, level_ids)) = rule.cells.split_first() else {
        return Outcome::NotEvaluated;
    };
    let Some(overall) = values[0] else {
        return Outcome::NotEvaluated;
    };
    let mut levels = [None::<Printed>; 8];
    for (slot, value) in levels
        .iter_mut()
        .zip(values[1..].iter().take(level_ids.len()))
    {
        match value {
            Some(v) => *slot = Some(*v),
            None => return Outcome::NotEvaluated,
        }
    }
    let range_under = |reading| -> Option<Span> {
        let mut range: Option<Span> = None;
        for (&id, v) in level_ids.iter().zip(levels.iter().flatten()) {
            let s = span(id, *v, reading)?;
            range = Some(match range {
                None => s,
                Some(r) => {
                    let scale = r.scale.max(s.scale);
                    let (r, s) = (r.rescale(scale)?, s.rescale(scale)?);
                    Span {
                        lo: r.lo.min(s.lo),
                        hi: r.hi.max(s.hi),
                        scale,
                        lo_open: false,
                        hi_open: false,
                    }
                }
            });
        }
        range
    };
    let nearest = range_under(Reading::Nearest)
        .zip(span(overall_id, overall, Reading::Nearest))
        .and_then(|(range, overall)| overall.overlaps(range));
    match nearest {
        Some(true) | None => return Outcome::Passed,
        Some(false) => {}
    }
    let truncated = range_under(Reading::Truncated)
        .zip(span(overall_id, overall, Reading::Truncated))
        .and_then(|(range, overall)| overall.overlaps(range))
        == Some(true);
    let (severity, phrase) = if truncated {
        (Severity::Info, Phrase::LevelRangeTruncated)
    } else {
        (rule.severity, Phrase::LevelRange)
    };
    let finding = fire(findings, id, severity, phrase, values);
    finding.reported = Some(overall.to_decimal());
    finding.reported_interval =
        span(overall_id, overall, Reading::Nearest).and_then(Span::to_interval);
    finding.computed_interval = range_under(Reading::Nearest).and_then(Span::to_interval);
    fired(finding)
}

fn same(id: RuleId, values: &Values, findings: &mut Findings) -> Outcome {
    let rule = id.rule();
    let &[left_id, right_id] = rule.cells else {
        return Outcome::NotEvaluated;
    };
    let (Some(left), Some(right)) = (values[0], values[1]) else {
        return Outcome::NotEvaluated;
    };
    let holds = span(left_id, left, Reading::Nearest)
        .zip(span(right_id, right, Reading::Nearest))
        .and_then(|(l, r)| l.overlaps(r));
    if holds != Some(false) {
        return Outcome::Passed;
    }
    let finding = fire(findings, id, rule.severity, Phrase::Same, values);
    finding.reported = Some(left.to_decimal());
    finding.computed = Some(right.to_decimal());
    finding.imbalance = left.to_decimal().checked_sub(right.to_decimal());
    fired(finding)
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

impl Wording {
    /// Writes the message of `finding` (whose wording this is) in `language`.
    pub(crate) fn write(
        &self,
        finding: &Finding,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let rule = finding.rule.rule();
        let english = language == Language::English;
        let first = rule.cells[0];
        let form = first.indicator().form;
        let note = if english { rule.note_en } else { rule.note_vi };
        let n = |position: usize| Number(self.at(position), language);
        match self.phrase {
            Phrase::Ratio | Phrase::RatioTruncated | Phrase::ZeroRatio | Phrase::Derivable => {
                self.write_ratio(finding, language, out)
            }
            Phrase::SumUnequal | Phrase::PartsExceed => self.write_sum(finding, language, out),
            Phrase::Bound | Phrase::Conditional => self.write_bound(finding, language, out),
            Phrase::LevelRange | Phrase::LevelRangeTruncated => {
                let truncated = self.phrase == Phrase::LevelRangeTruncated;
                let names = Names(&rule.cells[1..], ", ");
                let range = IntervalText(finding.computed_interval, language, true);
                if english {
                    let how = if truncated {
                        " unless the rates were truncated"
                    } else {
                        ""
                    };
                    message! { out;
                        "Form ", form, ", row ", stt(first), " = ", n(0),
                        "% lies outside the range of ", names, range, how, ".",
                    }
                } else {
                    let how = if truncated {
                        " trừ khi các tỷ lệ bị cắt bớt chữ số"
                    } else {
                        ""
                    };
                    message! { out;
                        "Biểu ", form, ", mục ", stt(first), " = ", n(0),
                        "% nằm ngoài khoảng của ", names, range, how, ".",
                    }
                }
            }
            Phrase::Same => {
                let (left, right) = (
                    cell_name(rule.cells[0], true, language),
                    cell_name(rule.cells[1], true, language),
                );
                if english {
                    message! { out;
                        "The ", left, " = ", n(0), " but ", right, " = ", n(1),
                        ", and they count the same thing",
                        Labelled(" (difference ", finding.imbalance, ")", language), ": ", note,
                    }
                } else {
                    message! { out;
                        "Số liệu ", left, " = ", n(0), " nhưng ", right, " = ", n(1),
                        ", trong khi cùng đếm một đối tượng",
                        Labelled(" (chênh lệch ", finding.imbalance, ")", language), ": ", note,
                    }
                }
            }
        }
    }

    /// The message of a bound, or of a conditional.
    fn write_bound(
        &self,
        finding: &Finding,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let rule = finding.rule.rule();
        let english = language == Language::English;
        let first = rule.cells[0];
        let form = first.indicator().form;
        let note = if english { rule.note_en } else { rule.note_vi };
        let n = |position: usize| Number(self.at(position), language);
        match self.phrase {
            Phrase::Bound => {
                let Check::Bound { min, max } = rule.check else {
                    return Ok(());
                };
                let unit = if matches!(first.indicator().kind, ValueKind::Percent) {
                    "%"
                } else {
                    ""
                };
                let range = Range(min, max, language);
                if english {
                    message! { out;
                        "Form ", form, ", row ", stt(first), " = ", n(0), unit, " is outside ",
                        range, unit, ": ", note,
                    }
                } else {
                    message! { out;
                        "Biểu ", form, ", mục ", stt(first), " = ", n(0), unit, " nằm ngoài ",
                        range, unit, ": ", note,
                    }
                }
            }
            Phrase::Conditional => {
                let Check::Conditional { when } = rule.check else {
                    return Ok(());
                };
                let legend = match first.indicator().kind {
                    ValueKind::Code { legend } => legend,
                    _ => &[],
                };
                let meaning = legend
                    .iter()
                    .find(|entry| entry.code == when)
                    .map_or("", |entry| {
                        if english {
                            entry.label_en
                        } else {
                            entry.label_vi
                        }
                    });
                let listed = Listed(rule.cells, self, language);
                if english {
                    message! { out;
                        "Form ", form, ", row ", stt(first), " = ", when, " (", meaning,
                        ") but ", listed, " describe how it was done: they must be blank. ", note,
                    }
                } else {
                    message! { out;
                        "Biểu ", form, ", mục ", stt(first), " = ", when, " (", meaning,
                        ") nhưng ", listed, " mô tả cách thực hiện: phải để trống. ", note,
                    }
                }
            }
            _ => Ok(()),
        }
    }

    /// The message of a ratio, a zero ratio or a derivable blank.
    fn write_ratio(
        &self,
        finding: &Finding,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let cells = finding.rule.rule().cells;
        let &[rate_id, num_id, den_id] = cells else {
            return Ok(());
        };
        let (r, n, d) = (stt(rate_id), stt(num_id), stt(den_id));
        let form = rate_id.indicator().form;
        let [rate, num, den] = [0, 1, 2].map(|position| Number(self.at(position), language));
        let computed = OptNumber(finding.computed, language);
        let english = language == Language::English;
        match (self.phrase, english) {
            (Phrase::RatioTruncated, true) => message! { out;
                "Form ", form, ", row ", r, ": ", rate, "% matches 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed,
                "% only if truncated, not if rounded.",
            },
            (Phrase::RatioTruncated, false) => message! { out;
                "Biểu ", form, ", mục ", r, ": ", rate, "% chỉ khớp với 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed,
                "% nếu cắt bớt chữ số, không khớp nếu làm tròn.",
            },
            (Phrase::Ratio, true) => message! { out;
                "Form ", form, ", row ", r, ": the reported ", rate, "%",
                IntervalText(finding.reported_interval, language, true),
                " does not match 100 × ", n, " / ", d, " = 100 × ", num, " / ", den, " = ",
                computed, "%", IntervalText(finding.computed_interval, language, true), ".",
            },
            (Phrase::Ratio, false) => message! { out;
                "Biểu ", form, ", mục ", r, ": tỷ lệ báo cáo ", rate, "%",
                IntervalText(finding.reported_interval, language, true),
                " không khớp với 100 × ", n, " / ", d, " = 100 × ", num, " / ", den, " = ",
                computed, "%", IntervalText(finding.computed_interval, language, true), ".",
            },
            (Phrase::ZeroRatio, true) => message! { out;
                "Form ", form, ", row ", r, ": ", n, " / ", d, " = ", num, " / ", den,
                " has no ratio, so the reported ", rate, "% cannot be checked.",
            },
            (Phrase::ZeroRatio, false) => message! { out;
                "Biểu ", form, ", mục ", r, ": ", n, " / ", d, " = ", num, " / ", den,
                " không có tỷ lệ, nên không kiểm tra được tỷ lệ báo cáo ", rate, "%.",
            },
            (_, true) => message! { out;
                "Form ", form, ", row ", r, " is blank but can be derived: 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed, "%.",
            },
            (_, false) => message! { out;
                "Biểu ", form, ", mục ", r, " để trống nhưng tính được: 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed, "%.",
            },
        }
    }

    /// The message of a sum, or of parts exceeding their whole.
    fn write_sum(
        &self,
        finding: &Finding,
        language: Language,
        out: &mut dyn fmt::Write,
    ) -> fmt::Result {
        let rule = finding.rule.rule();
        let whole_id = rule.cells[0];
        let across = rule.family == Family::AcrossForms;
        let whole_name = cell_name(whole_id, across, language);
        let whole = Number(self.at(0), language);
        let form = whole_id.indicator().form;
        let english = language == Language::English;
        let prefix = Prefix::new(across, if english { "Form " } else { "Biểu " }, form);
        // The parts' total: their sum when exact, else the interval it lies in.
        let total = Total(finding.computed, finding.computed_interval, language);
        let parts = Parts {
            ids: &rule.cells[1..],
            wording: self,
            across,
            language,
        };
        let (names, values, blanks) = (parts.names(), parts.values(), parts.blanks());
        match (self.phrase, english) {
            (Phrase::SumUnequal, true) => message! { out;
                prefix, whole_name, " = ", whole, " but ", names, " = ", values, " = ", total,
                Labelled(" (imbalance ", finding.imbalance, ")", language), ".",
            },
            (Phrase::SumUnequal, false) => message! { out;
                prefix, whole_name, " = ", whole, " nhưng ", names, " = ", values, " = ", total,
                Labelled(" (chênh lệch ", finding.imbalance, ")", language), ".",
            },
            (_, true) => message! { out;
                prefix, names, " = ", values, " = ", total, " exceeds ", whole_name, " = ",
                whole, Unless(parts.has_blanks(), " even with ", blanks, " blank"), ".",
            },
            (_, false) => message! { out;
                prefix, names, " = ", values, " = ", total, " vượt quá ", whole_name, " = ",
                whole, Unless(parts.has_blanks(), " dù ", blanks, " để trống"), ".",
            },
        }
    }
}

/// The parts of a sum in a message: the reported parts' names joined by
/// ` + `, their values likewise, and the blank parts' names. The parts are
/// the rule's cells after the first.
#[derive(Clone, Copy)]
struct Parts<'a> {
    ids: &'a [CellId],
    wording: &'a Wording,
    across: bool,
    language: Language,
}

/// Which list of [`Parts`] to write.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PartList {
    Names,
    Values,
    Blanks,
}

impl<'a> Parts<'a> {
    fn names(self) -> PartsText<'a> {
        PartsText(self, PartList::Names)
    }

    fn values(self) -> PartsText<'a> {
        PartsText(self, PartList::Values)
    }

    fn blanks(self) -> PartsText<'a> {
        PartsText(self, PartList::Blanks)
    }

    /// The value of the part at `index`, `None` when blank.
    fn value(self, index: usize) -> Option<Decimal> {
        self.wording.get(index + 1)
    }

    fn has_blanks(self) -> bool {
        (0..self.ids.len()).any(|index| self.value(index).is_none())
    }
}

/// A list of [`Parts`], written into a message.
#[derive(Clone, Copy)]
struct PartsText<'a>(Parts<'a>, PartList);

impl Piece for PartsText<'_> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let PartsText(parts, list) = *self;
        let mut first = true;
        for (index, &id) in parts.ids.iter().enumerate() {
            let reported = parts.value(index);
            if reported.is_some() == (list == PartList::Blanks) {
                continue;
            }
            if !first {
                out.write_str(if list == PartList::Blanks {
                    ", "
                } else {
                    " + "
                })?;
            }
            first = false;
            match (list, reported) {
                (PartList::Values, Some(v)) => Number(v, parts.language).put(out)?,
                _ => cell_name(id, parts.across, parts.language).put(out)?,
            }
        }
        Ok(())
    }
}

/// The dependents of a conditional that describe how the thing was done,
/// `STT = value` joined by ` and ` (` và `).
#[derive(Clone, Copy)]
struct Listed<'a>(&'static [CellId], &'a Wording, Language);

impl Piece for Listed<'_> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let Listed(cells, wording, language) = *self;
        let mut first = true;
        for (position, &id) in cells.iter().enumerate().skip(1) {
            let reported = wording.get(position);
            if !describes(id, reported) {
                continue;
            }
            if !first {
                out.write_str(if language == Language::English {
                    " and "
                } else {
                    " và "
                })?;
            }
            first = false;
            out.write_str(stt(id))?;
            out.write_str(" = ")?;
            Number(reported.unwrap_or_default(), language).put(out)?;
        }
        Ok(())
    }
}

/// The STTs of some cells, joined.
#[derive(Clone, Copy)]
struct Names(&'static [CellId], &'static str);

impl Piece for Names {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        for (index, &id) in self.0.iter().enumerate() {
            if index > 0 {
                out.write_str(self.1)?;
            }
            out.write_str(stt(id))?;
        }
        Ok(())
    }
}

/// The range of a bound: `[min, max]` in English, `[min; max]` in
/// Vietnamese, an open side written `−∞` or `+∞`.
#[derive(Clone, Copy)]
struct Range(Option<i64>, Option<i64>, Language);

impl Piece for Range {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let side = |limit: Option<i64>, infinite: &str, out: &mut dyn fmt::Write| match limit {
            Some(limit) => write!(out, "{limit}"),
            None => out.write_str(infinite),
        };
        out.write_str("[")?;
        side(self.0, "−∞", out)?;
        out.write_str(match self.2 {
            Language::English => ", ",
            Language::Vietnamese => "; ",
        })?;
        side(self.1, "+∞", out)?;
        out.write_str("]")
    }
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

fn stt(id: CellId) -> &'static str {
    id.indicator().stt
}

/// A cell's name in a message: its STT, or its form and STT across forms.
fn cell_name(id: CellId, with_form: bool, language: Language) -> CellName {
    CellName(id, with_form, language)
}

/// A piece of a message, written straight into where the message goes.
trait Piece {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result;
}

impl Piece for &str {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(self)
    }
}

/// A form number or a code.
impl Piece for u8 {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let value = *self;
        if value >= 100 {
            out.write_char(char::from(b'0' + value / 100))?;
        }
        if value >= 10 {
            out.write_char(char::from(b'0' + value / 10 % 10))?;
        }
        out.write_char(char::from(b'0' + value % 10))
    }
}

#[derive(Clone, Copy)]
struct CellName(CellId, bool, Language);

impl Piece for CellName {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let indicator = self.0.indicator();
        match (self.1, self.2) {
            (false, _) => {}
            (true, Language::English) => {
                out.write_str("form ")?;
                indicator.form.put(out)?;
                out.write_str(" row ")?;
            }
            (true, Language::Vietnamese) => {
                out.write_str("biểu ")?;
                indicator.form.put(out)?;
                out.write_str(" mục ")?;
            }
        }
        out.write_str(indicator.stt)
    }
}

impl CellName {
    fn to_text(self) -> String {
        let mut text = String::new();
        // Writing into a `String` does not fail.
        let _ = self.put(&mut text);
        text
    }
}

/// A number as messages print it, without its trailing zeros: `-1234.5` in
/// English (as [`Decimal`] displays it), `-1.234,5` in Vietnamese (as
/// [`VietnameseDecimal`](crate::number::VietnameseDecimal) does).
#[derive(Clone, Copy)]
struct Number(Decimal, Language);

/// The two-digit numbers `00` to `99`, for writing digits two at a time.
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

impl Piece for Number {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        // A decimal has at most 29 digits and 28 decimals.
        const DIGITS: usize = 40;
        let value = if self.0.scale() == 0 {
            self.0
        } else {
            self.0.normalize()
        };
        let scale = value.scale() as usize;
        let mantissa = value.mantissa();
        // The digits, right-aligned after leading zeros; in 64 bits, two
        // at a time, once the rest fits.
        let mut digits = [b'0'; DIGITS];
        let mut start = DIGITS;
        let mut magnitude = mantissa.unsigned_abs();
        while u64::try_from(magnitude).is_err() {
            start -= 1;
            digits[start] += u8::try_from(magnitude % 10).unwrap_or_default();
            magnitude /= 10;
        }
        let mut small = u64::try_from(magnitude).unwrap_or_default();
        while small >= 10 {
            let pair = usize::try_from(small % 100).unwrap_or_default() * 2;
            small /= 100;
            start -= 2;
            digits[start..start + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if small > 0 {
            start -= 1;
            digits[start] += u8::try_from(small).unwrap_or_default();
        }
        // At least one integer digit: `0.05`.
        let start = start.min(DIGITS - 1 - scale.min(DIGITS - 1));
        let (integer, fraction) = digits[start..].split_at(DIGITS - start - scale);
        let mut text = [0_u8; 2 * DIGITS];
        let mut length = 0;
        if mantissa < 0 {
            text[0] = b'-';
            length = 1;
        }
        let point = match self.1 {
            Language::English => {
                text[length..length + integer.len()].copy_from_slice(integer);
                length += integer.len();
                b'.'
            }
            Language::Vietnamese => {
                // A `.` before each group of three from the right.
                let mut until_group = match integer.len() % 3 {
                    0 => 3,
                    lead => lead,
                };
                for &digit in integer {
                    if until_group == 0 {
                        text[length] = b'.';
                        length += 1;
                        until_group = 3;
                    }
                    text[length] = digit;
                    length += 1;
                    until_group -= 1;
                }
                b','
            }
        };
        if !fraction.is_empty() {
            text[length] = point;
            text[length + 1..length + 1 + fraction.len()].copy_from_slice(fraction);
            length += 1 + fraction.len();
        }
        out.write_str(std::str::from_utf8(&text[..length]).unwrap_or_default())
    }
}

/// A number, or `?` when unknown.
#[derive(Clone, Copy)]
struct OptNumber(Option<Decimal>, Language);

impl Piece for OptNumber {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self.0 {
            Some(value) => Number(value, self.1).put(out),
            None => out.write_char('?'),
        }
    }
}

/// An interval, ` [low, high]` in English and ` [low; high]` in Vietnamese
/// (with the leading space when the flag says so); nothing when unknown.
#[derive(Clone, Copy)]
struct IntervalText(Option<Interval>, Language, bool);

impl Piece for IntervalText {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        let Some(interval) = self.0 else {
            return Ok(());
        };
        if self.2 {
            out.write_char(' ')?;
        }
        out.write_char('[')?;
        Number(interval.low, self.1).put(out)?;
        out.write_str(match self.1 {
            Language::English => ", ",
            Language::Vietnamese => "; ",
        })?;
        Number(interval.high, self.1).put(out)?;
        out.write_char(']')
    }
}

/// The parts' total: their sum when it is exact, else the interval it lies in.
#[derive(Clone, Copy)]
struct Total(Option<Decimal>, Option<Interval>, Language);

impl Piece for Total {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self.0 {
            Some(total) => Number(total, self.2).put(out),
            None => IntervalText(self.1, self.2, false).put(out),
        }
    }
}

/// `Form 3: `, or nothing for a rule across forms.
#[derive(Clone, Copy)]
struct Prefix(Option<(&'static str, u8)>);

impl Prefix {
    fn new(across: bool, word: &'static str, form: u8) -> Prefix {
        Prefix((!across).then_some((word, form)))
    }
}

impl Piece for Prefix {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if let Some((word, form)) = self.0 {
            out.write_str(word)?;
            form.put(out)?;
            out.write_str(": ")?;
        }
        Ok(())
    }
}

/// A number between two words, or nothing when unknown: ` (imbalance 6)`.
#[derive(Clone, Copy)]
struct Labelled(&'static str, Option<Decimal>, &'static str, Language);

impl Piece for Labelled {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if let Some(value) = self.1 {
            out.write_str(self.0)?;
            Number(value, self.3).put(out)?;
            out.write_str(self.2)?;
        }
        Ok(())
    }
}

/// Something between two words when the flag is set, else nothing.
#[derive(Clone, Copy)]
struct Unless<T>(bool, &'static str, T, &'static str);

impl<T: Piece> Piece for Unless<T> {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        if self.0 {
            out.write_str(self.1)?;
            self.2.put(out)?;
            out.write_str(self.3)?;
        }
        Ok(())
    }
}

/// The description of a rule in one language, derived from its cells.
pub(crate) fn describe(rule: &Rule, language: Language) -> String {
    let english = language == Language::English;
    let across = rule.family == Family::AcrossForms;
    let name = |id: CellId| cell_name(id, across, language).to_text();
    let join = |ids: &[CellId], separator: &str| {
        ids.iter()
            .map(|&id| name(id))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let first = rule.cells[0];
    let rest = &rule.cells[1..];
    let form = first.indicator().form;
    let prefix = match (across, english) {
        (true, _) => String::new(),
        (false, true) => format!("Form {form}: "),
        (false, false) => format!("Biểu {form}: "),
    };
    let body = match (rule.check, english) {
        (Check::Ratio, true) => format!(
            "{} = 100 × {} / {}, within the precision {} is printed with.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first)
        ),
        (Check::Ratio, false) => format!(
            "{} = 100 × {} / {}, trong phạm vi độ chính xác của số in ở {}.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first)
        ),
        (Check::Derivable, true) => format!(
            "when {} is blank and {} and {} are reported, {} can be derived as 100 × {} / {}.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first),
            name(rest[0]),
            name(rest[1])
        ),
        (Check::Derivable, false) => format!(
            "khi {} để trống mà {} và {} có số liệu, có thể tính {} = 100 × {} / {}.",
            name(first),
            name(rest[0]),
            name(rest[1]),
            name(first),
            name(rest[0]),
            name(rest[1])
        ),
        (Check::Sum, _) => format!("{} = {}.", name(first), join(rest, " + ")),
        (Check::PartWhole, _) => format!("{} ≤ {}.", join(rest, " + "), name(first)),
        (Check::Bound { min, max }, _) => match (min, max) {
            (Some(min), Some(max)) => format!("{min} ≤ {} ≤ {max}.", name(first)),
            (Some(min), None) => format!("{} ≥ {min}.", name(first)),
            (None, Some(max)) => format!("{} ≤ {max}.", name(first)),
            (None, None) => format!("{}.", name(first)),
        },
        (Check::Conditional { when }, true) => {
            format!(
                "when {} = {when}, {} are blank (or 0).",
                name(first),
                join(rest, " and ")
            )
        }
        (Check::Conditional { when }, false) => {
            format!(
                "khi {} = {when}, {} để trống (hoặc 0).",
                name(first),
                join(rest, " và ")
            )
        }
        (Check::LevelRange, _) => {
            format!("min({0}) ≤ {1} ≤ max({0}).", join(rest, ", "), name(first))
        }
        (Check::Same, _) => format!("{} = {}.", name(first), join(rest, "")),
    };
    let note = if english { rule.note_en } else { rule.note_vi };
    let mut text = prefix + &body;
    if !note.is_empty() {
        text.push(' ');
        text.push_str(note);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::VietnameseDecimal;

    fn text(piece: &impl Piece) -> String {
        let mut out = String::new();
        piece.put(&mut out).unwrap();
        out
    }

    fn en(value: Decimal) -> Number {
        Number(value, Language::English)
    }

    fn vi(value: Decimal) -> Number {
        Number(value, Language::Vietnamese)
    }

    #[test]
    fn numbers_print_as_decimal_and_vietnamese_decimal_do() {
        let mut values = vec![
            Decimal::ZERO,
            Decimal::new(0, 3),
            Decimal::new(-0, 2),
            Decimal::new(5, 2),
            Decimal::new(-5, 2),
            Decimal::new(1896, 0),
            Decimal::new(-6, 0),
            Decimal::new(993, 1),
            Decimal::new(99_300, 3),
            Decimal::new(8_007_000, 0),
            Decimal::new(-12_345_675, 2),
            Decimal::new(100_000, 0),
            Decimal::new(999_999, 6),
            Decimal::new(1, 28),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 0),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) * 10 + 7, 5),
            Decimal::from_i128_with_scale(-(i128::from(u64::MAX) * 1000), 28),
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let shift = state % 96;
            let mantissa = i128::from(state >> (state % 64)) << (shift % 32);
            let sign = if state % 3 == 0 { -1 } else { 1 };
            let scale = u32::try_from(state % 29).unwrap();
            values.push(Decimal::from_i128_with_scale(sign * mantissa, scale));
        }
        for value in values {
            assert_eq!(text(&en(value)), value.normalize().to_string(), "{value:?}");
            assert_eq!(
                text(&vi(value)),
                VietnameseDecimal(value.normalize()).to_string(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn small_numbers_and_names_print_as_format_does() {
        for value in 0..=u8::MAX {
            assert_eq!(text(&value), value.to_string());
        }
        let id = CellId::of(4, "1.5");
        assert_eq!(text(&cell_name(id, false, Language::English)), "1.5");
        assert_eq!(
            text(&cell_name(id, true, Language::English)),
            "form 4 row 1.5"
        );
        assert_eq!(
            text(&cell_name(id, true, Language::Vietnamese)),
            "biểu 4 mục 1.5"
        );
    }
}
