//! Units as types: what a cell holds and how it is printed.
//!
//! Every indicator's value has one of these types, so that a count of
//! dossiers cannot be passed where a count of documents, a percentage or an
//! amount in million VND is expected:
//!
//! - [`Count<U>`]: a whole, non-negative number of some unit `U`
//!   ([`Dossier`], [`Document`], [`Person`], ...);
//! - [`Percent`] and [`MillionVnd`]: exact decimals that keep the precision
//!   they were printed with (`99,3` has one decimal, `100` none);
//! - the code enums ([`YesNo`], [`SurveyMethod`], [`Completion`],
//!   [`MeetingLinkage`], [`Progress`]): exactly the values of their legend.
//!
//! All of them implement [`CellValue`], the uniform interface the rows
//! importer, the catalogue and the checks use.
//!
//! # Example
//! ```
//! use cchc_forms::unit::{CellValue, Count, Dossier, Percent};
//!
//! let resolved: Count<Dossier> = Count::parse_cell("54.106")?;
//! assert_eq!(resolved.get(), 54_106);
//! let rate = Percent::parse_cell("99,3")?;
//! assert_eq!(rate.to_string(), "99,3");
//! assert_eq!(rate.decimals(), 1);
//! # Ok::<(), cchc_forms::CellProblem>(())
//! ```

use std::fmt;
use std::marker::PhantomData;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::number::{self, VietnameseCount, VietnameseDecimal};
use crate::problem::CellProblem;

/// What kind of value an indicator holds; the catalogue's view of a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ValueKind {
    /// A whole, non-negative count.
    Count,
    /// A percentage, an exact decimal.
    Percent,
    /// An amount in million VND, an exact decimal.
    MillionVnd,
    /// A code with a closed set of values.
    Code {
        /// The legal values and their meanings.
        legend: &'static [CodeValue],
    },
}

impl ValueKind {
    /// Reads a cell's text as a value of this kind: a Vietnamese count, a
    /// Vietnamese decimal, or a code of the legend (quoted as `legend_vi`
    /// in the problem). For templates without typed forms; a typed form
    /// parses with its field's type.
    ///
    /// # Errors
    /// A [`CellProblem`] when the text is not a value of this kind.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::unit::{Printed, ValueKind};
    /// assert_eq!(ValueKind::Count.parse("1.420", ""), Ok(Printed::whole(1420)));
    /// assert_eq!(ValueKind::Percent.parse("99,3", ""), Ok(Printed { mantissa: 993, decimals: 1 }));
    /// assert!(ValueKind::Count.parse("-1", "").is_err());
    /// ```
    pub fn parse(self, text: &str, legend_vi: &'static str) -> Result<Printed, CellProblem> {
        match self {
            ValueKind::Count => Ok(Printed::whole(i128::from(number::parse_count(text)?))),
            ValueKind::Percent | ValueKind::MillionVnd => {
                let value = number::parse_decimal(text)?;
                Ok(Printed {
                    mantissa: value.mantissa(),
                    decimals: value.scale(),
                })
            }
            ValueKind::Code { legend } => {
                // A code is one of its legend's numbers: what is not one
                // (`1,0`, `-1`, `Có`) is named as such, not as a count.
                let code = number::parse_count(text).map_err(|error| match error {
                    number::NumberError::Dash => CellProblem::NotANumber(error),
                    _ => CellProblem::NotInLegend { legend: legend_vi },
                })?;
                legend
                    .iter()
                    .find(|entry| u64::from(entry.code) == code)
                    .map(|entry| Printed::whole(i128::from(entry.code)))
                    .ok_or(CellProblem::NotInLegend { legend: legend_vi })
            }
        }
    }

    /// Whether a value of this kind can hold `value`, as a typed cell's
    /// [`CellValue::from_printed`] decides (a whole non-negative count, a
    /// decimal within range, a code of the legend, quoted as `legend_vi`).
    ///
    /// # Errors
    /// A [`CellProblem`] saying why it cannot.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::unit::{Printed, ValueKind};
    /// assert!(ValueKind::Count.holds(Printed::whole(1420), "").is_ok());
    /// assert!(ValueKind::Count.holds(Printed { mantissa: 15, decimals: 1 }, "").is_err());
    /// assert!(ValueKind::Percent.holds(Printed { mantissa: 9930, decimals: 2 }, "").is_ok());
    /// ```
    pub fn holds(self, value: Printed, legend_vi: &'static str) -> Result<(), CellProblem> {
        match self {
            ValueKind::Count => whole_number(value).map(|_| ()),
            ValueKind::Percent => Percent::from_printed(value).map(|_| ()),
            ValueKind::MillionVnd => MillionVnd::from_printed(value).map(|_| ()),
            ValueKind::Code { legend } => {
                let code = whole_number(value)?;
                legend
                    .iter()
                    .any(|entry| u64::from(entry.code) == code)
                    .then_some(())
                    .ok_or(CellProblem::NotInLegend { legend: legend_vi })
            }
        }
    }
}

/// One legal value of a code and what it means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct CodeValue {
    /// The number printed in the cell.
    pub code: u8,
    /// The meaning as printed in the legend (`Có`, `Phát phiếu`, ...).
    pub label_vi: &'static str,
    /// The meaning in English.
    pub label_en: &'static str,
}

/// A value as the checks see it: the printed digits as an integer mantissa
/// and the number of printed decimals. `99,3` is `{ mantissa: 993, decimals: 1 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Printed {
    /// The printed digits, sign included, as an integer.
    pub mantissa: i128,
    /// How many of those digits follow the decimal mark.
    pub decimals: u32,
}

impl Printed {
    /// A whole number, printed without decimals.
    #[must_use]
    pub const fn whole(value: i128) -> Self {
        Self {
            mantissa: value,
            decimals: 0,
        }
    }

    /// The exact value as a [`Decimal`].
    ///
    /// # Example
    /// ```
    /// use cchc_forms::unit::Printed;
    /// assert_eq!(Printed { mantissa: 993, decimals: 1 }.to_decimal().to_string(), "99.3");
    /// ```
    #[must_use]
    pub fn to_decimal(self) -> Decimal {
        Decimal::try_from_i128_with_scale(self.mantissa, self.decimals).unwrap_or(Decimal::MAX)
    }
}

/// The uniform interface of every type a cell can hold.
///
/// Implemented by [`Count<U>`], [`Percent`], [`MillionVnd`] and the code
/// enums; the form tables use it to derive row import, export and the
/// catalogue from each field's type.
pub trait CellValue: Copy + Sized {
    /// The kind of value, for the catalogue.
    const KIND: ValueKind;
    /// The unit as the forms print it in their unit column (`Hồ sơ`, `%`,
    /// `Triệu đồng`, or a code's legend such as `Có = 1; Không = 0`).
    const UNIT_VI: &'static str;
    /// The unit in English.
    const UNIT_EN: &'static str;

    /// Parses the text of a cell.
    ///
    /// # Errors
    /// A [`CellProblem`] saying why the text is not a value of this type.
    fn parse_cell(text: &str) -> Result<Self, CellProblem>;

    /// The value as the checks see it.
    fn printed(self) -> Printed;

    /// The value with these printed digits, if this type can hold it: the
    /// inverse of [`CellValue::printed`].
    ///
    /// # Errors
    /// A [`CellProblem`] when it cannot (decimals on a count, a negative
    /// count, a code outside the legend, a decimal out of range).
    fn from_printed(value: Printed) -> Result<Self, CellProblem>;

    /// Writes the value the Vietnamese way, as [`CellValue::parse_cell`] reads it.
    ///
    /// # Errors
    /// Only those of the formatter.
    fn write_cell(self, out: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// The whole, non-negative number that `value` prints, if it is one.
fn whole_number(value: Printed) -> Result<u64, CellProblem> {
    use number::NumberError;
    if value.decimals != 0 {
        return Err(CellProblem::NotANumber(NumberError::FractionalCount));
    }
    if value.mantissa < 0 {
        return Err(CellProblem::NotANumber(NumberError::NegativeCount));
    }
    u64::try_from(value.mantissa).map_err(|_| CellProblem::NotANumber(NumberError::Overflow))
}

// ---------------------------------------------------------------------------
// Counts and their units
// ---------------------------------------------------------------------------

/// A unit that things are counted in (documents, dossiers, persons, ...).
pub trait CountUnit: Copy + Eq + fmt::Debug + 'static {
    /// The unit as printed in the forms' unit column.
    const PRINTED: &'static str;
    /// The unit in English.
    const ENGLISH: &'static str;
}

/// Declares the count units, once: type name, printed unit, English name.
macro_rules! count_units {
    ($($(#[$doc:meta])* $name:ident => $printed:literal, $english:literal;)*) => {
        $(
            $(#[$doc])*
            #[doc = concat!("\n\nPrinted as `", $printed, "`.")]
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
            pub struct $name;

            impl CountUnit for $name {
                const PRINTED: &'static str = $printed;
                const ENGLISH: &'static str = $english;
            }
        )*
    };
}

count_units! {
    /// Documents (directives, regulations).
    Document => "Văn bản", "documents";
    /// Tasks.
    Task => "Nhiệm vụ", "tasks";
    /// Agencies and units.
    Agency => "Cơ quan, đơn vị", "agencies and units";
    /// Issues found by a check.
    Issue => "Vấn đề", "issues";
    /// A plain number of things (forms, inspected bodies).
    Quantity => "Số lượng", "count";
    /// Administrative procedures.
    Procedure => "Thủ tục", "procedures";
    /// Dossiers (applications being processed).
    Dossier => "Hồ sơ", "dossiers";
    /// Feedback and petitions.
    Petition => "PAKN", "petitions";
    /// Management boards.
    Board => "Ban", "boards";
    /// Organisations.
    Organisation => "Tổ chức", "organisations";
    /// Persons.
    Person => "Người", "persons";
    /// Units (public service units).
    ServiceUnit => "Đơn vị", "units";
    /// Public services (online services).
    PublicService => "DVC", "public services";
}

/// A whole, non-negative count of `U`.
///
/// In JSON a count is a plain integer; negative and fractional numbers are
/// rejected.
///
/// # Example
/// ```
/// use cchc_forms::unit::{CellValue, Count, Dossier, Document};
///
/// let dossiers = Count::<Dossier>::new(54_106);
/// let documents = Count::<Document>::new(37);
/// // `dossiers == documents` does not compile: the units differ.
/// assert_eq!(dossiers.get() + documents.get(), 54_143);
/// assert!(Count::<Dossier>::parse_cell("1,5").is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Count<U: CountUnit> {
    value: u64,
    unit: PhantomData<U>,
}

impl<U: CountUnit> Count<U> {
    /// A count of `value`.
    #[must_use]
    pub const fn new(value: u64) -> Self {
        Self {
            value,
            unit: PhantomData,
        }
    }

    /// The number counted.
    #[must_use]
    pub const fn get(self) -> u64 {
        self.value
    }
}

impl<U: CountUnit> fmt::Debug for Count<U> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{} {}", self.value, U::ENGLISH)
    }
}

impl<U: CountUnit> fmt::Display for Count<U> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&VietnameseCount(self.value), out)
    }
}

impl<U: CountUnit> From<u64> for Count<U> {
    fn from(value: u64) -> Self {
        Self::new(value)
    }
}

impl<U: CountUnit> CellValue for Count<U> {
    const KIND: ValueKind = ValueKind::Count;
    const UNIT_VI: &'static str = U::PRINTED;
    const UNIT_EN: &'static str = U::ENGLISH;

    fn parse_cell(text: &str) -> Result<Self, CellProblem> {
        number::parse_count(text)
            .map(Self::new)
            .map_err(CellProblem::from)
    }

    fn printed(self) -> Printed {
        Printed::whole(i128::from(self.value))
    }

    fn from_printed(value: Printed) -> Result<Self, CellProblem> {
        whole_number(value).map(Self::new)
    }

    fn write_cell(self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&VietnameseCount(self.value), out)
    }
}

impl<U: CountUnit> Serialize for Count<U> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.value)
    }
}

impl<'de, U: CountUnit> Deserialize<'de> for Count<U> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u64::deserialize(deserializer).map(Self::new)
    }
}

impl<U: CountUnit> JsonSchema for Count<U> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Count".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "minimum": 0,
            "maximum": u64::MAX,
        })
    }
}

// ---------------------------------------------------------------------------
// Decimals: percentages and amounts
// ---------------------------------------------------------------------------

/// The pattern a decimal's JSON string must match: the same syntax that
/// [`Percent`] and [`MillionVnd`] accept when deserializing, plain digits with
/// `.` as the decimal point (JSON is not Vietnamese text), at most
/// [`number::MAX_INTEGER_DIGITS`] integer digits and [`number::MAX_DECIMALS`]
/// decimals. The final `(?!\n)` changes nothing in ECMA-262 regular
/// expressions (JSON Schema's dialect) but stops Python's `re`, whose `$`
/// also matches before a final newline, from accepting `"99.3\n"`.
pub const DECIMAL_PATTERN: &str = r"^-?[0-9]{1,12}(\.[0-9]{1,6})?$(?!\n)";

/// Parses a JSON decimal string as [`DECIMAL_PATTERN`] describes.
fn parse_json_decimal(text: &str) -> Result<Decimal, &'static str> {
    const SHAPE: &str = "a decimal string such as \"99.3\": optional '-', 1 to 12 digits, optionally '.' and 1 to 6 digits";
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    let shape_ok = (1..=number::MAX_INTEGER_DIGITS).contains(&integer.len())
        && digits(integer)
        && digits(fraction)
        && (fraction.len() <= number::MAX_DECIMALS as usize)
        && (fraction.is_empty() != unsigned.contains('.'));
    if !shape_ok {
        return Err(SHAPE);
    }
    let scale = u32::try_from(fraction.len()).map_err(|_| SHAPE)?;
    let magnitude = integer
        .bytes()
        .chain(fraction.bytes())
        .fold(0_i64, |value, digit| value * 10 + i64::from(digit - b'0'));
    let mantissa = if text.starts_with('-') {
        -magnitude
    } else {
        magnitude
    };
    Ok(Decimal::new(mantissa, scale))
}

/// Declares a decimal value type (percent, amount) once.
macro_rules! decimal_types {
    ($($(#[$doc:meta])* $name:ident, $kind:ident, $unit_vi:literal, $unit_en:literal, $schema_name:literal;)*) => {
        $(
            $(#[$doc])*
            ///
            /// Two values are equal when they print the same: `100` and
            /// `100,00` are different readings, so they are not equal (compare
            /// [`get`](Self::get) for numeric equality).
            #[derive(Clone, Copy, Default)]
            pub struct $name(Decimal);

            // `Decimal`'s own equality is numeric (100 == 100.00), which
            // would make a report that lost its printed precision compare
            // equal to the original: compare the printed digits instead.
            impl PartialEq for $name {
                fn eq(&self, other: &Self) -> bool {
                    (self.0.mantissa(), self.0.scale()) == (other.0.mantissa(), other.0.scale())
                }
            }

            impl Eq for $name {}

            impl std::hash::Hash for $name {
                fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                    (self.0.mantissa(), self.0.scale()).hash(state);
                }
            }

            impl $name {
                /// A value of exactly this decimal, keeping its scale as the printed precision.
                ///
                /// # Errors
                /// [`CellProblem::NotANumber`] when the decimal has more than
                /// [`number::MAX_DECIMALS`] decimals or more than
                /// [`number::MAX_INTEGER_DIGITS`] integer digits.
                pub fn new(value: Decimal) -> Result<Self, CellProblem> {
                    if value.scale() > number::MAX_DECIMALS {
                        return Err(CellProblem::NotANumber(number::NumberError::TooManyDecimals));
                    }
                    let limit = 10_i128.pow(number::MAX_INTEGER_DIGITS_U32 + value.scale());
                    if value.mantissa().abs() >= limit {
                        return Err(CellProblem::NotANumber(number::NumberError::Overflow));
                    }
                    Ok(Self(value))
                }

                /// The exact value, with its printed scale.
                #[must_use]
                pub const fn get(self) -> Decimal {
                    self.0
                }

                /// How many decimals were printed.
                #[must_use]
                pub const fn decimals(self) -> u32 {
                    self.0.scale()
                }
            }

            impl fmt::Debug for $name {
                fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                    write!(out, "{} {}", self.0, $unit_en)
                }
            }

            impl fmt::Display for $name {
                fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                    fmt::Display::fmt(&VietnameseDecimal(self.0), out)
                }
            }

            impl CellValue for $name {
                const KIND: ValueKind = ValueKind::$kind;
                const UNIT_VI: &'static str = $unit_vi;
                const UNIT_EN: &'static str = $unit_en;

                fn parse_cell(text: &str) -> Result<Self, CellProblem> {
                    number::parse_decimal(text).map(Self).map_err(CellProblem::from)
                }

                fn printed(self) -> Printed {
                    Printed { mantissa: self.0.mantissa(), decimals: self.0.scale() }
                }

                fn from_printed(value: Printed) -> Result<Self, CellProblem> {
                    let decimal = Decimal::try_from_i128_with_scale(value.mantissa, value.decimals)
                        .map_err(|_| CellProblem::NotANumber(number::NumberError::Overflow))?;
                    Self::new(decimal)
                }

                fn write_cell(self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                    fmt::Display::fmt(&VietnameseDecimal(self.0), out)
                }
            }

            impl Serialize for $name {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    // Decimal's Display keeps the scale: 99.30 prints "99.30".
                    serializer.collect_str(&self.0)
                }
            }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    struct Visitor;
                    impl serde::de::Visitor<'_> for Visitor {
                        type Value = $name;
                        fn expecting(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                            out.write_str(concat!("a decimal string (", $unit_en, ") such as \"99.3\""))
                        }
                        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$name, E> {
                            parse_json_decimal(text)
                                .map($name)
                                .map_err(|shape| E::custom(format_args!("invalid {} {text:?}: expected {shape}", $unit_en)))
                        }
                    }
                    deserializer.deserialize_str(Visitor)
                }
            }

            impl JsonSchema for $name {
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    $schema_name.into()
                }

                fn inline_schema() -> bool {
                    true
                }

                fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                    schemars::json_schema!({
                        "type": "string",
                        "pattern": DECIMAL_PATTERN,
                    })
                }
            }
        )*
    };
}

decimal_types! {
    /// A percentage, exact, with the precision it was printed with.
    ///
    /// In JSON a percentage is a string with `.` as the decimal point
    /// (`"99.3"`), so that its printed precision survives: `"100"` and
    /// `"100.00"` are different readings. A negative percentage is a valid
    /// value (a reduction rate can be negative); the checks say where it is
    /// impossible.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::unit::{CellValue, Percent};
    /// let rate = Percent::parse_cell("99,27")?;
    /// assert_eq!(serde_json::to_string(&rate).unwrap(), "\"99.27\"");
    /// # Ok::<(), cchc_forms::CellProblem>(())
    /// ```
    Percent, Percent, "%", "percent", "Percent";
    /// An amount in million VND, exact, with the precision it was printed with.
    ///
    /// In JSON an amount is a decimal string (`"8007000"`).
    ///
    /// # Example
    /// ```
    /// use cchc_forms::unit::{CellValue, MillionVnd};
    /// let plan = MillionVnd::parse_cell("8.007.000")?;
    /// assert_eq!(plan.get(), rust_decimal::Decimal::new(8_007_000, 0));
    /// # Ok::<(), cchc_forms::CellProblem>(())
    /// ```
    MillionVnd, MillionVnd, "Triệu đồng", "million VND", "MillionVnd";
}

// ---------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------

/// Declares the code enums once: variants, codes, printed legend, meanings.
macro_rules! codes {
    ($(
        $(#[$doc:meta])*
        $name:ident, $legend_vi:literal, $english:literal {
            $($(#[$vdoc:meta])* $variant:ident = $code:literal, $label_vi:literal, $label_en:literal;)*
        }
    )*) => {
        $(
            $(#[$doc])*
            #[doc = concat!("\n\nLegend as printed: `", $legend_vi, "`. In JSON and in the rows, the code's number.")]
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum $name {
                $(
                    $(#[$vdoc])*
                    #[doc = concat!("\n\n`", $code, "` = ", $label_vi)]
                    $variant = $code,
                )*
            }

            impl $name {
                /// Every legal value, in the order of their codes.
                pub const LEGEND: &'static [CodeValue] = &[
                    $(CodeValue { code: $code, label_vi: $label_vi, label_en: $label_en },)*
                ];

                /// The value of a code, if it is in the legend.
                #[must_use]
                pub const fn from_code(code: u64) -> Option<Self> {
                    match code {
                        $($code => Some(Self::$variant),)*
                        _ => None,
                    }
                }

                /// The code printed for this value.
                #[must_use]
                pub const fn code(self) -> u8 {
                    self as u8
                }
            }

            impl fmt::Display for $name {
                fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                    write!(out, "{}", self.code())
                }
            }

            impl CellValue for $name {
                const KIND: ValueKind = ValueKind::Code { legend: Self::LEGEND };
                const UNIT_VI: &'static str = $legend_vi;
                const UNIT_EN: &'static str = $english;

                fn parse_cell(text: &str) -> Result<Self, CellProblem> {
                    // What is not one of the legend's numbers (`1,0`, `-1`,
                    // `Có`) is named as such, not as a count.
                    let code = number::parse_count(text).map_err(|error| match error {
                        number::NumberError::Dash => CellProblem::NotANumber(error),
                        _ => CellProblem::NotInLegend { legend: $legend_vi },
                    })?;
                    Self::from_code(code).ok_or(CellProblem::NotInLegend { legend: $legend_vi })
                }

                fn printed(self) -> Printed {
                    Printed::whole(i128::from(self.code()))
                }

                fn from_printed(value: Printed) -> Result<Self, CellProblem> {
                    let code = whole_number(value)?;
                    Self::from_code(code).ok_or(CellProblem::NotInLegend { legend: $legend_vi })
                }

                fn write_cell(self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
                    write!(out, "{}", self.code())
                }
            }

            impl Serialize for $name {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_u8(self.code())
                }
            }

            impl<'de> Deserialize<'de> for $name {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let code = u64::deserialize(deserializer)?;
                    Self::from_code(code).ok_or_else(|| {
                        serde::de::Error::custom(format_args!(
                            "code {code} is not in the legend `{}`", $legend_vi
                        ))
                    })
                }
            }

            impl JsonSchema for $name {
                fn schema_name() -> std::borrow::Cow<'static, str> {
                    stringify!($name).into()
                }

                fn inline_schema() -> bool {
                    true
                }

                fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                    schemars::json_schema!({
                        "type": "integer",
                        "enum": [$($code),*],
                        "x-legend": [$({ "code": $code, "label_vi": $label_vi, "label_en": $label_en }),*],
                    })
                }
            }
        )*
    };
}

codes! {
    /// Yes or no.
    YesNo, "Có = 1; Không = 0", "yes = 1; no = 0" {
        /// Not done.
        No = 0, "Không", "no";
        /// Done.
        Yes = 1, "Có", "yes";
    }
    /// How a satisfaction survey was carried out.
    SurveyMethod, "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", "online = 0; paper forms = 1; combined = 2" {
        /// Online.
        Online = 0, "Trực tuyến", "online";
        /// Paper forms handed out.
        PaperForms = 1, "Phát phiếu", "paper forms";
        /// Both.
        Combined = 2, "Kết hợp", "combined";
    }
    /// Whether a one-off task is done.
    Completion, "Chưa = 0 Hoàn thành = 1", "not yet = 0; completed = 1" {
        /// Not yet.
        NotYet = 0, "Chưa", "not yet";
        /// Completed.
        Completed = 1, "Hoàn thành", "completed";
    }
    /// How many levels of government an online meeting system links.
    MeetingLinkage, "Chưa có = 0 2 cấp = 1 3 cấp = 2", "none = 0; two levels = 1; three levels = 2" {
        /// No system yet.
        None = 0, "Chưa có", "none yet";
        /// Province to districts.
        TwoLevels = 1, "2 cấp", "two levels";
        /// Province to districts and communes.
        ThreeLevels = 2, "3 cấp", "three levels";
    }
    /// Progress of a project.
    Progress, "Chưa = 0 Đang làm = 1 Hoàn thành = 2", "not started = 0; in progress = 1; completed = 2" {
        /// Not started.
        NotStarted = 0, "Chưa", "not started";
        /// In progress.
        InProgress = 1, "Đang làm", "in progress";
        /// Completed.
        Completed = 2, "Hoàn thành", "completed";
    }
}
