//! Adding up reports: the Bắc Giang sample, made consistent, with
//! copies of it scaled by 2 and 3, so that every total is 1 + 2 + 3 = 6
//! times the sample's and every recomputed rate the sample's ratio.

use cchc_forms::aggregate::{BlankReason, Total, aggregate};
use cchc_forms::catalogue::{CATALOGUE, CellId};
use cchc_forms::cross::{CrossFamily, ReportCell};
use cchc_forms::unit::{Printed, ValueKind};
use cchc_forms::{Decimal, Error, MemberProblemKind, Period, Report, Severity, Term, samples};

fn set(report: &mut Report, form: u8, stt: &str, value: i128) {
    report
        .set_cell(CellId::of(form, stt), Some(Printed::whole(value)))
        .unwrap();
}

/// The sample made consistent: 3/1.4 = 1.486 + 255 + 155 = 1.896; 4/1.5 =
/// 6/2.1 = 840 with 4/1.5.3 = 840 − 6 − 113 = 721; the derivable rates
/// filled (1/2 = 71,43, 6/1 = 85,33).
fn clean() -> Report {
    let report = samples::bac_giang_2023_q3_consistent();
    assert!(!report.validate().has_errors(), "{:#?}", report.validate());
    report
}

/// The clean sample with every count and amount multiplied by `k`.
fn scaled(k: i128) -> Report {
    let mut report = clean();
    for indicator in &CATALOGUE {
        if matches!(indicator.kind, ValueKind::Count | ValueKind::MillionVnd) {
            if let Some(value) = report.cell(indicator.id) {
                let scaled = Printed {
                    mantissa: value.mantissa * k,
                    ..value
                };
                report.set_cell(indicator.id, Some(scaled)).unwrap();
            }
        }
    }
    report
}

fn members() -> Vec<Report> {
    vec![scaled(1), scaled(2), scaled(3)]
}

fn text(report: &Report, form: u8, stt: &str) -> Option<String> {
    report.cell_text(CellId::of(form, stt))
}

#[test]
fn sums_are_exact() {
    let members = members();
    let total = aggregate("Tổng hợp", &members).unwrap();
    let report = &total.report;
    // Dossiers resolved by departments: 54.106 × 6 = 324.636, on time 53.726 × 6 = 322.356.
    assert_eq!(text(report, 3, "3.1.1").as_deref(), Some("324.636"));
    assert_eq!(text(report, 3, "3.1.2").as_deref(), Some("322.356"));
    // Procedures in force, instances: 1.896 × 6 = 11.376.
    assert_eq!(text(report, 3, "1.4").as_deref(), Some("11.376"));
    assert_eq!(
        total.total(CellId::of(3, "1.4")),
        Some(&Total::SumOfInstances)
    );
    assert_eq!(total.total(CellId::of(3, "3.1.1")), Some(&Total::Sum));
    // The investment plan, an amount: 8.007.000 × 6 = 48.042.000.
    assert_eq!(text(report, 6, "1.1").as_deref(), Some("48.042.000"));
    // Every summed row is six times the sample's.
    let sample = clean();
    for indicator in &CATALOGUE {
        if matches!(
            total.total(indicator.id),
            Some(Total::Sum | Total::SumOfInstances)
        ) {
            let (one, six) = (
                sample.cell(indicator.id).unwrap(),
                report.cell(indicator.id).unwrap(),
            );
            assert_eq!(
                six.mantissa,
                one.mantissa * 6,
                "{}/{}",
                indicator.form,
                indicator.stt
            );
        }
    }
    // The metadata: the members' period, template and level.
    assert_eq!(report.meta.body, "Tổng hợp");
    assert_eq!(report.meta.period, Some(Period::new(2023, Term::Q3)));
    assert_eq!(report.meta.level, sample.meta.level);
}

#[test]
fn rates_are_recomputed_from_the_sums() {
    let members = members();
    let total = aggregate("Tổng hợp", &members).unwrap();
    // 100 × 322.356 / 324.636 = 99,29767…: 99,30 (half away from zero); the
    // counts are exact, so the interval is the exact ratio's, to four
    // decimals outward: [99,2976; 99,2977].
    assert_eq!(text(&total.report, 3, "3.1").as_deref(), Some("99,30"));
    let Some(Total::Recomputed {
        numerator,
        denominator,
        interval,
    }) = total.total(CellId::of(3, "3.1"))
    else {
        panic!("{:?}", total.total(CellId::of(3, "3.1")))
    };
    assert_eq!(
        (*numerator, *denominator),
        (CellId::of(3, "3.1.2"), CellId::of(3, "3.1.1"))
    );
    assert_eq!(
        (interval.low, interval.high),
        (Decimal::new(992_976, 4), Decimal::new(992_977, 4))
    );
    // Disbursement, amounts printed whole (each ± 0,5, three members ± 1,5):
    // 100 × 40.992.000 / 48.042.000 = 85,32534…: 85,33; the interval
    // [100 × 40.991.998,5 / 48.042.001,5; 100 × 40.992.001,5 / 48.041.998,5]
    // = [85,325334…; 85,325346…] → [85,3253; 85,3254].
    assert_eq!(text(&total.report, 6, "1").as_deref(), Some("85,33"));
    let Some(Total::Recomputed { interval, .. }) = total.total(CellId::of(6, "1")) else {
        panic!()
    };
    assert_eq!(
        (interval.low, interval.high),
        (Decimal::new(853_253, 4), Decimal::new(853_254, 4))
    );
    // Never an average: members of 10/10 and 0/90 make 10/100 = 10,00%, not 50%.
    let mut one = clean();
    set(&mut one, 1, "3.3.1", 10);
    set(&mut one, 1, "3.3.2", 10);
    let mut two = clean();
    set(&mut two, 1, "3.3.1", 90);
    set(&mut two, 1, "3.3.2", 0);
    two.set_cell(CellId::of(1, "3.3"), Some(Printed::whole(0)))
        .unwrap();
    let members = [one, two];
    let total = aggregate("Tổng hợp", &members).unwrap();
    assert_eq!(text(&total.report, 1, "3.3").as_deref(), Some("10,00"));
}

#[test]
fn rows_that_do_not_add_up_are_blank_with_the_reason_and_codes_a_distribution() {
    let members = members();
    let total = aggregate("Tổng hợp", &members).unwrap();
    // The reduction of units since 2015 is a rate without its base: blank.
    assert_eq!(total.report.cell(CellId::of(4, "1.5.4")), None);
    assert_eq!(
        total.total(CellId::of(4, "1.5.4")),
        Some(&Total::Blank(BlankReason::NotAggregable))
    );
    // A survey held (1/6 = 1) by all three; the meeting system (7/2 = 2,
    // three levels) in all three: distributions, not codes.
    assert_eq!(total.report.cell(CellId::of(1, "6")), None);
    assert_eq!(
        total.total(CellId::of(1, "6")),
        Some(&Total::Distribution {
            counts: vec![0, 3, 0],
            blank: 0
        })
    );
    assert_eq!(
        total.total(CellId::of(7, "2")),
        Some(&Total::Distribution {
            counts: vec![0, 0, 3],
            blank: 0
        })
    );
    // A share of departments without the members' counts of departments:
    // blank, the first member named.
    assert_eq!(
        total.total(CellId::of(4, "1.1")),
        Some(&Total::Blank(BlankReason::WeightMissing { member: 0 }))
    );
    // A row one member left blank: blank, never taken as zero.
    let mut members = members;
    members[1].set_cell(CellId::of(2, "1.3"), None).unwrap();
    let total = aggregate("Tổng hợp", &members).unwrap();
    assert_eq!(total.report.cell(CellId::of(2, "1.3")), None);
    assert_eq!(
        total.total(CellId::of(2, "1.3")),
        Some(&Total::Blank(BlankReason::BlankInMembers {
            count: 1,
            first: vec![1]
        }))
    );
}

#[test]
fn weighted_shares_use_the_members_populations() {
    // Shares of departments reorganised (4/1.1): 100% of 20 departments and
    // 50% of 30: (100 × 20 + 50 × 30) / 50 = 70,00%.
    let mut one = clean();
    one.meta.reference.departments = Some(20);
    let mut two = clean();
    two.meta.reference.departments = Some(30);
    two.set_cell(CellId::of(4, "1.1"), Some(Printed::whole(50)))
        .unwrap();
    let members = [one, two];
    let total = aggregate("Tổng hợp", &members).unwrap();
    assert_eq!(text(&total.report, 4, "1.1").as_deref(), Some("70,00"));
    assert_eq!(total.total(CellId::of(4, "1.1")), Some(&Total::Weighted));
    assert_eq!(total.report.meta.reference.departments, Some(50));
}

#[test]
fn a_consistent_total_has_no_finding() {
    let members = members();
    let total = aggregate("Tổng hợp", &members).unwrap();
    let findings = total.validate();
    assert!(findings.is_empty(), "{findings:#?}");
}

#[test]
fn a_member_with_a_wrong_total_is_named() {
    let mut members = members();
    // The second member (twice the sample) says 3/1.4 = 3.800 for
    // 2 × (1.486 + 255 + 155) = 3.792: the total is 1.896 + 3.800 + 5.688 =
    // 11.384 against parts 11.376, below the total: an error.
    set(&mut members[1], 3, "1.4", 3800);
    let total = aggregate("Tổng hợp các tỉnh", &members).unwrap();
    let findings = total.validate();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let found = &findings[0];
    assert_eq!(found.rule, "aggregate:sum:3/1.4");
    assert_eq!(found.family, CrossFamily::Aggregate);
    assert_eq!(found.severity, Severity::Error);
    assert_eq!(
        (found.reported, found.computed),
        (Some(Decimal::from(11_384)), Some(Decimal::from(11_376)))
    );
    let q3 = Some(Period::new(2023, Term::Q3));
    // The total's cells, then the second member's (its position, as bodies
    // repeat).
    assert_eq!(
        found.cells[0],
        ReportCell::new(
            CellId::of(3, "1.4"),
            q3,
            Some("Tổng hợp các tỉnh".to_owned())
        )
    );
    let member_cells: Vec<&ReportCell> =
        found.cells.iter().filter(|c| c.member.is_some()).collect();
    assert_eq!(member_cells.len(), 4);
    assert!(member_cells.iter().all(|c| c.member == Some(1)
        && c.body.as_deref() == Some("UBND tỉnh Bắc Giang")
        && c.period == q3));
    assert!(
        found
            .message_en
            .ends_with("Members whose cells make it fail: report 2 (UBND tỉnh Bắc Giang)."),
        "{}",
        found.message_en
    );
    assert!(
        found
            .message_vi
            .ends_with("Báo cáo thành phần gây lỗi: báo cáo 2 (UBND tỉnh Bắc Giang)."),
        "{}",
        found.message_vi
    );
}

#[test]
fn members_of_other_periods_or_templates_are_refused() {
    let mut members = members();
    members[2].meta.period = Some(Period::new(2023, Term::Year));
    let Err(Error::Members(problems)) = aggregate("Tổng hợp", &members) else {
        panic!("refused")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].index, 2);
    assert_eq!(
        problems[0].kind,
        MemberProblemKind::Period {
            expected: Some(Period::new(2023, Term::Q3)),
            found: Some(Period::new(2023, Term::Year))
        }
    );
    assert!(problems[0].message_vi().contains("báo cáo thứ 3"));
    let Err(Error::Members(problems)) = aggregate("Tổng hợp", &[]) else {
        panic!("refused")
    };
    assert_eq!(problems[0].kind, MemberProblemKind::NoMembers);
}
