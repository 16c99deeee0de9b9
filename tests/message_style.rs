//! One message style: every message of the crate is a value that writes
//! itself in a `Language` when shown, each sentence written once for both
//! languages. These tests hold the places where one sentence used to be
//! written several ways (a cell given twice had three English sentences),
//! and the shapes other tools read (findings across reports serialize
//! their messages as strings, and read back).

use cchc_forms::aggregate::aggregate;
use cchc_forms::cross::CrossFinding;
use cchc_forms::number::NumberError;
use cchc_forms::rows::read_tsv;
use cchc_forms::{CellProblem, Error, Language, Report, ReportMeta, Row, Words, samples};

#[test]
fn a_cell_given_twice_is_one_sentence_naming_a_line_or_a_row() {
    // In a text, the place it was first given is a line of the text.
    let Err(Error::Rows(problems)) = read_tsv("3\t1.4\t5\n3\t1.4\t6\n") else {
        panic!("a cell given twice is refused");
    };
    let twice = problems
        .iter()
        .find(|p| matches!(p.problem, CellProblem::Duplicate { .. }))
        .expect("the second line repeats the first");
    assert_eq!(twice.line, Some(2));
    assert_eq!(twice.message_en(), "this cell was already given, on line 1");
    assert_eq!(twice.message_vi(), "ô này đã được ghi ở dòng 1");
    // The problem alone says the same sentence as its message and its Display.
    let alone = CellProblem::Duplicate { first_row: 1 };
    assert_eq!(alone.to_string(), "this cell was already given, on line 1");
    assert_eq!(alone.message_en(""), alone.to_string());

    // Rows given in code have no lines: the place is the row's position.
    let rows = [Row::new(3, "1.4", "5"), Row::new(3, "1.4", "6")];
    let Err(Error::Rows(problems)) = Report::from_rows(ReportMeta::default(), rows) else {
        panic!("a cell given twice is refused");
    };
    assert_eq!(problems[0].line, None);
    assert_eq!(
        problems[0].message_en(),
        "this cell was already given, in row 1"
    );
    assert_eq!(problems[0].message_vi(), "ô này đã được ghi ở dòng 1");
}

#[test]
fn a_number_error_says_one_english_sentence() {
    // `5x`: the `x` at position 1 cannot be in a number; the Display was
    // once another sentence than the message.
    let error = NumberError::UnexpectedCharacter {
        character: 'x',
        position: 1,
    };
    assert_eq!(error.to_string(), error.message_en().to_string());
    assert_eq!(
        error.message_en(),
        r#"the character "x" cannot appear in a number"#
    );
    assert_eq!(error.message_vi(), r#"ký tự "x" không thể có trong một số"#);
    assert_eq!(
        error.in_language(Language::Vietnamese).to_string(),
        error.message_vi().to_string()
    );
}

#[test]
fn findings_across_reports_write_their_messages_once_and_read_back() {
    // Two copies of the sample under two bodies: form 1 row 6 (a yes/no
    // code) is 1 in both, so the total's note counts 2 reports that gave 1.
    let mut second = samples::bac_giang_2023_q3();
    second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    let members = [samples::bac_giang_2023_q3(), second];
    let notes = aggregate("Tổng hợp", &members).unwrap().distributions();
    let survey = notes.of_rule("aggregate:distribution:1/6").next().unwrap();
    let english = "Form 1 row 6, codes are not added up: 2 reports gave 1 (yes).";
    assert_eq!(survey.message_en(), english);
    assert!(
        survey
            .message_vi()
            .starts_with("Biểu 1 mục 6, mã không cộng được: 2 báo cáo ghi 1 (")
    );
    assert_eq!(
        survey.to_string(),
        format!("info [aggregate:distribution:1/6] {english}")
    );

    // The JSON keeps its shape: the messages are strings.
    let json = serde_json::to_value(survey).unwrap();
    assert_eq!(json["message_en"], english);
    assert_eq!(json["message_vi"], survey.message_vi().to_string());
    assert_eq!(json.as_object().unwrap().len(), 11);
    // Read back, it holds the texts it was given, and equals the original.
    let back: CrossFinding = serde_json::from_value(json).unwrap();
    assert_eq!(&back, survey);
    assert_eq!(back.message_en(), english);
    let mut other = back.clone();
    other.append("", " (files: a.tsv)");
    assert_ne!(&other, survey);
    assert_eq!(
        other.message_en(),
        "Form 1 row 6, codes are not added up: 2 reports gave 1 (yes). (files: a.tsv)"
    );
}

/// A message is still usable as the text it was when messages were
/// `String`s: as a `&str` (its methods, `&message` where a `&str` is
/// wanted), compared, and turned into a `String`; a finding across reports
/// keeps its two texts as fields, as before.
#[test]
fn a_message_reads_as_the_text_it_writes() {
    fn words(text: &str) -> usize {
        text.split_whitespace().count()
    }
    let error = NumberError::BadGrouping;
    let english = error.message_en();
    let text = english.to_string();
    assert_eq!(english.len(), text.len());
    assert_eq!(words(&english), words(&text));
    assert_eq!(english.lines().count(), 1);
    assert_eq!(english.find(' '), text.find(' '));
    assert_eq!(english.as_str(), text);
    assert_eq!(String::from(error.message_en()), text);

    let mut second = samples::bac_giang_2023_q3();
    second.meta.body = "UBND tỉnh Lạng Sơn".to_owned();
    let members = [samples::bac_giang_2023_q3(), second];
    let notes = aggregate("Tổng hợp", &members)
        .expect("an aggregate")
        .distributions();
    let survey: &CrossFinding = &notes.0[0];
    // The field and the method give the same text.
    assert_eq!(survey.message_en, survey.message_en());
    assert_eq!(survey.message_vi, survey.message_vi());
    assert!(
        survey.message_en.ends_with("gave 1 (yes)."),
        "{}",
        survey.message_en
    );
    assert_eq!(
        survey.in_language(Language::English),
        survey.message_en.as_str()
    );
}
