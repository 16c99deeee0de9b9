//! Edges of the reader of JSON problems (`src/json.rs`) and the end of the
//! reader of printed forms (`src/printed.rs`). (The survivors of the
//! ratio, share and full families were in their clean path, `decide`, which
//! is crate-private: their test is in `src/check/clean_path_edges.rs`.)
//! Each asserts what follows from the source document, its template or
//! the rules, worked out by hand in the comments; see `.ci/mutants.sh` and
//! docs/testing.md, "Mutation testing".

mod json_period {
    use cchc_forms::{Error, JsonProblem, Report, samples};
    use serde_json::{Value, json};

    fn sample_json() -> Value {
        serde_json::to_value(samples::bac_giang_2023_q3()).expect("the sample serializes")
    }

    /// The problems of `Report::from_json` on `text`, which must be refused.
    fn problems_of(text: &str) -> Vec<JsonProblem> {
        match Report::from_json(text) {
            Ok(report) => panic!("accepted: {report:?}"),
            Err(Error::Json(problems)) => problems.iter().cloned().collect(),
            Err(other) => panic!("not a JSON problem: {other}"),
        }
    }

    /// The line (from 1) of the first line of `text` holding `needle`.
    fn line_holding(text: &str, needle: &str) -> usize {
        1 + text
            .lines()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not in the text"))
    }

    #[test]
    fn a_period_of_a_term_that_is_not_reported_is_named_where_it_is() {
        // Reports are made for Q1, the half-year, Q3 and the year
        // (DOMAIN.md; the source document is the Q3/2023 report): there is
        // no Q2 report, Q2 being derived as half-year − Q1. A period with
        // term "q2" is refused, and the problem is the period's own: its
        // path is `meta.period`, it says what a period is (the four
        // terms), and it points at the line where the period is written
        // (the document pretty-printed, one key a line). Nothing else is
        // wrong, so it is the only problem (killed: `period` returning
        // Ok(None), `raw == "null"` made `!=`, and `total() > before` made
        // `>=` or `==`: each lets the period through, and the document then
        // gets serde's message alone, with no path).
        let mut value = sample_json();
        value["meta"]["period"] = json!({ "year": 2023, "term": "q2" });
        let text = serde_json::to_string_pretty(&value).expect("pretty JSON");
        let problems = problems_of(&text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "meta.period");
        assert!(
            problems[0]
                .message_en
                .contains("the term q1, half_year, q3 or year"),
            "{}",
            problems[0].message_en
        );
        assert!(
            problems[0]
                .message_vi
                .contains("q1, half_year, q3 hoặc year"),
            "{}",
            problems[0].message_vi
        );
        // The value starts on the line of `"period": {`.
        assert_eq!(problems[0].line, Some(line_holding(&text, "\"period\"")));
    }

    #[test]
    fn a_period_written_as_the_title_prints_it_is_not_a_period_object() {
        // The source document's title says "Quý III năm 2023"; written so,
        // as a string, it is not the JSON shape of a period (an object of a
        // year and a term): the problem is the period's (killed: `period`
        // returning Ok(None), `raw == "null"` made `!=`).
        let mut value = sample_json();
        value["meta"]["period"] = json!("Quý III năm 2023");
        let problems = problems_of(&value.to_string());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "meta.period");
        assert!(
            problems[0].message_en.starts_with("a period is {"),
            "{}",
            problems[0].message_en
        );
    }

    #[test]
    fn a_period_left_null_is_no_problem_beside_another_one() {
        // `null` is "no period given", which the metadata allows. In a
        // document refused for another reason (99,3 % of form 3 row 3.1
        // written with the printed decimal comma, which JSON does not
        // take), the reader of problems names that one alone, not the
        // period (killed: `raw == "null"` made `!=`, which read `null` as
        // an object and called it a period of the wrong shape).
        let mut value = sample_json();
        value["meta"]["period"] = Value::Null;
        value["form3"]["on_time_rate_departments"] = json!("99,3");
        let problems = problems_of(&value.to_string());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "form3.on_time_rate_departments");
    }
}

mod printed_rows {
    use cchc_forms::WarningKind;
    use cchc_forms::catalogue::CellId;
    use cchc_forms::printed::read_printed;

    /// The column headings of every table of the source document.
    const HEADINGS: &str = "STT\tChỉ tiêu thống kê <i>(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)</i>\tKết quả thống kê\t\tGhi chú\n\t\tĐơn vị tính\tSố liệu\t\n";

    #[test]
    fn tables_without_their_form_lines_are_each_their_own_form() {
        // Two tables copied without their `Biểu mẫu` lines: form 1 with
        // its row 1 alone (50 documents directing CCHC), then form 2 from
        // its row 1 (37 legal documents, 25 of them provincial), as the
        // source prints them. A table whose first row is `1` starts the
        // form whose row 1 has that label: the second `1.` is form 2's row
        // 1, not form 1's row 1 a second time, since form 1's row 1 was
        // already read (killed: `row.stt == "1"` made `!=` in the test of
        // a new table, which looked for another row of form 1 read and,
        // finding none, read the second table into form 1).
        let text = format!(
            "{HEADINGS}1.\tSố văn bản chỉ đạo CCHC đã ban hành <i>(Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)</i>\tVăn bản\t50\t\n\n\
             {HEADINGS}1.\tTổng số VBQPPL do địa phương ban hành\tVăn bản\t37\t\n1.1.\tSố VBQPPL do cấp tỉnh ban hành\tVăn bản\t25\t\n"
        );
        let imported = read_printed(&text).expect("two tables");
        let cell = |form, stt| imported.report.cell_text(CellId::of(form, stt));
        assert_eq!(cell(1, "1").as_deref(), Some("50"));
        assert_eq!(cell(2, "1").as_deref(), Some("37"));
        assert_eq!(cell(2, "1.1").as_deref(), Some("25"));
    }

    #[test]
    fn a_cut_label_once_complete_does_not_take_the_prose_after_the_table() {
        // Form 7 row 5.2, its label broken after "sử dụng chữ ký số," as
        // in the source, the rest of the label and the row (`%`, 97,5)
        // on the next line; then the prose that follows the forms. The
        // label joined is the template's, so there is no warning about it;
        // the row is complete after its second line, so the prose is not
        // more of its label (killed: `rest.len() <= layout.value` made
        // `>`, which left the row open and joined the prose to its label,
        // a label differing from the template's).
        let text = format!(
            "Biểu mẫu 7\nXây dựng và phát triển Chính quyền điện tử, Chính quyền số\n{HEADINGS}\
             5.2\tTỷ lệ sử dụng văn bản điện tử của địa phương <i>(Chỉ thống kê tỷ lệ văn bản được gửi hoàn toàn dưới dạng điện tử; sử dụng chữ ký số,\n\
             chứng thư số và gửi trên môi trường điện tử).</i>\t%\t97,5\t\n\
             Nơi nhận:\n"
        );
        let imported = read_printed(&text).expect("form 7 row 5.2");
        assert_eq!(
            imported.report.cell_text(CellId::of(7, "5.2")).as_deref(),
            Some("97,5")
        );
        let labels: Vec<_> = imported
            .warnings
            .iter()
            .filter(|w| matches!(w.kind, WarningKind::LabelDiffers { .. }))
            .collect();
        assert!(labels.is_empty(), "{labels:?}");
    }

    /// Form 1 from its row 3, as the source prints it, with the row under
    /// 3 printed without STT and `row_3_1` as its label, unit and value.
    fn form1_from_row_3(row_3_1: &str) -> String {
        format!(
            "Biểu mẫu 1\nCông tác chỉ đạo điều hành CCHC\n{HEADINGS}\
             3.\tKiểm tra CCHC\t\t\t\n\
             \t{row_3_1}\t\n\
             3.2\tSố UBND cấp huyện đã kiểm tra\tCơ quan, đơn vị\t5\t\n"
        )
    }

    /// The (STT, expected label) of each label warning.
    fn label_warnings(imported: &cchc_forms::Imported) -> Vec<(String, &'static str)> {
        imported
            .warnings
            .iter()
            .filter_map(|w| match w.kind {
                WarningKind::LabelDiffers { expected } => Some((w.stt.clone(), expected)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_row_without_stt_under_another_label_is_placed_after_the_previous_row() {
        // The source prints row 3.1 of form 1 (departments inspected, 10)
        // without STT. Printed here as "Số sở, ban, ngành đã kiểm tra" (the
        // template says "Số sở, ngành đã kiểm tra"), no row of the form has
        // that label, so it is placed by its position: the row after 3 in
        // the template, 3.1, with a warning that its label differs. Rows 1
        // to 2.2 are not printed here: the row is not put in one of them
        // (killed: `!` deleted in the test that the next row is unread,
        // which left the row unplaced, an error; `&&` made `||` and `==`
        // made `!=` in the search by label, which took the first unread
        // row, 1).
        let imported = read_printed(&form1_from_row_3(
            "Số sở, ban, ngành đã kiểm tra\tCơ quan, đơn vị\t10",
        ))
        .expect("form 1 from row 3");
        let cell = |stt| imported.report.cell_text(CellId::of(1, stt));
        assert_eq!(cell("3.1").as_deref(), Some("10"));
        assert_eq!(cell("3.2").as_deref(), Some("5"));
        assert_eq!(cell("1"), None);
        assert_eq!(
            label_warnings(&imported),
            [("3.1".to_owned(), "Số sở, ngành đã kiểm tra")]
        );
    }

    #[test]
    fn a_row_without_stt_with_its_unit_and_no_value_is_a_row_not_a_label() {
        // The same row printed with its unit and its value left blank (not
        // reported): a row with a unit is a row of its own, placed as 3.1
        // (the row after 3), not the rest of row 3's label; only a line
        // with no unit and no value continues a label (src/printed.rs).
        // So the warning is about 3.1's label, and 3.1 is not missing
        // (killed: `&&` made `||` in `unit.is_empty() && value.is_empty()`,
        // which joined the row to heading 3's label).
        let imported = read_printed(&form1_from_row_3(
            "Số sở, ban, ngành đã kiểm tra\tCơ quan, đơn vị\t",
        ))
        .expect("form 1 from row 3");
        assert_eq!(imported.report.cell_text(CellId::of(1, "3.1")), None);
        assert_eq!(
            label_warnings(&imported),
            [("3.1".to_owned(), "Số sở, ngành đã kiểm tra")]
        );
        assert!(
            !imported
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::RowMissing && w.stt == "3.1"),
            "{:?}",
            imported.warnings
        );
    }
}
