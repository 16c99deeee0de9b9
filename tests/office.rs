//! Word and Excel documents of the Bắc Giang Q3/2023 report, made by
//! `python-docx`, `openpyxl` and `LibreOffice` (`tests/data/office/`, made by
//! `make_fixtures.py` from the source document), read as the sample: its
//! exact values and its four findings; and the rejections, each naming its
//! table, row and cell, or sheet and cell.

#![cfg(feature = "office")]

mod office_support;

use cchc_forms::catalogue::CellId;
use cchc_forms::office::{Kind, read, read_docx, read_xlsx};
use cchc_forms::{
    CellProblem, DocumentProblem, Error, Imported, Period, Place, Term, WarningKind, samples,
};
use office_support::{docx_of_body, fixture, paragraph, table, text_row, xlsx};

/// The sample's findings as (rule, reported, computed).
fn findings(report: &cchc_forms::Report) -> Vec<(String, Option<String>, Option<String>)> {
    report
        .validate()
        .iter()
        .map(|finding| {
            (
                finding.rule.to_string(),
                finding.reported.map(|v| v.to_string()),
                finding.computed.map(|v| v.to_string()),
            )
        })
        .collect()
}

/// Checks a document read as the sample: every cell, the four findings.
fn is_the_sample(name: &str, imported: &Imported) {
    let sample = samples::bac_giang_2023_q3();
    assert_eq!(imported.report.cells(), sample.cells(), "{name}");
    let rules: Vec<String> = findings(&imported.report)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(
        rules,
        [
            "derivable:1/2",
            "derivable:6/1",
            "sum:3/1.4",
            "across:4/1.5==6/2.1"
        ],
        "{name}"
    );
    assert_eq!(findings(&imported.report), findings(&sample), "{name}");
    // Values as the source prints them (its lines 383, 375, 337, 408, 457).
    let cell = |form, stt| imported.report.cell_text(CellId::of(form, stt));
    assert_eq!(cell(3, "3.1").as_deref(), Some("99,3"), "{name}");
    assert_eq!(cell(3, "3.1.1").as_deref(), Some("54.106"), "{name}");
    assert_eq!(cell(3, "1.4").as_deref(), Some("1.902"), "{name}");
    assert_eq!(cell(1, "6.1").as_deref(), Some("1.420"), "{name}");
    assert_eq!(cell(4, "1.5.1").as_deref(), Some("6"), "{name}");
    assert_eq!(cell(4, "1.5.4").as_deref(), Some("18,67"), "{name}");
    assert_eq!(cell(6, "1.1").as_deref(), Some("8.007.000"), "{name}");
    assert_eq!(cell(1, "2"), None, "{name}"); // printed blank
}

fn rejected(result: Result<Imported, Error>) -> Vec<cchc_forms::CellError> {
    match result {
        Ok(imported) => panic!("accepted: {:?}", imported.report.meta),
        Err(Error::Rows(problems)) => problems.into_vec(),
        Err(other) => panic!("another error: {other}"),
    }
}

#[test]
fn word_documents_read_as_the_sample() {
    for name in [
        "python_docx.docx",
        "headings_in_table.docx",
        "libreoffice.docx",
        // The source text opened in LibreOffice Writer: the forms are
        // paragraphs of tab-separated columns, not tables.
        "pasted_as_text.docx",
    ] {
        let bytes = fixture(name);
        assert_eq!(Kind::sniff(&bytes), Kind::Docx, "{name}");
        let imported = read_docx(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        is_the_sample(name, &imported);
        assert!(
            imported.warnings.is_empty(),
            "{name}: {:?}",
            imported.warnings
        );
        assert_eq!(read(&bytes), Ok(imported), "{name}");
    }
}

#[test]
fn tab_stops_and_run_properties_are_no_text() {
    // Every paragraph of the report given tab stops (`w:tabs/w:tab`, as
    // Word writes a letterhead's) and bold runs: still the sample, with no
    // tab made of a tab stop.
    let parts = office_support::unzip(&fixture("python_docx.docx"));
    let properties = r#"<w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs><w:rPr><w:b/></w:rPr></w:pPr>"#;
    let parts: Vec<office_support::Part> = parts
        .into_iter()
        .map(|(name, bytes)| {
            let bytes = if name == "word/document.xml" {
                let xml = String::from_utf8(bytes).expect("UTF-8");
                let changed = xml
                    .replace("<w:p>", &format!("<w:p>{properties}"))
                    .replace("<w:r>", "<w:r><w:rPr><w:b/></w:rPr>");
                assert_eq!(changed.matches("<w:tabs>").count(), 751);
                changed.into_bytes()
            } else {
                bytes
            };
            office_support::Part::new(&name, bytes)
        })
        .collect();
    let imported = read_docx(&office_support::zip(&parts)).expect("reads");
    is_the_sample("tab stops", &imported);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn the_period_is_the_titles_and_nothing_else_is_invented() {
    // The report's title: "… Quý III năm 2023, phương hướng nhiệm vụ Quý IV".
    let imported = read_docx(&fixture("python_docx.docx")).expect("reads");
    assert_eq!(
        imported.report.meta.period,
        Some(Period::new(2023, Term::Q3))
    );
    assert_eq!(imported.report.meta.body, "");
    assert_eq!(imported.report.meta.level, None);
    // The tables alone print no title: no period.
    let imported = read_docx(&fixture("headings_in_table.docx")).expect("reads");
    assert_eq!(imported.report.meta.period, None);
}

#[test]
fn workbooks_read_as_the_sample() {
    for name in [
        "sheet_per_form.xlsx",
        "one_sheet.xlsx",
        "rows_general.xlsx",
        "libreoffice.xlsx",
    ] {
        let bytes = fixture(name);
        assert_eq!(Kind::sniff(&bytes), Kind::Xlsx, "{name}");
        let imported = read_xlsx(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        is_the_sample(name, &imported);
        assert_eq!(read(&bytes), Ok(imported), "{name}");
    }
}

#[test]
fn percent_formats_give_the_printed_precision() {
    // 0.993 in "0.0%" is 99,3; 0.9927 in "0.00%" is 99,27; 1 in "0%" is 100.
    let imported = read_xlsx(&fixture("sheet_per_form.xlsx")).expect("reads");
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let cell = |form, stt| imported.report.cell_text(CellId::of(form, stt));
    assert_eq!(cell(3, "3.2").as_deref(), Some("99,27"));
    assert_eq!(cell(3, "3.4").as_deref(), Some("100"));
    assert_eq!(cell(7, "6.4").as_deref(), Some("83,43"));
}

#[test]
fn general_numbers_with_decimals_are_read_with_a_warning() {
    // The nine percentages of the source with decimals, typed as numbers in
    // the General format: 99,3 99,27 98,8 (form 3), 18,67 18,04 14,27
    // (form 4), 94,16 93,65 83,43 (form 7). Whole numbers need none.
    let imported = read_xlsx(&fixture("rows_general.xlsx")).expect("reads");
    let assumed: Vec<(u8, &str, &str)> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::PrecisionAssumed { .. }))
        .map(|w| (w.form, w.stt.as_str(), w.text.as_str()))
        .collect();
    assert_eq!(
        assumed,
        [
            (3, "3.1", "99,3"),
            (3, "3.2", "99,27"),
            (3, "3.3", "98,8"),
            (4, "1.5.4", "18,67"),
            (4, "2.5", "18,04"),
            (4, "3.4", "14,27"),
            (7, "6.2", "94,16"),
            (7, "6.3", "93,65"),
            (7, "6.4", "83,43"),
        ]
    );
    assert_eq!(imported.warnings.len(), 9);
    // The first names its sheet and cell: row 47 of "Số liệu", column E.
    let WarningKind::PrecisionAssumed { place } = &imported.warnings[0].kind else {
        panic!()
    };
    assert_eq!(
        *place,
        Place::Sheet {
            sheet: "Số liệu".to_owned(),
            cell: "E47".to_owned()
        }
    );
}

#[test]
fn a_word_documents_bad_values_name_their_table_row_and_cell() {
    // Form 3's table is the third; row 3.1.1 is its 19th row (the heading
    // and title rows, two rows of headings, 14 rows before it), the value
    // its 4th cell. Form 5's row 2.1 is the 10th row of the 5th table.
    let problems = rejected(read_docx(&fixture("bad_values.docx")));
    assert_eq!(problems.len(), 2);
    let first = &problems[0];
    assert_eq!(
        (first.form, first.stt.as_str(), first.raw.as_str()),
        (3, "3.1.1", "54,1")
    );
    assert_eq!(
        first.place,
        Some(Place::Table {
            table: 3,
            row: 19,
            cell: Some(4)
        })
    );
    assert_eq!(first.line, None);
    assert_eq!(
        first.to_string(),
        r#"table 3, row 19, cell 4, form 3, STT "3.1.1", text "54,1": a count must be a whole number"#
    );
    assert_eq!(
        first.location_vi(),
        r#"bảng 3, hàng 19, ô 4, biểu mẫu 3, STT "3.1.1""#
    );
    let second = &problems[1];
    assert_eq!(
        (second.form, second.stt.as_str(), second.raw.as_str()),
        (5, "2.1", "-15")
    );
    assert_eq!(
        second.place,
        Some(Place::Table {
            table: 5,
            row: 10,
            cell: Some(4)
        })
    );
}

#[test]
fn a_date_or_a_boolean_where_a_number_is_due_is_refused_with_its_cell() {
    // Form 3's sheet: title (row 1), headings (rows 3–4), rows from 5:
    // 3.1.1 is the 15th row of the form, row 19; 3.1.2 row 20; values in D.
    let problems = rejected(read_xlsx(&fixture("bad_cells.xlsx")));
    let summary: Vec<_> = problems
        .iter()
        .map(|p| (p.form, p.stt.as_str(), p.raw.as_str(), p.place.clone()))
        .collect();
    let sheet = |cell: &str| {
        Some(Place::Sheet {
            sheet: "Biểu mẫu 3".to_owned(),
            cell: cell.to_owned(),
        })
    };
    assert_eq!(
        summary,
        [
            (3, "3.1.1", "2023-09-30", sheet("D19")),
            (3, "3.1.2", "TRUE", sheet("D20")),
        ]
    );
    assert_eq!(
        problems[0].problem,
        CellProblem::Document(DocumentProblem::DateNotNumber)
    );
    assert_eq!(
        problems[1].problem,
        CellProblem::Document(DocumentProblem::BooleanNotNumber)
    );
    assert!(problems[0].message_vi().contains("ngày tháng"));
}

#[test]
fn the_annotated_workbook_reads_back_as_the_sample() {
    use cchc_forms::render::{Languages, ReportView, workbook::render_xlsx};
    // The workbook of the sample with its findings: a sheet per form
    // (`Biểu 1` … `Biểu 7`, values as text), then the findings sheet
    // `Phát hiện`, headed `Biểu`, `STT`, … but with no value column: its
    // rows are no form's values and it is not read.
    let sample = samples::bac_giang_2023_q3();
    let findings = sample.validate();
    for languages in [Languages::Vietnamese, Languages::English, Languages::Both] {
        let bytes = render_xlsx(&ReportView::new(&sample, &findings), languages).expect("written");
        assert_eq!(Kind::sniff(&bytes), Kind::Xlsx);
        let name = format!("{languages:?}");
        let imported = read_xlsx(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        is_the_sample(&name, &imported);
        // Its sheet `Thông tin` (`Information`) gives back the body, the
        // level and the period: UBND tỉnh Bắc Giang, a province, Q3/2023.
        assert_eq!(imported.report.meta, sample.meta, "{name}");
        assert_eq!(imported.report, sample, "{name}");
        assert_eq!(read(&bytes), Ok(imported.clone()), "{name}");
        // The Vietnamese workbook prints each form's heading and title as
        // the template does: nothing to warn of. (The English one titles
        // its forms in English, which the template's titles are not.)
        if languages == Languages::Vietnamese {
            assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        }
    }
}

#[test]
fn a_sheet_of_rows_needs_a_value_column_and_other_sheets_are_skipped() {
    // Beside a form's sheet: a list headed `Biểu | STT | Ghi chú` (no
    // value column) and a sheet of prose. Only the form's sheet is read:
    // nothing of the others becomes a value.
    let form = [
        text_row(1, &["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]),
        text_row(2, &["3.1.1", "Số TTHC", "Thủ tục", "54.106"]),
    ]
    .concat();
    let list = [
        text_row(1, &["Biểu", "STT", "Ghi chú"]),
        text_row(2, &["3", "3.1.2", "99"]),
    ]
    .concat();
    let prose = text_row(1, &["Ghi chú: số liệu của Biểu 3, STT 3.1.2, là 77"]);
    let imported = read_xlsx(&xlsx(
        &[("BM3", form), ("Ghi chú", list), ("Khác", prose)],
        None,
        None,
    ))
    .expect("reads");
    let cell = |stt| imported.report.cell_text(CellId::of(3, stt));
    assert_eq!(cell("3.1.1").as_deref(), Some("54.106"));
    assert_eq!(cell("3.1.2"), None);
    // The same list with a value column is rows, and read as rows.
    let rows = [
        text_row(1, &["Biểu", "STT", "Số liệu"]),
        text_row(2, &["3", "3.1.2", "99"]),
    ]
    .concat();
    let imported = read_xlsx(&xlsx(&[("Dữ liệu", rows)], None, None)).expect("reads");
    let cell = |stt| imported.report.cell_text(CellId::of(3, stt));
    assert_eq!(cell("3.1.2").as_deref(), Some("99"));
}

#[test]
fn a_formula_without_a_saved_value_is_blank_with_a_warning() {
    let styles =
        r#"<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="3"/></cellXfs></styleSheet>"#;
    let sheet = [
        text_row(1, &["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"]),
        r#"<row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c><c r="D2" s="1"><v>25</v></c></row>"#.to_owned(),
        r#"<row r="3"><c r="A3" t="inlineStr"><is><t>1.2</t></is></c><c r="D3" s="1"><f>D2*2</f></c></row>"#.to_owned(),
        r#"<row r="4"><c r="A4" t="inlineStr"><is><t>1</t></is></c><c r="D4" s="1"><f>SUM(D2:D3)</f><v>37</v></c></row>"#.to_owned(),
    ]
    .concat();
    let imported = read_xlsx(&xlsx(&[("BM2", sheet)], None, Some(styles))).expect("reads");
    let cell = |stt| imported.report.cell_text(CellId::of(2, stt));
    assert_eq!(cell("1").as_deref(), Some("37")); // the cached value
    assert_eq!(cell("1.1").as_deref(), Some("25"));
    assert_eq!(cell("1.2"), None);
    let formula: Vec<_> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::FormulaWithoutValue { .. }))
        .collect();
    assert_eq!(formula.len(), 1);
    assert_eq!((formula[0].form, formula[0].stt.as_str()), (2, "1.2"));
    assert!(
        formula[0]
            .message_en()
            .starts_with(r#"sheet "BM2", cell D3: a formula"#)
    );
}

#[test]
fn text_cells_read_as_printed_vietnamese_numbers_and_bad_ones_are_named() {
    // One sheet, text cells: "1.902" is a count, "1,902" the English way.
    let sheet = [
        text_row(1, &["Biểu mẫu 3"]),
        text_row(2, &["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]),
        text_row(3, &["1.4.", "Tổng số TTHC", "Thủ tục", "1,902"]),
        text_row(4, &["1.4.1.", "Số TTHC cấp tỉnh", "Thủ tục", "1.486"]),
    ]
    .concat();
    let problems = rejected(read_xlsx(&xlsx(&[("Sheet1", sheet)], None, None)));
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (
            problems[0].form,
            problems[0].stt.as_str(),
            problems[0].raw.as_str()
        ),
        (3, "1.4", "1,902")
    );
    assert_eq!(
        problems[0].place,
        Some(Place::Sheet {
            sheet: "Sheet1".to_owned(),
            cell: "D3".to_owned()
        })
    );
    assert!(problems[0].message_en().ends_with("did you mean 1.902?"));
}

#[test]
fn rows_of_form_stt_value_without_headings_are_rows() {
    let sheet = [
        r#"<row r="1"><c r="A1"><v>3</v></c><c r="B1" t="inlineStr"><is><t>3.1</t></is></c><c r="C1"><v>99.3</v></c></row>"#,
        r#"<row r="2"><c r="A2"><v>3</v></c><c r="B2" t="inlineStr"><is><t>3.1.1</t></is></c><c r="C2"><v>54106</v></c></row>"#,
        r#"<row r="3"><c r="A3"><v>3</v></c><c r="B3" t="inlineStr"><is><t>3.1.2</t></is></c><c r="C3"><v>53726</v></c></row>"#,
    ]
    .concat();
    let imported = read_xlsx(&xlsx(&[("Data", sheet)], None, None)).expect("reads");
    let cell = |stt| imported.report.cell_text(CellId::of(3, stt));
    assert_eq!(cell("3.1").as_deref(), Some("99,3"));
    assert_eq!(cell("3.1.1").as_deref(), Some("54.106"));
    assert!(imported.report.validate().is_empty());
}

#[test]
fn a_heading_row_inside_a_word_table_starts_its_form() {
    let body = [
        paragraph("BÁO CÁO"),
        paragraph("Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024"),
        table(&[
            &["Biểu mẫu 3", "", "", "", ""],
            &[
                "STT",
                "Chỉ tiêu thống kê",
                "Đơn vị tính",
                "Số liệu",
                "Ghi chú",
            ],
            &["3.1.", "Tỷ lệ hồ sơ", "%", "37,76", ""],
            &["3.1.1.", "Tổng số hồ sơ", "Hồ sơ", "6.776", ""],
            &["3.1.2.", "Số hồ sơ đúng hạn", "Hồ sơ", "2.521", ""],
        ]),
    ]
    .concat();
    let imported = read_docx(&docx_of_body(&body)).expect("reads");
    assert_eq!(
        imported.report.meta.period,
        Some(Period::new(2024, Term::HalfYear))
    );
    // 100 × 2.521 / 6.776 = 37,20 %, not 37,76 %.
    assert_eq!(imported.report.validate()[0].rule, "ratio:3/3.1");
}

#[test]
fn other_files_are_refused_with_what_to_do() {
    let cases: [(&[u8], Kind); 4] = [
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest of an old .doc",
            Kind::OldBinary,
        ),
        (b"%PDF-1.7\n...", Kind::Pdf),
        (b"{\\rtf1\\ansi ...}", Kind::Rtf),
        ("3\t3.1\t99,3\n".as_bytes(), Kind::Text),
    ];
    for (bytes, kind) in cases {
        assert_eq!(Kind::sniff(bytes), kind);
        for result in [read(bytes), read_docx(bytes), read_xlsx(bytes)] {
            let problems = rejected(result);
            assert_eq!(problems.len(), 1);
            assert!(matches!(
                problems[0].problem,
                CellProblem::Document(DocumentProblem::WrongKind { .. })
            ));
            assert!(
                problems[0].message_en().contains("save it as ."),
                "{kind:?}"
            );
            assert!(
                problems[0].message_vi().contains("lưu dưới dạng ."),
                "{kind:?}"
            );
        }
    }
    // A damaged zip file: what is damaged, and to save it again.
    let damaged = b"PK\x03\x04not really a zip";
    assert_eq!(Kind::sniff(damaged), Kind::OtherZip);
    for result in [read(damaged), read_docx(damaged), read_xlsx(damaged)] {
        let problems = rejected(result);
        assert_eq!(
            problems[0].problem,
            CellProblem::Document(DocumentProblem::Damaged {
                what: "no zip directory"
            })
        );
        assert!(problems[0].message_en().contains("save it again"));
    }
    // A workbook given as a Word document, and the other way round.
    let problems = rejected(read_docx(&fixture("sheet_per_form.xlsx")));
    assert!(
        problems[0]
            .message_en()
            .starts_with("the file is an Excel workbook (.xlsx), not a .docx document")
    );
    let problems = rejected(read_xlsx(&fixture("python_docx.docx")));
    assert!(
        problems[0]
            .message_en()
            .starts_with("the file is a Word document (.docx), not a .xlsx document")
    );
}
