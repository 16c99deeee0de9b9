//! Which reports are one body's: grouping by body after NFC normalisation,
//! case folding and white-space folding; a body not given is no body; two
//! versions of one body's report of a period that differ are a finding,
//! whatever their order; a report alone says so.
//!
//! Built from the Bắc Giang Q3/2023 sample: its Q3 report, and a year report
//! whose dossiers resolved by departments (3/3.1.1) are 50.000, fewer than
//! Q3's 54.106: `period:flow:3/3.1.1` when, and only when, the two are
//! grouped as one body's.

use cchc_forms::catalogue::CellId;
use cchc_forms::series::{Series, UnplacedReason, check_reports};
use cchc_forms::unit::Printed;
use cchc_forms::{BodyKey, Period, Report, Severity, Term, samples};

fn q3(body: &str) -> Report {
    let mut report = samples::bac_giang_2023_q3();
    body.clone_into(&mut report.meta.body);
    report
}

/// The year report with 50.000 dossiers resolved: below Q3's 54.106.
fn year_below_q3(body: &str) -> Report {
    let mut report = q3(body);
    report.meta.period = Some(Period::new(2023, Term::Year));
    report
        .set_cell(CellId::of(3, "3.1.1"), Some(Printed::whole(50_000)))
        .unwrap();
    report
}

fn flow_found(reports: &[Report]) -> bool {
    check_reports(reports)
        .findings
        .of_rule("period:flow:3/3.1.1")
        .next()
        .is_some()
}

#[test]
fn a_body_typed_in_another_case_spacing_or_unicode_form_is_the_same_body() {
    let sample = "UBND tỉnh Bắc Giang";
    // Decomposed: ỉ = i + U+0309, ắ = a + U+0306 + U+0301.
    let decomposed = "UBND ti\u{309}nh Ba\u{306}\u{301}c Giang";
    assert_ne!(sample, decomposed);
    for other in [
        "UBND TỈNH BẮC GIANG",
        "Ubnd tỉnh Bắc Giang",
        decomposed,
        "  UBND\ttỉnh\u{a0}Bắc   Giang ",
        "UBND tỉnh Bắc\u{200b} Giang",
        // Both at once: upper case and decomposed.
        "UBND TI\u{309}NH BA\u{306}\u{301}C GIANG",
    ] {
        let reports = [q3(sample), year_below_q3(other)];
        let grouping = Series::group(&reports);
        assert_eq!(grouping.series.len(), 1, "{other:?}");
        assert!(grouping.unplaced.is_empty());
        assert!(grouping.alone.is_empty());
        // The series is named as its first report names the body.
        assert_eq!(grouping.series[0].body(), sample);
        assert!(flow_found(&reports), "{other:?}");
        // And the other way round.
        let reports = [year_below_q3(sample), q3(other)];
        assert!(flow_found(&reports), "{other:?}");
    }
}

#[test]
fn other_bodies_stay_apart() {
    for other in [
        "UBND tỉnh Bắc Ninh",
        "UBND tỉnh Bac Giang", // without the marks: another spelling
        "UBND tỉnh Bắc Giang 2",
        "UBND tỉnhBắc Giang", // a space is not nothing
    ] {
        let reports = [q3("UBND tỉnh Bắc Giang"), year_below_q3(other)];
        assert_eq!(Series::group(&reports).series.len(), 2, "{other:?}");
        assert!(!flow_found(&reports), "{other:?}");
        let checked = check_reports(&reports);
        // Each is the only report of its body, and says so.
        assert_eq!(
            checked.alone.iter().map(|a| a.index).collect::<Vec<_>>(),
            [0, 1]
        );
    }
}

#[test]
fn the_body_key_folds_what_a_reader_cannot_tell_apart() {
    let key = BodyKey::of("UBND TỈNH BẮC GIANG").unwrap();
    assert_eq!(key.as_str(), "ubnd tỉnh bắc giang");
    assert_eq!(BodyKey::of("ĐẮK LẮK"), BodyKey::of("đắk lắk"));
    assert_eq!(BodyKey::of("D\u{301}"), BodyKey::of("d\u{301}"));
    // Composed and decomposed capital Ỉ (I + hook above) fold alike.
    assert_eq!(BodyKey::of("\u{1ec8}"), BodyKey::of("I\u{309}"));
    // A closing oa, oe, uy takes its tone on either vowel (old and new
    // spelling): one name.
    for (new, old) in [
        ("UBND tỉnh Thanh Hóa", "UBND tỉnh Thanh Hoá"),
        ("UBND tỉnh Khánh Hòa", "UBND TỈNH KHÁNH HOÀ"),
        ("Sở Y tế khỏe", "Sở Y tế khoẻ"),
        ("Chi cục Thủy lợi", "Chi cục Thuỷ lợi"),
        ("UBND huyện Hòa Vang", "UBND huyện Hoa\u{300} Vang"),
    ] {
        assert_eq!(BodyKey::of(new), BodyKey::of(old), "{new} / {old}");
    }
    // But not other words: a tone is not nothing, a final consonant keeps
    // it where it is, and `quý` is not `qúy`.
    assert_ne!(BodyKey::of("Thanh Hóa"), BodyKey::of("Thanh Hoa"));
    assert_eq!(BodyKey::of("Hoàng").unwrap().as_str(), "hoàng");
    assert_eq!(BodyKey::of("Quý").unwrap().as_str(), "quý");
    assert_eq!(BodyKey::of("Thủy").unwrap().as_str(), "thuỷ");
    // "Ủy ban nhân dân" (either spelling) is "UBND".
    for spelled in [
        "Ủy ban nhân dân tỉnh Bắc Giang",
        "Uỷ ban nhân dân tỉnh Bắc Giang",
        "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG",
    ] {
        assert_eq!(
            BodyKey::of(spelled),
            BodyKey::of("UBND tỉnh Bắc Giang"),
            "{spelled}"
        );
    }
    for blank in ["", " ", "\t\u{a0}\u{3000}", "\u{200b}\u{feff}"] {
        assert_eq!(BodyKey::of(blank), None, "{blank:?}");
    }
}

#[test]
fn reports_without_a_body_are_not_one_body() {
    // Two documents that give no body, of one period, different figures:
    // not two versions of one report, not one series; each set aside.
    let reports = [q3(""), year_below_q3("")];
    let checked = check_reports(&reports);
    assert!(checked.findings.is_empty(), "{:#?}", checked.findings);
    assert_eq!(checked.unplaced.len(), 2);
    for (i, unplaced) in checked.unplaced.iter().enumerate() {
        assert_eq!(unplaced.index, i);
        assert_eq!(unplaced.reason, UnplacedReason::NoBody);
    }
    assert_eq!(
        checked.unplaced[1].message_en(),
        "report 2 gives no body, so it cannot be matched with any other report: no check across reports"
    );
    // White space only is no body either; nor is it matched with a body.
    let reports = [q3("UBND tỉnh Bắc Giang"), year_below_q3(" \t")];
    let checked = check_reports(&reports);
    assert!(!flow_found(&reports));
    assert_eq!(checked.unplaced[0].reason, UnplacedReason::NoBody);
    assert_eq!(checked.unplaced[0].index, 1);
    assert_eq!(checked.alone.len(), 1);
    assert_eq!(checked.alone[0].index, 0);
    assert_eq!(
        checked.alone[0].message_en(),
        "report 1 (Q3 2023) is the only report of its body: there is no other report to compare it with"
    );
    // Same period, no body, same figures: still not one report twice.
    let checked = check_reports(&[q3(""), q3("")]);
    assert!(
        checked
            .unplaced
            .iter()
            .all(|u| u.reason == UnplacedReason::NoBody)
    );
}

/// Q3 with 1.4 changed to 1.896 and 1.4.1 left blank: two cells differ.
fn other_version(body: &str) -> Report {
    let mut report = q3(body);
    report
        .set_cell(CellId::of(3, "1.4"), Some(Printed::whole(1_896)))
        .unwrap();
    report.set_cell(CellId::of(3, "1.4.1"), None).unwrap();
    report
}

#[test]
fn two_versions_of_a_period_are_an_error_whatever_their_order() {
    let first = q3("UBND tỉnh Bắc Giang");
    let second = other_version("UBND TỈNH BẮC GIANG");
    let year = year_below_q3("UBND tỉnh Bắc Giang");
    for (reports, a, b) in [
        (vec![first.clone(), second.clone(), year.clone()], 0, 1),
        (vec![second.clone(), first.clone(), year.clone()], 1, 0),
        (vec![year.clone(), second.clone(), first.clone()], 2, 1),
    ] {
        let checked = check_reports(&reports);
        let versions: Vec<_> = checked.findings.of_rule("period:versions").collect();
        assert_eq!(versions.len(), 1, "{:#?}", checked.findings);
        let found = versions[0];
        assert_eq!(found.severity, Severity::Error);
        // Both cells that differ, in each of the two reports.
        let cells: Vec<(u8, &str, Option<usize>)> = found
            .cells
            .iter()
            .map(|c| (c.form, c.stt.as_str(), c.member))
            .collect();
        let (lo, hi) = (a.min(b), a.max(b));
        assert_eq!(
            cells,
            [
                (3, "1.4", Some(lo)),
                (3, "1.4", Some(hi)),
                (3, "1.4.1", Some(lo)),
                (3, "1.4.1", Some(hi)),
            ]
        );
        let (one, other) = if lo == a {
            ("1902 and 1896", "1486 and blank")
        } else {
            ("1896 and 1902", "blank and 1486")
        };
        assert_eq!(
            found.message_en(),
            format!(
                "Reports {} and {} are both the Q3 2023 report of {} but differ in 2 cell(s): form 3 row 1.4 ({one}), form 3 row 1.4.1 ({other}). Which is right cannot be told, so neither is used in the checks across reports.",
                lo + 1,
                hi + 1,
                reports[lo].meta.body,
            )
        );
        // Neither version is used: the year is alone, its flow below Q3's
        // not compared with either (the same whatever the order).
        assert!(
            checked
                .findings
                .of_rule("period:flow:3/3.1.1")
                .next()
                .is_none()
        );
        let set_aside: Vec<(usize, UnplacedReason)> = checked
            .unplaced
            .iter()
            .map(|u| (u.index, u.reason))
            .collect();
        assert_eq!(
            set_aside,
            [
                (lo, UnplacedReason::OtherVersion { other: hi }),
                (hi, UnplacedReason::OtherVersion { other: lo }),
            ]
        );
        assert!(checked.findings.has_errors());
    }
}

#[test]
fn the_same_report_twice_is_used_once() {
    // The same figures, the body typed otherwise: one report, the first.
    let reports = [
        q3("UBND tỉnh Bắc Giang"),
        year_below_q3("UBND tỉnh Bắc Giang"),
        q3("ubnd tỉnh bắc giang"),
    ];
    let checked = check_reports(&reports);
    assert_eq!(checked.unplaced.len(), 1);
    assert_eq!(checked.unplaced[0].index, 2);
    assert_eq!(
        checked.unplaced[0].reason,
        UnplacedReason::SamePeriodAs { first: 0 }
    );
    assert!(checked.findings.of_rule("period:versions").next().is_none());
    assert!(flow_found(&reports));
    // A value printed with other digits but equal (99,3 and 99,30) is the
    // same figure.
    let mut again = q3("UBND tỉnh Bắc Giang");
    again
        .set_cell(
            CellId::of(3, "3.1"),
            Some(Printed {
                mantissa: 9930,
                decimals: 2,
            }),
        )
        .unwrap();
    let checked = check_reports(&[q3("UBND tỉnh Bắc Giang"), again]);
    assert_eq!(
        checked.unplaced[0].reason,
        UnplacedReason::SamePeriodAs { first: 0 }
    );
}

#[test]
fn copies_among_versions_are_named_with_a_version_unlike_them() {
    let a = q3("UBND tỉnh Bắc Giang");
    let b = other_version("UBND tỉnh Bắc Giang");
    // A, a copy of A, B: each set aside naming a version whose figures
    // differ from its own; one finding, A against B.
    let checked = check_reports(&[a.clone(), a.clone(), b.clone()]);
    let reasons: Vec<(usize, UnplacedReason)> = checked
        .unplaced
        .iter()
        .map(|u| (u.index, u.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (0, UnplacedReason::OtherVersion { other: 2 }),
            (1, UnplacedReason::OtherVersion { other: 2 }),
            (2, UnplacedReason::OtherVersion { other: 0 }),
        ]
    );
    assert_eq!(checked.findings.of_rule("period:versions").count(), 1);
    // A, B, a copy of B: B is named once.
    let checked = check_reports(&[a, b.clone(), b]);
    let versions: Vec<_> = checked.findings.of_rule("period:versions").collect();
    assert_eq!(versions.len(), 1);
    assert!(
        versions[0]
            .message_en()
            .starts_with("Reports 1 and 2 are both")
    );
    let reasons: Vec<UnplacedReason> = checked.unplaced.iter().map(|u| u.reason).collect();
    assert_eq!(
        reasons,
        [
            UnplacedReason::OtherVersion { other: 1 },
            UnplacedReason::OtherVersion { other: 0 },
            UnplacedReason::OtherVersion { other: 0 },
        ]
    );
    // Every message names a version that differs.
    assert_eq!(
        checked.unplaced[2].message_en(),
        "report 3 is of the same body and period as report 1 but its figures differ: which is right cannot be told, so neither is used"
    );
}
