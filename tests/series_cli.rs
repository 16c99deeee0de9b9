//! The command line on several reports: `validate FILE...`
//! checks each file, then the reports of each body and year together;
//! `validate --aggregate` adds them up.

mod command_line;

use std::process::Output;

use command_line::run;

use cchc_forms::bnv581::CATALOGUE;
use cchc_forms::catalogue::{CellId, PeriodClass};
use cchc_forms::unit::{Printed, ValueKind};
use cchc_forms::{Period, Report, Term, samples};

fn scratch(name: &str, contents: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cchc-forms-series-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("a scratch file");
    path.to_string_lossy().into_owned()
}

fn set(report: &mut Report, form: u8, stt: &str, value: i128) {
    report
        .set_cell(CellId::of(form, stt), Some(Printed::whole(value)))
        .unwrap();
}

/// The sample made consistent (3/1.4 = 1.486 + 255 + 155 = 1.896, 4/1.5 =
/// 6/2.1 = 840 with 4/1.5.3 = 721) as the report of `term`, its flow counts
/// multiplied by `k`; procedures in force 108 more each quarter (135
/// published, 27 abolished), their provincial part with them.
fn report(term: Term, k: i128, in_force: i128) -> Report {
    let mut report = samples::bac_giang_2023_q3();
    report.meta.period = Some(Period::new(2023, term));
    set(&mut report, 4, "1.5", 840);
    set(&mut report, 4, "1.5.3", 721);
    for indicator in &CATALOGUE {
        if indicator.period_class() == PeriodClass::Flow
            && matches!(indicator.kind, ValueKind::Count)
        {
            if let Some(value) = report.cell(indicator.id) {
                report
                    .set_cell(indicator.id, Some(Printed::whole(value.mantissa * k)))
                    .unwrap();
            }
        }
    }
    set(&mut report, 3, "1.4", in_force);
    set(&mut report, 3, "1.4.1", in_force - 255 - 155);
    report
}

/// Q1, half-year, Q3 and year 2023: Q1 = Q2 = Q3 = Q4 = the sample's flows.
fn year() -> [Report; 4] {
    [
        report(Term::Q1, 1, 1896 - 216),
        report(Term::HalfYear, 2, 1896 - 108),
        report(Term::Q3, 1, 1896),
        report(Term::Year, 4, 1896 + 108),
    ]
}

/// The reports as files: Q1, half-year and year as JSON, Q3 as rows with
/// `#!` metadata (the sample's own file, its 3/1.4 and 4/1.5 corrected).
fn files(reports: &[Report; 4], tag: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for (report, name) in reports.iter().zip(["q1", "h1", "q3", "year"]) {
        let path = if name == "q3" {
            let tsv = samples::BAC_GIANG_2023_Q3_TSV
                .replace("3\t1.4.\t1.902", "3\t1.4.\t1.896")
                .replace("4\t1.5.\t858", "4\t1.5.\t840")
                .replace("4\t1.5.3.\t739", "4\t1.5.3.\t721");
            assert_eq!(
                cchc_forms::rows::read_tsv(&tsv).unwrap().report,
                *report,
                "the rows are the Q3 report"
            );
            scratch(&format!("{tag}-{name}.tsv"), &tsv)
        } else {
            scratch(
                &format!("{tag}-{name}.json"),
                &serde_json::to_string(report).unwrap(),
            )
        };
        paths.push(path);
    }
    paths
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

#[test]
fn a_consistent_year_through_the_command_line() {
    let reports = year();
    for report in &reports {
        assert!(!report.validate().has_errors(), "{:#?}", report.validate());
    }
    let paths = files(&reports, "clean");
    let mut arguments = vec!["--json"];
    arguments.extend(paths.iter().map(String::as_str));
    let output = run(&arguments);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let value = json(&output);
    assert_eq!(value["reports"].as_array().unwrap().len(), 4);
    assert_eq!(
        value["reports"][2]["period"],
        serde_json::json!({"year": 2023, "term": "q3"})
    );
    assert_eq!(value["reports"][2]["body"], "UBND tỉnh Bắc Giang");
    assert_eq!(value["across"], serde_json::json!([]));
    assert_eq!(value["unplaced"], serde_json::json!([]));
    // The table says so too.
    let table = run(&paths.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(table.status.code(), Some(0));
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("Across reports: 0 finding(s)"), "{text}");
}

#[test]
fn a_broken_year_through_the_command_line() {
    let mut reports = year();
    // The year's dossiers on time 215.400: the derived Q4 on time is
    // 215.400 − 107.452 − 53.726 = 54.222 > 54.106 resolved. (The year's
    // rate 99,3 no longer matches 215.400 / 216.424 either: its own error.)
    set(&mut reports[3], 3, "3.1.2", 215_400);
    let paths = files(&reports, "broken");
    let mut arguments = vec!["--json"];
    arguments.extend(paths.iter().map(String::as_str));
    let output = run(&arguments);
    assert_eq!(output.status.code(), Some(1));
    let value = json(&output);
    let across = value["across"].as_array().unwrap();
    assert_eq!(across.len(), 1, "{across:#?}");
    assert_eq!(across[0]["rule"], "derived:q4:part:3/3.1.2<=3/3.1.1");
    assert_eq!(across[0]["family"], "derived");
    assert_eq!(across[0]["severity"], "error");
    assert_eq!(
        across[0]["cells"][0],
        serde_json::json!({"form": 3, "stt": "3.1.1", "period": {"year": 2023, "term": "year"}})
    );
    let periods: Vec<&str> = across[0]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|cell| cell["period"]["term"].as_str().unwrap())
        .collect();
    assert_eq!(
        periods,
        ["year", "half_year", "q3", "year", "half_year", "q3"]
    );
    // The year's own finding is in its report.
    let year_rules: Vec<&str> = value["reports"][3]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(year_rules.contains(&"ratio:3/3.1"), "{year_rules:?}");
    // The table names the rule and the cells with their periods.
    let table = run(&paths.iter().map(String::as_str).collect::<Vec<_>>());
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(
        text.contains("rule derived:q4:part:3/3.1.2<=3/3.1.1"),
        "{text}"
    );
    assert!(text.contains("3/3.1.2 (the year 2023)"), "{text}");
}

#[test]
fn several_bodies_and_a_report_without_a_period() {
    let reports = year();
    let mut other = reports[0].clone();
    other.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    let mut no_period = reports[2].clone();
    no_period.meta.period = None;
    let paths = [
        scratch(
            "bodies-a.json",
            &serde_json::to_string(&reports[0]).unwrap(),
        ),
        scratch("bodies-b.json", &serde_json::to_string(&other).unwrap()),
        scratch("bodies-c.json", &serde_json::to_string(&no_period).unwrap()),
    ];
    let mut arguments = vec!["--json"];
    arguments.extend(paths.iter().map(String::as_str));
    let output = run(&arguments);
    assert_eq!(output.status.code(), Some(0));
    let value = json(&output);
    assert_eq!(value["across"], serde_json::json!([]));
    let unplaced = value["unplaced"].as_array().unwrap();
    assert_eq!(unplaced.len(), 1);
    assert_eq!(unplaced[0]["index"], 2);
    assert_eq!(unplaced[0]["file"], paths[2].as_str());
}

#[test]
fn the_aggregate_as_a_report_and_its_findings() {
    // Bắc Giang's Q3 made consistent, twice, and a copy with 3/1.4 = 1.900
    // for 1.486 + 255 + 155 = 1.896: the total 1.896 + 1.896 + 1.900 = 5.692
    // against parts 5.688, an error, the third member named.
    let q3 = year()[2].clone();
    let mut wrong = q3.clone();
    wrong.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    set(&mut wrong, 3, "1.4", 1900);
    let mut again = q3.clone();
    again.meta.body = "UBND tỉnh Bắc Ninh".to_owned();
    let paths = [
        scratch("agg-a.json", &serde_json::to_string(&q3).unwrap()),
        scratch("agg-b.json", &serde_json::to_string(&again).unwrap()),
        scratch("agg-c.json", &serde_json::to_string(&wrong).unwrap()),
    ];
    let mut arguments = vec!["--aggregate", "--emit-report"];
    arguments.extend(paths.iter().map(String::as_str));
    let output = run(&arguments);
    assert_eq!(output.status.code(), Some(0));
    let emitted = json(&output);
    let schema = cchc_forms::schema::report_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&emitted), "{emitted:#}");
    assert_eq!(emitted["form3"]["resolved_departments"], 3 * 54_106);
    assert_eq!(emitted["form3"]["procedures_local"], 5692);
    // 100 × 3 × 53.726 / (3 × 54.106) = 99,2976…: 99,30.
    assert_eq!(emitted["form3"]["on_time_rate_departments"], "99.30");
    let total: Report = serde_json::from_value(emitted).unwrap();
    assert_eq!(total.meta.period, Some(Period::new(2023, Term::Q3)));

    let mut arguments = vec!["--aggregate", "--json"];
    arguments.extend(paths.iter().map(String::as_str));
    let output = run(&arguments);
    assert_eq!(output.status.code(), Some(1));
    let findings = json(&output);
    // The total's one error, then what it could not add and the codes.
    let findings: Vec<&serde_json::Value> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["rule"], "aggregate:sum:3/1.4");
    // The member named, and its file.
    assert!(
        findings[0]["message_en"]
            .as_str()
            .unwrap()
            .ends_with(&format!(
                "Members whose cells make it fail: report 3 (UBND tỉnh Lạng Sơn). (files: {})",
                paths[2]
            )),
        "{}",
        findings[0]["message_en"]
    );
    let members: Vec<&serde_json::Value> = findings[0]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|cell| cell.get("member").is_some())
        .collect();
    assert!(!members.is_empty());
    assert!(
        members
            .iter()
            .all(|cell| cell["member"] == 2 && cell["body"] == "UBND tỉnh Lạng Sơn")
    );
}

#[test]
fn members_of_different_periods_are_refused() {
    let reports = year();
    let paths = [
        scratch("mixed-a.json", &serde_json::to_string(&reports[2]).unwrap()),
        scratch("mixed-b.json", &serde_json::to_string(&reports[3]).unwrap()),
    ];
    let output = run(&["--aggregate", "--emit-report", &paths[0], &paths[1]]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("reports of different periods cannot be added up"),
        "{stderr}"
    );
    let output = run(&["--aggregate", "--json", &paths[0], &paths[1]]);
    assert_eq!(output.status.code(), Some(2));
    let problems = json(&output);
    assert!(
        problems[0]["message_vi"]
            .as_str()
            .unwrap()
            .contains("không cộng được các báo cáo khác kỳ")
    );
    // --emit-report prints one report unless the reports are added up.
    let output = run(&["--emit-report", &paths[0], &paths[1]]);
    assert_eq!(output.status.code(), Some(2));
}
