//! Reports in JSON through serde: lossless, strict, and blank-preserving.
//!
//! The JSON shape is `{ "meta": {...}, "form1": {...}, ..., "form7": {...} }`
//! with one key per indicator: a count is an integer, a code is its number,
//! a percentage or an amount is a decimal string with `.` as the decimal
//! point (`"99.3"`, so that the printed precision survives), and a blank cell
//! is `null`.

use cchc_forms::bnv581::{CATALOGUE, FORMS};
use cchc_forms::unit::{CellValue, Count, Dossier, MillionVnd, Percent, YesNo};
use cchc_forms::{Form1, Form6, Level, Period, Report, ReportMeta, Term, samples};
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn sample_json() -> Value {
    serde_json::to_value(samples::bac_giang_2023_q3()).expect("the sample serializes")
}

/// Reads a report from a JSON value through serde.
fn read(value: &Value) -> Result<Report, serde_json::Error> {
    serde_json::from_str(&value.to_string())
}

/// The sample with one indicator replaced.
fn with_cell(form: &str, key: &str, cell: Value) -> Value {
    let mut value = sample_json();
    value[form][key] = cell;
    value
}

/// The error message of reading the sample with one indicator replaced.
fn rejected(form: &str, key: &str, cell: &Value) -> String {
    match read(&with_cell(form, key, cell.clone())) {
        Ok(report) => panic!("{form}.{key} = {cell} was accepted: {report:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn the_shape_is_as_documented() {
    let value = sample_json();
    let keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec!["meta"];
    expected.extend(FORMS.iter().map(|form| form.key));
    let mut sorted_keys = keys.clone();
    sorted_keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(sorted_keys, expected);
    assert_eq!(
        value["meta"],
        json!({
            "body": "UBND tỉnh Bắc Giang",
            "level": "province",
            "period": { "year": 2023, "term": "q3" },
            "template": "581/BNV-CCHC/2022",
        })
    );
    // One key per indicator, named as the catalogue names it.
    for indicator in &CATALOGUE {
        let form = &value[format!("form{}", indicator.form)];
        assert!(
            form.get(indicator.key).is_some(),
            "form {} has no key {}",
            indicator.form,
            indicator.key
        );
    }
    for form in FORMS {
        assert_eq!(
            value[form.key].as_object().map(serde_json::Map::len),
            Some(form.indicators().len())
        );
    }
    // Values as the source prints them, in JSON's own notation.
    assert_eq!(value["form3"]["resolved_departments"], json!(54_106));
    assert_eq!(value["form3"]["on_time_rate_departments"], json!("99.3"));
    assert_eq!(value["form3"]["on_time_rate_district"], json!("99.27"));
    assert_eq!(value["form3"]["petitions_resolved_rate"], json!("100"));
    assert_eq!(value["form1"]["survey_forms"], json!(1420));
    assert_eq!(value["form1"]["survey_method"], json!(1));
    assert_eq!(value["form7"]["online_meeting_system"], json!(2));
    assert_eq!(value["form6"]["investment_plan"], json!("8007000"));
    assert_eq!(value["form4"]["units_under_provincial_committee"], json!(6));
    // Blank is null, not zero and not missing.
    assert_eq!(
        value["form1"].get("plan_completion_rate"),
        Some(&Value::Null)
    );
    assert_eq!(value["form6"].get("disbursement_rate"), Some(&Value::Null));
    // Zero is zero.
    assert_eq!(value["form5"]["leaders_appointed_by_exam"], json!(0));
}

#[test]
fn the_sample_round_trips_losslessly() {
    let sample = samples::bac_giang_2023_q3();
    let text = serde_json::to_string(&sample).expect("serializes");
    let back: Report = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(back, sample);
    // Exactly: the printed precision of every cell, and blanks as blanks.
    assert_eq!(back.cells(), sample.cells());
    assert_eq!(back.form1.plan_completion_rate, None);
    assert_eq!(back.form6.disbursement_rate, None);
    assert_eq!(
        back.form3.on_time_rate_departments.map(Percent::decimals),
        Some(1)
    );
    assert_eq!(
        back.form3.petitions_resolved_rate.map(Percent::decimals),
        Some(0)
    );
    for indicator in &CATALOGUE {
        assert_eq!(
            back.cell_text(indicator.id),
            sample.cell_text(indicator.id),
            "form {} row {}",
            indicator.form,
            indicator.stt
        );
    }
    // And the text again is the same text, pretty or not.
    assert_eq!(serde_json::to_string(&back).expect("serializes"), text);
    let pretty = serde_json::to_string_pretty(&sample).expect("serializes");
    let from_pretty: Report = serde_json::from_str(&pretty).expect("deserializes");
    assert_eq!(from_pretty.cells(), sample.cells());
}

#[test]
fn printed_precision_survives() {
    // "100" and "100.00" are different readings of the same number.
    let hundred = read(&sample_json()).expect("the sample");
    let hundred_00 = read(&with_cell(
        "form3",
        "petitions_resolved_rate",
        json!("100.00"),
    ))
    .expect("valid");
    let rate = hundred_00.form3.petitions_resolved_rate.expect("not blank");
    assert_eq!(rate.decimals(), 2);
    assert_eq!(rate.to_string(), "100,00");
    assert_eq!(rate.get().mantissa(), 10_000);
    assert_ne!(hundred.cells(), hundred_00.cells());
    assert_ne!(
        hundred.form3.petitions_resolved_rate,
        hundred_00.form3.petitions_resolved_rate
    );
    assert_ne!(hundred, hundred_00);
    assert_eq!(
        serde_json::to_value(&hundred_00).expect("serializes")["form3"]["petitions_resolved_rate"],
        json!("100.00")
    );

    // "99.3" stays "99.3", "99.30" stays "99.30".
    let text = serde_json::to_string(&json!("99.3")).expect("a string");
    let rate: Percent = serde_json::from_str(&text).expect("a percentage");
    assert_eq!((rate.get().mantissa(), rate.decimals()), (993, 1));
    assert_eq!(
        serde_json::to_string(&rate).expect("serializes"),
        "\"99.3\""
    );
    let rate_30: Percent = serde_json::from_str("\"99.30\"").expect("a percentage");
    assert_eq!((rate_30.get().mantissa(), rate_30.decimals()), (9930, 2));
    assert_eq!(
        serde_json::to_string(&rate_30).expect("serializes"),
        "\"99.30\""
    );
    assert_ne!(rate, rate_30);

    // Amounts too.
    let amount: MillionVnd = serde_json::from_str("\"8007000.50\"").expect("an amount");
    assert_eq!(amount.get(), Decimal::new(800_700_050, 2));
    assert_eq!(amount.to_string(), "8.007.000,50");
    assert_eq!(
        serde_json::to_string(&amount).expect("serializes"),
        "\"8007000.50\""
    );
}

#[test]
fn unknown_fields_are_rejected_and_named() {
    let mut value = sample_json();
    value["typo_at_report"] = json!(1);
    let error = read(&value).expect_err("unknown report field");
    assert!(
        error.to_string().contains("unknown field `typo_at_report`"),
        "{error}"
    );

    let mut value = sample_json();
    value["meta"]["typo_at_meta"] = json!("x");
    let error = read(&value).expect_err("unknown meta field");
    assert!(
        error.to_string().contains("unknown field `typo_at_meta`"),
        "{error}"
    );

    let mut value = sample_json();
    value["meta"]["period"]["quarter"] = json!(3);
    let error = read(&value).expect_err("unknown period field");
    assert!(
        error.to_string().contains("unknown field `quarter`"),
        "{error}"
    );

    for form in FORMS {
        let mut value = sample_json();
        value[form.key]["resolved_departmnets"] = json!(54_106);
        let error = read(&value).expect_err("unknown form field");
        assert!(
            error
                .to_string()
                .contains("unknown field `resolved_departmnets`"),
            "{}: {error}",
            form.key
        );
    }
    // An indicator of another form is unknown in this one.
    let error = read(&with_cell("form1", "resolved_departments", json!(54_106)))
        .expect_err("form 3's field in form 1");
    assert!(
        error
            .to_string()
            .contains("unknown field `resolved_departments`"),
        "{error}"
    );
    // An unknown form.
    let mut value = sample_json();
    value["form8"] = json!({});
    let error = read(&value).expect_err("there is no form 8");
    assert!(
        error.to_string().contains("unknown field `form8`"),
        "{error}"
    );
}

#[test]
fn counts_are_json_integers_whole_and_not_negative() {
    let (form, key) = ("form3", "resolved_departments");
    for cell in [
        json!("54106"),
        json!("54.106"),
        json!(-5),
        json!(1.5),
        json!(54_106.0),
        json!(true),
        json!([54_106]),
        json!({ "value": 54_106 }),
    ] {
        let message = rejected(form, key, &cell);
        assert!(
            message.contains("invalid type") || message.contains("invalid value"),
            "{cell}: {message}"
        );
    }
    // One past u64::MAX does not fit.
    let error =
        serde_json::from_str::<Count<Dossier>>("18446744073709551616").expect_err("too large");
    assert!(!error.to_string().is_empty());
    let max: Count<Dossier> = serde_json::from_str("18446744073709551615").expect("u64::MAX");
    assert_eq!(max.get(), u64::MAX);
    // Zero and blank are different.
    let zero = read(&with_cell(form, key, json!(0))).expect("zero");
    assert_eq!(zero.form3.resolved_departments.map(Count::get), Some(0));
    let blank = read(&with_cell(form, key, Value::Null)).expect("blank");
    assert_eq!(blank.form3.resolved_departments, None);
}

#[test]
fn percentages_and_amounts_are_strict_decimal_strings() {
    for (form, key) in [
        ("form3", "on_time_rate_departments"),
        ("form6", "investment_plan"),
    ] {
        // Numbers are not accepted: they would lose the printed precision.
        for cell in [json!(99.3), json!(100), json!(true), json!(["99.3"])] {
            let message = rejected(form, key, &cell);
            assert!(message.contains("invalid type"), "{cell}: {message}");
        }
        for text in [
            "1,5",           // the Vietnamese decimal mark is for rows, not JSON
            "1.",            // a point with no decimals
            ".5",            // no integer digit
            "1e3",           // exponent
            "1E3",           // exponent
            "99.3000000",    // 7 decimals
            "1234567890123", // 13 integer digits
            "1.420.000",     // grouping
            "",              // empty
            "-",             // a lone sign
            "+1",            // a plus sign
            "--1",           // two signs
            " 1",            // white space
            "1 ",            // white space
            "0x10",          // hexadecimal
            "NaN",
            "inf",
            "1.2.3",
            "-.5",
            "١٢",
        ] {
            let message = rejected(form, key, &json!(text));
            assert!(
                message.contains(&format!("{text:?}")),
                "{form}.{key} = {text:?}: {message}"
            );
        }
        // The limits themselves are fine.
        for (text, mantissa, scale) in [
            ("123456789012", 123_456_789_012_i64, 0),
            ("99.300000", 99_300_000, 6),
            ("999999999999.999999", 999_999_999_999_999_999, 6),
            ("-5", -5, 0),
            ("0.5", 5, 1),
            ("0", 0, 0),
            ("007", 7, 0),
        ] {
            let report = read(&with_cell(form, key, json!(text)))
                .unwrap_or_else(|error| panic!("{text}: {error}"));
            let printed = report
                .cells()
                .0
                .iter()
                .zip(&CATALOGUE)
                .find(|(_, indicator)| indicator.key == key)
                .and_then(|(cell, _)| *cell)
                .expect("not blank");
            assert_eq!(
                (printed.mantissa, printed.decimals),
                (i128::from(mantissa), scale),
                "{text}"
            );
        }
    }
    let message = rejected("form3", "on_time_rate_departments", &json!("1,5"));
    assert!(message.contains("invalid percent \"1,5\""), "{message}");
    let message = rejected("form6", "investment_plan", &json!("1e3"));
    assert!(message.contains("invalid million VND \"1e3\""), "{message}");
}

#[test]
fn codes_are_their_legends_numbers() {
    let cases = [
        ("form1", "satisfaction_survey", 2, "Có = 1; Không = 0"),
        (
            "form1",
            "survey_method",
            3,
            "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2",
        ),
        (
            "form7",
            "architecture_updated",
            2,
            "Chưa = 0 Hoàn thành = 1",
        ),
        (
            "form7",
            "online_meeting_system",
            3,
            "Chưa có = 0 2 cấp = 1 3 cấp = 2",
        ),
        (
            "form7",
            "shared_platform",
            3,
            "Chưa = 0 Đang làm = 1 Hoàn thành = 2",
        ),
    ];
    for (form, key, outside, legend) in cases {
        let message = rejected(form, key, &json!(outside));
        assert!(
            message.contains(&format!("code {outside} is not in the legend `{legend}`")),
            "{form}.{key}: {message}"
        );
        for cell in [json!(-1), json!(1.0), json!("1"), json!(true), json!(300)] {
            rejected(form, key, &cell);
        }
        // Every code below the first one outside is accepted.
        for code in 0..outside {
            read(&with_cell(form, key, json!(code)))
                .unwrap_or_else(|error| panic!("{form}.{key} = {code}: {error}"));
        }
    }
}

#[test]
fn the_yes_no_row_printed_the_other_way_round_is_a_yes_no() {
    // Form 1 row 7 prints its legend as `Không = 0 Có = 1`.
    let message = rejected("form1", "leadership_dialogue", &json!(2));
    assert!(message.contains("code 2 is not in the legend"), "{message}");
    for code in [0, 1] {
        let report = read(&with_cell("form1", "leadership_dialogue", json!(code))).expect("a code");
        assert_eq!(
            report.form1.leadership_dialogue.map(YesNo::code),
            Some(code)
        );
    }
}

#[test]
fn meta_is_typed() {
    for (path, cell) in [
        ("level", json!("tỉnh")),
        ("level", json!("Province")),
        ("template", json!("581/BNV-CCHC")),
        ("body", json!(1)),
    ] {
        let mut value = sample_json();
        value["meta"][path] = cell.clone();
        assert!(read(&value).is_err(), "meta.{path} = {cell}");
    }
    for (term, expected) in [
        ("q1", Term::Q1),
        ("half_year", Term::HalfYear),
        ("q3", Term::Q3),
        ("year", Term::Year),
    ] {
        let mut value = sample_json();
        value["meta"]["period"]["term"] = json!(term);
        let report = read(&value).expect("a term");
        assert_eq!(report.meta.period, Some(Period::new(2023, expected)));
    }
    for (level, expected) in [
        ("ministry", Level::Ministry),
        ("province", Level::Province),
        ("district", Level::District),
        ("commune", Level::Commune),
    ] {
        let mut value = sample_json();
        value["meta"]["level"] = json!(level);
        assert_eq!(read(&value).expect("a level").meta.level, Some(expected));
    }
    let mut value = sample_json();
    value["meta"]["period"]["term"] = json!("q2");
    assert!(read(&value).is_err());
    let mut value = sample_json();
    value["meta"]["period"]["year"] = json!(-2023);
    assert!(read(&value).is_err());
}

#[test]
fn missing_indicators_read_as_blank() {
    let mut value = sample_json();
    let form1 = value["form1"].as_object_mut().expect("an object");
    assert!(form1.remove("plan_tasks").is_some());
    assert!(form1.remove("plan_completion_rate").is_some());
    let report = read(&value).expect("missing indicators are blank");
    assert_eq!(report.form1.plan_tasks, None);
    assert_eq!(report.form1.plan_completion_rate, None);
    assert_eq!(report.form1.plan_tasks_completed.map(Count::get), Some(40));

    // An empty form is a form of blanks.
    let mut value = sample_json();
    value["form6"] = json!({});
    let report = read(&value).expect("an empty form");
    assert_eq!(report.form6, Form6::default());
    let form1: Form1 = serde_json::from_str("{}").expect("an empty form");
    assert_eq!(form1, Form1::default());
    assert_eq!(form1.directives_issued, None);

    // A whole report of blank forms.
    let blank = Report::new(ReportMeta::default());
    let text = serde_json::to_string(&blank).expect("serializes");
    let back: Report = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(back, blank);
    assert!(back.cells().0.iter().all(Option::is_none));
}

#[test]
fn debug_clone_and_eq_work() {
    let sample = samples::bac_giang_2023_q3();
    let copy = sample.clone();
    assert_eq!(copy, sample);
    let debug = format!("{sample:?}");
    assert!(debug.contains("UBND tỉnh Bắc Giang"), "{debug}");
    assert!(
        debug.contains("resolved_departments: Some(54106 dossiers)"),
        "{debug}"
    );
    assert!(
        debug.contains("on_time_rate_departments: Some(99.3 percent)"),
        "{debug}"
    );
    assert!(debug.contains("plan_completion_rate: None"), "{debug}");
    assert!(
        debug.contains("investment_plan: Some(8007000 million VND)"),
        "{debug}"
    );
    assert!(debug.contains("satisfaction_survey: Some(Yes)"), "{debug}");

    let mut changed = sample.clone();
    changed.form3.resolved_departments = Some(Count::new(54_107));
    assert_ne!(changed, sample);
    let mut blanked = sample.clone();
    blanked.form5.leaders_appointed_by_exam = None; // was 0
    assert_ne!(blanked, sample);
    let mut meta = sample.clone();
    meta.meta.period = Some(Period::new(2023, Term::Year));
    assert_ne!(meta, sample);

    let rate = Percent::parse_cell("99,3").expect("a percentage");
    let same = rate;
    assert_eq!(rate, same);
    assert_eq!(format!("{rate:?}"), "99.3 percent");
}

/// The problems of `Report::from_json` on `text`, which must be refused.
fn problems_of(text: &str) -> Vec<cchc_forms::JsonProblem> {
    match Report::from_json(text) {
        Ok(report) => panic!("accepted: {report:?}"),
        Err(cchc_forms::Error::Json(problems)) => problems.iter().cloned().collect(),
        Err(other) => panic!("not a JSON problem: {other}"),
    }
}

#[test]
fn the_reader_reads_the_period_and_names_what_is_missing_or_unknown() {
    // The sample's period (Q3/2023) is read back as given, and `null` is no
    // period at all.
    let sample = sample_json();
    let read = Report::from_json(&sample.to_string()).expect("the sample reads");
    assert_eq!(
        read.meta.period,
        Some(Period {
            year: 2023,
            term: Term::Q3
        })
    );
    let mut no_period = sample.clone();
    no_period["meta"]["period"] = Value::Null;
    let read = Report::from_json(&no_period.to_string()).expect("a report without a period");
    assert_eq!(read.meta.period, None);

    // A form left out is named, with the way to say "no figures".
    let mut without_form3 = sample.clone();
    without_form3
        .as_object_mut()
        .expect("an object")
        .remove("form3");
    let problems = problems_of(&without_form3.to_string());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "form3");
    assert_eq!(
        problems[0].message_en,
        "missing field `form3` (write \"form3\": {} for a form with no figures)"
    );

    // A key that is not a form is named as unknown, the forms being known.
    let mut form8 = sample.clone();
    form8["form8"] = json!({});
    let problems = problems_of(&form8.to_string());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].message_en,
        "unknown field `form8` (the fields are meta and form1 to form7)"
    );

    // A text cut short is refused at the line where it ends: the third.
    let problems = problems_of("{\n\"meta\":\n{");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(3));
}

#[test]
fn a_repeated_key_of_the_period_is_reported_once() {
    // `"year"` twice in the period: one problem, the repeated key, and not
    // a second one for the period's shape.
    let text =
        sample_json()
            .to_string()
            .replacen("\"year\":2023", "\"year\":2023,\"year\":2024", 1);
    assert!(
        text.contains("\"year\":2024"),
        "the sample's period is written as expected"
    );
    let problems = problems_of(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message_en.contains("year"), "{problems:?}");
}

#[test]
fn a_decimal_written_the_vietnamese_way_is_shown_as_json_writes_it() {
    // 99,3 % (form 3 row 3.1) written as printed, with a decimal comma: JSON
    // wants the dot, and the message gives the value as it must be written.
    let text = with_cell("form3", "on_time_rate_departments", json!("99,3")).to_string();
    let problems = problems_of(&text);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message_en
            .contains("in JSON a decimal uses a dot and no thousands separators: \"99.3\""),
        "{}",
        problems[0].message_en
    );
    // Written as JSON writes it, it is read.
    let text = with_cell("form3", "on_time_rate_departments", json!("99.3")).to_string();
    assert!(Report::from_json(&text).is_ok());
}

mod reader_edges {
    use cchc_forms::rows::read_meta;
    use cchc_forms::{Error, MetaProblem, Period, REPORT_YEARS, Report, Term, samples};

    fn sample_json() -> serde_json::Value {
        serde_json::to_value(samples::bac_giang_2023_q3()).expect("serialises")
    }

    #[test]
    fn a_huge_key_is_cut_and_a_control_character_escaped() {
        let mut json = sample_json();
        json["form3"][&"k".repeat(1_000_000)] = serde_json::json!(1);
        json["form4"]["a\u{7}b"] = serde_json::json!(1);
        let Err(Error::Json(problems)) = Report::from_json(&json.to_string()) else {
            panic!("accepted")
        };
        assert_eq!(problems.len(), 2);
        for problem in &problems {
            assert!(problem.path.len() < 400, "{}", problem.path.len());
            assert!(problem.message_en.len() < 600);
            assert!(problem.message_vi.len() < 600);
            assert!(problem.to_string().len() < 1_500);
        }
        let bell = problems
            .iter()
            .find(|p| p.path.starts_with("form4"))
            .expect("form4");
        assert_eq!(bell.path, r"form4.a\u{7}b");
        assert!(bell.message_en.contains(r"a\u{7}b"));
        assert!(!bell.message_en.contains('\u{7}'));
    }

    #[test]
    fn metadata_lines_take_the_report_years() {
        let (first, last) = (*REPORT_YEARS.start(), *REPORT_YEARS.end());
        assert_eq!((first, last), (2000, 2100));
        for year in [1999_u16, 2000, 2023, 2100, 2101, 9999] {
            let from_meta = read_meta(&format!("#! period: {year} Q3\n"));
            assert_eq!(from_meta.is_ok(), REPORT_YEARS.contains(&year), "{year}");
            if let Ok(meta) = from_meta {
                assert_eq!(meta.period, Some(Period::new(year, Term::Q3)));
            }
        }
    }

    /// JSON takes the years `#!` lines take, no more: 1999 and 2101 are
    /// refused by both, naming the year, alone or beside other problems.
    #[test]
    fn json_takes_the_years_metadata_lines_take() {
        for year in [1999_u16, 2000, 2023, 2100, 2101, 9999] {
            let mut json = sample_json();
            json["meta"]["period"] = serde_json::json!({"year": year, "term": "q3"});
            let from_json = Report::from_json(&json.to_string());
            let from_meta = read_meta(&format!("#! period: {year} Q3\n"));
            assert_eq!(from_json.is_ok(), from_meta.is_ok(), "{year}");
            assert_eq!(from_json.is_ok(), REPORT_YEARS.contains(&year), "{year}");
            if REPORT_YEARS.contains(&year) {
                continue;
            }
            // A valid document but for its year: the metadata's problem.
            let Err(Error::Meta(problems)) = from_json else {
                panic!("{year}: {from_json:?}")
            };
            assert_eq!(problems, [MetaProblem::YearOutOfRange { year }]);
            assert!(
                problems[0]
                    .message_en()
                    .contains(&format!("the year {year} is outside"))
            );
            assert!(
                problems[0]
                    .message_vi()
                    .contains(&format!("năm {year} nằm ngoài"))
            );
            // With another problem, both are named at once.
            json["form3"]["1.4"] = serde_json::json!(-5);
            let Err(Error::Json(problems)) = Report::from_json(&json.to_string()) else {
                panic!("{year}: accepted")
            };
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            assert!(paths.contains(&"meta.period"), "{year}: {paths:?}");
            assert!(
                paths.iter().any(|p| p.starts_with("form3")),
                "{year}: {paths:?}"
            );
        }
    }

    #[test]
    fn a_template_given_wrong_is_not_also_missing() {
        let mut json = sample_json();
        json["meta"]["template"] = serde_json::json!("582/BNV");
        let Err(Error::Json(problems)) = Report::from_json(&json.to_string()) else {
            panic!("accepted")
        };
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "meta.template");
        assert!(!problems[0].message_en.contains("missing"));
        // Left out, it is missing.
        json["meta"]
            .as_object_mut()
            .expect("object")
            .remove("template");
        let Err(Error::Json(problems)) = Report::from_json(&json.to_string()) else {
            panic!("accepted")
        };
        assert_eq!(problems[0].message_en, "missing field `template`");
    }

    #[test]
    fn a_syntax_error_says_its_line_once() {
        let Err(Error::Json(problems)) = Report::from_json("{\n\"meta\": ") else {
            panic!("accepted")
        };
        assert_eq!(problems[0].line, Some(2));
        assert!(
            !problems[0].message_en.contains("line"),
            "{}",
            problems[0].message_en
        );
        assert_eq!(problems[0].to_string().matches("line").count(), 1);
    }
}
