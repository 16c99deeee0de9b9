//! `validate --html` and `validate --xlsx`, run as a user would.

mod command_line;

use std::path::PathBuf;
#[cfg(feature = "office")]
use std::process::{Command, Stdio};

use cchc_forms::{Period, Term, samples};
#[cfg(feature = "office")]
use command_line::example;
use command_line::run;

fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cchc-forms-render-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("a scratch file");
    path
}

/// The rows a page flags: `form/stt=severity`, in page order.
fn flagged(page: &str) -> Vec<String> {
    page.split("<tr data-form=\"")
        .skip(1)
        .filter_map(|piece| {
            let tag = &piece[..piece.find('>')?];
            let form = &tag[..tag.find('"')?];
            let stt_at = tag.find("data-stt=\"")? + 10;
            let stt = &tag[stt_at..stt_at + tag[stt_at..].find('"')?];
            let severity_at = tag.find("data-severity=\"")? + 15;
            let severity = &tag[severity_at..severity_at + tag[severity_at..].find('"')?];
            Some(format!("{form}/{stt}={severity}"))
        })
        .collect()
}

#[test]
fn html_prints_the_sample_page_with_its_four_rows_flagged() {
    let output = run(&["--html"]);
    // The sample has an error (1.486 + 255 + 155 ≠ 1.902): exit code 1.
    assert_eq!(output.status.code(), Some(1));
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        flagged(&page),
        ["1/2=info", "3/1.4=error", "4/1.5=warning", "6/1=info"]
    );
    assert!(page.contains("Biểu 3: mục 1.4 = 1.902 nhưng"));
    assert!(!page.contains("Form 3: row 1.4 = 1902"));
}

#[test]
fn html_with_locate_shows_the_suggested_values() {
    let output = run(&["--html", "--locate"]);
    assert_eq!(output.status.code(), Some(1));
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    // 1.902 → 1.896, or one of its levels 6 higher.
    for suggested in ["→ 1.896", "→ 1.492", "→ 261", "→ 161"] {
        assert!(page.contains(suggested), "{suggested}");
    }
}

#[test]
fn lang_chooses_the_language_of_the_messages() {
    let page = String::from_utf8(run(&["--html", "--lang", "en"]).stdout).expect("UTF-8");
    assert!(page.contains("Form 3: row 1.4 = 1902 but"));
    assert!(!page.contains("Biểu 3: mục 1.4 = 1.902 nhưng"));
    let page = String::from_utf8(run(&["--html", "--lang", "both"]).stdout).expect("UTF-8");
    assert!(page.contains("Form 3: row 1.4 = 1902 but"));
    assert!(page.contains("Biểu 3: mục 1.4 = 1.902 nhưng"));
    let output = run(&["--html", "--lang", "fr"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--lang takes vi, en or both"));
}

#[test]
fn html_and_xlsx_refuse_other_outputs() {
    for arguments in [
        &["--html", "--json"][..],
        &["--xlsx", "--emit-report"],
        &["--html", "--xlsx"],
    ] {
        let output = run(arguments);
        assert_eq!(output.status.code(), Some(2), "{arguments:?}");
        if arguments.contains(&"--json") {
            // With --json, a wrong command line is a JSON array of one problem.
            let problems: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
            assert_eq!(problems.as_array().map(Vec::len), Some(1), "{arguments:?}");
        } else {
            assert!(output.stdout.is_empty(), "{arguments:?}");
        }
    }
}

#[test]
fn hostile_text_in_a_file_is_shown_as_text() {
    let rows = "#! body: <script>alert(1)</script>\"><img src=x onerror=alert(2)>\n\
                #! period: 2023 Q3\n\
                3\t1.4\t1.902\n3\t1.4.1\t1.486\n3\t1.4.2\t255\n3\t1.4.3\t155\n";
    let file = scratch("hostile.tsv", rows);
    let output = run(&["--html", file.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(!page.contains("<script") && !page.contains("<img"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x"));
    assert_eq!(flagged(&page), ["3/1.4=error"]);
}

#[test]
fn a_rejected_input_is_rejected_as_without_html() {
    let file = scratch("bad.tsv", "3\t1.4\tmany\n");
    let output = run(&["--html", file.to_str().expect("a UTF-8 path")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
}

/// The sample as JSON of `period`, in a scratch file.
fn sample_of(name: &str, period: Period, change: impl FnOnce(&mut cchc_forms::Report)) -> PathBuf {
    let mut report = samples::bac_giang_2023_q3();
    report.meta.period = Some(period);
    change(&mut report);
    scratch(name, &serde_json::to_string(&report).expect("JSON"))
}

#[test]
fn several_files_stand_side_by_side_and_aggregate_names_members() {
    let q1 = sample_of("q1.json", Period::new(2023, Term::Q1), |_| {});
    let half = sample_of("half.json", Period::new(2023, Term::HalfYear), |report| {
        // One dossier fewer resolved in the half-year than in Q1.
        report.form3.resolved_departments = report
            .form3
            .resolved_departments
            .map(|c| cchc_forms::unit::Count::new(c.get() - 1));
    });
    let files = [
        q1.to_str().expect("a UTF-8 path"),
        half.to_str().expect("a UTF-8 path"),
    ];
    let output = run(&["--html", files[0], files[1]]);
    assert_eq!(output.status.code(), Some(1));
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(page.contains("period:flow:3/3.1.1"));
    assert!(page.contains(r#"id="c-0-0-3-3.1.1" data-period="2023-q1" data-cell-severity="#));
    assert!(
        page.contains(r#"id="c-0-1-3-3.1.1" data-period="2023-half_year" data-cell-severity="#)
    );

    let q3 = sample_of("q3.json", Period::new(2023, Term::Q3), |_| {});
    let other = sample_of("q3-other.json", Period::new(2023, Term::Q3), |report| {
        report.meta.body = "UBND tỉnh Khác".to_owned();
    });
    let output = run(&[
        "--html",
        "--aggregate",
        q3.to_str().expect("a UTF-8 path"),
        other.to_str().expect("a UTF-8 path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let page = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(page.contains("<ol class=\"members\">"));
    assert!(page.contains("UBND tỉnh Khác"));
    assert!(page.contains(r#"<tr data-form="3" data-stt="1.4" data-severity="error""#));
    assert!(page.contains("<a href=\"#member-0\">1</a> <a href=\"#member-1\">2</a>"));
}

#[cfg(feature = "office")]
#[test]
fn xlsx_writes_a_workbook_to_a_pipe() {
    let output = Command::new(example())
        .args(["--xlsx", "--locate"])
        .stdin(Stdio::null())
        .output()
        .expect("the example runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(&output.stdout[..4], b"PK\x03\x04");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(output.stdout)).expect("a zip archive");
    let mut workbook = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("xl/workbook.xml")
            .expect("the workbook part"),
        &mut workbook,
    )
    .expect("UTF-8");
    for sheet in 1..=7 {
        assert!(workbook.contains(&format!("<sheet name=\"Biểu {sheet}\"")));
    }
    assert!(workbook.contains("<sheet name=\"Phát hiện\""));
}

/// Where `script` (util-linux) can give the example a terminal, `--xlsx`
/// refuses to write a workbook's bytes to it.
#[cfg(feature = "office")]
#[test]
fn xlsx_refuses_a_terminal() {
    let command = format!("{} --xlsx", example().display());
    let Ok(output) = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
    else {
        eprintln!("no `script` to run the example on a terminal: not checked");
        return;
    };
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        shown.contains("redirect standard output to a file"),
        "{shown}"
    );
    assert!(!shown.contains("PK"), "{shown}");
}
