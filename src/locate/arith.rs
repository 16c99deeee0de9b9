//! Exact arithmetic on printed values for localisation: no floats, no
//! division where a comparison will do, 256-bit products.
//!
//! A value is a range of mantissas at one scale (a single printed value is
//! a range of one). Under a reading it stands for a span of half-units
//! `[lo, hi] / (2 × 10^scale)`, exactly as validation reads it (see
//! `check::interval`): exact `[2m, 2m]`, rounded to nearest
//! `[2m − 1, 2m + 1]`, truncated `[2m, 2m + 2)` (or `(2m − 2, 2m]` below
//! zero). A range of several mantissas stands for the hull of their spans,
//! closed: wider than any of them, so a check that fails on the hull fails
//! on every value in the range.
//!
//! Kept apart from `check::interval` on purpose, so that localisation can
//! be pointed at a new core without touching it; the semantics are the
//! same, and every repair is re-checked by `Report::validate`.

use std::cmp::Ordering;

/// A cell's possible mantissas `[lo, hi]` at `scale` decimals; `exact`
/// for counts and codes, which stand for themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Val {
    pub lo: i128,
    pub hi: i128,
    pub scale: u32,
    pub exact: bool,
}

impl Val {
    /// One printed value.
    pub fn point(mantissa: i128, scale: u32, exact: bool) -> Val {
        Val {
            lo: mantissa,
            hi: mantissa,
            scale,
            exact,
        }
    }

    /// Whether it is a single value.
    pub fn is_point(self) -> bool {
        self.lo == self.hi
    }
}

/// How a printed value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    Nearest,
    Truncated,
}

/// Half-units `[lo, hi] / (2 × 10^scale)`, each end possibly open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub lo: i128,
    pub hi: i128,
    pub scale: u32,
    pub lo_open: bool,
    pub hi_open: bool,
}

/// Every power of ten an `i128` holds.
const POWERS_OF_TEN: [i128; 39] = {
    let mut powers = [1_i128; 39];
    let mut exponent = 1;
    while exponent < powers.len() {
        powers[exponent] = powers[exponent - 1] * 10;
        exponent += 1;
    }
    powers
};

/// `10^exponent`, `None` past `i128`.
pub(crate) fn pow10(exponent: u32) -> Option<i128> {
    POWERS_OF_TEN.get(usize::try_from(exponent).ok()?).copied()
}

impl Span {
    /// The span a value stands for under `reading` (exact values ignore it).
    pub fn of(value: Val, reading: Reading) -> Option<Span> {
        let (lo2, hi2) = (value.lo.checked_mul(2)?, value.hi.checked_mul(2)?);
        let closed = |lo, hi| Span {
            lo,
            hi,
            scale: value.scale,
            lo_open: false,
            hi_open: false,
        };
        if value.exact {
            return Some(closed(lo2, hi2));
        }
        Some(match reading {
            Reading::Nearest => closed(lo2.checked_sub(1)?, hi2.checked_add(1)?),
            Reading::Truncated if value.is_point() => {
                if value.lo >= 0 {
                    Span {
                        hi: hi2.checked_add(2)?,
                        hi_open: true,
                        ..closed(lo2, hi2)
                    }
                } else {
                    Span {
                        lo: lo2.checked_sub(2)?,
                        lo_open: true,
                        ..closed(lo2, hi2)
                    }
                }
            }
            Reading::Truncated => closed(
                if value.lo < 0 {
                    lo2.checked_sub(2)?
                } else {
                    lo2
                },
                if value.hi >= 0 {
                    hi2.checked_add(2)?
                } else {
                    hi2
                },
            ),
        })
    }

    /// The same span at a finer scale.
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

    /// `2 × 10^scale`.
    pub fn denominator(self) -> Option<i128> {
        pow10(self.scale)?.checked_mul(2)
    }

    /// The sum of spans at their finest scale; `None` for none or on overflow.
    pub fn sum(spans: &[Span]) -> Option<Span> {
        let scale = spans.iter().map(|span| span.scale).max()?;
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

    /// `self.lo ≤ other.hi` (strict when either end is open).
    pub fn low_below_high_of(self, other: Span) -> Option<bool> {
        let scale = self.scale.max(other.scale);
        let (a, b) = (self.rescale(scale)?, other.rescale(scale)?);
        Some(at_most(a.lo, b.hi, a.lo_open || b.hi_open))
    }
}

/// `a ≤ b`, or `a < b` when `strict`.
pub(crate) fn at_most(a: i128, b: i128, strict: bool) -> bool {
    if strict { a < b } else { a <= b }
}

/// The two conditions of `rate` overlapping `100 × numerator / denominator`
/// (denominator positive): `(rate.lo ≤ 100·num.hi/den.lo, 100·num.lo/den.hi ≤ rate.hi)`,
/// cross-multiplied and compared in 256 bits. `None` on overflow.
pub(crate) fn ratio_conditions(rate: Span, num: Span, den: Span) -> Option<(bool, bool)> {
    let rate_den = rate.denominator()?;
    let num_den = num.denominator()?;
    let den_den = den.denominator()?;
    let scale_product = den_den.checked_mul(rate_den)?;
    let low_side = compare_products(
        rate.lo.checked_mul(num_den)?,
        den.lo,
        num.hi.checked_mul(100)?,
        scale_product,
    );
    let low_ok = if rate.lo_open || num.hi_open || den.lo_open {
        low_side == Ordering::Less
    } else {
        low_side != Ordering::Greater
    };
    let high_side = compare_products(
        num.lo.checked_mul(100)?,
        scale_product,
        rate.hi.checked_mul(num_den)?,
        den.hi,
    );
    let high_ok = if rate.hi_open || num.lo_open || den.hi_open {
        high_side == Ordering::Less
    } else {
        high_side != Ordering::Greater
    };
    Some((low_ok, high_ok))
}

/// Compares `a·b` with `c·d` exactly.
pub(crate) fn compare_products(a: i128, b: i128, c: i128, d: i128) -> Ordering {
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

/// Sorted, disjoint, closed intervals of mantissas: the values a cell may
/// take. Empty when none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Set(pub Vec<(i128, i128)>);

impl Set {
    /// `[lo, hi]`, empty when `lo > hi`.
    pub fn range(lo: i128, hi: i128) -> Set {
        if lo <= hi {
            Set(vec![(lo, hi)])
        } else {
            Set(Vec::new())
        }
    }

    /// Whether it holds no value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether it holds `value`.
    pub fn contains(&self, value: i128) -> bool {
        self.0.iter().any(|&(lo, hi)| lo <= value && value <= hi)
    }

    /// The values in both.
    pub fn intersect(&self, other: &Set) -> Set {
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while let (Some(&(a_lo, a_hi)), Some(&(b_lo, b_hi))) = (self.0.get(i), other.0.get(j)) {
            let (lo, hi) = (a_lo.max(b_lo), a_hi.min(b_hi));
            if lo <= hi {
                out.push((lo, hi));
            }
            if a_hi < b_hi {
                i += 1;
            } else {
                j += 1;
            }
        }
        Set(out)
    }

    /// The values in either.
    pub fn union(&self, other: &Set) -> Set {
        let mut all: Vec<(i128, i128)> = self.0.iter().chain(&other.0).copied().collect();
        all.sort_unstable();
        let mut out: Vec<(i128, i128)> = Vec::with_capacity(all.len());
        for (lo, hi) in all {
            match out.last_mut() {
                Some(last) if lo <= last.1.saturating_add(1) => last.1 = last.1.max(hi),
                _ => out.push((lo, hi)),
            }
        }
        Set(out)
    }

    /// The value nearest `target` (the smaller on a tie), if any.
    pub fn nearest(&self, target: i128) -> Option<i128> {
        self.0
            .iter()
            .map(|&(lo, hi)| target.clamp(lo, hi))
            .min_by_key(|&value| (value.abs_diff(target), value))
    }
}

/// Where a monotone predicate holds on `[lo, hi]`: `increasing` when it is
/// false then true as the value grows, else true then false. Binary search
/// with the exact predicate, so the bounds are exact.
pub(crate) fn monotone(lo: i128, hi: i128, increasing: bool, holds: impl Fn(i128) -> bool) -> Set {
    if lo > hi {
        return Set::default();
    }
    if increasing {
        if !holds(hi) {
            return Set::default();
        }
        // Least value that holds: holds(b) is true, holds(a - 1) unknown.
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = a + (b - a) / 2;
            if holds(mid) {
                b = mid;
            } else {
                a = mid + 1;
            }
        }
        Set::range(a, hi)
    } else {
        if !holds(lo) {
            return Set::default();
        }
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let mid = b - (b - a) / 2;
            if holds(mid) {
                a = mid;
            } else {
                b = mid - 1;
            }
        }
        Set::range(lo, a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products_compare_in_256_bits() {
        let big = i128::MAX;
        assert_eq!(compare_products(big, big, big, big - 1), Ordering::Greater);
        assert_eq!(compare_products(-3, -4, 2, 6), Ordering::Equal);
    }

    #[test]
    fn monotone_search_finds_the_exact_edge() {
        let set = monotone(0, i128::from(u64::MAX), true, |x| x >= 1_896);
        assert_eq!(set, Set::range(1_896, i128::from(u64::MAX)));
        let set = monotone(-5, 5, false, |x| x <= -5);
        assert_eq!(set, Set::range(-5, -5));
        assert!(monotone(0, 5, true, |_| false).is_empty());
    }

    #[test]
    fn sets_combine() {
        let a = Set(vec![(0, 5), (10, 20)]);
        let b = Set(vec![(3, 12)]);
        assert_eq!(a.intersect(&b), Set(vec![(3, 5), (10, 12)]));
        assert_eq!(a.union(&b), Set(vec![(0, 20)]));
        assert_eq!(a.nearest(7), Some(5));
        assert_eq!(a.nearest(8), Some(10));
    }
}
