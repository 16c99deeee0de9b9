//! `ratio`: a percentage against its numerator and denominator rows.
//!
//! `rate = 100 × numerator / denominator`, within the precision the rate is
//! printed with (`99,3` stands for `[99,25; 99,35]`), the numerator and
//! denominator themselves intervals when printed with limited precision.
//! Consistent only when the rate was truncated rather than rounded: an
//! `info` note. Both zero: an `info` note (no ratio). A denominator that may
//! be zero: not evaluated.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use super::interval::{Reading, Span, ratio_overlaps};
use super::rules::{Notes, three};
use super::snapshot::{Slot, read_all};
use super::words::{IntervalText, Number, OptNumber, Row, message, stt};
use super::{
    CellValues, Constraint, Fast, Outcome, Rounding, RuleFamily, fire, fired, is_exact,
    percentage_of,
};
use super::{Check, Rule};
use crate::catalogue::CellId;
use crate::finding::Severity;
use crate::finding::{Finding, Findings, Interval, Language, Phrase, RuleId, Wording};
use crate::unit::Printed;

/// A rate and the rows it is the ratio of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Ratio {
    /// The percentage (`3/3.1`).
    pub rate: CellId,
    /// Its numerator (`3/3.1.2`, dossiers resolved on time).
    pub numerator: CellId,
    /// Its denominator (`3/3.1.1`, dossiers resolved).
    pub denominator: CellId,
}

/// The arithmetic of [`Ratio`]'s clean path on three reported cells: one
/// copy for every ratio rule (out of line, so that the compiled plan stays
/// small enough for the instruction cache; the reads before it are inlined).
#[inline(never)]
fn decide_ratio(rate: Slot, num: Slot, den: Slot) -> Fast {
    decide_held(rate, num, den)
}

/// [`Ratio`]'s clean path once its three cells are read, reported and
/// fitting the snapshot ([`read_all`], [`held_all`](super::snapshot::held_all)).
#[inline(always)]
pub(crate) fn decide_held(rate: Slot, num: Slot, den: Slot) -> Fast {
    let (num_lo, num_hi) = num.own();
    let (den_lo, den_hi) = den.own();
    if den_hi <= 0 && num_lo <= 0 && num_hi >= 0 {
        // 0 / 0: a note.
        return Fast::Undecided;
    }
    if den_lo <= 0 {
        return Fast::Skip;
    }
    // The rate is always read as rounded to nearest. Each factor below is
    // under 2⁶³ (2³³ · 2²¹, 2⁴⁰, 2⁴²), each product under 2⁹⁶.
    let twice = 2 * i64::from(rate.mantissa);
    let (rate_lo, rate_hi) = (twice - 1, twice + 1);
    let scales = den.half_unit() * rate.half_unit();
    let wide = |a: i64, b: i64| i128::from(a) * i128::from(b);
    let low_ok = wide(rate_lo * num.half_unit(), den_lo) <= wide(num_hi * 100, scales);
    let high_ok = wide(num_lo * 100, scales) <= wide(rate_hi * num.half_unit(), den_hi);
    if low_ok && high_ok {
        Fast::Pass
    } else {
        Fast::Undecided
    }
}

/// The interval a cell's printed value stands for under `reading` (exact
/// for counts and codes whatever the reading).
pub(crate) fn span(id: CellId, value: Printed, reading: Reading) -> Option<Span> {
    Span::of(
        value,
        if is_exact(id) {
            Reading::Exact
        } else {
            reading
        },
    )
}

impl RuleFamily for Ratio {
    const SCALE: Option<u32> = Some(100);

    fn evaluate(&self, rule: RuleId, values: &CellValues, findings: &mut Findings) -> Outcome {
        let (Some(rate), Some(num), Some(den)) = (values.get(0), values.get(1), values.get(2))
        else {
            return Outcome::NotEvaluated;
        };
        let (Some(num_span), Some(den_span)) = (
            span(self.numerator, num, Reading::Nearest),
            span(self.denominator, den, Reading::Nearest),
        ) else {
            return Outcome::NotEvaluated;
        };
        if den_span.hi <= 0 && num_span.lo <= 0 && num_span.hi >= 0 {
            let finding = fire(
                findings,
                rule,
                crate::finding::Severity::Info,
                Phrase::NoRatio,
                values,
            );
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
            (crate::finding::Severity::Info, Phrase::OnlyIfTruncated)
        } else {
            (rule.rule().severity, Phrase::Violated)
        };
        let finding = fire(findings, rule, severity, phrase, values);
        let computed =
            percentage_of(num, den, 4, Rounding::HalfAwayFromZero).map(Printed::to_decimal);
        finding.reported = Some(rate.to_decimal());
        finding.reported_interval = Span::of(rate, Reading::Nearest).and_then(Span::to_interval);
        finding.computed = computed;
        finding.computed_interval = if is_exact(self.numerator) && is_exact(self.denominator) {
            None
        } else {
            ratio_interval(num_span, den_span)
        };
        finding.imbalance = computed.and_then(|c| rate.to_decimal().checked_sub(c));
        fired(finding)
    }

    /// `100 × numerator / denominator` can lie in the rate's interval (read
    /// to nearest), the denominator positive: the cross-multiplied
    /// comparisons of [`ratio_overlaps`].
    #[inline(always)]
    fn decide(&self, snapshot: &[Slot]) -> Fast {
        match read_all(snapshot, [self.rate, self.numerator, self.denominator]) {
            Ok([rate, num, den]) => decide_ratio(rate, num, den),
            Err(fast) => fast,
        }
    }

    fn describe(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let (r, n, d) = (stt(self.rate), stt(self.numerator), stt(self.denominator));
        let form = self.rate.indicator().form;
        match language {
            Language::English => message! { out;
                "Form ", form, ": ", r, " = 100 × ", n, " / ", d,
                ", within the precision ", r, " is printed with.",
            },
            Language::Vietnamese => message! { out;
                "Biểu ", form, ": ", r, " = 100 × ", n, " / ", d,
                ", trong phạm vi độ chính xác của số in ở ", r, ".",
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
        let [rate, num, den] = [0, 1, 2].map(|position| Number(wording.at(position), language));
        let computed = OptNumber(finding.computed, language);
        let row = Row(self.rate, language);
        match (wording.phrase, language) {
            (Phrase::OnlyIfTruncated, Language::English) => message! { out;
                row, ": ", rate, "% matches 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed,
                "% only if truncated, not if rounded.",
            },
            (Phrase::OnlyIfTruncated, Language::Vietnamese) => message! { out;
                row, ": ", rate, "% chỉ khớp với 100 × ", n, " / ", d,
                " = 100 × ", num, " / ", den, " = ", computed,
                "% nếu cắt bớt chữ số, không khớp nếu làm tròn.",
            },
            (Phrase::NoRatio, Language::English) => message! { out;
                row, ": ", n, " / ", d, " = ", num, " / ", den,
                " has no ratio, so the reported ", rate, "% cannot be checked.",
            },
            (Phrase::NoRatio, Language::Vietnamese) => message! { out;
                row, ": ", n, " / ", d, " = ", num, " / ", den,
                " không có tỷ lệ, nên không kiểm tra được tỷ lệ báo cáo ", rate, "%.",
            },
            (_, Language::English) => message! { out;
                row, ": the reported ", rate, "%",
                IntervalText(finding.reported_interval, language, true),
                " does not match 100 × ", n, " / ", d, " = 100 × ", num, " / ", den, " = ",
                computed, "%", IntervalText(finding.computed_interval, language, true), ".",
            },
            (_, Language::Vietnamese) => message! { out;
                row, ": tỷ lệ báo cáo ", rate, "%",
                IntervalText(finding.reported_interval, language, true),
                " không khớp với 100 × ", n, " / ", d, " = 100 × ", num, " / ", den, " = ",
                computed, "%", IntervalText(finding.computed_interval, language, true), ".",
            },
        }
    }

    fn constraint(&self) -> Constraint {
        Constraint::Ratio {
            rate: self.rate,
            numerator: self.numerator,
            denominator: self.denominator,
        }
    }
}

/// The extremes of `100·num/den` over the intervals (the denominator
/// positive), widened to four decimals: each end of the numerator divided by
/// the denominator's end that takes it farthest from zero when it is at
/// least zero, nearest zero when it is negative (`100·num.lo/den.hi` and
/// `100·num.hi/den.lo` for a numerator at least zero, as in
/// `ratio_conditions`).
fn ratio_interval(num: Span, den: Span) -> Option<Interval> {
    let to_dec = |units: i128, scale: u32| super::interval::half_units(units, scale);
    let hundred = Decimal::ONE_HUNDRED;
    let low_den = if num.lo < 0 { den.lo } else { den.hi };
    let high_den = if num.hi < 0 { den.hi } else { den.lo };
    let low = hundred
        .checked_mul(to_dec(num.lo, num.scale)?)?
        .checked_div(to_dec(low_den, den.scale)?)?
        .round_dp_with_strategy(4, RoundingStrategy::ToNegativeInfinity);
    let high = hundred
        .checked_mul(to_dec(num.hi, num.scale)?)?
        .checked_div(to_dec(high_den, den.scale)?)?
        .round_dp_with_strategy(4, RoundingStrategy::ToPositiveInfinity);
    Some(Interval { low, high })
}

impl Ratio {
    /// The rule of `cells`, `[rate, numerator, denominator]`: how a rule
    /// table writes a ratio.
    pub(crate) const fn rule(
        id: &'static str,
        severity: Severity,
        cells: &'static [CellId],
        notes: Notes,
    ) -> Rule {
        let (rate, numerator, denominator) = three(cells);
        let check = Check::Ratio(Ratio {
            rate,
            numerator,
            denominator,
        });
        Rule::new(id, severity, check, cells, notes.0, notes.1)
    }
}

/// How the strategies break a ratio (and a derivable blank).
#[cfg(feature = "proptest")]
pub(crate) mod strategy {
    use super::Ratio;
    use crate::catalogue::CellId;
    use crate::check::generate::{
        Broken, Generates, Ground, Holds, Making, Violation, WHOLE_SHARE, decimals_of,
        first_outside, floor_at, pow10, rounding_of, within,
    };
    use crate::check::{Rounding, Rule, is_exact, percentage_of};
    use crate::unit::Printed;

    impl Generates for Ratio {
        fn holds(&self) -> Holds {
            Holds::Rate
        }

        /// The rate from its numerator and denominator, printed with the
        /// draw's decimals, rounded or truncated; 0/0 leaves it blank or
        /// prints any value.
        fn hold(
            &self,
            _rule: &Rule,
            _index: usize,
            making: &mut Making<'_>,
        ) -> Option<Vec<CellId>> {
            let rate = self.rate;
            let d = making.draw(rate);
            let computed = making
                .value(self.numerator)
                .zip(making.value(self.denominator))
                .and_then(|(n, dd)| percentage_of(n, dd, decimals_of(rate, d), rounding_of(d)));
            let value = match computed {
                Some(rate_value) => making
                    .ground
                    .usual_range(rate)
                    .filter(|&r| within(rate_value, r))
                    .map(|_| rate_value),
                // 0/0 has no ratio: a blank, or whatever the reporter printed.
                None if d.pick % 2 == 0 => None,
                None => making.free_value(rate),
            };
            making.set(rate, value);
            None
        }

        fn break_rule(
            &self,
            rule: &Rule,
            _index: usize,
            ground: &dyn Ground,
            violation: &Violation,
        ) -> Option<Broken> {
            break_rate(ground, rule, violation, false).map(Broken::cells)
        }

        /// A blank numerator or denominator silences the ratio and its
        /// derivable twin.
        fn silencers(&self, _rule: &Rule, mine: &dyn Fn(&CellId) -> bool) -> Vec<CellId> {
            first_outside(&[self.numerator, self.denominator, self.rate], mine)
        }
    }

    /// A rate off by at least two percentage points from `numerator /
    /// denominator` (or, for a derivable blank, no rate), with a fresh
    /// numerator and denominator: the denominator positive (at least 1.000
    /// when printed with limited precision), the numerator at most the
    /// denominator.
    pub(crate) fn break_rate(
        ground: &dyn Ground,
        rule: &Rule,
        violation: &Violation,
        derivable: bool,
    ) -> Option<Vec<Option<Printed>>> {
        let &[rate_id, num_id, den_id] = rule.cells else {
            return None;
        };
        let (rate_draw, num_draw, den_draw) =
            (violation.cell(0), violation.cell(1), violation.cell(2));
        let den_decimals = decimals_of(den_id, den_draw);
        let least = if is_exact(den_id) { 1 } else { 1000 };
        let den_whole = least + i128::from(den_draw.magnitude) % 1_000_000_000;
        let den = Printed {
            mantissa: den_whole * pow10(den_decimals)
                + i128::from(den_draw.pick) % pow10(den_decimals),
            decimals: den_decimals,
        };
        let num_decimals = decimals_of(num_id, num_draw);
        let num = Printed {
            mantissa: floor_at(den, num_decimals) * i128::from(num_draw.share).min(WHOLE_SHARE)
                / WHOLE_SHARE,
            decimals: num_decimals,
        };
        if derivable {
            return Some(vec![None, Some(num), Some(den)]);
        }
        // The exact rate lies in [floor, floor + 1].
        let floor = percentage_of(num, den, 0, Rounding::Truncate)?.mantissa;
        let (lo, hi) = ground.usual_range(rate_id)?;
        let above_ok = floor + 4 <= hi;
        let below_ok = floor - 3 >= lo;
        let decimals = decimals_of(rate_id, rate_draw);
        let fraction = i128::from(rate_draw.pick) % pow10(decimals);
        let whole = if (violation.above && above_ok) || !below_ok {
            if !above_ok {
                return None;
            }
            floor + 4 + violation.margin(hi - floor - 3)
        } else {
            lo + violation.margin(floor - 2 - lo)
        };
        let fraction = if whole >= hi { 0 } else { fraction };
        let rate = Printed {
            mantissa: whole * pow10(decimals) + fraction,
            decimals,
        };
        Some(vec![Some(rate), Some(num), Some(den)])
    }
}
