//! A second template, for the crate's own tests only: two small forms and a
//! few rules of their own, written exactly as the 581 template is (form
//! tables, the catalogue macro, the rules table) plus one registry arm in
//! [`TemplateVersion::template`]. The tests below take it through import,
//! validation, findings and schema generation, which compare no templates.

#![allow(dead_code)] // the typed structs of the forms are not used by the tests

use crate::catalogue::{CellId, catalogue, find_in};
use crate::check::rules::rules;
use crate::form::form_table;
use crate::template::{Applicability, LegalBasis, Template, TemplateVersion};
use crate::unit::{Count, Dossier, Percent, ServiceUnit};

form_table! {
    /// Trial form 1: dossiers and their on-time rate.
    form 1 TrialForm1 "form1" {
        title: "Hồ sơ thử nghiệm", "Trial dossiers";
        rows {
            "1.1" resolved: Count<Dossier> { Flow, Sum } => "Tổng số hồ sơ đã giải quyết", "Dossiers resolved";
            "1.1.1" resolved_province: Count<Dossier> { Flow, Sum } => "Hồ sơ cấp tỉnh", "Resolved at provincial level";
            "1.1.2" resolved_district: Count<Dossier> [district] { Flow, Sum } => "Hồ sơ cấp huyện", "Resolved at district level";
            "1.2" on_time: Count<Dossier> { Flow, Sum } => "Số hồ sơ đúng hạn", "Resolved on time";
            "1.3" on_time_rate: Percent { Flow, Recompute } => "Tỷ lệ đúng hạn", "On-time rate";
        }
        headings {
            "1" => "Giải quyết hồ sơ", "Resolving dossiers";
        }
    }
}

form_table! {
    /// Trial form 2: service units.
    form 2 TrialForm2 "form2" {
        title: "Đơn vị thử nghiệm", "Trial units";
        rows {
            "1" units: Count<ServiceUnit> { Stock, Sum } => "Số đơn vị", "Units";
        }
        headings {
            "2" => "Ghi chú", "Notes";
        }
    }
}

catalogue! {
    TRIAL_CATALOGUE;
    TrialForm1, TrialForm2
}

/// A cell of the trial template written `"form/STT"`, resolved at compile time.
const fn trial_cell(text: &str) -> CellId {
    let bytes = text.as_bytes();
    let form = bytes[0] - b'0';
    let (_, stt) = text.split_at(2);
    match find_in(&CATALOGUE, form, stt) {
        Some(id) => id,
        None => panic!("no such trial indicator"),
    }
}

rules! {
    resolve trial_cell;
    catalogue CATALOGUE, LIMITED, LIMITED_COUNT;
    ratios {
        "1/1.3" = "1/1.2" / "1/1.1";
    }
    sums {
        "1/1.1" = ["1/1.1.1", "1/1.1.2"], "Hai cấp.", "Two levels.";
    }
    parts Error {
        ["1/1.2"] <= "1/1.1", "Đúng hạn là một phần.", "On time is a part.";
    }
    parts_suspicious Warning {}
    bounds Error {
        "1/1.3" in [0, 100], "Tỷ lệ.", "A share.";
    }
    bounds_suspicious Warning {}
    conditionals {}
    level_ranges {}
    across_parts {
        ["2/1"] <= "1/1.1", "Thử.", "A trial bound across forms.";
    }
    across_same {}
    covers {}
    implications {}
    shares_of_rows {}
    shares_of_references {}
    within_references {}
}

#[allow(non_upper_case_globals)] // named as the crate's own templates are
impl TemplateVersion {
    /// The trial template.
    pub(crate) const Trial: TemplateVersion = TemplateVersion::of(&TRIAL);
}

/// The trial template.
pub(crate) static TRIAL: Template = Template {
    legal_basis: LegalBasis {
        document: "Trial template of the crate's tests",
        date: crate::period::CalendarDate {
            year: 2026,
            month: 1,
            day: 1,
        },
        issuer: "cchc-forms",
        name: "test/trial",
    },
    applies: Applicability::ALWAYS,
    windows: crate::template::Windows::Administrative,
    levels: &crate::period::Level::ALL,
    catalogue: &TRIAL_CATALOGUE,
    rules: &RULES,
    plan: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::ReportMeta;
    use crate::period::{Level, Period, Term};
    use crate::{Error, Row, Severity, Sheet};

    fn meta(year: u16) -> ReportMeta {
        ReportMeta {
            template: TemplateVersion::Trial,
            ..ReportMeta::new("Trial", Level::Province, Period::new(year, Term::Q3))
        }
    }

    #[test]
    fn the_registry_gives_the_trial_template() {
        let template = TemplateVersion::Trial.template();
        assert_eq!(template.catalogue.forms.len(), 2);
        assert_eq!(template.catalogue.indicators.len(), 6);
        // 6 written rules (a ratio makes its derivable and full twins) and one
        // not_applicable rule for the district row.
        let ids: Vec<_> = template.rules.iter().map(|rule| rule.id).collect();
        assert_eq!(
            ids,
            [
                "ratio:1/1.3",
                "derivable:1/1.3",
                "sum:1/1.1",
                "part:1/1.2<=1/1.1",
                "bound:1/1.3:0..100",
                "across:2/1<=1/1.1",
                "full:1/1.3",
                "not_applicable:1/1.1.2",
            ]
        );
        assert_eq!(template.cell(1, "1.1.2"), Some(trial_cell("1/1.1.2")));
        assert!(std::ptr::eq(
            trial_cell("1/1.1.2").catalogue(),
            &raw const TRIAL_CATALOGUE
        ));
        assert_eq!(
            template.form(2).map(|form| form.indicators().len()),
            Some(1)
        );
    }

    #[test]
    fn import_validation_and_findings() {
        // 100 = 60 + 30 is off by 10; 95 on time of 100 is 95 %, not 90 %;
        // 120 units exceed the 100 dossiers (a warning across forms).
        let sheet = Sheet::from_rows(
            meta(2023),
            [
                Row::new(1, "1.", ""),
                Row::new(1, "1.1.", "100"),
                Row::new(1, "1.1.1", "60"),
                Row::new(1, "1.1.2", "30"),
                Row::new(1, "1.2", "95"),
                Row::new(1, "1.3", "90"),
                Row::new(2, "1", "120"),
            ],
        )
        .unwrap();
        let findings = sheet.validate();
        let found: Vec<_> = findings
            .iter()
            .map(|f| (f.rule.as_str(), f.severity))
            .collect();
        assert_eq!(
            found,
            [
                ("ratio:1/1.3", Severity::Error),
                ("sum:1/1.1", Severity::Error),
                ("across:2/1<=1/1.1", Severity::Warning),
            ]
        );
        let sum = &findings[1];
        assert_eq!(
            sum.message_en().to_string(),
            "Form 1: row 1.1 = 100 but row 1.1.1 + row 1.1.2 = 60 + 30 = 90 (imbalance 10)."
        );
        assert!(std::ptr::eq(
            sum.cells[0].catalogue(),
            &raw const TRIAL_CATALOGUE
        ));
        let json = serde_json::to_value(&findings).unwrap();
        assert_eq!(
            json[2]["cells"][0],
            serde_json::json!({"form": 1, "stt": "1.1"})
        );
        assert_eq!(
            json[2]["cells"][1],
            serde_json::json!({"form": 2, "stt": "1"})
        );
        let text = json.to_string();
        let back = crate::finding::Findings::from_json_in(&TRIAL, &text).unwrap();
        assert_eq!(back, findings);
        // Read as findings of 581, they are refused: 581 has no such rule.
        assert!(serde_json::from_str::<crate::finding::Findings>(&text).is_err());
        assert_eq!(back.len(), 3);
        assert!(std::ptr::eq(
            back[0].rule.rule(),
            &raw const RULES[back[0].rule.index()]
        ));
    }

    #[test]
    fn without_districts_the_sum_leaves_the_district_out() {
        // Q3/2026: no district row, so 1.1.1 ≤ 1.1 alone (60 ≤ 60); the 30
        // in the district row is an error, and no part of the sum.
        let rows = [
            Row::new(1, "1.1", "60"),
            Row::new(1, "1.1.1", "60"),
            Row::new(1, "1.1.2", "30"),
        ];
        let findings = Sheet::from_rows(meta(2026), rows).unwrap().validate();
        let found: Vec<_> = findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(found, ["not_applicable:1/1.1.2"]);
        assert!(
            findings[0]
                .message_en()
                .to_string()
                .contains("no district level")
        );
        // Blank there, nothing at all.
        let rows = [Row::new(1, "1.1", "60"), Row::new(1, "1.1.1", "60")];
        assert!(
            Sheet::from_rows(meta(2026), rows)
                .unwrap()
                .validate()
                .is_empty()
        );
    }

    #[test]
    fn bad_rows_name_their_cells() {
        let rows = [
            Row::new(1, "1", "5"),
            Row::new(3, "1", "1"),
            Row::new(1, "9", "1"),
            Row::new(1, "1.2", "-1"),
        ];
        let Err(Error::Rows(problems)) = Sheet::from_rows(meta(2023), rows) else {
            panic!("four bad rows");
        };
        let kinds: Vec<_> = problems.iter().map(|p| p.problem.clone()).collect();
        assert!(matches!(
            kinds[0],
            crate::problem::CellProblem::ValueOnHeading
        ));
        assert!(matches!(kinds[1], crate::problem::CellProblem::UnknownForm));
        assert!(matches!(kinds[2], crate::problem::CellProblem::UnknownStt));
        assert!(matches!(
            kinds[3],
            crate::problem::CellProblem::NotANumber(_)
        ));
    }

    #[test]
    fn schema_generation() {
        let schema = crate::schema::template_report_schema(TemplateVersion::Trial.template());
        let rate = &schema["properties"]["form1"]["properties"]["on_time_rate"];
        assert_eq!(rate["x-stt"], "1.3");
        assert_eq!(rate["x-unit"], "%");
        assert_eq!(rate["title"], "Tỷ lệ đúng hạn");
        let district = &schema["properties"]["form1"]["properties"]["resolved_district"];
        assert_eq!(district["x-applies-until"], "2025-06-30");
        let ids: Vec<_> = schema["x-invariants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|rule| rule["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 8);
        assert_eq!(ids[0], "ratio:1/1.3");
    }

    /// The report JSON of a sheet, as the library writes a 581 report: one
    /// object per form, each indicator by its key (counts and codes as
    /// integers, decimals as strings).
    fn report_json(sheet: &Sheet) -> serde_json::Value {
        let mut report = serde_json::Map::new();
        report.insert("meta".into(), serde_json::to_value(&sheet.meta).unwrap());
        for form in sheet.template().forms() {
            let mut cells = serde_json::Map::new();
            for indicator in form.indicators() {
                let value = match sheet.cell(indicator.id) {
                    None => serde_json::Value::Null,
                    Some(value)
                        if value.decimals == 0
                            && !matches!(
                                indicator.kind,
                                crate::unit::ValueKind::Percent
                                    | crate::unit::ValueKind::MillionVnd
                            ) =>
                    {
                        serde_json::json!(i64::try_from(value.mantissa).unwrap())
                    }
                    Some(value) => value.to_decimal().to_string().into(),
                };
                cells.insert(indicator.key.into(), value);
            }
            report.insert(form.key.into(), cells.into());
        }
        report.into()
    }

    /// The (rule, severity) pairs a consumer's command line prints for
    /// `report` with `--rules` and `--catalogue`, and its exit code.
    fn consumer_findings(
        program: &str,
        script: &std::path::Path,
        [report, rules, catalogue]: &[&std::path::PathBuf; 3],
    ) -> (Vec<(String, String)>, Option<i32>) {
        let output = std::process::Command::new(program)
            .arg(script)
            .arg(report)
            .arg("--rules")
            .arg(rules)
            .arg("--catalogue")
            .arg(catalogue)
            .output()
            .unwrap_or_else(|error| panic!("{program} (CI has it): {error}"));
        let findings: serde_json::Value =
            serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
                panic!(
                    "{program}: {error}: {}",
                    String::from_utf8_lossy(&output.stderr)
                )
            });
        let pairs = findings
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                let text = |key: &str| f[key].as_str().unwrap().to_owned();
                (text("rule"), text("severity"))
            })
            .collect();
        (pairs, output.status.code())
    }

    /// The rules of a second template reach the reference consumers with no
    /// change to them: its `rules.json` and `catalogue.json`, generated as
    /// those of 581 are, and a report of it, given to `consumers/python` and
    /// `consumers/js` (Python 3 and Node, which CI has), give the findings
    /// the library gives.
    #[test]
    fn the_reference_consumers_evaluate_the_trial_rules() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = std::env::temp_dir().join(format!("cchc-trial-consumers-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let write = |name: &str, value: &serde_json::Value| {
            let path = dir.join(name);
            std::fs::write(&path, crate::schema::to_file_text(value)).unwrap();
            path
        };
        let rules = write("rules.json", &crate::schema::template_rules_data(&TRIAL));
        let catalogue = write(
            "catalogue.json",
            &crate::schema::template_catalogue_data(&TRIAL),
        );
        // 100 = 60 + 30 is off by 10 (an error); 95 on time of 100 is 95 %,
        // not 90 % (an error); 120 units exceed the 100 dossiers (a warning
        // across forms). Then the same, consistent; then in 2026, without
        // the district row, which holds a value (an error).
        let cases = [
            (
                2023,
                [
                    ("1.1", "100"),
                    ("1.1.1", "60"),
                    ("1.1.2", "30"),
                    ("1.2", "95"),
                    ("1.3", "90"),
                ],
                "120",
            ),
            (
                2023,
                [
                    ("1.1", "90"),
                    ("1.1.1", "60"),
                    ("1.1.2", "30"),
                    ("1.2", "81"),
                    ("1.3", "90"),
                ],
                "80",
            ),
            (
                2026,
                [
                    ("1.1", "90"),
                    ("1.1.1", "60"),
                    ("1.1.2", "30"),
                    ("1.2", "81"),
                    ("1.3", "90"),
                ],
                "80",
            ),
        ];
        let mut found_any = false;
        for (index, (year, rows, units)) in cases.into_iter().enumerate() {
            let rows = rows
                .into_iter()
                .map(|(stt, text)| Row::new(1, stt, text))
                .chain([Row::new(2, "1", units)]);
            let sheet = Sheet::from_rows(meta(year), rows).unwrap();
            let library: Vec<(String, String)> = sheet
                .validate()
                .iter()
                .map(|f| (f.rule.as_str().to_owned(), f.severity.to_string()))
                .collect();
            let expected: &[(&str, &str)] = match index {
                0 => &[
                    ("ratio:1/1.3", "error"),
                    ("sum:1/1.1", "error"),
                    ("across:2/1<=1/1.1", "warning"),
                ],
                1 => &[],
                _ => &[("not_applicable:1/1.1.2", "error")],
            };
            let pairs: Vec<(&str, &str)> = library
                .iter()
                .map(|(rule, severity)| (rule.as_str(), severity.as_str()))
                .collect();
            assert_eq!(pairs, expected, "case {index}");
            found_any |= !library.is_empty();
            let report = write(&format!("report-{index}.json"), &report_json(&sheet));
            for (program, script) in [
                ("python3", "consumers/python/cchc_rules.py"),
                ("node", "consumers/js/cchc-rules.mjs"),
            ] {
                let (theirs, code) =
                    consumer_findings(program, &root.join(script), &[&report, &rules, &catalogue]);
                assert_eq!(theirs, library, "{program}, case {index}");
                let errors = library.iter().any(|(_, severity)| severity == "error");
                assert_eq!(code, Some(i32::from(errors)), "{program}, case {index}");
            }
        }
        assert!(found_any);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
