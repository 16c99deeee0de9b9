//! Helpers the check tests share: a report from rows, and the rules that
//! fire on it. (Each test file is its own crate and uses some of them.)
#![allow(dead_code)]

use cchc_forms::{Finding, Findings, Report, ReportMeta, Row};

/// The report of `rows` (form, STT, text) under `meta`.
///
/// # Panics
/// When a row is refused: the tests give rows of the forms.
pub fn report_of(meta: ReportMeta, rows: &[(u8, &str, &str)]) -> Report {
    Report::from_rows(
        meta,
        rows.iter()
            .map(|&(form, stt, text)| Row::new(form, stt, text)),
    )
    .expect("rows of the forms")
}

/// The report of `rows` with no metadata (every row applies).
pub fn report(rows: &[(u8, &str, &str)]) -> Report {
    report_of(ReportMeta::default(), rows)
}

/// The ids of the rules that fired on `report`, in rule order.
pub fn rules(report: &Report) -> Vec<&'static str> {
    report
        .validate()
        .iter()
        .map(|finding| finding.rule.as_str())
        .collect()
}

/// The one finding of `rule` among `findings`.
///
/// # Panics
/// When there is none, or more than one.
pub fn one_of(findings: &Findings, rule: &str) -> Finding {
    let mut of_rule = findings.of_rule(rule);
    let found = of_rule
        .next()
        .unwrap_or_else(|| panic!("no finding of {rule} in {findings:?}"))
        .clone();
    assert!(of_rule.next().is_none(), "two findings of {rule}");
    found
}
