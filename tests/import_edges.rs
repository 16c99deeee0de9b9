//! The importers at their edges (rows, printed forms, decoding, JSON), each
//! asserted from the source document or the forms' rules. Written to kill
//! the mutants `cargo mutants` found surviving (see `.ci/mutants.sh`).

use cchc_forms::rows::read_tsv;

#[test]
fn the_sample_rows_import_with_their_metadata() {
    let imported =
        read_tsv(include_str!("../src/samples/bac_giang_2023_q3.tsv")).expect("the sample");
    assert_eq!(imported.report, cchc_forms::samples::bac_giang_2023_q3());
}
