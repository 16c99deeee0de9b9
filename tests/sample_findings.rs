//! The findings of the Bắc Giang Q3/2023 report, worked out by hand from the
//! source document before the code was run.
//!
//! The arithmetic, row by row (values as printed in the forms):
//!
//! Errors
//! - Form 3, 1.4 = 1.902 procedures, but its levels 1.4.1 + 1.4.2 + 1.4.3 =
//!   1.486 + 255 + 155 = 1.896. Levels of government partition the
//!   procedures, so the sum must hold: imbalance 1.902 − 1.896 = 6.
//!
//! Warnings
//! - Form 4, 1.5 counts 858 public service units; form 6, 2.1 counts 840.
//!   Both are "Tổng số ĐVSN công lập tại địa phương": difference 18. Each is
//!   consistent with its own breakdown (6 + 113 + 739 = 858; 0 + 47 + 363 +
//!   430 = 840), so only the cross-form rule fires.
//!
//! Notes (derivable blanks)
//! - Form 1, 2 is blank; 100 × 40 / 56 = 71,428 571…% → 71,43.
//! - Form 6, 1 is blank; 100 × 6.832.000 / 8.007.000 = 85,325 340…% → 85,33
//!   (the narrative says "đạt 85,3%").
//!
//! Everything else holds. The ratios, against the interval their printed
//! digits stand for:
//! - 3/3.1: 53.726 / 54.106 = 99,2977% ∈ [99,25; 99,35] (printed 99,3)
//! - 3/3.2: 24.397 / 24.577 = 99,2676% ∈ [99,265; 99,275] (printed 99,27)
//! - 3/3.3: 77.049 / 77.985 = 98,7998% ∈ [98,75; 98,85] (printed 98,8)
//! - 7/6.2: 403 / 428 = 94,1589% ∈ [94,155; 94,165] (printed 94,16)
//! - 7/6.3: 30.421 / 32.483 = 93,6521% ∈ [93,645; 93,655] (printed 93,65)
//! - 7/6.4: 87.034 / 104.324 = 83,4266% ∈ [83,425; 83,435] (printed 83,43)
//! - 1/3.3 7/7, 2/2.2 2/2, 2/3.2 3/3, 3/3.4 5/5, 7/6.1 951/951, 7/6.5
//!   428/428: all 100% ∈ [99,5; 100,5] (printed 100).
//!
//! The sums: 2/1: 25 + 12 + 0 = 37; 4/1.5: 6 + 113 + 739 = 858; 6/2.1:
//! 0 + 47 + 363 + 430 = 840; 6/2.4: 0 + 75 + 288 = 363.

use cchc_forms::bnv581::RULES;
use cchc_forms::catalogue::CellId;
use cchc_forms::check::Outcome;
use cchc_forms::{Family, RuleId, Severity, samples};
use rust_decimal::Decimal;

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal literal")
}

#[test]
fn the_sample_has_exactly_these_findings() {
    let findings = samples::bac_giang_2023_q3().validate();
    let got: Vec<(&str, Severity)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("derivable:1/2", Severity::Info),
            ("derivable:6/1", Severity::Info),
            ("sum:3/1.4", Severity::Error),
            ("across:4/1.5==6/2.1", Severity::Warning),
        ]
    );
}

#[test]
fn the_procedure_levels_do_not_add_up() {
    let findings = samples::bac_giang_2023_q3().validate();
    let sum = findings
        .of_rule("sum:3/1.4")
        .next()
        .expect("the sum finding");
    assert_eq!(sum.family, Family::Sum);
    assert_eq!(
        sum.cells,
        [
            CellId::of(3, "1.4"),
            CellId::of(3, "1.4.1"),
            CellId::of(3, "1.4.2"),
            CellId::of(3, "1.4.3")
        ]
    );
    assert_eq!(sum.reported, Some(dec("1902")));
    assert_eq!(sum.computed, Some(dec("1896")));
    assert_eq!(sum.imbalance, Some(dec("6")));
    // Counts are exact: no interval.
    assert_eq!(sum.reported_interval, None);
    assert_eq!(sum.computed_interval, None);
    let (vi, en) = (sum.message_vi().to_string(), sum.message_en().to_string());
    assert!(vi.contains("1.486 + 255 + 155 = 1.896"), "{vi}");
    assert!(en.contains("1486 + 255 + 155 = 1896"), "{en}");
}

#[test]
fn public_service_units_differ_between_forms_4_and_6() {
    let findings = samples::bac_giang_2023_q3().validate();
    let same = findings
        .of_rule("across:4/1.5==6/2.1")
        .next()
        .expect("the cross-form finding");
    assert_eq!(same.family, Family::AcrossForms);
    assert_eq!(same.cells, [CellId::of(4, "1.5"), CellId::of(6, "2.1")]);
    assert_eq!(same.reported, Some(dec("858")));
    assert_eq!(same.computed, Some(dec("840")));
    assert_eq!(same.imbalance, Some(dec("18")));
}

#[test]
fn blank_rates_are_derived_to_two_decimals() {
    let findings = samples::bac_giang_2023_q3().validate();
    let plan = findings
        .of_rule("derivable:1/2")
        .next()
        .expect("form 1 row 2");
    assert_eq!(plan.computed, Some(dec("71.43")));
    assert_eq!(plan.reported, None);
    assert_eq!(
        plan.cells,
        [
            CellId::of(1, "2"),
            CellId::of(1, "2.2"),
            CellId::of(1, "2.1")
        ]
    );
    let disbursement = findings
        .of_rule("derivable:6/1")
        .next()
        .expect("form 6 row 1");
    assert_eq!(disbursement.computed, Some(dec("85.33")));

    let filled = samples::bac_giang_2023_q3().with_derivable_blanks_filled();
    assert_eq!(
        filled
            .form1
            .plan_completion_rate
            .map(cchc_forms::unit::Percent::get),
        Some(dec("71.43"))
    );
    assert_eq!(
        filled
            .form6
            .disbursement_rate
            .map(cchc_forms::unit::Percent::get),
        Some(dec("85.33"))
    );
    // Filled in, the rates are consistent with their rows, and nothing else changed.
    let refound: Vec<RuleId> = filled.validate().iter().map(|f| f.rule).collect();
    assert_eq!(refound, ["sum:3/1.4", "across:4/1.5==6/2.1"]);
}

#[test]
fn every_printed_ratio_of_the_sample_passes() {
    let evaluation = samples::bac_giang_2023_q3().check();
    for ratio in [
        "1/3.3", "2/2.2", "2/3.2", "3/3.1", "3/3.2", "3/3.3", "3/3.4", "7/6.1", "7/6.2", "7/6.3",
        "7/6.4", "7/6.5",
    ] {
        let id = format!("ratio:{ratio}");
        let index = RULES
            .iter()
            .position(|rule| rule.id == id)
            .expect("a ratio rule");
        assert_eq!(evaluation.outcomes[index], Outcome::Passed, "{id}");
    }
    // The two blank rates are not evaluated as ratios: a blank is not 0.
    for blank in ["ratio:1/2", "ratio:6/1"] {
        let index = RULES
            .iter()
            .position(|rule| rule.id == blank)
            .expect("a ratio rule");
        assert_eq!(evaluation.outcomes[index], Outcome::NotEvaluated, "{blank}");
    }
    for sum in ["sum:2/1", "sum:4/1.5", "sum:6/2.1", "sum:6/2.4"] {
        let index = RULES
            .iter()
            .position(|rule| rule.id == sum)
            .expect("a sum rule");
        assert_eq!(evaluation.outcomes[index], Outcome::Passed, "{sum}");
    }
}

#[test]
fn the_findings_serialize_as_the_documented_json() {
    let findings = samples::bac_giang_2023_q3().validate();
    let json = serde_json::to_value(&findings).expect("findings serialize");
    let sum = &json[2];
    assert_eq!(sum["rule"], "sum:3/1.4");
    assert_eq!(sum["severity"], "error");
    assert_eq!(
        sum["cells"][0],
        serde_json::json!({"form": 3, "stt": "1.4"})
    );
    assert_eq!(sum["reported"], "1902");
    assert_eq!(sum["computed"], "1896");
    assert!(sum["message_vi"].is_string() && sum["message_en"].is_string());
    let back: cchc_forms::Findings = serde_json::from_value(json).expect("findings deserialize");
    assert_eq!(back, findings);
}

#[test]
fn findings_read_back_keep_their_messages_and_compare_by_them() {
    let findings = samples::bac_giang_2023_q3().validate();
    let text = serde_json::to_string(&findings).expect("findings serialize");
    let back: cchc_forms::Findings = serde_json::from_str(&text).expect("findings deserialize");
    assert_eq!(back, findings);
    assert_eq!(serde_json::to_string(&back).expect("serialize again"), text);
    for (read, built) in back.iter().zip(&findings) {
        assert_eq!(read.message_vi(), built.message_vi());
        assert_eq!(
            read.message_en().to_string(),
            built.message_en().to_string()
        );
        assert_eq!(read.to_string(), built.to_string());
    }
    // A message changed by hand is another finding.
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value[2]["message_en"] = "something else".into();
    let changed: cchc_forms::Findings = serde_json::from_value(value).expect("findings");
    assert_ne!(changed, findings);
    assert!(changed[2].message_en() == "something else");
    assert_eq!(changed[3], findings[3]);
}

#[test]
fn rule_ids_and_cell_lists_read_only_what_exists() {
    let findings = samples::bac_giang_2023_q3().validate();
    let mut value = serde_json::to_value(&findings).expect("findings serialize");
    value[0]["rule"] = "ratio:9/9".into();
    let error = serde_json::from_value::<cchc_forms::Findings>(value).unwrap_err();
    assert!(error.to_string().contains("no rule has the id"), "{error}");

    let cell = serde_json::json!({"form": 3, "stt": "1.4"});
    // At most `CellList::CAPACITY` (6) cells, the most a rule may read.
    assert_eq!(cchc_forms::CellList::CAPACITY, 6);
    let seven = serde_json::Value::Array(vec![cell.clone(); 7]);
    assert!(serde_json::from_value::<cchc_forms::CellList>(seven).is_err());
    assert!(serde_json::from_value::<cchc_forms::CellList>(serde_json::json!([])).is_err());
    let five = serde_json::json!([cell, cell, cell, cell, cell]);
    let list: cchc_forms::CellList = serde_json::from_value(five).expect("five cells");
    assert_eq!(list, vec![CellId::of(3, "1.4"); 5]);

    let sum = findings
        .of_rule("sum:3/1.4")
        .next()
        .expect("the sum finding");
    assert_eq!(sum.rule, RuleId::find("sum:3/1.4").expect("a rule"));
    assert_eq!(sum.rule.rule().cells, sum.cells);
    assert_eq!(RULES[sum.rule.index()].id, "sum:3/1.4");
}
