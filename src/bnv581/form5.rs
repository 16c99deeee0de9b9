//! Biểu mẫu 5: Cải cách chế độ công vụ.

use crate::unit::{Agency, Count, Person};

use crate::form::form_table;

form_table! {
    /// Form 5 (Biểu mẫu 5), *Cải cách chế độ công vụ*: civil-service reform,
    /// job positions, recruitment and discipline.
    form 5 Form5 "form5" {
        title: "Cải cách chế độ công vụ", "Civil-service reform";
        rows {
            /// Agencies whose job positions stand approved at the reporting date: the sample's
            /// 802 units of 5/1.2 against 858 units in all (form 4 row 1.5) is a state, not the
            /// approvals of one quarter.
            "1.1" agencies_with_job_positions: Count<Agency> { Stock, Sum }
                => "Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm theo quy định",
                   "Administrative agencies whose job positions were approved";
            /// Units whose job positions stand approved at the date (see 1.1).
            "1.2" units_with_job_positions: Count<Agency> { Stock, Sum }
                => "Số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm theo quy định",
                   "Public service units whose job positions were approved";
            /// Agencies found in breach by inspections of the period: distinct bodies.
            "1.3" bodies_violating_job_positions: Count<Agency> { DistinctFlow, Sum }
                => "Số cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra",
                   "Agencies found by inspection to breach the job-position rules";
            "2.1" civil_servants_recruited: Count<Person> { Flow, Sum }
                => "Số công chức được tuyển dụng (thi tuyển, xét tuyển)",
                   "Civil servants recruited (by examination or review)";
            "2.2" civil_servants_recruited_special: Count<Person> { Flow, Sum }
                => "Số công chức được tuyển dụng theo trường hợp đặc biệt.",
                   "Civil servants recruited as special cases";
            "2.3" commune_officials_transferred_up: Count<Person> { Flow, Sum }
                => "Số cán bộ, công chức cấp xã được xét chuyển thành công chức cấp huyện trở lên.",
                   "Commune officials transferred to district-level civil service or above";
            "2.4" public_employees_recruited: Count<Person> { Flow, Sum }
                => "Số viên chức được tuyển dụng (thi tuyển, xét tuyển).",
                   "Public employees recruited (by examination or review)";
            "2.5" public_employees_recruited_special: Count<Person> { Flow, Sum }
                => "Số viên chức được tuyển dụng theo trường hợp đặc biệt.",
                   "Public employees recruited as special cases";
            /// Printed "Lũy kế từ đầu năm": from the start of the year.
            "3" leaders_appointed_by_exam: Count<Person> [cumulative] { CumulativeInYear, Sum }
                => "Số lượng lãnh đạo quản lý được tuyển chọn, bổ nhiệm thông qua thi tuyển (Lũy kế từ đầu năm)",
                   "Managers selected and appointed through competitive examination";
            "4.1" provincial_leaders_disciplined: Count<Person> { Flow, Sum }
                => "Số lãnh đạo cấp tỉnh bị kỷ luật.", "Provincial leaders disciplined";
            "4.2" department_leaders_disciplined: Count<Person> { Flow, Sum }
                => "Số lãnh đạo cấp sở, ngành và UBND cấp huyện bị kỷ luật.",
                   "Leaders of departments and district People's Committees disciplined";
            "4.3" division_leaders_disciplined: Count<Person> { Flow, Sum }
                => "Số lãnh đạo cấp phòng thuộc sở, ngành và UBND cấp huyện bị kỷ luật.",
                   "Division heads of departments and district People's Committees disciplined";
            "4.4" unit_staff_disciplined: Count<Person> { Flow, Sum }
                => "Số người làm việc hưởng lương từ NSNN tại các đơn vị SNCL bị kỷ luật.",
                   "State-budget-paid staff of public service units disciplined";
        }
        headings {
            "1" => "Vị trí việc làm của công chức, viên chức", "Job positions of civil servants and public employees";
            "2" => "Tuyển dụng công chức, viên chức", "Recruitment of civil servants and public employees";
            "4" => "Số lượng cán bộ, công chức, viên chức bị kỷ luật (cả về Đảng và chính quyền).",
                   "Officials, civil servants and public employees disciplined (by the Party and by the state)";
        }
    }
}
