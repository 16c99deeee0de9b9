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

mod number {
    use cchc_forms::Decimal;
    use cchc_forms::number::{
        NumberError, NumberText, Style, english_reading, format_decimal, parse_count, parse_decimal,
    };

    #[test]
    fn every_error_has_its_words_in_both_languages() {
        // The messages as a clerk reads them (src/number.rs's table).
        let table: [(&str, NumberError, &str, &str); 11] = [
            (
                "",
                NumberError::Empty,
                "the text is empty",
                "ô không có chữ số nào",
            ),
            (
                "1.42.000",
                NumberError::BadGrouping,
                "`.` separates groups of exactly three digits (thousands)",
                "dấu `.` phân cách từng nhóm đúng ba chữ số (hàng nghìn)",
            ),
            (
                "1,2,3",
                NumberError::BadDecimalMark,
                "`,` marks decimals and must appear at most once, followed by digits",
                "dấu `,` là dấu thập phân: chỉ có một, và phải có chữ số theo sau",
            ),
            (
                "-5",
                NumberError::NegativeCount,
                "a count cannot be negative",
                "số lượng không thể âm",
            ),
            (
                "1,5",
                NumberError::FractionalCount,
                "a count must be a whole number",
                "số lượng phải là số nguyên",
            ),
            (
                "5-",
                NumberError::MisplacedSign,
                "misplaced sign (only a leading `-` is allowed)",
                "dấu trừ chỉ được đặt ở đầu số",
            ),
            (
                "18.446.744.073.709.551.616",
                NumberError::Overflow,
                "the number is too large",
                "số quá lớn",
            ),
            (
                "1,420",
                NumberError::EnglishSeparators,
                "`,` between thousands is the English way; Vietnamese numbers group thousands with `.`",
                "dấu `,` giữa các nhóm hàng nghìn là cách viết tiếng Anh; số tiếng Việt dùng dấu `.`",
            ),
            (
                "0.050",
                NumberError::ZeroBeforeGroup,
                "a thousands group cannot follow a leading zero",
                "không thể có nhóm hàng nghìn sau số 0 ở đầu",
            ),
            (
                "–",
                NumberError::Dash,
                "leave the cell empty for no data",
                "để trống ô nếu không có số liệu",
            ),
            (
                "12a",
                NumberError::UnexpectedCharacter {
                    character: 'a',
                    position: 2,
                },
                "the character \"a\" cannot appear in a number",
                "ký tự \"a\" không thể có trong một số",
            ),
        ];
        for (text, error, english, vietnamese) in table {
            assert_eq!(parse_count(text), Err(error), "{text:?}");
            assert!(
                error.message_en() == english && error.message_vi() == vietnamese,
                "{text:?}: {error}"
            );
        }
        let decimals = parse_decimal("0,1234567").unwrap_err();
        assert_eq!(decimals, NumberError::TooManyDecimals);
        assert_eq!(
            (
                decimals.message_en().to_string(),
                decimals.message_vi().to_string()
            ),
            (
                "more than 6 decimals".to_owned(),
                "quá 6 chữ số sau dấu thập phân".to_owned()
            )
        );
        assert_eq!(
            parse_decimal("1.000.000.000.000"),
            Err(NumberError::Overflow)
        );
        assert_eq!(
            parse_decimal("999.999.999.999"),
            Ok(Decimal::new(999_999_999_999, 0))
        );
    }

    #[test]
    fn english_numbers_are_recognised_with_their_vietnamese_spelling() {
        // `,` groups thousands in threes after a first group of one to three
        // digits that does not start with 0; `.` marks decimals.
        for (english, vietnamese) in [
            ("1,420", "1.420"),
            ("-1,420", "-1.420"),
            ("999,999", "999.999"),
            ("12,345,678", "12.345.678"),
            ("1,234.5", "1.234,5"),
            ("99.3", "99,3"),
            ("0.5", "0,5"),
        ] {
            assert_eq!(
                english_reading(english).as_deref(),
                Some(vietnamese),
                "{english}"
            );
        }
        for neither in [
            "1234,567", "0,420", "1,42", "1,4200", ",420", "1,420.", "54", "1.2.3", "a,bcd",
        ] {
            assert_eq!(english_reading(neither), None, "{neither}");
        }
        // Not a hint for an over-long text (more than 40 characters): 41
        // characters give none, 40 do.
        let forty = format!("10{}.5", ",000".repeat(9));
        assert_eq!(forty.len(), 40);
        assert_eq!(
            english_reading(&forty),
            Some(format!("10{},5", ".000".repeat(9)))
        );
        assert_eq!(english_reading(&format!("10{}.55", ",000".repeat(9))), None);
        assert_eq!(english_reading(&format!("1{}", ",000".repeat(10))), None);
        // The English-way error only for what reads as English thousands.
        assert_eq!(
            parse_count("1,420,000"),
            Err(NumberError::EnglishSeparators)
        );
        assert_eq!(
            parse_decimal("1,234.5"),
            Err(NumberError::EnglishSeparators)
        );
        assert_eq!(parse_count("0,420"), Err(NumberError::FractionalCount));
        assert_eq!(parse_count("1,4200"), Err(NumberError::FractionalCount));
        assert_eq!(parse_decimal("1,2,3"), Err(NumberError::BadDecimalMark));
    }

    #[test]
    fn numbers_print_with_their_separators_and_precision() {
        let print = |mantissa, scale, style| NumberText::new(mantissa, scale, style).to_string();
        assert_eq!(print(-1_234_567, 2, Style::Vietnamese), "-12.345,67");
        assert_eq!(print(-1_234_567, 2, Style::English), "-12345.67");
        assert_eq!(print(5, 2, Style::Vietnamese), "0,05");
        assert_eq!(print(0, 0, Style::Vietnamese), "0");
        assert_eq!(print(100, 0, Style::Vietnamese), "100");
        assert_eq!(print(1000, 0, Style::Vietnamese), "1.000");
        assert_eq!(print(123_456, 0, Style::Vietnamese), "123.456");
        assert_eq!(print(1_234_567_890, 3, Style::Vietnamese), "1.234.567,890");
        assert_eq!(print(i128::MIN, 0, Style::English), i128::MIN.to_string());
        // `trimmed` drops trailing zeros, `decimal` keeps them.
        let value = Decimal::new(99_300, 3);
        assert_eq!(
            NumberText::decimal(value, Style::Vietnamese).to_string(),
            "99,300"
        );
        assert_eq!(
            NumberText::trimmed(value, Style::Vietnamese).to_string(),
            "99,3"
        );
        assert_eq!(
            NumberText::trimmed(Decimal::new(1200, 0), Style::Vietnamese).to_string(),
            "1.200"
        );
        assert_eq!(format_decimal(&Decimal::new(-5, 1)), "-0,5");
        // Any scale prints without panicking, with at most 39 decimals (the
        // most digits an i128 has).
        for scale in [39, 40, 100, u32::MAX] {
            let tiny = print(-5, scale, Style::Vietnamese);
            assert!(tiny.starts_with("-0,0") && tiny.ends_with('5'), "{tiny}");
            assert!(tiny.len() <= "-0,".len() + 39, "{tiny}");
        }
    }
}

/// Survivors of `bash .ci/mutants.sh rows` (src/rows.rs), each killed by
/// what the rules of the rows format say.
mod rows_mutants {
    use cchc_forms::catalogue::CellId;
    use cchc_forms::rows::{read_meta, read_tsv};
    use cchc_forms::{CellProblem, Error, MetaProblem};

    #[test]
    fn a_note_of_dashes_or_dots_is_not_a_figure() {
        // A figure outside the value column is refused only when the note
        // can be nothing but a number: it has a digit. `--` and `...`
        // (a clerk's "nothing") have none, so the row reads with a blank
        // cell (killed: `&&` → `||` in looks_like_figure, which let a note
        // of separators alone pass for a figure).
        let imported = read_tsv("3\t1.4\t1.902\n3\t3.1\t\t--\n3\t3.2\t\t...\n").expect("rows");
        assert_eq!(
            imported.report.cell_text(CellId::of(3, "1.4")).as_deref(),
            Some("1.902")
        );
        assert_eq!(imported.report.cell_text(CellId::of(3, "3.1")), None);
        // With a digit it is a figure in the wrong column: column 4.
        let Err(Error::Rows(problems)) = read_tsv("3\t1.4\t1.902\n3\t3.1\t\t-5\n") else {
            panic!("a figure in the note column accepted")
        };
        assert_eq!(
            problems[0].problem,
            CellProblem::ValueOutsideColumn {
                column: 4,
                expected: 3
            }
        );
    }

    #[test]
    fn a_warning_reads_with_its_line_form_and_stt() {
        // Form 6 row 1.1 is an amount in million VND: `8,007` reads as
        // 8.007 thousandths of a million, and the English reading (8.007,
        // eight thousand and seven) is named. The warning's text says
        // where: line 1, form 6, STT 1.1 (killed: ImportWarning's
        // message_en and Display).
        let imported = read_tsv("6\t1.1\t8,007\n").expect("a three-decimal amount is read");
        assert_eq!(imported.warnings.len(), 1);
        let warning = &imported.warnings[0];
        assert_eq!(
            warning.message_en(),
            "\"8,007\" is read as a decimal with three decimals; if a whole number was meant, write 8.007: did you mean 8.007?"
        );
        assert_eq!(
            warning.to_string(),
            "line 1, form 6, STT \"1.1\", \"8,007\" is read as a decimal with three decimals; if a whole number was meant, write 8.007: did you mean 8.007?"
        );
    }

    #[test]
    fn read_meta_refuses_a_line_it_does_not_understand() {
        // `capital` is not one of the four levels (killed: `>` → `<` in
        // read_meta, which gave the metadata back whatever its problems).
        let Err(Error::Rows(problems)) =
            read_meta("#! body: UBND tỉnh Bắc Giang\n#! level: capital\n")
        else {
            panic!("a bad level accepted")
        };
        assert_eq!(problems.total(), 1);
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(
            problems[0].problem,
            CellProblem::Metadata(MetaProblem::BadLevel)
        );
    }

    #[test]
    fn read_meta_takes_the_template_and_the_reference_counts() {
        use cchc_forms::{Reference, TemplateVersion};
        // The template is 581/BNV-CCHC/2022, however written: in full or
        // as its number alone (killed: the `template` key's arm deleted,
        // and `||` → `&&`, `==` → `!=` in parse_template).
        for text in ["581/BNV-CCHC/2022", "581", "581/bnv"] {
            let meta = read_meta(&format!("#! template: {text}\n")).expect(text);
            assert_eq!(meta.template, TemplateVersion::Bnv581Of2022, "{text}");
        }
        // Neither a number that is not 581 nor the ministry's letters alone
        // (killed: `&&` → `||` in parse_template).
        for text in ["BNV-CCHC", "5810", "582/BNV"] {
            let Err(Error::Rows(problems)) = read_meta(&format!("#! mẫu: {text}\n")) else {
                panic!("{text} accepted as the template")
            };
            assert_eq!(
                problems[0].problem,
                CellProblem::Metadata(MetaProblem::BadTemplate),
                "{text}"
            );
        }
        // Bắc Giang's reference counts (19 departments, 10 districts, 209
        // communes), each to its own kind (killed: the three keys' arms
        // deleted, and `slot - 4` → `slot + 4` or `slot / 4`, which sends
        // them out of the list or all to the districts).
        let meta =
            read_meta("#! departments: 19\n#! số huyện: 10\n#! số xã: 209\n").expect("counts");
        assert_eq!(
            meta.reference,
            Reference {
                departments: Some(19),
                districts: Some(10),
                communes: Some(209)
            }
        );
    }

    #[test]
    fn a_metadata_line_without_a_key_is_not_key_value() {
        // `#! : 2023 Q3` has a separator but no key: not `key: value`
        // (killed: the arm of the empty key deleted, which called it an
        // unknown key "").
        let Err(Error::Rows(problems)) = read_meta("#!  : 2023 Q3\n") else {
            panic!("a line without a key accepted")
        };
        assert_eq!(
            problems[0].problem,
            CellProblem::Metadata(MetaProblem::NotKeyValue)
        );
    }
}

/// Survivors of `bash .ci/mutants.sh printed` (src/printed.rs).
mod printed_mutants {
    use cchc_forms::printed::looks_printed;

    #[test]
    fn printed_forms_are_told_from_rows() {
        // A `Biểu mẫu N` line, or a line of column headings starting with
        // STT and a tab, makes printed forms; rows (form, STT, value, with
        // tabs) do not (killed: looks_printed → true / false, `||` → `&&`,
        // `&&` → `||` between the tab and `STT`, `<` → `==` / `>`).
        assert!(looks_printed(
            "BÁO CÁO\nBiểu mẫu 1\nCông tác chỉ đạo điều hành CCHC\n"
        ));
        assert!(looks_printed(
            "biểu mẫu số 3: Cải cách thủ tục hành chính\r\n"
        ));
        assert!(looks_printed(
            "STT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n"
        ));
        assert!(!looks_printed("1\t1\t50\n3\t1.4\t1.902\n"));
        assert!(!looks_printed("STT là số thứ tự\n"));
        assert!(!looks_printed("Biểu mẫu 1\tghi chú\n1\t1\t50\n"));
    }

    #[test]
    fn a_form_line_is_shorter_than_two_hundred_bytes() {
        // A form's line is `Biểu mẫu N` and its title (the longest of the
        // seven, with its marker, is under 100 bytes): a line of 200 bytes
        // or more is prose, even when it opens like a marker. At 199 bytes
        // it is a marker; at 200 it is not (killed: `<` → `<=`, and `&&`
        // → `||` on either side of the prefix test, which let a long line
        // through).
        let line = |bytes: usize| {
            let head = "Biểu mẫu 1: ";
            format!("{head}{}", "x".repeat(bytes - head.len()))
        };
        assert_eq!(line(199).len(), 199);
        assert!(looks_printed(&line(199)));
        assert!(!looks_printed(&line(200)));
        assert!(!looks_printed(&line(1000)));
        for form in &cchc_forms::bnv581::FORMS {
            assert!(
                format!("Biểu mẫu {}: {}", form.number, form.title_vi).len() < 100,
                "{}",
                form.title_vi
            );
        }
    }
}

mod printed_header_mutants {
    use cchc_forms::catalogue::CellId;
    use cchc_forms::printed::read_printed;

    #[test]
    fn a_line_of_stt_alone_is_prose_and_the_rows_after_it_are_read() {
        // Column headings are a line of columns, the first `STT`; `STT`
        // alone on a line has no columns to head: it is prose, and a row of
        // the form printed after it is still read, never dropped: here row
        // 1.4 a second time, refused as given twice, and row 1.2 read.
        let text = "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.4.\tTổng số TTHC\tThủ tục\t1.902\t\nSTT\n1.4.\tTổng số TTHC\tThủ tục\t1.896\t\n";
        let Err(cchc_forms::Error::Rows(problems)) = read_printed(text) else {
            panic!("row 1.4 twice accepted")
        };
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(6));
        assert_eq!(
            problems[0].problem,
            cchc_forms::CellProblem::Duplicate { first_row: 4 }
        );
        let text = text.replace(
            "1.4.\tTổng số TTHC\tThủ tục\t1.896",
            "1.2.\tSố TTHC công bố mới\tThủ tục\t135",
        );
        let imported = read_printed(&text).expect("both rows");
        assert_eq!(
            imported.report.cell_text(CellId::of(3, "1.2")).as_deref(),
            Some("135")
        );
    }

    #[test]
    fn headings_in_another_order_place_the_columns() {
        // The module reads "any column order the headings name": here the
        // value comes before the unit (killed: Layout::update → (), which
        // kept the usual order and read `Thủ tục` as the value).
        let text = "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tSố liệu\tĐơn vị tính\tGhi chú\n1.4.\tTổng số TTHC\t1.902\tThủ tục\t\n";
        let imported = read_printed(text).expect("columns in the headings' order");
        assert_eq!(
            imported.report.cell_text(CellId::of(3, "1.4")).as_deref(),
            Some("1.902")
        );
    }

    #[test]
    fn a_first_quarter_report_takes_its_period_from_its_title() {
        // "Quý I năm 2024" in the title after `BÁO CÁO` is Q1 2024 (killed:
        // the arm of `quý I` deleted, which fell to "another quarter").
        let text = "BÁO CÁO\nKết quả công tác cải cách hành chính Quý I năm 2024\nBiểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.4.\tTổng số TTHC\tThủ tục\t1.902\t\n";
        let imported = read_printed(text).expect("a Q1 report");
        assert_eq!(
            imported.report.meta.period,
            Some(cchc_forms::Period::new(2024, cchc_forms::Term::Q1))
        );
    }

    #[test]
    fn a_tabbed_line_of_the_prose_before_the_forms_is_skipped() {
        // "The prose before the forms is skipped" (src/printed.rs), a line
        // with tabs in it too, such as a table quoted in the report's text
        // (killed: `||` → `&&` in `!in_table || skipping`, which read it as
        // a row outside any form).
        let text = "Kết quả: 1.4.\tTổng số TTHC\tThủ tục\t1.896\t\nBiểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.4.\tTổng số TTHC\tThủ tục\t1.902\t\n";
        let imported = read_printed(text).expect("the prose skipped");
        assert_eq!(
            imported.report.cell_text(CellId::of(3, "1.4")).as_deref(),
            Some("1.902")
        );
    }

    #[test]
    fn a_form_title_unlike_the_templates_is_a_warning() {
        // Form 3's title is "Cải cách thủ tục hành chính"; printed as
        // "Cải cách thể chế" (form 2's) it is read, with a warning naming
        // the template's title (killed: check_title → ()).
        let text = "Biểu mẫu 3\nCải cách thể chế\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.4.\tTổng số TTHC\tThủ tục\t1.902\t\n";
        let imported = read_printed(text).expect("read with a warning");
        let titles: Vec<_> = imported
            .warnings
            .iter()
            .filter(|w| matches!(w.kind, cchc_forms::WarningKind::TitleDiffers { .. }))
            .collect();
        assert_eq!(titles.len(), 1);
        assert_eq!(titles[0].line, Some(2));
        assert_eq!(
            titles[0].kind,
            cchc_forms::WarningKind::TitleDiffers {
                expected: "Cải cách thủ tục hành chính"
            }
        );
    }

    #[test]
    fn a_row_the_printed_form_lacks_is_a_warning() {
        // Form 3 printed with row 1.4 alone: row 3.1.1 of the template (the
        // dossiers the departments resolved) is not in it, so it is left
        // blank with a warning (killed: close_form → ()).
        let text = "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.4.\tTổng số TTHC\tThủ tục\t1.902\t\n";
        let imported = read_printed(text).expect("read with warnings");
        let missing = imported
            .warnings
            .iter()
            .find(|w| w.kind == cchc_forms::WarningKind::RowMissing && w.stt == "3.1.1")
            .expect("row 3.1.1 missing");
        assert_eq!(
            missing.to_string(),
            "form 3, STT \"3.1.1\", this row of the template is not in the printed form: left blank"
        );
        assert_eq!(imported.report.cell_text(CellId::of(3, "3.1.1")), None);
    }

    #[test]
    fn a_heading_cut_by_a_line_break_takes_no_value() {
        // Heading 3 ("Kết quả giải quyết TTHC") printed over two lines, the
        // second holding the rest of its label in the STT column and empty
        // cells: a heading with an empty cell is accepted (killed: `!`
        // deleted in `!value.is_empty()`, which refused the empty value as
        // a value on a heading).
        let text = "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.4.\tTổng số TTHC\tThủ tục\t1.902\t\n3.\tKết quả giải quyết\nTTHC\t\t\t\n";
        let imported = read_printed(text).expect("a heading over two lines");
        assert_eq!(
            imported.report.cell_text(CellId::of(3, "1.4")).as_deref(),
            Some("1.902")
        );
    }

    #[test]
    fn a_row_after_a_short_heading_is_its_own_row() {
        // Heading 3 printed with its label and no further cells (Word drops
        // trailing tabs) and then row 3.1 of the Bắc Giang report, 99,3 %:
        // 3.1 is a row of its own, not the rest of the heading's label
        // (killed: `&&` → `||` in `!stt_text.is_empty() && !is_stt(…)`,
        // which took any row after a short one for its continuation).
        let text = "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n3.\tKết quả giải quyết TTHC\n3.1.\tTỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn\t%\t99,3\t\n3.1.1.\tTổng số hồ sơ TTHC đã giải quyết xong\tHồ sơ\t54.106\t\n";
        let imported = read_printed(text).expect("rows after a short heading");
        assert_eq!(
            imported.report.cell_text(CellId::of(3, "3.1")).as_deref(),
            Some("99,3")
        );
        assert_eq!(
            imported.report.cell_text(CellId::of(3, "3.1.1")).as_deref(),
            Some("54.106")
        );
    }

    #[test]
    fn a_table_without_its_form_line_is_placed_by_its_first_label() {
        // "A table whose first row is `1` starts the form whose row 1 has
        // that label" (src/printed.rs): form 7's row 1 is "Cập nhật Kiến
        // trúc chính quyền điện tử phiên bản mới nhất", which Bắc Giang
        // reports as 1 (killed: `==` → `!=` on the row's STT in
        // implied_form, which found no form by label and took form 1).
        let text = "STT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.\tCập nhật Kiến trúc chính quyền điện tử phiên bản mới nhất\t\t1\t\n";
        let imported = read_printed(text).expect("a table of form 7");
        assert_eq!(
            imported.report.cell_text(CellId::of(7, "1")).as_deref(),
            Some("1")
        );
        assert_eq!(imported.report.cell_text(CellId::of(1, "1")), None);
    }
}

/// Survivors of `bash .ci/mutants.sh decode` (src/decode.rs).
mod decode_mutants {
    use cchc_forms::{EncodingProblem, Error, MAX_DOCUMENT_BYTES, decode_text};

    #[test]
    fn a_document_past_the_limit_is_refused_where_the_limit_falls() {
        // `ab` and a line break, then `x` up to one byte past 8 MiB: the
        // first byte past the limit, byte 8.388.609 of the file, is on line
        // 2, whose bytes start at byte 4, so it is byte 8.388.609 − 3 =
        // 8.388.606 of its line (killed: `==` → `!=` when looking for the
        // last line break, which put it at byte 1 of its line).
        let mut bytes = b"ab\n".to_vec();
        bytes.resize(MAX_DOCUMENT_BYTES + 1, b'x');
        let Err(Error::Encoding(error)) = decode_text(&bytes) else {
            panic!("a document past the limit decoded")
        };
        assert_eq!(error.problem, EncodingProblem::TooLarge);
        assert_eq!(error.line, 2);
        assert_eq!(error.column, 8_388_606);
        assert_eq!(error.offset, 8_388_609);
    }

    #[test]
    fn utf16_without_its_mark_is_told_from_four_bytes() {
        // "ab" in UTF-16LE without its mark, `61 00 62 00`: every other
        // byte zero, refused with the hint to save as UTF-8 (killed: `<` →
        // `==` in looks_like_utf16's "fewer than 4 bytes cannot tell",
        // which let exactly 4 bytes through as UTF-8 text with NULs).
        let Err(Error::Encoding(error)) = decode_text(b"a\0b\0") else {
            panic!("UTF-16 without its mark decoded")
        };
        assert_eq!(error.problem, EncodingProblem::Utf16WithoutMark);
        // Two bytes cannot tell UTF-16: `a` and NUL are UTF-8, and a NUL
        // byte is no text report's (a binary file), at byte 2.
        let Err(Error::Encoding(error)) = decode_text(b"a\0") else {
            panic!("a NUL byte decoded")
        };
        assert_eq!((error.problem, error.column), (EncodingProblem::Binary, 2));
    }

    #[test]
    fn utf16_without_its_mark_is_more_than_half_nuls_on_one_side() {
        // Text looks like UTF-16 without its mark when, in its first bytes,
        // more than half of the even (or odd) positions hold a NUL (ASCII in
        // UTF-16): of 16 bytes, 8 even positions, 5 NULs (5 × 2 = 10 > 8)
        // are UTF-16, 4 (8, not more than 8) are not, and such text is
        // UTF-8 with NULs (killed:
        // in `even * 2 > half` and `odd * 2 > half`, `>` → `>=` / `==`,
        // `*` → `+` / `/`, and `/` → `%` in `half`).
        // NULs on the even side (UTF-16BE: `00 61`) or the odd (UTF-16LE).
        let text = |nuls: usize, side: usize| -> Vec<u8> {
            (0..16)
                .map(|i| {
                    if i % 2 == side && i / 2 < nuls {
                        0
                    } else {
                        b'a'
                    }
                })
                .collect()
        };
        for side in [0, 1] {
            // 5 NULs, 11 letters.
            assert_eq!(
                text(5, side)
                    .iter()
                    .filter(|b| b.is_ascii_lowercase())
                    .count(),
                11
            );
            let Err(Error::Encoding(error)) = decode_text(&text(5, side)) else {
                panic!("5 NULs in 8 positions decoded")
            };
            assert_eq!(error.problem, EncodingProblem::Utf16WithoutMark);
            let bytes = text(0, side);
            assert_eq!(decode_text(&bytes).expect("UTF-8").as_bytes(), &bytes[..]);
            let Err(Error::Encoding(error)) = decode_text(&text(4, side)) else {
                panic!("4 NULs decoded")
            };
            // The first NUL: byte 1 (even side) or byte 2 (odd side).
            assert_eq!(error.problem, EncodingProblem::Binary);
            assert_eq!(error.column, side + 1);
        }
    }
}
