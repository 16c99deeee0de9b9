//! The rule table: every invariant of the seven forms, written once.
//!
//! Cells are written `"form/STT"`, as a reviewer reads them off the printed
//! forms; each is resolved at compile time, so a rule naming a cell that does
//! not exist does not build. Each section is one family; the rule ids are
//! derived from the cells.

use super::{Check, Rule, cell};
use crate::finding::{Family, Severity};

/// Builds the rule table from its sections.
macro_rules! rules {
    (
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
        /// Every rule the checks apply, in evaluation order.
        pub static RULES: [Rule; rules!(@count
            $($rate $rate)* $($total)* $($first)* $($s_first)* $($b_cell)* $($bs_cell)*
            $($code)* $($overall)* $($a_part)* $($left)*)] = [
            $(
                Rule::new(concat!("ratio:", $rate), Family::Ratio, Severity::Error, Check::Ratio,
                    &[cell($rate), cell($num), cell($den)], "", ""),
            )*
            $(
                Rule::new(concat!("derivable:", $rate), Family::Derivable, Severity::Info, Check::Derivable,
                    &[cell($rate), cell($num), cell($den)], "", ""),
            )*
            $(
                Rule::new(concat!("sum:", $total), Family::Sum, Severity::Error, Check::Sum,
                    &[cell($total), $(cell($part)),+], $sum_vi, $sum_en),
            )*
            $(
                Rule::new(concat!("part:", $first $(, "+", $more)*, "<=", $whole), Family::PartWhole,
                    Severity::$part_severity, Check::PartWhole,
                    &[cell($whole), cell($first) $(, cell($more))*], $part_vi, $part_en),
            )*
            $(
                Rule::new(concat!("part:", $s_first $(, "+", $s_more)*, "<=", $s_whole), Family::PartWhole,
                    Severity::$suspicious_severity, Check::PartWhole,
                    &[cell($s_whole), cell($s_first) $(, cell($s_more))*], $s_vi, $s_en),
            )*
            $(
                Rule::new(concat!("bound:", $b_cell, ":", stringify!($min), "..", stringify!($max)), Family::Bound,
                    Severity::$bound_severity, Check::Bound { min: rules!(@bound $min), max: rules!(@bound $max) },
                    &[cell($b_cell)], $b_vi, $b_en),
            )*
            $(
                Rule::new(concat!("bound:", $bs_cell, ":", stringify!($bs_min), "..", stringify!($bs_max)), Family::Bound,
                    Severity::$b_suspicious_severity, Check::Bound { min: rules!(@bound $bs_min), max: rules!(@bound $bs_max) },
                    &[cell($bs_cell)], $bs_vi, $bs_en),
            )*
            $(
                Rule::new(concat!("conditional:", $code, "==", stringify!($when)), Family::Conditional,
                    Severity::Error, Check::Conditional { when: $when },
                    &[cell($code), $(cell($dependent)),+], $c_vi, $c_en),
            )*
            $(
                Rule::new(concat!("level_range:", $overall), Family::LevelRange, Severity::Error, Check::LevelRange,
                    &[cell($overall), $(cell($level)),+], $l_vi, $l_en),
            )*
            $(
                Rule::new(concat!("across:", $a_part, "<=", $a_whole), Family::AcrossForms, Severity::Warning,
                    Check::PartWhole, &[cell($a_whole), cell($a_part)], $a_vi, $a_en),
            )*
            $(
                Rule::new(concat!("across:", $left, "==", $right), Family::AcrossForms, Severity::Warning,
                    Check::Same, &[cell($left), cell($right)], $same_vi, $same_en),
            )*
        ];
    };
    (@count $($item:tt)*) => { 0 $(+ rules!(@one $item))* };
    (@one $item:tt) => { 1 };
    (@bound _) => { None };
    (@bound $value:literal) => { Some($value) };
}

rules! {
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
