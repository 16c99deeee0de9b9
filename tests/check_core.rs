//! The core of the checks (`src/check/mod.rs`: the rule loop, a rule's
//! words, `percentage_of`; `src/check/rules.rs`: the rule table;
//! `src/check/words.rs`: the pieces messages are written from), asserted
//! from the rules and the forms, each case worked out by hand. Written to
//! kill the mutants `cargo mutants` found surviving in those three files
//! (see `.ci/mutants.sh` and docs/testing.md, "Mutation testing").

use cchc_forms::check::{Outcome, Rounding, percentage_of};
use cchc_forms::unit::Printed;
use cchc_forms::{Finding, Level, Period, Report, ReportMeta, RuleId, Severity, Term};

mod common;
use common::{one_of, report, report_of, rules};

/// A provincial report for the first quarter of 2026, when there is no
/// district level (its rows do not apply).
fn without_districts() -> ReportMeta {
    ReportMeta::new(
        "UBND tỉnh Bắc Ninh",
        Level::Province,
        Period::new(2026, Term::Q1),
    )
}

/// The one finding of `rule` on `report`.
fn finding_in(report: &Report, rule: &str) -> Finding {
    one_of(&report.validate(), rule)
}

fn rule(id: &str) -> &'static cchc_forms::check::Rule {
    RuleId::find(id)
        .unwrap_or_else(|| panic!("no rule {id}"))
        .rule()
}

#[test]
fn a_rule_displays_as_its_id_family_severity_and_description() {
    // `Display` of a rule: its id, then its family and severity in
    // parentheses, then its English description. The description of the
    // ratio of form 3 row 3.1 (on-time dossiers of the departments:
    // 3.1 = 100 × 3.1.2 / 3.1.1) is the one its documentation gives; a ratio
    // has no note after it.
    let ratio = rule("ratio:3/3.1");
    assert_eq!(
        ratio.to_string(),
        "ratio:3/3.1 (ratio, error): Form 3: 3.1 = 100 × 3.1.2 / 3.1.1, \
         within the precision 3.1 is printed with."
    );
    // The sum of form 3 row 1.4 has a warning above and an error below: the
    // rule's severity is the more severe, error, and its description ends
    // with its note.
    let sum = rule("sum:3/1.4");
    let shown = sum.to_string();
    assert!(shown.starts_with("sum:3/1.4 (sum, error): "), "{shown}");
    assert!(shown.ends_with(sum.note_en()), "{shown}");
    assert!(
        shown.ends_with(" (an error)."),
        "the note of sum:3/1.4 closes the line: {shown}"
    );
}

#[test]
fn a_sum_rule_is_as_severe_as_its_worse_direction() {
    // sum:3/1.4: levels adding up to more than the total is a warning, to
    // less an error; sum:6/2.1 the other way round. Either way the rule's
    // severity is error, the more severe of the two. The other three sums
    // are errors both ways.
    for id in [
        "sum:3/1.4",
        "sum:6/2.1",
        "sum:2/1",
        "sum:4/1.5",
        "sum:6/2.4",
    ] {
        assert_eq!(rule(id).severity, Severity::Error, "{id}");
    }
}

#[test]
fn a_percentage_rounds_half_away_from_zero_whatever_the_signs() {
    // 100 × 1 / 8 = 12,5 exactly: to 0 decimals, half away from zero gives
    // 13, truncation 12. With one side negative the ratio is −12,5: away
    // from zero is −13, truncation (toward zero) −12. Both negative: 12,5
    // again.
    let whole = Printed::whole;
    let at_0 = |num: i128, den: i128, rounding| {
        percentage_of(whole(num), whole(den), 0, rounding).map(|p| (p.mantissa, p.decimals))
    };
    let half = Rounding::HalfAwayFromZero;
    let cut = Rounding::Truncate;
    assert_eq!(at_0(1, 8, half), Some((13, 0)));
    assert_eq!(at_0(1, 8, cut), Some((12, 0)));
    assert_eq!(at_0(-1, 8, half), Some((-13, 0)));
    assert_eq!(at_0(-1, 8, cut), Some((-12, 0)));
    assert_eq!(at_0(1, -8, half), Some((-13, 0)));
    assert_eq!(at_0(1, -8, cut), Some((-12, 0)));
    assert_eq!(at_0(-1, -8, half), Some((13, 0)));
    assert_eq!(at_0(-1, -8, cut), Some((12, 0)));
    // Below the half: 100 × 1 / 9 = 11,11…, and −11,11…: 11 and −11 either
    // way.
    for rounding in [half, cut] {
        assert_eq!(at_0(1, 9, rounding), Some((11, 0)));
        assert_eq!(at_0(-1, 9, rounding), Some((-11, 0)));
        assert_eq!(at_0(1, -9, rounding), Some((-11, 0)));
    }
    // Above the half: 100 × 1 / 7 = 14,28…, to one decimal 142,8… tenths:
    // 14,3 to the nearest, 14,2 truncated; −14,3 and −14,2.
    let at_1 = |num: i128, den: i128, rounding| {
        percentage_of(whole(num), whole(den), 1, rounding).map(|p| (p.mantissa, p.decimals))
    };
    assert_eq!(at_1(1, 7, half), Some((143, 1)));
    assert_eq!(at_1(1, 7, cut), Some((142, 1)));
    assert_eq!(at_1(-1, 7, half), Some((-143, 1)));
    assert_eq!(at_1(1, -7, cut), Some((-142, 1)));
    // Zero over anything but zero is 0; nothing over zero.
    assert_eq!(at_0(0, -8, half), Some((0, 0)));
    assert_eq!(at_0(5, 0, half), None);
    assert_eq!(at_0(-5, 0, cut), None);
}

#[test]
fn a_zero_in_a_row_that_does_not_apply_is_left_out_of_a_level_range() {
    // In 2026 there is no district level: 7/5.2.2 does not apply, and a 0
    // in it is no error (only a value other than 0 is, rule
    // not_applicable). The overall rate 7/5.2 lies between the rates of the
    // levels that apply, 5.2.1 = 50 and 5.2.3 = 60 ([49,5; 60,5] as
    // printed): 40 ([39,5; 40,5]) is outside, an error. Were the 0 of the
    // district row taken as a level, the range would reach down to 0 and 40
    // would pass.
    let rows = [
        (7, "5.2", "40"),
        (7, "5.2.1", "50"),
        (7, "5.2.2", "0"),
        (7, "5.2.3", "60"),
    ];
    let report = report_of(without_districts(), &rows);
    assert_eq!(rules(&report), ["level_range:7/5.2"]);
    let range = finding_in(&report, "level_range:7/5.2");
    assert_eq!(range.severity, Severity::Error);
    assert_eq!(
        range.message_en().to_string(),
        "Form 7, row 5.2 = 40% lies outside the range of 5.2.1, 5.2.3 [49.5, 60.5]."
    );
    // The same rows in 2023, when the district level exists: its rate 0 is
    // a level like the others, and 40 lies in [−0,5; 60,5].
    let evaluation = report_of(ReportMeta::default(), &rows).check();
    assert!(evaluation.findings.is_empty(), "{:?}", evaluation.findings);
    let position = RuleId::find("level_range:7/5.2").unwrap().index();
    assert_eq!(evaluation.outcomes[position], Outcome::Passed);
}

#[test]
fn a_rule_that_fires_an_error_failed_and_a_note_was_noted() {
    // The source document (Bắc Giang, Q3/2023): form 3 row 1.4 gives 1.902
    // procedures, its levels 1.486 + 255 + 155 = 1.896, less than the
    // total: sum:3/1.4 fails, an error. Form 1 row 2 (the plan's completion
    // rate) is blank while 2.1 = 56 tasks set and 2.2 = 40 completed are
    // given: derivable:1/2 is a note (info), so that rule was noted, not
    // failed.
    let evaluation = cchc_forms::samples::bac_giang_2023_q3().check();
    let outcome = |id: &str| evaluation.outcomes[RuleId::find(id).unwrap().index()];
    assert_eq!(outcome("sum:3/1.4"), Outcome::Failed);
    assert_eq!(outcome("derivable:1/2"), Outcome::Noted);
    let sum = one_of(&evaluation.findings, "sum:3/1.4");
    assert_eq!(sum.severity, Severity::Error);
    let derivable = one_of(&evaluation.findings, "derivable:1/2");
    assert_eq!(derivable.severity, Severity::Info);
    // Every finding's rule has the outcome its severity says, and no other
    // rule failed or was noted.
    let (_, failed, noted, _) = evaluation.summary();
    let errors_and_warnings = evaluation
        .findings
        .iter()
        .filter(|finding| finding.severity != Severity::Info)
        .count();
    assert_eq!(failed, errors_and_warnings);
    assert_eq!(noted, evaluation.findings.len() - errors_and_warnings);
}

#[test]
fn a_survey_method_is_named_by_its_own_code() {
    // Form 1 row 6 says whether a satisfaction survey was held (legend
    // `Có = 1; Không = 0`), row 6.2 how (`Trực tuyến = 0 Phát phiếu = 1
    // Kết hợp = 2`). Row 6 = 0 (none held) with a method given breaks
    // conditional:1/6==0, and the message gives the method with what its
    // code means in the legend: 2 is "combined" (Kết hợp), 1 "paper forms"
    // (Phát phiếu), not the legend's first entry.
    for (code, english, vietnamese) in [
        ("2", "combined", "Kết hợp"),
        ("1", "paper forms", "Phát phiếu"),
    ] {
        let report = report(&[(1, "6", "0"), (1, "6.2", code)]);
        let conditional = finding_in(&report, "conditional:1/6==0");
        assert_eq!(
            conditional.message_en().to_string(),
            format!(
                "Form 1, row 6 = 0 (no) but row 6.2 = {code} ({english}) describe how it was \
                 done: they must be blank. Without a survey there are no survey forms and no \
                 survey method."
            )
        );
        assert_eq!(
            conditional.message_vi().to_string(),
            format!(
                "Biểu 1, mục 6 = 0 (Không) nhưng mục 6.2 = {code} ({vietnamese}) mô tả cách \
                 thực hiện: phải để trống. Không khảo sát thì không có phiếu khảo sát và hình \
                 thức khảo sát."
            )
        );
    }
}

#[test]
fn parts_above_their_total_name_the_blank_parts_but_not_those_that_do_not_apply() {
    // sum:3/1.4: the procedures of the levels (1.4.1 provincial, 1.4.2
    // district, 1.4.3 commune) add up to the total, and more is a warning
    // (a procedure carried out at several levels is listed at each).
    //
    // In 2026 there is no district level: 1.4.2 does not apply, and the
    // sum is checked over the levels that exist. 2 + 3 = 5 procedures are
    // more than the total of 4. The message sums the two parts reported and
    // does not call the district row blank: it does not apply.
    let two_levels = report_of(
        without_districts(),
        &[(3, "1.4", "4"), (3, "1.4.1", "2"), (3, "1.4.3", "3")],
    );
    let sum = finding_in(&two_levels, "sum:3/1.4");
    assert_eq!(sum.severity, Severity::Warning);
    assert_eq!(
        sum.message_en().to_string(),
        "Form 3: row 1.4.1 + row 1.4.3 = 2 + 3 = 5 exceeds row 1.4 = 4."
    );
    assert_eq!(
        sum.message_vi().to_string(),
        "Biểu 3: mục 1.4.1 + mục 1.4.3 = 2 + 3 = 5 vượt quá mục 1.4 = 4."
    );
    // In 2023 the district level exists: with 1.4.2 and 1.4.3 blank, the
    // one part reported, 5, is already above the total 4, blanks or not.
    // One part: no sum to write after its figure; the two blank parts are
    // named.
    let with_blanks = report(&[(3, "1.4", "4"), (3, "1.4.1", "5")]);
    let sum = finding_in(&with_blanks, "sum:3/1.4");
    assert_eq!(sum.severity, Severity::Warning);
    assert_eq!(
        sum.message_en().to_string(),
        "Form 3: row 1.4.1 = 5 exceeds row 1.4 = 4 even with row 1.4.2, row 1.4.3 blank."
    );
    assert_eq!(
        sum.message_vi().to_string(),
        "Biểu 3: mục 1.4.1 = 5 vượt quá mục 1.4 = 4 dù mục 1.4.2, mục 1.4.3 để trống."
    );
}
