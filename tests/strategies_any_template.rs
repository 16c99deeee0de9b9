//! The `proptest` strategies on a template defined outside the crate (the
//! test template of `tests/online_services/`), public API only, and on 581
//! through the same generic functions:
//!
//! - every valid sheet validates with no error or warning, and over a few
//!   hundred of them every rule of the template is evaluated and passes
//!   (every `info` rule is noted);
//! - every rule of the template, broken, fires with its severity, naming its
//!   cells, and no other error or warning fires but the ones the template
//!   ties to it, worked out by hand below;
//! - the metadata is the template's (its levels, periods it applies to);
//! - any sheet survives the sheet's JSON.
#![cfg(feature = "proptest")]

mod online_services;

use online_services::template;

use cchc_forms::check::Outcome;
use cchc_forms::strategies::{any_sheet, broken_sheet, sheet_meta, valid_sheet};
use cchc_forms::template::Template;
use cchc_forms::{Finding, Level, RuleId, Severity, Sheet, TemplateVersion};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// The errors and warnings, by rule id.
fn serious(findings: &[Finding]) -> Vec<&'static str> {
    findings
        .iter()
        .filter(|finding| finding.severity != Severity::Info)
        .map(|finding| finding.rule.as_str())
        .collect()
}

/// Every valid sheet of `template` validates with no error or warning, and
/// its metadata is one the template takes.
fn check_valid(template: &'static Template, sheet: &Sheet) -> Result<(), TestCaseError> {
    let evaluation = sheet.check();
    let serious = serious(&evaluation.findings);
    prop_assert!(serious.is_empty(), "{serious:?} in {sheet:?}");
    prop_assert!(!evaluation.outcomes.contains(&Outcome::Failed));
    prop_assert_eq!(sheet.meta.template, template.version());
    prop_assert!(sheet.meta.problems().is_empty());
    Ok(())
}

#[test]
fn valid_sheets_of_a_template_of_ones_own_break_no_rule() {
    let template = template();
    let payment = template.cell(2, "1").expect("form 2 row 1");
    runner(256)
        .run(&valid_sheet(template), |sheet| {
            check_valid(template, &sheet)?;
            // Two levels, province and commune, and calendar periods from
            // 2019 to 2030 (the test template applies to every period).
            prop_assert!(matches!(
                sheet.meta.level,
                Some(Level::Province | Level::Commune)
            ));
            let year = sheet.meta.period.expect("a period").year;
            prop_assert!((2019..=2030).contains(&year));
            // The code is one of its legend: 1 ("Có") or 2 ("Không").
            if let Some(code) = sheet.cell(payment) {
                prop_assert!(code.decimals == 0 && (code.mantissa == 1 || code.mantissa == 2));
            }
            Ok(())
        })
        .unwrap();
}

/// Valid, and not by leaving everything blank: over 256 sheets every
/// error or warning rule of the template is evaluated and passes, and every
/// `info` rule (`derivable`, `full`) is noted.
#[test]
fn valid_sheets_exercise_every_rule_of_the_template() {
    let template = template();
    let strategy = valid_sheet(template);
    let mut runner = TestRunner::deterministic();
    let mut passed = vec![false; template.rules.len()];
    let mut noted = vec![false; template.rules.len()];
    for _ in 0..256 {
        let sheet = strategy.new_tree(&mut runner).unwrap().current();
        for (index, outcome) in sheet.check().outcomes.iter().enumerate() {
            passed[index] |= *outcome == Outcome::Passed;
            noted[index] |= *outcome == Outcome::Noted;
        }
    }
    for (index, rule) in template.rules.iter().enumerate() {
        if rule.severity == Severity::Info {
            assert!(noted[index], "{} never noted", rule.id);
        } else {
            assert!(passed[index], "{} never evaluated and passed", rule.id);
        }
    }
}

/// The other errors and warnings a sheet broken at `rule` of the test
/// template has, worked out by hand: none, but for the two rules over form
/// 2 rows 1 and 1.1, which say one thing twice. "No online payment (2/1 is
/// 2, «Không»), no payments (2/1.1 blank or 0)" and "payments (2/1.1 ≥ 1)
/// mean online payment (2/1 is 1, «Có»)": with a legend of 1 and 2 only,
/// a sheet that breaks either breaks both.
fn tied_to(rule: &str) -> &'static [&'static str] {
    match rule {
        "conditional:2/1==2" => &["implies:2/1.1>=1=>2/1==1"],
        "implies:2/1.1>=1=>2/1==1" => &["conditional:2/1==2"],
        _ => &[],
    }
}

/// What a sheet broken at `rule` must show.
fn check_broken(
    template: &'static Template,
    rule: RuleId,
    tied: &[&str],
    sheet: &Sheet,
) -> Result<(), TestCaseError> {
    let evaluation = sheet.check();
    let mine: Vec<&Finding> = evaluation.findings.of_rule(rule.as_str()).collect();
    prop_assert_eq!(mine.len(), 1, "{:?}", evaluation.findings);
    prop_assert_eq!(mine[0].severity, rule.rule().severity);
    prop_assert_eq!(&mine[0].cells, rule.rule().cells);
    let outcome = evaluation.outcomes[rule.index()];
    let mut expected: Vec<&str> = Vec::new();
    if rule.rule().severity == Severity::Info {
        prop_assert_eq!(outcome, Outcome::Noted);
    } else {
        prop_assert_eq!(outcome, Outcome::Failed);
        expected.push(rule.as_str());
    }
    expected.extend_from_slice(tied);
    let mut found = serious(&evaluation.findings);
    found.sort_unstable();
    expected.sort_unstable();
    prop_assert_eq!(found, expected, "{:?}", evaluation.findings);
    // The break is in the printed digits: it survives the sheet's JSON.
    let json = serde_json::to_string(sheet).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let again =
        Sheet::from_json_in(template, &json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(again.validate(), evaluation.findings);
    Ok(())
}

/// Every rule of the test template, broken alone, 24 times each.
#[test]
fn every_rule_of_the_template_can_be_broken() {
    let template = template();
    // 17 rules: three ratios with their derivable and full notes, a sum,
    // four parts, a bound, a conditional and an implication.
    assert_eq!(template.rules.len(), 17);
    for rule in template.rules {
        let id = RuleId::find_in(template.rules, rule.id).expect("a rule of the template");
        let tied = tied_to(rule.id);
        if let Err(error) = runner(24).run(&broken_sheet(template, id), |sheet| {
            check_broken(template, id, tied, &sheet)
        }) {
            panic!("{}: {error}", rule.id);
        }
    }
}

/// A hand-checked broken sheet: the sum over the two levels of one-stop
/// shops (2/2 = 2/2.1 + 2/2.2) no longer adds up, and its finding says by
/// how much.
#[test]
fn a_broken_sum_is_off_by_what_its_finding_says() {
    let template = template();
    let sum = RuleId::find_in(template.rules, "sum:2/2").expect("the sum");
    let [total, province, commune] = [(2, "2"), (2, "2.1"), (2, "2.2")]
        .map(|(form, stt)| template.cell(form, stt).expect("a row"));
    runner(64)
        .run(&broken_sheet(template, sum), |sheet| {
            let value = |id| sheet.cell(id).expect("reported").mantissa;
            prop_assert_ne!(value(total), value(province) + value(commune));
            prop_assert_eq!(serious(&sheet.validate()), ["sum:2/2"]);
            Ok(())
        })
        .unwrap();
}

#[test]
#[should_panic(expected = "is not a rule of the template")]
fn a_rule_of_another_template_is_refused() {
    let bnv581 = TemplateVersion::Bnv581Of2022.template();
    let sum = RuleId::find_in(bnv581.rules, "sum:3/1.4").expect("a rule of 581");
    let _ = broken_sheet(template(), sum);
}

proptest! {
    #![proptest_config(Config { cases: 128, failure_persistence: None, ..Config::default() })]

    /// Anything the cells' types hold survives the sheet's JSON, read back
    /// in the test template.
    #[test]
    fn any_sheet_survives_its_json(sheet in any_sheet(template())) {
        let json = serde_json::to_string(&sheet).unwrap();
        prop_assert_eq!(Sheet::from_json_in(template(), &json).unwrap(), sheet);
    }

    /// The metadata is the template's: its levels, no problem.
    #[test]
    fn metadata_is_the_templates(meta in sheet_meta(template())) {
        prop_assert_eq!(meta.template, template().version());
        prop_assert!(matches!(meta.level, Some(Level::Province | Level::Commune)));
        prop_assert!(meta.problems().is_empty());
    }
}

/// 581 through the same generic functions: valid sheets validate clean,
/// and each rule of its table broken as a sheet fires alone (581 ties no
/// two rules together), four times each.
#[test]
fn the_581_template_goes_through_the_same_functions() {
    let bnv581 = TemplateVersion::Bnv581Of2022.template();
    runner(64)
        .run(&valid_sheet(bnv581), |sheet| check_valid(bnv581, &sheet))
        .unwrap();
    for index in 0..bnv581.rules.len() {
        let id = RuleId::find_in(bnv581.rules, bnv581.rules[index].id).expect("a rule");
        if let Err(error) = runner(4).run(&broken_sheet(bnv581, id), |sheet| {
            check_broken(bnv581, id, &[], &sheet)
        }) {
            panic!("{id}: {error}");
        }
    }
}

/// What `any_sheet` found: a negative percentage (here −5 % for the share
/// of dossiers received online, which its bound refuses) is written in the
/// sheet's JSON as `"-5"` and read back, as the typed report and the schema
/// take it, not refused as a misplaced sign.
#[test]
fn a_negative_rate_survives_the_sheets_json() {
    let template = template();
    let rows = cchc_forms::rows::parse_tsv("1\t1.2\t-5\n").expect("rows");
    let meta = online_services::meta(
        Level::Province,
        cchc_forms::Period::new(2026, cchc_forms::Term::Q3),
    );
    let sheet = Sheet::from_rows(meta, rows).expect("reads");
    let json = serde_json::to_string(&sheet).expect("writes");
    assert!(json.contains(r#""online_share":"-5""#), "{json}");
    let again = Sheet::from_json_in(template, &json).expect("reads back");
    assert_eq!(again, sheet);
    assert_eq!(serious(&again.validate()), ["bound:1/1.2:0..100"]);
}
