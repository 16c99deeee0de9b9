//! The rule table: every invariant of the seven forms, written once.
//!
//! Cells are written `"form/STT"`, as a reviewer reads them off the printed
//! forms; each is resolved at compile time, so a rule naming a cell that does
//! not exist does not build. Each section is one family; the rule ids are
//! derived from the cells.

use super::{
    AcrossForms, Bound, Check, Conditional, Derivable, LevelRange, NotApplicable, PartWhole, Ratio,
    Rule, Sum, cell,
};
use crate::catalogue::{CATALOGUE, CellId, LIMITED, LIMITED_COUNT};
use crate::finding::Severity;

/// The rule of a written family from its id, severity, cells and notes:
/// the cells are split by their part (`[rate, numerator, denominator]`,
/// `[total, parts…]`, `[whole, parts…]`, `[value]`, `[code, dependents…]`,
/// `[overall, levels…]`, `[left, right]`) by the `make` function.
pub(crate) const fn rule(
    id: &'static str,
    severity: Severity,
    cells: &'static [CellId],
    make: Shape,
    notes: (&'static str, &'static str),
) -> Rule {
    let (first, rest) = match cells.split_first() {
        Some((first, rest)) => (*first, rest),
        None => panic!("a rule reads at least one cell"),
    };
    let second = match rest.first() {
        Some(second) => *second,
        None => first,
    };
    let third = match rest.split_first() {
        Some((_, [third, ..])) => *third,
        _ => first,
    };
    let check = match make {
        Shape::Ratio => Check::Ratio(Ratio {
            rate: first,
            numerator: second,
            denominator: third,
        }),
        Shape::Derivable => Check::Derivable(Derivable {
            rate: first,
            numerator: second,
            denominator: third,
            // Set from the table's `bound` rules by `with_inapplicable`.
            min: None,
            max: None,
        }),
        Shape::Sum => Check::Sum(Sum {
            total: first,
            parts: rest,
        }),
        Shape::PartWhole => Check::PartWhole(PartWhole {
            whole: first,
            parts: rest,
        }),
        Shape::Bound(min, max) => Check::Bound(Bound {
            cell: first,
            min,
            max,
        }),
        Shape::Conditional(when) => Check::Conditional(Conditional {
            code: first,
            when,
            dependents: rest,
        }),
        Shape::LevelRange => Check::LevelRange(LevelRange {
            overall: first,
            levels: rest,
        }),
        Shape::AcrossPart => Check::AcrossForms(AcrossForms::PartOf {
            whole: first,
            parts: rest,
        }),
        Shape::AcrossSame => Check::AcrossForms(AcrossForms::Same {
            left: first,
            right: second,
        }),
    };
    Rule::new(id, severity, check, cells, notes.0, notes.1)
}

/// Which family's data [`rule`] makes of a rule's cells.
#[derive(Clone, Copy)]
pub(crate) enum Shape {
    Ratio,
    Derivable,
    Sum,
    PartWhole,
    Bound(Option<i64>, Option<i64>),
    Conditional(u8),
    LevelRange,
    AcrossPart,
    AcrossSame,
}

/// The written rules followed by one `not_applicable` rule per indicator in
/// `limited` (the rows whose applicability is limited), derived from the
/// catalogue.
pub(crate) const fn with_inapplicable<const WRITTEN: usize, const ALL: usize>(
    written: [Rule; WRITTEN],
    limited: &'static [CellId],
    catalogue: &'static [crate::catalogue::Indicator],
) -> [Rule; ALL] {
    assert!(WRITTEN + limited.len() == ALL, "one rule per limited row");
    assert!(ALL <= 256, "a rule's position is a u8");
    let mut out = [written[0]; ALL];
    let mut index = 0;
    while index < WRITTEN {
        out[index] = written[index];
        // A derivable rate takes the limits the table's `bound` rules set on
        // it, so that no derived value breaks them.
        if let Check::Derivable(mut derivable) = written[index].check {
            let mut other = 0;
            while other < WRITTEN {
                if let Check::Bound(bound) = written[other].check {
                    if bound.cell.index() == derivable.rate.index() {
                        derivable.min = tighter(derivable.min, bound.min, true);
                        derivable.max = tighter(derivable.max, bound.max, false);
                    }
                }
                other += 1;
            }
            out[index].check = Check::Derivable(derivable);
        }
        index += 1;
    }
    let mut row = 0;
    while row < limited.len() {
        let id = limited[row];
        out[WRITTEN + row] = Rule::new(
            catalogue[id.index()].inapplicable_rule,
            Severity::Error,
            Check::NotApplicable(NotApplicable { cell: id }),
            std::slice::from_ref(&limited[row]),
            "",
            "",
        );
        row += 1;
    }
    out
}

/// The tighter of two limits: the greater least value, the smaller
/// greatest value; a missing limit is no limit.
const fn tighter(a: Option<i64>, b: Option<i64>, least: bool) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if (a > b) == least { a } else { b }),
        (Some(limit), None) | (None, Some(limit)) => Some(limit),
        (None, None) => None,
    }
}

/// Builds the rule table from its sections: `TABLE`, the written rules,
/// then `RULES`, with the `not_applicable` rules derived from the catalogue.
macro_rules! rules {
    (
        resolve $cell:path;
        catalogue $catalogue:path, $limited:path, $limited_count:path;
        ratios { $( $rate:literal = $num:literal / $den:literal; )* }
        sums { $( $total:literal = [$($part:literal),+], $sum_vi:literal, $sum_en:literal; )* }
        parts $part_severity:ident { $( [$first:literal $(, $more:literal)*] <= $whole:literal, $part_vi:literal, $part_en:literal; )* }
        parts_suspicious $suspicious_severity:ident { $( [$s_first:literal $(, $s_more:literal)*] <= $s_whole:literal, $s_vi:literal, $s_en:literal; )* }
        bounds $bound_severity:ident { $( $b_cell:literal in [$min:tt, $max:tt], $b_vi:literal, $b_en:literal; )* }
        bounds_suspicious $b_suspicious_severity:ident { $( $bs_cell:literal in [$bs_min:tt, $bs_max:tt], $bs_vi:literal, $bs_en:literal; )* }
        conditionals { $( $code:literal == $when:literal => [$($dependent:literal),+], $c_vi:literal, $c_en:literal; )* }
        level_ranges { $( $overall:literal within [$($level:literal),+], $l_vi:literal, $l_en:literal; )* }
        across_parts { $( [$a_part:literal] <= $a_whole:literal, $a_vi:literal, $a_en:literal; )* }
        across_same { $( $left:literal == $right:literal, $same_vi:literal, $same_en:literal; )* }
    ) => {
        const WRITTEN: usize = rules!(@count
            $($rate $rate)* $($total)* $($first)* $($s_first)* $($b_cell)* $($bs_cell)*
            $($code)* $($overall)* $($a_part)* $($left)*);

        /// The written rules, in evaluation order.
        const TABLE: [$crate::check::Rule; WRITTEN] = {
            use $crate::check::rules::{rule, Shape};
            use $crate::finding::Severity;
            [
            $(
                rule(concat!("ratio:", $rate), Severity::Error,
                    &[$cell($rate), $cell($num), $cell($den)], Shape::Ratio, ("", "")),
            )*
            $(
                rule(concat!("derivable:", $rate), Severity::Info,
                    &[$cell($rate), $cell($num), $cell($den)], Shape::Derivable, ("", "")),
            )*
            $(
                rule(concat!("sum:", $total), Severity::Error,
                    &[$cell($total), $($cell($part)),+], Shape::Sum, ($sum_vi, $sum_en)),
            )*
            $(
                rule(concat!("part:", $first $(, "+", $more)*, "<=", $whole), Severity::$part_severity,
                    &[$cell($whole), $cell($first) $(, $cell($more))*], Shape::PartWhole, ($part_vi, $part_en)),
            )*
            $(
                rule(concat!("part:", $s_first $(, "+", $s_more)*, "<=", $s_whole), Severity::$suspicious_severity,
                    &[$cell($s_whole), $cell($s_first) $(, $cell($s_more))*], Shape::PartWhole, ($s_vi, $s_en)),
            )*
            $(
                rule(concat!("bound:", $b_cell, ":", stringify!($min), "..", stringify!($max)), Severity::$bound_severity,
                    &[$cell($b_cell)], Shape::Bound(rules!(@bound $min), rules!(@bound $max)), ($b_vi, $b_en)),
            )*
            $(
                rule(concat!("bound:", $bs_cell, ":", stringify!($bs_min), "..", stringify!($bs_max)), Severity::$b_suspicious_severity,
                    &[$cell($bs_cell)], Shape::Bound(rules!(@bound $bs_min), rules!(@bound $bs_max)), ($bs_vi, $bs_en)),
            )*
            $(
                rule(concat!("conditional:", $code, "==", stringify!($when)), Severity::Error,
                    &[$cell($code), $($cell($dependent)),+], Shape::Conditional($when), ($c_vi, $c_en)),
            )*
            $(
                rule(concat!("level_range:", $overall), Severity::Error,
                    &[$cell($overall), $($cell($level)),+], Shape::LevelRange, ($l_vi, $l_en)),
            )*
            $(
                rule(concat!("across:", $a_part, "<=", $a_whole), Severity::Warning,
                    &[$cell($a_whole), $cell($a_part)], Shape::AcrossPart, ($a_vi, $a_en)),
            )*
            $(
                rule(concat!("across:", $left, "==", $right), Severity::Warning,
                    &[$cell($left), $cell($right)], Shape::AcrossSame, ($same_vi, $same_en)),
            )*
            ]
        };

        /// Every rule the checks apply, in evaluation order: the written
        /// rules, then one `not_applicable` rule per row whose
        /// applicability is limited.
        pub static RULES: [$crate::check::Rule; WRITTEN + $limited_count] =
            $crate::check::rules::with_inapplicable(TABLE, &$limited, &$catalogue);
    };
    (@count $($item:tt)*) => { 0 $(+ rules!(@one $item))* };
    (@one $item:tt) => { 1 };
    (@bound _) => { None };
    (@bound $value:literal) => { Some($value) };
}

#[allow(unused_imports)] // for the test-only template
pub(crate) use rules;

rules! {
    resolve cell;
    catalogue CATALOGUE, LIMITED, LIMITED_COUNT;
    ratios {
        "1/2" = "1/2.2" / "1/2.1";
        "1/3.3" = "1/3.3.2" / "1/3.3.1";
        "2/2.2" = "2/2.2.2" / "2/2.2.1";
        "2/3.2" = "2/3.2.2" / "2/3.2.1";
        "3/3.1" = "3/3.1.2" / "3/3.1.1";
        "3/3.2" = "3/3.2.2" / "3/3.2.1";
        "3/3.3" = "3/3.3.2" / "3/3.3.1";
        "3/3.4" = "3/3.4.2" / "3/3.4.1";
        "6/1" = "6/1.2" / "6/1.1";
        "7/6.1" = "7/6.1.2" / "7/6.1.1";
        "7/6.2" = "7/6.2.2" / "7/6.2.1";
        "7/6.3" = "7/6.3.2" / "7/6.3.1";
        "7/6.4" = "7/6.4.2" / "7/6.4.1";
        "7/6.5" = "7/6.5.2" / "7/6.5.1";
    }
    sums {
        "2/1" = ["2/1.1", "2/1.2", "2/1.3"],
            "Văn bản QPPL của địa phương được ban hành ở đúng một trong ba cấp tỉnh, huyện, xã.",
            "Every regulation of the locality is issued at exactly one of the provincial, district and commune levels.";
        "3/1.4" = ["3/1.4.1", "3/1.4.2", "3/1.4.3"],
            "Mỗi TTHC thuộc thẩm quyền của địa phương thuộc đúng một trong ba cấp tỉnh, huyện, xã.",
            "Every procedure under the locality's authority belongs to exactly one of the provincial, district and commune levels.";
        "4/1.5" = ["4/1.5.1", "4/1.5.2", "4/1.5.3"],
            "Mỗi ĐVSNCL trực thuộc đúng một trong: UBND tỉnh, sở ngành, UBND cấp huyện.",
            "Every public service unit is under exactly one of the provincial People's Committee, a department, or a district People's Committee.";
        "6/2.1" = ["6/2.2", "6/2.3", "6/2.4", "6/2.5"],
            "Bốn nhóm tự chủ tài chính theo Nghị định 60/2021/NĐ-CP phân chia toàn bộ ĐVSN công lập.",
            "The four financial-autonomy groups of Decree 60/2021/NĐ-CP partition the public service units.";
        "6/2.4" = ["6/2.4.1", "6/2.4.2", "6/2.4.3"],
            "Ba mức tự bảo đảm (70–100%, 30–70%, 10–30%) phân chia nhóm tự bảo đảm một phần chi thường xuyên.",
            "The three self-financing bands (70–100%, 30–70%, 10–30%) partition the partly self-financing group.";
    }
    parts Error {
        ["1/2.2"] <= "1/2.1",
            "Số nhiệm vụ đã hoàn thành là một phần của số nhiệm vụ đề ra.",
            "Completed tasks are among the tasks set.";
        ["1/3.3.2"] <= "1/3.3.1",
            "Vấn đề đã xử lý là một phần của vấn đề phát hiện.",
            "Handled issues are among the issues found.";
        ["1/5.2", "1/5.3", "1/5.4"] <= "1/5.1",
            "Hoàn thành đúng hạn, hoàn thành quá hạn và quá hạn chưa hoàn thành là các phần rời nhau của nhiệm vụ được giao.",
            "Tasks completed on time, completed late, and overdue are disjoint parts of the tasks assigned.";
        ["2/2.2.2"] <= "2/2.2.1",
            "Văn bản đã xử lý xong là một phần của văn bản cần xử lý.",
            "Documents handled are among the documents to be handled.";
        ["2/3.2.2"] <= "2/3.2.1",
            "Văn bản đã xử lý xong là một phần của văn bản cần xử lý.",
            "Documents handled are among the documents to be handled.";
        ["3/3.1.2"] <= "3/3.1.1",
            "Hồ sơ giải quyết đúng hạn là một phần của hồ sơ đã giải quyết.",
            "Dossiers resolved on time are among the dossiers resolved.";
        ["3/3.2.2"] <= "3/3.2.1",
            "Hồ sơ giải quyết đúng hạn là một phần của hồ sơ đã giải quyết.",
            "Dossiers resolved on time are among the dossiers resolved.";
        ["3/3.3.2"] <= "3/3.3.1",
            "Hồ sơ giải quyết đúng hạn là một phần của hồ sơ đã giải quyết.",
            "Dossiers resolved on time are among the dossiers resolved.";
        ["3/3.4.2"] <= "3/3.4.1",
            "PAKN đã giải quyết là một phần của PAKN đã tiếp nhận.",
            "Petitions resolved are among the petitions received.";
        ["7/6.1.2"] <= "7/6.1.1",
            "DVCTT toàn trình là một phần của DVC đủ điều kiện.",
            "Fully online services are among the eligible services.";
        ["7/6.2.2"] <= "7/6.2.1",
            "DVCTT có hồ sơ trực tuyến là một phần của DVCTT có phát sinh hồ sơ.",
            "Services with online dossiers are among the services with dossiers.";
        ["7/6.3.2"] <= "7/6.3.1",
            "Hồ sơ nộp trực tuyến là một phần của tổng số hồ sơ.",
            "Dossiers submitted online are among all dossiers.";
        ["7/6.4.2"] <= "7/6.4.1",
            "Hồ sơ nộp trực tuyến là một phần của tổng số hồ sơ.",
            "Dossiers submitted online are among all dossiers.";
        ["7/6.5.2"] <= "7/6.5.1",
            "TTHC có thanh toán trực tuyến là một phần của TTHC có nghĩa vụ tài chính.",
            "Procedures with online payment are among the procedures with fees.";
    }
    parts_suspicious Warning {
        ["2/2.2.1"] <= "2/2.1",
            "Văn bản cần xử lý sau kiểm tra thường là một phần của văn bản đã kiểm tra trong kỳ.",
            "Documents to be handled after checking are normally among the documents checked in the period.";
        ["2/3.2.1"] <= "2/3.1",
            "Văn bản cần xử lý sau rà soát thường là một phần của văn bản đã rà soát trong kỳ.",
            "Documents to be handled after review are normally among the documents reviewed in the period.";
        ["3/2.1"] <= "3/1.4",
            "TTHC liên thông cùng cấp là TTHC thuộc thẩm quyền của địa phương.",
            "Procedures linked within one level are procedures under the locality's authority.";
        ["3/2.2"] <= "3/1.4",
            "TTHC liên thông giữa các cấp là TTHC thuộc thẩm quyền của địa phương.",
            "Procedures linked across levels are procedures under the locality's authority.";
        ["3/2.3"] <= "3/1.4",
            "TTHC không phụ thuộc địa giới hành chính là TTHC thuộc thẩm quyền của địa phương.",
            "Procedures handled regardless of boundaries are procedures under the locality's authority.";
        ["4/2.2"] <= "4/2.1",
            "Biên chế có mặt vượt biên chế được giao là vi phạm cần xem xét.",
            "Civil servants in post above the quota is a breach to look at.";
        ["4/3.2"] <= "4/3.1",
            "Số người làm việc có mặt vượt số được giao là vi phạm cần xem xét.",
            "Public-service-unit staff in post above the quota is a breach to look at.";
        ["6/1.2"] <= "6/1.1",
            "Giải ngân vượt kế hoạch được giao là bất thường (có thể do vốn kéo dài).",
            "Disbursing more than the plan is unusual (it may include extended capital).";
    }
    bounds Error {
        "1/2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "1/3.3" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "1/4.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "2/2.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "2/3.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "3/3.1" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "3/3.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "3/3.3" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "3/3.4" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "4/1.1" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "4/1.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "4/1.5.4" in [_, 100], "Không thể cắt giảm quá 100% so với năm 2015.", "A reduction since 2015 cannot exceed 100%.";
        "4/2.5" in [_, 100], "Không thể cắt giảm quá 100% so với năm 2015.", "A reduction since 2015 cannot exceed 100%.";
        "4/3.4" in [_, 100], "Không thể cắt giảm quá 100% so với năm 2015.", "A reduction since 2015 cannot exceed 100%.";
        "6/1" in [0, _], "Tỷ lệ giải ngân không thể âm (có thể vượt 100%).", "A disbursement rate cannot be negative (it may exceed 100%).";
        "6/1.1" in [0, _], "Số tiền kế hoạch không thể âm.", "A planned amount cannot be negative.";
        "6/1.2" in [0, _], "Số tiền giải ngân không thể âm.", "A disbursed amount cannot be negative.";
        "7/3" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.1.1" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.1.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.1.3" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.2.1" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.2.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.2.3" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.3.1" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.3.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/5.3.3" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/6.1" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/6.2" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/6.3" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/6.4" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
        "7/6.5" in [0, 100], "Tỷ lệ phần trăm của một phần trên tổng.", "A share of a whole.";
    }
    bounds_suspicious Warning {
        "4/1.5.4" in [0, _], "Tỷ lệ cắt giảm âm nghĩa là số đơn vị tăng so với năm 2015.", "A negative reduction means more units than in 2015.";
        "4/2.5" in [0, _], "Tỷ lệ tinh giản âm nghĩa là biên chế tăng so với năm 2015.", "A negative reduction means more posts than in 2015.";
        "4/3.4" in [0, _], "Tỷ lệ tinh giản âm nghĩa là số người tăng so với năm 2015.", "A negative reduction means more staff than in 2015.";
    }
    conditionals {
        "1/6" == 0 => ["1/6.1", "1/6.2"],
            "Không khảo sát thì không có phiếu khảo sát và hình thức khảo sát.",
            "Without a survey there are no survey forms and no survey method.";
    }
    level_ranges {
        "7/5.2" within ["7/5.2.1", "7/5.2.2", "7/5.2.3"],
            "Tỷ lệ chung của địa phương là trung bình có trọng số của tỷ lệ các cấp, nên nằm giữa tỷ lệ thấp nhất và cao nhất.",
            "The locality's rate is a weighted average of the per-level rates, so it lies between the lowest and the highest.";
    }
    across_parts {
        ["5/1.2"] <= "4/1.5",
            "Đơn vị sự nghiệp được phê duyệt vị trí việc làm (biểu 5) là một phần của tổng số ĐVSNCL (biểu 4).",
            "Units with approved job positions (form 5) are among the public service units (form 4).";
        ["5/4.4"] <= "4/3.2",
            "Người làm việc bị kỷ luật (biểu 5) là một phần của người làm việc có mặt (biểu 4).",
            "Disciplined public-service-unit staff (form 5) are among the staff in post (form 4).";
        ["7/6.1.1"] <= "3/1.4",
            "DVC đủ điều kiện trực tuyến toàn trình (biểu 7) ứng với TTHC thuộc thẩm quyền của địa phương (biểu 3).",
            "Services eligible to be fully online (form 7) correspond to procedures under the locality's authority (form 3).";
        ["7/6.5.1"] <= "3/1.4",
            "TTHC có nghĩa vụ tài chính (biểu 7) là một phần của TTHC thuộc thẩm quyền của địa phương (biểu 3).",
            "Procedures with fees (form 7) are among the procedures under the locality's authority (form 3).";
    }
    across_same {
        "4/1.5" == "6/2.1",
            "Biểu 4 mục 1.5 và biểu 6 mục 2.1 cùng đếm ĐVSN công lập của địa phương.",
            "Form 4 row 1.5 and form 6 row 2.1 both count the locality's public service units.";
    }
}
