//! Memory stays under 64 MiB beyond the document on the worst documents
//! the office readers take or refuse: a zip bomb, a part at its limit, a
//! workbook whose parts inflate to their limit together with the most
//! shared strings and cells, a shared-strings bomb.
//!
//! The heap is measured with the `allocation-counter` crate (a counting
//! global allocator in this test binary only): the peak of what reading
//! allocates, the document's bytes aside.

#![cfg(feature = "office")]

use std::fmt::Write as _;
mod office_support;

use cchc_forms::office::{
    MAX_CELLS, MAX_INFLATED_BYTES, MAX_PART_BYTES, MAX_SHARED_STRINGS, read_docx, read_xlsx,
};
use cchc_forms::{CellProblem, DocumentProblem, Error, Imported};
use office_support::{Part, docx_of_document, xlsx, zip};

const MB: u64 = 1024 * 1024;
const BUDGET: u64 = 64 * MB;

/// The peak of the heap while `read` reads `bytes`, and its outcome.
fn peak(
    read: fn(&[u8]) -> Result<Imported, Error>,
    bytes: &[u8],
) -> (u64, Result<Imported, Error>) {
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(read(bytes));
    });
    eprintln!("peak {} bytes", measured.bytes_max);
    (measured.bytes_max, outcome.expect("read"))
}

fn problem(result: &Result<Imported, Error>) -> CellProblem {
    match result {
        Err(Error::Rows(problems)) => problems[0].problem.clone(),
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("accepted"),
    }
}

fn padded_document(size: usize) -> String {
    let head = r#"<w:document xmlns:w="w"><w:body>"#;
    let tail = "</w:body></w:document>";
    format!("{head}{}{tail}", " ".repeat(size - head.len() - tail.len()))
}

#[test]
fn a_zip_bomb_stops_at_its_limit() {
    let mut bomb = Part::new("word/document.xml", padded_document(64 << 20));
    bomb.declared = Some(100);
    let bytes = zip(&[bomb]);
    let (peak, outcome) = peak(read_docx, &bytes);
    assert_eq!(
        problem(&outcome),
        CellProblem::Document(DocumentProblem::PartTooLarge {
            limit: MAX_PART_BYTES
        })
    );
    // The part grows by doubling to the limit: 8 MiB and 16 MiB at once
    // while it is moved.
    assert!(
        peak <= MAX_PART_BYTES as u64 * 3 / 2 + MB,
        "peak {peak} bytes"
    );
}

#[test]
fn a_part_at_its_limit_is_read_within_the_budget() {
    let bytes = docx_of_document(&padded_document(MAX_PART_BYTES));
    let (peak, outcome) = peak(read_docx, &bytes);
    assert_eq!(problem(&outcome), CellProblem::NoFigures);
    assert!(peak < BUDGET, "peak {peak} bytes");
}

#[test]
fn the_fullest_workbook_stays_within_the_budget() {
    // Shared strings: the most there may be, 100,000 of 96 bytes; a sheet
    // of the most cells, 200,000, each an inline string of 40 bytes; the
    // parts together some 27 MB inflated.
    let text = "Số liệu ".repeat(8);
    let shared = format!(
        "<sst>{}</sst>",
        format!("<si><t>{text}</t></si>").repeat(MAX_SHARED_STRINGS)
    );
    let cell = format!(
        r#"<c t="inlineStr"><is><t>{}</t></is></c>"#,
        "abcdefghij".repeat(4)
    );
    let mut data = String::new();
    let mut cells = 0;
    let mut row = 1;
    while cells < MAX_CELLS {
        let _ = write!(data, r#"<row r="{row}">"#);
        for _ in 0..25 {
            data.push_str(&cell);
        }
        data.push_str("</row>");
        cells += 25;
        row += 1;
    }
    assert!(
        shared.len() + data.len() < MAX_INFLATED_BYTES,
        "{}",
        shared.len() + data.len()
    );
    let bytes = xlsx(&[("A", data)], Some(shared), None);
    let (peak, outcome) = peak(read_xlsx, &bytes);
    // Read through: 8 MB of text, no form in it.
    assert_eq!(problem(&outcome), CellProblem::NoFigures);
    assert!(peak < BUDGET, "peak {peak} bytes");
}

#[test]
fn a_shared_strings_bomb_stops_at_the_texts_limit() {
    // One string of 4 MB shown by 10,000 cells: 40 GB of text if copied.
    let shared = format!("<sst><si><t>{}</t></si></sst>", "x".repeat(4 << 20));
    let mut data = String::new();
    for row in 1..=10_000 {
        let _ = write!(
            data,
            r#"<row r="{row}"><c r="B{row}" t="s"><v>0</v></c></row>"#
        );
    }
    let bytes = xlsx(&[("A", data)], Some(shared), None);
    let (peak, outcome) = peak(read_xlsx, &bytes);
    assert!(matches!(
        problem(&outcome),
        CellProblem::Document(DocumentProblem::TooMany {
            what_en: "bytes of text",
            ..
        })
    ));
    assert!(peak < BUDGET, "peak {peak} bytes");
}
