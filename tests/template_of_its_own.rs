//! A template defined outside the crate, with its public API only.
//!
//! A TEST template, not an official one: modelled on the situation after
//! the 2025 reform (two levels of local government, province and commune;
//! calendar reporting windows) and on the shape of Nghị quyết 71/NQ-CP's
//! 2030 targets for online public services: dossiers received online,
//! procedures offered fully online, results issued electronically, dossiers
//! digitised, payments made online. Each rate has its numerator and
//! denominator rows; besides them a sum over the two levels, a bound, a
//! conditional on a code, parts of wholes and a bound across forms.
//!
//! It goes through the rows (TSV) reader, the JSON writer and reader,
//! validation (the dispatch path: a built template has no compiled plan),
//! findings and their JSON read back as this template's, the schemas and
//! rules generated for it, and the Python and JavaScript rule consumers,
//! which run its rules from the generated files with no code of their own.

mod online_services;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

use online_services::{TSV, meta, sheet, template};

use cchc_forms::catalogue::Indicator;
use cchc_forms::check::Outcome;
use cchc_forms::template::{LegalBasis, TemplateBuilder};
use cchc_forms::{
    CalendarDate, Error, Findings, Level, MetaProblem, Period, Row, RuleId, Severity, Sheet,
    TemplateVersion, Term, rows, schema,
};

#[test]
fn the_template_is_what_was_written() {
    let template = template();
    assert_eq!(template.catalogue.forms.len(), 2);
    assert_eq!(template.catalogue.indicators.len(), 15);
    assert_eq!(template.catalogue.headings.len(), 1);
    let ids: Vec<&str> = template.rules.iter().map(|rule| rule.id).collect();
    assert_eq!(
        ids,
        [
            "ratio:1/1.2",
            "ratio:1/2.2",
            "ratio:1/3.2",
            "derivable:1/1.2",
            "derivable:1/2.2",
            "derivable:1/3.2",
            "sum:2/2",
            "part:1/1.1<=1/1",
            "part:1/2.1<=1/2",
            "part:1/3.1<=1/3",
            "part:1/4<=1/1",
            "bound:1/1.2:0..100",
            "conditional:2/1==2",
            "implies:2/1.1>=1=>2/1==1",
            "full:1/1.2",
            "full:1/2.2",
            "full:1/3.2",
        ]
    );
    // Its cells and rules carry its handle, not 581's.
    let cell = template.cell(2, "2.2").expect("a row");
    assert!(std::ptr::eq(cell.catalogue(), template.catalogue));
    let bnv_581 = TemplateVersion::Bnv581Of2022.template();
    assert!(!std::ptr::eq(cell.catalogue(), bnv_581.catalogue));
    assert_eq!(cell.indicator().key, "one_stop_shops_commune");
    assert_eq!(template.version().name(), "test/online-services-2026");
}

#[test]
fn calendar_windows_and_two_levels() {
    let template = template();
    let date = |year, month, day| CalendarDate { year, month, day };
    assert_eq!(
        template.window(Period::new(2026, Term::Q3)),
        (date(2026, 7, 1), date(2026, 9, 30))
    );
    assert_eq!(
        template.window(Period::new(2026, Term::Year)),
        (date(2026, 1, 1), date(2026, 12, 31))
    );
    // 581 keeps its administrative windows.
    let bnv_581 = TemplateVersion::Bnv581Of2022.template();
    assert_eq!(
        bnv_581.window(Period::new(2026, Term::Q3)),
        (date(2026, 6, 15), date(2026, 9, 14))
    );
    // A district does not report under two levels; a commune does.
    let district = meta(Level::District, Period::new(2026, Term::Q3));
    assert_eq!(
        district.problems(),
        [MetaProblem::LevelNotInTemplate {
            level: Level::District,
            template: "test/online-services-2026",
        }]
    );
    assert!(
        meta(Level::Commune, Period::new(2026, Term::Q3))
            .problems()
            .is_empty()
    );
    let rows = rows::parse_tsv(TSV).unwrap();
    match Sheet::from_rows(district, rows) {
        Err(Error::Meta(problems)) => assert_eq!(problems.len(), 1),
        other => panic!("a district report is refused: {other:?}"),
    }
}

#[test]
fn rows_are_read_and_checked() {
    let sheet = sheet();
    let template = template();
    let value = |form, stt| {
        sheet
            .cell(template.cell(form, stt).unwrap())
            .map(|p| p.to_decimal().to_string())
    };
    assert_eq!(value(1, "1").as_deref(), Some("1200"));
    assert_eq!(value(1, "2.2").as_deref(), Some("62.5"));
    assert_eq!(value(2, "1").as_deref(), Some("2"));

    let findings = sheet.validate();
    let found: Vec<(&str, Severity)> = findings
        .iter()
        .map(|f| (f.rule.as_str(), f.severity))
        .collect();
    assert_eq!(
        found,
        [
            ("ratio:1/3.2", Severity::Error),
            ("sum:2/2", Severity::Error),
            ("conditional:2/1==2", Severity::Error),
            ("implies:2/1.1>=1=>2/1==1", Severity::Warning),
        ]
    );
    let ratio = &findings[0];
    assert_eq!(ratio.reported.map(|d| d.to_string()).as_deref(), Some("85"));
    assert_eq!(
        ratio.computed.map(|d| d.to_string()).as_deref(),
        Some("87.0000")
    );
    let sum = &findings[1];
    assert_eq!(sum.imbalance.map(|d| d.to_string()).as_deref(), Some("1"));
    assert_eq!(
        sum.message_en().to_string(),
        "Form 2: row 2 = 30 but row 2.1 + row 2.2 = 1 + 28 = 29 (imbalance 1)."
    );
    // Each rule's outcome: four fired, the rest passed or were skipped.
    let evaluation = sheet.check();
    assert_eq!(evaluation.outcomes.len(), template.rules.len());
    let fired = evaluation
        .outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Failed))
        .count();
    assert_eq!(fired, 4);

    // Mended by hand, nothing is left.
    let mended = TSV
        .replace("1\t3.2\t85", "1\t3.2\t87")
        .replace("2\t2\t30", "2\t2\t29")
        .replace("2\t1\t2\n", "2\t1\t1\n");
    let rows = rows::parse_tsv(&mended).unwrap();
    let sheet = Sheet::from_rows(meta(Level::Province, Period::new(2026, Term::Q3)), rows).unwrap();
    assert_eq!(sheet.validate(), Findings::default());
}

#[test]
fn bad_rows_name_the_templates_cells() {
    let rows = [
        Row::new(1, "1", "1.2OO"),
        Row::new(1, "9", "1"),
        Row::new(3, "1", "1"),
        Row::new(1, "I", "5"),
    ];
    match Sheet::from_rows(meta(Level::Province, Period::new(2026, Term::Q3)), rows) {
        Err(Error::Rows(problems)) => {
            let problems: Vec<_> = problems.iter().map(|p| (p.form, p.stt.as_str())).collect();
            assert_eq!(problems, [(1, "1"), (1, "9"), (3, "1"), (1, "I")]);
        }
        other => panic!("four bad rows: {other:?}"),
    }
}

#[test]
fn json_round_trips_as_the_templates_report() {
    let sheet = sheet();
    let json = serde_json::to_value(&sheet).unwrap();
    assert_eq!(json["meta"]["template"], "test/online-services-2026");
    assert_eq!(json["form1"]["dossiers"], 1200);
    assert_eq!(json["form1"]["full_online_rate"], "62.5");
    assert_eq!(json["form2"]["online_payment"], 2);
    let text = json.to_string();
    assert_eq!(Sheet::from_json_in(template(), &text).unwrap(), sheet);
    // Named as another template's report, it is refused.
    let bnv_581 = TemplateVersion::Bnv581Of2022.template();
    assert!(Sheet::from_json_in(bnv_581, &text).is_err());
    // Every problem at once.
    let bad = text
        .replace("\"dossiers\":1200", "\"dossiers\":-3")
        .replace("\"form2\":", "\"form9\":");
    match Sheet::from_json_in(template(), &bad) {
        Err(Error::Json(problems)) => {
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(paths, ["form1.dossiers", "form9"]);
        }
        other => panic!("two problems: {other:?}"),
    }
}

#[test]
fn findings_read_back_as_the_templates() {
    let findings = sheet().validate();
    let text = serde_json::to_string(&findings).unwrap();
    let back = Findings::from_json_in(template(), &text).unwrap();
    assert_eq!(back, findings);
    assert_eq!(
        back[0].rule.rule().id,
        template().rules[back[0].rule.index()].id
    );
    assert_eq!(
        back[0].rule,
        RuleId::find_in(template().rules, "ratio:1/3.2").unwrap()
    );
    assert_eq!(
        RuleId::find_in(template().rules, "sum:2/2"),
        Some(findings[1].rule)
    );
    // 581 has no rule `sum:2/2`, so they are not 581's findings.
    assert!(serde_json::from_str::<Findings>(&text).is_err());
}

#[test]
fn schemas_and_rules_are_generated_for_it() {
    let template = template();
    let report = schema::template_report_schema(template);
    let text = report.to_string();
    assert!(text.contains("full_online_rate"), "{text}");
    assert!(text.contains("test/online-services-2026"), "{text}");
    let rules = schema::template_rules_data(template);
    assert_eq!(rules["template"], "test/online-services-2026");
    assert_eq!(
        rules["rules"].as_array().unwrap().len(),
        template.rules.len()
    );
    let catalogue = schema::template_catalogue_data(template);
    assert_eq!(catalogue["template"], "test/online-services-2026");
}

/// The reference consumers run this template's rules from its generated
/// `rules.json` and `catalogue.json`: a rule added above reaches them with
/// no code of theirs changed.
#[test]
fn both_consumers_run_its_rules() {
    let template = template();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("template_of_its_own");
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, value: &serde_json::Value| {
        let path = dir.join(name);
        std::fs::write(&path, value.to_string()).unwrap();
        path
    };
    let rules = write("rules.json", &schema::template_rules_data(template));
    let catalogue = write("catalogue.json", &schema::template_catalogue_data(template));
    let sheet = sheet();
    let report = write("report.json", &serde_json::to_value(&sheet).unwrap());
    let expected: Vec<(String, String)> = sheet
        .validate()
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                serde_json::to_value(f.severity)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for (program, script) in [
        ("python3", "consumers/python/cchc_rules.py"),
        ("node", "consumers/js/cchc-rules.mjs"),
    ] {
        let output = Command::new(program)
            .arg(root.join(script))
            .arg(&report)
            .arg("--rules")
            .arg(&rules)
            .arg("--catalogue")
            .arg(&catalogue)
            .output()
            .unwrap_or_else(|error| panic!("{program} (CI has it): {error}"));
        let findings: serde_json::Value =
            serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
                panic!(
                    "{program}: {error}: {}",
                    String::from_utf8_lossy(&output.stderr)
                )
            });
        let got: Vec<(String, String)> = findings
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_owned(),
                    f["severity"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(got, expected, "{program}");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{program}: errors were found"
        );
    }
}

#[test]
fn a_definition_with_mistakes_is_refused_with_each_of_them() {
    let error = TemplateBuilder::new(LegalBasis {
        document: "Thử",
        date: CalendarDate {
            year: 2026,
            month: 1,
            day: 1,
        },
        issuer: "tests",
        name: "test/broken",
    })
    .form(1, "form1", "Một", "One")
    .row(Indicator::count(1, "1", "a", "A", "A", "Hồ sơ", "dossiers"))
    .row(Indicator::count(1, "1", "b", "B", "B", "Hồ sơ", "dossiers"))
    .row(Indicator::count(2, "1", "c", "C", "C", "Hồ sơ", "dossiers"))
    .sum("1/1", &["1/9"], ("", ""))
    .build()
    .unwrap_err();
    assert_eq!(
        error.problems_en,
        [
            "row 1 names form 2, which is not given",
            "form 1 has row 1 twice",
            "rule sum:1/1 names 1/9, which is not a row of the template (cells are written \"form/STT\")",
        ]
    );
    assert_eq!(error.problems_vi.len(), 3);
}

#[test]
fn rows_with_their_metadata_lines_are_read_as_the_templates() {
    let text = format!(
        "#! body: UBND tỉnh Thử Nghiệm\n#! level: province\n#! period: 2026 Q3\n#! template: test/online-services-2026\n{TSV}"
    );
    let read = Sheet::from_tsv_in(template(), &text).unwrap();
    assert_eq!(read, sheet());
    // Without a template line, the sheet is still this template's.
    let without = text.replace("#! template: test/online-services-2026\n", "");
    assert_eq!(Sheet::from_tsv_in(template(), &without).unwrap(), sheet());
    // 581's name, a district and a bad cell: every problem at once, by line.
    let bad = text
        .replace("test/online-services-2026", "581/BNV-CCHC/2022")
        .replace("#! level: province", "#! level: district")
        .replace("1\t3.1\t870", "1\t3.1\t87O");
    match Sheet::from_tsv_in(template(), &bad) {
        Err(Error::Rows(problems)) => {
            let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
            // As 581's rows are read, in one pass: the template of line 4
            // and the letter O in row 3.1 (line 13) as they are met, then
            // what the template refuses in the metadata read (the district
            // of line 2).
            assert_eq!(lines, [Some(4), Some(13), Some(2)], "{problems:?}");
            assert!(matches!(
                problems[2].problem,
                cchc_forms::CellProblem::Metadata(MetaProblem::LevelNotInTemplate { .. })
            ));
            assert_eq!(problems[1].raw, "87O");
        }
        other => panic!("three problems: {other:?}"),
    }
    let district = text.replace("#! level: province", "#! level: district");
    match Sheet::from_tsv_in(template(), &district) {
        Err(Error::Rows(problems)) => {
            assert_eq!(problems.len(), 1);
            assert!(
                problems[0]
                    .message_en()
                    .contains("district level does not report"),
                "{}",
                problems[0].message_en()
            );
        }
        other => panic!("a district is refused: {other:?}"),
    }
}

#[test]
fn its_rows_are_read_by_the_one_reader_of_rows_with_its_rules() {
    use cchc_forms::CellProblem;
    let head = "#! body: UBND tỉnh Thử Nghiệm\n#! level: province\n#! period: 2026 Q3\n";
    // Line 4 gives row 1/2 = 400, line 5 gives it again; line 6 names a
    // form 9 the template has not (it has 2), line 7 a row 2/7 it has not.
    let text = format!("{head}1\t2\t400\n1\t2.\t401\n9\t1\t5\n2\t7\t1\n");
    match Sheet::from_tsv_in(template(), &text) {
        Err(Error::Rows(problems)) => {
            let found: Vec<(Option<usize>, &CellProblem)> =
                problems.iter().map(|p| (p.line, &p.problem)).collect();
            assert_eq!(
                found,
                [
                    (Some(5), &CellProblem::Duplicate { first_row: 4 }),
                    (Some(6), &CellProblem::UnknownForm),
                    (Some(7), &CellProblem::UnknownStt),
                ]
            );
        }
        other => panic!("three problems: {other:?}"),
    }
    // A document of metadata alone has no figures: refused, as 581's is.
    match Sheet::from_tsv_in(template(), head) {
        Err(Error::Rows(problems)) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].problem, CellProblem::NoFigures);
        }
        other => panic!("no figures: {other:?}"),
    }
    // The rows of the test sheet in reverse order read as the same sheet
    // (the expected row first, then looked for).
    let mut reversed: Vec<&str> = TSV.lines().collect();
    reversed.reverse();
    let reversed = reversed.join("\n");
    let read = Sheet::from_tsv_in(template(), &format!("{head}{reversed}")).unwrap();
    assert_eq!(read, sheet());
}

/// The test sheet as a report document prints it: a title naming the
/// period, then each form under its `Biểu mẫu` heading, with its title and
/// a table of STT, label, unit and figure (Vietnamese numbers).
fn printed() -> String {
    let template = template();
    let mut text = String::from(
        "UBND TỈNH THỬ NGHIỆM\nBÁO CÁO\nTình hình dịch vụ công trực tuyến quý III năm 2026\n",
    );
    let rows = cchc_forms::rows::parse_tsv(TSV).unwrap();
    for form in template.forms() {
        let _ = writeln!(text, "Biểu mẫu {}\n{}", form.number, form.title_vi);
        text.push_str("STT\tNội dung\tĐơn vị tính\tSố liệu\n");
        for row in rows.iter().filter(|row| row.form == form.number) {
            let stt = row.stt.trim_end_matches('.');
            let (label, unit) = match template.cell(form.number, stt) {
                Some(id) => (id.indicator().label_vi, id.indicator().unit_vi),
                None => (template.heading(form.number, stt).unwrap().label_vi, ""),
            };
            let _ = writeln!(text, "{stt}\t{label}\t{unit}\t{}", row.text);
        }
    }
    text
}

#[test]
fn the_printed_forms_are_read_as_the_templates() {
    let (read, warnings) = Sheet::from_printed_in(template(), &printed()).unwrap();
    // The period from the title, the template's own; every value as printed.
    assert_eq!(read.meta.period, Some(Period::new(2026, Term::Q3)));
    assert_eq!(read.meta.template, template().version());
    let expected = sheet();
    for indicator in template().indicators() {
        assert_eq!(
            read.cell(indicator.id),
            expected.cell(indicator.id),
            "{}",
            indicator.stt
        );
    }
    assert!(warnings.is_empty(), "{warnings:?}");
    // The same four findings as from the rows.
    let rules: Vec<&str> = read.validate().iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "ratio:1/3.2",
            "sum:2/2",
            "conditional:2/1==2",
            "implies:2/1.1>=1=>2/1==1"
        ]
    );
    // A form the template does not have is refused by name.
    let extra = format!(
        "{}Biểu mẫu 3\nKhông có\nSTT\tNội dung\tĐơn vị tính\tSố liệu\n1\tX\tHồ sơ\t5\n",
        printed()
    );
    match Sheet::from_printed_in(template(), &extra) {
        Err(Error::Rows(problems)) => {
            assert!(
                problems
                    .iter()
                    .any(|p| p.problem == cchc_forms::CellProblem::UnknownForm),
                "{problems:?}"
            );
        }
        other => panic!("form 3 is refused: {other:?}"),
    }
}
