//! Property tests that hold the library to its word, with the strategies of
//! the `proptest` feature (`cargo test --all-features`):
//!
//! - every valid generated report validates with no error or warning, and
//!   the generator exercises every rule;
//! - every broken report yields exactly one error or warning, of the broken
//!   rule, naming the rule's cells, for every rule of the table;
//! - JSON, rows and TSV round trips are lossless (blanks and printed precision
//!   included), and so is printing then parsing a number;
//! - arbitrary rows, TSV text and JSON (huge numbers, deep nesting) never
//!   panic, and every problem is reported, cleanly.
#![cfg(feature = "proptest")]

use std::collections::HashSet;
use std::fmt::Write as _;

use cchc_forms::bnv581::RULES;
use cchc_forms::bnv581::{CATALOGUE, HEADINGS, RowKind, lookup};
use cchc_forms::catalogue::CellId;
use cchc_forms::check::{Check, Outcome, Ratio, Rounding, percentage_of};
use cchc_forms::number::{format_count, format_decimal, parse_count, parse_decimal};
use cchc_forms::rows::parse_tsv;
use cchc_forms::strategies::{
    Invariant, any_broken_report, any_report, broken_report, decimal, valid_report,
};
use cchc_forms::unit::{Printed, ValueKind};
use cchc_forms::{Error, Family, Finding, Report, ReportMeta, Row, Severity};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

fn config(cases: u32) -> Config {
    Config {
        cases,
        ..Config::default()
    }
}

/// The findings that are not `info` notes, printed.
fn serious(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .filter(|finding| finding.severity != Severity::Info)
        .map(ToString::to_string)
        .collect()
}

/// A valid report or any report: both must survive every round trip.
fn some_report() -> impl Strategy<Value = Report> {
    prop_oneof![valid_report(), any_report()]
}

// ---------------------------------------------------------------------------
// Valid reports
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn valid_reports_have_no_error_or_warning(report in valid_report()) {
        let evaluation = report.check();
        let serious = serious(&evaluation.findings);
        prop_assert!(serious.is_empty(), "{serious:#?}");
        prop_assert!(!evaluation.outcomes.contains(&Outcome::Failed));
    }
}

/// The valid reports are not valid by leaving everything blank: over a few
/// hundred of them, every rule is evaluated and passes, every derivable
/// blank is noted, and so is a rate consistent only if truncated.
#[test]
fn valid_reports_exercise_every_rule() {
    let mut runner = TestRunner::deterministic();
    let strategy = valid_report();
    let mut passed = [false; RULES.len()];
    let mut noted = [false; RULES.len()];
    let mut truncated = false;
    for _ in 0..256 {
        let report = strategy.new_tree(&mut runner).unwrap().current();
        let evaluation = report.check();
        for (index, outcome) in evaluation.outcomes.iter().enumerate() {
            passed[index] |= *outcome == Outcome::Passed;
            noted[index] |= *outcome == Outcome::Noted;
        }
        truncated |= evaluation.findings.iter().any(|finding| {
            finding
                .message_en()
                .to_string()
                .contains("only if truncated")
        });
    }
    for (index, rule) in RULES.iter().enumerate() {
        if rule.severity == Severity::Info {
            assert!(noted[index], "{} never noted", rule.id);
        } else {
            assert!(passed[index], "{} never evaluated and passed", rule.id);
        }
    }
    assert!(truncated, "no truncated rate was ever generated");
}

proptest! {
    #![proptest_config(config(256))]

    /// The tolerance is the printed precision, no wider: in a valid report,
    /// a rate of counts moved two printed units away from the correctly
    /// rounded one is an error of its ratio rule, and of nothing else.
    #[test]
    fn ratios_are_checked_to_the_printed_precision(report in valid_report(), up in any::<bool>()) {
        for (index, rule) in RULES.iter().enumerate() {
            let Check::Ratio(Ratio { rate: rate_id, numerator: num_id, denominator: den_id }) = rule.check else {
                continue;
            };
            let (Some(rate), Some(num), Some(den)) =
                (report.cell(rate_id), report.cell(num_id), report.cell(den_id))
            else {
                continue;
            };
            let exact = |id: CellId| matches!(id.indicator().kind, ValueKind::Count);
            if !exact(num_id) || !exact(den_id) || den.mantissa == 0 {
                continue;
            }
            let nearest = percentage_of(num, den, rate.decimals, Rounding::HalfAwayFromZero).unwrap();
            let hundred = 100 * 10_i128.pow(rate.decimals);
            let mantissa = if (up && nearest.mantissa + 2 <= hundred) || nearest.mantissa < 2 {
                nearest.mantissa + 2
            } else {
                nearest.mantissa - 2
            };
            let mut moved = report.clone();
            moved.set_cell(rate_id, Some(Printed { mantissa, decimals: rate.decimals })).unwrap();
            let evaluation = moved.check();
            prop_assert_eq!(evaluation.outcomes[index], Outcome::Failed, "{} at {}", rule.id, mantissa);
            let serious = serious(&evaluation.findings);
            prop_assert_eq!(serious.len(), 1, "{:#?}", serious);
        }
    }
}

// ---------------------------------------------------------------------------
// Broken reports
// ---------------------------------------------------------------------------

#[test]
fn invariants_name_the_rules_of_the_forms() {
    // Form 3 row 3.1 is the rate of 3.1.2 (resolved on time) over 3.1.1
    // (resolved): 100 × 53.726 / 54.106 = 99,30 % in the source document.
    let rate = Invariant::from_id("ratio:3/3.1").expect("the on-time rate");
    assert_eq!(
        rate.cells(),
        [
            CellId::of(3, "3.1"),
            CellId::of(3, "3.1.2"),
            CellId::of(3, "3.1.1")
        ]
    );
    assert_eq!(
        (rate.family(), rate.severity()),
        (Family::Ratio, Severity::Error)
    );
    // Form 3 row 1.4, the procedures, is the sum of its three levels
    // (1.486 + 255 + 155 in the source, which prints 1.902).
    let sum = Invariant::from_id("sum:3/1.4").expect("the procedures by level");
    assert_eq!(
        sum.cells(),
        [
            CellId::of(3, "1.4"),
            CellId::of(3, "1.4.1"),
            CellId::of(3, "1.4.2"),
            CellId::of(3, "1.4.3")
        ]
    );
    assert_eq!(
        (sum.family(), sum.severity()),
        (Family::Sum, Severity::Error)
    );
    // Units with approved job positions (form 5 row 1.2) are at most the
    // public service units of form 4 row 1.5: a warning across forms.
    let across = Invariant::from_id("across:5/1.2<=4/1.5").expect("across forms");
    assert_eq!(across.cells(), [CellId::of(4, "1.5"), CellId::of(5, "1.2")]);
    assert_eq!(across.severity(), Severity::Warning);
    // Every id names one invariant only: ids are unique, and each finds its own.
    for invariant in Invariant::all() {
        assert_eq!(
            Invariant::from_id(invariant.id()),
            Some(invariant),
            "{invariant}"
        );
    }
    assert_eq!(Invariant::from_id("ratio:9/9"), None);
    assert_eq!(Invariant::from_id("ratio:3/3.1 "), None);
    assert_eq!(Invariant::from_index(RULES.len()), None);
}

/// What a report broken for `invariant` must show.
fn check_broken(invariant: Invariant, report: &Report) -> Result<(), TestCaseError> {
    let evaluation = report.check();
    let serious: Vec<&Finding> = evaluation
        .findings
        .iter()
        .filter(|finding| finding.severity != Severity::Info)
        .collect();
    let outcome = evaluation.outcomes[invariant.index()];
    if invariant.severity() == Severity::Info {
        prop_assert!(serious.is_empty(), "{:#?}", serious);
        prop_assert_eq!(outcome, Outcome::Noted);
        let mine: Vec<&Finding> = evaluation.findings.of_rule(invariant.id()).collect();
        prop_assert_eq!(mine.len(), 1);
        prop_assert_eq!(&mine[0].cells, invariant.cells());
    } else {
        let rules: Vec<&str> = serious
            .iter()
            .map(|finding| finding.rule.as_str())
            .collect();
        prop_assert_eq!(rules, [invariant.id()], "{:#?}", serious);
        prop_assert_eq!(serious[0].severity, invariant.severity());
        prop_assert_eq!(&serious[0].cells, invariant.cells());
        prop_assert_eq!(outcome, Outcome::Failed);
        let failed = evaluation
            .outcomes
            .iter()
            .filter(|&&outcome| outcome == Outcome::Failed)
            .count();
        prop_assert_eq!(failed, 1);
    }
    // The break is in the printed digits: it survives printing and reading back.
    let rows = report.to_rows();
    let again = Report::from_rows(report.meta.clone(), rows.iter().map(|row| row.as_row()))
        .map_err(|error| TestCaseError::fail(error.to_string()))?;
    prop_assert_eq!(again.validate(), evaluation.findings);
    Ok(())
}

/// Every rule of the table, broken alone, 32 times each.
#[test]
fn every_broken_invariant_yields_exactly_its_finding() {
    for invariant in Invariant::all() {
        let mut runner = TestRunner::new(Config {
            cases: 32,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(error) = runner.run(&broken_report(invariant), |report| {
            check_broken(invariant, &report)
        }) {
            panic!("{invariant}: {error}");
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn any_broken_report_breaks_the_invariant_it_names((invariant, report) in any_broken_report()) {
        check_broken(invariant, &report)?;
    }
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn json_round_trip_is_lossless(report in some_report()) {
        let text = serde_json::to_string(&report).unwrap();
        let again: Report = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(again.cells(), report.cells());
        prop_assert_eq!(&again, &report);
        let again = Report::from_json(&text).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(&again, &report);
        // Pretty or compact, the same report.
        let pretty = serde_json::to_string_pretty(&report).unwrap();
        prop_assert_eq!(serde_json::from_str::<Report>(&pretty).unwrap(), report);
    }

    #[test]
    fn rows_round_trip_is_lossless(report in some_report()) {
        let rows = report.to_rows();
        prop_assert_eq!(rows.len(), CATALOGUE.len());
        for row in &rows {
            let blank = report.cell(row.indicator.id).is_none();
            prop_assert_eq!(row.text.is_empty(), blank, "{}/{}", row.indicator.form, row.indicator.stt);
        }
        let again = Report::from_rows(report.meta.clone(), rows.iter().map(|row| row.as_row()))
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(again.cells(), report.cells());
        prop_assert_eq!(&again, &report);
        // And through tab-separated text.
        let mut tsv = String::new();
        for row in &rows {
            writeln!(tsv, "{}\t{}\t{}", row.indicator.form, row.indicator.stt, row.text).unwrap();
        }
        let parsed = parse_tsv(&tsv).map_err(|error| TestCaseError::fail(error.to_string()))?;
        let again = Report::from_rows(report.meta.clone(), parsed)
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(again, report);
    }
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn counts_print_and_parse_back(value in any::<u64>()) {
        prop_assert_eq!(parse_count(&format_count(value)), Ok(value));
    }

    #[test]
    fn decimals_print_and_parse_back_with_their_precision(value in decimal()) {
        let again = parse_decimal(&format_decimal(&value)).unwrap();
        prop_assert_eq!((again.mantissa(), again.scale()), (value.mantissa(), value.scale()));
    }

    /// Whatever parses prints back to text that parses to the same value,
    /// with the same precision; and a count of at most 12 digits reads the
    /// same as a decimal.
    #[test]
    fn parsed_text_prints_back(text in prop_oneof![
        "-?[0-9]{1,16}",
        "-?[0-9]{1,3}(\\.[0-9]{3}){0,5}(,[0-9]{1,7})?",
        "[-0-9.,]{0,20}",
        " ?[0-9.,]{1,12} ?",
        any::<String>(),
    ]) {
        if let Ok(value) = parse_decimal(&text) {
            let again = parse_decimal(&format_decimal(&value)).unwrap();
            prop_assert_eq!((again.mantissa(), again.scale()), (value.mantissa(), value.scale()));
        }
        if let Ok(value) = parse_count(&text) {
            prop_assert_eq!(parse_count(&format_count(value)), Ok(value));
            // Leading zeros count as digits: `0000000000001` has 13.
            if text.bytes().filter(u8::is_ascii_digit).count() <= 12 {
                prop_assert_eq!(parse_decimal(&text), Ok(Decimal::from(value)));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Arbitrary rows
// ---------------------------------------------------------------------------

/// Every STT the forms print (indicators and headings), spelled as sources do.
fn known_stt() -> impl Strategy<Value = String> {
    let stts: Vec<&'static str> = CATALOGUE
        .iter()
        .map(|indicator| indicator.stt)
        .chain(HEADINGS.iter().map(|heading| heading.stt))
        .collect();
    (prop::sample::select(stts), 0_u8..4).prop_map(|(stt, spelling)| match spelling {
        0 => stt.to_owned(),
        1 => format!("{stt}."),
        2 => format!(" {stt}. "),
        _ => format!("{stt}.."),
    })
}

fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" ".to_owned()),
        any::<u64>().prop_map(format_count),
        decimal().prop_map(|value| format_decimal(&value)),
        Just("gần 98".to_owned()),
        Just("hơn 84,5 triệu".to_owned()),
        Just("1.42".to_owned()),
        "[0-9]{13,40}",
        "-?[0-9.,]{1,20}",
        any::<String>(),
    ]
}

/// Cell texts with what they stand for, worked out by hand from the rules
/// of Vietnamese numbers (`.` groups thousands in threes, `,` marks
/// decimals, at most 6 decimals and 12 integer digits for a decimal):
/// `(text, the count it is, whether it is a decimal)`. A blank cell
/// (empty or white space) imports as blank into any cell.
const LABELLED_TEXTS: [(&str, Option<u64>, bool); 26] = [
    ("0", Some(0), true),
    ("1", Some(1), true),
    ("2", Some(2), true),
    ("3", Some(3), true),
    ("06", Some(6), true),
    ("1964", Some(1964), true),
    ("1.420", Some(1420), true),
    ("54.106", Some(54_106), true),
    ("8.007.000", Some(8_007_000), true),
    ("999.999.999.999", Some(999_999_999_999), true),
    // 13 integer digits: a count, too long for a decimal.
    ("1.000.000.000.000", Some(1_000_000_000_000), false),
    ("18.446.744.073.709.551.615", Some(u64::MAX), false),
    ("18.446.744.073.709.551.616", None, false),
    ("99,3", None, true),
    ("100,00", None, true),
    ("-5", None, true),
    ("-0,25", None, true),
    ("0,123456", None, true),
    ("0,1234567", None, false),
    ("999.999.999.999,999999", None, true),
    // `1,420` is 1,420 to a decimal (three decimals), no count.
    ("1,420", None, true),
    ("1.42", None, false),
    ("12.3456", None, false),
    ("1,2,3", None, false),
    ("gần 98", None, false),
    ("hơn 84,5 triệu", None, false),
];

/// Whether a cell of `kind` takes `text`, from the labels above alone.
fn imports(kind: ValueKind, text: &str) -> bool {
    if text.trim().is_empty() {
        return true;
    }
    let (_, count, decimal) = LABELLED_TEXTS
        .iter()
        .find(|(labelled, _, _)| *labelled == text)
        .expect("a labelled text");
    match kind {
        ValueKind::Count => count.is_some(),
        ValueKind::Percent | ValueKind::MillionVnd => *decimal,
        ValueKind::Code { legend } => {
            count.is_some_and(|count| legend.iter().any(|entry| u64::from(entry.code) == count))
        }
    }
}

fn labelled_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => prop::sample::select(vec!["", " ", "\t "]).prop_map(str::to_owned),
        6 => prop::sample::select(LABELLED_TEXTS.map(|(text, _, _)| text).to_vec()).prop_map(str::to_owned),
    ]
}

fn row_strategy() -> impl Strategy<Value = (u8, String, String)> {
    (
        prop_oneof![4 => 1_u8..=7, 1 => any::<u8>()],
        prop_oneof![4 => known_stt(), 1 => "[0-9.]{0,8}", 1 => any::<String>()],
        labelled_text(),
    )
}

/// Which rows are bad, worked out row by row from the catalogue and the
/// labelled texts: a row is bad when its form or STT is unknown, when it
/// puts a value on a heading, when its cell came before, or when its cell's
/// type does not take its text.
fn expected_bad_rows(rows: &[(u8, String, String)]) -> Vec<usize> {
    let mut seen = HashSet::new();
    let mut bad = Vec::new();
    for (position, (form, stt, text)) in rows.iter().enumerate() {
        let is_bad = if (1..=7).contains(form) {
            match lookup(*form, stt) {
                None => true,
                Some(RowKind::Heading(_)) => !text.trim().is_empty(),
                Some(RowKind::Indicator(id)) => {
                    !seen.insert(id) || !imports(id.indicator().kind, text)
                }
            }
        } else {
            true
        };
        if is_bad {
            bad.push(position);
        }
    }
    bad
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_rows_import_or_name_every_bad_row(rows in prop::collection::vec(row_strategy(), 0..40)) {
        let result = Report::from_rows(
            ReportMeta::default(),
            rows.iter().map(|(form, stt, text)| Row::new(*form, stt, text)),
        );
        let bad = expected_bad_rows(&rows);
        match result {
            Ok(report) => {
                prop_assert!(bad.is_empty(), "rows {bad:?} are bad but were accepted");
                let _ = report.validate();
                // Every row that named an indicator is in the report.
                for (form, stt, text) in &rows {
                    if let (Some(id), false) = (CellId::find(*form, stt), text.trim().is_empty()) {
                        prop_assert!(report.cell(id).is_some());
                    }
                }
            }
            Err(Error::Rows(problems)) => {
                prop_assert_eq!(problems.len(), bad.len());
                for (problem, &position) in problems.iter().zip(&bad) {
                    let (form, stt, text) = &rows[position];
                    prop_assert_eq!((problem.form, &problem.stt, &problem.raw), (*form, stt, text));
                    prop_assert!(!problem.to_string().is_empty());
                }
            }
            Err(other) => prop_assert!(false, "not a rows error: {other}"),
        }
    }

    #[test]
    fn arbitrary_tsv_never_panics(text in any::<String>()) {
        if let Ok(rows) = parse_tsv(&text) {
            let _ = Report::from_rows(ReportMeta::default(), rows).map(|report| report.validate());
        }
    }

    #[test]
    fn tab_separated_lines_are_rows_as_written(
        lines in prop::collection::vec((any::<u8>(), known_stt(), cell_text()), 0..20),
        crlf in any::<bool>(),
    ) {
        // A line `form<TAB>stt<TAB>text` (no tab or line end in the text)
        // is the row (form, stt, text), in order, whatever the form, the
        // STT or the text: checking them is `from_rows`'s work.
        let lines: Vec<(u8, String, String)> = lines
            .into_iter()
            .map(|(form, stt, text)| (form, stt, text.replace(['\t', '\n', '\r'], " ")))
            .collect();
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        for (form, stt, cell) in &lines {
            write!(text, "{form}\t{stt}\t{cell}{end}").expect("writing to a string");
        }
        let rows = parse_tsv(&text).expect("every line is a row");
        let rows: Vec<(u8, &str, &str)> = rows.iter().map(|row| (row.form, row.stt, row.text)).collect();
        let expected: Vec<(u8, &str, &str)> = lines
            .iter()
            .map(|(form, stt, text)| (*form, stt.as_str(), text.as_str()))
            .collect();
        prop_assert_eq!(rows, expected);
    }
}

// ---------------------------------------------------------------------------
// Arbitrary JSON
// ---------------------------------------------------------------------------

/// Keys a report's JSON uses, and some it does not.
fn json_key() -> impl Strategy<Value = String> {
    let mut keys: Vec<String> = [
        "meta", "body", "level", "period", "year", "term", "template",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    keys.extend((1..=7).map(|form| format!("form{form}")));
    keys.extend(CATALOGUE.iter().map(|indicator| indicator.key.to_owned()));
    prop_oneof![4 => prop::sample::select(keys), 1 => any::<String>()]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        Just(Value::from(u64::MAX)),
        any::<f64>().prop_map(Value::from),
        Just(Value::from(1e300)),
        decimal().prop_map(|value| Value::from(value.to_string())),
        "-?[0-9]{1,30}(\\.[0-9]{0,10})?".prop_map(Value::from),
        prop::sample::select(vec![
            "province",
            "q1",
            "half_year",
            "581/BNV-CCHC/2022",
            "1e400",
            ""
        ])
        .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((json_key(), inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A valid report's JSON with one place changed: a cell, a form, the
/// metadata, or an unknown field added, replaced by anything.
fn mutated_report_json() -> impl Strategy<Value = Value> {
    (
        valid_report(),
        json_key(),
        json_key(),
        json_value(),
        0_u8..4,
    )
        .prop_map(|(report, outer, inner, value, how)| {
            let mut json = serde_json::to_value(&report).unwrap();
            let Value::Object(document) = &mut json else {
                return json;
            };
            match how {
                0 => {
                    if let Some(Value::Object(form)) = document.get_mut(&outer) {
                        form.insert(inner, value);
                    } else {
                        document.insert(outer, value);
                    }
                }
                1 => {
                    document.insert(outer, value);
                }
                2 => {
                    document.remove(&outer);
                }
                _ => {
                    if let Some(Value::Object(form)) = document.get_mut(&outer) {
                        form.remove(&inner);
                    }
                }
            }
            json
        })
}

/// `Report::from_json` and serde agree, and a refusal names its problems.
fn check_json(text: &str) -> Result<(), TestCaseError> {
    let by_serde = serde_json::from_str::<Report>(text);
    let ours = Report::from_json(text);
    match (&by_serde, &ours) {
        (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
        (Err(_), Err(Error::Json(problems))) => {
            prop_assert!(!problems.is_empty());
            for problem in problems {
                prop_assert!(!problem.message_en.is_empty());
                prop_assert!(!problem.message_vi.is_empty());
                prop_assert!(!problem.to_string().is_empty());
            }
        }
        _ => prop_assert!(
            false,
            "serde says {:?} but from_json says {:?}",
            by_serde.as_ref().map(|_| ()),
            ours.as_ref().map(|_| ())
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_json_is_refused_cleanly(value in json_value()) {
        check_json(&value.to_string())?;
    }

    #[test]
    fn a_report_json_changed_in_one_place_is_read_or_refused_cleanly(value in mutated_report_json()) {
        check_json(&value.to_string())?;
    }

    #[test]
    fn arbitrary_text_is_refused_cleanly(text in any::<String>()) {
        check_json(&text)?;
    }
}

#[test]
fn deep_nesting_and_huge_numbers_are_refused_cleanly() {
    let deep_arrays = "[".repeat(100_000) + &"]".repeat(100_000);
    let deep_objects = "{\"meta\":".repeat(50_000) + "null" + &"}".repeat(50_000);
    let valid = serde_json::to_value(cchc_forms::samples::bac_giang_2023_q3()).unwrap();
    let mut huge_count = valid.clone();
    huge_count["form3"]["resolved_departments"] = Value::from(u64::MAX);
    let huge_count = huge_count
        .to_string()
        .replace("18446744073709551615", "18446744073709551616");
    let mut deep_cell = valid.clone();
    deep_cell["form3"]["resolved_departments"] = Value::from("DEEP");
    let deep_cell = deep_cell
        .to_string()
        .replace("\"DEEP\"", &("[".repeat(10_000) + &"]".repeat(10_000)));
    let mut cases = vec![
        deep_arrays,
        deep_objects,
        huge_count,
        deep_cell,
        "1e400".to_owned(),
        "-".to_owned(),
    ];
    for (key, value) in [
        ("resolved_departments", Value::from(1e300)),
        ("resolved_departments", Value::from(-1)),
        ("resolved_departments", Value::from(1.5)),
        ("on_time_rate_departments", Value::from("1234567890123")),
        ("on_time_rate_departments", Value::from("99.1234567")),
        ("on_time_rate_departments", Value::from(99.3)),
        ("on_time_rate_departments", Value::from("9".repeat(10_000))),
    ] {
        let mut json = valid.clone();
        json["form3"][key] = value;
        cases.push(json.to_string());
    }
    for text in &cases {
        let by_serde = serde_json::from_str::<Report>(text);
        let ours = Report::from_json(text);
        assert!(by_serde.is_err(), "{text:.80}");
        let Err(Error::Json(problems)) = ours else {
            panic!("accepted {text:.80}");
        };
        assert!(!problems.is_empty());
    }
}
