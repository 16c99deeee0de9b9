//! What a finding costs, measured so that this machine's drift cancels out.
//!
//! Run with `cargo bench --bench findings_cost`. Criterion's one run of a
//! group compares figures taken seconds apart, on a machine whose speed
//! drifts by up to half within the hour; this harness takes, for each
//! report, the best of 30 timings of 20,000 validations, the reports timed
//! one after another within each of the 30 rounds, so that a slow moment
//! slows them all. It prints, in nanoseconds a validation:
//!
//! | report | what it is |
//! |---|---|
//! | `clean` | the consistent sample (`samples::bac_giang_2023_q3_consistent`): no finding |
//! | `one_sum` | the same with form 3 row 1.4 = 1.902 as printed: one sum finding |
//! | `one_note` | the same with form 1 row 2 left blank: one derivable note |
//! | `two_notes` | and form 6 row 1 blank too: two notes of one family |
//! | `across` | form 4 row 1.5 = 841 against form 6's 840: two findings across forms |
//! | `sample` | the Bắc Giang sample as printed: its four findings |
//! | `jsonschema` | the `jsonschema` crate's `is_valid` on the sample (as `validate/jsonschema`) |
//!
//! and the sample's and the clean sample's ratio to `jsonschema`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use cchc_forms::catalogue::CellId;
use cchc_forms::unit::Printed;
use cchc_forms::{Report, samples};

const ROUNDS: usize = 30;
const VALIDATIONS: u32 = 20_000;

/// The consistent sample with cells changed.
fn changed(cells: &[(u8, &str, Option<i128>)]) -> Report {
    let mut report = samples::bac_giang_2023_q3_consistent();
    for &(form, stt, value) in cells {
        report
            .set_cell(CellId::of(form, stt), value.map(Printed::whole))
            .expect("a count of the catalogue");
    }
    report
}

/// The time of one of `count` runs of `work`.
fn each(count: u32, mut work: impl FnMut()) -> Duration {
    let start = Instant::now();
    for _ in 0..count {
        work();
    }
    start.elapsed() / count
}

fn main() {
    let reports = [
        ("clean", changed(&[]), 0),
        ("one_sum", changed(&[(3, "1.4", Some(1_902))]), 1),
        ("one_note", changed(&[(1, "2", None)]), 1),
        ("two_notes", changed(&[(1, "2", None), (6, "1", None)]), 2),
        ("across", changed(&[(4, "1.5", Some(841))]), 2),
        ("sample", samples::bac_giang_2023_q3(), 4),
    ];
    for (name, report, findings) in &reports {
        assert_eq!(report.validate().len(), *findings, "{name}");
    }
    let sample = serde_json::to_value(samples::bac_giang_2023_q3()).expect("the sample serializes");
    let schema = cchc_forms::schema::report_schema();
    let validator = jsonschema::validator_for(&schema).expect("the report schema compiles");
    assert!(validator.is_valid(&sample), "jsonschema rejects the sample");

    let mut best = [Duration::MAX; 7];
    for _ in 0..ROUNDS {
        for ((_, report, _), best) in reports.iter().zip(&mut best) {
            let time = each(VALIDATIONS, || {
                black_box(black_box(report).validate());
            });
            *best = (*best).min(time);
        }
        let time = each(VALIDATIONS / 10, || {
            black_box(validator.is_valid(black_box(&sample)));
        });
        best[6] = best[6].min(time);
    }
    let nanos = |time: Duration| time.as_secs_f64() * 1e9;
    let names = reports.iter().map(|(name, ..)| *name).chain(["jsonschema"]);
    for (name, time) in names.zip(best) {
        println!("{name:>10}: {:8.0} ns", nanos(time));
    }
    println!(
        "jsonschema / sample: {:.2}×, jsonschema / clean: {:.2}×",
        nanos(best[6]) / nanos(best[5]),
        nanos(best[6]) / nanos(best[0])
    );
}
