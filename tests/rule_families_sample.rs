//! The rules of the share, reference, covers and implies families, and the
//! directed sums, each on the Bắc Giang Q3/2023 sample with one
//! figure changed (two where one cannot break the rule), the arithmetic
//! worked by hand beside it.
//!
//! The sample itself has four findings (`derivable:1/2`, `derivable:6/1`,
//! `sum:3/1.4` and `across:4/1.5==6/2.1`); each test says which findings
//! its change adds to those, with their severity and cells.

use cchc_forms::bnv581::CATALOGUE;
use cchc_forms::bnv581::RULES;
use cchc_forms::catalogue::{Aggregation, CellId, PeriodClass, Weight};
use cchc_forms::check::Outcome;
use cchc_forms::{Finding, Reference, ReferenceCount, Report, Severity, samples};

fn cell(form: u8, stt: &str) -> CellId {
    CellId::of(form, stt)
}

/// The sample with some cells set from their printed text ("" blanks).
fn sample_with(changes: &[(u8, &str, &str)]) -> Report {
    let mut report = samples::bac_giang_2023_q3();
    for &(form, stt, text) in changes {
        report.set_cell_text(cell(form, stt), text).unwrap();
    }
    report
}

/// The reference counts of Bắc Giang: 10 districts and cities and 209
/// communes (the report's narrative: "10 huyện, thành phố, 209 xã,
/// phường, thị trấn"); 19 departments.
const BAC_GIANG: Reference = Reference {
    departments: Some(19),
    districts: Some(10),
    communes: Some(209),
};

const BASELINE: [&str; 4] = [
    "derivable:1/2",
    "derivable:6/1",
    "sum:3/1.4",
    "across:4/1.5==6/2.1",
];

/// The findings beyond the sample's own four, as (rule, severity, cells).
fn added(report: &Report) -> Vec<(String, Severity, Vec<CellId>)> {
    report
        .validate()
        .iter()
        .filter(|f| !BASELINE.contains(&f.rule.as_str()))
        .map(|f: &Finding| (f.rule.as_str().to_owned(), f.severity, f.cells.to_vec()))
        .collect()
}

fn finding(rule: &str, severity: Severity, cells: &[CellId]) -> (String, Severity, Vec<CellId>) {
    (rule.to_owned(), severity, cells.to_vec())
}

fn outcome(report: &Report, id: &str) -> Outcome {
    let position = RULES.iter().position(|rule| rule.id == id).unwrap();
    report.check().outcomes[position]
}

// ---------------------------------------------------------------------------
// The sample
// ---------------------------------------------------------------------------

/// Worked out before running: every new rule holds on the sample or is not
/// evaluated (the reference counts are not printed).
/// - 7: 6.2.1 = 428 ≤ 6.3.1 + 6.4.1 = 32.483 + 104.324 = 136.807; 6.2.2 =
///   403 ≤ 30.421 + 87.034 = 117.455; 6.3.2 + 6.4.2 ≥ 1 and 6.2.2 = 403 ≥ 1;
///   6.3.1 + 6.4.1 ≥ 1 and 6.2.1 = 428 ≥ 1; 6.3.1 ≥ 1 and 6.1.2 = 951 ≥ 1.
/// - 1: 6 = 1, 6.1 = 1.420 ≥ 1, 6.2 = 1 reported; 4.1 = 3 ≠ 0; 3.3.1 = 7 and
///   3.1 + 3.2 = 10 + 5 = 15 ≥ 1; 4.2 = 100 = 100 × 3 / 3.
/// - 5/1.3 = 0 ≤ 1/4.1 = 3; 5/1.2 = 802 ≤ 6/2.1 = 840; 15 + 0 + 0 ≤ 1.964;
///   592 + 0 ≤ 31.360; 3/1.1 = 23 and 3/1.2 = 135 ≤ 1.902; 7/6.2.1 = 428 ≤ 1.902;
///   3/1.4.1, 1.4.2, 1.4.3 = 1.486, 255, 155, none 0.
/// - No rate printed 100 has its numerator below its denominator: 7/7, 2/2,
///   3/3, 5/5, 951/951, 428/428.
/// - 6/2.1 = 840 = 0 + 47 + 363 + 430; 3/1.4: 1.486 + 255 + 155 = 1.896 <
///   1.902, below the total: still the error.
#[test]
fn the_sample_gains_no_finding() {
    let sample = samples::bac_giang_2023_q3();
    let rules: Vec<&str> = sample.validate().iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, BASELINE);
    let sum = sample
        .validate()
        .of_rule("sum:3/1.4")
        .next()
        .unwrap()
        .clone();
    assert_eq!(sum.severity, Severity::Error);
    // With the reference counts: 4/1.1 = 100 = 100 × 19 / 19, every share
    // of form 7 row 5 is 100 = 100 × n / n; 1/3.1 = 10 ≤ 19, 1/3.2 = 5 ≤ 10.
    let mut known = sample.clone();
    known.meta.reference = BAC_GIANG;
    assert_eq!(known.validate(), sample.validate());
    for rule in RULES
        .iter()
        .filter(|rule| rule.id.starts_with("share:") || rule.id.starts_with("reference:"))
    {
        let without = outcome(&sample, rule.id);
        let with = outcome(&known, rule.id);
        assert_eq!(with, Outcome::Passed, "{}", rule.id);
        let expected = if rule.id == "share:1/4.2" {
            Outcome::Passed // its population is a row of the form
        } else {
            Outcome::NotEvaluated // never guessed
        };
        assert_eq!(without, expected, "{}", rule.id);
    }
}

#[test]
fn the_new_rules_and_their_severities() {
    let severity = |id: &str| RULES.iter().find(|rule| rule.id == id).unwrap().severity;
    for id in [
        "covers:7/6.2.1<=7/6.3.1+7/6.4.1",
        "covers:7/6.2.2<=7/6.3.2+7/6.4.2",
        "implies:7/6.3.2+7/6.4.2>=1=>7/6.2.2>=1",
        "implies:7/6.3.1+7/6.4.1>=1=>7/6.2.1>=1",
        "implies:7/6.3.1>=1=>7/6.1.2>=1",
    ] {
        assert_eq!(severity(id), Severity::Error, "{id}");
    }
    for id in [
        "implies:1/6==1=>1/6.1>=1",
        "implies:1/4.1==0=>1/4.2:blank",
        "implies:1/3.3.1>=1=>1/3.1+1/3.2>=1",
        "implies:3/1.4.1==0=>3/3.1.1==0",
        "implies:3/1.4.2==0=>3/3.2.1==0",
        "implies:3/1.4.3==0=>3/3.3.1==0",
        "share:1/4.2",
        "share:4/1.1",
        "share:4/1.2",
        "share:7/5.1.1",
        "share:7/5.1.2",
        "share:7/5.1.3",
        "share:7/5.3.1",
        "share:7/5.3.2",
        "share:7/5.3.3",
        "reference:1/3.1<=departments",
        "reference:1/3.2<=districts",
        "across:5/1.3<=1/4.1",
        "across:5/1.2<=6/2.1",
        "across:5/2.1+5/2.2+5/2.3<=4/2.1",
        "across:5/2.4+5/2.5<=4/3.2",
        "across:7/6.2.1<=3/1.4",
        "part:3/1.1<=3/1.4",
        "part:3/1.2<=3/1.4",
    ] {
        assert_eq!(severity(id), Severity::Warning, "{id}");
    }
    assert_eq!(severity("implies:1/6==1=>1/6.2:reported"), Severity::Info);
    let full: Vec<_> = RULES
        .iter()
        .filter(|rule| rule.id.starts_with("full:"))
        .collect();
    assert_eq!(full.len(), 14, "one per ratio");
    assert!(full.iter().all(|rule| rule.severity == Severity::Info));
    assert_eq!(RULES.len(), 153);
}

// ---------------------------------------------------------------------------
// Form 7, certain
// ---------------------------------------------------------------------------

/// 6.2.1 = 136.808 > 6.3.1 + 6.4.1 = 32.483 + 104.324 = 136.807. The same
/// change breaks the rate 6.2 (100 × 403 / 136.808 = 0,29 %, not 94,16) and
/// 7/6.2.1 ≤ 3/1.4 (136.808 > 1.902).
#[test]
fn services_with_dossiers_cannot_outnumber_the_dossiers() {
    let report = sample_with(&[(7, "6.2.1", "136.808")]);
    assert_eq!(
        added(&report),
        [
            finding(
                "ratio:7/6.2",
                Severity::Error,
                &[cell(7, "6.2"), cell(7, "6.2.2"), cell(7, "6.2.1")]
            ),
            finding(
                "across:7/6.2.1<=3/1.4",
                Severity::Warning,
                &[cell(3, "1.4"), cell(7, "6.2.1")]
            ),
            finding(
                "covers:7/6.2.1<=7/6.3.1+7/6.4.1",
                Severity::Error,
                &[cell(7, "6.2.1"), cell(7, "6.3.1"), cell(7, "6.4.1")],
            ),
        ]
    );
    let covers = report
        .validate()
        .of_rule("covers:7/6.2.1<=7/6.3.1+7/6.4.1")
        .next()
        .unwrap()
        .clone();
    assert_eq!(
        covers.computed.map(|c| c.to_string()).as_deref(),
        Some("136807")
    );
    assert_eq!(
        covers.imbalance.map(|c| c.to_string()).as_deref(),
        Some("1")
    );
    assert_eq!(
        covers.message_en().to_string(),
        "Form 7: row 6.2.1 = 136808 exceeds row 6.3.1 + row 6.4.1 = 32483 + 104324 = 136807. Every online service \
         that had dossiers has at least one among the dossiers of fully or partly online services."
    );
    assert!(
        covers
            .message_vi()
            .to_string()
            .starts_with("Biểu 7: mục 6.2.1 = 136.808 vượt quá")
    );
    // At the limit it holds: 136.807 ≤ 136.807.
    let report = sample_with(&[(7, "6.2.1", "136.807")]);
    assert_eq!(
        outcome(&report, "covers:7/6.2.1<=7/6.3.1+7/6.4.1"),
        Outcome::Passed
    );
    // A blank cover could be large: not evaluated.
    let report = sample_with(&[(7, "6.2.1", "136.808"), (7, "6.4.1", "")]);
    assert_eq!(
        outcome(&report, "covers:7/6.2.1<=7/6.3.1+7/6.4.1"),
        Outcome::NotEvaluated
    );
}

/// 6.2.2 = 117.456 > 6.3.2 + 6.4.2 = 30.421 + 87.034 = 117.455; it also
/// exceeds 6.2.1 = 428 (part:7/6.2.2<=7/6.2.1) and breaks the rate 6.2
/// (100 × 117.456 / 428 ≠ 94,16).
#[test]
fn services_with_online_dossiers_cannot_outnumber_the_online_dossiers() {
    let report = sample_with(&[(7, "6.2.2", "117.456")]);
    let rules: Vec<String> = added(&report).into_iter().map(|(rule, ..)| rule).collect();
    assert_eq!(
        rules,
        [
            "ratio:7/6.2",
            "part:7/6.2.2<=7/6.2.1",
            "covers:7/6.2.2<=7/6.3.2+7/6.4.2"
        ]
    );
    let covers = added(&report).pop().unwrap();
    assert_eq!(
        covers,
        finding(
            "covers:7/6.2.2<=7/6.3.2+7/6.4.2",
            Severity::Error,
            &[cell(7, "6.2.2"), cell(7, "6.3.2"), cell(7, "6.4.2")],
        )
    );
}

/// 6.2.2 = 0 while 6.3.2 + 6.4.2 = 30.421 + 87.034 = 117.455 ≥ 1: online
/// dossiers without a service that had online dossiers. The rate 6.2 breaks
/// too (100 × 0 / 428 = 0, not 94,16).
#[test]
fn online_dossiers_need_a_service_with_online_dossiers() {
    let report = sample_with(&[(7, "6.2.2", "0")]);
    assert_eq!(
        added(&report),
        [
            finding(
                "ratio:7/6.2",
                Severity::Error,
                &[cell(7, "6.2"), cell(7, "6.2.2"), cell(7, "6.2.1")]
            ),
            finding(
                "implies:7/6.3.2+7/6.4.2>=1=>7/6.2.2>=1",
                Severity::Error,
                &[cell(7, "6.3.2"), cell(7, "6.4.2"), cell(7, "6.2.2")],
            ),
        ]
    );
    let report_findings = report.validate();
    let implies = report_findings
        .of_rule("implies:7/6.3.2+7/6.4.2>=1=>7/6.2.2>=1")
        .next()
        .unwrap();
    assert_eq!(
        implies.message_en().to_string(),
        "Form 7: row 6.3.2 = 30421 and row 6.4.2 = 87034, so row 6.2.2 ≥ 1 is required, but row 6.2.2 = 0. \
         Dossiers submitted online belong to an online service that had online dossiers."
    );
    assert_eq!(
        implies.message_vi().to_string(),
        "Biểu 7: mục 6.3.2 = 30.421 và mục 6.4.2 = 87.034, nên mục 6.2.2 ≥ 1 là bắt buộc, nhưng \
         mục 6.2.2 = 0. Hồ sơ nộp trực tuyến phải thuộc một DVCTT có phát sinh hồ sơ trực tuyến."
    );
}

/// 6.2.1 = 0 while 6.3.1 + 6.4.1 = 136.807 ≥ 1. Also 6.2.2 = 403 > 6.2.1 =
/// 0; the rate 6.2 has a zero denominator and is not evaluated.
#[test]
fn dossiers_need_a_service_with_dossiers() {
    let report = sample_with(&[(7, "6.2.1", "0")]);
    assert_eq!(
        added(&report),
        [
            finding(
                "part:7/6.2.2<=7/6.2.1",
                Severity::Error,
                &[cell(7, "6.2.1"), cell(7, "6.2.2")]
            ),
            finding(
                "implies:7/6.3.1+7/6.4.1>=1=>7/6.2.1>=1",
                Severity::Error,
                &[cell(7, "6.3.1"), cell(7, "6.4.1"), cell(7, "6.2.1")],
            ),
        ]
    );
    // Both dossier counts 0 as well: the premise is false, the rule holds.
    let report = sample_with(&[(7, "6.2.1", "0"), (7, "6.3.1", "0"), (7, "6.4.1", "0")]);
    assert_eq!(
        outcome(&report, "implies:7/6.3.1+7/6.4.1>=1=>7/6.2.1>=1"),
        Outcome::Passed
    );
    // One dossier count blank, the other 0: the premise is unknown.
    let report = sample_with(&[(7, "6.2.1", "0"), (7, "6.3.1", "0"), (7, "6.4.1", "")]);
    assert_eq!(
        outcome(&report, "implies:7/6.3.1+7/6.4.1>=1=>7/6.2.1>=1"),
        Outcome::NotEvaluated
    );
    // One blank, the other positive: the premise holds all the same.
    let report = sample_with(&[(7, "6.2.1", "0"), (7, "6.3.1", "")]);
    let rules: Vec<String> = added(&report).into_iter().map(|(rule, ..)| rule).collect();
    assert!(rules.contains(&"implies:7/6.3.1+7/6.4.1>=1=>7/6.2.1>=1".to_owned()));
}

/// 6.1.2 = 0 while 6.3.1 = 32.483 ≥ 1: dossiers of fully online services
/// without one. The rate 6.1 breaks too (100 × 0 / 951 = 0, not 100).
#[test]
fn dossiers_of_fully_online_services_need_such_a_service() {
    let report = sample_with(&[(7, "6.1.2", "0")]);
    assert_eq!(
        added(&report),
        [
            finding(
                "ratio:7/6.1",
                Severity::Error,
                &[cell(7, "6.1"), cell(7, "6.1.2"), cell(7, "6.1.1")]
            ),
            finding(
                "implies:7/6.3.1>=1=>7/6.1.2>=1",
                Severity::Error,
                &[cell(7, "6.3.1"), cell(7, "6.1.2")],
            ),
        ]
    );
}

// ---------------------------------------------------------------------------
// Form 1, plausible
// ---------------------------------------------------------------------------

/// 6 = 1 (a survey) but 6.1 = 0 survey forms.
#[test]
fn a_survey_has_forms() {
    let report = sample_with(&[(1, "6.1", "0")]);
    assert_eq!(
        added(&report),
        [finding(
            "implies:1/6==1=>1/6.1>=1",
            Severity::Warning,
            &[cell(1, "6"), cell(1, "6.1")]
        )]
    );
}

/// 6 = 1 but 6.2 (how it was run) blank: a note.
#[test]
fn a_survey_says_how_it_was_run() {
    let report = sample_with(&[(1, "6.2", "")]);
    assert_eq!(
        added(&report),
        [finding(
            "implies:1/6==1=>1/6.2:reported",
            Severity::Info,
            &[cell(1, "6"), cell(1, "6.2")]
        )]
    );
    let findings = report.validate();
    let note = findings
        .of_rule("implies:1/6==1=>1/6.2:reported")
        .next()
        .unwrap();
    assert_eq!(
        note.message_en().to_string(),
        "Form 1: row 6 = 1, so row 6.2 reported is required, but row 6.2 is blank. A survey carried out should say how it was run."
    );
    // No survey: nothing to say (and the conditional rule wants 6.2 blank).
    let report = sample_with(&[(1, "6", "0"), (1, "6.1", ""), (1, "6.2", "")]);
    assert_eq!(added(&report), []);
}

/// 4.1 = 0 bodies inspected, yet 4.2 = 100 % of them carried out the
/// conclusions. The share rule has no population (0) and is not evaluated;
/// 5/1.3 = 0 ≤ 0 holds.
#[test]
fn no_body_inspected_leaves_no_share() {
    let report = sample_with(&[(1, "4.1", "0")]);
    assert_eq!(
        added(&report),
        [finding(
            "implies:1/4.1==0=>1/4.2:blank",
            Severity::Warning,
            &[cell(1, "4.1"), cell(1, "4.2")]
        )]
    );
    assert_eq!(outcome(&report, "share:1/4.2"), Outcome::NotEvaluated);
    let report = sample_with(&[(1, "4.1", "0"), (1, "4.2", "")]);
    assert_eq!(added(&report), []);
}

/// 3.3.1 = 7 issues found, but 3.1 = 0 departments and 3.2 = 0 districts
/// checked (two figures: one alone leaves 10 or 5 ≥ 1).
#[test]
fn issues_found_need_a_check() {
    let report = sample_with(&[(1, "3.1", "0"), (1, "3.2", "0")]);
    assert_eq!(
        added(&report),
        [finding(
            "implies:1/3.3.1>=1=>1/3.1+1/3.2>=1",
            Severity::Warning,
            &[cell(1, "3.3.1"), cell(1, "3.1"), cell(1, "3.2")],
        )]
    );
    // One of them checked is enough: 0 + 5 ≥ 1.
    let report = sample_with(&[(1, "3.1", "0")]);
    assert_eq!(added(&report), []);
}

// ---------------------------------------------------------------------------
// Implied denominators
// ---------------------------------------------------------------------------

/// 4.1 = 3 bodies allow only 0; 33,33; 66,67; 100 (and their roundings to
/// fewer decimals). 4.2 = 50 is none: 100 × 1 / 3 = 33,33 and 100 × 2 / 3
/// = 66,67; the nearest, k = round(50 × 3 / 100) = round(1,5) = 2, is 66,67.
#[test]
fn a_share_of_three_bodies() {
    // 66,6 is 66,666… truncated: consistent when read so.
    for allowed in [
        "0", "33,33", "66,67", "100", "33,3", "33", "66,7", "67", "33,333", "66,6",
    ] {
        let report = sample_with(&[(1, "4.2", allowed)]);
        assert_eq!(
            outcome(&report, "share:1/4.2"),
            Outcome::Passed,
            "{allowed}"
        );
        assert_eq!(added(&report), [], "{allowed}");
    }
    for refused in ["50", "34", "33,4", "66,5", "99"] {
        let report = sample_with(&[(1, "4.2", refused)]);
        assert_eq!(
            added(&report),
            [finding(
                "share:1/4.2",
                Severity::Warning,
                &[cell(1, "4.2"), cell(1, "4.1")]
            )],
            "{refused}"
        );
    }
    let report = sample_with(&[(1, "4.2", "50")]);
    let findings = report.validate();
    let share = findings.of_rule("share:1/4.2").next().unwrap();
    assert_eq!(
        share.computed.map(|c| c.to_string()).as_deref(),
        Some("66.67")
    );
    assert_eq!(
        share.message_en().to_string(),
        "Form 1: row 4.2 = 50 cannot be a share of row 4.1 = 3: it must be 100 × k / 3 for a whole k from 0 to 3 (the nearest is 66.67)."
    );
    assert_eq!(
        share.message_vi().to_string(),
        "Biểu 1: mục 4.2 = 50 không thể là tỷ lệ trên mục 4.1 = 3: phải bằng 100 × k / 3 với k nguyên từ 0 đến 3 (gần nhất là 66,67)."
    );
    // 4 bodies: 50 = 100 × 2 / 4.
    let report = sample_with(&[(1, "4.1", "4"), (1, "4.2", "50")]);
    assert_eq!(outcome(&report, "share:1/4.2"), Outcome::Passed);
}

/// Shares over the reference counts: with 19 departments, 4/1.1 = 96 is
/// neither 100 × 18 / 19 = 94,74 (printed 95) nor 100 (the nearest: k =
/// round(96 × 19 / 100) = round(18,24) = 18, so 94,74); with 10 districts
/// 7/5.1.2 = 95 is not a multiple of 10; with 209 communes 7/5.1.3 = 99,6
/// is neither 100 × 208 / 209 = 99,52 nor 100. Without the counts, none
/// is evaluated.
#[test]
fn shares_over_reference_counts() {
    let cases = [
        ((4, "1.1"), "96", "95", "share:4/1.1"),
        ((7, "5.1.2"), "95", "90", "share:7/5.1.2"),
        ((7, "5.1.3"), "99,6", "99,5", "share:7/5.1.3"),
        ((7, "5.3.1"), "50", "94,74", "share:7/5.3.1"),
    ];
    for ((form, stt), refused, allowed, id) in cases {
        let mut report = sample_with(&[(form, stt, refused)]);
        assert_eq!(outcome(&report, id), Outcome::NotEvaluated, "{id}");
        assert_eq!(added(&report), [], "{id}");
        report.meta.reference = BAC_GIANG;
        assert_eq!(
            added(&report),
            [finding(id, Severity::Warning, &[cell(form, stt)])],
            "{id}"
        );
        let mut report = sample_with(&[(form, stt, allowed)]);
        report.meta.reference = BAC_GIANG;
        assert_eq!(outcome(&report, id), Outcome::Passed, "{id} {allowed}");
    }
    let mut report = sample_with(&[(4, "1.1", "96")]);
    report.meta.reference = BAC_GIANG;
    let findings = report.validate();
    let share = findings.of_rule("share:4/1.1").next().unwrap();
    assert_eq!(
        share.message_en().to_string(),
        "Form 4: row 1.1 = 96 cannot be a share of the number of departments = 19: it must be 100 × k / 19 \
         for a whole k from 0 to 19 (the nearest is 94.74)."
    );
    assert!(share.message_vi().to_string().contains("số sở, ngành = 19"));
    // Only the count given is used: departments alone leave 7/5.1.3 unevaluated.
    let mut report = sample_with(&[(7, "5.1.3", "99,6")]);
    report.meta.reference = Reference {
        departments: Some(19),
        ..Reference::NONE
    };
    assert_eq!(outcome(&report, "share:7/5.1.3"), Outcome::NotEvaluated);
}

/// 1/3.1 = 20 departments checked of 19; 1/3.2 = 11 districts of 10.
#[test]
fn no_more_bodies_checked_than_there_are() {
    let mut report = sample_with(&[(1, "3.1", "20"), (1, "3.2", "11")]);
    assert_eq!(added(&report), []);
    report.meta.reference = BAC_GIANG;
    assert_eq!(
        added(&report),
        [
            finding(
                "reference:1/3.1<=departments",
                Severity::Warning,
                &[cell(1, "3.1")]
            ),
            finding(
                "reference:1/3.2<=districts",
                Severity::Warning,
                &[cell(1, "3.2")]
            ),
        ]
    );
    let findings = report.validate();
    let bound = findings
        .of_rule("reference:1/3.1<=departments")
        .next()
        .unwrap();
    assert_eq!(bound.imbalance.map(|c| c.to_string()).as_deref(), Some("1"));
    assert!(
        bound
            .message_vi()
            .to_string()
            .starts_with("Biểu 1: mục 3.1 = 20 vượt quá số sở, ngành (19)")
    );
    let mut report = sample_with(&[(1, "3.1", "19"), (1, "3.2", "10")]);
    report.meta.reference = BAC_GIANG;
    assert_eq!(added(&report), []);
}

// ---------------------------------------------------------------------------
// Across forms and parts
// ---------------------------------------------------------------------------

#[test]
fn bounds_across_forms() {
    // 5/1.3 = 4 bodies found in breach by inspection > 1/4.1 = 3 inspected.
    let report = sample_with(&[(5, "1.3", "4")]);
    assert_eq!(
        added(&report),
        [finding(
            "across:5/1.3<=1/4.1",
            Severity::Warning,
            &[cell(1, "4.1"), cell(5, "1.3")]
        )]
    );
    // 5/1.2 = 841 units with job positions > 6/2.1 = 840 units (≤ 4/1.5 = 858 still).
    let report = sample_with(&[(5, "1.2", "841")]);
    assert_eq!(
        added(&report),
        [finding(
            "across:5/1.2<=6/2.1",
            Severity::Warning,
            &[cell(6, "2.1"), cell(5, "1.2")]
        )]
    );
    // 5/2.1 + 2.2 + 2.3 = 1.965 + 0 + 0 > 4/2.1 = 1.964 posts.
    let report = sample_with(&[(5, "2.1", "1.965")]);
    assert_eq!(
        added(&report),
        [finding(
            "across:5/2.1+5/2.2+5/2.3<=4/2.1",
            Severity::Warning,
            &[
                cell(4, "2.1"),
                cell(5, "2.1"),
                cell(5, "2.2"),
                cell(5, "2.3")
            ],
        )]
    );
    // 5/2.4 + 2.5 = 31.361 + 0 > 4/3.2 = 31.360 staff in post.
    let report = sample_with(&[(5, "2.4", "31.361")]);
    assert_eq!(
        added(&report),
        [finding(
            "across:5/2.4+5/2.5<=4/3.2",
            Severity::Warning,
            &[cell(4, "3.2"), cell(5, "2.4"), cell(5, "2.5")],
        )]
    );
    // 7/6.2.1 = 1.903 > 3/1.4 = 1.902; the rate 6.2 breaks too (100 × 403 /
    // 1.903 = 21,18 %, not 94,16).
    let report = sample_with(&[(7, "6.2.1", "1.903")]);
    assert_eq!(
        added(&report),
        [
            finding(
                "ratio:7/6.2",
                Severity::Error,
                &[cell(7, "6.2"), cell(7, "6.2.2"), cell(7, "6.2.1")]
            ),
            finding(
                "across:7/6.2.1<=3/1.4",
                Severity::Warning,
                &[cell(3, "1.4"), cell(7, "6.2.1")]
            ),
        ]
    );
    // 3/1.1 = 1.903 and 3/1.2 = 1.903 procedures > 1.902.
    for stt in ["1.1", "1.2"] {
        let report = sample_with(&[(3, stt, "1.903")]);
        let id = format!("part:3/{stt}<=3/1.4");
        assert_eq!(
            added(&report),
            [finding(
                &id,
                Severity::Warning,
                &[cell(3, "1.4"), cell(3, stt)]
            )]
        );
    }
}

/// 3/1.4.k = 0 procedures at a level, yet dossiers resolved there. The sum
/// 3/1.4 (already an error in the sample) stays an error: the levels add
/// up to even less.
#[test]
fn dossiers_at_a_level_need_procedures_there() {
    for (level, dossiers) in [("1.4.1", "3.1.1"), ("1.4.2", "3.2.1"), ("1.4.3", "3.3.1")] {
        let report = sample_with(&[(3, level, "0")]);
        let id = format!("implies:3/{level}==0=>3/{dossiers}==0");
        assert_eq!(
            added(&report),
            [finding(
                &id,
                Severity::Warning,
                &[cell(3, level), cell(3, dossiers)]
            )],
            "{level}"
        );
    }
}

// ---------------------------------------------------------------------------
// Sums whose severity depends on the direction
// ---------------------------------------------------------------------------

/// 3/1.4: the sample's 1.486 + 255 + 155 = 1.896 < 1.902 is an error; with
/// 1.4 = 1.890 the levels add up to 6 more than the total, which a procedure
/// listed at two levels explains: a warning.
#[test]
fn procedures_by_level_above_the_total_are_a_warning() {
    let findings = samples::bac_giang_2023_q3().validate();
    let below = findings.of_rule("sum:3/1.4").next().unwrap();
    assert_eq!(below.severity, Severity::Error);
    assert_eq!(below.imbalance.map(|c| c.to_string()).as_deref(), Some("6"));
    let report = sample_with(&[(3, "1.4", "1.890")]);
    let findings = report.validate();
    let above = findings.of_rule("sum:3/1.4").next().unwrap();
    assert_eq!(above.severity, Severity::Warning);
    assert_eq!(
        above.cells.to_vec(),
        [
            cell(3, "1.4"),
            cell(3, "1.4.1"),
            cell(3, "1.4.2"),
            cell(3, "1.4.3")
        ]
    );
    assert_eq!(
        above.imbalance.map(|c| c.to_string()).as_deref(),
        Some("-6")
    );
    assert!(!findings.has_errors());
    // Balanced: 1.896 = 1.896.
    let report = sample_with(&[(3, "1.4", "1.896")]);
    assert_eq!(outcome(&report, "sum:3/1.4"), Outcome::Passed);
    // The justification no longer claims one level per procedure.
    let rule = RULES.iter().find(|rule| rule.id == "sum:3/1.4").unwrap();
    assert!(
        rule.note_en().contains("listed at each"),
        "{}",
        rule.note_en()
    );
    assert!(!rule.note_en().contains("exactly one"));
}

/// 6/2.1 = 840 units: groups adding up to 0 + 47 + 363 + 431 = 841 are an
/// error (the groups are disjoint); to 0 + 47 + 363 + 429 = 839, a warning
/// (a unit awaiting its group).
#[test]
fn autonomy_groups_above_the_units_are_an_error() {
    let report = sample_with(&[(6, "2.5", "431")]);
    let findings = report.validate();
    let above = findings.of_rule("sum:6/2.1").next().unwrap();
    assert_eq!(above.severity, Severity::Error);
    assert_eq!(
        above.imbalance.map(|c| c.to_string()).as_deref(),
        Some("-1")
    );
    let report = sample_with(&[(6, "2.5", "429")]);
    assert_eq!(
        added(&report),
        [finding(
            "sum:6/2.1",
            Severity::Warning,
            &[
                cell(6, "2.1"),
                cell(6, "2.2"),
                cell(6, "2.3"),
                cell(6, "2.4"),
                cell(6, "2.5")
            ],
        )]
    );
    // With a group blank the known ones are "of which": 0 + 47 + 363 = 410 ≤ 840.
    let report = sample_with(&[(6, "2.5", "")]);
    assert_eq!(outcome(&report, "sum:6/2.1"), Outcome::Passed);
    // ... and above the units even so: 0 + 47 + 900 = 947 > 840, an error.
    let report = sample_with(&[(6, "2.5", ""), (6, "2.4", "900"), (6, "2.4.3", "825")]);
    let findings = report.validate();
    assert_eq!(
        findings.of_rule("sum:6/2.1").next().unwrap().severity,
        Severity::Error
    );
}

// ---------------------------------------------------------------------------
// Rates printed as 100
// ---------------------------------------------------------------------------

/// 7/6.1 = 100 with 6.1.2 = 950 of 951: 100 × 950 / 951 = 99,89 %, printed
/// 100 when rounded, consistent, but not all were done.
#[test]
fn a_rate_printed_100_with_work_left_is_noted() {
    let report = sample_with(&[(7, "6.1.2", "950")]);
    assert_eq!(
        added(&report),
        [finding(
            "full:7/6.1",
            Severity::Info,
            &[cell(7, "6.1"), cell(7, "6.1.2"), cell(7, "6.1.1")]
        )]
    );
    let findings = report.validate();
    let note = findings.of_rule("full:7/6.1").next().unwrap();
    assert_eq!(
        note.message_en().to_string(),
        "Form 7: row 6.1 = 100 % although row 6.1.2 = 950 < row 6.1.1 = 951: reported as 100 % but not all were done (the ratio rounds to 100)."
    );
    // 6.5.2 = 427 of 428: 99,77 % → 100.
    let report = sample_with(&[(7, "6.5.2", "427")]);
    assert_eq!(
        added(&report),
        [finding(
            "full:7/6.5",
            Severity::Info,
            &[cell(7, "6.5"), cell(7, "6.5.2"), cell(7, "6.5.1")]
        )]
    );
    // 3/3.4 = 100 with 4 of 5 (80 %): the ratio's error, not this note.
    let report = sample_with(&[(3, "3.4.2", "4")]);
    let rules: Vec<String> = added(&report).into_iter().map(|(rule, ..)| rule).collect();
    assert_eq!(rules, ["ratio:3/3.4"]);
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

#[test]
fn bodies_inspected_are_agencies_printed_as_a_count() {
    let indicator = cell(1, "4.1").indicator();
    assert_eq!(indicator.unit_vi, "Số lượng");
    assert_eq!(indicator.unit_en, "agencies and units");
    assert_eq!(
        cell(1, "4.1").indicator().unit_vi,
        cell(1, "6.1").indicator().unit_vi,
        "printed as the source prints it"
    );
    assert!(cell(4, "2.4").indicator().name_en.contains("downsized"));
    assert!(cell(7, "6.2").indicator().name_en.contains("6.2.1"));
}

#[test]
fn every_row_has_a_period_class_and_an_aggregation() {
    use Aggregation as A;
    use PeriodClass as P;
    let classes = |form: u8, stt: &str| {
        let indicator = cell(form, stt).indicator();
        (indicator.period_class(), indicator.aggregation())
    };
    assert_eq!(classes(1, "2.1"), (P::Plan, A::Sum));
    assert_eq!(classes(1, "2"), (P::CumulativeInYear, A::Recompute));
    assert_eq!(classes(1, "3.1"), (P::DistinctFlow, A::Sum));
    assert_eq!(classes(1, "5.1"), (P::CumulativeInYear, A::Sum));
    assert_eq!(classes(1, "5.4"), (P::Stock, A::Sum));
    assert_eq!(classes(1, "6"), (P::Event, A::Distribution));
    assert_eq!(classes(3, "1.4.2"), (P::Stock, A::SumOfInstances));
    assert_eq!(classes(4, "1.5.4"), (P::Stock, A::NotAggregable));
    assert_eq!(classes(4, "2.1"), (P::Plan, A::Sum));
    assert_eq!(classes(5, "3"), (P::CumulativeInYear, A::Sum));
    assert_eq!(classes(6, "1.2"), (P::CumulativeInYear, A::Sum));
    assert_eq!(classes(6, "2.1"), (P::Stock, A::Sum));
    assert_eq!(classes(6, "2.6"), (P::CumulativeSinceStart, A::Sum));
    assert_eq!(classes(7, "1"), (P::Status, A::Distribution));
    assert_eq!(classes(7, "6.2.1"), (P::DistinctFlow, A::SumOfInstances));
    // Printed "Lũy kế" stays its own fact: form 6 row 2.1 prints it, a stock.
    assert!(cell(6, "2.1").indicator().printed_cumulative());
    assert!(!cell(6, "1.2").indicator().printed_cumulative());
    // Weighted rows say by what, and only they do.
    for indicator in &CATALOGUE {
        assert_eq!(
            indicator.aggregation() == A::Weighted,
            indicator.weight().is_some(),
            "{}/{}",
            indicator.form,
            indicator.stt
        );
        // A rate recomputed has a ratio rule giving its numerator and denominator.
        if indicator.aggregation() == A::Recompute {
            let id = format!("ratio:{}/{}", indicator.form, indicator.stt);
            assert!(RULES.iter().any(|rule| rule.id == id), "{id}");
        }
        // Codes, and only codes, are events or statuses, distributed.
        let code = matches!(indicator.kind, cchc_forms::unit::ValueKind::Code { .. });
        assert_eq!(
            code,
            indicator.period_class().is_code(),
            "{}",
            indicator.key
        );
        assert_eq!(
            code,
            indicator.aggregation() == A::Distribution,
            "{}",
            indicator.key
        );
    }
    assert_eq!(
        cell(4, "1.2").indicator().weight(),
        Some(Weight::Reference(ReferenceCount::Districts))
    );
}

#[test]
fn reference_counts_travel_in_the_metadata_and_only_when_given() {
    let report = samples::bac_giang_2023_q3();
    let json = serde_json::to_string(&report).unwrap();
    assert!(!json.contains("reference"), "no key when none is given");
    let mut known = report.clone();
    known.meta.reference = BAC_GIANG;
    let json = serde_json::to_string(&known).unwrap();
    assert!(
        json.contains(r#""reference":{"departments":19,"districts":10,"communes":209}"#),
        "{json}"
    );
    assert_eq!(Report::from_json(&json).unwrap(), known);
    let mut partial = report;
    partial.meta.reference = Reference {
        communes: Some(209),
        ..Reference::NONE
    };
    let json = serde_json::to_string(&partial).unwrap();
    assert!(json.contains(r#""reference":{"communes":209}"#), "{json}");
    assert_eq!(Report::from_json(&json).unwrap(), partial);
}

/// The rows format reads the reference counts from `#!` lines, and the
/// shares over them are then checked: 4/1.1 = 96 with 19 departments is
/// neither 100 × 18 / 19 = 94,74 nor 100.
#[test]
fn reference_counts_from_metadata_lines() {
    let rows = samples::BAC_GIANG_2023_Q3_TSV.replace("4\t1.1.\t100", "4\t1.1.\t96");
    assert_ne!(rows, samples::BAC_GIANG_2023_Q3_TSV);
    let plain = cchc_forms::rows::read_tsv(&rows).unwrap().report;
    assert_eq!(plain.meta.reference, Reference::NONE);
    assert_eq!(outcome(&plain, "share:4/1.1"), Outcome::NotEvaluated);
    let text = format!("#! departments: 19\n#! Districts = 10\n#! số đơn vị cấp xã: 209\n{rows}");
    let report = cchc_forms::rows::read_tsv(&text).unwrap().report;
    assert_eq!(report.meta.reference, BAC_GIANG);
    assert_eq!(
        added(&report),
        [finding("share:4/1.1", Severity::Warning, &[cell(4, "1.1")])]
    );
    // Not a whole number, or given twice: refused, naming the line.
    let Err(cchc_forms::Error::Rows(problems)) = cchc_forms::rows::read_tsv(&format!(
        "#! communes: hai trăm\n#! districts: 10\n#! districts: 11\n{rows}"
    )) else {
        panic!("refused")
    };
    let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(1), Some(3)]);
    assert!(
        problems[0]
            .message_en()
            .contains("communes is a whole number"),
        "{}",
        problems[0].message_en()
    );
    assert!(
        problems[0]
            .message_vi()
            .contains("communes phải là một số nguyên không âm")
    );
}

/// Localisation honours the new certain rules: with 6.2.1 = 0 (the sample's
/// 3/1.4 balanced at 1.896), two error rules fail, the implication
/// (6.3.1 + 6.4.1 = 136.807 ≥ 1 needs 6.2.1 ≥ 1) and 6.2.2 = 403 ≤ 6.2.1;
/// one cell, 6.2.1, repairs both, and the repair it suggests leaves no error
/// (it must lie in [403; 136.807], the cover's bound included).
#[test]
fn localisation_honours_the_new_error_rules() {
    let report = sample_with(&[(3, "1.4", "1.896"), (7, "6.2.1", "0")]);
    let located = report.locate();
    assert_eq!(located.weight, 1);
    let sets: Vec<Vec<CellId>> = located.sets.iter().map(|set| set.cells.clone()).collect();
    assert!(sets.contains(&vec![cell(7, "6.2.1")]), "{sets:?}");
    for set in &located.sets {
        let mut repaired = report.clone();
        for repair in &set.repairs {
            repaired
                .set_cell(repair.cell, Some(repair.suggested))
                .unwrap();
        }
        assert!(!repaired.validate().has_errors(), "{:?}", set.cells);
        if set.cells == [cell(7, "6.2.1")] {
            let value = set.repairs[0].suggested.mantissa;
            assert!((403..=136_807).contains(&value), "{value}");
        }
    }
}
