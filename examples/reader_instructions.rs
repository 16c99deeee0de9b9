//! Runs one reader many times, for instruction counts (callgrind) and
//! profiles of the readers: `cargo build --release --example
//! reader_instructions`, then e.g. `valgrind --tool=callgrind
//! target/release/examples/reader_instructions printed 100`.
//!
//! The readers: `printed` (the source document, bytes to findings),
//! `decode` (decoding it alone), `rows` (the sample's TSV, bytes to
//! findings), `json` (the sample's JSON, bytes to findings), `report`
//! (the checks alone), `clean` (the checks on the sample made consistent),
//! `docx` and `xlsx` (the sample as python-docx and
//! openpyxl saved it, bytes to findings: feature `office`).

use std::hint::black_box;

use cchc_forms::{Report, decode_text, printed, rows, samples};

const SOURCE_DOCUMENT: &[u8] = include_bytes!("../tests/data/bac_giang_2023_q3_source.txt");
#[cfg(feature = "office")]
const DOCX: &[u8] = include_bytes!("../tests/data/office/python_docx.docx");
#[cfg(feature = "office")]
const XLSX: &[u8] = include_bytes!("../tests/data/office/sheet_per_form.xlsx");

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "printed".to_owned());
    let times: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100);
    let sample = samples::bac_giang_2023_q3();
    let clean = samples::bac_giang_2023_q3_consistent();
    let json = serde_json::to_string(&sample).expect("the sample serializes");
    let tsv = samples::BAC_GIANG_2023_Q3_TSV.as_bytes();
    let mut findings = 0_usize;
    for _ in 0..times {
        findings += match which.as_str() {
            "printed" => printed::read_printed_bytes(black_box(SOURCE_DOCUMENT))
                .expect("reads")
                .report
                .validate()
                .len(),
            "decode" => decode_text(black_box(SOURCE_DOCUMENT))
                .expect("UTF-8")
                .len(),
            "rows" => rows::read_tsv_bytes(black_box(tsv))
                .expect("reads")
                .report
                .validate()
                .len(),
            "json" => {
                let text = decode_text(black_box(json.as_bytes())).expect("UTF-8");
                Report::from_json(&text).expect("reads").validate().len()
            }
            "report" => black_box(&sample).validate().len(),
            "clean" => black_box(&clean).validate().len(),
            #[cfg(feature = "office")]
            "docx" => cchc_forms::office::read_docx(black_box(DOCX))
                .expect("reads")
                .report
                .validate()
                .len(),
            #[cfg(feature = "office")]
            "xlsx" => cchc_forms::office::read_xlsx(black_box(XLSX))
                .expect("reads")
                .report
                .validate()
                .len(),
            other => panic!("no reader {other}"),
        };
    }
    println!("{which} x{times}: {findings}");
}
