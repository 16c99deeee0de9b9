//! The main job, `cargo run --example validate`, run as a user would: the
//! binary that `cargo test` builds beside the tests, on the embedded sample,
//! on JSON and TSV files, and on rejected input.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The `validate` example built by `cargo test` (target/<profile>/examples).
fn example() -> PathBuf {
    let test_binary = std::env::current_exe().expect("the test binary's path");
    let profile_dir = test_binary
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps");
    let mut path = profile_dir.join("examples").join("validate");
    if cfg!(windows) {
        path.set_extension("exe");
    }
    assert!(path.exists(), "{} is built by `cargo test`", path.display());
    path
}

fn run(arguments: &[&str]) -> Output {
    Command::new(example())
        .args(arguments)
        .output()
        .expect("the example runs")
}

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
