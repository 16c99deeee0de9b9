//! Memory stays bounded on the largest file of bad rows: 8 MiB
//! (`MAX_DOCUMENT_BYTES`) of rows that are all wrong gives at most
//! `MAX_PROBLEMS` problems, each echoing at most `MAX_ECHO_CHARS`
//! characters; a larger file is refused before it is read.
//!
//! The heap is measured with the `allocation-counter` crate (a counting
//! global allocator in this test binary only): the peak of what reading
//! allocates, the text itself aside.

use cchc_forms::printed::read_printed;
use cchc_forms::rows::read_tsv;
use cchc_forms::{CellProblem, Error, MAX_DOCUMENT_BYTES, MAX_PROBLEMS};

const MB: usize = 1024 * 1024;

/// `size` bytes of bad rows: unknown forms, bad numbers, unknown STTs, and
/// one 5 MB cell; every line is bad.
fn bad_rows(size: usize) -> String {
    let mut text = String::with_capacity(size);
    text.push_str("3\t1.4\t");
    text.push_str(&"9".repeat(5 * MB));
    text.push('\n');
    let lines = ["9\t1\t5\n", "3\t1.4\tabc\n", "2\t9.9\t1\n", "x\ty\tz\n"];
    let mut index = 0;
    while text.len() + lines[index % lines.len()].len() <= size {
        text.push_str(lines[index % lines.len()]);
        index += 1;
    }
    // The last line, not tab-separated, fills the size exactly.
    let rest = size - text.len();
    text.push_str(&"x".repeat(rest));
    text
}

#[test]
fn the_largest_document_of_bad_rows_stays_below_4_mb() {
    let text = bad_rows(MAX_DOCUMENT_BYTES);
    assert_eq!(text.len(), MAX_DOCUMENT_BYTES);
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(read_tsv(&text));
    });
    let Some(Err(Error::Rows(problems))) = outcome else {
        panic!("8 MiB of bad rows accepted")
    };
    assert_eq!(problems.len(), MAX_PROBLEMS);
    // Every line read is one problem, and reading stops at the 1,000th
    // problem, line 1,000, which says so.
    assert_eq!(problems.total(), MAX_PROBLEMS);
    assert_eq!(problems.omitted(), 0);
    assert_eq!(problems[999].line, Some(1_000));
    assert_eq!(problems[999].problem, CellProblem::ProblemLimit);
    // The 5 MB cell is echoed cut.
    assert!(problems[0].raw.len() < 300, "{}", problems[0].raw.len());
    // Peak heap while reading, the text aside: a few hundred kB for 1,000
    // problems.
    assert!(
        measured.bytes_max < 4 * MB as u64,
        "peak {} bytes",
        measured.bytes_max
    );
    drop(problems);

    // The printed-forms reader, on the same text inside a form.
    let printed = format!(
        "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n{}",
        &text[..MAX_DOCUMENT_BYTES - 200]
    );
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(read_printed(&printed));
    });
    let Some(Err(Error::Rows(problems))) = outcome else {
        panic!("bad rows accepted")
    };
    assert_eq!(problems.len(), MAX_PROBLEMS);
    assert_eq!(problems[999].problem, CellProblem::ProblemLimit);
    assert!(
        measured.bytes_max < 12 * MB as u64,
        "peak {} bytes",
        measured.bytes_max
    );
}

#[test]
fn a_larger_document_is_refused_unread() {
    let text = bad_rows(MAX_DOCUMENT_BYTES + 1);
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(read_tsv(&text));
    });
    let Some(Err(Error::Rows(problems))) = outcome else {
        panic!("a document past the limit accepted")
    };
    assert_eq!(problems.total(), 1);
    assert_eq!(
        problems[0].problem,
        CellProblem::DocumentTooLarge {
            bytes: MAX_DOCUMENT_BYTES + 1
        }
    );
    // One problem, not a line read: a few hundred bytes.
    assert!(
        measured.bytes_max < 4096,
        "peak {} bytes",
        measured.bytes_max
    );
}

/// `MAX_REPORTS` copies of the sample, each of its own body.
fn many_bodies() -> Vec<cchc_forms::Report> {
    let sample = cchc_forms::samples::bac_giang_2023_q3();
    (0..cchc_forms::MAX_REPORTS)
        .map(|i| {
            let mut report = sample.clone();
            report.meta.body = format!("Đơn vị {i}");
            report
        })
        .collect()
}

#[test]
fn checking_ten_thousand_series_holds_two_at_a_time() {
    // 10,000 bodies with one Q3 report each: 10,000 series. Each series'
    // cells as the checks read them are 4 reports × 125 cells × 48 bytes
    // (an optional i128 and its decimals) = 24 kB; held for every series
    // at once that would be 240 MB. The grouping holds a small record per
    // series and two hash maps of 10,000 entries, and the checks one
    // series' cells and the one before: under 8 MiB in all.
    let reports = many_bodies();
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(cchc_forms::series::check_reports(&reports));
    });
    let checked = outcome.expect("checked");
    assert!(checked.findings.is_empty() && checked.unplaced.is_empty());
    assert!(
        measured.bytes_max < 8 * MB as u64,
        "peak {} bytes",
        measured.bytes_max
    );
}

#[test]
fn adding_up_ten_thousand_reports_holds_one_member_at_a_time() {
    // Adding up keeps one running total per row (125), whatever the
    // members; checking the total reads each member's cells in turn
    // (6 kB, not 10,000 × 6 kB = 60 MB at once), and each finding names
    // at most 10 members.
    let members = many_bodies();
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(cchc_forms::aggregate::aggregate("Tổng hợp", &members));
    });
    let total = outcome.expect("added up").expect("one period");
    assert!(
        measured.bytes_max < MB as u64,
        "peak {} bytes adding up",
        measured.bytes_max
    );
    let mut findings = None;
    let measured = allocation_counter::measure(|| {
        findings = Some(total.validate());
    });
    // The sample's error (1.486 + 255 + 155 ≠ 1.902) is the total's too.
    let findings = findings.expect("checked");
    assert!(findings.iter().any(|f| f.rule == "aggregate:sum:3/1.4"));
    assert!(
        measured.bytes_max < 4 * MB as u64,
        "peak {} bytes checking",
        measured.bytes_max
    );
}

#[test]
fn cross_findings_read_from_json_take_a_few_times_their_text() {
    // Findings across reports come back from a consumer as JSON and are
    // read with serde (`schemas/cross_findings.schema.json`); the library
    // adds no reader of its own. 8 MiB (MAX_DOCUMENT_BYTES) of one finding
    // naming as many cells as fit: each cell's 37 bytes of JSON,
    // `{"form":3,"stt":"1.4","period":null},`, become a 72-byte record and
    // its STT's few bytes on the heap (and the vector of cells doubles as
    // it grows): the peak stays under 5 times the text.
    let head = r#"[{"rule":"period:flow:3/3.1.1","family":"period","severity":"error","cells":["#;
    let tail = r#"],"reported":null,"reported_interval":null,"computed":null,"computed_interval":null,"imbalance":null,"message_vi":"","message_en":""}]"#;
    let cell = r#"{"form":3,"stt":"1.4","period":null}"#;
    let count = (MAX_DOCUMENT_BYTES - head.len() - tail.len()) / (cell.len() + 1);
    let text = format!("{head}{}{tail}", vec![cell; count].join(","));
    assert!(text.len() <= MAX_DOCUMENT_BYTES);
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(serde_json::from_str::<cchc_forms::cross::CrossFindings>(
            &text,
        ));
    });
    let findings = outcome.expect("read").expect("valid findings");
    assert_eq!(findings[0].cells.len(), count);
    assert!(
        measured.bytes_max < 5 * text.len() as u64,
        "peak {} bytes for {} bytes of text",
        measured.bytes_max,
        text.len()
    );
}
