//! The template as a value, and the rows that apply only while districts
//! exist, on the Bắc Giang sample moved to other periods.

use cchc_forms::catalogue::CellId;
use cchc_forms::rows::read_tsv;
use cchc_forms::{
    CellProblem, Error, Level, MetaProblem, Period, Report, ReportMeta, Row, Severity,
    TemplateVersion, Term, samples,
};

/// The rows that exist only at district level, as the forms' labels say
/// ("cấp huyện").
const DISTRICT_ROWS: [(u8, &str); 11] = [
    (1, "3.2"),
    (2, "1.2"),
    (3, "1.4.2"),
    (3, "3.2"),
    (3, "3.2.1"),
    (3, "3.2.2"),
    (4, "1.2"),
    (4, "1.5.3"),
    (7, "5.1.2"),
    (7, "5.2.2"),
    (7, "5.3.2"),
];

fn sample_in(year: u16, term: Term) -> Report {
    let mut report = samples::bac_giang_2023_q3();
    report.meta.period = Some(Period::new(year, term));
    report
}

fn without_district_rows(mut report: Report) -> Report {
    for (form, stt) in DISTRICT_ROWS {
        report.set_cell(CellId::of(form, stt), None).unwrap();
    }
    report
}

#[test]
fn the_district_rows_are_those_the_labels_name() {
    let template = TemplateVersion::Bnv581Of2022.template();
    let limited: Vec<_> = template
        .catalogue
        .indicators
        .iter()
        .filter(|indicator| indicator.applies.until.is_some())
        .map(|indicator| (indicator.form, indicator.stt))
        .collect();
    assert_eq!(limited, DISTRICT_ROWS);
}

#[test]
fn windows_decide_which_reports_have_district_rows() {
    let template = TemplateVersion::Bnv581Of2022.template();
    let district = template.cell(3, "1.4.2").unwrap();
    // Q3/2025 starts 15/06/2025 and the year 2025 on 15/12/2024: before
    // 1 July 2025. Q1/2026 starts 15/12/2025, the half-year 2026 too.
    assert!(template.applies(district, Period::new(2025, Term::Q3)));
    assert!(template.applies(district, Period::new(2025, Term::Year)));
    assert!(!template.applies(district, Period::new(2026, Term::Q1)));
    assert!(!template.applies(district, Period::new(2026, Term::HalfYear)));
    assert!(
        template
            .absent_cells(Period::new(2025, Term::Q3))
            .is_empty()
    );
}

#[test]
fn the_absent_cells_of_every_period_are_the_rows_that_do_not_apply() {
    // Every term of 2022 to 2027: a report's absent cells are exactly the
    // rows that do not apply to its period, the 11 district rows from
    // Q1/2026 (window from 15/12/2025) and none up to the year 2025
    // (window from 15/12/2024).
    let template = TemplateVersion::Bnv581Of2022.template();
    for year in 2022..=2027 {
        for term in [Term::Q1, Term::HalfYear, Term::Q3, Term::Year] {
            let period = Period::new(year, term);
            let absent = template.absent_cells(period);
            let expected = if year >= 2026 { 11 } else { 0 };
            let mut count = 0;
            for indicator in template.catalogue.indicators {
                let applies = template.applies(indicator.id, period);
                assert_eq!(
                    absent.contains(indicator.id),
                    !applies,
                    "{period:?} {:?}",
                    indicator.id
                );
                count += usize::from(!applies);
            }
            assert_eq!(count, expected, "{period:?}");
        }
    }
}

#[test]
fn q1_2026_with_district_rows_blank_has_no_error() {
    // In Q1/2026 the district rows are blank: nothing is missing, and the
    // sum of form 3 row 1.4 leaves the district out: 1.486 + 155 = 1.641 ≤
    // 1.902 (checked as "of which"). The 2023 error of the three levels does
    // not arise; the warning of forms 4 and 6 (858 vs 840) remains.
    let report = without_district_rows(sample_in(2026, Term::Q1));
    let findings = report.validate();
    assert!(!findings.has_errors(), "{findings:#?}");
    let warnings: Vec<_> = findings
        .of_severity(Severity::Warning)
        .map(|f| f.rule.as_str())
        .collect();
    assert_eq!(warnings, ["across:4/1.5==6/2.1"]);
}

#[test]
fn a_district_figure_in_2026_is_an_error_naming_the_row_and_the_cut_over() {
    let mut report = without_district_rows(sample_in(2026, Term::Q1));
    report
        .set_cell(
            CellId::of(3, "1.4.2"),
            Some(cchc_forms::unit::Printed::whole(255)),
        )
        .unwrap();
    let findings = report.validate();
    let errors: Vec<_> = findings.of_severity(Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, "not_applicable:3/1.4.2");
    assert_eq!(errors[0].cells, [CellId::of(3, "1.4.2")]);
    assert_eq!(
        errors[0].message_en().to_string(),
        "Form 3, row 1.4.2 = 255 but the row does not apply to this report's period: \
         there is no district level since 1 July 2025 (Law 72/2025/QH15). Leave it blank."
    );
    assert!(
        errors[0]
            .message_vi()
            .to_string()
            .contains("không còn cấp huyện từ ngày 01/7/2025")
    );
    // A zero is as good as a blank.
    report
        .set_cell(
            CellId::of(3, "1.4.2"),
            Some(cchc_forms::unit::Printed::whole(0)),
        )
        .unwrap();
    assert!(!report.validate().has_errors());
}

#[test]
fn the_level_range_uses_the_levels_that_exist() {
    // 7/5.2 = 80 with levels 5.2.1 = 90, 5.2.2 = 10 (district), 5.2.3 = 85:
    // in 2025 80 lies in [10, 90]; in 2026, without the district, 80 is
    // outside [85, 90], and the district figure is an error of its own.
    let set = |report: &mut Report, stt: &str, value: i128| {
        report
            .set_cell(
                CellId::of(7, stt),
                Some(cchc_forms::unit::Printed::whole(value)),
            )
            .unwrap();
    };
    for (year, expected) in [
        (2025_u16, vec![]),
        (2026, vec!["level_range:7/5.2", "not_applicable:7/5.2.2"]),
    ] {
        let mut report = sample_in(year, Term::Q1);
        set(&mut report, "5.2", 80);
        set(&mut report, "5.2.1", 90);
        set(&mut report, "5.2.2", 10);
        set(&mut report, "5.2.3", 85);
        let rules: Vec<_> = report
            .validate()
            .iter()
            .filter(|f| f.rule.as_str().contains("7/5.2"))
            .map(|f| f.rule.as_str())
            .collect();
        assert_eq!(rules, expected, "{year}");
    }
}

#[test]
fn a_district_level_report_after_the_cut_over_is_refused() {
    let meta = ReportMeta::new(
        "UBND huyện Yên Dũng",
        Level::District,
        Period::new(2026, Term::Q1),
    );
    let refused = Report::from_rows(meta.clone(), [Row::new(3, "3.1.1", "5")]);
    assert_eq!(
        refused,
        Err(Error::Meta(vec![MetaProblem::NoDistrictLevel {
            year: 2026,
            term: Term::Q1
        }]))
    );
    let mut report = samples::bac_giang_2023_q3();
    report.meta = meta;
    let json = serde_json::to_string(&report).unwrap();
    assert!(matches!(Report::from_json(&json), Err(Error::Meta(_))));
    // Q3/2025 still has districts.
    let meta = ReportMeta::new(
        "UBND huyện Yên Dũng",
        Level::District,
        Period::new(2025, Term::Q3),
    );
    assert!(Report::from_rows(meta, [Row::new(3, "3.1.1", "5")]).is_ok());
}

#[test]
fn a_district_level_after_the_cut_over_is_named_with_every_other_problem() {
    let meta = ReportMeta::new(
        "UBND huyện Yên Dũng",
        Level::District,
        Period::new(2026, Term::Q1),
    );
    // A bad cell too: both are reported, the metadata's last.
    let Err(Error::Rows(problems)) =
        Report::from_rows(meta, [Row::new(3, "3.1.1", "-5"), Row::new(3, "1.4", "7")])
    else {
        panic!("a negative count and a district level in 2026 must be refused")
    };
    assert_eq!(problems.len(), 2);
    assert_eq!((problems[0].form, problems[0].stt.as_str()), (3, "3.1.1"));
    assert_eq!(
        problems[1].problem,
        CellProblem::Metadata(MetaProblem::NoDistrictLevel {
            year: 2026,
            term: Term::Q1
        })
    );

    // Rows read from text: the problem is at the line that gave the level.
    let text = "#! body: UBND huyện Yên Dũng\n#! period: 2026 Q1\n#! level: district\n3\t1.4\t7\n";
    let Err(Error::Rows(problems)) = read_tsv(text) else {
        panic!("a district level in 2026 must be refused")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(3));
    assert!(
        problems[0].to_string().contains("district"),
        "{}",
        problems[0]
    );
    // The same file for Q3/2025 reads.
    assert!(read_tsv(&text.replace("2026 Q1", "2025 Q3")).is_ok());
}

#[test]
fn meta_template_is_read() {
    let report = samples::bac_giang_2023_q3();
    assert_eq!(report.meta.template, TemplateVersion::Bnv581Of2022);
    let template = report.meta.template.template();
    assert_eq!(report.check().outcomes.len(), template.rules.len());
    assert_eq!(template.legal_basis.date.to_string(), "2022-02-21");
}

#[test]
fn a_district_rows_rule_names_the_last_day_districts_existed() {
    // District rows apply while districts exist: to data windows starting
    // on or before 30 June 2025, the day before Law 72/2025/QH15 took
    // effect (1 July 2025). The rule says so with that date, day first.
    let rule = cchc_forms::bnv581::RULES
        .iter()
        .find(|rule| rule.id == "not_applicable:3/1.4.2")
        .expect("the rule of form 3 row 1.4.2");
    let english = rule.description_en();
    assert!(
        english.contains("in a report whose data window starts after 30/06/2025: "),
        "{english}"
    );
    let vietnamese = rule.description_vi();
    assert!(
        vietnamese.contains("kỳ số liệu bắt đầu sau ngày 30/06/2025: "),
        "{vietnamese}"
    );
}
