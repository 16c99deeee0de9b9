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
//! - the metadata is the template's (its levels, periods it applies to),
//!   and a row that does not apply to the period stays blank, its
//!   `not_applicable` rule broken in a period it does not apply to (a
//!   second, smaller template built here);
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

/// A second, smaller test template (built here, with the public API): it
/// applies from 1 January 2026, and its row 1.1 only from 1 January 2027
/// (calendar windows: from Q1/2027 on), under its whole, row 1.
fn from_2027() -> &'static Template {
    use cchc_forms::CalendarDate;
    use cchc_forms::catalogue::Indicator;
    use cchc_forms::template::{Applicability, LegalBasis, TemplateBuilder, Windows};
    static TEMPLATE: std::sync::OnceLock<&'static Template> = std::sync::OnceLock::new();
    let from = |year| Applicability {
        from: Some(CalendarDate {
            year,
            month: 1,
            day: 1,
        }),
        until: None,
        reason_en: "from the first period of the year",
        reason_vi: "từ kỳ đầu tiên của năm",
    };
    TEMPLATE.get_or_init(|| {
        TemplateBuilder::new(LegalBasis {
            document: "Mẫu thử nghiệm (không phải mẫu chính thức)",
            date: CalendarDate {
                year: 2026,
                month: 1,
                day: 1,
            },
            issuer: "cchc-forms tests",
            name: "test/from-2027",
        })
        .applies(from(2026))
        .windows(Windows::Calendar)
        .levels(&[Level::Province, Level::Commune])
        .form(1, "form1", "Hồ sơ", "Dossiers")
        .row(Indicator::count(
            1, "1", "dossiers", "Hồ sơ", "Dossiers", "Hồ sơ", "dossiers",
        ))
        .row(
            Indicator::count(
                1,
                "1.1",
                "online",
                "Trực tuyến",
                "Online",
                "Hồ sơ",
                "dossiers",
            )
            .applies(from(2027)),
        )
        .part(Severity::Error, &["1/1.1"], "1/1", ("Một phần.", "A part."))
        .build()
        .expect("well defined")
    })
}

/// The template's applicability and its rows': every period is from 2026
/// on; in 2026 row 1.1 is blank, and a sheet broken at its
/// `not_applicable` rule is of 2026 with a value there; the part rule is
/// broken in a period the row applies to.
#[test]
fn periods_and_rows_follow_the_templates_applicability() {
    let template = from_2027();
    let online = template.cell(1, "1.1").expect("row 1.1");
    let mut seen_2026 = false;
    runner(128)
        .run(&valid_sheet(template), |sheet| {
            check_valid(template, &sheet)?;
            let year = sheet.meta.period.expect("a period").year;
            prop_assert!((2026..=2030).contains(&year));
            if year == 2026 {
                prop_assert_eq!(sheet.cell(online), None);
            }
            Ok(())
        })
        .unwrap();
    let mut runner = TestRunner::deterministic();
    for _ in 0..64 {
        let sheet = valid_sheet(template)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        seen_2026 |= sheet.meta.period.expect("a period").year == 2026;
    }
    assert!(seen_2026, "no sheet of 2026 among 64");
    let ids: Vec<&str> = template.rules.iter().map(|rule| rule.id).collect();
    assert_eq!(ids, ["part:1/1.1<=1/1", "not_applicable:1/1.1"]);
    for rule in template.rules {
        let id = RuleId::find_in(template.rules, rule.id).expect("a rule");
        break_in_a_period_it_applies_to(template, id);
    }
}

/// Sheets of [`from_2027`] broken at `id`: the part rule in a period its
/// rows apply to, the `not_applicable` rule in 2026 with a value in 1.1.
fn break_in_a_period_it_applies_to(template: &'static Template, id: RuleId) {
    let online = template.cell(1, "1.1").expect("row 1.1");
    runner(32)
        .run(&broken_sheet(template, id), |sheet| {
            check_broken(template, id, &[], &sheet)?;
            let year = sheet.meta.period.expect("a period").year;
            if id.as_str() == "not_applicable:1/1.1" {
                prop_assert_eq!(year, 2026);
                prop_assert!(sheet.cell(online).is_some_and(|v| v.mantissa != 0));
            } else {
                prop_assert!(year >= 2027);
            }
            Ok(())
        })
        .unwrap();
}
