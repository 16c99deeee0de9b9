//! A template defined outside the crate across reports: a body's sheets
//! over a year (`series::check_sheets`) and several bodies' sheets added up
//! (`aggregate::aggregate_sheets`), with the public API only.
//!
//! The template is the shared TEST template of `tests/online_services/`
//! (calendar windows, province and commune); the figures below are worked
//! by hand, each in a comment where it is asserted.

mod online_services;

use std::sync::OnceLock;

use cchc_forms::aggregate::{BlankReason, Total, aggregate_sheets};
use cchc_forms::catalogue::{CellId, Indicator};
use cchc_forms::cross::CrossFamily;
use cchc_forms::series::{Series, check_sheets};
use cchc_forms::template::{Applicability, LegalBasis, Template, TemplateBuilder, Windows};
use cchc_forms::unit::Printed;
use cchc_forms::{
    CalendarDate, Decimal, Error, Interval, Level, MemberProblemKind, Period, ReportMeta, Severity,
    Sheet, Term, rows, samples,
};

/// The cell `form/stt` of the shared test template.
fn cell(form: u8, stt: &str) -> CellId {
    online_services::template()
        .cell(form, stt)
        .expect("a row of the test template")
}

/// A sheet of the test template for `body`, `level` and `period`, from
/// rows `form<TAB>stt<TAB>value`.
fn sheet_of(body: &str, level: Level, period: Period, tsv: &str) -> Sheet {
    let meta = ReportMeta {
        body: body.to_owned(),
        ..online_services::meta(level, period)
    };
    let rows = rows::parse_tsv(tsv).expect("rows");
    Sheet::from_rows(meta, rows).expect("a sheet of the test template")
}

const Q3_2026: Period = Period::new(2026, Term::Q3);

/// Province A, Q3/2026, consistent: 900 of 1.200 dossiers online is 75 %;
/// 250 of 400 procedures fully online is 62,5 %; 870 of 1.000 results
/// electronic is 87 %; 1 + 29 = 30 one-stop shops; online payment offered
/// (code 1) with 35 payments.
const PROVINCE_A: &str = "1\t1\t1.200\n1\t1.1\t900\n1\t1.2\t75\n\
    1\t2\t400\n1\t2.1\t250\n1\t2.2\t62,5\n\
    1\t3\t1.000\n1\t3.1\t870\n1\t3.2\t87\n1\t4\t1.100\n\
    2\t1\t1\n2\t1.1\t35\n2\t2\t30\n2\t2.1\t1\n2\t2.2\t29\n";

/// Province B, Q3/2026, consistent: 500 / 800 = 62,5 %; 120 / 300 = 40 %;
/// 450 / 600 = 75 %; 1 + 19 = 20 shops; 15 payments.
const PROVINCE_B: &str = "1\t1\t800\n1\t1.1\t500\n1\t1.2\t62,5\n\
    1\t2\t300\n1\t2.1\t120\n1\t2.2\t40\n\
    1\t3\t600\n1\t3.1\t450\n1\t3.2\t75\n1\t4\t700\n\
    2\t1\t1\n2\t1.1\t15\n2\t2\t20\n2\t2.1\t1\n2\t2.2\t19\n";

fn two_provinces() -> [Sheet; 2] {
    [
        sheet_of(
            "UBND tỉnh Thử Nghiệm A",
            Level::Province,
            Q3_2026,
            PROVINCE_A,
        ),
        sheet_of(
            "UBND tỉnh Thử Nghiệm B",
            Level::Province,
            Q3_2026,
            PROVINCE_B,
        ),
    ]
}

fn value(sheet: &Sheet, form: u8, stt: &str) -> Option<Printed> {
    sheet.cell(cell(form, stt))
}

const fn printed(mantissa: i128, decimals: u32) -> Printed {
    Printed { mantissa, decimals }
}

#[test]
fn two_provinces_add_up_counts_summed_and_rates_recomputed() {
    let members = two_provinces();
    for member in &members {
        assert!(member.validate().is_empty(), "{:?}", member.validate());
    }
    let total = aggregate_sheets("Tổng hợp hai tỉnh", &members).expect("one period, one template");
    let report = &total.report;
    assert_eq!(report.meta.body, "Tổng hợp hai tỉnh");
    assert_eq!(report.meta.period, Some(Q3_2026));
    assert_eq!(report.meta.template, online_services::template().version());
    assert_eq!(report.meta.level, Some(Level::Province));

    // Counts summed: 1.200 + 800 = 2.000 dossiers, 900 + 500 = 1.400
    // online, 400 + 300 = 700 eligible procedures, 250 + 120 = 370 fully
    // online, 1.000 + 600 = 1.600 results, 870 + 450 = 1.320 electronic,
    // 1.100 + 700 = 1.800 digitised, 35 + 15 = 50 payments, 30 + 20 = 50
    // shops, 1 + 1 = 2 provincial, 29 + 19 = 48 communal.
    for (form, stt, sum) in [
        (1, "1", 2000),
        (1, "1.1", 1400),
        (1, "2", 700),
        (1, "2.1", 370),
        (1, "3", 1600),
        (1, "3.1", 1320),
        (1, "4", 1800),
        (2, "1.1", 50),
        (2, "2", 50),
        (2, "2.1", 2),
        (2, "2.2", 48),
    ] {
        assert_eq!(
            value(report, form, stt),
            Some(printed(sum, 0)),
            "{form}/{stt}"
        );
        assert_eq!(
            total.total(cell(form, stt)),
            Some(&Total::Sum),
            "{form}/{stt}"
        );
    }

    // Rates recomputed from the sums, never averaged: 1.400 / 2.000 = 70 %
    // (the average of 75 and 62,5 would be 68,75); 370 / 700 =
    // 52,857142… % → 52,86 (the average of 62,5 and 40 would be 51,25);
    // 1.320 / 1.600 = 82,5 % (the average of 87 and 75 would be 81). Two
    // decimals.
    assert_eq!(value(report, 1, "1.2"), Some(printed(7000, 2)));
    assert_eq!(value(report, 1, "2.2"), Some(printed(5286, 2)));
    assert_eq!(value(report, 1, "3.2"), Some(printed(8250, 2)));
    // Counts are exact: the interval is the exact ratio's, to four
    // decimals outward: 52,8571 to 52,8572.
    assert_eq!(
        total.total(cell(1, "2.2")),
        Some(&Total::Recomputed {
            numerator: cell(1, "2.1"),
            denominator: cell(1, "2"),
            interval: Interval {
                low: Decimal::new(528_571, 4),
                high: Decimal::new(528_572, 4),
            },
        })
    );
    assert_eq!(
        total.total(cell(1, "1.2")),
        Some(&Total::Recomputed {
            numerator: cell(1, "1.1"),
            denominator: cell(1, "1"),
            interval: Interval {
                low: Decimal::new(700_000, 4),
                high: Decimal::new(700_000, 4),
            },
        })
    );

    // The code is not added up: blank in the total, both provinces said 1.
    assert_eq!(value(report, 2, "1"), None);
    assert_eq!(
        total.total(cell(2, "1")),
        Some(&Total::Distribution {
            counts: vec![0, 2, 0],
            blank: 0
        })
    );
    let notes = total.distributions();
    assert_eq!(notes.0.len(), 1);
    assert_eq!(notes.0[0].rule, "aggregate:distribution:2/1");
    assert_eq!(
        notes.0[0].message_en(),
        "Form 2 row 1, codes are not added up: 2 reports gave 1 (yes)."
    );

    // The total holds every rule of the template (70 % of 2.000 is 1.400,
    // 2 + 48 = 50, …): nothing to say, nothing lost.
    assert!(total.validate().0.is_empty(), "{:?}", total.validate());
    assert!(total.gaps().0.is_empty(), "{:?}", total.gaps());
    assert_eq!(total.members().len(), 2);
}

#[test]
fn a_commune_that_leaves_a_row_blank_leaves_it_blank_in_the_total() {
    // Two communes; the second does not give its digitised dossiers (1/4).
    let first = sheet_of(
        "UBND xã Thử Nghiệm Một",
        Level::Commune,
        Q3_2026,
        PROVINCE_A,
    );
    let second = sheet_of(
        "UBND xã Thử Nghiệm Hai",
        Level::Commune,
        Q3_2026,
        &PROVINCE_B.replace("1\t4\t700\n", ""),
    );
    let members = [first, second];
    let total = aggregate_sheets("UBND tỉnh Thử Nghiệm", &members).expect("one period");
    assert_eq!(total.report.meta.level, Some(Level::Commune));
    // A blank is not zero: 1.100 + blank is blank, the member named.
    assert_eq!(value(&total.report, 1, "4"), None);
    assert_eq!(
        total.total(cell(1, "4")),
        Some(&Total::Blank(BlankReason::BlankInMembers {
            count: 1,
            first: vec![1],
        }))
    );
    let gaps = total.gaps();
    assert_eq!(gaps.0.len(), 1);
    assert_eq!(gaps.0[0].rule, "aggregate:blank:1/4");
    assert_eq!(gaps.0[0].family, CrossFamily::Aggregate);
    assert_eq!(
        gaps.0[0].message_en(),
        "Form 1 row 4 is blank in the total of 2 reports: 1 of them left it blank \
         (report 2 (UBND xã Thử Nghiệm Hai)), and a blank is not zero, so the 1 that gave it \
         cannot be added up alone."
    );
    // The rest adds up as before: 2.000 dossiers.
    assert_eq!(value(&total.report, 1, "1"), Some(printed(2000, 0)));
}

#[test]
fn a_member_of_another_template_is_refused() {
    let [first, _] = two_provinces();
    // A 581 report of the same period, as a sheet: another template.
    let mut other = Sheet::from(&samples::bac_giang_2023_q3());
    other.meta.period = Some(Q3_2026);
    let members = [first, other];
    let Err(Error::Members(problems)) = aggregate_sheets("Tổng hợp", &members) else {
        panic!("a member of another template is refused");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].index, 1);
    assert_eq!(problems[0].body, "UBND tỉnh Bắc Giang");
    assert_eq!(
        problems[0].kind,
        MemberProblemKind::Template {
            expected: online_services::template().version(),
            found: cchc_forms::TemplateVersion::Bnv581Of2022,
        }
    );
}

/// One province's four sheets of 2026, consistent, worked by hand:
///
/// | row | Q1 | half-year | Q3 | year | Q2 = H − Q1 | Q4 = Y − H − Q3 |
/// |---|---|---|---|---|---|---|
/// | 1/1 dossiers | 300 | 700 | 400 | 1.500 | 400 | 400 |
/// | 1/1.1 online | 210 | 500 | 300 | 1.100 | 290 | 300 |
/// | 1/3 results | 250 | 600 | 350 | 1.300 | 350 | 350 |
/// | 1/3.1 electronic | 200 | 490 | 300 | 1.100 | 290 | 310 |
/// | 1/4 digitised | 280 | 650 | 380 | 1.400 | 370 | 370 |
/// | 2/1.1 payments | 10 | 25 | 15 | 60 | 15 | 20 |
///
/// Every flow of the half-year is at least Q1's, every flow of the year at
/// least the half-year's plus Q3's; the derived quarters keep the parts
/// within their wholes (290 ≤ 400, 290 ≤ 350, 370 ≤ 400; 300 ≤ 400,
/// 310 ≤ 350, 370 ≤ 400). Rates: 210/300 = 70 %, 500/700 = 71,43 %,
/// 300/400 = 75 %, 1.100/1.500 = 73,33 %; 240/400 = 60 %, 250/400 = 62,5 %,
/// 260/410 = 63,41 %, 280/420 = 66,67 %; 200/250 = 80 %, 490/600 = 81,67 %,
/// 300/350 = 85,71 %, 1.100/1.300 = 84,62 %. Shops 1 + 29, 1 + 29, 1 + 30,
/// 1 + 31; online payment offered (1) throughout.
fn year_2026(year_payments: &str, year_electronic: &str, year_electronic_rate: &str) -> [Sheet; 4] {
    let body = "UBND tỉnh Thử Nghiệm";
    let at = |term| Period::new(2026, term);
    let q1 = "1\t1\t300\n1\t1.1\t210\n1\t1.2\t70\n1\t2\t400\n1\t2.1\t240\n1\t2.2\t60\n\
        1\t3\t250\n1\t3.1\t200\n1\t3.2\t80\n1\t4\t280\n\
        2\t1\t1\n2\t1.1\t10\n2\t2\t30\n2\t2.1\t1\n2\t2.2\t29\n";
    let half = "1\t1\t700\n1\t1.1\t500\n1\t1.2\t71,43\n1\t2\t400\n1\t2.1\t250\n1\t2.2\t62,5\n\
        1\t3\t600\n1\t3.1\t490\n1\t3.2\t81,67\n1\t4\t650\n\
        2\t1\t1\n2\t1.1\t25\n2\t2\t30\n2\t2.1\t1\n2\t2.2\t29\n";
    let q3 = "1\t1\t400\n1\t1.1\t300\n1\t1.2\t75\n1\t2\t410\n1\t2.1\t260\n1\t2.2\t63,41\n\
        1\t3\t350\n1\t3.1\t300\n1\t3.2\t85,71\n1\t4\t380\n\
        2\t1\t1\n2\t1.1\t15\n2\t2\t31\n2\t2.1\t1\n2\t2.2\t30\n";
    let year = format!(
        "1\t1\t1.500\n1\t1.1\t1.100\n1\t1.2\t73,33\n1\t2\t420\n1\t2.1\t280\n1\t2.2\t66,67\n\
        1\t3\t1.300\n1\t3.1\t{year_electronic}\n1\t3.2\t{year_electronic_rate}\n1\t4\t1.400\n\
        2\t1\t1\n2\t1.1\t{year_payments}\n2\t2\t32\n2\t2.1\t1\n2\t2.2\t31\n"
    );
    [
        sheet_of(body, Level::Province, at(Term::Q1), q1),
        sheet_of(body, Level::Province, at(Term::HalfYear), half),
        sheet_of(body, Level::Province, at(Term::Q3), q3),
        sheet_of(body, Level::Province, at(Term::Year), &year),
    ]
}

#[test]
fn a_consistent_year_of_sheets_finds_nothing() {
    let sheets = year_2026("60", "1.100", "84,62");
    for sheet in &sheets {
        assert!(sheet.validate().is_empty(), "{:?}", sheet.validate());
    }
    let grouping = Series::group_sheets(&sheets);
    assert_eq!(grouping.series.len(), 1);
    let series = &grouping.series[0];
    assert_eq!(
        (series.body(), series.year()),
        ("UBND tỉnh Thử Nghiệm", 2026)
    );
    assert!(Term::ALL.iter().all(|&term| series.report(term).is_some()));
    let checked = check_sheets(&sheets);
    assert!(checked.findings.0.is_empty(), "{:?}", checked.findings);
    assert!(checked.unplaced.is_empty() && checked.alone.is_empty());
    assert_eq!(series.check(), checked.findings);
}

#[test]
fn a_year_below_its_half_year_is_found_across_the_sheets() {
    // The year says 20 online payments, fewer than the half-year's 25
    // alone, and the half-year (1/1–30/6) and Q3 (1/7–30/9) lie inside the
    // year without overlapping: 20 − 25 − 15 = −20, a derived Q4 below
    // zero. Every sheet holds its own rules (20 payments, payment offered).
    let sheets = year_2026("20", "1.100", "84,62");
    assert!(sheets[3].validate().is_empty());
    let checked = check_sheets(&sheets);
    assert_eq!(checked.findings.0.len(), 1, "{:?}", checked.findings);
    let flow = &checked.findings.0[0];
    assert_eq!(flow.rule, "period:flow:2/1.1");
    assert_eq!(flow.family, CrossFamily::Period);
    assert_eq!(flow.severity, Severity::Error);
    // The year's cell, then the half-year's and Q3's.
    let periods: Vec<Option<Period>> = flow.cells.iter().map(|c| c.period).collect();
    assert_eq!(
        periods,
        [Term::Year, Term::HalfYear, Term::Q3].map(|term| Some(Period::new(2026, term)))
    );
    assert!(flow.cells.iter().all(|c| c.is(cell(2, "1.1"))));
    assert_eq!(flow.reported, Some(Decimal::from(20)));
    assert_eq!(flow.computed, Some(Decimal::from(40)));
    assert_eq!(flow.imbalance, Some(Decimal::from(-20)));
    assert_eq!(
        flow.message_en(),
        "Form 2 row 1.1: the 2026 annual report says 20, less than the half-year 2026 report \
         (25) plus the Q3 2026 report (15): the derived Q4 = 20 − 25 − 15 = -20 < 0."
    );
}

/// A template of two rows with the windows given, the second row new from
/// 1 January 2027: it applies to a report whose data window starts on or
/// after that day.
fn new_row_template(windows: Windows, name: &'static str) -> &'static Template {
    TemplateBuilder::new(LegalBasis {
        document: "Mẫu thử nghiệm (không phải mẫu chính thức)",
        date: CalendarDate {
            year: 2026,
            month: 1,
            day: 1,
        },
        issuer: "cchc-forms tests",
        name,
    })
    .windows(windows)
    .levels(&[Level::Province, Level::Commune])
    .form(1, "form1", "Hồ sơ", "Dossiers")
    .row(Indicator::count(
        1, "1", "dossiers", "Hồ sơ", "Dossiers", "Hồ sơ", "dossiers",
    ))
    .row(
        Indicator::count(
            1,
            "2",
            "dossiers_by_app",
            "Hồ sơ qua ứng dụng",
            "Dossiers by app",
            "Hồ sơ",
            "dossiers",
        )
        .applies(Applicability {
            from: Some(CalendarDate {
                year: 2027,
                month: 1,
                day: 1,
            }),
            until: None,
            reason_en: "a row of the 2027 edition",
            reason_vi: "chỉ tiêu từ năm 2027",
        }),
    )
    .build()
    .expect("well defined")
}

/// The two-row template in calendar windows.
fn calendar() -> &'static Template {
    static TEMPLATE: OnceLock<&'static Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| new_row_template(Windows::Calendar, "test/new-row-calendar"))
}

/// The same rows in administrative windows.
fn administrative() -> &'static Template {
    static TEMPLATE: OnceLock<&'static Template> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| new_row_template(Windows::Administrative, "test/new-row-administrative"))
}

/// A commune's sheet of the two-row template.
fn commune(template: &'static Template, body: &str, period: Period, rows: [&str; 2]) -> Sheet {
    let meta = ReportMeta {
        template: template.version(),
        ..ReportMeta::new(body, Level::Commune, period)
    };
    let text = format!("1\t1\t{}\n1\t2\t{}\n", rows[0], rows[1]);
    Sheet::from_rows(meta, rows::parse_tsv(&text).expect("rows")).expect("a sheet")
}

#[test]
fn the_calendar_windows_decide_which_rows_a_period_has() {
    let (calendar, administrative) = (calendar(), administrative());
    let q1_2027 = Period::new(2027, Term::Q1);
    // Q1/2027's data: 1/1–31/3/2027 in calendar windows, from 15/12/2026
    // in administrative ones, so the row new from 1/1/2027 is in the first
    // and not in the second.
    let date = |year, month, day| CalendarDate { year, month, day };
    assert_eq!(
        calendar.window(q1_2027),
        (date(2027, 1, 1), date(2027, 3, 31))
    );
    assert_eq!(
        online_services::template().window(q1_2027),
        calendar.window(q1_2027)
    );
    assert_eq!(administrative.window(q1_2027).0, date(2026, 12, 15));

    let add_up = |template: &'static Template| {
        let member = |body: &str, dossiers: &str, by_app: &str| {
            commune(template, body, q1_2027, [dossiers, by_app])
        };
        let members = [
            member("UBND xã Một", "120", "30"),
            member("UBND xã Hai", "80", "20"),
        ];
        let total = aggregate_sheets("UBND tỉnh", &members).expect("one period");
        let by_app = template.cell(1, "2").expect("a row");
        (
            total.report.cell(template.cell(1, "1").expect("a row")),
            total.report.cell(by_app),
            total.total(by_app).cloned(),
        )
    };
    // Calendar: 30 + 20 = 50 dossiers by app in Q1/2027.
    assert_eq!(
        add_up(calendar),
        (
            Some(printed(200, 0)),
            Some(printed(50, 0)),
            Some(Total::Sum)
        )
    );
    // Administrative: the row does not apply to Q1/2027 (its data start in
    // 2026): blank, whatever the members say.
    assert_eq!(
        add_up(administrative),
        (
            Some(printed(200, 0)),
            None,
            Some(Total::Blank(BlankReason::NotApplicable))
        )
    );
}

#[test]
fn a_derived_quarter_that_breaks_a_rule_of_the_template_is_found() {
    // The year says 1.150 electronic results of 1.300 (88,46 %), which
    // holds on its own, and is above the half-year plus Q3 (490 + 300 =
    // 790). But the derived Q4 has 1.150 − 490 − 300 = 360 electronic
    // results of 1.300 − 600 − 350 = 350: the template's rule "1/3.1 is a
    // part of 1/3" broken by Q4 alone.
    let sheets = year_2026("60", "1.150", "88,46");
    assert!(
        sheets[3].validate().is_empty(),
        "{:?}",
        sheets[3].validate()
    );
    let checked = check_sheets(&sheets);
    assert_eq!(checked.findings.0.len(), 1, "{:?}", checked.findings);
    let derived = &checked.findings.0[0];
    assert_eq!(derived.rule, "derived:q4:part:1/3.1<=1/3");
    assert_eq!(derived.family, CrossFamily::Derived);
    assert_eq!(derived.severity, Severity::Error);
    assert!(
        derived
            .message_en()
            .starts_with("Q4 2026 derived (annual report − half-year report − Q3 report): "),
        "{}",
        derived.message_en()
    );
    // Each of the rule's two cells in each report Q4 comes from.
    assert_eq!(derived.cells.len(), 6);
    for term in [Term::Year, Term::HalfYear, Term::Q3] {
        let period = Some(Period::new(2026, term));
        for id in [cell(1, "3.1"), cell(1, "3")] {
            assert!(
                derived.cells.iter().any(|c| c.period == period && c.is(id)),
                "{term:?}"
            );
        }
    }
    // The whole is the checked cell: 350 reported, the part 360 above it.
    assert_eq!(derived.reported, Some(Decimal::from(350)));
    assert_eq!(derived.computed, Some(Decimal::from(360)));
}

#[test]
fn the_calendar_windows_decide_which_rows_a_series_compares() {
    // Q1/2027 says 30 dossiers by app, the half-year 2027 only 10: a flow
    // cannot fall from Q1 to the half-year that holds it. In calendar
    // windows both reports' data start on 1/1/2027, the row applies, and
    // that is an error; in administrative ones both start on 15/12/2026,
    // before the row exists, and the row is not compared.
    let year = |template| {
        [
            commune(
                template,
                "UBND xã Một",
                Period::new(2027, Term::Q1),
                ["120", "30"],
            ),
            commune(
                template,
                "UBND xã Một",
                Period::new(2027, Term::HalfYear),
                ["250", "10"],
            ),
        ]
    };
    let found = check_sheets(&year(calendar()));
    let rules: Vec<&str> = found.findings.0.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["period:flow:1/2"]);
    assert_eq!(found.findings.0[0].reported, Some(Decimal::from(10)));
    assert_eq!(found.findings.0[0].computed, Some(Decimal::from(30)));
    // 250 dossiers in the half-year, at least Q1's 120: nothing on row 1.
    assert!(check_sheets(&year(administrative())).findings.0.is_empty());
}
