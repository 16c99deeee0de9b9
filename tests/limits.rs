//! The resource limits of the readers, each tested at and just past it:
//! [`MAX_DOCUMENT_BYTES`], [`MAX_ROWS`], [`MAX_CELL_CHARS`] and
//! [`MAX_JSON_DEPTH`]. At a limit the input is read as usual; past it, it is
//! refused with one problem that names the limit, before any more is read.

use cchc_forms::printed::read_printed;
use cchc_forms::rows::{parse_tsv, read_meta, read_tsv};
use cchc_forms::{
    CellProblem, EncodingProblem, Error, MAX_CELL_CHARS, MAX_DOCUMENT_BYTES, MAX_JSON_DEPTH,
    MAX_ROWS, Report, ReportMeta, Row, decode_text, samples,
};

const SAMPLE_TSV: &str = include_str!("../src/samples/bac_giang_2023_q3.tsv");
const SOURCE: &str = include_str!("data/bac_giang_2023_q3_source.txt");

/// `text` followed by comment lines (`#…`) up to exactly `size` bytes.
fn padded(text: &str, comment: &str, size: usize) -> String {
    let mut out = String::with_capacity(size);
    out.push_str(text);
    let line = format!("{comment}{}\n", "x".repeat(78));
    while out.len() + line.len() <= size {
        out.push_str(&line);
    }
    let rest = size - out.len();
    if rest > 0 {
        out.push_str(comment);
        out.push_str(&"x".repeat(rest - comment.len()));
    }
    assert_eq!(out.len(), size);
    out
}

/// The one problem of a document refused for its size.
fn too_large(result: Result<impl std::fmt::Debug, Error>, bytes: usize) {
    let Err(Error::Rows(problems)) = result else {
        panic!("{bytes} bytes accepted")
    };
    assert_eq!(problems.total(), 1);
    assert_eq!(problems[0].problem, CellProblem::DocumentTooLarge { bytes });
    assert_eq!(problems[0].line, None);
    assert!(
        problems[0].message_en().contains("8388608"),
        "{}",
        problems[0].message_en()
    );
    assert!(
        problems[0].message_vi().contains("8388608"),
        "{}",
        problems[0].message_vi()
    );
}

#[test]
fn the_largest_document_is_eight_mebibytes() {
    assert_eq!(MAX_DOCUMENT_BYTES, 8 * 1024 * 1024);
    let sample = samples::bac_giang_2023_q3();

    // Rows: at the limit the sample reads as ever; one byte more is refused.
    let at = padded(SAMPLE_TSV, "#", MAX_DOCUMENT_BYTES);
    assert_eq!(read_tsv(&at).expect("at the limit").report, sample);
    assert_eq!(read_meta(&at).expect("at the limit"), sample.meta);
    assert_eq!(parse_tsv(&at).expect("at the limit").len(), 125);
    let past = padded(SAMPLE_TSV, "#", MAX_DOCUMENT_BYTES + 1);
    too_large(read_tsv(&past), MAX_DOCUMENT_BYTES + 1);
    too_large(read_meta(&past), MAX_DOCUMENT_BYTES + 1);
    too_large(parse_tsv(&past), MAX_DOCUMENT_BYTES + 1);

    // The printed forms: the source document, a note after it.
    let at = padded(SOURCE, "Ghi chú ", MAX_DOCUMENT_BYTES);
    let imported = read_printed(&at).expect("at the limit");
    assert_eq!(
        imported
            .report
            .form3
            .procedures_local
            .map(cchc_forms::unit::Count::get),
        Some(1902)
    );
    too_large(
        read_printed(&padded(SOURCE, "Ghi chú ", MAX_DOCUMENT_BYTES + 1)),
        MAX_DOCUMENT_BYTES + 1,
    );

    // Bytes to decode.
    let at = padded(SAMPLE_TSV, "#", MAX_DOCUMENT_BYTES);
    assert_eq!(
        decode_text(at.as_bytes()).expect("at the limit"),
        at.as_str()
    );
    let past = padded(SAMPLE_TSV, "#", MAX_DOCUMENT_BYTES + 1);
    let Err(Error::Encoding(error)) = decode_text(past.as_bytes()) else {
        panic!("decoded past the limit")
    };
    assert_eq!(error.problem, EncodingProblem::TooLarge);
    assert_eq!(error.offset, MAX_DOCUMENT_BYTES + 1);
    // The line where the limit falls.
    let line_of_limit = past[..MAX_DOCUMENT_BYTES].matches('\n').count() + 1;
    assert_eq!(error.line, line_of_limit);

    // JSON: the sample, then white space.
    let json = serde_json::to_string(&sample).expect("JSON");
    let at = format!("{json}{}", " ".repeat(MAX_DOCUMENT_BYTES - json.len()));
    assert_eq!(Report::from_json(&at).expect("at the limit"), sample);
    let past = format!("{at} ");
    let Err(Error::Json(problems)) = Report::from_json(&past) else {
        panic!("JSON past the limit read")
    };
    assert_eq!(problems.total(), 1);
    assert!(
        problems[0].message_en.contains("8388609 bytes"),
        "{}",
        problems[0].message_en
    );
}

#[test]
fn the_most_rows_are_ten_thousand() {
    assert_eq!(MAX_ROWS, 10_000);
    // The sample's 125 rows, then blank rows of a heading (form 3 row 1 is
    // the heading of the procedures), which any report may print.
    let sample = samples::bac_giang_2023_q3();
    let owned = sample.to_rows();
    let rows = || {
        owned
            .iter()
            .map(|row| row.as_row())
            .chain(std::iter::repeat(Row::new(3, "1", "")))
    };
    let at = Report::from_rows(sample.meta.clone(), rows().take(MAX_ROWS)).expect("at the limit");
    assert_eq!(at, sample);
    let Err(Error::Rows(problems)) =
        Report::from_rows(sample.meta.clone(), rows().take(MAX_ROWS + 1))
    else {
        panic!("past the limit")
    };
    assert_eq!(problems.total(), 1);
    assert_eq!(problems[0].problem, CellProblem::TooManyRows);
    assert_eq!((problems[0].form, problems[0].stt.as_str()), (3, "1"));
    // An endless iterator is refused, not read forever.
    let endless = Report::from_rows(ReportMeta::default(), rows());
    assert!(matches!(endless, Err(Error::Rows(ref p)) if p[0].problem == CellProblem::TooManyRows));

    // The same in a TSV: the 125 rows of the sample, then blank heading
    // rows up to 10,000 rows.
    let blank = "3\t1\t\n".repeat(MAX_ROWS - 125);
    let at = format!("{SAMPLE_TSV}{blank}");
    assert_eq!(parse_tsv(&at).expect("at the limit").len(), MAX_ROWS);
    assert_eq!(read_tsv(&at).expect("at the limit").report, sample);
    let past = format!("{at}3\t1\t\n");
    for result in [parse_tsv(&past).map(|_| ()), read_tsv(&past).map(|_| ())] {
        let Err(Error::Rows(problems)) = result else {
            panic!("past the limit")
        };
        assert_eq!(problems.total(), 1);
        assert_eq!(problems[0].problem, CellProblem::TooManyRows);
        assert_eq!(problems[0].line, Some(past.lines().count()));
    }
}

#[test]
fn the_longest_cell_is_two_hundred_characters() {
    assert_eq!(MAX_CELL_CHARS, 200);
    // 1.420 (5 characters) between spaces, 200 characters in all: read.
    let at = format!("{}1.420{}", " ".repeat(100), " ".repeat(95));
    assert_eq!(at.chars().count(), MAX_CELL_CHARS);
    let report =
        Report::from_rows(ReportMeta::default(), [Row::new(3, "1.4", &at)]).expect("at the limit");
    assert_eq!(
        report
            .form3
            .procedures_local
            .map(cchc_forms::unit::Count::get),
        Some(1420)
    );
    // One more character: refused, unparsed, whatever it holds.
    let past = format!("{at} ");
    for text in [
        past.as_str(),
        &"9".repeat(MAX_CELL_CHARS + 1),
        &"ố".repeat(MAX_CELL_CHARS + 1),
    ] {
        let Err(Error::Rows(problems)) =
            Report::from_rows(ReportMeta::default(), [Row::new(3, "1.4", text)])
        else {
            panic!("a cell past the limit")
        };
        assert_eq!(problems[0].problem, CellProblem::CellTooLong);
        // Echoed cut after 200 characters, saying how many more there were.
        assert!(
            problems[0].raw.ends_with("… (+1 characters)"),
            "{:?}",
            problems[0].raw
        );
    }
    // Characters, not bytes: 200 `ố` (3 bytes each) are within the limit
    // (and not a number).
    let Err(Error::Rows(problems)) = Report::from_rows(
        ReportMeta::default(),
        [Row::new(3, "1.4", &"ố".repeat(MAX_CELL_CHARS))],
    ) else {
        panic!("not a number")
    };
    assert!(matches!(problems[0].problem, CellProblem::NotANumber(_)));
    // The same in a TSV and in the printed forms.
    let line = format!("3\t1.4\t{past}\n");
    let Err(Error::Rows(problems)) = read_tsv(&line) else {
        panic!()
    };
    assert_eq!(problems[0].problem, CellProblem::CellTooLong);
    let printed = SOURCE.replacen(
        "\t1.902\t",
        &format!("\t{}\t", "9".repeat(MAX_CELL_CHARS + 1)),
        1,
    );
    let Err(Error::Rows(problems)) = read_printed(&printed) else {
        panic!()
    };
    assert_eq!(problems[0].problem, CellProblem::CellTooLong);
}

/// A report whose `form1` holds `depth - 1` nested arrays: the document
/// nests `depth` deep.
fn nested(depth: usize) -> String {
    format!(
        "{{\"form1\": {}{}}}",
        "[".repeat(depth - 1),
        "]".repeat(depth - 1)
    )
}

#[test]
fn the_deepest_json_is_sixteen_levels() {
    assert_eq!(MAX_JSON_DEPTH, 16);
    // At the limit: read, and refused for what it is (an array is not form 1).
    let Err(Error::Json(problems)) = Report::from_json(&nested(MAX_JSON_DEPTH)) else {
        panic!("arrays for a form accepted")
    };
    assert!(
        problems.iter().all(|p| !p.message_en.contains("nested")),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.path == "form1"), "{problems:?}");
    // One level more: refused before reading, with the line.
    let Err(Error::Json(problems)) = Report::from_json(&nested(MAX_JSON_DEPTH + 1)) else {
        panic!("too deep accepted")
    };
    assert_eq!(problems.total(), 1);
    assert!(
        problems[0].message_en.contains("nested 17 deep"),
        "{}",
        problems[0].message_en
    );
    assert_eq!(problems[0].line, Some(1));
    // Brackets inside strings are text, not nesting.
    let text = format!("{{\"body\": \"{}\"}}", "[".repeat(100));
    let Err(Error::Json(problems)) = Report::from_json(&text) else {
        panic!()
    };
    assert!(
        problems.iter().all(|p| !p.message_en.contains("nested")),
        "{problems:?}"
    );
    // An escaped quote does not end a string, and an escaped backslash
    // does not escape the quote after it: the brackets between the quotes
    // of `"a\"[[…"` are text, those after `"b\\"` are nesting, counted
    // from the line they are on (the third: two line breaks before them).
    let text = format!(
        "{{\"body\": \"a\\\"{}\",\n\"x\": \"b\\\\\",\n\"form1\": {}{}}}",
        "[".repeat(40),
        "[".repeat(MAX_JSON_DEPTH),
        "]".repeat(MAX_JSON_DEPTH)
    );
    let Err(Error::Json(problems)) = Report::from_json(&text) else {
        panic!("too deep accepted")
    };
    assert!(
        problems[0].message_en.contains("nested 17 deep"),
        "{}",
        problems[0].message_en
    );
    assert_eq!(problems[0].line, Some(3));
    // A string left open is the parser's to report, not a nesting.
    let Err(Error::Json(problems)) = Report::from_json("{\"body\": \"[[[[\\") else {
        panic!("an open string accepted")
    };
    assert!(
        problems.iter().all(|p| !p.message_en.contains("nested")),
        "{problems:?}"
    );
    // Depth is nesting, not a count of brackets: twenty arrays of an array
    // side by side, each closed before the next opens, nest 3 deep with the
    // object around them (41 brackets opened in all). Read, and refused for
    // what they are (not rows of a report), never as too deep.
    let siblings: Vec<String> = (0..20).map(|i| format!("\"x{i}\": [[]]")).collect();
    let text = format!("{{{}}}", siblings.join(", "));
    let Err(Error::Json(problems)) = Report::from_json(&text) else {
        panic!("unknown keys accepted")
    };
    assert!(
        problems.iter().all(|p| !p.message_en.contains("nested")),
        "{problems:?}"
    );
    // A million brackets: refused at once, no stack overflow.
    let deep = "[".repeat(1_000_000);
    assert!(Report::from_json(&deep).is_err());
}

#[test]
fn a_valid_report_with_deep_nesting_anywhere_is_refused_as_too_deep() {
    // The typed pass reads a valid report without the depth pass; a
    // report's objects nest 3 deep, so any deeper array or object makes it
    // refuse the document, and the depth pass then names the nesting. The
    // source document with 17 levels put in four places: an unknown key,
    // a key of `meta`, a key of `meta.period`, and a cell of form 3 (row
    // 1.4, `procedures_local`).
    let sample = cchc_forms::samples::bac_giang_2023_q3();
    let json = serde_json::to_string(&sample).expect("the sample serializes");
    assert_eq!(Report::from_json(&json).expect("the sample reads"), sample);
    let deep = format!(
        "{}{}",
        "[".repeat(MAX_JSON_DEPTH),
        "]".repeat(MAX_JSON_DEPTH)
    );
    let places = [
        ("{", format!("{{\"x\": {deep}, ")),
        ("\"meta\":{", format!("\"meta\":{{\"x\": {deep}, ")),
        ("\"period\":{", format!("\"period\":{{\"x\": {deep}, ")),
        (
            "\"procedures_local\":1902",
            format!("\"procedures_local\":{deep}"),
        ),
    ];
    for (at, with) in places {
        assert!(json.contains(at), "{at} in {json}");
        let text = json.replacen(at, &with, 1);
        let Err(Error::Json(problems)) = Report::from_json(&text) else {
            panic!("{at}: too deep accepted")
        };
        assert_eq!(problems.total(), 1, "{at}: {problems:?}");
        assert!(
            problems[0].message_en.contains("nested 17 deep"),
            "{at}: {}",
            problems[0].message_en
        );
    }
}
