//! The checks at their edges: interval ends, comparisons and rounding
//! directions that a one-character change in `src/check/` would move,
//! each asserted from the rules (the XBRL reading of printed precision) with
//! the arithmetic by hand. Written to kill the mutants `cargo mutants`
//! found surviving (see `.ci/mutants.sh`).

use cchc_forms::catalogue::CellId;

mod common;
use common::{report, rules};

#[test]
fn a_rate_is_read_to_half_its_last_digit_either_way() {
    // 100 × 1 / 8 = 12,5 % exactly. `13` stands for [12,5; 13,5]: 12,5 is
    // its lower end, consistent. `12` stands for [11,5; 12,5]: consistent too.
    for rate in ["13", "12"] {
        let report = report(&[(3, "3.1", rate), (3, "3.1.1", "8"), (3, "3.1.2", "1")]);
        assert!(rules(&report).is_empty(), "{rate}: {:?}", rules(&report));
    }
    // `14` stands for [13,5; 14,5], which 12,5 is outside: an error.
    let report = report(&[(3, "3.1", "14"), (3, "3.1.1", "8"), (3, "3.1.2", "1")]);
    assert_eq!(rules(&report), ["ratio:3/3.1"]);
    let _ = CellId::of(3, "3.1");
}

#[test]
fn a_rule_gives_why_it_holds_and_its_description_ends_with_it() {
    let sum = cchc_forms::RuleId::find("sum:3/1.4")
        .expect("a rule")
        .rule();
    // Why the procedures of the levels may add up to more than the total
    // (one procedure listed at each level that carries it out), never less.
    let (english, vietnamese) = (sum.note_en(), sum.note_vi());
    assert!(english.starts_with("Every procedure under the locality's authority is listed at the level that carries it out"), "{english}");
    assert!(
        english.ends_with("adding up to less has no innocent reading (an error)."),
        "{english}"
    );
    assert!(
        vietnamese
            .starts_with("Mỗi TTHC thuộc thẩm quyền của địa phương được liệt kê ở cấp thực hiện"),
        "{vietnamese}"
    );
    assert!(vietnamese.ends_with("(lỗi)."), "{vietnamese}");
    assert!(
        sum.description_en()
            .ends_with(&format!(" {}", sum.note_en()))
    );
    assert!(
        sum.description_vi()
            .ends_with(&format!(" {}", sum.note_vi()))
    );
    // A ratio's description says it all: no note.
    let ratio = cchc_forms::RuleId::find("ratio:3/3.1")
        .expect("a rule")
        .rule();
    assert_eq!((ratio.note_en(), ratio.note_vi()), ("", ""));
}

#[test]
fn truncation_reads_up_to_but_not_including_the_next_digit() {
    // 100 × 2 / 3 = 66,66…%. `67` (nearest: [66,5; 67,5]) is right; `66`
    // is only right truncated ([66; 67)): a note, never an error; `65` is
    // neither ([64,5; 65,5], [65; 66)).
    let of = |rate| report(&[(3, "3.1", rate), (3, "3.1.1", "3"), (3, "3.1.2", "2")]);
    assert!(rules(&of("67")).is_empty());
    let truncated = of("66").validate();
    assert_eq!(truncated.len(), 1);
    assert_eq!(truncated[0].rule.as_str(), "ratio:3/3.1");
    assert_eq!(truncated[0].severity, cchc_forms::Severity::Info);
    assert_eq!(rules(&of("65")), ["ratio:3/3.1"]);
    assert_eq!(of("65").validate()[0].severity, cchc_forms::Severity::Error);
    // 100 × 1 / 4 = 25 % exactly: `24` truncated is [24; 25), which leaves
    // 25 out, and nearest [23,5; 24,5]: an error.
    let quarter = |rate| report(&[(3, "3.1", rate), (3, "3.1.1", "4"), (3, "3.1.2", "1")]);
    assert_eq!(
        quarter("24").validate()[0].severity,
        cchc_forms::Severity::Error
    );
    assert!(rules(&quarter("25")).is_empty());
    assert!(rules(&quarter("25,00")).is_empty());
    // Two decimals: 25,01 stands for [25,005; 25,015], 25 is outside.
    assert_eq!(rules(&quarter("25,01")), ["ratio:3/3.1"]);
    assert_eq!(rules(&quarter("24,99")), ["ratio:3/3.1"]);
}

#[test]
fn a_share_lies_in_zero_to_a_hundred_read_to_its_precision() {
    let rate = |text| report(&[(3, "3.1", text)]);
    // `100` stands for [99,5; 100,5], which reaches 100; `100,4` for
    // [100,35; 100,45], all above: an error; `100,0` for [99,95; 100,05].
    for fine in ["0", "100", "100,0", "99,99", "0,0"] {
        assert!(rules(&rate(fine)).is_empty(), "{fine}");
    }
    for bad in ["100,4", "101", "-1", "-0,1", "100,06"] {
        assert_eq!(rules(&rate(bad)), ["bound:3/3.1:0..100"], "{bad}");
    }
    // A disbursement rate may pass 100 % but not go below 0.
    let disbursed = |text| report(&[(6, "1", text)]);
    assert!(rules(&disbursed("130,5")).is_empty());
    assert_eq!(rules(&disbursed("-0,4")), ["bound:6/1:0.._"]);
    // A negative reduction since 2015 is a warning; past 100 % an error.
    let reduction = |text| report(&[(4, "2.5", text)]);
    let warned = reduction("-0,4").validate();
    assert_eq!(
        (warned[0].rule.as_str(), warned[0].severity),
        ("bound:4/2.5:0.._", cchc_forms::Severity::Warning)
    );
    assert_eq!(rules(&reduction("100,6")), ["bound:4/2.5:_..100"]);
    assert!(rules(&reduction("100")).is_empty());
}

#[test]
fn parts_totals_and_forms_compare_exactly_at_their_ends() {
    // Completed tasks (1/2.2) are among the tasks set (1/2.1): 56 of 56 is
    // fine, 57 of 56 is not (and the blank rate 1/2 is derivable, a note).
    let tasks = |done| report(&[(1, "2.1", "56"), (1, "2.2", done)]);
    assert_eq!(rules(&tasks("56")), ["derivable:1/2"]);
    assert_eq!(rules(&tasks("57")), ["derivable:1/2", "part:1/2.2<=1/2.1"]);
    // The procedures of the three levels add up to the total: 1.486 + 255
    // + 155 = 1.896, not 1.895 or 1.897.
    let procedures = |total| {
        report(&[
            (3, "1.4", total),
            (3, "1.4.1", "1.486"),
            (3, "1.4.2", "255"),
            (3, "1.4.3", "155"),
        ])
    };
    assert!(rules(&procedures("1.896")).is_empty());
    assert_eq!(rules(&procedures("1.895")), ["sum:3/1.4"]);
    assert_eq!(rules(&procedures("1.897")), ["sum:3/1.4"]);
    // Form 5's units with approved positions are among form 4's 858 units.
    let units = |approved| report(&[(4, "1.5", "858"), (5, "1.2", approved)]);
    assert!(rules(&units("858")).is_empty());
    assert_eq!(rules(&units("859")), ["across:5/1.2<=4/1.5"]);
}

#[test]
fn an_overall_rate_may_touch_the_ends_of_its_levels() {
    // Levels at 90 %, 95 % and 99 %. `89` stands for [88,5; 89,5] and the
    // lowest level for [89,5; 90,5]: they share 89,5, consistent. `88`
    // ([87,5; 88,5]) is below every value the lowest level can stand for.
    let overall = |rate| {
        report(&[
            (7, "5.2", rate),
            (7, "5.2.1", "90"),
            (7, "5.2.2", "95"),
            (7, "5.2.3", "99"),
        ])
    };
    for fine in ["89", "90", "95", "99", "100"] {
        assert!(
            rules(&overall(fine)).is_empty(),
            "{fine}: {:?}",
            rules(&overall(fine))
        );
    }
    assert_eq!(rules(&overall("88")), ["level_range:7/5.2"]);
    assert_eq!(rules(&overall("88,9")), ["level_range:7/5.2"]);
    // Above: 99 stands for up to 99,5; `100,5` is past it (and past 100).
    assert!(rules(&overall("100,6")).contains(&"level_range:7/5.2"));
}

#[test]
fn a_percentage_is_rounded_half_away_from_zero_or_truncated() {
    use cchc_forms::check::{Rounding, percentage_of};
    use cchc_forms::unit::Printed;
    let of = |num, den, decimals, rounding| {
        percentage_of(Printed::whole(num), Printed::whole(den), decimals, rounding)
            .map(|p| (p.mantissa, p.decimals))
    };
    // 100 × 1 / 8 = 12,5: half goes away from zero, to 13; truncated, 12.
    assert_eq!(of(1, 8, 0, Rounding::HalfAwayFromZero), Some((13, 0)));
    assert_eq!(of(1, 8, 0, Rounding::Truncate), Some((12, 0)));
    // 100 × 1 / 3 = 33,33…: 33 either way; 33,33 at two decimals.
    assert_eq!(of(1, 3, 0, Rounding::HalfAwayFromZero), Some((33, 0)));
    assert_eq!(of(1, 3, 2, Rounding::HalfAwayFromZero), Some((3333, 2)));
    // 100 × 2 / 3 = 66,66…: 67 to the nearest, 66 truncated.
    assert_eq!(of(2, 3, 0, Rounding::HalfAwayFromZero), Some((67, 0)));
    assert_eq!(of(2, 3, 0, Rounding::Truncate), Some((66, 0)));
    assert_eq!(of(2, 3, 1, Rounding::HalfAwayFromZero), Some((667, 1)));
    // 100 × 1 / 16 = 6,25 exactly: 6,3 at one decimal, 6,25 at two.
    assert_eq!(of(1, 16, 1, Rounding::HalfAwayFromZero), Some((63, 1)));
    assert_eq!(of(1, 16, 2, Rounding::Truncate), Some((625, 2)));
    // 0 / 5 = 0; and nothing over zero.
    assert_eq!(of(0, 5, 2, Rounding::HalfAwayFromZero), Some((0, 2)));
    assert_eq!(of(5, 0, 2, Rounding::HalfAwayFromZero), None);
    // Past 64 bits (the division is then done in 128): 100 × 10¹⁷ / 3 at
    // two decimals is 10²¹ / 3 = 333…333,33 (21 threes) hundredths, to the
    // nearest 333…333 (rounded down), truncated the same; 100 × 2·10¹⁷ / 3
    // = 666…666,66 hundredths rounds up to 666…667 and truncates to 666…666.
    let threes = (10_i128.pow(21) - 1) / 3;
    assert_eq!(
        of(10_i128.pow(17), 3, 2, Rounding::HalfAwayFromZero),
        Some((threes, 2))
    );
    assert_eq!(
        of(2 * 10_i128.pow(17), 3, 2, Rounding::HalfAwayFromZero),
        Some((2 * threes + 1, 2))
    );
    assert_eq!(
        of(2 * 10_i128.pow(17), 3, 2, Rounding::Truncate),
        Some((2 * threes, 2))
    );
    // Negative on either side, within 64 bits and past: −100 × 1 / 8 =
    // −12,5, away from zero −13; −100 × 10¹⁷ / 8 = −1,25·10¹⁸ exactly.
    assert_eq!(of(-1, 8, 0, Rounding::HalfAwayFromZero), Some((-13, 0)));
    assert_eq!(of(1, -8, 0, Rounding::Truncate), Some((-12, 0)));
    assert_eq!(
        of(-(10_i128.pow(17)), 8, 0, Rounding::HalfAwayFromZero),
        Some((-125 * 10_i128.pow(16), 0))
    );
}

#[test]
fn the_extremes_of_the_compact_snapshot_are_checked_exactly() {
    // −2.147.483.648 is −2³¹, the one 32-bit value without a positive
    // counterpart, and 2.147.483.648 is 2³¹, the first past the snapshot:
    // both are read exactly. A share cannot be either; an amount cannot be
    // negative.
    for (text, expected) in [
        ("-2.147.483.648", vec!["bound:3/3.1:0..100"]),
        ("-2.147.483.647", vec!["bound:3/3.1:0..100"]),
        ("2.147.483.648", vec!["bound:3/3.1:0..100"]),
        ("-2.147.483,648", vec!["bound:3/3.1:0..100"]),
    ] {
        let report = report(&[(3, "3.1", text)]);
        assert_eq!(rules(&report), expected, "{text}");
        assert_eq!(report.validate(), report.validate_exactly(), "{text}");
    }
    for text in ["-2.147.483.648", "2.147.483.648", "-0,000001"] {
        let report = report(&[(6, "1.1", text)]);
        let expected: Vec<&str> = if text.starts_with('-') {
            vec!["bound:6/1.1:0.._"]
        } else {
            vec![]
        };
        assert_eq!(rules(&report), expected, "{text}");
        assert_eq!(report.validate(), report.validate_exactly(), "{text}");
    }
    // A sum at the snapshot's edge: 2.147.483.647 + 1 = 2.147.483.648.
    let report = report(&[
        (3, "1.4", "2.147.483.648"),
        (3, "1.4.1", "2.147.483.647"),
        (3, "1.4.2", "1"),
        (3, "1.4.3", "0"),
    ]);
    assert!(rules(&report).is_empty(), "{:?}", rules(&report));
}

#[test]
fn a_negative_rate_truncated_reads_toward_zero() {
    // The disbursement rate 6/1 = 100 × 6/1.2 / 6/1.1, amounts in million
    // VND, which the type lets be negative (the bounds then say so).
    // The severity of the ratio finding of 6/1 over these amounts.
    let ratio_over = |rate, planned, disbursed| {
        let report = report(&[(6, "1", rate), (6, "1.1", planned), (6, "1.2", disbursed)]);
        let findings = report.validate();
        let finding = findings
            .iter()
            .find(|finding| finding.rule.as_str() == "ratio:6/1")
            .map(|finding| finding.severity);
        assert!(rules(&report).contains(&"bound:6/1:0.._"));
        finding
    };
    let ratio = |rate, disbursed| ratio_over(rate, "1.000", disbursed);
    // 100 × −627 / 1.000 = −62,7 %. `-62` truncated stands for (−63; −62]
    // (digits dropped toward zero), which holds −62,7: a note. Read to the
    // nearest it is [−62,5; −61,5], which does not.
    assert_eq!(ratio("-62", "-627"), Some(cchc_forms::Severity::Info));
    // 100 × −630 / 1.000 = −63 %; `-63` to the nearest is [−63,5; −62,5]:
    // it passes.
    assert_eq!(ratio("-63", "-630"), None);
    // The open end itself. 6/1.2 = -629,969 stands for [-629,9695;
    // -629,9685] and 6/1.1 = 999,9 for [999,85; 999,95]; a negative amount
    // is greatest over the greatest denominator: 100 × -629,9685 / 999,95 =
    // -63 exactly, the least 100 × -629,9695 / 999,85 = -63,0064…. `-62`
    // truncated is (−63; −62], which leaves out −63: no overlap, an error
    // (not a note); to the nearest, [−62,5; −61,5], no overlap either.
    assert_eq!(
        ratio_over("-62", "999,9", "-629,969"),
        Some(cchc_forms::Severity::Error)
    );
    // One thousandth nearer zero, -629,968: the greatest is 100 ×
    // -629,9675 / 999,95 = -62,9990…, inside (−63; −62]: a note.
    assert_eq!(
        ratio_over("-62", "999,9", "-629,968"),
        Some(cchc_forms::Severity::Info)
    );
}

#[test]
fn a_negative_numerator_divides_toward_zero() {
    // 6/1 = 100 × 6/1.2 / 6/1.1. 6/1.2 = -63,32 stands for [-63,325;
    // -63,315] and 6/1.1 = 101 for [100,5; 101,5], so the ratio lies in
    // [100 × -63,325 / 100,5; 100 × -63,315 / 101,5] = [-63,0099…;
    // -62,3793…]: a negative amount divided by more is nearer zero. 6/1 = -63
    // stands for [-63,5; -62,5], which overlaps it: no ratio error (the
    // bound rules call the negative amounts errors).
    let negative = report(&[(6, "1", "-63"), (6, "1.1", "101"), (6, "1.2", "-63,32")]);
    assert!(
        !rules(&negative).contains(&"ratio:6/1"),
        "{:?}",
        rules(&negative)
    );
    assert!(
        rules(&negative).contains(&"bound:6/1.2:0.._"),
        "{:?}",
        rules(&negative)
    );
    // The mirror: 63,32 of 101 is [62,3793…; 63,0099…], and 63 holds.
    let positive = report(&[(6, "1", "63"), (6, "1.1", "101"), (6, "1.2", "63,32")]);
    assert!(rules(&positive).is_empty(), "{:?}", rules(&positive));
    // -64 stands for [-64,5; -63,5], below -63,0099…: an error.
    let wrong = report(&[(6, "1", "-64"), (6, "1.1", "101"), (6, "1.2", "-63,32")]);
    assert!(rules(&wrong).contains(&"ratio:6/1"), "{:?}", rules(&wrong));
    // -62 stands for [-62,5; -61,5], which reaches -62,3793…: consistent;
    // -61 stands for [-61,5; -60,5], above it: an error.
    let near = report(&[(6, "1", "-62"), (6, "1.1", "101"), (6, "1.2", "-63,32")]);
    assert!(!rules(&near).contains(&"ratio:6/1"), "{:?}", rules(&near));
    let wrong = report(&[(6, "1", "-61"), (6, "1.1", "101"), (6, "1.2", "-63,32")]);
    assert!(rules(&wrong).contains(&"ratio:6/1"), "{:?}", rules(&wrong));
}

#[test]
fn a_sums_numbers_are_whole_numbers_whether_or_not_its_counts_fit_64_bits() {
    use common::one_of;
    let numbers = |report: &cchc_forms::Report| {
        let finding = one_of(&report.validate(), "sum:3/1.4");
        assert_eq!(finding.reported_interval, None);
        assert_eq!(finding.computed_interval, None);
        let text = |value: Option<cchc_forms::Decimal>| value.map(|v| v.to_string());
        (
            text(finding.reported),
            text(finding.computed),
            text(finding.imbalance),
        )
    };
    // The source document: 1.902 against 1.486 + 255 + 155 = 1.896.
    let printed = report(&[
        (3, "1.4", "1.902"),
        (3, "1.4.1", "1.486"),
        (3, "1.4.2", "255"),
        (3, "1.4.3", "155"),
    ]);
    let expected = |r: &str, c: &str, i: &str| (Some(r.into()), Some(c.into()), Some(i.into()));
    assert_eq!(numbers(&printed), expected("1902", "1896", "6"));
    // A total of 2⁶³ + 1.896 = 9.223.372.036.854.777.704, past 64 signed
    // bits: read as its spans are, the same whole numbers.
    let wide = report(&[
        (3, "1.4", "9.223.372.036.854.777.704"),
        (3, "1.4.1", "1.486"),
        (3, "1.4.2", "255"),
        (3, "1.4.3", "155"),
    ]);
    assert_eq!(
        numbers(&wide),
        expected("9223372036854777704", "1896", "9223372036854775808")
    );
    // A part blank: "of which" parts, 1.486 + 155 = 1.641 above 1.600.
    let above = report(&[
        (3, "1.4", "1.600"),
        (3, "1.4.1", "1.486"),
        (3, "1.4.3", "155"),
    ]);
    assert_eq!(numbers(&above), expected("1600", "1641", "-41"));
}

#[test]
fn the_same_count_in_two_forms_differs_by_whole_numbers_whether_or_not_it_fits_64_bits() {
    use common::one_of;
    let numbers = |left: &str, right: &str| {
        let report = report(&[(4, "1.5", left), (6, "2.1", right)]);
        let findings = report.validate();
        let finding = one_of(&findings, "across:4/1.5==6/2.1");
        let text = |value: Option<cchc_forms::Decimal>| value.map(|v| v.to_string());
        (
            text(finding.reported),
            text(finding.computed),
            text(finding.imbalance),
        )
    };
    let expected = |r: &str, c: &str, i: &str| (Some(r.into()), Some(c.into()), Some(i.into()));
    // The source document: 858 public service units in form 4, 840 in
    // form 6.
    assert_eq!(numbers("858", "840"), expected("858", "840", "18"));
    // 2⁶³ + 18 against 2⁶³, past 64 signed bits: through the spans, the
    // same whole numbers.
    assert_eq!(
        numbers("9.223.372.036.854.775.826", "9.223.372.036.854.775.808"),
        expected("9223372036854775826", "9223372036854775808", "18")
    );
    // Equal counts agree, small or wide.
    for same in ["840", "9.223.372.036.854.775.808"] {
        let report = report(&[(4, "1.5", same), (6, "2.1", same)]);
        assert!(rules(&report).is_empty(), "{same}: {:?}", rules(&report));
    }
}
