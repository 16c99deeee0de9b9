//! One test per family of rules: the Bắc Giang report, fixed so that it is
//! clean, then changed to break one invariant; the expected finding is
//! worked out by hand in each test.

use cchc_forms::bnv581::RULES;
use cchc_forms::catalogue::CellId;
use cchc_forms::check::{Constraint, Outcome, Population};
use cchc_forms::{Finding, Report, RuleId, Severity, samples};
use rust_decimal::Decimal;

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal literal")
}

/// The Bắc Giang report with its two problems fixed and its blanks derived:
/// form 3 row 1.4 set to the sum of its levels (1.486 + 255 + 155 = 1.896),
/// form 6 row 2.1 set to form 4's 858 units with the 18 extra units in the
/// state-financed group (430 + 18 = 448, so 0 + 47 + 363 + 448 = 858).
fn fixed() -> Report {
    let mut report = samples::bac_giang_2023_q3().with_derivable_blanks_filled();
    set(&mut report, 3, "1.4", "1.896");
    set(&mut report, 6, "2.1", "858");
    set(&mut report, 6, "2.5", "448");
    report
}

fn set(report: &mut Report, form: u8, stt: &str, text: &str) {
    report
        .set_cell_text(CellId::of(form, stt), text)
        .unwrap_or_else(|problem| panic!("form {form} row {stt} = {text:?}: {problem}"));
}

/// The findings that are not info notes.
fn problems(report: &Report) -> Vec<Finding> {
    report
        .validate()
        .into_iter()
        .filter(|finding| finding.severity != Severity::Info)
        .collect()
}

fn only(report: &Report) -> Finding {
    let mut found = report.validate().0;
    assert_eq!(
        found.len(),
        1,
        "expected exactly one finding, got {found:#?}"
    );
    found.remove(0)
}

#[test]
fn the_fixed_report_is_clean() {
    let evaluation = fixed().check();
    assert!(evaluation.findings.is_empty(), "{:#?}", evaluation.findings);
    let (passed, failed, noted, not_evaluated) = evaluation.summary();
    assert_eq!((failed, noted), (0, 0));
    // With every blank derived, only the derivable rules have nothing to
    // do, and the rules of rows that apply only to some periods: in a
    // Q3/2023 report the 11 district rows apply, so their rules rest.
    let derivable = RULES
        .iter()
        .filter(|rule| rule.id.starts_with("derivable:"))
        .count();
    let inapplicable = RULES
        .iter()
        .filter(|rule| rule.id.starts_with("not_applicable:"))
        .count();
    assert_eq!(inapplicable, 11);
    // Nor the rules over reference counts (departments, districts,
    // communes), which the report does not give: 8 shares and 2 bounds.
    let by_reference = RULES
        .iter()
        .filter(|rule| {
            matches!(
                rule.check.constraint(),
                Constraint::WithinReference { .. }
                    | Constraint::Share {
                        of: Population::Reference(_),
                        ..
                    }
            )
        })
        .count();
    assert_eq!(by_reference, 10);
    assert_eq!(not_evaluated, derivable + inapplicable + by_reference);
    assert_eq!(
        passed,
        RULES.len() - derivable - inapplicable - by_reference
    );
}

#[test]
fn ratio_mismatch_is_an_error_with_both_intervals() {
    // A real report printed 2.521 / 6.776 as 37,76 %; the exact value is
    // 100 × 2.521 / 6.776 = 37,2048 %, outside [37,755; 37,765].
    let mut report = fixed();
    set(&mut report, 3, "3.1", "37,76");
    set(&mut report, 3, "3.1.1", "6.776");
    set(&mut report, 3, "3.1.2", "2.521");
    let finding = only(&report);
    assert_eq!(finding.rule, "ratio:3/3.1");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(
        finding.cells,
        [
            CellId::of(3, "3.1"),
            CellId::of(3, "3.1.2"),
            CellId::of(3, "3.1.1")
        ]
    );
    assert_eq!(finding.reported, Some(dec("37.76")));
    let interval = finding.reported_interval.expect("the printed interval");
    assert_eq!(
        (interval.low, interval.high),
        (dec("37.755"), dec("37.765"))
    );
    assert_eq!(finding.computed, Some(dec("37.2048")));
    assert_eq!(finding.imbalance, Some(dec("0.5552")));
}

#[test]
fn truncated_percentages_are_noted_never_errors() {
    // A real report printed 3.399 / 26.030 = 13,058 % as 13,05: consistent
    // only if truncated, so an info note.
    let mut report = fixed();
    set(&mut report, 3, "3.1", "13,05");
    set(&mut report, 3, "3.1.1", "26.030");
    set(&mut report, 3, "3.1.2", "3.399");
    let finding = only(&report);
    assert_eq!(
        (finding.rule.as_str(), finding.severity),
        ("ratio:3/3.1", Severity::Info)
    );
    // Rounded, 13,06, it is simply consistent.
    set(&mut report, 3, "3.1", "13,06");
    assert!(report.validate().is_empty());
}

#[test]
fn any_printed_precision_of_a_consistent_rate_passes() {
    // 53.726 / 54.106 = 99,297 673…%: 99 ⊃ [98,5; 99,5], 99,3, 99,30,
    // 99,298 ⊃ [99,2975; 99,2985], 99,2977 all hold; 99,29 holds only if
    // truncated (a note); 99,31 and 99,4 do not hold.
    let mut report = fixed();
    for text in ["99", "99,3", "99,30", "99,298", "99,2977"] {
        set(&mut report, 3, "3.1", text);
        assert!(
            report.validate().is_empty(),
            "{text}: {:#?}",
            report.validate()
        );
    }
    set(&mut report, 3, "3.1", "99,29");
    assert_eq!(only(&report).severity, Severity::Info);
    for text in ["99,31", "99,4"] {
        set(&mut report, 3, "3.1", text);
        assert_eq!(only(&report).severity, Severity::Error, "{text}");
    }
}

#[test]
fn ratio_of_amounts_uses_their_intervals() {
    // 6.832.000 / 8.007.000 million VND = 85,3253 %; the amounts stand for
    // ±0,5 so the ratio interval is a little wider, still far from 85,4.
    let mut report = fixed();
    set(&mut report, 6, "1", "85,3");
    assert!(report.validate().is_empty());
    set(&mut report, 6, "1", "85,4");
    let finding = only(&report);
    assert_eq!(finding.rule, "ratio:6/1");
    let computed = finding
        .computed_interval
        .expect("amounts are printed with limited precision");
    assert!(
        computed.low <= dec("85.3253") && dec("85.3254") <= computed.high,
        "{computed:?}"
    );
    assert!(computed.high < dec("85.35"));
}

#[test]
fn a_zero_over_zero_rate_cannot_be_checked() {
    let mut report = fixed();
    set(&mut report, 3, "3.4.1", "0");
    set(&mut report, 3, "3.4.2", "0");
    let finding = only(&report);
    assert_eq!(
        (finding.rule.as_str(), finding.severity),
        ("ratio:3/3.4", Severity::Info)
    );
}

#[test]
fn a_derivable_blank_is_noted_with_its_value() {
    // 100 × 53.726 / 54.106 = 99,2977 → 99,30.
    let mut report = fixed();
    report.form3.on_time_rate_departments = None;
    let finding = only(&report);
    assert_eq!(finding.rule, "derivable:3/3.1");
    assert_eq!(finding.computed, Some(dec("99.30")));
}

#[test]
fn an_exhaustive_breakdown_must_add_up() {
    // Form 2: 25 + 12 + 0 = 37, not 38.
    let mut report = fixed();
    set(&mut report, 2, "1", "38");
    let finding = only(&report);
    assert_eq!(finding.rule, "sum:2/1");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(
        (finding.computed, finding.imbalance),
        (Some(dec("37")), Some(dec("1")))
    );

    // With 1.3 blank, 25 + 12 = 37 ≤ 38 could still add up: no finding…
    report.form2.regulations_issued_commune = None;
    assert!(report.validate().is_empty());
    // …but 25 + 12 = 37 > 36 cannot, whatever 1.3 is.
    set(&mut report, 2, "1", "36");
    let finding = only(&report);
    assert_eq!(finding.rule, "sum:2/1");
    assert_eq!(
        finding.cells,
        [
            CellId::of(2, "1"),
            CellId::of(2, "1.1"),
            CellId::of(2, "1.2")
        ]
    );
    let message = finding.message_en().to_string();
    assert!(message.contains("even with row 1.3 blank"), "{message}");
}

#[test]
fn a_part_cannot_exceed_its_whole() {
    // Form 1: 5.2 + 5.3 + 5.4 = 100 + 40 + 10 = 150 > 149 tasks assigned.
    let mut report = fixed();
    set(&mut report, 1, "5.2", "100");
    set(&mut report, 1, "5.3", "40");
    set(&mut report, 1, "5.4", "10");
    let finding = only(&report);
    assert_eq!(finding.rule, "part:1/5.2+1/5.3+1/5.4<=1/5.1");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(
        (finding.reported, finding.computed),
        (Some(dec("149")), Some(dec("150")))
    );

    // On time ≤ resolved: 54.107 > 54.106 (rate blanked so that only this rule speaks).
    let mut report = fixed();
    report.form3.on_time_rate_departments = None;
    set(&mut report, 3, "3.1.2", "54.107");
    let found: Vec<RuleId> = problems(&report).into_iter().map(|f| f.rule).collect();
    assert_eq!(found, ["part:3/3.1.2<=3/3.1.1"]);
}

#[test]
fn exceeding_a_quota_is_a_warning() {
    // 2.000 civil servants in post against a quota of 1.964.
    let mut report = fixed();
    set(&mut report, 4, "2.2", "2.000");
    let finding = only(&report);
    assert_eq!(
        (finding.rule.as_str(), finding.severity),
        ("part:4/2.2<=4/2.1", Severity::Warning)
    );
}

#[test]
fn percentages_stay_within_their_bounds() {
    let mut report = fixed();
    set(&mut report, 7, "5.1.1", "100,5");
    let finding = only(&report);
    assert_eq!(
        (finding.rule.as_str(), finding.severity),
        ("bound:7/5.1.1:0..100", Severity::Error)
    );
    assert_eq!(finding.imbalance, Some(dec("0.5")));

    // A reduction since 2015 may not pass 100 %; a negative one is suspicious.
    let mut report = fixed();
    set(&mut report, 4, "1.5.4", "101");
    assert_eq!(only(&report).rule, "bound:4/1.5.4:_..100");
    set(&mut report, 4, "1.5.4", "-3,5");
    let finding = only(&report);
    assert_eq!(
        (finding.rule.as_str(), finding.severity),
        ("bound:4/1.5.4:0.._", Severity::Warning)
    );
}

#[test]
fn no_survey_means_no_survey_details() {
    // Form 1 row 6 = 0 (no survey) while 6.1 = 1.420 forms and 6.2 = 1 (paper).
    let mut report = fixed();
    set(&mut report, 1, "6", "0");
    let finding = only(&report);
    assert_eq!(finding.rule, "conditional:1/6==0");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(
        finding.cells,
        [
            CellId::of(1, "6"),
            CellId::of(1, "6.1"),
            CellId::of(1, "6.2")
        ]
    );
    // 0 forms and no method is consistent with no survey.
    set(&mut report, 1, "6.1", "0");
    report.form1.survey_method = None;
    assert!(report.validate().is_empty());
}

#[test]
fn an_overall_rate_lies_between_its_levels() {
    // Per-level rates 100, 95 and 92 (intervals from 91,5 to 100,5): an
    // overall 90 (at most 90,5) is impossible, 95 is fine.
    let mut report = fixed();
    set(&mut report, 7, "5.2.2", "95");
    set(&mut report, 7, "5.2.3", "92");
    set(&mut report, 7, "5.2", "90");
    let finding = only(&report);
    assert_eq!(
        (finding.rule.as_str(), finding.severity),
        ("level_range:7/5.2", Severity::Error)
    );
    let range = finding.computed_interval.expect("the levels' range");
    assert_eq!((range.low, range.high), (dec("91.5"), dec("100.5")));
    set(&mut report, 7, "5.2", "95");
    assert!(report.validate().is_empty());
    // With a level blank the range is unknown: not evaluated.
    report.form7.electronic_documents_rate_communes = None;
    set(&mut report, 7, "5.2", "90");
    let index = RULES
        .iter()
        .position(|rule| rule.id == "level_range:7/5.2")
        .expect("the rule");
    assert_eq!(report.check().outcomes[index], Outcome::NotEvaluated);
}

#[test]
fn forms_bound_each_other() {
    // Form 5: 900 units with approved job positions, but form 4 counts 858
    // units, and so does form 6 (2.1 = 858 in the fixed report).
    let mut report = fixed();
    set(&mut report, 5, "1.2", "900");
    let found = report.validate();
    let rules: Vec<(&str, Severity)> = found
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        rules,
        [
            ("across:5/1.2<=4/1.5", Severity::Warning),
            ("across:5/1.2<=6/2.1", Severity::Warning)
        ]
    );
    let finding = &found[0];
    assert_eq!(finding.cells, [CellId::of(4, "1.5"), CellId::of(5, "1.2")]);
    assert_eq!(found[1].cells, [CellId::of(6, "2.1"), CellId::of(5, "1.2")]);
    let message = finding.message_en().to_string();
    assert!(message.contains("form 5 row 1.2"), "{message}");
}

#[test]
fn every_rule_has_a_unique_id_and_describes_its_own_cells() {
    let mut ids: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len(), "rule ids are unique");
    for (index, rule) in RULES.iter().enumerate() {
        // A finding names its rule by id: the id finds this rule again.
        let found = RuleId::find(rule.id).expect("an id of the table");
        assert_eq!((found.index(), found.as_str()), (index, rule.id));
        // The description names each cell the rule reads, by STT.
        let (english, vietnamese) = (rule.description_en(), rule.description_vi());
        for cell in rule.cells {
            let stt = cell.indicator().stt.trim_end_matches('.');
            assert!(english.contains(stt), "{}: {english}", rule.id);
            assert!(vietnamese.contains(stt), "{}: {vietnamese}", rule.id);
        }
    }
    // The on-time rate of form 3, as a reviewer reads it off the form.
    let description = |id| RuleId::find(id).expect("a rule").rule().description_en();
    assert_eq!(
        description("ratio:3/3.1"),
        "Form 3: 3.1 = 100 × 3.1.2 / 3.1.1, within the precision 3.1 is printed with."
    );
}
