//! Biểu mẫu 4: Cải cách tổ chức bộ máy.

use crate::unit::{Agency, Board, Count, Organisation, Percent, Person};

use crate::form::form_table;

form_table! {
    /// Form 4 (Biểu mẫu 4), *Cải cách tổ chức bộ máy*: organisational reform,
    /// public service units, staffing quotas and downsizing.
    form 4 Form4 "form4" {
        title: "Cải cách tổ chức bộ máy", "Organisational reform";
        rows {
            /// The share of departments that have completed their reorganisation, at the
            /// reporting date; no numerator row, so across bodies it is weighted by the number
            /// of departments (and it is 100·k/n of that number).
            "1.1" departments_reorganised_rate: Percent { Stock, Weighted by Departments }
                => "Tỷ lệ sở, ngành đã hoàn thành việc sắp xếp các phòng chuyên môn đáp ứng các tiêu chí theo quy định của Chính phủ",
                   "Share of provincial departments that reorganised their divisions to the Government's criteria";
            /// The share of district People's Committees that have completed their
            /// reorganisation, at the date; weighted by the number of districts.
            "1.2" district_committees_reorganised_rate: Percent [district] { Stock, Weighted by Districts }
                => "Tỷ lệ UBND cấp huyện đã hoàn thành việc sắp xếp các phòng chuyên môn đáp ứng các tiêu chí theo quy định của Chính phủ",
                   "Share of district People's Committees that reorganised their divisions to the Government's criteria";
            /// Management boards existing at the reporting date.
            "1.3" management_boards: Count<Board> { Stock, Sum }
                => "Số lượng các ban quản lý trực thuộc UBND cấp tỉnh",
                   "Management boards under the provincial People's Committee";
            /// Inter-agency organisations the province has set up and that exist at the
            /// reporting date ("do cấp tỉnh thành lập" describes them, it does not count
            /// foundings in the period).
            "1.4" interagency_organisations: Count<Organisation> { Stock, Sum }
                => "Số tổ chức liên ngành do cấp tỉnh thành lập", "Inter-agency organisations set up by the province";
            /// Public service units at the reporting date.
            "1.5" public_service_units: Count<Agency> { Stock, Sum }
                => "Tổng số đơn vị sự nghiệp công lập (ĐVSNCL) tại địa phương", "Public service units in the locality";
            "1.5.1" units_under_provincial_committee: Count<Agency> { Stock, Sum }
                => "Số ĐVSNCL thuộc UBND tỉnh", "Public service units under the provincial People's Committee";
            "1.5.2" units_under_departments: Count<Agency> { Stock, Sum }
                => "Số ĐVSNCL thuộc sở, ngành và tương đương",
                   "Public service units under provincial departments and equivalents";
            "1.5.3" units_under_district_committees: Count<Agency> [district] { Stock, Sum }
                => "Số ĐVSNCL thuộc UBND cấp huyện", "Public service units under district People's Committees";
            /// A reduction against 2015 compares the stock at the reporting date with the 2015
            /// stock: it moves with the stock (down too, if units or posts are added), and with
            /// neither stock printed it does not add up.
            "1.5.4" units_reduction_since_2015_rate: Percent { Stock, NotAggregable }
                => "Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015", "Reduction in public service units since 2015";
            /// The staffing quota assigned for the year ("được giao trong năm"): a plan.
            "2.1" civil_service_quota: Count<Person> { Plan, Sum }
                => "Tổng số biên chế được giao trong năm", "Civil-service staffing quota for the year";
            /// Civil servants in post at the reporting date.
            "2.2" civil_servants_in_post: Count<Person> { Stock, Sum }
                => "Tổng số biên chế có mặt tại thời điểm báo cáo", "Civil servants in post at the reporting date";
            /// Labour-contract workers at the reporting date (a headcount, not hires in the
            /// period).
            "2.3" labour_contracts: Count<Person> { Stock, Sum }
                => "Số hợp đồng lao động làm việc tại các cơ quan, tổ chức hành chính",
                   "Labour-contract workers in administrative agencies";
            /// Persons downsized in the period ("trong kỳ báo cáo").
            "2.4" civil_servants_downsized: Count<Person> { Flow, Sum }
                => "Số biên chế đã tinh giản trong kỳ báo cáo", "Civil servants downsized in the period (persons)";
            /// A reduction against 2015 compares the stock at the reporting date with the 2015
            /// stock: it moves with the stock (down too, if units or posts are added), and with
            /// neither stock printed it does not add up.
            "2.5" civil_service_reduction_since_2015_rate: Percent { Stock, NotAggregable }
                => "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015", "Reduction in civil-service posts since 2015";
            /// The staff quota of public service units assigned for the year: a plan.
            "3.1" unit_staff_quota: Count<Person> { Plan, Sum }
                => "Tổng số người làm việc được giao", "Staff quota of public service units";
            /// Staff in post at the reporting date.
            "3.2" unit_staff_in_post: Count<Person> { Stock, Sum }
                => "Tổng số người làm việc có mặt tại thời điểm báo cáo",
                   "Staff in post in public service units at the reporting date";
            /// Persons downsized in the period ("trong kỳ báo cáo").
            "3.3" unit_staff_downsized: Count<Person> { Flow, Sum }
                => "Số người đã tinh giản trong kỳ báo cáo", "Public-service-unit staff cut in the period";
            /// A reduction against 2015 compares the stock at the reporting date with the 2015
            /// stock: it moves with the stock (down too, if units or posts are added), and with
            /// neither stock printed it does not add up.
            "3.4" unit_staff_reduction_since_2015_rate: Percent { Stock, NotAggregable }
                => "Tỷ lệ % đã tinh giản so với năm 2015", "Reduction in public-service-unit staff since 2015";
        }
        headings {
            "1" => "Sắp xếp, kiện toàn tổ chức bộ máy", "Reorganising the apparatus";
            "2" => "Số liệu về biên chế công chức", "Civil-service staffing";
            "3" => "Số người làm việc hưởng lương từ NSNN tại các đơn vị sự nghiệp công lập",
                   "State-budget-paid staff of public service units";
        }
    }
}
