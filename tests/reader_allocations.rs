//! The readers allocate per document, not per cell: reading a clean
//! document from its bytes makes a handful of blocks, however many cells
//! it has (the template has 125).
//!
//! Counted with the `allocation-counter` crate, as `tests/allocations.rs`
//! counts validation's. Each bound is worked out from the readers' design
//! (see `docs/performance.md`, "Readers"), far below one block a cell.

use std::fmt::Write as _;
use std::hint::black_box;

use cchc_forms::bnv581::{CATALOGUE, FORMS};
use cchc_forms::printed::{read_printed, read_printed_bytes};
use cchc_forms::rows::read_tsv;
use cchc_forms::{Report, decode_text, samples};

fn allocations(read: impl FnOnce()) -> u64 {
    allocation_counter::measure(read).count_total
}

/// The consistent sample's forms `forms` as printed: each form's marker,
/// title and two lines of headings, then its indicators with the
/// template's labels and units and the sample's values.
fn printed_forms(forms: std::ops::RangeInclusive<u8>) -> String {
    let report = samples::bac_giang_2023_q3_consistent();
    let mut text = String::new();
    for form in FORMS.iter().filter(|form| forms.contains(&form.number)) {
        let _ = write!(text, "Biểu mẫu {}\n{}\n\n", form.number, form.title_vi);
        text.push_str("STT\tChỉ tiêu thống kê\tKết quả thống kê\t\tGhi chú\n");
        text.push_str("\t\tĐơn vị tính\tSố liệu\t\n");
        for indicator in form.indicators() {
            let value = report.cell_text(indicator.id).unwrap_or_default();
            let _ = writeln!(
                text,
                "{}.\t{}\t{}\t{value}\t",
                indicator.stt, indicator.label_vi, indicator.unit_vi
            );
        }
        text.push('\n');
    }
    text
}

#[test]
fn a_clean_printed_document_allocates_per_form_not_per_cell() {
    let all = printed_forms(1..=7);
    let one = printed_forms(1..=1);
    // Read once first: the template's rows are made once per program.
    let imported = read_printed(&all).expect("the clean forms read");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let consistent = samples::bac_giang_2023_q3_consistent();
    for indicator in &CATALOGUE {
        assert_eq!(
            imported.report.cell_text(indicator.id),
            consistent.cell_text(indicator.id),
            "{indicator:?}"
        );
    }
    let read = |text: &str| {
        allocations(|| {
            black_box(read_printed_bytes(black_box(text.as_bytes())).expect("reads"));
        })
    };
    let (all_forms, one_form) = (read(&all), read(&one));
    // Per document: the two buffers of a line's cells (each grown to four
    // cells, then to eight), the list of a form's rows read, and the
    // report's and its metadata's own (3 at most). Per form: its marker's
    // lower case and, at most, the list of its rows read grown.
    let per_document = 8;
    let per_form = 2;
    assert!(
        all_forms <= per_document + 7 * per_form,
        "{all_forms} allocations for the seven forms"
    );
    assert!(
        all_forms - one_form <= 6 * per_form,
        "{all_forms} for seven forms, {one_form} for one"
    );
    assert!(all_forms < CATALOGUE.len() as u64 / 4);
}

#[test]
fn the_source_document_allocates_per_form_not_per_cell() {
    let source = include_bytes!("data/bac_giang_2023_q3_source.txt");
    let _ = read_printed(&decode_text(source).expect("UTF-8"));
    let counted = allocations(|| {
        let text = decode_text(black_box(source)).expect("UTF-8");
        black_box(read_printed(&text).expect("reads"));
    });
    // 62 when written. Beyond the clean forms' 13: the report's title (its
    // lines joined), the prose's lines that start with `B` (told from a
    // form's marker in lower case), and the cells whose markup is in
    // their middle (`Chỉ tiêu thống kê <i>(Sử dụng …)</i>` in the headings
    // repeated on every page): per page and per form, never per row.
    assert!(
        counted <= 70,
        "{counted} allocations for the source document"
    );
}

#[test]
fn clean_rows_and_json_allocate_per_document() {
    let tsv = samples::BAC_GIANG_2023_Q3_TSV.as_bytes();
    let _ = read_tsv(&decode_text(tsv).expect("UTF-8"));
    let rows = allocations(|| {
        black_box(read_tsv(&decode_text(black_box(tsv)).expect("UTF-8")).expect("reads"));
    });
    // The three `#!` lines (body, level, period) are read in lower case on
    // the stack; only the body's name is kept (and copied once into the
    // report's metadata); the rows, none.
    assert!(rows <= 2, "{rows} allocations for the rows");
    let without_meta: String = samples::BAC_GIANG_2023_Q3_TSV
        .lines()
        .filter(|line| !line.starts_with("#!"))
        .fold(String::new(), |mut text, line| {
            text.push_str(line);
            text.push('\n');
            text
        });
    let bare = allocations(|| {
        black_box(
            read_tsv(&decode_text(black_box(without_meta.as_bytes())).expect("UTF-8"))
                .expect("reads"),
        );
    });
    assert!(
        bare == 0,
        "{bare} allocations for the rows without metadata"
    );

    let json = serde_json::to_string(&samples::bac_giang_2023_q3()).expect("serializes");
    let from_json = allocations(|| {
        black_box(
            Report::from_json(&decode_text(black_box(json.as_bytes())).expect("UTF-8"))
                .expect("reads"),
        );
    });
    // The body's name: every value is read in place.

    assert!(from_json <= 1, "{from_json} allocations for the JSON");
}
