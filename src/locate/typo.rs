//! Known ways of mistyping a figure (Scholtus' deductive correction of
//! typing errors): the values a reported figure may have been meant as.

use super::Reason;
use super::arith::pow10;

/// The most decimal digits a magnitude of `i128` has.
const MAX_DIGITS: usize = 40;

/// The decimal digits of a magnitude, most significant first (one 0 for 0).
struct Digits {
    digits: [u8; MAX_DIGITS],
    len: usize,
}

impl Digits {
    fn of(mut magnitude: u128) -> Digits {
        let mut reversed = [0_u8; MAX_DIGITS];
        let mut len = 0;
        loop {
            // A digit: the remainder of a division by 10.
            reversed[len] = u8::try_from(magnitude % 10).unwrap_or(0);
            len += 1;
            magnitude /= 10;
            if magnitude == 0 || len == MAX_DIGITS {
                break;
            }
        }
        let mut digits = [0_u8; MAX_DIGITS];
        for (slot, &digit) in digits.iter_mut().zip(reversed[..len].iter().rev()) {
            *slot = digit;
        }
        Digits { digits, len }
    }

    fn get(&self) -> &[u8] {
        &self.digits[..self.len]
    }
}

/// The magnitude the digits spell, `None` if too large.
fn number(digits: impl IntoIterator<Item = u8>) -> Option<i128> {
    digits.into_iter().try_fold(0_i128, |value, digit| {
        value.checked_mul(10)?.checked_add(i128::from(digit))
    })
}

/// Calls `visit` with each value `reported` may have been meant as and the
/// slip that turns it into `reported`, in order of preference, until it
/// returns `true`: for a percentage, a rate rounded the wrong way (one unit
/// in the last printed digit) first; then two adjacent digits swapped, one
/// digit wrong, a digit dropped, a digit doubled, a factor of 10^k (a
/// separator slip), and the sign (not for counts and codes, which have
/// none). Never `reported` itself; a value may come more than once (the
/// first time with its preferred slip). Allocates nothing.
fn visit(
    reported: i128,
    percent: bool,
    signed: bool,
    mut visit: impl FnMut(i128, Reason) -> bool,
) -> bool {
    let negative = reported < 0;
    let with_sign = |magnitude: i128| if negative { -magnitude } else { magnitude };
    let mut push = |value: Option<i128>, reason: Reason| match value {
        Some(value) if value != reported => visit(value, reason),
        _ => false,
    };
    if percent
        && (push(reported.checked_sub(1), Reason::RoundedWrongWay)
            || push(reported.checked_add(1), Reason::RoundedWrongWay))
    {
        return true;
    }
    let digits = Digits::of(reported.unsigned_abs());
    let digits = digits.get();
    let len = digits.len();
    for i in 0..len.saturating_sub(1) {
        if digits[i] != digits[i + 1] && (digits[i + 1] != 0 || i > 0) {
            let swapped = digits.iter().enumerate().map(|(at, &digit)| match at {
                _ if at == i => digits[i + 1],
                _ if at == i + 1 => digits[i],
                _ => digit,
            });
            if push(
                number(swapped).map(with_sign),
                Reason::AdjacentDigitsSwapped,
            ) {
                return true;
            }
        }
    }
    for i in 0..len {
        for digit in 0..10 {
            if digit == digits[i] || (i == 0 && digit == 0 && len > 1) {
                continue;
            }
            let changed = digits
                .iter()
                .enumerate()
                .map(|(at, &old)| if at == i { digit } else { old });
            if push(number(changed).map(with_sign), Reason::OneDigitWrong) {
                return true;
            }
        }
    }
    for i in 0..=len {
        for digit in 0..10 {
            if i == 0 && digit == 0 {
                continue;
            }
            let longer = digits[..i]
                .iter()
                .copied()
                .chain(std::iter::once(digit))
                .chain(digits[i..].iter().copied());
            if push(number(longer).map(with_sign), Reason::DigitDropped) {
                return true;
            }
        }
    }
    for i in 0..len.saturating_sub(1) {
        if digits[i] == digits[i + 1] {
            let shorter = digits[..i].iter().chain(&digits[i + 1..]).copied();
            if push(number(shorter).map(with_sign), Reason::DigitDoubled) {
                return true;
            }
        }
    }
    for exponent in 1..=9 {
        if let Some(factor) = pow10(exponent) {
            if push(reported.checked_mul(factor), Reason::PowerOfTen) {
                return true;
            }
            if reported % factor == 0 && push(Some(reported / factor), Reason::PowerOfTen) {
                return true;
            }
        }
    }
    signed && push(reported.checked_neg(), Reason::Sign)
}

/// The first value `reported` may have been meant as (in the order of
/// [`candidates`]) for which `wanted` holds, with its slip.
pub(crate) fn first(
    reported: i128,
    percent: bool,
    signed: bool,
    mut wanted: impl FnMut(i128) -> bool,
) -> Option<(i128, Reason)> {
    let mut found = None;
    visit(reported, percent, signed, |value, reason| {
        if wanted(value) {
            found = Some((value, reason));
        }
        found.is_some()
    });
    found
}

/// The values `reported` may have been meant as, each once with the slip
/// that turns it into `reported`, in order of preference: for a
/// percentage, a rate rounded the wrong way (one unit in the last printed
/// digit) first; then two adjacent digits swapped, one digit wrong, a digit
/// dropped, a digit doubled, a factor of 10^k (a separator slip), and the
/// sign (not for counts and codes, which have none). Never `reported`
/// itself.
#[cfg(test)]
pub(crate) fn candidates(reported: i128, percent: bool, signed: bool) -> Vec<(i128, Reason)> {
    let mut out: Vec<(i128, Reason)> = Vec::new();
    visit(reported, percent, signed, |value, reason| {
        if !out.iter().any(|&(seen, _)| seen == value) {
            out.push((value, reason));
        }
        false
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason_for(reported: i128, meant: i128) -> Option<Reason> {
        candidates(reported, false, false)
            .into_iter()
            .find(|&(value, _)| value == meant)
            .map(|(_, reason)| reason)
    }

    #[test]
    fn slips_are_named() {
        assert_eq!(
            reason_for(45_106, 54_106),
            Some(Reason::AdjacentDigitsSwapped)
        );
        assert_eq!(reason_for(1_902, 1_992), Some(Reason::OneDigitWrong));
        assert_eq!(reason_for(1_86, 1_896), Some(Reason::DigitDropped));
        assert_eq!(reason_for(18_896, 1_896), Some(Reason::DigitDoubled));
        assert_eq!(reason_for(18_960, 1_896), Some(Reason::PowerOfTen));
        assert_eq!(reason_for(1_896, 1_896), None);
        let rate = candidates(994, true, true);
        assert_eq!(rate[0], (993, Reason::RoundedWrongWay));
        assert!(rate.contains(&(-994, Reason::Sign)));
    }
}
