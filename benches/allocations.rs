//! Validation allocates nothing on a report without findings.
//!
//! Run with `cargo bench --bench allocations`: it counts the heap
//! allocations of `Report::validate` and `Report::check` with a counting
//! global allocator (the `allocation-counter` crate, linked into this
//! binary only, so that the timings of `benches/validate.rs` are not
//! disturbed), fails if a clean report allocates, and prints what a report
//! with findings allocates.

use std::hint::black_box;

use cchc_forms::samples;

mod support;

fn main() {
    let clean = support::clean_base();
    let validate = allocation_counter::measure(|| {
        black_box(black_box(&clean).validate());
    });
    assert_eq!(
        validate.count_total, 0,
        "validate allocated on a clean report"
    );
    let check = allocation_counter::measure(|| {
        black_box(black_box(&clean).check());
    });
    assert_eq!(check.count_total, 0, "check allocated on a clean report");

    let reports = support::batch(10_000);
    let (mut clean_reports, mut with_findings, mut allocations) = (0, 0, 0);
    for report in &reports {
        let mut findings = 0;
        let counted = allocation_counter::measure(|| {
            findings = black_box(report).validate().len();
        });
        if findings == 0 {
            assert_eq!(counted.count_total, 0, "a clean varied report allocated");
            clean_reports += 1;
        } else {
            with_findings += 1;
            allocations += counted.count_total;
        }
    }
    let sample = samples::bac_giang_2023_q3();
    let findings = sample.validate().len();
    let sample_allocations = allocation_counter::measure(|| {
        black_box(black_box(&sample).validate());
    });
    println!("validate on the clean sample: 0 allocations; check: 0 allocations");
    println!(
        "varied reports: {clean_reports} clean with 0 allocations each; \
         {with_findings} with findings, {allocations} allocations in all"
    );
    println!(
        "the Bắc Giang sample ({findings} findings): {} allocations, {} bytes",
        sample_allocations.count_total, sample_allocations.bytes_total
    );
}
