//! The limits of the code that reads several reports together, each tested
//! at and just past it: [`MAX_REPORTS`] reports added up
//! ([`aggregate`]) or checked across periods ([`check_reports`],
//! [`Series::group`]), and [`MAX_NAMED_MEMBERS`] members named in a finding
//! of an aggregate. (The memory these take is measured in
//! `tests/memory.rs`.)

use cchc_forms::aggregate::aggregate;
use cchc_forms::catalogue::CellId;
use cchc_forms::series::{Series, UnplacedReason, check_reports};
use cchc_forms::{
    Error, MAX_ECHO_CHARS, MAX_NAMED_MEMBERS, MAX_REPORTS, MemberProblemKind, Period, Report, Term,
    samples,
};

/// `count` copies of the Bắc Giang Q3/2023 report, the body of each named
/// `body(i)`.
fn copies(count: usize, body: impl Fn(usize) -> String) -> Vec<Report> {
    let sample = samples::bac_giang_2023_q3();
    (0..count)
        .map(|i| {
            let mut report = sample.clone();
            report.meta.body = body(i);
            report
        })
        .collect()
}

#[test]
fn the_most_members_added_up_are_ten_thousand() {
    assert_eq!(MAX_REPORTS, 10_000);
    let members = copies(MAX_REPORTS, |i| format!("Đơn vị {i}"));
    let total = aggregate("Tổng hợp", &members).expect("at the limit");
    // Form 3 row 1.4, the procedures in force: 1.902 in the sample, so
    // 10.000 × 1.902 = 19.020.000; row 3.1.1, the dossiers resolved by the
    // departments: 10.000 × 54.106 = 541.060.000.
    assert_eq!(
        total.report.cell_text(CellId::of(3, "1.4")).as_deref(),
        Some("19.020.000")
    );
    assert_eq!(
        total.report.cell_text(CellId::of(3, "3.1.1")).as_deref(),
        Some("541.060.000")
    );

    // One member more: refused before any is read, with one problem that
    // names the first member past the limit (report 10.001) and the count.
    let mut more = members;
    more.push(samples::bac_giang_2023_q3());
    let Err(Error::Members(problems)) = aggregate("Tổng hợp", &more) else {
        panic!("10,001 members added up")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].index, MAX_REPORTS);
    assert_eq!(
        problems[0].kind,
        MemberProblemKind::TooMany {
            given: MAX_REPORTS + 1
        }
    );
    assert_eq!(
        problems[0].message_en(),
        "10001 reports given, more than the 10000 this library adds up at once: none was read"
    );
    assert!(problems[0].message_vi().contains("10001 báo cáo"));
}

#[test]
fn a_finding_of_an_aggregate_names_ten_members_and_counts_the_rest() {
    assert_eq!(MAX_NAMED_MEMBERS, 10);
    // The sample breaks the sum of form 3 row 1.4 (1.486 + 255 + 155 =
    // 1.896 ≠ 1.902), so does the total of its copies (×11), and every
    // member breaks it on its own: the first 10 are named, the 11th counted.
    for (count, named, tail) in [
        (10, 10, "report 10 (Đơn vị 10)."),
        (11, 10, "report 10 (Đơn vị 10), and 1 more."),
    ] {
        let members = copies(count, |i| format!("Đơn vị {}", i + 1));
        let total = aggregate("Tổng hợp", &members).unwrap();
        let findings = total.validate();
        let sum = findings
            .iter()
            .find(|f| f.rule == "aggregate:sum:3/1.4")
            .expect("the sum of 3/1.4 fails in the total");
        assert!(sum.message_en().ends_with(tail), "{}", sum.message_en());
        let members_named: Vec<usize> = sum.cells.iter().filter_map(|c| c.member).collect();
        // The rule's four cells (1.4 and its three levels) for each member named.
        assert_eq!(members_named.len(), 4 * named);
        assert_eq!(members_named.iter().max(), Some(&(named - 1)));
        if count > named {
            assert!(
                sum.message_vi().ends_with("và 1 báo cáo khác."),
                "{}",
                sum.message_vi()
            );
        }
    }
}

#[test]
fn a_long_body_is_named_cut_in_findings_across_reports() {
    // A body of 1,000,000 characters: named in the aggregate's findings
    // with its first 200 characters and how many more there were.
    let long = "x".repeat(1_000_000);
    // Two members, of two bodies: the long name then 0, or 1.
    let members = copies(2, |i| format!("{long}{i}"));
    let total = aggregate(long.clone(), &members).unwrap();
    let findings = total.validate();
    assert!(!findings.is_empty());
    let cut = format!("{}… (+999800 characters)", "x".repeat(MAX_ECHO_CHARS));
    let cut_member = format!("{}… (+999801 characters)", "x".repeat(MAX_ECHO_CHARS));
    for finding in &findings {
        for cell in &finding.cells {
            let expected = if cell.member.is_some() {
                &cut_member
            } else {
                &cut
            };
            assert_eq!(cell.body.as_deref(), Some(expected.as_str()));
        }
        assert!(
            finding.message_en().to_string().len() < 2_000,
            "{}",
            finding.message_en().to_string().len()
        );
    }
    // A report of it without a period is set aside with its body cut too.
    let mut no_period = members[0].clone();
    no_period.meta.period = None;
    let checked = check_reports(&[no_period]);
    assert_eq!(checked.unplaced[0].body, cut_member);
}

#[test]
fn the_most_reports_checked_across_periods_are_ten_thousand() {
    // 10,000 bodies with one Q3 2023 report each: 10,000 series of one
    // report, which no check across periods can fault (each compares two
    // reports of a body).
    let mut reports = copies(MAX_REPORTS, |i| format!("Đơn vị {i}"));
    let grouping = Series::group(&reports);
    assert_eq!(grouping.series.len(), MAX_REPORTS);
    assert!(grouping.unplaced.is_empty());
    // In order of first appearance.
    assert_eq!(grouping.series[0].body(), "Đơn vị 0");
    assert_eq!(grouping.series[9_999].body(), "Đơn vị 9999");
    let checked = check_reports(&reports);
    assert!(
        checked.findings.is_empty(),
        "{:?}",
        checked.findings.first()
    );
    assert!(checked.unplaced.is_empty());

    // One more, the year report of body 0, whose figures could be checked
    // against its Q3: it is set aside, standing for the reports not read.
    let mut year = reports[0].clone();
    year.meta.period = Some(Period::new(2023, Term::Year));
    reports.push(year);
    let checked = check_reports(&reports);
    assert_eq!(checked.unplaced.len(), 1);
    assert_eq!(checked.unplaced[0].index, MAX_REPORTS);
    assert_eq!(checked.unplaced[0].body, "Đơn vị 0");
    assert_eq!(
        checked.unplaced[0].reason,
        UnplacedReason::TooMany {
            given: MAX_REPORTS + 1
        }
    );
    assert_eq!(
        checked.unplaced[0].message_en(),
        "10001 reports given, more than the 10000 this library checks at once: report 10001 and those after it were not read"
    );
    assert!(checked.findings.is_empty());
    let grouping = Series::group(&reports);
    assert_eq!(grouping.series.len(), MAX_REPORTS);
    assert!(grouping.series[0].report(Term::Year).is_none());
}
