//! Memory stays bounded on a huge file of bad rows: 50 MB of rows that are
//! all wrong gives at most `MAX_PROBLEMS` problems, each echoing at most
//! `MAX_ECHO_CHARS` characters, whatever the size of the text.
//!
//! The heap is measured with the `allocation-counter` crate (a counting
//! global allocator in this test binary only): the peak of what reading
//! allocates, the text itself aside.

use cchc_forms::printed::read_printed;
use cchc_forms::rows::read_tsv;
use cchc_forms::{Error, MAX_PROBLEMS};

const MB: usize = 1024 * 1024;

/// 50 MB of bad rows: unknown forms, bad numbers, unknown STTs, and one
/// 5 MB cell.
fn bad_rows() -> String {
    let mut text = String::with_capacity(50 * MB + 64);
    text.push_str("3\t1.4\t");
    text.push_str(&"9".repeat(5 * MB));
    text.push('\n');
    let lines = ["9\t1\t5\n", "3\t1.4\tabc\n", "2\t9.9\t1\n", "x\ty\tz\n"];
    let mut index = 0;
    while text.len() < 50 * MB {
        text.push_str(lines[index % lines.len()]);
        index += 1;
    }
    text
}

#[test]
fn fifty_megabytes_of_bad_rows_stay_far_below_100_mb() {
    let text = bad_rows();
    assert!(text.len() >= 50 * MB);
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(read_tsv(&text));
    });
    let Some(Err(Error::Rows(problems))) = outcome else {
        panic!("50 MB of bad rows accepted")
    };
    assert_eq!(problems.len(), MAX_PROBLEMS);
    // Every line is one problem: the 5 MB cell's line and about 5.5 million more.
    let lines = text.lines().count();
    assert_eq!(problems.total(), lines);
    // The 5 MB cell is echoed cut.
    assert!(problems[0].raw.len() < 300, "{}", problems[0].raw.len());
    // Peak heap while reading, the 50 MB text aside: a few hundred kB for
    // 1,000 problems (well below the 100 MB the whole program may use).
    assert!(
        measured.bytes_max < 4 * MB as u64,
        "peak {} bytes",
        measured.bytes_max
    );
    drop(problems);

    // The printed-forms reader, on the same text inside a form.
    let printed = format!(
        "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n{}",
        &text[..10 * MB]
    );
    let mut outcome = None;
    let measured = allocation_counter::measure(|| {
        outcome = Some(read_printed(&printed));
    });
    let Some(Err(Error::Rows(problems))) = outcome else {
        panic!("bad rows accepted")
    };
    assert_eq!(problems.len(), MAX_PROBLEMS);
    assert!(problems.omitted() > 0);
    assert!(
        measured.bytes_max < 12 * MB as u64,
        "peak {} bytes",
        measured.bytes_max
    );
}
