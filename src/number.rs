//! Numbers as the forms print them: Vietnamese text in, exact values out.
//!
//! The forms print numbers the Vietnamese way: `.` groups thousands and `,`
//! marks decimals. `1.420` is one thousand four hundred and twenty, `99,3` is
//! ninety-nine point three and `8.007.000` is eight million and seven
//! thousand. The same report also prints `1964` without grouping and `06` with
//! a leading zero; both are accepted.
//!
//! Parsing is strict, because a lenient parser turns a reporter's slip into a
//! wrong number nobody notices: `1.42` is rejected (a thousands group has
//! exactly three digits), so are `12.3456`, `1,2,3`, `gần 98` ("nearly 98")
//! and anything that would not fit.
//!
//! | text        | [`parse_count`]          | [`parse_decimal`]             |
//! |-------------|--------------------------|-------------------------------|
//! | `1.420`     | `1420`                   | `1420`                        |
//! | `99,3`      | error: fractional count  | `99.3` (one decimal kept)     |
//! | `100,00`    | error: fractional count  | `100.00` (two decimals kept)  |
//! | `-5`        | error: negative count    | `-5`                          |
//! | `1.42`      | error: bad grouping      | error: bad grouping           |
//!
//! [`format_count`] and [`format_decimal`] print the same way, so that format
//! then parse gives back the same value *and* the same printed precision.
//!
//! # Example
//! ```
//! use cchc_forms::number::{format_decimal, parse_count, parse_decimal};
//!
//! assert_eq!(parse_count("54.106")?, 54_106);
//! let rate = parse_decimal("99,30")?;
//! assert_eq!(rate.scale(), 2); // printed with two decimals
//! assert_eq!(format_decimal(&rate), "99,30");
//! # Ok::<(), cchc_forms::number::NumberError>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;

use crate::message::{Language, Message, Words};

/// The most digits a decimal may print after its decimal mark.
///
/// The forms print at most two; six leaves room for more careful reporters
/// while keeping every product the checks form inside `i128`.
pub const MAX_DECIMALS: u32 = 6;

/// The most digits a decimal may print before its decimal mark (`10¹²` million
/// VND is a thousand times the national budget).
pub const MAX_INTEGER_DIGITS: usize = 12;

/// [`MAX_INTEGER_DIGITS`] as a `u32`, for powers of ten.
pub(crate) const MAX_INTEGER_DIGITS_U32: u32 = 12;
const _: () = assert!(MAX_INTEGER_DIGITS_U32 as usize == MAX_INTEGER_DIGITS);

/// Why a cell's text is not a number of the kind asked for.
///
/// Its `Display` is the English message; [`NumberError::message_vi`] gives
/// the Vietnamese one (see [`crate::message`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberError {
    /// The text is empty (after trimming white space).
    Empty,
    /// A character that cannot appear in a Vietnamese number.
    UnexpectedCharacter {
        /// The offending character.
        character: char,
        /// Its position, counted in characters from the start of the trimmed text.
        position: usize,
    },
    /// Thousands separators that do not split the integer part into groups of
    /// three digits (`1.42`, `12.3456`, `.5`, `1..000`).
    BadGrouping,
    /// More than one decimal mark, or a decimal mark with no digits after it
    /// (`1,2,3`, `5,`).
    BadDecimalMark,
    /// A sign where the kind has none, or a sign not followed by digits.
    NegativeCount,
    /// Decimals on a count.
    FractionalCount,
    /// A sign in the wrong place, a plus sign, or a lone minus sign.
    MisplacedSign,
    /// More decimals than [`MAX_DECIMALS`].
    TooManyDecimals,
    /// The value does not fit: a count above `u64::MAX`, or a decimal with
    /// more than [`MAX_INTEGER_DIGITS`] integer digits.
    Overflow,
    /// A number written the English way, with `,` between groups of
    /// thousands (`1,420` for a count, `1,420,000`, `1,234.5`): the
    /// Vietnamese way is `1.420`.
    EnglishSeparators,
    /// A thousands group after a leading zero (`0.050`, `000.007`): no
    /// reading of it is a number (a Vietnamese decimal is `0,05`, and a
    /// count does not start with `0.`).
    ZeroBeforeGroup,
    /// Only a dash (`-`, `–`, `—`): reporters write it for "no data", which
    /// is a blank cell.
    Dash,
}

impl NumberError {
    /// The message in Vietnamese, in the words a clerk uses.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::number::{parse_count, NumberError};
    /// assert_eq!(parse_count("-").unwrap_err().message_vi(), "để trống ô nếu không có số liệu");
    /// assert_eq!(NumberError::Dash.to_string(), "leave the cell empty for no data");
    /// ```
    #[must_use]
    pub fn message_vi(&self) -> Message<&NumberError> {
        self.in_language(Language::Vietnamese)
    }

    /// The message in English (the same as its `Display`), with an
    /// invisible character shown escaped.
    #[must_use]
    pub fn message_en(&self) -> Message<&NumberError> {
        self.in_language(Language::English)
    }
}

impl Words for NumberError {
    fn write_in(&self, language: Language, out: &mut dyn fmt::Write) -> fmt::Result {
        let vi = language == Language::Vietnamese;
        match self {
            NumberError::Empty => out.write_str(language.pick("ô không có chữ số nào", "the text is empty")),
            NumberError::UnexpectedCharacter { character, .. } => {
                let quoted = crate::quote::Quoted(&character.to_string()).to_string();
                if vi {
                    write!(out, "ký tự {quoted} không thể có trong một số")
                } else {
                    write!(out, "the character {quoted} cannot appear in a number")
                }
            }
            NumberError::BadGrouping => out.write_str(language.pick(
                "dấu `.` phân cách từng nhóm đúng ba chữ số (hàng nghìn)",
                "`.` separates groups of exactly three digits (thousands)",
            )),
            NumberError::BadDecimalMark => out.write_str(language.pick(
                "dấu `,` là dấu thập phân: chỉ có một, và phải có chữ số theo sau",
                "`,` marks decimals and must appear at most once, followed by digits",
            )),
            NumberError::NegativeCount => out.write_str(language.pick(
                "số lượng không thể âm",
                "a count cannot be negative",
            )),
            NumberError::FractionalCount => out.write_str(language.pick(
                "số lượng phải là số nguyên",
                "a count must be a whole number",
            )),
            NumberError::MisplacedSign => out.write_str(language.pick(
                "dấu trừ chỉ được đặt ở đầu số",
                "misplaced sign (only a leading `-` is allowed)",
            )),
            NumberError::TooManyDecimals => {
                if vi {
                    write!(out, "quá {MAX_DECIMALS} chữ số sau dấu thập phân")
                } else {
                    write!(out, "more than {MAX_DECIMALS} decimals")
                }
            }
            NumberError::Overflow => out.write_str(language.pick("số quá lớn", "the number is too large")),
            NumberError::EnglishSeparators => out.write_str(language.pick(
                "dấu `,` giữa các nhóm hàng nghìn là cách viết tiếng Anh; số tiếng Việt dùng dấu `.`",
                "`,` between thousands is the English way; Vietnamese numbers group thousands with `.`",
            )),
            NumberError::ZeroBeforeGroup => out.write_str(language.pick(
                "không thể có nhóm hàng nghìn sau số 0 ở đầu",
                "a thousands group cannot follow a leading zero",
            )),
            NumberError::Dash => out.write_str(language.pick(
                "để trống ô nếu không có số liệu",
                "leave the cell empty for no data",
            )),
        }
    }
}

impl fmt::Display for NumberError {
    /// The message in English.
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_in(Language::English, out)
    }
}

impl std::error::Error for NumberError {}

/// The Vietnamese spelling of `text` when it reads as a number written the
/// English way (`1,420` → `1.420`, `1,234.5` → `1.234,5`, `99.3` → `99,3`):
/// `.` and `,` swapped, if the result is a valid Vietnamese number.
///
/// The hint of "did you mean …?" in messages about such numbers.
///
/// # Example
/// ```
/// use cchc_forms::number::english_reading;
/// assert_eq!(english_reading("1,420").as_deref(), Some("1.420"));
/// assert_eq!(english_reading("8,007").as_deref(), Some("8.007"));
/// assert_eq!(english_reading("99.3").as_deref(), Some("99,3"));
/// assert_eq!(english_reading("1,234.5").as_deref(), Some("1.234,5"));
/// assert_eq!(english_reading("1.2.3"), None); // not English either
/// assert_eq!(english_reading("54"), None);
/// ```
#[must_use]
pub fn english_reading(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.contains([',', '.']) || text.chars().count() > 40 {
        return None;
    }
    // As English: `,` groups thousands (groups of three), `.` marks decimals.
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = match unsigned.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let mut groups = integer.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = integer.contains(',');
    let integer_ok = digits(first)
        && (!grouped || (first.len() <= 3 && !first.starts_with('0')))
        && groups.all(|group| group.len() == 3 && digits(group));
    let fraction_ok = fraction.is_none_or(digits);
    if !integer_ok || !fraction_ok {
        return None;
    }
    let swapped: String = text
        .chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            other => other,
        })
        .collect();
    (split(&swapped).is_ok() && swapped != text).then_some(swapped)
}

/// A number as it is nearly always written, read in one pass over its
/// bytes: an optional `-`, digits with `.` between groups of three (the
/// first of one to three digits, not starting with `0` when groups
/// follow), then optionally `,` and digits; nothing around it, not even
/// white space.
///
/// [`Plain::scan`] reads exactly the texts that [`split`] accepts without
/// trimming, and gives their digits' value as `parse_count` and
/// `parse_decimal` compute it; for anything else (white space, a dash,
/// English separators, a value past `u64`) it gives `None` and the full
/// reader decides, so errors are told as before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plain {
    negative: bool,
    /// Every digit, integer and fraction, as one whole number.
    mantissa: u64,
    /// How many digits stand before the decimal mark.
    integer_digits: usize,
    /// How many digits stand after it (0 without one).
    decimals: u32,
}

impl Plain {
    #[inline]
    fn scan(bytes: &[u8]) -> Option<Plain> {
        let (negative, unsigned) = match bytes {
            [b'-', rest @ ..] => (true, rest),
            _ => (false, bytes),
        };
        let mut mantissa = 0_u64;
        // The integer digits before the current group, the current group's,
        // and whether a `.` came before it.
        let (mut before, mut group, mut grouped) = (0_usize, 0_usize, false);
        let mut rest = unsigned;
        while let [byte, tail @ ..] = rest {
            let digit = byte.wrapping_sub(b'0');
            if digit < 10 {
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(digit))?;
                group += 1;
            } else if *byte == b'.' {
                // The first group has one to three digits and, with groups
                // after it, does not start with 0; the others three.
                let fine = if grouped {
                    group == 3
                } else {
                    (1..=3).contains(&group) && unsigned.first() != Some(&b'0')
                };
                if !fine {
                    return None;
                }
                (before, group, grouped) = (before + group, 0, true);
            } else if *byte == b',' {
                break;
            } else {
                return None;
            }
            rest = tail;
        }
        if group == 0 || (grouped && group != 3) {
            return None;
        }
        let mut decimals = 0_u32;
        if let [_comma, fraction @ ..] = rest {
            // Digits, at least one, to the end.
            if fraction.is_empty() {
                return None;
            }
            for byte in fraction {
                let digit = byte.wrapping_sub(b'0');
                if digit >= 10 {
                    return None;
                }
                mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(digit))?;
                decimals = decimals.checked_add(1)?;
            }
        }
        Some(Plain {
            negative,
            mantissa,
            integer_digits: before + group,
            decimals,
        })
    }
}

/// The pieces of a syntactically valid Vietnamese number.
struct Parts<'a> {
    negative: bool,
    /// Integer digits with the group separators removed still in place; use
    /// [`Parts::integer_digits`].
    integer: &'a str,
    /// Digits after the decimal mark, empty when there is none.
    fraction: &'a str,
}

impl Parts<'_> {
    fn integer_digits(&self) -> impl Iterator<Item = u8> + '_ {
        self.integer.bytes().filter(u8::is_ascii_digit)
    }
}

/// Splits and checks the syntax shared by counts and decimals.
fn split(text: &str) -> Result<Parts<'_>, NumberError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    if text
        .chars()
        .all(|c| matches!(c, '-' | '–' | '—' | '‒' | '−'))
    {
        return Err(NumberError::Dash);
    }
    for (position, character) in text.chars().enumerate() {
        let allowed = character.is_ascii_digit() || matches!(character, '.' | ',' | '-');
        if !allowed {
            return Err(NumberError::UnexpectedCharacter {
                character,
                position,
            });
        }
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if unsigned.is_empty() || unsigned.contains('-') {
        return Err(NumberError::MisplacedSign);
    }
    let (integer, fraction) = match unsigned.split_once(',') {
        Some((integer, fraction)) => {
            if fraction.is_empty() || fraction.contains(',') || fraction.contains('.') {
                return Err(NumberError::BadDecimalMark);
            }
            (integer, fraction)
        }
        None => (unsigned, ""),
    };
    if integer.is_empty() {
        return Err(NumberError::BadDecimalMark);
    }
    if integer.contains('.') {
        let mut groups = integer.split('.');
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 || groups.any(|group| group.len() != 3) {
            return Err(NumberError::BadGrouping);
        }
        if first.starts_with('0') {
            return Err(NumberError::ZeroBeforeGroup);
        }
    }
    Ok(Parts {
        negative,
        integer,
        fraction,
    })
}

/// Parses a count: a whole, non-negative number such as `1.420`, `1964` or `06`.
///
/// # Errors
/// [`NumberError::NegativeCount`] for `-5`, [`NumberError::FractionalCount`]
/// for `1,5`, [`NumberError::Overflow`] above `u64::MAX`, and the syntax
/// errors of [`NumberError`] for text that is not a Vietnamese number.
///
/// # Example
/// ```
/// use cchc_forms::number::{parse_count, NumberError};
///
/// assert_eq!(parse_count("8.007.000"), Ok(8_007_000));
/// assert_eq!(parse_count("06"), Ok(6));
/// assert_eq!(parse_count("1.42.000"), Err(NumberError::BadGrouping));
/// // 1.42 is no count either way: not 1.42 thousand, and 1,42 is not whole.
/// assert_eq!(parse_count("1.42"), Err(NumberError::FractionalCount));
/// assert_eq!(parse_count("1,5"), Err(NumberError::FractionalCount));
/// assert_eq!(parse_count("-5"), Err(NumberError::NegativeCount));
/// ```
#[inline]
pub fn parse_count(text: &str) -> Result<u64, NumberError> {
    // The common case in one pass; anything else is read (and its error
    // told) by the full reader below.
    if let Some(plain) = Plain::scan(text.as_bytes())
        && !plain.negative
        && plain.decimals == 0
    {
        return Ok(plain.mantissa);
    }
    parse_count_full(text)
}

/// [`parse_count`] by [`split`]: any text, every error told.
fn parse_count_full(text: &str) -> Result<u64, NumberError> {
    let parts = match split(text) {
        Ok(parts) => parts,
        Err(error) => {
            let error = english_or(text, error);
            // Read the English way it is a decimal (`1.48` is 1,48): no
            // reading of it is a whole count, so none is suggested.
            let decimal = || english_reading(text).is_some_and(|reading| reading.contains(','));
            return Err(
                if matches!(
                    error,
                    NumberError::BadGrouping | NumberError::EnglishSeparators
                ) && decimal()
                {
                    NumberError::FractionalCount
                } else {
                    error
                },
            );
        }
    };
    if parts.negative {
        return Err(NumberError::NegativeCount);
    }
    if !parts.fraction.is_empty() {
        // `1,420`: a whole number written the English way, not 1.42.
        if english_thousands(text) {
            return Err(NumberError::EnglishSeparators);
        }
        return Err(NumberError::FractionalCount);
    }
    parts.integer_digits().try_fold(0_u64, |value, digit| {
        value
            .checked_mul(10)
            .and_then(|value| value.checked_add(u64::from(digit - b'0')))
            .ok_or(NumberError::Overflow)
    })
}

/// Parses a decimal (a percentage or an amount) keeping its printed precision.
///
/// `99,3` gives a [`Decimal`] of scale 1 and `100` one of scale 0: the checks
/// read the precision to know which interval the printed digits stand for.
/// A leading `-` is accepted; whether a negative value makes sense is for the
/// checks of each indicator to say.
///
/// # Errors
/// [`NumberError::TooManyDecimals`] past [`MAX_DECIMALS`],
/// [`NumberError::Overflow`] past [`MAX_INTEGER_DIGITS`] integer digits, and
/// the syntax errors of [`NumberError`].
///
/// # Example
/// ```
/// use cchc_forms::number::{parse_decimal, NumberError};
/// use rust_decimal::Decimal;
///
/// assert_eq!(parse_decimal("99,27")?, Decimal::new(9927, 2));
/// assert_eq!(parse_decimal("100")?.scale(), 0);
/// assert_eq!(parse_decimal("gần 98"), Err(NumberError::UnexpectedCharacter { character: 'g', position: 0 }));
/// assert_eq!(parse_decimal("12.3456"), Err(NumberError::BadGrouping));
/// # Ok::<(), NumberError>(())
/// ```
#[inline]
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    // The common case in one pass, as `Plain` reads it.
    if let Some(plain) = Plain::scan(text.as_bytes())
        && plain.integer_digits <= MAX_INTEGER_DIGITS
        && plain.decimals <= MAX_DECIMALS
        && let Ok(mantissa) = i64::try_from(plain.mantissa)
    {
        let mantissa = if plain.negative { -mantissa } else { mantissa };
        return Ok(Decimal::new(mantissa, plain.decimals));
    }
    parse_decimal_full(text)
}

/// [`parse_decimal`] by [`split`]: any text, every error told.
fn parse_decimal_full(text: &str) -> Result<Decimal, NumberError> {
    let parts = match split(text) {
        Ok(parts) => parts,
        Err(error) => return Err(english_or(text, error)),
    };
    if parts.integer_digits().count() > MAX_INTEGER_DIGITS {
        return Err(NumberError::Overflow);
    }
    let scale = u32::try_from(parts.fraction.len()).map_err(|_| NumberError::TooManyDecimals)?;
    if scale > MAX_DECIMALS {
        return Err(NumberError::TooManyDecimals);
    }
    // At most 12 + 6 digits: always fits an i64.
    let mantissa = parts
        .integer_digits()
        .chain(parts.fraction.bytes())
        .fold(0_i64, |value, digit| value * 10 + i64::from(digit - b'0'));
    let mantissa = if parts.negative { -mantissa } else { mantissa };
    Ok(Decimal::new(mantissa, scale))
}

/// The separators a number is written with.
///
/// # Example
/// ```
/// use cchc_forms::number::{NumberText, Style};
/// assert_eq!(NumberText::new(-1_234_567, 2, Style::Vietnamese).to_string(), "-12.345,67");
/// assert_eq!(NumberText::new(-1_234_567, 2, Style::English).to_string(), "-12345.67");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `1.234,5`: a dot between groups of three, a decimal comma.
    Vietnamese,
    /// `1234.5`: no grouping, a decimal point (as [`Decimal`] displays).
    English,
}

/// A number `mantissa × 10^−scale` written with the separators of a
/// [`Style`], every digit kept (`99,30` stays `99,30`), without allocating.
/// The one digit writer of the crate: cells, messages and tables all print
/// through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NumberText {
    mantissa: i128,
    scale: u32,
    style: Style,
}

impl NumberText {
    /// The number `mantissa × 10^−scale`, written in `style`.
    #[must_use]
    pub const fn new(mantissa: i128, scale: u32, style: Style) -> Self {
        Self {
            mantissa,
            scale,
            style,
        }
    }

    /// A decimal as it is, trailing zeros kept.
    #[must_use]
    pub fn decimal(value: Decimal, style: Style) -> Self {
        Self::new(value.mantissa(), value.scale(), style)
    }

    /// A decimal without its trailing zeros (`71.4300` → `71.43`).
    #[must_use]
    pub fn trimmed(value: Decimal, style: Style) -> Self {
        Self::decimal(
            if value.scale() == 0 {
                value
            } else {
                value.normalize()
            },
            style,
        )
    }
}

/// ASCII digits as text.
fn text(bytes: &[u8]) -> Result<&str, fmt::Error> {
    std::str::from_utf8(bytes).map_err(|_| fmt::Error)
}

impl fmt::Display for NumberText {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An i128 has at most 39 digits; a scale past that is all zeros.
        const WIDTH: usize = 80;
        let scale = usize::try_from(self.scale).unwrap_or(WIDTH).min(WIDTH - 41);
        let mut digits = [b'0'; WIDTH];
        let mut start = WIDTH;
        let mut magnitude = self.mantissa.unsigned_abs();
        loop {
            start -= 1;
            // `magnitude % 10` is below 10.
            digits[start] = b'0' + u8::try_from(magnitude % 10).unwrap_or(0);
            magnitude /= 10;
            if magnitude == 0 {
                break;
            }
        }
        // At least one integer digit: `0,05`.
        let start = start.min(WIDTH - 1 - scale);
        let (integer, fraction) = digits[start..].split_at(WIDTH - start - scale);
        if self.mantissa < 0 {
            out.write_str("-")?;
        }
        let point = match self.style {
            Style::English => {
                out.write_str(text(integer)?)?;
                "."
            }
            Style::Vietnamese => {
                let lead = match integer.len() % 3 {
                    0 => 3.min(integer.len()),
                    lead => lead,
                };
                let (head, tail) = integer.split_at(lead);
                out.write_str(text(head)?)?;
                for group in tail.chunks(3) {
                    out.write_str(".")?;
                    out.write_str(text(group)?)?;
                }
                ","
            }
        };
        if !fraction.is_empty() {
            out.write_str(point)?;
            out.write_str(text(fraction)?)?;
        }
        Ok(())
    }
}

/// Whether `text` is a whole number with English thousands separators
/// (`1,420`, `12,345,678`): at least one `,`, every group after the first of
/// exactly three digits, the first of one to three without a leading zero.
fn english_thousands(text: &str) -> bool {
    let text = text.trim();
    let text = text.strip_prefix('-').unwrap_or(text);
    let mut groups = text.split(',');
    let first = groups.next().unwrap_or_default();
    text.contains(',')
        && (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()))
}

/// A syntax error, or [`NumberError::EnglishSeparators`] when the text is
/// an English number with several `,` groups or `,` groups and a `.` decimal
/// (`1,420,000`, `1,234.5`), which Vietnamese syntax cannot read.
fn english_or(text: &str, error: NumberError) -> NumberError {
    let bad_syntax = matches!(
        error,
        NumberError::BadDecimalMark | NumberError::BadGrouping
    );
    let trimmed = text.trim();
    let integer = trimmed
        .split_once('.')
        .map_or(trimmed, |(integer, _)| integer);
    if bad_syntax && english_thousands(integer) && english_reading(trimmed).is_some() {
        NumberError::EnglishSeparators
    } else {
        error
    }
}

/// A count displayed the Vietnamese way (`1.420`), without allocating.
///
/// # Example
/// ```
/// use cchc_forms::number::VietnameseCount;
/// assert_eq!(VietnameseCount(8_007_000).to_string(), "8.007.000");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VietnameseCount(pub u64);

impl fmt::Display for VietnameseCount {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        NumberText::new(i128::from(self.0), 0, Style::Vietnamese).fmt(out)
    }
}

/// A decimal displayed the Vietnamese way (`99,3`, `8.007.000`), keeping its
/// scale, without allocating.
///
/// # Example
/// ```
/// use cchc_forms::number::VietnameseDecimal;
/// use rust_decimal::Decimal;
/// assert_eq!(VietnameseDecimal(Decimal::new(-123_456_75, 2)).to_string(), "-123.456,75");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VietnameseDecimal(pub Decimal);

impl fmt::Display for VietnameseDecimal {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        NumberText::decimal(self.0, Style::Vietnamese).fmt(out)
    }
}

/// Formats a count the Vietnamese way: `1420` → `1.420`.
///
/// # Example
/// ```
/// use cchc_forms::number::{format_count, parse_count};
/// assert_eq!(format_count(54_106), "54.106");
/// assert_eq!(parse_count(&format_count(54_106)), Ok(54_106));
/// ```
#[must_use]
pub fn format_count(value: u64) -> String {
    VietnameseCount(value).to_string()
}

/// Formats a decimal the Vietnamese way, keeping its scale: `99.30` → `99,30`.
///
/// # Example
/// ```
/// use cchc_forms::number::{format_decimal, parse_decimal};
/// use rust_decimal::Decimal;
/// let value = Decimal::new(8_007_000, 0);
/// assert_eq!(format_decimal(&value), "8.007.000");
/// assert_eq!(parse_decimal(&format_decimal(&value)), Ok(value));
/// ```
#[must_use]
pub fn format_decimal(value: &Decimal) -> String {
    VietnameseDecimal(*value).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of up to six characters from digits, separators, signs
    /// and a space: the one-pass reading agrees with the full reader
    /// whenever it gives a value, and gives one for every plain number.
    #[test]
    fn the_one_pass_reading_agrees_with_the_full_reader() {
        const ALPHABET: &[u8] = b"0159.,- ";
        let mut text = Vec::with_capacity(6);
        let (mut fast, mut full) = (0_usize, 0_usize);
        for length in 0..=6_u32 {
            let base = ALPHABET.len();
            for mut code in 0..base.pow(length) {
                text.clear();
                for _ in 0..length {
                    text.push(ALPHABET[code % base]);
                    code /= base;
                }
                let text = std::str::from_utf8(&text).expect("ASCII");
                let plain = Plain::scan(text.as_bytes());
                let (count, decimal) = (parse_count(text), parse_decimal(text));
                assert_eq!(count, parse_count_full(text), "{text:?}");
                assert_eq!(decimal, parse_decimal_full(text), "{text:?}");
                assert_eq!(
                    decimal.map(|value| value.scale()),
                    parse_decimal_full(text).map(|value| value.scale()),
                    "{text:?}"
                );
                // Without white space, a decimal the full reader accepts
                // is one the one pass reads.
                if decimal.is_ok() && !text.contains(' ') {
                    assert!(plain.is_some(), "{text:?}");
                    fast += 1;
                }
                full += usize::from(decimal.is_ok());
            }
        }
        assert!(fast > 1_000 && full > fast, "{fast} of {full}");
        assert_eq!(parse_count("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(
            parse_count("18446744073709551616"),
            Err(NumberError::Overflow)
        );
        assert_eq!(
            parse_decimal("-999.999.999.999,999999").map(|d| d.scale()),
            Ok(6)
        );
        assert_eq!(
            parse_decimal("1.000.000.000.000"),
            Err(NumberError::Overflow)
        );
        assert_eq!(
            parse_decimal("1,0000000"),
            Err(NumberError::TooManyDecimals)
        );
    }

    #[test]
    fn counts_from_the_source() {
        assert_eq!(parse_count("1.420"), Ok(1420));
        assert_eq!(parse_count("8.007.000"), Ok(8_007_000));
        assert_eq!(parse_count("1964"), Ok(1964));
        assert_eq!(parse_count("06"), Ok(6));
        assert_eq!(parse_count("0"), Ok(0));
        assert_eq!(parse_count(" 50 "), Ok(50));
    }

    #[test]
    fn rejected_counts() {
        // Decimals read the English way: no whole count.
        assert_eq!(parse_count("1.42"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("12.3456"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("1,234.5"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("1.4200"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("1234.567"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("1.42.000"), Err(NumberError::BadGrouping));
        assert_eq!(parse_count(".420"), Err(NumberError::BadGrouping));
        assert_eq!(parse_count("1..420"), Err(NumberError::BadGrouping));
        assert_eq!(parse_count("1.420."), Err(NumberError::BadGrouping));
        assert_eq!(parse_count("1,2,3"), Err(NumberError::BadDecimalMark));
        assert_eq!(parse_count("5,"), Err(NumberError::BadDecimalMark));
        assert_eq!(parse_count(",5"), Err(NumberError::BadDecimalMark));
        assert_eq!(parse_count("-5"), Err(NumberError::NegativeCount));
        assert_eq!(parse_count("1,5"), Err(NumberError::FractionalCount));
        assert_eq!(
            parse_count("+5"),
            Err(NumberError::UnexpectedCharacter {
                character: '+',
                position: 0
            })
        );
        assert_eq!(parse_count("5-"), Err(NumberError::MisplacedSign));
        assert_eq!(parse_count("-"), Err(NumberError::Dash));
        assert_eq!(parse_count(""), Err(NumberError::Empty));
        assert_eq!(parse_count("   "), Err(NumberError::Empty));
        assert_eq!(
            parse_count("gần 98"),
            Err(NumberError::UnexpectedCharacter {
                character: 'g',
                position: 0
            })
        );
        assert_eq!(parse_count("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(
            parse_count("18446744073709551616"),
            Err(NumberError::Overflow)
        );
        assert_eq!(
            parse_count("18.446.744.073.709.551.616"),
            Err(NumberError::Overflow)
        );
    }

    #[test]
    fn english_separators_zero_groups_and_dashes() {
        // A count with English thousands: 1,420 is one thousand four hundred
        // and twenty written the English way, not 1.42.
        assert_eq!(parse_count("1,420"), Err(NumberError::EnglishSeparators));
        assert_eq!(
            parse_count("1,420,000"),
            Err(NumberError::EnglishSeparators)
        );
        assert_eq!(
            parse_decimal("1,420,000"),
            Err(NumberError::EnglishSeparators)
        );
        assert_eq!(
            parse_decimal("1,234.5"),
            Err(NumberError::EnglishSeparators)
        );
        // Not English thousands: a fraction, or a group after a zero.
        assert_eq!(parse_count("1,5"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("0,420"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("1,4200"), Err(NumberError::FractionalCount));
        // A Vietnamese amount with three decimals stays a valid decimal.
        assert_eq!(parse_decimal("8,007"), Ok(Decimal::new(8007, 3)));
        // A thousands group after a zero.
        assert_eq!(parse_count("0.050"), Err(NumberError::ZeroBeforeGroup));
        assert_eq!(parse_count("000.007"), Err(NumberError::ZeroBeforeGroup));
        assert_eq!(parse_decimal("0.050,5"), Err(NumberError::ZeroBeforeGroup));
        assert_eq!(parse_count("01.000"), Err(NumberError::ZeroBeforeGroup));
        // A leading zero without grouping, as the source prints 4/1.5.1.
        assert_eq!(parse_count("06"), Ok(6));
        assert_eq!(parse_count("007"), Ok(7));
        // A dash for no data.
        for dash in ["-", "–", "—", "--", " - "] {
            assert_eq!(parse_count(dash), Err(NumberError::Dash), "{dash:?}");
            assert_eq!(parse_decimal(dash), Err(NumberError::Dash), "{dash:?}");
        }
        assert_eq!(
            NumberError::Dash.message_vi(),
            "để trống ô nếu không có số liệu"
        );
        assert_eq!(parse_count("-5"), Err(NumberError::NegativeCount));
    }

    #[test]
    fn decimals_keep_their_precision() {
        assert_eq!(
            parse_decimal("99,3").map(|d| (d.mantissa(), d.scale())),
            Ok((993, 1))
        );
        assert_eq!(
            parse_decimal("100").map(|d| (d.mantissa(), d.scale())),
            Ok((100, 0))
        );
        assert_eq!(
            parse_decimal("100,00").map(|d| (d.mantissa(), d.scale())),
            Ok((10000, 2))
        );
        assert_eq!(
            parse_decimal("0,05").map(|d| (d.mantissa(), d.scale())),
            Ok((5, 2))
        );
        assert_eq!(
            parse_decimal("-5").map(|d| (d.mantissa(), d.scale())),
            Ok((-5, 0))
        );
        assert_eq!(
            parse_decimal("8.007.000").map(|d| (d.mantissa(), d.scale())),
            Ok((8_007_000, 0))
        );
        assert_eq!(
            parse_decimal("1,1234567"),
            Err(NumberError::TooManyDecimals)
        );
        assert_eq!(parse_decimal("1234567890123"), Err(NumberError::Overflow));
        assert_eq!(
            parse_decimal("999.999.999.999,999999").map(|d| d.mantissa()),
            Ok(999_999_999_999_999_999)
        );
        assert_eq!(parse_decimal("1,2,3"), Err(NumberError::BadDecimalMark));
        assert_eq!(parse_decimal("1.42"), Err(NumberError::BadGrouping));
        assert_eq!(parse_decimal("1,2.3"), Err(NumberError::BadDecimalMark));
        assert_eq!(parse_decimal("--5"), Err(NumberError::MisplacedSign));
    }

    #[test]
    fn formatting_round_trips() {
        for text in [
            "0",
            "5",
            "99,3",
            "99,27",
            "100",
            "100,00",
            "0,05",
            "-0,5",
            "1.420",
            "8.007.000",
            "-123.456,75",
            "999.999.999.999,999999",
        ] {
            let value = parse_decimal(text).expect(text);
            assert_eq!(format_decimal(&value), text);
        }
        for value in [0, 7, 999, 1000, 54_106, 1_000_000, u64::MAX] {
            assert_eq!(parse_count(&format_count(value)), Ok(value));
        }
        assert_eq!(format_count(u64::MAX), "18.446.744.073.709.551.615");
    }
}
