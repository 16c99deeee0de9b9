//! Biểu mẫu 1: Công tác chỉ đạo điều hành CCHC.

use crate::unit::{Agency, Count, Document, Issue, Percent, Quantity, SurveyMethod, Task, YesNo};

use crate::form::form_table;

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
            "1" directives_issued: Count<Document> { Flow, Sum }
                => "Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công văn chỉ đạo, quán triệt)",
                   "Directives on administrative reform issued (conclusions, instructions, guiding letters)";
            /// The label prints "Lũy kế đến thời điểm báo cáo": completed tasks (2.2) over the
            /// year's plan (2.1), to the reporting date.
            "2" plan_completion_rate: Percent [cumulative] { CumulativeInYear, Recompute }
                => "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)",
                   "Completion rate of the annual administrative-reform plan";
            /// A plan fixed for the year, no flow: Lũy kế is printed on row 2, not on this row
            /// (the `cumulative` flag is inherited from row 2), and every report of a year
            /// carries the same plan.
            "2.1" plan_tasks: Count<Task> [cumulative] { Plan, Sum }
                => "Số nhiệm vụ đề ra trong kế hoạch", "Tasks set in the plan";
            /// Tasks completed from the start of the year to the reporting date (the Lũy kế of
            /// row 2).
            "2.2" plan_tasks_completed: Count<Task> [cumulative] { CumulativeInYear, Sum }
                => "Số nhiệm vụ đã hoàn thành", "Plan tasks completed";
            /// Departments checked in the period: distinct bodies, so a department checked in
            /// Q1 and in Q3 counts once in the year (year ≥ max(half-year, Q3), not their sum).
            "3.1" departments_checked: Count<Agency> { DistinctFlow, Sum }
                => "Số sở, ngành đã kiểm tra", "Provincial departments and sectors checked";
            /// District People's Committees checked in the period: distinct bodies, like 3.1.
            "3.2" district_committees_checked: Count<Agency> [district] { DistinctFlow, Sum }
                => "Số UBND cấp huyện đã kiểm tra", "District People's Committees checked";
            "3.3" check_issues_handled_rate: Percent { Flow, Recompute }
                => "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra",
                   "Share of the issues found by checks that were handled";
            "3.3.1" check_issues_found: Count<Issue> { Flow, Sum }
                => "Số vấn đề phát hiện qua kiểm tra", "Issues found by checks";
            "3.3.2" check_issues_handled: Count<Issue> { Flow, Sum }
                => "Số vấn đề phát hiện đã xử lý xong", "Issues found that were fully handled";
            /// Bodies inspected in the period: distinct bodies, like 3.1. A count of agencies and
            /// units, though the form prints its unit as "Số lượng" (count), kept as printed.
            "4.1" bodies_inspected: Count<Agency> as "Số lượng" { DistinctFlow, Sum }
                => "Số cơ quan, đơn vị được thanh tra", "Agencies and units inspected";
            /// A share of the 4.1 bodies inspected in the period, with no numerator row: across
            /// bodies it is weighted by 4.1 (the numerator is 4.2 × 4.1 / 100, a whole number
            /// of bodies).
            "4.2" inspection_conclusions_done_rate: Percent { DistinctFlow, Weighted by row "4.1" }
                => "Tỷ lệ cơ quan, đơn vị đã hoàn thành việc thực hiện kết luận thanh tra",
                   "Share of inspected agencies and units that have carried out the inspection conclusions";
            /// Tasks assigned by the Government and the Prime Minister: the narrative of the
            /// sample reads "Đến hết quý III/2023, Văn phòng Chính phủ đã giao 149 nhiệm vụ"
            /// (by the end of Q3, 149 tasks assigned), so the count runs from the start of the
            /// year: cumulative within the year in fact, though no Lũy kế is printed.
            "5.1" government_tasks_assigned: Count<Task> { CumulativeInYear, Sum }
                => "Tổng số nhiệm vụ được giao", "Tasks assigned by the Government and the Prime Minister";
            /// Assigned tasks completed on time, from the start of the year (a part of 5.1,
            /// which is year to date).
            "5.2" government_tasks_done_on_time: Count<Task> { CumulativeInYear, Sum }
                => "Số nhiệm vụ đã hoàn thành đúng hạn", "Assigned tasks completed on time";
            /// Assigned tasks completed late, from the start of the year (a part of 5.1).
            "5.3" government_tasks_done_late: Count<Task> { CumulativeInYear, Sum }
                => "Số nhiệm vụ đã hoàn thành nhưng quá hạn", "Assigned tasks completed late";
            /// Tasks overdue and not completed at the reporting date: a stock, which goes down
            /// as late tasks are completed.
            "5.4" government_tasks_overdue: Count<Task> { Stock, Sum }
                => "Số nhiệm vụ quá hạn nhưng chưa hoàn thành", "Assigned tasks overdue and not completed";
            /// Whether a survey was carried out: an event, the year says yes if any report of
            /// the year did.
            "6" satisfaction_survey: YesNo { Event, Distribution }
                => "Khảo sát sự hài lòng của người dân, tổ chức",
                   "A satisfaction survey of citizens and organisations was carried out";
            /// Survey forms collected by the survey of the period.
            "6.1" survey_forms: Count<Quantity> { Flow, Sum }
                => "Số lượng phiếu khảo sát", "Survey forms";
            /// How the period's survey was run: a code of the event of row 6.
            "6.2" survey_method: SurveyMethod { Event, Distribution }
                => "Hình thức khảo sát", "Survey method";
            /// Whether a dialogue was held: an event, like row 6.
            "7" leadership_dialogue: YesNo as "Không = 0 Có = 1" { Event, Distribution }
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
