//! What the rule families say and decide, asserted from the rules and the
//! wording of the template's messages, each case worked out by hand. Written
//! to kill the mutants `cargo mutants` found surviving in the family files
//! of `src/check/` (see `.ci/mutants.sh` and README, "Mutation testing").

use cchc_forms::{Finding, Level, Period, Report, ReportMeta, Row, Severity, Term};

fn report(rows: &[(u8, &str, &str)]) -> Report {
    report_of(ReportMeta::default(), rows)
}

fn report_of(meta: ReportMeta, rows: &[(u8, &str, &str)]) -> Report {
    Report::from_rows(
        meta,
        rows.iter()
            .map(|&(form, stt, text)| Row::new(form, stt, text)),
    )
    .expect("rows of the forms")
}

/// A provincial report for the first quarter of 2026, when there is no
/// district level (its rows do not apply).
fn without_districts() -> ReportMeta {
    ReportMeta::new(
        "UBND tỉnh Bắc Ninh",
        Level::Province,
        Period::new(2026, Term::Q1),
    )
}

/// The one finding of `rule` on the report made of `rows`.
fn finding(rows: &[(u8, &str, &str)], rule: &str) -> Finding {
    finding_in(&report(rows), rule)
}

/// The one finding of `rule` on `report`.
fn finding_in(report: &Report, rule: &str) -> Finding {
    let findings = report.validate();
    let mut of_rule = findings.of_rule(rule);
    let found = of_rule
        .next()
        .unwrap_or_else(|| panic!("no finding of {rule} in {findings:?}"))
        .clone();
    assert!(of_rule.next().is_none(), "two findings of {rule}");
    found
}

/// The English and Vietnamese messages of a finding.
fn messages(finding: &Finding) -> (String, String) {
    (
        finding.message_en().to_string(),
        finding.message_vi().to_string(),
    )
}

#[test]
fn a_value_out_of_bounds_is_named_with_its_range_and_why() {
    // The message: row, " = ", value and unit, " is outside ", the range
    // [min, max] with −∞/+∞ for an open side and the unit, ": ", the
    // rule's note. 101 % is above 100 % for a share.
    let share = finding(&[(3, "3.1", "101")], "bound:3/3.1:0..100");
    assert_eq!(
        messages(&share),
        (
            "Form 3, row 3.1 = 101% is outside [0, 100]%: A share of a whole.".to_string(),
            "Biểu 3, mục 3.1 = 101% nằm ngoài [0; 100]%: Tỷ lệ phần trăm của một phần trên tổng."
                .to_string()
        )
    );
    // A reduction since 2015 of 100,6 % is past its upper bound 100 (no
    // lower one in this rule: −∞).
    let reduction = finding(&[(4, "2.5", "100,6")], "bound:4/2.5:_..100");
    let (english, vietnamese) = messages(&reduction);
    assert!(
        english.starts_with("Form 4, row 2.5 = 100.6% is outside [−∞, 100]%: "),
        "{english}"
    );
    assert!(
        vietnamese.starts_with("Biểu 4, mục 2.5 = 100,6% nằm ngoài [−∞; 100]%: "),
        "{vietnamese}"
    );
    // An amount (million VND) has no `%`: −5 is below 0, no upper bound.
    let planned = finding(&[(6, "1.1", "-5")], "bound:6/1.1:0.._");
    assert_eq!(
        messages(&planned),
        (
            "Form 6, row 1.1 = -5 is outside [0, +∞]: A planned amount cannot be negative."
                .to_string(),
            "Biểu 6, mục 1.1 = -5 nằm ngoài [0; +∞]: Số tiền kế hoạch không thể âm.".to_string()
        )
    );
    // The imbalance is the value less the limit it passes: 101 − 100 = 1,
    // −5 − 0 = −5.
    assert_eq!(share.imbalance.map(|d| d.to_string()), Some("1".into()));
    assert_eq!(planned.imbalance.map(|d| d.to_string()), Some("-5".into()));
    assert_eq!(share.severity, Severity::Error);
}

#[test]
fn a_ratio_message_gives_both_intervals_lowest_first() {
    // 6/1 = 100 × 6/1.2 / 6/1.1. 6/1.2 = 63,32 stands for [63,315; 63,325]
    // and 6/1.1 = 101 for [100,5; 101,5]: the ratio lies in [100 × 63,315 /
    // 101,5; 100 × 63,325 / 100,5] = [62,37931…; 63,00995…], widened at four
    // decimals to [62,3793; 63,0100]. 64 stands for [63,5; 64,5]: an error.
    // 100 × 63,32 / 101 = 62,693069… ≈ 62,6931.
    let positive = finding(
        &[(6, "1", "64"), (6, "1.1", "101"), (6, "1.2", "63,32")],
        "ratio:6/1",
    );
    assert_eq!(
        messages(&positive),
        (
            "Form 6, row 1: the reported 64% [63.5, 64.5] does not match 100 × 1.2 / 1.1 \
             = 100 × 63.32 / 101 = 62.6931% [62.3793, 63.01]."
                .to_string(),
            "Biểu 6, mục 1: tỷ lệ báo cáo 64% [63,5; 64,5] không khớp với 100 × 1.2 / 1.1 \
             = 100 × 63,32 / 101 = 62,6931% [62,3793; 63,01]."
                .to_string()
        )
    );
    // The mirror: −63,32 of 101. A negative amount divided by more is
    // nearer zero, so the lowest ratio is 100 × −63,325 / 100,5 = −63,00995…
    // (−63,0100 widened) and the highest 100 × −63,315 / 101,5 = −62,37931…
    // (−62,3793): the interval is [−63,01; −62,3793], not its ends swapped.
    let negative = finding(
        &[(6, "1", "-64"), (6, "1.1", "101"), (6, "1.2", "-63,32")],
        "ratio:6/1",
    );
    let interval = negative.computed_interval.expect("an interval");
    assert_eq!(
        (interval.low.to_string(), interval.high.to_string()),
        ("-63.0100".to_string(), "-62.3793".to_string())
    );
    assert_eq!(
        negative.computed.map(|d| d.to_string()),
        Some("-62.6931".into())
    );
    let (english, _) = messages(&negative);
    assert!(
        english.ends_with("= -62.6931% [-63.01, -62.3793]."),
        "{english}"
    );
    // The imbalance: −64 − (−62,6931) = −1,3069.
    assert_eq!(
        negative.imbalance.map(|d| d.to_string()),
        Some("-1.3069".into())
    );
}

#[test]
fn an_overall_rate_outside_its_levels_names_the_levels_that_apply() {
    // Levels 90, 95 and 99 % stand for [89,5; 90,5], [94,5; 95,5] and
    // [98,5; 99,5]: together [89,5; 99,5]. 88 ([87,5; 88,5]) is below.
    let rows = |overall| {
        [
            (7, "5.2", overall),
            (7, "5.2.1", "90"),
            (7, "5.2.2", "95"),
            (7, "5.2.3", "99"),
        ]
    };
    let below = finding(&rows("88"), "level_range:7/5.2");
    assert_eq!(below.severity, Severity::Error);
    assert_eq!(
        messages(&below),
        (
            "Form 7, row 5.2 = 88% lies outside the range of 5.2.1, 5.2.2, 5.2.3 [89.5, 99.5]."
                .to_string(),
            "Biểu 7, mục 5.2 = 88% nằm ngoài khoảng của 5.2.1, 5.2.2, 5.2.3 [89,5; 99,5]."
                .to_string()
        )
    );
    // 99,6 to the nearest is [99,55; 99,65], above 99,5; truncated it is
    // [99,6; 99,7), and the levels truncated reach up to 100 (99 is
    // [99; 100)): consistent only if truncated, a note.
    let truncated = finding(&rows("99,6"), "level_range:7/5.2");
    assert_eq!(truncated.severity, Severity::Info);
    assert_eq!(
        messages(&truncated),
        (
            "Form 7, row 5.2 = 99.6% lies outside the range of 5.2.1, 5.2.2, 5.2.3 \
             [89.5, 99.5] unless the rates were truncated."
                .to_string(),
            "Biểu 7, mục 5.2 = 99,6% nằm ngoài khoảng của 5.2.1, 5.2.2, 5.2.3 \
             [89,5; 99,5] trừ khi các tỷ lệ bị cắt bớt chữ số."
                .to_string()
        )
    );
    // In 2026 there is no district level: 5.2.2 does not apply, and the
    // range is that of 5.2.1 and 5.2.3 alone, [89,5; 99,5] still.
    let report = report_of(
        without_districts(),
        &[(7, "5.2", "88"), (7, "5.2.1", "90"), (7, "5.2.3", "99")],
    );
    let two_levels = finding_in(&report, "level_range:7/5.2");
    assert_eq!(
        messages(&two_levels).0,
        "Form 7, row 5.2 = 88% lies outside the range of 5.2.1, 5.2.3 [89.5, 99.5]."
    );
}
