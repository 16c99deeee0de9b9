//! Input as people have it: the printed forms of the source document, files
//! as Excel and Word save them, and rejections a clerk can act on.
//!
//! Every expected value here is read off the source document
//! (`tests/data/bac_giang_2023_q3_source.txt`, its forms at lines 313–516)
//! or worked out by hand from the input written out in the test.

use cchc_forms::catalogue::CellId;
use cchc_forms::number::NumberError;
use cchc_forms::printed::read_printed;
use cchc_forms::rows::{read_meta, read_tsv};
use cchc_forms::{
    CellProblem, Error, Level, MAX_ECHO_CHARS, MAX_PROBLEMS, MetaProblem, Period, Report, Term,
    WarningKind, decode_text, samples,
};

const SOURCE: &str = include_str!("data/bac_giang_2023_q3_source.txt");

/// The rules of a report's findings, sorted.
fn rules(report: &Report) -> Vec<String> {
    let mut rules: Vec<String> = report
        .validate()
        .iter()
        .map(|finding| finding.rule.to_string())
        .collect();
    rules.sort();
    rules
}

/// The problems of an input that must be rejected as rows or text.
fn rejected(result: Result<cchc_forms::Imported, Error>) -> Vec<cchc_forms::CellError> {
    match result {
        Ok(imported) => panic!("accepted: {:?}", imported.report.meta),
        Err(Error::Rows(problems)) => problems.into_vec(),
        Err(other) => panic!("another error: {other}"),
    }
}

/// The source's forms, from `Biểu mẫu 1` on.
fn tables() -> &'static str {
    &SOURCE[SOURCE.find("Biểu mẫu 1").expect("the forms")..]
}

#[test]
fn the_source_document_reads_as_the_sample_with_its_four_findings() {
    let imported = read_printed(SOURCE).expect("the source reads");
    let sample = samples::bac_giang_2023_q3();
    assert_eq!(imported.report.cells(), sample.cells());
    assert!(
        imported.warnings.is_empty(),
        "{:?}",
        imported
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    // The title: "Kết quả công tác cải cách hành chính Quý III năm 2023".
    assert_eq!(
        imported.report.meta.period,
        Some(Period::new(2023, Term::Q3))
    );
    // The document names no level, and the body only in prose: not given.
    assert_eq!(imported.report.meta.level, None);
    assert_eq!(imported.report.meta.body, "");
    assert_eq!(
        rules(&imported.report),
        [
            "across:4/1.5==6/2.1",
            "derivable:1/2",
            "derivable:6/1",
            "sum:3/1.4"
        ]
    );
    // Values as printed: 1.420 forms (1/6.1, a blank STT), 06 units (4/1.5.1),
    // 1.902 procedures (3/1.4).
    let cell = |form, stt| imported.report.cell_text(CellId::of(form, stt));
    assert_eq!(cell(1, "6.1").as_deref(), Some("1.420"));
    assert_eq!(cell(1, "3.1").as_deref(), Some("10"));
    assert_eq!(cell(4, "1.5.1").as_deref(), Some("6"));
    assert_eq!(cell(3, "1.4").as_deref(), Some("1.902"));
    assert_eq!(cell(1, "2"), None); // printed blank
}

#[test]
fn the_tables_alone_read_the_same() {
    let imported = read_printed(tables()).expect("the tables read");
    assert_eq!(
        imported.report.cells(),
        samples::bac_giang_2023_q3().cells()
    );
    assert!(imported.warnings.is_empty());
    // No title line: the period is not given, not invented.
    assert_eq!(imported.report.meta.period, None);
}

#[test]
fn tables_without_their_form_lines_are_told_apart_by_row_1() {
    // Drop the seven "Biểu mẫu N" lines: each table starts again at row 1.
    let text: String = tables()
        .lines()
        .filter(|line| !line.starts_with("Biểu mẫu"))
        .flat_map(|line| [line, "\n"])
        .collect();
    let imported = read_printed(&text).expect("the tables read");
    assert_eq!(
        imported.report.cells(),
        samples::bac_giang_2023_q3().cells()
    );
}

#[test]
fn stts_without_final_dots_and_printed_blank_are_placed() {
    // Form 2 prints "1.1." and form 7 "5.1": the dot is optional both ways.
    let undotted = SOURCE.replace("1.1.\tSố VBQPPL do cấp tỉnh", "1.1\tSố VBQPPL do cấp tỉnh");
    let dotted = undotted.replace("6.1.2\tSố lượng DVCTT", "6.1.2.\tSố lượng DVCTT");
    // Blank the STT of form 3 row 3.1.2 too: its position (after 3.1.1) and
    // its label place it.
    let blank = dotted.replace(
        "3.1.2.\t<i>Số hồ sơ TTHC giải quyết đúng hạn</i>",
        "\t<i>Số hồ sơ TTHC giải quyết đúng hạn</i>",
    );
    assert_ne!(blank, dotted);
    let imported = read_printed(&blank).expect("reads");
    assert_eq!(
        imported.report.cells(),
        samples::bac_giang_2023_q3().cells()
    );
    assert!(imported.warnings.is_empty());
}

#[test]
fn a_label_or_unit_unlike_the_template_is_a_warning_not_a_silent_match() {
    // Line 383 of the source is 3.1.1 "Tổng số hồ sơ TTHC đã giải quyết xong", Hồ sơ.
    let text = SOURCE.replace(
        "3.1.1.\t<i>Tổng số hồ sơ TTHC đã giải quyết xong</i>\t<i>Hồ sơ</i>",
        "3.1.1.\t<i>Tổng số hồ sơ đã nhận</i>\t<i>Thủ tục</i>",
    );
    let imported = read_printed(&text).expect("reads");
    let warnings: Vec<_> = imported.warnings.iter().collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(
        (warnings[0].line, warnings[0].form, warnings[0].stt.as_str()),
        (Some(383), 3, "3.1.1")
    );
    assert_eq!(
        warnings[0].kind,
        WarningKind::LabelDiffers {
            expected: "Tổng số hồ sơ TTHC đã giải quyết xong"
        }
    );
    assert_eq!(warnings[0].text, "Tổng số hồ sơ đã nhận");
    assert_eq!(
        warnings[1].kind,
        WarningKind::UnitDiffers {
            expected: "Hồ sơ"
        }
    );
    assert!(
        warnings[1]
            .message_vi()
            .contains("đơn vị tính \"Thủ tục\" khác với mẫu")
    );
    // The value is still read: a warning, not a rejection.
    assert_eq!(
        imported
            .report
            .form3
            .resolved_departments
            .map(cchc_forms::unit::Count::get),
        Some(54_106)
    );
}

#[test]
fn a_label_cut_by_a_line_break_in_its_cell_is_joined() {
    // Form 7 row 5.2 with its cell's text broken after "sử dụng chữ ký số,",
    // and the page break of the source removed.
    let text = "Biểu mẫu 7\n\
                Xây dựng và phát triển Chính quyền điện tử, Chính quyền số\n\
                STT\tChỉ tiêu thống kê\tKết quả thống kê\t\tGhi chú\n\
                \t\tĐơn vị tính\tSố liệu\t\n\
                5.2\tTỷ lệ sử dụng văn bản điện tử của địa phương <i>(Chỉ thống kê tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử; sử dụng chữ ký số,\n\
                chứng thư số và gửi trên môi trường điện tử).</i>\t%\t97,5\t\n\
                5.2.1\tTỷ lệ sử dụng văn bản điện tử của các sở, ban, ngành cấp tỉnh\t%\t100\t\n";
    let imported = read_printed(text).expect("reads");
    assert_eq!(
        imported
            .report
            .form7
            .electronic_documents_rate
            .map(|p| p.to_string())
            .as_deref(),
        Some("97,5")
    );
    let labels: Vec<_> = imported
        .warnings
        .iter()
        .filter(|w| !matches!(w.kind, WarningKind::RowMissing | WarningKind::FormMissing))
        .collect();
    assert!(labels.is_empty(), "{labels:?}");
}

#[test]
fn printed_problems_are_named_with_their_lines() {
    let text = "Biểu mẫu 3\n\
                Cải cách thủ tục hành chính\n\
                STT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n\
                1.4.\tTổng số TTHC thuộc thẩm quyền giải quyết tại địa phương\tThủ tục\t1,902\t\n\
                1.9.\tMột dòng không có\tThủ tục\t5\t\n\
                3.\tKết quả giải quyết TTHC\t\t7\t\n\
                3.1.1.\tTổng số hồ sơ TTHC đã giải quyết xong\tHồ sơ\t\t54.106\n\
                Biểu mẫu 9\n";
    let problems = rejected(read_printed(text));
    let found: Vec<_> = problems
        .iter()
        .map(|p| (p.line, p.form, p.stt.as_str(), p.problem.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some(4),
                3,
                "1.4",
                CellProblem::NotANumber(NumberError::EnglishSeparators)
            ),
            (Some(5), 3, "1.9.", CellProblem::UnknownStt),
            (Some(6), 3, "3", CellProblem::ValueOnHeading),
            (
                Some(7),
                3,
                "3.1.1",
                CellProblem::ValueOutsideColumn {
                    column: 5,
                    expected: 4
                }
            ),
            (Some(8), 0, "", CellProblem::UnknownForm),
        ]
    );
    assert!(problems[0].message_en().ends_with("did you mean 1.902?"));
}

#[test]
fn files_as_excel_and_word_save_them_read_the_same() {
    let sample = samples::bac_giang_2023_q3().cells();
    let crlf = SOURCE.replace('\n', "\r\n");
    let utf8_bom = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
    let little_endian: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(crlf.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big_endian: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(SOURCE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [crlf.as_bytes(), &utf8_bom, &little_endian, &big_endian] {
        let text = decode_text(bytes).expect("decodes");
        let imported = read_printed(&text).expect("reads");
        assert_eq!(imported.report.cells(), sample);
        assert!(imported.warnings.is_empty());
    }
    // Rows too: the sample's TSV with a mark and CRLF.
    let tsv = [
        b"\xEF\xBB\xBF".as_slice(),
        samples::BAC_GIANG_2023_Q3_TSV
            .replace('\n', "\r\n")
            .as_bytes(),
    ]
    .concat();
    let imported = read_tsv(&decode_text(&tsv).expect("decodes")).expect("reads");
    assert_eq!(imported.report.cells(), sample);
}

#[test]
fn other_encodings_are_refused_with_line_byte_and_hint() {
    // "Thủ tục" in Windows-1258: "Th" then 0xF2 (ủ is u + a combining hook, but
    // any byte ≥ 0x80 alone is not UTF-8). Line 2, byte 9: "3\t1.4\tTh" is 8 bytes.
    let bytes = b"1\t1\t50\n3\t1.4\tTh\xf2 t\xf4c\n";
    let Err(Error::Encoding(error)) = decode_text(bytes) else {
        panic!("decoded")
    };
    assert_eq!((error.line, error.column, error.offset), (2, 9, 16));
    assert!(error.message_en().contains("save the file as UTF-8"));
    assert!(error.message_vi().contains("hãy lưu tệp dưới dạng UTF-8"));
}

#[test]
fn a_tsv_value_outside_the_value_column_is_refused() {
    // An empty third column and the figure in the fourth.
    let problems = rejected(read_tsv("3\t1.4\t\t1.902\n"));
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(1));
    assert_eq!(
        problems[0].problem,
        CellProblem::ValueOutsideColumn {
            column: 4,
            expected: 3
        }
    );
    assert_eq!(problems[0].raw, "1.902");
    // A text note is a note.
    let imported = read_tsv("3\t1.4\t1.902\tgồm cả ngành dọc\n").expect("a note");
    assert_eq!(
        imported.report.cell_text(CellId::of(3, "1.4")).as_deref(),
        Some("1.902")
    );
}

#[test]
fn metadata_and_cell_problems_are_reported_together() {
    let text = "#! period: 2023 Q5\n\
                #! colour: red\n\
                3\t1.4\tabc\n\
                #! level: Province\n\
                #! level: commune\n\
                3,1.4,1.902\n\
                form\tstt\tvalue\n";
    let problems = rejected(read_tsv(text));
    let found: Vec<_> = problems
        .iter()
        .map(|p| (p.line, p.problem.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (Some(1), CellProblem::Metadata(MetaProblem::BadPeriod)),
            (
                Some(2),
                CellProblem::Metadata(MetaProblem::UnknownKey {
                    key: "colour".to_owned()
                })
            ),
            (
                Some(3),
                CellProblem::NotANumber(NumberError::UnexpectedCharacter {
                    character: 'a',
                    position: 0
                })
            ),
            (
                Some(5),
                CellProblem::Metadata(MetaProblem::Repeated {
                    key: "level",
                    first_line: 4
                })
            ),
            (Some(6), CellProblem::NotTabSeparated),
            (Some(7), CellProblem::HeaderLine),
        ]
    );
    for problem in &problems {
        assert!(!problem.message_vi().is_empty() && !problem.message_en().is_empty());
    }
}

#[test]
fn metadata_is_read_tolerantly_and_never_invented() {
    let meta =
        read_meta("#!  Period :  q3   2023\n#!LEVEL=Province\n#! Body: UBND tỉnh Bắc Giang\n")
            .expect("reads");
    assert_eq!(meta.period, Some(Period::new(2023, Term::Q3)));
    assert_eq!(meta.level, Some(Level::Province));
    assert_eq!(meta.body, "UBND tỉnh Bắc Giang");
    let imported = read_tsv("3\t1.4\t1.902\n").expect("reads");
    assert_eq!(imported.report.meta.period, None);
    assert_eq!(imported.report.meta.level, None);
    assert_eq!(imported.report.meta.body, "");
    // In JSON, "not given" is no field at all.
    let json = serde_json::to_value(&imported.report.meta).expect("serializes");
    assert_eq!(
        json,
        serde_json::json!({"body": "", "template": "581/BNV-CCHC/2022"})
    );
}

#[test]
fn stts_are_quoted_with_invisible_characters_escaped() {
    // A non-breaking space after the STT, and a NUL.
    let problems = rejected(read_tsv("3\t1.4\u{a0}\t5\n3\t1.4\0\t5\n"));
    assert_eq!(
        problems[0].to_string(),
        r#"line 1, form 3, STT "1.4\u{a0}", text "5": this form has no row with this STT"#
    );
    assert_eq!(
        problems[1].to_string(),
        r#"line 2, form 3, STT "1.4\0", text "5": this form has no row with this STT"#
    );
}

#[test]
fn problems_and_echoed_text_are_capped() {
    // 1,500 lines of form 9, then a cell of 10,000 characters.
    let mut text = "9\t1\t5\n".repeat(1_500);
    text.push_str("3\t1.4\t");
    text.push_str(&"x".repeat(10_000));
    text.push('\n');
    let Err(Error::Rows(problems)) = read_tsv(&text) else {
        panic!("accepted")
    };
    // Reading stops at the 1,000th problem, line 1,000, which says so: the
    // 500 lines after it and the long cell are not read.
    assert_eq!(problems.len(), MAX_PROBLEMS);
    assert_eq!(problems.omitted(), 0);
    assert_eq!(problems.total(), 1_000);
    assert_eq!(problems[998].problem, CellProblem::UnknownForm);
    assert_eq!(problems[999].line, Some(1_000));
    assert_eq!(problems[999].problem, CellProblem::ProblemLimit);
    assert!(
        problems[999]
            .message_en()
            .contains("reading stopped at this line")
    );
    assert!(problems[999].message_vi().contains("dừng đọc tại dòng này"));
    // The long cell alone: its text is cut.
    let Err(Error::Rows(problems)) = read_tsv(&format!("3\t1.4\t{}\n", "x".repeat(10_000))) else {
        panic!("accepted")
    };
    let raw = &problems[0].raw;
    assert_eq!(
        raw,
        &format!(
            "{}… (+{} characters)",
            "x".repeat(MAX_ECHO_CHARS),
            10_000 - MAX_ECHO_CHARS
        )
    );
    let message = Error::Rows(problems).to_string();
    assert!(message.len() < 1_000, "{}", message.len());
}

#[test]
fn a_document_without_figures_is_refused() {
    for text in ["", "# only a comment\n", "\n\n", "3\t1.4\t\n1\t2\t\n"] {
        let problems = rejected(read_tsv(text));
        assert_eq!(problems.len(), 1, "{text:?}");
        assert_eq!(problems[0].problem, CellProblem::NoFigures, "{text:?}");
        assert_eq!(problems[0].message_en(), "no figures found");
        assert_eq!(problems[0].message_vi(), "không tìm thấy số liệu nào");
    }
    // Printed forms with their headings and no figure.
    let text = "Biểu mẫu 6\nCải cách tài chính công\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.1.\tKế hoạch được giao\tTriệu đồng\t\t\n";
    let problems = rejected(read_printed(text));
    assert_eq!(problems[0].problem, CellProblem::NoFigures);
    // Prose alone.
    let problems = rejected(read_printed("BÁO CÁO\nKết quả công tác CCHC năm 2023\n"));
    assert_eq!(problems[0].problem, CellProblem::NoFigures);
}

#[test]
fn numbers_written_the_english_way_and_zero_groups() {
    // A count: 1,420 is refused with the Vietnamese form.
    let problems = rejected(read_tsv("1\t6.1\t1,420\n"));
    assert_eq!(
        problems[0].problem,
        CellProblem::NotANumber(NumberError::EnglishSeparators)
    );
    assert!(problems[0].message_en().ends_with("did you mean 1.420?"));
    assert!(problems[0].message_vi().ends_with("có phải là 1.420?"));
    // An amount with exactly three decimals: read as printed, and noted.
    let imported = read_tsv("6\t1.1\t8,007\n").expect("a decimal");
    assert_eq!(
        imported
            .report
            .form6
            .investment_plan
            .map(|m| m.to_string())
            .as_deref(),
        Some("8,007")
    );
    assert_eq!(
        imported.warnings[0].kind,
        WarningKind::ThreeDecimals {
            english: "8.007".to_owned()
        }
    );
    // Two decimals are ordinary: no note.
    assert!(
        read_tsv("6\t1.1\t8,07\n")
            .expect("a decimal")
            .warnings
            .is_empty()
    );
    // A thousands group after a zero.
    for text in ["0.050", "000.007"] {
        let problems = rejected(read_tsv(&format!("1\t1\t{text}\n")));
        assert_eq!(
            problems[0].problem,
            CellProblem::NotANumber(NumberError::ZeroBeforeGroup),
            "{text}"
        );
    }
    // 06, as the source prints 4/1.5.1, is 6.
    let imported = read_tsv("4\t1.5.1\t06\n").expect("a count");
    assert_eq!(
        imported.report.cell_text(CellId::of(4, "1.5.1")).as_deref(),
        Some("6")
    );
    // A dash is "no data": leave the cell empty.
    let problems = rejected(read_tsv("1\t1\t-\n"));
    assert_eq!(problems[0].message_vi(), "để trống ô nếu không có số liệu");
    assert_eq!(problems[0].message_en(), "leave the cell empty for no data");
}

#[test]
fn duplicate_json_keys_are_refused_anywhere_with_their_path() {
    let json = serde_json::to_string_pretty(&samples::bac_giang_2023_q3()).expect("serializes");
    let body = json.strip_suffix('}').expect("an object");
    // The issue's case: a second, empty form3 after the whole document.
    let twice = format!("{body},\"form3\":{{}}}}");
    let Err(Error::Json(problems)) = Report::from_json(&twice) else {
        panic!("accepted")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "form3");
    let lines = json.lines().count();
    assert_eq!(problems[0].line, Some(lines));
    // Inside a form, and inside meta.
    let inner = json.replacen(
        "\"resolved_departments\": 54106",
        "\"resolved_departments\": 54106, \"resolved_departments\": 1",
        1,
    );
    let meta = json.replacen(
        "\"level\": \"province\"",
        "\"level\": \"province\", \"level\": \"commune\"",
        1,
    );
    for (text, path) in [(inner, "form3.resolved_departments"), (meta, "meta.level")] {
        let Err(Error::Json(problems)) = Report::from_json(&text) else {
            panic!("accepted {path}")
        };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, [path]);
        assert!(problems[0].message_vi.contains("xuất hiện hai lần"));
    }
}

#[test]
fn json_rejections_speak_a_clerks_words() {
    let mut value = serde_json::to_value(samples::bac_giang_2023_q3()).expect("serializes");
    value["meta"]["level"] = serde_json::json!("tỉnh");
    value["meta"]["colour"] = serde_json::json!("red");
    let text = value.to_string().replace(
        "\"resolved_departments\":54106",
        "\"resolved_departments\":18446744073709551616",
    );
    let Err(Error::Json(problems)) = Report::from_json(&text) else {
        panic!("accepted")
    };
    let found: Vec<(&str, &str, &str)> = problems
        .iter()
        .map(|p| (p.path.as_str(), p.raw.as_str(), p.message_en.as_str()))
        .collect();
    // Every meta problem, not only the first; 2^64 echoed as written.
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0].0, "meta.colour");
    assert_eq!(found[1].0, "meta.level");
    assert_eq!(
        found[2],
        (
            "form3.resolved_departments",
            "18446744073709551616",
            "the number is too large"
        )
    );
    for problem in &problems {
        assert!(!problem.message_en.contains("expected u64"));
        assert!(!problem.message_vi.is_empty());
    }
}

#[test]
fn the_shipped_rows_carry_their_metadata() {
    let imported = read_tsv(samples::BAC_GIANG_2023_Q3_TSV).expect("the sample's rows");
    assert_eq!(imported.report, samples::bac_giang_2023_q3());
    assert_eq!(
        imported.report.meta.period,
        Some(Period::new(2023, Term::Q3))
    );
}
