//! The printed-forms reader at the edges where a person's copy of the
//! source document meets it: every indicator row of the seven forms with
//! its unit cell dropped, a page number, a footer or a note after it, its
//! tabs turned into spaces; and the period of many titles.
//!
//! The rows are found in the source document by this test itself (a line
//! of a form whose fourth cell, the value, is not empty), not by the crate.

use cchc_forms::printed::read_printed;
use cchc_forms::rows::read_tsv;
use cchc_forms::{
    CellProblem, EncodingProblem, Error, ImportWarning, Imported, Period, Report, Term,
    WarningKind, decode_text, samples,
};

/// The source document, verbatim.
const SOURCE: &str = include_str!("data/bac_giang_2023_q3_source.txt");

/// A row of a form with a value, as the source prints it.
#[derive(Debug)]
struct ValueRow {
    /// Index of its line in `SOURCE.lines()` (its line number is one more).
    index: usize,
    form: u8,
    /// The STT as printed, without its final dot (empty when printed blank).
    stt: String,
    /// The value cell, markup removed.
    value: String,
}

fn without_markup(cell: &str) -> String {
    ["<i>", "</i>"]
        .iter()
        .fold(cell.to_owned(), |text, tag| text.replace(tag, ""))
        .trim()
        .to_owned()
}

/// Every row of the seven forms that holds a value: 125 indicators, less
/// the blank ones.
fn value_rows() -> Vec<ValueRow> {
    let mut form = 0_u8;
    let mut rows = Vec::new();
    for (index, line) in SOURCE.lines().enumerate() {
        if let Some(rest) = line.strip_prefix("Biểu mẫu ") {
            form = rest.trim().parse().expect("a form number");
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if form == 0 || cells.len() < 4 || cells[0] == "STT" {
            continue;
        }
        let value = without_markup(cells[3]);
        if value.is_empty() || value == "Số liệu" {
            continue;
        }
        rows.push(ValueRow {
            index,
            form,
            stt: cells[0].trim().trim_end_matches('.').to_owned(),
            value,
        });
    }
    rows
}

/// The source with line `index` replaced by `lines`.
fn with_line(index: usize, lines: &[String]) -> String {
    let mut out: Vec<String> = SOURCE.lines().map(str::to_owned).collect();
    out.splice(index..=index, lines.iter().cloned());
    out.join("\n")
}

fn read(text: &str) -> Imported {
    read_printed(text).unwrap_or_else(|error| panic!("refused: {error}"))
}

fn sample() -> Report {
    samples::bac_giang_2023_q3()
}

#[test]
fn the_source_has_its_rows_with_values() {
    // Form 1 prints 21 values (1 to 7), form 2 13, …: every row with a
    // value, 7 forms; the first is form 1's "1." with 50 documents.
    let rows = value_rows();
    assert!(rows.len() > 100, "{}", rows.len());
    assert_eq!((rows[0].form, rows[0].stt.as_str()), (1, "1"));
    assert_eq!(rows[0].value, "50");
    assert_eq!(rows.iter().map(|row| row.form).max(), Some(7));
    // Read as printed: the sample, nothing noticed.
    let imported = read(SOURCE);
    assert_eq!(imported.report.cells(), sample().cells());
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn a_row_without_its_unit_cell_is_read_with_its_value_and_a_warning() {
    let sample = sample();
    for row in value_rows() {
        let line = SOURCE.lines().nth(row.index).expect("the line");
        let mut cells: Vec<&str> = line.split('\t').collect();
        cells.remove(2);
        let imported = read(&with_line(row.index, &[cells.join("\t")]));
        assert_eq!(
            imported.report.cells(),
            sample.cells(),
            "form {} STT {:?}: a value lost or read as a unit",
            row.form,
            row.stt
        );
        let warnings: Vec<&ImportWarning> = imported.warnings.iter().collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let warning = warnings[0];
        assert_eq!(warning.kind, WarningKind::UnitMissing);
        assert_eq!(warning.line, Some(row.index + 1));
        assert_eq!(warning.form, row.form);
        if !row.stt.is_empty() {
            assert_eq!(warning.stt, row.stt);
        }
        assert_eq!(warning.text, row.value);
        assert!(warning.message_en().contains("no unit cell"));
        assert!(warning.message_vi().contains("không có ô đơn vị tính"));
    }
}

#[test]
fn a_page_number_footer_or_note_after_any_row_loses_nothing() {
    let sample = sample();
    let rows = value_rows();
    for insert in [
        "7",
        "- 7 -",
        "Trang 7",
        "Trang 7/12",
        "Page 7 of 12",
        "Ghi chú: số liệu tính đến ngày 15/9/2023.",
        "(*) Số liệu do Sở Nội vụ tổng hợp",
    ] {
        for row in &rows {
            let line = SOURCE.lines().nth(row.index).expect("the line");
            let text = with_line(row.index, &[line.to_owned(), insert.to_owned()]);
            let imported = read(&text);
            assert_eq!(
                imported.report.cells(),
                sample.cells(),
                "{insert:?} after form {} STT {:?}",
                row.form,
                row.stt
            );
            assert!(
                imported.warnings.is_empty(),
                "{insert:?} after form {} STT {:?}: {:?}",
                row.form,
                row.stt,
                imported.warnings
            );
        }
    }
}

#[test]
fn a_row_whose_tabs_became_spaces_is_refused_by_name() {
    for row in value_rows() {
        let line = SOURCE.lines().nth(row.index).expect("the line");
        let text = with_line(row.index, &[line.replace('\t', " ")]);
        let Err(Error::Rows(problems)) = read_printed(&text) else {
            panic!("form {} STT {:?}: accepted", row.form, row.stt)
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        let problem = &problems[0];
        assert_eq!(problem.problem, CellProblem::TabsAsSpaces);
        assert_eq!(problem.line, Some(row.index + 1));
        assert_eq!(problem.form, row.form);
        if !row.stt.is_empty() {
            assert_eq!(problem.stt, row.stt);
        }
        assert!(
            problem
                .message_en()
                .contains("separated by spaces, not tabs")
        );
        assert!(
            problem
                .message_vi()
                .contains("dấu cách, không phải dấu tab")
        );
    }
}

#[test]
fn a_row_whose_figure_joined_its_unit_is_refused_by_name() {
    // Only the tab between unit and value became a space: `Văn bản 50`.
    for row in value_rows() {
        let line = SOURCE.lines().nth(row.index).expect("the line");
        let cells: Vec<&str> = line.split('\t').collect();
        let joined = format!("{}\t{}\t{} {}\t\t", cells[0], cells[1], cells[2], cells[3]);
        let Err(Error::Rows(problems)) = read_printed(&with_line(row.index, &[joined])) else {
            panic!("form {} STT {:?}: accepted", row.form, row.stt)
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].problem, CellProblem::TabsAsSpaces);
        assert_eq!(problems[0].line, Some(row.index + 1));
        assert_eq!(problems[0].form, row.form);
    }
}

#[test]
fn a_wrapped_label_is_named_as_its_own_row() {
    // Form 3, STT 1.2 printed with its label cut by a line break: the
    // value is read with the row; a bad value is named at 1.2's line.
    let table = "Biểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n";
    let imported = read(&format!(
        "{table}1.2.\tSố TTHC công\nbố mới\tThủ tục\t135\t\n1.3.\tSố TTHC bãi bỏ, thay thế\tThủ tục\t27\t\n"
    ));
    assert_eq!(
        imported
            .report
            .form3
            .procedures_published_new
            .map(cchc_forms::unit::Count::get),
        Some(135)
    );
    assert_eq!(
        imported
            .report
            .form3
            .procedures_abolished_or_replaced
            .map(cchc_forms::unit::Count::get),
        Some(27)
    );
    // A continued cell that starts with a number is no STT of the form.
    let imported = read(&format!(
        "{table}1.2.\tSố TTHC công bố mới trong\n2023\tThủ tục\t135\t\n"
    ));
    assert_eq!(
        imported
            .report
            .form3
            .procedures_published_new
            .map(cchc_forms::unit::Count::get),
        Some(135)
    );
    let Err(Error::Rows(problems)) = read_printed(&format!(
        "{table}1.2.\tSố TTHC công\nbố mới\tThủ tục\t13,5\t\n1.3.\tSố TTHC bãi bỏ, thay thế\tThủ tục\t27\t\n"
    )) else {
        panic!("accepted")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].line, problems[0].stt.as_str()),
        (Some(4), "1.2")
    );
    // Its unit cell wrapped: the unit goes on, the value stays the value.
    let imported = read(&format!(
        "{table}1.2.\tSố TTHC công bố mới\tThủ\ntục\t135\t\n"
    ));
    assert_eq!(
        imported
            .report
            .form3
            .procedures_published_new
            .map(cchc_forms::unit::Count::get),
        Some(135)
    );
    assert!(
        imported
            .warnings
            .iter()
            .all(|w| w.kind != WarningKind::UnitMissing)
    );
}

fn period_of(title: &str) -> (Option<Period>, Vec<WarningKind>) {
    let text = format!(
        "BÁO CÁO\n{title}\nKính gửi: Bộ Nội vụ\n\nBiểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.2.\tSố TTHC công bố mới\tThủ tục\t135\t\n"
    );
    let imported = read(&text);
    let kinds = imported
        .warnings
        .iter()
        .filter(|w| w.line.is_some())
        .map(|w| w.kind.clone())
        .collect();
    (imported.report.meta.period, kinds)
}

#[test]
fn the_period_is_the_one_the_title_names_for_the_report() {
    let q3 = Some(Period::new(2023, Term::Q3));
    let year = Some(Period::new(2023, Term::Year));
    for (title, expected) in [
        (
            "Kết quả công tác cải cách hành chính Quý III năm 2023, phương hướng nhiệm vụ Quý IV năm 2023",
            q3,
        ),
        (
            "Kết quả công tác cải cách hành chính năm 2023 và phương hướng, nhiệm vụ 6 tháng đầu năm 2024",
            year,
        ),
        ("Kết quả thực hiện công tác CCHC năm 2023 (quý III)", q3),
        ("Kết quả công tác CCHC Quý III năm 2023", q3),
        ("Kết quả công tác CCHC quý 3/2023", q3),
        ("KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2023", q3),
        (
            "Kết quả công tác CCHC quý I năm 2024; kế hoạch quý II năm 2024",
            Some(Period::new(2024, Term::Q1)),
        ),
        (
            "Kết quả công tác CCHC 6 tháng đầu năm 2024",
            Some(Period::new(2024, Term::HalfYear)),
        ),
        (
            "Kết quả công tác CCHC sáu tháng năm 2024, nhiệm vụ 6 tháng cuối năm",
            Some(Period::new(2024, Term::HalfYear)),
        ),
        (
            "Tình hình thực hiện công tác CCHC năm 2022",
            Some(Period::new(2022, Term::Year)),
        ),
    ] {
        let (period, warnings) = period_of(title);
        assert_eq!(period, expected, "{title}");
        assert!(warnings.is_empty(), "{title}: {warnings:?}");
    }
    // A title on two lines, as Word wraps it.
    let (period, _) = period_of("Kết quả công tác cải cách hành chính\nQuý III năm 2023");
    assert_eq!(period, q3);
}

#[test]
fn a_title_naming_no_period_of_the_template_gives_none_and_a_warning() {
    for title in [
        "Kết quả công tác CCHC 9 tháng năm 2023",
        "Kết quả công tác CCHC tháng 9 năm 2023",
        "Kết quả công tác CCHC quý II năm 2023",
        "Kết quả công tác CCHC quý IV năm 2023",
        "Kết quả công tác CCHC 6 tháng cuối năm 2023",
        "Kết quả công tác CCHC quý I và quý III năm 2023",
        "Kết quả công tác CCHC quý III",
        "Kết quả công tác CCHC năm 2023 và năm 2024",
        "Kết quả công tác CCHC năm 1999",
    ] {
        let (period, warnings) = period_of(title);
        assert_eq!(period, None, "{title}");
        assert_eq!(warnings, [WarningKind::TitlePeriodUnread], "{title}");
    }
    let text = "BÁO CÁO\nKết quả công tác CCHC 9 tháng năm 2023\n\nBiểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.2.\tSố TTHC công bố mới\tThủ tục\t135\t\n";
    let warning = read(text)
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::TitlePeriodUnread)
        .expect("the warning")
        .clone();
    assert_eq!(warning.line, Some(2));
    assert_eq!(warning.text, "Kết quả công tác CCHC 9 tháng năm 2023");
    assert!(
        warning
            .message_en()
            .contains("names no period of the template")
    );
    assert!(
        warning
            .message_vi()
            .contains("không ghi một kỳ báo cáo của mẫu")
    );
}

#[test]
fn a_metadata_period_unlike_the_title_is_used_with_a_warning_naming_both() {
    let text = "#! period: 2023 year\nBÁO CÁO\nKết quả công tác CCHC Quý III năm 2023\n\nBiểu mẫu 3\nCải cách thủ tục hành chính\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n1.2.\tSố TTHC công bố mới\tThủ tục\t135\t\n";
    let imported = read(text);
    assert_eq!(
        imported.report.meta.period,
        Some(Period::new(2023, Term::Year))
    );
    let warning = imported
        .warnings
        .iter()
        .find(|w| matches!(w.kind, WarningKind::PeriodDiffers { .. }))
        .expect("the warning");
    assert_eq!(
        warning.kind,
        WarningKind::PeriodDiffers {
            title: Period::new(2023, Term::Q3),
            given: Period::new(2023, Term::Year)
        }
    );
    assert_eq!(warning.line, Some(1));
    assert!(
        warning.message_en().contains("the year 2023"),
        "{}",
        warning.message_en()
    );
    assert!(warning.message_en().contains("Q3 2023"));
    assert!(warning.message_vi().contains("quý III năm 2023"));
    // The same period in both: nothing to say.
    let same = text.replace("2023 year", "Q3 2023");
    assert!(read(&same).warnings.iter().all(|w| w.line.is_none()));
}

#[test]
fn a_decomposed_document_reads_as_the_composed_one() {
    use unicode_normalization::UnicodeNormalization;
    let decomposed: String = SOURCE.nfd().collect();
    assert_ne!(decomposed, SOURCE);
    let text = decode_text(decomposed.as_bytes()).expect("decodes");
    let imported = read(&text);
    assert_eq!(imported.report.cells(), sample().cells());
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    // And without decode_text.
    let imported = read(&decomposed);
    assert_eq!(
        imported.report.meta.period,
        Some(Period::new(2023, Term::Q3))
    );
    assert!(imported.warnings.is_empty());
    // A `#!` key and value typed decomposed.
    let meta: String =
        "#! kỳ báo cáo: quý III năm 2023\n#! đơn vị: UBND tỉnh Bắc Giang\n3\t1.4\t1.902\n"
            .nfd()
            .collect();
    let imported = read_tsv(&meta).expect("reads");
    assert_eq!(
        imported.report.meta.period,
        Some(Period::new(2023, Term::Q3))
    );
    assert_eq!(imported.report.meta.body, "UBND tỉnh Bắc Giang");
}

#[test]
fn rows_without_stt_stop_at_the_problem_limit() {
    // 8 MiB of rows no STT or label places: reading stops at the 1,000th
    // problem, line 1,003 (three lines of headings first), which says so.
    let head = "Biểu mẫu 1\nCông tác chỉ đạo điều hành CCHC\nSTT\tChỉ tiêu thống kê\tĐơn vị tính\tSố liệu\tGhi chú\n";
    let mut text = head.to_owned();
    while text.len() + 6 <= cchc_forms::MAX_DOCUMENT_BYTES {
        text.push_str("\tx\t\t5\n");
    }
    let started = std::time::Instant::now();
    let Err(Error::Rows(problems)) = read_printed(&text) else {
        panic!("accepted")
    };
    assert!(started.elapsed().as_secs() < 10);
    assert_eq!(problems.len(), cchc_forms::MAX_PROBLEMS);
    assert_eq!(problems[0].problem, CellProblem::Unplaced);
    assert_eq!(problems[999].problem, CellProblem::ProblemLimit);
    // The first rows are placed by position until they cannot be: the
    // limit falls a few lines past the 1,000th problem's line.
    assert!(problems[999].line > Some(1_003));
    assert!(problems[999].line < Some(1_020));
}

#[test]
fn a_file_of_nul_bytes_is_a_binary_file() {
    let Err(Error::Encoding(error)) = decode_text(&[0; 4096]) else {
        panic!("decoded")
    };
    assert_eq!(error.problem, EncodingProblem::Binary);
    assert_eq!(error.line, 1);
    // The line is said once: in Display, not again in the message.
    assert!(
        !error.message_en().contains("line 1"),
        "{}",
        error.message_en()
    );
    assert_eq!(error.to_string().matches("line 1").count(), 1);
}

#[test]
fn a_code_written_as_a_decimal_is_named_as_not_in_its_legend() {
    // Form 1, STT 6: Có = 1; Không = 0.
    let Err(Error::Rows(problems)) = read_tsv("1\t6\t1,0\n1\t7\t-1\n") else {
        panic!("accepted")
    };
    assert_eq!(problems.len(), 2);
    for problem in &problems {
        assert!(
            matches!(problem.problem, CellProblem::NotInLegend { .. }),
            "{problem:?}"
        );
        assert!(
            !problem.message_en().contains("count"),
            "{}",
            problem.message_en()
        );
        assert!(problem.message_en().contains("code"));
    }
}

#[test]
fn tsv_with_spaces_for_tabs_is_named_as_such() {
    let Err(Error::Rows(problems)) = read_tsv("3 1.4 1.902\n") else {
        panic!("accepted")
    };
    assert_eq!(problems[0].problem, CellProblem::TabsAsSpaces);
}

#[test]
fn a_form_heading_with_a_dash_before_its_title_is_read() {
    // `Biểu mẫu 1 — Công tác …`: the dash is several bytes in UTF-8, so
    // the title after it starts past them (it once panicked there).
    let index = SOURCE
        .lines()
        .position(|line| line == "Biểu mẫu 1")
        .expect("the source's heading of form 1 (its line 313)");
    for dash in ["—", "–", "-", ":"] {
        // The title on the heading's line, then a line that is no title
        // (the body and period a workbook prints under it): the title is
        // the heading's, the next line is not compared with the template's.
        let heading = format!("Biểu mẫu 1 {dash} Công tác chỉ đạo điều hành CCHC");
        let mut lines: Vec<String> = SOURCE.lines().map(str::to_owned).collect();
        assert_eq!(lines[index + 1], "Công tác chỉ đạo điều hành CCHC");
        lines.splice(
            index..=index + 1,
            [heading, "UBND tỉnh Bắc Giang — Quý III năm 2023".to_owned()],
        );
        let imported = read(&lines.join("\n"));
        assert_eq!(imported.report.cells(), sample().cells(), "{dash}");
        let titles: Vec<&ImportWarning> = imported
            .warnings
            .iter()
            .filter(|w| matches!(w.kind, WarningKind::TitleDiffers { .. }))
            .collect();
        assert!(titles.is_empty(), "{dash}: {titles:?}");
    }
    // A title on the heading's line that differs is still warned of.
    let imported = read(&with_line(
        index,
        &["Biểu mẫu 1: Cải cách thể chế".to_owned()],
    ));
    let titles: Vec<&ImportWarning> = imported
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::TitleDiffers { .. }))
        .collect();
    assert_eq!(titles.len(), 1, "{titles:?}");
    assert_eq!(titles[0].form, 1);
}
