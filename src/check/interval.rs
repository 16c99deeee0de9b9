//! Exact interval arithmetic on printed values, with no division and no floats.
//!
//! A printed value stands for the interval of true values its digits allow
//! (XBRL Calculations 1.1). With `m` the printed digits as an integer and `s`
//! the printed decimals, every bound is an integer over `2 × 10^s`:
//!
//! | reading            | interval (× 1 / (2 × 10^s))    |
//! |--------------------|--------------------------------|
//! | exact (a count)    | `[2m, 2m]`                     |
//! | rounded to nearest | `[2m − 1, 2m + 1]`             |
//! | truncated, `m ≥ 0` | `[2m, 2m + 2)`                 |
//! | truncated, `m < 0` | `(2m − 2, 2m]`                 |
//!
//! Comparisons cross-multiply; a product of two `i128` factors is compared
//! exactly in 256 bits, so nothing overflows on values the parser accepts.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::finding::Interval;
use crate::unit::Printed;

/// An interval `[lo, hi]` of values in units of `1 / (2 × 10^scale)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub lo: i128,
    pub hi: i128,
    pub scale: u32,
    /// Whether `lo` itself is excluded.
    pub lo_open: bool,
    /// Whether `hi` itself is excluded.
    pub hi_open: bool,
}

/// How to read a printed value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// The value is exact (counts, codes).
    Exact,
    /// The reporter rounded to nearest.
    Nearest,
    /// The reporter truncated.
    Truncated,
}

impl Span {
    /// The interval a printed value stands for under `reading`; `None` only
    /// if the doubled digits overflow, which parsed values never do.
    pub fn of(value: Printed, reading: Reading) -> Option<Span> {
        let twice = value.mantissa.checked_mul(2)?;
        let (lo, hi, lo_open, hi_open) = match reading {
            Reading::Exact => (twice, twice, false, false),
            Reading::Nearest => (twice.checked_sub(1)?, twice.checked_add(1)?, false, false),
            Reading::Truncated if value.mantissa >= 0 => {
                (twice, twice.checked_add(2)?, false, true)
            }
            Reading::Truncated => (twice.checked_sub(2)?, twice, true, false),
        };
        Some(Span {
            lo,
            hi,
            scale: value.decimals,
            lo_open,
            hi_open,
        })
    }

    /// The same interval at a finer scale.
    pub fn rescale(self, scale: u32) -> Option<Span> {
        if scale == self.scale {
            return Some(self);
        }
        let factor = pow10(scale.checked_sub(self.scale)?)?;
        Some(Span {
            lo: self.lo.checked_mul(factor)?,
            hi: self.hi.checked_mul(factor)?,
            scale,
            ..self
        })
    }

    /// The denominator `2 × 10^scale`.
    pub fn denominator(self) -> Option<i128> {
        pow10(self.scale)?.checked_mul(2)
    }

    /// The sum of intervals (all at their finest common scale).
    pub fn sum(spans: impl Iterator<Item = Span> + Clone) -> Option<Span> {
        let scale = spans.clone().map(|span| span.scale).max()?;
        let mut total = Span {
            lo: 0,
            hi: 0,
            scale,
            lo_open: false,
            hi_open: false,
        };
        for span in spans {
            let span = span.rescale(scale)?;
            total.lo = total.lo.checked_add(span.lo)?;
            total.hi = total.hi.checked_add(span.hi)?;
            total.lo_open |= span.lo_open;
            total.hi_open |= span.hi_open;
        }
        Some(total)
    }

    /// Whether two intervals share a value.
    pub fn overlaps(self, other: Span) -> Option<bool> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.rescale(scale)?, other.rescale(scale)?);
        Some(
            at_most(a.lo, b.hi, a.lo_open || b.hi_open)
                && at_most(b.lo, a.hi, b.lo_open || a.hi_open),
        )
    }

    /// Whether every value of `self` can be at most some value of `other`,
    /// that is `self.lo ≤ other.hi`.
    pub fn can_be_at_most(self, other: Span) -> Option<bool> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.rescale(scale)?, other.rescale(scale)?);
        Some(at_most(a.lo, b.hi, a.lo_open || b.hi_open))
    }

    /// The interval as decimals, for a finding.
    pub fn to_interval(self) -> Option<Interval> {
        Some(Interval {
            low: half_units(self.lo, self.scale)?,
            high: half_units(self.hi, self.scale)?,
        })
    }

    /// The lower bound as a decimal.
    pub fn low(self) -> Option<Decimal> {
        half_units(self.lo, self.scale)
    }
}

/// Every power of ten an `i128` holds, `10^0` to `10^38`.
pub(crate) const POWERS_OF_TEN: [i128; 39] = {
    let mut powers = [1_i128; 39];
    let mut exponent = 1;
    while exponent < powers.len() {
        powers[exponent] = powers[exponent - 1] * 10;
        exponent += 1;
    }
    powers
};

/// `10^exponent`, or `None` past what an `i128` holds: `checked_pow` by
/// table lookup.
pub(crate) fn pow10(exponent: u32) -> Option<i128> {
    POWERS_OF_TEN.get(usize::try_from(exponent).ok()?).copied()
}

/// `a ≤ b`, or `a < b` when `strict`.
fn at_most(a: i128, b: i128, strict: bool) -> bool {
    if strict { a < b } else { a <= b }
}

/// `units / (2 × 10^scale)` as a decimal: `5 × units / 10^(scale + 1)`.
pub(crate) fn half_units(units: i128, scale: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(units.checked_mul(5)?, scale + 1)
        .ok()
        .map(|value| value.normalize())
}

/// Whether the interval `rate` (a percentage) overlaps the interval of
/// `100 × numerator / denominator`, where the denominator is positive.
///
/// Both conditions of [`ratio_conditions`] hold. `None` when a factor
/// overflows `i128`, which no parsed value makes, or when the denominator
/// can be zero.
pub(crate) fn ratio_overlaps(rate: Span, numerator: Span, denominator: Span) -> Option<bool> {
    if denominator.lo <= 0 {
        return None;
    }
    ratio_conditions(rate, numerator, denominator).map(|(low_ok, high_ok)| low_ok && high_ok)
}

/// The two conditions of `rate` overlapping `100 × numerator /
/// denominator` (the denominator positive), apart: `rate.lo ≤` the greatest
/// ratio and the least ratio `≤ rate.hi`, each side a product of two
/// `i128`s compared in 256 bits (strict where an end is open). The greatest
/// ratio is `100·num.hi/den.lo` for a numerator that can be positive, and
/// `100·num.hi/den.hi` for one that is negative throughout (dividing a
/// negative number by more brings it nearer zero); the least is
/// `100·num.lo/den.hi`, or `100·num.lo/den.lo` when `num.lo` is negative.
/// `None` when a factor overflows `i128`. Error localisation reads them
/// apart: each is monotone in the rate and the numerator.
pub(crate) fn ratio_conditions(
    rate: Span,
    numerator: Span,
    denominator: Span,
) -> Option<(bool, bool)> {
    let rate_den = rate.denominator()?;
    let num_den = numerator.denominator()?;
    let den_den = denominator.denominator()?;
    let scale_product = den_den.checked_mul(rate_den)?;
    // The denominator's end that makes each ratio extreme.
    let (max_den, max_den_open) = if numerator.hi >= 0 {
        (denominator.lo, denominator.lo_open)
    } else {
        (denominator.hi, denominator.hi_open)
    };
    let (min_den, min_den_open) = if numerator.lo >= 0 {
        (denominator.hi, denominator.hi_open)
    } else {
        (denominator.lo, denominator.lo_open)
    };
    // rate.lo / rate_den ≤ 100·(num.hi/num_den) / (max_den/den_den)
    // ⇔ (rate.lo·num_den) · max_den ≤ (100·num.hi) · (den_den·rate_den)
    let low_side = compare_products(
        rate.lo.checked_mul(num_den)?,
        max_den,
        numerator.hi.checked_mul(100)?,
        scale_product,
    );
    let low_ok = if rate.lo_open || numerator.hi_open || max_den_open {
        low_side == Ordering::Less
    } else {
        low_side != Ordering::Greater
    };
    // 100·(num.lo/num_den) / (min_den/den_den) ≤ rate.hi / rate_den
    // ⇔ (100·num.lo) · (den_den·rate_den) ≤ (rate.hi·num_den) · min_den
    let high_side = compare_products(
        numerator.lo.checked_mul(100)?,
        scale_product,
        rate.hi.checked_mul(num_den)?,
        min_den,
    );
    let high_ok = if rate.hi_open || numerator.lo_open || min_den_open {
        high_side == Ordering::Less
    } else {
        high_side != Ordering::Greater
    };
    Some((low_ok, high_ok))
}

/// Compares `a·b` with `c·d` exactly: in `i128` when both products fit,
/// else in 256 bits.
pub(crate) fn compare_products(a: i128, b: i128, c: i128, d: i128) -> Ordering {
    if let (Some(left), Some(right)) = (a.checked_mul(b), c.checked_mul(d)) {
        return left.cmp(&right);
    }
    Wide::product(a, b).cmp(&Wide::product(c, d))
}

/// A signed 256-bit product: sign and magnitude as (high, low) words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wide {
    negative: bool,
    high: u128,
    low: u128,
}

impl Wide {
    fn product(a: i128, b: i128) -> Wide {
        let (high, low) = widening_mul(a.unsigned_abs(), b.unsigned_abs());
        let zero = high == 0 && low == 0;
        Wide {
            negative: !zero && ((a < 0) != (b < 0)),
            high,
            low,
        }
    }
}

impl Ord for Wide {
    fn cmp(&self, other: &Wide) -> Ordering {
        match (self.negative, other.negative) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => (self.high, self.low).cmp(&(other.high, other.low)),
            (true, true) => (other.high, other.low).cmp(&(self.high, self.low)),
        }
    }
}

impl PartialOrd for Wide {
    fn partial_cmp(&self, other: &Wide) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The full 256-bit product of two `u128`s, as (high, low).
fn widening_mul(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a_hi, a_lo) = (a >> 64, a & MASK);
    let (b_hi, b_lo) = (b >> 64, b & MASK);
    let lo_lo = a_lo * b_lo;
    let hi_lo = a_hi * b_lo;
    let lo_hi = a_lo * b_hi;
    let hi_hi = a_hi * b_hi;
    let middle = (lo_lo >> 64) + (hi_lo & MASK) + (lo_hi & MASK);
    let low = (lo_lo & MASK) | (middle << 64);
    let high = hi_hi + (hi_lo >> 64) + (lo_hi >> 64) + (middle >> 64);
    (high, low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn printed(mantissa: i128, decimals: u32) -> Printed {
        Printed { mantissa, decimals }
    }

    #[test]
    fn wide_products_compare_exactly() {
        let big = i128::MAX;
        assert_eq!(compare_products(big, big, big, big), Ordering::Equal);
        assert_eq!(compare_products(big, big, big, big - 1), Ordering::Greater);
        assert_eq!(compare_products(-big, big, big, 1), Ordering::Less);
        assert_eq!(compare_products(-3, -4, 2, 6), Ordering::Equal);
        assert_eq!(compare_products(0, -5, 0, 7), Ordering::Equal);
        assert_eq!(widening_mul(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
    }

    #[test]
    fn ratio_of_the_source_is_consistent() {
        // 53.726 / 54.106 = 99,2977 % lies in [99,25; 99,35].
        let rate = Span::of(printed(993, 1), Reading::Nearest).unwrap();
        let num = Span::of(printed(53_726, 0), Reading::Exact).unwrap();
        let den = Span::of(printed(54_106, 0), Reading::Exact).unwrap();
        assert_eq!(ratio_overlaps(rate, num, den), Some(true));
        // 2.521 / 6.776 = 37,2048 % is not 37,76.
        let rate = Span::of(printed(3776, 2), Reading::Nearest).unwrap();
        let num = Span::of(printed(2521, 0), Reading::Exact).unwrap();
        let den = Span::of(printed(6776, 0), Reading::Exact).unwrap();
        assert_eq!(ratio_overlaps(rate, num, den), Some(false));
    }

    #[test]
    fn truncation_is_a_reading_of_its_own() {
        // 3.399 / 26.030 = 13,0580 %: `13,05` only if truncated.
        let num = Span::of(printed(3399, 0), Reading::Exact).unwrap();
        let den = Span::of(printed(26_030, 0), Reading::Exact).unwrap();
        let nearest = Span::of(printed(1305, 2), Reading::Nearest).unwrap();
        let truncated = Span::of(printed(1305, 2), Reading::Truncated).unwrap();
        assert_eq!(ratio_overlaps(nearest, num, den), Some(false));
        assert_eq!(ratio_overlaps(truncated, num, den), Some(true));
        // 1 / 8 = 12,5 % exactly: `12` truncated is [12, 13), which excludes 13.
        let num = Span::of(printed(1, 0), Reading::Exact).unwrap();
        let den = Span::of(printed(8, 0), Reading::Exact).unwrap();
        assert_eq!(
            ratio_overlaps(
                Span::of(printed(12, 0), Reading::Truncated).unwrap(),
                num,
                den
            ),
            Some(true)
        );
        // 13 / 100 = 13 %: `12` truncated stands for [12, 13), which excludes 13.
        let num = Span::of(printed(13, 0), Reading::Exact).unwrap();
        let den = Span::of(printed(100, 0), Reading::Exact).unwrap();
        assert_eq!(
            ratio_overlaps(
                Span::of(printed(12, 0), Reading::Truncated).unwrap(),
                num,
                den
            ),
            Some(false)
        );
    }

    #[test]
    fn sums_overlap_by_interval() {
        let total = Span::of(printed(1902, 0), Reading::Exact).unwrap();
        let parts = [1486, 255, 155].map(|v| Span::of(printed(v, 0), Reading::Exact).unwrap());
        let sum = Span::sum(parts.iter().copied()).unwrap();
        assert_eq!(
            sum.to_interval().map(|i| i.low.to_string()).as_deref(),
            Some("1896")
        );
        assert_eq!(total.overlaps(sum), Some(false));
        // 33,3 + 33,3 + 33,3 (each rounded) can be 100: [99,75; 100,05] ∋ 100.
        let third = Span::of(printed(333, 1), Reading::Nearest).unwrap();
        let sum = Span::sum([third; 3].into_iter()).unwrap();
        let hundred = Span::of(printed(100, 0), Reading::Exact).unwrap();
        assert_eq!(sum.overlaps(hundred), Some(true));
    }

    #[test]
    fn powers_of_ten_are_checked_pow() {
        for exponent in 0..=45 {
            assert_eq!(pow10(exponent), 10_i128.checked_pow(exponent), "{exponent}");
        }
        assert_eq!(pow10(u32::MAX), None);
    }

    #[test]
    fn half_units_print_as_decimals() {
        let span = Span::of(printed(993, 1), Reading::Nearest).unwrap();
        let interval = span.to_interval().unwrap();
        assert_eq!(
            (interval.low.to_string(), interval.high.to_string()),
            ("99.25".into(), "99.35".into())
        );
    }

    #[test]
    fn open_ends_are_kept_by_readings_sums_and_overlaps() {
        // The module's table: truncated `12` is [24, 26) half-units,
        // truncated `-12` is (-26, -24].
        let up = Span::of(printed(12, 0), Reading::Truncated).unwrap();
        assert_eq!(
            (up.lo, up.hi, up.lo_open, up.hi_open),
            (24, 26, false, true)
        );
        let down = Span::of(printed(-12, 0), Reading::Truncated).unwrap();
        assert_eq!(
            (down.lo, down.hi, down.lo_open, down.hi_open),
            (-26, -24, true, false)
        );
        // A sum keeps the open ends of its parts: [24, 26) + [2, 2] = [26, 28).
        let one = Span::of(printed(1, 0), Reading::Exact).unwrap();
        let sum = Span::sum([up, one].into_iter()).unwrap();
        assert_eq!(
            (sum.lo, sum.hi, sum.lo_open, sum.hi_open),
            (26, 28, false, true)
        );
        let sum = Span::sum([down, one].into_iter()).unwrap();
        assert_eq!(
            (sum.lo, sum.hi, sum.lo_open, sum.hi_open),
            (-24, -22, true, false)
        );
        // Truncated 12 stops short of 13: no overlap with exactly 13; it
        // does reach exactly 12. Likewise below zero.
        let thirteen = Span::of(printed(13, 0), Reading::Exact).unwrap();
        assert_eq!(up.overlaps(thirteen), Some(false));
        assert_eq!(thirteen.overlaps(up), Some(false));
        let minus_thirteen = Span::of(printed(-13, 0), Reading::Exact).unwrap();
        assert_eq!(down.overlaps(minus_thirteen), Some(false));
        assert_eq!(minus_thirteen.overlaps(down), Some(false));
        let twelve = Span::of(printed(12, 0), Reading::Exact).unwrap();
        assert_eq!(up.overlaps(twelve), Some(true));
        // At most: 13 cannot be at most truncated 12, 12 can.
        assert_eq!(thirteen.can_be_at_most(up), Some(false));
        assert_eq!(twelve.can_be_at_most(up), Some(true));
    }

    #[test]
    fn wide_products_keep_their_signs() {
        let big = i128::MAX;
        // Negative times positive, either way round, is below zero; a
        // product of two negatives is positive.
        assert_eq!(compare_products(big, -big, 0, 1), Ordering::Less);
        assert_eq!(compare_products(-big, big, 0, 1), Ordering::Less);
        assert_eq!(compare_products(-big, -big, big, big), Ordering::Equal);
        assert_eq!(compare_products(-big, big, -big, big - 1), Ordering::Less);
        // −2¹⁰⁰ · 2¹⁰⁰ = −2²⁰⁰: its low word is zero, it is not zero.
        assert_eq!(
            compare_products(-(1 << 100), 1 << 100, 0, 1),
            Ordering::Less
        );
        // −2⁶³ · (2⁶⁴ + 2) = −(2¹²⁷ + 2⁶⁵), past i128 with a zero high word.
        assert_eq!(
            compare_products(-(1 << 63), (1 << 64) + 2, 0, 1),
            Ordering::Less
        );
        // Zero times anything is zero, whatever the signs.
        assert_eq!(compare_products(0, -big, -big, big), Ordering::Greater);
        // The words of a product: 2⁶⁴ · 3 = 3 · 2⁶⁴, all in the low word;
        // (2¹²⁸ − 1) · 2 = 2¹²⁹ − 2, a one in the high word.
        assert_eq!(widening_mul(1 << 64, 3), (0, 3 << 64));
        assert_eq!(widening_mul(u128::MAX, 2), (1, u128::MAX - 1));
        // The partial order agrees with the order.
        let (small, large) = (Wide::product(-big, big), Wide::product(big, big));
        assert_eq!(small.partial_cmp(&large), Some(Ordering::Less));
        assert_eq!(large.partial_cmp(&small), Some(Ordering::Greater));
    }
}
