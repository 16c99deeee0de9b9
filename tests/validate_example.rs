//! The main job, `cargo run --example validate`, run as a user would: the
//! binary that `cargo test` builds beside the tests, on the embedded sample,
//! on JSON and TSV files, and on rejected input.

mod command_line;

use std::path::PathBuf;
use std::process::{Command, Output};

use command_line::{example, run};

fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cchc-forms-validate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("a scratch file");
    path
}

#[test]
fn the_sample_has_one_error_so_the_exit_code_is_1() {
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(1));
    let table = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        table.contains("1 error(s), 1 warning(s), 2 note(s)"),
        "{table}"
    );
    assert!(table.contains("Biểu mẫu 3"), "{table}");
    assert!(
        table.contains("Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương"),
        "{table}"
    );
    // Numbers the Vietnamese way beside the Vietnamese labels: 1.902
    // reported, 1.486 + 255 + 155 = 1.896 computed; the derived 1/2 is
    // 100 × 40 / 56 = 71,43.
    assert!(table.contains("báo cáo/reported 1.902"), "{table}");
    assert!(table.contains("tính được/computed 1.896"), "{table}");
    assert!(table.contains("tính được/computed 71,43"), "{table}");
}

#[test]
fn json_output_is_an_array_of_findings() {
    let output = run(&["--json"]);
    assert_eq!(output.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rules: Vec<&str> = findings
        .as_array()
        .expect("an array")
        .iter()
        .map(|finding| finding["rule"].as_str().expect("a rule id"))
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
    for finding in findings.as_array().into_iter().flatten() {
        for key in [
            "rule",
            "severity",
            "cells",
            "reported",
            "computed",
            "message_vi",
            "message_en",
        ] {
            assert!(finding.get(key).is_some(), "{key} in {finding}");
        }
    }
}

#[test]
fn emitted_reports_read_back_and_validate_the_same() {
    let emitted = run(&["--emit-report"]);
    assert_eq!(emitted.status.code(), Some(0));
    let text = String::from_utf8(emitted.stdout).expect("UTF-8");
    let report = cchc_forms::Report::from_json(&text).expect("the emitted report reads back");
    assert_eq!(report, cchc_forms::samples::bac_giang_2023_q3());
    let file = scratch("sample.json", &text);
    let output = run(&["--json", file.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn tsv_rows_with_metadata_validate() {
    // 100 × 2.521 / 6.776 = 37,2048 %, printed 37,76: an error.
    let file = scratch(
        "rows.tsv",
        "#! body: UBND tỉnh Thử\n#! period: 2024 half_year\n# form\tstt\tvalue\n3\t3.1.\t37,76\tnote\n3\t3.1.1.\t6.776\n3\t3.1.2.\t2.521\n",
    );
    let output = run(&["--json", file.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(findings[0]["rule"], "ratio:3/3.1");
    assert_eq!(findings[0]["computed"], "37.2048");
    let emitted = run(&["--emit-report", file.to_str().expect("a UTF-8 path")]);
    let report: serde_json::Value = serde_json::from_slice(&emitted.stdout).expect("JSON");
    assert_eq!(report["meta"]["body"], "UBND tỉnh Thử");
    assert_eq!(
        report["meta"]["period"],
        serde_json::json!({"year": 2024, "term": "half_year"})
    );
}

#[test]
fn rejected_input_exits_2_and_names_every_bad_cell() {
    let file = scratch("bad.tsv", "3\t3.1.1\t54,106\n1\t6\t3\n2\t9.9\t1\nx\t1\t2\n");
    let output = run(&[file.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(
        errors.contains(r#"line 4, STT "1", text "x\t1\t2": there is no form with this number"#),
        "{errors}"
    );
    let file = scratch("bad2.tsv", "3\t3.1.1\t54,106\n1\t6\t3\n2\t9.9\t1\n");
    let errors =
        String::from_utf8(run(&[file.to_str().expect("a UTF-8 path")]).stderr).expect("UTF-8");
    assert!(errors.contains("rejected: 3 problem(s)"), "{errors}");
    // 54,106 is 54.106 written the English way.
    assert!(
        errors.contains(r#"line 1, form 3, STT "3.1.1", text "54,106": `,` between thousands is the English way"#),
        "{errors}"
    );
    assert!(errors.contains("did you mean 54.106?"), "{errors}");
    assert!(errors.contains("có phải là 54.106?"), "{errors}");
    assert!(
        errors.contains(r#"line 2, form 1, STT "6", text "3": not a code of the legend"#),
        "{errors}"
    );
    assert!(
        errors
            .contains(r#"line 3, form 2, STT "9.9", text "1": this form has no row with this STT"#),
        "{errors}"
    );
    assert!(
        errors.contains("biểu mẫu này không có dòng có STT này"),
        "{errors}"
    );

    let file = scratch("bad.json", r#"{"meta": 1}"#);
    let output = run(&[file.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(errors.contains("missing field `form1`"), "{errors}");

    let output = run(&["missing-file.json"]);
    assert_eq!(output.status.code(), Some(2));
    let output = run(&["report.xlsx"]);
    assert_eq!(output.status.code(), Some(2));
}

/// Runs the example with `input` on standard input.
fn run_with_stdin(arguments: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(example())
        .args(arguments)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the example runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("written");
    child.wait_with_output().expect("the example ends")
}

fn finding_rules(output: &Output) -> Vec<String> {
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let mut rules: Vec<String> = findings
        .as_array()
        .expect("an array")
        .iter()
        .map(|finding| finding["rule"].as_str().expect("a rule").to_owned())
        .collect();
    rules.sort();
    rules
}

const SOURCE: &str = "tests/data/bac_giang_2023_q3_source.txt";
const FOUR: [&str; 4] = [
    "across:4/1.5==6/2.1",
    "derivable:1/2",
    "derivable:6/1",
    "sum:3/1.4",
];

#[test]
fn the_source_document_gives_the_samples_four_findings() {
    let output = run(&["--json", SOURCE]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(finding_rules(&output), FOUR);
    // Nothing read with a warning.
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let table = String::from_utf8(run(&[SOURCE]).stdout).expect("UTF-8");
    assert!(table.contains("Q3 2023"), "{table}");
    assert!(table.contains("body: not given"), "{table}");
    assert!(
        table.contains("1 error(s), 1 warning(s), 2 note(s)"),
        "{table}"
    );
}

#[test]
fn the_source_as_excel_and_word_save_it_through_standard_input() {
    let source = std::fs::read_to_string(SOURCE).expect("the source");
    let crlf = source.replace('\n', "\r\n");
    let little_endian: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(crlf.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big_endian: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(source.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bom = [b"\xEF\xBB\xBF".as_slice(), crlf.as_bytes()].concat();
    for bytes in [little_endian, big_endian, bom] {
        let output = run_with_stdin(&["--json", "-"], &bytes);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(finding_rules(&output), FOUR);
    }
    // Windows-1258 is refused with where and what to do: "3\t1.4\tTh" is 8 bytes.
    let output = run_with_stdin(&["-"], b"1\t1\t50\n3\t1.4\tTh\xf2\n");
    assert_eq!(output.status.code(), Some(2));
    let errors = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(errors.contains("line 2: byte 9 of the line"), "{errors}");
    assert!(errors.contains("save the file as UTF-8"), "{errors}");
    assert!(errors.contains("hãy lưu tệp dưới dạng UTF-8"), "{errors}");
}

#[test]
fn the_command_line_is_checked() {
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: validate"));
    let unknown = run(&["--jsn", SOURCE]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("unknown option \"--jsn\""));
    let both = run(&["--emit-report", "--locate", SOURCE]);
    assert_eq!(both.status.code(), Some(2));
    assert!(both.stdout.is_empty());
    let errors = String::from_utf8_lossy(&both.stderr);
    assert!(errors.contains("cannot be used together"), "{errors}");
    assert!(
        errors.contains("không dùng --locate cùng --emit-report"),
        "{errors}"
    );
    // With --json, a wrong command line is a JSON array of one problem.
    let both = run(&["--json", "--emit-report", SOURCE]);
    assert_eq!(both.status.code(), Some(2));
    let problems: serde_json::Value = serde_json::from_slice(&both.stdout).expect("JSON");
    assert_eq!(problems.as_array().map(Vec::len), Some(1));
    assert!(
        problems[0]["message_en"]
            .as_str()
            .is_some_and(|m| m.contains("cannot be used together")),
        "{problems}"
    );
    assert!(
        problems[0]["message_vi"]
            .as_str()
            .is_some_and(|m| m.contains("không dùng --json cùng --emit-report")),
        "{problems}"
    );
}

#[test]
fn json_rejections_are_a_json_array_of_problems() {
    let output = run_with_stdin(
        &["--json", "-"],
        b"#! period: 2023 Q2\n3\t1.4\t-\n3\t1.4\t\t1.902\n",
    );
    assert_eq!(output.status.code(), Some(2));
    let problems: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let problems = problems.as_array().expect("an array");
    assert_eq!(problems.len(), 3);
    assert_eq!(
        problems[1],
        serde_json::json!({
            "form": 3,
            "stt": "1.4",
            "line": 2,
            "text": "-",
            "message_vi": "để trống ô nếu không có số liệu",
            "message_en": "leave the cell empty for no data",
        })
    );
    assert_eq!(problems[0]["line"], 1);
    assert_eq!(problems[0]["form"], serde_json::Value::Null);
    assert_eq!(problems[2]["text"], "1.902");
    // A second form3 in JSON: refused, not silently taken.
    let json = String::from_utf8(run(&["--emit-report"]).stdout).expect("UTF-8");
    let twice = format!(
        "{},\"form3\":{{}}}}",
        json.trim_end().strip_suffix('}').expect("an object")
    );
    let output = run_with_stdin(&["--json", "-"], twice.as_bytes());
    assert_eq!(output.status.code(), Some(2));
    let problems: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(problems[0]["form"], 3);
    assert!(
        problems[0]["message_en"]
            .as_str()
            .is_some_and(|m| m.contains("appears twice"))
    );
}

#[test]
fn missing_metadata_is_not_invented_and_empty_files_are_refused() {
    let file = scratch("no-meta.tsv", "3\t1.4\t1.902\n");
    let output = run(&[file.to_str().expect("a UTF-8 path")]);
    let table = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(table.contains("period: not given"), "{table}");
    assert!(!table.contains("Q1"), "{table}");
    let emitted = run(&["--emit-report", file.to_str().expect("a UTF-8 path")]);
    let report: serde_json::Value = serde_json::from_slice(&emitted.stdout).expect("JSON");
    assert_eq!(report["meta"].get("period"), None);
    assert_eq!(report["meta"].get("level"), None);
    for (name, text) in [("empty.tsv", ""), ("comments.tsv", "# nothing\n")] {
        let file = scratch(name, text);
        let output = run(&[file.to_str().expect("a UTF-8 path")]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let errors = String::from_utf8(output.stderr).expect("UTF-8");
        assert!(errors.contains("no figures found"), "{errors}");
        assert!(errors.contains("không tìm thấy số liệu nào"), "{errors}");
    }
}

#[test]
fn locate_names_the_four_cells_and_their_values() {
    // The sample's one error: 1.486 + 255 + 155 = 1.896 ≠ 1.902. Changing
    // any one of the four cells repairs it: 1.4 = 1.896, or 1.4.1 = 1.902 −
    // 255 − 155 = 1.492, or 1.4.2 = 1.902 − 1.486 − 155 = 261, or 1.4.3 =
    // 1.902 − 1.486 − 255 = 161.
    let output = run(&["--locate"]);
    assert_eq!(output.status.code(), Some(1));
    let table = String::from_utf8(output.stdout).expect("UTF-8");
    // Four sets of one cell: change one of them.
    assert!(
        table.contains("Change ONE of these sets of cells (most likely first): 4\n"),
        "{table}"
    );
    for (set, (stt, reported, suggested)) in [
        ("1.4 ", "1.902", "1.896"),
        ("1.4.1", "1.486", "1.492"),
        ("1.4.2", "255", "261"),
        ("1.4.3", "155", "161"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut lines = table
            .lines()
            .skip_while(|line| *line != format!("  Bộ/Set {}:", set + 1))
            .skip(1);
        let cell = lines
            .next()
            .unwrap_or_else(|| panic!("no set {set}:\n{table}"));
        assert!(cell.starts_with(&format!("    3/{stt}")), "{cell}");
        let line = lines.next().unwrap_or_default();
        assert!(
            line.contains(&format!("báo cáo/reported {reported} "))
                && line.contains(&format!("đề xuất/suggested {suggested} ")),
            "{line}"
        );
    }

    let output = run(&["--json", "--locate"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(4));
    let sets = json["locate"]["sets"].as_array().expect("sets");
    let cells: Vec<String> = sets
        .iter()
        .map(|set| {
            format!(
                "{}/{}",
                set[0]["form"],
                set[0]["stt"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(cells, ["3/1.4", "3/1.4.1", "3/1.4.2", "3/1.4.3"]);
    let suggested: Vec<&str> = json["locate"]["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .filter_map(|s| s["suggested"].as_str())
        .collect();
    assert_eq!(suggested, ["1896", "1492", "261", "161"]);

    // --locate prints findings, --emit-report a report: not both.
    assert_eq!(run(&["--locate", "--emit-report"]).status.code(), Some(2));
}

#[test]
fn a_count_is_never_suggested_a_decimal() {
    // `1.48` in a count (3/3.1.1): not three digits after the dot, and read
    // the English way 1,48, no whole count: no value is suggested. In a
    // rate (3/3.1) the English reading 1,48 is a value it can hold.
    for (row, whole) in [
        ("3\t3.1.1\t1.48\n", true),
        ("3\t3.1.1\t1,234.5\n", true),
        ("3\t3.1\t1.48\n", false),
    ] {
        let output = run_with_stdin(&["-"], row.as_bytes());
        assert_eq!(output.status.code(), Some(2));
        let errors = String::from_utf8(output.stderr).expect("UTF-8");
        if whole {
            assert!(
                errors.contains("a count must be a whole number"),
                "{errors}"
            );
            assert!(errors.contains("số lượng phải là số nguyên"), "{errors}");
            assert!(!errors.contains("did you mean"), "{errors}");
        } else {
            assert!(errors.contains("did you mean 1,48?"), "{errors}");
        }
    }
    // A whole count written the English way is still suggested its
    // Vietnamese spelling.
    let output = run_with_stdin(&["-"], b"3\t3.1.1\t54,106\n");
    let errors = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(errors.contains("did you mean 54.106?"), "{errors}");
}
