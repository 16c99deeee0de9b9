//! Error localisation on a template defined outside the crate, with the
//! public API only: the shared test template of `tests/online_services/`
//! (a TEST template, not an official one), and a small one below whose
//! district row stops applying, every expectation worked out by hand.
//!
//! The test template's sample sheet (Q3/2026, a province) has three slips,
//! each in a group of cells linked by error rules of its own:
//! - `ratio:1/3.2`: 870 of 1.000 results is 87 %, printed 85. Alone, each
//!   of its three cells can carry the slip: the rate 85 → 87 (one digit
//!   wrong); the numerator 870 → 850 (one digit), its allowed values those
//!   that print 85 rounded (845…854) or truncated (850…859); the
//!   denominator 1.000 → 1.020 (one digit), allowed 1.012…1.029 (870 /
//!   1.029 = 84,55 → 85 rounded; 870 / 1.012 = 85,97 → 85 truncated;
//!   870 / 1.011 and 870 / 1.030 print neither).
//! - `sum:2/2`: 1 + 28 = 29 one-stop shops, printed 30. The total → 29
//!   (the only value: no slip of 30 gives 29), or a part one more: 2/2.1
//!   1 → 2, 2/2.2 28 → 29 (each one digit wrong).
//! - `conditional:2/1==2`: code 2 ("Không", no online payment) with 35
//!   payments in 2/1.1. The code → 1 (one digit wrong; its legend is 1
//!   and 2), or the payments → 0 (the only value a count can take beside
//!   code 2: blank or 0).
//!
//! The ratios 1/1.2 (900 / 1.200 = 75 %) and 1/2.2 (250 / 400 = 62,5 %)
//! hold, so no other cell is proposed. Every minimal set changes one cell
//! of each group: 3 × 2 × 3 = 18 sets of weight 3. Sets whose changes a
//! slip explains come first: the most likely set changes the total 1/3
//! (the first of its group in form order), the code 2/1 and the part
//! 2/2.1.

mod online_services;

use cchc_forms::catalogue::{CellId, Indicator};
use cchc_forms::locate::{FIXED, Localisation, Locator, Reason, Weights};
use cchc_forms::template::{Applicability, LegalBasis, Template, TemplateBuilder, Windows};
use cchc_forms::unit::Printed;
use cchc_forms::{CalendarDate, Figures, Level, Period, ReportMeta, Sheet, Term, rows, samples};

use online_services::{sheet, template};

/// The test template's cell `"form/STT"`.
fn cell(name: &str) -> CellId {
    let (form, stt) = name.split_once('/').expect("form/STT");
    template()
        .cell(form.parse().expect("a form number"), stt)
        .expect("a cell of the test template")
}

/// A cell as `"form/STT"`.
fn name(id: CellId) -> String {
    format!("{}/{}", id.indicator().form, id.indicator().stt)
}

/// The sets as lists of `"form/STT"`.
fn cells_of(sets: &[cchc_forms::locate::CellSet]) -> Vec<Vec<String>> {
    sets.iter()
        .map(|set| set.cells.iter().map(|&id| name(id)).collect())
        .collect()
}

/// Each change of a set as (`"form/STT"`, suggested value, reason).
fn changes(set: &cchc_forms::locate::CellSet) -> Vec<(String, i128, Reason)> {
    set.repairs
        .iter()
        .map(|repair| {
            assert_eq!(repair.suggested.decimals, 0, "whole numbers here");
            (name(repair.cell), repair.suggested.mantissa, repair.reason)
        })
        .collect()
}

#[test]
fn the_sample_sheet_breaks_three_error_rules() {
    let findings = sheet().validate();
    let mut errors: Vec<&str> = findings
        .of_severity(cchc_forms::Severity::Error)
        .map(|finding| finding.rule.as_str())
        .collect();
    errors.sort_unstable();
    assert_eq!(errors, ["conditional:2/1==2", "ratio:1/3.2", "sum:2/2"]);
}

#[test]
fn each_slip_is_located_with_the_values_that_mend_it() {
    let sheet = sheet();
    let located = sheet.locate();
    assert_eq!(located.weight, 3);
    assert_eq!(located.sets.len(), 18);
    assert!(!located.more);
    assert!(located.unrepairable.is_empty());
    assert_eq!(located.undecided, 0);
    // Every set changes one cell of each broken group, and nothing else.
    let groups = [
        ["1/3", "1/3.1", "1/3.2"].as_slice(),
        ["2/1", "2/1.1"].as_slice(),
        ["2/2", "2/2.1", "2/2.2"].as_slice(),
    ];
    for set in cells_of(&located.sets) {
        assert_eq!(set.len(), 3);
        for (changed, group) in set.iter().zip(groups) {
            assert!(group.contains(&changed.as_str()), "{set:?}");
        }
    }
    // Each cell's suggestion, the same in every set that holds it (the
    // groups share no cell), with the slip that explains it.
    let suggested: Vec<(String, i128, Reason)> = located
        .suggestions()
        .iter()
        .map(|repair| (name(repair.cell), repair.suggested.mantissa, repair.reason))
        .collect();
    let expected = [
        ("1/3", 1_020, Reason::OneDigitWrong),
        ("2/1", 1, Reason::OneDigitWrong),
        ("2/2.1", 2, Reason::OneDigitWrong),
        ("2/2.2", 29, Reason::OneDigitWrong),
        ("1/3.1", 850, Reason::OneDigitWrong),
        ("1/3.2", 87, Reason::OneDigitWrong),
        ("2/2", 29, Reason::OnlyValue),
        ("2/1.1", 0, Reason::OnlyValue),
    ];
    let expected: Vec<(String, i128, Reason)> = expected
        .iter()
        .map(|&(cell, value, reason)| (cell.to_owned(), value, reason))
        .collect();
    assert_eq!(suggested, expected);
    // The most likely set: three slips explained, first in form order.
    assert_eq!(
        changes(&located.sets[0]),
        [
            ("1/3".to_owned(), 1_020, Reason::OneDigitWrong),
            ("2/1".to_owned(), 1, Reason::OneDigitWrong),
            ("2/2.1".to_owned(), 2, Reason::OneDigitWrong),
        ]
    );
    // Six sets are explained by slips alone (3 × 1 × 2); the last changes
    // the cells that only their one allowed value mends.
    assert!(
        located.sets[..6]
            .iter()
            .all(|set| set.repairs.iter().all(|r| r.reason.is_typo()))
    );
    assert!(!located.sets[6].repairs.iter().all(|r| r.reason.is_typo()));
    assert_eq!(cells_of(&located.sets[17..]), [["1/3.2", "2/1.1", "2/2"]]);
}

#[test]
fn the_allowed_values_are_what_the_rules_allow_by_hand() {
    let located = sheet().locate();
    let allowed = |cell_name: &str| -> Vec<(i128, i128)> {
        let repair = located
            .suggestions()
            .into_iter()
            .find(|repair| repair.cell == cell(cell_name))
            .expect("a suggestion");
        repair
            .allowed
            .iter()
            .map(|(lo, hi)| (lo.mantissa, hi.mantissa))
            .collect()
    };
    // 87 % exactly, rounded or truncated.
    assert_eq!(allowed("1/3.2"), [(87, 87)]);
    // 84,5 ≤ n / 10 < 85,5 rounded, 85 ≤ n / 10 < 86 truncated.
    assert_eq!(allowed("1/3.1"), [(845, 859)]);
    assert_eq!(allowed("1/3"), [(1_012, 1_029)]);
    assert_eq!(allowed("2/2"), [(29, 29)]);
    assert_eq!(allowed("2/2.1"), [(2, 2)]);
    assert_eq!(allowed("2/2.2"), [(29, 29)]);
    // The code's legend is 1 and 2; 2 says "no payment".
    assert_eq!(allowed("2/1"), [(1, 1)]);
    assert_eq!(allowed("2/1.1"), [(0, 0)]);
}

#[test]
fn applying_any_set_leaves_no_error() {
    let sheet = sheet();
    let located = sheet.locate();
    for set in &located.sets {
        let mended = set.apply(&sheet);
        assert!(
            !mended.validate().has_errors(),
            "{:?} leaves an error",
            cells_of(std::slice::from_ref(set))
        );
        // Only the set's cells changed, each to its suggested value.
        for indicator in template().indicators() {
            let id = indicator.id;
            match set.repairs.iter().find(|repair| repair.cell == id) {
                Some(repair) => assert_eq!(mended.cell(id), repair.value()),
                None => assert_eq!(mended.cell(id), sheet.cell(id)),
            }
        }
    }
    let repaired = located.repaired(&sheet).expect("a repair");
    assert_eq!(repaired.cell(cell("1/3")), Some(Printed::whole(1_020)));
    assert_eq!(repaired.cell(cell("2/1")), Some(Printed::whole(1)));
    assert_eq!(repaired.cell(cell("2/2.1")), Some(Printed::whole(2)));
    assert!(!repaired.validate().has_errors());
    // Mended, nothing is left to locate.
    assert_eq!(repaired.locate(), Localisation::default());
}

#[test]
fn weights_steer_the_sets() {
    // Trust the rates and the totals: the numerator 1/3.1, the parts of
    // 2/2 and the payments remain.
    let mut weights = Weights::default();
    for trusted in ["1/3", "1/3.2", "2/2", "2/1"] {
        weights.fix(cell(trusted));
    }
    // A part mistyped is less likely at one level than at the other.
    weights.set(cell("2/2.1"), 2);
    let located = Locator::new().with_weights(weights).locate(&sheet());
    assert_eq!(located.weight, 3);
    assert_eq!(cells_of(&located.sets), [["1/3.1", "2/1.1", "2/2.2"]]);
    assert_eq!(
        changes(&located.sets[0]),
        [
            ("1/3.1".to_owned(), 850, Reason::OneDigitWrong),
            ("2/1.1".to_owned(), 0, Reason::OnlyValue),
            ("2/2.2".to_owned(), 29, Reason::OneDigitWrong),
        ]
    );
    // Every cell of a broken rule trusted: it cannot be repaired.
    let mut weights = Weights::default();
    for trusted in ["2/2", "2/2.1", "2/2.2"] {
        weights.fix(cell(trusted));
    }
    let located = Locator::new().with_weights(weights).locate(&sheet());
    assert!(located.sets.is_empty());
    assert_eq!(located.unrepairable, ["sum:2/2"]);
    // A weight set on a cell of another template says nothing here, not
    // even for the cell at the same position of this one.
    let mut weights = Weights::default();
    let bnv_581 = cchc_forms::TemplateVersion::Bnv581Of2022.template();
    let same_place = bnv_581.indicators()[cell("1/3").index()].id;
    weights.fix(same_place);
    assert_eq!(weights.get(same_place), FIXED);
    assert_eq!(weights.get(cell("1/3")), 1);
    assert_eq!(
        Locator::new().with_weights(weights).locate(&sheet()),
        sheet().locate()
    );
}

#[test]
fn a_clean_sheet_has_nothing_to_locate() {
    // The sample with its three slips mended by hand.
    let text = online_services::TSV
        .replace("1\t3.2\t85\n", "1\t3.2\t87\n")
        .replace("2\t2\t30\n", "2\t2\t29\n")
        .replace("2\t1\t2\n", "2\t1\t1\n");
    let rows = rows::parse_tsv(&text).expect("rows");
    let meta = online_services::meta(Level::Province, Period::new(2026, Term::Q3));
    let clean = Sheet::from_rows(meta, rows).expect("reads");
    assert!(!clean.validate().has_errors());
    let located = clean.locate();
    assert!(located.sets.is_empty());
    assert_eq!(located.weight, 0);
    assert!(located.repaired(&clean).is_none());
}

#[test]
fn the_localisation_serializes_with_the_templates_rows() {
    let located = sheet().locate();
    let json = serde_json::to_value(&located).expect("serializes");
    assert_eq!(
        json["sets"][0],
        serde_json::json!([
            {"form": 1, "stt": "3", "reported": "1000", "suggested": "1020", "reason": "one digit wrong"},
            {"form": 2, "stt": "1", "reported": "2", "suggested": "1", "reason": "one digit wrong"},
            {"form": 2, "stt": "2.1", "reported": "1", "suggested": "2", "reason": "one digit wrong"},
        ])
    );
    assert_eq!(json["suggestions"].as_array().map(Vec::len), Some(8));
}

#[test]
fn a_581_report_and_its_sheet_locate_alike() {
    // Form 3, 3.1.1: 54.106 typed 45.106 (on top of the sample's own slip
    // in 1.4): the typed report and the same report as a sheet.
    let mut report = samples::bac_giang_2023_q3();
    let resolved = cchc_forms::TemplateVersion::Bnv581Of2022
        .template()
        .cell(3, "3.1.1")
        .expect("a 581 cell");
    report
        .set_cell(resolved, Some(Printed::whole(45_106)))
        .expect("fits");
    let sheet = Sheet::from(&report);
    let located = report.locate();
    assert_eq!(sheet.locate(), located);
    let repair = located.sets[0]
        .repairs
        .iter()
        .find(|repair| repair.cell == resolved)
        .expect("the slip is in the first set");
    assert_eq!(repair.suggested, Printed::whole(54_106));
    assert_eq!(repair.reason, Reason::AdjacentDigitsSwapped);
    // The set mends the sheet as it mends the report.
    let mended = located.sets[0].apply(&sheet);
    assert_eq!(mended, Sheet::from(&located.sets[0].apply(&report)));
    assert!(!mended.validate().has_errors());
}

/// A second, smaller TEST template: one-stop shops by level, where the
/// district level stops applying with the reports whose window starts
/// after 30 June 2025 (calendar windows: Q3/2025 onwards).
fn shops_template() -> &'static Template {
    use std::sync::OnceLock;
    static TEMPLATE: OnceLock<&'static Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let count = |stt, key, en| {
            Indicator::count(1, stt, key, "Bộ phận một cửa", en, "Bộ phận", "shops").stock()
        };
        let district = Applicability {
            from: None,
            until: Some(CalendarDate {
                year: 2025,
                month: 6,
                day: 30,
            }),
            reason_en: "no district level from 1 July 2025",
            reason_vi: "không còn cấp huyện từ 01/7/2025",
        };
        TemplateBuilder::new(LegalBasis {
            document: "Mẫu thử nghiệm (không phải mẫu chính thức)",
            date: CalendarDate {
                year: 2026,
                month: 1,
                day: 1,
            },
            issuer: "cchc-forms tests",
            name: "test/one-stop-shops",
        })
        .windows(Windows::Calendar)
        .levels(&[Level::Province, Level::Commune])
        .form(1, "shops", "Bộ phận một cửa", "One-stop shops")
        .row(count("1", "shops", "One-stop shops"))
        .row(count("1.1", "province", "At provincial level"))
        .row(count("1.2", "district", "At district level").applies(district))
        .row(count("1.3", "commune", "At commune level"))
        .sum(
            "1/1",
            &["1/1.1", "1/1.2", "1/1.3"],
            ("Mỗi bộ phận ở đúng một cấp.", "Every shop is at one level."),
        )
        .build()
        .expect("the shops template is well defined")
    })
}

#[test]
fn a_row_that_does_not_apply_is_blanked_and_left_out_of_its_sum() {
    let template = shops_template();
    let shops = |stt| template.cell(1, stt).expect("a row");
    let rows_of = |text| {
        let rows = rows::parse_tsv(text).expect("rows");
        let meta = ReportMeta {
            template: template.version(),
            ..ReportMeta::new(
                "UBND tỉnh Thử Nghiệm",
                Level::Province,
                Period::new(2026, Term::Q1),
            )
        };
        Sheet::from_rows(meta, rows).expect("reads")
    };
    // Q1/2026 has no district level: 5 district shops is an error, and
    // the sum is over the levels that exist, "of which": 2 + 28 = 30 is
    // more than the 25 printed.
    let sheet = rows_of("1\t1\t25\n1\t1.1\t2\n1\t1.2\t5\n1\t1.3\t28\n");
    let mut errors: Vec<&str> = sheet
        .validate()
        .of_severity(cchc_forms::Severity::Error)
        .map(|finding| finding.rule.as_str())
        .collect();
    errors.sort_unstable();
    assert_eq!(errors, ["not_applicable:1/1.2", "sum:1/1"]);
    let located = sheet.locate();
    // The district row is blanked in every set (it counts for no other
    // rule); the sum is mended by a total of at least 30 (25 → 52, two
    // digits swapped) or a commune count of at most 23 (28 → 18, one
    // digit wrong); no province count mends it (2 + 28 > 25 already).
    assert_eq!(located.weight, 2);
    assert_eq!(
        located
            .sets
            .iter()
            .map(|set| set.cells.clone())
            .collect::<Vec<_>>(),
        [
            vec![shops("1"), shops("1.2")],
            vec![shops("1.2"), shops("1.3")]
        ]
    );
    let district = &located.sets[0].repairs[1];
    assert_eq!(district.reason, Reason::NotApplicable);
    assert_eq!(district.value(), None);
    let total = &located.sets[0].repairs[0];
    assert_eq!(
        (total.suggested, total.reason),
        (Printed::whole(52), Reason::AdjacentDigitsSwapped)
    );
    assert_eq!(
        total.allowed,
        [(Printed::whole(30), Printed::whole(i128::from(u64::MAX)))]
    );
    let commune = &located.sets[1].repairs[1];
    assert_eq!(
        (commune.suggested, commune.reason, commune.allowed.clone()),
        (
            Printed::whole(18),
            Reason::OneDigitWrong,
            vec![(Printed::whole(0), Printed::whole(23))]
        )
    );
    for set in &located.sets {
        let mended = set.apply(&sheet);
        assert_eq!(mended.cell(shops("1.2")), None);
        assert!(!mended.validate().has_errors());
    }
    // Trusting the district figure leaves its rule unrepairable.
    let mut weights = Weights::default();
    weights.set(shops("1.2"), FIXED);
    let located = Locator::new().with_weights(weights).locate(&sheet);
    assert!(located.sets.is_empty());
    assert_eq!(located.unrepairable, ["not_applicable:1/1.2"]);
    // In the first half of 2025 the district level still exists: 2 + 5 +
    // 28 = 35 ≠ 25, the total 25 → 35 (one digit wrong), and no row is
    // blanked.
    let meta = ReportMeta {
        template: template.version(),
        ..ReportMeta::new(
            "UBND tỉnh Thử Nghiệm",
            Level::Province,
            Period::new(2025, Term::HalfYear),
        )
    };
    let mut before = Sheet::new(meta);
    for (stt, value) in [("1", 25), ("1.1", 2), ("1.2", 5), ("1.3", 28)] {
        before
            .set_figure(shops(stt), Some(Printed::whole(value)))
            .expect("fits");
    }
    let located = before.locate();
    assert_eq!(located.weight, 1);
    assert!(
        located
            .suggestions()
            .iter()
            .all(|repair| repair.reason != Reason::NotApplicable)
    );
    let total = located
        .suggestions()
        .into_iter()
        .find(|repair| repair.cell == shops("1"))
        .expect("the total can carry the slip");
    assert_eq!(total.suggested, Printed::whole(35));
}
