//! The clean path (`RuleFamily::decide`) at the edges of what holds: a value
//! that meets a rule exactly (a share of 0 or 100, parts adding up to the
//! total) is decided on the snapshot, not sent to the exact evaluator. Each
//! case holds by the rules (arithmetic in the comments); a comparison of a
//! `decide` moved by one (`<` made `<=`) would send it on, which findings
//! cannot show. The debug-build agreement check of `run` covers the other
//! direction (a pass or skip the exact evaluator disagrees with).

use super::{Fast, RULES};
use crate::report::{Report, ReportMeta};
use crate::rows::Row;

/// What the clean path decides for `rule` on the report made of `rows`,
/// after checking that the exact evaluators find nothing for it.
fn decided(rows: &[(u8, &str, &str)], rule: &str) -> Fast {
    let report = Report::from_rows(
        ReportMeta::default(),
        rows.iter()
            .map(|&(form, stt, text)| Row::new(form, stt, text)),
    )
    .expect("rows of the forms");
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
