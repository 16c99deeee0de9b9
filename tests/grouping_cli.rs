//! The command line on several reports and totals, at the edges where a
//! set of files meets the grouping: one body however its name is typed,
//! no body is no body, two versions of a period named with both files in
//! either order, a report alone or set aside saying why; totals counting
//! each body and file once and saying what they could not add; usage
//! errors; endless input refused in bounded memory; control characters
//! escaped in every output.

mod command_line;

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use command_line::{example, run};

use cchc_forms::catalogue::CellId;
use cchc_forms::unit::Printed;
use cchc_forms::{Period, Report, Term, samples};

fn scratch(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cchc-forms-grouping-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("a scratch file");
    path.to_string_lossy().into_owned()
}

fn json_file(name: &str, report: &Report) -> String {
    scratch(name, &serde_json::to_string(report).unwrap())
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "{error}: {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn with_body(body: &str) -> Report {
    let mut report = samples::bac_giang_2023_q3();
    body.clone_into(&mut report.meta.body);
    report
}

/// The year report with 50.000 dossiers resolved by departments (3/3.1.1),
/// fewer than Q3's 54.106: `period:flow:3/3.1.1` when both are one body's.
fn year_below_q3(body: &str) -> Report {
    let mut report = with_body(body);
    report.meta.period = Some(Period::new(2023, Term::Year));
    report
        .set_cell(CellId::of(3, "3.1.1"), Some(Printed::whole(50_000)))
        .unwrap();
    report
}

/// Findings across reports as `schemas/cross_findings.schema.json`
/// describes them.
fn assert_cross_findings(value: &serde_json::Value) {
    let schema = cchc_forms::schema::cross_findings_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(value), "{value:#}");
}

fn across_rules(value: &serde_json::Value) -> Vec<String> {
    value["across"]
        .as_array()
        .expect("across")
        .iter()
        .map(|f| f["rule"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_body_typed_otherwise_in_another_file_is_the_same_body() {
    // The year as rows with `#!` metadata, its body in capitals; Q3 as JSON,
    // its body decomposed (ắ = a + U+0306 + U+0301).
    let q3 = json_file(
        "nfd-q3.json",
        &with_body("UBND tỉnh Ba\u{306}\u{301}c Giang"),
    );
    let rows = format!(
        "#! body: UBND TỈNH BẮC GIANG\n#! period: năm 2023\n{}",
        samples::BAC_GIANG_2023_Q3_TSV
            .lines()
            .filter(|line| !line.starts_with("#!"))
            .map(|line| line.replace("3\t3.1.1.\t54.106", "3\t3.1.1.\t50.000"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let read = cchc_forms::rows::read_tsv(&rows).unwrap().report;
    assert_eq!(read.cells(), year_below_q3("x").cells());
    assert_eq!(read.meta.period, Some(Period::new(2023, Term::Year)));
    let year = scratch("upper-year.tsv", &rows);
    for arguments in [[q3.as_str(), year.as_str()], [year.as_str(), q3.as_str()]] {
        let output = run(&[&["--json"][..], &arguments[..]].concat());
        assert_eq!(output.status.code(), Some(1));
        let value = json(&output);
        assert!(
            across_rules(&value).contains(&"period:flow:3/3.1.1".to_owned()),
            "{value:#}"
        );
        assert_eq!(value["unplaced"], serde_json::json!([]));
        assert_eq!(value["alone"], serde_json::json!([]));
    }
}

#[test]
fn reports_without_a_body_are_set_aside_and_say_so() {
    // Two documents with no body, of the same period, different figures:
    // neither one body's two versions nor a series.
    let a = json_file("nobody-a.json", &with_body(""));
    let b = json_file("nobody-b.json", &year_below_q3(""));
    let output = run(&["--json", &a, &b]);
    let value = json(&output);
    assert_eq!(value["across"], serde_json::json!([]));
    let unplaced = value["unplaced"].as_array().unwrap();
    assert_eq!(unplaced.len(), 2);
    for (entry, file) in unplaced.iter().zip([&a, &b]) {
        assert_eq!(entry["reason"]["kind"], "no_body");
        assert_eq!(entry["file"], file.as_str());
        assert!(entry["message_en"].as_str().unwrap().ends_with(
            "gives no body, so it cannot be matched with any other report: no check across reports"
        ));
    }
    // The table says it too, naming the file.
    let output = run(&[&a, &b]);
    let table = text(&output.stdout);
    assert!(
        table.contains(&format!(
            "  NOT PLACED {b} (đơn vị báo cáo: không ghi / body: not given)"
        )),
        "{table}"
    );
    assert!(
        table.contains("không ghi đơn vị báo cáo nên không ghép được"),
        "{table}"
    );
}

#[test]
fn a_report_alone_says_so() {
    let a = json_file("alone-a.json", &with_body("UBND tỉnh Bắc Giang"));
    let b = json_file("alone-b.json", &year_below_q3("UBND tỉnh Lạng Sơn"));
    let value = json(&run(&["--json", &a, &b]));
    let alone = value["alone"].as_array().unwrap();
    assert_eq!(alone.len(), 2);
    assert_eq!(alone[1]["file"], b.as_str());
    assert_eq!(
        alone[1]["period"],
        serde_json::json!({"year": 2023, "term": "year"})
    );
    assert_eq!(
        alone[1]["message_en"],
        "report 2 (year 2023) is the only report of its body: there is no other report to compare it with"
    );
    let table = text(&run(&[&a, &b]).stdout);
    assert!(
        table.contains(&format!("  ALONE   {b} (UBND tỉnh Lạng Sơn)")),
        "{table}"
    );
}

#[test]
fn two_versions_of_a_period_name_both_files_whatever_the_order() {
    // The sample, and the same body's Q3 with 3/1.4 = 1.896: which is
    // right cannot be told; the year report (below Q3 in 3/3.1.1) is then
    // compared with neither.
    let first = json_file("v-first.json", &with_body("UBND tỉnh Bắc Giang"));
    let mut other = with_body("Ubnd tỉnh Bắc Giang");
    other
        .set_cell(CellId::of(3, "1.4"), Some(Printed::whole(1_896)))
        .unwrap();
    let second = json_file("v-second.json", &other);
    let year = json_file("v-year.json", &year_below_q3("UBND tỉnh Bắc Giang"));
    for order in [[&first, &second, &year], [&second, &first, &year]] {
        let arguments: Vec<&str> = order.iter().map(|s| s.as_str()).collect();
        let output = run(&[&["--json"][..], &arguments[..]].concat());
        assert_eq!(output.status.code(), Some(1));
        let value = json(&output);
        assert_eq!(across_rules(&value), ["period:versions"], "{value:#}");
        let found = &value["across"][0];
        assert_eq!(found["severity"], "error");
        assert!(
            found["message_en"].as_str().unwrap().ends_with(&format!(
                "neither is used in the checks across reports. (files: {}, {})",
                arguments[0], arguments[1]
            )),
            "{found:#}"
        );
        assert!(
            found["message_vi"]
                .as_str()
                .unwrap()
                .ends_with(&format!("(tệp: {}, {})", arguments[0], arguments[1])),
            "{found:#}"
        );
        // Findings as the schema describes them.
        assert_cross_findings(&value["across"]);
        let cells: Vec<(String, u64)> = found["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    format!("{}/{}", c["form"], c["stt"].as_str().unwrap()),
                    c["member"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(cells, [("3/1.4".to_owned(), 0), ("3/1.4".to_owned(), 1)]);
        let unplaced = value["unplaced"].as_array().unwrap();
        assert_eq!(unplaced.len(), 2);
        assert_eq!(unplaced[0]["other_file"], arguments[1]);
        assert_eq!(unplaced[1]["other_file"], arguments[0]);
        // The table names both files beside the cells.
        let output = run(&arguments);
        assert_eq!(output.status.code(), Some(1));
        let table = text(&output.stdout);
        assert!(
            table.contains(&format!("3/1.4 (Q3 2023, UBND tỉnh Bắc Giang, {first})"))
                || table.contains(&format!("3/1.4 (Q3 2023, Ubnd tỉnh Bắc Giang, {first})")),
            "{table}"
        );
        assert!(table.contains(&format!("{second})")), "{table}");
        assert!(
            table.contains(&format!(
                "  NOT PLACED {} ({}) — với/with {}\n",
                arguments[1],
                if arguments[1] == first {
                    "UBND tỉnh Bắc Giang"
                } else {
                    "Ubnd tỉnh Bắc Giang"
                },
                arguments[0]
            )),
            "{table}"
        );
        assert!(table.contains("rule period:versions"), "{table}");
    }
    // The same figures twice (the body typed otherwise): one report used,
    // nothing found across them but the year's flow.
    let again = json_file("v-again.json", &with_body("UBND TỈNH BẮC GIANG"));
    let value = json(&run(&["--json", &first, &again, &year]));
    assert_eq!(across_rules(&value), ["period:flow:3/3.1.1"]);
    assert_eq!(value["unplaced"][0]["reason"]["kind"], "same_period_as");
    assert_eq!(value["unplaced"][0]["other_file"], first.as_str());
}

/// Three provinces' Q3 reports (the sample under three bodies).
fn provinces() -> Vec<String> {
    [
        "UBND tỉnh Bắc Giang",
        "UBND tỉnh Lạng Sơn",
        "UBND tỉnh Bắc Ninh",
    ]
    .iter()
    .enumerate()
    .map(|(i, body)| json_file(&format!("agg-{i}.json"), &with_body(body)))
    .collect()
}

#[test]
fn a_total_counts_each_body_and_file_once() {
    let paths = provinces();
    // The same file twice.
    let output = run(&["--aggregate", &paths[0], &paths[1], &paths[0]]);
    assert_eq!(output.status.code(), Some(2));
    let errors = text(&output.stderr);
    assert!(
        errors.contains(&format!(
            "the file {} is given twice (reports 1 and 3): a report is counted once in a total",
            paths[0]
        )),
        "{errors}"
    );
    assert!(errors.contains("được ghi hai lần"), "{errors}");
    // The same body in another file, typed in capitals.
    let again = json_file("agg-again.json", &with_body("UBND TỈNH LẠNG SƠN"));
    let output = run(&["--aggregate", "--json", &paths[0], &paths[1], &again]);
    assert_eq!(output.status.code(), Some(2));
    let problems = json(&output);
    assert_eq!(problems.as_array().map(Vec::len), Some(1));
    assert_eq!(
        problems[0]["message_en"],
        format!(
            "{again}: report 3 (UBND TỈNH LẠNG SƠN) is of the same body as report 2: a body is counted once in a total"
        )
    );
    // A member without a period.
    let mut undated = with_body("UBND tỉnh Cao Bằng");
    undated.meta.period = None;
    let undated = json_file("agg-undated.json", &undated);
    let output = run(&["--aggregate", "--emit-report", &paths[0], &undated]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let errors = text(&output.stderr);
    assert!(
        errors.contains("report 2 (UBND tỉnh Cao Bằng) gives no period"),
        "{errors}"
    );
    // No FILE: a usage error, in both languages.
    let output = run(&["--aggregate"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = text(&output.stderr);
    assert!(errors.contains("give at least one FILE"), "{errors}");
    assert!(errors.contains("hãy ghi ít nhất một FILE"), "{errors}");
    let output = run(&["--aggregate", "--json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        json(&output)[0]["message_en"]
            .as_str()
            .unwrap()
            .contains("--aggregate adds up the reports given")
    );
}

#[test]
fn a_total_says_what_it_could_not_add() {
    // Form 2 row 1.3 left blank by the second province only: blank in the
    // total, a warning naming it, its file and its cell.
    let mut paths = provinces();
    let mut blank = with_body("UBND tỉnh Lạng Sơn");
    blank.set_cell(CellId::of(2, "1.3"), None).unwrap();
    paths[1] = json_file("agg-blank.json", &blank);
    let output = run(&[
        &["--aggregate", "--json"][..],
        &paths.iter().map(String::as_str).collect::<Vec<_>>()[..],
    ]
    .concat());
    let findings = json(&output);
    let gap = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "aggregate:blank:2/1.3")
        .unwrap_or_else(|| panic!("{findings:#}"));
    assert_eq!(gap["severity"], "warning");
    assert_eq!(
        gap["message_en"],
        format!(
            "Form 2 row 1.3 is blank in the total of 3 reports: 1 of them left it blank (report 2 (UBND tỉnh Lạng Sơn)), and a blank is not zero, so the 2 that gave it cannot be added up alone. (files: {})",
            paths[1]
        )
    );
    assert_cross_findings(&findings);
    // The codes' distribution: a survey held (1/6 = 1) by all three.
    let survey = findings
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "aggregate:distribution:1/6")
        .unwrap_or_else(|| panic!("{findings:#}"));
    assert_eq!(
        survey["message_en"],
        "Form 1 row 6, codes are not added up: 3 reports gave 1 (yes)."
    );
    // In the table, and beside --emit-report on standard error.
    let arguments: Vec<&str> = paths.iter().map(String::as_str).collect();
    let table = text(&run(&[&["--aggregate"][..], &arguments[..]].concat()).stdout);
    assert!(table.contains("rule aggregate:blank:2/1.3"), "{table}");
    assert!(
        table.contains(&format!(
            "2/1.3 (Q3 2023, UBND tỉnh Lạng Sơn, {})",
            paths[1]
        )),
        "{table}"
    );
    let output = run(&[&["--aggregate", "--emit-report"][..], &arguments[..]].concat());
    assert_eq!(output.status.code(), Some(0));
    let emitted = json(&output);
    assert_eq!(
        emitted["form2"]["regulations_issued_commune"],
        serde_json::Value::Null
    );
    assert_eq!(emitted["form2"]["regulations_issued"], 3 * 37);
    let errors = text(&output.stderr);
    assert!(errors.contains("rule aggregate:blank:2/1.3"), "{errors}");
    assert!(
        errors.contains("rule aggregate:distribution:1/6"),
        "{errors}"
    );
}

/// The example run under a 100 MB address-space limit, `shell` feeding it.
#[cfg(target_os = "linux")]
fn run_limited(shell: &str) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v 102400; {shell}"))
        .env("VALIDATE", example())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("sh runs")
}

#[cfg(target_os = "linux")]
#[test]
fn endless_input_is_refused_within_a_hundred_megabytes() {
    let refusal = "is longer than 8388608 bytes, the most this tool reads";
    for (shell, what) in [
        (r#"yes | "$VALIDATE" -"#, "standard input"),
        (r#"cat /dev/zero | "$VALIDATE" --json -"#, "standard input"),
        (r#""$VALIDATE" /dev/zero"#, "/dev/zero"),
        (
            r#""$VALIDATE" --aggregate /dev/zero /dev/zero"#,
            "/dev/zero",
        ),
    ] {
        let output = run_limited(shell);
        assert_eq!(output.status.code(), Some(2), "{shell}: {output:?}");
        let all = format!("{}{}", text(&output.stdout), text(&output.stderr));
        assert!(all.contains(&format!("{what} {refusal}")), "{shell}: {all}");
        assert!(all.contains("dài hơn 8388608 byte"), "{shell}: {all}");
    }
    // At the limit exactly, read (and refused for what it holds, not its size).
    let mut child = Command::new(example())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&vec![b'#'; cchc_forms::MAX_DOCUMENT_BYTES]);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        !text(&output.stderr).contains(refusal),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn control_characters_are_escaped_in_every_output() {
    // A body with a right-to-left override, a bell and a line end.
    let body = "UBND tỉnh\u{202e} Bắc\u{7} Giang\nX";
    let path = json_file("control.json", &with_body(body));
    let table = text(&run(&[&path]).stdout);
    assert!(
        table.starts_with("UBND tỉnh\\u{202e} Bắc\\u{7} Giang\\nX — "),
        "{table}"
    );
    assert!(!table.contains('\u{202e}') && !table.contains('\u{7}'));
    // JSON: escaped as JSON, read back as the same body.
    let other = json_file("control-year.json", &year_below_q3(body));
    let output = run(&["--json", &path, &other]);
    let raw = text(&output.stdout);
    assert!(!raw.contains('\u{202e}') && !raw.contains('\u{7}'), "{raw}");
    assert!(raw.contains("\\u202e"), "{raw}");
    assert_eq!(json(&output)["reports"][0]["body"], body);
    // A `#!` key with an escape character, echoed in a rejection.
    let output = Command::new(example())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"#! bo\x1b[2Jdy: x\n3\t1.4\t1.902\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let errors = text(&output.stderr);
    assert!(!errors.contains('\u{1b}'), "{errors:?}");
    assert!(errors.contains("bo\\u{1b}[2Jdy"), "{errors}");
}

#[test]
fn usage_errors_are_bilingual_and_json_with_json() {
    let output = run(&["--jsn"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = text(&output.stderr);
    assert!(
        errors.contains("usage error: unknown option \"--jsn\""),
        "{errors}"
    );
    assert!(
        errors.contains("lỗi dòng lệnh: không có tùy chọn \"--jsn\""),
        "{errors}"
    );
    assert!(errors.contains("usage: validate"), "{errors}");
    let output = run(&["--json", "--jsn"]);
    assert_eq!(output.status.code(), Some(2));
    let problems = json(&output);
    assert_eq!(
        problems,
        serde_json::json!([{
            "form": null, "stt": null, "line": null, "text": "",
            "message_vi": "không có tùy chọn \"--jsn\" (xem --help)",
            "message_en": "unknown option \"--jsn\" (see --help)",
        }])
    );
    // Two standard inputs, with --json.
    let output = run(&["--json", "-", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        json(&output)[0]["message_en"],
        "standard input (-) can be read only once"
    );
}
