//! Error localisation on the Bắc Giang Q3/2023 report and on it with
//! mistyped cells, every expectation worked out by hand from the forms.
//!
//! The sample breaks one error rule: form 3, 1.4 = 1.902 procedures, but
//! 1.4.1 + 1.4.2 + 1.4.3 = 1.486 + 255 + 155 = 1.896. Each of the four cells
//! alone can carry the slip (the others as reported):
//! - 1.4   = 1.486 + 255 + 155   = 1.896
//! - 1.4.1 = 1.902 − 255 − 155   = 1.492
//! - 1.4.2 = 1.902 − 1.486 − 155 = 261
//! - 1.4.3 = 1.902 − 1.486 − 255 = 161
//!
//! None of these is a known typing slip of the reported figure (1.902 and
//! 1.896 differ in two digits, 1.486 and 1.492 in two, 255 and 261 in two,
//! 155 and 161 in two), so the four sets tie and come in catalogue order.

use cchc_forms::catalogue::CellId;
use cchc_forms::locate::{FIXED, Locator, Reason, Weights};
use cchc_forms::unit::Printed;
use cchc_forms::{Report, samples};

fn cell(form: u8, stt: &str) -> CellId {
    CellId::find(form, stt).expect("a cell")
}

/// A count as a cell holds it.
fn whole(value: i128) -> Option<Printed> {
    Printed::whole(value).into()
}

fn sets_of(report: &Report) -> Vec<Vec<String>> {
    report
        .locate()
        .sets
        .iter()
        .map(|set| {
            set.cells
                .iter()
                .map(|c| format!("{}/{}", c.indicator().form, c.indicator().stt))
                .collect()
        })
        .collect()
}

#[test]
fn the_sample_has_four_minimal_sets_of_one_cell() {
    let report = samples::bac_giang_2023_q3();
    assert_eq!(
        sets_of(&report),
        [["3/1.4"], ["3/1.4.1"], ["3/1.4.2"], ["3/1.4.3"]]
    );
    let located = report.locate();
    assert_eq!(located.weight, 1);
    assert!(!located.more);
    let suggestions: Vec<(CellId, i128, i128, Reason)> = located
        .suggestions()
        .iter()
        .map(|r| (r.cell, r.reported.mantissa, r.suggested.mantissa, r.reason))
        .collect();
    assert_eq!(
        suggestions,
        [
            (cell(3, "1.4"), 1_902, 1_896, Reason::OnlyValue),
            (cell(3, "1.4.1"), 1_486, 1_492, Reason::OnlyValue),
            (cell(3, "1.4.2"), 255, 261, Reason::OnlyValue),
            (cell(3, "1.4.3"), 155, 161, Reason::OnlyValue),
        ]
    );
    // Counts in a sum of counts: each allowed range is the one value.
    for set in &located.sets {
        let repair = &set.repairs[0];
        assert_eq!(repair.allowed, [(repair.suggested, repair.suggested)]);
        assert!(!set.apply(&report).validate().has_errors());
    }
}

#[test]
fn a_swapped_resolved_count_is_found_first() {
    // 3/3.1.1 typed 45.106 for 54.106. Then 53.726 on time > 45.106
    // resolved (part ≤ whole fails) and 100 × 53.726 / 45.106 = 119,11 %,
    // not 99,3 (the ratio fails). Changing 3/3.1.1 alone repairs both:
    // 100 × 53.726 / x ∈ [99,25; 99,35] ⇔ x ∈ [54.077,6; 54.131,4], and
    // 54.106 lies there; 54.106 is 45.106 with its first two digits
    // swapped. Changing 3/3.1.2 alone also repairs both (x ≤ 45.106 and
    // 100x / 45.106 ∈ [99,25; 99,35] ⇔ x ∈ [44.767,7; 44.812,8]), but no
    // slip of 53.726 lands there; the rate 3/3.1 alone cannot (53.726 >
    // 45.106 stays). With the sample's own error in 1.4, the minimal sets
    // have two cells, one from each group; the swap comes first.
    let mut report = samples::bac_giang_2023_q3();
    report.set_cell(cell(3, "3.1.1"), whole(45_106)).unwrap();
    let located = report.locate();
    assert_eq!(located.weight, 2);
    // 4 choices in 1.4 × 2 choices in 3.1 = 8 sets.
    assert_eq!(located.sets.len(), 8);
    let first = &located.sets[0];
    assert_eq!(first.cells, [cell(3, "1.4"), cell(3, "3.1.1")]);
    let repair = &first.repairs[1];
    assert_eq!(repair.suggested, Printed::whole(54_106));
    assert_eq!(repair.reason, Reason::AdjacentDigitsSwapped);
    assert_eq!(repair.reason.to_string(), "adjacent digits swapped");
    // The four sets with 3/3.1.1 come before the four with 3/3.1.2.
    for set in &located.sets[..4] {
        assert!(set.cells.contains(&cell(3, "3.1.1")));
    }
    for set in &located.sets[4..] {
        assert!(set.cells.contains(&cell(3, "3.1.2")));
    }
}

#[test]
fn alone_the_swap_is_the_first_single_set() {
    // The sample with its 1.4 error repaired (1.4 = 1.896) and 3/3.1.1
    // typed 45.106: the single sets {3/3.1.1} then {3/3.1.2}.
    let mut report = samples::bac_giang_2023_q3();
    report.set_cell(cell(3, "1.4"), whole(1_896)).unwrap();
    report.set_cell(cell(3, "3.1.1"), whole(45_106)).unwrap();
    assert_eq!(sets_of(&report), [["3/3.1.1"], ["3/3.1.2"]]);
    let located = report.locate();
    let on_time = &located.sets[1].repairs[0];
    // Allowed for 3/3.1.2: ⌈44.767,7⌉ = 44.768 up to 44.812 when rounded,
    // and (truncated) 100x / 45.106 ∈ [99,3; 99,4) ⇔ x ∈ [44.790,3; 44.835,4):
    // together [44.768; 44.835]. The nearest to 53.726 without a note is
    // 44.812 (100 × 44.812 / 45.106 = 99,348 % rounds to 99,3).
    assert_eq!(
        on_time.allowed,
        [(Printed::whole(44_768), Printed::whole(44_835))]
    );
    assert_eq!(on_time.suggested, Printed::whole(44_812));
    assert_eq!(on_time.reason, Reason::NearestValue);
}

#[test]
fn trusted_cells_are_never_changed() {
    let report = samples::bac_giang_2023_q3();
    let mut weights = Weights::default();
    weights.fix(cell(3, "1.4")).set(cell(3, "1.4.2"), 2);
    let located = Locator::new().with_weights(weights).locate(&report);
    // 1.4 fixed; 1.4.2 weighs 2: the two cells of weight 1 remain.
    let sets: Vec<Vec<CellId>> = located.sets.iter().map(|s| s.cells.clone()).collect();
    assert_eq!(sets, [[cell(3, "1.4.1")], [cell(3, "1.4.3")]]);
    let mut weights = Weights::default();
    for stt in ["1.4", "1.4.1", "1.4.2", "1.4.3"] {
        weights.set(cell(3, stt), FIXED);
    }
    let located = Locator::new().with_weights(weights).locate(&report);
    assert!(located.sets.is_empty());
    assert_eq!(located.unrepairable, ["sum:3/1.4"]);
}

#[test]
fn a_clean_report_needs_nothing() {
    let mut report = samples::bac_giang_2023_q3();
    report.set_cell(cell(3, "1.4"), whole(1_896)).unwrap();
    let located = report.locate();
    assert!(located.sets.is_empty() && located.unrepairable.is_empty());
    assert_eq!(located.weight, 0);
}

#[test]
fn the_json_is_sets_and_suggestions() {
    let located = samples::bac_giang_2023_q3().locate();
    let json = serde_json::to_value(&located).unwrap();
    assert_eq!(
        json["sets"][0],
        serde_json::json!([{"form": 3, "stt": "1.4"}])
    );
    assert_eq!(
        json["suggestions"][1],
        serde_json::json!({"form": 3, "stt": "1.4.1", "reported": "1486",
            "suggested": "1492", "reason": "only value the error rules allow"})
    );
}
