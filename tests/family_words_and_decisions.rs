//! What the rule families say and decide, asserted from the rules and the
//! wording of the template's messages, each case worked out by hand. Written
//! to kill the mutants `cargo mutants` found surviving in the family files
//! of `src/check/` (see `.ci/mutants.sh` and docs/testing.md, "Mutation testing").

use cchc_forms::{Finding, Level, Period, Report, ReportMeta, Severity, Term};

mod common;
use common::{one_of, report, report_of};

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
    one_of(&report.validate(), rule)
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

#[test]
fn parts_above_their_whole_are_named_with_their_figures() {
    // Completed tasks 57 of 56 set: the one part exceeds the whole.
    let one = finding(&[(1, "2.1", "56"), (1, "2.2", "57")], "part:1/2.2<=1/2.1");
    assert_eq!(
        messages(&one),
        (
            "Form 1: row 2.2 = 57 exceeds row 2.1 = 56.".to_string(),
            "Biểu 1: mục 2.2 = 57 vượt quá mục 2.1 = 56.".to_string()
        )
    );
    // Tasks on time 6 and late 5 of 10 assigned, the overdue ones blank:
    // 6 + 5 = 11 > 10 already.
    let two = finding(
        &[(1, "5.1", "10"), (1, "5.2", "6"), (1, "5.3", "5")],
        "part:1/5.2+1/5.3+1/5.4<=1/5.1",
    );
    assert_eq!(
        messages(&two),
        (
            "Form 1: row 5.2 + row 5.3 = 6 + 5 = 11 exceeds row 5.1 = 10 even with row 5.4 blank."
                .to_string(),
            "Biểu 1: mục 5.2 + mục 5.3 = 6 + 5 = 11 vượt quá mục 5.1 = 10 dù mục 5.4 để trống."
                .to_string()
        )
    );
    assert_eq!(two.computed.map(|d| d.to_string()), Some("11".into()));
}

#[test]
fn a_share_of_a_few_bodies_names_the_nearest_it_could_be() {
    // 3 bodies inspected allow 0; 33,33; 66,67; 100 %. 50 stands for
    // [49,5; 50,5] (truncated [50; 51)), which holds none. The nearest k:
    // 50 × 3 / 100 = 1,5, rounded half up to 2, so 100 × 2 / 3 = 66,67 (two
    // decimals at least).
    let share = finding(&[(1, "4.1", "3"), (1, "4.2", "50")], "share:1/4.2");
    assert_eq!(share.severity, Severity::Warning);
    assert_eq!(
        messages(&share),
        (
            "Form 1: row 4.2 = 50 cannot be a share of row 4.1 = 3: it must be 100 × k / 3 \
             for a whole k from 0 to 3 (the nearest is 66.67)."
                .to_string(),
            "Biểu 1: mục 4.2 = 50 không thể là tỷ lệ trên mục 4.1 = 3: phải bằng 100 × k / 3 \
             với k nguyên từ 0 đến 3 (gần nhất là 66,67)."
                .to_string()
        )
    );
}

#[test]
fn a_blank_rate_is_derived_or_said_to_be_underivable() {
    // 100 × 50 / 56 = 89,2857… ≈ 89,29 (two decimals).
    let derived = finding(&[(1, "2.1", "56"), (1, "2.2", "50")], "derivable:1/2");
    assert_eq!(derived.severity, Severity::Info);
    assert_eq!(
        derived.computed.map(|d| d.to_string()),
        Some("89.29".into())
    );
    assert_eq!(
        messages(&derived),
        (
            "Form 1, row 2 is blank but can be derived: 100 × row 2.2 / row 2.1 \
             = 100 × 50 / 56 = 89.29%."
                .to_string(),
            "Biểu 1, mục 2 để trống nhưng tính được: 100 × mục 2.2 / mục 2.1 \
             = 100 × 50 / 56 = 89,29%."
                .to_string()
        )
    );
    // 100 × 57 / 56 = 101,79 is no share: the rate cannot be derived.
    let not = finding(&[(1, "2.1", "56"), (1, "2.2", "57")], "derivable:1/2");
    assert_eq!(not.computed, None);
    assert_eq!(
        messages(&not),
        (
            "Form 1, row 2 is blank, and it cannot be derived: 100 × row 2.2 / row 2.1 \
             = 100 × 57 / 56 lies outside [0, 100], so row 2.2 or row 2.1 is wrong \
             (see the findings on them)."
                .to_string(),
            "Biểu 1, mục 2 để trống và không tính được: 100 × mục 2.2 / mục 2.1 \
             = 100 × 57 / 56 nằm ngoài [0; 100], nên mục 2.2 hoặc mục 2.1 có sai sót \
             (xem các phát hiện về hai mục này)."
                .to_string()
        )
    );
}

#[test]
fn a_rate_of_100_with_some_left_undone_is_a_note() {
    // 100 × 199 / 200 = 99,5 exactly, the lower end of what `100` stands
    // for ([99,5; 100,5]): consistent, but not all were done.
    let full = finding(
        &[(3, "3.1", "100"), (3, "3.1.1", "200"), (3, "3.1.2", "199")],
        "full:3/3.1",
    );
    assert_eq!(full.severity, Severity::Info);
    assert_eq!(
        messages(&full),
        (
            "Form 3: row 3.1 = 100 % although row 3.1.2 = 199 < row 3.1.1 = 200: \
             reported as 100 % but not all were done (the ratio rounds to 100)."
                .to_string(),
            "Biểu 3: mục 3.1 = 100% dù mục 3.1.2 = 199 < mục 3.1.1 = 200: \
             báo cáo 100% nhưng chưa hoàn thành hết (tỷ lệ được làm tròn lên 100)."
                .to_string()
        )
    );
    // 200 of 200 were done: no note; `100,0` is not printed as 100 in
    // whole units but stands for [99,95; 100,05], which 99,5 is outside
    // (the ratio rule's error, not this note).
    let all = report(&[(3, "3.1", "100"), (3, "3.1.1", "200"), (3, "3.1.2", "200")]);
    assert!(all.validate().of_rule("full:3/3.1").next().is_none());
}

#[test]
fn a_count_above_what_covers_it_names_the_covering_rows() {
    // 10 services with dossiers, but the dossiers of fully and partly
    // online services number 4 + 5 = 9: at most 9 services can have had
    // one.
    let covers = finding(
        &[(7, "6.2.1", "10"), (7, "6.3.1", "4"), (7, "6.4.1", "5")],
        "covers:7/6.2.1<=7/6.3.1+7/6.4.1",
    );
    assert_eq!(covers.computed.map(|d| d.to_string()), Some("9".into()));
    assert_eq!(covers.imbalance.map(|d| d.to_string()), Some("1".into()));
    let (english, vietnamese) = messages(&covers);
    assert_eq!(
        english,
        "Form 7: row 6.2.1 = 10 exceeds row 6.3.1 + row 6.4.1 = 4 + 5 = 9. Every online \
         service that had dossiers has at least one among the dossiers of fully or partly \
         online services."
    );
    assert!(
        vietnamese
            .starts_with("Biểu 7: mục 6.2.1 = 10 vượt quá mục 6.3.1 + mục 6.4.1 = 4 + 5 = 9. "),
        "{vietnamese}"
    );
    // 9 services: as many as the dossiers, consistent.
    let fine = report(&[(7, "6.2.1", "9"), (7, "6.3.1", "4"), (7, "6.4.1", "5")]);
    assert!(
        fine.validate()
            .of_rule("covers:7/6.2.1<=7/6.3.1+7/6.4.1")
            .next()
            .is_none()
    );
}

#[test]
fn the_same_population_in_two_forms_is_compared_and_named_by_form() {
    // Form 4 counts 858 public service units, form 6 840: 858 − 840 = 18.
    let same = finding(
        &[(4, "1.5", "858"), (6, "2.1", "840")],
        "across:4/1.5==6/2.1",
    );
    assert_eq!(same.severity, Severity::Warning);
    assert_eq!(same.imbalance.map(|d| d.to_string()), Some("18".into()));
    let (english, vietnamese) = messages(&same);
    assert_eq!(
        english,
        "Form 4 row 1.5 = 858 but form 6 row 2.1 = 840, and they count the same thing \
         (difference 18): Form 4 row 1.5 and form 6 row 2.1 both count the locality's \
         public service units."
    );
    assert!(
        vietnamese.starts_with(
            "Biểu 4 mục 1.5 = 858 nhưng biểu 6 mục 2.1 = 840, trong khi cùng đếm một đối \
             tượng (chênh lệch 18): "
        ),
        "{vietnamese}"
    );
    // 840 in both: the same.
    let equal = report(&[(4, "1.5", "840"), (6, "2.1", "840")]);
    assert!(
        equal
            .validate()
            .of_rule("across:4/1.5==6/2.1")
            .next()
            .is_none()
    );
    // Form 5's 859 units with approved positions cannot be among form 4's
    // 858 units.
    let part = finding(
        &[(4, "1.5", "858"), (5, "1.2", "859")],
        "across:5/1.2<=4/1.5",
    );
    assert_eq!(
        messages(&part),
        (
            "form 5 row 1.2 = 859 exceeds form 4 row 1.5 = 858.".to_string(),
            "biểu 5 mục 1.2 = 859 vượt quá biểu 4 mục 1.5 = 858.".to_string()
        )
    );
}

#[test]
fn a_count_of_bodies_above_the_bodies_there_are_is_named_with_both() {
    // 21 departments checked of 20 there are; 20 of 20 is fine.
    let meta = |checked| {
        let mut meta = ReportMeta::default();
        meta.reference.departments = Some(20);
        report_of(meta, &[(1, "3.1", checked)])
    };
    let above = finding_in(&meta("21"), "reference:1/3.1<=departments");
    assert_eq!(above.severity, Severity::Warning);
    assert_eq!(above.imbalance.map(|d| d.to_string()), Some("1".into()));
    assert_eq!(
        messages(&above),
        (
            "Form 1: row 3.1 = 21 exceeds the number of departments, 20. No more departments \
             can be checked than there are."
                .to_string(),
            format!(
                "Biểu 1: mục 3.1 = 21 vượt quá số sở, ngành (20). {}",
                above.rule.rule().note_vi()
            )
        )
    );
    assert!(
        meta("20")
            .validate()
            .of_rule("reference:1/3.1<=departments")
            .next()
            .is_none()
    );
}

#[test]
fn a_district_row_after_the_district_level_ended_must_be_blank() {
    // From 1 July 2025 there is no district level: in Q1/2026 a count of
    // district procedures must be blank (or 0, which says the same).
    let report = |value| report_of(without_districts(), &[(3, "1.4.2", value)]);
    let findings = report("5").validate();
    let inapplicable: Vec<_> = findings
        .iter()
        .filter(|finding| finding.rule.as_str().starts_with("not_applicable:"))
        .collect();
    assert_eq!(inapplicable.len(), 1, "{findings:?}");
    let (english, vietnamese) = messages(inapplicable[0]);
    assert!(
        english.starts_with(
            "Form 3, row 1.4.2 = 5 but the row does not apply to this report's period: "
        ) && english.ends_with(". Leave it blank."),
        "{english}"
    );
    assert!(
        vietnamese
            .starts_with("Biểu 3, mục 1.4.2 = 5 nhưng chỉ tiêu này không áp dụng cho kỳ báo cáo: ")
            && vietnamese.ends_with(". Để trống ô này."),
        "{vietnamese}"
    );
    assert_eq!(
        inapplicable[0].reported.map(|d| d.to_string()),
        Some("5".into())
    );
    assert!(
        report("0")
            .validate()
            .iter()
            .all(|finding| !finding.rule.as_str().starts_with("not_applicable:"))
    );
}

#[test]
fn a_survey_not_held_has_no_forms_and_no_method() {
    use cchc_forms::catalogue::CellId;
    // 1/6 = 0: no survey, yet 3 survey forms: they describe how it was
    // done. A count of 0 says nothing was done and is no contradiction.
    let forms = finding(&[(1, "6", "0"), (1, "6.1", "3")], "conditional:1/6==0");
    assert_eq!(forms.severity, Severity::Error);
    assert_eq!(forms.cells, [CellId::of(1, "6"), CellId::of(1, "6.1")]);
    assert_eq!(
        messages(&forms).0,
        "Form 1, row 6 = 0 (no) but row 6.1 = 3 describe how it was done: they must be \
         blank. Without a survey there are no survey forms and no survey method."
    );
    // A method code is a way of doing it whatever its value, 0 included;
    // 6.1 = 0 is not listed.
    let method = finding(
        &[(1, "6", "0"), (1, "6.1", "0"), (1, "6.2", "0")],
        "conditional:1/6==0",
    );
    assert_eq!(method.cells, [CellId::of(1, "6"), CellId::of(1, "6.2")]);
    let (english, vietnamese) = messages(&method);
    assert!(
        english.starts_with("Form 1, row 6 = 0 (no) but row 6.2 = 0") && !english.contains("6.1"),
        "{english}"
    );
    assert!(
        vietnamese.starts_with("Biểu 1, mục 6 = 0 (") && vietnamese.contains(") nhưng mục 6.2 = 0"),
        "{vietnamese}"
    );
    // Both: joined by "and".
    let both = finding(
        &[(1, "6", "0"), (1, "6.1", "2"), (1, "6.2", "1")],
        "conditional:1/6==0",
    );
    let (english, vietnamese) = messages(&both);
    assert!(
        english.contains("but row 6.1 = 2 and row 6.2 = 1"),
        "{english}"
    );
    assert!(
        vietnamese.contains("nhưng mục 6.1 = 2 và mục 6.2 = 1"),
        "{vietnamese}"
    );
    // The survey held (1/6 = 1): nothing to say here; 0 and blanks: none.
    for rows in [
        [(1, "6", "1"), (1, "6.1", "3"), (1, "6.2", "1")],
        [(1, "6", "0"), (1, "6.1", "0"), (1, "6.2", "")],
    ] {
        let report = report(&rows);
        assert!(
            report
                .validate()
                .of_rule("conditional:1/6==0")
                .next()
                .is_none(),
            "{rows:?}"
        );
    }
}

/// Whether `rule` has a finding on the report made of `rows`.
fn fires(rows: &[(u8, &str, &str)], rule: &str) -> bool {
    report(rows).validate().of_rule(rule).next().is_some()
}

#[test]
fn an_implication_names_its_premise_and_what_it_requires() {
    use cchc_forms::catalogue::CellId;
    // 5 dossiers submitted online to fully online services (6.3.2), none
    // known for partly online ones (blank): 5 ≥ 1, so some service had
    // online dossiers (6.2.2 ≥ 1); 6.2.2 = 0 breaks it.
    let online = "implies:7/6.3.2+7/6.4.2>=1=>7/6.2.2>=1";
    let broken = finding(&[(7, "6.3.2", "5"), (7, "6.2.2", "0")], online);
    assert_eq!(broken.severity, Severity::Error);
    assert_eq!(
        broken.cells,
        [CellId::of(7, "6.3.2"), CellId::of(7, "6.2.2")]
    );
    assert_eq!(broken.reported.map(|d| d.to_string()), Some("0".into()));
    assert_eq!(
        messages(&broken),
        (
            "Form 7: row 6.3.2 = 5 and row 6.4.2 is blank, so row 6.2.2 ≥ 1 is required, but \
             row 6.2.2 = 0. Dossiers submitted online belong to an online service that had \
             online dossiers."
                .to_string(),
            format!(
                "Biểu 7: mục 6.3.2 = 5 và mục 6.4.2 để trống, nên mục 6.2.2 ≥ 1 là bắt buộc, \
                 nhưng mục 6.2.2 = 0. {}",
                broken.rule.rule().note_vi()
            )
        )
    );
    // 0 + 0 dossiers: the premise is false, nothing required. 0 and a
    // blank: it may be either, so nothing is said; nor with the
    // conclusion's row blank. 1 service: it holds.
    assert!(!fires(
        &[(7, "6.3.2", "0"), (7, "6.4.2", "0"), (7, "6.2.2", "0")],
        online
    ));
    assert!(!fires(&[(7, "6.3.2", "0"), (7, "6.2.2", "0")], online));
    assert!(!fires(&[(7, "6.3.2", "5")], online));
    assert!(!fires(&[(7, "6.3.2", "5"), (7, "6.2.2", "1")], online));
    // The partly online ones alone make the premise true too.
    assert!(fires(&[(7, "6.4.2", "1"), (7, "6.2.2", "0")], online));

    // Issues found (3.3.1 = 4) need a department or a district checked:
    // 3.1 + 3.2 ≥ 1. Both 0 breaks it; 0 and a blank may not; 0 and 1
    // holds.
    let checked = "implies:1/3.3.1>=1=>1/3.1+1/3.2>=1";
    let none = finding(
        &[(1, "3.3.1", "4"), (1, "3.1", "0"), (1, "3.2", "0")],
        checked,
    );
    assert_eq!(
        messages(&none).0,
        "Form 1: row 3.3.1 = 4, so row 3.1 + row 3.2 ≥ 1 is required, but row 3.1 = 0 and \
         row 3.2 = 0. Issues found by checks need a department or district People's Committee \
         checked."
    );
    assert!(!fires(&[(1, "3.3.1", "4"), (1, "3.1", "0")], checked));
    assert!(!fires(
        &[(1, "3.3.1", "4"), (1, "3.1", "0"), (1, "3.2", "1")],
        checked
    ));
    assert!(!fires(
        &[(1, "3.3.1", "0"), (1, "3.1", "0"), (1, "3.2", "0")],
        checked
    ));
}

#[test]
fn a_code_or_a_zero_premise_requires_a_row_reported_blank_or_zero() {
    // A survey carried out (1/6 = 1) should say how (6.2 reported): a
    // note when 6.2 is blank.
    let how = "implies:1/6==1=>1/6.2:reported";
    let blank = finding(&[(1, "6", "1")], how);
    assert_eq!(blank.severity, Severity::Info);
    assert_eq!(blank.reported, None);
    assert_eq!(
        messages(&blank).0,
        "Form 1: row 6 = 1, so row 6.2 reported is required, but row 6.2 is blank. A survey \
         carried out should say how it was run."
    );
    assert!(messages(&blank).1.starts_with(
        "Biểu 1: mục 6 = 1, nên mục 6.2 được báo cáo là bắt buộc, nhưng mục 6.2 để trống. "
    ));
    assert!(!fires(&[(1, "6", "1"), (1, "6.2", "0")], how));
    assert!(!fires(&[(1, "6", "0")], how));
    assert!(!fires(&[(1, "6.2", "1")], how));
    // No body inspected (4.1 = 0): no share of them (4.2 blank).
    let share = "implies:1/4.1==0=>1/4.2:blank";
    let reported = finding(&[(1, "4.1", "0"), (1, "4.2", "50")], share);
    assert_eq!(reported.severity, Severity::Warning);
    assert_eq!(reported.reported.map(|d| d.to_string()), Some("50".into()));
    assert_eq!(
        messages(&reported),
        (
            "Form 1: row 4.1 = 0, so row 4.2 blank is required, but row 4.2 = 50. With no body \
             inspected there is no share of bodies that carried out the conclusions."
                .to_string(),
            format!(
                "Biểu 1: mục 4.1 = 0, nên mục 4.2 để trống là bắt buộc, nhưng mục 4.2 = 50. {}",
                reported.rule.rule().note_vi()
            )
        )
    );
    assert!(!fires(&[(1, "4.1", "0")], share));
    assert!(!fires(&[(1, "4.1", "2"), (1, "4.2", "50")], share));
    assert!(!fires(&[(1, "4.2", "50")], share));
    // No provincial procedures (1.4.1 = 0): no dossiers resolved by the
    // departments (3.1.1 = 0).
    let departments = "implies:3/1.4.1==0=>3/3.1.1==0";
    let resolved = finding(&[(3, "1.4.1", "0"), (3, "3.1.1", "5")], departments);
    assert_eq!(
        messages(&resolved).0,
        "Form 3: row 1.4.1 = 0, so row 3.1.1 = 0 is required, but row 3.1.1 = 5. Without \
         provincial procedures the departments resolve no dossiers."
    );
    assert!(!fires(&[(3, "1.4.1", "0"), (3, "3.1.1", "0")], departments));
    assert!(!fires(&[(3, "1.4.1", "0")], departments));
    assert!(!fires(&[(3, "1.4.1", "3"), (3, "3.1.1", "5")], departments));
    assert!(!fires(&[(3, "3.1.1", "5")], departments));
}

#[test]
fn a_share_of_n_bodies_fits_a_whole_k_at_the_ends_of_its_interval() {
    let share = |n, rate| report(&[(1, "4.1", n), (1, "4.2", rate)]);
    let fits = |n, rate| !fires(&[(1, "4.1", n), (1, "4.2", rate)], "share:1/4.2");
    // 8 bodies: multiples of 12,5 %. `13` stands for [12,5; 13,5] and `12`
    // for [11,5; 12,5]: 12,5 is an end of each, and they hold. `14`
    // ([13,5; 14,5]) holds none, nor truncated ([14; 15)).
    assert!(fits("8", "13"));
    assert!(fits("8", "12"));
    assert!(!fits("8", "14"));
    // 3 bodies: 33,333…%. `33,33` ([33,325; 33,335]) holds it; `33,34`
    // ([33,335; 33,345]) does not, nor truncated ([33,34; 33,35)). `66,66`
    // to the nearest is [66,655; 66,665], below 66,666…, but truncated
    // [66,66; 66,67) holds it: a share either way.
    assert!(fits("3", "33,33"));
    assert!(!fits("3", "33,34"));
    assert!(fits("3", "66,66"));
    // 4 bodies: multiples of 25 %. `24` truncated is [24; 25), which leaves
    // 25 out; to the nearest [23,5; 24,5]: no share.
    assert!(!fits("4", "24"));
    assert!(fits("4", "25"));
    // 0 and 100 are shares of any population; nothing below 0 or above 100.
    for rate in ["0", "100", "0,00"] {
        assert!(fits("3", rate), "{rate}");
    }
    assert!(!fits("3", "-0,1"));
    assert!(!fits("3", "100,4"));
    // 100 × 4 / 3 = 133,33…, which `133` ([132,5; 133,5]) holds, is k = 4
    // of 3 bodies: no share.
    assert!(!fits("3", "133"));
    assert!(!fits("3", "133,33"));
    // The nearest share, at two decimals at least: 10 % of 3 is k = 0,3,
    // so k = 0 and 0,00 %; 150 % of 3 is k = 4,5, at most 3: 100,00 %.
    let nearest = |n, rate| {
        share(n, rate)
            .validate()
            .of_rule("share:1/4.2")
            .next()
            .and_then(|finding| finding.computed)
            .map(|computed| computed.to_string())
    };
    assert_eq!(nearest("3", "10"), Some("0.00".into()));
    assert_eq!(nearest("3", "150"), Some("100.00".into()));
    // 24 % of 4 is k = 0,96: 1, and 25,00 %; 14 % of 8 is 1,12: 12,50 %.
    assert_eq!(nearest("4", "24"), Some("25.00".into()));
    assert_eq!(nearest("8", "14"), Some("12.50".into()));
    // With no body inspected (0) there is no share to check.
    assert!(fits("0", "50"));
}

#[test]
fn a_sum_off_its_total_takes_the_severity_of_its_direction() {
    // Procedures by level: 1.486 + 255 + 155 = 1.896. A total of 1.890 is
    // below the levels (one procedure listed at two levels: a warning);
    // 1.902 above them (an error, imbalance 1.902 − 1.896 = 6).
    let levels = |total| {
        [
            (3, "1.4", total),
            (3, "1.4.1", "1.486"),
            (3, "1.4.2", "255"),
            (3, "1.4.3", "155"),
        ]
    };
    let above = finding(&levels("1.890"), "sum:3/1.4");
    assert_eq!(above.severity, Severity::Warning);
    assert_eq!(above.imbalance.map(|d| d.to_string()), Some("-6".into()));
    let below = finding(&levels("1.902"), "sum:3/1.4");
    assert_eq!(below.severity, Severity::Error);
    assert_eq!(below.imbalance.map(|d| d.to_string()), Some("6".into()));
    assert_eq!(below.computed.map(|d| d.to_string()), Some("1896".into()));
    assert_eq!(
        messages(&below).1,
        "Biểu 3: mục 1.4 = 1.902 nhưng mục 1.4.1 + mục 1.4.2 + mục 1.4.3 = 1.486 + 255 + 155 \
         = 1.896 (chênh lệch 6)."
    );
    // The commune level blank: 1.486 + 255 = 1.741 is at most 1.902, as
    // "of which"; at most 1.700 it is not: the parts exceed the total, with
    // the severity of parts above it.
    assert!(!fires(&levels("1.902")[..3], "sum:3/1.4"));
    let exceeds = finding(&levels("1.700")[..3], "sum:3/1.4");
    assert_eq!(exceeds.severity, Severity::Warning);
    assert_eq!(
        messages(&exceeds).1,
        "Biểu 3: mục 1.4.1 + mục 1.4.2 = 1.486 + 255 = 1.741 vượt quá mục 1.4 = 1.700 dù \
         mục 1.4.3 để trống."
    );
    // Autonomy groups (6/2.1 = 2.2 + 2.3 + 2.4 + 2.5): above the units is
    // impossible (an error), below them units await a group (a warning).
    let groups = |total| {
        [
            (6, "2.1", total),
            (6, "2.2", "10"),
            (6, "2.3", "20"),
            (6, "2.4", "30"),
            (6, "2.5", "40"),
        ]
    };
    assert_eq!(
        finding(&groups("99"), "sum:6/2.1").severity,
        Severity::Error
    );
    assert_eq!(
        finding(&groups("101"), "sum:6/2.1").severity,
        Severity::Warning
    );
    assert!(!fires(&groups("100"), "sum:6/2.1"));
}

#[test]
fn a_share_of_the_departments_names_their_number() {
    // 20 departments: multiples of 5 %. 12 stands for [11,5; 12,5]
    // (truncated [12; 13)): none. The nearest k: 12 × 20 / 100 = 2,4, so 2,
    // and 100 × 2 / 20 = 10 %.
    let mut meta = ReportMeta::default();
    meta.reference.departments = Some(20);
    let with = |rate| report_of(meta.clone(), &[(4, "1.1", rate)]);
    let share = finding_in(&with("12"), "share:4/1.1");
    assert_eq!(share.computed.map(|d| d.to_string()), Some("10.00".into()));
    let (english, vietnamese) = messages(&share);
    assert!(
        english.starts_with(
            "Form 4: row 1.1 = 12 cannot be a share of the number of departments = 20: it \
             must be 100 × k / 20 for a whole k from 0 to 20 (the nearest is 10"
        ),
        "{english}"
    );
    assert!(
        vietnamese.starts_with(
            "Biểu 4: mục 1.1 = 12 không thể là tỷ lệ trên số sở, ngành = 20: phải bằng \
             100 × k / 20 với k nguyên từ 0 đến 20 (gần nhất là 10"
        ),
        "{vietnamese}"
    );
    // 15 % is 3 of 20; without the number of departments nothing is said.
    assert!(
        with("15")
            .validate()
            .of_rule("share:4/1.1")
            .next()
            .is_none()
    );
    assert!(
        report(&[(4, "1.1", "12")])
            .validate()
            .of_rule("share:4/1.1")
            .next()
            .is_none()
    );
}

#[test]
fn a_sum_says_the_severity_of_each_direction_only_when_they_differ() {
    let description = |rule: &str| {
        cchc_forms::RuleId::find(rule)
            .expect("a rule")
            .rule()
            .description_en()
    };
    // Procedures by level: above the total a warning, below it an error.
    assert!(
        description("sum:3/1.4").starts_with(
            "Form 3: row 1.4 = row 1.4.1 + row 1.4.2 + row 1.4.3. Parts adding up to more \
             than the total: a warning; to less: an error. "
        ),
        "{}",
        description("sum:3/1.4")
    );
    assert!(
        description("sum:6/2.1").starts_with(
            "Form 6: row 2.1 = row 2.2 + row 2.3 + row 2.4 + row 2.5. Parts adding up to more \
             than the total: an error; to less: a warning. "
        ),
        "{}",
        description("sum:6/2.1")
    );
    // Regulations by level: an error either way, so nothing to say.
    assert_eq!(
        description("sum:2/1"),
        "Form 2: row 1 = row 1.1 + row 1.2 + row 1.3. Every regulation of the locality is \
         issued at exactly one of the provincial, district and commune levels."
    );
    let vietnamese = cchc_forms::RuleId::find("sum:3/1.4")
        .expect("a rule")
        .rule()
        .description_vi();
    assert!(
        vietnamese.contains(". Các mục thành phần cộng lại lớn hơn tổng: cảnh báo; nhỏ hơn: lỗi. "),
        "{vietnamese}"
    );
}

#[test]
fn a_blank_rate_is_derived_up_to_and_including_its_bounds() {
    let derived = |rows: &[(u8, &str, &str)], rule| {
        report(rows)
            .validate()
            .of_rule(rule)
            .next()
            .map(|finding| finding.computed.map(|d| d.to_string()))
    };
    // 0 of 5: 0,00 %, the lower bound of a share, derivable; 56 of 56:
    // 100,00 %, its upper bound, derivable too.
    assert_eq!(
        derived(&[(1, "2.1", "5"), (1, "2.2", "0")], "derivable:1/2"),
        Some(Some("0.00".into()))
    );
    assert_eq!(
        derived(&[(1, "2.1", "56"), (1, "2.2", "56")], "derivable:1/2"),
        Some(Some("100.00".into()))
    );
    // A disbursement rate has no upper bound: 130 of a plan of 100 is
    // 130,00 %.
    assert_eq!(
        derived(&[(6, "1.1", "100"), (6, "1.2", "130")], "derivable:6/1"),
        Some(Some("130.00".into()))
    );
    // Nothing to derive over a denominator of 0, from a negative amount, or
    // where the rate is reported.
    assert_eq!(
        derived(&[(1, "2.1", "0"), (1, "2.2", "0")], "derivable:1/2"),
        None
    );
    assert_eq!(
        derived(&[(6, "1.1", "100"), (6, "1.2", "-5")], "derivable:6/1"),
        None
    );
    assert_eq!(
        derived(
            &[(1, "2", "50"), (1, "2.1", "4"), (1, "2.2", "2")],
            "derivable:1/2"
        ),
        None
    );
}

#[test]
fn a_rate_printed_as_100_at_one_decimal_is_full_too() {
    // 100 × 1.999 / 2.000 = 99,95: `100,0` stands for [99,95; 100,05],
    // which holds it at its lower end: a rate printed as 100 while one of
    // 2.000 was not done, a note.
    let rows = |rate| {
        [
            (3, "3.1", rate),
            (3, "3.1.1", "2.000"),
            (3, "3.1.2", "1.999"),
        ]
    };
    assert_eq!(
        finding(&rows("100,0"), "full:3/3.1").severity,
        Severity::Info
    );
    // `99,9` is not 100: no note (and 99,95 lies at the upper end of
    // [99,85; 99,95]: no ratio error either).
    assert!(report(&rows("99,9")).validate().is_empty());
    // Over a denominator of 0 there is no rate to speak of.
    assert!(!fires(
        &[(3, "3.1", "100"), (3, "3.1.1", "0"), (3, "3.1.2", "0")],
        "full:3/3.1"
    ));
}

#[test]
fn a_conditional_rule_lists_each_dependent_once_joined_by_and() {
    // The rows that describe how a survey was run, each with what "not
    // done" requires of it: a count blank or 0, a code blank (any code, 0
    // included, is a way of doing it), joined by ", and ".
    let rule = cchc_forms::RuleId::find("conditional:1/6==0")
        .expect("a rule")
        .rule();
    assert_eq!(
        rule.description_en(),
        "Form 1: when row 6 = 0 (no), row 6.1 is blank or 0, and row 6.2 is blank (any code \
         there, 0 included, is a way of doing it). Without a survey there are no survey forms \
         and no survey method."
    );
    assert!(
        rule.description_vi().contains(
            "mục 6.1 để trống hoặc bằng 0, và mục 6.2 để trống (mọi mã ở đây, kể cả 0, đều là \
             một hình thức thực hiện)."
        ),
        "{}",
        rule.description_vi()
    );
}

#[test]
fn an_implication_within_one_form_is_described_under_its_form() {
    let rule = cchc_forms::RuleId::find("implies:7/6.3.2+7/6.4.2>=1=>7/6.2.2>=1")
        .expect("a rule")
        .rule();
    assert_eq!(
        rule.description_en(),
        "Form 7: if row 6.3.2 + row 6.4.2 ≥ 1 then row 6.2.2 ≥ 1. Dossiers submitted online \
         belong to an online service that had online dossiers."
    );
    assert!(
        rule.description_vi()
            .starts_with("Biểu 7: nếu mục 6.3.2 + mục 6.4.2 ≥ 1 thì mục 6.2.2 ≥ 1. "),
        "{}",
        rule.description_vi()
    );
}
