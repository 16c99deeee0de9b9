//! `sum`: a total against an exhaustive breakdown (the levels of
//! government, the autonomy groups): the parts add up to it.
//!
//! The total and the sum of its parts (intervals when printed with limited
//! precision) must overlap. With a part blank, the known parts are checked
//! as "of which": they cannot exceed the total. A part whose row does not
//! apply to the period (a district row after 1 July 2025) is left out and
//! counts as blank, so the levels that exist are checked as "of which"
//! (`1.4.1 + 1.4.3 ≤ 3/1.4`): such a row is reported blank, and the total
//! may still count what the abolished level handled. The code here is shared with `part_whole` and `across_forms`,
//! which check "parts ≤ whole".

use std::fmt;

use rust_decimal::Decimal;

use super::interval::{Reading, Span};
use super::ratio::span;
use super::rules::{Notes, split};
use super::snapshot::{Slot, read, slot_of};
use super::words::{
    Labelled, Names, Number, Prefix, TermList, Terms, TermsText, Total, Unless, message,
};
use super::{CellValues, Constraint, Fast, Outcome, RuleFamily, fire, fired, is_exact};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::{CellList, Finding, Findings, Language, Phrase, RuleId, Severity, Wording};
use crate::unit::Printed;

/// A total and the parts that add up to it, with the severity of each
/// direction of an imbalance.
///
/// The severity can depend on the direction: procedures by level (`3/1.4`)
/// may add up to more than the total innocently (a procedure carried out at
/// two levels is listed at each), never to less; the autonomy groups of
/// public service units (`6/2.1`) can never add up to more than the units,
/// and add up to less while units await assignment.
///
/// # Example
/// ```
/// use cchc_forms::check::Check;
/// use cchc_forms::bnv581::RULES;
/// use cchc_forms::Severity;
///
/// let rule = RULES.iter().find(|rule| rule.id == "sum:3/1.4").unwrap();
/// let Check::Sum(sum) = rule.check else { panic!() };
/// assert_eq!((sum.above, sum.below), (Severity::Warning, Severity::Error));
/// assert_eq!(rule.severity, Severity::Error); // the more severe direction
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Sum {
    /// The total (`3/1.4`).
    pub total: CellId,
    /// The parts (`3/1.4.1`, `3/1.4.2`, `3/1.4.3`).
    pub parts: &'static [CellId],
    /// The severity when the parts add up to more than the total (also
    /// when, with a part blank, the known parts already exceed it).
    pub above: Severity,
    /// The severity when every part is reported and they add up to less
    /// than the total.
    pub below: Severity,
}

impl RuleFamily for Sum {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        evaluate_total(
            self.total,
            self.parts,
            (self.above, Some(self.below)),
            rule,
            values,
            findings,
        )
    }

    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        decide_total(self.total, self.parts, true, snapshot)
    }

    fn blank(&self) -> super::Blank {
        super::Blank::KnownParts
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        message! { out;
            Prefix(Some(self.total.indicator().form), language),
            Names(&[self.total], "", false, language), " = ",
            Names(self.parts, " + ", false, language), ".",
        }?;
        if self.above == self.below {
            return Ok(());
        }
        let name = |severity: Severity| match (severity, language) {
            (Severity::Error, Language::English) => "an error",
            (Severity::Warning, Language::English) => "a warning",
            (Severity::Info, Language::English) => "a note",
            (Severity::Error, Language::Vietnamese) => "lỗi",
            (Severity::Warning, Language::Vietnamese) => "cảnh báo",
            (Severity::Info, Language::Vietnamese) => "ghi chú",
        };
        match language {
            Language::English => message! { out;
                " Parts adding up to more than the total: ", name(self.above),
                "; to less: ", name(self.below), ".",
            },
            Language::Vietnamese => message! { out;
                " Các mục thành phần cộng lại lớn hơn tổng: ", name(self.above),
                "; nhỏ hơn: ", name(self.below), ".",
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
        write_total(
            self.total, self.parts, false, finding, wording, language, out,
        )
    }

    fn constraint(&self) -> Constraint {
        Constraint::Total {
            total: self.total,
            parts: self.parts,
            exhaustive: true,
        }
    }
}

/// A total against its parts, with `(above, below)` the severities of
/// parts above the total and, for a sum (the parts add up to it), of parts
/// below it; `below` is `None` for "of which" parts (together at most the
/// whole). With a part blank, a sum is checked as "of which". Parts whose
/// rows do not apply are left out; a total whose row does not apply leaves
/// the rule unevaluated.
pub(crate) fn evaluate_total(
    whole_id: CellId,
    part_ids: &[CellId],
    (above, below): (Severity, Option<Severity>),
    rule: RuleId,
    values: &CellValues,
    findings: &mut Findings,
) -> Outcome {
    let Some(whole) = values.get(0) else {
        return Outcome::NotEvaluated;
    };
    let known = part_ids
        .iter()
        .enumerate()
        .filter_map(|(index, &id)| Some((id, values.get(index + 1)?)));
    if known.clone().next().is_none() {
        return Outcome::NotEvaluated;
    }
    // A part whose row does not apply counts as blank: the sum is then
    // checked as "of which" over the levels that exist.
    let all_known = known.clone().count() == part_ids.len();
    let equality = below.is_some() && all_known;
    // Whole numbers read exactly (nearly every total): added and compared
    // as they are; the same verdict and numbers as their spans give.
    let counts = whole_counts(whole_id, whole, known.clone());
    let (parts_fit, total_fits, parts_span) = if let Some((whole, sum)) = counts {
        (sum <= whole, whole <= sum, None)
    } else {
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
        let (Some(parts_fit), Some(total_fits)) = (
            parts_span.can_be_at_most(whole_span),
            whole_span.can_be_at_most(parts_span),
        ) else {
            return Outcome::NotEvaluated;
        };
        (parts_fit, total_fits, Some(parts_span))
    };
    let severity = if !parts_fit {
        above
    } else if let (true, false, Some(below)) = (equality, total_fits, below) {
        below
    } else {
        return Outcome::Passed;
    };
    let r = rule.rule();
    let phrase = if equality {
        Phrase::Violated
    } else {
        Phrase::PartsExceed
    };
    let finding = fire(findings, rule, severity, phrase, values);
    // The cells involved: those reported, in rows that apply.
    let mut involved = CellList::EMPTY;
    for (position, &cell) in r.cells.iter().enumerate() {
        if values.get(position).is_some() {
            involved.push(cell);
        }
    }
    finding.cells = involved;
    finding.reported = Some(whole.to_decimal());
    match (counts, parts_span) {
        (Some((whole, sum)), _) => {
            // Exact, so no intervals; whole numbers, as the spans' low
            // ends give them (scale 0).
            finding.computed = Some(Decimal::from(sum));
            finding.imbalance = Some(Decimal::from(whole - sum));
        }
        (None, Some(parts_span)) => {
            let exact = parts_span.lo == parts_span.hi;
            let computed = if exact { parts_span.low() } else { None };
            finding.reported_interval = if is_exact(whole_id) {
                None
            } else {
                Span::of(whole, Reading::Nearest).and_then(Span::to_interval)
            };
            finding.computed = computed;
            // When the parts are exact, their interval is one value, the
            // computed one (or none, if it is too large for a decimal).
            finding.computed_interval = if exact {
                None
            } else {
                parts_span.to_interval()
            };
            finding.imbalance = computed.and_then(|c| whole.to_decimal().checked_sub(c));
        }
        (None, None) => {}
    }
    fired(finding)
}

/// The whole and the sum of the known parts, when every one is a whole
/// number read exactly (a count or a code, printed without decimals) of
/// at most 64 bits (a rule's few cells add up far below 2⁹⁶, so the
/// numbers are decimals). `None` otherwise, for the spans to decide.
fn whole_counts(
    whole_id: CellId,
    whole: Printed,
    known: impl Iterator<Item = (CellId, Printed)>,
) -> Option<(i128, i128)> {
    let whole = exact_whole(whole_id, whole)?;
    let mut sum = 0_i128;
    for (id, value) in known {
        sum = sum.checked_add(exact_whole(id, value)?)?;
    }
    Some((whole, sum))
}

/// The value of cell `id` as a whole number read exactly, when it is one
/// (a count or a code printed without decimals) of at most 64 bits: its
/// span is that one number, and the numbers of a finding made of a few of
/// them are whole decimals.
pub(crate) fn exact_whole(id: CellId, value: Printed) -> Option<i128> {
    (is_exact(id) && value.decimals == 0 && i64::try_from(value.mantissa).is_ok())
        .then_some(value.mantissa)
}

/// A total and its parts on the snapshot, at one scale: overlapping
/// intervals for a sum with every part reported, else the known parts at
/// most the whole.
#[inline(always)]
pub(crate) fn decide_total(
    whole: CellId,
    parts: &[CellId],
    exhaustive: bool,
    snapshot: &[Slot],
) -> Fast {
    let whole = match read(snapshot, whole) {
        Ok(Some(whole)) => whole,
        Ok(None) => return Fast::Skip,
        Err(undecided) => return undecided,
    };
    // Counts first (nearly every total): whole, exact numbers compare as
    // they are, with no scaling. Fewer than 2³² parts of magnitude below
    // 2³¹ cannot overflow an i64.
    if whole.is_exact_whole() {
        let (mut sum, mut known, mut all_whole, mut wide) = (0_i64, 0_usize, true, false);
        for &part in parts {
            // Blank parts are not known; a wide one leaves the rule undecided.
            let slot = slot_of(snapshot, part);
            wide |= slot.is_wide();
            match slot.held(part) {
                Some(part) if part.is_exact_whole() => {
                    sum += i64::from(part.mantissa);
                    known += 1;
                }
                Some(_) => {
                    all_whole = false;
                    break;
                }
                None => {}
            }
        }
        if wide {
            return Fast::Undecided;
        }
        if all_whole {
            let whole = i64::from(whole.mantissa);
            let holds = match known {
                0 => return Fast::Skip,
                _ if exhaustive && known == parts.len() => sum == whole,
                _ => sum <= whole,
            };
            return if holds { Fast::Pass } else { Fast::Undecided };
        }
    }
    let (mut lo, mut hi, mut known) = (0_i64, 0_i64, 0_usize);
    for &part in parts {
        match read(snapshot, part) {
            Ok(Some(part)) => {
                let (part_lo, part_hi) = part.at_scale();
                // Parts are below 2⁵³: only a rule of over a thousand parts
                // could overflow, and then the exact evaluator decides.
                let (Some(new_lo), Some(new_hi)) =
                    (lo.checked_add(part_lo), hi.checked_add(part_hi))
                else {
                    return Fast::Undecided;
                };
                (lo, hi) = (new_lo, new_hi);
                known += 1;
            }
            Ok(None) => {}
            Err(undecided) => return undecided,
        }
    }
    if known == 0 {
        return Fast::Skip;
    }
    let (whole_lo, whole_hi) = whole.at_scale();
    let holds = if exhaustive && known == parts.len() {
        whole_lo <= hi && lo <= whole_hi
    } else {
        lo <= whole_hi
    };
    if holds { Fast::Pass } else { Fast::Undecided }
}

/// The message of a sum, or of parts exceeding their whole.
pub(crate) fn write_total(
    whole_id: CellId,
    parts: &[CellId],
    across: bool,
    finding: &Finding,
    wording: &Wording,
    language: Language,
    out: &mut dyn fmt::Write,
) -> fmt::Result {
    let whole_name = Names(std::slice::from_ref(&whole_id), "", across, language);
    let whole = Number(wording.at(0), language);
    let prefix = Prefix((!across).then(|| whole_id.indicator().form), language);
    // The parts' total: their sum when exact, else the interval it lies in.
    let total = Total(finding.computed, finding.computed_interval, language);
    let terms = Terms {
        ids: parts,
        wording,
        across,
        language,
    };
    let (names, figures, blanks) = (
        TermsText(terms, TermList::Names),
        TermsText(terms, TermList::Figures),
        TermsText(terms, TermList::Blanks),
    );
    match (wording.phrase, language) {
        (Phrase::Violated, Language::English) => message! { out;
            prefix, whole_name, " = ", whole, " but ", names, " = ", figures, Unless(terms.reported() > 1, " = ", total, ""),
            Labelled(" (imbalance ", finding.imbalance, ")", language), ".",
        },
        (Phrase::Violated, Language::Vietnamese) => message! { out;
            prefix, whole_name, " = ", whole, " nhưng ", names, " = ", figures, Unless(terms.reported() > 1, " = ", total, ""),
            Labelled(" (chênh lệch ", finding.imbalance, ")", language), ".",
        },
        (_, Language::English) => message! { out;
            prefix, names, " = ", figures, Unless(terms.reported() > 1, " = ", total, ""), " exceeds ", whole_name, " = ",
            whole, Unless(terms.has_blanks(), " even with ", blanks, " blank"), ".",
        },
        (_, Language::Vietnamese) => message! { out;
            prefix, names, " = ", figures, Unless(terms.reported() > 1, " = ", total, ""), " vượt quá ", whole_name, " = ",
            whole, Unless(terms.has_blanks(), " dù ", blanks, " để trống"), ".",
        },
    }
}

impl Sum {
    /// The rule of `cells`, `[total, parts…]`, with the severities of parts
    /// adding up to more (`above`) and to less (`below`) than the total: the
    /// rule's severity is the worse of the two.
    pub(crate) const fn rule(
        id: &'static str,
        cells: &'static [CellId],
        notes: Notes,
        above: Severity,
        below: Severity,
    ) -> Rule {
        let (total, parts) = split(cells);
        let check = Check::Sum(Sum {
            total,
            parts,
            above,
            below,
        });
        Rule::new(id, worst(above, below), check, cells, notes.0, notes.1)
    }
}

/// The more severe of two severities, in a `const`.
pub(crate) const fn worst(a: Severity, b: Severity) -> Severity {
    match (a, b) {
        (Severity::Error, _) | (_, Severity::Error) => Severity::Error,
        (Severity::Warning, _) | (_, Severity::Warning) => Severity::Warning,
        _ => Severity::Info,
    }
}

/// How the strategies break a sum.
#[cfg(feature = "proptest")]
pub(crate) mod strategy {
    use super::Sum;
    use crate::catalogue::CellId;
    use crate::check::Rule;
    use crate::check::generate::{
        ALL_BUT_ONE, Broken, Generates, Ground, Holds, Making, Violation, WHOLE_SHARE, decimals_of,
        floor_at, head_or_rest, partition,
    };
    use crate::check::is_exact;
    use crate::unit::Printed;

    impl Generates for Sum {
        fn holds(&self) -> Holds {
            Holds::Split
        }

        /// The parts split the total.
        fn hold(&self, rule: &Rule, _index: usize, making: &mut Making<'_>) -> Option<Vec<CellId>> {
            split_total(rule, making, true)
        }

        /// Parts, all reported, and a total off their sum by at least one
        /// (more when the cells are printed with limited precision).
        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            _ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let mut parts: Vec<i128> = (1..rule.cells.len())
                .map(|position| i128::from(violation.cell(position).magnitude) % 1_000_000_000)
                .collect();
            let exact = rule.cells.iter().all(|&id| is_exact(id));
            let cells = i128::try_from(rule.cells.len()).unwrap_or(i128::MAX);
            let off = 1 + violation.margin(1000) + if exact { 0 } else { cells + 1 };
            // Where the severity depends on the direction, the rule's own
            // (the more severe) direction: parts above the total, or below it.
            let parts_above = if self.above == self.below {
                !violation.above
            } else {
                self.above == rule.severity
            };
            let sum: i128 = parts.iter().sum();
            if parts_above && sum < off {
                if let Some(first) = parts.first_mut() {
                    *first += off;
                }
            }
            let sum: i128 = parts.iter().sum();
            let total = if parts_above { sum - off } else { sum + off };
            let mut written = vec![Some(Printed::whole(total))];
            written.extend(parts.into_iter().map(|part| Some(Printed::whole(part))));
            Some(Broken::cells(written))
        }

        /// A blank total silences the sum; failing that, its other parts
        /// are blanked (a sum with parts left is checked as "of which").
        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            head_or_rest(rule, mine)
        }
    }

    /// Sets the parts of a sum (`exhaustive`) or of a whole from the
    /// whole: the cells set, `None` when the whole is blank. Parts already
    /// set that do not fit give up the whole.
    pub(crate) fn split_total(
        rule: &Rule,
        making: &mut Making<'_>,
        exhaustive: bool,
    ) -> Option<Vec<CellId>> {
        let (&whole_id, parts) = rule.cells.split_first()?;
        let whole = making.value(whole_id)?;
        let unset: Vec<CellId> = parts
            .iter()
            .copied()
            .filter(|&id| making.value(id).is_none())
            .collect();
        let decimals = if exhaustive {
            whole.decimals
        } else {
            parts
                .first()
                .map_or(0, |&id| decimals_of(id, making.draw(id)))
        };
        let room = floor_at(whole, decimals)
            - parts
                .iter()
                .filter_map(|&id| making.value(id))
                .map(|part| floor_at(part, decimals))
                .sum::<i128>();
        let fill = if exhaustive {
            WHOLE_SHARE
        } else {
            parts
                .first()
                .map_or(0, |&id| i128::from(making.draw(id).share))
        };
        if room < 0 || (unset.is_empty() && exhaustive && room != 0) {
            // Parts already set otherwise do not fit: give up the whole.
            making.set(whole_id, None);
            return Some(Vec::new());
        }
        let weights: Vec<u16> = unset.iter().map(|&id| making.draw(id).weight).collect();
        let given = if fill == i128::from(ALL_BUT_ONE) {
            (room - 1).max(0)
        } else {
            room * fill.min(WHOLE_SHARE) / WHOLE_SHARE
        };
        for (&id, mantissa) in unset.iter().zip(partition(given, &weights)) {
            making.set(id, Some(Printed { mantissa, decimals }));
        }
        Some(unset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(stt: &str) -> CellId {
        CellId::of(3, stt)
    }

    #[test]
    fn whole_counts_are_added_in_integers_and_anything_else_goes_to_the_spans() {
        // The source document: 3/1.4 = 1.902 against 1.486 + 255 + 155.
        let parts = [
            (cell("1.4.1"), Printed::whole(1_486)),
            (cell("1.4.2"), Printed::whole(255)),
            (cell("1.4.3"), Printed::whole(155)),
        ];
        assert_eq!(
            whole_counts(cell("1.4"), Printed::whole(1_902), parts.into_iter()),
            Some((1_902, 1_896))
        );
        // A count past 64 bits, a count printed with decimals and a rate
        // (read as an interval) are not whole counts.
        let wide = Printed::whole(i128::from(i64::MAX) + 1);
        assert_eq!(exact_whole(cell("1.4"), wide), None);
        assert_eq!(
            exact_whole(cell("1.4"), Printed::whole(i128::from(i64::MAX))),
            Some(i128::from(i64::MAX))
        );
        assert_eq!(
            exact_whole(cell("1.4"), Printed::whole(i128::from(i64::MIN))),
            Some(i128::from(i64::MIN))
        );
        let with_decimals = Printed {
            mantissa: 19_020,
            decimals: 1,
        };
        assert_eq!(exact_whole(cell("1.4"), with_decimals), None);
        assert_eq!(exact_whole(cell("3.1"), Printed::whole(99)), None);
        // One part that is not a whole count sends the whole rule to the
        // spans.
        let mut mixed = parts;
        mixed[1].1 = with_decimals;
        assert_eq!(
            whole_counts(cell("1.4"), Printed::whole(1_902), mixed.into_iter()),
            None
        );
        assert_eq!(whole_counts(cell("1.4"), wide, parts.into_iter()), None);
    }
}
