//! `validate FILE.docx` and `validate FILE.xlsx`, recognised by their
//! content, with every flag; old binary documents and PDFs refused with
//! what to do.

#![cfg(feature = "office")]

mod command_line;

use std::path::PathBuf;

use cchc_forms::{Report, samples};
use command_line::run;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/office")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// A scratch copy of bytes under a name.
fn scratch(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("cchc-forms-office-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("a scratch file");
    path.to_string_lossy().into_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn a_word_report_gives_the_samples_findings() {
    let output = run(&[&fixture("python_docx.docx")]);
    assert_eq!(output.status.code(), Some(1));
    let table = text(&output.stdout);
    assert!(table.contains("Quý III năm 2023 / Q3 2023"), "{table}");
    assert!(
        table.contains("4 finding(s): 1 error(s), 1 warning(s), 2 note(s)"),
        "{table}"
    );
    assert!(table.contains("báo cáo/reported 1.902"), "{table}");
}

#[test]
fn a_workbook_with_json_and_emit_report() {
    let output = run(&["--json", &fixture("sheet_per_form.xlsx")]);
    assert_eq!(output.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rules: Vec<&str> = findings
        .as_array()
        .expect("an array")
        .iter()
        .map(|f| f["rule"].as_str().expect("a rule"))
        .collect();
    assert_eq!(
        rules,
        [
            "derivable:1/2",
            "derivable:6/1",
            "sum:3/1.4",
            "across:4/1.5==6/2.1"
        ]
    );
    let output = run(&["--emit-report", &fixture("one_sheet.xlsx")]);
    assert_eq!(output.status.code(), Some(0));
    let report = Report::from_json(&text(&output.stdout)).expect("a report");
    assert_eq!(report.cells(), samples::bac_giang_2023_q3().cells());
}

#[test]
fn general_numbers_are_warned_of_on_standard_error_with_json() {
    let output = run(&["--json", &fixture("rows_general.xlsx")]);
    assert_eq!(output.status.code(), Some(1));
    let warnings = text(&output.stderr);
    assert_eq!(warnings.matches("General format").count(), 9, "{warnings}");
    assert!(
        warnings.contains(r#"sheet "Số liệu", cell E47"#),
        "{warnings}"
    );
}

#[test]
fn locate_several_files_and_aggregate() {
    let output = run(&["--locate", &fixture("libreoffice.docx")]);
    assert_eq!(output.status.code(), Some(1));
    // 1.486 + 255 + 155 = 1.896 is what row 3/1.4 should say.
    assert!(
        text(&output.stdout).contains("đề xuất/suggested 1.896"),
        "{}",
        text(&output.stdout)
    );

    let docx = fixture("python_docx.docx");
    let xlsx = fixture("sheet_per_form.xlsx");
    let output = run(&[&docx, &xlsx]);
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    assert!(out.contains(&format!("=== {docx} ===")), "{out}");
    assert!(out.contains(&format!("=== {xlsx} ===")), "{out}");
    assert!(out.contains("Across reports"), "{out}");

    // Two copies of the Q3 2023 report added up: 1.902 + 1.902 = 3.804.
    let output = run(&[
        "--aggregate",
        "--emit-report",
        &docx,
        &fixture("libreoffice.docx"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let total: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(total["form3"]["procedures_local"], serde_json::json!(3804));
}

#[test]
fn documents_are_known_by_their_content_not_their_name() {
    let bytes = std::fs::read(fixture("sheet_per_form.xlsx")).expect("a fixture");
    let renamed = scratch("forms.txt", &bytes);
    let output = run(&["--json", &renamed]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let bytes = std::fs::read(fixture("python_docx.docx")).expect("a fixture");
    let renamed = scratch("report.json", &bytes);
    assert_eq!(run(&[&renamed]).status.code(), Some(1));
}

#[test]
fn old_binary_documents_and_pdfs_are_refused_with_what_to_do() {
    for (name, bytes) in [
        (
            "report.doc",
            &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0"[..],
        ),
        (
            "forms.xls",
            &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0"[..],
        ),
        ("report.pdf", &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..]),
    ] {
        let path = scratch(name, bytes);
        let output = run(&[&path]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let message = text(&output.stderr);
        assert!(message.contains("save it as .docx / .xlsx"), "{message}");
        assert!(message.contains("lưu dưới dạng .docx / .xlsx"), "{message}");
    }
}

#[test]
fn a_rejected_document_names_its_table_row_and_cell() {
    let output = run(&[&fixture("bad_values.docx")]);
    assert_eq!(output.status.code(), Some(2));
    let message = text(&output.stderr);
    assert!(message.contains("rejected: 2 problem(s)"), "{message}");
    assert!(
        message.contains(r#"form 3, STT "3.1.1", text "54,1": table 3, row 19, cell 4: a count must be a whole number"#),
        "{message}"
    );
    assert!(message.contains("bảng 5, hàng 10, ô 4"), "{message}");

    let output = run(&["--json", &fixture("bad_cells.xlsx")]);
    assert_eq!(output.status.code(), Some(2));
    let problems: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(problems[0]["form"], 3);
    assert_eq!(problems[0]["stt"], "3.1.1");
    assert_eq!(problems[0]["text"], "2023-09-30");
    let message = problems[0]["message_en"].as_str().expect("a message");
    assert!(
        message.starts_with(r#"sheet "Biểu mẫu 3", cell D19: the cell holds a date"#),
        "{message}"
    );
}

#[test]
fn the_workbook_written_by_xlsx_reads_back_with_the_samples_findings() {
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/bac_giang_2023_q3_source.txt")
        .to_string_lossy()
        .into_owned();
    let written = run(&["--xlsx", &source]);
    assert!(
        written.stdout.starts_with(b"PK"),
        "{}",
        text(&written.stderr)
    );
    // Named as text: known by its content.
    let path = scratch("annotated.txt", &written.stdout);
    let output = run(&["--json", &path]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rules: Vec<&str> = findings
        .as_array()
        .expect("an array")
        .iter()
        .map(|f| f["rule"].as_str().expect("a rule"))
        .collect();
    assert_eq!(
        rules,
        [
            "derivable:1/2",
            "derivable:6/1",
            "sum:3/1.4",
            "across:4/1.5==6/2.1"
        ]
    );
    let output = run(&["--emit-report", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let report = Report::from_json(&text(&output.stdout)).expect("a report");
    assert_eq!(report.cells(), samples::bac_giang_2023_q3().cells());
}
