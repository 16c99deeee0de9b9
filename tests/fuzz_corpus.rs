//! The fuzz harnesses on stable: every file of the committed corpus
//! (`fuzz/corpus/<target>/`, seeds from the sample and the test documents,
//! and inputs the fuzzer found interesting) replayed through its harness.
//! `cargo +nightly fuzz run <target>` drives the same functions with
//! libFuzzer; this test makes a regression on any corpus input fail
//! `cargo test` without nightly.

mod fuzz_harness;

use std::path::Path;

#[test]
fn every_corpus_input_passes_its_harness() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    for (target, harness) in fuzz_harness::TARGETS {
        let directory = root.join(target);
        let mut inputs: Vec<_> = std::fs::read_dir(&directory)
            .unwrap_or_else(|e| panic!("{}: {e}", directory.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .collect();
        inputs.sort();
        assert!(inputs.len() >= 2, "{target}: {} inputs", inputs.len());
        for path in inputs {
            let data = std::fs::read(&path).expect("a corpus file");
            let outcome = std::panic::catch_unwind(|| harness(&data));
            assert!(
                outcome.is_ok(),
                "{target}: {} fails its harness",
                path.display()
            );
        }
    }
}

#[test]
fn the_sample_and_its_clean_version_pass_the_round_trip_oracle() {
    // The reports the structured target starts from: the sample (one
    // error, 1.486 + 255 + 155 ≠ 1.902) and the sample made consistent.
    let sample = cchc_forms::samples::bac_giang_2023_q3();
    let clean = fuzz_harness::clean_sample();
    assert_ne!(sample, clean);
    assert!(sample.validate().has_errors());
    assert!(clean.validate().is_empty());
    fuzz_harness::round_trip(&sample);
    fuzz_harness::round_trip(&clean);
}
