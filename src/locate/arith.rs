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
//! The spans, their sums and comparisons, and the ratio's conditions are
//! validation's own (`check::interval`), so that the two cannot disagree;
//! what is localisation's alone is a value that is a range of mantissas,
//! sets of allowed mantissas, and the search for where a monotone
//! condition starts to hold.

pub(crate) use crate::check::interval::{Reading, Span, pow10, ratio_conditions};
use crate::unit::Printed;

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

/// The span a value stands for under `reading` (counts and codes read
/// exactly whatever the reading), by validation's own
/// [`Span::of`]: a single value as validation reads it,
/// a range as the closed hull of its ends' spans.
pub(crate) fn span(value: Val, reading: Reading) -> Option<Span> {
    let reading = if value.exact { Reading::Exact } else { reading };
    let at = |mantissa| {
        Span::of(
            Printed {
                mantissa,
                decimals: value.scale,
            },
            reading,
        )
    };
    let low = at(value.lo)?;
    if value.is_point() {
        return Some(low);
    }
    let high = at(value.hi)?;
    Some(Span {
        lo: low.lo,
        hi: high.hi,
        scale: value.scale,
        lo_open: false,
        hi_open: false,
    })
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

/// `⌊(a + b) / 2⌋`, without overflow whatever `a` and `b` (a domain may
/// span most of `i128`).
pub(crate) fn midpoint(a: i128, b: i128) -> i128 {
    (a >> 1) + (b >> 1) + (a & b & 1)
}

/// Where a monotone predicate holds on `[lo, hi]`: `increasing` when it is
/// false then true as the value grows, else true then false.
///
/// The edge is searched from `hint` (where it is expected: a good hint
/// costs a handful of evaluations, a bad one at most twice a plain binary
/// search): steps doubling away from the hint until the predicate changes,
/// then bisection between the last two values. Every answer is decided by
/// the exact predicate, so the bounds are exact whatever the hint.
pub(crate) fn monotone(
    lo: i128,
    hi: i128,
    increasing: bool,
    hint: i128,
    mut holds: impl FnMut(i128) -> bool,
) -> Set {
    if lo > hi {
        return Set::default();
    }
    // In the increasing case the edge is the least value that holds; the
    // other case is its mirror, searched on negated values (`lo > i128::MIN`
    // for every domain here, so negation is safe; checked anyway).
    let (Some(neg_lo), Some(neg_hi), Some(neg_hint)) =
        (hi.checked_neg(), lo.checked_neg(), hint.checked_neg())
    else {
        return Set::default();
    };
    let (a, b, h) = if increasing {
        (lo, hi, hint)
    } else {
        (neg_lo, neg_hi, neg_hint)
    };
    let mut test = |x: i128| holds(if increasing { x } else { -x });
    let Some(edge) = least(a, b, h, &mut test) else {
        return Set::default();
    };
    if increasing {
        Set::range(edge, hi)
    } else {
        Set::range(lo, -edge)
    }
}

/// The least value of `[lo, hi]` where `holds` (false then true) holds,
/// searched from `hint`; `None` when it holds nowhere. A hint on the edge
/// costs two evaluations, a predicate true or false everywhere three.
fn least(lo: i128, hi: i128, hint: i128, holds: &mut impl FnMut(i128) -> bool) -> Option<i128> {
    let start = hint.clamp(lo, hi);
    // Invariant: holds(good), not holds(bad), bad < good.
    let (mut bad, mut good);
    if holds(start) {
        if start == lo || !holds(start - 1) {
            return Some(start);
        }
        if holds(lo) {
            return Some(lo);
        }
        (bad, good) = (lo, start - 1);
        let mut step: i128 = 2;
        loop {
            let probe = good.saturating_sub(step);
            if probe <= bad {
                break;
            }
            if holds(probe) {
                good = probe;
                step = step.saturating_mul(2);
            } else {
                bad = probe;
                break;
            }
        }
    } else {
        if start == hi {
            return None;
        }
        if holds(start + 1) {
            return Some(start + 1);
        }
        if !holds(hi) {
            return None;
        }
        (bad, good) = (start + 1, hi);
        let mut step: i128 = 2;
        loop {
            let probe = bad.saturating_add(step);
            if probe >= good {
                break;
            }
            if holds(probe) {
                good = probe;
                break;
            }
            bad = probe;
            step = step.saturating_mul(2);
        }
    }
    while bad + 1 < good {
        let mid = midpoint(bad, good);
        if holds(mid) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    Some(good)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monotone_search_finds_the_exact_edge() {
        let top = i128::from(u64::MAX);
        // Whatever the hint: on the edge, near it, far off, out of range.
        for hint in [1_896, 1_895, 1_902, 0, 7, top, -3, i128::MAX] {
            let set = monotone(0, top, true, hint, |x| x >= 1_896);
            assert_eq!(set, Set::range(1_896, top), "hint {hint}");
            let set = monotone(-5, 5, false, hint, |x| x <= -5);
            assert_eq!(set, Set::range(-5, -5), "hint {hint}");
            let set = monotone(-5, 5, false, hint, |x| x <= 2);
            assert_eq!(set, Set::range(-5, 2), "hint {hint}");
            assert!(monotone(0, 5, true, hint, |_| false).is_empty());
            assert_eq!(monotone(0, 5, true, hint, |_| true), Set::range(0, 5));
        }
        // Every edge of a small range, every hint: the same as a scan.
        for edge in -4..=4 {
            for hint in -6..=6 {
                let set = monotone(-3, 3, true, hint, |x| x >= edge);
                assert_eq!(set, Set::range(edge.max(-3), 3), "{edge} {hint}");
                let set = monotone(-3, 3, false, hint, |x| x <= edge);
                assert_eq!(set, Set::range(-3, edge.min(3)), "{edge} {hint}");
            }
        }
    }

    #[test]
    fn midpoints_do_not_overflow() {
        assert_eq!(midpoint(-i128::MAX, i128::MAX), 0);
        assert_eq!(midpoint(i128::MAX - 2, i128::MAX), i128::MAX - 1);
        assert_eq!(midpoint(-7, -4), -6);
        assert_eq!(midpoint(3, 4), 3);
        let top = i128::MAX;
        let set = monotone(-top, top, true, 0, |x| x >= top - 5);
        assert_eq!(set, Set::range(top - 5, top));
        let set = monotone(-top, top, false, top, |x| x <= 1 - top);
        assert_eq!(set, Set::range(-top, 1 - top));
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
