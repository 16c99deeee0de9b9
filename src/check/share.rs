//! `share`: a share of a small known population, `100 · k / n` for a whole
//! `k` from 0 to `n`, within the precision the share is printed with.
//!
//! Of 3 bodies inspected (form 1 row 4.1), the share that carried out the
//! inspection conclusions (row 4.2) can only be 0; 33,33; 66,67 or 100 %.
//! The population is a row of the form, or a reference count (departments,
//! districts, communes) that the caller gives in the report's metadata;
//! without it the rule is not evaluated, never guessed. A population of 0
//! has no share (form 1 says so with its own rule: no body inspected leaves
//! 4.2 blank).
//!
//! Exact: `lo · n ≤ 200 · 10^s · k ≤ hi · n` on the printed interval
//! `[lo, hi] / (2 · 10^s)`, for the least `k` that can satisfy the left
//! side. A share consistent when read as rounded or as truncated holds.

use std::fmt;

use super::interval::{Reading, Span, pow10};
use super::rules::{Notes, split, three};
use super::snapshot::{Slot, read, read_reference};
use super::words::{CellName, Computed, FormShown, Number, Prefix, message};
use super::{
    CellValues, Constraint, Fast, Outcome, Rounding, RuleFamily, fire, fired, percentage_of,
};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Language, Phrase, RuleId, Wording};
use crate::reference::ReferenceCount;
use crate::unit::Printed;

/// What a share is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    /// A row of the report counting the population (`1/4.1`, bodies inspected).
    Row(CellId),
    /// A reference count given in the report's metadata.
    Reference(ReferenceCount),
}

/// A share of a population, which must be `100 · k / n` for a whole `k ≤ n`.
///
/// # Example
/// ```
/// use cchc_forms::check::{Check, Population, Share};
/// use cchc_forms::bnv581::RULES;
/// use cchc_forms::catalogue::CellId;
/// use cchc_forms::ReferenceCount;
///
/// let rule = RULES.iter().find(|rule| rule.id == "share:1/4.2").unwrap();
/// assert_eq!(rule.check, Check::Share(Share { rate: CellId::of(1, "4.2"), of: Population::Row(CellId::of(1, "4.1")) }));
/// let rule = RULES.iter().find(|rule| rule.id == "share:7/5.1.3").unwrap();
/// assert_eq!(rule.check, Check::Share(Share { rate: CellId::of(7, "5.1.3"), of: Population::Reference(ReferenceCount::Communes) }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Share {
    /// The share, a percentage.
    pub rate: CellId,
    /// The population it is a share of.
    pub of: Population,
}

/// Whether some whole `k` in `[0, n]` makes `100 · k / n` lie in `span`;
/// `None` when the numbers are too large to compute with.
pub(crate) fn share_fits(span: Span, n: i128) -> Option<bool> {
    if n <= 0 {
        return None;
    }
    // value = x / (2·10^s); 100·k/n = x / D·… ⇔ x = 200·10^s·k / n.
    let unit = pow10(span.scale)?.checked_mul(200)?;
    let low = span.lo.checked_mul(n)?;
    let high = span.hi.checked_mul(n)?;
    // The least k with unit·k ≥ low (> low when open).
    let mut k = low.div_euclid(unit);
    while unit.checked_mul(k)? < low || (span.lo_open && unit.checked_mul(k)? == low) {
        k = k.checked_add(1)?;
    }
    let k = k.max(0);
    if k > n {
        return Some(false);
    }
    let at = unit.checked_mul(k)?;
    Some(if span.hi_open { at < high } else { at <= high })
}

/// The arithmetic of [`Share`]'s clean path on a reported share and
/// population (out of line, so that the compiled plan stays small).
#[inline(never)]
fn decide_share(rate: Slot, n: Slot) -> Fast {
    // A population read from a row must be a whole number (a count).
    if n.decimals != 0 {
        return Fast::Undecided;
    }
    let n = i128::from(n.mantissa);
    if n <= 0 {
        return Fast::Skip;
    }
    // Read to nearest, the share is `[2m − 1, 2m + 1] / (2 · 10^s)`;
    // `100 · k / n` lies in it when `(2m − 1) · n ≤ 200 · 10^s · k ≤
    // (2m + 1) · n`. Each product is below 2⁶⁵ and the unit at most
    // 2 · 10⁸: no overflow in i128.
    let (low, high) = rate.own();
    let unit = 100 * i128::from(rate.half_unit());
    let (low, high) = (i128::from(low) * n, i128::from(high) * n);
    // The least k ≥ 0 with unit · k ≥ low.
    let k = (low + unit - 1).div_euclid(unit).max(0);
    if k <= n && unit * k <= high {
        Fast::Pass
    } else {
        Fast::Undecided
    }
}

/// The whole `k` in `[0, n]` whose share `100 · k / n` is nearest the printed
/// value.
fn nearest_k(value: Printed, n: i128) -> Option<i128> {
    // k ≈ value · n / 100 = mantissa · n / (100 · 10^s), rounded.
    let scaled = value.mantissa.checked_mul(n)?.checked_mul(2)?;
    let unit = pow10(value.decimals)?.checked_mul(200)?;
    let k = scaled.checked_add(unit / 2)?.div_euclid(unit);
    Some(k.clamp(0, n))
}

impl Share {
    /// The population's size: the row's count, or the reference count.
    fn size(self, values: &CellValues) -> Option<i128> {
        match self.of {
            Population::Row(_) => values
                .get(1)
                .filter(|n| n.decimals == 0)
                .map(|n| n.mantissa),
            Population::Reference(kind) => values.reference.get(kind).map(i128::from),
        }
    }
}

impl RuleFamily for Share {
    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let (Some(rate), Some(n)) = (values.get(0), self.size(values)) else {
            return Outcome::NotEvaluated;
        };
        if n <= 0 {
            return Outcome::NotEvaluated;
        }
        let mut fits = false;
        for reading in [Reading::Nearest, Reading::Truncated] {
            match Span::of(rate, reading).and_then(|span| share_fits(span, n)) {
                Some(true) => fits = true,
                Some(false) => {}
                None => return Outcome::NotEvaluated,
            }
        }
        if fits {
            return Outcome::Passed;
        }
        // The population goes beside the share in the words of the finding.
        let read = values.with(1, Printed::whole(n));
        let severity = rule.rule().severity;
        let finding = fire(findings, rule, severity, Phrase::Violated, &read);
        finding.reported = Some(rate.to_decimal());
        finding.computed = nearest_k(rate, n)
            .and_then(|k| {
                percentage_of(
                    Printed::whole(k),
                    Printed::whole(n),
                    rate.decimals.max(2),
                    Rounding::HalfAwayFromZero,
                )
            })
            .map(Printed::to_decimal);
        fired(finding)
    }

    /// A blank share, no population (a blank row, a reference count not
    /// given) or a population of 0 or less is not evaluated; a share that
    /// some whole `k` fits as read to nearest passes; the rest (a share
    /// that fits only when truncated, or not at all) goes to the exact
    /// evaluator.
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        let population = match self.of {
            Population::Row(cell) => read(snapshot, cell),
            Population::Reference(kind) => read_reference(snapshot, kind),
        };
        let (rate, n) = match (read(snapshot, self.rate), population) {
            (Ok(Some(rate)), Ok(Some(n))) => (rate, n),
            (Ok(None), Ok(_)) | (Ok(_), Ok(None)) => return Fast::Skip,
            _ => return Fast::Undecided,
        };
        decide_share(rate, n)
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let form = self.rate.indicator().form;
        let rate = CellName(self.rate, FormShown::Omitted, language);
        match (self.of, language) {
            (Population::Row(row), Language::English) => message! { out;
                Prefix(Some(form), language), rate, " = 100 × k / ", CellName(row, FormShown::Omitted, language),
                " for a whole k from 0 to ", CellName(row, FormShown::Omitted, language),
                ", within the precision ", rate, " is printed with.",
            },
            (Population::Row(row), Language::Vietnamese) => message! { out;
                Prefix(Some(form), language), rate, " = 100 × k / ", CellName(row, FormShown::Omitted, language),
                " với k nguyên từ 0 đến ", CellName(row, FormShown::Omitted, language),
                ", trong độ chính xác ", rate, " được in.",
            },
            (Population::Reference(kind), Language::English) => message! { out;
                Prefix(Some(form), language), rate, " = 100 × k / n, n the number of ", kind.name_en(),
                " (when given), for a whole k from 0 to n, within the precision ", rate, " is printed with.",
            },
            (Population::Reference(kind), Language::Vietnamese) => message! { out;
                Prefix(Some(form), language), rate, " = 100 × k / n, n là ", kind.name_vi(),
                " (khi được cung cấp), với k nguyên từ 0 đến n, trong độ chính xác ", rate, " được in.",
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
        let form = self.rate.indicator().form;
        let rate = CellName(self.rate, FormShown::Omitted, language);
        let value = Number(wording.at(0), language);
        let n = Number(wording.at(1), language);
        let whole = |language| match (self.of, language) {
            (Population::Row(row), _) => Whole(Some(row), None, language),
            (Population::Reference(kind), _) => Whole(None, Some(kind), language),
        };
        let nearest = finding.computed.map(|c| Computed(c, language));
        match language {
            Language::English => {
                message! { out;
                    Prefix(Some(form), language), rate, " = ", value, " cannot be a share of ",
                    whole(language), " = ", n, ": it must be 100 × k / ", n,
                    " for a whole k from 0 to ", n,
                }?;
                if let Some(nearest) = nearest {
                    message! { out; " (the nearest is ", nearest, ")" }?;
                }
                out.write_str(".")
            }
            Language::Vietnamese => {
                message! { out;
                    Prefix(Some(form), language), rate, " = ", value,
                    " không thể là tỷ lệ trên ", whole(language), " = ", n,
                    ": phải bằng 100 × k / ", n, " với k nguyên từ 0 đến ", n,
                }?;
                if let Some(nearest) = nearest {
                    message! { out; " (gần nhất là ", nearest, ")" }?;
                }
                out.write_str(".")
            }
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Share {
            rate: self.rate,
            of: self.of,
        }
    }
}

/// The population's name in a message: `4.1` (`mục 4.1`) or `the
/// departments` (`số sở, ngành`).
#[derive(Clone, Copy)]
struct Whole(Option<CellId>, Option<ReferenceCount>, Language);

impl super::words::Piece for Whole {
    fn put(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        match (*self, self.2) {
            (Whole(Some(row), _, language), _) => {
                CellName(row, FormShown::Omitted, language).put(out)
            }
            (Whole(None, Some(kind), _), Language::English) => {
                message! { out; "the number of ", kind.name_en() }
            }
            (Whole(None, Some(kind), _), Language::Vietnamese) => out.write_str(kind.name_vi()),
            _ => Ok(()),
        }
    }
}

impl Share {
    /// The rule of `cells`, `[share, population]`: a share of the
    /// population counted in another row.
    pub(crate) const fn of_row(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (rate, population, _) = three(cells);
        let check = Check::Share(Share {
            rate,
            of: Population::Row(population),
        });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }

    /// The rule of `cells`, `[share]`: a share of the reference count `of`.
    pub(crate) const fn of_reference(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
        of: ReferenceCount,
    ) -> Rule {
        let (rate, _) = split(cells);
        let check = Check::Share(Share {
            rate,
            of: Population::Reference(of),
        });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a share.
#[cfg(feature = "proptest")]
mod strategy {
    use super::{Population, Share};
    use crate::catalogue::CellId;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, WHOLE_SHARE, decimals_of,
        first_outside, rounding_of,
    };
    use crate::check::{Rounding, Rule, percentage_of};
    use crate::reference::ReferenceCount;
    use crate::unit::Printed;

    impl Generates for Share {
        fn holds(&self) -> Holds {
            Holds::Share
        }

        /// `100 · k / n`, `k` drawn as a share of the population `n`; no
        /// share of an empty population.
        fn hold(
            &self,
            _rule: &Rule,
            _index: usize,
            making: &mut Making<'_>,
        ) -> Option<Vec<CellId>> {
            let size = match self.of {
                Population::Row(row) => making.value(row).map(|n| n.mantissa),
                Population::Reference(kind) => making.reference.get(kind).map(i128::from),
            };
            let rate = self.rate;
            let d = making.draw(rate);
            let value = match size {
                Some(n) if n > 0 => {
                    let k = (n * i128::from(d.share).min(WHOLE_SHARE) / WHOLE_SHARE).clamp(0, n);
                    percentage_of(
                        Printed::whole(k),
                        Printed::whole(n),
                        decimals_of(rate, d),
                        rounding_of(d),
                    )
                }
                Some(_) => None,
                None => making.value(rate),
            };
            making.set(rate, value);
            None
        }

        /// A population `n` from 1 to 50 and a share half way between two
        /// that `n` allows (`100 · (k + ½) / n`, at least one point from
        /// either), to two decimals; `n` in its row or as the reference
        /// count.
        fn break_rule(
            &self,
            _rule: &Rule,
            _index: usize,
            _ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            let d = violation.cell(0);
            let n = 1 + i128::from(d.magnitude) % 50;
            let k = i128::from(d.pick) % n;
            let value = percentage_of(
                Printed::whole(2 * k + 1),
                Printed::whole(2 * n),
                2,
                Rounding::HalfAwayFromZero,
            )?;
            Some(match self.of {
                Population::Row(_) => Broken::cells(vec![Some(value), Some(Printed::whole(n))]),
                Population::Reference(kind) => Broken {
                    cells: vec![Some(value)],
                    reference: Some((kind, n)),
                },
            })
        }

        fn silencers(&self, rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(rule.cells, mine)
        }

        fn reference(&self) -> Option<ReferenceCount> {
            match self.of {
                Population::Row(_) => None,
                Population::Reference(kind) => Some(kind),
            }
        }
    }
}
