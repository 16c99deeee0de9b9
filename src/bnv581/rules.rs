//! The rule table of the 581 template: every invariant of its seven forms,
//! written once.
//!
//! Cells are written `"form/STT"`, as a reviewer reads them off the printed
//! forms; each is resolved at compile time, so a rule naming a cell that
//! does not exist does not build. Each section is one family; the rule ids
//! are derived from the cells.

use super::{CATALOGUE, LIMITED, LIMITED_COUNT};
use crate::catalogue::CellId;
use crate::check::rules::rules;

/// A cell of the 581 template written `"form/STT"`, resolved at compile time.
pub(crate) const fn cell(text: &str) -> CellId {
    let bytes = text.as_bytes();
    assert!(
        bytes.len() > 2 && bytes[1] == b'/',
        "cells are written \"form/STT\""
    );
    let form = bytes[0] - b'0';
    let (_, stt) = text.split_at(2);
    CellId::of(form, stt)
}

/// The most cells a rule of [`RULES`] reads.
const fn most_rule_cells() -> usize {
    let mut most = 0;
    let mut index = 0;
    while index < RULES.len() {
        if RULES[index].cells.len() > most {
            most = RULES[index].cells.len();
        }
        index += 1;
    }
    most
}

const _: () = assert!(
    most_rule_cells() <= crate::finding::CellList::CAPACITY,
    "a finding lists every cell of its rule"
);

/// How many rules the 581 template has.
pub const RULE_COUNT: usize = RULES.len();

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

crate::check::plan::compiled_plan! {
    /// The clean path of the 581 template: every rule of [`RULES`] decided
    /// on the typed report's snapshot, each with its cells as constants.
    pub(crate) fn clean_path for RULES, slots super::report::SNAPSHOT_LEN
}
