//! JSON in, with every problem reported at once.
//!
//! A [`Report`] is `Deserialize`, and `serde_json::from_str` works; but
//! serde stops at the first problem. [`Report::from_json`] reads the same
//! JSON and reports every problem of the document, each naming the form, the
//! STT and the offending value, so that a reporter fixes them in one pass.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::catalogue::{CellId, FORMS};
use crate::error::{Error, JsonProblem};
use crate::form::{Form1, Form2, Form3, Form4, Form5, Form6, Form7};
use crate::report::{Report, ReportMeta, with_form};

impl Report {
    /// Reads a report from JSON text, reporting every problem at once.
    ///
    /// Accepts exactly what `serde_json::from_str::<Report>` accepts: the
    /// same shape, unknown fields rejected, a missing indicator read as blank.
    ///
    /// # Errors
    /// [`Error::Json`] with one [`JsonProblem`] per problem: bad syntax (one
    /// problem, with its line and column), a missing or unknown field, or a
    /// value of the wrong kind.
    ///
    /// # Example
    /// ```
    /// use cchc_forms::{samples, Report};
    /// let sample = samples::bac_giang_2023_q3();
    /// let json = serde_json::to_string(&sample).unwrap();
    /// assert_eq!(Report::from_json(&json)?, sample);
    /// assert!(Report::from_json("{").is_err());
    /// # Ok::<(), cchc_forms::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Report, Error> {
        // A valid document is read in one typed pass, with no intermediate
        // tree; only a document with a problem is read again, as a tree,
        // to name every problem.
        if let Ok(report) = serde_json::from_str::<Report>(text) {
            let meta_problems = report.meta.problems();
            if !meta_problems.is_empty() {
                return Err(Error::Meta(meta_problems));
            }
            return Ok(report);
        }
        let document: Value = serde_json::from_str(text).map_err(|error| {
            Error::Json(vec![JsonProblem {
                path: String::new(),
                cell: None,
                raw: String::new(),
                message: error.to_string(),
            }])
        })?;
        let mut problems = Vec::new();
        let report = read_report(&document, &mut problems);
        match report {
            Some(report) if problems.is_empty() => Ok(report),
            _ => Err(Error::Json(problems)),
        }
    }
}

fn problem(
    path: impl Into<String>,
    cell: Option<CellId>,
    raw: &Value,
    message: impl Into<String>,
) -> JsonProblem {
    JsonProblem {
        path: path.into(),
        cell,
        raw: if raw.is_null() && cell.is_none() {
            String::new()
        } else {
            raw.to_string()
        },
        message: message.into(),
    }
}

fn read_report(document: &Value, problems: &mut Vec<JsonProblem>) -> Option<Report> {
    let Some(object) = document.as_object() else {
        problems.push(problem("", None, document, "a report is a JSON object"));
        return None;
    };
    let known = |key: &str| key == "meta" || FORMS.iter().any(|form| form.key == key);
    for (key, value) in object {
        if !known(key) {
            problems.push(problem(
                key.clone(),
                None,
                value,
                format!("unknown field `{key}`"),
            ));
        }
    }
    let meta = if let Some(value) = object.get("meta") {
        ReportMeta::deserialize(value)
            .map_err(|error| problems.push(problem("meta", None, &Value::Null, error.to_string())))
            .ok()
    } else {
        problems.push(problem("meta", None, &Value::Null, "missing field `meta`"));
        None
    };
    let mut report = Report::new(meta.clone().unwrap_or_default());
    for form in &FORMS {
        match object.get(form.key) {
            Some(Value::Object(fields)) => {
                read_form(&mut report, form.number, form.key, fields, problems);
            }
            Some(other) => problems.push(problem(form.key, None, other, "a form is a JSON object")),
            None => problems.push(problem(
                form.key,
                None,
                &Value::Null,
                format!("missing field `{}`", form.key),
            )),
        }
    }
    meta.map(|_| report)
}

fn read_form(
    report: &mut Report,
    number: u8,
    form_key: &str,
    fields: &Map<String, Value>,
    problems: &mut Vec<JsonProblem>,
) {
    let indicators = FORMS[usize::from(number) - 1].indicators();
    for (key, value) in fields {
        let path = format!("{form_key}.{key}");
        let Some(indicator) = indicators.iter().find(|indicator| indicator.key == key) else {
            problems.push(problem(
                path,
                None,
                value,
                format!("form {number} has no field `{key}`"),
            ));
            continue;
        };
        let row = indicator.id.row_in_form();
        let result = with_form!(
            [&mut] report,
            number,
            |form, Form| match Form::FROM_JSON.get(row) {
                Some(read) => read(form, value),
                None => Err(format!("form {number} has no field `{key}`")),
            },
            Err(format!("there is no form {number}"))
        );
        if let Err(message) = result {
            problems.push(problem(path, Some(indicator.id), value, message));
        }
    }
}
