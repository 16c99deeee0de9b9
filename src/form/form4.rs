//! Biểu mẫu 4: Cải cách tổ chức bộ máy.

use crate::unit::{Agency, Board, Count, Organisation, Percent, Person};

use super::form_table;

form_table! {
    /// Form 4 (Biểu mẫu 4), *Cải cách tổ chức bộ máy*: organisational reform,
    /// public service units, staffing quotas and downsizing.
    form 4 Form4 "form4" {
        title: "Cải cách tổ chức bộ máy", "Organisational reform";
        rows {
            "1.1" departments_reorganised_rate: Percent
                => "Tỷ lệ sở, ngành đã hoàn thành việc sắp xếp các phòng chuyên môn đáp ứng các tiêu chí theo quy định của Chính phủ",
                   "Share of provincial departments that reorganised their divisions to the Government's criteria";
            "1.2" district_committees_reorganised_rate: Percent [district]
                => "Tỷ lệ UBND cấp huyện đã hoàn thành việc sắp xếp các phòng chuyên môn đáp ứng các tiêu chí theo quy định của Chính phủ",
                   "Share of district People's Committees that reorganised their divisions to the Government's criteria";
            "1.3" management_boards: Count<Board>
                => "Số lượng các ban quản lý trực thuộc UBND cấp tỉnh",
                   "Management boards under the provincial People's Committee";
            "1.4" interagency_organisations: Count<Organisation>
                => "Số tổ chức liên ngành do cấp tỉnh thành lập", "Inter-agency organisations set up by the province";
            "1.5" public_service_units: Count<Agency>
                => "Tổng số đơn vị sự nghiệp công lập (ĐVSNCL) tại địa phương", "Public service units in the locality";
            "1.5.1" units_under_provincial_committee: Count<Agency>
                => "Số ĐVSNCL thuộc UBND tỉnh", "Public service units under the provincial People's Committee";
            "1.5.2" units_under_departments: Count<Agency>
                => "Số ĐVSNCL thuộc sở, ngành và tương đương",
                   "Public service units under provincial departments and equivalents";
            "1.5.3" units_under_district_committees: Count<Agency> [district]
                => "Số ĐVSNCL thuộc UBND cấp huyện", "Public service units under district People's Committees";
            "1.5.4" units_reduction_since_2015_rate: Percent
                => "Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015", "Reduction in public service units since 2015";
            "2.1" civil_service_quota: Count<Person>
                => "Tổng số biên chế được giao trong năm", "Civil-service staffing quota for the year";
            "2.2" civil_servants_in_post: Count<Person>
                => "Tổng số biên chế có mặt tại thời điểm báo cáo", "Civil servants in post at the reporting date";
            "2.3" labour_contracts: Count<Person>
                => "Số hợp đồng lao động làm việc tại các cơ quan, tổ chức hành chính",
                   "Labour-contract workers in administrative agencies";
            "2.4" civil_servants_downsized: Count<Person>
                => "Số biên chế đã tinh giản trong kỳ báo cáo", "Civil-service posts cut in the period";
            "2.5" civil_service_reduction_since_2015_rate: Percent
                => "Tỷ lệ phần trăm biên chế đã tinh giản so với năm 2015", "Reduction in civil-service posts since 2015";
            "3.1" unit_staff_quota: Count<Person>
                => "Tổng số người làm việc được giao", "Staff quota of public service units";
            "3.2" unit_staff_in_post: Count<Person>
                => "Tổng số người làm việc có mặt tại thời điểm báo cáo",
                   "Staff in post in public service units at the reporting date";
            "3.3" unit_staff_downsized: Count<Person>
                => "Số người đã tinh giản trong kỳ báo cáo", "Public-service-unit staff cut in the period";
            "3.4" unit_staff_reduction_since_2015_rate: Percent
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
