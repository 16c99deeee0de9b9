//! A problem of a JSON report.

use std::fmt;

use crate::quote::Quoted;

/// One problem in a JSON report: where it is, what it said, what is wrong.
///
/// # Example
/// ```
/// use cchc_forms::{Error, Report};
///
/// let mut json = serde_json::to_value(cchc_forms::samples::bac_giang_2023_q3()).unwrap();
/// json["form3"]["resolved_departments"] = serde_json::json!(-5);
/// json["form4"]["typo"] = serde_json::json!(1);
/// let Err(Error::Json(problems)) = Report::from_json(&json.to_string()) else { panic!() };
/// assert_eq!(problems.len(), 2);
/// assert_eq!(problems[0].cell.map(|c| (c.indicator().form, c.indicator().stt)), Some((3, "3.1.1")));
/// assert_eq!(problems[0].raw, "-5");
/// assert_eq!(problems[0].message_en, "a count cannot be negative");
/// assert_eq!(problems[0].message_vi, "số lượng không thể âm");
/// assert_eq!(problems[1].path, "form4.typo");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct JsonProblem {
    /// Where in the document, as dotted keys (`form3.resolved_departments`);
    /// empty for the document itself.
    pub path: String,
    /// The indicator, when the problem is in one.
    pub cell: Option<crate::catalogue::CellId>,
    /// The offending JSON text (empty when something is missing), cut after
    /// [`MAX_ECHO_CHARS`](crate::error::MAX_ECHO_CHARS) characters.
    pub raw: String,
    /// The line of the document, counted from 1, when known.
    pub line: Option<usize>,
    /// What is wrong, in English.
    pub message_en: String,
    /// What is wrong, in Vietnamese.
    pub message_vi: String,
}

impl JsonProblem {
    /// The form the problem is in, if any (`form3.…` is form 3).
    #[must_use]
    pub fn form(&self) -> Option<u8> {
        if let Some(cell) = self.cell {
            return Some(cell.indicator().form);
        }
        let head = self.path.split('.').next()?;
        let number = head.strip_prefix("form")?.parse::<u8>().ok()?;
        (1..=7).contains(&number).then_some(number)
    }
}

impl fmt::Display for JsonProblem {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(out, "line {line}, ")?;
        }
        if let Some(cell) = self.cell {
            let indicator = cell.indicator();
            write!(
                out,
                "form {}, STT {}, ",
                indicator.form,
                Quoted(indicator.stt)
            )?;
        }
        if !self.path.is_empty() {
            write!(out, "at {}, ", self.path)?;
        }
        if !self.raw.is_empty() {
            write!(out, "value {}: ", self.raw)?;
        }
        out.write_str(&self.message_en)
    }
}
