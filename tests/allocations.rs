//! The allocation promise, checked in CI: validation allocates nothing on a
//! report without findings, and one block (the collection) on a report with
//! findings.
//!
//! Counted with the `allocation-counter` crate, a counting global allocator
//! linked into this test binary only (as `benches/allocations.rs` does, which
//! CI does not run).

use std::hint::black_box;

use cchc_forms::bnv581::CELL_COUNT;
use cchc_forms::catalogue::CellId;
use cchc_forms::{Finding, Report, samples};

/// The sample made consistent: 1.486 + 255 + 155 = 1.896 procedures in
/// form 3 row 1.4, the 840 public service units of form 6 in form 4 row 1.5
/// (721 of them in row 1.5.3), and the two derivable rates filled in
/// (40 / 56 = 71,43 %, 6.832.000 / 8.007.000 = 85,33 %).
fn clean_sample() -> Report {
    samples::bac_giang_2023_q3_consistent()
}

#[test]
fn a_clean_report_allocates_nothing() {
    let clean = clean_sample();
    assert!(clean.validate().is_empty());
    let validate = allocation_counter::measure(|| {
        black_box(black_box(&clean).validate());
    });
    assert_eq!(
        validate.count_total, 0,
        "validate allocated on a clean report"
    );
    let located = allocation_counter::measure(|| {
        black_box(black_box(&clean).locate());
    });
    assert_eq!(located.count_total, 0, "locate allocated on a clean report");

    // The clean sample with any one cell blanked: what stays clean still
    // allocates nothing (a blank is never an error, but some blanks make a
    // rate derivable, which is a finding).
    let mut clean_variants = 0;
    for index in 0..CELL_COUNT {
        let mut report = clean.clone();
        let id = CellId::from_index(index).expect("a cell");
        report.set_cell(id, None).expect("any cell can be blank");
        let mut findings = usize::MAX;
        let counted = allocation_counter::measure(|| {
            findings = black_box(&report).validate().len();
        });
        if findings == 0 {
            assert_eq!(counted.count_total, 0, "{id:?} blank: allocated");
            clean_variants += 1;
        } else {
            assert_eq!(
                counted.count_total, 1,
                "{id:?} blank: one block for the findings"
            );
        }
    }
    // Most single blanks leave the report clean.
    assert!(clean_variants > CELL_COUNT / 2, "{clean_variants}");
}

#[test]
fn the_samples_findings_cost_one_allocation() {
    let sample = samples::bac_giang_2023_q3();
    // The error of form 3 row 1.4, the warning across forms 4 and 6, and
    // the two derivable rates (form 1 row 2, form 6 row 1).
    assert_eq!(sample.validate().len(), 4);
    let counted = allocation_counter::measure(|| {
        black_box(black_box(&sample).validate());
    });
    assert_eq!(counted.count_total, 1, "one block: the collection");
    assert_eq!(counted.bytes_total, 4 * size_of::<Finding>() as u64);
}
