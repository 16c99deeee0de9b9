//! How a rule table is written: the `rules!` macro, which writes each rule
//! with its family's own constructor (`Ratio::rule`, `Sum::rule`, …, in the
//! family's module), as the template builder does.
//!
//! Cells are written `"form/STT"`, as a reviewer reads them off the printed
//! forms; each is resolved at compile time, so a rule naming a cell that does
//! not exist does not build. Each section is one family; the rule ids are
//! derived from the cells.

use super::{Check, NotApplicable, Rule};
use crate::catalogue::CellId;

/// A rule's notes: why it holds, in Vietnamese and in English.
pub(crate) type Notes = (&'static str, &'static str);

/// A rule's cells split by their part: the first (the checked cell) and
/// the rest.
pub(crate) const fn split(cells: &'static [CellId]) -> (CellId, &'static [CellId]) {
    match cells.split_first() {
        Some((first, rest)) => (*first, rest),
        None => panic!("a rule reads at least one cell"),
    }
}

/// A rule's first three cells (`[rate, numerator, denominator]`), the
/// first standing for any that is missing.
pub(crate) const fn three(cells: &'static [CellId]) -> (CellId, CellId, CellId) {
    let (first, rest) = split(cells);
    let second = match rest.first() {
        Some(second) => *second,
        None => first,
    };
    let third = match rest.split_first() {
        Some((_, [third, ..])) => *third,
        _ => first,
    };
    (first, second, third)
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
        out[WRITTEN + row] = NotApplicable::rule(limited[row], catalogue);
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
            #[allow(unused_imports, reason = "a table may leave families out")]
            use $crate::check::{
                AcrossForms, Bound, Conditional, Covers, Derivable, Full, Implies, LevelRange,
                PartWhole, Ratio, Share, Sum, WithinReference,
            };
            use $crate::finding::Severity;
            [
            $(
                Ratio::rule(concat!("ratio:", $rate), Severity::Error,
                    &[$cell($rate), $cell($num), $cell($den)], ("", "")),
            )*
            $(
                Derivable::rule(concat!("derivable:", $rate), Severity::Info,
                    &[$cell($rate), $cell($num), $cell($den)], ("", "")),
            )*
            $(
                Sum::rule(concat!("sum:", $total),
                    &[$cell($total), $($cell($part)),+], ($sum_vi, $sum_en),
                    rules!(@above $($above)?), rules!(@below $($below)?)),
            )*
            $(
                PartWhole::rule(concat!("part:", $first $(, "+", $more)*, "<=", $whole), Severity::$part_severity,
                    &[$cell($whole), $cell($first) $(, $cell($more))*], ($part_vi, $part_en)),
            )*
            $(
                PartWhole::rule(concat!("part:", $s_first $(, "+", $s_more)*, "<=", $s_whole), Severity::$suspicious_severity,
                    &[$cell($s_whole), $cell($s_first) $(, $cell($s_more))*], ($s_vi, $s_en)),
            )*
            $(
                Bound::rule(concat!("bound:", $b_cell, ":", stringify!($min), "..", stringify!($max)), Severity::$bound_severity,
                    &[$cell($b_cell)], ($b_vi, $b_en), rules!(@bound $min), rules!(@bound $max)),
            )*
            $(
                Bound::rule(concat!("bound:", $bs_cell, ":", stringify!($bs_min), "..", stringify!($bs_max)), Severity::$b_suspicious_severity,
                    &[$cell($bs_cell)], ($bs_vi, $bs_en), rules!(@bound $bs_min), rules!(@bound $bs_max)),
            )*
            $(
                Conditional::rule(concat!("conditional:", $code, "==", stringify!($when)), Severity::Error,
                    &[$cell($code), $($cell($dependent)),+], ($c_vi, $c_en), $when),
            )*
            $(
                LevelRange::rule(concat!("level_range:", $overall), Severity::Error,
                    &[$cell($overall), $($cell($level)),+], ($l_vi, $l_en)),
            )*
            $(
                AcrossForms::part_of(concat!("across:", $a_part, $("+", $a_more,)* "<=", $a_whole), Severity::Warning,
                    &[$cell($a_whole), $cell($a_part) $(, $cell($a_more))*], ($a_vi, $a_en)),
            )*
            $(
                AcrossForms::same(concat!("across:", $left, "==", $right), Severity::Warning,
                    &[$cell($left), $cell($right)], ($same_vi, $same_en)),
            )*
            $(
                Covers::rule(concat!("covers:", $covered, "<=", rules!(@plus $($cover),+)), Severity::Error,
                    &[$cell($covered), $($cell($cover)),+], ($cv_vi, $cv_en)),
            )*
            $(
                Implies::rule(
                    concat!(
                        "implies:",
                        rules!(@condition $p_kind $($p_cell),+ $(is $p_code)?),
                        "=>",
                        rules!(@condition $c_kind $($c_cell),+ $(is $c_code)?),
                    ),
                    Severity::$i_severity,
                    &[$($cell($p_cell)),+, $($cell($c_cell)),+],
                    ($i_vi, $i_en),
                    (
                        rules!(@kind $p_kind),
                        rules!(@count $($p_cell)+),
                        rules!(@code $($p_code)?),
                    ),
                    (rules!(@kind $c_kind), rules!(@code $($c_code)?)),
                ),
            )*
            $(
                Share::of_row(concat!("share:", $share), Severity::Warning,
                    &[$cell($share), $cell($share_row)], ($sr_vi, $sr_en)),
            )*
            $(
                Share::of_reference(concat!("share:", $r_share), Severity::Warning,
                    &[$cell($r_share)], ($srf_vi, $srf_en),
                    $crate::reference::ReferenceCount::$r_kind),
            )*
            $(
                WithinReference::rule(concat!("reference:", $w_cell, "<=", rules!(@reference $w_kind)), Severity::Warning,
                    &[$cell($w_cell)], ($w_vi, $w_en),
                    $crate::reference::ReferenceCount::$w_kind),
            )*
            $(
                Full::rule(concat!("full:", $rate), Severity::Info,
                    &[$cell($rate), $cell($num), $cell($den)], ("", "")),
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
    (@above) => { Severity::Error };
    (@above $above:ident) => { Severity::$above };
    (@below) => { Severity::Error };
    (@below $below:ident) => { Severity::$below };
    (@plus $first:literal $(, $more:literal)*) => { concat!($first, $("+", $more,)*) };
    (@condition positive $first:literal $(, $more:literal)*) => { concat!($first, $("+", $more,)* ">=1") };
    (@condition zero $first:literal $(, $more:literal)*) => { concat!($first, $("+", $more,)* "==0") };
    (@condition code $cell:literal is $code:literal) => { concat!($cell, "==", $code) };
    (@condition reported $cell:literal) => { concat!($cell, ":reported") };
    (@condition blank $cell:literal) => { concat!($cell, ":blank") };
    (@kind positive) => { $crate::check::implies::ConditionKind::Positive };
    (@kind zero) => { $crate::check::implies::ConditionKind::Zero };
    (@kind code) => { $crate::check::implies::ConditionKind::Code };
    (@kind reported) => { $crate::check::implies::ConditionKind::Reported };
    (@kind blank) => { $crate::check::implies::ConditionKind::Blank };
    (@code) => { 0 };
    (@code $code:literal) => { $code };
    (@reference Departments) => { "departments" };
    (@reference Districts) => { "districts" };
    (@reference Communes) => { "communes" };
    (@one $item:tt) => { 1 };
    (@bound _) => { None };
    (@bound $value:literal) => { Some($value) };
}

pub(crate) use rules;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bnv581::cell;
    use crate::check::Sum;
    use crate::check::sum::worst;
    use crate::finding::Severity;

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
        // one way): the rule's severity is the worse, warning.
        static CELLS: [CellId; 4] = [cell("2/1"), cell("2/1.1"), cell("2/1.2"), cell("2/1.3")];
        let sum = Sum::rule(
            "sum:2/1",
            &CELLS,
            ("", ""),
            Severity::Warning,
            Severity::Info,
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
