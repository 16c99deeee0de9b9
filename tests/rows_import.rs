//! Importing reports from rows: every kind of bad cell, named cell by cell.
//!
//! `Report::from_rows` must reject every cell the forms could not print,
//! naming the form, the STT and the raw text, and report every problem of a
//! document at once, in row order. What it accepts it must accept whatever
//! the order of the rows and however the STT is dotted, and it must never
//! panic, whatever the text.

use cchc_forms::bnv581::{CATALOGUE, HEADINGS};
use cchc_forms::catalogue::CellId;
use cchc_forms::number::NumberError;
use cchc_forms::rows::parse_tsv;
use cchc_forms::samples::{self, BAC_GIANG_2023_Q3_TSV};
use cchc_forms::unit::{Count, Percent, Printed, SurveyMethod, YesNo};
use cchc_forms::{CellError, CellProblem, Error, Report, ReportMeta, Row};
use rust_decimal::Decimal;

/// The cell errors of one import, which must fail.
fn cell_errors<'a>(rows: impl IntoIterator<Item = Row<'a>>) -> Vec<CellError> {
    match Report::from_rows(ReportMeta::default(), rows) {
        Ok(report) => panic!("expected an error, got {report:?}"),
        Err(error) => {
            assert!(matches!(error, Error::Rows(_)), "{error:?}");
            error.cells().to_vec()
        }
    }
}

/// The problem of a single row, which must be bad.
fn problem_of(form: u8, stt: &str, text: &str) -> CellProblem {
    let problems = cell_errors([Row::new(form, stt, text)]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let cell = &problems[0];
    assert_eq!(
        (cell.form, cell.stt.as_str(), cell.raw.as_str()),
        (form, stt, text)
    );
    cell.problem.clone()
}

/// A report of one row, which must be good.
fn import_one(form: u8, stt: &str, text: &str) -> Report {
    Report::from_rows(ReportMeta::default(), [Row::new(form, stt, text)])
        .unwrap_or_else(|error| panic!("form {form} STT {stt} text {text:?}: {error}"))
}

fn not_a_number(error: NumberError) -> CellProblem {
    CellProblem::NotANumber(error)
}

const YES_NO: &str = "Có = 1; Không = 0";
const SURVEY_METHOD: &str = "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2";

#[test]
fn unknown_forms_are_named() {
    for form in [0, 8, 255] {
        assert_eq!(problem_of(form, "1", "5"), CellProblem::UnknownForm);
        // Even a blank cell of an unknown form is an error.
        assert_eq!(problem_of(form, "1", ""), CellProblem::UnknownForm);
    }
    let problems = cell_errors([Row::new(8, "1.", "37")]);
    assert_eq!(
        problems[0].to_string(),
        "form 8, STT \"1.\", text \"37\": there is no form with this number (the first column is the form number, 1 to 7)"
    );
}

#[test]
fn unknown_stts_are_named() {
    for (form, stt) in [
        (3, "9.9"),
        (1, "3.4"),    // form 1 has 3.1 to 3.3
        (1, "8"),      // form 1 ends at 7
        (2, "1.4"),    // form 2 has 1.1 to 1.3
        (7, "6.6"),    // form 7 has 6.1 to 6.5
        (3, "3.1.3"),  // 3.1 has two sub-rows
        (2, ""),       // no STT at all
        (2, "."),      // a lone dot
        (2, "1.1.."),  // one trailing dot only
        (2, "1..1"),   // an empty level
        (2, ".1.1"),   // a leading dot
        (2, "1,1"),    // a comma
        (2, "I.1"),    // a Roman numeral
        (4, "1.5.01"), // a leading zero
    ] {
        assert_eq!(
            problem_of(form, stt, "1"),
            CellProblem::UnknownStt,
            "form {form} STT {stt:?}"
        );
    }
    let problems = cell_errors([Row::new(3, "9.9", "1")]);
    assert_eq!(
        problems[0].to_string(),
        "form 3, STT \"9.9\", text \"1\": this form has no row with this STT"
    );
}

#[test]
fn a_cell_given_twice_is_a_duplicate() {
    let problems = cell_errors([
        Row::new(2, "1", "37"),
        Row::new(2, "1.1", "25"),
        Row::new(2, "2", ""), // a heading: no cell, but a row position
        Row::new(2, "1.1.", "25"),
        Row::new(2, " 1.1 ", "26"),
        Row::new(2, "1.", ""), // a blank is still the cell, given twice
    ]);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        (
            problems[0].stt.as_str(),
            problems[0].raw.as_str(),
            &problems[0].problem
        ),
        ("1.1.", "25", &CellProblem::Duplicate { first_row: 2 })
    );
    assert_eq!(
        (problems[1].stt.as_str(), &problems[1].problem),
        (" 1.1 ", &CellProblem::Duplicate { first_row: 2 })
    );
    assert_eq!(
        (problems[2].stt.as_str(), &problems[2].problem),
        ("1.", &CellProblem::Duplicate { first_row: 1 })
    );
    assert_eq!(
        problems[0].to_string(),
        "form 2, STT \"1.1.\", text \"25\": this cell was already given, in row 2"
    );
    // The same STT in another form is another cell.
    Report::from_rows(
        ReportMeta::default(),
        [Row::new(2, "1.1", "25"), Row::new(3, "1.1", "23")],
    )
    .expect("two forms, two cells");
}

#[test]
fn a_value_on_a_heading_is_rejected() {
    for heading in &HEADINGS {
        assert_eq!(
            problem_of(heading.form, heading.stt, "5"),
            CellProblem::ValueOnHeading,
            "form {} heading {}",
            heading.form,
            heading.stt
        );
        // Even text that is not a number: a heading holds nothing.
        assert_eq!(
            problem_of(heading.form, heading.stt, "gần 98"),
            CellProblem::ValueOnHeading
        );
    }
    let problems = cell_errors([Row::new(3, "3.", "5")]);
    assert_eq!(
        problems[0].to_string(),
        "form 3, STT \"3.\", text \"5\": this row is a heading and holds no value"
    );
}

#[test]
fn a_heading_with_an_empty_cell_is_accepted() {
    for heading in &HEADINGS {
        for text in ["", " ", "\t"] {
            let report = import_one(heading.form, heading.stt, text);
            assert_eq!(report, Report::new(ReportMeta::default()));
            let dotted = format!("{}.", heading.stt);
            import_one(heading.form, &dotted, text);
        }
    }
    // Headings given twice are no duplicate: they hold no cell.
    Report::from_rows(
        ReportMeta::default(),
        [Row::new(3, "3", ""), Row::new(3, "3.", "")],
    )
    .expect("headings hold no cell");
}

#[test]
fn text_that_is_not_a_number_is_rejected() {
    let count = (3, "3.1.1"); // Tổng số hồ sơ TTHC đã giải quyết xong, Hồ sơ
    let percent = (3, "3.1"); // Tỷ lệ ... đúng hạn, %
    let amount = (6, "1.1"); // Kế hoạch được giao, Triệu đồng
    let unexpected = |character, position| {
        not_a_number(NumberError::UnexpectedCharacter {
            character,
            position,
        })
    };
    for (form, stt) in [count, percent, amount] {
        // "Nearly 98" and "over 84.5 million" occur in real publications.
        assert_eq!(problem_of(form, stt, "gần 98"), unexpected('g', 0));
        assert_eq!(problem_of(form, stt, "hơn 84,5 triệu"), unexpected('h', 0));
        assert_eq!(problem_of(form, stt, "98%"), unexpected('%', 2));
        assert_eq!(problem_of(form, stt, "1 420"), unexpected(' ', 1));
        assert_eq!(problem_of(form, stt, "+5"), unexpected('+', 0));
        assert_eq!(problem_of(form, stt, "1e3"), unexpected('e', 1));
        // A thousands group has exactly three digits; for a count, text
        // that reads as a decimal the English way fits no whole count (no
        // `1,42` is suggested for it).
        let grouping = if (form, stt) == count {
            NumberError::FractionalCount
        } else {
            NumberError::BadGrouping
        };
        assert_eq!(problem_of(form, stt, "1.42"), not_a_number(grouping));
        assert_eq!(problem_of(form, stt, "12.3456"), not_a_number(grouping));
        assert_eq!(
            problem_of(form, stt, "1.42.000"),
            not_a_number(NumberError::BadGrouping)
        );
        assert_eq!(
            problem_of(form, stt, "1..000"),
            not_a_number(NumberError::BadGrouping)
        );
        assert_eq!(
            problem_of(form, stt, ".5"),
            not_a_number(NumberError::BadGrouping)
        );
        // At most one decimal mark, followed by digits.
        assert_eq!(
            problem_of(form, stt, "1,2,3"),
            not_a_number(NumberError::BadDecimalMark)
        );
        assert_eq!(
            problem_of(form, stt, "5,"),
            not_a_number(NumberError::BadDecimalMark)
        );
        assert_eq!(
            problem_of(form, stt, ",5"),
            not_a_number(NumberError::BadDecimalMark)
        );
        assert_eq!(
            problem_of(form, stt, "1,2.3"),
            not_a_number(NumberError::BadDecimalMark)
        );
        // A sign only in front, and followed by digits.
        assert_eq!(problem_of(form, stt, "-"), not_a_number(NumberError::Dash));
        assert_eq!(
            problem_of(form, stt, "--5"),
            not_a_number(NumberError::MisplacedSign)
        );
        assert_eq!(
            problem_of(form, stt, "5-"),
            not_a_number(NumberError::MisplacedSign)
        );
    }
    let problems = cell_errors([Row::new(3, "3.1.1.", "gần 98")]);
    assert_eq!(
        problems[0].to_string(),
        "form 3, STT \"3.1.1.\", text \"gần 98\": the character \"g\" cannot appear in a number"
    );
}

#[test]
fn counts_are_whole_and_not_negative() {
    let (form, stt) = (3, "3.1.1");
    assert_eq!(
        problem_of(form, stt, "-5"),
        not_a_number(NumberError::NegativeCount)
    );
    assert_eq!(
        problem_of(form, stt, "-0"),
        not_a_number(NumberError::NegativeCount)
    );
    assert_eq!(
        problem_of(form, stt, "1,5"),
        not_a_number(NumberError::FractionalCount)
    );
    // Even a zero fraction: a count is printed without decimals.
    assert_eq!(
        problem_of(form, stt, "54.106,0"),
        not_a_number(NumberError::FractionalCount)
    );
    let problems = cell_errors([Row::new(2, "1", "-5")]);
    assert_eq!(
        problems[0].to_string(),
        "form 2, STT \"1\", text \"-5\": a count cannot be negative"
    );
    let problems = cell_errors([Row::new(2, "1", "1,5")]);
    assert_eq!(
        problems[0].to_string(),
        "form 2, STT \"1\", text \"1,5\": a count must be a whole number"
    );
    // While a percentage can be negative (the checks say where it cannot).
    let report = import_one(3, "3.1", "-5");
    assert_eq!(
        report.form3.on_time_rate_departments.map(Percent::get),
        Some(Decimal::new(-5, 0))
    );
}

#[test]
fn numbers_too_large_overflow() {
    let twenty_nines = "99999999999999999999";
    // A count is at most u64::MAX = 18 446 744 073 709 551 615.
    assert_eq!(
        problem_of(3, "3.1.1", twenty_nines),
        not_a_number(NumberError::Overflow)
    );
    assert_eq!(
        problem_of(3, "3.1.1", "18446744073709551616"),
        not_a_number(NumberError::Overflow)
    );
    assert_eq!(
        problem_of(3, "3.1.1", "18.446.744.073.709.551.616"),
        not_a_number(NumberError::Overflow)
    );
    let report = import_one(3, "3.1.1", "18.446.744.073.709.551.615");
    assert_eq!(
        report.form3.resolved_departments.map(Count::get),
        Some(u64::MAX)
    );
    // A decimal has at most 12 integer digits and 6 decimals.
    for (form, stt) in [(3, "3.1"), (6, "1.1")] {
        assert_eq!(
            problem_of(form, stt, twenty_nines),
            not_a_number(NumberError::Overflow)
        );
        assert_eq!(
            problem_of(form, stt, "1.000.000.000.000"),
            not_a_number(NumberError::Overflow)
        );
        assert_eq!(
            problem_of(form, stt, "1,1234567"),
            not_a_number(NumberError::TooManyDecimals)
        );
        import_one(form, stt, "999.999.999.999,999999");
    }
    // A code is read as a count first.
    // A code's text that is no number of its legend is named as such.
    assert!(matches!(
        problem_of(1, "6", twenty_nines),
        CellProblem::NotInLegend { .. }
    ));
}

#[test]
fn codes_outside_their_legend_are_rejected() {
    assert_eq!(
        problem_of(1, "6", "2"),
        CellProblem::NotInLegend { legend: YES_NO }
    );
    assert_eq!(
        problem_of(1, "6.2", "3"),
        CellProblem::NotInLegend {
            legend: SURVEY_METHOD
        }
    );
    assert_eq!(
        problem_of(7, "1", "2"),
        CellProblem::NotInLegend {
            legend: "Chưa = 0 Hoàn thành = 1"
        }
    );
    assert_eq!(
        problem_of(7, "2", "3"),
        CellProblem::NotInLegend {
            legend: "Chưa có = 0 2 cấp = 1 3 cấp = 2"
        }
    );
    assert_eq!(
        problem_of(7, "4", "3"),
        CellProblem::NotInLegend {
            legend: "Chưa = 0 Đang làm = 1 Hoàn thành = 2"
        }
    );
    assert!(matches!(
        problem_of(1, "7", "2"),
        CellProblem::NotInLegend { .. }
    ));
    // A code is whole and not negative, like a count.
    // A code's text that is no number of its legend is named as such.
    assert!(matches!(
        problem_of(1, "6", "-1"),
        CellProblem::NotInLegend { .. }
    ));
    // A code's text that is no number of its legend is named as such.
    assert!(matches!(
        problem_of(1, "6", "1,0"),
        CellProblem::NotInLegend { .. }
    ));
    let problems = cell_errors([Row::new(1, "6.2.", "3")]);
    assert_eq!(
        problems[0].to_string(),
        "form 1, STT \"6.2.\", text \"3\": not a code of the legend \
         `Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2`"
    );
    // Every code of each legend is accepted.
    for (text, expected) in [
        ("0", SurveyMethod::Online),
        ("1", SurveyMethod::PaperForms),
        ("2", SurveyMethod::Combined),
        ("02", SurveyMethod::Combined),
    ] {
        assert_eq!(
            import_one(1, "6.2", text).form1.survey_method,
            Some(expected)
        );
    }
    assert_eq!(
        import_one(1, "6", "0").form1.satisfaction_survey,
        Some(YesNo::No)
    );
}

/// Row 7 of form 1 prints the yes/no legend the other way round
/// (`Không = 0 Có = 1`); the error should quote the legend as that row prints
/// it, as the catalogue does.
#[test]
fn a_code_error_quotes_the_legend_its_row_prints() {
    assert_eq!(CellId::of(1, "7").indicator().unit_vi, "Không = 0 Có = 1");
    assert_eq!(
        problem_of(1, "7", "2"),
        CellProblem::NotInLegend {
            legend: "Không = 0 Có = 1"
        }
    );
}

#[test]
fn empty_or_white_text_is_blank_never_zero() {
    for indicator in &CATALOGUE {
        for text in ["", " ", "\t", "  \u{a0} "] {
            let report = import_one(indicator.form, indicator.stt, text);
            assert_eq!(report.cell(indicator.id), None, "{text:?}");
            assert_eq!(report.cell_text(indicator.id), None);
        }
    }
    // Blank a cell of the sample: it is blank, not zero.
    let sample = samples::bac_giang_2023_q3();
    let mut rows = sample.to_rows();
    for row in &mut rows {
        if (row.indicator.form, row.indicator.stt) == (5, "3") {
            assert_eq!(row.text, "0");
            row.text = String::from(" ");
        }
    }
    let report = Report::from_rows(sample.meta.clone(), rows.iter().map(|row| row.as_row()))
        .expect("a blank is fine");
    assert_eq!(report.form5.leaders_appointed_by_exam, None);
    assert_ne!(report, sample);
}

#[test]
fn every_problem_is_reported_at_once_in_row_order() {
    let rows = [
        Row::new(1, "1.", "50"),              // 0: good
        Row::new(3, "3.1.1.", "54,106"),      // 1: fractional count
        Row::new(9, "1", "5"),                // 2: unknown form
        Row::new(3, "3.", "5"),               // 3: value on a heading
        Row::new(3, "3.1", "99,3"),           // 4: good
        Row::new(1, "6", "2"),                // 5: not in legend
        Row::new(2, "9", "1"),                // 6: unknown STT
        Row::new(2, "1", "-5"),               // 7: negative count
        Row::new(3, "3.1.", "99,30"),         // 8: duplicate of row 4
        Row::new(6, "1.1", "hơn 84,5 triệu"), // 9: not a number
        Row::new(4, "1.5.1", "06"),           // 10: good
        Row::new(7, "6.2", "1.42"),           // 11: bad grouping
        Row::new(5, "3", ""),                 // 12: good (blank)
    ];
    let found = cell_errors(rows);
    let expected = [
        (
            3,
            "3.1.1.",
            "54,106", // 54.106 written the English way
            not_a_number(NumberError::EnglishSeparators),
        ),
        (9, "1", "5", CellProblem::UnknownForm),
        (3, "3.", "5", CellProblem::ValueOnHeading),
        (1, "6", "2", CellProblem::NotInLegend { legend: YES_NO }),
        (2, "9", "1", CellProblem::UnknownStt),
        (2, "1", "-5", not_a_number(NumberError::NegativeCount)),
        (3, "3.1.", "99,30", CellProblem::Duplicate { first_row: 5 }),
        (
            6,
            "1.1",
            "hơn 84,5 triệu",
            not_a_number(NumberError::UnexpectedCharacter {
                character: 'h',
                position: 0,
            }),
        ),
        (7, "6.2", "1.42", not_a_number(NumberError::BadGrouping)),
    ];
    let found: Vec<(u8, &str, &str, CellProblem)> = found
        .iter()
        .map(|cell| {
            (
                cell.form,
                cell.stt.as_str(),
                cell.raw.as_str(),
                cell.problem.clone(),
            )
        })
        .collect();
    assert_eq!(found, expected);

    // The error's own message lists them all, in order.
    let error = Report::from_rows(ReportMeta::default(), rows).expect_err("bad rows");
    let message = error.to_string();
    assert!(message.starts_with("9 problem(s): "), "{message}");
    let mut from = 0;
    for (form, stt, raw, _) in &expected {
        let needle = format!("form {form}, STT {stt:?}, text {raw:?}");
        let at = message[from..]
            .find(&needle)
            .unwrap_or_else(|| panic!("{needle} not in order in {message}"));
        from += at + needle.len();
    }
    // Each cell error has its problem as its source.
    let source = std::error::Error::source(&error.cells()[0]).map(ToString::to_string);
    assert_eq!(
        source.as_deref(),
        Some(
            "`,` between thousands is the English way; Vietnamese numbers group thousands with `.`"
        )
    );
}

#[test]
fn a_trailing_dot_does_not_change_the_row() {
    for indicator in &CATALOGUE {
        let text = if indicator.unit_vi == "%" || indicator.unit_vi == "Triệu đồng" {
            "12,5"
        } else {
            "1"
        };
        let plain = import_one(indicator.form, indicator.stt, text);
        let dotted = import_one(indicator.form, &format!("{}.", indicator.stt), text);
        let spaced = import_one(indicator.form, &format!(" {}. ", indicator.stt), text);
        assert_eq!(plain, dotted);
        assert_eq!(plain, spaced);
        assert!(plain.cell(indicator.id).is_some());
        assert_eq!(
            CellId::find(indicator.form, &format!("{}.", indicator.stt)),
            Some(indicator.id)
        );
    }
}

/// A deterministic permutation of `0..len`, different for each `seed`.
fn permutation(len: usize, seed: u64) -> Vec<usize> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut order: Vec<usize> = (0..len).collect();
    for index in (1..len).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let pick = usize::try_from((state >> 33) % (index as u64 + 1)).unwrap_or(0);
        order.swap(index, pick);
    }
    order
}

#[test]
fn rows_in_any_order_give_the_same_report() {
    let sample = samples::bac_giang_2023_q3();
    let rows = parse_tsv(BAC_GIANG_2023_Q3_TSV).expect("the sample's rows");
    let reversed =
        Report::from_rows(sample.meta.clone(), rows.iter().rev().copied()).expect("reversed rows");
    assert_eq!(reversed, sample);
    assert_eq!(reversed.cells(), sample.cells());
    for seed in 0..20 {
        let order = permutation(rows.len(), seed);
        let shuffled = Report::from_rows(sample.meta.clone(), order.iter().map(|&i| rows[i]))
            .expect("shuffled rows");
        assert_eq!(shuffled, sample, "seed {seed}");
        assert_eq!(shuffled.cells(), sample.cells(), "seed {seed}");
    }
    // Headings interleaved anywhere change nothing.
    let with_headings = rows
        .iter()
        .copied()
        .chain(HEADINGS.iter().map(|h| Row::new(h.form, h.stt, "")));
    let report = Report::from_rows(sample.meta.clone(), with_headings).expect("headings blank");
    assert_eq!(report, sample);
}

#[test]
fn to_rows_then_from_rows_gives_back_the_sample() {
    let sample = samples::bac_giang_2023_q3();
    let rows = sample.to_rows();
    assert_eq!(rows.len(), 125);
    for (row, indicator) in rows.iter().zip(&CATALOGUE) {
        assert_eq!(row.indicator, indicator);
        assert_eq!(
            Some(row.text.clone()).filter(|text| !text.is_empty()),
            sample.cell_text(indicator.id)
        );
    }
    // Printed as the forms print them.
    let text = |form, stt| {
        rows.iter()
            .find(|row| (row.indicator.form, row.indicator.stt) == (form, stt))
            .map(|row| row.text.as_str())
    };
    assert_eq!(text(1, "2"), Some(""));
    assert_eq!(text(1, "6.1"), Some("1.420"));
    assert_eq!(text(3, "3.1"), Some("99,3"));
    assert_eq!(text(3, "3.2"), Some("99,27"));
    assert_eq!(text(6, "1.1"), Some("8.007.000"));
    assert_eq!(text(4, "1.5.1"), Some("6"));

    let again = Report::from_rows(sample.meta.clone(), rows.iter().map(|row| row.as_row()))
        .expect("the rows the report gives out");
    assert_eq!(again, sample);
    assert_eq!(again.cells(), sample.cells());
    assert_eq!(again.to_rows(), rows);

    // And through the TSV the rows would be written as.
    let tsv = rows
        .iter()
        .map(|row| {
            format!(
                "{}\t{}\t{}",
                row.indicator.form, row.indicator.stt, row.text
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let parsed = parse_tsv(&tsv).expect("well-formed TSV");
    let through_tsv = Report::from_rows(sample.meta.clone(), parsed).expect("good rows");
    assert_eq!(through_tsv.cells(), sample.cells());
}

#[test]
fn a_whole_report_survives_set_and_get_by_printed_value() {
    // Every cell of a report set from its printed value reads back the same.
    let sample = samples::bac_giang_2023_q3();
    let mut copy = Report::new(sample.meta.clone());
    for indicator in &CATALOGUE {
        copy.set_cell(indicator.id, sample.cell(indicator.id))
            .expect("the sample's own values");
    }
    assert_eq!(copy.cells(), sample.cells());
    // A count cannot take decimals, a code cannot leave its legend.
    let before = copy.clone();
    assert_eq!(
        copy.set_cell(
            CellId::of(3, "3.1.1"),
            Some(Printed {
                mantissa: 15,
                decimals: 1
            })
        ),
        Err(CellProblem::NotANumber(NumberError::FractionalCount))
    );
    assert_eq!(
        copy.set_cell(CellId::of(1, "6"), Some(Printed::whole(2))),
        Err(CellProblem::NotInLegend { legend: YES_NO })
    );
    assert_eq!(copy, before);
}

#[test]
fn parse_tsv_reads_the_sample() {
    let rows = parse_tsv(BAC_GIANG_2023_Q3_TSV).expect("the embedded TSV");
    assert_eq!(rows.len(), 125);
    assert_eq!(rows[0], Row::new(1, "1.", "50"));
    assert_eq!(rows[1], Row::new(1, "2.", ""));
    assert!(rows.contains(&Row::new(3, "3.1.", "99,3")));
    assert!(rows.contains(&Row::new(4, "1.5.1.", "06")));
    assert!(rows.contains(&Row::new(6, "1.1.", "8.007.000")));
    assert_eq!(rows[124], Row::new(7, "6.5.2", "428"));
    let report =
        Report::from_rows(samples::bac_giang_2023_q3_meta(), rows).expect("the sample's rows");
    assert_eq!(report, samples::bac_giang_2023_q3());
}

#[test]
fn parse_tsv_handles_the_edges_of_the_format() {
    let text = "# a comment\n\
                \n\
                \u{20}\u{20}\n\
                3\t3.1.\t99,3\tnote\textra\r\n\
                \u{20}1 \t2\n\
                2\t1\t37";
    let rows = parse_tsv(text).expect("good lines");
    assert_eq!(
        rows,
        [
            Row::new(3, "3.1.", "99,3"),
            Row::new(1, "2", ""),
            Row::new(2, "1", "37"),
        ]
    );
    // A line that is only a form number has no columns: not a row.
    let error = parse_tsv("1\t1\t50\n3\n").expect_err("no tab");
    assert_eq!(error.cells()[0].line, Some(2));
    assert_eq!(error.cells()[0].problem, CellProblem::NotTabSeparated);
    // A row with no STT is for the importer to reject.
    let rows = parse_tsv("3\t\t5\n").expect("a form number");
    assert_eq!(rows, [Row::new(3, "", "5")]);
    assert_eq!(
        Report::from_rows(ReportMeta::default(), rows)
            .expect_err("no such STT")
            .cells()[0]
            .problem,
        CellProblem::UnknownStt
    );
    // Form 0 is a number, so it parses; the importer rejects it.
    let rows = parse_tsv("0\t1\t5").expect("a number");
    assert_eq!(rows, [Row::new(0, "1", "5")]);
    assert_eq!(cell_errors(rows)[0].problem, CellProblem::UnknownForm);
    assert_eq!(parse_tsv(""), Ok(Vec::new()));
}

#[test]
fn parse_tsv_names_every_bad_line() {
    let text = "x\t1\t5\n\
                1\t1\t50\n\
                256\t2.1\t56\n\
                -1\t3\t\n\
                \tmissing form\n\
                Biểu mẫu 1\n";
    let error = parse_tsv(text).expect_err("bad first columns");
    let cells = error.cells();
    let found: Vec<(u8, &str, &str, &CellProblem)> = cells
        .iter()
        .map(|cell| {
            (
                cell.form,
                cell.stt.as_str(),
                cell.raw.as_str(),
                &cell.problem,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (0, "1", "x\t1\t5", &CellProblem::UnknownForm),
            (0, "2.1", "256\t2.1\t56", &CellProblem::UnknownForm),
            (0, "3", "-1\t3\t", &CellProblem::UnknownForm),
            (
                0,
                "missing form",
                "\tmissing form",
                &CellProblem::UnknownForm
            ),
            (0, "", "Biểu mẫu 1", &CellProblem::HeaderLine),
        ]
    );
    assert_eq!(
        cells[0].to_string(),
        "line 1, STT \"1\", text \"x\\t1\\t5\": there is no form with this number (the first column is the form number, 1 to 7)"
    );
}

/// Strange cell texts: none may make the importer panic.
fn strange_texts() -> Vec<String> {
    let mut texts: Vec<String> = [
        "",
        " ",
        "-",
        ",",
        ".",
        "-,",
        "-.",
        ",,",
        "..",
        ".,",
        ",.",
        "-0",
        "0",
        "00",
        "0,0",
        "0.000",
        "1.000,",
        ",000",
        "1.0000",
        "1.00",
        "000.000",
        "-.5",
        "-,5",
        "5-",
        "--",
        "1-2",
        "+",
        "+1",
        "1e9",
        "NaN",
        "inf",
        "∞",
        "١٢٣",
        "１２３",
        "½",
        "²",
        "Ⅻ",
        "1\u{0}",
        "\u{0}",
        "\u{7f}",
        "\u{1b}[0m",
        "1\r\n2",
        "\u{feff}1",
        "1\u{200b}",
        "\u{a0}1\u{a0}",
        "🙂",
        "Có",
        "Không",
        "null",
        "true",
        "0x10",
        "1_000",
        "１.４２０",
        "18446744073709551615",
        "18446744073709551616",
        "999999999999,999999",
        "9999999999999,9999999",
        "-999.999.999.999,999999",
        "0,000001",
        "0,0000001",
        "-18446744073709551615",
        "99999999999999999999999999999999999999999",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    texts.push("9".repeat(10_000));
    texts.push(format!("0,{}", "9".repeat(10_000)));
    texts.push("1.000".repeat(2_000));
    texts.push(",".repeat(10_000));
    texts.push("-".repeat(10_000));
    texts.push("ư".repeat(10_000));
    texts.push(format!("{}1", "0".repeat(10_000)));
    texts
}

#[test]
fn no_text_makes_the_importer_panic() {
    let texts = strange_texts();
    let stts: Vec<(u8, &str)> = CATALOGUE
        .iter()
        .map(|indicator| (indicator.form, indicator.stt))
        .chain(HEADINGS.iter().map(|heading| (heading.form, heading.stt)))
        .collect();
    for &(form, stt) in &stts {
        for text in &texts {
            let long = text.len() > 1_000;
            let result = Report::from_rows(ReportMeta::default(), [Row::new(form, stt, text)]);
            match result {
                Ok(report) => {
                    // What is accepted prints back as text that reads the same.
                    if let Some(id) = CellId::find(form, stt) {
                        if let Some(printed) = report.cell_text(id) {
                            let again = import_one(form, stt, &printed);
                            assert_eq!(again.cells(), report.cells(), "{text:?}");
                        }
                    }
                }
                Err(error) => {
                    assert_eq!(error.cells().len(), 1);
                    let cell = &error.cells()[0];
                    if long {
                        // Echoed text is cut.
                        assert!(cell.raw.chars().count() < 250, "{}", cell.raw.len());
                        assert!(cell.raw.ends_with(" characters)"));
                    } else {
                        assert_eq!(&cell.raw, text);
                        let quoted = cchc_forms::Quoted(text).to_string();
                        assert!(error.to_string().contains(&quoted));
                    }
                }
            }
        }
    }
    // Strange STTs and forms too.
    for text in &texts {
        for form in [0, 1, 7, 8, u8::MAX] {
            let _ = Report::from_rows(ReportMeta::default(), [Row::new(form, text, "1")]);
        }
        let _ = CellId::find(1, text);
        let _ = parse_tsv(text);
        let _ = parse_tsv(&format!("1\t{text}\t{text}"));
    }
}

#[test]
fn every_code_is_exactly_its_legend() {
    for indicator in &CATALOGUE {
        let cell = |text: &str| {
            Report::from_rows(
                ReportMeta::default(),
                [Row::new(indicator.form, indicator.stt, text)],
            )
        };
        if let cchc_forms::unit::ValueKind::Code { legend } = indicator.kind {
            for code in 0..=10_u8 {
                let accepted = cell(&code.to_string()).is_ok();
                assert_eq!(
                    accepted,
                    legend.iter().any(|value| value.code == code),
                    "form {} row {} code {code}",
                    indicator.form,
                    indicator.stt
                );
            }
        }
    }
}

#[test]
fn printed_precision_is_part_of_the_value() {
    // `99,3` and `99,30` are different readings; so are `100` and `100,00`.
    for (a, b) in [
        ("99,3", "99,30"),
        ("100", "100,00"),
        ("8.007.000", "8.007.000,0"),
    ] {
        for (form, stt) in [(3, "3.1"), (6, "1.1")] {
            let one = import_one(form, stt, a);
            let other = import_one(form, stt, b);
            assert_ne!(one, other, "{a} vs {b}");
            assert_ne!(one.cells(), other.cells());
            let id = CellId::of(form, stt);
            assert_eq!(one.cell_text(id).as_deref(), Some(a));
            assert_eq!(other.cell_text(id).as_deref(), Some(b));
        }
    }
}

#[test]
fn metadata_written_as_lines_reads_back_as_it_was() {
    use cchc_forms::{Level, Period, Reference, Term};
    // Every term, a level or none, a body with a tab and doubled spaces
    // (written with single spaces, the same body to grouping), and the
    // reference counts.
    for (term, written) in [
        (Term::Q1, "2024 Q1"),
        (Term::HalfYear, "2024 H1"),
        (Term::Q3, "2024 Q3"),
        (Term::Year, "2024 year"),
    ] {
        for level in [None, Some(Level::Commune), Some(Level::Ministry)] {
            let meta = ReportMeta {
                body: "UBND  xã\tThử Nghiệm".to_owned(),
                level,
                period: Some(Period::new(2024, term)),
                reference: Reference {
                    departments: Some(19),
                    districts: None,
                    communes: Some(0),
                },
                ..ReportMeta::default()
            };
            let lines = meta.metadata_lines();
            assert_eq!(lines[0], "#! body: UBND xã Thử Nghiệm");
            assert!(
                lines.contains(&format!("#! period: {written}")),
                "{lines:?}"
            );
            assert_eq!(lines.last().map(String::as_str), Some("#! communes: 0"));
            let read = cchc_forms::rows::read_meta(&lines.join("\n")).expect("reads");
            assert_eq!(read.body, "UBND xã Thử Nghiệm");
            assert_eq!(
                (read.level, read.period, read.template, read.reference),
                (meta.level, meta.period, meta.template, meta.reference)
            );
        }
    }
    // Nothing given: only the template, which is always named.
    assert_eq!(
        ReportMeta::default().metadata_lines(),
        [format!(
            "#! template: {}",
            ReportMeta::default().template.name()
        )]
    );
}
