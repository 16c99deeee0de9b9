//! The typed model against the source document it was written from.
//!
//! `tests/data/bac_giang_2023_q3_source.txt` is a verbatim copy of the Bắc
//! Giang province report for Q3/2023, whose seven forms ("Biểu mẫu 1" to
//! "Biểu mẫu 7") close the document as tab-separated rows: STT, label, unit,
//! value, note. This test parses those rows itself, independently of the
//! crate, and checks that the catalogue, the headings and the embedded sample
//! say exactly what the document says.

use std::collections::BTreeMap;

use cchc_forms::bnv581::{CATALOGUE, FORMS, HEADINGS, RowKind, lookup};
use cchc_forms::catalogue::CellId;
use cchc_forms::unit::{Completion, Count, MeetingLinkage, Progress, SurveyMethod, YesNo};
use cchc_forms::{Report, Row, samples};
use rust_decimal::Decimal;

/// The source document, verbatim.
const SOURCE: &str = include_str!("data/bac_giang_2023_q3_source.txt");

/// One row of a form as the source prints it, after the clean-up the forms
/// need: markup removed, continuation lines joined, blank STTs inferred.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SourceRow {
    /// The form number, 1 to 7.
    form: u8,
    /// The STT as printed (possibly with a trailing dot); for a blank STT,
    /// the one the numbering implies.
    stt_printed: String,
    /// The STT without its trailing dot.
    stt: String,
    /// Whether the source printed the STT blank.
    stt_inferred: bool,
    /// The label, markup removed, white space normalized.
    label: String,
    /// The unit column, markup removed; empty on a heading.
    unit: String,
    /// The value column, markup removed; empty when blank.
    value: String,
}

impl SourceRow {
    /// A heading has neither unit nor value.
    fn is_heading(&self) -> bool {
        self.unit.is_empty() && self.value.is_empty()
    }
}

/// Removes `<i>` and `</i>` and trims.
fn strip_markup(cell: &str) -> String {
    cell.replace("<i>", "")
        .replace("</i>", "")
        .trim()
        .to_owned()
}

/// Collapses runs of white space into one space.
fn normalize_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The form number of a line `Biểu mẫu N`, if it is one.
fn form_heading(line: &str) -> Option<u8> {
    line.trim()
        .strip_prefix("Biểu mẫu ")
        .and_then(|number| number.parse().ok())
}

/// The forms section of the source, parsed, with the form titles.
struct Parsed {
    rows: Vec<SourceRow>,
    titles: BTreeMap<u8, String>,
}

fn parse_source() -> Parsed {
    let lines: Vec<&str> = SOURCE.lines().collect();
    let start = lines
        .iter()
        .position(|line| form_heading(line) == Some(1))
        .expect("the source has a line `Biểu mẫu 1`");
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut titles = BTreeMap::new();
    let mut form = 0_u8;
    let mut expect_title = false;
    for line in &lines[start..] {
        if let Some(number) = form_heading(line) {
            form = number;
            expect_title = true;
            continue;
        }
        if !line.contains('\t') {
            if expect_title && !line.trim().is_empty() {
                titles.insert(form, normalize_whitespace(line));
                expect_title = false;
            }
            continue;
        }
        let columns: Vec<String> = line.split('\t').map(strip_markup).collect();
        let column = |index: usize| columns.get(index).cloned().unwrap_or_default();
        let (stt, label, unit, value) = (column(0), column(1), column(2), column(3));
        // The table head, repeated after each page break.
        if stt == "STT" || (stt.is_empty() && label.is_empty()) {
            continue;
        }
        assert!(
            column(4).is_empty(),
            "form {form}: the note column is empty throughout: {line:?}"
        );
        if stt.is_empty() && unit.is_empty() && value.is_empty() {
            // A label continued after a page break.
            let previous = rows.last_mut().expect("a continuation follows a row");
            assert_eq!(previous.form, form, "a continuation stays in its form");
            previous.label = normalize_whitespace(&format!("{} {label}", previous.label));
            continue;
        }
        let (stt_printed, stt_inferred) = if stt.is_empty() {
            // A blank STT: the first row under the previous one.
            let previous = rows.last().expect("a blank STT follows a numbered row");
            assert_eq!(previous.form, form, "a blank STT is not a form's first row");
            (format!("{}.1", previous.stt), true)
        } else {
            (stt, false)
        };
        let stt = stt_printed
            .strip_suffix('.')
            .unwrap_or(&stt_printed)
            .to_owned();
        assert!(
            !unit.is_empty() || value.is_empty(),
            "form {form} row {stt}: a value needs a unit"
        );
        rows.push(SourceRow {
            form,
            stt_printed,
            stt,
            stt_inferred,
            label: normalize_whitespace(&label),
            unit,
            value,
        });
    }
    Parsed { rows, titles }
}

fn source_rows() -> Vec<SourceRow> {
    parse_source().rows
}

fn indicator_rows() -> Vec<SourceRow> {
    source_rows()
        .into_iter()
        .filter(|row| !row.is_heading())
        .collect()
}

fn heading_rows() -> Vec<SourceRow> {
    source_rows()
        .into_iter()
        .filter(SourceRow::is_heading)
        .collect()
}

/// Rows whose cell text the crate prints differently from the source,
/// worked out by hand: the source prints `06` with a leading zero, and
/// `1964` and `1899` without the thousands separator the rest of the
/// document uses. Everything else prints back exactly as in the source.
const NON_CANONICAL: [(u8, &str, &str, &str); 3] = [
    (4, "1.5.1", "06", "6"),
    (4, "2.1", "1964", "1.964"),
    (4, "2.2", "1899", "1.899"),
];

#[test]
fn the_parser_sees_the_whole_forms_section() {
    let rows = source_rows();
    // Value-holding rows and headings per form, counted by hand in the source.
    let per_form = |heading: bool| {
        let mut counts = [0_usize; 7];
        for row in rows.iter().filter(|row| row.is_heading() == heading) {
            counts[usize::from(row.form) - 1] += 1;
        }
        counts
    };
    assert_eq!(per_form(false), [19, 12, 22, 18, 13, 12, 29]);
    assert_eq!(per_form(true), [3, 2, 3, 3, 3, 1, 4]);
    assert_eq!(per_form(false).iter().sum::<usize>(), 125);

    // The blank STTs are exactly the four the source leaves blank in form 1.
    let inferred: Vec<(u8, &str)> = rows
        .iter()
        .filter(|row| row.stt_inferred)
        .map(|row| (row.form, row.stt.as_str()))
        .collect();
    assert_eq!(inferred, [(1, "3.1"), (1, "4.1"), (1, "5.1"), (1, "6.1")]);

    // Each inferred `X.1` is followed by the `X.2` the source prints.
    for (index, row) in rows.iter().enumerate().filter(|(_, row)| row.stt_inferred) {
        let parent = row
            .stt
            .strip_suffix(".1")
            .expect("inferred as a first sub-row");
        assert_eq!(rows[index + 1].stt, format!("{parent}.2"));
    }

    // The continued labels are joined.
    let label = |form: u8, stt: &str| {
        rows.iter()
            .find(|row| row.form == form && row.stt == stt)
            .map(|row| row.label.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        label(7, "5.2"),
        "Tỷ lệ sử dụng văn bản điện tử của địa phương (Chỉ thống kê tỷ lệ văn bản được gửi \
         hoàn toàn dưới dạng điện tử; sử dụng chữ ký số, chứng thư số và gửi trên môi \
         trường điện tử)."
    );
    assert_eq!(
        label(7, "6.3.1"),
        "Tổng số hồ sơ của DVCTT toàn trình (gồm hồ sơ nộp trực tuyến + trực tiếp)"
    );
}

#[test]
fn the_form_titles_are_the_sources() {
    let titles = parse_source().titles;
    assert_eq!(titles.len(), 7);
    for info in FORMS {
        assert_eq!(
            titles.get(&info.number).map(String::as_str),
            Some(info.title_vi),
            "form {}",
            info.number
        );
        assert_eq!(info.key, format!("form{}", info.number));
    }
}

#[test]
fn the_catalogue_is_the_sources_value_rows_in_order() {
    let source = indicator_rows();
    assert_eq!(CATALOGUE.len(), 125);
    assert_eq!(CATALOGUE.len(), source.len());
    for (index, (indicator, row)) in CATALOGUE.iter().zip(&source).enumerate() {
        let at = format!("catalogue[{index}] = form {} row {}", row.form, row.stt);
        assert_eq!(indicator.id.index(), index, "{at}");
        assert_eq!(indicator.form, row.form, "{at}");
        assert_eq!(indicator.stt, row.stt, "{at}");
        assert_eq!(normalize_whitespace(indicator.label_vi), row.label, "{at}");
        assert_eq!(indicator.unit_vi, row.unit, "{at}");
        assert!(!indicator.stt.ends_with('.'), "{at}");
        // The STT as printed (with its dot) finds the indicator.
        assert_eq!(
            CellId::find(row.form, &row.stt_printed),
            Some(indicator.id),
            "{at}"
        );
        assert_eq!(
            lookup(row.form, &row.stt_printed),
            Some(RowKind::Indicator(indicator.id)),
            "{at}"
        );
    }
    // Each form's slice of the catalogue is that form's rows.
    for info in FORMS {
        let expected: Vec<&str> = source
            .iter()
            .filter(|row| row.form == info.number)
            .map(|row| row.stt.as_str())
            .collect();
        let actual: Vec<&str> = info.indicators().iter().map(|i| i.stt).collect();
        assert_eq!(actual, expected, "form {}", info.number);
    }
}

#[test]
fn the_headings_are_the_sources_headings() {
    let source = heading_rows();
    assert_eq!(HEADINGS.len(), 19);
    for row in &source {
        let heading = HEADINGS
            .iter()
            .find(|heading| heading.form == row.form && heading.stt == row.stt)
            .unwrap_or_else(|| panic!("form {} heading {} is missing", row.form, row.stt));
        assert_eq!(
            normalize_whitespace(heading.label_vi),
            row.label,
            "form {} heading {}",
            row.form,
            row.stt
        );
        assert!(
            matches!(lookup(row.form, &row.stt_printed), Some(RowKind::Heading(h)) if h == heading),
            "form {} heading {}",
            row.form,
            row.stt
        );
        assert_eq!(CellId::find(row.form, &row.stt_printed), None);
    }
    // And nothing else, in the source's order.
    let expected: Vec<(u8, &str)> = source
        .iter()
        .map(|row| (row.form, row.stt.as_str()))
        .collect();
    let actual: Vec<(u8, &str)> = HEADINGS.iter().map(|h| (h.form, h.stt)).collect();
    assert_eq!(actual, expected);
    assert_eq!(
        actual,
        [
            (1, "3"),
            (1, "4"),
            (1, "5"),
            (2, "2"),
            (2, "3"),
            (3, "1"),
            (3, "2"),
            (3, "3"),
            (4, "1"),
            (4, "2"),
            (4, "3"),
            (5, "1"),
            (5, "2"),
            (5, "4"),
            (6, "2"),
            (7, "5"),
            (7, "5.1"),
            (7, "5.3"),
            (7, "6"),
        ]
    );
}

#[test]
fn the_sample_holds_exactly_the_sources_values() {
    let sample = samples::bac_giang_2023_q3();
    let mut differing = Vec::new();
    for row in indicator_rows() {
        let id = CellId::find(row.form, &row.stt).expect("every value row is an indicator");
        let text = sample.cell_text(id);
        if row.value.is_empty() {
            assert_eq!(text, None, "form {} row {} is blank", row.form, row.stt);
            continue;
        }
        let text = text.unwrap_or_else(|| panic!("form {} row {} is blank", row.form, row.stt));
        if text != row.value {
            differing.push((row.form, row.stt.clone(), row.value.clone(), text));
        }
    }
    let expected: Vec<(u8, String, String, String)> = NON_CANONICAL
        .iter()
        .map(|&(form, stt, printed, canonical)| {
            (
                form,
                stt.to_owned(),
                printed.to_owned(),
                canonical.to_owned(),
            )
        })
        .collect();
    assert_eq!(differing, expected);
}

#[test]
fn the_blank_cells_are_the_two_the_source_leaves_blank() {
    let blanks: Vec<(u8, String)> = indicator_rows()
        .into_iter()
        .filter(|row| row.value.is_empty())
        .map(|row| (row.form, row.stt))
        .collect();
    assert_eq!(blanks, [(1, "2".to_owned()), (6, "1".to_owned())]);
    let sample = samples::bac_giang_2023_q3();
    let blank_cells: Vec<(u8, &str)> = CATALOGUE
        .iter()
        .filter(|indicator| sample.cell(indicator.id).is_none())
        .map(|indicator| (indicator.form, indicator.stt))
        .collect();
    assert_eq!(blank_cells, [(1, "2"), (6, "1")]);
}

#[test]
fn the_source_read_through_the_rows_importer_is_the_sample() {
    let rows = source_rows();
    let report = Report::from_rows(
        samples::bac_giang_2023_q3_meta(),
        rows.iter()
            .map(|row| Row::new(row.form, &row.stt_printed, &row.value)),
    )
    .expect("the source's rows, headings included, import");
    let sample = samples::bac_giang_2023_q3();
    assert_eq!(report, sample);
    // Exactly, printed precision included.
    assert_eq!(report.cells(), sample.cells());
}

#[test]
fn hand_picked_values_are_typed_as_printed() {
    let sample = samples::bac_giang_2023_q3();
    assert_eq!(CATALOGUE.len(), 125);

    // Counts.
    assert_eq!(
        sample.form3.resolved_departments.map(Count::get),
        Some(54_106)
    );
    assert_eq!(
        sample.form3.resolved_on_time_departments.map(Count::get),
        Some(53_726)
    );
    assert_eq!(sample.form1.survey_forms.map(Count::get), Some(1420));
    assert_eq!(sample.form1.directives_issued.map(Count::get), Some(50));
    assert_eq!(
        sample
            .form4
            .units_under_provincial_committee
            .map(Count::get),
        Some(6)
    );
    assert_eq!(sample.form4.civil_service_quota.map(Count::get), Some(1964));
    assert_eq!(
        sample.form7.partly_online_service_dossiers.map(Count::get),
        Some(104_324)
    );
    assert_eq!(
        sample.form5.leaders_appointed_by_exam.map(Count::get),
        Some(0)
    );

    // Amounts in million VND, whole.
    let plan = sample.form6.investment_plan.expect("printed 8.007.000");
    assert_eq!(plan.get(), Decimal::new(8_007_000, 0));
    assert_eq!(plan.get().scale(), 0);
    assert_eq!(plan.decimals(), 0);
    let disbursed = sample
        .form6
        .investment_disbursed
        .expect("printed 6.832.000");
    assert_eq!(disbursed.get(), Decimal::new(6_832_000, 0));
    assert_eq!(disbursed.decimals(), 0);

    // Percentages, with the decimals they were printed with.
    let rate = sample.form3.on_time_rate_district.expect("printed 99,27");
    assert_eq!(rate.get(), Decimal::new(9927, 2));
    assert_eq!(rate.decimals(), 2);
    let rate = sample.form3.on_time_rate_departments.expect("printed 99,3");
    assert_eq!(rate.get(), Decimal::new(993, 1));
    assert_eq!(rate.decimals(), 1);
    let rate = sample.form3.petitions_resolved_rate.expect("printed 100");
    assert_eq!(rate.get(), Decimal::new(100, 0));
    assert_eq!(rate.decimals(), 0);
    let rate = sample
        .form4
        .units_reduction_since_2015_rate
        .expect("printed 18,67");
    assert_eq!((rate.get().mantissa(), rate.decimals()), (1867, 2));

    // Blank is not zero.
    assert_eq!(sample.form1.plan_completion_rate, None);
    assert_eq!(sample.form6.disbursement_rate, None);

    // Codes.
    assert_eq!(sample.form1.satisfaction_survey, Some(YesNo::Yes));
    assert_eq!(sample.form1.survey_method, Some(SurveyMethod::PaperForms));
    assert_eq!(sample.form1.leadership_dialogue, Some(YesNo::Yes));
    assert_eq!(
        sample.form7.architecture_updated,
        Some(Completion::Completed)
    );
    assert_eq!(
        sample.form7.online_meeting_system,
        Some(MeetingLinkage::ThreeLevels)
    );
    assert_eq!(sample.form7.shared_platform, Some(Progress::Completed));
}

/// Whether a label says its row is cumulative.
fn says_cumulative(label: &str) -> bool {
    label.to_lowercase().contains("lũy kế")
}

#[test]
fn cumulative_rows_are_those_the_source_marks() {
    let rows = source_rows();
    // A row is cumulative when it or a row above it (a heading or a rate
    // whose sub-rows it is) says "Lũy kế".
    let cumulative = |row: &SourceRow| {
        rows.iter().any(|other| {
            other.form == row.form
                && (other.stt == row.stt || row.stt.starts_with(&format!("{}.", other.stt)))
                && says_cumulative(&other.label)
        })
    };
    for (indicator, row) in CATALOGUE.iter().zip(indicator_rows()) {
        assert_eq!(
            indicator.cumulative,
            cumulative(&row),
            "form {} row {}",
            row.form,
            row.stt
        );
    }
    for (heading, row) in HEADINGS.iter().zip(heading_rows()) {
        assert_eq!(
            heading.cumulative,
            cumulative(&row),
            "form {} heading {}",
            row.form,
            row.stt
        );
    }

    // The same, by hand.
    let flagged: Vec<(u8, &str)> = CATALOGUE
        .iter()
        .filter(|indicator| indicator.cumulative)
        .map(|indicator| (indicator.form, indicator.stt))
        .collect();
    assert_eq!(
        flagged,
        [
            (1, "2"),
            (1, "2.1"),
            (1, "2.2"),
            (5, "3"),
            (6, "2.1"),
            (6, "2.2"),
            (6, "2.3"),
            (6, "2.4"),
            (6, "2.4.1"),
            (6, "2.4.2"),
            (6, "2.4.3"),
            (6, "2.5"),
            (6, "2.6"),
        ]
    );
    let flagged_headings: Vec<(u8, &str)> = HEADINGS
        .iter()
        .filter(|heading| heading.cumulative)
        .map(|heading| (heading.form, heading.stt))
        .collect();
    assert_eq!(flagged_headings, [(6, "2")]);
}

#[test]
fn the_parents_of_indicators_are_rows_of_their_form() {
    let rows = source_rows();
    for indicator in &CATALOGUE {
        if let Some(parent) = indicator.parent() {
            assert!(
                rows.iter()
                    .any(|row| row.form == indicator.form && row.stt == parent),
                "form {} row {}: parent {parent} is not in the source",
                indicator.form,
                indicator.stt
            );
        }
    }
}

#[test]
fn non_canonical_rows_are_printed_so_in_the_source() {
    let rows = indicator_rows();
    for (form, stt, printed, canonical) in NON_CANONICAL {
        let row = rows
            .iter()
            .find(|row| row.form == form && row.stt == stt)
            .expect("a value row");
        assert_eq!(row.value, printed);
        let id = CellId::of(form, stt);
        let mut reread = Report::new(samples::bac_giang_2023_q3_meta());
        reread
            .set_cell_text(id, canonical)
            .expect("the canonical text parses");
        let mut printed_report = Report::new(samples::bac_giang_2023_q3_meta());
        printed_report
            .set_cell_text(id, printed)
            .expect("the printed text parses");
        assert_eq!(reread.cell(id), printed_report.cell(id));
    }
}
