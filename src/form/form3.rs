//! Biểu mẫu 3: Cải cách thủ tục hành chính.

use crate::unit::{Count, Dossier, Percent, Petition, Procedure};

use super::form_table;

form_table! {
    /// Form 3 (Biểu mẫu 3), *Cải cách thủ tục hành chính*:
    /// administrative-procedure (TTHC) reform, the one-stop shop, and how
    /// dossiers were resolved at each level.
    form 3 Form3 "form3" {
        title: "Cải cách thủ tục hành chính", "Administrative-procedure reform";
        rows {
            "1.1" procedures_simplification_approved: Count<Procedure>
                => "Số TTHC đã được phê duyệt phương án đơn giản hóa",
                   "Procedures whose simplification plan was approved";
            "1.2" procedures_published_new: Count<Procedure>
                => "Số TTHC công bố mới", "Procedures newly published";
            "1.3" procedures_abolished_or_replaced: Count<Procedure>
                => "Số TTHC bãi bỏ, thay thế", "Procedures abolished or replaced";
            "1.4" procedures_local: Count<Procedure>
                => "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương",
                   "Procedures the locality has authority to resolve";
            "1.4.1" procedures_provincial: Count<Procedure>
                => "Số TTHC cấp tỉnh (Bao gồm cả TTHC của cơ quan ngành dọc)",
                   "Provincial-level procedures (including those of vertically managed agencies)";
            "1.4.2" procedures_district: Count<Procedure> [district]
                => "Số TTHC cấp huyện (Bao gồm cả TTHC của cơ quan ngành dọc)",
                   "District-level procedures (including those of vertically managed agencies)";
            "1.4.3" procedures_commune: Count<Procedure>
                => "Số TTHC cấp xã (Bao gồm cả TTHC của cơ quan ngành dọc)",
                   "Commune-level procedures (including those of vertically managed agencies)";
            "2.1" procedures_linked_same_level: Count<Procedure>
                => "Số TTHC liên thông cùng cấp", "Procedures linked within one level";
            "2.2" procedures_linked_across_levels: Count<Procedure>
                => "Số TTHC liên thông giữa các cấp chính quyền", "Procedures linked across levels of government";
            "2.3" procedures_regardless_of_boundaries: Count<Procedure>
                => "Số TTHC đã thực hiện tiếp nhận và giải quyết hồ sơ không phụ thuộc vào địa giới hành chính.",
                   "Procedures whose dossiers are received and resolved regardless of administrative boundaries";
            "3.1" on_time_rate_departments: Percent
                => "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn",
                   "Share of dossiers received by provincial departments that were resolved on time";
            "3.1.1" resolved_departments: Count<Dossier>
                => "Tổng số hồ sơ TTHC đã giải quyết xong", "Dossiers resolved (provincial departments)";
            "3.1.2" resolved_on_time_departments: Count<Dossier>
                => "Số hồ sơ TTHC giải quyết đúng hạn", "Dossiers resolved on time (provincial departments)";
            "3.2" on_time_rate_district: Percent [district]
                => "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn",
                   "Share of dossiers received by district People's Committees that were resolved on time";
            "3.2.1" resolved_district: Count<Dossier> [district]
                => "Tổng số hồ sơ TTHC đã giải quyết xong", "Dossiers resolved (district level)";
            "3.2.2" resolved_on_time_district: Count<Dossier> [district]
                => "Số hồ sơ TTHC giải quyết đúng hạn", "Dossiers resolved on time (district level)";
            "3.3" on_time_rate_commune: Percent
                => "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn",
                   "Share of dossiers received by commune People's Committees that were resolved on time";
            "3.3.1" resolved_commune: Count<Dossier>
                => "Tổng số hồ sơ TTHC đã giải quyết xong", "Dossiers resolved (commune level)";
            "3.3.2" resolved_on_time_commune: Count<Dossier>
                => "Số hồ sơ TTHC giải quyết đúng hạn", "Dossiers resolved on time (commune level)";
            "3.4" petitions_resolved_rate: Percent
                => "Tỷ lệ giải quyết phản ánh, kiến nghị (PAKN) về quy định TTHC",
                   "Share of feedback and petitions on procedures that were resolved";
            "3.4.1" petitions_received: Count<Petition>
                => "Tổng số PAKN đã tiếp nhận (trực tiếp hoặc do cơ quan có thẩm quyền chuyển đến)",
                   "Feedback and petitions received (directly or forwarded by a competent agency)";
            "3.4.2" petitions_resolved: Count<Petition>
                => "Số PAKN đã giải quyết xong", "Feedback and petitions resolved";
        }
        headings {
            "1" => "Thống kê TTHC", "Procedure statistics";
            "2" => "Thực hiện cơ chế một cửa, một cửa liên thông", "One-stop and inter-agency one-stop shop";
            "3" => "Kết quả giải quyết TTHC", "Results of resolving procedures";
        }
    }
}
