//! The clean path (`RuleFamily::decide`) at the edges of what holds: a value
//! that meets a rule exactly (a share of 0 or 100, parts adding up to the
//! total) is decided on the snapshot, not sent to the exact evaluator. Each
//! case holds by the rules (arithmetic in the comments); a comparison of a
//! `decide` moved by one (`<` made `<=`) would send it on, which findings
//! cannot show. The debug-build agreement check of `run` covers the other
//! direction (a pass or skip the exact evaluator disagrees with).

use super::{RULES, Report};
use crate::catalogue::CellId;
use crate::check::Fast;
use crate::meta::ReportMeta;

/// What the clean path decides for `rule` on the report made of `rows`,
/// after checking that the exact evaluators find nothing for it.
fn decided(rows: &[(u8, &str, &str)], rule: &str) -> Fast {
    let mut report = Report::new(ReportMeta::default());
    for &(form, stt, text) in rows {
        let cell = CellId::find(form, stt).expect("a row of the forms");
        report
            .set_cell_text(cell, text)
            .expect("a value of the row");
    }
    assert!(
        report.validate().of_rule(rule).next().is_none(),
        "{rule} fires on {rows:?}"
    );
    let check = RULES
        .iter()
        .find(|each| each.id == rule)
        .unwrap_or_else(|| panic!("no rule {rule}"))
        .check;
    check.decide(report.snapshot().slots())
}

#[test]
fn a_value_at_its_bound_passes_on_the_clean_path() {
    // 0 ≥ 0 and 100 ≤ 100: both ends of a share belong to it.
    for text in ["0", "100", "0,00", "100,0"] {
        assert_eq!(
            decided(&[(3, "3.1", text)], "bound:3/3.1:0..100"),
            Fast::Pass,
            "{text}"
        );
    }
    // A disbursed amount of 0 is not negative.
    assert_eq!(decided(&[(6, "1.2", "0")], "bound:6/1.2:0.._"), Fast::Pass);
}

#[test]
fn a_ratio_that_holds_passes_on_the_clean_path() {
    // 0 of 5 dossiers on time: 100 × 0 / 5 = 0, which `0` ([−0,5; 0,5])
    // holds. A zero numerator over a positive denominator is a ratio like
    // any other (only 0 / 0 has none).
    let ratio = |rate, num, den| {
        decided(
            &[(3, "3.1", rate), (3, "3.1.2", num), (3, "3.1.1", den)],
            "ratio:3/3.1",
        )
    };
    assert_eq!(ratio("0", "0", "5"), Fast::Pass);
    // 100 × 1 / 8 = 12,5: `13` stands for [12,5; 13,5] and `12` for
    // [11,5; 12,5]; 12,5 is an end of each, and both hold.
    assert_eq!(ratio("13", "1", "8"), Fast::Pass);
    assert_eq!(ratio("12", "1", "8"), Fast::Pass);
    // 8 of 8: 100 % exactly.
    assert_eq!(ratio("100", "8", "8"), Fast::Pass);
}

#[test]
fn totals_that_meet_their_parts_exactly_pass_on_the_clean_path() {
    // 1.486 + 255 + 155 = 1.896: the levels add up to the total.
    let levels = [
        (3, "1.4", "1.896"),
        (3, "1.4.1", "1.486"),
        (3, "1.4.2", "255"),
        (3, "1.4.3", "155"),
    ];
    assert_eq!(decided(&levels, "sum:3/1.4"), Fast::Pass);
    // The commune level blank: the others as "of which", 1.486 + 255 =
    // 1.741, at most the total, and equal to it at the edge.
    assert_eq!(decided(&levels[..3], "sum:3/1.4"), Fast::Pass);
    let edge = [
        (3, "1.4", "1.741"),
        (3, "1.4.1", "1.486"),
        (3, "1.4.2", "255"),
    ];
    assert_eq!(decided(&edge, "sum:3/1.4"), Fast::Pass);
    // 56 of 56 tasks completed; 6 + 4 of 10 assigned (overdue blank).
    assert_eq!(
        decided(&[(1, "2.1", "56"), (1, "2.2", "56")], "part:1/2.2<=1/2.1"),
        Fast::Pass
    );
    assert_eq!(
        decided(
            &[(1, "5.1", "10"), (1, "5.2", "6"), (1, "5.3", "4")],
            "part:1/5.2+1/5.3+1/5.4<=1/5.1"
        ),
        Fast::Pass
    );
    // The same units in forms 4 and 6; form 5's units among form 4's.
    assert_eq!(
        decided(
            &[(4, "1.5", "840"), (6, "2.1", "840")],
            "across:4/1.5==6/2.1"
        ),
        Fast::Pass
    );
    assert_eq!(
        decided(
            &[(4, "1.5", "858"), (5, "1.2", "858")],
            "across:5/1.2<=4/1.5"
        ),
        Fast::Pass
    );
    // 9 services with dossiers, 4 + 5 = 9 dossiers.
    assert_eq!(
        decided(
            &[(7, "6.2.1", "9"), (7, "6.3.1", "4"), (7, "6.4.1", "5")],
            "covers:7/6.2.1<=7/6.3.1+7/6.4.1"
        ),
        Fast::Pass
    );
}

#[test]
fn rates_codes_and_implications_that_hold_pass_on_the_clean_path() {
    // Levels 90, 95, 99 % stand for [89,5; 99,5] together; 89 ([88,5;
    // 89,5]) and 100 ([99,5; 100,5]) each touch an end.
    for overall in ["89", "100", "95"] {
        let rows = [
            (7, "5.2", overall),
            (7, "5.2.1", "90"),
            (7, "5.2.2", "95"),
            (7, "5.2.3", "99"),
        ];
        assert_eq!(decided(&rows, "level_range:7/5.2"), Fast::Pass, "{overall}");
    }
    // 200 of 200 done and 100 %: nothing to note; 199 of 200 and 99,5 %
    // printed `99,5`: not printed as 100.
    let full = |rate, num| {
        decided(
            &[(3, "3.1", rate), (3, "3.1.1", "200"), (3, "3.1.2", num)],
            "full:3/3.1",
        )
    };
    assert_eq!(full("100", "200"), Fast::Pass);
    assert_eq!(full("99,5", "199"), Fast::Pass);
    // A survey held (1/6 = 1), or not held with no forms (6.1 = 0).
    assert_eq!(
        decided(&[(1, "6", "1"), (1, "6.1", "3")], "conditional:1/6==0"),
        Fast::Pass
    );
    assert_eq!(
        decided(&[(1, "6", "0"), (1, "6.1", "0")], "conditional:1/6==0"),
        Fast::Pass
    );
    // No dossiers online (0 + 0): nothing required; 1 service: holds.
    let online = "implies:7/6.3.2+7/6.4.2>=1=>7/6.2.2>=1";
    assert_eq!(
        decided(&[(7, "6.3.2", "0"), (7, "6.4.2", "0")], online),
        Fast::Pass
    );
    assert_eq!(
        decided(&[(7, "6.3.2", "5"), (7, "6.2.2", "1")], online),
        Fast::Pass
    );
    // No provincial procedures and no dossiers of the departments.
    assert_eq!(
        decided(
            &[(3, "1.4.1", "0"), (3, "3.1.1", "0")],
            "implies:3/1.4.1==0=>3/3.1.1==0"
        ),
        Fast::Pass
    );
}

#[test]
fn amounts_at_most_their_plan_pass_on_the_clean_path() {
    // Amounts (million VND) are read to the nearest unit of their last
    // digit, so they take the snapshot's interval path, not the whole
    // counts'. 50 disbursed of a plan of 100 is well within it; 100,5 of
    // 100,5 equal; 101 ([100,5; 101,5]) of 100 ([99,5; 100,5]) may be
    // 100,5 of 100,5: the intervals touch, and that holds.
    let disbursed =
        |plan, spent| decided(&[(6, "1.1", plan), (6, "1.2", spent)], "part:6/1.2<=6/1.1");
    assert_eq!(disbursed("100", "50"), Fast::Pass);
    assert_eq!(disbursed("100,5", "100,5"), Fast::Pass);
    assert_eq!(disbursed("100", "101"), Fast::Pass);
}

#[test]
fn rates_with_nothing_to_derive_are_skipped_on_the_clean_path() {
    // Reported, over a denominator of 0, or from a negative amount: no rate
    // to derive, on either path.
    assert_eq!(
        decided(
            &[(1, "2", "50"), (1, "2.1", "4"), (1, "2.2", "2")],
            "derivable:1/2"
        ),
        Fast::Skip
    );
    assert_eq!(
        decided(&[(1, "2.1", "0"), (1, "2.2", "0")], "derivable:1/2"),
        Fast::Skip
    );
    assert_eq!(
        decided(&[(6, "1.1", "100"), (6, "1.2", "-5")], "derivable:6/1"),
        Fast::Skip
    );
    // A full rate left blank (derivable, a note of its own): nothing to
    // note here.
    assert_eq!(
        decided(&[(3, "3.1.1", "200"), (3, "3.1.2", "199")], "full:3/3.1"),
        Fast::Skip
    );
    // A full rate over a denominator of 0: nothing to note.
    assert_eq!(
        decided(
            &[(3, "3.1", "100"), (3, "3.1.1", "0"), (3, "3.1.2", "0")],
            "full:3/3.1"
        ),
        Fast::Skip
    );
}

#[test]
fn a_share_that_holds_passes_on_the_clean_path() {
    // Form 1: of the bodies inspected (4.1), the share that carried out the
    // conclusions (4.2) is 100 · k / n for a whole k. The source's 3 bodies
    // and 100 %: k = 3. Read to nearest, `100` is [99,5; 100,5], in half
    // units of 1 % [199; 201]; k is the least whole number with
    // 200 · k ≥ 199 · 3 = 597, that is 3, and 200 · 3 = 600 ≤ 201 · 3 = 603
    // (killed: `n.decimals != 0` made `==`, which sent every share of a
    // count to the exact evaluator; `+` made `*` in the rounding up of
    // 597 / 200, which gave k = 596 > 3).
    let share = |rate, n| decided(&[(1, "4.1", n), (1, "4.2", rate)], "share:1/4.2");
    assert_eq!(share("100", "3"), Fast::Pass);
    // 1 of 8 is 12,5 %, the lower end of `13` ([12,5; 13,5]): 25 · 8 = 200
    // half units, exactly 200 · 1, so k = 1 and 200 ≤ 27 · 8 = 216. The
    // rounding up of 200 / 200 must give 1, not 2 (killed: `- 1` made
    // `+ 1` or `/ 1` in `low + unit - 1`, which gave k = 2, 400 > 216).
    assert_eq!(share("13", "8"), Fast::Pass);
    // And the upper end of `12` ([11,5; 12,5]): 23 · 8 = 184, k = 1,
    // 200 ≤ 25 · 8 = 200.
    assert_eq!(share("12", "8"), Fast::Pass);
}
