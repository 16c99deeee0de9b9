//! The limits of `cchc_forms::office`, each tested at and just past it:
//! at the limit a document is read (here to "no figures", or to its one
//! figure), one past it is refused with the problem that names the limit.
//! Hostile documents besides: zip bombs that lie about their size, entity
//! expansion, a sheet claiming 1,048,576 rows, a shared-strings bomb.

#![cfg(feature = "office")]

use std::fmt::Write as _;
mod office_support;

use cchc_forms::office::{
    MAX_CELLS, MAX_INFLATED_BYTES, MAX_PART_BYTES, MAX_PARTS, MAX_SHARED_STRINGS, MAX_SHEET_ROWS,
    MAX_SHEETS, MAX_TEXT_LINES, MAX_XML_DEPTH, read_docx, read_xlsx,
};
use cchc_forms::{CellProblem, DocumentProblem, Error, Imported, MAX_DOCUMENT_BYTES};
use office_support::{
    Part, docx_of_body, docx_of_document, paragraph, table, text_row, unzip, xlsx, zip,
};

/// The one problem of a refused document.
fn refusal(result: Result<Imported, Error>) -> CellProblem {
    match result {
        Err(Error::Rows(problems)) if problems.len() == 1 => problems[0].problem.clone(),
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("accepted"),
    }
}

/// A document read through: refused only for having no figure.
fn read_through(result: Result<Imported, Error>) {
    assert_eq!(refusal(result), CellProblem::NoFigures);
}

/// A form 3 table with one figure: 3.1.1 = 6.776.
fn one_figure() -> String {
    [
        paragraph("Biểu mẫu 3"),
        table(&[
            &[
                "STT",
                "Chỉ tiêu thống kê",
                "Đơn vị tính",
                "Số liệu",
                "Ghi chú",
            ],
            &[
                "3.1.1.",
                "Tổng số hồ sơ TTHC đã giải quyết xong",
                "Hồ sơ",
                "6.776",
                "",
            ],
        ]),
    ]
    .concat()
}

fn too_many(what: &str, limit: usize) -> impl Fn(&CellProblem) -> bool + '_ {
    move |problem| {
        matches!(problem, CellProblem::Document(DocumentProblem::TooMany { what_en, limit: l, .. })
            if *what_en == what && *l == limit)
    }
}

#[test]
fn parts_up_to_the_limit() {
    let document = docx_of_body(&one_figure());
    let mut parts: Vec<Part> = unzip(&document)
        .into_iter()
        .map(|(name, bytes)| Part::new(&name, bytes))
        .collect();
    while parts.len() < MAX_PARTS {
        let name = format!("customXml/item{}.xml", parts.len());
        parts.push(Part::new(&name, "<a/>"));
    }
    let imported = read_docx(&zip(&parts)).expect("1,000 parts are read");
    assert_eq!(
        imported
            .report
            .form3
            .resolved_departments
            .map(cchc_forms::unit::Count::get),
        Some(6_776)
    );
    parts.push(Part::new("customXml/one-more.xml", "<a/>"));
    assert_eq!(
        refusal(read_docx(&zip(&parts))),
        CellProblem::Document(DocumentProblem::TooManyParts {
            parts: 1_001,
            limit: MAX_PARTS
        })
    );
}

/// `word/document.xml` of exactly `size` bytes: an empty body padded with
/// white space.
fn padded_document(size: usize) -> String {
    let head = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
    let tail = "</w:body></w:document>";
    let mut xml = String::with_capacity(size);
    xml.push_str(head);
    xml.push_str(&" ".repeat(size - head.len() - tail.len()));
    xml.push_str(tail);
    xml
}

#[test]
fn a_part_inflates_up_to_the_limit_and_a_zip_bomb_stops_there() {
    read_through(read_docx(&docx_of_document(&padded_document(
        MAX_PART_BYTES,
    ))));
    let past = CellProblem::Document(DocumentProblem::PartTooLarge {
        limit: MAX_PART_BYTES,
    });
    // Declared honestly: refused before inflating.
    assert_eq!(
        refusal(read_docx(&docx_of_document(&padded_document(
            MAX_PART_BYTES + 1
        )))),
        past
    );
    // A bomb declares 100 bytes: inflating stops at the limit. The 16 MiB
    // part is some 16 kB compressed.
    let mut bomb = Part::new("word/document.xml", padded_document(MAX_PART_BYTES + 1));
    bomb.declared = Some(100);
    let bytes = zip(&[Part::new("[Content_Types].xml", "<Types/>"), bomb]);
    assert!(bytes.len() < 100_000, "{}", bytes.len());
    assert_eq!(refusal(read_docx(&bytes)), past);
}

/// A workbook of two sheets whose parts inflate to `total` bytes together.
fn workbook_inflating_to(total: usize) -> Vec<u8> {
    // `xlsx` wraps a sheet's data in <worksheet><sheetData>.
    let wrapper = unzip(&xlsx(&[("A", String::new())], None, None))
        .iter()
        .find(|(name, _)| name.contains("worksheets"))
        .map(|(_, bytes)| bytes.len())
        .expect("a sheet");
    let sheet = |size: usize| {
        let mut data = text_row(1, &["3", "3.1.1", "6776"]);
        data.push_str(&" ".repeat(size - data.len() - wrapper));
        data
    };
    let probe = xlsx(&[("A", sheet(1_000)), ("B", sheet(1_000))], None, None);
    let others: usize = unzip(&probe)
        .iter()
        .filter(|(name, _)| name.starts_with("xl/") && !name.contains("worksheets"))
        .map(|(_, bytes)| bytes.len())
        .sum();
    let first = MAX_PART_BYTES;
    let second = total - others - first;
    let bytes = xlsx(&[("A", sheet(first)), ("B", sheet(second))], None, None);
    let sizes: Vec<usize> = unzip(&bytes)
        .iter()
        .filter(|(name, _)| name.starts_with("xl/"))
        .map(|(_, bytes)| bytes.len())
        .collect();
    assert_eq!(sizes.iter().sum::<usize>(), total);
    bytes
}

#[test]
fn the_parts_read_inflate_up_to_the_limit_together() {
    // Two sheets of one row each (form 3, 3.1.1, 6776): the same cell twice.
    let problems = match read_xlsx(&workbook_inflating_to(MAX_INFLATED_BYTES)) {
        Err(Error::Rows(problems)) => problems,
        other => panic!("{other:?}"),
    };
    assert!(matches!(problems[0].problem, CellProblem::Duplicate { .. }));
    assert_eq!(
        refusal(read_xlsx(&workbook_inflating_to(MAX_INFLATED_BYTES + 1))),
        CellProblem::Document(DocumentProblem::PartTooLarge {
            limit: MAX_INFLATED_BYTES
        })
    );
}

/// A body with `depth` levels of elements in all (the document and the
/// body count), then a table with one figure.
fn nested(depth: usize) -> Vec<u8> {
    let inner = depth - 2;
    let body = format!(
        "{}{}{}",
        "<w:sdt>".repeat(inner),
        "</w:sdt>".repeat(inner),
        one_figure()
    );
    docx_of_body(&body)
}

#[test]
fn elements_nest_up_to_the_limit() {
    assert!(read_docx(&nested(MAX_XML_DEPTH)).is_ok());
    assert_eq!(
        refusal(read_docx(&nested(MAX_XML_DEPTH + 1))),
        CellProblem::Document(DocumentProblem::TooDeep {
            limit: MAX_XML_DEPTH
        })
    );
}

#[test]
fn entities_are_never_defined_nor_expanded() {
    // A billion laughs: refused at its DOCTYPE, before any entity.
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    assert_eq!(
        refusal(read_docx(&docx_of_document(laughs))),
        CellProblem::Document(DocumentProblem::Doctype)
    );
    let undefined = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&lol;</w:t></w:r></w:p></w:body></w:document>"#;
    assert_eq!(
        refusal(read_docx(&docx_of_document(undefined))),
        CellProblem::Document(DocumentProblem::UnknownEntity {
            name: "lol".to_owned()
        })
    );
    // XML's own and character references are text.
    let body = one_figure()
        .replace("Hồ sơ", "H&#7891; s&#x1A1;")
        .replace("Số liệu", "Số li&#7879;u");
    assert!(read_docx(&docx_of_body(&body)).is_ok());
    // A workbook's shared strings too.
    let shared = r#"<!DOCTYPE sst [<!ENTITY x "x">]><sst><si><t>&x;</t></si></sst>"#.to_owned();
    assert_eq!(
        refusal(read_xlsx(&xlsx(
            &[("A", String::new())],
            Some(shared),
            None
        ))),
        CellProblem::Document(DocumentProblem::Doctype)
    );
}

/// A sheet of `rows` rows, the first holding form 3's 3.1.1 (the others
/// empty, numbered by their place).
fn sheet_of_rows(rows: usize) -> String {
    let mut data = text_row(1, &["3", "3.1.1", "6776"]);
    data.push_str(&"<row/>".repeat(rows - 1));
    data
}

#[test]
fn a_sheet_holds_up_to_the_limit_of_rows_and_a_claim_of_a_million_costs_nothing() {
    let imported = read_xlsx(&xlsx(&[("A", sheet_of_rows(MAX_SHEET_ROWS))], None, None))
        .expect("10,000 rows are read");
    assert_eq!(
        imported
            .report
            .form3
            .resolved_departments
            .map(cchc_forms::unit::Count::get),
        Some(6_776)
    );
    assert!(too_many("rows in a sheet", MAX_SHEET_ROWS)(&refusal(
        read_xlsx(&xlsx(
            &[("A", sheet_of_rows(MAX_SHEET_ROWS + 1))],
            None,
            None
        ))
    )));
    // A sheet whose one row is its 1,048,576th, under a dimension claiming
    // every row and column: one row read.
    let claim = format!(
        "{}{}",
        text_row(1, &["3", "3.1.1", "6776"]),
        r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row>"#
    );
    let bytes = xlsx(&[("A", claim)], None, None);
    let imported = read_xlsx(&bytes).expect("two rows are read");
    assert_eq!(
        imported
            .report
            .form3
            .resolved_departments
            .map(cchc_forms::unit::Count::get),
        Some(6_776)
    );
    // A sheet of 1,048,576 rows: refused at row 10,001.
    assert!(too_many("rows in a sheet", MAX_SHEET_ROWS)(&refusal(
        read_xlsx(&xlsx(&[("A", sheet_of_rows(1_048_576))], None, None))
    )));
}

#[test]
fn a_workbook_holds_up_to_the_limit_of_cells() {
    // Rows of 25 empty cells after the first: 200,000 cells in 8,001 rows.
    let sheet = |extra: usize| {
        let mut data = text_row(1, &["3", "3.1.1", "6776"]);
        let mut cells = 3;
        let mut row = 2;
        while cells < MAX_CELLS + extra {
            let _ = write!(data, r#"<row r="{row}">"#);
            for _ in 0..25 {
                if cells == MAX_CELLS + extra {
                    break;
                }
                data.push_str("<c/>");
                cells += 1;
            }
            data.push_str("</row>");
            row += 1;
        }
        data
    };
    assert!(read_xlsx(&xlsx(&[("A", sheet(0))], None, None)).is_ok());
    assert!(too_many("cells in a workbook", MAX_CELLS)(&refusal(
        read_xlsx(&xlsx(&[("A", sheet(1))], None, None))
    )));
}

#[test]
fn a_workbook_holds_up_to_the_limit_of_sheets() {
    let sheets = |count: usize| {
        let mut sheets = vec![("Data".to_owned(), text_row(1, &["3", "3.1.1", "6776"]))];
        for index in 1..count {
            sheets.push((format!("S{index}"), String::new()));
        }
        sheets
    };
    let borrowed = |sheets: &[(String, String)]| -> Vec<u8> {
        let sheets: Vec<(&str, String)> = sheets
            .iter()
            .map(|(n, d)| (n.as_str(), d.clone()))
            .collect();
        xlsx(&sheets, None, None)
    };
    assert!(read_xlsx(&borrowed(&sheets(MAX_SHEETS))).is_ok());
    assert!(too_many("sheets", MAX_SHEETS)(&refusal(read_xlsx(
        &borrowed(&sheets(MAX_SHEETS + 1))
    ))));
}

/// Shared strings: `count` of them, the first `3.1.1`.
fn shared_strings(count: usize) -> String {
    let mut xml = String::from("<sst><si><t>3.1.1</t></si>");
    xml.push_str(&"<si><t>x</t></si>".repeat(count - 1));
    xml.push_str("</sst>");
    xml
}

#[test]
fn shared_strings_up_to_the_limit_and_a_bomb_of_them() {
    let row = r#"<row r="1"><c r="A1"><v>3</v></c><c r="B1" t="s"><v>0</v></c><c r="C1"><v>6776</v></c></row>"#;
    assert!(
        read_xlsx(&xlsx(
            &[("A", row.to_owned())],
            Some(shared_strings(MAX_SHARED_STRINGS)),
            None
        ))
        .is_ok()
    );
    assert!(too_many("shared strings", MAX_SHARED_STRINGS)(&refusal(
        read_xlsx(&xlsx(
            &[("A", row.to_owned())],
            Some(shared_strings(MAX_SHARED_STRINGS + 1)),
            None
        ))
    )));
    // One string of 1 MB, shown by 10,000 cells: stored once, and the text
    // made of the cells stops at 8 MiB.
    let shared = format!("<sst><si><t>{}</t></si></sst>", "x".repeat(1 << 20));
    let mut data = String::new();
    for row in 1..=10_000 {
        let _ = write!(
            data,
            r#"<row r="{row}"><c r="B{row}" t="s"><v>0</v></c></row>"#
        );
    }
    assert!(too_many("bytes of text", MAX_DOCUMENT_BYTES)(&refusal(
        read_xlsx(&xlsx(&[("A", data)], Some(shared), None))
    )));
}

#[test]
fn a_document_gives_up_to_the_limit_of_lines() {
    // The heading, the two rows of the form's table, then a table of rows
    // of one text each (prose beyond the letterhead is not given line by
    // line: its paragraphs would not do).
    let body = |count: usize| {
        format!(
            "{}<w:tbl>{}</w:tbl>",
            one_figure(),
            format!("<w:tr><w:tc>{}</w:tc></w:tr>", paragraph("x")).repeat(count - 3)
        )
    };
    assert!(read_docx(&docx_of_body(&body(MAX_TEXT_LINES))).is_ok());
    assert!(too_many(
        "lines of text (paragraphs and rows)",
        MAX_TEXT_LINES
    )(&refusal(read_docx(&docx_of_body(&body(
        MAX_TEXT_LINES + 1
    ))))));
}

#[test]
fn a_document_gives_up_to_the_limit_of_text() {
    // One paragraph: its text and its line's end.
    let body = |length: usize| paragraph(&"x".repeat(length));
    read_through(read_docx(&docx_of_body(&body(MAX_DOCUMENT_BYTES - 1))));
    assert!(too_many("bytes of text", MAX_DOCUMENT_BYTES)(&refusal(
        read_docx(&docx_of_body(&body(MAX_DOCUMENT_BYTES)))
    )));
}

#[test]
fn a_document_larger_than_the_limit_is_not_read() {
    let mut bytes = docx_of_body(&one_figure());
    bytes.resize(MAX_DOCUMENT_BYTES + 1, 0);
    assert_eq!(
        refusal(read_docx(&bytes)),
        CellProblem::DocumentTooLarge {
            bytes: MAX_DOCUMENT_BYTES + 1
        }
    );
}
