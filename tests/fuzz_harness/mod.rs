//! The fuzz harnesses, one per entry point that takes untrusted input.
//!
//! Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, which
//! include this file) and by `tests/fuzz_corpus.rs`, which replays every
//! file of the committed corpus (`fuzz/corpus/<target>/`) through them on
//! stable, so that a regression shows in `cargo test` too.
//!
//! Each harness checks more than "does not panic" where an oracle exists:
//! a parsed number prints back to the same digits, a report read from any
//! input reads back equal from its own JSON and rows, and gives the same
//! findings after either round trip; a rejection names at most
//! [`MAX_PROBLEMS`] problems, each echoing a bounded text.

#![allow(dead_code)] // each fuzz target uses one harness

use arbitrary::{Arbitrary, Unstructured};
use cchc_forms::catalogue::{CELL_COUNT, CellId};
use cchc_forms::number::{
    MAX_INTEGER_DIGITS, format_count, format_decimal, parse_count, parse_decimal,
};
use cchc_forms::unit::Printed;
use cchc_forms::{
    Error, Findings, Level, MAX_ECHO_CHARS, MAX_PROBLEMS, Period, Report, ReportMeta, Term,
    decode_text, printed, rows, samples,
};

/// A harness: it takes the fuzzer's bytes and panics on a broken promise.
pub type Harness = fn(&[u8]);

/// The harnesses by name, as the fuzz targets and corpus directories are named.
pub const TARGETS: [(&str, Harness); 8] = [
    ("number", number),
    ("tsv", tsv),
    ("printed", printed),
    ("decode", decode),
    ("json", json),
    ("findings_json", findings_json),
    ("meta", meta),
    ("report", report),
];

/// The digits a number's text stands for: grouping dots dropped, leading
/// zeros of the integer part dropped (one kept), the decimal comma and the
/// digits after it kept as written.
fn canonical_digits(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let (integer, fraction) = kept.split_once(',').unwrap_or((&kept, ""));
    let integer = integer.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    if kept.contains(',') {
        format!("{integer},{fraction}")
    } else {
        integer.to_owned()
    }
}

/// The Vietnamese number parser: whatever it accepts prints back to the
/// same digits (grouping and leading zeros aside), with the same precision
/// and sign, and parses again to the same value.
pub fn number(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let count = parse_count(text);
    if let Ok(value) = count {
        let printed = format_count(value);
        assert_eq!(parse_count(&printed), Ok(value), "{text:?} → {printed:?}");
        assert_eq!(
            canonical_digits(&printed),
            canonical_digits(text),
            "{text:?}"
        );
        assert!(
            !text.contains(',') && !text.contains('-'),
            "{text:?} is a count"
        );
    }
    match parse_decimal(text) {
        Ok(value) => {
            let printed = format_decimal(&value);
            let again = parse_decimal(&printed).expect("a printed decimal parses");
            assert_eq!((again, again.scale()), (value, value.scale()), "{text:?}");
            assert_eq!(
                canonical_digits(&printed),
                canonical_digits(text),
                "{text:?}"
            );
            assert_eq!(
                printed.starts_with('-'),
                !value.is_zero() && text.trim_start().starts_with('-'),
                "{text:?} → {printed:?}"
            );
            // A count is a decimal without decimals, of the same value.
            if let Ok(count) = count {
                assert_eq!(value, cchc_forms::Decimal::from(count), "{text:?}");
            }
        }
        Err(error) => {
            // A count the decimal parser refuses is printed with more
            // digits than a decimal holds (leading zeros count: `06`).
            if count.is_ok() {
                let digits = text.chars().filter(char::is_ascii_digit).count();
                assert!(digits > MAX_INTEGER_DIGITS, "{text:?}: {error}");
            }
            assert!(!error.message_en().is_empty() && !error.message_vi().is_empty());
        }
    }
}

/// What every rejection promises: at most [`MAX_PROBLEMS`] problems listed
/// (the rest counted), each echoing at most [`MAX_ECHO_CHARS`] characters of
/// the text (and a few of escaping), and a message in both languages.
fn check_error(error: &Error) {
    let cells = error.cells();
    assert!(
        cells.len() <= MAX_PROBLEMS,
        "{} problems listed",
        cells.len()
    );
    for cell in cells {
        // An echo is cut at MAX_ECHO_CHARS characters, each escaped in at
        // most 10 (`\u{10ffff}`), plus the ellipsis.
        assert!(
            cell.raw.chars().count() <= MAX_ECHO_CHARS * 10 + 1,
            "echo of {} characters",
            cell.raw.chars().count()
        );
        assert!(!cell.message_vi().is_empty() && !cell.message_en().is_empty());
    }
    assert!(!error.to_string().is_empty());
}

/// A report read from any input survives its own JSON and its own rows,
/// and both give the same findings as the report itself (so a report that
/// validates clean stays clean).
pub fn round_trip(report: &Report) {
    let findings = report.validate();
    let json = serde_json::to_string(report).expect("a report serializes");
    let meta_problems = report.meta.problems();
    if !meta_problems.is_empty() {
        // Metadata the template refuses (a district after 1 July 2025),
        // which only a report built in code can hold: the readers refuse it.
        let owned = report.to_rows();
        let rows = owned.iter().map(rows::OwnedRow::as_row);
        for result in [
            Report::from_json(&json),
            Report::from_rows(report.meta.clone(), rows),
        ] {
            match result {
                Err(Error::Meta(problems)) => assert_eq!(problems, meta_problems),
                Err(Error::Rows(problems)) => assert!(
                    problems
                        .iter()
                        .any(|p| matches!(p.problem, cchc_forms::CellProblem::Metadata(_)))
                ),
                other => panic!("refused metadata read back: {other:?}"),
            }
        }
        return;
    }
    let from_json = Report::from_json(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(&from_json, report, "JSON round trip");
    let owned = report.to_rows();
    let from_rows = Report::from_rows(
        report.meta.clone(),
        owned.iter().map(rows::OwnedRow::as_row),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&from_rows, report, "rows round trip");
    assert_eq!(from_json.validate(), findings);
    assert_eq!(from_rows.validate(), findings);
    // The findings survive their own JSON too.
    let text = serde_json::to_string(&findings).expect("findings serialize");
    let back: Findings = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back, findings, "findings JSON round trip");
}

/// Tab-separated rows with `#!` metadata.
pub fn tsv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match rows::read_tsv(text) {
        Ok(imported) => round_trip(&imported.report),
        Err(error) => check_error(&error),
    }
    if let Ok(parsed) = rows::parse_tsv(text) {
        match Report::from_rows(ReportMeta::default(), parsed) {
            Ok(report) => round_trip(&report),
            Err(error) => check_error(&error),
        }
    }
}

/// The printed forms as copied from a report document.
pub fn printed(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = printed::looks_printed(text);
    match printed::read_printed(text) {
        Ok(imported) => round_trip(&imported.report),
        Err(error) => check_error(&error),
    }
}

/// A file's bytes: what decodes is the same text, re-encoded the way it came.
pub fn decode(data: &[u8]) {
    let decoded = decode_text(data);
    let owned = cchc_forms::decode::decode_owned(data.to_vec());
    match (&decoded, &owned) {
        (Ok(text), Ok(owned)) => assert_eq!(text.as_ref(), owned.as_str()),
        (Err(error), Err(again)) => {
            assert_eq!(error.to_string(), again.to_string());
            check_error(error);
            return;
        }
        _ => panic!("decode_text and decode_owned disagree"),
    }
    let text = decoded.expect("checked above");
    let encoded: Vec<u8> = if let Some(rest) = data.strip_prefix(b"\xEF\xBB\xBF") {
        assert_eq!(text.as_bytes(), rest);
        data.to_vec()
    } else if data.starts_with(&[0xFF, 0xFE]) {
        [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    } else if data.starts_with(&[0xFE, 0xFF]) {
        [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect()
    } else {
        text.as_bytes().to_vec()
    };
    assert_eq!(encoded, data, "decoded text re-encodes to its bytes");
    // What decodes goes on to the readers.
    if printed::looks_printed(&text) {
        if let Err(error) = printed::read_printed(&text) {
            check_error(&error);
        }
    } else if let Err(error) = rows::read_tsv(&text) {
        check_error(&error);
    }
}

/// A report as JSON.
pub fn json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Report::from_json(text) {
        Ok(report) => round_trip(&report),
        Err(error) => check_error(&error),
    }
}

/// Findings as JSON (as a consumer sends them back): what reads, writes and
/// reads back equal.
pub fn findings_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(findings) = serde_json::from_str::<Findings>(text) {
        let again = serde_json::to_string(&findings).expect("findings serialize");
        let back: Findings =
            serde_json::from_str(&again).unwrap_or_else(|e| panic!("{e}\n{again}"));
        assert_eq!(back, findings);
        for finding in &findings {
            let _ = (
                finding.message_vi().to_string(),
                finding.message_en().to_string(),
            );
        }
    }
}

/// `#!` metadata lines: what reads is a report's metadata, which survives
/// the report's JSON.
pub fn meta(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match rows::read_meta(text) {
        Ok(meta) => {
            let _ = meta.problems();
            round_trip(&Report::new(meta));
        }
        Err(error) => check_error(&error),
    }
}

/// Which report an arbitrary one starts from.
#[derive(Debug, Arbitrary)]
enum Base {
    Blank,
    Sample,
    Clean,
}

/// A change to one cell.
#[derive(Debug, Arbitrary)]
enum Value {
    Blank,
    /// A small whole number.
    Small(u16),
    /// Any printed value (the decimals taken modulo 8, so that some are
    /// refused by the cell's type).
    Any(i64, u8),
    /// The current value moved by a little, in its last printed digit.
    Nudge(i8),
    /// The current value with one more or one fewer decimal.
    Rescale(bool),
}

/// One edit of an arbitrary report.
#[derive(Debug, Arbitrary)]
struct Edit {
    cell: u8,
    value: Value,
}

/// An arbitrary report: a base, its metadata, some edits.
#[derive(Debug, Arbitrary)]
struct ReportInput {
    base: Base,
    year: Option<u16>,
    term: u8,
    level: Option<u8>,
    edits: Vec<Edit>,
    locate: bool,
}

/// The sample made consistent: every check passes.
pub fn clean_sample() -> Report {
    let mut report = samples::bac_giang_2023_q3().with_derivable_blanks_filled();
    for (form, stt, value) in [(3, "1.4", 1896), (4, "1.5", 840), (4, "1.5.3", 721)] {
        report
            .set_cell(CellId::of(form, stt), Some(Printed::whole(value)))
            .expect("a valid count");
    }
    report
}

fn build(input: &ReportInput) -> Report {
    let mut report = match input.base {
        Base::Blank => Report::new(ReportMeta::default()),
        Base::Sample => samples::bac_giang_2023_q3(),
        Base::Clean => clean_sample(),
    };
    report.meta.period = input.year.map(|year| Period {
        year: 2000 + year % 100,
        term: [Term::Q1, Term::HalfYear, Term::Q3, Term::Year][usize::from(input.term % 4)],
    });
    report.meta.level = input.level.map(|level| {
        [
            Level::Ministry,
            Level::Province,
            Level::District,
            Level::Commune,
        ][usize::from(level % 4)]
    });
    for edit in &input.edits {
        let Some(id) = CellId::from_index(usize::from(edit.cell) % CELL_COUNT) else {
            continue;
        };
        let current = report.cell(id).unwrap_or(Printed::whole(0));
        let value = match edit.value {
            Value::Blank => None,
            Value::Small(value) => Some(Printed::whole(i128::from(value))),
            Value::Any(mantissa, decimals) => Some(Printed {
                mantissa: i128::from(mantissa),
                decimals: u32::from(decimals % 8),
            }),
            Value::Nudge(delta) => Some(Printed {
                mantissa: current.mantissa.saturating_add(i128::from(delta)),
                decimals: current.decimals,
            }),
            Value::Rescale(more) => Some(if more {
                Printed {
                    mantissa: current.mantissa.saturating_mul(10),
                    decimals: current.decimals + 1,
                }
            } else {
                Printed {
                    mantissa: current.mantissa / 10,
                    decimals: current.decimals.saturating_sub(1),
                }
            }),
        };
        // A value the cell's type cannot hold leaves the report unchanged.
        let before = report.clone();
        if report.set_cell(id, value).is_err() {
            assert_eq!(report, before, "a refused value changed the report");
        }
    }
    report
}

/// Validation and localisation of an arbitrary report (structured input):
/// the clean path agrees with the exact evaluators, `check` with
/// `validate`, the findings survive the report's round trips, and every
/// set of cells localisation proposes repairs every error.
pub fn report(data: &[u8]) {
    let Ok(input) = ReportInput::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let report = build(&input);
    let findings = report.validate();
    assert_eq!(
        report.validate_exactly(),
        findings,
        "clean path and exact evaluators"
    );
    assert_eq!(report.check().findings, findings);
    for finding in &findings {
        let _ = (
            finding.message_vi().to_string(),
            finding.message_en().to_string(),
        );
    }
    round_trip(&report);
    if input.locate {
        let located = report.locate();
        if !findings.has_errors() {
            assert!(
                located.sets.is_empty(),
                "a report without errors needs no change"
            );
        }
        for set in &located.sets {
            assert!(
                !set.apply(&report).validate().has_errors(),
                "a proposed set does not repair {report:?}\n{set:?}"
            );
        }
    }
}
