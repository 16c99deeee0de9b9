//! Adding up reports: the Bắc Giang sample, made consistent, with
//! copies of it scaled by 2 and 3, so that every total is 1 + 2 + 3 = 6
//! times the sample's and every recomputed rate the sample's ratio.

use cchc_forms::aggregate::{BlankReason, Total, aggregate};
use cchc_forms::bnv581::CATALOGUE;
use cchc_forms::catalogue::CellId;
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

/// Three bodies' reports: the clean sample scaled by 1, 2 and 3.
fn members() -> Vec<Report> {
    let mut members = vec![scaled(1), scaled(2), scaled(3)];
    for (member, body) in members.iter_mut().zip([
        "UBND tỉnh Bắc Giang",
        "UBND tỉnh Lạng Sơn",
        "UBND tỉnh Bắc Ninh",
    ]) {
        body.clone_into(&mut member.meta.body);
    }
    members
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
    "UBND tỉnh Lạng Sơn".clone_into(&mut two.meta.body);
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
    "UBND tỉnh Lạng Sơn".clone_into(&mut two.meta.body);
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
        && c.body.as_deref() == Some("UBND tỉnh Lạng Sơn")
        && c.period == q3));
    assert!(
        found
            .message_en()
            .ends_with("Members whose cells make it fail: report 2 (UBND tỉnh Lạng Sơn)."),
        "{}",
        found.message_en()
    );
    assert!(
        found
            .message_vi()
            .ends_with("Báo cáo thành phần gây lỗi: báo cáo 2 (UBND tỉnh Lạng Sơn)."),
        "{}",
        found.message_vi()
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

#[test]
fn a_body_given_twice_is_refused_however_it_is_typed() {
    // The third member is the first's body again: in capitals, in
    // decomposed Unicode (ắ = a + U+0306 + U+0301), with other spaces.
    for again in [
        "UBND tỉnh Bắc Giang",
        "UBND TỈNH BẮC GIANG",
        "UBND tỉnh Ba\u{306}\u{301}c Giang",
        " UBND  tỉnh\u{a0}Bắc Giang",
    ] {
        let mut members = members();
        again.clone_into(&mut members[2].meta.body);
        let Err(Error::Members(problems)) = aggregate("Tổng hợp", &members) else {
            panic!("{again:?} added twice")
        };
        assert_eq!(problems.len(), 1, "{again:?}");
        assert_eq!(problems[0].index, 2);
        assert_eq!(problems[0].kind, MemberProblemKind::SameBody { first: 0 });
        // The body as given, its invisible characters escaped.
        let named = again.replace('\u{a0}', "\\u{a0}");
        assert_eq!(
            problems[0].message_en(),
            format!(
                "report 3 ({named}) is of the same body as report 1: a body is counted once in a total"
            )
        );
        assert_eq!(
            problems[0].message_vi(),
            format!(
                "báo cáo thứ 3 ({named}) cùng đơn vị với báo cáo thứ 1: mỗi đơn vị chỉ được cộng một lần"
            )
        );
    }
    // Every repeat is named, each with the first of its body.
    let mut members = members();
    members.push(members[1].clone());
    members.push(members[0].clone());
    let Err(Error::Members(problems)) = aggregate("Tổng hợp", &members) else {
        panic!("added twice")
    };
    let named: Vec<(usize, MemberProblemKind)> =
        problems.iter().map(|p| (p.index, p.kind)).collect();
    assert_eq!(
        named,
        [
            (3, MemberProblemKind::SameBody { first: 1 }),
            (4, MemberProblemKind::SameBody { first: 0 })
        ]
    );
}

#[test]
fn members_without_a_body_are_not_one_body_but_without_a_period_are_refused() {
    // Two members that give no body: two bodies, added up.
    let mut members = members();
    members[0].meta.body.clear();
    members[1].meta.body = " ".to_owned();
    let total = aggregate("Tổng hợp", &members).unwrap();
    assert_eq!(text(&total.report, 3, "1.4").as_deref(), Some("11.376"));
    // A member without a period: refused, wherever it stands.
    for at in 0..3 {
        let mut members = self::members();
        members[at].meta.period = None;
        let Err(Error::Members(problems)) = aggregate("Tổng hợp", &members) else {
            panic!("a member without a period added up")
        };
        let named: Vec<(usize, MemberProblemKind)> =
            problems.iter().map(|p| (p.index, p.kind)).collect();
        assert_eq!(named, [(at, MemberProblemKind::NoPeriod)], "{at}");
        assert!(
            problems[0]
                .message_en()
                .ends_with("gives no period: which period's total it belongs to is not known"),
            "{}",
            problems[0].message_en()
        );
    }
}

#[test]
fn what_the_total_could_not_add_is_a_finding() {
    // Form 2 row 1.3 left blank by members 2 and 3 (of three): blank in
    // the total, a warning naming both and their cells.
    let mut members = members();
    for member in &mut members[1..] {
        member.set_cell(CellId::of(2, "1.3"), None).unwrap();
    }
    let total = aggregate("Tổng hợp", &members).unwrap();
    let gaps = total.gaps();
    let blank: Vec<_> = gaps.of_rule("aggregate:blank:2/1.3").collect();
    assert_eq!(blank.len(), 1, "{gaps:#?}");
    let found = blank[0];
    assert_eq!(found.severity, Severity::Warning);
    let cells: Vec<(&str, Option<usize>, Option<&str>)> = found
        .cells
        .iter()
        .map(|c| (c.stt.as_str(), c.member, c.body.as_deref()))
        .collect();
    assert_eq!(
        cells,
        [
            ("1.3", None, Some("Tổng hợp")),
            ("1.3", Some(1), Some("UBND tỉnh Lạng Sơn")),
            ("1.3", Some(2), Some("UBND tỉnh Bắc Ninh")),
        ]
    );
    assert_eq!(
        found.message_en(),
        "Form 2 row 1.3 is blank in the total of 3 reports: 2 of them left it blank (report 2 (UBND tỉnh Lạng Sơn), report 3 (UBND tỉnh Bắc Ninh)), and a blank is not zero, so the 1 that gave it cannot be added up alone."
    );
    // Rows every member left blank lose nothing: no finding for them; the
    // consistent members without reference counts cannot weight the
    // share of departments (4/1.1): that is said too, naming member 1.
    let rules: Vec<&str> = gaps.iter().map(|f| f.rule.as_str()).collect();
    assert!(rules.contains(&"aggregate:blank:2/1.3"));
    let weight: Vec<_> = gaps.of_rule("aggregate:weight_missing:4/1.1").collect();
    assert_eq!(weight.len(), 1, "{rules:?}");
    assert_eq!(weight[0].cells[1].member, Some(0));
    assert!(
        weight[0]
            .message_en()
            .contains("weighted by each report's departments"),
        "{}",
        weight[0].message_en()
    );
    for rule in rules {
        assert!(
            rule == "aggregate:blank:2/1.3" || rule.starts_with("aggregate:weight_missing:"),
            "{rule}"
        );
    }
}

#[test]
fn code_rows_show_their_distribution() {
    // A survey held (1/6): 1 in two members, 0 in the third.
    let mut members = members();
    set(&mut members[2], 1, "6", 0);
    members[1].set_cell(CellId::of(7, "2"), None).unwrap();
    let total = aggregate("Tổng hợp", &members).unwrap();
    let notes = total.distributions();
    let survey: Vec<_> = notes.of_rule("aggregate:distribution:1/6").collect();
    assert_eq!(survey.len(), 1);
    assert_eq!(survey[0].severity, Severity::Info);
    assert_eq!(
        survey[0].message_en(),
        "Form 1 row 6, codes are not added up: 1 report gave 0 (no), 2 reports gave 1 (yes)."
    );
    assert_eq!(
        survey[0].message_vi(),
        "Biểu 1 mục 6, mã không cộng được: 1 báo cáo ghi 0 (Không), 2 báo cáo ghi 1 (Có)."
    );
    let meeting: Vec<_> = notes.of_rule("aggregate:distribution:7/2").collect();
    assert_eq!(
        meeting[0].message_en(),
        "Form 7 row 2, codes are not added up: 2 reports gave 2 (three levels), 1 left it blank."
    );
}

#[test]
fn a_total_too_large_for_its_cell_is_said() {
    // Dossiers resolved (3/3.1.1), a count up to u64::MAX: two members at
    // the maximum add up to more than a count holds.
    let mut members = members();
    members.truncate(2);
    for member in &mut members {
        set(member, 3, "3.1.1", i128::from(u64::MAX));
    }
    let total = aggregate("Tổng hợp", &members).unwrap();
    assert_eq!(total.report.cell(CellId::of(3, "3.1.1")), None);
    assert_eq!(
        total.total(CellId::of(3, "3.1.1")),
        Some(&Total::Blank(BlankReason::TooLarge))
    );
    let gaps = total.gaps();
    let found: Vec<_> = gaps.of_rule("aggregate:too_large:3/3.1.1").collect();
    assert_eq!(found.len(), 1, "{gaps:#?}");
    assert_eq!(
        found[0].message_en(),
        "Form 3 row 3.1.1 is blank in the total of 2 reports: the total is too large for the cell."
    );
}
