//! Findings: what the checks found, as data.
//!
//! A [`Finding`] names the rule that fired, how serious it is, the cells it
//! read, the value reported and the interval its printed digits stand for,
//! the value or interval the other cells imply, the imbalance between them,
//! and a message in Vietnamese and in English. [`Findings`] is the
//! collection [`Report::validate`](crate::Report::validate) returns; it
//! serializes as a JSON array.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::CellId;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A note: a derivable blank, a value consistent only if truncated.
    Info,
    /// Something suspicious that a person must look at.
    Warning,
    /// An arithmetic or logical impossibility.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// The families of invariants the checks know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// A percentage against its numerator and denominator rows.
    Ratio,
    /// A total against an exhaustive breakdown: the parts add up to it.
    Sum,
    /// A part (or the sum of "of which" parts) is at most its whole.
    PartWhole,
    /// A value within the bounds its meaning allows.
    Bound,
    /// A "not done" code against the rows that describe how it was done.
    Conditional,
    /// An overall rate within the range of its per-level rates.
    LevelRange,
    /// The same quantity, or a bound, across two forms.
    AcrossForms,
    /// A blank percentage whose numerator and denominator are reported.
    Derivable,
}

impl fmt::Display for Family {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        out.write_str(match self {
            Family::Ratio => "ratio",
            Family::Sum => "sum",
            Family::PartWhole => "part_whole",
            Family::Bound => "bound",
            Family::Conditional => "conditional",
            Family::LevelRange => "level_range",
            Family::AcrossForms => "across_forms",
            Family::Derivable => "derivable",
        })
    }
}

/// A closed interval of exact values, `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    /// The least value.
    pub low: Decimal,
    /// The greatest value.
    pub high: Decimal,
}

/// One problem (or note) found in a report.
///
/// # Example
/// ```
/// use cchc_forms::{samples, Severity};
///
/// let findings = samples::bac_giang_2023_q3().validate();
/// let sum = findings.iter().find(|f| f.rule == "sum:3/1.4").expect("1.486 + 255 + 155 ≠ 1.902");
/// assert_eq!(sum.severity, Severity::Error);
/// assert_eq!(sum.reported.map(|d| d.to_string()).as_deref(), Some("1902"));
/// assert_eq!(sum.computed.map(|d| d.to_string()).as_deref(), Some("1896"));
/// assert_eq!(sum.imbalance.map(|d| d.to_string()).as_deref(), Some("6"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The id of the rule that fired (see [`crate::check::RULES`]).
    pub rule: String,
    /// The rule's family.
    pub family: Family,
    /// How serious it is.
    pub severity: Severity,
    /// The cells involved, the checked cell first.
    pub cells: Vec<CellId>,
    /// The value reported in the checked cell, if any.
    pub reported: Option<Decimal>,
    /// The interval of true values the reported digits stand for (rounded
    /// to nearest), if the value is a decimal.
    pub reported_interval: Option<Interval>,
    /// The value the other cells imply (a ratio to four decimals, a sum, a
    /// derivable percentage to two decimals), if there is a single one.
    pub computed: Option<Decimal>,
    /// The interval of values the other cells imply, when they are printed
    /// with limited precision.
    pub computed_interval: Option<Interval>,
    /// `reported − computed`, when both are known.
    pub imbalance: Option<Decimal>,
    /// The message in Vietnamese.
    pub message_vi: String,
    /// The message in English.
    pub message_en: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "{} [{}] {}", self.severity, self.rule, self.message_en)
    }
}

/// The findings of one validation, in rule order.
///
/// Serializes as a JSON array of [`Finding`]. An empty collection has not
/// allocated.
///
/// # Example
/// ```
/// use cchc_forms::samples;
/// let findings = samples::bac_giang_2023_q3().validate();
/// assert!(findings.has_errors());
/// let json = serde_json::to_value(&findings).unwrap();
/// assert!(json.is_array());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Findings(pub Vec<Finding>);

impl Findings {
    /// Whether any finding is an [`Severity::Error`].
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.0
            .iter()
            .any(|finding| finding.severity == Severity::Error)
    }

    /// The findings of one severity.
    pub fn of_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.0
            .iter()
            .filter(move |finding| finding.severity == severity)
    }

    /// The findings of one rule.
    pub fn of_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Finding> {
        self.0.iter().filter(move |finding| finding.rule == rule)
    }
}

impl std::ops::Deref for Findings {
    type Target = [Finding];

    fn deref(&self) -> &[Finding] {
        &self.0
    }
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}
