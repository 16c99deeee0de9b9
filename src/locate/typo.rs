//! Known ways of mistyping a figure (Scholtus' deductive correction of
//! typing errors): the values a reported figure may have been meant as.

use super::Reason;
use super::arith::pow10;

/// The decimal digits of a magnitude, most significant first.
fn digits(magnitude: u128) -> Vec<u8> {
    let mut out: Vec<u8> = magnitude
        .to_string()
        .bytes()
        .map(|byte| byte - b'0')
        .collect();
    if out.is_empty() {
        out.push(0);
    }
    out
}

/// The magnitude the digits spell, `None` if too large.
fn number(digits: &[u8]) -> Option<i128> {
    digits.iter().try_fold(0_i128, |value, &digit| {
        value.checked_mul(10)?.checked_add(i128::from(digit))
    })
}

/// The values `reported` may have been meant as, each with the slip that
/// turns it into `reported`, in order of preference: for a percentage, a
/// rate rounded the wrong way (one unit in the last printed digit) first;
/// then two adjacent digits swapped, one digit wrong, a digit dropped, a
/// digit doubled, a factor of 10^k (a separator slip), and the sign (not
/// for counts and codes, which have none). Never `reported` itself.
pub(crate) fn candidates(reported: i128, percent: bool, signed: bool) -> Vec<(i128, Reason)> {
    let mut out: Vec<(i128, Reason)> = Vec::new();
    let negative = reported < 0;
    let with_sign = |magnitude: i128| if negative { -magnitude } else { magnitude };
    let mut push = |value: Option<i128>, reason: Reason| {
        if let Some(value) = value {
            if value != reported && !out.iter().any(|&(seen, _)| seen == value) {
                out.push((value, reason));
            }
        }
    };
    if percent {
        push(reported.checked_sub(1), Reason::RoundedWrongWay);
        push(reported.checked_add(1), Reason::RoundedWrongWay);
    }
    let digits = digits(reported.unsigned_abs());
    for i in 0..digits.len().saturating_sub(1) {
        if digits[i] != digits[i + 1] {
            let mut swapped = digits.clone();
            swapped.swap(i, i + 1);
            if swapped[0] != 0 || swapped.len() == 1 {
                push(
                    number(&swapped).map(with_sign),
                    Reason::AdjacentDigitsSwapped,
                );
            }
        }
    }
    for i in 0..digits.len() {
        for digit in 0..10 {
            if digit == digits[i] || (i == 0 && digit == 0 && digits.len() > 1) {
                continue;
            }
            let mut changed = digits.clone();
            changed[i] = digit;
            push(number(&changed).map(with_sign), Reason::OneDigitWrong);
        }
    }
    for i in 0..=digits.len() {
        for digit in 0..10 {
            if i == 0 && digit == 0 {
                continue;
            }
            let mut longer = digits.clone();
            longer.insert(i, digit);
            push(number(&longer).map(with_sign), Reason::DigitDropped);
        }
    }
    for i in 0..digits.len().saturating_sub(1) {
        if digits[i] == digits[i + 1] {
            let mut shorter = digits.clone();
            shorter.remove(i);
            push(number(&shorter).map(with_sign), Reason::DigitDoubled);
        }
    }
    for exponent in 1..=9 {
        if let Some(factor) = pow10(exponent) {
            push(reported.checked_mul(factor), Reason::PowerOfTen);
            if reported % factor == 0 {
                push(Some(reported / factor), Reason::PowerOfTen);
            }
        }
    }
    if signed {
        push(reported.checked_neg(), Reason::Sign);
    }
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
