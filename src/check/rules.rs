//! The rule table: every invariant of the seven forms, written once.
//!
//! Cells are written `"form/STT"`, as a reviewer reads them off the printed
//! forms; each is resolved at compile time, so a rule naming a cell that does
//! not exist does not build. Each section is one family; the rule ids are
//! derived from the cells.

use super::{
    AcrossForms, Bound, Check, Condition, Conditional, Covers, Derivable, Full, Implies,
    LevelRange, NotApplicable, PartWhole, Population, Ratio, Rule, Share, Sum, WithinReference,
    cell,
};
use crate::catalogue::{CATALOGUE, CellId, LIMITED, LIMITED_COUNT};
use crate::finding::Severity;
use crate::reference::ReferenceCount;

/// The more severe of two severities, in a `const`.
const fn worst(a: Severity, b: Severity) -> Severity {
    match (a, b) {
        (Severity::Error, _) | (_, Severity::Error) => Severity::Error,
        (Severity::Warning, _) | (_, Severity::Warning) => Severity::Warning,
        _ => Severity::Info,
    }
}

/// The kind of an implication's condition, before it is given its cells.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CondKind {
    Positive,
    Zero,
    Code,
    Reported,
    Blank,
}

/// A condition of `kind` on `cells` (the first for a one-cell kind).
const fn condition(kind: CondKind, cells: &'static [CellId], code: u8) -> Condition {
    let Some(first) = cells.first() else {
        panic!("a condition reads at least one cell");
    };
    match kind {
        CondKind::Positive => Condition::Positive(cells),
        CondKind::Zero => Condition::Zero(cells),
        CondKind::Code => Condition::Code(*first, code),
        CondKind::Reported => Condition::Reported(*first),
        CondKind::Blank => Condition::Blank(*first),
    }
}

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
        Shape::Sum(above, below) => Check::Sum(Sum {
            total: first,
            parts: rest,
            above,
            below,
        }),
        Shape::Covers => Check::Covers(Covers {
            cell: first,
            covering: rest,
        }),
        Shape::Implies {
            premise: (kind, len, code),
            conclusion: (then_kind, then_code),
        } => {
            let (premise, conclusion) = cells.split_at(len);
            Check::Implies(Implies {
                premise: condition(kind, premise, code),
                conclusion: condition(then_kind, conclusion, then_code),
            })
        }
        Shape::ShareOfRow => Check::Share(Share {
            rate: first,
            of: Population::Row(second),
        }),
        Shape::ShareOfReference(kind) => Check::Share(Share {
            rate: first,
            of: Population::Reference(kind),
        }),
        Shape::WithinReference(kind) => Check::WithinReference(WithinReference {
            cell: first,
            of: kind,
        }),
        Shape::Full => Check::Full(Full {
            rate: first,
            numerator: second,
            denominator: third,
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
    let severity = match make {
        Shape::Sum(above, below) => worst(above, below),
        _ => severity,
    };
    Rule::new(id, severity, check, cells, notes.0, notes.1)
}

/// Which family's data [`rule`] makes of a rule's cells.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Shape {
    Ratio,
    Derivable,
    /// With the severities of parts above and below the total.
    Sum(Severity, Severity),
    Covers,
    /// The premise's kind, number of cells and code; the conclusion's kind
    /// and code (its cells are the rest).
    Implies {
        premise: (CondKind, usize, u8),
        conclusion: (CondKind, u8),
    },
    ShareOfRow,
    ShareOfReference(ReferenceCount),
    WithinReference(ReferenceCount),
    Full,
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
        out[index].check = derivable_limits(&written, index);
        index += 1;
    }
    let mut row = 0;
    while row < limited.len() {
        out[WRITTEN + row] = inapplicable_rule(limited[row], catalogue);
        row += 1;
    }
    out
}

/// The check of `rules[index]`, a derivable rate given the limits the
/// table's `bound` rules set on it (so that no derived value breaks them);
/// any other check as it is.
pub(crate) const fn derivable_limits(rules: &[Rule], index: usize) -> Check {
    let Check::Derivable(mut derivable) = rules[index].check else {
        return rules[index].check;
    };
    let mut other = 0;
    while other < rules.len() {
        if let Check::Bound(bound) = rules[other].check {
            if bound.cell.index() == derivable.rate.index() {
                derivable.min = tighter(derivable.min, bound.min, true);
                derivable.max = tighter(derivable.max, bound.max, false);
            }
        }
        other += 1;
    }
    Check::Derivable(derivable)
}

/// The `not_applicable` rule of a row whose applicability is limited.
pub(crate) const fn inapplicable_rule(
    id: CellId,
    catalogue: &'static [crate::catalogue::Indicator],
) -> Rule {
    let indicator = &catalogue[id.index()];
    Rule::new(
        indicator.inapplicable_rule,
        Severity::Error,
        Check::NotApplicable(NotApplicable { cell: id }),
        std::slice::from_ref(&indicator.id),
        "",
        "",
    )
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
        sums { $( $total:literal = [$($part:literal),+] $(above $above:ident below $below:ident)?, $sum_vi:literal, $sum_en:literal; )* }
        parts $part_severity:ident { $( [$first:literal $(, $more:literal)*] <= $whole:literal, $part_vi:literal, $part_en:literal; )* }
        parts_suspicious $suspicious_severity:ident { $( [$s_first:literal $(, $s_more:literal)*] <= $s_whole:literal, $s_vi:literal, $s_en:literal; )* }
        bounds $bound_severity:ident { $( $b_cell:literal in [$min:tt, $max:tt], $b_vi:literal, $b_en:literal; )* }
        bounds_suspicious $b_suspicious_severity:ident { $( $bs_cell:literal in [$bs_min:tt, $bs_max:tt], $bs_vi:literal, $bs_en:literal; )* }
        conditionals { $( $code:literal == $when:literal => [$($dependent:literal),+], $c_vi:literal, $c_en:literal; )* }
        level_ranges { $( $overall:literal within [$($level:literal),+], $l_vi:literal, $l_en:literal; )* }
        across_parts { $( [$a_part:literal $(, $a_more:literal)*] <= $a_whole:literal, $a_vi:literal, $a_en:literal; )* }
        across_same { $( $left:literal == $right:literal, $same_vi:literal, $same_en:literal; )* }
        covers { $( $covered:literal <= [$($cover:literal),+], $cv_vi:literal, $cv_en:literal; )* }
        implications { $(
            $i_severity:ident [$p_kind:ident $($p_cell:literal),+ $(is $p_code:literal)?]
                => [$c_kind:ident $($c_cell:literal),+ $(is $c_code:literal)?], $i_vi:literal, $i_en:literal;
        )* }
        shares_of_rows { $( $share:literal of $share_row:literal, $sr_vi:literal, $sr_en:literal; )* }
        shares_of_references { $( $r_share:literal of $r_kind:ident, $srf_vi:literal, $srf_en:literal; )* }
        within_references { $( $w_cell:literal <= $w_kind:ident, $w_vi:literal, $w_en:literal; )* }
    ) => {
        const WRITTEN: usize = rules!(@count
            $($rate $rate $rate)* $($total)* $($first)* $($s_first)* $($b_cell)* $($bs_cell)*
            $($code)* $($overall)* $($a_part)* $($left)* $($covered)* $($i_severity)*
            $($share)* $($r_share)* $($w_cell)*);

        /// The written rules, in evaluation order.
        static TABLE: [$crate::check::Rule; WRITTEN] = {
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
                    &[$cell($total), $($cell($part)),+],
                    rules!(@sum_shape $($above $below)?), ($sum_vi, $sum_en)),
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
                rule(concat!("across:", $a_part, $("+", $a_more,)* "<=", $a_whole), Severity::Warning,
                    &[$cell($a_whole), $cell($a_part) $(, $cell($a_more))*], Shape::AcrossPart, ($a_vi, $a_en)),
            )*
            $(
                rule(concat!("across:", $left, "==", $right), Severity::Warning,
                    &[$cell($left), $cell($right)], Shape::AcrossSame, ($same_vi, $same_en)),
            )*
            $(
                rule(concat!("covers:", $covered, "<=", rules!(@plus $($cover),+)), Severity::Error,
                    &[$cell($covered), $($cell($cover)),+], Shape::Covers, ($cv_vi, $cv_en)),
            )*
            $(
                rule(
                    concat!(
                        "implies:",
                        rules!(@condition $p_kind $($p_cell),+ $(is $p_code)?),
                        "=>",
                        rules!(@condition $c_kind $($c_cell),+ $(is $c_code)?),
                    ),
                    Severity::$i_severity,
                    &[$($cell($p_cell)),+, $($cell($c_cell)),+],
                    Shape::Implies {
                        premise: (
                            rules!(@kind $p_kind),
                            rules!(@count $($p_cell)+),
                            rules!(@code $($p_code)?),
                        ),
                        conclusion: (rules!(@kind $c_kind), rules!(@code $($c_code)?)),
                    },
                    ($i_vi, $i_en),
                ),
            )*
            $(
                rule(concat!("share:", $share), Severity::Warning,
                    &[$cell($share), $cell($share_row)], Shape::ShareOfRow, ($sr_vi, $sr_en)),
            )*
            $(
                rule(concat!("share:", $r_share), Severity::Warning,
                    &[$cell($r_share)],
                    Shape::ShareOfReference($crate::reference::ReferenceCount::$r_kind), ($srf_vi, $srf_en)),
            )*
            $(
                rule(concat!("reference:", $w_cell, "<=", rules!(@reference $w_kind)), Severity::Warning,
                    &[$cell($w_cell)],
                    Shape::WithinReference($crate::reference::ReferenceCount::$w_kind), ($w_vi, $w_en)),
            )*
            $(
                rule(concat!("full:", $rate), Severity::Info,
                    &[$cell($rate), $cell($num), $cell($den)], Shape::Full, ("", "")),
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
    (@sum_shape) => { Shape::Sum(Severity::Error, Severity::Error) };
    (@sum_shape $above:ident $below:ident) => { Shape::Sum(Severity::$above, Severity::$below) };
    (@plus $first:literal $(, $more:literal)*) => { concat!($first, $("+", $more,)*) };
    (@condition positive $first:literal $(, $more:literal)*) => { concat!($first, $("+", $more,)* ">=1") };
    (@condition zero $first:literal $(, $more:literal)*) => { concat!($first, $("+", $more,)* "==0") };
    (@condition code $cell:literal is $code:literal) => { concat!($cell, "==", $code) };
    (@condition reported $cell:literal) => { concat!($cell, ":reported") };
    (@condition blank $cell:literal) => { concat!($cell, ":blank") };
    (@kind positive) => { $crate::check::rules::CondKind::Positive };
    (@kind zero) => { $crate::check::rules::CondKind::Zero };
    (@kind code) => { $crate::check::rules::CondKind::Code };
    (@kind reported) => { $crate::check::rules::CondKind::Reported };
    (@kind blank) => { $crate::check::rules::CondKind::Blank };
    (@code) => { 0 };
    (@code $code:literal) => { $code };
    (@reference Departments) => { "departments" };
    (@reference Districts) => { "districts" };
    (@reference Communes) => { "communes" };
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
        "3/1.4" = ["3/1.4.1", "3/1.4.2", "3/1.4.3"] above Warning below Error,
            "Mỗi TTHC thuộc thẩm quyền của địa phương được liệt kê ở cấp thực hiện; TTHC thực hiện ở nhiều cấp (như chứng thực) được liệt kê ở mỗi cấp, nên tổng các cấp lớn hơn tổng số có thể hợp lệ (cảnh báo); tổng các cấp nhỏ hơn tổng số thì không có cách giải thích hợp lệ (lỗi).",
            "Every procedure under the locality's authority is listed at the level that carries it out; one carried out at several levels (such as authentication) is listed at each, so levels adding up to more than the total can be innocent (a warning); adding up to less has no innocent reading (an error).";
        "4/1.5" = ["4/1.5.1", "4/1.5.2", "4/1.5.3"],
            "Mỗi ĐVSNCL trực thuộc đúng một trong: UBND tỉnh, sở ngành, UBND cấp huyện.",
            "Every public service unit is under exactly one of the provincial People's Committee, a department, or a district People's Committee.";
        "6/2.1" = ["6/2.2", "6/2.3", "6/2.4", "6/2.5"] above Error below Warning,
            "Bốn nhóm tự chủ tài chính theo Nghị định 60/2021/NĐ-CP rời nhau, nên tổng các nhóm không thể lớn hơn số ĐVSN (lỗi); tổng các nhóm nhỏ hơn số ĐVSN khi có đơn vị chưa được giao nhóm tự chủ (cảnh báo).",
            "The four financial-autonomy groups of Decree 60/2021/NĐ-CP are disjoint, so they cannot add up to more than the units (an error); they add up to less while some units await assignment to a group (a warning).";
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
        ["3/1.1"] <= "3/1.4",
            "TTHC được phê duyệt phương án đơn giản hóa là TTHC thuộc thẩm quyền của địa phương.",
            "Procedures whose simplification plan was approved are procedures under the locality's authority.";
        ["3/1.2"] <= "3/1.4",
            "TTHC công bố mới là TTHC thuộc thẩm quyền của địa phương.",
            "Newly published procedures are procedures under the locality's authority.";
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
        ["5/1.3"] <= "1/4.1",
            "Cơ quan có vi phạm phát hiện qua thanh tra (biểu 5) là một phần của cơ quan được thanh tra (biểu 1).",
            "Bodies found in breach by inspection (form 5) are among the bodies inspected (form 1).";
        ["5/1.2"] <= "6/2.1",
            "Đơn vị sự nghiệp được phê duyệt vị trí việc làm (biểu 5) là một phần của ĐVSN công lập (biểu 6).",
            "Units with approved job positions (form 5) are among the public service units (form 6).";
        ["5/2.1", "5/2.2", "5/2.3"] <= "4/2.1",
            "Công chức được tuyển dụng, tiếp nhận (biểu 5) nằm trong biên chế được giao (biểu 4).",
            "Civil servants recruited or transferred in (form 5) fill posts of the staffing quota (form 4).";
        ["5/2.4", "5/2.5"] <= "4/3.2",
            "Viên chức được tuyển dụng (biểu 5) là một phần của người làm việc có mặt (biểu 4).",
            "Public employees recruited (form 5) are among the staff in post (form 4).";
        ["7/6.2.1"] <= "3/1.4",
            "DVCTT có phát sinh hồ sơ (biểu 7) ứng với TTHC thuộc thẩm quyền của địa phương (biểu 3).",
            "Online services that had dossiers (form 7) correspond to procedures under the locality's authority (form 3).";
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
    covers {
        "7/6.2.1" <= ["7/6.3.1", "7/6.4.1"],
            "Mỗi DVCTT có phát sinh hồ sơ có ít nhất một hồ sơ trong số hồ sơ của DVCTT toàn trình hoặc một phần.",
            "Every online service that had dossiers has at least one among the dossiers of fully or partly online services.";
        "7/6.2.2" <= ["7/6.3.2", "7/6.4.2"],
            "Mỗi DVCTT có phát sinh hồ sơ trực tuyến có ít nhất một hồ sơ nộp trực tuyến của DVCTT toàn trình hoặc một phần.",
            "Every online service that had online dossiers has at least one among the online dossiers of fully or partly online services.";
    }
    implications {
        Error [positive "7/6.3.2", "7/6.4.2"] => [positive "7/6.2.2"],
            "Hồ sơ nộp trực tuyến phải thuộc một DVCTT có phát sinh hồ sơ trực tuyến.",
            "Dossiers submitted online belong to an online service that had online dossiers.";
        Error [positive "7/6.3.1", "7/6.4.1"] => [positive "7/6.2.1"],
            "Hồ sơ của DVCTT phải thuộc một DVCTT có phát sinh hồ sơ.",
            "Dossiers of online services belong to an online service that had dossiers.";
        Error [positive "7/6.3.1"] => [positive "7/6.1.2"],
            "Hồ sơ của DVCTT toàn trình cần có DVCTT toàn trình.",
            "Dossiers of fully online services need a fully online service.";
        Warning [code "1/6" is 1] => [positive "1/6.1"],
            "Đã khảo sát thì có phiếu khảo sát.",
            "A survey carried out has survey forms.";
        Info [code "1/6" is 1] => [reported "1/6.2"],
            "Đã khảo sát thì nên báo cáo hình thức khảo sát.",
            "A survey carried out should say how it was run.";
        Warning [zero "1/4.1"] => [blank "1/4.2"],
            "Không thanh tra cơ quan, đơn vị nào thì không có tỷ lệ thực hiện kết luận thanh tra.",
            "With no body inspected there is no share of bodies that carried out the conclusions.";
        Warning [positive "1/3.3.1"] => [positive "1/3.1", "1/3.2"],
            "Vấn đề phát hiện qua kiểm tra cần có sở, ngành hoặc UBND cấp huyện được kiểm tra.",
            "Issues found by checks need a department or district People's Committee checked.";
        Warning [zero "3/1.4.1"] => [zero "3/3.1.1"],
            "Không có TTHC cấp tỉnh thì không có hồ sơ do các sở, ngành giải quyết.",
            "Without provincial procedures the departments resolve no dossiers.";
        Warning [zero "3/1.4.2"] => [zero "3/3.2.1"],
            "Không có TTHC cấp huyện thì không có hồ sơ do UBND cấp huyện giải quyết.",
            "Without district procedures the district People's Committees resolve no dossiers.";
        Warning [zero "3/1.4.3"] => [zero "3/3.3.1"],
            "Không có TTHC cấp xã thì không có hồ sơ do UBND cấp xã giải quyết.",
            "Without commune procedures the commune People's Committees resolve no dossiers.";
    }
    shares_of_rows {
        "1/4.2" of "1/4.1",
            "Tỷ lệ trên số cơ quan, đơn vị được thanh tra: 100·k/n với k nguyên.",
            "A share of the bodies inspected: 100·k/n for a whole k.";
    }
    shares_of_references {
        "4/1.1" of Departments, "", "";
        "4/1.2" of Districts, "", "";
        "7/5.1.1" of Departments, "", "";
        "7/5.1.2" of Districts, "", "";
        "7/5.1.3" of Communes, "", "";
        "7/5.3.1" of Departments, "", "";
        "7/5.3.2" of Districts, "", "";
        "7/5.3.3" of Communes, "", "";
    }
    within_references {
        "1/3.1" <= Departments,
            "Số sở, ngành được kiểm tra không vượt quá số sở, ngành.",
            "No more departments can be checked than there are.";
        "1/3.2" <= Districts,
            "Số UBND cấp huyện được kiểm tra không vượt quá số đơn vị cấp huyện.",
            "No more district People's Committees can be checked than there are.";
    }
}

super::plan::compiled_plan! {
    /// The clean path of the 581 template: every rule of [`RULES`] decided
    /// on the typed report's snapshot, each with its cells as constants.
    pub(crate) fn clean_path for RULES, slots super::snapshot::SNAPSHOT_LEN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worse_of_two_severities() {
        // Error over anything, then warning over info, in either order.
        use Severity::{Error, Info, Warning};
        for (a, b, worse) in [
            (Error, Error, Error),
            (Error, Warning, Error),
            (Info, Error, Error),
            (Warning, Warning, Warning),
            (Warning, Info, Warning),
            (Info, Warning, Warning),
            (Info, Info, Info),
        ] {
            assert_eq!(worst(a, b), worse, "{a:?} {b:?}");
        }
    }

    #[test]
    fn a_sum_rule_takes_the_worse_of_its_two_directions() {
        // A sum whose parts above the total are a warning and below it a
        // note (no such sum is in the table, whose sums are errors at least
        // one way): the rule's severity is the worse, warning, whatever the
        // severity it is given (the table gives sums `Error`).
        static CELLS: [CellId; 4] = [cell("2/1"), cell("2/1.1"), cell("2/1.2"), cell("2/1.3")];
        let sum = rule(
            "sum:2/1",
            Severity::Error,
            &CELLS,
            Shape::Sum(Severity::Warning, Severity::Info),
            ("", ""),
        );
        assert_eq!(sum.severity, Severity::Warning);
        let Check::Sum(Sum { above, below, .. }) = sum.check else {
            panic!("a sum");
        };
        assert_eq!((above, below), (Severity::Warning, Severity::Info));
    }

    #[test]
    fn the_tighter_of_two_limits() {
        // Least values: the greater; greatest values: the smaller; a
        // missing limit is no limit, so the other one stands.
        assert_eq!(tighter(Some(0), Some(5), true), Some(5));
        assert_eq!(tighter(Some(5), Some(0), true), Some(5));
        assert_eq!(tighter(Some(0), Some(100), false), Some(0));
        assert_eq!(tighter(Some(100), Some(0), false), Some(0));
        assert_eq!(tighter(Some(-3), Some(-3), true), Some(-3));
        assert_eq!(tighter(Some(7), None, false), Some(7));
        assert_eq!(tighter(None, Some(-7), true), Some(-7));
        assert_eq!(tighter(None, None, true), None);
        assert_eq!(tighter(None, None, false), None);
    }
}
