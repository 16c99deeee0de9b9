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
use cchc_forms::bnv581::CELL_COUNT;
use cchc_forms::catalogue::CellId;
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
pub const TARGETS: [(&str, Harness); 11] = [
    ("number", number),
    ("tsv", tsv),
    ("printed", printed),
    ("decode", decode),
    ("json", json),
    ("findings_json", findings_json),
    ("meta", meta),
    ("report", report),
    ("across", across),
    ("docx", docx),
    ("xlsx", xlsx),
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

/// A Word document's bytes (`cchc_forms::office`): a report read from it
/// survives its round trips; a rejection is bounded, and each of its
/// problems has a place in the document, never a line of text; reading
/// by kind gives the same.
pub fn docx(data: &[u8]) {
    office(
        data,
        cchc_forms::office::read_docx(data),
        cchc_forms::office::Kind::Docx,
    );
}

/// An Excel workbook's bytes: as [`docx`].
pub fn xlsx(data: &[u8]) {
    office(
        data,
        cchc_forms::office::read_xlsx(data),
        cchc_forms::office::Kind::Xlsx,
    );
}

fn office(
    data: &[u8],
    result: Result<cchc_forms::Imported, Error>,
    kind: cchc_forms::office::Kind,
) {
    if cchc_forms::office::Kind::sniff(data) == kind {
        assert_eq!(cchc_forms::office::read(data), result);
    }
    match result {
        Ok(imported) => {
            assert!(
                imported
                    .warnings
                    .iter()
                    .all(|warning| warning.line.is_none())
            );
            round_trip(&imported.report);
        }
        Err(error) => {
            assert!(error.cells().iter().all(|cell| cell.line.is_none()));
            check_error(&error);
        }
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
    // The bytes' own text, before it is put in normal form C.
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| -> String {
        char::decode_utf16(rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])))
            .collect::<Result<String, _>>()
            .expect("decoded above")
    };
    let original: String = if let Some(rest) = data.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest).expect("decoded above").to_owned()
    } else if let Some(rest) = data.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = data.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)
    } else {
        std::str::from_utf8(data).expect("decoded above").to_owned()
    };
    assert!(!text.contains('\0'), "a NUL byte is refused");
    assert_eq!(
        text.as_ref(),
        unicode_normalization::UnicodeNormalization::nfc(original.as_str()).collect::<String>(),
        "decoded text is its bytes' text in normal form C"
    );
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
    samples::bac_giang_2023_q3_consistent()
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

/// One report among several: an arbitrary report, one of three bodies, a
/// period of one of three years (or none).
#[derive(Debug, Arbitrary)]
struct MemberInput {
    report: ReportInput,
    body: u8,
    period: Option<(u8, u8)>,
}

/// Several arbitrary reports, and a seed for a valid series.
#[derive(Debug, Arbitrary)]
struct AcrossInput {
    members: Vec<MemberInput>,
    seed: Option<[u8; 32]>,
}

/// The bodies the reports are of: few, so that series form.
const BODIES: [&str; 3] = ["UBND tỉnh Bắc Giang", "UBND tỉnh Lạng Sơn", ""];

/// The most reports one input makes.
const MOST_MEMBERS: usize = 8;

/// A printed value as a decimal of the same digits.
fn decimal_of(value: Printed) -> cchc_forms::Decimal {
    cchc_forms::Decimal::try_from_i128_with_scale(value.mantissa, value.decimals)
        .expect("a cell's value is a decimal")
}

/// The checks across reports and the adding up, on arbitrary reports of a
/// few bodies and periods (structured input):
/// - grouping places every report once or sets it aside, each series of
///   one body, year and term per report, and `check_reports` sets aside
///   the same; its findings are of the families `period` and `derived`,
///   with messages, and survive JSON (as a consumer sends them back);
/// - adding up refuses exactly the members without a period or of another
///   period than the first, and those of a body given before; otherwise every summed row is the sum of the members' values
///   worked out here with `Decimal`, or blank because a member left it
///   blank (those counted and the first 10 named), or because the sum does
///   not fit the cell; every code row counts every member once; checking
///   the total names members that exist, at most `MAX_NAMED_MEMBERS`;
/// - with the `proptest` feature, a valid series drawn from the seed
///   (`strategies::valid_series`) has no finding across its reports.
pub fn across(data: &[u8]) {
    let Ok(input) = AcrossInput::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };
    let reports: Vec<Report> = input
        .members
        .iter()
        .take(MOST_MEMBERS)
        .map(|member| {
            let mut report = build(&member.report);
            BODIES[usize::from(member.body) % BODIES.len()].clone_into(&mut report.meta.body);
            report.meta.period = member.period.map(|(year, term)| Period {
                year: 2022 + u16::from(year % 3),
                term: Term::ALL[usize::from(term % 4)],
            });
            report
        })
        .collect();

    series_oracles(&reports);
    aggregate_oracles(&reports);

    #[cfg(feature = "proptest")]
    if let Some(seed) = input.seed {
        valid_series_has_no_finding(seed);
    }
    #[cfg(not(feature = "proptest"))]
    let _ = input.seed;
}

/// Grouping and the checks across periods (see [`across`]).
fn series_oracles(reports: &[Report]) {
    use cchc_forms::cross::{CrossFamily, CrossFindings};
    use cchc_forms::series::{Series, check_reports};

    // Series: every report placed once or set aside.
    let grouping = Series::group(reports);
    let mut placed = 0;
    for series in &grouping.series {
        for term in Term::ALL {
            if let Some(report) = series.report(term) {
                placed += 1;
                assert!(report.meta.body_key().is_some());
                assert_eq!(
                    report.meta.body_key(),
                    cchc_forms::BodyKey::of(series.body())
                );
                assert_eq!(report.meta.period, Some(Period::new(series.year(), term)));
            }
        }
    }
    assert_eq!(placed + grouping.unplaced.len(), reports.len());
    let checked = check_reports(reports);
    assert_eq!(checked.unplaced, grouping.unplaced);
    for finding in &checked.findings {
        let prefix = match finding.family {
            CrossFamily::Period => "period:",
            CrossFamily::Derived => "derived:",
            CrossFamily::Aggregate => panic!("an aggregate finding in a series"),
        };
        assert!(finding.rule.starts_with(prefix), "{}", finding.rule);
        assert!(!finding.cells.is_empty(), "{}", finding.rule);
        assert!(!finding.message_en().is_empty() && !finding.message_vi().is_empty());
    }
    let json = serde_json::to_string(&checked.findings).expect("findings serialize");
    let back: CrossFindings = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(back, checked.findings);
}

/// Adding up and checking the total (see [`across`]).
fn aggregate_oracles(reports: &[Report]) {
    use cchc_forms::aggregate::{BlankReason, Total, aggregate};
    use cchc_forms::bnv581::CATALOGUE;
    use cchc_forms::catalogue::Aggregation;
    use cchc_forms::cross::CrossFamily;

    // Adding up: members of another period than the first are refused.
    match aggregate("Tổng hợp", reports) {
        Err(Error::Members(problems)) => {
            // Refused: every member without a period or of another period
            // than the first's, and every member of a body given before
            // (a body not given is no body).
            let expected: Vec<usize> = match reports.first() {
                None => vec![0],
                Some(first) => {
                    let mut seen = std::collections::HashSet::new();
                    (0..reports.len())
                        .filter(|&i| {
                            let meta = &reports[i].meta;
                            meta.period.is_none()
                                || (first.meta.period.is_some() && meta.period != first.meta.period)
                                || meta.body_key().is_some_and(|key| !seen.insert(key))
                        })
                        .collect()
                }
            };
            let found: Vec<usize> = problems.iter().map(|p| p.index).collect();
            assert_eq!(found, expected);
        }
        Err(error) => panic!("adding up failed with {error}"),
        Ok(total) => {
            assert!(
                reports
                    .iter()
                    .all(|r| r.meta.period.is_some() && r.meta.period == reports[0].meta.period)
            );
            for indicator in &CATALOGUE {
                let id = indicator.id;
                let values: Vec<Option<Printed>> = reports.iter().map(|r| r.cell(id)).collect();
                let blanks: Vec<usize> =
                    (0..values.len()).filter(|&i| values[i].is_none()).collect();
                let made = total.total(id).expect("every row has its total");
                match indicator.aggregation() {
                    Aggregation::Sum | Aggregation::SumOfInstances => match made {
                        Total::Sum | Total::SumOfInstances => {
                            assert!(blanks.is_empty(), "{id:?}");
                            let sum: cchc_forms::Decimal =
                                values.iter().flatten().map(|&v| decimal_of(v)).sum();
                            let got = total.report.cell(id).map(decimal_of);
                            assert_eq!(got, Some(sum), "{id:?}: the sum of {values:?}");
                        }
                        Total::Blank(BlankReason::BlankInMembers { count, first }) => {
                            assert_eq!(*count, blanks.len(), "{id:?}");
                            assert_eq!(first[..], blanks[..blanks.len().min(10)], "{id:?}");
                            assert_eq!(total.report.cell(id), None);
                        }
                        Total::Blank(BlankReason::TooLarge) => {
                            assert!(blanks.is_empty(), "{id:?}");
                            let sum: cchc_forms::Decimal =
                                values.iter().flatten().map(|&v| decimal_of(v)).sum();
                            let printed = Printed {
                                mantissa: sum.mantissa(),
                                decimals: sum.scale(),
                            };
                            let mut fresh = Report::new(ReportMeta::default());
                            assert!(
                                fresh.set_cell(id, Some(printed)).is_err(),
                                "{id:?}: {sum} fits its cell"
                            );
                        }
                        Total::Blank(BlankReason::NotApplicable) => {}
                        other => panic!("{id:?}: a summed row made {other:?}"),
                    },
                    Aggregation::Distribution => {
                        if let Total::Distribution { counts, blank } = made {
                            let given: u32 = counts.iter().sum();
                            assert_eq!(
                                usize::try_from(given + blank).unwrap(),
                                reports.len(),
                                "{id:?}"
                            );
                            assert_eq!(usize::try_from(*blank).unwrap(), blanks.len());
                        }
                    }
                    _ => {}
                }
            }
            for finding in &total.validate() {
                assert!(finding.rule.starts_with("aggregate:"), "{}", finding.rule);
                assert_eq!(finding.family, CrossFamily::Aggregate);
                let named: Vec<usize> = finding.cells.iter().filter_map(|c| c.member).collect();
                assert!(named.iter().all(|&m| m < reports.len()));
                let mut distinct = named.clone();
                distinct.dedup();
                assert!(distinct.len() <= cchc_forms::MAX_NAMED_MEMBERS);
            }
        }
    }
}

/// A valid series drawn from `seed` (`strategies::valid_series`): no
/// finding across its reports, none set aside.
#[cfg(feature = "proptest")]
fn valid_series_has_no_finding(seed: [u8; 32]) {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let year = cchc_forms::strategies::valid_series()
        .new_tree(&mut runner)
        .expect("a valid series")
        .current();
    let checked = cchc_forms::series::check_reports(&year);
    assert!(checked.findings.is_empty(), "{:#?}", checked.findings);
    assert!(checked.unplaced.is_empty());
}
