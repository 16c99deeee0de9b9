//! Checks across one body's reports of a year, on four reports
//! built from the Bắc Giang Q3/2023 sample: consistent, then each check
//! broken alone, expecting exactly that finding at exactly those cells and
//! periods.
//!
//! The year is built so that every quarter's flows are the sample's (its
//! flows are Q3's): Q1 = s, half-year = 2s (Q1 + Q2, Q2 = s), Q3 = s, year =
//! 4s (Q4 = 4s − 2s − s = s). Distinct flows, cumulatives, stocks, plans
//! and codes are the sample's in all four reports, but procedures in force
//! (3/1.4), which follow the procedures published (3/1.2 = 135 a quarter)
//! and abolished (3/1.3 = 27 a quarter): 108 more each quarter, so Q1 =
//! 1.902 − 2 × 108 = 1.686, half-year 1.794, Q3 1.902 (the sample), year
//! 2.010.

use cchc_forms::bnv581::CATALOGUE;
use cchc_forms::catalogue::{CellId, PeriodClass};
use cchc_forms::cross::{CrossFamily, CrossFinding, ReportCell};
use cchc_forms::series::{Series, UnplacedReason, check_reports};
use cchc_forms::unit::{Printed, ValueKind};
use cchc_forms::{Decimal, Period, Report, Severity, Term, samples};

const YEAR: u16 = 2023;

fn set(report: &mut Report, form: u8, stt: &str, value: i128) {
    report
        .set_cell(CellId::of(form, stt), Some(Printed::whole(value)))
        .unwrap();
}

fn set_decimal(report: &mut Report, form: u8, stt: &str, mantissa: i128, decimals: u32) {
    report
        .set_cell(CellId::of(form, stt), Some(Printed { mantissa, decimals }))
        .unwrap();
}

/// The sample as the report of `term`, its flow counts multiplied by `k`.
fn scaled(term: Term, k: i128) -> Report {
    let mut report = samples::bac_giang_2023_q3();
    report.meta.period = Some(Period::new(YEAR, term));
    for indicator in &CATALOGUE {
        if indicator.period_class() == PeriodClass::Flow
            && matches!(indicator.kind, ValueKind::Count)
        {
            if let Some(value) = report.cell(indicator.id) {
                report
                    .set_cell(indicator.id, Some(Printed::whole(value.mantissa * k)))
                    .unwrap();
            }
        }
    }
    report
}

/// The four consistent reports of 2023: Q1, half-year, Q3, year.
fn year() -> [Report; 4] {
    let mut q1 = scaled(Term::Q1, 1);
    let mut half = scaled(Term::HalfYear, 2);
    let q3 = scaled(Term::Q3, 1);
    let mut year = scaled(Term::Year, 4);
    set(&mut q1, 3, "1.4", 1686);
    set(&mut half, 3, "1.4", 1794);
    set(&mut year, 3, "1.4", 2010);
    [q1, half, q3, year]
}

const Q1: usize = 0;
const H: usize = 1;
const Q3: usize = 2;
const Y: usize = 3;

fn at(form: u8, stt: &str, term: Term) -> ReportCell {
    ReportCell::new(CellId::of(form, stt), Some(Period::new(YEAR, term)), None)
}

/// The one finding across the reports.
fn only(reports: &[Report]) -> CrossFinding {
    let checked = check_reports(reports);
    assert!(checked.unplaced.is_empty(), "{:?}", checked.unplaced);
    assert_eq!(
        checked.findings.len(),
        1,
        "{:#?}",
        checked
            .findings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    checked.findings.0.into_iter().next().unwrap()
}

/// A whole number as a finding's numbers hold it.
fn dec(value: i64) -> Decimal {
    Decimal::from(value)
}

#[test]
fn a_consistent_year_has_no_finding() {
    let reports = year();
    let checked = check_reports(&reports);
    assert!(checked.unplaced.is_empty());
    assert!(
        checked.findings.is_empty(),
        "{:#?}",
        checked
            .findings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    // The same through a Series.
    let grouping = Series::group(&reports);
    assert_eq!(grouping.series.len(), 1);
    let series = grouping.series[0];
    assert_eq!(
        (series.body(), series.year()),
        ("UBND tỉnh Bắc Giang", YEAR)
    );
    assert!(series.check().is_empty());
    assert_eq!(
        series
            .report(Term::HalfYear)
            .and_then(|r| r.form3.resolved_departments)
            .map(cchc_forms::unit::Count::get),
        Some(2 * 54_106)
    );
}

#[test]
fn a_half_year_below_q1_is_a_negative_q2() {
    let mut reports = year();
    // Dossiers resolved by departments: Q1 54.106, half-year 50.000, so
    // Q2 = 50.000 − 54.106 = −4.106. (Year 216.424 ≥ 50.000 + 54.106 still.)
    set(&mut reports[H], 3, "3.1.1", 50_000);
    let found = only(&reports);
    assert_eq!(found.rule, "period:flow:3/3.1.1");
    assert_eq!(found.family, CrossFamily::Period);
    assert_eq!(found.severity, Severity::Error);
    assert_eq!(
        found.cells,
        [at(3, "3.1.1", Term::HalfYear), at(3, "3.1.1", Term::Q1)]
    );
    assert_eq!(
        (found.reported, found.computed, found.imbalance),
        (Some(dec(50_000)), Some(dec(54_106)), Some(dec(-4_106)))
    );
    assert_eq!(
        found.message_vi(),
        "Biểu 3 mục 3.1.1: báo cáo 6 tháng năm 2023 ghi 50.000, ít hơn báo cáo quý I năm 2023 (54.106): số liệu quý II suy ra = 50.000 − 54.106 = -4.106 < 0."
    );
    assert_eq!(
        found.message_en(),
        "Form 3 row 3.1.1: the half-year 2023 report says 50000, less than the Q1 2023 report (54106): the derived Q2 = 50000 − 54106 = -4106 < 0."
    );
    let json = serde_json::to_value(&found).unwrap();
    assert_eq!(
        json["cells"][0],
        serde_json::json!({"form": 3, "stt": "3.1.1", "period": {"year": 2023, "term": "half_year"}})
    );
    assert_eq!(
        json["cells"][1]["period"],
        serde_json::json!({"year": 2023, "term": "q1"})
    );
}

#[test]
fn a_year_below_half_year_plus_q3_is_a_negative_q4() {
    let mut reports = year();
    // Documents issued (form 2 row 1): 37 a quarter, so half-year 74, Q3 37,
    // year 148. A year of 100: Q4 = 100 − 74 − 37 = −11.
    set(&mut reports[Y], 2, "1", 100);
    // Its parts by level (100 + 48 + 0 = 148 ≠ 100) are a finding of the
    // year report alone, not across reports; the derived Q4 leaves the
    // negative row blank, so no derived rule reads it.
    let found = only(&reports);
    assert_eq!(found.rule, "period:flow:2/1");
    assert_eq!(
        found.cells,
        [
            at(2, "1", Term::Year),
            at(2, "1", Term::HalfYear),
            at(2, "1", Term::Q3)
        ]
    );
    assert_eq!(
        (found.reported, found.computed, found.imbalance),
        (Some(dec(100)), Some(dec(111)), Some(dec(-11)))
    );
    assert!(found.message_en().ends_with(
        "the 2023 annual report says 100, less than the half-year 2023 report (74) plus the Q3 2023 report (37): the derived Q4 = 100 − 74 − 37 = -11 < 0."
    ));
}

#[test]
fn a_year_below_q1_plus_q3_without_the_half_year_names_the_rest_of_the_year() {
    // No half-year report: the year (100 documents, form 2 row 1) against
    // Q1 (37) and Q3 (37): the rest of the year = 100 − 37 − 37 = 26 ≥ 0,
    // fine; a year of 60: 60 − 37 − 37 = −14.
    let [q1, _, q3, mut year] = year();
    set(&mut year, 2, "1", 60);
    let reports = [q1, q3, year];
    let found = only(&reports);
    assert_eq!(found.rule, "period:flow:2/1");
    assert!(
        found.message_en().ends_with(
            "the 2023 annual report says 60, less than the Q1 2023 report (37) plus the Q3 2023 report (37): the rest of the year (derived) = 60 − 37 − 37 = -14 < 0."
        ),
        "{}",
        found.message_en()
    );
    assert!(
        found
            .message_vi()
            .contains("số liệu phần còn lại của năm suy ra = 60 − 37 − 37 = -14 < 0."),
        "{}",
        found.message_vi()
    );
    assert!(!found.message_en().contains("the derived the"));
}

#[test]
fn derived_q4_with_more_dossiers_on_time_than_resolved() {
    let mut reports = year();
    // Dossiers of departments, resolved (3/3.1.1) and on time (3/3.1.2):
    //   year 4 × 54.106 = 216.424, 4 × 53.726 = 214.904 → on time 215.400
    //   Q4 resolved = 216.424 − 108.212 − 54.106 = 54.106
    //   Q4 on time  = 215.400 − 107.452 − 53.726 = 54.222 > 54.106.
    // The year alone is fine as to parts (215.400 ≤ 216.424); its rate 99,3
    // no longer matches (a finding of the year report, not across reports).
    set(&mut reports[Y], 3, "3.1.2", 215_400);
    let found = only(&reports);
    assert_eq!(found.rule, "derived:q4:part:3/3.1.2<=3/3.1.1");
    assert_eq!(found.family, CrossFamily::Derived);
    assert_eq!(found.severity, Severity::Error);
    // Each cell of the rule in every report it came from.
    assert_eq!(
        found.cells,
        [
            at(3, "3.1.1", Term::Year),
            at(3, "3.1.1", Term::HalfYear),
            at(3, "3.1.1", Term::Q3),
            at(3, "3.1.2", Term::Year),
            at(3, "3.1.2", Term::HalfYear),
            at(3, "3.1.2", Term::Q3),
        ]
    );
    assert!(
        found
            .message_en()
            .starts_with("Q4 2023 derived (annual report − half-year report − Q3 report): "),
        "{}",
        found.message_en()
    );
    assert!(
        found.message_en().contains("54222"),
        "{}",
        found.message_en()
    );
    assert!(
        found.message_en().contains("54106"),
        "{}",
        found.message_en()
    );
    assert!(
        found.message_vi().contains("54.222"),
        "{}",
        found.message_vi()
    );
}

#[test]
fn derived_q2_runs_the_rules_of_one_report() {
    let mut reports = year();
    // Issues found and handled in checks (1/3.3.1, 1/3.3.2): 7 and 7 a quarter.
    // Q1 handled 6 (of 7 found, fine on its own), the half-year 14 of 14
    // (fine too): Q2 handled = 14 − 6 = 8 > Q2 found = 14 − 7 = 7.
    set(&mut reports[Q1], 1, "3.3.2", 6);
    let checked = check_reports(&reports);
    let derived: Vec<&CrossFinding> = checked.findings.starting_with("derived:q2:").collect();
    assert_eq!(derived.len(), 1, "{:#?}", checked.findings);
    assert_eq!(derived[0].rule, "derived:q2:part:1/3.3.2<=1/3.3.1");
    assert_eq!(
        derived[0].cells,
        [
            at(1, "3.3.1", Term::HalfYear),
            at(1, "3.3.1", Term::Q1),
            at(1, "3.3.2", Term::HalfYear),
            at(1, "3.3.2", Term::Q1),
        ]
    );
    // The year: 28 found, handled 28 ≥ 14 + 7 = 21; Q4 handled 28 − 14 − 7 = 7
    // ≤ found 28 − 14 − 7 = 7: nothing else across reports.
    assert_eq!(checked.findings.len(), 1, "{:#?}", checked.findings);
}

#[test]
fn a_derived_quarter_does_not_repeat_a_reports_own_finding() {
    // The half-year handles 15 of the 14 issues it found: its own
    // `part:1/3.3.2<=1/3.3.1`, which the derived Q2 (15 − 7 = 8 > 14 − 7 = 7)
    // would only repeat.
    let mut reports = year();
    set(&mut reports[H], 1, "3.3.2", 15);
    let own = reports[H].validate();
    assert!(own.iter().any(|f| f.rule == "part:1/3.3.2<=1/3.3.1"));
    let checked = check_reports(&reports);
    assert_eq!(
        checked.findings.starting_with("derived:").count(),
        0,
        "{:#?}",
        checked.findings
    );
    // The year's own sum broken (2/1 = 2/1.1 + … one more): not a Q4's.
    let mut reports = year();
    let total = reports[Y].cell(CellId::of(2, "1")).unwrap().mantissa;
    set(&mut reports[Y], 2, "1", total + 1);
    assert!(reports[Y].validate().iter().any(|f| f.rule == "sum:2/1"));
    let checked = check_reports(&reports);
    assert!(
        checked
            .findings
            .of_rule("derived:q4:sum:2/1")
            .next()
            .is_none(),
        "{:#?}",
        checked.findings
    );
}

#[test]
fn a_distinct_flow_counts_a_body_once() {
    let mut reports = year();
    // Departments checked (1/3.1): 10 in every report; the year's 8 is below
    // the half-year's 10 (and Q3's; the half-year, first, is named).
    set(&mut reports[Y], 1, "3.1", 8);
    let found = only(&reports);
    assert_eq!(found.rule, "period:distinct_flow:1/3.1");
    assert_eq!(found.severity, Severity::Error);
    assert_eq!(
        found.cells,
        [at(1, "3.1", Term::Year), at(1, "3.1", Term::HalfYear)]
    );
    // Equal values are fine for a distinct flow (the same 10 departments).
    let reports = year();
    assert!(check_reports(&reports).findings.is_empty());
}

#[test]
fn a_printed_cumulative_that_falls_is_an_error() {
    let mut reports = year();
    // Plan tasks completed (1/2.2, printed "Lũy kế"): 40, then 30 at Q3.
    set(&mut reports[Q3], 1, "2.2", 30);
    let found = only(&reports);
    assert_eq!(found.rule, "period:cumulative:1/2.2");
    assert_eq!(found.severity, Severity::Error);
    assert_eq!(
        found.cells,
        [at(1, "2.2", Term::Q3), at(1, "2.2", Term::HalfYear)]
    );
    assert_eq!(
        (found.reported, found.computed, found.imbalance),
        (Some(dec(30)), Some(dec(40)), Some(dec(-10)))
    );
}

#[test]
fn a_cumulative_in_fact_that_falls_is_a_warning() {
    let mut reports = year();
    // Government tasks assigned (1/5.1), cumulative in the year though the
    // label does not say so: 149, then 140 in the year report.
    set(&mut reports[Y], 1, "5.1", 140);
    let found = only(&reports);
    assert_eq!(found.rule, "period:cumulative:1/5.1");
    assert_eq!(found.severity, Severity::Warning);
    assert_eq!(
        found.cells,
        [at(1, "5.1", Term::Year), at(1, "5.1", Term::Q3)]
    );
    // An amount with decimals falls only beyond its printed precision:
    // disbursed 6.832.000 at Q3, 6.831.999,6 in the year is the same to the
    // nearest million (6.831.999,55–6.831.999,65 against 6.831.999,5–6.832.000,5).
    let mut reports = year();
    set_decimal(&mut reports[Y], 6, "1.2", 68_319_996, 1);
    assert!(check_reports(&reports).findings.is_empty());
    set_decimal(&mut reports[Y], 6, "1.2", 68_319_994, 1);
    let found = only(&reports);
    assert_eq!(found.rule, "period:cumulative:6/1.2");
    assert_eq!(found.severity, Severity::Warning);
}

#[test]
fn a_cumulative_since_the_start_never_falls_across_years() {
    // Units turned into joint-stock companies (6/2.6): 5 at the end of 2022,
    // 4 in Q1 2023.
    let mut reports = year().to_vec();
    for report in &mut reports {
        set(report, 6, "2.6", 5);
    }
    let mut last_year = scaled(Term::Year, 4);
    last_year.meta.period = Some(Period::new(2022, Term::Year));
    // 2022's procedures in force are what Q1 2023's imply: 1.686 − 135 + 27 = 1.578.
    set(&mut last_year, 3, "1.4", 1578);
    set(&mut last_year, 6, "2.6", 5);
    reports.push(last_year.clone());
    assert!(
        check_reports(&reports).findings.is_empty(),
        "{:#?}",
        check_reports(&reports).findings
    );
    set(&mut reports[Q1], 6, "2.6", 4);
    let found = only(&reports);
    assert_eq!(found.rule, "period:since_start:6/2.6");
    assert_eq!(found.severity, Severity::Error); // under a "lũy kế" heading
    assert_eq!(
        found.cells,
        [
            at(6, "2.6", Term::Q1),
            ReportCell::new(
                CellId::of(6, "2.6"),
                Some(Period::new(2022, Term::Year)),
                None
            )
        ]
    );
    // Within the year too.
    let mut reports = year();
    for report in &mut reports {
        set(report, 6, "2.6", 5);
    }
    set(&mut reports[H], 6, "2.6", 3);
    let found = only(&reports);
    assert_eq!(found.rule, "period:since_start:6/2.6");
    assert_eq!(
        found.cells,
        [at(6, "2.6", Term::HalfYear), at(6, "2.6", Term::Q1)]
    );
}

#[test]
fn a_plan_revised_within_the_year_is_a_warning() {
    let mut reports = year();
    // The investment plan (6/1.1) 8.007.000 all year, 8.100.000 in the year report.
    set(&mut reports[Y], 6, "1.1", 8_100_000);
    let found = only(&reports);
    assert_eq!(found.rule, "period:plan:6/1.1");
    assert_eq!(found.severity, Severity::Warning);
    assert_eq!(
        found.cells,
        [
            at(6, "1.1", Term::Year),
            at(6, "1.1", Term::Q1),
            at(6, "1.1", Term::HalfYear),
            at(6, "1.1", Term::Q3)
        ]
    );
    assert_eq!(
        found.message_en(),
        "Form 6 row 1.1: the year's plan differs between the reports of the year (Q1 2023 8007000; H1 2023 8007000; Q3 2023 8007000; year 2023 8100000); was the plan revised?"
    );
    assert!(found.message_vi().contains("quý I/2023 8.007.000"));
    // The same plan printed with a decimal is the same plan.
    let mut reports = year();
    set_decimal(&mut reports[Y], 6, "1.1", 80_070_000, 1);
    assert!(check_reports(&reports).findings.is_empty());
}

#[test]
fn an_event_of_the_year_said_yes_earlier() {
    let mut reports = year();
    // A leadership dialogue (1/7): 1 (yes) in Q1, the half-year and Q3; the
    // year report says 0.
    set(&mut reports[Y], 1, "7", 0);
    let found = only(&reports);
    assert_eq!(found.rule, "period:event:1/7");
    assert_eq!(found.severity, Severity::Error);
    assert_eq!(
        found.cells,
        [
            at(1, "7", Term::Year),
            at(1, "7", Term::Q1),
            at(1, "7", Term::HalfYear),
            at(1, "7", Term::Q3)
        ]
    );
    // Q3 saying 0 after the half-year's 1 is no contradiction: Q3 does not
    // contain the half-year.
    let mut reports = year();
    set(&mut reports[Q3], 1, "7", 0);
    assert!(check_reports(&reports).findings.is_empty());
    // A dialogue in Q1 only: the year must say 1, naming Q1's report.
    let mut reports = year();
    for at in [H, Q3, Y] {
        set(&mut reports[at], 1, "7", 0);
    }
    let found = only(&reports);
    assert_eq!(found.cells, [at(1, "7", Term::Year), at(1, "7", Term::Q1)]);
    assert_eq!(
        found.message_en(),
        "Form 1 row 7: the 2023 annual report says 0 (no) but the Q1 2023 report said 1 (yes), and the year's report covers their periods."
    );
    assert_eq!(
        found.message_vi(),
        "Biểu 1 mục 7: báo cáo năm 2023 ghi 0 (không) nhưng báo cáo quý I năm 2023 ghi 1 (có), mà kỳ báo cáo năm bao gồm các kỳ đó."
    );
}

#[test]
fn a_status_that_moves_back_is_a_warning() {
    let mut reports = year();
    // The shared platform (7/4): 2 (completed), then 1 (in progress) in the year.
    set(&mut reports[Y], 7, "4", 1);
    let found = only(&reports);
    assert_eq!(found.rule, "period:status:7/4");
    assert_eq!(found.severity, Severity::Warning);
    assert_eq!(found.cells, [at(7, "4", Term::Year), at(7, "4", Term::Q3)]);
    assert_eq!(
        found.message_en(),
        "Form 7 row 4: the 2023 annual report says 1 (in progress), back from the Q3 2023 report (2 (completed)); a status does not usually move back."
    );
}

#[test]
fn procedures_in_force_follow_the_flows() {
    let mut reports = year();
    // Year: 1.902 at Q3 + published in Q4 (540 − 270 − 135 = 135) − abolished
    // in Q4 (108 − 54 − 27 = 27) = 2.010; the year says 2.000.
    set(&mut reports[Y], 3, "1.4", 2000);
    let found = only(&reports);
    assert_eq!(found.rule, "period:stock:3/1.4");
    assert_eq!(found.severity, Severity::Warning);
    assert_eq!(
        found.cells,
        [
            at(3, "1.4", Term::Year),
            at(3, "1.4", Term::Q3),
            at(3, "1.2", Term::Year),
            at(3, "1.2", Term::Q3),
            at(3, "1.2", Term::HalfYear),
            at(3, "1.3", Term::Year),
            at(3, "1.3", Term::Q3),
            at(3, "1.3", Term::HalfYear),
        ]
    );
    assert_eq!(
        (found.reported, found.computed, found.imbalance),
        (Some(dec(2000)), Some(dec(2010)), Some(dec(-10)))
    );
    assert_eq!(
        found.message_en(),
        "Form 3 row 1.4: the 2023 annual report says 2000 but the Q3 2023 report (1902) + procedures published in between (135) − abolished or replaced (27) = 2010 (imbalance -10)."
    );
}

#[test]
fn the_2015_base_agrees_within_printed_precision() {
    // Public service units (4/1.5) 858, reduced 18,67% since 2015: the 2015
    // base is 858 ÷ (1 − 0,1867) = 1.054,96…, within [858 ÷ 0,81335; 858 ÷
    // 0,81325] = [1.054,90; 1.055,03] for a rate in [18,665; 18,675].
    let mut reports = year();
    // The year: 850 units, 17,9%: 850 ÷ 0,821 = 1.035,32…: another base.
    set(&mut reports[Y], 4, "1.5", 850);
    set_decimal(&mut reports[Y], 4, "1.5.4", 179, 1);
    let checked = check_reports(&reports);
    let found: Vec<_> = checked
        .findings
        .starting_with("period:base_2015:")
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", checked.findings);
    assert_eq!(found[0].rule, "period:base_2015:4/1.5.4");
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].cells.len(), 8); // rate and value in each of four reports
    assert_eq!(found[0].cells[6], at(4, "1.5.4", Term::Year));
    assert_eq!(found[0].cells[7], at(4, "1.5", Term::Year));
    // 857 units, 18,6%: 857 ÷ 0,814 = 1.052,83…, in [857 ÷ 0,8145; 857 ÷ 0,8135]
    // = [1.052,18; 1.053,47]: no common value with [1.054,90; 1.055,03].
    let mut reports = year();
    set(&mut reports[Y], 4, "1.5", 857);
    set_decimal(&mut reports[Y], 4, "1.5.4", 186, 1);
    assert_eq!(
        check_reports(&reports)
            .findings
            .starting_with("period:base_2015:")
            .count(),
        1
    );
    // 857 units, 18,7%: 857 ÷ 0,813 = 1.054,12…, in [857 ÷ 0,8135; 857 ÷
    // 0,8125] = [1.053,47; 1.054,77]: still below 1.054,90.
    set_decimal(&mut reports[Y], 4, "1.5.4", 187, 1);
    assert_eq!(
        check_reports(&reports)
            .findings
            .starting_with("period:base_2015:")
            .count(),
        1
    );
    // 857 units, 18,8%: [857 ÷ 0,8125; 857 ÷ 0,8115] = [1.054,77; 1.056,07],
    // which holds 1.054,96: the same base within the digits printed.
    set_decimal(&mut reports[Y], 4, "1.5.4", 188, 1);
    assert_eq!(
        check_reports(&reports)
            .findings
            .starting_with("period:base_2015:")
            .count(),
        0
    );
}

#[test]
fn reports_of_other_bodies_and_years_are_never_mixed() {
    let mut reports = year().to_vec();
    // Another body's year report with a half of the flows: alone in its series.
    let mut other = scaled(Term::Year, 2);
    other.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    reports.push(other);
    // 2024's Q1 with fewer dossiers than 2023's year: another year.
    let mut next = scaled(Term::Q1, 1);
    next.meta.period = Some(Period::new(2024, Term::Q1));
    set(&mut next, 3, "1.4", 2010 + 108);
    reports.push(next);
    let grouping = Series::group(&reports);
    assert_eq!(grouping.series.len(), 3);
    assert_eq!(
        grouping
            .series
            .iter()
            .map(|s| (s.body(), s.year()))
            .collect::<Vec<_>>(),
        [
            ("UBND tỉnh Bắc Giang", 2023),
            ("UBND tỉnh Bắc Giang", 2024),
            ("UBND tỉnh Lạng Sơn", 2023)
        ]
    );
    assert!(check_reports(&reports).findings.is_empty());
}

#[test]
fn reports_without_a_period_or_twice_the_same_are_set_aside() {
    let mut reports = year().to_vec();
    let mut no_period = samples::bac_giang_2023_q3();
    no_period.meta.period = None;
    reports.push(no_period);
    reports.push(scaled(Term::Q3, 1));
    let checked = check_reports(&reports);
    assert!(checked.findings.is_empty());
    assert_eq!(checked.unplaced.len(), 2);
    assert_eq!(checked.unplaced[0].index, 4);
    assert_eq!(checked.unplaced[0].reason, UnplacedReason::NoPeriod);
    assert_eq!(
        checked.unplaced[1].reason,
        UnplacedReason::SamePeriodAs { first: 2 }
    );
    assert_eq!(
        checked.unplaced[0].message_vi(),
        "báo cáo thứ 5 không ghi kỳ báo cáo nên không đặt được vào chuỗi báo cáo của một năm"
    );
}

#[test]
fn windows_contain_and_do_not_overlap() {
    let [q1, half, q3, year] = Term::ALL.map(|term| Period::new(YEAR, term));
    assert!(half.contains(q1));
    assert!(year.contains(q1) && year.contains(half) && year.contains(q3));
    assert!(!half.overlaps(q3) && !q1.overlaps(q3));
    assert!(!q3.contains(half) && !half.contains(year) && !q1.contains(half));
    // 15/12/2022 – 14/3/2023 and 15/12/2022 – 14/6/2023 share their start.
    assert_eq!(q1.data_window().0, half.data_window().0);
    assert_eq!(half.data_window().1.month, 6);
    assert_eq!(q3.data_window().0.month, 6);
    // The year ends the day before the next year's Q1 starts.
    let next_q1 = Period::new(YEAR + 1, Term::Q1);
    assert!(!year.overlaps(next_q1) && !next_q1.contains(year));
    assert_eq!(
        (year.data_window().1.day, next_q1.data_window().0.day),
        (14, 15)
    );
}
