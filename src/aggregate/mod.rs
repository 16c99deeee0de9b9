//! Adding up reports: a province's departments and districts, or the
//! nation's provinces, into one report.
//!
//! [`aggregate`] adds up reports of one period and template into an
//! [`Aggregate`]: a [`Report`] of the total and, for each row, how it was
//! made ([`Total`]). [`aggregate_sheets`] does the same, with the same
//! code, for [`Sheet`]s of any template (one defined outside the crate with
//! a [`TemplateBuilder`](crate::template::TemplateBuilder) too): the total
//! is a sheet of that template. How a row adds up is its
//! [`Aggregation`] class in its template's catalogue (the one source):
//!
//! | class | the total |
//! |---|---|
//! | [`Aggregation::Sum`] | the sum of the members' values |
//! | [`Aggregation::SumOfInstances`] | the sum too, but of *instances*: a procedure or service of the national catalogue counts once per member that has it (63 provinces applying one national procedure count 63), and the districts of one province share its catalogue, so their counts are not the province's |
//! | [`Aggregation::Recompute`] | the rate recomputed from the summed numerator and denominator (never an average of rates), two decimals, half away from zero, with the interval the members' printed digits allow |
//! | [`Aggregation::Weighted`] | the members' shares averaged, weighted by the population each is a share of (a reference count or another row); blank when a member's weight is not given |
//! | [`Aggregation::NotAggregable`] | blank: the rate's numerator and denominator are not known |
//! | [`Aggregation::Distribution`] | blank in the report; the distribution of the members' codes (how many said each value) |
//!
//! A blank is never zero: a row some member left blank (or whose row does
//! not apply to the period) is blank in the total, with the members named.
//! Arithmetic is exact and checked: a total too large for its cell is
//! blank, with the reason.
//!
//! [`Aggregate::validate`] checks the total like any report, but for the
//! rules that cannot apply to a total (the `level_range` family: an
//! overall rate of a total is not bounded by one body's per-level rates'
//! range the same way), and names, in each finding, the members whose own
//! cells break the same rule. Its findings are [`CrossFinding`]s with rule
//! ids `aggregate:RULE`.
//!
//! # Example
//! ```
//! use cchc_forms::{aggregate::aggregate, catalogue::CellId, samples};
//!
//! let sample = samples::bac_giang_2023_q3();
//! let mut other = sample.clone();
//! other.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
//! let members = [sample, other];
//! let total = aggregate("Tổng hợp", &members)?;
//! assert_eq!(total.report.form3.resolved_departments.map(|c| c.get()), Some(2 * 54_106));
//! // The rate recomputed from the sums: the same ratio, 99,3 printed to two decimals.
//! assert_eq!(total.report.cell_text(CellId::of(3, "3.1")).as_deref(), Some("99,30"));
//! // The sample's own error (1.486 + 255 + 155 ≠ 1.902) is in the total, both members named.
//! let findings = total.validate();
//! let sum = findings.iter().find(|f| f.rule == "aggregate:sum:3/1.4").unwrap();
//! assert!(sum.message_en().ends_with(
//!     "Members whose cells make it fail: report 1 (UBND tỉnh Bắc Giang), report 2 (UBND tỉnh Lạng Sơn)."
//! ));
//! # Ok::<(), cchc_forms::Error>(())
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

use serde::Serialize;

use crate::bnv581::Report;
use crate::catalogue::{Aggregation, CellId, Indicator, Weight};
use crate::check::interval::pow10;
use crate::check::{Constraint, Family, Rounding, is_exact, percentage_of, run_rules};
use crate::cross::{CrossFamily, CrossFinding, CrossFindings, ReportCell, finding, words};
use crate::error::{Error, MAX_NAMED_MEMBERS, MAX_REPORTS, MemberProblem, MemberProblemKind, echo};
use crate::figures::Figures;
use crate::finding::{Interval, Severity};
use crate::message::{Language, Words};
use crate::meta::{BodyKey, ReportMeta};
use crate::sheet::Sheet;
use crate::template::Template;
use crate::unit::Printed;

/// Reports added up: the total as a report, and how each row was made.
///
/// The members and the total are typed 581 [`Report`]s (the default) or
/// [`Sheet`]s of any template (any [`Figures`]).
#[derive(Debug, Clone)]
pub struct Aggregate<'a, R = Report> {
    /// The total, as a report: its body as given, the members' period and
    /// template, their level when they share one, their reference counts
    /// added up when every member gives them.
    pub report: R,
    /// How each row of the total was made, by [`CellId`] index.
    pub totals: Vec<Total>,
    members: &'a [R],
}

/// How one row of an aggregate was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Total {
    /// The sum of the members' values ([`Aggregation::Sum`]).
    Sum,
    /// The sum of the members' values, counting instances
    /// ([`Aggregation::SumOfInstances`]).
    SumOfInstances,
    /// A rate recomputed from its summed numerator and denominator.
    Recomputed {
        /// The numerator row.
        numerator: CellId,
        /// The denominator row.
        denominator: CellId,
        /// The exact ratio's bounds, to four decimals (outward), that the
        /// members' printed digits allow.
        interval: Interval,
    },
    /// A share averaged, weighted by each member's population.
    Weighted,
    /// The codes the members gave: `counts[c]` members said `c`, for
    /// every code from 0 to the largest of the row's legend (at least 0, 1
    /// and 2).
    Distribution {
        /// How many members gave each code, by code.
        counts: Vec<u32>,
        /// How many left it blank.
        blank: u32,
    },
    /// Left blank, and why.
    Blank(BlankReason),
}

/// Why a row of an aggregate is blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum BlankReason {
    /// The row does not add up across bodies (a reduction against 2015, a
    /// share of documents): [`Aggregation::NotAggregable`].
    NotAggregable,
    /// Some members left it blank (a blank is never zero).
    BlankInMembers {
        /// How many.
        count: usize,
        /// The first few (at most 10), by position.
        first: Vec<usize>,
    },
    /// A weighted share where some member's weight is not given.
    WeightMissing {
        /// The first such member, by position.
        member: usize,
    },
    /// A rate whose summed denominator is zero.
    ZeroDenominator,
    /// A rate with no numerator and denominator rows in the rules.
    NoRatioRows,
    /// The total does not fit the cell.
    TooLarge,
    /// The row does not apply to the period (district rows after 1 July
    /// 2025).
    NotApplicable,
}

/// Adds up `members` (reports of one period and template) into a report of
/// `body`.
///
/// # Errors
/// [`Error::Members`] when there is no member, or more than
/// [`MAX_REPORTS`] (one problem, before any is read), or with every member
/// refused: without a period, of another period or template than the
/// first, or of a body given before (each body is counted once; the body
/// compared as a [`BodyKey`], so `UBND TỈNH BẮC GIANG` is
/// `UBND tỉnh Bắc Giang`; members that give no body are not one body).
///
/// Sheets of any template add up with [`aggregate_sheets`].
pub fn aggregate(body: impl Into<String>, members: &[Report]) -> Result<Aggregate<'_>, Error> {
    add_up(body.into(), members)
}

/// Adds up `members`, sheets of one period and template (any template,
/// such as one defined with a
/// [`TemplateBuilder`](crate::template::TemplateBuilder)), into a sheet of
/// `body`, exactly as [`aggregate`] does for typed 581 reports: each row by
/// its template's aggregation class, rates recomputed from the rows of the
/// template's ratio rules, the rows that do not apply to the period under
/// the template's windows blank.
///
/// # Errors
/// As [`aggregate`]: [`Error::Members`] when there is no member or too
/// many, or with every member refused (without a period, of another period
/// or template than the first, of a body given before).
///
/// # Example
/// ```
/// use cchc_forms::{aggregate::aggregate_sheets, catalogue::CellId, samples, Sheet};
///
/// let first = Sheet::from(&samples::bac_giang_2023_q3());
/// let mut second = first.clone();
/// second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
/// let members = [first, second];
/// let total = aggregate_sheets("Tổng hợp", &members)?;
/// let resolved = CellId::of(3, "3.1.1");
/// assert_eq!(total.report.cell(resolved).map(|v| v.mantissa), Some(2 * 54_106));
/// # Ok::<(), cchc_forms::Error>(())
/// ```
pub fn aggregate_sheets(
    body: impl Into<String>,
    members: &[Sheet],
) -> Result<Aggregate<'_, Sheet>, Error> {
    add_up(body.into(), members)
}

/// [`aggregate`] and [`aggregate_sheets`], for any kind of report.
fn add_up<R: Figures>(body: String, members: &[R]) -> Result<Aggregate<'_, R>, Error> {
    let first = refuse_mixed(members)?.meta();
    let level = first
        .level
        .filter(|&level| members.iter().all(|m| m.meta().level == Some(level)));
    let meta = ReportMeta {
        body,
        level,
        period: first.period,
        template: first.template,
        reference: sum_reference(members),
    };
    let template = first.template.template();
    let absent = template.absent_cells_of(first.period);
    let mut report = R::blank(meta);
    let sums = accumulate(template, members);
    let mut totals = vec![Total::Blank(BlankReason::NotAggregable); template.indicators().len()];
    for indicator in template.indicators() {
        let id = indicator.id;
        totals[id.index()] = if absent.contains(id) {
            Total::Blank(BlankReason::NotApplicable)
        } else {
            total_of(&mut report, indicator, &sums[id.index()])
        };
    }
    // Rates after their rows.
    for indicator in template.indicators() {
        if indicator.aggregation() != Aggregation::Recompute || absent.contains(indicator.id) {
            continue;
        }
        let id = indicator.id;
        let Some((numerator, denominator)) = ratio_rows(template.rules, id) else {
            continue;
        };
        let (num, den) = (&sums[numerator.index()], &sums[denominator.index()]);
        totals[id.index()] = match num.blank_reason().or_else(|| den.blank_reason()) {
            Some(reason) => Total::Blank(reason),
            None => recompute(&mut report, id, numerator, denominator, num, den),
        };
    }
    Ok(Aggregate {
        report,
        totals,
        members,
    })
}

/// The first member, or every member refused: without a period, of
/// another period or template than the first, or of a body already added
/// (the same [`BodyKey`]: its name NFC-normalised, case and
/// white space folded). Members that give no body are not one body.
fn refuse_mixed<R: Figures>(members: &[R]) -> Result<&R, Error> {
    if let Some(past) = members.get(MAX_REPORTS) {
        return Err(Error::Members(vec![MemberProblem {
            index: MAX_REPORTS,
            body: echo(&past.meta().body),
            kind: MemberProblemKind::TooMany {
                given: members.len(),
            },
        }]));
    }
    let Some(first) = members.first() else {
        return Err(Error::Members(vec![MemberProblem {
            index: 0,
            body: String::new(),
            kind: MemberProblemKind::NoMembers,
        }]));
    };
    let mut problems = Vec::new();
    let mut seen: HashMap<BodyKey, usize> = HashMap::new();
    for (index, member) in members.iter().enumerate() {
        let kind = if member.meta().period.is_none() {
            MemberProblemKind::NoPeriod
        } else if first.meta().period.is_some() && member.meta().period != first.meta().period {
            MemberProblemKind::Period {
                expected: first.meta().period,
                found: member.meta().period,
            }
        } else if member.meta().template != first.meta().template {
            MemberProblemKind::Template {
                expected: first.meta().template,
                found: member.meta().template,
            }
        } else if let Some(key) = member.meta().body_key() {
            match seen.entry(key) {
                Entry::Occupied(earlier) => MemberProblemKind::SameBody {
                    first: *earlier.get(),
                },
                Entry::Vacant(slot) => {
                    slot.insert(index);
                    continue;
                }
            }
        } else {
            continue;
        };
        problems.push(MemberProblem {
            index,
            body: echo(&member.meta().body),
            kind,
        });
    }
    if problems.is_empty() {
        Ok(first)
    } else {
        Err(Error::Members(problems))
    }
}

/// What adding up does with a row's cell, by cell index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// Nothing: a recomputed rate or a row that does not add up.
    Skip,
    /// Added (exact for a count).
    Add { exact: bool },
    /// Counted by code.
    Code,
    /// A weighted share, or a row another row is weighted by: kept for the
    /// member's weighted shares (and added too, when it is also a sum).
    Keep { add: Option<bool> },
}

/// Each row's [`Op`], from the template's aggregation classes.
fn plan(template: &Template) -> Vec<Op> {
    let indicators = template.indicators();
    let mut ops = vec![Op::Skip; indicators.len()];
    for indicator in indicators {
        let id = indicator.id;
        ops[id.index()] = match indicator.aggregation() {
            Aggregation::Sum | Aggregation::SumOfInstances => Op::Add {
                exact: is_exact(id),
            },
            Aggregation::Distribution => Op::Code,
            Aggregation::Weighted => Op::Keep { add: None },
            Aggregation::Recompute | Aggregation::NotAggregable => Op::Skip,
        };
    }
    for indicator in indicators {
        if let Some(Weight::Row(stt)) = indicator.weight() {
            if let Some(row) = template.cell(indicator.form, stt) {
                let add = match ops[row.index()] {
                    Op::Add { exact } => Some(exact),
                    _ => None,
                };
                ops[row.index()] = Op::Keep { add };
            }
        }
    }
    ops
}

/// One pass over the members: sums (with the half units of printed
/// precision), blanks, codes, weighted shares, by cell index. Each member's
/// cells are handed over as they are held (a typed report's typed, without
/// a copy of the report).
fn accumulate<R: Figures>(template: &Template, members: &[R]) -> Vec<Accumulator> {
    let ops = plan(template);
    let weighted: Vec<&Indicator> = template
        .indicators()
        .iter()
        .filter(|i| i.aggregation() == Aggregation::Weighted)
        .collect();
    let mut sums = vec![Accumulator::default(); ops.len()];
    let mut kept = vec![None; ops.len()];
    for (index, member) in members.iter().enumerate() {
        member.each_figure(|at, value| {
            let (Some(&op), Some(acc)) = (ops.get(at), sums.get_mut(at)) else {
                return;
            };
            match (op, value) {
                (Op::Skip, _) => {}
                (Op::Add { .. } | Op::Code, None) => acc.blank(index),
                (Op::Add { exact }, Some(value)) => acc.add(value, exact),
                (Op::Code, Some(value)) => acc.code(value),
                (Op::Keep { add }, value) => {
                    if let Some(slot) = kept.get_mut(at) {
                        *slot = value;
                    }
                    match (add, value) {
                        (Some(_), None) => acc.blank(index),
                        (Some(exact), Some(value)) => acc.add(value, exact),
                        (None, _) => {}
                    }
                }
            }
        });
        for &indicator in &weighted {
            let id = indicator.id;
            let acc = &mut sums[id.index()];
            match kept[id.index()] {
                None => acc.blank(index),
                Some(share) => match weight_of(template, member.meta(), &kept, indicator) {
                    Some(weight) => acc.add_weighted(share, weight),
                    None => acc.weight_missing(index),
                },
            }
        }
    }
    sums
}

/// The total of a row that is not a recomputed rate, set in `report`.
fn total_of(report: &mut impl Figures, indicator: &Indicator, acc: &Accumulator) -> Total {
    let id = indicator.id;
    match indicator.aggregation() {
        Aggregation::NotAggregable => Total::Blank(BlankReason::NotAggregable),
        Aggregation::Sum | Aggregation::SumOfInstances => match acc.blank_reason() {
            Some(reason) => Total::Blank(reason),
            None => match acc.value().map(|v| report.set_figure(id, Some(v))) {
                Some(Ok(())) if indicator.aggregation() == Aggregation::Sum => Total::Sum,
                Some(Ok(())) => Total::SumOfInstances,
                _ => Total::Blank(BlankReason::TooLarge),
            },
        },
        Aggregation::Distribution => Total::Distribution {
            counts: code_counts(indicator, &acc.codes),
            blank: u32::try_from(acc.blanks).unwrap_or(u32::MAX),
        },
        Aggregation::Weighted => match acc.blank_reason() {
            Some(reason) => Total::Blank(reason),
            None => match acc.weighted().map(|v| report.set_figure(id, Some(v))) {
                Some(Ok(())) => Total::Weighted,
                Some(Err(_)) => Total::Blank(BlankReason::TooLarge),
                None => Total::Blank(BlankReason::ZeroDenominator),
            },
        },
        // Set after the rows it is computed from.
        Aggregation::Recompute => Total::Blank(BlankReason::NoRatioRows),
    }
}

/// How many members gave each code of a code row: a slot for every code
/// from 0 to the largest of its legend, and at least 0, 1 and 2.
fn code_counts(indicator: &Indicator, given: &[u32]) -> Vec<u32> {
    let largest = match indicator.kind {
        crate::unit::ValueKind::Code { legend } => legend.iter().map(|e| e.code).max(),
        _ => None,
    };
    let len = usize::from(largest.unwrap_or(0)).saturating_add(1).max(3);
    let mut counts = vec![0; len.max(given.len())];
    counts[..given.len()].copy_from_slice(given);
    counts
}

/// The members' reference counts added up, each where every member gives it.
fn sum_reference(members: &[impl Figures]) -> crate::reference::Reference {
    let total = |get: fn(&crate::reference::Reference) -> Option<u32>| {
        members
            .iter()
            .try_fold(0_u32, |sum, m| sum.checked_add(get(&m.meta().reference)?))
    };
    crate::reference::Reference {
        departments: total(|r| r.departments),
        districts: total(|r| r.districts),
        communes: total(|r| r.communes),
    }
}

/// The weight of a member's weighted share: a reference count, or another
/// row of the same form.
fn weight_of(
    template: &Template,
    member: &ReportMeta,
    kept: &[Option<Printed>],
    weighted: &Indicator,
) -> Option<i128> {
    match weighted.weight()? {
        Weight::Reference(kind) => member.reference.get(kind).map(i128::from),
        Weight::Row(stt) => {
            let id = template.cell(weighted.form, stt)?;
            kept.get(id.index())
                .copied()
                .flatten()
                .filter(|v| v.decimals == 0)
                .map(|v| v.mantissa)
        }
    }
}

/// The numerator and denominator rows of a rate, from its ratio rule.
fn ratio_rows(rules: &[crate::check::Rule], rate: CellId) -> Option<(CellId, CellId)> {
    rules.iter().find_map(|rule| match rule.check.constraint() {
        Constraint::Ratio {
            rate: of,
            numerator,
            denominator,
        }
        | Constraint::Derivable {
            rate: of,
            numerator,
            denominator,
        } if of == rate => Some((numerator, denominator)),
        // Listed, not a wildcard: a new shape does not build until it is
        // placed here.
        Constraint::Ratio { .. }
        | Constraint::Derivable { .. }
        | Constraint::Total { .. }
        | Constraint::Bound { .. }
        | Constraint::Conditional { .. }
        | Constraint::Range { .. }
        | Constraint::Equal { .. }
        | Constraint::Inapplicable { .. }
        | Constraint::Covered { .. }
        | Constraint::Implies { .. }
        | Constraint::Share { .. }
        | Constraint::WithinReference { .. }
        | Constraint::Rounded { .. } => None,
    })
}

fn recompute(
    report: &mut impl Figures,
    id: CellId,
    numerator: CellId,
    denominator: CellId,
    num: &Accumulator,
    den: &Accumulator,
) -> Total {
    let (Some(n), Some(d)) = (num.value(), den.value()) else {
        return Total::Blank(BlankReason::TooLarge);
    };
    if d.mantissa == 0 {
        return Total::Blank(BlankReason::ZeroDenominator);
    }
    let Some(rate) = percentage_of(n, d, 2, Rounding::HalfAwayFromZero) else {
        return Total::Blank(BlankReason::TooLarge);
    };
    // The interval: the numerator's lowest over the denominator's highest,
    // and the other way round, each printed digit standing for its half unit.
    let interval = (|| {
        let (n_lo, n_hi) = num.bounds()?;
        let (d_lo, d_hi) = den.bounds()?;
        if d_lo.mantissa <= 0 {
            return None;
        }
        let low = percentage_of(n_lo, d_hi, 4, Rounding::Truncate)?;
        let high = ceiling_percentage(n_hi, d_lo)?;
        Some(Interval {
            low: low.to_decimal(),
            high: high.to_decimal(),
        })
    })();
    let Some(interval) = interval else {
        return Total::Blank(BlankReason::TooLarge);
    };
    match report.set_figure(id, Some(rate)) {
        Ok(()) => Total::Recomputed {
            numerator,
            denominator,
            interval,
        },
        Err(_) => Total::Blank(BlankReason::TooLarge),
    }
}

/// `100 × n / d` to four decimals, rounded up (for `n ≥ 0`, `d > 0`).
fn ceiling_percentage(n: Printed, d: Printed) -> Option<Printed> {
    let truncated = percentage_of(n, d, 4, Rounding::Truncate)?;
    // Exact when truncated × d × 10^n.decimals = 100 × n × 10^(d.decimals + 4).
    let left = truncated
        .mantissa
        .checked_mul(d.mantissa)?
        .checked_mul(pow10(n.decimals)?)?;
    let right = n
        .mantissa
        .checked_mul(100)?
        .checked_mul(pow10(d.decimals.checked_add(4)?)?)?;
    Some(if left == right {
        truncated
    } else {
        Printed {
            mantissa: truncated.mantissa.checked_add(1)?,
            decimals: 4,
        }
    })
}

/// A row's running total.
#[derive(Debug, Clone, Default)]
struct Accumulator {
    /// The sum of the printed digits at `decimals`.
    sum: i128,
    decimals: u32,
    /// The sum of the half units of printed precision, at `decimals`
    /// (0 for counts): the total lies within `sum ± half / 2`.
    half: i128,
    /// The sum of weights, for a weighted share.
    weights: i128,
    overflow: bool,
    blanks: usize,
    first_blanks: Vec<usize>,
    weight_missing: Option<usize>,
    /// How many members gave each code, by code (as far as the largest
    /// given).
    codes: Vec<u32>,
    any: bool,
}

impl Accumulator {
    fn blank(&mut self, member: usize) {
        self.blanks = self.blanks.saturating_add(1);
        if self.first_blanks.len() < 10 {
            self.first_blanks.push(member);
        }
    }

    fn weight_missing(&mut self, member: usize) {
        self.weight_missing.get_or_insert(member);
    }

    /// Brings the running total to at least `decimals`.
    fn rescale(&mut self, decimals: u32) {
        if decimals > self.decimals {
            match pow10(decimals - self.decimals) {
                Some(factor) => {
                    self.sum = self.sum.checked_mul(factor).unwrap_or_else(|| {
                        self.overflow = true;
                        0
                    });
                    self.half = self.half.checked_mul(factor).unwrap_or_else(|| {
                        self.overflow = true;
                        0
                    });
                }
                None => self.overflow = true,
            }
            self.decimals = decimals;
        }
    }

    fn add(&mut self, value: Printed, exact: bool) {
        self.any = true;
        if exact && value.decimals == 0 && self.decimals == 0 {
            // A count: the common case, one checked addition.
            match self.sum.checked_add(value.mantissa) {
                Some(sum) => self.sum = sum,
                None => self.overflow = true,
            }
            return;
        }
        self.rescale(value.decimals);
        let Some(factor) = pow10(self.decimals - value.decimals) else {
            self.overflow = true;
            return;
        };
        let digits = value.mantissa.checked_mul(factor);
        match digits.and_then(|d| self.sum.checked_add(d)) {
            Some(sum) => self.sum = sum,
            None => self.overflow = true,
        }
        // A count is exact; an amount or a share stands for its printed
        // digits' interval, half a unit of its last digit either way.
        if !exact {
            match self.half.checked_add(factor) {
                Some(half) => self.half = half,
                None => self.overflow = true,
            }
        }
    }

    fn add_weighted(&mut self, share: Printed, weight: i128) {
        let Some(product) = share.mantissa.checked_mul(weight) else {
            self.overflow = true;
            return;
        };
        self.add(
            Printed {
                mantissa: product,
                decimals: share.decimals,
            },
            false,
        );
        match self.weights.checked_add(weight) {
            Some(w) => self.weights = w,
            None => self.overflow = true,
        }
    }

    fn code(&mut self, value: Printed) {
        self.any = true;
        let code = u8::try_from(value.mantissa).ok().map(usize::from);
        if let Some(code) = code.filter(|&code| code >= self.codes.len()) {
            self.codes.resize(code + 1, 0);
        }
        if let Some(slot) = code.and_then(|code| self.codes.get_mut(code)) {
            *slot = slot.saturating_add(1);
        }
    }

    fn blank_reason(&self) -> Option<BlankReason> {
        if self.blanks > 0 {
            Some(BlankReason::BlankInMembers {
                count: self.blanks,
                first: self.first_blanks.clone(),
            })
        } else if let Some(member) = self.weight_missing {
            Some(BlankReason::WeightMissing { member })
        } else if self.overflow {
            Some(BlankReason::TooLarge)
        } else {
            None
        }
    }

    /// The total, printed with the finest decimals of its members.
    fn value(&self) -> Option<Printed> {
        (!self.overflow && self.any).then_some(Printed {
            mantissa: self.sum,
            decimals: self.decimals,
        })
    }

    /// The least and greatest true totals, at one more decimal (the half
    /// units).
    fn bounds(&self) -> Option<(Printed, Printed)> {
        let value = self.value()?;
        let twice = value.mantissa.checked_mul(10)?;
        let spread = self.half.checked_mul(5)?;
        let decimals = self.decimals.checked_add(1)?;
        Some((
            Printed {
                mantissa: twice.checked_sub(spread)?,
                decimals,
            },
            Printed {
                mantissa: twice.checked_add(spread)?,
                decimals,
            },
        ))
    }

    /// The weighted average `Σ w·s / Σ w` to two decimals, half away from
    /// zero; `None` when the weights add up to zero.
    fn weighted(&self) -> Option<Printed> {
        if self.weights <= 0 || self.overflow {
            return None;
        }
        // Σ w·s / Σ w = 100 × Σ w·s / (100 × Σ w), which percentage_of
        // computes exactly and rounds once.
        percentage_of(
            Printed {
                mantissa: self.sum,
                decimals: self.decimals,
            },
            Printed {
                mantissa: self.weights.checked_mul(100)?,
                decimals: 0,
            },
            2,
            Rounding::HalfAwayFromZero,
        )
    }
}

impl<R: Figures> Aggregate<'_, R> {
    /// The members added up, in order.
    #[must_use]
    pub fn members(&self) -> &[R] {
        self.members
    }

    /// How the row `id` of the total was made.
    #[must_use]
    pub fn total(&self, id: CellId) -> Option<&Total> {
        self.totals.get(id.index())
    }

    /// What the total could not add: one warning per row left blank in
    /// the total although some members gave it, because the others left
    /// it blank (`aggregate:blank:F/STT`, naming the members that left it
    /// blank, at most [`MAX_NAMED_MEMBERS`], and their cells) or because a
    /// member's weight for a weighted share is not given
    /// (`aggregate:weight_missing:F/STT`), or because the total does not
    /// fit its cell (`aggregate:too_large:F/STT`). A row every member left
    /// blank is blank in the total with nothing lost: no finding. A
    /// recomputed rate blank because its numerator or denominator row is
    /// blank is named by that row's finding.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{aggregate::aggregate, catalogue::CellId, samples};
    /// let mut second = samples::bac_giang_2023_q3();
    /// second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    /// second.set_cell(CellId::of(2, "1"), None)?;
    /// let members = [samples::bac_giang_2023_q3(), second];
    /// let total = aggregate("Tổng hợp", &members)?;
    /// let gaps = total.gaps();
    /// let blank = gaps.iter().find(|f| f.rule == "aggregate:blank:2/1").unwrap();
    /// assert_eq!(
    ///     blank.message_en(),
    ///     "Form 2 row 1 is blank in the total of 2 reports: 1 of them left it blank (report 2 (UBND tỉnh Lạng Sơn)), and a blank is not zero, so the 1 that gave it cannot be added up alone."
    /// );
    /// // The total's cell, then the cell of the member that left it blank.
    /// assert_eq!(blank.cells.iter().map(|c| c.member).collect::<Vec<_>>(), [None, Some(1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn gaps(&self) -> CrossFindings {
        let period = self.report.meta().period;
        let total_body = Some(echo(&self.report.meta().body));
        let count = self.members.len();
        let mut out = CrossFindings::default();
        for indicator in self.report.meta().template.template().indicators() {
            let id = indicator.id;
            let Some(Total::Blank(reason)) = self.total(id) else {
                continue;
            };
            // A rate blank for its rows' blanks is named by their findings.
            if indicator.aggregation() == Aggregation::Recompute && *reason != BlankReason::TooLarge
            {
                continue;
            }
            let cell_of = |member: usize| ReportCell {
                member: Some(member),
                ..ReportCell::new(id, period, Some(echo(&self.members[member].meta().body)))
            };
            let mut cells = vec![ReportCell::new(id, period, total_body.clone())];
            let gap = match reason {
                BlankReason::BlankInMembers {
                    count: blank,
                    first,
                } if *blank < count => {
                    cells.extend(first.iter().map(|&m| cell_of(m)));
                    Gap::BlankInMembers {
                        blank: *blank,
                        names: self.names(first, *blank),
                    }
                }
                BlankReason::WeightMissing { member } => {
                    cells.push(cell_of(*member));
                    Gap::WeightMissing {
                        weight: indicator.weight(),
                        name: self.names(&[*member], 1),
                    }
                }
                BlankReason::TooLarge => Gap::TooLarge,
                _ => continue,
            };
            let rule = gap.rule();
            let words = GapWords { id, count, gap };
            out.0.push(finding(
                format!("aggregate:{rule}:{}", crate::cross::cell_id(id)),
                CrossFamily::Aggregate,
                Severity::Warning,
                cells,
                words,
            ));
        }
        out
    }

    /// The members at `first` (of `count`) as a message names them, the
    /// rest counted.
    fn names(&self, first: &[usize], count: usize) -> MemberNames {
        MemberNames {
            named: first
                .iter()
                .map(|&m| (m, echo(&self.members[m].meta().body)))
                .collect(),
            more: count.saturating_sub(first.len()),
        }
    }

    /// The codes the members gave, one note per code row that some member
    /// gave (`aggregate:distribution:F/STT`): codes are not added up, the
    /// total's cell is blank, and the note says how many members gave each
    /// code and how many left it blank.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{aggregate::aggregate, samples};
    /// let mut second = samples::bac_giang_2023_q3();
    /// second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    /// let members = [samples::bac_giang_2023_q3(), second];
    /// let total = aggregate("Tổng hợp", &members)?;
    /// let notes = total.distributions();
    /// let survey = notes.iter().find(|f| f.rule == "aggregate:distribution:1/6").unwrap();
    /// assert_eq!(survey.message_en(), "Form 1 row 6, codes are not added up: 2 reports gave 1 (yes).");
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    #[must_use]
    pub fn distributions(&self) -> CrossFindings {
        use crate::cross::row_capital;
        let period = self.report.meta().period;
        let body = Some(echo(&self.report.meta().body));
        let mut out = CrossFindings::default();
        for indicator in self.report.meta().template.template().indicators() {
            let id = indicator.id;
            let Some(Total::Distribution { counts, blank }) = self.total(id) else {
                continue;
            };
            if counts.iter().all(|&c| c == 0) {
                continue;
            }
            let (counts, blank, kind) = (counts.clone(), *blank, indicator.kind);
            let list = move |language: Language| {
                let mut parts: Vec<String> = counts
                    .iter()
                    .enumerate()
                    .filter(|&(_, &n)| n > 0)
                    .map(|(code, n)| {
                        // The code with its meaning, as the legend prints it.
                        let meaning = match kind {
                            crate::unit::ValueKind::Code { legend } => legend
                                .iter()
                                .find(|entry| usize::from(entry.code) == code)
                                .map(|entry| language.pick(entry.label_vi, entry.label_en)),
                            _ => None,
                        };
                        let code = meaning.map_or_else(
                            || code.to_string(),
                            |meaning| format!("{code} ({meaning})"),
                        );
                        match language {
                            Language::Vietnamese => format!("{n} báo cáo ghi {code}"),
                            Language::English => {
                                format!("{n} report{} gave {code}", if *n == 1 { "" } else { "s" })
                            }
                        }
                    })
                    .collect();
                if blank > 0 {
                    parts.push(match language {
                        Language::Vietnamese => format!("{blank} báo cáo để trống"),
                        Language::English => format!("{blank} left it blank"),
                    });
                }
                parts.join(", ")
            };
            let message = move |language: Language, out: &mut dyn fmt::Write| {
                write!(
                    out,
                    "{}, {}: {}.",
                    row_capital(id, language),
                    language.pick("mã không cộng được", "codes are not added up"),
                    list(language)
                )
            };
            out.0.push(finding(
                format!("aggregate:distribution:{}", crate::cross::cell_id(id)),
                CrossFamily::Aggregate,
                Severity::Info,
                vec![ReportCell::new(id, period, body.clone())],
                words(message),
            ));
        }
        out
    }

    /// Checks the total like any report, but for the rules that cannot
    /// apply to a total (`level_range`), and names in each finding the
    /// members whose own cells break the same rule.
    #[must_use]
    pub fn validate(&self) -> CrossFindings {
        let template = self.report.meta().template.template();
        let period = self.report.meta().period;
        let mut out = CrossFindings::default();
        let findings = self.report.findings();
        if findings.is_empty() {
            return out;
        }
        let absent = template.absent_cells_of(period);
        let checked: Vec<&crate::finding::Finding> = findings
            .iter()
            .filter(|f| f.family != Family::LevelRange)
            .collect();
        let culprits_of = self.culprits(template, &absent, &checked);
        for (single, (count, culprits)) in checked.into_iter().zip(culprits_of) {
            let body = Some(echo(&self.report.meta().body));
            let mut cells: Vec<ReportCell> = single
                .cells
                .iter()
                .map(|&id| ReportCell::new(id, period, body.clone()))
                .collect();
            for &member in &culprits {
                let member_body = Some(echo(&self.members[member].meta().body));
                cells.extend(single.cells.iter().map(|&id| ReportCell {
                    member: Some(member),
                    ..ReportCell::new(id, period, member_body.clone())
                }));
            }
            let names = self.names(&culprits, count);
            let (members, own) = (self.members.len(), (*single).clone());
            let message = move |language: Language, out: &mut dyn fmt::Write| {
                write!(
                    out,
                    "{} {members} {}: ",
                    language.pick("Tổng hợp", "Total of"),
                    language.pick("báo cáo", "reports")
                )?;
                own.write_in(language, out)?;
                match (names.named.is_empty(), language) {
                    (true, Language::Vietnamese) => out.write_str(
                        " Không báo cáo thành phần nào tự vi phạm quy tắc này: lỗi do cộng các báo cáo.",
                    ),
                    (true, Language::English) => out.write_str(
                        " No member breaks this rule on its own: the total fails from adding them up.",
                    ),
                    (false, Language::Vietnamese) => {
                        write!(out, " Báo cáo thành phần gây lỗi: {}.", names.write(language))
                    }
                    (false, Language::English) => write!(
                        out,
                        " Members whose cells make it fail: {}.",
                        names.write(language)
                    ),
                }
            };
            let mut cross: CrossFinding = finding(
                format!("aggregate:{}", single.rule),
                CrossFamily::Aggregate,
                single.severity,
                cells,
                words(message),
            );
            cross.reported = single.reported;
            cross.reported_interval = single.reported_interval;
            cross.computed = single.computed;
            cross.computed_interval = single.computed_interval;
            cross.imbalance = single.imbalance;
            out.0.push(cross);
        }
        out
    }
}

impl<R: Figures> Aggregate<'_, R> {
    /// For each finding, how many members break its rule on their own and
    /// the first [`MAX_NAMED_MEMBERS`] of them: one member's cells at a
    /// time, so that memory does not grow with the members.
    fn culprits(
        &self,
        template: &'static Template,
        absent: &crate::catalogue::CellSet,
        checked: &[&crate::finding::Finding],
    ) -> Vec<(usize, Vec<usize>)> {
        let mut culprits_of: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new()); checked.len()];
        let mut cells = vec![None; template.indicators().len()];
        for (index, member) in self.members.iter().enumerate() {
            cells.fill(None);
            member.each_figure(|at, value| {
                if let Some(slot) = cells.get_mut(at) {
                    *slot = value;
                }
            });
            for (single, (count, named)) in checked.iter().zip(&mut culprits_of) {
                let breaks = run_rules(
                    template.rules,
                    cells.as_slice(),
                    absent,
                    [single.rule.index()],
                )
                .iter()
                .any(|f| f.rule == single.rule);
                if breaks {
                    *count = count.saturating_add(1);
                    if named.len() < MAX_NAMED_MEMBERS {
                        named.push(index);
                    }
                }
            }
        }
        culprits_of
    }
}

/// Why a total's cell is blank, as its finding says.
enum Gap {
    /// Some members left it blank (`blank` of them, named).
    BlankInMembers { blank: usize, names: MemberNames },
    /// A member did not give the weight of an average.
    WeightMissing {
        weight: Option<Weight>,
        name: MemberNames,
    },
    /// The total does not fit the cell.
    TooLarge,
}

impl Gap {
    /// The check's name in the rule id.
    fn rule(&self) -> &'static str {
        match self {
            Gap::BlankInMembers { .. } => "blank",
            Gap::WeightMissing { .. } => "weight_missing",
            Gap::TooLarge => "too_large",
        }
    }
}

/// The message of a blank cell of a total of `count` reports.
struct GapWords {
    id: CellId,
    count: usize,
    gap: Gap,
}

impl Words for GapWords {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let (row, count) = (crate::cross::row_capital(self.id, language), self.count);
        match (&self.gap, language) {
            (Gap::BlankInMembers { blank, names }, Language::Vietnamese) => write!(
                out,
                "{row} để trống trong tổng hợp {count} báo cáo: {blank} báo cáo để trống ({}), mà ô trống không phải số 0, nên không cộng riêng được {} báo cáo có số liệu.",
                names.write(language),
                count - blank
            ),
            (Gap::BlankInMembers { blank, names }, Language::English) => write!(
                out,
                "{row} is blank in the total of {count} reports: {blank} of them left it blank ({}), and a blank is not zero, so the {} that gave it cannot be added up alone.",
                names.write(language),
                count - blank
            ),
            (Gap::WeightMissing { weight, name }, _) => {
                let weight = match (weight, language) {
                    (Some(Weight::Reference(kind)), _) => {
                        language.pick(kind.name_vi(), kind.name_en()).to_owned()
                    }
                    (Some(Weight::Row(stt)), Language::Vietnamese) => format!("số liệu mục {stt}"),
                    (Some(Weight::Row(stt)), Language::English) => {
                        format!("the figure of row {stt}")
                    }
                    (None, _) => String::new(),
                };
                let name = name.write(language);
                match language {
                    Language::Vietnamese => write!(
                        out,
                        "{row} để trống trong tổng hợp {count} báo cáo: tỷ lệ được bình quân theo {weight} của từng báo cáo, mà {name} không cho biết."
                    ),
                    Language::English => write!(
                        out,
                        "{row} is blank in the total of {count} reports: the shares are averaged weighted by each report's {weight}, which {name} does not give."
                    ),
                }
            }
            (Gap::TooLarge, Language::Vietnamese) => write!(
                out,
                "{row} để trống trong tổng hợp {count} báo cáo: tổng quá lớn, ô không chứa được."
            ),
            (Gap::TooLarge, Language::English) => write!(
                out,
                "{row} is blank in the total of {count} reports: the total is too large for the cell."
            ),
        }
    }
}

/// Members as a message names them: `report N (body)`, from 1 (members
/// may share a body's name), `báo cáo N (…)` in Vietnamese, the first
/// few, the rest counted.
struct MemberNames {
    /// The members named: their positions and bodies.
    named: Vec<(usize, String)>,
    /// How many more there are.
    more: usize,
}

impl MemberNames {
    /// The names, in `language`, joined.
    fn write(&self, language: Language) -> String {
        let word = language.pick("báo cáo", "report");
        let mut names: Vec<String> = self
            .named
            .iter()
            .map(|(index, body)| {
                if body.is_empty() {
                    format!("{word} {}", index + 1)
                } else {
                    format!("{word} {} ({body})", index + 1)
                }
            })
            .collect();
        let more = self.more;
        if more > 0 {
            names.push(match language {
                Language::Vietnamese => format!("và {more} báo cáo khác"),
                Language::English => format!("and {more} more"),
            });
        }
        names.join(", ")
    }
}
