//! The test template of `tests/template_of_its_own.rs`, shared by the
//! tests that take a template defined outside the crate through the
//! crate's other paths (localisation, series, aggregation, strategies).
//!
//! A TEST template, not an official one: modelled on the situation after
//! the 2025 reform (two levels of local government, province and commune;
//! calendar reporting windows) and on the shape of Nghị quyết 71/NQ-CP's
//! 2030 targets for online public services. Built with the public API only.
#![allow(dead_code)]

use std::sync::OnceLock;

use cchc_forms::catalogue::Indicator;
use cchc_forms::template::{LegalBasis, Template, TemplateBuilder, When, Windows};
use cchc_forms::unit::CodeValue;
use cchc_forms::{CalendarDate, Level, Period, ReportMeta, Severity, Sheet, Term, rows};

/// "Có" / "Không", the legend of form 2 row 1.
const YES_NO: &[CodeValue] = &[
    CodeValue {
        code: 1,
        label_vi: "Có",
        label_en: "yes",
    },
    CodeValue {
        code: 2,
        label_vi: "Không",
        label_en: "no",
    },
];

/// The test template, built once (one table: a row per line once formatted).
#[allow(clippy::too_many_lines)]
pub fn template() -> &'static Template {
    static TEMPLATE: OnceLock<&'static Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let note = ("Một phần của tổng.", "A part of its whole.");
        TemplateBuilder::new(LegalBasis {
            document: "Mẫu thử nghiệm của bộ kiểm thử (không phải mẫu chính thức)",
            date: CalendarDate {
                year: 2026,
                month: 1,
                day: 1,
            },
            issuer: "cchc-forms tests",
            name: "test/online-services-2026",
        })
        .windows(Windows::Calendar)
        .levels(&[Level::Province, Level::Commune])
        .form(
            1,
            "form1",
            "Dịch vụ công trực tuyến",
            "Online public services",
        )
        .heading(1, "I", "Hồ sơ và dịch vụ", "Dossiers and services")
        .row(Indicator::count(
            1,
            "1",
            "dossiers",
            "Tổng số hồ sơ TTHC tiếp nhận",
            "Dossiers received",
            "Hồ sơ",
            "dossiers",
        ))
        .row(Indicator::count(
            1,
            "1.1",
            "dossiers_online",
            "Số hồ sơ tiếp nhận trực tuyến",
            "Dossiers received online",
            "Hồ sơ",
            "dossiers",
        ))
        .row(Indicator::percent(
            1,
            "1.2",
            "online_share",
            "Tỷ lệ hồ sơ trực tuyến",
            "Share of dossiers received online",
        ))
        .row(
            Indicator::count(
                1,
                "2",
                "eligible_procedures",
                "Số TTHC đủ điều kiện cung cấp DVCTT toàn trình",
                "Procedures eligible for fully online service",
                "TTHC",
                "procedures",
            )
            .stock(),
        )
        .row(
            Indicator::count(
                1,
                "2.1",
                "full_online_procedures",
                "Số TTHC cung cấp DVCTT toàn trình",
                "Procedures offered fully online",
                "TTHC",
                "procedures",
            )
            .stock(),
        )
        .row(Indicator::percent(
            1,
            "2.2",
            "full_online_rate",
            "Tỷ lệ DVCTT toàn trình",
            "Share of eligible procedures fully online",
        ))
        .row(Indicator::count(
            1,
            "3",
            "results",
            "Số kết quả giải quyết TTHC",
            "Results issued",
            "Kết quả",
            "results",
        ))
        .row(Indicator::count(
            1,
            "3.1",
            "electronic_results",
            "Số kết quả điện tử",
            "Results issued electronically",
            "Kết quả",
            "results",
        ))
        .row(Indicator::percent(
            1,
            "3.2",
            "electronic_results_rate",
            "Tỷ lệ kết quả điện tử",
            "Share of results issued electronically",
        ))
        .row(Indicator::count(
            1,
            "4",
            "digitised_dossiers",
            "Số hồ sơ được số hóa",
            "Dossiers digitised",
            "Hồ sơ",
            "dossiers",
        ))
        .form(
            2,
            "form2",
            "Thanh toán và tổ chức",
            "Payments and organisation",
        )
        .row(Indicator::code(
            2,
            "1",
            "online_payment",
            "Có thanh toán trực tuyến",
            "Online payment offered",
            YES_NO,
            "1: Có; 2: Không",
        ))
        .row(Indicator::count(
            2,
            "1.1",
            "online_payments",
            "Số giao dịch thanh toán trực tuyến",
            "Online payments",
            "Giao dịch",
            "payments",
        ))
        .row(
            Indicator::count(
                2,
                "2",
                "one_stop_shops",
                "Số bộ phận một cửa",
                "One-stop shops",
                "Bộ phận",
                "shops",
            )
            .stock(),
        )
        .row(
            Indicator::count(
                2,
                "2.1",
                "one_stop_shops_province",
                "Cấp tỉnh",
                "At provincial level",
                "Bộ phận",
                "shops",
            )
            .stock(),
        )
        .row(
            Indicator::count(
                2,
                "2.2",
                "one_stop_shops_commune",
                "Cấp xã",
                "At commune level",
                "Bộ phận",
                "shops",
            )
            .stock(),
        )
        .ratio("1/1.2", "1/1.1", "1/1")
        .ratio("1/2.2", "1/2.1", "1/2")
        .ratio("1/3.2", "1/3.1", "1/3")
        .sum(
            "2/2",
            &["2/2.1", "2/2.2"],
            (
                "Mỗi bộ phận một cửa ở đúng một trong hai cấp.",
                "Every one-stop shop is at exactly one of the two levels.",
            ),
        )
        .part(Severity::Error, &["1/1.1"], "1/1", note)
        .part(Severity::Error, &["1/2.1"], "1/2", note)
        .part(Severity::Error, &["1/3.1"], "1/3", note)
        .part(
            Severity::Warning,
            &["1/4"],
            "1/1",
            (
                "Hồ sơ số hóa thường là hồ sơ tiếp nhận.",
                "Digitised dossiers are normally among those received.",
            ),
        )
        .bound(
            Severity::Error,
            "1/1.2",
            Some(0),
            Some(100),
            ("Một tỷ lệ.", "A share."),
        )
        .conditional(
            "2/1",
            2,
            &["2/1.1"],
            (
                "Không có thanh toán trực tuyến thì không có giao dịch.",
                "No online payment, no online payments.",
            ),
        )
        .implies(
            Severity::Warning,
            When::Positive(&["2/1.1"]),
            When::Code("2/1", 1),
            (
                "Có giao dịch thì có thanh toán trực tuyến.",
                "Payments mean online payment is offered.",
            ),
        )
        .build()
        .expect("the test template is well defined")
    })
}

pub fn meta(level: Level, period: Period) -> ReportMeta {
    ReportMeta {
        template: template().version(),
        ..ReportMeta::new("UBND tỉnh Thử Nghiệm", level, period)
    }
}

/// A report of Q3/2026 with three slips, worked by hand:
/// - 1/3.2: 870 of 1.000 results is 87 %, not 85 % (an error);
/// - 2/2: 1 + 28 = 29 one-stop shops, not 30 (an error, imbalance 1);
/// - 2/1 is 2 ("Không", no online payment) but 2/1.1 says 35 payments
///   (the conditional's error, and the implication's warning).
///
/// The rest holds: 900 / 1.200 = 75 %; 250 / 400 = 62,5 %; 900 ≤ 1.200,
/// 250 ≤ 400, 870 ≤ 1.000, 1.100 digitised ≤ 1.200 received.
pub const TSV: &str = "1\tI.\t\n\
    1\t1.\t1.200\n\
    1\t1.1.\t900\n\
    1\t1.2.\t75\n\
    1\t2\t400\n\
    1\t2.1\t250\n\
    1\t2.2\t62,5\n\
    1\t3\t1.000\n\
    1\t3.1\t870\n\
    1\t3.2\t85\n\
    1\t4\t1.100\n\
    2\t1\t2\n\
    2\t1.1\t35\n\
    2\t2\t30\n\
    2\t2.1\t1\n\
    2\t2.2\t28\n";

pub fn sheet() -> Sheet {
    let rows = rows::parse_tsv(TSV).expect("rows");
    Sheet::from_rows(meta(Level::Province, Period::new(2026, Term::Q3)), rows).expect("reads")
}
