//! The checks at their edges: interval ends, comparisons and rounding
//! directions that a one-character change in `src/check/` would move,
//! each asserted from the rules (the XBRL reading of printed precision) with
//! the arithmetic by hand. Written to kill the mutants `cargo mutants`
//! found surviving (see `.ci/mutants.sh`).

use cchc_forms::catalogue::CellId;
use cchc_forms::{Report, ReportMeta, Row};

fn report(rows: &[(u8, &str, &str)]) -> Report {
    Report::from_rows(
        ReportMeta::default(),
        rows.iter()
            .map(|&(form, stt, text)| Row::new(form, stt, text)),
    )
    .expect("rows of the forms")
}

fn rules(report: &Report) -> Vec<&'static str> {
    report
        .validate()
        .iter()
        .map(|finding| finding.rule.as_str())
        .collect()
}

#[test]
fn a_rate_is_read_to_half_its_last_digit_either_way() {
    // 100 × 1 / 8 = 12,5 % exactly. `13` stands for [12,5; 13,5]: 12,5 is
    // its lower end, consistent. `12` stands for [11,5; 12,5]: consistent too.
    for rate in ["13", "12"] {
        let report = report(&[(3, "3.1", rate), (3, "3.1.1", "8"), (3, "3.1.2", "1")]);
        assert!(rules(&report).is_empty(), "{rate}: {:?}", rules(&report));
    }
    // `14` stands for [13,5; 14,5], which 12,5 is outside: an error.
    let report = report(&[(3, "3.1", "14"), (3, "3.1.1", "8"), (3, "3.1.2", "1")]);
    assert_eq!(rules(&report), ["ratio:3/3.1"]);
    let _ = CellId::of(3, "3.1");
}
