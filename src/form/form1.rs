//! Biểu mẫu 1: Công tác chỉ đạo điều hành CCHC.

use crate::unit::{Agency, Count, Document, Issue, Percent, Quantity, SurveyMethod, Task, YesNo};

use super::form_table;

form_table! {
    /// Form 1 (Biểu mẫu 1), *Công tác chỉ đạo điều hành CCHC*: direction and
    /// management of administrative reform.
    ///
    /// The source prints the STT of the first row under headings 3, 4 and 5
    /// (and under row 6) blank; the numbering implies `3.1`, `4.1`, `5.1` and
    /// `6.1`, which is what this table uses.
    form 1 Form1 "form1" {
        title: "Công tác chỉ đạo điều hành CCHC", "Direction and management of administrative reform";
        rows {
            "1" directives_issued: Count<Document>
                => "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)",
                   "Directives on administrative reform issued (conclusions, instructions, guiding letters)";
            "2" plan_completion_rate: Percent [cumulative]
                => "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)",
                   "Completion rate of the annual administrative-reform plan";
            "2.1" plan_tasks: Count<Task> [cumulative]
                => "Số nhiệm vụ đề ra trong kế hoạch", "Tasks set in the plan";
            "2.2" plan_tasks_completed: Count<Task> [cumulative]
                => "Số nhiệm vụ đã hoàn thành", "Plan tasks completed";
            "3.1" departments_checked: Count<Agency>
                => "Số sở, ngành đã kiểm tra", "Provincial departments and sectors checked";
            "3.2" district_committees_checked: Count<Agency> [district]
                => "Số UBND cấp huyện đã kiểm tra", "District People's Committees checked";
            "3.3" check_issues_handled_rate: Percent
                => "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra",
                   "Share of the issues found by checks that were handled";
            "3.3.1" check_issues_found: Count<Issue>
                => "Số vấn đề phát hiện qua kiểm tra", "Issues found by checks";
            "3.3.2" check_issues_handled: Count<Issue>
                => "Số vấn đề phát hiện đã xử lý xong", "Issues found that were fully handled";
            "4.1" bodies_inspected: Count<Quantity>
                => "Số cơ quan, đơn vị được thanh tra", "Agencies and units inspected";
            "4.2" inspection_conclusions_done_rate: Percent
                => "Tỷ lệ cơ quan, đơn vị đã hoàn thành việc thực hiện kết luận thanh tra",
                   "Share of inspected agencies and units that have carried out the inspection conclusions";
            "5.1" government_tasks_assigned: Count<Task>
                => "Tổng số nhiệm vụ được giao", "Tasks assigned by the Government and the Prime Minister";
            "5.2" government_tasks_done_on_time: Count<Task>
                => "Số nhiệm vụ đã hoàn thành đúng hạn", "Assigned tasks completed on time";
            "5.3" government_tasks_done_late: Count<Task>
                => "Số nhiệm vụ đã hoàn thành nhưng quá hạn", "Assigned tasks completed late";
            "5.4" government_tasks_overdue: Count<Task>
                => "Số nhiệm vụ quá hạn nhưng chưa hoàn thành", "Assigned tasks overdue and not completed";
            "6" satisfaction_survey: YesNo
                => "Khảo sát sự hài lòng của người dân, tổ chức",
                   "A satisfaction survey of citizens and organisations was carried out";
            "6.1" survey_forms: Count<Quantity>
                => "Số lượng phiếu khảo sát", "Survey forms";
            "6.2" survey_method: SurveyMethod
                => "Hình thức khảo sát", "Survey method";
            "7" leadership_dialogue: YesNo as "Không = 0 Có = 1"
                => "Tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp",
                   "Leaders held a dialogue with citizens and the business community";
        }
        headings {
            "3" => "Kiểm tra CCHC", "Administrative-reform checks";
            "4" => "Thanh tra việc thực hiện quy định pháp luật về tuyển dụng, quản lý, sử dụng công chức, viên chức và tổ chức bộ máy (thuộc thẩm quyền của Sở Nội vụ)",
                   "Inspections of the rules on recruiting, managing and employing civil servants and public employees and on organisation (by the Department of Home Affairs)";
            "5" => "Thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao",
                   "Tasks assigned by the Government and the Prime Minister";
        }
    }
}
